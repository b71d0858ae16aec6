/* thread_icalls.c: managed threads on pthreads, and the internal calls of
 * System.Threading.Thread, NativeEventCalls, WaitHandle, Mutex and Timer.
 *
 * Requires: rt_known's thread fields (rt.h): the InternalThread type and
 * the offsets of the fields read or written here; thread_start, which
 * calls a ThreadStart or ParameterizedThreadStart; thread_roots.
 * Provides: each InternalThread's `handle` points to an RtMThread, the
 * runtime's record of that thread (from the collected heap: the
 * InternalThread keeps it alive, and while it runs so does the list of
 * live threads). States (ThreadState bits) change under wait.c's lock, so
 * that Join and the wait for foreground threads at exit are ordinary
 * waits. Thread_internal starts a pthread (registered with the collector
 * by gc.h's pthread_create) that attaches its record, runs the delegate,
 * and reports an exception escaping it as Mono does: the same report as
 * Main's, and the process ends with status 1.
 * Managed ids: 1 for the main thread, 2 kept for the finalizer thread (as
 * in Mono, so that a program's first thread is 3), then in order of
 * construction.
 * Suspend/Resume (obsolete, still in Mono's library): see "suspension".
 * Not done: Abort, priorities (read back as set, not applied), named
 * events and mutexes (each name makes a new one).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include <gc/gc.h>

#include "internal.h"

/* System.Threading.ThreadState */
enum {
	TS_RUNNING = 0, TS_STOP_REQUESTED = 1, TS_BACKGROUND = 4,
	TS_UNSTARTED = 8, TS_STOPPED = 16, TS_WAIT_SLEEP_JOIN = 32,
	TS_SUSPENDED = 64,
};

typedef struct RtMThread {
	Object *thread;             /* the System.Threading.Thread */
	Object *internal;           /* its InternalThread */
	Object *start, *arg;        /* delegate and argument, until it runs */
	RtString *name;
	int32_t state;              /* ThreadState, under rt_wait_lock */
	int32_t priority;
	bool interrupted;           /* Thread.Interrupt, not yet seen; under rt_wait_lock */
	/* the futex word the thread sleeps on (rt_thread_block_word), under
	 * rt_wait_lock; NULL while it does not */
	uint32_t *block_word;
	struct RtMThread *next;     /* live list, under rt_wait_lock */
	/* Thread.Suspend by another thread: hold keeps the signal handler
	 * parked; parked says it is (the suspender's acknowledgement) */
	bool self_suspended;        /* under rt_wait_lock */
	_Atomic bool hold;
	_Atomic bool parked;
} RtMThread;

static RtMThread *live;             /* started and not yet stopped */
static int32_t next_id = 3;

#define FIELD(o, off, T) (*(T *)((char *)(o) + (off)))

static RtMThread *record_of(Object *internal)
{
	return internal ? FIELD(internal, rt_known.ithread_handle_off, RtMThread *) : NULL;
}

static Object *internal_of(Object *thread)
{
	return FIELD(thread, rt_known.thread_internal_off, Object *);
}

/* A new InternalThread and its record, or NULL (thrown). */
static Object *new_internal(Object *thread, int32_t id, int32_t state)
{
	Object *it = rt_gc_alloc(rt_known.internal_thread_type);
	RtMThread *mt = it ? rt_gc_alloc_raw(sizeof *mt, false) : NULL;
	if (!mt)
		return NULL;
	mt->thread = thread;
	mt->internal = it;
	mt->state = state;
	mt->priority = 2;           /* ThreadPriority.Normal */
	FIELD(it, rt_known.ithread_handle_off, RtMThread *) = mt;
	FIELD(it, rt_known.ithread_id_off, int32_t) =
		id ? id : __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
	return it;
}

void rt_Thread_ConstructInternalThread(Object *self)
{
	Object *it = new_internal(self, 0, TS_UNSTARTED);
	if (it)
		RT_WRITE_REF(&FIELD(self, rt_known.thread_internal_off, Object *), it);
}

void rt_InternalThread_Thread_free_internal(Object *self) {}

