/* il2c_spec: copies of a method for a constant argument.
 *
 * Requires: il2c's Fn at a direct call, the callee's IL. Produces: the
 * method to call instead, a copy compiled knowing that argument.
 *
 * The class library often passes a constant that the callee dispatches on:
 * String.Compare(a, b, StringComparison.OrdinalIgnoreCase) switches on its
 * third argument, and reachability, which does not know values, keeps
 * every case (there, culture-aware comparison with its collation tables).
 * When a direct call passes an int32 constant for an argument that the
 * callee loads only to branch on it (ldarg N, then brtrue, brfalse,
 * switch, or a constant and a compare-and-branch) and never stores to or
 * takes the address of, the call goes to a copy of the callee (its C name
 * ends in _k<N>_<value>) in which that ldarg is the constant: il2c folds
 * those branches, so the cases not taken are never translated and what
 * they call is not reached. The copy is the same method for everything
 * else (name in traces, reflection, static constructor), and it passes
 * the constant on to what it calls, so chains of such calls fold too.
 *
 * Likewise for type tests: where the callee tests an argument with
 * `ldarg N; isinst S` and the caller passes a class T that can never be
 * an S (S a class neither T nor a base or subclass of T, or an interface
 * that T, sealed, does not implement), the copy (_t<N>_<T>) knows the
 * argument is a T or null, and such tests give null. So
 * System.Collections.Comparer.Compare, called by ObjectComparer<Timer>,
 * does not ask for culture-aware comparison of strings nor for
 * IComparable.CompareTo. A local written once with null (or 0) is null
 * everywhere, since locals start zeroed, so branches on it fold too.
 */
#include "il2c.h"

#include <string.h>

enum { MAX_SPECS = 8 };         /* copies of one method at most */

static bool is_ldc_i4(Opcode op)
{
	return (op >= OP_LDC_I4_M1 && op <= OP_LDC_I4_8) || op == OP_LDC_I4_S ||
	       op == OP_LDC_I4;
}

static bool is_branch_on_value(Opcode op)
{
	switch (op) {
	case OP_BRTRUE_S: case OP_BRTRUE: case OP_BRFALSE_S: case OP_BRFALSE:
	case OP_SWITCH:
		return true;
	default:
		return false;
	}
}

static bool is_compare_branch(Opcode op)
{
	return (op >= OP_BEQ_S && op <= OP_BLT_UN_S) || (op >= OP_BEQ && op <= OP_BLT_UN);
}

/* A t (or a subclass of it) is never an s. */
static bool never(Type *t, Type *s)
{
	if (!t || !s || t->kind != TY_CLASS || s->kind != TY_CLASS || !t->img || !s->img ||
	    ty_info(t)->is_interface || t == s)
		return false;
	if (ty_info(s)->is_interface)
		return (ty_info(t)->flags & TF_SEALED) && !ty_implements(t, s);
	return !ty_is_subclass(t, s) && !ty_is_subclass(s, t);
}

/* Does m's IL branch on argument `arg`, and only read it? With `type`,
 * instead: does it test the argument, a `type`, with an isinst that
 * cannot succeed? */
static bool dispatches_on(Method *m, uint32_t arg, Type *type)
{
	Arena a = {0};
	MethodBody body;
	bool branches = false, other_use = false;
	if (!md_body(m->img, &a, m->row, &body)) {
		arena_free(&a);
		return false;
	}
	Instr prev2 = { .op = OP_NOP }, prev = { .op = OP_NOP }, in;
	for (uint32_t off = 0; off < body.code_size && !other_use; prev2 = prev, prev = in) {
		off = il_decode(m->img, &body, off, &in);
		bool store = (in.op == OP_STARG_S || in.op == OP_STARG || in.op == OP_LDARGA_S ||
			      in.op == OP_LDARGA) && in.i == arg;
		other_use |= store;
		if (il_ldarg_index(&prev) == (int32_t)arg && is_branch_on_value(in.op) && !type)
			branches = true;
		if (il_ldarg_index(&prev) == (int32_t)arg && in.op == OP_ISINST && type) {
			Ctx ctx = ty_ctx(m);
			branches |= never(type, ty_from_token(m->img, in.token, &ctx));
		}
		if (il_ldarg_index(&prev2) == (int32_t)arg && is_ldc_i4(prev.op) &&
		    is_compare_branch(in.op) && !type)
			branches = true;
	}
	arena_free(&a);
	return branches && !other_use;
}

