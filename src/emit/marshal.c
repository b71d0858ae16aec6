/* marshal: structs in native memory (Marshal.SizeOf, OffsetOf,
 * StructureToPtr, PtrToStructure, DestroyStructure).
 *
 * Requires: reach (il2c_reflect.c names the types these calls are given
 * by typeof), cgen calling emit_marshal_types once every body is written.
 * Provides: which value types have a native layout equal to the C struct
 * ilcc emits (the RtType flag RT_T_BLITTABLE), and rt_marshal_types[]:
 * for each type a marshalling call names, its native size, its fields'
 * names and native offsets (OffsetOf) and the steps that convert it
 * (RtMarshalOp: copy bytes, convert a string, copy a fixed array).
 * Strings are char * UTF-8 in native memory (LPStr, Mono's default on
 * Unix); a string takes the place of a reference of the same size.
 * [MarshalAs(UnmanagedType.ByValArray, SizeConst = N)] arrays of numbers
 * are N elements inline in native memory, so a struct holding one (Mono's
 * sockaddr_ll and in6_addr, read from getifaddrs) has a native layout of
 * its own: ilcc emits it as a second C struct ("struct N_<type>", with
 * the type's Pack), and gcc lays it out as the C ABI does, as Mono does.
 * Explicit layout in native memory keeps each field's offset, with its
 * native type there (a bool a 4-byte BOOL...), as Mono lays it out.
 * Classes with sequential or explicit layout (deriving from Object or
 * from such a class, whose fields come first) are laid out as structs,
 * and inline where a struct holds one. What ilcc cannot lay out (other
 * references, other [MarshalAs], auto layout) is no build error, since
 * Mono decides when the program runs: such a type's row says why, and
 * the runtime throws then (Mono's exceptions for auto layout).
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <string.h>

enum {                                  /* ECMA-335 §II.23.4 */
	NATIVE_BOOLEAN = 0x02, NATIVE_I1 = 0x03, NATIVE_U1 = 0x04, NATIVE_I2 = 0x05,
	NATIVE_U2 = 0x06, NATIVE_LPSTR = 0x14, NATIVE_LPWSTR = 0x15, NATIVE_LPTSTR = 0x16,
	NATIVE_BYVALTSTR = 0x17, NATIVE_IUNKNOWN = 0x19, NATIVE_IDISPATCH = 0x1a,
	NATIVE_STRUCT = 0x1b, NATIVE_INTF = 0x1c, NATIVE_FIXEDARRAY = 0x1e, NATIVE_LPARRAY = 0x2a,
	NATIVE_FUNC = 0x26, NATIVE_LPUTF8STR = 0x30,
};
enum { TF_CHARSET = 0x30000, TF_UNICODE = 0x10000 };  /* TypeDef flags */

/* What a field is in native memory. */
typedef enum {
	FN_SAME,        /* the same bytes (a number, pointer, or such a struct) */
	FN_STRING,      /* char * UTF-8 (LPStr, Mono's default on Unix) */
	FN_WSTRING,     /* UTF-16 pointer (LPWStr, or a CharSet.Unicode struct) */
	FN_ARRAY,       /* ByValArray: n elements inline */
	FN_TSTR,        /* ByValTStr: n UTF-8 bytes inline, NUL-terminated */
	FN_WTSTR,       /* ByValTStr of a CharSet.Unicode struct: n UTF-16 units */
	FN_BOOL4,       /* bool as a 4-byte BOOL (Mono's default) */
	FN_BOOL1,       /* bool as [MarshalAs(U1)] or I1 */
	FN_CHAR1,       /* char as one ANSI byte (CharSet.Ansi, the default) */
	FN_CLASS,       /* an object of a class with layout, inline as its struct */
	FN_DELEGATE,    /* a delegate as a C function pointer (callbacks.c) */
	FN_CHARS,       /* ByValArray of char in an ANSI struct: n bytes inline */
	FN_NULLREF,     /* a COM interface (8 bytes) or VARIANT (16): null only */
	FN_LPARRAY,     /* an array without ByValArray: its elements' address,
			 * which Mono will not read back (MarshalDirectiveException) */
	FN_REFUSED,     /* a [MarshalAs] ilcc does not do */
} FieldNative;

static Blob field_marshal(Field *fd)
{
	uint32_t row = md_lookup1(fd->img, T_FieldMarshal, FieldMarshal_Parent,
				  TOKEN(T_Field, fd->row));
	Blob none = {0};
	return row ? md_blob(fd->img, md_get(fd->img, T_FieldMarshal, row, FieldMarshal_NativeType))
		   : none;
}

/* The N of [MarshalAs(ByValArray or ByValTStr, SizeConst = N)], or 0. */
static uint32_t size_const(Field *fd, Blob v)
{
	Reader r = md_reader(fd->img, v, "field marshal");
	rd_u8(&r);
	return rd_done(&r) ? 0 : rd_cu32(&r);
}

