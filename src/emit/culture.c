/* culture: the named cultures a program gets (docs/design.md, "Named
 * cultures, code pages and a second corpus").
 *
 * Mono's runtime carries the data of every culture; ilcc builds in only
 * those a program names, once it reaches CultureInfo's named
 * constructors: as string constants ("de-DE", case as written or not);
 * in two pieces, a language and a region both constants ("de", "AT": a
 * name made at run time from them); by number (`ldc.i4 N` just before a
 * call into CultureInfo or RegionInfo); the culture CreateSpecificCulture
 * makes of a named neutral one; every culture when the program reaches
 * CultureInfo.GetCultures (its list, in Mono's order, is all of them);
 * the ones the class library names itself where the program reaches
 * that code (lib_named: the calendars' cultures); and the parents of all
 * these. A name built otherwise at run time is not
 * found (CultureNotFoundException). The data is the installed mono's own,
 * written at build time by tools/cultures.cs into cultures.txt beside
 * ilcc: one culture a line, RT_CULTURE_FIELDS texts separated by tabs
 * (runtime/icall_culture.c says what each is) and the neutral culture's
 * specific one. RegionInfo's data (regions.txt) is built in for the
 * regions named as constants and the territories of the cultures built
 * in.
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
	char name[24], specific[24], territory[8];
	int lcid, parent;
	bool used;
} Culture;

enum { CF_TERRITORY = 9, CF_SPECIFIC = RT_CULTURE_FIELDS };

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

/* Field `field` of line c (0-based), from the start of the line. */
static const char *field_at(const Culture *c, int field)
{
	const char *s = c->line;
	for (int i = 0; i < field; i++)
		s = memchr(s, '\t', c->len - (size_t)(s - c->line)) + 1;
	return s;
}

static int field_int(const Culture *c, int field) { return atoi(field_at(c, field)); }

/* Field `field` of c into out (empty if it is null or too long). */
static void field_copy(const Culture *c, int field, char *out, size_t size)
{
	const char *s = field_at(c, field), *end = c->line + c->len;
	size_t k = strcspn(s, "\t\n");
	if (s + k > end)
		k = (size_t)(end - s);
	if (k >= size || (k == 1 && *s == 1))
		k = 0;
	memcpy(out, s, k);
	out[k] = 0;
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
		if (tabs != CF_SPECIFIC)
			fatal("%s: line %u has %d fields, not %d (make writes it: run make again)",
			      path, *n + 1, tabs + 1, CF_SPECIFIC + 1);
		size_t k = strcspn(s, "\t");
		if (k >= sizeof c->name)
			fatal("%s: a culture name is too long", path);
		memcpy(c->name, s, k);
		c->name[k] = 0;
		c->lcid = field_int(c, 1);
		c->parent = field_int(c, 2);
		field_copy(c, CF_SPECIFIC, c->specific, sizeof c->specific);
		field_copy(c, CF_TERRITORY, c->territory, sizeof c->territory);
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
	bool *piece;                    /* per culture: its language or region is a constant */
} Named;

/* A constant that is a culture's name marks it; one that is its
 * language ("de") or its region ("AT") marks half of it. */
static void mark_one(const char *s, void *ctx)
{
	Named *nm = ctx;
	for (uint32_t c = 0; s[0] && s[1] && c < nm->n; c++) {
		Culture *cu = &nm->v[c];
		const char *dash = strchr(cu->name, '-');
		if (!strcasecmp(s, cu->name))
			cu->used = true;
		else if (dash && !strncasecmp(s, cu->name, (size_t)(dash - cu->name)) &&
			 !s[dash - cu->name])
			nm->piece[2 * c] = true;
		else if (dash && !strcasecmp(s, dash + 1))
			nm->piece[2 * c + 1] = true;
	}
}

/* A name built at run time from a language and a region, both constants:
 * "de" + "-" + "AT". */
