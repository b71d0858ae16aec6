// A Type not known at build time passed to a [DynamicallyAccessedMembers]
// parameter warns (ILCC1001) where it is passed; one that flows in from
// another annotated parameter does not, nor does reflection on such a
// parameter inside the method: the callers' types were kept. The same for
// a [DynamicallyAccessedMembers] field: an unknown Type stored warns, one
// from an annotated return value does not.
using System;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	enum DynamicallyAccessedMemberTypes { PublicMethods = 8 }
	sealed class DynamicallyAccessedMembersAttribute : Attribute {
		public DynamicallyAccessedMembersAttribute(DynamicallyAccessedMemberTypes memberTypes) { }
	}
}

class A { public static string Hi() { return "A.Hi"; } }

class Box {
	[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] public static Type T;
	[return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
	public static Type Known() { return typeof(A); }
}

static class P {
	static string Call([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type t, string m) {
		var mi = t.GetMethod(m);
		return mi == null ? "not found" : (string)mi.Invoke(null, null);
	}

	static string Pass([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type t) {
		return Call(t, "Hi");
	}

	static void Main(string[] args) {
		Console.WriteLine(Pass(typeof(A)));
		Type u = args.Length > 0 ? typeof(string) : typeof(A);
		Console.WriteLine(Call(u.GetType(), "Hi"));
		Box.T = Box.Known();
		Console.WriteLine(Call(Box.T, "Hi"));
		Box.T = u.GetType();
	}
}
