/* util: see util.h. */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool verbose;
bool diag_quiet;
char diag_last[512];
jmp_buf *diag_jmp;

/* ---- arena ---- */
struct ArenaChunk {
	ArenaChunk *next;
	max_align_t data[];
};

enum { CHUNK = 64 * 1024 };

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if ((size_t)(a->end - a->cur) < n) {
		size_t sz = n > CHUNK ? n : CHUNK;
		ArenaChunk *c = malloc(sizeof *c + sz);
		if (!c)
			fatal("out of memory");
		c->next = a->head;
		a->head = c;
		a->cur = (char *)c->data;
		a->end = a->cur + sz;
	}
	void *p = a->cur;
	a->cur += n;
	memset(p, 0, n);
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
	static _Thread_local Buf scratch;
	va_list ap;
	va_start(ap, fmt);
	buf_clear(&scratch);
	buf_vprintf(&scratch, fmt, ap);
	va_end(ap);
	return memcpy(arena_alloc(a, scratch.len + 1), scratch.s, scratch.len + 1);
}

void arena_free(Arena *a)
{
	for (ArenaChunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
	a->cur = a->end = NULL;
}

/* ---- growable string ---- */
static void buf_reserve(Buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = realloc(b->s, cap);
	if (!b->s)
		fatal("out of memory");
	b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void buf_putc(Buf *b, char c) { buf_putn(b, &c, 1); }
void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

/* The conversions ilcc's C writing uses most (%s %u %d %x %c %%, with
 * a 0 flag and width for x, a precision for s, and the h/l/ll/z/j/t
 * sizes), written here: vsnprintf's generality was 44% of a build's
 * front end (issue 11's second-program build). A spec outside this set
 * returns false before anything is written, and vsnprintf does it. */
typedef struct Spec {
	bool zero;
	unsigned width;
	int prec;                       /* -1: none */
	int size;                       /* -2 char, -1 short, 0 int, 1 long, 2 long long/size_t */
	char conv;
} Spec;

static const char *parse_spec(const char *p, Spec *sp)
{
	*sp = (Spec){ .prec = -1 };
	if (*p == '0')
		sp->zero = true, p++;
	while (*p >= '0' && *p <= '9')
		sp->width = sp->width * 10 + (unsigned)(*p++ - '0');
	if (*p == '.') {
		p++;
		sp->prec = *p == '*' ? -2 : 0;
		if (*p == '*')
			p++;
		while (*p >= '0' && *p <= '9')
			sp->prec = sp->prec * 10 + (*p++ - '0');
	}
	if (*p == 'h')
		sp->size = p[1] == 'h' ? -2 : -1, p += p[1] == 'h' ? 2 : 1;
	else if (*p == 'l')
		sp->size = p[1] == 'l' ? 2 : 1, p += p[1] == 'l' ? 2 : 1;
	else if (*p == 'z' || *p == 'j' || *p == 't')
		sp->size = 2, p++;
	sp->conv = *p;
	switch (*p) {
	case 's':
		return sp->width ? NULL : p + 1;
	case 'u': case 'x': case 'X':
		return sp->prec != -1 ? NULL : p + 1;
	case 'd': case 'i': case 'c': case '%':
		return sp->prec != -1 || sp->width ? NULL : p + 1;
	default:
		return NULL;
	}
}

static void put_uint(Buf *b, unsigned long long v, unsigned base, bool upper, const Spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[64];
	unsigned n = sizeof tmp;
	do
		tmp[--n] = digits[v % base];
	while ((v /= base) && n);
	while (sizeof tmp - n < sp->width && n)
		tmp[--n] = sp->zero ? '0' : ' ';
	buf_putn(b, tmp + n, sizeof tmp - n);
}

static unsigned long long arg_unsigned(va_list *ap, int size)
{
	if (size == 2)
		return va_arg(*ap, unsigned long long);
	if (size == 1)
		return va_arg(*ap, unsigned long);
	unsigned v = va_arg(*ap, unsigned);
	return size == -2 ? (unsigned char)v : size == -1 ? (unsigned short)v : v;
}

static long long arg_signed(va_list *ap, int size)
{
	if (size == 2)
		return va_arg(*ap, long long);
	if (size == 1)
		return va_arg(*ap, long);
	int v = va_arg(*ap, int);
	return size == -2 ? (signed char)v : size == -1 ? (short)v : v;
}

static void put_arg(Buf *b, const Spec *sp, va_list *ap)
{
	switch (sp->conv) {
	case 's': {
		int prec = sp->prec == -2 ? va_arg(*ap, int) : sp->prec;
		const char *s = va_arg(*ap, const char *);
		buf_putn(b, s, prec < 0 ? strlen(s) : strnlen(s, (size_t)prec));
		break;
	}
	case 'd': case 'i': {
		long long v = arg_signed(ap, sp->size);
		if (v < 0)
			buf_putc(b, '-');
		put_uint(b, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, 10, false, sp);
		break;
	}
	case 'u': case 'x': case 'X':
		put_uint(b, arg_unsigned(ap, sp->size), sp->conv == 'u' ? 10 : 16, sp->conv == 'X', sp);
		break;
	case 'c':
		buf_putc(b, (char)va_arg(*ap, int));
		break;
	default:
		buf_putc(b, '%');
	}
}

/* false at the first spec outside the fast set (what was written then
 * is dropped by the caller) */
static bool fast_printf(Buf *b, const char *fmt, va_list *ap)
{
	const char *p = fmt;
	for (;;) {
		const char *q = p;
		while (*q && *q != '%')
			q++;
		if (q > p)
			buf_putn(b, p, (size_t)(q - p));
		if (!*q)
			return true;
		Spec sp;
		if (!(p = parse_spec(q + 1, &sp)))
			return false;
		put_arg(b, &sp, ap);
	}
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
	size_t start = b->len;
	va_list aq;
	va_copy(aq, ap);
	buf_reserve(b, 0);
	b->s[b->len] = 0;
	bool done = fast_printf(b, fmt, &aq);
	va_end(aq);
	if (done)
		return;
	b->len = start;
	va_list a2;
	va_copy(a2, ap);
	int n = vsnprintf(NULL, 0, fmt, a2);
	va_end(a2);
	buf_reserve(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_clear(Buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

void buf_free(Buf *b)
{
	free(b->s);
	*b = (Buf){0};
}

/* ---- string index (open addressing, FNV-1a) ---- */
static uint32_t str_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static uint32_t stridx_slot(const StrIndex *x, const char *key)
{
	uint32_t h = str_hash(key) & (x->cap - 1);
	while (x->keys[h] && strcmp(x->keys[h], key))
		h = (h + 1) & (x->cap - 1);
	return h;
}

void stridx_put(StrIndex *x, const char *key, uint32_t val)
{
	if (2 * (x->n + 1) > x->cap) {
		StrIndex big = { .cap = x->cap ? x->cap * 2 : 64 };
		big.keys = calloc(big.cap, sizeof *big.keys);
		big.vals = calloc(big.cap, sizeof *big.vals);
		if (!big.keys || !big.vals)
			fatal("out of memory");
		for (uint32_t i = 0; i < x->cap; i++)
			if (x->keys[i])
				stridx_put(&big, x->keys[i], x->vals[i]);
		free(x->keys);
		free(x->vals);
		*x = big;
	}
	uint32_t h = stridx_slot(x, key);
	if (x->keys[h])
		return;
	x->keys[h] = key;
	x->vals[h] = val;
	x->n++;
}

bool stridx_get(const StrIndex *x, const char *key, uint32_t *val)
{
	if (!x->cap)
		return false;
	uint32_t h = stridx_slot(x, key);
	if (!x->keys[h])
		return false;
	*val = x->vals[h];
	return true;
}

/* ---- diagnostics ---- */
/* Names from a file may hold anything: keep the message one printable line. */
static void sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static _Noreturn void vfatal(int status, const char *fmt, va_list ap)
{
	vsnprintf(diag_last, sizeof diag_last, fmt, ap);
	sanitize(diag_last);
	if (diag_jmp) {
		jmp_buf *jb = diag_jmp;
		diag_jmp = NULL;
		if (!diag_quiet)
			fprintf(stderr, "ilcc: %s\n", diag_last);
		longjmp(*jb, 1);
	}
	fflush(stdout);
	fprintf(stderr, "ilcc: %s\n", diag_last);
	exit(status);
}

void fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfatal(1, fmt, ap);
}

void fatal_env(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfatal(3, fmt, ap);
}

void note(const char *fmt, ...)
{
	if (!verbose)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("ilcc: note: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* ---- files ---- */
bool map_file(const char *path, MappedFile *out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (errno == 0 || S_ISDIR(st.st_mode))
			errno = EISDIR;
		close(fd);
		return false;
	}
	out->size = (size_t)st.st_size;
	out->data = NULL;
	if (out->size) {
		void *p = mmap(NULL, out->size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			close(fd);
			return false;
		}
		out->data = p;
	}
	close(fd);
	return true;
}

void unmap_file(MappedFile *f)
{
	if (f->size)
		munmap((void *)f->data, f->size);
	*f = (MappedFile){0};
}

bool write_file_atomic(const char *path, const void *data, size_t len)
{
	size_t n = strlen(path);
	if (n + 8 >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return false;
	}
	char tmp[PATH_MAX];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return false;
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		p += w;
		left -= (size_t)w;
	}
	if (fchmod(fd, 0644 & ~current_umask()) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) == 0)
		return true;
	fd = -1;
fail:;
	int e = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = e;
	return false;
}

mode_t current_umask(void)
{
	mode_t m = umask(022);
	umask(m);
	return m;
}

char *path_join(Arena *a, const char *dir, const char *name)
{
	if (strlen(dir) + strlen(name) + 2 > PATH_MAX)
		fatal("%s/%s: path too long (%s): use a shorter folder", dir, name, strerror(ENAMETOOLONG));
	return arena_printf(a, "%s/%s", dir, name);
}

double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- SHA-1 (FIPS 180-4): public key tokens, and the object cache's
 * keys and content checks over every unit of C (tens of MB a build, a
 * third of a second program's front end in the portable code). Where
 * the CPU has the SHA extensions (x86: CPUID 7, EBX bit 29) the blocks
 * go through them, 5-10x faster; tests/unit checks both against each
 * other and known answers. ---- */
static uint32_t rol32(uint32_t x, unsigned n) { return x << n | x >> (32 - n); }

#define SHA1_ROUNDS(from, to, fn, k) \
	for (int i = from; i < to; i++) { \
		uint32_t t = rol32(a, 5) + (fn) + e + (k) + w[i]; \
		e = d, d = c, c = rol32(b, 30), b = a, a = t; \
	}

static void sha1_blocks_c(uint32_t h[5], const uint8_t *p, size_t nblocks)
{
	for (; nblocks--; p += 64) {
		uint32_t w[80];
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
			       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
		for (int i = 16; i < 80; i++)
			w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
		uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
		SHA1_ROUNDS(0, 20, (b & c) | (~b & d), 0x5A827999)
		SHA1_ROUNDS(20, 40, b ^ c ^ d, 0x6ED9EBA1)
		SHA1_ROUNDS(40, 60, (b & c) | (b & d) | (c & d), 0x8F1BBCDC)
		SHA1_ROUNDS(60, 80, b ^ c ^ d, 0xCA62C1D6)
		h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
	}
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

#define SHA_TARGET __attribute__((target("sha,ssse3,sse4.1")))

/* Four rounds of function group f (an immediate operand). */
SHA_TARGET static __m128i sha1_rounds4(__m128i abcd, __m128i e, int f)
{
	switch (f) {
	case 0: return _mm_sha1rnds4_epu32(abcd, e, 0);
	case 1: return _mm_sha1rnds4_epu32(abcd, e, 1);
	case 2: return _mm_sha1rnds4_epu32(abcd, e, 2);
	default: return _mm_sha1rnds4_epu32(abcd, e, 3);
	}
}

/* The 80 rounds as 20 groups of four: the state's a, b, c, d in one
 * register (a in the high lane), e with the group's message words in
 * another; group g's words W[4g..4g+3] are the block's for g < 4, else
 * made from the four groups before it. */
SHA_TARGET static void sha1_blocks_ni(uint32_t h[5], const uint8_t *p, size_t nblocks)
{
	const __m128i swap = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
	__m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1B);
	__m128i e0 = _mm_set_epi32((int)h[4], 0, 0, 0);
	for (; nblocks--; p += 64) {
		__m128i abcd0 = abcd, e_in = e0, w[4], prev = abcd;
		for (int g = 0; g < 20; g++) {
			__m128i wg = g < 4 ? _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), swap)
				: _mm_sha1msg2_epu32(_mm_xor_si128(_mm_sha1msg1_epu32(w[g % 4], w[(g + 1) % 4]),
								   w[(g + 2) % 4]), w[(g + 3) % 4]);
			w[g % 4] = wg;
			__m128i e = g ? _mm_sha1nexte_epu32(prev, wg) : _mm_add_epi32(e0, wg);
			prev = abcd;
			abcd = sha1_rounds4(abcd, e, g / 5);
		}
		e0 = _mm_sha1nexte_epu32(prev, e_in);
		abcd = _mm_add_epi32(abcd, abcd0);
	}
	_mm_storeu_si128((__m128i *)h, _mm_shuffle_epi32(abcd, 0x1B));
	h[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

static bool cpu_has_sha(void)
{
	unsigned a, b, c, d;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 29 & 1);
}
#else
static void sha1_blocks_ni(uint32_t h[5], const uint8_t *p, size_t nblocks)
{
	sha1_blocks_c(h, p, nblocks);
}

static bool cpu_has_sha(void) { return false; }
#endif

int sha1_impl = 1;

static void sha1_blocks(uint32_t h[5], const uint8_t *p, size_t nblocks)
{
	static int has = -1;
	if (has < 0)
		has = cpu_has_sha();
	if (sha1_impl && has)
		sha1_blocks_ni(h, p, nblocks);
	else
		sha1_blocks_c(h, p, nblocks);
}

void sha1(const uint8_t *data, size_t len, uint8_t out[20])
{
	uint32_t h[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
	sha1_blocks(h, data, len / 64);
	size_t i = len / 64 * 64;
	uint8_t last[128] = {0};
	size_t rest = len - i;
	memcpy(last, data + i, rest);
	last[rest] = 0x80;
	size_t n = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int k = 0; k < 8; k++)
		last[n - 1 - k] = (uint8_t)(bits >> (8 * k));
	sha1_blocks(h, last, n / 64);
	for (int k = 0; k < 20; k++)
		out[k] = (uint8_t)(h[k / 4] >> (24 - 8 * (k % 4)));
}
