// [DynamicDependency] keeps what reflection over names made at run time
// finds, as .NET's trimmer does: when the method carrying it is reached,
// the member it names (by signature, in its own type or another given by
// typeof or by name and assembly) or the members of the kinds it lists
// (DynamicallyAccessedMemberTypes) are kept. Without the attributes ilcc
// finds none of them (GetMethod returns null). The attribute and the enum
// are the program's own: Mono's mscorlib lacks them.
using System;
using System.Reflection;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	[Flags]
	enum DynamicallyAccessedMemberTypes {
		None = 0, PublicParameterlessConstructor = 1, PublicConstructors = 3,
		NonPublicConstructors = 4, PublicMethods = 8, NonPublicMethods = 0x10,
		PublicFields = 0x20, NonPublicFields = 0x40, PublicProperties = 0x200,
		NonPublicProperties = 0x400, All = -1,
	}
	[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field,
		AllowMultiple = true)]
	sealed class DynamicDependencyAttribute : Attribute {
		public DynamicDependencyAttribute(string memberSignature) { }
		public DynamicDependencyAttribute(string memberSignature, Type type) { }
		public DynamicDependencyAttribute(string memberSignature, string typeName, string assemblyName) { }
		public DynamicDependencyAttribute(DynamicallyAccessedMemberTypes memberTypes, Type type) { }
	}
}

namespace Plugins {
	public class Target {
		public static string Greet(string who) { return "hello " + who; }
		public static string Greet(int n) { return "hello #" + n; }
	}
	public class Bag {
		public int Size { get; set; }
		public Bag() { Size = 3; }
		public int Twice() { return 2 * Size; }
		int Hidden() { return -1; }
	}
	public class Made {
		public int V;
		public Made(int v) { V = v; }
	}
	class Hidden {
		static string Secret = "s3cret";
	}
}

static class P {
	// names the compiler cannot see: made at run time
	static string N(string s) { return s.Replace("_", ""); }

	static string Local() { return "own type's member"; }

	[DynamicDependency("Greet(System.String)", typeof(Plugins.Target))]
	[DynamicDependency("Local")]
	static void Named() {
		Type t = Type.GetType(N("Plugins._Target"));
		MethodInfo g = t.GetMethod(N("Gr_eet"), new Type[] { typeof(string) });
		Console.WriteLine(g.Invoke(null, new object[] { "dd" }));
		MethodInfo l = typeof(P).GetMethod(N("Lo_cal"), BindingFlags.NonPublic | BindingFlags.Static);
		Console.WriteLine(l.Invoke(null, null));
	}

	[DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicProperties
		| DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Plugins.Bag))]
	static void Kinds() {
		Type t = Type.GetType(N("Plugins._Bag"));
		object bag = Activator.CreateInstance(t);
		Console.WriteLine(t.GetProperty(N("Si_ze")).GetValue(bag, null));
		Console.WriteLine(t.GetMethod(N("Tw_ice")).Invoke(bag, null));
		Console.WriteLine(t.GetMethod(N("Hid_den")) == null ? "non-public: not public" : "found");
	}

	[DynamicDependency("#ctor(System.Int32)", typeof(Plugins.Made))]
	[DynamicDependency("V", typeof(Plugins.Made))]
	[DynamicDependency("Secret", "Plugins.Hidden", "refl_dyndep")]
	static void ByName() {
		Type t = Type.GetType(N("Plugins._Made"));
		object m = Activator.CreateInstance(t, 42);
		Console.WriteLine(t.GetField("V").GetValue(m));
		Type h = Type.GetType(N("Plugins._Hidden"));
		Console.WriteLine(h.GetField(N("Sec_ret"), BindingFlags.NonPublic | BindingFlags.Static).GetValue(null));
	}

	static void Main() {
		Named();
		Kinds();
		ByName();
	}
}
