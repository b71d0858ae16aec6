/* il2c_eh: throw, rethrow, leave, endfinally, endfilter, and the dispatch
 * code after the body (see il2c.c's contract for the scheme).
 *
 * Per clause i the function has: exc_i, the exception a handler of clause
 * i is working on (for rethrow, and for a finally or fault run by an
 * exception, to throw on afterwards); cont_i, for a finally, which leave
 * (or -1: an exception) entered it.
 */
#include "il2c.h"
#include "../meta/symbols.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The innermost clause whose handler (or filter) holds `off`. */
static int32_t handler_at(Fn *f, uint32_t off, bool filter)
{
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		if (filter ? (c->kind == EH_FILTER && e_in_range(off, c->filter_off, e_filter_len(c)))
			   : e_in_range(off, c->handler_off, c->handler_len))
			return (int32_t)i;
	}
	return -1;
}

/* An object that is not an Exception (IL may throw any) is thrown
 * wrapped in a RuntimeWrappedException, as Mono does. False if it is an
 * Exception for sure (no wrapping). */
static bool wrap_non_exception(Fn *f, const char *v)
{
	Type *exc = ty_corlib_type("System", "Exception");
	Type *t = e_top(f, 0)->t;
	if (t && t != ty_object && (t->kind == TY_VAR || ty_is_subclass(t, exc)))
		return false;
	Type *w = ty_corlib_type("System.Runtime.CompilerServices", "RuntimeWrappedException");
	Method *ctor = ty_find_method(w, ".ctor", 1);
	if (!ctor)
		e_fn_error(f, "throwing an object: RuntimeWrappedException has no constructor");
	reach_type(f->p, exc, TN_DESCRIPTOR, f->m);
	reach_type(f->p, w, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, "an object other than an Exception is thrown");
	const char *fail = e_fail(f);
	e_out(f, "if (%s && !rt_type_isinst(%s, &%s_type)) {", v, v, exc->cname);
	e_out(f, "Object *w_ = rt_gc_alloc(&%s_type); RT_PENDING(%s);", w->cname, fail);
	e_out(f, "%s(w_, %s); RT_PENDING(%s); %s = w_; }", ctor->cname, v, fail, v);
	return true;
}

/* `throw new E(...)`: the constructor of the exception, which nothing
 * else has seen yet (but a finalizer would see it later). */
static Method *thrown_new(Fn *f)
{
	Method *ctor = f->made_before;
	return ctor && !ty_info(ctor->owner)->finalizer ? ctor : NULL;
}

/* A new exception whose constructors keep it to themselves is referred to
 * only by the handlers it passes: the runtime need not save its trace for
 * one that reads only its fields (see dispatch). */
static void throw_(Fn *f)
{
	const char *v = e_sv(f, 0);
	Method *ctor = thrown_new(f);
	if (wrap_non_exception(f, v))
		ctor = NULL;
	if (ctor) {
		reach_state(ctor)->keeps_asked = true;
		e_out(f, "rt_exc_throw_new(%s, %s_KEEPS_THIS);", v, ctor->cname);
	} else {
		e_out(f, "rt_exc_throw(%s);", v);
	}
	e_pop(f, 1);
	e_out(f, "goto %s;", e_fail(f));
	f->reachable = false;
}

static void rethrow(Fn *f)
{
	int32_t c = handler_at(f, f->off, false);
	if (c < 0)
		e_invalid(f, "rethrow outside a catch handler");
	e_out(f, "rt_exc_rethrow(exc_%d);", c);
	e_out(f, "goto %s;", e_fail(f));
	f->reachable = false;
}

static bool linked(const EHClause *c)
{
	return c->kind == EH_CATCH || c->kind == EH_FILTER;
}

/* At a try block's start: link the records of its catch and filter
 * clauses, the outermost first (rt.h: RtEhRec). */
void e_eh_enter(Fn *f, uint32_t off)
{
	for (uint32_t i = f->body.neh; i-- > 0;) {
		const EHClause *c = &f->body.eh[i];
		if (c->try_off != off || !linked(c))
			continue;
		if (c->kind == EH_FILTER) {
			e_out(f, "rt_eh_link_filter(&eh_%u, %s_filter, F, %u);", i, f->m->cname, i);
		} else {
			Type *t = ty_from_token(f->img, c->class_token, &f->ctx);
			reach_type(f->p, t, TN_DESCRIPTOR, f->m);
			e_out(f, "rt_eh_link_catch(&eh_%u, &%s_type);", i, t->cname);
		}
	}
}

