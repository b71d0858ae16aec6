/* il2c_calls: call, callvirt, newobj, calli, jmp, ldftn, ldvirtftn, and
 * the bodies ilcc writes itself: internal calls (a call into the runtime),
 * P/Invoke (a call of the C function) and delegates' Invoke.
 *
 * A virtual call goes through the receiver's vtable slot, an interface
 * call through the receiver's interface table (rt_type_iface_slots), a
 * generic virtual method through a dispatcher written once the set of
 * constructed types is known (cgen.c). Calls to methods that are not
 * virtual, or final, or of sealed or value types, are direct.
 *
 * A vararg call (C#'s __arglist) passes its extra arguments as one more,
 * hidden, argument after the declared ones (rt.h RtVarArg): the type
 * system gives vararg methods that last parameter, so that once the extra
 * arguments on the stack are replaced by it, a vararg call is emitted as
 * any other.
 */
#include "il2c.h"

#include <string.h>


/* ---- static constructor triggers ---- */
/* Code that runs Type t's static constructor if it has not run. */
void e_init_check(Fn *f, Type *t)
{
	if (!t->img || !ty_info(t)->cctor || f->m == ty_info(t)->cctor)
		return;
	reach_type(f->p, t, TN_STATICS | TN_DESCRIPTOR, f->m);
	e_out(f, "if (RT_UNLIKELY(!rt_init_check(&%s_init))) goto %s;", t->cname, e_fail(f));
}

/* Types without beforefieldinit run their static constructor before any
 * static method or constructor; the type's own code has triggered it
 * already. */
static void precise_init(Fn *f, Type *t)
{
	if (t->img && t != f->m->owner && !(ty_info(t)->flags & TF_BEFOREFIELDINIT))
		e_init_check(f, t);
}

/* ---- argument lists ---- */
/* "(a, b, c)" from the top n stack slots, typed by m's parameters; the
 * receiver, if any, is `self`. */
static void arg_list(Fn *f, Buf *b, Method *m, const char *self)
{
	buf_putc(b, '(');
	if (m->has_this)
		buf_puts(b, self);
	for (uint32_t i = 0; i < m->nparams; i++) {
		if (i || m->has_this)
			buf_puts(b, ", ");
		e_check_assign(f, m->nparams - 1 - i, m->params[i], "argument");
		buf_puts(b, e_as_type(f, m->nparams - 1 - i, m->params[i]));
	}
	buf_putc(b, ')');
}

/* What a direct call knows of its receiver: nothing (or there is none),
 * not null (tested by callvirt, made by newobj), or this method's own
 * `this` (Slot.is_this), null only if this method's caller passed null. */
typedef enum Recv { RECV_ANY, RECV_NONNULL, RECV_THIS } Recv;

/* After a direct call: the pending test, compiled only if the callee may
 * throw (prog.h says, once the whole program is known: reach_no_throw).
 * M_THROWS is bit 0: it may throw with a non-null `this`, bit 1: a null
 * `this` makes it throw; a receiver known not null asks bit 0 only. */
static void check_after_call(Fn *f, Method *m, Recv recv)
{
	MethodState *ms = reach_state(m), *me = reach_state(f->m);
	if (ms->kind != BK_IL) {
		e_check_pending(f);
		return;
	}
	if (recv == RECV_NONNULL)
		VEC_PUSH(me->callees_nonnull, m);
	else if (recv == RECV_THIS)
		VEC_PUSH(me->callees_this, m);
	else
		VEC_PUSH(me->callees, m);
	e_out(f, recv == RECV_NONNULL ? "if (%s_THROWS & 1) RT_PENDING(%s);" :
	      "if (%s_THROWS) RT_PENDING(%s);", m->cname, e_fail_at(f, f->off));
}

/* After a virtual call of m: the pending test, compiled only if one of
 * the implementations the call may run can throw (prog.h's M_VTHROWS,
 * from the constructed types). Not in the class library's core units,
 * whose C must not depend on the program (cgen.c's unit kinds). */
static void check_after_vcall(Fn *f, Method *m)
{
	MethodState *me = reach_state(f->m);
	if (m->ninst || f->p->in_core) {
		e_check_pending(f);
		return;
	}
	Method *root = reach_slot_root(m);
	VEC_PUSH(me->vcallees, root);
	e_out(f, "if (%s_VTHROWS) RT_PENDING(%s);", root->cname, e_fail_at(f, f->off));
}

/* Whether a backward branch goes around offset off. */
static bool in_loop(const Fn *f, uint32_t off)
{
	for (uint32_t i = 0; i < f->nbranches; i++)
		if (f->branches[i].to <= off && off <= f->branches[i].from)
			return true;
	return false;
}

/* A call of m (a slot root when virtual) by one of the program's own
 * methods inside a loop: cgen.c's hot methods start there. */
static void note_loop_call(Fn *f, Method *m)
{
	if (f->p->in_core || !f->m->img || f->m->img != f->p->img || !in_loop(f, f->off))
		return;
	VEC_PUSH(reach_state(f->m)->loop_callees, m);
}

/* Pops the arguments (and receiver), pushes the result of `call`. */
static void finish_call(Fn *f, Method *m, const char *call, bool direct, Recv recv)
{
	if (direct || !m->ninst)
		note_loop_call(f, direct ? m : reach_slot_root(m));
	e_pop(f, m->nparams + m->has_this);
	if (m->ret->kind == TY_VOID)
		e_out(f, "%s;", call);
	else
		e_out(f, "%s = %s;", e_push_type(f, m->ret), call);
	if (direct)
		check_after_call(f, m, recv);
	else
		check_after_vcall(f, m);
}

