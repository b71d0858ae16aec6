// Default interface methods from C# source (C# 8): a default body, one
// overridden by the class, one overridden by a derived interface, generic
// ones, a constrained call on a struct, a property and a static member.
using System;
using System.Collections.Generic;

interface IShape
{
	double Area();
	string Describe() => $"{GetType().Name} with area {Area():F2}";
	static int Made;
}

interface INamed { string Name => "anon"; }
interface ILoud : INamed { string INamed.Name => "LOUD"; }

class Circle : IShape, INamed
{
	public double R;
	public Circle() { IShape.Made++; }
	public double Area() => Math.PI * R * R;
	public string Name => "circle";
}

class Square : IShape
{
	public double S;
	public double Area() => S * S;
	public string Describe() => "square!";
}

class Shout : ILoud { }
class Quiet : INamed { }

interface ICounter<T> { int Count(IList<T> xs) => xs.Count; T First(IList<T> xs) => xs[0]; }
struct Counter : ICounter<int> { }
class Strings : ICounter<string> { public int Count(IList<string> xs) => -xs.Count; }

static class Program
{
	static int CountWith<C>(C c, IList<int> a) where C : ICounter<int> => c.Count(a);

	static void Main()
	{
		IShape[] s = { new Circle { R = 1 }, new Square { S = 2 }, new Circle { R = 0.5 } };
		foreach (var x in s)
			Console.WriteLine(x.Describe());
		Console.WriteLine("made " + IShape.Made);
		INamed[] names = { new Circle(), new Shout(), new Quiet() };
		foreach (var n in names)
			Console.WriteLine(n.Name);
		Console.WriteLine(CountWith(new Counter(), new[] { 1, 2, 3 }));
		ICounter<int> boxed = new Counter();
		Console.WriteLine(boxed.First(new List<int> { 7, 8 }));
		ICounter<string> strs = new Strings();
		Console.WriteLine(strs.Count(new[] { "a", "b" }) + " " + strs.First(new[] { "z" }));
	}
}
