/* attrs: custom attributes at run time (rt_attrs_).
 *
 * The compiler decoded the attributes of kept members into rt_attrs[]
 * (src/attrs.c); here each call of MonoCustomAttrs' internal calls builds
 * fresh objects, as Mono does: the constructor's arguments boxed into an
 * object array and given to its invoke thunk, then each named argument
 * set through its property's setter or its field. Mono's managed code on
 * top does the inheritance walk, [AttributeUsage] and the typed result.
 */
#include "rt.h"
#include "rt_ops.h"
#include "internal.h"

#include <string.h>

/* The RtType/RtMethod/RtProperty/RtField behind a reflection object; for
 * a parameter, its method's and *param its position + 1. */
static const void *owner_of(Object *o, uint32_t *param)
{
	const RtType *t = o->type;
	*param = 0;
	if (t == rt_known.param_info_type) {
		Object *member = *(Object **)((char *)o + rt_known.pa_member_off);
		int32_t pos = *(int32_t *)((char *)o + rt_known.pa_pos_off);
		if (!member || pos < -1)
			return NULL;
		const void *owner = owner_of(member, &(uint32_t){0});
		*param = pos == -1 ? RT_ATTR_RETURN : (uint32_t)pos + 1;
		return owner;
	}
	if (!strcmp(t->ns, "System") && !strcmp(t->name, "RuntimeType"))
		return rt_type_of_runtime_type(o);
	if (t == rt_known.method_info_type)
		return *(const void **)((char *)o + rt_known.mi_handle_off);
	if (t == rt_known.ctor_info_type)
		return *(const void **)((char *)o + rt_known.ci_handle_off);
	if (t == rt_known.property_info_type)
		return *(const void **)((char *)o + rt_known.pi_prop_off);
	if (t == rt_known.field_info_type)
		return *(const void **)((char *)o + rt_known.fi_handle_off);
	if (rt_known.assembly_type && t == rt_known.assembly_type)
		return *(const void **)((char *)o + rt_known.asm_handle_off);
	if (rt_known.event_info_type && t == rt_known.event_info_type)
		return *(const void **)((char *)o + rt_known.ei_handle_off);
	return NULL;
}

static Object *value(const RtAttrArg *a)
{
	switch (a->kind) {
	case RT_CA_VALUE: {
		Object *o = rt_gc_alloc(a->type);
		if (o)
			memcpy(rt_unbox_ptr(o), &a->i, a->type->size < 8 ? a->type->size : 8);
		return o;
	}
	case RT_CA_STRING:
		return (Object *)rt_str_from_utf8n(a->s, a->n);
	case RT_CA_TYPE:
		return a->type ? rt_Type_internal_from_handle((intptr_t)a->type) : NULL;
	case RT_CA_ARRAY: {
		RtArray *arr = rt_gc_alloc_array(a->type, a->n);
		for (uint32_t i = 0; arr && i < a->n; i++) {
			Object *v = value(&a->items[i]);
			const RtType *e = a->type->elem;
			char *dst = (char *)arr->data + (size_t)i * a->type->elem_size;
			if (e->flags & RT_T_VALUETYPE)
				rt_reflect_unbox(e, v, dst);
			else
				*(Object **)dst = v;
		}
		return (Object *)arr;
	}
	default:
		return NULL;
	}
}

static void set_named(Object *o, const RtAttrNamed *n)
{
	Object *v = value(&n->value);
	if (n->setter) {
		n->setter->invoke(o, &v);
		return;
	}
	const RtField *f = n->field;
	if (!f || !f->type)
		return;
	char *dst = (char *)o + f->offset;
	if (f->type->flags & RT_T_VALUETYPE)
		rt_reflect_unbox(f->type, v, dst);
	else
		*(Object **)dst = v;
}

static Object *make(const RtAttr *at)
{
	Object *args[at->nargs ? at->nargs : 1];
	for (uint32_t i = 0; i < at->nargs; i++)
		args[i] = value(&at->args[i]);
	Object *o = at->ctor->invoke(NULL, args);
	for (uint32_t i = 0; o && !rt_pending && i < at->nnamed; i++)
		set_named(o, &at->named[i]);
	return rt_pending ? NULL : o;
}

static bool matches(const RtAttr *at, const void *owner, uint32_t param, const RtType *want)
{
	return at->owner == owner && at->param == param && (!want || rt_type_is_assignable(want, at->type));
}