/* ---- the kinds of call ---- */
static bool needs_dispatch(Method *m)
{
	return !ty_is_valuetype(m->owner) && m->owner->img && reach_dispatched(m);
}

/* The function a virtual call of m on `self` runs: prog.h says how to
 * find it (cgen.c's vcall_targets), once the constructed types are known;
 * the core's code asks M_FNC, which depends on the core's types only. */
static const char *dispatch(Fn *f, Method *m, const char *self)
{
	reach_vcall(f->p, m, f->m);
	if (m->ninst)
		return arena_printf(&f->a, "GVM_%s", m->cname);
	if (ty_info(m->owner)->is_interface)
		reach_type(f->p, m->owner, TN_DESCRIPTOR, f->m);
	return arena_printf(&f->a, "%s_%s(%s)", reach_slot_root(m)->cname,
			    f->p->in_core ? "FNC" : "FN", self);
}

/* tail. calls:
 * A `tail.` call must not grow the stack (ECMA-335 §III.2.4). Its
 * arguments go to variables declared outside the block that holds the
 * method's own variables, then a goto leaves the block and the call is
 * `return f(...)` after it (il2c_body.c's assemble). With the block's
 * variables ended there, gcc makes the call a jump even when the address
 * of a local was taken, and no pending-exception test follows it; the
 * function is compiled optimised whatever -O says (RT_TAILCALLS), since
 * gcc makes the jump only then. The function's parameters are p0, p1,
 * ... and the body works on copies a0, a1, ... in the block (il2c_body.c's
 * param_copies), so the address of an argument passed on (ldarga, as
 * Mono's tailcall tests do) ends with the block too. A call that gcc
 * cannot make a jump (a struct returned in memory, more arguments on the
 * stack than the caller received) goes through the trampoline below.
 * A call passing a managed pointer (a byref argument, a value type's
 * `this`) stays in the block, where that pointer's target lives: gcc
 * makes it a jump only if it can prove the frame is not needed. */
static bool tail_applies(Fn *f, Method *m)
{
	if (!f->is_tail)
		return false;
	return !strcmp(emit_ctype(m->ret), emit_ctype(f->m->ret)) ||
		(ty_is_ref(m->ret) && ty_is_ref(f->m->ret));
}

/* "(RtString *)" where the callee's C type of result is not the caller's
 * (two reference types), else nothing */
static const char *ret_cast(Fn *f, Method *m)
{
	const char *want = emit_ctype(f->m->ret);
	if (!strcmp(emit_ctype(m->ret), want))
		return "";
	return arena_printf(&f->a, "(%s)", want);
}

static bool passes_byref(Method *m)
{
	bool p = m->has_this && ty_is_valuetype(m->owner);
	for (uint32_t i = 0; i < m->nparams; i++)
		p |= m->params[i]->kind == TY_BYREF;
	return p;
}

/* In the block: `return f(...)` (see above). */
static void tail_in_block(Fn *f, Method *m, const char *call)
{
	e_pop(f, m->nparams + m->has_this);
	if (m->ret->kind == TY_VOID)
		e_out(f, "%s; return;", call);
	else
		e_out(f, "return %s%s;", ret_cast(f, m), call);
	f->reachable = false;
	f->is_tail = false;
	f->has_tail_calls = true;
}

static const char *tail_var(Fn *f, uint32_t n, uint32_t i, const char *ct, const char *v)
{
	buf_printf(&f->tail_vars, "	%s tc%u_%u;\n", ct, n, i);
	e_out(f, "tc%u_%u = %s;", n, i, v);
	return arena_printf(&f->a, "tc%u_%u", n, i);
}

/* ---- the trampoline (rt.h: rt_tail_) ---- */
/* Words of arguments on the stack, after the registers (SysV x86-64: six
 * for integers, eight for floats); -1 if a struct is passed, whose size
 * is the C compiler's to know. */
static int stack_words(Method *m)
{
	int ints = m->has_this, sse = 0;
	for (uint32_t i = 0; i < m->nparams; i++) {
		StackKind k = emit_kind(m->params[i]);
		if (k == SK_VT)
			return -1;
		if (k == SK_F4 || k == SK_F8)
			sse++;
		else
			ints++;
	}
	return (ints > 6 ? ints - 6 : 0) + (sse > 8 ? sse - 8 : 0);
}

/* When (a C expression) a tail call of m from f is no jump in gcc's code:
 * it needs more stack for its arguments than f received, or returns a
 * struct in memory (over 16 bytes); NULL if never. */
static const char *tramp_cond(Fn *f, Method *m)
{
	Method *c = f->m;
	if (f->filter_mode || ((c->impl_flags & MI_SYNCHRONIZED) && !ty_is_valuetype(c->owner)))
		return NULL;
	int cw = stack_words(m), fw = stack_words(c);
	if (cw < 0 || (cw > 0 && (fw < 0 || cw > fw)))
		return "1";
	if (emit_kind(m->ret) == SK_VT)
		return arena_printf(&f->a, "sizeof(%s) > 16", emit_ctype(m->ret));
	return NULL;
}

/* C type of m's argument i, `this` first */
static const char *arg_ctype(Method *m, uint32_t i)
{
	if (m->has_this)
		return i == 0 ? emit_this_ctype(m->owner) : emit_ctype(m->params[i - 1]);
	return emit_ctype(m->params[i]);
}

