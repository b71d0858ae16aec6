// Enums: underlying types of every size and sign, explicit values, casts in
// both directions, out-of-range values, [Flags] arithmetic, enums in
// switches, as fields, array elements and generic arguments, boxing and
// unboxing to the underlying type, EqualityComparer<E>.Default of each
// size (Mono reads the enum as int or long with Array.UnsafeMov), and
// Enum.GetHashCode (the underlying type's).
using System;
using System.Collections.Generic;

enum Color { Red, Green = 5, Blue, Black = -1 }
enum Tiny : byte { A = 1, B = 200, Max = 255 }
enum Signed : sbyte { Low = -128, Mid = 0, High = 127 }
enum Wide : long { Small = 1, Huge = 0x7000000000000000 }
enum UWide : ulong { Top = 0xFFFFFFFFFFFFFFFF }
enum Short : short { Neg = -300 }
enum UShort : ushort { Big = 60000 }

[Flags]
enum Perm : uint { None = 0, Read = 1, Write = 2, Exec = 4, All = Read | Write | Exec, High = 0x80000000 }

class Pixel {
	public Color color;
	public Tiny level = Tiny.B;
}

static class Enums {
	static string Name(Color c)
	{
		switch (c) {
		case Color.Red: return "red";
		case Color.Green: return "green";
		case Color.Blue: return "blue";
		case Color.Black: return "black";
		default: return "other";
		}
	}

	static T Pick<T>(T[] a, int i) { return a[i]; }
	static bool Same<T>(T a, T b) where T : struct { return a.Equals(b); }

	static int Main()
	{
		Color[] cs = { Color.Red, Color.Green, Color.Blue, Color.Black, (Color)42 };
		foreach (Color c in cs) {
			Out.S(Name(c)); Out.S(" "); Out.I((int)c); Out.L();
		}
		Out.L("Blue+1", (int)(Color.Blue + 1));
		Out.L("Blue-Green", Color.Blue - Color.Green);
		Color c2 = Color.Red;
		c2++;
		Out.L("Red++", (int)c2);
		Out.L("lt", Color.Black < Color.Red);

		Tiny t = Tiny.Max;
		t++;
		Out.L("Tiny wrap", (int)t);
		Out.L("Tiny B", (byte)Tiny.B);
		Out.L("Signed Low", (sbyte)Signed.Low);
		Signed s = Signed.High;
		s++;
		Out.L("Signed wrap", (int)s);
		Out.L("Wide", (long)Wide.Huge);
		Out.L("UWide", unchecked((long)UWide.Top));
		Out.L("UWide>>60", (long)((ulong)UWide.Top >> 60));
		Out.L("Short", (short)Short.Neg);
		Out.L("UShort", (int)UShort.Big);
		Out.L("sizeof", sizeof(Tiny) + sizeof(Short) * 10 + sizeof(Wide) * 100);

		Perm p = Perm.Read | Perm.Exec;
		Out.L("flags", (long)p);
		Out.L("has Write", (p & Perm.Write) != 0);
		Out.L("has Exec", (p & Perm.Exec) == Perm.Exec);
		p |= Perm.Write;
		Out.L("All", p == Perm.All);
		p &= ~Perm.Read;
		Out.L("no read", (long)p);
		p ^= Perm.High;
		Out.L("high", (long)p);
		Out.L("none", (long)(p & Perm.None));

		Pixel px = new Pixel();
		Out.L("default field", (int)px.color);
		Out.L("init field", (int)px.level);
		Color[] arr = new Color[3];
		arr[2] = Color.Blue;
		Out.L("pick", (int)Pick(arr, 2));
		Out.L("same", Same(Color.Blue, arr[2]));
		Out.L("not same", Same(Color.Blue, Color.Green));

		object boxed = Color.Green;
		Out.L("is Color", boxed is Color);
		Out.L("is int", boxed is int);
		Out.L("unbox", (int)(Color)boxed);
		Out.L("unbox as int", (int)boxed);
		object five = 5;
		Out.L("unbox int as Color", (int)(Color)five);
		object bt = Tiny.A;
		Out.L("unbox Tiny as byte", (byte)bt);
		Out.L("enum Equals", boxed.Equals(Color.Green));
		Out.L("enum Equals int", boxed.Equals(5));
		Out.L("hash equal", boxed.GetHashCode() == Color.Green.GetHashCode());
		Out.L("is Enum", boxed is Enum);
		Out.L("is ValueType", boxed is ValueType);
		Out.L("comparer hash Short", EqualityComparer<Short>.Default.GetHashCode(Short.Neg));
		Out.L("comparer hash Signed", EqualityComparer<Signed>.Default.GetHashCode(Signed.Low));
		Out.L("comparer hash Tiny", EqualityComparer<Tiny>.Default.GetHashCode(Tiny.B));
		Out.L("comparer hash Wide", EqualityComparer<Wide>.Default.GetHashCode(Wide.Huge));
		Out.L("comparer hash UWide", EqualityComparer<UWide>.Default.GetHashCode(UWide.Top));
		Out.L("comparer equal Short", EqualityComparer<Short>.Default.Equals(Short.Neg, (Short)(-300)));
		// Enum.GetHashCode is the underlying type's (sbyte, short mix bits)
		Out.L("hash Signed", Signed.Low.GetHashCode());
		Out.L("hash Signed High", Signed.High.GetHashCode());
		Out.L("hash Signed comparer", EqualityComparer<Signed>.Default.GetHashCode(Signed.Low));
		Out.L("hash Short", Short.Neg.GetHashCode());
		Out.L("hash short", ((short)Short.Neg).GetHashCode());
		Out.L("hash Short comparer", EqualityComparer<Short>.Default.GetHashCode(Short.Neg));
		Out.L("hash UShort", UShort.Big.GetHashCode());
		Out.L("hash Tiny", Tiny.B.GetHashCode());
		return (int)Color.Blue;
	}
}
