/* warn: AOT warnings, with stable codes, said where the user can act.
 *
 * Requires: reach (the chain of callers), the type system (attributes),
 * symbols (C# lines). Produces, on stderr, per warning:
 *
 *   ilcc: warning ILCC1001: a.cs:12: in P::Main: MESSAGE
 *     P::Main: entry point
 *
 * or, without debug information, `FILE.exe: method P::Main: IL_0022:`
 * in place of `a.cs:12: in P::Main:`. The lines after it are the chain
 * of callers that made the method reachable (as --why prints it).
 *
 * Codes are ilcc's own; each lists the Native AOT codes (IL2026,
 * IL3050, ...) of the same pattern, and --nowarn and
 * [UnconditionalSuppressMessage("...", "IL2026")] take either. A warning
 * is said once per site (method definition, IL offset, code): generic
 * instances and specialised copies of a method share their sites.
 * Suppressed: --nowarn CODE; [UnconditionalSuppressMessage] on the
 * method, a type enclosing it, or the assembly or module; and, as in
 * Native AOT, the IL2xxx kinds inside a method that is itself
 * [RequiresUnreferencedCode], the IL3050 kinds inside one that is
 * [RequiresDynamicCode]. Library code is quiet unless --warn-library.
 */
#include "warn.h"
#include "meta/symbols.h"

#include <stdio.h>
#include <string.h>

#define ATTR_NS "System.Diagnostics.CodeAnalysis."

static const struct {
	const char *code;
	const char *aot;        /* Native AOT's codes for the same pattern */
} codes[W_COUNT] = {
	[W_REFLECT] = { "ILCC1001", "IL2070 IL2072 IL2075 IL2077 IL2080" },
	[W_GETTYPE] = { "ILCC1002", "IL2057" },
	[W_GENERIC] = { "ILCC1003", "IL2055 IL2060 IL3050" },
	[W_EMIT] = { "ILCC1004", "IL3050" },
	[W_LOAD] = { "ILCC1005", "IL2026" },
	[W_DYNAMIC] = { "ILCC1006", "IL2026 IL3050" },
	[W_RUC] = { "ILCC1007", "IL2026" },
	[W_RDC] = { "ILCC1008", "IL3050" },
	[W_COM] = { "ILCC1009", "IL2050" },
};

typedef struct Site {
	Image *img;
	uint32_t row, off;
	WarnCode c;
} Site;

static WarnOptions opts;
static VEC(Site) said;
static uint32_t count;

void warn_init(const WarnOptions *o)
{
	opts = *o;
}

/* Does `id` ("IL2026", "IL2026:Some text", "ILCC1007") name c? */
static bool names(const char *id, size_t n, WarnCode c)
{
	const char *colon = memchr(id, ':', n);
	if (colon)
		n = (size_t)(colon - id);
	if (n == 0)
		return false;
	if (strlen(codes[c].code) == n && !strncmp(codes[c].code, id, n))
		return true;
	for (const char *p = codes[c].aot; (p = strstr(p, "IL")); p += 2)
		if (!strncmp(p, id, n) && (p[n] == ' ' || p[n] == 0))
			return true;
	return false;
}

bool warn_known_code(const char *code)
{
	for (int c = 0; c < W_COUNT; c++)
		if (names(code, strlen(code), (WarnCode)c))
			return true;
	return false;
}

/* An [UnconditionalSuppressMessage(category, checkId)] on `parent` for c. */
static bool suppressed_on(Image *img, Token parent, WarnCode c)
{
	uint32_t rows[16];
	uint32_t n = ty_attribute_rows(img, parent, ATTR_NS "UnconditionalSuppressMessageAttribute",
				       rows, countof(rows));
	for (uint32_t i = 0; i < n; i++) {
		Attribute at;
		attr_decode(img, ty_arena(), rows[i], &at);
		if (at.nfixed == 2 && at.fixed[1].type == ET_STRING && !at.fixed[1].null &&
		    names(at.fixed[1].s, at.fixed[1].slen, c))
			return true;
	}
	return false;
}

static bool suppressed(Method *m, WarnCode c)
{
	Image *img = m->img;
	Token self = TOKEN(T_MethodDef, m->row);
	if (suppressed_on(img, self, c))
		return true;
	if (strstr(codes[c].aot, "IL2") &&
	    ty_attribute_row(img, self, ATTR_NS "RequiresUnreferencedCodeAttribute"))
		return true;
	if (strstr(codes[c].aot, "IL3050") &&
	    ty_attribute_row(img, self, ATTR_NS "RequiresDynamicCodeAttribute"))
		return true;
	for (uint32_t t = md_owner_of_method(img, m->row); t; t = md_enclosing(img, t))
		if (suppressed_on(img, TOKEN(T_TypeDef, t), c))
			return true;
	return (md_rows(img, T_Assembly) && suppressed_on(img, TOKEN(T_Assembly, 1), c)) ||
	       (md_rows(img, T_Module) && suppressed_on(img, TOKEN(T_Module, 1), c));
}

static bool said_before(Method *m, uint32_t off, WarnCode c)
{
	for (uint32_t i = 0; i < said.n; i++)
		if (said.v[i].img == m->img && said.v[i].row == m->row && said.v[i].off == off &&
		    said.v[i].c == c)
			return true;
	VEC_PUSH(said, ((Site){ m->img, m->row, off, c }));
	return false;
}

static bool silenced(WarnCode c)
{
	for (uint32_t i = 0; i < opts.nnowarn; i++)
		if (names(opts.nowarn[i], strlen(opts.nowarn[i]), c))
			return true;
	return false;
}

bool warn_in_scope(Program *p, Method *m)
{
	return m->img == p->img || opts.library;
}

void warn_aot(Program *p, Method *m, uint32_t off, WarnCode c, const char *msg)
{
	if (!warn_in_scope(p, m) || silenced(c) || said_before(m, off, c) ||
	    suppressed(m, c))
		return;
	Buf b = {0};
	SrcLine at;
	buf_printf(&b, "ilcc: warning %s: ", codes[c].code);
	if (sym_line(m->img, m->row, off, &at))
		buf_printf(&b, "%s:%u: in %s: ", at.file, at.line, ty_method_name(m));
	else
		buf_printf(&b, "%s: method %s: IL_%04x: ", m->img->path, ty_method_name(m), off);
	buf_printf(&b, "%s\n", msg);
	reach_why(&b, m);
	fputs(b.s, stderr);
	buf_free(&b);
	count++;
}

void warn_refuse(Method *m, uint32_t off, const char *msg)
{
	SrcLine at;
	if (sym_line(m->img, m->row, off, &at))
		fatal("%s:%u: in %s: %s", at.file, at.line, ty_method_name(m), msg);
	fatal("%s: method %s: IL_%04x: %s", m->img->path, ty_method_name(m), off, msg);
}

void warn_finish(void)
{
	if (opts.as_error && count)
		fatal("%u AOT warning%s, and --warnaserror makes them errors", count,
		      count == 1 ? "" : "s");
}
