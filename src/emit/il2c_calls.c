/* il2c_calls: call, callvirt, newobj, calli, jmp, ldftn, ldvirtftn, and
 * the bodies ilcc writes itself: internal calls (a call into the runtime),
 * P/Invoke (a call of the C function) and delegates' Invoke.
 *
 * A virtual call goes through the receiver's vtable slot, an interface
 * call through the receiver's interface table (rt_type_iface_slots), a
 * generic virtual method through a dispatcher written once the set of
 * constructed types is known (cgen.c). Calls to methods that are not
 * virtual, or final, or of sealed or value types, are direct.
 */
#include "il2c.h"

#include <string.h>

enum {
	MF_FINAL = 0x20, MF_VIRTUAL = 0x40, MF_STATIC = 0x10,
	TF_SEALED = 0x100, TF_BEFOREFIELDINIT = 0x100000,
	MI_INTERNALCALL = 0x1000, MI_RUNTIME = 0x3, MF_PINVOKE = 0x2000,
};

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
		buf_puts(b, e_as_type(f, m->nparams - 1 - i, m->params[i]));
	}
	buf_putc(b, ')');
}

/* The C type of a pointer to m's function, with `this` as `this_ct`. */
static const char *fn_ptr_type(Fn *f, Method *m, const char *this_ct)
{
	Buf b = {0};
	buf_printf(&b, "%s (*)(", emit_ctype(m->ret));
	bool first = true;
	if (m->has_this) {
		buf_puts(&b, this_ct);
		first = false;
	}
	for (uint32_t i = 0; i < m->nparams; i++, first = false)
		buf_printf(&b, "%s%s", first ? "" : ", ", emit_ctype(m->params[i]));
	if (first)
		buf_puts(&b, "void");
	buf_putc(&b, ')');
	const char *s = arena_strdup(&f->a, b.s);
	buf_free(&b);
	return s;
}

/* Pops the arguments (and receiver), pushes the result of `call`. A
 * `tail.` call returns its result at once: with the check for a pending
 * exception gone, gcc turns it into a jump, so deep tail recursion runs in
 * constant stack as the prefix asks. */
/* After a direct call: the pending test, compiled only if the callee may
 * throw (prog.h says, once the whole program is known: reach_no_throw). */
static void check_after_call(Fn *f, Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->kind != BK_IL) {
		e_check_pending(f);
		return;
	}
	VEC_PUSH(reach_state(f->m)->callees, m);
	e_out(f, "if (%s_THROWS) RT_PENDING(%s);", m->cname, e_fail_at(f, f->off));
}

static void finish_call(Fn *f, Method *m, const char *call, bool direct)
{
	e_pop(f, m->nparams + m->has_this);
	if (f->is_tail && !strcmp(emit_ctype(m->ret), emit_ctype(f->m->ret))) {
		if (m->ret->kind == TY_VOID)
			e_out(f, "%s; return;", call);
		else
			e_out(f, "return %s;", call);
		f->reachable = false;
		f->is_tail = false;
		f->has_tail_calls = true;
		return;
	}
	if (m->ret->kind == TY_VOID)
		e_out(f, "%s;", call);
	else
		e_out(f, "%s = %s;", e_push_type(f, m->ret), call);
	if (direct)
		check_after_call(f, m);
	else
		e_check_pending(f);
}

/* ---- the kinds of call ---- */
static bool needs_dispatch(Method *m)
{
	if (!(m->flags & MF_VIRTUAL) || (m->flags & MF_FINAL))
		return false;
	if (ty_is_valuetype(m->owner) || !m->owner->img)
		return false;
	return !(ty_info(m->owner)->flags & TF_SEALED) || ty_info(m->owner)->is_interface;
}

static const char *dispatch(Fn *f, Method *m, const char *self)
{
	TypeInfo *oi = ty_info(m->owner);
	reach_vcall(f->p, m, f->m);
	if (m->ninst)
		return arena_printf(&f->a, "GVM_%s", m->cname);
	const char *ft = fn_ptr_type(f, m, "Object *");
	if (oi->is_interface) {
		reach_type(f->p, m->owner, TN_DESCRIPTOR, f->m);
		uint32_t k = 0;
		while (k < oi->nmethods && oi->methods[k] != m)
			k++;
		return arena_printf(&f->a, "((%s)rt_iface(((Object *)%s)->type, &%s_type)[%u])",
				    ft, self, m->owner->cname, k);
	}
	return arena_printf(&f->a, "((%s)((Object *)%s)->type->vtable[%d])", ft, self, m->slot);
}

