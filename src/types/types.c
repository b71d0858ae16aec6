/* types: interning, names, and resolution of tokens to Types, Methods and
 * Fields. Layout-level facts (fields, vtables, interfaces) are in info.c.
 *
 * See types.h for the contract. Interning is one hash table per kind of
 * object; keys compare by identity of their parts, which are interned
 * themselves, so a structural key is a short array of pointers and numbers.
 */
#include "types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena arena;
static Loader *loader;
Image *ty_corlib;
Type *ty_prim[TY_TYPEDREF + 1];
Type *ty_object, *ty_string, *ty_valuetype, *ty_enum, *ty_array, *ty_delegate,
	*ty_mcdelegate, *ty_exception, *ty_nullable_def;

/* ---- interning ---- */
enum { TYPE_BUCKETS = 1 << 14, METHOD_BUCKETS = 1 << 15 };
static Type *type_table[TYPE_BUCKETS];
static Method *method_table[METHOD_BUCKETS];
static uint32_t next_type_id;

static uint32_t max_u32(uint32_t a, uint32_t b) { return a > b ? a : b; }

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

static uint64_t hash_inst(uint64_t h, Type **inst, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		h = mix(h, inst[i]->id);
	return h;
}

static bool same_inst(Type **a, uint32_t na, Type **b, uint32_t nb)
{
	if (na != nb)
		return false;
	for (uint32_t i = 0; i < na; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static uint64_t type_hash(const Type *k)
{
	uint64_t h = mix(k->kind, (uintptr_t)k->img);
	h = mix(h, k->row);
	h = mix(h, k->elem ? k->elem->id + 1 : 0);
	h = mix(h, k->rank);
	return hash_inst(h, k->inst, k->ninst);
}

static bool type_eq(const Type *a, const Type *b)
{
	return a->kind == b->kind && a->img == b->img && a->row == b->row &&
	       a->elem == b->elem && a->rank == b->rank &&
	       same_inst(a->inst, a->ninst, b->inst, b->ninst);
}

/* ---- names ---- */
static void put_def_name(Buf *b, Image *img, uint32_t row)
{
	sig_print_token(b, img, TOKEN(T_TypeDef, row), false, NULL);
}

static const char *const prim_cnames[] = {
	[TY_VOID] = "void", [TY_BOOL] = "bool", [TY_CHAR] = "char", [TY_I1] = "int8",
	[TY_U1] = "uint8", [TY_I2] = "int16", [TY_U2] = "uint16", [TY_I4] = "int32",
	[TY_U4] = "uint32", [TY_I8] = "int64", [TY_U8] = "uint64", [TY_R4] = "float32",
	[TY_R8] = "float64", [TY_I] = "intptr", [TY_U] = "uintptr",
	[TY_TYPEDREF] = "typedref",
};

void ty_put_suffix(Buf *b, const Type *t)
{
	switch (t->kind) {
	case TY_SZARRAY: buf_puts(b, "[]"); return;
	case TY_ARRAY:
		buf_putc(b, '[');
		for (uint32_t i = 1; i < t->rank; i++)
			buf_putc(b, ',');
		buf_putc(b, ']');
		return;
	case TY_PTR: buf_putc(b, '*'); return;
	case TY_BYREF: buf_putc(b, '&'); return;
	default: return;
	}
}

static void put_type_name(Buf *b, const Type *t)
{
	switch (t->kind) {
	case TY_SZARRAY: case TY_ARRAY: case TY_PTR: case TY_BYREF:
		put_type_name(b, t->elem);
		ty_put_suffix(b, t);
		return;
	case TY_VAR: buf_printf(b, "!%u", t->rank); return;
	case TY_MVAR: buf_printf(b, "!!%u", t->rank); return;
	case TY_FNPTR: buf_puts(b, "method*"); return;
	default: break;
	}
	if (!t->img) {
		buf_puts(b, t->kind < countof(prim_cnames) && prim_cnames[t->kind] ?
			 prim_cnames[t->kind] : "?");
		return;
	}
	put_def_name(b, t->img, t->row);
	for (uint32_t i = 0; i < t->ninst; i++) {
		buf_puts(b, i ? "," : "<");
		put_type_name(b, t->inst[i]);
	}
	if (t->ninst)
		buf_putc(b, '>');
}

/* A C identifier from `s`: letters, digits and '_' kept, the rest '_'. */
static void put_ident(Buf *b, const char *s, size_t max)
{
	for (size_t i = 0; s[i] && i < max; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9');
		buf_putc(b, ok ? c : '_');
	}
}

static const char *simple_name(const Type *t)
{
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return "Array";
	if (t->kind == TY_PTR || t->kind == TY_BYREF)
		return "Ptr";
	if (!t->img)
		return t->kind < countof(prim_cnames) && prim_cnames[t->kind] ?
			prim_cnames[t->kind] : "var";
	return md_string(t->img, md_get(t->img, T_TypeDef, t->row, TypeDef_Name));
}

/* ---- stable C names ----
 * A C name carries a hash of the metadata identity (assembly name, row,
 * generic arguments, element), not the order of discovery, so the same
 * type or method has the same C name in every program that reaches it:
 * the precondition for sharing compiled class-library code between
 * programs. 48 bits in hex; a clash within one program (about 1 in 10^7
 * for 10,000 names) moves the later one on to the next free key. */
enum { KEY_BITS = 18, KEY_BUCKETS = 1 << KEY_BITS };
#define KEY_MASK 0xffffffffffffull
static uint64_t used_keys[2][KEY_BUCKETS];      /* types, methods; 0 = free */
static uint32_t nused_keys[2];

static uint64_t stable_mix(uint64_t h, uint64_t v)
{
	h ^= v;                                         /* splitmix64's finaliser */
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

static uint64_t stable_str(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = stable_mix(h, (unsigned char)*s);
	return stable_mix(h, 0xff);
}

/* key, moved past any key already taken in table `which`, and taken. */
static uint64_t claim_key(int which, uint64_t key)
{
	if (nused_keys[which] >= KEY_BUCKETS / 2)
		fatal("more than %u %s: too many for the name table", KEY_BUCKETS / 2,
		      which ? "methods" : "types");
	for (key &= KEY_MASK;; key = (key + 1) & KEY_MASK) {
		if (!key)
			continue;
		uint32_t i = (uint32_t)(key * 0x9e3779b97f4a7c15ull >> (64 - KEY_BITS));
		while (used_keys[which][i] && used_keys[which][i] != key)
			i = (i + 1) & (KEY_BUCKETS - 1);
		if (!used_keys[which][i]) {
			used_keys[which][i] = key;
			nused_keys[which]++;
			return key;
		}
	}
}

/* The assembly's part of an identity: its name, but none for the program
 * (the image opened first), so that a program's names do not change with
 * its file's name: two versions of one program build the same class-
 * library units (the object store's hits, build.c). */
const char *ty_identity_name(const Image *img)
{
	if (!img || (loader && loader->nimages && img == loader->images[0]))
		return NULL;
	return img->name;
}

static uint64_t type_key(const Type *t)
{
	uint64_t h = stable_mix(0x1f3d5b79u, t->kind);
	h = stable_str(h, ty_identity_name(t->img));
	h = stable_mix(h, t->row);
	h = stable_mix(h, t->elem ? t->elem->key : 0);
	h = stable_mix(h, t->rank);
	for (uint32_t i = 0; i < t->ninst; i++)
		h = stable_mix(h, t->inst[i]->key);
	return h;
}

static void name_type(Type *t)
{
	Buf b = {0};
	put_type_name(&b, t);
	t->name = arena_strdup(&arena, b.s);
	buf_clear(&b);
	t->key = claim_key(0, type_key(t));
	buf_printf(&b, "T%012llx_", (unsigned long long)t->key);
	put_ident(&b, simple_name(t), 40);
	t->cname = arena_strdup(&arena, b.s);
	buf_free(&b);
}

/* Code that would make deeper types than TY_MAX_GENERIC_DEPTH is cut
 * (ty_token_depth); what the type system makes by itself (members'
 * signatures, T[] of each type, layouts) nests a few levels more. Only a
 * type whose own definition nests without end (an interface inheriting
 * itself with a bigger argument, a struct holding itself so) gets here. */
enum { MAX_TYPE_DEPTH = 4 * TY_MAX_GENERIC_DEPTH };

static uint32_t type_depth(const Type *t)
{
	uint32_t d = t->elem ? t->elem->depth : 0;
	for (uint32_t i = 0; i < t->ninst; i++)
		if (t->inst[i]->depth > d)
			d = t->inst[i]->depth;
	return d + (t->elem || t->ninst);
}

static Type *intern_type(const Type *key)
{
	uint64_t h = type_hash(key) & (TYPE_BUCKETS - 1);
	for (Type *t = type_table[h]; t; t = t->hash_next)
		if (type_eq(t, key))
			return t;
	Type *t = arena_alloc(&arena, sizeof *t);
	*t = *key;
	if (key->ninst) {
		t->inst = arena_alloc(&arena, key->ninst * sizeof *t->inst);
		memcpy(t->inst, key->inst, key->ninst * sizeof *t->inst);
	}
	t->id = next_type_id++;
	t->depth = type_depth(t);
	name_type(t);
	if (t->depth > MAX_TYPE_DEPTH)
		fatal("unbounded generic recursion: %.60s... nests %u deep (a generic type's"
		      " own definition instantiates it with ever larger arguments, which"
		      " cannot be compiled)", t->name, t->depth);
	t->hash_next = type_table[h];
	type_table[h] = t;
	return t;
}

/* ---- kinds of TypeDefs ---- */
static const struct { const char *name; TypeKind kind; } prim_defs[] = {
	{ "Void", TY_VOID }, { "Boolean", TY_BOOL }, { "Char", TY_CHAR },
	{ "SByte", TY_I1 }, { "Byte", TY_U1 }, { "Int16", TY_I2 },
	{ "UInt16", TY_U2 }, { "Int32", TY_I4 }, { "UInt32", TY_U4 },
	{ "Int64", TY_I8 }, { "UInt64", TY_U8 }, { "Single", TY_R4 },
	{ "Double", TY_R8 }, { "IntPtr", TY_I }, { "UIntPtr", TY_U },
	{ "TypedReference", TY_TYPEDREF },
};

static bool def_is(Image *img, uint32_t row, const char *ns, const char *name)
{
	return !strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name)), name) &&
	       !strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace)), ns);
}

