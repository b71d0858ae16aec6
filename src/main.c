/* ilcc driver: parses the command line and calls the stages in order.
 *
 *   ilcc build PROGRAM.exe -o OUT        native executable (build.c)
 *   ilcc run PROGRAM.exe [ARGS...]       build into the cache and run
 *   ilcc dump [--il] [-L DIR] FILE...    metadata and IL as text
 *   ilcc check [-L DIR] FILE...          load every table, signature and body
 *   ilcc coverage [--md F] [--tsv F] ASSEMBLY...  which public methods build
 */
#include "build.h"
#include "cache.h"
#include "coverage.h"
#include "dump.h"
#include "emit/emit.h"
#include "frontend.h"
#include "keys.h"
#include "meta/meta.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ILCC_VERSION "0.1"

static void usage(FILE *f)
{
	fputs("usage: ilcc build [options] PROGRAM.exe|SOURCE... -o OUT\n"
	      "       ilcc run [options] PROGRAM.exe|SOURCE [ARGS...]\n"
	      "       ilcc dump [--il] [-v] [-L DIR] FILE...\n"
	      "       ilcc check [-v] [-L DIR] FILE...\n"
	      "       ilcc coverage [-q] [-v] [-j N] [--md FILE] [--tsv FILE] [--group N] [--top N] ASSEMBLY...\n"
	      "       ilcc check-keys [-L DIR] [KEY...]\n"
	      "       ilcc cache --stats | --clear\n"
	      "       ilcc --help | --version\n"
	      "SOURCE: NAME.cs files, a folder of them, or a .csproj (compiled by Roslyn\n"
	      "  from the .NET SDK when dotnet is installed, else by Mono's mcs)\n"
	      "build and run options:\n"
	      "  -o OUT                  the executable to write (build)\n"
	      "  -O0 .. -O3, -Os         optimisation of the C compiler (default -O2)\n"
	      "  --size                  the size preset: -Os, musl when `make musl` built it,\n"
	      "                          every feature switch (README, \"Size\")\n"
	      "  --switch NAME[,NAME]    give up a feature for size: resource-keys,\n"
	      "                          no-trace-names, paths-as-given, sync-text-io\n"
	      "  -g                      debug information, no stripping\n"
	      "  --libc=glibc|musl|glibc-dynamic  the C library (default: musl where `make musl`\n"
	      "                          built it, with exceptions: -v says which and why)\n"
	      "  -v                      the stages, with counts and times; the commands run\n"
	      "  -q                      no progress line (shown only when stderr is a terminal)\n"
	      "  --target TRIPLE         cross-compile (aarch64-linux-gnu: CC TRIPLE-gcc and the\n"
	      "                          runtime that `make cross TARGET=TRIPLE` builds)\n"
	      "  -L DIR                  look for referenced assemblies in DIR too\n"
	      "  --keep-c DIR            write the generated C there and build from there\n"
	      "  --emit-c DIR            only write the generated C there (no C compiler)\n"
	      "  --why NAME              the chain of callers that made NAME reachable\n"
	      "  --why-size              the tree of reasons with the size of the C under each\n"
	      "  --order FILE            place these functions (one a line, as --order-trace\n"
	      "                          writes them) first in the code: fewer pages touched\n"
	      "  --order-trace           a build that writes the functions it runs, first run\n"
	      "                          first, to $ILCC_ORDER_TRACE (see README, \"Memory\")\n"
	      "  --allow-missing-icalls  a missing internal call throws at run time\n"
	      "  -r LIB                  C# source: reference the library LIB.dll\n"
	      "  --csc PATH              C# source: compile with this csc.dll (Roslyn)\n"
	      "  --mcs                   C# source: compile with Mono's mcs\n"
	      "  --rd FILE               keep what an rd.xml file names (repeatable)\n"
	      "  --descriptor FILE       keep what an ILLink descriptor names (repeatable)\n"
	      "  --trim=full|partial     keep what is reached (full, the default), or all of\n"
	      "                          the program's assembly too, reflectable (partial)\n"
	      "  --nowarn CODES          no AOT warnings of these codes (ILCC1007,IL2026)\n"
	      "  --warnaserror           AOT warnings fail the build\n"
	      "  --warn-library          AOT warnings in the class library's code too\n"
	      "  --shared, --static-lib  a native library (.so, .a) of the\n"
	      "                          [UnmanagedCallersOnly] exports, not an executable\n"
	      "  --header FILE           with a library: write the exports' C declarations\n"
	      "  -l NAME                 link native library NAME (libNAME.a) for [DllImport(\"NAME\")]\n"
	      "  --native-lib FILE       link FILE (.a, or .so: the executable is then dynamic)\n"
	      "                          (other [DllImport] libraries: dlopen at the first call)\n"
	      "dump and check options:\n"
	      "  --il                    dump: disassemble method bodies\n"
	      "  -v                      notes on how references resolved\n"
	      "  -L DIR                  look for referenced assemblies in DIR too\n"
	      "environment: CC picks the C compiler; ILCC_MONO_LIB, Mono's class library\n"
	      "exit status: 0 built (run: the program's), 1 the input was refused,\n"
	      "  2 usage, 3 the toolchain or environment failed\n", f);
}

