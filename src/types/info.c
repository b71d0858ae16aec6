/* info: what a class or struct is made of — base type, fields, methods,
 * interfaces, vtable and interface maps — computed on first use.
 *
 * Requires: types.c for interning and resolution. Produces: TypeInfo.
 *
 * Vtables (ECMA-335 §II.10.3): a type starts from its base's slots; each own
 * virtual method overrides the base slot with the same name and signature
 * unless it is `newslot`, else it takes a new slot; MethodImpl rows then
 * override explicitly. Interface maps: an explicit MethodImpl wins; for an
 * interface the type itself lists, a public virtual method of the same name
 * and signature (most derived first); otherwise the base type's mapping,
 * followed through this type's vtable so that overrides take effect.
 */
#include "types.h"

#include <stdio.h>
#include <string.h>


static Ctx type_ctx(Type *t) { return (Ctx){ t->inst, t->ninst, NULL, 0 }; }

/* Room for element n of an array of n: the capacity is the power of two
 * at or above n, so a type with thousands of constants (an enum) costs
 * amortised linear time, not quadratic (it was 12% of ilcc's time on
 * Hello World). */
static void *grow(void *old, uint32_t n, size_t size)
{
	if (old && (n & (n - 1)))
		return old;
	void *p = arena_alloc(ty_arena(), (n ? 2 * (size_t)n : 1) * size);
	if (old && n)
		memcpy(p, old, n * size);
	return p;
}

/* ---- fields ---- */
static void add_field(TypeInfo *ti, Field *f)
{
	if (f->is_static) {
		ti->statics = grow(ti->statics, ti->nstatics, sizeof *ti->statics);
		ti->statics[ti->nstatics++] = f;
	} else {
		ti->fields = grow(ti->fields, ti->nfields, sizeof *ti->fields);
		ti->fields[ti->nfields++] = f;
	}
}

bool ty_has_attribute(Image *img, Token parent, const char *full)
{
	return ty_attribute_row(img, parent, full) != 0;
}

/* Is CustomAttribute row ca of class `full`? */
static bool attribute_is(Image *img, uint32_t ca, const char *full)
{
	Token ctor = md_get(img, T_CustomAttribute, ca, CustomAttribute_Type);
	Token owner = TOK_TABLE(ctor) == T_MemberRef ?
		md_get(img, T_MemberRef, TOK_ROW(ctor), MemberRef_Class) :
		TOKEN(T_TypeDef, md_owner_of_method(img, TOK_ROW(ctor)));
	if (TOK_TABLE(owner) != T_TypeRef && TOK_TABLE(owner) != T_TypeDef)
		return false;
	Buf b = {0};
	sig_print_token(&b, img, owner, false, NULL);
	bool yes = !strcmp(b.s, full);
	buf_free(&b);
	return yes;
}

uint32_t ty_attribute_rows(Image *img, Token parent, const char *full, uint32_t *rows,
			   uint32_t max)
{
	uint32_t first, end, n = 0;
	md_lookup(img, T_CustomAttribute, CustomAttribute_Parent, parent, &first, &end);
	for (uint32_t pos = first; pos < end && n < max; pos++) {
		uint32_t ca = md_lookup_row(img, T_CustomAttribute, CustomAttribute_Parent, pos);
		if (attribute_is(img, ca, full))
			rows[n++] = ca;
	}
	return n;
}

uint32_t ty_attribute_row(Image *img, Token parent, const char *full)
{
	uint32_t row;
	return ty_attribute_rows(img, parent, full, &row, 1) ? row : 0;
}

