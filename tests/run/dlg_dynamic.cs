// Delegate.DynamicInvoke: static, instance, open and closed targets, ref
// and out arguments copied back into the array, a multicast delegate (the
// last result), a generic method's delegate, a struct result, exceptions
// wrapped in TargetInvocationException, and Mono's errors for a wrong
// argument count or type.
using System;
using System.Reflection;

delegate void RefD(ref int x);
delegate bool OutD(string s, out int v);
delegate T GenD<T>(T x);

struct Pt { public int X, Y; public override string ToString() { return X + "," + Y; } }

class C {
	public int k = 3;
	public static void Bump(ref int x) { x += 10; }
	public int AddK(int x) { return x + k; }
	public static Pt Make(int x, int y) { return new Pt { X = x, Y = y }; }
	public static T Id<T>(T x) { return x; }
	public static int Boom(int x) { throw new InvalidOperationException("boom " + x); }
}

static class DynamicTest {
	static void Show(string what, Func<object> f)
	{
		try {
			object r = f();
			Out.L(what + ": " + (r == null ? "null" : r.ToString()));
		} catch (Exception e) {
			string inner = e.InnerException == null ? "" : " <- " + e.InnerException.GetType().Name +
				": " + e.InnerException.Message;
			Out.L(what + ": " + e.GetType().Name + inner);
		}
	}

	static int Main()
	{
		Func<int, int> twice = x => 2 * x;
		Show("lambda", () => twice.DynamicInvoke(21));
		Func<int, int> addk = new C().AddK;
		Show("instance", () => addk.DynamicInvoke(4));
		RefD r = C.Bump;
		object[] a = { 5 };
		r.DynamicInvoke(a);
		Out.L("ref copied back", (int)a[0]);
		OutD parse = int.TryParse;
		object[] b = { "123", null };
		Show("out", () => parse.DynamicInvoke(b));
		Out.L("out copied back", (int)b[1]);
		Func<int, int> multi = twice;
		multi += addk;
		Show("multicast", () => multi.DynamicInvoke(10));
		GenD<string> id = C.Id;
		Show("generic", () => id.DynamicInvoke("gen"));
		Func<int, int, Pt> make = C.Make;
		Show("struct", () => make.DynamicInvoke(1, 2));
		Func<int, int> boom = C.Boom;
		Show("throws", () => boom.DynamicInvoke(7));
		Show("too few", () => twice.DynamicInvoke());
		Show("wrong type", () => twice.DynamicInvoke("x"));
		Action nothing = () => Out.L("action ran");
		Show("action", () => nothing.DynamicInvoke());
		return 0;
	}
}
