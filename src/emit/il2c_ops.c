/* il2c_ops: arguments and locals, constants, arithmetic, comparisons,
 * conversions, branches and returns.
 *
 * Generated C is compiled with -fwrapv, so signed overflow wraps as IL
 * requires; shifts mask their count as x86-64 does (what Mono gives);
 * division checks for zero and for INT_MIN / -1 (DivideByZeroException,
 * OverflowException), which C leaves undefined.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

/* ---- locals and arguments ---- */

static bool vars(Fn *f, const Instr *in)
{
	uint32_t i = (uint32_t)in->i;
	switch (in->op) {
	case OP_LDARG_0: case OP_LDARG_1: case OP_LDARG_2: case OP_LDARG_3:
		i = in->op - OP_LDARG_0;
		/* fallthrough */
	case OP_LDARG_S: case OP_LDARG:
		e_load_var(f, e_arg_type(f, i), e_arg_name(f, i));
		e_top(f, 0)->self = i == 0 && f->m->has_this && !ty_is_valuetype(f->m->owner);
		e_top(f, 0)->is_this = i == 0 && f->this_fixed;
		e_spec_arg(f, i);
		e_top(f, 0)->len = f->arg_len[i];
		return true;
	case OP_LDLOC_0: case OP_LDLOC_1: case OP_LDLOC_2: case OP_LDLOC_3:
		i = in->op - OP_LDLOC_0;
		/* fallthrough */
	case OP_LDLOC_S: case OP_LDLOC:
		e_load_var(f, e_local_type(f, i), e_loc_name(f, i));
		e_top(f, 0)->known = f->local_known[i].known;
		e_top(f, 0)->kmethod = f->local_known[i].kmethod;
		e_top(f, 0)->exact = f->local_known[i].exact;
		e_top(f, 0)->dam = f->local_known[i].dam;
		e_top(f, 0)->cands = f->local_known[i].cands;
		e_top(f, 0)->ncands = f->local_known[i].ncands;
		/* a Type[] stored there, or a copy of another local's */
		e_top(f, 0)->elems_any = f->local_known[i].elems ? f->local_known[i].elems :
					 f->local_known[i].elems_any;
		e_top(f, 0)->nelems_any = f->local_known[i].elems ? f->local_known[i].nelems :
					  f->local_known[i].nelems_any;
		/* its elements by position too (il2c_reflect.c by_position) */
		e_top(f, 0)->efacts = f->local_known[i].elems ? f->local_known[i].efacts : NULL;
		e_top(f, 0)->sub_of = f->local_known[i].sub_of;
		e_top(f, 0)->len = f->loc_len[i];
		e_top(f, 0)->from_loc = (uint16_t)(i + 1);
		/* locals start zeroed: written once with zero, zero everywhere */
		if (f->local_known[i].has_cval && !f->local_known[i].cval)
			e_top(f, 0)->has_cval = true, e_top(f, 0)->cval = 0;
		return true;
	case OP_STLOC_0: case OP_STLOC_1: case OP_STLOC_2: case OP_STLOC_3:
		i = in->op - OP_STLOC_0;
		/* fallthrough */
	case OP_STLOC_S: case OP_STLOC:
		if (i < f->nlocals && f->local_once[i])
			f->local_known[i] = *e_top(f, 0);
		e_store_var(f, e_local_type(f, i), e_loc_name(f, i));
		e_store_len(f, f->loc_len[i], e_loc_name(f, i));
		return true;
	case OP_STARG_S: case OP_STARG:
		e_store_var(f, e_arg_type(f, i), e_arg_name(f, i));
		e_store_len(f, f->arg_len[i], e_arg_name(f, i));
		f->leaks_this |= i == 0;        /* ldarg.0 is `this` no more */
		return true;
	case OP_LDARGA_S: case OP_LDARGA:
		e_load_addr(f, e_arg_type(f, i), e_arg_name(f, i));
		f->leaks_this |= i == 0;
		return true;
	case OP_LDLOCA_S: case OP_LDLOCA:
		e_load_addr(f, e_local_type(f, i), e_loc_name(f, i));
		return true;
	default:
		return false;
	}
}

