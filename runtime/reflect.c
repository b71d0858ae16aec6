/* Reflection over the methods the compiler kept for it (rt_methods[]:
 * those named by Type.GetMethod("name") on a typeof the compiler saw;
 * src/emit/il2c_reflect.c), and the properties (rt_properties[]) and
 * fields (rt_fields[]) kept the same way. Mono's managed reflection code runs on top:
 * these are the internal calls it makes, over RtMethod instead of Mono's
 * MonoMethod. A MethodInfo is one RuntimeMethodInfo object per RtMethod
 * (its mhandle); ParameterInfos come from Mono's runtime constructor.
 * What the compiler did not keep is not found (GetMethod returns null),
 * as in .NET's Native AOT.
 */
#include "internal.h"
#include "rt_ops.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* System.Reflection.BindingFlags, MemberListType (Mono's RuntimeType) */
enum {
	BF_IGNORE_CASE = 0x1, BF_DECLARED_ONLY = 0x2, BF_INSTANCE = 0x4, BF_STATIC = 0x8,
	BF_PUBLIC = 0x10, BF_NONPUBLIC = 0x20, BF_FLATTEN = 0x40,
	ML_CASE_INSENSITIVE = 2,
	MA_ACCESS = 0x7, MA_PRIVATE = 0x1, MA_PUBLIC = 0x6, MA_STATIC = 0x10,
	MA_VIRTUAL = 0x40, MA_NEWSLOT = 0x100, MA_RTSPECIAL = 0x1000,
	CC_STANDARD = 1, CC_VARARGS = 2, CC_HASTHIS = 0x20,
};

/* ---- MethodInfo objects ---- */
static Object **method_objs;    /* GC memory, per rt_methods[] entry */
static pthread_mutex_t objs_lock = PTHREAD_MUTEX_INITIALIZER;

static bool is_ctor(const RtMethod *m) { return !strcmp(m->name, ".ctor"); }

/* A RuntimeMethodInfo's or RuntimeConstructorInfo's RtMethod. */
static const RtMethod *method_of(Object *mi)
{
	if (!mi)
		return NULL;
	bool ctor = rt_known.ctor_info_type && mi->type == rt_known.ctor_info_type;
	return *(const RtMethod **)((char *)mi + (ctor ? rt_known.ci_handle_off :
						   rt_known.mi_handle_off));
}

static Object *type_obj(const RtType *t)
{
	return rt_Type_internal_from_handle((intptr_t)t);
}

/* The reflection object of entry i of a table of n entries (one per
 * entry, made on first use): a t whose fields at offsets ha and hb hold a
 * and b. NULL if it cannot be made. */
static Object *cached(Object ***objs, uint32_t n, size_t i, const RtType *t,
		      uint32_t ha, const void *a, uint32_t hb, const void *b)
{
	pthread_mutex_lock(&objs_lock);
	if (!*objs)
		*objs = rt_gc_alloc_raw(n * sizeof **objs, false);
	Object *o = *objs ? (*objs)[i] : NULL;
	if (!o && *objs && (o = rt_gc_alloc(t)) != NULL) {
		*(const void **)((char *)o + ha) = a;
		*(const void **)((char *)o + hb) = b;
		(*objs)[i] = o;
	}
	pthread_mutex_unlock(&objs_lock);
	return o;
}

/* The object in *slot (GC memory), made as `cached` makes them. */
static Object *cached_in(Object **slot, const RtType *t, uint32_t ha, const void *a,
			 uint32_t hb, const void *b)
{
	pthread_mutex_lock(&objs_lock);
	Object *o = *slot;
	if (!o && (o = rt_gc_alloc(t)) != NULL) {
		*(const void **)((char *)o + ha) = a;
		*(const void **)((char *)o + hb) = b;
		*slot = o;
	}
	pthread_mutex_unlock(&objs_lock);
	return o;
}

static Object *method_object(const RtMethod *m)
{
	if (!m)
		return NULL;
	bool ctor = is_ctor(m);
	const RtType *t = ctor ? rt_known.ctor_info_type : rt_known.method_info_type;
	uint32_t ha = ctor ? rt_known.ci_handle_off : rt_known.mi_handle_off;
	uint32_t hb = ctor ? rt_known.ci_reftype_off : rt_known.mi_reftype_off;
	if (m->flags & RT_M_ARRAY)
		return t ? cached_in(rt_array_method_slot(m), t, ha, m, hb, type_obj(m->owner)) : NULL;
	return cached(&method_objs, rt_nmethods, (size_t)(m - rt_methods), t, ha, m, hb,
		      type_obj(m->owner));
}

Object *rt_reflect_method_at(uint32_t k)
{
	return method_object(&rt_methods[k]);
}

Object *rt_reflect_method_in(const RtMethod *m, Object **slot)
{
	bool ctor = is_ctor(m);
	const RtType *t = ctor ? rt_known.ctor_info_type : rt_known.method_info_type;
	return t ? cached_in(slot, t, ctor ? rt_known.ci_handle_off : rt_known.mi_handle_off, m,
			     ctor ? rt_known.ci_reftype_off : rt_known.mi_reftype_off,
			     type_obj(m->owner)) : NULL;
}

const RtMethod *rt_reflect_method_of(Object *mi)
{
	return method_of(mi);
}

/* ---- values in and out of objects ---- */
static Object *box(const RtType *t, const char *p, size_t size)
{
	Object *o = rt_gc_alloc(t);
	if (o)
		memcpy(rt_unbox_ptr(o), p, size);
	return o;
}

/* A Nullable<T> is its hasValue flag first, its value last. */
Object *rt_reflect_box(const RtType *t, const void *p)
{
	if (!(t->flags & RT_T_VALUETYPE))
		return *(Object *const *)p;
	if (!(t->flags & RT_T_NULLABLE))
		return box(t, p, t->size);
	if (!*(const uint8_t *)p)
		return NULL;
	return box(t->elem, (const char *)p + (t->size - t->elem->size), t->elem->size);
}

void rt_reflect_unbox(const RtType *t, Object *o, void *dst)
{
	memset(dst, 0, t->size);
	if (!o)
		return;
	if (!(t->flags & RT_T_NULLABLE)) {
		memcpy(dst, rt_unbox_ptr(o), t->size);
		return;
	}
	*(uint8_t *)dst = 1;
	memcpy((char *)dst + (t->size - t->elem->size), rt_unbox_ptr(o), t->elem->size);
}

/* System.Reflection.Pointer boxes an address in its first field. */
void *rt_reflect_pointer(Object *o)
{
	return o ? *(void **)rt_unbox_ptr(o) : NULL;
}

/* ---- RuntimeType: finding methods ---- */
typedef struct PtrArray {       /* Mono.RuntimeStructs.GPtrArray */
	const void **data;
	int32_t len;
} PtrArray;

/* Static members of bases are found only when the search is flattened. */
static bool binds_kind(bool is_static, const RtType *klass, const RtType *start, int32_t flags)
{
	if (is_static)
		return (flags & BF_STATIC) && ((flags & BF_FLATTEN) || klass == start);
	return flags & BF_INSTANCE;
}

/* Does m, declared by `klass`, pass the BindingFlags of a search that
 * started at `start` (Mono's rules: private methods of bases and their
 * statics, unless flattened, are not seen)? */
static bool binds_attrs(uint32_t attrs, const RtType *klass, const RtType *start, int32_t flags)
{
	if ((attrs & MA_ACCESS) == MA_PUBLIC) {
		if (!(flags & BF_PUBLIC))
			return false;
	} else if (!(flags & BF_NONPUBLIC) ||
		   (klass != start && (attrs & MA_ACCESS) == MA_PRIVATE)) {
		return false;
	}
	return binds_kind(attrs & MA_STATIC, klass, start, flags);
}

