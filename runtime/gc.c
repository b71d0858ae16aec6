/* gc.c: allocation on Boehm GC (rt_gc_).
 *
 * Requires: rt_gc_init once from the main thread before any allocation;
 * type descriptors as rt.h describes them (objects: size with header;
 * value types: unboxed size, so a box is header + size; arrays: elem_size
 * and elem_kind).
 * Provides: zeroed objects, boxes, vectors, multi-dimensional arrays and
 * strings with hdr.type set. Instances that hold no references are
 * allocated atomic (Boehm does not scan them; they are zeroed here, since
 * Boehm leaves atomic memory dirty). Allocation failures and impossible
 * sizes throw (OutOfMemoryException, OverflowException for a negative
 * length) and return NULL.
 * Running out of memory (see "Out of memory" below): the heap may grow
 * only to a cap below the process's limits, so that the failure is an
 * OutOfMemoryException while stacks and malloc still have room; the
 * exception itself is made with the cap lifted a little, and if even that
 * fails the process ends with Mono's report of an unhandled
 * OutOfMemoryException (status 1), never by recursing into the throw.
 * Small scanned blocks come from per-thread free lists (rt_gc_free_lists,
 * which generated code pops inline): each list is a block's worth of
 * objects of one size from GC_malloc_many, linked through their first
 * word and held in the thread's record, which the collector scans, so it
 * keeps them as it keeps any reachable object. A list dies with its
 * thread's record. Boehm's own thread-local path (GC_malloc) costs a call
 * into the collector per object and, for scanned kinds, a second one
 * (GC_end_stubborn_change); binarytrees spent a quarter of its time there.
 * Finalizers run on one finalizer thread, as in .NET: Boehm is told to
 * finalize on demand and wakes the thread through its notifier. The thread
 * starts with the first finalizable object, so programs without finalizers
 * never start it. What an object awaiting finalization references stays
 * alive until its finalizer has run, as .NET promises (FileStream's
 * finalizer uses its SafeHandle): Boehm marks from such objects only with
 * its "Java finalization" on, which a libgc configured with
 * --disable-java-finalization leaves off (the musl runtime's was: its
 * finalizers read freed memory, tests/run/gc_finalizer_refs), so
 * rt_gc_init turns it on whatever the build.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include <gc/gc.h>
#include <gc/gc_mark.h>

#include "internal.h"

/* Boehm's object kind for atomic blocks (PTRFREE in its private gc_priv.h;
 * GC_get_kind_and_size reports it). */
#define GC_KIND_PTRFREE 0

/* Array.MaxLength in .NET: longer arrays throw OutOfMemoryException. */
#define MAX_ARRAY_LENGTH 0x7FFFFFC7

/* String.MaxLength in .NET (a 2 GB block); Mono on 64 bits has no limit
 * but fails the same way where memory is limited. */
#define MAX_STRING_LENGTH 0x3FFFFFDF

/* Marking in parallel (a helper thread per further core) pays once the
 * heap is big; small programs never start the helpers, unless they start
 * threads (Boehm then starts them itself). The collector says when the
 * heap has grown (world stopped: no starting threads there); the next
 * allocation starts them. */
#define PARALLEL_MARK_HEAP (4u << 20)

static bool markers_due;

static void GC_CALLBACK heap_resized(GC_word size)
{
	static bool asked;
	if (size >= PARALLEL_MARK_HEAP && !asked) {
		asked = true;
		__atomic_store_n(&markers_due, true, __ATOMIC_RELAXED);
	}
}

static inline void start_markers_if_due(void)
{
	if (RT_UNLIKELY(__atomic_load_n(&markers_due, __ATOMIC_RELAXED)) &&
	    __atomic_exchange_n(&markers_due, false, __ATOMIC_RELAXED))
		GC_start_mark_threads();
}

/* Where the executable starts and where its writable data starts (GNU
 * ld's linker script and glibc's crt1 define them; musl's crt1 has no
 * __data_start, so there the first writable section the linker script
 * names, the initialiser array, ends the read-only part). */
extern char __executable_start[] __attribute__((weak)), __data_start[] __attribute__((weak));
extern char __init_array_start[] __attribute__((weak));

static char *data_start(void)
{
	return __data_start ? __data_start : __init_array_start;
}

