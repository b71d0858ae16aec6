/* Unit test of src/util.c: buf_printf, arena_printf and buf_vprintf
 * write what snprintf writes, for the conversions they write themselves
 * and for those they leave to vsnprintf; StrIndex finds what was put
 * (the first value of a key), across its growth, and nothing else. */
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
	printf("%d checks, %d failed\n", checks, failed);
	return failed != 0;
}