/* ---- the current thread ---- */

Object *rt_thread_current(void)
{
	RtThread *th = rt_thread_self();
	if (th->thread_obj)
		return th->thread_obj;
	Object *t = rt_gc_alloc(rt_known.thread_type);
	Object *it = t ? new_internal(t, th->is_main ? 1 : 0, TS_RUNNING) : NULL;
	if (!it)
		return NULL;
	FIELD(it, rt_known.ithread_tid_off, int64_t) = (int64_t)rt_thread_id();
	RT_WRITE_REF(&FIELD(t, rt_known.thread_internal_off, Object *), it);
	th->mthread = record_of(it);
	th->thread_obj = t;
	return t;
}

Object *rt_Thread_GetCurrentThread(void) { return rt_thread_current(); }

void rt_thread_set_pool(void)
{
	Object *t = rt_thread_current();
	if (!t)
		return;
	FIELD(internal_of(t), rt_known.ithread_pool_off, bool) = true;
	rt_wait_lock();
	rt_thread_self()->mthread->state |= TS_BACKGROUND;
	rt_wait_unlock();
}

void rt_thread_mark_waiting(bool waiting)
{
	RtThread *th = rt_thread_cur;
	if (!th || !th->mthread)
		return;
	if (waiting)
		th->mthread->state |= TS_WAIT_SLEEP_JOIN;
	else
		th->mthread->state &= ~TS_WAIT_SLEEP_JOIN;
}

/* ---- starting and ending ---- */

static void unlink_live(RtMThread *mt)
{
	for (RtMThread **p = &live; *p; p = &(*p)->next)
		if (*p == mt) {
			*p = mt->next;
			break;
		}
	mt->next = NULL;
}

static void park_if_held(RtMThread *mt);

static void *thread_main(void *p)
{
	RtMThread *mt = p;
	RtThread *th = rt_thread_attach(false);
	Object *it = mt->internal;
	FIELD(it, rt_known.ithread_tid_off, int64_t) = (int64_t)rt_thread_id();
	th->mthread = mt;
	th->thread_obj = mt->thread;
	park_if_held(mt);
	Object *start = mt->start, *arg = mt->arg;
	mt->start = mt->arg = NULL;
	rt_known.thread_start(start, arg);
	if (rt_pending)
		rt_exc_unhandled_thread();
	rt_wait_lock();
	/* Mono drops Background when a thread stops: it reads "Stopped". */
	mt->state = (mt->state & ~(TS_WAIT_SLEEP_JOIN | TS_BACKGROUND)) | TS_STOPPED;
	unlink_live(mt);
	rt_wait_wake_all();
	rt_wait_unlock();
	return NULL;
}

bool rt_Thread_Thread_internal(Object *self, Object *start)
{
	RtMThread *mt = record_of(internal_of(self));
	rt_wait_lock();
	if (!mt || !(mt->state & TS_UNSTARTED)) {
		rt_wait_unlock();
		rt_exc_throw_msg(RT_EXC_THREADSTATE, "Thread has already been started.");
		return false;
	}
	mt->state &= ~TS_UNSTARTED;
	mt->start = start;
	mt->arg = FIELD(self, rt_known.thread_start_arg_off, Object *);
	mt->next = live;
	live = mt;
	rt_wait_unlock();
	pthread_t tid;
	pthread_attr_t attr;
	rt_thread_attr_init(&attr);
	int err = pthread_create(&tid, &attr, thread_main, mt);
	pthread_attr_destroy(&attr);
	if (err == 0) {
		/* now, not when the thread gets to it: a Suspend right after
		 * Start signals it by this id */
		rt_wait_lock();
		FIELD(mt->internal, rt_known.ithread_tid_off, int64_t) = (int64_t)tid;
		rt_wait_unlock();
		return true;
	}
	rt_wait_lock();
	unlink_live(mt);
	mt->state |= TS_UNSTARTED;
	mt->start = mt->arg = NULL;
	rt_wait_unlock();
	return false;
}

