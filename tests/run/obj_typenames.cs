// Type names as the class library prints them: Name, FullName (generic
// arguments with their assemblies' identities, public key tokens included),
// ToString, Namespace, for classes, structs, enums, generic instances,
// nested types, arrays (of generic instances too) and generic definitions;
// typeof equality with GetType(). Types without a namespace (nested and
// generic ones too) have a null Namespace; a generic parameter, a null
// FullName and AssemblyQualifiedName. Names the C# compiler makes
// (anonymous types, closures) start with "<", which opens no arguments.
using System;
using System.Collections.Generic;

enum Level { Low }
class Outer { public class Inner { public class Deep { } } }
class Box<T> { public class In { } }

namespace N {
	class Foo { }
	class Gen<T> { public class Inner { } }
	struct S { public int x; }
	enum E { A }

	static class P {
		static List<T> ListOf<T>(T x) { return new List<T> { x }; }

		static int Main()
		{
			object[] os = {
				new Foo(), new List<int>(), new Gen<string>(), new Gen<Foo>.Inner(), new S(), E.A,
				42, "s", new int[2], new int[2, 3], new Dictionary<string, Foo>(), new List<int>[1],
				new Dictionary<int, int>.KeyCollection(new Dictionary<int, int>()),
				new KeyValuePair<string, List<E>>(),
			};
			foreach (var o in os) {
				Type t = o.GetType();
				Out.L(t.Name + " | " + t.FullName + " | " + t + " | " + t.Namespace + " | " + o);
			}
			Out.L((typeof(List<int>) == new List<int>().GetType()) + " " + typeof(Gen<>).Name + " " + typeof(Gen<>).FullName);
			Type[] ts = {
				typeof(Level), typeof(Outer.Inner.Deep), typeof(Box<Level>), typeof(Box<>), typeof(Box<int>.In),
				typeof(Level[]), typeof(Outer.Inner[,]), typeof(List<Outer>), typeof(Foo), typeof(Gen<Level>.Inner),
				typeof(Box<>).GetGenericArguments()[0], typeof(int),
			};
			foreach (Type t in ts) {
				string ns = t.Namespace, full = t.FullName, aqn = t.AssemblyQualifiedName;
				Out.L(t + " | ns " + (ns == null ? "null" : ns) + " | " + (full == null ? "null" : full));
				Out.L("  " + (aqn == null ? "null" : aqn));
			}
			Out.L((new Outer.Inner().GetType().Namespace == null).ToString());
			// names the C# compiler makes start with '<': not generic arguments
			var anon = new { A = 1, B = new { C = "x" } };
			Type at = anon.GetType();
			Out.L(at.Name + " | " + at.FullName + " | " + at + " | " + (at.Namespace == null));
			Out.L(ListOf(anon).GetType() + " | " + new[] { anon }.GetType().Name + " | " + anon.B.GetType().Name);
			int k = 3;
			Func<int> fk = () => k;
			Out.L(fk.Target.GetType().Name + " | " + fk.Target.GetType() + " | " + fk.Method.Name);
			return 0;
		}
	}
}
