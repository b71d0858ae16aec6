/* cgen_reflect: what the runtime's reflection (runtime/reflect.c) reads.
 *
 * For each method reflection can find (Program.reflected), an RtMethod in
 * rt_methods[] (rt.h) and, unless it is a generic definition:
 * - rm<k>_inv(target, args): MethodInfo.Invoke's call, arguments unboxed
 *   from the object array (by reference: into their boxes), the result
 *   boxed; virtual methods dispatch on the target; constructors make
 *   their object;
 * - delegate entry points in Invoke's convention: closed over `target`
 *   (the method itself; its _unbox thunk for structs; rm<k>_fn for
 *   virtual methods, which dispatches) and dropping the target (a static
 *   method's _sthunk; rm<k>_open for an open instance delegate, whose
 *   `this` comes first among the arguments).
 * Also rt_fields[] (a constant's value as rf<k>_v), rt_generic_args[]
 * (Type.GetGenericArguments of the generic instances reflection
 * describes) and rt_known's reflection fields.
 */
#include "il2c.h"

#include <stdlib.h>
#include <string.h>

/* The descriptor of t in the signature of reflected method k: a generic
 * method definition's own parameters have one each (rm<k>_gp<i>), other
 * open types none. */
static uint32_t cur_method;

static const char *type_ref(Type *t)
{
	if (t && t->kind == TY_MVAR)
		return arena_printf(ty_arena(), "&rm%u_gp%u", cur_method, t->rank);
	if (t && t->kind == TY_PTR && reach_tstate(t)->indirect)
		return arena_printf(ty_arena(), "&%s_type", t->cname);
	if (!t || t->kind == TY_PTR || t->kind == TY_FNPTR || ty_is_open(t))
		return "NULL";
	if (t->kind == TY_BYREF && (t->elem->kind == TY_PTR || ty_is_open(t->elem)))
		return "NULL";
	return arena_printf(ty_arena(), "&%s_type", t->cname);
}

static bool returns(Method *m) { return m->ret->kind != TY_VOID; }

/* "(R (*)(Object *, P0, ...))" of a delegate entry: `self` is `this`
 * first among the arguments (open instance), or not there. */
static void entry_proto(Buf *b, Method *m, const char *name, const char *self)
{
	buf_printf(b, "static %s %s(Object *o", emit_ctype(m->ret), name);
	if (*self)
		buf_printf(b, ", %s self", self);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, ", %s p%u", emit_ctype(m->params[i]), i);
	buf_puts(b, ")\n");
}

/* Does a call of m on an object go through its type (M_FN), or for an
 * instance of a generic virtual method, its dispatcher (GVM_, cgen.c;
 * reach_reflect_method made it)? */
static bool virtual_call(Method *m)
{
	return m->has_this && reach_dispatched(m);
}

/* m's code called on `self`, virtually if it dispatches. */
static void callee(Buf *b, Method *m, const char *self)
{
	if (virtual_call(m) && m->ninst)
		buf_printf(b, "GVM_%s(%s", m->cname, self);
	else if (virtual_call(m))
		buf_printf(b, "%s_FN(%s)(%s", reach_slot_root(m)->cname, self, self);
	else if (m->has_this)
		buf_printf(b, "%s(%s", m->cname, self);
	else
		buf_printf(b, "%s(", m->cname);
}

static void entry(Buf *b, Method *m, uint32_t k, const char *kind, const char *self,
		  const char *this_expr)
{
	const char *name = arena_printf(ty_arena(), "rm%u_%s", k, kind);
	entry_proto(b, m, name, self);
	buf_printf(b, "{\n\t%s", returns(m) ? "return " : "");
	callee(b, m, this_expr);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, "%sp%u", i || m->has_this ? ", " : "", i);
	buf_puts(b, ");\n}\n");
}

/* Argument i of MethodInfo.Invoke's array as parameter type t; `post`:
 * what to do after the call (a Nullable<T> passed by reference goes back
 * into the array boxed, as Mono writes it: bug-461941). */
static const char *inv_arg(Buf *b, Buf *post, Type *t, uint32_t i)
{
	if (t->kind == TY_BYREF) {
		Type *e = t->elem;
		if (ty_is_ref(e))
			return arena_printf(ty_arena(), "(char *)&a[%u]", i);
		if (e->kind == TY_STRUCT && ty_info(e)->is_nullable) {
			buf_printf(b, "\t%s p%u;\n\trt_reflect_unbox(%s, a[%u], &p%u);\n",
				   emit_ctype(e), i, type_ref(e), i, i);
			buf_printf(post, "\tif (!rt_pending) a[%u] = rt_reflect_box(%s, &p%u);\n",
				   i, type_ref(e), i);
			return arena_printf(ty_arena(), "(char *)&p%u", i);
		}
		buf_printf(b, "\tif (!a[%u] && !(a[%u] = rt_gc_alloc(%s))) return NULL;\n",
			   i, i, type_ref(e));
		return arena_printf(ty_arena(), "rt_unbox_ptr(a[%u])", i);
	}
	if (ty_is_ref(t))
		return arena_printf(ty_arena(), "a[%u]", i);
	if (t->kind == TY_PTR || t->kind == TY_FNPTR)
		return arena_printf(ty_arena(), "(intptr_t)rt_reflect_pointer(a[%u])", i);
	buf_printf(b, "\t%s p%u;\n\trt_reflect_unbox(%s, a[%u], &p%u);\n", emit_ctype(t), i,
		   type_ref(t), i, i);
	return arena_printf(ty_arena(), "p%u", i);
}

static bool is_ctor(Method *m) { return !strcmp(m->name, ".ctor"); }

