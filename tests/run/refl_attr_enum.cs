// An attribute whose object-typed field holds an enum nested in a generic
// class: the blob names the enum as a generic instance
// ("C`1+E[[System.Int32, mscorlib, ...]]"); its size comes from the
// definition (mono/tests bug-60843). A single value and an array of them.
using System;

class A : Attribute
{
	public object X;
}

public class C<T>
{
	[A(X = C<int>.E.V)]
	public enum E { U, V }

	[A(X = new[] { C<int>.E2.A, C<int>.E2.B })]
	public enum E2 { A, B }
}

class P
{
	static object Get(Type t)
	{
		var cas = t.GetCustomAttributes(false);
		Console.WriteLine(cas.Length + " " + (cas[0] is A));
		return ((A)cas[0]).X;
	}

	static void Main()
	{
		var x = (C<int>.E)Get(typeof(C<>.E));
		Console.WriteLine(x == C<int>.E.V);
		var y = (C<int>.E2[])Get(typeof(C<>.E2));
		Console.WriteLine(y.Length + " " + y[0] + " " + y[1]);
	}
}
