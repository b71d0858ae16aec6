/* cgen: the C program around the methods.
 *
 * Requires: a Program after reach_run (every method's C is written).
 * Produces, in the output folder:
 *   prog.h   structs of the types whose layout the code uses, externs of
 *            descriptors, statics, literals and prototypes of every function
 *   data.c   type descriptors (RtType: display, vtable, interface tables),
 *            statics, static-constructor records, string literals, field
 *            data, thunks, generic virtual dispatchers, rt_known
 *   mN.c     the methods, split into files of similar size so that cc can
 *            build them in parallel
 * Files are written only when their text changed, so an unchanged program
 * rebuilds nothing (make-style timestamps stay valid for the caller).
 */
#include "emit.h"
#include "../../runtime/rt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>


typedef struct Gen {
	Program *p;
	Buf h, d;                       /* prog.h, data.c */
	Buf lits;                       /* lits.c: the string literals */
	uint32_t ncode;                 /* p->types found by reachability */
	bool thread_start, pool_dispatch;   /* emitted (thread_known) */
	bool process_exit;                  /* emitted (process_exit_known) */
	bool unhandled_event;               /* emitted (unhandled_known) */
} Gen;

static bool needs(Type *t, uint32_t what)
{
	TypeState *ts = t->user;
	return ts && (ts->needs & what);
}

static bool reached(Method *m)
{
	MethodState *ms = m->user;
	return ms && ms->reason && ms->kind != BK_ABSTRACT;
}

static bool has_struct(Type *t)
{
	if (t->kind == TY_CLASS)
		return true;
	return t->kind == TY_STRUCT && !ty_info(t)->is_enum;
}

/* ---- struct definitions ---- */
static void define_struct(Gen *g, Type *t);

static void struct_fields(Gen *g, Type *t, TypeInfo *ti)
{
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *f = ti->fields[i];
		if (f->type->kind == TY_STRUCT)
			define_struct(g, f->type);
	}
}

static void put_field(Buf *b, Field *f)
{
	buf_printf(b, "\t%s %s;\n", emit_ctype(f->type), f->cname);
}

/* The alignment cap of an explicit layout, as Mono lays it out (sizeof
 * in managed and native memory alike): the Pack, and with a Size that is
 * no multiple of the fields' alignment, the largest power of two dividing
 * it (Size=12 with a long: 12 bytes, not 16); 8 (none) for a struct
 * holding references, which the collector finds only when aligned. */
static uint32_t explicit_align_cap(TypeInfo *ti)
{
	if (!ti->pointer_free)
		return 8;
	uint32_t cap = ti->pack && ti->pack < 8 ? ti->pack : 8;
	uint32_t size_cap = ti->class_size & -ti->class_size;
	return ti->class_size && size_cap < cap ? size_cap : cap;
}

/* Explicit layout: each field at its offset in a packed struct of its own;
 * the whole aligned as its most aligned field, up to explicit_align_cap. */
static void explicit_fields(Buf *b, TypeInfo *ti)
{
	buf_puts(b, "\tunion {\n");
	uint32_t cap = explicit_align_cap(ti);
	if (ti->nfields) {
		buf_puts(b, "\t\tstruct {");
		for (uint32_t i = 0; i < ti->nfields; i++) {
			const char *ct = emit_ctype(ti->fields[i]->type);
			buf_printf(b, " _Alignas(_Alignof(%s) < %u ? _Alignof(%s) : %u)", ct, cap, ct, cap);
		}
		buf_puts(b, " char _a; } _align;\n");
	}
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *f = ti->fields[i];
		int32_t off = f->offset < 0 ? 0 : f->offset;
		buf_puts(b, "\t\tstruct __attribute__((packed)) {");
		if (off)
			buf_printf(b, " char _p%u[%d];", i, off);
		buf_printf(b, " %s %s; };\n", emit_ctype(f->type), f->cname);
	}
	if (ti->class_size)
		buf_printf(b, "\t\tchar _size[%u];\n", ti->class_size);
	buf_puts(b, "\t};\n");
}

static void value_fields(Buf *b, TypeInfo *ti)
{
	if (ti->explicit_layout) {
		explicit_fields(b, ti);
		return;
	}
	if (ti->class_size)
		buf_puts(b, "\tunion {\n\tstruct {\n");
	for (uint32_t i = 0; i < ti->nfields; i++)
		put_field(b, ti->fields[i]);
	if (ti->nfields == 0)
		buf_puts(b, "\tuint8_t _empty;\n");
	if (ti->class_size)
		buf_printf(b, "\t};\n\tchar _size[%u];\n\t};\n", ti->class_size);
}

static void define_struct(Gen *g, Type *t)
{
	TypeState *ts = reach_tstate(t);
	if (ts->needs & 0x100 || !has_struct(t) || ty_is_generic_def(t) || ty_is_open(t))
		return;
	ts->needs |= 0x100;             /* defined */
	TypeInfo *ti = ty_info(t);
	if (ti->base && has_struct(ti->base))
		define_struct(g, ti->base);
	struct_fields(g, t, ti);
	Buf *b = &g->h;
	bool packed = ti->pack && ti->pack < 8 && !ti->explicit_layout;
	if (packed)
		buf_printf(b, "#pragma pack(push, %u)\n", ti->pack);
	buf_printf(b, "struct %s { /* %s */\n", t->cname, t->name);
	if (t->kind == TY_CLASS) {
		bool base = ti->base && has_struct(ti->base);
		if (base && ti->explicit_layout)        /* Mono: offsets from the header */
			buf_printf(b, "\tunion {\n\tstruct %s base;\n\tstruct {\n\tObject _ehdr;\n",
				   ti->base->cname);
		else if (base)
			buf_printf(b, "\tstruct %s base;\n", ti->base->cname);
		else
			buf_puts(b, "\tObject hdr;\n");
		if (ti->explicit_layout)
			explicit_fields(b, ti);
		if (base && ti->explicit_layout)
			buf_puts(b, "\t};\n\t};\n");
		if (!ti->explicit_layout)
			for (uint32_t i = 0; i < ti->nfields; i++)
				put_field(b, ti->fields[i]);
	} else {
		value_fields(b, ti);
	}
	buf_puts(b, "};\n");
	if (packed)
		buf_puts(b, "#pragma pack(pop)\n");
}

static void structs(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->types.n; i++)
		if (has_struct(p->types.v[i]))
			buf_printf(&g->h, "struct %s;\n", p->types.v[i]->cname);
	for (uint32_t i = 0; i < p->types.n; i++)
		if (needs(p->types.v[i], TN_LAYOUT | TN_DESCRIPTOR | TN_STATICS))
			define_struct(g, p->types.v[i]);
}

/* ---- statics ---- */
static void statics_of(Gen *g, Type *t, bool thread)
{
	TypeInfo *ti = ty_info(t);
	Buf s = {0};
	for (uint32_t i = 0; i < ti->nstatics; i++)
		if (ti->statics[i]->is_thread_static == thread)
			put_field(&s, ti->statics[i]);
	if (s.len) {
		const char *tl = thread ? "__thread " : "";
		const char *sfx = thread ? "ts" : "s";
		buf_printf(&g->h, "struct %s_%s {\n%s};\nextern %sstruct %s_%s %s_%s;\n",
			   t->cname, sfx, s.s, tl, t->cname, sfx, t->cname, sfx);
		buf_printf(&g->d, "%sstruct %s_%s %s_%s;\n", tl, t->cname, sfx, t->cname, sfx);
	}
	buf_free(&s);
}

static void statics(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (!needs(t, TN_STATICS) || !t->img)
			continue;
		statics_of(g, t, false);
		statics_of(g, t, true);
		Method *cc = ty_info(t)->cctor;
		if (cc && reached(cc)) {
			buf_printf(&g->h, "extern RtClassInit %s_init;\n", t->cname);
			buf_printf(&g->d, "RtClassInit %s_init = { RT_INIT_NONE, %s, &%s_type };\n",
				   t->cname, cc->cname, t->cname);
		}
	}
}

/* ---- prototypes ---- */
/* Small methods of the class library are written into prog.h as C99
 * `inline` definitions, so that every unit can inline them (the build
 * has no link-time optimisation: docs/design.md, "Build time"); the
 * unit a method falls to says `extern` of it, which makes its one
 * out-of-line copy. Only a body that is one function and holds no
 * static data qualifies (an inline definition must not define any); the
 * program's own methods stay out, so that changing them leaves prog.h
 * as it was. */
enum { INLINE_MAX_BYTES = 400 };

/* The size of C as the choice to inline judges it: the hash in a stable
 * name (types.c: "M", "T" or "lit_", then 12 or more hex digits) counts
 * as 4 characters, about what the counter it replaced had, so that the
 * longer names do not change what is inlined. */
static bool lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
static bool c_ident_char(char c)
{
	return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static size_t judged_size(const char *s, size_t n, size_t cap)
{
	size_t size = 0;
	for (size_t i = 0; i < n && size <= cap; i++, size++) {
		if (i && c_ident_char(s[i - 1]))
			continue;
		size_t at = s[i] == 'M' || s[i] == 'T' ? i + 1 :
			    s[i] == 'l' && i + 4 <= n && !memcmp(s + i, "lit_", 4) ? i + 4 : 0;
		size_t k = 0;
		while (at && at + k < n && lower_hex(s[at + k]))
			k++;
		if (k >= 12)
			size += at - i + 3, i = at + k - 1;
	}
	return size;
}

/* A body's frame name as il2c_eh.c declares it: a constant, which C11
 * allows in an inline definition (each unit may have its own copy, and
 * only its text is read). Must match what il2c_eh.c's trace() writes. */
static const char frame_decl[] = "static const RtFrameName FRAME_ ";

/* Whether the only static data in a body is its frame name. */
static bool only_frame_static(const char *s)
{
	for (const char *at = strstr(s, "static "); at; at = strstr(at + 1, "static "))
		if (strncmp(at, frame_decl, sizeof frame_decl - 1))
			return false;
	return true;
}

/* The size of a body as the choice to inline judges it, without the line
 * of its frame name, which is data and no code: the long type names of
 * the class library would otherwise decide what inlines. */
static size_t inline_size(const char *s, size_t n, size_t cap)
{
	const char *at = strstr(s, frame_decl);
	size_t len = 0;
	if (at && at < s + n) {
		const char *eol = strchr(at, '\n');
		len = eol ? (size_t)(eol - at) : strlen(at);
	}
	size_t size = judged_size(s, n, cap + len);
	return size > len ? size - len : 0;
}

static bool is_inline(const Program *p, Method *m)
{
	MethodState *ms = reach_state(m);
	if (ms->kind != BK_IL || !ms->code.s || (m->img && m->img == p->img) ||
	    inline_size(ms->code.s, ms->code.len, INLINE_MAX_BYTES) > INLINE_MAX_BYTES)
		return false;
	Buf proto = {0};
	emit_prototype(&proto, m);
	buf_puts(&proto, "\n{\n");
	const char *start = ms->code.s + strspn(ms->code.s, "\n");
	const char *end = strstr(start, "\n}\n");
	bool ok = !strncmp(start, proto.s, proto.len) && end &&
		!end[3 + strspn(end + 3, "\n")] && only_frame_static(start);
	buf_free(&proto);
	return ok;
}

static void inline_bodies(Gen *g)
{
	for (uint32_t i = 0; i < g->p->methods.n; i++) {
		MethodState *ms = reach_state(g->p->methods.v[i]);
		if (ms->inlined) {
			buf_puts(&g->h, "inline ");
			buf_putn(&g->h, ms->code.s, ms->code.len);
		}
	}
}

static void prototypes(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		MethodState *ms = reach_state(m);
		ms->inlined = is_inline(p, m);
		if (ms->inlined)
			buf_puts(&g->h, "inline ");
		emit_prototype(&g->h, m);
		buf_puts(&g->h, ";\n");
		if (ms->kind == BK_ICALL) {
			Method fake = *m;
			fake.cname = ms->icall;
			buf_puts(&g->h, "extern ");
			emit_prototype(&g->h, &fake);
			buf_puts(&g->h, ";\n");
		}
	}
}