/* ---- constants ---- */
/* A NaN keeps its bits (sign and payload): C's NAN is 0x7ff8..., while
 * compilers write double.NaN as 0.0/0.0 computed on x86, 0xfff8..., and
 * BinaryWriter, BitConverter and GetHashCode see the difference. */
static void put_nan(Buf *b, double v, bool r4)
{
	if (r4) {
		float f = (float)v;
		uint32_t u;
		memcpy(&u, &f, sizeof u);
		buf_printf(b, "((union { uint32_t u; float f; }){ .u = 0x%08" PRIx32 "u }).f", u);
	} else {
		uint64_t u;
		memcpy(&u, &v, sizeof u);
		buf_printf(b, "((union { uint64_t u; double d; }){ .u = 0x%016" PRIx64 "ULL }).d", u);
	}
}

static void put_double(Buf *b, double v, bool r4)
{
	if (isnan(v))
		put_nan(b, v, r4);
	else if (isinf(v))
		buf_puts(b, v > 0 ? "(double)INFINITY" : "-(double)INFINITY");
	else
		buf_printf(b, "%a", v);
}

static bool constants(Fn *f, const Instr *in)
{
	Buf b = {0};
	switch (in->op) {
	case OP_LDC_I4_M1: case OP_LDC_I4_0: case OP_LDC_I4_1: case OP_LDC_I4_2:
	case OP_LDC_I4_3: case OP_LDC_I4_4: case OP_LDC_I4_5: case OP_LDC_I4_6:
	case OP_LDC_I4_7: case OP_LDC_I4_8:
		e_out(f, "%s = %d;", e_push(f, SK_I4, ty_prim[TY_I4]), (int)(in->op - OP_LDC_I4_0));
		e_top(f, 0)->has_cval = true;
		e_top(f, 0)->cval = (int32_t)(in->op - OP_LDC_I4_0);
		return true;
	case OP_LDC_I4_S: case OP_LDC_I4:
		e_out(f, "%s = (int32_t)%lldLL;", e_push(f, SK_I4, ty_prim[TY_I4]), (long long)in->i);
		e_top(f, 0)->has_cval = true;
		e_top(f, 0)->cval = (int32_t)in->i;
		return true;
	case OP_LDC_I8:
		e_out(f, "%s = (int64_t)%lluULL;", e_push(f, SK_I8, ty_prim[TY_I8]),
		      (unsigned long long)in->i);
		e_top(f, 0)->has_cval = (int64_t)in->i == (int32_t)in->i;
		e_top(f, 0)->cval = (int32_t)in->i;
		return true;
	case OP_LDC_R4: case OP_LDC_R8:
		put_double(&b, in->r, in->op == OP_LDC_R4);
		if (in->op == OP_LDC_R4)
			e_out(f, "%s = (float)%s;", e_push(f, SK_F4, ty_prim[TY_R4]), b.s);
		else
			e_out(f, "%s = %s;", e_push(f, SK_F8, ty_prim[TY_R8]), b.s);
		buf_free(&b);
		return true;
	case OP_LDNULL:
		e_out(f, "%s = NULL;", e_push(f, SK_O, ty_object));
		return true;
	default:
		return false;
	}
}

/* ---- arithmetic ---- */
/* The kind of a binary numeric result (§III.1.5 table 2), with F4 kept. */
static StackKind binary_kind(Fn *f, StackKind a, StackKind b)
{
	if (a == b && a != SK_O && a != SK_VT)
		return a == SK_P ? SK_IP : a;
	if ((a == SK_F4 || a == SK_F8) && (b == SK_F4 || b == SK_F8))
		return SK_F8;
	if ((a == SK_I4 && b == SK_IP) || (a == SK_IP && b == SK_I4))
		return SK_IP;
	/* not in the table, but Mono accepts it: the narrower one widens
	 * (native int is 64 bits here) */
	if ((a == SK_I8 && (b == SK_I4 || b == SK_IP)) || (b == SK_I8 && (a == SK_I4 || a == SK_IP)))
		return SK_I8;
	if (a == SK_P && (b == SK_I4 || b == SK_IP))
		return SK_P;
	if (b == SK_P && (a == SK_I4 || a == SK_IP))
		return SK_P;
	e_invalid(f, "arithmetic on incompatible stack types");
}

