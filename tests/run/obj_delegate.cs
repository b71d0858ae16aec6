// Delegates: to static, instance and virtual methods (the override is
// bound), to interface methods, to methods of a boxed struct, with ref and
// out parameters; multicast combination with += and -= (order, removal of
// the last occurrence, return value of the last), null delegates, Equals of
// delegates, generic Func and Action, and delegates passed as arguments.
using System;

delegate int BinOp(int a, int b);
delegate void Notify(string s);
delegate void RefOp(ref int x);
delegate bool TryOp(int x, out int y);

interface IScale { int Scale(int v); }

class Calc {
	public int bias;
	public Calc(int b) { bias = b; }
	public static int Add(int a, int b) { return a + b; }
	public int AddBias(int a, int b) { return a + b + bias; }
	public virtual int Op(int a, int b) { return a - b; }
}
class Calc2 : Calc {
	public Calc2() : base(1000) { }
	public override int Op(int a, int b) { return a * b + bias; }
}

struct Scaler : IScale {
	public int k;
	public int Scale(int v) { return v * k; }
	public int Bump() { return ++k; }
}

static class Delegates {
	static string log = "";
	static void A(string s) { log += "A" + s; }
	static void B(string s) { log += "B" + s; }
	static void C(string s) { log += "C" + s; }
	static void Twice(ref int x) { x *= 2; }
	static void Inc(ref int x) { x += 1; }
	static bool Half(int x, out int y) { y = x / 2; return x % 2 == 0; }
	static int Apply(BinOp op, int a, int b) { return op(a, b); }
	static T Fold<T>(T[] xs, T seed, Func<T, T, T> f) { T acc = seed; foreach (T x in xs) acc = f(acc, x); return acc; }
	static int Square(int x) { return x * x; }
	static string Twice(string s) { return s + s; }

	static int Main()
	{
		Calc c = new Calc(10), c2 = new Calc2();
		BinOp s = Calc.Add, inst = c.AddBias, virt = c2.Op, baseVirt = c.Op;
		Out.L("static", s(2, 3));
		Out.L("instance", inst(2, 3));
		Out.L("virtual", virt(2, 3));
		Out.L("virtual base", baseVirt(2, 3));
		Out.L("Apply", Apply(new BinOp(c2.AddBias), 1, 1));
		c.bias = 20;
		Out.L("target is live", inst(0, 0));
		Out.L("Target", ReferenceEquals(inst.Target, c));
		Out.L("static Target null", s.Target == null);

		Scaler sc = new Scaler(); sc.k = 3;
		Func<int, int> f = sc.Scale;     // boxes a copy of sc
		sc.k = 100;
		Out.L("struct delegate", f(5));
		IScale isc = sc;
		Func<int, int> fi = isc.Scale;
		Out.L("interface delegate", fi(2));
		Func<int> bump = sc.Bump;
		bump(); bump();
		Out.L("struct bump on box", bump());
		Out.L("struct original", sc.k);

		Notify n = A;
		n += B;
		n += C;
		n += A;
		n("1");
		Out.L(log); log = "";
		n -= A;                          // removes the last A
		n("2");
		Out.L(log); log = "";
		n -= B;
		n -= B;                          // not present: no change
		n("3");
		Out.L(log); log = "";
		Notify m = B;
		m += C;
		Notify all = n + m;
		all("4");
		Out.L(log); log = "";
		all -= m;                        // removes the sublist B,C
		all("5");
		Out.L(log); log = "";
		n -= A; n -= C;
		Out.L("empty is null", n == null);
		if (n != null) n("x");

		BinOp both = Calc.Add;
		both += c.AddBias;
		Out.L("multicast returns last", both(1, 1));
		Out.L("invocation list", both.GetInvocationList().Length);
		BinOp e1 = Calc.Add, e2 = Calc.Add;
		Out.L("delegate Equals", e1.Equals(e2));
		Out.L("delegate ==", e1 == e2);
		Out.L("delegate ne target", new BinOp(c.AddBias) == new BinOp(c2.AddBias));

		RefOp r = Twice;
		r += Inc;
		r += Twice;
		int v = 5;
		r(ref v);
		Out.L("ref chain", v);
		TryOp t = Half;
		int y;
		bool ok = t(9, out y);
		Out.L("out", y);
		Out.L("out ok", ok);

		Func<int, int> sq = Square;
		Func<string, string> tw = Twice;
		Action<string> act = A;
		act += B;
		act("!");
		Out.L(log + tw("ab"));
		Out.L("Func", sq(sq(3)));
		Out.L("Fold int", Fold(new int[] { 1, 2, 3, 4 }, 0, Calc.Add));
		Out.L("Fold string", Fold(new string[] { "x", "y" }, ">", string.Concat));
		Func<int, int, int> mul = c2.Op;
		Out.L("Func virtual", mul(3, 3));
		Action nothing = delegate { };
		nothing();
		return v;
	}
}
