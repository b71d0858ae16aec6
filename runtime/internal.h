/* internal.h: what runtime files share with each other (not with generated
 * code, which sees rt.h only). One banner section per file, as in rt.h.
 * Unit tests (tests/runtime) include it to start the runtime without the
 * library's main().
 */
#ifndef ILCC_RT_INTERNAL_H
#define ILCC_RT_INTERNAL_H

#include <pthread.h>
#include <time.h>

#include "rt.h"

/* ---- thread.c: per-thread record (rt_thread_) ---- */

/* Most frames kept for one exception's trace; the text notes that there
 * were more. */
#define RT_TRACE_MAX 64

/* One per thread that has run runtime code. Allocated uncollectable, so the
 * collector scans it: `pending` mirrors the __thread rt_pending (Boehm does
 * not reliably scan __thread storage); `trace_exc` keeps
 * alive what the trace being gathered refers to (exc.c). */
typedef struct RtThread {
	Object *pending;
	Object *thread_obj;         /* the managed Thread, once asked for */
	Object *trace_exc;          /* exception that `frames` belong to */
	int prefix_lines;           /* lines of text it had when rethrown here */
	int nframes;                /* frames kept */
	bool dropped;               /* frames came past the bound */
	int shown_frames;           /* what the saved frames hold already */
	bool shown_dropped;
	/* trace_exc is referred to only by handlers that read its fields:
	 * its trace can never be read (rt_exc_throw_new) */
	bool unshared;
	/* rethrown by the method that caught it: its next frame replaces the
	 * catch's (one line per method, as Mono's traces have it) */
	bool rethrown;
	/* innermost first: an RtFrameName *, or an RtFrameSite * with its
	 * lowest bit set (exc.c) */
	uintptr_t frames[RT_TRACE_MAX];
	uintptr_t stack_lo, stack_hi;       /* 0 when unknown */
	void *altstack;             /* signal stack for the overflow handler */
	size_t altstack_size;
	struct RtMThread *mthread;  /* its managed thread, once asked for */
	bool is_main;
	bool roots_added;           /* [ThreadStatic] storage is a GC root */
	bool gc_unregister;         /* a native thread lib.c registered */
	void *gc_free[RT_GC_LISTS]; /* gc.c's free lists (rt_gc_free_lists) */
	/* rt_tail_buf: a tail call's arguments, references among them */
	uintptr_t tail_args[RT_TAIL_BYTES / sizeof(uintptr_t)] __attribute__((aligned(16)));
} RtThread;

extern __thread RtThread *rt_thread_cur;

RtThread *rt_thread_attach(bool is_main);   /* idempotent */
/* never 0; inline: the monitors' fast paths ask on every lock */
static inline uintptr_t rt_thread_id(void) { return (uintptr_t)pthread_self(); }
/* Attributes of a thread that runs managed code: detached, with the stack
 * glibc gives by default (RLIMIT_STACK, 8 MB if unlimited) whatever the C
 * library (musl's default is 128 KB). */
void rt_thread_attr_init(pthread_attr_t *attr);

static inline RtThread *rt_thread_self(void)
{
	RtThread *t = rt_thread_cur;
	return RT_LIKELY(t != NULL) ? t : rt_thread_attach(false);
}

/* ---- thread_icalls.c: managed threads ---- */
/* Main returned: wait until no foreground thread runs (as Mono does). */
void rt_thread_wait_foreground(void);
/* Under rt_wait_lock: the calling thread (if managed) enters or leaves a
 * wait, which its ThreadState shows as WaitSleepJoin. */
void rt_thread_mark_waiting(bool waiting);
/* Under rt_wait_lock: was this thread interrupted (Thread.Interrupt)?
 * Clears it; then, outside the lock, rt_thread_raise_interrupted. */
bool rt_thread_take_interrupt(void);
void rt_thread_raise_interrupted(void);
/* A blocking wait that Thread.Interrupt can end, under rt_wait_lock:
 * before sleeping on a futex word (rt_futex_wait),
 * rt_thread_block_word records it (false: an interrupt is pending
 * already; record nothing, sleep not); an interrupt sets the word to 1
 * and wakes it. Between sleeps, rt_thread_interrupt_pending says whether
 * to stop. Under rt_wait_lock again after the wait, rt_thread_unblock
 * forgets the record and, with `take`, consumes a pending interrupt:
 * true if there was one (then throw it with rt_thread_raise_interrupted
 * once the lock is released). */
