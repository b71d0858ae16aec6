// Bounds checks that read an array's length from a C local (il2c keeps
// one beside each array variable) must still throw where the index is out
// of range: one past the end, after the variable is reassigned inside the
// loop (local and argument), an array read before its variable changes
// while it waits on the stack, a null array, a choice between arrays of
// different lengths, and huge lengths (OutOfMemoryException, as in Mono).
// Division by constants: no exception for 2, 3 or -1 (but for MinValue by
// -1), and a divisor chosen between two constants is still tested.
// Counted loops `for (k = ...; k < bound; k++)` (il2c_loops.c: the check
// against the length is dropped from a copy of the loop when bound <=
// length): a bound past the end still throws at the first index past it,
// after the iterations before it ran; a negative start, a constant bound,
// another array's length, a bound or counter changed in the body,
// `continue`, and nested loops over a jagged array with one short row.
// The loop's rules (audit of issue 15): a bound that is a local lowered in
// the body, a counter or a bound changed through a `ref` (their address
// taken), an element's address (ldelema) taken in the loop, an array
// variable changed through its address (Array.Resize); and the
// remainder by the constant -1 (MinValue % -1) is still tested.
using System;

class ArrBounds {
	static int[] Make(int n)
	{
		var a = new int[n];
		for (int i = 0; i < a.Length; i++)
			a[i] = i + 1;
		return a;
	}

	static void Try(string what, Func<long> f)
	{
		try {
			Out.L(what, f());
		} catch (Exception e) {
			Out.L(what, e.GetType().Name);
		}
	}

	static long SumUpTo(int[] a, int last)
	{
		long s = 0;
		for (int i = 0; i <= last; i++)
			s += a[i];
		return s;
	}

	static long ShrinkLocal()
	{
		int[] a = Make(5);
		long s = 0;
		for (int i = 0; i < 5; i++) {
			s += a[i];
			if (i == 1)
				a = Make(2);
		}
		return s;
	}

	static long ShrinkArg(int[] a)
	{
		long s = 0;
		for (int i = 0; i < a.Length; i++) {
			if (i == 2)
				a = Make(2);
			s += a[i];
		}
		return s;
	}

	// the old array is indexed after `a` gets the short one
	static long OnStack()
	{
		int[] a = Make(6), small = Make(1);
		return a[(a = small)[0] + 3] * 10 + a.Length;
	}

	static long NullLength()
	{
		int[] a = null;
		if (Environment.TickCount == 12345)
			a = Make(1);
		long s = 0;
		for (int i = 0; i < a.Length; i++)
			s += a[i];
		return s;
	}

	static long Choose(bool c, int i)
	{
		int[] a = Make(3), b = Make(8);
		return (c ? a : b)[i];
	}

	static long Huge()
	{
		long n = 3000000000L;
		return new byte[n].LongLength;
	}

	static long Sum(int[] a)
	{
		long s = 0;
		for (int i = 0; i < a.Length; i++)
			s += a[i];
		return s;
	}

	static int ran;