static bool unicode_struct(Field *fd)
{
	return (ty_info(fd->owner)->flags & TF_CHARSET) == TF_UNICODE;
}

static bool layout_class(Type *t);

/* An array field: ByValArray of n numbers inline (chars as bytes in an
 * ANSI struct), else a pointer Mono refuses to fill. */
static FieldNative array_native(Field *fd, Blob v, int nt, uint32_t *n)
{
	Type *e = fd->type->elem;
	if (nt != NATIVE_FIXEDARRAY)
		return nt < 0 || nt == NATIVE_LPARRAY ? FN_LPARRAY : FN_REFUSED;
	if (!(*n = size_const(fd, v)))
		return FN_REFUSED;
	if (e->kind == TY_CHAR && !unicode_struct(fd))
		return FN_CHARS;
	return e->kind == TY_BOOL || e->kind > TY_U ? FN_REFUSED : FN_ARRAY;
}

/* What fd is natively, and its count (fixed arrays and strings) or native
 * size (FN_NULLREF) in *n. */
static FieldNative field_native(Field *fd, uint32_t *n)
{
	Blob v = field_marshal(fd);
	int nt = v.len ? v.p[0] : -1;
	Type *t = fd->type;
	*n = 0;
	if (t == ty_string) {
		if (nt == NATIVE_BYVALTSTR && (*n = size_const(fd, v)))
			return unicode_struct(fd) ? FN_WTSTR : FN_TSTR;
		if (nt == NATIVE_LPWSTR || (nt < 0 && unicode_struct(fd)))
			return FN_WSTRING;
		return nt < 0 || nt == NATIVE_LPSTR || nt == NATIVE_LPUTF8STR || nt == NATIVE_LPTSTR
			? FN_STRING : FN_REFUSED;
	}
	if (t->kind == TY_BOOL)
		return nt < 0 || nt == NATIVE_BOOLEAN ? FN_BOOL4
		       : nt == NATIVE_U1 || nt == NATIVE_I1 ? FN_BOOL1 : FN_REFUSED;
	if (t->kind == TY_CHAR) {
		if (nt == NATIVE_U1 || nt == NATIVE_I1 || (nt < 0 && !unicode_struct(fd)))
			return FN_CHAR1;
		return nt < 0 || nt == NATIVE_U2 || nt == NATIVE_I2 ? FN_SAME : FN_REFUSED;
	}
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return array_native(fd, v, nt, n);
	if (layout_class(t) && (nt < 0 || nt == NATIVE_STRUCT))
		return FN_CLASS;
	if (t->kind == TY_CLASS && t->img && ty_info(t)->is_delegate && (nt < 0 || nt == NATIVE_FUNC))
		return FN_DELEGATE;
	if (ty_is_ref(t) && (nt == NATIVE_IUNKNOWN || nt == NATIVE_IDISPATCH || nt == NATIVE_INTF ||
			     (nt == NATIVE_STRUCT && t == ty_object))) {
		*n = nt == NATIVE_STRUCT ? 16 : 8;
		return FN_NULLREF;
	}
	return nt < 0 ? FN_SAME : FN_REFUSED;
}

/* Is fd laid out natively other than in its C struct (not the same bytes,
 * nor a pointer in a reference's place)? */
static bool inline_native(Field *fd)
{
	uint32_t n;
	FieldNative k = field_native(fd, &n);
	return k != FN_SAME && k != FN_STRING && k != FN_WSTRING;
}

static const char *refusal(Type *t, bool strings, uint32_t depth);
static const char *field_refusal(Type *t, Field *fd, bool strings, uint32_t depth);

/* A class with sequential or explicit layout deriving from Object or
 * from such a class: Marshal lays out its fields as a struct's (what
 * follows the object's header), after its base's. */
static bool layout_class(Type *t)
{
	if (t->kind != TY_CLASS || !t->img || t->ninst)
		return false;
	TypeInfo *ti = ty_info(t);
	if ((!ti->sequential && !ti->explicit_layout) || ti->is_delegate || !ti->base)
		return false;
	return ti->base == ty_object || layout_class(ti->base);
}

/* The base class whose fields come first natively, or NULL. */
static Type *layout_base(Type *t)
{
	Type *b = t->kind == TY_CLASS ? ty_info(t)->base : NULL;
	return b && b != ty_object && layout_class(b) ? b : NULL;
}

/* Why t's fields (and its bases') cannot be marshalled (strings:
 * converted), or NULL. */
static const char *fields_refusal(Type *t, bool strings, uint32_t depth)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++) {
		const char *why = field_refusal(t, ti->fields[i], strings, depth);
		if (why)
			return why;
	}
	return layout_base(t) ? fields_refusal(layout_base(t), strings, depth) : NULL;
}

