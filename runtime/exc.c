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
 * so around every finally it passes), so rt_exc_catch can rewrite the
 * exception's _stackTraceString from the whole buffer each time: "  at A.B
 * ()" lines joined by "\n", at most RT_TRACE_MAX of them, then a line
 * saying that outer frames were left out (without a count, which would
 * need a new text at every catch). That bounds the work per catch however
 * deep the unwinding. A fresh throw clears the text; a rethrow keeps it,
 * and if the buffer has meanwhile gone to another exception, the text
 * becomes the prefix of a new buffer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
	th->trace_prefix = prefix;
	th->prefix_lines = count_lines(prefix);
	th->nframes = th->shown_frames = 0;
	th->dropped = th->shown_dropped = false;
}

void rt_exc_throw(Object *exc)
{
	if (RT_UNLIKELY(!exc)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return;
	}
	RtThread *th = rt_thread_self();
	RtString **trace = field_string(exc, rt_known.exc_trace_off);
	if (trace)
		RT_WRITE_REF(trace, NULL);
	start_trace(th, exc, NULL);
	set_pending(th, exc);
}

void rt_exc_rethrow(Object *exc)
{
	if (RT_UNLIKELY(!exc)) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return;
	}
	RtThread *th = rt_thread_self();
	if (th->trace_exc != exc) {
		RtString **trace = field_string(exc, rt_known.exc_trace_off);
		start_trace(th, exc, trace ? *trace : NULL);
	}
	set_pending(th, exc);
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

/* The buffer's lines, after whatever b holds already. */
static void buf_frames(Buf *b, const RtThread *th)
{
	for (int i = 0; i < th->nframes; i++) {
		buf_str(b, b->len ? "\n  at " : "  at ");
		buf_str(b, th->frames[i]);
		buf_str(b, " ()");
	}
	if (th->dropped)
		buf_str(b, b->len ? "\n  ... (outer frames not recorded)" :
			"  ... (outer frames not recorded)");
}

/* Rewrites e's _stackTraceString from the buffer, if it has news. */
static void flush_trace(RtThread *th, Object *e)
{
	RtString **field = field_string(e, rt_known.exc_trace_off);
	if (th->trace_exc != e || !field ||
	    (th->nframes == th->shown_frames && th->dropped == th->shown_dropped))
		return;
	Buf b = {0};
	if (th->trace_prefix)
		buf_managed(&b, th->trace_prefix);
	buf_frames(&b, th);
	th->shown_frames = th->nframes;
	th->shown_dropped = th->dropped;
	Object *saved = rt_pending;
	RtString *s = rt_str_from_utf8(b.p ? b.p : "");
	free(b.p);
	set_pending(th, saved);     /* an allocation failure loses the text */
	if (s)
		RT_WRITE_REF(field, s);
}

/* Called with nothing pending, it names the method that has just caught
 * the last exception (a filter's catch comes before its decision), so the
 * text is brought up to date at once. */
void rt_exc_trace(const char *method)
{
	RtThread *th = rt_thread_self();
	if (th->prefix_lines + th->nframes < RT_TRACE_MAX)
		th->frames[th->nframes++] = method;
	else
		th->dropped = true;
	if (!rt_pending && th->trace_exc)
		flush_trace(th, th->trace_exc);
}

Object *rt_exc_catch(void)
{
	Object *e = rt_pending;
	if (!e)
		return NULL;
	RtThread *th = rt_thread_self();
	flush_trace(th, e);
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

/* Like Mono's Exception.ToString(): "Type: message", the inner exception
 * after " ---> ", then the trace. A null _message reads as Mono's default
 * message property. */
static void describe(Buf *b, Object *e, int depth)
{
	char *name = rt_exc_type_name(e->type);
	RtString **msg = field_string(e, rt_known.exc_message_off);
	buf_str(b, name);
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
	RtString **trace = field_string(e, rt_known.exc_trace_off);
	if (trace && *trace && (*trace)->length > 0) {
		buf_str(b, "\n");
		buf_managed(b, *trace);
	}
}

/* Mono prints the report twice, the second time as a fatal error line. */
void rt_exc_unhandled(void)
{
	Object *e = rt_pending;
	if (!e)
		rt_fatal("unhandled exception reported with none pending");
	RtThread *th = rt_thread_self();
	flush_trace(th, e);
	Buf b = {0};
	describe(&b, e, 0);
	fflush(stdout);
	fprintf(stderr, "\nUnhandled Exception:\n%s\n", b.p);
	fprintf(stderr, "[ERROR] FATAL UNHANDLED EXCEPTION: %s\n", b.p);
	free(b.p);
	rt_exit(1);
}
