/* fuzz_build: libFuzzer harness for the compiler's pipeline up to the C.
 *
 * Requires: libFuzzer (clang -fsanitize=fuzzer); built by tests/fuzz/run
 * with everything in src/ but main.c and build.c (which spawn cc); Mono's
 * class library (mscorlib, as `ilcc build` finds it). Produces: for each
 * input, taken as a program's .exe, what `ilcc build` does before it
 * starts the C compiler: load the program and mscorlib, the type system,
 * reachability from Main with the C of every reached method, and the
 * program's C files (emit_program), written to a private folder.
 *
 * Malformed input must end in fatal() (a clean one-line error), which
 * longjmps back here, or build. Anything else (a crash, a sanitizer
 * report, a hang) is a bug. Each input starts from nothing: the loader,
 * the type system and the program are dropped after it (ld_free, ty_free,
 * reach_free). Leaks are not checked: a fatal() leaves the growable
 * buffers of the step it ended.
 */
#include "../../src/meta/meta.h"
#include "../../src/types/types.h"
#include "../../src/reach.h"
#include "../../src/emit/emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { NFILES = 8 };            /* as src/build.c */

static char dir[64], input[96], out[96];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/ilcc-fuzz-%d", (int)getpid());
	snprintf(input, sizeof input, "%s/in/prog.exe", dir);
	snprintf(out, sizeof out, "%s/c", dir);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "mkdir -p %s/in %s", dir, out);
	if (system(cmd) != 0)
		abort();
	diag_quiet = true;
}

static void write_input(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(input, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
}

/* As build.c's find_corlib, for a program (not mscorlib itself). */
static Image *corlib_of(Loader *ld, Image *img)
{
	for (uint32_t r = 1; r <= md_rows(img, T_AssemblyRef); r++)
		if (!strcmp(md_string(img, md_get(img, T_AssemblyRef, r, AssemblyRef_Name)),
			    "mscorlib"))
			return ld_assembly_ref(ld, img, r);
	fatal("no mscorlib reference");
}

static void pipeline(Loader *ld, Program *p)
{
	Image *img = ld_open(ld, input);
	Image *corlib = corlib_of(ld, img);
	if (!corlib)
		fatal("mscorlib not found");
	ty_init(ld, corlib);
	reach_init(p, ld, img);
	p->allow_missing_icalls = true;
	Token ep = img->entry_point;
	if (TOK_TABLE(ep) != T_MethodDef || !TOK_ROW(ep))
		fatal("no entry point");
	p->entry = ty_method_from_token(img, ep, NULL);
	emit_roots(p);
	reach_method(p, p->entry, NULL, "entry point");
	reach_run(p);
	reach_check_missing(p);
	emit_program(p, out, NFILES);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready)
		setup(), ready = true;
	write_input(data, size);
	Loader ld;
	Program p = {0};
	ld_init(&ld);
	ld_add_default_dirs(&ld);
	jmp_buf jb;
	if (diag_try(&jb) == 0)
		pipeline(&ld, &p);
	diag_end();
	reach_free(&p);
	ty_free();
	ld_free(&ld);
	return 0;
}
