// mcs: -debug -r:Microsoft.CSharp
// `dynamic` goes through the C# runtime binder, which works out each
// operation at run time by reflection over whatever types it meets and
// compiles it: it cannot work ahead of time, so the build refuses it at
// the first site, naming the C# file and line.
using System;
static class P {
	static void Main() {
		dynamic d = 3;
		Console.WriteLine(d + 1);
	}
}
