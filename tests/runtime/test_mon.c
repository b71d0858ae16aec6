/* Monitors and hash codes: recursion, exit by a non-owner, TryEnter with
 * timeouts, contention between threads, Wait/Pulse/PulseAll, a hand-off
 * that loses no wake-up, hash codes
 * stable and distinct, the record of an atomic object surviving
 * collections, and records in cache lines of their own. */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

static bool pending_is(RtExcKind k)
{
	Object *e = rt_exc_catch();
	return e && e->type == &t_exc_types[k];
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void *run(void *(*fn)(void *), void *arg)
{
	pthread_t th;
	void *ret;
	pthread_create(&th, NULL, fn, arg);
	pthread_join(th, &ret);
	return ret;
}

static void test_recursion(void)
{
	Object *o = rt_gc_alloc(&t_object);
	CHECK(!rt_mon_is_entered(o) && !rt_mon_is_entered(NULL) && !rt_mon_is_locked(o));
	rt_mon_enter(o);
	rt_mon_enter(o);
	CHECK(rt_mon_try_enter(o, 0));
	CHECK(rt_mon_is_entered(o) && rt_mon_is_locked(o));
	rt_mon_exit(o);
	rt_mon_exit(o);
	CHECK(rt_mon_is_entered(o));
	rt_mon_exit(o);
	CHECK(!rt_pending && !rt_mon_is_entered(o));
	rt_mon_exit(o);
	CHECK(pending_is(RT_EXC_SYNCLOCK));
	rt_mon_exit(rt_gc_alloc(&t_object));    /* never entered */
	CHECK(pending_is(RT_EXC_SYNCLOCK));
	rt_mon_enter(NULL);
	CHECK(pending_is(RT_EXC_NULLREF));
	rt_mon_exit(NULL);
	CHECK(pending_is(RT_EXC_NULLREF));
}

/* ---- another thread ---- */

static void *exit_not_owner(void *o)
{
	rt_mon_exit(o);
	return (void *)(uintptr_t)pending_is(RT_EXC_SYNCLOCK);
}

static void *pulse_not_owner(void *o)
{
	rt_mon_pulse(o, true);
	return (void *)(uintptr_t)pending_is(RT_EXC_SYNCLOCK);
}

static void *try_briefly(void *o)
{
	int64_t t0 = now_ms();
	bool got0 = rt_mon_try_enter(o, 0);
	bool got50 = rt_mon_try_enter(o, 50);
	int64_t waited = now_ms() - t0;
	return (void *)(uintptr_t)(!got0 && !got50 && waited >= 45);
}

static void *try_and_leave(void *o)
{
	bool got = rt_mon_try_enter(o, 1000);
	if (got)
		rt_mon_exit(o);
	return (void *)(uintptr_t)(got && !rt_pending);
}

static void test_ownership(void)
{
	Object *o = rt_gc_alloc(&t_object);
	rt_mon_enter(o);
	CHECK(run(exit_not_owner, o));
	CHECK(run(pulse_not_owner, o));
	CHECK(run(try_briefly, o));
	rt_mon_exit(o);             /* still ours after all that */
	CHECK(!rt_pending);
	CHECK(run(try_and_leave, o));
	rt_mon_wait(o, 10);
	CHECK(pending_is(RT_EXC_SYNCLOCK));
	rt_mon_pulse(o, false);
	CHECK(pending_is(RT_EXC_SYNCLOCK));
}

/* ---- contention ---- */

#define THREADS 4
#define ROUNDS 50000

static Object *counter_lock;
static long counter;

static void *count_up(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		rt_mon_enter(counter_lock);
		if (i % 100 == 0)
			rt_mon_enter(counter_lock);     /* recursive, too */
		long v = counter;
		__asm__ volatile("" ::: "memory");
		counter = v + 1;
		if (i % 100 == 0)
			rt_mon_exit(counter_lock);
		rt_mon_exit(counter_lock);
	}
	return NULL;
}

static void test_contention(void)
{
	counter_lock = rt_gc_alloc(&t_object);
	pthread_t th[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&th[i], NULL, count_up, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(th[i], NULL);
	CHECK(counter == (long)THREADS * ROUNDS);
	CHECK(!rt_pending);
}

/* ---- Wait and Pulse ---- */

static Object *box;
static int ready, woken;

static void *waiter(void *arg)
{
	rt_mon_enter(box);
	rt_mon_enter(box);          /* Wait gives up both levels */
	ready++;
	bool pulsed = rt_mon_wait(box, -1);
	woken++;
	rt_mon_exit(box);
	rt_mon_exit(box);
	return (void *)(uintptr_t)(pulsed && !rt_pending);
}

static void wait_until_ready(int n)
{
	for (;;) {
		rt_mon_enter(box);
		int r = ready;
		rt_mon_exit(box);
		if (r >= n)
			return;
		usleep(1000);
	}
}

static void test_wait_pulse(void)
{
	box = rt_gc_alloc(&t_object);
	pthread_t th[3];
	void *ok;
	pthread_create(&th[0], NULL, waiter, NULL);
	wait_until_ready(1);
	rt_mon_enter(box);
	rt_mon_pulse(box, false);
	rt_mon_exit(box);
	pthread_join(th[0], &ok);
	CHECK(ok && woken == 1);

	ready = woken = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&th[i], NULL, waiter, NULL);
	wait_until_ready(3);
	rt_mon_enter(box);
	rt_mon_pulse(box, false);       /* one of them */
	rt_mon_exit(box);
	usleep(50000);
	rt_mon_enter(box);
	CHECK(woken == 1);
	rt_mon_pulse(box, true);        /* the other two */
	rt_mon_exit(box);
	bool all = true;
	for (int i = 0; i < 3; i++) {
		pthread_join(th[i], &ok);
		all &= ok != NULL;
	}
	CHECK(all && woken == 3);

	/* nobody pulses: false after the timeout, the lock held again at the
	 * same depth */
	rt_mon_enter(box);
	rt_mon_enter(box);
	int64_t t0 = now_ms();
	CHECK(!rt_mon_wait(box, 30));
	CHECK(now_ms() - t0 >= 25);
	rt_mon_pulse(box, true);        /* still the owner: no throw */
	rt_mon_exit(box);
	rt_mon_exit(box);
	CHECK(!rt_pending);
	rt_mon_exit(box);
	CHECK(pending_is(RT_EXC_SYNCLOCK));
}

