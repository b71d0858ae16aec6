// A second program for tests/cli's stable_names: it reaches more of the
// class library than p.cs (collections, LINQ, formatting), in another order.
using System;
using System.Collections.Generic;
using System.Linq;

static class S {
	static int Main(string[] args)
	{
		var words = new List<string>(args) { "gamma", "alpha", "beta" };
		var d = words.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.Count());
		foreach (var kv in d.OrderBy(kv => kv.Key))
			Console.WriteLine("{0}: {1}", kv.Key, kv.Value);
		Console.WriteLine(string.Join(",", words.OrderBy(w => w)));
		return words.Count;
	}
}