bool rt_thread_block_word(uint32_t *word);
bool rt_thread_interrupt_pending(void);
bool rt_thread_unblock(bool take);
/* The calling thread's System.Threading.Thread, made on first use (NULL
 * with an exception pending if that failed). */
Object *rt_thread_current(void);
/* Mark the calling thread as a pool worker (background). */
void rt_thread_set_pool(void);

/* ---- wait.c: waitable handles and blocking waits (rt_wait_) ---- */
typedef enum RtWaitKind { RT_WAIT_EVENT, RT_WAIT_MUTEX } RtWaitKind;
typedef struct RtWaitable RtWaitable;
#define RT_WAIT_MAX 64
#define RT_WAIT_TIMEOUT 258         /* Win32's WAIT_TIMEOUT */
#define RT_WAIT_FAILED (-1)         /* Win32's WAIT_FAILED */
#define RT_WAIT_INTERRUPTED 0xC0    /* Win32's WAIT_IO_COMPLETION: Thread.Interrupt */
RtWaitable *rt_wait_new_event(bool manual, bool signalled);  /* NULL: no memory */
RtWaitable *rt_wait_new_mutex(bool owned);
bool rt_wait_set(RtWaitable *h);            /* false: not an event */
bool rt_wait_reset(RtWaitable *h);
bool rt_wait_release_mutex(RtWaitable *h);  /* false: not held here */
void rt_wait_close(RtWaitable *h);
bool rt_wait_dup(RtWaitable *h);            /* opened once more; false: closed */
bool rt_wait_is_closed(RtWaitable *h);
/* Keep h's memory (not its being open) until rt_wait_unhold: for a
 * record that names h and must not see its address reused. */
void rt_wait_hold(RtWaitable *h);
void rt_wait_unhold(RtWaitable *h);
/* Index satisfying the wait (0 for all), RT_WAIT_TIMEOUT, RT_WAIT_FAILED
 * or RT_WAIT_INTERRUPTED (Thread.Interrupt, taken: the caller throws);
 * ms -1 waits without limit, 0 only looks. */
int32_t rt_wait_many(RtWaitable *const *h, int32_t n, bool all, int32_t ms);
int32_t rt_wait_queued(RtWaitable *h);      /* blocked waits on h (tests) */
/* The lock all waits and managed thread states share, and the condition
 * of waits for thread states (Join, foreground threads at exit):
 * rt_wait_wake_all after a state change such a wait may wait for;
 * rt_wait_sleep waits (false when the deadline passed; NULL: none).
 * Handle waits do not use it: each sleeps on a futex word of its own. */
void rt_wait_lock(void);
void rt_wait_unlock(void);
void rt_wait_wake_all(void);
bool rt_wait_sleep(const struct timespec *deadline);
void rt_wait_deadline(int32_t ms, struct timespec *ts);   /* now + ms */
/* Sleeps while *word is 0 (false: the CLOCK_MONOTONIC deadline passed;
 * NULL: none; may return early; the word is 2 while its owner sleeps);
 * rt_futex_set sets it to 1, true if its owner is asleep, and then
 * rt_futex_wake (now or after giving up a lock) wakes it. */
bool rt_futex_wait(uint32_t *word, const struct timespec *deadline);
void rt_futex_wake(uint32_t *word);
/* One pause of a spin loop (the CPU's spin hint). */
static inline void rt_spin_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}
bool rt_futex_set(uint32_t *word);
/* The CPUs online (Environment.ProcessorCount), read once. */
int32_t rt_cpu_count(void);
/* GC.CollectionCount: collections so far (gc.c). */
int32_t rt_gc_collection_count(void);
/* GC.GetAllocatedBytesForCurrentThread: bytes allocated so far, by every
 * thread (Boehm counts no thread's own), never falling. */
int64_t rt_gc_allocated_bytes(void);
/* A lock in one word, 0 when free (wait.c): the monitors' (mon.c), where
 * musl's mutex made a system call on most contended unlocks. */
void rt_lock_take(uint32_t *lock);
void rt_lock_give(uint32_t *lock);

/* ---- icall_proc.c: child processes ---- */
bool rt_proc_is_handle(intptr_t h);         /* a process handle */

/* ---- pool.c: the thread pool's workers (rt_pool_) ---- */
/* Ask for one more worker turn (ThreadPool.RequestWorkerThread). */
void rt_pool_request(void);