Object *rt_attrs_get(Object *provider, Object *attr_type)
{
	uint32_t param;
	const void *owner = owner_of(provider, &param);
	const RtType *want = attr_type ? rt_type_of_runtime_type(attr_type) : NULL;
	uint32_t n = 0;
	for (uint32_t i = 0; owner && i < rt_nattrs; i++)
		n += matches(&rt_attrs[i], owner, param, want);
	RtArray *res = rt_gc_alloc_array(rt_attr_array, n);
	uint32_t k = 0;
	for (uint32_t i = 0; res && owner && i < rt_nattrs && k < n; i++) {
		if (!matches(&rt_attrs[i], owner, param, want))
			continue;
		Object *o = make(&rt_attrs[i]);
		if (rt_pending)
			return NULL;
		RT_ARRAY_DATA(res, Object *)[k++] = o;
	}
	return (Object *)res;
}

bool rt_attrs_defined(Object *provider, Object *attr_type)
{
	uint32_t param;
	const void *owner = owner_of(provider, &param);
	const RtType *want = attr_type ? rt_type_of_runtime_type(attr_type) : NULL;
	for (uint32_t i = 0; owner && i < rt_nattrs; i++)
		if (matches(&rt_attrs[i], owner, param, want))
			return true;
	return false;
}

/* ---- CustomAttributeData ---- */

Object *rt_attrs_data(Object *provider, const RtAttrDataKit *k)
{
	uint32_t param;
	const void *owner = owner_of(provider, &param);
	uint32_t n = 0;
	for (uint32_t i = 0; owner && i < rt_nattrs; i++)
		n += matches(&rt_attrs[i], owner, param, NULL);
	RtArray *res = rt_gc_alloc_array(k->data_array, n);
	uint32_t j = 0;
	for (uint32_t i = 0; res && owner && i < rt_nattrs && j < n; i++) {
		const RtAttr *at = &rt_attrs[i];
		if (!matches(at, owner, param, NULL))
			continue;
		Object *ctor = rt_reflect_method_at((uint32_t)(at->ctor - rt_methods));
		Object *d = ctor ? rt_gc_alloc(k->data) : NULL;
		if (!d)
			return NULL;
		k->data_ctor(d, ctor, NULL, (intptr_t)at, 0);
		if (rt_pending)
			return NULL;
		RT_ARRAY_DATA(res, Object *)[j++] = d;
	}
	return (Object *)res;
}

/* A boxed CustomAttributeTypedArgument of a (declared as `declared`):
 * the argument's own type (an object parameter's value says which), an
 * enum's value as its underlying integer, as Mono's runtime makes it. */
static Object *typed(const RtAttrArg *a, const RtType *declared, const RtAttrDataKit *k)
{
	const RtType *t = a->kind == RT_CA_STRING ? rt_known.string :
			  a->kind == RT_CA_TYPE ? k->type :
			  a->kind == RT_CA_NULL || !a->type ? declared : a->type;
	RtAttrArg v = *a;
	if (a->kind == RT_CA_VALUE && (a->type->flags & RT_T_ENUM))
		v.type = a->type->elem;
	Object *val = value(&v), *r = rt_gc_alloc(k->typed);
	if (!r || rt_pending || !t)
		return NULL;
	k->typed_ctor(rt_unbox_ptr(r), rt_Type_internal_from_handle((intptr_t)t), val);
	return rt_pending ? NULL : r;
}

static Object *named(const RtAttrNamed *n, const RtAttrDataKit *k)
{
	Object *member = n->setter ? rt_reflect_property_of_setter(n->setter) :
			 n->field ? rt_FieldInfo_internal_from_handle_type((intptr_t)n->field, 0) : NULL;
	const RtType *declared = n->setter ? n->setter->params[0] : n->field ? n->field->type : NULL;
	Object *v = member ? typed(&n->value, declared, k) : NULL;
	Object *r = v ? rt_gc_alloc(k->named) : NULL;
	if (!r)
		return NULL;
	k->named_ctor(rt_unbox_ptr(r), member, v);
	return rt_pending ? NULL : r;
}

/* The arguments of the attribute `data` (an RtAttr) as boxed
 * CustomAttributeTypedArgument and CustomAttributeNamedArgument. */
void rt_attrs_resolve(intptr_t data, Object **ctor_args, Object **named_args,
		      const RtAttrDataKit *k)
{
	const RtAttr *at = (const RtAttr *)data;
	RtArray *c = rt_gc_alloc_array(k->objects, at->nargs);
	RtArray *n = c ? rt_gc_alloc_array(k->objects, at->nnamed) : NULL;
	*ctor_args = (Object *)c;
	*named_args = (Object *)n;
	for (uint32_t i = 0; n && i < at->nargs; i++)
		if (!(RT_ARRAY_DATA(c, Object *)[i] = typed(&at->args[i], at->ctor->params ?
							    at->ctor->params[i] : NULL, k)))
			return;
	for (uint32_t i = 0; n && i < at->nnamed; i++)
		if (!(RT_ARRAY_DATA(n, Object *)[i] = named(&at->named[i], k)))
			return;
}