static bool binds(const RtMethod *m, const RtType *klass, const RtType *start, int32_t flags)
{
	return !(m->attrs & MA_RTSPECIAL) && binds_attrs(m->attrs, klass, start, flags);
}

static bool same_signature(const RtMethod *a, const RtMethod *b)
{
	bool same = !strcmp(a->name, b->name) && a->nparams == b->nparams;
	for (uint32_t k = 0; same && k < a->nparams; k++)
		same = a->params[k] == b->params[k];
	return same;
}

/* Does d override m (a virtual method of a base with its signature)? */
static bool overrides(const RtMethod *d, const RtMethod *m)
{
	return (d->attrs & MA_VIRTUAL) && !(d->attrs & MA_NEWSLOT) && (m->attrs & MA_VIRTUAL) &&
	       same_signature(d, m);
}

/* MethodInfo.GetBaseDefinition (definition) and the method a virtual one
 * overrides in its base (not): up the bases, among the methods kept, the
 * one m overrides, as Mono's mono_method_get_base_method; m itself when
 * it is not virtual, starts its slot, or overrides nothing kept
 * (Attribute.GetCustomAttributes of a parameter asks, ParamArray). */
Object *rt_RuntimeMethodInfo_get_base_method(Object *mi, bool definition)
{
	const RtMethod *m = method_of(mi), *cur = m;
	while (cur && (cur->attrs & MA_VIRTUAL) && !(cur->attrs & MA_NEWSLOT)) {
		const RtMethod *up = NULL;
		for (const RtType *k = cur->owner->base; k && !up; k = k->base)
			for (uint32_t i = 0; i < rt_nmethods && !up; i++)
				if (rt_methods[i].owner == k && overrides(cur, &rt_methods[i]))
					up = &rt_methods[i];
		if (!up)
			break;
		cur = up;
		if (!definition)
			break;
	}
	return cur == m ? mi : method_object(cur);
}

/* Is m overridden by a method already found? Mono reports only the most
 * derived. */
static bool overridden(const RtMethod *m, const PtrArray *found)
{
	for (int32_t i = 0; i < found->len; i++)
		if (overrides(found->data[i], m))
			return true;
	return false;
}

static void push(PtrArray *a, const void *p)
{
	const void **grown = realloc(a->data, (size_t)(a->len + 1) * sizeof *grown);
	if (!grown)
		rt_fatal("out of memory");
	a->data = grown;
	a->data[a->len++] = p;
}

static PtrArray *new_ptr_array(void)
{
	PtrArray *a = calloc(1, sizeof *a);
	if (!a)
		rt_fatal("out of memory");
	return a;
}

/* Does `name` match what a search by name (NULL: any) asks? */
static bool name_matches(const char *want, const char *name, int32_t flags, int32_t list)
{
	if (!want)
		return true;
	bool nocase = (flags & BF_IGNORE_CASE) || list == ML_CASE_INSENSITIVE;
	return !(nocase ? strcasecmp(want, name) : strcmp(want, name));
}

/* A search from `start` up: the next class to look in. */
static const RtType *next_class(const RtType *k, int32_t flags)
{
	return (flags & BF_DECLARED_ONLY) ? NULL : k->base;
}

intptr_t rt_RuntimeType_GetMethodsByName_native(Object *self, intptr_t name, int32_t flags,
						 int32_t list)
{
	const RtType *start = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (const RtType *k = start; k; k = next_class(k, flags)) {
		for (uint32_t i = 0; i < rt_nmethods; i++) {
			const RtMethod *m = &rt_methods[i];
			/* instances of generic methods come from MakeGenericMethod */
			if (m->owner != k || (m->flags & RT_M_GENERIC) || is_ctor(m) ||
			    !binds(m, k, start, flags) || overridden(m, a))
				continue;
			if (!name_matches((const char *)name, m->name, flags, list))
				continue;
			push(a, m);
		}
	}
	const RtMethod *am;
	uint32_t n = rt_array_methods(start, &am);
	for (uint32_t i = 0; i < n; i++)
		if (!is_ctor(&am[i]) && binds(&am[i], start, start, flags) &&
		    name_matches((const char *)name, am[i].name, flags, list))
			push(a, &am[i]);
	return (intptr_t)a;
}

static bool ctor_binds(const RtMethod *m, int32_t flags)
{
	bool pub = (m->attrs & MA_ACCESS) == MA_PUBLIC;
	return (flags & BF_INSTANCE) && (flags & (pub ? BF_PUBLIC : BF_NONPUBLIC));
}

/* Type.GetConstructors: the instance constructors kept (Mono's
 * BindingFlags rules; static constructors are never found). */
intptr_t rt_RuntimeType_GetConstructors_native(Object *self, int32_t flags)
{
	const RtType *t = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (uint32_t i = 0; i < rt_nmethods; i++) {
		const RtMethod *m = &rt_methods[i];
		if (m->owner == t && is_ctor(m) && ctor_binds(m, flags))
			push(a, m);
	}
	const RtMethod *am;
	uint32_t n = rt_array_methods(t, &am);
	for (uint32_t i = 0; i < n; i++)
		if (is_ctor(&am[i]) && ctor_binds(&am[i], flags))
			push(a, &am[i]);
	return (intptr_t)a;
}

void rt_RuntimeGPtrArrayHandle_GPtrArrayFree(intptr_t p)
{
	PtrArray *a = (PtrArray *)p;
	if (a)
		free(a->data);
	free(a);
}

Object *rt_RuntimeMethodInfo_GetMethodFromHandleInternalType_native(intptr_t m, intptr_t type,
								    bool check)
{
	(void)type, (void)check;
	return method_object((const RtMethod *)m);
}

/* The row of rt_generic_args[] of generic instance t, or NULL. */
const RtGenericArgs *rt_generic_row(const RtType *t)
{
	for (uint32_t i = 0; i < rt_ngeneric_args; i++)
		if (rt_generic_args[i].type == t)
			return &rt_generic_args[i];
	return NULL;
}

/* Type.GetGenericArguments: from the descriptor (variance) or the
 * compiler's list; a type that is not generic has none. */
Object *rt_RuntimeType_GetGenericArgumentsInternal(Object *self, bool runtime_array)
{
	(void)runtime_array;
	const RtType *t = rt_type_of_runtime_type(self);
	uint32_t n = t->nargs;
	const RtType *const *args = t->generic_args;
	const RtGenericArgs *g = args ? NULL : rt_generic_row(t);
	if (g)
		n = g->nargs, args = g->args;
	if (!args && (t->flags & RT_T_GENERIC) && !(t->flags & RT_T_GENERIC_DEF)) {
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep the generic arguments of ",
				    t, ": find a method of it with typeof(...).GetMethod(\"name\")");
		return NULL;
	}
	return rt_reflect_types(args, args ? n : 0);
}

/* Type.GetGenericTypeDefinition (RuntimeType has answered for
 * definitions and non-generic types). */
Object *rt_RuntimeTypeHandle_GetGenericTypeDefinition_impl(Object *type)
{
	const RtType *t = rt_type_of_runtime_type(type);
	if (t->flags & RT_T_GENERIC_DEF)
		return type;
	const RtGenericArgs *g = rt_generic_row(t);
	if (!g || !g->def) {
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep the generic type definition of ",
				    t, "");
		return NULL;
	}
	return type_obj(g->def);
}

static bool has_iface(const RtType *t, const RtType *i)
{
	for (uint32_t k = 0; t && k < t->niface; k++)
		if (t->ifaces[k].iface == i)
			return true;
	return false;
}

/* Type.GetInterfaces: every interface of the descriptor, those a class
 * adds before its base's (Mono's order is that of a hash table; this is
 * often the same). */
