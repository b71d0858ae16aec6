// Reflection over methods, as ilcc keeps them: typeof(X).GetMethod("Name")
// (and GetMethods) with the type and name known at build time keeps X's
// methods of that name for reflection (rt_methods). MethodInfo.Invoke
// (static, instance, virtual, interface, struct, ref parameters, Nullable
// results, generic instances from MakeGenericMethod), Mono's errors
// (TargetException, TargetParameterCountException, ArgumentException,
// AmbiguousMatchException, TargetInvocationException), and
// Delegate.CreateDelegate: static, open and closed instance, over a
// delegate's own Invoke, over a generic method's instance.
using System;
using System.Collections.Generic;
using System.Reflection;

interface IShape { double Area(); }
class Base { public virtual string Who() { return "Base"; } public string Plain() { return "plain"; } }
class Derived : Base, IShape {
	public override string Who() { return "Derived"; }
	public double Area() { return 2.5; }
	static int Secret(int a, int b) { return a * 100 + b; }
	public static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
	public static int? MaybeInt(bool has) { return has ? (int?)7 : null; }
	public static T Echo<T>(T x) { return x; }
	public static string Over(int x) { return "int"; }
	public static string Over(string x) { return "string"; }
}
class Maker<T> {
	public virtual List<U> Make<U>() { return new List<U>(); }
}
struct Counter {
	public int n;
	public int Add(int k) { n += k; return n; }
}
class Program {
	class Holder {
		public int? field;
		public int? GetField() { return field; }
		public object Through<T>() {
			var d = (Func<Holder, T>)Delegate.CreateDelegate(typeof(Func<Holder, T>), typeof(Holder).GetMethod("GetField"));
			return d(this);
		}
	}
	public static void Rethrows() {
		try { throw new InvalidOperationException("inner"); }
		catch (InvalidOperationException e) when (e.Message == "inner") { throw new NotImplementedException("outer"); }
	}
	static string Describe(MethodInfo m) {
		if (m == null) return "null";
		var ps = m.GetParameters();
		string s = m.ReturnType.Name + " " + m.DeclaringType.Name + "." + m.Name + "(";
		for (int i = 0; i < ps.Length; i++)
			s += (i > 0 ? ", " : "") + ps[i].ParameterType.Name + " " + ps[i].Name;
		return s + ") static=" + m.IsStatic + " virtual=" + m.IsVirtual + " public=" + m.IsPublic;
	}
	static void Try(string what, Func<object> f) {
		try { Console.WriteLine(what + ": " + (f() ?? "null")); }
		catch (Exception e) {
			Console.WriteLine(what + ": " + e.GetType().Name +
				(e.InnerException != null ? " <- " + e.InnerException.GetType().Name + ": " + e.InnerException.Message : ""));
		}
	}
	static int Main() {
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Who")));
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Plain")));
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Swap")));
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Secret")));
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Secret", BindingFlags.NonPublic | BindingFlags.Static)));
		Console.WriteLine(Describe(typeof(Derived).GetMethod("Nothing")));
		Console.WriteLine(Describe(typeof(Counter).GetMethod("Add")));
		Console.WriteLine(Describe(typeof(IShape).GetMethod("Area")));

		MethodInfo who = typeof(Base).GetMethod("Who");
		Try("virtual", () => who.Invoke(new Derived(), null));
		Try("interface", () => typeof(IShape).GetMethod("Area").Invoke(new Derived(), new object[0]));
		Try("private static", () => typeof(Derived).GetMethod("Secret", BindingFlags.NonPublic | BindingFlags.Static).Invoke(null, new object[] { 3, 4 }));
		object[] args = { 1, 2 };
		typeof(Derived).GetMethod("Swap").Invoke(null, args);
		Console.WriteLine("swap: " + args[0] + " " + args[1]);
		Try("nullable has", () => typeof(Derived).GetMethod("MaybeInt").Invoke(null, new object[] { true }));
		Try("nullable none", () => typeof(Derived).GetMethod("MaybeInt").Invoke(null, new object[] { false }));
		object c = new Counter { n = 40 };
		Try("struct", () => typeof(Counter).GetMethod("Add").Invoke(c, new object[] { 2 }));
		Console.WriteLine("boxed after: " + ((Counter)c).n);
		Try("too few", () => who.Invoke(new Derived(), new object[] { 1 }));
		Try("no target", () => who.Invoke(null, null));
		Try("wrong target", () => typeof(Derived).GetMethod("Area").Invoke(new Base(), null));
		Try("wrong arg", () => typeof(Counter).GetMethod("Add").Invoke(c, new object[] { "x" }));
		Try("ambiguous", () => typeof(Derived).GetMethod("Over"));
		Try("by types", () => typeof(Derived).GetMethod("Over", new Type[] { typeof(string) }).Invoke(null, new object[] { "s" }));
		MethodInfo echo = typeof(Derived).GetMethod("Echo");
		Console.WriteLine("generic def: " + echo.IsGenericMethodDefinition + " " + echo.IsGenericMethod);
		MethodInfo echoInt = typeof(Derived).GetMethod("Echo").MakeGenericMethod(new Type[] { typeof(int) });
		Console.WriteLine("generic inst: " + echoInt.IsGenericMethodDefinition + " " + echoInt.IsGenericMethod + " " + echoInt.GetGenericArguments()[0].Name);
		Try("echo", () => echoInt.Invoke(null, new object[] { 5 }));
		Try("open invoke", () => echo.Invoke(null, new object[] { 5 }));

		var f = (Func<int, int, int>)Delegate.CreateDelegate(typeof(Func<int, int, int>),
			typeof(Derived).GetMethod("Secret", BindingFlags.NonPublic | BindingFlags.Static));
		Console.WriteLine("static delegate: " + f(5, 6));
		var open = (Func<Base, string>)Delegate.CreateDelegate(typeof(Func<Base, string>), who);
		Console.WriteLine("open virtual: " + open(new Base()) + " " + open(new Derived()));
		var closed = (Func<string>)Delegate.CreateDelegate(typeof(Func<string>), new Derived(), who);
		Console.WriteLine("closed virtual: " + closed() + " " + (closed.Method == who));
		Func<string> g = () => "lambda";
		var viaInvoke = (Func<Func<string>, string>)Delegate.CreateDelegate(typeof(Func<Func<string>, string>), null, g.GetType().GetMethod("Invoke"));
		Console.WriteLine("invoke: " + viaInvoke(g));
		Try("throws", () => typeof(Program).GetMethod("Thrower").Invoke(null, null));
		int count = 0;
		foreach (MethodInfo m in typeof(Counter).GetMethods())
			if (m.Name == "Add") count++;
		Console.WriteLine("GetMethods Add: " + count);
		var h = new Holder { field = 42 };
		Console.WriteLine("open, generic: " + (int?)h.Through<int?>());
		var made = typeof(Derived).GetMethod("Echo").MakeGenericMethod(new Type[] { typeof(long) });
		var fe = (Func<long, long>)Delegate.CreateDelegate(typeof(Func<long, long>), null, made, false);
		Console.WriteLine("generic delegate: " + fe(1L << 40));
		Try("filter inside", () => typeof(Program).GetMethod("Rethrows").Invoke(null, new object[0]));
		// GetType() of what newobj made is known at build time (bug-472692.2)
		var mk = new Maker<object>();
		var mm = mk.GetType().GetMethod("Make").MakeGenericMethod(typeof(string));
		Console.WriteLine("made over newobj: " + mm.Invoke(mk, null));
		return 0;
	}
	public static void Thrower() { throw new ApplicationException("thrown"); }
}
