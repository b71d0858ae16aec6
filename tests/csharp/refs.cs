// Assemblies of Mono's framework a program uses without naming them (as
// `dotnet run app.cs` references the whole shared framework): Point and
// Rectangle are in System.Drawing, which no -r names here.
using System.Drawing;

var p = new Point(3, 4);
p.Offset(1, -1);
var r = new Rectangle(0, 0, 10, 5);
Console.WriteLine($"{p} {r.Contains(p)} {r.Width * r.Height} {Rectangle.Intersect(r, new Rectangle(5, 2, 10, 10))}");
Console.WriteLine(typeof(Point).Assembly.GetName().Name);