Object *rt_RuntimeType_GetInterfaces(Object *self)
{
	const RtType *t = rt_type_of_runtime_type(self);
	const RtType *arr = rt_known.type_array;
	if (!arr) {
		rt_exc_throw_kind(RT_EXC_NOTSUPP);
		return NULL;
	}
	RtArray *a = rt_gc_alloc_array(arr, t->niface);
	uint32_t n = 0;
	for (const RtType *k = t; a && k; k = k->base)
		for (uint32_t i = 0; i < k->niface; i++)
			if (!has_iface(k->base, k->ifaces[i].iface))
				RT_ARRAY_DATA(a, Object *)[n++] = type_obj(k->ifaces[i].iface);
	return (Object *)a;
}

/* "Inner" of "Outer+Inner" */
static const char *simple_name(const RtType *t)
{
	const char *plus = strrchr(t->name, '+');
	return plus ? plus + 1 : t->name;
}

enum { TA_VISIBILITY = 7, TA_NESTED_PUBLIC = 2 };

/* Type.GetNestedTypes (Mono's rules: the type's own nested types, never a
 * base's; public ones with BindingFlags.Public, the others with
 * NonPublic). Only the nested types with a descriptor are there. */
intptr_t rt_RuntimeType_GetNestedTypes_native(Object *self, intptr_t name, int32_t flags,
					       int32_t list)
{
	const RtType *t = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (uint32_t i = 0; i < rt_nnested; i++) {
		const RtType *n = rt_nested[i].type;
		bool pub = (n->attrs & TA_VISIBILITY) == TA_NESTED_PUBLIC;
		if (rt_nested[i].declaring == t && (flags & (pub ? BF_PUBLIC : BF_NONPUBLIC)) &&
		    name_matches((const char *)name, simple_name(n), flags, list))
			push(a, n);
	}
	return (intptr_t)a;
}

/* Type.DeclaringType: null for a type that is not nested (TypeAttributes'
 * visibility NotPublic or Public: int, arrays, pointers). */
Object *rt_RuntimeType_get_DeclaringType(Object *self)
{
	const RtType *t = rt_type_of_runtime_type(self);
	if ((t->attrs & TA_VISIBILITY) < 2)
		return NULL;
	for (uint32_t i = 0; i < rt_nnested; i++)
		if (rt_nested[i].type == t)
			return type_obj(rt_nested[i].declaring);
	rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc does not keep the declaring type of ", t, "");
	return NULL;
}

/* A Type[] of n descriptors. */
Object *rt_reflect_types(const RtType *const *types, uint32_t n)
{
	const RtType *arr = rt_known.type_array;
	if (!arr) {
		rt_exc_throw_kind(RT_EXC_NOTSUPP);
		return NULL;
	}
	RtArray *a = rt_gc_alloc_array(arr, n);
	for (uint32_t i = 0; a && i < n; i++)
		RT_ARRAY_DATA(a, Object *)[i] = type_obj(types[i]);
	return (Object *)a;
}

bool rt_reflect_same_types(RtArray *a, const RtType *const *types, uint32_t n)
{
	bool same = a->length == n;
	for (uint32_t k = 0; same && k < n; k++) {
		Object *t = RT_ARRAY_DATA(a, Object *)[k];
		same = t && rt_type_of_runtime_type(t) == types[k];
	}
	return same;
}

/* ---- MonoMethodInfo, RuntimeMethodInfo ---- */
typedef struct MethodInfoData { /* System.Reflection.MonoMethodInfo */
	Object *parent, *ret;
	int32_t attrs, impl_attrs, callconv;
} MethodInfoData;

void rt_MonoMethodInfo_get_method_info(intptr_t h, char *out)
{
	const RtMethod *m = (const RtMethod *)h;
	MethodInfoData *d = (MethodInfoData *)(void *)out;
	d->parent = type_obj(m->owner);
	d->ret = type_obj(m->ret);
	d->attrs = m->attrs;
	d->impl_attrs = m->impl_attrs;
	d->callconv = (m->flags & RT_M_VARARG ? CC_VARARGS : CC_STANDARD) |
		      (m->attrs & MA_STATIC ? 0 : CC_HASTHIS);
}

int32_t rt_MonoMethodInfo_get_method_attributes(intptr_t h)
{
	return ((const RtMethod *)h)->attrs;
}

Object *rt_MonoMethodInfo_get_parameter_info(intptr_t h, Object *member)
{
	const RtMethod *m = (const RtMethod *)h;
	RtArray *a = rt_gc_alloc_array(rt_known.param_info_array, m->nparams);
	for (uint32_t i = 0; a && i < m->nparams; i++) {
		const RtParam *pi = m->param_info ? &m->param_info[i] : NULL;
		Object *def = pi && pi->has && pi->type ? rt_reflect_box(pi->type, pi->value) : NULL;
		if (rt_pending)
			return NULL;
		RtString *name = m->param_names ? rt_str_from_utf8(m->param_names[i]) : NULL;
		Object *p = rt_known.new_param_info(name,
						    type_obj(m->params[i]), (int32_t)i,
						    pi ? pi->attrs : 0, def, pi && pi->has, member);
		if (!p)
			return NULL;
		RT_ARRAY_DATA(a, Object *)[i] = p;
	}
	return (Object *)a;
}

Object *rt_RuntimeMethodInfo_get_name(Object *mi)
{
	return (Object *)rt_str_from_utf8(method_of(mi)->name);
}

/* A delegate's constructor given a null method pointer: Mono's
 * InternalInvoke refuses it (ArgumentNullException "method"). */
static bool null_delegate_method(const RtMethod *m, RtArray *a)
{
	return (m->owner->flags & RT_T_DELEGATE) && !strcmp(m->name, ".ctor") &&
	       m->nparams == 2 && a && a->length == 2 && RT_ARRAY_DATA(a, Object *)[1] &&
	       !*(intptr_t *)rt_unbox_ptr(RT_ARRAY_DATA(a, Object *)[1]);
}

Object *rt_RuntimeMethodInfo_InternalInvoke(Object *self, Object *target, Object *args,
					    Object **exc)
{
	const RtMethod *m = method_of(self);
	*exc = NULL;
	if (null_delegate_method(m, (RtArray *)args)) {
		rt_exc_throw_arg_null("method");
		return NULL;
	}
	if (!m->invoke && !(m->flags & RT_M_ARRAY)) {
		rt_exc_throw_msg(RT_EXC_INVALIDOP, "Late bound operations cannot be performed on"
				 " types or methods for which ContainsGenericParameters is true.");
		return NULL;
	}
	RtArray *a = (RtArray *)args;
	if (m->flags & RT_M_ARRAY)
		return rt_array_method_invoke(m, target, a ? RT_ARRAY_DATA(a, Object *) : NULL);
	return m->invoke(target, a ? RT_ARRAY_DATA(a, Object *) : NULL);
}

bool rt_RuntimeMethodInfo_get_IsGenericMethod(Object *self)
{
	return method_of(self)->flags & (RT_M_GENERIC | RT_M_GENERIC_DEF);
}

bool rt_RuntimeMethodInfo_get_IsGenericMethodDefinition(Object *self)
{
	return method_of(self)->flags & RT_M_GENERIC_DEF;
}

Object *rt_RuntimeMethodInfo_GetGenericArguments(Object *self)
{
	const RtMethod *m = method_of(self);
	return rt_reflect_types(m->generic_args, m->flags & (RT_M_GENERIC | RT_M_GENERIC_DEF) ?
				m->ngeneric : 0);
}

Object *rt_RuntimeMethodInfo_GetGenericMethodDefinition_impl(Object *self)
{
	const RtMethod *m = method_of(self);
	return method_object(m->flags & RT_M_GENERIC_DEF ? m : m->generic_def);
}

/* MakeGenericMethod: an instance the compiler made (the arguments were
 * known where it was called). */
