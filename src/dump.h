/* dump: metadata and IL as deterministic text, for people and golden tests.
 *
 * Requires: an Image opened through a Loader (for resolving references).
 * Produces: text on a FILE. The same input gives the same bytes; nothing
 * machine-dependent (paths, times) is printed.
 */
#ifndef ILCC_DUMP_H
#define ILCC_DUMP_H

#include "meta/meta.h"

#include <stdio.h>

typedef struct DumpOptions {
	bool il;                        /* disassemble method bodies */
} DumpOptions;

void dump_image(FILE *out, Image *img, const DumpOptions *o);

/* dump_il.c: the body of MethodDef `row`, one instruction a line, each line
 * starting with `indent`; EH clauses after the code. Nothing for a method
 * without a body. */
void dump_il(FILE *out, Image *img, Arena *a, uint32_t row, const char *indent);

/* UTF-16LE text (a user string, a string constant) as a C# literal; anything
 * outside printable ASCII as \uXXXX. */
void dump_quote_utf16(Buf *b, Blob s);

/* Load FILE and decode everything in it: every row's indices, every
 * signature, every method body and instruction. Prints one line of counts;
 * returns 0, or 1 after printing the error. */
int check_file(Loader *ld, const char *path);

#endif
