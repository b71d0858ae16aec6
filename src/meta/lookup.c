/* lookup: rows of a table by the value of one of its columns.
 *
 * Requires: an opened Image. Produces: per (table, column) an index, built on
 * first use, that maps a key (a row number or a coded-index token) to the
 * rows holding it. ECMA-335 asks for several tables to be sorted by such a
 * key, but a damaged file may not be, so the index sorts a copy itself
 * (cost: one pass and a sort, once). Also the inverse of the list columns:
 * which TypeDef owns a field or method.
 */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

typedef struct KeyRow {
	uint32_t key, row;
} KeyRow;

typedef struct Index {
	uint32_t n;
	KeyRow *e;
} Index;

static int cmp_keyrow(const void *a, const void *b)
{
	const KeyRow *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static Index *get_index(Image *img, unsigned table, unsigned col)
{
	Index *ix = img->index[table][col];
	if (ix)
		return ix;
	ix = arena_alloc(&img->arena, sizeof *ix);
	ix->n = md_rows(img, table);
	ix->e = arena_alloc(&img->arena, (ix->n + 1) * sizeof *ix->e);
	bool sorted = true;
	for (uint32_t r = 1; r <= ix->n; r++) {
		ix->e[r - 1] = (KeyRow){ md_get(img, table, r, col), r };
		if (r > 1 && ix->e[r - 1].key < ix->e[r - 2].key)
			sorted = false;
	}
	if (!sorted)
		qsort(ix->e, ix->n, sizeof *ix->e, cmp_keyrow);
	img->index[table][col] = ix;
	return ix;
}

static uint32_t lower_bound(const Index *ix, uint32_t key)
{
	uint32_t lo = 0, hi = ix->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ix->e[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void md_lookup(Image *img, unsigned table, unsigned col, uint32_t key,
	       uint32_t *first, uint32_t *end)
{
	Index *ix = get_index(img, table, col);
	*first = lower_bound(ix, key);
	*end = lower_bound(ix, key + 1);
}

uint32_t md_lookup_row(Image *img, unsigned table, unsigned col, uint32_t pos)
{
	return get_index(img, table, col)->e[pos].row;
}

uint32_t md_lookup1(Image *img, unsigned table, unsigned col, uint32_t key)
{
	uint32_t first, end;
	md_lookup(img, table, col, key, &first, &end);
	return first < end ? md_lookup_row(img, table, col, first) : 0;
}

uint32_t md_enclosing(Image *img, uint32_t typedef_row)
{
	uint32_t r = md_lookup1(img, T_NestedClass, NestedClass_NestedClass, typedef_row);
	return r ? md_get(img, T_NestedClass, r, NestedClass_EnclosingClass) : 0;
}

/* owner[row] of each row of `target`, from the TypeDef list column `col`. */
static uint32_t *owners(Image *img, unsigned col, unsigned target)
{
	uint32_t **slot = (uint32_t **)&img->index[T_TypeDef][col];
	if (*slot)
		return *slot;
	uint32_t *own = arena_alloc(&img->arena, (md_rows(img, target) + 1) * sizeof *own);
	for (uint32_t t = 1; t <= md_rows(img, T_TypeDef); t++) {
		uint32_t first, end;
		md_list(img, T_TypeDef, t, col, &first, &end);
		for (uint32_t pos = first; pos < end; pos++) {
			uint32_t row = md_list_row(img, target, pos);
			if (row)
				own[row] = t;
		}
	}
	return *slot = own;
}

uint32_t md_owner_of_field(Image *img, uint32_t field)
{
	if (field == 0 || field > md_rows(img, T_Field))
		return 0;
	return owners(img, TypeDef_FieldList, T_Field)[field];
}

uint32_t md_owner_of_method(Image *img, uint32_t method)
{
	if (method == 0 || method > md_rows(img, T_MethodDef))
		return 0;
	return owners(img, TypeDef_MethodList, T_MethodDef)[method];
}

bool md_skips_verification(Image *img)
{
	static const char key[] = "SkipVerification";
	for (uint32_t r = 1; r <= md_rows(img, T_DeclSecurity); r++) {
		if (TOK_TABLE(md_get(img, T_DeclSecurity, r, DeclSecurity_Parent)) != T_Assembly)
			continue;
		Blob b = md_blob(img, md_get(img, T_DeclSecurity, r, DeclSecurity_PermissionSet));
		for (uint32_t i = 0; i + sizeof key - 1 <= b.len; i++)
			if (!memcmp(b.p + i, key, sizeof key - 1))
				return true;
	}
	return false;
}

/* ---- manifest resources ---- */
Blob md_resource(Image *img, uint32_t r)
{
	Blob b = {0};
	if (md_get(img, T_ManifestResource, r, ManifestResource_Implementation))
		return b;               /* in another file or assembly */
	uint32_t off = md_get(img, T_ManifestResource, r, ManifestResource_Offset);
	if (off > img->resources_size || img->resources_size - off < 4)
		md_error(img, "ManifestResource row %u: offset %u is outside the"
			 " resources (%u bytes)", r, off, img->resources_size);
	const uint8_t *p = md_rva(img, img->resources_rva + off, 4, "resource");
	b.len = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
	b.p = md_rva(img, img->resources_rva + off, b.len + 4, "resource data") + 4;
	return b;
}

uint32_t md_find_resource(Image *img, const char *name)
{
	for (uint32_t r = 1; r <= md_rows(img, T_ManifestResource); r++)
		if (!strcmp(md_string(img, md_get(img, T_ManifestResource, r,
						  ManifestResource_Name)), name))
			return r;
	return 0;
}
