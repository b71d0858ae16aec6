// EqualityComparer<T>.Default and Comparer<T>.Default called at once
// (`Default.Equals(a, b)`): the call goes straight to the comparer class
// chosen at build time, even where other comparers for the same T exist
// (here, ones that say the opposite), for classes, structs, nullables,
// enums and bytes.
using System;
using System.Collections.Generic;

struct Pt : IEquatable<Pt> {
	public int X, Y;
	public bool Equals(Pt o) { return X == o.X && Y == o.Y; }
	public override int GetHashCode() { return X * 31 + Y; }
}

enum Color { Red, Green }

class Always : EqualityComparer<string> {
	public override bool Equals(string a, string b) { return true; }
	public override int GetHashCode(string s) { return 7; }
}

class Reverse : Comparer<int> {
	public override int Compare(int a, int b) { return b.CompareTo(a); }
}

class ObjDefaultComparer {
	static bool Same<T>(T a, T b) { return EqualityComparer<T>.Default.Equals(a, b); }

	static void Main()
	{
		EqualityComparer<string> other = new Always();
		Comparer<int> rev = new Reverse();
		Out.L("other says", other.Equals("a", "b"));
		Out.L("reverse says", rev.Compare(1, 2));
		Out.L("string", EqualityComparer<string>.Default.Equals("a", "b"));
		Out.L("string same", EqualityComparer<string>.Default.Equals("ab", "a" + "b"));
		Out.L("string null", EqualityComparer<string>.Default.Equals(null, "a"));
		Out.L("string hash equal", EqualityComparer<string>.Default.GetHashCode("xy") == "xy".GetHashCode());
		Out.L("point", Same(new Pt { X = 1, Y = 2 }, new Pt { X = 1, Y = 2 }));
		Out.L("point differs", Same(new Pt { X = 1 }, new Pt { X = 2 }));
		Out.L("nullable", Same<int?>(null, 3));
		Out.L("nullable same", Same<int?>(3, 3));
		Out.L("enum", Same(Color.Red, Color.Green));
		Out.L("byte", Same<byte>(4, 4));
		Out.L("object", Same<object>("s", "s"));
		Out.L("compare", Comparer<int>.Default.Compare(1, 2));
		Out.L("compare strings", Comparer<string>.Default.Compare("b", "a"));
		Out.L("compare nullable", Comparer<int?>.Default.Compare(null, 1));
	}
}
