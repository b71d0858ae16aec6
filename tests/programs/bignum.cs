// Big and overflowing integers: factorials with long until checked
// arithmetic overflows, then BigInteger; Fibonacci, powers and digit sums.
using System;
using System.Linq;
using System.Numerics;

namespace bignum
{
	class Program
	{
		static long CheckedFactorial(int n)
		{
			long f = 1;
			for (int i = 2; i <= n; i++)
				f = checked(f * i);
			return f;
		}

		static BigInteger Factorial(int n)
		{
			BigInteger f = BigInteger.One;
			for (int i = 2; i <= n; i++)
				f *= i;
			return f;
		}

		public static int Main(string[] args)
		{
			int n = 1;
			try {
				for (n = 1; n <= 25; n++)
					if (n % 4 == 0 || n > 18)
						Console.WriteLine("{0,2}! = {1,20:N0}", n, CheckedFactorial(n));
			} catch (OverflowException e) {
				Console.WriteLine("{0}! overflows long: {1}", n, e.GetType().Name);
			}
			int x = int.MaxValue;
			Console.WriteLine("unchecked int.MaxValue + 1 = {0}", unchecked(x + 1));
			Console.WriteLine("long.MaxValue = {0}, ulong max = {1}", long.MaxValue, ulong.MaxValue);
			var f50 = Factorial(50);
			Console.WriteLine("50! = {0}", f50);
			Console.WriteLine("50! has {0} digits, digit sum {1}, trailing zeros {2}", f50.ToString().Length, f50.ToString().Sum(c => c - '0'), f50.ToString().Length - f50.ToString().TrimEnd('0').Length);
			BigInteger a = 0, b = 1;
			for (int i = 0; i < 150; i++) {
				var t = a + b;
				a = b;
				b = t;
			}
			Console.WriteLine("fib(150) = {0}", a);
			var p = BigInteger.Pow(2, 127) - 1;
			Console.WriteLine("2^127-1 = {0}", p);
			Console.WriteLine("  mod 1e9+7 = {0}, hex = {1}", p % 1000000007, p.ToString("X"));
			Console.WriteLine("  ModPow(3, p-1, p) = {0}", BigInteger.ModPow(3, p - 1, p));
			var q = BigInteger.Parse("123456789012345678901234567890");
			var r = BigInteger.DivRem(q, 987654321, out BigInteger rem);
			Console.WriteLine("{0} / 987654321 = {1} rem {2}", q, r, rem);
			Console.WriteLine("gcd = {0}, compare = {1}, sign of -q = {2}", BigInteger.GreatestCommonDivisor(f50, p + 1), q.CompareTo(p), (-q).Sign);
			Console.WriteLine("(long)(q >> 40) = {0}", (long)(q >> 40));
			decimal d = 79228162514264337593543950335m;
			try {
				d = checked(d + 1);
			} catch (OverflowException) {
				Console.WriteLine("decimal overflow caught");
			}
			return 0;
		}
	}
}
