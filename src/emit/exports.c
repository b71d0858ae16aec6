/* exports: a native library's C entry points, for `ilcc build --shared`
 * and `--static-lib`.
 *
 * Requires: the type system over the input assembly; reach for roots.
 * Provides:
 * - exports_find: every static method marked
 *   [UnmanagedCallersOnly(EntryPoint = "name")] (the attribute recognised
 *   by its full name, so a program may declare it itself: Mono's mscorlib
 *   lacks it), checked: static, not generic, in a non-generic type, a
 *   blittable signature, a valid and unique C name. Anything else is a
 *   fatal error naming the assembly and the method.
 * - exports_reach: the methods as roots, with their types' static setup.
 * - exports_emit: one C function per export with the C calling convention:
 *   it starts the runtime on the first call from any thread (rt_lib_enter),
 *   runs the type's static constructor when due, calls the method, and
 *   reports an exception that escapes it as Mono reports an unhandled one,
 *   then exits with status 1 (rt_exc_unhandled).
 * - exports_header: a C header declaring them, with <stdint.h> types and
 *   the structs laid out as the managed ones.
 */
#include "exports.h"

#include <ctype.h>
#include <string.h>

static const char unmanaged_callers_only[] =
	"System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute";

/* ---- blittable types and their C names in the header ---- */
static const char *const prim_c[TY_KIND_COUNT] = {
	[TY_VOID] = "void", [TY_I1] = "int8_t", [TY_U1] = "uint8_t",
	[TY_I2] = "int16_t", [TY_U2] = "uint16_t", [TY_I4] = "int32_t", [TY_U4] = "uint32_t",
	[TY_I8] = "int64_t", [TY_U8] = "uint64_t", [TY_R4] = "float", [TY_R8] = "double",
	[TY_I] = "intptr_t", [TY_U] = "uintptr_t",
};

static bool is_enum(Type *t)
{
	return t->kind == TY_STRUCT && ty_info(t)->is_enum;
}

/* Why t cannot cross the C boundary, or NULL if it can. */
static const char *not_blittable(Type *t, uint32_t depth)
{
	if (depth > 16)
		return "a struct nested too deeply";
	if (t->kind == TY_BOOL)
		return "bool (not blittable: use byte or int)";
	if (t->kind == TY_CHAR)
		return "char (not blittable: use ushort)";
	if (prim_c[t->kind])
		return NULL;
	if (t->kind == TY_PTR)
		return t->elem->kind == TY_VOID ? NULL : not_blittable(t->elem, depth + 1);
	if (t->kind == TY_FNPTR)
		return NULL;
	if (is_enum(t))
		return not_blittable(ty_info(t)->underlying, depth + 1);
	if (t->kind == TY_STRUCT) {
		TypeInfo *ti = ty_info(t);
		if (t->ninst)
			return "a generic struct";
		if (ti->explicit_layout)
			return "a struct with explicit layout";
		for (uint32_t i = 0; i < ti->nfields; i++) {
			const char *why = not_blittable(ti->fields[i]->type, depth + 1);
			if (why)
				return arena_printf(ty_arena(), "%s (field %s: %s)", t->name,
						    ti->fields[i]->name, why);
		}
		return NULL;
	}
	if (t == ty_string)
		return "string (not blittable: pass byte* UTF-8 instead)";
	return arena_printf(ty_arena(), "%s (not blittable: only numbers, pointers and structs of those)",
			    t->name);
}

/* The struct's name in the header: its own name, nested names joined by
 * '_', anything else turned into '_'. */
static const char *struct_c_name(Type *t)
{
	const char *s = strrchr(t->name, '.');
	char *c = arena_strdup(ty_arena(), s ? s + 1 : t->name);
	for (char *p = c; *p; p++)
		if (!isalnum((unsigned char)*p))
			*p = '_';
	return c;
}

static const char *header_ctype(Type *t)
{
	if (prim_c[t->kind])
		return prim_c[t->kind];
	if (t->kind == TY_PTR)
		return arena_printf(ty_arena(), "%s *", header_ctype(t->elem));
	if (t->kind == TY_FNPTR)
		return "void *";
	if (is_enum(t))
		return header_ctype(ty_info(t)->underlying);
	return struct_c_name(t);
}

