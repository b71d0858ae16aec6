/* unith: a header of its own for each C unit of methods.
 *
 * requires prog.h's text as cgen writes it: top-level items (a
 * declaration, a struct, a function, a preprocessor line) that each end
 * a line, at brace depth 0
 * produces, for a unit's text, the items of prog.h it uses, closed over
 * what those items use, in prog.h's order; for a unit without bodies
 * (data.c), inline functions as plain declarations: its thunks call them
 * and its tables take their addresses, and the bodies cost gcc a third
 * of data.c's time for nothing (charstats: 0.94 -> 0.64 s)
 *
 * A unit that includes the whole of prog.h changes whenever anything in
 * the program does (a new string literal in Main recompiled every unit),
 * and no unit of one program can serve another. With only the items it
 * uses, a unit's text (and so its object's key) changes only when
 * something it uses does (docs/design.md, "Units with their own headers").
 *
 * Each item is indexed by the name it defines: `#define NAME`, `struct
 * NAME;` or `struct NAME {`, a function or function pointer by the name
 * before its parameters, a variable by the last name of its declarator.
 * An item of another shape goes into every unit. A name that the index
 * got wrong makes a missing declaration, which the C compiler refuses,
 * except for a function: tests/cli unit_headers compiles units with
 * implicit declarations made errors. */
#include "emit.h"

#include <string.h>

typedef struct {
	const char *s;
	uint32_t len;
	uint32_t *uses;         /* names (indices into names) the item mentions */
	uint32_t nuses;
	uint32_t mark;          /* the unit it was last put into, + 1 */
} Item;

typedef struct {
	const char *s;
	uint32_t len;
	uint32_t first;         /* items defining the name: first, then chain */
	uint32_t mark;
} Name;

struct UnitHeaders {
	Item *items;
	uint32_t nitems;
	uint32_t *next_def;     /* per item: the next item defining its name, or 0 */
	uint32_t *always;
	uint32_t nalways;
	Name *names;            /* index 0 unused */
	uint32_t nnames, cap;
	uint32_t *table, tcap;  /* open addressing: name index, 0 = empty */
	uint32_t stamp;
	uint32_t *work;
	bool bodies;            /* this unit takes inline functions' bodies */
};

static bool ident_start(char c) { return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z'); }
static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

static uint32_t hash_name(const char *s, uint32_t n)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

/* The index of name s[0..n), added when add, else 0 when unknown. */
static uint32_t name_id(UnitHeaders *u, const char *s, uint32_t n, bool add)
{
	uint32_t h = hash_name(s, n) & (u->tcap - 1);
	for (; u->table[h]; h = (h + 1) & (u->tcap - 1)) {
		Name *nm = &u->names[u->table[h]];
		if (nm->len == n && !memcmp(nm->s, s, n))
			return u->table[h];
	}
	if (!add)
		return 0;
	if (u->nnames + 1 >= u->cap) {
		u->cap *= 2;
		u->names = realloc(u->names, u->cap * sizeof *u->names);
	}
	u->names[++u->nnames] = (Name){ s, n, 0, 0 };
	u->table[h] = u->nnames;
	return u->nnames;
}

/* Skips a comment, string or character literal at s (returns s if none). */
static const char *skip_lexeme(const char *s, const char *end)
{
	if (s + 1 < end && s[0] == '/' && s[1] == '*') {
		const char *e = s + 2;
		while (e + 1 < end && !(e[0] == '*' && e[1] == '/'))
			e++;
		return e + 1 < end ? e + 2 : end;
	}
	if (s + 1 < end && s[0] == '/' && s[1] == '/') {
		const char *e = memchr(s, '\n', (size_t)(end - s));
		return e ? e : end;
	}
	if (*s == '"' || *s == '\'') {
		const char *e = s + 1;
		while (e < end && *e != *s && *e != '\n')
			e += *e == '\\' && e + 1 < end ? 2 : 1;
		return e < end ? e + 1 : end;
	}
	return s;
}

/* The end of the item starting at s: the end of the line on which the
 * braces close again after a `;` or `}` (or a preprocessor line). */
static const char *item_end(const char *s, const char *end)
{
	bool pre = *s == '#';
	int depth = 0;
	char last = 0;
	for (const char *p = s; p < end;) {
		const char *q = skip_lexeme(p, end);
		if (q != p) {   /* a comment alone on its lines is an item */
			last = *p == '/' ? last : 'x';
			p = q;
			continue;
		}
		char c = *p++;
		if (c == '{')
			depth++;
		else if (c == '}')
			depth--;
		if (c == '\n') {
			if (pre ? last != '\\' : depth <= 0 && (!last || last == ';' || last == '}'))
				return p;
		} else if (c != ' ' && c != '\t' && c != '\r')
			last = c;
	}
	return end;
}

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	return s;
}