/* Pointers into the middle of an object keep it alive only from stacks
 * and registers (where Boehm always accepts them), not from the heap or
 * static data: managed code stores only object starts there (a byref
 * cannot live in the heap). This spares Boehm the extra byte it otherwise
 * adds to every object for one-past-the-end pointers, which made a
 * 32-byte object take 48.
 * A free-space divisor of 2 (Boehm's default is 3) lets the heap grow to
 * about twice the live data before it collects, rather than 1.5 times:
 * on binarytrees 15% less time for 15% more memory; Hello World's
 * heap stays the same.
 * In a static executable Boehm looks for the start of the data by reading
 * down from its end, a word a page, until a page faults. Whether an
 * unmapped page lies between the data and the code depends on where the
 * code ends (the linker leaves one only when the last code page and the
 * first data page differ); when none does, the search reads every page
 * of the executable, and the kernel maps each 64 KB around: the whole
 * file becomes resident (httpapi: 6.6 MB of its 6.2 MB segment plus data,
 * peak RSS under load 16.1 MB against 10.3 with a gap), and everything
 * from its first page becomes a root. So an executable tells Boehm not to
 * look (GC_no_dls: no search, and no walk of the loaded objects' segments
 * at each collection) and registers its own data, .data and .bss from
 * data_start() to _end, which is every static the runtime and the
 * generated code have (__thread data was never relied on: thread.c).
 * Libraries a program dlopens are not scanned: nothing managed lives in
 * their data. A library build (rt_lib_mode) keeps Boehm's own way: its
 * host decides. The first collection is made here, after the roots are
 * set, not inside GC_INIT. */
extern char _end[] __attribute__((weak));
/* The string literals' section (rt.h RT_LITERAL; the linker names its
 * bounds). */
extern char __start_rt_literals[] __attribute__((weak));
extern char __stop_rt_literals[] __attribute__((weak));

bool rt_gc_is_literal(const void *o)
{
	return (const char *)o >= __start_rt_literals && (const char *)o < __stop_rt_literals;
}

/* .data and .bss, less the string literals when they lie inside: 350 KB
 * of httpapi's 775 KB of roots, read at every collection (so resident)
 * and counted by Boehm in the bytes to allocate between collections. */
static void add_data_roots(void)
{
	char *lo = data_start(), *lits = __start_rt_literals, *end = __stop_rt_literals;
	if (lits && end && lo <= lits && lits <= end && end <= _end) {
		GC_add_roots(lo, lits);
		GC_add_roots(end, _end);
	} else {
		GC_add_roots(lo, _end);
	}
}
/* ---- out of memory ---- */

/* Room left outside the heap under a limit: thread stacks (8 MB of
 * address space each), malloc's arenas (64 MB each once threads use
 * malloc), the collector's own tables and the executable. A quarter of
 * the limit, at least 64 MB, at most 1 GB. */
#define HEADROOM_MIN ((size_t)64 << 20)
#define HEADROOM_MAX ((size_t)1 << 30)
/* What the heap may grow past its cap to make an OutOfMemoryException. */
#define OOM_SLACK ((size_t)4 << 20)

static size_t heap_cap;         /* 0: no cap */
static size_t page_size;
static __thread bool making_oom;

/* The least of the address-space and data limits (ulimit -v, -d) and the
 * machine's memory with its swap, or SIZE_MAX. */
static size_t memory_limit(void)
{
	static const int limits[] = { RLIMIT_AS, RLIMIT_DATA };
	size_t least = SIZE_MAX;
	for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
		struct rlimit rl;
		if (getrlimit(limits[i], &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
		    rl.rlim_cur < least)
			least = rl.rlim_cur;
	}
	struct sysinfo si;
	if (sysinfo(&si) == 0) {
		size_t machine = ((size_t)si.totalram + si.totalswap) * si.mem_unit;
		if (machine > 0 && machine < least)
			least = machine;
	}
	return least;
}

/* The heap's cap: the limit less the headroom (half of a small limit). */
static size_t heap_limit(void)
{
	size_t limit = memory_limit();
	if (limit == SIZE_MAX)
		return 0;
	size_t room = limit / 4;
	room = room < HEADROOM_MIN ? HEADROOM_MIN : room;
	room = room > HEADROOM_MAX ? HEADROOM_MAX : room;
	return room < limit / 2 ? limit - room : limit / 2;
}