/* A one-slot hand-off between two threads, Wait and Pulse on each turn:
 * every wake-up is needed, so a lost one hangs the test (the runner's
 * timeout fails it). A sleeper is woken by a system call only when its
 * word says it is asleep (wait.c rt_futex_set). */
#define HANDOFFS 100000

static Object *slot_lock;
static int slot_full, slot_value;

static void *take_all(void *arg)
{
	long sum = 0;
	for (int i = 0; i < HANDOFFS; i++) {
		rt_mon_enter(slot_lock);
		while (!slot_full)
			rt_mon_wait(slot_lock, -1);
		sum += slot_value;
		slot_full = 0;
		rt_mon_pulse(slot_lock, false);
		rt_mon_exit(slot_lock);
	}
	*(long *)arg = sum;
	return NULL;
}

static void test_handoff(void)
{
	slot_lock = rt_gc_alloc(&t_object);
	long sum = 0, want = 0;
	pthread_t th;
	pthread_create(&th, NULL, take_all, &sum);
	for (int i = 0; i < HANDOFFS; i++) {
		rt_mon_enter(slot_lock);
		while (slot_full)
			rt_mon_wait(slot_lock, i % 7 ? -1 : 1000);   /* timed ones too */
		slot_value = i % 1000;
		want += i % 1000;
		slot_full = 1;
		rt_mon_pulse(slot_lock, false);
		rt_mon_exit(slot_lock);
	}
	pthread_join(th, NULL);
	CHECK(sum == want);
	CHECK(!rt_pending);
}

/* ---- hash codes ---- */

static int cmp_int(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static void test_hash(void)
{
	enum { N = 1000 };
	static int32_t h[N];
	bool stable = true, positive = true;
	for (int i = 0; i < N; i++) {
		Object *o = rt_gc_alloc(&t_object);
		h[i] = rt_mon_hash(o);
		stable &= rt_mon_hash(o) == h[i];
		positive &= h[i] > 0;
	}
	CHECK(stable && positive);
	qsort(h, N, sizeof h[0], cmp_int);
	int distinct = 1;
	for (int i = 1; i < N; i++)
		distinct += h[i] != h[i - 1];
	CHECK(distinct == N);
	CHECK(rt_mon_hash(NULL) == 0 && pending_is(RT_EXC_NULLREF));

	/* the lock and the hash share the record */
	Object *o = rt_gc_alloc(&t_object);
	int32_t before = rt_mon_hash(o);
	rt_mon_enter(o);
	CHECK(rt_mon_hash(o) == before);
	rt_mon_exit(o);
}

static NOINLINE void churn(void)
{
	volatile char wipe[8192];
	memset((char *)wipe, 0, sizeof wipe);
	for (int i = 0; i < 5000; i++)          /* records for dead objects */
		rt_mon_hash(rt_gc_alloc(&t_object));
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 20000; i++)
			rt_gc_alloc_raw(128, true);
		rt_gc_collect();
	}
	for (int i = 0; i < 5000; i++)          /* the list sweeps itself */
		rt_mon_hash(rt_gc_alloc(&t_object));
}

static void test_atomic_record_survives(void)
{
	Object *o = rt_gc_alloc(&t_object);        /* pointer-free */
	CHECK(rt_gc_obj_is_atomic(o));
	int32_t h = rt_mon_hash(o);
	rt_mon_enter(o);
	churn();
	CHECK(rt_mon_hash(o) == h);
	rt_mon_exit(o);
	CHECK(!rt_pending);
	rt_gc_keep_alive(o);
}

/* Monitors of objects made one after another (a SemaphoreSlim's lock,
 * the next one's) keep their records in lines of their own: no record
 * starts off a 64-byte boundary, and none shares the line of another. */
static void test_record_lines(void)
{
	enum { N = 64 };
	Object *o[N];
	uintptr_t line[N];
	for (int i = 0; i < N; i++) {
		o[i] = rt_gc_alloc(&t_object);
		rt_mon_enter(o[i]);
		line[i] = o[i]->sync;
		rt_mon_exit(o[i]);
	}
	int off = 0, shared = 0;
	for (int i = 0; i < N; i++) {
		off += (line[i] & 63) != 0;
		for (int j = 0; j < i; j++)
			shared += line[i] / 64 == line[j] / 64;
	}
	CHECK(off == 0 && shared == 0);
	CHECK(!rt_pending);
	for (int i = 0; i < N; i++)
		rt_gc_keep_alive(o[i]);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_recursion();
	test_ownership();
	test_contention();
	test_wait_pulse();
	test_handoff();
	test_hash();
	test_atomic_record_survives();
	test_record_lines();
	CHECK(!rt_pending);
	return t_done();
}
