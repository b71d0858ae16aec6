/* il2c_missing: instructions that name what the assemblies do not have.
 *
 * Mono resolves a token when it compiles the code that names it, and a
 * type, method or field that does not exist makes that code throw when it
 * runs (TypeLoadException, MissingMethodException, MissingFieldException);
 * programs, Mono's own tests among them, catch these. ilcc does as Native
 * AOT does: the instruction becomes that throw, with Mono's message, the
 * rest of its block is left out, and the build warns once per place,
 * naming the method, the IL offset and what is missing. A `call` (not
 * callvirt) of an abstract method is bad IL to Mono: BadImageFormatException.
 * What Mono will not make throws too: `newobj` of an abstract class
 * (MemberAccessException), a generic instance over void (TypeLoadException).
 * A field or method the code may not access (private, family, assembly,
 * or of a type it may not see; ECMA-335 §I.8.5.3, §II.10.2) throws
 * FieldAccessException or MethodAccessException. Only the program's own
 * assembly is checked: the class library is taken as right, and an
 * assembly with InternalsVisibleTo lends its internals to every other.
 *
 * Requires the type system's ty_missing record (types.h): the *_from_token
 * functions set it before they raise "cannot find ...". Anything else that
 * fails to resolve is still a build error.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A MemberRef of an array type's methods (Get, Set, Address, .ctor), which
 * the runtime provides (il2c_calls.c), not the type system. */
static bool array_member(Fn *f, Token tok)
{
	if (TOK_TABLE(tok) != T_MemberRef)
		return false;
	Token parent = md_get(f->img, T_MemberRef, TOK_ROW(tok), MemberRef_Class);
	if (TOK_TABLE(parent) != T_TypeSpec)
		return false;
	TypeKind k = ty_from_token(f->img, parent, &f->ctx)->kind;
	return k == TY_ARRAY || k == TY_SZARRAY;
}

static bool field_token(Fn *f, Token tok)
{
	return TOK_TABLE(tok) == T_Field || (TOK_TABLE(tok) == T_MemberRef &&
		md_blob(f->img, md_get(f->img, T_MemberRef, TOK_ROW(tok),
				       MemberRef_Signature)).p[0] == SIG_FIELD);
}

static bool method_token(Fn *f, Token tok)
{
	uint32_t t = TOK_TABLE(tok);
	return (t == T_MethodDef || t == T_MethodSpec || t == T_MemberRef) && !field_token(f, tok) &&
	       !array_member(f, tok);
}

/* What an instruction's token names, resolved once for every check:
 * the type (itself, a field's or a method's owner; NULL for an array's
 * methods) and the method (of a method token). */
typedef struct Named {
	Type *t;
	Method *m;
} Named;

/* Resolving raises what the instruction would. */
static Named named_of(Fn *f, Token tok)
{
	uint32_t t = TOK_TABLE(tok);
	if (t == T_TypeDef || t == T_TypeRef || t == T_TypeSpec)
		return (Named){ .t = ty_from_token(f->img, tok, &f->ctx) };
	if (field_token(f, tok))
		return (Named){ .t = ty_field_from_token(f->img, tok, &f->ctx)->owner };
	if (!method_token(f, tok))
		return (Named){0};
	Method *m = ty_method_from_token(f->img, tok, &f->ctx);
	return (Named){ .t = m->owner, .m = m };
}

/* Does the token resolve (into *n), diagnostics silenced? On false,
 * ty_missing says whether a member was missing. */
static bool try_named(Fn *f, Token tok, Named *n)
{
	jmp_buf jb, *outer = diag_jmp;
	bool quiet = diag_quiet;
	ty_missing.kind = TY_MISSING_NONE;
	diag_quiet = true;
	volatile bool failed = true;
	if (diag_try(&jb) == 0) {
		*n = named_of(f, tok);
		failed = false;
	}
	diag_jmp = outer;
	diag_quiet = quiet;
	return !failed;
}

/* Does the token resolve (into *n)? A failure other than a missing
 * member is raised again, as the instruction would have raised it. */
static bool resolves(Fn *f, Token tok, Named *n)
{
	bool failed = !try_named(f, tok, n);
	if (failed && ty_missing.kind == TY_MISSING_NONE) {
		char msg[sizeof diag_last];
		memcpy(msg, diag_last, sizeof msg);
		fatal("%s", msg);
	}
	return !failed;
}

