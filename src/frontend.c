/* frontend: see frontend.h.
 *
 * The inputs become a list of source files and a list of libraries (a
 * folder: every NAME.cs below it, bin/ and obj/ left out; a .csproj: its
 * Compile items and references, read without MSBuild). The compiler is
 * chosen once: --csc, --mcs, else Roslyn from the .NET SDK found through
 * `dotnet` on PATH, else mcs. Roslyn runs with -nostdlib against Mono's
 * reference assemblies (mscorlib, System, System.Core, System.Numerics,
 * Facades) and -langversion:latest; both compilers get IlccSupport.dll
 * and the rest of Mono's framework a program may use unnamed
 * (default_libs).
 * The command and the newest input's time decide whether the .exe in the
 * work folder can be reused (`ilcc run app.cs` twice compiles once).
 */
#include "frontend.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* What the inputs amount to. */
typedef struct Inputs {
	List srcs, refs;
	bool implicit_usings;           /* the .NET SDK's global usings */
	bool nullable;                  /* <Nullable>enable */
} Inputs;

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

static void csproj_read(const char *path, Inputs *in);

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

static void gather(const char *path, Inputs *in)
{
	if (ends_with(path, ".csproj")) {
		csproj_read(path, in);
	} else if (is_dir(path)) {
		const char *proj = folder_project(path);
		if (proj)
			csproj_read(proj, in);
		else
			folder_sources(path, &in->srcs);
	} else if (!is_file(path)) {
		fatal("%s: no such file", path);
	} else {
		add(&in->srcs, path);
	}
}

/* ---- .csproj, read without MSBuild ---- */
/* The text of <NAME>...</NAME> (a property), or NULL. */
static const char *property(const char *xml, const char *name)
{
	const char *open = arena_printf(&arena, "<%s>", name);
	const char *p = strstr(xml, open);
	if (!p)
		return NULL;
	p += strlen(open);
	return arena_printf(&arena, "%.*s", (int)strcspn(p, "<"), p);
}

static bool property_on(const char *xml, const char *name)
{
	const char *v = property(xml, name);
	return v && (!strcasecmp(v, "enable") || !strcasecmp(v, "true"));
}

/* NAME="value" in the start tag at `tag`, or NULL. */
static const char *attribute(const char *tag, const char *name)
{
	size_t end = strcspn(tag, ">");
	const char *key = arena_printf(&arena, " %s=\"", name);
	const char *p = strstr(tag, key);
	if (!p || p > tag + end)
		return NULL;
	p += strlen(key);
	return arena_printf(&arena, "%.*s", (int)strcspn(p, "\""), p);
}

/* A project's path (backslashes as MSBuild allows) from its folder. */
static const char *project_path(const char *dir, const char *item)
{
	char *s = arena_printf(&arena, "%s/%s", dir, item);
	for (char *c = s; *c; c++)
		if (*c == '\\')
			*c = '/';
	return s;
}

/* Include="one.cs;two.cs": each file, or each match of a pattern (with *,
 * ? or [...]; ** matches across folders). */
static void include_items(const char *dir, const char *items, List *srcs)
{
	for (const char *p = items; *p;) {
		size_t n = strcspn(p, ";");
		const char *pat = project_path(dir, arena_printf(&arena, "%.*s", (int)n, p));
		p += n + (p[n] == ';');
		const char *deep = strstr(pat, "**");
		if (!strpbrk(pat, "*?[")) {
			add(srcs, pat);
		} else if (deep) {
			List all = {0};
			folder_sources(deep == pat ? "." : arena_printf(&arena, "%.*s",
				       (int)(deep - pat - 1), pat), &all);
			for (int i = 0; i < all.n; i++)
				if (!fnmatch(pat, all.s[i], 0))
					add(srcs, all.s[i]);
		} else {
			glob_t g;
			if (glob(pat, 0, NULL, &g) == 0)
				for (size_t i = 0; i < g.gl_pathc; i++)
					add(srcs, arena_strdup(&arena, g.gl_pathv[i]));
			globfree(&g);
		}
	}
}

