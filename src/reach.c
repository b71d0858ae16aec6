/* reach: see reach.h for the contract.
 *
 * Worklist: reach_method() appends a method once; reach_run() emits each in
 * turn (emit_method), and emitting discovers more. Types record what the
 * code needs of them (TypeNeeds). Virtual calls (RTA): a call site marks
 * its slot (or interface method) called; a constructed type contributes its
 * implementation of every called slot — whichever of the two comes second
 * adds the implementation.
 */
#include "reach.h"
#include "attrs.h"
#include "emit/emit.h"
#include "../runtime/rt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


static const struct { const char *key, *fn, *new_ns, *new_name; } icalls[] = {
#define ICALL(fn, key) { key, #fn, NULL, NULL },
#define ICALL_NEW(fn, key, ns, name) { key, #fn, ns, name },
#define ICALL_DEFAULT(key) { key, NULL, NULL, NULL },
#define REPLACE(fn, key, why) { key, #fn, "", "" },
#define ICALL_UNSUPPORTED(key, why) { key, NULL, "", "" },
#include "../runtime/icalls.def"
#undef ICALL
#undef ICALL_NEW
#undef ICALL_DEFAULT
#undef REPLACE
#undef ICALL_UNSUPPORTED
};

void reach_init(Program *p, Loader *ld, Image *img)
{
	*p = (Program){ .ld = ld, .img = img };
}

void reach_free(Program *p)
{
	for (uint32_t i = 0; i < p->methods.n; i++) {
		MethodState *ms = p->methods.v[i]->user;
		buf_free(&ms->code);
		free(ms->impls.v);
		free(ms->callees.v);
		free(ms->callees_nonnull.v);
		free(ms->callees_this.v);
		free(ms->vcallees.v);
		free(ms->this_callees.v);
		free(ms->loop_callees.v);
	}
	free(p->methods.v), free(p->types.v), free(p->constructed.v);
	free(p->vcalls.v), free(p->literals.v), free(p->missing.v);
	free(p->rva_fields.v), free(p->gvms.v), free(p->made_generics.v);
	free(p->marshal_types.v), free(p->expr_delegates.v);
	free(p->type_args.v), free(p->dlg_targets.v), free(p->type_rules.v);
	free(p->reflected.v), free(p->reflected_props.v), free(p->reflected_events.v);
	*p = (Program){0};
}

MethodState *reach_state(Method *m)
{
	if (!m->user)
		m->user = arena_alloc(ty_arena(), sizeof(MethodState));
	return m->user;
}

TypeState *reach_tstate(Type *t)
{
	if (!t->user)
		t->user = arena_alloc(ty_arena(), sizeof(TypeState));
	return t->user;
}

/* ---- internal calls ---- */
/* "System.String::FastAllocateString(System.Int32)", from the open
 * (uninstantiated) signature. */
const char *reach_icall_key(Method *m)
{
	Type *def = ty_def(m->img, md_owner_of_method(m->img, m->row), NULL, 0);
	Method *open = ty_method(def, m->img, m->row, NULL, 0);
	Buf b = {0};
	buf_printf(&b, "%s::%s(", def->name, m->name);
	for (uint32_t i = 0; i < open->nparams; i++)
		buf_printf(&b, "%s%s", i ? "," : "", open->params[i]->name);
	buf_putc(&b, ')');
	const char *key = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return key;
}

/* The entry of icalls.def for `key`, or -1 (the first, by an index
 * made on the first call: every class-library method asks). */
static int find_icall(const char *key)
{
	static StrIndex index;
	if (!index.n)
		for (size_t i = 0; i < countof(icalls); i++)
			stridx_put(&index, icalls[i].key, (uint32_t)i);
	uint32_t i;
	return stridx_get(&index, key, &i) ? (int)i : -1;
}

/* Internal calls of whole namespaces or classes that cannot work ahead of
 * time: the body throws NotSupportedException. */
static const struct { const char *prefix, *why; } unsupported_prefixes[] = {
	{ "System.Reflection.Emit.", "Reflection.Emit: code made at run time" },
	{ "System.Runtime.Remoting.", "remoting" },
	{ "Mono.Security.Cryptography.KeyPairPersistence::", "key containers" },
	{ "System.Reflection.", "reflection over metadata, which the program does not carry" },
};

static bool unsupported_prefix(const char *key)
{
	for (size_t i = 0; i < countof(unsupported_prefixes); i++)
		if (!strncmp(key, unsupported_prefixes[i].prefix, strlen(unsupported_prefixes[i].prefix)))
			return true;
	return false;
}

/* What an icalls.def entry is (see its header). */
typedef enum EntryKind { E_ICALL, E_NEW, E_DEFAULT, E_REPLACE, E_UNSUPPORTED } EntryKind;

static EntryKind entry_kind(int i)
{
	if (!icalls[i].new_ns)
		return icalls[i].fn ? E_ICALL : E_DEFAULT;
	if (*icalls[i].new_ns)
		return E_NEW;
	return icalls[i].fn ? E_REPLACE : E_UNSUPPORTED;
}

/* Managed methods the runtime calls back once an internal call (or a
 * method of mscorlib) is reached (cgen.c gives rt_known a pointer to
 * each when it is reached). */
static const struct { const char *icall, *ns, *type, *method; } callbacks[] = {
	/* the runtime raises AppDomain.ProcessExit at exit */
	{ "System.AppDomain::add_ProcessExit(System.EventHandler)", "System", "EventHandler", "Invoke" },
	/* and AppDomain.UnhandledException before it reports one */
	{ "System.AppDomain::add_UnhandledException(System.UnhandledExceptionEventHandler)",
	  "System", "UnhandledExceptionEventHandler", "Invoke" },
	{ "System.AppDomain::add_UnhandledException(System.UnhandledExceptionEventHandler)",
	  "System", "UnhandledExceptionEventArgs", ".ctor" },
	/* and Console.CancelKeyPress on SIGINT (icall_console.c) */
	{ "System.Console::add_CancelKeyPress(System.ConsoleCancelEventHandler)",
	  "System", "Console", "DoConsoleCancelEvent" },
	{ "System.Threading.Thread::Thread_internal(System.MulticastDelegate)",
	  "System.Threading", "ThreadStart", "Invoke" },
	{ "System.Threading.Thread::Thread_internal(System.MulticastDelegate)",
	  "System.Threading", "ParameterizedThreadStart", "Invoke" },
	{ "System.Threading.ThreadPool::RequestWorkerThread()",
	  "System.Threading", "_ThreadPoolWaitCallback", "PerformWaitCallback" },
	/* icall_net.c's selector hands a ready job to the managed pool */
	{ "System.IOSelector::Add(System.IntPtr,System.IOSelectorJob)",
	  "System.Threading", "ThreadPool", "UnsafeQueueCustomWorkItem" },
};

/* Internal calls that make types known only at run time, which the
 * runtime can make only if their descriptors exist: once one is reached,
 * every type with a descriptor that `made` maps to such a type gets
 * `needs`. Array.CreateInstance(Type, int) and Enum.GetValues make arrays
 * of enums; Array.CreateInstance with lengths (and lower bounds) any
 * multi-dimensional array type. */
static Type *enum_vector(Type *t)
{
	return t->img && t->kind == TY_STRUCT && ty_info(t)->is_enum ? ty_sz(t) : NULL;
}

