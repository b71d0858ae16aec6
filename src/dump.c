/* dump: an assembly's metadata as text.
 *
 * Requires: an Image opened through a Loader. Produces: on `out`, the
 * assembly's identity, references, resources and forwarders, then each type
 * in TypeDef order with its layout, interfaces, generic parameters,
 * attributes, fields, properties, events and methods (with --il, their
 * bodies through dump_il.c). Output depends only on the file's metadata
 * (and, for forwarders and enum-typed attribute arguments, on the assemblies
 * it references), so golden files can be diffed.
 */
#include "dump.h"

#include <string.h>

typedef struct Flag {
	uint32_t mask, value;
	const char *name;
} Flag;

static void put_flags(Buf *b, const Flag *f, size_t n, uint32_t v)
{
	for (size_t i = 0; i < n; i++)
		if ((v & f[i].mask) == f[i].value && f[i].name[0])
			buf_printf(b, "%s ", f[i].name);
}
#define PUT_FLAGS(b, table, v) put_flags(b, table, countof(table), v)

static const Flag type_flags[] = {
	{ 7, 0, "private" }, { 7, 1, "public" }, { 7, 2, "nested public" },
	{ 7, 3, "nested private" }, { 7, 4, "nested family" },
	{ 7, 5, "nested assembly" }, { 7, 6, "nested famandassem" },
	{ 7, 7, "nested famorassem" }, { 0x20, 0x20, "interface" },
	{ 0x18, 0, "auto" }, { 0x18, 8, "sequential" }, { 0x18, 0x10, "explicit" },
	{ 0x30000, 0, "ansi" }, { 0x30000, 0x10000, "unicode" },
	{ 0x30000, 0x20000, "autochar" }, { 0x30000, 0x30000, "customformat" },
	{ 0x80, 0x80, "abstract" }, { 0x100, 0x100, "sealed" },
	{ 0x400, 0x400, "specialname" }, { 0x800, 0x800, "rtspecialname" },
	{ 0x1000, 0x1000, "import" }, { 0x2000, 0x2000, "serializable" },
	{ 0x4000, 0x4000, "windowsruntime" }, { 0x40000, 0x40000, "hassecurity" },
	{ 0x100000, 0x100000, "beforefieldinit" }, { 0x200000, 0x200000, "forwarder" },
};

/* Fields and methods share the access bits. */
#define ACCESS_FLAGS \
	{ 7, 0, "compilercontrolled" }, { 7, 1, "private" }, \
	{ 7, 2, "famandassem" }, { 7, 3, "assembly" }, { 7, 4, "family" }, \
	{ 7, 5, "famorassem" }, { 7, 6, "public" }

static const Flag field_flags[] = {
	ACCESS_FLAGS, { 0x10, 0x10, "static" }, { 0x20, 0x20, "initonly" },
	{ 0x40, 0x40, "literal" }, { 0x80, 0x80, "notserialized" },
	{ 0x200, 0x200, "specialname" }, { 0x400, 0x400, "rtspecialname" },
	{ 0x2000, 0x2000, "pinvokeimpl" },
};

static const Flag method_flags[] = {
	ACCESS_FLAGS, { 0x10, 0x10, "static" }, { 0x20, 0x20, "final" },
	{ 0x40, 0x40, "virtual" }, { 0x80, 0x80, "hidebysig" },
	{ 0x100, 0x100, "newslot" }, { 0x200, 0x200, "strict" },
	{ 0x400, 0x400, "abstract" }, { 0x800, 0x800, "specialname" },
	{ 0x1000, 0x1000, "rtspecialname" }, { 0x2000, 0x2000, "pinvokeimpl" },
	{ 0x8, 0x8, "unmanagedexp" }, { 0x4000, 0x4000, "hassecurity" },
	{ 0x8000, 0x8000, "reqsecobj" },
};

static const Flag impl_flags[] = {
	{ 3, 0, "cil" }, { 3, 1, "native" }, { 3, 2, "optil" }, { 3, 3, "runtime" },
	{ 4, 4, "unmanaged" }, { 4, 0, "managed" }, { 0x10, 0x10, "forwardref" },
	{ 0x80, 0x80, "preservesig" }, { 0x1000, 0x1000, "internalcall" },
	{ 0x20, 0x20, "synchronized" }, { 0x8, 0x8, "noinlining" },
	{ 0x40, 0x40, "nooptimization" }, { 0x100, 0x100, "aggressiveinlining" },
};