bool rt_Thread_JoinInternal(Object *self, int32_t ms)
{
	RtMThread *mt = record_of(internal_of(self));
	struct timespec deadline;
	if (ms >= 0)
		rt_wait_deadline(ms, &deadline);
	rt_wait_lock();
	if (mt->state & TS_UNSTARTED) {
		rt_wait_unlock();
		rt_exc_throw_msg(RT_EXC_THREADSTATE, "Thread has not been started.");
		return false;
	}
	rt_thread_mark_waiting(true);
	bool done, interrupted = false;
	while (!(done = mt->state & TS_STOPPED) && !(interrupted = rt_thread_take_interrupt()) &&
	       ms != 0 && rt_wait_sleep(ms > 0 ? &deadline : NULL))
		;
	done = mt->state & TS_STOPPED;
	rt_thread_mark_waiting(false);
	rt_wait_unlock();
	if (interrupted && !done)
		rt_thread_raise_interrupted();
	return done;
}

/* Thread.Interrupt: the thread's current or next blocking wait (Sleep,
 * Join, a wait on handles, Monitor.Wait, a contended Monitor.Enter)
 * throws ThreadInterruptedException. A thread asleep on its futex word
 * is woken there: the word is set under rt_wait_lock, so it is set only
 * while the thread records it. */
void rt_Thread_InterruptInternal(Object *self)
{
	RtMThread *mt = record_of(internal_of(self));
	rt_wait_lock();
	mt->interrupted = true;
	uint32_t *word = mt->block_word;
	if (word && !rt_futex_set(word))
		word = NULL;            /* not asleep: it will see the 1 */
	rt_wait_unlock();
	if (word)
		rt_futex_wake(word);    /* the sleeper may have gone: harmless */
	rt_wait_wake_all();
}

/* The calling thread's record, or NULL for a thread without one. */
static RtMThread *my_record(void)
{
	RtThread *th = rt_thread_cur;
	return th ? th->mthread : NULL;
}

bool rt_thread_block_word(uint32_t *word)
{
	RtMThread *mt = my_record();
	if (!mt)
		return true;
	bool free_to_sleep = !mt->interrupted;
	if (free_to_sleep) {
		mt->state |= TS_WAIT_SLEEP_JOIN;
		mt->block_word = word;
	}
	return free_to_sleep;
}

bool rt_thread_interrupt_pending(void)
{
	RtMThread *mt = my_record();
	return mt && __atomic_load_n(&mt->interrupted, __ATOMIC_ACQUIRE);
}

bool rt_thread_unblock(bool take)
{
	RtMThread *mt = my_record();
	if (!mt)
		return false;
	if (mt->block_word)
		mt->state &= ~TS_WAIT_SLEEP_JOIN;
	mt->block_word = NULL;
	bool was = take && mt->interrupted;
	if (was)
		mt->interrupted = false;
	return was;
}

bool rt_thread_take_interrupt(void)
{
	RtThread *th = rt_thread_cur;
	if (!th || !th->mthread || !th->mthread->interrupted)
		return false;
	th->mthread->interrupted = false;
	return true;
}

void rt_thread_raise_interrupted(void)
{
	rt_exc_throw_msg(RT_EXC_THREADINTERRUPTED, "Thread was interrupted from a waiting state.");
}

static bool has_foreground(void)
{
	for (RtMThread *mt = live; mt; mt = mt->next)
		if (!(mt->state & TS_BACKGROUND))
			return true;
	return false;
}

void rt_thread_wait_foreground(void)
{
	rt_wait_lock();
	while (has_foreground())
		rt_wait_sleep(NULL);
	rt_wait_unlock();
}

/* ---- state, name, priority ---- */

int32_t rt_Thread_GetState(Object *it)
{
	rt_wait_lock();
	int32_t s = record_of(it)->state;
	rt_wait_unlock();
	return s;
}

static void change_state(Object *it, int32_t set, int32_t clear)
{
	rt_wait_lock();
	RtMThread *mt = record_of(it);
	mt->state = (mt->state | set) & ~clear;
	rt_wait_wake_all();         /* the wait for foreground threads */
	rt_wait_unlock();
}