static Type *md_array(Type *t) { return t->kind == TY_ARRAY ? t : NULL; }

/* G<>, of an instance G<A> (Type.GetGenericTypeDefinition) */
static Type *generic_def(Type *t)
{
	return t->img && t->ninst && !ty_is_open(t) && t->kind != TY_SZARRAY &&
	       t->kind != TY_ARRAY ? ty_def(t->img, t->row, NULL, 0) : NULL;
}

/* the type a nested type is declared in (Type.DeclaringType,
 * GetNestedTypes), for types not generic */
static Type *enclosing(Type *t)
{
	if (!t->img || !t->row || t->ninst || t->kind == TY_SZARRAY || t->kind == TY_ARRAY ||
	    ty_is_generic_def(t))
		return NULL;
	uint32_t row = md_enclosing(t->img, t->row);
	return row ? ty_def(t->img, row, NULL, 0) : NULL;
}

static const struct {
	const char *icall;
	Type *(*made)(Type *t);
	uint32_t needs;
} made_rules[] = {
	[RULE_ENUM_ARRAYS] = { "System.Array::CreateInstance(System.Type,System.Int32)",
			       enum_vector, TN_DESCRIPTOR | TN_CONSTRUCTED },
	[RULE_MD_ARRAYS] = { "System.Array::CreateInstanceImpl(System.Type,System.Int32[],System.Int32[])",
			     md_array, TN_CONSTRUCTED },
	[RULE_GENERIC_DEFS] = { "System.RuntimeTypeHandle::GetGenericTypeDefinition_impl(System.RuntimeType)",
				generic_def, TN_DESCRIPTOR },
	[RULE_GENERIC_ARGS] = { "System.RuntimeType::GetGenericArgumentsInternal(System.Boolean)",
				NULL, 0 },
	[RULE_DECLARING] = { "System.RuntimeType::get_DeclaringType()", enclosing, TN_DESCRIPTOR },
	[RULE_NESTED] = { "System.RuntimeType::GetNestedTypes_native(System.IntPtr,System.Reflection.BindingFlags,System.RuntimeType/MemberListType)",
			  enclosing, TN_DESCRIPTOR },
};

void reach_table_keys(KeyFn *fn, void *ctx)
{
	for (size_t i = 0; i < countof(icalls); i++)
		fn(ctx, KEY_METHOD, icalls[i].key, "runtime/icalls.def");
	for (size_t i = 0; i < countof(callbacks); i++) {
		char key[256];
		fn(ctx, KEY_METHOD, callbacks[i].icall, "reach.c callbacks");
		snprintf(key, sizeof key, "%s.%s::%s", callbacks[i].ns, callbacks[i].type,
			 callbacks[i].method);
		fn(ctx, KEY_METHOD_NAME, key, "reach.c callbacks");
	}
	for (size_t i = 0; i < countof(made_rules); i++)
		fn(ctx, KEY_METHOD, made_rules[i].icall, "reach.c made_rules");
	emit_subst_keys(fn, ctx);
	emit_feature_keys(fn, ctx);
	emit_reflect_keys(fn, ctx);
}

/* A type got a descriptor: what the rules on make of it. */
static void reflect_args(Program *p, Type *t, Method *why);

static void apply_rules(Program *p, Type *t, Method *why)
{
	/* Type.GetGenericArguments of any instance with a descriptor */
	if (p->rules_on & (1u << RULE_GENERIC_ARGS | 1u << RULE_GENERIC_DEFS))
		reflect_args(p, t, why);
	for (size_t i = 0; i < countof(made_rules); i++) {
		Type *made = p->rules_on & (1u << i) && made_rules[i].made ? made_rules[i].made(t) : NULL;
		if (made)
			reach_type(p, made, made_rules[i].needs, why);
	}
}

/* An internal call was reached: turn its rule on, if it has one. */
static void rule_reached(Program *p, const char *key, Method *why)
{
	for (size_t i = 0; i < countof(made_rules); i++) {
		if (strcmp(key, made_rules[i].icall) || (p->rules_on & (1u << i)))
			continue;
		p->rules_on |= 1u << i;
		for (uint32_t k = 0; k < p->types.n; k++)
			if (reach_tstate(p->types.v[k])->needs & TN_DESCRIPTOR)
				apply_rules(p, p->types.v[k], why);
	}
}

static void reach_callbacks(Program *p, Method *m, const char *key)
{
	static StrIndex named;          /* the icalls with a callback */
	if (!named.n)
		for (size_t i = 0; i < countof(callbacks); i++)
			stridx_put(&named, callbacks[i].icall, (uint32_t)i);
	uint32_t first;
	if (!stridx_get(&named, key, &first))
		return;
	for (size_t i = first; i < countof(callbacks); i++) {
		if (strcmp(callbacks[i].icall, key))
			continue;
		Type *t = ty_corlib_type(callbacks[i].ns, callbacks[i].type);
		Method *cb = ty_find_method(t, callbacks[i].method, -1);
		if (!cb)
			fatal("the class library's %s has no %s", t->name, callbacks[i].method);
		/* a constructor: the runtime makes the object too */
		reach_type(p, t, strcmp(callbacks[i].method, ".ctor") ? TN_DESCRIPTOR :
			   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, m);
		reach_method(p, cb, m, "called by the runtime");
	}
}

/* The type an ICALL_NEW makes: of mscorlib, else of the internal call's
 * own assembly (System.dll's sockets make System.Net.SocketAddress). */
static Type *made_type(Method *m, const char *ns, const char *name)
{
	size_t n = strlen(name);
	if (n > 2 && !strcmp(name + n - 2, "[]"))       /* "Type[]": a vector of it */
		return ty_sz(made_type(m, ns, arena_printf(ty_arena(), "%.*s", (int)(n - 2), name)));
	uint32_t row = ld_find_type(m->img, ns, name);
	if (m->img == ty_corlib || !row)
		return ty_corlib_type(ns, name);
	return ty_def(m->img, row, NULL, 0);
}

/* Internal calls that raise an exception of their own (the runtime
 * makes it through the constructor kept here). */
