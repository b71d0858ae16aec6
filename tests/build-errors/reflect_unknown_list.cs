// Reflection on a Type the compiler cannot see (read from a List<Type>):
// the call warns; ilcc keeps the member asked for on each of the
// program's own types (Mono and ilcc both find C.Twice), but not on the
// class library's (Mono finds Version.get_Major; ilcc does not, as .NET's
// Native AOT would not). A name not known at build time on a known type
// is no warning: every method of that type is kept (D.Thrice).
using System;
using System.Collections.Generic;
using System.Reflection;
class C { public static int Twice(int x) { return 2 * x; } }
class D { public static int Thrice(int x) { return 3 * x; } }
static class P {
	static int Main(string[] args) {
		var types = new List<Type> { typeof(C), typeof(Version) };
		string name = args.Length > 0 ? args[0] : "Twice";
		MethodInfo m = types[0].GetMethod(name);
		Console.WriteLine("own: " + m.Name + " " + m.Invoke(null, new object[] { 21 }));
		MethodInfo v = types[1].GetMethod("get_Major");
		Console.WriteLine("library: " + (v == null ? "null" : v.Name));
		MethodInfo k = typeof(D).GetMethod(args.Length > 1 ? args[1] : "Thrice");
		Console.WriteLine("known type: " + k.Name + " " + k.Invoke(null, new object[] { 14 }));
		return 0;
	}
}
