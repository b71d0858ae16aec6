// Closures and delegates in an event-driven shop: captured counters,
// per-iteration captures, composed functions, Func/Action/Predicate and
// multicast delegates.
using System;
using System.Collections.Generic;
using System.Linq;

namespace closures
{
	delegate decimal PriceRule(decimal price);

	class Shop
	{
		public event Action<string, decimal> Sold;
		public void Sell(string item, decimal price) => Sold?.Invoke(item, price);
	}

	class Program
	{
		static Func<int> Counter(int start, int step)
		{
			int n = start - step;
			return () => n += step;
		}

		static Func<T, TResult2> Compose<T, TResult, TResult2>(Func<T, TResult> f, Func<TResult, TResult2> g) => x => g(f(x));

		public static int Main(string[] args)
		{
			var c1 = Counter(10, 5);
			var c2 = Counter(0, 1);
			Console.WriteLine("counters: {0} {1} {2} | {3} {4}", c1(), c1(), c1(), c2(), c2());

			var actions = new List<Func<string>>();
			for (int i = 0; i < 3; i++) {
				int copy = i;
				actions.Add(() => "i=" + copy);
			}
			foreach (var name in new[] { "a", "b", "c" })
				actions.Add(() => "name=" + name);
			Console.WriteLine(string.Join(" ", actions.Select(a => a())));

			PriceRule discount = p => p * 0.9m;
			PriceRule roundDown = p => Math.Floor(p);
			PriceRule both = p => roundDown(discount(p));
			Console.WriteLine("price rules on 19.99: {0} {1} {2}", discount(19.99m), roundDown(19.99m), both(19.99m));

			Func<string, int> length = s => s.Length;
			Func<int, string> stars = n => new string('*', n);
			var bar = Compose(length, stars);
			Console.WriteLine("bar(\"hello\") = {0}", bar("hello"));

			Predicate<int> isEven = n => n % 2 == 0;
			var nums = Enumerable.Range(1, 12).ToList();
			Console.WriteLine("evens: {0}", string.Join(",", nums.FindAll(isEven)));
			Console.WriteLine("first over 7 and odd: {0}", nums.Find(n => n > 7 && !isEven(n)));

			var shop = new Shop();
			decimal revenue = 0;
			int sales = 0;
			var log = new List<string>();
			shop.Sold += (item, price) => revenue += price;
			shop.Sold += (item, price) => sales++;
			Action<string, decimal> logger = (item, price) => log.Add(item + "@" + price);
			shop.Sold += logger;
			shop.Sell("tea", 3.50m);
			shop.Sell("cake", 4.25m);
			shop.Sold -= logger;
			shop.Sell("coffee", 2.80m);
			Console.WriteLine("revenue {0}, sales {1}, logged [{2}]", revenue, sales, string.Join(", ", log));

			Action<string> chain = s => Console.Write("<" + s + ">");
			chain += s => Console.Write("[" + s + "]");
			chain += s => Console.WriteLine("{" + s + "}");
			chain("x");
			Console.WriteLine("invocation list length: {0}", chain.GetInvocationList().Length);

			var memo = new Dictionary<int, long>();
			Func<int, long> fib = null;
			fib = n => {
				long r;
				if (n < 2) return n;
				if (memo.TryGetValue(n, out r)) return r;
				return memo[n] = fib(n - 1) + fib(n - 2);
			};
			Console.WriteLine("fib(80) = {0}, memo size {1}", fib(80), memo.Count);
			return sales;
		}
	}
}
