// Numerical methods with Math: Newton's square root, bisection, Simpson
// integration, a projectile with drag (Euler steps), trig tables and
// rounding functions.
using System;

namespace numerics
{
	class Program
	{
		static double Newton(double a)
		{
			double x = a;
			for (int i = 0; i < 50 && Math.Abs(x * x - a) > 1e-12; i++)
				x = (x + a / x) / 2;
			return x;
		}

		static double Bisect(Func<double, double> f, double lo, double hi)
		{
			for (int i = 0; i < 60; i++) {
				double mid = (lo + hi) / 2;
				if (Math.Sign(f(mid)) == Math.Sign(f(lo))) lo = mid; else hi = mid;
			}
			return (lo + hi) / 2;
		}

		static double Simpson(Func<double, double> f, double a, double b, int n)
		{
			double h = (b - a) / n, s = f(a) + f(b);
			for (int i = 1; i < n; i++)
				s += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
			return s * h / 3;
		}

		public static void Main(string[] args)
		{
			foreach (double a in new[] { 2.0, 10.0, 1e6 })
				Console.WriteLine("sqrt({0}) newton {1:F10} Math {2:F10}", a, Newton(a), Math.Sqrt(a));
			double root = Bisect(x => x * x * x - x - 2, 1, 2);
			Console.WriteLine("root of x^3-x-2: {0:F9}", root);
			Console.WriteLine("cos(x)=x at {0:F9}", Bisect(x => Math.Cos(x) - x, 0, 1));
			Console.WriteLine("integral sin 0..pi = {0:F8}", Simpson(Math.Sin, 0, Math.PI, 100));
			Console.WriteLine("integral e^-x^2 -3..3 = {0:F8} (sqrt(pi) = {1:F8})", Simpson(x => Math.Exp(-x * x), -3, 3, 200), Math.Sqrt(Math.PI));

			double vx = 30 * Math.Cos(Math.PI / 4), vy = 30 * Math.Sin(Math.PI / 4), px = 0, py = 0, t = 0, dt = 0.01, k = 0.02, maxH = 0;
			while (py >= 0) {
				double v = Math.Sqrt(vx * vx + vy * vy);
				vx -= k * v * vx * dt;
				vy -= (9.81 + k * v * vy) * dt;
				px += vx * dt;
				py += vy * dt;
				t += dt;
				maxH = Math.Max(maxH, py);
			}
			Console.WriteLine("projectile: range {0:F2} m, height {1:F2} m, time {2:F2} s", px, maxH, t);
			Console.WriteLine("without drag: range {0:F2} m", 30 * 30 * Math.Sin(Math.PI / 2) / 9.81);

			Console.WriteLine("{0,5} {1,9} {2,9} {3,9}", "deg", "sin", "cos", "tan");
			for (int deg = 0; deg <= 90; deg += 15) {
				double r = deg * Math.PI / 180;
				string tan = deg == 90 ? "inf" : Math.Tan(r).ToString("F5");
				Console.WriteLine("{0,5} {1,9:F5} {2,9:F5} {3,9}", deg, Math.Sin(r), Math.Cos(r), tan);
			}
			Console.WriteLine("atan2(1,-1) = {0:F6}, hypot = {1}", Math.Atan2(1, -1), Math.Sqrt(3 * 3 + 4 * 4));
			Console.WriteLine("exp/log: {0:F6} {1:F6} {2} {3}", Math.Exp(1), Math.Log(100), Math.Log10(1000), Math.Log(8, 2));
			Console.WriteLine("pow: {0} {1} {2}", Math.Pow(2, 10), Math.Pow(2, -2), Math.Pow(-8, 1.0 / 3));
			foreach (double v in new[] { 2.5, 3.5, -2.5, 2.4999, -0.6 })
				Console.WriteLine("{0,7}: round {1,3} away {2,3} floor {3,3} ceiling {4,3} truncate {5,3}", v, Math.Round(v), Math.Round(v, MidpointRounding.AwayFromZero), Math.Floor(v), Math.Ceiling(v), Math.Truncate(v));
			Console.WriteLine("abs/sign/min/max: {0} {1} {2} {3} {4}", Math.Abs(-7), Math.Sign(-0.5), Math.Min(3, 9), Math.Max(-1L, -5L), Math.Round(Math.PI, 4));
			Console.WriteLine("int division: {0} {1} {2} {3}", 7 / 2, -7 / 2, 7 % -3, -7 % 3);
			Console.WriteLine("IEEE: {0} {1} {2} {3}", 0.1 + 0.2 == 0.3, 1.0 / 0, double.IsNaN(0.0 / 0), Math.Sqrt(-1));
		}
	}
}
