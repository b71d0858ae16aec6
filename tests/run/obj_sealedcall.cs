// Virtual and interface calls on a receiver whose class is known at build
// time go straight to that class's method: a sealed class reached by its
// own type (through a base's virtual, an interface, object's methods),
// an object just made, a local written once (not one whose address is
// taken: a callee may store another class there). The results must be
// those of dispatch, and a null receiver still raises
// NullReferenceException.
using System;

interface IShape { int Area(); string Name { get; } }

abstract class Shape : IShape {
	public abstract int Area();
	public virtual string Name { get { return "shape"; } }
	public override string ToString() { return Name + ":" + Area(); }
}

sealed class Square : Shape {
	int s;
	public Square(int s) { this.s = s; }
	public override int Area() { return s * s; }
	public override string Name { get { return "square"; } }
}

class Rect : Shape {
	protected int w, h;
	public Rect(int w, int h) { this.w = w; this.h = h; }
	public override int Area() { return w * h; }
}

class Tall : Rect {
	public Tall(int w) : base(w, 3 * w) { }
	public override int Area() { return base.Area() + 1; }
	public override string Name { get { return "tall"; } }
}

sealed class Counter : IComparable<Counter> {
	public int N;
	public int CompareTo(Counter o) { return N.CompareTo(o.N); }
	public override int GetHashCode() { return N * 7; }
	public override bool Equals(object o) { return o is Counter && ((Counter)o).N == N; }
}

static class ObjSealedCall {
	static int Sum(Square q, int n)
	{
		int t = 0;
		for (int i = 0; i < n; i++)
			t += q.Area() + ((IShape)q).Area();
		return t;
	}

	static Square Maybe(bool b) { return b ? new Square(2) : null; }

	static void Replace(ref Shape s) { s = new Tall(2); }

	static int Main()
	{
		Square q = new Square(3);
		Console.WriteLine(q.Area() + " " + q.Name + " " + q);
		Console.WriteLine(Sum(q, 10));
		Rect r = new Tall(2);           /* the object just made: Tall's */
		Console.WriteLine(r.Area() + " " + r.Name + " " + r);
		Shape s = new Rect(2, 5);
		Console.WriteLine(s.Area() + " " + s.Name);
		for (int i = 0; i < 3; i++) {   /* written in the loop, once */
			Shape t = i == 1 ? (Shape)new Tall(i) : new Square(i);
			Console.WriteLine(t.Area() + " " + t.Name);
		}
		Shape u = new Rect(2, 3);       /* one store, then changed by its address */
		Replace(ref u);
		Console.WriteLine(u.Area() + " " + u.Name);
		var c = new Counter { N = 4 };
		var d = new Counter { N = 5 };
		object o = c;
		Console.WriteLine(c.CompareTo(d) + " " + c.GetHashCode() + " " + c.Equals(d) + " " +
				  o.GetHashCode() + " " + c.ToString());
		int caught = 0;
		try {
			Square z = Maybe(false);
			Console.WriteLine(z.Area());
		} catch (NullReferenceException) {
			caught++;
		}
		try {
			Counter z = null;
			Console.WriteLine(z.GetHashCode());
		} catch (NullReferenceException) {
			caught++;
		}
		Console.WriteLine("caught " + caught);
		return caught == 2 ? 0 : 1;
	}
}
