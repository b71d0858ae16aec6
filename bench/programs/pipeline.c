/* size: see pipeline.cs. BlockingCollection's algorithm as a C
 * programmer writes it: a bounded queue under a mutex with two POSIX
 * counting semaphores, free slots and occupied slots. Each item costs a
 * sem_wait and a sem_post on each side besides the queue's lock.
 * pipeline_ring.c (not in the table: bench/run pairs NAME.cs with NAME.c)
 * is the cheaper ring buffer under one mutex and two condition variables
 * that stood here until 2026-12-07: another algorithm (docs/design.md,
 * "Throughput, seventh part"). Completion: the producer posts `occupied`
 * once more after its last item; the consumer that finds the queue empty
 * after its wait knows the end has come (one producer, one consumer). */
#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include "lib/bench.h"

#define CAP 100

static int buf[CAP], head, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t free_slots, occupied;
static int64_t sum;

static void add(int v)
{
	sem_wait(&free_slots);
	pthread_mutex_lock(&lock);
	buf[(head + count++) % CAP] = v;
	pthread_mutex_unlock(&lock);
	sem_post(&occupied);
}

static bool take(int *v)
{
	sem_wait(&occupied);
	pthread_mutex_lock(&lock);
	bool got = count > 0;
	if (got) {
		*v = buf[head];
		head = (head + 1) % CAP;
		count--;
	}
	pthread_mutex_unlock(&lock);
	if (got)
		sem_post(&free_slots);
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
	sem_init(&free_slots, 0, CAP);
	sem_init(&occupied, 0, 0);
	pthread_create(&t, NULL, consume, NULL);
	for (int i = 1; i <= n; i++)
		add(i % 1000);
	sem_post(&occupied);
	pthread_join(t, NULL);
	bench_print_i(sum);
	return 0;
}
