/* marshal_ops: converting values to and from native memory by the steps
 * the compiler wrote (rt_marshal_types[], src/emit/marshal.c), for
 * Marshal's struct calls (icall_marshal_struct.c) and for P/Invoke
 * arguments that are not the same bytes natively (structs with strings,
 * bools or inline arrays; StringBuilder; string arrays). Apart from
 * icall_marshal_struct.c so that P/Invoke does not link reflection in.
 */
#include "internal.h"

#include <stdlib.h>

intptr_t rt_Marshal_AllocHGlobal(intptr_t n);     /* icall_marshal.c */
intptr_t rt_Marshal_GetFunctionPointerForDelegateInternal(Object *d);   /* lib.c */

/* t's row: with steps, or (refused) with why Mono will not marshal it. */
const RtMarshalType *rt_marshal_row(const RtType *t)
{
	for (uint32_t i = 0; i < rt_nmarshal_types; i++)
		if (rt_marshal_types[i].type == t)
			return &rt_marshal_types[i];
	return NULL;
}

const RtMarshalType *rt_marshal_info(const RtType *t)
{
	const RtMarshalType *row = rt_marshal_row(t);
	return row && !row->refused ? row : NULL;
}

static char *native_copy(const void *from, size_t n)
{
	char *copy = (char *)rt_Marshal_AllocHGlobal((intptr_t)n);
	if (copy)
		memcpy(copy, from, n);
	return copy;
}

/* String s as n bytes (TSTR) or UTF-16 units (WTSTR) inline at `to`: as
 * much as fits before the NUL, as Mono copies. */
static void inline_string(const RtMarshalOp *op, char *to, RtString *s)
{
	if (!op->n)
		return;
	if (op->kind == RT_MARSHAL_WTSTR) {
		uint32_t k = s ? (uint32_t)s->length : 0;
		k = k < op->n - 1 ? k : op->n - 1;
		if (k)
			memcpy(to, s->chars, 2 * k);
		memset(to + 2 * k, 0, 2 * (op->n - k));
		return;
	}
	char *u = s ? rt_str_to_utf8(s) : NULL;
	size_t k = u ? strlen(u) : 0;
	k = k < op->n - 1 ? k : op->n - 1;
	if (k)
		memcpy(to, u, k);
	memset(to + k, 0, op->n - k);
}

/* A field Mono will not convert in a struct: an array without ByValArray
 * (its message), or a COM reference that is not null. */
static void refuse_field(const RtMarshalOp *op)
{
	if (op->kind == RT_MARSHAL_LPARRAY)
		rt_type_throw_about_name(RT_EXC_MARSHALDIRECTIVE, "Structure field of type ", op->arr,
					 " can't be marshalled as LPArray");
	else
		rt_exc_throw_msg(RT_EXC_MARSHALDIRECTIVE, "COM interop is not supported");
}

/* An object of a class with layout inline (null: the bytes there stay,
 * as Mono leaves them). */
static void object_to_native(const RtMarshalOp *op, char *to, Object *o)
{
	const RtMarshalType *info = o ? rt_marshal_info(op->arr) : NULL;
	if (info)
		rt_marshal_to_native(info->ops, to, (const char *)o);
}

/* Step op of the value at v to native memory at dst; false with an
 * exception pending. */
