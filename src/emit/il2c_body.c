/* il2c_body: the driver of il2c — a method's frame (arguments, locals),
 * the pass over its instructions, and the assembled function.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void setup_args(Fn *f)
{
	Method *m = f->m;
	f->nargs = m->nparams + m->has_this;
	f->args = arena_alloc(&f->a, (f->nargs + 1) * sizeof *f->args);
	uint32_t n = 0;
	if (m->has_this)
		f->args[n++] = ty_is_valuetype(m->owner) ? ty_byref(m->owner) : m->owner;
	for (uint32_t i = 0; i < m->nparams; i++)
		f->args[n++] = m->params[i];
}

static void setup_locals(Fn *f)
{
	LocalsSig ls = sig_locals(f->img, &f->a, f->body.local_sig);
	f->nlocals = ls.count;
	f->locals = arena_alloc(&f->a, (ls.count + 1) * sizeof *f->locals);
	for (uint32_t i = 0; i < ls.count; i++) {
		Type *t = ty_from_sig(f->img, ls.types[i], &f->ctx);
		f->locals[i] = t;
		reach_type(f->p, t, TN_LAYOUT, f->m);
		if (f->framed)
			continue;
		if (emit_kind(t) == SK_VT)
			buf_printf(&f->decl, "\t%s l%u; memset(&l%u, 0, sizeof l%u);\n",
				   emit_ctype(t), i, i, i);
		else
			buf_printf(&f->decl, "\t%s l%u = 0;\n", emit_ctype(t), i);
	}
}

/* Offsets where a label is needed: branch targets and handler starts;
 * LABEL_BACK where a branch from the same offset or later goes. */
enum { LABEL = 1, LABEL_BACK = 2 };

static void mark_target(uint8_t *mark, uint32_t from, uint32_t target)
{
	mark[target] |= LABEL | (target <= from ? LABEL_BACK : 0);
}

static void add_branch(Fn *f, uint8_t *mark, uint32_t from, uint32_t to)
{
	mark_target(mark, from, to);
	if (!(f->nbranches & (f->nbranches + 1))) {
		struct FnBranch *b = arena_alloc(&f->a, 2 * (f->nbranches + 1) * sizeof *b);
		if (f->nbranches)
			memcpy(b, f->branches, f->nbranches * sizeof *b);
		f->branches = b;
	}
	f->branches[f->nbranches++] = (struct FnBranch){ from, to };
}

static uint8_t *find_labels(Fn *f)
{
	uint8_t *mark = arena_alloc(&f->a, f->body.code_size + 1);
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		uint32_t at = off;
		off = il_decode(f->img, &f->body, off, &in);
		OperandKind k = op_info[in.op].operand;
		if ((k == OPK_BR8 || k == OPK_BR32) && in.target <= f->body.code_size)
			add_branch(f, mark, at, in.target);
		for (uint32_t i = 0; in.op == OP_SWITCH && i < in.ncases; i++)
			if (il_switch_target(&in, i) <= f->body.code_size)
				add_branch(f, mark, at, il_switch_target(&in, i));
	}
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		mark[c->handler_off] = 1;
		if (c->kind == EH_FILTER)
			mark[c->filter_off] = 1;
	}
	return mark;
}

/* Handlers start with the exception on the stack (catch, filter) or none. */
static void handler_entries(Fn *f)
{
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		bool with_exc = c->kind == EH_CATCH || c->kind == EH_FILTER;
		Type *t = c->kind == EH_CATCH ? ty_from_token(f->img, c->class_token, &f->ctx) : ty_object;
		f->sp = 0;
		if (with_exc)
			e_push(f, SK_O, t);
		e_save_entry(f, c->handler_off);
		if (c->kind == EH_FILTER) {
			f->entry[c->filter_off] = f->entry[c->handler_off];
		}
	}
	f->sp = 0;
}

static bool prefix(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_CONSTRAINED:
		f->constrained = ty_from_token(f->img, in->token, &f->ctx);
		return true;
	case OP_TAIL: f->is_tail = true; return true;
	case OP_READONLY: f->is_readonly = true; return true;
	case OP_VOLATILE: case OP_UNALIGNED: case OP_NO:
		return true;
	default:
		return false;
	}
}

/* ---- generic recursion ---- */
/* An instruction whose token would make types nesting deeper than
 * TY_MAX_GENERIC_DEPTH (a generic method calling itself with a bigger
 * type argument, say) is cut, as .NET's Native AOT does: it throws
 * NotSupportedException instead, and the rest of its block is left out.
 * Every chain of ever deeper instantiations passes through such a token,
 * so this ends them all. The build warns once per place in the IL. */
static VEC(CutSite) cut_sites;

static bool first_cut(Fn *f)
{
	for (uint32_t i = 0; i < cut_sites.n; i++) {
		CutSite *c = &cut_sites.v[i];
		if (c->img == f->img && c->row == f->m->row && c->off == f->off)
			return false;
	}
	VEC_PUSH(cut_sites, ((CutSite){ f->img, f->m->row, f->off }));
	return true;
}

/* "call int32 P::Deep<class Box`1<!!0>>(int32)" */
static void put_instr(Buf *b, Fn *f, const Instr *in)
{
	buf_printf(b, "%s ", op_info[in->op].text);
	if (TOK_TABLE(in->token) == T_StandAloneSig) {
		uint32_t blob = md_get(f->img, T_StandAloneSig, TOK_ROW(in->token),
				       StandAloneSig_Signature);
		sig_print_method(b, f->img, sig_method(f->img, &f->a, blob), NULL, NULL);
	} else {
		sig_print_member(b, f->img, &f->a, in->token);
	}
}

