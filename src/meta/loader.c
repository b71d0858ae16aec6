/* loader: which file an assembly reference means, and which TypeDef a
 * TypeRef means.
 *
 * Requires: opened Images. Produces: resolved AssemblyRefs (cached per
 * image), TypeDef lookups by name (a hash table per image, built on first
 * use) and TypeRefs followed through nesting and ExportedType forwarders.
 *
 * Search order for an assembly named N: images already loaded with that
 * name, then N.dll / N.exe in the referencing file's folder, then each -L
 * folder, then Mono's class library (/usr/lib/mono/4.5 and its Facades, or
 * $ILCC_MONO_LIB). A version that differs from the reference's is accepted
 * (what is installed is what runs), with a note under -v.
 */
#include "meta.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_HOPS = 32 };

void ld_init(Loader *ld) { *ld = (Loader){0}; }

void ld_free(Loader *ld)
{
	for (uint32_t i = 0; i < ld->nimages; i++)
		md_close(ld->images[i]);
	free(ld->images);
	free(ld->dirs);
	arena_free(&ld->arena);
	*ld = (Loader){0};
}

void ld_add_dir(Loader *ld, const char *dir)
{
	if (ld->ndirs == ld->capdirs) {
		ld->capdirs = ld->capdirs ? 2 * ld->capdirs : 8;
		ld->dirs = realloc(ld->dirs, ld->capdirs * sizeof *ld->dirs);
	}
	ld->dirs[ld->ndirs++] = arena_strdup(&ld->arena, dir);
}

void ld_add_default_dirs(Loader *ld)
{
	const char *lib = getenv("ILCC_MONO_LIB");
	if (!lib || !*lib)
		lib = "/usr/lib/mono/4.5";
	ld_add_dir(ld, lib);
	ld_add_dir(ld, arena_printf(&ld->arena, "%s/Facades", lib));
}

static void add_image(Loader *ld, Image *img)
{
	if (ld->nimages == ld->capimages) {
		ld->capimages = ld->capimages ? 2 * ld->capimages : 16;
		ld->images = realloc(ld->images, ld->capimages * sizeof *ld->images);
	}
	ld->images[ld->nimages++] = img;
	img->loader = ld;
}

Image *ld_open(Loader *ld, const char *path)
{
	for (uint32_t i = 0; i < ld->nimages; i++)
		if (!strcmp(ld->images[i]->path, path))
			return ld->images[i];
	Image *img = md_open(path);
	add_image(ld, img);
	return img;
}

static Image *loaded_named(Loader *ld, const char *name)
{
	for (uint32_t i = 0; i < ld->nimages; i++)
		if (md_rows(ld->images[i], T_Assembly) && !strcmp(ld->images[i]->name, name))
			return ld->images[i];
	return NULL;
}

static char *dir_of(Arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return arena_strdup(a, ".");
	return arena_printf(a, "%.*s", (int)(slash - path), path);
}

static Image *search(Loader *ld, const char *dir, const char *name)
{
	static const char *const exts[] = { ".dll", ".exe" };
	for (unsigned i = 0; i < countof(exts); i++) {
		char *path = arena_printf(&ld->arena, "%s/%s%s", dir, name, exts[i]);
		if (access(path, R_OK) == 0)
			return ld_open(ld, path);
	}
	return NULL;
}

static void note_version(Image *img, uint32_t row, Image *found)
{
	uint16_t want[4], have[4];
	for (unsigned i = 0; i < 4; i++) {
		want[i] = (uint16_t)md_get(img, T_AssemblyRef, row, AssemblyRef_MajorVersion + i);
		have[i] = md_rows(found, T_Assembly) ?
			(uint16_t)md_get(found, T_Assembly, 1, Assembly_MajorVersion + i) : 0;
	}
	if (memcmp(want, have, sizeof want))
		note("%s: reference to %s %u.%u.%u.%u resolved to version %u.%u.%u.%u"
		     " in %s", img->path, found->name, want[0], want[1], want[2],
		     want[3], have[0], have[1], have[2], have[3], found->path);
}

static Image *find_assembly(Loader *ld, Image *img, const char *name)
{
	Image *found = loaded_named(ld, name);
	if (!found)
		found = search(ld, dir_of(&ld->arena, img->path), name);
	for (uint32_t i = 0; !found && i < ld->ndirs; i++)
		found = search(ld, ld->dirs[i], name);
	return found;
}

Image *ld_assembly_ref(Loader *ld, Image *img, uint32_t row)
{
	static Image not_found;
	uint32_t n = md_rows(img, T_AssemblyRef);
	if (row == 0 || row > n)
		md_error(img, "AssemblyRef row %u does not exist (%u rows)", row, n);
	if (!img->refs)
		img->refs = arena_alloc(&img->arena, (n + 1) * sizeof *img->refs);
	if (img->refs[row])
		return img->refs[row] == &not_found ? NULL : img->refs[row];
	const char *name = md_string(img, md_get(img, T_AssemblyRef, row, AssemblyRef_Name));
	Image *found = find_assembly(ld, img, name);
	if (found)
		note_version(img, row, found);
	else
		note("%s: referenced assembly %s not found", img->path, name);
	img->refs[row] = found ? found : &not_found;
	return found;
}

