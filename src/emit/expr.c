/* expr: Expression.Compile without a JIT (docs/design.md).
 *
 * Mono's System.Core compiles expression trees with Reflection.Emit
 * (LambdaCompiler). ilcc substitutes LambdaCompiler.Compile by the
 * interpreter of build/IlccExpr.dll (lib/IlccExpr.cs, C# compiled into the
 * program like the class library), loaded when the substitution is
 * reached. The interpreter hands back a delegate of the lambda's type
 * through the internal call Interpreter.MakeDelegate (runtime/reflect.c),
 * which calls rt_expr_delegate_new (generated): per delegate type a thunk
 * with the type's Invoke signature that boxes the arguments into an
 * object[], calls Closure.Call on the delegate's target and unboxes the
 * result.
 *
 * Which delegate types: those of every Expression<TDelegate> the program
 * makes (its constructor reached: the C# compiler and Expression.Lambda
 * make lambdas through it), so nested lambdas get theirs too.
 *
 * Requires: reach (on_reached is told of each method), il2c's Fn for the
 * substitution. Produces: the substituted body, what the thunks need
 * reached, and (emit_expr_delegates, once every body is written) the
 * thunks and the table.
 */
#include "il2c.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char EXPR1[] = "System.Linq.Expressions.Expression`1<";

const char *emit_support_path(const char *file)
{
	static char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0)
		return NULL;
	dir[n] = 0;
	*strrchr(dir, '/') = 0;
	const char *rt = getenv("ILCC_RUNTIME_DIR");
	const char *cands[] = { arena_printf(ty_arena(), "%s/%s", dir, file),
				arena_printf(ty_arena(), "%s/../lib/ilcc/%s", dir, file),
				arena_printf(ty_arena(), "%s/%s", rt && *rt ? rt : dir, file) };
	for (unsigned i = 0; i < countof(cands); i++)
		if (access(cands[i], R_OK) == 0)
			return cands[i];
	return NULL;
}

/* ns.type::name (nparams, -1 any) of the support assembly dll beside ilcc
 * (build/IlccExpr.dll, IlccXml.dll), loaded on first use; `needs` says in
 * the fatal error what needed it. */
Method *emit_support_method(Program *p, const char *dll, const char *needs, const char *ns,
			    const char *type, const char *name, int nparams)
{
	const char *path = emit_support_path(dll);
	if (!path)
		fatal("%s needs %s, which is not beside ilcc (or in ../lib/ilcc): run make",
		      needs, dll);
	Image *img = ld_open(p->ld, path);
	uint32_t row = ld_find_type(img, ns, type);
	Method *m = row ? ty_find_method(ty_def(img, row, NULL, 0), name, nparams) : NULL;
	if (!m)
		fatal("%s: no method %s.%s::%s", path, ns, type, name);
	return m;
}

static Method *interp_method(Program *p, const char *type, const char *name, int nparams)
{
	return emit_support_method(p, "IlccExpr.dll", "Expression.Compile", "Ilcc.Expressions",
				   type, name, nparams);
}

/* The substitution of LambdaCompiler.Compile(LambdaExpression). */
void e_expr_compile(Fn *f)
{
	Method *m = interp_method(f->p, "Interpreter", "Compile", 1);
	reach_method(f->p, m, f->m, "build-time substitution: Expression.Compile interprets");
	reach_method(f->p, interp_method(f->p, "Closure", "Call", 1), f->m,
		     "the thunks of expression trees' delegate types call it");
	e_out(f, "return %s(a0);", m->cname);
}

/* Is the interpreter in the program (Compile reached, which loads it)? */
static bool interp_used(Program *p)
{
	for (uint32_t i = 0; i < p->ld->nimages; i++) {
		const char *path = p->ld->images[i]->path, *slash = strrchr(path, '/');
		if (!strcmp(slash ? slash + 1 : path, "IlccExpr.dll"))
			return true;
	}
	return false;
}

static Method *invoke_of(Type *d)
{
	return ty_find_method(d, "Invoke", -1);
}

/* What a thunk's boxing or unboxing of t needs. */
static void reach_boxed(Program *p, Type *t, Method *why)
{
	if (t->kind == TY_VOID)
		return;
	reach_type(p, t, TN_DESCRIPTOR | (ty_is_valuetype(t) ? TN_CONSTRUCTED : 0), why);
	if (t->kind == TY_STRUCT && ty_info(t)->is_nullable)
		reach_type(p, t->inst[0], TN_DESCRIPTOR | TN_CONSTRUCTED, why);
}

