/* size: see threadring.cs; each thread sleeps on its own condition
 * variable (the C counterpart of an AutoResetEvent). */
#include <pthread.h>
#include <stdbool.h>
#include "lib/bench.h"

#define THREADS 503

typedef struct Event {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool set;
} Event;

static Event turn[THREADS], done;
static int token, winner;

static void ev_set(Event *e)
{
	pthread_mutex_lock(&e->lock);
	e->set = true;
	pthread_cond_signal(&e->cond);
	pthread_mutex_unlock(&e->lock);
}

static void ev_wait(Event *e)
{
	pthread_mutex_lock(&e->lock);
	while (!e->set)
		pthread_cond_wait(&e->cond, &e->lock);
	e->set = false;
	pthread_mutex_unlock(&e->lock);
}

static void ev_init(Event *e)
{
	pthread_mutex_init(&e->lock, NULL);
	pthread_cond_init(&e->cond, NULL);
}

static void *run(void *p)
{
	int id = (int)(intptr_t)p;
	for (;;) {
		ev_wait(&turn[id]);
		if (token == 0) {
			winner = id + 1;
			ev_set(&done);
			return NULL;
		}
		token--;
		ev_set(&turn[(id + 1) % THREADS]);
	}
}

int main(int argc, char **argv)
{
	token = bench_size(argc, argv, 1000);
	ev_init(&done);
	for (int i = 0; i < THREADS; i++)
		ev_init(&turn[i]);
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 64 * 1024);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < THREADS; i++) {
		pthread_t t;
		pthread_create(&t, &a, run, (void *)(intptr_t)i);
	}
	ev_set(&turn[0]);
	ev_wait(&done);
	bench_print_i(winner);
	return 0;
}
