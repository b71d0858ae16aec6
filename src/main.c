/* ilcc driver: parses the command line and calls the stages in order.
 *
 *   ilcc dump [--il] [-L DIR] FILE...    metadata and IL as text
 *   ilcc check [-L DIR] FILE...          load every table, signature and body
 */
#include "dump.h"
#include "meta/meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ilcc dump [--il] [-v] [-L DIR] FILE...\n"
	      "       ilcc check [-v] [-L DIR] FILE...\n"
	      "       ilcc --help\n", f);
}

typedef struct Options {
	DumpOptions dump;
	const char **files;
	int nfiles;
} Options;

/* Flags shared by the commands; anything else that starts with '-' is an
 * error. */
static void parse(int argc, char **argv, Loader *ld, Options *o)
{
	o->files = calloc((size_t)argc, sizeof *o->files);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--il"))
			o->dump.il = true;
		else if (!strcmp(a, "-v"))
			verbose = true;
		else if (!strcmp(a, "-L") && i + 1 < argc)
			ld_add_dir(ld, argv[++i]);
		else if (!strncmp(a, "-L", 2) && a[2])
			ld_add_dir(ld, a + 2);
		else if (a[0] == '-' && a[1])
			fatal("unknown option '%s' (try ilcc --help)", a);
		else
			o->files[o->nfiles++] = a;
	}
	if (o->nfiles == 0)
		fatal("no input files (try ilcc --help)");
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
	fatal("unknown command '%s' (try ilcc --help)", cmd);
}
