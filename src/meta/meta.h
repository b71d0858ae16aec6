/* meta: the ECMA-335 metadata reader.
 *
 * Requires: a file path. Produces: an Image, a read-only view of one PE file's
 * CLI metadata, decoded on demand from the mapped file. Opening validates the
 * headers, the stream directory and the table layout; everything below that
 * (rows, heap entries, signatures, method bodies) is decoded and bounds-checked
 * when asked for. Any malformed input ends in fatal() with one line naming the
 * file and what is wrong, with a file offset or a table and row.
 *
 * Tokens are as in IL: table number << 24 | row, rows counted from 1. The
 * value 0 stands for "none" (a null coded index).
 *
 * Files of this module:
 *   pe.c      PE/COFF headers, CLI header, streams, table layout, rows, heaps
 *   lookup.c  sorted-key lookups (attributes of X, interfaces of Y, ...)
 *   sig.c     signatures: types, methods, fields, locals, specs; printing
 *   body.c    method bodies, EH clauses, IL instruction decoding
 *   attr.c    custom attribute blobs, marshal and constant blobs
 *   loader.c  assembly resolution, type forwarders, type-by-name lookup
 */
#ifndef ILCC_META_H
#define ILCC_META_H

#include "../util.h"

/* ---- tables ---- */
typedef enum Table {
#define TABLE(name, num) T_##name = num,
#define COL(t, i, name, kind)
#include "tables.def"
#undef TABLE
#undef COL
	T_COUNT = 0x2D,
	T_UserString = 0x70,            /* ldstr tokens */
} Table;

#define COL(t, i, name, kind) enum { t##_##name = i };
#define TABLE(name, num)
#include "tables.def"
#undef TABLE
#undef COL

typedef uint32_t Token;
#define TOKEN(t, row) ((Token)(t) << 24 | (row))
#define TOK_TABLE(tok) ((tok) >> 24)
#define TOK_ROW(tok) ((tok) & 0xFFFFFF)

typedef enum ColKind {
	K_END, K_U16, K_U32, K_STR, K_GUID, K_BLOB,
	K_TABLE,    /* simple index; ColDesc.target names the table */
	K_LIST,     /* simple index, list start: may be rows + 1 */
	K_CODED,    /* coded index; ColDesc.target names the coding */
} ColKind;

typedef struct TableInfo {
	uint32_t rows;
	uint32_t row_size;
	const uint8_t *base;            /* first row */
	uint8_t col_off[9], col_size[9];
} TableInfo;

typedef struct Heap {
	const uint8_t *data;
	uint32_t size;
} Heap;

typedef struct Blob {
	const uint8_t *p;
	uint32_t len;
} Blob;

typedef struct Section {
	uint32_t rva, vsize, raw_off, raw_size;
} Section;

struct Loader;

typedef struct Image {
	const char *path;               /* as opened; used in diagnostics */
	const char *name;               /* Assembly name, or Module name */
	MappedFile file;
	const uint8_t *data;
	size_t size;
	Section *sections;
	uint32_t nsections;
	uint32_t entry_point;           /* token, 0 if none */
	uint32_t cli_flags;
	uint32_t resources_rva, resources_size;
	const char *version;            /* metadata root version string */
	Heap strings, us, blob, guid;
	bool uncompressed;              /* #- stream: Ptr tables may be present */
	uint8_t heap_sizes;
	uint64_t valid, sorted;
	TableInfo tables[T_COUNT];
	Arena arena;                    /* lives as long as the image */
	struct Loader *loader;          /* NULL when opened alone */
	struct Image **refs;            /* resolved AssemblyRefs, by row; lazily */
	void *index[T_COUNT][9];        /* lookup.c: per (table, column) indices */
	void *type_map;                 /* loader.c: namespace.name -> TypeDef */
	struct TypeSig **typespecs;     /* sig.c: decoded TypeSpecs, by row */
} Image;

