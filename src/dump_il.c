/* dump_il: one method body as text.
 *
 * Requires: an Image (opened through a Loader, so that names resolve), a
 * MethodDef row and an Arena for the signatures decoded on the way.
 * Produces: `.maxstack`, `.locals`, one line per instruction
 * ("IL_0012: call void [mscorlib]System.Console::WriteLine(string)"), then one
 * line per EH clause. Numbers print in decimal, branch targets as IL_xxxx,
 * strings as C# literals, tokens as the names sig.c gives them.
 */
#include "dump.h"

#include <string.h>

/* ---- operands ---- */

void dump_quote_utf16(Buf *b, Blob s)
{
	static const char *const escapes[128] = {
		['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r",
		['\t'] = "\\t", ['\0'] = "\\0",
	};
	buf_putc(b, '"');
	for (uint32_t i = 0; i + 1 < s.len; i += 2) {
		unsigned c = s.p[i] | s.p[i + 1] << 8;
		if (c < 128 && escapes[c])
			buf_puts(b, escapes[c]);
		else if (c >= 0x20 && c < 0x7F)
			buf_putc(b, (char)c);
		else
			buf_printf(b, "\\u%04x", c);
	}
	buf_putc(b, '"');
}

static bool is_field(Image *img, Token tok)
{
	if (TOK_TABLE(tok) == T_Field)
		return true;
	if (TOK_TABLE(tok) != T_MemberRef)
		return false;
	Blob s = md_blob(img, md_get(img, T_MemberRef, TOK_ROW(tok), MemberRef_Signature));
	return s.len && s.p[0] == SIG_FIELD;
}

/* calli: the StandAloneSig's method signature, without a name. */
static void print_calli_sig(Buf *b, Image *img, Arena *a, Token tok)
{
	if (TOK_TABLE(tok) != T_StandAloneSig || TOK_ROW(tok) == 0 ||
	    TOK_ROW(tok) > md_rows(img, T_StandAloneSig))
		md_error(img, "calli token 0x%08x is not a StandAloneSig row", tok);
	uint32_t blob = md_get(img, T_StandAloneSig, TOK_ROW(tok), StandAloneSig_Signature);
	sig_print_method(b, img, sig_method(img, a, blob), NULL, NULL);
}

static void print_token(Buf *b, Image *img, Arena *a, const Instr *in)
{
	Token tok = in->token;
	switch (TOK_TABLE(tok)) {
	case T_UserString:
		dump_quote_utf16(b, md_userstring(img, TOK_ROW(tok)));
		return;
	case T_StandAloneSig:
		print_calli_sig(b, img, a, tok);
		return;
	case T_TypeDef: case T_TypeRef: case T_TypeSpec:
		sig_print_token(b, img, tok, true, NULL);
		return;
	}
	if (in->op == OP_LDTOKEN)
		buf_puts(b, is_field(img, tok) ? "field " : "method ");
	sig_print_member(b, img, a, tok);
}

static void print_switch(Buf *b, const Instr *in)
{
	buf_putc(b, '(');
	for (uint32_t i = 0; i < in->ncases; i++)
		buf_printf(b, "%sIL_%04x", i ? ", " : "", il_switch_target(in, i));
	buf_putc(b, ')');
}

static void print_operand(Buf *b, Image *img, Arena *a, const Instr *in)
{
	switch (op_info[in->op].operand) {
	case OPK_NONE: break;
	case OPK_I8: case OPK_U8: case OPK_U16: case OPK_I32: case OPK_I64:
		buf_printf(b, " %lld", (long long)in->i);
		break;
	case OPK_R4: buf_printf(b, " %.9g", in->r); break;
	case OPK_R8: buf_printf(b, " %.17g", in->r); break;
	case OPK_BR8: case OPK_BR32: buf_printf(b, " IL_%04x", in->target); break;
	case OPK_TOKEN: buf_putc(b, ' '), print_token(b, img, a, in); break;
	case OPK_SWITCH: buf_putc(b, ' '), print_switch(b, in); break;
	}
}

/* ---- header, code, clauses ---- */
static void print_locals(FILE *out, Image *img, Arena *a, const MethodBody *body,
			 const char *indent)
{
	LocalsSig ls = sig_locals(img, a, body->local_sig);
	if (ls.count == 0)
		return;
	Buf b = {0};
	buf_printf(&b, "%s.locals %s(", indent, body->init_locals ? "init " : "");
	for (uint32_t i = 0; i < ls.count; i++) {
		if (i)
			buf_puts(&b, ", ");
		sig_print_type(&b, img, ls.types[i], NULL);
	}
	fprintf(out, "%s)\n", b.s);
	buf_free(&b);
}

static void print_code(FILE *out, Image *img, Arena *a, const MethodBody *body,
		       const char *indent)
{
	Buf b = {0};
	Instr in;
	for (uint32_t off = 0; off < body->code_size; ) {
		off = il_decode(img, body, off, &in);
		buf_clear(&b);
		buf_printf(&b, "%sIL_%04x: %s", indent, in.offset, op_info[in.op].text);
		print_operand(&b, img, a, &in);
		fprintf(out, "%s\n", b.s);
	}
	buf_free(&b);
}

static void print_clause(FILE *out, Image *img, const EHClause *e, const char *indent)
{
	Buf b = {0};
	buf_printf(&b, "%s.try IL_%04x to IL_%04x ", indent, e->try_off,
		   e->try_off + e->try_len);
	switch (e->kind) {
	case EH_CATCH:
		buf_puts(&b, "catch ");
		sig_print_token(&b, img, e->class_token, true, NULL);
		break;
	case EH_FILTER: buf_printf(&b, "filter IL_%04x", e->filter_off); break;
	case EH_FINALLY: buf_puts(&b, "finally"); break;
	case EH_FAULT: buf_puts(&b, "fault"); break;
	}
	fprintf(out, "%s handler IL_%04x to IL_%04x\n", b.s, e->handler_off,
		e->handler_off + e->handler_len);
	buf_free(&b);
}

void dump_il(FILE *out, Image *img, Arena *a, uint32_t row, const char *indent)
{
	MethodBody body;
	if (!md_body(img, a, row, &body))
		return;
	Buf name = {0};
	sig_print_method_name(&name, img, row);
	il_check(img, &body, name.s);   /* bad IL is an error, not odd text */
	buf_free(&name);
	fprintf(out, "%s.maxstack %u\n", indent, body.max_stack);
	print_locals(out, img, a, &body, indent);
	print_code(out, img, a, &body, indent);
	for (uint32_t i = 0; i < body.neh; i++)
		print_clause(out, img, &body.eh[i], indent);
}
