// Object identity and equality: ReferenceEquals, == on references versus
// overloaded operators, Equals overrides, GetHashCode stable for one object
// and equal for equal values (only compared, never printed), string
// interning of literals; properties (auto, computed, static, virtual,
// get-only, private set) and indexers (several overloads, multiple
// arguments, through an interface).
using System;

class Money {
	public readonly long cents;
	public Money(long c) { cents = c; }
	public override bool Equals(object o) { Money m = o as Money; return m != null && m.cents == cents; }
	public override int GetHashCode() { return (int)(cents ^ (cents >> 32)); }
	public static bool operator ==(Money a, Money b)
	{
		if (ReferenceEquals(a, b)) return true;
		if ((object)a == null || (object)b == null) return false;
		return a.cents == b.cents;
	}
	public static bool operator !=(Money a, Money b) { return !(a == b); }
	public static Money operator +(Money a, Money b) { return new Money(a.cents + b.cents); }
}

class Plain { public int v; }

interface IGrid { int this[int r, int c] { get; set; } }

class Grid : IGrid {
	int[] cells;
	int cols;
	public Grid(int r, int c) { cells = new int[r * c]; cols = c; }
	public int this[int r, int c] { get { return cells[r * cols + c]; } set { cells[r * cols + c] = value; } }
	public int this[string name] { get { return name == "first" ? cells[0] : -1; } }
	public int Count { get { return cells.Length; } }
}

class Shape {
	public static int Made { get; private set; }
	public string Name { get; set; }
	public virtual int Corners { get { return 0; } }
	public int Id { get; private set; }
	public Shape() { Made++; Id = Made; }
}
class Tri : Shape { public override int Corners { get { return 3 + base.Corners; } } }

static class Identity {
	static int Main()
	{
		Money a = new Money(500), b = new Money(500), c = a;
		Out.L("ReferenceEquals a b", ReferenceEquals(a, b));
		Out.L("ReferenceEquals a c", ReferenceEquals(a, c));
		Out.L("a == b (operator)", a == b);
		Out.L("(object)a == b", (object)a == (object)b);
		Out.L("Equals", a.Equals(b));
		Out.L("Equals null", a.Equals(null));
		Out.L("null == null", (Money)null == null);
		Out.L("sum", (a + b).cents);
		Out.L("hash equal values", a.GetHashCode() == b.GetHashCode());
		object oa = a;
		Out.L("hash via object", oa.GetHashCode() == new Money(500).GetHashCode());

		Plain p = new Plain(), q = new Plain();
		int h1 = p.GetHashCode();
		p.v = 99;
		GC.Collect();
		Out.L("hash stable", h1 == p.GetHashCode());
		Out.L("hash stable object", h1 == ((object)p).GetHashCode());
		Out.L("Equals default", p.Equals(q));
		Out.L("Equals self", p.Equals(p));
		Out.L("static Equals", Equals(null, null) && !Equals(p, null));
		object[] many = new object[50];
		int[] hashes = new int[50];
		for (int i = 0; i < many.Length; i++) { many[i] = new Plain(); hashes[i] = many[i].GetHashCode(); }
		GC.Collect();
		bool stable = true;
		for (int i = 0; i < many.Length; i++) stable &= hashes[i] == many[i].GetHashCode();
		Out.L("50 hashes stable", stable);

		string s1 = "literal", s2 = "lit" + "eral", s3 = new string("literal".ToCharArray());
		Out.L("literal interned", ReferenceEquals(s1, s2));
		Out.L("new string not same", ReferenceEquals(s1, s3));
		Out.L("string ==", s1 == s3);
		Out.L("string Equals", s1.Equals((object)s3));
		Out.L("string hash", s1.GetHashCode() == s3.GetHashCode());
		Out.L("Intern", ReferenceEquals(string.Intern(s3), s1));

		Grid g = new Grid(3, 4);
		g[1, 2] = 7;
		g[0, 0] = 5;
		g[1, 2] += 3;
		IGrid ig = g;
		ig[2, 3] = ig[1, 2] * 2;
		Out.L("grid", g[1, 2]);
		Out.L("grid via iface", g[2, 3]);
		Out.L("grid by name", g["first"] + g["other"]);
		Out.L("grid count", g.Count);

		Shape s = new Shape();
		s.Name = "plain";
		Shape t = new Tri();
		t.Name = "tri";
		Out.L(s.Name + " " + t.Name);
		Out.L("corners", s.Corners + t.Corners * 10);
		Out.L("ids", s.Id * 10 + t.Id);
		Out.L("made", Shape.Made);
		Out.L("unset name", new Tri().Name);
		return Shape.Made;
	}
}
