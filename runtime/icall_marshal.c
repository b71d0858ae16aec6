/* icall_marshal: System.Runtime.InteropServices.Marshal's internal calls
 * that need no metadata: the last error of P/Invokes, strings to and from
 * native memory (ANSI means UTF-8 here, as on Mono for Unix), native
 * allocation (HGlobal and CoTaskMem are both malloc). Structs in native
 * memory are icall_marshal_struct.c's (they need reflection's boxing,
 * which programs without them should not link in).
 */
#include "internal.h"
#include "rt_ops.h"

#include <stdlib.h>
#include <string.h>

__thread int32_t rt_last_error;

int32_t rt_Marshal_GetLastWin32Error(void) { return rt_last_error; }
void rt_Marshal_SetLastWin32Error(int32_t e) { rt_last_error = e; }

Object *rt_Marshal_PtrToStringAnsi(intptr_t p)
{
	return p ? (Object *)rt_str_from_utf8((const char *)p) : NULL;
}

/* The first n bytes (which may hold NULs, kept as U+0000). */
Object *rt_Marshal_PtrToStringAnsi_len(intptr_t p, int32_t n)
{
	if (!p)
		return NULL;
	if (n < 0) {
		rt_exc_throw_kind(RT_EXC_ARGRANGE);
		return NULL;
	}
	char *copy = rt_gc_alloc_raw((size_t)n + 1, true);
	memcpy(copy, (const char *)p, (size_t)n);
	copy[n] = 0;
	if (memchr(copy, 0, (size_t)n) == NULL)
		return (Object *)rt_str_from_utf8(copy);
	/* decode piece by piece between the NULs */
	RtString *pieces = rt_gc_alloc_string(n);
	int32_t len = 0;
	for (int32_t i = 0; i <= n;) {
		RtString *s = rt_str_from_utf8(copy + i);
		memcpy(pieces->chars + len, s->chars, 2 * (size_t)s->length);
		len += s->length;
		i += (int32_t)strlen(copy + i) + 1;
		if (i <= n)
			pieces->chars[len++] = 0;
	}
	return (Object *)rt_str_from_utf16(pieces->chars, len);
}

Object *rt_Marshal_PtrToStringUni(intptr_t p)
{
	if (!p)
		return NULL;
	const uint16_t *s = (const uint16_t *)p;
	int32_t n = 0;
	while (s[n])
		n++;
	return (Object *)rt_str_from_utf16(s, n);
}

Object *rt_Marshal_PtrToStringUni_len(intptr_t p, int32_t n)
{
	if (!p)
		return NULL;
	if (n < 0) {
		rt_exc_throw_kind(RT_EXC_ARGRANGE);
		return NULL;
	}
	return (Object *)rt_str_from_utf16((const uint16_t *)p, n);
}

static intptr_t alloc_or_throw(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		rt_gc_throw_oom(NULL);
	return (intptr_t)p;
}

static intptr_t realloc_or_throw(intptr_t p, size_t n)
{
	void *q = realloc((void *)p, n ? n : 1);
	if (!q)
		rt_gc_throw_oom(NULL);
	return (intptr_t)q;
}

intptr_t rt_Marshal_AllocHGlobal(intptr_t n) { return alloc_or_throw((size_t)n); }
intptr_t rt_Marshal_ReAllocHGlobal(intptr_t p, intptr_t n) { return realloc_or_throw(p, (size_t)n); }
void rt_Marshal_FreeHGlobal(intptr_t p) { free((void *)p); }
intptr_t rt_Marshal_AllocCoTaskMem(int32_t n) { return alloc_or_throw((size_t)(uint32_t)n); }
intptr_t rt_Marshal_AllocCoTaskMemSize(uintptr_t n) { return alloc_or_throw(n); }
intptr_t rt_Marshal_ReAllocCoTaskMem(intptr_t p, int32_t n) { return realloc_or_throw(p, (size_t)(uint32_t)n); }
void rt_Marshal_FreeCoTaskMem(intptr_t p) { free((void *)p); }

/* n UTF-16 units to NUL-terminated UTF-8 in malloc'ed memory (a null
 * string, which `fixed` makes a null pointer: none, as Mono). */
intptr_t rt_Marshal_StringToHGlobalAnsi(intptr_t s, int32_t n)
{
	if (!s)
		return 0;
	char *u = rt_str_utf16_to_utf8((const uint16_t *)s, n);
	size_t len = strlen(u) + 1;
	intptr_t p = alloc_or_throw(len);
	if (p)
		memcpy((void *)p, u, len);
	return p;
}

intptr_t rt_Marshal_StringToHGlobalUni(intptr_t s, int32_t n)
{
	if (!s)
		return 0;
	intptr_t p = alloc_or_throw(2 * ((size_t)n + 1));
	if (p) {
		memcpy((void *)p, (const void *)s, 2 * (size_t)n);
		((uint16_t *)p)[n] = 0;
	}
	return p;
}

intptr_t rt_Marshal_UnsafeAddrOfPinnedArrayElement(Object *a, int32_t index)
{
	return (intptr_t)(((RtArray *)a)->data + (size_t)index * a->type->elem_size);
}

/* Array ↔ native memory, n elements from a[index]; `fixed` is the address
 * of a[index] when the caller pinned it, else 0 (then checked here). */
static char *element(Object *a, int32_t index, int32_t n, intptr_t fixed)
{
	if (fixed)
		return (char *)fixed;
	RtArray *arr = (RtArray *)a;
	if (index < 0 || n < 0 || (uintptr_t)index + (uintptr_t)n > arr->length) {
		rt_exc_throw_kind(RT_EXC_ARGRANGE);
		return NULL;
	}
	return (char *)arr->data + (size_t)index * a->type->elem_size;
}

void rt_Marshal_copy_to_unmanaged_fixed(Object *a, int32_t index, intptr_t dst, int32_t n,
					 intptr_t fixed)
{
	char *p = element(a, index, n, fixed);
	if (p)
		memcpy((void *)dst, p, (size_t)n * a->type->elem_size);
}

void rt_Marshal_copy_from_unmanaged_fixed(intptr_t src, int32_t index, Object *a, int32_t n,
					   intptr_t fixed)
{
	char *p = element(a, index, n, fixed);
	if (p)
		memcpy(p, (const void *)src, (size_t)n * a->type->elem_size);
}

/* BSTR: UTF-16 after a 4-byte length in bytes, NUL-terminated; the
 * pointer is to the first character (as Mono's, malloc'd). */
intptr_t rt_Marshal_BufferToBSTR(intptr_t chars, int32_t n)
{
	if (n < 0)
		return 0;
	char *b = malloc(4 + (size_t)n * 2 + 2);
	if (!b)
		rt_gc_throw_oom(NULL);
	uint32_t bytes = (uint32_t)n * 2;
	memcpy(b, &bytes, 4);
	if (chars)
		memcpy(b + 4, (const void *)chars, bytes);
	else
		memset(b + 4, 0, bytes);
	memset(b + 4 + bytes, 0, 2);
	return (intptr_t)(b + 4);
}

void rt_Marshal_FreeBSTR(intptr_t p)
{
	if (p)
		free((char *)p - 4);
}

Object *rt_Marshal_PtrToStringBSTR(intptr_t p)
{
	if (!p)
		return NULL;
	uint32_t bytes;
	memcpy(&bytes, (const char *)p - 4, 4);
	return (Object *)rt_str_from_utf16((const uint16_t *)p, (int32_t)(bytes / 2));
}