/* "System.Console", ".Lib" (Mono writes the empty namespace so) */
static void put_owner(Buf *b, Type *t)
{
	const char *ns, *name;
	emit_type_names(t, &ns, &name);
	buf_printf(b, "%s.%s", ns, name);
}

/* "mscorlib, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a...":
 * the reference's token as Mono writes it (null when it has none or
 * holds a whole key) */
static const char *assembly_display(Image *img, uint32_t aref)
{
	Blob key = md_blob(img, md_get(img, T_AssemblyRef, aref, AssemblyRef_PublicKeyOrToken));
	char token[17] = "null";
	if (key.len == 8)
		for (int i = 0; i < 8; i++)
			snprintf(token + 2 * i, 3, "%02x", key.p[i]);
	return arena_printf(ty_arena(), "%s, Version=%u.%u.%u.%u, Culture=neutral, "
		"PublicKeyToken=%s",
		md_string(img, md_get(img, T_AssemblyRef, aref, AssemblyRef_Name)),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_MajorVersion),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_MinorVersion),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_BuildNumber),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_RevisionNumber), token);
}

static void type_message(Buf *b, Image *img, Token tok)
{
	uint32_t row = TOK_ROW(tok);
	const char *ns = md_string(img, md_get(img, T_TypeRef, row, TypeRef_Namespace));
	const char *name = md_string(img, md_get(img, T_TypeRef, row, TypeRef_Name));
	Token scope = md_get(img, T_TypeRef, row, TypeRef_ResolutionScope);
	buf_printf(b, "Could not resolve type with token %08x from typeref (expected class "
		   "'%s%s%s' in assembly '%s')", tok, ns, *ns ? "." : "", name,
		   TOK_TABLE(scope) == T_AssemblyRef ?
		   assembly_display(img, TOK_ROW(scope)) : img->path);
}

/* "void System.Console.NoSuch(int,string)" */
static void method_message(Buf *b, Fn *f, Token tok)
{
	Image *img = f->img;
	uint32_t row = TOK_ROW(tok);
	Type *owner = ty_from_token(img, md_get(img, T_MemberRef, row, MemberRef_Class), &f->ctx);
	Arena a = {0};
	MethodSig *s = sig_method(img, &a, md_get(img, T_MemberRef, row, MemberRef_Signature));
	buf_puts(b, "Method not found: ");
	emit_mono_type_desc(b, ty_from_sig(img, s->ret, &f->ctx));
	buf_putc(b, ' ');
	put_owner(b, owner);
	buf_printf(b, ".%s(", md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name)));
	for (uint32_t i = 0; i < s->nparams; i++) {
		buf_puts(b, i ? "," : "");
		emit_mono_type_desc(b, ty_from_sig(img, s->params[i], &f->ctx));
	}
	buf_putc(b, ')');
	arena_free(&a);
}

/* "long System.Console.noField Due to: Could not find field in class" */
static void field_message(Buf *b, Fn *f, Token tok)
{
	Image *img = f->img;
	uint32_t row = TOK_ROW(tok);
	Type *owner = ty_from_token(img, md_get(img, T_MemberRef, row, MemberRef_Class), &f->ctx);
	Arena a = {0};
	TypeSig *s = sig_field(img, &a, md_get(img, T_MemberRef, row, MemberRef_Signature));
	buf_puts(b, "Field not found: ");
	emit_mono_type_desc(b, ty_from_sig(img, s, &f->ctx));
	buf_putc(b, ' ');
	put_owner(b, owner);
	buf_printf(b, ".%s Due to: Could not find field in class",
		   md_string(img, md_get(img, T_MemberRef, row, MemberRef_Name)));
	arena_free(&a);
}

static VEC(CutSite) warned;

/* The instruction throws `kind` with `msg`; the build says so once. */
void e_throw_instead(Fn *f, int kind, const char *what, const char *msg)
{
	bool first = true;
	for (uint32_t i = 0; i < warned.n && first; i++)
		first = !(warned.v[i].img == f->img && warned.v[i].row == f->m->row &&
			  warned.v[i].off == f->off);
	if (first) {
		VEC_PUSH(warned, ((CutSite){ f->img, f->m->row, f->off }));
		e_warn(f, arena_printf(&f->a, "%s; it throws %s when it runs, as in Mono",
				       what, emit_exception_name(kind)));
	}
	Buf lit = {0};
	emit_c_string(&lit, msg);
	emit_need_exception(f->p, kind);
	e_out(f, "rt_exc_throw_msg(%s, %s); goto %s;", emit_exception_id(kind), lit.s, e_fail(f));
	buf_free(&lit);
	f->reachable = false;
	f->constrained = NULL;
	f->is_tail = f->is_readonly = false;
}

