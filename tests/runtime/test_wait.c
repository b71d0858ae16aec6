/* Waitable handles (wait.c): manual and auto-reset events, wait-any and
 * wait-all with their return values, timeouts, a signal from another
 * thread, mutex ownership and recursion; hand-offs to blocked waits: one
 * Set of an auto-reset event releases exactly one waiter and is never
 * lost, a manual-reset one releases all, a blocked wait for all is
 * released only by its last handle; a token ring and waits timing out
 * while Sets race with them lose no wake-up and take none twice; nor do
 * two threads passing turns through futex words, asleep or not yet. */
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void test_events(void)
{
	RtWaitable *m = rt_wait_new_event(true, false);
	RtWaitable *a = rt_wait_new_event(false, true);
	CHECK(rt_wait_many(&m, 1, false, 0) == RT_WAIT_TIMEOUT);
	CHECK(rt_wait_many(&a, 1, false, 0) == 0);
	CHECK(rt_wait_many(&a, 1, false, 0) == RT_WAIT_TIMEOUT);  /* auto reset */
	rt_wait_set(m);
	CHECK(rt_wait_many(&m, 1, false, 0) == 0);
	CHECK(rt_wait_many(&m, 1, false, 0) == 0);                /* stays set */
	rt_wait_reset(m);
	int64_t t0 = now_ms();
	CHECK(rt_wait_many(&m, 1, false, 50) == RT_WAIT_TIMEOUT);
	CHECK(now_ms() - t0 >= 45);
	CHECK(!rt_wait_release_mutex(m));
	rt_wait_close(m);
	rt_wait_close(a);
}

static void test_many(void)
{
	RtWaitable *h[3] = { rt_wait_new_event(false, false),
			     rt_wait_new_event(true, false),
			     rt_wait_new_event(false, true) };
	CHECK(rt_wait_many(h, 3, false, 0) == 2);
	CHECK(rt_wait_many(h, 3, false, 0) == RT_WAIT_TIMEOUT);
	rt_wait_set(h[1]);
	rt_wait_set(h[2]);
	CHECK(rt_wait_many(h, 3, false, 0) == 1);     /* lowest index first */
	CHECK(rt_wait_many(h, 3, true, 0) == RT_WAIT_TIMEOUT);
	CHECK(rt_wait_many(&h[2], 1, false, 0) == 0); /* all took nothing */
	rt_wait_set(h[0]);
	rt_wait_set(h[2]);
	CHECK(rt_wait_many(h, 3, true, 0) == 0);
	CHECK(rt_wait_many(&h[0], 1, false, 0) == RT_WAIT_TIMEOUT);
	CHECK(rt_wait_many(&h[1], 1, false, 0) == 0);
	CHECK(rt_wait_many(h, 0, false, 0) == RT_WAIT_FAILED);
	for (int i = 0; i < 3; i++)
		rt_wait_close(h[i]);
}

static void *set_later(void *h)
{
	usleep(50 * 1000);
	rt_wait_set(h);
	return NULL;
}

static void test_other_thread(void)
{
	RtWaitable *h[2] = { rt_wait_new_event(false, false),
			     rt_wait_new_event(false, false) };
	pthread_t th;
	pthread_create(&th, NULL, set_later, h[1]);
	CHECK(rt_wait_many(h, 2, false, -1) == 1);
	pthread_join(th, NULL);
	rt_wait_close(h[0]);
	rt_wait_close(h[1]);
}

static void *try_mutex(void *h)
{
	int r = rt_wait_many((RtWaitable **)&h, 1, false, 0);
	bool released = rt_wait_release_mutex(h);
	return (void *)(uintptr_t)(r == RT_WAIT_TIMEOUT && !released);
}

static void *take_mutex(void *h)
{
	int r = rt_wait_many((RtWaitable **)&h, 1, false, 5000);
	return (void *)(uintptr_t)(r == 0 && rt_wait_release_mutex(h));
}

static void test_mutex(void)
{
	RtWaitable *mx = rt_wait_new_mutex(true);
	CHECK(rt_wait_many(&mx, 1, false, 0) == 0);   /* recursive */
	pthread_t th;
	void *ok;
	pthread_create(&th, NULL, try_mutex, mx);
	pthread_join(th, &ok);
	CHECK(ok);
	CHECK(rt_wait_release_mutex(mx));
	CHECK(rt_wait_release_mutex(mx));
	CHECK(!rt_wait_release_mutex(mx));
	pthread_create(&th, NULL, take_mutex, mx);
	pthread_join(th, &ok);
	CHECK(ok);
	rt_wait_close(mx);
}

