/* il2c_objects: fields, statics, arrays, boxing, casts, tokens, strings and
 * raw memory.
 *
 * Instance fields are reached by casting the reference (or the managed
 * pointer) to the C struct of the field's declaring type; statics live in
 * one global struct per type (<type>_s, or <type>_ts for thread statics)
 * and are reached after the type's static constructor check. Array
 * accesses check for null and bounds (§III.4), and stelem.ref checks array
 * covariance in the runtime.
 */
#include "il2c.h"

#include <string.h>

void e_init_check(Fn *f, Type *t);

/* ---- fields ---- */
static bool scalar_owner(Type *o)
{
	return o->kind <= TY_U || (o->kind == TY_STRUCT && ty_info(o)->is_enum);
}

/* System.TypedReference's fields in the runtime's RtTypedRef: Value is
 * where the value is; Mono's two type fields (type handle, class) are
 * both the one type descriptor there. */
static const char *typedref_field(Field *fd)
{
	return strcmp(fd->name, "Value") ? "type" : "value";
}

/* The lvalue of instance field `fd` of the value in slot i. */
static const char *field_lv(Fn *f, Field *fd, uint32_t i)
{
	Slot *s = e_top(f, i);
	const char *v = e_sv(f, i);
	Type *o = fd->owner;
	const char *ct = emit_ctype(fd->type);
	if (fd->is_static)
		e_invalid(f, "instance field access to static field %s", fd->name);
	reach_type(f->p, o, TN_LAYOUT, f->m);
	if (s->k == SK_VT && o->kind == TY_TYPEDREF)
		return arena_printf(&f->a, "(*(%s *)&%s.%s)", ct, v, typedref_field(fd));
	if (s->k == SK_VT)
		return scalar_owner(o) ? v : arena_printf(&f->a, "%s.%s", v, fd->cname);
	const char *ptr = v;
	if (s->k == SK_O) {
		e_out(f, "RT_NULLCHK(%s, %s);", v, e_fail_null(f, i));
		if (ty_is_valuetype(o))
			ptr = arena_printf(&f->a, "rt_unbox_ptr(%s)", v);
	}
	if (scalar_owner(o))
		return arena_printf(&f->a, "(*(%s *)%s)", ct, ptr);
	if (o->kind == TY_TYPEDREF)
		return arena_printf(&f->a, "(*(%s *)&((RtTypedRef *)%s)->%s)", ct, ptr,
				    typedref_field(fd));
	return arena_printf(&f->a, "((%s *)%s)->%s", emit_struct(o), ptr, fd->cname);
}

/* A static field with initial data in the file (HasFieldRVA): the
 * program's copy of that data (cgen's field_data). Roslyn reads such
 * fields with ldsflda, for stackalloc and ReadOnlySpan<byte> initialisers;
 * mcs only through ldtoken. */
static const char *static_lv(Fn *f, Field *fd)
{
	if (fd->flags & FIELD_HAS_RVA) {
		VEC_PUSH(f->p->rva_fields, fd);
		reach_type(f->p, fd->type, TN_LAYOUT, f->m);
		return arena_printf(&f->a, "(*(%s *)rva_%s)", emit_ctype(fd->type), fd->cname);
	}
	Type *o = fd->owner;
	reach_type(f->p, o, TN_STATICS | TN_LAYOUT, f->m);
	e_init_check(f, o);
	return arena_printf(&f->a, "%s_%s.%s", o->cname, fd->is_thread_static ? "ts" : "s",
			    fd->cname);
}

