// Floating point: float vs double precision (exact bits), NaN and infinity
// in every comparison and in branches, negative zero, float->int
// conversions (truncation, negative values, checked overflow), int->float
// rounding, and accumulation order in loops.
using System;

static class FltBasic {
	static double Id(double x) { return x; }
	static float IdF(float x) { return x; }

	static void Bits(string label, double v)
	{
		Out.S(label);
		Out.S(" ");
		Out.X(v);
		Out.L();
	}

	static void Compare(string label, double a, double b)
	{
		Out.S(label);
		Out.S(a == b ? " eq" : " -");
		Out.S(a != b ? " ne" : " -");
		Out.S(a < b ? " lt" : " -");
		Out.S(a <= b ? " le" : " -");
		Out.S(a > b ? " gt" : " -");
		Out.S(a >= b ? " ge" : " -");
		Out.S(!(a < b) ? " !lt" : " -");
		Out.S(!(a >= b) ? " !ge" : " -");
		if (a > b)
			Out.S(" branch>");
		else
			Out.S(" branch<=/unordered");
		Out.L();
	}

	static void CompareF(string label, float a, float b)
	{
		Out.S(label);
		Out.S(a == b ? " eq" : " -");
		Out.S(a < b ? " lt" : " -");
		Out.S(!(a > b) ? " !gt" : " -");
		Out.L();
	}

	static int Main()
	{
		float f = IdF(0.1f);
		double d = Id(0.1);
		Bits("0.1f", f);
		Bits("0.1", d);
		Bits("float sum", IdF(f + IdF(0.2f)));
		Bits("double sum", d + Id(0.2));
		Bits("float div", IdF(1f) / IdF(3f));
		Bits("double div", Id(1) / Id(3));
		Out.L("0.1f == 0.1", f == d);
		Out.L("(float)0.1 == 0.1f", (float)d == f);

		double nan = Id(0.0) / Id(0.0);
		double inf = Id(1.0) / Id(0.0);
		Compare("nan,1", nan, 1);
		Compare("nan,nan", nan, nan);
		Compare("inf,1e308", inf, 1e308);
		Compare("-inf,inf", -inf, inf);
		Compare("1,1", 1, Id(1));
		CompareF("nanf,0", IdF(float.NaN), 0f);
		CompareF("inff,max", IdF(float.PositiveInfinity), float.MaxValue);
		Out.L("IsNaN", double.IsNaN(nan));
		Out.L("IsInfinity", double.IsInfinity(-inf));
		Out.L("inf - inf is NaN", double.IsNaN(inf - inf));
		Bits("float overflow", IdF(3e38f) * IdF(10f));

		double nz = Id(-0.0);
		Out.L("-0 == 0", nz == 0.0);
		Bits("-0", nz);
		Bits("0 * -1", Id(0) * Id(-1));
		Out.L("1/-0", 1 / nz);
		Out.L("-0 + 0", nz + 0.0);
		Out.L("-0 - 0", nz - 0.0);

		Out.L("(int)2.9", (int)Id(2.9));
		Out.L("(int)-2.9", (int)Id(-2.9));
		Out.L("(long)1e15+0.5", (long)Id(1e15 + 0.5));
		Out.L("(uint)3e9", (long)(uint)Id(3e9));
		Out.L("(byte)255.9", (byte)Id(255.9));
		Out.L("(short)-32768.7", (short)Id(-32768.7));
		Out.L("(int)1e9f", (int)IdF(1e9f));
		Out.L("(ulong)1.8e19", (long)((ulong)Id(1.8e19) >> 32));
		Out.L("(ulong)NaN", ((ulong)Id(double.NaN)).ToString());
		Out.L("(ulong)NaNf", ((ulong)IdF(float.NaN)).ToString());
		Out.L("(ulong)-inf", ((ulong)Id(double.NegativeInfinity)).ToString());
		Out.L("(ulong)-inff", ((ulong)IdF(float.NegativeInfinity)).ToString());
		Out.L("(uint)NaN", (long)(uint)Id(double.NaN));
		try {
			Out.L("checked (int)3e9", checked((int)Id(3e9)));
		} catch (OverflowException) {
			Out.L("checked (int)3e9 overflows");
		}
		try {
			Out.L("checked (int)NaN", checked((int)nan));
		} catch (OverflowException) {
			Out.L("checked (int)NaN overflows");
		}
		try {
			Out.L("checked (uint)-1.5", checked((uint)Id(-1.5)));
		} catch (OverflowException) {
			Out.L("checked (uint)-1.5 overflows");
		}
		try {
			Out.L("checked (byte)255.5", checked((byte)Id(255.5)));
		} catch (OverflowException) {
			Out.L("checked (byte)255.5 overflows");
		}
		Out.L("checked (int)-2147483648.9", checked((int)Id(-2147483648.9)));

		int big = 16777217;
		Bits("(float)16777217", (float)big);
		Bits("(double)16777217", (double)big);
		long huge = (1L << 53) + 1;
		Bits("(double)2^53+1", (double)huge);
		Bits("(float)int.MaxValue", (float)int.MaxValue);
		ulong um = ulong.MaxValue;
		Bits("(double)ulong.MaxValue", (double)um);
		uint ui = 0x80000001;
		Bits("(double)0x80000001u", (double)ui);

		float fs = 0;
		for (int i = 0; i < 1000; i++)
			fs += 0.1f;
		Bits("float sum of 1000 x 0.1", fs);
		double ds = 0;
		for (int i = 1; i <= 1000; i++)
			ds += 1.0 / i;
		double dr = 0;
		for (int i = 1000; i >= 1; i--)
			dr += 1.0 / i;
		Bits("harmonic forward", ds);
		Bits("harmonic backward", dr);
		Out.L("orders agree", ds == dr);
		float big1 = 1e8f;
		Bits("1e8f + 1 - 1e8f", IdF(IdF(big1 + 1f) - big1));
		return (int)(ds * 10);
	}
}
