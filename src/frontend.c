/* frontend: see frontend.h.
 *
 * The inputs become a list of source files and a list of libraries (a
 * folder: every NAME.cs below it, bin/ and obj/ left out; a .csproj: its
 * Compile items and references, read without MSBuild). The compiler is
 * chosen once: --csc, --mcs, else Roslyn from the .NET SDK found through
 * `dotnet` on PATH, else mcs. Roslyn runs with -nostdlib against Mono's
 * reference assemblies (mscorlib, System, System.Core, System.Numerics,
 * Facades) and -langversion:latest; both compilers get IlccSupport.dll.
 * The command and the newest input's time decide whether the .exe in the
 * work folder can be reused (`ilcc run app.cs` twice compiles once).
 */
#include "frontend.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static Arena arena;

/* ---- lists of strings ---- */
typedef struct List {
	const char **s;
	int n, cap;
} List;

static void add(List *l, const char *s)
{
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->s = realloc(l->s, (size_t)l->cap * sizeof *l->s);
	}
	l->s[l->n++] = s;
	l->s[l->n] = NULL;
}

static inline int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- files ---- */
/* The toolchain or environment failed: exit status 3. */
static _Noreturn void env_fail(const char *fmt, const char *arg)
{
	fputs("ilcc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(3);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && !strcmp(s + n - t, tail);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static double mtime(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return st.st_mtim.tv_sec + st.st_mtim.tv_nsec / 1e9;
}

static const char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	return slash == path ? "/" : arena_printf(&arena, "%.*s", (int)(slash - path), path);
}

/* NAME of DIR/NAME.ext, or of DIR/NAME/ for a folder. */
static const char *stem(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	size_t n = strlen(buf);
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = 0;
	if (!strcmp(buf, ".") || !strcmp(buf, "..")) {
		char real[PATH_MAX];
		if (realpath(buf, real))
			snprintf(buf, sizeof buf, "%s", real);
	}
	const char *base = strrchr(buf, '/') ? strrchr(buf, '/') + 1 : buf;
	const char *dot = strrchr(base, '.');
	if (!is_dir(path) && dot && dot != base)
		return arena_printf(&arena, "%.*s", (int)(dot - base), base);
	return arena_strdup(&arena, *base ? base : "program");
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
		env_fail("cannot create folder %s", path);
}

bool frontend_is_source(const char *path)
{
	return ends_with(path, ".cs") || ends_with(path, ".csproj") || is_dir(path);
}

/* ---- inputs ---- */
/* Every NAME.cs below DIR, in name order; bin/, obj/ and hidden folders
 * (build output, editors' files) are left out, as the .NET SDK does. */
static void folder_sources(const char *dir, List *srcs)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0)
		fatal("%s: cannot read folder: %s", dir, strerror(errno));
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		const char *path = arena_printf(&arena, "%s/%s", dir, name);
		if (name[0] == '.' || !strcmp(name, "bin") || !strcmp(name, "obj"))
			continue;
		if (is_dir(path))
			folder_sources(path, srcs);
		else if (ends_with(name, ".cs"))
			add(srcs, path);
	}
}

void csproj_read(const char *path, List *srcs, List *refs);

/* A folder holding one .csproj is that project. */
static const char *folder_project(const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	const char *found = NULL;
	for (int i = 0; i < n; i++)
		if (ends_with(ents[i]->d_name, ".csproj")) {
			if (found)
				fatal("%s: more than one .csproj: name the one to build", dir);
			found = arena_printf(&arena, "%s/%s", dir, ents[i]->d_name);
		}
	return found;
}

static void gather(const char *in, List *srcs, List *refs)
{
	if (ends_with(in, ".csproj")) {
		csproj_read(in, srcs, refs);
	} else if (is_dir(in)) {
		const char *proj = folder_project(in);
		if (proj)
			csproj_read(proj, srcs, refs);
		else
			folder_sources(in, srcs);
	} else if (!is_file(in)) {
		fatal("%s: no such file", in);
	} else {
		add(srcs, in);
	}
}

