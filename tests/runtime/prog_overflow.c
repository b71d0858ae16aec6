/* Faults: argv[1] picks one; tests/runtime/run checks the status and the
 * message on stderr.
 *   main     unbounded recursion on the main thread: stack overflow
 *   thread   the same on a second thread (its own signal stack)
 *   segv     a wild store: an ilcc bug, reported with its address
 */
#include <pthread.h>

#include "test.h"

static NOINLINE int recurse(int n)
{
	volatile char frame[256];
	frame[n & 255] = (char)n;
	if (n < 0)          /* never: keeps gcc from calling it infinite */
		return 0;
	return recurse(n + 1) + frame[(n + 1) & 255];
}

static void *overflow_thread(void *arg)
{
	rt_thread_attach(false);
	return (void *)(intptr_t)recurse(0);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "main")) {
		printf("%d\n", recurse(0));
	} else if (!strcmp(mode, "thread")) {
		pthread_t th;
		pthread_create(&th, NULL, overflow_thread, NULL);
		pthread_join(th, NULL);
	} else if (!strcmp(mode, "segv")) {
		int *volatile wild = (int *)(uintptr_t)0x10;
		*wild = 1;
	}
	puts("not reached");
	return 0;
}
