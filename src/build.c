/* build: see build.h. The stages, in order, are in build_program(). */
#include "build.h"
#include "emit/emit.h"
#include "reach.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum { NFILES = 8 };

/* ---- where things are ---- */
static const char *exe_dir(void)
{
	static char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0)
		fatal("cannot find ilcc's own executable");
	dir[n] = 0;
	*strrchr(dir, '/') = 0;
	return dir;
}

/* The runtime: beside the executable (build/) or in ../lib/ilcc (installed). */
static const char *runtime_dir(void)
{
	const char *env = getenv("ILCC_RUNTIME_DIR");     /* a test build of it */
	if (env && *env)
		return env;
	const char *d = exe_dir();
	const char *cands[] = { d, arena_printf(ty_arena(), "%s/../lib/ilcc", d) };
	for (unsigned i = 0; i < countof(cands); i++)
		if (access(arena_printf(ty_arena(), "%s/libilccrt.a", cands[i]), R_OK) == 0)
			return cands[i];
	fatal("cannot find the runtime (libilccrt.a) beside %s or in %s/../lib/ilcc", d, d);
}

static void mkdirs(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *s = buf + 1; *s; s++)
		if (*s == '/') {
			*s = 0;
			mkdir(buf, 0755);
			*s = '/';
		}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		fatal("%s: cannot create folder: %s", path, strerror(errno));
}

const char *build_cache_dir(const char *key)
{
	/* the absolute path of the output, which need not exist yet: its
	 * folder's real path and its name */
	const char *slash = strrchr(key, '/');
	const char *dir = slash == key ? "/" : slash ?
		arena_printf(ty_arena(), "%.*s", (int)(slash - key), key) : ".";
	char real[PATH_MAX];
	const char *abs = realpath(dir, real) ?
		arena_printf(ty_arena(), "%s/%s", real, slash ? slash + 1 : key) : key;
	uint64_t h = 1469598103934665603ull;
	for (const char *s = abs; *s; s++)
		h = (h ^ (uint8_t)*s) * 1099511628211ull;
	const char *base = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	const char *root = base && *base ? arena_printf(ty_arena(), "%s/ilcc", base) :
		arena_printf(ty_arena(), "%s/.cache/ilcc", home && *home ? home : "/tmp");
	return arena_printf(ty_arena(), "%s/%016llx", root, (unsigned long long)h);
}

/* ---- the C compiler ---- */
static const char *cc(void)
{
	const char *c = getenv("CC");
	return c && *c ? c : "gcc";
}

static double mtime(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return st.st_mtim.tv_sec + st.st_mtim.tv_nsec / 1e9;
}

static pid_t spawn(char **argv)
{
	if (verbose) {
		fputs("ilcc:", stderr);
		for (char **a = argv; *a; a++)
			fprintf(stderr, " %s", *a);
		fputc('\n', stderr);
	}
	pid_t pid = fork();
	if (pid < 0)
		fatal("cannot start %s: %s", argv[0], strerror(errno));
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "ilcc: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static void wait_ok(pid_t pid, const char *what)
{
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fatal("%s failed (the generated C did not compile: this is an ilcc bug;"
		      " --keep-c DIR keeps it for a look)", what);
}

static uint32_t jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (uint32_t)n : 1;
}

/* -O2 and -O3 add link-time optimisation: calls between the generated
 * files (which split the program for parallel builds) get inlined too.
 * Measured: spectralnorm 1.5x -> 1.13x of C, Hello World's build +0.3 s. */
static bool lto(const BuildOptions *o)
{
	return !strcmp(o->opt, "-O2") || !strcmp(o->opt, "-O3");
}

