/* il2c_async: delegates' BeginInvoke and EndInvoke (`runtime managed`).
 *
 * Requires: the delegate type's Invoke (il2c_special.c) and the class
 * library's AsyncResult, ThreadPool.UnsafeQueueCustomWorkItem and the
 * pool's workers (runtime/pool.c).
 * Produces, as Mono's runtime does, with Mono's own AsyncResult:
 * - BeginInvoke copies the arguments (the values behind ref and out ones)
 *   into a call record (rt.h RtAsyncCall, extended per delegate type by a
 *   struct written the same way in each function that reads it), makes an
 *   AsyncResult holding the delegate, the callback, the state and the
 *   record (object_data), and queues it to the thread pool as a work item;
 * - the work item's AsyncResult.Invoke (substituted: subst.c) runs the
 *   record's `run`, a function written beside BeginInvoke that calls
 *   Invoke and keeps its result or exception in the record; then
 *   AsyncResult.SyncProcessMessage marks it completed, signals its wait
 *   handle and calls the callback;
 * - EndInvoke checks the IAsyncResult, waits (AsyncResult.EndInvoke),
 *   rethrows the call's exception or copies back the ref and out values
 *   and returns the result.
 * The record is a raw collector block (a conservatively scanned one), held
 * only through the AsyncResult's object_data, which nothing else reads.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <string.h>

static Type *async_result(void)
{
	return ty_corlib_type("System.Runtime.Remoting.Messaging", "AsyncResult");
}

static Method *delegate_invoke(Fn *f)
{
	Method *inv = ty_find_method(f->m->owner, "Invoke", -1);
	if (!inv)
		e_fn_error(f, "delegate type %s has no Invoke", f->m->owner->name);
	return inv;
}

/* What the record holds for a parameter: the value behind a byref. */
static Type *held(Fn *f, Type *t)
{
	if (t->kind == TY_BYREF)
		t = t->elem;
	reach_type(f->p, t, TN_LAYOUT, f->m);
	return t;
}

/* `struct AC {...} *c = (void *)(from);`: the record of one call of inv. */
static void call_record(Fn *f, Buf *b, Method *inv, const char *from)
{
	buf_puts(b, "\tstruct AC { RtAsyncCall h; Object *d;");
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(b, " %s p%u;", emit_ctype(held(f, inv->params[i])), i);
	if (inv->ret->kind != TY_VOID)
		buf_printf(b, " %s r;", emit_ctype(inv->ret));
	buf_printf(b, " } *c = (void *)(%s);\n", from);
}

/* Raise exception RT_EXC_<kind> with Mono's message and leave by `ret`. */
#define REFUSE(f, kind, msg, ret) refuse(f, RT_EXC_##kind, "RT_EXC_" #kind, msg, ret)
static void refuse(Fn *f, int kind, const char *kind_c, const char *msg, const char *ret)
{
	emit_need_exception(f->p, kind);
	e_out(f, "\trt_exc_throw_msg(%s, \"%s\");", kind_c, msg);
	e_out(f, "\t%s", ret);
}

/* The record's `run`: Invoke's call, behind a catch-all for the first pass
 * (as a static constructor's), keeping what it returned or threw. */
static void run_function(Fn *f, Method *inv, const char *name)
{
	Buf *b = &reach_state(f->m)->code;
	reach_method(f->p, inv, f->m, "called by BeginInvoke");
	buf_printf(b, "static void %s(RtAsyncCall *h)\n{\n", name);
	call_record(f, b, inv, "h");
	buf_puts(b, "\tRtEhRec all_ = {0};\n\tif (rt_eh_top) rt_eh_link(&all_);\n\t");
	if (inv->ret->kind != TY_VOID)
		buf_puts(b, "c->r = ");
	buf_printf(b, "%s(c->d", inv->cname);
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(b, inv->params[i]->kind == TY_BYREF ? ", (char *)&c->p%u" : ", c->p%u", i);
	buf_puts(b, ");\n\trt_eh_unlink(&all_);\n\th->exc = rt_exc_catch();\n}\n\n");
}

/* ThreadPool.UnsafeQueueCustomWorkItem(ar, false), as Mono's runtime
 * queues its AsyncResults. */
static void queue_work_item(Fn *f)
{
	Type *tp = ty_corlib_type("System.Threading", "ThreadPool");
	Method *q = ty_find_method(tp, "UnsafeQueueCustomWorkItem", 2);
	if (!q)
		e_fn_error(f, "the class library's ThreadPool has no UnsafeQueueCustomWorkItem");
	reach_method(f->p, q, f->m, "queues BeginInvoke's call");
	if (ty_info(tp)->cctor) {
		reach_type(f->p, tp, TN_STATICS | TN_DESCRIPTOR, f->m);
		e_out(f, "if (!rt_init_check(&%s_init)) return NULL;", tp->cname);
	}
	e_out(f, "%s(ar, 0);", q->cname);
}

