// Output for run tests that must not depend on System.Console (which needs
// the class library's I/O stack): each line goes to standard output through
// libc's write(2), so the program prints the same under mono and ilcc.
using System;
using System.Runtime.InteropServices;

public static class Out {
	[DllImport("libc")]
	static extern IntPtr write(int fd, byte[] buf, IntPtr count);

	static byte[] line = new byte[1 << 16];
	static int len;

	static void Put(char c)
	{
		if (len == line.Length)
			Flush();
		line[len++] = c < 128 ? (byte)c : (byte)'?';
	}

	static void Flush()
	{
		write(1, line, (IntPtr)len);
		len = 0;
	}

	public static void S(string s)
	{
		if (s == null) {
			S("(null)");
			return;
		}
		for (int i = 0; i < s.Length; i++)
			Put(s[i]);
	}

	public static void C(char c) { Put(c); }

	public static void I(long v)
	{
		if (v < 0) {
			Put('-');
			U((ulong)(-(v + 1)) + 1);
		} else {
			U((ulong)v);
		}
	}

	public static void U(ulong v)
	{
		char[] d = new char[20];
		int n = 0;
		do {
			d[n++] = (char)('0' + (int)(v % 10));
			v /= 10;
		} while (v != 0);
		while (n > 0)
			Put(d[--n]);
	}

	public static void B(bool b) { S(b ? "True" : "False"); }

	// Fixed-point with 6 decimals, rounded; NaN and infinities by name.
	public static void F(double v)
	{
		if (v != v) { S("NaN"); return; }
		if (v == double.PositiveInfinity) { S("Infinity"); return; }
		if (v == double.NegativeInfinity) { S("-Infinity"); return; }
		if (v < 0 || (v == 0 && 1 / v < 0)) { Put('-'); v = -v; }
		if (v >= 1e18) { S("big"); return; }
		ulong whole = (ulong)v;
		ulong frac = (ulong)((v - whole) * 1000000 + 0.5);
		if (frac >= 1000000) { whole++; frac -= 1000000; }
		U(whole);
		Put('.');
		for (ulong d = 100000; d > 0; d /= 10)
			Put((char)('0' + (int)(frac / d % 10)));
	}

	// Exact bits, for checking floating-point results to the last bit.
	public static void X(double v) { Hex((ulong)BitConverter.DoubleToInt64Bits(v), 16); }

	public static void Hex(ulong v, int digits)
	{
		for (int i = digits - 1; i >= 0; i--)
			Put("0123456789abcdef"[(int)(v >> (4 * i)) & 15]);
	}

	public static void L() { Put('\n'); Flush(); }
	public static void L(string s) { S(s); L(); }
	public static void L(string label, long v) { S(label); S(" "); I(v); L(); }
	public static void L(string label, double v) { S(label); S(" "); F(v); L(); }
	public static void L(string label, string v) { S(label); S(" "); S(v); L(); }
	public static void L(string label, bool v) { S(label); S(" "); B(v); L(); }
}
