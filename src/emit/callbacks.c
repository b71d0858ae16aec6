/* callbacks: managed delegates handed to C as function pointers.
 *
 * Requires: reach (the delegate types and their Invoke), cgen calling
 * emit_callbacks once every method body is written.
 * Provides: per delegate type that crosses into C (a P/Invoke parameter,
 * or any delegate type of the program's own assemblies whose Invoke is
 * reached when Marshal.GetFunctionPointerForDelegate is), a pool of
 * CALLBACK_SLOTS C functions with the C calling convention, each bound at
 * run time to one live delegate (rt_callback_get, runtime/lib.c). A slot is
 * held by a weak link: it frees itself when the delegate is collected, as
 * .NET's thunk lives as long as its delegate. A call from C converts the
 * arguments as a P/Invoke would in reverse (UTF-8 char * to string, int to
 * bool), attaches a native thread on its first call, invokes the delegate,
 * and reports an exception that escapes as an unhandled one (status 1).
 * The table rt_callback_pools[] lets the runtime find a type's pool.
 */
#include "il2c.h"

#include <string.h>

enum { CALLBACK_SLOTS = 32 };

/* Why t cannot cross between C and a callback, or NULL. */
static const char *not_marshallable(Type *t)
{
	if (t == ty_string || t->kind == TY_BOOL || t->kind == TY_PTR || t->kind == TY_FNPTR)
		return NULL;
	if (t->kind >= TY_CHAR && t->kind <= TY_U)
		return NULL;
	/* a pointer to a number or plain struct: the same bytes both sides */
	if (t->kind == TY_BYREF && t->elem->kind != TY_BOOL && t->elem != ty_string &&
	    !not_marshallable(t->elem))
		return NULL;
	if (t->kind == TY_STRUCT && !t->ninst) {
		TypeInfo *ti = ty_info(t);
		if (ti->is_enum || ti->pointer_free)
			return NULL;
	}
	return t->name;
}

static Method *invoke_of(Type *d)
{
	return ty_find_method(d, "Invoke", -1);
}

/* Why delegate type d cannot be a C function pointer, or NULL. */
static const char *not_callable(Type *d)
{
	Method *inv = invoke_of(d);
	if (!inv)
		return "it has no Invoke method";
	if (ty_is_open(d))
		return "it is an open generic type";
	const char *why = inv->ret->kind == TY_VOID ? NULL : not_marshallable(inv->ret);
	for (uint32_t i = 0; i < inv->nparams && !why; i++)
		why = not_marshallable(inv->params[i]);
	return why ? arena_printf(ty_arena(), "%s cannot cross to C", why) : NULL;
}

/* False once reachability is over (emit_callbacks): nothing new then. */
static bool at_reach = true;

bool emit_callback_need(Program *p, Type *d, Method *why)
{
	for (uint32_t i = 0; i < p->callbacks.n; i++)
		if (p->callbacks.v[i] == d)
			return true;
	if (not_callable(d))
		return false;
	reach_type(p, d, TN_DESCRIPTOR | (at_reach ? TN_CONSTRUCTED | TN_LAYOUT : 0), why);
	if (at_reach)
		reach_type(p, ty_delegate, TN_LAYOUT, why);
	reach_method(p, invoke_of(d), why, "called from C as a function pointer");
	VEC_PUSH(p->callbacks, d);
	return true;
}

const char *emit_callback_refusal(Type *d)
{
	return not_callable(d);
}

/* ---- the code ---- */
bool emit_icall_reached(Program *p, const char *fn)
{
	for (uint32_t i = 0; i < p->methods.n; i++) {
		MethodState *ms = reach_state(p->methods.v[i]);
		if (ms->kind == BK_ICALL && ms->icall && !strcmp(ms->icall, fn))
			return true;
	}
	return false;
}

/* Marshal.GetFunctionPointerForDelegate: the program's own delegate types
 * whose Invoke is reached (the class library's are not made callable). */
static void own_delegates(Program *p)
{
	if (!emit_icall_reached(p, "rt_Marshal_GetFunctionPointerForDelegateInternal"))
		return;
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (t->kind != TY_CLASS || !t->img || t->img == ty_object->img || !ty_info(t)->is_delegate)
			continue;
		Method *inv = invoke_of(t);
		MethodState *ms = inv ? inv->user : NULL;
		TypeState *ts = t->user;
		/* only what reachability has made already: it is over */
		if (ms && ms->reason && ts && (ts->needs & TN_CONSTRUCTED) && !not_callable(t))
			emit_callback_need(p, t, NULL);
	}
}

/* native value a (C type of a P/Invoke) as the managed type t */
static void to_managed(Buf *b, Type *t, const char *a)
{
	if (t == ty_string)
		buf_printf(b, "%s ? (Object *)rt_str_from_utf8(%s) : NULL", a, a);
	else if (t->kind == TY_BOOL)
		buf_printf(b, "%s != 0", a);
	else
		buf_printf(b, "(%s)%s", emit_ctype(t), a);
}

/* managed value a of type t as a P/Invoke passes it */
static void to_native(Buf *b, Type *t, const char *a)
{
	if (t == ty_string)
		buf_printf(b, "%s ? rt_str_to_utf8((RtString *)%s) : NULL", a, a);
	else
		buf_printf(b, "(%s)%s", e_pinvoke_ctype(t), a);
}

static const char *dlg_field(Type *t, const char *obj, const char *name)
{
	Field *fd = e_field(ty_delegate, name);
	return arena_printf(ty_arena(), "((%s *)%s)->%s", emit_struct(fd->owner), obj, fd->cname);
}

/* Marshal.GetDelegateForFunctionPointer: a delegate of type t whose target
 * is itself and whose extra_arg is the C function; its method calls that
 * as a P/Invoke would. */
