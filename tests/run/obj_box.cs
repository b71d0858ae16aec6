// Boxing and unboxing: primitives and structs to object, unboxing to the
// exact type (and the InvalidCastException when it is not), identity of
// boxes, and Nullable<T>: HasValue, Value, GetValueOrDefault, lifted
// operators, boxing a null Nullable to a null reference, unboxing to T?.
// An interface method called on a fresh box (devirtualised: the struct's
// own method gets the value inside the box, not the box).
using System;
using System.Globalization;

struct Pair { public int a, b; public Pair(int a, int b) { this.a = a; this.b = b; } }

static class Boxing {
	static object Box<T>(T v) { return v; }
	static int? Half(int x) { if (x % 2 != 0) return null; return x / 2; }
	static string Desc(int? v) { return v.HasValue ? "has" : "null"; }

	static int Main()
	{
		int n = 7;
		object o = n;
		n = 8;
		Out.L("boxed copy", (int)o);
		object o2 = o;
		Out.L("same box", ReferenceEquals(o, o2));
		Out.L("new box", ReferenceEquals(o, (object)7));
		Out.L("is int", o is int);
		Out.L("is long", o is long);
		Out.L("is ValueType", o is ValueType);
		try {
			long l = (long)o;
			Out.L("unboxed as long", l);
		} catch (InvalidCastException) {
			Out.L("unbox int as long: InvalidCastException");
		}
		try {
			object nul = null;
			int x = (int)nul;
			Out.L("unboxed null", x);
		} catch (NullReferenceException) {
			Out.L("unbox null: NullReferenceException");
		}
		object d = 2.5, c = 'z', b = true, by = (byte)250, u = 4000000000u;
		Out.L("double", (double)d);
		Out.L("char", (char)c);
		Out.L("bool", (bool)b);
		Out.L("byte", (byte)by);
		Out.L("uint", (uint)u);
		object pr = new Pair(3, 4);
		Pair pp = (Pair)pr;
		pp.a = 30;
		Out.L("pair box kept", ((Pair)pr).a);
		Out.L("pair copy", pp.a + pp.b);
		Out.L("generic box", (int)Box(12) + (short)Box<short>(3));
		Out.L("generic box ref", ReferenceEquals(Box("s"), "s"));

		int? a = 5, none = null;
		Out.L("HasValue", a.HasValue);
		Out.L("none HasValue", none.HasValue);
		Out.L("Value", a.Value);
		Out.L("GetValueOrDefault", none.GetValueOrDefault());
		Out.L("GetValueOrDefault(9)", none.GetValueOrDefault(9));
		Out.L("??", none ?? -1);
		int? sum = a + none;
		Out.L("lifted add null", sum.HasValue);
		int? prod = a * 3;
		Out.L("lifted mul", prod.Value);
		Out.L("lifted eq", a == 5);
		Out.L("lifted null eq", none == null);
		Out.L("lifted lt", none < 3);
		Out.L(Desc(Half(10)) + " " + Desc(Half(3)));
		try {
			int bad = none.Value;
			Out.L("no exception", bad);
		} catch (InvalidOperationException) {
			Out.L("Value of null: InvalidOperationException");
		}

		object boxedA = a;
		object boxedNone = none;
		Out.L("boxed nullable is int", boxedA is int);
		Out.L("boxed null is null", boxedNone == null);
		Out.L("unbox to int", (int)boxedA);
		int? back = (int?)boxedA;
		Out.L("unbox to int?", back.Value);
		int? backNull = (int?)boxedNone;
		Out.L("unbox null to int?", backNull.HasValue);
		object plain = 11;
		int? fromPlain = plain as int?;
		Out.L("as int?", fromPlain.Value);
		int? fromStr = (object)"x" as int?;
		Out.L("as int? fail", fromStr.HasValue);
		Pair? np = new Pair(1, 2);
		object bp = np;
		Out.L("nullable struct box", ((Pair)bp).b);
		Pair? nn = null;
		Out.L("nullable struct null", (object)nn == null);
		double? dd = 1.25;
		dd *= 2;
		Out.L("double?", dd.Value);
		Out.L("E? from a boxed int", UnboxNullable<Color>(1));
		Out.L("int? from a boxed enum", UnboxNullable<int>(Color.Blue));
		Out.L("E? from a boxed E", UnboxNullable<Color>(Color.Blue));
		Out.L("uint? from a boxed int", UnboxNullable<uint>(1));
		Out.L("IFormattable on a box", ((IFormattable)3.5).ToString("F3", CultureInfo.InvariantCulture));
		Out.L("IComparable on a box", ((IComparable)2.5).CompareTo(2.5));
		Out.L("IFormattable on a struct box", ((IFormattable)new Money(12.5m)).ToString("S", null));
		return (int)boxedA + (back ?? 0);
	}

	struct Money : IFormattable {
		decimal amount;
		public Money(decimal a) { amount = a; }
		public string ToString(string f, IFormatProvider p) { return f + ":" + amount; }
	}

	enum Color { Red, Blue }

	static string UnboxNullable<T>(object o) where T : struct
	{
		try {
			return "ok " + (T?)o;
		} catch (InvalidCastException) {
			return "InvalidCastException";
		}
	}
}
