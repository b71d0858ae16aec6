/* A small C library the test builds (libcfun.so, libcfun.a) for
 * dllimport.cs: numbers, a string, a buffer and a callback. */
#include <stdint.h>
#include <string.h>

int32_t cfun_add(int32_t a, int32_t b) { return a + b; }
double cfun_scale(double x, int64_t k) { return x * (double)k; }
int32_t cfun_length(const char *s) { return s ? (int32_t)strlen(s) : -1; }

/* Fills buf with n squares; returns their sum. */
int64_t cfun_squares(int32_t *buf, int32_t n)
{
	int64_t sum = 0;
	for (int32_t i = 0; i < n; i++)
		sum += buf[i] = i * i;
	return sum;
}

int32_t cfun_apply(int32_t (*f)(int32_t), int32_t x) { return f(f(x)); }
