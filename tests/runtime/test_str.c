/* Strings: UTF-8 ↔ UTF-16 round trips (with surrogate pairs), invalid
 * UTF-8 decoded to U+FFFD per maximal ill-formed subsequence, unpaired
 * surrogates encoded as U+FFFD. */
#include "test.h"

/* Does s decode to exactly the n UTF-16 units in want? */
static bool decodes_to(const char *s, const uint16_t *want, int32_t n)
{
	RtString *r = rt_str_from_utf8(s);
	if (!r || r->length != n || r->hdr.type != &t_string || r->chars[n])
		return false;
	return memcmp(r->chars, want, (size_t)n * 2) == 0;
}

#define DECODES(s, ...) decodes_to(s, (const uint16_t[]){__VA_ARGS__}, \
	sizeof((const uint16_t[]){__VA_ARGS__}) / 2)

static bool encodes_to(const uint16_t *units, int32_t n, const char *want)
{
	char *got = rt_str_to_utf8(rt_str_from_utf16(units, n));
	return got && strcmp(got, want) == 0;
}

#define ENCODES(want, ...) encodes_to((const uint16_t[]){__VA_ARGS__}, \
	sizeof((const uint16_t[]){__VA_ARGS__}) / 2, want)

static bool round_trips(const char *s)
{
	char *back = rt_str_to_utf8(rt_str_from_utf8(s));
	return back && strcmp(back, s) == 0;
}

static void test_valid(void)
{
	CHECK(DECODES("abc", 'a', 'b', 'c'));
	CHECK(DECODES("\xC3\xA9", 0xE9));                     /* é */
	CHECK(DECODES("\xE2\x82\xAC", 0x20AC));               /* € */
	CHECK(DECODES("\xEF\xBF\xBF", 0xFFFF));
	CHECK(DECODES("\xF0\x9F\x98\x80", 0xD83D, 0xDE00));   /* U+1F600 */
	CHECK(DECODES("\xF0\x90\x80\x80", 0xD800, 0xDC00));   /* U+10000 */
	CHECK(DECODES("\xF4\x8F\xBF\xBF", 0xDBFF, 0xDFFF));   /* U+10FFFF */
	CHECK(DECODES("x\xF0\x9F\x98\x80y", 'x', 0xD83D, 0xDE00, 'y'));
	RtString *e = rt_str_from_utf8("");
	CHECK(e && e->length == 0 && e->chars[0] == 0);
	CHECK(rt_str_from_utf8(NULL) == NULL);
	CHECK(rt_str_to_utf8(NULL) == NULL);

	CHECK(round_trips("hello, world"));
	CHECK(round_trips("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 "
			  "\xF4\x8F\xBF\xBF"));
	CHECK(ENCODES("\xF0\x9F\x98\x80", 0xD83D, 0xDE00));
	CHECK(ENCODES("\xC3\xA9\xE2\x82\xAC", 0xE9, 0x20AC));
	CHECK(ENCODES("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80", 0x7F, 0x80, 0x7FF,
		      0x800));
	RtString *z = rt_str_from_utf16(NULL, 0);
	CHECK(z && z->length == 0 && z->chars[0] == 0);
	CHECK(!strcmp(rt_str_to_utf8(z), ""));
}

static void test_invalid_utf8(void)
{
	const uint16_t R = 0xFFFD;
	CHECK(DECODES("\x80", R));                            /* stray */
	CHECK(DECODES("a\xBF" "b", 'a', R, 'b'));
	CHECK(DECODES("a\xC3", 'a', R));                      /* truncated */
	CHECK(DECODES("\xC3(", R, '('));
	CHECK(DECODES("\xE2\x82x", R, 'x'));                  /* one for both */
	CHECK(DECODES("\xF0\x9F\x98z", R, 'z'));
	CHECK(DECODES("\xC0\xAF", R, R));                     /* overlong */
	CHECK(DECODES("\xC1\xBF", R, R));
	CHECK(DECODES("\xE0\x80\xAF", R, R, R));
	CHECK(DECODES("\xF0\x80\x80\xAF", R, R, R, R));
	CHECK(DECODES("\xED\xA0\x80", R, R, R));              /* surrogate */
	CHECK(DECODES("\xED\x9F\xBF", 0xD7FF));               /* just below */
	CHECK(DECODES("\xF4\x90\x80\x80", R, R, R, R));       /* > 10FFFF */
	CHECK(DECODES("\xF5\x80", R, R));
	CHECK(DECODES("\xFF\xFE", R, R));
	CHECK(DECODES("\xE2\x82\xE2\x82\xAC", R, 0x20AC));
}

static void test_unpaired_surrogates(void)
{
	CHECK(ENCODES("\xEF\xBF\xBD" "a", 0xD800, 'a'));        /* lone high */
	CHECK(ENCODES("\xEF\xBF\xBD", 0xDC00));               /* lone low */
	CHECK(ENCODES("a\xEF\xBF\xBD", 'a', 0xD83D));         /* at the end */
	CHECK(ENCODES("\xEF\xBF\xBD\xEF\xBF\xBD", 0xDE00, 0xD83D));
	CHECK(ENCODES("\xEF\xBF\xBD\xF0\x9F\x98\x80", 0xD83D, 0xD83D, 0xDE00));
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_valid();
	test_invalid_utf8();
	test_unpaired_surrogates();
	CHECK(!rt_pending);
	return t_done();
}
