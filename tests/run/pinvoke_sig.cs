// P/Invoke signatures against libc and Marshal's memory calls, as
// issue 16's "Marshalling structs" lists them (docs/design.md,
// "Marshalling, Mono's run-time decisions"): strings as LPStr, LPUTF8Str
// and LPWStr, a string returned, arrays in and out, a StringBuilder
// buffer, a delegate field as a C function pointer and back,
// SetLastError with GetLastWin32Error, a SafeHandle returned and
// passed, a struct with a fixed buffer and one with ByValArray by
// reference; Marshal.Copy both ways for each element type, Read/Write of
// each size, StringToHGlobalAnsi/Uni and PtrToStringAnsi/Uni.
using System;
using System.IO;
using System.Text;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

class FdHandle : SafeHandleZeroOrMinusOneIsInvalid {
	public FdHandle() : base(true) { }
	protected override bool ReleaseHandle()
	{
		Console.WriteLine("release");
		return P.close((int)handle) == 0;
	}
}

unsafe struct Fixed16 {
	public fixed byte B[16];
	public int N;
}

delegate int Compare(IntPtr a, IntPtr b);

struct WithCallback {
	public int Tag;
	public Compare Cb;
}

[StructLayout(LayoutKind.Sequential)]
struct Quad {
	[MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public int[] V;
}

static unsafe class P {
	[DllImport("libc", EntryPoint = "strlen")]
	static extern IntPtr strlen_utf8([MarshalAs(UnmanagedType.LPUTF8Str)] string s);
	[DllImport("libc", EntryPoint = "strlen")]
	static extern IntPtr strlen_ansi([MarshalAs(UnmanagedType.LPStr)] string s);
	[DllImport("libc", EntryPoint = "memcpy")]
	static extern IntPtr memcpy_wide(byte[] dst, [MarshalAs(UnmanagedType.LPWStr)] string s, IntPtr n);
	[DllImport("libc")]
	static extern string strdup(string s);        /* Mono frees what it returns */
	[DllImport("libc")]
	static extern IntPtr memset([In, Out] int[] a, int c, IntPtr n);
	[DllImport("libc", EntryPoint = "memset")]
	static extern IntPtr memset_fixed(ref Fixed16 s, int c, IntPtr n);
	[DllImport("libc", EntryPoint = "memset")]
	static extern IntPtr memset_quad(ref Quad s, int c, IntPtr n);
	[DllImport("libc")]
	static extern void qsort(int[] data, IntPtr n, IntPtr size, IntPtr cmp);
	[DllImport("libc")]
	static extern IntPtr strcpy(StringBuilder dst, string src);
	[DllImport("libc", SetLastError = true)]
	internal static extern int close(int fd);
	[DllImport("libc", SetLastError = true)]
	static extern FdHandle open(string path, int flags);
	[DllImport("libc", EntryPoint = "open", SetLastError = true)]
	static extern int open_fd(string path, int flags);
	[DllImport("libc", SetLastError = true)]
	static extern IntPtr read(FdHandle fd, byte[] buf, IntPtr n);

	static string Codes(string s)
	{
		var b = new StringBuilder();
		foreach (char c in s)
			b.Append(c < 128 ? c.ToString() : "<" + (int)c + ">");
		return b.ToString();
	}

	static void Strings()
	{
		Console.WriteLine("utf8 " + strlen_utf8("h\u00e9llo") + " ansi " + strlen_ansi("h\u00e9llo"));
		byte[] w = new byte[6];
		memcpy_wide(w, "abc", (IntPtr)6);
		Console.WriteLine("wide " + BitConverter.ToString(w));
		Console.WriteLine("strdup " + Codes(strdup("d\u00fcp")));
		var sb = new StringBuilder(32);
		strcpy(sb, "copied");
		Console.WriteLine("builder " + sb);
	}

	static void Buffers()
	{
		int[] a = { 1, 2, 3 };
		memset(a, 0, (IntPtr)8);
		Console.WriteLine("array " + a[0] + " " + a[1] + " " + a[2]);
		var f = new Fixed16 { N = 5 };
		memset_fixed(ref f, 0x41, (IntPtr)16);
		Console.WriteLine("fixed " + f.B[0] + " " + f.B[15] + " " + f.N + " size " + Marshal.SizeOf(typeof(Fixed16)));
		var q = new Quad { V = new[] { 1, 2, 3, 4 } };
		memset_quad(ref q, 0, (IntPtr)8);
		Console.WriteLine("quad " + string.Join(",", q.V));
	}

