/* pool.c: the thread pool's workers, and System.Threading.ThreadPool's
 * internal calls (rt_pool_).
 *
 * Requires: rt_known.thread_pool_dispatch, which runs one turn of Mono's
 * managed pool (ThreadPoolWorkQueue.Dispatch: it takes work items from
 * the managed queues until they are empty or its time slice ends, and
 * returns false when the worker should retire).
 * Provides: the protocol Mono's runtime follows. The managed queue calls
 * RequestWorkerThread when it has work and fewer outstanding requests
 * than processors; each request is one turn of Dispatch on some worker.
 * Workers are started on demand, up to the processor count; an idle one
 * parks, and exits after IDLE_MS without requests. Work items that block
 * on other work items could starve a full pool: when requests wait and no
 * turn has ended for STARVE_MS, one more worker starts (up to Mono's
 * limit, 100 per processor), as .NET's starvation rule does. The limits
 * that GetMinThreads/GetMaxThreads report are Mono's: the processor count,
 * and 100 per processor (for I/O threads at least 200 when that is
 * more than the processor count). Workers are background threads: they do
 * not keep the process alive. An exception escaping Dispatch ends the
 * process with the unhandled-exception report and status 255, as in Mono.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <gc/gc.h>      /* pthread_create registers the thread */

#include "internal.h"

#define IDLE_MS 10000
#define STARVE_MS 500

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wake = PTHREAD_COND_INITIALIZER;
static int32_t requests;            /* turns asked for, not yet begun */
static int32_t workers;             /* started, not exited */
static int32_t idle;                /* parked */
static int32_t wakeups;             /* parked workers told to go */
static uint64_t turns_done;         /* progress, for the starvation rule */
static bool monitor_started;


static int32_t max_workers(void)
{
	int32_t n = rt_cpu_count();
	return (n < 1 ? 1 : n > 1000 ? 1000 : n) * 100;
}

static int32_t pool_max(void)
{
	int32_t n = rt_cpu_count();
	return n < 2 ? 2 : n > max_workers() ? max_workers() : n;
}

/* Mono's limit_io_max: 100 per processor, clamped to [min(n, 200), max(n, 200)] */
static int32_t max_io(void)
{
	int32_t n = rt_cpu_count(), m = max_workers();
	int32_t lo = n < 200 ? n : 200, hi = n > 200 ? n : 200;
	return m < lo ? lo : m > hi ? hi : m;
}

/* Under pool_lock: wait for a request; false when idle too long. */
static bool wait_for_request(void)
{
	while (requests == 0) {
		idle++;
		struct timespec deadline;
		clock_gettime(CLOCK_REALTIME, &deadline);
		deadline.tv_sec += IDLE_MS / 1000;
		while (wakeups == 0)
			if (pthread_cond_timedwait(&pool_wake, &pool_lock, &deadline) != 0)
				break;
		idle--;
		if (wakeups > 0)
			wakeups--;
		else if (requests == 0)
			return false;
	}
	requests--;
	return true;
}

static void *worker(void *unused)
{
	rt_thread_attach(false);
	rt_thread_set_pool();
	if (rt_pending)
		rt_exc_unhandled_status(255);
	pthread_mutex_lock(&pool_lock);
	while (wait_for_request()) {
		pthread_mutex_unlock(&pool_lock);
		bool more = rt_known.thread_pool_dispatch();
		if (rt_pending && !rt_exc_pool_ignores())
			rt_exc_unhandled_status(255);
		pthread_mutex_lock(&pool_lock);
		turns_done++;
		if (!more)
			break;
	}
	workers--;
	pthread_mutex_unlock(&pool_lock);
	return NULL;
}

/* Under pool_lock. */
static void start_worker(void)
{
	pthread_t tid;
	pthread_attr_t attr;
	rt_thread_attr_init(&attr);
	if (pthread_create(&tid, &attr, worker, NULL) == 0)
		workers++;
	pthread_attr_destroy(&attr);
}

/* Sleeps a whole STARVE_MS. The monitor is a registered thread, so
 * Boehm's stop signal reaches it at every collection; usleep returned at
 * the first one, and under httpapi's load (about 100 collections a
 * second) the check ran every few milliseconds: one worker more each
 * time a collection held the workers, 8-26 threads instead of 2. */
static void sleep_period(void)
{
	struct timespec until;
	rt_wait_deadline(STARVE_MS, &until);
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == EINTR)
		;
}

/* Starts a worker when requests wait and no turn ended for STARVE_MS. */
static void *monitor(void *unused)
{
	uint64_t seen = 0;
	for (;;) {
		sleep_period();
		pthread_mutex_lock(&pool_lock);
		if (requests > 0 && idle == 0 && turns_done == seen && workers < max_workers())
			start_worker();
		seen = turns_done;
		pthread_mutex_unlock(&pool_lock);
	}
	return NULL;
}

/* Under pool_lock. */
static void start_monitor(void)
{
	pthread_t tid;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	monitor_started = pthread_create(&tid, &attr, monitor, NULL) == 0;
	pthread_attr_destroy(&attr);
}

void rt_pool_request(void)
{
	pthread_mutex_lock(&pool_lock);
	requests++;
	if (idle > wakeups) {
		wakeups++;
		pthread_cond_signal(&pool_wake);
	} else if (workers < pool_max()) {
		start_worker();
	} else if (!monitor_started) {
		start_monitor();
	}
	pthread_mutex_unlock(&pool_lock);
}

/* ---- System.Threading.ThreadPool ---- */

bool rt_ThreadPool_RequestWorkerThread(void)
{
	rt_pool_request();
	return true;
}

void rt_ThreadPool_InitializeVMTp(char *enable_worker_tracking)
{
	*(uint8_t *)enable_worker_tracking = 0;
}

bool rt_ThreadPool_NotifyWorkItemComplete(void) { return true; }
void rt_ThreadPool_NotifyWorkItemProgressNative(void) {}
void rt_ThreadPool_NotifyWorkItemQueued(void) {}
void rt_ThreadPool_ReportThreadStatus(bool working) {}

void rt_ThreadPool_GetMinThreadsNative(char *worker, char *io)
{
	*(int32_t *)worker = rt_cpu_count();
	*(int32_t *)io = rt_cpu_count();
}

void rt_ThreadPool_GetMaxThreadsNative(char *worker, char *io)
{
	*(int32_t *)worker = max_workers();
	*(int32_t *)io = max_io();
}

void rt_ThreadPool_GetAvailableThreadsNative(char *worker, char *io)
{
	pthread_mutex_lock(&pool_lock);
	int32_t busy = workers - idle;
	pthread_mutex_unlock(&pool_lock);
	*(int32_t *)worker = busy < max_workers() ? max_workers() - busy : 0;
	*(int32_t *)io = max_io();
}

bool rt_ThreadPool_SetMinThreadsNative(int32_t worker, int32_t io) { return true; }
bool rt_ThreadPool_SetMaxThreadsNative(int32_t worker, int32_t io) { return true; }
