// Reflection on what the compiler cannot see: a type not known at the call
// (Type.GetType of a name made at run time) gets a build warning, and at run time only
// methods kept for reflection elsewhere are found (Mono finds E.Hidden;
// ilcc does not, as .NET's Native AOT would not). A known type with a
// method name that is not a constant keeps all its methods, as ILLink
// does (C.Twice is found).
using System;
using System.Reflection;
class C { public static int Twice(int x) { return 2 * x; } }
class D { public static int Thrice(int x) { return 3 * x; } }
class E { public int Hidden() { return 7; } }
static class P {
	static Type Pick(string[] args) { return Type.GetType(args.Length > 0 ? args[0] : "E"); }
	static int Main(string[] args) {
		string name = args.Length > 0 ? args[0] : "Twice";
		MethodInfo m = typeof(C).GetMethod(name);
		Console.WriteLine("known type: " + (m == null ? "null" : m.Name));
		Type e = Pick(args);
		MethodInfo h = e == null ? null : e.GetMethod("Hidden");
		Console.WriteLine("not kept: " + (h == null ? "null" : h.Name));
		MethodInfo k = typeof(D).GetMethod("Thrice");
		Console.WriteLine("kept: " + k.Name + " " + k.Invoke(null, new object[] { 14 }));
		return 0;
	}
}
