// Marshal of what Mono decides when the program runs (docs/design.md,
// "Marshalling, Mono's run-time decisions"): classes with explicit layout,
// with a Size, deriving from a class with layout (the base's fields
// first, OffsetOf finds them); an object of a class with layout inline in
// a struct; char arrays by value in an ANSI struct (a byte each);
// ByValTStr read back without its NUL (n - 1 bytes); a generic struct; an
// array field without ByValArray (MarshalDirectiveException); COM
// references and VARIANT (sizes; null only); auto layout (Mono's
// exceptions); an explicit-layout class deriving from another, whose
// FieldOffsets count from the same start (Mono overlaps them).
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit, Size = 32)]
class Named {
	[FieldOffset(0), MarshalAs(UnmanagedType.ByValTStr, SizeConst = 16)] public string Name;
	[FieldOffset(16)] public int Id;
}

[StructLayout(LayoutKind.Sequential, Size = 32)]
class Base {
	[MarshalAs(UnmanagedType.ByValTStr, SizeConst = 16)] public string A;
	public int B;
}

[StructLayout(LayoutKind.Sequential, Size = 32)]
class Derived : Base {
	public int C;
}

[StructLayout(LayoutKind.Sequential)]
class Pair {
	public int X, Y;
}

[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Ansi)]
struct Holder {
	public int Tag;
	public Pair P;
	[MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)] public char[] Code;
	[MarshalAs(UnmanagedType.ByValTStr, SizeConst = 4)] public string Short;
	public double D;
}

struct Gen<T> {
	public T A, B;
	public bool Flag;
}

struct HasGen {
	public Gen<int> G;
}

[StructLayout(LayoutKind.Sequential)]
struct NoCount {
	public int N;
	public int[] Values;
}

[StructLayout(LayoutKind.Sequential)]
struct Grid {
	[MarshalAs(UnmanagedType.ByValArray, SizeConst = 6)] public int[,] Cells;
}

[StructLayout(LayoutKind.Sequential)]
class Com {
	[MarshalAs(UnmanagedType.Interface)] public object Itf;
	[MarshalAs(UnmanagedType.IUnknown)] public object Unk;
}

[StructLayout(LayoutKind.Sequential)]
class Variant {
	[MarshalAs(UnmanagedType.Struct)] public object V;
}

class Auto {
	public int X;
}

[StructLayout(LayoutKind.Explicit)]
class Overlay {
	[FieldOffset(0)] public int A;
	[FieldOffset(0)] public byte A0;
}

[StructLayout(LayoutKind.Explicit)]
class Overlay2 : Overlay {
	[FieldOffset(0)] public int B;
}

static class P {
	static void Try(string what, Func<object> f)
	{
		try {
			Console.WriteLine(what + ": " + f());
		} catch (Exception e) {
			/* Mono names Auto in full in one message: not in a bundle */
			string m = e.Message.Replace("B_pinvoke_layout.", "");
			Console.WriteLine(what + ": " + e.GetType().Name + ": " + m);
		}
	}

	static void Classes()
	{
		IntPtr p = Marshal.AllocHGlobal(128);
		Console.WriteLine("Named " + Marshal.SizeOf(typeof(Named)) + " Id at " + Marshal.OffsetOf(typeof(Named), "Id"));
		Marshal.StructureToPtr(new Named { Name = "abcd", Id = 7 }, p, false);
		Console.WriteLine("bytes " + Marshal.ReadByte(p, 0) + " " + Marshal.ReadByte(p, 3) + " " + Marshal.ReadByte(p, 4) + " id " + Marshal.ReadInt32(p, 16));
		Named n = (Named)Marshal.PtrToStructure(p, typeof(Named));
		Console.WriteLine("back " + n.Name + " " + n.Id);

		Console.WriteLine("Base " + Marshal.SizeOf(typeof(Base)) + " Derived " + Marshal.SizeOf(typeof(Derived)));
		Console.WriteLine("offsets B " + Marshal.OffsetOf(typeof(Derived), "B") + " C " + Marshal.OffsetOf(typeof(Derived), "C"));
		var d = new Derived { A = "base", B = 0x12345678, C = 0x76543210 };
		Marshal.StructureToPtr(d, p, false);
		Console.WriteLine("read B " + Marshal.ReadInt32(p, 16).ToString("x") + " C " + Marshal.ReadInt32(p, 32).ToString("x"));
		var d2 = new Derived();
		Marshal.PtrToStructure(p, d2);
		Console.WriteLine("into " + d2.A + " " + d2.B.ToString("x") + " " + d2.C.ToString("x"));
		Try("OffsetOf missing", () => Marshal.OffsetOf(typeof(Derived), "blah"));
		Marshal.FreeHGlobal(p);
	}

