// System.Math on doubles: correctly rounded functions (Sqrt, Floor,
// Ceiling, Round with banker's rounding, Abs, Min/Max, Truncate) compared
// to the last bit, and transcendental ones (Pow, Sin, Cos, Atan2, Exp, Log)
// to six decimals; a Newton iteration and a numeric integration.
using System;

static class FltMath {
	static double Id(double x) { return x; }

	static void Bits(string label, double v)
	{
		Out.S(label);
		Out.S(" ");
		Out.X(v);
		Out.L();
	}

	static double NewtonSqrt(double a)
	{
		double x = a;
		for (int i = 0; i < 30; i++)
			x = 0.5 * (x + a / x);
		return x;
	}

	static double Simpson(int n)
	{
		double h = Math.PI / n, s = Math.Sin(0) + Math.Sin(Math.PI);
		for (int i = 1; i < n; i++)
			s += (i % 2 == 1 ? 4 : 2) * Math.Sin(i * h);
		return s * h / 3;
	}

	static int Main()
	{
		Bits("sqrt 2", Math.Sqrt(Id(2)));
		Bits("newton sqrt 2", NewtonSqrt(2));
		Out.L("sqrt -1 is NaN", double.IsNaN(Math.Sqrt(Id(-1))));
		Bits("sqrt -0", Math.Sqrt(Id(-0.0)));

		double[] xs = { 2.5, 3.5, -2.5, -0.5, 0.5, 1.49999999999999989, 2.6, -2.6 };
		foreach (double x in xs) {
			Out.F(x);
			Out.S(": floor ");
			Out.F(Math.Floor(x));
			Out.S(" ceil ");
			Out.F(Math.Ceiling(x));
			Out.S(" round ");
			Out.F(Math.Round(x));
			Out.S(" away ");
			Out.F(Math.Round(x, MidpointRounding.AwayFromZero));
			Out.S(" trunc ");
			Out.F(Math.Truncate(x));
			Out.L();
		}
		Bits("ceil -0.5", Math.Ceiling(Id(-0.5)));
		Bits("round -0.4", Math.Round(Id(-0.4)));
		Out.L("round 2 digits", Math.Round(Id(1.005 * 1000)) / 1000);
		Out.L("abs", Math.Abs(Id(-3.25)));
		Bits("abs -0", Math.Abs(Id(-0.0)));
		Out.L("abs int", Math.Abs(-7));
		Out.L("max", Math.Max(Id(1.5), Id(-2)));
		Out.L("min", Math.Min(Id(1.5), Id(-2)));
		Out.L("max NaN", Math.Max(Id(1), double.NaN));
		Out.L("sign", Math.Sign(Id(-0.001)));

		Out.L("pow 2^10", Math.Pow(Id(2), 10));
		Out.L("pow 2^0.5", Math.Pow(Id(2), 0.5));
		Out.L("pow (-8)^(1/3)", Math.Pow(Id(-8), 1.0 / 3));
		Out.L("pow 0^0", Math.Pow(Id(0), 0));
		Out.L("pow 10^-3", Math.Pow(Id(10), -3));
		Out.L("exp 1", Math.Exp(Id(1)));
		Out.L("exp -745.2", Math.Exp(Id(-745.2)));
		Out.L("exp 710", Math.Exp(Id(710)));
		Out.L("log e", Math.Log(Math.E));
		Out.L("log 0", Math.Log(Id(0)));
		Out.L("log -1", Math.Log(Id(-1)));
		Out.L("log10 1000", Math.Log10(Id(1000)));
		for (int deg = 0; deg <= 180; deg += 45) {
			double r = deg * Math.PI / 180;
			Out.S("deg ");
			Out.I(deg);
			Out.S(" sin ");
			Out.F(Math.Sin(r));
			Out.S(" cos ");
			Out.F(Math.Cos(r));
			Out.L();
		}
		Out.L("atan2 1,1", Math.Atan2(Id(1), 1));
		Out.L("atan2 1,-1", Math.Atan2(Id(1), -1));
		Out.L("atan2 -0,-1", Math.Atan2(Id(-0.0), -1));
		Out.L("atan2 0,0", Math.Atan2(Id(0), 0));
		Out.L("tan pi/4", Math.Tan(Math.PI / 4));
		Out.L("simpson", Simpson(100));
		Out.L("hypot", Math.Sqrt(Id(3) * 3 + 4 * 4));
		return (int)Math.Round(Simpson(10) * 1000) % 256;
	}
}