static const char *const unsigned_of[] = {
	[SK_I4] = "uint32_t", [SK_I8] = "uint64_t", [SK_IP] = "uintptr_t",
	[SK_P] = "uintptr_t",
};

static const char *kctype(StackKind k)
{
	static const char *const ct[] = {
		[SK_I4] = "int32_t", [SK_I8] = "int64_t", [SK_IP] = "intptr_t",
		[SK_F4] = "float", [SK_F8] = "double", [SK_O] = "Object *", [SK_P] = "char *",
	};
	return ct[k];
}

static void binop(Fn *f, const char *op, bool is_unsigned)
{
	StackKind k = binary_kind(f, e_top(f, 1)->k, e_top(f, 0)->k);
	if (k == SK_P && (*op != '+' && *op != '-'))
		k = SK_IP;
	if (k == SK_P && *op == '-' && e_top(f, 0)->k == SK_P)
		k = SK_IP;              /* pointer difference */
	Type *t = k == SK_P ? (e_top(f, 1)->k == SK_P ? e_top(f, 1)->t : e_top(f, 0)->t) : NULL;
	const char *a = e_sv(f, 1), *b = e_sv(f, 0);
	const char *ct = is_unsigned ? unsigned_of[k] : kctype(k);
	if (k == SK_P)
		ct = "intptr_t";
	e_pop(f, 2);
	const char *d = e_push(f, k, t);
	e_out(f, "%s = (%s)((%s)%s %s (%s)%s);", d, kctype(k), ct, a, op, ct, b);
}

/* A constant divisor other than 0 (and -1, when signed) cannot make the
 * division throw: no test, and the method may be one that cannot throw.
 * (A constant's Slot.cval is its value whatever its kind: see convert.) */
static bool safe_divisor(const Slot *b, bool is_unsigned)
{
	return b->has_cval && b->cval != 0 && (is_unsigned || b->cval != -1);
}

static void divide(Fn *f, const char *op, bool is_unsigned)
{
	StackKind k = binary_kind(f, e_top(f, 1)->k, e_top(f, 0)->k);
	if (k == SK_P)
		k = SK_IP;
	const char *a = e_sv(f, 1), *b = e_sv(f, 0);
	if (k == SK_F4 || k == SK_F8) {
		e_pop(f, 2);
		const char *d = e_push(f, k, NULL);
		if (*op == '%')
			e_out(f, "%s = fmod(%s, %s);", d, a, b);
		else
			e_out(f, "%s = %s / %s;", d, a, b);
		return;
	}
	const char *ct = is_unsigned ? unsigned_of[k] : kctype(k);
	if (safe_divisor(e_top(f, 0), is_unsigned)) {
		e_pop(f, 2);
		const char *d = e_push(f, k, NULL);
		e_out(f, "%s = (%s)((%s)%s %s (%s)%s);", d, kctype(k), ct, a, op, ct, b);
		return;
	}
	e_out(f, "if (RT_UNLIKELY((%s)%s == 0)) RT_THROW(RT_EXC_DIVZERO, %s);", ct, b, e_fail(f));
	if (!is_unsigned) {
		/* MIN / -1 and MIN % -1: OverflowException, as Mono raises */
		const char *min = k == SK_I4 ? "INT32_MIN" : k == SK_I8 ? "INT64_MIN" : "INTPTR_MIN";
		e_out(f, "if (RT_UNLIKELY((%s)%s == -1 && (%s)%s == %s)) RT_THROW(RT_EXC_OVERFLOW, %s);",
		      ct, b, ct, a, min, e_fail(f));
	}
	e_pop(f, 2);
	const char *d = e_push(f, k, NULL);
	e_out(f, "%s = (%s)((%s)%s %s (%s)%s);", d, kctype(k), ct, a, op, ct, b);
}

