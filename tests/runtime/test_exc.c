/* Exceptions: throw and catch, throw null, constructed kinds, a failing
 * constructor, trace text (fresh throw, rethrow, bound), the pending slot
 * surviving collections, and the slot being per thread. */
#include <pthread.h>

#include "test.h"

static Object *new_invalid_op(const char *msg)
{
	return t_new_exc(&t_invalid_op, msg, NULL);
}

static void test_throw_catch(void)
{
	CHECK(rt_exc_catch() == NULL);
	Object *e = new_invalid_op("boom");
	rt_exc_throw(e);
	CHECK(rt_pending == e && rt_thread_self()->pending == e);
	CHECK(rt_exc_catch() == e);
	CHECK(rt_pending == NULL && rt_thread_self()->pending == NULL);
	CHECK(t_exc(e)->trace == NULL);         /* no frames, no text */

	rt_exc_throw(NULL);
	Object *n = rt_exc_catch();
	CHECK(n && n->type == &t_exc_types[RT_EXC_NULLREF]);
	/* Mono's runtime words it without the class default's full stop */
	CHECK(!strcmp(t_text(t_exc(n)->message),
		      "Object reference not set to an instance of an object"));
	rt_exc_rethrow(NULL);
	n = rt_exc_catch();
	CHECK(n && n->type == &t_exc_types[RT_EXC_NULLREF]);

	rt_exc_throw_kind(RT_EXC_INDEX);
	Object *i = rt_exc_catch();
	CHECK(i && i->type == &t_exc_types[RT_EXC_INDEX]);
	CHECK(!strcmp(t_text(t_exc(i)->message),
		      "Index was outside the bounds of the array."));

	/* construction throws: that exception is the one pending */
	t_fail_ctor[RT_EXC_DIVZERO] = true;
	rt_exc_throw_kind(RT_EXC_DIVZERO);
	Object *o = rt_exc_catch();
	CHECK(o && o->type == &t_exc_types[RT_EXC_OOM]);
}

/* A method's name in traces, as generated code declares one (kept for
 * the whole test, as the trace holds the pointer). */
static const RtFrameName *frame(const char *type, const char *method)
{
	RtFrameName *f = calloc(1, sizeof *f);
	f->type = type;
	f->method = method;
	return f;
}

static const char *caught_trace(void)
{
	return t_text(rt_exc_stack_trace(rt_exc_catch()));
}

static void test_trace(void)
{
	Object *e = new_invalid_op("traced");
	rt_exc_throw(e);
	rt_exc_trace(frame("A", "Inner"));
	rt_exc_trace(frame("A", "Middle"));
	rt_exc_trace(frame("A", "Outer"));
	CHECK(!strcmp(caught_trace(),
		      "  at A::Inner ()\n  at A::Middle ()\n  at A::Outer ()"));

	/* rethrow keeps the text and appends */
	rt_exc_rethrow(e);
	rt_exc_trace(frame("B", "Caller"));
	CHECK(!strcmp(caught_trace(), "  at A::Inner ()\n  at A::Middle ()\n"
		      "  at A::Outer ()\n  at B::Caller ()"));

	/* another exception in between does not disturb a later rethrow */
	rt_exc_throw(new_invalid_op("other"));
	rt_exc_trace(frame("X", "Y"));
	rt_exc_catch();
	rt_exc_rethrow(e);
	rt_exc_trace(frame("C", "Top"));
	const char *t = caught_trace();
	CHECK(strstr(t, "  at B::Caller ()\n  at C::Top ()") != NULL);
	CHECK(strstr(t, "X::Y") == NULL);

	/* `throw e` again starts afresh */
	rt_exc_throw(e);
	CHECK(t_exc(e)->trace == NULL);
	rt_exc_trace(frame("D", "Again"));
	CHECK(!strcmp(caught_trace(), "  at D::Again ()"));
}