static bool op_to_native(const RtMarshalOp *op, char *dst, const char *v)
{
	char *to = dst + op->noff;
	const char *from = v + op->moff;
	RtString *s = op->kind == RT_MARSHAL_STRING || op->kind == RT_MARSHAL_WSTRING ||
		      op->kind == RT_MARSHAL_TSTR || op->kind == RT_MARSHAL_WTSTR
		      ? *(RtString *const *)from : NULL;
	switch (op->kind) {
	case RT_MARSHAL_OBJECT:
		object_to_native(op, to, *(Object *const *)from);
		break;
	case RT_MARSHAL_CHARS: {
		RtArray *a = *(RtArray *const *)from;
		uint32_t k = a ? (a->length < op->n ? (uint32_t)a->length : op->n) : 0;
		for (uint32_t i = 0; i < k; i++)
			to[i] = (char)RT_ARRAY_DATA(a, uint16_t)[i];
		memset(to + k, 0, op->n - k);
		break;
	}
	case RT_MARSHAL_LPARRAY: {      /* the elements' address, as Mono's */
		RtArray *a = *(RtArray *const *)from;
		*(void **)to = a ? a->data : NULL;
		break;
	}
	case RT_MARSHAL_DELEGATE: {
		Object *d = *(Object *const *)from;
		*(intptr_t *)to = d ? rt_Marshal_GetFunctionPointerForDelegateInternal(d) : 0;
		return !rt_pending;
	}
	case RT_MARSHAL_NULLREF:
		if (*(Object *const *)from) {
			refuse_field(op);
			return false;
		}
		memset(to, 0, op->n);
		break;
	case RT_MARSHAL_COPY:
		memcpy(to, from, op->n);
		break;
	case RT_MARSHAL_STRING: {
		char *u = s ? rt_str_to_utf8(s) : NULL;
		*(char **)to = u ? native_copy(u, strlen(u) + 1) : NULL;
		break;
	}
	case RT_MARSHAL_WSTRING:
		*(char **)to = s ? native_copy(s->chars, 2 * ((size_t)s->length + 1)) : NULL;
		break;
	case RT_MARSHAL_TSTR: case RT_MARSHAL_WTSTR:
		inline_string(op, to, s);
		break;
	case RT_MARSHAL_BOOL:
		if (op->n == 4)
			*(int32_t *)to = *(const uint8_t *)from != 0;
		else
			*(uint8_t *)to = *(const uint8_t *)from != 0;
		break;
	case RT_MARSHAL_CHAR:
		*(uint8_t *)to = (uint8_t)*(const uint16_t *)from;
		break;
	default: {
		RtArray *a = *(RtArray *const *)from;
		size_t size = op->n * op->arr->elem_size;
		size_t have = a ? (size_t)a->length * op->arr->elem_size : 0;
		size_t n = have < size ? have : size;
		if (n)
			memcpy(to, a->data, n);
		memset(to + n, 0, size - n);
	}
	}
	return true;
}

/* The value at v to native memory at dst; stops at a field Mono will not
 * convert, with MarshalDirectiveException pending. */
void rt_marshal_to_native(const RtMarshalOp *op, char *dst, const char *v)
{
	for (; op->kind != RT_MARSHAL_END; op++)
		if (!op_to_native(op, dst, v))
			return;
}

static RtString *wstring_from(const uint16_t *w, uint32_t max)
{
	uint32_t n = 0;
	while (n < max && w[n])
		n++;
	return rt_str_from_utf16(w, (int32_t)n);
}

static bool all_zero(const char *p, uint32_t n)
{
	while (n && !*p)
		n--, p++;
	return !n;
}

/* A new object of class op->arr from native memory at `from`. */
static Object *object_from_native(const RtMarshalOp *op, const char *from)
{
	const RtMarshalType *info = rt_marshal_info(op->arr);
	Object *o = info ? rt_gc_alloc(op->arr) : NULL;
	if (o)
		rt_marshal_from_native(info->ops, (char *)o, from);
	return o;
}

/* Step op of native memory at src to the value at v; false with an
 * exception pending. */
static bool op_from_native(const RtMarshalOp *op, char *v, const char *src)
{
	char *to = v + op->moff;
	const char *from = src + op->noff;
	const char *u = op->kind == RT_MARSHAL_STRING || op->kind == RT_MARSHAL_WSTRING
			? *(const char *const *)from : NULL;
	switch (op->kind) {
	case RT_MARSHAL_OBJECT:
		*(Object **)to = object_from_native(op, from);
		break;
	case RT_MARSHAL_CHARS: {
		RtArray *a = rt_gc_alloc_array(op->arr, op->n);
		for (uint32_t i = 0; a && i < op->n; i++)
			RT_ARRAY_DATA(a, uint16_t)[i] = (uint8_t)from[i];
		*(RtArray **)to = a;
		break;
	}
	case RT_MARSHAL_DELEGATE: {
		intptr_t fn = *(const intptr_t *)from;
		*(Object **)to = fn ? rt_callback_delegate(op->arr, fn) : NULL;
		return !rt_pending;
	}
	case RT_MARSHAL_NULLREF: case RT_MARSHAL_LPARRAY:
		if (op->kind == RT_MARSHAL_LPARRAY || !all_zero(from, op->n)) {
			refuse_field(op);
			return false;
		}
		*(Object **)to = NULL;
		break;
	case RT_MARSHAL_COPY:
		memcpy(to, from, op->n);
		break;
	case RT_MARSHAL_STRING:
		*(Object **)to = u ? (Object *)rt_str_from_utf8(u) : NULL;
		break;
	case RT_MARSHAL_WSTRING:
		*(Object **)to = u ? (Object *)wstring_from((const uint16_t *)u, UINT32_MAX) : NULL;
		break;
	case RT_MARSHAL_WTSTR:
		*(Object **)to = (Object *)wstring_from((const uint16_t *)from, op->n);
		break;
	case RT_MARSHAL_TSTR: {         /* n - 1 bytes at most, as Mono reads */
		char *z = __builtin_alloca(op->n);
		memcpy(z, from, op->n - 1);
		z[op->n - 1] = 0;
		*(Object **)to = (Object *)rt_str_from_utf8(z);
		break;
	}
	case RT_MARSHAL_BOOL:
		*(uint8_t *)to = op->n == 4 ? *(const int32_t *)from != 0 : *(const uint8_t *)from != 0;
		break;
	case RT_MARSHAL_CHAR:
		*(uint16_t *)to = *(const uint8_t *)from;
		break;
	default: {              /* a multi-dimensional array stays null */
		RtArray *a = op->arr->flags & RT_T_SZARRAY ? rt_gc_alloc_array(op->arr, op->n) : NULL;
		if (a)
			memcpy(a->data, from, op->n * op->arr->elem_size);
		*(RtArray **)to = a;
	}
	}
	return true;
}

