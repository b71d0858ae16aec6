/* stack.c: what a program that walks its own stack needs (issue 16).
 *
 * Requires: the reached program (reach.c), before cgen writes data.c.
 * Provides: for a program that reaches StackFrame.get_frame_info or
 * StackTrace.ToString (`new StackTrace()`, `new StackFrame(1)`,
 * Environment.StackTrace) or Assembly.GetCallingAssembly, the table
 * rt_stack_methods[] of every compiled method: its C function and its frame as Mono's StackTrace writes it
 * ("NS.G`1[T]", "M[U]", "T t, System.Int32[] a", the module's MVID), sorted
 * by the runtime at its first walk (runtime/stack.c); and rt_stack_known,
 * the field offsets the runtime reads. Such a program is compiled with
 * unwind tables (build.c), and the runtime unwinds with libgcc's
 * _Unwind_Backtrace, mapping each frame's function start to its method.
 * No other program has any of it: Hello World is the same file. A
 * program whose own code reads Exception.TargetSite or Source gets the
 * table and new StackTrace(e) (its first frame's method) but no unwind
 * tables.
 *
 * A method that calls StackTrace's or StackFrame's constructors,
 * StackTrace.init_frames, StackFrame.get_frame_info,
 * Environment.StackTrace or Assembly.GetCallingAssembly keeps a frame of
 * its own (RT_NOINLINE), so the frames counted by Mono's skip arguments
 * are there, and so does a caller of a method of the program's that calls
 * GetCallingAssembly (its frame is the answer); other methods may be
 * inlined by gcc, and then have no frame, as under Mono's JIT.
 */
#include <string.h>

#include "emit.h"
#include "../meta/meta.h"

static bool in_corlib(const Type *t, const char *name)
{
	return t->img && t->img == ty_object->img && !strcmp(t->name, name);
}

static bool is_named(const Method *m, const char *name)
{
	return !strcmp(m->name, name);
}

/* Exception.TargetSite is the method of the first frame of
 * `new StackTrace(this)`, whose frames get_trace makes from the table of
 * methods, and Exception.Source that method's assembly's name: a program
 * whose own code reads either gets the table (not the class library's own
 * readers: exception serialization). */
static bool target_site(Program *p, Method *caller, Method *m)
{
	if (m->owner != ty_exception ||
	    (!is_named(m, "get_TargetSite") && !is_named(m, "get_Source")) ||
	    emit_in_class_library(caller->img))
		return false;
	Type *sf = ty_corlib_type("System.Diagnostics", "StackFrame");
	p->target_site = true;
	reach_type(p, ty_corlib_type("System.Diagnostics", "StackTrace"), TN_LAYOUT, caller);
	reach_type(p, sf, TN_LAYOUT | TN_CONSTRUCTED, caller);
	reach_type(p, ty_sz(sf), TN_CONSTRUCTED, caller);
	reach_reflection(p, caller);    /* the frames' MethodInfo objects */
	if (is_named(m, "get_Source"))  /* DeclaringType.Assembly.GetName().Name */
		reach_assemblies(p, caller);
	return true;
}

/* Assembly.GetCallingAssembly() in the program's own code: a walk
 * (runtime/stack.c rt_stack_calling_assembly) from a method with a frame
 * of its own; the frames' types get descriptors (the program's own,
 * emit_stack_bodies), so their assemblies are listed. The class
 * library's calls (SecurityManager's, reached by CAS asserts in
 * System.Xml) do not make a program walk: they are left as they were
 * (no internal call: NotSupportedException if they ever run). */
bool emit_calling_assembly(Program *p, Method *caller, Method *m)
{
	if (!in_corlib(m->owner, "System.Reflection.Assembly") || m->nparams || m->has_this ||
	    !is_named(m, "GetCallingAssembly") || emit_in_class_library(caller->img))
		return false;
	p->calling_assembly = true;
	reach_state(caller)->frame_sensitive = true;
	reach_assemblies(p, caller);
	return true;
}