static void call_method(Fn *f, Method *m, bool virt)
{
	const char *self = NULL;
	bool direct = !(virt && needs_dispatch(m));
	if (direct)
		reach_method(f->p, m, f->m, "called");
	if (m->has_this) {
		Slot *s = e_top(f, m->nparams);
		const char *v = e_sv(f, m->nparams);
		self = ty_is_valuetype(m->owner) ? arena_printf(&f->a, "(char *)%s", v) :
			arena_printf(&f->a, "(Object *)%s", v);
		if (virt && s->k == SK_O)
			e_out(f, "RT_NULLCHK(%s, %s);", v, e_fail(f));
		/* a base constructor, or a value type's method (§II.10.5.3.1) */
		if (!strcmp(m->name, ".ctor") || ty_is_valuetype(m->owner))
			precise_init(f, m->owner);
	} else {
		/* a body icalls.def or subst.c gives instead of the IL does not
		 * use the type's statics (RemotingServices.IsTransparentProxy
		 * would otherwise set up remoting) */
		BodyKind k = reach_state(m)->kind;
		if (k != BK_DEFAULT && k != BK_UNSUPPORTED && k != BK_SUBST)
			precise_init(f, m->owner);
	}
	Buf b = {0};
	buf_puts(&b, direct ? m->cname : dispatch(f, m, self));
	arg_list(f, &b, m, self);
	finish_call(f, m, arena_strdup(&f->a, b.s), direct);
	buf_free(&b);
}

/* constrained. T callvirt M (§III.2.1): the receiver is a pointer to a T. */
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

/* ---- newobj ---- */
static void new_string(Fn *f, Method *ctor)
{
	TypeInfo *ti = ty_info(ty_string);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *c = ti->methods[i];
		if (strcmp(c->name, "Ctor") || c->nparams != ctor->nparams)
			continue;
		bool same = true;
		for (uint32_t k = 0; k < c->nparams; k++)
			same &= c->params[k] == ctor->params[k];
		if (same) {
			call_method(f, c, false);
			return;
		}
	}
	e_fn_error(f, "no String::Ctor for this string constructor");
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
	uint32_t n = ctor->nparams;
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
	check_after_call(f, ctor);
}

/* ---- calli, jmp, ldftn, ldvirtftn ---- */
static void calli(Fn *f, const Instr *in)
{
	Arena a = {0};
	uint32_t blob = md_get(f->img, T_StandAloneSig, TOK_ROW(in->token), StandAloneSig_Signature);
	MethodSig *s = sig_method(f->img, &a, blob);
	Buf ft = {0};
	Type *ret = ty_from_sig(f->img, s->ret, &f->ctx);
	buf_printf(&ft, "%s (*)(", emit_ctype(ret));
	uint32_t n = s->nparams + ((s->conv & SIG_HASTHIS) != 0);
	for (uint32_t i = 0; i < n; i++) {
		bool self = (s->conv & SIG_HASTHIS) && i == 0;
		Type *pt = self ? NULL : ty_from_sig(f->img, s->params[i - ((s->conv & SIG_HASTHIS) != 0)], &f->ctx);
		buf_printf(&ft, "%s%s", i ? ", " : "", self ? "Object *" : emit_ctype(pt));
	}
	buf_puts(&ft, n ? ")" : "void)");
	const char *fp = e_sv(f, 0);
	Buf call = {0};
	buf_printf(&call, "((%s)%s)(", ft.s, fp);
	for (uint32_t i = 0; i < n; i++) {
		bool self = (s->conv & SIG_HASTHIS) && i == 0;
		Type *pt = self ? NULL : ty_from_sig(f->img, s->params[i - ((s->conv & SIG_HASTHIS) != 0)], &f->ctx);
		buf_printf(&call, "%s%s", i ? ", " : "",
			   self ? e_as_ctype(f, n - i, "Object *") : e_as_type(f, n - i, pt));
	}
	buf_putc(&call, ')');
	e_pop(f, n + 1);
	if (ret->kind == TY_VOID)
		e_out(f, "%s;", call.s);
	else
		e_out(f, "%s = %s;", e_push_type(f, ret), call.s);
	e_check_pending(f);
	buf_free(&ft);
	buf_free(&call);
	arena_free(&a);
}

static void ldftn(Fn *f, Method *m)
{
	reach_method(f->p, m, f->m, "address taken (ldftn)");
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
	Buf b = {0};
	buf_printf(&b, "%s(", m->cname);
	for (uint32_t i = 0; i < f->nargs; i++)
		buf_printf(&b, "%sa%u", i ? ", " : "", i);
	buf_putc(&b, ')');
	if (m->ret->kind == TY_VOID)
		e_out(f, "%s; return;", b.s);
	else
		e_out(f, "return %s;", b.s);
	buf_free(&b);
	f->reachable = false;
}

/* Multi-dimensional arrays' methods (Get, Set, Address, .ctor) have no
 * MethodDef: the runtime provides them (§II.14.2). */
bool e_array_method(Fn *f, const Instr *in);

bool e_calls(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_CALL: case OP_CALLVIRT: case OP_NEWOBJ: case OP_LDFTN:
	case OP_LDVIRTFTN: case OP_JMP:
		break;
	case OP_CALLI:
		calli(f, in);
		return true;
	default:
		return false;
	}
	if (e_array_method(f, in))
		return true;
	Method *m = ty_method_from_token(f->img, in->token, &f->ctx);
	if (m->is_vararg)
		e_fn_error(f, "calls of vararg methods (C#'s __arglist) are not supported");
	switch (in->op) {
	case OP_CALL: call_method(f, m, false); break;
	case OP_CALLVIRT:
		if (f->constrained)
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