/* Returns how many files were compiled. */
static uint32_t compile_all(const char *dir, const char *inc, const BuildOptions *o)
{
	char *names[NFILES + 1];
	uint32_t n = 0;
	names[n++] = "data";
	for (uint32_t i = 0; i < NFILES; i++)
		names[n++] = arena_printf(ty_arena(), "m%u", i);
	pid_t running[64];
	const char *what[64];
	uint32_t nrun = 0, max = jobs(), ncompiled = 0;
	/* objects depend on the program's header, the runtime's headers and
	 * the compiler that wrote them */
	double hdr = mtime(arena_printf(ty_arena(), "%s/prog.h", dir));
	const char *deps[] = { arena_printf(ty_arena(), "%s/rt.h", inc),
			       arena_printf(ty_arena(), "%s/rt_ops.h", inc), "/proc/self/exe" };
	for (unsigned i = 0; i < countof(deps); i++) {
		double t = mtime(deps[i]);
		if (t > hdr)
			hdr = t;
	}
	for (uint32_t i = 0; i < n; i++) {
		const char *c = arena_printf(ty_arena(), "%s/%s.c", dir, names[i]);
		const char *obj = arena_printf(ty_arena(), "%s/%s.o", dir, names[i]);
		double to = mtime(obj);
		if (to >= mtime(c) && to >= hdr && to >= mtime(arena_printf(ty_arena(), "%s/opts", dir)))
			continue;
		char *argv[] = { (char *)cc(), (char *)o->opt, o->debug ? "-g" : "-g0",
			"-std=gnu11", "-w", "-fwrapv", "-fno-strict-aliasing",
			"-fno-delete-null-pointer-checks", (char *)arena_printf(ty_arena(), "-I%s", inc),
			"-c", (char *)c, "-o", (char *)obj, lto(o) ? "-flto" : NULL, NULL };
		if (nrun == max) {
			wait_ok(running[0], what[0]);
			memmove(running, running + 1, --nrun * sizeof *running);
			memmove(what, what + 1, nrun * sizeof *what);
		}
		what[nrun] = arena_printf(ty_arena(), "%s -c %s", cc(), c);
		running[nrun++] = spawn(argv);
		ncompiled++;
	}
	for (uint32_t i = 0; i < nrun; i++)
		wait_ok(running[i], what[i]);
	return ncompiled;
}

static void link_all(const char *dir, const char *rt, const BuildOptions *o)
{
	char *argv[NFILES + 20];
	uint32_t n = 0;
	argv[n++] = (char *)cc();
	argv[n++] = "-static";
	if (lto(o)) {
		argv[n++] = (char *)o->opt;
		argv[n++] = "-flto=auto";
		argv[n++] = "-w";
	}
	argv[n++] = "-o";
	argv[n++] = (char *)o->output;
	argv[n++] = (char *)arena_printf(ty_arena(), "%s/data.o", dir);
	for (uint32_t i = 0; i < NFILES; i++)
		argv[n++] = (char *)arena_printf(ty_arena(), "%s/m%u.o", dir, i);
	argv[n++] = (char *)arena_printf(ty_arena(), "%s/libilccrt.a", rt);
	argv[n++] = "-l:libgc.a";
	argv[n++] = "-lpthread";
	argv[n++] = "-lm";
	argv[n++] = "-ldl";
	if (!o->debug)
		argv[n++] = "-s";
	argv[n] = NULL;
	wait_ok(spawn(argv), "linking");
}

/* Compiler options are part of what the objects depend on. */
static void write_opts(const char *dir, const BuildOptions *o)
{
	char text[256];
	snprintf(text, sizeof text, "%s %s %s\n", cc(), o->opt, o->debug ? "-g" : "");
	const char *path = arena_printf(ty_arena(), "%s/opts", dir);
	MappedFile f;
	if (map_file(path, &f)) {
		bool same = f.size == strlen(text) && !memcmp(f.data, text, f.size);
		unmap_file(&f);
		if (same)
			return;
	}
	FILE *fp = fopen(path, "w");
	if (!fp)
		fatal("%s: cannot write: %s", path, strerror(errno));
	fputs(text, fp);
	fclose(fp);
}

/* ---- the pipeline ---- */
static Image *find_corlib(Loader *ld, Image *img)
{
	for (uint32_t r = 1; r <= md_rows(img, T_AssemblyRef); r++)
		if (!strcmp(md_string(img, md_get(img, T_AssemblyRef, r, AssemblyRef_Name)), "mscorlib"))
			return ld_assembly_ref(ld, img, r);
	if (!strcmp(img->name, "mscorlib"))
		return img;
	for (uint32_t i = 0; i < ld->ndirs; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/mscorlib.dll", ld->dirs[i]);
		if (access(path, R_OK) == 0)
			return ld_open(ld, path);
	}
	return NULL;
}

