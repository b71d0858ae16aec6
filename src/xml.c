/* xml: see xml.h. A recursive descent over the text: prolog, comments,
 * DOCTYPE and CDATA skipped, text between elements ignored, attribute
 * values with the five predefined entities and character references
 * decoded. */
#include "xml.h"
#include "reach.h"          /* VEC */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Parser {
	Arena *a;
	const char *path;
	const char *s, *end, *line_start;
	uint32_t line;
} Parser;

static _Noreturn void error(Parser *p, const char *what)
{
	fatal("%s:%u:%u: malformed XML: %s", p->path, p->line, (unsigned)(p->s - p->line_start) + 1, what);
}

static void advance(Parser *p, size_t n)
{
	for (size_t i = 0; i < n && p->s < p->end; i++, p->s++)
		if (*p->s == '\n') {
			p->line++;
			p->line_start = p->s + 1;
		}
}

static bool at(Parser *p, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(p->end - p->s) >= n && !memcmp(p->s, lit, n);
}

static void skip_space(Parser *p)
{
	while (p->s < p->end && strchr(" \t\r\n", *p->s))
		advance(p, 1);
}

/* Skips to just after `close`. */
static void skip_past(Parser *p, const char *close, const char *what)
{
	while (p->s < p->end && !at(p, close))
		advance(p, 1);
	if (p->s >= p->end)
		error(p, what);
	advance(p, strlen(close));
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == ':' || c == '-' || c == '.' || (unsigned char)c >= 0x80;
}

static const char *name(Parser *p)
{
	const char *start = p->s;
	while (p->s < p->end && name_char(*p->s))
		advance(p, 1);
	if (p->s == start)
		error(p, "expected a name");
	return arena_printf(p->a, "%.*s", (int)(p->s - start), start);
}

static const struct { const char *ent; char c; } entities[] = {
	{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
};

static const char *value(Parser *p)
{
	if (p->s >= p->end || (*p->s != '"' && *p->s != '\''))
		error(p, "expected a quoted attribute value");
	char q = *p->s;
	advance(p, 1);
	Buf b = {0};
	while (p->s < p->end && *p->s != q) {
		if (*p->s == '<')
			error(p, "'<' in an attribute value");
		if (*p->s != '&') {
			buf_putc(&b, *p->s);
			advance(p, 1);
			continue;
		}
		unsigned i = 0;
		while (i < countof(entities) && !at(p, entities[i].ent))
			i++;
		if (i < countof(entities)) {
			buf_putc(&b, entities[i].c);
			advance(p, strlen(entities[i].ent));
		} else if (at(p, "&#")) {
			char *e;
			bool hex = p->s[2] == 'x';
			long c = strtol(p->s + 2 + hex, &e, hex ? 16 : 10);
			if (e >= p->end || *e != ';' || c <= 0 || c > 0x7f)
				error(p, "unsupported character reference");
			buf_putc(&b, (char)c);
			advance(p, (size_t)(e + 1 - p->s));
		} else
			error(p, "unknown entity");
	}
	if (p->s >= p->end)
		error(p, "unterminated attribute value");
	advance(p, 1);
	const char *v = arena_strdup(p->a, b.s ? b.s : "");
	buf_free(&b);
	return v;
}

/* Comments, processing instructions, DOCTYPE, CDATA and text. */
static void skip_misc(Parser *p, bool text_ok)
{
	for (;;) {
		skip_space(p);
		if (at(p, "<!--"))
			skip_past(p, "-->", "unterminated comment");
		else if (at(p, "<?"))
			skip_past(p, "?>", "unterminated processing instruction");
		else if (at(p, "<![CDATA[") && text_ok)
			skip_past(p, "]]>", "unterminated CDATA section");
		else if (at(p, "<!"))
			skip_past(p, ">", "unterminated declaration");
		else if (text_ok && p->s < p->end && *p->s != '<')
			while (p->s < p->end && *p->s != '<')
				advance(p, 1);
		else
			return;
	}
}

static XmlNode *element(Parser *p, uint32_t depth)
{
	if (depth > 64)
		error(p, "elements nested too deeply");
	if (!at(p, "<"))
		error(p, "expected '<'");
	XmlNode *n = arena_alloc(p->a, sizeof *n);
	n->line = p->line;
	n->col = (uint32_t)(p->s - p->line_start) + 1;
	advance(p, 1);
	n->name = name(p);
	VEC(XmlAttr) attrs = {0};
	for (;;) {
		skip_space(p);
		if (at(p, "/>")) {
			advance(p, 2);
			n->attrs = attrs.v, n->nattrs = attrs.n;
			return n;
		}
		if (at(p, ">"))
			break;
		XmlAttr at_ = { .name = name(p) };
		skip_space(p);
		if (!at(p, "="))
			error(p, "expected '=' after an attribute name");
		advance(p, 1);
		skip_space(p);
		at_.value = value(p);
		VEC_PUSH(attrs, at_);
	}
	advance(p, 1);
	n->attrs = attrs.v, n->nattrs = attrs.n;
	VEC(XmlNode *) kids = {0};
	for (;;) {
		skip_misc(p, true);
		if (p->s >= p->end)
			error(p, arena_printf(p->a, "<%s> is not closed", n->name));
		if (at(p, "</"))
			break;
		VEC_PUSH(kids, element(p, depth + 1));
	}
	advance(p, 2);
	const char *close = name(p);
	if (strcmp(close, n->name))
		error(p, arena_printf(p->a, "</%s> closes <%s> (line %u)", close, n->name, n->line));
	skip_space(p);
	if (!at(p, ">"))
		error(p, "expected '>'");
	advance(p, 1);
	n->kids = kids.v, n->nkids = kids.n;
	return n;
}

XmlNode *xml_parse(Arena *a, const char *path)
{
	MappedFile f;
	if (!map_file(path, &f))
		fatal("%s: cannot read: %s", path, strerror(errno));
	char *text = arena_alloc(a, f.size + 1);
	if (f.size)
		memcpy(text, f.data, f.size);
	unmap_file(&f);
	Parser p = { a, path, text, text + strlen(text), text, 1 };
	if (at(&p, "\xEF\xBB\xBF"))         /* a byte order mark */
		advance(&p, 3);
	skip_misc(&p, false);
	XmlNode *root = element(&p, 0);
	skip_misc(&p, false);
	if (p.s < p.end)
		error(&p, "text after the root element");
	return root;
}

const char *xml_attr(const XmlNode *n, const char *name)
{
	for (uint32_t i = 0; i < n->nattrs; i++)
		if (!strcmp(n->attrs[i].name, name))
			return n->attrs[i].value;
	return NULL;
}
