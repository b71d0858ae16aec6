/* reach: whole-program reachability (tree shaking) from the entry point.
 *
 * Requires: the type system (types/). Produces: the Program — every method
 * that can run, in the order it was found, each with the reason it was
 * added and its C code; every type whose descriptor, statics or instances
 * the code needs; the string literals.
 *
 * Rapid type analysis (DESIGN.md): a virtual or interface method is
 * included when its slot is called and a type that implements it is
 * constructed. The worklist runs to a fixed point; the order in which things
 * are found is deterministic, so the output is too.
 */
#ifndef ILCC_REACH_H
#define ILCC_REACH_H

#include "types/types.h"

#include <stdlib.h>

typedef enum BodyKind {
	BK_IL, BK_ICALL, BK_PINVOKE, BK_DELEGATE, BK_ABSTRACT, BK_MISSING,
	BK_DEFAULT,             /* an internal call answered "nothing" (icalls.def) */
	BK_SUBST,               /* a body written at build time (emit/subst.c) */
	BK_UNSUPPORTED,         /* not available ahead of time: throws (icalls.def) */
	BK_NODLL,               /* a P/Invoke into a Windows library: throws */
	BK_CONST,               /* a feature switch that is off: a constant (emit/features.c) */
} BodyKind;

#define VEC(T) struct { T *v; uint32_t n, cap; }
#define VEC_PUSH(vec, x) do { \
	if ((vec).n == (vec).cap) { \
		(vec).cap = (vec).cap ? 2 * (vec).cap : 64; \
		(vec).v = realloc((vec).v, (vec).cap * sizeof *(vec).v); \
	} \
	(vec).v[(vec).n++] = (x); \
} while (0)

typedef struct MethodState {
	Method *why;                    /* the method that made this one reachable */
	const char *reason;
	BodyKind kind;
	const char *icall;              /* BK_ICALL: the runtime's C function */
	int subst;                      /* BK_SUBST: which */
	int32_t cval;                   /* BK_CONST, or const_body: the result */
	int8_t const_body;              /* IL `ldc.i4 K; ret`: 1, not: -1, unknown: 0 */
	Buf code;                       /* the C function */
	bool inlined;                   /* cgen: code is an inline definition in prog.h */
	bool frame_sensitive;           /* calls StackTrace's, StackFrame's (emit/stack.c) */
	int8_t asks_caller;             /* calls GetCallingAssembly: 1, not: -1, unknown: 0 */
	bool tail_entry;                /* its entry runs tail calls' trampoline (il2c_body.c) */
	bool virtual_called;            /* a slot or interface method called virtually */
	Method *vcall_why;              /* the first method that called it virtually */
	VEC(Method *) impls;            /* called virtually: what the call may run */
	bool fails;                     /* and a constructed type's slot throws (ty_iface_conflict) */
	/* called from the core (reach_core) with one implementation among the
	 * core's constructed types: it, and a type of the core that runs it */
	Method *core_impl;
	Type *core_type;
	bool emitted;
	uint32_t index;                 /* in Program.methods */
	bool need_sthunk;               /* static method behind a delegate */
	bool need_unbox;                /* value type method behind a vtable or delegate */
	bool reflected;                 /* in rt_methods[]: reach_reflect_method */
	bool dlg_target;                /* in Program.dlg_targets */
	bool dlg_slot;                  /* a slot root a delegate dispatches: its impls are targets */
	int8_t flow;                    /* il2c_reflect.c's rule for calls of it */
	int8_t unsafe_call;             /* ... and its AOT warning for them */
	int8_t dam;                     /* -1: no [DynamicallyAccessedMembers] */
	/* bit i: its Type parameter i (after `this`) is reflected on by its
	 * own code (il2c_reflect.c), for members of reflects_kinds */
	uint32_t reflects;
	int64_t reflects_kinds;
	void *cov;                      /* coverage.c's */
	/* may an exception leave it when `this` is not null? Its own code
	 * says (il2c), and so does any method it calls directly: callees
	 * (receiver unknown or none), callees_nonnull (receiver known not
	 * null), callees_this (its own `this`): reach_no_throw. Does a null
	 * `this` make it throw (a test of `this` in a class's method that
	 * never stores to it, or a callee_this that does)? A virtual call
	 * (vcallees) may throw if any of the slot's impls may (reach_vthrows). */
	bool throws, null_this_throws;
	VEC(Method *) callees, callees_nonnull, callees_this;
	VEC(Method *) vcallees;         /* slot roots called virtually (impls) */
	/* is `this` referred to from nowhere once it returns? Its own code
	 * says (il2c: Fn.leaks_this), and so does any method it passes `this`
	 * to as the receiver of a direct call: reach_keeps_this. Asked of
	 * constructors whose new object is thrown at once (keeps_asked). */
	bool keeps_this, keeps_asked;
	VEC(Method *) this_callees;
	/* the program's own methods: what they call inside a loop (a slot
	 * root for a virtual call), where cgen.c's hot methods start */
	VEC(Method *) loop_callees;
} MethodState;

