// A P/Invoke passing a struct that holds an object reference is an error
// naming the method and the struct: ilcc converts strings, bools, chars
// and inline arrays of a struct, not other references.
using System;
using System.Runtime.InteropServices;

struct Named { public int Id; public object Name; }

static class P {
	[DllImport("libc")]
	static extern int strlen(ref Named n);

	static int Main()
	{
		var n = new Named { Id = 1, Name = "x" };
		return strlen(ref n);
	}
}