	static long UpTo(int[] a, int from, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = from; k < n; k++) {
			s += a[k];
			ran++;
		}
		return s;
	}

	static long UpToConst(int[] a)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < 12; k++) {
			s += a[k];
			ran++;
		}
		return s;
	}

	static long BoundGrows(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			if (k == 1)
				n = 20;
			s += a[k];
			ran++;
		}
		return s;
	}

	// the bound drops below the length after the test let k past it
	static long BoundShrinks(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			if (k == a.Length)
				n = 5;
			s += a[k];
			ran++;
		}
		return s;
	}

	// the counter jumps past the length inside the body
	static long CounterJumps(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			if (k == 8)
				k = 10;
			s += a[k];
			ran++;
		}
		return s;
	}

	// a loop to one array's length indexing another
	static long Copy(int[] src, int[] dst)
	{
		ran = 0;
		for (int i = 0; i < src.Length; i++) {
			dst[i] = src[i] * 3;
			ran++;
		}
		long s = 0;
		for (int i = 0; i < dst.Length; i++)
			s += dst[i];
		return s;
	}

	static long SkipOdd(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			if ((k & 1) != 0)
				continue;
			a[k] = a[k] * 2;
			s += a[k];
			ran++;
		}
		return s;
	}

	// the bound is a local, lowered once the test let k reach the length
	static long LocalBoundShrinks(int[] a)
	{
		long s = 0;
		int n = a.Length + 5;
		ran = 0;
		for (int k = 0; k < n; k++) {
			if (k == a.Length)
				n = 5;
			s += a[k];
			ran++;
		}
		return s;
	}

	static void Skip(ref int k)
	{
		if (k == 8)
			k = 10;
	}

	// the counter moves past the length through its address
	static long CounterByRef(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			Skip(ref k);
			s += a[k];
			ran++;
		}
		return s;
	}

	static void Lower(ref int n, int k, int len)
	{
		if (k == len)
			n = 5;
	}

	// the bound drops below the length through its address
	static long BoundByRef(int[] a, int n)
	{
		long s = 0;
		ran = 0;
		for (int k = 0; k < n; k++) {
			Lower(ref n, k, a.Length);
			s += a[k];
			ran++;
		}
		return s;
	}

	// the array's variable changes through its address (Array.Resize)
	static long Resized()
	{
		int[] a = Make(10);
		long s = 0;
		ran = 0;
		for (int i = 0; i < 10; i++) {
			if (i == 3)
				Array.Resize(ref a, 4);
			s += a[i];
			ran++;
		}
		return s;
	}

	static void Double(ref int x)
	{
		x *= 2;
	}

	// ldelema in a counted loop: the element's address is checked too
	static long RefElements(int[] a, int n)
	{
		ran = 0;
		for (int k = 0; k < n; k++) {
			Double(ref a[k]);
			ran++;
		}
		long s = 0;
		for (int k = 0; k < a.Length; k++)
			s += a[k];
		return s;
	}

	static long Jagged(int n, int shortRow)
	{
		var m = new int[n][];
		for (int i = 0; i < n; i++) {
			m[i] = new int[i == shortRow ? n - 1 : n];
			for (int j = 0; j < m[i].Length; j++)
				m[i][j] = i * n + j;
		}
		long s = 0;
		ran = 0;
		for (int i = 0; i < n; i++) {
			int[] row = m[i];
			for (int j = 0; j < n; j++) {
				s += row[j];
				ran++;
			}
		}
		return s;
	}

	static void TryRan(string what, Func<long> f)
	{
		Try(what, f);
		Out.L(what + " ran", ran);
	}

	static int Half(int x) { return x / 2; }
	static int Div(int x, bool c) { return x / (c ? 3 : 0); }

	static void Main()
	{
		int[] a = Make(10);
		Try("sum", () => Sum(a));
		Try("to last", () => SumUpTo(a, 9));
		Try("one past", () => SumUpTo(a, 10));
		Try("negative", () => a[-1 + a.Length - a.Length]);
		Try("shrink local", ShrinkLocal);
		Try("shrink arg", () => ShrinkArg(Make(4)));
		Try("on stack", OnStack);
		Try("null length", NullLength);
		Try("choose short", () => Choose(true, 5));
		Try("choose long", () => Choose(false, 5));
		Try("huge", Huge);
		Try("half", () => Half(-7) + Half(9));
		Try("rem 3", () => { int x = -10; return x % 3; });
		Try("by -1", () => { int x = 7; return x / -1; });
		Try("min by -1", () => { int x = int.MinValue; return x / -1; });
		Try("long min by -1", () => { long x = long.MinValue; return x / -1L; });
		Try("long by 2", () => { long x = long.MinValue; return x / 2L; });
		Try("unsigned by 2", () => { uint x = 0xFFFFFFFF; return x / 2u; });
		Try("unsigned by max", () => { uint x = 0xFFFFFFFF, y = 0xFFFFFFFE; return x / 0xFFFFFFFFu * 10 + y / 0xFFFFFFFFu; });
		Try("rem -1", () => { int x = 7; return x % -1; });
		Try("min rem -1", () => { int x = int.MinValue; return x % -1; });
		Try("long min rem -1", () => { long x = long.MinValue; return x % -1L; });
		Try("choice 3", () => Div(10, true));
		Try("choice 0", () => Div(10, false));
		TryRan("loop to length", () => UpTo(a, 0, 10));
		TryRan("loop short", () => UpTo(a, 3, 7));
		TryRan("loop past end", () => UpTo(a, 0, 11));
		TryRan("loop from -1", () => UpTo(a, -1, 5));
		TryRan("loop empty", () => UpTo(a, 12, 11));
		TryRan("loop const bound", () => UpToConst(a));
		TryRan("loop bound grows", () => BoundGrows(a, 5));
		TryRan("loop bound shrinks", () => BoundShrinks(a, 15));
		TryRan("loop counter jumps", () => CounterJumps(a, 9));
		TryRan("copy", () => Copy(Make(6), new int[6]));
		TryRan("copy to longer", () => Copy(Make(6), new int[9]));
		TryRan("copy to shorter", () => Copy(Make(6), new int[4]));
		TryRan("loop continue", () => SkipOdd(Make(10), 10));
		TryRan("loop continue past", () => SkipOdd(Make(10), 13));
		TryRan("local bound shrinks", () => LocalBoundShrinks(Make(10)));
		TryRan("counter by ref", () => CounterByRef(a, 9));
		TryRan("bound by ref", () => BoundByRef(a, 15));
		TryRan("resized", Resized);
		TryRan("ref elements", () => RefElements(Make(10), 10));
		TryRan("ref elements past", () => RefElements(Make(10), 11));
		TryRan("jagged", () => Jagged(6, -1));
		TryRan("jagged short row", () => Jagged(6, 4));
	}
}