static const struct { const char *fn; RtExcKind kind; } icall_raises[] = {
	{ "rt_Monitor_Enter", RT_EXC_ARGNULL },
	{ "rt_Monitor_Exit", RT_EXC_ARGNULL },
	{ "rt_RuntimeTypeHandle_GetGenericTypeDefinition_impl", RT_EXC_NOTSUPP },
	{ "rt_RuntimeType_GetGenericArgumentsInternal", RT_EXC_NOTSUPP },
	{ "rt_RuntimeType_GetInterfaces", RT_EXC_NOTSUPP },
	{ "rt_RuntimeType_get_DeclaringType", RT_EXC_NOTSUPP },
	{ "rt_Assembly_GetTypes", RT_EXC_NOTSUPP },
	{ "rt_Assembly_InternalGetType", RT_EXC_TYPELOAD },
	{ "rt_RuntimeHelpers_InitializeArray", RT_EXC_ARG },
	{ "rt_Marshal_SizeOf", RT_EXC_ARG }, { "rt_Marshal_SizeOf", RT_EXC_ARGNULL },
	{ "rt_Marshal_OffsetOf", RT_EXC_ARG }, { "rt_Marshal_OffsetOf", RT_EXC_ARGNULL },
	{ "rt_Marshal_StructureToPtr", RT_EXC_ARG }, { "rt_Marshal_StructureToPtr", RT_EXC_ARGNULL },
	{ "rt_Marshal_PtrToStructure_type", RT_EXC_ARG },
	{ "rt_Marshal_PtrToStructure_type", RT_EXC_ARGNULL },
	{ "rt_Marshal_PtrToStructure_obj", RT_EXC_ARG },
	{ "rt_Marshal_PtrToStructure_obj", RT_EXC_ARGNULL },
	{ "rt_Marshal_DestroyStructure", RT_EXC_ARG },
	{ "rt_Marshal_DestroyStructure", RT_EXC_ARGNULL },
	{ "rt_Array_GetValue", RT_EXC_ARG }, { "rt_Array_SetValue", RT_EXC_ARG },
	{ "rt_RuntimeTypeHandle_GetArrayRank", RT_EXC_ARG },
	{ "rt_Delegate_CreateDelegate_internal", RT_EXC_ARG },
	{ "rt_RuntimeModule_ResolveTypeToken", RT_EXC_NOTSUPP },
	{ "rt_RuntimeModule_ResolveTypeToken", RT_EXC_TYPELOAD },
	{ "rt_RuntimeModule_ResolveTypeToken", RT_EXC_MISSINGMETHOD },
	{ "rt_RuntimeModule_ResolveTypeToken", RT_EXC_MISSINGFIELD },
	{ "rt_RuntimeModule_ResolveMethodToken", RT_EXC_NOTSUPP },
	{ "rt_RuntimeModule_ResolveMethodToken", RT_EXC_TYPELOAD },
	{ "rt_RuntimeModule_ResolveMethodToken", RT_EXC_MISSINGMETHOD },
	{ "rt_RuntimeModule_ResolveMethodToken", RT_EXC_MISSINGFIELD },
	{ "rt_RuntimeModule_ResolveFieldToken", RT_EXC_NOTSUPP },
	{ "rt_RuntimeModule_ResolveFieldToken", RT_EXC_TYPELOAD },
	{ "rt_RuntimeModule_ResolveFieldToken", RT_EXC_MISSINGMETHOD },
	{ "rt_RuntimeModule_ResolveFieldToken", RT_EXC_MISSINGFIELD },
	{ "rt_RuntimeModule_ResolveMemberToken", RT_EXC_NOTSUPP },
	{ "rt_RuntimeModule_ResolveMemberToken", RT_EXC_TYPELOAD },
	{ "rt_RuntimeModule_ResolveMemberToken", RT_EXC_MISSINGMETHOD },
	{ "rt_RuntimeModule_ResolveMemberToken", RT_EXC_MISSINGFIELD },
};

static void icall_needs(Program *p, const char *fn)
{
	for (size_t k = 0; fn && k < countof(icall_raises); k++)
		if (!strcmp(fn, icall_raises[k].fn))
			emit_need_exception(p, icall_raises[k].kind);
}

/* The body of a method named in icalls.def. */
static BodyKind entry_body(Program *p, Method *m, MethodState *ms, int i)
{
	static const RtExcKind replace_raises[] = { RT_EXC_ARGNULL, RT_EXC_ARGRANGE,
						    RT_EXC_ARG, RT_EXC_RANK, RT_EXC_NOTSUPP };
	ms->icall = icalls[i].fn;
	icall_needs(p, icalls[i].fn);
	switch (entry_kind(i)) {
	case E_REPLACE:
		for (size_t k = 0; k < countof(replace_raises); k++)
			emit_need_exception(p, replace_raises[k]);
		return BK_ICALL;
	case E_UNSUPPORTED:
		emit_need_exception(p, RT_EXC_NOTSUPP);
		return BK_UNSUPPORTED;
	case E_DEFAULT:
		return BK_DEFAULT;
	case E_NEW: {
		Type *t = made_type(m, icalls[i].new_ns, icalls[i].new_name);
		Method *c = t->kind == TY_SZARRAY ? NULL : ty_find_method(t, ".ctor", 0);
		reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, m);
		if (c)
			reach_method(p, c, m, "made by the runtime");
		return BK_ICALL;
	}
	case E_ICALL:
		break;
	}
	return BK_ICALL;
}

/* P/Invokes into Windows libraries cannot be linked on this platform; the
 * class library calls them only on paths guarded by a platform test. */
static bool windows_module(const char *module)
{
	static const char *const dlls[] = {
		"kernel32", "user32", "advapi32", "ole32", "oleaut32", "shell32",
		"ws2_32", "ntdll", "iphlpapi", "psapi", "winmm", "secur32", "crypt32",
		"bcrypt", "ncrypt", "version", "winspool.drv", "dbghelp", "mscoree",
		"fusion", "netapi32", "shlwapi", "gdi32", "comctl32", "wininet",
	};
	size_t n = strlen(module);
	if (n > 4 && !strcasecmp(module + n - 4, ".dll"))
		return true;
	if (!strncasecmp(module, "api-ms-win-", 11))
		return true;
	for (size_t i = 0; i < countof(dlls); i++)
		if (!strcasecmp(module, dlls[i]))
			return true;
	return false;
}

static BodyKind pinvoke_kind(Program *p, Method *m)
{
	uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
				TOKEN(T_MethodDef, m->row));
	uint32_t mref = r ? md_get(m->img, T_ImplMap, r, ImplMap_ImportScope) : 0;
	const char *module = mref ? md_string(m->img, md_get(m->img, T_ModuleRef, mref,
								 ModuleRef_Name)) : "";
	if (!windows_module(module)) {
		if (!emit_pinvoke_linked(p, m)) {       /* bound at the first call */
			emit_need_exception(p, RT_EXC_DLLNOTFOUND);
			emit_need_exception(p, RT_EXC_ENTRYPOINT);
			if (!p->dlopen_lib)
				p->dlopen_lib = emit_pinvoke_dlopen_lib(p, m);
		}
		return BK_PINVOKE;
	}
	emit_need_exception(p, RT_EXC_DLLNOTFOUND);
	return BK_NODLL;
}

static BodyKind body_kind(Program *p, Method *m, MethodState *ms)
{
	if (m->flags & MF_ABSTRACT)
		return BK_ABSTRACT;
	/* The class library's methods may be switched off or substituted;
	 * they and any assembly's internalcall methods (System.dll's sockets)
	 * may have an entry in the runtime's table. */
	bool lib = m->img == ty_corlib || emit_in_class_library(m->img);
	bool icall = m->impl_flags & MI_INTERNALCALL;
	if (lib || icall) {
		const char *key = reach_icall_key(m);
		if (lib && emit_feature_off(p, key, &ms->cval))
			return BK_CONST;
		if (lib && (ms->subst = emit_find_subst(p, key)) >= 0)
			return BK_SUBST;
		int i = find_icall(key);
		if (i >= 0 || !icall)
			reach_callbacks(p, m, key);
		if (i >= 0) {
			if (lib)
				rule_reached(p, key, m);
			return entry_body(p, m, ms, i);
		}
	}
	if ((m->impl_flags & MI_INTERNALCALL) && m->img == ty_corlib &&
	    unsupported_prefix(reach_icall_key(m))) {
		emit_need_exception(p, RT_EXC_NOTSUPP);
		return BK_UNSUPPORTED;
	}
	if (m->impl_flags & MI_INTERNALCALL) {
		VEC_PUSH(p->missing, m);
		emit_need_exception(p, RT_EXC_MISSINGMETHOD);
		return BK_MISSING;
	}
	if ((m->impl_flags & MI_CODETYPE) == MI_RUNTIME) {
		if (emit_delegate_body(m->name))
			return BK_DELEGATE;
		emit_need_exception(p, RT_EXC_MISSINGMETHOD);
		return BK_MISSING;
	}
	if (m->flags & MF_PINVOKE)
		return pinvoke_kind(p, m);
	return BK_IL;
}

