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
 * Refused: bool and char fields (4-byte BOOL and 1-byte ANSI in native
 * memory), other references, other [MarshalAs], auto layout, generic
 * structs, fixed arrays in explicit layout.
 */
#include "il2c.h"

#include <string.h>

enum {                                  /* ECMA-335 §II.23.4 */
	NATIVE_LPSTR = 0x14, NATIVE_FIXEDARRAY = 0x1e, NATIVE_LPUTF8STR = 0x30,
};

static Blob field_marshal(Field *fd)
{
	uint32_t row = md_lookup1(fd->img, T_FieldMarshal, FieldMarshal_Parent,
				  TOKEN(T_Field, fd->row));
	Blob none = {0};
	return row ? md_blob(fd->img, md_get(fd->img, T_FieldMarshal, row, FieldMarshal_NativeType))
		   : none;
}

/* N of a [MarshalAs(ByValArray, SizeConst = N)] array of numbers, or 0. */
static uint32_t fixed_array_count(Field *fd)
{
	Blob v = field_marshal(fd);
	if (fd->type->kind != TY_SZARRAY || !v.len || v.p[0] != NATIVE_FIXEDARRAY)
		return 0;
	Type *e = fd->type->elem;
	if (e->kind == TY_BOOL || e->kind == TY_CHAR || e->kind > TY_U)
		return 0;
	Reader r = md_reader(fd->img, v, "field marshal");
	rd_u8(&r);
	return rd_done(&r) ? 0 : rd_cu32(&r);
}

static bool is_string_field(Field *fd)
{
	if (fd->type != ty_string)
		return false;
	Blob v = field_marshal(fd);
	return !v.len || (v.p[0] == NATIVE_LPSTR || v.p[0] == NATIVE_LPUTF8STR);
}

static const char *refusal(Type *t, bool strings, uint32_t depth);

static const char *field_refusal(Type *t, Field *fd, bool strings, uint32_t depth)
{
	if (strings && is_string_field(fd))
		return NULL;
	if (strings && fixed_array_count(fd))
		return ty_info(t)->explicit_layout ? arena_printf(ty_arena(), "%s (field %s: a fixed"
			" array in explicit layout)", t->name, fd->name) : NULL;
	if (md_lookup1(fd->img, T_FieldMarshal, FieldMarshal_Parent, TOKEN(T_Field, fd->row)))
		return "a [MarshalAs] ilcc does not do";
	const char *why = refusal(fd->type, strings, depth + 1);
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
	if (t->ninst)
		return "a generic struct";
	if (!ti->explicit_layout && !ti->sequential && ti->nfields)
		return arena_printf(ty_arena(), "%s (auto layout)", t->name);
	for (uint32_t i = 0; i < ti->nfields; i++) {
		const char *why = field_refusal(t, ti->fields[i], strings, depth);
		if (why)
			return why;
	}
	return NULL;
}

bool emit_blittable(Type *t)
{
	return ty_is_valuetype(t) && !refusal(t, false, 0);
}

const char *emit_marshal_refusal(Type *t)
{
	if (!ty_is_valuetype(t))
		return arena_printf(ty_arena(), "%s is not a struct (ilcc marshals structs only)",
				    t->name);
	return refusal(t, true, 0);
}

static bool has_fields(Type *t)
{
	return t->kind == TY_STRUCT && !ty_info(t)->is_enum;
}

/* The array types of t's fixed arrays, which PtrToStructure makes. */
static void reach_fixed_arrays(Program *p, Type *t, Method *why)
{
	for (uint32_t i = 0; has_fields(t) && i < ty_info(t)->nfields; i++) {
		Field *fd = ty_info(t)->fields[i];
		if (fixed_array_count(fd))
			reach_type(p, fd->type, TN_DESCRIPTOR | TN_CONSTRUCTED, why);
		else
			reach_fixed_arrays(p, fd->type, why);
	}
}

