// ilcc: --mcs
// Mono's mcs as the front end (no .NET SDK needed): C# 7 tuples,
// `is` patterns, expression bodies, out variables (mcs has no local
// functions); a library of its own (mcs.lib.cs) through -r, whose
// Assembly.GetExecutingAssembly() is its own.
using System;
using static Out;

static class McsTest
{
	static (int q, int r) DivMod(int a, int b) => (a / b, a % b);

	static int Main()
	{
		var (q, r) = DivMod(17, 5);
		L("divmod", q * 10 + r);
		Func<int, int> twice = v => 2 * v;
		L("lambda", twice(21));
		object o = "text";
		if (o is string s && s.Length == 4)
			L("pattern " + s);
		if (int.TryParse("123", out var n))
			L("out var", n);
		L(Greeter.Greet("library"));
		L(Greeter.Home() + " " + System.Reflection.Assembly.GetExecutingAssembly().GetName().Name);
		return q;
	}
}