static Field *make_field(Type *t, uint32_t row)
{
	Image *img = t->img;
	Field *f = arena_alloc(ty_arena(), sizeof *f);
	f->owner = t, f->img = img, f->row = row;
	f->name = md_string(img, md_get(img, T_Field, row, Field_Name));
	f->flags = (uint16_t)md_get(img, T_Field, row, Field_Flags);
	f->is_static = f->flags & FF_STATIC;
	f->is_literal = f->flags & FF_LITERAL;
	f->is_thread_static = f->is_static && ty_attribute_row(img, TOKEN(T_Field, row), "System.ThreadStaticAttribute");
	Arena a = {0};
	Ctx ctx = type_ctx(t);
	f->type = ty_from_sig(img, sig_field(img, &a, md_get(img, T_Field, row,
					     Field_Signature)), &ctx);
	arena_free(&a);
	uint32_t lay = md_lookup1(img, T_FieldLayout, FieldLayout_Field, row);
	f->offset = lay ? (int32_t)md_get(img, T_FieldLayout, lay, FieldLayout_Offset) : -1;
	/* The suffix tells apart a base's and a derived type's fields of
	 * one name (a struct holds both); it hashes the field's identity,
	 * not an order of discovery, so the name is the same in every program
	 * (types.c's stable names). */
	uint32_t h = 2166136261u;
	for (const char *s = ty_identity_name(img); s && *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	h = (h ^ row) * 16777619u;
	Buf b = {0};
	buf_printf(&b, "f_");
	for (const char *s = f->name; *s; s++)
		buf_putc(&b, ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			      (*s >= '0' && *s <= '9')) ? *s : '_');
	buf_printf(&b, "_%x", h);
	f->cname = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return f;
}

static void load_fields(Type *t, TypeInfo *ti)
{
	uint32_t first, end;
	md_list(t->img, T_TypeDef, t->row, TypeDef_FieldList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		Field *f = make_field(t, md_list_row(t->img, T_Field, pos));
		if (!f->is_literal) {
			add_field(ti, f);
		} else {
			ti->literals = grow(ti->literals, ti->nliterals, sizeof *ti->literals);
			ti->literals[ti->nliterals++] = f;
		}
		if (!f->is_static && !strcmp(f->name, "value__"))
			ti->underlying = f->type;
	}
}

static bool type_pointer_free(Type *t)
{
	switch (t->kind) {
	case TY_CLASS: case TY_SZARRAY: case TY_ARRAY: case TY_BYREF:
	case TY_TYPEDREF: case TY_VAR: case TY_MVAR:
		return false;
	case TY_STRUCT:
		return ty_info(t)->pointer_free;
	default:
		return true;
	}
}

static bool fields_pointer_free(Type *t, TypeInfo *ti)
{
	if (ti->base && ti->base->img && !ty_info(ti->base)->pointer_free)
		return false;
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Type *ft = ti->fields[i]->type;
		/* a struct's field of its own type is a primitive's value
		 * (Int32.m_value); a class's is a reference */
		if (ft == t && t->kind == TY_STRUCT)
			continue;
		if (!type_pointer_free(ft))
			return false;
	}
	return true;
}

/* ---- methods ---- */
static void load_methods(Type *t, TypeInfo *ti)
{
	uint32_t first, end;
	md_list(t->img, T_TypeDef, t->row, TypeDef_MethodList, &first, &end);
	ti->methods = arena_alloc(ty_arena(), (end - first + 1) * sizeof *ti->methods);
	for (uint32_t pos = first; pos < end; pos++) {
		Method *m = ty_method(t, t->img, md_list_row(t->img, T_MethodDef, pos), NULL, 0);
		ti->methods[ti->nmethods++] = m;
		if (!strcmp(m->name, ".cctor") && (m->flags & MF_STATIC))
			ti->cctor = m;
	}
}

/* ---- interfaces ---- */
static void add_iface(TypeInfo *ti, Type *i)
{
	for (uint32_t k = 0; k < ti->nifaces; k++)
		if (ti->ifaces[k] == i)
			return;
	ti->ifaces = grow(ti->ifaces, ti->nifaces, sizeof *ti->ifaces);
	ti->ifaces[ti->nifaces++] = i;
	TypeInfo *ii = ty_info(i);
	for (uint32_t k = 0; k < ii->nifaces; k++)
		add_iface(ti, ii->ifaces[k]);
}

static bool declares_iface(Type *t, Type *iface)
{
	Ctx ctx = type_ctx(t);
	uint32_t first, end;
	md_lookup(t->img, T_InterfaceImpl, InterfaceImpl_Class, t->row, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(t->img, T_InterfaceImpl, InterfaceImpl_Class, pos);
		Token tok = md_get(t->img, T_InterfaceImpl, r, InterfaceImpl_Interface);
		if (ty_from_token(t->img, tok, &ctx) == iface)
			return true;
	}
	return false;
}