enum TypeNeeds {
	TN_DESCRIPTOR = 1,              /* its RtType is referenced */
	TN_CONSTRUCTED = 2,             /* instances exist: vtable needed */
	TN_STATICS = 4,                 /* its static fields are used */
	TN_LAYOUT = 8,                  /* its C struct is needed */
};

typedef struct TypeState {
	uint32_t needs;
	Method *why;
	const char *kept_by;            /* no `why`: the directive that kept it ("kept by F:L") */
	bool reflect_args;              /* rt_generic_args[] lists its arguments */
	bool indirect;                  /* in Program.indirect */
	void *cov;                      /* coverage.c's */
} TypeState;


typedef struct Literal {
	const uint8_t *utf16;
	uint32_t nbytes;
	uint32_t id;
	char cname[24];                 /* "lit_" and a hash of the text */
} Literal;

/* A property reflection can find (rt_properties[]): its accessors are
 * found by reflection too. */
typedef struct ReflectedProp {
	Type *owner;
	uint32_t row;                   /* in the Property table */
	Method *get, *set;
} ReflectedProp;

/* An event reflection can find (rt_events[]): its accessors are found by
 * reflection too. */
typedef struct ReflectedEvent {
	Type *owner;
	uint32_t row;                   /* in the Event table */
	Method *add, *remove, *raise;
} ReflectedEvent;

/* What internal calls that make types at run time turn on (reach.c). */
enum { RULE_ENUM_ARRAYS, RULE_MD_ARRAYS, RULE_GENERIC_DEFS, RULE_GENERIC_ARGS, RULE_DECLARING,
       RULE_NESTED };

/* A call passing a Type to `callee`'s parameter `param` (after `this`):
 * typeof(known), the caller's own Type parameter `from` - 1, or neither
 * (a Type not known at build time, passed at IL offset `off`). */
typedef struct TypeArgFlow {
	Method *callee, *caller;
	uint32_t param, from, off;
	Type *known;
} TypeArgFlow;

/* Feature switches (features.c `switches`, README "Size"): each gives
 * something up for size; --size turns them all on, --switch NAME one. */
enum {
	SW_RESOURCE_KEYS = 1 << 0,      /* resource messages unformatted */
	SW_NO_TRACE_NAMES = 1 << 1,     /* no method names in stack traces */
	SW_PATHS_AS_GIVEN = 1 << 2,     /* FileStream errors name the path as given */
	SW_SYNC_TEXT_IO = 1 << 3,       /* StreamReader/Writer without an async task */
	SW_UNPOOLED_WRITES = 1 << 4,    /* Stream.Write(ReadOnlySpan<byte>) without ArrayPool */
	SW_ALL = (1 << 5) - 1
};