static void cut(Fn *f, const Instr *in, uint32_t depth)
{
	Buf what = {0}, where = {0}, msg = {0}, lit = {0};
	put_instr(&what, f, in);
	sig_print_method_name(&where, f->img, f->m->row);
	const char *why = arena_printf(&f->a, "generic recursion too deep to compile ahead of"
		" time was cut here: %s would nest types %u deep (more than %d)", what.s,
		depth, TY_MAX_GENERIC_DEPTH);
	if (first_cut(f))
		e_warn_in(f, where.s, arena_printf(&f->a, "%s; it throws NotSupportedException"
						   " if it runs", why));
	/* the exception's message says the same, as a sentence */
	buf_printf(&msg, "%s, at IL_%04x of %s.", why, f->off, where.s);
	msg.s[0] = (char)toupper((unsigned char)msg.s[0]);
	emit_c_string(&lit, msg.s);
	emit_need_exception(f->p, RT_EXC_NOTSUPP);
	e_out(f, "rt_exc_throw_msg(RT_EXC_NOTSUPP, %s); goto %s;", lit.s, e_fail(f));
	f->reachable = false;
	f->constrained = NULL;
	f->is_tail = f->is_readonly = false;
	buf_free(&what);
	buf_free(&where);
	buf_free(&msg);
	buf_free(&lit);
}

static bool too_deep(Fn *f, const Instr *in)
{
	if (op_info[in->op].operand != OPK_TOKEN)
		return false;
	uint32_t depth = ty_token_depth(f->img, in->token, &f->ctx);
	if (depth <= TY_MAX_GENERIC_DEPTH)
		return false;
	cut(f, in, depth);
	return true;
}

/* ---- operand kinds ---- */
/* What some instructions need on the stack (ECMA-335 §III.1.5 and each
 * instruction's table), checked before translating them: `at` slots
 * below the top, one of the kinds in `kinds` (none on a later line for
 * the same opcode, another slot). What Mono's JIT refuses here, il2c
 * would have translated into C that is wrong or does not compile. */
enum {
	KM_INT = 1 << SK_I4 | 1 << SK_I8 | 1 << SK_IP, KM_F = 1 << SK_F4 | 1 << SK_F8,
	KM_O = 1 << SK_O, KM_P = 1 << SK_P, KM_VT = 1 << SK_VT,
	KM_REF = KM_O | KM_P | 1 << SK_IP,     /* what holds an object's fields */
};

static const struct { uint8_t op, at; uint16_t kinds; } operand_kinds[] = {
	{ OP_THROW, 0, KM_O }, { OP_CASTCLASS, 0, KM_O }, { OP_ISINST, 0, KM_O },
	{ OP_LDLEN, 0, KM_O }, { OP_SWITCH, 0, KM_INT },
	{ OP_NEG, 0, KM_INT | KM_F }, { OP_NOT, 0, KM_INT },
	{ OP_SHL, 1, KM_INT }, { OP_SHR, 1, KM_INT }, { OP_SHR_UN, 1, KM_INT },
	{ OP_SHL, 0, KM_INT }, { OP_SHR, 0, KM_INT }, { OP_SHR_UN, 0, KM_INT },
	{ OP_BRTRUE, 0, KM_INT | KM_O | KM_P }, { OP_BRTRUE_S, 0, KM_INT | KM_O | KM_P },
	{ OP_BRFALSE, 0, KM_INT | KM_O | KM_P }, { OP_BRFALSE_S, 0, KM_INT | KM_O | KM_P },
	{ OP_LDFLD, 0, KM_REF | KM_VT }, { OP_LDFLDA, 0, KM_REF }, { OP_STFLD, 1, KM_REF },
	{ OP_LDELEMA, 1, KM_O }, { OP_LDELEM, 1, KM_O }, { OP_STELEM, 2, KM_O },
	{ OP_LDELEMA, 0, KM_INT }, { OP_LDELEM, 0, KM_INT }, { OP_STELEM, 1, KM_INT },
};

/* Opcodes whose two top slots are compared: ceq and the like, beq and the
 * like. */
static bool compares(Opcode op)
{
	return (op >= OP_CEQ && op <= OP_CLT_UN) || (op >= OP_BEQ_S && op <= OP_BLT_UN_S) ||
	       (op >= OP_BEQ && op <= OP_BLT_UN);
}

/* The kinds that compare with each other (§III.1.5 table 4): numbers of
 * one kind, objects with objects; never value types. */
static int compare_class(StackKind k)
{
	return k == SK_O ? 1 : k == SK_F4 || k == SK_F8 ? 2 : k == SK_VT ? 3 : 0;
}

static void check_kind(Fn *f, const Instr *in, uint32_t at, unsigned kinds)
{
	if (!(kinds >> e_top(f, at)->k & 1))
		e_invalid(f, "%s: %s on the stack, where it takes none of that kind",
			  op_info[in->op].text, e_kind_name(e_top(f, at)->k));
}

static void check_operands(Fn *f, const Instr *in)
{
	Opcode op = in->op;
	if (op >= OP_LDELEM_I1 && op <= OP_LDELEM_REF)
		op = OP_LDELEM;
	if (op >= OP_STELEM_I && op <= OP_STELEM_REF)
		op = OP_STELEM;
	for (unsigned i = 0; i < countof(operand_kinds); i++)
		if (operand_kinds[i].op == op)
			check_kind(f, in, operand_kinds[i].at, operand_kinds[i].kinds);
	if (compares(op)) {
		int a = compare_class(e_top(f, 1)->k), b = compare_class(e_top(f, 0)->k);
		if (a != b || a == 3)
			e_invalid(f, "%s: %s and %s do not compare", op_info[in->op].text,
				  e_kind_name(e_top(f, 1)->k), e_kind_name(e_top(f, 0)->k));
	}
}