/* ---- the compiler ---- */
static const char *in_path(const char *name)
{
	const char *path = getenv("PATH");
	if (!path)
		return NULL;
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, ":");
		const char *f = arena_printf(&arena, "%.*s/%s", (int)n, n ? p : ".", name);
		if (access(f, X_OK) == 0 && !is_dir(f))
			return f;
		p += n + (p[n] == ':');
	}
	return NULL;
}

static int version_desc(const struct dirent **a, const struct dirent **b)
{
	return versionsort(b, a);
}

/* SDK/sdk/VERSION/Roslyn/bincore/csc.dll of the newest SDK beside `dotnet`. */
static const char *sdk_csc(void)
{
	const char *dotnet = in_path("dotnet");
	char real[PATH_MAX];
	if (!dotnet || !realpath(dotnet, real))
		return NULL;
	const char *sdk = arena_printf(&arena, "%s/sdk", dir_of(real));
	struct dirent **ents;
	int n = scandir(sdk, &ents, NULL, version_desc);
	for (int i = 0; i < n; i++) {
		const char *csc = arena_printf(&arena, "%s/%s/Roslyn/bincore/csc.dll",
					       sdk, ents[i]->d_name);
		if (ents[i]->d_name[0] != '.' && is_file(csc))
			return csc;
	}
	return NULL;
}

static const char *exe_dir(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return ".";
	self[n] = 0;
	return dir_of(arena_strdup(&arena, self));
}

/* Beside ilcc (build/) or in ../lib/ilcc (installed); NULL when absent:
 * only programs that use its types miss it. */
static const char *support_dll(void)
{
	const char *d = exe_dir();
	const char *cands[] = { arena_printf(&arena, "%s/IlccSupport.dll", d),
				arena_printf(&arena, "%s/../lib/ilcc/IlccSupport.dll", d) };
	for (unsigned i = 0; i < countof(cands); i++)
		if (is_file(cands[i]))
			return cands[i];
	note("IlccSupport.dll is not beside %s: modern C# may miss types", d);
	return NULL;
}

static const char *mono_lib(void)
{
	const char *lib = getenv("ILCC_MONO_LIB");
	return lib && *lib ? lib : "/usr/lib/mono/4.5";
}

/* The reference assemblies Roslyn compiles against (mcs finds its own). */
static void framework_refs(List *argv)
{
	static const char *const libs[] = {
		"mscorlib", "System", "System.Core", "System.Numerics",
	};
	const char *lib = mono_lib();
	for (unsigned i = 0; i < countof(libs); i++)
		add(argv, arena_printf(&arena, "-r:%s/%s.dll", lib, libs[i]));
	List facades = {0};
	const char *dir = arena_printf(&arena, "%s/Facades", lib);
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	for (int i = 0; i < n; i++)
		if (ends_with(ents[i]->d_name, ".dll"))
			add(&facades, arena_printf(&arena, "-r:%s/%s", dir, ents[i]->d_name));
	for (int i = 0; i < facades.n; i++)
		add(argv, facades.s[i]);
}

/* The compiler's command up to its options: Roslyn or mcs. */
static void compiler(const FrontendOptions *o, List *argv)
{
	const char *csc = o->csc ? o->csc : o->mcs ? NULL : sdk_csc();
	if (csc && ends_with(csc, ".dll")) {
		if (!is_file(csc))
			env_fail("%s: no such C# compiler", csc);
		if (!in_path("dotnet"))
			env_fail("%s needs dotnet, which is not on PATH", csc);
		add(argv, "dotnet");
		add(argv, "exec");
		add(argv, csc);
	} else if (csc) {
		add(argv, csc);
	} else if (in_path("mcs")) {
		add(argv, "mcs");
		return;
	} else {
		env_fail("%s", "no C# compiler: install the .NET SDK (dotnet) for modern C#,"
			 " or Mono's mcs (apt-get install mono-mcs)");
	}
	add(argv, "-noconfig");
	add(argv, "-nostdlib");
	add(argv, "-langversion:latest");
	add(argv, "-deterministic");
	framework_refs(argv);
}

