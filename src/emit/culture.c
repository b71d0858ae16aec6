/* culture: the named cultures a program gets (docs/design.md, "Named
 * cultures, code pages and a second corpus").
 *
 * Mono's runtime carries the data of every culture; ilcc builds in only
 * those a program names as string constants ("de-DE", case as written or
 * not) and their parents, once the program reaches CultureInfo's named
 * constructors. The data is the installed mono's own, written at build
 * time by tools/cultures.cs into cultures.txt beside ilcc: one culture a
 * line, RT_CULTURE_FIELDS texts separated by tabs (runtime/icall_culture.c
 * says what each is).
 *
 * Requires: reachability done (the internal calls reached, the types laid
 * out); the program's user strings.
 * Produces: in data.c, the culture table and rt_known's fields for it.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <string.h>
#include <strings.h>

typedef struct Culture {
	const char *line;               /* in the mapped file */
	size_t len;
	char name[24];
	int lcid, parent;
	bool used;
} Culture;

static bool reached_call(const char *type, const char *name, int nparams)
{
	Method *m = ty_find_method(ty_corlib_type("System.Globalization", type), name, nparams);
	MethodState *ms = m ? m->user : NULL;
	return ms && ms->reason;
}

static bool laid_out(Type *t)
{
	TypeState *ts = t->user;
	return ts && (ts->needs & TN_LAYOUT);
}

/* Field `text`'s number of line c (0-based field). */
static int field_int(const Culture *c, int field)
{
	const char *s = c->line;
	for (int i = 0; i < field; i++)
		s = memchr(s, '\t', c->len - (size_t)(s - c->line)) + 1;
	return atoi(s);
}

static Culture *read_cultures(MappedFile *mf, uint32_t *n)
{
	const char *path = emit_support_path("cultures.txt");
	if (!path || !map_file(path, mf)) {
		note("cultures.txt is not beside ilcc: no named cultures");
		return NULL;
	}
	const char *s = (const char *)mf->data, *end = s + mf->size;
	uint32_t cap = 0;
	Culture *v = NULL;
	for (*n = 0; s < end; (*n)++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			nl = end;
		if (*n == cap)
			v = realloc(v, (cap = cap ? 2 * cap : 512) * sizeof *v);
		Culture *c = &v[*n];
		*c = (Culture){ .line = s, .len = (size_t)(nl - s) };
		int tabs = 0;
		for (const char *t = s; t < nl; t++)
			tabs += *t == '\t';
		if (tabs != RT_CULTURE_FIELDS - 1)
			fatal("%s: line %u has %d fields, not %d (make writes it: run make again)",
			      path, *n + 1, tabs + 1, RT_CULTURE_FIELDS);
		size_t k = strcspn(s, "\t");
		if (k >= sizeof c->name)
			fatal("%s: a culture name is too long", path);
		memcpy(c->name, s, k);
		c->name[k] = 0;
		c->lcid = field_int(c, 1);
		c->parent = field_int(c, 2);
		s = nl + 1;
	}
	return v;
}

/* Calls fn for each user string of img that is ASCII and shorter than
 * 40 characters. */
void emit_user_strings(Image *img, void (*fn)(const char *s, void *ctx), void *ctx)
{
	const uint8_t *d = img->us.data;
	for (uint32_t i = 1; i < img->us.size;) {
		uint32_t len = d[i], hdr = 1;
		if (len & 0x80) {               /* longer ones are not wanted */
			if ((len & 0xc0) != 0x80 || i + 1 >= img->us.size)
				break;
			len = (len & 0x3fu) << 8 | d[i + 1], hdr = 2;
		}
		uint32_t chars = len / 2, k = 0;
		char s[40];
		if (chars < sizeof s && i + hdr + len <= img->us.size) {
			const uint8_t *u = d + i + hdr;
			for (; k < chars && u[2 * k + 1] == 0 && u[2 * k] && u[2 * k] < 0x80; k++)
				s[k] = (char)u[2 * k];
			s[k] = 0;
			if (k == chars)
				fn(s, ctx);
		}
		i += hdr + len;
	}
}

typedef struct Named {
	Culture *v;
	uint32_t n;
} Named;

static void mark_one(const char *s, void *ctx)
{
	Named *nm = ctx;
	for (uint32_t c = 0; s[0] && s[1] && c < nm->n; c++)
		if (!strcasecmp(s, nm->v[c].name))
			nm->v[c].used = true;
}

static void mark_parents(Culture *v, uint32_t n)
{
	for (bool more = true; more;) {
		more = false;
		for (uint32_t c = 0; c < n; c++)
			for (uint32_t p = 0; v[c].used && p < n; p++)
				if (!v[p].used && v[p].lcid == v[c].parent)
					v[p].used = more = true;
	}
}

