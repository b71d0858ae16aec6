/* thread.c: the per-thread record (rt_thread_).
 *
 * Requires: the collector initialised (rt_gc_init) before the first attach.
 * Provides: rt_thread_self(), a record per thread created on first use and
 * reachable through a __thread pointer; it is allocated uncollectable so the
 * collector scans it as a root (the exception slots in it must stay visible
 * even though Boehm does not reliably scan __thread storage). A thread's
 * record and signal stack are released by a pthread key destructor when it
 * exits; the main thread's live until the process ends. Its [ThreadStatic]
 * storage is a root of the collector from attach to exit
 * (rt_known.thread_roots).
 */
#include <pthread.h>
#include <sys/resource.h>

#include <gc/gc.h>

#include "internal.h"

__thread RtThread *rt_thread_cur;
__thread void *rt_tail_fn, *rt_tail_expect;

void *rt_tail_buf(void)
{
	return rt_thread_self()->tail_args;
}

static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

static void thread_exit(void *p)
{
	RtThread *th = p;
	bool unregister = th->gc_unregister;
	if (th->roots_added)
		rt_known.thread_roots(false);
	rt_sig_thread_done(th);
	rt_thread_cur = NULL;
	rt_gc_thread_detach();
	GC_FREE(th);
	if (unregister)             /* last: the collector must not see it dead */
		GC_unregister_my_thread();
}

static void thread_key_init(void)
{
	if (pthread_key_create(&thread_key, thread_exit) != 0)
		rt_fatal("cannot create the thread key");
}

/* The main thread's stack may grow to RLIMIT_STACK below where it is now;
 * pthread_getattr_np would read /proc/self/maps to say the same, slowly. */
static void main_stack_bounds(RtThread *th)
{
	struct rlimit rl;
	uintptr_t here = (uintptr_t)__builtin_frame_address(0);
	if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= here)
		return;
	th->stack_hi = here;
	th->stack_lo = here - rl.rlim_cur;
}

void rt_thread_attr_init(pthread_attr_t *attr)
{
	struct rlimit rl;
	size_t size = 8u << 20;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur >= (1u << 20))
		size = (size_t)rl.rlim_cur;
	pthread_attr_init(attr);
	pthread_attr_setdetachstate(attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(attr, size);
}

static void thread_stack_bounds(RtThread *th)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &attr) != 0)
		return;
	if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
		th->stack_lo = (uintptr_t)addr;
		th->stack_hi = (uintptr_t)addr + size;
	}
	pthread_attr_destroy(&attr);
}

RtThread *rt_thread_attach(bool is_main)
{
	if (rt_thread_cur)
		return rt_thread_cur;
	RtThread *th = GC_MALLOC_UNCOLLECTABLE(sizeof *th);
	if (!th)
		rt_fatal("out of memory attaching a thread");
	memset(th, 0, sizeof *th);
	if (is_main)
		main_stack_bounds(th);
	else
		thread_stack_bounds(th);
	if (!rt_lib_mode)           /* the host's threads keep their signal stacks */
		rt_sig_thread_init(th);
	th->is_main = is_main;
	rt_thread_cur = th;
	rt_gc_thread_attach(th->gc_free);
	if (rt_known.thread_roots) {
		rt_known.thread_roots(true);
		th->roots_added = true;
	}
	if (!is_main) {
		pthread_once(&thread_key_once, thread_key_init);
		pthread_setspecific(thread_key, th);
	}
	return th;
}

