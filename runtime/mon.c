/* mon.c: monitors and default hash codes (rt_mon_).
 *
 * Requires: objects whose header word `sync` starts 0 and that live in
 * writable memory.
 * Provides: Monitor.Enter/TryEnter/Exit/Wait/Pulse/PulseAll and
 * RuntimeHelpers.GetHashCode. Each object that needs one gets an RtSync,
 * allocated on first use and installed in hdr.sync by compare-and-swap (the
 * loser of a race drops its record); it never changes after that.
 *
 * The record must live as long as its object. An object the collector
 * scans keeps it alive through hdr.sync. An atomic (pointer-free) object,
 * such as the usual `new object()` lock, is not scanned, so its record goes
 * in a keep-alive list, with a long weak link to the object that Boehm
 * clears once the object is dead for good (after any finalizer that could
 * resurrect it); the list drops such records when it next grows. String
 * literals are not scanned either and never die: their records stay.
 *
 * The monitor: `owner` is taken by compare-and-swap from 0 to the
 * thread's id, without the mutex when nobody waits (a lock taken and
 * given back by one thread, or two threads taking turns on a short
 * critical section, pays one atomic operation each way, no mutex and no
 * system call), after a short spin when another thread holds it. Only the
 * owner touches `count`. A thread that must sleep takes the mutex, counts
 * itself in `entering`, tries once more, then joins the `entrants` queue;
 * Exit stores owner 0 and then reads `entering` (both sequentially
 * consistent, so a sleeper's count is seen whenever its last try saw the
 * monitor held), and only then takes the mutex to wake one. The mutex
 * also guards the queue of threads in Wait. Every sleeper, for entry or
 * in Wait, sleeps on a futex word of its own (as handle waits do, wait.c)
 * outside the mutex, and is woken by setting it: the mutex is never a
 * condition's. With conditions each wake-up took the mutex back inside
 * the C library, which under musl left it marked contended, so that most
 * later unlocks made a system call (pipeline: 158,000 futex wakes for
 * 13,000 sleeps; 0.37 s CPU against glibc's 0.09). Pulse wakes nobody: it
 * moves the thread it picks (PulseAll each queued one) to the `ready`
 * queue and counts it in `entering`, and the release of the monitor that
 * follows wakes the oldest ready thread rather than one asleep for entry.
 * A pulsed thread so wakes once, when the monitor is free; woken by the
 * Pulse itself, as before, it found the monitor still held by the pulser
 * and slept a second time for entry (one shared condition, earlier
 * still, woke every waiter on each Pulse). Wait gives up every
 * recursion level and takes them all back before it returns. A blocked
 * Enter and Wait end with ThreadInterruptedException on Thread.Interrupt
 * (rt_thread_block_word: the interrupt sets the sleeper's word and wakes
 * it; the order is the monitor's mutex, then rt_wait_lock). Hash codes
 * are a scrambled global counter: stable for the
 * object's life, never 0, non-negative, distinct for the first 2^31.
 */
#include <pthread.h>
#include <time.h>

#include <gc/gc.h>

#include "internal.h"

/* A thread in Wait: WAITING in `waiters` until a Pulse picks it, then
 * PULSED in `ready` (still asleep, counted in `entering`) until a release
 * of the monitor wakes it, WOKEN. A thread asleep for entry: WAITING in
 * `entrants` until a release wakes it, WOKEN. */
typedef enum { W_WAITING, W_PULSED, W_WOKEN } WaitState;

typedef struct Waiter {
	struct Waiter *next;
	WaitState state;            /* under lock */
	uint32_t word;              /* futex: 1 once woken (or interrupted) */
} Waiter;

typedef struct RtSync {
	int32_t hash;
	int32_t count;              /* owner's recursion depth (owner only) */
	uintptr_t owner;            /* rt_thread_id, 0 when free (atomic) */
	int32_t entering;           /* threads asleep for entry (atomic) */
	Waiter *waiters;            /* in Wait, oldest first (on their stacks;
				       under lock) */
	Waiter *ready;              /* pulsed, asleep until a release (under
				       lock) */
	Waiter *entrants;           /* asleep for entry, oldest first (on their
				       stacks; under lock) */
	GC_hidden_pointer weak_obj; /* atomic objects: long link to the object */
	uint32_t lock;              /* rt_lock_take */
} RtSync;

/* One cache line per record: Boehm puts an object of 64 bytes at a
 * multiple of 64 in its block, so the words that the threads taking
 * turns on a monitor write (owner, count, entering) share their line
 * with no other record. A 72-byte record would be rounded to 80 and two
 * monitors could move each other's lines (pipeline's two semaphores). */
_Static_assert(sizeof(RtSync) <= 64, "an RtSync fills at most one cache line");

