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

static uint32_t native_size(const RtType *t, const RtMarshalType *info)
{
	return info ? info->native_size : t->size;
}

int32_t rt_Marshal_SizeOf(Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
	return t ? (int32_t)native_size(t, info) : 0;
}

/* The value at v to native memory at dst. */
static void to_native(const RtMarshalOp *op, char *dst, const char *v)
{
	for (; op->kind != RT_MARSHAL_END; op++) {
		char *to = dst + op->noff;
		const char *from = v + op->moff;
		if (op->kind == RT_MARSHAL_COPY) {
			memcpy(to, from, op->n);
		} else if (op->kind == RT_MARSHAL_STRING) {
			RtString *s = *(RtString *const *)from;
			char *u = s ? rt_str_to_utf8(s) : NULL;
			char *copy = u ? (char *)rt_Marshal_AllocHGlobal((intptr_t)strlen(u) + 1) : NULL;
			if (copy)
				strcpy(copy, u);
			*(char **)to = copy;
		} else {
			RtArray *a = *(RtArray *const *)from;
			size_t size = op->n * op->arr->elem_size;
			size_t have = a ? (size_t)a->length * op->arr->elem_size : 0;
			size_t n = have < size ? have : size;
			if (n)
				memcpy(to, a->data, n);
			memset(to + n, 0, size - n);
		}
	}
}

/* Native memory at src to the value at v. */
static void from_native(const RtMarshalOp *op, char *v, const char *src)
{
	for (; op->kind != RT_MARSHAL_END; op++) {
		char *to = v + op->moff;
		const char *from = src + op->noff;
		if (op->kind == RT_MARSHAL_COPY) {
			memcpy(to, from, op->n);
		} else if (op->kind == RT_MARSHAL_STRING) {
			const char *u = *(const char *const *)from;
			*(Object **)to = u ? (Object *)rt_str_from_utf8(u) : NULL;
		} else {
			RtArray *a = rt_gc_alloc_array(op->arr, op->n);
			memcpy(a->data, from, op->n * op->arr->elem_size);
			*(RtArray **)to = a;
		}
	}
}

/* Frees the strings of the struct in native memory at p. */
static void free_strings(const RtMarshalOp *op, char *p)
{
	for (; op->kind != RT_MARSHAL_END; op++)
		if (op->kind == RT_MARSHAL_STRING) {
			free(*(char **)(p + op->noff));
			*(char **)(p + op->noff) = NULL;
		}
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
	if (!info) {
		memcpy((char *)p, rt_unbox_ptr(o), o->type->size);
		return;
	}
	if (delete_old)
		free_strings(info->ops, (char *)p);
	to_native(info->ops, (char *)p, rt_unbox_ptr(o));
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
	memset(v, 0, t->size);
	if (info)
		from_native(info->ops, v, (const char *)p);
	else
		memcpy(v, (const void *)p, t->size);
	return rt_reflect_box(t, v);
}

void rt_Marshal_DestroyStructure(intptr_t p, Object *type)
{
	const RtMarshalType *info;
	const RtType *t = struct_type(type, &info);
	if (!t || !p || !info)
		return;
	free_strings(info->ops, (char *)p);
}
