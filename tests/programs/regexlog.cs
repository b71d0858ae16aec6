// A log filter with regular expressions: named groups, Matches, Replace
// with a group reference, Split, IsMatch with options, and a summary per
// level built with LINQ.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace regexlog
{
	public class Program
	{
		static readonly string[] Log = {
			"2024-03-01 10:15:02 INFO  user=alice action=login ip=10.0.0.5",
			"2024-03-01 10:16:45 WARN  user=bob action=retry ip=10.0.0.7 attempts=3",
			"2024-03-01 10:17:00 ERROR user=bob action=login ip=10.0.0.7 reason=\"bad password\"",
			"garbage line without a timestamp",
			"2024-03-01 11:02:13 INFO  user=carol action=upload ip=192.168.1.20 size=2048",
			"2024-03-01 11:05:59 error user=alice action=logout ip=10.0.0.5",
		};

		public static int Main(string[] args)
		{
			var line = new Regex(@"^(?<date>\d{4}-\d{2}-\d{2}) (?<time>[\d:]+) (?<level>\w+)\s+(?<rest>.*)$");
			var pair = new Regex(@"(\w+)=(""[^""]*""|\S+)");
			var levels = new List<string>();
			foreach (string l in Log) {
				Match m = line.Match(l);
				if (!m.Success) {
					Console.WriteLine("skipped: " + l);
					continue;
				}
				string level = m.Groups["level"].Value.ToUpperInvariant();
				levels.Add(level);
				var fields = pair.Matches(m.Groups["rest"].Value).Cast<Match>()
					.Select(p => p.Groups[1].Value + ":" + p.Groups[2].Value.Trim('"'));
				Console.WriteLine("{0} {1,-5} {2}", m.Groups["time"].Value, level, string.Join(", ", fields));
			}
			Console.WriteLine(Regex.Replace("ip=10.0.0.5 ip=192.168.1.20", @"ip=(\d+)\.\d+\.\d+\.(\d+)", "ip=$1.x.x.$2"));
			Console.WriteLine(string.Join("|", Regex.Split("a1b22c333d", @"\d+")));
			Console.WriteLine(Regex.IsMatch("ERROR", "^error$", RegexOptions.IgnoreCase));
			foreach (var g in levels.GroupBy(x => x).OrderBy(g => g.Key))
				Console.WriteLine(g.Key + " " + g.Count());
			return levels.Count(x => x == "ERROR");
		}
	}
}
