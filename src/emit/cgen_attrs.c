/* cgen_attrs: rt_attrs[] (rt.h), the custom attributes attrs.c kept.
 *
 * Requires: Program.attrs, and reflection's tables in the order
 * cgen_reflect.c writes them (rt_methods[], rt_properties[], rt_fields[]
 * after their sort). Produces: per attribute, its arguments as RtAttrArg
 * rows (arrays' elements in rows of their own, written first), then the
 * table, and rt_attr_array (Attribute[]).
 */
#include "il2c.h"
#include "../attrs.h"

#include <string.h>

static int32_t method_index(Program *p, Method *m)
{
	for (uint32_t i = 0; m && i < p->reflected.n; i++)
		if (p->reflected.v[i] == m)
			return (int32_t)i;
	return -1;
}

static int32_t field_index(Program *p, Field *f)
{
	for (uint32_t i = 0; f && i < p->reflected_fields.n; i++)
		if (p->reflected_fields.v[i] == f)
			return (int32_t)i;
	return -1;
}

static const char *tref(Type *t)
{
	return t ? arena_printf(ty_arena(), "&%s_type", t->cname) : "NULL";
}

static uint32_t next_rows;

static void value(Program *p, Buf *pre, Buf *b, AttrValue *v, Type *declared);

/* The elements of array v as rows of their own; returns their name. */
static const char *items(Program *p, Buf *pre, AttrValue *v, Type *elem)
{
	Buf rows = {0};
	for (uint32_t i = 0; i < v->count; i++) {
		buf_puts(&rows, "\t");
		value(p, pre, &rows, &v->items[i], elem);
		buf_puts(&rows, ",\n");
	}
	const char *name = arena_printf(ty_arena(), "rca%u", next_rows++);
	buf_printf(pre, "static const RtAttrArg %s[] = {\n%s\t{ 0 }\n};\n", name,
		   rows.s ? rows.s : "");
	buf_free(&rows);
	return name;
}

/* One RtAttrArg initializer for v, declared as `declared`. */
static void value(Program *p, Buf *pre, Buf *b, AttrValue *v, Type *declared)
{
	if (v->type == ET_CA_BOXED) {
		value(p, pre, b, v->items, NULL);
		return;
	}
	if (v->null) {
		buf_puts(b, "{ RT_CA_NULL }");
		return;
	}
	switch (v->type) {
	case ET_STRING:
		buf_puts(b, "{ RT_CA_STRING, NULL, 0, ");
		emit_c_bytes(b, v->s, v->slen);         /* NULs included */
		buf_printf(b, ", %u }", v->slen);
		return;
	case ET_CA_TYPE:
		buf_printf(b, "{ RT_CA_TYPE, %s }", tref(attrs_type_named(p, v->s)));
		return;
	case ET_SZARRAY: {
		Type *t = declared && declared->kind == TY_SZARRAY ? declared :
			  !declared || declared == ty_object ? attrs_array_type(p, v) : NULL;
		if (!t) {
			buf_puts(b, "{ RT_CA_NULL }");
			return;
		}
		const char *rows = items(p, pre, v, t->elem);
		buf_printf(b, "{ RT_CA_ARRAY, %s, 0, NULL, %u, %s }", tref(t), v->count, rows);
		return;
	}
	default:
		break;
	}
	Type *t = NULL;
	if (declared && declared != ty_object)
		t = declared;
	else if (v->type == ET_CA_ENUM && v->enum_name)
		t = attrs_type_named(p, v->enum_name);
	unsigned et = v->type == ET_CA_ENUM ? v->elem_type : v->type;
	int64_t bits = v->i;
	if (et == ET_R4) {
		float f = (float)v->r;
		uint32_t u;
		memcpy(&u, &f, 4);
		bits = u;
	} else if (et == ET_R8) {
		memcpy(&bits, &v->r, 8);
	}
	if (!t && et <= ET_R8) {
		static const char *const names[ET_R8 + 1] = {
			[ET_BOOLEAN] = "Boolean", [ET_CHAR] = "Char", [ET_I1] = "SByte",
			[ET_U1] = "Byte", [ET_I2] = "Int16", [ET_U2] = "UInt16", [ET_I4] = "Int32",
			[ET_U4] = "UInt32", [ET_I8] = "Int64", [ET_U8] = "UInt64",
			[ET_R4] = "Single", [ET_R8] = "Double",
		};
		if (names[et])
			t = ty_corlib_type("System", names[et]);
	}
	if (!t)
		buf_puts(b, "{ RT_CA_NULL }");
	else
		buf_printf(b, "{ RT_CA_VALUE, %s, (int64_t)%lldLL }", tref(t), (long long)bits);
}

