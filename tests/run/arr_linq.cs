// System.Linq over arrays: the operators see a T[] as IEnumerable<T>,
// ICollection<T> or IList<T>, and their iterators ask for the thread's
// ManagedThreadId.
using System;
using System.Collections.Generic;
using System.Linq;

static class Test {
	static void Show(string label, IEnumerable<int> e)
	{
		Out.S(label);
		foreach (int x in e) {
			Out.S(" ");
			Out.I(x);
		}
		Out.L();
	}

	static void Main()
	{
		int[] a = { 5, 1, 4, 2, 3 };
		Out.L("sum", a.Sum());
		Out.L("max", a.Max());
		Out.L("min", a.Min());
		Out.L("count", a.Count());
		Out.L("count odd", a.Count(x => x % 2 == 1));
		Out.L("any > 4", a.Any(x => x > 4));
		Out.L("all > 0", a.All(x => x > 0));
		Out.L("first", a.First());
		Out.L("last", a.Last());
		Out.L("elementat", a.ElementAt(2));
		Out.L("contains 4", a.Contains(4));
		Show("where/select", a.Where(x => x % 2 == 1).Select(x => x * 10));
		Show("orderby", a.OrderBy(x => x));
		Show("orderbydesc", a.OrderByDescending(x => x));
		Show("skip/take", a.Skip(1).Take(3));
		Show("reverse", a.Reverse());
		Show("concat", a.Concat(new[] { 9, 8 }));
		Show("distinct", new[] { 1, 1, 2, 3, 3 }.Distinct());
		List<int> l = a.ToList();
		Out.L("tolist", l.Count);
		int[] b = a.Where(x => x > 2).ToArray();
		Out.L("toarray", b.Length);
		string[] s = { "pear", "fig", "apple" };
		Out.L("string join", string.Join(",", s.OrderBy(x => x.Length)));
		Out.L("select string", string.Join(",", s.Select(x => x.Substring(0, 1))));
		Out.L("aggregate", s.Aggregate("", (acc, x) => acc + x[0]));
		IEnumerable<object> objs = s;
		Out.L("cast count", objs.Cast<string>().Count());
		Out.L("oftype", new object[] { 1, "x", 2 }.OfType<int>().Sum());
		var dict = s.ToDictionary(x => x, x => x.Length);
		Out.L("dictionary", dict["apple"]);
		Out.L("sequenceequal", a.SequenceEqual(new[] { 5, 1, 4, 2, 3 }));
		Out.L("range sum", Enumerable.Range(1, 10).Sum());
		Out.L("average", a.Average());
	}
}