/* Whether each IL method can let an exception out: callers test the
 * pending exception after a direct call only if it can. */
static void throws_defines(Gen *g)
{
	Program *p = g->p;
	reach_no_throw(p);
	for (uint32_t i = 0; i < p->methods.n; i++) {
		MethodState *ms = reach_state(p->methods.v[i]);
		if (ms->kind == BK_IL)
			buf_printf(&g->h, "#define %s_THROWS %d\n", p->methods.v[i]->cname,
				   ms->throws | ms->null_this_throws << 1);
	}
}

/* Whether the constructors of exceptions thrown at once keep the new
 * object to themselves (il2c_eh.c's throw). */
static void keeps_this_defines(Gen *g)
{
	Program *p = g->p;
	reach_keeps_this(p);
	for (uint32_t i = 0; i < p->methods.n; i++) {
		MethodState *ms = reach_state(p->methods.v[i]);
		if (ms->keeps_asked)
			buf_printf(&g->h, "#define %s_KEEPS_THIS %d\n", p->methods.v[i]->cname,
				   ms->keeps_this);
	}
}

static void pinvoke_prototypes(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		if (reach_state(m)->kind != BK_PINVOKE)
			continue;
		uint32_t r = md_lookup1(m->img, T_ImplMap, ImplMap_MemberForwarded,
					TOKEN(T_MethodDef, m->row));
		const char *entry = r ? md_string(m->img, md_get(m->img, T_ImplMap, r,
						  ImplMap_ImportName)) : m->name;
		if (!*entry)
			entry = m->name;
		emit_pinvoke_native_decls(&g->h, m);
		buf_printf(&g->h, "extern %s pinvoke_%s(", e_pinvoke_param_ctype(m, -1), m->cname);
		for (uint32_t k = 0; k < m->nparams; k++)
			buf_printf(&g->h, "%s%s", k ? ", " : "", e_pinvoke_param_ctype(m, (int)k));
		buf_printf(&g->h, "%s) __asm__(\"%s\");\n", m->nparams ? "" : "void", entry);
	}
}

/* ---- type descriptors ---- */
static const char *elem_kind(Type *t)
{
	static const char *const kinds[] = {
		[TY_BOOL] = "RT_E_BOOL", [TY_CHAR] = "RT_E_CHAR", [TY_I1] = "RT_E_I1",
		[TY_U1] = "RT_E_U1", [TY_I2] = "RT_E_I2", [TY_U2] = "RT_E_U2",
		[TY_I4] = "RT_E_I4", [TY_U4] = "RT_E_U4", [TY_I8] = "RT_E_I8",
		[TY_U8] = "RT_E_U8", [TY_R4] = "RT_E_R4", [TY_R8] = "RT_E_R8",
		[TY_I] = "RT_E_I", [TY_U] = "RT_E_U",
	};
	if (t->kind == TY_STRUCT && ty_info(t)->is_enum && ty_info(t)->underlying)
		t = ty_info(t)->underlying;
	if (t->kind > TY_VOID && t->kind <= TY_U)
		return kinds[t->kind];
	if (t->kind == TY_STRUCT || t->kind == TY_TYPEDREF)
		return "RT_E_STRUCT";
	if (t->kind == TY_PTR || t->kind == TY_FNPTR)
		return "RT_E_PTR";
	return "RT_E_REF";
}

static Type *base_of(Type *t)
{
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return ty_array;
	return t->img ? ty_info(t)->base : NULL;
}

static bool is_interface(Type *t) { return t->img && ty_info(t)->is_interface; }

static uint32_t display(Gen *g, Type *t)
{
	Type *chain[256];
	uint32_t n = 0;
	if (is_interface(t))
		chain[n++] = t;
	else
		for (Type *c = t; c && n < 256; c = base_of(c))
			chain[n++] = c;
	buf_printf(&g->d, "static const RtType *const %s_display[] = {", t->cname);
	for (uint32_t i = n; i-- > 0;)
		buf_printf(&g->d, " &%s_type,", chain[i]->cname);
	buf_puts(&g->d, " };\n");
	return n - 1;
}

/* The function that runs m for a receiver of type Object *. */
static const char *object_fn(Method *m)
{
	if (ty_is_valuetype(m->owner) && m->has_this)
		return arena_printf(ty_arena(), "%s_unbox", m->cname);
	return m->cname;
}

const char *emit_slot_fn(Method *m)
{
	if (!m || !reached(m))
		return "NULL";
	return arena_printf(ty_arena(), "(void *)%s", object_fn(m));
}

static uint32_t vtable(Gen *g, Type *t)
{
	Type *vt_owner = t->kind == TY_SZARRAY || t->kind == TY_ARRAY ? ty_array : t;
	if (!needs(t, TN_CONSTRUCTED) || !vt_owner->img || is_interface(vt_owner))
		return 0;
	TypeInfo *ti = ty_info(vt_owner);
	buf_printf(&g->d, "static void *const %s_vt[] = {", t->cname);
	for (uint32_t j = 0; j < ti->nvirt; j++)
		buf_printf(&g->d, " %s,", emit_slot_fn(ti->vtable[j]));
	buf_puts(&g->d, " NULL };\n");
	return ti->nvirt;
}

/* The interfaces in an array type's table: System.Array's, then the
 * generic ones of vectors (types.h) among the types reachability found
 * (the first g->ncode): a cast or call through an interface needs its
 * descriptor, so none that the program can ask for is left out, and the
 * unbounded rest (IList<E> of int[] for every enum E over int...) is. */
static uint32_t array_ifaces(Gen *g, Type *t, Type ***out)
{
	TypeInfo *ai = ty_info(ty_array);
	Type **v = arena_alloc(ty_arena(), (ai->nifaces + g->ncode + 1) * sizeof *v);
	uint32_t n = 0;
	for (uint32_t i = 0; i < ai->nifaces; i++)
		v[n++] = ai->ifaces[i];
	for (uint32_t i = 0; t->kind == TY_SZARRAY && i < g->ncode; i++) {
		Type *f = g->p->types.v[i];
		if (ty_array_iface(f) >= 0 && ty_implements(t, f))
			v[n++] = f;
	}
	*out = v;
	return n;
}

/* ---- slots that throw (default interface methods) ---- */
/* AmbiguousImplementationException's message, as Mono words it. */
static const char *ambiguous_msg(Type *t, Method *im)
{
	Buf b = {0};
	buf_puts(&b, "Could not call method '");
	emit_mono_method_desc(&b, im);
	buf_puts(&b, "' with type '");
	emit_mono_class_desc(&b, t);
	buf_puts(&b, "' because there are multiple incompatible interface methods "
		 "overriding this method.");
	const char *s = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return s;
}

/* The function in t's slot for interface method im (k-th of table i) when
 * t has none: one that throws, if a call can reach it, else NULL. */
static const char *failing_slot(Gen *g, Type *t, Method *im, uint32_t i, uint32_t k)
{
	Method *abs = NULL;
	MethodState *ms = im->user;
	TyConflict c = ms && ms->fails ? ty_iface_conflict(t, im, &abs) : TY_RESOLVED;
	if (c != TY_AMBIGUOUS && c != TY_REABSTRACTED)
		return "NULL";
	const char *name = arena_printf(ty_arena(), "%s_if%u_%u_fails", t->cname, i, k);
	Buf *b = &g->d;
	buf_printf(b, "static %s %s(Object *self", emit_ctype(im->ret), name);
	for (uint32_t j = 0; j < im->nparams; j++)
		buf_printf(b, ", %s p%u", emit_ctype(im->params[j]), j);
	buf_puts(b, ")\n{\n\trt_exc_throw_msg(");
	buf_puts(b, c == TY_AMBIGUOUS ? "RT_EXC_AMBIGUOUS, " : "RT_EXC_ENTRYPOINT, ");
	emit_c_string(b, c == TY_AMBIGUOUS ? ambiguous_msg(t, im) : abs->name);
	buf_puts(b, ");\n");
	if (im->ret->kind != TY_VOID)
		buf_printf(b, "\t{ %s z; memset(&z, 0, sizeof z); return z; }\n", emit_ctype(im->ret));
	buf_puts(b, "}\n");
	return arena_printf(ty_arena(), "(void *)%s", name);
}

static void iface_slots(Gen *g, Type *t, Method **impl, Type *iface, uint32_t i)
{
	TypeInfo *ii = ty_info(iface);
	const char **fns = arena_alloc(ty_arena(), (ii->nmethods + 1) * sizeof *fns);
	for (uint32_t k = 0; k < ii->nmethods; k++) {
		Method *m = impl ? impl[k] : t->img ? NULL : ty_resolve_virtual(t, ii->methods[k]);
		fns[k] = m || !impl ? emit_slot_fn(m) : failing_slot(g, t, ii->methods[k], i, k);
	}
	buf_printf(&g->d, "static void *const %s_if%u[] = {", t->cname, i);
	for (uint32_t k = 0; k < ii->nmethods; k++)
		buf_printf(&g->d, " %s,", fns[k]);
	buf_puts(&g->d, " NULL };\n");
}

/* The interfaces of t's descriptor, in order. */
static uint32_t ifaces_of(Gen *g, Type *t, Type ***out)
{
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return array_ifaces(g, t, out);
	if (!t->img)
		return 0;
	*out = ty_info(t)->ifaces;
	return ty_info(t)->nifaces;
}

static uint32_t iface_table(Gen *g, Type *t)
{
	Type **ifs;
	TypeInfo *ti = t->img ? ty_info(t) : NULL;
	uint32_t n = ifaces_of(g, t, &ifs);
	if (!n)
		return 0;
	bool built = needs(t, TN_CONSTRUCTED);
	for (uint32_t i = 0; built && i < n; i++)
		iface_slots(g, t, ti ? ti->imap[i] : NULL, ifs[i], i);
	buf_printf(&g->d, "static const RtIface %s_ifaces[] = {", t->cname);
	for (uint32_t i = 0; i < n; i++) {
		reach_type(g->p, ifs[i], TN_DESCRIPTOR, NULL);
		if (built)
			buf_printf(&g->d, " { &%s_type, %s_if%u },", ifs[i]->cname, t->cname, i);
		else
			buf_printf(&g->d, " { &%s_type, NULL },", ifs[i]->cname);
	}
	buf_puts(&g->d, " };\n");
	return n;
}

