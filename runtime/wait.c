/* wait.c: waitable handles and blocking waits (rt_wait_).
 *
 * Requires: nothing but pthreads; the managed thread records of
 * thread_icalls.c change their states under this file's lock.
 * Provides: what Mono's WaitHandle family stands on: events (manual or
 * auto reset), mutexes (owned by a thread, recursive) behind opaque
 * handles, and one wait over up to RT_WAIT_MAX handles for any one or for
 * all at once, with a timeout in milliseconds (-1: none). A wait returns
 * the index of the handle that satisfied it (0 when all did) or
 * RT_WAIT_TIMEOUT, as Win32's WaitForMultipleObjects, which Mono's managed
 * code expects. Waiting for all takes nothing until every handle is
 * signalled, then takes them all at once.
 * One process-wide lock and condition guard every handle (as Mono's own
 * w32handle signal mutex does): a change wakes every waiter, which checks
 * again. Simple and obviously free of lost wake-ups; waits are rare next
 * to the managed spinning and monitors that come before them.
 * A handle is freed when closed and no wait holds it (a reference count).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "internal.h"

struct RtWaitable {
	RtWaitKind kind;
	bool manual;                /* events: stays signalled until reset */
	bool closed;
	int32_t count;              /* events: 1 signalled; mutexes: recursion */
	uintptr_t owner;            /* mutexes: rt_thread_id of the holder */
	int32_t refs;               /* 1 while open, +1 per wait in progress */
};

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond;
static pthread_once_t wait_once = PTHREAD_ONCE_INIT;

static void wait_init(void)
{
	pthread_condattr_t a;
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&wait_cond, &a);
	pthread_condattr_destroy(&a);
}

void rt_wait_lock(void)
{
	pthread_once(&wait_once, wait_init);
	pthread_mutex_lock(&wait_lock);
}

void rt_wait_unlock(void)
{
	pthread_mutex_unlock(&wait_lock);
}

void rt_wait_wake_all(void)
{
	pthread_cond_broadcast(&wait_cond);
}

void rt_wait_deadline(int32_t ms, struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000;
	if (ts->tv_nsec >= 1000000000) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000;
	}
}

bool rt_wait_sleep(const struct timespec *deadline)
{
	if (!deadline) {
		pthread_cond_wait(&wait_cond, &wait_lock);
		return true;
	}
	return pthread_cond_timedwait(&wait_cond, &wait_lock, deadline) != ETIMEDOUT;
}

/* ---- handles ---- */

static RtWaitable *new_handle(RtWaitKind kind)
{
	RtWaitable *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->kind = kind;
	h->refs = 1;
	return h;
}

RtWaitable *rt_wait_new_event(bool manual, bool signalled)
{
	RtWaitable *h = new_handle(RT_WAIT_EVENT);
	if (h) {
		h->manual = manual;
		h->count = signalled;
	}
	return h;
}

RtWaitable *rt_wait_new_mutex(bool owned)
{
	RtWaitable *h = new_handle(RT_WAIT_MUTEX);
	if (h && owned) {
		h->owner = rt_thread_id();
		h->count = 1;
	}
	return h;
}

/* Under the lock. */
static void unref(RtWaitable *h)
{
	if (--h->refs == 0)
		free(h);
}

static bool set_event(RtWaitable *h, int32_t value)
{
	if (!h || h->kind != RT_WAIT_EVENT)
		return false;
	rt_wait_lock();
	h->count = value;
	if (value)
		rt_wait_wake_all();
	rt_wait_unlock();
	return true;
}

bool rt_wait_set(RtWaitable *h) { return set_event(h, 1); }
bool rt_wait_reset(RtWaitable *h) { return set_event(h, 0); }

bool rt_wait_release_mutex(RtWaitable *h)
{
	if (!h || h->kind != RT_WAIT_MUTEX)
		return false;
	rt_wait_lock();
	bool mine = h->count > 0 && h->owner == rt_thread_id();
	if (mine && --h->count == 0) {
		h->owner = 0;
		rt_wait_wake_all();
	}
	rt_wait_unlock();
	return mine;
}

void rt_wait_close(RtWaitable *h)
{
	if (!h)
		return;
	rt_wait_lock();
	if (!h->closed) {
		h->closed = true;
		unref(h);
	}
	rt_wait_unlock();
}

/* ---- waits (under the lock) ---- */

static bool is_ready(const RtWaitable *h, uintptr_t me)
{
	if (h->kind == RT_WAIT_MUTEX)
		return h->count == 0 || h->owner == me;
	return h->count > 0;
}

static void take(RtWaitable *h, uintptr_t me)
{
	if (h->kind == RT_WAIT_MUTEX) {
		h->owner = me;
		h->count++;
	} else if (!h->manual) {
		h->count = 0;
	}
}

/* The index that satisfies the wait now, or -1. */
static int32_t try_take(RtWaitable *const *h, int32_t n, bool all, uintptr_t me)
{
	for (int32_t i = 0; i < n; i++) {
		bool ready = is_ready(h[i], me);
		if (!all && ready) {
			take(h[i], me);
			return i;
		}
		if (all && !ready)
			return -1;
	}
	if (!all)
		return -1;
	for (int32_t i = 0; i < n; i++)
		take(h[i], me);
	return 0;
}

int32_t rt_wait_many(RtWaitable *const *h, int32_t n, bool all, int32_t ms)
{
	if (n <= 0 || n > RT_WAIT_MAX)
		return RT_WAIT_FAILED;
	for (int32_t i = 0; i < n; i++)
		if (!h[i])
			return RT_WAIT_FAILED;
	uintptr_t me = rt_thread_id();
	struct timespec deadline;
	if (ms >= 0)
		rt_wait_deadline(ms, &deadline);
	rt_wait_lock();
	for (int32_t i = 0; i < n; i++)
		h[i]->refs++;
	rt_thread_mark_waiting(true);
	int32_t r;
	while ((r = try_take(h, n, all, me)) < 0) {
		if (ms == 0 || !rt_wait_sleep(ms > 0 ? &deadline : NULL)) {
			r = try_take(h, n, all, me);
			if (r < 0)
				r = RT_WAIT_TIMEOUT;
			break;
		}
	}
	rt_thread_mark_waiting(false);
	for (int32_t i = 0; i < n; i++)
		unref(h[i]);
	rt_wait_unlock();
	return r;
}