typedef struct DefRef {
	Image *img;
	uint32_t row;
} DefRef;

TyMissing ty_missing;

/* TypeDef or TypeRef token to its TypeDef; fatal when it cannot be found. */
static DefRef resolve_def(Image *img, Token tok)
{
	if (TOK_TABLE(tok) == T_TypeDef)
		return (DefRef){ img, TOK_ROW(tok) };
	if (TOK_TABLE(tok) != T_TypeRef)
		md_error(img, "token 0x%08x is not a TypeDef or TypeRef", tok);
	TypeRefTarget t = ld_resolve_typeref(loader, img, TOK_ROW(tok));
	if (!t.row) {
		ty_missing = (TyMissing){ TY_MISSING_TYPE, img, tok };
		Buf b = {0};
		sig_print_token(&b, img, tok, true, NULL);
		md_error(img, "cannot find type %s (is its assembly installed, or"
			 " given with -L?)", b.s);
	}
	return (DefRef){ t.img, t.row };
}

static TypeKind def_kind(Image *img, uint32_t row)
{
	if (img == ty_corlib &&
	    !strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace)), "System")) {
		const char *name = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name));
		for (unsigned i = 0; i < countof(prim_defs); i++)
			if (!strcmp(name, prim_defs[i].name))
				return prim_defs[i].kind;
	}
	Token ext = md_get(img, T_TypeDef, row, TypeDef_Extends);
	if (!ext || TOK_TABLE(ext) == T_TypeSpec)
		return TY_CLASS;
	DefRef base = resolve_def(img, ext);
	if (base.img != ty_corlib)
		return TY_CLASS;
	if (def_is(base.img, base.row, "System", "Enum"))
		return TY_STRUCT;
	if (def_is(base.img, base.row, "System", "ValueType") &&
	    !def_is(img, row, "System", "Enum"))
		return TY_STRUCT;
	return TY_CLASS;
}

