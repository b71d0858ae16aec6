// A P/Invoke of a C function with variable arguments (printf through
// __arglist) is an error naming the method: the extra arguments would
// have to be passed as C's, which ilcc does not do.
using System;
using System.Runtime.InteropServices;

static class P {
	[DllImport("libc")]
	static extern int printf(string format, __arglist);

	static int Main()
	{
		return printf("%d %s\n", __arglist(42, "text"));
	}
}