static const char *field_refusal(Type *t, Field *fd, bool strings, uint32_t depth)
{
	uint32_t n;
	FieldNative k = field_native(fd, &n);
	const char *why = NULL;
	if (k == FN_REFUSED)
		return "a [MarshalAs] ilcc does not do";
	if (depth > 16)
		return "a struct nested too deeply";
	if (k == FN_CLASS)
		why = strings ? fields_refusal(fd->type, strings, depth + 1)
			      : arena_printf(ty_arena(), "%s (a reference)", fd->type->name);
	else if (k == FN_DELEGATE)
		why = strings ? emit_callback_refusal(fd->type)
			      : arena_printf(ty_arena(), "%s (a reference)", fd->type->name);
	else if (strings && k != FN_SAME)
		return NULL;
	else if (strings && fd->type->kind == TY_CHAR)     /* UTF-16, 2 bytes both sides */
		return NULL;
	else
		why = refusal(fd->type, strings, depth + 1);
	return why ? arena_printf(ty_arena(), "%s (field %s: %s)", t->name, fd->name, why) : NULL;
}

/* Why t's native layout is not its C struct (with strings, if `strings`,
 * as char *), or NULL. */
static const char *refusal(Type *t, bool strings, uint32_t depth)
{
	if (depth > 16)
		return "a struct nested too deeply";
	if (t->kind == TY_BOOL)
		return "bool (4 bytes in native memory: use int)";
	if (t->kind == TY_CHAR)
		return "char (1 byte in native memory: use byte or ushort)";
	if (t->kind <= TY_U || t->kind == TY_PTR || t->kind == TY_FNPTR)
		return NULL;
	if (t->kind != TY_STRUCT)
		return arena_printf(ty_arena(), "%s (a reference)", t->name);
	TypeInfo *ti = ty_info(t);
	if (ti->is_enum)
		return NULL;
	if (!ti->explicit_layout && !ti->sequential && ti->nfields)
		return arena_printf(ty_arena(), "%s (auto layout)", t->name);
	return fields_refusal(t, strings, depth);
}

bool emit_blittable(Type *t)
{
	return ty_is_valuetype(t) && !refusal(t, false, 0);
}

bool emit_marshal_class(Type *t)
{
	return layout_class(t);
}

/* An auto-layout class or struct, which Mono will not marshal. */
static bool auto_layout(Type *t)
{
	TypeInfo *ti = t->img && (t->kind == TY_CLASS || t->kind == TY_STRUCT) ? ty_info(t) : NULL;
	return ti && !ti->sequential && !ti->explicit_layout && !ti->is_enum;
}

const char *emit_marshal_refusal(Type *t)
{
	if (layout_class(t))
		return fields_refusal(t, true, 0);
	if (!ty_is_valuetype(t))
		return arena_printf(ty_arena(), "%s is not a struct nor a class with sequential"
				    " or explicit layout", t->name);
	return refusal(t, true, 0);
}

static bool has_fields(Type *t)
{
	return (t->kind == TY_STRUCT && !ty_info(t)->is_enum) || layout_class(t);
}

/* What converting t reaches: the array types of its fixed arrays, which
 * PtrToStructure makes, and the classes of its fields and bases. */
static void reach_nested(Program *p, Type *t, Method *why)
{
	for (uint32_t i = 0; has_fields(t) && i < ty_info(t)->nfields; i++) {
		Field *fd = ty_info(t)->fields[i];
		uint32_t n;
		FieldNative k = field_native(fd, &n);
		if (k == FN_NULLREF || k == FN_LPARRAY)
			emit_need_exception(p, RT_EXC_MARSHALDIRECTIVE);
		if (k == FN_ARRAY || k == FN_CHARS)
			reach_type(p, fd->type, TN_DESCRIPTOR | TN_CONSTRUCTED, why);
		else if (k == FN_LPARRAY)
			reach_type(p, fd->type, TN_DESCRIPTOR, why);
		else if (k == FN_CLASS)
			emit_marshal_need(p, fd->type, why);
		else if (k == FN_DELEGATE)
			emit_callback_need(p, fd->type, why);
		else if (k != FN_NULLREF)
			reach_nested(p, fd->type, why);
	}
	if (layout_base(t))
		reach_nested(p, layout_base(t), why);
}

/* t in rt_marshal_types[]: its steps, or why it is refused (an
 * ArgumentException when the program runs, as Mono decides then). */
void emit_marshal_need(Program *p, Type *t, Method *why)
{
	for (uint32_t i = 0; i < p->marshal_types.n; i++)
		if (p->marshal_types.v[i] == t)
			return;
	VEC_PUSH(p->marshal_types, t);
	if (emit_marshal_refusal(t)) {
		reach_type(p, t, TN_DESCRIPTOR, why);
		if (auto_layout(t))
			emit_need_exception(p, RT_EXC_MARSHALDIRECTIVE);
		return;
	}
	reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_nested(p, t, why);
}

/* Does t (marshallable) hold a fixed array, so that its native layout is
 * not its C struct? */