/* ---- finding them ---- */
static bool c_identifier(const char *s)
{
	if (!*s || isdigit((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

/* The EntryPoint named argument, or the method's own name. */
static const char *entry_point(Image *img, uint32_t ca, Method *m)
{
	Attribute at;
	attr_decode(img, ty_arena(), ca, &at);
	for (uint32_t i = 0; i < at.nnamed; i++)
		if (!strcmp(at.named[i].name, "EntryPoint") && at.named[i].value.type == ET_STRING &&
		    !at.named[i].value.null)
			return arena_printf(ty_arena(), "%.*s", (int)at.named[i].value.slen,
					    at.named[i].value.s);
	return m->name;
}

static void check(Image *img, Method *m, const char *name, const Exports *e)
{
	const char *who = ty_method_name(m);
	if (!(m->flags & MF_STATIC))
		fatal("%s: %s: [UnmanagedCallersOnly] on an instance method: exports must be static",
		      img->path, who);
	if (ty_method_generic_arity(m) || ty_is_generic_def(m->owner))
		fatal("%s: %s: [UnmanagedCallersOnly] on a generic method or in a generic type: "
		      "exports cannot be generic", img->path, who);
	if (!c_identifier(name))
		fatal("%s: %s: entry point '%s' is not a C identifier", img->path, who, name);
	for (uint32_t i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].name, name))
			fatal("%s: %s: entry point '%s' is exported twice (also by %s)", img->path, who,
			      name, ty_method_name(e->v[i].m));
	const char *why = m->ret->kind == TY_VOID ? NULL : not_blittable(m->ret, 0);
	if (why)
		fatal("%s: %s: cannot export a method returning %s", img->path, who, why);
	for (uint32_t i = 0; i < m->nparams; i++)
		if ((why = not_blittable(m->params[i], 0)))
			fatal("%s: %s: cannot export a method whose parameter %u is %s", img->path, who,
			      i + 1, why);
}

void exports_find(Image *img, Exports *out)
{
	*out = (Exports){0};
	uint32_t n = md_rows(img, T_MethodDef);
	for (uint32_t row = 1; row <= n; row++) {
		uint32_t ca = ty_attribute_row(img, TOKEN(T_MethodDef, row), unmanaged_callers_only);
		if (!ca)
			continue;
		Method *m = ty_method_from_token(img, TOKEN(T_MethodDef, row), NULL);
		const char *name = entry_point(img, ca, m);
		check(img, m, name, out);
		Export *v = arena_alloc(ty_arena(), (out->n + 1) * sizeof *v);
		if (out->n)
			memcpy(v, out->v, out->n * sizeof *v);
		v[out->n++] = (Export){ m, name };
		out->v = v;
	}
	if (!out->n)
		fatal("%s: nothing to export: mark static methods [UnmanagedCallersOnly(EntryPoint = \"name\")]",
		      img->path);
}

void exports_reach(Program *p, const Exports *e)
{
	for (uint32_t i = 0; i < e->n; i++) {
		Method *m = e->v[i].m;
		if (ty_info(m->owner)->cctor)
			reach_type(p, m->owner, TN_STATICS | TN_DESCRIPTOR, NULL);
		reach_method(p, m, NULL, arena_printf(ty_arena(), "exported as %s", e->v[i].name));
	}
}

/* ---- the C functions ---- */
void exports_emit(const Exports *e, Buf *c)
{
	buf_puts(c, "/* generated by ilcc: the library's exports */\n#include \"prog.h\"\n\n");
	for (uint32_t i = 0; i < e->n; i++) {
		Method *m = e->v[i].m;
		bool has_ret = m->ret->kind != TY_VOID;
		buf_printf(c, "__attribute__((visibility(\"default\"))) %s %s(", has_ret ?
			   emit_ctype(m->ret) : "void", e->v[i].name);
		for (uint32_t k = 0; k < m->nparams; k++)
			buf_printf(c, "%s%s a%u", k ? ", " : "", emit_ctype(m->params[k]), k);
		buf_printf(c, "%s)\n{\n\trt_lib_enter();\n", m->nparams ? "" : "void");
		if (ty_info(m->owner)->cctor)
			buf_printf(c, "\tif (!rt_init_check(&%s_init))\n\t\trt_exc_unhandled();\n",
				   m->owner->cname);
		if (has_ret)
			buf_printf(c, "\t%s r = %s(", emit_ctype(m->ret), m->cname);
		else
			buf_printf(c, "\t%s(", m->cname);
		for (uint32_t k = 0; k < m->nparams; k++)
			buf_printf(c, "%sa%u", k ? ", " : "", k);
		buf_puts(c, ");\n\tif (rt_pending)\n\t\trt_exc_unhandled();\n");
		buf_puts(c, has_ret ? "\treturn r;\n}\n\n" : "}\n\n");
	}
}

/* ---- the header ---- */
static void header_struct(Buf *b, Type *t, Type ***done, uint32_t *ndone)
{
	if (t->kind == TY_PTR) {
		if (t->elem->kind == TY_STRUCT && !is_enum(t->elem))
			header_struct(b, t->elem, done, ndone);
		return;
	}
	if (t->kind != TY_STRUCT || is_enum(t))
		return;
	for (uint32_t i = 0; i < *ndone; i++)
		if ((*done)[i] == t)
			return;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		header_struct(b, ti->fields[i]->type, done, ndone);
	Type **d = arena_alloc(ty_arena(), (*ndone + 1) * sizeof *d);
	if (*ndone)
		memcpy(d, *done, *ndone * sizeof *d);
	d[(*ndone)++] = t;
	*done = d;
	buf_printf(b, "/* %s */\ntypedef struct %s {\n", t->name, struct_c_name(t));
	for (uint32_t i = 0; i < ti->nfields; i++) {
		Field *f = ti->fields[i];
		const char *name = f->name;
		const char *lt = strchr(name, '<'), *gt = strchr(name, '>');
		if (lt && gt && gt > lt)        /* an auto-property's backing field */
			name = arena_printf(ty_arena(), "%.*s", (int)(gt - lt - 1), lt + 1);
		buf_printf(b, "\t%s %s;\n", header_ctype(f->type), name);
	}
	if (!ti->nfields)
		buf_puts(b, "\tuint8_t empty_;\n");
	buf_printf(b, "} %s;\n\n", struct_c_name(t));
}

void exports_header(const Exports *e, Buf *b, const char *library)
{
	/* one guard per library, so that two headers go in one file */
	char *guard = arena_printf(ty_arena(), "ILCC_%s_H", library);
	for (char *p = guard; *p; p++)
		*p = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_';
	buf_printf(b, "/* %s: C declarations of the exports, generated by ilcc from\n"
		   " * [UnmanagedCallersOnly] methods. The runtime starts on the first call,\n"
		   " * from any thread; an exception that escapes an export is reported as\n"
		   " * Mono reports an unhandled one and ends the process with status 1.\n"
		   " * Pointers returned are the library's: memory from Marshal.AllocHGlobal\n"
		   " * is malloc's, to be released with free(). */\n"
		   "#ifndef %s\n#define %s\n\n#include <stdint.h>\n\n"
		   "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n", library, guard, guard);
	Type **done = NULL;
	uint32_t ndone = 0;
	for (uint32_t i = 0; i < e->n; i++) {
		Method *m = e->v[i].m;
		header_struct(b, m->ret, &done, &ndone);
		for (uint32_t k = 0; k < m->nparams; k++)
			header_struct(b, m->params[k], &done, &ndone);
	}
	for (uint32_t i = 0; i < e->n; i++) {
		Method *m = e->v[i].m;
		buf_printf(b, "/* %s */\n%s %s(", ty_method_name(m), header_ctype(m->ret), e->v[i].name);
		for (uint32_t k = 0; k < m->nparams; k++)
			buf_printf(b, "%s%s", k ? ", " : "", header_ctype(m->params[k]));
		buf_printf(b, "%s);\n", m->nparams ? "" : "void");
	}
	buf_puts(b, "\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}
