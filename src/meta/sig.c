/* sig: signatures (ECMA-335 §II.23.2) and their text forms.
 *
 * Requires: blobs from an Image. Produces: TypeSig / MethodSig trees in the
 * caller's arena, and their text as the dump prints it (ILDasm's notation:
 * `class [mscorlib]System.String`, `!0`, `int32[0...,0...]`, ...).
 * Nesting deeper than MAX_DEPTH is refused, so a hostile blob cannot
 * exhaust the stack.
 */
#include "meta.h"

#include <string.h>

enum { MAX_DEPTH = 64 };

static TypeSig *type_at(Reader *r, Arena *a, unsigned depth);
static MethodSig *method_at(Reader *r, Arena *a, unsigned depth);

static Token typedef_or_ref(Reader *r)
{
	static const uint8_t tables[3] = { T_TypeDef, T_TypeRef, T_TypeSpec };
	const uint8_t *start = r->p;
	uint32_t v = rd_cu32(r), tag = v & 3, row = v >> 2;
	if (tag == 3) {
		r->p = start;
		rd_error(r, "bad TypeDefOrRef tag 3 in encoded token 0x%x", v);
	}
	if (row == 0 || row > md_rows(r->img, tables[tag])) {
		r->p = start;
		rd_error(r, "type token row %u is out of range (%s has %u rows)", row,
			 md_table_name(tables[tag]), md_rows(r->img, tables[tag]));
	}
	return TOKEN(tables[tag], row);
}

static CustomMod *mods_at(Reader *r, Arena *a)
{
	CustomMod *head = NULL, **tail = &head;
	while (r->p < r->end && (*r->p == ET_CMOD_REQD || *r->p == ET_CMOD_OPT)) {
		CustomMod *m = arena_alloc(a, sizeof *m);
		m->required = rd_u8(r) == ET_CMOD_REQD;
		m->type = typedef_or_ref(r);
		*tail = m;
		tail = &m->next;
	}
	return head;
}

static ArrayShape *shape_at(Reader *r, Arena *a)
{
	ArrayShape *s = arena_alloc(a, sizeof *s);
	s->rank = rd_cu32(r);
	if (s->rank == 0 || s->rank > 32)
		rd_error(r, "array rank %u is out of range", s->rank);
	s->nsizes = rd_cu32(r);
	if (s->nsizes > s->rank)
		rd_error(r, "array has %u sizes for rank %u", s->nsizes, s->rank);
	s->sizes = arena_alloc(a, (s->nsizes + 1) * sizeof *s->sizes);
	for (uint32_t i = 0; i < s->nsizes; i++)
		s->sizes[i] = rd_cu32(r);
	s->nlobounds = rd_cu32(r);
	if (s->nlobounds > s->rank)
		rd_error(r, "array has %u lower bounds for rank %u", s->nlobounds, s->rank);
	s->lobounds = arena_alloc(a, (s->nlobounds + 1) * sizeof *s->lobounds);
	for (uint32_t i = 0; i < s->nlobounds; i++)
		s->lobounds[i] = rd_ci32(r);
	return s;
}

static void generic_inst_at(Reader *r, Arena *a, TypeSig *t, unsigned depth)
{
	uint8_t k = rd_u8(r);
	if (k != ET_CLASS && k != ET_VALUETYPE)
		rd_error(r, "generic instance of element type 0x%02x (expected class"
			 " or valuetype)", k);
	t->elem = arena_alloc(a, sizeof *t->elem);
	t->elem->kind = k;
	t->elem->token = typedef_or_ref(r);
	t->nargs = rd_cu32(r);
	if (t->nargs == 0 || t->nargs > 1024)
		rd_error(r, "generic instance with %u arguments", t->nargs);
	t->args = arena_alloc(a, t->nargs * sizeof *t->args);
	for (uint32_t i = 0; i < t->nargs; i++)
		t->args[i] = type_at(r, a, depth + 1);
}