/* ---- access ---- */
enum { ACC_COMPILER, ACC_PRIVATE, ACC_FAMANDASSEM, ACC_ASSEMBLY, ACC_FAMILY, ACC_FAMORASSEM,
       ACC_PUBLIC };

/* Is t the TypeDef (img, row) or nested in it, at any depth? */
static bool within(Type *t, Image *img, uint32_t row)
{
	if (t->img != img)
		return false;
	for (uint32_t r = t->row; r; r = md_enclosing(img, r))
		if (r == row)
			return true;
	return false;
}

/* Does t derive from `of`, or implement it (Mono lets a class reach the
 * family members of the interfaces it implements: dim-nested-types)? */
static bool derives(Type *t, Type *of)
{
	for (Type *c = t; c && c->img; c = ty_info(c)->base)
		if (c->img == of->img && c->row == of->row)
			return true;
	TypeInfo *ti = t->img ? ty_info(t) : NULL;
	for (uint32_t i = 0; ti && i < ti->nifaces; i++)
		if (ti->ifaces[i]->img == of->img && ti->ifaces[i]->row == of->row)
			return true;
	return false;
}

/* Family access: t, or a type t is nested in, derives from `of`. */
static bool family(Type *t, Type *of)
{
	if (derives(t, of))
		return true;
	for (uint32_t r = md_enclosing(t->img, t->row); r; r = md_enclosing(t->img, r))
		if (derives(ty_def(t->img, r, NULL, 0), of))
			return true;
	return false;
}

static bool lends_internals(Image *img)
{
	return md_rows(img, T_Assembly) && ty_has_attribute(img, TOKEN(T_Assembly, 1),
		"System.Runtime.CompilerServices.InternalsVisibleToAttribute");
}

/* May code of type `from` use a member of `owner` with access `acc`? */
static bool member_ok(Type *from, Type *owner, uint32_t acc)
{
	bool inside = within(from, owner->img, owner->row);
	bool fam = inside || family(from, owner);
	bool assem = from->img == owner->img || lends_internals(owner->img);
	switch (acc) {
	case ACC_PRIVATE: return inside;
	case ACC_FAMANDASSEM: return fam && assem;
	case ACC_ASSEMBLY: case ACC_COMPILER: return assem;
	case ACC_FAMILY: return fam;
	case ACC_FAMORASSEM: return fam || assem;
	default: return true;
	}
}

/* May code of type `from` see type t (its definition, and the types it
 * is nested in)? Nested visibility 2..7 is member access 6, 1, 4, 3, 2, 5. */
static bool type_ok(Type *from, Image *img, uint32_t row)
{
	static const uint8_t nested_acc[8] = { 0, 0, ACC_PUBLIC, ACC_PRIVATE, ACC_FAMILY,
		ACC_ASSEMBLY, ACC_FAMANDASSEM, ACC_FAMORASSEM };
	uint32_t vis = md_get(img, T_TypeDef, row, TypeDef_Flags) & 7;
	uint32_t outer = md_enclosing(img, row);
	if (!outer)
		return vis == 1 || from->img == img || lends_internals(img);
	Type *o = ty_def(img, outer, NULL, 0);
	return member_ok(from, o, nested_acc[vis]) && type_ok(from, img, outer);
}

/* "A+Inner" (nested types as reflection names them) */
static const char *reflection_name(Type *t)
{
	const char *ns, *name;
	emit_type_names(t, &ns, &name);
	char *s = arena_printf(ty_arena(), "%s%s%s", ns, *ns ? "." : "", name);
	for (char *c = s; *c; c++)
		if (*c == '/')
			*c = '+';
	return s;
}

/* "B:M1 ()", "B.M1()": Mono's two ways of naming a method */
static const char *method_desc(Method *m, bool colon)
{
	Buf b = {0};
	buf_printf(&b, "%s%s%s%s(", colon ? m->owner->name : reflection_name(m->owner),
		   colon ? ":" : ".", m->name, colon ? " " : "");
	for (uint32_t i = 0; i < m->nparams; i++) {
		buf_puts(&b, i ? "," : "");
		emit_mono_type_desc(&b, m->params[i]);
	}
	buf_putc(&b, ')');
	const char *s = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return s;
}

