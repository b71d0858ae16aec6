// Character statistics of standard input, read line by line: letters,
// digits, whitespace, punctuation per line, vowel counts, palindromic lines
// and a case-swapped echo.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace charstats
{
	class Program
	{
		static bool IsPalindrome(string s)
		{
			var letters = s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
			for (int i = 0, j = letters.Length - 1; i < j; i++, j--)
				if (letters[i] != letters[j]) return false;
			return letters.Length > 0;
		}

		static string SwapCase(string s)
		{
			var sb = new StringBuilder(s.Length);
			foreach (char c in s)
				sb.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c);
			return sb.ToString();
		}

		public static int Main(string[] args)
		{
			var totals = new Dictionary<string, int> { ["letters"] = 0, ["digits"] = 0, ["spaces"] = 0, ["punctuation"] = 0, ["other"] = 0 };
			var vowels = new SortedDictionary<char, int>();
			int lineNo = 0, palindromes = 0;
			Console.WriteLine("{0,4} {1,4} {2,4} {3,4} {4,4}  {5}", "line", "let", "dig", "spc", "pun", "swapped");
			for (string line = Console.ReadLine(); line != null; line = Console.ReadLine()) {
				lineNo++;
				int l = 0, d = 0, s = 0, p = 0;
				foreach (char c in line) {
					if (char.IsLetter(c)) {
						l++;
						char v = char.ToLowerInvariant(c);
						if ("aeiou".IndexOf(v) >= 0) {
							int n;
							vowels.TryGetValue(v, out n);
							vowels[v] = n + 1;
						}
					} else if (char.IsDigit(c)) d++;
					else if (char.IsWhiteSpace(c)) s++;
					else if (char.IsPunctuation(c) || char.IsSymbol(c)) p++;
					else totals["other"]++;
				}
				totals["letters"] += l;
				totals["digits"] += d;
				totals["spaces"] += s;
				totals["punctuation"] += p;
				bool pal = IsPalindrome(line);
				if (pal) palindromes++;
				Console.WriteLine("{0,4} {1,4} {2,4} {3,4} {4,4}  {5}{6}", lineNo, l, d, s, p, SwapCase(line), pal ? "  <- palindrome" : "");
			}
			Console.WriteLine();
			foreach (var kv in totals)
				Console.WriteLine("{0,-12} {1,5}", kv.Key, kv.Value);
			Console.WriteLine("vowels: " + string.Join(" ", vowels.Select(kv => kv.Key + "=" + kv.Value)));
			Console.WriteLine("palindromic lines: {0} of {1}", palindromes, lineNo);
			Console.WriteLine("char tests: {0} {1} {2} {3} {4}", char.IsLetter('_'), char.IsDigit('7'), char.IsUpper('a'), char.GetNumericValue('8'), (int)char.ToUpperInvariant('z'));
			return palindromes;
		}
	}
}
