/* stack.c: StackTrace and StackFrame made without an exception (rt_stack_).
 *
 * Requires: rt_stack_methods[] and rt_stack_known, which the compiler
 * writes only into programs that reach StackFrame.get_frame_info or
 * StackTrace.ToString (src/emit/stack.c); those programs are compiled
 * with unwind tables. Nothing else refers to this file, so no other
 * program links it. It is itself compiled with unwind tables (Makefile).
 * Provides: StackFrame.get_frame_info, which Mono's StackFrame
 * constructors call and, through them, StackTrace's (init_frames asks for
 * one frame after another until there is none), StackTrace.ToString and
 * Assembly.GetCallingAssembly (rt_stack_calling_assembly).
 *
 * A walk is libgcc's _Unwind_Backtrace from here outwards; each frame's
 * function start (the FDE's) is looked up in rt_stack_methods[], sorted
 * by address at the first walk. Frames of functions that are not a
 * method's (the runtime's, the C library's) are left out; the walk ends
 * at the first function without unwind tables (main, a thread's start).
 * Frames are counted as Mono counts them: skip 2 is the method that
 * called StackFrame's constructor, which is the first frame after the
 * methods of StackFrame's own (constructor, get_frame_info).
 *
 * The text is Mono's for a frame without debug information: "  at
 * NS.T.M (System.Int32 x) [0x00000] in <mvid>:0 " (Mono without --debug
 * gives IL offset 0 for such frames too). A frame's MethodInfo is the
 * one reflection keeps for the method, else one made here on first use
 * that knows its name, declaring type (when it has a descriptor) and
 * attributes, not its parameters.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unwind.h>

#include "internal.h"

enum { WALK_MAX = 1 << 16 };

static uint32_t *by_fn;         /* rt_stack_methods[] indices, by address */
static RtMethod *made;          /* per entry, a method reflection did not keep */
static Object **made_objs;      /* GC memory: their MethodInfo objects */
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t made_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_fn(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)rt_stack_methods[*(const uint32_t *)a].fn;
	uintptr_t y = (uintptr_t)rt_stack_methods[*(const uint32_t *)b].fn;
	return x < y ? -1 : x > y;
}

static void sort_methods(void)
{
	by_fn = malloc((rt_nstack_methods + 1) * sizeof *by_fn);
	made = calloc(rt_nstack_methods + 1, sizeof *made);
	if (!by_fn || !made)
		rt_fatal("out of memory");
	for (uint32_t i = 0; i < rt_nstack_methods; i++)
		by_fn[i] = i;
	qsort(by_fn, rt_nstack_methods, sizeof *by_fn, cmp_fn);
}

/* The method whose function starts at `start`, or NULL. */
static const RtStackMethod *method_at(uintptr_t start)
{
	uint32_t lo = 0, hi = rt_nstack_methods;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uintptr_t fn = (uintptr_t)rt_stack_methods[by_fn[mid]].fn;
		if (fn == start)
			return &rt_stack_methods[by_fn[mid]];
		if (fn < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* libgcc's unwinder (gcc 12 and later, built on glibc) finds a function's
 * unwind tables with glibc's _dl_find_object; musl has none, so here is
 * one for a static program: the PT_GNU_EH_FRAME segment (--eh-frame-hdr)
 * of the object whose PT_LOAD segment holds the address. The struct is
 * glibc's (x86-64 and arm64: no dlfo_eh_dbase, no dlfo_eh_count). */
#if !defined(__GLIBC__)
#include <link.h>

struct dl_find_object {
	unsigned long long dlfo_flags;
	void *dlfo_map_start, *dlfo_map_end;
	void *dlfo_link_map;
	void *dlfo_eh_frame;
	unsigned long long reserved[7];
};

static int find_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct dl_find_object *r = arg;
	uintptr_t pc = (uintptr_t)r->dlfo_map_start;
	const ElfW(Phdr) *load = NULL, *eh = NULL;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t at = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && pc >= at && pc < at + ph->p_memsz)
			load = ph;
		else if (ph->p_type == PT_GNU_EH_FRAME)
			eh = ph;
	}
	if (!load || !eh)
		return 0;
	r->dlfo_map_start = (void *)(info->dlpi_addr + load->p_vaddr);
	r->dlfo_map_end = (char *)r->dlfo_map_start + load->p_memsz;
	r->dlfo_eh_frame = (void *)(info->dlpi_addr + eh->p_vaddr);
	return 1;
}

int _dl_find_object(void *pc, struct dl_find_object *result);
int _dl_find_object(void *pc, struct dl_find_object *result)
{
	*result = (struct dl_find_object){ .dlfo_map_start = pc };
	return dl_iterate_phdr(find_object, result) ? 0 : -1;
}
#endif