static void invoke_thunk(Buf *b, Method *m, uint32_t k)
{
	buf_printf(b, "static Object *rm%u_inv(Object *o, Object **a)\n{\n", k);
	Method *sc = is_ctor(m) && m->owner == ty_string ? ty_string_ctor(m) : NULL;
	if (sc) {
		/* String::Ctor makes the string (its constructor is an internal call) */
		Buf call = {0}, post = {0};
		for (uint32_t i = 0; i < m->nparams; i++)
			buf_printf(&call, "%s%s", i ? ", " : "", inv_arg(b, &post, m->params[i], i));
		buf_free(&post);
		buf_printf(b, "\t(void)o;\n\treturn (Object *)%s(%s);\n}\n", sc->cname, call.s ? call.s : "");
		buf_free(&call);
		return;
	}
	Buf call = {0}, post = {0};
	const char *self = !m->has_this ? "" : ty_is_valuetype(m->owner) ?
		"rt_unbox_ptr(o)" : "o";
	if (reach_invoke_inits(m))
		buf_printf(b, "\tif (!rt_init_check(&%s_init)) return NULL;\n", m->owner->cname);
	/* a constructor makes its object unless given one (MethodBase.Invoke) */
	if (is_ctor(m))
		buf_printf(b, "\tObject *made = o;\n\tif (!o && !(o = rt_gc_alloc(&%s_type)))"
			   " return NULL;\n", m->owner->cname);
	callee(&call, m, self);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(&call, "%s%s", i || m->has_this ? ", " : "",
			   inv_arg(b, &post, m->params[i], i));
	buf_putc(&call, ')');
	const char *after = post.s ? post.s : "";
	Type *r = m->ret;
	if (is_ctor(m) && ty_info(m->owner)->is_nullable)       /* boxes as its T or null */
		buf_printf(b, "\t%s;\n%s\treturn rt_pending || made ? NULL : rt_reflect_box(&%s_type,"
			   " rt_unbox_ptr(o));\n}\n", call.s, after, m->owner->cname);
	else if (is_ctor(m))
		buf_printf(b, "\t%s;\n%s\treturn rt_pending || made ? NULL : o;\n}\n", call.s, after);
	else if (!returns(m))
		buf_printf(b, "\t%s;\n%s\treturn NULL;\n}\n", call.s, after);
	else if (ty_is_ref(r))
		buf_printf(b, "\tObject *r = %s;\n%s\treturn r;\n}\n", call.s, after);
	else if (r->kind == TY_PTR || r->kind == TY_FNPTR)     /* a Reflection.Pointer, as Mono's */
		buf_printf(b, "\tintptr_t r = %s;\n%s\tObject *po = rt_pending ? NULL : rt_gc_alloc(&%s_type);\n"
			   "\tif (po) *(intptr_t *)rt_unbox_ptr(po) = r;\n\treturn po;\n}\n", call.s, after,
			   ty_corlib_type("System.Reflection", "Pointer")->cname);
	else
		buf_printf(b, "\t%s r = %s;\n%s\treturn rt_pending ? NULL : rt_reflect_box(%s, &r);\n}\n",
			   emit_ctype(r), call.s, after, type_ref(r->kind == TY_BYREF ? r->elem : r));
	buf_free(&call);
	buf_free(&post);
}

/* The code behind a reflected method that can be called. */
static void thunks(Buf *b, Method *m, uint32_t k)
{
	invoke_thunk(b, m, k);
	if (is_ctor(m) || !m->has_this)
		return;
	entry(b, m, k, "open", emit_this_ctype(m->owner), "self");
	if (virtual_call(m))
		entry(b, m, k, "fn", "", "o");
}

/* The delegate entry points of m (rm<k>_fn, rm<k>_open, or what cgen.c
 * has anyway: m itself, its _sthunk and _unbox thunks). */
static void entry_points(Method *m, uint32_t k, const char **fn, const char **open)
{
	Arena *a = ty_arena();
	*open = !m->has_this ? arena_printf(a, "(void *)%s_sthunk", m->cname) :
		arena_printf(a, "(void *)rm%u_open", k);
	*fn = virtual_call(m) ? arena_printf(a, "(void *)rm%u_fn", k) :
	      m->has_this && ty_is_valuetype(m->owner) ? arena_printf(a, "(void *)%s_unbox", m->cname) :
	      arena_printf(a, "(void *)%s", m->cname);
}

static int32_t index_of(Program *p, Method *m)
{
	for (uint32_t i = 0; i < p->reflected.n; i++)
		if (p->reflected.v[i] == m)
			return (int32_t)i;
	return -1;
}

/* Descriptors of the by-reference types in reflected signatures
 * (ParameterType of `ref int`: IsByRef, GetElementType; ReturnType of
 * `ref byte Array.GetRawSzArrayData()`). Parameter i, or the return
 * type for i == nparams. */
static void byref_types(Program *p, Buf *b)
{
	VEC(Type *) done = {0};
	for (uint32_t k = 0; k < p->reflected.n; k++) {
		Method *m = p->reflected.v[k];
		for (uint32_t i = 0; i <= m->nparams; i++) {
			Type *t = i < m->nparams ? m->params[i] : m->ret;
			if (t->kind != TY_BYREF || !strcmp(type_ref(t), "NULL") ||
			    reach_tstate(t)->indirect)
				continue;
			bool seen = false;
			for (uint32_t j = 0; j < done.n; j++)
				seen |= done.v[j] == t;
			if (seen)
				continue;
			VEC_PUSH(done, t);
			const char *ns, *name;
			emit_type_names(t, &ns, &name);
			buf_printf(b, "static const RtType %s_type = { .ns = \"%s\", .name = \"%s\","
				   " .flags = RT_T_BYREF, .elem = %s };\n", t->cname, ns, name,
				   type_ref(t->elem));
		}
	}
	free(done.v);
}

/* A generic method definition's parameters as types, by name. */
static void generic_params(Buf *b, Method *m, uint32_t k)
{
	for (uint32_t i = 0; i < ty_method_generic_arity(m); i++)
		buf_printf(b, "static const RtType rm%u_gp%u = { \"\", \"%s\", RT_T_GENERIC_PARAM };\n",
			   k, i, ty_generic_param_name(m->img, TOKEN(T_MethodDef, m->row), i));
}

/* A default value's bytes as C: a string literal's object, else the
 * constant's bytes. */
static const char *default_bytes(Program *p, ParamDefault *d)
{
	if (d->type == ty_string)
		return arena_printf(ty_arena(), "(Object *const[]){ (Object *)&%s }",
				    reach_literal_name(p, reach_literal(p, d->value)));
	Buf v = {0};
	buf_puts(&v, "(const uint8_t[]){");
	for (uint32_t i = 0; i < d->value.len && i < 8; i++)
		buf_printf(&v, " %u,", d->value.p[i]);
	buf_puts(&v, " 0 }");
	const char *r = arena_printf(ty_arena(), "%s", v.s);
	buf_free(&v);
	return r;
}

