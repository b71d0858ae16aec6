/* size: see matmul.cs */
#include "lib/bench.h"

static double **make(int n, double scale)
{
	double **m = malloc(n * sizeof *m);
	for (int i = 0; i < n; i++) {
		m[i] = malloc(n * sizeof **m);
		for (int j = 0; j < n; j++)
			m[i][j] = scale * (i - j) * (i + j);
	}
	return m;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 200);
	double scale = 1.0 / n / n;
	double **a = make(n, scale), **b = make(n, scale);
	double **bt = malloc(n * sizeof *bt);
	for (int i = 0; i < n; i++) {
		bt[i] = malloc(n * sizeof **bt);
		for (int j = 0; j < n; j++)
			bt[i][j] = b[j][i];
	}
	double sum = 0;
	for (int i = 0; i < n; i++) {
		double *ai = a[i];
		for (int j = 0; j < n; j++) {
			double *bj = bt[j];
			double s = 0;
			for (int k = 0; k < n; k++)
				s += ai[k] * bj[k];
			sum += s;
		}
	}
	bench_print_f(sum);
	return 0;
}