/* One text as a C string literal. */
static void c_string(Buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '?')
			buf_putc(b, (char)ch);
		else
			buf_printf(b, "\\%03o", ch);
	}
	buf_putc(b, '"');
}

static void culture_table(Buf *b, const Culture *c, uint32_t k)
{
	buf_printf(b, "static const char *const culture_%u[%d] = {\n", k, RT_CULTURE_FIELDS);
	const char *s = c->line, *end = c->line + c->len;
	for (int f = 0; f < RT_CULTURE_FIELDS; f++) {
		const char *tab = memchr(s, '\t', (size_t)(end - s));
		if (!tab)
			tab = end;
		buf_puts(b, "\t");
		c_string(b, s, (size_t)(tab - s));
		buf_puts(b, ",\n");
		s = tab < end ? tab + 1 : end;
	}
	buf_puts(b, "};\n");
}


/* The C name of field `name` of t (fatal if the class library has none). */
static const char *field_cname(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t f = 0; f < ti->nfields; f++)
		if (!strcmp(ti->fields[f]->name, name))
			return ti->fields[f]->cname;
	fatal("the class library's %s has no field %s", t->name, name);
}

static void offsets(Buf *b, const char *key, Type *t, const char *const *names, size_t n)
{
	if (!laid_out(t))
		return;
	buf_printf(b, "\t.%s = {", key);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, " offsetof(struct %s, %s),", t->cname, field_cname(t, names[i]));
	buf_puts(b, " },\n");
}

/* The fields the internal calls set (RtCultureKnown). */
static void culture_offsets(Buf *b)
{
	static const char *const info[] = { "m_name", "cultureID", "parent_lcid",
		"default_calendar_type", "englishname", "nativename", "iso3lang", "iso2lang",
		"win3lang", "territory", "native_calendar_names" };
	static const char *const more[] = { "datetime_index", "number_index", "textinfo_data" };
	static const char *const data[] = { "sAM1159", "sPM2359", "sTimeSeparator",
		"saLongTimes", "saShortTimes", "iFirstDayOfWeek", "iFirstWeekOfYear" };
	static const char *const cal[] = { "sNativeName", "saShortDates", "saYearMonths",
		"saLongDates", "sMonthDay", "saDayNames", "saAbbrevDayNames",
		"saSuperShortDayNames", "saMonthNames", "saAbbrevMonthNames",
		"saMonthGenitiveNames", "saAbbrevMonthGenitiveNames" };
	Type *ci = ty_corlib_type("System.Globalization", "CultureInfo");
	offsets(b, "ci_off", ci, info, countof(info));
	static const char *const keys[] = { "ci_datetime_off", "ci_number_off", "ci_textinfo_off" };
	for (size_t i = 0; i < countof(more); i++)
		buf_printf(b, "\t.%s = offsetof(struct %s, %s),\n", keys[i], ci->cname,
			   field_cname(ci, more[i]));
	offsets(b, "cd_off", ty_corlib_type("System.Globalization", "CultureData"), data,
		countof(data));
	offsets(b, "cal_off", ty_corlib_type("System.Globalization", "CalendarData"), cal,
		countof(cal));
}

static bool have_cultures;

/* The cultures the program names and where their data goes (before
 * rt_known). */
void emit_cultures(Program *p, Buf *b)
{
	have_cultures = false;
	if (!reached_call("CultureInfo", "construct_internal_locale_from_name", 1) &&
	    !reached_call("CultureInfo", "construct_internal_locale_from_lcid", 1))
		return;
	MappedFile mf;
	uint32_t n = 0, used = 0;
	Culture *v = read_cultures(&mf, &n);
	if (!v)
		return;
	emit_user_strings(p->img, mark_one, &(Named){ v, n });
	mark_parents(v, n);
	for (uint32_t c = 0; c < n; c++)
		if (v[c].used)
			culture_table(b, &v[c], used++);
	free(v);
	unmap_file(&mf);
	if (!used)
		return;
	buf_puts(b, "static const char *const *const prog_cultures[] = {");
	for (uint32_t k = 0; k < used; k++)
		buf_printf(b, " culture_%u,", k);
	buf_printf(b, " };\nstatic const RtCultureKnown prog_culture_known = {\n"
		   "\t.calls = &rt_culture_calls,\n"
		   "\t.cultures = prog_cultures,\n\t.ncultures = %u,\n", used);
	culture_offsets(b);
	buf_puts(b, "};\n");
	have_cultures = true;
}

/* rt_known's culture field (inside its initializer). */
void emit_culture_known(Program *p, Buf *b)
{
	(void)p;
	if (have_cultures)
		buf_puts(b, "\t.cultures = &prog_culture_known,\n");
}