/* leave: run, innermost first, the finally blocks of the clauses whose try
 * holds the leave but not its target, unlinking the catch and filter
 * records of the try blocks left on the way. step[k] is the code before
 * the k-th finally, step[n] before the target. */
static void leave(Fn *f, uint32_t target)
{
	VEC(uint32_t) chain = {0};
	VEC(const char *) step = {0};
	Buf unlinks = {0};
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		if (!e_in_range(f->off, c->try_off, c->try_len) ||
		    e_in_range(target, c->try_off, c->try_len))
			continue;
		if (linked(c))
			buf_printf(&unlinks, "rt_eh_unlink(&eh_%u); ", i);
		if (c->kind == EH_FINALLY) {
			VEC_PUSH(chain, i);
			VEC_PUSH(step, arena_strdup(&f->a, unlinks.s ? unlinks.s : ""));
			buf_free(&unlinks);
			unlinks = (Buf){0};
		}
	}
	VEC_PUSH(step, arena_strdup(&f->a, unlinks.s ? unlinks.s : ""));
	buf_free(&unlinks);
	f->sp = 0;
	if (chain.n == 0) {
		if (*step.v[0])
			e_out(f, "%s", step.v[0]);
		e_jump(f, target);
	} else {
		for (uint32_t k = 0; k < chain.n; k++) {
			uint32_t c = chain.v[k], id = ++f->next_cont;
			const char *to = k + 1 < chain.n ?
				arena_printf(&f->a, "{ %scont_%u = %u; goto L_%04x; }", step.v[k + 1],
					     chain.v[k + 1], id + 1, f->body.eh[chain.v[k + 1]].handler_off) :
				arena_printf(&f->a, "{ %sgoto L_%04x; }", step.v[k + 1], target);
			buf_printf(&f->fin_cases[c], "\tcase %u: %s\n", id, to);
		}
		e_save_entry(f, target);
		e_out(f, "%scont_%u = %u; goto L_%04x;", step.v[0], chain.v[0],
		      f->next_cont - chain.n + 1, f->body.eh[chain.v[0]].handler_off);
	}
	free(chain.v);
	free(step.v);
	f->reachable = false;
}

static void endfinally(Fn *f)
{
	int32_t c = handler_at(f, f->off, false);
	if (c < 0)
		e_invalid(f, "endfinally outside a finally or fault handler");
	e_out(f, "goto ENDF%d;", c);
	f->sp = 0;
	f->reachable = false;
}

/* In the filter function (il2c_body.c): the filter's answer. */
static void endfilter(Fn *f)
{
	if (handler_at(f, f->off, true) < 0)
		e_invalid(f, "endfilter outside a filter");
	e_out(f, "return (%s) != 0;", e_sv(f, 0));
	e_pop(f, 1);
	f->reachable = false;
}

bool e_eh(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_THROW: throw_(f); return true;
	case OP_RETHROW: rethrow(f); return true;
	case OP_LEAVE: case OP_LEAVE_S: leave(f, in->target); return true;
	case OP_ENDFINALLY: endfinally(f); return true;
	case OP_ENDFILTER: endfilter(f); return true;
	default: return false;
	}
}

/* ---- after the body ---- */
/* The local that instruction `in` loads (what 'l'), stores ('s') or takes
 * the address of ('a'); -1 if it does not. */
static int32_t local_of(const Instr *in, char what)
{
	switch (in->op) {
	case OP_LDLOC_0: case OP_LDLOC_1: case OP_LDLOC_2: case OP_LDLOC_3:
		return what == 'l' ? (int32_t)(in->op - OP_LDLOC_0) : -1;
	case OP_LDLOC_S: case OP_LDLOC:
		return what == 'l' ? (int32_t)in->i : -1;
	case OP_STLOC_0: case OP_STLOC_1: case OP_STLOC_2: case OP_STLOC_3:
		return what == 's' ? (int32_t)(in->op - OP_STLOC_0) : -1;
	case OP_STLOC_S: case OP_STLOC:
		return what == 's' ? (int32_t)in->i : -1;
	case OP_LDLOCA_S: case OP_LDLOCA:
		return what == 'a' ? (int32_t)in->i : -1;
	default:
		return -1;
	}
}

/* Does the handler of clause i hold a rethrow (which lets its exception
 * out, trace and all)? */
static bool handler_rethrows(Fn *f, uint32_t i)
{
	const EHClause *c = &f->body.eh[i];
	for (uint32_t off = c->handler_off; off < c->handler_off + c->handler_len;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		if (in.op == OP_RETHROW)
			return true;
	}
	return false;
}