static Method *copy_for(Method *m, uint32_t arg, int32_t val, Type *type)
{
	uint32_t n = 0;
	for (Method *s = m->specs; s; s = s->spec_next, n++)
		if (s->spec_arg == arg && s->spec_val == val && s->spec_type == type)
			return s;
	if (n >= MAX_SPECS)
		return NULL;
	Method *s = arena_alloc(ty_arena(), sizeof *s);
	*s = *m;
	s->user = NULL;
	s->hash_next = NULL;
	s->specs = NULL;
	s->spec_of = m;
	s->spec_arg = arg;
	s->spec_val = val;
	s->spec_type = type;
	if (type)
		s->cname = arena_printf(ty_arena(), "%s_t%u_%s", m->cname, arg, type->cname);
	else
		s->cname = arena_printf(ty_arena(), "%s_k%u_%s%u", m->cname, arg,
					val < 0 ? "m" : "", val < 0 ? -(uint32_t)val : (uint32_t)val);
	s->spec_next = m->specs;
	m->specs = s;
	return s;
}

/* The copy m is (or is a copy of) for argument `arg`, or NULL. */
static Method *spec_for(Method *m, uint32_t arg)
{
	for (; m->spec_of; m = m->spec_of)
		if (m->spec_arg == arg)
			return m;
	return NULL;
}

/* What a direct call of m with its arguments on the stack should call:
 * m, or a copy of it for one argument, or a copy of that for another... */
Method *e_specialize(Fn *f, Method *m)
{
	if (m->is_vararg || (m->flags & (MF_ABSTRACT | MF_PINVOKE)) ||
	    (m->impl_flags & (MI_INTERNALCALL | MI_CODETYPE)) || !strcmp(m->name, ".ctor"))
		return m;
	uint32_t nargs = m->nparams + m->has_this;
	for (uint32_t i = 0; i < nargs; i++) {
		Slot *s = e_top(f, nargs - 1 - i);
		Method *c = NULL;
		if (s->has_cval && s->k == SK_I4 && dispatches_on(m, i, NULL))
			c = copy_for(m, i, s->cval, NULL);
		else if (s->k == SK_O && !s->has_cval && dispatches_on(m, i, s->t))
			c = copy_for(m, i, 0, s->t);
		if (c)
			m = c;
	}
	return m;
}

/* ldarg of an argument a copy was made for: the constant. */
void e_spec_arg(Fn *f, uint32_t arg)
{
	e_top(f, 0)->from_arg = (uint16_t)(arg + 1);
	Method *c = spec_for(f->m, arg);
	if (c && !c->spec_type) {
		e_top(f, 0)->has_cval = true;
		e_top(f, 0)->cval = c->spec_val;
	}
}

/* isinst t on the argument a copy was made for, if that is never a t. */
bool e_spec_isinst(Fn *f, Type *t)
{
	uint16_t from = e_top(f, 0)->from_arg;
	Method *c = from ? spec_for(f->m, from - 1u) : NULL;
	if (!c || !never(c->spec_type, t))
		return false;
	e_pop(f, 1);
	const char *d = e_push(f, SK_O, t);
	e_out(f, "%s = NULL;", d);
	e_top(f, 0)->has_cval = true;
	e_top(f, 0)->cval = 0;
	return true;
}

bool e_const_result(Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->kind == BK_CONST)
		return true;
	if (ms->kind != BK_IL || ms->const_body < 0)
		return false;
	if (ms->const_body > 0)
		return true;
	ms->const_body = -1;
	Arena a = {0};
	MethodBody body;
	if (md_body(m->img, &a, m->row, &body) && body.code_size <= 6) {
		Instr ldc, ret;
		uint32_t off = il_decode(m->img, &body, 0, &ldc);
		if (is_ldc_i4(ldc.op) && off < body.code_size &&
		    il_decode(m->img, &body, off, &ret) == body.code_size && ret.op == OP_RET) {
			ms->const_body = 1;
			ms->cval = ldc.op == OP_LDC_I4_S || ldc.op == OP_LDC_I4 ?
				(int32_t)ldc.i : (int32_t)(ldc.op - OP_LDC_I4_0);
		}
	}
	arena_free(&a);
	return ms->const_body > 0;
}
