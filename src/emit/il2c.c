/* il2c: one method's IL to one C function.
 *
 * Requires: a reached Method with an IL body; the type system. Produces: the
 * C text of the function in the method's MethodState, and, through reach_*,
 * everything the code uses (callees, types, literals).
 *
 * The evaluation stack becomes C variables named by depth and kind (s2_i4,
 * s0_o, s1_T12_Point), so that at a join every path leaves its values in
 * the same variables; the C compiler turns them into registers. Basic blocks
 * are labels (L_001a). The stack state at each branch target is recorded
 * the first time a branch reaches it; IL's rules (§III.1.7.5) guarantee
 * that one pass in offset order sees every target's state before its code.
 *
 * Exceptions follow DESIGN.md: a throw sets rt_pending and jumps to the
 * dispatch label of the innermost enclosing try (D<clause>), which tests the
 * clause and falls to the next enclosing one, and finally to UNWIND, which
 * records the frame in the trace and returns. `leave` through finally
 * blocks sets a continuation number per finally and jumps to it;
 * `endfinally` switches on it (the switch is written after the body, once
 * every leave is known).
 */
#include "il2c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void e_fn_error(Fn *f, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	md_error(f->img, "method %s: IL_%04x: %s", f->name, f->off, msg);
}

void e_invalid(Fn *f, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	f->invalid = true;
	e_fn_error(f, "%s", msg);
}

void e_warn_in(Fn *f, const char *method, const char *msg)
{
	fprintf(stderr, "ilcc: warning: %s: method %s: IL_%04x: %s\n", f->img->path,
		method, f->off, msg);
}

/* Each instruction is translated once (filter blocks only in filter
 * mode), so each warning is said once per instantiation. */
void e_warn(Fn *f, const char *msg)
{
	e_warn_in(f, f->name, msg);
}

void e_out(Fn *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_putc(&f->out, '\t');
	buf_vprintf(&f->out, fmt, ap);
	buf_putc(&f->out, '\n');
	va_end(ap);
}

/* ---- stack variables ---- */
static const char *const kind_suffix[] = {
	[SK_I4] = "i4", [SK_I8] = "i8", [SK_IP] = "ip", [SK_F4] = "f4",
	[SK_F8] = "f8", [SK_O] = "o", [SK_P] = "p",
};
static const char *const kind_name[] = {
	[SK_I4] = "an int32", [SK_I8] = "an int64", [SK_IP] = "a native int",
	[SK_F4] = "a float", [SK_F8] = "a float", [SK_O] = "an object reference",
	[SK_P] = "a pointer", [SK_VT] = "a value type",
};
/* Stack kinds that assignment (§III.1.8.1.3) never mixes: objects,
 * value types and floats each with only their own kind; the integer
 * kinds and pointers mix, as unsafe code and Mono allow. */
static int kind_class(StackKind k)
{
	return k == SK_O ? 1 : k == SK_VT ? 2 : k == SK_F4 || k == SK_F8 ? 3 : 0;
}

const char *e_kind_name(StackKind k) { return kind_name[k]; }

static const char *const kind_ctype[] = {
	[SK_I4] = "int32_t", [SK_I8] = "int64_t", [SK_IP] = "intptr_t",
	[SK_F4] = "float", [SK_F8] = "double", [SK_O] = "Object *", [SK_P] = "char *",
};

const char *e_var_at(Fn *f, uint32_t d, const Slot *s)
{
	if (s->k != SK_VT) {
		if (!(f->declared[d] & (1u << s->k))) {
			f->declared[d] |= 1u << s->k;
			buf_printf(&f->decl, "\t%s s%u_%s = 0;\n", kind_ctype[s->k], d,
				   kind_suffix[s->k]);
		}
		if (s->k > SK_VT)
			e_fn_error(f, "internal error: a stack slot of no kind");
		const char **name = &f->var_names[d * SK_VT + s->k];
		if (!*name)
			*name = arena_printf(&f->a, "s%u_%s", d, kind_suffix[s->k]);
		return *name;
	}
	const char *name = arena_printf(&f->a, "s%u_%s", d, s->t->cname);
	for (uint32_t i = 0; i < f->vt_declared.n; i++)
		if (!strcmp(f->vt_declared.v[i], name))
			return name;
	VEC_PUSH(f->vt_declared, name);
	reach_type(f->p, s->t, TN_LAYOUT, f->m);
	buf_printf(&f->decl, "\t%s %s = {0};\n", emit_ctype(s->t), name);
	return name;
}

