// Lazy sequences with yield: number generators, a tree walk, a paging
// helper and a pipeline, showing that work happens only when pulled.
using System;
using System.Collections.Generic;
using System.Linq;

namespace iterators
{
	class Node
	{
		public int Value;
		public Node Left, Right;
		public Node(int v, Node l = null, Node r = null) { Value = v; Left = l; Right = r; }
	}

	class Program
	{
		static int pulled;

		static IEnumerable<long> Fibonacci()
		{
			long a = 0, b = 1;
			while (true) {
				pulled++;
				yield return a;
				long t = a + b;
				a = b;
				b = t;
			}
		}

		static IEnumerable<int> Primes()
		{
			var found = new List<int>();
			for (int n = 2; ; n++) {
				bool prime = true;
				foreach (int p in found) {
					if (p * p > n) break;
					if (n % p == 0) { prime = false; break; }
				}
				if (prime) {
					found.Add(n);
					yield return n;
				}
			}
		}

		static IEnumerable<int> InOrder(Node n)
		{
			if (n == null)
				yield break;
			foreach (int v in InOrder(n.Left))
				yield return v;
			yield return n.Value;
			foreach (int v in InOrder(n.Right))
				yield return v;
		}

		static IEnumerable<List<T>> Pages<T>(IEnumerable<T> source, int size)
		{
			var page = new List<T>(size);
			foreach (T item in source) {
				page.Add(item);
				if (page.Count == size) {
					yield return page;
					page = new List<T>(size);
				}
			}
			if (page.Count > 0)
				yield return page;
		}

		static IEnumerable<string> Traced(string name, IEnumerable<int> source)
		{
			Console.WriteLine("  [{0} starts]", name);
			try {
				foreach (int x in source) {
					Console.WriteLine("  [{0} yields {1}]", name, x);
					yield return name + x;
				}
			} finally {
				Console.WriteLine("  [{0} cleaned up]", name);
			}
		}

		public static void Main(string[] args)
		{
			Console.WriteLine("fib: " + string.Join(" ", Fibonacci().Take(15)));
			Console.WriteLine("pulled {0} values", pulled);
			Console.WriteLine("first fib above 1e12: {0}", Fibonacci().First(f => f > 1000000000000L));
			Console.WriteLine("primes: " + string.Join(",", Primes().Take(20)));
			Console.WriteLine("100th prime: {0}", Primes().ElementAt(99));
			Console.WriteLine("twin primes under 100: " + string.Join(" ", Primes().TakeWhile(p => p < 100).Zip(Primes().Skip(1), (a, b) => new { a, b }).Where(t => t.b - t.a == 2).Select(t => "(" + t.a + "," + t.b + ")")));

			var tree = new Node(50, new Node(30, new Node(20), new Node(40, new Node(35))), new Node(70, null, new Node(80, new Node(75))));
			Console.WriteLine("in order: " + string.Join(" ", InOrder(tree)));
			Console.WriteLine("sum {0}, count {1}", InOrder(tree).Sum(), InOrder(tree).Count());

			foreach (var page in Pages(Enumerable.Range(1, 11), 4))
				Console.WriteLine("page: [{0}]", string.Join(" ", page));

			Console.WriteLine("pipeline:");
			var q = Traced("x", new[] { 1, 2, 3, 4, 5 }).Where(s => s != "x2").Take(2);
			Console.WriteLine("  (nothing ran yet)");
			foreach (string s in q)
				Console.WriteLine("  got " + s);

			var e = Fibonacci().GetEnumerator();
			e.MoveNext(); e.MoveNext(); e.MoveNext();
			Console.WriteLine("manual enumerator current: {0}", e.Current);
			e.Dispose();
		}
	}
}