/* Does m's IL call Assembly.GetCallingAssembly()? (a MemberRef of that
 * name: only the class library defines it) */
static bool asks_caller(Method *m)
{
	Method *src = m->spec_of ? m->spec_of : m;
	MethodState *ms = reach_state(m);
	MethodBody body;
	if (ms->asks_caller)
		return ms->asks_caller > 0;
	ms->asks_caller = -1;
	if (!src->img || emit_in_class_library(src->img) || !src->row ||
	    !md_body(src->img, ty_arena(), src->row, &body))
		return false;
	for (uint32_t off = 0; off < body.code_size;) {
		Instr in;
		off = il_decode(src->img, &body, off, &in);
		if ((in.op == OP_CALL || in.op == OP_CALLVIRT) && TOK_TABLE(in.token) == T_MemberRef &&
		    !strcmp(md_string(src->img, md_get(src->img, T_MemberRef, TOK_ROW(in.token),
						     MemberRef_Name)), "GetCallingAssembly"))
			ms->asks_caller = 1;
	}
	return ms->asks_caller > 0;
}

void emit_stack_call(Program *p, Method *caller, Method *m)
{
	/* the caller of a method that asks for its caller's assembly keeps
	 * its frame: it is the answer */
	if (asks_caller(m))
		reach_state(caller)->frame_sensitive = true;
	if (target_site(p, caller, m))
		return;
	bool st = in_corlib(m->owner, "System.Diagnostics.StackTrace");
	bool sf = in_corlib(m->owner, "System.Diagnostics.StackFrame");
	bool info = sf && is_named(m, "get_frame_info");
	/* StackTrace(Exception...) takes the exception's frames, not the
	 * stack's (ExceptionDispatchInfo, in every program, makes one) */
	bool walks = (sf || (st && !(m->nparams && m->params[0] == ty_exception))) &&
		     is_named(m, ".ctor");
	if (!(walks || (st && is_named(m, "init_frames")) || info ||
	      (in_corlib(m->owner, "System.Environment") && is_named(m, "get_StackTrace"))))
		return;
	reach_state(caller)->frame_sensitive = true;
	reach_type(p, ty_corlib_type("System.Diagnostics", "StackTrace"), TN_LAYOUT, caller);
	reach_type(p, ty_corlib_type("System.Diagnostics", "StackFrame"), TN_LAYOUT, caller);
	if (info)                       /* its frames' MethodInfo objects */
		reach_reflection(p, caller);
}

static bool reached(Method *m)
{
	MethodState *ms = m ? m->user : NULL;
	return ms && ms->reason && ms->kind != BK_ABSTRACT;
}

bool emit_stack_walks(Program *p)
{
	Type *sf = ty_corlib_type("System.Diagnostics", "StackFrame");
	Type *st = ty_corlib_type("System.Diagnostics", "StackTrace");
	return sf && st && (reached(ty_find_method(sf, "get_frame_info", 8)) ||
			    p->calling_assembly);
}

/* m's body becomes a call of the runtime's fn with its arguments. */
static void runtime_body(Method *m, const char *fn)
{
	MethodState *ms = m ? m->user : NULL;
	if (!reached(m))
		return;
	Buf b = {0};
	emit_prototype(&b, m);
	buf_printf(&b, "\n{\n\treturn (%s)%s(", emit_ctype(m->ret), fn);
	for (uint32_t i = 0; i < m->nparams + m->has_this; i++) {
		Type *t = m->has_this ? (i ? m->params[i - 1] : NULL) : m->params[i];
		buf_printf(&b, "%s%sa%u", i ? ", " : "",
			   !t || emit_kind(t) == SK_O ? "(Object *)" : "", i);
	}
	buf_puts(&b, ");\n}\n\n");
	buf_free(&ms->code);
	ms->code = b;
}

