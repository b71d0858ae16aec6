/* type.c: casts, array store checks, interface lookup (rt_type_).
 *
 * Requires type descriptors where: a class's display lists its ancestors
 * (display[0] = Object, display[depth] = itself); a type's ifaces lists
 * every interface it implements, inherited and indirect ones included (an
 * interface type lists its base interfaces); an array type has rank, the
 * SZARRAY flag for vectors, elem and elem_kind, and base System.Array (its
 * display, when present, is {Object, Array}). Types without a display are
 * handled by walking `base`.
 * Provides: isinst/castclass per ECMA-335 §I.8.7 (assignment
 * compatibility), including array covariance: arrays of reference types
 * convert when the ranks match and the element types do; arrays of value
 * types when the elements have the same reduced type (int[] and uint[],
 * an enum and its underlying type), otherwise only when identical.
 * Generic variance of interfaces and delegates goes through the generic
 * arguments in the descriptors (variant_compatible). The generic
 * interfaces of arrays (IList<U> of a T[] for each U a T[] converts to)
 * need nothing here: the compiler lists each one the program can ask for
 * in the array type's ifaces, with its slots.
 */
#include "internal.h"

#include <stdio.h>

bool rt_type_is_subclass(const RtType *t, const RtType *of)
{
	if (t->display && of->display)
		return rt_type_is_class(t, of);
	for (; t; t = t->base)
		if (t == of)
			return true;
	return false;
}

/* A linear scan: lists are short, and the interface dispatched on most is
 * usually near the front. */
/* Generic variance (ECMA-335 §II.9.11): `have` converts to `want` when both
 * instantiate the same definition and each argument is the same, or for a
 * covariant (out) parameter a reference type assignable to want's, for a
 * contravariant (in) one a reference type want's is assignable to. */
static bool variant_compatible(const RtType *want, const RtType *have)
{
	if (!want->generic_def || want->generic_def != have->generic_def)
		return false;
	for (uint32_t i = 0; i < want->nargs; i++) {
		const RtType *a = want->generic_args[i], *b = have->generic_args[i];
		if (a == b)
			continue;
		if ((a->flags & RT_T_VALUETYPE) || (b->flags & RT_T_VALUETYPE))
			return false;
		if (want->variance[i] == RT_COVARIANT && rt_type_is_assignable(a, b))
			continue;
		if (want->variance[i] == RT_CONTRAVARIANT && rt_type_is_assignable(b, a))
			continue;
		return false;
	}
	return true;
}

void *const *rt_type_iface_slots(const RtType *t, const RtType *iface)
{
	for (uint32_t i = 0; i < t->niface; i++)
		if (t->ifaces[i].iface == iface)
			return t->ifaces[i].slots;
	if (iface->generic_def)         /* the slow way: through variance */
		for (uint32_t i = 0; i < t->niface; i++)
			if (variant_compatible(iface, t->ifaces[i].iface))
				return t->ifaces[i].slots;
	return NULL;
}

bool rt_type_implements(const RtType *t, const RtType *iface)
{
	if (t == iface)
		return true;
	for (uint32_t i = 0; i < t->niface; i++)
		if (t->ifaces[i].iface == iface)
			return true;
	if (iface->generic_def) {
		if (variant_compatible(iface, t))
			return true;
		for (uint32_t i = 0; i < t->niface; i++)
			if (variant_compatible(iface, t->ifaces[i].iface))
				return true;
	}
	return false;
}

/* ---- arrays ---- */

/* The reduced type (§I.8.7.1) of an array's elements, as an RtElemKind:
 * enums count as their underlying type, unsigned as signed, native
 * integers as the integers of their size (long[] is an IntPtr[] on 64-bit,
 * as in Mono). */
static int reduced_kind(const RtType *arr)
{
	int k = arr->elem_kind;
	if (k == RT_E_STRUCT && arr->elem && (arr->elem->flags & RT_T_ENUM))
		k = arr->elem->elem_kind;
	switch (k) {
	case RT_E_U1: return RT_E_I1;
	case RT_E_U2: return RT_E_I2;
	case RT_E_U4: return RT_E_I4;
	case RT_E_U8: return RT_E_I8;
	case RT_E_I: case RT_E_U: return sizeof(void *) == 8 ? RT_E_I8 : RT_E_I4;
	default: return k;
	}
}

