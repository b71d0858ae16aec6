// `x == null` and `x != null` on a generic T: IL boxes x and tests the box.
// For a value type the box is never null, for an empty Nullable it is;
// ilcc does not make the box there. Also a test whose branch is entered
// from two places, and the box kept when it is used.
using System;

struct P { public int X; public override string ToString() { return "P" + X; } }

static class BoxNullTest {
	static bool IsNull<T>(T x) { return x == null; }
	static string Describe<T>(T x) { if (x != null) return "set " + x; return "null"; }
	static int Count<T>(T[] xs) { int n = 0; foreach (T x in xs) if (x != null) n++; return n; }
	static string Either<T>(T x, bool b) { object o = b ? (object)x : null; return o != null ? "obj " + o : "none"; }
	static object Keep<T>(T x) { object o = x; return o ?? "was null"; }

	static void Main()
	{
		Console.WriteLine(IsNull(1) + " " + IsNull<string>(null) + " " + IsNull("a"));
		Console.WriteLine(IsNull<int?>(null) + " " + IsNull<int?>(5) + " " + IsNull(new P()));
		Console.WriteLine(Describe(3) + ", " + Describe<int?>(null) + ", " + Describe<int?>(7)
			+ ", " + Describe(new P { X = 2 }) + ", " + Describe<string>(null));
		Console.WriteLine(Count(new[] { 1, 2, 3 }) + " " + Count(new int?[] { 1, null, 3, null })
			+ " " + Count(new[] { "a", null }));
		Console.WriteLine(Either(4, true) + " " + Either(4, false) + " " + Either<int?>(null, true));
		Console.WriteLine(Keep(9) + " " + Keep<int?>(null) + " " + Keep<int?>(8));
	}
}
