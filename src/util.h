/* util: arenas, growable strings, diagnostics.
 *
 * Memory follows the compiler model: allocate from an arena, free the whole
 * arena at once. Nothing in ilcc frees single objects.
 *
 * Diagnostics: fatal errors print one line "ilcc: WHERE: WHAT" on stderr and
 * exit 1 (fatal_env: 3, the environment's fault). A caller that must survive bad input (the fuzzer, `ilcc check` over
 * many files) installs a recovery point with diag_try(); a fatal error then
 * longjmps back to it instead of exiting.
 */
#ifndef ILCC_UTIL_H
#define ILCC_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

#define countof(a) (sizeof(a) / sizeof((a)[0]))

/* ---- arena ---- */
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
	ArenaChunk *head;
	char *cur, *end;
} Arena;

void *arena_alloc(Arena *a, size_t n);      /* zeroed, 16-byte aligned */
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);                  /* drops every chunk */

/* ---- growable string ---- */
typedef struct Buf {
	char *s;
	size_t len, cap;
} Buf;

void buf_putc(Buf *b, char c);
void buf_puts(Buf *b, const char *s);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_printf(Buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_clear(Buf *b);
void buf_free(Buf *b);

/* ---- string index: a key (not copied) to the value first put ---- */
typedef struct StrIndex {
	const char **keys;
	uint32_t *vals;
	uint32_t cap, n;
} StrIndex;

void stridx_put(StrIndex *x, const char *key, uint32_t val);
bool stridx_get(const StrIndex *x, const char *key, uint32_t *val);

/* ---- diagnostics ---- */
extern bool verbose;

void fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* The same, for a failure of the user's environment or toolchain (no
 * space, permissions, a C compiler missing or failing): exit status 3. */
void fatal_env(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Recovery point: `if (diag_try(&jb) == 0) { work } else { failed }`, then
 * diag_end(). While set, fatal() stores its message in diag_last and jumps
 * back instead of exiting. */
extern char diag_last[512];
extern jmp_buf *diag_jmp;
#define diag_try(jb) (diag_jmp = (jb), setjmp(*(jb)))
#define diag_end() (diag_jmp = NULL)
extern bool diag_quiet;                     /* do not print while recovering */

/* ---- files ---- */
typedef struct MappedFile {
	const uint8_t *data;
	size_t size;
} MappedFile;

bool map_file(const char *path, MappedFile *out);   /* false: errno set */
void unmap_file(MappedFile *f);
/* Writes path through a temporary file in the same folder (created with
 * O_EXCL, so never through a planted link) renamed into place: a reader
 * sees the old file or the new one, never a half-written one. Replaces a
 * link, not its target. False with errno set. */
bool write_file_atomic(const char *path, const void *data, size_t len);
/* The process's umask (read without changing it for good). */
mode_t current_umask(void);
/* dir/name; a fatal error when longer than PATH_MAX rather than cut. */
char *path_join(Arena *a, const char *dir, const char *name);
double now_ms(void);
/* SHA-1 of data (public key tokens are its last 8 bytes, reversed). */
void sha1(const uint8_t *data, size_t len, uint8_t out[20]);
extern int sha1_impl;   /* 1 (the default): the CPU's SHA extensions where it has them; 0 portable */

#endif
