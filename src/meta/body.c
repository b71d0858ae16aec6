/* body: method bodies and IL instructions.
 *
 * Requires: an Image and a MethodDef row. Produces: a MethodBody (header
 * fields, the code bytes in place in the file, the EH clauses in the caller's
 * arena), and instructions decoded one at a time from it.
 *
 * A body (§II.25.4) is a tiny header (1 byte: format and code size) or a fat
 * one (12 bytes: flags, max stack, code size, locals signature token), the
 * code, then, when the fat header says MoreSects, extra data sections, each
 * 4-byte aligned and chained by its own MoreSects flag. The only section kind
 * in use is the EH table, small (12-byte clauses) or fat (24-byte clauses).
 *
 * md_body checks the header, the sections and that every clause lies inside
 * the code. il_check goes further: it decodes every instruction and checks
 * that branch targets and clause boundaries fall on instruction starts and
 * that each token operand names an existing row of a fitting kind.
 */
#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const OpInfo op_info[OP_COUNT] = {
#define OP(name, text, code, operand) [OP_##name] = { text, code, OPK_##operand },
#include "opcodes.def"
#undef OP
};

enum {
	HDR_FORMAT_MASK = 0x3, HDR_TINY = 0x2, HDR_FAT = 0x3,
	HDR_MORE_SECTS = 0x08, HDR_INIT_LOCALS = 0x10,
	SECT_EH = 0x01, SECT_OPTIL = 0x02, SECT_FAT = 0x40, SECT_MORE = 0x80,
	SMALL_CLAUSE = 12, FAT_CLAUSE = 24,
	IMPL_CODE_TYPE = 0x3, IMPL_IL = 0x0,
};

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint64_t le64(const uint8_t *p) { return le32(p) | (uint64_t)le32(p + 4) << 32; }

static bool token_in_range(const Image *img, Token tok)
{
	return TOK_ROW(tok) != 0 && TOK_ROW(tok) <= md_rows(img, TOK_TABLE(tok));
}

/* ---- body header and sections ---- */
typedef struct BodyCtx {
	Image *img;
	Arena *a;
	uint32_t row;
	uint32_t eh_cap;                /* room in out->eh */
} BodyCtx;

/* "Ns.Type::Name", only built when there is an error to report. */
static const char *method_name(const BodyCtx *c)
{
	const Image *img = c->img;
	const char *name = md_string(img, md_get(img, T_MethodDef, c->row, MethodDef_Name));
	uint32_t owner = md_owner_of_method(c->img, c->row);
	if (!owner)
		return name;
	const char *ns = md_string(img, md_get(img, T_TypeDef, owner, TypeDef_Namespace));
	const char *type = md_string(img, md_get(img, T_TypeDef, owner, TypeDef_Name));
	return arena_printf(c->a, "%s%s%s::%s", ns, *ns ? "." : "", type, name);
}

static void __attribute__((format(printf, 2, 3), noreturn))
body_error(const BodyCtx *c, const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	md_error(c->img, "method %s (MethodDef row %u): %s", method_name(c), c->row, msg);
}

/* `len` bytes of the body at `rva`, or an error naming `part`. */
static const uint8_t *body_bytes(const BodyCtx *c, uint64_t rva, uint64_t len,
				 const char *part)
{
	uint32_t avail;
	const uint8_t *p = rva > UINT32_MAX ? NULL : md_rva_try(c->img, (uint32_t)rva, &avail);
	if (!p)
		body_error(c, "%s at RVA 0x%llx is not in any section of the file",
			   part, (unsigned long long)rva);
	if (len > avail)
		body_error(c, "%s at RVA 0x%llx: %llu bytes run past the end of its"
			   " section (%u left)", part, (unsigned long long)rva,
			   (unsigned long long)len, avail);
	return p;
}

