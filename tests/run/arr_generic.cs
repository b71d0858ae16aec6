// Vectors as generic collections: T[] implements IList<T>, ICollection<T>,
// IEnumerable<T>, IReadOnlyList<T> and IReadOnlyCollection<T> (and, through
// array covariance, those of every U that a T[] converts to); other arrays
// only System.Array's non-generic IList, ICollection and IEnumerable.
using System;
using System.Collections;
using System.Collections.Generic;

struct Pt {
	public int X, Y;
	public Pt(int x, int y) { X = x; Y = y; }
	public override bool Equals(object o) { return o is Pt && ((Pt)o).X == X && ((Pt)o).Y == Y; }
	public override int GetHashCode() { return X ^ Y; }
	public override string ToString() { return X + "/" + Y; }
}

enum Color { Red, Green, Blue }

class Animal { public string Name; public Animal(string n) { Name = n; } }
class Dog : Animal { public Dog(string n) : base(n) {} }

class Words : IEnumerable<string> {
	public IEnumerator<string> GetEnumerator() { yield return "w1"; yield return "w2"; }
	IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
}

static class Test {
	static int Sum(IEnumerable<int> e)
	{
		int s = 0;
		foreach (int x in e)
			s += x;
		return s;
	}

	static string Concat<T>(IEnumerable<T> e)
	{
		string s = "";
		foreach (T x in e)
			s += x.ToString() + ";";
		return s;
	}

	static int CountOf<T>(IReadOnlyCollection<T> c) { return c.Count; }

	static void Throws(string what, Action a)
	{
		try {
			a();
			Out.L(what, "no exception");
		} catch (Exception e) {
			Out.L(what, e.GetType().Name);
		}
	}

	static void Enumerate()
	{
		int[] a = { 1, 2, 3, 4 };
		Out.L("sum int[]", Sum(a));
		Out.L("sum empty", Sum(new int[0]));
		Out.L("concat string[]", Concat(new[] { "a", "b", "c" }));
		Out.L("concat Pt[]", Concat(new[] { new Pt(1, 2), new Pt(3, 4) }));
		foreach (Pt p in (IEnumerable<Pt>)new[] { new Pt(5, 6), new Pt(7, 8) })
			Out.L("pt", p.X * 10 + p.Y);
		IEnumerable<Color> ce = new[] { Color.Blue, Color.Red };
		foreach (Color c in ce)
			Out.L("color", (int)c);
		IEnumerator<int> en = ((IEnumerable<int>)a).GetEnumerator();
		Out.L("movenext", en.MoveNext());
		Out.L("current", en.Current);
		en.Dispose();
		IEnumerable<object> eo = new[] { "x", "y" };
		foreach (object o in eo)
			Out.L("object", (string)o);
		IEnumerable<Animal> ea = new Dog[] { new Dog("rex") };
		foreach (Animal an in ea)
			Out.L("animal", an.Name);
	}

	static void Lists()
	{
		int[] a = { 10, 20, 30 };
		IList<int> l = a;
		Out.L("count", l.Count);
		Out.L("readonly", l.IsReadOnly);
		Out.L("l[1]", l[1]);
		l[1] = 25;
		Out.L("a[1]", a[1]);
		Out.L("contains 30", l.Contains(30));
		Out.L("contains 31", l.Contains(31));
		Out.L("indexof 25", l.IndexOf(25));
		Out.L("indexof 99", l.IndexOf(99));
		int[] d = new int[5];
		l.CopyTo(d, 2);
		Out.L("copyto", d[0] + "," + d[1] + "," + d[2] + "," + d[3] + "," + d[4]);
		Throws("l[3]", () => { int x = l[3]; });
		Throws("l[-1] =", () => { l[-1] = 0; });
		Throws("add", () => l.Add(4));
		Throws("insert", () => l.Insert(0, 4));
		Throws("remove", () => l.Remove(10));
		Throws("removeat", () => l.RemoveAt(0));
		Throws("clear", () => ((ICollection<int>)a).Clear());

		string[] s = { "p", "q", null };
		IList<string> ls = s;
		Out.L("ls indexof null", ls.IndexOf(null));
		Out.L("ls contains q", ls.Contains("q"));
		Out.L("ls indexof new string", ls.IndexOf(new string('q', 1)));

		Pt[] pts = { new Pt(1, 2), new Pt(3, 4) };
		IList<Pt> lp = pts;
		Out.L("lp indexof", lp.IndexOf(new Pt(3, 4)));
		lp[0] = new Pt(9, 9);
		Out.L("pts[0].X", pts[0].X);

		IReadOnlyList<string> rs = new[] { "u", "v" };
		Out.L("ro count", rs.Count);
		Out.L("ro [1]", rs[1]);
		Out.L("ro collection count", CountOf(new[] { 1.5, 2.5, 3.5 }));
	}