static TypeSig *type_at(Reader *r, Arena *a, unsigned depth)
{
	if (depth > MAX_DEPTH)
		rd_error(r, "type nested more than %d deep", MAX_DEPTH);
	CustomMod *mods = mods_at(r, a);
	TypeSig *t = arena_alloc(a, sizeof *t);
	t->mods = mods;
	t->kind = rd_u8(r);
	switch (t->kind) {
	case ET_VOID: case ET_BOOLEAN: case ET_CHAR: case ET_I1: case ET_U1:
	case ET_I2: case ET_U2: case ET_I4: case ET_U4: case ET_I8: case ET_U8:
	case ET_R4: case ET_R8: case ET_STRING: case ET_TYPEDBYREF: case ET_I:
	case ET_U: case ET_OBJECT:
		break;
	case ET_CLASS: case ET_VALUETYPE:
		t->token = typedef_or_ref(r);
		break;
	case ET_VAR: case ET_MVAR:
		t->index = rd_cu32(r);
		break;
	case ET_PTR: case ET_BYREF: case ET_SZARRAY: case ET_PINNED:
		t->elem = type_at(r, a, depth + 1);
		break;
	case ET_ARRAY:
		t->elem = type_at(r, a, depth + 1);
		t->shape = shape_at(r, a);
		break;
	case ET_GENERICINST:
		generic_inst_at(r, a, t, depth);
		break;
	case ET_FNPTR:
		t->fnptr = method_at(r, a, depth + 1);
		break;
	default:
		r->p--;
		rd_error(r, "bad element type 0x%02x", t->kind);
	}
	return t;
}

TypeSig *sig_type(Reader *r, Arena *a) { return type_at(r, a, 0); }

/* Return type or parameter: custom mods, then BYREF / TYPEDBYREF / VOID / a
 * type; type_at() covers them all. */
static MethodSig *method_at(Reader *r, Arena *a, unsigned depth)
{
	MethodSig *m = arena_alloc(a, sizeof *m);
	m->conv = rd_u8(r);
	unsigned kind = m->conv & SIG_KIND_MASK;
	if (kind > SIG_VARARG && kind != SIG_PROPERTY && kind != SIG_UNMANAGED) {
		r->p--;
		rd_error(r, "bad calling convention 0x%02x for a method", m->conv);
	}
	if (m->conv & SIG_GENERIC)
		m->ngeneric = rd_cu32(r);
	m->nparams = rd_cu32(r);
	if (m->nparams > 0xFFFF)
		rd_error(r, "method signature with %u parameters", m->nparams);
	m->ret = type_at(r, a, depth + 1);
	m->params = arena_alloc(a, (m->nparams + 1) * sizeof *m->params);
	m->sentinel = -1;
	for (uint32_t i = 0; i < m->nparams; i++) {
		if (r->p < r->end && *r->p == ET_SENTINEL) {
			if (m->sentinel >= 0)
				rd_error(r, "second vararg sentinel");
			rd_u8(r);
			m->sentinel = (int32_t)i;
		}
		m->params[i] = type_at(r, a, depth + 1);
	}
	return m;
}

static Reader blob_reader(const Image *img, uint32_t blob, const char *what)
{
	return md_reader(img, md_blob(img, blob), what);
}

MethodSig *sig_method(const Image *img, Arena *a, uint32_t blob)
{
	Reader r = blob_reader(img, blob, "method signature");
	return method_at(&r, a, 0);
}

MethodSig *sig_property(const Image *img, Arena *a, uint32_t blob)
{
	Reader r = blob_reader(img, blob, "property signature");
	if (r.p < r.end && (*r.p & SIG_KIND_MASK) != SIG_PROPERTY)
		rd_error(&r, "property signature starts with 0x%02x", *r.p);
	return method_at(&r, a, 0);
}

TypeSig *sig_field(const Image *img, Arena *a, uint32_t blob)
{
	Reader r = blob_reader(img, blob, "field signature");
	if (rd_u8(&r) != SIG_FIELD) {
		r.p--;
		rd_error(&r, "field signature does not start with 0x06");
	}
	return type_at(&r, a, 0);
}

