/* emit: C code from the reached program.
 *
 * il2c.c   one method's IL to one C function (DESIGN.md "Code generation")
 * ctypes.c C types and names for Types
 * cgen.c   the program around the functions: structs, type descriptors,
 *          vtables, statics, literals; split into files for parallel cc
 */
#ifndef ILCC_EMIT_H
#define ILCC_EMIT_H

#include "../reach.h"

/* Stack kinds of the evaluation stack (ECMA-335 §III.1.1), with float32
 * kept apart from float64 as Mono does. */
typedef enum StackKind {
	SK_I4, SK_I8, SK_IP, SK_F4, SK_F8, SK_O, SK_P, SK_VT, SK_NONE,
} StackKind;

StackKind emit_kind(Type *t);
/* The C type of a value of type t: "int32_t", "Object *", "struct T5_Point". */
const char *emit_ctype(Type *t);
/* The C type of `this` in methods of t. */
const char *emit_this_ctype(Type *t);
/* The C struct a reference of type t points to ("struct T5_Foo"). */
const char *emit_struct(Type *t);
/* The prototype of m's C function, with parameter names a0, a1, ... */
void emit_prototype_named(Buf *b, Method *m, const char *name);
/* The same with parameter names prefix0, prefix1, ... */
void emit_prototype_as(Buf *b, Method *m, const char *name, char prefix);
/* The C type of a pointer to m's function, with `this` as `this_ct`. */
void emit_fn_ptr_type(Buf *b, Method *m, const char *this_ct);
void emit_prototype(Buf *b, Method *m);
/* s as a C string literal. */
void emit_c_string(Buf *b, const char *s);
/* The same for n bytes, NULs included. */
void emit_c_bytes(Buf *b, const char *s, size_t n);
void emit_u8_list(Buf *b, const uint8_t *p, size_t n, unsigned per_line,
		  const char *first, const char *brk);
/* Mono's text for a type in its messages: "int", "string", "System.Type", "int[]". */
void emit_mono_type_desc(Buf *b, Type *t);
/* As Mono's exceptions name a class ("G`1<object>", "NS.Outer/Inner") and
 * a method's definition ("GI1`1:Func<S> (System.Type[]&)"). */
void emit_mono_class_desc(Buf *b, Type *t);
void emit_mono_method_desc(Buf *b, Method *m);

void emit_method(Program *p, Method *m);
/* The build-time substitution for the method named `key` (see subst.c),
 * or -1. */
int emit_find_subst(Program *p, const char *key);
/* The SW_ bit of the feature switch `name` (--switch), or 0; the names,
 * comma-separated, for messages. */
unsigned emit_switch_bit(const char *name);
const char *emit_switch_list(void);
/* Is the method named `key` a feature switch that is off in this program
 * (see features.c)? Then *value is its result. */
bool emit_feature_off(Program *p, const char *key, int32_t *value);
bool emit_in_class_library(Image *img);
/* Does a class of the program's own derive from System.IO.Stream? */
bool emit_program_streams(Program *p);
/* The keys of features.c's, subst.c's and il2c_reflect.c's tables
 * (reach_table_keys). */
void emit_feature_keys(KeyFn *fn, void *ctx);
void emit_subst_keys(KeyFn *fn, void *ctx);
void emit_reflect_keys(KeyFn *fn, void *ctx);
/* Is this a call of String.Format that the resource-keys switch turns
 * into the unformatted message (features.c)? */
bool emit_call_keyed(Program *p, Method *caller, Method *callee);
/* Does a feature switch leave this call out (features.c)? */
bool emit_call_off(Program *p, Method *caller, Method *callee, const char **rt);
bool emit_field_read_off(Program *p, Method *m, Field *fd, int32_t *value);
/* m is EqualityComparer<T>.Default's or Comparer<T>.Default's getter: the
 * class of the comparer it returns, which the substitution of
 * CreateComparer decides at build time (else NULL). */
Type *emit_default_comparer(Method *m);
/* Does il2c write the body of a delegate's `runtime managed` method of
 * this name (Invoke, BeginInvoke, EndInvoke)? */
bool emit_delegate_body(const char *name);
/* Make reachable the exception of RtExcKind `kind` and its constructor:
 * code that can raise it is being emitted. */
void emit_need_exception(Program *p, int kind);
/* "System.MissingFieldException" and "RT_EXC_MISSINGFIELD" of an RtExcKind. */
const char *emit_exception_name(int kind);
const char *emit_exception_id(int kind);
/* Make reachable what the runtime needs of the program (rt_known). */
void emit_roots(Program *p);
/* Writes prog.h, data.c, lits.c and the methods' m0.c ... m<*nfiles-1>.c
 * (at most maxfiles) into dir; returns how many of the m files (the first
 * ones) hold the program's own code, the others holding the class
 * library's: its core first (Program.ncore), then the rest. */