/* ---- sig.c: stack overflow and stray faults (rt_sig_) ---- */
void rt_sig_init(void);                     /* process-wide handlers */
void rt_sig_thread_init(RtThread *th);      /* this thread's signal stack */
void rt_sig_thread_done(RtThread *th);

/* ---- lib.c: the runtime inside a native library (rt_lib_) ---- */
/* True in a --shared or --static-lib build once an export was called: the
 * host owns the process (its signals, its main thread, maybe the GC). */
extern bool rt_lib_mode;
/* Set by rt_proc_start: an executable's runtime is up. */
extern bool rt_proc_started;

/* ---- gc.c (rt_gc_) ---- */
void rt_gc_init(void);
/* Throws OutOfMemoryException (with `message`, or the default one), the
 * heap's cap lifted a little to make it; ends the process with Mono's
 * report if that fails too. */
void rt_gc_throw_oom(const char *message);
/* No cap on the heap any more: for the report of an unhandled exception. */
void rt_gc_lift_cap(void);
/* The calling thread allocates from `lists` (its record's gc_free) from
 * attach until detach, which comes before the record is freed. */
void rt_gc_thread_attach(void **lists);
void rt_gc_thread_detach(void);
/* Instances of `t` hold no references (allocated atomic). */
bool rt_gc_type_is_atomic(const RtType *t);
/* Allocated from the collected heap without interior references? */
bool rt_gc_obj_is_atomic(const void *o);
bool rt_gc_is_literal(const void *o);        /* in the unscanned literal section */
/* Weak links: *link (memory the collector does not scan) holds o and is
 * cleared when o dies; `track_resurrection`: only once o's finalizer has
 * run. Read a link with rt_gc_weak_get (the collector may be clearing
 * it); unlink before the link's memory is reused. */
void rt_gc_weak_link(void **link, Object *o, bool track_resurrection);
void rt_gc_weak_unlink(void **link, bool track_resurrection);
Object *rt_gc_weak_get(void **link);
/* Zeroed memory that the collector scans and never frees (NULL when out
 * of memory), and its release. */
void *rt_gc_alloc_root(size_t n);
void rt_gc_free_root(void *p);

/* ---- exc.c (rt_exc_) ---- */
/* "Ns.Name", or "Name" in the global namespace; malloc'ed. */
char *rt_exc_type_name(const RtType *t);
/* rt_exc_unhandled, exiting with `status` (255: from a finalizer). */
void rt_exc_unhandled_status(int status) __attribute__((noreturn));
bool rt_exc_pool_ignores(void);
void rt_exc_unhandled_thread(void) __attribute__((noreturn));
/* "ilcc runtime: <msg>" on stderr, then abort(): for broken invariants of
 * the runtime itself, never for managed errors. */