static Method *entry_point(Image *img)
{
	Token ep = img->entry_point;
	if (TOK_TABLE(ep) != T_MethodDef || !TOK_ROW(ep))
		md_error(img, "has no entry point (Main): is it a library?");
	return ty_method_from_token(img, ep, NULL);
}

static void why(Program *p, const char *name)
{
	Buf b = {0};
	bool found = false;
	for (uint32_t i = 0; i < p->methods.n; i++) {
		Method *m = p->methods.v[i];
		const char *full = ty_method_name(m);
		if (strcmp(full, name) && strcmp(m->name, name))
			continue;
		found = true;
		buf_printf(&b, "%s is reachable:\n", full);
		reach_why(&b, m);
	}
	for (uint32_t i = 0; i < p->types.n; i++) {
		Type *t = p->types.v[i];
		if (strcmp(t->name, name))
			continue;
		found = true;
		TypeState *ts = reach_tstate(t);
		buf_printf(&b, "%s is used by:\n", t->name);
		if (ts->why)
			reach_why(&b, ts->why);
		else
			buf_puts(&b, "  the runtime\n");
	}
	printf("%s", found ? b.s : "");
	if (!found)
		printf("%s is not in the program\n", name);
	buf_free(&b);
}

static uint32_t count_defs(Loader *ld, unsigned table)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < ld->nimages; i++)
		n += md_rows(ld->images[i], table);
	return n;
}

int build_program(Loader *ld, const BuildOptions *o)
{
	double t0 = now_ms();
	Image *img = ld_open(ld, o->input);
	Image *corlib = find_corlib(ld, img);
	if (!corlib)
		md_error(img, "cannot find mscorlib.dll (is mono-devel installed, or give -L DIR)");
	ty_init(ld, corlib);
	Program p;
	reach_init(&p, ld, img);
	p.allow_missing_icalls = o->allow_missing_icalls;
	p.entry = entry_point(img);
	emit_roots(&p);
	reach_method(&p, p.entry, NULL, "entry point");
	reach_run(&p);
	double t1 = now_ms();
	note("load %u assemblies, reachability and C: kept %u of %u methods, %u types"
	     " (of %u type definitions), %.0f ms", ld->nimages, p.methods.n,
	     count_defs(ld, T_MethodDef), p.types.n, count_defs(ld, T_TypeDef), t1 - t0);
	if (o->why) {
		why(&p, o->why);
	}
	if (o->why_size) {
		Buf b = {0};
		reach_size_tree(&b, &p, getenv("ILCC_WHY_PERMILLE") ? (unsigned)atoi(getenv("ILCC_WHY_PERMILLE")) : 10);
		fputs(b.s, stdout);
		buf_free(&b);
	}
	if ((o->why || o->why_size) && !o->output)
		return 0;
	reach_check_missing(&p);
	const char *dir = o->keep_c ? o->keep_c : build_cache_dir(o->output);
	mkdirs(dir);
	emit_program(&p, dir, NFILES);
	write_opts(dir, o);
	double t2 = now_ms();
	const char *rt = runtime_dir();
	uint32_t compiled = compile_all(dir, arena_printf(ty_arena(), "%s/include", rt), o);
	double t3 = now_ms();
	/* nothing recompiled and the output newer than its parts: done */
	double out = mtime(o->output);
	if (compiled || out < 0 || out < mtime(arena_printf(ty_arena(), "%s/libilccrt.a", rt)) ||
	    out < mtime(arena_printf(ty_arena(), "%s/data.o", dir)))
		link_all(dir, rt, o);
	double t4 = now_ms();
	note("write C %.0f ms, cc %.0f ms, link %.0f ms; total %.0f ms (C in %s)",
	     t2 - t1, t3 - t2, t4 - t3, t4 - t0, dir);
	return 0;
}
