// Reflection cases from Mono's runtime tests (mono/tests), fixed in the
// tenth conformance part (docs/design.md):
// - MethodInfo.CallingConvention of a vararg method (one taking
//   __arglist) is VarArgs (bug-340662_bug);
// - MethodInfo.CreateDelegate(typeof(D)) keeps D's Invoke, which Mono's
//   CreateDelegate looks up: a property's accessors as open delegates,
//   a struct's getter through a ref parameter (delegate-prop, delegate10);
// - Delegate.Method of a delegate over a generic method's instance
//   (generic-getgenericarguments.2);
// - MetadataToken of kept methods, constructors, fields, properties and
//   types, and Module.ResolveMethod/ResolveField/ResolveType/ResolveMember
//   of those tokens (resolve_*_bug.2; il_resolve has the tokens that name
//   nothing); Assembly.GetModules;
// - Type.GetType of an array type's name ("System.Char[,]",
//   "System.Int32[]", "System.String[][]"), and a multi-dimensional
//   array's constructor with lower bounds invoked (runtime-invoke);
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

class Tok {
	public int count = 1;
	public string Name { get; set; }
	public Tok() { }
	public void Run() { }
}

class P {
	static void ArrayNames()
	{
		Type t = Type.GetType("System.Char[,]");
		ConstructorInfo ci = null;
		foreach (ConstructorInfo c in t.GetConstructors())
			if (c.GetParameters().Length == 4)
				ci = c;
		Array a = (Array)ci.Invoke(new object[] { 1, 5, -10, 7 });
		Console.WriteLine(t + " " + a.GetLength(0) + " " + a.GetLowerBound(0) + " " +
			a.GetLength(1) + " " + a.GetLowerBound(1));
		Console.WriteLine(Type.GetType("System.Int32[]") == typeof(int[]));
		Console.WriteLine(Type.GetType("System.String[][]") + " " + Type.GetType("System.Int64[,,]"));
	}

	static void Tokens()
	{
		MethodInfo m = typeof(Tok).GetMethod("Run");
		FieldInfo f = typeof(Tok).GetField("count");
		PropertyInfo pr = typeof(Tok).GetProperty("Name");
		ConstructorInfo c = typeof(Tok).GetConstructor(Type.EmptyTypes);
		Module mod = typeof(Tok).Module;
		Console.WriteLine("tables {0:x2} {1:x2} {2:x2} {3:x2} {4:x2}", m.MetadataToken >> 24,
			c.MetadataToken >> 24, f.MetadataToken >> 24, pr.MetadataToken >> 24,
			typeof(Tok).MetadataToken >> 24);
		Console.WriteLine(mod.ResolveMethod(m.MetadataToken) == m);
		Console.WriteLine(mod.ResolveMethod(c.MetadataToken) == c);
		Console.WriteLine(mod.ResolveField(f.MetadataToken) == f);
		Console.WriteLine(mod.ResolveType(typeof(Tok).MetadataToken) == typeof(Tok));
		Console.WriteLine(mod.ResolveMember(m.MetadataToken).Name);
		Console.WriteLine(mod.ResolveMember(f.MetadataToken).Name);
		Console.WriteLine(m.MetadataToken != c.MetadataToken && pr.MetadataToken != 0);
		try {
			mod.ResolveMethod(f.MetadataToken);
		} catch (ArgumentException e) {
			Console.WriteLine(e.GetType().Name);
		}
		Module[] mods = typeof(Tok).Assembly.GetModules();
		Console.WriteLine(mods.Length + " " + (mods[0] == mod) + " " + mod.MetadataToken);
	}

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
		Tokens();
		ArrayNames();
	}
}
