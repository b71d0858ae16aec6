// Names Roslyn makes with '<' and '>' in them keep them in Type.Name,
// FullName and ToString: anonymous types (<>f__AnonymousType0`2), closure
// classes (<>c__DisplayClass0_0, <>c), iterators (<Count>d__1), also as
// generic arguments (List`1[<>f__AnonymousType0`2[...]]).
using System;
using System.Collections.Generic;
using static Out;

class AnonNames
{
	static IEnumerable<int> Count(int n)
	{
		for (int i = 0; i < n; i++)
			yield return i;
	}

	static IEnumerable<T> Twice<T>(T x)
	{
		yield return x;
		yield return x;
	}

	static void P(string s) { S(s); L(); }

	static void Show(string what, Type t) => P(what + ": " + t.Name + " | " + t + " | " + t.FullName?.Split('[')[0]);

	static void Main()
	{
		var a = new { X = 1, Y = "s" };
		Show("anon", a.GetType());
		P("value: " + a);
		var nested = new { Name = "x", Inner = new { Ok = true } };
		Show("inner", nested.Inner.GetType());
		P("nested value: " + nested);
		Show("list of anon", ListOf(a).GetType());
		Show("array of anon", new[] { a }.GetType());
		int k = 3;
		Func<int, int> add = x => x + k;
		Show("closure", add.Target.GetType());
		Func<int, int> neg = x => -x;
		Show("static lambda", neg.Target.GetType());
		Show("iterator", Count(2).GetType());
		Show("generic iterator", Twice("s").GetType());
		P(add.Method.Name + " " + neg.Method.Name + " " + add(1) + neg(2));
	}

	static List<T> ListOf<T>(T x) => new List<T> { x };
}
