/* il2c_special: the bodies ilcc writes itself and delegate creation.
 *
 * - internal calls: a call of the runtime's C function (runtime/icalls.def);
 * - P/Invoke: a call of the C function by its entry name, with strings
 *   marshalled to UTF-8 and arrays to their data (Mono's defaults on Unix);
 * - delegates' Invoke (`runtime managed`): a call through the delegate's
 *   method_ptr with its target as the first argument, or over the list of a
 *   multicast delegate. Static methods behind delegates get a thunk that
 *   drops the target (<name>_sthunk), so Invoke never tests which it is;
 *   value type methods a thunk that unboxes the target (<name>_unbox);
 *   BeginInvoke and EndInvoke are il2c_async.c's;
 * - a missing internal call, allowed by --allow-missing-icalls: throws
 *   MissingMethodException.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <string.h>

Field *e_field(Type *t, const char *name)
{
	for (Type *c = t; c; c = ty_info(c)->base) {
		TypeInfo *ti = ty_info(c);
		for (uint32_t i = 0; i < ti->nfields; i++)
			if (!strcmp(ti->fields[i]->name, name))
				return ti->fields[i];
	}
	fatal("internal error: %s has no field %s", t->name, name);
}

const char *e_field_lv(Fn *f, Type *t, const char *obj, const char *name)
{
	Field *fd = e_field(t, name);
	reach_type(f->p, fd->owner, TN_LAYOUT, f->m);
	return arena_printf(&f->a, "((%s *)%s)->%s", emit_struct(fd->owner), obj, fd->cname);
}

static const char *dfield(Fn *f, const char *obj, const char *name)
{
	return e_field_lv(f, !strcmp(name, "delegates") ? ty_mcdelegate : ty_delegate, obj, name);
}

static void args_from(Fn *f, Buf *b, uint32_t first)
{
	for (uint32_t i = first; i < f->nargs; i++)
		buf_printf(b, "%sa%u", i > first ? ", " : "", i);
}

static void invoke_body(Fn *f)
{
	Method *m = f->m;
	const char *rt = emit_ctype(m->ret);
	bool is_void = m->ret->kind == TY_VOID;
	Buf call = {0}, ft = {0};
	buf_printf(&ft, "%s (*)(Object *", rt);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(&ft, ", %s", emit_ctype(m->params[i]));
	buf_putc(&ft, ')');
	e_out(f, "Object *list = %s;", dfield(f, "a0", "delegates"));
	if (!is_void)
		e_out(f, "%s r = {0};", rt);
	buf_printf(&call, "%s(RT_ARRAY_DATA(list, Object *)[i]%s", m->cname, m->nparams ? ", " : "");
	args_from(f, &call, 1);
	buf_putc(&call, ')');
	e_out(f, "if (list) {");
	e_out(f, "for (uintptr_t i = 0; i < ((RtArray *)list)->length; i++) {");
	e_out(f, "%s%s;", is_void ? "" : "r = ", call.s);
	e_out(f, "if (RT_UNLIKELY(rt_pending != NULL)) break;");
	e_out(f, "}");
	e_out(f, "return%s;", is_void ? "" : " r");
	e_out(f, "}");
	buf_clear(&call);
	buf_printf(&call, "((%s)%s)(%s%s", ft.s, dfield(f, "a0", "method_ptr"),
		   dfield(f, "a0", "m_target"), m->nparams ? ", " : "");
	args_from(f, &call, 1);
	buf_putc(&call, ')');
	e_out(f, "%s%s;", is_void ? "" : "return ", call.s);
	buf_free(&call);
	buf_free(&ft);
}

/* The `runtime managed` methods of delegates whose bodies il2c writes. */
static const struct {
	const char *name;
	void (*body)(Fn *f);
} delegate_bodies[] = {
	{ "Invoke", invoke_body },
	{ "BeginInvoke", e_begin_invoke_body },         /* il2c_async.c */
	{ "EndInvoke", e_end_invoke_body },
};

bool emit_delegate_body(const char *name)
{
	for (size_t i = 0; i < countof(delegate_bodies); i++)
		if (!strcmp(delegate_bodies[i].name, name))
			return true;
	return false;
}

