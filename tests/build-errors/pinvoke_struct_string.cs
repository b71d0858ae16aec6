// A P/Invoke passing a struct that holds a string is an error naming the
// method and the struct: ilcc passes structs as they are laid out, and a
// string is not a char * there.
using System;
using System.Runtime.InteropServices;

struct Named { public int Id; public string Name; }

static class P {
	[DllImport("libc")]
	static extern int strlen(ref Named n);

	static int Main()
	{
		var n = new Named { Id = 1, Name = "x" };
		return strlen(ref n);
	}
}