/* BeginInvoke(args..., AsyncCallback callback, object state). */
void e_begin_invoke_body(Fn *f)
{
	Method *inv = delegate_invoke(f);
	Type *art = async_result();
	const char *run = arena_printf(&f->a, "%s_run", f->m->cname);
	uint32_t n = inv->nparams;
	run_function(f, inv, run);
	e_out(f, "if (%s) {", e_field_lv(f, ty_mcdelegate, "a0", "delegates"));
	REFUSE(f, ARG, "The delegate must have only one target", "return NULL;");
	e_out(f, "}");
	call_record(f, &f->out, inv, "rt_gc_alloc_raw(sizeof(struct AC), false)");
	e_out(f, "if (!c) return NULL;");
	e_out(f, "c->h.run = %s;", run);
	e_out(f, "c->d = a0;");
	for (uint32_t i = 0; i < n; i++)
		if (inv->params[i]->kind == TY_BYREF)
			e_out(f, "c->p%u = *(%s *)a%u;", i, emit_ctype(held(f, inv->params[i])), i + 1);
		else
			e_out(f, "c->p%u = a%u;", i, i + 1);
	e_construct(f, art, "ar", "made by BeginInvoke");
	e_out(f, "%s = a0;", e_field_lv(f, art, "ar", "async_delegate"));
	e_out(f, "%s = a%u;", e_field_lv(f, art, "ar", "async_callback"), n + 1);
	e_out(f, "%s = a%u;", e_field_lv(f, art, "ar", "async_state"), n + 2);
	e_out(f, "%s = (Object *)c;", e_field_lv(f, art, "ar", "object_data"));
	queue_work_item(f);
	e_out(f, "return ar;");
}

/* The checks Mono's runtime makes of EndInvoke's IAsyncResult `ar`. */
static void end_checks(Fn *f, Type *art, const char *ret)
{
	e_out(f, "if (!ar) {");
	REFUSE(f, REMOTING, "The async result object is null or of an unexpected type.",
	       ret);
	e_out(f, "}");
	e_out(f, "if (%s != a0) {", e_field_lv(f, art, "ar", "async_delegate"));
	REFUSE(f, INVALIDOP, "The IAsyncResult object provided does not match this delegate.",
	       ret);
	e_out(f, "}");
	e_out(f, "if (__atomic_exchange_n(&%s, 1, __ATOMIC_ACQ_REL)) {",
	      e_field_lv(f, art, "ar", "endinvoke_called"));
	REFUSE(f, INVALIDOP, "Delegate EndInvoke method called more than once", ret);
	e_out(f, "}");
}

/* AsyncResult.EndInvoke(): waits for the call to complete. */
static void wait_for(Fn *f, Type *art, const char *ret)
{
	Method *end = ty_find_method(art, "EndInvoke", 0);
	if (!end)
		e_fn_error(f, "the class library's AsyncResult has no EndInvoke()");
	reach_method(f->p, end, f->m, "EndInvoke waits");
	e_out(f, "%s(ar);", end->cname);
	e_out(f, "if (rt_pending) %s", ret);
}

/* EndInvoke(ref and out args..., IAsyncResult result). */
void e_end_invoke_body(Fn *f)
{
	Method *inv = delegate_invoke(f);
	Type *art = async_result();
	bool is_void = inv->ret->kind == TY_VOID;
	const char *ret = is_void ? "return;" : "return z_;";
	reach_type(f->p, art, TN_DESCRIPTOR, f->m);
	if (!is_void)
		e_out(f, "%s z_; memset(&z_, 0, sizeof z_);", emit_ctype(inv->ret));
	e_out(f, "Object *ar = rt_type_isinst(a%u, &%s_type);", f->nargs - 1, art->cname);
	end_checks(f, art, ret);
	wait_for(f, art, ret);
	call_record(f, &f->out, inv, e_field_lv(f, art, "ar", "object_data"));
	e_out(f, "if (c->h.exc) {");
	e_out(f, "\trt_exc_rethrow(c->h.exc);");
	e_out(f, "\t%s", ret);
	e_out(f, "}");
	for (uint32_t i = 0, k = 1; i < inv->nparams; i++)
		if (inv->params[i]->kind == TY_BYREF)
			e_out(f, "*(%s *)a%u = c->p%u;", emit_ctype(held(f, inv->params[i])), k++, i);
	if (!is_void)
		e_out(f, "return c->r;");
}

/* AsyncResult.Invoke(), run by the pool: the call, then completion. */
void e_async_result_invoke(Fn *f)
{
	Type *art = async_result();
	Method *done = ty_find_method(art, "SyncProcessMessage", 1);
	if (!done)
		e_fn_error(f, "the class library's AsyncResult has no SyncProcessMessage");
	reach_method(f->p, done, f->m, "completes an asynchronous delegate call");
	e_out(f, "RtAsyncCall *c = (RtAsyncCall *)%s;", e_field_lv(f, art, "a0", "object_data"));
	e_out(f, "if (c) c->run(c);");
	e_out(f, "%s(a0, NULL);", done->cname);
	e_out(f, "return NULL;");
}
