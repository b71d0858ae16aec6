// Generics: generic classes over value and reference types, generic methods
// with inference, nested generic types, constraints (class, struct, new(),
// base class, interface), static fields per instantiation, generic
// inheritance, and default(T).
using System;

class Stack<T> {
	T[] items = new T[2];
	int count;
	public static int instances;
	public Stack() { instances++; }
	public void Push(T v)
	{
		if (count == items.Length) {
			T[] bigger = new T[count * 2];
			Array.Copy(items, bigger, count);
			items = bigger;
		}
		items[count++] = v;
	}
	public T Pop() { T v = items[--count]; items[count] = default(T); return v; }
	public int Count { get { return count; } }
	public T this[int i] { get { return items[i]; } set { items[i] = value; } }
}

class Pair<A, B> {
	public A first; public B second;
	public Pair(A a, B b) { first = a; second = b; }
	public Pair<B, A> Swap() { return new Pair<B, A>(second, first); }
	public class Node { public A key; public Node next; }
}

class Outer<T> {
	public class Inner<U> {
		public T t; public U u;
		public static string tag = "unset";
	}
}

class Animal { public virtual string Sound() { return "..."; } }
class Dog : Animal { public override string Sound() { return "woof"; } }
class Cat : Animal { public override string Sound() { return "meow"; } }

class Kennel<T> where T : Animal, new() {
	public T Make() { return new T(); }
	public string Speak(T a) { return a.Sound(); }
}

class Base<T> { public virtual T Get(T v) { return v; } }
class Doubler : Base<int> { public override int Get(int v) { return v * 2; } }
class Wrapper<T> : Base<Pair<T, T>> { }

struct Cell<T> { public T value; public bool set; }

static class Generic {
	static T Max<T>(T a, T b, Func<T, T, bool> greater) { return greater(a, b) ? a : b; }
	static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
	static T Default<T>() { return default(T); }
	static bool IsNull<T>(T v) where T : class { return v == null; }
	static T OrNew<T>(T v) where T : class, new() { return v ?? new T(); }
	static int Count<T>(T[] a, T x) where T : struct
	{
		int n = 0;
		foreach (T e in a) if (e.Equals(x)) n++;
		return n;
	}
	static Cell<T> Wrap<T>(T v) { Cell<T> c; c.value = v; c.set = true; return c; }

	static int Main()
	{
		Stack<int> si = new Stack<int>();
		for (int i = 0; i < 10; i++) si.Push(i * i);
		si[0] = -5;
		int total = 0;
		while (si.Count > 1) total += si.Pop();
		Out.L("stack int", total + si[0]);
		Stack<string> ss = new Stack<string>();
		ss.Push("a"); ss.Push("b"); ss.Push("c");
		Out.L("stack string", ss.Pop() + ss.Pop() + ss.Pop());
		new Stack<string>(); new Stack<double>();
		Out.L("instances int", Stack<int>.instances);
		Out.L("instances string", Stack<string>.instances);
		Out.L("instances double", Stack<double>.instances);
		Out.L("instances long", Stack<long>.instances);

		Pair<int, string> p = new Pair<int, string>(1, "one");
		Pair<string, int> q = p.Swap();
		Out.L("swap", q.first + "/" + (q.second + 1 == 2));
		Pair<string, double>.Node n = new Pair<string, double>.Node();
		n.key = "k"; n.next = new Pair<string, double>.Node(); n.next.key = "m";
		Out.L("node", n.key + n.next.key);
		Outer<int>.Inner<string>.tag = "int/string";
		Outer<string>.Inner<int>.tag = "string/int";
		Out.L(Outer<int>.Inner<string>.tag + " " + Outer<string>.Inner<int>.tag + " " + Outer<int>.Inner<int>.tag);

		Kennel<Dog> kd = new Kennel<Dog>();
		Kennel<Cat> kc = new Kennel<Cat>();
		Out.L(kd.Speak(kd.Make()) + " " + kc.Speak(kc.Make()));
		Base<int> bi = new Doubler();
		Out.L("Doubler", bi.Get(21));
		Base<string> bs = new Base<string>();
		Out.L("Base<string>", bs.Get("same"));
		Wrapper<int> w = new Wrapper<int>();
		Out.L("Wrapper", w.Get(new Pair<int, int>(3, 4)).second);

		Out.L("max int", Max(3, 9, (a, b) => a > b));
		Out.L("max string", Max("pear", "fig", (a, b) => a.Length > b.Length));
		Out.L("max double", Max(2.5, -1.0, (a, b) => a > b));
		string x = "x", y = "y";
		Swap(ref x, ref y);
		long lx = 1, ly = 2;
		Swap(ref lx, ref ly);
		Out.L("swap ref", x + y + (lx == 2 && ly == 1));
		Out.L("default int", Default<int>());
		Out.L("default string", Default<string>() == null);
		Out.L("default double", Default<double>());
		Out.L("IsNull", IsNull<string>(null) && !IsNull("s"));
		Out.L("OrNew", OrNew<Dog>(null).Sound());
		Out.L("count", Count(new int[] { 1, 2, 1, 3, 1 }, 1));
		Out.L("count long", Count(new long[] { 5, 5 }, 5L));
		Cell<string> cs = Wrap("wrapped");
		Cell<long> cl = Wrap(1L << 40);
		Out.L(cs.value, cl.value);
		Out.L("cell set", cs.set && cl.set);
		return Stack<int>.instances + Stack<string>.instances;
	}
}
