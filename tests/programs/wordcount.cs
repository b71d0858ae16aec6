// Counts lines, words and characters of standard input, then lists the most
// frequent words (ties broken by ordinal order).
using System;
using System.Collections.Generic;
using System.Linq;

namespace wordcount
{
	class Program
	{
		static readonly char[] Separators = { ' ', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')' };

		public static int Main(string[] args)
		{
			int lines = 0, words = 0, chars = 0;
			var counts = new Dictionary<string, int>();
			string line;
			while ((line = Console.ReadLine()) != null) {
				lines++;
				chars += line.Length + 1;
				foreach (string raw in line.Split(Separators, StringSplitOptions.RemoveEmptyEntries)) {
					string w = raw.Trim('\'', '-').ToLowerInvariant();
					if (w.Length == 0)
						continue;
					words++;
					int n;
					counts.TryGetValue(w, out n);
					counts[w] = n + 1;
				}
			}
			Console.WriteLine("{0,8} lines", lines);
			Console.WriteLine("{0,8} words", words);
			Console.WriteLine("{0,8} characters", chars);
			Console.WriteLine("{0,8} distinct words", counts.Count);
			Console.WriteLine();
			Console.WriteLine("Top words:");
			var top = counts.OrderByDescending(kv => kv.Value)
				.ThenBy(kv => kv.Key, StringComparer.Ordinal)
				.Take(10);
			int rank = 1;
			foreach (var kv in top) {
				double share = (double)kv.Value / words;
				Console.WriteLine("{0,2}. {1,-12} {2,3} {3,7:P1}", rank++, kv.Key, kv.Value, share);
			}
			var longest = counts.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).First();
			Console.WriteLine("Longest word: {0} ({1} letters)", longest, longest.Length);
			var once = counts.Where(kv => kv.Value == 1).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
			Console.WriteLine("Words used once: {0}", once.Count);
			Console.WriteLine("  " + string.Join(", ", once.Take(8)));
			return 0;
		}
	}
}