static const Flag param_flags[] = {
	{ 1, 1, "[in]" }, { 2, 2, "[out]" }, { 0x10, 0x10, "[opt]" },
};

static const Flag gparam_flags[] = {
	{ 3, 1, "+" }, { 3, 2, "-" }, { 4, 4, "class" }, { 8, 8, "valuetype" },
	{ 0x10, 0x10, ".ctor" },
};

static const Flag pinvoke_flags[] = {
	{ 1, 1, "nomangle" }, { 6, 2, "ansi" }, { 6, 4, "unicode" }, { 6, 6, "autochar" },
	{ 0x40, 0x40, "lasterr" }, { 0x700, 0x100, "winapi" }, { 0x700, 0x200, "cdecl" },
	{ 0x700, 0x300, "stdcall" }, { 0x700, 0x400, "thiscall" },
	{ 0x700, 0x500, "fastcall" },
};

static const char *const semantics[] = {
	"setter", "getter", "other", "addon", "removeon", "fire",
};

/* ---- shared printing state ---- */
typedef struct Dump {
	FILE *out;
	Image *img;
	Arena arena;                    /* dropped after each type */
	Buf b;
	GenericNames g;
	const DumpOptions *o;
} Dump;

static void flush_line(Dump *d)
{
	fputs(d->b.s ? d->b.s : "", d->out);
	fputc('\n', d->out);
	buf_clear(&d->b);
}

static const char *str(Dump *d, unsigned t, uint32_t row, unsigned col)
{
	return md_string(d->img, md_get(d->img, t, row, col));
}

static void put_hex(Buf *b, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "%02x", p[i]);
}

/* ---- constants (§II.22.9) ---- */
static void put_constant(Dump *d, Token parent)
{
	uint32_t row = md_lookup1(d->img, T_Constant, Constant_Parent, parent);
	if (!row)
		return;
	uint8_t type = (uint8_t)md_get(d->img, T_Constant, row, Constant_Type);
	Blob v = md_blob(d->img, md_get(d->img, T_Constant, row, Constant_Value));
	Reader r = md_reader(d->img, v, "constant");
	Buf *b = &d->b;
	buf_puts(b, " = ");
	switch (type) {
	case ET_BOOLEAN: buf_puts(b, rd_u8(&r) ? "true" : "false"); break;
	case ET_CHAR: buf_printf(b, "char(%u)", rd_u16(&r)); break;
	case ET_I1: buf_printf(b, "int8(%d)", (int8_t)rd_u8(&r)); break;
	case ET_U1: buf_printf(b, "uint8(%u)", rd_u8(&r)); break;
	case ET_I2: buf_printf(b, "int16(%d)", (int16_t)rd_u16(&r)); break;
	case ET_U2: buf_printf(b, "uint16(%u)", rd_u16(&r)); break;
	case ET_I4: buf_printf(b, "int32(%d)", (int32_t)rd_u32(&r)); break;
	case ET_U4: buf_printf(b, "uint32(%u)", rd_u32(&r)); break;
	case ET_I8: buf_printf(b, "int64(%lld)", (long long)rd_u64(&r)); break;
	case ET_U8: buf_printf(b, "uint64(%llu)", (unsigned long long)rd_u64(&r)); break;
	case ET_R4: {
		uint32_t u = rd_u32(&r);
		float f;
		memcpy(&f, &u, 4);
		buf_printf(b, "float32(%.9g)", f);
		break;
	}
	case ET_R8: {
		uint64_t u = rd_u64(&r);
		double f;
		memcpy(&f, &u, 8);
		buf_printf(b, "float64(%.17g)", f);
		break;
	}
	case ET_STRING: dump_quote_utf16(b, v); break;
	case ET_CLASS: buf_puts(b, "nullref"); break;
	default:
		md_error(d->img, "Constant row %u has bad type 0x%02x", row, type);
	}
}