/* What generated code does for a catch that rethrows: the catching
 * method's frame, catch, rethrow, and its frame again as the exception
 * leaves it (one line: the second replaces the first). */
static void pass_finally(const RtFrameName *method)
{
	rt_exc_trace(method);
	Object *e = rt_exc_catch();
	rt_exc_rethrow(e);
	rt_exc_trace(method);
}

/* A frame with debug information reads as Mono's do with --debug. */
static void test_trace_lines(void)
{
	static const RtFrameMethod m = { { "NS.T", "M" }, "System.Int32 x", NULL, NULL };
	static const RtFrameSite at[] = {
		{ &m, NULL, 0, 0 },
		{ &m, "/src/a.cs", 12, 0x1c } };
	rt_exc_throw(new_invalid_op("lines"));
	rt_exc_trace_site(&at[1]);
	rt_exc_trace(frame("NS.T", "Main"));
	CHECK(!strcmp(caught_trace(), "  at NS.T.M (System.Int32 x) [0x0001c] in /src/a.cs:12 \n"
		      "  at NS.T::Main ()"));
	/* a site whose place is unknown reads as a plain name */
	rt_exc_throw(new_invalid_op("no place"));
	rt_exc_trace_site(&at[0]);
	CHECK(!strcmp(caught_trace(), "  at NS.T::M ()"));
}

/* Without debug information (the program's own methods), Mono's frame,
 * the IL offset of its sequence point and the module's MVID. */
static void test_trace_mono_form(void)
{
	static const RtFrameMethod m = { { "NS.G`1", "M" }, "T t", "NS.G`1[T].M (T t)", "<0a1b>" };
	static const RtFrameSite at[] = { { &m, NULL, 0, 0 }, { &m, NULL, 0, 0x2a } };
	rt_exc_throw(new_invalid_op("mono form"));
	rt_exc_trace_site(&at[1]);
	rt_exc_trace_site(&at[0]);
	CHECK(!strcmp(caught_trace(), "  at NS.G`1[T].M (T t) [0x0002a] in <0a1b>:0 \n"
		      "  at NS.G`1[T].M (T t) [0x00000] in <0a1b>:0 "));
}

static void test_trace_through_finally(void)
{
	rt_exc_throw(new_invalid_op("finally"));
	pass_finally(frame("A", "F"));
	pass_finally(frame("A", "G"));
	rt_exc_trace(frame("A", "Main"));
	CHECK(!strcmp(caught_trace(), "  at A::F ()\n  at A::G ()\n  at A::Main ()"));

	/* deep: the text stays bounded, and so does the work per catch */
	rt_exc_throw(new_invalid_op("deep finally"));
	for (int i = 0; i < 100000; i++)
		pass_finally(frame("R", "Deep"));
	const char *t = caught_trace();
	CHECK(strlen(t) < 64 * 20 + 40);
	CHECK(strstr(t, "\n  ... (outer frames not recorded)") != NULL);
}

/* A filter: the exception is caught to run the filter, and the frame
 * comes after. */
static void test_trace_filter(void)
{
	Object *e = new_invalid_op("filtered");
	rt_exc_throw(e);
	rt_exc_trace(frame("F", "Inner"));
	CHECK(rt_exc_catch() == e);
	rt_exc_trace(frame("F", "Filtering"));
	CHECK(!strcmp(t_text(rt_exc_stack_trace(e)),
		      "  at F::Inner ()\n  at F::Filtering ()"));
}

/* A new exception the compiler proved unshared, caught by handlers that
 * only read its fields, saves no frames; anything else saves them. */
