/* size: see spectralnorm.cs */
#include <math.h>
#include "lib/bench.h"

static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(const double *v, double *av, int n)
{
	for (int i = 0; i < n; i++) {
		double s = 0;
		for (int j = 0; j < n; j++)
			s += a(i, j) * v[j];
		av[i] = s;
	}
}

static void mul_atv(const double *v, double *atv, int n)
{
	for (int i = 0; i < n; i++) {
		double s = 0;
		for (int j = 0; j < n; j++)
			s += a(j, i) * v[j];
		atv[i] = s;
	}
}

static void mul_atav(const double *v, double *atav, double *tmp, int n)
{
	mul_av(v, tmp, n);
	mul_atv(tmp, atav, n);
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 100);
	double *u = malloc(n * sizeof *u), *v = calloc(n, sizeof *v), *tmp = calloc(n, sizeof *tmp);
	for (int i = 0; i < n; i++)
		u[i] = 1;
	for (int i = 0; i < 10; i++) {
		mul_atav(u, v, tmp, n);
		mul_atav(v, u, tmp, n);
	}
	double vbv = 0, vv = 0;
	for (int i = 0; i < n; i++) {
		vbv += u[i] * v[i];
		vv += v[i] * v[i];
	}
	bench_print_f(sqrt(vbv / vv));
	return 0;
}
