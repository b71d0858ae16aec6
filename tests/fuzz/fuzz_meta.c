/* fuzz_meta: libFuzzer harness for the metadata reader (src/meta).
 *
 * Requires: libFuzzer (clang -fsanitize=fuzzer); built by tests/fuzz/run.
 * Produces: for each input, md_open_mem() and then everything `ilcc check`
 * decodes (src/check.c): every column of every row, every heap index, every
 * signature, every method body with il_check(), every custom attribute; plus
 * the lists, lookups and text forms the dump uses. img->loader stays NULL,
 * so an attribute with an enum from another assembly fails cleanly.
 *
 * Malformed input must end in fatal(), which longjmps back here (diag_try,
 * diag_quiet). Each row, signature, body and attribute gets its own recovery
 * point, so one bad item does not hide the rest of the file; the Image's lazy
 * caches are stored only once complete, so going on after an error is safe.
 * Anything else (a crash, a sanitizer report, a leak, a hang) is a reader bug.
 *
 * When md_open_mem() itself fails there is no Image to close: see
 * on_malloc() below for how its arena is freed anyway.
 */
#include "../../src/meta/meta.h"

#include <sanitizer/allocator_interface.h>
#include <stdlib.h>

typedef struct Fuzz {
	Image *img;
	Arena a;                        /* signatures, bodies: dropped per phase */
	Buf b;                          /* text forms */
} Fuzz;

typedef void Step(Fuzz *f, uint32_t i);

/* Runs step(f, i) under a recovery point; false if it ended in fatal(). */
static bool attempt(Step *step, Fuzz *f, uint32_t i)
{
	jmp_buf jb;
	if (diag_try(&jb) == 0) {
		step(f, i);
		diag_end();
		return true;
	}
	diag_end();
	return false;
}

/* step(f, i) for i in [1, n], then drop what the steps allocated. */
static void each(Step *step, Fuzz *f, uint32_t n)
{
	for (uint32_t i = 1; i <= n; i++)
		attempt(step, f, i);
	arena_free(&f->a);
}

/* ---- rows and heaps ---- */

/* i is table << 24 | row. */
static void row_step(Fuzz *f, uint32_t i)
{
	unsigned t = i >> 24;
	uint32_t r = i & 0xFFFFFF;
	for (unsigned c = 0; md_col_kind(t, c) != K_END; c++) {
		uint32_t v = md_get(f->img, t, r, c);
		switch (md_col_kind(t, c)) {
		case K_STR: md_string(f->img, v); break;
		case K_BLOB: md_blob(f->img, v); break;
		case K_GUID: md_guid(f->img, v); break;
		default: break;
		}
	}
}

static void check_rows(Fuzz *f)
{
	for (unsigned t = 0; t < T_COUNT; t++)
		for (uint32_t r = 1; r <= md_rows(f->img, t); r++)
			attempt(row_step, f, (uint32_t)t << 24 | r);
}

/* The list columns and the tables they own rows of. */
static const struct { uint8_t table, col, target; } lists[] = {
	{ T_TypeDef, TypeDef_FieldList, T_Field },
	{ T_TypeDef, TypeDef_MethodList, T_MethodDef },
	{ T_MethodDef, MethodDef_ParamList, T_Param },
	{ T_EventMap, EventMap_EventList, T_Event },
	{ T_PropertyMap, PropertyMap_PropertyList, T_Property },
};

/* i is list << 24 | row. */
static void list_step(Fuzz *f, uint32_t i)
{
	unsigned l = i >> 24;
	uint32_t first, end;
	md_list(f->img, lists[l].table, i & 0xFFFFFF, lists[l].col, &first, &end);
	for (uint32_t pos = first; pos < end; pos++)
		md_list_row(f->img, lists[l].target, pos);
}

static void check_lists(Fuzz *f)
{
	for (unsigned l = 0; l < countof(lists); l++)
		for (uint32_t r = 1; r <= md_rows(f->img, lists[l].table); r++)
			attempt(list_step, f, (uint32_t)l << 24 | r);
}