static bool fields(Fn *f, const Instr *in)
{
	if (in->op < OP_LDFLD || in->op > OP_STSFLD)
		return false;
	Field *fd = ty_field_from_token(f->img, in->token, &f->ctx);
	const char *lv;
	if (fd->is_static && (in->op == OP_LDFLD || in->op == OP_LDFLDA || in->op == OP_STFLD)) {
		/* the instance forms on a static field ignore the object */
		lv = static_lv(f, fd);
		if (in->op == OP_STFLD) {
			e_dam_store(f, fd, e_top(f, 0));
			e_out(f, "%s = %s;", lv, e_as_type(f, 0, fd->type));
			e_pop(f, 2);
			return true;
		}
		e_pop(f, 1);
		if (in->op == OP_LDFLD) {
			e_out(f, "%s = %s;", e_push_type(f, fd->type), lv);
			e_top(f, 0)->dam = e_dam_field(fd);
		} else
			e_out(f, "%s = (char *)&%s;", e_push(f, SK_P, fd->type), lv);
		return true;
	}
	int32_t k;
	if (in->op == OP_LDFLD && emit_field_read_off(f->p, f->m, fd, &k)) {
		/* features.c: a read the method does not need */
		e_pop(f, 1);
		e_out(f, "%s = %d;", e_push(f, SK_I4, NULL), k);
		e_top(f, 0)->has_cval = true;
		e_top(f, 0)->cval = k;
		return true;
	}
	switch (in->op) {
	case OP_LDFLD:
		lv = field_lv(f, fd, 0);
		e_keep_this(f, 0);
		e_pop(f, 1);
		e_out(f, "%s = %s;", e_push_type(f, fd->type), lv);
		e_top(f, 0)->dam = e_dam_field(fd);
		return true;
	case OP_LDFLDA:
		lv = field_lv(f, fd, 0);
		e_pop(f, 1);
		e_out(f, "%s = (char *)&%s;", e_push(f, SK_P, fd->type), lv);
		return true;
	case OP_STFLD:
		e_check_assign(f, 0, fd->type, "stfld");
		e_dam_store(f, fd, e_top(f, 0));
		lv = field_lv(f, fd, 1);
		e_out(f, "%s = %s;", lv, e_as_type(f, 0, fd->type));
		e_keep_this(f, 1);
		e_pop(f, 2);
		return true;
	case OP_LDSFLD:
		lv = static_lv(f, fd);
		e_out(f, "%s = %s;", e_push_type(f, fd->type), lv);
		e_top(f, 0)->dam = e_dam_field(fd);
		return true;
	case OP_LDSFLDA:
		lv = static_lv(f, fd);
		e_out(f, "%s = (char *)&%s;", e_push(f, SK_P, fd->type), lv);
		return true;
	case OP_STSFLD:
		e_check_assign(f, 0, fd->type, "stsfld");
		e_dam_store(f, fd, e_top(f, 0));
		lv = static_lv(f, fd);
		e_out(f, "%s = %s;", lv, e_as_type(f, 0, fd->type));
		e_pop(f, 1);
		return true;
	default:
		return false;
	}
}

/* ---- arrays ---- */
static Type *tok_type(Fn *f, const Instr *in)
{
	return ty_from_token(f->img, in->token, &f->ctx);
}

static const struct { Opcode op; TypeKind k; bool store; } elem_ops[] = {
	{ OP_LDELEM_I1, TY_I1 }, { OP_LDELEM_U1, TY_U1 }, { OP_LDELEM_I2, TY_I2 },
	{ OP_LDELEM_U2, TY_U2 }, { OP_LDELEM_I4, TY_I4 }, { OP_LDELEM_U4, TY_U4 },
	{ OP_LDELEM_I8, TY_I8 }, { OP_LDELEM_I, TY_I }, { OP_LDELEM_R4, TY_R4 },
	{ OP_LDELEM_R8, TY_R8 }, { OP_LDELEM_REF, TY_CLASS },
	{ OP_STELEM_I, TY_I, true }, { OP_STELEM_I1, TY_I1, true },
	{ OP_STELEM_I2, TY_I2, true }, { OP_STELEM_I4, TY_I4, true },
	{ OP_STELEM_I8, TY_I8, true }, { OP_STELEM_R4, TY_R4, true },
	{ OP_STELEM_R8, TY_R8, true }, { OP_STELEM_REF, TY_CLASS, true },
};

/* Checks array (slot ai) and index (slot ii); returns the element lvalue. */
static const char *element(Fn *f, uint32_t ai, uint32_t ii, Type *et)
{
	const char *a = e_sv(f, ai), *i = e_sv(f, ii);
	const char *len = e_top(f, ai)->len;
	const char *bound = len ? e_loop_bound(f, e_top(f, ii)) : NULL;
	e_out(f, "RT_NULLCHK(%s, %s);", a, e_fail(f));
	if (bound)
		e_out(f, "RT_BOUNDS_LOOP(%s, %s, %s, %s);", len, i, bound, e_fail(f));
	else if (len)
		e_out(f, "RT_BOUNDS_%s(%s, %s, %s);", e_top(f, ii)->k == SK_I4 ? "I4" : "N",
		      len, i, e_fail(f));
	else
		e_out(f, "RT_BOUNDS(%s, %s, %s);", a, i, e_fail(f));
	reach_type(f->p, et, TN_LAYOUT, f->m);
	return arena_printf(&f->a, "RT_ARRAY_DATA(%s, %s)[(intptr_t)%s]", a, emit_ctype(et), i);
}

