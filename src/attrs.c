/* attrs: which custom attributes the program keeps (attrs.h).
 *
 * Requires: reachability (reach.c) with its reflected methods, properties
 * and fields. Produces: Program.attrs, one KeptAttr per attribute row on a
 * kept owner, with what building it at run time needs kept for reflection:
 * the constructor, the named properties' setters and named fields, the
 * descriptors of the values' types (boxed ints, enums, Type arguments,
 * arrays) and the attribute's array type (Mono's code makes the result an
 * array of the asked attribute type with Array.CreateInstance).
 */
#include "attrs.h"
#include "directives.h"
#include "../runtime/rt.h"

#include <string.h>

static Method *why_attrs;

void attrs_enable(Program *p, Method *why)
{
	if (p->custom_attrs)
		return;
	p->custom_attrs = true;
	why_attrs = why;
	reach_type(p, ty_sz(ty_corlib_type("System", "Attribute")),
		   TN_DESCRIPTOR | TN_CONSTRUCTED, why);
}

Type *attrs_type_named(Program *p, const char *name)
{
	return directives_find_type(p, name);
}

/* The class of constructor token `ctor` (MethodDef or MemberRef). */
static Method *ctor_of(Image *img, Token ctor)
{
	Ctx none = {0};
	return ty_method_from_token(img, ctor, &none);
}

static Type *value_type(Program *p, AttrValue *v, Type *declared);

static const char *const prim_names[ET_R8 + 1] = {
	[ET_BOOLEAN] = "Boolean", [ET_CHAR] = "Char", [ET_I1] = "SByte", [ET_U1] = "Byte",
	[ET_I2] = "Int16", [ET_U2] = "UInt16", [ET_I4] = "Int32", [ET_U4] = "UInt32",
	[ET_I8] = "Int64", [ET_U8] = "UInt64", [ET_R4] = "Single", [ET_R8] = "Double",
};

/* The array type of an array value stored as an object (X = new[] {...}
 * in a field of type object): from its elements' encoding. */
Type *attrs_array_type(Program *p, const AttrValue *v)
{
	Type *e = NULL;
	if (v->elem_type == ET_CA_ENUM && v->enum_name)
		e = attrs_type_named(p, v->enum_name);
	else if (v->elem_type == ET_STRING)
		e = ty_string;
	else if (v->elem_type == ET_CA_TYPE)
		e = ty_corlib_type("System", "Type");
	else if (v->elem_type == ET_CA_BOXED)
		e = ty_object;
	else if (v->elem_type <= ET_R8 && prim_names[v->elem_type])
		e = ty_corlib_type("System", prim_names[v->elem_type]);
	return e ? ty_sz(e) : NULL;
}

/* The type of a value whose declared type is `declared` (Object for boxed
 * values): what the runtime boxes it as. */
static Type *value_type(Program *p, AttrValue *v, Type *declared)
{
	switch (v->type) {
	case ET_CA_BOXED:
		return value_type(p, v->items, NULL);
	case ET_STRING:
		return ty_string;
	case ET_CA_TYPE:
		return ty_corlib_type("System", "Type");
	case ET_CA_ENUM:
		return declared && declared != ty_object ? declared :
			v->enum_name ? attrs_type_named(p, v->enum_name) : NULL;
	case ET_SZARRAY:
		if (declared && declared->kind == TY_SZARRAY)
			return declared;
		return declared ? NULL : attrs_array_type(p, v);
	default:
		if (v->type <= ET_R8 && prim_names[v->type])
			return declared && declared != ty_object ? declared :
				ty_corlib_type("System", prim_names[v->type]);
		return NULL;
	}
}

/* Keep what the runtime needs to make value v (declared as `declared`). */
static void keep_value(Program *p, AttrValue *v, Type *declared, Method *why)
{
	Type *t = value_type(p, v, declared);
	if (t)
		reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	if (v->type == ET_CA_BOXED)
		keep_value(p, v->items, NULL, why);
	if (v->type == ET_CA_TYPE && !v->null) {
		Type *named = attrs_type_named(p, v->s);
		if (named)
			reach_type(p, named, TN_DESCRIPTOR, why);
	}
	if (v->type == ET_SZARRAY && !v->null && t)
		for (uint32_t i = 0; i < v->count; i++)
			keep_value(p, &v->items[i], t->elem, why);
}

static uint32_t find_property(Type *t, const char *name)
{
	uint32_t map = md_lookup1(t->img, T_PropertyMap, PropertyMap_Parent, t->row);
	if (!map)
		return 0;
	uint32_t first, end;
	md_list(t->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(t->img, T_Property, pos);
		if (!strcmp(md_string(t->img, md_get(t->img, T_Property, row, Property_Name)), name))
			return row;
	}
	return 0;
}

static Field *find_field(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name))
			return ti->fields[i];
	return NULL;
}

/* Named argument i of k: its setter or field, in the class or a base. */
static void keep_named(Program *p, KeptAttr *k, uint32_t i, Method *why)
{
	AttrNamed *n = &k->a.named[i];
	for (Type *t = k->type; t && t->img; t = ty_info(t)->base) {
		if (n->is_property) {
			uint32_t row = find_property(t, n->name);
			if (!row)
				continue;
			reach_reflect_property(p, t, row, why);
			ReflectedProp *rp = NULL;
			for (uint32_t j = 0; j < p->reflected_props.n; j++)
				if (p->reflected_props.v[j].owner == t && p->reflected_props.v[j].row == row)
					rp = &p->reflected_props.v[j];
			k->setters[i] = rp ? rp->set : NULL;
			k->named_types[i] = rp && rp->set ? rp->set->params[0] : NULL;
		} else {
			Field *f = find_field(t, n->name);
			if (!f)
				continue;
			reach_reflect_field(p, f, why);
			k->fields[i] = f;
			k->named_types[i] = f->type;
		}
		keep_value(p, &n->value, k->named_types[i], why);
		return;
	}
}