static void delegate_body(Fn *f)
{
	for (size_t i = 0; i < countof(delegate_bodies); i++)
		if (!strcmp(delegate_bodies[i].name, f->m->name))
			delegate_bodies[i].body(f);
}

/* m's generic method arguments hold a generic parameter */
static bool inst_open(const Method *m)
{
	for (uint32_t i = 0; i < m->ninst; i++)
		if (ty_is_open(m->inst[i]))
			return true;
	return false;
}

void e_new_delegate(Fn *f, Method *ctor)
{
	Type *t = ctor->owner;
	Slot fn = *e_top(f, 0);
	const char *target = e_sv(f, 1), *ptr = e_sv(f, 0);
	Method *m = fn.ftn;
	if (m && !ty_is_open(m->owner) && !inst_open(m))
		reach_delegate_target(f->p, m, f->m);
	if (m && !m->has_this) {
		reach_state(m)->need_sthunk = true;
		ptr = arena_printf(&f->a, "(intptr_t)&%s_sthunk", m->cname);
	} else if (m && ty_is_valuetype(m->owner)) {
		reach_state(m)->need_unbox = true;
		ptr = arena_printf(&f->a, "(intptr_t)&%s_unbox", m->cname);
	}
	Method *invoke = ty_find_method(t, "Invoke", -1);
	if (invoke)
		reach_method(f->p, invoke, f->m, "delegate created");
	/* closed over an instance method (Invoke takes no `this`): a null
	 * target is refused when the delegate is made, as Mono does (with
	 * ArgumentException's default message) */
	if (m && m->has_this && invoke && invoke->nparams == m->nparams &&
	    !ty_is_valuetype(m->owner)) {
		emit_need_exception(f->p, RT_EXC_ARG);
		e_out(f, "if (!%s) { rt_exc_throw_kind(RT_EXC_ARG); goto %s; }", target, e_fail(f));
	}
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	/* the new delegate goes where its target was: fill it in first */
	e_out(f, "{ Object *d_ = %s;", e_new_expr(f, t));
	e_out(f, "if (d_) { %s = %s;", dfield(f, "d_", "method_ptr"), ptr);
	e_out(f, "%s = %s; }", dfield(f, "d_", "m_target"), target);
	e_pop(f, 2);
	e_out(f, "%s = d_; }", e_push(f, SK_O, t));
	e_check_pending(f);
}

/* ---- internal calls and P/Invoke ---- */
static void icall_body(Fn *f, const char *fn)
{
	Buf b = {0};
	buf_printf(&b, "%s(", fn);
	args_from(f, &b, 0);
	buf_putc(&b, ')');
	e_out(f, "%s%s;", f->m->ret->kind == TY_VOID ? "" : "return ", b.s);
	buf_free(&b);
}

/* The C type a P/Invoke passes for a parameter of type t. */
const char *e_pinvoke_ctype(Type *t)
{
	if (t == ty_string)
		return "char *";
	if (t->kind == TY_SZARRAY || t->kind == TY_BYREF)
		return "void *";
	if (t->kind == TY_BOOL)
		return "int32_t";
	if (ty_is_ref(t))
		return "void *";
	return emit_ctype(t);
}

/* The C type P/Invoke m passes for parameter i (-1: returns). */
const char *e_pinvoke_param_ctype(Method *m, int i)
{
	const char *ct = emit_pinvoke_native_ctype(m, i);
	return ct ? ct : i < 0 ? e_pinvoke_ret_ctype(m->ret) : e_pinvoke_ctype(m->params[i]);
}

/* SafeHandle: its `handle` field, or NULL if t is not one. */
static Field *safe_handle_field(Type *t)
{
	if (!ty_is_ref(t) || t->kind != TY_CLASS)
		return NULL;
	Type *sh = ty_corlib_type("System.Runtime.InteropServices", "SafeHandle");
	if (!ty_is_subclass(t, sh))
		return NULL;
	TypeInfo *ti = ty_info(sh);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, "handle"))
			return ti->fields[i];
	return NULL;
}

static bool e_is_safe_handle(Type *t) { return safe_handle_field(t) != NULL; }