/* newarr, and newobj of a vector's constructor: the length on the stack. */
static void new_vector(Fn *f, Type *at)
{
	reach_type(f->p, at, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
	const char *n = e_sv(f, 0);
	Slot len = *e_top(f, 0);
	e_pop(f, 1);
	e_out(f, "%s = (Object *)rt_gc_alloc_array(&%s_type, (intptr_t)%s);",
	      e_push(f, SK_O, at), at->cname, n);
	/* new Type[] { typeof(A), ... }: for MakeGenericType (il2c_calls.c);
	 * the length of others, for Array.CreateInstance's rank */
	if (len.has_cval && len.cval > 0 && len.cval <= 16) {
		e_top(f, 0)->nelems = (uint32_t)len.cval;
		if (at->elem->img == ty_object->img && !strcmp(at->elem->name, "System.Type")) {
			e_top(f, 0)->elems = arena_alloc(&f->a, (size_t)len.cval * sizeof(Type *));
			e_top(f, 0)->efacts = arena_alloc(&f->a, (size_t)len.cval * sizeof(ElemFacts));
		}
	}
	e_check_pending(f);
}

static Type *array_elem(Fn *f, uint32_t ai)
{
	Slot *s = e_top(f, ai);
	if (s->t && (s->t->kind == TY_SZARRAY || s->t->kind == TY_ARRAY))
		return s->t->elem;
	return ty_object;
}

static bool all_known(Type *const *v, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (!v[i])
			return false;
	return n > 0;
}

static void ldelem(Fn *f, Type *et)
{
	Slot *arr = e_top(f, 1), *idx = e_top(f, 0);
	Type *known = arr->elems && idx->has_cval && idx->cval >= 0 &&
		      (uint32_t)idx->cval < arr->nelems ? arr->elems[idx->cval] : NULL;
	/* at another index, or from a local: one of the elements */
	Type **elems = arr->elems ? arr->elems : arr->elems_any;
	uint32_t n = arr->elems ? arr->nelems : arr->nelems_any;
	const ElemFacts *ef = known || !arr->efacts || !idx->has_cval || idx->cval < 0 ||
			      (uint32_t)idx->cval >= arr->nelems ? NULL : &arr->efacts[idx->cval];
	const char *lv = element(f, 1, 0, et);
	e_pop(f, 2);
	e_out(f, "%s = %s;", e_push_type(f, et), lv);
	e_top(f, 0)->known = known;     /* a Type[]'s element (il2c_reflect.c) */
	if (!known && elems && all_known(elems, n) && !(arr->elems && idx->has_cval))
		e_top(f, 0)->cands = elems, e_top(f, 0)->ncands = n;
	else if (!known && ef)
		e_top(f, 0)->cands = ef->cands, e_top(f, 0)->ncands = ef->ncands;
}

static void stelem(Fn *f, Type *et)
{
	Slot *arr = e_top(f, 2), *idx = e_top(f, 1);
	if (arr->elems && idx->has_cval && idx->cval >= 0 && (uint32_t)idx->cval < arr->nelems) {
		Slot *v = e_top(f, 0);
		arr->elems[idx->cval] = v->known;
		if (arr->efacts)
			arr->efacts[idx->cval] = (ElemFacts){ v->cands, v->ncands, v->from_arg };
	} else if (arr->elems_any && arr->from_loc)       /* what the local held is not all */
		f->local_known[arr->from_loc - 1].elems = NULL,
		f->local_known[arr->from_loc - 1].elems_any = NULL;
	const char *lv = element(f, 2, 1, et);
	if (ty_is_ref(et))
		e_out(f, "if (RT_UNLIKELY(!rt_type_check_store((RtArray *)%s, %s))) goto %s;",
		      e_sv(f, 2), e_sv(f, 0), e_fail(f));
	e_out(f, "%s = %s;", lv, e_as_type(f, 0, et));
	e_pop(f, 3);
}


/* A pointer into a covariant array must be to exactly T's elements
 * (§III.4.10), unless readonly. says it is only read. */
static void exact_element(Fn *f, const char *arr, Type *et)
{
	if (ty_is_ref(et) && !f->is_readonly) {
		reach_type(f->p, et, TN_DESCRIPTOR, f->m);
		e_out(f, "if (RT_UNLIKELY(((Object *)%s)->type->elem != &%s_type))"
		      " RT_THROW(RT_EXC_ARRAYTYPE, %s);", arr, et->cname, e_fail(f));
	}
	f->is_readonly = false;
}

static bool arrays(Fn *f, const Instr *in)
{
	for (unsigned k = 0; k < countof(elem_ops); k++) {
		if (elem_ops[k].op != in->op)
			continue;
		Type *et = elem_ops[k].k == TY_CLASS ?
			array_elem(f, elem_ops[k].store ? 2 : 1) : ty_prim[elem_ops[k].k];
		if (elem_ops[k].store)
			stelem(f, et);
		else
			ldelem(f, et);
		return true;
	}
	switch (in->op) {
	case OP_LDELEM: ldelem(f, tok_type(f, in)); return true;
	case OP_STELEM: stelem(f, tok_type(f, in)); return true;
	case OP_LDELEMA: {
		Type *et = tok_type(f, in);
		const char *lv = element(f, 1, 0, et);
		exact_element(f, e_sv(f, 1), et);
		e_pop(f, 2);
		e_out(f, "%s = (char *)&%s;", e_push(f, SK_P, et), lv);
		return true;
	}
	case OP_LDLEN: {
		const char *a = e_sv(f, 0), *len = e_top(f, 0)->len;
		e_out(f, "RT_NULLCHK(%s, %s);", a, e_fail(f));
		e_pop(f, 1);
		if (len)
			e_out(f, "%s = (intptr_t)%s;", e_push(f, SK_IP, NULL), len);
		else
			e_out(f, "%s = (intptr_t)((RtArray *)%s)->length;", e_push(f, SK_IP, NULL), a);
		return true;
	}
	case OP_NEWARR:
		new_vector(f, ty_sz(tok_type(f, in)));
		return true;
	default:
		return false;
	}
}

/* Get, Set, Address and .ctor of a multi-dimensional array type. */
bool e_array_method(Fn *f, const Instr *in)
{
	if (TOK_TABLE(in->token) != T_MemberRef)
		return false;
	Token parent = md_get(f->img, T_MemberRef, TOK_ROW(in->token), MemberRef_Class);
	if (TOK_TABLE(parent) != T_TypeSpec)
		return false;
	Type *at = ty_from_token(f->img, parent, &f->ctx);
	if (at->kind == TY_SZARRAY && in->op == OP_NEWOBJ) {     /* T[]::.ctor(int32) */
		new_vector(f, at);
		return true;
	}
	if (at->kind != TY_ARRAY)
		return false;
	const char *name = md_string(f->img, md_get(f->img, T_MemberRef, TOK_ROW(in->token),
						    MemberRef_Name));
	uint32_t rank = at->rank;
	Buf idx = {0};
	bool ctor = !strcmp(name, ".ctor"), set = !strcmp(name, "Set");
	uint32_t nidx = ctor ? (uint32_t)(f->sp) : rank;
	(void)nidx;
	reach_type(f->p, at, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
	reach_type(f->p, at->elem, TN_LAYOUT, f->m);
	if (ctor) {
		/* (lengths) or (lower, length) pairs */
		Arena a = {0};
		MethodSig *s = sig_method(f->img, &a, md_get(f->img, T_MemberRef, TOK_ROW(in->token),
							 MemberRef_Signature));
		uint32_t n = s->nparams;
		arena_free(&a);
		bool pairs = n == 2 * rank;
		Buf lens = {0}, lows = {0};
		for (uint32_t d = 0; d < rank; d++) {
			uint32_t base = n - 1 - (pairs ? 2 * d : d);
			if (pairs) {
				buf_printf(&lows, "%s(int32_t)%s", d ? ", " : "", e_sv(f, base));
				buf_printf(&lens, "%s(int32_t)%s", d ? ", " : "", e_sv(f, base - 1));
			} else {
				buf_printf(&lens, "%s(int32_t)%s", d ? ", " : "", e_sv(f, base));
			}
		}
		e_pop(f, n);
		e_out(f, "%s = (Object *)rt_gc_alloc_mdarray(&%s_type, (int32_t[]){%s}, %s%s%s);",
		      e_push(f, SK_O, at), at->cname, lens.s, pairs ? "(int32_t[]){" : "NULL",
		      pairs ? lows.s : "", pairs ? "}" : "");
		e_check_pending(f);
		buf_free(&lens);
		buf_free(&lows);
		return true;
	}
	uint32_t argc = rank + (set ? 1 : 0);
	const char *arr = e_sv(f, argc);
	for (uint32_t d = 0; d < rank; d++)
		buf_printf(&idx, "%s(int32_t)%s", d ? ", " : "", e_sv(f, argc - 1 - d));
	e_out(f, "RT_NULLCHK(%s, %s);", arr, e_fail(f));
	e_out(f, "{ intptr_t i_ = rt_arr_md_index((RtArray *)%s, (int32_t[]){%s}); if (i_ < 0) goto %s;",
	      arr, idx.s, e_fail(f));
	const char *lv = arena_printf(&f->a, "RT_ARRAY_DATA(%s, %s)[i_]", arr, emit_ctype(at->elem));
	if (set) {
		if (ty_is_ref(at->elem))
			e_out(f, "if (RT_UNLIKELY(!rt_type_check_store((RtArray *)%s, %s))) goto %s;",
			      arr, e_sv(f, 0), e_fail(f));
		e_out(f, "%s = %s; }", lv, e_as_type(f, 0, at->elem));
		e_pop(f, argc + 1);
	} else {
		if (!strcmp(name, "Address"))
			exact_element(f, arr, at->elem);
		e_pop(f, argc + 1);
		if (!strcmp(name, "Address"))
			e_out(f, "%s = (char *)&%s; }", e_push(f, SK_P, at->elem), lv);
		else
			e_out(f, "%s = %s; }", e_push_type(f, at->elem), lv);
	}
	buf_free(&idx);
	return true;
}

/* ---- boxing and casts ---- */
static Field *nullable_field(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name))
			return ti->fields[i];
	fatal("internal error: %s has no field %s", t->name, name);
}