static const char *owner_ref(Program *p, KeptAttr *k)
{
	switch (k->kind) {
	case ATTR_TYPE:
		return tref(k->owner);
	case ATTR_METHOD:
		return arena_printf(ty_arena(), "&rt_methods[%d]", method_index(p, k->owner));
	case ATTR_PROP:
		return arena_printf(ty_arena(), "&rt_properties[%u]", (uint32_t)((uintptr_t)k->owner - 1));
	case ATTR_ASSEMBLY:
		return "&rt_assemblies[0]";
	case ATTR_EVENT:
		return arena_printf(ty_arena(), "&rt_events[%u]", (uint32_t)((uintptr_t)k->owner - 1));
	default:
		return arena_printf(ty_arena(), "&rt_fields[%d]", field_index(p, k->owner));
	}
}

static void one(Program *p, Buf *pre, Buf *tab, KeptAttr *k, uint32_t i)
{
	Buf args = {0}, named = {0};
	for (uint32_t j = 0; j < k->a.nfixed && j < k->ctor->nparams; j++) {
		buf_puts(&args, "\t");
		value(p, pre, &args, &k->a.fixed[j], k->ctor->params[j]);
		buf_puts(&args, ",\n");
	}
	for (uint32_t j = 0; j < k->a.nnamed; j++) {
		int32_t s = method_index(p, k->setters[j]), f = field_index(p, k->fields[j]);
		buf_printf(&named, s >= 0 ? "\t{ &rt_methods[%d], " : "\t{ NULL, ", s);
		buf_printf(&named, f >= 0 ? "&rt_fields[%d], " : "NULL, ", f);
		value(p, pre, &named, &k->a.named[j].value, k->named_types[j]);
		buf_puts(&named, " },\n");
	}
	buf_printf(pre, "static const RtAttrArg ra%u_a[] = {\n%s\t{ 0 }\n};\n", i, args.s ? args.s : "");
	buf_printf(pre, "static const RtAttrNamed ra%u_n[] = {\n%s\t{ 0 }\n};\n", i, named.s ? named.s : "");
	buf_printf(tab, "\t{ %s, %u, %s, &rt_methods[%d], %u, %u, ra%u_a, ra%u_n },\n",
		   owner_ref(p, k), k->param, tref(k->type), method_index(p, k->ctor), k->a.nfixed,
		   k->a.nnamed, i, i);
	buf_free(&args);
	buf_free(&named);
}

void emit_attrs(Program *p, Buf *b)
{
	Buf tab = {0};
	for (uint32_t i = 0; i < p->attrs.n; i++)
		one(p, b, &tab, &p->attrs.v[i], i);
	buf_printf(b, "const RtAttr rt_attrs[] = {\n%s\t{ 0 }\n};\nconst uint32_t rt_nattrs = %u;\n",
		   tab.s ? tab.s : "", p->attrs.n);
	Type *arr = ty_sz(ty_corlib_type("System", "Attribute"));
	bool made = reach_tstate(arr)->needs & TN_DESCRIPTOR;
	buf_printf(b, "const RtType *const rt_attr_array = %s;\n", made ? tref(arr) : "NULL");
	buf_free(&tab);
}