static void test_unshared(void)
{
	Object *e = new_invalid_op("unshared");
	rt_exc_throw_new(e, true);
	rt_exc_trace(frame("U", "Inner"));
	CHECK(rt_exc_catch_local() == e);
	CHECK(t_exc(e)->frames == NULL);

	/* rethrown, it is still unshared; a catch that may let it out saves
	 * every frame so far */
	rt_exc_rethrow(e);
	rt_exc_trace(frame("U", "Outer"));
	CHECK(rt_exc_catch() == e);
	CHECK(t_exc(e)->frames != NULL);
	rt_exc_rethrow(e);
	rt_exc_trace(frame("U", "Top"));
	CHECK(rt_exc_catch_local() == e);
	CHECK(!strcmp(t_text(rt_exc_stack_trace(e)),
		      "  at U::Inner ()\n  at U::Outer ()\n  at U::Top ()"));

	/* not proved unshared, or thrown again by a plain throw: saved */
	e = new_invalid_op("shared");
	rt_exc_throw_new(e, false);
	rt_exc_trace(frame("S", "Inner"));
	CHECK(rt_exc_catch_local() == e);
	CHECK(t_exc(e)->frames != NULL);
	rt_exc_throw(e);
	rt_exc_trace(frame("S", "Again"));
	CHECK(rt_exc_catch_local() == e);
	CHECK(!strcmp(t_text(rt_exc_stack_trace(e)), "  at S::Again ()"));
}

static void test_trace_bound(void)
{
	rt_exc_throw(new_invalid_op("deep"));
	for (int i = 0; i < 100; i++)
		rt_exc_trace(frame("R", "Recurse"));
	const char *t = caught_trace();
	int lines = 1;
	for (const char *p = t; *p; p++)
		lines += *p == '\n';
	CHECK(lines == RT_TRACE_MAX + 1);
	CHECK(strstr(t, "\n  ... (outer frames not recorded)") != NULL);
}

/* ---- the pending slot and the collector ---- */

static NOINLINE void throw_fresh(void)
{
	rt_exc_throw(new_invalid_op("survivor"));
}

static NOINLINE void churn(void)
{
	volatile char wipe[8192];
	memset((char *)wipe, 0, sizeof wipe);
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 20000; i++)
			rt_gc_alloc_array(&t_char_array, 30);
		rt_gc_collect();
	}
}

static void test_pending_survives_gc(void)
{
	throw_fresh();
	churn();
	Object *e = rt_exc_catch();
	CHECK(e && e->type == &t_invalid_op);
	CHECK(!strcmp(t_text(t_exc(e)->message), "survivor"));
}

static void *other_thread(void *arg)
{
	rt_thread_attach(false);
	bool *ok = arg;
	*ok = rt_pending == NULL;
	rt_exc_throw_kind(RT_EXC_CAST);
	*ok &= rt_pending && rt_pending->type == &t_exc_types[RT_EXC_CAST];
	rt_exc_catch();
	return NULL;
}

static void test_per_thread(void)
{
	Object *e = new_invalid_op("main's");
	rt_exc_throw(e);
	pthread_t th;
	bool ok = false;
	pthread_create(&th, NULL, other_thread, &ok);
	pthread_join(th, NULL);
	CHECK(ok && rt_pending == e);
	rt_exc_catch();
}

static bool name_is(const RtType *t, const char *want)
{
	char *got = rt_exc_type_name(t);
	bool same = !strcmp(got, want);
	free(got);
	return same;
}

static void test_type_names(void)
{
	CHECK(name_is(&t_invalid_op, "System.InvalidOperationException"));
	CHECK(name_is(&(RtType){ .ns = "", .name = "Plain" }, "Plain"));
	CHECK(name_is(&(RtType){ .name = "Plain" }, "Plain"));
	CHECK(name_is(&(RtType){ .ns = "N", .name = "Outer+Inner" },
		      "N.Outer+Inner"));
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_throw_catch();
	test_trace();
	test_trace_bound();
	test_trace_through_finally();
	test_trace_lines();
	test_trace_mono_form();
	test_trace_filter();
	test_unshared();
	test_pending_survives_gc();
	test_per_thread();
	test_type_names();
	CHECK(!rt_pending);
	return t_done();
}