/* ---- hand-offs to blocked waits ---- */

typedef struct Blocked {
	RtWaitable *h[2];
	int32_t n;
	bool all;
	int32_t result;
} Blocked;

static void *wait_blocked(void *p)
{
	Blocked *b = p;
	b->result = rt_wait_many(b->h, b->n, b->all, -1);
	return NULL;
}

/* Until n waits are blocked on h (a guard against hanging, not a clock). */
static bool queued(RtWaitable *h, int32_t n)
{
	for (int i = 0; i < 20000; i++) {
		if (rt_wait_queued(h) == n)
			return true;
		usleep(500);
	}
	return false;
}

static void start(pthread_t *th, Blocked *b, RtWaitable *h0, RtWaitable *h1, bool all)
{
	*b = (Blocked){ { h0, h1 }, h1 ? 2 : 1, all, -2 };
	pthread_create(th, NULL, wait_blocked, b);
}

/* Two Sets in a row with three waiters: two released at once, none lost,
 * the event left unsignalled. */
static void test_auto_handoff(void)
{
	RtWaitable *e = rt_wait_new_event(false, false);
	pthread_t th[3];
	Blocked b[3];
	for (int i = 0; i < 3; i++)
		start(&th[i], &b[i], e, NULL, false);
	CHECK(queued(e, 3));
	rt_wait_set(e);
	rt_wait_set(e);
	CHECK(rt_wait_queued(e) == 1);
	CHECK(rt_wait_many(&e, 1, false, 0) == RT_WAIT_TIMEOUT);
	rt_wait_set(e);
	for (int i = 0; i < 3; i++) {
		pthread_join(th[i], NULL);
		CHECK(b[i].result == 0);
	}
	rt_wait_close(e);
}

/* More waiters than a Set wakes after giving up the lock (Wakes holds
 * 8): the rest are woken under it; all must wake. */
static void test_manual_handoff(void)
{
	RtWaitable *m = rt_wait_new_event(true, false);
	pthread_t th[12];
	Blocked b[12];
	for (int i = 0; i < 12; i++)
		start(&th[i], &b[i], m, NULL, false);
	CHECK(queued(m, 12));
	rt_wait_set(m);
	CHECK(rt_wait_queued(m) == 0);
	for (int i = 0; i < 12; i++) {
		pthread_join(th[i], NULL);
		CHECK(b[i].result == 0);
	}
	CHECK(rt_wait_many(&m, 1, false, 0) == 0);   /* still set */
	rt_wait_close(m);
}

/* A wait for all stays blocked, taking nothing, until its last handle is
 * set; a wait for any naming one handle twice gets the first index. */
static void test_blocked_many(void)
{
	RtWaitable *a = rt_wait_new_event(false, false);
	RtWaitable *m = rt_wait_new_event(true, false);
	pthread_t th;
	Blocked b;
	start(&th, &b, a, m, true);
	CHECK(queued(a, 1));
	rt_wait_set(a);
	CHECK(rt_wait_queued(a) == 1 && rt_wait_queued(m) == 1);
	rt_wait_set(m);
	pthread_join(th, NULL);
	CHECK(b.result == 0);
	CHECK(rt_wait_queued(a) == 0 && rt_wait_queued(m) == 0);
	CHECK(rt_wait_many(&a, 1, false, 0) == RT_WAIT_TIMEOUT);  /* taken */
	start(&th, &b, a, a, false);
	CHECK(queued(a, 2));
	rt_wait_set(a);
	pthread_join(th, NULL);
	CHECK(b.result == 0 && rt_wait_queued(a) == 0);
	rt_wait_close(a);
	rt_wait_close(m);
}

/* A released mutex goes to the blocked wait, not to whoever asks next. */
static void test_mutex_handoff(void)
{
	RtWaitable *mx = rt_wait_new_mutex(true);
	pthread_t th;
	Blocked b;
	start(&th, &b, mx, NULL, false);
	CHECK(queued(mx, 1));
	CHECK(rt_wait_release_mutex(mx));
	CHECK(!rt_wait_release_mutex(mx));            /* no longer ours */
	pthread_join(th, NULL);
	CHECK(b.result == 0);
	rt_wait_close(mx);
}

/* ---- lost and doubled wake-ups ---- */

enum { RING = 16, PASSES = 20000, SETS = 3000, TAKERS = 4 };

static RtWaitable *ring[RING], *ring_done;
static int32_t token;

