/* str.c: managed strings from and to C text (rt_str_).
 *
 * Requires: rt_gc_alloc_string.
 * Provides: UTF-8 → UTF-16 decoding as .NET does it: code points above
 * U+FFFF become surrogate pairs, and each maximal ill-formed subsequence
 * (a stray continuation byte, a truncated sequence, an overlong form, an
 * encoded surrogate, a value above U+10FFFF) becomes one U+FFFD. UTF-16 →
 * UTF-8 encodes an unpaired surrogate as U+FFFD. Both scan twice, once to
 * size the result and once to fill it. A NULL input gives NULL.
 */
#include "internal.h"

#define REPLACEMENT 0xFFFD

RtString *rt_str_from_utf16(const uint16_t *s, int32_t n)
{
	RtString *r = rt_gc_alloc_string(n);
	if (r && n > 0)
		memcpy(r->chars, s, (size_t)n * 2);
	return r;
}

/* ---- UTF-8 → UTF-16 ---- */

/* Range of the second byte after lead byte c (Unicode table 3-7); the
 * later continuation bytes are always 80..BF. */
static int utf8_need(unsigned c, unsigned *lo, unsigned *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		return 1;
	if (c >= 0xE0 && c <= 0xEF) {
		if (c == 0xE0)
			*lo = 0xA0;
		if (c == 0xED)
			*hi = 0x9F;         /* no encoded surrogates */
		return 2;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (c == 0xF0)
			*lo = 0x90;
		if (c == 0xF4)
			*hi = 0x8F;         /* nothing above U+10FFFF */
		return 3;
	}
	return -1;
}

/* Decodes one code point at *p (advanced past what it used): a maximal
 * ill-formed subsequence yields REPLACEMENT. */
static uint32_t utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned lo, hi, c = *s++;
	if (c < 0x80) {
		*p = s;
		return c;
	}
	int need = utf8_need(c, &lo, &hi);
	uint32_t cp = need < 0 ? 0 : c & (0x3F >> need);
	for (int i = 0; i < need; i++, lo = 0x80, hi = 0xBF) {
		if (*s < lo || *s > hi) {
			need = -1;          /* s stays on the offending byte */
			break;
		}
		cp = cp << 6 | (*s++ & 0x3F);
	}
	*p = s;
	return need < 0 ? REPLACEMENT : cp;
}

/* The UTF-16 length of the `len` bytes at s (NULs included). */
static int32_t utf16_units(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int64_t n = 0;
	while (p < end)
		n += utf8_next(&p) > 0xFFFF ? 2 : 1;
	return n > INT32_MAX ? -1 : (int32_t)n;
}

RtString *rt_str_from_utf8(const char *s)
{
	return s ? rt_str_from_utf8n(s, strlen(s)) : NULL;
}

RtString *rt_str_from_utf8n(const char *s, size_t len)
{
	RtString *r = rt_gc_alloc_string(utf16_units(s, len));
	if (!r)
		return NULL;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	uint16_t *out = r->chars;
	while (p < end) {
		uint32_t cp = utf8_next(&p);
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			*out++ = (uint16_t)(0xD800 | cp >> 10);
			*out++ = (uint16_t)(0xDC00 | (cp & 0x3FF));
		} else {
			*out++ = (uint16_t)cp;
		}
	}
	return r;
}

/* ---- UTF-16 → UTF-8 ---- */

/* Code point at s[*i] (advanced past it); unpaired surrogates give
 * REPLACEMENT. */
static uint32_t utf16_next(const uint16_t *s, int32_t n, int32_t *i)
{
	uint32_t c = s[(*i)++];
	if (c < 0xD800 || c > 0xDFFF)
		return c;
	if (c >= 0xDC00 || *i >= n || s[*i] < 0xDC00 || s[*i] > 0xDFFF)
		return REPLACEMENT;
	return 0x10000 + ((c - 0xD800) << 10) + (s[(*i)++] - 0xDC00);
}

static int utf8_len(uint32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static char *utf8_put(char *o, uint32_t cp)
{
	switch (utf8_len(cp)) {
	case 1:
		*o++ = (char)cp;
		break;
	case 2:
		*o++ = (char)(0xC0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3F));
		break;
	case 3:
		*o++ = (char)(0xE0 | cp >> 12);
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
		break;
	default:
		*o++ = (char)(0xF0 | cp >> 18);
		*o++ = (char)(0x80 | (cp >> 12 & 0x3F));
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* An embedded U+0000 comes out as a 0 byte and so ends the C string. */
char *rt_str_utf16_to_utf8(const uint16_t *s, int32_t n)
{
	size_t len = 0;
	for (int32_t i = 0; i < n;)
		len += utf8_len(utf16_next(s, n, &i));
	char *r = rt_gc_alloc_raw(len + 1, true);
	if (!r)
		return NULL;
	char *o = r;
	for (int32_t i = 0; i < n;)
		o = utf8_put(o, utf16_next(s, n, &i));
	*o = 0;
	return r;
}

char *rt_str_to_utf8(const RtString *s)
{
	return s ? rt_str_utf16_to_utf8(s->chars, s->length) : NULL;
}

char *rt_str_utf16z_to_utf8(const uint16_t *s)
{
	if (!s)
		return NULL;
	int32_t n = 0;
	while (s[n])
		n++;
	return rt_str_utf16_to_utf8(s, n);
}

/* A resource message under the resource-keys switch (subst.c
 * resource_keys): its format as written, {0} and all, then ", " and each
 * argument that is a string (a parameter's name, a path). Other
 * arguments are left out: their ToString would bring number and date
 * formatting back. fmt NULL or not a string (String.Concat's first
 * object) stands for "". */
Object *rt_str_keyed(Object *fmt, Object *const *args, int32_t n)
{
	static const RtString empty;
	const RtString *f = fmt && fmt->type == rt_known.string ? (const RtString *)fmt : &empty;
	int64_t len = f->length;
	for (int32_t i = 0; i < n; i++)
		if (args[i] && args[i]->type == rt_known.string)
			len += 2 + ((const RtString *)args[i])->length;
	if (len > INT32_MAX || (len == f->length && f != &empty))
		return fmt;
	RtString *r = rt_gc_alloc_string((int32_t)len);
	if (!r)
		return NULL;
	uint16_t *d = r->chars;
	memcpy(d, f->chars, (size_t)f->length * 2);
	d += f->length;
	for (int32_t i = 0; i < n; i++) {
		const RtString *a = (const RtString *)args[i];
		if (!a || a->hdr.type != rt_known.string)
			continue;
		*d++ = ',';
		*d++ = ' ';
		memcpy(d, a->chars, (size_t)a->length * 2);
		d += a->length;
	}
	return (Object *)r;
}
