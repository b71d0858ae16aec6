// Interfaces: implicit and explicit implementation, dispatch through a base
// class's implementation, interface inheritance, re-implementation in a
// derived class, and the same method name in two interfaces.
using System;

interface INamed { string Name(); }
interface IGreeter : INamed { string Greet(string who); }
interface ILoud { string Name(); int Volume { get; } }
interface IReset { void Reset(); }

class Person : IGreeter {
	public virtual string Name() { return "person"; }
	public string Greet(string who) { return Name() + " greets " + who; }
}

class Child : Person {
	public override string Name() { return "child"; }
}

class Shouter : Person, ILoud, INamed {
	string INamed.Name() { return "shouter(named)"; }
	string ILoud.Name() { return "SHOUTER"; }
	int ILoud.Volume { get { return 11; } }
	public new string Name() { return "shouter(public)"; }
}

class Base : IReset {
	public int resets;
	public void Reset() { resets++; Out.L("Base.Reset"); }
}
class Derived : Base {
	public new void Reset() { resets += 10; Out.L("Derived.Reset"); }
}
class Reimpl : Base, IReset {
	public new void Reset() { resets += 100; Out.L("Reimpl.Reset"); }
}
class ExplicitReimpl : Reimpl, IReset {
	void IReset.Reset() { base.Reset(); Out.L("ExplicitReimpl.Reset"); }
}

interface IShape { double Area { get; } }
interface ISolid : IShape { double Volume(double depth); }
interface IColored { string Color { get; set; } }

class Tile : ISolid, IColored {
	double side;
	string color = "none";
	public Tile(double s) { side = s; }
	public double Area { get { return side * side; } }
	public double Volume(double d) { return Area * d; }
	public string Color { get { return color; } set { color = value + "!"; } }
}

class Version : IComparable {
	int v;
	public Version(int v) { this.v = v; }
	public int CompareTo(object o)
	{
		Version other = o as Version;
		if (other == null)
			return 1;
		return v < other.v ? -1 : v > other.v ? 1 : 0;
	}
}

static class Iface {
	static void Greet(IGreeter g) { Out.L(g.Greet("bob")); }
	static void Named(INamed n) { Out.L("INamed", n.Name()); }
	static void Loud(ILoud l) { Out.S("ILoud "); Out.S(l.Name()); Out.S(" "); Out.I(l.Volume); Out.L(); }
	static int Resets(IReset r) { r.Reset(); return 0; }

	static int Main()
	{
		Person p = new Person(), c = new Child();
		Shouter s = new Shouter();
		Greet(p); Greet(c); Greet(s);
		Named(p); Named(c); Named(s);
		Loud(s);
		Out.L("direct", s.Name());
		Out.L("as Person", ((Person)s).Name());

		Base[] bs = { new Base(), new Derived(), new Reimpl(), new ExplicitReimpl() };
		foreach (Base b in bs) {
			Resets(b);
			b.Reset();
		}
		foreach (Base b in bs)
			Out.L("resets", b.resets);

		object[] things = { new Tile(2), p, s, "str", bs[3] };
		foreach (object o in things) {
			Out.S(o is INamed ? "named " : "- ");
			Out.S(o is IGreeter ? "greeter " : "- ");
			Out.S(o is ILoud ? "loud " : "- ");
			Out.S(o is IShape ? "shape " : "- ");
			Out.S(o is IReset ? "reset " : "- ");
			Out.S(o is IComparable ? "comparable" : "-");
			Out.L();
		}
		Tile t = new Tile(3);
		ISolid solid = t;
		IShape shape = solid;
		IColored col = t;
		col.Color = "red";
		Out.L("area", shape.Area);
		Out.L("volume", solid.Volume(2));
		Out.L("color", t.Color);
		IComparable cmp = new Version(3);
		Out.L("cmp lt", cmp.CompareTo(new Version(4)));
		Out.L("cmp eq", cmp.CompareTo(new Version(3)));
		Out.L("cmp null", cmp.CompareTo(null));
		return bs[3].resets;
	}
}