/* In a program that walks its stack, StackTrace's text and new
 * StackTrace(e) are the runtime's (stack.c); in any other, Mono's
 * ToString (over frames it never has) and no frames, as they were, so
 * that stack.c is not linked into them. */
void emit_stack_bodies(Program *p)
{
	if (!p->stack_walk && !p->target_site)
		return;
	Type *st = ty_corlib_type("System.Diagnostics", "StackTrace");
	runtime_body(ty_find_method(st, "ToString", 0), "rt_StackTrace_ToString");
	runtime_body(ty_find_method(st, "get_trace", 3), "rt_StackTrace_get_trace");
	/* a frame's MethodBase.DeclaringType: the program's own types get
	 * descriptors (the class library's keep theirs only if reached);
	 * those of its other assemblies too once it asks for assemblies
	 * (GetCallingAssembly's answer is one of those listed) */
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Image *img = p->methods.v[i]->owner->img;
		if (img && (img == p->img || (p->assemblies && !emit_in_class_library(img))))
			reach_type(p, p->methods.v[i]->owner, TN_DESCRIPTOR, NULL);
	}
}

/* ---- Mono's names ---- */

/* Mono's StackTrace leaves out the frames of methods that the class
 * library marks [StackTraceHidden], on the method or on its own type (the
 * attribute is not inherited): ThrowHelper, ExceptionDispatchInfo.Throw,
 * the awaiters' GetResult. So do ilcc's exception traces (no frame is
 * recorded: il2c_eh.c) and stack walks' text. The attribute is internal
 * to Mono's corlib, so only its methods carry it. */
bool emit_stack_hidden(Method *m)
{
	Method *src = m->spec_of ? m->spec_of : m;
	Type *owner = src->owner;
	static const char attr[] = "System.Diagnostics.StackTraceHiddenAttribute";
	return src->img && src->img == ty_object->img &&
	       (ty_has_attribute(src->img, TOKEN(T_MethodDef, src->row), attr) ||
		(owner->img == src->img && ty_has_attribute(owner->img, TOKEN(T_TypeDef, owner->row), attr)));
}


/* "[T,U]": the generic parameters of a TypeDef or MethodDef */
static void param_names(Buf *b, Image *img, Token owner, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? "," : "[", ty_generic_param_name(img, owner, i));
	if (n)
		buf_putc(b, ']');
}

/* Type.ToString() of t in the open method m; `top`: a parameter's own
 * type, which Mono shows as its generic definition (List`1[T]). */
static void put_type(Buf *b, Method *m, Type *t, bool top)
{
	switch (t->kind) {
	case TY_VAR:
		buf_puts(b, ty_generic_param_name(m->owner->img, TOKEN(T_TypeDef, m->owner->row), t->rank));
		return;
	case TY_MVAR:
		buf_puts(b, ty_generic_param_name(m->img, TOKEN(T_MethodDef, m->row), t->rank));
		return;
	case TY_SZARRAY: case TY_ARRAY: case TY_PTR: case TY_BYREF:
		put_type(b, m, t->elem, false);
		if (t->kind == TY_SZARRAY)
			buf_puts(b, "[]");
		else if (t->kind == TY_ARRAY) {
			buf_putc(b, '[');
			for (uint32_t i = 1; i < t->rank; i++)
				buf_putc(b, ',');
			buf_putc(b, ']');
		} else
			buf_putc(b, t->kind == TY_PTR ? '*' : '&');
		return;
	default:
		break;
	}
	if (!t->img) {
		buf_puts(b, t->name);
		return;
	}
	sig_print_typedef(b, t->img, t->row, '+');
	if (top && t->ninst)
		param_names(b, t->img, TOKEN(T_TypeDef, t->row), t->ninst);
	else if (t->ninst) {
		for (uint32_t i = 0; i < t->ninst; i++) {
			buf_putc(b, i ? ',' : '[');
			put_type(b, m, t->inst[i], false);
		}
		buf_putc(b, ']');
	}
}

