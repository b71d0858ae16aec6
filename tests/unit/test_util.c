/* Unit test of src/util.c: buf_printf, arena_printf and buf_vprintf
 * write what snprintf writes, for the conversions they write themselves
 * and for those they leave to vsnprintf; StrIndex finds what was put
 * (the first value of a key), across its growth, and nothing else;
 * sha1 gives FIPS 180's known answers, and the same digests through the
 * CPU's SHA extensions (where it has them) as through the portable code. */
#include "../../src/util.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

static int checks, failed;

static void same(const char *what, const char *got, const char *want)
{
	checks++;
	if (strcmp(got, want)) {
		failed++;
		printf("FAIL %s: got \"%s\", want \"%s\"\n", what, got, want);
	}
}

/* each row formats the same arguments through buf_printf and snprintf */
#define CHECK(fmt, ...) do { \
		char want[512]; \
		snprintf(want, sizeof want, fmt, __VA_ARGS__); \
		Buf b = {0}; \
		buf_puts(&b, "<"); \
		buf_printf(&b, fmt, __VA_ARGS__); \
		same(fmt, b.s + 1, want); \
		buf_free(&b); \
		same(fmt " (arena)", arena_printf(&a, fmt, __VA_ARGS__), want); \
	} while (0)

static void hex(const uint8_t d[20], char out[41])
{
	for (int i = 0; i < 20; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void sha1_known(const char *what, const uint8_t *p, size_t n, const char *want)
{
	uint8_t d[20];
	char got[41];
	sha1(p, n, d);
	hex(d, got);
	same(what, got, want);
}

static void sha1_tests(void)
{
	static uint8_t big[1000000];
	memset(big, 'a', sizeof big);
	for (int impl = 0; impl < 2; impl++) {
		sha1_impl = impl;
		sha1_known("sha1 empty", (const uint8_t *)"", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
		sha1_known("sha1 abc", (const uint8_t *)"abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
		sha1_known("sha1 two blocks", (const uint8_t *)"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
			   "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
		sha1_known("sha1 a million a", big, sizeof big, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	}
	uint32_t x = 12345;
	for (size_t i = 0; i < 4096; i++)
		big[i] = (uint8_t)((x = x * 1103515245u + 12345u) >> 16);
	for (size_t n = 0; n <= 4096; n += n < 200 ? 1 : 61) {
		uint8_t d0[20], d1[20];
		char h0[41], h1[41];
		sha1_impl = 0;
		sha1(big, n, d0);
		sha1_impl = 1;
		sha1(big, n, d1);
		hex(d0, h0);
		hex(d1, h1);
		same("sha1 portable against the SHA extensions", h1, h0);
	}
	sha1_impl = 1;
}

int main(void)
{
	Arena a = {0};
	CHECK("%s", "");
	CHECK("plain %s text", "abc");
	CHECK("%s%s%s", "a", "", "bc");
	CHECK("%u %d %i", 0u, -1, INT_MIN);
	CHECK("%d", INT_MAX);
	CHECK("%u", UINT_MAX);
	CHECK("%x %X %04x %08x %02x", 0xbeefu, 0xbeefu, 0xau, 0x12345u, 0x1ffu);
	CHECK("%llu %lld %lld", ULLONG_MAX, LLONG_MIN, -42LL);
	CHECK("%llx %016llx %012llx %04llx", 0xdeadbeefcafeULL, 1ULL, 0xabcULL, 0x12345ULL);
	CHECK("%zu %ld %lu", (size_t)123456789, -7L, 7UL);
	CHECK("%6llu|%6u|%06u", 42ULL, 7u, 7u);
	CHECK("%hhu %hu %hhx %hd", 0x1ffu, 0x1ffffu, 0x1abu, 0x18000);
	CHECK("%c%c%%%c", 'a', '"', 'z');
	CHECK("%.*s|%.3s|%.80s", 2, "abcdef", "abcdef", "ab");
	CHECK("%.*s", 0, "abc");
	/* left to vsnprintf */
	CHECK("%.17g %.9g %.0f %.1f", 0.1, 1.5f, 2.5, -0.05);
	CHECK("%-5s|%5s|% d|%+d|%*s", "ab", "ab", 3, 3, 4, "x");
	CHECK("%03o %a", 8u, 1.0);
	CHECK("%s and %.17g", "mixed", 1e300);
	Buf b = {0};
	buf_printf(&b, "%s", "");
	same("empty into an empty Buf", b.s, "");
	buf_free(&b);
	arena_free(&a);

	StrIndex x = {0};
	uint32_t v = 0;
	checks++, failed += stridx_get(&x, "absent", &v);
	static char keys[1000][16];
	for (uint32_t i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "key%u", i);
		stridx_put(&x, keys[i], i);
	}
	stridx_put(&x, "key7", 99);             /* the first value stays */
	for (uint32_t i = 0; i < 1000; i++) {
		char k[16];
		snprintf(k, sizeof k, "key%u", i);
		checks++;
		if (!stridx_get(&x, k, &v) || v != i)
			failed++, printf("FAIL StrIndex %s: %u\n", k, v);
	}
	checks++, failed += stridx_get(&x, "key1000", &v) || stridx_get(&x, "", &v);
	sha1_tests();
	printf("%d checks, %d failed\n", checks, failed);
	return failed != 0;
}