static void check_local_sig(const BodyCtx *c, Token tok)
{
	if (tok == 0)
		return;
	if (TOK_TABLE(tok) != T_StandAloneSig || !token_in_range(c->img, tok))
		body_error(c, "locals signature token 0x%08x is not a StandAloneSig row"
			   " (the table has %u rows)", tok, md_rows(c->img, T_StandAloneSig));
}

/* Parses the header at `p`; returns its size in bytes. */
static uint32_t read_header(const BodyCtx *c, const uint8_t *p, MethodBody *out)
{
	switch (p[0] & HDR_FORMAT_MASK) {
	case HDR_TINY:
		out->max_stack = 8;
		out->code_size = p[0] >> 2;
		return 1;
	case HDR_FAT:
		break;
	default:
		body_error(c, "bad method header format (first byte 0x%02x)", p[0]);
	}
	p = body_bytes(c, out->rva, 12, "fat method header");
	uint16_t flags = le16(p);
	uint32_t size = (uint32_t)(flags >> 12) * 4;
	if (size < 12)
		body_error(c, "fat method header size is %u bytes (at least 12)", size);
	out->fat = true;
	out->init_locals = flags & HDR_INIT_LOCALS;
	out->max_stack = le16(p + 2);
	out->code_size = le32(p + 4);
	out->local_sig = le32(p + 8);
	check_local_sig(c, out->local_sig);
	return size;
}

static EHClause small_clause(const uint8_t *p)
{
	return (EHClause){ .kind = le16(p), .try_off = le16(p + 2), .try_len = p[4],
			   .handler_off = le16(p + 5), .handler_len = p[7],
			   .class_token = le32(p + 8) };
}

static EHClause fat_clause(const uint8_t *p)
{
	return (EHClause){ .kind = le32(p), .try_off = le32(p + 4),
			   .try_len = le32(p + 8), .handler_off = le32(p + 12),
			   .handler_len = le32(p + 16), .class_token = le32(p + 20) };
}

/* Appends the `n` clauses at `p` to out->eh. */
static void add_clauses(BodyCtx *c, const uint8_t *p, uint32_t n, bool fat,
			MethodBody *out)
{
	EHClause *eh = out->eh;
	if ((uint64_t)out->neh + n > c->eh_cap) {
		/* doubling: many small sections stay linear */
		uint64_t cap = c->eh_cap ? 2 * (uint64_t)c->eh_cap : 4;
		while (cap < (uint64_t)out->neh + n)
			cap *= 2;
		eh = arena_alloc(c->a, cap * sizeof *eh);
		if (out->neh)
			memcpy(eh, out->eh, out->neh * sizeof *eh);
		c->eh_cap = (uint32_t)cap;
	}
	for (uint32_t i = 0; i < n; i++) {
		EHClause *e = &eh[out->neh + i];
		*e = fat ? fat_clause(p + i * FAT_CLAUSE) : small_clause(p + i * SMALL_CLAUSE);
		if (e->kind == EH_FILTER)
			e->filter_off = e->class_token;
		if (e->kind != EH_CATCH)
			e->class_token = 0;
	}
	out->eh = eh;
	out->neh += n;
}

/* One extra data section at `rva`; returns the RVA after it, or 0 if it is
 * the last. */
static uint64_t read_section(BodyCtx *c, uint64_t rva, MethodBody *out)
{
	const uint8_t *p = body_bytes(c, rva, 4, "extra data section");
	bool fat = p[0] & SECT_FAT;
	uint32_t size = fat ? p[1] | p[2] << 8 | p[3] << 16 : p[1];
	uint32_t clause = fat ? FAT_CLAUSE : SMALL_CLAUSE;
	if (p[0] & SECT_OPTIL)
		body_error(c, "extra data section at RVA 0x%llx is an OptILTable"
			   " (kind 0x%02x; reserved, not supported)",
			   (unsigned long long)rva, p[0]);
	if (!(p[0] & SECT_EH))
		body_error(c, "extra data section at RVA 0x%llx has unknown kind 0x%02x",
			   (unsigned long long)rva, p[0]);
	if (size < 4 || (size - 4) % clause != 0)
		body_error(c, "%s EH section at RVA 0x%llx has size %u (4 + a multiple"
			   " of %u expected)", fat ? "fat" : "small",
			   (unsigned long long)rva, size, clause);
	p = body_bytes(c, rva, size, "EH section");
	add_clauses(c, p + 4, (size - 4) / clause, fat, out);
	return p[0] & SECT_MORE ? (rva + size + 3) & ~(uint64_t)3 : 0;
}

