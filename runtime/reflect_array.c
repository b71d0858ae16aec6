/* reflect_array: the methods every array type has without metadata.
 *
 * An array type T[] (or T[,]...) has no methods of its own in any
 * assembly: the runtime makes them (ECMA-335 II.14.2), and reflection
 * lists them as Mono does: constructors taking each dimension's length
 * (for rank > 1 also one taking lower bound and length pairs; for a
 * vector of vectors one more that makes the inner vectors too), and the
 * public instance methods Get(indices), Address(indices) and
 * Set(indices, value). They are made here on the first Type.GetMethods or
 * GetConstructors of an array type, kept per type (in memory the
 * collector scans, with their reflection objects), and MethodInfo.Invoke
 * of one comes to rt_array_method_invoke instead of a compiled thunk.
 * Requires: the array type's descriptor (rank, elem); System.Int32's in
 * rt_known for the parameters' types (else they are not known).
 */
#include "internal.h"
#include "rt_ops.h"

#include <pthread.h>
#include <string.h>

enum { AM_MAX = 6, MA_PUBLIC = 0x6, MA_SPECIAL = 0x800, MA_RTSPECIAL = 0x1000,
       MI_RUNTIME = 0x3, MI_ICALL = 0x1000 };

typedef struct ArrMethods {
	const RtType *t;
	struct ArrMethods *next;
	uint32_t n;
	RtMethod m[AM_MAX];
	Object *obj[AM_MAX];            /* their reflection objects, once made */
} ArrMethods;

/* GC memory (rt_gc_alloc_raw), reachable from this root */
static ArrMethods *all;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* n parameters of type int32, the last one `last` if not NULL */
static const RtType *const *params(uint32_t n, const RtType *last)
{
	const RtType **p = rt_gc_alloc_raw((n + 1) * sizeof *p, false);
	for (uint32_t i = 0; p && i < n; i++)
		p[i] = i + 1 == n && last ? last : rt_known.int32_type;
	return p;
}

static void add(ArrMethods *am, const char *name, uint32_t nparams, const RtType *ret,
		const RtType *last)
{
	bool ctor = name[0] == '.';
	am->m[am->n++] = (RtMethod){
		.name = name, .owner = am->t, .ret = ret, .nparams = nparams,
		.params = params(nparams, last),
		.attrs = MA_PUBLIC | (ctor ? MA_SPECIAL | MA_RTSPECIAL : 0),
		.impl_attrs = MI_ICALL | (ctor ? 0 : MI_RUNTIME),
		.flags = RT_M_ARRAY, .islot = -1,
	};
}

/* Mono's list, in its order (class-init.c's array methods) */
static ArrMethods *make(const RtType *t)
{
	ArrMethods *am = rt_gc_alloc_raw(sizeof *am, false);
	if (!am)
		return NULL;
	am->t = t;
	const RtType *v = rt_known.void_type;
	add(am, ".ctor", t->rank, v, NULL);
	if (t->rank > 1)
		add(am, ".ctor", 2u * t->rank, v, NULL);
	if ((t->flags & RT_T_SZARRAY) && t->elem && (t->elem->flags & RT_T_ARRAY))
		add(am, ".ctor", 2, v, NULL);
	add(am, "Get", t->rank, t->elem, NULL);
	add(am, "Address", t->rank, t->elem, NULL);
	add(am, "Set", t->rank + 1u, v, t->elem);
	return am;
}

/* t's methods (made on first use); NULL if t is no array */
static ArrMethods *methods_of(const RtType *t)
{
	if (!t || !(t->flags & RT_T_ARRAY))
		return NULL;
	pthread_mutex_lock(&lock);
	ArrMethods *am = all;
	while (am && am->t != t)
		am = am->next;
	if (!am && (am = make(t)) != NULL) {
		am->next = all;
		all = am;
	}
	pthread_mutex_unlock(&lock);
	return am;
}

uint32_t rt_array_methods(const RtType *t, const RtMethod **first)
{
	ArrMethods *am = methods_of(t);
	*first = am ? am->m : NULL;
	return am ? am->n : 0;
}

Object **rt_array_method_slot(const RtMethod *m)
{
	ArrMethods *am = methods_of(m->owner);
	return am ? &am->obj[m - am->m] : NULL;
}

/* the int32 argument i */
static int32_t int_arg(Object **args, uint32_t i)
{
	return *(int32_t *)rt_unbox_ptr(args[i]);
}

/* The element's position from rank indices, or -1 with an exception
 * pending. */
static intptr_t position(RtArray *a, Object **args)
{
	uint32_t rank = a->hdr.type->rank;
	int32_t idx[32];
	for (uint32_t i = 0; i < rank && i < 32; i++)
		idx[i] = int_arg(args, i);
	if (a->bounds)
		return rt_arr_md_index(a, idx);
	if ((uint32_t)idx[0] >= a->length) {
		rt_exc_throw_kind(RT_EXC_INDEX);
		return -1;
	}
	return idx[0];
}

/* new T[n][] with each element a new T[m], as Mono (and .NET) make it */
static Object *new_jagged(const RtType *t, int32_t n, int32_t m)
{
	RtArray *a = rt_gc_alloc_array(t, n);
	for (int32_t i = 0; a && i < n; i++) {
		RtArray *e = rt_gc_alloc_array(t->elem, m);
		if (!e)
			return NULL;
		RT_ARRAY_DATA(a, Object *)[i] = (Object *)e;
	}
	return (Object *)a;
}

static Object *construct(const RtMethod *m, Object **args)
{
	const RtType *t = m->owner;
	int32_t len[32], low[32];
	uint32_t rank = t->rank < 32 ? t->rank : 32;
	if (m->nparams == 2 && (t->flags & RT_T_SZARRAY))
		return new_jagged(t, int_arg(args, 0), int_arg(args, 1));
	if (t->flags & RT_T_SZARRAY)
		return (Object *)rt_gc_alloc_array(t, int_arg(args, 0));
	bool pairs = m->nparams == 2 * t->rank;
	for (uint32_t i = 0; i < rank; i++) {
		low[i] = pairs ? int_arg(args, 2 * i) : 0;
		len[i] = int_arg(args, pairs ? 2 * i + 1 : i);
	}
	return (Object *)rt_gc_alloc_mdarray(t, len, low);
}

Object *rt_array_method_invoke(const RtMethod *m, Object *target, Object **args)
{
	if (m->name[0] == '.')
		return construct(m, args);
	intptr_t pos = position((RtArray *)target, args);
	if (pos < 0)
		return NULL;
	if (!strcmp(m->name, "Set")) {
		rt_Array_SetValueImpl(target, args[m->nparams - 1], (int32_t)pos);
		return NULL;
	}
	return rt_Array_GetValueImpl(target, (int32_t)pos);     /* Get, Address */
}