static bool has_native_layout(Type *t)
{
	if (!has_fields(t))
		return false;
	if (layout_class(t))            /* without the object's header */
		return true;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (inline_native(ti->fields[i]) || has_native_layout(ti->fields[i]->type))
			return true;
	return false;
}

/* The C type of t in native memory. */
static const char *native_struct(Type *t)
{
	if (!has_fields(t))
		return emit_ctype(t);
	return has_native_layout(t) ? arena_printf(ty_arena(), "struct N_%s", t->cname)
				    : emit_struct(t);
}

/* Field fd's C type in native memory, and the array bound after its name
 * ("" or "[n]"). */
static const char *native_field_type(Field *fd, const char **bound)
{
	uint32_t n;
	FieldNative k = field_native(fd, &n);
	*bound = k == FN_ARRAY || k == FN_TSTR || k == FN_WTSTR || k == FN_CHARS ?
		arena_printf(ty_arena(), "[%u]", n) : k == FN_NULLREF ?
		arena_printf(ty_arena(), "[%u]", n / 8) : "";
	switch (k) {
	case FN_ARRAY: return emit_ctype(fd->type->elem);
	case FN_CHARS: return "uint8_t";
	case FN_NULLREF: return "uint64_t";
	case FN_LPARRAY: case FN_DELEGATE: return "void *";
	case FN_CLASS: return native_struct(fd->type);
	case FN_STRING: return "char *";
	case FN_WSTRING: return "uint16_t *";
	case FN_TSTR: return "char";
	case FN_WTSTR: return "uint16_t";
	case FN_BOOL4: return "int32_t";
	case FN_BOOL1: case FN_CHAR1: return "uint8_t";
	default:
		return has_native_layout(fd->type) ? native_struct(fd->type) : emit_ctype(fd->type);
	}
}

/* The alignment cap of explicit layout natively, as Mono's: the Pack
 * (8 without one), and with a Size, the largest power of two dividing
 * it (Size=12 with a long: 12 bytes, not 16). */
static uint32_t explicit_cap(TypeInfo *ti)
{
	uint32_t cap = ti->pack && ti->pack < 8 ? ti->pack : 8;
	uint32_t size_cap = ti->class_size & -ti->class_size;
	return ti->class_size && size_cap < cap ? size_cap : cap;
}

/* Explicit layout in native memory: each field at its offset in a packed
 * struct of its own, the whole aligned as its most aligned field up to
 * explicit_cap, with the native types; a base class's fields (Mono:
 * before the offsets, which count from the same start). */
static void native_explicit(Buf *b, TypeInfo *ti, Type *base)
{
	const char *bound;
	uint32_t cap = explicit_cap(ti);
	buf_puts(b, " union {");
	if (base)
		buf_printf(b, " %s _base;", native_struct(base));
	if (ti->nfields) {
		buf_puts(b, " struct {");
		for (uint32_t i = 0; i < ti->nfields; i++) {
			const char *ct = native_field_type(ti->fields[i], &bound);
			buf_printf(b, " _Alignas(_Alignof(%s) < %u ? _Alignof(%s) : %u)", ct, cap, ct, cap);
		}
		buf_puts(b, " char _a; } _align;");
	}
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		const char *type = native_field_type(fd, &bound);
		buf_puts(b, " struct __attribute__((packed)) {");
		if (fd->offset > 0)
			buf_printf(b, " char _p%u[%d];", i, fd->offset);
		buf_printf(b, " %s %s%s; };", type, fd->cname, bound);
	}
	if (ti->class_size)
		buf_printf(b, " char _size[%u%s%s%s];", ti->class_size, base ? " + sizeof(" : "",
			   base ? native_struct(base) : "", base ? ")" : "");
	buf_puts(b, " };");
}

/* Sequential layout in native memory: a base class's fields first, a
 * Size counted after them (as Mono's). */
static void native_sequential(Buf *b, TypeInfo *ti, Type *base)
{
	if (ti->class_size)
		buf_puts(b, " union { struct {");
	if (base)
		buf_printf(b, " %s _base;", native_struct(base));
	for (uint32_t i = 0; i < ti->nfields; i++) {
		const char *bound, *type = native_field_type(ti->fields[i], &bound);
		buf_printf(b, " %s %s%s;", type, ti->fields[i]->cname, bound);
	}
	if (ti->class_size)
		buf_printf(b, " }; char _size[%u%s%s%s]; };", ti->class_size, base ? " + sizeof(" : "",
			   base ? native_struct(base) : "", base ? ")" : "");
}

