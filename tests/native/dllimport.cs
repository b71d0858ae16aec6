// [DllImport] of libraries that are not libc: our own small C library
// (cfun.c, built by the test beside the executable), zlib and gmp of
// Debian, and libraries or entry points that do not exist. Printed
// through tests/run/lib/Out.cs, so that the program stays small.
using System;
using System.Runtime.InteropServices;
using System.Text;

static class DllImportTest {
	[DllImport("cfun")] static extern int cfun_add(int a, int b);
	[DllImport("cfun")] static extern double cfun_scale(double x, long k);
	[DllImport("libcfun.so")] static extern int cfun_length(string s);
	[DllImport("cfun")] static extern long cfun_squares(int[] buf, int n);
	delegate int Twice(int x);
	[DllImport("cfun")] static extern int cfun_apply(Twice f, int x);
	[DllImport("cfun")] static extern int cfun_missing(int x);
	[DllImport("no_such_library_xyz")] static extern int nothing(int x);
	[DllImport("z")] static extern IntPtr zlibVersion();
	[DllImport("libz.so.1")] static extern uint crc32(uint crc, byte[] buf, uint len);
	[DllImport("libm.so.6", EntryPoint = "cbrt")] static extern double CubeRoot(double x);

	[StructLayout(LayoutKind.Sequential)]
	struct Mpz { public int alloc, size; public IntPtr d; }
	[DllImport("gmp", EntryPoint = "__gmpz_init_set_ui")] static extern void mpz_init_set_ui(ref Mpz z, ulong v);
	[DllImport("gmp", EntryPoint = "__gmpz_mul")] static extern void mpz_mul(ref Mpz r, ref Mpz a, ref Mpz b);
	[DllImport("gmp", EntryPoint = "__gmpz_sizeinbase")] static extern UIntPtr mpz_sizeinbase(ref Mpz z, int b);
	[DllImport("gmp", EntryPoint = "__gmpz_get_str")] static extern IntPtr mpz_get_str(byte[] s, int b, ref Mpz z);
	[DllImport("gmp", EntryPoint = "__gmpz_clear")] static extern void mpz_clear(ref Mpz z);

	// marshalling (issue 16): bools, UTF-16, StringBuilder, string arrays,
	// structs with strings, bools, chars and inline strings
	[DllImport("cfun", EntryPoint = "cfun_flag")] [return: MarshalAs(UnmanagedType.U1)] static extern bool Flag(int x);
	[DllImport("cfun")] static extern int cfun_not([MarshalAs(UnmanagedType.U1)] bool b);
	[DllImport("cfun")] static extern int cfun_wcount([MarshalAs(UnmanagedType.LPWStr)] string s, char c);
	[DllImport("cfun", EntryPoint = "cfun_wcount", CharSet = CharSet.Unicode)] static extern int WCount(string s, char c);
	[DllImport("cfun", EntryPoint = "cfun_wide")] static extern IntPtr Wide();
	[DllImport("cfun")] static extern int cfun_fill(StringBuilder sb, int cap);
	[DllImport("cfun", CharSet = CharSet.Unicode)] static extern void cfun_wfill(StringBuilder sb);
	[DllImport("cfun")] static extern int cfun_total(string[] v, int n);

	[StructLayout(LayoutKind.Sequential)]
	struct Person {
		public int Id;
		public string Name;
		public bool Admin;
		public char Initial;
		[MarshalAs(UnmanagedType.ByValTStr, SizeConst = 8)] public string Code;
		public double Score;
	}
	[DllImport("cfun")] static extern double cfun_person_rank(Person p);
	[DllImport("cfun")] static extern void cfun_person_update(ref Person p);
	[DllImport("cfun")] static extern void cfun_person_make(int id, out Person p);
	struct WideLabel { public int X; [MarshalAs(UnmanagedType.LPWStr)] public string Label; }
	[DllImport("cfun")] static extern int cfun_wide_len(ref WideLabel w);

	[StructLayout(LayoutKind.Sequential)] class Pt { public int X, Y; }
	[StructLayout(LayoutKind.Sequential)] class Named { public int N; public string S; }
	[DllImport("cfun")] static extern int cfun_swap(Pt p);
	[DllImport("cfun")] static extern int cfun_named(Named p);
	[DllImport("cfun", EntryPoint = "cfun_named")] static extern int NamedOut([In, Out] Named p);
	[DllImport("cfun", SetLastError = true)] static extern int cfun_fail(int e);
	[DllImport("cfun")] static extern int cfun_out_str(int k, out string s);
	[DllImport("cfun")] static extern int cfun_ref_str(ref string s);
	[DllImport("cfun")] static extern void cfun_ref_bool(ref bool b);