static void shift(Fn *f, const char *op, bool is_unsigned)
{
	StackKind k = e_top(f, 1)->k;
	const char *a = e_sv(f, 1), *b = e_sv(f, 0);
	unsigned bits = k == SK_I4 ? 31 : 63;
	const char *ct = is_unsigned || *op == '<' ? unsigned_of[k] : kctype(k);
	e_pop(f, 2);
	const char *d = e_push(f, k, NULL);
	e_out(f, "%s = (%s)((%s)%s %s ((int)%s & %u));", d, kctype(k), ct, a, op, b, bits);
}

/* add.ovf, sub.ovf, mul.ovf and their .un forms. */
static void checked(Fn *f, const char *builtin, bool is_unsigned)
{
	StackKind k = binary_kind(f, e_top(f, 1)->k, e_top(f, 0)->k);
	const char *a = e_sv(f, 1), *b = e_sv(f, 0);
	const char *ct = is_unsigned ? unsigned_of[k] : kctype(k);
	if (k == SK_P)
		ct = is_unsigned ? "uintptr_t" : "intptr_t";
	e_pop(f, 2);
	const char *d = e_push(f, k, NULL);
	e_out(f, "{ %s r_; if (RT_UNLIKELY(__builtin_%s_overflow((%s)%s, (%s)%s, &r_)))"
	      " RT_THROW(RT_EXC_OVERFLOW, %s); %s = (%s)r_; }", ct, builtin, ct, a, ct, b,
	      e_fail(f), d, kctype(k));
}

static void unop(Fn *f, const char *op)
{
	StackKind k = e_top(f, 0)->k;
	const char *a = e_sv(f, 0);
	e_pop(f, 1);
	const char *d = e_push(f, k, NULL);
	if (k == SK_F4 || k == SK_F8)
		e_out(f, "%s = %s%s;", d, op, a);
	else
		e_out(f, "%s = (%s)(%s(%s)%s);", d, kctype(k), op, unsigned_of[k], a);
}

static bool arithmetic(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_ADD: binop(f, "+", true); return true;
	case OP_SUB: binop(f, "-", true); return true;
	case OP_MUL: binop(f, "*", true); return true;
	case OP_AND: binop(f, "&", true); return true;
	case OP_OR: binop(f, "|", true); return true;
	case OP_XOR: binop(f, "^", true); return true;
	case OP_DIV: divide(f, "/", false); return true;
	case OP_DIV_UN: divide(f, "/", true); return true;
	case OP_REM: divide(f, "%", false); return true;
	case OP_REM_UN: divide(f, "%", true); return true;
	case OP_SHL: shift(f, "<<", false); return true;
	case OP_SHR: shift(f, ">>", false); return true;
	case OP_SHR_UN: shift(f, ">>", true); return true;
	case OP_NEG: unop(f, "-"); return true;
	case OP_NOT: unop(f, "~"); return true;
	case OP_ADD_OVF: checked(f, "add", false); return true;
	case OP_ADD_OVF_UN: checked(f, "add", true); return true;
	case OP_SUB_OVF: checked(f, "sub", false); return true;
	case OP_SUB_OVF_UN: checked(f, "sub", true); return true;
	case OP_MUL_OVF: checked(f, "mul", false); return true;
	case OP_MUL_OVF_UN: checked(f, "mul", true); return true;
	default: return false;
	}
}

/* float binops need the float (not the integer) form */
static bool float_arith(Fn *f, const Instr *in)
{
	static const struct { Opcode op; const char *c; } ops[] = {
		{ OP_ADD, "+" }, { OP_SUB, "-" }, { OP_MUL, "*" },
	};
	StackKind a = f->sp >= 2 ? e_top(f, 1)->k : SK_NONE;
	if (a != SK_F4 && a != SK_F8)
		return false;
	for (unsigned i = 0; i < countof(ops); i++) {
		if (in->op != ops[i].op)
			continue;
		StackKind k = binary_kind(f, e_top(f, 1)->k, e_top(f, 0)->k);
		const char *x = e_sv(f, 1), *y = e_sv(f, 0);
		e_pop(f, 2);
		e_out(f, "%s = %s %s %s;", e_push(f, k, NULL), x, ops[i].c, y);
		return true;
	}
	return false;
}

/* ---- comparisons ---- */
/* A C condition comparing the two top values; `un` selects unsigned
 * integers and unordered floats (§III.1.5). */