/* Open and validate one file; fatal() on error. */
Image *md_open(const char *path);
/* The same over bytes in memory (the fuzzer); `data` must outlive the Image. */
Image *md_open_mem(const char *name, const uint8_t *data, size_t size);
void md_close(Image *img);

const char *md_table_name(unsigned table);
const char *md_col_name(unsigned table, unsigned col);
ColKind md_col_kind(unsigned table, unsigned col);
uint32_t md_rows(const Image *img, unsigned table);

/* A column's value. Heap indices and constants are returned raw; a simple
 * index is a row number (checked against the target table); a coded index is
 * returned as a Token (0 when null), its tag and row checked. */
uint32_t md_get(const Image *img, unsigned table, uint32_t row, unsigned col);

/* A list column (TypeDef.FieldList, ...): the half-open range [*first, *end)
 * of rows it owns, in the list table; md_list_row() maps a position through
 * the Ptr table when there is one. */
void md_list(const Image *img, unsigned table, uint32_t row, unsigned col,
	     uint32_t *first, uint32_t *end);
uint32_t md_list_row(const Image *img, unsigned target, uint32_t pos);

/* Heaps. md_string never returns NULL; index 0 gives "". */
const char *md_string(const Image *img, uint32_t idx);
Blob md_blob(const Image *img, uint32_t idx);
const uint8_t *md_guid(const Image *img, uint32_t idx);   /* NULL for 0 */
Blob md_userstring(const Image *img, uint32_t idx);       /* UTF-16LE bytes */

/* RVA to pointer, with at least `len` bytes there; fatal() if not. */
const uint8_t *md_rva(const Image *img, uint32_t rva, uint32_t len, const char *what);
/* Like md_rva but returns NULL instead of failing, and the bytes available. */
const uint8_t *md_rva_try(const Image *img, uint32_t rva, uint32_t *avail);