/* The lvalue of SafeHandle `obj`'s handle. */
static const char *handle_of(Fn *f, Type *t, const char *obj)
{
	Field *h = safe_handle_field(t);
	reach_type(f->p, h->owner, TN_LAYOUT, f->m);
	return arena_printf(&f->a, "((%s *)%s)->%s", emit_struct(h->owner), obj, h->cname);
}

/* A P/Invoke returning a SafeHandle subclass: a new one (its parameterless
 * constructor) holding the returned handle, as the marshaller makes. */
static void return_safe_handle(Fn *f, Type *t)
{
	e_construct(f, t, "o_", "made by P/Invoke marshalling");
	e_out(f, "%s = r_;", handle_of(f, t, "o_"));
	e_out(f, "return o_;");
}

/* The C type a P/Invoke's function returns for t. */
const char *e_pinvoke_ret_ctype(Type *t)
{
	if (t == ty_string)
		return "char *";
	if (t->kind == TY_BOOL)
		return "int32_t";
	if (e_is_safe_handle(t))
		return "intptr_t";
	return emit_ctype(t);
}

static bool sets_last_error(Method *m)
{
	uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
				TOKEN(T_MethodDef, m->row));
	return r && (md_get(m->img, T_ImplMap, r, ImplMap_MappingFlags) & 0x40);
}

static bool is_delegate(Type *t)
{
	return t->kind == TY_CLASS && t->img && ty_info(t)->is_delegate;
}

/* A struct passed or returned by value or by reference must be laid out
 * in C as here: why the program's own P/Invoke cannot pass it, or NULL
 * (mscorlib's are Mono's, which keep to such structs). */
static const char *struct_refusal(Fn *f, Type *t, const char *what)
{
	Type *s = t->kind == TY_BYREF ? t->elem : t;
	if (s->kind != TY_STRUCT || f->m->img != f->p->img || emit_blittable(s) ||
	    !emit_marshal_refusal(s))
		return NULL;
	return arena_printf(&f->a, "P/Invoke %s struct %s, which ilcc cannot marshal: %s", what,
			    s->name, emit_marshal_refusal(s));
}

/* Why m's arguments cannot be passed to C, or NULL. */
static const char *pinvoke_refusal(Fn *f, Method *m)
{
	const char *why = struct_refusal(f, m->ret, "returns");
	for (uint32_t i = 0; i < m->nparams && !why; i++)
		why = struct_refusal(f, m->params[i], "passes");
	for (uint32_t i = 0; i < m->nparams && !why; i++)
		if (is_delegate(m->params[i]) && !emit_callback_need(f->p, m->params[i], m))
			why = arena_printf(&f->a, "P/Invoke passes delegate %s, which C cannot call: %s",
					   m->params[i]->name, emit_callback_refusal(m->params[i]));
	return why;
}

/* A P/Invoke ilcc cannot marshal throws MarshalDirectiveException when
 * called, as Mono decides when it makes the call's stub; a warning says
 * so at build time. */
static void refused_pinvoke(Fn *f, const char *why)
{
	e_warn(f, arena_printf(&f->a, "%s: calls throw MarshalDirectiveException", why));
	emit_need_exception(f->p, RT_EXC_MARSHALDIRECTIVE);
	Buf msg = {0};
	emit_c_string(&msg, why);
	e_out(f, "rt_exc_throw_msg(RT_EXC_MARSHALDIRECTIVE, %s);", msg.s);
	buf_free(&msg);
	buf_clear(&f->decl);
	e_eh_epilogue(f);
}

/* The module and entry point of P/Invoke m ("" when the metadata has
 * none). */
static const char *pinvoke_import(Method *m, const char **entry)
{
	uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
				TOKEN(T_MethodDef, m->row));
	uint32_t mref = r ? md_get(m->img, T_ImplMap, r, ImplMap_ImportScope) : 0;
	*entry = r ? md_string(m->img, md_get(m->img, T_ImplMap, r, ImplMap_ImportName)) : "";
	if (!**entry)
		*entry = m->name;
	return mref ? md_string(m->img, md_get(m->img, T_ModuleRef, mref, ModuleRef_Name)) : "";
}

/* A library's name without folder, "lib" and ".so..." or ".a":
 * "/usr/lib/libgmp.so.10" and "gmp" are both "gmp". */
