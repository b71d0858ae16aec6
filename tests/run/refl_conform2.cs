// Reflection cases from Mono's runtime tests (mono/tests), fixed in the
// tenth conformance part (docs/design.md):
// - MethodInfo.CallingConvention of a vararg method (one taking
//   __arglist) is VarArgs (bug-340662_bug);
// - MethodInfo.CreateDelegate(typeof(D)) keeps D's Invoke, which Mono's
//   CreateDelegate looks up: a property's accessors as open delegates,
//   a struct's getter through a ref parameter (delegate-prop, delegate10);
// - Delegate.Method of a delegate over a generic method's instance
//   (generic-getgenericarguments.2);
using System;
using System.Reflection;
using System.Runtime.InteropServices;

class Var {
	[DllImport("nosuchlib", CallingConvention = CallingConvention.Cdecl)]
	public static extern void P(string f);
	public static int M(int a, __arglist) { return new ArgIterator(__arglist).GetRemainingCount(); }
	public static void N(string f) { }
	public void I() { }
}

class Props {
	public string Name { get; set; }
	public int Count { get; set; }
}

struct SProp {
	public string Val { get; set; }
}

delegate string RefGetter(ref SProp s);

class Gen {
	public static string Id<T>(T x) { return typeof(T).Name; }
	public T Pick<T, U>(T a, U b) { return a; }
}

class P {
	static void GenericTargets()
	{
		Func<int, string> f = Gen.Id<int>;
		MethodInfo m = f.Method;
		Console.WriteLine(m + " " + m.IsGenericMethod + " " + m.GetGenericArguments()[0].Name);
		Func<string, long, string> g = new Gen().Pick<string, long>;
		m = g.Method;
		Console.WriteLine(m + " " + m.GetGenericArguments().Length + " " + m.GetGenericArguments()[1]);
		Console.WriteLine(g("picked", 2));
	}

	static void Accessors()
	{
		var set = (Action<Props, string>)typeof(Props).GetProperty("Name").GetSetMethod()
			.CreateDelegate(typeof(Action<Props, string>));
		var get = (Func<Props, string>)typeof(Props).GetProperty("Name").GetGetMethod()
			.CreateDelegate(typeof(Func<Props, string>));
		var p = new Props();
		set(p, "named");
		Console.WriteLine(p.Name + " " + get(p));
		var cnt = (Action<int>)typeof(Props).GetProperty("Count").SetMethod
			.CreateDelegate(typeof(Action<int>), p);
		cnt(42);
		Console.WriteLine(p.Count);
		var rg = (RefGetter)typeof(SProp).GetProperty("Val").GetMethod
			.CreateDelegate(typeof(RefGetter));
		var s = new SProp { Val = "in struct" };
		Console.WriteLine(rg(ref s));
	}

	static void CallConv()
	{
		foreach (string n in new[] { "P", "M", "N", "I" })
			Console.WriteLine(n + " " + typeof(Var).GetMethod(n).CallingConvention);
	}

	static void Main()
	{
		CallConv();
		Accessors();
		GenericTargets();
	}
}
