// Reads "name score score ..." lines from standard input and prints a
// grade report: averages, letter grades, class statistics and rankings.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace grades
{
	class Student
	{
		public string Name;
		public List<double> Scores = new List<double>();
		public double Average => Scores.Count == 0 ? 0 : Scores.Average();
		public string Letter => Average >= 90 ? "A" : Average >= 80 ? "B" : Average >= 70 ? "C" : Average >= 60 ? "D" : "F";
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var students = new List<Student>();
			var problems = new List<string>();
			string line;
			int lineNo = 0;
			while ((line = Console.In.ReadLine()) != null) {
				lineNo++;
				var parts = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
				if (parts.Length == 0) continue;
				var s = new Student { Name = parts[0] };
				foreach (string p in parts.Skip(1)) {
					double v;
					if (double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && v >= 0 && v <= 100)
						s.Scores.Add(v);
					else
						problems.Add(string.Format("line {0}: ignored '{1}' for {2}", lineNo, p, s.Name));
				}
				students.Add(s);
			}
			Console.WriteLine("{0,-10} {1,5} {2,7} {3,5} {4,5}  {5}", "Name", "Tests", "Average", "Best", "Worst", "Grade");
			foreach (var s in students.OrderByDescending(s => s.Average).ThenBy(s => s.Name, StringComparer.Ordinal)) {
				if (s.Scores.Count == 0) {
					Console.WriteLine("{0,-10} {1,5} {2,7} {3,5} {4,5}  {5}", s.Name, 0, "-", "-", "-", "?");
					continue;
				}
				Console.WriteLine("{0,-10} {1,5} {2,7:F2} {3,5} {4,5}  {5}", s.Name, s.Scores.Count, s.Average, s.Scores.Max(), s.Scores.Min(), s.Letter);
			}
			var graded = students.Where(s => s.Scores.Count > 0).ToList();
			var all = graded.SelectMany(s => s.Scores).OrderBy(x => x).ToList();
			double median = all.Count % 2 == 1 ? all[all.Count / 2] : (all[all.Count / 2 - 1] + all[all.Count / 2]) / 2;
			Console.WriteLine();
			Console.WriteLine("class average {0:F2}, median score {1}, {2} scores", graded.Average(s => s.Average), median, all.Count);
			foreach (var g in graded.GroupBy(s => s.Letter).OrderBy(g => g.Key))
				Console.WriteLine("  {0}: {1}", g.Key, string.Join(", ", g.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal)));
			Console.WriteLine("everyone passed: {0}; anyone perfect: {1}", graded.All(s => s.Letter != "F"), all.Any(x => x == 100));
			foreach (string p in problems)
				Console.WriteLine(p);
			return problems.Count;
		}
	}
}