/* ---- lookups and names ---- */
static void typedef_step(Fuzz *f, uint32_t r)
{
	Image *img = f->img;
	uint32_t first, end;
	md_enclosing(img, r);
	ld_find_type(img, md_string(img, md_get(img, T_TypeDef, r, TypeDef_Namespace)),
		     md_string(img, md_get(img, T_TypeDef, r, TypeDef_Name)));
	md_lookup(img, T_CustomAttribute, CustomAttribute_Parent, TOKEN(T_TypeDef, r),
		  &first, &end);
	for (uint32_t pos = first; pos < end; pos++)
		md_lookup_row(img, T_CustomAttribute, CustomAttribute_Parent, pos);
	md_lookup(img, T_InterfaceImpl, InterfaceImpl_Class, r, &first, &end);
	md_lookup(img, T_GenericParam, GenericParam_Owner, TOKEN(T_TypeDef, r),
		  &first, &end);
	md_lookup1(img, T_ClassLayout, ClassLayout_Parent, r);
	buf_clear(&f->b);
	sig_print_token(&f->b, img, TOKEN(T_TypeDef, r), true, NULL);
}

static void typeref_step(Fuzz *f, uint32_t r)
{
	buf_clear(&f->b);
	sig_print_token(&f->b, f->img, TOKEN(T_TypeRef, r), true, NULL);
}

static void owner_step(Fuzz *f, uint32_t r)
{
	md_owner_of_field(f->img, r);
	md_owner_of_method(f->img, r);
}

static void check_names(Fuzz *f)
{
	Image *img = f->img;
	each(typedef_step, f, md_rows(img, T_TypeDef));
	each(typeref_step, f, md_rows(img, T_TypeRef));
	uint32_t n = md_rows(img, T_Field);
	if (n < md_rows(img, T_MethodDef))
		n = md_rows(img, T_MethodDef);
	each(owner_step, f, n);
}

/* ---- signatures ---- */
static void field_step(Fuzz *f, uint32_t r)
{
	sig_field(f->img, &f->a, md_get(f->img, T_Field, r, Field_Signature));
	buf_clear(&f->b);
	sig_print_member(&f->b, f->img, &f->a, TOKEN(T_Field, r));
}

static void methoddef_step(Fuzz *f, uint32_t r)
{
	Image *img = f->img;
	MethodSig *m = sig_method(img, &f->a, md_get(img, T_MethodDef, r, MethodDef_Signature));
	buf_clear(&f->b);
	sig_print_method(&f->b, img, m, "m", NULL);
	buf_clear(&f->b);
	sig_print_member(&f->b, img, &f->a, TOKEN(T_MethodDef, r));
}

static void memberref_step(Fuzz *f, uint32_t r)
{
	Image *img = f->img;
	uint32_t blob = md_get(img, T_MemberRef, r, MemberRef_Signature);
	Blob b = md_blob(img, blob);
	if (b.len && b.p[0] == SIG_FIELD)
		sig_field(img, &f->a, blob);
	else
		sig_method(img, &f->a, blob);
	buf_clear(&f->b);
	sig_print_member(&f->b, img, &f->a, TOKEN(T_MemberRef, r));
}

static void standalonesig_step(Fuzz *f, uint32_t r)
{
	Image *img = f->img;
	uint32_t blob = md_get(img, T_StandAloneSig, r, StandAloneSig_Signature);
	Blob b = md_blob(img, blob);
	buf_clear(&f->b);
	if (b.len && b.p[0] == SIG_LOCAL) {
		LocalsSig ls = sig_locals(img, &f->a, TOKEN(T_StandAloneSig, r));
		for (uint32_t i = 0; i < ls.count; i++)
			sig_print_type(&f->b, img, ls.types[i], NULL);
	} else if (b.len && b.p[0] == SIG_FIELD) {
		sig_print_type(&f->b, img, sig_field(img, &f->a, blob), NULL);
	} else {
		sig_print_method(&f->b, img, sig_method(img, &f->a, blob), "", NULL);
	}
}

static void property_step(Fuzz *f, uint32_t r)
{
	MethodSig *m = sig_property(f->img, &f->a,
				    md_get(f->img, T_Property, r, Property_Type));
	buf_clear(&f->b);
	sig_print_method(&f->b, f->img, m, "p", NULL);
}

static void typespec_step(Fuzz *f, uint32_t r)
{
	sig_typespec(f->img, &f->a, r);
	buf_clear(&f->b);
	sig_print_token(&f->b, f->img, TOKEN(T_TypeSpec, r), true, NULL);
}

static void methodspec_step(Fuzz *f, uint32_t r)
{
	uint32_t n;
	TypeSig **args;
	sig_methodspec(f->img, &f->a, r, &n, &args);
	buf_clear(&f->b);
	sig_print_member(&f->b, f->img, &f->a, TOKEN(T_MethodSpec, r));
}

