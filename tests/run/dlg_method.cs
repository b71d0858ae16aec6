// Delegate.Method of delegates made by `new D(x.M)` (not by reflection):
// static, instance, a value type's method, a multicast delegate (its
// last), and one made by Delegate.CreateDelegate; over a virtual method
// (ldvirtftn): the override it calls, as Mono answers (an interface's
// method: its implementation; one not overridden: its own). And a delegate closed
// over an instance method with a null target: ArgumentException when it
// is made (a virtual one: NullReferenceException from ldvirtftn). A
// delegate over a virtual method made by ldvirtftn and one made by
// CreateDelegate from its Method are Equal, with one hash (delegate12).
using System;
using System.Reflection;

delegate string S();
delegate int N(int x);

class C {
	public int K = 4;
	public string Get() { return "c" + K; }
	public virtual string Virt() { return "v"; }
}
class D : C { public override string Virt() { return "d"; } }
class E : D { }
interface IG { string G(); }
class GI : IG { public string G() { return "g"; } }
struct Pt { public int X; public string Show() { return "pt" + X; } }

static class P {
	static string F() { return "F"; }
	public static int Twice(int x) { return 2 * x; }
	public static int Inc(int x) { return x + 1; }
	static void Show(Delegate d) {
		MethodInfo m = d.Method;
		Console.WriteLine(m == null ? "null" : m.Name + " of " + m.DeclaringType.Name + " static=" + m.IsStatic);
	}
	static int Main() {
		Show(new S(F));
		Show(new S(new C().Get));
		Pt p = new Pt { X = 3 };
		Show(new S(p.Show));
		N n = Twice;
		n += Inc;
		Show(n);
		Console.WriteLine(n(5));
		Show((N)Delegate.CreateDelegate(typeof(N), typeof(P).GetMethod("Twice")));
		C none = null;
		try {
			S bad = new S(none.Get);
			Console.WriteLine("made " + (bad != null));
		} catch (ArgumentException e) {
			Console.WriteLine(e.GetType().Name + ": " + e.Message);
		}
		try {
			S bad = new S(none.Virt);
			Console.WriteLine("made " + (bad != null));
		} catch (NullReferenceException e) {
			Console.WriteLine(e.GetType().Name);
		}
		C c = new D();
		Show(new S(c.Virt));
		Show(new S(new E().Virt));
		Show(new S(new C().Virt));
		IG g = new GI();
		Show(new S(g.G));
		Show(new S(c.ToString));
		S v1 = new S(c.Virt);
		S v2 = (S)Delegate.CreateDelegate(typeof(S), c, v1.Method);
		Console.WriteLine("equal " + v1.Equals(v2) + " " + v2.Equals(v1) + " " + (v1 == v2) + " " +
				  (v1.GetHashCode() == v2.GetHashCode()) + " " + v2());
		S v3 = (S)Delegate.CreateDelegate(typeof(S), c, typeof(C).GetMethod("Virt"));
		Console.WriteLine("by the base's method " + v3.Equals(v1) + " " + v3());
		S s = new S(F);
		return s.Method.Name == "F" ? 0 : 1;
	}
}