/* A wrong command line: one line, exit status 2. */
static _Noreturn __attribute__((format(printf, 1, 2))) void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ilcc: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

typedef struct Options {
	DumpOptions dump;
	BuildOptions build;
	FrontendOptions front;
	CoverageOptions cover;
	bool stop_at_first_file;        /* run: what follows the program is its */
	const char **files;
	int nfiles;
} Options;

/* The argument of option argv[*i], which must have one. */
static const char *value(int argc, char **argv, int *i, const char *what)
{
	if (*i + 1 >= argc || !argv[*i + 1][0])
		usage_error("option '%s' needs an argument: %s (try ilcc --help)", argv[*i], what);
	return argv[++*i];
}

/* --nowarn CODES: codes separated by commas or semicolons, each one
 * warn.c knows. */
/* --switch NAME[,NAME...]: the SW_ bits (features.c names them). */
static unsigned switch_names(const char *names)
{
	unsigned bits = 0;
	char *copy = strdup(names), *save = NULL;
	for (char *n = strtok_r(copy, ",", &save); n; n = strtok_r(NULL, ",", &save)) {
		unsigned b = emit_switch_bit(n);
		if (!b)
			usage_error("--switch %s: the feature switches are %s", n, emit_switch_list());
		bits |= b;
	}
	if (!bits)
		usage_error("--switch '%s': the feature switches are %s", names, emit_switch_list());
	return bits;
}

/* --libc=NAME: the C library an executable links with (build.c); from
 * names where it was given ("--libc=", "ILCC_LIBC="). */
static const char *libc_name(const char *name, const char *from)
{
	static const char *const names[] = { "glibc", "musl", "glibc-dynamic" };
	for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(name, names[i]))
			return names[i];
	usage_error("%s%s: the C libraries are glibc (static), musl (static) and glibc-dynamic", from, name);
}

static void nowarn(WarnOptions *w, const char *codes)
{
	char *copy = strdup(codes), *save = NULL;
	for (char *c = strtok_r(copy, ",;", &save); c; c = strtok_r(NULL, ",;", &save)) {
		if (!warn_known_code(c))
			usage_error("--nowarn %s: not a warning code ilcc knows (ILCC1001 to ILCC1009,"
				    " or Native AOT's IL2026, IL3050...)", c);
		if (w->nnowarn < 64)
			w->nowarn[w->nnowarn++] = c;
	}
}

/* --native-lib FILE: a library that exists, by its absolute path. */
static const char *native_file(const char *path)
{
	char *abs = realpath(path, NULL);
	if (!abs)
		usage_error("--native-lib %s: %s", path, strerror(errno));
	return abs;
}