/* "struct N_<t>" (and those of the structs it holds), once per C file. */
static void native_decl(Buf *b, Type *t)
{
	TypeInfo *ti = ty_info(t);
	Type *base = layout_base(t);
	if (base)
		native_decl(b, base);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (has_native_layout(ti->fields[i]->type))
			native_decl(b, ti->fields[i]->type);
	buf_printf(b, "#ifndef N_%s_DONE\n#define N_%s_DONE\n", t->cname, t->cname);
	bool pack = ti->pack && !ti->explicit_layout;
	if (pack)
		buf_printf(b, "#pragma pack(push, %u)\n", ti->pack);
	buf_printf(b, "%s {", native_struct(t));
	if (ti->explicit_layout)
		native_explicit(b, ti, base);
	else
		native_sequential(b, ti, base);
	buf_puts(b, " };\n");
	if (pack)
		buf_puts(b, "#pragma pack(pop)\n");
	buf_puts(b, "#endif\n");
}

static void op(Buf *b, const char *kind, const char *moff, const char *noff, const char *n,
	       const char *arr)
{
	buf_printf(b, "\t{ RT_MARSHAL_%s, %s, %s, %s, %s },\n", kind, moff, noff, n, arr);
}

/* The strings in t and the structs it holds, which has the same layout
 * in native memory, at `mbase` in the value and `nbase` in native memory. */
static void string_ops(Buf *b, Type *t, const char *mbase, const char *nbase)
{
	if (!has_fields(t))
		return;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		const char *off = arena_printf(ty_arena(), "offsetof(%s, %s)", emit_struct(t),
					       fd->cname);
		const char *m = arena_printf(ty_arena(), "%s + %s", mbase, off);
		const char *n = arena_printf(ty_arena(), "%s + %s", nbase, off);
		uint32_t count;
		FieldNative k = field_native(fd, &count);
		if (k == FN_STRING || k == FN_WSTRING)
			op(b, k == FN_STRING ? "STRING" : "WSTRING", m, n, "0", "NULL");
		else
			string_ops(b, fd->type, m, n);
	}
}

/* The steps converting t, with a native layout of its own, field by
 * field (a base class's first). */
static void native_ops(Buf *b, Type *t, const char *mbase, const char *nbase)
{
	TypeInfo *ti = ty_info(t);
	if (layout_base(t))
		native_ops(b, layout_base(t), mbase, arena_printf(ty_arena(), "%s + offsetof(%s, _base)",
								 nbase, native_struct(t)));
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		const char *m = arena_printf(ty_arena(), "%s + offsetof(%s, %s)", mbase,
					     emit_struct(t), fd->cname);
		const char *n = arena_printf(ty_arena(), "%s + offsetof(%s, %s)", nbase,
					     native_struct(t), fd->cname);
		uint32_t count;
		FieldNative k = field_native(fd, &count);
		const char *cn = arena_printf(ty_arena(), "%u", count);
		static const char *const kinds[] = {
			[FN_STRING] = "STRING", [FN_WSTRING] = "WSTRING", [FN_TSTR] = "TSTR",
			[FN_WTSTR] = "WTSTR", [FN_CHAR1] = "CHAR", [FN_NULLREF] = "NULLREF",
		};
		const char *type = arena_printf(ty_arena(), "&%s_type", fd->type->cname);
		if (k == FN_ARRAY || k == FN_CHARS) {
			op(b, k == FN_ARRAY ? "ARRAY" : "CHARS", m, n, cn, type);
		} else if (k == FN_CLASS) {
			op(b, "OBJECT", m, n, arena_printf(ty_arena(), "sizeof(%s)", native_struct(fd->type)),
			   type);
		} else if (k == FN_LPARRAY || k == FN_DELEGATE) {
			op(b, k == FN_LPARRAY ? "LPARRAY" : "DELEGATE", m, n, "0", type);
		} else if (k == FN_BOOL4 || k == FN_BOOL1) {
			op(b, "BOOL", m, n, k == FN_BOOL4 ? "4" : "1", "NULL");
		} else if (k != FN_SAME) {
			op(b, kinds[k], m, n, cn, "NULL");
		} else if (has_native_layout(fd->type)) {
			native_ops(b, fd->type, m, n);
		} else {
			op(b, "COPY", m, n, arena_printf(ty_arena(), "sizeof(%s)", emit_ctype(fd->type)),
			   "NULL");
			string_ops(b, fd->type, m, n);
		}
	}
}

/* t's fields by name with their native offsets (OffsetOf), its bases'
 * after its own, as Mono looks them up. */
static void field_names(Buf *b, Type *t, const char *nbase)
{
	uint32_t nf = has_fields(t) ? ty_info(t)->nfields : 0;
	for (uint32_t k = 0; k < nf; k++) {
		Field *fd = ty_info(t)->fields[k];
		buf_printf(b, " { \"%s\", %soffsetof(%s, %s) },", fd->name, nbase, native_struct(t),
			   fd->cname);
	}
	if (layout_base(t))
		field_names(b, layout_base(t), arena_printf(ty_arena(), "%soffsetof(%s, _base) + ",
								   nbase, native_struct(t)));
}

/* One type's fields (name and native offset) and steps; the steps' C
 * name. */
