// size: 2000000
// Integer loop: the total number of Collatz steps for every start below N
// (64-bit arithmetic, a data-dependent branch, no memory traffic).
static class Collatz {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 1000000);
		long total = 0;
		for (int i = 1; i < n; i++) {
			long x = i;
			int steps = 0;
			while (x != 1) {
				x = (x & 1) == 0 ? x >> 1 : 3 * x + 1;
				steps++;
			}
			total += steps;
		}
		Bench.Print(total);
		return 0;
	}
}