/* ---- types by name ---- */
typedef struct TypeMap {
	uint32_t cap;                   /* power of two */
	uint32_t *rows;                 /* 0 = empty slot */
} TypeMap;

static uint32_t hash_name(const char *ns, const char *name)
{
	uint32_t h = 2166136261u;
	for (const char *s = ns; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	h = (h ^ '.') * 16777619u;
	for (const char *s = name; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static bool typedef_is(Image *img, uint32_t row, const char *ns, const char *name)
{
	return !strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name)), name) &&
	       !strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace)), ns);
}

static TypeMap *type_map(Image *img)
{
	if (img->type_map)
		return img->type_map;
	TypeMap *m = arena_alloc(&img->arena, sizeof *m);
	uint32_t n = md_rows(img, T_TypeDef);
	for (m->cap = 16; m->cap < 2 * n; m->cap *= 2)
		;
	m->rows = arena_alloc(&img->arena, m->cap * sizeof *m->rows);
	for (uint32_t r = 1; r <= n; r++) {
		if (md_enclosing(img, r))
			continue;
		const char *name = md_string(img, md_get(img, T_TypeDef, r, TypeDef_Name));
		const char *ns = md_string(img, md_get(img, T_TypeDef, r, TypeDef_Namespace));
		uint32_t i = hash_name(ns, name) & (m->cap - 1);
		while (m->rows[i])
			i = (i + 1) & (m->cap - 1);
		m->rows[i] = r;
	}
	return img->type_map = m;
}

uint32_t ld_find_type(Image *img, const char *ns, const char *name)
{
	TypeMap *m = type_map(img);
	for (uint32_t i = hash_name(ns, name) & (m->cap - 1); m->rows[i];
	     i = (i + 1) & (m->cap - 1))
		if (typedef_is(img, m->rows[i], ns, name))
			return m->rows[i];
	return 0;
}

static uint32_t find_nested(Image *img, uint32_t outer, const char *name)
{
	uint32_t first, end;
	md_lookup(img, T_NestedClass, NestedClass_EnclosingClass, outer, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t nc = md_lookup_row(img, T_NestedClass, NestedClass_EnclosingClass, pos);
		uint32_t row = md_get(img, T_NestedClass, nc, NestedClass_NestedClass);
		if (!strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name)), name))
			return row;
	}
	return 0;
}

/* ---- following references ---- */
static TypeRefTarget in_assembly(Loader *ld, Image *img, const char *ns,
				 const char *name, unsigned hops);

/* An ExportedType row of `img` naming ns.name forwards it elsewhere. */
static TypeRefTarget forwarded(Loader *ld, Image *img, const char *ns,
			       const char *name, unsigned hops)
{
	for (uint32_t r = 1; r <= md_rows(img, T_ExportedType); r++) {
		if (strcmp(md_string(img, md_get(img, T_ExportedType, r, ExportedType_TypeName)), name) ||
		    strcmp(md_string(img, md_get(img, T_ExportedType, r, ExportedType_TypeNamespace)), ns))
			continue;
		Token impl = md_get(img, T_ExportedType, r, ExportedType_Implementation);
		if (TOK_TABLE(impl) != T_AssemblyRef || !impl)
			continue;
		Image *target = ld_assembly_ref(ld, img, TOK_ROW(impl));
		if (target)
			return in_assembly(ld, target, ns, name, hops + 1);
	}
	return (TypeRefTarget){ img, 0 };
}

static TypeRefTarget in_assembly(Loader *ld, Image *img, const char *ns,
				 const char *name, unsigned hops)
{
	if (hops > MAX_HOPS)
		md_error(img, "type %s.%s is forwarded in a cycle", ns, name);
	uint32_t row = ld_find_type(img, ns, name);
	if (row)
		return (TypeRefTarget){ img, row };
	return forwarded(ld, img, ns, name, hops);
}

static TypeRefTarget resolve(Loader *ld, Image *img, uint32_t row, unsigned hops)
{
	if (hops > MAX_HOPS)
		md_error(img, "TypeRef row %u: resolution scopes nest too deep", row);
	Token scope = md_get(img, T_TypeRef, row, TypeRef_ResolutionScope);
	const char *name = md_string(img, md_get(img, T_TypeRef, row, TypeRef_Name));
	const char *ns = md_string(img, md_get(img, T_TypeRef, row, TypeRef_Namespace));
	TypeRefTarget t = { img, 0 };
	if (!scope)                     /* null: look in ExportedType */
		return in_assembly(ld, img, ns, name, hops);
	switch (TOK_TABLE(scope)) {
	case T_TypeRef:
		t = resolve(ld, img, TOK_ROW(scope), hops + 1);
		if (t.row)
			t.row = find_nested(t.img, t.row, name);
		return t;
	case T_AssemblyRef: {
		Image *target = ld ? ld_assembly_ref(ld, img, TOK_ROW(scope)) : NULL;
		return target ? in_assembly(ld, target, ns, name, hops) : t;
	}
	default:                        /* Module, ModuleRef: this assembly */
		return in_assembly(ld, img, ns, name, hops);
	}
}

TypeRefTarget ld_resolve_typeref(Loader *ld, Image *img, uint32_t row)
{
	if (row == 0 || row > md_rows(img, T_TypeRef))
		md_error(img, "TypeRef row %u does not exist", row);
	return resolve(ld, img, row, 0);
}