/* How the instructions after this `box` use the box, when they only test
 * it for null (generic code's `x != null` on a T that is a value type):
 * brtrue/brfalse, or ldnull then ceq/cgt.un, entered from nowhere else.
 * The box is then never made. */
enum { BOX_USED, BOX_BRANCH, BOX_COMPARED };

static int box_use(Fn *f)
{
	uint32_t next = f->off + 5;     /* box <token> */
	if (next >= f->body.code_size || f->labels[next])
		return BOX_USED;
	Instr in;
	uint32_t after = il_decode(f->img, &f->body, next, &in);
	switch (in.op) {
	case OP_BRTRUE_S: case OP_BRTRUE: case OP_BRFALSE_S: case OP_BRFALSE:
		return BOX_BRANCH;
	case OP_LDNULL:
		break;
	default:
		return BOX_USED;
	}
	if (after >= f->body.code_size || f->labels[after])
		return BOX_USED;
	il_decode(f->img, &f->body, after, &in);
	return in.op == OP_CEQ || in.op == OP_CGT_UN ? BOX_COMPARED : BOX_USED;
}

/* The box of value v of type t as box_use found it used: for a branch, an
 * int that is nonzero when the box would not be null; for a comparison, a
 * stand-in pointer that is null exactly when the box would be (never
 * dereferenced: ldnull and the comparison consume it). */