static const char *type_flags(Type *t)
{
	Buf b = {0};
	buf_puts(&b, "0");
	if (ty_is_valuetype(t))
		buf_puts(&b, " | RT_T_VALUETYPE");
	if (t->kind <= TY_U)
		buf_puts(&b, " | RT_T_PRIMITIVE");
	if (t->kind == TY_SZARRAY)
		buf_puts(&b, " | RT_T_ARRAY | RT_T_SZARRAY");
	if (t->kind == TY_ARRAY)
		buf_puts(&b, " | RT_T_ARRAY");
	if (t == ty_string)
		buf_puts(&b, " | RT_T_STRING");
	if (t->img) {
		TypeInfo *ti = ty_info(t);
		if (ti->is_interface)
			buf_puts(&b, " | RT_T_INTERFACE");
		if (ti->flags & TF_ABSTRACT)
			buf_puts(&b, " | RT_T_ABSTRACT");
		if (ti->is_enum)
			buf_puts(&b, " | RT_T_ENUM");
		if (ti->is_flags)
			buf_puts(&b, " | RT_T_FLAGS");
		if (t->ninst || ty_is_generic_def(t))
			buf_puts(&b, " | RT_T_GENERIC");
		if (ty_is_generic_def(t))
			buf_puts(&b, " | RT_T_GENERIC_DEF");
		if (ti->is_nullable)
			buf_puts(&b, " | RT_T_NULLABLE");
		if (ti->is_delegate)
			buf_puts(&b, " | RT_T_DELEGATE");
		if (ti->pointer_free && t != ty_string)
			buf_puts(&b, " | RT_T_POINTERFREE");
		if (ty_is_valuetype(t) && !t->ninst && emit_blittable(t))
			buf_puts(&b, " | RT_T_BLITTABLE");
		Method *dc = ty_default_ctor(t);
		if (dc)
			buf_puts(&b, " | RT_T_HAS_CTOR");
		if (dc && (dc->flags & MF_ACCESS) != MF_PUBLIC)        /* MemberAccessMask, Public */
			buf_puts(&b, " | RT_T_CTOR_NONPUBLIC");
	}
	if ((t->kind == TY_SZARRAY || t->kind == TY_ARRAY) && !ty_is_ref(t->elem) &&
	    (t->elem->kind != TY_STRUCT || ty_info(t->elem)->pointer_free))
		buf_puts(&b, " | RT_T_POINTERFREE");
	const char *s = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return s;
}

void emit_type_names(Type *t, const char **ns, const char **name)
{
	Type *d = t;
	while (d->kind == TY_SZARRAY || d->kind == TY_ARRAY || d->kind == TY_PTR ||
	       d->kind == TY_BYREF)
		d = d->elem;
	*ns = "";
	*name = t->name;
	if (!d->img)
		return;
	*ns = md_string(d->img, md_get(d->img, T_TypeDef, d->row, TypeDef_Namespace));
	uint32_t outer = d->row, o;
	while ((o = md_enclosing(d->img, outer)))
		outer = o;
	*ns = md_string(d->img, md_get(d->img, T_TypeDef, outer, TypeDef_Namespace));
	const char *full = t->name;
	size_t nl = strlen(*ns);
	if (nl && !strncmp(full, *ns, nl) && full[nl] == '.')
		full += nl + 1;
	char *n = arena_strdup(ty_arena(), full);
	for (char *c = n; *c; c++)
		if (*c == '/')
			*c = '+';
	*name = n;
}

static const char *size_expr(Type *t)
{
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY)
		return "sizeof(RtArray)";
	if (t == ty_string)
		return "sizeof(RtString)";
	if (t->kind == TY_VOID)
		return "0";
	if (is_interface(t) || ty_is_generic_def(t) ||
	    (t->kind == TY_CLASS && !needs(t, TN_LAYOUT | TN_CONSTRUCTED)))
		return "sizeof(Object)";
	if (t->kind == TY_STRUCT && !needs(t, TN_LAYOUT))
		return "0";
	if (t->kind == TY_CLASS)
		return arena_printf(ty_arena(), "sizeof(struct %s)", t->cname);
	return arena_printf(ty_arena(), "sizeof(%s)", emit_ctype(t));
}

/* An enum's literal fields as an RtEnumInfo (for Enum.ToString, Parse,
 * GetValues: Mono reads them from metadata at run time). */
static bool enum_info(Gen *g, Type *t)
{
	Image *img = t->img;
	uint32_t first, end, n = 0;
	md_list(img, T_TypeDef, t->row, TypeDef_FieldList, &first, &end);
	Buf vals = {0}, names = {0};
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(img, T_Field, pos);
		uint32_t c = md_lookup1(img, T_Constant, Constant_Parent, TOKEN(T_Field, row));
		if (!c || !(md_get(img, T_Field, row, Field_Flags) & 0x40))
			continue;
		uint8_t type = (uint8_t)md_get(img, T_Constant, c, Constant_Type);
		Blob v = md_blob(img, md_get(img, T_Constant, c, Constant_Value));
		uint64_t x = 0;
		bool sign = type == ET_I1 || type == ET_I2 || type == ET_I4 || type == ET_I8;
		for (uint32_t k = 0; k < v.len && k < 8; k++)
			x |= (uint64_t)v.p[k] << (8 * k);
		if (sign && v.len && v.len < 8 && (v.p[v.len - 1] & 0x80))
			x |= ~0ull << (8 * v.len);
		buf_printf(&vals, "%s%lluULL", n ? ", " : "", (unsigned long long)x);
		buf_puts(&names, n ? ", " : "");
		emit_c_string(&names, md_string(img, md_get(img, T_Field, row, Field_Name)));
		n++;
	}
	buf_printf(&g->d, "static const uint64_t %s_enum_values[] = { %s };\n"
		   "static const char *const %s_enum_names[] = { %s };\n"
		   "static const RtEnumInfo %s_enum = { %u, %s_enum_values, %s_enum_names };\n",
		   t->cname, n ? vals.s : "0", t->cname, n ? names.s : "0", t->cname, n,
		   t->cname, t->cname);
	buf_free(&vals);
	buf_free(&names);
	return true;
}

/* Generic interfaces and delegates with variant parameters: the fields of
 * RtType that let casts apply variance. Returns their initialisers. */
/* "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
 * as Assembly.FullName writes an assembly's identity. */
const char *emit_assembly_display(Image *img)
{
	if (!md_rows(img, T_Assembly))
		return "";
	Buf b = {0};
	buf_printf(&b, "%s, Version=%u.%u.%u.%u, Culture=%s, PublicKeyToken=",
		   md_string(img, md_get(img, T_Assembly, 1, Assembly_Name)),
		   md_get(img, T_Assembly, 1, Assembly_MajorVersion),
		   md_get(img, T_Assembly, 1, Assembly_MinorVersion),
		   md_get(img, T_Assembly, 1, Assembly_BuildNumber),
		   md_get(img, T_Assembly, 1, Assembly_RevisionNumber),
		   *md_string(img, md_get(img, T_Assembly, 1, Assembly_Culture)) ?
		   md_string(img, md_get(img, T_Assembly, 1, Assembly_Culture)) : "neutral");
	Blob key = md_blob(img, md_get(img, T_Assembly, 1, Assembly_PublicKey));
	if (key.len) {
		uint8_t h[20];
		sha1(key.p, key.len, h);
		for (int i = 19; i >= 12; i--)
			buf_printf(&b, "%02x", h[i]);
	} else {
		buf_puts(&b, "null");
	}
	const char *s = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return s;
}

/* Type t's name without its generic arguments, '+' between nested types.
 * The arguments start at the first '<' that follows a name character
 * outside a name's own brackets ("<>__AnonType0`2<int32,string>":
 * compilers put '<' and '>' in names; the runtime's mark_arg_brackets
 * reads names by the same rule). */
static void put_plain_name(Buf *b, Type *t)
{
	int own = 0;
	for (const char *c = t->name; *c; c++) {
		if (*c == '<' && !own && c > t->name && !strchr("/+.<", c[-1]))
			break;
		own += *c == '<' ? 1 : *c == '>' && own ? -1 : 0;
		buf_putc(b, *c == '/' ? '+' : *c);
	}
}

/* Type.FullName of t (namespace included). */
static void put_full_name(Buf *b, Type *t)
{
	if (t->elem) {          /* arrays, pointers, byrefs */
		put_full_name(b, t->elem);
		ty_put_suffix(b, t);
		return;
	}
	put_plain_name(b, t);
	if (!t->ninst || !t->img)
		return;
	buf_putc(b, '[');
	for (uint32_t i = 0; i < t->ninst; i++) {
		Type *a = t->inst[i], *d = a;
		while (d->elem)
			d = d->elem;
		buf_puts(b, i ? ",[" : "[");
		put_full_name(b, a);
		buf_printf(b, ", %s]", emit_assembly_display(d->img ? d->img : ty_corlib));
	}
	buf_putc(b, ']');
}

/* The RtType's full_name: generic instances (and arrays of them) only,
 * without the namespace. */
static const char *full_name_of(Type *t, const char *ns)
{
	Type *d = t;
	while (d->kind == TY_SZARRAY || d->kind == TY_ARRAY)
		d = d->elem;
	if (!d->img || !d->ninst)
		return "NULL";
	Buf b = {0};
	put_full_name(&b, t);
	const char *s = b.s;
	size_t nl = strlen(ns);
	if (nl && !strncmp(s, ns, nl) && s[nl] == '.')
		s += nl + 1;
	Buf q = {0};
	emit_c_string(&q, s);
	const char *r = arena_strdup(ty_arena(), q.s);
	buf_free(&b);
	buf_free(&q);
	return r;
}

static const char *variance_info(Gen *g, Type *t)
{
	if (!t->img || !t->ninst)
		return "NULL, NULL, NULL, 0";
	TypeInfo *ti = ty_info(t);
	if (!ti->is_interface && !ti->is_delegate)
		return "NULL, NULL, NULL, 0";
	Type *def = ty_def(t->img, t->row, NULL, 0);
	uint32_t first, end;
	md_lookup(t->img, T_GenericParam, GenericParam_Owner, TOKEN(T_TypeDef, t->row), &first, &end);
	Buf v = {0};
	bool any = false;
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = md_lookup_row(t->img, T_GenericParam, GenericParam_Owner, pos);
		uint32_t var = md_get(t->img, T_GenericParam, r, GenericParam_Flags) & 3;
		any |= var != 0;
		buf_printf(&v, "%s%u", pos > first ? ", " : "", var);
	}
	/* an open type's (typeof(IEnumerable<>)) arguments have no descriptor */
	if (!any || end - first != t->ninst || ty_is_open(t)) {
		buf_free(&v);
		return "NULL, NULL, NULL, 0";
	}
	TypeState *ds = reach_tstate(def);
	if (!(ds->needs & 0x200)) {
		ds->needs |= 0x200;
		buf_printf(&g->d, "static const char %s_gdef;\n", def->cname);
	}
	buf_printf(&g->d, "static const uint8_t %s_variance[] = { %s };\n", t->cname, v.s);
	buf_printf(&g->d, "static const RtType *const %s_gargs[] = {", t->cname);
	for (uint32_t i = 0; i < t->ninst; i++) {
		reach_type(g->p, t->inst[i], TN_DESCRIPTOR, NULL);
		buf_printf(&g->d, " &%s_type,", t->inst[i]->cname);
	}
	buf_puts(&g->d, " };\n");
	buf_free(&v);
	return arena_printf(ty_arena(), "&%s_gdef, %s_gargs, %s_variance, %u", def->cname,
			    t->cname, t->cname, t->ninst);
}