static void instruction(Fn *f, const Instr *in)
{
	if (too_deep(f, in) || prefix(f, in) || e_missing(f, in))
		return;
	check_operands(f, in);
	if (e_ops(f, in) || e_calls(f, in) || e_objects(f, in) || e_eh(f, in))
		return;
	e_fn_error(f, "the instruction %s is not supported", op_info[in->op].text);
}

/* The local stored to by `in` (or whose address it takes), or -1. */
static int32_t stored_local(const Instr *in)
{
	if (in->op >= OP_STLOC_0 && in->op <= OP_STLOC_3)
		return in->op - OP_STLOC_0;
	if (in->op == OP_STLOC_S || in->op == OP_STLOC || in->op == OP_LDLOCA_S ||
	    in->op == OP_LDLOCA)
		return (int32_t)in->i;
	return -1;
}

/* Locals written once (no address taken) may carry what il2c_calls.c's
 * typeof flow knows of the value stored, to the loads after the store. */
static void find_single_stores(Fn *f)
{
	f->local_known = arena_alloc(&f->a, (f->nlocals + 1) * sizeof *f->local_known);
	f->local_once = arena_alloc(&f->a, f->nlocals + 1);
	uint8_t *stores = arena_alloc(&f->a, f->nlocals + 1);
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		int32_t l = stored_local(&in);
		bool addr = in.op == OP_LDLOCA_S || in.op == OP_LDLOCA;
		if (l >= 0 && (uint32_t)l < f->nlocals && stores[l] < 2)
			stores[l] += addr ? 2 : 1;
	}
	for (uint32_t i = 0; i < f->nlocals; i++)
		f->local_once[i] = stores[i] == 1;
}

/* A loop whose head no path has reached by the time it starts: the code
 * from the head to the last branch that goes back into it (taking in
 * the loops that branch into that, and so on) is entered only from
 * before the head, where every branch translated has recorded its
 * target's entry, or from inside. If no label in it has an entry (no
 * branch from before, no handler), the whole of it is dead: a loop
 * behind a feature switch (SpanHelpers' vectorised loops behind
 * Vector.IsHardwareAccelerated). */
/* The last offset of the loop whose head is `head`: its last branch back
 * into it, taking in the loops that branch into that, and so on. */
static uint32_t loop_end(Fn *f, uint32_t head)
{
	uint32_t end = head;
	for (bool grew = true; grew;) {
		grew = false;
		for (uint32_t i = 0; i < f->nbranches; i++) {
			const struct FnBranch *b = &f->branches[i];
			if (b->to >= head && b->to <= end && b->from > end) {
				end = b->from;
				grew = true;
			}
		}
	}
	return end;
}

static bool dead_loop(Fn *f, uint32_t head)
{
	if (f->filter_mode)
		return false;
	uint32_t end = loop_end(f, head);
	for (uint32_t off = head; off <= end; off++)
		if (f->labels[off] && f->entry[off].set)
			return false;
	for (uint32_t i = 0; i < f->body.neh; i++)
		if (f->body.eh[i].handler_off >= head && f->body.eh[i].handler_off <= end)
			return false;
	f->dead_end = end + 1;
	return true;
}

/* A loop that reads fields but calls nothing, writes no memory and reads
 * no array element or pointer is most likely waiting for another thread
 * (`while (!done) {}`): Mono's JIT reads the field again at each turn,
 * gcc would read it once and spin forever. Such a loop's head gets a
 * compiler barrier (RT_SPIN_BARRIER), so every turn reads memory again.
 * Loops that call (a call is a barrier already), store, or go over an
 * array (a computation gcc may vectorise) are left as they are. */
static bool spin_loop(Fn *f, uint32_t head)
{
	uint32_t end = loop_end(f, head);
	bool reads = false;
	for (uint32_t off = head; off <= end && off < f->body.code_size;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		switch (in.op) {
		case OP_CALL: case OP_CALLVIRT: case OP_CALLI: case OP_NEWOBJ: case OP_NEWARR:
		case OP_BOX: case OP_STFLD: case OP_STSFLD: case OP_STOBJ: case OP_CPOBJ:
		case OP_INITOBJ: case OP_CPBLK: case OP_INITBLK: case OP_STELEM: case OP_STELEM_I:
		case OP_STELEM_I1: case OP_STELEM_I2: case OP_STELEM_I4: case OP_STELEM_I8:
		case OP_STELEM_R4: case OP_STELEM_R8: case OP_STELEM_REF: case OP_STIND_REF:
		case OP_STIND_I: case OP_STIND_I1: case OP_STIND_I2: case OP_STIND_I4:
		case OP_STIND_I8: case OP_STIND_R4: case OP_STIND_R8: case OP_LOCALLOC:
		/* a loop over an array or through a pointer: a computation,
		 * which the barrier would keep gcc from vectorising */
		case OP_LDOBJ: case OP_LDELEM: case OP_LDELEM_REF:
		case OP_LDELEM_I: case OP_LDELEM_I1: case OP_LDELEM_U1: case OP_LDELEM_I2:
		case OP_LDELEM_U2: case OP_LDELEM_I4: case OP_LDELEM_U4: case OP_LDELEM_I8:
		case OP_LDELEM_R4: case OP_LDELEM_R8: case OP_LDIND_REF: case OP_LDIND_I:
		case OP_LDIND_I1: case OP_LDIND_U1: case OP_LDIND_I2: case OP_LDIND_U2:
		case OP_LDIND_I4: case OP_LDIND_U4: case OP_LDIND_I8: case OP_LDIND_R4:
		case OP_LDIND_R8:
			return false;
		case OP_LDFLD: case OP_LDSFLD:
			reads = true;
			break;
		default:
			break;
		}
	}
	return reads;
}