const char *emit_native_lib_name(Arena *a, const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!strncmp(base, "lib", 3) && base[3])
		base += 3;
	size_t n = strlen(base);
	const char *so = strstr(base, ".so");
	if (so && (so[3] == 0 || so[3] == '.'))
		n = (size_t)(so - base);
	else if (n > 2 && !strcmp(base + n - 2, ".a"))
		n -= 2;
	return arena_printf(a, "%.*s", (int)n, base);
}

/* What the class library imports from "libc" that glibc lacks (BSD's
 * kqueue, behind a platform test): bound lazily, so that it links. */
static bool libc_lacks(const char *entry)
{
	static const char *const not_glibc[] = { "kqueue", "kevent" };
	for (size_t i = 0; i < countof(not_glibc); i++)
		if (!strcmp(entry, not_glibc[i]))
			return true;
	return false;
}

/* Is name (emit_native_lib_name's) a part of the C library, one of the
 * runtime's own, or given with -l or --native-lib? */
static bool linked_lib(Program *p, const char *name)
{
	static const char *const linked[] = {
		"c", "m", "dl", "pthread", "rt", "System.Native", "__Internal", "",
	};
	for (size_t i = 0; i < countof(linked); i++)
		if (!strcmp(name, linked[i]))
			return true;
	for (uint32_t i = 0; i < p->nnative_libs; i++)
		if (!strcmp(name, p->native_libs[i]))
			return true;
	return false;
}

/* Is P/Invoke m's function linked in by its symbol (libc and the other
 * parts of glibc, the runtime's System.Native, __Internal, and the
 * libraries given with -l or --native-lib), rather than bound at its
 * first call with dlopen (pinvoke.c)? */
bool emit_pinvoke_linked(Program *p, Method *m)
{
	const char *entry;
	Arena a = {0};
	const char *name = emit_native_lib_name(&a, pinvoke_import(m, &entry));
	bool yes = !libc_lacks(entry) && linked_lib(p, name);
	arena_free(&a);
	return yes;
}

/* The library P/Invoke m is bound to with dlopen, or NULL when it is
 * linked or is the C library's (a libc function glibc lacks): one that
 * a static musl executable could not load (build.c chooses the libc). */
const char *emit_pinvoke_dlopen_lib(Program *p, Method *m)
{
	const char *entry, *module = pinvoke_import(m, &entry);
	Arena a = {0};
	bool other = !linked_lib(p, emit_native_lib_name(&a, module));
	arena_free(&a);
	return other ? module : NULL;
}

/* A return from f with the exception pending. */
static const char *bail_stmt(Fn *f)
{
	Type *rt = f->m->ret;
	if (rt->kind == TY_VOID)
		return "return;";
	if (emit_kind(rt) == SK_VT)
		return arena_printf(&f->a, "{ %s z; memset(&z, 0, sizeof z); return z; }",
				    emit_ctype(rt));
	return arena_printf(&f->a, "return (%s)0;", emit_ctype(rt));
}

/* A P/Invoke bound at its first call: fp_ is its function, or it
 * returns with the exception pending. */
static void lazy_binding(Fn *f)
{
	const char *entry, *module = pinvoke_import(f->m, &entry);
	Buf b = {0};
	buf_puts(&b, "void *fp_ = rt_pinvoke_resolve(&slot_, ");
	emit_c_string(&b, module);
	buf_puts(&b, ", ");
	emit_c_string(&b, entry);
	buf_puts(&b, ");");
	e_out(f, "static void *slot_;");
	e_out(f, "%s", b.s);
	e_out(f, "if (!fp_) %s", bail_stmt(f));
	buf_free(&b);
}