/* m as its generic definition (Mono's frames name G`1[T].M[U]). */
static Method *open_def(Method *m)
{
	Type *owner = m->owner;
	if (!owner->img || (owner->kind != TY_CLASS && owner->kind != TY_STRUCT))
		return m;
	if (owner->ninst)
		owner = ty_def(owner->img, owner->row, NULL, 0);
	return owner == m->owner && !m->ninst ? m : ty_method(owner, m->img, m->row, NULL, 0);
}

/* a C literal of s, in the type system's arena */
static const char *c_str(const char *s)
{
	Buf b = {0};
	emit_c_string(&b, s);
	const char *r = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return r;
}

/* The module's MVID as Mono's traces name it: "<hex>" (Guid "N"). */
static const char *mvid(Image *img)
{
	const uint8_t *g = img ? md_guid(img, md_get(img, T_Module, 1, Module_Mvid)) : NULL;
	if (!g)
		return "<filename unknown>";
	static const uint8_t order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	Buf b = {0};
	buf_putc(&b, '<');
	for (int i = 0; i < 16; i++)
		buf_printf(&b, "%02x", g[order[i]]);
	buf_putc(&b, '>');
	const char *r = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return r;
}

/* The modules' MVIDs, rt_stack_mvids[] as far as made */
typedef struct Mvids {
	Image *img[256];
	uint32_t n;
} Mvids;

static uint32_t mvid_index(Mvids *v, Image *img)
{
	for (uint32_t i = 0; i < v->n; i++)
		if (v->img[i] == img)
			return i;
	if (v->n == 256)
		fatal("more than 256 assemblies with methods in stack traces");
	v->img[v->n] = img;
	return v->n++;
}

/* The type's name in the frames an exception records (il2c_body.c), if
 * it differs from Mono's form t (other than '/' for '+'): "NULL" if not. */
static const char *trace_type(Method *m, const char *t)
{
	char *s = arena_strdup(ty_arena(), m->owner->name);
	bool same = strlen(s) == strlen(t);
	for (char *c = s; *c; c++) {
		if (*c == '"' || *c == '\\')
			*c = '\'';
		same = same && (*c == t[c - s] || (*c == '/' && t[c - s] == '+'));
	}
	return same ? "NULL" : c_str(s);
}

/* m's type and signature in Mono's frames: "NS.G`1[T]", "M[U] (T t)" */
static void frame_names(Method *m, Buf *t, Buf *g)
{
	Method *src = m->spec_of ? m->spec_of : m;
	Method *def = open_def(src);
	buf_puts(g, src->name);
	if (def->owner->img) {
		sig_print_typedef(t, def->owner->img, def->owner->row, '+');
		param_names(t, def->owner->img, TOKEN(T_TypeDef, def->owner->row),
			    ty_generic_arity(def->owner));
		param_names(g, def->img, TOKEN(T_MethodDef, def->row), ty_method_generic_arity(def));
	} else
		buf_puts(t, def->owner->name);
	buf_puts(g, " (");
	for (uint32_t i = 0; i < def->nparams; i++) {
		if (i)
			buf_puts(g, ", ");
		put_type(g, def, def->params[i], true);
		const char *pn = def->img ? ty_param_name(def, i + 1) : "";
		if (*pn)
			buf_printf(g, " %s", pn);
	}
	buf_putc(g, ')');
}

const char *emit_stack_frame(Method *m)
{
	Buf t = {0}, g = {0};
	frame_names(m, &t, &g);
	const char *r = arena_printf(ty_arena(), "%s.%s", t.s ? t.s : "", g.s);
	buf_free(&t);
	buf_free(&g);
	return r;
}

static Image *module_of(Method *m)
{
	Method *src = m->spec_of ? m->spec_of : m;
	return src->img ? src->img : src->owner->img;
}

const char *emit_stack_mvid(Method *m)
{
	return mvid(module_of(m));
}

/* One entry: { fn, type, sig, trace_type, owner, reflect, attrs, mvid,
 * frame } */
