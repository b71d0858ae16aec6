// mcs: -debug
// Code ahead-of-time compilation cannot honour, reached from Main: each
// site gets one warning with its code, the C# line (mcs -debug wrote
// aot_warnings.exe.mdb) and the chain of callers; suppressed where the
// program says so ([UnconditionalSuppressMessage] on a method or a class,
// or a caller that is itself [RequiresUnreferencedCode]).
using System;
using System.Reflection;
using System.Reflection.Emit;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	sealed class RequiresUnreferencedCodeAttribute : Attribute {
		public RequiresUnreferencedCodeAttribute(string message) { }
		public string Url { get; set; }
	}
	sealed class RequiresDynamicCodeAttribute : Attribute {
		public RequiresDynamicCodeAttribute(string message) { }
	}
	[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
	sealed class UnconditionalSuppressMessageAttribute : Attribute {
		public UnconditionalSuppressMessageAttribute(string category, string checkId) { }
		public string Justification { get; set; }
	}
}

static class Lib {
	[RequiresUnreferencedCode("Walks the object graph by reflection", Url = "https://example.org/walk")]
	public static string Walk(object o) { return "walked " + o; }

	[RequiresDynamicCode("Generates code")]
	public static int Emit() { return 7; }
}

[UnconditionalSuppressMessage("Trimming", "IL2026:Walk is fine here")]
static class Quiet {
	public static string Run() { return Lib.Walk(1); }
}

static class P {
	[UnconditionalSuppressMessage("AOT", "ILCC1008")]
	static int Suppressed() { return Lib.Emit(); }

	[RequiresUnreferencedCode("Passes the requirement on")]
	static string Passes() { return Lib.Walk(2); }

	static string Twice<T>(T x) { return Lib.Walk(x); }

	static void Helper(string name) {
		Type t = Type.GetType(name);
		Console.WriteLine(t == null ? "no type" : t.Name);
	}

	static int Main(string[] args) {
		Console.WriteLine(Lib.Walk(0));
		Console.WriteLine(Lib.Emit());
		Console.WriteLine(Quiet.Run());
		Console.WriteLine(Suppressed());
		Console.WriteLine(Passes());
		Console.WriteLine(Twice(3) + " " + Twice("x"));
		Helper(args.Length > 0 ? args[0] : "System.Int32");
		try {
			Assembly.Load("NoSuchAssembly");
		} catch (Exception e) {
			Console.WriteLine("load: " + e.GetType().Name);
		}
		try {
			new DynamicMethod("M", typeof(int), Type.EmptyTypes);
			Console.WriteLine("made a DynamicMethod");
		} catch (Exception e) {
			Console.WriteLine("emit: " + e.GetType().Name);
		}
		return 0;
	}
}