/* ---- custom attributes ---- */
static void put_attrs(Dump *d, Token parent, const char *indent)
{
	uint32_t first, end;
	md_lookup(d->img, T_CustomAttribute, CustomAttribute_Parent, parent, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(d->img, T_CustomAttribute,
					     CustomAttribute_Parent, pos);
		Attribute at;
		attr_decode(d->img, &d->arena, row, &at);
		buf_printf(&d->b, "%s.custom ", indent);
		sig_print_member(&d->b, d->img, &d->arena, at.ctor);
		buf_puts(&d->b, " (");
		for (uint32_t i = 0; i < at.nfixed; i++) {
			if (i)
				buf_puts(&d->b, ", ");
			attr_print_value(&d->b, &at.fixed[i]);
		}
		for (uint32_t i = 0; i < at.nnamed; i++) {
			buf_printf(&d->b, "%s%s %s = ", i || at.nfixed ? ", " : "",
				   at.named[i].is_property ? "property" : "field",
				   at.named[i].name);
			attr_print_value(&d->b, &at.named[i].value);
		}
		buf_putc(&d->b, ')');
		flush_line(d);
	}
}

/* ---- marshalling descriptors (§II.23.4), shown by native type ---- */
static const char *const native_types[] = {
	[0x02] = "bool", [0x03] = "int8", [0x04] = "uint8", [0x05] = "int16",
	[0x06] = "uint16", [0x07] = "int32", [0x08] = "uint32", [0x09] = "int64",
	[0x0a] = "uint64", [0x0b] = "float32", [0x0c] = "float64",
	[0x13] = "bstr", [0x14] = "lpstr", [0x15] = "lpwstr", [0x16] = "lptstr",
	[0x17] = "fixed sysstring", [0x1a] = "iunknown", [0x1c] = "struct",
	[0x1d] = "interface", [0x1e] = "fixed array", [0x1f] = "int",
	[0x20] = "uint", [0x22] = "byvalstr", [0x23] = "ansi bstr",
	[0x24] = "tbstr", [0x25] = "variant bool", [0x26] = "method",
	[0x28] = "as any", [0x2a] = "array", [0x2b] = "lpstruct",
	[0x2c] = "custom", [0x2d] = "error", [0x30] = "lputf8str",
};

static void put_marshal(Dump *d, Token parent)
{
	uint32_t row = md_lookup1(d->img, T_FieldMarshal, FieldMarshal_Parent, parent);
	if (!row)
		return;
	Blob v = md_blob(d->img, md_get(d->img, T_FieldMarshal, row, FieldMarshal_NativeType));
	if (v.len == 0)
		md_error(d->img, "FieldMarshal row %u has an empty descriptor", row);
	const char *name = v.p[0] < countof(native_types) ? native_types[v.p[0]] : NULL;
	buf_printf(&d->b, " marshal(%s", name ? name : "?");
	if (v.len > 1) {
		buf_putc(&d->b, ' ');
		put_hex(&d->b, v.p + 1, v.len - 1);
	}
	buf_putc(&d->b, ')');
}

/* ---- generic parameters ---- */
static const char **gparam_names(Dump *d, Token owner, uint32_t *n)
{
	uint32_t first, end;
	md_lookup(d->img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	const char **names = arena_alloc(&d->arena, (end - first + 1) * sizeof *names);
	*n = end - first;
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(d->img, T_GenericParam, GenericParam_Owner, pos);
		uint32_t num = md_get(d->img, T_GenericParam, row, GenericParam_Number);
		if (num >= *n)
			md_error(d->img, "GenericParam row %u: number %u, but its owner has"
				 " %u parameters", row, num, *n);
		names[num] = str(d, T_GenericParam, row, GenericParam_Name);
	}
	return names;
}