static void descriptor(Gen *g, Type *t)
{
	uint32_t depth = display(g, t);
	uint32_t nvirt = vtable(g, t);
	uint32_t nif = iface_table(g, t);
	const char *ns, *name;
	emit_type_names(t, &ns, &name);
	Type *base = base_of(t);
	Type *elem = t->elem;
	TypeInfo *ti = t->img ? ty_info(t) : NULL;
	if (ti && ti->is_enum)
		elem = ti->underlying;
	if (ti && ti->is_nullable && t->ninst)
		elem = t->inst[0];
	/* elem_kind says what the elements are; a pointer element type gets
	 * a descriptor of its own (reach_indirect), function pointers none */
	bool elem_desc = elem && elem->kind != TY_FNPTR && elem->kind != TY_BYREF;
	if (elem_desc && elem->kind == TY_PTR)
		reach_indirect(g->p, elem, NULL);
	const char *esize = elem ? (ty_is_ref(elem) ? "sizeof(Object *)" :
		arena_printf(ty_arena(), "sizeof(%s)", emit_ctype(elem))) :
		t == ty_string ? "2" : "0";
	Method *fin = ti && !ti->is_interface ? ti->finalizer : NULL;
	bool init = ti && ti->cctor && reached(ti->cctor) && needs(t, TN_STATICS);
	bool has_enum = ti && ti->is_enum && enum_info(g, t);
	const char *variance = variance_info(g, t);
	Method *dc = needs(t, TN_CONSTRUCTED) ? ty_default_ctor(t) : NULL;
	const char *default_ctor = dc && reached(dc) ?
		arena_printf(ty_arena(), "(void (*)(Object *))%s", dc->cname) : "NULL";
	/* T[] for Array.CreateInstance, when the program has it */
	Type *arr = t->kind == TY_SZARRAY && t->elem->kind == TY_VOID ? NULL : ty_sz(t);
	const char *array_of = arr && arr->user && needs(arr, TN_DESCRIPTOR) ?
		arena_printf(ty_arena(), "&%s_type", arr->cname) : "NULL";
	buf_printf(&g->d, "const RtType %s_type = { \"%s\", \"%s\", %s, %s, %s, %u, %u, %s,"
		   " %s_display, %s%s%s, %s%s%s, %u, %s%s, %u, %s%s, %s%s, %s%s%s, %s, %s%s%s, %s, %u, %s, %s };\n",
		   t->cname, ns, name, type_flags(t), size_expr(t),
		   t->kind == TY_SZARRAY || t->kind == TY_ARRAY || (ti && (ti->is_enum || ti->is_nullable)) ? esize : "0",
		   depth, t->kind == TY_ARRAY ? t->rank : t->kind == TY_SZARRAY ? 1 : 0,
		   elem ? elem_kind(elem) : "RT_E_REF", t->cname,
		   base ? "&" : "", base ? base->cname : "NULL", base ? "_type" : "",
		   elem_desc ? "&" : "", elem_desc ? elem->cname : "NULL", elem_desc ? "_type" : "",
		   nif, nif ? t->cname : "NULL", nif ? "_ifaces" : "",
		   nvirt, nvirt ? t->cname : "NULL", nvirt ? "_vt" : "",
		   fin && reached(fin) ? "(void (*)(Object *))" : "", fin && reached(fin) ? fin->cname : "NULL",
		   init ? "&" : "", init ? t->cname : "NULL", init ? "_init" : "", array_of,
		   has_enum ? "&" : "", has_enum ? t->cname : "NULL", has_enum ? "_enum" : "",
		   variance, ti ? ti->flags : 0, full_name_of(t, ns), default_ctor);
	if (elem_desc && elem->kind != TY_PTR)
		reach_type(g->p, elem, TN_DESCRIPTOR, NULL);
}

/* Where each interface called through sits most often in the interface
 * tables of the constructed types: an interface call tries that entry
 * first (rt_iface), so where every implementing type agrees, as is
 * common, the call finds its slots without a scan. An interface the core
 * calls (reach_core) is counted over the types of the core up to that
 * layer, 0 when none implements it, so that the core units' C is the same
 * in every program; any other over all constructed types. */
typedef struct IfacePos {
	Type *iface;
	uint32_t upto;                  /* count constructed[..upto) */
	VEC(uint32_t) count;            /* types that have it at each index */
} IfacePos;

static IfacePos *find_pos(IfacePos *v, uint32_t n, Type *iface)
{
	for (uint32_t i = 0; i < n; i++)
		if (v[i].iface == iface)
			return &v[i];
	return NULL;
}

/* The index most types have, or 0 when none counted. */
static int most_at(const uint32_t *count, uint32_t n)
{
	int best = 0;
	for (uint32_t at = 0; at < n; at++)
		if (count[at] > count[best])
			best = (int)at;
	return best;
}

/* How many of the constructed types a call of vcalls[i] counts. */
static uint32_t counted_types(const Program *p, uint32_t i)
{
	for (uint32_t k = 0; k < p->ncore_layers; k++)
		if (i < p->core[k].vcalls)
			return p->core[k].constructed;
	return p->constructed.n;
}

static void iface_positions(Gen *g)
{
	Program *p = g->p;
	VEC(IfacePos) pos = {0};
	for (uint32_t i = 0; i < p->vcalls.n; i++) {
		Type *iface = p->vcalls.v[i]->owner;
		if (iface->img && ty_info(iface)->is_interface && !find_pos(pos.v, pos.n, iface))
			VEC_PUSH(pos, ((IfacePos){ .iface = iface, .upto = counted_types(p, i) }));
	}
	for (uint32_t c = 0; c < p->constructed.n; c++) {
		Type **ifs;
		uint32_t n = ifaces_of(g, p->constructed.v[c], &ifs);
		for (uint32_t at = 0; at < n; at++) {
			IfacePos *ip = find_pos(pos.v, pos.n, ifs[at]);
			if (!ip || c >= ip->upto)
				continue;
			while (ip->count.n <= at)
				VEC_PUSH(ip->count, 0);
			ip->count.v[at]++;
		}
	}
	for (uint32_t i = 0; i < pos.n; i++) {
		buf_printf(&g->h, "#define %s_AT %d\n", pos.v[i].iface->cname,
			   most_at(pos.v[i].count.v, pos.v[i].count.n));
		free(pos.v[i].count.v);
	}
	free(pos.v);
}

/* The call of m through the receiver o's vtable or interface table. */
static void dispatch_expr(Buf *b, Method *m)
{
	Buf ft = {0};
	emit_fn_ptr_type(&ft, m, "Object *");
	TypeInfo *oi = ty_info(m->owner);
	if (oi->is_interface) {
		uint32_t k = 0;
		while (k < oi->nmethods && oi->methods[k] != m)
			k++;
		buf_printf(b, "((%s)rt_iface(((Object *)(o))->type, &%s_type, %s_AT)[%u])",
			   ft.s, m->owner->cname, m->owner->cname, k);
	} else {
		buf_printf(b, "((%s)((Object *)(o))->type->vtable[%d])", ft.s, m->slot);
	}
	buf_free(&ft);
}

/* M_FNC, for the core's code (reach_core), depends on the core's types
 * only, so that the core's C is the same in every program: the core's
 * one implementation called directly when the receiver is of the core's
 * type that runs it, else dispatched. */
static void core_vcall_target(Gen *g, Method *m)
{
	MethodState *ms = reach_state(m);
	buf_printf(&g->h, "#define %s_FNC(o) ", m->cname);
	if (ms->core_impl) {
		Buf ft = {0};
		emit_fn_ptr_type(&ft, m, "Object *");
		buf_printf(&g->h, "(((Object *)(o))->type == &%s_type ? (%s)%s : ",
			   ms->core_type->cname, ft.s, object_fn(ms->core_impl));
		buf_free(&ft);
	}
	dispatch_expr(&g->h, m);
	buf_puts(&g->h, ms->core_impl ? ")\n" : "\n");
}

/* How a virtual call of each slot or interface method finds its function:
 * M_FN(o). When the constructed types have one implementation between
 * them, that one, called directly (and open to inlining); otherwise through
 * the receiver's vtable or interface table. */
static void vcall_targets(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->vcalls.n; i++) {
		Method *m = p->vcalls.v[i];
		MethodState *ms = reach_state(m);
		if (m->ninst)
			continue;
		buf_printf(&g->h, "#define %s_VTHROWS %d\n", m->cname, reach_vthrows(m));
		if (p->ncore_layers && i < p->core[p->ncore_layers - 1].vcalls)
			core_vcall_target(g, m);
		buf_printf(&g->h, "#define %s_FN(o) ", m->cname);
		if (ms->impls.n == 1 && reached(ms->impls.v[0]) && !ms->fails)
			buf_printf(&g->h, "%s", object_fn(ms->impls.v[0]));
		else
			dispatch_expr(&g->h, m);
		buf_putc(&g->h, '\n');
	}
}

/* A pointer or byref type's: its names, kind and element, no more
 * (reach_indirect). */
static void indirect_descriptor(Gen *g, Type *t)
{
	const char *ns, *name;
	emit_type_names(t, &ns, &name);
	buf_printf(&g->h, "extern const RtType %s_type;\n", t->cname);
	buf_printf(&g->d, "const RtType %s_type = { .ns = \"%s\", .name = \"%s\", .flags = %s,"
		   " .elem = &%s_type, .full_name = %s };\n", t->cname, ns, name,
		   t->kind == TY_PTR ? "RT_T_POINTER" : "RT_T_BYREF", t->elem->cname,
		   full_name_of(t, ns));
}

static void descriptors(Gen *g)
{
	Program *p = g->p;
	/* descriptors may ask for more descriptors (elements, interfaces) */
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (t->kind == TY_VOID && 0)
			continue;
		reach_type(p, t, TN_DESCRIPTOR, NULL);
	}
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		buf_printf(&g->h, "extern const RtType %s_type;\n", t->cname);
		descriptor(g, t);
	}
	for (uint32_t i = 0; i < p->indirect.n; i++)
		indirect_descriptor(g, p->indirect.v[i]);
}

/* ---- literals and field data ---- */
static void literals(Gen *g)
{
	Program *p = g->p;
	Buf *b = &g->lits;
	buf_puts(&g->h, "extern RtString *const prog_literals[];\n");
	buf_puts(b, "RtString *const prog_literals[] = {");
	for (uint32_t i = 0; i < p->literals.n; i++)
		buf_printf(b, "%s&%s,", i % 8 ? " " : "\n\t", p->literals.v[i].cname);
	buf_puts(b, " NULL };\n");
	for (uint32_t i = 0; i < p->literals.n; i++)
		buf_printf(&g->h, "extern RtString %s;\n", p->literals.v[i].cname);
	for (uint32_t i = 0; i < p->literals.n; i++) {
		Literal *l = &p->literals.v[i];
		uint32_t n = l->nbytes / 2;
		buf_printf(b, "RT_LITERAL RtString %s = { { &%s_type, 0 }, %u, {", l->cname, ty_string->cname, n);
		for (uint32_t k = 0; k < n; k++)
			buf_printf(b, "%s%u", !k ? "\n\t" : k % 16 ? "," : ",\n\t",
				   l->utf16[2 * k] | l->utf16[2 * k + 1] << 8);
		buf_puts(b, n ? ",0 } };\n" : "0 } };\n");
	}
}

/* The size of an RVA field's type as Mono's mono_type_size gives it (a
 * struct without .size: the data there is). */
