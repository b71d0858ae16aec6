/* warn: the build's warnings about code that ahead-of-time compilation
 * cannot honour (reflection it cannot see, code generated at run time,
 * assemblies loaded at run time...), each with a stable code; warn.c. */
#ifndef ILCC_WARN_H
#define ILCC_WARN_H

#include "reach.h"

typedef enum WarnCode {
	W_REFLECT,              /* reflection over a type or name not known */
	W_GETTYPE,              /* Type.GetType(name), the name not known */
	W_GENERIC,              /* MakeGenericType/Method over unknown types */
	W_EMIT,                 /* Reflection.Emit, DynamicMethod */
	W_LOAD,                 /* Assembly.Load* */
	W_DYNAMIC,              /* `dynamic`: the C# runtime binder */
	W_RUC,                  /* a [RequiresUnreferencedCode] member called */
	W_RDC,                  /* a [RequiresDynamicCode] member called */
	W_COM,                  /* late-bound COM */
	W_COUNT
} WarnCode;

typedef struct WarnOptions {
	bool library;           /* --warn-library: the class library's code too */
	bool as_error;          /* --warnaserror */
	const char **nowarn;    /* --nowarn CODE ...: ilcc's or Native AOT's */
	uint32_t nnowarn;
} WarnOptions;

void warn_init(const WarnOptions *o);
/* Would warn_aot speak about code in m at all? */
bool warn_in_scope(Program *p, Method *m);
/* Is `code` ("ILCC1001", "IL2026") one warn knows? */
bool warn_known_code(const char *code);
/* The warning `c` at IL offset `off` of m (the method being compiled), if
 * it is said at all: once per site, in the program's own code unless
 * --warn-library, not under --nowarn, [UnconditionalSuppressMessage] or
 * a [Requires...] attribute of m that already says so. With the C# file
 * and line when m's assembly has debug information, else m and the
 * offset; then the chain of callers from Main. */
void warn_aot(Program *p, Method *m, uint32_t off, WarnCode c, const char *msg);
/* After reachability: with --warnaserror and any warning, a fatal error. */
/* A construct the build refuses, said where it is as a warning would be
 * (`a.cs:12: in P::Main: MSG`, else the assembly, method and IL offset);
 * ends the build. */
_Noreturn void warn_refuse(Method *m, uint32_t off, const char *msg);
void warn_finish(void);

#endif
