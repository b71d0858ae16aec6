/* size: see pipeline.cs. Not in the bench table (bench/run pairs NAME.cs
 * with NAME.c): a bounded ring buffer under one mutex with a condition
 * variable for each side. Cheaper than BlockingCollection's algorithm
 * (a queue and two counting semaphores, pipeline.c): one lock and one
 * signal per item and side; it was pipeline's C baseline until 2026-12-07
 * (docs/design.md, "Throughput, seventh part"). */
#include <pthread.h>
#include <stdbool.h>
#include "lib/bench.h"

#define CAP 100

static int buf[CAP], head, count;
static bool completed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static int64_t sum;

static void add(int v)
{
	pthread_mutex_lock(&lock);
	while (count == CAP)
		pthread_cond_wait(&not_full, &lock);
	buf[(head + count++) % CAP] = v;
	pthread_cond_signal(&not_empty);
	pthread_mutex_unlock(&lock);
}

static bool take(int *v)
{
	pthread_mutex_lock(&lock);
	while (count == 0 && !completed)
		pthread_cond_wait(&not_empty, &lock);
	bool got = count > 0;
	if (got) {
		*v = buf[head];
		head = (head + 1) % CAP;
		count--;
		pthread_cond_signal(&not_full);
	}
	pthread_mutex_unlock(&lock);
	return got;
}

static void *consume(void *p)
{
	int v;
	while (take(&v))
		sum += v;
	return p;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 1000);
	pthread_t t;
	pthread_create(&t, NULL, consume, NULL);
	for (int i = 1; i <= n; i++)
		add(i % 1000);
	pthread_mutex_lock(&lock);
	completed = true;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	bench_print_i(sum);
	return 0;
}
