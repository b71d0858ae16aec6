// Abstract shapes with polymorphic area and perimeter, an interface for
// scaling, sorting by area and a summary table.
using System;
using System.Collections.Generic;
using System.Linq;

namespace shapes
{
	interface IScalable
	{
		Shape Scale(double factor);
	}

	abstract class Shape : IScalable, IComparable<Shape>
	{
		public string Label { get; }
		protected Shape(string label) { Label = label; }
		public abstract double Area { get; }
		public abstract double Perimeter { get; }
		public abstract Shape Scale(double factor);
		public virtual string Describe() => $"{GetType().Name,-9} {Label,-6} area {Area,9:F3} perimeter {Perimeter,8:F3}";
		public int CompareTo(Shape other) => Area.CompareTo(other.Area);
	}

	class Circle : Shape
	{
		public double Radius { get; }
		public Circle(string label, double r) : base(label) { Radius = r; }
		public override double Area => Math.PI * Radius * Radius;
		public override double Perimeter => 2 * Math.PI * Radius;
		public override Shape Scale(double f) => new Circle(Label + "'", Radius * f);
	}

	class Rectangle : Shape
	{
		public double W { get; }
		public double H { get; }
		public Rectangle(string label, double w, double h) : base(label) { W = w; H = h; }
		public override double Area => W * H;
		public override double Perimeter => 2 * (W + H);
		public override Shape Scale(double f) => new Rectangle(Label + "'", W * f, H * f);
	}

	sealed class Square : Rectangle
	{
		public Square(string label, double side) : base(label, side, side) { }
		public override Shape Scale(double f) => new Square(Label + "'", W * f);
		public override string Describe() => base.Describe() + " (square)";
	}

	class Triangle : Shape
	{
		readonly double a, b, c;
		public Triangle(string label, double a, double b, double c) : base(label)
		{
			if (a + b <= c || a + c <= b || b + c <= a)
				throw new ArgumentException($"sides {a}, {b}, {c} do not make a triangle");
			this.a = a; this.b = b; this.c = c;
		}
		public override double Perimeter => a + b + c;
		public override double Area {
			get {
				double s = Perimeter / 2;
				return Math.Sqrt(s * (s - a) * (s - b) * (s - c));
			}
		}
		public override Shape Scale(double f) => new Triangle(Label + "'", a * f, b * f, c * f);
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var shapes = new List<Shape> {
				new Circle("c1", 1.5), new Rectangle("r1", 3, 2.5), new Square("s1", 2),
				new Triangle("t1", 3, 4, 5), new Circle("c2", 0.5),
			};
			try {
				shapes.Add(new Triangle("bad", 1, 2, 3));
			} catch (ArgumentException e) {
				Console.WriteLine("skipped: " + e.Message);
			}
			shapes.AddRange(shapes.OfType<Rectangle>().Select(r => r.Scale(1.5)).ToList());
			foreach (var s in shapes)
				Console.WriteLine(s.Describe());
			shapes.Sort();
			Console.WriteLine("by area: " + string.Join(" < ", shapes.Select(s => s.Label)));
			Console.WriteLine("total area {0:F2}", shapes.Sum(s => s.Area));
			foreach (var g in shapes.GroupBy(s => s.GetType().Name).OrderBy(g => g.Key))
				Console.WriteLine("{0,-9} x{1} largest {2}", g.Key, g.Count(), g.Max().Label);
			Console.WriteLine("rectangles (incl. squares): {0}", shapes.Count(s => s is Rectangle));
			var big = shapes.Where(s => s.Area > 5).Select(s => s.Scale(0.5)).OrderByDescending(s => s.Perimeter).First();
			Console.WriteLine("halved biggest-perimeter large shape: " + big.Describe());
		}
	}
}
