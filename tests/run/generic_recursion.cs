// Generic recursion that is unbounded in the type system but bounded at
// run time: compiled in full, each of these would instantiate ever deeper
// types without end. ilcc cuts each chain where its types would nest too
// deep (with a build warning); the deep paths never run here, so the
// program prints what Mono prints.
using System;
using System.Collections.Generic;

class Box<T> {
	public T v;
	public Box(T v) { this.v = v; }
	public override string ToString() { return "Box(" + v + ")"; }
}

struct S<T> {
	public T v;
	public override string ToString() { return "S(" + v + ")"; }
}

class Oops<T> : Exception { }

interface IShow { string Show(int n); }

// newobj of a deeper instance of the class itself, behind a virtual call
class Nest<T> : IShow {
	T v;
	public Nest(T v) { this.v = v; }
	public virtual string Show(int n)
	{
		if (n <= 0)
			return "Nest(" + v + ")";
		return new Nest<Box<T>>(new Box<T>(v)).Show(n - 1);
	}
}

// a static field and the static constructor of deeper instances
static class Counter<T> {
	public static int count;
	static Counter() { count = 100; }
	public static int Down(int n) { return n <= 0 ? count : Counter<T[]>.Down(n - 1) + 1; }
}

// a generic virtual method calling itself with a bigger type argument
abstract class Visitor { public abstract int Visit<T>(T x, int n); }
class Deeper : Visitor {
	public override int Visit<T>(T x, int n) { return n == 0 ? 1 : Visit(new Box<T>(x), n - 1) + 1; }
}

static class P {
	// mono's generics.cs test_0_inline_infinite_polymorphic_recursion
	static void F<T>(int i) { if (i == 42) F<S<T>>(i); }

	static int Depth<T>(int n) { return n == 0 ? 0 : Depth<Box<T>>(n - 1) + 1; }

	// box, ldtoken (typeof), newarr and initobj of deeper types
	static string Wrap<T>(T x, int n)
	{
		if (n == 0)
			return x.ToString();
		object o = new S<T> { v = x };
		Type t = typeof(S<T>);
		var arr = new S<T>[1];
		arr[0] = (S<T>)o;
		return t.Name + " " + Wrap(arr[0], n - 1);
	}

	// a delegate to a deeper instance (ldftn)
	static int Twice<T>(int n)
	{
		if (n == 0)
			return 0;
		Func<int, int> d = Twice<List<T>>;
		return d(n - 1) + 2;
	}

	// a catch of a deeper type
	static int Catch<T>(int n)
	{
		try {
			return n == 0 ? 0 : Catch<Box<T>>(n - 1) + 1;
		} catch (Oops<Box<T>>) {
			return -1;
		}
	}

	// an iterator and a closure: their classes are generic too
	static IEnumerable<string> Walk<T>(T x, int n)
	{
		yield return x.ToString();
		if (n > 0)
			foreach (var s in Walk(new Box<T>(x), n - 1))
				yield return s;
	}

	static int Lambda<T>(T x, int n)
	{
		Func<int> f = () => n == 0 ? 0 : Lambda(new S<T> { v = x }, n - 1) + 1;
		return f();
	}

	// arrays of arrays
	static int Arr<T>(T[] a, int n) { return n == 0 ? a.Length : Arr(new T[][] { a }, n - 1); }

	static int Main()
	{
		F<int>(0);
		Console.WriteLine("F done");
		Console.WriteLine(Depth<int>(5));
		Console.WriteLine(new Nest<int>(7).Show(3));
		IShow i = new Nest<string>("x");
		Console.WriteLine(i.Show(0));
		Console.WriteLine(Counter<int>.Down(4));
		Console.WriteLine(Wrap(3, 2));
		Console.WriteLine(Twice<int>(3));
		Visitor v = new Deeper();
		Console.WriteLine(v.Visit(1, 3));
		Console.WriteLine(Catch<int>(3));
		foreach (var s in Walk(1, 2))
			Console.WriteLine(s);
		Console.WriteLine(Lambda(1, 3));
		Console.WriteLine(Arr(new int[] { 1, 2 }, 3));
		return Depth<string>(3);
	}
}
