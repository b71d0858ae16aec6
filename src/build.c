/* build: see build.h. The stages, in order, are in build_program(). */
#include "build.h"
#include "cache.h"
#include "directives.h"
#include "emit/emit.h"
#include "emit/exports.h"
#include "reach.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum { NFILES = 32 };                   /* at most m0.c ... m31.c */
static uint32_t nfiles;                 /* how many this build has (emit_program) */
/* the program walks its own stack (emit/stack.c): unwind tables, a
 * frame for every call (no sibling calls) and no cold parts apart */
static bool walks;

/* Told of each reached method: [DynamicDependency], and the delegate
 * types Expression.Compile needs (emit/expr.c). */
static void on_reached(Program *p, Method *m)
{
	directives_dynamic_dependency(p, m);
	emit_expr_reached(p, m);
}

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
	fatal_env("cannot find the runtime (libilccrt.a) beside %s or in %s/../lib/ilcc", d, d);
}

/* ---- the C compiler: $CC split into words as make and cmake do ---- */
static char **cc_words;
static uint32_t ncc_words;

static bool runnable(const char *name)
{
	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	const char *path = getenv("PATH");
	for (const char *s = path && *path ? path : "/usr/bin:/bin"; ; ) {
		const char *colon = strchr(s, ':');
		size_t n = colon ? (size_t)(colon - s) : strlen(s);
		char full[PATH_MAX];
		if (snprintf(full, sizeof full, "%.*s/%s", (int)n, n ? s : ".", name) < (int)sizeof full &&
		    access(full, X_OK) == 0)
			return true;
		if (!colon)
			return false;
		s = colon + 1;
	}
}

/* The C library of an executable (--libc=NAME): static glibc, static
 * musl (its runtime and collector in RT/musl, which `make musl` builds;
 * musl-gcc), or glibc linked dynamically (libgc still static). Chosen
 * after reachability (choose_libc), since what the program imports
 * decides the default. musl: its folder, NULL for glibc; dyn_glibc:
 * glibc as a shared library. */
static const char *musl;
static bool dyn_glibc;

static bool glibc_dynamic(const BuildOptions *o)
{
	return dyn_glibc && o->kind == BUILD_EXE;
}

/* RT/musl when `make musl` built it and musl-gcc runs, else NULL. */
static const char *musl_built(void)
{
	const char *d = path_join(ty_arena(), runtime_dir(), "musl");
	if (access(path_join(ty_arena(), d, "libilccrt.a"), R_OK) == 0 &&
	    access(path_join(ty_arena(), d, "libgc.a"), R_OK) == 0 && runnable("musl-gcc"))
		return d;
	return NULL;
}

/* Why a program built with the default libc gets glibc rather than
 * musl, or NULL: nothing stops musl. A static musl executable has no
 * dlopen; libraries given with -l or --native-lib are built for glibc;
 * CC names another compiler than musl's wrapper. */
static const char *glibc_reason(const BuildOptions *o, const Program *p)
{
	if (p->dlopen_lib)
		return arena_printf(ty_arena(), "[DllImport(\"%s\")] is loaded with dlopen, "
				    "which static musl lacks: glibc-dynamic", p->dlopen_lib);
	if (o->nnative_libs)
		return "native libraries given (-l, --native-lib) are built for glibc: glibc";
	const char *cc = getenv("CC");
	if (cc && strspn(cc, " \t\n") < strlen(cc))
		return "CC is set: glibc";
	if (!musl_built())
		return "no runtime for musl (make musl) or no musl-gcc (musl-tools): static glibc";
	return NULL;
}

/* Sets musl and dyn_glibc: --libc (or ILCC_LIBC) as given; --size musl
 * when built (else glibc, with a warning); otherwise musl unless
 * glibc_reason says why not (--verbose says it). */
static void choose_libc(const BuildOptions *o, const Program *p)
{
	bool exe = o->kind == BUILD_EXE && !o->target;
	if (o->libc) {
		dyn_glibc = !strcmp(o->libc, "glibc-dynamic");
		if (strcmp(o->libc, "musl") || !exe)
			return;
		if (!(musl = musl_built()))
			fatal_env("--libc=musl: no runtime for musl in %s (make musl) or no musl-gcc (musl-tools)",
				  path_join(ty_arena(), runtime_dir(), "musl"));
		if (p->dlopen_lib)
			fprintf(stderr, "ilcc: warning: --libc=musl: [DllImport(\"%s\")] needs dlopen, which "
				"static musl lacks: its calls will throw DllNotFoundException\n", p->dlopen_lib);
		return;
	}
	const char *why = glibc_reason(o, p);
	if (o->size && exe && !(musl = musl_built()))
		fprintf(stderr, "ilcc: warning: --size: no runtime for musl (make musl): linking with glibc\n");
	if (o->size || !exe)
		return;
	if (why) {
		dyn_glibc = p->dlopen_lib != NULL;
		note("libc: %s", why);
		return;
	}
	musl = musl_built();
	note("libc: musl (static)");
}

static void cc_init(const BuildOptions *o)
{
	const char *env = musl ? NULL : getenv("CC");      /* musl: its own wrapper */
	const char *dflt = o->target ? arena_printf(ty_arena(), "%s-gcc", o->target) :
			   musl ? "musl-gcc" : "gcc";
	char *text = arena_strdup(ty_arena(), env && strspn(env, " \t\n") < strlen(env) ? env : dflt);
	cc_words = arena_alloc(ty_arena(), (strlen(text) / 2 + 2) * sizeof *cc_words);
	for (char *w = strtok(text, " \t\n"); w; w = strtok(NULL, " \t\n"))
		cc_words[ncc_words++] = w;
	if (!runnable(cc_words[0]))
		fatal_env("the C compiler '%s' (%s) was not found: install %s, or set CC to a C compiler",
		      cc_words[0], env && *env ? "from CC" : "the default",
		      o->target ? arena_printf(ty_arena(), "gcc-%s", o->target) : "gcc");
	char real[PATH_MAX];    /* compiles run in the work folder */
	if (strchr(cc_words[0], '/') && cc_words[0][0] != '/' && realpath(cc_words[0], real))
		cc_words[0] = arena_strdup(ty_arena(), real);
}

