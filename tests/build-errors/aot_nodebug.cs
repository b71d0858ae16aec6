// ilcc: --nowarn IL3050,ILCC1005
// Without debug information a warning names the method and IL offset;
// --nowarn takes ilcc's codes and Native AOT's: IL3050 silences the
// [RequiresDynamicCode] call, ILCC1005 the Assembly.Load.
using System;
using System.Reflection;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	sealed class RequiresUnreferencedCodeAttribute : Attribute {
		public RequiresUnreferencedCodeAttribute(string message) { }
	}
	sealed class RequiresDynamicCodeAttribute : Attribute {
		public RequiresDynamicCodeAttribute(string message) { }
	}
}

[RequiresUnreferencedCode("All of Plugin needs its members kept")]
class Plugin {
	public Plugin() { }
	public override string ToString() { return "plugin"; }
}

static class P {
	[RequiresDynamicCode("Generates code")]
	static int Gen() { return 1; }

	static void Main() {
		Console.WriteLine(new Plugin());
		Console.WriteLine(Gen());
		try {
			Assembly.LoadFrom("/nonexistent/Nothing.dll");
		} catch (Exception) {
			Console.WriteLine("not loaded");
		}
	}
}
