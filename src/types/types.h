/* types: the type system of the program being compiled.
 *
 * Requires: Images opened through one Loader. Produces: interned Type,
 * Method and Field objects — one object per distinct (generic-instantiated)
 * entity, so pointer equality is type identity — with their C names, field
 * lists, base types, interfaces and vtables. Everything is built on first
 * use and lives for the whole compilation (one arena).
 *
 * Generics are fully specialised (DESIGN.md): a Type or Method always
 * carries concrete arguments, except while signatures are being compared,
 * where the open placeholders TY_VAR / TY_MVAR stand for !N / !!N.
 */
#ifndef ILCC_TYPES_H
#define ILCC_TYPES_H

#include "../meta/meta.h"

typedef enum TypeKind {
	TY_VOID, TY_BOOL, TY_CHAR, TY_I1, TY_U1, TY_I2, TY_U2, TY_I4, TY_U4,
	TY_I8, TY_U8, TY_R4, TY_R8, TY_I, TY_U,   /* primitives */
	TY_CLASS,       /* reference type with a TypeDef (incl. interfaces) */
	TY_STRUCT,      /* value type with a TypeDef (incl. enums) */
	TY_SZARRAY, TY_ARRAY, TY_PTR, TY_BYREF, TY_FNPTR, TY_TYPEDREF,
	TY_VAR, TY_MVAR,
	TY_KIND_COUNT
} TypeKind;

typedef struct Type Type;
typedef struct Method Method;
typedef struct Field Field;
typedef struct TypeInfo TypeInfo;

struct Type {
	TypeKind kind;
	Image *img;                     /* TypeDef, for primitives, classes, structs */
	uint32_t row;
	uint32_t ninst;                 /* generic arguments */
	Type **inst;
	Type *elem;                     /* arrays, pointers, byrefs */
	uint32_t rank;                  /* TY_ARRAY; also TY_VAR/MVAR index */
	const char *name;               /* "System.Collections.Generic.List`1<int32>" */
	const char *cname;              /* C identifier, unique: "T3f09a2c41b7e_List_1" */
	uint32_t id;                    /* order of creation */
	uint64_t key;                   /* identity hash, the same in every program */
	uint32_t depth;                 /* nesting of generic arguments and elements */
	TypeInfo *info;                 /* ty_info() */
	Type *hash_next;
	void *user;                     /* for the reachability pass */
};

struct Field {
	Type *owner;
	Image *img;
	uint32_t row;
	const char *name, *cname;
	Type *type;
	uint16_t flags;
	bool is_static, is_literal, is_thread_static;
	int32_t offset;                 /* explicit layout, else -1 */
};
enum { FIELD_HAS_RVA = 0x0100 };        /* Field.flags: initial data in the file */

struct Method {
	Type *owner;
	Image *img;
	uint32_t row;
	uint32_t ninst;                 /* method generic arguments */
	Type **inst;
	const char *name, *cname;
	uint16_t flags, impl_flags;
	bool has_this, is_vararg;
	Type *ret;
	uint32_t nparams;
	/* Not counting `this`. A vararg method has one more, last, of type
	 * native int: the call site's extra arguments (rt.h RtVarArg). */
	Type **params;
	int32_t slot;                   /* vtable slot, -1 if not virtual */
	/* a copy compiled for calls passing the constant spec_val (or a value
	 * of class spec_type) as argument spec_arg (IL numbering: `this`
	 * is 0) of spec_of (il2c_spec.c);
	 * specs lists an original's copies, through spec_next */
	Method *spec_of, *specs, *spec_next;
	uint32_t spec_arg;
	int32_t spec_val;
	Type *spec_type;                /* else: the argument is one (or null) */
	Method *hash_next;
	void *user;                     /* for the reachability pass */
};