static void pinvoke_body(Fn *f)
{
	Method *m = f->m;
	if (m->is_vararg)
		e_fn_error(f, "P/Invoke of a C function with variable arguments"
			   " (__arglist) is not supported");
	const char *why = pinvoke_refusal(f, m);
	if (why) {
		refused_pinvoke(f, why);
		return;
	}
	Buf b = {0}, after = {0};
	if (!emit_pinvoke_linked(f->p, m)) {
		lazy_binding(f);
		buf_printf(&b, "((__typeof__(&pinvoke_%s))fp_)(", m->cname);
	} else
		buf_printf(&b, "pinvoke_%s(", m->cname);
	for (uint32_t i = 0; i < m->nparams; i++) {
		Type *t = m->params[i];
		const char *a = arena_printf(&f->a, "a%u", i);
		const char *conv = e_pinvoke_arg(f, i, bail_stmt(f), &after);
		if (i)
			buf_puts(&b, ", ");
		if (conv)
			buf_puts(&b, conv);
		else if (t == ty_string)
			buf_printf(&b, "%s ? rt_str_to_utf8((RtString *)%s) : NULL", a, a);
		else if (t->kind == TY_SZARRAY)
			buf_printf(&b, "%s ? (void *)((RtArray *)%s)->data : NULL", a, a);
		else if (e_is_safe_handle(t))
			buf_printf(&b, "%s ? (void *)%s : NULL", a, handle_of(f, t, a));
		else if (is_delegate(t))
			buf_printf(&b, "%s ? rt_callback_get(&%s_cb_pool, %s) : NULL", a, t->cname, a);
		else
			buf_printf(&b, "(%s)%s", e_pinvoke_ctype(t), a);
	}
	buf_putc(&b, ')');
	Type *rt = m->ret;
	if (rt->kind == TY_VOID)
		e_out(f, "%s;", b.s);
	else
		e_out(f, "%s r_ = %s;", e_pinvoke_param_ctype(m, -1), b.s);
	if (sets_last_error(m))
		e_out(f, "RT_SAVE_LAST_ERROR%s();", emit_pinvoke_linked(f->p, m) ? "" : "_BOUND");
	if (after.s)
		e_out(f, "%s", after.s);
	if (rt->kind == TY_VOID || e_pinvoke_return(f))
		;
	else if (rt == ty_string)
		e_out(f, "return r_ ? (Object *)rt_str_from_utf8(r_) : NULL;");
	else if (rt->kind == TY_BOOL)
		e_out(f, "return r_ != 0;");
	else if (e_is_safe_handle(rt))
		return_safe_handle(f, rt);
	else
		e_out(f, "return (%s)r_;", emit_ctype(rt));
	buf_free(&b);
	buf_free(&after);
}

/* ICALL_DEFAULT: zero, null, or an empty array of the return type. */
static void default_body(Fn *f)
{
	Type *rt = f->m->ret;
	if (rt->kind == TY_VOID)
		return;
	if (rt->kind == TY_SZARRAY) {
		reach_type(f->p, rt, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
		e_out(f, "return (Object *)rt_gc_alloc_array(&%s_type, 0);", rt->cname);
	} else if (emit_kind(rt) == SK_VT) {
		reach_type(f->p, rt, TN_LAYOUT, f->m);
		e_out(f, "{ %s z; memset(&z, 0, sizeof z); return z; }", emit_ctype(rt));
	} else {
		e_out(f, "return (%s)0;", emit_ctype(rt));
	}
}

void e_special_body(Fn *f)
{
	MethodState *ms = reach_state(f->m);
	switch (ms->kind) {
	case BK_ICALL: icall_body(f, ms->icall); break;
	case BK_PINVOKE: pinvoke_body(f); break;
	case BK_DEFAULT: default_body(f); break;
	case BK_SUBST: e_subst_body(f, ms->subst); break;
	case BK_CONST: e_out(f, "return (%s)%d;", emit_ctype(f->m->ret), ms->cval); break;
	case BK_DELEGATE: delegate_body(f); break;
	case BK_UNSUPPORTED:
	case BK_NODLL:
		e_out(f, "rt_exc_throw_kind(%s);",
		      ms->kind == BK_NODLL ? "RT_EXC_DLLNOTFOUND" : "RT_EXC_NOTSUPP");
		buf_clear(&f->decl);
		e_eh_epilogue(f);
		break;
	case BK_MISSING:
		e_out(f, "rt_exc_throw_kind(RT_EXC_MISSINGMETHOD);");
		/* fallthrough */
	default:
		buf_clear(&f->decl);
		e_eh_epilogue(f);
		break;
	}
}