static const char *condition(Fn *f, const char *op, bool un)
{
	Slot *x = e_top(f, 1), *y = e_top(f, 0);
	const char *a = e_sv(f, 1), *b = e_sv(f, 0);
	bool flt = x->k == SK_F4 || x->k == SK_F8;
	if (flt) {
		if (!un)
			return arena_printf(&f->a, "(%s %s %s)", a, op, b);
		static const struct { const char *op, *neg; } inv[] = {
			{ "<", ">=" }, { ">", "<=" }, { "<=", ">" }, { ">=", "<" },
			{ "==", "!=" }, { "!=", "!=" },
		};
		for (unsigned i = 0; i < countof(inv); i++)
			if (!strcmp(op, inv[i].op))
				return !strcmp(op, "!=") ?
					arena_printf(&f->a, "!(%s == %s)", a, b) :
					arena_printf(&f->a, "!(%s %s %s)", a, inv[i].neg, b);
	}
	StackKind k = x->k == SK_O || x->k == SK_P ? SK_IP : x->k;
	if (y->k == SK_I8 || x->k == SK_I8)
		k = SK_I8;
	else if (y->k == SK_IP || y->k == SK_P || y->k == SK_O)
		k = SK_IP;
	const char *ct = un ? unsigned_of[k] : kctype(k);
	return arena_printf(&f->a, "((%s)%s %s (%s)%s)", ct, a, op, ct, b);
}

static bool compare(Fn *f, const Instr *in)
{
	static const struct { Opcode op; const char *c; bool un; } ops[] = {
		{ OP_CEQ, "==", false }, { OP_CGT, ">", false }, { OP_CGT_UN, ">", true },
		{ OP_CLT, "<", false }, { OP_CLT_UN, "<", true },
	};
	for (unsigned i = 0; i < countof(ops); i++) {
		if (in->op != ops[i].op)
			continue;
		const char *c = condition(f, ops[i].c, ops[i].un);
		e_pop(f, 2);
		e_out(f, "%s = %s;", e_push(f, SK_I4, ty_prim[TY_I4]), c);
		return true;
	}
	return false;
}

/* ---- branches ---- */
static const struct { Opcode s, l; const char *c; bool un; } cond_branches[] = {
	{ OP_BEQ_S, OP_BEQ, "==", false }, { OP_BGE_S, OP_BGE, ">=", false },
	{ OP_BGT_S, OP_BGT, ">", false }, { OP_BLE_S, OP_BLE, "<=", false },
	{ OP_BLT_S, OP_BLT, "<", false }, { OP_BNE_UN_S, OP_BNE_UN, "!=", true },
	{ OP_BGE_UN_S, OP_BGE_UN, ">=", true }, { OP_BGT_UN_S, OP_BGT_UN, ">", true },
	{ OP_BLE_UN_S, OP_BLE_UN, "<=", true }, { OP_BLT_UN_S, OP_BLT_UN, "<", true },
};

/* `x op y` on two int32 constants, unsigned if un (except ==, !=). */
static bool holds(const char *op, bool un, int32_t x, int32_t y)
{
	int64_t a = un ? (int64_t)(uint32_t)x : x, b = un ? (int64_t)(uint32_t)y : y;
	if (!strcmp(op, "==")) return a == b;
	if (!strcmp(op, "!=")) return a != b;
	if (!strcmp(op, ">=")) return a >= b;
	if (!strcmp(op, ">")) return a > b;
	if (!strcmp(op, "<=")) return a <= b;
	return a < b;
}

static void cond_jump(Fn *f, const char *cond, uint32_t target)
{
	e_save_entry(f, target);
	e_out(f, "if (%s) goto L_%04x;", cond, target);
}

/* A branch on constants (a feature switch that is off, an argument a
 * copy was made for: il2c_spec.c):
 * taken, it is a plain jump; not taken, nothing. The side not taken is
 * then reached by no path, and il2c leaves it out (il2c_body.c). */
static void fold_branch(Fn *f, bool taken, uint32_t target)
{
	e_pop(f, 1);
	if (!taken)
		return;
	e_jump(f, target);
	f->reachable = false;
}