static bool field_access(Fn *f, Token tok)
{
	Field *fd = ty_field_from_token(f->img, tok, &f->ctx);
	Type *from = f->m->owner;
	if (member_ok(from, fd->owner, fd->flags & 7) &&
	    type_ok(from, fd->owner->img, fd->owner->row))
		return false;
	e_throw_instead(f, RT_EXC_FIELDACCESS, arena_printf(&f->a, "field %s::%s is not"
			" accessible here", fd->owner->name, fd->name),
			arena_printf(&f->a, "Field `%s:%s' is inaccessible from method `%s'\n",
				     fd->owner->name, fd->name, method_desc(f->m, true)));
	return true;
}

static bool method_access(Fn *f, Token tok)
{
	if (array_member(f, tok))
		return false;
	Method *m = ty_method_from_token(f->img, tok, &f->ctx);
	Type *from = f->m->owner;
	if (!m->owner->img || (member_ok(from, m->owner, m->flags & MF_ACCESS) &&
			       type_ok(from, m->owner->img, m->owner->row)))
		return false;
	e_throw_instead(f, RT_EXC_METHODACCESS, arena_printf(&f->a, "method %s is not"
			" accessible here", ty_method_name(m)),
			arena_printf(&f->a, "Method `%s' is inaccessible from method `%s'",
				     method_desc(m, false), method_desc(f->m, false)));
	return true;
}

static const Opcode field_ops[] = {
	OP_LDFLD, OP_LDFLDA, OP_STFLD, OP_LDSFLD, OP_LDSFLDA, OP_STSFLD,
};
static const Opcode method_ops[] = {
	OP_CALL, OP_CALLVIRT, OP_NEWOBJ, OP_LDFTN, OP_LDVIRTFTN,
};

static bool inaccessible(Fn *f, const Instr *in)
{
	if (f->img != f->p->img || !f->m->owner->img)
		return false;
	for (size_t i = 0; i < countof(field_ops); i++)
		if (in->op == field_ops[i])
			return field_access(f, in->token);
	for (size_t i = 0; i < countof(method_ops); i++)
		if (in->op == method_ops[i])
			return method_access(f, in->token);
	return false;
}

static bool bad_abstract_call(Fn *f, const Instr *in, const Named *n)
{
	/* constrained. T call M: a static abstract interface member, T's */
	Method *m = n->m;
	if (in->op != OP_CALL || f->constrained || !m)
		return false;
	if (!(m->flags & MF_ABSTRACT) || e_call_is_virtual(f, m))
		return false;
	e_throw_instead(f, RT_EXC_BADIMAGE, arena_printf(&f->a, "a call (not callvirt) of "
			"abstract method %s", ty_method_name(m)), "Bad IL format.");
	return true;
}

/* ---- what Mono refuses to make ---- */

/* The generic instance within t that has void as an argument, or NULL. */
static Type *void_instance(Type *t)
{
	if (!t)
		return NULL;
	for (uint32_t i = 0; i < t->ninst; i++)
		if (t->inst[i]->kind == TY_VOID)
			return t;
	for (uint32_t i = 0; i < t->ninst; i++) {
		Type *in = void_instance(t->inst[i]);
		if (in)
			return in;
	}
	return void_instance(t->elem);
}

/* The instance over void the instruction names, or NULL. */
static Type *named_void_instance(const Named *n)
{
	Type *in = n->t ? void_instance(n->t) : NULL;
	Method *m = n->m;
	if (in || !m)
		return in;
	for (uint32_t i = 0; i < m->ninst && !in; i++)
		in = m->inst[i]->kind == TY_VOID ? m->owner : void_instance(m->inst[i]);
	return in;
}

/* "Box`1[T]": a generic definition as Mono's messages name it */
static const char *definition_name(Type *t)
{
	Buf b = {0};
	buf_printf(&b, "%s[", reflection_name(ty_def(t->img, t->row, NULL, 0)));
	for (uint32_t i = 0; i < t->ninst; i++)
		buf_printf(&b, "%s%s", i ? "," : "",
			   ty_generic_param_name(t->img, TOKEN(T_TypeDef, t->row), i));
	buf_putc(&b, ']');
	const char *s = arena_strdup(ty_arena(), b.s);
	buf_free(&b);
	return s;
}

/* A generic instance over void: Mono's TypeLoadException. */
static bool void_argument(Fn *f, const Named *n)
{
	Type *t = named_void_instance(n);
	if (!t)
		return false;
	e_throw_instead(f, RT_EXC_TYPELOAD, arena_printf(&f->a, "generic instance %s has void"
			" as an argument", t->name), arena_printf(&f->a, "Could not instantiate %s"
			" due to generic type cannot be instantiated with type 'void' assembly:"
			"<unknown assembly> type:<unknown type> member:(null)", definition_name(t)));
	return true;
}

