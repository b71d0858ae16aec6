/* symbols: the C# file and line of an IL offset, from the debug
 * information a compiler wrote beside the assembly.
 *
 * Requires: an opened Image. Produces: for (method row, IL offset) the
 * source file and line of the last sequence point at or before the
 * offset, or nothing. Two formats are read:
 *
 * - mcs -debug: NAME.exe.mdb, Mono's symbol file: a header (magic, version
 *   50, the module's MVID), an offset table, a method index of (token,
 *   data offset, line table offset), source and compile-unit entries, and
 *   per method a DWARF-like line program (special opcodes from OpcodeBase,
 *   DW_LNS_copy/advance_pc/advance_line/set_file/const_add_pc, extended
 *   end_sequence and Mono's negate_is_hidden). Its MVID must be the
 *   module's, else the file is stale and ignored.
 * - csc -debug:portable: NAME.pdb, a portable PDB: metadata ("BSJB") with
 *   #Pdb, #~, #Blob and #GUID streams; its tables start with Document
 *   (0x30) and MethodDebugInformation (0x31, one row per MethodDef), whose
 *   SequencePoints blob holds delta-coded records (hidden ones: no line).
 *
 * A debug file that is there but malformed is refused like a bad assembly
 * (one line naming it and the offset); a missing one means no lines. */
#include "symbols.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Point {
	uint32_t off, line, file;       /* file: index into Syms.files */
} Point;

typedef struct Syms {
	Image *img;                     /* the assembly */
	Image dbg;                      /* the debug file, for Reader and md_error */
	bool pdb;
	uint32_t nfiles;
	const char **files;
	/* mdb */
	int32_t line_base, line_range, opcode_base;
	uint32_t nmethods;
	const uint8_t *method_table;    /* 12-byte entries, sorted by token */
	uint32_t ncus;
	const uint8_t *cu_table;        /* 8-byte entries */
	/* pdb */
	const uint8_t *blob, *guid;
	uint32_t blob_size, blob_idx, guid_idx, doc_idx;
	const uint8_t *docs, *mdi;      /* the two tables' first rows */
	uint32_t ndocs, nmdi, doc_row, mdi_row;
	struct Syms *next;
} Syms;

static Syms *loaded;

static Reader at(Syms *s, uint32_t off, uint32_t len, const char *what)
{
	Reader r = { &s->dbg, s->dbg.data, s->dbg.data + s->dbg.size, what };
	if (off > s->dbg.size || len > s->dbg.size - off)
		rd_error(&r, "offset 0x%x (+%u) is outside the file", off, len);
	r.p += off;
	r.end = r.p + len;
	return r;
}

static uint32_t le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

/* ---- mdb ---- */