	static void Casts()
	{
		object si = new string[] { "s" }, oi = new object[1], ii = new int[1];
		object ei = new Color[1], ui = new uint[1], pi = new Pt[1];
		object md = new int[2, 2], jag = new string[1][], di = new Dog[1];
		Out.L("string[] is IList<string>", si is IList<string>);
		Out.L("string[] is IList<object>", si is IList<object>);
		Out.L("string[] is IList<IComparable>", si is IList<IComparable>);
		Out.L("string[] is ICollection<IEnumerable<char>>", si is ICollection<IEnumerable<char>>);
		Out.L("string[] is IEnumerable<object>", si is IEnumerable<object>);
		Out.L("string[] is IReadOnlyList<object>", si is IReadOnlyList<object>);
		Out.L("string[] is IList<int>", si is IList<int>);
		Out.L("object[] is IList<object>", oi is IList<object>);
		Out.L("object[] is IList<string>", oi is IList<string>);
		Out.L("object[] is IEnumerable<string>", oi is IEnumerable<string>);
		Out.L("int[] is IList<int>", ii is IList<int>);
		Out.L("int[] is IList<uint>", ii is IList<uint>);
		Out.L("int[] is IList<long>", ii is IList<long>);
		Out.L("int[] is IList<object>", ii is IList<object>);
		Out.L("int[] is IEnumerable<object>", ii is IEnumerable<object>);
		Out.L("uint[] is IList<int>", ui is IList<int>);
		Out.L("Color[] is IList<int>", ei is IList<int>);
		Out.L("Pt[] is IList<Pt>", pi is IList<Pt>);
		Out.L("Pt[] is IList<ValueType>", pi is IList<ValueType>);
		Out.L("Dog[] is IList<Animal>", di is IList<Animal>);
		Out.L("Dog[] is IReadOnlyCollection<Animal>", di is IReadOnlyCollection<Animal>);
		Out.L("string[][] is IList<object[]>", jag is IList<object[]>);
		Out.L("string[][] is IList<IList<string>>", jag is IList<IList<string>>);
		Out.L("string[][] is IList<object>", jag is IList<object>);
		Out.L("int[,] is IList<int>", md is IList<int>);
		Out.L("int[,] is IEnumerable<int>", md is IEnumerable<int>);
		Out.L("int[,] is IList", md is IList);
		Out.L("int[] is IList", ii is IList);
		object ci = new char[1], bi = new bool[1], li = new long[1], ni = new IntPtr[1];
		Out.L("char[] is ushort[]", ci is ushort[]);
		Out.L("char[] is IList<ushort>", ci is IList<ushort>);
		Out.L("bool[] is IList<byte>", bi is IList<byte>);
		Out.L("long[] is IntPtr[]", li is IntPtr[]);
		Out.L("long[] is IList<IntPtr>", li is IList<IntPtr>);
		Out.L("IntPtr[] is IList<ulong>", ni is IList<ulong>);
		Out.L("IntPtr[] is IList<IntPtr>", ni is IList<IntPtr>);
		Out.L("UIntPtr[] is long[]", (object)new UIntPtr[1] is long[]);
		Out.L("UIntPtr[] is IList<IntPtr>", (object)new UIntPtr[1] is IList<IntPtr>);
		Throws("cast object[] to IList<string>", () => { var x = (IList<string>)oi; });

		IList<object> lo = (IList<object>)si;
		Out.L("lo[0]", (string)lo[0]);
		Throws("lo[0] = 1", () => { lo[0] = 1; });
		lo[0] = "t";
		Out.L("lo[0] after", (string)lo[0]);
		Out.L("lo contains t", lo.Contains("t"));
		Out.L("lo indexof 5", lo.IndexOf(5));
		IList<uint> lu = (IList<uint>)ii;
		((int[])ii)[0] = -1;
		Out.L("lu[0]", (long)lu[0]);
		IList<Animal> la = (IList<Animal>)di;
		Throws("la[0] = animal", () => { la[0] = new Animal("cat"); });
		la[0] = new Dog("fido");
		Out.L("la[0]", la[0].Name);
	}

	// element types that convert through generic variance
	static void Variance()
	{
		object wa = new Words[] { new Words() };
		Out.L("Words[] is IList<IEnumerable<object>>", wa is IList<IEnumerable<object>>);
		Out.L("Words[] is IList<IEnumerable<int>>", wa is IList<IEnumerable<int>>);
		foreach (object o in ((IList<IEnumerable<object>>)wa)[0])
			Out.L("word", (string)o);
		object fa = new Func<string>[] { () => "fn" };
		Out.L("Func<string>[] is IList<Func<object>>", fa is IList<Func<object>>);
		Out.L("Func<string>[] is IList<Func<int>>", fa is IList<Func<int>>);
		Out.L("call", (string)((IReadOnlyList<Func<object>>)fa)[0]());
		object aa = new Action<object>[1];
		Out.L("Action<object>[] is IList<Action<string>>", aa is IList<Action<string>>);
		Out.L("Action<string>[] is IList<Action<object>>", (object)new Action<string>[1] is IList<Action<object>>);
	}

	static void NonGeneric()
	{
		int[] a = { 7, 8 };
		IList l = a;
		Out.L("IList count", l.Count);
		Out.L("IList [1]", (int)l[1]);
		l[0] = 70;
		Out.L("IList a[0]", a[0]);
		int[,] m = { { 1, 2 }, { 3, 4 } };
		Out.L("md count", ((ICollection)m).Count);
		int s = 0;
		foreach (object o in (IEnumerable)m)
			s = s * 10 + (int)o;
		Out.L("md foreach", s);
		foreach (object o in (IEnumerable)new string[] { "e" })
			Out.L("IEnumerable", (string)o);
	}

	static void Library()
	{
		var list = new List<int>(new[] { 3, 1, 2 });
		Out.L("list from array", list.Count);
		list.AddRange(new[] { 4, 5 });
		Out.L("addrange", list[4]);
		var ro = Array.AsReadOnly(new[] { "r", "o" });
		Out.L("asreadonly", ro[1]);
		Out.L("asreadonly count", ro.Count);
		Out.L("join objects", string.Join(",", new object[] { "a", 1 }));
		Out.L("join ienumerable", string.Join(",", (IEnumerable<string>)new[] { "b", "c" }));
		Out.L("join ints", string.Join("-", (IEnumerable<int>)new[] { 1, 2, 3 }));
		var set = new HashSet<string>(new[] { "h", "h", "i" });
		Out.L("hashset", set.Count);
	}

	static void Main()
	{
		Enumerate();
		Lists();
		Casts();
		Variance();
		NonGeneric();
		Library();
	}
}