/* Native memory at src to the value at v; stops at a field Mono will not
 * convert, with MarshalDirectiveException pending. */
void rt_marshal_from_native(const RtMarshalOp *op, char *v, const char *src)
{
	for (; op->kind != RT_MARSHAL_END; op++)
		if (!op_from_native(op, v, src))
			return;
}

/* Frees the strings of the struct in native memory at p. */
void rt_marshal_free_native(const RtMarshalOp *op, char *p)
{
	for (; op->kind != RT_MARSHAL_END; op++)
		if (op->kind == RT_MARSHAL_OBJECT) {
			const RtMarshalType *info = rt_marshal_info(op->arr);
			if (info)
				rt_marshal_free_native(info->ops, p + op->noff);
		} else if (op->kind == RT_MARSHAL_STRING || op->kind == RT_MARSHAL_WSTRING) {
			free(*(char **)(p + op->noff));
			*(char **)(p + op->noff) = NULL;
		}
}

/* ---- P/Invoke arguments (structs the compiler could convert) ---- */
void rt_pinvoke_in(const RtType *t, void *native, const void *value)
{
	const RtMarshalType *info = rt_marshal_info(t);
	if (info)
		rt_marshal_to_native(info->ops, native, value);
	else
		memcpy(native, value, t->size);
}

void rt_pinvoke_out(const RtType *t, void *value, const void *native)
{
	const RtMarshalType *info = rt_marshal_info(t);
	if (info)
		rt_marshal_from_native(info->ops, value, native);
	else
		memcpy(value, native, t->size);
}

void rt_pinvoke_free(const RtType *t, void *native)
{
	const RtMarshalType *info = rt_marshal_info(t);
	if (info)
		rt_marshal_free_native(info->ops, native);
}

void *rt_pinvoke_sb_in(Object *s, int32_t capacity, bool wide)
{
	RtString *str = (RtString *)s;
	size_t unit = wide ? 2 : 1, cap = capacity > 0 ? (size_t)capacity : 0;
	char *u = !wide && str ? rt_str_to_utf8(str) : NULL;
	size_t n = !str ? 0 : wide ? (size_t)str->length : strlen(u);
	if (n > cap)
		cap = n;
	char *buf = calloc(cap + 1, unit);
	if (!buf) {
		rt_gc_throw_oom("Out of memory");
		return NULL;
	}
	if (n)
		memcpy(buf, wide ? (const char *)str->chars : u, n * unit);
	return buf;
}

Object *rt_pinvoke_sb_out(void *buf, bool wide)
{
	Object *s = wide ? (Object *)wstring_from(buf, UINT32_MAX) : (Object *)rt_str_from_utf8(buf);
	free(buf);
	return s;
}

void *rt_pinvoke_strings_in(Object *array, bool wide)
{
	RtArray *a = (RtArray *)array;
	if (!a)
		return NULL;
	void **v = calloc((size_t)a->length + 1, sizeof *v);
	for (uintptr_t i = 0; v && i < a->length; i++) {
		RtString *s = RT_ARRAY_DATA(a, RtString *)[i];
		char *u = s && !wide ? rt_str_to_utf8(s) : NULL;
		v[i] = !s ? NULL : wide ? native_copy(s->chars, 2 * ((size_t)s->length + 1))
			 : native_copy(u, strlen(u) + 1);
	}
	if (!v)
		rt_gc_throw_oom("Out of memory");
	return v;
}

void rt_pinvoke_strings_free(void *v, Object *array)
{
	RtArray *a = (RtArray *)array;
	for (uintptr_t i = 0; v && a && i < a->length; i++)
		free(((void **)v)[i]);
	free(v);
}

char *rt_pinvoke_str_in(Object *s)
{
	char *u = s ? rt_str_to_utf8((RtString *)s) : NULL;
	return u ? native_copy(u, strlen(u) + 1) : NULL;
}

void rt_pinvoke_str_out(Object **dst, char *s, bool out)
{
	if (dst && out)
		*dst = s ? (Object *)rt_str_from_utf8(s) : NULL;
	free(s);
}
