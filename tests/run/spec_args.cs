// Calls that ilcc compiles to copies of the callee knowing an argument
// (src/emit/il2c_spec.c): a constant it branches on, or a class that its
// type tests cannot match. Each must behave as the general method does.
using System;
using System.Collections;
using System.Collections.Generic;

sealed class Plain { public int N; public Plain(int n) { N = n; } }

sealed class Ranked : IComparable {
	public int N;
	public Ranked(int n) { N = n; }
	public int CompareTo(object o) { return N - ((Ranked)o).N; }
}

class Base : IComparable {
	public int N;
	public Base(int n) { N = n; }
	public int CompareTo(object o) { return ((Base)o).N - N; }
}

class Derived : Base { public Derived(int n) : base(n) {} }

static class P {
	static int Sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

	static void Line(string what, int v) { Out.S(what); Out.S(" "); Out.I(v); Out.L(); }

	static StringComparison Pick(int i) { return (StringComparison)i; }

	static void Compares()
	{
		Line("ordinal", Sign(string.Compare("apple", "Banana", StringComparison.Ordinal)));
		Line("ordinal-ic", Sign(string.Compare("apple", "Banana", StringComparison.OrdinalIgnoreCase)));
		Line("invariant", Sign(string.Compare("apple", "Banana", StringComparison.InvariantCulture)));
		Line("current-ic", Sign(string.Compare("apple", "APPLE", StringComparison.CurrentCultureIgnoreCase)));
		for (int i = 0; i < 6; i++)
			Line("picked", Sign(string.Compare("apple", "Banana", Pick(i))));
		Line("equals-ic", "Hello".Equals("hELLO", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
		Line("starts", "Hello".StartsWith("he", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
		try {
			string.Compare("a", "b", (StringComparison)42);
		} catch (ArgumentException) {
			Line("bad comparison", 42);
		}
	}

	static void Comparers()
	{
		IComparer c = Comparer.Default;
		Line("strings", Sign(c.Compare("apple", "Banana")));
		Line("ranked", Sign(c.Compare(new Ranked(1), new Ranked(5))));
		Line("derived", Sign(c.Compare(new Derived(1), new Derived(5))));
		Line("null", c.Compare(null, new Plain(1)));
		try {
			c.Compare(new Plain(1), new Plain(2));
		} catch (ArgumentException) {
			Line("plain not comparable", 0);
		}
		var list = new List<Derived> { new Derived(3), new Derived(1), new Derived(2) };
		list.Sort();
		foreach (var d in list)
			Line("sorted", d.N);
		var words = new ArrayList { "pear", "Apple", "banana" };
		words.Sort();
		foreach (string w in words) { Out.S(w); Out.L(); }
		var plain = new List<Plain> { new Plain(2), new Plain(1) };
		try {
			plain.Sort();
		} catch (InvalidOperationException) {
			Line("plain list not sortable", 0);
		}
	}

	static int Main()
	{
		Compares();
		Comparers();
		return 0;
	}
}
