// mcs: -debug
// MakeGenericType and MakeGenericMethod over a Type the build cannot see
// warn once per site with the C# file and line (ILCC1003, Native AOT's
// IL3050), and where a Type parameter feeds one, the caller passing an
// unknown Type is the site. At run time an instance the build did not
// make throws NotSupportedException (Native AOT does the same); those it
// made from the callers' typeof work.
using System;
using System.Reflection;

class Box<T> { }

static class Gen {
	public static string Name<T>() { return typeof(T).Name; }
}

class P {
	static Type Make(Type t) { return typeof(Box<>).MakeGenericType(t); }

	static void Main(string[] args)
	{
		Type unknown = Type.GetType(args.Length > 0 ? args[0] : "System.Decimal");
		Console.WriteLine("from typeof: " + Make(typeof(int)).Name);
		try {
			Console.WriteLine("unknown by a parameter: " + Make(unknown).Name);
		} catch (NotSupportedException) {
			Console.WriteLine("unknown by a parameter: NotSupportedException");
		}
		try {
			Console.WriteLine("unknown: " + typeof(Box<>).MakeGenericType(unknown).Name);
		} catch (NotSupportedException) {
			Console.WriteLine("unknown: NotSupportedException");
		}
		MethodInfo m = typeof(Gen).GetMethod("Name");
		try {
			Console.WriteLine("method, unknown: " + m.MakeGenericMethod(unknown).Invoke(null, null));
		} catch (NotSupportedException e) {
			Console.WriteLine("method, unknown: NotSupportedException: " + e.Message);
		}
	}
}
