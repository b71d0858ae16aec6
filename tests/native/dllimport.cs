// [DllImport] of libraries that are not libc: our own small C library
// (cfun.c, built by the test beside the executable), zlib and gmp of
// Debian, and libraries or entry points that do not exist. Printed
// through tests/run/lib/Out.cs, so that the program stays small.
using System;
using System.Runtime.InteropServices;

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