static void load_ifaces(Type *t, TypeInfo *ti)
{
	if (ti->base) {
		TypeInfo *bi = ty_info(ti->base);
		for (uint32_t k = 0; k < bi->nifaces; k++)
			add_iface(ti, bi->ifaces[k]);
	}
	Ctx ctx = type_ctx(t);
	uint32_t first, end;
	md_lookup(t->img, T_InterfaceImpl, InterfaceImpl_Class, t->row, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(t->img, T_InterfaceImpl, InterfaceImpl_Class, pos);
		Token tok = md_get(t->img, T_InterfaceImpl, r, InterfaceImpl_Interface);
		add_iface(ti, ty_from_token(t->img, tok, &ctx));
	}
}

/* ---- vtables ---- */
static bool same_sig(const Method *a, const Method *b)
{
	if (a->nparams != b->nparams || a->ret != b->ret || a->has_this != b->has_this ||
	    a->is_vararg != b->is_vararg)
		return false;
	for (uint32_t i = 0; i < a->nparams; i++)
		if (a->params[i] != b->params[i])
			return false;
	return true;
}

static int32_t find_slot(TypeInfo *ti, Method **decl, Method *m)
{
	for (int32_t j = (int32_t)ti->nvirt - 1; j >= 0; j--)
		if (!strcmp(decl[j]->name, m->name) && same_sig(decl[j], m))
			return j;
	return -1;
}

static void build_vtable(Type *t, TypeInfo *ti)
{
	TypeInfo *bi = ti->base ? ty_info(ti->base) : NULL;
	uint32_t nbase = bi ? bi->nvirt : 0, cap = nbase + ti->nmethods;
	ti->vtable = arena_alloc(ty_arena(), (cap + 1) * sizeof *ti->vtable);
	ti->slot_decl = arena_alloc(ty_arena(), (cap + 1) * sizeof *ti->slot_decl);
	if (nbase) {
		memcpy(ti->vtable, bi->vtable, nbase * sizeof *ti->vtable);
		memcpy(ti->slot_decl, bi->slot_decl, nbase * sizeof *ti->slot_decl);
	}
	ti->nvirt = nbase;
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!(m->flags & MF_VIRTUAL))
			continue;
		int32_t j = (m->flags & MF_NEWSLOT) ? -1 : find_slot(ti, ti->slot_decl, m);
		if (j < 0) {
			j = (int32_t)ti->nvirt++;
			ti->slot_decl[j] = m;
		}
		ti->vtable[j] = m;
		m->slot = j;
	}
}

/* The MethodImpl rows of a type, one at a time: the method each
 * overrides, resolved in the type's context, and its body only when asked
 * (impl_body), so that nothing else is made. */
typedef struct ImplRows {
	Type *t;
	Ctx ctx;
	uint32_t pos, end, row;
} ImplRows;

static ImplRows impl_rows(Type *t)
{
	ImplRows it = { .t = t, .ctx = type_ctx(t) };
	md_lookup(t->img, T_MethodImpl, MethodImpl_Class, t->row, &it.pos, &it.end);
	return it;
}

/* The next row's declaration, or NULL after the last. */
static Method *impl_next(ImplRows *it)
{
	if (it->pos >= it->end)
		return NULL;
	Image *img = it->t->img;
	it->row = md_lookup_row(img, T_MethodImpl, MethodImpl_Class, it->pos++);
	return ty_method_from_token(img, md_get(img, T_MethodImpl, it->row,
						MethodImpl_MethodDeclaration), &it->ctx);
}

static Method *impl_body(ImplRows *it)
{
	Image *img = it->t->img;
	return ty_method_from_token(img, md_get(img, T_MethodImpl, it->row,
						MethodImpl_MethodBody), &it->ctx);
}

/* MethodImpl rows of t: explicit overrides of class slots and interface
 * methods. Interface ones are applied in build_imap. */
