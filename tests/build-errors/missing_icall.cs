// An internal call the runtime does not implement: the build names it and
// the chain of callers that reached it.
using System;
using System.IO;

static class MissingIcall {
	static int Main()
	{
		return new DriveInfo("/").DriveFormat.Length;
	}
}