static void put_gparams(Dump *d, Token owner, const char *indent)
{
	uint32_t first, end;
	md_lookup(d->img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(d->img, T_GenericParam, GenericParam_Owner, pos);
		buf_printf(&d->b, "%sgeneric %u ", indent,
			   md_get(d->img, T_GenericParam, row, GenericParam_Number));
		PUT_FLAGS(&d->b, gparam_flags, md_get(d->img, T_GenericParam, row, GenericParam_Flags));
		buf_puts(&d->b, str(d, T_GenericParam, row, GenericParam_Name));
		uint32_t cf, ce;
		md_lookup(d->img, T_GenericParamConstraint, GenericParamConstraint_Owner,
			  row, &cf, &ce);
		for (uint32_t c = cf; c < ce; c++) {
			uint32_t crow = md_lookup_row(d->img, T_GenericParamConstraint,
						      GenericParamConstraint_Owner, c);
			buf_puts(&d->b, c == cf ? " : " : ", ");
			sig_print_token(&d->b, d->img, md_get(d->img, T_GenericParamConstraint,
					crow, GenericParamConstraint_Constraint), true, &d->g);
		}
		flush_line(d);
		put_attrs(d, TOKEN(T_GenericParam, row), "      ");
	}
}

/* ---- fields ---- */
static void put_field(Dump *d, uint32_t row)
{
	uint32_t flags = md_get(d->img, T_Field, row, Field_Flags);
	buf_puts(&d->b, "  field ");
	PUT_FLAGS(&d->b, field_flags, flags);
	uint32_t layout = md_lookup1(d->img, T_FieldLayout, FieldLayout_Field, row);
	if (layout)
		buf_printf(&d->b, "[%u] ", md_get(d->img, T_FieldLayout, layout, FieldLayout_Offset));
	TypeSig *t = sig_field(d->img, &d->arena, md_get(d->img, T_Field, row, Field_Signature));
	sig_print_type(&d->b, d->img, t, &d->g);
	buf_printf(&d->b, " %s", str(d, T_Field, row, Field_Name));
	put_marshal(d, TOKEN(T_Field, row));
	put_constant(d, TOKEN(T_Field, row));
	uint32_t rva = md_lookup1(d->img, T_FieldRVA, FieldRVA_Field, row);
	if (rva)
		buf_puts(&d->b, " at data");
	flush_line(d);
	put_attrs(d, TOKEN(T_Field, row), "    ");
}

/* ---- methods ---- */
static void put_pinvoke(Dump *d, uint32_t method)
{
	uint32_t row = md_lookup1(d->img, T_ImplMap, ImplMap_MemberForwarded,
				  TOKEN(T_MethodDef, method));
	if (!row)
		return;
	uint32_t scope = md_get(d->img, T_ImplMap, row, ImplMap_ImportScope);
	buf_printf(&d->b, "    pinvokeimpl \"%s\" as \"%s\" ",
		   scope ? str(d, T_ModuleRef, scope, ModuleRef_Name) : "",
		   str(d, T_ImplMap, row, ImplMap_ImportName));
	PUT_FLAGS(&d->b, pinvoke_flags, md_get(d->img, T_ImplMap, row, ImplMap_MappingFlags));
	d->b.s[--d->b.len] = 0;
	flush_line(d);
}

static void put_params(Dump *d, uint32_t method)
{
	uint32_t first, end;
	md_list(d->img, T_MethodDef, method, MethodDef_ParamList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(d->img, T_Param, pos);
		buf_printf(&d->b, "    param %u ", md_get(d->img, T_Param, row, Param_Sequence));
		PUT_FLAGS(&d->b, param_flags, md_get(d->img, T_Param, row, Param_Flags));
		buf_puts(&d->b, str(d, T_Param, row, Param_Name));
		put_marshal(d, TOKEN(T_Param, row));
		put_constant(d, TOKEN(T_Param, row));
		flush_line(d);
		put_attrs(d, TOKEN(T_Param, row), "      ");
	}
}