Object *rt_RuntimeMethodInfo_MakeGenericMethod_impl(Object *self, Object *types)
{
	const RtMethod *def = method_of(self);
	RtArray *a = (RtArray *)types;
	for (uint32_t i = 0; a && i < rt_nmethods; i++) {
		const RtMethod *m = &rt_methods[i];
		if (m->generic_def == def && rt_reflect_same_types(a, m->generic_args, m->ngeneric))
			return method_object(m);
	}
	for (uint32_t i = 0; a && i < rt_nrefused_methods; i++) {
		const RtRefusedMethod *r = &rt_refused_methods[i];
		if (r->def == def && rt_reflect_same_types(a, r->args, r->nargs)) {
			rt_exc_throw_msg(RT_EXC_ARG, "Invalid generic arguments");
			return NULL;
		}
	}
	char msg[256];
	snprintf(msg, sizeof msg, "ilcc did not make %s over these arguments ahead of time:"
		 " MakeGenericMethod over types the build did not see (warning ILCC1003)",
		 def->name);
	rt_exc_throw_msg(RT_EXC_NOTSUPP, msg);
	return NULL;
}

/* ---- Delegate.CreateDelegate ---- */
/* Mono's managed code has checked the signatures; what is left is which
 * entry: a target for a static method is its first argument (closed),
 * and an instance method without one takes `this` from the arguments
 * (open). */
/* What a virtual m resolves to on an object of type t, as far as
 * reflection describes the overrides (Delegate.Method says which). */
static const RtMethod *most_derived(const RtMethod *m, const RtType *t)
{
	if (!(m->attrs & MA_VIRTUAL))
		return m;
	for (; t && t != m->owner; t = t->base)
		for (uint32_t i = 0; i < rt_nmethods; i++) {
			const RtMethod *d = &rt_methods[i];
			if (d->owner == t && overrides(d, m))
				return d;
		}
	return m;
}

static const RtMethod *invoke_of(const RtType *d)
{
	for (uint32_t i = 0; i < rt_nmethods; i++)
		if (rt_methods[i].owner == d && !strcmp(rt_methods[i].name, "Invoke"))
			return &rt_methods[i];
	return NULL;
}

Object *rt_delegate_invoke_info(Object *dlg)
{
	const RtMethod *inv = invoke_of(dlg->type);
	if (!inv)
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep the Invoke method of ",
				    dlg->type, " for DynamicInvoke");
	return inv ? method_object(inv) : NULL;
}

/* Interpreter.MakeDelegate (lib/IlccExpr.cs): the compiled lambda. */
Object *rt_Interpreter_MakeDelegate(Object *type, Object *closure)
{
	const RtType *t = rt_type_of_runtime_type(type);
	Object *d = t ? rt_expr_delegate_new(t, closure) : NULL;
	if (!d && !rt_pending && t)
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc made no expression-tree delegate of type ",
				    t, " (the program makes no Expression<T> of it)");
	return d;
}

bool rt_type_is_nullable(Object *type)
{
	const RtType *t = type ? rt_type_of_runtime_type(type) : NULL;
	return t && (t->flags & RT_T_NULLABLE);
}

/* Type.MakeArrayType(): the vector type, when the program has it
 * (Expression.NewArrayInit asks); other ranks are not kept */
Object *rt_RuntimeType_make_array_type(Object *self, int32_t rank)
{
	const RtType *t = rt_type_of_runtime_type(self);
	if (!rank && t->array_of)
		return type_obj(t->array_of);
	rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep an array type of ", t,
			    ": the program makes no such array");
	return NULL;
}

int32_t rt_RuntimeTypeHandle_GetArrayRank(Object *type)
{
	const RtType *t = rt_type_of_runtime_type(type);
	if (!(t->flags & RT_T_ARRAY)) {
		rt_exc_throw_msg(RT_EXC_ARG, "Type must be an array type");
		return 0;
	}
	return t->rank ? t->rank : 1;
}

const RtField *rt_field_handle(const RtType *owner, const char *name)
{
	for (uint32_t i = 0; i < rt_nfields; i++)
		if (rt_fields[i].owner == owner && !strcmp(rt_fields[i].name, name))
			return &rt_fields[i];
	return NULL;
}

Object *rt_nullable_underlying(Object *type)
{
	if (!type) {
		rt_exc_throw_msg(RT_EXC_ARGNULL, "nullableType");
		return NULL;
	}
	const RtType *t = rt_type_of_runtime_type(type);
	return t && (t->flags & RT_T_NULLABLE) && t->elem ? type_obj(t->elem) : NULL;
}

Object *rt_expr_create_lambda(Object *type, Object *body, Object *name, uint8_t tail,
			      Object *params)
{
	const RtType *t = rt_type_of_runtime_type(type);
	Object *l = t ? rt_expr_lambda_new(t, body, name, tail, params) : NULL;
	if (!l && !rt_pending && t)
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc made no Expression<T> of delegate type ",
				    t, " (name it with Expression.Lambda<T>)");
	return l;
}

/* The method a delegate calls, from its own field or its code pointer. */
static const RtMethod *delegate_method(Object *dlg)
{
	const RtMethod *m = *(const RtMethod **)((char *)dlg + rt_known.dlg_method_off);
	void *fn = *(void **)((char *)dlg + rt_known.dlg_ptr_off);
	for (uint32_t i = 0; !m && fn && i < rt_nmethods; i++)
		if (rt_methods[i].fn == fn || rt_methods[i].open_fn == fn || rt_methods[i].entry == fn)
			m = &rt_methods[i];
	return m;
}

Object *rt_delegate_method_info(Object *dlg)
{
	if (!rt_known.method_info_type)
		return NULL;    /* no method kept for reflection: the offsets are unset */
	const RtMethod *m = delegate_method(dlg);
	return m ? method_object(m) : NULL;
}

/* (ldvirtftn and CreateDelegate over a MethodInfo may reach one method
 * through different code pointers: delegate12) */
bool rt_delegate_same_method(Object *a, Object *b)
{
	if (!rt_known.method_info_type)
		return false;
	const RtMethod *m = delegate_method(a);
	return m && m == delegate_method(b);
}

/* What a delegate over a method of an open generic type calls, whatever
 * its signature (the arguments are left unread and the result, with the
 * exception pending, is never read). */
static void open_method_called(void)
{
	rt_exc_throw_msg(RT_EXC_INVALIDOP, "Late bound operations cannot be performed on types"
			 " or methods for which ContainsGenericParameters is true.");
}

Object *rt_Delegate_CreateDelegate_internal(Object *type, Object *target, Object *mi,
					    bool throw_on_fail)
{
	(void)throw_on_fail;
	const RtType *t = rt_type_of_runtime_type(type);
	const RtMethod *m = method_of(mi);
	bool open_owner = m->owner && (m->owner->flags & RT_T_GENERIC_DEF) &&
			  !(m->flags & RT_M_GENERIC_DEF);
	if (open_owner && t->nvirt) {
		/* a method of an open generic type: Mono makes the delegate, and
		 * calling it throws */
		Object *d = rt_gc_alloc(t);
		if (d) {
			*(const void **)((char *)d + rt_known.dlg_method_off) = m;
			*(void **)((char *)d + rt_known.dlg_ptr_off) = (void *)open_method_called;
			*(Object **)((char *)d + rt_known.dlg_target_off) = target;
		}
		return d;
	}
	if (!m->open_fn) {
		rt_exc_throw_msg(RT_EXC_ARG, "ilcc cannot bind a delegate to a generic method"
				 " definition");
		return NULL;
	}
	if (!t->nvirt) {
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep the delegate type ", t,
				    ": name it with typeof at the CreateDelegate call");
		return NULL;
	}
	bool closed = target != NULL;
	bool is_static = m->attrs & MA_STATIC;
	const RtMethod *inv = invoke_of(t);
	if (inv)        /* the arguments say, whatever the target */
		closed = is_static ? inv->nparams + 1 == m->nparams : inv->nparams == m->nparams;
	if (closed && !is_static && target)
		m = most_derived(m, target->type);
	Object *d = rt_gc_alloc(t);
	if (!d)
		return NULL;
	char *base = (char *)d;
	*(const void **)(base + rt_known.dlg_method_off) = m;
	/* closed over the most derived method: its own code, as ldvirtftn
	 * stores it (one pointer for one method: Equals, GetHashCode) */
	*(void **)(base + rt_known.dlg_ptr_off) = !closed ? m->open_fn : m->entry ? m->entry : m->fn;
	*(Object **)(base + rt_known.dlg_target_off) = closed ? target : NULL;
	return d;
}

