// Unsafe code: pointers to locals, fields and array elements (fixed),
// pointer arithmetic and comparison, sizeof, structs with explicit layout
// whose fields overlap, fixed-size buffers, stackalloc, void* and
// pointer-to-integer casts, and pinning a string.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct Overlay {
	[FieldOffset(0)] public ulong U64;
	[FieldOffset(0)] public double F64;
	[FieldOffset(0)] public uint Lo;
	[FieldOffset(4)] public uint Hi;
	[FieldOffset(1)] public byte B1;
	[FieldOffset(2)] public short S2;
}

// explicit layouts sized as Mono sizes them (bug-6148): aligned as the
// most aligned field, up to the Pack; a Size that is no multiple of that
// alignment kept as it is
[StructLayout(LayoutKind.Explicit, Pack = 2)]
struct PackTwo {
	[FieldOffset(0)] public int A;
	[FieldOffset(8)] public byte B;
	[FieldOffset(9)] public int C;
	[FieldOffset(13)] public int D;
}
[StructLayout(LayoutKind.Explicit, Size = 12)]
struct SizeTwelve {
	[FieldOffset(0)] public long A;
	[FieldOffset(8)] public int B;
}
[StructLayout(LayoutKind.Explicit, Size = 3)]
struct SizeBelowFields {
	[FieldOffset(0)] public int A;
}

[StructLayout(LayoutKind.Sequential)]
struct Point {
	public int X, Y;
}

unsafe struct Packet {
	public int Length;
	public fixed byte Data[16];
	public fixed long Words[2];
}

unsafe class Holder {
	public int Value;
	public Point Where;
}

static unsafe class UnsafePtr {
	static void Swap(int* a, int* b)
	{
		int t = *a;
		*a = *b;
		*b = t;
	}

	static long SumRange(long* from, long* to)
	{
		long s = 0;
		for (long* p = from; p < to; p++)
			s += *p;
		return s;
	}

	static int Checksum(Packet* pk)
	{
		int s = 0;
		for (int i = 0; i < pk->Length; i++)
			s = s * 31 + pk->Data[i];
		return s;
	}

	static int Main()
	{
		int x = 3, y = 4;
		Swap(&x, &y);
		Out.L("swap", x * 10 + y);
		int* px = &x;
		*px += 100;
		Out.L("through pointer", x);

		Out.L("sizeof int", sizeof(int));
		Out.L("sizeof long", sizeof(long));
		Out.L("sizeof char", sizeof(char));
		Out.L("sizeof Point", sizeof(Point));
		Out.L("sizeof Overlay", sizeof(Overlay));
		Out.L("sizeof Packet", sizeof(Packet));
		Out.L("sizeof PackTwo", sizeof(PackTwo));
		Out.L("sizeof SizeTwelve", sizeof(SizeTwelve));
		Out.L("sizeof SizeBelowFields", sizeof(SizeBelowFields));
		SizeTwelve[] twelves = new SizeTwelve[3];
		twelves[1].A = -1;
		twelves[1].B = 5;
		twelves[2].A = 7;
		Out.L("SizeTwelve array", twelves[1].A + twelves[1].B + twelves[2].A + twelves[0].B);
		Out.L("Marshal.SizeOf PackTwo", Marshal.SizeOf(typeof(PackTwo)));

		long[] arr = { 1, 2, 3, 4, 5, 6, 7, 8 };
		fixed (long* p = arr) {
			Out.L("sum 2..6", SumRange(p + 2, p + 6));
			long* q = &p[7];
			Out.L("distance", q - p);
			Out.L("p[-1] via q", *(q - 1));
			*(p + 1) = 20;
		}
		Out.L("arr[1]", arr[1]);
		fixed (long* p = &arr[3])
			Out.L("element pointer", *p);

		Holder h = new Holder();
		fixed (int* pv = &h.Value)
			*pv = 77;
		fixed (Point* pp = &h.Where) {
			pp->X = 5;
			(*pp).Y = 6;
		}
		Out.L("holder", h.Value + h.Where.X * 1000 + h.Where.Y * 100);

		Overlay o = new Overlay();
		o.F64 = 1.0;
		Out.S("double bits ");
		Out.Hex(o.U64, 16);
		Out.L();
		Out.L("hi word", (long)o.Hi);
		Out.L("lo word", (long)o.Lo);
		o.U64 = 0x1122334455667788;
		Out.L("B1", o.B1);
		Out.L("S2", o.S2);
		o.S2 = -1;
		Out.S("after S2 store ");
		Out.Hex(o.U64, 16);
		Out.L();

		Packet pk = new Packet();
		pk.Length = 5;
		for (int i = 0; i < 16; i++)
			pk.Data[i] = (byte)(i * 17);
		pk.Words[1] = -2;
		Out.L("checksum", Checksum(&pk));
		Out.L("words", pk.Words[0] + pk.Words[1]);
		byte* raw = (byte*)&pk;
		Out.L("raw data[2]", raw[4 + 2]);

		int* buf = stackalloc int[16];
		for (int i = 0; i < 16; i++)
			buf[i] = i * i;
		short* half = (short*)buf;
		Out.L("halves", half[2] + half[3] * 65536);
		void* v = buf + 3;
		Out.L("void* cast", *(int*)v);
		long addr = (long)buf;
		Out.L("aligned", addr % 4 == 0);
		Out.L("ptr compare", buf + 1 > buf);

		string s = "pointer";
		int vowels = 0;
		fixed (char* c = s) {
			for (char* q = c; *q != '\0'; q++)
				if (*q == 'o' || *q == 'i' || *q == 'e')
					vowels++;
		}
		Out.L("vowels", vowels);

		Point* pts = stackalloc Point[3];
		for (int i = 0; i < 3; i++) {
			pts[i].X = i;
			pts[i].Y = -i;
		}
		Out.L("pts", pts[2].X - pts[2].Y);
		IntPtr ip = (IntPtr)pts;
		Out.L("IntPtr round trip", ((Point*)ip)[1].Y);
		int*[] ipa = new int*[2];
		Array pa = ipa;
		Out.L("int*[] is int*[]", pa is int*[]);
		Out.L("int*[] is char*[]", pa is char*[]);
		Out.L("int*[] is object[]", pa is object[]);
		Out.L("int*[] type", pa.GetType().ToString());
		return x % 256;
	}
}