/* rm<k>_pi[]: the parameters' attributes and default values
 * (ParameterInfo.Attributes, DefaultValue), if any has one. */
static void param_infos(Program *p, Buf *b, Method *m, uint32_t k)
{
	bool any = false;
	for (uint32_t i = 0; i < m->nparams; i++)
		any |= reach_param_default(m, i).flags != 0;
	if (!any)
		return;
	buf_printf(b, "static const RtParam rm%u_pi[] = {\n", k);
	for (uint32_t i = 0; i < m->nparams; i++) {
		ParamDefault d = reach_param_default(m, i);
		buf_printf(b, "\t{ %u, %d, %s, %s },\n", d.flags, d.has,
			   d.type ? type_ref(d.type) : "NULL", d.type ? default_bytes(p, &d) : "NULL");
	}
	buf_puts(b, "};\n");
}

/* The arrays an RtMethod points to: parameter types and names, generic
 * arguments (or parameters). */
static void method_arrays(Program *p, Buf *b, Method *m, uint32_t k)
{
	cur_method = k;
	bool def = !m->ninst && ty_method_generic_arity(m);
	if (def)
		generic_params(b, m, k);
	buf_printf(b, "static const RtType *const rm%u_p[] = {", k);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, " %s,", type_ref(m->params[i]));
	buf_printf(b, " NULL };\nstatic const char *const rm%u_n[] = {", k);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, " \"%s\",", ty_param_name(m, i + 1));
	buf_printf(b, " NULL };\nstatic const RtType *const rm%u_g[] = {", k);
	for (uint32_t i = 0; i < m->ninst; i++)
		buf_printf(b, " %s,", type_ref(m->inst[i]));
	for (uint32_t i = 0; def && i < ty_method_generic_arity(m); i++)
		buf_printf(b, " &rm%u_gp%u,", k, i);
	buf_puts(b, " NULL };\n");
	param_infos(p, b, m, k);
}

/* An interface method's position among its interface's (RtIface.slots). */
static int32_t iface_slot(Method *m)
{
	TypeInfo *ti = m->owner->img ? ty_info(m->owner) : NULL;
	for (uint32_t i = 0; ti && ti->is_interface && i < ti->nmethods; i++)
		if (ti->methods[i] == m)
			return (int32_t)i;
	return -1;
}

static void method_entry(Program *p, Buf *b, Method *m, uint32_t k)
{
	cur_method = k;
	bool open = reach_reflect_open(m);
	uint32_t byref = 0;
	for (uint32_t i = 0; i < m->nparams && i < 16; i++)
		byref |= (uint32_t)(m->params[i]->kind == TY_BYREF) << i;
	uint32_t ngen = m->ninst ? m->ninst : ty_method_generic_arity(m);
	int32_t def = m->ninst ? index_of(p, ty_method(m->owner, m->img, m->row, NULL, 0)) : -1;
	const char *fn = "NULL", *open_fn = "NULL";
	if (!open && !is_ctor(m))
		entry_points(m, k, &fn, &open_fn);
	buf_printf(b, "\t{ \"%s\", %s, %s, %u, rm%u_p, rm%u_n, %u, %u, %s%s, %u, %s, %s, ",
		   m->name, type_ref(m->owner), type_ref(m->ret), m->nparams, k, k,
		   m->flags, m->impl_flags,
		   open ? "RT_M_GENERIC_DEF" : m->ninst ? "RT_M_GENERIC" : "0",
		   m->is_vararg ? " | RT_M_VARARG" : "", byref, fn, open_fn);
	if (open)
		buf_puts(b, "NULL, ");
	else
		buf_printf(b, "rm%u_inv, ", k);
	if (def >= 0)
		buf_printf(b, "&rt_methods[%d], ", def);
	else
		buf_puts(b, "NULL, ");
	bool pi = false;
	for (uint32_t i = 0; i < m->nparams; i++)
		pi |= reach_param_default(m, i).flags != 0;
	buf_printf(b, pi ? "%u, rm%u_g, rm%u_pi" : "%u, rm%u_g, NULL", ngen, k, k);
	/* reach_delegate_target keeps the overrides a delegate may call */
	MethodState *ms = reach_state(m);
	if (!open && virtual_call(m) && !m->ninst && ms->dlg_target && ms->reason &&
	    !(m->flags & MF_ABSTRACT))
		buf_printf(b, ", (void *)%s", m->cname);
	else
		buf_puts(b, ", NULL");
	buf_printf(b, ", %d, %s },\n", iface_slot(m), !open && (m->flags & MF_VIRTUAL) &&
		   emit_icall_reached(p, "rt_RuntimeType_GetInterfaceMapData") ? emit_slot_fn(m) : "NULL");
}

/* A generic definition with a descriptor (typeof(G<>)): its parameters
 * are its arguments (Type.GetGenericArguments, ToString's "G`1[T]"). */
static bool kept_definition(Type *t)
{
	return t->user && (reach_tstate(t)->needs & TN_DESCRIPTOR) && ty_is_generic_def(t);
}

static void definition_params(Program *p, Buf *b)
{
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		for (uint32_t k = 0; kept_definition(t) && k < ty_generic_arity(t); k++)
			buf_printf(b, "static const RtType %s_gp%u = { \"\", \"%s\", RT_T_GENERIC_PARAM };\n",
				   t->cname, k, ty_generic_param_name(t->img, TOKEN(T_TypeDef, t->row), k));
	}
}

static void definition_args(Buf *b, Type *t)
{
	buf_printf(b, "\t{ &%s_type, %u, (const RtType *const[]){", t->cname, ty_generic_arity(t));
	for (uint32_t k = 0; k < ty_generic_arity(t); k++)
		buf_printf(b, " &%s_gp%u,", t->cname, k);
	buf_printf(b, " }, &%s_type },\n", t->cname);
}

