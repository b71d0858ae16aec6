// Reflection on a Type that is one of several the build can see (issue
// 12): a test runner over `foreach (var fx in fixtures)` where fixtures is
// a Type[] of typeof constants (copied into the loop's own local), joined
// paths (c ? typeof(A) : typeof(B)), and x.GetType() of a value whose
// static type may hold a subclass: the program's own class, an interface
// of its own, a generic method's T, `this` in a base class's ToString,
// and object. GetMethods, GetMethod, GetProperties, GetFields,
// GetConstructors, GetMembers, Activator.CreateInstance and
// GetCustomAttributes each find what Mono finds.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

[AttributeUsage(AttributeTargets.Method)]
class CheckAttribute : Attribute { public string Tag = "plain"; }

class Arith {
	[Check] public void Adds() { if (2 + 2 != 4) throw new Exception("adds"); }
	[Check(Tag = "slow")] public void Fails() { throw new InvalidOperationException("no"); }
	public void Helper() { }
}

class Texts {
	public Texts() { }
	public Texts(string s) { }
	[Check] public void Joins() { if (string.Join("-", new[] { "a", "b" }) != "a-b") throw new Exception(); }
}

interface IShape { double Area(); }
class Square : IShape {
	public double Side { get; set; }
	public double Area() { return Side * Side; }
	public string Kind() { return "square"; }
}
class Circle : IShape {
	public double R;
	public double Area() { return 3 * R * R; }
	public double Diameter() { return 2 * R; }
}

class Animal {
	public string Name { get; set; }
	public override string ToString()
	{
		return GetType().Name + "(" + string.Join(", ", GetType().GetProperties()
			.OrderBy(p => p.Name).Select(p => p.Name + "=" + p.GetValue(this, null))) + ")";
	}
}
class Dog : Animal { public int Legs { get; set; } }
class Bird : Animal { public bool Flies { get; set; } public int Wings; }

struct Point { public int X, Y; public int Sum { get { return X + Y; } } }

class Program {
	static string Dump(object o)
	{
		if (o == null)
			return "null";
		Type t = o.GetType();
		var parts = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name)
			.Select(p => p.Name + "=" + p.GetValue(o, null))
			.Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance).OrderBy(f => f.Name)
			.Select(f => f.Name + "=" + f.GetValue(o)));
		return t.Name + "{" + string.Join(", ", parts) + "}";
	}

	static string Props<T>(T x)
	{
		return string.Join(",", x.GetType().GetProperties().Select(p => p.Name).OrderBy(n => n));
	}

	static string Methods(IShape s)
	{
		return string.Join(",", s.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance |
			BindingFlags.DeclaredOnly).Select(m => m.Name).OrderBy(n => n));
	}

	static int Main(string[] args)
	{
		var fixtures = new[] { typeof(Arith), typeof(Texts) };
		int pass = 0, fail = 0;
		foreach (var fx in fixtures) {
			Console.WriteLine(fx.Name + " ctors=" + fx.GetConstructors().Length);
			foreach (var m in fx.GetMethods(BindingFlags.Public | BindingFlags.Instance |
				 BindingFlags.DeclaredOnly).OrderBy(m => m.Name)) {
				var check = (CheckAttribute)m.GetCustomAttributes(typeof(CheckAttribute), false).FirstOrDefault();
				if (check == null)
					continue;
				object inst = Activator.CreateInstance(fx);
				try {
					m.Invoke(inst, null);
					pass++;
					Console.WriteLine("  ok   " + m.Name + " [" + check.Tag + "]");
				} catch (TargetInvocationException e) {
					fail++;
					Console.WriteLine("  FAIL " + m.Name + ": " + e.InnerException.Message);
				}
			}
		}
		Console.WriteLine(pass + " passed, " + fail + " failed");

		Type either = args.Length > 5 ? typeof(Arith) : typeof(Square);
		Console.WriteLine(either.Name + ": " + string.Join(",", either.GetProperties().Select(p => p.Name)) +
			" " + (either.GetMethod("Kind") != null) + " " + either.GetMembers().Length);

		Console.WriteLine(Dump(new Square { Side = 2 }));
		Console.WriteLine(Dump(new Circle { R = 1.5 }));
		Console.WriteLine(Dump(new Point { X = 1, Y = 2 }));
		Console.WriteLine(Dump(new Bird { Name = "tweety", Flies = true, Wings = 2 }));
		Console.WriteLine(Props<Animal>(new Dog { Name = "rex", Legs = 4 }));
		Console.WriteLine(Methods(new Square()) + " / " + Methods(new Circle()));
		Console.WriteLine(new Dog { Name = "rex", Legs = 4 });
		Console.WriteLine(new Bird { Name = "kiwi" });
		return 0;
	}
}
