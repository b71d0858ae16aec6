// Reflection cases from Mono's runtime tests (mono/tests), fixed in the
// eleventh conformance part (docs/design.md):
// - MakeGenericMethod of an abstract generic virtual method, then Invoke
//   on a subclass: the override's instance runs (through the generic
//   virtual dispatcher); the type arguments read from a Type[] local
//   built in the loop from another array at a variable index
//   (generic-virtual-invoke.2); MakeGenericType over such a local too;
//   CreateDelegate of such an instance dispatches as well.
using System;
using System.Reflection;

public abstract class GBase {
	public abstract object Virt<T>();
	public virtual string Name<T>() { return "GBase " + typeof(T).Name; }
}

public class GDerived : GBase {
	public override object Virt<T>() { return new T[3]; }
	public override string Name<T>() { return "GDerived " + typeof(T).Name; }
}

public class ClassA { }

public class Pair<A, B> {
	public override string ToString() { return "Pair of " + typeof(A).Name + ", " + typeof(B).Name; }
}

public class Test {
	static void Gvm()
	{
		GBase b = new GDerived();
		MethodInfo method = typeof(GBase).GetMethod("Virt");
		Type[] arg_types = { typeof(object), typeof(string), typeof(ClassA), typeof(GBase), typeof(GDerived) };
		Type[] array_types = { typeof(object[]), typeof(string[]), typeof(ClassA[]), typeof(GBase[]), typeof(GDerived[]) };
		for (int j = 0; j < 3; ++j)
			for (int i = 0; i < arg_types.Length; ++i) {
				Type[] args = { arg_types[i] };
				MethodInfo inflated = method.MakeGenericMethod(args);
				object r = inflated.Invoke(b, null);
				if (j == 0)
					Console.WriteLine("{0} {1}", r.GetType(), r.GetType() == array_types[i]);
			}
		MethodInfo name = typeof(GBase).GetMethod("Name").MakeGenericMethod(new Type[] { typeof(int) });
		Console.WriteLine(name.Invoke(b, null));
		Console.WriteLine(name.Invoke(new GDerived(), null));
		var d = (Func<string>)Delegate.CreateDelegate(typeof(Func<string>), b, name);
		Console.WriteLine(d());
	}

	static void MakeType()
	{
		Type[] firsts = { typeof(int), typeof(string) };
		for (int i = 0; i < firsts.Length; i++) {
			Type[] targs = { firsts[i], typeof(ClassA) };
			Type t = typeof(Pair<,>).MakeGenericType(targs);
			Console.WriteLine(Activator.CreateInstance(t));
		}
	}

	public static int Main()
	{
		Gvm();
		MakeType();
		return 0;
	}
}
