/* ctypes: how Types look in C.
 *
 * Requires: types/. Produces: C type names. References of every class are
 * `Object *` (fields are reached by casting to the owner's struct); value
 * types are their struct, enums their underlying integer; managed pointers
 * `char *` (byte arithmetic, as IL does); unmanaged pointers `intptr_t`,
 * which is what they are on the IL stack.
 */
#include "emit.h"

#include <string.h>

static const char *const prim_ctypes[] = {
	[TY_VOID] = "void", [TY_BOOL] = "uint8_t", [TY_CHAR] = "uint16_t",
	[TY_I1] = "int8_t", [TY_U1] = "uint8_t", [TY_I2] = "int16_t",
	[TY_U2] = "uint16_t", [TY_I4] = "int32_t", [TY_U4] = "uint32_t",
	[TY_I8] = "int64_t", [TY_U8] = "uint64_t", [TY_R4] = "float",
	[TY_R8] = "double", [TY_I] = "intptr_t", [TY_U] = "uintptr_t",
};

static Type *enum_base(Type *t)
{
	if (t->kind == TY_STRUCT && ty_info(t)->is_enum && ty_info(t)->underlying)
		return ty_info(t)->underlying;
	return t;
}

StackKind emit_kind(Type *t)
{
	t = enum_base(t);
	switch (t->kind) {
	case TY_BOOL: case TY_CHAR: case TY_I1: case TY_U1: case TY_I2:
	case TY_U2: case TY_I4: case TY_U4:
		return SK_I4;
	case TY_I8: case TY_U8: return SK_I8;
	case TY_I: case TY_U: case TY_PTR: case TY_FNPTR: return SK_IP;
	case TY_R4: return SK_F4;
	case TY_R8: return SK_F8;
	case TY_CLASS: case TY_SZARRAY: case TY_ARRAY: return SK_O;
	case TY_BYREF: return SK_P;
	case TY_STRUCT: case TY_TYPEDREF: return SK_VT;
	case TY_VOID: return SK_NONE;
	default:
		fatal("internal error: open type %s in compiled code", t->name);
	}
}

const char *emit_ctype(Type *t)
{
	t = enum_base(t);
	if (t->kind <= TY_U)
		return prim_ctypes[t->kind];
	switch (t->kind) {
	case TY_CLASS: case TY_SZARRAY: case TY_ARRAY: return "Object *";
	case TY_BYREF: return "char *";
	case TY_PTR: case TY_FNPTR: return "intptr_t";
	case TY_TYPEDREF: return "RtTypedRef";
	case TY_STRUCT: return emit_struct(t);
	default:
		fatal("internal error: open type %s in compiled code", t->name);
	}
}

const char *emit_struct(Type *t)
{
	return arena_printf(ty_arena(), "struct %s", t->cname);
}

const char *emit_this_ctype(Type *t)
{
	return ty_is_valuetype(t) ? "char *" : "Object *";
}

void emit_fn_ptr_type(Buf *b, Method *m, const char *this_ct)
{
	buf_printf(b, "%s (*)(", emit_ctype(m->ret));
	bool first = true;
	if (m->has_this) {
		buf_puts(b, this_ct);
		first = false;
	}
	for (uint32_t i = 0; i < m->nparams; i++, first = false)
		buf_printf(b, "%s%s", first ? "" : ", ", emit_ctype(m->params[i]));
	if (first)
		buf_puts(b, "void");
	buf_putc(b, ')');
}

void emit_prototype(Buf *b, Method *m)
{
	emit_prototype_named(b, m, m->cname);
}

void emit_prototype_named(Buf *b, Method *m, const char *name)
{
	emit_prototype_as(b, m, name, 'a');
}

void emit_prototype_as(Buf *b, Method *m, const char *name, char prefix)
{
	buf_printf(b, "%s %s(", emit_ctype(m->ret), name);
	uint32_t n = 0;
	if (m->has_this)
		buf_printf(b, "%s %c%u", emit_this_ctype(m->owner), prefix, n++);
	for (uint32_t i = 0; i < m->nparams; i++, n++)
		buf_printf(b, "%s%s %c%u", n ? ", " : "", emit_ctype(m->params[i]), prefix, n);
	if (n == 0)
		buf_puts(b, "void");
	buf_putc(b, ')');
}

/* Bytes as C's decimal list: `first` before the first, then "," but
 * `brk` before every per_line-th (the tables of embedded resources and
 * RVA fields: 160,000 buf_printf calls for the collation tables alone). */
