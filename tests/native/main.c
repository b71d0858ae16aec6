/* Calls the C# library from the main thread and from two more threads at once. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "mylib.h"

static void *worker(void *arg)
{
	long n = (long)arg;
	long long total = 0;
	for (int i = 0; i < 200; i++)
		total += mylib_sum_squares((int)n) + mylib_add(i, 1);
	return (void *)(intptr_t)(total & 0x7fffffff);
}

static int twice(int x)
{
	return 2 * x;
}

int main(void)
{
	printf("add %d\n", mylib_add(40, 2));
	Point p = { 3, 4 };
	Point q = mylib_scale(p, 2.5);
	printf("scale %d %d\n", q.X, q.Y);
	uint8_t *u = mylib_upper((uint8_t *)"hello, world");
	printf("upper %s\n", u);
	free(u);
	printf("sum %lld\n", (long long)mylib_sum_squares(10));
	printf("apply %d\n", mylib_apply((intptr_t)twice, 5));
	pthread_t t[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)(100 + i));
	for (int i = 0; i < 2; i++) {
		void *r;
		pthread_join(t[i], &r);
		printf("thread %d %ld\n", i, (long)(intptr_t)r);
	}
	return 0;
}