/* ---- the walk ---- */
typedef struct Walk {
	const RtStackMethod **v;
	uint32_t n, cap;
} Walk;

static _Unwind_Reason_Code step(struct _Unwind_Context *ctx, void *arg)
{
	Walk *w = arg;
	const RtStackMethod *m = method_at((uintptr_t)_Unwind_GetRegionStart(ctx));
	if (m && w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = realloc(w->v, w->cap * sizeof *w->v);
		if (!w->v)
			rt_fatal("out of memory");
	}
	if (m)
		w->v[w->n++] = m;
	return w->n < WALK_MAX ? _URC_NO_REASON : _URC_END_OF_STACK;
}

/* The methods on this thread's stack, innermost first (free w->v). An
 * empty table (--switch no-trace-names) finds none, and such a program
 * is linked without unwind tables or --eh-frame-hdr: libgcc's unwinder
 * would abort looking for its own frame's (under musl), so no walk. */
static void walk(Walk *w)
{
	*w = (Walk){0};
	if (!rt_nstack_methods)
		return;
	pthread_once(&sorted_once, sort_methods);
	_Unwind_Backtrace(step, w);
}

/* The length of the method's name at the start of its sig. */
static size_t name_len(const RtStackMethod *e)
{
	return strcspn(e->sig, "[ ");
}

/* ---- MethodInfo objects ---- */
static Object *method_object(const RtStackMethod *e)
{
	if (e->reflect >= 0)
		return rt_reflect_method_at((uint32_t)e->reflect);
	size_t i = (size_t)(e - rt_stack_methods);
	pthread_mutex_lock(&made_lock);
	if (!made_objs)
		made_objs = rt_gc_alloc_raw((rt_nstack_methods + 1) * sizeof *made_objs, false);
	RtMethod *m = &made[i];
	if (!m->name) {
		m->name = strndup(e->sig, name_len(e));
		if (!m->name)
			rt_fatal("out of memory");
		m->owner = e->owner;
		m->attrs = e->attrs;
		m->islot = -1;
	}
	pthread_mutex_unlock(&made_lock);
	return made_objs ? rt_reflect_method_in(m, &made_objs[i]) : NULL;
}

/* The entry of a frame's MethodInfo, or NULL. */
static const RtStackMethod *entry_of(Object *mi)
{
	const RtMethod *m = rt_reflect_method_of(mi);
	if (!m)
		return NULL;
	if (made && m >= made && m < made + rt_nstack_methods)
		return &rt_stack_methods[m - made];
	for (uint32_t i = 0; i < rt_nstack_methods; i++)
		if (rt_stack_methods[i].reflect >= 0 && &rt_methods[rt_stack_methods[i].reflect] == m)
			return &rt_stack_methods[i];
	return NULL;
}

/* ---- internal calls ---- */
bool rt_StackFrame_get_frame_info(int32_t skip, bool need_file, char *method, char *il,
				  char *native, char *file, char *line, char *column)
{
	Walk w;
	walk(&w);
	uint32_t first = 0;
	while (first < w.n && (w.v[first]->frame & RT_STACK_FRAME_OWN))
		first++;
	int64_t i = (int64_t)first + skip - 2;
	Object *mi = i >= first && i < w.n ? method_object(w.v[i]) : NULL;
	free(w.v);
	RT_WRITE_REF((Object **)method, mi);
	*(int32_t *)il = 0;
	*(int32_t *)native = 0;
	RT_WRITE_REF((Object **)file, NULL);
	*(int32_t *)line = 0;
	*(int32_t *)column = 0;
	return mi != NULL;
}

/* Assembly.GetCallingAssembly() in the program's own code (the compiler
 * calls this instead): the assembly of the method that called
 * the method asking, i.e. the second method frame from here (the first
 * is the asker's: the compiler keeps it a frame of its own); the
 * program's when there is none or its assembly is not listed (none of
 * its types has a descriptor). */
Object *rt_stack_calling_assembly(void)
{
	Walk w;
	walk(&w);
	uint32_t first = 0;
	while (first < w.n && (w.v[first]->frame & RT_STACK_FRAME_OWN))
		first++;
	const RtStackMethod *e = first + 1 < w.n ? w.v[first + 1] : NULL;
	free(w.v);
	return rt_assembly_named(e ? rt_stack_assemblies[e->mvid] : NULL);
}

/* The entry an exception's frame names (its type as il2c_body.c writes
 * it, a nested type's '/' maybe as '+'), or NULL. */
static bool same_type(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '/' || *a == '+') && (*b == '/' || *b == '+')))
			return false;
	return *a == *b;
}