static void put_method(Dump *d, uint32_t row)
{
	Token tok = TOKEN(T_MethodDef, row);
	d->g.method = gparam_names(d, tok, &d->g.nmethod);
	buf_puts(&d->b, "  method ");
	PUT_FLAGS(&d->b, method_flags, md_get(d->img, T_MethodDef, row, MethodDef_Flags));
	MethodSig *m = sig_method(d->img, &d->arena, md_get(d->img, T_MethodDef, row,
				  MethodDef_Signature));
	const char *name = str(d, T_MethodDef, row, MethodDef_Name);
	if (d->g.nmethod) {
		Buf gn = {0};
		buf_puts(&gn, name);
		for (uint32_t i = 0; i < d->g.nmethod; i++)
			buf_printf(&gn, "%s%s", i ? ", " : "<", d->g.method[i] ? d->g.method[i] : "?");
		buf_putc(&gn, '>');
		name = arena_strdup(&d->arena, gn.s);
		buf_free(&gn);
	}
	sig_print_method(&d->b, d->img, m, name, &d->g);
	buf_putc(&d->b, ' ');
	PUT_FLAGS(&d->b, impl_flags, md_get(d->img, T_MethodDef, row, MethodDef_ImplFlags));
	d->b.s[--d->b.len] = 0;
	if (d->img->entry_point == tok)
		buf_puts(&d->b, " entrypoint");
	flush_line(d);
	put_gparams(d, tok, "    ");
	put_attrs(d, tok, "    ");
	put_params(d, row);
	put_pinvoke(d, row);
	if (d->o->il)
		dump_il(d->out, d->img, &d->arena, row, "    ");
	d->g.nmethod = 0;
}

/* ---- properties, events, overrides ---- */
static void put_semantics(Dump *d, Token assoc)
{
	uint32_t first, end;
	md_lookup(d->img, T_MethodSemantics, MethodSemantics_Association, assoc, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(d->img, T_MethodSemantics,
					     MethodSemantics_Association, pos);
		uint32_t sem = md_get(d->img, T_MethodSemantics, row, MethodSemantics_Semantics);
		uint32_t m = md_get(d->img, T_MethodSemantics, row, MethodSemantics_Method);
		for (unsigned i = 0; i < countof(semantics); i++)
			if (sem & 1u << i)
				buf_printf(&d->b, "    %s ", semantics[i]);
		buf_puts(&d->b, m ? str(d, T_MethodDef, m, MethodDef_Name) : "?");
		flush_line(d);
	}
}

static void put_properties(Dump *d, uint32_t type)
{
	uint32_t map = md_lookup1(d->img, T_PropertyMap, PropertyMap_Parent, type);
	if (!map)
		return;
	uint32_t first, end;
	md_list(d->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(d->img, T_Property, pos);
		MethodSig *m = sig_property(d->img, &d->arena,
					    md_get(d->img, T_Property, row, Property_Type));
		buf_puts(&d->b, "  property ");
		sig_print_method(&d->b, d->img, m, str(d, T_Property, row, Property_Name), &d->g);
		put_constant(d, TOKEN(T_Property, row));
		flush_line(d);
		put_attrs(d, TOKEN(T_Property, row), "    ");
		put_semantics(d, TOKEN(T_Property, row));
	}
}

static void put_events(Dump *d, uint32_t type)
{
	uint32_t map = md_lookup1(d->img, T_EventMap, EventMap_Parent, type);
	if (!map)
		return;
	uint32_t first, end;
	md_list(d->img, T_EventMap, map, EventMap_EventList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(d->img, T_Event, pos);
		buf_puts(&d->b, "  event ");
		Token et = md_get(d->img, T_Event, row, Event_EventType);
		if (et) {
			sig_print_token(&d->b, d->img, et, true, &d->g);
			buf_putc(&d->b, ' ');
		}
		buf_puts(&d->b, str(d, T_Event, row, Event_Name));
		flush_line(d);
		put_attrs(d, TOKEN(T_Event, row), "    ");
		put_semantics(d, TOKEN(T_Event, row));
	}
}

static void put_overrides(Dump *d, uint32_t type)
{
	uint32_t first, end;
	md_lookup(d->img, T_MethodImpl, MethodImpl_Class, type, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(d->img, T_MethodImpl, MethodImpl_Class, pos);
		buf_puts(&d->b, "  override ");
		sig_print_member(&d->b, d->img, &d->arena,
				 md_get(d->img, T_MethodImpl, row, MethodImpl_MethodDeclaration));
		buf_puts(&d->b, " with ");
		sig_print_member(&d->b, d->img, &d->arena,
				 md_get(d->img, T_MethodImpl, row, MethodImpl_MethodBody));
		flush_line(d);
	}
}