static void generic_args(Program *p, Buf *b)
{
	uint32_t n = 0;
	definition_params(p, b);
	buf_puts(b, "const RtGenericArgs rt_generic_args[] = {\n");
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (kept_definition(t)) {
			definition_args(b, t);
			n++;
		}
		if (!t->user || !reach_tstate(t)->reflect_args || !t->ninst || ty_is_open(t))
			continue;
		buf_printf(b, "\t{ &%s_type, %u, (const RtType *const[]){", t->cname, t->ninst);
		for (uint32_t k = 0; k < t->ninst; k++)
			buf_printf(b, " %s,", type_ref(t->inst[k]));
		Type *def = t->img && t->kind != TY_SZARRAY && t->kind != TY_ARRAY ?
			    ty_def(t->img, t->row, NULL, 0) : NULL;
		bool kept = def && def->user && (reach_tstate(def)->needs & TN_DESCRIPTOR);
		buf_printf(b, " }, %s%s%s },\n", kept ? "&" : "", kept ? def->cname : "NULL",
			   kept ? "_type" : "");
		n++;
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_ngeneric_args = %u;\n", n);
}

/* By image, then TypeDef row: declaration order. */
static int type_order(const void *a, const void *b)
{
	const Type *x = *(Type *const *)a, *y = *(Type *const *)b;
	if (x->img != y->img)
		return strcmp(x->img->name, y->img->name);
	return x->row < y->row ? -1 : x->row > y->row;
}

/* rt_nested[]: the nested types with a descriptor, once the program asks
 * for DeclaringType or GetNestedTypes (reach.c's rules keep the types
 * they are declared in). */
static void nested_types(Program *p, Buf *b)
{
	VEC(Type *) v = {0};
	for (uint32_t i = 0; (p->rules_on & (1u << RULE_DECLARING | 1u << RULE_NESTED)) &&
	     i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (!t->img || !t->row || t->ninst || t->kind == TY_SZARRAY || t->kind == TY_ARRAY ||
		    ty_is_generic_def(t) || !md_enclosing(t->img, t->row) ||
		    !(reach_tstate(t)->needs & TN_DESCRIPTOR))
			continue;
		Type *d = ty_def(t->img, md_enclosing(t->img, t->row), NULL, 0);
		if (d->user && (reach_tstate(d)->needs & TN_DESCRIPTOR))
			VEC_PUSH(v, t);
	}
	if (v.n)
		qsort(v.v, v.n, sizeof *v.v, type_order);
	buf_puts(b, "const RtNested rt_nested[] = {\n");
	for (uint32_t i = 0; i < v.n; i++)
		buf_printf(b, "\t{ &%s_type, &%s_type },\n", v.v[i]->cname,
			   ty_def(v.v[i]->img, md_enclosing(v.v[i]->img, v.v[i]->row), NULL, 0)->cname);
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nnested = %u;\n", v.n);
	free(v.v);
}

/* ---- assemblies ---- */
static bool assemblies_on(Program *p)
{
	Type *ra = ty_corlib_type("System.Reflection", "RuntimeAssembly");
	return ra->user && (reach_tstate(ra)->needs & TN_CONSTRUCTED) &&
	       (p->assemblies || emit_icall_reached(p, "rt_Assembly_GetExecutingAssembly") ||
		emit_icall_reached(p, "rt_Assembly_GetEntryAssembly"));
}

/* Is t one of the types rt_assemblies[] lists (a kept type of an
 * assembly, generic instances too, not arrays, pointers or <Module>)? */
static bool assembly_member(Type *t)
{
	return t->img && t->row > 1 && t->kind != TY_SZARRAY && t->kind != TY_ARRAY &&
	       t->kind != TY_PTR && t->kind != TY_BYREF && t->kind != TY_FNPTR &&
	       (!ty_is_open(t) || ty_is_generic_def(t)) && t->user &&
	       (reach_tstate(t)->needs & TN_DESCRIPTOR);
}

/* By TypeDef row, instances after their definition. */
static int row_order(const void *a, const void *b)
{
	const Type *x = *(Type *const *)a, *y = *(Type *const *)b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return strcmp(x->cname, y->cname);
}

/* ra<k>_name(): Mono's MonoAssemblyName of img, which
 * AssemblyName.FillName reads (name, version, flags, token). */
static void native_name(Buf *b, Image *img, uint32_t k)
{
	Type *t = ty_corlib_type("Mono", "MonoAssemblyName");
	const char *disp = emit_assembly_display(img);
	const char *tok = strstr(disp, "PublicKeyToken=");
	tok = tok && strcmp(tok + 15, "null") ? tok + 15 : "";
	buf_printf(b, "static void *ra%u_name(void)\n{\n\tstatic %s n;\n", k, emit_ctype(t));
	buf_printf(b, "\tn.%s = (intptr_t)\"%s\";\n", e_field(t, "name")->cname,
		   md_string(img, md_get(img, T_Assembly, 1, Assembly_Name)));
	static const char *const version[] = { "major", "minor", "build", "revision" };
	static const unsigned cols[] = { Assembly_MajorVersion, Assembly_MinorVersion,
					 Assembly_BuildNumber, Assembly_RevisionNumber };
	for (int i = 0; i < 4; i++)
		buf_printf(b, "\tn.%s = %u;\n", e_field(t, version[i])->cname,
			   md_get(img, T_Assembly, 1, cols[i]));
	buf_printf(b, "\tn.%s = %u;\n", e_field(t, "hash_alg")->cname,
		   md_get(img, T_Assembly, 1, Assembly_HashAlgId));
	buf_printf(b, "\tmemcpy(&n.%s, \"%s\", %zu);\n\treturn &n;\n}\n",
		   e_field(t, "public_key_token")->cname, tok, strlen(tok) + 1);
}

static void assembly_entry(Program *p, Buf *b, Image *img, uint32_t k, bool names)
{
	VEC(Type *) v = {0};
	for (uint32_t i = 0; i < p->types.n; i++)
		if (p->types.v[i]->img == img && assembly_member(p->types.v[i]))
			VEC_PUSH(v, p->types.v[i]);
	if (v.n)
		qsort(v.v, v.n, sizeof *v.v, row_order);
	buf_printf(b, "static const RtType *const ra%u_types[] = {", k);
	for (uint32_t i = 0; i < v.n; i++)
		buf_printf(b, "%s&%s_type,", i % 4 ? " " : "\n\t", v.v[i]->cname);
	buf_puts(b, " NULL };\n");
	if (names)
		native_name(b, img, k);
	free(v.v);
}

