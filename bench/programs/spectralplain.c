/* size: see spectralplain.cs */
#include <math.h>
#include "lib/bench.h"
static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }
static void mul_av(int n, const double *v, double *av)
{
	for (int i = 0; i < n; i++) {
		av[i] = 0;
		for (int j = 0; j < n; j++)
			av[i] += a(i, j) * v[j];
	}
}
static void mul_atv(int n, const double *v, double *atv)
{
	for (int i = 0; i < n; i++) {
		atv[i] = 0;
		for (int j = 0; j < n; j++)
			atv[i] += a(j, i) * v[j];
	}
}
static void mul_atav(int n, const double *v, double *atav)
{
	double *u = calloc(n, sizeof *u);
	mul_av(n, v, u);
	mul_atv(n, u, atav);
	free(u);
}
int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 100);
	double *u = malloc(n * sizeof *u), *v = calloc(n, sizeof *v);
	for (int i = 0; i < n; i++)
		u[i] = 1;
	for (int i = 0; i < 10; i++) {
		mul_atav(n, u, v);
		mul_atav(n, v, u);
	}
	double vbv = 0, vv = 0;
	for (int i = 0; i < n; i++) {
		vbv += u[i] * v[i];
		vv += v[i] * v[i];
	}
	bench_print_f(sqrt(vbv / vv));
	return 0;
}