static void box_test_only(Fn *f, Type *t, const char *v, bool nullable, int use)
{
	const char *has = NULL;
	if (nullable) {
		reach_type(f->p, t, TN_LAYOUT, f->m);
		has = arena_printf(&f->a, "%s.%s", v, nullable_field(t, "hasValue")->cname);
	}
	e_pop(f, 1);
	if (use == BOX_COMPARED) {
		const char *d = e_push(f, SK_O, ty_object);
		e_out(f, "%s = (Object *)(uintptr_t)(%s);", d, has ? has : "1");
		return;
	}
	const char *d = e_push(f, SK_I4, ty_prim[TY_I4]);
	e_out(f, "%s = %s;", d, has ? has : "1");
	if (!has)
		e_top(f, 0)->has_cval = true, e_top(f, 0)->cval = 1;
}

static void box(Fn *f, Type *t)
{
	if (!ty_is_valuetype(t))
		return;                 /* boxing a reference is a no-op */
	const char *v = e_sv(f, 0);
	bool nullable = t->img && t->kind == TY_STRUCT && ty_info(t)->is_nullable;
	int use = box_use(f);
	if (use != BOX_USED) {
		box_test_only(f, t, v, nullable, use);
		return;
	}
	if (nullable) {
		Type *u = t->inst[0];
		reach_type(f->p, u, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
		reach_type(f->p, t, TN_LAYOUT, f->m);
		Field *has = nullable_field(t, "hasValue"), *val = nullable_field(t, "value");
		e_pop(f, 1);
		const char *d = e_push(f, SK_O, u);
		e_out(f, "if (!%s.%s) %s = NULL; else { %s = rt_gc_alloc(&%s_type);"
		      " *(%s *)rt_unbox_ptr(%s) = %s.%s; }", v, has->cname, d, d, u->cname,
		      emit_ctype(u), d, v, val->cname);
		e_check_pending(f);
		return;
	}
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	const char *val = e_as_type(f, 0, t);
	e_pop(f, 1);
	const char *d = e_push(f, SK_O, t);
	e_out(f, "%s = rt_gc_alloc(&%s_type);", d, t->cname);
	e_check_pending(f);
	e_out(f, "*(%s *)rt_unbox_ptr(%s) = %s;", emit_ctype(t), d, val);
}

/* A pointer to the value inside boxed `o`, checked to be a T (exactly a
 * T if `exact`; else an enum and its underlying type mix). */
static const char *unbox_ptr(Fn *f, Type *t, const char *o, bool exact)
{
	reach_type(f->p, t, TN_DESCRIPTOR | TN_LAYOUT, f->m);
	e_out(f, "RT_NULLCHK(%s, %s);", o, e_fail(f));
	if (exact)
		e_out(f, "if (RT_UNLIKELY(((Object *)%s)->type != &%s_type))"
		      " RT_THROW(RT_EXC_CAST, %s);", o, t->cname, e_fail(f));
	else
		e_out(f, "if (RT_UNLIKELY(!rt_unbox_ok(((Object *)%s)->type, &%s_type)))"
		      " RT_THROW(RT_EXC_CAST, %s);", o, t->cname, e_fail(f));
	return arena_printf(&f->a, "rt_unbox_ptr(%s)", o);
}

static void unbox_any(Fn *f, Type *t)
{
	const char *o = e_sv(f, 0);
	if (!ty_is_valuetype(t)) {
		reach_type(f->p, t, TN_DESCRIPTOR, f->m);
		e_pop(f, 1);
		e_out(f, "%s = rt_type_castclass(%s, &%s_type);", e_push(f, SK_O, t), o, t->cname);
		e_check_pending(f);
		return;
	}
	if (t->kind == TY_STRUCT && ty_info(t)->is_nullable) {
		Type *u = t->inst[0];
		reach_type(f->p, t, TN_LAYOUT, f->m);
		Field *has = nullable_field(t, "hasValue"), *val = nullable_field(t, "value");
		e_pop(f, 1);
		const char *d = e_push(f, SK_VT, t);
		e_out(f, "memset(&%s, 0, sizeof %s);", d, d);
		e_out(f, "if (%s) {", o);
		/* as Mono: an int unboxes as E? only if boxed as an E */
		const char *p = unbox_ptr(f, u, o, u->kind == TY_STRUCT && ty_info(u)->is_enum);
		e_out(f, "%s.%s = 1; %s.%s = *(%s *)%s; }", d, has->cname, d, val->cname,
		      emit_ctype(u), p);
		return;
	}
	const char *p = unbox_ptr(f, t, o, false);
	e_pop(f, 1);
	e_out(f, "%s = *(%s *)%s;", e_push_type(f, t), emit_ctype(t), p);
}

static void cast(Fn *f, Type *t, bool throws)
{
	if (t->kind == TY_STRUCT && ty_info(t)->is_nullable)
		t = t->inst[0];
	reach_type(f->p, t, TN_DESCRIPTOR, f->m);
	const char *o = e_sv(f, 0);
	e_pop(f, 1);
	const char *d = e_push(f, SK_O, t);
	e_out(f, "%s = rt_type_%s(%s, &%s_type);", d, throws ? "castclass" : "isinst", o, t->cname);
	if (throws)
		e_check_pending(f);
}

static bool objects(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_BOX: box(f, tok_type(f, in)); return true;
	case OP_UNBOX_ANY: unbox_any(f, tok_type(f, in)); return true;
	case OP_UNBOX: {
		Type *t = tok_type(f, in);
		const char *p = unbox_ptr(f, t, e_sv(f, 0), false);
		e_pop(f, 1);
		e_out(f, "%s = (char *)%s;", e_push(f, SK_P, t), p);
		return true;
	}
	case OP_CASTCLASS: cast(f, tok_type(f, in), true); return true;
	case OP_ISINST:
		if (!e_spec_isinst(f, tok_type(f, in)))
			cast(f, tok_type(f, in), false);
		return true;
	default: return false;
	}
}

