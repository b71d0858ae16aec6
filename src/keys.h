/* keys: `ilcc check-keys [-L DIR]... [KEY...]` (keys.c). */
#ifndef ILCC_KEYS_H
#define ILCC_KEYS_H

#include "meta/meta.h"

/* 0 when every key of the compiler's tables, and every one of `extra`
 * (method keys), names a member of the class library; else 1, with a
 * line on stderr for each that does not. */
int keys_check(Loader *ld, const char **extra, int nextra);

#endif