LocalsSig sig_locals(const Image *img, Arena *a, Token tok)
{
	LocalsSig ls = {0};
	if (tok == 0)
		return ls;
	if (TOK_TABLE(tok) != T_StandAloneSig || TOK_ROW(tok) == 0 ||
	    TOK_ROW(tok) > md_rows(img, T_StandAloneSig))
		md_error(img, "local variable token 0x%08x is not a StandAloneSig row", tok);
	uint32_t blob = md_get(img, T_StandAloneSig, TOK_ROW(tok), StandAloneSig_Signature);
	Reader r = blob_reader(img, blob, "locals signature");
	if (rd_u8(&r) != SIG_LOCAL) {
		r.p--;
		rd_error(&r, "locals signature does not start with 0x07");
	}
	ls.count = rd_cu32(&r);
	if (ls.count > 0xFFFE)
		rd_error(&r, "%u local variables", ls.count);
	ls.types = arena_alloc(a, (ls.count + 1) * sizeof *ls.types);
	for (uint32_t i = 0; i < ls.count; i++)
		ls.types[i] = type_at(&r, a, 0);
	return ls;
}

TypeSig *sig_typespec(const Image *img, Arena *a, uint32_t row)
{
	uint32_t blob = md_get(img, T_TypeSpec, row, TypeSpec_Signature);
	Reader r = blob_reader(img, blob, "TypeSpec signature");
	return type_at(&r, a, 0);
}

TypeSig *sig_typespec_cached(Image *img, uint32_t row)
{
	uint32_t n = md_rows(img, T_TypeSpec);
	if (row == 0 || row > n)
		md_error(img, "TypeSpec row %u does not exist (%u rows)", row, n);
	if (!img->typespecs)
		img->typespecs = arena_alloc(&img->arena, (n + 1) * sizeof *img->typespecs);
	if (!img->typespecs[row])
		img->typespecs[row] = sig_typespec(img, &img->arena, row);
	return img->typespecs[row];
}

void sig_methodspec(const Image *img, Arena *a, uint32_t row, uint32_t *nargs,
		    TypeSig ***args)
{
	uint32_t blob = md_get(img, T_MethodSpec, row, MethodSpec_Instantiation);
	Reader r = blob_reader(img, blob, "MethodSpec signature");
	if (rd_u8(&r) != SIG_GENERICINST) {
		r.p--;
		rd_error(&r, "MethodSpec signature does not start with 0x0a");
	}
	*nargs = rd_cu32(&r);
	if (*nargs == 0 || *nargs > 1024)
		rd_error(&r, "method instantiation with %u arguments", *nargs);
	*args = arena_alloc(a, *nargs * sizeof **args);
	for (uint32_t i = 0; i < *nargs; i++)
		(*args)[i] = type_at(&r, a, 0);
}

/* ---- text forms ---- */
static const char *const prim_names[] = {
	[ET_VOID] = "void", [ET_BOOLEAN] = "bool", [ET_CHAR] = "char",
	[ET_I1] = "int8", [ET_U1] = "uint8", [ET_I2] = "int16", [ET_U2] = "uint16",
	[ET_I4] = "int32", [ET_U4] = "uint32", [ET_I8] = "int64", [ET_U8] = "uint64",
	[ET_R4] = "float32", [ET_R8] = "float64", [ET_STRING] = "string",
	[ET_TYPEDBYREF] = "typedref", [ET_I] = "native int",
	[ET_U] = "native unsigned int", [ET_OBJECT] = "object",
};

enum { MAX_TEXT = 1 << 16 };   /* a type name longer than this is an attack */

static void print_type(Buf *b, Image *img, const TypeSig *t, const GenericNames *g,
		       unsigned depth);
static void print_token(Buf *b, Image *img, Token tok, bool scope,
			const GenericNames *g, unsigned depth);
static void print_method(Buf *b, Image *img, const MethodSig *m, const char *name,
			 const GenericNames *g, bool arity, unsigned depth);

static void print_shape(Buf *b, const ArrayShape *s)
{
	buf_putc(b, '[');
	for (uint32_t i = 0; i < s->rank; i++) {
		if (i)
			buf_putc(b, ',');
		bool lo = i < s->nlobounds, sz = i < s->nsizes;
		if (lo && sz)
			buf_printf(b, "%d...%lld", s->lobounds[i],
				   (long long)s->lobounds[i] + s->sizes[i] - 1);
		else if (lo)
			buf_printf(b, "%d...", s->lobounds[i]);
		else if (sz)
			buf_printf(b, "%u", s->sizes[i]);
	}
	buf_putc(b, ']');
}

