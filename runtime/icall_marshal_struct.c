/* icall_marshal_struct: structs in native memory (Marshal.SizeOf, OffsetOf,
 * StructureToPtr, PtrToStructure, DestroyStructure): blittable ones
 * (RT_T_BLITTABLE) are copied as they are, and those the compiler described
 * (rt_marshal_types[]) have their strings converted to and from malloc'ed
 * UTF-8. Apart from icall_marshal.c so that only programs using them link
 * reflection (reflect.c) in.
 */
#include "internal.h"
#include "rt_ops.h"

#include <stdlib.h>

intptr_t rt_Marshal_AllocHGlobal(intptr_t n);     /* icall_marshal.c */

/* ---- structs ---- */
static const RtMarshalType *marshal_info(const RtType *t)
{
	for (uint32_t i = 0; i < rt_nmarshal_types; i++)
		if (rt_marshal_types[i].type == t)
			return &rt_marshal_types[i];
	return NULL;
}

static bool blittable(const RtType *t)
{
	return (t->flags & RT_T_BLITTABLE) ||
	       ((t->flags & RT_T_PRIMITIVE) && t->elem_kind != RT_E_BOOL && t->elem_kind != RT_E_CHAR);
}

/* The type `type` (a RuntimeType) names if it can be marshalled; else
 * NULL with ArgumentNullException or ArgumentException pending. */
static const RtType *struct_type(Object *type, const RtMarshalType **info)
{
	if (!type) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return NULL;
	}
	const RtType *t = rt_type_of_runtime_type(type);
	*info = marshal_info(t);
	if (blittable(t) || *info)
		return t;
	rt_exc_throw_msg(RT_EXC_ARG, "ilcc marshals only structs of numbers, pointers and strings"
			 " (and those named by typeof at the call)");
	return NULL;
}

int32_t rt_Marshal_SizeOf(Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
	return t ? (int32_t)t->size : 0;
}

intptr_t rt_Marshal_OffsetOf(Object *type, Object *name)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
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
	rt_exc_throw_msg(RT_EXC_ARG, "Field passed in is not a marshaled member of the type.");
	return 0;
}

void rt_Marshal_StructureToPtr(Object *o, intptr_t p, bool delete_old)
{
	if (!o || !p) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return;
	}
	const RtMarshalType *info = marshal_info(o->type);
	if (!blittable(o->type) && !info) {
		rt_exc_throw_msg(RT_EXC_ARG, "ilcc marshals only structs of numbers, pointers and"
				 " strings (and those named by typeof at the call)");
		return;
	}
	char *dst = (char *)p;
	for (uint32_t i = 0; delete_old && info && i < info->nstrings; i++)
		free(*(char **)(dst + info->strings[i]));
	memcpy(dst, rt_unbox_ptr(o), o->type->size);
	for (uint32_t i = 0; info && i < info->nstrings; i++) {
		RtString *s = *(RtString **)(dst + info->strings[i]);
		char *u = s ? rt_str_to_utf8(s) : NULL;
		char *copy = u ? (char *)rt_Marshal_AllocHGlobal((intptr_t)strlen(u) + 1) : NULL;
		if (copy)
			strcpy(copy, u);
		*(char **)(dst + info->strings[i]) = copy;
	}
}

Object *rt_Marshal_PtrToStructure_type(intptr_t p, Object *type)
{
	if (!p)
		return NULL;
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
	if (!t)
		return NULL;
	/* the strings are made in a copy on the stack, seen by the collector */
	char *v = __builtin_alloca(t->size);
	memcpy(v, (const void *)p, t->size);
	for (uint32_t i = 0; info && i < info->nstrings; i++) {
		const char *u = *(const char **)(v + info->strings[i]);
		*(Object **)(v + info->strings[i]) = u ? (Object *)rt_str_from_utf8(u) : NULL;
	}
	return rt_reflect_box(t, v);
}

void rt_Marshal_DestroyStructure(intptr_t p, Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
	if (!t || !p)
		return;
	for (uint32_t i = 0; info && i < info->nstrings; i++) {
		char **s = (char **)((char *)p + info->strings[i]);
		free(*s);
		*s = NULL;
	}
}
