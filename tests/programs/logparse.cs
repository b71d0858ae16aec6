// Parses web-server-like log lines from standard input: timestamps with
// DateTime.ParseExact, levels, durations; reports per level, per hour,
// the slowest requests and gaps between entries.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace logparse
{
	class Entry
	{
		public DateTime Time;
		public string Level;
		public string Path;
		public int Status;
		public TimeSpan Duration;
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var entries = new List<Entry>();
			int bad = 0;
			string line;
			while ((line = Console.ReadLine()) != null) {
				var f = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
				DateTime t;
				int status, ms;
				if (f.Length != 6 || !DateTime.TryParseExact(f[0] + " " + f[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out t)
					|| !int.TryParse(f[4], out status) || !f[5].EndsWith("ms") || !int.TryParse(f[5].Substring(0, f[5].Length - 2), out ms)) {
					bad++;
					Console.WriteLine("unparsable: " + line);
					continue;
				}
				entries.Add(new Entry { Time = t, Level = f[2].Trim('[', ']'), Path = f[3], Status = status, Duration = TimeSpan.FromMilliseconds(ms) });
			}
			Console.WriteLine("{0} entries from {1:yyyy-MM-dd HH:mm} to {2:HH:mm:ss} ({3} bad)", entries.Count, entries.First().Time, entries.Last().Time, bad);
			var span = entries.Last().Time - entries.First().Time;
			Console.WriteLine("covering {0} ({1:F1} minutes)", span, span.TotalMinutes);
			foreach (var g in entries.GroupBy(e => e.Level).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
				Console.WriteLine("  {0,-5} {1,3}", g.Key, g.Count());
			Console.WriteLine("per hour:");
			foreach (var g in entries.GroupBy(e => new DateTime(e.Time.Year, e.Time.Month, e.Time.Day, e.Time.Hour, 0, 0)))
				Console.WriteLine("  {0:HH}:00 {1,3} requests, mean {2,6:F1} ms", g.Key, g.Count(), g.Average(e => e.Duration.TotalMilliseconds));
			Console.WriteLine("slowest:");
			foreach (var e in entries.OrderByDescending(e => e.Duration).ThenBy(e => e.Time).Take(3))
				Console.WriteLine("  {0:HH:mm:ss} {1,-14} {2} ms", e.Time, e.Path, e.Duration.TotalMilliseconds);
			var errors = entries.Where(e => e.Status >= 500).ToList();
			Console.WriteLine("server errors: {0} ({1:P0})", errors.Count, (double)errors.Count / entries.Count);
			var gaps = entries.Zip(entries.Skip(1), (a, b) => new { From = a.Time, Gap = b.Time - a.Time });
			var longest = gaps.OrderByDescending(g => g.Gap).First();
			Console.WriteLine("longest quiet period: {0} after {1:HH:mm:ss}", longest.Gap, longest.From);
			Console.WriteLine("status classes: " + string.Join(" ", entries.GroupBy(e => e.Status / 100).OrderBy(g => g.Key).Select(g => g.Key + "xx=" + g.Count())));
			Console.WriteLine("total time serving: {0:mm\\:ss\\.fff}", TimeSpan.FromTicks(entries.Sum(e => e.Duration.Ticks)));
			return bad;
		}
	}
}
