// An unhandled exception derived from ExternalException: Mono's report
// shows its HResult after the type name, "Type (0x80004005): message".
using System;
using System.ComponentModel;

static class External
{
	static int Main()
	{
		Console.WriteLine("before");
		throw new Win32Exception(13, "no access to the thing");
	}
}
