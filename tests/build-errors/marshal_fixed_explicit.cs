// Marshal.PtrToStructure of an explicit-layout struct holding a fixed
// array (ByValArray) is an error naming the field: ilcc lays out fixed
// arrays only in sequential structs. (At offset 4 the array reference
// would be misaligned: Mono throws TypeLoadException at run time, and so
// does ilcc, with a warning.)
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct Packet {
	[FieldOffset(0)] public int Kind;
	[FieldOffset(8), MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public byte[] Data;
}

static class P {
	static int Main()
	{
		IntPtr p = Marshal.AllocHGlobal(16);
		var k = (Packet)Marshal.PtrToStructure(p, typeof(Packet));
		return k.Kind;
	}
}
