/* il2c.h: what the parts of il2c share (private to src/emit/il2c*.c).
 *
 * il2c.c          stack variables, block boundaries, locals; the driver
 * il2c_ops.c      arithmetic, comparisons, conversions, branches, constants
 * il2c_calls.c    calls, delegates, P/Invoke and internal-call bodies
 * il2c_objects.c  fields, statics, arrays, boxing, casts, tokens, memory
 * il2c_eh.c       throw, leave, endfinally, endfilter, dispatch code
 * il2c_special.c  bodies il2c writes: internal calls, P/Invoke, delegates
 * il2c_async.c    delegates' BeginInvoke and EndInvoke
 * il2c_spec.c     copies of a method for a constant argument
 */
#ifndef ILCC_IL2C_H
#define ILCC_IL2C_H

#include "emit.h"

/* The argument an ldarg instruction loads (not its address), or -1. */
static inline int32_t il_ldarg_index(const Instr *in)
{
	if (in->op >= OP_LDARG_0 && in->op <= OP_LDARG_3)
		return in->op - OP_LDARG_0;
	if (in->op == OP_LDARG_S || in->op == OP_LDARG)
		return (int32_t)in->i;
	return -1;
}

/* Evaluation stack slots of a method: its .maxstack, and at least this. */
enum { STACK_MIN = 32 };

/* What il2c_reflect.c's dataflow knows of an element of a Type[] besides
 * its Type (Slot.elems): candidates, or the argument it was loaded from. */
typedef struct ElemFacts {
	struct Type **cands;
	uint32_t ncands;
	uint16_t from_arg;
} ElemFacts;

typedef struct Slot {
	StackKind k;
	Type *t;                        /* O, P, VT: the static type; IP: pointee */
	Method *ftn;                    /* from ldftn / ldvirtftn */
	/* what il2c_reflect.c's dataflow knows of the value */
	Type *known;                    /* typeof(known): its handle or Type */
	Method *kmethod;                /* the MethodInfo of kmethod */
	const char *str;                /* a string literal (ASCII) */
	Type **elems;                   /* a Type[] of nelems: what each holds */
	ElemFacts *efacts;              /* with elems, or elems_any of a local
					   written once: more of each element */
	uint32_t nelems;
	bool has_cval;                  /* an int32 constant: cval */
	int32_t cval;
	bool self;                      /* `this` of a class's method, by ldarg.0 */
	bool is_this;                   /* the same, never cleared by a use, in a
					   method that never stores to `this` */
	uint16_t from_arg;              /* ldarg N gave it: N + 1 (il2c_spec.c) */
	Type *exact;                    /* the value's class, known at build time */
	const char *len;                /* a vector loaded from a variable whose
					   length a C local shadows: its name */
	uint16_t from_loc;              /* ldloc N gave it: N + 1 (il2c_loops.c) */
	Type **cands;                   /* a Type that is one of these ncands (paths
					   joined, a Type[] read at a variable index) */
	uint32_t ncands;
	Type **elems_any;               /* a Type[] from a local written once: its
					   elements are among these nelems_any */
	uint32_t nelems_any;
	Type *sub_of;                   /* a Type from x.GetType() where x's static
					   type (this) may hold a subclass: one of the
					   constructed types that are one */
	bool dam;                       /* a Type from a [DynamicallyAccessedMembers]
					   field or return value: what it may hold was
					   kept where it was stored or returned */
} Slot;

typedef struct Entry {
	bool set;
	uint32_t sp;
	Slot *st;
} Entry;

