/* frontend_corlib: the mscorlib that Roslyn compiles against.
 *
 * Requires: Mono's mscorlib.dll. Produces: a copy in the work folder in
 * which Roslyn can use ReadOnlySpan<T>'s indexer and static abstract
 * interface members (below), or the original when nothing needs mending. Only Roslyn reads the copy; the program refers
 * to mscorlib by name, so ilcc and mono use the real one.
 *
 * Why: Mono's mscorlib marks the getter of a `ref readonly` property
 * (ReadOnlySpan<T>.this[int], ...) with [IsReadOnly] on its return, but
 * not the property itself. Roslyn sees a property returning `ref` whose
 * getter returns `ref readonly`, and refuses every use of it ("is not
 * supported by the language", CS0570). The copy makes the getter agree
 * with the property: its return attribute becomes [CompilerGenerated],
 * which Roslyn ignores there. The property then reads as `ref`: Roslyn
 * would let the program write through it, which C# code for the real
 * ReadOnlySpan never does. Patched in place: the attribute row's Type
 * cell takes the bytes of another row's, so no table changes size or
 * order.
 */
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char ns_cs[] = "System.Runtime.CompilerServices";

/* Is token (a CustomAttributeType) a constructor of ns_cs.name? */
static bool ctor_of(Image *img, uint32_t tok, const char *name)
{
	if (TOK_TABLE(tok) != T_MethodDef)
		return false;
	uint32_t t = md_owner_of_method(img, TOK_ROW(tok));
	return t && !strcmp(md_string(img, md_get(img, T_TypeDef, t, TypeDef_Name)), name) &&
		!strcmp(md_string(img, md_get(img, T_TypeDef, t, TypeDef_Namespace)), ns_cs);
}

static bool has_attribute(Image *img, uint32_t parent, const char *name)
{
	uint32_t first, end;
	md_lookup(img, T_CustomAttribute, CustomAttribute_Parent, parent, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t r = md_lookup_row(img, T_CustomAttribute, CustomAttribute_Parent, i);
		if (ctor_of(img, md_get(img, T_CustomAttribute, r, CustomAttribute_Type), name))
			return true;
	}
	return false;
}

/* The method owning Param row p (0 if none). */
static uint32_t method_of_param(Image *img, uint32_t p)
{
	uint32_t n = md_rows(img, T_MethodDef);
	for (uint32_t m = 1; m <= n; m++) {
		uint32_t first, end;
		md_list(img, T_MethodDef, m, MethodDef_ParamList, &first, &end);
		for (uint32_t i = first; i < end; i++)
			if (md_list_row(img, T_Param, i) == p)
				return m;
	}
	return 0;
}

/* The getter m's property lacks [IsReadOnly] that m's return has. */
static bool getter_disagrees(Image *img, uint32_t m)
{
	uint32_t first, end;
	md_lookup(img, T_MethodSemantics, MethodSemantics_Method, m, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t r = md_lookup_row(img, T_MethodSemantics, MethodSemantics_Method, i);
		uint32_t assoc = md_get(img, T_MethodSemantics, r, MethodSemantics_Association);
		if (TOK_TABLE(assoc) == T_Property && !has_attribute(img, assoc, "IsReadOnlyAttribute"))
			return true;
	}
	return false;
}

static uint8_t *cell(Image *img, uint32_t row, unsigned col)
{
	TableInfo *t = &img->tables[T_CustomAttribute];
	return (uint8_t *)t->base + (size_t)(row - 1) * t->row_size + t->col_off[col];
}

/* Patches the copy `data` (a copy of img's bytes); returns how many. */
static int mend(Image *img, uint8_t *data)
{
	uint32_t n = md_rows(img, T_CustomAttribute), donor = 0;
	for (uint32_t r = 1; r <= n && !donor; r++)
		if (ctor_of(img, md_get(img, T_CustomAttribute, r, CustomAttribute_Type),
			    "CompilerGeneratedAttribute"))
			donor = r;
	int count = 0;
	for (uint32_t r = 1; donor && r <= n; r++) {
		uint32_t parent = md_get(img, T_CustomAttribute, r, CustomAttribute_Parent);
		if (TOK_TABLE(parent) != T_Param ||
		    md_get(img, T_Param, TOK_ROW(parent), Param_Sequence) != 0 ||
		    !ctor_of(img, md_get(img, T_CustomAttribute, r, CustomAttribute_Type), "IsReadOnlyAttribute"))
			continue;
		uint32_t m = method_of_param(img, TOK_ROW(parent));
		if (!m || !getter_disagrees(img, m))
			continue;
		size_t off = (size_t)(cell(img, r, CustomAttribute_Type) - img->data);
		memcpy(data + off, cell(img, donor, CustomAttribute_Type),
		       img->tables[T_CustomAttribute].col_size[CustomAttribute_Type]);
		count++;
	}
	return count;
}

