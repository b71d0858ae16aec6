// Class-library methods the program's loops run (Dictionary<string, int>,
// String.GetHashCode's hashing, Substring, a List's enumerator, LINQ,
// Sort) are compiled at -O2 in a unit of their own beside the program's
// (src/emit/cgen.c, hot_methods), the rest of the library at -O1. They
// must behave as before: exceptions thrown inside them (a missing key, a
// null key, a bad Substring, a collection changed under its enumerator, a
// comparer of the program's that throws) reach the loop's handler, and a
// comparer of the program's is still the one asked.
using System;
using System.Collections.Generic;
using System.Linq;

class ShortKeys : IEqualityComparer<string> {
	public int Calls;

	public bool Equals(string a, string b)
	{
		Calls++;
		return string.Equals(a.Substring(0, 2), b.Substring(0, 2));
	}

	public int GetHashCode(string s)
	{
		if (s.Length < 2)
			throw new ArgumentException("key too short: " + s);
		return s[0] * 31 + s[1];
	}
}

static class HotLib {
	static int Main()
	{
		string text = "the quick brown fox jumps over the lazy dog the end";
		var counts = new Dictionary<string, int>();
		for (int i = 0; i + 3 <= text.Length; i++) {
			string key = text.Substring(i, 3);
			int c;
			counts.TryGetValue(key, out c);
			counts[key] = c + 1;
		}
		Console.WriteLine("distinct {0}, 'the' {1}, 'he ' {2}", counts.Count, counts["the"], counts["he "]);
		int missing = 0;
		for (int i = 0; i < 5; i++) {
			try {
				Console.WriteLine(counts["zz" + i]);
			} catch (KeyNotFoundException) {
				missing++;
			}
		}
		Console.WriteLine("missing {0}", missing);
		for (int i = 0; i < 2; i++) {
			try {
				counts.TryGetValue(i == 0 ? null : "the", out int v);
				Console.WriteLine("found {0}", v);
			} catch (ArgumentNullException e) {
				Console.WriteLine("null key: {0}", e.ParamName);
			}
		}
		for (int i = 48; i < 53; i++) {
			try {
				Console.WriteLine(text.Substring(i, 3));
			} catch (ArgumentOutOfRangeException e) {
				Console.WriteLine("substring at {0}: {1}", i, e.ParamName);
			}
		}
		var list = new List<int> { 5, 3, 9, 1 };
		for (int round = 0; round < 2; round++) {
			try {
				foreach (int x in list)
					if (x == 9 && round == 1)
						list.Add(10);
				Console.WriteLine("round {0}: {1}", round, list.Count);
			} catch (InvalidOperationException) {
				Console.WriteLine("round {0}: changed under the enumerator", round);
			}
		}
		long sum = 0;
		for (int i = 0; i < 100; i++) {
			list.Sort();
			sum += list.Where(x => x > i % 7).Select(x => x * 2).Sum();
		}
		Console.WriteLine("sum {0}, first {1}", sum, list[0]);
		var cmp = new ShortKeys();
		var prefixes = new Dictionary<string, int>(cmp);
		string[] words = text.Split(' ');
		foreach (string w in words) {
			try {
				int c;
				prefixes.TryGetValue(w, out c);
				prefixes[w] = c + 1;
			} catch (ArgumentException e) {
				Console.WriteLine("comparer: {0}", e.Message);
			}
		}
		Console.WriteLine("prefixes {0}, 'th' {1}, comparer asked {2}", prefixes.Count, prefixes["th!"],
			cmp.Calls > 0);
		return 0;
	}
}
