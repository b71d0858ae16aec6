// Field reflection on what the compiler cannot see: a field name that is
// not a constant at the call gets a build warning, and at run time only
// fields kept for reflection elsewhere are found (Mono finds C.Count;
// ilcc does not, as .NET's Native AOT would not).
using System;
using System.Reflection;
class C { public int Count = 3; }
class D { public static int Total = 42; }
static class P {
	static int Main(string[] args) {
		string name = args.Length > 0 ? args[0] : "Count";
		FieldInfo f = typeof(C).GetField(name);
		Console.WriteLine("not kept: " + (f == null ? "null" : f.Name));
		FieldInfo k = typeof(D).GetField("Total");
		Console.WriteLine("kept: " + k.Name + " " + k.GetValue(null));
		return 0;
	}
}