static void check_range(const BodyCtx *c, const MethodBody *b, uint32_t i,
			const char *what, uint32_t off, uint32_t len)
{
	if ((uint64_t)off + len > b->code_size)
		body_error(c, "EH clause %u: %s IL_%04x..IL_%04llx runs past the end of"
			   " the code (%u bytes)", i, what, off,
			   (unsigned long long)off + len, b->code_size);
}

static void check_clause(const BodyCtx *c, const MethodBody *b, uint32_t i)
{
	const EHClause *e = &b->eh[i];
	Token t = e->class_token;
	switch (e->kind) {
	case EH_CATCH:
		if ((TOK_TABLE(t) != T_TypeDef && TOK_TABLE(t) != T_TypeRef &&
		     TOK_TABLE(t) != T_TypeSpec) || !token_in_range(c->img, t))
			body_error(c, "EH clause %u: catch type token 0x%08x is not a"
				   " TypeDef, TypeRef or TypeSpec row", i, t);
		break;
	case EH_FILTER:
		if (e->filter_off >= b->code_size)
			body_error(c, "EH clause %u: filter IL_%04x is outside the code"
				   " (%u bytes)", i, e->filter_off, b->code_size);
		break;
	case EH_FINALLY:
	case EH_FAULT:
		break;
	default:
		body_error(c, "EH clause %u: unknown kind 0x%x", i, e->kind);
	}
	check_range(c, b, i, "try", e->try_off, e->try_len);
	check_range(c, b, i, "handler", e->handler_off, e->handler_len);
}

bool md_body(Image *img, Arena *a, uint32_t row, MethodBody *out)
{
	uint32_t rva = md_get(img, T_MethodDef, row, MethodDef_RVA);
	uint32_t impl = md_get(img, T_MethodDef, row, MethodDef_ImplFlags);
	*out = (MethodBody){ .rva = rva };
	if (rva == 0 || (impl & IMPL_CODE_TYPE) != IMPL_IL)
		return false;
	BodyCtx c = { .img = img, .a = a, .row = row };
	const uint8_t *p = body_bytes(&c, rva, 1, "method header");
	uint32_t hsize = read_header(&c, p, out);
	uint64_t end = (uint64_t)rva + hsize + out->code_size;
	out->code = body_bytes(&c, rva, end - rva, "method body") + hsize;
	if (out->fat && (le16(p) & HDR_MORE_SECTS))
		for (uint64_t s = (end + 3) & ~(uint64_t)3; s; )
			s = read_section(&c, s, out);
	for (uint32_t i = 0; i < out->neh; i++)
		check_clause(&c, out, i);
	return true;
}

/* ---- instruction decoding ---- */

/* Opcode + 1 by first byte, and by second byte after 0xFE; 0 for none.
 * Filled on first use; filling is idempotent, so a second filler is harmless. */
static uint8_t op_one[256], op_two[256];
_Static_assert(OP_COUNT < 255, "opcode numbers must fit the lookup tables");

static void build_op_tables(void)
{
	for (unsigned i = 0; i < OP_COUNT; i++) {
		uint16_t code = op_info[i].code;
		if (code >> 8 == 0xFE)
			op_two[code & 0xFF] = (uint8_t)(i + 1);
		else
			op_one[code] = (uint8_t)(i + 1);
	}
}

