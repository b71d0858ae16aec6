// Rolls dice and draws samples with a seeded Random, then prints
// histograms with bars, and checks the sample mean and deviation.
using System;
using System.Collections.Generic;
using System.Linq;

namespace histogram
{
	class Program
	{
		static void Bars(string title, IDictionary<int, int> counts, int total, int scale)
		{
			Console.WriteLine(title);
			foreach (var kv in counts)
				Console.WriteLine("{0,4} | {1,-30} {2,5} {3,6:P1}", kv.Key, new string('#', kv.Value / scale), kv.Value, (double)kv.Value / total);
		}

		public static void Main(string[] args)
		{
			var rng = new Random(12345);
			const int rolls = 6000;
			var twoDice = new SortedDictionary<int, int>();
			for (int i = 0; i < rolls; i++) {
				int s = rng.Next(1, 7) + rng.Next(1, 7);
				int n;
				twoDice.TryGetValue(s, out n);
				twoDice[s] = n + 1;
			}
			Bars("Sum of two dice, 6000 rolls:", twoDice, rolls, 40);
			int seven = twoDice[7];
			Console.WriteLine("sevens: {0} (expected about {1})", seven, rolls / 6);

			var normal = new List<double>();
			for (int i = 0; i < 2000; i++) {
				double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
				normal.Add(50 + 10 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
			}
			double mean = normal.Average();
			double sd = Math.Sqrt(normal.Select(x => (x - mean) * (x - mean)).Sum() / normal.Count);
			Console.WriteLine("normal sample: mean {0:F2}, sd {1:F2}, min {2:F1}, max {3:F1}", mean, sd, normal.Min(), normal.Max());
			var buckets = new SortedDictionary<int, int>();
			foreach (double x in normal) {
				int b = (int)Math.Floor(x / 10) * 10;
				int n;
				buckets.TryGetValue(b, out n);
				buckets[b] = n + 1;
			}
			Bars("Buckets of 10:", buckets, normal.Count, 25);
			double within = normal.Count(x => Math.Abs(x - mean) <= sd) / (double)normal.Count;
			Console.WriteLine("within one sd: {0:P1}", within);

			var deck = Enumerable.Range(0, 52).ToArray();
			for (int i = deck.Length - 1; i > 0; i--) {
				int j = rng.Next(i + 1);
				int t = deck[i]; deck[i] = deck[j]; deck[j] = t;
			}
			string suits = "SHDC", ranks = "A23456789TJQK";
			Console.WriteLine("hand: " + string.Join(" ", deck.Take(5).Select(c => "" + ranks[c % 13] + suits[c / 13])));
			var bytes = new byte[8];
			rng.NextBytes(bytes);
			Console.WriteLine("bytes: " + BitConverter.ToString(bytes));
			var again = new Random(12345);
			Console.WriteLine("same seed repeats: {0}", again.Next() == new Random(12345).Next());
			Console.WriteLine("first five of seed 7: " + string.Join(" ", Enumerable.Range(0, 5).Select(_ => new Random(7).Next(100))));
			var r7 = new Random(7);
			Console.WriteLine("sequence of seed 7:   " + string.Join(" ", Enumerable.Range(0, 5).Select(_ => r7.Next(100))));
		}
	}
}