static void *ring_member(void *p)
{
	int id = (int)(intptr_t)p;
	for (;;) {
		if (rt_wait_many(&ring[id], 1, false, -1) != 0)
			return NULL;
		if (token == 0) {
			rt_wait_set(ring_done);
			return NULL;
		}
		token--;
		rt_wait_set(ring[(id + 1) % RING]);
	}
}

/* A token passed round a ring of threads through auto-reset events, as
 * bench/programs/threadring: one lost wake-up stops the ring (the final
 * wait then times out after a minute instead of hanging). */
static void test_ring(void)
{
	pthread_t th[RING];
	ring_done = rt_wait_new_event(false, false);
	for (int i = 0; i < RING; i++)
		ring[i] = rt_wait_new_event(false, false);
	token = PASSES;
	for (int i = 0; i < RING; i++)
		pthread_create(&th[i], NULL, ring_member, (void *)(intptr_t)i);
	rt_wait_set(ring[0]);
	CHECK(rt_wait_many(&ring_done, 1, false, 60000) == 0);
	CHECK(token == 0);
	for (int i = 0; i < RING; i++)
		rt_wait_set(ring[i]);         /* the others see token 0 and end */
	for (int i = 0; i < RING; i++)
		pthread_join(th[i], NULL);
}

static RtWaitable *racy;
static int32_t taken, stop;

static void *taker(void *p)
{
	while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		if (rt_wait_many(&racy, 1, false, 1) == 0)
			__atomic_add_fetch(&taken, 1, __ATOMIC_ACQ_REL);
	return NULL;
}

/* Waits of 1 ms racing with Sets: a hand-off to a wait whose time ran out
 * meanwhile still counts (the wait returns it), so every Set is taken
 * exactly once: none lost, none twice. */
static void test_timeout_race(void)
{
	pthread_t th[TAKERS];
	racy = rt_wait_new_event(false, false);
	for (int i = 0; i < TAKERS; i++)
		pthread_create(&th[i], NULL, taker, NULL);
	bool all_taken = true;
	for (int i = 1; i <= SETS && all_taken; i++) {
		rt_wait_set(racy);
		int spins = 0;
		while (__atomic_load_n(&taken, __ATOMIC_ACQUIRE) < i && ++spins < 2000000)
			sched_yield();
		all_taken = __atomic_load_n(&taken, __ATOMIC_ACQUIRE) == i;
	}
	CHECK(all_taken);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < TAKERS; i++)
		pthread_join(th[i], NULL);
	CHECK(taken == SETS);
	CHECK(rt_wait_many(&racy, 1, false, 0) == RT_WAIT_TIMEOUT);
}

/* Two threads passing a turn back and forth through futex words, as a
 * Monitor.Wait and its Pulse do (mon.c): the partner answers at once
 * (the word is often set before its owner sleeps: no system call on
 * either side) or after a pause of 0.2 ms every 64th turn (its owner
 * sleeps and must be woken). A lost wake-up shows as a sleep that times
 * out (2 s), not as a hang. */
enum { TURNS = 20000 };
static uint32_t turn_word[2];
static int32_t turn_lost;

/* Waits for this side's word, then clears it; false if it timed out. */
static bool take_turn(uint32_t *w)
{
	struct timespec d;
	rt_wait_deadline(2000, &d);
	while (!__atomic_load_n(w, __ATOMIC_ACQUIRE))
		if (!rt_futex_wait(w, &d))
			return false;
	__atomic_store_n(w, 0, __ATOMIC_RELEASE);
	return true;
}

static void give_turn(uint32_t *w)
{
	if (rt_futex_set(w))
		rt_futex_wake(w);
}

static void *turn_taker(void *p)
{
	int me = (int)(intptr_t)p;
	for (int i = 0; i < TURNS; i++) {
		if (!take_turn(&turn_word[me])) {
			__atomic_add_fetch(&turn_lost, 1, __ATOMIC_RELAXED);
			return NULL;
		}
		if (me && i % 64 == 63)
			usleep(200);
		give_turn(&turn_word[!me]);
	}
	return NULL;
}

static void test_futex_turns(void)
{
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, turn_taker, (void *)(intptr_t)i);
	give_turn(&turn_word[0]);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	CHECK(turn_lost == 0);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_events();
	test_many();
	test_other_thread();
	test_mutex();
	test_auto_handoff();
	test_manual_handoff();
	test_blocked_many();
	test_mutex_handoff();
	test_ring();
	test_timeout_race();
	test_futex_turns();
	return t_done();
}
