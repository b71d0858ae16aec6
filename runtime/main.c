/* main.c: the executable's entry point, alone in its file so that programs
 * with their own main (the runtime's unit tests) do not pull it in.
 *
 * Requires: rt_known.main from generated code: it calls the managed Main
 * and returns the exit code (Main's int result, or rt_exit_code, which
 * Environment.ExitCode sets, when Main returns void).
 * Provides: start the runtime, run Main, report an exception that escaped
 * it (status 1, as mono), otherwise wait for foreground threads and exit
 * with Environment.ExitCode, which Main's int result sets first and the
 * threads still running may change (as in Mono: main-returns).
 */
#include "internal.h"

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	RtArray *args = rt_proc_args();
	if (rt_pending)
		rt_exc_unhandled();
	int32_t code = rt_known.main(args);
	if (rt_pending)
		rt_exc_unhandled();
	rt_exit_code = code;
	rt_thread_wait_foreground();
	rt_process_exit_event();
	rt_exit(rt_exit_code);
}