/* argv = CC's words, then the rest (NULL-terminated) */
static char **cc_argv(char **rest, uint32_t nrest)
{
	char **argv = arena_alloc(ty_arena(), (ncc_words + nrest + 1) * sizeof *argv);
	memcpy(argv, cc_words, ncc_words * sizeof *argv);
	memcpy(argv + ncc_words, rest, nrest * sizeof *argv);
	return argv;
}

/* A child whose standard error goes to log, run in folder cwd (NULL:
 * ours). */
static pid_t spawn(char **argv, const char *log, const char *cwd)
{
	if (verbose) {
		fputs("ilcc:", stderr);
		for (char **a = argv; *a; a++)
			fprintf(stderr, " %s", *a);
		fputc('\n', stderr);
	}
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		fatal_env("%s: cannot write: %s", log, strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		fatal_env("cannot start %s: %s", argv[0], strerror(errno));
	if (pid == 0) {
		dup2(fd, 2);
		if (cwd && chdir(cwd) != 0) {
			fprintf(stderr, "ilcc: cannot enter %s: %s\n", cwd, strerror(errno));
			_exit(127);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "ilcc: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fd);
	cleanup_child(pid);
	return pid;
}

/* What the C compiler's messages say about whose fault a failure is: the
 * user's environment, or (only when the C itself is wrong) ilcc's. */
static const struct { const char *says, *means; } cc_faults[] = {
	{ "No space left on device", "the disk is full: free some space" },
	{ "Disk quota exceeded", "the disk quota is exceeded: free some space" },
	{ "Read-only file system", "the folder is on a read-only file system" },
	{ "Permission denied", "permission denied: check the folders' permissions" },
	{ "File name too long", "a file name is too long: use a shorter path" },
	{ "cannot find -l:libgc", "Boehm GC's static library is missing: install libgc-dev" },
	{ "cannot find -l", "a system library is missing: install its -dev package" },
	{ "Killed signal terminated", "the C compiler was killed (out of memory?)" },
	{ "out of memory", "the C compiler ran out of memory" },
	{ "virtual memory exhausted", "the C compiler ran out of memory" },
	{ "Cannot allocate memory", "the C compiler ran out of memory" },
	{ "cannot run ", "the C compiler could not be started: check CC" },
	{ "file truncated", "a damaged object file: delete the cache folder" },
};

static void show_log(const char *log)
{
	MappedFile f;
	if (!map_file(log, &f))
		return;
	const char *s = (const char *)f.data, *end = s + f.size;
	for (int lines = 0; s < end && lines < 12; lines++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		fprintf(stderr, "  %.*s\n", (int)n, s);
		s += n + 1;
	}
	unmap_file(&f);
}

static bool log_says(const char *log, const char *what)
{
	MappedFile f;
	if (!map_file(log, &f))
		return false;
	bool says = f.size && memmem(f.data, f.size, what, strlen(what));
	unmap_file(&f);
	return says;
}

static const char *log_fault(const char *log)
{
	for (unsigned i = 0; i < countof(cc_faults); i++)
		if (log_says(log, cc_faults[i].says))
			return cc_faults[i].means;
	return NULL;
}

typedef struct Job {
	pid_t pid;
	const char *what;               /* the file compiled or "linking" */
	const char *log, *tmp, *product;
} Job;

static Job jobs_run[64];
static uint32_t njobs;

/* ---- progress: one line rewritten in place, only on a terminal ---- */
static bool progress_on;

static void progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void progress(const char *fmt, ...)
{
	if (!progress_on)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("\r\033[Kilcc: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
}

static void progress_end(void)
{
	if (progress_on)
		fputs("\r\033[K", stderr);
}

static uint32_t ncompiled, ntocompile;

static bool native_libs_given;          /* -l or --native-lib */

/* Ends the other jobs, then reports job j's failure: whose fault it is. */
static _Noreturn void job_failed(Job *j, int status)
{
	progress_end();
	for (uint32_t i = 0; i < njobs; i++)
		if (jobs_run[i].pid != j->pid) {
			kill(jobs_run[i].pid, SIGTERM);
			waitpid(jobs_run[i].pid, NULL, 0);
			cleanup_child_done(jobs_run[i].pid);
		}
	njobs = 0;
	show_log(j->log);
	const char *means = log_fault(j->log);
	if (means)
		fatal_env("%s: the C compiler (%s) failed: %s (not an ilcc bug)", j->what, cc_words[0], means);
	if (WIFSIGNALED(status))
		fatal_env("%s: the C compiler (%s) was killed by signal %d (%s)", j->what, cc_words[0],
		      WTERMSIG(status), strsignal(WTERMSIG(status)));
	if (WEXITSTATUS(status) == 127)
		fatal_env("%s: the C compiler (%s) could not be run: check CC", j->what, cc_words[0]);
	if (!log_says(j->log, "error"))
		fatal_env("%s: the C compiler (%s) failed with exit status %d and no error message: check CC",
		      j->what, cc_words[0], WEXITSTATUS(status));
	if (!strcmp(j->what, "linking") && native_libs_given &&
	    log_says(j->log, "undefined reference to `"))
		fatal("%s: a [DllImport] entry point is in none of the native libraries given"
		      " (-l, --native-lib): the program's or the libraries' error", j->what);
	if (!strcmp(j->what, "linking"))
		fatal("%s: the link failed: this is an ilcc bug; --keep-c DIR keeps the C for a look",
		      j->what);
	fatal("%s: the generated C did not compile: this is an ilcc bug;"
	      " --keep-c DIR keeps it for a look", j->what);
}

/* Waits for job i; on success its product replaces the old one. */
static void job_wait(uint32_t i)
{
	Job j = jobs_run[i];
	int status;
	while (waitpid(j.pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal_env("waiting for %s: %s", j.what, strerror(errno));
	cleanup_child_done(j.pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		job_failed(&jobs_run[i], status);
	memmove(jobs_run + i, jobs_run + i + 1, (--njobs - i) * sizeof *jobs_run);
	struct stat st;
	if (stat(j.tmp, &st) != 0 || st.st_size == 0)
		fatal_env("%s: the C compiler (%s) reported success but wrote nothing: is CC a C compiler?",
		      j.what, cc_words[0]);
	if (rename(j.tmp, j.product) != 0)
		fatal_env("%s: cannot write: %s", j.product, strerror(errno));
	cleanup_keep(j.tmp);
	unlink(j.log);
	if (strcmp(j.what, "linking"))
		progress("compiling the C: %u of %u files done", ++ncompiled, ntocompile);
}

static void job_start(char **argv, const char *what, const char *log, const char *tmp,
		      const char *product, const char *cwd)
{
	cleanup_file(tmp);
	jobs_run[njobs] = (Job){ spawn(argv, log, cwd), what, log, tmp, product };
	njobs++;
}

static uint32_t jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (uint32_t)(n < 32 ? n : 32) : 1;
}

/* How the C is optimised (docs/design.md, "Build time"). At -O2, the
 * default, the program's own units at -O2, data.c and the class
 * library's at -O1 (a third less compile time; unit_opt), no link-time
 * optimisation, so that a changed program recompiles only its own units
 * and links in a tenth of a second. -O3 is for the last few percent:
 * everything at -O3 with whole-program link-time optimisation, as builds
 * were before (several seconds more at every link). */
static bool lto(const BuildOptions *o)
{
	return o->kind != BUILD_STATIC_LIB && (!strcmp(o->opt, "-O3") || !strcmp(o->opt, "-Os"));
}

/* The C files: data.c, lits.c (the string literals, apart so that a new
 * one leaves data.c as it was), the methods' m0.c ..., a library's
 * exports.c. */
enum { NUNITS = NFILES + 3 };

static const char **units(const BuildOptions *o)
{
	static const char *names[NUNITS];
	names[0] = "data";
	names[1] = "lits";
	for (uint32_t i = 0; i < nfiles; i++)
		names[i + 2] = arena_printf(ty_arena(), "m%u", i);
	names[nfiles + 2] = o->kind == BUILD_EXE ? NULL : "exports";
	return names;
}

/* Unit i of units() is compiled as the program's own: data.c (its
 * thunks and dispatchers are on every program's paths), lits.c (data
 * only) and m0 ... m<nown-1>, which hold the program's own methods. */
static bool own_unit(uint32_t i, uint32_t nown)
{
	return i <= nown + 1;
}

/* Unit i's optimisation at -O2: the class library's units at -O1;
 * data.c's code (unbox thunks, dispatchers: a jump each) at -O1 with
 * sibling calls, the code -O2 gives in 80% of the time (0.68 -> 0.55 s
 * for charstats' 2 MB data.c); the program's loops at -O2 with a copy
 * without the bounds checks that il2c_loops.c made loop-invariant
 * (-O3 unswitches already). */
static const char *unit_opt(const BuildOptions *o, uint32_t i, uint32_t nown)
{
	return !strcmp(o->opt, "-O2") && (i == 0 || !own_unit(i, nown)) ? "-O1" : o->opt;
}

static const char *unit_extra(const BuildOptions *o, uint32_t i, uint32_t nown)
{
	if (strcmp(o->opt, "-O2"))
		return "";
	return i == 0 ? "-foptimize-sibling-calls" : own_unit(i, nown) ? "-funswitch-loops" : "";
}

static uint32_t nunits(const BuildOptions *o)
{
	return o->kind == BUILD_EXE ? nfiles + 2 : nfiles + 3;
}

static const char *must_hash(const char *path)
{
	char *h = arena_alloc(ty_arena(), sizeof(Hash));
	if (!hash_file(path, h))
		fatal("%s: cannot read: %s", path, strerror(errno));
	return h;
}

/* The C compiler's identity: what `CC --version` prints (its first 255
 * bytes: gcc's names the package's version), so that objects of another
 * gcc are not taken from the manifest or the object store for this one's;
 * empty when it prints nothing (CC=true) or cannot run. */
static const char *cc_identity(void)
{
	char *rest[] = { "--version", NULL };
	char **argv = cc_argv(rest, 1);
	int p[2];
	if (pipe(p) != 0)
		return "";
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(p[1], 1);
		if (null >= 0)
			dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	char buf[256], skip[256];
	size_t n = 0;
	for (ssize_t r = 1; pid > 0 && (r > 0 || (r < 0 && errno == EINTR));) {
		r = n < sizeof buf - 1 ? read(p[0], buf + n, sizeof buf - 1 - n) :
			read(p[0], skip, sizeof skip);       /* to the end, unkept */
		if (r > 0 && n < sizeof buf - 1)
			n += (size_t)r;
	}
	close(p[0]);
	if (pid > 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	buf[n] = 0;
	return arena_strdup(ty_arena(), buf);
}

/* order[0..n): the units by decreasing size of their C, so that the
 * longest compile starts first and the parallel jobs end together (a
 * second program's new library unit is most of its build). */
static void largest_first(const char *dir, const char **names, uint32_t n, uint32_t *order)
{
	off_t size[NUNITS];
	for (uint32_t i = 0; i < n; i++) {
		struct stat st;
		const char *c = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.c", names[i]));
		size[i] = stat(c, &st) == 0 ? st.st_size : 0;
		uint32_t k = i;
		for (; k > 0 && size[order[k - 1]] < size[i]; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
}

/* The hash of what every object depends on besides its own C file: the
 * runtime's headers, the compiler and its options, ilcc itself, and for
 * a unit that includes it (a library's exports.c) the program's header.
 * The other units hold the part of prog.h they use (emit/unith.c), so
 * their key leaves it out: another program's unit of the same text, or
 * this program's after a change elsewhere, has the same key. */
static const char *common_key(const char *dir, const char *inc, const BuildOptions *o, bool prog_h)
{
	Buf b = {0};
	if (prog_h)
		buf_printf(&b, "prog.h %s\n", must_hash(path_join(ty_arena(), dir, "prog.h")));
	const char *hdrs[] = { "rt.h", "rt_ops.h" };
	for (unsigned i = 0; i < countof(hdrs); i++)
		buf_printf(&b, "%s %s\n", hdrs[i], must_hash(path_join(ty_arena(), inc, hdrs[i])));
	static const char *self;        /* 2-3 MB: hashed once a build */
	if (!self)
		self = must_hash("/proc/self/exe");
	buf_printf(&b, "ilcc %s\n", self);
	for (uint32_t i = 0; i < ncc_words; i++)
		buf_printf(&b, "cc %s\n", cc_words[i]);
	static const char *cc_id;       /* one process per build */
	if (!cc_id)
		cc_id = cc_identity();
	buf_printf(&b, "cc-id %s\n", cc_id);
	buf_printf(&b, "opt %d %d %d %d %d\n", o->debug, lto(o), o->kind, o->order_trace, walks);
	char *h = arena_alloc(ty_arena(), sizeof(Hash));
	hash_bytes(b.s, b.len, h);
	buf_free(&b);
	return h;
}

/* An up-to-date product: the manifest's "KEY HASH" for it matches key and
 * the file's own content. */
static bool up_to_date(const char *name, const char *key, const char *path)
{
	const char *m = manifest_get(name);
	Hash h;
	struct stat st;
	return m && !strncmp(m, key, 40) && m[40] == ' ' && lstat(path, &st) == 0 &&
		S_ISREG(st.st_mode) && hash_file(path, h) && !strcmp(m + 41, h);
}

static void record(const char *name, const char *key, const char *path)
{
	manifest_set(name, arena_printf(ty_arena(), "%s %s", key, must_hash(path)));
}

/* The object store (cache.h) holds an object made from the same inputs by
 * another build (another output, another program with the same unit):
 * copy it in and record it. */
typedef struct { uint32_t hits, damaged, installed; } StoreCount;

/* The installation's store of the class library's core objects, made by
 * `make` (build/objects, or lib/ilcc/objects once installed), and for
 * musl by `make musl` (build/musl/objects: its objects come from another
 * C compiler); ILCC_INSTALLED_STORE=0 leaves it out (to measure a build
 * without it). */
static const char *installed_store(void)
{
	const char *env = getenv("ILCC_INSTALLED_STORE");
	if (env && !strcmp(env, "0"))
		return NULL;
	return path_join(ty_arena(), musl ? musl : runtime_dir(), "objects");
}

static bool from_store(const char *name, const char *key, const char *obj, StoreCount *c)
{
	StoreResult r = store_get(key, obj);
	c->damaged += r == STORE_DAMAGED;
	if (r != STORE_HIT && installed_store() &&
	    store_get_installed(installed_store(), key, obj) == STORE_HIT) {
		c->installed++;
		r = STORE_HIT;
	}
	if (r != STORE_HIT)
		return false;
	c->hits++;
	record(name, key, obj);
	return true;
}

/* Compiles the C files whose inputs changed or whose object is not the one
 * recorded; returns the hash of all the objects. */
static const char *compile_all(const char *dir, const char *inc, const BuildOptions *o, uint32_t nown)
{
	char real[PATH_MAX];
	if (inc[0] != '/' && realpath(inc, real))
		inc = arena_strdup(ty_arena(), real);
	const char *common = common_key(dir, inc, o, true);
	const char *common_m = common_key(dir, inc, o, false);
	const char *keys[NUNITS];
	const char **names = units(o);
	uint32_t n = nunits(o);
	uint32_t max = jobs();
	bool stale[NUNITS];
	StoreCount st = {0};
	for (uint32_t i = 0; i < n; i++) {
		const char *c = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.c", names[i]));
		const char *obj = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.o", names[i]));
		char *key = arena_alloc(ty_arena(), sizeof(Hash));
		const char *both = arena_printf(ty_arena(), "%s %s %s%s", strcmp(names[i], "exports") ? common_m : common,
						must_hash(c),
						unit_opt(o, i, nown), unit_extra(o, i, nown));
		hash_bytes(both, strlen(both), key);
		keys[i] = key;
		stale[i] = !up_to_date(names[i], key, obj) && !from_store(names[i], key, obj, &st);
		ntocompile += stale[i];
	}
	if (st.hits || st.damaged)
		note("object store: %u of %u units from it%s%s", st.hits, n,
		     st.installed ? arena_printf(ty_arena(), " (%u from the installation's)", st.installed) : "",
		     st.damaged ? arena_printf(ty_arena(), ", %u damaged there and rebuilt", st.damaged) : "");
	if (ntocompile)
		progress("compiling the C: 0 of %u files done", ntocompile);
	uint32_t order[NUNITS];
	largest_first(dir, names, n, order);
	for (uint32_t k = 0; k < n; k++) {
		uint32_t i = order[k];
		if (!stale[i])
			continue;
		const char *c = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.c", names[i]));
		const char *obj = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.o", names[i]));
		const char *tmp = path_join(ty_arena(), dir, arena_printf(ty_arena(), ".%s.o.tmp", names[i]));
		/* run in dir on names relative to it, so that the C compiler
		 * sees the same command and text for the same C in any folder
		 * (CC="ccache gcc" then hits) */
		char *rest[] = { (char *)unit_opt(o, i, nown), o->debug ? "-g" : "-g0",
			"-std=gnu11", "-w", "-fwrapv", "-fno-strict-aliasing",
			"-fno-delete-null-pointer-checks", (char *)arena_printf(ty_arena(), "-I%s", inc),
			"-c", (char *)arena_printf(ty_arena(), "%s.c", names[i]),
			"-o", (char *)arena_printf(ty_arena(), ".%s.o.tmp", names[i]),
			NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
		uint32_t nrest = countof(rest) - 12;
		/* nothing in an executable unwinds through managed code (a
		 * library's host might: C++ exceptions, backtrace()) */
		if (walks) {
			/* runtime/stack.c unwinds with these tables, from each
			 * frame's function start to its method: a function
			 * split in hot and cold parts would have two starts */
			rest[nrest++] = "-fasynchronous-unwind-tables";
			rest[nrest++] = "-fno-optimize-sibling-calls";
			rest[nrest++] = "-fno-reorder-blocks-and-partition";
		} else if (!o->debug && o->kind == BUILD_EXE) {
			rest[nrest++] = "-fno-asynchronous-unwind-tables";
			rest[nrest++] = "-fno-unwind-tables";
		}
		/* a section per function and datum, so that the link's
		 * --gc-sections drops the out-of-line copies of methods every
		 * caller inlined, and what only they referred to */
		if (o->kind == BUILD_EXE) {
			rest[nrest++] = "-ffunction-sections";
			rest[nrest++] = "-fdata-sections";
			/* an executable is linked at a fixed address (-no-pie):
			 * shorter code, and constant tables of pointers in
			 * .rodata (Hello World 16 KB smaller) */
			rest[nrest++] = "-fno-pie";
		}
		if (*unit_extra(o, i, nown))
			rest[nrest++] = (char *)unit_extra(o, i, nown);
		if (o->kind != BUILD_EXE)
			rest[nrest++] = "-fPIC";
		if (lto(o))
			rest[nrest++] = "-flto";
		if (o->order_trace)     /* runtime/order.c records the calls */
			rest[nrest++] = "-finstrument-functions";
		if (njobs == max)
			job_wait(0);
		unlink(tmp);
		job_start(cc_argv(rest, nrest), c,
			  path_join(ty_arena(), dir, arena_printf(ty_arena(), ".%s.log", names[i])), tmp, obj,
			  dir);
		manifest_set(names[i], "-");    /* until it is done */
	}
	while (njobs)
		job_wait(0);
	Buf b = {0};
	for (uint32_t i = 0; i < n; i++) {
		const char *obj = path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.o", names[i]));
		if (!strcmp(manifest_get(names[i]), "-")) {
			record(names[i], keys[i], obj);
			store_put(keys[i], obj);
		}
		buf_printf(&b, "%s %s\n", names[i], manifest_get(names[i]));
	}
	manifest_save();
	if (ntocompile)
		store_trim();
	char *h = arena_alloc(ty_arena(), sizeof(Hash));
	hash_bytes(b.s, b.len, h);
	buf_free(&b);
	return h;
}

/* ---- the output ---- */
/* Refuses an output that would overwrite the input, or that exists and is
 * not a regular file; checks its folder can be written. Returns the path to
 * write (a link's target, so that the link stays). */
static const char *check_output(const BuildOptions *o)
{
	const char *out = o->output;
	struct stat in_st, out_st, lst;
	if (!*out)
		fatal("-o: empty output name");
	if (stat(out, &out_st) == 0) {
		if (!S_ISREG(out_st.st_mode))
			fatal("%s: the output exists and is not a regular file; refusing to replace it", out);
		if (stat(o->input, &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
		    in_st.st_ino == out_st.st_ino)
			fatal("%s: the output is the input program itself; refusing to overwrite it "
			      "(choose another -o)", out);
		if (lstat(out, &lst) == 0 && S_ISLNK(lst.st_mode)) {
			char *real = realpath(out, NULL);
			if (!real)
				fatal("%s: cannot follow the link: %s", out, strerror(errno));
			out = arena_strdup(ty_arena(), real);
			free(real);
		}
	} else if (errno != ENOENT)
		fatal_env("%s: cannot write the output: %s", out, strerror(errno));
	else if (lstat(out, &lst) == 0)
		fatal("%s: the output is a link to nothing; refusing to write through it", out);
	const char *slash = strrchr(out, '/');
	const char *dir = !slash ? "." : slash == out ? "/" :
		arena_printf(ty_arena(), "%.*s", (int)(slash - out), out);
	struct stat dst;
	if (stat(dir, &dst) != 0)
		fatal_env("%s: cannot write the output: folder %s: %s", out, dir, strerror(errno));
	if (!S_ISDIR(dst.st_mode))
		fatal_env("%s: cannot write the output: %s is not a folder", out, dir);
	if (access(dir, W_OK | X_OK) != 0)
		fatal_env("%s: cannot write the output: folder %s: %s", out, dir, strerror(errno));
	long name_max = pathconf(dir, _PC_NAME_MAX);
	if (strlen(out) >= PATH_MAX || (name_max > 0 && strlen(slash ? slash + 1 : out) > (size_t)name_max))
		fatal_env("%s: cannot write the output: %s", out, strerror(ENAMETOOLONG));
	return out;
}

/* Does the file start with magic? */
static bool starts_with(const char *path, const char *magic)
{
	char head[8] = {0};
	size_t n = strlen(magic);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok = fd >= 0 && read(fd, head, n) == (ssize_t)n && !memcmp(head, magic, n);
	if (fd >= 0)
		close(fd);
	return ok;
}

/* The runtime library: rt's own, or for --target T the one in rt/T
 * (`make cross TARGET=T` builds it). */
static const char *runtime_lib(const char *rt, const BuildOptions *o)
{
	const char *name = o->kind == BUILD_EXE ? "libilccrt.a" : "libilccrt_pic.a";
	if (musl)
		return path_join(ty_arena(), musl, name);
	if (!o->target)
		return path_join(ty_arena(), rt, name);
	const char *lib = path_join(ty_arena(), path_join(ty_arena(), rt, o->target), name);
	if (access(lib, R_OK) != 0)
		fatal_env("%s: no runtime for target %s: build it with `make cross TARGET=%s`", lib,
			  o->target, o->target);
	return lib;
}

static void add_objects(char **rest, uint32_t *n, const char *dir, const BuildOptions *o)
{
	const char **names = units(o);
	for (uint32_t i = 0; i < nunits(o); i++)
		rest[(*n)++] = (char *)path_join(ty_arena(), dir, arena_printf(ty_arena(), "%s.o", names[i]));
}

/* One step of the link: CC's words, then rest, writing product. */
static void step(char **argv, const char *what, const char *dir, const char *product)
{
	job_start(argv, what, path_join(ty_arena(), dir, ".link.log"), product, product, NULL);
	job_wait(0);
}

/* --native-lib FILE.so (a path, not -lNAME). */
static bool is_shared_object(const char *lib)
{
	return lib[0] != '-' && strstr(lib, ".so") != NULL;
}

/* A shared object to link: the executable cannot be static. */
static bool dynamic_native(const BuildOptions *o)
{
	for (uint32_t i = 0; i < o->nnative_libs; i++)
		if (is_shared_object(o->native_libs[i]))
			return true;
	return false;
}

/* Link with gold where binutils has it: half the CPU of ld.bfd on Hello
 * World (0.25 s against 0.55), which is half of a rebuild after a change
 * to the program; 0.2% bigger. Not for cross, musl or LTO builds (their
 * toolchains may lack it or its plugin). */
static bool gold(const BuildOptions *o)
{
	return !o->target && !musl && !lto(o) && runnable("ld.gold");
}

/* gold's option placing the functions that --order FILE names (one a
 * line) first in .text, in that order, through a section-ordering file
 * in dir (units are compiled with a section per function). Names that
 * are not there (another version of the program) are ignored. ld.bfd
 * 2.40 has no such option: there the order is not applied. */
static const char *order_file(const char *dir, const char *names)
{
	FILE *in = fopen(names, "r");
	if (!in)
		fatal("%s: cannot read the order file: %s", names, strerror(errno));
	const char *path = path_join(ty_arena(), dir, "order.txt");
	FILE *out = fopen(path, "w");
	if (!out)
		fatal_env("%s: cannot write: %s", path, strerror(errno));
	char line[4096];
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\r\n")] = 0;
		if (line[0] && line[0] != '#')
			fprintf(out, ".text.%s\n", line);
	}
	fclose(in);
	if (fclose(out) != 0)
		fatal_env("%s: cannot write: %s", path, strerror(errno));
	return arena_printf(ty_arena(), "-Wl,--section-ordering-file,%s", path);
}

/* The executable or shared library, linked into tmp. */
static void link_program(const char *dir, const char *rt, const char *tmp, const BuildOptions *o)
{
	char *rest[NUNITS + 20 + 2 * o->nnative_libs];
	uint32_t n = 0;
	if (o->kind == BUILD_SHARED)
		rest[n++] = "-shared";
	else if (!dynamic_native(o) && !glibc_dynamic(o))
		rest[n++] = "-static";
	if (o->kind == BUILD_EXE)
		rest[n++] = "-no-pie";          /* its units are -fno-pie */
	rest[n++] = "-Wl,--gc-sections";        /* the runtime's unused functions */
	if (walks)      /* the unwinder finds the tables through PT_GNU_EH_FRAME */
		rest[n++] = "-Wl,--eh-frame-hdr";
	if (gold(o))
		rest[n++] = "-fuse-ld=gold";
	if (lto(o)) {
		rest[n++] = (char *)o->opt;
		rest[n++] = "-flto=auto";
		rest[n++] = "-w";
	}
	rest[n++] = "-o";
	rest[n++] = (char *)tmp;
	add_objects(rest, &n, dir, o);
	for (uint32_t i = 0; i < o->nnative_libs; i++) {
		rest[n++] = (char *)o->native_libs[i];
		if (is_shared_object(o->native_libs[i]))
			rest[n++] = (char *)arena_printf(ty_arena(), "-Wl,-rpath,%.*s",
				(int)(strrchr(o->native_libs[i], '/') - o->native_libs[i]), o->native_libs[i]);
	}
	rest[n++] = (char *)runtime_lib(rt, o);
	if (o->kind == BUILD_SHARED) {  /* one collector for every library */
		rest[n++] = "-lgc";
		rest[n++] = (char *)arena_printf(ty_arena(), "-Wl,--version-script=%s",
						  path_join(ty_arena(), dir, "exports.ver"));
	} else
		rest[n++] = musl ? (char *)path_join(ty_arena(), musl, "libgc.a") : "-l:libgc.a";
	rest[n++] = "-lpthread";
	rest[n++] = "-lm";
	rest[n++] = "-ldl";
	if (o->order && gold(o))
		rest[n++] = (char *)order_file(dir, o->order);
	if (!o->debug && !o->order_trace)       /* runtime/order.c reads the names */
		rest[n++] = "-s";
	step(cc_argv(rest, n), "linking", dir, tmp);
	if (!starts_with(tmp, "\177ELF"))
		fatal_env("%s: the C compiler (%s) reported success but wrote no executable: is CC a C compiler?",
		      o->output, cc_words[0]);
}

/* A static library: the program and the runtime in one relocatable
 * object whose only global symbols are the exports (so that two ilcc
 * libraries link into one program), archived, copied into tmp. */
static void link_static_lib(const char *dir, const char *rt, const char *tmp, const BuildOptions *o)
{
	const char *all = path_join(ty_arena(), dir, "lib-all.o");
	const char *own = path_join(ty_arena(), dir, "lib.o");
	const char *arch = path_join(ty_arena(), dir, "lib.a");
	char *rest[NUNITS + 10];
	uint32_t n = 0;
	rest[n++] = "-r";
	rest[n++] = "-nostdlib";
	rest[n++] = "-o";
	rest[n++] = (char *)all;
	add_objects(rest, &n, dir, o);
	rest[n++] = (char *)runtime_lib(rt, o);
	step(cc_argv(rest, n), "linking", dir, all);
	char *objcopy[] = { "objcopy", (char *)arena_printf(ty_arena(), "--keep-global-symbols=%s",
		path_join(ty_arena(), dir, "exports.syms")), o->debug ? "-g0" : "--strip-unneeded",
		(char *)all, (char *)own, NULL };
	if (o->debug)           /* keep the debug information: no strip option */
		memmove(objcopy + 2, objcopy + 3, 3 * sizeof *objcopy);
	step(objcopy, "objcopy", dir, own);
	unlink(arch);
	char *ar[] = { "ar", "rcs", (char *)arch, (char *)own, NULL };
	step(ar, "ar", dir, arch);
	MappedFile f;
	if (!map_file(arch, &f))
		fatal_env("%s: cannot read: %s", arch, strerror(errno));
	bool ok = write_file_atomic(tmp, f.data, f.size);
	unmap_file(&f);
	if (!ok)
		fatal_env("%s: cannot write the output: %s", o->output, strerror(errno));
}

/* Links to a temporary file beside out, then renames it into place. */
static void link_all(const char *dir, const char *rt, const char *out, const BuildOptions *o)
{
	char *tmp = arena_printf(ty_arena(), "%s.ilcc-XXXXXX", out);
	const char *slash = strrchr(out, '/');
	if (strlen(slash ? slash + 1 : out) + 12 > 255)      /* keep within NAME_MAX */
		tmp = arena_printf(ty_arena(), "%.*s.ilcc-XXXXXX", (int)(slash ? slash + 1 - out : 0), out);
	int fd = mkstemp(tmp);
	if (fd < 0)
		fatal_env("%s: cannot write the output: %s", out, strerror(errno));
	close(fd);
	cleanup_file(tmp);
	if (o->kind == BUILD_STATIC_LIB)
		link_static_lib(dir, rt, tmp, o);
	else
		link_program(dir, rt, tmp, o);
	mode_t mode = (o->kind == BUILD_STATIC_LIB ? 0666 : 0777) & ~current_umask();
	if (chmod(tmp, mode) != 0 || rename(tmp, out) != 0)
		fatal_env("%s: cannot write the output: %s", out, strerror(errno));
	cleanup_keep(tmp);
}

/* The link's key: the objects, the runtime library, the compiler, the
 * options and where the output goes. */
static const char *link_key(const char *objs, const char *rt, const char *out, const BuildOptions *o)
{
	Buf b = {0};
	buf_printf(&b, "objs %s\nrt %s\nout %s\nopt %s %d %d %d %d\n", objs,
		   must_hash(runtime_lib(rt, o)), out, o->opt, o->debug, lto(o), o->kind, o->order_trace);
	if (o->order)
		buf_printf(&b, "order %s\n", must_hash(o->order));
	buf_printf(&b, "libc %s\n", glibc_dynamic(o) ? "dynamic" : "static");
	for (uint32_t i = 0; i < ncc_words; i++)
		buf_printf(&b, "cc %s\n", cc_words[i]);
	for (uint32_t i = 0; i < o->nnative_libs; i++)     /* a file: its content too */
		buf_printf(&b, "native %s %s\n", o->native_libs[i],
			   o->native_libs[i][0] == '-' ? "" : must_hash(o->native_libs[i]));
	char *h = arena_alloc(ty_arena(), sizeof(Hash));
	hash_bytes(b.s, b.len, h);
	buf_free(&b);
	return h;
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

/* Whether the program names a type of namespace ns (a TypeRef to it),
 * or that type when name is given. */
static bool names_type(Image *img, const char *ns, const char *name)
{
	for (uint32_t r = 1; r <= md_rows(img, T_TypeRef); r++)
		if ((!name || !strcmp(md_string(img, md_get(img, T_TypeRef, r, TypeRef_Name)), name)) &&
		    !strcmp(md_string(img, md_get(img, T_TypeRef, r, TypeRef_Namespace)), ns))
			return true;
	return false;
}

/* The core's second layer: Ilcc.Core.Seed.Collections of IlccCore.dll
 * (lib/IlccCore.cs), for a program that names Console and collections or
 * LINQ. Without IlccCore.dll beside ilcc, no second layer (the program
 * builds as before, its library code compiled for it). */
static void reach_core_collections(Program *p, Image *img)
{
	if (!names_type(img, "System.Collections.Generic", NULL) && !names_type(img, "System.Linq", NULL))
		return;
	const char *path = emit_support_path("IlccCore.dll");
	if (!path) {
		note("IlccCore.dll is not beside ilcc: no second layer of the core");
		return;
	}
	Image *seed = ld_open(p->ld, path);
	uint32_t row = ld_find_type(seed, "Ilcc.Core", "Seed");
	Method *m = row ? ty_find_method(ty_def(seed, row, NULL, 0), "Collections", 1) : NULL;
	if (!m)
		fatal("%s: no method Ilcc.Core.Seed.Collections", path);
	reach_method(p, m, NULL, "the class library's core (collections and LINQ)");
	reach_core(p);
}

/* The class library's core: what the runtime's roots and, for a program
 * that names Console, Console.WriteLine(string) reach, before the
 * program's entry; for a program that also names collections or LINQ, a
 * second layer after it. The same methods in the same order in every such
 * program, so cgen.c's core units are the same C and their objects come
 * from the object store (or the installation's, make-core) for a second
 * program. Not for --size or a switch: the core would not be the same. */
static void reach_core_library(Program *p, const BuildOptions *o, Image *img)
{
	bool console = o->kind == BUILD_EXE && !o->size && !o->switches && names_type(img, "System", "Console");
	if (console) {
		TypeInfo *ti = ty_info(ty_corlib_type("System", "Console"));
		for (uint32_t i = 0; i < ti->nmethods; i++) {
			Method *m = ti->methods[i];
			if (!strcmp(m->name, "WriteLine") && m->nparams == 1 && m->params[0] == ty_string)
				reach_method(p, m, NULL, "the class library's core (Console)");
		}
	}
	reach_core(p);
	if (console)
		reach_core_collections(p, img);
}

static Method *entry_point(Image *img)
{
	Token ep = img->entry_point;
	if (TOK_TABLE(ep) != T_MethodDef || !TOK_ROW(ep))
		md_error(img, "has no entry point (Main): is it a library?");
	return ty_method_from_token(img, ep, NULL);
}

/* The assembly's <Module> (TypeDef 1), if it has a static constructor:
 * a module initializer (C# 9 [ModuleInitializer] compiles to one), which
 * Mono runs before anything of the module, so before Main. */
static Type *module_init(Image *img)
{
	if (!md_rows(img, T_TypeDef))
		return NULL;
	Type *t = ty_def(img, 1, NULL, 0);
	return ty_info(t)->cctor ? t : NULL;
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
			buf_printf(&b, "  %s\n", ts->kept_by ? ts->kept_by : "the runtime");
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

/* A library's exports.c, its linker's lists of symbols to keep, and the
 * header for its users (--header). */
static void write_exports(const Exports *ex, const char *dir, const BuildOptions *o)
{
	Buf c = {0}, ver = {0}, syms = {0};
	exports_emit(ex, &c);
	emit_write_file(dir, "exports.c", &c);
	buf_puts(&ver, "{\n\tglobal:\n");
	for (uint32_t i = 0; i < ex->n; i++) {
		buf_printf(&ver, "\t\t%s;\n", ex->v[i].name);
		buf_printf(&syms, "%s\n", ex->v[i].name);
	}
	buf_puts(&ver, "\tlocal: *;\n};\n");
	emit_write_file(dir, "exports.ver", &ver);
	emit_write_file(dir, "exports.syms", &syms);
	if (o->header) {
		Buf h = {0};
		const char *slash = strrchr(o->output, '/');
		exports_header(ex, &h, slash ? slash + 1 : o->output);
		if (!write_file_atomic(o->header, h.s, h.len))
			fatal_env("%s: cannot write the header: %s", o->header, strerror(errno));
		buf_free(&h);
	}
	buf_free(&c);
	buf_free(&ver);
	buf_free(&syms);
}

int build_program(Loader *ld, const BuildOptions *o)
{
	double t0 = now_ms();
	progress_on = o->output && !o->quiet && !verbose && isatty(2);
	const char *out = o->output ? check_output(o) : NULL;
	if (o->order && access(o->order, R_OK) != 0)   /* before the long part */
		fatal("%s: cannot read the order file: %s", o->order, strerror(errno));
	Image *img = ld_open(ld, o->input);
	Image *corlib = find_corlib(ld, img);
	if (!corlib)
		md_error(img, "cannot find mscorlib.dll (is mono-devel installed, or give -L DIR)");
	ty_init(ld, corlib);
	Program p;
	warn_init(&o->warn);
	reach_init(&p, ld, img);
	p.allow_missing_icalls = o->allow_missing_icalls;
	p.on_reached = on_reached;
	native_libs_given = o->nnative_libs > 0;
	p.native_libs = arena_alloc(ty_arena(), (o->nnative_libs + 1) * sizeof *p.native_libs);
	for (uint32_t i = 0; i < o->nnative_libs; i++)
		p.native_libs[p.nnative_libs++] = emit_native_lib_name(ty_arena(),
			o->native_libs[i] + (o->native_libs[i][0] == '-' ? 2 : 0));
	p.switches = o->switches;
	p.no_trace_names = o->switches & SW_NO_TRACE_NAMES;
	Exports ex = {0};
	emit_roots(&p);
	reach_core_library(&p, o, img);
	if (o->kind == BUILD_EXE) {
		p.entry = entry_point(img);
		reach_method(&p, p.entry, NULL, "entry point");
		p.module_init = module_init(img);
		if (p.module_init)
			reach_type(&p, p.module_init, TN_DESCRIPTOR | TN_STATICS, NULL);
	} else {
		exports_find(img, &ex);
		exports_reach(&p, &ex);
	}
	if (o->trim_partial)
		directives_keep_assembly(&p, img, "--trim=partial");
	for (uint32_t i = 0; i < o->nrd; i++)
		directives_apply(&p, o->rd[i], false);
	for (uint32_t i = 0; i < o->ndescriptors; i++)
		directives_apply(&p, o->descriptors[i], true);
	progress("finding what the program reaches");
	reach_run(&p);
	warn_finish();
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
	if (!out && !o->emit_only)
		return 0;
	reach_check_missing(&p);
	if (out) {
		choose_libc(o, &p);
		cc_init(o);
	}
	const char *dir = o->keep_c;
	if (dir)
		make_dirs(dir, 0777);
	else
		dir = cache_dir(out);
	cache_lock(dir);
	manifest_load(dir);
	progress("writing the C of %u methods", p.methods.n);
	uint32_t nown = emit_program(&p, dir, NFILES, &nfiles);
	walks = p.stack_walk && !p.no_trace_names;    /* the switch: an empty table */
	if (o->kind != BUILD_EXE)
		write_exports(&ex, dir, o);
	double t2 = now_ms();
	if (o->emit_only) {
		manifest_save();
		note("write C %.0f ms; total %.0f ms (C in %s)", t2 - t1, t2 - t0, dir);
		return 0;
	}
	const char *rt = runtime_dir();
	const char *objs = compile_all(dir, path_join(ty_arena(), rt, "include"), o, nown);
	double t3 = now_ms();
	/* the same parts linked the same way, and the output still what that
	 * link wrote: done */
	const char *key = link_key(objs, rt, out, o);
	if (!up_to_date("link", key, out)) {
		progress("linking");
		link_all(dir, rt, out, o);
		record("link", key, out);
		manifest_save();
	}
	progress_end();
	double t4 = now_ms();
	note("write C %.0f ms, cc %.0f ms, link %.0f ms; total %.0f ms (C in %s)",
	     t2 - t1, t3 - t2, t4 - t3, t4 - t0, dir);
	return 0;
}