uint32_t emit_program(Program *p, const char *dir, uint32_t maxfiles, uint32_t *nfiles);
/* unith.c: the items of prog.h's text h that a unit's text uses. */
typedef struct UnitHeaders UnitHeaders;
UnitHeaders *unith_index(const char *h, size_t len);
void unith_write(UnitHeaders *u, Buf *out, const char *unit, size_t len, bool bodies);
/* dir/name holds b's text, written (atomically) only if it differs. */
void emit_write_file(const char *dir, const char *name, const Buf *b);
/* The namespace and name (nested: "Outer+Inner") an RtType holds for t. */
void emit_type_names(Type *t, const char **ns, const char **name);
/* The C types a P/Invoke passes for a parameter and returns (il2c_special.c). */
const char *e_pinvoke_ctype(Type *t);
const char *e_pinvoke_ret_ctype(Type *t);
const char *e_pinvoke_param_ctype(Method *m, int i);    /* -1: returns */
/* Linked by symbol, or bound with dlopen at the first call? */
bool emit_pinvoke_linked(Program *p, Method *m);
/* The library bound with dlopen that is not the C library's, or NULL. */
const char *emit_pinvoke_dlopen_lib(Program *p, Method *m);
const char *emit_native_lib_name(Arena *a, const char *path);
/* callbacks.c: delegate type d becomes callable from C (false: it cannot,
 * emit_callback_refusal says why); emit_callbacks writes the pools. */
bool emit_callback_need(Program *p, Type *d, Method *why);
const char *emit_callback_refusal(Type *d);
void emit_callbacks(Program *p, Buf *h, Buf *d);
/* expr.c: Expression.Compile's delegate thunks, needed for each
 * Expression<TDelegate> made (told of each reached method) and written
 * with rt_expr_delegate_new. */
void emit_expr_reached(Program *p, Method *m);
void emit_expr_need(Program *p, Type *d, Method *why);   /* d: a delegate type */
void emit_expr_delegates(Program *p, Buf *d);
/* FILE (a .dll of lib/ that make builds) beside ilcc, or installed in
 * ../lib/ilcc, or beside the runtime a test build names
 * (ILCC_RUNTIME_DIR: ilcc built elsewhere, with sanitizers); NULL if none */
const char *emit_support_path(const char *file);
/* marshal.c: is t's native layout its C struct? Why a struct cannot be
 * marshalled (strings are LPStr), or NULL; t is marshalled by the
 * runtime (rt_marshal_types[], written by emit_marshal_types). */
bool emit_blittable(Type *t);
bool emit_marshal_class(Type *t);       /* a class with sequential layout */
const char *emit_marshal_refusal(Type *t);
void emit_marshal_need(Program *p, Type *t, Method *why);
void emit_marshal_types(Program *p, Buf *b);
/* How P/Invoke m passes parameter i (-1: returns) where it is not the
 * same bytes in C, the C type then (NULL: as e_pinvoke_ctype), and the
 * native structs its prototype needs declared. */
typedef enum {
	PA_PLAIN, PA_WSTRING, PA_BOOL1, PA_SB, PA_WSB, PA_STRINGS, PA_WSTRINGS, PA_STRUCT,
	PA_STRUCT_REF, PA_CLASS, PA_STRING_REF, PA_BOOL_REF,
} PinvokeArg;
PinvokeArg emit_pinvoke_arg(Method *m, int i);
const char *emit_pinvoke_native_ctype(Method *m, int i);
void emit_pinvoke_native_decls(Buf *b, Method *m);
/* "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=...":
 * Assembly.FullName of img (cgen.c) */
const char *emit_assembly_display(Image *img);
/* Is a method answered by the runtime's C function fn reached? */
bool emit_icall_reached(Program *p, const char *fn);
/* "(void *)F": the function in a vtable or interface slot for m, "NULL"
 * if m has no code */
const char *emit_slot_fn(Method *m);
/* cgen_reflect.c: rt_methods[] and what goes with it; rt_known's
 * reflection fields */
void emit_reflection(Program *p, Buf *b);
void emit_reflection_known(Program *p, Buf *b);
/* culture.c: the named cultures' table (before rt_known), rt_known's fields */
void emit_cultures(Program *p, Buf *b);
void emit_culture_known(Program *p, Buf *b);
void emit_user_strings(Image *img, void (*fn)(const char *s, void *ctx), void *ctx);
bool emit_names_other_calendar(Program *p);
void emit_attrs(Program *p, Buf *b);     /* rt_attrs[]: cgen_attrs.c */

/* Stack walks (stack.c): StackTrace and StackFrame made without an
 * exception. A call from `caller` to m: notes callers of StackTrace's and
 * StackFrame's methods (they keep a frame of their own). */
void emit_stack_call(Program *p, Method *caller, Method *m);
bool emit_calling_assembly(Program *p, Method *caller, Method *m);
/* Whether the program walks its stack (reaches StackFrame.get_frame_info). */
bool emit_stack_walks(Program *p);
/* Its StackTrace.ToString and get_trace bodies, if so. */
void emit_stack_bodies(Program *p);
/* The table of every compiled method's entry and frame text
 * (rt_stack_methods[]), and rt_stack_known, into data.c. */
void emit_stack_table(Program *p, Buf *d);
/* m's frame as Mono's traces write it, "NS.G`1[T].M[U] (T t, System.Int32
 * n)", and its module's MVID, "<hex>" (in the type system's arena). */
const char *emit_stack_frame(Method *m);
const char *emit_stack_mvid(Method *m);
bool emit_stack_hidden(Method *m);          /* [StackTraceHidden]: no frame in traces */

#endif