/* The variable of the slot `i` below the top (0 = top). */
const char *e_sv(Fn *f, uint32_t i)
{
	Slot *s = e_top(f, i);
	return e_var_at(f, f->sp - 1 - i, s);
}

/* Slot i below the top is used in a way that does not let `this` out: a
 * field access, a pop, the receiver of a direct call. */
void e_keep_this(Fn *f, uint32_t i)
{
	e_top(f, i)->self = false;
}

Slot *e_top(Fn *f, uint32_t i)
{
	if (i >= f->sp)
		e_invalid(f, "evaluation stack underflow");
	return &f->st[f->sp - 1 - i];
}

const char *e_push(Fn *f, StackKind k, Type *t)
{
	if (f->sp >= f->stack_cap)
		e_fn_error(f, "evaluation stack deeper than %u (its .maxstack is %u)",
			   f->stack_cap, f->body.max_stack);
	f->st[f->sp] = (Slot){ .k = k, .t = t };
	f->sp++;
	return e_var_at(f, f->sp - 1, &f->st[f->sp - 1]);
}

const char *e_push_type(Fn *f, Type *t)
{
	return e_push(f, emit_kind(t), t);
}

/* Whatever pops `this` lets it out, unless it said otherwise first
 * (e_keep_this). */
void e_pop(Fn *f, uint32_t n)
{
	if (n > f->sp)
		e_invalid(f, "evaluation stack underflow");
	for (uint32_t i = f->sp - n; i < f->sp; i++)
		f->leaks_this |= f->st[i].self;
	f->sp -= n;
}

/* ---- exception regions ---- */
bool e_in_range(uint32_t off, uint32_t start, uint32_t len)
{
	return off >= start && off - start < len;
}

uint32_t e_filter_len(const EHClause *c) { return c->handler_off - c->filter_off; }

bool e_in_filter(Fn *f, uint32_t off)
{
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		if (c->kind == EH_FILTER && e_in_range(off, c->filter_off, e_filter_len(c)))
			return true;
	}
	return false;
}

/* Where an exception raised at `off` goes. */
static const char *fail_target(Fn *f, uint32_t off)
{
	/* clauses come innermost first (§II.19) */
	for (uint32_t i = 0; i < f->body.neh; i++) {
		const EHClause *c = &f->body.eh[i];
		if (c->kind == EH_FILTER && e_in_range(off, c->filter_off, e_filter_len(c)))
			return arena_printf(&f->a, "FF%u", i);
		if (e_in_range(off, c->try_off, c->try_len))
			return arena_printf(&f->a, "D%u", i);
	}
	return "UNWIND";
}

const char *e_fail_at(Fn *f, uint32_t off)
{
	const char *t = fail_target(f, off);
	if (!f->lines || f->filter_mode || e_in_filter(f, off))
		return t;
	return e_fail_site(f, off, t);
}

/* Every path that can raise asks for its label here: that marks the
 * method as one that may throw by itself (calls of methods that cannot
 * throw do not ask: see finish_call). */
const char *e_fail(Fn *f)
{
	f->throws = true;
	return e_fail_at(f, f->off);
}

const char *e_fail_null(Fn *f, uint32_t i)
{
	if (!e_top(f, i)->is_this)
		return e_fail(f);
	f->null_this_throws = true;
	return e_fail_at(f, f->off);
}

/* The next clause to test after clause i fails to catch. */
const char *e_next_dispatch(Fn *f, uint32_t i)
{
	const EHClause *c = &f->body.eh[i];
	for (uint32_t j = i + 1; j < f->body.neh; j++) {
		const EHClause *o = &f->body.eh[j];
		if (o->try_off <= c->try_off &&
		    o->try_off + o->try_len >= c->try_off + c->try_len)
			return arena_printf(&f->a, "D%u", j);
	}
	/* no enclosing try: the clause's own surroundings decide */
	for (uint32_t j = 0; j < f->body.neh; j++) {
		const EHClause *o = &f->body.eh[j];
		if (j != i && o->kind == EH_FILTER && e_in_range(c->try_off, o->filter_off, e_filter_len(o)))
			return arena_printf(&f->a, "FF%u", j);
	}
	return "UNWIND";
}

