// What every benchmark program shares, kept free of System.Console and of
// string formatting (ilcc does not compile the class library's I/O stack
// yet): the problem size from args[0], parsed by hand, and the checksum
// printed digit by digit through libc's write(2). bench.h is the same in C,
// producing byte-identical output.
using System;
using System.Runtime.InteropServices;

public static class Bench {
	[DllImport("libc")]
	static extern IntPtr write(int fd, byte[] buf, IntPtr count);

	// args[0] as a non-negative decimal, or dflt when absent or not digits.
	public static int Size(string[] args, int dflt)
	{
		if (args.Length == 0 || args[0].Length == 0)
			return dflt;
		int n = 0;
		string s = args[0];
		for (int i = 0; i < s.Length; i++) {
			if (s[i] < '0' || s[i] > '9')
				return dflt;
			n = n * 10 + (s[i] - '0');
		}
		return n;
	}

	// v in decimal, then a newline.
	public static void Print(long v)
	{
		byte[] b = new byte[24];
		int n = Digits(b, 0, v);
		b[n++] = (byte)'\n';
		write(1, b, (IntPtr)n);
	}

	// v rounded to 9 decimals, then a newline; the same arithmetic as
	// bench_print_f in bench.h, so both print the same digits.
	public static void Print(double v)
	{
		byte[] b = new byte[48];
		int n = 0;
		if (v < 0) {
			b[n++] = (byte)'-';
			v = -v;
		}
		ulong whole = (ulong)v;
		ulong frac = (ulong)((v - whole) * 1e9 + 0.5);
		if (frac >= 1000000000UL) {
			whole++;
			frac -= 1000000000UL;
		}
		n = Digits(b, n, (long)whole);
		b[n++] = (byte)'.';
		for (ulong d = 100000000UL; d > 0; d /= 10)
			b[n++] = (byte)('0' + (int)(frac / d % 10));
		b[n++] = (byte)'\n';
		write(1, b, (IntPtr)n);
	}

	static int Digits(byte[] b, int n, long v)
	{
		if (v < 0) {
			b[n++] = (byte)'-';
			v = -v;
		}
		byte[] d = new byte[20];
		int k = 0;
		do {
			d[k++] = (byte)('0' + (int)(v % 10));
			v /= 10;
		} while (v != 0);
		while (k > 0)
			b[n++] = d[--k];
		return n;
	}
}
