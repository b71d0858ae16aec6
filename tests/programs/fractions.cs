// Exact rational arithmetic: a Fraction struct with normalisation, operators,
// comparison, parsing, conversion, and an Egyptian-fraction expansion.
using System;
using System.Collections.Generic;
using System.Linq;

namespace fractions
{
	struct Fraction : IComparable<Fraction>, IEquatable<Fraction>
	{
		public readonly long Num, Den;

		public Fraction(long num, long den)
		{
			if (den == 0) throw new DivideByZeroException("denominator is zero");
			if (den < 0) { num = -num; den = -den; }
			long g = Gcd(Math.Abs(num), den);
			Num = num / g;
			Den = den / g;
		}

		static long Gcd(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a == 0 ? 1 : a; }

		public static Fraction operator +(Fraction a, Fraction b) => new Fraction(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
		public static Fraction operator -(Fraction a, Fraction b) => new Fraction(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
		public static Fraction operator *(Fraction a, Fraction b) => new Fraction(a.Num * b.Num, a.Den * b.Den);
		public static Fraction operator /(Fraction a, Fraction b) => new Fraction(a.Num * b.Den, a.Den * b.Num);
		public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
		public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;
		public static implicit operator Fraction(long n) => new Fraction(n, 1);
		public static explicit operator double(Fraction f) => (double)f.Num / f.Den;

		public int CompareTo(Fraction o) => (Num * o.Den).CompareTo(o.Num * Den);
		public bool Equals(Fraction o) => Num == o.Num && Den == o.Den;
		public override bool Equals(object o) => o is Fraction && Equals((Fraction)o);
		public override int GetHashCode() => (int)(Num * 397 ^ Den);
		public override string ToString() => Den == 1 ? Num.ToString() : Num + "/" + Den;

		public static Fraction Parse(string s)
		{
			string[] parts = s.Split('/');
			if (parts.Length > 2) throw new FormatException("too many '/' in " + s);
			return new Fraction(long.Parse(parts[0].Trim()), parts.Length == 2 ? long.Parse(parts[1].Trim()) : 1);
		}
	}

	class Program
	{
		static IEnumerable<Fraction> Egyptian(Fraction f)
		{
			while (f.Num > 0) {
				long d = (f.Den + f.Num - 1) / f.Num;
				var unit = new Fraction(1, d);
				yield return unit;
				f = f - unit;
			}
		}

		public static int Main(string[] args)
		{
			var a = new Fraction(1, 3);
			var b = Fraction.Parse("-5/10");
			Console.WriteLine("a = {0}, b = {1}", a, b);
			Console.WriteLine("a+b = {0}, a-b = {1}, a*b = {2}, a/b = {3}", a + b, a - b, a * b, a / b);
			Console.WriteLine("a + 2 = {0}, (double)a = {1:F6}", a + 2, (double)a);
			Fraction h = 0;
			for (int n = 1; n <= 10; n++)
				h = h + new Fraction(1, n);
			Console.WriteLine("H(10) = {0} = {1:F10}", h, (double)h);
			var list = new[] { "3/4", "2/3", "-1/2", "5/8", "7/7", "10/-4", "0/9" }.Select(Fraction.Parse).ToList();
			list.Sort();
			Console.WriteLine("sorted: " + string.Join("  ", list));
			Console.WriteLine("max {0}, min {1}, distinct {2}", list.Max(), list.Min(), list.Distinct().Count());
			Console.WriteLine("2/4 == 1/2: {0}; 2/3 > 5/8: {1}", new Fraction(2, 4).Equals(new Fraction(1, 2)), new Fraction(2, 3) > new Fraction(5, 8));
			foreach (string s in new[] { "4/13", "5/6", "7/15" })
				Console.WriteLine("{0} = {1}", s, string.Join(" + ", Egyptian(Fraction.Parse(s))));
			int errors = 0;
			foreach (string s in new[] { "1/0", "x/2", "1/2/3" }) {
				try {
					Fraction.Parse(s);
				} catch (Exception e) when (e is FormatException || e is DivideByZeroException) {
					errors++;
					Console.WriteLine("{0}: {1}: {2}", s, e.GetType().Name, e.Message);
				}
			}
			return errors;
		}
	}
}