/* Boehm's setter wants its lock held. */
static void *GC_CALLBACK set_cap_locked(void *cap)
{
	GC_set_max_heap_size((GC_word)(uintptr_t)cap);
	return NULL;
}

static void set_cap(size_t cap)
{
	GC_call_with_alloc_lock(set_cap_locked, (void *)(uintptr_t)cap);
}

void rt_gc_lift_cap(void)
{
	if (heap_cap)
		set_cap(0);
}

/* Mono's report of an unhandled OutOfMemoryException, without frames:
 * for when there is not even memory to make one. */
static __attribute__((noreturn)) void oom_fatal(void)
{
	static const char what[] = "System.OutOfMemoryException: Insufficient "
		"memory to continue the execution of the program.";
	fflush(stdout);
	fprintf(stderr, "\nUnhandled Exception:\n%s\n"
		"[ERROR] FATAL UNHANDLED EXCEPTION: %s\n", what, what);
	fflush(stderr);
	_exit(1);
}

void rt_gc_throw_oom(const char *message)
{
	if (making_oom)
		oom_fatal();
	making_oom = true;
	if (heap_cap)
		set_cap(heap_cap + OOM_SLACK);
	if (message)
		rt_exc_throw_msg(RT_EXC_OOM, message);
	else
		rt_exc_throw_kind(RT_EXC_OOM);
	if (heap_cap)
		set_cap(heap_cap);
	making_oom = false;
}

/* ---- heap pacing ----
 * Boehm collects when the heap is used up and at least min_bytes_allocd
 * (the data it must scan over the divisor) was allocated since the last
 * collection; otherwise it grows the heap, by a divisor-th of its size.
 * At divisor 2 a small heap moves in big jumps: under httpapi's load
 * (1.5 MB live) one collection that came 1% early made a 3.5 MB heap
 * 5.3 MB for the rest of the run, and such steps decided its peak RSS.
 * So every program's heap is paced by what its collections cost: the
 * share of the process's CPU time spent in them (averaged over the last
 * few). While that share is at most GC_SHARE_MAX percent the heap is
 * lean: a collection once SMALL_SHARE percent of it (at least
 * SMALL_MIN_BYTES) was allocated since the last, and steps of a
 * SMALL_STEP_DIVISOR-th of it when that does not come; the heap settles
 * where 30% of it is free after collections. When collections take more,
 * the heap grows by half (divisor 2) before the next one, until they take
 * less: the mutator then runs longer between collections that mark the
 * same live data. httpapi under load spends 15-20% in collections and
 * stays lean (3.5-4.2 MB); binarytrees spends 40-50% up to 11.6 MB and
 * grows to 17.5 MB, in the time Boehm's own pacing takes (lean throughout
 * cost it 36%). With GC_FREE_SPACE_DIVISOR in the environment Boehm's
 * pacing is left alone. */
#define GC_SHARE_MAX 33
#define SMALL_SHARE 30
#define SMALL_MIN_BYTES ((size_t)512 << 10)
#define SMALL_STEP_DIVISOR 16
#define BIG_DIVISOR 2

/* The CPU time of collections and of the whole process between
 * collections, both averaged over about the last PACE_WEIGHT collections:
 * their ratio is the share, so that one slow collection (a marker thread
 * descheduled on a busy machine) does not decide alone. */
#define PACE_WEIGHT 8

static struct {
	double gc, all;         /* averages, ns */
	int64_t start, end;     /* CPU time at the last collection's start, end */
} pace;

static int64_t cpu_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Sets the pacing for a heap of heap bytes (allocation lock held). A
 * roomy heap asks for the whole heap allocated before a collection: at
 * its next exhaustion less was, so Boehm grows it by half instead. */
static void pace_for(size_t heap)
{
	bool roomy = pace.gc * 100 > pace.all * GC_SHARE_MAX;
	size_t due = roomy ? heap : heap / 100 * SMALL_SHARE;
	GC_set_min_bytes_allocd(due > SMALL_MIN_BYTES ? due : SMALL_MIN_BYTES);
	GC_set_free_space_divisor(roomy ? BIG_DIVISOR : SMALL_STEP_DIVISOR);
}

