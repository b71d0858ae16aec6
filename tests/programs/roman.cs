// Converts between Roman numerals and integers for each command-line
// argument; invalid input gives an error line and a non-zero exit status.
using System;
using System.Collections.Generic;
using System.Text;

namespace roman
{
	class Program
	{
		static readonly int[] Values = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
		static readonly string[] Symbols = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
		static readonly Dictionary<char, int> Digit = new Dictionary<char, int> {
			['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100, ['D'] = 500, ['M'] = 1000,
		};

		static string ToRoman(int n)
		{
			if (n < 1 || n > 3999)
				throw new ArgumentOutOfRangeException(nameof(n), n, "Roman numerals cover 1 to 3999");
			var sb = new StringBuilder();
			for (int i = 0; i < Values.Length; i++)
				while (n >= Values[i]) {
					sb.Append(Symbols[i]);
					n -= Values[i];
				}
			return sb.ToString();
		}

		static int FromRoman(string s)
		{
			int total = 0;
			for (int i = 0; i < s.Length; i++) {
				int v;
				if (!Digit.TryGetValue(char.ToUpperInvariant(s[i]), out v))
					throw new FormatException("'" + s[i] + "' is not a Roman digit");
				int next = 0;
				if (i + 1 < s.Length)
					Digit.TryGetValue(char.ToUpperInvariant(s[i + 1]), out next);
				total += v < next ? -v : v;
			}
			if (total < 1 || ToRoman(total) != s.ToUpperInvariant())
				throw new FormatException("'" + s + "' is not in canonical form");
			return total;
		}

		public static int Main(string[] args)
		{
			if (args.Length == 0) {
				Console.WriteLine("usage: roman NUMBER|NUMERAL...");
				return 64;
			}
			int errors = 0;
			foreach (string a in args) {
				try {
					int n;
					if (int.TryParse(a, out n))
						Console.WriteLine("{0,6} = {1}", a, ToRoman(n));
					else
						Console.WriteLine("{0,6} = {1}", a, FromRoman(a));
				} catch (FormatException e) {
					errors++;
					Console.WriteLine("{0,6} : error: {1}", a, e.Message);
				} catch (ArgumentOutOfRangeException e) {
					errors++;
					Console.WriteLine("{0,6} : error: {1} is out of range", a, e.ActualValue);
				}
			}
			int year = FromRoman("MMXXIV");
			Console.WriteLine("MMXXIV + X = {0}", ToRoman(year + 10));
			return errors == 0 ? 0 : 10 + errors;
		}
	}
}
