// [DynamicallyAccessedMembers] on parameters and generic parameters, as
// .NET's trimmer reads it: a typeof(X) passed to such a parameter keeps
// X's members of the kinds it names, also when it flows on through
// another annotated parameter, and a generic argument of an annotated
// generic parameter (of a method or a class) is kept the same way.
// Reflection then finds, by names made at run time, what Mono finds.
// Fields and return values so annotated: a typeof(X) stored into the field
// or returned keeps X's members, and reflection on what is loaded from
// there finds them.
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
	[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.GenericParameter |
		AttributeTargets.Field | AttributeTargets.ReturnValue)]
	sealed class DynamicallyAccessedMembersAttribute : Attribute {
		public DynamicallyAccessedMembersAttribute(DynamicallyAccessedMemberTypes memberTypes) { }
	}
}

class A { public static string Hi() { return "A.Hi"; } }
class B { public static string Hi() { return "B.Hi"; } }
class C { public static string Hi() { return "C.Hi"; } }
class D { public static string Hi() { return "D.Hi"; } }
class E { public int Size { get { return 5; } } public string Label { get { return "e"; } } }
class F { public int Fuel = 9; }
class G { public static string Hi() { return "G.Hi"; } }
class H { public static string Hi() { return "H.Hi"; } }
class I { public static string Hi() { return "I.Hi"; } }

class Keeper {
	[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] public Type Kept;
	[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] static Type shared;
	public static void Share() { shared = typeof(H); }
	public object Call() { return Kept.GetMethod(P.N("H_i")).Invoke(null, null); }
	public static object CallShared() { return shared.GetMethod(P.N("H_i")).Invoke(null, null); }
}

class Holder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T> {
	Type t = typeof(T);
	public object Call(string name) { return t.GetMethod(P.N(name)).Invoke(null, null); }
}

static class P {
	public static string N(string s) { return s.Replace("_", ""); }

	static void Show([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type t, string name) {
		Console.WriteLine(t.GetMethod(N(name)).Invoke(null, null));
	}

	static void Outer([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type t) {
		Show(t, "H_i");
	}

	static void Props<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T x) {
		foreach (string n in new[] { "Si_ze", "La_bel" })
			Console.WriteLine(typeof(T).GetProperty(N(n)).GetValue(x, null));
	}

	static object Field([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type t, object o) {
		return t.GetField(N("Fu_el")).GetValue(o);
	}

	[return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
	static Type Pick() { return typeof(I); }

	static void Main() {
		Show(typeof(A), "H_i");
		Show(typeof(B), "H_i");
		Outer(typeof(C));
		Console.WriteLine(new Holder<D>().Call("H_i"));
		Props(new E());
		Console.WriteLine(Field(typeof(F), new F()));
		Console.WriteLine(new Keeper { Kept = typeof(G) }.Call());
		Keeper.Share();
		Console.WriteLine(Keeper.CallShared());
		Type picked = Pick();
		Console.WriteLine(picked.GetMethod(N("H_i")).Invoke(null, null));
	}
}