	static void Show(Person p) {
		Out.L("person " + p.Id + " " + p.Name + " " + p.Admin + " " + p.Initial + " " + p.Code + " " + p.Score);
	}

	static void Marshalling() {
		Out.L("flag of 3", Flag(3));
		Out.L("flag of 4", Flag(4));
		Out.L("not true", cfun_not(true));
		Out.L("not false", cfun_not(false));
		Out.L("wcount", cfun_wcount("banana", 'a'));
		Out.L("wcount unicode", WCount("mississippi", 's'));
		Out.L("wide", Marshal.PtrToStringUni(Wide()));
		var sb = new StringBuilder("abc", 64);
		Out.L("fill", cfun_fill(sb, sb.Capacity));
		Out.L("filled", sb.ToString());
		var wsb = new StringBuilder("shout this");
		cfun_wfill(wsb);
		Out.L("wfill", wsb.ToString());
		Out.L("total", cfun_total(new[] { "one", "three", null, "" }, 4));
		var p = new Person { Id = 7, Name = "ada", Admin = true, Initial = 'a', Code = "X-99-LONGER", Score = 0.25 };
		Out.L("rank", cfun_person_rank(p));
		cfun_person_update(ref p);
		Show(p);
		Person q;
		cfun_person_make(42, out q);
		Show(q);
		Out.L("size of Person", Marshal.SizeOf(typeof(Person)));
		Out.L("Code at", Marshal.OffsetOf(typeof(Person), "Code").ToInt32());
		var w = new WideLabel { X = 100, Label = "label" };
		Out.L("wide struct", cfun_wide_len(ref w));
		var pt = new Pt { X = 1, Y = 2 };
		Out.L("swap", cfun_swap(pt));
		Out.L("swapped (pinned)", pt.X * 10 + pt.Y);
		var named = new Named { N = 5, S = "abc" };
		Out.L("named", cfun_named(named));
		Out.L("named in only " + named.N + " " + named.S);
		Out.L("named out", NamedOut(named));
		Out.L("named back " + named.N + " " + named.S);
		Out.L("fail", cfun_fail(34));
		Out.L("last error", Marshal.GetLastWin32Error());
		string os;
		cfun_out_str(1, out os);
		Out.L("out string", os);
		string rs = "inside";
		Out.L("ref string", cfun_ref_str(ref rs));
		Out.L("ref string back", rs);
		bool rb = true, rb2 = false;
		cfun_ref_bool(ref rb);
		cfun_ref_bool(ref rb2);
		Out.L("ref bools " + rb + " " + rb2);
	}

	static int Double(int x) { return 2 * x; }

	static string Power(ulong b, int e) {
		Mpz r = new Mpz(), x = new Mpz();
		mpz_init_set_ui(ref r, 1);
		mpz_init_set_ui(ref x, b);
		for (int i = 0; i < e; i++)
			mpz_mul(ref r, ref r, ref x);
		var buf = new byte[(int)mpz_sizeinbase(ref r, 10).ToUInt64() + 2];
		mpz_get_str(buf, 10, ref r);
		mpz_clear(ref r);
		mpz_clear(ref x);
		var digits = new char[buf.Length];
		int n = 0;
		while (buf[n] != 0)
			digits[n] = (char)buf[n++];
		return new string(digits, 0, n);
	}

	static void Try(string what, Func<int> f) {
		try {
			Out.L(what, f());
		} catch (Exception e) {
			Out.L(what + ": " + e.GetType().FullName + ": " + e.Message);
		}
	}

	static int Main() {
		Out.L("add", cfun_add(40, 2));
		Out.L("scale", cfun_scale(1.5, 4));
		Out.L("length", cfun_length("hello"));
		Out.L("length of null", cfun_length(null));
		var sq = new int[5];
		Out.L("squares", cfun_squares(sq, sq.Length));
		Out.L("the fourth", sq[4]);
		Out.L("apply", cfun_apply(Double, 5));
		Marshalling();
#if !LINKED    // linked directly, a missing entry point is a link error
		Try("missing entry", () => cfun_missing(1));
		Try("missing entry again", () => cfun_missing(1));
#endif
		Try("missing library", () => nothing(1));
		Out.L("zlib", Marshal.PtrToStringAnsi(zlibVersion()).Length > 0);
		string text = "The quick brown fox jumps over the lazy dog";
		var data = new byte[text.Length];
		for (int i = 0; i < text.Length; i++)
			data[i] = (byte)text[i];
		Out.S("crc32 ");
		Out.Hex(crc32(0, data, (uint)data.Length), 8);
		Out.L();
		Out.L("cbrt", CubeRoot(27.0));
		Out.L("2^100", Power(2, 100));
		Out.L("3^50", Power(3, 50));
		return 0;
	}
}