static uint32_t rva_type_size(Type *t, uint32_t avail)
{
	static const uint8_t prim[] = {
		[TY_BOOL] = 1, [TY_CHAR] = 2, [TY_I1] = 1, [TY_U1] = 1, [TY_I2] = 2,
		[TY_U2] = 2, [TY_I4] = 4, [TY_U4] = 4, [TY_I8] = 8, [TY_U8] = 8,
		[TY_R4] = 4, [TY_R8] = 8, [TY_I] = 8, [TY_U] = 8,
	};
	if (t->kind == TY_STRUCT && ty_info(t)->class_size)
		return ty_info(t)->class_size;
	if (t->kind < countof(prim) && prim[t->kind])
		return prim[t->kind];
	return avail;
}

static void field_data(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->rva_fields.n; i++) {
		Field *f = p->rva_fields.v[i];
		bool dup = false;
		for (uint32_t k = 0; k < i; k++)
			dup |= p->rva_fields.v[k] == f;
		if (dup)
			continue;
		uint32_t r = md_lookup1(f->img, T_FieldRVA, FieldRVA_Field, f->row);
		uint32_t size = f->type->kind == TY_STRUCT ? ty_info(f->type)->class_size : 0;
		if (!size && f->type->kind <= TY_U)
			size = 8;
		uint32_t avail = 0;
		const uint8_t *data = r ? md_rva_try(f->img, md_get(f->img, T_FieldRVA, r, FieldRVA_RVA), &avail) : NULL;
		if (size > avail)
			size = avail;
		/* writable: the program may store to such a field (cpblkTest) */
		buf_printf(&g->h, "extern uint8_t rva_%s[];\n", f->cname);
		buf_printf(&g->d, "uint8_t rva_%s[%u] __attribute__((aligned(8))) = {", f->cname, size + 1);
		emit_u8_list(&g->d, data, size, 24, "\n\t", ",\n\t");
		buf_puts(&g->d, size ? " };\n" : "0 };\n");
		/* ldtoken's handle: InitializeArray checks the array fits */
		buf_printf(&g->h, "extern const RtFieldData rvah_%s;\n", f->cname);
		buf_printf(&g->d, "const RtFieldData rvah_%s = { RT_FIELD_DATA_TAG, %u, rva_%s };\n",
			   f->cname, rva_type_size(f->type, avail), f->cname);
	}
}

/* ---- thunks and dispatchers ---- */
static void thunk(Gen *g, Method *m, const char *suffix, const char *self)
{
	Buf *b = &g->d;
	buf_printf(b, "%s %s_%s(Object *o", emit_ctype(m->ret), m->cname, suffix);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, ", %s p%u", emit_ctype(m->params[i]), i);
	buf_printf(b, ")\n{\n\t%s%s(%s", m->ret->kind == TY_VOID ? "" : "return ", m->cname, self);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(b, "%sp%u", i || *self ? ", " : "", i);
	buf_puts(b, ");\n}\n");
	buf_printf(&g->h, "%s %s_%s(Object *o", emit_ctype(m->ret), m->cname, suffix);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(&g->h, ", %s", emit_ctype(m->params[i]));
	buf_puts(&g->h, ");\n");
}

static void thunks(Gen *g)
{
	Program *p = g->p;
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		MethodState *ms = reach_state(m);
		if (ms->need_sthunk)
			thunk(g, m, "sthunk", "");
		if ((ms->need_unbox || (ty_is_valuetype(m->owner) && m->has_this &&
		     (m->flags & MF_VIRTUAL))) && m->has_this && ty_is_valuetype(m->owner))
			thunk(g, m, "unbox", "rt_unbox_ptr(o)");
	}
}

/* A generic virtual method of an interface that t implements by no
 * body, or by several equally specific default ones: the throw Mono makes
 * (the same as failing_slot's). */
static bool gvm_conflict(Buf *b, Type *t, Method *m)
{
	Method *abs = NULL;
	Method *def = ty_method(m->owner, m->img, m->row, NULL, 0);
	TyConflict c = ty_info(m->owner)->is_interface ? ty_iface_conflict(t, def, &abs) : TY_RESOLVED;
	if (c != TY_AMBIGUOUS && c != TY_REABSTRACTED)
		return false;
	buf_printf(b, "\tif (t == &%s_type) { rt_exc_throw_msg(%s, ", t->cname,
		   c == TY_AMBIGUOUS ? "RT_EXC_AMBIGUOUS" : "RT_EXC_ENTRYPOINT");
	emit_c_string(b, c == TY_AMBIGUOUS ? ambiguous_msg(t, def) : abs->name);
	buf_puts(b, "); goto failed; }\n");
	return true;
}

static void gvm_dispatcher(Gen *g, Method *m)
{
	Program *p = g->p;
	Buf *b = &g->d;
	Buf proto = {0};
	bool failed = false;
	buf_printf(&proto, "%s GVM_%s(Object *o", emit_ctype(m->ret), m->cname);
	for (uint32_t i = 0; i < m->nparams; i++)
		buf_printf(&proto, ", %s p%u", emit_ctype(m->params[i]), i);
	buf_putc(&proto, ')');
	buf_printf(&g->h, "%s;\n", proto.s);
	buf_printf(b, "%s\n{\n\tconst RtType *t = o->type;\n", proto.s);
	for (uint32_t k = 0; k < p->constructed.n; k++) {
		Type *t = p->constructed.v[k];
		if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY || !ty_is_subclass(t, m->owner))
			if (!(ty_info(m->owner)->is_interface && t->img && ty_implements(t, m->owner)))
				continue;
		Method *impl = ty_resolve_virtual(t, m);
		if (!impl)
			failed |= gvm_conflict(b, t, m);
		if (!impl || !reached(impl))
			continue;
		/* a trampoline's thunk that calls this dispatcher expects the
		 * method it runs (rt.h, rt_tail_): else each `tail.` call
		 * through it would start a loop of its own, a frame deeper */
		bool pass = reach_state(impl)->tail_entry;
		buf_printf(b, "\tif (t == &%s_type) %s", t->cname, pass ? "{\n\t\t" : "");
		if (pass)
			buf_printf(b, "if (rt_tail_expect == (void *)&GVM_%s)\n\t\t\trt_tail_expect ="
				   " (void *)&%s;\n\t\t", m->cname, impl->cname);
		buf_printf(b, "return %s(%s", impl->cname,
			   ty_is_valuetype(impl->owner) ? "rt_unbox_ptr(o)" : "o");
		for (uint32_t i = 0; i < m->nparams; i++)
			buf_printf(b, ", p%u", i);
		buf_puts(b, pass ? ");\n\t}\n" : ");\n");
	}
	buf_printf(b, "\trt_exc_throw_kind(RT_EXC_MISSINGMETHOD);\n");
	buf_puts(b, failed ? "failed:\n" : "");
	if (m->ret->kind != TY_VOID)
		buf_printf(b, "\t{ %s z; memset(&z, 0, sizeof z); return z; }\n", emit_ctype(m->ret));
	else
		buf_puts(b, "\treturn;\n");
	buf_puts(b, "}\n");
	buf_free(&proto);
}

/* ---- the runtime's view of the program ---- */
static Method *ctor_of(Type *t, uint32_t nparams)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++)
		if (!strcmp(ti->methods[i]->name, ".ctor") && ti->methods[i]->nparams == nparams &&
		    (nparams == 0 || (ti->methods[i]->params[0] == ty_string)))
			return ti->methods[i];
	return NULL;
}

/* TypeInitializationException(string typeName, string message, Exception
 * inner): the runtime writes the message itself, which keeps string
 * formatting out of every program. */
static Method *type_init_ctor(Type *tie)
{
	TypeInfo *ti = ty_info(tie);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, ".ctor") && m->nparams == 3 && m->params[0] == ty_string &&
		    m->params[1] == ty_string)
			return m;
	}
	fatal("the class library's TypeInitializationException has no (string, string,"
	      " Exception) constructor");
}

static const char *const exc_names[][2] = {
#define X(id, ns, name) { ns, name },
	RT_EXCEPTIONS(X)
#undef X
};

static Field *exc_field(const char *name)
{
	TypeInfo *ti = ty_info(ty_exception);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name))
			return ti->fields[i];
	return NULL;
}

/* A field of t by name; fatal if the class library lacks it. */
static Field *field_of(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name))
			return ti->fields[i];
	fatal("the class library's %s has no field %s", t->name, name);
}

static Method *callback(const char *ns, const char *type, const char *name)
{
	Method *m = ty_find_method(ty_corlib_type(ns, type), name, -1);
	return m && reached(m) ? m : NULL;
}

/* Threads (thread_icalls.c, pool.c): functions that call what a started
 * thread or a pool worker runs, present when reach.c's callbacks were
 * reached; and the span of this thread's [ThreadStatic] blocks, which
 * the collector does not scan by itself (one root per thread: all of
 * them lie in the executable's thread-local segment). */
static void thread_known(Gen *g)
{
	Buf *b = &g->d;
	Method *ts = callback("System.Threading", "ThreadStart", "Invoke");
	Method *pts = callback("System.Threading", "ParameterizedThreadStart", "Invoke");
	if (ts && pts)
		buf_printf(b, "static void thread_start(Object *d, Object *arg)\n{\n"
			   "\tif (d->type == &%s_type) %s(d);\n\telse %s(d, arg);\n}\n",
			   ts->owner->cname, ts->cname, pts->cname);
	Method *disp = callback("System.Threading", "_ThreadPoolWaitCallback", "PerformWaitCallback");
	if (disp)
		buf_printf(b, "static bool pool_dispatch(void)\n{\n\treturn %s() != 0;\n}\n",
			   disp->cname);
	buf_puts(b, "static void thread_roots(bool add)\n{\n\tchar *lo = (char *)-1, *hi = 0;\n");
	for (uint32_t i = 0; i < g->p->types.n; i++) {
		Type *t = g->p->types.v[i];
		if (!t->img || !needs(t, TN_STATICS))
			continue;
		TypeInfo *tsi = ty_info(t);
		for (uint32_t k = 0; k < tsi->nstatics; k++)
			if (tsi->statics[k]->is_thread_static) {
				buf_printf(b, "\tif ((char *)&%s_ts < lo) lo = (char *)&%s_ts;\n"
					   "\tif ((char *)(&%s_ts + 1) > hi) hi = (char *)(&%s_ts + 1);\n",
					   t->cname, t->cname, t->cname, t->cname);
				break;
			}
	}
	buf_puts(b, "\tif (hi == 0) return;\n"
		 "\tif (add) rt_gc_add_roots(lo, hi); else rt_gc_remove_roots(lo, hi);\n}\n");
	g->thread_start = ts && pts;
	g->pool_dispatch = disp != NULL;
}

/* AppDomain.ProcessExit, when a program subscribes: the runtime calls
 * process_exit() as Main returns or Environment.Exit runs (arguments
 * null as Mono's; the sender null too, where Mono's is an object of its
 * own). */
static void process_exit_known(Gen *g)
{
	Type *ad = ty_corlib_type("System", "AppDomain");
	Method *add = ty_find_method(ad, "add_ProcessExit", 1);
	Method *cur = ty_find_method(ad, "getCurDomain", 0);
	Method *inv = callback("System", "EventHandler", "Invoke");
	g->process_exit = add && reached(add) && cur && reached(cur) && inv;
	if (!g->process_exit)
		return;
	buf_printf(&g->d, "static void process_exit(void)\n{\n\tObject *d = %s();\n"
		   "\tObject *h = d ? ((struct %s *)d)->%s : NULL;\n"
		   "\tif (h) %s(h, NULL, NULL);\n}\n",
		   cur->cname, ad->cname, field_of(ad, "ProcessExit")->cname, inv->cname);
}