/* Does catch clause i's handler only read fields of the exception? It
 * does when it starts by popping it, or by storing it in a local whose
 * every load, anywhere in the method, is followed by ldfld, and whose
 * address is never taken, and it does not rethrow. (C#: `catch (E)`, or
 * `catch (E e)` using only e's fields.) */
static bool catch_reads_fields(Fn *f, uint32_t i)
{
	Instr in, next;
	if (handler_rethrows(f, i))
		return false;
	il_decode(f->img, &f->body, f->body.eh[i].handler_off, &in);
	if (in.op == OP_POP)
		return true;
	int32_t n = local_of(&in, 's');
	if (n < 0)
		return false;
	for (uint32_t off = 0; off < f->body.code_size;) {
		off = il_decode(f->img, &f->body, off, &in);
		if (local_of(&in, 'a') == n)
			return false;
		if (local_of(&in, 'l') != n)
			continue;
		if (off >= f->body.code_size)
			return false;
		il_decode(f->img, &f->body, off, &next);
		if (next.op != OP_LDFLD)
			return false;
	}
	return true;
}

/* A catch's test of its type t on the pending exception: none for Object,
 * inline for a class, through the runtime for anything else. */
static void catch_test(Fn *f, Type *t, const char *exc, const char *next)
{
	if (t == ty_object)
		return;
	if (t->kind == TY_CLASS && !ty_info(t)->is_interface)
		buf_printf(&f->out, "\tif (!rt_type_is_class(%s->type, &%s_type)) goto %s;\n",
			   exc, t->cname, next);
	else
		buf_printf(&f->out, "\tif (!rt_type_isinst(%s, &%s_type)) goto %s;\n",
			   exc, t->cname, next);
}

/* In an assembly without [RuntimeCompatibility(WrapNonExceptionThrows =
 * true)] (IL written by hand; C# compilers always add it), a catch clause
 * sees the object thrown, not the RuntimeWrappedException around one that
 * is not an Exception (as in Mono: generic-array-exc.2). Returns the C
 * variable holding what clause i sees, declared and set here, or NULL
 * when it sees the exception itself. */
static const char *unwrapped(Fn *f, uint32_t i)
{
	if (ty_has_attribute(f->img, TOKEN(T_Assembly, 1),
			     "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"))
		return NULL;
	Type *w = ty_corlib_type("System.Runtime.CompilerServices", "RuntimeWrappedException");
	TypeInfo *ti = ty_info(w);
	Field *fd = NULL;
	for (uint32_t k = 0; k < ti->nfields && !fd; k++)
		if (!ty_is_valuetype(ti->fields[k]->type))
			fd = ti->fields[k];
	if (!fd)
		e_fn_error(f, "RuntimeWrappedException has no field for the object it wraps");
	reach_type(f->p, w, TN_DESCRIPTOR | TN_LAYOUT, f->m);
	const char *u = arena_printf(&f->a, "u_%u", i);
	buf_printf(&f->out, "\tObject *%s = rt_pending;\n\tif (rt_type_is_class(%s->type, &%s_type))"
		   " %s = ((%s *)%s)->%s;\n", u, u, w->cname, u, emit_struct(w), u, fd->cname);
	return u;
}

static void site_frames(Fn *f, const char *tn);

/* The method's frame in the stack trace of what passes through it: its
 * type's and its own name as two strings, which the linker merges with
 * the same strings of other methods (one "Type::Method" string each was
 * 125 KB of Hello World). The size preset leaves them out: traces then
 * have no frames. With debug information, one frame per place that
 * raises (Fn.sites), with its C# file and line, and at_ says which. */
static void trace(Fn *f)
{
	if (f->p->no_trace_names || f->no_frame || emit_stack_hidden(f->m))
		return;
	if (!f->frame_declared) {
		const char *sep = strstr(f->name, "::");
		int n = sep ? (int)(sep - f->name) : 0;
		char *tn = arena_printf(&f->a, "\"%.*s\", \"%s\"", n, f->name,
					      sep ? sep + 2 : f->name);
		if (!f->lines) {
			buf_printf(&f->decl, "\tstatic const RtFrameName FRAME_ = { %s };\n", tn);
		} else {
			/* Mono's form names a nested type Outer+Inner */
			for (char *c = strchr(tn, '/'); c; c = strchr(c, '/'))
				*c = '+';
			site_frames(f, tn);
		}
		f->frame_declared = true;
	}
	buf_puts(&f->out, f->lines ? "\trt_exc_trace_site(&FRAME_[at_]);\n" : "\trt_exc_trace(&FRAME_);\n");
}