/* ---- types ---- */
static void put_type_header(Dump *d, uint32_t row)
{
	uint32_t flags = md_get(d->img, T_TypeDef, row, TypeDef_Flags);
	buf_puts(&d->b, "type ");
	PUT_FLAGS(&d->b, type_flags, flags);
	sig_print_token(&d->b, d->img, TOKEN(T_TypeDef, row), false, NULL);
	Token base = md_get(d->img, T_TypeDef, row, TypeDef_Extends);
	if (base) {
		buf_puts(&d->b, " extends ");
		sig_print_token(&d->b, d->img, base, true, &d->g);
	}
	flush_line(d);
	uint32_t layout = md_lookup1(d->img, T_ClassLayout, ClassLayout_Parent, row);
	if (layout) {
		buf_printf(&d->b, "  layout pack %u size %u",
			   md_get(d->img, T_ClassLayout, layout, ClassLayout_PackingSize),
			   md_get(d->img, T_ClassLayout, layout, ClassLayout_ClassSize));
		flush_line(d);
	}
}

static void put_interfaces(Dump *d, uint32_t row)
{
	uint32_t first, end;
	md_lookup(d->img, T_InterfaceImpl, InterfaceImpl_Class, row, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t ii = md_lookup_row(d->img, T_InterfaceImpl, InterfaceImpl_Class, pos);
		buf_puts(&d->b, "  implements ");
		sig_print_token(&d->b, d->img, md_get(d->img, T_InterfaceImpl, ii,
				InterfaceImpl_Interface), true, &d->g);
		flush_line(d);
		put_attrs(d, TOKEN(T_InterfaceImpl, ii), "    ");
	}
}

static void put_type(Dump *d, uint32_t row)
{
	Token tok = TOKEN(T_TypeDef, row);
	d->g.type = gparam_names(d, tok, &d->g.ntype);
	put_type_header(d, row);
	put_gparams(d, tok, "  ");
	put_interfaces(d, row);
	put_attrs(d, tok, "  ");
	uint32_t first, end;
	md_list(d->img, T_TypeDef, row, TypeDef_FieldList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++)
		put_field(d, md_list_row(d->img, T_Field, pos));
	put_properties(d, row);
	put_events(d, row);
	md_list(d->img, T_TypeDef, row, TypeDef_MethodList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++)
		put_method(d, md_list_row(d->img, T_MethodDef, pos));
	put_overrides(d, row);
	d->g.ntype = 0;
	arena_free(&d->arena);
}

/* ---- assembly-level ---- */
static void put_version(Dump *d, unsigned t, uint32_t row, unsigned major)
{
	buf_printf(&d->b, " %u.%u.%u.%u", md_get(d->img, t, row, major),
		   md_get(d->img, t, row, major + 1), md_get(d->img, t, row, major + 2),
		   md_get(d->img, t, row, major + 3));
}

static void put_assembly(Dump *d)
{
	Image *img = d->img;
	if (md_rows(img, T_Assembly)) {
		buf_printf(&d->b, "assembly %s", str(d, T_Assembly, 1, Assembly_Name));
		put_version(d, T_Assembly, 1, Assembly_MajorVersion);
		const char *culture = str(d, T_Assembly, 1, Assembly_Culture);
		if (*culture)
			buf_printf(&d->b, " culture %s", culture);
		Blob key = md_blob(img, md_get(img, T_Assembly, 1, Assembly_PublicKey));
		if (key.len)
			buf_printf(&d->b, " publickey %u bytes", key.len);
		flush_line(d);
		put_attrs(d, TOKEN(T_Assembly, 1), "  ");
	}
	if (md_rows(img, T_Module)) {
		buf_printf(&d->b, "module %s", str(d, T_Module, 1, Module_Name));
		flush_line(d);
		put_attrs(d, TOKEN(T_Module, 1), "  ");
	}
	if (img->entry_point) {
		buf_puts(&d->b, "entrypoint ");
		sig_print_member(&d->b, img, &d->arena, img->entry_point);
		flush_line(d);
	}
}

