// Calls through type parameters (constrained. callvirt): CompareTo, Equals,
// GetHashCode and ToString on struct and class T, interface methods on a
// struct T that mutate it in place; generic virtual methods overridden in
// derived classes; one class implementing a generic interface for several
// type arguments.
using System;

interface ICounter { void Inc(); int Value { get; } }
interface IConv<T> { T Conv(int v); }
interface ISink<T> { void Put(T v); }

struct Ver : IComparable<Ver>, ICounter {
	public int major, n;
	public Ver(int m) { major = m; n = 0; }
	public int CompareTo(Ver o) { return major.CompareTo(o.major); }
	public void Inc() { n++; }
	public int Value { get { return n; } }
	public override string ToString() { return "v" + (major == 1 ? "1" : "?"); }
	public override bool Equals(object o) { return o is Ver && ((Ver)o).major == major; }
	public override int GetHashCode() { return major * 31; }
}

class Ref : ICounter {
	int n;
	public void Inc() { n += 10; }
	public int Value { get { return n; } }
	public override string ToString() { return "ref"; }
}

class Multi : IConv<string>, IConv<long>, IConv<bool>, ISink<int>, ISink<string> {
	public int ints; public string strs = "";
	string IConv<string>.Conv(int v) { return v == 0 ? "zero" : "many"; }
	long IConv<long>.Conv(int v) { return (long)v << 33; }
	bool IConv<bool>.Conv(int v) { return v != 0; }
	public void Put(int v) { ints += v; }
	public void Put(string v) { strs += v; }
}

class Visitor {
	public virtual string Visit<T>(T v) { return "base"; }
	public virtual T Echo<T>(T v) { return v; }
}
class Typed : Visitor {
	public override string Visit<T>(T v) { return "typed:" + base.Visit<T>(v) + ":" + (v is int ? "int" : v is string ? "string" : "other"); }
	public override T Echo<T>(T v) { Out.S("[echo]"); return base.Echo(v); }
}

static class Constrained {
	static T Min<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) <= 0 ? a : b; }
	static int Bump<T>(T c, int times) where T : ICounter
	{
		for (int i = 0; i < times; i++) c.Inc();   // mutates the local copy of a struct
		return c.Value;
	}
	static int BumpRef<T>(ref T c) where T : ICounter { c.Inc(); c.Inc(); return c.Value; }
	static string Str<T>(T v) { return v.ToString(); }
	static bool Eq<T>(T a, T b) { return a.Equals(b); }
	static bool SameHash<T>(T a, T b) { return a.GetHashCode() == b.GetHashCode(); }
	static T Conv<T>(IConv<T> c, int v) { return c.Conv(v); }
	static void PutAll<T>(ISink<T> s, T[] vs) { foreach (T v in vs) s.Put(v); }

	static int Main()
	{
		Ver a = new Ver(1), b = new Ver(2);
		Out.L("min struct", Min(b, a).major);
		Out.L("min int", Min(7, 3));
		Out.L("min long", Min(-1L, 5L));
		Out.L("min char", Min('q', 'b'));
		Out.L("min double", Min(2.5, 2.25));
		Out.L("bump struct", Bump(a, 3));
		Out.L("struct unchanged", a.n);
		Out.L("bump ref", BumpRef(ref a));
		Out.L("struct changed", a.n);
		Ref r = new Ref();
		Out.L("bump class", Bump(r, 2));
		Out.L("class changed", r.Value);
		Out.L("str struct", Str(a));
		Out.L("str class", Str(r));
		Out.L("str string", Str("plain"));
		Out.L("str bool", Str(true));
		Out.L("eq struct", Eq(a, new Ver(1)));
		Out.L("eq struct ne", Eq(a, b));
		Out.L("eq int", Eq(4, 4));
		Out.L("eq string", Eq("ab", "a" + "b"));
		Out.L("eq class", Eq(r, new Ref()));
		Out.L("hash struct", SameHash(a, new Ver(1)));
		Out.L("hash int", SameHash(99, 99));
		Out.L("hash string", SameHash("xy", "x" + "y"));
		Out.L("hash class", SameHash(r, r));

		Multi m = new Multi();
		Out.L("conv string", Conv<string>(m, 0));
		Out.L("conv long", Conv<long>(m, 1));
		Out.L("conv bool", Conv<bool>(m, 0));
		PutAll<int>(m, new int[] { 1, 2, 3 });
		PutAll<string>(m, new string[] { "a", "b" });
		Out.L("sink", m.ints);
		Out.L("sink", m.strs);
		object o = m;
		Out.L("is IConv<long>", o is IConv<long>);
		Out.L("is IConv<int>", o is IConv<int>);
		Out.L("is ISink<string>", o is ISink<string>);

		Visitor v = new Typed(), plain = new Visitor();
		Out.L(v.Visit(1) + " " + v.Visit("s") + " " + v.Visit(2.0) + " " + plain.Visit(a));
		Out.L("echo int", v.Echo(5));
		Out.L("echo string", v.Echo("e"));
		Out.L("echo struct", v.Echo(b).major);
		return a.n;
	}
}