static void apply_class_overrides(Type *t, TypeInfo *ti)
{
	ImplRows it = impl_rows(t);
	for (Method *decl; (decl = impl_next(&it));) {
		if (ty_info(decl->owner)->is_interface)
			continue;
		Method *body = impl_body(&it);
		if (decl->slot >= 0 && (uint32_t)decl->slot < ti->nvirt) {
			ti->vtable[decl->slot] = body;
			if (body->slot < 0)
				body->slot = decl->slot;
		}
	}
}

static Method *explicit_impl(Type *t, Method *im)
{
	for (Type *c = t; c && c->img; c = ty_info(c)->base) {
		ImplRows it = impl_rows(c);
		for (Method *decl; (decl = impl_next(&it));)
			if (decl == im)
				return impl_body(&it);
	}
	return NULL;
}

static Method *by_name(TypeInfo *ti, Method *im)
{
	for (int32_t j = (int32_t)ti->nvirt - 1; j >= 0; j--) {
		Method *m = ti->vtable[j];
		if (m && !strcmp(m->name, im->name) && same_sig(m, im))
			return m;
	}
	return NULL;
}

static Method *through_vtable(TypeInfo *ti, Method *m)
{
	if (m && m->slot >= 0 && (uint32_t)m->slot < ti->nvirt && ti->vtable[m->slot])
		return ti->vtable[m->slot];
	return m;
}

/* ---- default interface methods (ECMA-335 2019 addendum) ----
 * When no class of t's chain implements interface method im, the
 * implementation is the most specific body among t's interfaces: im's own,
 * or another interface's MethodImpl naming im. An interface is more
 * specific than those it inherits. One left: that body (an abstract one
 * re-abstracts the slot: no implementation). Several: ambiguous, also no
 * implementation; ty_iface_conflict tells the two apart for the code
 * generator, which makes such slots throw what Mono throws. */
static Method *iface_override(Type *j, Method *im)
{
	ImplRows it = impl_rows(j);
	for (Method *decl; (decl = impl_next(&it));)
		if (decl == im)
			return impl_body(&it);
	return NULL;
}

static Method *iface_body(Type *j, Method *im)
{
	if (j == im->owner)
		return (im->flags & MF_ABSTRACT) ? NULL : im;
	return iface_override(j, im);
}

/* The most specific body, and how many are equally specific. */
static Method *default_impl(TypeInfo *ti, Method *im, uint32_t *nbest)
{
	Method *best = NULL;
	*nbest = 0;
	for (uint32_t a = 0; a < ti->nifaces; a++) {
		Method *body = iface_body(ti->ifaces[a], im);
		if (!body)
			continue;
		bool beaten = false;
		for (uint32_t c = 0; c < ti->nifaces && !beaten; c++)
			beaten = c != a && iface_body(ti->ifaces[c], im) &&
				ty_implements(ti->ifaces[c], ti->ifaces[a]);
		if (!beaten) {
			best = body;
			++*nbest;
		}
	}
	return best;
}

static Method *class_impl(Type *t, TypeInfo *ti, Type *iface, Method *im)
{
	Method *m = explicit_impl(t, im);
	if (m)
		return through_vtable(ti, m);
	if (declares_iface(t, iface) && (m = by_name(ti, im)))
		return m;
	if (ti->base && ty_implements(ti->base, iface)) {
		m = ty_resolve_virtual(ti->base, im);
		if (m && !ty_info(m->owner)->is_interface)
			return through_vtable(ti, m);
	}
	return by_name(ti, im);
}

static Method *iface_impl(Type *t, TypeInfo *ti, Type *iface, uint32_t k)
{
	Method *im = ty_info(iface)->methods[k];
	if (!(im->flags & MF_VIRTUAL))
		return NULL;
	Method *m = class_impl(t, ti, iface, im);
	if (m)
		return m;
	uint32_t n;
	m = default_impl(ti, im, &n);
	return n == 1 && !(m->flags & MF_ABSTRACT) ? m : NULL;
}

TyConflict ty_iface_conflict(Type *t, Method *im, Method **reabstracted)
{
	if (!t->img || !ty_info(im->owner)->is_interface || ty_resolve_virtual(t, im))
		return TY_RESOLVED;
	uint32_t n;
	Method *m = default_impl(ty_info(t), im, &n);
	if (n > 1)
		return TY_AMBIGUOUS;
	*reabstracted = m;
	return n == 1 ? TY_REABSTRACTED : TY_UNIMPLEMENTED;
}