/* Can a thunk take and give what d's Invoke does? */
static bool thunkable(Method *inv)
{
	for (uint32_t i = 0; i < inv->nparams; i++)
		if (inv->params[i]->kind == TY_BYREF || inv->params[i]->kind == TY_PTR ||
		    ty_is_open(inv->params[i]))
			return false;
	return inv->ret->kind != TY_BYREF && inv->ret->kind != TY_PTR && !ty_is_open(inv->ret);
}

/* Expression<d>, which CreateLambda makes by reflection in Mono's IL. */
static Type *expr1_of(Program *p, Type *d)
{
	Type *lambda = NULL;
	for (uint32_t i = 0; i < p->types.n && !lambda; i++)
		if (!strcmp(p->types.v[i]->name, "System.Linq.Expressions.LambdaExpression"))
			lambda = p->types.v[i];
	if (!lambda)
		return NULL;
	uint32_t row = ld_find_type(lambda->img, "System.Linq.Expressions", "Expression`1");
	return row ? ty_def(lambda->img, row, &d, 1) : NULL;
}

/* Roslyn's trees leave decimal's operators for System.Core to find by
 * reflection (Expression.Multiply(a, b) looks for op_Multiply): kept
 * once the program makes any lambda. */
static void keep_decimal_operators(Program *p, Method *why)
{
	TypeInfo *ti = ty_info(ty_corlib_type("System", "Decimal"));
	for (uint32_t i = 0; i < ti->nmethods; i++)
		if (!strncmp(ti->methods[i]->name, "op_", 3))
			reach_reflect_method(p, ti->methods[i], why);
}

/* What a lambda of delegate type d needs, the first time one is seen. */
void emit_expr_need(Program *p, Type *d, Method *m)
{
	Method *inv = ty_is_open(d) || !ty_info(d)->is_delegate ? NULL : invoke_of(d);
	if (!inv || !thunkable(inv))
		return;
	for (uint32_t i = 0; i < p->expr_delegates.n; i++)
		if (p->expr_delegates.v[i] == d)
			return;
	Type *e1 = expr1_of(p, d);
	Method *create = e1 ? ty_find_method(e1, "Create", 4) : NULL;
	if (!create)
		return;
	if (!p->expr_delegates.n)
		keep_decimal_operators(p, m);
	VEC_PUSH(p->expr_delegates, d);
	reach_method(p, create, m, "Expression.Lambda<T> makes the lambda without reflection");
	/* ... and its generic arguments are known (Expression.Call validates
	 * an Expression<T> parameter with Type.ContainsGenericParameters) */
	reach_reflect_method(p, create, m);
	reach_type(p, d, TN_DESCRIPTOR | TN_CONSTRUCTED, m);
	/* Expression.Lambda(body, parameters) asks for Func<...> or Action<...>
	 * by MakeGenericType */
	if (d->ninst)
		reach_made_generic(p, ty_def(d->img, d->row, NULL, 0), d, m);
	reach_reflect_method(p, inv, m);        /* Expression.Lambda checks its signature */
	reach_type(p, ty_sz(ty_object), TN_DESCRIPTOR | TN_CONSTRUCTED, m);
	for (uint32_t i = 0; i < inv->nparams; i++)
		reach_boxed(p, inv->params[i], m);
	reach_boxed(p, inv->ret, m);
}

/* on_reached: Expression.Lambda<TDelegate> and the constructor of
 * Expression<TDelegate> make TDelegate's lambda and thunk needed. */
void emit_expr_reached(Program *p, Method *m)
{
	if (!strcmp(m->name, ".ctor") && m->owner->ninst == 1 &&
	    !strncmp(m->owner->name, EXPR1, sizeof EXPR1 - 1))
		emit_expr_need(p, m->owner->inst[0], m);
	else if (!strcmp(m->name, "Lambda") && m->ninst == 1 &&
		 !strcmp(m->owner->name, "System.Linq.Expressions.Expression"))
		emit_expr_need(p, m->inst[0], m);
}

