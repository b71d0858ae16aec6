/* size: see collatz.cs */
#include "lib/bench.h"

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 1000000);
	int64_t total = 0;
	for (int i = 1; i < n; i++) {
		int64_t x = i;
		int steps = 0;
		while (x != 1) {
			x = (x & 1) == 0 ? x >> 1 : 3 * x + 1;
			steps++;
		}
		total += steps;
	}
	bench_print_i(total);
	return 0;
}
