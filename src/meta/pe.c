/* pe: from file bytes to tables and heaps.
 *
 * Requires: a PE/COFF file holding CLI metadata (ECMA-335 §II.25, §II.24).
 * Produces: an Image with its sections, CLI header fields, the four heaps and
 * the table layout (row counts, row sizes, column offsets and widths). Rows
 * and heap entries are read in place, on demand, each access bounds-checked.
 *
 * Widths follow §II.24.2.6: a heap index is 4 bytes when the heap-size flag
 * says so; a simple index is 4 bytes when the target has 2^16 rows or more; a
 * coded index is 4 bytes when any of its tables has 2^(16 - tag bits) rows or
 * more.
 */
#include "meta.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- schema, from tables.def and coded.def ---- */
typedef struct ColDesc {
	uint8_t kind;                   /* ColKind */
	uint8_t target;                 /* table (K_TABLE, K_LIST) or coding */
	const char *name;
} ColDesc;

enum Coding {
#define CODED(name, bits, ...) CI_##name,
#include "coded.def"
#undef CODED
	CI_COUNT
};

#define NONE 0xFF
typedef struct CodingDesc {
	const char *name;
	uint8_t bits, ntables;
	uint8_t tables[32];
} CodingDesc;

static const CodingDesc codings[CI_COUNT] = {
#define CODED(name, nbits, ...) [CI_##name] = { #name, nbits, \
	sizeof((uint8_t[]){__VA_ARGS__}), {__VA_ARGS__} },
#include "coded.def"
#undef CODED
};

static const ColDesc schema[T_COUNT][10] = {
#define TABLE(name, num)
#define COL(t, i, name, kind) [T_##t][i] = { COLKIND_##kind, #name },
#define COLKIND_U16 K_U16, 0
#define COLKIND_U32 K_U32, 0
#define COLKIND_STR K_STR, 0
#define COLKIND_GUID K_GUID, 0
#define COLKIND_BLOB K_BLOB, 0
#define COLKIND_Field K_TABLE, T_Field
#define COLKIND_MethodDef K_TABLE, T_MethodDef
#define COLKIND_Param K_TABLE, T_Param
#define COLKIND_Event K_TABLE, T_Event
#define COLKIND_Property K_TABLE, T_Property
#define COLKIND_TypeDef K_TABLE, T_TypeDef
#define COLKIND_ModuleRef K_TABLE, T_ModuleRef
#define COLKIND_AssemblyRef K_TABLE, T_AssemblyRef
#define COLKIND_GenericParam K_TABLE, T_GenericParam
#define COLKIND_L_Field K_LIST, T_Field
#define COLKIND_L_MethodDef K_LIST, T_MethodDef
#define COLKIND_L_Param K_LIST, T_Param
#define COLKIND_L_Event K_LIST, T_Event
#define COLKIND_L_Property K_LIST, T_Property
#define COLKIND_CI_TypeDefOrRef K_CODED, CI_TypeDefOrRef
#define COLKIND_CI_HasConstant K_CODED, CI_HasConstant
#define COLKIND_CI_HasCustomAttribute K_CODED, CI_HasCustomAttribute
#define COLKIND_CI_HasFieldMarshal K_CODED, CI_HasFieldMarshal
#define COLKIND_CI_HasDeclSecurity K_CODED, CI_HasDeclSecurity
#define COLKIND_CI_MemberRefParent K_CODED, CI_MemberRefParent
#define COLKIND_CI_HasSemantics K_CODED, CI_HasSemantics
#define COLKIND_CI_MethodDefOrRef K_CODED, CI_MethodDefOrRef
#define COLKIND_CI_MemberForwarded K_CODED, CI_MemberForwarded
#define COLKIND_CI_Implementation K_CODED, CI_Implementation
#define COLKIND_CI_CustomAttributeType K_CODED, CI_CustomAttributeType
#define COLKIND_CI_ResolutionScope K_CODED, CI_ResolutionScope
#define COLKIND_CI_TypeOrMethodDef K_CODED, CI_TypeOrMethodDef
#include "tables.def"
#undef TABLE
#undef COL
};