void e_check_pending(Fn *f)
{
	e_out(f, "RT_PENDING(%s);", e_fail(f));
}

/* A new zeroed instance of class t (NULL: an exception is pending).
 * Instances that hold references and need no finalizer come inline from
 * the thread's free lists (rt_gc_new); the runtime makes the others. */
const char *e_new_expr(Fn *f, Type *t)
{
	TypeInfo *ti = t->kind == TY_CLASS && t->img ? ty_info(t) : NULL;
	if (ti && !ti->pointer_free && !ti->finalizer)
		return arena_printf(&f->a, "rt_gc_new(&%s_type, sizeof(%s))", t->cname,
				    emit_struct(t));
	return arena_printf(&f->a, "rt_gc_alloc(&%s_type)", t->cname);
}

/* ---- block boundaries ---- */
/* A join where this path left a value of another kind in a slot (a native
 * int where the other path left a managed pointer, say: `fixed` on an
 * array does this): copy it into the variable the target reads. */
static void reconcile(Fn *f, const Entry *e)
{
	for (uint32_t i = 0; i < e->sp; i++) {
		const Slot *want = &e->st[i], *have = &f->st[i];
		if (want->k == have->k || want->k == SK_VT || have->k == SK_VT)
			continue;
		e_out(f, "%s = (%s)(%s);", e_var_at(f, i, want), kind_ctype[want->k],
		      e_var_at(f, i, have));
	}
}

/* The Types s may be: {known}, its candidates, or none (n = 0). */
static Type *const *candidates(const Slot *s, uint32_t *n)
{
	*n = s->known ? 1 : s->ncands;
	return s->known ? (Type *const *)&s->known : s->cands;
}

/* Where paths holding different Types join (c ? typeof(A) : typeof(B)),
 * the value is one of them: the union, if each path knows its own. */
static void join_cands(Arena *a, Slot *have, const Slot *other)
{
	uint32_t nh, no;
	Type *const *h = candidates(have, &nh), *const *o = candidates(other, &no);
	if (!nh || !no || nh + no > 64) {
		have->cands = NULL, have->ncands = 0;
		return;
	}
	Type **u = arena_alloc(a, (nh + no) * sizeof *u);
	uint32_t n = 0;
	for (uint32_t i = 0; i < nh + no; i++) {
		Type *t = i < nh ? h[i] : o[i - nh];
		uint32_t k = 0;
		while (k < n && u[k] != t)
			k++;
		if (k == n)
			u[n++] = t;
	}
	have->cands = u, have->ncands = n;
}

/* What the dataflow knows of a value at a join: what all paths agree on
 * (for the code after a forward branch, not yet translated). */
static void meet(Arena *a, Slot *have, const Slot *other)
{
	if (have->known != other->known || have->cands != other->cands)
		join_cands(a, have, other);
	if (have->known != other->known)
		have->known = NULL;
	if (have->sub_of != other->sub_of)
		have->sub_of = NULL;
	if (have->elems_any != other->elems_any)
		have->elems_any = NULL, have->nelems_any = 0;
	if (have->efacts != other->efacts)
		have->efacts = NULL;
	if (have->kmethod != other->kmethod)
		have->kmethod = NULL;
	if (have->str != other->str && (!have->str || !other->str ||
					 strcmp(have->str, other->str)))
		have->str = NULL;
	if (have->elems != other->elems)
		have->elems = NULL, have->nelems = 0, have->efacts = NULL;
	if (have->len != other->len)
		have->len = NULL;
	if (have->exact != other->exact)
		have->exact = NULL;
	if (have->from_loc != other->from_loc)
		have->from_loc = 0;
	have->is_this &= other->is_this;
	if (!other->has_cval || have->cval != other->cval)
		have->has_cval = false;
}

