// Vararg methods (C#'s __arglist): static, instance, virtual, interface
// and struct methods (mcs calls a vararg constructor with the wrong token:
// see il_vararg.il); zero and several extra arguments of mixed types (int,
// long, double, float, char, byte, bool, string, a struct, an enum, null,
// Nullable; a float only last, the one place Mono reads what follows it
// right); ArgIterator's GetRemainingCount, GetNextArgType, GetNextArg with
// and without a type, End, copies, its error past the end; __refvalue
// (read and written), __reftype, TypedReference.ToObject; nested and
// recursive vararg calls; String.Concat's vararg overload (which Mono's
// library makes throw).
using System;

interface ICounted {
	int Counted(int a, __arglist);
}

struct Pt : ICounted {
	public int x, y;
	public Pt(int x, int y) { this.x = x; this.y = y; }
	public override string ToString() { return "Pt(" + x + "," + y + ")"; }
	public int Plus(__arglist) { return x + y + new ArgIterator(__arglist).GetRemainingCount(); }
	public int Counted(int a, __arglist) { return x * a + new ArgIterator(__arglist).GetRemainingCount(); }
}

class Counter : ICounted {
	public int Counted(int a, __arglist) { return -a - new ArgIterator(__arglist).GetRemainingCount(); }
}

enum Color { Red, Green }

class Base {
	public virtual string V(int a, __arglist)
	{
		return "Base " + a + " " + new ArgIterator(__arglist).GetRemainingCount();
	}
}

class Derived : Base {
	public override string V(int a, __arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		string s = "Derived " + a;
		while (it.GetRemainingCount() > 0)
			s += " " + TypedReference.ToObject(it.GetNextArg());
		return s;
	}
}

class Acc {
	long total;
	public string name;

	public Acc(string name) { this.name = name; }

	public Acc Add(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		while (it.GetRemainingCount() > 0) {
			TypedReference tr = it.GetNextArg();
			Type t = __reftype(tr);
			if (t == typeof(int))
				total += __refvalue(tr, int);
			else if (t == typeof(long))
				total += __refvalue(tr, long);
			else if (t == typeof(double))
				total += (long)__refvalue(tr, double);
			else
				Out.L("Add: skipped " + t);
		}
		return this;
	}

	public long Total { get { return total; } }
}

static class P {
	static int Count(__arglist)
	{
		return new ArgIterator(__arglist).GetRemainingCount();
	}

	static string Text(object o)
	{
		return o == null ? "null" : o.GetType().FullName + " " + o;
	}

	static void Show(string label, __arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		Out.L(label + ": " + it.GetRemainingCount() + " extra");
		while (it.GetRemainingCount() > 0) {
			Type declared = Type.GetTypeFromHandle(it.GetNextArgType());
			TypedReference tr = it.GetNextArg();
			Out.L("  " + declared + " | " + __reftype(tr).Name + " | " + Text(TypedReference.ToObject(tr)));
		}
		try {
			it.GetNextArg();
		} catch (InvalidOperationException e) {
			Out.L("  past the end: " + e.Message);
		}
	}

	// each extra argument by its own type, through __refvalue
	static string Values(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		string s = "";
		while (it.GetRemainingCount() > 0) {
			TypedReference tr = it.GetNextArg();
			Type t = __reftype(tr);
			if (t == typeof(int)) s += "i" + __refvalue(tr, int);
			else if (t == typeof(long)) s += "l" + __refvalue(tr, long);
			else if (t == typeof(double)) s += "d" + __refvalue(tr, double);
			else if (t == typeof(float)) s += "f" + __refvalue(tr, float);
			else if (t == typeof(char)) s += "c" + __refvalue(tr, char);
			else if (t == typeof(byte)) s += "b" + __refvalue(tr, byte);
			else if (t == typeof(bool)) s += "t" + __refvalue(tr, bool);
			else if (t == typeof(string)) s += "s" + (__refvalue(tr, string) ?? "null");
			else if (t == typeof(Pt)) s += "p" + __refvalue(tr, Pt).y;
			else if (t == typeof(Color)) s += "e" + __refvalue(tr, Color);
			else if (t == typeof(object)) s += "o" + (__refvalue(tr, object) == null);
			else s += "?" + t;
			s += " ";
		}
		return s;
	}

