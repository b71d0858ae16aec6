/* build: from a program's assembly to a native executable.
 *
 * Requires: the loader, the type system, reach, emit. Produces: C files in a
 * work folder (the cache, see cache.h, or --keep-c DIR), compiled by $CC
 * (gcc by default; split into words) in parallel, and linked statically
 * with the runtime and Boehm GC. Objects and the executable are reused
 * only when the manifest says their inputs and their own content are
 * unchanged; each is written under a temporary name and renamed into place,
 * so an interrupted or failed build leaves no half-written file. The output
 * never replaces the input or anything that is not a regular file. A
 * failure of the C compiler is reported as the user's environment's (disk
 * full, permissions, missing library) or, only when the C does not
 * compile, as an ilcc bug.
 */
#ifndef ILCC_BUILD_H
#define ILCC_BUILD_H

#include "meta/meta.h"
#include "warn.h"

typedef enum BuildKind {
	BUILD_EXE,                      /* an executable running Main */
	BUILD_SHARED,                   /* --shared: a .so of the exports */
	BUILD_STATIC_LIB,               /* --static-lib: a .a of the exports */
} BuildKind;

typedef struct BuildOptions {
	BuildKind kind;
	const char *header;             /* --header FILE: the exports in C */
	const char **rd;                /* --rd FILE ... (rd.xml) */
	uint32_t nrd;
	const char **descriptors;       /* --descriptor FILE ... */
	uint32_t ndescriptors;
	const char **native_libs;       /* -l NAME (as "-lNAME"), --native-lib FILE */
	uint32_t nnative_libs;
	const char *input, *output;
	const char *keep_c;             /* --keep-c DIR */
	bool emit_only;                 /* --emit-c DIR: write the C, compile nothing */
	const char *why;                /* --why NAME */
	bool why_size;                  /* --why-size */
	const char *order;              /* --order FILE: functions to place first */
	bool order_trace;               /* --order-trace: record the functions run */
	const char *opt;                /* "-O2" */
	bool debug;                     /* -g */
	bool size;                      /* --size: the size preset (-Os, musl, every switch) */
	unsigned switches;              /* --switch NAME, SW_ bits (reach.h) */
	const char *libc;               /* --libc=glibc|musl|glibc-dynamic; NULL: the default */
	bool quiet;                     /* -q: no progress line */
	const char *target;             /* --target TRIPLE: cross-compile */
	bool allow_missing_icalls;
	bool trim_partial;              /* --trim=partial: keep all of the program */
	WarnOptions warn;               /* --warn-library, --warnaserror, --nowarn */
	const char *argv0;
} BuildOptions;

/* Builds; returns 0 or exits through fatal(). */
int build_program(Loader *ld, const BuildOptions *o);

#endif
