// Rectangular arrays of rank 2 and 3 (GetLength, bounds checks, nested
// loops), jagged arrays, and arrays of structs, including struct elements
// updated in place.
using System;

struct Cell {
	public int Row, Col;
	public double Weight;
}

static class ArrMulti {
	static int[,] Multiply(int[,] a, int[,] b)
	{
		int n = a.GetLength(0), m = b.GetLength(1), k = a.GetLength(1);
		int[,] c = new int[n, m];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < m; j++) {
				int s = 0;
				for (int x = 0; x < k; x++)
					s += a[i, x] * b[x, j];
				c[i, j] = s;
			}
		return c;
	}

	static void Print(int[,] m)
	{
		for (int i = 0; i < m.GetLength(0); i++) {
			for (int j = 0; j < m.GetLength(1); j++) {
				Out.S(" ");
				Out.I(m[i, j]);
			}
			Out.L();
		}
	}

	static int Main()
	{
		int[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
		int[,] b = { { 7, 8 }, { 9, 10 }, { 11, 12 } };
		Print(Multiply(a, b));
		Out.L("rank", a.Rank);
		Out.L("length", a.Length);

		long[,,] cube = new long[3, 4, 5];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 4; j++)
				for (int k = 0; k < 5; k++)
					cube[i, j, k] = i * 100 + j * 10 + k;
		long total = 0;
		foreach (long v in cube)
			total += v;
		Out.L("cube sum", total);
		Out.L("cube[2,3,4]", cube[2, 3, 4]);
		Out.S("dims");
		for (int d = 0; d < cube.Rank; d++) {
			Out.S(" ");
			Out.I(cube.GetLength(d));
		}
		Out.L();

		try {
			a[0, 3] = 1;
			Out.L("no bounds check");
		} catch (IndexOutOfRangeException) {
			Out.L("rank-2 bounds checked");
		}

		double[,] grid = new double[2, 2];
		grid[1, 1] += 2.5;
		grid[1, 1] *= 2;
		Out.L("grid", grid[1, 1]);
		string[,] names = new string[2, 2];
		names[0, 1] = "x";
		Out.L("names", names[0, 1] + (names[1, 0] == null ? "-null" : "-set"));

		// Pascal's triangle in a jagged array.
		int[][] tri = new int[8][];
		for (int i = 0; i < tri.Length; i++) {
			tri[i] = new int[i + 1];
			tri[i][0] = tri[i][i] = 1;
			for (int j = 1; j < i; j++)
				tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j];
		}
		foreach (int v in tri[7]) {
			Out.S(" ");
			Out.I(v);
		}
		Out.L();
		int[][] ragged = { new int[] { 1 }, null, new int[] { 2, 3 } };
		Out.L("ragged null row", ragged[1] == null);
		Out.L("ragged[2][1]", ragged[2][1]);
		int[,][] mixed = new int[2, 2][];
		mixed[1, 0] = new int[] { 5, 6, 7 };
		Out.L("mixed", mixed[1, 0][2]);

		Cell[] cells = new Cell[4];
		for (int i = 0; i < cells.Length; i++) {
			cells[i].Row = i / 2;
			cells[i].Col = i % 2;
			cells[i].Weight = i * 0.25;
		}
		Cell copy = cells[3];
		copy.Weight = 100;
		double w = 0;
		foreach (Cell c in cells)
			w += c.Weight + c.Row * 10 + c.Col;
		Out.L("cells weight", w);
		Cell[,] board = new Cell[3, 3];
		board[2, 1].Weight = 9.5;
		board[2, 1].Row++;
		Out.L("board", board[2, 1].Weight + board[2, 1].Row);
		Array made = Array.CreateInstance(typeof(int), new int[] { 2, 3 }, new int[] { -1, 5 });
		Out.L("made rank", made.Rank);
		Out.L("made bounds", made.GetLowerBound(0) + " " + made.GetUpperBound(1) + " " + made.Length);
		int[,] mm = (int[,])made;
		mm[-1, 5] = 7;
		mm[0, 7] = 9;
		Out.L("made sum", mm[-1, 5] + mm[0, 7]);
		Out.L("made type", Array.CreateInstance(typeof(string), 2, 2).GetType().ToString());
		Out.L("made vector", Array.CreateInstance(typeof(long), new int[] { 4 }).GetType().ToString());
		made.SetValue(11, new int[] { 0, 6 });
		Out.L("by indices", made.GetValue(new int[] { 0, 6 }).ToString() + " " + mm[0, 6]);
		try {
			made.SetValue(1, new int[] { 1, 5 });
		} catch (IndexOutOfRangeException) {
			Out.L("by indices", "out of range");
		}
		Array from0 = Array.CreateInstance(typeof(int), new int[] { 1 }, new int[] { 0 });
		Array from10 = Array.CreateInstance(typeof(int), new int[] { 1 }, new int[] { 10 });
		Out.L("one dimension", (from0.GetType() == typeof(int[])) + " " + (from10 is int[]) + " " + from10.GetLowerBound(0));
		return tri[5][2];
	}
}