/* AppDomain.UnhandledException, when a program subscribes: the runtime
 * calls unhandled_event(exception) before it reports an exception that
 * ended a thread (the domain as sender, IsTerminating true, as Mono). */
static void unhandled_known(Gen *g)
{
	Type *ad = ty_corlib_type("System", "AppDomain");
	Type *args = ty_corlib_type("System", "UnhandledExceptionEventArgs");
	Method *add = ty_find_method(ad, "add_UnhandledException", 1);
	Method *cur = ty_find_method(ad, "getCurDomain", 0);
	Method *ctor = ty_find_method(args, ".ctor", 2);
	Method *inv = callback("System", "UnhandledExceptionEventHandler", "Invoke");
	g->unhandled_event = add && reached(add) && cur && reached(cur) && ctor && reached(ctor) && inv;
	if (!g->unhandled_event)
		return;
	buf_printf(&g->d, "static bool unhandled_event(Object *e)\n{\n\tObject *d = %s();\n"
		   "\tObject *h = d ? ((struct %s *)d)->%s : NULL;\n"
		   "\tif (!h) return false;\n\tObject *a = rt_gc_alloc(&%s_type);\n"
		   "\tif (!a) return false;\n\t%s(a, e, true);\n"
		   "\tif (!rt_pending) %s(h, d, a);\n\treturn true;\n}\n",
		   cur->cname, ad->cname, field_of(ad, "UnhandledException")->cname,
		   args->cname, ctor->cname, inv->cname);
}

static void thread_known_fields(Gen *g)
{
	Method *cancel = callback("System", "Console", "DoConsoleCancelEvent");
	Type *th = ty_corlib_type("System.Threading", "Thread");
	Type *it = ty_corlib_type("System.Threading", "InternalThread");
	static const struct { const char *key, *field; bool internal; } offs[] = {
		{ "thread_internal_off", "internal_thread", false },
		{ "thread_start_arg_off", "m_ThreadStartArg", false },
		{ "ithread_id_off", "managed_id", true },
		{ "ithread_tid_off", "thread_id", true },
		{ "ithread_handle_off", "handle", true },
		{ "ithread_pool_off", "threadpool_thread", true },
	};
	buf_printf(&g->d, "\t.internal_thread_type = &%s_type,\n", it->cname);
	for (size_t i = 0; i < countof(offs); i++) {
		Type *t = offs[i].internal ? it : th;
		buf_printf(&g->d, "\t.%s = offsetof(struct %s, %s),\n", offs[i].key, t->cname,
			   field_of(t, offs[i].field)->cname);
	}
	buf_printf(&g->d, "\t.thread_start = %s,\n\t.thread_pool_dispatch = %s,\n"
		   "\t.thread_roots = thread_roots,\n\t.process_exit = %s,\n"
		   "\t.unhandled_event = %s,\n\t.console_cancel = %s,\n",
		   g->thread_start ? "thread_start" : "NULL",
		   g->pool_dispatch ? "pool_dispatch" : "NULL",
		   g->process_exit ? "process_exit" : "NULL",
		   g->unhandled_event ? "unhandled_event" : "NULL",
		   cancel ? cancel->cname : "NULL");
}

/* A type of the program by full name that the program lays out, or NULL. */
static Type *program_type(Gen *g, const char *name)
{
	for (uint32_t i = 0; i < g->p->types.n; i++) {
		Type *t = g->p->types.v[i];
		if (t->img && t->ninst == 0 && !strcmp(t->name, name) && needs(t, TN_LAYOUT))
			return t;
	}
	return NULL;
}

/* Sockets (icall_net.c): what Socket's and IOSelector's internal calls
 * make or read, and the pool's queue for the selector's ready jobs. */
static void net_known(Gen *g)
{
	Buf *b = &g->d;
	Type *sa = program_type(g, "System.Net.SocketAddress");
	Type *job = program_type(g, "System.IOSelectorJob");
	Method *q = callback("System.Threading", "ThreadPool", "UnsafeQueueCustomWorkItem");
	if (sa)
		buf_printf(b, "\t.socket_address_type = &%s_type,\n"
			   "\t.sa_size_off = offsetof(struct %s, %s),\n"
			   "\t.sa_buffer_off = offsetof(struct %s, %s),\n", sa->cname,
			   sa->cname, field_of(sa, "m_Size")->cname, sa->cname,
			   field_of(sa, "m_Buffer")->cname);
	if (job)
		buf_printf(b, "\t.io_job_op_off = offsetof(struct %s, %s),\n", job->cname,
			   field_of(job, "operation")->cname);
	if (q && job)
		buf_puts(b, "\t.pool_queue = pool_queue,\n");
	Type *lo = program_type(g, "System.Net.Sockets.LingerOption");
	if (lo)
		buf_printf(b, "\t.linger_type = &%s_type,\n"
			   "\t.linger_enabled_off = offsetof(struct %s, %s),\n"
			   "\t.linger_time_off = offsetof(struct %s, %s),\n", lo->cname,
			   lo->cname, field_of(lo, "enabled")->cname, lo->cname,
			   field_of(lo, "lingerTime")->cname);
	Type *so = program_type(g, "System.Net.Sockets.Socket");
	Type *sh = ty_corlib_type("System.Runtime.InteropServices", "SafeHandle");
	if (so && needs(sh, TN_LAYOUT))
		buf_printf(b, "\t.socket_handle_off = offsetof(struct %s, %s),\n"
			   "\t.safe_handle_off = offsetof(struct %s, %s),\n", so->cname,
			   field_of(so, "m_Handle")->cname, sh->cname, field_of(sh, "handle")->cname);
	if (needs(ty_prim[TY_I4], TN_DESCRIPTOR))
		buf_printf(b, "\t.int32_type = &%s_type,\n", ty_prim[TY_I4]->cname);
}

/* Processes (icall_proc.c): the fields CreateProcess_internal reads of
 * ProcessStartInfo and fills in Process.ProcInfo. */
static void proc_known(Gen *g)
{
	static const struct { const char *type, *field, *key; } offs[] = {
		{ "System.Diagnostics.ProcessStartInfo", "fileName", "psi_file_off" },
		{ "System.Diagnostics.ProcessStartInfo", "arguments", "psi_args_off" },
		{ "System.Diagnostics.ProcessStartInfo", "directory", "psi_dir_off" },
		{ "System.Diagnostics.Process/ProcInfo", "process_handle", "pi_handle_off" },
		{ "System.Diagnostics.Process/ProcInfo", "pid", "pi_pid_off" },
		{ "System.Diagnostics.Process/ProcInfo", "envVariables", "pi_env_off" },
	};
	for (size_t i = 0; i < countof(offs); i++) {
		Type *t = program_type(g, offs[i].type);
		if (t)
			buf_printf(&g->d, "\t.%s = offsetof(struct %s, %s),\n", offs[i].key,
				   t->cname, field_of(t, offs[i].field)->cname);
	}
	Type *ints = ty_sz(ty_prim[TY_I4]);
	if (needs(ints, TN_CONSTRUCTED))
		buf_printf(&g->d, "\t.int_array = &%s_type,\n", ints->cname);
}

static void net_known_fns(Gen *g)
{
	Method *q = callback("System.Threading", "ThreadPool", "UnsafeQueueCustomWorkItem");
	if (q && program_type(g, "System.IOSelectorJob"))
		buf_printf(&g->d, "static void pool_queue(Object *item)\n{\n\t%s(item, 0);\n}\n",
			   q->cname);
}

/* Fields of the class library that the runtime reads or writes through
 * rt.h's structs: the layouts must agree (DESIGN.md). Checked in every
 * program that lays the type out. */
static const struct { const char *type, *field, *rt_struct, *rt_field; } rt_layouts[] = {
	{ "String", "_stringLength", "RtString", "length" },
	{ "String", "_firstChar", "RtString", "chars" },
	{ "ArgIterator", "args", "RtArgIterator", "args" },
	{ "ArgIterator", "next_arg", "RtArgIterator", "next_arg" },
	{ "ArgIterator", "num_args", "RtArgIterator", "num_args" },
};

static void layout_checks(Gen *g)
{
	for (size_t i = 0; i < countof(rt_layouts); i++) {
		Type *t = ty_corlib_type("System", rt_layouts[i].type);
		if (t != ty_string && !needs(t, TN_LAYOUT))
			continue;
		buf_printf(&g->d, "_Static_assert(offsetof(struct %s, %s) == offsetof(%s, %s), "
			   "\"%s layout\");\n", t->cname, field_of(t, rt_layouts[i].field)->cname,
			   rt_layouts[i].rt_struct, rt_layouts[i].rt_field, rt_layouts[i].type);
	}
}

static void made_generics(Gen *g)
{
	__typeof__(g->p->made_generics) *m = &g->p->made_generics;
	buf_puts(&g->d, "const RtMadeGeneric rt_made_generics[] = {\n");
	for (uint32_t i = 0; i + 1 < m->n; i += 2) {
		Type *made = m->v[i + 1];
		buf_printf(&g->d, "\t{ &%s_type, &%s_type, %u, (const RtType *const[]){",
			   m->v[i]->cname, made->cname, made->ninst);
		for (uint32_t k = 0; k < made->ninst; k++)
			buf_printf(&g->d, " &%s_type,", made->inst[k]->cname);
		buf_puts(&g->d, " } },\n");
	}
	/* refused (made NULL): arguments that break the constraints */
	for (uint32_t i = 0; i < g->p->refused_types.n; i++) {
		Type *t = g->p->refused_types.v[i];
		buf_printf(&g->d, "\t{ &%s_type, NULL, %u, (const RtType *const[]){",
			   ty_def(t->img, t->row, NULL, 0)->cname, t->ninst);
		for (uint32_t k = 0; k < t->ninst; k++)
			buf_printf(&g->d, " &%s_type,", t->inst[k]->cname);
		buf_puts(&g->d, " } },\n");
	}
	buf_printf(&g->d, "\t{ 0 }\n};\nconst uint32_t rt_nmade_generics = %u;\n",
		   m->n / 2 + g->p->refused_types.n);
	uint32_t nmd = 0;
	buf_puts(&g->d, "const RtType *const rt_md_arrays[] = {");
	for (uint32_t i = 0; (g->p->rules_on & 1u << RULE_MD_ARRAYS) && i < g->p->types.n; i++) {
		Type *t = g->p->types.v[i];
		if (t->kind == TY_ARRAY && needs(t, TN_CONSTRUCTED)) {
			buf_printf(&g->d, " &%s_type,", t->cname);
			nmd++;
		}
	}
	buf_printf(&g->d, " NULL };\nconst uint32_t rt_nmd_arrays = %u;\n", nmd);
}

