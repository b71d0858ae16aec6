// Constructors by reflection: typeof(X).GetConstructor(types),
// GetConstructors(flags) and Activator.CreateInstance(typeof(X), args...)
// with the type known at build time keep X's constructors (rt_methods).
// Invoke makes the object (or runs on one given), structs are boxed,
// Mono's errors for no match and for a constructor that throws; String's
// constructors.
using System;
using System.Reflection;
class Shape {
	public string Desc;
	public Shape() { Desc = "default"; }
	public Shape(int sides) { Desc = sides + " sides"; }
	public Shape(string name, int sides) { Desc = name + "/" + sides; }
	private Shape(double d) { Desc = "private " + d; }
	public Shape(bool fail) { if (fail) throw new InvalidOperationException("bad shape"); Desc = "ok"; }
}
struct Pt { public int X, Y; public Pt(int x, int y) { X = x; Y = y; } public override string ToString() { return X + "," + Y; } }
abstract class Abs { public Abs() {} }
class P {
	static void Main() {
		ConstructorInfo c = typeof(Shape).GetConstructor(new Type[] { typeof(int) });
		Console.WriteLine(c.Name + " " + c.GetParameters().Length + " " + c.IsConstructor);
		Console.WriteLine(((Shape)c.Invoke(new object[] { 4 })).Desc);
		Console.WriteLine(((Shape)typeof(Shape).GetConstructor(new Type[] { typeof(string), typeof(int) }).Invoke(new object[] { "tri", 3 })).Desc);
		Console.WriteLine(typeof(Shape).GetConstructors().Length);
		Console.WriteLine(typeof(Shape).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Length);
		Console.WriteLine(((Shape)Activator.CreateInstance(typeof(Shape), 5)).Desc);
		Console.WriteLine(((Shape)Activator.CreateInstance(typeof(Shape), "sq", 4)).Desc);
		Console.WriteLine(((Shape)Activator.CreateInstance(typeof(Shape), new object[0])).Desc);
		Console.WriteLine(Activator.CreateInstance(typeof(Pt), 1, 2));
		try { Activator.CreateInstance(typeof(Shape), true); } catch (Exception e) { Console.WriteLine(e.GetType().Name + " " + e.InnerException.Message); }
		try { Activator.CreateInstance(typeof(Shape), 1.5); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
		try { Activator.CreateInstance(typeof(Shape), "x", "y"); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
		try { typeof(Shape).GetConstructor(new Type[] { typeof(bool) }).Invoke(new object[] { true }); }
		catch (TargetInvocationException e) { Console.WriteLine("wrapped: " + e.InnerException.Message); }
		var s = new Shape();
		c.Invoke(s, new object[] { 9 });
		Console.WriteLine(s.Desc);
		Console.WriteLine(typeof(Pt).GetConstructor(new Type[] { typeof(int), typeof(int) }).Invoke(new object[] { 3, 4 }));
		// String's constructors (the binder asks about ParamArrayAttribute)
		Console.WriteLine((string)Activator.CreateInstance(typeof(string), new object[] { 'a', 5 }));
		char[] val = { 'h', 'e', 'l', 'l', 'o' };
		Console.WriteLine((string)Activator.CreateInstance(typeof(string), new object[] { val }));
		Console.WriteLine((string)Activator.CreateInstance(typeof(string), new object[] { val, 0, 3 }));
	}
}