/* ---- C# file and line, or IL offset, in stack traces ---- */
/* Frames per place for a method with debug information, and for the
 * program's own methods (Mono's traces give the IL offset there). */
bool e_trace_lines(Fn *f)
{
	SrcLine l;
	return !f->filter_mode && !f->p->no_trace_names &&
	       (f->m->img == f->p->img || sym_line(f->m->img, f->m->row, UINT32_MAX, &l));
}

const char *e_fail_site(Fn *f, uint32_t off, const char *target)
{
	for (uint32_t i = 0; i < f->nsites; i++)
		if (f->sites[i].off == off && !strcmp(f->sites[i].target, target))
			return arena_printf(&f->a, "S%u", i);
	if (f->nsites == f->sites_cap) {
		uint32_t cap = f->sites_cap ? 2 * f->sites_cap : 16;
		struct FnSite *v = arena_alloc(&f->a, cap * sizeof *v);
		if (f->nsites)
			memcpy(v, f->sites, f->nsites * sizeof *v);
		f->sites = v;
		f->sites_cap = cap;
	}
	f->sites[f->nsites] = (struct FnSite){ off, off == f->off ? f->seq_off : off, 0, target };
	return arena_printf(&f->a, "S%u", f->nsites++);
}

/* A C string literal of s (a path). */
static const char *c_string(Fn *f, const char *s)
{
	Buf b = {0};
	emit_c_string(&b, s);
	const char *r = arena_strdup(&f->a, b.s);
	buf_free(&b);
	return r;
}

/* "System.Int32 x, System.String s", as Mono's traces list parameters */
static const char *param_list(Fn *f)
{
	Buf b = {0};
	Method *m = f->m;
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(&b, "%s%s %s", i ? ", " : "", m->params[i]->name, ty_param_name(m, i + 1));
	const char *r = c_string(f, b.s ? b.s : "");
	buf_free(&b);
	return r;
}

/* Without debug information, the sites' entries: one per IL offset
 * shown (offset 0 is FRAME_[0]'s). */
static void seq_frames(Fn *f)
{
	uint32_t n = 1;
	for (uint32_t i = 0; i < f->nsites; i++) {
		struct FnSite *s = &f->sites[i];
		s->slot = s->seq ? n : 0;
		for (uint32_t j = 0; j < i && s->slot == n; j++)
			if (f->sites[j].seq == s->seq)
				s->slot = f->sites[j].slot;
		if (s->slot == n) {
			buf_printf(&f->decl, "\t\t{ &FRAMEM_, NULL, 0, 0x%x },\n", s->seq);
			n++;
		}
	}
}

/* FRAME_[0]: the method (no place known); FRAME_[i + 1]: site i: its
 * file and line (a place without a line in a method with them: the
 * method); without debug information (the program's own methods), Mono's
 * frame and the IL offset of its sequence point, per offset. */
static void site_frames(Fn *f, const char *tn)
{
	const char *params = param_list(f);
	SrcLine l;
	bool own = !sym_line(f->m->img, f->m->row, UINT32_MAX, &l);
	buf_printf(&f->decl, "\tstatic const RtFrameMethod FRAMEM_ = { { %s }, %s, %s, %s };\n"
		   "\tstatic const RtFrameSite FRAME_[] = {\n", tn, params,
		   own ? c_string(f, emit_stack_frame(f->m)) : "NULL",
		   own ? c_string(f, emit_stack_mvid(f->m)) : "NULL");
	buf_puts(&f->decl, "\t\t{ &FRAMEM_, NULL, 0, 0 },\n");
	if (own)
		seq_frames(f);
	for (uint32_t i = 0; i < f->nsites && !own; i++) {
		f->sites[i].slot = i + 1;
		if (sym_line(f->m->img, f->m->row, f->sites[i].off, &l))
			buf_printf(&f->decl, "\t\t{ &FRAMEM_, %s, %u, 0x%x },\n", c_string(f, l.file),
				   l.line, f->sites[i].off);
		else
			buf_puts(&f->decl, "\t\t{ &FRAMEM_, NULL, 0, 0 },\n");
	}
	buf_puts(&f->decl, "\t};\n\tuint32_t at_ = 0;\n");
	f->sites_declared = f->nsites;
}

