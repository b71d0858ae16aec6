/* size: see fib.cs */
#include "lib/bench.h"

static int f(int n) { return n < 2 ? n : f(n - 1) + f(n - 2); }

int main(int argc, char **argv)
{
	bench_print_i(f(bench_size(argc, argv, 30)));
	return 0;
}