/* ---- properties ---- */
static Object **property_objs;  /* GC memory, per rt_properties[] entry */

/* (The first lookup's type is its ReflectedType for good.) */
static Object *property_object(const RtProperty *pr, const RtType *reflected)
{
	return cached(&property_objs, rt_nproperties, (size_t)(pr - rt_properties),
		      rt_known.property_info_type, rt_known.pi_prop_off, pr,
		      rt_known.pi_klass_off, reflected ? reflected : pr->owner);
}

Object *rt_reflect_property_of_setter(const RtMethod *set)
{
	for (uint32_t i = 0; set && i < rt_nproperties; i++)
		if (rt_properties[i].set == set)
			return property_object(&rt_properties[i], NULL);
	return NULL;
}

static const RtProperty *property_of(Object *pi)
{
	return *(const RtProperty **)((char *)pi + rt_known.pi_prop_off);
}

static bool accessor_public(const RtMethod *m)
{
	return m && (m->attrs & MA_ACCESS) == MA_PUBLIC;
}

/* Mono's rules: public if an accessor is; a base's private accessors do
 * not count; static ones of bases only flattened. */
static bool property_binds(const RtProperty *pr, const RtType *klass, const RtType *start,
			   int32_t flags)
{
	const RtMethod *m = pr->get ? pr->get : pr->set;
	bool pub = accessor_public(pr->get) || accessor_public(pr->set);
	if (pub && !(flags & BF_PUBLIC))
		return false;
	if (!pub) {
		bool seen = false;
		for (int k = 0; k < 2; k++) {
			const RtMethod *a = k ? pr->set : pr->get;
			seen |= a && (klass == start || (a->attrs & MA_ACCESS) != MA_PRIVATE);
		}
		if (!(flags & BF_NONPUBLIC) || !seen)
			return false;
	}
	return binds_kind(m && (m->attrs & MA_STATIC), klass, start, flags);
}

/* The index parameters of a property: its getter's, or its setter's but
 * the value. */
static uint32_t indexes(const RtProperty *pr, const RtType *const **types)
{
	if (pr->get) {
		*types = pr->get->params;
		return pr->get->nparams;
	}
	*types = pr->set ? pr->set->params : NULL;
	return pr->set && pr->set->nparams ? pr->set->nparams - 1 : 0;
}

/* Same name and index parameters (indexers "Item" differ by these). */
static bool same_indexes(const RtProperty *a, const RtProperty *b)
{
	const RtType *const *ta, *const *tb;
	uint32_t na = indexes(a, &ta), nb = indexes(b, &tb);
	bool same = !strcmp(a->name, b->name) && na == nb;
	for (uint32_t k = 0; same && k < na; k++)
		same = ta[k] == tb[k];
	return same;
}

intptr_t rt_RuntimeType_GetPropertiesByName_native(Object *self, intptr_t name, int32_t flags,
						    int32_t list)
{
	const RtType *start = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (const RtType *k = start; k; k = next_class(k, flags)) {
		for (uint32_t i = 0; i < rt_nproperties; i++) {
			const RtProperty *pr = &rt_properties[i];
			if (pr->owner != k || !property_binds(pr, k, start, flags))
				continue;
			if (!name_matches((const char *)name, pr->name, flags, list))
				continue;
			bool hidden = false;    /* by a derived one of the same name and indexes */
			for (int32_t j = 0; j < a->len; j++)
				hidden |= same_indexes(a->data[j], pr);
			if (!hidden)
				push(a, pr);
		}
	}
	return (intptr_t)a;
}

Object *rt_RuntimePropertyInfo_internal_from_handle_type(intptr_t prop, intptr_t type)
{
	return property_object((const RtProperty *)prop, (const RtType *)type);
}

int32_t rt_RuntimePropertyInfo_get_metadata_token(Object *prop)
{
	return (int32_t)property_of(prop)->token;
}

typedef struct PropertyInfoData {       /* System.Reflection.MonoPropertyInfo */
	Object *parent, *declaring_type, *name, *get_method, *set_method;
	int32_t attrs;
} PropertyInfoData;

void rt_RuntimePropertyInfo_get_property_info(Object *prop, char *out, int32_t req)
{
	(void)req;
	const RtProperty *pr = property_of(prop);
	PropertyInfoData *d = (PropertyInfoData *)(void *)out;
	d->parent = type_obj(*(const RtType **)((char *)prop + rt_known.pi_klass_off));
	d->declaring_type = type_obj(pr->owner);
	d->name = (Object *)rt_str_from_utf8(pr->name);
	d->get_method = method_object(pr->get);
	d->set_method = method_object(pr->set);
	d->attrs = (int32_t)pr->attrs;
}

/* ---- events ---- */
static Object **event_objs;     /* GC memory, per rt_events[] entry */

/* Mono's list: the type's events, then its bases' but for those whose
 * first accessor is private or missing, hidden by name; the binding
 * flags are applied by the managed caller. */
intptr_t rt_RuntimeType_GetEvents_native(Object *self, intptr_t name, int32_t list)
{
	const RtType *start = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (const RtType *k = start; k; k = k->base)
		for (uint32_t i = 0; i < rt_nevents; i++) {
			const RtEvent *ev = &rt_events[i];
			const RtMethod *m = ev->add ? ev->add : ev->remove ? ev->remove : ev->raise;
			if (ev->owner != k || !name_matches((const char *)name, ev->name, 0, list))
				continue;
			if (k != start && (!m || (m->attrs & MA_ACCESS) == MA_PRIVATE))
				continue;
			bool hidden = false;
			for (int32_t j = 0; j < a->len; j++)
				hidden |= !strcmp(((const RtEvent *)a->data[j])->name, ev->name);
			if (!hidden)
				push(a, ev);
		}
	return (intptr_t)a;
}

/* One EventInfo per event as its declaring type sees it; a new one each
 * time seen from a derived type (its ReflectedType: the binding flags
 * tell inherited statics by it). */
Object *rt_EventInfo_internal_from_handle_type(intptr_t event, intptr_t type)
{
	const RtEvent *ev = (const RtEvent *)event;
	const RtType *seen = type ? (const RtType *)type : ev->owner;
	if (seen == ev->owner)
		return cached(&event_objs, rt_nevents, (size_t)(ev - rt_events),
			      rt_known.event_info_type, rt_known.ei_handle_off, ev,
			      rt_known.ei_klass_off, seen);
	Object *o = rt_gc_alloc(rt_known.event_info_type);
	if (o) {
		*(const RtEvent **)((char *)o + rt_known.ei_handle_off) = ev;
		*(const RtType **)((char *)o + rt_known.ei_klass_off) = seen;
	}
	return o;
}

typedef struct EventInfoData {  /* System.Reflection.MonoEventInfo */
	Object *declaring_type, *reflected_type, *name, *add_method, *remove_method, *raise_method;
	int32_t attrs;
	Object *other_methods;
} EventInfoData;

