// mcs: -debug
// Late-bound COM, reached from Main: Linux has no COM, so Mono throws
// NotImplementedException when a type is asked for by ProgID, and the
// build warns (ILCC1009) naming the C# line.
using System;

static class P {
	static void Main() {
		try {
			Type t = Type.GetTypeFromProgID("Scripting.FileSystemObject");
			Console.WriteLine(t == null ? "no COM type" : t.FullName);
		} catch (NotImplementedException e) {
			Console.WriteLine(e.Message);
		}
	}
}
