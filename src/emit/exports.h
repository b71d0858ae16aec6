/* exports: see exports.c. */
#ifndef ILCC_EXPORTS_H
#define ILCC_EXPORTS_H

#include "emit.h"

typedef struct Export {
	Method *m;
	const char *name;               /* the C symbol */
} Export;

typedef struct Exports {
	Export *v;
	uint32_t n;
} Exports;

void exports_find(Image *img, Exports *out);
void exports_reach(Program *p, const Exports *e);
void exports_emit(const Exports *e, Buf *c);
void exports_header(const Exports *e, Buf *b, const char *library);

#endif