Type *ty_def(Image *img, uint32_t row, Type **inst, uint32_t ninst)
{
	TypeKind k = def_kind(img, row);
	if (k < TY_CLASS || k == TY_TYPEDREF) {
		if (ty_prim[k])
			return ty_prim[k];
	}
	Type key = { .kind = k, .img = img, .row = row, .ninst = ninst, .inst = inst };
	return intern_type(&key);
}

static Type *derived(TypeKind k, Type *elem, uint32_t rank)
{
	Type key = { .kind = k, .elem = elem, .rank = rank };
	return intern_type(&key);
}

Type *ty_sz(Type *elem) { return derived(TY_SZARRAY, elem, 1); }
Type *ty_md(Type *elem, uint32_t rank) { return derived(TY_ARRAY, elem, rank); }
Type *ty_ptr(Type *elem) { return derived(TY_PTR, elem, 0); }
Type *ty_byref(Type *elem) { return derived(TY_BYREF, elem, 0); }
Type *ty_var(bool method, uint32_t i) { return derived(method ? TY_MVAR : TY_VAR, NULL, i); }

Type *ty_corlib_type(const char *ns, const char *name)
{
	uint32_t row = ld_find_type(ty_corlib, ns, name);
	if (!row)
		md_error(ty_corlib, "the class library has no type %s.%s", ns, name);
	return ty_def(ty_corlib, row, NULL, 0);
}