static void switch_(Fn *f, const Instr *in)
{
	if (e_top(f, 0)->has_cval) {
		uint32_t i = (uint32_t)e_top(f, 0)->cval;
		if (i < in->ncases) {
			fold_branch(f, true, il_switch_target(in, i));
		} else {
			e_pop(f, 1);
		}
		return;
	}
	const char *v = e_sv(f, 0);
	e_pop(f, 1);
	e_out(f, "switch ((uint32_t)%s) {", v);
	for (uint32_t i = 0; i < in->ncases; i++) {
		uint32_t t = il_switch_target(in, i);
		e_save_entry(f, t);
		e_out(f, "case %u: goto L_%04x;", i, t);
	}
	e_out(f, "}");
}

static bool branches(Fn *f, const Instr *in)
{
	for (unsigned i = 0; i < countof(cond_branches); i++) {
		if (in->op != cond_branches[i].s && in->op != cond_branches[i].l)
			continue;
		Slot *x = e_top(f, 1), *y = e_top(f, 0);
		if (x->has_cval && y->has_cval && x->k == SK_I4 && y->k == SK_I4) {
			e_pop(f, 1);
			fold_branch(f, holds(cond_branches[i].c, cond_branches[i].un, x->cval,
					     y->cval), in->target);
			return true;
		}
		const char *c = condition(f, cond_branches[i].c, cond_branches[i].un);
		e_pop(f, 2);
		cond_jump(f, c, in->target);
		return true;
	}
	switch (in->op) {
	case OP_BR_S: case OP_BR:
		e_jump(f, in->target);
		f->reachable = false;
		return true;
	case OP_BRTRUE_S: case OP_BRTRUE: case OP_BRFALSE_S: case OP_BRFALSE: {
		bool t = in->op == OP_BRTRUE_S || in->op == OP_BRTRUE;
		if (e_top(f, 0)->has_cval) {
			fold_branch(f, t == (e_top(f, 0)->cval != 0), in->target);
			return true;
		}
		const char *v = e_sv(f, 0);
		e_pop(f, 1);
		cond_jump(f, arena_printf(&f->a, "%s%s", t ? "" : "!", v), in->target);
		return true;
	}
	case OP_SWITCH:
		switch_(f, in);
		return true;
	default:
		return false;
	}
}

/* ---- conversions ---- */
typedef struct Conv {
	Opcode op;
	StackKind to;
	const char *ct;                 /* C type the value is narrowed to */
	double lo, hi;                  /* .ovf: the range */
	bool ovf, from_un;
} Conv;

