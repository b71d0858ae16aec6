// size: 38
// Calls: naive doubly recursive Fibonacci (a static call per node, nothing
// else; inlining can only unroll it).
static class Fib {
	static int F(int n) { return n < 2 ? n : F(n - 1) + F(n - 2); }

	static int Main(string[] args)
	{
		Bench.Print(F(Bench.Size(args, 30)));
		return 0;
	}
}
