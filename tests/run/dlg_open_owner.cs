// A delegate made by reflection over a method of an open generic type
// (typeof(G<,>).GetMethod): made, and calling it throws
// InvalidOperationException, as Mono does; the derived open type's layout
// (its base G<string, T>) is never written.
using System;
using System.Reflection;
public static class P {
	class Base<T1, T2> { T1 a; T2 b; public static void Blah() { } }
	class Derived<T> : Base<string, T> { public static void Blah2() { } }
	static void Try(MethodInfo m) {
		Delegate d = Delegate.CreateDelegate(typeof(Action), null, m, true);
		Console.WriteLine(d != null);
		try { ((Action)d)(); Console.WriteLine("called"); }
		catch (InvalidOperationException) { Console.WriteLine("InvalidOperationException"); }
	}
	public static int Main() {
		Try(typeof(Base<,>).GetMethod("Blah"));
		MethodInfo m = typeof(Derived<>).GetMethod("Blah2");
		Delegate d = Delegate.CreateDelegate(typeof(Action), null, m, true);
		try { ((Action)d)(); } catch (InvalidOperationException) { Console.WriteLine("caught 2"); }
		return 0;
	}
}
