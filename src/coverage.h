/* coverage: the verdict of every public method of some assemblies, as if
 * a program called it: buildable, refused (missing internal calls, or the
 * error), ilcc error. See coverage.c for how. */
#ifndef ILCC_COVERAGE_H
#define ILCC_COVERAGE_H

#include "meta/meta.h"

typedef struct CoverageOptions {
	const char **files;             /* the assemblies */
	uint32_t nfiles;
	const char *md;                 /* --md FILE: the tables in Markdown */
	const char *tsv;                /* --tsv FILE: one line per method */
	uint32_t group;                 /* --group N: roots per run (default 300) */
	uint32_t top;                   /* --top N: missing internal calls shown */
	uint32_t jobs;                  /* -j N: groups at once (default 1) */
	bool quiet;                     /* -q: no progress */
} CoverageOptions;

int coverage_run(Loader *ld, const CoverageOptions *o);

#endif