/* ---- running it ---- */
/* Joined by newlines: what the stamp file holds. */
static const char *joined(const List *l)
{
	Buf b = {0};
	for (int i = 0; i < l->n; i++)
		buf_printf(&b, "%s\n", l->s[i]);
	return b.s ? b.s : "";
}

/* The .exe is newer than every input and was made by this command. */
static bool up_to_date(const char *exe, const char *stamp, const char *cmd,
		       const List *inputs)
{
	MappedFile f;
	if (!map_file(stamp, &f))
		return false;
	bool same = f.size == strlen(cmd) && !memcmp(f.data, cmd, f.size);
	unmap_file(&f);
	double t = mtime(exe);
	for (int i = 0; same && i < inputs->n; i++)
		same = mtime(inputs->s[i]) < t;
	return same;
}

static void write_stamp(const char *stamp, const char *cmd)
{
	FILE *f = fopen(stamp, "w");
	if (!f || fputs(cmd, f) < 0 || fclose(f) != 0)
		env_fail("cannot write %s", stamp);
}

/* Runs the compiler with its standard output on ilcc's standard error (both
 * compilers print diagnostics there; `ilcc run` keeps stdout the program's). */
static int run(const List *argv)
{
	if (verbose) {
		fputs("ilcc:", stderr);
		for (int i = 0; i < argv->n; i++)
			fprintf(stderr, " %s", argv->s[i]);
		fputc('\n', stderr);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		env_fail("cannot start the C# compiler: %s", strerror(errno));
	if (pid == 0) {
		dup2(2, 1);
		execvp(argv->s[0], (char **)argv->s);
		fprintf(stderr, "ilcc: cannot run %s: %s\n", argv->s[0], strerror(errno));
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		env_fail("the C# compiler %s crashed", argv->s[0]);
	if (WEXITSTATUS(status) == 127)
		exit(3);
	return WEXITSTATUS(status);
}

/* WORKDIR/NAME -> LIB, so that LIB is found beside the program. */
static void link_beside(const char *workdir, const char *lib)
{
	char real[PATH_MAX];
	if (!realpath(lib, real))
		fatal("%s: no such library", lib);
	const char *base = strrchr(real, '/') + 1;
	const char *link = arena_printf(&arena, "%s/%s", workdir, base);
	unlink(link);
	if (symlink(real, link) != 0)
		env_fail("cannot link %s", link);
}

const char *frontend_compile(const FrontendOptions *o, const char **inputs,
			     int ninputs, const char *workdir)
{
	List srcs = {0}, refs = {0}, argv = {0}, watched = {0};
	for (int i = 0; i < o->nrefs; i++)
		add(&refs, o->refs[i]);
	for (int i = 0; i < ninputs; i++)
		gather(inputs[i], &srcs, &refs);
	if (srcs.n == 0)
		fatal("%s: no C# source files", inputs[0]);
	const char *support = support_dll();
	if (support)
		add(&refs, support);
	mkdirs(workdir);
	const char *exe = arena_printf(&arena, "%s/%s.exe", workdir, stem(inputs[0]));

	compiler(o, &argv);
	add(&argv, "-nologo");
	add(&argv, "-target:exe");
	add(&argv, "-unsafe");
	add(&argv, "-optimize+");
	add(&argv, arena_printf(&arena, "-out:%s", exe));
	for (int i = 0; i < refs.n; i++) {
		add(&argv, arena_printf(&arena, "-r:%s", refs.s[i]));
		add(&watched, refs.s[i]);
	}
	for (int i = 0; i < srcs.n; i++) {
		add(&argv, srcs.s[i]);
		add(&watched, srcs.s[i]);
	}

	const char *stamp = arena_printf(&arena, "%s.cmd", exe);
	const char *cmd = joined(&argv);
	if (up_to_date(exe, stamp, cmd, &watched))
		return exe;
	unlink(stamp);
	if (run(&argv) != 0)
		exit(1);
	for (int i = 0; i < refs.n; i++)
		link_beside(workdir, refs.s[i]);
	write_stamp(stamp, cmd);
	return exe;
}

void csproj_read(const char *path, List *srcs, List *refs)
{
	fatal("%s: .csproj input is not supported yet", path);
}
