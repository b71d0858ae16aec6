/* test.h: what every runtime unit test shares: CHECK, and a hand-made
 * rt_known with the descriptors the runtime itself needs (Object, String,
 * char[], string[], System.Array, and one exception type per RtExcKind,
 * plus TypeInitializationException and InvalidOperationException).
 * Include it once, from the test's only .c file. Tests link with their
 * own main(), which calls rt_proc_start first.
 */
#ifndef TEST_H
#define TEST_H

#include <stdio.h>
#include <stdlib.h>

#include <gc/gc.h>

#include "internal.h"

/* ---- checks ---- */

static int t_checks, t_failed;

#define CHECK(c) do { \
	t_checks++; \
	if (!(c)) { \
		t_failed++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, \
			__LINE__, #c); \
	} \
} while (0)

/* The last line of output, which tests/runtime/run reads. */
static __attribute__((unused)) int t_done(void)
{
	printf("%d checks, %d failed\n", t_checks, t_failed);
	return t_failed != 0;
}

#define NOINLINE __attribute__((noinline))

/* ---- descriptors ---- */

extern RtType t_object, t_array, t_string, t_char, t_char_array,
	t_string_array, t_exception, t_tie, t_invalid_op;

#define DISPLAY(...) ((const RtType *const[]){__VA_ARGS__})

RtType t_object = {
	.ns = "System", .name = "Object", .flags = RT_T_POINTERFREE,
	.size = sizeof(Object), .display = DISPLAY(&t_object),
};
RtType t_array = {
	.ns = "System", .name = "Array",
	.flags = RT_T_POINTERFREE | RT_T_ABSTRACT, .size = sizeof(Object),
	.depth = 1, .display = DISPLAY(&t_object, &t_array), .base = &t_object,
};
RtType t_string = {
	.ns = "System", .name = "String",
	.flags = RT_T_STRING | RT_T_POINTERFREE,
	.size = offsetof(RtString, chars), .elem_size = 2, .depth = 1,
	.display = DISPLAY(&t_object, &t_string), .base = &t_object,
};
RtType t_char = {
	.ns = "System", .name = "Char",
	.flags = RT_T_VALUETYPE | RT_T_PRIMITIVE | RT_T_POINTERFREE,
	.size = 2, .elem_kind = RT_E_CHAR, .base = &t_object,
};
RtType t_char_array = {
	.ns = "System", .name = "Char[]",
	.flags = RT_T_ARRAY | RT_T_SZARRAY | RT_T_POINTERFREE,
	.size = offsetof(RtArray, data), .elem_size = 2, .depth = 1,
	.rank = 1, .elem_kind = RT_E_CHAR,
	.display = DISPLAY(&t_object, &t_array), .base = &t_array,
	.elem = &t_char,
};
RtType t_ulong = { .ns = "System", .name = "UInt64", .flags = RT_T_VALUETYPE, .size = 8 };
RtType t_ulong_array = {
	.ns = "System", .name = "UInt64[]",
	.flags = RT_T_ARRAY | RT_T_SZARRAY | RT_T_POINTERFREE,
	.size = offsetof(RtArray, data), .elem_size = 8, .depth = 1,
	.rank = 1, .elem_kind = RT_E_U8,
	.display = DISPLAY(&t_object, &t_array), .base = &t_array,
	.elem = &t_ulong,
};
RtType t_string_array = {
	.ns = "System", .name = "String[]", .flags = RT_T_ARRAY | RT_T_SZARRAY,
	.size = offsetof(RtArray, data), .elem_size = sizeof(void *),
	.depth = 1, .rank = 1, .elem_kind = RT_E_REF,
	.display = DISPLAY(&t_object, &t_array), .base = &t_array,
	.elem = &t_string,
};

/* An array type over elem, for tests that need more of them. */
static const RtType *const t_array_display[] = {&t_object, &t_array};

static inline RtType t_array_of(const RtType *elem, int kind, uint32_t size,
				int rank, bool vector)
{
	RtType t = {
		.ns = "Test", .name = "Arr",
		.flags = RT_T_ARRAY | (vector ? RT_T_SZARRAY : 0),
		.size = offsetof(RtArray, data), .elem_size = size, .depth = 1,
		.rank = (uint8_t)rank, .elem_kind = (uint8_t)kind,
		.display = t_array_display, .base = &t_array,
		.elem = elem,
	};
	if (kind != RT_E_REF && kind != RT_E_STRUCT)
		t.flags |= RT_T_POINTERFREE;
	return t;
}

