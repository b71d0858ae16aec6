/* symbols: C# file and line from the debug information beside an
 * assembly (mcs's NAME.exe.mdb, Roslyn's portable NAME.pdb); symbols.c. */
#ifndef ILCC_SYMBOLS_H
#define ILCC_SYMBOLS_H

#include "meta.h"

typedef struct SrcLine {
	const char *file;               /* as the compiler wrote it */
	uint32_t line;
} SrcLine;

/* The line of the last sequence point at or before il_off in MethodDef
 * method_row of img; false when there is no debug information for it. */
bool sym_line(Image *img, uint32_t method_row, uint32_t il_off, SrcLine *out);

#endif
