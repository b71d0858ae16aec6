// Marshal.SizeOf of a struct with a bool field is an error naming the
// field: a bool is 4 bytes in native memory but 1 in ilcc's struct, and
// ilcc marshals only structs laid out in native memory as they are.
using System;
using System.Runtime.InteropServices;

struct Flags { public int Id; public bool On; }

static class P {
	static int Main()
	{
		return Marshal.SizeOf(typeof(Flags));
	}
}
