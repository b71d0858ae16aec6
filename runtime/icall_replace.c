/* icall_replace: managed methods of the class library whose bodies the
 * runtime replaces (REPLACE in icalls.def), because Mono's IL for them
 * uses reflection on a common path.
 *
 * Argument errors raise the exception of the right type through rt_known;
 * the message is the type's default one, not Mono's parameter-specific text.
 */
#include "internal.h"

#include <string.h>

/* ---- System.Array::Copy ---- */
static bool ref_elems(const RtType *t) { return t->elem_kind == RT_E_REF; }

/* Could an element of array type `from` be stored in one of type `to`
 * (or need boxing or unboxing, which this copies one by one)? */
static int copy_kind(const RtType *from, const RtType *to)
{
	if (from == to)
		return 0;                       /* raw */
	if (ref_elems(from) && ref_elems(to))
		return 1;                       /* references, checked each */
	if (!ref_elems(from) && !ref_elems(to))
		return from->elem == to->elem ||
		       (from->elem_kind == to->elem_kind && from->elem_kind != RT_E_STRUCT &&
			from->elem_size == to->elem_size) ? 0 : -1;
	return to->elem == rt_known.object || from->elem == rt_known.object ? 2 : -1;
}

static void copy_boxing(RtArray *src, intptr_t si, RtArray *dst, intptr_t di, intptr_t n)
{
	const RtType *st = src->hdr.type, *dt = dst->hdr.type;
	for (intptr_t i = 0; i < n; i++) {
		unsigned char *s = src->data + (size_t)(si + i) * st->elem_size;
		unsigned char *d = dst->data + (size_t)(di + i) * dt->elem_size;
		if (ref_elems(dt)) {            /* box */
			Object *box = rt_gc_alloc(st->elem);
			if (!box)
				return;
			memcpy((char *)box + sizeof(Object), s, st->elem_size);
			*(Object **)d = box;
		} else {                        /* unbox */
			Object *o = *(Object **)s;
			if (!o || o->type != dt->elem) {
				rt_exc_throw_kind(o ? RT_EXC_CAST : RT_EXC_NULLREF);
				return;
			}
			memcpy(d, (char *)o + sizeof(Object), dt->elem_size);
		}
	}
}

void rt_Array_Copy(Object *src, int32_t si, Object *dst, int32_t di, int32_t n)
{
	if (!src || !dst) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return;
	}
	RtArray *s = (RtArray *)src, *d = (RtArray *)dst;
	if (src->type->rank != dst->type->rank) {
		rt_exc_throw_kind(RT_EXC_RANK);
		return;
	}
	if (n < 0 || si < 0 || di < 0) {
		rt_exc_throw_kind(RT_EXC_ARGRANGE);
		return;
	}
	/* multi-dimensional arrays copy as if flattened, lower bounds aside */
	if ((uintptr_t)si + (uintptr_t)n > s->length || (uintptr_t)di + (uintptr_t)n > d->length) {
		rt_exc_throw_kind(RT_EXC_ARG);
		return;
	}
	int kind = copy_kind(src->type, dst->type);
	if (kind < 0) {
		rt_exc_throw_kind(RT_EXC_ARRAYTYPE);
		return;
	}
	size_t es = src->type->elem_size;
	if (kind == 0) {
		memmove(d->data + (size_t)di * es, s->data + (size_t)si * es, (size_t)n * es);
		return;
	}
	if (kind == 2) {
		copy_boxing(s, si, d, di, n);
		return;
	}
	/* references: overlapping copies within one array go the safe way */
	Object **from = RT_ARRAY_DATA(s, Object *) + si, **to = RT_ARRAY_DATA(d, Object *) + di;
	bool backwards = s == d && di > si;
	for (int32_t k = 0; k < n; k++) {
		int32_t i = backwards ? n - 1 - k : k;
		Object *o = from[i];
		if (o && !rt_type_is_assignable(dst->type->elem, o->type)) {
			rt_exc_throw_kind(RT_EXC_CAST);
			return;
		}
		RT_WRITE_REF(&to[i], o);
	}
}

/* ---- System.ValueType ---- */
/* Values compare by their bytes, references within them by identity (Mono
 * compares reference fields with Equals: a known difference for structs
 * holding strings built at run time). */
