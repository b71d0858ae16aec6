// Names compilers make with '<' and '>' in them (anonymous types, closure
// and iterator classes) keep them in Type.Name, FullName and ToString:
// only a generic instance's argument list becomes [...]. The numbers the
// compiler gives them are masked so that the test runs in a bundle.
using System;
using System.Collections.Generic;

class RefAnonNames {
	static string Mask(string s)
	{
		string r = s;
		foreach (string key in new[] { "AnonType", "Storey", "Iterator" }) {
			int at = 0;
			while ((at = r.IndexOf(key, at)) >= 0) {
				at += key.Length;
				int end = at;
				while (end < r.Length && char.IsDigit(r[end]))
					end++;
				r = r.Substring(0, at) + "N" + r.Substring(end);
			}
		}
		return r;
	}

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

	static void Show(string what, Type t)
	{
		Console.WriteLine(what + ": " + Mask(t.Name) + " | " + Mask(t.ToString()));
	}

	static void Main()
	{
		var a = new { X = 1, Y = "s" };
		Show("anon", a.GetType());
		Console.WriteLine("full: " + Mask(a.GetType().FullName).Split('[')[0]);
		Console.WriteLine("value: " + a);
		var nested = new { Name = "x", Inner = new { Ok = true } };
		Show("inner", nested.Inner.GetType());
		Console.WriteLine("nested value: " + nested);
		var typed = new[] { a }.ToListOf();
		Show("list of anon", typed.GetType());
		Show("array of anon", new[] { a }.GetType());
		int k = 3;
		Func<int, int> add = x => x + k;
		Console.WriteLine("closure: " + Mask(add.Target.GetType().Name) + " " + add(1));
		Console.WriteLine("iterator: " + Mask(Count(2).GetType().Name));
		Console.WriteLine("generic iterator: " + Mask(Twice("s").GetType().Name));
		Console.WriteLine("lambda: " + add.Method.Name.StartsWith("<Main>"));
	}
}

static class ListOfExt {
	public static List<T> ToListOf<T>(this T[] items)
	{
		return new List<T>(items);
	}
}