/* ---- tokens and strings ---- */
static void handle(Fn *f, const char *type_name, const char *value)
{
	Type *t = ty_corlib_type("System", type_name);
	reach_type(f->p, t, TN_LAYOUT, f->m);
	Field *v = ty_info(t)->fields[0];
	const char *d = e_push(f, SK_VT, t);
	e_out(f, "%s.%s = (intptr_t)%s;", d, v->cname, value);
}

/* A field or method named by ldtoken is found by reflection (expression
 * trees name their members so): its handle is its rt_fields[] or
 * rt_methods[] entry, as FieldInfo.GetFieldFromHandle and
 * MethodBase.GetMethodFromHandle read them (runtime/reflect.c). */

static const char *reflected_field(Fn *f, Field *fd)
{
	reach_reflect_field(f->p, fd, f->m);
	for (uint32_t k = 0; k < f->p->reflected_fields.n; k++)
		if (f->p->reflected_fields.v[k] == fd)  /* (sorted later: found by name) */
			return arena_printf(&f->a, "rt_field_handle(&%s_type, \"%s\")",
					    fd->owner->cname, fd->name);
	return "0";             /* of an open type: not kept */
}

/* A property accessor's property too: Expression.Property(e, getter)
 * looks for it among the type's properties. */
static void reflect_accessor_property(Fn *f, Method *m)
{
	if (!(m->flags & 0x0800) || !m->owner->img)     /* SpecialName */
		return;
	for (uint32_t r = 1; r <= md_rows(m->img, T_MethodSemantics); r++) {
		uint32_t assoc = md_get(m->img, T_MethodSemantics, r, MethodSemantics_Association);
		if (md_get(m->img, T_MethodSemantics, r, MethodSemantics_Method) == m->row &&
		    TOK_TABLE(assoc) == T_Property)
			reach_reflect_property(f->p, m->owner, TOK_ROW(assoc), f->m);
	}
}

