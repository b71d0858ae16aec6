// Value types: methods that mutate this, copy semantics on assignment and
// argument passing, ref and out parameters, structs nested in structs and
// classes, arrays of structs, readonly fields, and structs called through an
// interface (boxing copies the value).
using System;

interface IMover { void Move(int dx); int Pos { get; } }

struct Point : IMover {
	public int x, y;
	public Point(int x, int y) { this.x = x; this.y = y; }
	public void Move(int dx) { x += dx; }
	public int Pos { get { return x; } }
	public Point Add(Point o) { return new Point(x + o.x, y + o.y); }
	public override string ToString() { return "P"; }
}

struct Line {
	public Point a, b;
	public int Len2() { int dx = b.x - a.x, dy = b.y - a.y; return dx * dx + dy * dy; }
}

struct Big {
	public long a, b, c, d;
	public double e;
	public Line line;
}

class Holder {
	public Point p;
	public readonly Point ro = new Point(1, 1);
	public Line line;
	public Point[] many = new Point[3];
	public Point Prop { get; set; }
}

static class Structs {
	static void Bump(Point p) { p.x += 100; }
	static void BumpRef(ref Point p) { p.x += 100; }
	static void Make(out Point p, int v) { p = new Point(v, -v); }
	static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
	static Big Grow(Big b) { b.a++; b.e *= 2; b.line.b.y += 7; return b; }
	static void ShowP(string label, Point p) { Out.S(label); Out.S(" "); Out.I(p.x); Out.S(","); Out.I(p.y); Out.L(); }

	static int Main()
	{
		Point p = new Point(1, 2);
		Point q = p;
		q.x = 50;
		ShowP("p", p); ShowP("q", q);
		Bump(p); ShowP("after Bump", p);
		BumpRef(ref p); ShowP("after BumpRef", p);
		Point r;
		Make(out r, 9); ShowP("made", r);
		ShowP("add", p.Add(r));
		p.Move(5); ShowP("moved", p);

		int i = 3, j = 4;
		Swap(ref i, ref j);
		Out.S("swap "); Out.I(i); Out.S(" "); Out.I(j); Out.L();

		Holder h = new Holder();
		h.p.Move(3);
		h.line.b = new Point(3, 4);
		h.line.a.Move(0);
		h.ro.Move(10);              // moves a copy: readonly field unchanged
		h.many[1].Move(8);
		h.many[2] = h.many[1];
		h.many[2].y = 2;
		h.Prop = new Point(6, 6);
		Point pc = h.Prop; pc.Move(1);
		ShowP("h.p", h.p); ShowP("h.ro", h.ro);
		Out.L("len2", h.line.Len2());
		for (int k = 0; k < h.many.Length; k++) ShowP("many", h.many[k]);
		ShowP("prop", h.Prop);
		BumpRef(ref h.many[0]); ShowP("many[0] by ref", h.many[0]);
		BumpRef(ref h.p); ShowP("h.p by ref", h.p);

		IMover m = p;               // box: copy of p
		m.Move(1000);
		Out.L("boxed pos", m.Pos);
		ShowP("p unchanged", p);
		Point back = (Point)m;
		ShowP("unboxed", back);
		IMover m2 = m;              // same box
		m2.Move(1);
		Out.L("shared box", m.Pos);
		object o = back;
		((IMover)o).Move(2);
		ShowP("unbox after iface move", (Point)o);
		Out.L("ToString", o.ToString());

		Big b = new Big();
		b.e = 1.5;
		b.line.b.y = 1;
		Big g = Grow(Grow(b));
		Out.L("big.a", g.a); Out.L("big.e", g.e); Out.L("big y", g.line.b.y);
		Out.L("orig.a", b.a);
		Big[] bigs = new Big[2];
		bigs[1] = g;
		bigs[0].line.a.x = 42;
		Out.L("bigs", bigs[0].line.a.x + bigs[1].line.b.y);
		Point def = default(Point);
		Out.L("default", def.x + def.y);
		return h.p.x;
	}
}
