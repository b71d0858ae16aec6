// Class-library generics over the program's own structs (Dictionary<K, V>,
// HashSet<T>, a generic method) are compiled in the program's own units,
// where gcc inlines the struct's Equals and GetHashCode into them
// (src/emit/cgen.c, own_unit_method). The dictionary must still ask the
// struct's own Equals on every hash collision, see an exception thrown
// inside GetHashCode or Equals at the right call, and tell a missing key.
using System;
using System.Collections.Generic;

struct Key : IEquatable<Key> {
	public readonly int A;
	public readonly string B;
	public static int EqualsCalls;

	public Key(int a, string b) { A = a; B = b; }

	public bool Equals(Key o)
	{
		EqualsCalls++;
		if (A < 0 || o.A < 0)
			throw new InvalidOperationException("Equals of a negative key");
		return A == o.A && string.Equals(B, o.B, StringComparison.OrdinalIgnoreCase);
	}

	public override bool Equals(object o) { return o is Key && Equals((Key)o); }

	// Few buckets on purpose: most keys collide, so Equals decides.
	public override int GetHashCode()
	{
		if (A == 13)
			throw new ArgumentException("GetHashCode of 13");
		return A % 3;
	}
}

// A struct without IEquatable: the default comparer's path through
// Equals(object).
struct Plain {
	public int V;
	public override bool Equals(object o) { return o is Plain && ((Plain)o).V / 10 == V / 10; }
	public override int GetHashCode() { return V / 10; }
}

static class ObjStructKey {
	static int CountDistinct<T>(IEnumerable<T> items)
	{
		return new HashSet<T>(items).Count;
	}

	static int Main()
	{
		var d = new Dictionary<Key, int>();
		for (int i = 0; i < 12; i++)
			d[new Key(i, "k" + i)] = i * i;
		Console.WriteLine("count " + d.Count);
		int v;
		Console.WriteLine("K7 " + d.TryGetValue(new Key(7, "K7"), out v) + " " + v);
		Console.WriteLine("k7 wrong name " + d.TryGetValue(new Key(7, "x"), out v));
		Key.EqualsCalls = 0;
		d[new Key(4, "K4")] += 1;
		Console.WriteLine("k4 " + d[new Key(4, "k4")] + ", Equals asked " + (Key.EqualsCalls > 0));
		try {
			Console.WriteLine(d[new Key(40, "k40")]);
		} catch (KeyNotFoundException) {
			Console.WriteLine("KeyNotFoundException");
		}
		try {
			d.Add(new Key(13, "k13"), 0);
		} catch (ArgumentException e) {
			Console.WriteLine("ArgumentException: " + e.Message);
		}
		try {
			d.Add(new Key(-3, "neg"), 0);
		} catch (InvalidOperationException e) {
			Console.WriteLine("InvalidOperationException: " + e.Message);
		}
		try {
			d.Add(new Key(5, "K5"), 0);
		} catch (ArgumentException) {
			Console.WriteLine("duplicate refused");
		}
		Console.WriteLine("count " + d.Count);

		var set = new HashSet<Key>();
		for (int i = 0; i < 30; i++)
			set.Add(new Key(i % 10, (i % 2 == 0 ? "a" : "A") + (i % 10)));
		Console.WriteLine("set " + set.Count + " " + set.Contains(new Key(3, "A3")));

		var plain = new Plain[50];
		for (int i = 0; i < plain.Length; i++)
			plain[i].V = i;
		Console.WriteLine("plain distinct " + CountDistinct(plain));
		var pd = new Dictionary<Plain, string>();
		pd[new Plain { V = 21 }] = "twenties";
		Console.WriteLine("29 is " + pd[new Plain { V = 29 }]);
		return 0;
	}
}