/* ---- ref structs ([IsByRefLike]: Span<T>, C# 7.2's `ref struct`) ----
 * Mono's JIT refuses a method that boxes one (BadImageFormatException)
 * or instantiates a generic method over one (BadImageFormatException),
 * and its loader a generic type over one (TypeLoadException): the whole
 * method fails when it is called (f->load_fail), as for unloadable
 * types. C# compilers never emit these; IL can. */
static bool is_byreflike(Type *t)
{
	return t && t->kind == TY_STRUCT && t->img && t->row &&
	       ty_has_attribute(t->img, TOKEN(T_TypeDef, t->row),
				"System.Runtime.CompilerServices.IsByRefLikeAttribute");
}

/* The index of the first ref struct among n types, or -1. */
static int byreflike_arg(Type **v, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (is_byreflike(v[i]))
			return (int)i;
	return -1;
}

static bool byreflike_fail(Fn *f, int kind, const char *what, const char *msg)
{
	if (!f->load_fail) {
		f->load_fail = msg;
		f->load_fail_image = kind == RT_EXC_BADIMAGE;
	}
	e_throw_instead(f, kind, what, msg);
	return true;
}

static bool byreflike(Fn *f, const Instr *in, const Named *n)
{
	Type *t = n->t;
	int k;
	if (in->op == OP_BOX && is_byreflike(n->t))
		return byreflike_fail(f, RT_EXC_BADIMAGE, arena_printf(&f->a, "box of the ref"
				      " struct %s", n->t->name), arena_printf(&f->a, "Cannot box"
				      " IsByRefLike type '%s.%s'",
				      md_string(n->t->img, md_get(n->t->img, T_TypeDef, n->t->row,
								  TypeDef_Namespace)),
				      md_string(n->t->img, md_get(n->t->img, T_TypeDef, n->t->row,
								  TypeDef_Name))));
	if (n->m && (k = byreflike_arg(n->m->inst, n->m->ninst)) >= 0)
		return byreflike_fail(f, RT_EXC_BADIMAGE, arena_printf(&f->a, "%s instantiated"
				      " over the ref struct %s", n->m->name, n->m->inst[k]->name),
				      arena_printf(&f->a, "MVAR %d cannot be expanded with type 0x11", k));
	if (t && (k = byreflike_arg(t->inst, t->ninst)) >= 0)
		return byreflike_fail(f, RT_EXC_TYPELOAD, arena_printf(&f->a, "%s instantiated"
				      " over the ref struct %s", t->name, t->inst[k]->name),
				      arena_printf(&f->a, "Could not instantiate %s due to generic type"
				      " cannot be instantiated with type '%s' assembly:<unknown assembly>"
				      " type:<unknown type> member:(null)", definition_name(t),
				      reflection_name(t->inst[k])));
	return false;
}

/* A type Mono will not load (ty_load_failure): TypeLoadException, which
 * fails the whole method under Mono (f->load_fail; il2c_body.c), with the
 * type's reason, but for a delegate made by ldftn and newobj in a
 * method Mono tried to inline first (array_load_exception). */
/* Would Mono's JIT try to inline f's method into a caller (IL under 20
 * bytes, no handlers, not NoInlining nor Synchronized), and does a
 * `call` of it appear in its assembly (a byte search, as i18n.c's)? */
static bool inlined_by_caller(Fn *f)
{
	Method *m = f->m;
	if (f->body.code_size >= 20 || f->body.neh || m->ninst ||
	    (m->impl_flags & (MI_NOINLINING | MI_SYNCHRONIZED)))
		return false;
	Token tok = TOKEN(T_MethodDef, m->row);
	const uint8_t *d = m->img->data;
	for (size_t i = 0; i + 5 <= m->img->size; i++)
		if (d[i] == 0x28 && (d[i + 1] | d[i + 2] << 8 | d[i + 3] << 16 |
		    (uint32_t)d[i + 4] << 24) == tok)
			return true;
	return false;
}