static const uint8_t operand_size[] = {
	[OPK_NONE] = 0, [OPK_I8] = 1, [OPK_U8] = 1, [OPK_U16] = 2, [OPK_I32] = 4,
	[OPK_I64] = 8, [OPK_R4] = 4, [OPK_R8] = 8, [OPK_BR8] = 1, [OPK_BR32] = 4,
	[OPK_TOKEN] = 4, [OPK_SWITCH] = 4,
};

static void __attribute__((format(printf, 5, 6), noreturn))
il_error(Image *img, const MethodBody *b, const char *method, uint32_t off,
	 const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (method)
		md_error(img, "method %s: IL_%04x: %s", method, off, msg);
	md_error(img, "method body at RVA 0x%x: IL_%04x: %s", b->rva, off, msg);
}

static Opcode lookup_op(Image *img, const MethodBody *b, const char *method,
			uint32_t off, uint32_t *at)
{
	static bool ready;
	if (!ready)
		build_op_tables(), ready = true;
	uint8_t byte = b->code[(*at)++];
	if (byte != 0xFE) {
		if (!op_one[byte])
			il_error(img, b, method, off, "unknown opcode 0x%02x", byte);
		return (Opcode)(op_one[byte] - 1);
	}
	if (*at >= b->code_size)
		il_error(img, b, method, off, "opcode 0xFE is cut off by the end of"
			 " the code (%u bytes)", b->code_size);
	byte = b->code[(*at)++];
	if (!op_two[byte])
		il_error(img, b, method, off, "unknown opcode 0xFE 0x%02x", byte);
	return (Opcode)(op_two[byte] - 1);
}

static void decode_operand(Instr *in, const uint8_t *p, uint32_t next)
{
	switch (op_info[in->op].operand) {
	case OPK_NONE: break;
	case OPK_I8: in->i = (int8_t)p[0]; break;
	case OPK_U8: in->i = p[0]; break;
	case OPK_U16: in->i = le16(p); break;
	case OPK_I32: in->i = (int32_t)le32(p); break;
	case OPK_I64: in->i = (int64_t)le64(p); break;
	case OPK_R4: {
		uint32_t bits = le32(p);
		float f;
		memcpy(&f, &bits, sizeof f);
		in->r = f;
		break;
	}
	case OPK_R8: {
		uint64_t bits = le64(p);
		memcpy(&in->r, &bits, sizeof in->r);
		break;
	}
	case OPK_BR8: in->target = next + (uint32_t)(int32_t)(int8_t)p[0]; break;
	case OPK_BR32: in->target = next + le32(p); break;
	case OPK_TOKEN: in->token = le32(p); break;
	case OPK_SWITCH: in->ncases = le32(p), in->cases = p + 4; break;
	}
}

static uint32_t decode(Image *img, const MethodBody *b, uint32_t off, Instr *in,
		       const char *method)
{
	if (off >= b->code_size)
		il_error(img, b, method, off, "no instruction here: the code is %u bytes",
			 b->code_size);
	uint32_t at = off;
	*in = (Instr){ .offset = off };
	in->op = lookup_op(img, b, method, off, &at);
	OperandKind k = op_info[in->op].operand;
	uint64_t len = operand_size[k];
	if (k == OPK_SWITCH && b->code_size - at >= 4)
		len += (uint64_t)le32(b->code + at) * 4;
	if (len > b->code_size - at)
		il_error(img, b, method, off, "%s: the operand runs past the end of the"
			 " code (%llu bytes needed, %u left)", op_info[in->op].text,
			 (unsigned long long)len, b->code_size - at);
	in->size = (uint32_t)(at + len - off);
	decode_operand(in, b->code + at, off + in->size);
	return off + in->size;
}

uint32_t il_decode(Image *img, const MethodBody *body, uint32_t offset, Instr *out)
{
	return decode(img, body, offset, out, NULL);
}