static bool is_made_def_of(Program *p, Method *m);

static void add_method(Program *p, Method *m, Method *why, const char *reason)
{
	MethodState *ms = reach_state(m);
	if (ms->reason)
		return;
	ms->why = why;
	ms->reason = reason;
	ms->kind = body_kind(p, m, ms);
	ms->index = UINT32_MAX;
	if (ms->kind == BK_ABSTRACT)
		return;
	if (m->has_this)
		reach_type(p, m->owner, TN_LAYOUT, m);
	ms->index = p->methods.n;
	VEC_PUSH(p->methods, m);
	if (m->ninst && !m->spec_of && is_made_def_of(p, m))
		reach_reflect_method(p, m, why);
}

/* Is m an instance of a generic method MakeGenericMethod is called on
 * with arguments not known at build time (Program.made_defs)? */
static bool is_made_def_of(Program *p, Method *m)
{
	for (uint32_t i = 0; i < p->made_defs.n; i++) {
		Method *g = p->made_defs.v[i];
		if (g->img == m->img && g->row == m->row && g->owner == m->owner)
			return true;
	}
	return false;
}

void reach_made_def(Program *p, Method *g, Method *why)
{
	for (uint32_t i = 0; i < p->made_defs.n; i++)
		if (p->made_defs.v[i] == g)
			return;
	VEC_PUSH(p->made_defs, g);
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		if (m->ninst && !m->spec_of && is_made_def_of(p, m))
			reach_reflect_method(p, m, why);
	}
}

void reach_method(Program *p, Method *m, Method *why, const char *reason)
{
	if (p->edge)
		p->edge(p, why, EDGE_CALL, m);
	add_method(p, m, why, reason);
}

/* ---- virtual calls ---- */
Method *reach_slot_root(Method *m)
{
	if (m->ninst || !m->owner->img || m->slot < 0)
		return m;
	TypeInfo *ti = ty_info(m->owner);
	if (ti->is_interface || (uint32_t)m->slot >= ti->nvirt)
		return m;
	return ti->slot_decl[m->slot];
}

/* t has no implementation of interface method m: when a default
 * interface method is ambiguous or re-abstracted, the slot throws what
 * Mono throws (cgen.c writes the function). */
static void slot_fails(Program *p, Type *t, Method *m, MethodState *rs)
{
	Method *abs = NULL;
	if (m->ninst)
		return;
	switch (ty_iface_conflict(t, m, &abs)) {
	case TY_AMBIGUOUS:
		emit_need_exception(p, RT_EXC_AMBIGUOUS);
		break;
	case TY_REABSTRACTED:
		emit_need_exception(p, RT_EXC_ENTRYPOINT);
		break;
	default:
		return;
	}
	rs->fails = true;
}

/* t's implementation of m is reachable; the call of `root` reaches it. */
static void add_impl(Program *p, Type *t, Method *m, Method *root)
{
	Method *impl = ty_resolve_virtual(t, m);
	MethodState *rs = reach_state(root);
	if (!impl) {
		slot_fails(p, t, m, rs);
		return;
	}
	uint32_t k = 0;
	while (k < rs->impls.n && rs->impls.v[k] != impl)
		k++;
	if (k == rs->impls.n)
		VEC_PUSH(rs->impls, impl);
	if (ty_is_valuetype(impl->owner))
		reach_state(impl)->need_unbox = true;
	if (rs->dlg_slot)
		reach_delegate_target(p, impl, reach_state(m)->vcall_why);
	if (reach_state(impl)->reason)
		return;
	add_method(p, impl, reach_state(m)->vcall_why,
		     arena_printf(ty_arena(), "called virtually as %s, and %s is constructed",
				  ty_method_name(m), t->name));
}

static bool applies(Type *t, Method *m)
{
	if (ty_info(m->owner)->is_interface)
		return ty_implements(t, m->owner);
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		t = ty_array;
	return ty_is_subclass(t, m->owner);
}

/* A call of I<A>.M may reach, through generic variance, the implementation
 * of I<B>.M in a type that implements I<B> only, when I<B> is assignable
 * to I<A> (covariance or contravariance over references): add those too
 * (the runtime decides at the call which one applies). I<int> is not an
 * I<long>: adding it made a lone wrong implementation a direct call. */
static void add_variant_impls(Program *p, Type *t, Method *m)
{
	Type *o = m->owner;
	if (!o->ninst || t->kind == TY_SZARRAY || t->kind == TY_ARRAY || !t->img)
		return;
	TypeInfo *oi = ty_info(o), *ti = ty_info(t);
	uint32_t k = 0;
	while (k < oi->nmethods && oi->methods[k] != m)
		k++;
	if (k == oi->nmethods)
		return;
	for (uint32_t i = 0; i < ti->nifaces; i++) {
		Type *f = ti->ifaces[i];
		if (f != o && f->img == o->img && f->row == o->row && ty_variant_to(o, f))
			add_impl(p, t, ty_info(f)->methods[k], m);
	}
}

void reach_default_ctor(Program *p, Type *t, Method *why)
{
	if (ty_is_open(t) || ty_is_generic_def(t))
		return;
	reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	Method *ctor = ty_default_ctor(t);
	if (ctor)
		reach_method(p, ctor, why, "Activator.CreateInstance(typeof(...))");
}

void reach_made_generic(Program *p, Type *open, Type *made, Method *why)
{
	for (uint32_t i = 0; i + 1 < p->made_generics.n; i += 2)
		if (p->made_generics.v[i + 1] == made)
			return;
	reach_type(p, open, TN_DESCRIPTOR, why);
	reach_type(p, made, TN_DESCRIPTOR, why);
	for (uint32_t i = 0; i < made->ninst; i++)
		reach_type(p, made->inst[i], TN_DESCRIPTOR, why);
	VEC_PUSH(p->made_generics, open);
	VEC_PUSH(p->made_generics, made);
}

/* What the runtime's reflection (runtime/reflect.c) makes: MethodInfo and
 * ParameterInfo objects (the latter through the constructor Mono's runtime
 * calls), and the arrays it returns. */
