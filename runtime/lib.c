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
 * threads at once are safe.
 */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gc/gc.h>

#include "internal.h"

bool rt_lib_mode;

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
	pthread_once(&start_once, lib_start);
	struct GC_stack_base sb;
	if (GC_get_stack_base(&sb) != GC_SUCCESS)
		rt_fatal("cannot find the calling thread's stack");
	int r = GC_register_my_thread(&sb);
	/* GC_INIT registered the thread that started the collector */
	bool ours = r == GC_SUCCESS || (started_here && started_collector);
	RtThread *th = rt_thread_attach(false);
	th->gc_unregister = ours && !is_process_main_thread();
	pthread_once(&setup_once, lib_setup);
}