static void remove_items(const char *dir, const char *pattern, List *srcs)
{
	const char *pat = project_path(dir, pattern);
	int k = 0;
	for (int i = 0; i < srcs->n; i++)
		if (fnmatch(pat, srcs->s[i], 0) != 0)
			srcs->s[k++] = srcs->s[i];
	srcs->n = k;
	if (srcs->s)
		srcs->s[k] = NULL;
}

static const char *mono_lib(void);

/* <Reference Include="Name, Version=..."> with its <HintPath>, else a
 * library of Mono's by that name. */
static const char *reference(const char *path, const char *dir, const char *tag)
{
	const char *inc = attribute(tag, "Include");
	const char *close = strstr(tag, "</Reference>");
	const char *self_closed = strstr(tag, "/>");
	const char *hint = strstr(tag, "<HintPath>");
	if (hint && close && (!self_closed || self_closed > close) && hint < close)
		return project_path(dir, property(hint, "HintPath"));
	const char *name = arena_printf(&arena, "%.*s", (int)strcspn(inc, ","), inc);
	const char *cands[] = { arena_printf(&arena, "%s/%s.dll", mono_lib(), name),
				arena_printf(&arena, "%s/Facades/%s.dll", mono_lib(), name) };
	for (unsigned i = 0; i < countof(cands); i++)
		if (is_file(cands[i]))
			return cands[i];
	fatal("%s: reference %s: no such library in %s (give its HintPath)", path, name, mono_lib());
}

/* SDK-style projects compile every NAME.cs below their folder unless told
 * not to; Compile Include/Remove items add and take away; Reference items
 * name libraries. NuGet packages and project references need MSBuild. */