static void print_mods(Buf *b, Image *img, const CustomMod *m, unsigned depth)
{
	for (; m; m = m->next) {
		buf_puts(b, m->required ? " modreq(" : " modopt(");
		print_token(b, img, m->type, true, NULL, depth + 1);
		buf_putc(b, ')');
	}
}

static void print_generic_param(Buf *b, bool method, uint32_t i, const GenericNames *g)
{
	const char **names = g ? (method ? g->method : g->type) : NULL;
	uint32_t n = g ? (method ? g->nmethod : g->ntype) : 0;
	if (i < n && names[i] && names[i][0])
		buf_printf(b, "%s%s", method ? "!!" : "!", names[i]);
	else
		buf_printf(b, "%s%u", method ? "!!" : "!", i);
}

static void print_type(Buf *b, Image *img, const TypeSig *t, const GenericNames *g,
		       unsigned depth)
{
	if (depth > MAX_DEPTH)
		md_error(img, "a type refers to itself through TypeSpecs (or nests more"
			 " than %d deep)", MAX_DEPTH);
	if (b->len > MAX_TEXT)
		md_error(img, "a type's name is longer than %d bytes (TypeSpecs nest"
			 " exponentially)", MAX_TEXT);
	switch (t->kind) {
	case ET_CLASS: case ET_VALUETYPE:
		buf_puts(b, t->kind == ET_CLASS ? "class " : "valuetype ");
		print_token(b, img, t->token, true, g, depth + 1);
		break;
	case ET_VAR: case ET_MVAR:
		print_generic_param(b, t->kind == ET_MVAR, t->index, g);
		break;
	case ET_PTR: case ET_BYREF: case ET_SZARRAY: case ET_PINNED:
		print_type(b, img, t->elem, g, depth + 1);
		buf_puts(b, t->kind == ET_PTR ? "*" : t->kind == ET_BYREF ? "&" :
			    t->kind == ET_SZARRAY ? "[]" : " pinned");
		break;
	case ET_ARRAY:
		print_type(b, img, t->elem, g, depth + 1);
		print_shape(b, t->shape);
		break;
	case ET_GENERICINST:
		print_type(b, img, t->elem, g, depth + 1);
		buf_putc(b, '<');
		for (uint32_t i = 0; i < t->nargs; i++) {
			if (i)
				buf_puts(b, ", ");
			print_type(b, img, t->args[i], g, depth + 1);
		}
		buf_putc(b, '>');
		break;
	case ET_FNPTR:
		print_method(b, img, t->fnptr, "*", g, !(g && g->nmethod), depth + 1);
		break;
	default:
		buf_puts(b, t->kind < countof(prim_names) && prim_names[t->kind] ?
			    prim_names[t->kind] : "?");
	}
	print_mods(b, img, t->mods, depth);
}

void sig_print_type(Buf *b, Image *img, const TypeSig *t, const GenericNames *g)
{
	print_type(b, img, t, g, 0);
}

static const char *const conv_names[] = {
	[SIG_C] = "unmanaged cdecl ", [SIG_STDCALL] = "unmanaged stdcall ",
	[SIG_THISCALL] = "unmanaged thiscall ", [SIG_FASTCALL] = "unmanaged fastcall ",
	[SIG_VARARG] = "vararg ",
};

/* `arity`: write <N> after the name of a generic method (not when the name
 * already carries its instantiation or parameter names). */
static void print_method(Buf *b, Image *img, const MethodSig *m, const char *name,
			 const GenericNames *g, bool arity, unsigned depth)
{
	if (name && !strcmp(name, "*"))
		buf_puts(b, "method ");
	if (m->conv & SIG_HASTHIS)
		buf_puts(b, "instance ");
	if (m->conv & SIG_EXPLICITTHIS)
		buf_puts(b, "explicit ");
	unsigned kind = m->conv & SIG_KIND_MASK;
	if (kind < countof(conv_names) && conv_names[kind])
		buf_puts(b, conv_names[kind]);
	print_type(b, img, m->ret, g, depth + 1);
	if (name)
		buf_printf(b, " %s", name);
	if (m->ngeneric && arity)
		buf_printf(b, "<%u>", m->ngeneric);
	buf_putc(b, '(');
	for (uint32_t i = 0; i < m->nparams; i++) {
		if (i)
			buf_puts(b, ", ");
		if ((int32_t)i == m->sentinel)
			buf_puts(b, "..., ");
		print_type(b, img, m->params[i], g, depth + 1);
	}
	buf_putc(b, ')');
}

