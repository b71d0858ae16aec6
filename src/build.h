/* build: from a program's assembly to a native executable.
 *
 * Requires: the loader, the type system, reach, emit. Produces: C files in a
 * work folder (the cache, or --keep-c DIR), compiled by $CC (gcc by default)
 * in parallel, only those whose text changed since the last build, and
 * linked statically with the runtime and Boehm GC.
 */
#ifndef ILCC_BUILD_H
#define ILCC_BUILD_H

#include "meta/meta.h"

typedef struct BuildOptions {
	const char *input, *output;
	const char *keep_c;             /* --keep-c DIR */
	const char *why;                /* --why NAME */
	bool why_size;                  /* --why-size */
	const char *opt;                /* "-O2" */
	bool debug;                     /* -g */
	bool allow_missing_icalls;
	const char *argv0;
} BuildOptions;

/* Builds; returns 0 or exits through fatal(). */
int build_program(Loader *ld, const BuildOptions *o);
/* The cache folder for an output or input path. */
const char *build_cache_dir(const char *key);

#endif