static const char *reflected_method(Fn *f, Token tok)
{
	Method *m = ty_method_from_token(f->img, tok, &f->ctx);
	reach_reflect_method(f->p, m, f->m);
	reflect_accessor_property(f, m);
	for (uint32_t k = 0; k < f->p->reflected.n; k++)
		if (f->p->reflected.v[k] == m)
			return arena_printf(&f->a, "&rt_methods[%u]", k);
	return "0";
}

static void ldtoken(Fn *f, const Instr *in)
{
	unsigned table = TOK_TABLE(in->token);
	if (table == T_Field || (table == T_MemberRef && md_blob(f->img, md_get(f->img,
	    T_MemberRef, TOK_ROW(in->token), MemberRef_Signature)).p[0] == SIG_FIELD)) {
		Field *fd = ty_field_from_token(f->img, in->token, &f->ctx);
		if (!(fd->flags & FIELD_HAS_RVA)) {
			handle(f, "RuntimeFieldHandle", reflected_field(f, fd));
			return;
		}
		VEC_PUSH(f->p->rva_fields, fd);
		handle(f, "RuntimeFieldHandle", arena_printf(&f->a, "&rvah_%s", fd->cname));
		return;
	}
	if (table == T_MethodDef || table == T_MemberRef || table == T_MethodSpec) {
		handle(f, "RuntimeMethodHandle", reflected_method(f, in->token));
		return;
	}
	Type *t = tok_type(f, in);
	if (t->kind == TY_PTR || t->kind == TY_BYREF)
		reach_indirect(f->p, t, f->m);
	else
		reach_type(f->p, t, TN_DESCRIPTOR, f->m);
	handle(f, "RuntimeTypeHandle", arena_printf(&f->a, "&%s_type", t->cname));
	e_top(f, 0)->known = t;
}

/* A literal as a C string, if it is all ASCII (NULL otherwise). */
static const char *ascii_literal(Fn *f, Blob utf16)
{
	char *s = arena_alloc(&f->a, utf16.len / 2 + 1);
	for (uint32_t i = 0; i + 1 < utf16.len; i += 2) {
		if (utf16.p[i + 1] || !utf16.p[i] || utf16.p[i] > 0x7e)
			return NULL;
		s[i / 2] = (char)utf16.p[i];
	}
	return s;
}

static bool tokens(Fn *f, const Instr *in)
{
	switch (in->op) {
	case OP_LDSTR: {
		if (TOK_TABLE(in->token) != T_UserString)
			e_fn_error(f, "ldstr of token 0x%08x", in->token);
		Blob s = md_userstring(f->img, TOK_ROW(in->token));
		uint32_t id = reach_literal(f->p, s);
		reach_type(f->p, ty_string, TN_DESCRIPTOR, f->m);
		e_out(f, "%s = (Object *)&%s;", e_push(f, SK_O, ty_string),
		      reach_literal_name(f->p, id));
		e_top(f, 0)->str = ascii_literal(f, s);
		return true;
	}
	case OP_LDTOKEN:
		ldtoken(f, in);
		return true;
	case OP_SIZEOF: {
		Type *t = tok_type(f, in);
		reach_type(f->p, t, TN_LAYOUT, f->m);
		e_out(f, "%s = (int32_t)sizeof(%s);", e_push(f, SK_I4, NULL), emit_ctype(t));
		return true;
	}
	default:
		return false;
	}
}

/* A type that a typed reference refers to (mkrefany, a vararg argument):
 * its descriptor, and what a box of it needs, since TypedReference.ToObject
 * boxes a value type in the runtime (a Nullable<T> as its T). */
void e_typedref_type(Fn *f, Type *t)
{
	reach_type(f->p, t, TN_DESCRIPTOR | TN_LAYOUT, f->m);
	if (!ty_is_valuetype(t))
		return;
	if (t->kind == TY_STRUCT && ty_info(t)->is_nullable)
		t = t->inst[0];
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
}

/* ---- memory through pointers ---- */
static const struct { Opcode op; TypeKind k; bool store; } ind_ops[] = {
	{ OP_LDIND_I1, TY_I1 }, { OP_LDIND_U1, TY_U1 }, { OP_LDIND_I2, TY_I2 },
	{ OP_LDIND_U2, TY_U2 }, { OP_LDIND_I4, TY_I4 }, { OP_LDIND_U4, TY_U4 },
	{ OP_LDIND_I8, TY_I8 }, { OP_LDIND_I, TY_I }, { OP_LDIND_R4, TY_R4 },
	{ OP_LDIND_R8, TY_R8 }, { OP_LDIND_REF, TY_CLASS },
	{ OP_STIND_REF, TY_CLASS, true }, { OP_STIND_I1, TY_I1, true },
	{ OP_STIND_I2, TY_I2, true }, { OP_STIND_I4, TY_I4, true },
	{ OP_STIND_I8, TY_I8, true }, { OP_STIND_R4, TY_R4, true },
	{ OP_STIND_R8, TY_R8, true }, { OP_STIND_I, TY_I, true },
};

