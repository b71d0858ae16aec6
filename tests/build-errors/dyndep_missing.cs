// A [DynamicDependency] naming a member or a type that does not exist is
// a warning naming the method that carries it; it keeps nothing, and the
// rest of the program builds and runs.
using System;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
	sealed class DynamicDependencyAttribute : Attribute {
		public DynamicDependencyAttribute(string memberSignature, Type type) { }
		public DynamicDependencyAttribute(string memberSignature, string typeName, string assemblyName) { }
	}
}

class C { public void Run() { } }

static class P {
	[DynamicDependency("Walk", typeof(C))]
	[DynamicDependency("Run(System.Int32)", typeof(C))]
	[DynamicDependency("Run", "NoSuch.Type", "dyndep_missing")]
	static void Main() {
		Console.WriteLine("ran");
	}
}
