/* size: see mandelbrot.cs */
#include "lib/bench.h"

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 200);
	int64_t inside = 0;
	for (int y = 0; y < n; y++) {
		double ci = 2.0 * y / n - 1.0;
		for (int x = 0; x < n; x++) {
			double cr = 2.0 * x / n - 1.5;
			double zr = 0, zi = 0, tr = 0, ti = 0;
			int i = 0;
			for (; i < 50 && tr + ti <= 4.0; i++) {
				zi = 2.0 * zr * zi + ci;
				zr = tr - ti + cr;
				tr = zr * zr;
				ti = zi * zi;
			}
			if (tr + ti <= 4.0)
				inside++;
		}
	}
	bench_print_i(inside);
	return 0;
}
