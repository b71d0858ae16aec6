/* i18n: the code pages of Mono's I18N assemblies a program names
 * (docs/design.md, "Named cultures, code pages and a second corpus").
 *
 * Encoding.GetEncoding(1252) or ("windows-1252") reaches
 * EncodingHelper.InvokeI18N("GetEncoding", codepage), which in Mono loads
 * I18N.dll by name and makes I18N.<Region>.CP<codepage> by reflection.
 * ilcc writes that method's body instead: a switch over the code pages the
 * program names, each making its class directly. A code page is named by
 * an int constant loaded just before a call of a method named GetEncoding
 * (`ldc.i4 N; call`), or by a string constant that is an I18N encoding's
 * name (the class ENC<name>, '-' as '_', whose base is CP<codepage>) or
 * one of Mono's other names for it (EncodingTable's list: "latin2"), or,
 * in an image that calls GetEncoding, by any `ldc.i4 N` that is an I18N
 * code page (it may reach GetEncoding through a variable).
 * Other code pages give null, as Mono without the I18N assemblies: the
 * caller throws NotSupportedException. The CJK code pages read their
 * tables as I18N.CJK's manifest resources (CodeTable): resources.c builds
 * in the tables of those the program names (i18n_cjk_tables). GB18030
 * (54936) asks typeof(Assembly) for RuntimeAssembly's
 * GetManifestResourceInternal, finds none (as under Mono) and reads its
 * table as a resource stream.
 *
 * Requires: the program's image (its IL and user strings); the installed
 * I18N assemblies (absent: no code page).
 * Produces: InvokeI18N's C body and what it makes reachable.
 */
#include "il2c.h"
#include "../directives.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const regions[] = { "West", "MidEast", "Other", "Rare", "CJK" };

/* I18N.<region>.<name> of any region, or NULL. */
static Type *i18n_type(Program *p, const char *name)
{
	for (size_t i = 0; i < countof(regions); i++) {
		Type *t = directives_find_type(p, arena_printf(ty_arena(), "I18N.%s.%s, I18N.%s",
							     regions[i], name, regions[i]));
		if (t)
			return t;
	}
	return NULL;
}

typedef struct Pages {
	int32_t v[64];
	uint32_t n;
} Pages;

static void add_page(Pages *ps, int32_t cp)
{
	for (uint32_t i = 0; i < ps->n; i++)
		if (ps->v[i] == cp)
			return;
	if (ps->n < countof(ps->v))
		ps->v[ps->n++] = cp;
}

static bool calls_get_encoding(Image *img, uint32_t tok)
{
	unsigned table = TOK_TABLE(tok);
	uint32_t row = TOK_ROW(tok);
	if (table == T_MemberRef && row && row <= md_rows(img, T_MemberRef))
		return !strcmp(md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name)),
			       "GetEncoding");
	return false;
}

static uint32_t le32(const uint8_t *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }

/* `ldc.i4 N; call GetEncoding` anywhere in the image's bytes (a false
 * match only builds in one code page more). */
static void int_pages(Image *img, Pages *ps)
{
	for (size_t i = 0; i + 10 <= img->size; i++)
		if (img->data[i] == 0x20 && img->data[i + 5] == 0x28 &&
		    calls_get_encoding(img, le32(img->data + i + 6))) {
			int32_t cp = (int32_t)le32(img->data + i + 1);
			if (cp > 0 && cp < 100000)
				add_page(ps, cp);
		}
}

static bool names_get_encoding(Image *img)
{
	for (uint32_t r = 1; r <= md_rows(img, T_MemberRef); r++)
		if (!strcmp(md_string(img, md_get(img, T_MemberRef, r, MemberRef_Name)), "GetEncoding"))
			return true;
	return false;
}

/* Where the code page reaches GetEncoding through a variable (a helper
 * taking it as a parameter), every `ldc.i4 N` of the image that is an
 * I18N code page counts, once the image calls GetEncoding at all. */
static void any_pages(Program *p, Image *img, Pages *ps)
{
	if (!names_get_encoding(img))
		return;
	uint8_t seen[100000 / 8] = {0};
	for (size_t i = 0; i + 5 <= img->size; i++) {
		int32_t cp = img->data[i] == 0x20 ? (int32_t)le32(img->data + i + 1) : 0;
		if (cp < 37 || cp >= 100000 || (seen[cp / 8] & 1 << cp % 8))
			continue;
		seen[cp / 8] |= (uint8_t)(1 << cp % 8);
		if (i18n_type(p, arena_printf(ty_arena(), "CP%d", cp)))
			add_page(ps, cp);
	}
}

/* Mono's other names of code pages ("latin2", "cp866", "koi8r"...):
 * EncodingTable's static constructor makes its list as ENC("cp866", 866),
 * ..., so its IL holds each as `ldstr NAME; ldc.i4 N`. The code page of
 * name s (any case), or 0. */