bool rt_ValueType_DefaultEquals(Object *a, Object *b)
{
	if (!b || a->type != b->type)
		return false;
	return memcmp((char *)a + sizeof(Object), (char *)b + sizeof(Object), a->type->size) == 0;
}

int32_t rt_ValueType_InternalGetHashCode(Object *o, char *fields)
{
	*(Object **)fields = NULL;
	const unsigned char *p = (const unsigned char *)o + sizeof(Object);
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < o->type->size; i++)
		h = (h ^ p[i]) * 16777619u;
	return (int32_t)h;
}

/* ---- System.RuntimeType::IsDefined ---- */
/* [Flags] on enums (Enum.ToString asks) from a bit in the descriptor;
 * other attributes from rt_attrs[] (src/attrs.c), walking the base types
 * when inherited ones count, as Mono's MonoCustomAttrs.IsDefined does. */
bool rt_RuntimeType_IsDefined(Object *self, Object *attr, bool inherit)
{
	if (!attr) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return false;
	}
	const RtType *t = rt_type_of_runtime_type(self), *a = rt_type_of_runtime_type(attr);
	if (!strcmp(a->ns, "System") && !strcmp(a->name, "FlagsAttribute"))
		return (t->flags & RT_T_FLAGS) != 0;
	for (; t; t = inherit && !(t->flags & RT_T_INTERFACE) ? t->base : NULL)
		if (rt_attrs_defined(rt_Type_internal_from_handle((intptr_t)t), attr))
			return true;
	return false;
}

bool rt_RuntimeType_get_IsEnum(Object *self)
{
	return (rt_type_of_runtime_type(self)->flags & RT_T_ENUM) != 0;
}

bool rt_RuntimeType_IsValueTypeImpl(Object *self)
{
	/* System.ValueType and System.Enum themselves are classes */
	return (rt_type_of_runtime_type(self)->flags & RT_T_VALUETYPE) != 0;
}

/* ---- System.Array::CreateInstanceImpl(Type, int[] lengths, int[] lower) ----
 * The array type from those the program has (rt_md_arrays); lower ==
 * NULL with one length is a vector. */
Object *rt_Array_CreateInstanceImpl(Object *type, Object *lengths, Object *lower)
{
	const RtType *elem = rt_type_of_runtime_type(type);
	RtArray *len = (RtArray *)lengths, *low = (RtArray *)lower;
	uint32_t rank = (uint32_t)len->length;
	const int32_t *l = RT_ARRAY_DATA(len, int32_t);
	/* one dimension from 0 is a vector, as in Mono */
	if (rank == 1 && (!low || RT_ARRAY_DATA(low, int32_t)[0] == 0) && elem->array_of)
		return (Object *)rt_gc_alloc_array(elem->array_of, l[0]);
	for (uint32_t i = 0; i < rt_nmd_arrays; i++) {
		const RtType *t = rt_md_arrays[i];
		if (t->elem == elem && t->rank == rank && !(t->flags & RT_T_SZARRAY))
			return (Object *)rt_gc_alloc_mdarray(t, l, low ? RT_ARRAY_DATA(low, int32_t) : NULL);
	}
	rt_exc_throw_kind(RT_EXC_NOTSUPP);
	return NULL;
}

/* ---- System.Array::CreateInstance(Type, int) ---- */
Object *rt_Array_CreateInstance(Object *type, int32_t length)
{
	if (!type) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return NULL;
	}
	if (length < 0) {
		rt_exc_throw_kind(RT_EXC_ARGRANGE);
		return NULL;
	}
	const RtType *t = rt_type_of_runtime_type(type);
	/* MonoCustomAttrs' empty answer for an attribute type that no kept
	 * member carries (so its array type was not kept): Attribute[] */
	if (!t->array_of && length == 0 && rt_attr_array && rt_type_is_assignable(rt_attr_array->elem, t))
		return (Object *)rt_gc_alloc_array(rt_attr_array, 0);
	if (!t->array_of) {             /* no such array type in the program */
		rt_exc_throw_kind(RT_EXC_NOTSUPP);
		return NULL;
	}
	return (Object *)rt_gc_alloc_array(t->array_of, length);
}
