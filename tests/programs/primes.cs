// Number theory toolkit: a sieve, factorisation, divisors, perfect numbers,
// gcd/lcm, modular exponentiation and Goldbach pairs, printed in columns.
using System;
using System.Collections.Generic;
using System.Linq;

namespace primes
{
	static class NumberTheory
	{
		public static bool[] Sieve(int n)
		{
			var composite = new bool[n + 1];
			composite[0] = composite[1] = true;
			for (int i = 2; (long)i * i <= n; i++)
				if (!composite[i])
					for (int j = i * i; j <= n; j += i)
						composite[j] = true;
			return composite;
		}

		public static List<(long Prime, int Power)> Factor(long n)
		{
			var f = new List<(long, int)>();
			for (long p = 2; p * p <= n; p++) {
				int k = 0;
				while (n % p == 0) { n /= p; k++; }
				if (k > 0) f.Add((p, k));
			}
			if (n > 1) f.Add((n, 1));
			return f;
		}

		public static long Gcd(long a, long b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);

		public static long PowMod(long b, long e, long m)
		{
			long r = 1;
			b %= m;
			while (e > 0) {
				if ((e & 1) == 1) r = r * b % m;
				b = b * b % m;
				e >>= 1;
			}
			return r;
		}
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var composite = NumberTheory.Sieve(200);
			var ps = Enumerable.Range(0, 201).Where(i => !composite[i]).ToList();
			Console.WriteLine("{0} primes up to 200:", ps.Count);
			for (int i = 0; i < ps.Count; i += 10)
				Console.WriteLine(string.Concat(ps.Skip(i).Take(10).Select(p => p.ToString().PadLeft(5))));
			foreach (long n in new long[] { 360, 97, 1001, 65536, 600851475143, 2147483647 * 3L }) {
				var f = NumberTheory.Factor(n);
				Console.WriteLine("{0,14} = {1}", n, string.Join(" * ", f.Select(t => t.Power == 1 ? t.Prime.ToString() : t.Prime + "^" + t.Power)));
			}
			var perfect = Enumerable.Range(2, 10000).Where(n => Enumerable.Range(1, n / 2).Where(d => n % d == 0).Sum() == n);
			Console.WriteLine("perfect numbers below 10000: " + string.Join(", ", perfect));
			Console.WriteLine("divisors of 84: " + string.Join(" ", Enumerable.Range(1, 84).Where(d => 84 % d == 0)));
			Console.WriteLine("gcd(1071, 462) = {0}, lcm(21, 6) = {1}", NumberTheory.Gcd(1071, 462), 21 * 6 / NumberTheory.Gcd(21, 6));
			Console.WriteLine("3^200 mod 1000007 = {0}", NumberTheory.PowMod(3, 200, 1000007));
			Console.WriteLine("Fermat test 561 (Carmichael): 2^560 mod 561 = {0}", NumberTheory.PowMod(2, 560, 561));
			foreach (int even in new[] { 28, 100, 198 }) {
				var pairs = ps.Where(p => p <= even / 2 && !composite[even - p]).Select(p => p + "+" + (even - p));
				Console.WriteLine("{0}: {1}", even, string.Join(" ", pairs));
			}
			var gaps = ps.Zip(ps.Skip(1), (a, b) => new { a, gap = b - a }).OrderByDescending(x => x.gap).ThenBy(x => x.a).First();
			Console.WriteLine("largest gap below 200: {0} after {1}", gaps.gap, gaps.a);
		}
	}
}
