/* What every benchmark program shares: the C side of Bench.cs. The problem
 * size from argv[1] and the checksum printed with the same arithmetic, so
 * the C, mono and ilcc runs print byte-identical lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int bench_size(int argc, char **argv, int dflt)
{
	if (argc < 2 || !argv[1][0])
		return dflt;
	int n = 0;
	for (const char *s = argv[1]; *s; s++) {
		if (*s < '0' || *s > '9')
			return dflt;
		n = n * 10 + (*s - '0');
	}
	return n;
}

static inline void bench_print_i(int64_t v)
{
	printf("%lld\n", (long long)v);
}

static inline void bench_print_f(double v)
{
	const char *sign = "";
	if (v < 0) {
		sign = "-";
		v = -v;
	}
	uint64_t whole = (uint64_t)v;
	uint64_t frac = (uint64_t)((v - whole) * 1e9 + 0.5);
	if (frac >= 1000000000u) {
		whole++;
		frac -= 1000000000u;
	}
	printf("%s%llu.%09llu\n", sign, (unsigned long long)whole, (unsigned long long)frac);
}