void rt_RuntimeEventInfo_get_event_info(Object *ev, char *out)
{
	const RtEvent *e = *(const RtEvent **)((char *)ev + rt_known.ei_handle_off);
	EventInfoData *d = (EventInfoData *)(void *)out;
	d->declaring_type = type_obj(e->owner);
	d->reflected_type = type_obj(*(const RtType **)((char *)ev + rt_known.ei_klass_off));
	d->name = (Object *)rt_str_from_utf8(e->name);
	d->add_method = method_object(e->add);
	d->remove_method = method_object(e->remove);
	d->raise_method = method_object(e->raise);
	d->attrs = (int32_t)e->attrs;
	d->other_methods = NULL;
}

/* ---- fields ---- */
/* FieldAttributes share MethodAttributes' access and static bits. */
enum { FA_LITERAL = 0x40 };

static Object **field_objs;     /* GC memory, per rt_fields[] entry */

intptr_t rt_RuntimeType_GetFields_native(Object *self, intptr_t name, int32_t flags, int32_t list)
{
	const RtType *start = rt_type_of_runtime_type(self);
	PtrArray *a = new_ptr_array();
	for (const RtType *k = start; k; k = next_class(k, flags))
		for (uint32_t i = 0; i < rt_nfields; i++) {
			const RtField *fd = &rt_fields[i];
			if (fd->owner == k && binds_attrs(fd->attrs, k, start, flags) &&
			    name_matches((const char *)name, fd->name, flags, list))
				push(a, fd);
		}
	return (intptr_t)a;
}

/* A RuntimeFieldInfo as Mono's runtime makes it: klass (the first
 * lookup's type is its ReflectedType for good), fhandle, name, type,
 * attrs. */
Object *rt_FieldInfo_internal_from_handle_type(intptr_t field, intptr_t type)
{
	const RtField *fd = (const RtField *)field;
	Object *o = cached(&field_objs, rt_nfields, (size_t)(fd - rt_fields),
			   rt_known.field_info_type, rt_known.fi_handle_off, fd,
			   rt_known.fi_klass_off, type ? (const RtType *)type : fd->owner);
	if (!o)
		return NULL;
	char *base = (char *)o;
	if (*(Object **)(base + rt_known.fi_name_off))
		return o;               /* filled on first use */
	Object *n = (Object *)rt_str_from_utf8(fd->name);
	if (!n)
		return NULL;
	*(Object **)(base + rt_known.fi_type_off) = fd->type ? type_obj(fd->type) : NULL;
	*(int32_t *)(base + rt_known.fi_attrs_off) = (int32_t)fd->attrs;
	*(Object **)(base + rt_known.fi_name_off) = n;      /* last: marks it filled */
	return o;
}

static const RtField *field_of(Object *fi)
{
	return *(const RtField **)((char *)fi + rt_known.fi_handle_off);
}

Object *rt_RuntimeFieldInfo_ResolveType(Object *self)
{
	const RtField *fd = field_of(self);
	if (!fd->type)
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc does not describe the type of a field of ",
				    fd->owner, "");
	return fd->type ? type_obj(fd->type) : NULL;
}

/* FieldInfo.GetOptionalCustomModifiers (optional) or
 * GetRequiredCustomModifiers: the types, the last in the signature first
 * as Mono lists them; null (Mono's managed code makes it
 * Type.EmptyTypes) for none. */
Object *rt_RuntimeFieldInfo_GetTypeModifiers(Object *self, bool optional)
{
	const RtField *fd = field_of(self);
	const RtType *v[16];
	uint32_t n = 0;
	for (uint32_t i = rt_nfield_mods; i-- > 0 && n < 16; )
		if (rt_field_mods[i].field == fd && rt_field_mods[i].required != optional &&
		    rt_field_mods[i].type)
			v[n++] = rt_field_mods[i].type;
	return n ? rt_reflect_types(v, n) : NULL;
}

Object *rt_RuntimeFieldInfo_GetParentType(Object *self, bool declaring)
{
	const RtType *klass = *(const RtType **)((char *)self + rt_known.fi_klass_off);
	return type_obj(declaring ? field_of(self)->owner : klass);
}

/* Where the value of fd is (in obj, for an instance field); NULL with an
 * exception pending if it cannot be had. Statics run the owner's static
 * constructor first. */
static void *field_address(const RtField *fd, Object *obj)
{
	if (!fd->type) {
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc does not describe the type of a field of ",
				    fd->owner, "");
		return NULL;
	}
	if (!(fd->attrs & MA_STATIC)) {
		if (!obj) {
			rt_exc_throw_kind(RT_EXC_NULLREF);
			return NULL;
		}
		char *data = (fd->owner->flags & RT_T_VALUETYPE) ? rt_unbox_ptr(obj) : (char *)obj;
		return data + fd->offset;
	}
	if (!(fd->attrs & FA_LITERAL) && fd->owner->init && !rt_init_check(fd->owner->init))
		return NULL;
	return fd->thread_addr ? fd->thread_addr() : fd->addr;
}

Object *rt_RuntimeFieldInfo_GetValueInternal(Object *self, Object *obj)
{
	const RtField *fd = field_of(self);
	void *p = field_address(fd, obj);
	return p ? rt_reflect_box(fd->type, p) : NULL;
}

int32_t rt_RuntimeFieldInfo_get_metadata_token(Object *fi)
{
	return (int32_t)field_of(fi)->token;
}

/* A constant's value as its metadata holds it: an enum's as its
 * underlying number (Mono's); a field that is not a constant throws
 * InvalidOperationException. */
Object *rt_RuntimeFieldInfo_GetRawConstantValue(Object *self)
{
	const RtField *fd = field_of(self);
	if (!(fd->attrs & FA_LITERAL)) {
		rt_exc_throw_kind(RT_EXC_INVALIDOP);
		return NULL;
	}
	void *p = field_address(fd, NULL);
	if (!p)
		return NULL;
	const RtType *t = (fd->type->flags & RT_T_ENUM) ? fd->type->elem : fd->type;
	return rt_reflect_box(t, p);
}

/* Mono's SetValue has refused constants and converted the value. */
void rt_RuntimeFieldInfo_SetValueInternal(Object *fi, Object *obj, Object *value)
{
	const RtField *fd = field_of(fi);
	void *p = field_address(fd, obj);
	if (!p)
		return;
	if (fd->attrs & FA_LITERAL)
		rt_exc_throw_msg(RT_EXC_FIELDACCESS, "Cannot set a constant field");
	else if (fd->type->flags & RT_T_VALUETYPE)
		rt_reflect_unbox(fd->type, value, p);
	else
		*(Object **)p = value;
}

/* TypedReference.MakeTypedReference(target, fields): the address of the
 * last field of a chain (a field of target, then fields of the structs
 * in it); Mono's managed code has checked the chain. */
void rt_TypedReference_InternalMakeTypedReference(intptr_t result, Object *target, Object *flds,
						   Object *last_type)
{
	RtArray *a = (RtArray *)flds;
	char *p = (char *)target;
	for (uintptr_t i = 0; i < a->length; i++) {
		const RtField *fd = RT_ARRAY_DATA(a, const RtField *)[i];
		p = (i == 0 ? (char *)field_address(fd, target) : p + fd->offset);
		if (!p)
			return;
	}
	*(RtTypedRef *)result = (RtTypedRef){ p, rt_type_of_runtime_type(last_type) };
}

/* FieldInfo.SetValueDirect: field of the struct a TypedReference refers to. */
void rt_RuntimeFieldHandle_SetValueDirect(Object *field, Object *field_type, intptr_t tref,
					  Object *value, Object *context)
{
	(void)field_type, (void)context;
	const RtField *fd = field_of(field);
	const RtTypedRef *r = (const RtTypedRef *)tref;
	if (fd->attrs & MA_STATIC) {
		rt_RuntimeFieldInfo_SetValueInternal(field, NULL, value);
		return;
	}
	if (!fd->type) {
		field_address(fd, NULL);        /* the exception about its type */
		return;
	}
	char *p = r->value + fd->offset;
	if (fd->type->flags & RT_T_VALUETYPE)
		rt_reflect_unbox(fd->type, value, p);
	else
		*(Object **)p = value;
}