static int32_t alias_page(const char *s)
{
	Type *t = ty_corlib_type("System.Globalization", "EncodingTable");
	Method *cctor = t ? ty_find_method(t, ".cctor", 0) : NULL;
	MethodBody body;
	if (!cctor || !md_body(ty_corlib, ty_arena(), cctor->row, &body))
		return 0;
	Blob name = {0};
	for (uint32_t off = 0; off < body.code_size;) {
		Instr in;
		off = il_decode(ty_corlib, &body, off, &in);
		if (in.op == OP_LDSTR) {
			name = md_userstring(ty_corlib, TOK_ROW(in.token));
			continue;
		}
		size_t n = strlen(s);
		bool same = in.op == OP_LDC_I4 && name.len == 2 * n;
		for (size_t k = 0; same && k < n; k++)
			same = !name.p[2 * k + 1] &&
			       tolower(name.p[2 * k]) == tolower((unsigned char)s[k]);
		if (same)
			return (int32_t)in.i;
		name = (Blob){0};
	}
	return 0;
}

typedef struct Named {
	Program *p;
	Pages *ps;
} Named;

/* A user string that is an I18N encoding's name: its code page. */
static void named_page(const char *s, void *ctx)
{
	Named *nm = ctx;
	size_t n = strlen(s);
	char *cls = arena_printf(ty_arena(), "ENC%s", s);
	for (size_t i = 3; i < n + 3; i++) {
		if (!isalnum((unsigned char)cls[i]) && cls[i] != '-' && cls[i] != '_')
			return;
		cls[i] = cls[i] == '-' ? '_' : (char)tolower((unsigned char)cls[i]);
	}
	Type *t = n >= 3 ? i18n_type(nm->p, cls) : NULL;
	Type *base = t ? ty_info(t)->base : NULL;
	const char *cp = base ? strrchr(base->name, '.') : NULL;
	if (cp && !strncmp(cp, ".CP", 3))
		add_page(nm->ps, atoi(cp + 3));
	int32_t alias = cp || n < 2 ? 0 : alias_page(s);
	if (alias && i18n_type(nm->p, arena_printf(ty_arena(), "CP%d", alias)))
		add_page(nm->ps, alias);
}

/* The code pages the program names. */
static void program_pages(Program *p, Pages *ps)
{
	int_pages(p->img, ps);
	any_pages(p, p->img, ps);
	emit_user_strings(p->img, named_page, &(Named){ p, ps });
}

/* The tables I18N.CJK's code pages read (its CodeTable users): the
 * Japanese ones JISConvert's jis.table; the others DbcsConvert's, whose
 * static constructor reads all three; GB18030 its own and DbcsConvert's. */
static const struct { int32_t cp; const char *tables[4]; } cjk_tables[] = {
	{ 932, { "jis.table" } }, { 51932, { "jis.table" } }, { 50220, { "jis.table" } },
	{ 50221, { "jis.table" } }, { 50222, { "jis.table" } },
	{ 936, { "gb2312.table", "big5.table", "ks.table" } },
	{ 949, { "gb2312.table", "big5.table", "ks.table" } },
	{ 51949, { "gb2312.table", "big5.table", "ks.table" } },
	{ 950, { "gb2312.table", "big5.table", "ks.table" } },
	{ 54936, { "gb18030.table", "gb2312.table", "big5.table", "ks.table" } },
};

static void add_table(const char **out, size_t *n, const char *t)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(out[i], t))
			return;
	out[(*n)++] = t;
}

size_t i18n_cjk_tables(Program *p, const char **out, size_t max)
{
	Pages ps = {0};
	size_t n = 0;
	program_pages(p, &ps);
	for (uint32_t i = 0; i < ps.n; i++)
		for (size_t k = 0; k < countof(cjk_tables); k++)
			for (int t = 0; t < 4 && cjk_tables[k].cp == ps.v[i] && cjk_tables[k].tables[t]; t++)
				if (n < max)
					add_table(out, &n, cjk_tables[k].tables[t]);
	return n;
}

/* EncodingHelper.InvokeI18N(name, args): only "GetEncoding" with a code
 * page is ever asked for. */
void e_i18n_invoke(Fn *f)
{
	Pages ps = {0};
	program_pages(f->p, &ps);
	e_out(f, "RtArray *args = (RtArray *)a1;");
	e_out(f, "if (!args || args->length < 1 || !RT_ARRAY_DATA(args, Object *)[0]) return NULL;");
	e_out(f, "int32_t cp = *(int32_t *)rt_unbox_ptr(RT_ARRAY_DATA(args, Object *)[0]);");
	e_out(f, "switch (cp) {");
	for (uint32_t i = 0; i < ps.n; i++) {
		Type *t = i18n_type(f->p, arena_printf(ty_arena(), "CP%d", ps.v[i]));
		if (!t || !ty_find_method(t, ".ctor", 0))
			continue;
		e_out(f, "case %d: {", ps.v[i]);
		e_construct(f, t, "made", "build-time substitution: a code page the program names");
		e_out(f, "return made;");
		e_out(f, "}");
	}
	e_out(f, "}");
	e_out(f, "return NULL;");
}