static void marshal_type(Buf *b, Type *t)
{
	if (has_native_layout(t))
		native_decl(b, t);
	buf_printf(b, "static const RtMarshalField %s_mfields[] = {", t->cname);
	field_names(b, t, "");
	buf_printf(b, " { NULL, 0 } };\nstatic const RtMarshalOp %s_mops[] = {\n", t->cname);
	if (has_native_layout(t)) {
		native_ops(b, t, "0", "0");
	} else {
		op(b, "COPY", "0", "0", arena_printf(ty_arena(), "sizeof(%s)", emit_ctype(t)), "NULL");
		string_ops(b, t, "0", "0");
	}
	buf_puts(b, "\t{ RT_MARSHAL_END, 0, 0, 0, NULL }\n};\n");
}

void emit_marshal_types(Program *p, Buf *b)
{
	Buf table = {0};
	for (uint32_t i = 0; i < p->marshal_types.n; i++) {
		Type *t = p->marshal_types.v[i];
		const char *why = emit_marshal_refusal(t);
		if (why) {              /* Mono decides when the program runs */
			buf_printf(&table, "\t{ &%s_type, NULL, 0, NULL, ", t->cname);
			emit_c_string(&table, why);
			buf_printf(&table, ", %d },\n", auto_layout(t));
			continue;
		}
		marshal_type(b, t);
		buf_printf(&table, "\t{ &%s_type, %s_mfields, sizeof(%s), %s_mops, NULL, 0 },\n",
			   t->cname, t->cname, native_struct(t), t->cname);
	}
	buf_printf(b, "const RtMarshalType rt_marshal_types[] = {\n%s\t{ 0 }\n};\n"
		   "const uint32_t rt_nmarshal_types = %u;\n", table.s ? table.s : "", p->marshal_types.n);
	buf_free(&table);
}

/* ---- P/Invoke arguments that are not the same bytes in C ----
 *
 * As Mono marshals them on Unix: a string is UTF-8 unless [MarshalAs(
 * LPWStr)] or the import's CharSet.Unicode make it UTF-16 (the string's
 * own characters, as .NET pins them); a bool is 4 bytes unless
 * [MarshalAs(U1)] or I1; a StringBuilder is a buffer of its capacity
 * holding its text, whose contents it gets back; a string array an array
 * of char * (or UTF-16) copies; a struct that holds strings, bools, chars
 * or inline arrays is converted to its native layout (struct N_<type>)
 * in a temporary, passed by value or by reference, and converted back
 * after the call when passed by `ref` or `out` (not [In]); an object of a
 * class with sequential layout likewise by reference; a `ref` or `out`
 * string a char ** and a `ref` or `out` bool a 4-byte BOOL; the native
 * strings are freed after the call, as Mono frees them. */
enum { PARAM_IN = 1, PARAM_OUT = 2 };           /* Param flags */
enum { IMPL_CHARSET = 6, IMPL_UNICODE = 4 };    /* ImplMap flags */

/* The first byte of parameter i's [MarshalAs] (-1 for none; i -1 is the
 * return), its array element's in *sub, its flags in *flags. */
static int param_marshal(Method *m, int i, int *sub, uint32_t *flags)
{
	uint32_t row = ty_param_row(m, (uint32_t)(i + 1));
	*flags = row ? md_get(m->img, T_Param, row, Param_Flags) : 0;
	*sub = -1;
	uint32_t fm = row ? md_lookup1(m->img, T_FieldMarshal, FieldMarshal_Parent,
				       TOKEN(T_Param, row)) : 0;
	if (!fm)
		return -1;
	Blob v = md_blob(m->img, md_get(m->img, T_FieldMarshal, fm, FieldMarshal_NativeType));
	if (v.len > 1)
		*sub = v.p[1];
	return v.len ? v.p[0] : -1;
}

static bool unicode_import(Method *m)
{
	uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
				TOKEN(T_MethodDef, m->row));
	return r && (md_get(m->img, T_ImplMap, r, ImplMap_MappingFlags) & IMPL_CHARSET) == IMPL_UNICODE;
}

static bool is_string_builder(Type *t)
{
	return t->kind == TY_CLASS && t->img && !strcmp(t->name, "System.Text.StringBuilder");
}

static Type *param_type(Method *m, int i)
{
	return i < 0 ? m->ret : m->params[i];
}

/* Is m one of the runtime's own System.Native functions, written in C
 * for the arguments as they are? */
static bool system_native(Method *m)
{
	uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
				TOKEN(T_MethodDef, m->row));
	uint32_t mref = r ? md_get(m->img, T_ImplMap, r, ImplMap_ImportScope) : 0;
	const char *name = mref ? md_string(m->img, md_get(m->img, T_ModuleRef, mref,
								ModuleRef_Name)) : "";
	return strstr(name, "System.Native") != NULL;
}

