// Reflection on what the compiler cannot see: a method name that is not a
// constant at the call (here it depends on the arguments) gets a build
// warning, and at run time only methods kept for reflection elsewhere are
// found (Mono finds C.Twice; ilcc does not, as .NET's Native AOT would not).
using System;
using System.Reflection;
class C { public static int Twice(int x) { return 2 * x; } }
class D { public static int Thrice(int x) { return 3 * x; } }
static class P {
	static int Main(string[] args) {
		string name = args.Length > 0 ? args[0] : "Twice";
		MethodInfo m = typeof(C).GetMethod(name);
		Console.WriteLine("not kept: " + (m == null ? "null" : m.Name));
		MethodInfo k = typeof(D).GetMethod("Thrice");
		Console.WriteLine("kept: " + k.Name + " " + k.Invoke(null, new object[] { 14 }));
		return 0;
	}
}
