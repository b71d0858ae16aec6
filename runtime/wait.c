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
 *
 * One process-wide lock guards every handle (as Mono's own w32handle
 * signal mutex does), so a wait for all sees its handles together. Each
 * handle keeps a queue of the waits blocked on it, oldest first, and each
 * blocked wait sleeps on a futex word of its own, outside the lock.
 * Whoever makes a handle ready (Set, the last ReleaseMutex) hands it over
 * under the lock: it takes the handle for the first queued wait that it
 * satisfies, records the index in that wait, takes the wait off every
 * queue and sets its word; for an auto-reset event or a mutex that ends
 * the scan, for a manual-reset event the scan goes on. Only after giving
 * up the lock does it wake the threads whose words it set (Wakes), so a
 * woken thread does not find the lock still held by its waker. The word
 * lives on the waiter's stack and the waiter may have gone by then (it
 * saw the word set, say after a timeout): a wake of a futex address
 * nobody waits on, or of memory reused by another futex, is harmless,
 * since every futex sleeper (ours, glibc's) checks its condition again.
 * A thread woken (or timed out) reads its result under the lock, so a
 * hand-off racing with a timeout is never lost: the handle was taken for
 * the wait, and the wait returns it. Before, every change woke every
 * waiter (a ring of 503 threads passing a token through AutoResetEvents
 * woke 502 threads for nothing each time); then each woken thread woke
 * under its waker's lock and slept again on it at once.
 * Join and the wait for foreground threads sleep on the one shared
 * condition (rt_wait_sleep), which only thread state changes broadcast.
 * A wait ends with RT_WAIT_INTERRUPTED when an interrupt (Thread.Interrupt)
 * is pending as it starts, even if it would not block (as Mono), or wakes
 * it while blocked (rt_thread_block), unless a hand-off satisfied it first.
 * A handle is freed when closed and no wait holds it (a reference count).
 * A duplicate (DuplicateHandle) is the same handle opened once more: it
 * is closed when every duplicate was.
 */
#include <errno.h>
#if __has_include(<linux/futex.h>)
#include <linux/futex.h>
#else   /* musl-gcc hides the kernel's headers: its ABI's numbers */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
#endif
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

typedef struct Waiter Waiter;

/* One blocked wait's place in one handle's queue. */
typedef struct Link {
	struct Link *next, *prev;
	Waiter *w;
} Link;

struct RtWaitable {
	RtWaitKind kind;
	bool manual;                /* events: stays signalled until reset */
	bool closed;
	int32_t dups;               /* duplicates open besides the first */
	int32_t count;              /* events: 1 signalled; mutexes: recursion */
	uintptr_t owner;            /* mutexes: rt_thread_id of the holder */
	int32_t refs;               /* 1 while open, +1 per wait in progress */
	Link *first, *last;         /* blocked waits, oldest first */
};

/* A blocked wait, on its thread's stack. */
struct Waiter {
	RtWaitable *const *h;
	int32_t n;
	bool all;
	uintptr_t me;
	int32_t result;             /* -1 until a hand-off satisfies it */
	uint32_t word;              /* futex: 1 once handed off (or interrupted) */
	Link links[RT_WAIT_MAX];    /* links[i] sits in h[i]'s queue */
};

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond;    /* thread states: Join, foreground */
static pthread_condattr_t cond_attr;
static pthread_once_t wait_once = PTHREAD_ONCE_INIT;

static void wait_init(void)
{
	pthread_condattr_init(&cond_attr);
	pthread_condattr_setclock(&cond_attr, CLOCK_MONOTONIC);
	pthread_cond_init(&wait_cond, &cond_attr);
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

/* Read once: sysconf opens /sys/devices/system/cpu/online each time, and
 * SpinWait and the thread pool ask on every contended lock (an HTTP server
 * asked 7 times a request). */
int32_t rt_cpu_count(void)
{
	static _Atomic int32_t count;
	int32_t n = count;
	if (n == 0) {
		n = (int32_t)sysconf(_SC_NPROCESSORS_ONLN);
		count = n;
	}
	return n;
}

/* ---- futex words ---- */

/* A sleeper's word: 0 not woken, 1 woken, 2 asleep (set by the sleeper
 * itself, only while inside rt_futex_wait). A waker sets 1 and makes the
 * system call only if the word was 2 (rt_futex_set): a sleeper that has
 * not gone to sleep yet sees 1 and does not, so neither side makes one
 * (pipeline: half of the sleeps found their word set already, and most
 * wakes found nobody asleep). Sleeps while *word is 0, until woken or the
 * CLOCK_MONOTONIC deadline (NULL: none); false once the deadline passed.
 * May return early; returns with the word 0 or 1, never 2. */
bool rt_futex_wait(uint32_t *word, const struct timespec *deadline)
{
	uint32_t c = 0;
	if (!__atomic_compare_exchange_n(word, &c, 2, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return true;            /* woken already */
	long rc = syscall(SYS_futex, word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 2,
			  deadline, NULL, FUTEX_BITSET_MATCH_ANY);
	bool in_time = !(rc < 0 && errno == ETIMEDOUT);
	c = 2;                          /* not woken: back to 0 */
	__atomic_compare_exchange_n(word, &c, 0, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return in_time;
}

void rt_futex_wake(uint32_t *word)
{
	syscall(SYS_futex, word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
}

bool rt_futex_set(uint32_t *word)
{
	return __atomic_exchange_n(word, 1, __ATOMIC_SEQ_CST) == 2;
}

/* ---- a futex lock ----
 * 0 free, 1 held, 2 held with a sleeper maybe (Drepper, "Futexes Are
 * Tricky", mutex 3): taking a free lock and giving back one nobody slept
 * on are one atomic operation each; a taker spins briefly (the holder's
 * critical sections are short), then marks the lock 2 and sleeps; a giver
 * that finds 2 wakes one sleeper. */
enum { LOCK_SPINS = 100 };

void rt_lock_take(uint32_t *lock)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(lock, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	for (int i = 0; i < LOCK_SPINS && c != 2; i++) {
		rt_spin_pause();
		c = 0;
		if (__atomic_compare_exchange_n(lock, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
	}
	c = __atomic_exchange_n(lock, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		syscall(SYS_futex, lock, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 2, NULL, NULL, 0);
		c = __atomic_exchange_n(lock, 2, __ATOMIC_ACQUIRE);
	}
}

void rt_lock_give(uint32_t *lock)
{
	if (__atomic_exchange_n(lock, 0, __ATOMIC_RELEASE) == 2)
		syscall(SYS_futex, lock, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
}

/* Words set under the lock, woken once it is given up (unlock_and_wake). */
typedef struct Wakes {
	int32_t n;
	uint32_t *word[8];
} Wakes;

static void wake_later(Wakes *k, uint32_t *word)
{
	if (!rt_futex_set(word))
		return;                 /* not asleep: it will see the 1 */
	if (k->n == (int32_t)(sizeof k->word / sizeof k->word[0]))
		rt_futex_wake(word);        /* full: wake under the lock */
	else
		k->word[k->n++] = word;
}

/* Gives up the lock, then wakes. */
static void unlock_and_wake(Wakes *k)
{
	rt_wait_unlock();
	for (int32_t i = 0; i < k->n; i++)
		rt_futex_wake(k->word[i]);
}

/* ---- taking handles (under the lock) ---- */

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

/* ---- wait queues (under the lock) ---- */

static void enqueue(Waiter *w)
{
	for (int32_t i = 0; i < w->n; i++) {
		RtWaitable *h = w->h[i];
		Link *l = &w->links[i];
		l->w = w;
		l->next = NULL;
		l->prev = h->last;
		if (h->last)
			h->last->next = l;
		else
			h->first = l;
		h->last = l;
	}
}

static void dequeue(Waiter *w)
{
	for (int32_t i = 0; i < w->n; i++) {
		RtWaitable *h = w->h[i];
		Link *l = &w->links[i];
		if (l->prev)
			l->prev->next = l->next;
		else
			h->first = l->next;
		if (l->next)
			l->next->prev = l->prev;
		else
			h->last = l->prev;
	}
}

/* h may have become ready: hand it to the queued waits it satisfies, in
 * order, while it stays ready. The scan starts again after each hand-off,
 * since a wait naming h twice leaves two links. */
static void hand_off(RtWaitable *h, Wakes *k)
{
	Link *l = h->first;
	while (l && is_ready(h, l->w->me)) {
		Waiter *w = l->w;
		int32_t r = try_take(w->h, w->n, w->all, w->me);
		if (r < 0) {
			l = l->next;        /* a wait for all, still missing one */
			continue;
		}
		w->result = r;
		dequeue(w);
		wake_later(k, &w->word);
		l = h->first;
	}
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
	Wakes k = { 0 };
	rt_wait_lock();
	h->count = value;
	if (value)
		hand_off(h, &k);
	unlock_and_wake(&k);
	return true;
}

bool rt_wait_set(RtWaitable *h) { return set_event(h, 1); }
bool rt_wait_reset(RtWaitable *h) { return set_event(h, 0); }

bool rt_wait_release_mutex(RtWaitable *h)
{
	if (!h || h->kind != RT_WAIT_MUTEX)
		return false;
	Wakes k = { 0 };
	rt_wait_lock();
	bool mine = h->count > 0 && h->owner == rt_thread_id();
	if (mine && --h->count == 0) {
		h->owner = 0;
		hand_off(h, &k);
	}
	unlock_and_wake(&k);
	return mine;
}

void rt_wait_close(RtWaitable *h)
{
	if (!h)
		return;
	rt_wait_lock();
	if (h->dups > 0) {
		h->dups--;
	} else if (!h->closed) {
		h->closed = true;
		unref(h);
	}
	rt_wait_unlock();
}

bool rt_wait_dup(RtWaitable *h)
{
	rt_wait_lock();
	bool open = !h->closed;
	h->dups += open;
	rt_wait_unlock();
	return open;
}

bool rt_wait_is_closed(RtWaitable *h)
{
	rt_wait_lock();
	bool closed = h->closed;
	rt_wait_unlock();
	return closed;
}

void rt_wait_hold(RtWaitable *h)
{
	rt_wait_lock();
	h->refs++;
	rt_wait_unlock();
}

void rt_wait_unhold(RtWaitable *h)
{
	rt_wait_lock();
	unref(h);
	rt_wait_unlock();
}

/* How many blocked waits h's queue holds (for tests). */
int32_t rt_wait_queued(RtWaitable *h)
{
	int32_t n = 0;
	rt_wait_lock();
	for (Link *l = h->first; l; l = l->next)
		n++;
	rt_wait_unlock();
	return n;
}

/* ---- waits ---- */

/* Under the lock, nothing ready: queues w and sleeps, without the lock,
 * until a hand-off gives it its result or the deadline (if any) passes.
 * An interrupt sets the word too (rt_thread_block_word). */
static int32_t block(Waiter *w, const struct timespec *deadline)
{
	for (int32_t i = 0; i < w->n; i++)
		w->h[i]->refs++;
	enqueue(w);
	rt_thread_mark_waiting(true);
	bool sleep = rt_thread_block_word(&w->word), in_time = true;
	if (sleep) {
		rt_wait_unlock();
		while (in_time && !__atomic_load_n(&w->word, __ATOMIC_ACQUIRE))
			in_time = rt_futex_wait(&w->word, deadline);
		rt_wait_lock();
	}
	if (w->result < 0) {
		dequeue(w);
		w->result = rt_thread_unblock(true) ? RT_WAIT_INTERRUPTED : RT_WAIT_TIMEOUT;
	} else {
		rt_thread_unblock(false);
	}
	rt_thread_mark_waiting(false);
	for (int32_t i = 0; i < w->n; i++)
		unref(w->h[i]);
	return w->result;
}

int32_t rt_wait_many(RtWaitable *const *h, int32_t n, bool all, int32_t ms)
{
	if (n <= 0 || n > RT_WAIT_MAX)
		return RT_WAIT_FAILED;
	for (int32_t i = 0; i < n; i++)
		if (!h[i])
			return RT_WAIT_FAILED;
	Waiter w = { .h = h, .n = n, .all = all, .me = rt_thread_id(), .result = -1 };
	struct timespec deadline;
	if (ms > 0)
		rt_wait_deadline(ms, &deadline);
	rt_wait_lock();
	int32_t r = rt_thread_take_interrupt() ? RT_WAIT_INTERRUPTED : try_take(h, n, all, w.me);
	if (r < 0)
		r = ms == 0 ? RT_WAIT_TIMEOUT : block(&w, ms > 0 ? &deadline : NULL);
	rt_wait_unlock();
	return r;
}