static const RtStackMethod *named(const char *type, size_t tn, const char *name, size_t nn)
{
	for (uint32_t i = 0; i < rt_nstack_methods; i++) {
		const RtStackMethod *e = &rt_stack_methods[i];
		const char *et = e->trace_type ? e->trace_type : e->type;
		if (name_len(e) == nn && !strncmp(e->sig, name, nn) && strlen(et) == tn) {
			char *t = strndup(type, tn);
			bool same = t && same_type(et, t);
			free(t);
			if (same)
				return e;
		}
	}
	return NULL;
}

/* The frames of e's trace text ("  at T::M ()" lines) into v. */
static int text_frames(Object *e, const RtStackMethod **v, int max)
{
	char *u = rt_str_to_utf8(rt_exc_stack_trace(e));
	int n = 0;
	for (char *l = u; l && *l && n < max; ) {
		char *eol = strchr(l, '\n');
		size_t len = eol ? (size_t)(eol - l) : strlen(l);
		char *sep = strstr(l, "::");
		char *open = strstr(l, " (");
		if (!strncmp(l, "  at ", 5) && sep && open && sep < open && (!eol || open < eol))
			v[n++] = named(l + 5, (size_t)(sep - l - 5), sep + 2, (size_t)(open - sep - 2));
		l += len + (eol != NULL);
	}
	return n;
}

/* new StackTrace(e): e's frames, after the first `skip`, as StackFrame
 * objects (without IL offsets: the runtime records none without debug
 * information). */
Object *rt_StackTrace_get_trace(Object *e, int32_t skip, bool need_file)
{
	pthread_once(&sorted_once, sort_methods);
	enum { MAX = RT_TRACE_MAX };
	const RtFrameName *names[MAX];
	const RtStackMethod *v[MAX];
	int n = e ? rt_exc_frame_names(e, names, MAX) : 0;
	for (int i = 0; i < n; i++)
		v[i] = named(names[i]->type, strlen(names[i]->type), names[i]->method,
			     strlen(names[i]->method));
	if (e && !n)
		n = text_frames(e, v, MAX);
	int from = skip > 0 ? (skip < n ? skip : n) : 0;
	if (!rt_stack_known.frame_array)
		return NULL;
	RtArray *a = rt_gc_alloc_array(rt_stack_known.frame_array, (uintptr_t)(n - from));
	for (int i = from; a && i < n; i++) {
		Object *f = rt_gc_alloc(rt_stack_known.frame_type);
		if (!f)
			return NULL;
		Object *mi = v[i] ? method_object(v[i]) : NULL;
		RT_WRITE_REF((Object **)((char *)f + rt_stack_known.frame_method_off), mi);
		RT_WRITE_REF(&RT_ARRAY_DATA(a, Object *)[i - from], f);
	}
	return (Object *)a;
}

typedef struct Text {
	char *p;
	size_t len, cap;
} Text;

static void put(Text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->len + n + 1 > t->cap) {
		t->cap = 2 * (t->len + n + 1);
		t->p = realloc(t->p, t->cap);
		if (!t->p)
			rt_fatal("out of memory");
	}
	memcpy(t->p + t->len, s, n + 1);
	t->len += n;
}

/* A frame that Mono's StackTrace.AddFrames leaves out ([StackTraceHidden]) */
static bool hidden(Object *frame)
{
	const RtStackMethod *e = entry_of(*(Object **)((char *)frame + rt_stack_known.frame_method_off));
	return e && (e->frame & RT_STACK_HIDDEN);
}

/* One frame's line, as Mono's StackTrace.AddFrames writes it. */
static void frame_line(Text *t, Object *frame)
{
	Object *mi = *(Object **)((char *)frame + rt_stack_known.frame_method_off);
	int32_t il = *(int32_t *)((char *)frame + rt_stack_known.frame_il_off);
	const RtStackMethod *e = entry_of(mi);
	char at[32];
	put(t, "  at ");
	if (!e) {
		put(t, "<unknown method>");
		return;
	}
	put(t, e->type);
	put(t, ".");
	put(t, e->sig);
	snprintf(at, sizeof at, " [0x%05x] in ", (unsigned)il);
	put(t, at);
	put(t, rt_stack_mvids[e->mvid]);
	put(t, ":0 ");
}

RtString *rt_StackTrace_ToString(Object *self)
{
	RtArray *frames = *(RtArray **)((char *)self + rt_stack_known.trace_frames_off);
	Text t = {0};
	put(&t, "");
	for (uintptr_t i = 0; frames && i < frames->length; i++) {
		Object *f = RT_ARRAY_DATA(frames, Object *)[i];
		if (!f || hidden(f))
			continue;
		if (t.len)
			put(&t, "\n");
		frame_line(&t, f);
	}
	RtString *s = rt_str_from_utf8(t.p);
	free(t.p);
	return s;
}
