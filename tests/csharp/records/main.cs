// Records (class and struct), init-only properties, `with`, required
// members, target-typed new, nameof, top-level statements, file-scoped
// namespace and global usings (in the same file: they apply everywhere);
// module initializers (modinit.cs) run before the top-level statements.
global using System;
global using System.Collections.Generic;
global using static Out;

using Shapes;

L("module initializers ran", Init.Count);
var p = new Point(1, 2);
var q = p with { Y = 5 };
L(p.ToString());
L(q.ToString());
L("equal", p == new Point(1, 2));
L("same hash", p.GetHashCode() == new Point(1, 2).GetHashCode());
L("with differs", p != q);
var (x, y) = q;
L("deconstructed", x * 10 + y);

var s = new Size { W = 3, H = 4 };
var t = s with { H = 7 };
L(s.ToString());
L(t.ToString());
L("struct equal", s.Equals(new Size { W = 3, H = 4 }));

Shape c = new Circle("c", 2.0);
Shape r = new Rect("r", 2, 3) { Tag = "tagged" };
L(c.ToString());
L(r.ToString());
L("area", c.Area() + r.Area());
L("circle is shape", c is Shape { Name: "c" });

Person who = new() { First = "Ada", Last = "Lovelace" };
L(who.Full);
List<Person> people = new() { who, new() { First = "Alan", Last = "Turing", Age = 41 } };
foreach (var pp in people)
	L(nameof(pp.Age), pp.Age);
L(nameof(Person), nameof(Shapes.Circle));
return people.Count;

record Point(int X, int Y);

record struct Size
{
	public int W { get; init; }
	public int H { get; init; }
}

class Person
{
	public required string First { get; init; }
	public required string Last { get; init; }
	public int Age { get; init; } = 36;
	public string Full => $"{First} {Last} ({Age})";
}