static void load_ind(Fn *f, Type *t)
{
	const char *p = e_sv(f, 0);
	e_pop(f, 1);
	reach_type(f->p, t, TN_LAYOUT, f->m);
	e_out(f, "%s = *(%s *)%s;", e_push_type(f, t), emit_ctype(t), p);
}

static void store_ind(Fn *f, Type *t)
{
	reach_type(f->p, t, TN_LAYOUT, f->m);
	e_out(f, "*(%s *)%s = %s;", emit_ctype(t), e_sv(f, 1), e_as_type(f, 0, t));
	e_pop(f, 2);
}

static bool memory(Fn *f, const Instr *in)
{
	for (unsigned k = 0; k < countof(ind_ops); k++) {
		if (ind_ops[k].op != in->op)
			continue;
		Type *t = ind_ops[k].k == TY_CLASS ? ty_object : ty_prim[ind_ops[k].k];
		if (ind_ops[k].store)
			store_ind(f, t);
		else
			load_ind(f, t);
		return true;
	}
	switch (in->op) {
	case OP_LDOBJ: load_ind(f, tok_type(f, in)); return true;
	case OP_STOBJ: store_ind(f, tok_type(f, in)); return true;
	case OP_INITOBJ: {
		Type *t = tok_type(f, in);
		reach_type(f->p, t, TN_LAYOUT, f->m);
		e_out(f, "memset(%s, 0, sizeof(%s));", e_sv(f, 0), emit_ctype(t));
		e_pop(f, 1);
		return true;
	}
	case OP_CPOBJ: {
		Type *t = tok_type(f, in);
		reach_type(f->p, t, TN_LAYOUT, f->m);
		e_out(f, "memcpy(%s, %s, sizeof(%s));", e_sv(f, 1), e_sv(f, 0), emit_ctype(t));
		e_pop(f, 2);
		return true;
	}
	case OP_CPBLK:
		e_out(f, "memmove((void *)%s, (void *)%s, (size_t)(uint32_t)%s);",
		      e_sv(f, 2), e_sv(f, 1), e_sv(f, 0));
		e_pop(f, 3);
		return true;
	case OP_INITBLK:
		e_out(f, "memset((void *)%s, (int)%s, (size_t)(uint32_t)%s);",
		      e_sv(f, 2), e_sv(f, 1), e_sv(f, 0));
		e_pop(f, 3);
		return true;
	case OP_LOCALLOC: {
		const char *n = e_sv(f, 0);
		e_pop(f, 1);
		e_out(f, "{ size_t n_ = (size_t)%s;", n);
		const char *d = e_push(f, SK_IP, NULL);
		e_out(f, "%s = (intptr_t)__builtin_alloca(n_);", d);
		if (f->body.init_locals)
			e_out(f, "memset((void *)%s, 0, n_);", d);
		e_out(f, "}");
		return true;
	}
	case OP_MKREFANY: {
		Type *t = tok_type(f, in);
		e_typedref_type(f, t);
		const char *p = e_sv(f, 0);
		e_pop(f, 1);
		const char *d = e_push(f, SK_VT, ty_prim[TY_TYPEDREF]);
		e_out(f, "%s.value = (char *)%s; %s.type = &%s_type;", d, p, d, t->cname);
		return true;
	}
	case OP_REFANYVAL: {
		Type *t = tok_type(f, in);
		reach_type(f->p, t, TN_DESCRIPTOR, f->m);
		const char *r = e_sv(f, 0);
		e_out(f, "if (RT_UNLIKELY(%s.type != &%s_type)) RT_THROW(RT_EXC_CAST, %s);",
		      r, t->cname, e_fail(f));
		e_pop(f, 1);
		e_out(f, "%s = %s.value;", e_push(f, SK_P, t), r);
		return true;
	}
	case OP_REFANYTYPE: {
		const char *r = e_sv(f, 0);
		e_pop(f, 1);
		handle(f, "RuntimeTypeHandle", arena_printf(&f->a, "%s.type", r));
		return true;
	}
	default:
		return false;
	}
}

bool e_objects(Fn *f, const Instr *in)
{
	return fields(f, in) || arrays(f, in) || objects(f, in) || tokens(f, in) ||
	       memory(f, in);
}
