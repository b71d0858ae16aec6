// Span<T>, ReadOnlySpan<T>, stackalloc into spans, ref struct, in
// parameters, ref locals and returns, readonly struct, Index and Range
// (^1, a..b) on arrays, strings and spans.
using System;
using static Out;

readonly struct Vec
{
	public readonly double X, Y;
	public Vec(double x, double y) { X = x; Y = y; }
	public static double Dot(in Vec a, in Vec b) => a.X * b.X + a.Y * b.Y;
}

ref struct Cursor
{
	Span<int> data;
	int pos;
	public Cursor(Span<int> data) { this.data = data; pos = 0; }
	public bool Next(out int v)
	{
		if (pos == data.Length) { v = 0; return false; }
		v = data[pos++];
		return true;
	}
	public ref int Last => ref data[data.Length - 1];
}

static class Spans
{
	static int Sum(ReadOnlySpan<int> xs)
	{
		int s = 0;
		foreach (int x in xs)
			s += x;
		return s;
	}

	static ref int Largest(int[] xs)
	{
		int best = 0;
		for (int i = 1; i < xs.Length; i++)
			if (xs[i] > xs[best])
				best = i;
		return ref xs[best];
	}

	static int Main()
	{
		Span<int> buf = stackalloc int[8];
		for (int i = 0; i < buf.Length; i++)
			buf[i] = i * i;
		L("sum", Sum(buf));
		L("slice sum", Sum(buf.Slice(2, 3)));
		L("range sum", Sum(buf[5..]));
		L("last", buf[^1]);

		var cur = new Cursor(buf[..4]);
		int total = 0;
		while (cur.Next(out int v))
			total += v;
		L("cursor", total);
		cur.Last = 100;
		L("through ref", buf[3]);

		int[] arr = { 5, 9, 2, 7 };
		ref int big = ref Largest(arr);
		big = -1;
		L("largest set", arr[1]);
		int[] mid = arr[1..^1];
		L("array range", mid.Length * 100 + mid[0] * 10 + mid[1]);
		Index fromEnd = ^2;
		Range r = 1..3;
		L("index", arr[fromEnd]);
		L("range", r.ToString());

		string text = "hello, world";
		L(text[7..]);
		L(text[..5]);
		ReadOnlySpan<char> chars = text.AsSpan(7, 5);
		L("chars", chars.Length);
		L("span equals", chars.SequenceEqual("world".AsSpan()));

		var a = new Vec(1, 2);
		var b = new Vec(3, 4);
		L("dot", Vec.Dot(in a, b));

		Span<byte> bytes = stackalloc byte[] { 1, 2, 3, 4 };
		bytes.Reverse();
		L("reversed", bytes[0] * 1000 + bytes[1] * 100 + bytes[2] * 10 + bytes[3]);
		bytes.Fill(7);
		L("filled", bytes[2]);
		return buf[2];
	}
}
