// Reflection cases from Mono's runtime tests (mono/tests), fixed in the
// eleventh conformance part (docs/design.md):
// - MakeGenericMethod of an abstract generic virtual method, then Invoke
//   on a subclass: the override's instance runs (through the generic
//   virtual dispatcher); the type arguments read from a Type[] local
//   built in the loop from another array at a variable index
//   (generic-virtual-invoke.2); MakeGenericType over such a local too;
//   CreateDelegate of such an instance dispatches as well.
// - FieldInfo.FieldHandle of a field with data in the file (mcs's
//   <PrivateImplementationDetails> found by Assembly.GetTypes) given to
//   RuntimeHelpers.InitializeArray, and its GetValue: the data
//   (init_array_with_lazy_type).
// - Assembly.Load and AppDomain.Load of an assembly the program is built
//   with (by simple name, case aside, a display name too), and of one it
//   is not (FileNotFoundException); Assembly.CreateInstance of a type
//   named by a literal; Activator.CreateInstance of String with
//   constructor arguments (create-instance).
using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

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
					Console.WriteLine("{0} {1}", r.GetType().Name, r.GetType() == array_types[i]);
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

	static int[] data = { 3, 49, 40, 58, 32, 7, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	static void RvaField()
	{
		var type = Assembly.GetExecutingAssembly().GetTypes().Where(x => x.Name.Contains("<PrivateImplementationDetails>")).Single();
		var fi = type.GetFields(BindingFlags.NonPublic | BindingFlags.Static).Where(x => x.FieldType.Name == "$ArrayType=68").First();
		Console.WriteLine("{0} {1}", fi.FieldType.IsValueType, fi.Attributes);
		var arr = new int[17];
		RuntimeHelpers.InitializeArray(arr, fi.FieldHandle);
		Console.WriteLine(string.Join(",", arr));
		var part = new int[5];
		RuntimeHelpers.InitializeArray(part, fi.FieldHandle);
		Console.WriteLine(string.Join(",", part));
		Console.WriteLine(fi.GetValue(null).GetType().Name);
		Console.WriteLine(data.Length);
	}

	static void Load()
	{
		Assembly a = AppDomain.CurrentDomain.Load("mscorlib");
		Console.WriteLine(a == typeof(object).Assembly);
		Console.WriteLine(Assembly.Load("MSCORLIB, Version=4.0.0.0, Culture=neutral") == a);
		object o = a.CreateInstance("System.Exception");
		Console.WriteLine(o.GetType());
		Console.WriteLine(a.CreateInstance("System.NoSuchType") == null);
		Console.WriteLine(Activator.CreateInstance(typeof(string), new object[] { 'X', 10 }));
		Assembly own = typeof(Test).Assembly;
		Console.WriteLine(Assembly.Load(own.GetName().Name) == own);
		try {
			Assembly.Load("NoSuchAssembly");
		} catch (Exception e) {
			Console.WriteLine("{0}: {1}", e.GetType(), e.Message);
		}
	}

	public static int Main()
	{
		Load();
		Gvm();
		MakeType();
		RvaField();
		return 0;
	}
}
