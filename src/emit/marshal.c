/* marshal: structs in native memory (Marshal.SizeOf, OffsetOf,
 * StructureToPtr, PtrToStructure).
 *
 * Requires: reach (il2c_reflect.c names the types these calls are given
 * by typeof), cgen calling emit_marshal_types once every body is written.
 * Provides: which value types have a native layout equal to the C struct
 * ilcc emits (the RtType flag RT_T_BLITTABLE), and rt_marshal_types[]:
 * for each type a marshalling call names, its fields' names and offsets
 * (OffsetOf) and the offsets of its string fields, which are char * UTF-8
 * in native memory (LPStr, Mono's default on Unix). A string takes the
 * place of a reference of the same size, so the layout is the same.
 * Refused: bool and char fields (4-byte BOOL and 1-byte ANSI in native
 * memory), other references, [MarshalAs] other than LPStr on strings,
 * auto layout, generic structs.
 */
#include "il2c.h"

#include <string.h>

enum { NATIVE_LPSTR = 0x14, NATIVE_LPUTF8STR = 0x30 };  /* ECMA-335 §II.23.4 */

static bool is_string_field(Field *fd)
{
	if (fd->type != ty_string)
		return false;
	uint32_t row = md_lookup1(fd->img, T_FieldMarshal, FieldMarshal_Parent,
				  TOKEN(T_Field, fd->row));
	if (!row)
		return true;
	Blob v = md_blob(fd->img, md_get(fd->img, T_FieldMarshal, row, FieldMarshal_NativeType));
	return v.len && (v.p[0] == NATIVE_LPSTR || v.p[0] == NATIVE_LPUTF8STR);
}

static const char *refusal(Type *t, bool strings, uint32_t depth);

static const char *field_refusal(Type *t, Field *fd, bool strings, uint32_t depth)
{
	if (strings && is_string_field(fd))
		return NULL;
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

void emit_marshal_need(Program *p, Type *t, Method *why)
{
	for (uint32_t i = 0; i < p->marshal_types.n; i++)
		if (p->marshal_types.v[i] == t)
			return;
	reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	VEC_PUSH(p->marshal_types, t);
}

static bool has_fields(Type *t)
{
	return t->kind == TY_STRUCT && !ty_info(t)->is_enum;
}

/* The offsets (C expressions from the start of t, `base`) of string
 * fields in t and the structs it holds; how many. */
static uint32_t string_offsets(Buf *b, Type *t, const char *base)
{
	if (!has_fields(t))
		return 0;
	TypeInfo *ti = ty_info(t);
	uint32_t n = 0;
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *fd = ti->fields[i];
		const char *off = arena_printf(ty_arena(), "%s + offsetof(%s, %s)", base,
					       emit_struct(t), fd->cname);
		if (fd->type == ty_string) {
			buf_printf(b, " %s,", off);
			n++;
		} else {
			n += string_offsets(b, fd->type, off);
		}
	}
	return n;
}

/* One type's fields (name and offset) and string offsets. */
static uint32_t marshal_fields(Buf *b, Type *t)
{
	uint32_t nf = has_fields(t) ? ty_info(t)->nfields : 0;
	buf_printf(b, "static const RtMarshalField %s_mfields[] = {", t->cname);
	for (uint32_t k = 0; k < nf; k++) {
		Field *fd = ty_info(t)->fields[k];
		buf_printf(b, " { \"%s\", offsetof(%s, %s) },", fd->name, emit_struct(t), fd->cname);
	}
	buf_printf(b, " { NULL, 0 } };\nstatic const uint32_t %s_mstrings[] = {", t->cname);
	uint32_t ns = string_offsets(b, t, "0");
	buf_puts(b, " 0 };\n");
	return ns;
}

void emit_marshal_types(Program *p, Buf *b)
{
	Buf table = {0};
	for (uint32_t i = 0; i < p->marshal_types.n; i++) {
		Type *t = p->marshal_types.v[i];
		uint32_t ns = marshal_fields(b, t);
		buf_printf(&table, "\t{ &%s_type, %s_mfields, %u, %s_mstrings },\n", t->cname,
			   t->cname, ns, t->cname);
	}
	buf_printf(b, "const RtMarshalType rt_marshal_types[] = {\n%s\t{ 0 }\n};\n"
		   "const uint32_t rt_nmarshal_types = %u;\n", table.s ? table.s : "", p->marshal_types.n);
	buf_free(&table);
}