/* ---- exceptions: _message, _stackTraceString, _innerException ---- */

typedef struct TExc {
	Object hdr;
	RtString *message;
	RtString *trace;
	Object *inner;
	RtArray *frames;            /* Mono's _stackTrace */
} TExc;

#define T_EXC_TYPE(ns_, name_, self) { \
	.ns = ns_, .name = name_, .size = sizeof(TExc), .depth = 2, \
	.display = DISPLAY(&t_object, &t_exception, self), \
	.base = &t_exception }

RtType t_exception = {
	.ns = "System", .name = "Exception", .size = sizeof(TExc), .depth = 1,
	.display = DISPLAY(&t_object, &t_exception), .base = &t_object,
};
RtType t_tie = T_EXC_TYPE("System", "TypeInitializationException", &t_tie);
RtType t_invalid_op = T_EXC_TYPE("System", "InvalidOperationException",
				 &t_invalid_op);

RtType t_exc_types[RT_EXC_COUNT];
RtType t_exc_types[RT_EXC_COUNT] = {
#define X(id, ns, name) T_EXC_TYPE(ns, name, &t_exc_types[RT_EXC_##id]),
	RT_EXCEPTIONS(X)
#undef X
};

/* Messages as Mono's parameterless constructors set them; the others
 * stay null. */
static const char *t_exc_message(RtExcKind k)
{
	switch (k) {
	case RT_EXC_NULLREF:
		return "Object reference not set to an instance of an object.";
	case RT_EXC_INDEX:
		return "Index was outside the bounds of the array.";
	case RT_EXC_CAST:
		return "Specified cast is not valid.";
	case RT_EXC_SYNCLOCK:
		return "Object synchronization method was called from an "
		       "unsynchronized block of code.";
	default:
		return NULL;
	}
}

static inline Object *t_new_exc(RtType *t, const char *msg, Object *inner)
{
	TExc *e = (TExc *)rt_gc_alloc(t);
	if (!e)
		return NULL;
	e->message = msg ? rt_str_from_utf8(msg) : NULL;
	e->inner = inner;
	return &e->hdr;
}

/* Set to make the next construction of that kind throw OOM instead. */
static bool t_fail_ctor[RT_EXC_COUNT];

#define X(id, ns, name) \
	static Object *t_new_##id(void) { \
		if (t_fail_ctor[RT_EXC_##id]) { \
			t_fail_ctor[RT_EXC_##id] = false; \
			rt_exc_throw_kind(RT_EXC_OOM); \
			return NULL; \
		} \
		return t_new_exc(&t_exc_types[RT_EXC_##id], \
				 t_exc_message(RT_EXC_##id), NULL); \
	}
RT_EXCEPTIONS(X)
#undef X

/* Set to make the next TypeInitializationException's construction throw
 * OutOfMemoryException instead. */
static bool t_fail_type_init;

static Object *t_new_type_init(RtString *type_name, Object *inner)
{
	if (t_fail_type_init) {
		t_fail_type_init = false;
		rt_exc_throw_kind(RT_EXC_OOM);
		return NULL;
	}
	char msg[512], *name = rt_str_to_utf8(type_name);
	snprintf(msg, sizeof msg,
		 "The type initializer for '%s' threw an exception.", name);
	return t_new_exc(&t_tie, msg, inner);
}

/* The message or trace of an exception as UTF-8 ("" for null). */
static inline const char *t_text(RtString *s)
{
	return s ? rt_str_to_utf8(s) : "";
}

static inline TExc *t_exc(Object *o)
{
	return (TExc *)o;
}

#ifndef T_MAIN
#define T_MAIN NULL
#endif

const RtKnown rt_known = {
	.object = &t_object,
	.string = &t_string,
	.char_array = &t_char_array,
	.string_array = &t_string_array,
	.new_exception = {
#define X(id, ns, name) [RT_EXC_##id] = t_new_##id,
		RT_EXCEPTIONS(X)
#undef X
	},
	.new_type_init = t_new_type_init,
	.exc_message_off = offsetof(TExc, message),
	.exc_trace_off = offsetof(TExc, trace),
	.exc_inner_off = offsetof(TExc, inner),
	.exc_frames_off = offsetof(TExc, frames),
	.ulong_array = &t_ulong_array,
	.main = T_MAIN,
};

#endif