/* A block that no path has reached by the time it starts, and that no
 * later branch goes back to, is reached by no path at all (a branch on
 * a feature switch left it out): it is not translated, and what it
 * calls is not reached. */
static bool dead_block(Fn *f, uint8_t label, uint32_t off)
{
	if (f->reachable || f->entry[off].set)
		return false;
	return !(label & LABEL_BACK) || off < f->dead_end || dead_loop(f, off);
}

/* Code after a backward branch's target is translated before that branch
 * is seen, so it cannot meet: constants, length shadows and exact
 * classes of values on the stack there may not hold on every path. */
static void forget_at_back_target(Fn *f)
{
	for (uint32_t i = 0; i < f->sp; i++) {
		f->st[i].has_cval = false;
		f->st[i].len = NULL;
		f->st[i].exact = NULL;
		f->st[i].is_this = false;
		f->st[i].from_loc = 0;
	}
}

/* A class's instance method that never stores to `this` nor takes its
 * address: a null test of ldarg.0 tests what its caller passed. */
static bool this_fixed(Fn *f)
{
	if (!f->m->has_this || ty_is_valuetype(f->m->owner))
		return false;
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		if ((in.op == OP_STARG_S || in.op == OP_STARG || in.op == OP_LDARGA_S ||
		     in.op == OP_LDARGA) && in.i == 0)
			return false;
	}
	return true;
}

/* Marks the arguments (addr[0..nargs)) and locals (addr[nargs..]) whose
 * address the method takes. */
static uint8_t *find_addressed(Fn *f)
{
	uint8_t *addr = arena_alloc(&f->a, f->nargs + f->nlocals + 1);
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		bool arg = in.op == OP_LDARGA_S || in.op == OP_LDARGA;
		bool loc = in.op == OP_LDLOCA_S || in.op == OP_LDLOCA;
		if (arg && in.i < f->nargs)
			addr[in.i] = 1;
		if (loc && in.i < f->nlocals)
			addr[f->nargs + in.i] = 1;
	}
	return addr;
}

/* A variable of a vector type whose address is not taken gets a C local
 * that holds its length (rt_ops.h: rt_vec_len), set wherever the
 * variable is: at entry for arguments, after each store (e_store_len).
 * Bounds checks and ldlen of a value loaded from the variable read the
 * local, which gcc keeps in a register and hoists out of loops. */
static void find_vector_lengths(Fn *f)
{
	f->arg_len = arena_alloc(&f->a, (f->nargs + 1) * sizeof *f->arg_len);
	f->loc_len = arena_alloc(&f->a, (f->nlocals + 1) * sizeof *f->loc_len);
	if (f->framed)
		return;
	uint8_t *addr = find_addressed(f);
	for (uint32_t i = 0; i < f->nargs; i++) {
		if (f->args[i]->kind != TY_SZARRAY || addr[i])
			continue;
		f->arg_len[i] = arena_printf(&f->a, "n_a%u", i);
		buf_printf(&f->decl, "\tuintptr_t n_a%u = rt_vec_len(a%u);\n", i, i);
	}
	for (uint32_t i = 0; i < f->nlocals; i++) {
		if (f->locals[i]->kind != TY_SZARRAY || addr[f->nargs + i])
			continue;
		f->loc_len[i] = arena_printf(&f->a, "n_l%u", i);
		buf_printf(&f->decl, "\tuintptr_t n_l%u = 0;\n", i);
	}
}

/* Mono's JIT makes `ldftn M; newobj D::.ctor` (and `dup; ldvirtftn M;
 * newobj`) of a delegate type D into one operation when the newobj is
 * not a branch target: no sequence point after that newobj. prev and
 * prev2: the opcodes of the two instructions before it. */
static bool fused_delegate_ctor(Fn *f, const Instr *in, int prev, int prev2)
{
	if (!(prev == OP_LDFTN || (prev == OP_LDVIRTFTN && prev2 == OP_DUP)) ||
	    f->labels[f->off])
		return false;
	Method *m = ty_method_from_token(f->img, in->token, &f->ctx);
	return m && ty_info(m->owner)->is_delegate;
}

/* Whether Mono's JIT puts a sequence point after the instruction (so
 * that its traces show the next offset for a place after it): after a
 * call that is not a tail call, and after a newobj, but for the corlib
 * exception with at most two strings that is thrown at once (which it
 * makes by an internal call) and a delegate made at once from a method
 * pointer (fused_delegate_ctor). */
