// Integer arithmetic: wrap-around, division and remainder signs, shifts,
// unsigned operations, conversions between sizes, checked overflow.
using System;

static class Arith {
	static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

	static int V(int x) { return x; }

	static int Main()
	{
		Out.L("fib(20)", Fib(20));
		int big = int.MaxValue;
		Out.L("wrap", big + 1);
		Out.L("div", -7 / 2);
		Out.L("rem", -7 % 2);
		Out.L("udiv", (long)(uint.MaxValue / 3u));
		Out.L("shl", 1 << V(33));
		Out.L("shr", V(-16) >> 2);
		Out.L("shr.un", (long)((uint)V(-16) >> 2));
		Out.L("long", long.MaxValue / 7);
		Out.L("mul64", 123456789L * 987654321L);
		Out.L("sbyte", (sbyte)V(200));
		Out.L("byte", (byte)V(-1));
		Out.L("short", (short)V(70000));
		Out.L("ushort", (ushort)V(-2));
		Out.L("char", (int)(char)V(65601));
		Out.L("ulong", (long)(ulong.MaxValue >> 1));
		Out.L("neg", -V(int.MinValue));
		Out.L("not", ~0x0F0F);
		Out.L("xor", 0x55 ^ 0xFF);
		try {
			int x = checked(big + 1);
			Out.L("no overflow", x);
		} catch (OverflowException) {
			Out.L("overflow caught");
		}
		try {
			int zero = 0;
			Out.L("div0", 1 / zero);
		} catch (DivideByZeroException) {
			Out.L("divide by zero caught");
		}
		try {
			long m = long.MinValue, n = -1;
			Out.L("minvalue / -1", m / n);
		} catch (OverflowException) {
			Out.L("minvalue / -1 overflow");
		}
		checked {
			try {
				byte b = (byte)(big - 2147483000);
				Out.L("byte", b);
			} catch (OverflowException) {
				Out.L("conv.ovf caught");
			}
		}
		return Fib(10) - 13;
	}
}
