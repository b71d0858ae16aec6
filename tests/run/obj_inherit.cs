// Class inheritance: virtual, override, new, sealed and abstract methods,
// base calls, constructor chaining and virtual calls from constructors.
using System;

abstract class Shape {
	public string name;
	public static int made;

	protected Shape(string name) { this.name = name; made++; Out.L("Shape ctor " + Describe()); }

	public abstract double Area();
	public virtual string Describe() { return "shape " + name; }
	public string Kind() { return "Shape.Kind"; }
	public virtual int Sides() { return 0; }
}

class Rect : Shape {
	protected double w, h;
	public Rect(double w, double h) : this("rect", w, h) { Out.L("Rect(w,h)"); }
	protected Rect(string n, double w, double h) : base(n) { this.w = w; this.h = h; Out.L("Rect(n,w,h)"); }
	public override double Area() { return w * h; }
	public override string Describe() { return "rect:" + base.Describe(); }
	public new string Kind() { return "Rect.Kind"; }
	public override int Sides() { return 4; }
}

class Square : Rect {
	public Square(double s) : base("square", s, s) { }
	public sealed override string Describe() { return "square/" + base.Describe(); }
	public new virtual int Sides() { return 40; }
}

class Circle : Shape {
	double r;
	public Circle(double r) : base("circle") { this.r = r; }
	public override double Area() { return 3.0 * r * r; }
}

class Ring : Circle {
	public Ring() : base(2) { }
	public override double Area() { return base.Area() - 1; }
	public override int Sides() { return base.Sides() - 1; }
}

class Counter {
	protected int n;
	public virtual void Inc() { n += 1; }
	public int N { get { return n; } }
}
class DoubleCounter : Counter {
	public override void Inc() { base.Inc(); base.Inc(); }
}
class TripleCounter : DoubleCounter {
	public override void Inc() { base.Inc(); n += 1; }
}

static class Inherit {
	static void Show(Shape s)
	{
		Out.S(s.Describe()); Out.S(" area "); Out.F(s.Area());
		Out.S(" sides "); Out.I(s.Sides()); Out.S(" "); Out.S(s.Kind()); Out.L();
	}

	static int Main()
	{
		Shape[] all = { new Rect(2, 3), new Square(4), new Circle(1), new Ring() };
		foreach (Shape s in all)
			Show(s);
		Out.L("made", Shape.made);

		Square sq = (Square)all[1];
		Rect asRect = sq;
		Out.L("sq.Sides", sq.Sides());
		Out.L("asRect.Sides", asRect.Sides());
		Out.L("sq.Kind", sq.Kind());
		Out.L("asRect.Kind", asRect.Kind());
		Out.L("((Shape)sq).Kind", ((Shape)sq).Kind());

		Counter[] cs = { new Counter(), new DoubleCounter(), new TripleCounter() };
		int total = 0;
		foreach (Counter c in cs) {
			for (int i = 0; i < 5; i++)
				c.Inc();
			Out.L("counter", c.N);
			total += c.N;
		}
		Out.L("ToString", new Circle(5).ToString());
		object o = new Ring();
		Out.L("Equals self", o.Equals(o));
		Out.L("Equals other", o.Equals(new Ring()));
		return total;
	}
}
