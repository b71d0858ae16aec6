/* ilcc driver: parses the command line and calls the stages in order.
 *
 *   ilcc build PROGRAM.exe -o OUT        native executable (build.c)
 *   ilcc run PROGRAM.exe [ARGS...]       build into the cache and run
 *   ilcc dump [--il] [-L DIR] FILE...    metadata and IL as text
 *   ilcc check [-L DIR] FILE...          load every table, signature and body
 */
#include "build.h"
#include "cache.h"
#include "dump.h"
#include "meta/meta.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ilcc build [options] PROGRAM.exe -o OUT\n"
	      "       ilcc run [options] PROGRAM.exe [ARGS...]\n"
	      "       ilcc dump [--il] [-v] [-L DIR] FILE...\n"
	      "       ilcc check [-v] [-L DIR] FILE...\n"
	      "       ilcc --help\n"
	      "build and run options: -O0..-O3 (default -O2), -g, -v, -L DIR,\n"
	      "  --keep-c DIR, --why NAME, --why-size, --allow-missing-icalls; CC picks the C compiler\n"
	      "build a native library of [UnmanagedCallersOnly] exports: --shared (.so) or\n"
	      "  --static-lib (.a), with --header FILE for their C declarations\n"
	      "keep for reflection what reachability cannot see: --rd FILE (rd.xml),\n"
	      "  --descriptor FILE (ILLink descriptor); each may be repeated\n", f);
}

typedef struct Options {
	DumpOptions dump;
	BuildOptions build;
	bool stop_at_first_file;        /* run: what follows the program is its */
	const char **files;
	int nfiles;
} Options;

/* The argument of option argv[*i], which must have one. */
static const char *value(int argc, char **argv, int *i, const char *what)
{
	if (*i + 1 >= argc || !argv[*i + 1][0])
		fatal("option '%s' needs an argument: %s (try ilcc --help)", argv[*i], what);
	return argv[++*i];
}

/* Flags shared by the commands; anything else that starts with '-' is an
 * error. */
static void parse(int argc, char **argv, Loader *ld, Options *o)
{
	o->files = calloc((size_t)argc, sizeof *o->files);
	o->build.rd = calloc((size_t)argc, sizeof *o->build.rd);
	o->build.descriptors = calloc((size_t)argc, sizeof *o->build.descriptors);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--il"))
			o->dump.il = true;
		else if (!strcmp(a, "-v"))
			verbose = true;
		else if (!strcmp(a, "-o"))
			o->build.output = value(argc, argv, &i, "an output file");
		else if (!strcmp(a, "--keep-c"))
			o->build.keep_c = value(argc, argv, &i, "a folder");
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
		else if (!strcmp(a, "--why-size"))
			o->build.why_size = true;
		else if (!strcmp(a, "--allow-missing-icalls"))
			o->build.allow_missing_icalls = true;
		else if (!strcmp(a, "-g"))
			o->build.debug = true;
		else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3])
			o->build.opt = a;
		else if (!strcmp(a, "-L"))
			ld_add_dir(ld, value(argc, argv, &i, "a folder"));
		else if (!strncmp(a, "-L", 2) && a[2])
			ld_add_dir(ld, a + 2);
		else if (a[0] == '-' && a[1])
			fatal("unknown option '%s' (try ilcc --help)", a);
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
		fatal("no input files (try ilcc --help)");
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
		if (o.nfiles != 1)
			fatal("build takes one program (try ilcc --help)");
		o.build.input = o.files[0];
		if (!o.build.output && !o.build.why && !o.build.why_size)
			fatal("build needs -o OUT");
		if (o.build.header && o.build.kind == BUILD_EXE)
			fatal("--header goes with --shared or --static-lib (a library's exports)");
		return build_program(&ld, &o.build);
	}
	if (!strcmp(cmd, "run")) {
		o.stop_at_first_file = true;
		parse(argc - 2, argv + 2, &ld, &o);
		if (o.build.kind != BUILD_EXE || o.build.header)
			fatal("run builds and runs a program: libraries are made with ilcc build --shared or --static-lib");
		o.build.input = o.files[0];
		o.build.keep_c = cache_dir(o.files[0]);
		o.build.output = arena_printf(&ld.arena, "%s/a.out", o.build.keep_c);
		build_program(&ld, &o.build);
		return run_program(o.build.output, o.files + 1, o.nfiles - 1);
	}
	fatal("unknown command '%s' (try ilcc --help)", cmd);
}
