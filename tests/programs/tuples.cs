// Statistics helpers returning ValueTuples: named elements, deconstruction,
// tuples as dictionary keys and in LINQ, and swapping with tuples.
using System;
using System.Collections.Generic;
using System.Linq;

namespace tuples
{
	class Program
	{
		static (double Min, double Max, double Mean, double StdDev) Stats(IReadOnlyList<double> xs)
		{
			double min = double.MaxValue, max = double.MinValue, sum = 0;
			foreach (double x in xs) {
				min = Math.Min(min, x);
				max = Math.Max(max, x);
				sum += x;
			}
			double mean = sum / xs.Count, sq = 0;
			foreach (double x in xs)
				sq += (x - mean) * (x - mean);
			return (min, max, mean, Math.Sqrt(sq / xs.Count));
		}

		static (int Quotient, int Remainder) DivRem(int a, int b) => (a / b, a % b);

		static (string Word, int Count) MostCommon(string text)
		{
			var best = ("", 0);
			foreach (var g in text.Split(' ').GroupBy(w => w))
				if (g.Count() > best.Item2 || (g.Count() == best.Item2 && string.CompareOrdinal(g.Key, best.Item1) < 0))
					best = (g.Key, g.Count());
			return best;
		}

		public static void Main(string[] args)
		{
			var temps = new List<double> { 12.5, 14.0, 9.75, 18.25, 16.0, 11.5, 13.0 };
			var s = Stats(temps);
			Console.WriteLine("min {0} max {1} mean {2:F3} sd {3:F3}", s.Min, s.Max, s.Mean, s.StdDev);
			var (lo, hi, mean, sd) = s;
			Console.WriteLine("range {0}..{1} = {2}", lo, hi, hi - lo);

			var (q, r) = DivRem(47, 5);
			Console.WriteLine("47 / 5 = {0} rem {1}", q, r);
			Console.WriteLine("tuple printed: {0}", DivRem(-7, 2));

			var mc = MostCommon("to be or not to be that is the question to ask");
			Console.WriteLine("most common: '{0}' x{1}", mc.Word, mc.Count);

			int a = 1, b = 2;
			(a, b) = (b, a);
			Console.WriteLine("swapped: a={0} b={1}", a, b);

			var distances = new Dictionary<(string, string), int> {
				[("Oslo", "Bergen")] = 463,
				[("Oslo", "Trondheim")] = 494,
				[("Bergen", "Stavanger")] = 209,
			};
			foreach (var route in new[] { ("Oslo", "Bergen"), ("Bergen", "Oslo"), ("Bergen", "Stavanger") }) {
				int d;
				bool found = distances.TryGetValue(route, out d) || distances.TryGetValue((route.Item2, route.Item1), out d);
				Console.WriteLine("{0} -> {1}: {2}", route.Item1, route.Item2, found ? d + " km" : "unknown");
			}

			var people = new[] { (Name: "Kim", Age: 34), (Name: "Lee", Age: 27), (Name: "Max", Age: 34), (Name: "Ida", Age: 41) };
			var byAge = people.GroupBy(p => p.Age).OrderBy(g => g.Key).Select(g => (Age: g.Key, Names: string.Join("+", g.Select(p => p.Name))));
			foreach (var g in byAge) {
				var (age, names) = g;
				Console.WriteLine("age {0}: {1}", age, names);
			}
			var oldest = people.OrderByDescending(p => p.Age).First();
			Console.WriteLine("oldest: {0} ({1})", oldest.Name, oldest.Age);
			var t1 = (1, "x", 2.5);
			var t2 = (1, "x", 2.5);
			Console.WriteLine("equal: {0}, compare with (1,\"y\",0): {1}", t1.Equals(t2), Math.Sign(t1.CompareTo((1, "y", 0.0))));
			var nested = (Id: 7, Pos: (X: 3, Y: -4));
			Console.WriteLine("nested: {0}, length {1}", nested, Math.Sqrt(nested.Pos.X * nested.Pos.X + nested.Pos.Y * nested.Pos.Y));
		}
	}
}
