// Geometry with record-like structs: value equality, operators, ToString,
// immutability with "with"-style helpers, and structs as dictionary keys.
using System;
using System.Collections.Generic;
using System.Linq;

namespace vectors
{
	struct Vec2 : IEquatable<Vec2>
	{
		public readonly double X, Y;
		public Vec2(double x, double y) { X = x; Y = y; }
		public double Length => Math.Sqrt(X * X + Y * Y);
		public Vec2 WithX(double x) => new Vec2(x, Y);
		public static Vec2 operator +(Vec2 a, Vec2 b) => new Vec2(a.X + b.X, a.Y + b.Y);
		public static Vec2 operator -(Vec2 a, Vec2 b) => new Vec2(a.X - b.X, a.Y - b.Y);
		public static Vec2 operator *(double k, Vec2 a) => new Vec2(k * a.X, k * a.Y);
		public static double Dot(Vec2 a, Vec2 b) => a.X * b.X + a.Y * b.Y;
		public static double Cross(Vec2 a, Vec2 b) => a.X * b.Y - a.Y * b.X;
		public static bool operator ==(Vec2 a, Vec2 b) => a.Equals(b);
		public static bool operator !=(Vec2 a, Vec2 b) => !a.Equals(b);
		public bool Equals(Vec2 o) => X == o.X && Y == o.Y;
		public override bool Equals(object o) => o is Vec2 && Equals((Vec2)o);
		public override int GetHashCode() => X.GetHashCode() * 31 + Y.GetHashCode();
		public override string ToString() => $"({X:0.##}, {Y:0.##})";
	}

	struct Segment
	{
		public Vec2 A, B;
		public Segment(Vec2 a, Vec2 b) { A = a; B = b; }
		public double Length => (B - A).Length;
		public override string ToString() => A + "-" + B;
	}

	class Program
	{
		static double Area(IList<Vec2> poly)
		{
			double s = 0;
			for (int i = 0; i < poly.Count; i++)
				s += Vec2.Cross(poly[i], poly[(i + 1) % poly.Count]);
			return Math.Abs(s) / 2;
		}

		static bool Intersects(Segment p, Segment q)
		{
			double d1 = Vec2.Cross(q.B - q.A, p.A - q.A), d2 = Vec2.Cross(q.B - q.A, p.B - q.A);
			double d3 = Vec2.Cross(p.B - p.A, q.A - p.A), d4 = Vec2.Cross(p.B - p.A, q.B - p.A);
			return d1 * d2 < 0 && d3 * d4 < 0;
		}

		public static void Main(string[] args)
		{
			var a = new Vec2(3, 4);
			var b = new Vec2(-1, 2.5);
			Console.WriteLine("a = {0}, |a| = {1}", a, a.Length);
			Console.WriteLine("a + b = {0}, a - b = {1}, 2a = {2}", a + b, a - b, 2 * a);
			Console.WriteLine("dot {0}, cross {1}", Vec2.Dot(a, b), Vec2.Cross(a, b));
			var c = a.WithX(-1).WithX(3);
			Console.WriteLine("c == a: {0}, Equals: {1}, same box: {2}", c == a, c.Equals((object)a), ReferenceEquals((object)c, (object)a));
			Console.WriteLine("default: {0}", default(Vec2));

			var square = new List<Vec2> { new Vec2(0, 0), new Vec2(4, 0), new Vec2(4, 4), new Vec2(0, 4) };
			var tri = new[] { new Vec2(0, 0), new Vec2(5, 0), new Vec2(2, 3) };
			Console.WriteLine("square area {0}, triangle area {1}", Area(square), Area(tri));
			double perimeter = square.Select((p, i) => new Segment(p, square[(i + 1) % square.Count]).Length).Sum();
			Console.WriteLine("square perimeter {0}", perimeter);

			var s1 = new Segment(new Vec2(0, 0), new Vec2(4, 4));
			var s2 = new Segment(new Vec2(0, 4), new Vec2(4, 0));
			var s3 = new Segment(new Vec2(5, 5), new Vec2(6, 9));
			Console.WriteLine("{0} x {1}: {2}", s1, s2, Intersects(s1, s2));
			Console.WriteLine("{0} x {1}: {2}", s1, s3, Intersects(s1, s3));

			var visits = new Dictionary<Vec2, int>();
			var pos = new Vec2(0, 0);
			var moves = "NNESSWWNEE";
			visits[pos] = 1;
			foreach (char m in moves) {
				pos = pos + (m == 'N' ? new Vec2(0, 1) : m == 'S' ? new Vec2(0, -1) : m == 'E' ? new Vec2(1, 0) : new Vec2(-1, 0));
				int n;
				visits.TryGetValue(pos, out n);
				visits[pos] = n + 1;
			}
			Console.WriteLine("end {0}, distinct cells {1}, revisited: {2}", pos, visits.Count,
				string.Join(" ", visits.Where(kv => kv.Value > 1).Select(kv => kv.Key + "x" + kv.Value)));
			var arr = new Vec2[3];
			arr[1] = new Vec2(1, 1);
			Console.WriteLine("array of structs: {0}", string.Join(" ", arr));
		}
	}
}