uint32_t il_switch_target(const Instr *in, uint32_t i)
{
	return in->offset + in->size + le32(in->cases + (size_t)i * 4);
}

/* ---- whole-body checks ---- */

/* What a token operand may name. */
enum { TC_NONE, TC_TYPE, TC_METHOD, TC_FIELD, TC_STRING, TC_SIG, TC_LDTOKEN };

static const uint8_t token_class[OP_COUNT] = {
	[OP_JMP] = TC_METHOD, [OP_CALL] = TC_METHOD, [OP_CALLVIRT] = TC_METHOD,
	[OP_NEWOBJ] = TC_METHOD, [OP_LDFTN] = TC_METHOD, [OP_LDVIRTFTN] = TC_METHOD,
	[OP_LDFLD] = TC_FIELD, [OP_LDFLDA] = TC_FIELD, [OP_STFLD] = TC_FIELD,
	[OP_LDSFLD] = TC_FIELD, [OP_LDSFLDA] = TC_FIELD, [OP_STSFLD] = TC_FIELD,
	[OP_CPOBJ] = TC_TYPE, [OP_LDOBJ] = TC_TYPE, [OP_CASTCLASS] = TC_TYPE,
	[OP_ISINST] = TC_TYPE, [OP_UNBOX] = TC_TYPE, [OP_STOBJ] = TC_TYPE,
	[OP_BOX] = TC_TYPE, [OP_NEWARR] = TC_TYPE, [OP_LDELEMA] = TC_TYPE,
	[OP_LDELEM] = TC_TYPE, [OP_STELEM] = TC_TYPE, [OP_UNBOX_ANY] = TC_TYPE,
	[OP_REFANYVAL] = TC_TYPE, [OP_MKREFANY] = TC_TYPE, [OP_INITOBJ] = TC_TYPE,
	[OP_CONSTRAINED] = TC_TYPE, [OP_SIZEOF] = TC_TYPE,
	[OP_LDSTR] = TC_STRING, [OP_CALLI] = TC_SIG, [OP_LDTOKEN] = TC_LDTOKEN,
};

/* The class a token's row belongs to; a MemberRef is a field or a method by
 * its signature's first byte. */
static unsigned class_of(const Image *img, Token tok)
{
	switch (TOK_TABLE(tok)) {
	case T_TypeDef: case T_TypeRef: case T_TypeSpec: return TC_TYPE;
	case T_MethodDef: case T_MethodSpec: return TC_METHOD;
	case T_Field: return TC_FIELD;
	case T_StandAloneSig: return TC_SIG;
	case T_MemberRef: {
		Blob b = md_blob(img, md_get(img, T_MemberRef, TOK_ROW(tok), MemberRef_Signature));
		return b.len && b.p[0] == SIG_FIELD ? TC_FIELD : TC_METHOD;
	}
	}
	return TC_NONE;
}

static void check_token(Image *img, const MethodBody *b, const Instr *in,
			const char *method)
{
	unsigned want = token_class[in->op];
	Token t = in->token;
	const char *op = op_info[in->op].text;
	if (want == TC_STRING) {
		if (TOK_TABLE(t) != T_UserString || TOK_ROW(t) >= img->us.size)
			il_error(img, b, method, in->offset, "ldstr: token 0x%08x is not"
				 " in the #US heap (%u bytes)", t, img->us.size);
		md_userstring(img, TOK_ROW(t));
		return;
	}
	if (TOK_TABLE(t) >= T_COUNT || !token_in_range(img, t)) {
		if (TOK_TABLE(t) == T_MethodDef)
			il_bad_method_token = t;
		il_error(img, b, method, in->offset, "%s: token 0x%08x is out of range"
			 " (table %s has %u rows)", op, t, md_table_name(TOK_TABLE(t)),
			 md_rows(img, TOK_TABLE(t)));
	}
	unsigned got = class_of(img, t);
	bool ok = want == TC_LDTOKEN ? got == TC_TYPE || got == TC_METHOD || got == TC_FIELD
				     : got == want;
	if (!ok)
		il_error(img, b, method, in->offset, "%s: token 0x%08x (%s) is the wrong"
			 " kind of row for this opcode", op, t, md_table_name(TOK_TABLE(t)));
}