void e_tail_thunk(Buf *b, const char *name, Method *callee, Method *caller)
{
	uint32_t n = callee->nparams + callee->has_this;
	buf_printf(b, "struct %s {", name);
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, " %s a%u;", arg_ctype(callee, i), i);
	buf_printf(b, " void *fn; };\nstatic %s %s(void)\n{\n", emit_ctype(caller->ret), name);
	buf_printf(b, "\tstruct %s c_ = *(struct %s *)rt_tail_buf();\n"
		   "\trt_tail_expect = c_.fn;\n\t", name, name);
	const char *want = emit_ctype(caller->ret), *have = emit_ctype(callee->ret);
	if (caller->ret->kind != TY_VOID)
		buf_printf(b, strcmp(want, have) ? "return (%s)" : "return ", want);
	buf_printf(b, "((%s (*)(", have);
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", arg_ctype(callee, i));
	buf_printf(b, "%s))c_.fn)(", n ? "" : "void");
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "%sc_.a%u", i ? ", " : "", i);
	buf_puts(b, ");\n}\n\n");
}

/* The call at label tcN: a jump where gcc makes one, else a request to
 * the loop of the wrapper below (il2c_body.c's tramp_wrapper). */
static void tramp_site(Fn *f, Method *m, uint32_t n, const char *fn, const char *args,
		       const char *cond)
{
	const char *name = arena_printf(&f->a, "%s_tc%u", f->m->cname, n);
	e_tail_thunk(&f->tramp, name, m, f->m);
	const char *when = arena_printf(&f->a, "(%s) && sizeof(struct %s) <= RT_TAIL_BYTES",
					cond, name);
	buf_printf(&f->tramp_cond, " || (%s)", when);
	Buf *t = &f->tail;
	buf_printf(t, "tc%u:\n\tif (!(%s)) {\n\t\tif (tv_) rt_tail_expect = (void *)(%s);\n\t\t",
		   n, when, fn);
	if (m->ret->kind == TY_VOID)
		buf_printf(t, "%s(%s);\n\t\treturn;\n\t}\n", fn, args);
	else
		buf_printf(t, "return %s%s(%s);\n\t}\n", ret_cast(f, m), fn, args);
	buf_printf(t, "\t{\n\t\tstruct %s *r_ = rt_tail_buf();\n", name);
	for (uint32_t i = 0; i < m->nparams + m->has_this; i++)
		buf_printf(t, "\t\tr_->a%u = tc%u_%u;\n", i, n, i);
	buf_printf(t, "\t\tr_->fn = (void *)(%s);\n\t\trt_tail_fn = (void *)&%s;\n\t}\n", fn, name);
	Type *rt = f->m->ret;
	if (rt->kind == TY_VOID)
		buf_puts(t, "\treturn;\n");
	else if (emit_kind(rt) == SK_VT)
		buf_printf(t, "\t{ %s z_; memset(&z_, 0, sizeof z_); return z_; }\n", emit_ctype(rt));
	else
		buf_printf(t, "\treturn (%s)0;\n", emit_ctype(rt));
}

static void tail_call(Fn *f, Method *m, bool direct, const char *self)
{
	uint32_t n = f->ntail++, k = 0;
	Buf args = {0};
	if (m->has_this) {
		self = tail_var(f, n, k++, emit_this_ctype(m->owner), self);
		buf_puts(&args, self);
	}
	for (uint32_t i = 0; i < m->nparams; i++, k++)
		buf_printf(&args, "%s%s", k ? ", " : "", tail_var(f, n, k, emit_ctype(m->params[i]),
			   e_as_type(f, m->nparams - 1 - i, m->params[i])));
	const char *fn = direct ? m->cname : dispatch(f, m, self);
	e_pop(f, m->nparams + m->has_this);
	e_out(f, "goto tc%u;", n);
	const char *cond = tramp_cond(f, m);
	if (cond)
		tramp_site(f, m, n, fn, args.s ? args.s : "", cond);
	else if (m->ret->kind == TY_VOID)
		buf_printf(&f->tail, "tc%u:\n\tif (tv_) rt_tail_expect = (void *)(%s);\n"
			   "\t%s(%s);\n\treturn;\n", n, fn, fn, args.s ? args.s : "");
	else
		buf_printf(&f->tail, "tc%u:\n\tif (tv_) rt_tail_expect = (void *)(%s);\n"
			   "\treturn %s%s(%s);\n", n, fn, ret_cast(f, m), fn,
			   args.s ? args.s : "");
	buf_free(&args);
	f->reachable = false;
	f->is_tail = false;
	f->has_tail_calls = true;
}

/* The class a receiver is known to have at build time: what il2c's
 * dataflow says (Slot.exact: a newobj's result, EqualityComparer<T>.
 * Default), or its static type when that is a sealed class (no subclass
 * can stand there); else NULL. */
static Type *receiver_class(const Slot *s)
{
	if (s->exact)
		return s->exact;
	Type *t = s->t;
	if (s->k != SK_O || !t || !t->img || t->kind == TY_ARRAY || t->kind == TY_SZARRAY ||
	    ty_is_open(t))
		return NULL;
	TypeInfo *ti = ty_info(t);
	return (ti->flags & TF_SEALED) && !ti->is_interface ? t : NULL;
}

/* A virtual call on a receiver whose class is known calls that class's
 * implementation directly, which gcc may then inline: a sealed class's
 * interface method, a call on the object just made,
 * EqualityComparer<T>.Default.Equals(a, b), as Native AOT does. */
static Method *devirtualize(Fn *f, Method *m)
{
	Slot *s = m->has_this ? e_top(f, m->nparams) : NULL;
	Type *t = s ? receiver_class(s) : NULL;
	if (!t || m->ninst)
		return m;
	Method *impl = ty_resolve_virtual(t, m);
	return impl && !ty_info(impl->owner)->is_interface &&
		!(impl->flags & MF_ABSTRACT) ? impl : m;
}

