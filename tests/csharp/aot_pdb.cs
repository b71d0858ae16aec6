// ilcc: --warnaserror
// AOT warnings name the C# line from Roslyn's portable PDB (the front end
// compiles with -debug:portable); --warnaserror then fails the build.
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	sealed class RequiresUnreferencedCodeAttribute(string message) : Attribute {
		public string Message => message;
	}
}

static class Program {
	[RequiresUnreferencedCode("Reads members by name")]
	static string Dump(object o) => o.ToString()!;

	static void Main() {
		var name = System.Environment.GetCommandLineArgs()[0];
		Console.WriteLine(Dump(42));
		Console.WriteLine(Type.GetType(name)?.Name ?? "none");
	}
}
