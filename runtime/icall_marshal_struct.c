/* icall_marshal_struct: structs in native memory (Marshal.SizeOf, OffsetOf,
 * StructureToPtr, PtrToStructure, DestroyStructure): blittable ones
 * (RT_T_BLITTABLE) are copied as they are, and those the compiler described
 * (rt_marshal_types[]) are converted by its steps: bytes copied, strings
 * to and from malloc'ed UTF-8, fixed arrays (ByValArray) to and from
 * elements inline. Apart from icall_marshal.c so that only programs using them link
 * reflection (reflect.c) in.
 */
#include "internal.h"
#include "rt_ops.h"

#include <stdlib.h>

/* ---- structs ---- */
static bool blittable(const RtType *t)
{
	return (t->flags & RT_T_BLITTABLE) ||
	       ((t->flags & RT_T_PRIMITIVE) && t->elem_kind != RT_E_BOOL && t->elem_kind != RT_E_CHAR);
}

/* Why t cannot be marshalled, as an exception: Mono's messages for a
 * type without layout (`call` 0: SizeOf's ArgumentException, else the
 * MarshalDirectiveException of a conversion), else why ilcc cannot. */
static void refuse(const RtType *t, int call)
{
	const RtMarshalType *row = rt_marshal_row(t);
	if (row && row->auto_layout && !call)
		rt_type_throw_about_name(RT_EXC_ARG, "Type ", t, " cannot be marshaled as an unmanaged"
					 " structure.\nParameter name: t");
	else if (row && row->auto_layout)       /* Mono names it in full here */
		rt_type_throw_about(RT_EXC_MARSHALDIRECTIVE, "Type ", t, " which is passed to"
				    " unmanaged code must have a StructLayout attribute.");
	else if (row)
		rt_exc_throw_msg(RT_EXC_ARG, row->refused);
	else
		rt_exc_throw_msg(RT_EXC_ARG, "ilcc marshals only structs of numbers, pointers and"
				 " strings (and those named by typeof at the call)");
}

/* The type `type` (a RuntimeType) names if it can be marshalled; else
 * NULL with ArgumentNullException or refuse(t, call)'s pending. */
static const RtType *struct_type(Object *type, const RtMarshalType **info, int call)
{
	if (!type) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return NULL;
	}
	const RtType *t = rt_type_of_runtime_type(type);
	*info = rt_marshal_info(t);
	if (blittable(t) || *info)
		return t;
	refuse(t, call);
	return NULL;
}

static uint32_t native_size(const RtType *t, const RtMarshalType *info)
{
	return info ? info->native_size : t->size;
}

int32_t rt_Marshal_SizeOf(Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info, 0);
	return t ? (int32_t)native_size(t, info) : 0;
}

intptr_t rt_Marshal_OffsetOf(Object *type, Object *name)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info, 0);
	if (!t)
		return 0;
	if (!name) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return 0;
	}
	const char *n = rt_str_to_utf8((RtString *)name);
	for (const RtMarshalField *f = info ? info->fields : NULL; f && f->name; f++)
		if (!strcmp(f->name, n))
			return f->offset;
	/* Mono's message; its ArgumentException names the parameter */
	rt_type_throw_about_name(RT_EXC_ARG, "Field passed in is not a marshaled member of the type ", t,
				 "\nParameter name: fieldName");
	return 0;
}

void rt_Marshal_StructureToPtr(Object *o, intptr_t p, bool delete_old)
{
	if (!o || !p) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return;
	}
	const RtMarshalType *info = rt_marshal_info(o->type);
	if (!blittable(o->type) && !info) {
		refuse(o->type, 1);
		return;
	}
	if (!info) {
		memcpy((char *)p, rt_unbox_ptr(o), o->type->size);
		return;
	}
	if (delete_old)
		rt_marshal_free_native(info->ops, (char *)p);
	/* a class with layout: the steps' offsets count from the object */
	bool boxed = o->type->flags & RT_T_VALUETYPE;
	rt_marshal_to_native(info->ops, (char *)p, boxed ? rt_unbox_ptr(o) : (char *)o);
}

Object *rt_Marshal_PtrToStructure_type(intptr_t p, Object *type)
{
	if (!p)
		return NULL;
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info, 1);
	if (!t)
		return NULL;
	if (!(t->flags & RT_T_VALUETYPE)) {     /* a class with layout: no constructor, as Mono */
		Object *o = rt_gc_alloc(t);
		if (o)
			rt_marshal_from_native(info->ops, (char *)o, (const char *)p);
		return o;
	}
	/* the strings are made in a copy on the stack, seen by the collector */
	char *v = __builtin_alloca(t->size);
	memset(v, 0, t->size);
	if (info)
		rt_marshal_from_native(info->ops, v, (const char *)p);
	else
		memcpy(v, (const void *)p, t->size);
	return rt_pending ? NULL : rt_reflect_box(t, v);
}

/* PtrToStructure(p, obj): into an object of a class with layout. */
void rt_Marshal_PtrToStructure_obj(intptr_t p, Object *o)
{
	if (!p)
		return;
	if (!o) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return;
	}
	const RtMarshalType *info = rt_marshal_info(o->type);
	if (o->type->flags & RT_T_VALUETYPE) {
		rt_exc_throw_msg(RT_EXC_ARG, "Destination is a boxed value type.\nParameter name: dst");
		return;
	}
	if (!info) {
		refuse(o->type, 1);
		return;
	}
	rt_marshal_from_native(info->ops, (char *)o, (const char *)p);
}

void rt_Marshal_DestroyStructure(intptr_t p, Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info, 1);
	if (!t || !p || !info)
		return;
	rt_marshal_free_native(info->ops, (char *)p);
}