static void build_imap(Type *t, TypeInfo *ti)
{
	ti->imap = arena_alloc(ty_arena(), (ti->nifaces + 1) * sizeof *ti->imap);
	if (ti->is_interface)
		return;
	for (uint32_t i = 0; i < ti->nifaces; i++) {
		TypeInfo *ii = ty_info(ti->ifaces[i]);
		ti->imap[i] = arena_alloc(ty_arena(), (ii->nmethods + 1) * sizeof **ti->imap);
		for (uint32_t k = 0; k < ii->nmethods; k++)
			ti->imap[i][k] = iface_impl(t, ti, ti->ifaces[i], k);
	}
}

static void find_finalizer(TypeInfo *ti)
{
	Method *fin = ty_find_method(ty_object, "Finalize", 0);
	if (fin && fin->slot >= 0 && (uint32_t)fin->slot < ti->nvirt &&
	    ti->vtable[fin->slot] != fin)
		ti->finalizer = ti->vtable[fin->slot];
}

/* ---- the whole ---- */
static void load_header(Type *t, TypeInfo *ti)
{
	Image *img = t->img;
	ti->flags = md_get(img, T_TypeDef, t->row, TypeDef_Flags);
	ti->is_interface = ti->flags & TF_INTERFACE;
	ti->is_abstract = ti->flags & TF_ABSTRACT;
	ti->explicit_layout = (ti->flags & TF_LAYOUT) == TF_EXPLICIT;
	ti->sequential = (ti->flags & TF_LAYOUT) == TF_SEQUENTIAL;
	Token ext = md_get(img, T_TypeDef, t->row, TypeDef_Extends);
	Ctx ctx = type_ctx(t);
	if (ext)
		ti->base = ty_from_token(img, ext, &ctx);
	ti->is_enum = ti->base == ty_enum;
	ti->is_flags = ti->is_enum &&
		ty_attribute_row(img, TOKEN(T_TypeDef, t->row), "System.FlagsAttribute");
	ti->is_delegate = ti->base == ty_mcdelegate && t != ty_mcdelegate;
	ti->is_nullable = img == ty_nullable_def->img && t->row == ty_nullable_def->row;
	uint32_t lay = md_lookup1(img, T_ClassLayout, ClassLayout_Parent, t->row);
	if (lay) {
		ti->pack = md_get(img, T_ClassLayout, lay, ClassLayout_PackingSize);
		ti->class_size = md_get(img, T_ClassLayout, lay, ClassLayout_ClassSize);
	}
}

TypeInfo *ty_info(Type *t)
{
	if (t->info)
		return t->info;
	if (!t->img)
		fatal("internal error: no type information for %s", t->name);
	TypeInfo *ti = arena_alloc(ty_arena(), sizeof *ti);
	t->info = ti;
	load_header(t, ti);
	load_fields(t, ti);
	load_methods(t, ti);
	ti->pointer_free = true;        /* provisional, for self-references */
	ti->pointer_free = fields_pointer_free(t, ti);
	load_ifaces(t, ti);
	if (!ti->is_interface) {
		build_vtable(t, ti);
		apply_class_overrides(t, ti);
		find_finalizer(ti);
	}
	build_imap(t, ti);
	return ti;
}

/* ---- arrays ----
 * An array's interfaces are System.Array's and, for a vector T[], the
 * generic interfaces below at every U such that a T[] is a U[] (array
 * covariance: U is T, a base class or interface of a reference type T, or
 * the same reduced type as a value type T, so int[] is an IList<uint> and
 * an IList<E> for every enum E over int). That set is unbounded, so it is a
 * predicate here, not a list; the code generator lists the ones the
 * program can ask for. Each method of I<U> is implemented by System.Array's
 * method "InternalArray__" + prefix + the method's name, instantiated at U
 * (Mono's runtime maps them the same way). */
static const struct { const char *name, *prefix; } array_ifaces[] = {
	{ "IList`1", "" },
	{ "ICollection`1", "ICollection_" },
	{ "IEnumerable`1", "IEnumerable_" },
	{ "IReadOnlyList`1", "IReadOnlyList_" },
	{ "IReadOnlyCollection`1", "IReadOnlyCollection_" },
};