/* What Mono's GetCurrentMethod() answers in generic code: the open
 * definition (G`1[T].M, M[U]), whatever the instance. Not yet for a
 * constructor (its record for reflection needs the type made). */
static Method *open_definition(Method *m)
{
	Type *owner = m->owner;
	if (!strcmp(m->name, ".ctor"))
		return m;
	if (owner->ninst && owner->img && owner->kind != TY_SZARRAY && owner->kind != TY_ARRAY)
		owner = ty_def(owner->img, owner->row, NULL, 0);
	return owner == m->owner && !m->ninst ? m : ty_method(owner, m->img, m->row, NULL, 0);
}

/* MethodBase.GetCurrentMethod(): the calling method, kept for
 * reflection, is known here (Mono's internal call walks the stack). */
static bool current_method(Fn *f, Method *m)
{
	if (m->has_this || m->nparams || strcmp(m->name, "GetCurrentMethod") ||
	    m->owner->img != ty_object->img || strcmp(m->owner->name, "System.Reflection.MethodBase"))
		return false;
	Method *self = open_definition(f->m->spec_of ? f->m->spec_of : f->m);
	reach_reflect_method(f->p, self, f->m);
	uint32_t k = 0;
	while (f->p->reflected.v[k] != self)
		k++;
	const char *v = e_push(f, SK_O, m->ret);
	e_out(f, "%s = rt_reflect_method_at(%u);", v, k);
	return true;
}

/* Assembly.GetExecutingAssembly() in the program's own code: the
 * calling method's assembly, known here (Mono's internal call walks the
 * stack; a library of the program gets its own, not the program's). The
 * class library's calls keep the internal call (the program's assembly:
 * resources.c looks resources up by name only). */
static bool executing_assembly(Fn *f, Method *m)
{
	Type *owner = f->m->owner;
	if (m->has_this || m->nparams || strcmp(m->name, "GetExecutingAssembly") ||
	    m->owner->img != ty_object->img || strcmp(m->owner->name, "System.Reflection.Assembly") ||
	    emit_in_class_library(f->m->img) || !owner->img || owner->row <= 1)
		return false;
	reach_assemblies(f->p, f->m);
	reach_type(f->p, owner, TN_DESCRIPTOR, f->m);
	const char *v = e_push(f, SK_O, m->ret);
	e_out(f, "%s = rt_assembly_of_type(&%s_type);", v, owner->cname);
	return true;
}

/* Assembly.GetCallingAssembly() in the program's own code: a stack walk
 * (emit/stack.c emit_calling_assembly says when). */
static bool calling_assembly(Fn *f, Method *m)
{
	if (!emit_calling_assembly(f->p, f->m, m))
		return false;
	const char *v = e_push(f, SK_O, m->ret);
	e_out(f, "%s = rt_stack_calling_assembly();", v);
	return true;
}

/* Internal calls that rt.h also defines inline, as rti_NAME for rt_NAME:
 * Interlocked on integers and pointers. A direct call of one is written
 * as a call of the inline function (no pending test: they never throw);
 * the method's own body stays for delegates and reflection. */
static const char *const inline_icalls[] = {
	"rt_Interlocked_CompareExchange_i4", "rt_Interlocked_CompareExchange_i8",
	"rt_Interlocked_CompareExchange_ip", "rt_Interlocked_Exchange_i4",
	"rt_Interlocked_Exchange_i8", "rt_Interlocked_Exchange_ip",
	"rt_Interlocked_Add_i4", "rt_Interlocked_Add_i8", "rt_Interlocked_Increment_i4",
	"rt_Interlocked_Increment_i8", "rt_Interlocked_Decrement_i4",
	"rt_Interlocked_Decrement_i8", "rt_Interlocked_Read",
};

static bool inline_icall(Fn *f, Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->kind != BK_ICALL || !ms->icall || m->has_this)
		return false;
	size_t i = 0, n = sizeof inline_icalls / sizeof *inline_icalls;
	while (i < n && strcmp(inline_icalls[i], ms->icall))
		i++;
	if (i == n)
		return false;
	Buf b = {0};
	buf_printf(&b, "rti_%s", ms->icall + 3);
	arg_list(f, &b, m, NULL);
	e_pop(f, m->nparams);
	e_out(f, "%s = %s;", e_push_type(f, m->ret), b.s);
	buf_free(&b);
	return true;
}

/* The C function a direct call of m calls: an internal call's own
 * function rather than the method's body, which only forwards to it (the
 * same parameters, icalls.def), so that `lock` and the like pay one call,
 * not two; the body stays for delegates and reflection, and its _THROWS
 * still decides the test after the call. */
static const char *direct_name(Method *m)
{
	MethodState *ms = reach_state(m);
	return ms->kind == BK_ICALL && ms->icall ? ms->icall : m->cname;
}