/* Around each collection (allocation lock held). */
static void GC_CALLBACK pace_event(GC_EventType e)
{
	if (e == GC_EVENT_START) {
		pace.start = cpu_ns();
		return;
	}
	if (e != GC_EVENT_RECLAIM_END)
		return;
	int64_t now = cpu_ns(), gc = now - pace.start, all = now - pace.end;
	pace.end = now;
	pace.gc += ((double)gc - pace.gc) / PACE_WEIGHT;
	pace.all += ((double)all - pace.all) / PACE_WEIGHT;
	struct GC_prof_stats_s s;
	GC_get_prof_stats_unsafe(&s, sizeof s);
	pace_for(s.heapsize_full);
}

/* A library leaves the collection events to its host. */
static void pace_init(void)
{
	if (getenv("GC_FREE_SPACE_DIVISOR"))    /* Boehm's own setting, read by GC_INIT */
		return;
	if (rt_lib_mode) {
		GC_set_free_space_divisor(BIG_DIVISOR);
		return;
	}
	pace_for(0);
	GC_set_on_collection_event(pace_event);
}

void rt_gc_init(void)
{
	if (rt_lib_mode) {          /* maybe started by the host or another library */
		if (!GC_is_init_called()) {
			GC_set_all_interior_pointers(0);
			GC_INIT();
		}
		GC_allow_register_threads();
	} else {
		GC_set_all_interior_pointers(0);
		GC_set_dont_precollect(1);
		bool own_roots = data_start() && _end && data_start() < _end;
		if (own_roots)
			GC_set_no_dls(1);
		GC_INIT();
		GC_allow_register_threads();    /* native threads calling back */
		if (own_roots)
			add_data_roots();
		else if (__executable_start && data_start() > __executable_start)
			GC_exclude_static_roots(__executable_start, data_start());
		GC_gcollect();
	}
	GC_set_warn_proc(GC_ignore_warn_proc);
	GC_set_finalize_on_demand(1);
	GC_set_java_finalization(1);    /* see "Finalizers" at the top */
	pace_init();
	GC_set_on_heap_resize(heap_resized);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	heap_cap = heap_limit();
	GC_set_max_heap_size(heap_cap);
}

/* ---- per-thread free lists ---- */

__thread void **rt_gc_free_lists;

/* A GC-stress build leaves the lists unused, so that every allocation
 * comes here and is counted. */
void rt_gc_thread_attach(void **lists)
{
#ifndef RT_GC_STRESS
	rt_gc_free_lists = lists;
#endif
}

void rt_gc_thread_detach(void)
{
	rt_gc_free_lists = NULL;
}

/* A scanned block of n bytes from the thread's list for its size, the
 * list refilled when empty. The block is zero but for the link in its
 * first word. NULL when n is too big for the lists, the thread has none,
 * or the heap is exhausted. */
static void *list_alloc(size_t n)
{
	void **lists = rt_gc_free_lists;
	size_t g = (n + RT_GC_GRANULE - 1) / RT_GC_GRANULE;
	if (!lists || g >= RT_GC_LISTS)
		return NULL;
	void *p = lists[g];
	if (!p) {
		p = GC_malloc_many(g * RT_GC_GRANULE);
		if (!p)
			return NULL;
	}
	lists[g] = GC_NEXT(p);
	return p;
}

/* ---- raw blocks ---- */

/* A GC-stress build (-DRT_GC_STRESS=N) collects at every Nth allocation,
 * to flush out references the collector cannot see. */
#ifdef RT_GC_STRESS
static void stress(void)
{
	static unsigned long count;
	if (__atomic_add_fetch(&count, 1, __ATOMIC_RELAXED) % RT_GC_STRESS == 0)
		GC_gcollect();
}
#else
static inline void stress(void) {}
#endif

/* Big blocks are zeroed a chunk at a time, each the cheaper way: a chunk
 * with no page in memory (fresh from the kernel, or swapped out) is given
 * back with MADV_DONTNEED, which zeroes it without touching it; a chunk in
 * memory (reused) is written, which costs no page faults. A big array
 * then costs memory only where it is written, as in Mono, whose large
 * objects are fresh mappings: a list of 64 MB arrays under a 4 GB limit
 * peaked at 3.2 GB before its OutOfMemoryException, 10 MB now. Giving
 * back every big block instead made a loop over a reused 1 MB array 5
 * times slower (each page faulted in again). */