void ty_init(Loader *ld, Image *corlib)
{
	loader = ld;
	ty_corlib = corlib;
	for (unsigned i = 0; i < countof(prim_defs); i++) {
		TypeKind k = prim_defs[i].kind;
		uint32_t row = ld_find_type(corlib, "System", prim_defs[i].name);
		if (!row)
			md_error(corlib, "not a class library: no System.%s", prim_defs[i].name);
		Type key = { .kind = k, .img = corlib, .row = row };
		ty_prim[k] = intern_type(&key);
	}
	ty_object = ty_corlib_type("System", "Object");
	ty_string = ty_corlib_type("System", "String");
	ty_valuetype = ty_corlib_type("System", "ValueType");
	ty_enum = ty_corlib_type("System", "Enum");
	ty_array = ty_corlib_type("System", "Array");
	ty_delegate = ty_corlib_type("System", "Delegate");
	ty_mcdelegate = ty_corlib_type("System", "MulticastDelegate");
	ty_exception = ty_corlib_type("System", "Exception");
	ty_nullable_def = ty_corlib_type("System", "Nullable`1");
}

void ty_free(void)
{
	arena_free(&arena);
	memset(type_table, 0, sizeof type_table);
	memset(method_table, 0, sizeof method_table);
	next_type_id = 0;
	memset(used_keys, 0, sizeof used_keys);
	memset(nused_keys, 0, sizeof nused_keys);
	loader = NULL;
	ty_corlib = NULL;
}

/* ---- from signatures and tokens ---- */
static Type *from_sig(Image *img, const TypeSig *s, const Ctx *ctx);

static Type *generic_inst(Image *img, const TypeSig *s, const Ctx *ctx)
{
	DefRef d = resolve_def(img, s->elem->token);
	Type **args = arena_alloc(&arena, s->nargs * sizeof *args);
	for (uint32_t i = 0; i < s->nargs; i++)
		args[i] = from_sig(img, s->args[i], ctx);
	return ty_def(d.img, d.row, args, s->nargs);
}

static Type *from_sig(Image *img, const TypeSig *s, const Ctx *ctx)
{
	switch (s->kind) {
	case ET_VOID: return ty_prim[TY_VOID];
	case ET_BOOLEAN: return ty_prim[TY_BOOL];
	case ET_CHAR: return ty_prim[TY_CHAR];
	case ET_I1: return ty_prim[TY_I1];
	case ET_U1: return ty_prim[TY_U1];
	case ET_I2: return ty_prim[TY_I2];
	case ET_U2: return ty_prim[TY_U2];
	case ET_I4: return ty_prim[TY_I4];
	case ET_U4: return ty_prim[TY_U4];
	case ET_I8: return ty_prim[TY_I8];
	case ET_U8: return ty_prim[TY_U8];
	case ET_R4: return ty_prim[TY_R4];
	case ET_R8: return ty_prim[TY_R8];
	case ET_I: return ty_prim[TY_I];
	case ET_U: return ty_prim[TY_U];
	case ET_TYPEDBYREF: return ty_prim[TY_TYPEDREF];
	case ET_STRING: return ty_string;
	case ET_OBJECT: return ty_object;
	case ET_CLASS: case ET_VALUETYPE: return ty_from_token(img, s->token, ctx);
	case ET_VAR:
		if (ctx && s->index < ctx->ntinst)
			return ctx->tinst[s->index];
		return ty_var(false, s->index);
	case ET_MVAR:
		if (ctx && s->index < ctx->nminst)
			return ctx->minst[s->index];
		return ty_var(true, s->index);
	case ET_SZARRAY: return ty_sz(from_sig(img, s->elem, ctx));
	case ET_ARRAY: return ty_md(from_sig(img, s->elem, ctx), s->shape->rank);
	case ET_PTR: return ty_ptr(from_sig(img, s->elem, ctx));
	case ET_BYREF: return ty_byref(from_sig(img, s->elem, ctx));
	case ET_PINNED: return from_sig(img, s->elem, ctx);
	case ET_GENERICINST: return generic_inst(img, s, ctx);
	case ET_FNPTR: return derived(TY_FNPTR, NULL, 0);
	}
	md_error(img, "element type 0x%02x cannot be compiled", s->kind);
}

Type *ty_from_sig(Image *img, const TypeSig *s, const Ctx *ctx)
{
	return from_sig(img, s, ctx);
}

Type *ty_from_token(Image *img, Token tok, const Ctx *ctx)
{
	if (TOK_TABLE(tok) == T_TypeSpec) {
		Arena a = {0};
		Type *t = from_sig(img, sig_typespec(img, &a, TOK_ROW(tok)), ctx);
		arena_free(&a);
		return t;
	}
	DefRef d = resolve_def(img, tok);
	return ty_def(d.img, d.row, NULL, 0);
}

/* ---- methods ---- */
static uint64_t method_hash(Type *owner, Image *img, uint32_t row, Type **inst, uint32_t n)
{
	return hash_inst(mix(mix(owner->id, (uintptr_t)img), row), inst, n);
}