static int32_t next_hash(void)
{
	static uint32_t seq;
	uint32_t n = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
	uint32_t h = (n * 0x9E3779B1u) & 0x7FFFFFFF;   /* odd: a bijection */
	return h ? (int32_t)h : 1;
}

/* ---- keep-alive list for records of atomic objects ---- */

static pthread_mutex_t keep_lock = PTHREAD_MUTEX_INITIALIZER;
static RtSync **keep;               /* uncollectable, so scanned */
static size_t nkeep, capkeep;

/* Drops records whose object is dead; grows the list if still half full. */
static void keep_make_room(void)
{
	size_t j = 0;
	for (size_t i = 0; i < nkeep; i++)
		if (keep[i]->weak_obj)
			keep[j++] = keep[i];
	nkeep = j;
	if (nkeep < capkeep / 2)
		return;
	size_t cap = capkeep ? capkeep * 2 : 64;
	RtSync **grown = GC_MALLOC_UNCOLLECTABLE(cap * sizeof *grown);
	if (!grown)
		rt_fatal("out of memory for monitor records");
	if (nkeep)
		memcpy(grown, keep, nkeep * sizeof *grown);
	GC_FREE(keep);
	keep = grown;
	capkeep = cap;
}

/* A string literal never dies and is not scanned either (gc.c): its
 * record stays in the list with a link that is never registered, so
 * never cleared. */
static void keep_alive(RtSync *s, Object *o, bool forever)
{
	s->weak_obj = GC_HIDE_POINTER(o);
	if (!forever)
		GC_register_long_link((void **)&s->weak_obj, o);
	pthread_mutex_lock(&keep_lock);
	if (nkeep == capkeep)
		keep_make_room();
	keep[nkeep++] = s;
	pthread_mutex_unlock(&keep_lock);
}

/* ---- records ---- */

static RtSync *new_sync(void)
{
	RtSync *s = rt_gc_alloc_raw(64, true);     /* a line of its own */
	if (!s)
		return NULL;
	s->hash = next_hash();
	return s;
}