#define ZERO_BY_PAGES ((size_t)1 << 20)         /* blocks from this size */
#define ZERO_CHUNK ((size_t)2 << 20)
#define MIN_PAGE ((size_t)4096)

/* Is any page of [p, p + n) in memory (or is that unknown)? */
static bool any_resident(void *p, size_t n)
{
	unsigned char in_core[ZERO_CHUNK / MIN_PAGE];
	if (mincore(p, n, in_core) != 0)
		return true;
	for (size_t i = 0; i < (n + page_size - 1) / page_size; i++)
		if (in_core[i] & 1)
			return true;
	return false;
}

/* [lo, hi) is page-aligned. */
static void zero_pages(char *lo, char *hi)
{
	for (char *p = lo; p < hi; p += ZERO_CHUNK) {
		size_t n = (size_t)(hi - p) < ZERO_CHUNK ? (size_t)(hi - p) : ZERO_CHUNK;
		if (any_resident(p, n) || madvise(p, n, MADV_DONTNEED) != 0)
			memset(p, 0, n);
	}
}

static void zero_block(void *p, size_t n)
{
	uintptr_t start = (uintptr_t)p, end = start + n;
	uintptr_t lo = (start + page_size - 1) & ~(page_size - 1);
	uintptr_t hi = end & ~(page_size - 1);
	if (n < ZERO_BY_PAGES || page_size < MIN_PAGE) {
		memset(p, 0, n);
		return;
	}
	memset(p, 0, lo - start);
	zero_pages((char *)lo, (char *)hi);
	memset((void *)hi, 0, end - hi);
}

/* A zeroed block, or NULL when the heap is exhausted (nothing thrown). */
static void *alloc_block(size_t n, bool pointerfree)
{
	void *p;
	stress();
	start_markers_if_due();
	if (pointerfree) {
		p = GC_MALLOC_ATOMIC(n);
		if (p)
			zero_block(p, n);
	} else if ((p = list_alloc(n)) != NULL) {
		GC_NEXT(p) = NULL;
	} else {
		p = GC_MALLOC(n);       /* Boehm zeroes scanned memory */
	}
	return p;
}

void *rt_gc_alloc_raw(size_t n, bool pointerfree)
{
	void *p = alloc_block(n, pointerfree);
	if (RT_UNLIKELY(!p))
		rt_gc_throw_oom(NULL);
	return p;
}

bool rt_gc_type_is_atomic(const RtType *t)
{
	return (t->flags & RT_T_POINTERFREE) != 0;
}

static bool array_is_atomic(const RtType *arr)
{
	switch (arr->elem_kind) {
	case RT_E_REF:
		return false;
	case RT_E_STRUCT:
		return arr->elem && rt_gc_type_is_atomic(arr->elem);
	default:
		return true;
	}
}

bool rt_gc_obj_is_atomic(const void *o)
{
	if (GC_base((void *)(uintptr_t)o) != o)
		return false;           /* not from the heap: static data */
	return GC_get_kind_and_size(o, NULL) == GC_KIND_PTRFREE;
}

/* ---- objects ---- */

Object *rt_gc_alloc(const RtType *t)
{
	size_t size = t->size;
	if (t->flags & RT_T_VALUETYPE)
		size += sizeof(Object);         /* a box */
	Object *o = rt_gc_alloc_raw(size, rt_gc_type_is_atomic(t));
	if (RT_UNLIKELY(!o))
		return NULL;
	o->type = t;
	if (t->finalize)
		rt_gc_register_finalizer(o);
	return o;
}

RtString *rt_gc_alloc_string(int32_t length)
{
	if (RT_UNLIKELY(length < 0)) {
		rt_exc_throw_kind(RT_EXC_OVERFLOW);
		return NULL;
	}
	size_t size = offsetof(RtString, chars) + 2 * ((size_t)length + 1);
	RtString *s = length <= MAX_STRING_LENGTH ? alloc_block(size, true) : NULL;
	if (RT_UNLIKELY(!s)) {
		rt_gc_throw_oom("Out of memory");       /* Mono's words */
		return NULL;
	}
	s->hdr.type = rt_known.string;
	s->length = length;
	return s;
}

/* ---- arrays ---- */