Ctx ty_ctx(const Method *m)
{
	return (Ctx){ m->owner->inst, m->owner->ninst, m->inst, m->ninst };
}

static bool sig_is_vararg(const MethodSig *s)
{
	return (s->conv & SIG_KIND_MASK) == SIG_VARARG;
}

static void method_sig(Method *m)
{
	Arena a = {0};
	MethodSig *s = sig_method(m->img, &a, md_get(m->img, T_MethodDef, m->row,
						 MethodDef_Signature));
	Ctx ctx = ty_ctx(m);
	m->has_this = s->conv & SIG_HASTHIS;
	m->is_vararg = sig_is_vararg(s);
	m->ret = from_sig(m->img, s->ret, &ctx);
	m->nparams = s->nparams;
	m->params = arena_alloc(&arena, (s->nparams + 1) * sizeof *m->params);
	for (uint32_t i = 0; i < s->nparams; i++)
		m->params[i] = from_sig(m->img, s->params[i], &ctx);
	if (m->is_vararg)
		m->params[m->nparams++] = ty_prim[TY_I];        /* the extra arguments */
	arena_free(&a);
}

static void name_method(Method *m)
{
	uint64_t h = stable_mix(0x2e4c6a81u, m->owner->key);
	h = stable_str(h, ty_identity_name(m->img));
	h = stable_mix(h, m->row);
	for (uint32_t i = 0; i < m->ninst; i++)
		h = stable_mix(h, m->inst[i]->key);
	Buf b = {0};
	buf_printf(&b, "M%012llx_", (unsigned long long)claim_key(1, h));
	put_ident(&b, simple_name(m->owner), 24);
	buf_putc(&b, '_');
	put_ident(&b, m->name, 32);
	m->cname = arena_strdup(&arena, b.s);
	buf_free(&b);
}

Method *ty_method(Type *owner, Image *img, uint32_t row, Type **inst, uint32_t ninst)
{
	uint64_t h = method_hash(owner, img, row, inst, ninst) & (METHOD_BUCKETS - 1);
	for (Method *m = method_table[h]; m; m = m->hash_next)
		if (m->owner == owner && m->img == img && m->row == row &&
		    same_inst(m->inst, m->ninst, inst, ninst))
			return m;
	Method *m = arena_alloc(&arena, sizeof *m);
	m->owner = owner, m->img = img, m->row = row, m->ninst = ninst;
	if (ninst) {
		m->inst = arena_alloc(&arena, ninst * sizeof *inst);
		memcpy(m->inst, inst, ninst * sizeof *inst);
	}
	m->name = md_string(img, md_get(img, T_MethodDef, row, MethodDef_Name));
	m->flags = (uint16_t)md_get(img, T_MethodDef, row, MethodDef_Flags);
	m->impl_flags = (uint16_t)md_get(img, T_MethodDef, row, MethodDef_ImplFlags);
	m->slot = -1;
	m->hash_next = method_table[h];
	method_table[h] = m;
	name_method(m);
	method_sig(m);
	return m;
}

/* Is Method m's signature, seen openly, the one in blob `s` of `img`? */
static bool sig_matches(Method *m, Image *img, const MethodSig *s)
{
	Arena a = {0};
	MethodSig *ms = sig_method(m->img, &a, md_get(m->img, T_MethodDef, m->row,
						  MethodDef_Signature));
	uint32_t n = s->sentinel >= 0 ? (uint32_t)s->sentinel : s->nparams;
	bool eq = (ms->conv & SIG_HASTHIS) == (s->conv & SIG_HASTHIS) &&
		  sig_is_vararg(ms) == sig_is_vararg(s) &&
		  ms->ngeneric == s->ngeneric && ms->nparams == n &&
		  from_sig(m->img, ms->ret, NULL) == from_sig(img, s->ret, NULL);
	for (uint32_t i = 0; eq && i < n; i++)
		eq = from_sig(m->img, ms->params[i], NULL) == from_sig(img, s->params[i], NULL);
	arena_free(&a);
	return eq;
}

/* The method named `name` with signature `s` in `t` or its bases. */
static Method *find_by_sig(Type *t, const char *name, Image *img, const MethodSig *s)
{
	for (Type *c = t; c; c = c->img ? ty_info(c)->base : NULL) {
		if (c->kind == TY_SZARRAY || c->kind == TY_ARRAY)
			c = ty_array;
		TypeInfo *ti = ty_info(c);
		for (uint32_t i = 0; i < ti->nmethods; i++)
			if (!strcmp(ti->methods[i]->name, name) &&
			    sig_matches(ti->methods[i], img, s))
				return ti->methods[i];
	}
	return NULL;
}

