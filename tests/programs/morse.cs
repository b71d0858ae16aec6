// Morse code: encodes messages, decodes them back with a reverse lookup,
// reports unknown symbols and times a message in dot units.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace morse
{
	class Program
	{
		static readonly Dictionary<char, string> Code = new Dictionary<char, string>();
		static readonly Dictionary<string, char> Reverse = new Dictionary<string, char>();

		static Program()
		{
			string table = "A.- B-... C-.-. D-.. E. F..-. G--. H.... I.. J.--- K-.- L.-.. M-- N-. O--- P.--. Q--.- R.-. S... T- " +
				"U..- V...- W.-- X-..- Y-.-- Z--.. 0----- 1.---- 2..--- 3...-- 4....- 5..... 6-.... 7--... 8---.. 9----. ..-.-.- ?..--.. /-..-.";
			foreach (string entry in table.Split(' ')) {
				Code[entry[0]] = entry.Substring(1);
				Reverse[entry.Substring(1)] = entry[0];
			}
		}

		static string Encode(string text, List<char> unknown)
		{
			var words = text.ToUpperInvariant().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
			return string.Join(" / ", words.Select(w => string.Join(" ", w.Where(c => {
				if (Code.ContainsKey(c)) return true;
				unknown.Add(c);
				return false;
			}).Select(c => Code[c]))));
		}

		static string Decode(string morse)
		{
			var sb = new StringBuilder();
			foreach (string word in morse.Split(new[] { " / " }, StringSplitOptions.None)) {
				if (sb.Length > 0) sb.Append(' ');
				foreach (string sym in word.Split(' '))
					sb.Append(Reverse.TryGetValue(sym, out char c) ? c : '#');
			}
			return sb.ToString();
		}

		static int Units(string morse)
		{
			int u = 0;
			foreach (string word in morse.Split(new[] { " / " }, StringSplitOptions.None)) {
				if (u > 0) u += 7;
				var letters = word.Split(' ');
				for (int i = 0; i < letters.Length; i++) {
					if (i > 0) u += 3;
					u += letters[i].Sum(c => c == '.' ? 1 : 3) + letters[i].Length - 1;
				}
			}
			return u;
		}

		public static int Main(string[] args)
		{
			string[] messages = { "SOS", "Hello World", "Meet at 10.30?", "C# rocks!", "The quick brown fox" };
			var unknown = new List<char>();
			foreach (string m in messages) {
				string enc = Encode(m, unknown);
				Console.WriteLine(m);
				Console.WriteLine("  " + enc);
				Console.WriteLine("  decoded: {0}   ({1} units)", Decode(enc), Units(enc));
			}
			Console.WriteLine("unknown symbols: '{0}'", new string(unknown.Distinct().ToArray()));
			Console.WriteLine("garbled: {0}", Decode(".... . .-.. .-.. ---- / .-- --- .-. .-.. -.."));
			var longest = Code.OrderByDescending(kv => kv.Value.Length).ThenBy(kv => kv.Key).First();
			Console.WriteLine("{0} letters coded; longest code {1} = {2}", Code.Count, longest.Key, longest.Value);
			return unknown.Count;
		}
	}
}