static bool wanted_attr(Program *p, Image *owner_img, Type *attr)
{
	if (owner_img == p->img)
		return true;
	return !strcmp(attr->name, "System.AttributeUsageAttribute");
}

/* Keep the attributes on token `parent` of img (an owner of kind `kind`). */
static void keep_owner(Program *p, Image *img, Token parent, uint8_t kind, void *owner,
		       uint32_t param)
{
	uint32_t first, end;
	md_lookup(img, T_CustomAttribute, CustomAttribute_Parent, parent, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(img, T_CustomAttribute, CustomAttribute_Parent, pos);
		Method *ctor = ctor_of(img, md_get(img, T_CustomAttribute, row, CustomAttribute_Type));
		if (!ctor || !wanted_attr(p, img, ctor->owner))
			continue;
		KeptAttr k = { kind, owner, param, ctor->owner, ctor, {0}, NULL, NULL, NULL };
		attr_decode(img, ty_arena(), row, &k.a);
		uint32_t nn = k.a.nnamed ? k.a.nnamed : 1;
		k.setters = arena_alloc(ty_arena(), nn * sizeof *k.setters);
		k.fields = arena_alloc(ty_arena(), nn * sizeof *k.fields);
		k.named_types = arena_alloc(ty_arena(), nn * sizeof *k.named_types);
		Method *why = why_attrs;
		reach_reflect_method(p, ctor, why);
		reach_type(p, ty_sz(ctor->owner), TN_DESCRIPTOR | TN_CONSTRUCTED, why);
		for (uint32_t i = 0; i < k.a.nfixed && i < ctor->nparams; i++)
			keep_value(p, &k.a.fixed[i], ctor->params[i], why);
		for (uint32_t i = 0; i < k.a.nnamed; i++)
			keep_named(p, &k, i, why);
		VEC_PUSH(p->attrs, k);
	}
}

/* A method's attributes, its parameters' and its return value's
 * (RT_ATTR_RETURN). */
static void keep_method(Program *p, Method *m)
{
	keep_owner(p, m->img, TOKEN(T_MethodDef, m->row), ATTR_METHOD, m, 0);
	uint32_t first, end;
	md_list(m->img, T_MethodDef, m->row, MethodDef_ParamList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(m->img, T_Param, pos);
		uint32_t seq = md_get(m->img, T_Param, row, Param_Sequence);
		keep_owner(p, m->img, TOKEN(T_Param, row), ATTR_METHOD, m, seq ? seq : RT_ATTR_RETURN);
	}
}

static bool scan_types(Program *p)
{
	bool any = false;
	for (; p->attrs_done[ATTR_TYPE] < p->types.n; p->attrs_done[ATTR_TYPE]++, any = true) {
		Type *t = p->types.v[p->attrs_done[ATTR_TYPE]];
		if ((t->kind == TY_CLASS || t->kind == TY_STRUCT) && t->img && !ty_is_open(t) &&
		    (reach_tstate(t)->needs & TN_DESCRIPTOR))
			keep_owner(p, t->img, TOKEN(T_TypeDef, t->row), ATTR_TYPE, t, 0);
	}
	return any;
}

static bool scan_members(Program *p)
{
	bool any = false;
	for (; p->attrs_done[ATTR_METHOD] < p->reflected.n; p->attrs_done[ATTR_METHOD]++, any = true) {
		Method *m = p->reflected.v[p->attrs_done[ATTR_METHOD]];
		if (m->img == p->img)
			keep_method(p, m);
	}
	for (; p->attrs_done[ATTR_PROP] < p->reflected_props.n; p->attrs_done[ATTR_PROP]++, any = true) {
		uint32_t i = p->attrs_done[ATTR_PROP];
		ReflectedProp *rp = &p->reflected_props.v[i];
		if (rp->owner->img == p->img)
			keep_owner(p, rp->owner->img, TOKEN(T_Property, rp->row), ATTR_PROP,
				   (void *)(uintptr_t)(i + 1), 0);
	}
	for (; p->attrs_done[ATTR_EVENT] < p->reflected_events.n; p->attrs_done[ATTR_EVENT]++, any = true) {
		uint32_t i = p->attrs_done[ATTR_EVENT];
		ReflectedEvent *re = &p->reflected_events.v[i];
		if (re->owner->img == p->img)
			keep_owner(p, re->owner->img, TOKEN(T_Event, re->row), ATTR_EVENT,
				   (void *)(uintptr_t)(i + 1), 0);
	}
	for (; p->attrs_done[ATTR_FIELD] < p->reflected_fields.n; p->attrs_done[ATTR_FIELD]++, any = true) {
		Field *f = p->reflected_fields.v[p->attrs_done[ATTR_FIELD]];
		if (f->img == p->img)
			keep_owner(p, f->img, TOKEN(T_Field, f->row), ATTR_FIELD, f, 0);
	}
	return any;
}

/* The program's assembly's attributes, once it asks for Assembly objects
 * (rt_assemblies[0] is then the program's). */
static bool scan_assembly(Program *p)
{
	if (!p->assemblies || p->attrs_done[ATTR_ASSEMBLY] || !md_rows(p->img, T_Assembly))
		return false;
	p->attrs_done[ATTR_ASSEMBLY] = 1;
	keep_owner(p, p->img, TOKEN(T_Assembly, 1), ATTR_ASSEMBLY, p->img, 0);
	return true;
}

bool attrs_scan(Program *p)
{
	if (!p->custom_attrs)
		return false;
	bool any = scan_types(p);
	any |= scan_assembly(p);
	any |= scan_members(p);
	return any;
}
