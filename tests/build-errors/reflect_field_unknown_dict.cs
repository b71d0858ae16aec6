// Field reflection on a Type the compiler cannot see (read from a
// dictionary): the call warns; ilcc keeps the field asked for on each of
// the program's own types (Mono and ilcc both find C.Count), but not on
// the class library's (Mono finds String.Empty; ilcc does not, as .NET's
// Native AOT would not). A field name not known at build time on a known
// type is no warning: every field of that type is kept (D.Total).
using System;
using System.Collections.Generic;
using System.Reflection;
class C { public int Count = 3; }
class D { public static int Total = 42; }
static class P {
	static int Main(string[] args) {
		var types = new Dictionary<string, Type> { { "c", typeof(C) }, { "s", typeof(string) } };
		FieldInfo f = types["c"].GetField("Count");
		Console.WriteLine("own: " + f.Name + " " + f.GetValue(new C()));
		FieldInfo e = types["s"].GetField("Empty");
		Console.WriteLine("library: " + (e == null ? "null" : e.Name));
		FieldInfo k = typeof(D).GetField(args.Length > 0 ? args[0] : "Total");
		Console.WriteLine("known type: " + k.Name + " " + k.GetValue(null));
		return 0;
	}
}