static void call_method(Fn *f, Method *m, bool virt)
{
	if (current_method(f, m) || executing_assembly(f, m) || calling_assembly(f, m))
		return;
	const char *self = NULL;
	Recv recv = RECV_ANY;
	bool direct = !(virt && needs_dispatch(m));
	Method *as_named = m;            /* what reflection's dataflow knows */
	if (!direct) {
		Method *impl = devirtualize(f, m);
		direct = impl != m;
		m = impl;
	}
	if (direct) {
		m = e_specialize(f, m);
		reach_method(f->p, m, f->m, m->spec_of ? "called with a constant argument" : "called");
	}
	if (m->has_this) {
		Slot *s = e_top(f, m->nparams);
		if (s->k != SK_O && s->k != SK_P && s->k != SK_IP && s->k != SK_VT)
			e_invalid(f, "the receiver of %s is %s, not an object or an address",
				  m->name, e_kind_name(s->k));
		const char *v = e_sv(f, m->nparams);
		/* a value type's method devirtualised on its box takes the
		 * value inside */
		const char *vt_self = s->k == SK_O ? "(char *)rt_unbox_ptr(%s)" : "(char *)%s";
		self = ty_is_valuetype(m->owner) ? arena_printf(&f->a, vt_self, v) :
			arena_printf(&f->a, "(Object *)%s", v);
		if (virt && s->k == SK_O) {
			e_out(f, "RT_NULLCHK(%s, %s);", v, e_fail_null(f, m->nparams));
			recv = RECV_NONNULL;
		} else if (s->is_this) {
			recv = RECV_THIS;
		}
		/* a base constructor, or a value type's method (§II.10.5.3.1) */
		if (!strcmp(m->name, ".ctor") || ty_is_valuetype(m->owner))
			precise_init(f, m->owner);
		if (direct && s->self) {
			VEC_PUSH(reach_state(f->m)->this_callees, m);
			e_keep_this(f, m->nparams);
		}
	} else {
		/* a body icalls.def or subst.c gives instead of the IL does not
		 * use the type's statics (RemotingServices.IsTransparentProxy
		 * would otherwise set up remoting) */
		BodyKind k = reach_state(m)->kind;
		if (k != BK_DEFAULT && k != BK_UNSUPPORTED && k != BK_SUBST && k != BK_CONST)
			precise_init(f, m->owner);
	}
	if (direct && inline_icall(f, m))
		return;
	Slot facts = e_reflect_flow(f, as_named);
	bool tail = tail_applies(f, m);
	if (tail && !passes_byref(m)) {
		tail_call(f, m, direct, self);
		return;
	}
	Buf b = {0};
	buf_puts(&b, direct ? direct_name(m) : dispatch(f, m, self));
	arg_list(f, &b, m, self);
	if (tail) {
		tail_in_block(f, m, b.s);
		buf_free(&b);
		return;
	}
	finish_call(f, m, arena_strdup(&f->a, b.s), direct, recv);
	if (f->reachable && m->ret->kind != TY_VOID) {
		e_top(f, 0)->known = facts.known;
		e_top(f, 0)->kmethod = facts.kmethod;
		e_top(f, 0)->elems = facts.elems;
		e_top(f, 0)->nelems = facts.nelems;
		e_top(f, 0)->cands = facts.cands;
		e_top(f, 0)->ncands = facts.ncands;
		e_top(f, 0)->sub_of = facts.sub_of;
		e_top(f, 0)->dam = e_dam_returns(m) || facts.dam;
		/* a feature switch that is off, or a method that returns a
		 * constant: branches on the result fold */
		if (direct && (e_top(f, 0)->k == SK_I4 || (e_top(f, 0)->k == SK_O &&
		    reach_state(m)->kind == BK_CONST && !reach_state(m)->cval)) && e_const_result(m)) {
			e_top(f, 0)->has_cval = true;
			e_top(f, 0)->cval = reach_state(m)->cval;
		}
		e_top(f, 0)->exact = emit_default_comparer(m);
	}
	buf_free(&b);
}

/* constrained. T callvirt M (§III.2.1): the receiver is a pointer to a T. */
/* An enum whose ToString is its constant's name or its number: not
 * [Flags], an integer underlying type, no value named twice (which name
 * Mono's binary search finds is not ours to guess). */
static bool plain_enum(Type *t)
{
	TypeInfo *ti = ty_info(t);
	if (!ti->is_enum || ti->is_flags || !ti->underlying || ti->underlying->kind < TY_I1 ||
	    ti->underlying->kind > TY_U8)
		return false;
	Image *img = t->img;
	uint32_t first, end;
	md_list(img, T_TypeDef, t->row, TypeDef_FieldList, &first, &end);
	VEC(uint64_t) seen = {0};
	bool unique = true;
	for (uint32_t pos = first; pos < end && unique; pos++) {
		uint32_t row = md_list_row(img, T_Field, pos);
		uint32_t c = md_lookup1(img, T_Constant, Constant_Parent, TOKEN(T_Field, row));
		if (!c || !(md_get(img, T_Field, row, Field_Flags) & 0x40))
			continue;
		Blob v = md_blob(img, md_get(img, T_Constant, c, Constant_Value));
		uint64_t x = 0;
		for (uint32_t k = 0; k < v.len && k < 8; k++)
			x |= (uint64_t)v.p[k] << (8 * k);
		for (uint32_t i = 0; i < seen.n; i++)
			unique &= seen.v[i] != x;
		VEC_PUSH(seen, x);
	}
	free(seen.v);
	return unique;
}

/* constrained. E callvirt Object::ToString() on a plain enum: the name
 * from E's descriptor (rt_enum_str), without Enum.ToString's reflection
 * over names and values, its [Flags] path and number formatting. */
static bool enum_to_string(Fn *f, Type *t, Method *m)
{
	if (!t->img || strcmp(m->name, "ToString") || m->nparams || !m->has_this ||
	    (m->owner != ty_object && m->owner != ty_enum) || !plain_enum(t))
		return false;
	Type *u = ty_info(t)->underlying;
	bool is_signed = u->kind == TY_I1 || u->kind == TY_I2 || u->kind == TY_I4 || u->kind == TY_I8;
	/* constructed, as the box this replaces made it: a boxed E that
	 * Enum.Parse or ToObject makes at run time needs E's tables */
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	const char *p = e_sv(f, 0);
	const char *v = arena_printf(&f->a, "(uint64_t)(%s)*(%s *)%s", is_signed ? "int64_t" : "uint64_t",
				     emit_ctype(u), p);
	e_pop(f, 1);
	e_out(f, "%s = rt_enum_str(&%s_type, %s, %s);", e_push_type(f, ty_string), t->cname, v,
	      is_signed ? "true" : "false");
	e_out(f, "RT_PENDING(UNWIND);");
	return true;
}