static bool seq_after_call(Fn *f, const Instr *in, uint32_t next, int prev, int prev2)
{
	if (!f->lines)
		return false;
	if (in->op == OP_CALL || in->op == OP_CALLVIRT || in->op == OP_CALLI)
		return !f->is_tail;
	if (in->op != OP_NEWOBJ || fused_delegate_ctor(f, in, prev, prev2))
		return false;
	Instr t;
	if (next >= f->body.code_size || (il_decode(f->img, &f->body, next, &t), t.op != OP_THROW))
		return true;
	Method *m = ty_method_from_token(f->img, in->token, &f->ctx);
	bool strings = m->nparams <= 2;
	for (uint32_t i = 0; i < m->nparams; i++)
		strings = strings && m->params[i] == ty_string;
	return !(strings && m->owner->img == ty_object->img && ty_is_subclass(m->owner, ty_exception));
}

/* The method's function translates all but the filter blocks; the
 * outlined filter function only those. */
static void translate(Fn *f)
{
	f->nbranches = 0;
	f->dead_end = 0;
	uint8_t *labels = find_labels(f);
	f->labels = labels;
	find_single_stores(f);
	find_vector_lengths(f);
	e_find_loops(f, find_addressed(f));
	f->this_fixed = this_fixed(f);
	handler_entries(f);
	f->reachable = !f->filter_mode;
	int prev = -1, prev2 = -1;      /* the opcodes before, for seq_after_call */
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		uint32_t next = il_decode(f->img, &f->body, off, &in);
		f->off = off;
		f->made_before = f->made;
		f->made = NULL;
		if (e_in_filter(f, off) != f->filter_mode) {
			f->reachable = false;
			off = next;
			continue;
		}
		if (labels[off] && dead_block(f, labels[off], off)) {
			off = next;
			continue;
		}
		if (labels[off]) {
			buf_printf(&f->out, "L_%04x:;\n", off);
			e_enter_block(f, off);
			f->made_before = NULL;
			if (labels[off] & LABEL_BACK) {
				forget_at_back_target(f);
				if (!f->filter_mode && spin_loop(f, off))
					buf_puts(&f->out, "\tRT_SPIN_BARRIER();\n");
			}
		}
		if (f->reachable) {
			if (!f->sp)
				f->seq_off = off;
			bool seq_after = seq_after_call(f, &in, next, prev, prev2);
			e_eh_enter(f, off);
			instruction(f, &in);
			if (seq_after)
				f->seq_off = next;
		}
		prev2 = prev;
		prev = (int)in.op;
		off = next;
	}
	if (f->reachable)
		e_invalid(f, "control falls off the end of the method");
}

static bool has_filters(const MethodBody *b)
{
	for (uint32_t i = 0; i < b->neh; i++)
		if (b->eh[i].kind == EH_FILTER)
			return true;
	return false;
}

/* A method with filters keeps its arguments and locals in a struct, which
 * its filter function reaches through a pointer (rt.h: RtEhRec). */
static void frame_struct(Fn *f, Buf *b)
{
	buf_printf(b, "struct %s_FR {\n", f->m->cname);
	for (uint32_t i = 0; i < f->nargs; i++)
		buf_printf(b, "\t%s a%u;\n", i == 0 && f->m->has_this ?
			   emit_this_ctype(f->m->owner) : emit_ctype(f->args[i]), i);
	for (uint32_t i = 0; i < f->nlocals; i++)
		buf_printf(b, "\t%s l%u;\n", emit_ctype(f->locals[i]), i);
	buf_puts(b, "\tchar none_;\n};\n");
}

static void frame_setup(Fn *f)
{
	const char *cn = f->m->cname;
	buf_printf(&f->decl, "\tstruct %s_FR F_, *const F = &F_;\n\tmemset(&F_, 0, sizeof F_);\n", cn);
	for (uint32_t i = 0; i < f->nargs; i++)
		buf_printf(&f->decl, "\tF->a%u = a%u;\n", i, i);
}

static void filter_function(Fn *f, Buf *b)
{
	buf_printf(b, "static int32_t %s_filter(void *frame_, int32_t clause_, Object *exc_)\n{\n"
		   "\tstruct %s_FR *const F = frame_;\n", f->m->cname, f->m->cname);
	buf_puts(b, f->decl.s ? f->decl.s : "");
	buf_puts(b, "\tswitch (clause_) {\n");
	for (uint32_t i = 0; i < f->body.neh; i++)
		if (f->body.eh[i].kind == EH_FILTER)
			buf_printf(b, "\tcase %u: s0_o = exc_; goto L_%04x;\n", i,
				   f->body.eh[i].filter_off);
	buf_puts(b, "\t}\n\treturn 0;\n");
	buf_puts(b, f->out.s ? f->out.s : "");
	buf_puts(b, "}\n\n");
}

/* [MethodImpl(Synchronized)]: the method runs holding the monitor of
 * `this`, or of its type's Type object if static. The body becomes
 * NAME_locked; NAME takes the lock, calls it and lets go, whatever it
 * raised. (On a value type's method there is no object to lock.) */
static void synchronized_wrapper(Fn *f, Buf *b)
{
	Method *m = f->m;
	const char *lock = "(Object *)a0";
	if (!m->has_this) {
		Type *type = ty_corlib_type("System", "Type");
		Method *from = ty_find_method(type, "internal_from_handle", 1);
		reach_method(f->p, from, m, "the lock of a synchronized static method");
		reach_type(f->p, m->owner, TN_DESCRIPTOR, m);
		lock = arena_printf(&f->a, "%s((intptr_t)&%s_type)", from->cname, m->owner->cname);
	}
	emit_prototype(b, m);
	buf_printf(b, "\n{\n\tObject *lock_ = %s;\n\tif (!lock_) return %s;\n"
		   "\trt_mon_enter(lock_);\n", lock, m->ret->kind == TY_VOID ? "" : "0");
	buf_printf(b, "\tif (rt_pending) return%s;\n\t", m->ret->kind == TY_VOID ? "" : " 0");
	if (m->ret->kind != TY_VOID)
		buf_printf(b, "%s r_ = ", emit_ctype(m->ret));
	buf_printf(b, "%s_locked(", m->cname);
	uint32_t n = m->nparams + (m->has_this ? 1 : 0);
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "%sa%u", i ? ", " : "", i);
	buf_puts(b, ");\n\trt_mon_exit_method(lock_);\n");
	buf_puts(b, m->ret->kind == TY_VOID ? "}\n\n" : "\treturn r_;\n}\n\n");
}

