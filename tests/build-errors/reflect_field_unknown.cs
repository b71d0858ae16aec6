// Field reflection on what the compiler cannot see: a type not known at
// the call (Type.GetType of a name made at run time) gets a build warning, and at run time
// only fields kept for reflection elsewhere are found (Mono finds
// E.Hidden; ilcc does not, as .NET's Native AOT would not). A known type
// with a name that is not a constant keeps all its fields, as ILLink does
// (C.Count is found).
using System;
using System.Reflection;
class C { public int Count = 3; }
class D { public static int Total = 42; }
class E { public int Hidden = 7; }
static class P {
	static Type Pick(string[] args) { return Type.GetType(args.Length > 0 ? args[0] : "E"); }
	static int Main(string[] args) {
		string name = args.Length > 0 ? args[0] : "Count";
		FieldInfo f = typeof(C).GetField(name);
		Console.WriteLine("known type: " + (f == null ? "null" : f.Name));
		Type e = Pick(args);
		FieldInfo h = e == null ? null : e.GetField("Hidden");
		Console.WriteLine("not kept: " + (h == null ? "null" : h.Name));
		FieldInfo k = typeof(D).GetField("Total");
		Console.WriteLine("kept: " + k.Name + " " + k.GetValue(null));
		return 0;
	}
}
