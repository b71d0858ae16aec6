/* il2c_reflect: reflection by dataflow, as .NET's Native AOT does it.
 *
 * What the evaluation stack holds is sometimes known at build time:
 * typeof(X) (ldtoken, then Type.GetTypeFromHandle), x.GetType() of a
 * sealed static type, a Type[] of such at constant indexes, a string
 * literal, and the MethodInfo that Type.GetMethod("name") finds. The
 * reflection calls below use that to keep what the runtime will look for:
 *
 * - Activator.CreateInstance(typeof(X)): X's parameterless constructor;
 * - typeof(G<>).MakeGenericType(typeof(A)): G<A>, in rt_made_generics;
 * - Array.CreateInstance(typeof(X), ...): X's array type;
 * - typeof(X).GetMethod("name") / GetMethods(): X's methods of that name
 *   (or all), in rt_methods (reach_reflect_method);
 * - typeof(X).GetProperty("name") / GetProperties(): those properties,
 *   in rt_properties, with their accessors;
 * - typeof(X).GetField("name") / GetFields(): those fields (constants
 *   too), in rt_fields, with their owner's statics;
 * - the same calls with a name not known, in the program's own code:
 *   all of X's members of that kind (ILLink's rule);
 * - typeof(X).GetConstructor(...) / GetConstructors(), and
 *   Activator.CreateInstance(typeof(X), args): X's constructors;
 * - m.MakeGenericMethod(typeof(A)) on a method found so: its instance;
 * - Delegate.CreateDelegate(typeof(D), ...) and MethodInfo.CreateDelegate(
 *   typeof(D)): D, constructed, with Invoke found by reflection (Mono's CreateDelegate looks it up);
 * - Marshal.SizeOf(typeof(S)), OffsetOf, PtrToStructure, StructureToPtr
 *   of a boxed S: S in rt_marshal_types[] (marshal.c), with why when
 *   ilcc cannot marshal it (the call throws then, as Mono's; a warning).
 *
 * The member searches (GetMethod(s), GetProperty(ies), GetField(s),
 * GetEvent(s), GetMember(s), GetConstructor(s), Activator.CreateInstance)
 * keep the same of each Type the value may be: one of several where paths
 * join or a Type[] is read at a variable index (Slot.cands), and for
 * x.GetType() of a static type that may hold a subclass, each of the
 * program's own types constructed that is one (Slot.sub_of: "what a
 * reflection call asks", below).
 *
 * Where the program's own code calls one of these and the argument is not
 * known, a build warning names the call (e_warn). Each rule sets what the
 * call's result is known to be (the slot `r`). Rules are found once per
 * called method (MethodState.flow).
 */
#include "il2c.h"
#include "../attrs.h"
#include "../directives.h"
#include "../warn.h"

#include <string.h>
#include <strings.h>

/* The argument `i` (0: the first after `this`) of a call of m. */
static Slot *arg(Fn *f, Method *m, uint32_t i)
{
	return e_top(f, m->nparams - 1 - i);
}

static Slot *receiver(Fn *f, Method *m)
{
	return e_top(f, m->nparams);
}

static void warn(Fn *f, WarnCode c, const char *what)
{
	if (c == W_REFLECT && f->dam_arg)
		return;         /* the callers' types flowed in: kept there */
	warn_aot(f->p, f->m, f->off, c, what);
}

static bool param_is(Method *m, uint32_t i, const char *type)
{
	return i < m->nparams && !strcmp(m->params[i]->name, type);
}

/* An assembly of the program's own (not the class library's)? */
static bool own_image(const Image *img)
{
	return img && img != ty_corlib && !emit_in_class_library((Image *)img);
}

/* System.Reflection.BindingFlags */
enum {
	BF_IGNORE_CASE = 0x1, BF_DECLARED_ONLY = 0x2, BF_INSTANCE = 0x4, BF_STATIC = 0x8, BF_PUBLIC = 0x10,
	BF_NONPUBLIC = 0x20, BF_FLATTEN = 0x40, BF_DEFAULT = BF_INSTANCE | BF_STATIC | BF_PUBLIC,
	BF_ANY = BF_DEFAULT | BF_NONPUBLIC | BF_IGNORE_CASE | BF_FLATTEN,
};

typedef enum AskKind {
	ASK_METHODS, ASK_PROPERTIES, ASK_FIELDS, ASK_EVENTS, ASK_CTORS, ASK_MEMBERS,
	ASK_NEW,                /* the parameterless constructor (Activator) */
} AskKind;

/* What one call asks: members of a kind named `name` (NULL: all) that a
 * search with these BindingFlags finds. */
typedef struct Ask {
	AskKind kind;
	const char *name;
	int32_t flags;
} Ask;

/* The BindingFlags argument of a call of m: BF_DEFAULT if there is none,
 * BF_ANY if it is not a constant. */
static int32_t binding_flags(Fn *f, Method *m)
{
	for (uint32_t i = 0; i < m->nparams; i++)
		if (param_is(m, i, "System.Reflection.BindingFlags"))
			return arg(f, m, i)->has_cval ? arg(f, m, i)->cval : BF_ANY;
	return BF_DEFAULT;
}

static bool binds(Method *m, int32_t flags)
{
	bool pub = (m->flags & MF_ACCESS) == MF_PUBLIC, stat = m->flags & MF_STATIC;
	return (flags & (pub ? BF_PUBLIC : BF_NONPUBLIC)) &&
	       (flags & (stat ? BF_STATIC : BF_INSTANCE));
}

static bool own_code(Method *m);

/* Class library methods whose typeof constants name types the library
 * creates by reflection later, after reading them back from a table
 * (TypeDescriptor.GetConverter: ReflectTypeDescriptionProvider's
 * intrinsic converters, each made through its (Type) constructor, else
 * its parameterless one): each such type deriving from `base` keeps its
 * public constructors. */
static void reflect_ctors(Program *p, Method *why, Type *t, int32_t flags);

static const struct { const char *owner, *method, *base; } created_later[] = {
	{ "System.ComponentModel.ReflectTypeDescriptionProvider", "get_IntrinsicTypeConverters",
	  "System.ComponentModel.TypeConverter" },
};

/* Class library methods that copy `this` through
 * Activator.CreateInstance(this.GetType()) (System.Data's Clone): their
 * x.GetType() is taken as x's static type, so that its constructors are
 * kept (a subclass of the program's own is not followed there). */
static const struct { const char *owner, *method; } clones_self[] = {
	{ "System.Data.DataColumn", "Clone" },
	{ "System.Data.DataTable", "CreateInstance" },
	{ "System.Data.DataSet", "Clone" },
};

static bool clones_self_call(Method *m)
{
	for (size_t i = 0; i < countof(clones_self); i++)
		if (!strcmp(m->name, clones_self[i].method) &&
		    !strcmp(m->owner->name, clones_self[i].owner))
			return true;
	return false;
}

static bool derives_from(Type *t, const char *base)
{
	for (; t && t->img; t = ty_info(t)->base)
		if (!strcmp(t->name, base))
			return true;
	return false;
}

static void from_handle(Fn *f, Method *m, Slot *r)
{
	Type *t = r->known = arg(f, m, 0)->known;
	for (size_t i = 0; t && i < countof(created_later); i++)
		if (!strcmp(f->m->name, created_later[i].method) &&
		    !strcmp(f->m->owner->name, created_later[i].owner) &&
		    derives_from(t, created_later[i].base))
			reflect_ctors(f->p, f->m, t, BF_PUBLIC | BF_INSTANCE);
}

void emit_reflect_keys(KeyFn *fn, void *ctx)
{
	for (size_t i = 0; i < countof(created_later); i++) {
		fn(ctx, KEY_METHOD_NAME, arena_printf(ty_arena(), "%s::%s", created_later[i].owner,
						      created_later[i].method), "il2c_reflect.c created_later");
		fn(ctx, KEY_TYPE, created_later[i].base, "il2c_reflect.c created_later");
	}
	for (size_t i = 0; i < countof(clones_self); i++)
		fn(ctx, KEY_METHOD_NAME, arena_printf(ty_arena(), "%s::%s", clones_self[i].owner,
						      clones_self[i].method), "il2c_reflect.c clones_self");
}

/* ---- MakeGenericType/MakeGenericMethod over the Types the build sees ----
 * Native AOT compiles only the instances it can see and warns (IL3050)
 * for the rest. ilcc makes every instance an argument may give: one
 * typeof(X); each of several where paths join (c ? typeof(A) :
 * typeof(B)) or a Type[] of typeof constants is read at a variable index
 * (Slot.cands); each Type the callers pass where the argument is a Type
 * parameter of the program's own method, on through their own Type
 * parameters (a GenSite per parameter, met with Program.type_args in
 * either order). Instances whose arguments break the constraints are
 * not made (MakeGenericType throws ArgumentException for them, as
 * Mono's). Where none of this holds, the call warns (ILCC1003) and the
 * runtime throws NotSupportedException for an instance not made. */

enum { MAX_MADE = 64 };         /* instances per call, past which it warns */

/* An instance over arguments that break the constraints (type t or
 * method m, not made): listed, so that MakeGenericType/Method throws
 * ArgumentException for it as Mono's does, not NotSupportedException. */
static void refuse(Program *p, Type *t, Method *m, Method *why)
{
	Type **inst = t ? t->inst : m->inst;
	uint32_t n = t ? t->ninst : m->ninst;
	for (uint32_t i = 0; i < (t ? p->refused_types.n : p->refused_methods.n); i++)
		if (t ? p->refused_types.v[i] == t : p->refused_methods.v[i] == m)
			return;
	for (uint32_t i = 0; i < n; i++)
		reach_type(p, inst[i], TN_DESCRIPTOR, why);
	if (t) {
		reach_type(p, ty_def(t->img, t->row, NULL, 0), TN_DESCRIPTOR, why);
		VEC_PUSH(p->refused_types, t);
	} else {
		VEC_PUSH(p->refused_methods, m);
	}
}

/* The instance of generic type g or method gm over args (NULL: not
 * made, the arguments do not fit). */