/* Bytes for `count` elements after `fixed` bytes, or 0 when too big. */
static size_t array_bytes(const RtType *arr, size_t count, size_t fixed)
{
	size_t data, total;
	if (count > MAX_ARRAY_LENGTH ||
	    __builtin_mul_overflow(count, (size_t)arr->elem_size, &data) ||
	    __builtin_add_overflow(data, fixed, &total) || total > SIZE_MAX / 2)
		return 0;
	return total;
}

RtArray *rt_gc_alloc_array(const RtType *arr, intptr_t length)
{
	if (RT_UNLIKELY(length < 0)) {
		rt_exc_throw_kind(RT_EXC_OVERFLOW);
		return NULL;
	}
	/* longer than INT32_MAX: out of memory, as in Mono; generated code
	 * counts on it (rt_ops.h: rt_vec_len) */
	size_t size = length > INT32_MAX ? 0
		: array_bytes(arr, (size_t)length, offsetof(RtArray, data));
	if (RT_UNLIKELY(size == 0)) {
		rt_gc_throw_oom(NULL);
		return NULL;
	}
	RtArray *a = rt_gc_alloc_raw(size, array_is_atomic(arr));
	if (RT_UNLIKELY(!a))
		return NULL;
	a->hdr.type = arr;
	a->length = (uintptr_t)length;
	return a;
}

/* Element count of a multi-dimensional array; -1 (thrown) when a length
 * is negative, -2 (not yet thrown) when the product is too big. */
static intptr_t md_count(int rank, const int32_t *lengths)
{
	intptr_t count = 1;
	bool too_big = false;
	for (int i = 0; i < rank; i++) {
		if (lengths[i] < 0) {
			rt_exc_throw_kind(RT_EXC_OVERFLOW);
			return -1;
		}
		too_big |= __builtin_mul_overflow(count, lengths[i], &count) ||
			   count > MAX_ARRAY_LENGTH;
	}
	return too_big ? -2 : count;
}

/* The bounds go in the same block, after the data (8-aligned): the block
 * is atomic when the elements are, which suits the bounds too. */
RtArray *rt_gc_alloc_mdarray(const RtType *arr, const int32_t *lengths,
			     const int32_t *lower)
{
	int rank = arr->rank;
	intptr_t count = md_count(rank, lengths);
	if (count == -1)
		return NULL;
	size_t data_end = 0;
	if (count >= 0)
		data_end = array_bytes(arr, (size_t)count, offsetof(RtArray, data));
	if (RT_UNLIKELY(data_end == 0)) {
		rt_gc_throw_oom(NULL);
		return NULL;
	}
	data_end = (data_end + 7) & ~(size_t)7;
	RtArray *a = rt_gc_alloc_raw(data_end + rank * sizeof(RtBounds),
				     array_is_atomic(arr));
	if (RT_UNLIKELY(!a))
		return NULL;
	a->hdr.type = arr;
	a->length = (uintptr_t)count;
	a->bounds = (RtBounds *)((char *)a + data_end);
	for (int i = 0; i < rank; i++) {
		a->bounds[i].length = (uintptr_t)lengths[i];
		a->bounds[i].lower_bound = lower ? lower[i] : 0;
	}
	return a;
}

/* ---- collection ---- */

void rt_gc_collect(void)
{
	GC_gcollect();
}

/* Every collection is full (Boehm, not generational), so each
 * generation's count is this one, as in Mono built with Boehm. */
int32_t rt_gc_collection_count(void)
{
	return (int32_t)GC_get_gc_no();
}

/* Bytes allocated since the start, by all threads: never falls, unlike
 * the heap in use (a collection frees). */
int64_t rt_gc_allocated_bytes(void)
{
	return (int64_t)GC_get_total_bytes();
}

int64_t rt_gc_total_memory(void)
{
	return (int64_t)(GC_get_heap_size() - GC_get_free_bytes());
}

/* Opaque to the optimiser, so `o` is live until here. */
void rt_gc_keep_alive(Object *o)
{
	__asm__ volatile("" : : "r"(o) : "memory");
}

/* ---- finalizers ---- */

static pthread_mutex_t fin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fin_wake = PTHREAD_COND_INITIALIZER;
static pthread_cond_t fin_done = PTHREAD_COND_INITIALIZER;
static bool fin_requested;          /* under fin_lock */
static bool fin_running;            /* under fin_lock: a pass under way */
static unsigned long fin_passes;    /* under fin_lock: passes completed */
static bool fin_started;            /* thread running */
static uintptr_t fin_thread;        /* its rt_thread_id */
static pthread_once_t fin_once = PTHREAD_ONCE_INIT;

