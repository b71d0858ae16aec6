// A polynomial class with integer coefficients: parsing-free construction,
// arithmetic operators, evaluation by Horner, derivative, long division
// and pretty printing.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace polynomial
{
	class Poly
	{
		readonly long[] c;

		public Poly(params long[] coefficientsLowFirst)
		{
			int n = coefficientsLowFirst.Length;
			while (n > 1 && coefficientsLowFirst[n - 1] == 0) n--;
			c = new long[Math.Max(n, 1)];
			Array.Copy(coefficientsLowFirst, c, n);
		}

		public int Degree => c.Length == 1 && c[0] == 0 ? -1 : c.Length - 1;
		public long this[int i] => i < c.Length ? c[i] : 0;

		public static Poly operator +(Poly a, Poly b) => new Poly(Enumerable.Range(0, Math.Max(a.c.Length, b.c.Length)).Select(i => a[i] + b[i]).ToArray());
		public static Poly operator -(Poly a, Poly b) => new Poly(Enumerable.Range(0, Math.Max(a.c.Length, b.c.Length)).Select(i => a[i] - b[i]).ToArray());
		public static Poly operator *(Poly a, Poly b)
		{
			var r = new long[a.c.Length + b.c.Length - 1];
			for (int i = 0; i < a.c.Length; i++)
				for (int j = 0; j < b.c.Length; j++)
					r[i + j] += a.c[i] * b.c[j];
			return new Poly(r);
		}

		public long Eval(long x) => c.Reverse().Aggregate(0L, (acc, k) => acc * x + k);
		public Poly Derivative() => c.Length == 1 ? new Poly(0) : new Poly(c.Skip(1).Select((k, i) => k * (i + 1)).ToArray());

		public static (Poly Quotient, Poly Remainder) Divide(Poly a, Poly b)
		{
			if (b.Degree < 0) throw new DivideByZeroException("division by the zero polynomial");
			var rem = (long[])a.c.Clone();
			var q = new long[Math.Max(a.Degree - b.Degree + 1, 1)];
			long lead = b.c[b.Degree];
			for (int i = a.Degree - b.Degree; i >= 0; i--) {
				long coef = rem[i + b.Degree] / lead;
				if (coef * lead != rem[i + b.Degree]) throw new ArithmeticException("not an integer division");
				q[i] = coef;
				for (int j = 0; j <= b.Degree; j++)
					rem[i + j] -= coef * b.c[j];
			}
			return (new Poly(q), new Poly(rem));
		}

		public override string ToString()
		{
			if (Degree < 0) return "0";
			var sb = new StringBuilder();
			for (int i = c.Length - 1; i >= 0; i--) {
				long k = c[i];
				if (k == 0) continue;
				sb.Append(sb.Length == 0 ? (k < 0 ? "-" : "") : (k < 0 ? " - " : " + "));
				long a = Math.Abs(k);
				if (a != 1 || i == 0) sb.Append(a);
				if (i > 0) sb.Append('x');
				if (i > 1) sb.Append('^').Append(i);
			}
			return sb.ToString();
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var p = new Poly(-6, 11, -6, 1);
			var q = new Poly(1, 1);
			Console.WriteLine("p = {0} (degree {1})", p, p.Degree);
			Console.WriteLine("q = {0}", q);
			Console.WriteLine("p + q = {0}", p + q);
			Console.WriteLine("p - p = {0} (degree {1})", p - p, (p - p).Degree);
			Console.WriteLine("p * q = {0}", p * q);
			Console.WriteLine("q^5 = {0}", q * q * q * q * q);
			Console.WriteLine("p' = {0}, p'' = {1}", p.Derivative(), p.Derivative().Derivative());
			Console.WriteLine("p(x) for x=0..5: {0}", string.Join(" ", Enumerable.Range(0, 6).Select(x => p.Eval(x))));
			Console.WriteLine("roots among -10..10: {0}", string.Join(", ", Enumerable.Range(-10, 21).Where(x => p.Eval(x) == 0)));
			var (quo, rem) = Poly.Divide(p, new Poly(-1, 1));
			Console.WriteLine("p / (x - 1) = {0} remainder {1}", quo, rem);
			(quo, rem) = Poly.Divide(p * q + new Poly(5), q);
			Console.WriteLine("(p*q + 5) / q = {0} remainder {1}", quo, rem);
			try {
				Poly.Divide(p, new Poly(0));
			} catch (DivideByZeroException e) {
				Console.WriteLine("error: " + e.Message);
			}
			try {
				Poly.Divide(p, new Poly(1, 2));
			} catch (ArithmeticException e) {
				Console.WriteLine("error: {0} ({1})", e.Message, e.GetType().Name);
			}
			return p.Degree;
		}
	}
}