/* ---- RuntimeFeature.VirtualStaticsInInterfaces ----
 * Roslyn compiles static abstract interface members only when the core
 * library has that field; Mono's has PortablePdb, which no program reads,
 * so the copy renames it. The name needs room in the #Strings heap: it
 * takes the place of the name of a non-public method that no other cell
 * shares (the method is out of the program's reach: renaming it changes
 * nothing Roslyn can see). */
static const char vsi[] = "VirtualStaticsInInterfaces";

static uint8_t *cell_of(Image *img, unsigned table, uint32_t row, unsigned col)
{
	TableInfo *t = &img->tables[table];
	return (uint8_t *)t->base + (size_t)(row - 1) * t->row_size + t->col_off[col];
}

static void put_cell(Image *img, uint8_t *data, unsigned table, uint32_t row,
		     unsigned col, uint32_t v)
{
	size_t off = (size_t)(cell_of(img, table, row, col) - img->data);
	for (unsigned i = 0; i < img->tables[table].col_size[col]; i++)
		data[off + i] = (uint8_t)(v >> 8 * i);
}

/* How many string cells of any table point into [idx, idx + len]. */
static uint32_t string_users(Image *img, uint32_t idx, uint32_t len)
{
	uint32_t users = 0;
	for (unsigned t = 0; t < T_COUNT; t++)
		for (unsigned c = 0; md_col_kind(t, c) != K_END; c++)
			if (md_col_kind(t, c) == K_STR)
				for (uint32_t r = 1; r <= md_rows(img, t); r++) {
					uint32_t v = md_get(img, t, r, c);
					users += v >= idx && v <= idx + len;
				}
	return users;
}

/* A string index whose text can be overwritten with vsi, or 0. */
static uint32_t free_name(Image *img)
{
	enum { ACCESS = 0x7, PUBLIC = 0x6, FAMILY = 0x4, FAM_OR_ASSEM = 0x5 };
	for (uint32_t m = 1; m <= md_rows(img, T_MethodDef); m++) {
		uint32_t acc = md_get(img, T_MethodDef, m, MethodDef_Flags) & ACCESS;
		uint32_t idx = md_get(img, T_MethodDef, m, MethodDef_Name);
		uint32_t len = (uint32_t)strlen(md_string(img, idx));
		if (acc != PUBLIC && acc != FAMILY && acc != FAM_OR_ASSEM &&
		    len >= sizeof vsi - 1 && string_users(img, idx, len) == 1)
			return idx;
	}
	return 0;
}

static int add_feature(Image *img, uint8_t *data)
{
	uint32_t t = ld_find_type(img, ns_cs, "RuntimeFeature"), first, end, pdb = 0;
	if (!t)
		return 0;
	md_list(img, T_TypeDef, t, TypeDef_FieldList, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t f = md_list_row(img, T_Field, i);
		const char *name = md_string(img, md_get(img, T_Field, f, Field_Name));
		if (!strcmp(name, vsi))
			return 0;
		if (!strcmp(name, "PortablePdb"))
			pdb = f;
	}
	uint32_t idx = pdb ? free_name(img) : 0;
	if (!idx)
		return 0;
	memcpy(data + (img->strings.data - img->data) + idx, vsi, sizeof vsi);
	put_cell(img, data, T_Field, pdb, Field_Name, idx);
	return 1;
}

static double mtime_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_mtim.tv_sec + st.st_mtim.tv_nsec / 1e9 : -1;
}

const char *frontend_corlib(const char *lib, const char *workdir, Arena *a)
{
	const char *orig = arena_printf(a, "%s/mscorlib.dll", lib);
	/* the folder names what the copy holds: a later ilcc that mends more
	 * must not take an older copy */
	enum { MENDS = 2 };
	const char *dir = arena_printf(a, "%s/ref%d", workdir, MENDS);
	const char *copy = arena_printf(a, "%s/mscorlib.dll", dir);
	if (mtime_of(copy) > mtime_of(orig))
		return copy;
	Image *img = md_open(orig);
	uint8_t *data = malloc(img->size);
	memcpy(data, img->data, img->size);
	double t0 = now_ms();
	int count = mend(img, data) + add_feature(img, data);
	if (verbose)
		note("%s: %d places mended for Roslyn in %.0f ms", copy, count, now_ms() - t0);
	const char *tmp = arena_printf(a, "%s.%ld", copy, (long)getpid());
	FILE *f;
	if (count) {
		mkdir(dir, 0755);
		f = fopen(tmp, "wb");
		if (!f || fwrite(data, 1, img->size, f) != img->size || fclose(f) != 0 ||
		    rename(tmp, copy) != 0) {
			fprintf(stderr, "ilcc: %s: cannot write the reference copy of mscorlib\n", copy);
			exit(3);
		}
	}
	free(data);
	md_close(img);
	return count ? copy : orig;
}