static void check_sigs(Fuzz *f)
{
	Image *img = f->img;
	each(field_step, f, md_rows(img, T_Field));
	each(methoddef_step, f, md_rows(img, T_MethodDef));
	each(memberref_step, f, md_rows(img, T_MemberRef));
	each(standalonesig_step, f, md_rows(img, T_StandAloneSig));
	each(property_step, f, md_rows(img, T_Property));
	each(typespec_step, f, md_rows(img, T_TypeSpec));
	each(methodspec_step, f, md_rows(img, T_MethodSpec));
}

/* ---- method bodies ---- */
static void body_step(Fuzz *f, uint32_t r)
{
	MethodBody body;
	if (!md_body(f->img, &f->a, r, &body))
		return;
	sig_locals(f->img, &f->a, body.local_sig);
	il_check(f->img, &body, "m");
}

/* As the dump does: each instruction decoded alone, its operand printed. */
static void operands_step(Fuzz *f, uint32_t r)
{
	Image *img = f->img;
	MethodBody body;
	if (!md_body(img, &f->a, r, &body))
		return;
	Instr in;
	for (uint32_t off = 0; off < body.code_size; ) {
		off = il_decode(img, &body, off, &in);
		buf_clear(&f->b);
		if (op_info[in.op].operand == OPK_SWITCH)
			for (uint32_t i = 0; i < in.ncases; i++)
				il_switch_target(&in, i);
		if (op_info[in.op].operand != OPK_TOKEN)
			continue;
		switch (TOK_TABLE(in.token)) {
		case T_UserString: md_userstring(img, TOK_ROW(in.token)); break;
		case T_StandAloneSig: {        /* calli */
			uint32_t blob = md_get(img, T_StandAloneSig, TOK_ROW(in.token),
					       StandAloneSig_Signature);
			sig_print_method(&f->b, img, sig_method(img, &f->a, blob), "", NULL);
			break;
		}
		case T_TypeDef: case T_TypeRef: case T_TypeSpec:
			sig_print_token(&f->b, img, in.token, true, NULL);
			break;
		default:
			sig_print_member(&f->b, img, &f->a, in.token);
		}
	}
}

static void check_methods(Fuzz *f)
{
	each(body_step, f, md_rows(f->img, T_MethodDef));
	each(operands_step, f, md_rows(f->img, T_MethodDef));
}

/* ---- custom attributes ---- */
static void attr_step(Fuzz *f, uint32_t r)
{
	Attribute at;
	attr_decode(f->img, &f->a, r, &at);
	buf_clear(&f->b);
	sig_print_member(&f->b, f->img, &f->a, at.ctor);
	for (uint32_t i = 0; i < at.nfixed; i++)
		attr_print_value(&f->b, &at.fixed[i]);
	for (uint32_t i = 0; i < at.nnamed; i++)
		attr_print_value(&f->b, &at.named[i].value);
}

static void check_attrs(Fuzz *f)
{
	each(attr_step, f, md_rows(f->img, T_CustomAttribute));
}

/* ---- entry point ---- */

/* A failed md_open_mem() leaves no Image, so its arena cannot be freed
 * through the API; left alone it leaks a 64 KiB chunk per bad header, which
 * soon fills memory. While opening, the blocks malloc hands out are noted
 * (sanitizer malloc hooks), and on failure those still live are freed. */
enum { MAX_OPEN_BLOCKS = 64 };
static bool opening;
static void *open_blocks[MAX_OPEN_BLOCKS];
static unsigned nopen_blocks;

static void on_malloc(const volatile void *p, size_t size)
{
	if (opening && nopen_blocks < MAX_OPEN_BLOCKS)
		open_blocks[nopen_blocks++] = (void *)p;
}

static void on_free(const volatile void *p)
{
	if (!opening)
		return;
	for (unsigned i = 0; i < nopen_blocks; i++)
		if (open_blocks[i] == p) {
			open_blocks[i] = open_blocks[--nopen_blocks];
			break;
		}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	diag_quiet = true;
	__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
	return 0;
}

static const uint8_t *in_data;
static size_t in_size;

static void open_step(Fuzz *f, uint32_t i)
{
	f->img = md_open_mem("fuzz", in_data, in_size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Fuzz f = {0};
	in_data = data, in_size = size;
	nopen_blocks = 0;
	opening = true;
	bool opened = attempt(open_step, &f, 0);
	opening = false;
	if (!opened) {
		for (unsigned i = 0; i < nopen_blocks; i++)
			free(open_blocks[i]);
		return 0;
	}
	check_rows(&f);
	check_lists(&f);
	check_names(&f);
	check_sigs(&f);
	check_methods(&f);
	check_attrs(&f);
	arena_free(&f.a);
	buf_free(&f.b);
	md_close(f.img);
	return 0;
}
