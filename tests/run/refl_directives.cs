// ilcc: --rd tests/run/refl_directives.rd.xml --descriptor tests/run/refl_directives.descriptor.xml
// Types found by names made at run time, kept only because directives say
// so: an rd.xml file keeps App.Greeter (everything) and App.Counter
// (constructors, by Activate), an ILLink descriptor keeps App.Shape's
// methods. Type.GetType, Activator.CreateInstance, GetMethod, Invoke,
// GetProperty and GetField then work as under Mono (fields: all of
// Greeter's, Counter.N by <Field>, Shape.Corners by <field>), and
// MakeGenericMethod over a type named at run time finds the instance
// <MethodInstantiation> makes (App.Conv.Show<int>).
using System;
using System.Reflection;

namespace App {
	public class Greeter {
		public string Name { get; set; }
		public int Level = 3;
		public const string Motto = "hi";
		static string tag = "tag";
		public Greeter() { Name = "world"; }
		public string Hello() { return "hello " + Name; }
		public string Shout(string s) { return s.ToUpper() + "!"; }
	}

	public class Counter {
		public int N;
		public Counter() { N = 41; }
	}

	public class Shape {
		public static int Corners = 4;
		public static int Sides(int n) { return n * 2; }
		public double Area() { return 1.5; }
	}

	public static class Conv {
		public static string Show<T>(T x) { return typeof(T).Name + " " + x; }
	}

	static class P {
		static string Find(string[] args, string name)
		{
			// names made at run time, so the compiler cannot see them
			return (args.Length > 9 ? "Nope" : "App") + "." + name;
		}

		static void Main(string[] args)
		{
			Type g = Type.GetType(Find(args, "Greeter"));
			Out.L("Greeter: " + (g == null ? "not found" : g.FullName));
			if (g != null) {
				object o = Activator.CreateInstance(g);
				MethodInfo hello = g.GetMethod("Hello");
				Out.L((string)hello.Invoke(o, null));
				PropertyInfo name = g.GetProperty("Name");
				name.SetValue(o, "directives", null);
				Out.L((string)hello.Invoke(o, null));
				Out.L((string)g.GetMethod("Shout").Invoke(o, new object[] { "kept" }));
				FieldInfo level = g.GetField("Level");
				level.SetValue(o, 5);
				Out.L("level: " + level.GetValue(o) + " motto: " + g.GetField("Motto").GetValue(null) +
				      " tag: " + g.GetField("tag", BindingFlags.NonPublic | BindingFlags.Static).GetValue(null));
			}
			Type c = Type.GetType(Find(args, "Counter"));
			Out.L("Counter: " + (c == null ? "not found" : c.Name));
			if (c != null)
				Out.L("made: " + c.GetField("N").GetValue(Activator.CreateInstance(c)));
			Type s = Type.GetType(Find(args, "Shape"), false);
			Out.L("Shape: " + (s == null ? "not found" : s.FullName));
			if (s != null)
				Out.L("sides: " + s.GetMethod("Sides").Invoke(null, new object[] { 4 }) +
				      " corners: " + s.GetField("Corners").GetValue(null));
			Type conv = Type.GetType(Find(args, "Conv"));
			Type arg = Type.GetType(args.Length > 9 ? "Nope" : "System.Int32");
			MethodInfo show = conv.GetMethod("Show").MakeGenericMethod(arg);
			Out.L("made: " + show + " " + show.Invoke(null, new object[] { 7 }));
			Out.L("Missing: " + (Type.GetType(Find(args, "Missing")) == null ? "not found" : "found"));
			Out.L("nested name: " + (Type.GetType("App.P") == null ? "not found" : "found"));
		}
	}
}