static void known(Gen *g)
{
	Buf *b = &g->d;
	made_generics(g);
	emit_marshal_types(g->p, b);
	emit_reflection(g->p, b);
	bool have[countof(exc_names)] = { false };
	for (size_t i = 0; i < countof(exc_names); i++) {
		Type *t = ty_corlib_type(exc_names[i][0], exc_names[i][1]);
		Method *c = ctor_of(t, 0);
		have[i] = c && reached(c) && needs(t, TN_CONSTRUCTED);
		if (have[i])
			buf_printf(b, "static Object *new_exc_%zu(void)\n{\n\tObject *o = rt_gc_alloc(&%s_type);\n"
				   "\tif (!o) return NULL;\n\t%s(o);\n\treturn rt_pending ? NULL : o;\n}\n",
				   i, t->cname, c->cname);
	}
	Type *tie = ty_corlib_type("System", "TypeInitializationException");
	Method *tc = type_init_ctor(tie);
	buf_printf(b, "static Object *new_type_init(RtString *n, Object *inner)\n{\n"
		   "\tconst char *tn = rt_str_to_utf8(n);\n"
		   "\tchar *text = rt_gc_alloc_raw(strlen(tn) + 64, true);\n"
		   "\tstrcpy(text, \"The type initializer for '\");\n\tstrcat(text, tn);\n"
		   "\tstrcat(text, \"' threw an exception.\");\n"
		   "\tObject *o = rt_gc_alloc(&%s_type);\n\tif (!o) return NULL;\n"
		   "\t%s(o, (Object *)n, (Object *)rt_str_from_utf8(text), inner);\n"
		   "\treturn rt_pending ? NULL : o;\n}\n",
		   tie->cname, tc->cname);
	thread_known(g);
	net_known_fns(g);
	process_exit_known(g);
	unhandled_known(g);
	emit_cultures(g->p, b);
	Method *e = g->p->entry;
	buf_printf(b, "static int32_t managed_main(RtArray *args)\n{\n");
	/* Mono's runtime, not a static constructor, sets String.Empty */
	TypeInfo *sti = ty_info(ty_string);
	for (uint32_t i = 0; i < sti->nstatics; i++)
		if (!strcmp(sti->statics[i]->name, "Empty"))
			buf_printf(b, "\t%s_s.%s = (Object *)&%s;\n", ty_string->cname,
				   sti->statics[i]->cname, reach_literal_name(g->p, g->p->empty_literal));
	Type *mi = g->p->module_init;
	if (mi && reached(ty_info(mi)->cctor) && needs(mi, TN_STATICS))
		buf_printf(b, "\tif (!rt_init_check(&%s_init)) return 0;\n", mi->cname);
	if (!e)                         /* a library: its exports are the entries */
		buf_puts(b, "\treturn 0;\n");
	else if (ty_info(e->owner)->cctor && reached(ty_info(e->owner)->cctor) && needs(e->owner, TN_STATICS))
		buf_printf(b, "\tif (!rt_init_check(&%s_init)) return 0;\n", e->owner->cname);
	if (e)
		buf_printf(b, "\t%s%s(%s);\n", e->ret->kind == TY_VOID ? "" : "return ", e->cname,
			   e->nparams ? "(Object *)args" : "");
	if (e && e->ret->kind == TY_VOID)
		buf_puts(b, "\treturn rt_exit_code;\n");
	buf_puts(b, "}\n");
	Type *rtype = ty_corlib_type("System", "RuntimeType");
	Type *thread = ty_corlib_type("System.Threading", "Thread");
	Field *msg = exc_field("_message"), *trace = exc_field("_stackTraceString"),
	      *inner = exc_field("_innerException"), *frames = exc_field("_stackTrace");
	Field *hresult = exc_field("_HResult");
	Field *impl = NULL;
	TypeInfo *tyi = ty_info(ty_corlib_type("System", "Type"));
	for (uint32_t i = 0; i < tyi->nfields; i++)
		if (!strcmp(tyi->fields[i]->name, "_impl"))
			impl = tyi->fields[i];
	buf_printf(b, "const RtKnown rt_known = {\n\t.object = &%s_type,\n\t.string = &%s_type,\n"
		   "\t.char_array = &%s_type,\n\t.string_array = &%s_type,\n\t.new_exception = {",
		   ty_object->cname, ty_string->cname, ty_sz(ty_prim[TY_CHAR])->cname,
		   ty_sz(ty_string)->cname);
	for (size_t i = 0; i < countof(exc_names); i++)
		buf_printf(b, have[i] ? " new_exc_%zu," : " NULL,", i);
	buf_printf(b, " },\n\t.new_type_init = new_type_init,\n"
		   "\t.exc_message_off = offsetof(struct %s, %s),\n"
		   "\t.exc_trace_off = offsetof(struct %s, %s),\n"
		   "\t.exc_inner_off = offsetof(struct %s, %s),\n\t.main = managed_main,\n"
		   "\t.exc_frames_off = offsetof(struct %s, %s),\n"
		   "\t.runtime_type = &%s_type,\n\t.type_impl_off = offsetof(struct %s, %s),\n"
		   "\t.thread_type = &%s_type,\n\t.ulong_array = &%s_type,\n\t.literals = prog_literals,\n"
		   "\t.byte_array = &%s_type,\n",
		   ty_exception->cname, msg->cname, ty_exception->cname, trace->cname,
		   ty_exception->cname, inner->cname, ty_exception->cname, frames->cname,
		   rtype->cname, impl->owner->cname,
		   impl->cname, thread->cname, ty_sz(ty_prim[TY_U8])->cname,
		   ty_sz(ty_prim[TY_U1])->cname);
	if (hresult)
		buf_printf(b, "\t.exc_hresult_off = offsetof(struct %s, %s),\n",
			   ty_exception->cname, hresult->cname);
	Type *arg_exc = ty_corlib_type("System", "ArgumentException");
	if (needs(arg_exc, TN_LAYOUT))
		buf_printf(b, "\t.arg_param_off = offsetof(struct %s, %s),\n", arg_exc->cname,
			   field_of(arg_exc, "_paramName")->cname);
	thread_known_fields(g);
	net_known(g);
	proc_known(g);
	emit_culture_known(g->p, b);
	emit_reflection_known(g->p, b);
	buf_puts(b, "};\n");
	emit_stack_table(g->p, b);
	layout_checks(g);
}

/* What rt_known needs must be reachable before the worklist runs. */
const char *emit_exception_name(int kind)
{
	return arena_printf(ty_arena(), "%s.%s", exc_names[kind][0], exc_names[kind][1]);
}

const char *emit_exception_id(int kind)
{
	static const char *const ids[] = {
#define X(id, ns, name) "RT_EXC_" #id,
		RT_EXCEPTIONS(X)
#undef X
	};
	return ids[kind];
}

void emit_need_exception(Program *p, int kind)
{
	Type *t = ty_corlib_type(exc_names[kind][0], exc_names[kind][1]);
	reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, NULL);
	Method *c = ctor_of(t, 0);
	if (!c)
		fatal("the class library's %s has no parameterless constructor", t->name);
	reach_method(p, c, NULL, "the runtime raises this exception");
}

/* The exceptions any code can raise: checks on references, arrays,
 * arithmetic and allocation. The others are reached where they are raised. */
static const RtExcKind always[] = {
	RT_EXC_NULLREF, RT_EXC_INDEX, RT_EXC_CAST, RT_EXC_OVERFLOW, RT_EXC_DIVZERO,
	RT_EXC_ARRAYTYPE, RT_EXC_OOM,
};

void emit_roots(Program *p)
{
	for (size_t i = 0; i < countof(always); i++)
		emit_need_exception(p, always[i]);
	Type *tie = ty_corlib_type("System", "TypeInitializationException");
	reach_type(p, tie, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, NULL);
	reach_method(p, type_init_ctor(tie), NULL, "the runtime raises this exception");
	reach_type(p, ty_exception, TN_LAYOUT | TN_DESCRIPTOR, NULL);
	reach_type(p, ty_string, TN_LAYOUT | TN_DESCRIPTOR | TN_CONSTRUCTED | TN_STATICS, NULL);
	static const uint8_t none[1];
	p->empty_literal = reach_literal(p, (Blob){ none, 0 });   /* String.Empty */
	reach_type(p, ty_object, TN_LAYOUT | TN_DESCRIPTOR, NULL);
	reach_type(p, ty_sz(ty_prim[TY_CHAR]), TN_DESCRIPTOR | TN_CONSTRUCTED, NULL);
	reach_type(p, ty_sz(ty_string), TN_DESCRIPTOR | TN_CONSTRUCTED, NULL);
	reach_type(p, ty_sz(ty_prim[TY_U8]), TN_DESCRIPTOR | TN_CONSTRUCTED, NULL);
	reach_type(p, ty_sz(ty_prim[TY_U1]), TN_DESCRIPTOR | TN_CONSTRUCTED, NULL);
	reach_type(p, ty_mcdelegate, TN_LAYOUT, NULL);
	/* made by the runtime, constructed only if reached (ICALL_NEW) */
	reach_type(p, ty_corlib_type("System", "RuntimeType"), TN_DESCRIPTOR | TN_LAYOUT, NULL);
	reach_type(p, ty_corlib_type("System.Threading", "Thread"), TN_DESCRIPTOR | TN_LAYOUT, NULL);
	reach_type(p, ty_corlib_type("System.Threading", "InternalThread"),
		   TN_DESCRIPTOR | TN_LAYOUT, NULL);
}

/* ---- files ---- */
void emit_write_file(const char *dir, const char *name, const Buf *b)
{
	const char *path = path_join(ty_arena(), dir, name);
	MappedFile old;
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && map_file(path, &old)) {
		bool same = old.size == b->len && (b->len == 0 || !memcmp(old.data, b->s, b->len));
		unmap_file(&old);
		if (same)
			return;
	}
	if (!write_file_atomic(path, b->s, b->len))
		fatal("%s: cannot write: %s", path, strerror(errno));
}

/* The program's own methods (those of its assembly) go to the first units,
 * the class library's core (reach_core: the same methods in every
 * program) to the next ones, the rest of the class library to the others,
 * each to the emptiest unit of its kind. So a change to the program's code
 * leaves the library's units (and their objects) as they were, gcc sees
 * the program's calls to its own small methods within one unit (no
 * link-time optimisation needed), and the core units are the same C in
 * every program that has the same core: a second program finds their
 * objects in the store. */
enum { OWN_UNIT_BYTES = 400000, CORE_UNIT_BYTES = 600000, LIB_UNIT_BYTES = 200000,
       HOT_BYTES = 98304, HOT_METHOD_BYTES = 16384, HOT_IMPLS = 2 };

static bool own_method(const Program *p, const Method *m)
{
	return m->img && m->img == p->img;
}

/* Whether t is a value type of the program's own assembly or has one
 * among its generic arguments, at any depth. */
static bool over_own_struct(const Program *p, const Type *t)
{
	if (t->img == p->img && ty_is_valuetype(t))
		return true;
	for (uint32_t i = 0; i < t->ninst; i++)
		if (over_own_struct(p, t->inst[i]))
			return true;
	return false;
}

/* A class-library generic instantiated over one of the program's own
 * structs (Dictionary<Kmer, int>.FindEntry) goes with the program's own
 * methods: compiled at -O2 beside the struct's Equals and GetHashCode,
 * which gcc can then inline into it (a library unit at -O1 called them
 * out of line, and the program's methods are never in prog.h's inline
 * bodies). Such instances change with the program anyway; instances
 * over its classes stay in the library's units (List<Node> would make
 * the own units large, and gains no inlining). */
