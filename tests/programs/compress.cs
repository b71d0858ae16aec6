// Run-length encoding and a move-to-front transform over sample texts:
// encode, decode, verify round trips and report compression ratios.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace compress
{
	static class Rle
	{
		public static string Encode(string s)
		{
			var sb = new StringBuilder();
			for (int i = 0; i < s.Length;) {
				int j = i;
				while (j < s.Length && s[j] == s[i] && j - i < 99) j++;
				if (j - i > 1) sb.Append(j - i);
				sb.Append(s[i] == '\\' || char.IsDigit(s[i]) ? "\\" + s[i] : s[i].ToString());
				i = j;
			}
			return sb.ToString();
		}

		public static string Decode(string s)
		{
			var sb = new StringBuilder();
			int count = 0;
			for (int i = 0; i < s.Length; i++) {
				char c = s[i];
				if (char.IsDigit(c)) { count = count * 10 + (c - '0'); continue; }
				if (c == '\\') c = s[++i];
				sb.Append(c, Math.Max(count, 1));
				count = 0;
			}
			return sb.ToString();
		}
	}

	class Program
	{
		static List<int> MoveToFront(string s)
		{
			var alphabet = Enumerable.Range(0, 128).Select(i => (char)i).ToList();
			var output = new List<int>();
			foreach (char c in s) {
				int i = alphabet.IndexOf(c);
				output.Add(i);
				alphabet.RemoveAt(i);
				alphabet.Insert(0, c);
			}
			return output;
		}

		public static int Main(string[] args)
		{
			string[] samples = {
				"WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
				"abc",
				"aaabbbcccd",
				"1112223333 with digits 0000",
				"back\\\\slash",
				new string('x', 250),
				"",
			};
			int failures = 0;
			foreach (string s in samples) {
				string enc = Rle.Encode(s);
				string dec = Rle.Decode(enc);
				bool ok = dec == s;
				if (!ok) failures++;
				string shown = s.Length > 30 ? s.Substring(0, 27) + "..." : s;
				Console.WriteLine("{0,-30} -> {1,-40} {2,3}/{3,-3} {4}", "\"" + shown + "\"", enc.Length > 40 ? enc.Substring(0, 37) + "..." : enc, enc.Length, s.Length, ok ? "ok" : "MISMATCH");
			}
			var mtf = MoveToFront("bananaaa");
			Console.WriteLine("move-to-front of bananaaa: " + string.Join(" ", mtf));
			Console.WriteLine("zeros: {0} of {1}", mtf.Count(x => x == 0), mtf.Count);
			var total = samples.Sum(s => s.Length);
			var packed = samples.Sum(s => Rle.Encode(s).Length);
			Console.WriteLine("overall: {0} -> {1} chars ({2:P1} of original)", total, packed, (double)packed / total);
			return failures;
		}
	}
}
