// Marshal.SizeOf of a struct with an object field is an error naming the
// field: ilcc converts numbers, pointers, strings, bools, chars and inline
// arrays, not other references (Mono would need a COM interface).
using System;
using System.Runtime.InteropServices;

struct Flags { public int Id; public object On; }

static class P {
	static int Main()
	{
		return Marshal.SizeOf(typeof(Flags));
	}
}