static bool synchronized(Method *m)
{
	return (m->impl_flags & MI_SYNCHRONIZED) && !ty_is_valuetype(m->owner);
}

/* "T a0 = p0;" for each parameter (see assemble) */
static void param_copies(Fn *f, Buf *b)
{
	Method *m = f->m;
	uint32_t n = 0;
	if (m->has_this)
		buf_printf(b, "\t%s a%u = p%u;\n", emit_this_ctype(m->owner), n, n), n++;
	for (uint32_t i = 0; i < m->nparams; i++, n++)
		buf_printf(b, "\t%s a%u = p%u;\n", emit_ctype(m->params[i]), n, n);
}

/* The entry of a method whose tail calls may go through the trampoline
 * (il2c_calls.c, rt.h): called by a thunk that expects it, it runs the
 * body (`_tb`) and returns to that thunk's loop; else it runs the body
 * through its own thunk (`_tcS`, so that the body's frame is where its
 * tail callees' frames will be) in a loop that makes the calls the body
 * and its callees ask for. */
static void tramp_wrapper(Fn *f, Buf *b)
{
	Method *m = f->m;
	const char *name = m->cname, *ret = emit_ctype(m->ret);
	bool v = m->ret->kind == TY_VOID;
	uint32_t n = m->nparams + m->has_this;
	Buf args = {0};
	for (uint32_t i = 0; i < n; i++)
		buf_printf(&args, "%sa%u", i ? ", " : "", i);
	buf_puts(b, "RT_TAILCALLS ");           /* the call of the body jumps */
	if (m->impl_flags & MI_NOINLINING)
		buf_puts(b, "RT_NOINLINE ");
	emit_prototype_as(b, m, name, 'a');
	buf_printf(b, "\n{\n\tif (rt_tail_expect == (void *)&%s)\n\t\trt_tail_expect = (void *)&%s_tb;\n"
		   "\telse if (0%s) {\n\t\tstruct %s_tcS *r_ = rt_tail_buf();\n", name, name,
		   f->tramp_cond.s, name);
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "\t\tr_->a%u = a%u;\n", i, i);
	buf_printf(b, "\t\tr_->fn = (void *)&%s;\n\t\trt_tail_fn = (void *)&%s_tcS;\n", name, name);
	if (!v)
		buf_printf(b, "\t\t%s r_v;\n", ret);
	buf_printf(b, "\t\tdo {\n\t\t\t%s (*t_)(void) = (%s (*)(void))rt_tail_fn;\n"
		   "\t\t\trt_tail_fn = NULL;\n\t\t\t%st_();\n\t\t} while (rt_tail_fn);\n"
		   "\t\treturn%s;\n\t}\n", ret, ret, v ? "" : "r_v = ", v ? "" : " r_v");
	buf_printf(b, "\t%s%s_tb(%s);\n}\n\n", v ? "" : "return ", name, args.s ? args.s : "");
	buf_free(&args);
}

static void assemble(Fn *f, MethodState *ms)
{
	Buf *b = &ms->code;
	bool sync = synchronized(f->m) && ms->kind == BK_IL;
	bool tramp = f->tramp_cond.len > 0;
	if (tramp) {
		buf_puts(b, f->tramp.s);
		e_tail_thunk(b, arena_printf(&f->a, "%s_tcS", f->m->cname), f->m, f->m);
		buf_puts(b, "static RT_NOINLINE ");
	}
	if (sync)
		buf_puts(b, "static ");
	if (f->has_tail_calls)
		buf_puts(b, "RT_TAILCALLS ");
	/* a caller of StackTrace's or StackFrame's keeps its frame (stack.c) */
	if ((f->m->impl_flags & MI_NOINLINING) || ms->frame_sensitive)
		buf_puts(b, "RT_NOINLINE ");
	/* With tail. calls the parameters are p0, p1, ... and the body works
	 * on copies a0, a1, ... declared in its block (il2c_calls.c): an
	 * argument whose address was taken then ends with the block, and gcc
	 * can still make the calls after it jumps. */
	const char *name = sync ? arena_printf(&f->a, "%s_locked", f->m->cname) :
		tramp ? arena_printf(&f->a, "%s_tb", f->m->cname) : f->m->cname;
	emit_prototype_as(b, f->m, name, f->has_tail_calls ? 'p' : 'a');
	buf_puts(b, "\n{\n");
	if (f->has_tail_calls) {        /* il2c_calls.c: tail. calls */
		/* called by a trampoline's thunk (rt.h): so are its callees */
		buf_printf(b, "\tbool tv_ = rt_tail_expect == (void *)&%s;\n"
			   "\tif (RT_UNLIKELY(tv_))\n\t\trt_tail_expect = NULL;\n", name);
		buf_printf(b, "%s{\n", f->tail_vars.s ? f->tail_vars.s : "");
		param_copies(f, b);
	}
	buf_puts(b, f->decl.s ? f->decl.s : "");
	buf_puts(b, f->out.s ? f->out.s : "");
	if (f->has_tail_calls)
		buf_printf(b, "}\n%s", f->tail.s ? f->tail.s : "");
	buf_puts(b, "}\n\n");
	if (sync)
		synchronized_wrapper(f, b);
	if (tramp)
		tramp_wrapper(f, b);
	reach_state(f->m)->tail_entry = tramp;
}

