// A library for C programs: numbers, a struct, a string, collections and
// LINQ, and a C function pointer called back.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Runtime.InteropServices;

public struct Point { public int X; public int Y; }

public delegate int IntOp(int x);

public static unsafe class MyLib {
	static int calls;
	static readonly Dictionary<string, int> table = new Dictionary<string, int> { { "one", 1 } };

	[UnmanagedCallersOnly(EntryPoint = "mylib_add")]
	public static int Add(int a, int b) { calls++; return a + b; }

	[UnmanagedCallersOnly(EntryPoint = "mylib_scale")]
	public static Point Scale(Point p, double f) { return new Point { X = (int)(p.X * f), Y = (int)(p.Y * f) }; }

	[UnmanagedCallersOnly(EntryPoint = "mylib_upper")]
	public static byte* Upper(byte* s) {
		string str = Marshal.PtrToStringAnsi((IntPtr)s);
		return (byte*)Marshal.StringToHGlobalAnsi(str.ToUpperInvariant());
	}

	[UnmanagedCallersOnly(EntryPoint = "mylib_sum_squares")]
	public static long SumSquares(int n) {
		var l = new List<int>();
		for (int i = 1; i <= n; i++) l.Add(i);
		return l.Where(x => x % 2 == 1).Select(x => (long)x * x).Sum() + table["one"] - 1;
	}

	[UnmanagedCallersOnly(EntryPoint = "mylib_apply")]
	public static int Apply(IntPtr fn, int x) {
		IntOp op = Marshal.GetDelegateForFunctionPointer<IntOp>(fn);
		return op(x) + op(x + 1);
	}
}