static Method *memberref_method(Image *img, uint32_t row, const Ctx *ctx)
{
	Token parent = md_get(img, T_MemberRef, row, MemberRef_Class);
	const char *name = md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name));
	if (TOK_TABLE(parent) == T_MethodDef && parent)
		return ty_method_from_token(img, parent, ctx);
	if (TOK_TABLE(parent) == T_ModuleRef || !parent)
		md_error(img, "MemberRef row %u (%s): methods of other modules are not"
			 " supported", row, name);
	Type *t = ty_from_token(img, parent, ctx);
	Arena a = {0};
	MethodSig *s = sig_method(img, &a, md_get(img, T_MemberRef, row, MemberRef_Signature));
	Method *m = find_by_sig(t, name, img, s);
	arena_free(&a);
	if (!m) {
		ty_missing = (TyMissing){ TY_MISSING_METHOD, img, TOKEN(T_MemberRef, row) };
		Buf b = {0};
		sig_print_member(&b, img, &a, TOKEN(T_MemberRef, row));
		md_error(img, "cannot find method %s", b.s);
	}
	return m;
}

/* A TypeDef named by a MethodDef or FieldDef token: inside the generic type
 * itself (MethodImpl rows, own fields) it means the current instantiation. */
static Type *def_in_ctx(Image *img, uint32_t row, const Ctx *ctx)
{
	Type *open = ty_def(img, row, NULL, 0);
	if (!ctx || !ctx->ntinst || !ty_is_generic_def(open))
		return open;
	uint32_t first, end;
	md_lookup(img, T_GenericParam, GenericParam_Owner, TOKEN(T_TypeDef, row), &first, &end);
	if (end - first != ctx->ntinst)
		return open;
	return ty_def(img, row, ctx->tinst, ctx->ntinst);
}

Method *ty_method_from_token(Image *img, Token tok, const Ctx *ctx)
{
	uint32_t row = TOK_ROW(tok);
	switch (TOK_TABLE(tok)) {
	case T_MethodDef: {
		uint32_t owner = md_owner_of_method(img, row);
		if (!owner)
			md_error(img, "MethodDef row %u belongs to no type", row);
		return ty_method(def_in_ctx(img, owner, ctx), img, row, NULL, 0);
	}
	case T_MemberRef:
		return memberref_method(img, row, ctx);
	case T_MethodSpec: {
		Method *g = ty_method_from_token(img, md_get(img, T_MethodSpec, row,
						     MethodSpec_Method), ctx);
		Arena a = {0};
		uint32_t n;
		TypeSig **args;
		sig_methodspec(img, &a, row, &n, &args);
		Type **inst = arena_alloc(&arena, n * sizeof *inst);
		for (uint32_t i = 0; i < n; i++)
			inst[i] = from_sig(img, args[i], ctx);
		arena_free(&a);
		return ty_method(g->owner, g->img, g->row, inst, n);
	}
	}
	md_error(img, "token 0x%08x is not a method", tok);
}

/* ---- fields ---- */
static Field *field_in(Type *t, Image *img, uint32_t row)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (ti->fields[i]->img == img && ti->fields[i]->row == row)
			return ti->fields[i];
	for (uint32_t i = 0; i < ti->nstatics; i++)
		if (ti->statics[i]->img == img && ti->statics[i]->row == row)
			return ti->statics[i];
	return NULL;
}

/* The type of a field signature (blob of img), seen openly. */
static Type *open_field_type(Image *img, uint32_t blob)
{
	Arena a = {0};
	Type *t = from_sig(img, sig_field(img, &a, blob), NULL);
	arena_free(&a);
	return t;
}

/* The field named `name` of t or its bases; when a class has more than
 * one of that name (IL may overload fields by type: bug-528055), the one
 * whose type is that of signature `blob` of img. */
static Field *field_named(Type *t, const char *name, Image *img, uint32_t blob)
{
	for (Type *c = t; c; c = ty_info(c)->base) {
		TypeInfo *ti = ty_info(c);
		Field **lists[] = { ti->fields, ti->statics };
		uint32_t counts[] = { ti->nfields, ti->nstatics };
		Field *f = NULL;
		Type *want = NULL;
		for (int k = 0; k < 2; k++)
			for (uint32_t i = 0; i < counts[k]; i++) {
				Field *x = lists[k][i];
				if (strcmp(x->name, name))
					continue;
				if (!f) {
					f = x;
					continue;
				}
				want = want ? want : open_field_type(img, blob);
				if (open_field_type(x->img, md_get(x->img, T_Field, x->row,
							       Field_Signature)) == want)
					f = x;
			}
		if (f)
			return f;
	}
	return NULL;
}

