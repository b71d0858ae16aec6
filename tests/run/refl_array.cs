// Methods that array types have without metadata (runtime/reflect_array.c):
// Get, Set and the constructors found by Type.GetMethod, GetMethods and
// GetConstructor on an array type (known at build time or only at run
// time, as x.GetType()) and called by MethodInfo.Invoke: vectors,
// multi-dimensional arrays with and without lower bounds, the jagged
// constructor that makes the inner vectors too, an index out of range.
// And MakeGenericMethod with arguments the build cannot see
// (typeof(X?).GetGenericArguments()[0], a Type[] read at a variable
// index): the instances the program makes anyway are found.
using System;
using System.Reflection;

struct Large { public int a, b, c, d; }

static class NM {
	public static bool GetHasValue<T>(T? value) where T : struct { return value.HasValue; }
	public static string Name<T>() { return typeof(T).Name; }
}

class P {
	static void Arrays()
	{
		var arr = Array.CreateInstance(typeof(string), 1);
		arr.GetType().GetMethod("Set").Invoke(arr, new object[] { 0, "A" });
		Console.WriteLine((string)arr.GetType().GetMethod("Get").Invoke(arr, new object[] { 0 }));
		string[,] a2 = new string[2, 2];
		a2.GetType().GetMethod("Set").Invoke(a2, new object[] { 1, 1, "FOO" });
		Console.WriteLine((string)a2.GetType().GetMethod("Get").Invoke(a2, new object[] { 1, 1 }));
		Console.WriteLine(a2[1, 1]);
		foreach (var m in typeof(int[,]).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
			Console.WriteLine(m.Name + " " + m.GetParameters().Length + " " + m.IsPublic);
		foreach (var c in typeof(int[,]).GetConstructors())
			Console.WriteLine(c + " " + c.GetParameters().Length);
		var ci = typeof(int[,]).GetConstructor(new Type[] { typeof(int), typeof(int) });
		Console.WriteLine(ci.GetCustomAttributes(true).Length);
		var made = (int[,])ci.Invoke(new object[] { 2, 3 });
		Console.WriteLine(made.GetLength(0) + " " + made.GetLength(1));
		var j = (int[][])typeof(int[][]).GetConstructor(new Type[] { typeof(int), typeof(int) })
			.Invoke(new object[] { 2, 3 });
		Console.WriteLine(j.Length + " " + j[1].Length);
		var v = (long[])typeof(long[]).GetConstructor(new Type[] { typeof(int) }).Invoke(new object[] { 4 });
		Console.WriteLine(v.Length);
		typeof(long[]).GetMethod("Set").Invoke(v, new object[] { 2, 7L });
		Console.WriteLine(v[2] + " " + typeof(long[]).GetMethod("Get").Invoke(v, new object[] { 2 }));
		try {
			typeof(long[]).GetMethod("Get").Invoke(v, new object[] { 9 });
		} catch (TargetInvocationException e) {
			Console.WriteLine(e.InnerException.GetType());
		}
		var b = (int[,])typeof(int[,]).GetConstructor(new Type[] { typeof(int), typeof(int), typeof(int), typeof(int) })
			.Invoke(new object[] { 1, 2, 3, 4 });
		Console.WriteLine(b.GetLowerBound(0) + " " + b.GetLength(0) + " " + b.GetLowerBound(1) + " " + b.GetLength(1));
	}

	static void Generic()
	{
		var s = new Large { a = 1, b = 2, c = 3, d = 4 };
		NM.GetHasValue<Large>(s);
		var m = typeof(NM).GetMethod("GetHasValue", BindingFlags.Static | BindingFlags.Public);
		Type type = typeof(Large?).GetGenericArguments()[0];
		Console.WriteLine(type.Name);
		Console.WriteLine(m.MakeGenericMethod(new Type[] { type }).Invoke(null, new object[] { s }));
		Console.WriteLine(m.MakeGenericMethod(new Type[] { type }).Invoke(null, new object[] { null }));
		NM.Name<string>();
		NM.Name<int>();
		Type[] ts = { typeof(int), typeof(string) };
		var n = typeof(NM).GetMethod("Name");
		for (int i = 0; i < ts.Length; i++)
			Console.WriteLine(n.MakeGenericMethod(new Type[] { ts[i] }).Invoke(null, null));
	}

	static void Main()
	{
		Arrays();
		Generic();
	}
}