PinvokeArg emit_pinvoke_arg(Method *m, int i)
{
	Type *t = param_type(m, i);
	if (system_native(m))
		return PA_PLAIN;
	uint32_t flags;
	int sub, nt = param_marshal(m, i, &sub, &flags);
	bool wide = nt == NATIVE_LPWSTR || (nt < 0 && unicode_import(m));
	if (t == ty_string)
		return wide ? PA_WSTRING : PA_PLAIN;
	if (t->kind == TY_BOOL)
		return nt == NATIVE_U1 || nt == NATIVE_I1 ? PA_BOOL1 : PA_PLAIN;
	if (is_string_builder(t))
		return i < 0 ? PA_PLAIN : wide ? PA_WSB : PA_SB;
	if (t->kind == TY_SZARRAY && t->elem == ty_string && i >= 0)
		return (nt == NATIVE_LPARRAY && sub == NATIVE_LPWSTR) ||
		       (nt < 0 && unicode_import(m)) ? PA_WSTRINGS : PA_STRINGS;
	if (layout_class(t) && i >= 0 && !fields_refusal(t, true, 0))
		return PA_CLASS;
	if (t->kind == TY_BYREF && t->elem == ty_string && !wide)
		return PA_STRING_REF;
	if (t->kind == TY_BYREF && t->elem->kind == TY_BOOL && nt != NATIVE_U1 && nt != NATIVE_I1)
		return PA_BOOL_REF;
	Type *s = t->kind == TY_BYREF ? t->elem : t;
	if (s->kind != TY_STRUCT || emit_blittable(s) || emit_marshal_refusal(s))
		return PA_PLAIN;
	return t->kind == TY_BYREF ? PA_STRUCT_REF : PA_STRUCT;
}

const char *emit_pinvoke_native_ctype(Method *m, int i)
{
	switch (emit_pinvoke_arg(m, i)) {
	case PA_WSTRING: return "uint16_t *";
	case PA_BOOL1: return "uint8_t";
	case PA_STRUCT: return native_struct(param_type(m, i));
	case PA_PLAIN: return NULL;
	default: return "void *";
	}
}

/* The native structs m's prototype and body name, declared before it. */
void emit_pinvoke_native_decls(Buf *b, Method *m)
{
	for (int i = -1; i < (int)m->nparams; i++) {
		PinvokeArg k = emit_pinvoke_arg(m, i);
		Type *t = param_type(m, i);
		t = t->kind == TY_BYREF ? t->elem : t;
		if ((k == PA_STRUCT || k == PA_STRUCT_REF || k == PA_CLASS) && has_native_layout(t))
			native_decl(b, t);
	}
}

/* A call of StringBuilder's method `name` (one string parameter if
 * `string`, else nparams of any). */
static const char *sb_call(Fn *f, Type *sb, const char *name, int nparams, bool string)
{
	Method *found = NULL;
	TypeInfo *ti = ty_info(sb);
	for (uint32_t k = 0; k < ti->nmethods && !found; k++) {
		Method *c = ti->methods[k];
		if (!strcmp(c->name, name) && (int)c->nparams == nparams &&
		    (!string || c->params[0] == ty_string))
			found = c;
	}
	if (!found)
		e_fn_error(f, "P/Invoke: StringBuilder has no method %s", name);
	reach_method(f->p, found, f->m, "StringBuilder marshalled by P/Invoke");
	return found->cname;
}

static void sb_arg(Fn *f, uint32_t i, bool wide, const char *bail, Buf *after)
{
	Type *sb = f->m->params[i];
	const char *str = sb_call(f, sb, "ToString", 0, false);
	e_out(f, "void *sb%u_ = NULL;", i);
	e_out(f, "if (a%u) { Object *s_ = %s(a%u);", i, str, i);
	e_out(f, "if (rt_pending) %s", bail);
	e_out(f, "int32_t c_ = %s(a%u);", sb_call(f, sb, "get_Capacity", 0, false), i);
	e_out(f, "if (rt_pending) %s", bail);
	e_out(f, "sb%u_ = rt_pinvoke_sb_in(s_, c_, %d);", i, wide);
	e_out(f, "if (!sb%u_) %s }", i, bail);
	buf_printf(after, "if (a%u) { Object *s_ = rt_pinvoke_sb_out(sb%u_, %d); %s(a%u, 0);"
		   " if (!rt_pending) %s(a%u, s_); }\n", i, i, wide,
		   sb_call(f, sb, "set_Length", 1, false), i, sb_call(f, sb, "Append", 1, true), i);
}

/* A struct by value or by reference, or an object of a class with layout
 * (byref: converted back after the call unless [In]; a class only with
 * [Out], or when its fields are the same bytes natively: Mono pins it). */