Field *ty_field_from_token(Image *img, Token tok, const Ctx *ctx)
{
	uint32_t row = TOK_ROW(tok);
	Field *f = NULL;
	if (TOK_TABLE(tok) == T_Field) {
		uint32_t owner = md_owner_of_field(img, row);
		if (!owner)
			md_error(img, "Field row %u belongs to no type", row);
		f = field_in(def_in_ctx(img, owner, ctx), img, row);
	} else if (TOK_TABLE(tok) == T_MemberRef) {
		Token parent = md_get(img, T_MemberRef, row, MemberRef_Class);
		Type *t = ty_from_token(img, parent, ctx);
		f = field_named(t, md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name)),
				img, md_get(img, T_MemberRef, row, MemberRef_Signature));
	} else {
		md_error(img, "token 0x%08x is not a field", tok);
	}
	if (!f) {
		ty_missing = (TyMissing){ TY_MISSING_FIELD, img, tok };
		md_error(img, "cannot find the field of token 0x%08x", tok);
	}
	return f;
}

/* ---- how deep code instantiates ---- */
/* What from_sig(s) would give, in depth (type_depth), without making it. */
static uint32_t sig_depth(Image *img, const TypeSig *s, const Ctx *ctx)
{
	uint32_t d = 0;
	switch (s->kind) {
	case ET_CLASS: case ET_VALUETYPE:
		return TOK_TABLE(s->token) == T_TypeSpec ? ty_token_depth(img, s->token, ctx) : 0;
	case ET_VAR:
		return ctx && s->index < ctx->ntinst ? ctx->tinst[s->index]->depth : 0;
	case ET_MVAR:
		return ctx && s->index < ctx->nminst ? ctx->minst[s->index]->depth : 0;
	case ET_SZARRAY: case ET_ARRAY: case ET_PTR: case ET_BYREF:
		return sig_depth(img, s->elem, ctx) + 1;
	case ET_PINNED:
		return sig_depth(img, s->elem, ctx);
	case ET_GENERICINST:
		for (uint32_t i = 0; i < s->nargs; i++)
			d = max_u32(d, sig_depth(img, s->args[i], ctx));
		return d + 1;
	default:
		return 0;
	}
}

/* The deepest of a method signature's types from `first` on. */
static uint32_t params_depth(Image *img, const MethodSig *s, uint32_t first, const Ctx *ctx)
{
	uint32_t d = first ? 0 : sig_depth(img, s->ret, ctx);
	for (uint32_t i = first; i < s->nparams; i++)
		d = max_u32(d, sig_depth(img, s->params[i], ctx));
	return d;
}

/* A MemberRef names its parent's type; a vararg call site's extra
 * arguments are typed in the caller's context too. */
static uint32_t memberref_depth(Image *img, uint32_t row, const Ctx *ctx)
{
	Token parent = md_get(img, T_MemberRef, row, MemberRef_Class);
	uint32_t d = 0;
	if (parent && TOK_TABLE(parent) != T_ModuleRef)
		d = ty_token_depth(img, parent, ctx);
	uint32_t blob = md_get(img, T_MemberRef, row, MemberRef_Signature);
	Blob b = md_blob(img, blob);
	if (!b.len || (b.p[0] & SIG_KIND_MASK) != SIG_VARARG)
		return d;
	Arena a = {0};
	MethodSig *s = sig_method(img, &a, blob);
	if (s->sentinel >= 0)
		d = max_u32(d, params_depth(img, s, (uint32_t)s->sentinel, ctx));
	arena_free(&a);
	return d;
}

static uint32_t methodspec_depth(Image *img, uint32_t row, const Ctx *ctx)
{
	uint32_t d = ty_token_depth(img, md_get(img, T_MethodSpec, row, MethodSpec_Method), ctx);
	Arena a = {0};
	uint32_t n;
	TypeSig **args;
	sig_methodspec(img, &a, row, &n, &args);
	for (uint32_t i = 0; i < n; i++)
		d = max_u32(d, sig_depth(img, args[i], ctx));
	arena_free(&a);
	return d;
}

static uint32_t typespec_depth(Image *img, uint32_t row, const Ctx *ctx)
{
	Arena a = {0};
	uint32_t d = sig_depth(img, sig_typespec(img, &a, row), ctx);
	arena_free(&a);
	return d;
}

static uint32_t standalone_depth(Image *img, uint32_t row, const Ctx *ctx)
{
	Arena a = {0};
	uint32_t blob = md_get(img, T_StandAloneSig, row, StandAloneSig_Signature);
	uint32_t d = params_depth(img, sig_method(img, &a, blob), 0, ctx);
	arena_free(&a);
	return d;
}