/* FormatterServices.GetUninitializedObject (serializers): an object of a
 * class the program constructs anyway, fields zero, no constructor run. */
Object *rt_ActivationServices_AllocateUninitializedClassInstance(Object *type)
{
	const RtType *t = rt_type_of_runtime_type(type);
	if (!(t->flags & RT_T_VALUETYPE) && !t->vtable) {
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep ", t,
				    " for construction (keep it with rd.xml or name it with typeof)");
		return NULL;
	}
	return rt_gc_alloc(t);
}

/* ---- Type.GetType by name ---- */
/* Does "Ns.Name" (nested: "Ns.Outer+Inner") name t? */
static bool named(const RtType *t, const char *s, size_t n, bool ignore_case)
{
	size_t nl = strlen(t->ns);
	if (nl) {
		if (n <= nl + 1 || s[nl] != '.' ||
		    (ignore_case ? strncasecmp(s, t->ns, nl) : strncmp(s, t->ns, nl)))
			return false;
		s += nl + 1;
		n -= nl + 1;
	}
	return strlen(t->name) == n && !(ignore_case ? strncasecmp(s, t->name, n) : strncmp(s, t->name, n));
}

/* Whether the build knew the assembly `s` (n bytes; a simple name) */
static bool known_assembly(const char *s, size_t n)
{
	for (const char *const *a = rt_named_assemblies; *a; a++)
		if (strlen(*a) == n && !strncasecmp(*a, s, n))
			return true;
	return false;
}

typedef struct NameBuf {
	char *p;
	size_t len, cap;
	bool bad;                   /* an assembly the build did not know */
} NameBuf;

static void name_put(NameBuf *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = 2 * (o->len + n + 1);
		o->p = realloc(o->p, o->cap);
		if (!o->p)
			rt_fatal("out of memory");
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = 0;
}

/* After a type's name at s, ", Assembly, Version=..." up to `stop`
 * (']' or the end): checked, skipped. */
static const char *skip_assembly(NameBuf *o, const char *s, char stop)
{
	if (*s != ',')
		return s;
	s++;
	while (*s == ' ')
		s++;
	size_t n = strcspn(s, stop ? ",]" : ",");
	while (n && s[n - 1] == ' ')
		n--;
	o->bad |= !known_assembly(s, n);
	return s + strcspn(s, stop ? "]" : "");
}

/* The type name at s in one form: "Ns.G`1[A,B]" for "Ns.G`1[[A, asm],[B,
 * asm]]" or "Ns.G`1[A,B]" (arrays' "[]" kept), into o; the end of it. */
static const char *canon_name(NameBuf *o, const char *s, int depth)
{
	size_t n = strcspn(s, "[],");
	name_put(o, s, n);
	s += n;
	if (*s == '[' && s[1] != ']' && s[1] != ',' && depth < 16) {
		name_put(o, "[", 1);
		for (s++; *s && *s != ']'; ) {
			bool wrapped = *s == '[';
			s = canon_name(o, s + wrapped, depth + 1);
			if (wrapped) {
				s = skip_assembly(o, s, ']');
				s += *s == ']';
			}
			if (*s == ',')
				name_put(o, ",", 1);
			s += *s == ',';
			while (*s == ' ')
				s++;
		}
		name_put(o, "]", 1);
		s += *s == ']';
	}
	while (*s == '[' && (s[1] == ']' || s[1] == ',')) {
		n = strcspn(s, "]") + (s[strcspn(s, "]")] == ']');
		name_put(o, s, n);
		s += n;
	}
	return s;
}

/* t's name as canon_name writes it: a generic instance by its FullName */
static bool instance_named(const RtType *t, const char *want, bool ignore_case)
{
	NameBuf o = {0};
	if (*t->ns) {
		name_put(&o, t->ns, strlen(t->ns));
		name_put(&o, ".", 1);
	}
	canon_name(&o, t->full_name, 0);
	bool same = o.p && !o.bad && !(ignore_case ? strcasecmp(o.p, want) : strcmp(o.p, want));
	free(o.p);
	return same;
}

/* The kept type named by canonical name want (n bytes): a definition, an
 * instance, or an array of one ("T[]", "T[,]": the last suffix is the
 * outermost array); NULL if the build kept none. */
static const RtType *find_named(const char *want, size_t n, bool ignore_case)
{
	if (!want)
		return NULL;
	size_t k = n;
	uint32_t rank = 1;
	if (n > 2 && want[n - 1] == ']') {
		for (k = n - 1; k > 0 && want[k - 1] == ','; k--)
			rank++;
	}
	if (k > 1 && k < n && want[k - 1] == '[') {
		char *elem = malloc(k);
		if (!elem)
			rt_fatal("out of memory");
		memcpy(elem, want, k - 1);
		elem[k - 1] = 0;
		const RtType *e = find_named(elem, k - 1, ignore_case);
		free(elem);
		if (e && want[n - 2] == '[')
			return e->array_of;
		for (uint32_t i = 0; e && i < rt_nnamed_types; i++) {
			const RtType *t = rt_named_types[i];
			if ((t->flags & RT_T_ARRAY) && t->elem == e && t->rank == rank)
				return t;
		}
		return NULL;
	}
	bool generic = strchr(want, '[');
	for (uint32_t i = 0; i < rt_nnamed_types; i++) {
		const RtType *t = rt_named_types[i];
		if (t->full_name ? generic && instance_named(t, want, ignore_case) :
		    !generic && named(t, want, n, ignore_case))
			return t;
	}
	return NULL;
}

Object *rt_RuntimeTypeHandle_internal_from_name(Object *name, char *mark, Object *assembly,
						bool throw_on_error, bool ignore_case, bool reflection_only)
{
	(void)mark, (void)assembly, (void)throw_on_error, (void)reflection_only;
	if (!name)
		return NULL;
	const char *s = rt_str_to_utf8((const RtString *)name);
	NameBuf want = {0};
	skip_assembly(&want, canon_name(&want, s, 0), 0);     /* "Ns.Name, Assembly" */
	const RtType *found = want.bad ? NULL : find_named(want.p, want.len, ignore_case);
	free(want.p);
	return found ? rt_Type_internal_from_handle((intptr_t)found) : NULL;
}

/* ---- assemblies ---- */
static Object **assembly_objs;  /* GC memory, per rt_assemblies[] entry */

static Object *assembly_object(const RtAssembly *a)
{
	if (!a || !rt_known.assembly_type)
		return NULL;
	return cached(&assembly_objs, rt_nassemblies, (size_t)(a - rt_assemblies),
		      rt_known.assembly_type, rt_known.asm_handle_off, a,
		      rt_known.asm_handle_off, a);
}

static const RtAssembly *assembly_of(Object *a)
{
	return a ? *(const RtAssembly **)((char *)a + rt_known.asm_handle_off) : NULL;
}

/* The program's assembly: what Assembly.GetExecutingAssembly gives
 * wherever it is called (a library's code gets the program's too). */
Object *rt_Assembly_GetExecutingAssembly(void)
{
	return rt_nassemblies ? assembly_object(&rt_assemblies[0]) : NULL;
}

Object *rt_Assembly_GetEntryAssembly(void)
{
	return rt_Assembly_GetExecutingAssembly();
}

/* Type.Assembly: that of the type's definition (an array's or pointer's:
 * its element's); null when the program's code asks for no assembly. */
Object *rt_RuntimeTypeHandle_GetAssembly(Object *type)
{
	const RtType *t = type ? rt_type_of_runtime_type(type) : NULL;
	while (t && (t->flags & (RT_T_ARRAY | RT_T_BYREF | RT_T_POINTER)) && t->elem)
		t = t->elem;
	return rt_assembly_find(t);
}

