/* frontend: C# source to an assembly, before `ilcc build` proper.
 *
 * Requires: C# sources (NAME.cs files, a folder of them, or a .csproj);
 * Mono's reference assemblies (/usr/lib/mono/4.5 or $ILCC_MONO_LIB); a C#
 * compiler: Roslyn (csc.dll of the .NET SDK, run by `dotnet exec`) or
 * Mono's mcs. Produces: NAME.exe in a work folder, beside links to the
 * libraries it references (-r LIB and IlccSupport.dll, the types modern C#
 * needs and Mono lacks), so that ilcc's loader and mono both find them.
 * The compiler's diagnostics go to standard error unchanged.
 */
#ifndef ILCC_FRONTEND_H
#define ILCC_FRONTEND_H

#include "meta/meta.h"

typedef struct FrontendOptions {
	const char *csc;                /* --csc PATH: this csc.dll (or csc) */
	bool mcs;                       /* --mcs: Mono's compiler */
	bool library;                   /* NAME.dll (no Main), for --shared */
	const char **refs;              /* -r LIB */
	int nrefs;
} FrontendOptions;

/* The compiler C# source would get: "Roslyn (PATH)", "mcs", or "none". */
const char *frontend_describe(void);
/* NAME.cs, NAME.csproj or a folder. */
bool frontend_is_source(const char *path);
/* Compiles the inputs to WORKDIR/NAME.exe (NAME.dll for a library; NAME:
 * the first input's) and returns its path; skipped when that file is newer
 * than every input and was made by the same command. A C# error exits 1 after the compiler's
 * messages; no usable compiler exits 3. */
const char *frontend_compile(const FrontendOptions *o, const char **inputs,
			     int ninputs, const char *workdir);

/* frontend_corlib.c: the mscorlib Roslyn compiles against (LIB/mscorlib.dll
 * or a mended copy under WORKDIR/refN). */
const char *frontend_corlib(const char *lib, const char *workdir, Arena *a);

#endif
