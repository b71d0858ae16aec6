/* check: decode everything in an assembly, as a test of the reader and a
 * measure of its speed.
 *
 * Requires: a file path and a Loader. Produces: one line of counts and the
 * time taken, or the reader's one-line error; touches every column of every
 * row (so every index is range-checked), every signature, every custom
 * attribute and every method body with its instructions.
 */
#include "dump.h"

#include <stdio.h>

typedef struct Counts {
	uint32_t types, methods, bodies, instrs, attrs;
} Counts;

static void check_rows(Image *img)
{
	for (unsigned t = 0; t < T_COUNT; t++)
		for (uint32_t r = 1; r <= md_rows(img, t); r++)
			for (unsigned c = 0; md_col_kind(t, c) != K_END; c++) {
				uint32_t v = md_get(img, t, r, c);
				if (md_col_kind(t, c) == K_STR)
					md_string(img, v);
				else if (md_col_kind(t, c) == K_BLOB)
					md_blob(img, v);
				else if (md_col_kind(t, c) == K_GUID)
					md_guid(img, v);
			}
}

static void check_sigs(Image *img, Arena *a)
{
	for (uint32_t r = 1; r <= md_rows(img, T_Field); r++)
		sig_field(img, a, md_get(img, T_Field, r, Field_Signature));
	for (uint32_t r = 1; r <= md_rows(img, T_MemberRef); r++) {
		uint32_t blob = md_get(img, T_MemberRef, r, MemberRef_Signature);
		Blob b = md_blob(img, blob);
		if (b.len && b.p[0] == SIG_FIELD)
			sig_field(img, a, blob);
		else
			sig_method(img, a, blob);
	}
	for (uint32_t r = 1; r <= md_rows(img, T_StandAloneSig); r++) {
		uint32_t blob = md_get(img, T_StandAloneSig, r, StandAloneSig_Signature);
		Blob b = md_blob(img, blob);
		if (b.len && b.p[0] == SIG_LOCAL)
			sig_locals(img, a, TOKEN(T_StandAloneSig, r));
		else if (b.len && b.p[0] == SIG_FIELD)
			sig_field(img, a, blob);    /* ilasm emits these for .data */
		else
			sig_method(img, a, blob);
	}
	for (uint32_t r = 1; r <= md_rows(img, T_Property); r++)
		sig_property(img, a, md_get(img, T_Property, r, Property_Type));
	for (uint32_t r = 1; r <= md_rows(img, T_TypeSpec); r++)
		sig_typespec(img, a, r);
	for (uint32_t r = 1; r <= md_rows(img, T_MethodSpec); r++) {
		uint32_t n;
		TypeSig **args;
		sig_methodspec(img, a, r, &n, &args);
	}
}

static void check_methods(Image *img, Arena *a, Counts *n)
{
	for (uint32_t r = 1; r <= md_rows(img, T_MethodDef); r++) {
		sig_method(img, a, md_get(img, T_MethodDef, r, MethodDef_Signature));
		MethodBody body;
		if (!md_body(img, a, r, &body))
			continue;
		sig_locals(img, a, body.local_sig);
		Buf name = {0};
		sig_print_method_name(&name, img, r);
		n->instrs += il_check(img, &body, name.s);
		buf_free(&name);
		n->bodies++;
		if (r % 256 == 0)
			arena_free(a);
	}
}

static void check_attrs(Image *img, Arena *a, Counts *n)
{
	for (uint32_t r = 1; r <= md_rows(img, T_CustomAttribute); r++) {
		Attribute at;
		attr_decode(img, a, r, &at);
		n->attrs++;
	}
}

int check_file(Loader *ld, const char *path)
{
	jmp_buf jb;
	Arena a = {0};
	if (diag_try(&jb)) {
		arena_free(&a);
		return 1;
	}
	double t0 = now_ms();
	Image *img = ld_open(ld, path);
	Counts n = { md_rows(img, T_TypeDef), md_rows(img, T_MethodDef), 0, 0, 0 };
	check_rows(img);
	check_sigs(img, &a);
	check_methods(img, &a, &n);
	double t1 = now_ms();
	check_attrs(img, &a, &n);
	diag_end();
	arena_free(&a);
	printf("%s: %u types, %u methods, %u bodies, %u instructions, %u attributes;"
	       " decoded in %.1f ms\n", path, n.types, n.methods, n.bodies, n.instrs,
	       n.attrs, t1 - t0);
	return 0;
}
