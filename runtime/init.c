/* init.c: running static constructors (rt_init_).
 *
 * Requires: an RtClassInit per type with a .cctor, emitted by the compiler
 * in writable static data (scanned by the collector, which keeps the cached
 * error alive), state RT_INIT_NONE at start; rt_init_check (rt.h) calls
 * rt_init_run only while the state is not RT_INIT_DONE.
 * Provides: ECMA-335 §II.10.5.3.3. One thread runs a type's cctor; others
 * wait until it is done. The thread already running it (recursion, or a
 * cycle of cctors) returns at once and sees the type half initialised, as
 * in .NET. A thread whose wait would close a cycle of threads waiting on
 * each other's cctors returns too, rather than deadlock. A cctor that
 * throws leaves a TypeInitializationException (type name, the exception as
 * inner) cached in ci->error and the state RT_INIT_FAILED; that exception is
 * thrown now and at every later use of the type.
 * One global mutex guards all states (held only between steps, never while
 * a cctor runs). States are stored atomically, since rt_init_check reads
 * them without the lock; DONE is published with release order after the
 * cctor's stores, for rt_init_check's acquire load.
 */
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t init_changed = PTHREAD_COND_INITIALIZER;

/* A thread blocked until another thread's cctor finishes (on its stack). */
typedef struct InitWait {
	uintptr_t thread;
	RtClassInit *ci;
	struct InitWait *next;
} InitWait;

static InitWait *init_waits;        /* under init_lock */

static RtClassInit *waiting_for(uintptr_t thread)
{
	for (InitWait *w = init_waits; w; w = w->next)
		if (w->thread == thread)
			return w->ci;
	return NULL;
}

/* Would `me` waiting for ci close a cycle? Follows owner → what that owner
 * waits for → its owner ... (with init_lock held). */
static bool would_deadlock(RtClassInit *ci, uintptr_t me)
{
	for (int hops = 0; ci && hops < 4096; hops++) {
		if (ci->owner == me)
			return true;
		ci = waiting_for(ci->owner);
	}
	return false;
}

static void wait_for_other(RtClassInit *ci, uintptr_t me)
{
	InitWait w = { me, ci, init_waits };
	init_waits = &w;
	pthread_cond_wait(&init_changed, &init_lock);
	for (InitWait **p = &init_waits; *p; p = &(*p)->next) {
		if (*p == &w) {
			*p = w.next;
			break;
		}
	}
}

/* ---- failure ---- */

/* Takes the pending exception and wraps it; returns what to cache. */
static Object *wrap_failure(RtClassInit *ci)
{
	Object *inner = rt_exc_catch();
	char *name = ci->type ? rt_exc_type_name(ci->type) : NULL;
	RtString *sname = rt_str_from_utf8(name ? name : "<unknown>");
	free(name);
	Object *tie = NULL;
	if (sname && rt_known.new_type_init)
		tie = rt_known.new_type_init(sname, inner);
	if (!tie)       /* building it failed: cache what went wrong instead */
		tie = rt_pending ? rt_exc_catch() : inner;
	return tie;
}

/* Called with init_lock held; returns with it released. */
static void run_cctor(RtClassInit *ci, uintptr_t me)
{
	__atomic_store_n(&ci->state, RT_INIT_RUNNING, __ATOMIC_RELAXED);
	ci->owner = me;
	pthread_mutex_unlock(&init_lock);
	if (ci->cctor) {
		RtEhRec all = {0};  /* the first pass stops here: see wrap_failure */
		if (rt_eh_top)
			rt_eh_link(&all);
		ci->cctor();
		rt_eh_unlink(&all);
	}
	Object *err = rt_pending ? wrap_failure(ci) : NULL;
	pthread_mutex_lock(&init_lock);
	ci->error = err;
	ci->owner = 0;
	__atomic_store_n(&ci->state, err ? RT_INIT_FAILED : RT_INIT_DONE,
			 __ATOMIC_RELEASE);
	pthread_cond_broadcast(&init_changed);
	pthread_mutex_unlock(&init_lock);
	if (err)
		rt_exc_throw(err);
}

void rt_init_run(RtClassInit *ci)
{
	uintptr_t me = rt_thread_id();
	pthread_mutex_lock(&init_lock);
	for (;;) {
		switch (ci->state) {
		case RT_INIT_DONE:
			pthread_mutex_unlock(&init_lock);
			return;
		case RT_INIT_FAILED:
			pthread_mutex_unlock(&init_lock);
			rt_exc_throw(ci->error);
			return;
		case RT_INIT_NONE:
			run_cctor(ci, me);
			return;
		default:                /* running */
			if (would_deadlock(ci, me)) {
				pthread_mutex_unlock(&init_lock);
				return;
			}
			wait_for_other(ci, me);
		}
	}
}