struct TypeInfo {
	Type *base;                     /* NULL for Object, interfaces */
	uint32_t flags;                 /* TypeDef flags */
	bool is_interface, is_enum, is_delegate, is_nullable, is_abstract;
	bool is_flags;                  /* an enum with [Flags] */
	bool pointer_free;              /* instances hold no references */
	bool explicit_layout, sequential;
	uint32_t pack, class_size;
	uint32_t nfields, nstatics, nliterals;
	Field **fields, **statics;      /* own instance fields, own statics */
	Field **literals;               /* own constants (no storage; reflection) */
	uint32_t nmethods;
	Method **methods;               /* own methods (generic ones: open) */
	uint32_t nifaces;
	Type **ifaces;                  /* every interface, inherited ones too */
	uint32_t nvirt;
	Method **vtable;                /* slot -> implementation */
	Method **slot_decl;             /* slot -> the method that introduced it */
	Method ***imap;                 /* per ifaces[i]: its methods' impls */
	Method *cctor, *finalizer;
	Type *underlying;               /* enums */
	const char *load_failure;       /* ty_load_failure, once known */
	bool load_checked;
	bool load_fails_early;          /* ty_load_fails_early */
};

/* Metadata flags ilcc reads (ECMA-335 §II.23.1): TypeDef (TF_), MethodDef
 * (MF_), MethodImpl (MI_), Field (FF_). */
enum {
	TF_INTERFACE = 0x20, TF_ABSTRACT = 0x80, TF_SEALED = 0x100, TF_LAYOUT = 0x18,
	TF_SEQUENTIAL = 0x08, TF_EXPLICIT = 0x10, TF_BEFOREFIELDINIT = 0x100000,
	MF_ACCESS = 0x7, MF_PUBLIC = 0x6, MF_STATIC = 0x10, MF_FINAL = 0x20,
	MF_VIRTUAL = 0x40, MF_NEWSLOT = 0x100, MF_ABSTRACT = 0x400, MF_PINVOKE = 0x2000,
	MI_CODETYPE = 3, MI_RUNTIME = 3, MI_NOINLINING = 0x8, MI_SYNCHRONIZED = 0x20,
	MI_INTERNALCALL = 0x1000,
	FF_STATIC = 0x10, FF_LITERAL = 0x40,
};

/* ---- the type system ---- */
typedef struct Ctx {
	Type **tinst;                   /* the type's generic arguments */
	uint32_t ntinst;
	Type **minst;                   /* the method's */
	uint32_t nminst;
} Ctx;

void ty_init(Loader *ld, Image *corlib);
/* Drops every type and method (a harness building many programs). */
void ty_free(void);
/* The assembly's name in stable C names: NULL for the program's own. */
const char *ty_identity_name(const Image *img);
extern Image *ty_corlib;
extern Type *ty_prim[TY_TYPEDREF + 1];          /* TY_VOID..TY_U, TY_TYPEDREF */
extern Type *ty_object, *ty_string, *ty_valuetype, *ty_enum, *ty_array,
	*ty_delegate, *ty_mcdelegate, *ty_exception, *ty_nullable_def;

Type *ty_def(Image *img, uint32_t row, Type **inst, uint32_t ninst);
Type *ty_sz(Type *elem);
Type *ty_md(Type *elem, uint32_t rank);
Type *ty_ptr(Type *elem);
Type *ty_byref(Type *elem);
Type *ty_var(bool method, uint32_t index);
Type *ty_corlib_type(const char *ns, const char *name);   /* fatal if absent */

Type *ty_from_sig(Image *img, const TypeSig *s, const Ctx *ctx);
/* Generic recursion: code that would make types nesting deeper than this
 * (generic arguments, array and pointer elements) is cut, and throws if it
 * runs (il2c); ty_token_depth says how deep a token's types would nest,
 * without making them. */
enum { TY_MAX_GENERIC_DEPTH = 48 };
uint32_t ty_token_depth(Image *img, Token tok, const Ctx *ctx);
Type *ty_from_token(Image *img, Token tok, const Ctx *ctx);
/* Set just before the error that the *_from_token functions raise for a
 * type, method or field the assemblies do not have (the token that names
 * it): il2c compiles such an instruction to the throw Mono makes when it
 * runs. */
typedef enum { TY_MISSING_NONE, TY_MISSING_TYPE, TY_MISSING_METHOD, TY_MISSING_FIELD } TyMissingKind;
typedef struct TyMissing {
	TyMissingKind kind;
	Image *img;
	Token tok;
} TyMissing;
extern TyMissing ty_missing;
Method *ty_method(Type *owner, Image *img, uint32_t row, Type **inst, uint32_t ninst);
Method *ty_method_from_token(Image *img, Token tok, const Ctx *ctx);
Field *ty_field_from_token(Image *img, Token tok, const Ctx *ctx);
Method *ty_find_method(Type *t, const char *name, int nparams); /* own methods */
Method *ty_default_ctor(Type *t);
Method *ty_string_ctor(Method *ctor);    /* String::Ctor for String::.ctor */
Ctx ty_ctx(const Method *m);