typedef struct Fn {
	Program *p;
	Method *m;
	Image *img;
	Ctx ctx;
	MethodBody body;
	Arena a;
	Buf out, decl;
	Buf tail, tail_vars;             /* tail. calls: after the body, and their arguments */
	/* tail. calls through the trampoline (rt.h's rt_tail_): their
	 * thunks, ahead of the body, and when the body needs them at all */
	Buf tramp, tramp_cond;
	const char *name;               /* "Ns.Type::Method" for diagnostics */
	Slot *st;                       /* stack_cap of them (il2c_body.c) */
	uint32_t stack_cap;
	uint32_t sp;
	bool reachable;                 /* the current point can be reached */
	Entry *entry;                   /* by IL offset */
	const uint8_t *labels;          /* by IL offset: nonzero where a
					   branch or handler enters */
	uint8_t *declared;              /* per slot: bit per scalar kind */
	const char **var_names;         /* per slot and scalar kind: its variable */
	VEC(const char *) vt_declared;
	Type **locals;
	uint32_t nlocals;
	Type **args;
	uint32_t nargs;
	uint32_t off;                   /* offset of the instruction being emitted */
	uint32_t next_cont;
	Buf *fin_cases;                 /* per clause: endfinally's switch cases */
	Type *constrained;
	bool is_tail;
	bool has_tail_calls;
	uint32_t ntail;
	bool is_readonly;               /* readonly. prefix seen */
	bool throws;                    /* some code here can raise (e_fail) */
	/* a null `this` makes it raise (e_fail_null); it was checked by its
	 * caller's callvirt in most calls (MethodState.null_this_throws) */
	bool null_this_throws;
	bool this_fixed;                /* a class's method never storing to `this` */
	bool dam_arg;                   /* the call's Type came from an annotated parameter */
	Slot *local_known;              /* per local written once: Slot.known, kmethod */
	bool *local_once;
	const char **arg_len, **loc_len;  /* per vector variable: its length's
					     shadow (NULL: none; il2c_body.c) */
	bool framed;                    /* arguments and locals live in *F */
	uint32_t nbranches;             /* every branch and switch case: from, to */
	struct FnBranch { uint32_t from, to; } *branches;
	uint32_t dead_end;              /* offsets below it: a dead loop (il2c_body.c) */
	/* counted loops whose body keeps `k < bound` (il2c_loops.c) */
	uint32_t nloops;
	struct FnLoop { uint32_t body, cond, k; const char *bound; } *loops;
	bool filter_mode;               /* this is the outlined filter function */
	bool frame_declared;            /* FRAME_, its name in traces, is declared */
	/* the method never runs (its IL is invalid, a type of its signature
	 * does not load): Mono fails to compile it, so no frame of its own */
	bool no_frame;
	/* with debug information, and in the program's own methods: each
	 * place that raises (e_fail_at) goes first to a label of its own,
	 * S<i>, which records it (at_ = i + 1, its C# file and line, or IL
	 * offset, in FRAME_[]) for the stack trace */
	bool lines;
	uint32_t nsites, sites_cap, sites_declared;
	/* seq: the offset of the sequence point Mono's trace shows for off:
	 * the last one at or before it where the evaluation stack was empty
	 * or that follows a call; slot: its entry in FRAME_[] */
	struct FnSite { uint32_t off, seq, slot; const char *target; } *sites;
	uint32_t seq_off;               /* the same for the instruction at hand */
	/* `this` went somewhere other than a field access, a pop or the
	 * receiver of a direct call (those are MethodState.this_callees) */
	bool leaks_this;
	Method *made, *made_before;     /* newobj's constructor, if that was
					   this (before: the last) instruction */
	bool invalid;                   /* the error being raised is bad IL */
	/* an instruction names a type Mono will not load: Mono's JIT fails
	 * the whole method with TypeLoadException, this message ("": the
	 * exception's own, for a delegate made by ldftn; newobj) */
	const char *load_fail;
	bool load_fail_image;           /* and it is BadImageFormatException */
} Fn;

/* A place in the IL (a method of an image, an offset) that the build
 * warned about, so that it warns once whatever the instantiations. */
typedef struct CutSite {
	Image *img;
	uint32_t row, off;
} CutSite;

/* il2c_missing.c: an instruction naming a type, method or field that does
 * not exist (or calling an abstract method) becomes the throw Mono makes. */
/* Does an instruction of f's body name t (itself, or a member of it)? */
bool e_body_names(Fn *f, Type *t);
bool e_missing(Fn *f, const Instr *in);
/* Does TypeRef or MemberRef tok of img name nothing (Module.Resolve*)?
 * Then Mono's message into msg and its RtExcKind into *kind. */
