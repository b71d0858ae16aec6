// wordfreq: the most frequent words of some text files (or of standard
// input), a small command-line tool with files and LINQ.
//
//   ilcc build examples/wordfreq.cs -o wordfreq
//   ./wordfreq [-n COUNT] [FILE...]
//
// Exit status: 0, 1 when a file cannot be read, 2 for a wrong command line.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

static class WordFreq
{
	static IEnumerable<string> Words(TextReader reader)
	{
		string line;
		while ((line = reader.ReadLine()) != null)
			foreach (var w in line.Split(" \t,.;:!?\"()|`*#".ToCharArray(),
						     StringSplitOptions.RemoveEmptyEntries))
				yield return w.ToLowerInvariant();
	}

	static int Main(string[] args)
	{
		int count = 10;
		var files = new List<string>();
		for (int i = 0; i < args.Length; i++) {
			if (args[i] == "-n" && i + 1 < args.Length && int.TryParse(args[i + 1], out count))
				i++;
			else if (args[i].StartsWith("-")) {
				Console.Error.WriteLine("usage: wordfreq [-n COUNT] [FILE...]");
				return 2;
			} else
				files.Add(args[i]);
		}
		var words = new List<string>();
		try {
			if (files.Count == 0)
				words.AddRange(Words(Console.In));
			foreach (var f in files)
				using (var r = File.OpenText(f))
					words.AddRange(Words(r));
		} catch (IOException e) {
			Console.Error.WriteLine("wordfreq: " + e.Message);
			return 1;
		}
		var top = words.GroupBy(w => w)
			.Select(g => new { Word = g.Key, Count = g.Count() })
			.OrderByDescending(x => x.Count).ThenBy(x => x.Word, StringComparer.Ordinal)
			.Take(count);
		foreach (var x in top)
			Console.WriteLine("{0,7} {1}", x.Count, x.Word);
		Console.WriteLine("{0} words, {1} different", words.Count, words.Distinct().Count());
		return 0;
	}
}