/* NULL with an exception pending when o is null or memory ran out. */
static RtSync *get_sync(Object *o)
{
	if (RT_UNLIKELY(!o)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return NULL;
	}
	uintptr_t cur = __atomic_load_n(&o->sync, __ATOMIC_ACQUIRE);
	if (RT_LIKELY(cur != 0))
		return (RtSync *)cur;
	RtSync *s = new_sync();
	if (!s)
		return NULL;
	if (!__atomic_compare_exchange_n(&o->sync, &cur, (uintptr_t)s, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return (RtSync *)cur;   /* another thread won */
	if (rt_gc_is_literal(o))
		keep_alive(s, o, true);
	else if (rt_gc_obj_is_atomic(o))
		keep_alive(s, o, false);
	return s;
}

int32_t rt_mon_hash(Object *o)
{
	RtSync *s = get_sync(o);
	return s ? s->hash : 0;
}

/* ---- entering and leaving ---- */

static struct timespec deadline_after(int32_t ms)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (long)(ms % 1000) * 1000000;
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	return t;
}

static bool try_own(RtSync *s, uintptr_t me)
{
	uintptr_t free = 0;
	return __atomic_compare_exchange_n(&s->owner, &free, me, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_RELAXED);
}

static void unlink_waiter(Waiter **list, Waiter *w)
{
	for (Waiter **p = list; *p; p = &(*p)->next) {
		if (*p == w) {
			*p = w->next;
			return;
		}
	}
}

static void append_waiter(Waiter **list, Waiter *w)
{
	Waiter **p = list;
	while (*p)
		p = &(*p)->next;
	w->next = NULL;
	*p = w;
}

/* With s->lock held, the monitor just given up and a thread counted in
 * `entering`: wakes a pulsed waiter (the oldest) if any, else the oldest
 * thread asleep for entry. */
static void wake_one(RtSync *s)
{
	Waiter *w = s->ready;
	if (w)
		s->ready = w->next;
	else if ((w = s->entrants))
		s->entrants = w->next;
	else
		return;
	w->state = W_WOKEN;
	if (rt_futex_set(&w->word))
		rt_futex_wake(&w->word);    /* may come after it woke and went: harmless */
}

/* With s->lock held: rt_thread_unblock for a sleep on a word. */
static bool unblock(bool take)
{
	rt_wait_lock();
	bool was = rt_thread_unblock(take);
	rt_wait_unlock();
	return was;
}

/* With s->lock held: waits until the monitor is free (or the deadline, if
 * any, passes), then takes it with recursion count `count`. Thread.
 * Interrupt ends the wait if `interruptible`. */
typedef enum Acquired { ACQ_GOT, ACQ_TIMEOUT, ACQ_INTERRUPTED } Acquired;

static Acquired acquire_locked(RtSync *s, uintptr_t me, int32_t count,
			       const struct timespec *deadline, bool interruptible)
{
	Acquired r = ACQ_GOT;
	__atomic_add_fetch(&s->entering, 1, __ATOMIC_SEQ_CST);
	bool owned = try_own(s, me), blocked = false;
	Waiter e = { .next = NULL };
	if (!owned && interruptible) {
		blocked = true;
		rt_wait_lock();
		if (!rt_thread_block_word(&e.word))
			r = ACQ_INTERRUPTED;
		rt_wait_unlock();
	}
	while (!owned && r == ACQ_GOT) {
		e.state = W_WAITING;
		__atomic_store_n(&e.word, 0, __ATOMIC_SEQ_CST);    /* as in rt_mon_wait */
		if (interruptible && rt_thread_interrupt_pending()) {
			r = ACQ_INTERRUPTED;
			break;
		}
		append_waiter(&s->entrants, &e);
		rt_lock_give(&s->lock);
		bool in_time = rt_futex_wait(&e.word, deadline);
		rt_lock_take(&s->lock);
		if (e.state != W_WOKEN)
			unlink_waiter(&s->entrants, &e);
		owned = try_own(s, me);
		if (owned)
			break;
		if (!in_time)
			r = ACQ_TIMEOUT;
		else if (interruptible && rt_thread_interrupt_pending())
			r = ACQ_INTERRUPTED;
	}
	__atomic_sub_fetch(&s->entering, 1, __ATOMIC_SEQ_CST);
	if (blocked && unblock(r == ACQ_INTERRUPTED))
		r = ACQ_INTERRUPTED;
	if (r != ACQ_GOT) {
		if (owned)
			__atomic_store_n(&s->owner, 0, __ATOMIC_SEQ_CST);
		if (!__atomic_load_n(&s->owner, __ATOMIC_SEQ_CST) &&
		    __atomic_load_n(&s->entering, __ATOMIC_SEQ_CST))
			wake_one(s);            /* pass on a wake-up we took */
		return r;
	}
	s->count = count;
	return ACQ_GOT;
}

/* A few tries before sleeping: the holder of a short critical section on
 * the other core is likely to give it back within them. */
enum { SPINS = 64 };

/* timeout_ms < 0: wait as long as it takes. */
static __attribute__((noinline)) bool enter(Object *o, int32_t timeout_ms)
{
	RtSync *s = get_sync(o);
	if (!s)
		return false;
	uintptr_t me = rt_thread_id();
	if (__atomic_load_n(&s->owner, __ATOMIC_RELAXED) == me) {
		s->count++;
		return true;
	}
	for (int i = 0; i < SPINS; i++) {
		if (try_own(s, me)) {
			s->count = 1;
			return true;
		}
		if (!timeout_ms)
			return false;
		rt_spin_pause();
	}
	rt_lock_take(&s->lock);
	Acquired got;
	if (timeout_ms < 0) {
		got = acquire_locked(s, me, 1, NULL, true);
	} else {
		struct timespec d = deadline_after(timeout_ms);
		got = acquire_locked(s, me, 1, &d, true);
	}
	rt_lock_give(&s->lock);
	if (got == ACQ_INTERRUPTED)
		rt_thread_raise_interrupted();
	return got == ACQ_GOT;
}

/* The common case of Enter, without a call: the object has its record
 * and the monitor is free (`lock` taken and given back by one thread, or
 * by threads taking turns). */
static inline bool enter_fast(Object *o)
{
	RtSync *s = RT_LIKELY(o != NULL) ? (RtSync *)__atomic_load_n(&o->sync, __ATOMIC_ACQUIRE) : NULL;
	if (RT_LIKELY(s != NULL) && try_own(s, rt_thread_id())) {
		s->count = 1;
		return true;
	}
	return false;
}

void rt_mon_enter(Object *o)
{
	if (!enter_fast(o))
		enter(o, -1);
}

bool rt_mon_try_enter(Object *o, int32_t timeout_ms)
{
	return enter_fast(o) || enter(o, timeout_ms);
}

/* Wakes a thread asleep for the monitor just given up (taking s->lock
 * for that unless the caller holds it). */
static __attribute__((noinline)) void release_slow(RtSync *s, bool locked)
{
	if (!locked)
		rt_lock_take(&s->lock);
	wake_one(s);
	if (!locked)
		rt_lock_give(&s->lock);
}

/* Gives the monitor up entirely; wakes a thread asleep for it, if any. */
static inline void release(RtSync *s, bool locked)
{
	s->count = 0;
	__atomic_store_n(&s->owner, 0, __ATOMIC_SEQ_CST);
	if (RT_UNLIKELY(__atomic_load_n(&s->entering, __ATOMIC_SEQ_CST) != 0))
		release_slow(s, locked);
}

/* The record of o's monitor if this thread holds it; else NULL with
 * SynchronizationLockException (or NullReferenceException) pending. A
 * monitor never entered has no record. */
static inline RtSync *owned_sync(Object *o)
{
	if (RT_UNLIKELY(!o)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return NULL;
	}
	RtSync *s = (RtSync *)__atomic_load_n(&o->sync, __ATOMIC_ACQUIRE);
	if (RT_UNLIKELY(!s || __atomic_load_n(&s->owner, __ATOMIC_RELAXED) != rt_thread_id())) {
		rt_exc_throw_kind(RT_EXC_SYNCLOCK);
		return NULL;
	}
	return s;
}

void rt_mon_exit(Object *o)
{
	RtSync *s = owned_sync(o);
	if (s && --s->count == 0)
		release(s, false);
}

/* Leaving a synchronized method: with an exception unwinding, a monitor
 * the method no longer holds (it exited it itself) makes the
 * SynchronizationLockException replace that exception, as in Mono. */
void rt_mon_exit_method(Object *o)
{
	if (!rt_pending) {
		rt_mon_exit(o);
		return;
	}
	Object *e = rt_exc_catch_local();
	rt_mon_exit(o);
	if (!rt_pending)
		rt_exc_resume(e);
}

/* The thread holding o's monitor, 0 if none. */
static uintptr_t owner_of(Object *o)
{
	RtSync *s = o ? (RtSync *)__atomic_load_n(&o->sync, __ATOMIC_ACQUIRE) : NULL;
	return s ? __atomic_load_n(&s->owner, __ATOMIC_ACQUIRE) : 0;
}

/* Monitor.IsEntered: does this thread hold o's monitor? */
bool rt_mon_is_entered(Object *o) { return owner_of(o) == rt_thread_id(); }

/* Does any thread hold it? */
bool rt_mon_is_locked(Object *o) { return owner_of(o) != 0; }

/* ---- Wait and Pulse ---- */

/* True when pulsed, false when the time ran out; either way the monitor
 * is held again, at the same recursion depth, on return. Thread.Interrupt
 * ends the wait too: the monitor is taken back, then the exception
 * thrown. */
bool rt_mon_wait(Object *o, int32_t timeout_ms)
{
	RtSync *s = owned_sync(o);
	if (!s)
		return false;
	uintptr_t me = rt_thread_id();
	int32_t depth = s->count;
	Waiter w = { .next = NULL };
	struct timespec d = deadline_after(timeout_ms < 0 ? 0 : timeout_ms);
	rt_lock_take(&s->lock);
	append_waiter(&s->waiters, &w);
	release(s, true);
	rt_wait_lock();
	bool sleep = rt_thread_block_word(&w.word), timed_out = false;
	rt_wait_unlock();
	while (w.state != W_WOKEN) {
		/* the word cleared before the interrupt is read: an interrupt
		 * after that read sets it again, so the sleep ends at once */
		__atomic_store_n(&w.word, 0, __ATOMIC_SEQ_CST);
		if (w.state == W_WAITING && (!sleep || timed_out || rt_thread_interrupt_pending()))
			break;
		/* once pulsed, the wait is for the monitor: no deadline */
		bool deadline = timeout_ms >= 0 && w.state == W_WAITING;
		rt_lock_give(&s->lock);
		timed_out = !rt_futex_wait(&w.word, deadline ? &d : NULL);
		rt_lock_take(&s->lock);
	}
	bool pulsed = w.state == W_WOKEN;
	if (pulsed)
		__atomic_sub_fetch(&s->entering, 1, __ATOMIC_SEQ_CST);   /* Pulse's count */
	else
		unlink_waiter(&s->waiters, &w);
	bool interrupted = unblock(!pulsed);
	acquire_locked(s, me, depth, NULL, false);
	rt_lock_give(&s->lock);
	if (interrupted)
		rt_thread_raise_interrupted();
	return pulsed;
}

void rt_mon_pulse(Object *o, bool all)
{
	RtSync *s = owned_sync(o);
	/* Only the owner adds to `waiters` (Wait, before it gives the
	 * monitor up), so the owner reading it empty without the lock reads
	 * it right; a waiter whose time ran out may leave it meanwhile,
	 * which is harmless. SemaphoreSlim.Release pulses on every release
	 * that finds the count 0, mostly with nobody waiting. */
	if (!s || !__atomic_load_n(&s->waiters, __ATOMIC_ACQUIRE))
		return;
	rt_lock_take(&s->lock);
	Waiter **tail = &s->ready;
	while (*tail)
		tail = &(*tail)->next;
	while (s->waiters) {
		Waiter *w = s->waiters;
		s->waiters = w->next;
		w->next = NULL;
		w->state = W_PULSED;
		__atomic_add_fetch(&s->entering, 1, __ATOMIC_SEQ_CST);
		*tail = w;
		tail = &w->next;
		if (!all)
			break;
	}
	rt_lock_give(&s->lock);
}
