/* size: see kmer.cs. The same counts with two hash tables of our own:
 * string keys (a copy made per inserted k-mer, FNV-1a over the bytes,
 * chained) and 64-bit packed keys (open addressing). Both grow by doubling
 * as .NET's Dictionary does. */
#include <string.h>

#include "lib/bench.h"

typedef struct SNode { struct SNode *next; uint32_t hash; int count; char key[]; } SNode;
typedef struct { SNode **b; size_t n, cap; } STable;

static uint32_t fnv(const char *s, int k)
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < k; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void s_grow(STable *t)
{
	size_t cap = t->cap ? t->cap * 2 : 16;
	SNode **b = calloc(cap, sizeof *b);
	for (size_t i = 0; i < t->cap; i++)
		for (SNode *e = t->b[i], *nx; e; e = nx) {
			nx = e->next;
			e->next = b[e->hash & (cap - 1)];
			b[e->hash & (cap - 1)] = e;
		}
	free(t->b);
	t->b = b, t->cap = cap;
}

static int64_t by_string(const char *seq, int n, int k)
{
	STable t = {0};
	s_grow(&t);
	for (int i = 0; i + k <= n; i++) {
		uint32_t h = fnv(seq + i, k);
		SNode *e = t.b[h & (t.cap - 1)];
		while (e && !(e->hash == h && memcmp(e->key, seq + i, k) == 0))
			e = e->next;
		if (!e) {
			if (t.n >= t.cap)
				s_grow(&t);
			e = malloc(sizeof *e + k);
			memcpy(e->key, seq + i, k);
			e->hash = h, e->count = 0;
			e->next = t.b[h & (t.cap - 1)];
			t.b[h & (t.cap - 1)] = e;
			t.n++;
		}
		e->count++;
	}
	int64_t sum = (int64_t)t.n;
	for (size_t i = 0; i < t.cap; i++)
		for (SNode *e = t.b[i], *nx; e; e = nx) {
			nx = e->next;
			sum += (int64_t)e->count * e->count;
			free(e);
		}
	free(t.b);
	return sum;
}

typedef struct { uint64_t key; int count; int used; } USlot;
typedef struct { USlot *s; size_t n, cap; } UTable;

static size_t u_hash(uint64_t b) { return (size_t)(uint32_t)(b ^ (b >> 29)); }

static USlot *u_find(UTable *t, uint64_t key)
{
	size_t i = u_hash(key) & (t->cap - 1);
	while (t->s[i].used && t->s[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return &t->s[i];
}

static void u_grow(UTable *t)
{
	UTable g = {calloc(t->cap ? t->cap * 2 : 16, sizeof(USlot)), t->n, t->cap ? t->cap * 2 : 16};
	for (size_t i = 0; i < t->cap; i++)
		if (t->s[i].used)
			*u_find(&g, t->s[i].key) = t->s[i];
	free(t->s);
	*t = g;
}

static uint64_t code(char c) { return c == 'A' ? 0 : c == 'C' ? 1 : c == 'G' ? 2 : 3; }

static int64_t by_struct(const char *seq, int n, int k)
{
	UTable t = {0};
	u_grow(&t);
	uint64_t mask = k == 32 ? ~0ull : (1ull << (2 * k)) - 1, bits = 0;
	for (int i = 0; i < n; i++) {
		bits = ((bits << 2) | code(seq[i])) & mask;
		if (i + 1 < k)
			continue;
		if (2 * (t.n + 1) > t.cap)
			u_grow(&t);
		USlot *s = u_find(&t, bits);
		if (!s->used)
			s->used = 1, s->key = bits, s->count = 0, t.n++;
		s->count++;
	}
	int64_t sum = (int64_t)t.n;
	for (size_t i = 0; i < t.cap; i++)
		if (t.s[i].used)
			sum += (int64_t)t.s[i].count * t.s[i].count;
	free(t.s);
	return sum;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 100000);
	char *seq = malloc(n);
	uint32_t x = 42;
	for (int i = 0; i < n; i++) {
		x = x * 1664525u + 1013904223u;
		seq[i] = "ACGT"[x >> 30];
	}
	static const int ks[] = {1, 2, 3, 4, 6, 12, 18};
	int64_t sum = 0;
	for (int j = 0; j < 7; j++)
		sum += by_string(seq, n, ks[j]) + by_struct(seq, n, ks[j]);
	bench_print_i(sum);
	free(seq);
	return 0;
}