static void *make_one(Program *p, Type *g, Method *gm, Type **args, uint32_t n, Method *why,
		      bool ctor)
{
	for (uint32_t i = 0; i < n; i++)
		if (!args[i] || ty_is_open(args[i]) || ty_is_generic_def(args[i]) ||
		    args[i]->kind == TY_VOID || args[i]->kind == TY_BYREF || args[i]->kind == TY_PTR)
			return NULL;
	if (g) {
		Ctx ctx = { .tinst = args, .ntinst = n };
		Type *made = ty_def(g->img, g->row, args, n);
		if (!ty_args_satisfy(g->img, TOKEN(T_TypeDef, g->row), args, n, &ctx)) {
			refuse(p, made, NULL, why);
			return NULL;
		}
		reach_made_generic(p, g, made, why);
		if (ctor && !ty_info(made)->is_interface && !ty_info(made)->is_abstract)
			reach_default_ctor(p, made, why);
		return made;
	}
	Ctx ctx = { .tinst = gm->owner->inst, .ntinst = gm->owner->ninst, .minst = args, .nminst = n };
	Type **copy = arena_alloc(ty_arena(), n * sizeof *copy);
	memcpy(copy, args, n * sizeof *copy);
	Method *made = ty_method(gm->owner, gm->img, gm->row, copy, n);
	if (!ty_args_satisfy(gm->img, TOKEN(T_MethodDef, gm->row), args, n, &ctx)) {
		refuse(p, NULL, made, why);
		return NULL;
	}
	reach_reflect_method(p, made, why);
	return made;
}

/* A MakeGenericType/Method whose argument `pos` is the Type parameter
 * `param` of m (the others known): made for each Type passed to it. */
typedef struct GenSite {
	Type *g;
	Method *gm;
	Type **args;
	uint32_t n, pos;
	Method *m, *why;
	uint32_t param;
} GenSite;

static void site_on(Program *p, const GenSite *s, Method *m, uint32_t param);

/* Type t (or the caller's parameter, or an unknown Type) flows into the
 * site's parameter through a. */
static void site_flow(Program *p, const GenSite *s, const TypeArgFlow *a)
{
	if (a->known) {
		Type **args = arena_alloc(ty_arena(), s->n * sizeof *args);
		memcpy(args, s->args, s->n * sizeof *args);
		args[s->pos] = a->known;
		make_one(p, s->g, s->gm, args, s->n, s->why, true);
	} else if (a->from) {
		site_on(p, s, a->caller, a->from - 1);
	} else {
		warn_aot(p, a->caller, a->off, W_GENERIC, arena_printf(ty_arena(),
			 "a Type not known at build time is passed to %s, which gives it to %s;"
			 " instances over it that the program does not make anyway throw"
			 " NotSupportedException (pass typeof(X))", ty_method_name(a->callee),
			 s->g ? "MakeGenericType" : "MakeGenericMethod"));
	}
}

/* The site also holds for m's Type parameter `param`: each Type passed
 * to it so far, and each passed later (type_args), makes an instance. */
static void site_on(Program *p, const GenSite *s, Method *m, uint32_t param)
{
	for (uint32_t i = 0; i < p->gen_sites.n; i++) {
		GenSite *o = &p->gen_sites.v[i];
		if (o->m == m && o->param == param && o->g == s->g && o->gm == s->gm &&
		    o->pos == s->pos && !memcmp(o->args, s->args, s->n * sizeof *s->args))
			return;
	}
	GenSite t = *s;
	t.m = m, t.param = param;
	VEC_PUSH(p->gen_sites, t);
	for (uint32_t k = 0; k < p->type_args.n; k++) {
		TypeArgFlow a = p->type_args.v[k];
		if (a.callee == m && a.param == param)
			site_flow(p, &t, &a);
	}
}

static uint32_t type_param_of(Fn *f, const Slot *s);

/* The elements of a Type[] by position: a new array's (elems), or, from
 * a local written once (elems_any with efacts, il2c_ops.c), what was
 * stored in it as far as the translation saw. NULL: not known. A wrong
 * guess costs only a MakeGeneric* that throws NotSupportedException at
 * run time, as with no guess. */
static Type **by_position(const Slot *s, uint32_t *n)
{
	*n = s->elems ? s->nelems : s->efacts ? s->nelems_any : 0;
	return s->elems ? s->elems : s->efacts ? s->elems_any : NULL;
}

static uint32_t positions(const Slot *s)
{
	uint32_t n;
	by_position(s, &n);
	return n;
}

/* G<...> or M<...> over the Type[] args: each element known, one of its
 * candidates, or (one of them at most) a Type parameter of the program's
 * own method. False: an element is none of these, or too many instances
 * would be made. The result is known when there is one instance, one of
 * the candidates when several. */
static bool make_over(Fn *f, Type *g, Method *gm, Slot *args, Slot *r)
{
	uint32_t n, total = 1, param = 0;
	Type **el = by_position(args, &n);
	uint32_t pos = n;
	Type *const *opt[16];
	uint32_t nopt[16];
	if (n > 16 || !el)
		return false;
	for (uint32_t i = 0; i < n; i++) {
		const ElemFacts *e = args->efacts ? &args->efacts[i] : NULL;
		opt[i] = &el[i], nopt[i] = 1;
		if (!el[i] && e && e->ncands) {
			opt[i] = e->cands, nopt[i] = e->ncands;
		} else if (!el[i]) {
			Slot s = { .from_arg = e ? e->from_arg : 0 };
			param = type_param_of(f, &s);
			if (!param || pos < n)
				return false;
			pos = i;
		}
		total *= nopt[i];
		if (total > MAX_MADE)
			return false;
	}
	if (pos < n) {
		if (total > 1)
			return false;
		GenSite s = { g, gm, el, n, pos, NULL, f->m, 0 };
		s.args = arena_alloc(ty_arena(), n * sizeof *s.args);
		memcpy(s.args, el, n * sizeof *s.args);
		site_on(f->p, &s, f->m, param - 1);
		r->dam = true;  /* what it may be is made there, with its constructor */
		return true;
	}
	Type *a[16], **made = arena_alloc(&f->a, total * sizeof *made);
	uint32_t at[16] = {0}, nmade = 0;
	for (uint32_t c = 0; c < total; c++) {
		for (uint32_t i = 0; i < n; i++)
			a[i] = opt[i][at[i]];
		void *x = make_one(f->p, g, gm, a, n, f->m, false);
		if (x)
			made[nmade++] = x;
		for (uint32_t i = n; i-- > 0 && ++at[i] == nopt[i]; )
			at[i] = 0;
	}
	if (nmade == 1 && g)
		r->known = made[0];
	else if (nmade == 1)
		r->kmethod = (Method *)made[0];
	else if (g)
		r->cands = made, r->ncands = nmade;
	return true;
}

/* typeof(G<>).MakeGenericType(new Type[] { typeof(A), ... }): G<A, ...>
 * is made at build time, and the runtime finds it (rt_made_generics);
 * over each candidate where an argument may be one of several
 * (make_over), or over each Type the callers pass where it is a Type
 * parameter. */
static void make_generic(Fn *f, Method *m, Slot *r)
{
	Type *g = receiver(f, m)->known;
	Slot *args = arg(f, m, 0);
	bool def = g && g->img && ty_is_generic_def(g);
	if (def && positions(args) == ty_generic_arity(g) && make_over(f, g, NULL, args, r))
		return;
	warn(f, W_GENERIC, "MakeGenericType with a type or arguments not known at build time"
	     " finds only instances the program makes anyway, and throws"
	     " NotSupportedException for others (write"
	     " typeof(G<>).MakeGenericType(new Type[] { typeof(A) }) at the call)");
}

/* Array.CreateInstance(typeof(X), lengths...): X's array of that rank
 * (from the overload, or the length of a `new int[n]` of lengths). */