static void native_invoker(Buf *d, Type *t)
{
	Method *inv = invoke_of(t);
	bool has_ret = inv->ret->kind != TY_VOID;
	const char *rc = has_ret ? e_pinvoke_ret_ctype(inv->ret) : "void";
	buf_printf(d, "static %s %s_native(Object *self", has_ret ? emit_ctype(inv->ret) : "void", t->cname);
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(d, ", %s a%u", emit_ctype(inv->params[i]), i);
	buf_printf(d, ")\n{\n\t%s%s((%s (*)(", has_ret ? rc : "", has_ret ? " r = " : "", rc);
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(d, "%s%s", i ? ", " : "", e_pinvoke_ctype(inv->params[i]));
	buf_printf(d, "%s))%s)(", inv->nparams ? "" : "void", dlg_field(t, "self", "extra_arg"));
	for (uint32_t i = 0; i < inv->nparams; i++) {
		buf_puts(d, i ? ", " : "");
		to_native(d, inv->params[i], arena_printf(ty_arena(), "a%u", i));
	}
	buf_puts(d, ");\n");
	if (inv->ret == ty_string)
		buf_puts(d, "\treturn r ? (Object *)rt_str_from_utf8(r) : NULL;\n");
	else if (inv->ret->kind == TY_BOOL)
		buf_puts(d, "\treturn r != 0;\n");
	else if (has_ret)
		buf_printf(d, "\treturn (%s)r;\n", emit_ctype(inv->ret));
	buf_puts(d, "}\n");
	buf_printf(d, "static Object *%s_from_fnptr(intptr_t fn)\n{\n\tObject *d = rt_gc_alloc(&%s_type);\n"
		   "\tif (!d)\n\t\treturn NULL;\n", t->cname, t->cname);
	buf_printf(d, "\t%s = (intptr_t)&%s_native;\n", dlg_field(t, "d", "method_ptr"), t->cname);
	buf_printf(d, "\t%s = d;\n", dlg_field(t, "d", "m_target"));
	buf_printf(d, "\t%s = fn;\n\treturn d;\n}\n", dlg_field(t, "d", "extra_arg"));
}

static void pool(Buf *d, Type *t)
{
	Method *inv = invoke_of(t);
	bool has_ret = inv->ret->kind != TY_VOID;
	const char *rc = has_ret ? e_pinvoke_ret_ctype(inv->ret) : "void";
	Buf params = {0}, args = {0};
	for (uint32_t i = 0; i < inv->nparams; i++) {
		buf_printf(&params, ", %s a%u", e_pinvoke_ctype(inv->params[i]), i);
		buf_printf(&args, ", a%u", i);
	}
	buf_printf(d, "static uintptr_t %s_cb_links[%u];\n", t->cname, CALLBACK_SLOTS);
	buf_printf(d, "static %s %s_cb_call(uintptr_t link%s)\n{\n\trt_lib_enter();\n"
		   "\tObject *d = (Object *)~link;\n", rc, t->cname, params.s ? params.s : "");
	buf_printf(d, "\t%s%s(d", has_ret ? arena_printf(ty_arena(), "%s r = ", emit_ctype(inv->ret)) :
		   "", inv->cname);
	for (uint32_t i = 0; i < inv->nparams; i++) {
		buf_puts(d, ", ");
		to_managed(d, inv->params[i], arena_printf(ty_arena(), "a%u", i));
	}
	buf_puts(d, ");\n\tif (rt_pending)\n\t\trt_exc_unhandled();\n");
	if (inv->ret == ty_string)
		buf_puts(d, "\treturn r ? rt_str_to_utf8((RtString *)r) : NULL;\n");
	else if (inv->ret->kind == TY_BOOL)
		buf_puts(d, "\treturn r != 0;\n");
	else if (has_ret)
		buf_printf(d, "\treturn (%s)r;\n", rc);
	buf_puts(d, "}\n");
	for (uint32_t s = 0; s < CALLBACK_SLOTS; s++)
		buf_printf(d, "static %s %s_cb%u(%s)\n{ %s%s_cb_call(%s_cb_links[%u]%s); }\n", rc, t->cname, s,
			   params.s ? params.s + 2 : "void", has_ret ? "return " : "", t->cname, t->cname, s,
			   args.s ? args.s : "");
	buf_printf(d, "static void *const %s_cb_fns[] = {", t->cname);
	for (uint32_t s = 0; s < CALLBACK_SLOTS; s++)
		buf_printf(d, "%s%s_cb%u", !s ? "\n\t" : s % 4 ? ", " : ",\n\t", t->cname, s);
	buf_puts(d, "\n};\n");
	native_invoker(d, t);
	buf_printf(d, "RtCallbackPool %s_cb_pool = { &%s_type, %s_cb_links, %s_cb_fns, %u, %s_from_fnptr };\n\n",
		   t->cname, t->cname, t->cname, t->cname, CALLBACK_SLOTS, t->cname);
	buf_free(&params);
	buf_free(&args);
}

void emit_callbacks(Program *p, Buf *h, Buf *d)
{
	at_reach = false;
	own_delegates(p);
	for (uint32_t i = 0; i < p->callbacks.n; i++) {
		buf_printf(h, "extern RtCallbackPool %s_cb_pool;\n", p->callbacks.v[i]->cname);
		pool(d, p->callbacks.v[i]);
	}
	buf_puts(d, "RtCallbackPool *const rt_callback_pools[] = {");
	for (uint32_t i = 0; i < p->callbacks.n; i++)
		buf_printf(d, " &%s_cb_pool,", p->callbacks.v[i]->cname);
	buf_printf(d, " NULL };\nconst uint32_t rt_ncallback_pools = %u;\n", p->callbacks.n);
}