void reach_reflection(Program *p, Method *why)
{
	if (p->reflection_on)
		return;
	p->reflection_on = true;
	static const char *const made[][2] = {
		{ "System.Reflection", "RuntimeMethodInfo" },
		{ "System.Reflection", "RuntimeParameterInfo" },
	};
	for (size_t i = 0; i < countof(made); i++)
		reach_type(p, ty_corlib_type(made[i][0], made[i][1]),
			   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	Type *pinfo = ty_corlib_type("System.Reflection", "RuntimeParameterInfo");
	Method *ctor = ty_find_method(pinfo, ".ctor", 7);
	if (ctor)
		reach_method(p, ctor, why, "made by reflection");
	Type *arrays[] = {
		ty_sz(ty_corlib_type("System.Reflection", "ParameterInfo")),
		ty_sz(ty_corlib_type("System", "Type")),
	};
	for (size_t i = 0; i < countof(arrays); i++)
		reach_type(p, arrays[i], TN_DESCRIPTOR | TN_CONSTRUCTED, why);
	reach_type(p, ty_prim[TY_VOID], TN_DESCRIPTOR, why);
	/* the parameters of array types' methods (runtime/reflect_array.c) */
	reach_type(p, ty_prim[TY_I4], TN_DESCRIPTOR, why);
	reach_type(p, ty_delegate, TN_LAYOUT, why);
	/* DefaultValue without a default: DBNull.Value, or Missing.Value
	 * for [Optional] */
	reach_type(p, ty_corlib_type("System", "DBNull"), TN_DESCRIPTOR | TN_STATICS, why);
	reach_type(p, ty_corlib_type("System.Reflection", "Missing"), TN_DESCRIPTOR | TN_STATICS,
		   why);
}

bool reach_dispatched(Method *m)
{
	if (!(m->flags & MF_VIRTUAL) || (m->flags & MF_FINAL) || ty_is_valuetype(m->owner) ||
	    !m->owner->img)
		return false;
	return !(ty_info(m->owner)->flags & TF_SEALED) || ty_info(m->owner)->is_interface;
}

bool reach_invoke_inits(Method *m)
{
	return m->owner->img && (!m->has_this || !strcmp(m->name, ".ctor")) &&
	       ty_info(m->owner)->cctor && !(ty_info(m->owner)->flags & TF_BEFOREFIELDINIT);
}

bool reach_reflect_open(Method *m)
{
	return ty_is_open(m->owner) || (!m->ninst && ty_method_generic_arity(m));
}

/* An enum of the program's own that reflection reaches as a member's type
 * (PropertyInfo.PropertyType, FieldInfo.FieldType, a parameter, a return,
 * also inside Nullable<> or an array): its named values too, so that
 * p.PropertyType.GetFields() lists them (an option parser's help, an
 * object dumper), as Native AOT keeps an enum's fields with its metadata.
 * Only the program's own enums: constants cost a name each. */
static void reflect_enum_values(Program *p, Type *t, Method *why)
{
	while (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		t = t->elem;
	if (t->img && t->ninst == 1 && ty_info(t)->is_nullable)
		t = t->inst[0];
	if (!t->img || t->ninst || !ty_info(t)->is_enum || t->img == ty_corlib ||
	    emit_in_class_library(t->img))
		return;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nliterals; i++)
		reach_reflect_field(p, ti->literals[i], why);
}

/* A parameter or return type, boxed or unboxed by the invoke thunk. */
static void reach_reflect_type(Program *p, Type *t, Method *why)
{
	if (t->kind == TY_BYREF || t->kind == TY_PTR)
		t = t->elem;
	if (t->kind == TY_PTR || t->kind == TY_FNPTR || ty_is_open(t))
		return;
	reach_type(p, t, ty_is_valuetype(t) ? TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT :
		   TN_DESCRIPTOR, why);
	reflect_enum_values(p, t, why);
}

/* Type.GetGenericArguments of t (ContainsGenericParameters asks), and
 * so on down its arguments (rt_generic_args). */
static void reflect_args(Program *p, Type *t, Method *why)
{
	if (t->elem)
		reflect_args(p, t->elem, why);
	if (!t->ninst || ty_is_open(t) || reach_tstate(t)->reflect_args)
		return;
	reach_tstate(t)->reflect_args = true;
	for (uint32_t i = 0; i < t->ninst; i++) {
		reach_type(p, t->inst[i], TN_DESCRIPTOR, why);
		reflect_args(p, t->inst[i], why);
	}
}

ParamDefault reach_param_default(Method *m, uint32_t i)
{
	enum { PA_HAS_DEFAULT = 0x1000 };
	ParamDefault d = { 0 };
	Image *img = m->img;
	uint32_t row = img ? ty_param_row(m, i + 1) : 0;
	if (!row)
		return d;
	d.flags = md_get(img, T_Param, row, Param_Flags);
	uint32_t c = md_lookup1(img, T_Constant, Constant_Parent, TOKEN(T_Param, row));
	if (!(d.flags & PA_HAS_DEFAULT) || !c)
		return d;
	d.has = true;
	d.value = md_blob(img, md_get(img, T_Constant, c, Constant_Value));
	uint32_t et = md_get(img, T_Constant, c, Constant_Type);
	Type *t = m->params[i];
	if (t->img && ty_info(t)->is_enum)
		d.type = t;
	else if (et >= ET_BOOLEAN && et <= ET_R8)
		d.type = ty_prim[et - ET_BOOLEAN + TY_BOOL];
	else if (et == ET_STRING)
		d.type = ty_string;
	return d;
}

/* Is t decimal or DateTime (or their Nullable), whose default values C#
 * writes as a [DecimalConstant] or [DateTimeConstant] attribute? */
static bool attribute_default(Type *t)
{
	if (t->ninst == 1 && t->img && ty_info(t)->is_nullable)
		t = t->inst[0];
	return t->img && (!strcmp(t->name, "System.Decimal") || !strcmp(t->name, "System.DateTime"));
}

/* What ParameterInfo.DefaultValue gives: the boxes of parameters'
 * default values, string literals; the attributes that hold decimal and
 * DateTime defaults (DefaultValue asks for them). */
static void reach_param_defaults(Program *p, Method *m, Method *why)
{
	for (uint32_t i = 0; i < m->nparams; i++) {
		ParamDefault d = reach_param_default(m, i);
		if (d.type == ty_string)
			reach_literal(p, d.value);
		else if (d.type)
			reach_reflect_type(p, d.type, why);
		if ((d.flags & 0x10) && !d.has && m->img == p->img && attribute_default(m->params[i]))
			attrs_enable(p, why);
	}
}

void reach_reflect_method(Program *p, Method *m, Method *why)
{
	MethodState *ms = reach_state(m);
	if (ms->reflected || (ty_is_open(m->owner) && !ty_is_generic_def(m->owner)))
		return;
	reach_reflection(p, why);
	ms->reflected = true;
	VEC_PUSH(p->reflected, m);
	reach_type(p, m->owner, TN_DESCRIPTOR, why);
	reflect_args(p, m->owner, why);
	if (reach_reflect_open(m))
		return;
	reach_reflect_type(p, m->ret, why);
	for (uint32_t i = 0; i < m->nparams; i++) {
		reach_reflect_type(p, m->params[i], why);
		/* ParameterType of a pointer: the binder reads it (string(char*)) */
		Type *t = m->params[i];
		if (t->kind == TY_PTR && t->elem->kind != TY_FNPTR && !ty_is_open(t))
			reach_indirect(p, t, why);
	}
	/* MethodBase.Invoke boxes a pointer result in a Reflection.Pointer */
	if (m->ret->kind == TY_PTR || m->ret->kind == TY_FNPTR)
		reach_type(p, ty_corlib_type("System.Reflection", "Pointer"),
			   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_param_defaults(p, m, why);
	if (reach_invoke_inits(m))
		reach_type(p, m->owner, TN_DESCRIPTOR | TN_STATICS, why);
	bool ctor = !strcmp(m->name, ".ctor");
	if (ctor) {
		reach_type(p, m->owner, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
		reach_type(p, ty_corlib_type("System.Reflection", "RuntimeConstructorInfo"),
			   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	}
	Method *sc = ctor && m->owner == ty_string ? ty_string_ctor(m) : NULL;
	if (sc)
		reach_method(p, sc, why, "found by reflection (a string constructor)");
	else if (!(m->flags & MF_ABSTRACT))
		reach_method(p, m, why, "found by reflection");
	/* delegate entry points cgen.c writes anyway (cgen_reflect.c) */
	ms->need_sthunk |= !m->has_this;
	ms->need_unbox |= m->has_this && !ctor && ty_is_valuetype(m->owner);
	if (reach_dispatched(m))
		reach_vcall(p, m, why);
}

void reach_reflect_property(Program *p, Type *owner, uint32_t row, Method *why)
{
	for (uint32_t i = 0; i < p->reflected_props.n; i++)
		if (p->reflected_props.v[i].owner == owner && p->reflected_props.v[i].row == row)
			return;
	enum { SEM_SETTER = 1, SEM_GETTER = 2 };
	ReflectedProp rp = { owner, row, NULL, NULL };
	reach_type(p, ty_corlib_type("System.Reflection", "RuntimePropertyInfo"),
		   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_type(p, owner, TN_DESCRIPTOR, why);
	uint32_t first, end;
	md_lookup(owner->img, T_MethodSemantics, MethodSemantics_Association,
		  TOKEN(T_Property, row), &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(owner->img, T_MethodSemantics,
					   MethodSemantics_Association, pos);
		uint32_t sem = md_get(owner->img, T_MethodSemantics, r, MethodSemantics_Semantics);
		uint32_t mrow = md_get(owner->img, T_MethodSemantics, r, MethodSemantics_Method);
		Method *m = ty_method(owner, owner->img, mrow, NULL, 0);
		if (sem & (SEM_GETTER | SEM_SETTER))
			reach_reflect_method(p, m, why);
		if (sem & SEM_GETTER)
			rp.get = m;
		if (sem & SEM_SETTER)
			rp.set = m;
	}
	VEC_PUSH(p->reflected_props, rp);
}

/* An event reflection can find: RuntimeEventInfo, its accessors (found by
 * reflection too: AddEventHandler and RemoveEventHandler invoke them). */
void reach_reflect_event(Program *p, Type *owner, uint32_t row, Method *why)
{
	for (uint32_t i = 0; i < p->reflected_events.n; i++)
		if (p->reflected_events.v[i].owner == owner && p->reflected_events.v[i].row == row)
			return;
	enum { SEM_ADD = 0x8, SEM_REMOVE = 0x10, SEM_FIRE = 0x20 };
	ReflectedEvent re = { owner, row, NULL, NULL, NULL };
	reach_type(p, ty_corlib_type("System.Reflection", "RuntimeEventInfo"),
		   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_type(p, owner, TN_DESCRIPTOR, why);
	uint32_t first, end;
	md_lookup(owner->img, T_MethodSemantics, MethodSemantics_Association,
		  TOKEN(T_Event, row), &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(owner->img, T_MethodSemantics,
					   MethodSemantics_Association, pos);
		uint32_t sem = md_get(owner->img, T_MethodSemantics, r, MethodSemantics_Semantics);
		if (!(sem & (SEM_ADD | SEM_REMOVE | SEM_FIRE)))
			continue;
		uint32_t mrow = md_get(owner->img, T_MethodSemantics, r, MethodSemantics_Method);
		Method *m = ty_method(owner, owner->img, mrow, NULL, 0);
		reach_reflect_method(p, m, why);
		*(sem & SEM_ADD ? &re.add : sem & SEM_REMOVE ? &re.remove : &re.raise) = m;
	}
	VEC_PUSH(p->reflected_events, re);
}

/* A field reflection can find: its owner's layout or statics (and so
 * its static constructor), its type's descriptor, a string constant's
 * literal. */
/* The types of f's custom modifiers (FieldInfo.GetRequiredCustomModifiers)
 * get descriptors; a field has few, if any. */
static void field_mods(Program *p, Field *f, Method *why)
{
	if (!f->img || !f->row)
		return;
	Arena a = {0};
	TypeSig *s = sig_field(f->img, &a, md_get(f->img, T_Field, f->row, Field_Signature));
	Ctx ctx = { f->owner->inst, f->owner->ninst, NULL, 0 };
	for (CustomMod *m = s->mods; m; m = m->next)
		reach_type(p, ty_from_token(f->img, m->type, &ctx), TN_DESCRIPTOR, why);
	arena_free(&a);
}

void reach_reflect_field(Program *p, Field *f, Method *why)
{
	for (uint32_t i = 0; i < p->reflected_fields.n; i++)
		if (p->reflected_fields.v[i] == f)
			return;
	if (ty_is_open(f->owner))
		return;
	VEC_PUSH(p->reflected_fields, f);
	if (f->flags & FIELD_HAS_RVA) {         /* its data: GetValue, FieldHandle */
		VEC_PUSH(p->rva_fields, f);
		reach_type(p, f->type, TN_LAYOUT, why);
	}
	reach_type(p, ty_corlib_type("System.Reflection", "RuntimeFieldInfo"),
		   TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_type(p, f->owner, TN_DESCRIPTOR | TN_LAYOUT |
		   (f->is_static && !f->is_literal ? TN_STATICS : 0), why);
	reflect_args(p, f->owner, why);         /* FieldInfo.GetValue asks */
	reach_type(p, ty_sz(ty_corlib_type("System", "Type")), TN_DESCRIPTOR | TN_CONSTRUCTED, why);
	reach_reflect_type(p, f->type, why);
	field_mods(p, f, why);
	if (f->is_literal && f->type->img && ty_info(f->type)->is_enum)   /* GetRawConstantValue's box */
		reach_reflect_type(p, ty_info(f->type)->underlying, why);
	if (f->is_literal && f->type == ty_string) {
		uint32_t c = md_lookup1(f->img, T_Constant, Constant_Parent, TOKEN(T_Field, f->row));
		if (c)
			reach_literal(p, md_blob(f->img, md_get(f->img, T_Constant, c, Constant_Value)));
	}
}

void reach_vcall(Program *p, Method *m, Method *why)
{
	m = reach_slot_root(m);
	if (p->edge)
		p->edge(p, why, EDGE_VCALL, m);
	MethodState *ms = reach_state(m);
	if (ms->virtual_called)
		return;
	ms->virtual_called = true;
	ms->vcall_why = why;
	VEC_PUSH(p->vcalls, m);
	if (m->ninst) {
		VEC_PUSH(p->gvms, m);
		emit_need_exception(p, RT_EXC_MISSINGMETHOD);  /* the dispatcher's default */
	}
	bool iface = m->owner->img && ty_info(m->owner)->is_interface;
	for (uint32_t i = 0; i < p->constructed.n; i++) {
		if (applies(p->constructed.v[i], m))
			add_impl(p, p->constructed.v[i], m, m);
		if (iface)
			add_variant_impls(p, p->constructed.v[i], m);
	}
}

static void reflect_invoke(Program *p, Type *t, Method *why)
{
	if (!t->img || !ty_info(t)->is_delegate || ty_is_open(t))
		return;
	Method *inv = ty_find_method(t, "Invoke", -1);
	if (inv)
		reach_reflect_method(p, inv, why);
}

void reach_dynamic_invoke(Program *p, Method *why)
{
	if (p->dynamic_invoke)
		return;
	p->dynamic_invoke = true;
	for (uint32_t i = 0; i < p->constructed.n; i++)
		reflect_invoke(p, p->constructed.v[i], why);
}

void reach_assemblies(Program *p, Method *why)
{
	if (p->assemblies)
		return;
	p->assemblies = true;
	/* GetExportedTypes asks whether a nested type's declaring type is public */
	rule_reached(p, made_rules[RULE_DECLARING].icall, why);
	Type *ra = ty_corlib_type("System.Reflection", "RuntimeAssembly");
	reach_type(p, ra, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, why);
	reach_type(p, ty_sz(ty_corlib_type("System", "Type")), TN_DESCRIPTOR | TN_CONSTRUCTED, why);
}

void reach_delegate_target(Program *p, Method *m, Method *why)
{
	MethodState *ms = reach_state(m);
	if (ms->dlg_target)
		return;
	ms->dlg_target = true;
	VEC_PUSH(p->dlg_targets, m);
	if (p->dlg_method)
		reach_reflect_method(p, m, why);
	/* made by ldvirtftn, the delegate calls an override, which
	 * Delegate.Method answers (as Mono does): every implementation of
	 * the slot, now and as types are constructed (add_impl) */
	if (!(m->flags & MF_VIRTUAL))
		return;
	MethodState *rs = reach_state(reach_slot_root(m));
	rs->dlg_slot = true;
	for (uint32_t i = 0; i < rs->impls.n; i++)
		reach_delegate_target(p, rs->impls.v[i], why);
}

void reach_delegate_method(Program *p, Method *why)
{
	if (p->dlg_method)
		return;
	p->dlg_method = true;
	for (uint32_t i = 0; i < p->dlg_targets.n; i++)
		reach_reflect_method(p, p->dlg_targets.v[i], why);
}

static void constructed(Program *p, Type *t, Method *why)
{
	VEC_PUSH(p->constructed, t);
	if (p->dynamic_invoke)
		reflect_invoke(p, t, why);
	TypeInfo *ti = ty_info(t->img ? t : ty_array);        /* arrays: Array's */
	if (ti->finalizer)
		reach_method(p, ti->finalizer, why, "finalizer of a constructed type");
	for (uint32_t i = 0; i < p->vcalls.n; i++) {
		Method *m = p->vcalls.v[i];
		if (applies(t, m))
			add_impl(p, t, m, m);
		if (m->owner->img && ty_info(m->owner)->is_interface)
			add_variant_impls(p, t, m);
	}
}

/* ---- types ---- */
static void needs_of_parts(Program *p, Type *t, uint32_t added, Method *why)
{
	if ((added & TN_DESCRIPTOR) && t->img) {
		TypeInfo *ti = ty_info(t);
		if (ti->base)
			reach_type(p, ti->base, TN_DESCRIPTOR, why);
		for (uint32_t i = 0; i < ti->nifaces; i++)
			reach_type(p, ti->ifaces[i], TN_DESCRIPTOR, why);
		if (ti->is_enum && ti->underlying)
			reach_type(p, ti->underlying, TN_DESCRIPTOR, why);
	}
	if (added & TN_DESCRIPTOR)
		apply_rules(p, t, why);
	if ((added & TN_DESCRIPTOR) && t->elem)
		reach_type(p, t->elem, TN_DESCRIPTOR | TN_LAYOUT, why);
	if ((added & TN_DESCRIPTOR) && (t->kind == TY_SZARRAY || t->kind == TY_ARRAY))
		reach_type(p, ty_array, TN_DESCRIPTOR, why);
	if ((added & TN_LAYOUT) && t->img) {
		TypeInfo *ti = ty_info(t);
		if (ti->base)
			reach_type(p, ti->base, TN_LAYOUT, why);
		for (uint32_t i = 0; i < ti->nfields; i++)
			if (ty_is_valuetype(ti->fields[i]->type))
				reach_type(p, ti->fields[i]->type, TN_LAYOUT, why);
	}
	if ((added & TN_STATICS) && t->img) {
		TypeInfo *ti = ty_info(t);
		for (uint32_t i = 0; i < ti->nstatics; i++)
			if (ty_is_valuetype(ti->statics[i]->type))
				reach_type(p, ti->statics[i]->type, TN_LAYOUT, why);
		if (ti->cctor)
			reach_method(p, ti->cctor, why, "static constructor");
	}
	if (added & TN_CONSTRUCTED)
		constructed(p, t, why);
}

void reach_indirect(Program *p, Type *t, Method *why)
{
	TypeState *ts = reach_tstate(t);
	if (ts->indirect)
		return;
	ts->indirect = true;
	VEC_PUSH(p->indirect, t);
	if (t->elem->kind == TY_PTR || t->elem->kind == TY_BYREF)
		reach_indirect(p, t->elem, why);
	else
		reach_type(p, t->elem, TN_DESCRIPTOR, why);
}

void reach_type(Program *p, Type *t, uint32_t needs, Method *why)
{
	if (t->kind == TY_BYREF || t->kind == TY_PTR) {
		reach_type(p, t->elem, TN_LAYOUT, why);
		return;
	}
	if (t->kind == TY_VAR || t->kind == TY_MVAR || t->kind == TY_FNPTR)
		return;
	if (p->edge && (needs & TN_STATICS))
		p->edge(p, why, EDGE_STATICS, t);
	if (p->edge && (needs & TN_CONSTRUCTED))
		p->edge(p, why, EDGE_CONSTRUCTED, t);
	TypeState *ts = reach_tstate(t);
	bool first = ts->needs == 0;
	if (first) {
		ts->why = why;
		VEC_PUSH(p->types, t);
	}
	uint32_t added = needs & ~ts->needs;
	if (!added)
		return;
	ts->needs |= added;
	needs_of_parts(p, t, added, why);
	if (p->on_type && (first || (added & TN_CONSTRUCTED)))
		p->on_type(p, t, added, first, why);
}

/* ---- literals ---- */
uint32_t reach_literal(Program *p, Blob s)
{
	for (uint32_t i = 0; i < p->literals.n; i++)
		if (p->literals.v[i].nbytes == s.len &&
		    !memcmp(p->literals.v[i].utf16, s.p, s.len))
			return i;
	Literal l = { s.p, s.len, p->literals.n, "" };
	/* named by its text, not its number, so that code using it is the
	 * same in every program (types.c's stable names); a clash of the
	 * hash moves on to the next. */
	uint64_t h = 14695981039346656037ull;
	for (uint32_t i = 0; i < s.len; i++)
		h = (h ^ s.p[i]) * 1099511628211ull;
	bool clash = true;
	while (clash) {
		snprintf(l.cname, sizeof l.cname, "lit_%016llx", (unsigned long long)h++);
		clash = false;
		for (uint32_t i = 0; i < p->literals.n && !clash; i++)
			clash = !strcmp(p->literals.v[i].cname, l.cname);
	}
	VEC_PUSH(p->literals, l);
	return l.id;
}

const char *reach_literal_name(Program *p, uint32_t id)
{
	return p->literals.v[id].cname;
}

/* ---- the fixed point ---- */
void reach_why(Buf *b, Method *m)
{
	Method *seen[16];
	for (unsigned depth = 0; m && depth < countof(seen); depth++) {
		for (unsigned k = 0; k < depth; k++)
			if (seen[k] == m)
				return;
		seen[depth] = m;
		MethodState *ms = reach_state(m);
		buf_printf(b, "  %s%s%s\n", ty_method_name(m), ms->reason ? ": " : "",
			   ms->reason ? ms->reason : "");
		m = ms->why;
	}
	if (m)
		buf_puts(b, "  ...\n");
}

static void report_missing(Program *p)
{
	Buf b = {0};
	for (uint32_t i = 0; i < p->missing.n; i++) {
		Method *m = p->missing.v[i];
		buf_printf(&b, "ilcc: %s: missing internal call %s\n", m->img->path, reach_icall_key(m));
		if (i < 5 || verbose)
			reach_why(&b, m);
	}
	fputs(b.s, stderr);
	buf_free(&b);
	fatal("%u internal call%s not implemented by the runtime (--allow-missing-icalls"
	      " turns them into MissingMethodException)", p->missing.n,
	      p->missing.n == 1 ? " is" : "s are");
}

/* Emits the methods reached so far and not yet emitted. */
static void drain(Program *p)
{
	while (p->next_work < p->methods.n) {
		Method *m = p->methods.v[p->next_work++];
		if (p->on_reached)
			p->on_reached(p, m);
		emit_method(p, m);
	}
}

/* The core's virtual calls with one implementation among the core's
 * constructed types: that one and a class of the core it is the
 * implementation for, so that cgen.c's M_FNC can call it directly behind
 * a test of the receiver's type, whatever else the program constructs. */
static void core_impls(Program *p, uint32_t from)
{
	for (uint32_t i = from; i < p->vcalls.n; i++) {
		Method *m = p->vcalls.v[i];
		MethodState *ms = reach_state(m);
		if (m->ninst || ms->impls.n != 1)
			continue;
		for (uint32_t c = 0; c < p->constructed.n && !ms->core_type; c++) {
			Type *t = p->constructed.v[c];
			if (t->img && t->kind != TY_SZARRAY && t->kind != TY_ARRAY && applies(t, m) &&
			    ty_resolve_virtual(t, m) == ms->impls.v[0])
				ms->core_type = t;
		}
		if (ms->core_type)
			ms->core_impl = ms->impls.v[0];
	}
}

void reach_core(Program *p)
{
	if (p->ncore_layers == countof(p->core))
		fatal("internal: more than %u layers of the core", (unsigned)countof(p->core));
	p->in_core = true;
	drain(p);
	p->in_core = false;
	core_impls(p, p->ncore_layers ? p->core[p->ncore_layers - 1].vcalls : 0);
	p->core[p->ncore_layers].methods = p->ncore = p->methods.n;
	p->core[p->ncore_layers].constructed = p->constructed.n;
	p->core[p->ncore_layers].vcalls = p->vcalls.n;
	p->ncore_layers++;
}

void reach_run(Program *p)
{
	do
		drain(p);
	while (attrs_scan(p));
	/* closed: what the C's emission still reaches (descriptors of
	 * generic arguments, interfaces) asks no more reflection */
	p->on_type = NULL;
}

void reach_check_missing(Program *p)
{
	if (p->missing.n && !p->allow_missing_icalls)
		report_missing(p);
}

/* ---- where the size comes from ---- */
/* Each method has one parent (its `why`), found before it, so a walk from
 * the last method to the first adds every subtree into its parent. */
static void size_tree_node(Buf *b, Program *p, const uint32_t *parent,
			   const uint64_t *size, uint32_t i, unsigned depth, uint64_t min)
{
	MethodState *ms = reach_state(p->methods.v[i]);
	buf_printf(b, "%*s%6llu KB %s%s%s\n", (int)(2 * depth), "",
		   (unsigned long long)(size[i] + 512) / 1024, ty_method_name(p->methods.v[i]),
		   ms->reason ? ": " : "", ms->reason ? ms->reason : "");
	for (uint32_t c = i + 1; c < p->methods.n; c++)
		if (parent[c] == i && size[c] >= min)
			size_tree_node(b, p, parent, size, c, depth + 1, min);
}

void reach_size_tree(Buf *b, Program *p, unsigned permille)
{
	uint32_t n = p->methods.n;
	uint32_t *parent = calloc(n ? n : 1, sizeof *parent);
	uint64_t *size = calloc(n ? n : 1, sizeof *size);
	for (uint32_t i = 0; i < n; i++) {
		MethodState *ms = reach_state(p->methods.v[i]);
		size[i] = ms->code.len;
		parent[i] = ms->why ? reach_state(ms->why)->index : UINT32_MAX;
		if (parent[i] >= i)
			parent[i] = UINT32_MAX;
	}
	for (uint32_t i = n; i-- > 0;)
		if (parent[i] != UINT32_MAX)
			size[parent[i]] += size[i];
	uint64_t total = 0;
	for (uint32_t i = 0; i < n; i++)
		if (parent[i] == UINT32_MAX)
			total += size[i];
	buf_printf(b, "generated C by reason (subtrees of at least %u.%u%% of %llu KB):\n",
		   permille / 10, permille % 10, (unsigned long long)total / 1024);
	for (uint32_t i = 0; i < n; i++)
		if (parent[i] == UINT32_MAX && size[i] >= total * permille / 1000)
			size_tree_node(b, p, parent, size, i, 1, total * permille / 1000);
	free(parent);
	free(size);
}

/* ---- methods that keep `this` to themselves ---- */
void reach_keeps_this(Program *p)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t i = 0; i < p->methods.n; i++) {
			MethodState *ms = reach_state(p->methods.v[i]);
			for (uint32_t k = 0; ms->keeps_this && k < ms->this_callees.n; k++)
				if (!reach_state(ms->this_callees.v[k])->keeps_this) {
					ms->keeps_this = false;
					changed = true;
				}
		}
	}
}

/* ---- methods that cannot throw ---- */
/* Sets *flag when `from` is set; says whether that changed it. */
static bool spread(bool *flag, bool from)
{
	if (*flag || !from)
		return false;
	*flag = true;
	return true;
}

bool reach_vthrows(Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->fails || m->ninst)
		return true;
	for (uint32_t i = 0; i < ms->impls.n; i++) {
		MethodState *is = ms->impls.v[i]->user;
		if (!is || !is->reason || is->kind == BK_ABSTRACT || is->throws)
			return true;
	}
	return false;
}

/* One pass over ms's calls; true if it learnt something. */
static bool throws_from_callees(MethodState *ms)
{
	bool changed = false;
	for (uint32_t k = 0; k < ms->callees.n; k++) {
		MethodState *c = reach_state(ms->callees.v[k]);
		changed |= spread(&ms->throws, c->throws || c->null_this_throws);
	}
	for (uint32_t k = 0; k < ms->callees_nonnull.n; k++)
		changed |= spread(&ms->throws, reach_state(ms->callees_nonnull.v[k])->throws);
	for (uint32_t k = 0; k < ms->callees_this.n; k++) {
		MethodState *c = reach_state(ms->callees_this.v[k]);
		changed |= spread(&ms->throws, c->throws);
		changed |= spread(&ms->null_this_throws, c->null_this_throws);
	}
	for (uint32_t k = 0; k < ms->vcallees.n; k++)
		changed |= spread(&ms->throws, reach_vthrows(ms->vcallees.v[k]));
	return changed;
}

void reach_no_throw(Program *p)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t i = 0; i < p->methods.n; i++)
			changed |= throws_from_callees(reach_state(p->methods.v[i]));
	}
}