void rt_Thread_SetState(Object *it, int32_t s) { change_state(it, s, 0); }
void rt_Thread_ClrState(Object *it, int32_t s) { change_state(it, 0, s); }

void rt_Thread_SetName_icall(Object *it, intptr_t chars, int32_t len)
{
	RtMThread *mt = record_of(it);
	RtString *name = chars ? rt_str_from_utf16((const uint16_t *)chars, len) : NULL;
	if (chars && !name)
		return;
	rt_wait_lock();
	bool again = mt->name != NULL;
	if (!again)
		RT_WRITE_REF(&mt->name, name);
	rt_wait_unlock();
	if (again)
		rt_exc_throw_msg(RT_EXC_INVALIDOP, "Thread.Name can only be set once.");
}

RtString *rt_Thread_GetName_internal(Object *it)
{
	return record_of(it)->name;
}

int32_t rt_Thread_GetPriorityNative(Object *self)
{
	return record_of(internal_of(self))->priority;
}

void rt_Thread_SetPriorityNative(Object *self, int32_t p)
{
	record_of(internal_of(self))->priority = p;
}

/* ---- System.Threading.NativeEventCalls, Mutex, WaitHandle ---- */

intptr_t rt_NativeEventCalls_CreateEvent_icall(bool manual, bool initial, intptr_t name,
					       int32_t name_len, char *error)
{
	*(int32_t *)error = 0;
	RtWaitable *h = rt_wait_new_event(manual, initial);
	if (!h)
		rt_gc_throw_oom(NULL);
	return (intptr_t)h;
}

bool rt_NativeEventCalls_SetEvent_internal(intptr_t h) { return rt_wait_set((RtWaitable *)h); }
bool rt_NativeEventCalls_ResetEvent_internal(intptr_t h) { return rt_wait_reset((RtWaitable *)h); }
void rt_NativeEventCalls_CloseEvent_internal(intptr_t h) { rt_wait_close((RtWaitable *)h); }

intptr_t rt_Mutex_CreateMutex_icall(bool owned, intptr_t name, int32_t name_len, char *created)
{
	*(uint8_t *)created = 1;
	RtWaitable *h = rt_wait_new_mutex(owned);
	if (!h)
		rt_gc_throw_oom(NULL);
	return (intptr_t)h;
}

bool rt_Mutex_ReleaseMutex_internal(intptr_t h) { return rt_wait_release_mutex((RtWaitable *)h); }

int32_t rt_WaitHandle_Wait_internal(intptr_t handles, int32_t n, bool all, int32_t ms)
{
	int32_t r = rt_wait_many((RtWaitable *const *)handles, n, all, ms);
	if (r == RT_WAIT_INTERRUPTED)
		rt_thread_raise_interrupted();
	return r;
}


/* ---- suspension ----
 * Thread.Suspend of the calling thread sleeps on wait.c's condition until
 * Resume clears TS_SUSPENDED. Of another thread, it sends SIG_SUSPEND,
 * whose handler parks in sigsuspend (the collector's stop-the-world
 * signals still get through, and it scans the parked stack) until Resume
 * clears `hold` and sends SIG_WAKE; Suspend returns once the handler is
 * `parked` (still, if a Resume came just before: it parks on). SIG_WAKE does nothing but end the sigsuspend; both are blocked in
 * the handler but for SIG_WAKE inside sigsuspend, so a wake-up sent before
 * the handler sleeps is not lost, and a Suspend's signal that comes while
 * the thread is parked waits for the handler to return instead of nesting
 * another (quick Suspend/Resume pairs nested handlers until the stack
 * overflowed: thread-suspend-suspended). Mono suspends only at safe
 * points; here the thread stops wherever it is, so one suspended while it
 * holds a runtime lock (allocating, waiting) blocks others that need it
 * until resumed: the hazard for which .NET made Suspend obsolete. Resume
 * wakes the thread before it takes rt_wait_lock, so that it never waits
 * for a lock the parked thread holds. */
