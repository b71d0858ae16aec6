/* icall_culture: named cultures, as Mono's runtime hands their data to the
 * class library (CultureInfo.construct_internal_locale_from_name/_lcid,
 * CultureData.fill_culture_data/fill_number_data,
 * CalendarData.fill_calendar_data).
 *
 * Requires: rt_known.cultures, the cultures the program names as string
 * constants (src/emit/culture.c writes them from the installed mono's data,
 * tools/cultures.cs), each an array of RT_CULTURE_FIELDS texts in the order
 * below, with the offsets of the fields these calls set.
 * Produces: rt_culture_calls, which culture_calls.c's internal calls use
 * (culture.c's table points to it): CultureInfo, CultureData and
 * CalendarData filled as Mono fills them; a culture not in the table is
 * not found (CultureNotFoundException), as every culture was before
 * (DESIGN.md: invariant only; docs/design.md, "Named cultures, code
 * pages and a second corpus").
 *
 * In a text, an array's elements are separated by 0x1F, a null string or
 * array is 0x01 and an empty array 0x02. CultureInfo's datetime_index and
 * number_index are the culture's place in the table: the fill_ calls find
 * it again by that index.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FIELD(o, off, T) (*(T *)((char *)(o) + (off)))

/* the texts of a culture, in tools/cultures.cs's order */
enum {
	CU_NAME, CU_LCID, CU_PARENT, CU_CALENDAR, CU_TERRITORY = 9, CU_INFO_END = 11,
	CU_ANSI = 11, CU_EBCDIC, CU_MAC, CU_OEM, CU_RTL, CU_LISTSEP,
	CU_DATA = 17, CU_DATA_END = 24,
	CU_NUMBER = 24, CU_NUMBER_END = 47,
	CU_CALDATA = 47, CU_CALDATA_END = 59,
};
_Static_assert(CU_CALDATA_END == RT_CULTURE_FIELDS, "culture fields");

/* Is text i of each group a string (s), an array of strings (a) or a
 * number (i)? Same order as the offsets in rt_known. */
static const char info_kinds[] = "siiissssssa";
static const char data_kinds[] = "sssaaii";
static const char number_kinds[] = "issiiiissssissiiisiisss";
static const char calendar_kinds[] = "saaasaaaaaaa";
_Static_assert(sizeof number_kinds - 1 == CU_NUMBER_END - CU_NUMBER, "number fields");

/* the Data struct behind CultureInfo.textinfo_data */
typedef struct TextInfoData {
	int32_t ansi, ebcdic, mac, oem;
	uint8_t right_to_left, list_sep;
} TextInfoData;

typedef struct Made {
	TextInfoData ti;
	char *strings;          /* fill_number_data's strings */
	int32_t offs[CU_NUMBER_END - CU_NUMBER];
} Made;

static Made **made;             /* per culture, made on first use */

static const char *text(int32_t c, int f) { return rt_known.cultures->cultures[c][f]; }

static uint32_t ncultures(void) { return rt_known.cultures->ncultures; }

static Object *str_of(const char *s, size_t n)
{
	if (n == 1 && *s == 1)
		return NULL;
	char *t = rt_gc_alloc_raw(n + 1, true);
	memcpy(t, s, n);
	t[n] = 0;
	return (Object *)rt_str_from_utf8(t);
}

static Object *array_of(const char *s)
{
	if (!strcmp(s, "\x01"))
		return NULL;
	if (!strcmp(s, "\x02"))
		return (Object *)rt_gc_alloc_array(rt_known.string_array, 0);
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == 0x1f;
	RtArray *a = rt_gc_alloc_array(rt_known.string_array, (intptr_t)n);
	for (size_t i = 0; i < n; i++) {
		const char *e = strchr(s, 0x1f);
		size_t len = e ? (size_t)(e - s) : strlen(s);
		RT_WRITE_REF(&RT_ARRAY_DATA(a, Object *)[i], str_of(s, len));
		s += len + 1;
	}
	return (Object *)a;
}

/* Sets the fields of `o` at `offs` from texts first.. of culture c. */
static void set_fields(Object *o, int32_t c, int first, const char *kinds, const uint32_t *offs)
{
	for (int i = 0; kinds[i]; i++) {
		const char *s = text(c, first + i);
		if (kinds[i] == 'i')
			FIELD(o, offs[i], int32_t) = atoi(s);
		else
			RT_WRITE_REF(&FIELD(o, offs[i], Object *),
				     kinds[i] == 'a' ? array_of(s) : str_of(s, strlen(s)));
	}
}

