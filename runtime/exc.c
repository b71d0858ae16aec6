/* exc.c: throwing, catching, stack traces, unhandled exceptions (rt_exc_).
 *
 * Requires: rt_known's exception constructors and field offsets
 * (exc_message_off, exc_trace_off; exc_inner_off may be 0).
 * Provides: the pending-exception protocol of DESIGN.md. A throw stores the
 * exception in the thread's rt_pending and returns; generated code tests the
 * slot after calls. Every change of the slot also goes to the thread's
 * GC-visible record (internal.h), since Boehm may not scan __thread data.
 *
 * Stack traces cost nothing until something is thrown: generated code calls
 * rt_exc_trace(method) only on its exception paths, and the names gather in
 * a per-thread buffer that belongs to the exception thrown last. The buffer
 * lives on while that exception is caught and rethrown (generated code does
 * so around every finally it passes). A catch copies the buffer's method
 * names (static pairs of strings) into the exception's _stackTrace field, a field
 * Mono's runtime owns, as a ulong[] (last element: 1 if outer frames were
 * left out); the text, "  at A::B ()" lines (for a place: Mono's "  at A.B
 * (params) [0x0000c] in <mvid>:0 ", or with debug information the file and
 * line) joined by "\n", is written to
 * _stackTraceString only when something reads it (rt_exc_stack_trace, the
 * unhandled-exception report). At most RT_TRACE_MAX frames are kept, then
 * a line says that outer frames were left out. A fresh throw clears both
 * fields; a rethrow keeps them, and if the buffer has meanwhile gone to
 * another exception, the text so far becomes the prefix of a new buffer.
 *
 * A catch need not save anything when nothing can ever read the trace: the
 * exception was made by constructors that kept it to themselves, thrown at
 * once (rt_exc_throw_new), and every handler that has caught it only read
 * its fields (rt_exc_catch_local); the compiler proves both. Then the
 * buffer's exception is "unshared", until a catch that may let it out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

__thread Object *rt_pending;

static void set_pending(RtThread *th, Object *e)
{
	rt_pending = e;
	th->pending = e;
}

static RtString **field_string(Object *o, uint32_t off)
{
	return off ? (RtString **)((char *)o + off) : NULL;
}

/* The exception's saved frames (_stackTrace), or NULL. */
static RtArray **field_frames(Object *o)
{
	return rt_known.exc_frames_off ? (RtArray **)((char *)o + rt_known.exc_frames_off) : NULL;
}

static RtString *trace_text(Object *e);

