/* Metadata tokens: MemberInfo.MetadataToken, Assembly.GetModules and
 * Module.ResolveMethod, ResolveField, ResolveType and ResolveMember, over
 * rt_tokens[] (src/emit/cgen_reflect.c writes it once the program reaches
 * one of these): the kept types, methods, fields and properties with
 * their tokens, and the TypeRefs and MemberRefs of the program's own
 * assemblies that name nothing, which throw what Mono's loader throws
 * (TypeLoadException, MissingMethodException, MissingFieldException).
 * A token of a member the build did not keep throws NotSupportedException
 * (reflection finds only what the compiler kept, as in Native AOT).
 */
#include "internal.h"

#include <stdio.h>

/* Mono's RuntimeModule.ResolveTokenError */
enum { RTE_OUT_OF_RANGE, RTE_BAD_TABLE, RTE_OTHER };

enum {
	TOK_TYPEREF = 0x01, TOK_TYPEDEF = 0x02, TOK_FIELD = 0x04, TOK_METHOD = 0x06,
	TOK_MEMBERREF = 0x0a, TOK_TYPESPEC = 0x1b, TOK_METHODSPEC = 0x2b,
};

static const RtToken *token_entry(const RtAssembly *as, uint32_t token)
{
	for (uint32_t i = 0; i < rt_ntokens; i++)
		if (rt_tokens[i].token == token && rt_tokens[i].as == as)
			return &rt_tokens[i];
	return NULL;
}

static uint32_t token_of(uint8_t kind, const void *what)
{
	for (uint32_t i = 0; what && i < rt_ntokens; i++)
		if (rt_tokens[i].kind == kind && rt_tokens[i].what == what)
			return rt_tokens[i].token;
	return 0;
}

/* What Module.Resolve* of `token` in module gives: its entry, if it is
 * of one of the kinds (a bit per RT_TOK_ kind) asked; NULL with an
 * exception pending (the one Mono throws for a name that resolves to
 * nothing) or with *error set for Mono's managed code to throw. */
static const RtToken *resolve(intptr_t module, int32_t token, unsigned kinds, int32_t *error)
{
	uint32_t table = (uint32_t)token >> 24;
	*error = RTE_BAD_TABLE;
	const RtToken *e = token_entry((const RtAssembly *)module, (uint32_t)token);
	if (e && e->kind == RT_TOK_MISSING) {
		/* a missing method is no field token, nor a missing field a
		 * method token: ArgumentException, as for any other kind */
		bool asked = e->exc == RT_EXC_MISSINGMETHOD ? kinds >> RT_TOK_METHOD & 1 :
			     e->exc == RT_EXC_MISSINGFIELD ? kinds >> RT_TOK_FIELD & 1 :
			     table == TOK_MEMBERREF || (kinds >> RT_TOK_TYPE & 1);
		if (asked)
			rt_exc_throw_msg((RtExcKind)e->exc, (const char *)e->what);
		return NULL;
	}
	if (e && (kinds >> e->kind & 1))
		return e;
	bool fits = ((kinds >> RT_TOK_TYPE & 1) && (table == TOK_TYPEREF || table == TOK_TYPEDEF ||
						     table == TOK_TYPESPEC)) ||
		    ((kinds >> RT_TOK_METHOD & 1) && (table == TOK_METHOD || table == TOK_METHODSPEC ||
						       table == TOK_MEMBERREF)) ||
		    ((kinds >> RT_TOK_FIELD & 1) && (table == TOK_FIELD || table == TOK_MEMBERREF));
	if (!fits || e)
		return NULL;
	char msg[200];
	snprintf(msg, sizeof msg, "ilcc kept nothing for reflection with the metadata token 0x%08x"
		 " (Module.Resolve* finds only members the program keeps for reflection)",
		 (uint32_t)token);
	rt_exc_throw_msg(RT_EXC_NOTSUPP, msg);
	return NULL;
}

intptr_t rt_RuntimeModule_ResolveTypeToken(intptr_t module, int32_t token, Object *targs,
					   Object *margs, char *error)
{
	(void)targs, (void)margs;
	const RtToken *e = resolve(module, token, 1u << RT_TOK_TYPE, (int32_t *)(void *)error);
	return e ? (intptr_t)e->what : 0;
}

intptr_t rt_RuntimeModule_ResolveMethodToken(intptr_t module, int32_t token, Object *targs,
					     Object *margs, char *error)
{
	(void)targs, (void)margs;
	const RtToken *e = resolve(module, token, 1u << RT_TOK_METHOD, (int32_t *)(void *)error);
	return e ? (intptr_t)e->what : 0;
}

intptr_t rt_RuntimeModule_ResolveFieldToken(intptr_t module, int32_t token, Object *targs,
					    Object *margs, char *error)
{
	(void)targs, (void)margs;
	const RtToken *e = resolve(module, token, 1u << RT_TOK_FIELD, (int32_t *)(void *)error);
	return e ? (intptr_t)e->what : 0;
}

Object *rt_RuntimeModule_ResolveMemberToken(intptr_t module, int32_t token, Object *targs,
					    Object *margs, char *error)
{
	(void)targs, (void)margs;
	unsigned kinds = 1u << RT_TOK_TYPE | 1u << RT_TOK_METHOD | 1u << RT_TOK_FIELD;
	const RtToken *e = resolve(module, token, kinds, (int32_t *)(void *)error);
	if (!e)
		return NULL;
	if (e->kind == RT_TOK_TYPE)
		return rt_Type_internal_from_handle((intptr_t)e->what);
	if (e->kind == RT_TOK_FIELD)
		return rt_FieldInfo_internal_from_handle_type((intptr_t)e->what, 0);
	return rt_reflect_method_at((uint32_t)((const RtMethod *)e->what - rt_methods));
}

/* Assembly.GetModules: its one module */
Object *rt_RuntimeAssembly_GetModulesInternal(Object *self)
{
	const RtAssembly *as = self ? *(const RtAssembly **)((char *)self +
							      rt_known.asm_handle_off) : NULL;
	Object *m = rt_reflect_module(as);
	RtArray *a = m && rt_known.module_array ? rt_gc_alloc_array(rt_known.module_array, 1) : NULL;
	if (a)
		RT_ARRAY_DATA(a, Object *)[0] = m;
	return (Object *)a;
}

/* Module.MetadataToken: the Module table's one row */
int32_t rt_RuntimeModule_get_MetadataToken(Object *module)
{
	(void)module;
	return 1;
}

int32_t rt_RuntimeMethodInfo_get_metadata_token(Object *mi)
{
	return (int32_t)token_of(RT_TOK_METHOD, rt_reflect_method_of(mi));
}

int32_t rt_RuntimeConstructorInfo_get_metadata_token(Object *ci)
{
	return (int32_t)token_of(RT_TOK_METHOD, rt_reflect_method_of(ci));
}

/* FieldInfo's and PropertyInfo's MetadataToken: reflect.c (their token) */

/* Type.MetadataToken: its definition's TypeDef (Mono's rule for generic
 * instances too); 0x02000000 for arrays, pointers and byrefs */
int32_t rt_RuntimeTypeHandle_GetMetadataToken(Object *type)
{
	const RtType *t = rt_type_of_runtime_type(type);
	if (t && (t->flags & (RT_T_ARRAY | RT_T_BYREF | RT_T_POINTER)))
		return TOK_TYPEDEF << 24;
	return (int32_t)token_of(RT_TOK_TYPE, t);
}
