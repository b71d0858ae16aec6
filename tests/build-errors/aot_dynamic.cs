// mcs: -debug -r:Microsoft.CSharp
// ilcc: --warnaserror
// `dynamic` goes through the C# runtime binder, which finds members by
// reflection at run time: a warning per site, and --warnaserror makes
// them fail the build (before anything else is said of it).
using System;
static class P {
	static void Main() {
		dynamic d = 3;
		Console.WriteLine(d + 1);
	}
}