void rt_fatal(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("ilcc runtime: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* ---- throw and catch ---- */

static int count_lines(const RtString *s)
{
	int n = s && s->length > 0;
	for (int32_t i = 0; s && i < s->length; i++)
		n += s->chars[i] == '\n';
	return n;
}

/* The buffer now collects frames for e, after the text `prefix`. */
static void start_trace(RtThread *th, Object *e, RtString *prefix)
{
	th->trace_exc = e;
	th->prefix_lines = count_lines(prefix);
	th->nframes = th->shown_frames = 0;
	th->dropped = th->shown_dropped = false;
	th->unshared = false;
}

/* ---- the first pass (rt.h: RtEhRec) ---- */
__thread RtEhRec *rt_eh_top;

/* Runs r's filter on exc. What the filter throws stays inside it (its
 * code catches it and declines), behind a catch-all record that hides the
 * chain of the throw from the filter's own throws. */
static bool run_filter(RtThread *th, RtEhRec *r, Object *exc)
{
	Object *pending = rt_pending;
	RtEhRec *top = rt_eh_top, boundary = {0};
	rt_eh_top = NULL;
	rt_eh_link(&boundary);
	bool yes = r->filter(r->frame, r->clause, exc) != 0;
	rt_eh_top = top;
	set_pending(th, pending);
	th->trace_exc = NULL;       /* the buffer may hold the filter's throws */
	return yes;
}

/* True if a filter saw exc (it may keep it: exc is shared from then on). */
static bool first_pass(RtThread *th, Object *exc)
{
	bool seen = false;
	for (RtEhRec *r = rt_eh_top; r; r = r->next) {
		if (!r->filter) {
			if (!r->type || rt_type_isinst(exc, r->type))
				break;
			continue;
		}
		seen = true;
		r->accepted = run_filter(th, r, exc) ? exc : NULL;
		if (r->accepted)
			break;
	}
	return seen;
}

static void throw_exc(Object *exc, bool unshared)
{
	if (RT_UNLIKELY(!exc)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return;
	}
	RtThread *th = rt_thread_self();
	RtString **trace = field_string(exc, rt_known.exc_trace_off);
	RtArray **frames = field_frames(exc);
	if (trace)
		RT_WRITE_REF(trace, NULL);
	if (frames)
		RT_WRITE_REF(frames, NULL);
	bool seen = RT_UNLIKELY(rt_eh_top != NULL) && first_pass(th, exc);
	start_trace(th, exc, NULL);
	th->rethrown = false;
	th->unshared = unshared && !seen;
	set_pending(th, exc);
}

void rt_exc_throw(Object *exc)
{
	throw_exc(exc, false);
}

void rt_exc_throw_new(Object *exc, bool unshared)
{
	throw_exc(exc, unshared);
}

void rt_exc_resume(Object *exc)
{
	if (RT_UNLIKELY(!exc)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return;
	}
	RtThread *th = rt_thread_self();
	if (th->trace_exc != exc)
		start_trace(th, exc, trace_text(exc));
	set_pending(th, exc);
}

void rt_exc_rethrow(Object *exc)
{
	RtThread *th = rt_thread_self();
	th->rethrown = th->trace_exc == exc;
	if (exc && RT_UNLIKELY(rt_eh_top != NULL) && first_pass(th, exc))
		th->unshared = false;
	rt_exc_resume(exc);
}

static const char *const exc_names[RT_EXC_COUNT] = {
#define X(id, ns, name) ns "." name,
	RT_EXCEPTIONS(X)
#undef X
};

/* Where Mono's runtime words a check's exception differently from the
 * class's default message. */
static const char *const runtime_message[RT_EXC_COUNT] = {
	[RT_EXC_NULLREF] = "Object reference not set to an instance of an object",
};

/* If construction throws, that exception stays pending instead. */
void rt_exc_throw_kind(RtExcKind k)
{
	Object *(*make)(void) = rt_known.new_exception[k];
	if (!make)
		rt_fatal("no constructor for %s", exc_names[k]);
	Object *e = make();
	if (e && runtime_message[k])
		*(Object **)((char *)e + rt_known.exc_message_off) =
			(Object *)rt_str_from_utf8(runtime_message[k]);
	if (e)
		rt_exc_throw(e);
	else if (!rt_pending)
		rt_fatal("cannot construct %s", exc_names[k]);
}

void rt_exc_throw_msg(RtExcKind k, const char *msg)
{
	Object *(*make)(void) = rt_known.new_exception[k];
	if (!make)
		rt_fatal("no constructor for %s", exc_names[k]);
	Object *e = make();
	RtString *m = e ? rt_str_from_utf8(msg) : NULL;
	if (m) {
		RT_WRITE_REF((Object **)((char *)e + rt_known.exc_message_off), (Object *)m);
		rt_exc_throw(e);
	} else if (!rt_pending) {
		rt_fatal("cannot construct %s", exc_names[k]);
	}
}

/* An exception of kind k with `param` as its ParamName (k is
 * ArgumentException or a subclass) and `msg` as its message if given. */
static void throw_with_param(RtExcKind k, const char *param, const char *msg)
{
	Object *e = rt_known.new_exception[k] ? rt_known.new_exception[k]() : NULL;
	if (!e) {
		rt_exc_throw_kind(k);
		return;
	}
	RtString *p = rt_known.arg_param_off ? rt_str_from_utf8(param) : NULL;
	if (p)
		RT_WRITE_REF((Object **)((char *)e + rt_known.arg_param_off), (Object *)p);
	RtString *m = msg ? rt_str_from_utf8(msg) : NULL;
	if (m)
		RT_WRITE_REF((Object **)((char *)e + rt_known.exc_message_off), (Object *)m);
	rt_exc_throw(e);
}

void rt_exc_throw_arg_null(const char *param)
{
	throw_with_param(RT_EXC_ARGNULL, param, NULL);
}

void rt_exc_throw_arg(const char *param, const char *msg)
{
	throw_with_param(RT_EXC_ARG, param, msg);
}

/* ---- trace text ---- */

/* A growable malloc'ed UTF-8 buffer, for the slow paths here. */
typedef struct Buf {
	char *p;
	size_t len, cap;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			rt_fatal("out of memory");
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void buf_str(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void buf_managed(Buf *b, const RtString *s)
{
	char *u = rt_str_to_utf8(s);
	if (u)
		buf_str(b, u);
}

/* A frame as the buffer holds it: a name, or a site with its lowest bit
 * set (both are at least 8-aligned). */
static uintptr_t frame_of_name(const RtFrameName *name)
{
	return (uintptr_t)name;
}

static uintptr_t frame_of_site(const RtFrameSite *site)
{
	return (uintptr_t)site | 1;
}

static const RtFrameSite *frame_site(uintptr_t fr)
{
	return fr & 1 ? (const RtFrameSite *)(fr - 1) : NULL;
}

static const RtFrameName *frame_name(uintptr_t fr)
{
	const RtFrameSite *site = frame_site(fr);
	return site ? &site->method->name : (const RtFrameName *)fr;
}

/* Frame lines after whatever b holds already. */
static void buf_frames(Buf *b, const uint64_t *frames, int n, bool dropped)
{
	for (int i = 0; i < n; i++) {
		const RtFrameName *fr = frame_name((uintptr_t)frames[i]);
		const RtFrameSite *site = frame_site((uintptr_t)frames[i]);
		const char *file = site ? site->file : NULL;
		buf_str(b, b->len ? "\n  at " : "  at ");
		if (site && !file && site->method->mono) {     /* Mono's, without debug information */
			char at[40];
			snprintf(at, sizeof at, " [0x%05x] in ", site->il);
			buf_str(b, site->method->mono);
			buf_str(b, at);
			buf_str(b, site->method->mvid);
			buf_str(b, ":0 ");
			continue;
		}
		buf_str(b, fr->type);
		buf_str(b, file ? "." : "::");     /* Mono's form where it has lines */
		buf_str(b, fr->method);
		buf_str(b, " (");
		buf_str(b, file && site->method->params ? site->method->params : "");
		buf_str(b, ")");
		if (file) {
			char at[40];
			snprintf(at, sizeof at, " [0x%05x] in ", site->il);
			buf_str(b, at);
			buf_str(b, file);
			snprintf(at, sizeof at, ":%u ", site->line);
			buf_str(b, at);
		}
	}
	if (dropped)
		buf_str(b, b->len ? "\n  ... (outer frames not recorded)" :
			"  ... (outer frames not recorded)");
}

/* Copies the buffer's frames into e, if the buffer is e's and has news:
 * one small pointer-free allocation, no text. */
static void save_frames(RtThread *th, Object *e)
{
	RtArray **field = field_frames(e);
	if (th->trace_exc != e || !field ||
	    (th->nframes == th->shown_frames && th->dropped == th->shown_dropped))
		return;
	Object *saved = rt_pending;
	RtArray *a = rt_gc_alloc_array(rt_known.ulong_array, th->nframes + 1);
	set_pending(th, saved);     /* an allocation failure loses the frames */
	if (!a)
		return;
	uint64_t *v = (uint64_t *)a->data;
	for (int i = 0; i < th->nframes; i++)
		v[i] = th->frames[i];
	v[th->nframes] = th->dropped;
	th->shown_frames = th->nframes;
	th->shown_dropped = th->dropped;
	RT_WRITE_REF(field, a);
}

/* e's trace as text: the text so far (which includes the buffer's prefix)
 * followed by the saved frames, which then become part of the text. */
static RtString *trace_text(Object *e)
{
	RtThread *th = rt_thread_self();
	RtString **text = field_string(e, rt_known.exc_trace_off);
	RtArray **frames = field_frames(e);
	if (!text)
		return NULL;
	save_frames(th, e);
	if (!frames || !*frames)
		return *text;
	RtArray *a = *frames;
	const uint64_t *v = (const uint64_t *)a->data;
	int n = (int)a->length - 1;
	Buf b = {0};
	/* while the buffer is e's, the text field holds only what was there
	 * before the buffer started, and stays so: the frames may grow */
	bool live = th->trace_exc == e;
	if (*text)
		buf_managed(&b, *text);
	buf_frames(&b, v, n, v[n] != 0);     /* a keeps v alive */
	Object *saved = rt_pending;
	RtString *s = rt_str_from_utf8(b.p ? b.p : "");
	free(b.p);
	set_pending(th, saved);     /* an allocation failure loses the text */
	if (!s || live)
		return s ? s : *text;
	RT_WRITE_REF(text, s);
	RT_WRITE_REF(frames, NULL);
	return s;
}

int rt_exc_frame_names(Object *e, const RtFrameName **v, int max)
{
	save_frames(rt_thread_self(), e);
	RtArray **frames = field_frames(e);
	if (!frames || !*frames)
		return 0;
	const uint64_t *f = (const uint64_t *)(*frames)->data;
	int n = (int)(*frames)->length - 1;
	for (int i = 0; i < n && i < max; i++)
		v[i] = frame_name((uintptr_t)f[i]);
	return n < max ? n : max;
}

RtString *rt_exc_stack_trace(Object *e)
{
	return e ? trace_text(e) : NULL;
}

/* Called with nothing pending, it names the method that has just caught
 * the last exception (a filter's catch comes before its decision), so the
 * text is brought up to date at once. */
static bool same_method(const RtFrameName *a, const RtFrameName *b)
{
	return !strcmp(a->type, b->type) && !strcmp(a->method, b->method);
}

static void trace_frame(uintptr_t method)
{
	RtThread *th = rt_thread_self();
	bool again = th->rethrown && th->nframes > 0 &&
		     same_method(frame_name(th->frames[th->nframes - 1]), frame_name(method));
	th->rethrown = false;
	if (again) {
		th->frames[th->nframes - 1] = method;
		if (th->shown_frames >= th->nframes)
			th->shown_frames = th->nframes - 1;
	} else if (th->prefix_lines + th->nframes < RT_TRACE_MAX)
		th->frames[th->nframes++] = method;
	else
		th->dropped = true;
	if (!rt_pending && th->trace_exc)
		save_frames(th, th->trace_exc);
}

void rt_exc_trace(const RtFrameName *method)
{
	trace_frame(frame_of_name(method));
}

void rt_exc_trace_site(const RtFrameSite *site)
{
	trace_frame(frame_of_site(site));
}

Object *rt_exc_catch(void)
{
	Object *e = rt_pending;
	if (!e)
		return NULL;
	RtThread *th = rt_thread_self();
	save_frames(th, e);
	th->unshared = false;
	set_pending(th, NULL);
	return e;
}

Object *rt_exc_catch_local(void)
{
	Object *e = rt_pending;
	if (!e)
		return NULL;
	RtThread *th = rt_thread_self();
	if (!th->unshared || th->trace_exc != e)
		save_frames(th, e);
	set_pending(th, NULL);
	return e;
}

Object *rt_exc_take(void)
{
	Object *e = rt_pending;
	if (e)
		set_pending(rt_thread_self(), NULL);
	return e;
}

/* ---- unhandled ---- */

char *rt_exc_type_name(const RtType *t)
{
	Buf b = {0};
	if (t->ns && *t->ns) {
		buf_str(&b, t->ns);
		buf_str(&b, ".");
	}
	buf_str(&b, t->name ? t->name : "?");
	return b.p;
}

/* Whether t is or derives from ExternalException, whose ToString shows
 * the HResult after the type name. */
static bool is_external(const RtType *t)
{
	for (; t; t = t->base)
		if (t->name && t->ns && !strcmp(t->name, "ExternalException") &&
		    !strcmp(t->ns, "System.Runtime.InteropServices"))
			return true;
	return false;
}

/* Like Mono's Exception.ToString(): "Type: message" ("Type (0xHRESULT):
 * message" for an ExternalException), the inner exception after " ---> ",
 * then the trace. A null _message reads as Mono's default message
 * property. */
static void describe(Buf *b, Object *e, int depth)
{
	char *name = rt_exc_type_name(e->type);
	RtString **msg = field_string(e, rt_known.exc_message_off);
	buf_str(b, name);
	if (rt_known.exc_hresult_off && is_external(e->type)) {
		char hr[24];
		snprintf(hr, sizeof hr, " (0x%08X)",
			 (unsigned)*(int32_t *)((char *)e + rt_known.exc_hresult_off));
		buf_str(b, hr);
	}
	if (msg && *msg && (*msg)->length > 0) {
		buf_str(b, ": ");
		buf_managed(b, *msg);
	} else if (msg && !*msg) {
		buf_str(b, ": Exception of type '");
		buf_str(b, name);
		buf_str(b, "' was thrown.");
	}
	free(name);
	Object **inner = rt_known.exc_inner_off ?
		(Object **)((char *)e + rt_known.exc_inner_off) : NULL;
	if (inner && *inner && depth < 16) {
		buf_str(b, " ---> ");
		describe(b, *inner, depth + 1);
		buf_str(b, "\n   --- End of inner exception stack trace ---");
	}
	RtString *trace = trace_text(e);
	if (trace && trace->length > 0) {
		buf_str(b, "\n");
		buf_managed(b, trace);
	}
}

/* AppDomain.UnhandledException's handlers, if the program has any: true
 * if one ran. What a handler throws is reported on one line and dropped,
 * as Mono does. */
static bool raise_event(Object *e)
{
	if (!rt_known.unhandled_event)
		return false;
	rt_pending = NULL;
	bool ran = rt_known.unhandled_event(e);
	Object *thrown = rt_pending;
	rt_pending = NULL;
	if (thrown) {           /* Mono writes this line to stdout */
		char *name = rt_exc_type_name(thrown->type);
		printf("exception inside UnhandledException handler: %s\n\n", name);
		free(name);
	}
	return ran;
}

/* Is e exactly a System.AppDomainUnloadedException (not a subclass)? */
static bool domain_unloaded(const Object *e)
{
	const RtType *t = e ? e->type : NULL;
	return t && t->name && t->ns && !strcmp(t->name, "AppDomainUnloadedException") &&
	       !strcmp(t->ns, "System");
}

/* Mono prints the report twice, the second time as a fatal error line
 * (only that line once an UnhandledException handler ran, or when no
 * event is raised: `event` false), then exits with `status`. The first
 * thread to report ends the process; any other that fails meanwhile
 * waits for that. */
static __attribute__((noreturn)) void report(bool event, int status)
{
	static int reporting;
	Object *e = rt_pending;
	if (!e)
		rt_fatal("unhandled exception reported with none pending");
	if (__atomic_exchange_n(&reporting, 1, __ATOMIC_ACQ_REL))
		for (;;)
			pause();
	rt_gc_lift_cap();       /* the report may need memory */
	bool handled = !event || raise_event(e);
	Buf b = {0};
	describe(&b, e, 0);
	fflush(stdout);
	if (!handled)
		fprintf(stderr, "\nUnhandled Exception:\n%s\n", b.p);
	fprintf(stderr, "[ERROR] FATAL UNHANDLED EXCEPTION: %s\n", b.p);
	free(b.p);
	rt_exit(status);
}

/* status: 1, or 255 for an exception that escaped a finalizer or a pool
 * thread. */
void rt_exc_unhandled_status(int status)
{
	report(true, status);
}

/* An exception that escaped a pool work item: as Mono, an
 * AppDomainUnloadedException is dropped (true: the worker goes on). */
bool rt_exc_pool_ignores(void)
{
	if (!domain_unloaded(rt_pending))
		return false;
	rt_exc_catch();
	return true;
}

/* An exception that escaped a thread the program started: as Mono, an
 * AppDomainUnloadedException raises no UnhandledException event and
 * prints only the fatal error line, and the process exits with
 * Environment.ExitCode (0 unless set) instead of 1. */
void rt_exc_unhandled_thread(void)
{
	if (domain_unloaded(rt_pending))
		report(false, rt_exit_code);
	report(true, 1);
}

void rt_exc_unhandled(void)
{
	rt_exc_unhandled_status(1);
}
