/* proc.c: process start and exit (rt_proc_, rt_exit).
 *
 * Requires: rt_proc_start called first thing from the main thread.
 * Provides: the order of startup (collector, then the main thread's record
 * with its signal stack, then the fault handlers, which must come after
 * the collector's own probing), Main's string[] of arguments, and rt_exit.
 * main() itself is in main.c, alone, so unit tests can link this library
 * with a main of their own.
 */
#include <stdio.h>
#include <stdlib.h>


#include "internal.h"

int rt_argc;
char **rt_argv;
int32_t rt_exit_code;
bool rt_proc_started;
bool rt_lib_mode;            /* lib.c sets it; here so that thread.c does not pull lib.c in */

void rt_proc_start(int argc, char **argv)
{
	rt_argc = argc;
	rt_argv = argv;
	rt_gc_init();        /* roots: from .data on (gc.c) */
	rt_thread_attach(true);
	rt_sig_init();
	rt_proc_started = true;
}

RtArray *rt_proc_args(void)
{
	int n = rt_argc > 1 ? rt_argc - 1 : 0;
	RtArray *args = rt_gc_alloc_array(rt_known.string_array, n);
	if (!args)
		return NULL;
	for (int i = 0; i < n; i++) {
		RtString *s = rt_str_from_utf8(rt_argv[i + 1]);
		if (!s)
			return NULL;
		RT_WRITE_REF(&RT_ARRAY_DATA(args, RtString *)[i], s);
	}
	return args;
}

void rt_process_exit_event(void)
{
	static int raised;
	if (!rt_known.process_exit || __atomic_exchange_n(&raised, 1, __ATOMIC_ACQ_REL))
		return;
	rt_known.process_exit();
	rt_pending = NULL;      /* Mono drops what a handler throws */
}

void rt_exit(int32_t code)
{
	fflush(stdout);
	fflush(stderr);
	exit(code);
}