/* fatal() with the image's name in front. */
void md_error(const Image *img, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/* ---- bounded reader over a blob or body ---- */
typedef struct Reader {
	const Image *img;
	const uint8_t *p, *end;
	const char *what;               /* for diagnostics: "signature", ... */
} Reader;

Reader md_reader(const Image *img, Blob b, const char *what);
uint8_t rd_u8(Reader *r);
uint16_t rd_u16(Reader *r);
uint32_t rd_u32(Reader *r);
uint64_t rd_u64(Reader *r);
uint32_t rd_cu32(Reader *r);    /* compressed unsigned, §II.23.2 */
int32_t rd_ci32(Reader *r);     /* compressed signed */
const uint8_t *rd_bytes(Reader *r, uint32_t n);
bool rd_done(const Reader *r);
void rd_error(const Reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/* ---- lookups over tables keyed by a column (lookup.c) ----
 * The rows of `table` whose column `col` equals `key`, as positions in
 * [*first, *end); md_lookup_row() turns a position into a row. Works whether
 * or not the file keeps the table sorted. */
void md_lookup(Image *img, unsigned table, unsigned col, uint32_t key,
	       uint32_t *first, uint32_t *end);
uint32_t md_lookup_row(Image *img, unsigned table, unsigned col, uint32_t pos);
/* The single row keyed by `key`, or 0. */
uint32_t md_lookup1(Image *img, unsigned table, unsigned col, uint32_t key);
/* The data of ManifestResource row r, empty when it lives in another file;
 * the row of the resource called `name`, or 0. */
Blob md_resource(Image *img, uint32_t r);
uint32_t md_find_resource(Image *img, const char *name);
/* Owner TypeDef of a field or method row (0 if none). */
uint32_t md_owner_of_field(Image *img, uint32_t field);
uint32_t md_owner_of_method(Image *img, uint32_t method);
/* Enclosing TypeDef of a nested TypeDef, 0 for a top-level one. */
uint32_t md_enclosing(Image *img, uint32_t typedef_row);
/* Does the assembly ask for SkipVerification (a DeclSecurity permission
 * set on it naming that property, as C++/CLI assemblies have)? Mono then
 * compiles its unverifiable stores. */
bool md_skips_verification(Image *img);

/* ---- signatures (sig.c) ---- */
enum ElementType {
	ET_END = 0x00, ET_VOID = 0x01, ET_BOOLEAN = 0x02, ET_CHAR = 0x03,
	ET_I1 = 0x04, ET_U1 = 0x05, ET_I2 = 0x06, ET_U2 = 0x07, ET_I4 = 0x08,
	ET_U4 = 0x09, ET_I8 = 0x0a, ET_U8 = 0x0b, ET_R4 = 0x0c, ET_R8 = 0x0d,
	ET_STRING = 0x0e, ET_PTR = 0x0f, ET_BYREF = 0x10, ET_VALUETYPE = 0x11,
	ET_CLASS = 0x12, ET_VAR = 0x13, ET_ARRAY = 0x14, ET_GENERICINST = 0x15,
	ET_TYPEDBYREF = 0x16, ET_I = 0x18, ET_U = 0x19, ET_FNPTR = 0x1b,
	ET_OBJECT = 0x1c, ET_SZARRAY = 0x1d, ET_MVAR = 0x1e, ET_CMOD_REQD = 0x1f,
	ET_CMOD_OPT = 0x20, ET_INTERNAL = 0x21, ET_SENTINEL = 0x41,
	ET_PINNED = 0x45,
	/* custom attribute blobs only (§II.23.3) */
	ET_CA_TYPE = 0x50, ET_CA_BOXED = 0x51, ET_CA_FIELD = 0x53,
	ET_CA_PROPERTY = 0x54, ET_CA_ENUM = 0x55,
};

/* Calling convention byte of a signature (§II.23.2.1-3). */
enum {
	SIG_DEFAULT = 0x0, SIG_C = 0x1, SIG_STDCALL = 0x2, SIG_THISCALL = 0x3,
	SIG_FASTCALL = 0x4, SIG_VARARG = 0x5, SIG_FIELD = 0x6, SIG_LOCAL = 0x7,
	SIG_PROPERTY = 0x8, SIG_UNMANAGED = 0x9, SIG_GENERICINST = 0xa,
	SIG_KIND_MASK = 0xf,
	SIG_GENERIC = 0x10, SIG_HASTHIS = 0x20, SIG_EXPLICITTHIS = 0x40,
};

typedef struct TypeSig TypeSig;
typedef struct MethodSig MethodSig;

typedef struct CustomMod {
	bool required;                  /* modreq, else modopt */
	Token type;                     /* TypeDef, TypeRef or TypeSpec */
	struct CustomMod *next;
} CustomMod;

typedef struct ArrayShape {
	uint32_t rank, nsizes, nlobounds;
	uint32_t *sizes;
	int32_t *lobounds;
} ArrayShape;

struct TypeSig {
	uint8_t kind;                   /* ElementType */
	Token token;                    /* CLASS, VALUETYPE: TypeDefOrRef */
	uint32_t index;                 /* VAR, MVAR: generic parameter number */
	TypeSig *elem;                  /* PTR, BYREF, SZARRAY, ARRAY, PINNED;
	                                   GENERICINST: the generic type */
	uint32_t nargs;                 /* GENERICINST */
	TypeSig **args;
	ArrayShape *shape;              /* ARRAY */
	MethodSig *fnptr;               /* FNPTR */
	CustomMod *mods;                /* modifiers written before the type */
};

struct MethodSig {
	uint8_t conv;                   /* calling convention byte */
	uint32_t ngeneric;              /* SIG_GENERIC: generic parameter count */
	TypeSig *ret;
	uint32_t nparams;
	TypeSig **params;
	int32_t sentinel;               /* vararg: index of first extra param, or -1 */
};

typedef struct LocalsSig {
	uint32_t count;
	TypeSig **types;                /* pinned locals: kind ET_PINNED */
} LocalsSig;

TypeSig *sig_type(Reader *r, Arena *a);       /* one Type (§II.23.2.12) */
MethodSig *sig_method(const Image *img, Arena *a, uint32_t blob);
TypeSig *sig_field(const Image *img, Arena *a, uint32_t blob);
MethodSig *sig_property(const Image *img, Arena *a, uint32_t blob);
LocalsSig sig_locals(const Image *img, Arena *a, Token standalonesig);
TypeSig *sig_typespec(const Image *img, Arena *a, uint32_t typespec_row);
/* The same, decoded once into the image's arena. */
TypeSig *sig_typespec_cached(Image *img, uint32_t typespec_row);
/* MethodSpec instantiation: *nargs types into *args. */
void sig_methodspec(const Image *img, Arena *a, uint32_t methodspec_row,
		    uint32_t *nargs, TypeSig ***args);

/* Text forms, as the dump prints them. A NULL method name prints a bare
 * signature (calli); "*" a function pointer type. Generic parameters print as !N / !!N
 * unless `gnames` gives names (NULL: numbers). */
typedef struct GenericNames {
	const char **type;  uint32_t ntype;
	const char **method; uint32_t nmethod;
} GenericNames;
void sig_print_type(Buf *b, Image *img, const TypeSig *t, const GenericNames *g);
void sig_print_method(Buf *b, Image *img, const MethodSig *m, const char *name,
		      const GenericNames *g);
/* Full name of a TypeDef/TypeRef/TypeSpec token: Ns.Outer/Inner, with the
 * [assembly] of a TypeRef in front when `scope` is set. */
void sig_print_token(Buf *b, Image *img, Token tok, bool scope,
		     const GenericNames *g);
/* MethodDef `row` as "Ns.Type::Name", for diagnostics. */
void sig_print_method_name(Buf *b, Image *img, uint32_t row);
/* "NS.Outer<nested>Inner" of TypeDef row ('/' as ilasm writes it, '+'
 * as reflection does); a nesting deeper than the limit is bad metadata */
void sig_print_typedef(Buf *b, Image *img, uint32_t row, char nested);
/* A member token (MethodDef, MemberRef, MethodSpec, Field) as
 * "rettype Owner::Name(params)". */
void sig_print_member(Buf *b, Image *img, Arena *a, Token tok);

/* ---- method bodies and IL (body.c) ---- */
enum {
	EH_CATCH = 0, EH_FILTER = 1, EH_FINALLY = 2, EH_FAULT = 4,
};

typedef struct EHClause {
	uint32_t kind;                  /* EH_* */
	uint32_t try_off, try_len, handler_off, handler_len;
	uint32_t class_token;           /* EH_CATCH */
	uint32_t filter_off;            /* EH_FILTER */
} EHClause;

typedef struct MethodBody {
	uint32_t rva;
	bool fat, init_locals;
	uint16_t max_stack;
	Token local_sig;                /* StandAloneSig token or 0 */
	const uint8_t *code;
	uint32_t code_size;
	uint32_t neh;
	EHClause *eh;
} MethodBody;

/* False when the method has no IL body (RVA 0: abstract, internal call,
 * P/Invoke; or a code type other than IL: native, runtime). Checks the header, EH sections and that each clause lies
 * inside the code; does not decode instructions. */
bool md_body(Image *img, Arena *a, uint32_t methoddef_row, MethodBody *out);

typedef enum OperandKind {
	OPK_NONE, OPK_I8, OPK_U8, OPK_U16, OPK_I32, OPK_I64, OPK_R4, OPK_R8,
	OPK_BR8, OPK_BR32, OPK_TOKEN, OPK_SWITCH,
} OperandKind;

typedef enum Opcode {
#define OP(name, text, code, operand) OP_##name,
#include "opcodes.def"
#undef OP
	OP_COUNT
} Opcode;

typedef struct OpInfo {
	const char *text;
	uint16_t code;                  /* 0x00..0xE0, or 0xFE00 | second byte */
	OperandKind operand;
} OpInfo;
extern const OpInfo op_info[OP_COUNT];

typedef struct Instr {
	uint32_t offset, size;
	Opcode op;
	union {
		int64_t i;              /* I8 U8 U16 I32 I64 */
		double r;               /* R4 R8 */
		Token token;            /* TOKEN */
		uint32_t target;        /* BR8 BR32: absolute offset */
	};
	uint32_t ncases;                /* SWITCH */
	const uint8_t *cases;           /* SWITCH: raw int32 deltas */
} Instr;

/* Decode the instruction at `offset`; fatal() on a bad opcode or one that
 * runs past the end. Returns the offset after it. */
uint32_t il_decode(Image *img, const MethodBody *body, uint32_t offset, Instr *out);
/* SWITCH case i as an absolute target. */
uint32_t il_switch_target(const Instr *in, uint32_t i);
/* Decode a whole body, checking that branch targets and EH boundaries land on
 * instruction starts. Returns the number of instructions. */
uint32_t il_check(Image *img, const MethodBody *body, const char *method);
/* When il_check last failed on a MethodDef token past the table's end,
 * that token (Mono's loader raises BadImageFormatException for it, not
 * InvalidProgramException); else 0. */
extern _Thread_local Token il_bad_method_token;

/* ---- custom attributes (attr.c) ---- */
typedef struct AttrValue AttrValue;
struct AttrValue {
	uint8_t type;                   /* ET_* of the value: primitive, STRING,
	                                   CA_TYPE, CA_ENUM, SZARRAY, CA_BOXED */
	uint8_t elem_type;              /* SZARRAY: element ET; CA_ENUM: underlying */
	const char *enum_name;          /* CA_ENUM (or SZARRAY of them): the
					   enum's type name */
	bool null;                      /* null string, type or array */
	union {
		int64_t i;
		uint64_t u;
		double r;
		const char *s;          /* STRING, CA_TYPE (UTF-8, may hold NULs) */
	};
	uint32_t slen;                  /* STRING, CA_TYPE */
	uint32_t count;                 /* SZARRAY */
	AttrValue *items;               /* SZARRAY elements; CA_BOXED: one */
};

typedef struct AttrNamed {
	bool is_property;
	const char *name;
	AttrValue value;
} AttrNamed;

typedef struct Attribute {
	Token ctor;                     /* MethodDef or MemberRef */
	uint32_t nfixed, nnamed;
	AttrValue *fixed;
	AttrNamed *named;
} Attribute;

/* Decode CustomAttribute row `row`. Enum-typed arguments are sized by
 * resolving the enum through img->loader; fatal() if that fails. */
void attr_decode(Image *img, Arena *a, uint32_t row, Attribute *out);
void attr_print_value(Buf *b, const AttrValue *v);

/* ---- assembly resolution (loader.c) ---- */
typedef struct Loader {
	Arena arena;
	const char **dirs;              /* searched in order, after the input's folder */
	uint32_t ndirs, capdirs;
	Image **images;
	uint32_t nimages, capimages;
} Loader;

void ld_init(Loader *ld);
void ld_free(Loader *ld);                       /* closes every image */
void ld_add_dir(Loader *ld, const char *dir);    /* -L DIR */
/* Add the class library folders (/usr/lib/mono/4.5 and Facades) at the end. */
void ld_add_default_dirs(Loader *ld);
Image *ld_open(Loader *ld, const char *path);   /* fatal() on error */
/* The assembly that AssemblyRef `row` of `img` names: first in img's folder,
 * then the loader's folders. NULL (and a note) when not found. */
Image *ld_assembly_ref(Loader *ld, Image *img, uint32_t row);

typedef struct TypeRefTarget {
	Image *img;
	uint32_t row;                   /* TypeDef row in img; 0 when unresolved */
} TypeRefTarget;

/* TypeDef of a top-level type by namespace and name (0 if absent). */
uint32_t ld_find_type(Image *img, const char *ns, const char *name);
/* Follow a TypeRef through assembly references, nesting and ExportedType
 * forwarders to its TypeDef; .row is 0 when the assembly or the type is not
 * there. fatal() only on malformed metadata. */
TypeRefTarget ld_resolve_typeref(Loader *ld, Image *img, uint32_t typeref_row);

#endif
