/* rt_ops.h: small inline helpers that generated code uses for IL
 * instructions whose C equivalent is undefined or differs from the CLI:
 * float-to-integer conversions, checked conversions, division. Included by
 * generated code after rt.h.
 *
 * Float to integer (conv.i4 etc.) follows what Mono's JIT gives on x86-64:
 * out-of-range and NaN inputs produce the "integer indefinite" value
 * (INT_MIN / INT64_MIN) rather than C's undefined behaviour.
 */
#ifndef ILCC_RT_OPS_H
#define ILCC_RT_OPS_H

#include "rt.h"
#include <math.h>

static inline int32_t rt_f2i4(double v)
{
	return (v > -2147483649.0 && v < 2147483648.0) ? (int32_t)v : INT32_MIN;
}

static inline int64_t rt_f2i8(double v)
{
	return (v >= -9223372036854775808.0 && v < 9223372036854775808.0) ?
		(int64_t)v : INT64_MIN;
}

static inline uint32_t rt_f2u4(double v)
{
	return (uint32_t)rt_f2i8(v);
}

/* As Mono on x86-64: NaN gives 0; from 2^63 up, the value less 2^63
 * converted, plus 2^63 (wrapping, so +infinity gives 0 too). */
static inline uint64_t rt_f2u8(double v)
{
	if (v != v)
		return 0;
	if (v >= 9223372036854775808.0)
		return (uint64_t)rt_f2i8(v - 9223372036854775808.0) + 0x8000000000000000ull;
	return (uint64_t)rt_f2i8(v);
}

static inline double rt_u8tof(uint64_t v) { return (double)v; }

/* Checked float to integer: false when out of range (or NaN). */
static inline bool rt_f_in(double v, double lo, double hi)
{
	return v > lo - 1.0 && v < hi + 1.0;
}

/* Functions with `tail.` calls: gcc turns `return f(...)` into a jump only
 * when optimising with sibling calls, so they are optimised whatever -O
 * says, and with sibling calls even in a program that walks its stack
 * (built with -fno-optimize-sibling-calls: src/build.c). */
#if defined(__GNUC__) && !defined(__clang__)
#define RT_TAILCALLS __attribute__((optimize("O2", "optimize-sibling-calls")))
#else
#define RT_TAILCALLS
#endif

/* [MethodImpl(MethodImplOptions.NoInlining)]: the method stays a call of
 * its own (a frame in stack traces, GetCallingAssembly, tests that count
 * frames), as Mono's JIT keeps it; noipa also keeps gcc from cloning it
 * or using what it knows of its body at the call. */
#if defined(__GNUC__) && !defined(__clang__)
#define RT_NOINLINE __attribute__((noinline, noipa))
#elif defined(__GNUC__)
#define RT_NOINLINE __attribute__((noinline))
#else
#define RT_NOINLINE
#endif

#define RT_THROW(kind, label) do { rt_exc_throw_kind(kind); goto label; } while (0)
#define RT_NULLCHK(x, label) \
	do { if (RT_UNLIKELY((x) == NULL)) RT_THROW(RT_EXC_NULLREF, label); } while (0)
#define RT_PENDING(label) do { if (RT_UNLIKELY(rt_pending != NULL)) goto label; } while (0)
#define RT_BOUNDS(arr, idx, label) \
	do { if (RT_UNLIKELY((uintptr_t)(idx) >= ((RtArray *)(arr))->length)) \
		RT_THROW(RT_EXC_INDEX, label); } while (0)

#define RT_BOUNDS_N(len, idx, label) \
	do { if (RT_UNLIKELY((uintptr_t)(idx) >= (len))) RT_THROW(RT_EXC_INDEX, label); } while (0)
/* The same for an int32 index and a length from rt_vec_len, written as
 * the loop's own test `i < a.Length` is, so that gcc sees it is implied
 * there and drops it (it does not see that through the unsigned form). */
#define RT_BOUNDS_I4(len, idx, label) \
	do { if (RT_UNLIKELY(!((int32_t)(idx) >= 0 && (int32_t)(idx) < (int32_t)(len)))) \
		RT_THROW(RT_EXC_INDEX, label); } while (0)
/* The same inside the body of a counted loop whose test `idx < bound`
 * holds there (src/emit/il2c_loops.c): when bound <= len, idx < len too.
 * That test does not change in the loop, so gcc's loop unswitching makes
 * a copy of the loop without the compare against the length. The empty
 * asm keeps gcc from merging the two tests into one that changes. */
#define RT_BOUNDS_LOOP(len, idx, bound, label) \
	do { if (RT_UNLIKELY((int32_t)(idx) < 0)) RT_THROW(RT_EXC_INDEX, label); \
	     if ((int32_t)(bound) > (int32_t)(len)) { __asm__(""); \
		if (RT_UNLIKELY((int32_t)(idx) >= (int32_t)(len))) RT_THROW(RT_EXC_INDEX, label); } } while (0)

/* The length of vector a, 0 for null (a null test comes before any use
 * that matters). The compiler keeps it in a C local beside each variable
 * that holds a vector, so that gcc knows it does not change when the
 * elements do (stores through a char * may alias the header otherwise).
 * A vector is never longer than INT32_MAX (rt_gc_alloc_array, as Mono):
 * saying so lets gcc drop the bounds check of a loop to `a.Length`. */
static inline uintptr_t rt_vec_len(const Object *a)
{
	uintptr_t n = a ? ((const RtArray *)a)->length : 0;
	if (n > INT32_MAX)
		__builtin_unreachable();
	return n;
}

static inline char *rt_unbox_ptr(Object *o) { return (char *)o + sizeof(Object); }

/* Interface dispatch: the slots of `iface` in t, found inline by identity
 * (the common case), first at `at`, where the compiler found iface in most
 * of the types that implement it; variance and misses go to the runtime. */
static inline void *const *rt_iface(const RtType *t, const RtType *iface, uint32_t at)
{
	const RtIface *f = t->ifaces;
	if (RT_LIKELY(at < t->niface && f[at].iface == iface))
		return f[at].slots;
	for (uint32_t k = 0; k < t->niface; k++)
		if (f[k].iface == iface)
			return f[k].slots;
	return rt_type_iface_slots(t, iface);
}

/* unbox: a boxed enum unboxes as its underlying type and the reverse
 * (as in Mono); otherwise the types must be the same. */
static inline bool rt_unbox_ok(const RtType *have, const RtType *want)
{
	if (have == want)
		return true;
	const RtType *a = (have->flags & RT_T_ENUM) ? have->elem : have;
	const RtType *b = (want->flags & RT_T_ENUM) ? want->elem : want;
	return a == b;
}

#endif
