// Unbounded recursion, on the main thread or (argument "thread") on a
// second one: Mono reports an unhandled StackOverflowException, status 1.
using System;
using System.Threading;

static class Stack {
	static int Down(int n, int[] path)
	{
		path[n & 15] = n;
		int r = Down(n + 1, path);
		return r + path[(n + r) & 15];
	}

	static void Main(string[] args)
	{
		Out.L("start");
		if (args.Length > 0) {
			var t = new Thread(() => Down(0, new int[16]));
			t.Start();
			t.Join();
		} else {
			Down(0, new int[16]);
		}
		Out.L("not reached");
	}
}