/* A positive number, the argument of option `opt`. */
static uint32_t count(const char *s, const char *opt)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);
	if (*end || !n || n > 1000000)
		usage_error("option '%s' needs a positive number, not '%s'", opt, s);
	return (uint32_t)n;
}

/* Flags shared by the commands; anything else that starts with '-' is an
 * error. */
static void parse(int argc, char **argv, Loader *ld, Options *o)
{
	o->files = calloc((size_t)argc, sizeof *o->files);
	o->build.rd = calloc((size_t)argc, sizeof *o->build.rd);
	o->build.descriptors = calloc((size_t)argc, sizeof *o->build.descriptors);
	o->build.warn.nowarn = calloc(64, sizeof *o->build.warn.nowarn);
	o->front.refs = calloc((size_t)argc, sizeof *o->front.refs);
	o->build.native_libs = calloc((size_t)argc, sizeof *o->build.native_libs);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--il"))
			o->dump.il = true;
		else if (!strcmp(a, "-v"))
			verbose = true;
		else if (!strcmp(a, "-q"))
			o->build.quiet = true;
		else if (!strcmp(a, "--target"))
			o->build.target = value(argc, argv, &i, "a target triple (aarch64-linux-gnu)");
		else if (!strcmp(a, "-o"))
			o->build.output = value(argc, argv, &i, "an output file");
		else if (!strcmp(a, "--keep-c"))
			o->build.keep_c = value(argc, argv, &i, "a folder");
		else if (!strcmp(a, "--emit-c")) {
			o->build.keep_c = value(argc, argv, &i, "a folder");
			o->build.emit_only = true;
		}
		else if (!strcmp(a, "--why"))
			o->build.why = value(argc, argv, &i, "a method or type name");
		else if (!strcmp(a, "--shared"))
			o->build.kind = BUILD_SHARED;
		else if (!strcmp(a, "--static-lib"))
			o->build.kind = BUILD_STATIC_LIB;
		else if (!strcmp(a, "--header"))
			o->build.header = value(argc, argv, &i, "a C header file to write");
		else if (!strcmp(a, "--rd"))
			o->build.rd[o->build.nrd++] = value(argc, argv, &i, "an rd.xml file");
		else if (!strcmp(a, "--descriptor"))
			o->build.descriptors[o->build.ndescriptors++] = value(argc, argv, &i,
									      "an ILLink descriptor file");
		else if (!strcmp(a, "--nowarn"))
			nowarn(&o->build.warn, value(argc, argv, &i, "warning codes (ILCC1007, IL2026)"));
		else if (!strncmp(a, "--libc=", 7))
			o->build.libc = libc_name(a + 7, "--libc=");
		else if (!strcmp(a, "--trim=full"))
			o->build.trim_partial = false;
		else if (!strcmp(a, "--trim=partial"))
			o->build.trim_partial = true;
		else if (!strncmp(a, "--trim", 6))
			usage_error("%s: the trim modes are --trim=full (keep what is reached, the"
				    " default) and --trim=partial (keep all of the program's assembly)", a);
		else if (!strcmp(a, "--warnaserror"))
			o->build.warn.as_error = true;
		else if (!strcmp(a, "--warn-library"))
			o->build.warn.library = true;
		else if (!strcmp(a, "--why-size"))
			o->build.why_size = true;
		else if (!strcmp(a, "--order"))
			o->build.order = value(argc, argv, &i, "a file of function names");
		else if (!strcmp(a, "--order-trace"))
			o->build.order_trace = true;
		else if (!strcmp(a, "--allow-missing-icalls"))
			o->build.allow_missing_icalls = true;
		else if (!strcmp(a, "-g"))
			o->build.debug = true;
		else if (!strcmp(a, "--size")) {
			o->build.size = true;
			o->build.opt = "-Os";
			o->build.switches = SW_ALL;
		}
		else if (!strcmp(a, "--switch"))
			o->build.switches |= switch_names(value(argc, argv, &i, "a feature switch"));
		else if (a[0] == '-' && a[1] == 'O' && ((a[2] >= '0' && a[2] <= '3') || a[2] == 's') && !a[3])
			o->build.opt = a;
		else if (!strcmp(a, "--csc"))
			o->front.csc = value(argc, argv, &i, "a csc.dll");
		else if (!strcmp(a, "--mcs"))
			o->front.mcs = true;
		else if (!strcmp(a, "-r"))
			o->front.refs[o->front.nrefs++] = value(argc, argv, &i, "a library");
		else if (!strncmp(a, "-r:", 3) && a[3])
			o->front.refs[o->front.nrefs++] = a + 3;
		else if (!strcmp(a, "--md"))
			o->cover.md = value(argc, argv, &i, "a Markdown file to write");
		else if (!strcmp(a, "--tsv"))
			o->cover.tsv = value(argc, argv, &i, "a file to write");
		else if (!strcmp(a, "--group"))
			o->cover.group = count(value(argc, argv, &i, "a number of methods"), a);
		else if (!strcmp(a, "-j"))
			o->cover.jobs = count(value(argc, argv, &i, "a number of processes"), a);
		else if (!strcmp(a, "--top"))
			o->cover.top = count(value(argc, argv, &i, "a number of lines"), a);
		else if (!strcmp(a, "-l"))
			o->build.native_libs[o->build.nnative_libs++] = arena_printf(&ld->arena, "-l%s",
				value(argc, argv, &i, "a native library's name"));
		else if (!strncmp(a, "-l", 2) && a[2])
			o->build.native_libs[o->build.nnative_libs++] = a;
		else if (!strcmp(a, "--native-lib"))
			o->build.native_libs[o->build.nnative_libs++] = native_file(
				value(argc, argv, &i, "a native library (.a or .so)"));
		else if (!strcmp(a, "-L"))
			ld_add_dir(ld, value(argc, argv, &i, "a folder"));
		else if (!strncmp(a, "-L", 2) && a[2])
			ld_add_dir(ld, a + 2);
		else if (a[0] == '-' && a[1])
			usage_error("unknown option '%s' (try ilcc --help)", a);
		else {
			o->files[o->nfiles++] = a;
			if (o->stop_at_first_file) {
				for (i++; i < argc; i++)
					o->files[o->nfiles++] = argv[i];
				break;
			}
		}
	}
	if (o->nfiles == 0)
		usage_error("no input files (try ilcc --help)");
	/* the default --libc, for running a test suite under another C library */
	const char *libc = getenv("ILCC_LIBC");
	if (!o->build.libc && libc && *libc)
		o->build.libc = libc_name(libc, "ILCC_LIBC=");
	ld_add_default_dirs(ld);
}

