/* A small C library the test builds (libcfun.so, libcfun.a) for
 * dllimport.cs: numbers, a string, a buffer and a callback; below,
 * the marshalling cases. */
#include <stdint.h>
#include <string.h>

int32_t cfun_add(int32_t a, int32_t b) { return a + b; }
double cfun_scale(double x, int64_t k) { return x * (double)k; }
int32_t cfun_length(const char *s) { return s ? (int32_t)strlen(s) : -1; }

/* Fills buf with n squares; returns their sum. */
int64_t cfun_squares(int32_t *buf, int32_t n)
{
	int64_t sum = 0;
	for (int32_t i = 0; i < n; i++)
		sum += buf[i] = i * i;
	return sum;
}

int32_t cfun_apply(int32_t (*f)(int32_t), int32_t x) { return f(f(x)); }

/* Marshalling (issue 16): one-byte bools, UTF-16 strings, buffers
 * (StringBuilder), string arrays and structs with strings, bools, chars
 * and inline strings. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* A one-byte bool in the low byte, other bits set above it. */
int32_t cfun_flag(int32_t x) { return 0x7700 | (x & 1); }
int32_t cfun_not(bool b) { return !b; }

/* UTF-16 units up to the NUL, times 1000, plus how many are c. */
int32_t cfun_wcount(const uint16_t *s, uint16_t c)
{
	int32_t n = 0, k = 0;
	for (; s && s[n]; n++)
		k += s[n] == c;
	return n * 1000 + k;
}

static const uint16_t wide_hello[] = { 'w', 'i', 'd', 'e', 0 };
const uint16_t *cfun_wide(void) { return wide_hello; }

int32_t cfun_fill(char *buf, int32_t cap)
{
	int32_t had = (int32_t)strlen(buf);
	snprintf(buf, (size_t)cap, "was %d, filled by C", had);
	return (int32_t)strlen(buf);
}

void cfun_wfill(uint16_t *buf)
{
	for (int i = 0; buf[i]; i++)
		if (buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] -= 32;
}

int32_t cfun_total(const char **v, int32_t n)
{
	int32_t sum = 0;
	for (int32_t i = 0; i < n; i++)
		sum += v[i] ? (int32_t)strlen(v[i]) : 100;
	return sum;
}

typedef struct {
	int32_t id;
	char *name;
	int32_t admin;          /* bool: 4 bytes */
	char initial;           /* char: 1 byte (ANSI) */
	char code[8];           /* ByValTStr */
	double score;
} Person;

double cfun_person_rank(Person p)
{
	return p.id * 1000 + (p.name ? strlen(p.name) : 0) * 100 + p.admin * 10 +
	       (p.initial == p.name[0]) + strlen(p.code) / 100.0 + p.score;
}

void cfun_person_update(Person *p)
{
	p->id++;
	char *up = strdup(p->name);
	for (char *c = up; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c -= 32;
	p->name = up;           /* the caller frees it, as Mono does */
	p->admin = !p->admin;
	p->initial = up[0];
	strcpy(p->code, "NEW");
	p->score *= 2;
}

void cfun_person_make(int32_t id, Person *p)
{
	p->id = id;
	p->name = strdup("made in C");
	p->admin = 1;
	p->initial = 'm';
	strcpy(p->code, "C-1234");
	p->score = 0.5;
}

typedef struct { int32_t x; uint16_t *label; } Wide;

int32_t cfun_wide_len(Wide *w)
{
	int32_t n = 0;
	while (w->label && w->label[n])
		n++;
	return w->x + n;
}

/* classes with sequential layout, by reference; the last error */
#include <errno.h>

typedef struct { int32_t x, y; } Pt;

int32_t cfun_swap(Pt *p)
{
	int32_t t = p->x;
	p->x = p->y;
	p->y = t;
	return p->x * 10 + p->y;
}

typedef struct { int32_t n; char *s; } Named;

int32_t cfun_named(Named *p)
{
	int32_t r = p->n + (int32_t)strlen(p->s);
	p->n = 77;
	p->s = strdup("back");
	return r;
}

int32_t cfun_fail(int32_t e)
{
	errno = e;
	return -1;
}

/* strings and bools by reference */
int32_t cfun_out_str(int32_t k, char **out)
{
	*out = strdup(k ? "out from C" : "zero");
	return 1;
}

int32_t cfun_ref_str(char **s)
{
	int32_t n = (int32_t)strlen(*s);
	char *r = malloc((size_t)n + 3);
	sprintf(r, "[%s]", *s);
	*s = r;                 /* the caller frees it, as Mono does */
	return n;
}

void cfun_ref_bool(int32_t *b) { *b = *b ? 0 : 2; }