void emit_marshal_need(Program *p, Type *t, Method *why)
{
	for (uint32_t i = 0; i < p->marshal_types.n; i++)
		if (p->marshal_types.v[i] == t)
			return;
	reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_fixed_arrays(p, t, why);
	VEC_PUSH(p->marshal_types, t);
}

/* Does t (marshallable) hold a fixed array, so that its native layout is
 * not its C struct? */
static bool has_native_layout(Type *t)
{
	if (!has_fields(t))
		return false;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (fixed_array_count(ti->fields[i]) || has_native_layout(ti->fields[i]->type))
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

/* "struct N_<t>" (and those of the structs it holds), once per C file. */
static void native_decl(Buf *b, Type *t)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (has_native_layout(ti->fields[i]->type))
			native_decl(b, ti->fields[i]->type);
	buf_printf(b, "#ifndef N_%s_DONE\n#define N_%s_DONE\n", t->cname, t->cname);
	if (ti->pack)
		buf_printf(b, "#pragma pack(push, %u)\n", ti->pack);
	buf_printf(b, "%s {", native_struct(t));
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		uint32_t n = fixed_array_count(fd);
		if (n)
			buf_printf(b, " %s %s[%u];", emit_ctype(fd->type->elem), fd->cname, n);
		else if (fd->type == ty_string)
			buf_printf(b, " char *%s;", fd->cname);
		else
			buf_printf(b, " %s %s;", has_native_layout(fd->type) ? native_struct(fd->type)
				   : emit_ctype(fd->type), fd->cname);
	}
	buf_puts(b, " };\n");
	if (ti->pack)
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
		if (fd->type == ty_string)
			op(b, "STRING", m, n, "0", "NULL");
		else
			string_ops(b, fd->type, m, n);
	}
}

/* The steps converting t, with a native layout of its own, field by
 * field. */
static void native_ops(Buf *b, Type *t, const char *mbase, const char *nbase)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		const char *m = arena_printf(ty_arena(), "%s + offsetof(%s, %s)", mbase,
					     emit_struct(t), fd->cname);
		const char *n = arena_printf(ty_arena(), "%s + offsetof(%s, %s)", nbase,
					     native_struct(t), fd->cname);
		uint32_t count = fixed_array_count(fd);
		if (count) {
			op(b, "ARRAY", m, n, arena_printf(ty_arena(), "%u", count),
			   arena_printf(ty_arena(), "&%s_type", fd->type->cname));
		} else if (fd->type == ty_string) {
			op(b, "STRING", m, n, "0", "NULL");
		} else if (has_native_layout(fd->type)) {
			native_ops(b, fd->type, m, n);
		} else {
			op(b, "COPY", m, n, arena_printf(ty_arena(), "sizeof(%s)", emit_ctype(fd->type)),
			   "NULL");
			string_ops(b, fd->type, m, n);
		}
	}
}

/* One type's fields (name and native offset) and steps; the steps' C
 * name. */
static void marshal_type(Buf *b, Type *t)
{
	uint32_t nf = has_fields(t) ? ty_info(t)->nfields : 0;
	if (has_native_layout(t))
		native_decl(b, t);
	buf_printf(b, "static const RtMarshalField %s_mfields[] = {", t->cname);
	for (uint32_t k = 0; k < nf; k++) {
		Field *fd = ty_info(t)->fields[k];
		buf_printf(b, " { \"%s\", offsetof(%s, %s) },", fd->name, native_struct(t), fd->cname);
	}
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
		marshal_type(b, t);
		buf_printf(&table, "\t{ &%s_type, %s_mfields, sizeof(%s), %s_mops },\n", t->cname,
			   t->cname, native_struct(t), t->cname);
	}
	buf_printf(b, "const RtMarshalType rt_marshal_types[] = {\n%s\t{ 0 }\n};\n"
		   "const uint32_t rt_nmarshal_types = %u;\n", table.s ? table.s : "", p->marshal_types.n);
	buf_free(&table);
}
