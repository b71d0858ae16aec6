/* attr: custom attribute blobs (ECMA-335 §II.23.3).
 *
 * Requires: an Image, and its Loader when an attribute names an enum defined
 * in another assembly. Produces: an Attribute (fixed arguments, then named
 * fields and properties) allocated from the caller's arena, and the text form
 * of each value for the dump.
 *
 * A blob does not say how wide its values are: fixed arguments are typed by
 * the constructor's parameters, named arguments and boxed values by a
 * FieldOrPropType. Either way an enum gives only its name, so sizing its value
 * means finding the enum's TypeDef (through TypeRefs, assembly references and
 * forwarders) and the type of its instance field value__. Every byte is read
 * through the bounded Reader; a malformed blob ends in one error line.
 */
#include "meta.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum {
	MAX_DEPTH = 16,         /* type nesting, forwarder hops */
	MAX_NEST = 64,          /* values: arrays of boxed arrays of ... */
	FIELD_STATIC = 0x10,
};

/* What a value's encoding is: a primitive or STRING, CA_TYPE, CA_BOXED,
 * CA_ENUM (with its underlying primitive) or SZARRAY (with its element). */
typedef struct CaType CaType;
struct CaType {
	uint8_t kind;
	uint8_t under;                  /* CA_ENUM */
	const char *enum_name;          /* CA_ENUM */
	const CaType *elem;             /* SZARRAY */
};

typedef struct Ctx {
	Image *img;
	Arena *a;
	uint32_t row;                   /* CustomAttribute row */
	Reader r;
	unsigned depth;
	uint32_t ngargs;                /* generic attribute: the type's arguments */
	TypeSig **gargs;
} Ctx;

/* ---- types ---- */

/* Byte widths of the primitives; 0 marks everything else. */
static const uint8_t prim_size[ET_R8 + 1] = {
	[ET_BOOLEAN] = 1, [ET_CHAR] = 2, [ET_I1] = 1, [ET_U1] = 1,
	[ET_I2] = 2, [ET_U2] = 2, [ET_I4] = 4, [ET_U4] = 4,
	[ET_I8] = 8, [ET_U8] = 8, [ET_R4] = 4, [ET_R8] = 8,
};

#define SIMPLE(et) [et] = { .kind = et }
static const CaType simple_types[] = {
	SIMPLE(ET_BOOLEAN), SIMPLE(ET_CHAR), SIMPLE(ET_I1), SIMPLE(ET_U1),
	SIMPLE(ET_I2), SIMPLE(ET_U2), SIMPLE(ET_I4), SIMPLE(ET_U4),
	SIMPLE(ET_I8), SIMPLE(ET_U8), SIMPLE(ET_R4), SIMPLE(ET_R8),
	SIMPLE(ET_STRING), SIMPLE(ET_CA_TYPE), SIMPLE(ET_CA_BOXED),
};
#undef SIMPLE

static bool is_integral(unsigned et) { return et >= ET_BOOLEAN && et <= ET_U8; }

static const CaType *simple(unsigned et)
{
	return et < countof(simple_types) && simple_types[et].kind ? &simple_types[et] : NULL;
}