/* System.Core's TypeUtils.IsNullableType(Type) */
void e_expr_is_nullable(Fn *f)
{
	e_out(f, "return rt_type_is_nullable(a0);");
}

/* Nullable.GetUnderlyingType(Type) */
void e_expr_nullable_underlying(Fn *f)
{
	e_out(f, "return rt_nullable_underlying(a0);");
}

/* The substitution of Expression.CreateLambda(Type, body, name, tailCall,
 * parameters), whose IL makes Expression<T> by reflection. */
void e_expr_create_lambda(Fn *f)
{
	e_out(f, "return rt_expr_create_lambda(a0, a1, a2, a3, a4);");
}

static const char *dlg_field(const char *obj, const char *name)
{
	Field *fd = e_field(ty_delegate, name);
	return arena_printf(ty_arena(), "((%s *)%s)->%s", emit_struct(fd->owner), obj, fd->cname);
}

/* R xd<k>(Object *o, P0 p0, ...): Closure.Call(o, new object[] { p0, ... }) */
static void thunk(Buf *b, Program *p, Type *d, uint32_t k)
{
	Method *inv = invoke_of(d), *call = interp_method(p, "Closure", "Call", 1);
	bool has_ret = inv->ret->kind != TY_VOID;
	buf_printf(b, "static %s xd%u(Object *o", has_ret ? emit_ctype(inv->ret) : "void", k);
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(b, ", %s p%u", emit_ctype(inv->params[i]), i);
	buf_printf(b, ")\n{\n\tRtArray *a = rt_gc_alloc_array(&%s_type, %u);\n",
		   ty_sz(ty_object)->cname, inv->nparams);
	for (uint32_t i = 0; i < inv->nparams; i++)
		buf_printf(b, "\tif (a)\n\t\tRT_ARRAY_DATA(a, Object *)[%u] = rt_reflect_box(&%s_type, &p%u);\n",
			   i, inv->params[i]->cname, i);
	buf_printf(b, "\tObject *r = a && !rt_pending ? %s(o, (Object *)a) : NULL;\n", call->cname);
	if (!has_ret)
		buf_puts(b, "\t(void)r;\n}\n");
	else if (ty_is_ref(inv->ret))
		buf_printf(b, "\treturn rt_pending ? NULL : (%s)r;\n}\n", emit_ctype(inv->ret));
	else
		buf_printf(b, "\t%s v;\n\trt_reflect_unbox(&%s_type, rt_pending ? NULL : r, &v);\n"
			   "\treturn v;\n}\n", emit_ctype(inv->ret), inv->ret->cname);
}

/* rt_expr_delegate_new(t, target): a delegate of type t over target
 * (a Closure) calling t's thunk; NULL for a type with none. */
void emit_expr_delegates(Program *p, Buf *d)
{
	bool used = interp_used(p);
	for (uint32_t k = 0; used && k < p->expr_delegates.n; k++)
		thunk(d, p, p->expr_delegates.v[k], k);
	buf_puts(d, "Object *rt_expr_delegate_new(const RtType *t, Object *target)\n{\n"
		 "\tvoid *fn = NULL;\n");
	for (uint32_t k = 0; used && k < p->expr_delegates.n; k++)
		buf_printf(d, "\tif (t == &%s_type)\n\t\tfn = (void *)xd%u;\n",
			   p->expr_delegates.v[k]->cname, k);
	buf_printf(d, "\tObject *d = fn ? rt_gc_alloc(t) : NULL;\n\tif (!d)\n\t\treturn NULL;\n"
		   "\t%s = (intptr_t)fn;\n\t%s = target;\n\treturn d;\n}\n",
		   dlg_field("d", "method_ptr"), dlg_field("d", "m_target"));
	buf_puts(d, "Object *rt_expr_lambda_new(const RtType *t, Object *body, Object *name,"
		 " uint8_t tail, Object *params)\n{\n");
	for (uint32_t k = 0; k < p->expr_delegates.n; k++) {
		Type *dt = p->expr_delegates.v[k];
		buf_printf(d, "\tif (t == &%s_type)\n\t\treturn %s(body, name, tail, params);\n",
			   dt->cname, ty_find_method(expr1_of(p, dt), "Create", 4)->cname);
	}
	buf_puts(d, "\treturn NULL;\n}\n");
}
