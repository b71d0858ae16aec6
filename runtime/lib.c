/* lib.c: the runtime inside a native library built by `ilcc build
 * --shared` or `--static-lib` (rt_lib_).
 *
 * Requires: generated export functions call rt_lib_enter first thing.
 * Provides: on the first call from any thread, the runtime starts once
 * (the collector, unless the host or another ilcc library started it; no
 * signal handlers: the process is the host's) and the program's own setup
 * runs (rt_known.main, which in a library only sets String.Empty). Every
 * thread gets a record on its first call; a native thread the collector did
 * not know is registered with it and unregistered when it exits, so the
 * collector never looks for a thread that is gone. Calls from several
 * threads at once are safe. In an executable, a native thread's first
 * callback attaches it the same way.
 * Callbacks: rt_callback_get binds a delegate to a free C function of its
 * type's pool (see src/emit/callbacks.c), the same one while the delegate
 * lives; when all are taken it collects once, so that dead delegates give
 * theirs back, and then gives up with a clear message.
 */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gc/gc.h>

#include "internal.h"



static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static bool started_collector;
static __thread bool started_here;       /* this thread ran lib_start */

static void lib_start(void)
{
	rt_lib_mode = true;
	started_collector = !GC_is_init_called();
	started_here = true;
	rt_gc_init();
}

static void lib_setup(void)
{
	rt_known.main(NULL);
}

static bool is_process_main_thread(void)
{
	return syscall(SYS_gettid) == getpid();
}

void rt_lib_enter(void)
{
	if (RT_LIKELY(rt_thread_cur != NULL))
		return;
	if (!rt_proc_started)       /* a library: nothing has started yet */
		pthread_once(&start_once, lib_start);
	struct GC_stack_base sb;
	if (GC_get_stack_base(&sb) != GC_SUCCESS)
		rt_fatal("cannot find the calling thread's stack");
	int r = GC_register_my_thread(&sb);
	/* GC_INIT registered the thread that started the collector */
	bool ours = r == GC_SUCCESS || (started_here && started_collector);
	RtThread *th = rt_thread_attach(false);
	th->gc_unregister = ours && !is_process_main_thread();
	if (rt_lib_mode)
		pthread_once(&setup_once, lib_setup);
}

/* ---- callbacks ---- */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static void *bind(RtCallbackPool *pool, Object *d)
{
	uintptr_t hidden = ~(uintptr_t)d;
	uint32_t free_slot = pool->n;
	for (uint32_t i = 0; i < pool->n; i++) {
		uintptr_t l = __atomic_load_n(&pool->links[i], __ATOMIC_ACQUIRE);
		if (l == hidden)
			return pool->fns[i];
		if (!l && free_slot == pool->n)
			free_slot = i;
	}
	if (free_slot == pool->n)
		return NULL;
	pool->links[free_slot] = hidden;
	if (GC_general_register_disappearing_link((void **)&pool->links[free_slot], d) == GC_NO_MEMORY)
		rt_fatal("out of memory binding a callback");
	return pool->fns[free_slot];
}

void *rt_callback_get(RtCallbackPool *pool, Object *d)
{
	pthread_mutex_lock(&pool_lock);
	void *fn = bind(pool, d);
	if (!fn) {                  /* the collected delegates free their slots */
		pthread_mutex_unlock(&pool_lock);
		GC_gcollect();
		pthread_mutex_lock(&pool_lock);
		fn = bind(pool, d);
	}
	pthread_mutex_unlock(&pool_lock);
	if (!fn)
		rt_fatal("more than %u delegates of one type handed to C are alive at once "
			 "(ilcc's limit per delegate type)", pool->n);
	return fn;
}

static RtCallbackPool *pool_of(const RtType *t)
{
	for (uint32_t i = 0; i < rt_ncallback_pools; i++)
		if (rt_callback_pools[i]->type == t)
			return rt_callback_pools[i];
	rt_exc_throw_msg(RT_EXC_NOTSUPP, "this delegate type was not made to cross to C at build time "
			 "(write the delegate type at the Marshal call)");
	return NULL;
}

Object *rt_Marshal_GetDelegateForFunctionPointerInternal(intptr_t fn, Object *type)
{
	RtCallbackPool *pool = pool_of(rt_type_of_runtime_type(type));
	return pool ? pool->from_fnptr(fn) : NULL;
}

Object *rt_callback_delegate(const RtType *t, intptr_t fn)
{
	RtCallbackPool *pool = pool_of(t);
	return pool ? pool->from_fnptr(fn) : NULL;
}

intptr_t rt_Marshal_GetFunctionPointerForDelegateInternal(Object *d)
{
	if (!d)                     /* the managed caller checked already */
		return 0;
	RtCallbackPool *pool = pool_of(d->type);
	return pool ? (intptr_t)rt_callback_get(pool, d) : 0;
}
