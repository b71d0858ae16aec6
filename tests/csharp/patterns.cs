// Switch expressions; type, property, positional, relational, logical and
// list patterns; tuples and deconstruction; local functions (static ones
// too); static lambdas; raw string literals; interpolated strings with
// alignment and formats; using declarations.
using System;
using System.Collections.Generic;
using System.Linq;
using static Out;

static class Patterns
{
	record Pt(int X, int Y);

	static string Classify(object o) => o switch
	{
		null => "null",
		int n when n < 0 => "negative int",
		int and (0 or 1) => "bit",
		int n and >= 2 and < 100 => $"small int {n}",
		int => "big int",
		string { Length: 0 } => "empty string",
		string { Length: var len } s => $"string of {len}: {s}",
		Pt(0, 0) => "origin",
		Pt { X: > 0, Y: > 0 } => "first quadrant",
		Pt(var x, _) => $"point with x={x}",
		int[] and [] => "empty array",
		int[] and [var only] => $"one element {only}",
		int[] and [var first, .., var last] => $"array {first}..{last}",
		not IComparable => "not comparable",
		_ => "something else",
	};

	static (int Min, int Max, double Mean) Stats(IReadOnlyList<int> xs)
	{
		int min = int.MaxValue, max = int.MinValue, sum = 0;
		foreach (var x in xs) {
			(min, max) = (Math.Min(min, x), Math.Max(max, x));
			sum += x;
		}
		return (min, max, (double)sum / xs.Count);
	}

	sealed class Tracker : IDisposable
	{
		readonly string name;
		public Tracker(string name) { this.name = name; L("open " + name); }
		public void Dispose() => L("close " + name);
	}

	static int UsingDeclarations()
	{
		using var a = new Tracker("a");
		using var b = new Tracker("b");
		L("body");
		return 7;
	}

	static int Main()
	{
		object[] things = { null, -5, 1, 42, 1000, "", "hey", new Pt(0, 0), new Pt(2, 3),
			new Pt(-1, 4), new int[0], new int[] { 9 }, new int[] { 1, 2, 3 }, new object(), 2.5 };
		foreach (var t in things)
			L(Classify(t));

		var (min, max, mean) = Stats(new[] { 4, 8, 15, 16, 23, 42 });
		L($"min={min} max={max} mean={mean:F2}");
		var pair = (Name: "x", Value: 3);
		L($"{pair.Name}={pair.Value} {pair}");
		var swapped = (pair.Value, pair.Name);
		L(swapped.ToString());
		L("tuple equality", (1, "a") == (1, "a"));

		int counter = 0;
		void Bump(int by) => counter += by;
		static int Square(int v) => v * v;
		Bump(2); Bump(Square(3));
		L("counter", counter);

		Func<int, int> twice = static v => v * 2;
		L("static lambda", twice(21));
		L("linq", string.Join(",", Enumerable.Range(1, 6).Where(static i => i % 2 == 0).Select(Square)));

		string name = "raw";
		string raw = """
			{ "kind": "raw", "quote": "a ""quoted"" word" }
			""";
		L(raw);
		string interp = $$"""{"name": "{{name}}", "len": {{name.Length}}}""";
		L(interp);
		L($"[{42,6}] [{42,-6}] [{255:X4}] [{3.14159:F3}] [{name,5}]");
		L($"multi-line {(counter > 5
			? "big"
			: "small")}");

		L("using", UsingDeclarations());
		return counter;
	}
}