/* Called by Boehm on the finalizer thread for each dead object. An
 * exception escaping a finalizer ends the process, as in .NET, with
 * Mono's status for it. */
static void finalize_one(void *obj, void *unused)
{
	Object *o = obj;
	o->type->finalize(o);
	if (RT_UNLIKELY(rt_pending != NULL))
		rt_exc_unhandled_status(255);
}

static void *finalizer_thread(void *unused)
{
	rt_thread_attach(false);
	pthread_mutex_lock(&fin_lock);
	fin_thread = rt_thread_id();
	for (;;) {
		while (!fin_requested)
			pthread_cond_wait(&fin_wake, &fin_lock);
		fin_requested = false;
		fin_running = true;
		pthread_mutex_unlock(&fin_lock);
		while (GC_should_invoke_finalizers())
			GC_invoke_finalizers();
		pthread_mutex_lock(&fin_lock);
		fin_running = false;
		fin_passes++;
		pthread_cond_broadcast(&fin_done);
	}
	return NULL;
}

static void request_finalization(void)
{
	pthread_mutex_lock(&fin_lock);
	fin_requested = true;
	pthread_cond_signal(&fin_wake);
	pthread_mutex_unlock(&fin_lock);
}

static void start_finalizer_thread(void)
{
	pthread_t tid;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&tid, &attr, finalizer_thread, NULL) == 0) {
		GC_set_finalizer_notifier(request_finalization);
		__atomic_store_n(&fin_started, true, __ATOMIC_RELEASE);
	}
	pthread_attr_destroy(&attr);
}

void rt_gc_register_finalizer(Object *o)
{
	if (!o || !o->type->finalize)
		return;
	pthread_once(&fin_once, start_finalizer_thread);
	GC_REGISTER_FINALIZER_NO_ORDER(o, finalize_one, NULL, NULL, NULL);
}

void rt_gc_suppress_finalizer(Object *o)
{
	if (o)
		GC_REGISTER_FINALIZER_NO_ORDER(o, NULL, NULL, NULL, NULL);
}

void rt_gc_wait_for_finalizers(void)
{
	if (!__atomic_load_n(&fin_started, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&fin_lock);
	if (fin_thread == rt_thread_id()) {     /* called by a finalizer */
		pthread_mutex_unlock(&fin_lock);
		return;
	}
	/* A pass under way may have looked at the queue before our call. */
	unsigned long target = fin_passes + (fin_running ? 2 : 1);
	fin_requested = true;
	pthread_cond_signal(&fin_wake);
	while (fin_passes < target)
		pthread_cond_wait(&fin_done, &fin_lock);
	pthread_mutex_unlock(&fin_lock);
}

/* ---- weak links ---- */

/* Boehm clears a link after marking, with the world running again; a
 * target read from a link without its lock may be one it is about to
 * free. Objects outside the heap (static data) never die: their links
 * are plain stores, never registered. */
static bool in_heap(Object *o)
{
	return o && GC_base(o) == (void *)o;
}

void rt_gc_weak_link(void **link, Object *o, bool track_resurrection)
{
	*link = o;
	if (!in_heap(o))
		return;
	if (track_resurrection)
		GC_register_long_link(link, o);
	else
		GC_general_register_disappearing_link(link, o);
}

void rt_gc_weak_unlink(void **link, bool track_resurrection)
{
	if (track_resurrection)
		GC_unregister_long_link(link);
	else
		GC_unregister_disappearing_link(link);
	*link = NULL;
}

static void *GC_CALLBACK read_link(void *link)
{
	return *(void **)link;
}

Object *rt_gc_weak_get(void **link)
{
	return GC_call_with_alloc_lock(read_link, link);
}

void *rt_gc_alloc_root(size_t n)
{
	return GC_MALLOC_UNCOLLECTABLE(n);
}

void rt_gc_free_root(void *p)
{
	GC_FREE(p);
}

void rt_gc_add_roots(void *lo, void *hi)
{
	GC_add_roots(lo, hi);
}

void rt_gc_remove_roots(void *lo, void *hi)
{
	GC_remove_roots(lo, hi);
}