static const char *ident_end(const char *s, const char *end)
{
	while (s < end && ident_char(*s))
		s++;
	return s;
}

/* The name a declaration or definition defines (see the top), or false. */
static bool declared_name(const char *s, const char *end, const char **name, uint32_t *n)
{
	const char *last = NULL, *last_end = NULL, *prev = NULL;
	for (const char *p = s; p < end;) {
		const char *q = skip_lexeme(p, end);
		if (q != p) {
			p = q;
			continue;
		}
		if (ident_start(*p)) {
			prev = last;
			last = p, last_end = ident_end(p, end);
			p = last_end;
			continue;
		}
		if (*p == '(') {
			const char *in = skip_space(p + 1, end);
			if (in < end && *in == '*') {   /* T (*NAME)(...) */
				in = skip_space(in + 1, end);
				if (!ident_start(*in))
					return false;
				*name = in, *n = (uint32_t)(ident_end(in, end) - in);
				return true;
			}
			if (!last || skip_space(last_end, end) != p ||
			    (last_end - last == 13 && !memcmp(last, "__attribute__", 13)))
				return false;
			*name = last, *n = (uint32_t)(last_end - last);
			return true;
		}
		if (*p == ';' || *p == '[' || *p == '=') {
			if (!last || !prev)     /* a type and a name at least */
				return false;
			*name = last, *n = (uint32_t)(last_end - last);
			return true;
		}
		if (*p == '{')
			return false;
		p++;
	}
	return false;
}

/* The name item s defines, or false (then it goes into every unit). */
static bool defined_name(const char *s, const char *end, const char **name, uint32_t *n)
{
	s = skip_space(s, end);
	if (*s == '#') {
		const char *d = skip_space(s + 1, end);
		if (end - d < 7 || memcmp(d, "define", 6) || (d[6] != ' ' && d[6] != '\t'))
			return false;
		d = skip_space(d + 6, end);
		*name = d, *n = (uint32_t)(ident_end(d, end) - d);
		return *n > 0;
	}
	if (end - s > 7 && (!memcmp(s, "struct ", 7) || !memcmp(s, "union ", 6))) {
		const char *t = skip_space(s + (s[0] == 's' ? 7 : 6), end);
		const char *te = ident_end(t, end);
		const char *after = skip_space(te, end);
		if (te > t && after < end && (*after == ';' || *after == '{')) {
			*name = t, *n = (uint32_t)(te - t);
			return true;
		}
	}
	if (end - s > 8 && !memcmp(s, "typedef ", 8))
		return false;
	return declared_name(s, end, name, n);
}

/* The names an item mentions (comments and literals skipped). */
static void item_names(UnitHeaders *u, Item *it)
{
	uint32_t cap = 16;
	it->uses = malloc(cap * sizeof *it->uses);
	const char *end = it->s + it->len;
	for (const char *p = it->s; p < end;) {
		const char *q = skip_lexeme(p, end);
		if (q != p) {
			p = q;
			continue;
		}
		if (!ident_start(*p) || (p > it->s && ident_char(p[-1]))) {
			p++;
			continue;
		}
		const char *e = ident_end(p, end);
		uint32_t id = name_id(u, p, (uint32_t)(e - p), false);
		if (id && u->names[id].first) {
			if (it->nuses == cap)
				it->uses = realloc(it->uses, (cap *= 2) * sizeof *it->uses);
			it->uses[it->nuses++] = id;
		}
		p = e;
	}
}