/* Runs what `run` built, with args; does not return unless the program was
 * built in a private folder, which must be removed after it ends. */
static int run_program(const char *exe, const char **args, int nargs)
{
	char **argv = calloc((size_t)nargs + 2, sizeof *argv);
	argv[0] = (char *)exe;
	for (int i = 0; i < nargs; i++)
		argv[i + 1] = (char *)args[i];
	fflush(stdout);
	fflush(stderr);
	cache_unlock();
	if (!cache_is_private()) {
		execv(exe, argv);
		fatal("%s: cannot run the program: %s", exe, strerror(errno));
	}
	pid_t pid = fork();
	if (pid < 0)
		fatal("%s: cannot run the program: %s", exe, strerror(errno));
	if (pid == 0) {
		execv(exe, argv);
		fprintf(stderr, "ilcc: %s: cannot run the program: %s\n", exe, strerror(errno));
		_exit(127);
	}
	signal(SIGINT, SIG_IGN);        /* the program decides; then clean up */
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal("%s: lost the program: %s", exe, strerror(errno));
	if (WIFSIGNALED(status)) {      /* die the same way, after cleaning up */
		cleanup_run();
		signal(WTERMSIG(status), SIG_DFL);
		raise(WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("ilcc %s\nC# front end: %s\n", ILCC_VERSION, frontend_describe());
		return 0;
	}
	if (!strcmp(cmd, "cache")) {
		if (argc != 3 || (strcmp(argv[2], "--stats") && strcmp(argv[2], "--clear")))
			usage_error("cache takes --stats or --clear (try ilcc --help)");
		return cache_command(!strcmp(argv[2], "--clear"));
	}
	Loader ld;
	ld_init(&ld);
	Options o = {0};
	if (!strcmp(cmd, "dump")) {
		parse(argc - 2, argv + 2, &ld, &o);
		for (int i = 0; i < o.nfiles; i++)
			dump_image(stdout, ld_open(&ld, o.files[i]), &o.dump);
		return 0;
	}
	if (!strcmp(cmd, "check")) {
		parse(argc - 2, argv + 2, &ld, &o);
		int bad = 0;
		for (int i = 0; i < o.nfiles; i++)
			bad |= check_file(&ld, o.files[i]) != 0;
		return bad;
	}
	if (!strcmp(cmd, "check-keys")) {
		int n = 0;
		const char **keys = calloc((size_t)argc, sizeof *keys);
		for (int i = 2; i < argc; i++)
			if (!strcmp(argv[i], "-L") && i + 1 < argc)
				ld_add_dir(&ld, argv[++i]);
			else
				keys[n++] = argv[i];
		ld_add_default_dirs(&ld);
		return keys_check(&ld, keys, n);
	}
	if (!strcmp(cmd, "coverage")) {
		parse(argc - 2, argv + 2, &ld, &o);
		o.cover.files = o.files;
		o.cover.nfiles = (uint32_t)o.nfiles;
		o.cover.quiet = o.build.quiet || !isatty(2);
		if (!o.cover.group)
			o.cover.group = 300;
		if (!o.cover.top)
			o.cover.top = 40;
		return coverage_run(&ld, &o.cover);
	}
	o.build.opt = "-O2";
	if (!strcmp(cmd, "build")) {
		parse(argc - 2, argv + 2, &ld, &o);
		if (!o.build.output && !o.build.why && !o.build.why_size && !o.build.emit_only)
			usage_error("build needs -o OUT");
		if (o.build.header && o.build.kind == BUILD_EXE)
			usage_error("--header goes with --shared or --static-lib (a library's exports)");
		if (frontend_is_source(o.files[0])) {
			o.front.library = o.build.kind != BUILD_EXE;
			o.build.input = frontend_compile(&o.front, o.files, o.nfiles, arena_printf(&ld.arena,
				"%s/cs", cache_dir(o.build.output ? o.build.output : o.files[0])));
		} else if (o.front.nrefs)
			usage_error("-r %s: references are for C# source; %s is compiled already",
			      o.front.refs[0], o.files[0]);
		else if (o.nfiles != 1)
			usage_error("build takes one program (try ilcc --help)");
		else
			o.build.input = o.files[0];
		return build_program(&ld, &o.build);
	}
	if (!strcmp(cmd, "run")) {
		o.stop_at_first_file = true;
		parse(argc - 2, argv + 2, &ld, &o);
		if (o.build.kind != BUILD_EXE || o.build.header)
			usage_error("run builds and runs a program: libraries are made with ilcc build --shared or --static-lib");
		o.build.keep_c = cache_dir(o.files[0]);
		o.build.input = !frontend_is_source(o.files[0]) ? o.files[0] :
			frontend_compile(&o.front, o.files, 1, arena_printf(&ld.arena, "%s/cs", o.build.keep_c));
		o.build.output = arena_printf(&ld.arena, "%s/a.out", o.build.keep_c);
		build_program(&ld, &o.build);
		return run_program(o.build.output, o.files + 1, o.nfiles - 1);
	}
	usage_error("unknown command '%s' (try ilcc --help)", cmd);
}