	static void Callbacks()
	{
		var w = new WithCallback { Tag = 3, Cb = (x, y) => *(int *)x - *(int *)y };
		int size = Marshal.SizeOf(typeof(WithCallback));
		IntPtr p = Marshal.AllocHGlobal(size);
		Marshal.StructureToPtr(w, p, false);
		int[] a = { 3, 1, 2 };
		qsort(a, (IntPtr)3, (IntPtr)4, Marshal.ReadIntPtr(p, 8));
		Console.WriteLine("callback field " + size + ": " + string.Join(",", a));
		var back = (WithCallback)Marshal.PtrToStructure(p, typeof(WithCallback));
		int i = 5, j = 2;
		Console.WriteLine("back " + back.Tag + " " + back.Cb((IntPtr)(&i), (IntPtr)(&j)));
		Marshal.WriteIntPtr(p, 8, IntPtr.Zero);
		back = (WithCallback)Marshal.PtrToStructure(p, typeof(WithCallback));
		Console.WriteLine("null callback " + (back.Cb == null));
		Marshal.FreeHGlobal(p);
	}

	static void Errors()
	{
		int r = close(-1);
		Console.WriteLine("close " + r + " errno " + Marshal.GetLastWin32Error());
		string path = Path.Combine(Path.GetTempPath(), "ilcc_pinvoke_sig_" + Environment.TickCount + ".txt");
		File.WriteAllText(path, "hello");
		using (FdHandle h = open(path, 0)) {
			byte[] buf = new byte[16];
			long n = (long)read(h, buf, (IntPtr)16);
			Console.WriteLine("read " + n + " " + Encoding.ASCII.GetString(buf, 0, (int)n) + " invalid " + h.IsInvalid);
		}
		File.Delete(path);
		Console.WriteLine("missing " + open_fd(path, 0) + " errno " + Marshal.GetLastWin32Error());
	}

	static void Copies()
	{
		IntPtr p = Marshal.AllocHGlobal(64);
		byte[] b = { 1, 2, 3, 4 }, b2 = new byte[4];
		Marshal.Copy(b, 1, p, 3);
		Marshal.Copy(p, b2, 0, 3);
		Console.WriteLine("bytes " + string.Join(",", b2));
		short[] s = { -1, 300 }, s2 = new short[2];
		Marshal.Copy(s, 0, p, 2); Marshal.Copy(p, s2, 0, 2);
		int[] i = { -5, 1 << 30 }, i2 = new int[2];
		Marshal.Copy(i, 0, p, 2); Marshal.Copy(p, i2, 0, 2);
		long[] l = { -7, 1L << 40 }, l2 = new long[2];
		Marshal.Copy(l, 0, p, 2); Marshal.Copy(p, l2, 0, 2);
		Console.WriteLine("shorts " + string.Join(",", s2) + " ints " + string.Join(",", i2) + " longs " + string.Join(",", l2));
		float[] f = { 1.5f, -2 }, f2 = new float[2];
		Marshal.Copy(f, 0, p, 2); Marshal.Copy(p, f2, 0, 2);
		double[] d = { 0.25, 1e100 }, d2 = new double[2];
		Marshal.Copy(d, 0, p, 2); Marshal.Copy(p, d2, 0, 2);
		char[] c = { 'o', 'k' }, c2 = new char[2];
		Marshal.Copy(c, 0, p, 2); Marshal.Copy(p, c2, 0, 2);
		IntPtr[] q = { (IntPtr)42, IntPtr.Zero }, q2 = new IntPtr[2];
		Marshal.Copy(q, 0, p, 2); Marshal.Copy(p, q2, 0, 2);
		Console.WriteLine("floats " + string.Join(",", f2) + " doubles " + string.Join(",", d2) + " chars " + new string(c2) + " ptrs " + q2[0] + "," + q2[1]);
		Marshal.WriteByte(p, 0, 0xfe);
		Marshal.WriteInt16(p, 2, -2);
		Marshal.WriteInt32(p, 4, -3);
		Marshal.WriteInt64(p, 8, -4L << 33);
		Marshal.WriteIntPtr(p, 16, (IntPtr)(-5));
		Console.WriteLine("read " + Marshal.ReadByte(p) + " " + Marshal.ReadInt16(p, 2) + " " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadInt64(p, 8) + " " + Marshal.ReadIntPtr(p, 16) + " " + Marshal.ReadInt64(p));
		Marshal.FreeHGlobal(p);
		IntPtr a = Marshal.StringToHGlobalAnsi("ansi \u00e9");
		IntPtr u = Marshal.StringToHGlobalUni("uni \u00e9");
		Console.WriteLine(Codes(Marshal.PtrToStringAnsi(a)) + " | " + Marshal.PtrToStringAnsi(a, 4) + " | " + Codes(Marshal.PtrToStringUni(u)) + " | " + Marshal.PtrToStringUni(u, 3) + " | " + Marshal.ReadInt16(u, 8) + " " + Marshal.ReadByte(a, 5) + " " + Marshal.ReadByte(a, 6));
		Marshal.FreeHGlobal(a);
		Marshal.FreeHGlobal(u);
		Console.WriteLine("null " + (Marshal.StringToHGlobalAnsi(null) == IntPtr.Zero) + " " + (Marshal.StringToHGlobalUni(null) == IntPtr.Zero) + " " + (Marshal.PtrToStringAnsi(IntPtr.Zero) == null));
	}

	static void Main()
	{
		Strings();
		Buffers();
		Callbacks();
		Errors();
		Copies();
	}
}