static void call_constrained(Fn *f, Method *m)
{
	Type *t = f->constrained;
	f->constrained = NULL;
	const char *p = e_sv(f, m->nparams);
	uint32_t at = f->sp - 1 - m->nparams;
	if (!ty_is_valuetype(t)) {
		Slot o = { SK_O, t, NULL };
		const char *ov = e_var_at(f, at, &o);
		e_out(f, "%s = *(Object **)%s;", ov, p);
		f->st[at] = o;
		call_method(f, m, true);
		return;
	}
	if (enum_to_string(f, t, m))
		return;
	Method *impl = t->img ? ty_resolve_virtual(t, m) : NULL;
	if (impl && impl->owner == t) {
		call_method(f, impl, false);
		return;
	}
	/* not overridden by the value type: box it and call virtually */
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	Slot o = { SK_O, t, NULL };
	const char *ov = e_var_at(f, at, &o);
	e_out(f, "%s = rt_gc_alloc(&%s_type);", ov, t->cname);
	e_out(f, "memcpy(rt_unbox_ptr(%s), %s, sizeof(%s));", ov, p, emit_ctype(t));
	f->st[at] = o;
	call_method(f, m, true);
}

/* constrained. T call M, M a static abstract (or virtual) interface
 * method (C# 11): T is known here, as every generic is specialised, so
 * the call goes straight to T's implementation; what Mono 6.8's JIT
 * cannot run. */
static void call_static_virtual(Fn *f, Method *m)
{
	Type *t = f->constrained;
	f->constrained = NULL;
	Method *impl = t->img ? ty_resolve_virtual(t, m) : NULL;
	call_method(f, impl ? impl : m, false);
}

/* ---- newobj ---- */
static void new_string(Fn *f, Method *ctor)
{
	Method *c = ty_string_ctor(ctor);
	if (!c)
		e_fn_error(f, "no String::Ctor for this string constructor");
	call_method(f, c, false);
}

void e_new_delegate(Fn *f, Method *ctor);

static void newobj(Fn *f, Method *ctor)
{
	Type *t = ctor->owner;
	if (t == ty_string) {
		new_string(f, ctor);
		return;
	}
	if (t->img && ty_info(t)->is_delegate) {
		e_new_delegate(f, ctor);
		return;
	}
	precise_init(f, t);
	reach_method(f->p, ctor, f->m, "constructor called");
	e_reflect_newobj(f, ctor);
	uint32_t n = ctor->nparams;
	for (uint32_t i = 0; i < n; i++)
		e_check_assign(f, n - 1 - i, ctor->params[i], "argument");
	/* make room under the arguments for the new object */
	e_push(f, SK_I4, NULL);
	for (uint32_t i = 0; i < n; i++) {
		Slot s = *e_top(f, i + 1);
		const char *from = e_var_at(f, f->sp - 2 - i, &s);
		f->st[f->sp - 1 - i] = s;
		e_out(f, "%s = %s;", e_sv(f, i), from);
	}
	uint32_t at = f->sp - 1 - n;
	Buf b = {0};
	if (ty_is_valuetype(t)) {
		reach_type(f->p, t, TN_LAYOUT, f->m);
		f->st[at] = (Slot){ emit_kind(t), t, NULL };
		const char *v = e_var_at(f, at, &f->st[at]);
		e_out(f, "memset(&%s, 0, sizeof %s);", v, v);
		buf_printf(&b, "%s((char *)&%s", ctor->cname, v);
	} else {
		reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
		f->st[at] = (Slot){ SK_O, t, NULL };
		f->st[at].exact = t;            /* calls on it need no dispatch */
		const char *v = e_var_at(f, at, &f->st[at]);
		e_out(f, "%s = %s;", v, e_new_expr(f, t));
		e_out(f, "if (RT_UNLIKELY(%s == NULL)) goto %s;", v, e_fail(f));
		buf_printf(&b, "%s(%s", ctor->cname, v);
	}
	for (uint32_t i = 0; i < n; i++)
		buf_printf(&b, ", %s", e_as_type(f, n - 1 - i, ctor->params[i]));
	buf_putc(&b, ')');
	e_out(f, "%s;", b.s);
	buf_free(&b);
	e_pop(f, n);
	note_loop_call(f, ctor);
	check_after_call(f, ctor, RECV_NONNULL);
	if (!ty_is_valuetype(t))
		f->made = ctor;
}

/* ---- vararg calls ---- */
static bool sig_is_vararg(const MethodSig *s)
{
	return (s->conv & SIG_KIND_MASK) == SIG_VARARG;
}

/* Extra argument i, `depth` slots below the top, copied into a variable
 * of the call site `site` of its own type (for the value's address). */
static const char *extra_value(Fn *f, Type *t, uint32_t depth, const char *site, uint32_t i)
{
	if (t->kind == TY_PTR || t->kind == TY_BYREF || t->kind == TY_FNPTR)
		e_fn_error(f, "a vararg argument of type %s: pointers have no type descriptor",
			   t->name);
	e_typedref_type(f, t);
	const char *v = arena_printf(&f->a, "%s_%u", site, i);
	buf_printf(&f->decl, "\t%s %s = %s;\n", emit_ctype(t), v,
		   emit_kind(t) == SK_VT ? "{0}" : "0");
	e_out(f, "%s = %s;", v, e_as_type(f, depth, t));
	return v;
}