TypeInfo *ty_info(Type *t);                     /* classes and structs */
/* Mono's TypeLoadException message for a type it refuses to load (an
 * explicit layout with a misplaced reference, a value type with a
 * synchronized method), else NULL. Arrays, pointers: their element's. */
const char *ty_load_failure(Type *t);
/* Does Mono find that failure with the type's layout (a misaligned
 * reference), before its JIT sees code naming the type? */
bool ty_load_fails_early(Type *t);
bool ty_is_ref(const Type *t);                  /* GC reference on the stack */
bool ty_is_valuetype(const Type *t);            /* TY_STRUCT or primitive */
bool ty_is_generic_def(const Type *t);          /* has open generic params */
uint32_t ty_generic_arity(const Type *t);       /* how many, if so */
uint32_t ty_method_generic_arity(const Method *m);      /* of its definition */
/* The name of generic parameter `number` of owner (a TypeDef or MethodDef
 * token): "T" */
const char *ty_generic_param_name(Image *img, Token owner, uint32_t number);
/* The Param row of m's parameter seq (1: the first after `this`), or 0;
 * its name, or "" when it has none. */
uint32_t ty_param_row(const Method *m, uint32_t seq);
const char *ty_param_name(const Method *m, uint32_t seq);
bool ty_is_open(const Type *t);                 /* holds a generic parameter */
bool ty_is_subclass(Type *t, Type *of);
/* Has the metadata row `parent` a custom attribute of class `full`
 * ("System.FlagsAttribute")? */
bool ty_has_attribute(Image *img, Token parent, const char *full);
bool ty_implements(Type *t, Type *iface);
/* Does arg satisfy generic parameter row gp's constraints (in ctx)? Do
 * args those of every generic parameter of owner (a TypeDef or MethodDef
 * token)? */
bool ty_satisfies(Image *img, uint32_t gp, Type *arg, const Ctx *ctx);
bool ty_args_satisfy(Image *img, Token owner, Type *const *args, uint32_t n, const Ctx *ctx);
/* Is `from`, an instance of the generic interface or delegate `to`
 * instantiates, assignable to `to` through generic variance? */
bool ty_variant_to(Type *to, Type *from);
/* Arrays (info.c): which of the generic interfaces that vectors implement
 * (IList`1, ICollection`1, IEnumerable`1, IReadOnlyList`1,
 * IReadOnlyCollection`1) `iface` instantiates, or -1; and whether an array
 * of `from` is an array of `to` (covariance, reduced value types). Arrays
 * work with ty_implements and ty_resolve_virtual (System.Array's
 * interfaces and slots, and the generic ones), not ty_info. */
int ty_array_iface(Type *iface);
bool ty_array_elem_compatible(Type *to, Type *from);
/* Implementation of virtual `m` (a slot of a base or an interface method) in t. */
Method *ty_resolve_virtual(Type *t, Method *m);
/* Why t has no implementation of interface method im (default interface
 * methods, info.c): two interfaces give equally specific bodies, or the
 * most specific one is abstract (then *reabstracted is it). */
typedef enum TyConflict {
	TY_RESOLVED, TY_AMBIGUOUS, TY_REABSTRACTED, TY_UNIMPLEMENTED
} TyConflict;
TyConflict ty_iface_conflict(Type *t, Method *im, Method **reabstracted);
/* What an array, pointer or byref type's name adds after its element's:
 * "[]", "[,]", "*", "&" (nothing for other kinds). */
void ty_put_suffix(Buf *b, const Type *t);
/* "Ns.Name" of a Type for diagnostics. */
const char *ty_name(const Type *t);
const char *ty_method_name(const Method *m);    /* "Ns.Type::Name" */
Arena *ty_arena(void);                          /* program lifetime */
/* The CustomAttribute row by which metadata row `parent` carries the
 * attribute named `full` ("Ns.NameAttribute"), or 0. */
uint32_t ty_attribute_row(Image *img, Token parent, const char *full);
/* Up to max such rows (an attribute allowed more than once), how many. */
uint32_t ty_attribute_rows(Image *img, Token parent, const char *full, uint32_t *rows,
			   uint32_t max);
Loader *ty_loader(void);

#endif
