// Enum.ToString() through a constrained call on an enum known at build
// time: a plain enum's name comes from its descriptor (il2c_calls.c
// enum_to_string); [Flags] enums and enums naming one value twice take
// Mono's own code. Undefined values print as numbers.
using System;

static class EnumNames {
	enum Color { Red, Green = 5, Blue = -3 }
	enum Small : byte { A = 1, B = 200 }
	enum Tiny : sbyte { Low = -128, High = 127 }
	enum Big : long { X = 1L << 40, Y = -1 }
	enum UBig : ulong { Z = ulong.MaxValue, W = 1UL << 63 }
	enum Empty { }
	[Flags] enum F { None = 0, One = 1, Two = 2, Four = 4 }
	enum Dup { P = 1, Q = 1, R = 2 }
	enum Names { \u00e9t\u00e9 = 1, Ω = 2 }

	static void Line(string s) { Out.S(s); Out.L(); }

	static string Name<T>(T v) where T : struct => v.ToString();

	static int Main()
	{
		Line(Name(Color.Red) + " " + Name(Color.Green) + " " + Name(Color.Blue));
		Line(Name((Color)7) + " " + Name((Color)(-9)) + " " + Name((Color)int.MinValue));
		Line(Name(Small.B) + " " + Name((Small)7) + " " + Name((Small)255));
		Line(Name(Tiny.Low) + " " + Name(Tiny.High) + " " + Name((Tiny)(-1)));
		Line(Name(Big.X) + " " + Name(Big.Y) + " " + Name((Big)long.MinValue));
		Line(Name(UBig.Z) + " " + Name(UBig.W) + " " + Name((UBig)5));
		Line(Name((Empty)0) + " " + Name((Empty)3));
		Line(Name(F.One | F.Four) + " / " + Name(F.None) + " / " + Name((F)8));
		Line(Name(Dup.R) + " " + Name((Dup)3));
		Line(Name(Names.été) + " " + Name(Names.Ω));
		Color c = Color.Green;
		Line(c.ToString() + " " + ((object)c).ToString());
		return 0;
	}
}