/* Pops a vararg call's extra arguments, those of the call site's
 * signature `s` after its sentinel (§II.23.2.2; none if s is NULL), and
 * returns the name of their RtVarArg array. The array and the values are
 * variables of this call site (va_<offset>), declared with the locals. */
static const char *extras_list(Fn *f, const MethodSig *s)
{
	uint32_t first = s && s->sentinel >= 0 ? (uint32_t)s->sentinel : 0;
	uint32_t n = s && s->sentinel >= 0 ? s->nparams - first : 0;
	const char *site = arena_printf(&f->a, "va_%04x", f->off);
	Buf list = {0};
	for (uint32_t i = 0; i < n; i++) {
		Type *t = ty_from_sig(f->img, s->params[first + i], &f->ctx);
		const char *v = extra_value(f, t, n - 1 - i, site, i);
		buf_printf(&list, "{ &%s_type, &%s }, ", t->cname, v);
	}
	buf_printf(&f->decl, "\tRtVarArg %s[] = { %s{ NULL, NULL } };\n", site,
		   list.s ? list.s : "");
	buf_free(&list);
	e_pop(f, n);
	return site;
}

/* call, callvirt or newobj of a vararg method: the hidden argument
 * replaces the extra ones on the stack. Only a MemberRef (or a
 * MethodSpec of one) carries extra arguments. */
static void push_extras(Fn *f, Token tok)
{
	if (TOK_TABLE(tok) == T_MethodSpec)
		tok = md_get(f->img, T_MethodSpec, TOK_ROW(tok), MethodSpec_Method);
	Arena a = {0};
	MethodSig *s = NULL;
	if (TOK_TABLE(tok) == T_MemberRef)
		s = sig_method(f->img, &a, md_get(f->img, T_MemberRef, TOK_ROW(tok),
						 MemberRef_Signature));
	const char *list = extras_list(f, s);
	e_out(f, "%s = (intptr_t)%s;", e_push(f, SK_IP, NULL), list);
	arena_free(&a);
}

/* arglist (§III.3.4): a RuntimeArgumentHandle of the extra arguments,
 * which is the method's hidden last argument. */
static void arglist(Fn *f)
{
	if (!f->m->is_vararg)
		e_invalid(f, "arglist in a method that is not vararg");
	Type *h = ty_corlib_type("System", "RuntimeArgumentHandle");
	reach_type(f->p, h, TN_LAYOUT, f->m);
	const char *d = e_push_type(f, h);
	e_out(f, "%s.%s = %s;", d, e_field(h, "args")->cname, e_arg_name(f, f->nargs - 1));
}

/* ---- calli, jmp, ldftn, ldvirtftn ---- */
/* calli: the function pointer is on top, the arguments (and a vararg
 * signature's extra ones) below it. */
static void calli(Fn *f, const Instr *in)
{
	Arena a = {0};
	uint32_t blob = md_get(f->img, T_StandAloneSig, TOK_ROW(in->token), StandAloneSig_Signature);
	MethodSig *s = sig_method(f->img, &a, blob);
	const char *fp = e_sv(f, 0);
	e_pop(f, 1);
	const char *extras = sig_is_vararg(s) ? extras_list(f, s) : NULL;
	bool self = s->conv & SIG_HASTHIS;
	uint32_t n = (s->sentinel >= 0 ? (uint32_t)s->sentinel : s->nparams) + self;
	Buf params = {0}, args = {0};
	for (uint32_t i = 0; i < n; i++) {
		const char *sep = i ? ", " : "";
		Type *pt = self && i == 0 ? NULL : ty_from_sig(f->img, s->params[i - self], &f->ctx);
		if (pt)
			e_check_assign(f, n - 1 - i, pt, "calli argument");
		buf_printf(&params, "%s%s", sep, pt ? emit_ctype(pt) : "Object *");
		buf_printf(&args, "%s%s", sep, pt ? e_as_type(f, n - 1 - i, pt) :
			   e_as_ctype(f, n - 1 - i, "Object *"));
	}
	if (extras) {
		buf_printf(&params, "%sintptr_t", n ? ", " : "");
		buf_printf(&args, "%s(intptr_t)%s", n ? ", " : "", extras);
	}
	e_pop(f, n);
	Type *ret = ty_from_sig(f->img, s->ret, &f->ctx);
	const char *call = arena_printf(&f->a, "((%s (*)(%s))%s)(%s)", emit_ctype(ret),
					params.s ? params.s : "void", fp, args.s ? args.s : "");
	if (ret->kind == TY_VOID)
		e_out(f, "%s;", call);
	else
		e_out(f, "%s = %s;", e_push_type(f, ret), call);
	e_check_pending(f);
	buf_free(&params);
	buf_free(&args);
	arena_free(&a);
}

static void ldftn(Fn *f, Method *m)
{
	reach_method(f->p, m, f->m, "address taken (ldftn)");
	e_reflect_ftn(f, m);
	const char *d = e_push(f, SK_IP, NULL);
	e_top(f, 0)->ftn = m;
	e_out(f, "%s = (intptr_t)&%s;", d, m->cname);
}