void sig_print_method(Buf *b, Image *img, const MethodSig *m, const char *name,
		      const GenericNames *g)
{
	print_method(b, img, m, name, g, !(g && g->nmethod), 0);
}

static void print_typedef(Buf *b, Image *img, uint32_t row, char nested, unsigned depth)
{
	if (depth > MAX_DEPTH)
		md_error(img, "TypeDef row %u: nested types nest more than %d deep",
			 row, MAX_DEPTH);
	uint32_t outer = md_enclosing(img, row);
	if (outer) {
		print_typedef(b, img, outer, nested, depth + 1);
		buf_putc(b, nested);
	} else {
		const char *ns = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace));
		if (*ns)
			buf_printf(b, "%s.", ns);
	}
	buf_puts(b, md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name)));
}

void sig_print_typedef(Buf *b, Image *img, uint32_t row, char nested)
{
	print_typedef(b, img, row, nested, 0);
}

static void print_typeref(Buf *b, Image *img, uint32_t row, bool scope, unsigned depth)
{
	if (depth > MAX_DEPTH)
		md_error(img, "TypeRef row %u: resolution scopes nest more than %d deep",
			 row, MAX_DEPTH);
	Token s = md_get(img, T_TypeRef, row, TypeRef_ResolutionScope);
	if (TOK_TABLE(s) == T_TypeRef && s) {
		print_typeref(b, img, TOK_ROW(s), scope, depth + 1);
		buf_putc(b, '/');
	} else {
		if (scope && s && TOK_TABLE(s) == T_AssemblyRef)
			buf_printf(b, "[%s]", md_string(img, md_get(img, T_AssemblyRef,
				   TOK_ROW(s), AssemblyRef_Name)));
		else if (scope && s && TOK_TABLE(s) == T_ModuleRef)
			buf_printf(b, "[.module %s]", md_string(img, md_get(img, T_ModuleRef,
				   TOK_ROW(s), ModuleRef_Name)));
		const char *ns = md_string(img, md_get(img, T_TypeRef, row, TypeRef_Namespace));
		if (*ns)
			buf_printf(b, "%s.", ns);
	}
	buf_puts(b, md_string(img, md_get(img, T_TypeRef, row, TypeRef_Name)));
}

static void print_token(Buf *b, Image *img, Token tok, bool scope,
			const GenericNames *g, unsigned depth)
{
	uint32_t row = TOK_ROW(tok);
	if (row == 0 || row > md_rows(img, TOK_TABLE(tok)))
		md_error(img, "token 0x%08x is out of range", tok);
	switch (TOK_TABLE(tok)) {
	case T_TypeDef:
		print_typedef(b, img, row, '/', 0);
		break;
	case T_TypeRef:
		print_typeref(b, img, row, scope, 0);
		break;
	case T_TypeSpec:
		print_type(b, img, sig_typespec_cached(img, row), g, depth + 1);
		break;
	default:
		md_error(img, "token 0x%08x is not a type", tok);
	}
}

void sig_print_token(Buf *b, Image *img, Token tok, bool scope, const GenericNames *g)
{
	print_token(b, img, tok, scope, g, 0);
}

/* Scratch text for member names, reused (not freed): an error that jumps
 * out of printing leaks nothing. One per use that can be live at once. */
static Buf owner_buf, inst_buf;

static Buf *scratch(Buf *b)
{
	buf_clear(b);
	return b;
}

/* The owner of a member, as a type name followed by "::". */
static void print_parent(Buf *b, Image *img, Token parent)
{
	if (TOK_TABLE(parent) == T_ModuleRef)
		buf_printf(b, "[.module %s]", md_string(img, md_get(img, T_ModuleRef,
			   TOK_ROW(parent), ModuleRef_Name)));
	else if (TOK_TABLE(parent) == T_MethodDef && parent) {
		/* a vararg call site: the MemberRef's parent is the method itself */
		uint32_t owner = md_owner_of_method(img, TOK_ROW(parent));
		if (owner)
			sig_print_token(b, img, TOKEN(T_TypeDef, owner), true, NULL);
	} else if (parent)
		sig_print_token(b, img, parent, true, NULL);
	if (parent)
		buf_puts(b, "::");
}