static void fail(Ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
static void fail(Ctx *c, const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (char *p = msg; *p; p++)     /* names from a damaged blob: one line */
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '?';
	md_error(c->img, "custom attribute row %u: %s", c->row, msg);
}

static void enter(Ctx *c)
{
	if (++c->depth > MAX_NEST)
		rd_error(&c->r, "values nested more than %d deep", MAX_NEST);
}

/* ---- type names ---- */

/* Namespace and name of a TypeDef or TypeRef token; false for other tables. */
static bool token_name(Image *img, Token tok, const char **ns, const char **name)
{
	unsigned t = TOK_TABLE(tok);
	if (t == T_TypeDef) {
		*ns = md_string(img, md_get(img, t, TOK_ROW(tok), TypeDef_Namespace));
		*name = md_string(img, md_get(img, t, TOK_ROW(tok), TypeDef_Name));
		return true;
	}
	if (t == T_TypeRef) {
		*ns = md_string(img, md_get(img, t, TOK_ROW(tok), TypeRef_Namespace));
		*name = md_string(img, md_get(img, t, TOK_ROW(tok), TypeRef_Name));
		return true;
	}
	return false;
}

static bool token_is(Image *img, Token tok, const char *ns, const char *name)
{
	const char *n, *s;
	return token_name(img, tok, &s, &n) && !strcmp(s, ns) && !strcmp(n, name);
}

/* The enclosing type of a nested TypeDef or TypeRef, or 0. */
static Token outer_of(Image *img, Token tok)
{
	if (TOK_TABLE(tok) == T_TypeDef) {
		uint32_t e = md_enclosing(img, TOK_ROW(tok));
		return e ? TOKEN(T_TypeDef, e) : 0;
	}
	Token scope = md_get(img, T_TypeRef, TOK_ROW(tok), TypeRef_ResolutionScope);
	return TOK_TABLE(scope) == T_TypeRef ? scope : 0;
}

/* Reflection form of a type's name, as a blob writes it: Ns.Outer+Inner. */
static void put_name(Ctx *c, Buf *b, Image *img, Token tok, unsigned depth)
{
	const char *ns, *name;
	if (depth > MAX_DEPTH)
		fail(c, "type 0x%08x is nested too deep (a cycle?)", tok);
	Token outer = outer_of(img, tok);
	if (outer) {
		put_name(c, b, img, outer, depth + 1);
		buf_putc(b, '+');
	}
	token_name(img, tok, &ns, &name);
	if (!outer && *ns)
		buf_printf(b, "%s.", ns);
	buf_puts(b, name);
}

static const char *type_name(Ctx *c, Image *img, Token tok)
{
	Buf b = {0};
	put_name(c, &b, img, tok, 0);
	char *s = arena_strdup(c->a, b.s);
	buf_free(&b);
	return s;
}

/* ---- enums ---- */

/* The underlying type of enum TypeDef `row` of `img`: its value__ field. */
static uint8_t enum_underlying(Ctx *c, Image *img, uint32_t row, const char *name)
{
	if (!token_is(img, md_get(img, T_TypeDef, row, TypeDef_Extends), "System", "Enum"))
		fail(c, "value type '%s' is not an enum", name);
	uint32_t pos, end;
	md_list(img, T_TypeDef, row, TypeDef_FieldList, &pos, &end);
	for (; pos < end; pos++) {
		uint32_t f = md_list_row(img, T_Field, pos);
		if (md_get(img, T_Field, f, Field_Flags) & FIELD_STATIC)
			continue;
		TypeSig *t = sig_field(img, c->a, md_get(img, T_Field, f, Field_Signature));
		if (!is_integral(t->kind))
			fail(c, "enum '%s' has underlying type 0x%02x, not an integer",
			     name, t->kind);
		return t->kind;
	}
	fail(c, "enum '%s' has no instance field value__", name);
}

static CaType *enum_type(Ctx *c, Image *img, uint32_t row, const char *name)
{
	CaType *t = arena_alloc(c->a, sizeof *t);
	t->kind = ET_CA_ENUM;
	t->enum_name = name;
	t->under = enum_underlying(c, img, row, name);
	return t;
}

/* An enum named by a constructor parameter (VALUETYPE token). */
static CaType *enum_of_token(Ctx *c, Token tok)
{
	Image *img = c->img;
	const char *name = type_name(c, img, tok);
	if (TOK_TABLE(tok) == T_TypeDef)
		return enum_type(c, img, TOK_ROW(tok), name);
	if (!img->loader)
		fail(c, "enum '%s' is defined in another assembly, and no loader is"
		     " set to find it", name);
	TypeRefTarget t = ld_resolve_typeref(img->loader, img, TOK_ROW(tok));
	if (!t.row)
		fail(c, "cannot resolve enum '%s' (needed to size its value)", name);
	return enum_type(c, t.img, t.row, name);
}

/* An enum named by a string: "Ns.Outer+Inner, Assembly, Version=...". The
 * parts, unescaped, go to `parts` (at most `max`); the assembly name, if
 * any, to *assembly. Returns the number of parts. */
/* Past the bracketed list at s ("[[A, x], [B, y]]"), escapes kept. */
static const char *skip_brackets(const char *s)
{
	int depth = 0;
	for (; *s; s++) {
		if (*s == '\\' && s[1])
			s++;
		else if (*s == '[')
			depth++;
		else if (*s == ']' && --depth == 0)
			return s + 1;
	}
	return s;
}

static unsigned split_name(Ctx *c, const char *s, const char **parts, unsigned max,
			   const char **assembly)
{
	Buf b = {0};
	unsigned n = 0;
	*assembly = NULL;
	for (;; s++) {
		if (*s == '\\' && s[1]) {
			buf_putc(&b, *++s);
			continue;
		}
		if (*s == '[') {        /* a generic instance's arguments: the
					   definition is the same size */
			s = skip_brackets(s) - 1;
			continue;
		}
		if (*s && *s != '+' && *s != ',') {
			buf_putc(&b, *s);
			continue;
		}
		if (n == max)
			fail(c, "enum name has more than %u nesting levels", max);
		parts[n++] = arena_strdup(c->a, b.len ? b.s : "");
		buf_clear(&b);
		if (*s != '+')
			break;
	}
	if (*s == ',') {
		s += strspn(s + 1, " ") + 1;
		size_t len = strcspn(s, ",");
		while (len && s[len - 1] == ' ')
			len--;
		*assembly = arena_printf(c->a, "%.*s", (int)len, s);
	}
	buf_free(&b);
	return n;
}

/* NULL when not found, or when there is no loader to look with. */
static Image *assembly_ref(Image *img, uint32_t ref)
{
	return img->loader ? ld_assembly_ref(img->loader, img, ref) : NULL;
}

static bool exported_is(Image *img, uint32_t row, const char *ns, const char *name)
{
	const char *n = md_string(img, md_get(img, T_ExportedType, row, ExportedType_TypeName));
	const char *s = md_string(img, md_get(img, T_ExportedType, row, ExportedType_TypeNamespace));
	return !strcmp(n, name) && !strcmp(s, ns);
}

/* A top-level TypeDef by name in *img, following ExportedType forwarders
 * (*img becomes the image that defines it). */
static uint32_t find_top(Image **img, const char *ns, const char *name, unsigned hops)
{
	uint32_t row = ld_find_type(*img, ns, name);
	if (row || hops > MAX_DEPTH)
		return row;
	for (uint32_t e = 1; e <= md_rows(*img, T_ExportedType); e++) {
		Token impl = md_get(*img, T_ExportedType, e, ExportedType_Implementation);
		if (TOK_TABLE(impl) != T_AssemblyRef || !exported_is(*img, e, ns, name))
			continue;
		Image *ref = assembly_ref(*img, TOK_ROW(impl));
		if (!ref)
			return 0;
		*img = ref;
		return find_top(img, ns, name, hops + 1);
	}
	return 0;
}

static uint32_t find_nested(Image *img, uint32_t outer, const char *name)
{
	uint32_t pos, end;
	md_lookup(img, T_NestedClass, NestedClass_EnclosingClass, outer, &pos, &end);
	for (; pos < end; pos++) {
		uint32_t nc = md_lookup_row(img, T_NestedClass, NestedClass_EnclosingClass, pos);
		uint32_t td = md_get(img, T_NestedClass, nc, NestedClass_NestedClass);
		if (!strcmp(md_string(img, md_get(img, T_TypeDef, td, TypeDef_Name)), name))
			return td;
	}
	return 0;
}

/* The TypeDef that the parts name in `img`, or 0. */
static uint32_t find_in(Ctx *c, Image **img, const char **parts, unsigned n)
{
	const char *dot = strrchr(parts[0], '.');
	const char *ns = dot ? arena_printf(c->a, "%.*s", (int)(dot - parts[0]), parts[0]) : "";
	uint32_t row = find_top(img, ns, dot ? dot + 1 : parts[0], 0);
	for (unsigned i = 1; row && i < n; i++)
		row = find_nested(*img, row, parts[i]);
	return row;
}

/* Search `img`, then the assemblies it references: the one named first if
 * the name is qualified, then all of them. */
static uint32_t find_by_name(Ctx *c, Image **img, const char **parts, unsigned n,
			     const char *assembly)
{
	Image *self = *img;
	uint32_t row;
	bool qualified = assembly && strcasecmp(assembly, self->name);
	if (!qualified && (row = find_in(c, img, parts, n)))
		return row;
	for (int pass = qualified ? 0 : 1; pass < 2; pass++) {
		for (uint32_t r = 1; r <= md_rows(self, T_AssemblyRef); r++) {
			const char *an = md_string(self, md_get(self, T_AssemblyRef, r, AssemblyRef_Name));
			if (pass == 0 && strcasecmp(an, assembly))
				continue;
			if ((*img = assembly_ref(self, r)) && (row = find_in(c, img, parts, n)))
				return row;
		}
	}
	*img = self;
	return qualified ? find_in(c, img, parts, n) : 0;
}

static CaType *enum_of_name(Ctx *c, const char *name)
{
	const char *parts[MAX_DEPTH], *assembly;
	unsigned n = split_name(c, name, parts, MAX_DEPTH, &assembly);
	Image *img = c->img;
	uint32_t row = find_by_name(c, &img, parts, n, assembly);
	if (!row && !c->img->loader)
		fail(c, "enum '%s' is not in this assembly, and no loader is set to"
		     " look in others", name);
	if (!row)
		fail(c, "cannot find enum '%s' (needed to size its value)", name);
	return enum_type(c, img, row, name);
}

/* ---- from constructor parameters to encodings ---- */

static const CaType *array_of(Ctx *c, const CaType *elem)
{
	CaType *t = arena_alloc(c->a, sizeof *t);
	t->kind = ET_SZARRAY;
	t->elem = elem;
	return t;
}

static void bad_param(Ctx *c, const TypeSig *t) __attribute__((noreturn));
static void bad_param(Ctx *c, const TypeSig *t)
{
	static Buf b;                   /* reused: fail() does not return */
	buf_clear(&b);
	sig_print_type(&b, c->img, t, NULL);
	fail(c, "constructor parameter of type %s cannot be given in an attribute",
	     b.s ? b.s : "?");
}

static const CaType *param_type(Ctx *c, const TypeSig *t, bool in_array, bool subst)
{
	const CaType *s = simple(t->kind);
	if (s && t->kind != ET_CA_TYPE && t->kind != ET_CA_BOXED)
		return s;
	switch (t->kind) {
	case ET_OBJECT:
		return simple(ET_CA_BOXED);
	case ET_SZARRAY:
		if (in_array)
			break;
		return array_of(c, param_type(c, t->elem, true, subst));
	case ET_CLASS:
		if (!token_is(c->img, t->token, "System", "Type"))
			break;
		return simple(ET_CA_TYPE);
	case ET_VALUETYPE:
		return enum_of_token(c, t->token);
	case ET_VAR:
		if (!subst || t->index >= c->ngargs)
			break;
		return param_type(c, c->gargs[t->index], in_array, false);
	}
	bad_param(c, t);
}

/* A generic attribute's constructor lives on a TypeSpec; its parameters may
 * be !N, replaced by the instantiation's arguments. */
static void generic_args(Ctx *c, Token ctor)
{
	if (TOK_TABLE(ctor) != T_MemberRef)
		return;
	Token parent = md_get(c->img, T_MemberRef, TOK_ROW(ctor), MemberRef_Class);
	if (TOK_TABLE(parent) != T_TypeSpec)
		return;
	TypeSig *t = sig_typespec(c->img, c->a, TOK_ROW(parent));
	if (t->kind == ET_GENERICINST)
		c->ngargs = t->nargs, c->gargs = t->args;
}

static MethodSig *ctor_sig(Ctx *c, Token ctor)
{
	uint32_t blob;
	if (TOK_TABLE(ctor) == T_MethodDef)
		blob = md_get(c->img, T_MethodDef, TOK_ROW(ctor), MethodDef_Signature);
	else if (TOK_TABLE(ctor) == T_MemberRef)
		blob = md_get(c->img, T_MemberRef, TOK_ROW(ctor), MemberRef_Signature);
	else
		fail(c, "constructor token 0x%08x is neither a MethodDef nor a MemberRef", ctor);
	return sig_method(c->img, c->a, blob);
}

/* ---- values ---- */

static const char *ser_string(Ctx *c, uint32_t *len)
{
	if (c->r.p < c->r.end && *c->r.p == 0xFF) {
		c->r.p++;
		*len = 0;
		return NULL;
	}
	*len = rd_cu32(&c->r);
	const uint8_t *p = rd_bytes(&c->r, *len);
	char *s = arena_alloc(c->a, (size_t)*len + 1);
	memcpy(s, p, *len);
	return s;
}

static void read_prim(Ctx *c, unsigned et, AttrValue *v)
{
	uint64_t u = 0;
	switch (prim_size[et]) {
	case 1: u = rd_u8(&c->r); break;
	case 2: u = rd_u16(&c->r); break;
	case 4: u = rd_u32(&c->r); break;
	case 8: u = rd_u64(&c->r); break;
	}
	if (et == ET_R4) {
		float f;
		uint32_t w = (uint32_t)u;
		memcpy(&f, &w, 4);
		v->r = f;
	} else if (et == ET_R8) {
		memcpy(&v->r, &u, 8);
	} else if (et == ET_I1) {
		v->i = (int8_t)u;
	} else if (et == ET_I2) {
		v->i = (int16_t)u;
	} else if (et == ET_I4) {
		v->i = (int32_t)u;
	} else {
		v->u = u;
	}
}

/* FieldOrPropType (§II.23.3): how a named argument or boxed value is written. */
static const CaType *field_or_prop_type(Ctx *c, bool in_array)
{
	uint8_t et = rd_u8(&c->r);
	const CaType *s = simple(et);
	if (s)
		return s;
	if (et == ET_SZARRAY && in_array)
		rd_error(&c->r, "array of arrays");
	if (et == ET_SZARRAY)
		return array_of(c, field_or_prop_type(c, true));
	if (et == ET_CA_ENUM) {
		uint32_t len;
		const char *name = ser_string(c, &len);
		if (!name || strlen(name) != len)
			rd_error(&c->r, "bad enum type name");
		return enum_of_name(c, name);
	}
	c->r.p--;
	rd_error(&c->r, "bad FieldOrPropType 0x%02x", et);
}

static void read_value(Ctx *c, const CaType *t, AttrValue *v);

static void read_array(Ctx *c, const CaType *elem, AttrValue *v)
{
	v->elem_type = elem->kind;
	v->enum_name = elem->kind == ET_CA_ENUM ? elem->enum_name : NULL;
	uint32_t n = rd_u32(&c->r);
	if (n == 0xFFFFFFFF) {
		v->null = true;
		return;
	}
	if (n > (size_t)(c->r.end - c->r.p))
		rd_error(&c->r, "array of %u elements is longer than the blob", n);
	v->count = n;
	v->items = arena_alloc(c->a, (size_t)n * sizeof *v->items + 1);
	enter(c);
	for (uint32_t i = 0; i < n; i++)
		read_value(c, elem, &v->items[i]);
	c->depth--;
}

static void read_boxed(Ctx *c, AttrValue *v)
{
	const CaType *t = field_or_prop_type(c, false);
	if (t->kind == ET_CA_BOXED)
		rd_error(&c->r, "a boxed value of type object (boxed twice)");
	v->count = 1;
	v->items = arena_alloc(c->a, sizeof *v->items);
	enter(c);
	read_value(c, t, v->items);
	c->depth--;
}

static void read_value(Ctx *c, const CaType *t, AttrValue *v)
{
	v->type = t->kind;
	switch (t->kind) {
	case ET_STRING:
	case ET_CA_TYPE:
		v->s = ser_string(c, &v->slen);
		v->null = !v->s;
		break;
	case ET_CA_ENUM:
		v->enum_name = t->enum_name;
		v->elem_type = t->under;
		read_prim(c, t->under, v);
		break;
	case ET_SZARRAY:
		read_array(c, t->elem, v);
		break;
	case ET_CA_BOXED:
		read_boxed(c, v);
		break;
	default:
		read_prim(c, t->kind, v);
	}
}

static void read_named(Ctx *c, AttrNamed *n)
{
	uint8_t kind = rd_u8(&c->r);
	if (kind != ET_CA_FIELD && kind != ET_CA_PROPERTY) {
		c->r.p--;
		rd_error(&c->r, "named argument kind 0x%02x (expected 0x53 or 0x54)", kind);
	}
	n->is_property = kind == ET_CA_PROPERTY;
	const CaType *t = field_or_prop_type(c, false);
	uint32_t len;
	n->name = ser_string(c, &len);
	if (!n->name)
		rd_error(&c->r, "named argument without a name");
	read_value(c, t, &n->value);
}

/* ---- the blob ---- */

static void read_blob(Ctx *c, MethodSig *m, Attribute *out)
{
	if (rd_done(&c->r)) {   /* no Value: fine for a constructor without parameters */
		if (m->nparams)
			rd_error(&c->r, "empty, but the constructor takes %u argument%s",
				 m->nparams, m->nparams == 1 ? "" : "s");
		return;
	}
	uint16_t prolog = rd_u16(&c->r);
	if (prolog != 0x0001) {
		c->r.p -= 2;
		rd_error(&c->r, "bad prolog 0x%04x (expected 0x0001)", prolog);
	}
	out->nfixed = m->nparams;
	out->fixed = arena_alloc(c->a, m->nparams * sizeof *out->fixed + 1);
	for (uint32_t i = 0; i < m->nparams; i++)
		read_value(c, param_type(c, m->params[i], false, true), &out->fixed[i]);
	out->nnamed = rd_u16(&c->r);
	out->named = arena_alloc(c->a, out->nnamed * sizeof *out->named + 1);
	for (uint32_t i = 0; i < out->nnamed; i++)
		read_named(c, &out->named[i]);
	if (!rd_done(&c->r))
		rd_error(&c->r, "%zu byte%s of junk after the last argument",
			 (size_t)(c->r.end - c->r.p), c->r.end - c->r.p == 1 ? "" : "s");
}

void attr_decode(Image *img, Arena *a, uint32_t row, Attribute *out)
{
	char what[48];
	snprintf(what, sizeof what, "custom attribute row %u", row);
	Ctx c = { .img = img, .a = a, .row = row };
	*out = (Attribute){0};
	out->ctor = md_get(img, T_CustomAttribute, row, CustomAttribute_Type);
	generic_args(&c, out->ctor);
	MethodSig *m = ctor_sig(&c, out->ctor);
	Blob b = md_blob(img, md_get(img, T_CustomAttribute, row, CustomAttribute_Value));
	c.r = md_reader(img, b, what);
	read_blob(&c, m, out);
}

/* ---- text ---- */

/* UTF-8 bytes with control characters escaped; C# escapes in strings. */
static void put_text(Buf *b, const char *s, uint32_t len, bool quoted)
{
	static const char esc[128] = {
		['"'] = '"', ['\\'] = '\\', ['\n'] = 'n', ['\r'] = 'r',
		['\t'] = 't', [0] = '0',
	};
	for (uint32_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (quoted && ch < 128 && esc[ch])
			buf_printf(b, "\\%c", esc[ch]);
		else if (ch < 0x20 || ch == 0x7F)
			buf_printf(b, "\\u%04X", ch);
		else
			buf_putc(b, (char)ch);
	}
}

static void put_char(Buf *b, uint64_t ch)
{
	if (ch >= 0x20 && ch < 0x7F && ch != '\'' && ch != '\\')
		buf_printf(b, "'%c'", (char)ch);
	else if (ch == '\'' || ch == '\\')
		buf_printf(b, "'\\%c'", (char)ch);
	else
		buf_printf(b, "'\\u%04X'", (unsigned)ch);
}

/* NaN and infinities as .NET spells them, the same on every libc. */
static void put_real(Buf *b, double r, const char *fmt)
{
	if (isnan(r))
		buf_puts(b, "NaN");
	else if (isinf(r))
		buf_puts(b, r < 0 ? "-Infinity" : "Infinity");
	else
		buf_printf(b, fmt, r);
}

static void put_prim(Buf *b, unsigned et, const AttrValue *v)
{
	switch (et) {
	case ET_BOOLEAN:
		if (v->u <= 1)
			buf_puts(b, v->u ? "true" : "false");
		else
			buf_printf(b, "(bool)%" PRIu64, v->u);
		break;
	case ET_CHAR: put_char(b, v->u); break;
	case ET_I1: case ET_I2: case ET_I4: case ET_I8:
		buf_printf(b, "%" PRId64, v->i);
		break;
	case ET_R4: put_real(b, v->r, "%.9g"); break;
	case ET_R8: put_real(b, v->r, "%.17g"); break;
	default: buf_printf(b, "%" PRIu64, v->u);
	}
}

/* Length of a type name without its ", Assembly, ..." qualification. */
static size_t unqualified_len(const char *s)
{
	size_t i = 0;
	for (unsigned depth = 0; s[i]; i++) {
		if (s[i] == '\\' && s[i + 1])
			i++;
		else if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && depth)
			depth--;
		else if (s[i] == ',' && !depth)
			break;
	}
	return i;
}

void attr_print_value(Buf *b, const AttrValue *v)
{
	if (v->null) {
		buf_puts(b, "null");
		return;
	}
	switch (v->type) {
	case ET_STRING:
		buf_putc(b, '"');
		put_text(b, v->s, v->slen, true);
		buf_putc(b, '"');
		break;
	case ET_CA_TYPE:
		buf_puts(b, "typeof(");
		put_text(b, v->s, v->slen, false);
		buf_putc(b, ')');
		break;
	case ET_CA_ENUM:
		buf_putc(b, '(');
		put_text(b, v->enum_name, (uint32_t)unqualified_len(v->enum_name), false);
		buf_putc(b, ')');
		put_prim(b, v->elem_type, v);
		break;
	case ET_SZARRAY:
		buf_putc(b, '[');
		for (uint32_t i = 0; i < v->count; i++) {
			if (i)
				buf_puts(b, ", ");
			attr_print_value(b, &v->items[i]);
		}
		buf_putc(b, ']');
		break;
	case ET_CA_BOXED:
		buf_puts(b, "(object)");
		attr_print_value(b, v->items);
		break;
	default:
		put_prim(b, v->type, v);
	}
}