static const char *const table_names[T_COUNT] = {
#define TABLE(name, num) [num] = #name,
#define COL(t, i, name, kind)
#include "tables.def"
#undef TABLE
#undef COL
};

const char *md_table_name(unsigned t)
{
	if (t == T_UserString)
		return "UserString";
	return t < T_COUNT && table_names[t] ? table_names[t] : "?";
}

const char *md_col_name(unsigned t, unsigned c) { return schema[t][c].name; }
ColKind md_col_kind(unsigned t, unsigned c) { return schema[t][c].kind; }

uint32_t md_rows(const Image *img, unsigned t)
{
	return t < T_COUNT ? img->tables[t].rows : 0;
}

/* ---- errors and little-endian reads ---- */
void md_error(const Image *img, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fatal("%s: %s", img->path, msg);
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The file's bytes at [off, off + len), or an error naming `what`. */
static const uint8_t *at(const Image *img, uint64_t off, uint64_t len, const char *what)
{
	if (off > img->size || len > img->size - off)
		md_error(img, "%s at file offset 0x%llx runs past the end of the file"
			 " (%zu bytes)", what, (unsigned long long)off, img->size);
	return img->data + off;
}

const uint8_t *md_rva_try(const Image *img, uint32_t rva, uint32_t *avail)
{
	for (uint32_t i = 0; i < img->nsections; i++) {
		const Section *s = &img->sections[i];
		uint32_t span = s->raw_size;
		if (rva < s->rva || rva - s->rva >= span)
			continue;
		uint64_t off = (uint64_t)s->raw_off + (rva - s->rva);
		if (off >= img->size)
			return NULL;
		uint64_t n = (uint64_t)span - (rva - s->rva);
		if (n > img->size - off)
			n = img->size - off;
		*avail = (uint32_t)n;
		return img->data + off;
	}
	return NULL;
}

const uint8_t *md_rva(const Image *img, uint32_t rva, uint32_t len, const char *what)
{
	uint32_t avail;
	const uint8_t *p = md_rva_try(img, rva, &avail);
	if (!p)
		md_error(img, "%s: RVA 0x%x is in no section", what, rva);
	if (len > avail)
		md_error(img, "%s at RVA 0x%x (file offset 0x%zx): %u bytes run past"
			 " its section", what, rva, (size_t)(p - img->data), len);
	return p;
}

/* ---- PE/COFF and CLI headers (§II.25.2, §II.25.3.3) ---- */
/* A section's 8-byte name, safe to print. */
static const char *printable_name(const uint8_t *p)
{
	static char name[9];
	for (unsigned i = 0; i < 8; i++)
		name[i] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : p[i] ? '?' : 0;
	name[8] = 0;
	return name;
}

static void read_sections(Image *img, uint32_t off, uint32_t n)
{
	const uint8_t *p = at(img, off, (uint64_t)n * 40, "section table");
	img->nsections = n;
	img->sections = arena_alloc(&img->arena, n * sizeof(Section));
	for (uint32_t i = 0; i < n; i++, p += 40) {
		Section *s = &img->sections[i];
		s->vsize = le32(p + 8);
		s->rva = le32(p + 12);
		s->raw_size = le32(p + 16);
		s->raw_off = le32(p + 20);
		if ((uint64_t)s->raw_off + s->raw_size > img->size)
			md_error(img, "section %.8s (file offset 0x%x, %u bytes) runs past the end"
				 " of the file (%zu bytes)", printable_name(p), s->raw_off,
				 s->raw_size, img->size);
	}
}

/* Returns the CLI header's RVA. */
static uint32_t read_pe_headers(Image *img)
{
	const uint8_t *dos = at(img, 0, 64, "DOS header");
	if (dos[0] != 'M' || dos[1] != 'Z')
		md_error(img, "not a PE file (no MZ signature at offset 0)");
	uint32_t pe = le32(dos + 0x3c);
	const uint8_t *sig = at(img, pe, 24, "PE header");
	if (memcmp(sig, "PE\0\0", 4) != 0)
		md_error(img, "not a PE file (no PE signature at offset 0x%x)", pe);
	uint32_t nsections = le16(sig + 6), optsize = le16(sig + 20);
	uint32_t opt = pe + 24;
	const uint8_t *o = at(img, opt, optsize, "optional header");
	if (optsize < 2)
		md_error(img, "optional header too small (%u bytes)", optsize);
	uint16_t magic = le16(o);
	uint32_t dirs;
	if (magic == 0x10b)
		dirs = 96;
	else if (magic == 0x20b)
		dirs = 112;
	else
		md_error(img, "unknown optional header magic 0x%x at offset 0x%x", magic, opt);
	if (optsize < dirs + 15 * 8 || le32(o + dirs - 4) < 15)
		md_error(img, "no CLI header: the optional header has no data directory 14"
			 " (not a .NET assembly)");
	read_sections(img, opt + optsize, nsections);
	uint32_t cli = le32(o + dirs + 14 * 8);
	if (cli == 0)
		md_error(img, "no CLI header (not a .NET assembly)");
	return cli;
}

typedef struct Stream {
	const char *name;
	const uint8_t *data;
	uint32_t size;
} Stream;

static void read_tables(Image *img, const uint8_t *p, uint32_t size);

static void read_metadata_root(Image *img, const uint8_t *md, uint32_t size)
{
	Reader r = { img, md, md + size, "metadata root" };
	if (rd_u32(&r) != 0x424A5342) {
		r.p -= 4;
		rd_error(&r, "bad metadata signature (expected 'BSJB')");
	}
	rd_u16(&r), rd_u16(&r), rd_u32(&r);
	uint32_t vlen = rd_u32(&r);
	if (vlen > 255) {
		r.p -= 4;
		rd_error(&r, "version string length %u is too long", vlen);
	}
	const uint8_t *v = rd_bytes(&r, (vlen + 3) & ~3u);
	img->version = arena_alloc(&img->arena, vlen + 1);
	memcpy((char *)img->version, v, vlen);
	rd_u16(&r);
	uint32_t nstreams = rd_u16(&r);
	const uint8_t *tables = NULL;
	uint32_t tables_size = 0;
	for (uint32_t i = 0; i < nstreams; i++) {
		uint32_t off = rd_u32(&r), len = rd_u32(&r);
		const char *name = (const char *)r.p;
		size_t nlen = strnlen(name, (size_t)(r.end - r.p) < 32 ? (size_t)(r.end - r.p) : 32);
		if (nlen == 32 || r.p + nlen >= r.end)
			rd_error(&r, "unterminated stream name");
		rd_bytes(&r, (uint32_t)(nlen + 4) & ~3u);
		if (off > size || len > size - off)
			md_error(img, "stream %s (offset 0x%x, %u bytes) lies outside the"
				 " metadata (%u bytes)", name, off, len, size);
		Heap h = { md + off, len };
		if (!strcmp(name, "#~") || !strcmp(name, "#-")) {
			tables = h.data, tables_size = len;
			img->uncompressed = name[1] == '-';
		} else if (!strcmp(name, "#Strings")) {
			img->strings = h;
		} else if (!strcmp(name, "#US")) {
			img->us = h;
		} else if (!strcmp(name, "#Blob")) {
			img->blob = h;
		} else if (!strcmp(name, "#GUID")) {
			img->guid = h;
		}
	}
	if (!tables)
		md_error(img, "metadata has no #~ stream");
	if (img->strings.size && img->strings.data[img->strings.size - 1] != 0)
		md_error(img, "#Strings heap does not end with a NUL byte");
	read_tables(img, tables, tables_size);
}

/* ---- table layout (§II.24.2.6) ---- */
static uint32_t col_width(const Image *img, const ColDesc *c)
{
	switch (c->kind) {
	case K_U16: return 2;
	case K_U32: return 4;
	case K_STR: return img->heap_sizes & 1 ? 4 : 2;
	case K_GUID: return img->heap_sizes & 2 ? 4 : 2;
	case K_BLOB: return img->heap_sizes & 4 ? 4 : 2;
	case K_TABLE:
	case K_LIST: return img->tables[c->target].rows < 0x10000 ? 2 : 4;
	case K_CODED: {
		const CodingDesc *cd = &codings[c->target];
		uint32_t max = 0;
		for (unsigned i = 0; i < cd->ntables; i++)
			if (cd->tables[i] != NONE && img->tables[cd->tables[i]].rows > max)
				max = img->tables[cd->tables[i]].rows;
		return max < (1u << (16 - cd->bits)) ? 2 : 4;
	}
	}
	return 0;
}

static void read_tables(Image *img, const uint8_t *p, uint32_t size)
{
	Reader r = { img, p, p + size, "#~ stream" };
	rd_u32(&r), rd_u8(&r), rd_u8(&r);
	img->heap_sizes = rd_u8(&r);
	rd_u8(&r);
	const uint8_t *valid_at = r.p;
	img->valid = rd_u64(&r);
	img->sorted = rd_u64(&r);
	for (unsigned t = 0; t < 64; t++) {
		if (!(img->valid >> t & 1))
			continue;
		if (t >= T_COUNT || !table_names[t]) {
			r.p = valid_at;
			rd_error(&r, "unknown metadata table 0x%02x", t);
		}
		img->tables[t].rows = rd_u32(&r);
		if (img->tables[t].rows > 0xFFFFFF) {
			r.p -= 4;
			rd_error(&r, "table %s has %u rows (at most 2^24 - 1 fit a token)",
				 table_names[t], img->tables[t].rows);
		}
	}
	if (img->heap_sizes & 0x40)
		rd_u32(&r);
	const uint8_t *base = r.p;
	for (unsigned t = 0; t < T_COUNT; t++) {
		TableInfo *ti = &img->tables[t];
		uint32_t off = 0;
		for (unsigned c = 0; schema[t][c].kind; c++) {
			ti->col_off[c] = (uint8_t)off;
			ti->col_size[c] = (uint8_t)col_width(img, &schema[t][c]);
			off += ti->col_size[c];
		}
		ti->row_size = off;
		ti->base = base;
		uint64_t bytes = (uint64_t)ti->rows * off;
		if (bytes > (uint64_t)(r.end - base))
			md_error(img, "table %s (%u rows of %u bytes at file offset 0x%zx)"
				 " runs past the end of the #~ stream", table_names[t],
				 ti->rows, off, (size_t)(base - img->data));
		base += bytes;
	}
}

static void read_cli_header(Image *img, uint32_t cli_rva)
{
	const uint8_t *c = md_rva(img, cli_rva, 72, "CLI header");
	uint32_t md_rva_ = le32(c + 8), md_size = le32(c + 12);
	img->cli_flags = le32(c + 16);
	img->entry_point = le32(c + 20);
	img->resources_rva = le32(c + 24);
	img->resources_size = le32(c + 28);
	const uint8_t *md = md_rva(img, md_rva_, md_size, "metadata");
	read_metadata_root(img, md, md_size);
}

static void set_name(Image *img)
{
	if (img->tables[T_Assembly].rows)
		img->name = md_string(img, md_get(img, T_Assembly, 1, Assembly_Name));
	else if (img->tables[T_Module].rows)
		img->name = md_string(img, md_get(img, T_Module, 1, Module_Name));
	else
		img->name = "";
}

Image *md_open_mem(const char *name, const uint8_t *data, size_t size)
{
	Arena a = {0};
	Image *img = arena_alloc(&a, sizeof *img);
	img->arena = a;
	img->path = arena_strdup(&img->arena, name);
	img->data = data;
	img->size = size;
	read_cli_header(img, read_pe_headers(img));
	set_name(img);
	return img;
}

Image *md_open(const char *path)
{
	MappedFile f;
	if (!map_file(path, &f))
		fatal("%s: cannot open: %s", path, strerror(errno));
	Image *img = md_open_mem(path, f.data, f.size);
	img->file = f;
	return img;
}

void md_close(Image *img)
{
	MappedFile f = img->file;
	Arena a = img->arena;
	arena_free(&a);
	unmap_file(&f);
}

/* ---- rows ---- */
static uint32_t raw(const Image *img, unsigned t, uint32_t row, unsigned col)
{
	const TableInfo *ti = &img->tables[t];
	const uint8_t *p = ti->base + (size_t)(row - 1) * ti->row_size + ti->col_off[col];
	return ti->col_size[col] == 2 ? le16(p) : le32(p);
}

static unsigned list_table(const Image *img, unsigned target)
{
	static const uint8_t ptr_of[T_COUNT] = {
		[T_Field] = T_FieldPtr, [T_MethodDef] = T_MethodPtr,
		[T_Param] = T_ParamPtr, [T_Event] = T_EventPtr,
		[T_Property] = T_PropertyPtr,
	};
	unsigned ptr = ptr_of[target];
	return ptr && img->tables[ptr].rows ? ptr : target;
}

/* A heap index read from a row: in the heap, named by row and column when
 * not. (A blob's length is checked when the blob is read.) */
static void check_heap_index(const Image *img, unsigned t, uint32_t row,
			     const ColDesc *c, uint32_t v)
{
	static const struct { const char *name; size_t off; } heaps[] = {
		[K_STR] = { "#Strings", offsetof(Image, strings) },
		[K_BLOB] = { "#Blob", offsetof(Image, blob) },
		[K_GUID] = { "#GUID", offsetof(Image, guid) },
	};
	const Heap *h = (const Heap *)((const char *)img + heaps[c->kind].off);
	bool ok = c->kind == K_GUID ? (uint64_t)v * 16 <= h->size :
		v < h->size || (v == 0 && c->kind == K_BLOB);
	if (!ok)
		md_error(img, "%s row %u: %s: %s index 0x%x is past the end of the heap"
			 " (%u bytes)", table_names[t], row, c->name, heaps[c->kind].name,
			 v, h->size);
}

uint32_t md_get(const Image *img, unsigned t, uint32_t row, unsigned col)
{
	if (t >= T_COUNT || row == 0 || row > img->tables[t].rows)
		md_error(img, "row %u of table %s does not exist (%u rows)", row,
			 md_table_name(t), md_rows(img, t));
	uint32_t v = raw(img, t, row, col);
	const ColDesc *c = &schema[t][col];
	if (c->kind == K_TABLE || c->kind == K_LIST) {
		unsigned target = c->kind == K_LIST ? list_table(img, c->target) : c->target;
		uint32_t max = img->tables[target].rows + (c->kind == K_LIST);
		if (v > max)
			md_error(img, "%s row %u: %s index %u is out of range (%s has %u rows)",
				 table_names[t], row, c->name, v, table_names[target],
				 img->tables[target].rows);
		return v;
	}
	if (c->kind == K_STR || c->kind == K_BLOB || c->kind == K_GUID) {
		check_heap_index(img, t, row, c, v);
		return v;
	}
	if (c->kind != K_CODED)
		return v;
	const CodingDesc *cd = &codings[c->target];
	uint32_t tag = v & ((1u << cd->bits) - 1), r = v >> cd->bits;
	if (r == 0)
		return 0;
	if (tag >= cd->ntables || cd->tables[tag] == NONE)
		md_error(img, "%s row %u: %s has bad %s tag %u", table_names[t], row,
			 c->name, cd->name, tag);
	unsigned target = cd->tables[tag];
	if (r > img->tables[target].rows)
		md_error(img, "%s row %u: %s index %u is out of range (%s has %u rows)",
			 table_names[t], row, c->name, r, table_names[target],
			 img->tables[target].rows);
	return TOKEN(target, r);
}

void md_list(const Image *img, unsigned t, uint32_t row, unsigned col,
	     uint32_t *first, uint32_t *end)
{
	unsigned target = list_table(img, schema[t][col].target);
	uint32_t limit = img->tables[target].rows + 1;
	*first = md_get(img, t, row, col);
	*end = row < img->tables[t].rows ? md_get(img, t, row + 1, col) : limit;
	if (*first == 0)
		md_error(img, "%s row %u: %s is 0", table_names[t], row, schema[t][col].name);
	if (*end < *first)
		md_error(img, "%s row %u: %s runs backwards (%u, then %u)",
			 table_names[t], row, schema[t][col].name, *first, *end);
}

uint32_t md_list_row(const Image *img, unsigned target, uint32_t pos)
{
	unsigned lt = list_table(img, target);
	if (lt == target)
		return pos;
	return md_get(img, lt, pos, 0);
}

/* ---- heaps (§II.24.2.2-4) ---- */
const char *md_string(const Image *img, uint32_t idx)
{
	if (idx == 0 && img->strings.size == 0)
		return "";
	if (idx >= img->strings.size)
		md_error(img, "string heap index 0x%x is past the end of #Strings (%u bytes)",
			 idx, img->strings.size);
	return (const char *)img->strings.data + idx;
}

static Blob heap_blob(const Image *img, const Heap *h, uint32_t idx, const char *heap)
{
	if (idx == 0 && h->size == 0)
		return (Blob){ NULL, 0 };
	if (idx >= h->size)
		md_error(img, "%s index 0x%x is past the end of the heap (%u bytes)",
			 heap, idx, h->size);
	Reader r = { img, h->data + idx, h->data + h->size, heap };
	uint32_t len = rd_cu32(&r);
	return (Blob){ rd_bytes(&r, len), len };
}

Blob md_blob(const Image *img, uint32_t idx)
{
	return heap_blob(img, &img->blob, idx, "#Blob");
}

Blob md_userstring(const Image *img, uint32_t idx)
{
	Blob b = heap_blob(img, &img->us, idx, "#US");
	if (b.len & 1)
		b.len--;        /* the trailing flag byte */
	return b;
}

const uint8_t *md_guid(const Image *img, uint32_t idx)
{
	if (idx == 0)
		return NULL;
	if ((uint64_t)idx * 16 > img->guid.size)
		md_error(img, "GUID index %u is past the end of #GUID (%u bytes)",
			 idx, img->guid.size);
	return img->guid.data + (idx - 1) * 16;
}

/* ---- bounded reader ---- */
Reader md_reader(const Image *img, Blob b, const char *what)
{
	static const uint8_t empty[1];
	if (!b.p)
		return (Reader){ img, empty, empty, what };
	return (Reader){ img, b.p, b.p + b.len, what };
}

void rd_error(const Reader *r, const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	size_t off = (size_t)(r->p - r->img->data);
	md_error(r->img, "%s at file offset 0x%zx: %s", r->what, off, msg);
}

static const uint8_t *need(Reader *r, uint32_t n)
{
	if ((size_t)(r->end - r->p) < n)
		rd_error(r, "truncated (%u more bytes needed, %zu left)", n,
			 (size_t)(r->end - r->p));
	const uint8_t *p = r->p;
	r->p += n;
	return p;
}

uint8_t rd_u8(Reader *r) { return *need(r, 1); }
uint16_t rd_u16(Reader *r) { return le16(need(r, 2)); }
uint32_t rd_u32(Reader *r) { return le32(need(r, 4)); }

uint64_t rd_u64(Reader *r)
{
	const uint8_t *p = need(r, 8);
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

const uint8_t *rd_bytes(Reader *r, uint32_t n) { return need(r, n); }
bool rd_done(const Reader *r) { return r->p >= r->end; }

uint32_t rd_cu32(Reader *r)
{
	uint8_t b = rd_u8(r);
	if (!(b & 0x80))
		return b;
	if ((b & 0xC0) == 0x80)
		return (uint32_t)(b & 0x3F) << 8 | rd_u8(r);
	if ((b & 0xE0) == 0xC0) {
		const uint8_t *p = need(r, 3);
		return (uint32_t)(b & 0x1F) << 24 | p[0] << 16 | p[1] << 8 | p[2];
	}
	r->p--;
	rd_error(r, "bad compressed integer (first byte 0x%02x)", b);
}

int32_t rd_ci32(Reader *r)
{
	const uint8_t *start = r->p;
	uint32_t u = rd_cu32(r);
	unsigned bits = r->p - start == 1 ? 7 : r->p - start == 2 ? 14 : 29;
	/* The sign bit was rotated into bit 0 (§II.23.2). */
	int32_t v = (int32_t)(u >> 1);
	if (u & 1)
		v -= (int32_t)(1u << (bits - 1));
	return v;
}