/* The labels of the sites: record the place, go where the exception goes. */
static void site_labels(Fn *f)
{
	if (f->nsites != f->sites_declared)     /* FRAME_[] was written before them */
		e_fn_error(f, "internal error: a place that raises after the trace table");
	for (uint32_t i = 0; i < f->nsites; i++)
		buf_printf(&f->out, "S%u:\n\tat_ = %u;\n\tgoto %s;\n", i, f->sites[i].slot, f->sites[i].target);
}

static void dispatch(Fn *f, uint32_t i)
{
	const EHClause *c = &f->body.eh[i];
	const char *next = e_next_dispatch(f, i);
	buf_printf(&f->out, "D%u:\n", i);
	switch (c->kind) {
	case EH_CATCH: {
		Type *t = ty_from_token(f->img, c->class_token, &f->ctx);
		reach_type(f->p, t, TN_DESCRIPTOR, f->m);
		buf_printf(&f->out, "\trt_eh_unlink(&eh_%u);\n", i);
		const char *u = unwrapped(f, i);
		catch_test(f, t, u ? u : "rt_pending", next);
		trace(f);
		buf_printf(&f->out, "\texc_%u = s0_o = rt_exc_catch%s();\n", i,
			   catch_reads_fields(f, i) ? "_local" : "");
		if (u)
			buf_printf(&f->out, "\ts0_o = %s;\n", u);     /* rethrow: exc_ */
		buf_printf(&f->out, "\tgoto L_%04x;\n", c->handler_off);
		break;
	}
	case EH_FILTER:
		buf_printf(&f->out, "\trt_eh_unlink(&eh_%u);\n"
			   "\tif (eh_%u.accepted != rt_pending) goto %s;\n", i, i, next);
		trace(f);
		buf_printf(&f->out, "\texc_%u = s0_o = rt_exc_catch();\n\tgoto L_%04x;\n", i,
			   c->handler_off);
		break;
	case EH_FINALLY:
		buf_printf(&f->out, "\texc_%u = rt_exc_take();\n\tcont_%u = -1;\n\tgoto L_%04x;\n",
			   i, i, c->handler_off);
		break;
	case EH_FAULT:
		buf_printf(&f->out, "\texc_%u = rt_exc_take();\n\tgoto L_%04x;\n", i, c->handler_off);
		break;
	}
	if (c->kind == EH_FINALLY || c->kind == EH_FAULT) {
		buf_printf(&f->out, "ENDF%u:\n", i);
		if (c->kind == EH_FINALLY)
			buf_printf(&f->out, "\tswitch (cont_%u) {\n%s\tdefault: break;\n\t}\n", i,
				   f->fin_cases[i].s ? f->fin_cases[i].s : "");
		buf_printf(&f->out, "\trt_exc_resume(exc_%u);\n\tgoto %s;\n", i, next);
	}
}

/* What an exception raised in filter clause i's block comes to: the
 * filter declines. */
static void filter_failed(Fn *f, uint32_t i)
{
	buf_printf(&f->out, "FF%u:\n\t(void)rt_exc_catch();\n\treturn 0;\n", i);
}

void e_eh_epilogue(Fn *f)
{
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		if (e_in_filter(f, c->try_off) != f->filter_mode)
			continue;
		buf_printf(&f->decl, "\tObject *exc_%u = NULL;\n", i);
		if (c->kind == EH_FINALLY)
			buf_printf(&f->decl, "\tint cont_%u = -1;\n", i);
		if (linked(c))
			buf_printf(&f->decl, "\tRtEhRec eh_%u;\n\teh_%u.linked = false;\n", i, i);
		dispatch(f, i);
	}
	Slot o = { SK_O, ty_object, NULL };
	if (f->body.neh)
		e_var_at(f, 0, &o);
	if (f->filter_mode) {
		for (uint32_t i = 0; i < f->body.neh; i++)
			if (f->body.eh[i].kind == EH_FILTER)
				filter_failed(f, i);
		return;
	}
	buf_puts(&f->out, "UNWIND:\n");
	trace(f);
	Type *rt = f->m->ret;
	if (rt->kind == TY_VOID)
		buf_puts(&f->out, "\treturn;\n");
	else if (emit_kind(rt) == SK_VT)
		buf_printf(&f->out, "\t{ %s z_; memset(&z_, 0, sizeof z_); return z_; }\n",
			   emit_ctype(rt));
	else
		buf_printf(&f->out, "\treturn (%s)0;\n", emit_ctype(rt));
	if (f->lines)
		site_labels(f);
}