static bool unloadable(Fn *f, const Instr *in, const Named *n)
{
	Type *t = n->t;
	const char *why = t ? ty_load_failure(t) : NULL;
	if (!why)
		return false;
	/* Mono's JIT refuses the delegate's class while trying to inline the
	 * method into its caller; compiling the method later it finds no
	 * Invoke in the refused class and raises TypeLoadException() */
	bool plain = in->op == OP_NEWOBJ && t->img && ty_info(t)->is_delegate &&
		f->sp >= 1 && f->st[f->sp - 1].ftn && inlined_by_caller(f);
	if (!f->load_fail)
		f->load_fail = plain ? "" : why;
	e_throw_instead(f, RT_EXC_TYPELOAD, arena_printf(&f->a, "type %s cannot be loaded",
			t->name), why);
	return true;
}

/* Does an instruction of f's body name t (itself, or a member of it)? */
bool e_body_names(Fn *f, Type *t)
{
	for (uint32_t off = 0; off < f->body.code_size;) {
		Instr in;
		off = il_decode(f->img, &f->body, off, &in);
		Named n;
		if (op_info[in.op].operand == OPK_TOKEN && TOK_TABLE(in.token) != T_StandAloneSig &&
		    TOK_TABLE(in.token) != 0x70 && resolves(f, in.token, &n) && n.t == t)
			return true;
	}
	return false;
}

/* newobj of an abstract class or an interface: MemberAccessException */
static bool abstract_new(Fn *f, const Instr *in, const Named *n)
{
	if (in->op != OP_NEWOBJ || !n->m)
		return false;
	Type *t = n->t;
	if (!ty_info(t)->is_abstract)
		return false;
	e_throw_instead(f, RT_EXC_MEMBERACCESS, arena_printf(&f->a, "newobj of abstract class %s",
			t->name), arena_printf(&f->a, "Cannot create an abstract class: %s",
					       reflection_name(t)));
	return true;
}

bool e_missing(Fn *f, const Instr *in)
{
	if (op_info[in->op].operand != OPK_TOKEN || TOK_TABLE(in->token) == T_StandAloneSig ||
	    TOK_TABLE(in->token) == 0x70)
		return false;
	Named n;
	if (resolves(f, in->token, &n))
		return void_argument(f, &n) || byreflike(f, in, &n) || unloadable(f, in, &n) ||
		       abstract_new(f, in, &n) ||
		       inaccessible(f, in) || bad_abstract_call(f, in, &n);
	TyMissing miss = ty_missing;
	Buf msg = {0}, what = {0};
	if (miss.kind == TY_MISSING_TYPE)
		sig_print_token(&what, miss.img, miss.tok, true, NULL);
	else
		sig_print_member(&what, miss.img, &f->a, miss.tok);
	RtExcKind kind = RT_EXC_TYPELOAD;
	if (miss.kind == TY_MISSING_TYPE) {
		type_message(&msg, miss.img, miss.tok);
	} else if (miss.kind == TY_MISSING_METHOD) {
		kind = RT_EXC_MISSINGMETHOD;
		method_message(&msg, f, miss.tok);
	} else {
		kind = RT_EXC_MISSINGFIELD;
		field_message(&msg, f, miss.tok);
	}
	static const char *const nouns[] = {
		[TY_MISSING_TYPE] = "type", [TY_MISSING_METHOD] = "method",
		[TY_MISSING_FIELD] = "field",
	};
	e_throw_instead(f, kind, arena_printf(&f->a, "no %s %s", nouns[miss.kind], what.s),
			msg.s);
	buf_free(&msg);
	buf_free(&what);
	return true;
}

/* Module.Resolve* (cgen_reflect.c tokens): does TypeRef or MemberRef tok
 * of img name nothing? Then msg gets Mono's message and *kind the
 * exception, as for an instruction naming it. A token that fails to
 * resolve for another reason is left out (false), not a build error. */
bool e_missing_token(Image *img, Token tok, Buf *msg, int *kind)
{
	Fn *f = calloc(1, sizeof *f);
	if (!f)
		fatal("out of memory");
	f->img = img;
	Named n;
	bool failed = !try_named(f, tok, &n);
	TyMissing miss = ty_missing;
	bool missing = failed && miss.kind != TY_MISSING_NONE && miss.img == img;
	if (missing && miss.kind == TY_MISSING_TYPE) {
		*kind = RT_EXC_TYPELOAD;
		type_message(msg, img, miss.tok);
	} else if (missing && miss.kind == TY_MISSING_METHOD && miss.tok == tok) {
		*kind = RT_EXC_MISSINGMETHOD;
		method_message(msg, f, tok);
	} else if (missing && miss.kind == TY_MISSING_FIELD && miss.tok == tok) {
		*kind = RT_EXC_MISSINGFIELD;
		field_message(msg, f, tok);
	} else {
		missing = false;
	}
	free(f);
	return missing;
}