bool e_missing_token(Image *img, Token tok, Buf *msg, int *kind);
/* il2c_loops.c: the counted loops of the program's own methods (addr:
 * find_addressed's marks), and the bound that holds for an index slot
 * loaded from a loop's counter inside its body (NULL: none) */
void e_find_loops(Fn *f, const uint8_t *addr);
const char *e_loop_bound(Fn *f, const Slot *s);
/* il2c_calls.c: the thunk that makes a trampolined tail call of callee
 * from caller, with its argument struct, both called `name` */
void e_tail_thunk(Buf *b, const char *name, Method *callee, Method *caller);
bool e_call_is_virtual(Fn *f, Method *m);       /* `call` that dispatches */
void e_throw_instead(Fn *f, int kind, const char *what, const char *msg);  /* RtExcKind */

void e_fn_error(Fn *f, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* The IL breaks ECMA-335's rules (§III.1.7, §III.1.8): the method becomes
 * a throw of InvalidProgramException, with a warning (il2c_body.c). */
void e_invalid(Fn *f, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
void e_out(Fn *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void e_warn(Fn *f, const char *msg);            /* at this method and IL offset */
/* A call of m is about to be made with its arguments on the stack: keep
 * what reflection will look for, and say what the result is known to be
 * (il2c_reflect.c). */
Slot e_reflect_flow(Fn *f, Method *m);
/* An AOT warning (warn.h) for a call of m that the build cannot honour. */
void e_aot_check(Fn *f, Method *m);
/* Types passed to [DynamicallyAccessedMembers] parameters of m: kept. */
void e_dam_flow(Fn *f, Method *m);
bool e_dam_field(const Field *fd);              /* [DynamicallyAccessedMembers] Type field? */
bool e_dam_returns(Method *m);                  /* ... return value? */
void e_dam_store(Fn *f, const Field *fd, const Slot *v);        /* v stored into fd */
void e_dam_return(Fn *f, const Slot *v);        /* v returned by f->m */
/* ldftn of m: a delegate may pass any Type to its Type parameters. */
void e_reflect_ftn(Fn *f, Method *m);
/* newobj of ctor, its arguments on the stack: the same for a constructor
 * (new XmlSerializer(typeof(T))), with no result to know. */
void e_reflect_newobj(Fn *f, Method *ctor);
void e_warn_in(Fn *f, const char *method, const char *msg);     /* named so */
const char *e_var_at(Fn *f, uint32_t d, const Slot *s);
const char *e_sv(Fn *f, uint32_t i);            /* variable of slot i below top */
Slot *e_top(Fn *f, uint32_t i);
const char *e_push(Fn *f, StackKind k, Type *t);
const char *e_push_type(Fn *f, Type *t);
void e_pop(Fn *f, uint32_t n);
void e_keep_this(Fn *f, uint32_t i);
bool e_in_range(uint32_t off, uint32_t start, uint32_t len);
uint32_t e_filter_len(const EHClause *c);
const char *e_fail_at(Fn *f, uint32_t off);     /* where an exception goes */
const char *e_fail(Fn *f);
/* The same for the null test of slot i below the top: a test of `this`
 * counts as Fn.null_this_throws only. */
const char *e_fail_null(Fn *f, uint32_t i);
const char *e_next_dispatch(Fn *f, uint32_t clause);
void e_check_pending(Fn *f);
const char *e_new_expr(Fn *f, Type *t);         /* allocates a class instance */
void e_save_entry(Fn *f, uint32_t target);
void e_enter_block(Fn *f, uint32_t off);
void e_jump(Fn *f, uint32_t target);
const char *e_as_ctype(Fn *f, uint32_t i, const char *ct);
const char *e_as_type(Fn *f, uint32_t i, Type *t);
void e_load_var(Fn *f, Type *t, const char *name);
Type *e_arg_type(Fn *f, uint32_t i);
const char *e_arg_name(Fn *f, uint32_t i);      /* a3, or F->a3 when framed */
const char *e_loc_name(Fn *f, uint32_t i);
bool e_in_filter(Fn *f, uint32_t off);          /* off is in a filter block */
Type *e_local_type(Fn *f, uint32_t i);
void e_store_var(Fn *f, Type *t, const char *name);
/* Slot i below the top may be stored where a t is expected: e_invalid if
 * not (what: the instruction, for the message). */
void e_check_assign(Fn *f, uint32_t i, Type *t, const char *what);
const char *e_kind_name(StackKind k);           /* "an int32" */
/* After a store into a variable with a length shadow: update the shadow,
 * and forget it in stack values loaded before the store. */
void e_store_len(Fn *f, const char *shadow, const char *name);
void e_load_addr(Fn *f, Type *t, const char *name);

/* The instruction groups: each returns false if `in` is not one of its. */
bool e_ops(Fn *f, const Instr *in);
bool e_calls(Fn *f, const Instr *in);
bool e_objects(Fn *f, const Instr *in);
bool e_eh(Fn *f, const Instr *in);
void e_eh_enter(Fn *f, uint32_t off);           /* links at a try's start */
void e_eh_epilogue(Fn *f);                      /* dispatch and finally code */
bool e_trace_lines(Fn *f);                      /* traces of f get file:line */
const char *e_fail_site(Fn *f, uint32_t off, const char *target);
void e_special_body(Fn *f);                     /* icall, P/Invoke, delegate */
void e_subst_body(Fn *f, int which);            /* subst.c */
/* marshal.c: P/Invoke argument i converted (code before the call, code
 * after it in *after; `bail` returns if that fails), or NULL if passed as
 * it is; the return value converted (false: as it is). */
const char *e_pinvoke_arg(Fn *f, uint32_t i, const char *bail, Buf *after);
bool e_pinvoke_return(Fn *f);
void e_construct(Fn *f, Type *t, const char *var, const char *why);
Field *e_field(Type *t, const char *name);      /* of t or a base; fatal if none */
/* The lvalue of field `name` (of t or a base) of object `obj`. */
const char *e_field_lv(Fn *f, Type *t, const char *obj, const char *name);
/* il2c_async.c: delegates' BeginInvoke and EndInvoke, and the body of
 * AsyncResult.Invoke (a substitution: subst.c) */
void e_begin_invoke_body(Fn *f);
void e_end_invoke_body(Fn *f);
void e_async_result_invoke(Fn *f);
void e_expr_compile(Fn *f);                     /* expr.c */
Method *emit_support_method(Program *p, const char *dll, const char *needs, const char *ns,
			    const char *type, const char *name, int nparams);
void e_xml_ctor(Fn *f);                         /* xmlser.c */
void e_xml_factory(Fn *f);
void e_xml_factory_full(Fn *f);
void e_xml_serialize(Fn *f);
void e_xml_deserialize(Fn *f);
void e_i18n_invoke(Fn *f);                      /* i18n.c */
void e_get_cultures(Fn *f);                     /* culture.c */
size_t i18n_cjk_tables(Program *p, const char **out, size_t max);  /* i18n.c */
void e_manifest_resource(Fn *f);                /* resources.c */
void e_manifest_info(Fn *f);
void e_manifest_names(Fn *f);
void e_expr_create_lambda(Fn *f);
void e_expr_is_nullable(Fn *f);
void e_expr_nullable_underlying(Fn *f);
void e_typedref_type(Fn *f, Type *t);           /* what a TypedReference to t needs */
/* il2c_spec.c: copies of a method for a constant argument */
Method *e_specialize(Fn *f, Method *m);         /* at a direct call of m */
void e_spec_arg(Fn *f, uint32_t arg);           /* after ldarg */
bool e_spec_isinst(Fn *f, Type *t);             /* isinst t known to fail? */
/* Does a call of m give a constant (ms->cval)? A feature switch that is
 * off, or IL that is only `ldc.i4 K; ret`. */
bool e_const_result(Method *m);

#endif