/* The Assembly object of the assembly that lists t, or NULL. */
Object *rt_assembly_find(const RtType *t)
{
	for (uint32_t i = 0; t && i < rt_nassemblies; i++)
		for (uint32_t k = 0; k < rt_assemblies[i].ntypes; k++)
			if (rt_assemblies[i].types[k] == t)
				return assembly_object(&rt_assemblies[i]);
	return NULL;
}

/* The Assembly object of the assembly named `name` (its simple name),
 * the program's if it is not listed. */
Object *rt_assembly_named(const char *name)
{
	for (uint32_t i = 0; name && i < rt_nassemblies; i++)
		if (!strcmp(rt_assemblies[i].name, name))
			return assembly_object(&rt_assemblies[i]);
	return rt_Assembly_GetExecutingAssembly();
}

/* Assembly.GetExecutingAssembly() in a method of t (il2c_calls.c): t's
 * assembly, the program's if t's is not listed. */
Object *rt_assembly_of_type(const RtType *t)
{
	Object *a = rt_assembly_find(t);
	return a ? a : rt_Assembly_GetExecutingAssembly();
}

/* The module of assembly `as` (each of ours has one; it has no
 * attributes): its _impl is the RtAssembly, its Assembly null when the
 * program asks for no assembly objects. One module stands for all types
 * when there are no assemblies (as NULL). */
Object *rt_reflect_module(const RtAssembly *as)
{
	static Object **module_objs;
	static Object *lone;
	const RtType *mt = rt_known.module_type;
	Object *ao = as ? assembly_object(as) : NULL;
	if (!mt)
		return NULL;
	if (!ao) {
		pthread_mutex_lock(&objs_lock);
		if (!lone)
			lone = rt_gc_alloc(mt);
		pthread_mutex_unlock(&objs_lock);
		return lone;
	}
	return cached(&module_objs, rt_nassemblies, (size_t)(as - rt_assemblies), mt,
		      rt_known.mod_impl_off, as, rt_known.mod_assembly_off, ao);
}

/* Type.Module */
Object *rt_RuntimeTypeHandle_GetModule(Object *type)
{
	return rt_reflect_module(assembly_of(rt_RuntimeTypeHandle_GetAssembly(type)));
}

Object *rt_RuntimeAssembly_get_fullname(Object *a)
{
	const RtAssembly *as = assembly_of(a);
	return as ? (Object *)rt_str_from_utf8(as->full_name) : NULL;
}

intptr_t rt_AssemblyName_GetNativeName(intptr_t a)
{
	const RtAssembly *as = (const RtAssembly *)a;
	return as && as->native_name ? (intptr_t)as->native_name() : 0;
}

/* Assembly.CodeBase: the executable's path as a URL ("file:///...") */
Object *rt_RuntimeAssembly_get_code_base(Object *a, bool escaped)
{
	(void)a, (void)escaped;
	char path[4096];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n < 0)
		n = 0;
	path[n] = 0;
	char url[4200];
	snprintf(url, sizeof url, "file://%s", path);
	return (Object *)rt_str_from_utf8(url);
}

Object *rt_RuntimeAssembly_get_EntryPoint(Object *a)
{
	const RtAssembly *as = assembly_of(a);
	return as && as->entry ? method_object(as->entry) : NULL;
}

/* Assembly.Location: "" as in .NET's single-file and Native AOT
 * executables (the assembly is not a file at run time). */
Object *rt_RuntimeAssembly_get_location(Object *a)
{
	(void)a;
	return (Object *)rt_str_from_utf8("");
}

enum { TA_PUBLIC = 1 };

/* A type Assembly.GetTypes lists: a definition, not an instance, array
 * or pointer; exported: public all the way out. */
static bool listed(const RtType *t, bool exported)
{
	if (t->flags & (RT_T_ARRAY | RT_T_BYREF | RT_T_POINTER | RT_T_GENERIC_PARAM))
		return false;
	if ((t->flags & RT_T_GENERIC) && !(t->flags & RT_T_GENERIC_DEF))
		return false;
	if (!exported)
		return true;
	uint32_t v = t->attrs & TA_VISIBILITY;
	if (v == TA_PUBLIC)
		return true;
	if (v != TA_NESTED_PUBLIC)
		return false;
	for (uint32_t i = 0; i < rt_nnested; i++)
		if (rt_nested[i].type == t)
			return listed(rt_nested[i].declaring, true);
	return false;
}

/* Assembly.GetTypes / GetExportedTypes: the assembly's kept types. */
Object *rt_Assembly_GetTypes(Object *self, bool exported)
{
	const RtAssembly *as = assembly_of(self);
	uint32_t n = 0;
	for (uint32_t k = 0; as && k < as->ntypes; k++)
		n += listed(as->types[k], exported);
	const RtType **v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		rt_fatal("out of memory");
	n = 0;
	for (uint32_t k = 0; as && k < as->ntypes; k++)
		if (listed(as->types[k], exported))
			v[n++] = as->types[k];
	Object *r = rt_reflect_types(v, n);
	free(v);
	return r;
}

/* Assembly.GetType("Ns.Name"): among the assembly's kept types. */
Object *rt_Assembly_InternalGetType(Object *self, Object *module, Object *name,
				    bool throw_on_error, bool ignore_case)
{
	(void)module;
	const RtAssembly *as = assembly_of(self);
	if (!name || !as)
		return NULL;
	const char *s = rt_str_to_utf8((const RtString *)name);
	size_t n = strlen(s);
	for (uint32_t k = 0; k < as->ntypes; k++)
		if (listed(as->types[k], false) && named(as->types[k], s, n, ignore_case))
			return type_obj(as->types[k]);
	if (throw_on_error) {
		char msg[512];
		snprintf(msg, sizeof msg, "Could not load type '%s' from assembly '%s'.", s,
			 as->full_name);
		rt_exc_throw_msg(RT_EXC_TYPELOAD, msg);
	}
	return NULL;
}

/* ---- Type.GetInterfaceMap ---- */
static RtArray *method_array(uint32_t n)
{
	return rt_known.method_info_array ? rt_gc_alloc_array(rt_known.method_info_array, n) : NULL;
}

/* The kept method of t or its bases that fills interface slot fn. */
static const RtMethod *slot_target(const RtType *t, void *fn)
{
	for (const RtType *k = t; fn && k; k = k->base)
		for (uint32_t i = 0; i < rt_nmethods; i++)
			if (rt_methods[i].owner == k && rt_methods[i].impl == fn)
				return &rt_methods[i];
	return NULL;
}

/* The interface's methods kept for reflection, in its order, and what
 * implements each in t: the kept method whose code fills the slot (the
 * interface method itself where reflection did not keep the
 * implementation). Mono's managed code checks that t implements iface. */
void rt_RuntimeType_GetInterfaceMapData(Object *t, Object *iface, Object **targets,
					Object **methods)
{
	const RtType *rt = rt_type_of_runtime_type(t), *ri = rt_type_of_runtime_type(iface);
	void *const *slots = rt_type_iface_slots(rt, ri);
	uint32_t n = 0;
	for (uint32_t i = 0; i < rt_nmethods; i++)
		n += rt_methods[i].owner == ri && rt_methods[i].islot >= 0;
	RtArray *ms = method_array(n), *ts = method_array(n);
	if (!ms || !ts)
		return;
	uint32_t k = 0;
	for (int32_t slot = 0; k < n; slot++)
		for (uint32_t i = 0; i < rt_nmethods; i++) {
			const RtMethod *m = &rt_methods[i];
			if (m->owner != ri || m->islot != slot)
				continue;
			const RtMethod *impl = slots ? slot_target(rt, slots[slot]) : NULL;
			RT_ARRAY_DATA(ms, Object *)[k] = method_object(m);
			RT_ARRAY_DATA(ts, Object *)[k++] = method_object(impl ? impl : m);
		}
	*targets = (Object *)ts;
	*methods = (Object *)ms;
}