void e_save_entry(Fn *f, uint32_t target)
{
	if (target > f->body.code_size)
		e_invalid(f, "branch target IL_%04x outside the body", target);
	Entry *e = &f->entry[target];
	if (e->set) {
		if (e->sp != f->sp)
			e_invalid(f, "stack depth %u at IL_%04x differs from %u on another path",
				   f->sp, target, e->sp);
		reconcile(f, e);
		/* the target's code does not know `this` came this way */
		for (uint32_t i = 0; i < f->sp; i++) {
			f->leaks_this |= f->st[i].self && !e->st[i].self;
			meet(&f->a, &e->st[i], &f->st[i]);
		}
		return;
	}
	e->set = true;
	e->sp = f->sp;
	e->st = arena_alloc(&f->a, (f->sp + 1) * sizeof *e->st);
	memcpy(e->st, f->st, f->sp * sizeof *f->st);
	for (uint32_t i = 0; i < f->sp; i++)
		e_var_at(f, i, &f->st[i]);
}

void e_enter_block(Fn *f, uint32_t off)
{
	Entry *e = &f->entry[off];
	if (f->reachable)
		e_save_entry(f, off);
	if (e->set) {
		f->sp = e->sp;
		memcpy(f->st, e->st, e->sp * sizeof *f->st);
	} else {
		/* only reached by a later (backward) branch: its stack is
		 * empty (§III.1.7.5) */
		f->sp = 0;
		e_save_entry(f, off);
	}
	f->reachable = true;
}

void e_jump(Fn *f, uint32_t target)
{
	e_save_entry(f, target);
	e_out(f, "goto L_%04x;", target);
}

/* ---- conversions of stack values ---- */
/* A stack value as an expression of C type `ct` (for stores and calls). */
const char *e_as_ctype(Fn *f, uint32_t i, const char *ct)
{
	Slot *s = e_top(f, i);
	const char *v = e_sv(f, i);
	/* a value of another struct where unverifiable IL passes one
	 * (dim-constrainedcall: an Adder<object> as an Adder<Atom>): its
	 * bytes, as Mono reads them */
	if (s->k == SK_VT && s->t && strcmp(emit_ctype(s->t), ct))
		return arena_printf(&f->a, "(*(%s *)&%s)", ct, v);
	if (s->k == SK_VT)
		return v;
	return arena_printf(&f->a, "(%s)(%s)", ct, v);
}

const char *e_as_type(Fn *f, uint32_t i, Type *t)
{
	return e_as_ctype(f, i, emit_ctype(t));
}

/* ---- locals and arguments ---- */
void e_load_var(Fn *f, Type *t, const char *name)
{
	const char *d = e_push_type(f, t);
	e_out(f, "%s = %s;", d, name);
}

Type *e_arg_type(Fn *f, uint32_t i)
{
	if (i >= f->nargs)
		e_invalid(f, "argument %u does not exist", i);
	return f->args[i];
}

const char *e_arg_name(Fn *f, uint32_t i)
{
	return arena_printf(&f->a, f->framed ? "F->a%u" : "a%u", i);
}

const char *e_loc_name(Fn *f, uint32_t i)
{
	return arena_printf(&f->a, f->framed ? "F->l%u" : "l%u", i);
}

Type *e_local_type(Fn *f, uint32_t i)
{
	if (i >= f->nlocals)
		e_invalid(f, "local %u does not exist", i);
	return f->locals[i];
}

void e_check_assign(Fn *f, uint32_t i, Type *t, const char *what)
{
	StackKind have = e_top(f, i)->k, want = emit_kind(t);
	/* an object reference where a managed pointer goes, in an assembly
	 * that skips verification (C++/CLI pins a string so: `ldstr; stloc
	 * uint8&`, bug-387274.2): its address, as Mono takes it there */
	if (have == SK_O && want == SK_P && md_skips_verification(f->m->img))
		return;
	if (kind_class(have) != kind_class(want))
		e_invalid(f, "%s: the stack holds %s where %s needs %s", what, kind_name[have],
			  t->name, kind_name[want]);
}

void e_store_var(Fn *f, Type *t, const char *name)
{
	e_check_assign(f, 0, t, "store");
	e_out(f, "%s = %s;", name, e_as_type(f, 0, t));
	e_pop(f, 1);
}

void e_store_len(Fn *f, const char *shadow, const char *name)
{
	if (!shadow)
		return;
	e_out(f, "%s = rt_vec_len(%s);", shadow, name);
	for (uint32_t i = 0; i < f->sp; i++)
		if (f->st[i].len == shadow)
			f->st[i].len = NULL;
}

void e_load_addr(Fn *f, Type *t, const char *name)
{
	const char *d = e_push(f, SK_P, t);
	e_out(f, "%s = (char *)&%s;", d, name);
}