static void method_name(Fn *f)
{
	Buf b = {0};
	buf_printf(&b, "%s::%s", f->m->owner->name, f->m->name);
	/* for the trace and diagnostics: no quotes or backslashes */
	for (char *s = b.s; *s; s++)
		if (*s == '"' || *s == '\\')
			*s = '\'';
	f->name = arena_strdup(&f->a, b.s);
	buf_free(&b);
}

static void stack_alloc(Fn *f, uint32_t n)
{
	f->stack_cap = n < STACK_MIN ? STACK_MIN : n;
	f->st = arena_alloc(&f->a, f->stack_cap * sizeof *f->st);
	f->declared = arena_alloc(&f->a, f->stack_cap);
	f->var_names = arena_alloc(&f->a, f->stack_cap * SK_VT * sizeof *f->var_names);
}

static void fn_init(Fn *f, Program *p, Method *m)
{
	*f = (Fn){ .p = p, .m = m, .img = m->img, .ctx = ty_ctx(m) };
	stack_alloc(f, 0);
	method_name(f);
	setup_args(f);
}

static void fn_free(Fn *f)
{
	for (uint32_t i = 0; f->fin_cases && i < f->body.neh; i++)
		buf_free(&f->fin_cases[i]);
	buf_free(&f->out);
	buf_free(&f->decl);
	buf_free(&f->tail);
	buf_free(&f->tail_vars);
	buf_free(&f->tramp);
	buf_free(&f->tramp_cond);
	free(f->vt_declared.v);
	arena_free(&f->a);
}

/* One pass over the IL: the method's function, or (filter_mode) the
 * function holding its filters. */
static void translate_il(Fn *f)
{
	f->invalid = true;              /* what il_check finds is bad IL */
	if (!md_body(f->m->img, &f->a, f->m->row, &f->body))
		e_fn_error(f, "method has no body");
	il_check(f->img, &f->body, f->name);
	f->invalid = false;
	/* a little over .maxstack: call sites may push a result first */
	if (f->body.max_stack + 16u > f->stack_cap)
		stack_alloc(f, f->body.max_stack + 16u);
	f->framed = has_filters(&f->body);
	f->lines = e_trace_lines(f);
	f->entry = arena_alloc(&f->a, (f->body.code_size + 1) * sizeof *f->entry);
	f->fin_cases = arena_alloc(&f->a, (f->body.neh + 1) * sizeof *f->fin_cases);
	setup_locals(f);
	if (f->framed && !f->filter_mode)
		frame_setup(f);
	translate(f);
	e_eh_epilogue(f);
}

/* The frame struct and the filter function (ff, in filter mode), ahead of
 * the method's own. */
static void emit_filters(Fn *ff, Buf *code)
{
	translate_il(ff);
	frame_struct(ff, code);
	filter_function(ff, code);
}

/* ---- invalid IL ---- */
/* As .NET's Native AOT does, a method whose IL breaks the rules (what
 * il_check finds, and what e_invalid says while translating) becomes a
 * throw of InvalidProgramException, which is what Mono's JIT raises when
 * it is called (BadImageFormatException for a MethodDef token out of
 * range, as Mono's loader); the build warns once and goes on. Other errors end the
 * build as before. */

/* Translates f's IL, and its filters (into `filters`, with ff); false,
 * with the error in diag_last, if the IL is bad. */
static bool translate_checked(Fn *f, Fn *ff, Buf *filters)
{
	jmp_buf jb, *outer = diag_jmp;
	bool quiet = diag_quiet;
	volatile bool ok = false;
	diag_quiet = true;
	if (diag_try(&jb) == 0) {
		translate_il(f);
		if (f->framed)
			emit_filters(ff, filters);
		ok = true;
	}
	diag_jmp = outer;
	diag_quiet = quiet;
	if (!ok && !f->invalid && !ff->invalid) {
		char msg[sizeof diag_last];
		memcpy(msg, diag_last, sizeof msg);
		fatal("%s", msg);
	}
	return ok;
}

/* A UTF-16 copy of ASCII s, for reach_literal (kept for the program). */
static Blob utf16_of(const char *s)
{
	size_t n = strlen(s);
	uint8_t *p = calloc(n ? 2 * n : 1, 1);
	if (!p)
		fatal("out of memory");
	for (size_t i = 0; i < n; i++)
		p[2 * i] = (uint8_t)s[i];
	return (Blob){ p, (uint32_t)(2 * n) };
}

/* The body: throw new System.`exc`(msg). */
static void invalid_body(Fn *f, const char *exc, const char *msg)
{
	Type *t = ty_corlib_type("System", exc);
	Method *ctor = ty_find_method(t, ".ctor", 1);
	if (!ctor)
		fatal("the class library's %s has no .ctor(string)", exc);
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_type(f->p, ty_string, TN_DESCRIPTOR, f->m);
	reach_method(f->p, ctor, f->m, "a method with invalid IL throws it");
	uint32_t lit = reach_literal(f->p, utf16_of(msg));
	e_out(f, "Object *e_ = %s;", e_new_expr(f, t));
	e_out(f, "if (e_) %s(e_, (Object *)&%s);", ctor->cname, reach_literal_name(f->p, lit));
	e_out(f, "if (!rt_pending) rt_exc_throw(e_);");
	e_out(f, "goto UNWIND;");
	f->throws = true;
	f->no_frame = true;
}