static bool is_array(const Type *t) { return t->kind == TY_SZARRAY || t->kind == TY_ARRAY; }

int ty_array_iface(Type *iface)
{
	static uint32_t rows[countof(array_ifaces)];
	if (iface->img != ty_corlib || iface->ninst != 1)
		return -1;
	for (unsigned k = 0; k < countof(array_ifaces); k++) {
		if (!rows[k])
			rows[k] = ty_corlib_type("System.Collections.Generic",
						 array_ifaces[k].name)->row;
		if (iface->row == rows[k])
			return (int)k;
	}
	return -1;
}

/* The reduced type (ECMA-335 §I.8.7.1) of a value type: enums as their
 * underlying type, unsigned integers as the signed ones; as an array's
 * element also native integers as 64-bit ones (the targets are 64-bit).
 * Mono reduces IList<U>'s U without that last step, so long[] is an
 * IntPtr[] but not an IList<IntPtr>; an IntPtr[] is an IList<ulong>. */
static TypeKind reduced(Type *t, bool elem)
{
	if (t->kind == TY_STRUCT && ty_info(t)->is_enum && ty_info(t)->underlying)
		t = ty_info(t)->underlying;
	switch (t->kind) {
	case TY_U1: return TY_I1;
	case TY_U2: return TY_I2;
	case TY_U4: return TY_I4;
	case TY_U8: return TY_I8;
	case TY_I: case TY_U: return elem ? TY_I8 : t->kind;
	default: return t->kind;
	}
}

static bool ref_assignable(Type *to, Type *from);

/* Generic variance (ECMA-335 §II.9.11) between two instances of one
 * interface or delegate: each argument the same, or reference types
 * assignable one way for a covariant parameter, the other way for a
 * contravariant one. */
static bool variant_to(Type *to, Type *from)
{
	if (!to->ninst || to->img != from->img || to->row != from->row)
		return false;
	uint32_t first, end;
	md_lookup(to->img, T_GenericParam, GenericParam_Owner, TOKEN(T_TypeDef, to->row),
		  &first, &end);
	if (end - first != to->ninst)
		return false;
	for (uint32_t i = 0; i < to->ninst; i++) {
		Type *a = to->inst[i], *b = from->inst[i];
		uint32_t r = md_lookup_row(to->img, T_GenericParam, GenericParam_Owner, first + i);
		uint32_t var = md_get(to->img, T_GenericParam, r, GenericParam_Flags) & 3;
		if (a == b)
			continue;
		if (!ty_is_ref(a) || !ty_is_ref(b) || !var ||
		    !(var == 1 ? ref_assignable(a, b) : ref_assignable(b, a)))
			return false;
	}
	return true;
}

bool ty_variant_to(Type *to, Type *from)
{
	return variant_to(to, from);
}

static bool iface_assignable(Type *to, Type *from)
{
	if (ty_implements(from, to) || variant_to(to, from))
		return true;
	if (is_array(from))
		return false;           /* theirs are exact (array_implements) */
	TypeInfo *fi = ty_info(from);
	for (uint32_t i = 0; i < fi->nifaces; i++)
		if (variant_to(to, fi->ifaces[i]))
			return true;
	return false;
}

static bool ref_assignable(Type *to, Type *from)
{
	if (to == from || to == ty_object)
		return true;
	if (is_array(to))
		return to->kind == from->kind && to->rank == from->rank &&
		       ty_array_elem_compatible(to->elem, from->elem);
	if (ty_info(to)->is_interface)
		return iface_assignable(to, from);
	if (is_array(from))
		return to == ty_array;
	return ty_is_subclass(from, to) || (ty_info(to)->is_delegate && variant_to(to, from));
}

/* May a `from` stand for a `to`: as elements of arrays (to_elem), or as
 * the element of an array that is an IList<to>? */
