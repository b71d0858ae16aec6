// size: 300000
// Exceptions: N times, call three frames down; three calls in four throw an
// exception object carrying a value, which passes a finally on the way out
// and is caught at the top. The checksum adds up values, returns and finally
// runs.
using System;

sealed class BenchException : Exception {
	public readonly int Value;

	public BenchException(int value) { Value = value; }
}

static class Exceptions {
	static int finallies;

	static int Leaf(int i)
	{
		if ((i & 3) != 0)
			throw new BenchException(i);
		return i;
	}

	static int Middle(int i, int depth)
	{
		if (depth == 0)
			return Leaf(i);
		try {
			return Middle(i, depth - 1) + 1;
		} finally {
			finallies++;
		}
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 10000);
		long sum = 0;
		for (int i = 0; i < n; i++) {
			try {
				sum += Middle(i, 2);
			} catch (BenchException e) {
				sum += e.Value * 3;
			}
		}
		Bench.Print(sum + finallies);
		return 0;
	}
}
