// ilcc-expected: by hand (Mono 6.8 cannot load the types: "Method must not
// be static to override a base type"; ilcc calls the implementation of the
// type each generic is specialised for).
// Static abstract and static virtual interface members (C# 11): properties,
// methods, operators, a default static body, through generic methods.
using static Out;

interface IMonoid<T> where T : IMonoid<T>
{
	static abstract T Zero { get; }
	static abstract T operator +(T a, T b);
	static virtual string Name => "monoid";
}

readonly struct Count(int n) : IMonoid<Count>
{
	public int N => n;
	public static Count Zero => new(0);
	public static Count operator +(Count a, Count b) => new(a.N + b.N);
}

sealed class Text(string s) : IMonoid<Text>
{
	public string S => s;
	public static Text Zero => new("");
	public static Text operator +(Text a, Text b) => new(a.S + b.S);
	public static string Name => "text";
}

static class StaticAbstract
{
	static T Sum<T>(T[] xs) where T : IMonoid<T>
	{
		T acc = T.Zero;
		foreach (var x in xs)
			acc += x;
		return acc;
	}

	static string NameOf<T>() where T : IMonoid<T> => T.Name;

	static int Main()
	{
		L("count", Sum(new[] { new Count(2), new Count(3), new Count(4) }).N);
		L("text " + Sum(new[] { new Text("a"), new Text("b"), new Text("c") }).S);
		L("names " + NameOf<Count>() + " " + NameOf<Text>());
		return Sum(new Count[0]).N;
	}
}