#define I8MIN -9223372036854775808.0
#define I8MAX 9223372036854775807.0
#define U8MAX 18446744073709551615.0
static const Conv convs[] = {
	{ OP_CONV_I1, SK_I4, "int8_t" }, { OP_CONV_I2, SK_I4, "int16_t" },
	{ OP_CONV_I4, SK_I4, "int32_t" }, { OP_CONV_I8, SK_I8, "int64_t" },
	{ OP_CONV_U1, SK_I4, "uint8_t" }, { OP_CONV_U2, SK_I4, "uint16_t" },
	{ OP_CONV_U4, SK_I4, "uint32_t" }, { OP_CONV_U8, SK_I8, "uint64_t" },
	{ OP_CONV_I, SK_IP, "intptr_t" }, { OP_CONV_U, SK_IP, "uintptr_t" },
	{ OP_CONV_R4, SK_F4, "float" }, { OP_CONV_R8, SK_F8, "double" },
	{ OP_CONV_R_UN, SK_F8, "double", 0, 0, false, true },
	{ OP_CONV_OVF_I1, SK_I4, "int8_t", -128, 127, true },
	{ OP_CONV_OVF_I2, SK_I4, "int16_t", -32768, 32767, true },
	{ OP_CONV_OVF_I4, SK_I4, "int32_t", -2147483648.0, 2147483647.0, true },
	{ OP_CONV_OVF_I8, SK_I8, "int64_t", I8MIN, I8MAX, true },
	{ OP_CONV_OVF_U1, SK_I4, "uint8_t", 0, 255, true },
	{ OP_CONV_OVF_U2, SK_I4, "uint16_t", 0, 65535, true },
	{ OP_CONV_OVF_U4, SK_I4, "uint32_t", 0, 4294967295.0, true },
	{ OP_CONV_OVF_U8, SK_I8, "uint64_t", 0, U8MAX, true },
	{ OP_CONV_OVF_I, SK_IP, "intptr_t", I8MIN, I8MAX, true },
	{ OP_CONV_OVF_U, SK_IP, "uintptr_t", 0, U8MAX, true },
	{ OP_CONV_OVF_I1_UN, SK_I4, "int8_t", -128, 127, true, true },
	{ OP_CONV_OVF_I2_UN, SK_I4, "int16_t", -32768, 32767, true, true },
	{ OP_CONV_OVF_I4_UN, SK_I4, "int32_t", -2147483648.0, 2147483647.0, true, true },
	{ OP_CONV_OVF_I8_UN, SK_I8, "int64_t", I8MIN, I8MAX, true, true },
	{ OP_CONV_OVF_U1_UN, SK_I4, "uint8_t", 0, 255, true, true },
	{ OP_CONV_OVF_U2_UN, SK_I4, "uint16_t", 0, 65535, true, true },
	{ OP_CONV_OVF_U4_UN, SK_I4, "uint32_t", 0, 4294967295.0, true, true },
	{ OP_CONV_OVF_U8_UN, SK_I8, "uint64_t", 0, U8MAX, true, true },
	{ OP_CONV_OVF_I_UN, SK_IP, "intptr_t", I8MIN, I8MAX, true, true },
	{ OP_CONV_OVF_U_UN, SK_IP, "uintptr_t", 0, U8MAX, true, true },
};

/* Float to integer without a check: what Mono gives for out-of-range input. */
static const char *float_to_int(Fn *f, const Conv *c, const char *v)
{
	if (!strcmp(c->ct, "int64_t") || !strcmp(c->ct, "intptr_t"))
		return arena_printf(&f->a, "rt_f2i8(%s)", v);
	if (!strcmp(c->ct, "uint64_t") || !strcmp(c->ct, "uintptr_t"))
		return arena_printf(&f->a, "rt_f2u8(%s)", v);
	if (!strcmp(c->ct, "uint32_t"))
		return arena_printf(&f->a, "rt_f2u4(%s)", v);
	return arena_printf(&f->a, "(%s)rt_f2i4(%s)", c->ct, v);
}

/* The C limits of each integer type, for .ovf range checks. */
static const struct { const char *ct, *lo, *hi; } limits[] = {
	{ "int8_t", "INT8_MIN", "INT8_MAX" }, { "int16_t", "INT16_MIN", "INT16_MAX" },
	{ "int32_t", "INT32_MIN", "INT32_MAX" }, { "int64_t", "INT64_MIN", "INT64_MAX" },
	{ "intptr_t", "INTPTR_MIN", "INTPTR_MAX" }, { "uint8_t", "0", "UINT8_MAX" },
	{ "uint16_t", "0", "UINT16_MAX" }, { "uint32_t", "0", "UINT32_MAX" },
	{ "uint64_t", "0", "UINT64_MAX" }, { "uintptr_t", "0", "UINTPTR_MAX" },
};

/* The range check of a .ovf conversion from an integer, compared in 128
 * bits, which holds every value of both types exactly. */
static void int_range(Fn *f, const Conv *c, StackKind from, const char *v)
{
	StackKind k = from == SK_P || from == SK_O ? SK_IP : from;
	const char *src = c->from_un ? unsigned_of[k] : kctype(k);
	for (unsigned i = 0; i < countof(limits); i++)
		if (!strcmp(limits[i].ct, c->ct))
			e_out(f, "if (RT_UNLIKELY((__int128)(%s)%s < (__int128)%s ||"
			      " (__int128)(%s)%s > (__int128)%s)) RT_THROW(RT_EXC_OVERFLOW, %s);",
			      src, v, limits[i].lo, src, v, limits[i].hi, e_fail(f));
}

/* A widening of an int32 constant that keeps its value (conv.i8 of any,
 * conv.u8 of a non-negative one) leaves the result a known constant. */