uint32_t ty_token_depth(Image *img, Token tok, const Ctx *ctx)
{
	uint32_t row = TOK_ROW(tok), owner;
	switch (TOK_TABLE(tok)) {
	case T_TypeSpec: return typespec_depth(img, row, ctx);
	case T_MemberRef: return memberref_depth(img, row, ctx);
	case T_MethodSpec: return methodspec_depth(img, row, ctx);
	case T_StandAloneSig: return standalone_depth(img, row, ctx);
	case T_MethodDef: owner = md_owner_of_method(img, row); break;
	case T_Field: owner = md_owner_of_field(img, row); break;
	default: return 0;
	}
	return owner ? def_in_ctx(img, owner, ctx)->depth : 0;
}

Method *ty_find_method(Type *t, const char *name, int nparams)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++)
		if (!strcmp(ti->methods[i]->name, name) &&
		    (nparams < 0 || ti->methods[i]->nparams == (uint32_t)nparams))
			return ti->methods[i];
	return NULL;
}

/* String's constructors are internal calls; Mono's String has, for each,
 * a static `string Ctor(same parameters)` that makes the string (what
 * Mono's JIT calls instead). NULL when there is none. */
Method *ty_string_ctor(Method *ctor)
{
	TypeInfo *ti = ty_info(ty_string);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *c = ti->methods[i];
		if (strcmp(c->name, "Ctor") || c->nparams != ctor->nparams)
			continue;
		bool same = true;
		for (uint32_t k = 0; k < c->nparams; k++)
			same &= c->params[k] == ctor->params[k];
		if (same)
			return c;
	}
	return NULL;
}

/* The instance constructor without parameters of a class that can have
 * instances (not abstract, not an interface), or of a struct that
 * declares one (C# 10), or NULL. */
Method *ty_default_ctor(Type *t)
{
	if ((t->kind != TY_CLASS && t->kind != TY_STRUCT) || !t->img)
		return NULL;
	TypeInfo *ti = ty_info(t);
	if (ti->is_interface || ti->is_abstract)
		return NULL;
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, ".ctor") && m->nparams == 0 && m->has_this)
			return m;
	}
	return NULL;
}

/* ---- predicates and names ---- */
bool ty_is_ref(const Type *t)
{
	return t->kind == TY_CLASS || t->kind == TY_SZARRAY || t->kind == TY_ARRAY;
}

bool ty_is_valuetype(const Type *t)
{
	return t->kind == TY_STRUCT || (t->kind <= TY_U && t->kind != TY_VOID) ||
	       t->kind == TY_TYPEDREF;
}

bool ty_is_generic_def(const Type *t)
{
	return ty_generic_arity(t) > 0;
}

uint32_t ty_generic_arity(const Type *t)
{
	if (!t->img || t->ninst)
		return 0;
	uint32_t first, end;
	md_lookup(t->img, T_GenericParam, GenericParam_Owner, TOKEN(T_TypeDef, t->row),
		  &first, &end);
	return end - first;
}

uint32_t ty_method_generic_arity(const Method *m)
{
	uint32_t first, end;
	md_lookup(m->img, T_GenericParam, GenericParam_Owner, TOKEN(T_MethodDef, m->row),
		  &first, &end);
	return end - first;
}

const char *ty_generic_param_name(Image *img, Token owner, uint32_t number)
{
	uint32_t first, end;
	md_lookup(img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(img, T_GenericParam, GenericParam_Owner, pos);
		if (md_get(img, T_GenericParam, r, GenericParam_Number) == number)
			return md_string(img, md_get(img, T_GenericParam, r, GenericParam_Name));
	}
	return "";
}

uint32_t ty_param_row(const Method *m, uint32_t seq)
{
	uint32_t first, end;
	md_list(m->img, T_MethodDef, m->row, MethodDef_ParamList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(m->img, T_Param, pos);
		if (md_get(m->img, T_Param, row, Param_Sequence) == seq)
			return row;
	}
	return 0;
}

const char *ty_param_name(const Method *m, uint32_t seq)
{
	uint32_t row = ty_param_row(m, seq);
	return row ? md_string(m->img, md_get(m->img, T_Param, row, Param_Name)) : "";
}

/* Holds a generic parameter somewhere (typeof(List<>) is List<!0>). */
bool ty_is_open(const Type *t)
{
	if (t->kind == TY_VAR || t->kind == TY_MVAR)
		return true;
	if (t->elem && ty_is_open(t->elem))
		return true;
	for (uint32_t i = 0; i < t->ninst; i++)
		if (ty_is_open(t->inst[i]))
			return true;
	return false;
}

const char *ty_name(const Type *t) { return t->name; }

const char *ty_method_name(const Method *m)
{
	return arena_printf(&arena, "%s::%s", m->owner->name, m->name);
}

Arena *ty_arena(void) { return &arena; }
Loader *ty_loader(void) { return loader; }
