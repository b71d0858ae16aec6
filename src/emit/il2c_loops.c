/* il2c_loops: counted loops whose body keeps its test true, so that a
 * bounds check inside needs no per-iteration compare when the loop's bound
 * is at most the array's length.
 *
 * requires: the method's branches (Fn.branches), locals and arguments
 * (Fn.locals, Fn.args), and which of them have their address taken.
 * produces: Fn.loops, the loops of the shape compilers give
 * `for (k = ...; k < bound; k++)`:
 *
 *         br COND
 *   BODY: ...              (k and bound not stored, but by the last
 *                           instruction, the increment's stloc k)
 *   COND: ldloc k
 *         ldloc|ldarg|ldc.i4 bound      (or ldloc|ldarg b; ldlen; conv.i4:
 *         blt BODY                       b's length shadow, b not stored)
 *
 * where nothing enters BODY's instructions but that blt (no branch from
 * outside into them, no fall-through into BODY, no handler there of a try
 * outside). Every instruction of the body then runs with k < bound and
 * both as the test saw them. An element access there whose index is
 * `ldloc k` on an int32 int is in range when bound <= the array's length:
 * il2c_objects.c writes that test (rt_ops.h RT_BOUNDS_LOOP), which the
 * loop does not change, so gcc's loop unswitching (-funswitch-loops for
 * the program's own units) makes a copy of the loop without the check:
 * loop versioning, done by gcc on our word. The test of k against the
 * length stays for the other copy, so an index past the end still
 * throws where it did.
 */
#include "il2c.h"

#include <string.h>

/* The local loaded by `in` (not its address), or -1. */
static int32_t loaded_local(const Instr *in)
{
	if (in->op >= OP_LDLOC_0 && in->op <= OP_LDLOC_3)
		return in->op - OP_LDLOC_0;
	if (in->op == OP_LDLOC_S || in->op == OP_LDLOC)
		return (int32_t)in->i;
	return -1;
}

/* The local stored by `in`, or -1. */
static int32_t stored_loc(const Instr *in)
{
	if (in->op >= OP_STLOC_0 && in->op <= OP_STLOC_3)
		return in->op - OP_STLOC_0;
	if (in->op == OP_STLOC_S || in->op == OP_STLOC)
		return (int32_t)in->i;
	return -1;
}

static bool ldc_i4(const Instr *in, int32_t *v)
{
	if (in->op >= OP_LDC_I4_M1 && in->op <= OP_LDC_I4_8)
		*v = (int32_t)(in->op - OP_LDC_I4_0);
	else if (in->op == OP_LDC_I4_S || in->op == OP_LDC_I4)
		*v = (int32_t)in->i;
	else
		return false;
	return true;
}

static bool no_fall_through(Opcode op)
{
	return op == OP_BR || op == OP_BR_S || op == OP_RET || op == OP_THROW ||
	       op == OP_RETHROW || op == OP_LEAVE || op == OP_LEAVE_S || op == OP_ENDFINALLY;
}

static bool int32_var(Type *t)
{
	return t && t->kind == TY_I4;
}

/* The length of vector variable `in` loads, by its shadow (il2c_body.c
 * find_vector_lengths) as C, or NULL; *loc, *arg: the variable. */
static const char *length_of(Fn *f, const Instr *in, int32_t *loc, int32_t *arg)
{
	*loc = loaded_local(in);
	*arg = il_ldarg_index(in);
	if (*loc >= 0 && (uint32_t)*loc < f->nlocals && f->loc_len[*loc])
		return arena_printf(&f->a, "(int32_t)%s", f->loc_len[*loc]);
	if (*arg >= 0 && (uint32_t)*arg < f->nargs && f->arg_len[*arg])
		return arena_printf(&f->a, "(int32_t)%s", f->arg_len[*arg]);
	return NULL;
}

/* The bound of the test (ldloc/ldarg/ldc.i4 `in`) as C, or NULL when it
 * is not an int32 variable whose address the method never takes. */
static const char *bound_of(Fn *f, const Instr *in, const uint8_t *addr, int32_t *loc, int32_t *arg)
{
	int32_t v;
	*loc = loaded_local(in);
	*arg = il_ldarg_index(in);
	if (*loc >= 0 && (uint32_t)*loc < f->nlocals && int32_var(f->locals[*loc]) &&
	    !addr[f->nargs + (uint32_t)*loc])
		return e_loc_name(f, (uint32_t)*loc);
	if (*arg >= 0 && (uint32_t)*arg < f->nargs && int32_var(f->args[*arg]) && !addr[*arg])
		return e_arg_name(f, (uint32_t)*arg);
	*loc = *arg = -1;
	if (ldc_i4(in, &v))
		return arena_printf(&f->a, "%d", v);
	return NULL;
}