typedef struct Program {
	Loader *ld;
	Image *img;                     /* the program's assembly */
	Method *entry;
	/* the program's assembly's <Module> when it has a static constructor
	 * (a module initializer): Mono runs it before Main */
	Type *module_init;
	bool allow_missing_icalls;
	bool no_trace_names;            /* SW_NO_TRACE_NAMES: no method names in traces */
	/* StackFrame.get_frame_info is reached: the program walks its own
	 * stack (emit/stack.c), so it is compiled with unwind tables */
	bool stack_walk;
	/* the program's own code reads Exception.TargetSite: it has the
	 * table of methods (new StackTrace(e) names its frames' methods),
	 * without unwind tables */
	bool target_site;
	/* the program's own code calls Assembly.GetCallingAssembly: it
	 * walks its stack (emit/stack.c); the class library's calls do not */
	bool calling_assembly;
	unsigned switches;              /* SW_ bits: what the program gives up (features.c) */
	VEC(Method *) methods;          /* reached, in order */
	uint32_t next_work;             /* methods[next_work..] still to emit */
	/* the class library's core, reached before the program (reach_core):
	 * layer k's methods, constructed types and virtual calls end at
	 * core[k]'s counts; each layer is the same in every program that has
	 * the layers before it */
	struct { uint32_t methods, constructed, vcalls; } core[2];
	uint32_t ncore_layers;
	uint32_t ncore;                 /* methods[..ncore): all layers' */
	bool in_core;                   /* reach_core is emitting: calls use M_FNC */
	VEC(Type *) types;              /* with any TypeNeeds, in order */
	VEC(Type *) constructed;
	VEC(Method *) vcalls;           /* virtually called slots and interface methods */
	VEC(Literal) literals;
	uint32_t empty_literal;         /* "" */
	VEC(Method *) missing;          /* internal calls with no implementation */
	VEC(Field *) rva_fields;        /* fields whose data ldtoken hands out */
	VEC(Method *) gvms;             /* generic virtual methods called */
	uint32_t rules_on;              /* bit RULE_*: reach.c's made_rules */
	VEC(Type *) made_generics;      /* pairs: open type, instance made */
	/* MakeGenericType/Method over arguments that break the constraints
	 * (il2c_reflect.c): instances not made, whose calls throw
	 * ArgumentException (their arguments have descriptors) */
	VEC(Type *) refused_types;
	VEC(Method *) refused_methods;
	VEC(Method *) reflected;        /* what reflection finds (rt_methods[]) */
	bool reflection_on;             /* reach_reflection */
	/* generic method definitions MakeGenericMethod is called on with
	 * arguments not known at build time: their instances the program
	 * makes anyway are kept for reflection (reach_made_def) */
	VEC(Method *) made_defs;
	VEC(ReflectedProp) reflected_props;     /* ... and rt_properties[] */
	VEC(ReflectedEvent) reflected_events;   /* ... and rt_events[] */
	VEC(Field *) reflected_fields;  /* ... and rt_fields[] */
	VEC(Type *) callbacks;          /* delegate types C can call (callbacks.c) */
	VEC(Type *) expr_delegates;     /* ... Expression.Compile can make (expr.c) */
	VEC(Type *) indirect;           /* pointer and byref types with a descriptor */
	VEC(Type *) marshal_types;      /* structs Marshal is given (marshal.c) */
	VEC(TypeArgFlow) type_args;     /* il2c_reflect.c: Types passed to the program's methods */
	VEC(struct GenSite) gen_sites;  /* il2c_reflect.c: MakeGenericType/Method over a Type parameter */
	/* il2c_reflect.c: reflection on x.GetType() (asked of each type
	 * constructed that x may be) and on Types not known at build time
	 * (asked of each of the program's own types reached); on_type is
	 * told of each type reached the first time and of each constructed,
	 * until reach_run ends */
	VEC(struct TypeRule) type_rules;
	void (*on_type)(struct Program *p, Type *t, uint32_t added, bool first, Method *why);
	bool dynamic_invoke;            /* reach_dynamic_invoke */
	VEC(Method *) dlg_targets;      /* methods delegates are made over */
	bool dlg_method;                /* reach_delegate_method */
	/* custom attributes asked for at run time (attrs.c): the records
	 * kept, and how far each owner list has been scanned */
	bool custom_attrs;
	bool assemblies;                /* reach_assemblies */
	VEC(struct KeptAttr) attrs;
	uint32_t attrs_done[6];
	/* called for each reached method before its code is emitted
	 * (build.c: [DynamicDependency], directives.c) */
	void (*on_reached)(struct Program *p, Method *m);
	/* When set (`ilcc coverage`), told of every dependency as it is
	 * found, whether or not its target was reached before: `from` (NULL
	 * for the runtime's own needs and roots) calls `to` directly
	 * (EDGE_CALL, a Method), calls slot `to` virtually (EDGE_VCALL), or
	 * needs Type `to`'s statics or instances (EDGE_STATICS,
	 * EDGE_CONSTRUCTED). Implementations found by RTA are not edges: the
	 * listener decides them from the calls and constructions. */
	const char **native_libs;       /* -l, --native-lib: their names ("gmp") */
	uint32_t nnative_libs;
	/* the first reached [DllImport] library bound with dlopen other
	 * than the C library's ("foo"), NULL: none (build.c: the libc) */
	const char *dlopen_lib;
	void (*edge)(struct Program *p, Method *from, int kind, void *to);
	void *edge_ctx;
} Program;

enum { EDGE_CALL, EDGE_VCALL, EDGE_STATICS, EDGE_CONSTRUCTED };

void reach_init(Program *p, Loader *ld, Image *img);
/* Frees what p and its methods' states hold outside ty_arena(). */
void reach_free(Program *p);
/* Emits what the roots given so far reach, before the program's entry is
 * given: a layer of the core (at most 2), the same in every program that
 * has the same layers before it (cgen.c's core units). */
void reach_core(Program *p);
/* May a virtual call of slot root m (callvirt: `this` not null) throw?
 * Once the constructed types are known; true while they may change. */
bool reach_vthrows(Method *m);
void reach_method(Program *p, Method *m, Method *why, const char *reason);
void reach_type(Program *p, Type *t, uint32_t needs, Method *why);
void reach_vcall(Program *p, Method *m, Method *why);
/* typeof(int*), ldtoken int32&: a pointer or byref type gets a descriptor
 * (RT_T_POINTER or RT_T_BYREF, and its element's), nothing else. */
void reach_indirect(Program *p, Type *t, Method *why);
/* Does MethodBase.Invoke of m run its type's static constructor first
 * (a static method or constructor of a type without beforefieldinit,
 * as a call does)? */