static bool own_unit_method(const Program *p, const Method *m)
{
	if (own_method(p, m) || over_own_struct(p, m->owner))
		return true;
	for (uint32_t i = 0; i < m->ninst; i++)
		if (over_own_struct(p, m->inst[i]))
			return true;
	return false;
}

/* Units for n methods of `bytes` of C, `per` bytes each, at most max: at
 * least 1 when there is any method, none when there is none. */
static uint32_t units_for(uint32_t n, size_t bytes, size_t per, uint32_t max)
{
	size_t k = (bytes + per - 1) / per;
	return k > max ? max : k < 1 && n ? 1 : (uint32_t)k;
}

static uint32_t emptiest(const size_t *sizes, uint32_t from, uint32_t to)
{
	uint32_t best = from;
	for (uint32_t k = from + 1; k < to; k++)
		if (sizes[k] < sizes[best])
			best = k;
	return best;
}

/* The unit of each owner type seen so far: a type's methods go together,
 * so that gcc can inline the small ones into each other (a type's
 * methods call each other most). Open addressing over the Type pointer. */
typedef struct {
	const Type **keys;
	uint32_t *units;
	uint32_t cap;
} OwnerUnits;

static uint32_t *owner_slot(OwnerUnits *o, const Type *t)
{
	uint32_t h = (uint32_t)(((uintptr_t)t >> 4) * 2654435761u) & (o->cap - 1);
	while (o->keys[h] && o->keys[h] != t)
		h = (h + 1) & (o->cap - 1);
	o->keys[h] = t;
	return &o->units[h];
}

/* dir/name: the items of prog.h that body uses (unith.c), then body. */
static void write_unit(const char *dir, const char *name, UnitHeaders *uh, const Buf *body, bool bodies)
{
	Buf unit = {0};
	unith_write(uh, &unit, body->s ? body->s : "", body->len, bodies);
	buf_putc(&unit, '\n');
	buf_putn(&unit, body->s ? body->s : "", body->len);
	emit_write_file(dir, name, &unit);
	buf_free(&unit);
}

/* The kinds of unit, in their order among m0.c ...: the program's own,
 * the library's methods its loops run (hot_methods), each layer of the
 * core, the rest of the library. The first two kinds are compiled as the
 * program's (build.c own_unit: -O2 with unswitching), apart so that a
 * changed method recompiles the hot unit only when the set changes. */
enum { UNIT_OWN, UNIT_HOT, UNIT_CORE, UNIT_CORE2, UNIT_LIB, NKINDS };

/* The size of a unit of each kind. The rest of the library, the part a
 * new program compiles, in small units: gcc's time grows faster than a
 * unit's size (charstats' 600 KB unit took 1.76 s at -O1, the same C in
 * three 200 KB units 0.95 s), and two cores compile two at once. */
static const size_t unit_bytes[NKINDS] = { OWN_UNIT_BYTES, HOT_BYTES, CORE_UNIT_BYTES,
					   CORE_UNIT_BYTES, LIB_UNIT_BYTES };

static int unit_kind(const Program *p, const uint8_t *hot, uint32_t i)
{
	if (own_unit_method(p, p->methods.v[i]))
		return UNIT_OWN;
	for (uint32_t k = 0; k < p->ncore_layers; k++)
		if (i < p->core[k].methods)
			return UNIT_CORE + (int)k;
	return hot[i] ? UNIT_HOT : UNIT_LIB;
}

/* The breadth-first walk of hot_methods: the methods met, in order. */
typedef struct {
	const Program *p;
	Method **q;
	uint32_t n;
	uint8_t *seen;                  /* by index in p->methods */
} HotQueue;

/* Appends m unless met already or not among the program's methods (a
 * callee noted but never emitted has no index). */
static void hot_enqueue(HotQueue *h, Method *m)
{
	MethodState *ms = m ? reach_state(m) : NULL;
	if (!ms || ms->index >= h->p->methods.n || h->p->methods.v[ms->index] != m || h->seen[ms->index])
		return;
	h->seen[ms->index] = 1;
	h->q[h->n++] = m;
}

static void hot_enqueue_all(HotQueue *h, Method **v, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		hot_enqueue(h, v[k]);
		MethodState *ms = v[k] ? reach_state(v[k]) : NULL;
		for (uint32_t j = 0; ms && ms->impls.n <= HOT_IMPLS && j < ms->impls.n; j++)
			hot_enqueue(h, ms->impls.v[j]);
	}
}

/* hot[i]: method i is one of the class library's (not the core's,
 * whose objects are shared) that the program's loops run: what its own
 * methods call inside a loop, then what those call, breadth first, to
 * HOT_BYTES of C in all (methods above HOT_METHOD_BYTES, prog.h's
 * inline ones and the program's own are passed through, not taken;
 * throws' paths are not followed: cold_method). Compiled at -O2 beside each other rather than at
 * -O1 in the library's units: kmer's Dictionary<string, int> with
 * String.GetHashCode's Marvin, pipeline's BlockingCollection (docs/
 * design.md "Throughput, fifth part"). */
/* A method of a throw's path: [MethodImpl(NoInlining)] (ThrowHelper's
 * Create... methods), an exception's. */
static bool cold_method(Method *m)
{
	static Type *exc;
	if (!exc)
		exc = ty_corlib_type("System", "Exception");
	return (m->impl_flags & MI_NOINLINING) || (exc && ty_is_subclass(m->owner, exc));
}

static uint8_t *hot_methods(const Program *p)
{
	uint32_t n = p->methods.n;
	uint8_t *hot = calloc(n + 1, 1);
	HotQueue h = { p, malloc((n + 1) * sizeof *h.q), 0, calloc(n + 1, 1) };
	for (uint32_t i = 0; i < n; i++) {
		MethodState *ms = reach_state(p->methods.v[i]);
		if (own_method(p, p->methods.v[i]))
			hot_enqueue_all(&h, ms->loop_callees.v, ms->loop_callees.n);
	}
	size_t bytes = 0;
	for (uint32_t k = 0; k < h.n; k++) {
		Method *m = h.q[k];
		MethodState *ms = reach_state(m);
		int kind = unit_kind(p, hot, ms->index);
		if ((kind != UNIT_LIB && kind != UNIT_OWN) || cold_method(m))
			continue;
		if (kind == UNIT_LIB && !ms->inlined && ms->code.len <= HOT_METHOD_BYTES) {
			if (bytes + ms->code.len > HOT_BYTES)
				break;
			hot[ms->index] = 1;
			bytes += ms->code.len;
		}
		hot_enqueue_all(&h, ms->callees.v, ms->callees.n);
		hot_enqueue_all(&h, ms->callees_nonnull.v, ms->callees_nonnull.n);
		hot_enqueue_all(&h, ms->callees_this.v, ms->callees_this.n);
		hot_enqueue_all(&h, ms->vcallees.v, ms->vcallees.n);
	}
	free(h.seen);
	free(h.q);
	return hot;
}

/* Writes m0.c ... into dir, at most maxfiles; *nfiles: how many. Returns
 * how many hold the program's own methods (the first ones). */
static uint32_t method_files(Program *p, const char *dir, uint32_t maxfiles, uint32_t *nfiles,
			     UnitHeaders *uh)
{
	Buf *files = calloc(maxfiles, sizeof *files);
	size_t *sizes = calloc(maxfiles, sizeof *sizes);
	size_t bytes[NKINDS] = {0};
	uint32_t n[NKINDS] = {0};
	uint8_t *hot = hot_methods(p);
	for (uint32_t i = 0; i < p->methods.n; i++) {
		bytes[unit_kind(p, hot, i)] += reach_state(p->methods.v[i])->code.len;
		n[unit_kind(p, hot, i)]++;
	}
	/* the first unit of each kind, and the end; the last kind takes
	 * what the others leave, the others at most a quarter each */
	uint32_t from[NKINDS + 1] = {0};
	for (int k = 0; k < NKINDS; k++)
		from[k + 1] = from[k] + units_for(n[k], bytes[k], unit_bytes[k],
						  k == UNIT_LIB ? maxfiles - from[k] : maxfiles / 4);
	*nfiles = from[NKINDS];
	/* a type's core and other methods go to units of their kinds */
	OwnerUnits owners[NKINDS];
	for (int k = 0; k < NKINDS; k++) {
		owners[k].cap = 16;
		while (owners[k].cap < 2 * p->methods.n)
			owners[k].cap *= 2;
		owners[k].keys = calloc(owners[k].cap, sizeof *owners[k].keys);
		owners[k].units = calloc(owners[k].cap, sizeof *owners[k].units);
	}
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		MethodState *ms = reach_state(m);
		int kind = unit_kind(p, hot, i);
		uint32_t *unit = owner_slot(&owners[kind], m->owner);
		if (!*unit)     /* 0: none yet; else the unit + 1 */
			*unit = 1 + emptiest(sizes, from[kind], from[kind + 1]);
		if (ms->inlined) {     /* its out-of-line copy, from prog.h */
			buf_puts(&files[*unit - 1], "extern ");
			emit_prototype(&files[*unit - 1], m);
			buf_puts(&files[*unit - 1], ";\n");
		} else
			buf_putn(&files[*unit - 1], ms->code.s ? ms->code.s : "", ms->code.len);
		sizes[*unit - 1] += ms->code.len;
	}
	for (uint32_t i = 0; i < *nfiles; i++) {
		char name[32];
		snprintf(name, sizeof name, "m%u.c", i);
		write_unit(dir, name, uh, &files[i], true);
		buf_free(&files[i]);
	}
	for (int k = 0; k < NKINDS; k++) {
		free(owners[k].keys);
		free(owners[k].units);
	}
	free(files);
	free(sizes);
	free(hot);
	return from[UNIT_CORE];
}

uint32_t emit_program(Program *p, const char *dir, uint32_t maxfiles, uint32_t *nfiles)
{
	Gen g = { .p = p, .ncode = p->types.n };
	p->stack_walk = emit_stack_walks(p);
	emit_stack_bodies(p);
	buf_puts(&g.h, "/* generated by ilcc */\n#include \"rt.h\"\n#include \"rt_ops.h\"\n\n");
	buf_puts(&g.d, "/* generated by ilcc */\n");
	Buf types = {0};
	Buf saved_d = g.d;
	g.d = types;
	descriptors(&g);                /* first: may reach more descriptors */
	types = g.d;
	g.d = saved_d;
	structs(&g);
	statics(&g);
	prototypes(&g);
	pinvoke_prototypes(&g);
	emit_callbacks(p, &g.h, &g.d);
	emit_expr_delegates(p, &g.d);
	literals(&g);
	field_data(&g);
	thunks(&g);
	for (uint32_t i = 0; i < p->gvms.n; i++)
		gvm_dispatcher(&g, p->gvms.v[i]);
	buf_putn(&g.d, types.s, types.len);
	known(&g);
	throws_defines(&g);
	keeps_this_defines(&g);
	iface_positions(&g);
	vcall_targets(&g);
	inline_bodies(&g);
	emit_write_file(dir, "prog.h", &g.h);
	UnitHeaders *uh = unith_index(g.h.s, g.h.len);
	write_unit(dir, "data.c", uh, &g.d, false);
	write_unit(dir, "lits.c", uh, &g.lits, false);
	uint32_t nown = method_files(p, dir, maxfiles, nfiles, uh);
	buf_free(&g.h);
	buf_free(&g.d);
	buf_free(&g.lits);
	buf_free(&types);
	return nown;
}
