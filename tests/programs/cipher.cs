// Caesar and Vigenère ciphers over standard input: encrypts every line,
// decrypts it again to check the round trip, and cracks the Caesar shift by
// letter frequency.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace cipher
{
	class Program
	{
		static char Shift(char c, int k)
		{
			if (c >= 'a' && c <= 'z') return (char)('a' + ((c - 'a' + k) % 26 + 26) % 26);
			if (c >= 'A' && c <= 'Z') return (char)('A' + ((c - 'A' + k) % 26 + 26) % 26);
			return c;
		}

		static string Caesar(string s, int k) => new string(s.Select(c => Shift(c, k)).ToArray());

		static string Vigenere(string s, string key, bool decrypt)
		{
			var sb = new StringBuilder(s.Length);
			int j = 0;
			foreach (char c in s) {
				if (char.IsLetter(c) && c < 128) {
					int k = char.ToLowerInvariant(key[j++ % key.Length]) - 'a';
					sb.Append(Shift(c, decrypt ? -k : k));
				} else {
					sb.Append(c);
				}
			}
			return sb.ToString();
		}

		static int GuessShift(string cipherText)
		{
			var counts = new int[26];
			foreach (char c in cipherText.ToLowerInvariant())
				if (c >= 'a' && c <= 'z')
					counts[c - 'a']++;
			int most = Array.IndexOf(counts, counts.Max());
			return (most - ('e' - 'a') + 26) % 26;
		}

		public static int Main(string[] args)
		{
			var all = new StringBuilder();
			string line;
			int n = 0, mismatches = 0;
			while ((line = Console.ReadLine()) != null) {
				n++;
				string c = Caesar(line, 3);
				string v = Vigenere(line, "Lemon", false);
				bool ok = Caesar(c, -3) == line && Vigenere(v, "Lemon", true) == line;
				if (!ok) mismatches++;
				Console.WriteLine("{0}: {1}", n, line);
				Console.WriteLine("   caesar+3: {0}", c);
				Console.WriteLine("   vigenere: {0}", v);
				Console.WriteLine("   round trip ok: {0}", ok);
				all.AppendLine(line);
			}
			string secret = Caesar(all.ToString(), 11);
			int guess = GuessShift(secret);
			Console.WriteLine("guessed shift of the whole text: {0}", guess);
			Console.WriteLine("cracked first line: {0}", Caesar(secret, -guess).Split('\n')[0]);
			var freq = all.ToString().ToLowerInvariant().Where(char.IsLetter).GroupBy(c => c)
				.OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(5);
			Console.WriteLine("top letters: " + string.Join(" ", freq.Select(g => g.Key + ":" + g.Count())));
			return mismatches;
		}
	}
}