#define SIG_SUSPEND (SIGRTMIN + 5)
#define SIG_WAKE (SIGRTMIN + 6)

static void on_suspend(int sig)
{
	(void)sig;
	RtThread *th = rt_thread_cur;
	RtMThread *mt = th ? th->mthread : NULL;
	if (!mt)
		return;
	int saved = errno;
	sigset_t mask;
	pthread_sigmask(SIG_SETMASK, NULL, &mask);
	sigdelset(&mask, SIG_WAKE);
	/* a Suspend between the loop's end and `parked` cleared: park again */
	do {
		atomic_store(&mt->parked, true);
		while (atomic_load(&mt->hold))
			sigsuspend(&mask);
		atomic_store(&mt->parked, false);
	} while (atomic_load(&mt->hold));
	errno = saved;
}

static void on_wake(int sig) { (void)sig; }

static pthread_once_t suspend_once = PTHREAD_ONCE_INIT;

static void suspend_init(void)
{
	struct sigaction wake = { .sa_handler = on_wake, .sa_flags = SA_RESTART };
	sigemptyset(&wake.sa_mask);
	sigaction(SIG_WAKE, &wake, NULL);
	struct sigaction sa = { .sa_handler = on_suspend, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIG_WAKE);
	sigaction(SIG_SUSPEND, &sa, NULL);
}

/* A Suspend that came before the thread could take its signal (on_suspend
 * returned: no record yet). */
static void park_if_held(RtMThread *mt)
{
	if (!atomic_load(&mt->hold))
		return;
	pthread_once(&suspend_once, suspend_init);
	pthread_kill(pthread_self(), SIG_SUSPEND);
}

static pthread_t tid_of(RtMThread *mt)
{
	return (pthread_t)FIELD(mt->internal, rt_known.ithread_tid_off, int64_t);
}

static void not_started_or_dead(void)
{
	rt_exc_throw_msg(RT_EXC_THREADSTATE, "Thread has not been started, or is dead.");
}

void rt_Thread_SuspendInternal(Object *self)
{
	RtMThread *mt = record_of(internal_of(self));
	bool me = mt && mt == my_record();
	rt_wait_lock();
	if (!mt || (mt->state & (TS_UNSTARTED | TS_STOPPED))) {
		rt_wait_unlock();
		not_started_or_dead();
		return;
	}
	if (mt->state & TS_SUSPENDED) {
		rt_wait_unlock();
		return;
	}
	mt->state |= TS_SUSPENDED;
	mt->self_suspended = me;
	if (me) {
		while (mt->state & TS_SUSPENDED)
			rt_wait_sleep(NULL);
		rt_wait_unlock();
		return;
	}
	atomic_store(&mt->hold, true);
	pthread_t tid = tid_of(mt);
	rt_wait_unlock();
	pthread_once(&suspend_once, suspend_init);
	/* no id yet: the thread parks at its start (park_if_held) */
	if (tid && pthread_kill(tid, SIG_SUSPEND) != 0)
		return;
	/* until the handler ran (or the thread has gone: 10 s at most) */
	for (int i = 0; i < 100000 && !atomic_load(&mt->parked) && atomic_load(&mt->hold); i++) {
		struct timespec ms = { 0, i < 100 ? 0 : 100000 };
		if (i < 100)
			sched_yield();
		else
			nanosleep(&ms, NULL);
	}
}

void rt_Thread_ResumeInternal(Object *self)
{
	RtMThread *mt = record_of(internal_of(self));
	if (mt && __atomic_exchange_n(&mt->hold, false, __ATOMIC_ACQ_REL))
		pthread_kill(tid_of(mt), SIG_WAKE);         /* out of sigsuspend */
	rt_wait_lock();
	bool ok = mt && (mt->state & TS_SUSPENDED) && !(mt->state & (TS_UNSTARTED | TS_STOPPED));
	if (ok) {
		mt->state &= ~TS_SUSPENDED;
		rt_wait_wake_all();
	}
	rt_wait_unlock();
	if (!ok)
		not_started_or_dead();
}
