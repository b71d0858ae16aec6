/* keys: `ilcc check-keys`, a check that every name of the class library
 * in the compiler's tables of rules names something there.
 *
 * The rules (internal calls, substitutions, feature switches, calls left
 * out) match a method by its key string (reach_icall_key), so a misspelt
 * key, or one the installed Mono renamed, matches nothing and the rule
 * silently does nothing. This looks up each key the tables hold
 * (reach_table_keys), and any given on the command line (a test's
 * misspelling), in the class library's assemblies.
 *
 * Requires: the loader with the class library's folders. Produces: one
 * line per key that names nothing (the table and the key), and exit 1;
 * else a line of counts and exit 0.
 */
#include "keys.h"
#include "reach.h"
#include "util.h"

#include <dirent.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Named { const char *name; Image *img; uint32_t row; } Named;

typedef struct Keys {
	Loader *ld;
	VEC(Named) types;               /* every type of the assemblies opened */
	VEC(const char *) paths;        /* the class library's assemblies, not yet opened */
	uint32_t checked, bad;
} Keys;

/* "Ns.Name", "Ns.Outer/Inner", as ty_name writes a definition's name. */
static const char *def_name(Image *img, uint32_t row)
{
	const char *ns = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace));
	const char *name = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name));
	uint32_t outer = md_enclosing(img, row);
	if (outer)
		return arena_printf(ty_arena(), "%s/%s", def_name(img, outer), name);
	return arena_printf(ty_arena(), "%s%s%s", ns, *ns ? "." : "", name);
}

static void add_image(Keys *k, Image *img)
{
	for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++) {
		Named n = { def_name(img, row), img, row };
		VEC_PUSH(k->types, n);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The class library's assemblies, mscorlib first (as its folder sorts,
 * the others are opened only when a key is not found in those before). */
static void list_assemblies(Keys *k, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		fatal("%s: cannot read the folder", dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > 4 && !strcmp(e->d_name + n - 4, ".dll") && strcmp(e->d_name, "mscorlib.dll"))
			VEC_PUSH(k->paths, path_join(ty_arena(), dir, e->d_name));
	}
	closedir(d);
	qsort(k->paths.v, k->paths.n, sizeof *k->paths.v, by_name);
}

/* ilcc's own assemblies beside it (lib/: IlccExpr.dll...), whose methods
 * icalls.def names too. */
static void list_own_assemblies(Keys *k)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return;
	self[n] = 0;
	*strrchr(self, '/') = 0;
	list_assemblies(k, self);
}

/* Open the next assembly of the list (System.dll and System.Core.dll
 * first: most keys not in mscorlib are there); false when none is left. */
static bool open_next(Keys *k)
{
	if (!k->paths.n)
		return false;
	uint32_t pick = k->paths.n - 1;
	for (uint32_t i = 0; i < k->paths.n; i++)
		if (strstr(k->paths.v[i], "/System.dll") || strstr(k->paths.v[i], "/System.Core.dll"))
			pick = i;
	add_image(k, ld_open(k->ld, k->paths.v[pick]));
	k->paths.v[pick] = k->paths.v[--k->paths.n];
	return true;
}

static bool has_method(const Named *t, const char *key, const char *name)
{
	uint32_t first, end;
	md_list(t->img, T_TypeDef, t->row, TypeDef_MethodList, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t row = md_list_row(t->img, T_MethodDef, i);
		if (name) {
			if (!strcmp(md_string(t->img, md_get(t->img, T_MethodDef, row, MethodDef_Name)), name))
				return true;
		} else if (!strcmp(reach_icall_key(ty_method(ty_def(t->img, t->row, NULL, 0), t->img,
							      row, NULL, 0)), key))
			return true;
	}
	return false;
}

static bool has_field(const Named *t, const char *name)
{
	uint32_t first, end;
	md_list(t->img, T_TypeDef, t->row, TypeDef_FieldList, &first, &end);
	for (uint32_t i = first; i < end; i++)
		if (!strcmp(md_string(t->img, md_get(t->img, T_Field, md_list_row(t->img, T_Field, i),
						     Field_Name)), name))
			return true;
	return false;
}

static bool type_has(const Named *t, KeyKind kind, const char *key, const char *member)
{
	switch (kind) {
	case KEY_TYPE:
		return !member;
	case KEY_FIELD:
		return member && has_field(t, member);
	case KEY_METHOD_NAME:
		return member && has_method(t, NULL, member);
	default:
		return member && has_method(t, key, NULL);
	}
}

/* Two assemblies may have a type of one name (Microsoft.Win32.NativeMethods
 * in mscorlib and System): the key must name a member of one of them. */
static bool key_names_something(Keys *k, KeyKind kind, const char *key)
{
	const char *sep = strstr(key, "::");
	size_t len = sep ? (size_t)(sep - key) : strlen(key);
	uint32_t from = 0;
	do {
		for (uint32_t i = from; i < k->types.n; i++)
			if (!strncmp(k->types.v[i].name, key, len) && !k->types.v[i].name[len] &&
			    type_has(&k->types.v[i], kind, key, sep ? sep + 2 : NULL))
				return true;
		from = k->types.n;
	} while (open_next(k));
	return false;
}

static void check_key(void *ctx, KeyKind kind, const char *key, const char *table)
{
	static const char *const what[] = { "method", "type", "field", "method" };
	Keys *k = ctx;
	k->checked++;
	if (key_names_something(k, kind, key))
		return;
	k->bad++;
	fprintf(stderr, "ilcc: %s: %s names no %s of the class library\n", table, key, what[kind]);
}

int keys_check(Loader *ld, const char **extra, int nextra)
{
	const char *corlib = NULL;
	for (uint32_t i = 0; !corlib && i < ld->ndirs; i++) {
		const char *path = path_join(&ld->arena, ld->dirs[i], "mscorlib.dll");
		if (access(path, R_OK) == 0)
			corlib = path;
	}
	if (!corlib)
		fatal("check-keys: cannot find mscorlib.dll (give -L DIR)");
	Keys k = { .ld = ld };
	Image *img = ld_open(ld, corlib);
	ty_init(ld, img);
	add_image(&k, img);
	*strrchr((char *)(corlib = arena_strdup(ty_arena(), corlib)), '/') = 0;
	list_assemblies(&k, corlib);
	list_own_assemblies(&k);
	reach_table_keys(check_key, &k);
	for (int i = 0; i < nextra; i++)
		check_key(&k, KEY_METHOD, extra[i], "command line");
	if (k.bad)
		return 1;
	printf("%u keys, each names a member of the class library\n", k.checked);
	return 0;
}