/* .NET's 7-bit encoded int (BinaryWriter.Write7BitEncodedInt). */
static int32_t leb(Reader *r)
{
	uint32_t v = 0;
	for (unsigned shift = 0; shift < 35; shift += 7) {
		uint8_t b = rd_u8(r);
		v |= (uint32_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return (int32_t)v;
	}
	rd_error(r, "bad 7-bit encoded integer");
}

static const char *mdb_string(Syms *s, Reader *r)
{
	uint32_t n = (uint32_t)leb(r);
	const uint8_t *p = rd_bytes(r, n);
	return arena_printf(&s->img->arena, "%.*s", (int)n, (const char *)p);
}

static void mdb_open(Syms *s)
{
	Reader r = at(s, 0, (uint32_t)s->dbg.size, "symbol file header");
	if (rd_u64(&r) != 0x45e82623fd7fa614ull)
		rd_error(&r, "not a Mono symbol file (bad magic)");
	uint32_t major = rd_u32(&r);
	rd_u32(&r);
	if (major != 50)
		rd_error(&r, "symbol file version %u (ilcc reads 50)", major);
	const uint8_t *mvid = rd_bytes(&r, 16);
	const uint8_t *own = md_rows(s->img, T_Module) ?
		md_guid(s->img, md_get(s->img, T_Module, 1, Module_Mvid)) : NULL;
	if (!own || memcmp(own, mvid, 16)) {
		s->nfiles = 0;          /* another build's: no lines */
		return;
	}
	uint32_t v[20];
	for (unsigned i = 0; i < 20; i++)
		v[i] = rd_u32(&r);
	s->ncus = v[3];
	s->cu_table = at(s, v[4], s->ncus * 8, "compile unit table").p;
	s->nfiles = v[6];
	s->nmethods = v[9];
	s->method_table = at(s, v[10], s->nmethods * 12, "method table").p;
	s->line_base = (int32_t)v[16];
	s->line_range = (int32_t)v[17];
	s->opcode_base = (int32_t)v[18];
	if (s->line_range <= 0 || s->opcode_base <= 0 || s->opcode_base > 255)
		rd_error(&r, "bad line table parameters");
	Reader src = at(s, v[7], s->nfiles * 8, "source table");
	s->files = arena_alloc(&s->img->arena, (s->nfiles + 1) * sizeof *s->files);
	for (uint32_t i = 0; i < s->nfiles; i++) {
		uint32_t index = rd_u32(&src), data = rd_u32(&src);
		Reader d = at(s, data, (uint32_t)s->dbg.size - data, "source entry");
		if (index != i + 1)
			rd_error(&src, "source entry %u has index %u", i + 1, index);
		s->files[i + 1] = mdb_string(s, &d);
	}
}

/* The line program of one method, into pts (file: the source index). */
static uint32_t mdb_points(Syms *s, uint32_t lnt, Point *pts, uint32_t max)
{
	Reader r = at(s, lnt, (uint32_t)s->dbg.size - lnt, "line number table");
	uint32_t n = 0, line = 1, off = 0, file = 1;
	bool hidden = false;
	int32_t max_inc = (255 - s->opcode_base) / s->line_range;
	for (;;) {
		uint8_t op = rd_u8(&r);
		bool add = false;
		if (op == 0) {
			uint8_t size = rd_u8(&r);
			const uint8_t *end = r.p + size;
			uint8_t ext = rd_u8(&r);
			if (ext == 1)
				return n;
			if (ext == 0x40)
				hidden = !hidden;
			else if (ext < 0x40 || ext > 0x7f)
				rd_error(&r, "unknown extended opcode 0x%x", ext);
			if (end < r.p || end > r.end)
				rd_error(&r, "extended opcode past the end");
			r.p = end;
			continue;
		} else if (op < s->opcode_base) {
			switch (op) {
			case 1: add = true; break;
			case 2: off += (uint32_t)leb(&r); break;
			case 3: line += (uint32_t)leb(&r); break;
			case 4: file = (uint32_t)leb(&r); break;
			case 8: off += (uint32_t)max_inc; break;
			default: rd_error(&r, "unknown opcode 0x%x", op);
			}
		} else {
			op = (uint8_t)(op - s->opcode_base);
			off += (uint32_t)(op / s->line_range);
			line += (uint32_t)(s->line_base + op % s->line_range);
			add = true;
		}
		if (add && n < max && !hidden)
			pts[n++] = (Point){ off, line, file <= s->nfiles ? file : 0 };
	}
}

static uint32_t mdb_method(Syms *s, uint32_t row, Point *pts, uint32_t max)
{
	uint32_t token = TOKEN(T_MethodDef, row), lo = 0, hi = s->nmethods;
	while (lo < hi) {               /* the index is sorted by token */
		uint32_t mid = (lo + hi) / 2;
		uint32_t t = le32(s->method_table + mid * 12);
		if (t == token)
			return mdb_points(s, le32(s->method_table + mid * 12 + 8), pts, max);
		if (t < token)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ---- portable PDB ---- */

static uint32_t idx(Reader *r, uint32_t size)
{
	return size == 4 ? rd_u32(r) : rd_u16(r);
}

static Reader pdb_blob(Syms *s, uint32_t i)
{
	Reader r = at(s, (uint32_t)(s->blob - s->dbg.data) + i, s->blob_size - i, "blob");
	if (i >= s->blob_size)
		rd_error(&r, "blob index 0x%x out of range", i);
	uint32_t n = rd_cu32(&r);
	if (n > (uint32_t)(r.end - r.p))
		rd_error(&r, "blob of %u bytes past the heap's end", n);
	r.end = r.p + n;
	return r;
}

/* Document.Name: a separator, then blob parts joined by it. */
static const char *pdb_doc_name(Syms *s, uint32_t blob)
{
	Reader r = pdb_blob(s, blob);
	Buf b = {0};
	char sep = (char)rd_u8(&r);
	for (bool first = true; !rd_done(&r); first = false) {
		Reader part = pdb_blob(s, rd_cu32(&r));
		if (!first && sep)
			buf_putc(&b, sep);
		buf_printf(&b, "%.*s", (int)(part.end - part.p), (const char *)part.p);
	}
	const char *name = arena_strdup(&s->img->arena, b.s ? b.s : "");
	buf_free(&b);
	return name;
}

static void pdb_streams(Syms *s, const uint8_t **pdb, const uint8_t **tables)
{
	Reader r = at(s, 0, (uint32_t)s->dbg.size, "metadata root");
	rd_u32(&r);
	rd_u32(&r);
	rd_u32(&r);
	rd_bytes(&r, (rd_u32(&r) + 3) & ~3u);
	rd_u16(&r);
	uint16_t n = rd_u16(&r);
	for (uint16_t i = 0; i < n; i++) {
		uint32_t off = rd_u32(&r), size = rd_u32(&r);
		const char *name = (const char *)r.p;
		size_t len = strnlen(name, (size_t)(r.end - r.p));
		rd_bytes(&r, (uint32_t)((len + 4) & ~3u));
		const uint8_t *p = at(s, off, size, "stream").p;
		if (!strcmp(name, "#Pdb"))
			*pdb = p;
		else if (!strcmp(name, "#~"))
			*tables = p;
		else if (!strcmp(name, "#Blob"))
			s->blob = p, s->blob_size = size;
		else if (!strcmp(name, "#GUID"))
			s->guid = p;
	}
	if (!*pdb || !*tables || !s->blob)
		rd_error(&r, "a portable PDB needs #Pdb, #~ and #Blob streams");
}

static void pdb_open(Syms *s)
{
	const uint8_t *pdb = NULL, *tables = NULL;
	pdb_streams(s, &pdb, &tables);
	Reader r = at(s, (uint32_t)(tables - s->dbg.data), (uint32_t)(s->dbg.data + s->dbg.size - tables), "#~");
	rd_u32(&r);
	rd_u16(&r);
	uint8_t heaps = rd_u8(&r);
	rd_u8(&r);
	uint64_t valid = rd_u64(&r);
	rd_u64(&r);
	if ((valid & 3ull << 0x30) != 3ull << 0x30 || (valid & ((1ull << 0x30) - 1)))
		rd_error(&r, "no Document and MethodDebugInformation tables");
	s->ndocs = rd_u32(&r);
	s->nmdi = rd_u32(&r);
	for (uint64_t v = valid >> 0x32; v; v >>= 1)
		if (v & 1)
			rd_u32(&r);
	s->blob_idx = heaps & 4 ? 4 : 2;
	s->guid_idx = heaps & 2 ? 4 : 2;
	s->doc_idx = s->ndocs > 0xffff ? 4 : 2;
	s->doc_row = 2 * s->blob_idx + 2 * s->guid_idx;
	s->mdi_row = s->doc_idx + s->blob_idx;
	s->docs = rd_bytes(&r, s->ndocs * s->doc_row);
	s->mdi = rd_bytes(&r, s->nmdi * s->mdi_row);
	s->nfiles = s->ndocs;
	s->files = arena_alloc(&s->img->arena, (s->nfiles + 1) * sizeof *s->files);
	for (uint32_t i = 0; i < s->ndocs; i++) {
		Reader d = at(s, (uint32_t)(s->docs - s->dbg.data) + i * s->doc_row, s->doc_row, "Document");
		s->files[i + 1] = pdb_doc_name(s, idx(&d, s->blob_idx));
	}
}

static uint32_t pdb_method(Syms *s, uint32_t row, Point *pts, uint32_t max)
{
	if (row == 0 || row > s->nmdi)
		return 0;
	Reader m = at(s, (uint32_t)(s->mdi - s->dbg.data) + (row - 1) * s->mdi_row, s->mdi_row,
		      "MethodDebugInformation");
	uint32_t doc = idx(&m, s->doc_idx), blob = idx(&m, s->blob_idx);
	if (!blob)
		return 0;
	Reader r = pdb_blob(s, blob);
	rd_cu32(&r);                    /* local signature */
	if (!doc)
		doc = rd_cu32(&r);
	uint32_t n = 0, off = 0, line = 0, col = 0;
	bool first = true, first_line = true;
	while (!rd_done(&r)) {
		uint32_t d_il = rd_cu32(&r);
		if (!first && d_il == 0) {      /* a document record */
			doc = rd_cu32(&r);
			continue;
		}
		off += d_il;
		first = false;
		uint32_t d_lines = rd_cu32(&r);
		int32_t d_cols = d_lines == 0 ? (int32_t)rd_cu32(&r) : rd_ci32(&r);
		(void)d_cols;
		if (d_lines == 0 && d_cols == 0)
			continue;               /* hidden */
		if (first_line) {
			line = rd_cu32(&r);
			col = rd_cu32(&r);
		} else {
			line += (uint32_t)rd_ci32(&r);
			col += (uint32_t)rd_ci32(&r);
		}
		first_line = false;
		if (n < max)
			pts[n++] = (Point){ off, line, doc <= s->nfiles ? doc : 0 };
	}
	return n;
}

/* ---- both ---- */

static Syms *syms_of(Image *img)
{
	for (Syms *s = loaded; s; s = s->next)
		if (s->img == img)
			return s->nfiles ? s : NULL;
	Syms *s = arena_alloc(&img->arena, sizeof *s);
	s->img = img;
	s->next = loaded;
	loaded = s;
	const char *mdb = arena_printf(&img->arena, "%s.mdb", img->path);
	const char *dot = strrchr(img->path, '.'), *slash = strrchr(img->path, '/');
	int stem = dot && (!slash || dot > slash) ? (int)(dot - img->path) : (int)strlen(img->path);
	const char *pdb = arena_printf(&img->arena, "%.*s.pdb", stem, img->path);
	if (map_file(mdb, &s->dbg.file))
		s->dbg.path = mdb;
	else if (map_file(pdb, &s->dbg.file))
		s->dbg.path = pdb, s->pdb = true;
	else
		return NULL;
	s->dbg.data = s->dbg.file.data;
	s->dbg.size = s->dbg.file.size;
	if (s->pdb && (s->dbg.size < 4 || memcmp(s->dbg.data, "BSJB", 4)))
		return NULL;            /* a Windows PDB: not read */
	if (s->pdb)
		pdb_open(s);
	else
		mdb_open(s);
	return s->nfiles ? s : NULL;
}

bool sym_line(Image *img, uint32_t method_row, uint32_t il_off, SrcLine *out)
{
	Syms *s = img ? syms_of(img) : NULL;
	if (!s)
		return false;
	enum { MAX = 4096 };
	static Point pts[MAX];
	uint32_t n = s->pdb ? pdb_method(s, method_row, pts, MAX) :
		     mdb_method(s, method_row, pts, MAX);
	const Point *best = NULL;
	for (uint32_t i = 0; i < n; i++)
		if (pts[i].off <= il_off && pts[i].file && (!best || pts[i].off >= best->off))
			best = &pts[i];
	if (!best)
		return false;
	out->file = s->files[best->file];
	out->line = best->line;
	return true;
}