static bool same_item(const Item *a, const Item *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

UnitHeaders *unith_index(const char *h, size_t len)
{
	UnitHeaders *u = calloc(1, sizeof *u);
	const char *end = h + len;
	uint32_t icap = 1024;
	u->items = malloc(icap * sizeof *u->items);
	u->next_def = malloc(icap * sizeof *u->next_def);
	u->always = malloc(icap * sizeof *u->always);
	u->cap = 1024;
	u->names = malloc(u->cap * sizeof *u->names);
	for (u->tcap = 1024; u->tcap < len / 4 + 16; u->tcap *= 2)
		;
	u->table = calloc(u->tcap, sizeof *u->table);
	for (const char *s = h; s < end;) {
		const char *b = skip_space(s, end);
		if (b == end)
			break;
		const char *e = item_end(b, end);
		if (u->nitems == icap) {
			icap *= 2;
			u->items = realloc(u->items, icap * sizeof *u->items);
			u->next_def = realloc(u->next_def, icap * sizeof *u->next_def);
			u->always = realloc(u->always, icap * sizeof *u->always);
		}
		uint32_t i = u->nitems++;
		u->items[i] = (Item){ b, (uint32_t)(e - b), NULL, 0, 0 };
		u->next_def[i] = 0;
		const char *nm;
		uint32_t n;
		if (defined_name(b, e, &nm, &n)) {
			uint32_t id = name_id(u, nm, n, true);  /* may move names */
			Name *d = &u->names[id];
			if (!d->first)
				d->first = i + 1;
			else {          /* keep prog.h's order: append */
				uint32_t k = d->first - 1;
				while (!same_item(&u->items[k], &u->items[i]) && u->next_def[k])
					k = u->next_def[k] - 1;
				/* a repeated declaration (an internal call's, for each
				 * instance of a generic method) once: how many times
				 * prog.h has it depends on the rest of the program */
				if (same_item(&u->items[k], &u->items[i]))
					u->nitems--;
				else
					u->next_def[k] = i + 1;
			}
		} else
			u->always[u->nalways++] = i;
		s = e;
	}
	for (uint32_t i = 0; i < u->nitems; i++)
		item_names(u, &u->items[i]);
	u->work = malloc((u->nitems + 1) * sizeof *u->work);
	return u;
}

/* An inline function's definition, "inline T f(...)\n{ ... }" (its
 * declaration, "inline T f(...);", is an item of its own). */
static bool inline_body(const Item *it)
{
	return it->len > 7 && !memcmp(it->s, "inline ", 7) && memchr(it->s, '{', it->len);
}

/* Puts item i and (through the work list) what it uses into the unit. */
static void take(UnitHeaders *u, uint32_t i, uint32_t *nwork)
{
	if (u->items[i].mark == u->stamp)
		return;
	if (!u->bodies && inline_body(&u->items[i]))
		return;
	u->items[i].mark = u->stamp;
	u->work[(*nwork)++] = i;
}

static void take_name(UnitHeaders *u, uint32_t id, uint32_t *nwork)
{
	Name *nm = &u->names[id];
	if (nm->mark == u->stamp)
		return;
	nm->mark = u->stamp;
	for (uint32_t k = nm->first; k; k = u->next_def[k - 1])
		take(u, k - 1, nwork);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

void unith_write(UnitHeaders *u, Buf *out, const char *unit, size_t len, bool bodies)
{
	u->stamp++;
	u->bodies = bodies;
	uint32_t nwork = 0;
	for (uint32_t k = 0; k < u->nalways; k++)
		take(u, u->always[k], &nwork);
	const char *end = unit + len;
	for (const char *p = unit; p < end;) {
		if (!ident_start(*p) || (p > unit && ident_char(p[-1]))) {
			p++;
			continue;
		}
		const char *e = ident_end(p, end);
		uint32_t id = name_id(u, p, (uint32_t)(e - p), false);
		if (id)
			take_name(u, id, &nwork);
		p = e;
	}
	for (uint32_t w = 0; w < nwork; w++) {
		Item *it = &u->items[u->work[w]];
		for (uint32_t k = 0; k < it->nuses; k++)
			take_name(u, it->uses[k], &nwork);
	}
	qsort(u->work, nwork, sizeof *u->work, cmp_u32);
	for (uint32_t w = 0; w < nwork; w++) {
		Item *it = &u->items[u->work[w]];
		uint32_t skip = !bodies && it->len > 7 && !memcmp(it->s, "inline ", 7) ? 7 : 0;
		buf_putn(out, it->s + skip, it->len - skip);
	}
}