void emit_u8_list(Buf *b, const uint8_t *p, size_t n, unsigned per_line,
		  const char *first, const char *brk)
{
	for (size_t k = 0; k < n; k++) {
		buf_puts(b, !k ? first : k % per_line ? "," : brk);
		char d[3];
		unsigned v = p[k], len = v >= 100 ? 3 : v >= 10 ? 2 : 1;
		for (unsigned i = len; i--; v /= 10)
			d[i] = (char)('0' + v % 10);
		buf_putn(b, d, len);
	}
}

/* s as a C string literal (quotes, backslashes and control characters
 * escaped). */
void emit_c_string(Buf *b, const char *s)
{
	emit_c_bytes(b, s, strlen(s));
}

/* n bytes of s as a C string literal, NULs included. */
void emit_c_bytes(Buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x20)
			buf_printf(b, "\\%03o", (unsigned char)s[i]);
		else
			buf_putc(b, s[i]);
	buf_putc(b, '"');
}

/* Mono's text for a type in a method's description: C# keywords for
 * primitives, else the full name (generic arguments as ilcc names them). */
static const char *const mono_prims[] = {
	[TY_VOID] = "void", [TY_BOOL] = "bool", [TY_CHAR] = "char", [TY_I1] = "sbyte",
	[TY_U1] = "byte", [TY_I2] = "int16", [TY_U2] = "uint16", [TY_I4] = "int",
	[TY_U4] = "uint", [TY_I8] = "long", [TY_U8] = "ulong", [TY_R4] = "single",
	[TY_R8] = "double", [TY_I] = "intptr", [TY_U] = "uintptr",
};

void emit_mono_type_desc(Buf *b, Type *t)
{
	if (t->kind <= TY_U)
		buf_puts(b, mono_prims[t->kind]);
	else if (t == ty_string || t == ty_object)
		buf_puts(b, t == ty_string ? "string" : "object");
	else if (t->elem) {
		emit_mono_type_desc(b, t->elem);
		ty_put_suffix(b, t);
	} else
		buf_puts(b, t->name);
}

/* The same as Mono's mono_type_get_desc with namespaces, for the
 * messages that name a class or a method's definition: "NS.Outer/Inner",
 * "G`1<object, int>", "System.Type[]&"; generic parameters by name,
 * from `def` (a method definition, may be NULL). */
static void mono_desc(Buf *b, Type *t, const Method *def)
{
	if (t->kind <= TY_U || t == ty_string || t == ty_object) {
		emit_mono_type_desc(b, t);
	} else if ((t->kind == TY_VAR || t->kind == TY_MVAR) && def) {
		Token owner = t->kind == TY_VAR ? TOKEN(T_TypeDef, def->owner->row) :
			TOKEN(T_MethodDef, def->row);
		buf_puts(b, ty_generic_param_name(def->img, owner, t->rank));
	} else if (t->elem) {
		mono_desc(b, t->elem, def);
		ty_put_suffix(b, t);
	} else if (t->img) {
		sig_print_typedef(b, t->img, t->row, '/');
		for (uint32_t i = 0; i < t->ninst; i++) {
			buf_puts(b, i ? ", " : "<");
			mono_desc(b, t->inst[i], def);
		}
		buf_puts(b, t->ninst ? ">" : "");
	} else {
		buf_puts(b, t->name);
	}
}

void emit_mono_class_desc(Buf *b, Type *t)
{
	mono_desc(b, t, NULL);
}

/* "GI1`1:Func<S> (System.Type[]&)": m's definition as Mono's
 * mono_method_full_name writes it (the open owner, the generic
 * parameters' names, the declared parameter types). */
void emit_mono_method_desc(Buf *b, Method *m)
{
	Image *img = m->img;
	sig_print_typedef(b, img, m->owner->row, '/');
	buf_printf(b, ":%s", md_string(img, md_get(img, T_MethodDef, m->row, MethodDef_Name)));
	uint32_t ngen = ty_method_generic_arity(m);
	for (uint32_t i = 0; i < ngen; i++)
		buf_printf(b, "%s%s", i ? ", " : "<",
			   ty_generic_param_name(img, TOKEN(T_MethodDef, m->row), i));
	buf_puts(b, ngen ? "> (" : " (");
	Arena a = {0};
	MethodSig *s = sig_method(img, &a, md_get(img, T_MethodDef, m->row, MethodDef_Signature));
	for (uint32_t i = 0; i < s->nparams; i++) {
		buf_puts(b, i ? "," : "");
		mono_desc(b, ty_from_sig(img, s->params[i], NULL), m);
	}
	buf_putc(b, ')');
	arena_free(&a);
}
