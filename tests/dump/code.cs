// Method bodies: every C# statement form that yields distinct IL, exception
// handlers of each kind C# emits, checked arithmetic, delegates, unsafe code.
using System;
using System.Collections.Generic;

public static class Code {
	public static int Switch(int x) {
		switch (x) {
		case 0: return 10;
		case 1: return 11;
		case 2: return 12;
		case 5: return 15;
		default: return -1;
		}
	}

	public static string StringSwitch(string s) {
		switch (s) {
		case "a": return "A"; case "b": return "B"; case "c": return "C";
		case "d": return "D"; case "e": return "E"; case "f": return "F";
		case "g": return "G"; default: return "?";
		}
	}

	public static int Handlers(int[] a, int i) {
		int r = 0;
		try {
			try { r = a[i] / (i - 1); }
			catch (IndexOutOfRangeException) { r = -1; }
			catch (DivideByZeroException e) when (e.Message != null) { r = -2; }
			finally { r += 100; }
		} catch {
			r = -3;
		}
		using (var e = ((IEnumerable<int>)a).GetEnumerator())
			while (e.MoveNext()) r += e.Current;
		lock (a) { r++; }
		return r;
	}

	public static long Arith(long a, int b, uint c, double d, float f) {
		long x = checked(a * b + c);
		ulong y = unchecked((ulong)a >> 3) ^ (ulong)(b << 2) % 7;
		x += (long)d + (long)f;
		x -= (sbyte)b + (short)b + (byte)b + (ushort)b + (char)b;
		x = checked((int)x + (uint)c);
		return x + (long)y - (b > 0 ? 1 : 0) + (a < c ? 1 : 0) + (-b) + (~b);
	}

	public static double Floats(double x, float y) {
		return Math.Sqrt(x) + y * 1.1f + x / 0.0 + 1e300 * 1e10 + double.NaN + (float)x;
	}

	public static unsafe int Pointers(int n) {
		int* p = stackalloc int[n];
		for (int i = 0; i < n; i++) p[i] = i * i;
		fixed (char* s = "hello") { p[0] += s[1]; }
		return p[n - 1] + sizeof(Guid);
	}

	public static Func<int, int> Closure(int k) {
		Func<int, int> f = x => x + k;
		Action a = Console.WriteLine;
		f += x => x * 2;
		return f;
	}

	public static IEnumerable<T> Iterate<T>(T[] items) where T : IComparable<T> {
		foreach (var t in items)
			if (t.CompareTo(default(T)) > 0)
				yield return t;
	}

	public static object Objects(object o) {
		int[,] grid = new int[3, 4];
		grid[1, 2] = 5;
		int[][] jag = new int[2][];
		var s = o as string;
		var boxed = (object)grid[1, 2];
		var t = typeof(Dictionary<,>);
		int? maybe = o is int ? (int?)(int)o : null;
		var list = new List<KeyValuePair<string, int>> { new KeyValuePair<string, int>("a", 1) };
		return s ?? (object)maybe ?? boxed ?? t ?? (object)jag ?? list;
	}

	public static void Main() {
		Console.WriteLine(Switch(2));
	}
}