static void entry(Program *p, Buf *d, Method *m, Mvids *mv)
{
	Method *src = m->spec_of ? m->spec_of : m;
	Buf t = {0}, g = {0};
	frame_names(m, &t, &g);
	int32_t k = -1;
	if (reach_state(m)->reflected)
		for (uint32_t i = 0; i < p->reflected.n && k < 0; i++)
			if (p->reflected.v[i] == m)
				k = (int32_t)i;
	TypeState *ts = m->owner->user;
	bool desc = ts && (ts->needs & TN_DESCRIPTOR);
	int frame = in_corlib(src->owner, "System.Diagnostics.StackFrame") |
		    emit_stack_hidden(m) << 1;
	Image *img = module_of(m);
	buf_printf(d, "\t{ (const void *)&%s, %s, %s, %s, %s%s%s, %d, 0x%x, %u, %d },\n",
		   m->cname, c_str(t.s ? t.s : ""), c_str(g.s), trace_type(m, t.s ? t.s : ""),
		   desc ? "&" : "NULL", desc ? m->owner->cname : "", desc ? "_type" : "", k,
		   src->flags, mvid_index(mv, img), frame);
	buf_free(&t);
	buf_free(&g);
}

static const char *field_off(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name))
			return arena_printf(ty_arena(), "offsetof(struct %s, %s)", t->cname,
					    ti->fields[i]->cname);
	fatal("the class library's %s has no field %s", t->name, name);
}

void emit_stack_table(Program *p, Buf *d)
{
	if (!p->stack_walk && !p->target_site)
		return;
	buf_puts(d, "const RtStackMethod rt_stack_methods[] = {\n");
	uint32_t n = 0;
	Mvids mv = { .n = 0 };
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		MethodState *ms = reach_state(m);
		/* a delegate's Invoke is the runtime's, no frame under Mono; a
		 * small method that prog.h inlines everywhere has no frame
		 * either, and naming its out-of-line copy would keep it */
		if (p->no_trace_names)  /* the switch: no frames */
			break;
		if (ms->kind == BK_ABSTRACT || !ms->code.len || reach_reflect_open(m) || ms->inlined ||
		    (m->owner->img && ty_info(m->owner)->is_delegate))
			continue;
		entry(p, d, m, &mv);
		n++;
	}
	buf_printf(d, "\t{ 0 }\n};\nconst uint32_t rt_nstack_methods = %u;\n"
		   "const char *const rt_stack_mvids[] = {", n);
	for (uint32_t i = 0; i < mv.n; i++)
		buf_printf(d, " \"%s\",", mvid(mv.img[i]));
	buf_puts(d, " NULL };\nconst char *const rt_stack_assemblies[] = {");
	for (uint32_t i = 0; i < mv.n; i++)
		buf_printf(d, " \"%s\",", md_rows(mv.img[i], T_Assembly) ?
			   md_string(mv.img[i], md_get(mv.img[i], T_Assembly, 1, Assembly_Name)) : "");
	buf_puts(d, " NULL };\n");
	Type *st = ty_corlib_type("System.Diagnostics", "StackTrace");
	Type *sf = ty_corlib_type("System.Diagnostics", "StackFrame");
	TypeState *fs = sf->user, *as = ty_sz(sf)->user;
	bool made = fs && as && (fs->needs & TN_CONSTRUCTED) && (as->needs & TN_CONSTRUCTED);
	buf_printf(d, "const RtStackKnown rt_stack_known = { %s, %s, %s, %s%s, %s%s };\n",
		   field_off(st, "frames"), field_off(sf, "methodBase"), field_off(sf, "ilOffset"),
		   made ? "&" : "NULL", made ? arena_printf(ty_arena(), "%s_type", sf->cname) : "",
		   made ? "&" : "NULL",
		   made ? arena_printf(ty_arena(), "%s_type", ty_sz(sf)->cname) : "");
}
