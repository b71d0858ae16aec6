// A least-recently-used cache built from LinkedList<T> and a Dictionary of
// its nodes, exercised by a fixed request trace with hit/miss statistics.
using System;
using System.Collections.Generic;
using System.Linq;

namespace lrucache
{
	class LruCache<TKey, TValue>
	{
		readonly int capacity;
		readonly LinkedList<KeyValuePair<TKey, TValue>> order = new LinkedList<KeyValuePair<TKey, TValue>>();
		readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> map = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>();

		public int Hits { get; private set; }
		public int Misses { get; private set; }
		public event Action<TKey> Evicted;

		public LruCache(int capacity) { this.capacity = capacity; }

		public TValue GetOrAdd(TKey key, Func<TKey, TValue> load)
		{
			LinkedListNode<KeyValuePair<TKey, TValue>> node;
			if (map.TryGetValue(key, out node)) {
				Hits++;
				order.Remove(node);
				order.AddFirst(node);
				return node.Value.Value;
			}
			Misses++;
			if (map.Count == capacity) {
				var last = order.Last;
				order.RemoveLast();
				map.Remove(last.Value.Key);
				Evicted?.Invoke(last.Value.Key);
			}
			var value = load(key);
			map[key] = order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
			return value;
		}

		public IEnumerable<TKey> KeysMostRecentFirst()
		{
			for (var n = order.First; n != null; n = n.Next)
				yield return n.Value.Key;
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var cache = new LruCache<int, string>(3);
			int loads = 0;
			cache.Evicted += k => Console.WriteLine("  evicted page {0}", k);
			int[] trace = { 1, 2, 3, 1, 4, 2, 5, 1, 2, 3, 4, 5, 5, 1 };
			foreach (int page in trace) {
				string v = cache.GetOrAdd(page, k => { loads++; return "page-" + k * 100; });
				Console.WriteLine("get {0} -> {1,-9} cache: [{2}]", page, v, string.Join(" ", cache.KeysMostRecentFirst()));
			}
			Console.WriteLine("hits {0}, misses {1}, loads {2}, hit ratio {3:P1}", cache.Hits, cache.Misses, loads, (double)cache.Hits / trace.Length);

			var list = new LinkedList<string>(new[] { "b", "d" });
			list.AddFirst("a");
			list.AddAfter(list.Find("b"), "c");
			list.AddLast("e");
			list.Remove("d");
			Console.WriteLine("list: {0} (count {1}, first {2}, last {3})", string.Join(",", list), list.Count, list.First.Value, list.Last.Value);
			Console.WriteLine("backwards: {0}", string.Join(",", list.Reverse()));
			Console.WriteLine("contains c: {0}, contains d: {1}", list.Contains("c"), list.Contains("d"));
			return cache.Misses;
		}
	}
}
