/* resources: manifest resources built into the program (docs/design.md,
 * "The long tail, fourth corpus").
 *
 * Mono's Assembly.GetManifestResourceStream asks the runtime for a
 * resource's bytes (RuntimeAssembly.GetManifestResourceInternal) after
 * GetManifestResourceInfoInternal has said it exists. ilcc writes both
 * bodies, and GetManifestResourceNames's, once they are reached: the
 * resources are the program's own embedded ones (its main image's) and
 * the tables of the CJK code pages it names (i18n.c: I18N.CJK's CodeTable
 * reads them through Assembly.GetExecutingAssembly(), which is the
 * program's assembly here). Lookup is by name only, whatever Assembly
 * object asks: resources of other assemblies of the program, or of the
 * class library, are not built in (GetManifestResourceStream gives null).
 * The bytes are const data of the program, served as Mono serves them: an
 * UnmanagedMemoryStream over memory that is never freed.
 *
 * Requires: il2c's Fn of the method being written; the program's image;
 * the installed I18N.CJK (for its tables).
 * Produces: the three C bodies.
 */
#include "il2c.h"
#include "../directives.h"

#include <string.h>

typedef struct Res {
	const char *name;
	Blob data;
} Res;

enum { MAX_RES = 256 };

/* The program's own embedded resources, then the CJK tables it needs. */
static size_t program_resources(Program *p, Res *out)
{
	size_t n = 0;
	Image *img = p->img;
	for (uint32_t r = 1; r <= md_rows(img, T_ManifestResource) && n < MAX_RES; r++) {
		Blob b = md_resource(img, r);
		if (b.p)
			out[n++] = (Res){ md_string(img, md_get(img, T_ManifestResource, r,
								 ManifestResource_Name)), b };
	}
	const char *tables[8];
	size_t nt = i18n_cjk_tables(p, tables, countof(tables));
	Type *cjk = nt ? directives_find_type(p, "I18N.CJK.CodeTable, I18N.CJK") : NULL;
	for (size_t i = 0; cjk && i < nt && n < MAX_RES; i++) {
		uint32_t r = md_find_resource(cjk->img, tables[i]);
		Blob b = r ? md_resource(cjk->img, r) : (Blob){0};
		if (b.p)
			out[n++] = (Res){ tables[i], b };
	}
	return n;
}

/* s as a C string literal, in the method's arena. */
static const char *c_lit(Fn *f, const char *s)
{
	Buf lit = {0};
	emit_c_string(&lit, s);
	const char *r = arena_strdup(&f->a, lit.s);
	buf_free(&lit);
	return r;
}

static void name_arg(Fn *f)
{
	e_out(f, "const char *name = a1 ? rt_str_to_utf8((RtString *)a1) : \"\";");
}

/* IntPtr GetManifestResourceInternal(string name, out int size, out Module module) */
void e_manifest_resource(Fn *f)
{
	Res res[MAX_RES];
	size_t n = program_resources(f->p, res);
	name_arg(f);
	for (size_t i = 0; i < n; i++) {
		buf_printf(&f->out, "\tstatic const uint8_t r%zu[%u] __attribute__((aligned(16))) = {\n",
			   i, res[i].data.len);
		emit_u8_list(&f->out, res[i].data.p, res[i].data.len, 32, "", ",\n");
		buf_puts(&f->out, " };\n");
	}
	for (size_t i = 0; i < n; i++) {
		e_out(f, "if (!strcmp(name, %s)) {", c_lit(f, res[i].name));
		e_out(f, "*(int32_t *)a2 = %u;", res[i].data.len);
		e_out(f, "*(Object **)a3 = NULL;");
		e_out(f, "return (intptr_t)r%zu;", i);
		e_out(f, "}");
	}
	e_out(f, "return 0;");
}

/* bool GetManifestResourceInfoInternal(string name, ManifestResourceInfo info):
 * embedded in the manifest file, as Mono says of an assembly's own. */
void e_manifest_info(Fn *f)
{
	Res res[MAX_RES];
	size_t n = program_resources(f->p, res);
	Type *info = f->m->params[1];
	Field *loc = NULL;
	TypeInfo *ti = ty_info(info);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (strstr(ti->fields[i]->name, "ResourceLocation") && !ti->fields[i]->is_static)
			loc = ti->fields[i];
	if (!loc)
		e_fn_error(f, "substitution: ManifestResourceInfo has no ResourceLocation field");
	reach_type(f->p, info, TN_LAYOUT, f->m);
	name_arg(f);
	for (size_t i = 0; i < n; i++)
		e_out(f, "if (!strcmp(name, %s)) { %s = 5; return 1; } /* Embedded | ContainedInManifestFile */",
		      c_lit(f, res[i].name), e_field_lv(f, info, "a2", loc->name));
	e_out(f, "return 0;");
}

/* string[] GetManifestResourceNames(): the program's own. */
void e_manifest_names(Fn *f)
{
	Image *img = f->p->img;
	VEC(const char *) names = {0};
	for (uint32_t r = 1; r <= md_rows(img, T_ManifestResource); r++)
		if (md_resource(img, r).p)
			VEC_PUSH(names, md_string(img, md_get(img, T_ManifestResource, r, ManifestResource_Name)));
	e_out(f, "RtArray *a = rt_gc_alloc_array(rt_known.string_array, %u);", names.n);
	e_out(f, "if (!a) return NULL;");
	for (uint32_t i = 0; i < names.n; i++)
		e_out(f, "RT_WRITE_REF(&RT_ARRAY_DATA(a, RtString *)[%u], rt_str_from_utf8(%s));", i,
		      c_lit(f, names.v[i]));
	e_out(f, "return (Object *)a;");
	free(names.v);
}