/* Warns and replaces what was translated of f by invalid_body. */
static void invalid_method(Fn *f, Program *p, Method *m)
{
	const char *where = diag_last;
	size_t n = strlen(f->img->path);
	if (!strncmp(where, f->img->path, n) && !strncmp(where + n, ": ", 2))
		where += n + 2;
	if (!strncmp(where, "method ", 7))
		where += 7;
	/* Mono's loader refuses a MethodDef token past the table's end */
	Token bad = il_bad_method_token;
	const char *exc = bad ? "BadImageFormatException" : "InvalidProgramException";
	fprintf(stderr, "ilcc: warning: %s; it throws %s if it runs\n", diag_last, exc);
	char *msg = bad ? arena_printf(&f->a, "Bad method token 0x%08x (out of bounds).", bad)
			: arena_printf(&f->a, "Invalid IL code in %s", where);
	Buf keep = {0};
	buf_puts(&keep, msg);
	fn_free(f);
	fn_init(f, p, m);
	invalid_body(f, exc, keep.s);
	buf_free(&keep);
	e_eh_epilogue(f);
}

/* ---- types Mono will not load ---- */
/* Mono loads the types of a method's signature and locals when it
 * compiles it: one it refuses (ty_load_failure) makes the method throw
 * TypeLoadException when it is called (mono/tests typeload-unaligned,
 * vt-sync-method). The message is the type's reason when an instruction
 * names the type (Mono's JIT refuses the class there), else, for a
 * failure found with the layout, which fails the variable first, the
 * exception's own ("": typeload-unaligned). */
static const char *load_failure_of(Fn *f, Type *t)
{
	const char *why = ty_load_failure(t);
	if (why && ty_load_fails_early(t)) {
		Type *e = t;
		while (e->elem)
			e = e->elem;
		if (!e_body_names(f, e))
			return "";
	}
	return why;
}

static const char *signature_load_failure(Fn *f)
{
	const char *why = ty_load_failure(f->m->ret);
	for (uint32_t i = 0; i < f->m->nparams && !why; i++)
		why = ty_load_failure(f->m->params[i]);
	if (!md_body(f->m->img, &f->a, f->m->row, &f->body))
		return why;
	if (why) {
		why = load_failure_of(f, f->m->ret);
		for (uint32_t i = 0; i < f->m->nparams && !why; i++)
			why = load_failure_of(f, f->m->params[i]);
		return why;
	}
	LocalsSig ls = sig_locals(f->img, &f->a, f->body.local_sig);
	for (uint32_t i = 0; i < ls.count && !why; i++)
		why = load_failure_of(f, ty_from_sig(f->img, ls.types[i], &f->ctx));
	return why;
}

/* The body: throw TypeLoadException(why) (or `kind`), or the
 * parameterless one for why "" (Fn.load_fail). */
static void load_failure_body(Fn *f, const char *why, int kind)
{
	Buf lit = {0};
	emit_c_string(&lit, why);
	emit_need_exception(f->p, kind);
	if (*why)
		e_out(f, "rt_exc_throw_msg(%s, %s); goto UNWIND;", emit_exception_id(kind), lit.s);
	else
		e_out(f, "rt_exc_throw_kind(%s); goto UNWIND;", emit_exception_id(kind));
	buf_free(&lit);
	f->throws = true;
	f->no_frame = true;
	e_eh_epilogue(f);
}

void emit_method(Program *p, Method *m)
{
	const char *why;
	MethodState *ms = reach_state(m);
	Fn f, ff;
	Buf filters = {0};
	fn_init(&f, p, m);
	fn_init(&ff, p, m);
	ff.filter_mode = true;
	ms->throws = true;              /* bodies other than IL: assume so */
	ms->null_this_throws = false;
	ms->keeps_this = false;         /* (a substitution may say otherwise) */
	if (ms->kind != BK_IL) {
		e_special_body(&f);
		ms->throws = ms->kind != BK_CONST;
		assemble(&f, ms);
	} else if ((why = signature_load_failure(&f))) {
		e_warn(&f, "a type in its signature or locals cannot be loaded; it throws "
		       "System.TypeLoadException when it runs, as in Mono");
		load_failure_body(&f, why, RT_EXC_TYPELOAD);
		assemble(&f, ms);
	} else if (!translate_checked(&f, &ff, &filters)) {
		invalid_method(&f, p, m);
		assemble(&f, ms);
	} else if (f.load_fail) {
		/* the instruction warned; Mono does not compile the method */
		why = arena_strdup(ty_arena(), f.load_fail);
		int kind = f.load_fail_image ? RT_EXC_BADIMAGE : RT_EXC_TYPELOAD;
		fn_free(&f);
		fn_init(&f, p, m);
		load_failure_body(&f, why, kind);
		assemble(&f, ms);
	} else {
		/* the monitor holds `this`; filters, outlined, may see it */
		f.leaks_this |= synchronized(m) || f.framed;
		ms->throws = f.throws;
		ms->null_this_throws = f.null_this_throws;
		ms->keeps_this = !f.leaks_this;
		buf_puts(&ms->code, filters.s ? filters.s : "");
		assemble(&f, ms);
	}
	buf_free(&filters);
	fn_free(&ff);
	fn_free(&f);
}