static void create_array(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *x = arg(f, m, 0)->known;
	if (!param_is(m, 0, "System.Type") || !x)
		return;
	uint32_t rank = m->nparams - 1;
	bool bounds = m->nparams == 3 && m->params[2]->kind == TY_SZARRAY;
	if (m->params[1]->kind == TY_SZARRAY)
		rank = arg(f, m, 1)->nelems;
	if (rank == 0 || ty_is_open(x) || ty_is_generic_def(x) || x->kind == TY_VOID)
		return;
	Type *at = rank == 1 && !bounds ? ty_sz(x) : ty_md(x, rank);
	reach_type(f->p, at, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
}

static void reflect_ctors(Program *p, Method *why, Type *t, int32_t flags);
static bool ask(Fn *f, const Slot *s, const Ask *a, const char *call, Method **one);

/* Activator.CreateInstance(typeof(X)[, nonPublic]): X's parameterless
 * constructor; with arguments (Type, object[], ...): X's constructors
 * found by reflection. */
static void create_instance(Fn *f, Method *m, Slot *r)
{
	(void)r;
	if (!param_is(m, 0, "System.Type"))
		return;
	Slot *t = arg(f, m, 0);
	bool with_args = false;        /* an object[] of arguments */
	for (uint32_t i = 1; i < m->nparams; i++)
		with_args |= m->params[i]->kind == TY_SZARRAY;
	Ask a = { with_args ? ASK_CTORS : ASK_NEW, NULL, BF_ANY };
	if (!ask(f, t, &a, "Activator.CreateInstance", NULL))
		warn(f, W_REFLECT, "Activator.CreateInstance on a type not known at build time"
		     " works only for types whose parameterless constructor the program"
		     " keeps anyway (name the type with typeof at the call)");
}

/* Expression.Lambda(typeof(D), body, ...): lambdas of type D are made
 * (src/emit/expr.c) */
static void expr_lambda(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *known = m->nparams && param_is(m, 0, "System.Type") ? arg(f, m, 0)->known : NULL;
	if (known && known->kind == TY_CLASS && ty_info(known)->is_delegate)
		emit_expr_need(f->p, known, f->m);
}

/* Expression.New(typeof(X)) (Roslyn's trees, for `new X()`): System.Core
 * looks for X's parameterless constructor by reflection */
static void expr_new(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *known = m->nparams == 1 && param_is(m, 0, "System.Type") ? arg(f, m, 0)->known : NULL;
	if (known)
		reflect_ctors(f->p, f->m, known, BF_ANY);
}

/* x.GetType(): x's static type, when no subclass can be there. */
static void get_type(Fn *f, Method *m, Slot *r)
{
	Slot *s = receiver(f, m);
	Type *t = s->exact ? s->exact : s->t;   /* exact: what newobj made */
	if (s->k != SK_O || !t || !t->img || t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return;
	TypeInfo *ti = ty_info(t);
	if (ti->is_nullable || ty_is_open(t))
		return;
	if (s->exact || ty_is_valuetype(t) || ((ti->flags & TF_SEALED) && !ti->is_interface) ||
	    (t == f->m->owner && clones_self_call(f->m)))
		r->known = t;
	else if (own_code(f->m))
		r->sub_of = t;  /* one of the constructed types that are a t */
}

/* The methods named `name` (any, if NULL) of t and its bases that a
 * search with these BindingFlags may find, found by reflection from now
 * on; the one, if exactly one. */
static Method *reflect_methods(Program *p, Method *why, Type *t, const char *name, int32_t flags)
{
	Method *one = NULL;
	uint32_t n = 0;
	for (Type *c = t; c && c->img; c = flags & BF_DECLARED_ONLY ? NULL : ty_info(c)->base) {
		TypeInfo *ti = ty_info(c);
		for (uint32_t i = 0; i < ti->nmethods; i++) {
			Method *m = ti->methods[i];
			if (m->name[0] == '.' || (name && strcmp(m->name, name)) || !binds(m, flags))
				continue;
			/* a base's private methods are never found, its statics
			 * only with FlattenHierarchy */
			if (c != t && ((m->flags & MF_ACCESS) == 1 /* private */ ||
				       ((m->flags & MF_STATIC) && !(flags & BF_FLATTEN))))
				continue;
			reach_reflect_method(p, m, why);
			one = m;
			n++;
		}
	}
	return n == 1 ? one : NULL;
}

/* The properties named `name` (any, if NULL) of t and its bases that a
 * search with these BindingFlags may find (by their accessors). */
static void reflect_properties(Program *p, Method *why, Type *t, const char *name, int32_t flags)
{
	for (Type *c = t; c && c->img; c = flags & BF_DECLARED_ONLY ? NULL : ty_info(c)->base) {
		uint32_t map = md_lookup1(c->img, T_PropertyMap, PropertyMap_Parent, c->row);
		if (!map)
			continue;
		uint32_t first, end;
		md_list(c->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
		for (uint32_t pos = first; pos < end; pos++) {
			uint32_t row = md_list_row(c->img, T_Property, pos);
			const char *n = md_string(c->img, md_get(c->img, T_Property, row, Property_Name));
			if (!name || !strcmp(n, name))
				reach_reflect_property(p, c, row, why);
		}
	}
}

/* The events named `name` (any, if NULL) of t and its bases. */
static void reflect_events(Program *p, Method *why, Type *t, const char *name, int32_t flags)
{
	for (Type *c = t; c && c->img; c = flags & BF_DECLARED_ONLY ? NULL : ty_info(c)->base) {
		uint32_t map = md_lookup1(c->img, T_EventMap, EventMap_Parent, c->row);
		if (!map)
			continue;
		uint32_t first, end;
		md_list(c->img, T_EventMap, map, EventMap_EventList, &first, &end);
		for (uint32_t pos = first; pos < end; pos++) {
			uint32_t row = md_list_row(c->img, T_Event, pos);
			const char *n = md_string(c->img, md_get(c->img, T_Event, row, Event_Name));
			if (!name || !strcmp(n, name))
				reach_reflect_event(p, c, row, why);
		}
	}
}

static bool binds_field(Field *fd, int32_t flags)
{
	bool pub = (fd->flags & MF_ACCESS) == MF_PUBLIC;
	return (flags & (pub ? BF_PUBLIC : BF_NONPUBLIC)) &&
	       (flags & (fd->is_static ? BF_STATIC : BF_INSTANCE));
}

/* The fields named `name` (any, if NULL) of t and its bases, constants
 * too, that a search with these BindingFlags may find. */
static void reflect_fields(Program *p, Method *why, Type *t, const char *name, int32_t flags)
{
	for (Type *c = t; c && c->img; c = flags & BF_DECLARED_ONLY ? NULL : ty_info(c)->base) {
		TypeInfo *ti = ty_info(c);
		Field **lists[] = { ti->fields, ti->statics, ti->literals };
		uint32_t counts[] = { ti->nfields, ti->nstatics, ti->nliterals };
		for (int k = 0; k < 3; k++)
			for (uint32_t i = 0; i < counts[k]; i++) {
				Field *fd = lists[k][i];
				if ((!name || !strcmp(fd->name, name)) && binds_field(fd, flags))
					reach_reflect_field(p, fd, why);
			}
	}
}

/* t's instance constructors that these BindingFlags may find. */
static void reflect_ctors(Program *p, Method *why, Type *t, int32_t flags)
{
	if (!t->img || t->kind == TY_SZARRAY || t->kind == TY_ARRAY || ty_is_open(t) ||
	    ty_info(t)->is_abstract || ty_info(t)->is_interface)
		return;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++)
		if (!strcmp(ti->methods[i]->name, ".ctor") && binds(ti->methods[i], flags))
			reach_reflect_method(p, ti->methods[i], why);
}

static bool is_array(const Type *t)
{
	return t && (t->kind == TY_SZARRAY || t->kind == TY_ARRAY);
}

static bool own_code(Method *m);

/* Array types' methods are made by the runtime (reflect_array.c), which
 * needs reflection's objects: for a known array type, and for a type not
 * known in the program's own code (x.GetType() of an array). */
static void array_methods(Fn *f, Type *t)
{
	if (is_array(t) || (!t && own_code(f->m)))
		reach_reflection(f->p, f->m);
	for (; is_array(t); t = t->elem)       /* the constructors make them */
		reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
}

static bool reflectable(const Type *t)
{
	return t && t->img && t->kind != TY_SZARRAY && t->kind != TY_ARRAY &&
	       (!ty_is_open(t) || ty_is_generic_def(t));
}

/* ---- what a reflection call asks of the Types a value may be ----
 * GetMethods, GetProperty("P"), GetFields, GetConstructors... keep what
 * they find on a Type the build knows (typeof X); on each of its
 * candidates (Slot.cands: paths joined, a Type[] of typeof constants read
 * at a variable index or by foreach); and on x.GetType() where x's static
 * type S may hold a subclass (Slot.sub_of): on each of the program's own
 * types that is an S and is constructed, now or later in the build
 * (Program.type_rules, met in reach.c's constructed()). That set is
 * bounded by the program's own assembly: the class library's types are
 * never added, so where S is one of the library's (object, IComparable)
 * instances of its types may be there too, and the call warns. */


/* x.GetType() of static type `of` (NULL: a Type not known at all),
 * asked `ask` at `why`. */
typedef struct TypeRule {
	Type *of;
	Ask ask;
	Method *why;
} TypeRule;

/* Keeps what a asks of t (a reflectable type); the one method found, if
 * one. */
static Method *ask_type(Program *p, Method *why, Type *t, const Ask *a)
{
	bool open = ty_is_open(t);
	switch (a->kind) {
	case ASK_METHODS:
		return reflect_methods(p, why, t, a->name, a->flags);
	case ASK_PROPERTIES:
		reflect_properties(p, why, t, a->name, a->flags);
		break;
	case ASK_FIELDS:
		if (!open)
			reflect_fields(p, why, t, a->name, a->flags);
		break;
	case ASK_EVENTS:
		if (!open)
			reflect_events(p, why, t, a->name, a->flags);
		break;
	case ASK_CTORS:
		reflect_ctors(p, why, t, a->flags);
		break;
	case ASK_NEW:
		reach_default_ctor(p, t, why);
		break;
	case ASK_MEMBERS:
		if (open)
			break;
		reflect_methods(p, why, t, a->name, a->flags);
		reflect_fields(p, why, t, a->name, a->flags);
		reflect_properties(p, why, t, a->name, a->flags);
		reflect_events(p, why, t, a->name, a->flags);
		if (!a->name || !strcmp(a->name, ".ctor"))
			reflect_ctors(p, why, t, a->flags);
		break;
	}
	return NULL;
}

/* Is t, constructed, one of the program's own types (of its own
 * assemblies, not the class library's) that a value of static type `of`
 * may be (of NULL: t, reached, one that a Type may be)? */
static bool own_instance_of(Type *t, Type *of)
{
	if (!own_image(t->img) || !reflectable(t) || ty_is_open(t) || ty_is_generic_def(t) ||
	    ty_info(t)->is_delegate)
		return false;   /* generic definitions: only their instances are made */
	if (!of || of == ty_object || t == of)
		return true;
	return of->img && ty_info(of)->is_interface ? ty_implements(t, of) : ty_is_subclass(t, of);
}

/* The same, of a type a rule found (not named by the program): no
 * instance is made of a type that has none or no parameterless
 * constructor (so that Activator.CreateInstance on an unknown Type does
 * not construct every type of the program). */
static void ask_found(Program *p, Method *why, Type *t, const Ask *a)
{
	TypeInfo *ti = ty_info(t);
	if (a->kind == ASK_NEW && !ty_is_valuetype(t) && (ti->is_abstract || ti->is_interface ||
	    !ty_default_ctor(t)))
		return;
	ask_type(p, why, t, a);
}

/* reach.c: t is constructed (added), or reached the first time: the
 * rules of x.GetType() calls apply to it, or those of unknown Types. */
static void on_type(Program *p, Type *t, uint32_t added, bool first, Method *why)
{
	(void)why;
	for (uint32_t i = 0; i < p->type_rules.n; i++) {
		TypeRule r = p->type_rules.v[i];
		if ((r.of ? (added & TN_CONSTRUCTED) != 0 : first) && own_instance_of(t, r.of))
			ask_found(p, r.why, t, &r.ask);
	}
}

/* a of each of the program's own constructed types that is an `of` (now
 * and later), or (of NULL) of each of its own types reached; a
 * warning where `of` is the class library's or unknown. */
static void keep_by_rule(Program *p, Method *why, Type *of, const Ask *a)
{
	bool seen = false;
	for (uint32_t i = 0; i < p->type_rules.n && !seen; i++) {
		const TypeRule *r = &p->type_rules.v[i];
		seen = r->of == of && r->ask.kind == a->kind && r->ask.flags == a->flags &&
		       (r->ask.name == a->name || (r->ask.name && a->name &&
						   !strcmp(r->ask.name, a->name)));
	}
	if (!seen) {
		/* the name may be a literal of the calling method's arena, freed
		 * once that method is translated: the rule outlives it */
		Ask kept = *a;
		if (kept.name)
			kept.name = arena_strdup(ty_arena(), kept.name);
		VEC_PUSH(p->type_rules, ((TypeRule){ of, kept, why }));
		p->on_type = on_type;
		for (uint32_t i = 0; of && i < p->constructed.n; i++)
			if (own_instance_of(p->constructed.v[i], of))
				ask_found(p, why, p->constructed.v[i], a);
		for (uint32_t i = 0; !of && i < p->types.n; i++)
			if (own_instance_of(p->types.v[i], NULL))
				ask_found(p, why, p->types.v[i], a);
	}
}

/* What a Type parameter reflected on for these [DynamicallyAccessedMembers]
 * kinds needs of a Type passed to it that is not known at build time:
 * the same of each of the program's own types (the caller warns). */
static void keep_kinds_unknown(Program *p, Method *why, int64_t kinds)
{
	static const struct { int64_t kinds; AskKind kind; } by_kinds[] = {
		{ 0x1, ASK_NEW }, { 0x6, ASK_CTORS }, { 0x18, ASK_METHODS }, { 0x60, ASK_FIELDS },
		{ 0x600, ASK_PROPERTIES }, { 0x1800, ASK_EVENTS },
	};
	for (size_t i = 0; i < countof(by_kinds); i++)
		if (kinds & by_kinds[i].kinds)
			keep_by_rule(p, why, NULL, &(Ask){ by_kinds[i].kind, NULL, BF_ANY });
}

#define UNKNOWN_TYPE_WHAT " ilcc keeps what it finds on each of the program's own types; the" \
	" class library's types only as far as they are kept anyway (name the type with typeof" \
	" at the call)"

/* ask `a` (made by `call`) of the types x.GetType() may give (of: x's
 * static type), or of any Type (of NULL); warns where the class library's
 * types may be among them. */
static void ask_subtypes(Fn *f, Type *of, const Ask *a, const char *call)
{
	Program *p = f->p;
	keep_by_rule(p, f->m, of, a);
	if (!strchr(call, '.'))
		call = arena_printf(&f->a, "Type.%s", call);
	if (!of)
		warn(f, W_REFLECT, arena_printf(&f->a, "%s on a Type not known at build time:"
			UNKNOWN_TYPE_WHAT, call));
	else if (!own_image(of->img))
		warn(f, W_REFLECT, arena_printf(&f->a, "%s on the Type of a %s: ilcc keeps what"
			" it finds on the program's own types that the value may be, those created"
			" anywhere in the program; the class library's types only as far as they are"
			" kept anyway (name the type with typeof at the call)", call, of->name));
}

/* Asks a of the Type in slot s: of each Type it may be (known, its
 * candidates, the types x.GetType() may give), or, in the program's own
 * code, of each of its own types when nothing is known of it. A name not
 * known at build time (NULL) asks for every member of the kind, as
 * Native AOT's dataflow does on a known type. False: the build does not
 * know what it may be. *one: the method found, when s is one known Type,
 * the name known and one method found. */
static bool ask(Fn *f, const Slot *s, const Ask *asked, const char *call, Method **one)
{
	/* a name not known, or found whatever its case: every member of the kind */
	Ask all = *asked, *a = &all;
	if (all.flags & BF_IGNORE_CASE)
		all.name = NULL;
	uint32_t n = s->known ? 1 : s->ncands;
	Type *const *ts = s->known ? (Type *const *)&s->known : s->cands;
	for (uint32_t i = 0; i < n; i++) {
		Method *m = NULL;
		if (is_array(ts[i]) && a->kind == ASK_METHODS) {
			array_methods(f, ts[i]);
			m = reflect_methods(f->p, f->m, ty_array, a->name, a->flags);
		} else if (reflectable(ts[i])) {
			m = ask_type(f->p, f->m, ts[i], a);
		}
		if (one)
			*one = n == 1 && a->name ? m : NULL;
	}
	if (s->sub_of && !s->known)
		ask_subtypes(f, s->sub_of, a, call);
	if (n || s->sub_of)
		return true;
	/* not known at all: each of the program's own types it may be */
	if (!own_code(f->m) || f->dam_arg)
		return false;
	ask_subtypes(f, NULL, a, call);
	return true;
}

/* typeof(X).GetConstructor(...), GetConstructors(...) */
static void get_ctor(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	int32_t flags = binding_flags(f, m);
	if (flags == BF_DEFAULT)
		flags = BF_PUBLIC | BF_INSTANCE;
	array_methods(f, t);
	if (is_array(t))
		return;
	Ask a = { ASK_CTORS, NULL, flags };
	if (!ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetConstructor on a type not known at build time finds only"
		     " constructors the program keeps for reflection anyway (write"
		     " typeof(X).GetConstructor(...) at the call)");
}

/* Class library types whose methods the library finds by names it
 * computes and names in no [PreserveDependency] (directives.c reads
 * those): the serializers' array readers and writers
 * (TryWritePrimitiveArray: "WriteJsonInt32Array", ...). */
static const char *const found_by_computed_name[] = {
	"System.Runtime.Serialization.XmlWriterDelegator",
	"System.Runtime.Serialization.XmlReaderDelegator",
	"System.Runtime.Serialization.Json.JsonWriterDelegator",
	"System.Runtime.Serialization.Json.JsonReaderDelegator",
};

static bool by_computed_name(Type *t)
{
	for (size_t i = 0; t && t->img && i < countof(found_by_computed_name); i++)
		if (!strcmp(t->name, found_by_computed_name[i]) && emit_in_class_library(t->img))
			return true;
	return false;
}

/* GetField(name) with a name not known at build time, in the program's
 * own code: every member of that kind (and binding flags) of each Type
 * the call may be given is kept, as ILLink's dataflow does on a known
 * type (reflection-const-field); the class library's such calls warn. */
static bool any_name(Fn *f, const char *name)
{
	return !name && own_code(f->m);
}

/* typeof(X).GetMethod("name", ...) */
static void get_method(Fn *f, Method *m, Slot *r)
{
	Slot *s = receiver(f, m);
	Type *t = s->known;
	const char *name = param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	if (!name && by_computed_name(t)) {
		reflect_methods(f->p, f->m, t, NULL, binding_flags(f, m));
		return;
	}
	array_methods(f, t);
	if (is_array(t) && name) {     /* its own (the runtime's) or Array's */
		r->kmethod = reflect_methods(f->p, f->m, ty_array, name, binding_flags(f, m));
		return;
	}
	Ask a = { ASK_METHODS, name, binding_flags(f, m) };
	if ((t && !reflectable(t)) || (!name && !any_name(f, name)) ||
	    !ask(f, s, &a, m->name, name ? &r->kmethod : NULL))
		warn(f, W_REFLECT, "Type.GetMethod with a type or name not known at build time finds"
		     " only methods the program keeps for reflection anyway (write"
		     " typeof(X).GetMethod(\"Name\") at the call)");
}

/* typeof(X).GetMethods(...) */
static void get_methods(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	Ask a = { ASK_METHODS, NULL, binding_flags(f, m) };
	array_methods(f, t);
	if ((t && !reflectable(t) && !is_array(t)) || !ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetMethods on a type not known at build time finds only"
		     " methods the program keeps for reflection anyway (write"
		     " typeof(X).GetMethods() at the call)");
}

/* typeof(X).GetInterfaceMap(typeof(I)): I's methods and X's (and its
 * bases'), which implement them */
static void get_iface_map(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *t = receiver(f, m)->known, *i = arg(f, m, 0)->known;
	if (reflectable(t) && reflectable(i)) {
		reflect_methods(f->p, f->m, i, NULL, BF_ANY);
		reflect_methods(f->p, f->m, t, NULL, BF_ANY);
	} else {
		warn(f, W_REFLECT, "Type.GetInterfaceMap on types not known at build time finds"
		     " only methods the program keeps for reflection anyway (write"
		     " typeof(X).GetInterfaceMap(typeof(I)) at the call)");
	}
}

/* typeof(X).GetProperty("name", ...), typeof(X).GetProperties(...) */
static void get_property(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	bool all = !strcmp(m->name, "GetProperties");
	const char *name = all ? NULL : param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	all |= any_name(f, name);
	Ask a = { ASK_PROPERTIES, name, binding_flags(f, m) };
	if ((t && !reflectable(t)) || (!all && !name) || !ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetProperty with a type or name not known at build time finds"
		     " only properties the program keeps for reflection anyway (write"
		     " typeof(X).GetProperty(\"Name\") at the call)");
}

/* typeof(X).GetEvent("name", ...), typeof(X).GetEvents(...) */
static void get_event(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	bool all = !strcmp(m->name, "GetEvents");
	const char *name = all ? NULL : param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	all |= any_name(f, name);
	Ask a = { ASK_EVENTS, name, binding_flags(f, m) };
	if ((t && (!reflectable(t) || ty_is_open(t))) || (!all && !name) ||
	    !ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetEvent with a type or name not known at build time finds"
		     " only events the program keeps for reflection anyway (write"
		     " typeof(X).GetEvent(\"Name\") at the call)");
}

/* typeof(X).GetField("name", ...), typeof(X).GetFields(...) */
static void get_field(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	bool all = !strcmp(m->name, "GetFields");
	const char *name = all ? NULL : param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	all |= any_name(f, name);
	Ask a = { ASK_FIELDS, name, binding_flags(f, m) };
	if ((t && (!reflectable(t) || ty_is_open(t))) || (!all && !name) ||
	    !ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetField with a type or name not known at build time finds"
		     " only fields the program keeps for reflection anyway (write"
		     " typeof(X).GetField(\"Name\") at the call)");
}

/* typeof(X).GetMember("name", ...), GetMembers(...), FindMembers(kinds,
 * flags, filter, criteria): every kind of member the search may find
 * (by name when GetMember names one; FindMembers' filter is any code) */
static void get_members(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Slot *s = receiver(f, m);
	Type *t = s->known;
	bool named = !strcmp(m->name, "GetMember");
	const char *name = named && param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	named &= !any_name(f, name);
	int32_t flags = binding_flags(f, m);
	if (flags == BF_DEFAULT)
		flags = BF_PUBLIC | BF_INSTANCE | BF_STATIC;
	Ask a = { ASK_MEMBERS, name, flags };
	if ((t && (!reflectable(t) || ty_is_open(t))) || (named && !name) ||
	    !ask(f, s, &a, m->name, NULL))
		warn(f, W_REFLECT, "Type.GetMember(s) or FindMembers on a type or name not known at"
		     " build time finds only members the program keeps for reflection anyway"
		     " (write typeof(X).GetMembers() at the call)");
}

/* t's nested types named `name` (any, if NULL) get a descriptor: the
 * runtime lists those (rt_nested); the one found, if a name was given. */
static Type *keep_nested(Program *p, Type *t, const char *name, Method *why)
{
	Image *img = t->img;
	Type *one = NULL;
	for (uint32_t row = 1; row <= md_rows(img, T_NestedClass); row++) {
		if (md_get(img, T_NestedClass, row, NestedClass_EnclosingClass) != t->row)
			continue;
		uint32_t nr = md_get(img, T_NestedClass, row, NestedClass_NestedClass);
		const char *n = md_string(img, md_get(img, T_TypeDef, nr, TypeDef_Name));
		Type *nt = ty_def(img, nr, NULL, 0);
		if (ty_is_generic_def(nt) || (name && strcmp(n, name)))
			continue;
		reach_type(p, nt, TN_DESCRIPTOR, why);
		one = nt;
	}
	return name ? one : NULL;
}

/* typeof(X).GetNestedTypes(...), GetNestedType("name", ...) */
static void get_nested(Fn *f, Method *m, Slot *r)
{
	Type *t = receiver(f, m)->known;
	bool all = !strcmp(m->name, "GetNestedTypes");
	const char *name = all ? NULL : param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	if (!t || !t->img || !t->row || t->ninst || t->kind == TY_SZARRAY ||
	    t->kind == TY_ARRAY || (!all && !name)) {
		warn(f, W_REFLECT, "Type.GetNestedTypes with a type or name not known at build time"
		     " finds only nested types the program keeps anyway (write"
		     " typeof(X).GetNestedTypes() at the call)");
		return;
	}
	r->known = keep_nested(f->p, t, name, f->m);
}

/* typeof(G<A>).GetGenericArguments(): { typeof(A) } */
static void get_generic_args(Fn *f, Method *m, Slot *r)
{
	Type *t = receiver(f, m)->known;
	if (!t || !t->ninst || ty_is_open(t))
		return;
	r->elems = arena_alloc(&f->a, t->ninst * sizeof *r->elems);
	memcpy(r->elems, t->inst, t->ninst * sizeof *r->elems);
	r->nelems = t->ninst;
}

/* GetMethod(...).MakeGenericMethod(new Type[] { typeof(A), ... }): as
 * make_generic. */
static void make_generic_method(Fn *f, Method *m, Slot *r)
{
	Method *g = receiver(f, m)->kmethod;
	Slot *args = arg(f, m, 0);
	bool def = g && !g->ninst && !ty_is_open(g->owner);
	if (def && positions(args) == ty_method_generic_arity(g) && make_over(f, NULL, g, args, r))
		return;
	if (def) {
		/* the instances the program makes anyway: the method is known */
		reach_made_def(f->p, g, f->m);
		warn(f, W_GENERIC, "MakeGenericMethod with arguments not known at build time finds"
		     " only the instances the program makes anyway, and throws"
		     " NotSupportedException for others (write"
		     " MakeGenericMethod(new Type[] { typeof(A) }) at the call)");
		return;
	}
	warn(f, W_GENERIC, "MakeGenericMethod on a method or with arguments not known at build"
	     " time finds only instances the program keeps for reflection anyway"
	     " (write typeof(X).GetMethod(\"M\").MakeGenericMethod(new Type[] {"
	     " typeof(A) }) at the call)");
}

/* Delegate.CreateDelegate(typeof(D), ...[, typeof(X), "name"]), and
 * MethodInfo.CreateDelegate(typeof(D)[, target]) */
static void create_delegate(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *d = param_is(m, 0, "System.Type") ? arg(f, m, 0)->known : NULL;
	if (!d || !d->img || !ty_info(d)->is_delegate || ty_is_open(d)) {
		warn(f, W_REFLECT, "Delegate.CreateDelegate of a delegate type not known at build time"
		     " works only for delegate types the program keeps for reflection"
		     " anyway (write typeof(D) at the call)");
		return;
	}
	reach_type(f->p, d, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	Method *invoke = ty_find_method(d, "Invoke", -1);
	if (invoke)
		reach_reflect_method(f->p, invoke, f->m);
	if (m->nparams >= 3 && param_is(m, 2, "System.String")) {
		Type *t = param_is(m, 1, "System.Type") ? arg(f, m, 1)->known :
			  arg(f, m, 1)->t;
		if (reflectable(t) && arg(f, m, 2)->str)
			reflect_methods(f->p, f->m, t, arg(f, m, 2)->str, BF_ANY);
		else
			warn(f, W_REFLECT, "Delegate.CreateDelegate by a method name not known at build"
			     " time finds only methods the program keeps for reflection");
	}
}

/* Marshal.GetDelegateForFunctionPointer(p, typeof(D)) (and the generic
 * form's body): D gets a C function pool and a native invoker. */
static void from_fnptr(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *d = param_is(m, 1, "System.Type") ? arg(f, m, 1)->known : NULL;
	if (!d || !d->img || !ty_info(d)->is_delegate || ty_is_open(d)) {
		warn(f, W_REFLECT, "Marshal.GetDelegateForFunctionPointer of a delegate type not known at build"
		     " time works only for the program's own delegate types made elsewhere"
		     " (write typeof(D) at the call)");
		return;
	}
	if (!emit_callback_need(f->p, d, f->m))
		e_fn_error(f, "Marshal.GetDelegateForFunctionPointer: delegate %s cannot call C: %s",
			   d->name, emit_callback_refusal(d));
}

/* Marshal.GetFunctionPointerForDelegate(d): d's static type, if it is one
 * delegate type, gets a C function pool. */
static void to_fnptr(Fn *f, Method *m, Slot *r)
{
	(void)r;
	Type *d = m->nparams == 1 ? arg(f, m, 0)->t : NULL;
	if (d && d->kind == TY_CLASS && d->img && ty_info(d)->is_delegate && !ty_is_open(d) &&
	    !emit_callback_need(f->p, d, f->m))
		e_fn_error(f, "Marshal.GetFunctionPointerForDelegate: delegate %s cannot be called from C: %s",
			   d->name, emit_callback_refusal(d));
}

/* A struct Marshal lays out in native memory, described for the runtime
 * (marshal.c); one it cannot lay out throws when the call runs, as Mono
 * decides then (a warning says so). */
static void marshal_type(Fn *f, Type *t, const char *call)
{
	if (!t || ty_is_open(t) || ty_is_generic_def(t))
		return;
	const char *why = emit_marshal_refusal(t);
	if (why)
		warn(f, W_REFLECT, arena_printf(&f->a, "Marshal.%s: ilcc cannot marshal %s: the call"
						" throws ArgumentException", call, why));
	emit_marshal_need(f->p, t, f->m);
}

/* Marshal.SizeOf(typeof(S)), OffsetOf(typeof(S), "f"),
 * PtrToStructure(p, typeof(S)), DestroyStructure(p, typeof(S)), and
 * SizeOf(s), StructureToPtr(s, p, fDeleteOld) of a boxed S; the generic
 * forms' bodies pass typeof(T) or the boxed T on. */
static void marshal_struct(Fn *f, Method *m, Slot *r)
{
	(void)r;
	for (uint32_t i = 0; i < m->nparams; i++) {
		Type *boxed = arg(f, m, i)->t;
		if (param_is(m, i, "System.Object") && boxed &&
		    (ty_is_valuetype(boxed) || emit_marshal_class(boxed)))
			marshal_type(f, boxed, m->name);
		if (!param_is(m, i, "System.Type"))
			continue;
		if (arg(f, m, i)->known)
			marshal_type(f, arg(f, m, i)->known, m->name);
		else
			warn(f, W_REFLECT, "Marshal of a struct type not known at build time works only"
			     " for blittable structs (write typeof(S) at the call)");
	}
}

/* Type.GetType("Ns.Name"): with a name known at build time, that type is
 * kept (with its parameterless constructor) and known to what follows. */
/* The program's own code asks for custom attributes: keep those of kept
 * members (attrs.c). The class library's calls do not count: Enum.ToString
 * asks every program's enums for [Flags]. */
/* An attribute type known at the call (typeof(X)): Mono's code makes the
 * result an X[] with Array.CreateInstance, whoever asks (the class
 * library too: DefaultBinder asks ParameterInfo.IsDefined for
 * ParamArrayAttribute, and every question for the attribute's
 * AttributeUsageAttribute). */
static void attr_arrays(Fn *f, Method *m, Slot *r)
{
	(void)r;
	for (uint32_t i = 0; i < m->nparams; i++) {
		Type *x = param_is(m, i, "System.Type") ? arg(f, m, i)->known : NULL;
		if (x && x->kind == TY_CLASS && !ty_is_open(x) && !ty_is_generic_def(x))
			reach_type(f->p, ty_sz(x), TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
	}
}

static void custom_attrs(Fn *f, Method *m, Slot *r)
{
	attr_arrays(f, m, r);
	if (f->m->img == f->p->img)
		attrs_enable(f->p, f->m);
}

static bool own_code(Method *m);

/* new DataContractJsonSerializer(typeof(T), ...), DataContractSerializer,
 * XmlSerializer: T and what it leads to are kept for reflection
 * (directives_keep_serializable), and custom attributes ([DataContract],
 * [XmlElement]...), which the serializers read. */
static void serializer(Fn *f, Method *m, Slot *r)
{
	(void)r;
	attrs_enable(f->p, f->m);
	reach_assemblies(f->p, f->m);
	Type *t = param_is(m, 0, "System.Type") ? arg(f, m, 0)->known : NULL;
	if (t)
		directives_keep_serializable(f->p, t, f->m);
	else if (param_is(m, 0, "System.Type") && own_code(f->m))
		warn(f, W_REFLECT, arena_printf(&f->a, "%s of a type not known at build time"
			" finds only the members the program keeps anyway (name the type with typeof"
			" at the call, or keep it by rd.xml)", m->owner->name));
}

/* The program's own code asks for an Assembly (Type.Assembly,
 * Assembly.GetExecutingAssembly...): rt_assemblies[] is written. */
static void assemblies(Fn *f, Method *m, Slot *r)
{
	(void)m, (void)r;
	if (own_code(f->m))
		reach_assemblies(f->p, f->m);
}

/* assembly.GetTypes(): the program's own types are listed (those of the
 * class library only as far as they are kept anyway) */
static void assembly_types(Fn *f, Method *m, Slot *r)
{
	assemblies(f, m, r);
	if (!own_code(f->m))
		return;
	Image *img = f->p->img;
	for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++)
		reach_type(f->p, ty_def(img, row, NULL, 0), TN_DESCRIPTOR, f->m);
}

/* assembly.EntryPoint: Main is kept for reflection */
static void entry_point(Fn *f, Method *m, Slot *r)
{
	assemblies(f, m, r);
	if (own_code(f->m) && f->p->entry)
		reach_reflect_method(f->p, f->p->entry, f->m);
}

/* The type a call named by the constant first argument (Type.GetType,
 * Assembly.GetType), kept with a descriptor (a generic definition only if
 * keep_def); a warning when the name is not a constant. `who` names the
 * call in it. Slot r knows the type found unless it is a definition. */
/* ---- names stored into a local ----
 * `string name = "Ns.T"; if (args.Length > 0) name = args[0];
 * Type.GetType(name)`: the literals the method stores into the local
 * (`ldstr; stloc`, or through another local: `ldloc; stloc`) name the
 * types it may find, kept as candidates (Slot.cands) for the rules on
 * its result (GetMethods...). mono/tests reflection, reflection-enum. */
enum { MAX_NAMES = 8 };

static int32_t store_index(const Instr *in)
{
	if (in->op >= OP_STLOC_0 && in->op <= OP_STLOC_3)
		return in->op - OP_STLOC_0;
	return in->op == OP_STLOC_S || in->op == OP_STLOC ? (int32_t)in->i : -1;
}

static int32_t load_index(const Instr *in)
{
	if (in->op >= OP_LDLOC_0 && in->op <= OP_LDLOC_3)
		return in->op - OP_LDLOC_0;
	return in->op == OP_LDLOC_S || in->op == OP_LDLOC ? (int32_t)in->i : -1;
}

static void names_stored(Fn *f, int32_t loc, Blob *v, uint32_t *n, unsigned depth)
{
	Instr prev = {0}, in;
	for (uint32_t off = 0; off < f->body.code_size && depth < 4; prev = in) {
		off = il_decode(f->img, &f->body, off, &in);
		if (store_index(&in) != loc)
			continue;
		if (prev.op == OP_LDSTR && TOK_TABLE(prev.token) == T_UserString && *n < MAX_NAMES)
			v[(*n)++] = md_userstring(f->img, TOK_ROW(prev.token));
		else if (load_index(&prev) >= 0 && load_index(&prev) != loc)
			names_stored(f, load_index(&prev), v, n, depth + 1);
	}
}

/* A class-library method whose Type.GetType(local) is followed as the
 * program's own: CultureInfo.CreateCalendar names the calendar classes
 * (ThaiBuddhist, UmAlQura, Hijri...) by literals stored into a local, and
 * falls back to GregorianCalendar when GetType finds none; th-TH's,
 * ar-SA's and ps-AF's default calendar then failed DateTimeFormatInfo's
 * check ("Not a valid calendar for the given culture"). Only where the
 * program names such a culture (culture.c). */
static bool follows_names(Fn *f)
{
	if (own_code(f->m))
		return true;
	return !strcmp(reach_icall_key(f->m),
		       "System.Globalization.CultureInfo::CreateCalendar(System.Int32)") &&
	       emit_names_other_calendar(f->p);
}

static bool type_candidates(Fn *f, Slot *name, Slot *r)
{
	if (!name->from_loc || !follows_names(f))
		return false;
	Blob v[MAX_NAMES];
	uint32_t n = 0;
	names_stored(f, name->from_loc - 1, v, &n, 0);
	r->cands = arena_alloc(&f->a, (n + 1) * sizeof *r->cands);
	r->ncands = 0;
	for (uint32_t i = 0; i < n; i++) {
		char *s = arena_alloc(&f->a, v[i].len / 2 + 1);
		for (uint32_t k = 0; k + 1 < v[i].len; k += 2)
			s[k / 2] = v[i].p[k + 1] || !v[i].p[k] ? '?' : (char)v[i].p[k];
		Type *t = directives_find_type(f->p, s);
		if (t && !ty_is_generic_def(t)) {
			reach_type(f->p, t, TN_DESCRIPTOR, f->m);
			r->cands[r->ncands++] = t;
		}
	}
	return r->ncands > 0;
}

static void type_by_name(Fn *f, Method *m, Slot *r, const char *who, bool keep_def)
{
	const char *name = m->nparams && param_is(m, 0, "System.String") ? arg(f, m, 0)->str : NULL;
	Type *t = name ? directives_find_type(f->p, name) : NULL;
	if (!name && m->nparams && param_is(m, 0, "System.String") &&
	    type_candidates(f, arg(f, m, 0), r))
		return;
	if (!name)
		warn(f, W_GETTYPE, arena_printf(&f->a, "%s with a name not known at build time finds"
						" only types the program keeps anyway or that"
						" directives keep (--rd, --descriptor)", who));
	if (!t || (ty_is_generic_def(t) && !keep_def))
		return;
	reach_type(f->p, t, TN_DESCRIPTOR, f->m);
	if (!ty_is_generic_def(t))
		r->known = t;
}

/* assembly.GetType("Ns.Name"): that type is kept, as Type.GetType keeps it
 * (a generic definition too: the assembly lists it) */
static void assembly_type(Fn *f, Method *m, Slot *r)
{
	assemblies(f, m, r);
	type_by_name(f, m, r, "Assembly.GetType", true);
}

/* assembly.CreateInstance("Ns.Name"[, ...]): as Assembly.GetType, then
 * the type's parameterless constructor (with an object[] of arguments:
 * its constructors) as Activator.CreateInstance keeps them. */
static void assembly_create(Fn *f, Method *m, Slot *r)
{
	Slot t = {0};
	assembly_type(f, m, &t);
	(void)r;
	bool with_args = false;
	for (uint32_t i = 1; i < m->nparams; i++)
		with_args |= m->params[i]->kind == TY_SZARRAY;
	Ask a = { with_args ? ASK_CTORS : ASK_NEW, NULL, BF_ANY };
	if (t.known)
		ask(f, &t, &a, "Assembly.CreateInstance", NULL);
}

/* The simple name of an assembly the program is built with that the
 * string argument 0 of m names ("mscorlib", "Name, Version=..."), or
 * NULL: Assembly.Load of it finds it at run time (rt_assemblies[]). */
static const char *linked_name(Fn *f, Method *m)
{
	const char *s = !strcmp(m->name, "Load") && m->nparams && param_is(m, 0, "System.String") ?
			arg(f, m, 0)->str : NULL;
	size_t n = s ? strcspn(s, ",") : 0;
	Loader *ld = f->p->ld;
	for (uint32_t i = 0; n && i < ld->nimages; i++) {
		Image *img = ld->images[i];
		const char *an = md_rows(img, T_Assembly) ?
				 md_string(img, md_get(img, T_Assembly, 1, Assembly_Name)) : NULL;
		if (an && strlen(an) == n && !strncasecmp(an, s, n))
			return an;
	}
	return NULL;
}

/* Assembly.Load / AppDomain.Load: rt_assemblies[] is written, and
 * what it lists can be found by name (warned unless the name is a
 * constant naming one: e_aot_check). */
static void load_assembly(Fn *f, Method *m, Slot *r)
{
	assemblies(f, m, r);
}

static void get_type_by_name(Fn *f, Method *m, Slot *r)
{
	if (!m->has_this && m->nparams && param_is(m, 0, "System.String"))
		type_by_name(f, m, r, "Type.GetType", false);
}

#define LOAD_WHAT "Assembly.Load: an executable built ahead of time loads no assemblies at" \
	" run time; reference the assembly instead"
#define COM_WHAT "late-bound COM: ilcc has no COM interop"

typedef void (*FlowFn)(Fn *f, Method *m, Slot *r);

/* DynamicallyAccessedMemberTypes: public and non-public members of a kind */
enum {
	DAM_CTORS = 0x3 | 0x4, DAM_METHODS = 0x8 | 0x10, DAM_FIELDS = 0x20 | 0x40,
	DAM_PROPERTIES = 0x200 | 0x400, DAM_NESTED = 0x80 | 0x100, DAM_EVENTS = 0x800 | 0x1000,
};

static const struct {
	const char *type, *name;
	FlowFn fn;
	int64_t kinds;          /* on a Type parameter: what it reflects on */
	bool lib;               /* of a class library assembly other than mscorlib */
} flows[] = {
	{ "System.Type", "GetTypeFromHandle", from_handle },
	{ "System.Type", "GetType", get_type_by_name },
	{ "System.Type", "MakeGenericType", make_generic },
	{ "System.Array", "CreateInstance", create_array },
	{ "System.Activator", "CreateInstance", create_instance, 0x3 /* public ctors */ },
	{ "System.Object", "GetType", get_type },
	{ "System.Type", "GetMethod", get_method, DAM_METHODS },
	{ "System.Type", "GetMethods", get_methods, DAM_METHODS },
	{ "System.Type", "GetInterfaceMap", get_iface_map, DAM_METHODS },
	{ "System.Type", "GetProperty", get_property, DAM_PROPERTIES },
	{ "System.Type", "GetConstructor", get_ctor, DAM_CTORS },
	{ "System.Type", "GetConstructors", get_ctor, DAM_CTORS },
	{ "System.Type", "GetProperties", get_property, DAM_PROPERTIES },
	{ "System.Type", "GetEvent", get_event, DAM_EVENTS },
	{ "System.Type", "GetEvents", get_event, DAM_EVENTS },
	{ "System.Type", "GetField", get_field, DAM_FIELDS },
	{ "System.Type", "GetFields", get_field, DAM_FIELDS },
	{ "System.Type", "GetMember", get_members, DAM_METHODS | DAM_FIELDS | DAM_PROPERTIES | DAM_EVENTS },
	{ "System.Type", "GetMembers", get_members, DAM_METHODS | DAM_FIELDS | DAM_PROPERTIES | DAM_EVENTS },
	{ "System.Type", "FindMembers", get_members, DAM_METHODS | DAM_FIELDS | DAM_PROPERTIES | DAM_EVENTS },
	{ "System.Type", "GetNestedTypes", get_nested, DAM_NESTED },
	{ "System.Type", "GetNestedType", get_nested, DAM_NESTED },
	{ "System.Reflection.MethodInfo", "MakeGenericMethod", make_generic_method },
	{ "System.Type", "GetGenericArguments", get_generic_args },
	{ "System.Delegate", "CreateDelegate", create_delegate },
	{ "System.Reflection.MethodInfo", "CreateDelegate", create_delegate },
	{ "System.MonoCustomAttrs", "GetCustomAttributes", attr_arrays },
	{ "System.Reflection.MemberInfo", "GetCustomAttributes", custom_attrs },
	{ "System.Reflection.MemberInfo", "IsDefined", custom_attrs },
	{ "System.Reflection.MemberInfo", "GetCustomAttributesData", custom_attrs },
	{ "System.Reflection.ICustomAttributeProvider", "GetCustomAttributes", custom_attrs },
	{ "System.Reflection.ICustomAttributeProvider", "IsDefined", custom_attrs },
	{ "System.Reflection.ParameterInfo", "GetCustomAttributes", custom_attrs },
	{ "System.Reflection.Assembly", "GetCustomAttributes", custom_attrs },
	{ "System.Reflection.Assembly", "IsDefined", custom_attrs },
	{ "System.Reflection.ParameterInfo", "IsDefined", custom_attrs },
	{ "System.Attribute", "GetCustomAttribute", custom_attrs },
	{ "System.Attribute", "GetCustomAttributes", custom_attrs },
	{ "System.Attribute", "IsDefined", custom_attrs },
	{ "System.Reflection.CustomAttributeExtensions", "GetCustomAttribute", custom_attrs },
	{ "System.Reflection.CustomAttributeExtensions", "GetCustomAttributes", custom_attrs },
	{ "System.Reflection.CustomAttributeExtensions", "IsDefined", custom_attrs },
	{ "System.Runtime.InteropServices.Marshal", "GetDelegateForFunctionPointer", from_fnptr },
	{ "System.Runtime.InteropServices.Marshal", "GetDelegateForFunctionPointerInternal", from_fnptr },
	{ "System.Runtime.InteropServices.Marshal", "GetFunctionPointerForDelegate", to_fnptr },
	{ "System.Runtime.InteropServices.Marshal", "SizeOf", marshal_struct },
	{ "System.Runtime.InteropServices.Marshal", "OffsetOf", marshal_struct },
	{ "System.Runtime.InteropServices.Marshal", "PtrToStructure", marshal_struct },
	{ "System.Runtime.InteropServices.Marshal", "DestroyStructure", marshal_struct },
	{ "System.Runtime.InteropServices.Marshal", "StructureToPtr", marshal_struct },
	{ "System.Type", "get_Assembly", assemblies },
	{ "System.Type", "get_AssemblyQualifiedName", assemblies },
	{ "System.Reflection.Assembly", "GetExecutingAssembly", assemblies },
	{ "System.Reflection.Assembly", "GetEntryAssembly", assemblies },
	{ "System.Reflection.Assembly", "GetCallingAssembly", assemblies },
	{ "System.Reflection.Assembly", "GetAssembly", assemblies },
	{ "System.Reflection.Assembly", "GetTypes", assembly_types },
	{ "System.Reflection.Assembly", "GetExportedTypes", assembly_types },
	{ "System.Reflection.Assembly", "GetType", assembly_type },
	{ "System.Reflection.Assembly", "CreateInstance", assembly_create },
	{ "System.Reflection.Assembly", "Load", load_assembly },
	{ "System.AppDomain", "Load", load_assembly },
	{ "System.Reflection.Assembly", "get_EntryPoint", entry_point },
	{ "System.Linq.Expressions.Expression", "Lambda", expr_lambda, 0, true },
	{ "System.Linq.Expressions.Expression", "New", expr_new, 0, true },
	{ "System.Runtime.Serialization.Json.DataContractJsonSerializer", ".ctor", serializer, 0, true },
	{ "System.Runtime.Serialization.DataContractSerializer", ".ctor", serializer, 0, true },
	{ "System.Xml.Serialization.XmlSerializer", ".ctor", serializer, 0, true },
};

/* flows[] index + 1 of the rule for m, 0 if none. */
static int find_flow(Method *m)
{
	bool corlib = m->owner->img == ty_object->img;
	if (!m->owner->img || (!corlib && !emit_in_class_library(m->owner->img)))
		return 0;
	for (size_t i = 0; i < countof(flows); i++)
		if (flows[i].lib != corlib && !strcmp(m->owner->name, flows[i].type) &&
		    !strcmp(m->name, flows[i].name))
			return (int)i + 1;
	return 0;
}

/* Calls that ahead-of-time compilation cannot honour whatever their
 * arguments are (name NULL: any method of the type). */
static const struct {
	const char *type, *name;
	WarnCode c;
	const char *what;
	bool refuse;            /* an error, not a warning: it cannot work */
} unsafe_calls[] = {
	{ "System.Reflection.Emit.AssemblyBuilder", "DefineDynamicAssembly", W_EMIT,
	  "Reflection.Emit: an executable built ahead of time generates no code at run time" },
	{ "System.AppDomain", "DefineDynamicAssembly", W_EMIT,
	  "Reflection.Emit: an executable built ahead of time generates no code at run time" },
	{ "System.Reflection.Emit.DynamicMethod", ".ctor", W_EMIT,
	  "DynamicMethod: an executable built ahead of time generates no code at run time" },
	{ "System.Linq.Expressions.LambdaExpression", "CompileToMethod", W_EMIT,
	  "LambdaExpression.CompileToMethod: Reflection.Emit, which an executable built ahead of"
	  " time does not have (Compile interprets: src/emit/expr.c)" },
	{ "System.Reflection.Assembly", "Load", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "LoadFrom", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "LoadFile", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "LoadWithPartialName", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "UnsafeLoadFrom", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "ReflectionOnlyLoad", W_LOAD, LOAD_WHAT },
	{ "System.Reflection.Assembly", "ReflectionOnlyLoadFrom", W_LOAD, LOAD_WHAT },
	{ "System.AppDomain", "Load", W_LOAD, LOAD_WHAT },
	{ "System.AppDomain", "ExecuteAssembly", W_LOAD, LOAD_WHAT },
	{ "Microsoft.CSharp.RuntimeBinder.Binder", NULL, W_DYNAMIC,
	  "`dynamic` is not supported: the C# runtime binder (Microsoft.CSharp) works out"
	  " each dynamic operation at run time by reflection over every member of the types it"
	  " meets, and compiles it; use a static type, an interface or a generic method", true },
	{ "System.Type", "InvokeMember", W_REFLECT,
	  "Type.InvokeMember finds only members the program keeps for reflection anyway" },
	{ "System.Type", "GetTypeFromProgID", W_COM, COM_WHAT },
	{ "System.Type", "GetTypeFromCLSID", W_COM, COM_WHAT },
	{ "System.Runtime.InteropServices.Marshal", "GetActiveObject", W_COM, COM_WHAT },
	{ "System.Runtime.InteropServices.Marshal", "BindToMoniker", W_COM, COM_WHAT },
};

/* Does type name `full` ("G`1<int32>") have the definition name `def`? */
static bool def_named(const char *full, const char *def)
{
	size_t n = strlen(def);
	return !strncmp(full, def, n) && (full[n] == 0 || full[n] == '<');
}

static int find_unsafe(Method *m)
{
	for (size_t i = 0; i < countof(unsafe_calls); i++)
		if (def_named(m->owner->name, unsafe_calls[i].type) &&
		    (!unsafe_calls[i].name || !strcmp(m->name, unsafe_calls[i].name)))
			return (int)i + 1;
	return 0;
}

/* A [RequiresUnreferencedCode] / [RequiresDynamicCode] on m, or on its
 * type for its constructors and statics: the warning with its message. */
static void requires(Fn *f, Method *m, const char *attr, WarnCode c)
{
	Token on = TOKEN(T_MethodDef, m->row);
	uint32_t ca = ty_attribute_row(m->img, on, attr);
	if (!ca && (!m->has_this || !strcmp(m->name, ".ctor")) && m->owner->img == m->img &&
	    m->owner->row)
		ca = ty_attribute_row(m->img, TOKEN(T_TypeDef, m->owner->row), attr);
	if (!ca)
		return;
	Attribute at;
	attr_decode(m->img, ty_arena(), ca, &at);
	Buf b = {0};
	buf_printf(&b, "%s is marked [%.*s]", ty_method_name(m),
		   (int)(strlen(strrchr(attr, '.') + 1) - strlen("Attribute")), strrchr(attr, '.') + 1);
	if (at.nfixed >= 1 && at.fixed[0].type == ET_STRING && !at.fixed[0].null)
		buf_printf(&b, ": %.*s", (int)at.fixed[0].slen, at.fixed[0].s);
	for (uint32_t i = 0; i < at.nnamed; i++)
		if (!strcmp(at.named[i].name, "Url") && at.named[i].value.type == ET_STRING &&
		    !at.named[i].value.null)
			buf_printf(&b, " (%.*s)", (int)at.named[i].value.slen, at.named[i].value.s);
	warn(f, c, arena_strdup(&f->a, b.s));
	buf_free(&b);
}

void e_aot_check(Fn *f, Method *m)
{
	if (!warn_in_scope(f->p, f->m))
		return;
	MethodState *ms = reach_state(m);
	if (!ms->unsafe_call) {
		int k = find_unsafe(m);
		ms->unsafe_call = (int8_t)(k ? k : -1);
	}
	if (ms->unsafe_call > 0 && unsafe_calls[ms->unsafe_call - 1].refuse)
		warn_refuse(f->m, f->off, unsafe_calls[ms->unsafe_call - 1].what);
	if (ms->unsafe_call > 0 && !(unsafe_calls[ms->unsafe_call - 1].c == W_LOAD &&
				     linked_name(f, m)))
		warn(f, unsafe_calls[ms->unsafe_call - 1].c, unsafe_calls[ms->unsafe_call - 1].what);
	requires(f, m, "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute", W_RUC);
	requires(f, m, "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute", W_RDC);
}

/* ---- [DynamicallyAccessedMembers] ---- */

static uint32_t generic_param_row(Image *img, Token owner, uint32_t number)
{
	uint32_t first, end;
	md_lookup(img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_lookup_row(img, T_GenericParam, GenericParam_Owner, pos);
		if (md_get(img, T_GenericParam, row, GenericParam_Number) == number)
			return row;
	}
	return 0;
}

static bool dam_param(Method *m, uint32_t seq, int64_t *kinds)
{
	uint32_t row = m->row ? ty_param_row(m, seq) : 0;
	return row && directives_dam(m->img, TOKEN(T_Param, row), kinds);
}

/* Was s loaded from a [DynamicallyAccessedMembers] parameter of f->m? */
static bool from_annotated(Fn *f, const Slot *s)
{
	int64_t kinds;
	if (s->dam)
		return true;
	if (!s->from_arg || (f->m->has_this && s->from_arg == 1))
		return false;
	return dam_param(f->m, s->from_arg - (f->m->has_this ? 1u : 0u), &kinds);
}

/* Generic arguments of a [DynamicallyAccessedMembers] generic parameter
 * (of m or of its type): their members are kept. */
static bool dam_generic(Fn *f, Image *img, Token owner, Type **inst, uint32_t n)
{
	bool any = false;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t row = generic_param_row(img, owner, i);
		int64_t kinds;
		if (row && directives_dam(img, TOKEN(T_GenericParam, row), &kinds)) {
			directives_keep_members(f->p, inst[i], kinds, f->m);
			any = true;
		}
	}
	return any;
}

/* A call of m passing types to [DynamicallyAccessedMembers] parameters
 * or generic parameters: those types' members of the kinds it names are
 * kept. A Type not known at build time warns, unless it came from such a
 * parameter of the caller (its callers' types were kept the same way). */
static void dam_flow(Fn *f, Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->dam < 0 || !m->img || !m->row)
		return;
	bool any = false;
	for (uint32_t i = 0; i < m->nparams; i++) {
		int64_t kinds;
		if (!param_is(m, i, "System.Type") || !dam_param(m, i + 1, &kinds))
			continue;
		any = true;
		Slot *a = arg(f, m, i);
		if (a->known)
			directives_keep_members(f->p, a->known, kinds, f->m);
		else if (!from_annotated(f, a))
			warn(f, W_REFLECT, arena_printf(&f->a, "%s takes a [DynamicallyAccessedMembers]"
				" Type; the one passed here is not known at build time, so only what the"
				" program keeps anyway is found (pass typeof(X), or a parameter so"
				" annotated)", ty_method_name(m)));
	}
	any |= dam_generic(f, m->img, TOKEN(T_MethodDef, m->row), m->inst, m->ninst);
	Type *o = m->owner;
	if (o->img && o->row && o->ninst)
		any |= dam_generic(f, o->img, TOKEN(T_TypeDef, o->row), o->inst, o->ninst);
	if (!any && !m->ninst && !o->ninst)
		ms->dam = -1;
}

void e_dam_flow(Fn *f, Method *m)
{
	dam_flow(f, m);
}

/* Does any argument of a call of m come from an annotated parameter? */
static bool dam_args(Fn *f, Method *m)
{
	for (uint32_t i = 0; i < m->nparams + (m->has_this ? 1u : 0u); i++)
		if ((e_top(f, i)->from_arg || e_top(f, i)->dam) && from_annotated(f, e_top(f, i)))
			return true;
	return false;
}

/* ---- [DynamicallyAccessedMembers] on fields and return values ----
 * As Native AOT's dataflow: a Type stored into such a field or returned
 * from such a method keeps its members of the kinds named, and a Type
 * loaded from there needs nothing more where it is reflected on; storing
 * or returning a Type not known at build time warns. */

static bool is_type(const Type *t)
{
	return t && t->name && !strcmp(t->name, "System.Type");
}

static bool dam_field(const Field *fd, int64_t *kinds)
{
	return fd->img && fd->row && is_type(fd->type) &&
	       directives_dam(fd->img, TOKEN(T_Field, fd->row), kinds);
}

static bool dam_return(Method *m, int64_t *kinds)
{
	return m->img && m->row && is_type(m->ret) && dam_param(m, 0, kinds);
}

bool e_dam_field(const Field *fd)
{
	int64_t kinds;
	return dam_field(fd, &kinds);
}

bool e_dam_returns(Method *m)
{
	int64_t kinds;
	return dam_return(m, &kinds);
}

/* v flows into a place annotated with kinds (`what`, for the warning). */
static void dam_into(Fn *f, const Slot *v, int64_t kinds, const char *what)
{
	bool null = v->k == SK_O && v->t == ty_object;      /* ldnull */
	if (v->known)
		directives_keep_members(f->p, v->known, kinds, f->m);
	else if (!null && !from_annotated(f, v))
		warn_aot(f->p, f->m, f->off, W_REFLECT, arena_printf(&f->a, "%s is"
			" [DynamicallyAccessedMembers]; the Type given here is not known at build"
			" time, so only what the program keeps anyway is found (give typeof(X),"
			" or a Type so annotated)", what));
}

void e_dam_store(Fn *f, const Field *fd, const Slot *v)
{
	int64_t kinds;
	if (dam_field(fd, &kinds))
		dam_into(f, v, kinds, arena_printf(&f->a, "the field %s::%s", fd->owner->name,
						   fd->name));
}

void e_dam_return(Fn *f, const Slot *v)
{
	int64_t kinds;
	if (dam_return(f->m, &kinds))
		dam_into(f, v, kinds, arena_printf(&f->a, "the return value of %s",
						   ty_method_name(f->m)));
}

/* ---- Type parameters the program's own code reflects on ----
 * .NET's trimmer wants [DynamicallyAccessedMembers] on a Type parameter
 * that a method calls GetMethods (GetField, ...) on; ilcc infers it in
 * the program's own code (not in the class library's, where it would keep
 * too much): the parameter is marked (MethodState.reflects), and each
 * typeof(X) passed to it, directly or on through other Type parameters
 * (Program.type_args; whichever of the call and the mark is found first),
 * keeps X's members of that kind. Mono's TestDriver.RunTests(typeof(T))
 * is the case: it calls type.GetMethods() and invokes test_* methods. */

static bool own_code(Method *m)
{
	return own_image(m->img);
}

/* 1 + the Type parameter (after `this`) of f->m that s was loaded from,
 * or 0. */
static uint32_t type_param_of(Fn *f, const Slot *s)
{
	uint32_t self = f->m->has_this ? 1 : 0;
	if (s->known || s->from_arg <= self || !own_code(f->m))
		return 0;
	uint32_t i = s->from_arg - 1 - self;
	return i < 32 && param_is(f->m, i, "System.Type") ? i + 1 : 0;
}

/* A Type not known at build time passed (a) to a Type parameter that is
 * reflected on for `kinds`: those of each of the program's own types. */
static void unknown_type_arg(Program *p, const TypeArgFlow *a, int64_t kinds)
{
	keep_kinds_unknown(p, a->caller, kinds);
	warn_aot(p, a->caller, a->off, W_REFLECT, arena_printf(ty_arena(), "a Type not known at"
		 " build time is passed to %s, which reflects on it:" UNKNOWN_TYPE_WHAT,
		 ty_method_name(a->callee)));
}

/* m's Type parameter i is reflected on for `kinds`: so are the types
 * passed to it so far. */
static void mark_reflects(Program *p, Method *m, uint32_t i, int64_t kinds)
{
	MethodState *ms = reach_state(m);
	if ((ms->reflects & 1u << i) && (ms->reflects_kinds | kinds) == ms->reflects_kinds)
		return;
	ms->reflects |= 1u << i;
	ms->reflects_kinds |= kinds;
	for (uint32_t k = 0; k < p->type_args.n; k++) {
		TypeArgFlow a = p->type_args.v[k];
		if (a.callee != m || a.param != i)
			continue;
		if (a.known)
			directives_keep_members(p, a.known, ms->reflects_kinds, a.caller);
		else if (a.from)
			mark_reflects(p, a.caller, a.from - 1, ms->reflects_kinds);
		else
			unknown_type_arg(p, &a, ms->reflects_kinds);
	}
}

static bool type_arg_seen(Program *p, const TypeArgFlow *a)
{
	for (uint32_t k = 0; k < p->type_args.n; k++)
		if (!memcmp(&p->type_args.v[k], a, sizeof *a))
			return true;
	return false;
}

/* One Type passed to a parameter (a): recorded, and met with what the
 * parameter is known to need (reflection on it, MakeGenericType over it). */
static void type_arg(Fn *f, TypeArgFlow a)
{
	if (type_arg_seen(f->p, &a))
		return;
	VEC_PUSH(f->p->type_args, a);
	for (uint32_t k = 0; k < f->p->gen_sites.n; k++) {
		GenSite g = f->p->gen_sites.v[k];       /* a copy: site_flow may push */
		if (g.m == a.callee && g.param == a.param)
			site_flow(f->p, &g, &a);
	}
	MethodState *ms = reach_state(a.callee);
	if (!(ms->reflects & 1u << a.param))
		return;
	if (a.known)
		directives_keep_members(f->p, a.known, ms->reflects_kinds, f->m);
	else if (a.from)
		mark_reflects(f->p, f->m, a.from - 1, ms->reflects_kinds);
	else
		unknown_type_arg(f->p, &a, ms->reflects_kinds);
}

/* A call of m (the program's own) passing Types: each recorded (one per
 * candidate where the Type is one of several; one not known at build
 * time with the place it is passed at, for site_flow's warning). */
static void type_args(Fn *f, Method *m)
{
	if (!own_code(m))
		return;
	for (uint32_t i = 0; i < m->nparams && i < 32; i++) {
		if (!param_is(m, i, "System.Type"))
			continue;
		Slot *s = arg(f, m, i);
		if (s->dam || (s->k == SK_O && s->t == ty_object))
			continue;       /* annotated: kept where it came from; null */
		TypeArgFlow a;
		memset(&a, 0, sizeof a);        /* padding too: type_arg_seen compares bytes */
		a.callee = m, a.caller = f->m, a.param = i, a.known = s->known;
		a.from = type_param_of(f, s);
		a.off = a.known || a.from || s->ncands ? 0 : f->off;
		for (uint32_t k = 0; k < s->ncands && !a.known; k++) {
			a.known = s->cands[k];
			type_arg(f, a);
			a.known = NULL;
		}
		if (!s->ncands || s->known)
			type_arg(f, a);
	}
}

void e_reflect_ftn(Fn *f, Method *m)
{
	if (!own_code(m) || f->p->in_core)
		return;
	for (uint32_t i = 0; i < m->nparams && i < 32; i++) {
		if (!param_is(m, i, "System.Type"))
			continue;
		TypeArgFlow a;
		memset(&a, 0, sizeof a);        /* padding too: type_arg_seen compares bytes */
		a.callee = m, a.caller = f->m, a.param = i, a.off = f->off;
		type_arg(f, a);
	}
}

/* Type.GetMethods (...) on a Type parameter of the program's own code:
 * true, and the parameter is marked. */
static bool reflects_on_param(Fn *f, Method *m, int k)
{
	/* a static call's Type is its first argument (Activator.CreateInstance) */
	Slot *t = m->has_this ? receiver(f, m) : m->nparams && param_is(m, 0, "System.Type") ?
		  arg(f, m, 0) : NULL;
	uint32_t tp = flows[k].kinds && t ? type_param_of(f, t) : 0;
	if (tp)
		mark_reflects(f->p, f->m, tp - 1, flows[k].kinds);
	return tp;
}

/* newobj of ctor (its arguments on the stack, no object yet): the rule
 * for the constructor, if any, and the checks every call has. */
void e_reflect_newobj(Fn *f, Method *ctor)
{
	MethodState *ms = reach_state(ctor);
	if (!ms->flow) {
		int k = find_flow(ctor);
		ms->flow = (int8_t)(k ? k : -1);
	}
	Slot r = {0};
	if (ms->flow > 0)
		flows[ms->flow - 1].fn(f, ctor, &r);
	e_aot_check(f, ctor);
	dam_flow(f, ctor);
}

Slot e_reflect_flow(Fn *f, Method *m)
{
	Slot r = {0};
	MethodState *ms = reach_state(m);
	if (!ms->flow) {
		int k = find_flow(m);
		ms->flow = (int8_t)(k ? k : -1);
	}
	f->dam_arg = ms->flow > 0 && (dam_args(f, m) || reflects_on_param(f, m, ms->flow - 1));
	if (ms->flow > 0)
		flows[ms->flow - 1].fn(f, m, &r);
	f->dam_arg = false;
	e_aot_check(f, m);
	dam_flow(f, m);
	type_args(f, m);
	return r;
}
