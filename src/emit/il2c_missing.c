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
 *
 * Requires the type system's ty_missing record (types.h): the *_from_token
 * functions set it before they raise "cannot find ...". Anything else that
 * fails to resolve is still a build error.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <setjmp.h>
#include <string.h>

/* Resolves the instruction's token as the instruction will. */
static void resolve_operand(Fn *f, Token tok)
{
	switch (TOK_TABLE(tok)) {
	case T_TypeDef: case T_TypeRef: case T_TypeSpec:
		ty_from_token(f->img, tok, &f->ctx);
		break;
	case T_MethodDef: case T_MethodSpec:
		ty_method_from_token(f->img, tok, &f->ctx);
		break;
	case T_Field:
		ty_field_from_token(f->img, tok, &f->ctx);
		break;
	case T_MemberRef:
		if (md_blob(f->img, md_get(f->img, T_MemberRef, TOK_ROW(tok),
					   MemberRef_Signature)).p[0] == SIG_FIELD)
			ty_field_from_token(f->img, tok, &f->ctx);
		else
			ty_method_from_token(f->img, tok, &f->ctx);
		break;
	}
}

/* Does the token resolve? A failure other than a missing member is
 * raised again, as the instruction would have raised it. */
static bool resolves(Fn *f, Token tok)
{
	jmp_buf jb, *outer = diag_jmp;
	bool quiet = diag_quiet;
	ty_missing.kind = TY_MISSING_NONE;
	diag_quiet = true;
	int failed = diag_try(&jb);
	if (!failed)
		resolve_operand(f, tok);
	diag_jmp = outer;
	diag_quiet = quiet;
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

static const char *assembly_display(Image *img, uint32_t aref)
{
	return arena_printf(ty_arena(), "%s, Version=%u.%u.%u.%u, Culture=neutral, "
		"PublicKeyToken=null",
		md_string(img, md_get(img, T_AssemblyRef, aref, AssemblyRef_Name)),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_MajorVersion),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_MinorVersion),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_BuildNumber),
		md_get(img, T_AssemblyRef, aref, AssemblyRef_RevisionNumber));
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

static bool bad_abstract_call(Fn *f, const Instr *in)
{
	if (in->op != OP_CALL || TOK_TABLE(in->token) == T_StandAloneSig)
		return false;
	Method *m = ty_method_from_token(f->img, in->token, &f->ctx);
	if (!(m->flags & MF_ABSTRACT))
		return false;
	e_throw_instead(f, RT_EXC_BADIMAGE, arena_printf(&f->a, "a call (not callvirt) of "
			"abstract method %s", ty_method_name(m)), "Bad IL format.");
	return true;
}

bool e_missing(Fn *f, const Instr *in)
{
	if (op_info[in->op].operand != OPK_TOKEN || TOK_TABLE(in->token) == T_StandAloneSig ||
	    TOK_TABLE(in->token) == 0x70)
		return false;
	if (resolves(f, in->token))
		return bad_abstract_call(f, in);
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
