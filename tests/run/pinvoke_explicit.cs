// Marshal of explicit-layout structs whose fields convert (docs/design.md,
// "Marshalling conversions"): each field keeps its FieldOffset in native
// memory with its native type there: a bool a 4-byte BOOL, a char one
// ANSI byte, ByValTStr and ByValArray inline (at aligned offsets: Mono
// refuses a reference field elsewhere), a string a char *, fields
// that overlap. SizeOf, OffsetOf, StructureToPtr and PtrToStructure.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit, CharSet = CharSet.Ansi)]
struct Tagged {
	[FieldOffset(0)] public int Tag;
	[FieldOffset(4)] public bool Flag;
	[FieldOffset(8)] public double D;
	[FieldOffset(8)] public long Bits;
	[FieldOffset(16)] public char C;
	[FieldOffset(24), MarshalAs(UnmanagedType.ByValTStr, SizeConst = 7)] public string Name;
	[FieldOffset(32), MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public short[] Data;
	[FieldOffset(40)] public string Text;
}

[StructLayout(LayoutKind.Explicit)]
struct Packet {
	[FieldOffset(0)] public int Kind;
	[FieldOffset(8), MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public byte[] Data;
}

static class P {
	static void Say(string s) { Out.S(s); Out.L(); }
	static int Main()
	{
		Say(Marshal.SizeOf(typeof(Tagged)) + " " + Marshal.OffsetOf(typeof(Tagged), "Name") + " " +
		    Marshal.OffsetOf(typeof(Tagged), "Data") + " " + Marshal.OffsetOf(typeof(Tagged), "Text") + " " +
		    Marshal.SizeOf(typeof(Packet)));
		var t = new Tagged { Tag = 7, Flag = true, D = 2.5, C = 'x', Name = "abcdefghij",
				     Data = new short[] { 1, -2, 3, 4 }, Text = "text" };
		IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Tagged)));
		Marshal.StructureToPtr(t, p, false);
		Say(Marshal.ReadInt32(p, 0) + " " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadInt64(p, 8).ToString("X") +
		    " " + (char)Marshal.ReadByte(p, 16) + " " + Marshal.PtrToStringAnsi(p + 24) + " " +
		    Marshal.ReadInt16(p, 34) + " " + Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(p, 40)));
		Marshal.WriteInt32(p, 4, 0);
		Marshal.WriteInt16(p, 38, 40);
		var back = (Tagged)Marshal.PtrToStructure(p, typeof(Tagged));
		Say(back.Tag + " " + back.Flag + " " + back.D + " " + back.Bits.ToString("X") + " " + back.C + " " +
		    back.Name + " " + string.Join(",", back.Data) + " " + back.Text);
		Marshal.DestroyStructure(p, typeof(Tagged));
		Marshal.FreeHGlobal(p);
		IntPtr q = Marshal.AllocHGlobal(16);
		for (int i = 0; i < 16; i++)
			Marshal.WriteByte(q, i, (byte)i);
		var k = (Packet)Marshal.PtrToStructure(q, typeof(Packet));
		Say(k.Kind.ToString("X") + " " + string.Join(",", k.Data));
		Marshal.FreeHGlobal(q);
		return 0;
	}
}
