// Formats a paragraph three ways: greedy wrap, fully justified lines and a
// centred block, plus hyphen-free long-word splitting and line numbering.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace textwrap
{
	class Program
	{
		static List<string> Wrap(string text, int width)
		{
			var lines = new List<string>();
			var line = new StringBuilder();
			foreach (string word0 in text.Split((char[])null, StringSplitOptions.RemoveEmptyEntries)) {
				string word = word0;
				while (word.Length > width) {
					if (line.Length > 0) { lines.Add(line.ToString()); line.Clear(); }
					lines.Add(word.Substring(0, width));
					word = word.Substring(width);
				}
				if (line.Length > 0 && line.Length + 1 + word.Length > width) {
					lines.Add(line.ToString());
					line.Clear();
				}
				if (line.Length > 0) line.Append(' ');
				line.Append(word);
			}
			if (line.Length > 0) lines.Add(line.ToString());
			return lines;
		}

		static string Justify(string line, int width)
		{
			var words = line.Split(' ');
			if (words.Length == 1) return line;
			int spaces = width - words.Sum(w => w.Length), gaps = words.Length - 1;
			var sb = new StringBuilder(words[0]);
			for (int i = 1; i < words.Length; i++) {
				int n = spaces / gaps + (i <= spaces % gaps ? 1 : 0);
				sb.Append(' ', n).Append(words[i]);
			}
			return sb.ToString();
		}

		public static int Main(string[] args)
		{
			const string text = "It was the best of times, it was the worst of times, it was the age of wisdom, " +
				"it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, " +
				"it was the season of Light, it was the season of Darkness. Supercalifragilisticexpialidocious words get split.";
			int width = 34;
			var lines = Wrap(text, width);
			Console.WriteLine("+" + new string('-', width) + "+");
			foreach (string l in lines)
				Console.WriteLine("|" + l.PadRight(width) + "|");
			Console.WriteLine("+" + new string('-', width) + "+");
			Console.WriteLine();
			for (int i = 0; i < lines.Count; i++)
				Console.WriteLine("{0,3}  {1}", i + 1, i < lines.Count - 1 ? Justify(lines[i], width) : lines[i]);
			Console.WriteLine();
			foreach (string l in Wrap("The end of the tale, centred for effect.", 20))
				Console.WriteLine("[" + l.PadLeft((20 + l.Length) / 2).PadRight(20) + "]");
			var stats = lines.Select(l => l.Length).ToList();
			Console.WriteLine("lines {0}, shortest {1}, longest {2}, mean fill {3:P0}", stats.Count, stats.Min(), stats.Max(), stats.Average() / width);
			return lines.Count;
		}
	}
}