static bool elem_compatible(Type *to, Type *from, bool to_elem)
{
	if (to == from)
		return true;
	if (ty_is_ref(to) || ty_is_ref(from))
		return ty_is_ref(to) && ty_is_ref(from) && ref_assignable(to, from);
	TypeKind k = reduced(to, to_elem);
	return k >= TY_I1 && k <= TY_U && k != TY_R4 && k != TY_R8 && k == reduced(from, true);
}

bool ty_array_elem_compatible(Type *to, Type *from)
{
	return elem_compatible(to, from, true);
}

static bool array_implements(Type *t, Type *iface)
{
	if (ty_implements(ty_array, iface))
		return true;
	return t->kind == TY_SZARRAY && ty_array_iface(iface) >= 0 &&
	       elem_compatible(iface->inst[0], t->elem, false);
}

/* System.Array's implementation of method `im` of generic array interface
 * number k (instantiated at U): InternalArray__<prefix><name><U>. */
static Method *array_impl(Method *im, int k)
{
	char name[128];
	snprintf(name, sizeof name, "InternalArray__%s%s", array_ifaces[k].prefix, im->name);
	Method *m = ty_find_method(ty_array, name, (int)im->nparams);
	if (!m || !ty_method_generic_arity(m))
		return m;
	return ty_method(ty_array, m->img, m->row, im->owner->inst, 1);
}

static Method *array_resolve(Type *t, Method *m)
{
	int k = m->ninst ? -1 : ty_array_iface(m->owner);
	if (k >= 0 && !ty_implements(ty_array, m->owner))
		return array_implements(t, m->owner) ? array_impl(m, k) : NULL;
	return ty_resolve_virtual(ty_array, m);
}

/* ---- queries ---- */
bool ty_is_subclass(Type *t, Type *of)
{
	for (Type *c = t; c; c = c->img ? ty_info(c)->base : NULL)
		if (c == of)
			return true;
	return false;
}

bool ty_implements(Type *t, Type *iface)
{
	if (is_array(t))
		return array_implements(t, iface);
	if (!t->img)
		return false;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nifaces; i++)
		if (ti->ifaces[i] == iface)
			return true;
	return false;
}

bool ty_satisfies(Image *img, uint32_t gp, Type *arg, const Ctx *ctx)
{
	uint32_t flags = md_get(img, T_GenericParam, gp, GenericParam_Flags);
	if ((flags & 0x4) && ty_is_valuetype(arg))
		return false;
	if ((flags & 0x8) && (!ty_is_valuetype(arg) || (arg->img && ty_info(arg)->is_nullable)))
		return false;
	uint32_t first, end;
	md_lookup(img, T_GenericParamConstraint, GenericParamConstraint_Owner, gp, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t r = md_lookup_row(img, T_GenericParamConstraint,
					   GenericParamConstraint_Owner, i);
		Token tok = md_get(img, T_GenericParamConstraint, r,
				   GenericParamConstraint_Constraint);
		Type *want = ty_from_token(img, tok, ctx);
		if (want == ty_object || want == arg || ty_is_subclass(arg, want) ||
		    ty_implements(arg, want))
			continue;
		if (want->img && want == ty_corlib_type("System", "ValueType") && ty_is_valuetype(arg))
			continue;
		return false;
	}
	return true;
}

/* Do args satisfy the constraints of owner's generic parameters (owner a
 * TypeDef or MethodDef token; ctx gives the arguments constraints name)? */
bool ty_args_satisfy(Image *img, Token owner, Type *const *args, uint32_t n, const Ctx *ctx)
{
	uint32_t first, end;
	md_lookup(img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t gp = md_lookup_row(img, T_GenericParam, GenericParam_Owner, i);
		uint32_t num = md_get(img, T_GenericParam, gp, GenericParam_Number);
		if (num < n && !ty_satisfies(img, gp, args[num], ctx))
			return false;
	}
	return true;
}