static void keep_constant(Fn *f, const Conv *c, const Slot *was)
{
	bool widen = c->to == SK_I8 || c->to == SK_IP;
	bool keeps = c->ct[0] == 'i' ? !c->from_un : was->cval >= 0;
	if (was->k == SK_I4 && was->has_cval && widen && keeps) {
		e_top(f, 0)->has_cval = true;
		e_top(f, 0)->cval = was->cval;
	}
}

static void convert(Fn *f, const Conv *c)
{
	Slot *s = e_top(f, 0);
	StackKind from = s->k;
	const char *v = e_sv(f, 0);
	bool flt = from == SK_F4 || from == SK_F8;
	const char *expr;
	if (c->to == SK_F4 || c->to == SK_F8) {
		if (c->from_un && !flt)
			expr = arena_printf(&f->a, "(%s)(%s)%s", c->ct, unsigned_of[from == SK_P ? SK_IP : from], v);
		else
			expr = arena_printf(&f->a, "(%s)%s", c->ct, v);
	} else if (flt) {
		if (c->ovf)
			e_out(f, "if (RT_UNLIKELY(!rt_f_in(%s, %.1f, %.1f))) RT_THROW(RT_EXC_OVERFLOW, %s);",
			      v, c->lo, c->hi, e_fail(f));
		expr = float_to_int(f, c, v);
	} else {
		if (c->ovf)
			int_range(f, c, from, v);
		/* conv.u, conv.u8 (and .un forms) widen an int32 without its sign */
		bool widen_unsigned = from == SK_I4 && (c->ct[0] == 'u' || c->from_un) &&
			(c->to == SK_I8 || c->to == SK_IP);
		expr = arena_printf(&f->a, "(%s)%s%s", c->ct, widen_unsigned ? "(uint32_t)" : "", v);
	}
	Slot was = *s;
	e_pop(f, 1);
	const char *d = e_push(f, c->to, NULL);
	e_out(f, "%s = (%s)%s;", d, kctype(c->to), expr);
	keep_constant(f, c, &was);
}

static bool conversions(Fn *f, const Instr *in)
{
	for (unsigned i = 0; i < countof(convs); i++)
		if (convs[i].op == in->op) {
			convert(f, &convs[i]);
			return true;
		}
	if (in->op == OP_CKFINITE) {
		emit_need_exception(f->p, RT_EXC_ARITH);
		const char *v = e_sv(f, 0);
		e_out(f, "if (RT_UNLIKELY(!isfinite(%s))) RT_THROW(RT_EXC_ARITH, %s);", v, e_fail(f));
		return true;
	}
	return false;
}

/* ---- stack and returns ---- */
static void ret(Fn *f)
{
	Type *rt = f->m->ret;
	uint32_t want = rt->kind != TY_VOID;
	if (f->sp != want)
		e_invalid(f, "ret with %u value%s on the stack, where the method"
			  " returns %s", f->sp, f->sp == 1 ? "" : "s", want ? "one" : "none");
	if (rt->kind == TY_VOID) {
		e_out(f, "return;");
	} else {
		e_dam_return(f, e_top(f, 0));
		e_check_assign(f, 0, rt, "ret");
		e_out(f, "return %s;", e_as_type(f, 0, rt));
		e_pop(f, 1);
	}
	f->reachable = false;
}

static bool stack_ops(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_NOP: case OP_BREAK:
		return true;
	case OP_DUP: {
		Slot s = *e_top(f, 0);
		const char *v = e_sv(f, 0);
		const char *d = e_push(f, s.k, s.t);
		*e_top(f, 0) = s;       /* what is known about it, too */
		e_out(f, "%s = %s;", d, v);
		return true;
	}
	case OP_POP:
		e_keep_this(f, 0);
		e_pop(f, 1);
		return true;
	case OP_RET:
		ret(f);
		return true;
	default:
		return false;
	}
}

bool e_ops(Fn *f, const Instr *in)
{
	return vars(f, in) || constants(f, in) || float_arith(f, in) ||
	       arithmetic(f, in) || compare(f, in) || branches(f, in) ||
	       conversions(f, in) || stack_ops(f, in);
}