/* Instruction starts, one bit per code byte; reused from body to body. */
static _Thread_local uint8_t *starts;
static _Thread_local size_t starts_cap;

static void clear_starts(uint32_t code_size)
{
	size_t n = (size_t)code_size / 8 + 1;
	if (n > starts_cap) {
		uint8_t *p = realloc(starts, n);
		if (!p)
			fatal("out of memory");
		starts = p, starts_cap = n;
	}
	memset(starts, 0, n);
}

static bool is_start(uint32_t off) { return starts[off >> 3] >> (off & 7) & 1; }

/* An error unless `target` is an instruction start, or the code end when
 * `end_ok`. */
static void check_target(Image *img, const MethodBody *b, const char *method,
			 uint32_t at, const char *what, uint32_t target, bool end_ok)
{
	if (target < b->code_size && is_start(target))
		return;
	if (target == b->code_size && end_ok)
		return;
	if (target >= b->code_size)
		il_error(img, b, method, at, "%s IL_%04x is outside the body (%u bytes)",
			 what, target, b->code_size);
	uint32_t inside = target;
	while (!is_start(inside))
		inside--;
	il_error(img, b, method, at, "%s IL_%04x is inside the instruction at IL_%04x",
		 what, target, inside);
}

static void check_instr(Image *img, const MethodBody *b, const Instr *in,
			const char *method)
{
	switch (op_info[in->op].operand) {
	case OPK_BR8:
	case OPK_BR32:
		check_target(img, b, method, in->offset, "branch target", in->target, false);
		break;
	case OPK_SWITCH:
		for (uint32_t i = 0; i < in->ncases; i++)
			check_target(img, b, method, in->offset, "switch target",
				     il_switch_target(in, i), false);
		break;
	case OPK_TOKEN:
		check_token(img, b, in, method);
		break;
	default:
		break;
	}
}

static void check_bound(Image *img, const MethodBody *b, const char *method,
			uint32_t i, const char *name, uint32_t off, bool end_ok)
{
	char what[64];
	snprintf(what, sizeof what, "EH clause %u: %s", i, name);
	check_target(img, b, method, off, what, off, end_ok);
}

/* Clause ends may be the code end; starts must be instructions. */
static void check_clause_bounds(Image *img, const MethodBody *b, uint32_t i,
				const char *method)
{
	const EHClause *e = &b->eh[i];
	check_bound(img, b, method, i, "try start", e->try_off, false);
	check_bound(img, b, method, i, "try end", e->try_off + e->try_len, true);
	check_bound(img, b, method, i, "handler start", e->handler_off, false);
	check_bound(img, b, method, i, "handler end",
		    e->handler_off + e->handler_len, true);
	if (e->kind == EH_FILTER)
		check_bound(img, b, method, i, "filter start", e->filter_off, false);
}

_Thread_local Token il_bad_method_token;

uint32_t il_check(Image *img, const MethodBody *body, const char *method)
{
	Instr in;
	uint32_t n = 0;
	il_bad_method_token = 0;
	clear_starts(body->code_size);
	for (uint32_t off = 0; off < body->code_size; n++) {
		starts[off >> 3] |= (uint8_t)(1u << (off & 7));
		off = decode(img, body, off, &in, method);
	}
	for (uint32_t off = 0; off < body->code_size; ) {
		off = decode(img, body, off, &in, method);
		check_instr(img, body, &in, method);
	}
	for (uint32_t i = 0; i < body->neh; i++)
		check_clause_bounds(img, body, i, method);
	return n;
}
