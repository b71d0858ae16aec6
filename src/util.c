/* util: see util.h. */
#include "util.h"

#include <errno.h>
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
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
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

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
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

/* ---- diagnostics ---- */
/* Names from a file may hold anything: keep the message one printable line. */
static void sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

void fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(diag_last, sizeof diag_last, fmt, ap);
	va_end(ap);
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
	exit(1);
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

double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