static void put_references(Dump *d)
{
	for (uint32_t r = 1; r <= md_rows(d->img, T_AssemblyRef); r++) {
		buf_printf(&d->b, "reference %s", str(d, T_AssemblyRef, r, AssemblyRef_Name));
		put_version(d, T_AssemblyRef, r, AssemblyRef_MajorVersion);
		const char *culture = str(d, T_AssemblyRef, r, AssemblyRef_Culture);
		if (*culture)
			buf_printf(&d->b, " culture %s", culture);
		Blob key = md_blob(d->img, md_get(d->img, T_AssemblyRef, r,
					   AssemblyRef_PublicKeyOrToken));
		if (key.len) {
			bool full = md_get(d->img, T_AssemblyRef, r, AssemblyRef_Flags) & 1;
			buf_puts(&d->b, full ? " publickey " : " token ");
			put_hex(&d->b, key.p, key.len);
		}
		flush_line(d);
	}
	for (uint32_t r = 1; r <= md_rows(d->img, T_ModuleRef); r++) {
		buf_printf(&d->b, "moduleref %s", str(d, T_ModuleRef, r, ModuleRef_Name));
		flush_line(d);
	}
	for (uint32_t r = 1; r <= md_rows(d->img, T_File); r++) {
		buf_printf(&d->b, "file %s%s", str(d, T_File, r, File_Name),
			   md_get(d->img, T_File, r, File_Flags) & 1 ? " nometadata" : "");
		flush_line(d);
	}
}

static void put_implementation(Dump *d, Token impl)
{
	if (!impl)
		return;
	if (TOK_TABLE(impl) == T_AssemblyRef)
		buf_printf(&d->b, " in [%s]", str(d, T_AssemblyRef, TOK_ROW(impl),
						  AssemblyRef_Name));
	else if (TOK_TABLE(impl) == T_File)
		buf_printf(&d->b, " in file %s", str(d, T_File, TOK_ROW(impl), File_Name));
	else
		buf_printf(&d->b, " nested in %s", str(d, T_ExportedType, TOK_ROW(impl),
						       ExportedType_TypeName));
}

static void put_resources(Dump *d)
{
	Image *img = d->img;
	for (uint32_t r = 1; r <= md_rows(img, T_ManifestResource); r++) {
		uint32_t flags = md_get(img, T_ManifestResource, r, ManifestResource_Flags);
		buf_printf(&d->b, "resource %s %s", (flags & 7) == 1 ? "public" : "private",
			   str(d, T_ManifestResource, r, ManifestResource_Name));
		Token impl = md_get(img, T_ManifestResource, r, ManifestResource_Implementation);
		if (!impl)
			buf_printf(&d->b, " %u bytes", md_resource(img, r).len);
		put_implementation(d, impl);
		flush_line(d);
	}
	for (uint32_t r = 1; r <= md_rows(img, T_ExportedType); r++) {
		uint32_t flags = md_get(img, T_ExportedType, r, ExportedType_Flags);
		const char *ns = str(d, T_ExportedType, r, ExportedType_TypeNamespace);
		buf_printf(&d->b, "exported %s%s%s%s", flags & 0x200000 ? "forwarder " : "",
			   ns, *ns ? "." : "", str(d, T_ExportedType, r, ExportedType_TypeName));
		put_implementation(d, md_get(img, T_ExportedType, r, ExportedType_Implementation));
		flush_line(d);
	}
}

/* Where each TypeRef leads: shows assembly resolution and forwarders. */
static void put_typerefs(Dump *d)
{
	for (uint32_t r = 1; r <= md_rows(d->img, T_TypeRef); r++) {
		buf_puts(&d->b, "typeref ");
		sig_print_token(&d->b, d->img, TOKEN(T_TypeRef, r), true, NULL);
		TypeRefTarget t = ld_resolve_typeref(d->img->loader, d->img, r);
		if (t.row) {
			buf_printf(&d->b, " -> [%s]", t.img->name);
			sig_print_token(&d->b, t.img, TOKEN(T_TypeDef, t.row), false, NULL);
		} else {
			buf_puts(&d->b, " -> unresolved");
		}
		flush_line(d);
	}
}

void dump_image(FILE *out, Image *img, const DumpOptions *o)
{
	Dump d = { .out = out, .img = img, .o = o };
	put_assembly(&d);
	put_references(&d);
	put_resources(&d);
	put_typerefs(&d);
	for (uint32_t r = 1; r <= md_rows(img, T_TypeDef); r++)
		put_type(&d, r);
	buf_free(&d.b);
	arena_free(&d.arena);
}