static void struct_arg(Fn *f, uint32_t i, bool byref, Buf *after)
{
	Type *t = f->m->params[i], *s = t->kind == TY_BYREF ? t->elem : t;
	uint32_t flags;
	int sub;
	param_marshal(f->m, (int)i, &sub, &flags);
	bool in = !(flags & PARAM_OUT) || (flags & PARAM_IN), out = !(flags & PARAM_IN) || (flags & PARAM_OUT);
	if (layout_class(t))
		in = true, out = (flags & PARAM_OUT) || !fields_refusal(t, false, 0);
	emit_marshal_need(f->p, s, f->m);
	e_out(f, "%s n%u_; memset(&n%u_, 0, sizeof n%u_);", native_struct(s), i, i, i);
	if (!byref) {
		e_out(f, "rt_pinvoke_in(&%s_type, &n%u_, &a%u);", s->cname, i, i);
		buf_printf(after, "rt_pinvoke_free(&%s_type, &n%u_);\n", s->cname, i);
		return;
	}
	if (in)
		e_out(f, "if (a%u) rt_pinvoke_in(&%s_type, &n%u_, (void *)a%u);", i, s->cname, i, i);
	buf_printf(after, "if (a%u) { ", i);
	if (out)
		buf_printf(after, "rt_pinvoke_out(&%s_type, (void *)a%u, &n%u_); ", s->cname, i, i);
	buf_printf(after, "rt_pinvoke_free(&%s_type, &n%u_); }\n", s->cname, i);
}

/* `ref` or `out` string (a char ** to a malloc'ed copy, the string C
 * leaves there read back and freed, as Mono) or bool (a 4-byte BOOL). */
static const char *ref_arg(Fn *f, uint32_t i, bool string, Buf *after)
{
	uint32_t flags;
	int sub;
	param_marshal(f->m, (int)i, &sub, &flags);
	bool in = !(flags & PARAM_OUT) || (flags & PARAM_IN), out = !(flags & PARAM_IN) || (flags & PARAM_OUT);
	if (string) {
		e_out(f, "char *s%u_ = %s;", i, in ? arena_printf(&f->a, "a%u ? rt_pinvoke_str_in(*(Object **)a%u) : NULL", i, i) : "NULL");
		buf_printf(after, "rt_pinvoke_str_out((Object **)a%u, s%u_, %d);\n", i, i, out);
		return arena_printf(&f->a, "a%u ? (void *)&s%u_ : NULL", i, i);
	}
	e_out(f, "int32_t b%u_ = a%u && %d ? *(uint8_t *)a%u != 0 : 0;", i, i, in, i);
	if (out)
		buf_printf(after, "if (a%u) *(uint8_t *)a%u = b%u_ != 0;\n", i, i, i);
	return arena_printf(&f->a, "a%u ? (void *)&b%u_ : NULL", i, i);
}

const char *e_pinvoke_arg(Fn *f, uint32_t i, const char *bail, Buf *after)
{
	PinvokeArg k = emit_pinvoke_arg(f->m, (int)i);
	bool wide = k == PA_WSB || k == PA_WSTRINGS;
	switch (k) {
	case PA_WSTRING:
		return arena_printf(&f->a, "a%u ? ((RtString *)a%u)->chars : NULL", i, i);
	case PA_BOOL1:
		return arena_printf(&f->a, "(uint8_t)a%u", i);
	case PA_SB: case PA_WSB:
		sb_arg(f, i, wide, bail, after);
		return arena_printf(&f->a, "sb%u_", i);
	case PA_STRINGS: case PA_WSTRINGS:
		e_out(f, "void *sv%u_ = rt_pinvoke_strings_in(a%u, %d);", i, i, wide);
		e_out(f, "if (a%u && !sv%u_) %s", i, i, bail);
		buf_printf(after, "rt_pinvoke_strings_free(sv%u_, a%u);\n", i, i);
		return arena_printf(&f->a, "sv%u_", i);
	case PA_STRING_REF: case PA_BOOL_REF:
		return ref_arg(f, i, k == PA_STRING_REF, after);
	case PA_STRUCT: case PA_STRUCT_REF: case PA_CLASS:
		struct_arg(f, i, k != PA_STRUCT, after);
		return arena_printf(&f->a, k == PA_STRUCT ? "n%u_" : "a%u ? (void *)&n%u_ : NULL", i, i);
	default:
		return NULL;
	}
}

/* The return value r_ (converted: a UTF-16 string or a struct). */
bool e_pinvoke_return(Fn *f)
{
	Type *t = f->m->ret;
	switch (emit_pinvoke_arg(f->m, -1)) {
	case PA_WSTRING:
		e_out(f, "if (!r_) return NULL;");
		e_out(f, "{ int32_t n_ = 0; while (r_[n_]) n_++;");
		e_out(f, "return (Object *)rt_str_from_utf16(r_, n_); }");
		return true;
	case PA_STRUCT:
		emit_marshal_need(f->p, t, f->m);
		e_out(f, "{ %s v_; memset(&v_, 0, sizeof v_);", emit_ctype(t));
		e_out(f, "rt_pinvoke_out(&%s_type, &v_, &r_); return v_; }", t->cname);
		return true;
	default:
		return false;
	}
}