/* Nothing in [body, cond) stores k (but its last instruction) or the
 * bound; ins[b..c) are its instructions. */
static bool body_keeps(Fn *f, const Instr *ins, uint32_t b, uint32_t c, int32_t k,
		       int32_t bloc, int32_t barg)
{
	(void)f;
	for (uint32_t j = b; j < c; j++) {
		int32_t s = stored_loc(&ins[j]);
		if (s == k && j + 1 != c)
			return false;
		if (bloc >= 0 && s == bloc)
			return false;
		bool starg = ins[j].op == OP_STARG_S || ins[j].op == OP_STARG;
		if (barg >= 0 && starg && ins[j].i == barg)
			return false;
	}
	return true;
}

/* Only the loop's own branch (at `from`) enters [body, cond), at body;
 * no handler starts there for a try outside it. */
static bool entered_once(Fn *f, uint32_t body, uint32_t cond, uint32_t from)
{
	for (uint32_t i = 0; i < f->nbranches; i++) {
		const struct FnBranch *br = &f->branches[i];
		bool inside_from = br->from >= body && br->from < cond;
		if (br->to >= body && br->to < cond && !inside_from && br->from != from)
			return false;
	}
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		bool try_inside = c->try_off >= body && c->try_off + c->try_len <= cond;
		bool handler_in = e_in_range(c->handler_off, body, cond - body) ||
				  (c->kind == EH_FILTER && e_in_range(c->filter_off, body, cond - body));
		if (handler_in && !try_inside)
			return false;
	}
	return true;
}

static void add_loop(Fn *f, uint32_t body, uint32_t cond, int32_t k, const char *bound)
{
	if (!(f->nloops & (f->nloops + 1))) {
		struct FnLoop *l = arena_alloc(&f->a, 2 * (f->nloops + 1) * sizeof *l);
		if (f->nloops)
			memcpy(l, f->loops, f->nloops * sizeof *l);
		f->loops = l;
	}
	f->loops[f->nloops++] = (struct FnLoop){ body, cond, (uint32_t)k, bound };
}

/* The loop closed by the blt at ins[j], if it has the shape above. */
static void try_loop(Fn *f, const Instr *ins, uint32_t n, uint32_t j, const uint8_t *addr)
{
	(void)n;
	const Instr *br = &ins[j];
	if ((br->op != OP_BLT && br->op != OP_BLT_S) || j < 2)
		return;
	int32_t bloc, barg;
	const char *bound;
	uint32_t t = j - 2;             /* the test's first instruction */
	if (j >= 4 && ins[j - 2].op == OP_LDLEN && ins[j - 1].op == OP_CONV_I4) {
		t = j - 4;
		bound = length_of(f, &ins[j - 3], &bloc, &barg);
	} else
		bound = bound_of(f, &ins[j - 1], addr, &bloc, &barg);
	int32_t k = loaded_local(&ins[t]);
	if (!bound || k < 0 || bloc == k || br->target >= ins[t].offset)
		return;
	if ((uint32_t)k >= f->nlocals || !int32_var(f->locals[k]) || addr[f->nargs + (uint32_t)k])
		return;
	uint32_t b = 0;
	while (b < t && ins[b].offset < br->target)
		b++;
	if (b == 0 || b >= t || ins[b].offset != br->target || !no_fall_through(ins[b - 1].op))
		return;
	uint32_t body = br->target, cond = ins[t].offset;
	if (body_keeps(f, ins, b, t, k, bloc, barg) && entered_once(f, body, cond, br->offset))
		add_loop(f, body, cond, k, bound);
}

void e_find_loops(Fn *f, const uint8_t *addr)
{
	f->nloops = 0;
	f->loops = NULL;
	/* the program's own units are the ones built with unswitching */
	if (f->framed || !f->m->img || f->m->img != f->p->img)
		return;
	uint32_t n = 0;
	for (uint32_t off = 0; off < f->body.code_size; n++) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
	}
	Instr *ins = arena_alloc(&f->a, (n + 1) * sizeof *ins);
	n = 0;
	for (uint32_t off = 0; off < f->body.code_size; n++)
		off = il_decode(f->img, &f->body, off, &ins[n]);
	for (uint32_t j = 0; j < n; j++)
		try_loop(f, ins, n, j, addr);
}

/* The bound of a loop whose body holds this instruction and whose
 * counter index slot s was loaded from, or NULL. */
const char *e_loop_bound(Fn *f, const Slot *s)
{
	if (!s->from_loc || s->k != SK_I4)
		return NULL;
	for (uint32_t i = 0; i < f->nloops; i++) {
		const struct FnLoop *l = &f->loops[i];
		if (l->k + 1 == s->from_loc && f->off >= l->body && f->off < l->cond)
			return l->bound;
	}
	return NULL;
}
