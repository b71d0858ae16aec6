// MakeGenericType and MakeGenericMethod over Types the build can see
// without their being written at the call: a Type parameter that callers
// give typeof(X) (directly or through another Type parameter), one of two
// types where paths join, a Type[] of typeof constants read at a variable
// index or by foreach. Each instance is made ahead of time (with its
// parameterless constructor, for Activator.CreateInstance); arguments
// that break a constraint throw ArgumentException as under Mono.
using System;
using System.Collections.Generic;
using System.Reflection;

interface IShape { string Name(); }
class Circle : IShape { public string Name() { return "circle"; } }
class Square : IShape { public string Name() { return "square"; } }
interface IShow { string Show(); }
class Box<T> { public T Value; public override string ToString() { return "Box<" + typeof(T).Name + "> " + Value; } }
class Pair<A, B> { public override string ToString() { return "Pair<" + typeof(A).Name + "," + typeof(B).Name + ">"; } }
class Shaped<T> : IShow where T : IShape, new() { public string Show() { return "Shaped " + new T().Name(); } }
class Only<T> where T : struct { }
struct Num { public int n; public override string ToString() { return "num"; } }

static class Gen {
	public static string Describe<T>() { return "Describe<" + typeof(T).Name + ">"; }
	public static string Constrained<T>() where T : struct { return "struct " + typeof(T).Name; }
}

class P {
	static object MakeBox(Type t) { return Activator.CreateInstance(typeof(Box<>).MakeGenericType(t)); }
	static object MakeBoxVia(Type t) { return MakeBox(t); }
	static string Describe(Type t)
	{
		MethodInfo m = typeof(Gen).GetMethod("Describe");
		return (string)m.MakeGenericMethod(t).Invoke(null, null);
	}
	static object PairOf(Type a) { return Activator.CreateInstance(typeof(Pair<,>).MakeGenericType(a, typeof(string))); }

	static void Main(string[] args)
	{
		Console.WriteLine(MakeBox(typeof(int)));
		Console.WriteLine(MakeBox(typeof(string)));
		Console.WriteLine(MakeBoxVia(typeof(Circle)).GetType().GetGenericArguments()[0].Name);
		Console.WriteLine(Describe(typeof(Num)));
		Console.WriteLine(Describe(typeof(DateTime)));
		Console.WriteLine(PairOf(typeof(long)));
		Type t = args.Length > 5 ? typeof(Square) : typeof(Circle);
		object s = Activator.CreateInstance(typeof(Shaped<>).MakeGenericType(t));
		Console.WriteLine(((IShow)s).Show());
		Type[] ts = { typeof(byte), typeof(double), typeof(Num), typeof(string) };
		MethodInfo c = typeof(Gen).GetMethod("Constrained");
		for (int i = 0; i < ts.Length; i++) {
			Console.WriteLine(Activator.CreateInstance(typeof(Box<>).MakeGenericType(ts[i])));
			try {
				Console.WriteLine(c.MakeGenericMethod(ts[i]).Invoke(null, null));
			} catch (ArgumentException e) {
				Console.WriteLine("ArgumentException for " + ts[i].Name + ": " + e.Message.Split('\n')[0]);
			}
			try {
				Console.WriteLine(typeof(Only<>).MakeGenericType(ts[i]).Name);
			} catch (ArgumentException e) {
				Console.WriteLine("ArgumentException for " + ts[i].Name + ": " + e.Message.Split('\n')[0]);
			}
		}
		foreach (Type u in new Type[] { typeof(Circle), typeof(Square) }) {
			Type l = typeof(List<>).MakeGenericType(u);
			Console.WriteLine(l.Name + " of " + l.GetGenericArguments()[0].Name + " " + (l == typeof(List<Square>)));
		}
	}
}