static void ldvirtftn(Fn *f, Method *m)
{
	const char *o = e_sv(f, 0);
	e_out(f, "RT_NULLCHK(%s, %s);", o, e_fail(f));
	Slot recv = *e_top(f, 0);
	e_pop(f, 1);
	const char *d = e_push(f, SK_IP, NULL);
	if (!needs_dispatch(m)) {
		reach_method(f->p, m, f->m, "address taken (ldvirtftn)");
		e_reflect_ftn(f, m);
		e_out(f, "%s = (intptr_t)&%s;", d, m->cname);
		e_top(f, 0)->ftn = m;
		return;
	}
	(void)recv;
	const char *fn = dispatch(f, m, o);
	e_out(f, "%s = (intptr_t)%s;", d, fn);
	e_top(f, 0)->ftn = m;
}

static void jmp(Fn *f, Method *m)
{
	reach_method(f->p, m, f->m, "jumped to (jmp)");
	f->leaks_this |= f->m->has_this;
	Buf b = {0};
	buf_printf(&b, "%s(", m->cname);
	for (uint32_t i = 0; i < f->nargs; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", e_arg_name(f, i));
	buf_putc(&b, ')');
	if (m->ret->kind == TY_VOID)
		e_out(f, "%s; return;", b.s);
	else
		e_out(f, "return %s;", b.s);
	buf_free(&b);
	f->reachable = false;
}

/* `call` of an abstract instance method from a method of an interface
 * (a default method calling its interface's abstract one) dispatches, as
 * Mono does; from anywhere else it is bad IL (il2c_missing.c). */
bool e_call_is_virtual(Fn *f, Method *m)
{
	return (m->flags & MF_ABSTRACT) && m->has_this && f->m->owner->img &&
	       ty_info(f->m->owner)->is_interface;
}

/* Multi-dimensional arrays' methods (Get, Set, Address, .ctor) have no
 * MethodDef: the runtime provides them (§II.14.2). */
bool e_array_method(Fn *f, const Instr *in);

/* String.Format in a class-library method that builds a message, under
 * the resource-keys switch (features.c emit_call_keyed): the format and
 * its string arguments, by rt_str_keyed, without formatting. */
static void keyed_format(Fn *f, Method *m)
{
	uint32_t fmt = m->params[0] == ty_string || m->params[0] == ty_object ? 0 : 1;
	uint32_t n = m->nparams - fmt - 1;
	const char *fs = e_as_type(f, m->nparams - 1 - fmt, ty_object);
	Buf b = {0};
	if (n == 1 && m->params[fmt + 1]->kind == TY_SZARRAY) {
		const char *a = e_as_type(f, 0, ty_object);
		buf_printf(&b, "rt_str_keyed(%s, %s ? RT_ARRAY_DATA(%s, Object *) : NULL, %s ?"
			   " (int32_t)((RtArray *)%s)->length : 0)", fs, a, a, a, a);
	} else {
		buf_puts(&b, "rt_str_keyed(");
		buf_printf(&b, "%s, (Object *[]){ ", fs);
		for (uint32_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", e_as_type(f, n - 1 - i, ty_object));
		buf_printf(&b, " }, %u)", n);
	}
	e_pop(f, m->nparams);
	e_out(f, "%s = %s;", e_push_type(f, m->ret), b.s);
	buf_free(&b);
}

/* A call a feature switch leaves out: its arguments dropped, its result
 * null or 0; or, when `rt` names a runtime function, that function of
 * the receiver's address instead (Int32.ToString in the invariant
 * culture: rt_i4_str). */
static void call_off(Fn *f, Method *m, const char *rt)
{
	const char *self = m->has_this ? e_sv(f, m->nparams) : NULL;
	e_pop(f, m->nparams + m->has_this);
	if (rt) {
		e_out(f, "%s = %s((const void *)%s);", e_push_type(f, m->ret), rt, self);
		e_out(f, "RT_PENDING(UNWIND);");
		return;
	}
	if (m->ret->kind == TY_VOID)
		return;
	e_out(f, "%s = 0;", e_push_type(f, m->ret));
	e_top(f, 0)->has_cval = true;
	e_top(f, 0)->cval = 0;
}

bool e_calls(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_CALL: case OP_CALLVIRT: case OP_NEWOBJ: case OP_LDFTN:
	case OP_LDVIRTFTN: case OP_JMP:
		break;
	case OP_CALLI:
		calli(f, in);
		return true;
	case OP_ARGLIST:
		arglist(f);
		return true;
	default:
		return false;
	}
	if (e_array_method(f, in))
		return true;
	Method *m = ty_method_from_token(f->img, in->token, &f->ctx);
	emit_stack_call(f->p, f->m, m);
	const char *rt = NULL;
	if (m->is_vararg && (in->op == OP_CALL || in->op == OP_CALLVIRT || in->op == OP_NEWOBJ))
		push_extras(f, in->token);
	switch (in->op) {
	case OP_CALL:
		if (emit_call_keyed(f->p, f->m, m))
			keyed_format(f, m);
		else if (emit_call_off(f->p, f->m, m, &rt))
			call_off(f, m, rt);
		else if (f->constrained && !m->has_this)
			call_static_virtual(f, m);
		else
			call_method(f, m, e_call_is_virtual(f, m));
		break;
	case OP_CALLVIRT:
		if (!f->constrained && emit_call_off(f->p, f->m, m, &rt))
			call_off(f, m, rt);
		else if (f->constrained)
			call_constrained(f, m);
		else
			call_method(f, m, true);
		break;
	case OP_NEWOBJ: newobj(f, m); break;
	case OP_LDFTN: ldftn(f, m); break;
	case OP_LDVIRTFTN: ldvirtftn(f, m); break;
	default: jmp(f, m); break;
	}
	f->is_tail = false;
	return true;
}