/* The images rt_assemblies[] lists, in its order (for tokens). */
static VEC(Image *) asm_imgs;

/* rt_assemblies[]: the program's first, then the others by name. */
static void assemblies(Program *p, Buf *b)
{
	VEC(Image *) imgs = {0};
	if (assemblies_on(p))
		VEC_PUSH(imgs, p->img);
	for (uint32_t i = 0; imgs.n && i < p->types.n; i++) {
		Image *img = p->types.v[i]->img;
		bool seen = !img || !assembly_member(p->types.v[i]) || !md_rows(img, T_Assembly);
		for (uint32_t k = 0; !seen && k < imgs.n; k++)
			seen = imgs.v[k] == img;
		if (!seen) {
			uint32_t at = imgs.n;
			VEC_PUSH(imgs, img);
			while (at > 1 && strcmp(imgs.v[at - 1]->name, img->name) > 0) {
				imgs.v[at] = imgs.v[at - 1];
				at--;
			}
			imgs.v[at] = img;
		}
	}
	Type *mn = ty_corlib_type("Mono", "MonoAssemblyName");
	bool names = emit_icall_reached(p, "rt_AssemblyName_GetNativeName") && mn->user &&
		     (reach_tstate(mn)->needs & TN_LAYOUT);
	for (uint32_t k = 0; k < imgs.n; k++)
		assembly_entry(p, b, imgs.v[k], k, names);
	buf_puts(b, "const RtAssembly rt_assemblies[] = {\n");
	for (uint32_t k = 0; k < imgs.n; k++) {
		Image *img = imgs.v[k];
		uint32_t n = 0;
		for (uint32_t i = 0; i < p->types.n; i++)
			n += p->types.v[i]->img == img && assembly_member(p->types.v[i]);
		int32_t entry = k == 0 && p->entry ? index_of(p, p->entry) : -1;
		buf_printf(b, "\t{ \"%s\", \"%s\", ra%u_types, %u, %s, ",
			   md_rows(img, T_Assembly) ? md_string(img, md_get(img, T_Assembly, 1, Assembly_Name)) : img->name,
			   emit_assembly_display(img), k, n,
			   names ? arena_printf(ty_arena(), "ra%u_name", k) : "NULL");
		buf_printf(b, entry >= 0 ? "&rt_methods[%d] },\n" : "NULL },\n", entry);
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nassemblies = %u;\n", imgs.n);
	free(asm_imgs.v);
	asm_imgs.v = imgs.v, asm_imgs.n = imgs.n;
}

/* "&rt_assemblies[k]" for img, "NULL" if it is not listed. */
static const char *assembly_ref(Image *img)
{
	for (uint32_t k = 0; k < asm_imgs.n; k++)
		if (asm_imgs.v[k] == img)
			return arena_printf(ty_arena(), "&rt_assemblies[%u]", k);
	return "NULL";
}

static bool tokens_on(Program *p)
{
	static const char *const fns[] = {
		"rt_RuntimeModule_ResolveTypeToken", "rt_RuntimeModule_ResolveMethodToken",
		"rt_RuntimeModule_ResolveFieldToken", "rt_RuntimeModule_ResolveMemberToken",
		"rt_RuntimeMethodInfo_get_metadata_token",
		"rt_RuntimeConstructorInfo_get_metadata_token",
		"rt_RuntimeFieldInfo_get_metadata_token",
		"rt_RuntimePropertyInfo_get_metadata_token",
		"rt_RuntimeTypeHandle_GetMetadataToken",
	};
	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
		if (emit_icall_reached(p, fns[i]))
			return true;
	return false;
}

/* The TypeRefs and MemberRefs of the program's assembly that name
 * nothing: what Module.Resolve* of their token throws. */
static void missing_tokens(Program *p, Buf *b, const char *as)
{
	static const uint32_t tables[] = { T_TypeRef, T_MemberRef };
	for (size_t k = 0; k < 2; k++)
		for (uint32_t row = 1; row <= md_rows(p->img, tables[k]); row++) {
			Buf msg = {0};
			int kind;
			Token tok = tables[k] << 24 | row;
			if (e_missing_token(p->img, tok, &msg, &kind)) {
				buf_printf(b, "\t{ %s, 0x%08x, RT_TOK_MISSING, %d, ", as, tok, kind);
				emit_c_string(b, msg.s);
				buf_puts(b, " },\n");
			}
			buf_free(&msg);
		}
}

/* rt_tokens[] (rt.h), once the program reaches MetadataToken or
 * Module.Resolve*: the kept types (instances under their definition's
 * token, not found by Resolve*), methods, fields and properties. */
static void tokens(Program *p, Buf *b)
{
	uint32_t n0 = (uint32_t)b->len;
	buf_puts(b, "const RtToken rt_tokens[] = {\n");
	bool on = tokens_on(p);
	for (uint32_t i = 0; on && i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (assembly_member(t))
			buf_printf(b, "\t{ %s, 0x%08x, RT_TOK_TYPE, 0, &%s_type },\n",
				   t->ninst ? "NULL" : assembly_ref(t->img), 0x02000000u | t->row,
				   t->cname);
	}
	for (uint32_t k = 0; on && k < p->reflected.n; k++) {
		Method *m = p->reflected.v[k];
		if (m->img && m->row)
			buf_printf(b, "\t{ %s, 0x%08x, RT_TOK_METHOD, 0, &rt_methods[%u] },\n",
				   m->ninst || m->owner->ninst ? "NULL" : assembly_ref(m->img),
				   0x06000000u | m->row, k);
	}
	for (uint32_t k = 0; on && k < p->reflected_fields.n; k++) {
		Field *fd = p->reflected_fields.v[k];
		if (fd->img && fd->row)
			buf_printf(b, "\t{ %s, 0x%08x, RT_TOK_FIELD, 0, &rt_fields[%u] },\n",
				   fd->owner->ninst ? "NULL" : assembly_ref(fd->img),
				   0x04000000u | fd->row, k);
	}
	for (uint32_t k = 0; on && k < p->reflected_props.n; k++) {
		ReflectedProp *rp = &p->reflected_props.v[k];
		buf_printf(b, "\t{ %s, 0x%08x, RT_TOK_PROPERTY, 0, &rt_properties[%u] },\n",
			   rp->owner->ninst ? "NULL" : assembly_ref(rp->owner->img),
			   0x17000000u | rp->row, k);
	}
	if (on && asm_imgs.n && asm_imgs.v[0] == p->img)
		missing_tokens(p, b, "&rt_assemblies[0]");
	uint32_t n = 0;         /* one line per entry, after the first */
	for (size_t i = n0; i < b->len; i++)
		n += b->s[i] == '\n';
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_ntokens = %u;\n", n - 1);
}

/* offsetof of field `name` of t (or a base), as C. */
static const char *offset_of(Type *t, const char *name)
{
	Field *fd = e_field(t, name);
	return arena_printf(ty_arena(), "offsetof(%s, %s)", emit_struct(fd->owner), fd->cname);
}

static Type *reflection_type(const char *name)
{
	return ty_corlib_type("System.Reflection", name);
}

/* "(Object *)T_s.Value", T's static field Value after its class
 * constructor (DBNull.Value, Missing.Value). */
static const char *static_value(Buf *b, Type *t)
{
	TypeInfo *ti = ty_info(t);
	Field *v = NULL;
	for (uint32_t i = 0; i < ti->nstatics; i++)
		if (!strcmp(ti->statics[i]->name, "Value"))
			v = ti->statics[i];
	if (!v)
		fatal("the class library's %s has no static field Value", t->name);
	if (ti->cctor)
		buf_printf(b, "\t\tif (!rt_init_check(&%s_init)) return NULL;\n", t->cname);
	return arena_printf(ty_arena(), "(Object *)%s_s.%s", t->cname, v->cname);
}

/* Mono's runtime makes ParameterInfos through this constructor; a
 * parameter without a default value gets DBNull.Value, Missing.Value if
 * it is [Optional], as in Mono. */
static void new_param_info(Buf *b)
{
	Type *t = reflection_type("RuntimeParameterInfo");
	Method *ctor = ty_find_method(t, ".ctor", 7);
	buf_printf(b, "static Object *new_param_info(RtString *name, Object *type, int32_t pos,"
		   " int32_t attrs, Object *def, bool has_def, Object *member)\n{\n"
		   "\tif (!has_def) {\n");
	const char *missing = static_value(b, reflection_type("Missing"));
	const char *dbnull = static_value(b, ty_corlib_type("System", "DBNull"));
	buf_printf(b, "\t\tdef = attrs & 0x10 ? %s : %s;\n\t}\n", missing, dbnull);
	buf_printf(b, "\tObject *o = rt_gc_alloc(&%s_type);\n"
		   "\tif (!o) return NULL;\n\t%s(o, (Object *)name, type, pos, attrs, def, member, NULL);\n"
		   "\treturn rt_pending ? NULL : o;\n}\n", t->cname, ctor->cname);
}

static void properties(Program *p, Buf *b)
{
	buf_puts(b, "const RtProperty rt_properties[] = {\n");
	for (uint32_t i = 0; i < p->reflected_props.n; i++) {
		ReflectedProp *rp = &p->reflected_props.v[i];
		Image *img = rp->owner->img;
		int32_t g = rp->get ? index_of(p, rp->get) : -1, s = rp->set ? index_of(p, rp->set) : -1;
		buf_printf(b, "\t{ \"%s\", &%s_type, %u, ",
			   md_string(img, md_get(img, T_Property, rp->row, Property_Name)),
			   rp->owner->cname, md_get(img, T_Property, rp->row, Property_Flags));
		buf_printf(b, g >= 0 ? "&rt_methods[%d], " : "NULL, ", g);
		buf_printf(b, s >= 0 ? "&rt_methods[%d], " : "NULL, ", s);
		buf_printf(b, "0x%x },\n", TOKEN(T_Property, rp->row));
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nproperties = %u;\n", p->reflected_props.n);
}

/* "&rt_methods[k], " or "NULL, " for m. */
static const char *method_ref(Program *p, Method *m)
{
	int32_t k = m ? index_of(p, m) : -1;
	return k >= 0 ? arena_printf(ty_arena(), "&rt_methods[%d]", k) : "NULL";
}

static void events(Program *p, Buf *b)
{
	buf_puts(b, "const RtEvent rt_events[] = {\n");
	for (uint32_t i = 0; i < p->reflected_events.n; i++) {
		ReflectedEvent *re = &p->reflected_events.v[i];
		Image *img = re->owner->img;
		buf_printf(b, "\t{ \"%s\", &%s_type, %u, %s, ",
			   md_string(img, md_get(img, T_Event, re->row, Event_Name)),
			   re->owner->cname, md_get(img, T_Event, re->row, Event_EventFlags),
			   method_ref(p, re->add));
		buf_printf(b, "%s, %s },\n", method_ref(p, re->remove), method_ref(p, re->raise));
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nevents = %u;\n", p->reflected_events.n);
}

/* A constant's value, as the bytes of its type (rf<k>_v). */
static void constant_value(Program *p, Buf *b, Field *fd, uint32_t k)
{
	Image *img = fd->img;
	uint32_t c = md_lookup1(img, T_Constant, Constant_Parent, TOKEN(T_Field, fd->row));
	Blob v = c ? md_blob(img, md_get(img, T_Constant, c, Constant_Value)) : (Blob){ 0 };
	/* a null string constant has type CLASS (ECMA-335 §II.22.9) */
	if (fd->type == ty_string && c && md_get(img, T_Constant, c, Constant_Type) == ET_STRING) {
		buf_printf(b, "static Object *const rf%u_v = (Object *)&%s;\n", k,
			   reach_literal_name(p, reach_literal(p, v)));
	} else if (ty_is_ref(fd->type)) {
		buf_printf(b, "static Object *const rf%u_v = NULL;\n", k);
	} else {
		buf_printf(b, "static const uint8_t rf%u_v[16] __attribute__((aligned(8))) = {", k);
		for (uint32_t i = 0; i < v.len && i < 16; i++)
			buf_printf(b, " %u,", v.p[i]);
		buf_puts(b, " 0 };\n");
	}
}

/* Where a field's value is: offset in its object, or address. */
static void field_place(Buf *b, Field *fd, uint32_t k)
{
	if (fd->is_literal)
		buf_printf(b, "0, (void *)&rf%u_v, NULL", k);
	else if (fd->is_thread_static)
		buf_printf(b, "0, NULL, rf%u_tls", k);
	else if (fd->flags & FIELD_HAS_RVA)     /* its data, as ldsfld reads it */
		buf_printf(b, "0, rva_%s, NULL", fd->cname);
	else if (fd->is_static)
		buf_printf(b, "0, &%s_s.%s, NULL", fd->owner->cname, fd->cname);
	else if (ty_info(fd->owner)->is_enum)     /* value__: an enum is its value */
		buf_puts(b, "0, NULL, NULL");
	else
		buf_printf(b, "offsetof(%s, %s), NULL, NULL", emit_struct(fd->owner), fd->cname);
}

/* By owner, then in declaration order (as Mono's GetFields lists them). */
static int field_order(const void *a, const void *b)
{
	const Field *x = *(Field *const *)a, *y = *(Field *const *)b;
	if (x->owner != y->owner)
		return x->owner->id < y->owner->id ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void fields(Program *p, Buf *b)
{
	if (p->reflected_fields.n)
		qsort(p->reflected_fields.v, p->reflected_fields.n, sizeof *p->reflected_fields.v,
		      field_order);
	for (uint32_t k = 0; k < p->reflected_fields.n; k++) {
		Field *fd = p->reflected_fields.v[k];
		if (fd->is_literal)
			constant_value(p, b, fd, k);
		else if (fd->is_thread_static)
			buf_printf(b, "static void *rf%u_tls(void) { return &%s_ts.%s; }\n", k,
				   fd->owner->cname, fd->cname);
	}
	buf_puts(b, "const RtField rt_fields[] = {\n");
	for (uint32_t k = 0; k < p->reflected_fields.n; k++) {
		Field *fd = p->reflected_fields.v[k];
		buf_printf(b, "\t{ \"%s\", &%s_type, %s, %u, ", fd->name, fd->owner->cname,
			   type_ref(fd->type), fd->flags);
		field_place(b, fd, k);
		buf_printf(b, ", 0x%x", TOKEN(T_Field, fd->row));
		if (fd->flags & FIELD_HAS_RVA)
			buf_printf(b, ", &rvah_%s", fd->cname);
		buf_puts(b, " },\n");
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nfields = %u;\n", p->reflected_fields.n);
}

/* rt_field_mods[]: the kept fields' custom modifiers, in signature
 * order, once GetRequired/OptionalCustomModifiers is reached */
static void field_mods(Program *p, Buf *b)
{
	bool on = emit_icall_reached(p, "rt_RuntimeFieldInfo_GetTypeModifiers");
	uint32_t n = 0;
	buf_puts(b, "const RtFieldMod rt_field_mods[] = {\n");
	for (uint32_t k = 0; on && k < p->reflected_fields.n; k++) {
		Field *fd = p->reflected_fields.v[k];
		if (!fd->img || !fd->row)
			continue;
		Arena a = {0};
		TypeSig *s = sig_field(fd->img, &a, md_get(fd->img, T_Field, fd->row,
							     Field_Signature));
		Ctx ctx = { fd->owner->inst, fd->owner->ninst, NULL, 0 };
		for (CustomMod *m = s->mods; m; m = m->next, n++)
			buf_printf(b, "\t{ &rt_fields[%u], %s, %s },\n", k,
				   m->required ? "true" : "false",
				   type_ref(ty_from_token(fd->img, m->type, &ctx)));
		arena_free(&a);
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nfield_mods = %u;\n", n);
}

void emit_reflection_known(Program *p, Buf *b)
{
	Type *types = ty_sz(ty_corlib_type("System", "Type"));
	if (types->user && (reach_tstate(types)->needs & TN_CONSTRUCTED))
		buf_printf(b, "\t.type_array = &%s_type,\n", types->cname);
	if (p->reflected_fields.n) {
		Type *fi = reflection_type("RuntimeFieldInfo");
		buf_printf(b, "\t.field_info_type = &%s_type,\n\t.fi_klass_off = %s,\n"
			   "\t.fi_handle_off = %s,\n\t.fi_name_off = %s,\n\t.fi_type_off = %s,\n"
			   "\t.fi_attrs_off = %s,\n", fi->cname, offset_of(fi, "klass"),
			   offset_of(fi, "fhandle"), offset_of(fi, "name"), offset_of(fi, "type"),
			   offset_of(fi, "attrs"));
	}
	Type *ci = reflection_type("RuntimeConstructorInfo");
	if (ci->user && (reach_tstate(ci)->needs & TN_LAYOUT))
		buf_printf(b, "\t.ctor_info_type = &%s_type,\n\t.ci_handle_off = %s,\n"
			   "\t.ci_reftype_off = %s,\n", ci->cname, offset_of(ci, "mhandle"),
			   offset_of(ci, "reftype"));
	if (p->reflected_props.n) {
		Type *pi = reflection_type("RuntimePropertyInfo");
		buf_printf(b, "\t.property_info_type = &%s_type,\n\t.pi_klass_off = %s,\n"
			   "\t.pi_prop_off = %s,\n", pi->cname, offset_of(pi, "klass"),
			   offset_of(pi, "prop"));
	}
	if (p->reflected_events.n) {
		Type *ei = reflection_type("RuntimeEventInfo");
		buf_printf(b, "\t.event_info_type = &%s_type,\n\t.ei_klass_off = %s,\n"
			   "\t.ei_handle_off = %s,\n", ei->cname, offset_of(ei, "klass"),
			   offset_of(ei, "handle"));
	}
	if (assemblies_on(p)) {
		Type *ra = reflection_type("RuntimeAssembly");
		buf_printf(b, "\t.assembly_type = &%s_type,\n\t.asm_handle_off = %s,\n", ra->cname,
			   offset_of(ra, "_mono_assembly"));
	}
	Type *mia = ty_sz(reflection_type("MethodInfo"));
	if (mia->user && (reach_tstate(mia)->needs & TN_CONSTRUCTED))
		buf_printf(b, "\t.method_info_array = &%s_type,\n", mia->cname);
	Type *mod = reflection_type("RuntimeModule");
	if (mod->user && (reach_tstate(mod)->needs & TN_CONSTRUCTED))
		buf_printf(b, "\t.module_type = &%s_type,\n\t.mod_assembly_off = %s,\n"
			   "\t.mod_impl_off = %s,\n", mod->cname, offset_of(mod, "assembly"),
			   offset_of(mod, "_impl"));
	Type *moda = ty_sz(reflection_type("Module"));
	if (moda->user && (reach_tstate(moda)->needs & TN_CONSTRUCTED))
		buf_printf(b, "\t.module_array = &%s_type,\n", moda->cname);
	if (!p->reflection_on)
		return;
	Type *rpi = reflection_type("RuntimeParameterInfo");
	buf_printf(b, "\t.param_info_type = &%s_type,\n\t.pa_member_off = %s,\n"
		   "\t.pa_pos_off = %s,\n", rpi->cname, offset_of(rpi, "MemberImpl"),
		   offset_of(rpi, "PositionImpl"));
	Type *mi = reflection_type("RuntimeMethodInfo");
	buf_printf(b, "\t.method_info_type = &%s_type,\n\t.mi_handle_off = %s,\n"
		   "\t.mi_reftype_off = %s,\n\t.new_param_info = new_param_info,\n"
		   "\t.param_info_array = &%s_type,\n"
		   "\t.void_type = &%s_type,\n"
		   "\t.dlg_method_off = %s,\n\t.dlg_ptr_off = %s,\n\t.dlg_target_off = %s,\n",
		   mi->cname, offset_of(mi, "mhandle"), offset_of(mi, "reftype"),
		   ty_sz(reflection_type("ParameterInfo"))->cname, ty_prim[TY_VOID]->cname,
		   offset_of(ty_delegate, "method"), offset_of(ty_delegate, "method_ptr"),
		   offset_of(ty_delegate, "m_target"));
}

/* Type.GetType(name): the program's named types, if it asks by name. */
static void named_types(Program *p, Buf *b)
{
	bool asked = emit_icall_reached(p, "rt_RuntimeTypeHandle_internal_from_name");
	uint32_t n = 0;
	buf_puts(b, "const RtType *const rt_named_types[] = {");
	for (uint32_t i = 0; asked && i < p->types.n; i++) {
		Type *t = p->types.v[i];
		/* vectors are found as their element's array_of */
		bool md = t->kind == TY_ARRAY && t->user && (reach_tstate(t)->needs & TN_DESCRIPTOR);
		if (((t->kind == TY_CLASS || t->kind == TY_STRUCT || t->kind <= TY_U) && t->img &&
		     !ty_is_open(t)) || (md && !ty_is_open(t))) {
			buf_printf(b, "%s&%s_type,", n % 4 ? " " : "\n\t", t->cname);
			n++;
		}
	}
	buf_printf(b, " NULL };\nconst uint32_t rt_nnamed_types = %u;\n"
		   "const char *const rt_named_assemblies[] = {", n);
	for (uint32_t i = 0; asked && i < p->ld->nimages; i++) {
		buf_putc(b, ' ');
		emit_c_string(b, p->ld->images[i]->name);
		buf_putc(b, ',');
	}
	buf_puts(b, " NULL };\n");
}

/* AppDomain.FriendlyName: Mono names the domain after the program's
 * assembly file ("app.exe"), its module's name; the runtime falls back on
 * the executable's own name where this is not written. */
static void friendly_name(Program *p, Buf *b)
{
	if (!p->img || !emit_icall_reached(p, "rt_AppDomain_getFriendlyName"))
		return;
	buf_puts(b, "const char rt_friendly_name[] = ");
	emit_c_string(b, md_string(p->img, md_get(p->img, T_Module, 1, Module_Name)));
	buf_puts(b, ";\n");
}

/* rt_refused_methods[]: MakeGenericMethod over arguments that break the
 * constraints (il2c_reflect.c refuse), which throws ArgumentException. */
static void refused_methods(Program *p, Buf *b)
{
	uint32_t n = 0;
	buf_puts(b, "const RtRefusedMethod rt_refused_methods[] = {\n");
	for (uint32_t i = 0; i < p->refused_methods.n; i++) {
		Method *m = p->refused_methods.v[i];
		int32_t def = index_of(p, ty_method(m->owner, m->img, m->row, NULL, 0));
		if (def < 0)
			continue;
		buf_printf(b, "\t{ &rt_methods[%d], %u, (const RtType *const[]){", def, m->ninst);
		for (uint32_t k = 0; k < m->ninst; k++)
			buf_printf(b, " &%s_type,", m->inst[k]->cname);
		buf_puts(b, " } },\n");
		n++;
	}
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nrefused_methods = %u;\n", n);
}

void emit_reflection(Program *p, Buf *b)
{
	friendly_name(p, b);
	named_types(p, b);
	byref_types(p, b);
	for (uint32_t k = 0; k < p->reflected.n; k++) {
		Method *m = p->reflected.v[k];
		method_arrays(p, b, m, k);
		if (!reach_reflect_open(m))
			thunks(b, m, k);
	}
	buf_puts(b, "const RtMethod rt_methods[] = {\n");
	for (uint32_t k = 0; k < p->reflected.n; k++)
		method_entry(p, b, p->reflected.v[k], k);
	buf_printf(b, "\t{ 0 }\n};\nconst uint32_t rt_nmethods = %u;\n", p->reflected.n);
	refused_methods(p, b);
	generic_args(p, b);
	nested_types(p, b);
	assemblies(p, b);
	properties(p, b);
	events(p, b);
	fields(p, b);
	field_mods(p, b);
	tokens(p, b);
	emit_attrs(p, b);
	if (p->reflection_on)
		new_param_info(b);
}