static bool array_compatible(const RtType *to, const RtType *from)
{
	if (to->rank != from->rank ||
	    (to->flags & RT_T_SZARRAY) != (from->flags & RT_T_SZARRAY))
		return false;
	/* pointers have no descriptor: the array type stands for its own */
	if (to->elem_kind == RT_E_PTR || from->elem_kind == RT_E_PTR)
		return to == from;
	if (to->elem == from->elem)
		return true;
	bool to_ref = to->elem_kind == RT_E_REF;
	bool from_ref = from->elem_kind == RT_E_REF;
	if (to_ref || from_ref)
		return to_ref && from_ref &&
		       rt_type_is_assignable(to->elem, from->elem);
	int k = reduced_kind(to);
	if (k == RT_E_STRUCT)
		return false;           /* only identical element types */
	return k == reduced_kind(from);
}

/* ---- assignment compatibility ---- */

/* May a value whose exact type is `from` be stored where `to` is
 * expected? (`from` is an object's type, or an array's element type.) */
bool rt_type_is_assignable(const RtType *to, const RtType *from)
{
	if (to == from)
		return true;
	if (to->flags & RT_T_INTERFACE)
		return rt_type_implements(from, to);
	if (to->flags & RT_T_ARRAY)
		return (from->flags & RT_T_ARRAY) && array_compatible(to, from);
	if (to->flags & RT_T_NULLABLE)
		return from == to->elem;        /* Nullable<T> boxes as a T */
	if (to == rt_known.object)      /* a pointer is no object (Type.IsAssignableFrom) */
		return !(from->flags & (RT_T_POINTER | RT_T_BYREF));
	if (to->generic_def && variant_compatible(to, from))     /* delegates */
		return true;
	return rt_type_is_subclass(from, to);
}

Object *rt_type_isinst(Object *o, const RtType *t)
{
	if (!o)
		return NULL;
	const RtType *ot = o->type;
	if (ot == t)
		return o;
	if (!(t->flags & (RT_T_INTERFACE | RT_T_ARRAY | RT_T_NULLABLE)) && !t->generic_def &&
	    ot->display && t->display)
		return rt_type_is_class(ot, t) ? o : NULL;
	return rt_type_is_assignable(t, ot) ? o : NULL;
}

Object *rt_type_castclass(Object *o, const RtType *t)
{
	if (!o || rt_type_isinst(o, t))
		return o;
	rt_exc_throw_kind(RT_EXC_CAST);
	return NULL;
}

bool rt_type_check_store(RtArray *a, Object *o)
{
	if (!o)
		return true;
	const RtType *elem = a->hdr.type->elem;
	if (o->type == elem || elem == rt_known.object ||
	    rt_type_is_assignable(elem, o->type))
		return true;
	rt_exc_throw_kind(RT_EXC_ARRAYTYPE);
	return false;
}

/* Enum.ToString() of a value of enum type t (not [Flags], no two names
 * for one value: il2c_calls.c enum_to_string checks): its name, else the
 * number in decimal, as Mono's Enum.ToString gives it through the
 * underlying value's ToString in the invariant culture. v is widened as
 * RtEnumInfo's values are (sign-extended when is_signed). */
Object *rt_enum_str(const RtType *t, uint64_t v, bool is_signed)
{
	const RtEnumInfo *e = t->enum_info;
	for (uint32_t i = 0; e && i < e->n; i++)
		if (e->values[i] == v)
			return (Object *)rt_str_from_utf8(e->names[i]);
	char buf[24];
	if (is_signed)
		snprintf(buf, sizeof buf, "%lld", (long long)v);
	else
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
	return (Object *)rt_str_from_utf8(buf);
}

/* Int32.ToString in the invariant culture: the number in decimal. */
Object *rt_i4_str(const void *p)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", *(const int32_t *)p);
	return (Object *)rt_str_from_utf8(buf);
}

/* Byte.ToString("X2") in the invariant culture: two upper-case hex digits. */
Object *rt_u1_hex2(const void *p)
{
	char buf[3];
	snprintf(buf, sizeof buf, "%02X", *(const uint8_t *)p);
	return (Object *)rt_str_from_utf8(buf);
}