static void print_memberref(Buf *b, Image *img, Arena *a, uint32_t row, const char *inst)
{
	Token parent = md_get(img, T_MemberRef, row, MemberRef_Class);
	const char *name = md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name));
	uint32_t blob = md_get(img, T_MemberRef, row, MemberRef_Signature);
	Blob sb = md_blob(img, blob);
	Buf *owner = scratch(&owner_buf);
	print_parent(owner, img, parent);
	buf_puts(owner, name);
	buf_puts(owner, inst);
	if (sb.len && sb.p[0] == SIG_FIELD) {
		sig_print_type(b, img, sig_field(img, a, blob), NULL);
		buf_printf(b, " %s", owner->s);
	} else {
		print_method(b, img, sig_method(img, a, blob), owner->s, NULL, !*inst, 0);
	}
}

static void print_methoddef(Buf *b, Image *img, Arena *a, uint32_t row, const char *inst)
{
	Buf *owner = scratch(&owner_buf);
	uint32_t type = md_owner_of_method(img, row);
	if (type)
		print_parent(owner, img, TOKEN(T_TypeDef, type));
	buf_puts(owner, md_string(img, md_get(img, T_MethodDef, row, MethodDef_Name)));
	buf_puts(owner, inst);
	uint32_t blob = md_get(img, T_MethodDef, row, MethodDef_Signature);
	print_method(b, img, sig_method(img, a, blob), owner->s, NULL, !*inst, 0);
}

static void print_fielddef(Buf *b, Image *img, Arena *a, uint32_t row)
{
	uint32_t blob = md_get(img, T_Field, row, Field_Signature);
	sig_print_type(b, img, sig_field(img, a, blob), NULL);
	buf_putc(b, ' ');
	uint32_t type = md_owner_of_field(img, row);
	if (type)
		print_parent(b, img, TOKEN(T_TypeDef, type));
	buf_puts(b, md_string(img, md_get(img, T_Field, row, Field_Name)));
}

static void print_methodspec(Buf *b, Image *img, Arena *a, uint32_t row)
{
	Token m = md_get(img, T_MethodSpec, row, MethodSpec_Method);
	uint32_t n;
	TypeSig **args;
	sig_methodspec(img, a, row, &n, &args);
	Buf *inst = scratch(&inst_buf);
	for (uint32_t i = 0; i < n; i++) {
		buf_puts(inst, i ? ", " : "<");
		sig_print_type(inst, img, args[i], NULL);
	}
	buf_putc(inst, '>');
	if (TOK_TABLE(m) == T_MethodDef && m)
		print_methoddef(b, img, a, TOK_ROW(m), inst->s);
	else if (TOK_TABLE(m) == T_MemberRef)
		print_memberref(b, img, a, TOK_ROW(m), inst->s);
	else
		md_error(img, "MethodSpec row %u has no method", row);
}

void sig_print_member(Buf *b, Image *img, Arena *a, Token tok)
{
	uint32_t row = TOK_ROW(tok);
	unsigned t = TOK_TABLE(tok);
	if (t >= T_COUNT || row == 0 || row > md_rows(img, t))
		md_error(img, "member token 0x%08x is out of range", tok);
	switch (t) {
	case T_MethodDef: print_methoddef(b, img, a, row, ""); break;
	case T_MemberRef: print_memberref(b, img, a, row, ""); break;
	case T_Field: print_fielddef(b, img, a, row); break;
	case T_MethodSpec: print_methodspec(b, img, a, row); break;
	default:
		sig_print_token(b, img, tok, true, NULL);
	}
}

void sig_print_method_name(Buf *b, Image *img, uint32_t row)
{
	uint32_t owner = md_owner_of_method(img, row);
	if (owner) {
		sig_print_token(b, img, TOKEN(T_TypeDef, owner), false, NULL);
		buf_puts(b, "::");
	}
	buf_puts(b, md_string(img, md_get(img, T_MethodDef, row, MethodDef_Name)));
}