Method *ty_resolve_virtual(Type *t, Method *m)
{
	if (is_array(t))
		return array_resolve(t, m);
	if (m->ninst) {
		Method *def = ty_method(m->owner, m->img, m->row, NULL, 0);
		Method *impl = ty_resolve_virtual(t, def);
		return impl ? ty_method(impl->owner, impl->img, impl->row, m->inst, m->ninst) : NULL;
	}
	TypeInfo *ti = ty_info(t);
	if (ty_info(m->owner)->is_interface) {
		for (uint32_t i = 0; i < ti->nifaces; i++) {
			if (ti->ifaces[i] != m->owner)
				continue;
			TypeInfo *ii = ty_info(m->owner);
			for (uint32_t k = 0; k < ii->nmethods; k++)
				if (ii->methods[k] == m)
					return ti->imap[i] ? ti->imap[i][k] : NULL;
		}
		return NULL;
	}
	if (m->slot < 0 || (uint32_t)m->slot >= ti->nvirt)
		return m;
	return ti->vtable[m->slot];
}

/* ---- types Mono will not load ---- */
/* A reference in explicit layout not on a pointer boundary (ECMA-335
 * §II.10.7; Mono allows it over other fields). */
static Field *misaligned_reference(TypeInfo *ti)
{
	for (uint32_t i = 0; ti->explicit_layout && i < ti->nfields; i++) {
		Field *r = ti->fields[i];
		if (ty_is_ref(r->type) && r->offset > 0 && r->offset % 8)
			return r;
	}
	return NULL;
}

static bool synchronized_value_type(Type *t, TypeInfo *ti)
{
	for (uint32_t i = 0; t->kind == TY_STRUCT && i < ti->nmethods; i++)
		if (ti->methods[i]->impl_flags & MI_SYNCHRONIZED)
			return true;
	return false;
}

/* Is img one of the class library's (in mscorlib's folder)? Mono's own
 * assemblies are not checked for what it would refuse. */
static bool in_class_library(Image *img)
{
	const char *slash = strrchr(ty_corlib->path, '/');
	size_t n = slash ? (size_t)(slash - ty_corlib->path) : 0;
	return !n || (!strncmp(img->path, ty_corlib->path, n) && img->path[n] == '/');
}

/* A class that can be made but has no implementation of an instance
 * method of one of its interfaces, not even a default one: Mono fails
 * to set up its vtable (class-init.c). */
static Method *unimplemented(Type *t, TypeInfo *ti)
{
	if (ti->is_interface || ti->is_abstract || in_class_library(t->img))
		return NULL;
	for (uint32_t i = 0; i < ti->nifaces; i++) {
		TypeInfo *ii = ty_info(ti->ifaces[i]);
		for (uint32_t k = 0; k < ii->nmethods; k++) {
			Method *im = ii->methods[k], *re = NULL;
			/* a private abstract one re-abstracts another (.override) */
			if (!ti->imap[i][k] && im->has_this && (im->flags & MF_VIRTUAL) &&
			    (im->flags & MF_ACCESS) == MF_PUBLIC &&
			    ty_iface_conflict(t, im, &re) == TY_UNIMPLEMENTED)
				return im;
		}
	}
	return NULL;
}

const char *ty_load_failure(Type *t)
{
	while (t->kind == TY_SZARRAY || t->kind == TY_ARRAY || t->kind == TY_PTR ||
	       t->kind == TY_BYREF)
		t = t->elem;
	if ((t->kind != TY_CLASS && t->kind != TY_STRUCT) || !t->img)
		return NULL;
	TypeInfo *ti = ty_info(t);
	if (ti->load_checked)
		return ti->load_failure;
	ti->load_checked = true;
	Field *r = misaligned_reference(ti);
	ti->load_fails_early = r != NULL;
	if (r)
		ti->load_failure = arena_printf(ty_arena(), "Reference typed field '%s' has explicit"
						" offset that is not pointer-size aligned.", r->name);
	else if (ti->is_enum && !ti->nfields && !in_class_library(t->img))
		ti->load_failure = "Could not find base type";   /* no value__ */
	else if (synchronized_value_type(t, ti))
		ti->load_failure = arena_printf(ty_arena(), "Could not load type '%s' from"
						" assembly ''.", t->name);
	else if (unimplemented(t, ti))
		ti->load_failure = arena_printf(ty_arena(), "VTable setup of type %s failed",
						t->name);
	return ti->load_failure;
}

bool ty_load_fails_early(Type *t)
{
	while (t->elem)
		t = t->elem;
	return ty_load_failure(t) && ty_info(t)->load_fails_early;
}