static void mark_pieces(Named *nm)
{
	for (uint32_t c = 0; c < nm->n; c++)
		if (nm->piece[2 * c] && nm->piece[2 * c + 1])
			nm->v[c].used = true;
}

static void mark_lcid(Culture *v, uint32_t n, int32_t lcid)
{
	for (uint32_t c = 0; c < n; c++)
		if (v[c].lcid == lcid)
			v[c].used = true;
}

static uint32_t le32(const uint8_t *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }

/* Is tok a MemberRef of CultureInfo or RegionInfo? */
static bool culture_member(Image *img, uint32_t tok)
{
	uint32_t row = TOK_ROW(tok);
	if (TOK_TABLE(tok) != T_MemberRef || !row || row > md_rows(img, T_MemberRef))
		return false;
	uint32_t parent = md_get(img, T_MemberRef, row, MemberRef_Class);
	if (TOK_TABLE(parent) != T_TypeRef)
		return false;
	const char *name = md_string(img, md_get(img, T_TypeRef, TOK_ROW(parent), TypeRef_Name));
	return !strcmp(name, "CultureInfo") || !strcmp(name, "RegionInfo");
}

/* Cultures by number: `ldc.i4 N; call/newobj` of CultureInfo or
 * RegionInfo anywhere in the image's bytes (a false match builds in one
 * culture more). */
static void mark_numbers(Image *img, Culture *v, uint32_t n)
{
	for (size_t i = 0; i + 10 <= img->size; i++)
		if (img->data[i] == 0x20 && (img->data[i + 5] == 0x28 || img->data[i + 5] == 0x73) &&
		    culture_member(img, le32(img->data + i + 6)))
			mark_lcid(v, n, (int32_t)le32(img->data + i + 1));
}

