/* ilcc driver: parses the command line and calls the stages in order.
 *
 *   ilcc build PROGRAM.exe -o OUT        native executable (build.c)
 *   ilcc run PROGRAM.exe [ARGS...]       build into the cache and run
 *   ilcc dump [--il] [-L DIR] FILE...    metadata and IL as text
 *   ilcc check [-L DIR] FILE...          load every table, signature and body
 */
#include "build.h"
#include "dump.h"
#include "frontend.h"
#include "meta/meta.h"

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
	      "       ilcc --help | --version\n"
	      "SOURCE: NAME.cs files, a folder of them, or a .csproj (compiled by Roslyn\n"
	      "  from the .NET SDK when dotnet is installed, else by Mono's mcs)\n"
	      "build and run options:\n"
	      "  -o OUT                  the executable to write (build)\n"
	      "  -O0 .. -O3              optimisation of the C compiler (default -O2)\n"
	      "  -g                      debug information, no stripping\n"
	      "  -v                      the stages, with counts and times; the commands run\n"
	      "  -L DIR                  look for referenced assemblies in DIR too\n"
	      "  --keep-c DIR            write the generated C there and build from there\n"
	      "  --why NAME              the chain of callers that made NAME reachable\n"
	      "  --why-size              the tree of reasons with the size of the C under each\n"
	      "  --allow-missing-icalls  a missing internal call throws at run time\n"
	      "  -r LIB                  C# source: reference the library LIB.dll\n"
	      "  --csc PATH              C# source: compile with this csc.dll (Roslyn)\n"
	      "  --mcs                   C# source: compile with Mono's mcs\n"
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
	bool stop_at_first_file;        /* run: what follows the program is its */
	const char **files;
	int nfiles;
} Options;

/* Flags shared by the commands; anything else that starts with '-' is an
 * error. */
static void parse(int argc, char **argv, Loader *ld, Options *o)
{
	o->files = calloc((size_t)argc, sizeof *o->files);
	o->front.refs = calloc((size_t)argc, sizeof *o->front.refs);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--il"))
			o->dump.il = true;
		else if (!strcmp(a, "-v"))
			verbose = true;
		else if (!strcmp(a, "-o") && i + 1 < argc)
			o->build.output = argv[++i];
		else if (!strcmp(a, "--keep-c") && i + 1 < argc)
			o->build.keep_c = argv[++i];
		else if (!strcmp(a, "--why") && i + 1 < argc)
			o->build.why = argv[++i];
		else if (!strcmp(a, "--why-size"))
			o->build.why_size = true;
		else if (!strcmp(a, "--allow-missing-icalls"))
			o->build.allow_missing_icalls = true;
		else if (!strcmp(a, "-g"))
			o->build.debug = true;
		else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3])
			o->build.opt = a;
		else if (!strcmp(a, "--csc") && i + 1 < argc)
			o->front.csc = argv[++i];
		else if (!strcmp(a, "--mcs"))
			o->front.mcs = true;
		else if (!strcmp(a, "-r") && i + 1 < argc)
			o->front.refs[o->front.nrefs++] = argv[++i];
		else if (!strncmp(a, "-r:", 3) && a[3])
			o->front.refs[o->front.nrefs++] = a + 3;
		else if (!strcmp(a, "-L") && i + 1 < argc)
			ld_add_dir(ld, argv[++i]);
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
	ld_add_default_dirs(ld);
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
	o.build.opt = "-O2";
	if (!strcmp(cmd, "build")) {
		parse(argc - 2, argv + 2, &ld, &o);
		if (!o.build.output && !o.build.why && !o.build.why_size)
			usage_error("build needs -o OUT");
		if (frontend_is_source(o.files[0]))
			o.build.input = frontend_compile(&o.front, o.files, o.nfiles, arena_printf(&ld.arena,
				"%s/cs", build_cache_dir(o.build.output ? o.build.output : o.files[0])));
		else if (o.front.nrefs)
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
		o.build.input = !frontend_is_source(o.files[0]) ? o.files[0] :
			frontend_compile(&o.front, o.files, 1,
				arena_printf(&ld.arena, "%s/cs", build_cache_dir(o.files[0])));
		o.build.output = arena_printf(&ld.arena, "%s/a.out", build_cache_dir(o.files[0]));
		o.build.keep_c = build_cache_dir(o.files[0]);
		build_program(&ld, &o.build);
		char **args = calloc((size_t)o.nfiles + 1, sizeof *args);
		args[0] = (char *)o.build.output;
		for (int i = 1; i < o.nfiles; i++)
			args[i] = (char *)o.files[i];
		fflush(stdout);
		execv(o.build.output, args);
		fatal("%s: cannot run", o.build.output);
	}
	usage_error("unknown command '%s' (try ilcc --help)", cmd);
}