static void csproj_read(const char *path, Inputs *in)
{
	MappedFile f = {0};
	if (!map_file(path, &f))
		fatal("%s: cannot read: %s", path, strerror(errno));
	const char *xml = arena_printf(&arena, "%.*s", (int)f.size, (const char *)f.data);
	unmap_file(&f);
	const char *dir = dir_of(path);
	const char *defaults = property(xml, "EnableDefaultCompileItems");
	if (strstr(xml, "Sdk=\"") && !(defaults && !strcasecmp(defaults, "false")))
		folder_sources(dir, &in->srcs);
	in->implicit_usings = property_on(xml, "ImplicitUsings");
	in->nullable = property_on(xml, "Nullable");
	for (const char *t = xml; (t = strchr(t, '<')); t++) {
		const char *v;
		if (!strncmp(t, "<Compile ", 9) && (v = attribute(t, "Include")))
			include_items(dir, v, &in->srcs);
		else if (!strncmp(t, "<Compile ", 9) && (v = attribute(t, "Remove")))
			remove_items(dir, v, &in->srcs);
		else if (!strncmp(t, "<Reference ", 11) && attribute(t, "Include"))
			add(&in->refs, reference(path, dir, t));
		else if (!strncmp(t, "<PackageReference ", 18) || !strncmp(t, "<ProjectReference ", 18))
			fatal("%s: %s needs MSBuild: build that library and pass it with -r",
			      path, arena_printf(&arena, "%.*s", (int)strcspn(t, ">"), t));
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

/* Mono's assemblies a program may use without naming them, as `dotnet run
 * app.cs` references the whole shared framework: what of it Mono has (XML
 * and LINQ to XML, DataTable, HttpClient, DataContract, zip archives,
 * HttpUtility, Point and Color, data annotations, transactions, the binder
 * that `dynamic` needs, so that ilcc's own message about it is the one
 * seen). The compiled program refers only to those it uses; one missing
 * from the machine is left out. */
static const char *const default_libs[] = {
	"System.Xml", "System.Xml.Linq", "System.Data", "System.Net.Http",
	"System.Runtime.Serialization", "System.IO.Compression",
	"System.IO.Compression.FileSystem", "System.Web", "System.Drawing",
	"System.ComponentModel.DataAnnotations", "System.Transactions",
	"Microsoft.CSharp",
};

static void default_refs(List *argv, const char *lib)
{
	for (unsigned i = 0; i < countof(default_libs); i++) {
		const char *path = arena_printf(&arena, "%s/%s.dll", lib, default_libs[i]);
		if (is_file(path))
			add(argv, arena_printf(&arena, "-r:%s", path));
	}
}

/* The reference assemblies Roslyn compiles against (mcs finds its own
 * mscorlib, System, System.Xml and System.Core). */
static void framework_refs(List *argv, const char *workdir)
{
	static const char *const libs[] = {
		"System", "System.Core", "System.Numerics",
	};
	const char *lib = mono_lib();
	add(argv, arena_printf(&arena, "-r:%s", frontend_corlib(lib, workdir, &arena)));
	for (unsigned i = 0; i < countof(libs); i++)
		add(argv, arena_printf(&arena, "-r:%s/%s.dll", lib, libs[i]));
	default_refs(argv, lib);
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

/* Writes through a temporary file renamed into place. */
static void write_atomic(const char *path, const char *text)
{
	const char *tmp = arena_printf(&arena, "%s.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0 || rename(tmp, path) != 0)
		env_fail("cannot write %s", path);
}

/* The global usings of the .NET SDK (ImplicitUsings), as `dotnet run
 * app.cs` has them, less System.Net.Http, which is not referenced. Written
 * only when it changed, so that its time does not force a recompilation. */
static const char *implicit_usings(const char *workdir)
{
	static const char text[] =
		"// <auto-generated/> by ilcc: the .NET SDK's implicit usings\n"
		"global using global::System;\n"
		"global using global::System.Collections.Generic;\n"
		"global using global::System.IO;\n"
		"global using global::System.Linq;\n"
		"global using global::System.Threading;\n"
		"global using global::System.Threading.Tasks;\n";
	const char *path = arena_printf(&arena, "%s/ImplicitUsings.g.cs", workdir);
	MappedFile f = {0};
	bool same = map_file(path, &f) && f.size == strlen(text) && !memcmp(f.data, text, f.size);
	if (f.data)
		unmap_file(&f);
	if (!same)
		write_atomic(path, text);
	return path;
}

/* The compiler's command up to its options: Roslyn or mcs. */
static void compiler(const FrontendOptions *o, List *argv, const char *workdir)
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
		add(argv, arena_printf(&arena, "-r:%s/System.Numerics.dll", mono_lib()));
		default_refs(argv, mono_lib());
		return;
	} else {
		env_fail("%s", "no C# compiler: install the .NET SDK (dotnet) for modern C#,"
			 " or Mono's mcs (apt-get install mono-mcs)");
	}
	add(argv, "-noconfig");
	add(argv, "-nostdlib");
	add(argv, "-langversion:latest");
	add(argv, "-deterministic");
	framework_refs(argv, workdir);
}

const char *frontend_describe(void)
{
	const char *csc = sdk_csc();
	if (csc)
		return arena_printf(&arena, "Roslyn, %s (modern C#)", csc);
	return in_path("mcs") ? "Mono's mcs (C# up to about 7; the .NET SDK gives modern C#)" :
		"none (install the .NET SDK, or Mono's mcs)";
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
	MappedFile f = {0};
	if (!map_file(stamp, &f))
		return false;
	bool same = f.size == strlen(cmd) && !memcmp(f.data, cmd, f.size);
	unmap_file(&f);
	double t = mtime(exe);
	for (int i = 0; same && i < inputs->n; i++)
		same = mtime(inputs->s[i]) < t;
	return same;
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

/* The compiler's command for the inputs, but for -out; the files whose
 * times decide whether its last output can be reused go to `watched`. */
static void command(const FrontendOptions *o, Inputs *in, const char *workdir,
		    List *argv, List *watched)
{
	compiler(o, argv, workdir);
	bool roslyn = strcmp(argv->s[0], "mcs") != 0;
	if (roslyn && in->implicit_usings)
		add(&in->srcs, implicit_usings(workdir));
	if (roslyn && in->nullable)
		add(argv, "-nullable:enable");
	add(argv, "-nologo");
	add(argv, o->library ? "-target:library" : "-target:exe");
	add(argv, "-unsafe");
	add(argv, "-optimize+");
	/* C# file and line in the build's warnings (warn.c) */
	add(argv, roslyn ? "-debug:portable" : "-debug");
	for (int i = 0; i < in->refs.n; i++) {
		add(argv, arena_printf(&arena, "-r:%s", in->refs.s[i]));
		add(watched, in->refs.s[i]);
	}
	for (int i = 0; i < in->srcs.n; i++) {
		add(argv, in->srcs.s[i]);
		add(watched, in->srcs.s[i]);
	}
}

/* The debug information the compiler wrote beside `tmp` (mcs: NAME.exe.mdb,
 * Roslyn: NAME.pdb) goes beside `out`, or away. */
static void move_debug_info(const char *tmp, const char *out, bool keep)
{
	const char *dot = strrchr(tmp, '.'), *odot = strrchr(out, '.');
	const char *from[] = { arena_printf(&arena, "%s.mdb", tmp),
			       arena_printf(&arena, "%.*s.pdb", (int)(dot - tmp), tmp) };
	const char *to[] = { arena_printf(&arena, "%s.mdb", out),
			     arena_printf(&arena, "%.*s.pdb", (int)(odot - out), out) };
	for (int i = 0; i < 2; i++) {
		if (keep && access(from[i], F_OK) == 0) {
			if (rename(from[i], to[i]) != 0)
				env_fail("cannot write %s", to[i]);
		} else if (keep) {
			unlink(to[i]);  /* another compiler's, from an earlier build */
		}
		unlink(from[i]);
	}
}

/* Runs the command into a private folder, then renames the result into
 * place: a concurrent `ilcc run` of the same program sees the old file or
 * the new one. A C# error (status 1) exits 1; any other failure, of the
 * compiler or of dotnet, is the toolchain's: 3. */
static void compile(List *argv, const char *workdir, const char *out)
{
	const char *tmpdir = arena_printf(&arena, "%s/tmp.%ld", workdir, (long)getpid());
	const char *tmp = arena_printf(&arena, "%s/%s", tmpdir, strrchr(out, '/') + 1);
	mkdirs(tmpdir);
	add(argv, arena_printf(&arena, "-out:%s", tmp));
	int status = run(argv);
	if (status == 0 && rename(tmp, out) != 0)
		env_fail("cannot write %s", out);
	unlink(tmp);
	move_debug_info(tmp, out, status == 0);
	rmdir(tmpdir);
	if (status == 1)                /* both compilers' "errors in the source" */
		exit(1);
	if (status != 0) {
		fprintf(stderr, "ilcc: the C# compiler %s failed with status %d\n", argv->s[0], status);
		exit(3);
	}
}

const char *frontend_compile(const FrontendOptions *o, const char **inputs,
			     int ninputs, const char *workdir)
{
	Inputs in = { .implicit_usings = true };
	for (int i = 0; i < o->nrefs; i++)
		add(&in.refs, o->refs[i]);
	for (int i = 0; i < ninputs; i++)
		gather(inputs[i], &in);
	if (in.srcs.n == 0)
		fatal("%s: no C# source files", inputs[0]);
	const char *support = support_dll();
	if (support)
		add(&in.refs, support);
	mkdirs(workdir);
	const char *out = arena_printf(&arena, "%s/%s.%s", workdir, stem(inputs[0]),
				       o->library ? "dll" : "exe");
	List argv = {0}, watched = {0};
	command(o, &in, workdir, &argv, &watched);
	const char *stamp = arena_printf(&arena, "%s.cmd", out);
	const char *cmd = joined(&argv);
	if (up_to_date(out, stamp, cmd, &watched))
		return out;
	compile(&argv, workdir, out);
	for (int i = 0; i < in.refs.n; i++)
		link_beside(workdir, in.refs.s[i]);
	write_atomic(stamp, cmd);
	return out;
}