/* CreateSpecificCulture of a neutral culture makes its specific one. */
static void mark_specific(Culture *v, uint32_t n)
{
	for (uint32_t c = 0; c < n; c++)
		for (uint32_t s = 0; v[c].used && v[c].specific[0] && s < n; s++)
			if (!strcmp(v[s].name, v[c].specific))
				v[s].used = true;
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

/* ---- regions (regions.txt: a name, then RegionInfo's fields) ---- */
enum { REGION_FIELDS = 11 };

typedef struct Regions {
	MappedFile mf;
	const char *line[512];
	size_t len[512];
	bool used[512];
	uint32_t n;
} Regions;

static bool read_regions(Regions *r)
{
	const char *path = emit_support_path("regions.txt");
	if (!path || !map_file(path, &r->mf)) {
		note("regions.txt is not beside ilcc: no RegionInfo");
		return false;
	}
	const char *s = (const char *)r->mf.data, *end = s + r->mf.size;
	for (r->n = 0; s < end && r->n < countof(r->line); r->n++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			nl = end;
		r->line[r->n] = s;
		r->len[r->n] = (size_t)(nl - s);
		s = nl + 1;
	}
	return true;
}

static bool region_is(const Regions *r, uint32_t i, const char *name)
{
	size_t k = strcspn(r->line[i], "\t");
	return strlen(name) == k && !strncasecmp(r->line[i], name, k);
}

static void mark_region(const char *s, void *ctx)
{
	Regions *r = ctx;
	for (uint32_t i = 0; i < r->n; i++)
		if (region_is(r, i, s))
			r->used[i] = true;
}

static void region_table(Buf *b, const char *line, size_t len, uint32_t k)
{
	buf_printf(b, "static const char *const region_%u[%d] = {", k, REGION_FIELDS);
	const char *s = line, *end = line + len;
	for (int f = 0; f < REGION_FIELDS; f++) {
		const char *tab = memchr(s, '\t', (size_t)(end - s));
		if (!tab)
			tab = end;
		c_string(b, s, (size_t)(tab - s));
		buf_puts(b, ", ");
		s = tab < end ? tab + 1 : end;
	}
	buf_puts(b, "};\n");
}

/* The regions the program names or its cultures' territories; returns
 * how many were written. */
static uint32_t emit_regions(Program *p, Buf *b, const Culture *v, uint32_t n)
{
	static Regions r;
	memset(&r, 0, sizeof r);
	if (!reached_call("RegionInfo", "construct_internal_region_from_name", 1) || !read_regions(&r))
		return 0;
	emit_user_strings(p->img, mark_region, &r);
	for (uint32_t c = 0; c < n; c++)
		if (v[c].used && v[c].territory[0])
			mark_region(v[c].territory, &r);
	uint32_t used = 0;
	for (uint32_t i = 0; i < r.n; i++)
		if (r.used[i])
			region_table(b, r.line[i], r.len[i], used++);
	if (used) {
		buf_puts(b, "static const char *const *const prog_regions[] = {");
		for (uint32_t k = 0; k < used; k++)
			buf_printf(b, " region_%u,", k);
		buf_puts(b, " };\n");
	}
	unmap_file(&r.mf);
	return used;
}

static void region_offsets(Buf *b, uint32_t used)
{
	static const char *const fields[] = { "regionId", "iso2Name", "iso3Name", "win3Name",
		"englishName", "nativeName", "currencySymbol", "isoCurrencySymbol",
		"currencyEnglishName", "currencyNativeName" };
	if (!used)
		return;
	buf_printf(b, "\t.regions = prog_regions,\n\t.nregions = %u,\n", used);
	offsets(b, "region_off", ty_corlib_type("System.Globalization", "RegionInfo"), fields,
		countof(fields));
}

/* Does the program name, as a string constant, a culture whose default
 * calendar is not Gregorian (th, ar, ps and their specific cultures)?
 * CultureInfo.CreateCalendar then keeps the calendar classes it names
 * (il2c_reflect.c follows_names); other programs do without them
 * (Hello World: 14.6 KB). Not seen: such a culture by number, or by
 * CultureInfo.GetCultures. */
typedef struct Calendars { Culture *v; uint32_t n; bool found; } Calendars;

static void other_calendar(const char *s, void *ctx)
{
	Calendars *k = ctx;
	for (uint32_t i = 0; i < k->n && !k->found; i++)
		k->found = !strcasecmp(k->v[i].name, s) && field_int(&k->v[i], 3) >> 8 != 1;
}

bool emit_names_other_calendar(Program *p)
{
	MappedFile mf;
	Calendars k = { 0 };
	k.v = read_cultures(&mf, &k.n);
	if (!k.v)
		return false;
	emit_user_strings(p->img, other_calendar, &k);
	free(k.v);
	unmap_file(&mf);
	return k.found;
}

/* The class library's own constant culture names: a calendar's
 * constructor checks its culture exists (TaiwanCalendar makes zh-TW and
 * throws TypeInitializationException without it), the era of a calendar
 * built on GregorianCalendarHelper is read from its culture's calendar
 * data (CalendarData.CalendarIdToCultureName), and DateTime parsing with
 * those calendars reads the culture's formats. */
static const struct { const char *type, *method; int nparams; const char *culture; } lib_named[] = {
	{ "JapaneseCalendar", ".ctor", 0, "ja-JP" },
	{ "KoreanCalendar", ".ctor", 0, "ko-KR" },
	{ "TaiwanCalendar", ".ctor", 0, "zh-TW" },
	{ "ThaiBuddhistCalendar", ".ctor", 0, "th-TH" },  /* its era: CalendarData by culture */
	{ "DateTimeFormatInfo", "GetJapaneseCalendarDTFI", 0, "ja-JP" },
	{ "DateTimeFormatInfo", "GetTaiwanCalendarDTFI", 0, "zh-TW" },
};

static void mark_library_named(Named *nm)
{
	for (size_t i = 0; i < countof(lib_named); i++)
		if (reached_call(lib_named[i].type, lib_named[i].method, lib_named[i].nparams))
			mark_one(lib_named[i].culture, nm);
}

/* Which cultures the program gets (the contract at the top). */
static void mark_cultures(Program *p, Culture *v, uint32_t n)
{
	bool *piece = calloc(2 * (size_t)n, sizeof *piece);
	Named nm = { v, n, piece };
	emit_user_strings(p->img, mark_one, &nm);
	mark_library_named(&nm);
	mark_pieces(&nm);
	free(piece);
	mark_numbers(p->img, v, n);
	if (reached_call("CultureInfo", "CreateSpecificCultureFromNeutral", 1))
		mark_specific(v, n);
	for (uint32_t c = 0; c < n && reached_call("CultureInfo", "internal_get_cultures", 3); c++)
		v[c].used = true;
	mark_parents(v, n);
}

/* The cultures the program names and where their data goes (before
 * rt_known). */
void emit_cultures(Program *p, Buf *b)
{
	have_cultures = false;
	if (!reached_call("CultureInfo", "construct_internal_locale_from_name", 1) &&
	    !reached_call("CultureInfo", "construct_internal_locale_from_lcid", 1) &&
	    !reached_call("CultureInfo", "internal_get_cultures", 3) &&
	    !reached_call("RegionInfo", "construct_internal_region_from_name", 1))
		return;
	MappedFile mf;
	uint32_t n = 0, used = 0;
	Culture *v = read_cultures(&mf, &n);
	if (!v)
		return;
	mark_cultures(p, v, n);
	for (uint32_t c = 0; c < n; c++)
		if (v[c].used)
			culture_table(b, &v[c], used++);
	uint32_t regions = emit_regions(p, b, v, n);
	free(v);
	unmap_file(&mf);
	if (!used && !regions)
		return;
	buf_puts(b, "static const char *const *const prog_cultures[] = {");
	for (uint32_t k = 0; k < used; k++)
		buf_printf(b, " culture_%u,", k);
	buf_printf(b, " NULL };\nstatic const RtCultureKnown prog_culture_known = {\n"
		   "\t.calls = &rt_culture_calls,\n"
		   "\t.cultures = prog_cultures,\n\t.ncultures = %u,\n", used);
	culture_offsets(b);
	region_offsets(b, regions);
	buf_puts(b, "};\n");
	have_cultures = true;
}

/* CultureInfo.internal_get_cultures(neutral, specific, installed), as
 * Mono's runtime answers it: an array of CultureInfo, each made by the
 * parameterless constructor and filled from the table in Mono's order,
 * with m_useUserOverride set; a null first element when neutral (the
 * managed caller puts a copy of the invariant culture there). */
void e_get_cultures(Fn *f)
{
	Type *ci = f->m->owner, *arr = ty_sz(ci);
	reach_type(f->p, arr, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	e_out(f, "int32_t n = rt_cultures_count(a0, a1) + (a0 != 0);");
	e_out(f, "RtArray *arr = rt_gc_alloc_array(&%s_type, n);", arr->cname);
	e_out(f, "if (!arr) return NULL;");
	e_out(f, "for (int32_t i = 0, k = a0 != 0; k < n; i++) {");
	e_out(f, "if (rt_cultures_listed(i, a0, a1) < 0) continue;");
	e_construct(f, ci, "o", "build-time substitution: CultureInfo.GetCultures");
	e_out(f, "rt_cultures_construct(o, i);");
	e_out(f, "%s = 1;", e_field_lv(f, ci, "o", "m_useUserOverride"));
	e_out(f, "RT_WRITE_REF(&RT_ARRAY_DATA(arr, Object *)[k++], o);");
	e_out(f, "}");
	e_out(f, "return (Object *)arr;");
}

/* rt_known's culture field (inside its initializer). */
void emit_culture_known(Program *p, Buf *b)
{
	(void)p;
	if (have_cultures)
		buf_puts(b, "\t.cultures = &prog_culture_known,\n");
}