	static void Inline()
	{
		int size = Marshal.SizeOf(typeof(Holder));
		Console.WriteLine("Holder " + size + " P at " + Marshal.OffsetOf(typeof(Holder), "P") + " Code at " + Marshal.OffsetOf(typeof(Holder), "Code") + " Short at " + Marshal.OffsetOf(typeof(Holder), "Short") + " D at " + Marshal.OffsetOf(typeof(Holder), "D"));
		IntPtr p = Marshal.AllocHGlobal(size);
		var h = new Holder { Tag = 1, P = new Pair { X = 10, Y = 11 }, Code = new[] { 'x', 'y', 'z' }, Short = "ABCD", D = 1.5 };
		Marshal.StructureToPtr(h, p, false);
		Console.WriteLine("pair " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadInt32(p, 8) + " code " + (char)Marshal.ReadByte(p, 12) + (char)Marshal.ReadByte(p, 14));
		Holder b = (Holder)Marshal.PtrToStructure(p, typeof(Holder));
		Console.WriteLine("back " + b.Tag + " " + b.P.X + " " + b.P.Y + " " + new string(b.Code) + " " + b.Short + " " + b.D);
		Marshal.WriteByte(p, 18, (byte)'Q');    /* no NUL in Short's 4 bytes */
		Holder c = (Holder)Marshal.PtrToStructure(p, typeof(Holder));
		Console.WriteLine("no NUL " + c.Short);
		h.P = null;
		Marshal.StructureToPtr(h, p, false);
		Console.WriteLine("null pair " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadInt32(p, 8));
		Marshal.FreeHGlobal(p);
	}

	static void Others()
	{
		IntPtr p = Marshal.AllocHGlobal(64);
		var hg = new HasGen { G = new Gen<int> { A = 1, B = 2, Flag = true } };
		Console.WriteLine("generic " + Marshal.SizeOf(hg));
		Marshal.StructureToPtr(hg, p, false);
		HasGen back = (HasGen)Marshal.PtrToStructure(p, typeof(HasGen));
		Console.WriteLine("generic back " + back.G.A + " " + back.G.B + " " + back.G.Flag);
		Console.WriteLine("NoCount " + Marshal.SizeOf(typeof(NoCount)));
		Try("NoCount from native", () => Marshal.PtrToStructure(p, typeof(NoCount)));
		Try("NoCount to native", () => { Marshal.StructureToPtr(new NoCount(), p, false); return "done"; });
		Console.WriteLine("Grid " + Marshal.SizeOf(typeof(Grid)));
		Marshal.StructureToPtr(new Grid { Cells = new[,] { { 1, 2, 3 }, { 4, 5, 6 } } }, p, false);
		Console.WriteLine("cell 4 " + Marshal.ReadInt32(p, 16));
		Console.WriteLine("Com " + Marshal.SizeOf(typeof(Com)) + " Variant " + Marshal.SizeOf(typeof(Variant)));
		Marshal.StructureToPtr(new Com(), p, false);
		Console.WriteLine("null COM " + Marshal.ReadIntPtr(p, 0) + " " + (Marshal.PtrToStructure(p, typeof(Com)) != null));
		Try("Auto SizeOf", () => Marshal.SizeOf(typeof(Auto)));
		Try("Auto StructureToPtr", () => { Marshal.StructureToPtr(new Auto(), p, false); return "done"; });
		Try("Auto PtrToStructure", () => Marshal.PtrToStructure(p, typeof(Auto)));
		Try("boxed struct", () => { object o = new HasGen(); Marshal.PtrToStructure(p, o); return "done"; });
		Marshal.FreeHGlobal(p);
	}

	static void Overlaid()
	{
		var o = new Overlay2();
		o.A = 1;
		Console.WriteLine("overlay A0 " + o.A0);
		o.B = 3;
		Console.WriteLine("overlay A " + o.A);
	}

	static void Main()
	{
		Classes();
		Inline();
		Others();
		Overlaid();
	}
}