bool reach_invoke_inits(Method *m);
/* Activator.CreateInstance(typeof(t)): t constructed, with its
 * parameterless constructor (RtType.default_ctor). */
void reach_default_ctor(Program *p, Type *t, Method *why);
/* MakeGenericType on `open` with build-time arguments gives `made`. */
void reach_made_generic(Program *p, Type *open, Type *made, Method *why);
/* m can be found by reflection (Type.GetMethod with a name il2c knows):
 * described in rt_methods[], compiled unless it is a generic definition,
 * with an invoke thunk and its entry points for delegates. */
void reach_reflect_method(Program *p, Method *m, Method *why);
/* What the runtime's reflection makes (MethodInfo, ParameterInfo...):
 * with the first method kept, or for methods the runtime makes itself
 * (array types'). Sets Program.reflection_on. */
void reach_reflection(Program *p, Method *why);
/* MakeGenericMethod on g with arguments not known at build time: every
 * instance of g reached (now or later) is kept for reflection. */
void reach_made_def(Program *p, Method *g, Method *why);
/* Parameter i of m as ParameterInfo tells it: its ParameterAttributes and,
 * when it has a default value, the constant's bytes and the type
 * DefaultValue boxes them as (an enum parameter's own type, else the
 * constant's: `int? n = 3` gives an int; NULL for null). */
typedef struct ParamDefault {
	uint32_t flags;
	bool has;
	Type *type;
	Blob value;
} ParamDefault;
ParamDefault reach_param_default(Method *m, uint32_t i);
/* Delegate.DynamicInvoke is reachable: every constructed delegate type's
 * Invoke is kept for reflection (rt_delegate_invoke_info). */
void reach_dynamic_invoke(Program *p, Method *why);
/* The program's own code asks for an Assembly: RuntimeAssembly is made
 * and rt_assemblies[] lists the assemblies of the kept types. */
void reach_assemblies(Program *p, Method *why);
/* A delegate is made over m; once Delegate.Method is reachable
 * (reach_delegate_method), every such m is kept for reflection, so that
 * the runtime finds its MethodInfo by the delegate's entry point. */
void reach_delegate_target(Program *p, Method *m, Method *why);
void reach_delegate_method(Program *p, Method *why);
/* Property `row` of owner's definition can be found by reflection. */
void reach_reflect_property(Program *p, Type *owner, uint32_t row, Method *why);
void reach_reflect_event(Program *p, Type *owner, uint32_t row, Method *why);
void reach_reflect_field(Program *p, Field *f, Method *why);
/* Does a virtual call of m need the receiver's type to find the code? */
bool reach_dispatched(Method *m);
/* Is m a generic method definition, or a method of an open type, which
 * reflection describes but nothing can call? */
bool reach_reflect_open(Method *m);
uint32_t reach_literal(Program *p, Blob utf16);
const char *reach_literal_name(Program *p, uint32_t id);   /* its C name */
/* Run the worklist to a fixed point. */
void reach_run(Program *p);
/* fatal() if an internal call is missing (unless allowed), naming the chain
 * of callers that reached each. */
void reach_check_missing(Program *p);
/* Which methods can let an exception out: those whose own code can raise,
 * and, to a fixed point, those calling one directly. */
void reach_no_throw(Program *p);
/* Which methods keep `this` to themselves: those whose own code does and
 * that pass it only to such methods, as their receiver (a fixed point). */
void reach_keeps_this(Program *p);
MethodState *reach_state(Method *m);
/* "System.String::FastAllocateString(System.Int32)": how icalls.def names
 * an internal call (the open signature). */
const char *reach_icall_key(Method *m);
/* The names of the class library that the compiler's tables of rules
 * hold (icalls.def, subst.c, features.c, reach.c's callbacks): a method
 * as reach_icall_key writes it, a type as ty_name does, a field as
 * "Type::name", a method of any signature as "Type::name". A misspelt one would match nothing and do nothing, so
 * `ilcc check-keys` (keys.c) looks each up. */
typedef enum { KEY_METHOD, KEY_TYPE, KEY_FIELD, KEY_METHOD_NAME } KeyKind;
typedef void KeyFn(void *ctx, KeyKind kind, const char *key, const char *table);
void reach_table_keys(KeyFn *fn, void *ctx);
/* The method that introduced m's vtable slot (m itself for interface and
 * generic virtual methods): what a virtual call of m is recorded as. */
Method *reach_slot_root(Method *m);
TypeState *reach_tstate(Type *t);
/* The chain of reasons that reached `m`, one line per step. */
void reach_why(Buf *b, Method *m);
/* The tree of reasons with the generated C under each node, down to
 * subtrees of `permille` thousandths of the whole. */
void reach_size_tree(Buf *b, Program *p, unsigned permille);

#endif
