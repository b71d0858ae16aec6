/* order.c: the trace of an --order-trace build (which functions ran).
 *
 * Requires: the program's units compiled with -finstrument-functions
 * (ilcc build --order-trace does it), so that every generated function
 * calls __cyg_profile_func_enter on entry; an executable that keeps its
 * symbol table (that build is not stripped).
 * Provides: the names of the functions run, first run first, written to
 * $ILCC_ORDER_TRACE once a second while new ones appear (a server is
 * usually stopped by a signal, so there is no exit to wait for) and at
 * exit. `ilcc
 * build --order FILE` then places them first in the code, so that the
 * pages a run touches are few and together: the kernel maps an
 * executable's pages 64 KB around each fault, so code spread thin over
 * the whole text makes all of it resident.
 * Nothing here is linked into other builds: only instrumented code
 * refers to these hooks. This file must not include gc.h: the writer is
 * a plain thread, which Boehm neither stops nor scans (it holds no
 * managed pointers).
 */
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define NO_TRACE __attribute__((no_instrument_function))

/* Functions seen: an open-addressing set, and the order of first entry. */
#define ORDER_MAX (1u << 18)
static uintptr_t seen[ORDER_MAX];
static uintptr_t first[ORDER_MAX];
static unsigned nfirst;
static int writer_started;

/* The executable's function symbols, sorted by address. */
typedef struct Sym {
	uintptr_t addr;
	const char *name;
} Sym;
static Sym *syms;
static size_t nsyms;
static pthread_once_t syms_once = PTHREAD_ONCE_INIT;

NO_TRACE static int by_addr(const void *a, const void *b)
{
	uintptr_t x = ((const Sym *)a)->addr, y = ((const Sym *)b)->addr;
	return x < y ? -1 : x > y;
}

/* Reads .symtab of /proc/self/exe (mapped, never unmapped). */
NO_TRACE static void load_symbols(void)
{
	int fd = open("/proc/self/exe", O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		return;
	const unsigned char *f = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (f == MAP_FAILED)
		return;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(f + eh->e_shoff);
	for (unsigned i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		const Elf64_Sym *s = (const Elf64_Sym *)(f + sh[i].sh_offset);
		const char *str = (const char *)(f + sh[sh[i].sh_link].sh_offset);
		size_t n = sh[i].sh_size / sizeof *s;
		syms = malloc(n * sizeof *syms);
		for (size_t j = 0; syms && j < n; j++)
			if (ELF64_ST_TYPE(s[j].st_info) == STT_FUNC && s[j].st_value)
				syms[nsyms++] = (Sym){ s[j].st_value, str + s[j].st_name };
		qsort(syms, nsyms, sizeof *syms, by_addr);
	}
}

NO_TRACE static const char *name_at(uintptr_t addr)
{
	size_t lo = 0, hi = nsyms;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (syms[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nsyms && syms[lo].addr == addr ? syms[lo].name : NULL;
}

NO_TRACE static void write_trace(const char *path, unsigned n)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *out = fopen(tmp, "w");
	if (!out)
		return;
	for (unsigned i = 0; i < n; i++) {
		const char *name = name_at(__atomic_load_n(&first[i], __ATOMIC_ACQUIRE));
		if (name)
			fprintf(out, "%s\n", name);
	}
	if (fclose(out) == 0)
		rename(tmp, path);
}

NO_TRACE static void *writer(void *arg)
{
	const char *path = arg;
	unsigned written = 0;
	pthread_once(&syms_once, load_symbols);
	for (;;) {
		sleep(1);
		unsigned n = __atomic_load_n(&nfirst, __ATOMIC_ACQUIRE);
		n = n < ORDER_MAX ? n : ORDER_MAX;
		if (n != written)
			write_trace(path, n);
		written = n;
	}
	return NULL;
}

/* At a normal exit, the last functions too (a short program ends
 * before the writer's first second). */
NO_TRACE __attribute__((destructor)) static void write_at_exit(void)
{
	const char *path = getenv("ILCC_ORDER_TRACE");
	unsigned n = __atomic_load_n(&nfirst, __ATOMIC_ACQUIRE);
	if (!path || !*path || !n)
		return;
	pthread_once(&syms_once, load_symbols);
	write_trace(path, n < ORDER_MAX ? n : ORDER_MAX);
}

NO_TRACE static void start_writer(void)
{
	const char *path = getenv("ILCC_ORDER_TRACE");
	pthread_t t;
	if (path && *path && pthread_create(&t, NULL, writer, (void *)path) == 0)
		pthread_detach(t);
}

/* Records fn the first time it runs. */
NO_TRACE void __cyg_profile_func_enter(void *fn, void *site)
{
	(void)site;
	uintptr_t key = (uintptr_t)fn;
	unsigned h = (unsigned)((key * 0x9E3779B97F4A7C15ull) >> 40) & (ORDER_MAX - 1);
	for (unsigned probes = 0; probes < ORDER_MAX; probes++, h = (h + 1) & (ORDER_MAX - 1)) {
		uintptr_t v = __atomic_load_n(&seen[h], __ATOMIC_ACQUIRE);
		if (v == key)
			return;
		if (v == 0 && __atomic_compare_exchange_n(&seen[h], &v, key, 0,
							  __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
			unsigned i = __atomic_fetch_add(&nfirst, 1, __ATOMIC_ACQ_REL);
			if (i < ORDER_MAX)
				__atomic_store_n(&first[i], key, __ATOMIC_RELEASE);
			if (!__atomic_exchange_n(&writer_started, 1, __ATOMIC_ACQ_REL))
				start_writer();
			return;
		}
		if (v == key)
			return;
	}
}

NO_TRACE void __cyg_profile_func_exit(void *fn, void *site)
{
	(void)fn;
	(void)site;
}