void rt_fatal(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/* ---- str.c (rt_str_) ---- */
/* UTF-16 (n units, or up to a 0 unit) as UTF-8, GC-allocated and
 * NUL-terminated; unpaired surrogates become U+FFFD. */
char *rt_str_utf16_to_utf8(const uint16_t *s, int32_t n);
char *rt_str_utf16z_to_utf8(const uint16_t *s);    /* NULL for NULL */

/* ---- icall_io.c: System.IO.MonoIO (rt_io_) ---- */
/* Mono's MonoIOError codes (Win32 error numbers) that the runtime gives. */
enum {
	RT_IO_SUCCESS = 0, RT_IO_FILE_NOT_FOUND = 2, RT_IO_PATH_NOT_FOUND = 3,
	RT_IO_TOO_MANY_OPEN_FILES = 4, RT_IO_ACCESS_DENIED = 5,
	RT_IO_INVALID_HANDLE = 6, RT_IO_NOT_SAME_DEVICE = 17,
	RT_IO_NO_MORE_FILES = 18, RT_IO_SEEK = 25, RT_IO_WRITE_FAULT = 29,
	RT_IO_GEN_FAILURE = 31,
	RT_IO_SHARING_VIOLATION = 32, RT_IO_LOCK_VIOLATION = 33,
	RT_IO_HANDLE_DISK_FULL = 39, RT_IO_NOT_SUPPORTED = 50,
	RT_IO_FILE_EXISTS = 80, RT_IO_CANNOT_MAKE = 82,
	RT_IO_INVALID_PARAMETER = 87,
	RT_IO_DIR_NOT_EMPTY = 145, RT_IO_ALREADY_EXISTS = 183,
	RT_IO_FILENAME_EXCED_RANGE = 206, RT_IO_CANT_RESOLVE_FILENAME = 1921,
};
/* Seconds from 1601-01-01 to 1970-01-01, both UTC. */
#define RT_UNIX_EPOCH_SECONDS_1601 11644473600LL

struct stat;
struct timespec;
int32_t rt_io_error(int err);                       /* errno → MonoIOError */
int32_t rt_io_path_error(const char *path, int err);  /* + missing folder */
int64_t rt_io_filetime(int64_t sec, long nsec);     /* Unix time → FILETIME */
struct timespec rt_io_timespec(int64_t filetime);
int rt_io_open_flags(int32_t file_mode, int32_t file_access);
int32_t rt_io_file_type(unsigned mode);             /* MonoFileType */
int32_t rt_io_attributes(const char *path, const struct stat *st, bool is_link);

/* ---- sysnative.c: System.Native (SystemNative_*, rt_sys_) ---- */
/* Interop/Sys/FileStatus, field for field. */
typedef struct RtFileStatus {
	int32_t flags;              /* FileStatusFlags: 1 = HasBirthTime */
	int32_t mode;
	uint32_t uid, gid;
	int64_t size;
	int64_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
	int64_t birth_time, birth_time_nsec;
	int64_t dev, ino;
	uint32_t user_flags;
} RtFileStatus;

void rt_sys_fill_status(RtFileStatus *out, const struct stat *st);
int rt_sys_open_flags(int32_t pal_flags);           /* -1: unknown bits */

/* ---- proc.c: process start (rt_proc_) ---- */
/* Everything main() does before calling managed code: GC, signal handlers,
 * the main thread's record. Call once, from the main thread. */
void rt_proc_start(int argc, char **argv);
/* argv[1..] as a managed string[]. */
RtArray *rt_proc_args(void);

/* ---- icall_core.c ---- */
/* The descriptor a System.RuntimeType object stands for. */
const RtType *rt_type_of_runtime_type(Object *rtype);
/* Throws exception k with message before + t's full name + after. */
void rt_type_throw_about(RtExcKind k, const char *before, const RtType *t, const char *after);
/* the same with the type's Name ("T", not "Ns.Outer+T"), as some of Mono's messages */
void rt_type_throw_about_name(RtExcKind k, const char *before, const RtType *t, const char *after);

/* The System.Type object of t (one per descriptor). */
Object *rt_Type_internal_from_handle(intptr_t t);

/* Array.GetValueImpl and SetValueImpl: the element at flat position pos. */
Object *rt_Array_GetValueImpl(Object *self, int32_t pos);
void rt_Array_SetValueImpl(Object *self, Object *value, int32_t pos);

/* ---- icall_identity.c ---- */
/* Field FIELD (0 name, 5 home) of uid's line of /etc/passwd, or "". */
void rt_passwd_field(unsigned uid, int field, char *out, size_t len);

/* ---- reflect.c ---- */
/* A Type[] of n descriptors. */
Object *rt_reflect_types(const RtType *const *types, uint32_t n);
/* Does Type[] a hold exactly these n types? */
bool rt_reflect_same_types(RtArray *a, const RtType *const *types, uint32_t n);
/* FieldInfo.internal_from_handle_type: field's FieldInfo (type: its
 * ReflectedType, 0 for its owner). */
Object *rt_FieldInfo_internal_from_handle_type(intptr_t field, intptr_t type);
/* The PropertyInfo whose setter is set (NULL if reflection has none). */
Object *rt_reflect_property_of_setter(const RtMethod *set);
/* The Module of assembly as (NULL: the one module of a program that asks
 * for no assemblies). */
Object *rt_reflect_module(const RtAssembly *as);

/* ---- reflect_array.c ---- */
/* An array type's methods (Mono's list): their count, *first the first
 * (0, NULL if t is no array type). */
uint32_t rt_array_methods(const RtType *t, const RtMethod **first);
/* Where the reflection object of such a method is kept. */
Object **rt_array_method_slot(const RtMethod *m);
/* MethodInfo.Invoke of one: args as the binder converted them. */
Object *rt_array_method_invoke(const RtMethod *m, Object *target, Object **args);

#endif