	// __refvalue is a reference to the argument: writes are seen by
	// later reads in the callee
	static int Bump(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		TypedReference tr = it.GetNextArg();
		__refvalue(tr, int) += 10;
		__refvalue(tr, int) *= 2;
		return __refvalue(tr, int);
	}

	static string Typed(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		TypedReference tr = it.GetNextArg(typeof(long).TypeHandle);
		return __reftype(tr) + " " + __refvalue(tr, long) + ", " + it.GetRemainingCount() + " left";
	}

	// an iterator copied: each copy moves on its own
	static string Copied(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		it.GetNextArg();
		ArgIterator copy = it;
		copy.GetNextArg();
		return it.GetRemainingCount() + " " + copy.GetRemainingCount() + " " +
			TypedReference.ToObject(it.GetNextArg()) + " " + TypedReference.ToObject(copy.GetNextArg());
	}

	static string Ended(__arglist)
	{
		ArgIterator it = new ArgIterator(__arglist);
		it.GetNextArg();
		int before = it.GetRemainingCount();
		it.End();
		string s = before + " then " + it.GetRemainingCount();
		try {
			it.GetNextArgType();
		} catch (InvalidOperationException e) {
			s += ", " + e.Message;
		}
		return s;
	}

	static int Depth(int n, __arglist)
	{
		int here = new ArgIterator(__arglist).GetRemainingCount();
		if (n == 0)
			return here;
		return here + 10 * Depth(n - 1, __arglist(n, n, n));
	}

	static int Main()
	{
		Out.L("Count() " + Count(__arglist()));
		Out.L("Count(1, 2L, 3.5) " + Count(__arglist(1, 2L, 3.5)));
		Out.L("nested " + Count(__arglist(Count(__arglist(1, 2)), Count(__arglist()), 3)));
		int? some = 5, none = null;
		Show("mixed", __arglist(1, 2L, 3.5, "s", new Pt(1, 2), (object)null, (string)null,
					Color.Green, some, none, 'c', (byte)7, true, 1.5f));
		Show("none", __arglist());
		Out.L("values " + Values(__arglist(-1, long.MaxValue, 0.25, "str", (string)null,
						   new Pt(3, 4), Color.Red, (object)null, 'z', (byte)255, false, 2.5f)));
		Out.L("bump " + Bump(__arglist(1)));
		Out.L("typed " + Typed(__arglist(7L, 2)));
		Out.L("copied " + Copied(__arglist("a", 'b', 3, 4L)));
		Out.L("ended " + Ended(__arglist(1, 2, 3)));
		Out.L("depth " + Depth(3, __arglist()));

		Acc acc = new Acc("acc").Add(__arglist(1, 2, 3));
		Out.L(acc.name + " " + acc.Total);
		acc.Add(__arglist(10, 20L, 30.9)).Add(__arglist()).Add(__arglist("x", 100));
		Out.L(acc.name + " " + acc.Total);

		Pt p = new Pt(20, 1);
		Out.L("struct " + p.Plus(__arglist(0, 0, 0)));

		ICounted[] cs = { new Counter(), p };
		foreach (ICounted c in cs)
			Out.L("interface " + c.Counted(3, __arglist(1, "two")));

		Base b = new Derived();
		Out.L(b.V(1, __arglist(2, "three", 4.5)));
		Out.L(new Base().V(5, __arglist(6, 7)));

		try {
			Out.L(String.Concat(1, 2, 3, 4, __arglist(5, 6)));
		} catch (PlatformNotSupportedException e) {
			Out.L("String.Concat: " + e.GetType().Name);
		}
		return Count(__arglist(1, 2, 3, 4));
	}
}