static Made *made_for(int32_t c)
{
	if (!made) {
		Made **m = calloc(ncultures(), sizeof *m);
		Made **none = NULL;
		if (!__atomic_compare_exchange_n(&made, &none, m, false, __ATOMIC_ACQ_REL,
						 __ATOMIC_ACQUIRE))
			free(m);
	}
	Made *d = __atomic_load_n(&made[c], __ATOMIC_ACQUIRE);
	if (d)
		return d;
	d = calloc(1, sizeof *d);
	d->ti = (TextInfoData){ atoi(text(c, CU_ANSI)), atoi(text(c, CU_EBCDIC)),
				atoi(text(c, CU_MAC)), atoi(text(c, CU_OEM)),
				(uint8_t)atoi(text(c, CU_RTL)), (uint8_t)atoi(text(c, CU_LISTSEP)) };
	size_t n = 0;
	for (int f = CU_NUMBER; f < CU_NUMBER_END; f++)
		n += strlen(text(c, f)) + 1;
	d->strings = malloc(n);
	n = 0;
	for (int f = CU_NUMBER; f < CU_NUMBER_END; f++) {
		const char *s = text(c, f);
		if (number_kinds[f - CU_NUMBER] == 'i') {
			d->offs[f - CU_NUMBER] = atoi(s);
			continue;
		}
		d->offs[f - CU_NUMBER] = (int32_t)n;
		strcpy(d->strings + n, s);
		n += strlen(s) + 1;
	}
	Made *none = NULL;
	if (!__atomic_compare_exchange_n(&made[c], &none, d, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE)) {
		free(d->strings);
		free(d);
		return none;
	}
	return d;
}

static bool construct(Object *self, int32_t c)
{
	if (c < 0)
		return false;
	set_fields(self, c, CU_NAME, info_kinds, rt_known.cultures->ci_off);
	FIELD(self, rt_known.cultures->ci_datetime_off, int32_t) = c;
	FIELD(self, rt_known.cultures->ci_number_off, int32_t) = c;
	FIELD(self, rt_known.cultures->ci_textinfo_off, const void *) = &made_for(c)->ti;
	return true;
}

static int32_t by_name(const RtString *name)
{
	char *n = name ? rt_str_to_utf8(name) : "";
	for (uint32_t c = 0; c < ncultures(); c++)
		if (!strcasecmp(n, text((int32_t)c, CU_NAME)))
			return (int32_t)c;
	return -1;
}

static bool from_name(Object *self, Object *name)
{
	return construct(self, by_name((RtString *)name));
}

static bool from_lcid(Object *self, int32_t lcid)
{
	for (uint32_t c = 0; c < ncultures(); c++)
		if (atoi(text((int32_t)c, CU_LCID)) == lcid)
			return construct(self, (int32_t)c);
	return false;
}

static void fill_culture(Object *self, int32_t c)
{
	set_fields(self, c, CU_DATA, data_kinds, rt_known.cultures->cd_off);
}

static intptr_t fill_number(int32_t c, char *nfe)
{
	Made *d = made_for(c);
	memcpy(nfe, d->offs, sizeof d->offs);
	return (intptr_t)d->strings;
}

static bool fill_calendar(Object *self, Object *name, int32_t calendar)
{
	int32_t c = by_name((RtString *)name);
	if (c < 0)
		return false;
	set_fields(self, c, CU_CALDATA, calendar_kinds, rt_known.cultures->cal_off);
	return true;
}

static const char region_kinds[] = "isssssssss";

static bool region_from_name(Object *self, Object *name)
{
	const RtCultureKnown *k = rt_known.cultures;
	char *n = name ? rt_str_to_utf8((RtString *)name) : "";
	for (uint32_t r = 0; r < k->nregions; r++)
		if (!strcmp(n, k->regions[r][0])) {
			for (int i = 0; region_kinds[i]; i++) {
				const char *s = k->regions[r][1 + i];
				if (region_kinds[i] == 'i')
					FIELD(self, k->region_off[i], int32_t) = atoi(s);
				else
					RT_WRITE_REF(&FIELD(self, k->region_off[i], Object *),
						     str_of(s, strlen(s)));
			}
			return true;
		}
	return false;
}

/* Mono's culture table marks a neutral culture by its missing territory. */
static int32_t listed(int32_t i, bool neutral, bool specific)
{
	if (i < 0 || (uint32_t)i >= ncultures())
		return -1;
	const char *t = text(i, CU_TERRITORY);
	bool is_neutral = !*t || !strcmp(t, "\x01");
	return (neutral && is_neutral) || (specific && !is_neutral) ? i : -1;
}

const RtCultureCalls rt_culture_calls = {
	from_name, from_lcid, fill_culture, fill_number, fill_calendar, region_from_name,
	listed, construct,
};
