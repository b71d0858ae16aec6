// An internal call the runtime does not implement: the build names it and
// the chain of callers that reached it.
using System;

static class MissingIcall {
	static int Main()
	{
		return Environment.GetLogicalDrives().Length;
	}
}
