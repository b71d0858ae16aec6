/* sig.c: stack overflow and stray faults (rt_sig_).
 *
 * Requires: rt_sig_init after the collector is initialised (Boehm probes
 * memory with its own temporary SIGSEGV handler while it starts), and
 * rt_sig_thread_init on every thread, which gives the thread an alternate
 * signal stack: a thread that overflowed its stack has none left to run a
 * handler on.
 * Provides: on SIGSEGV/SIGBUS, a fault near the stack pointer or the stack's
 * limit is a stack overflow: it prints Mono's report of an unhandled
 * StackOverflowException (without the frames) and exits 1, as Mono does;
 * it cannot be caught. Any other fault is an ilcc bug (generated code never
 * relies on hardware faults), reported with its address, then abort().
 * SIGPIPE is ignored, as Mono does: writing to a closed pipe fails with
 * EPIPE, which the I/O calls turn into an IOException.
 * Only async-signal-safe calls here: write, _exit, sigaction, abort.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "internal.h"

#define ALTSTACK_SIZE (64 * 1024)
#define NEAR_SP (64 * 1024)         /* a frame's reach below the SP */
#define GUARD_GAP (1024 * 1024)     /* Linux keeps this below a stack */

/* Mono's words for an unhandled stack overflow; stdout is not flushed (not
 * async-signal-safe), but Console's writer flushes at every write. */
#define OVERFLOW_REPORT "\nUnhandled Exception:\nStackOverflowException\n" \
	"[ERROR] FATAL UNHANDLED EXCEPTION: System.StackOverflowException: " \
	"The requested operation caused a stack overflow.\n"

static void write_str(const char *s)
{
	ssize_t r = write(2, s, strlen(s));
	(void)r;
}

static void write_hex(uintptr_t v)
{
	char buf[2 + 16 + 1], *p = buf + sizeof buf;
	*--p = 0;
	do {
		*--p = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	*--p = 'x';
	*--p = '0';
	write_str(p);
}

static uintptr_t fault_sp(void *uctx)
{
	ucontext_t *uc = uctx;
#if defined(__x86_64__)
	return (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
	return (uintptr_t)uc->uc_mcontext.sp;
#else
	(void)uc;
	return 0;
#endif
}

static bool is_overflow(uintptr_t addr, uintptr_t sp, const RtThread *th)
{
	/* Memory above the SP is mapped stack, so a fault just around it can
	 * only be the guard below the stack. */
	if (sp && addr + NEAR_SP >= sp && addr <= sp + GUARD_GAP)
		return true;
	return th && th->stack_lo && addr + GUARD_GAP >= th->stack_lo &&
	       addr < th->stack_lo + NEAR_SP;
}

static __attribute__((noreturn)) void on_fault(int sig, siginfo_t *info,
						 void *uctx)
{
	uintptr_t addr = (uintptr_t)info->si_addr;
	if (is_overflow(addr, fault_sp(uctx), rt_thread_cur)) {
		write_str(OVERFLOW_REPORT);
		_exit(1);
	}
	write_str(sig == SIGBUS ? "Bus error" : "Segmentation fault");
	write_str(" in generated code (an ilcc bug), address ");
	write_hex(addr);
	write_str("\n");
	signal(SIGABRT, SIG_DFL);
	abort();
}

void rt_sig_init(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void rt_sig_thread_init(RtThread *th)
{
	void *p = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	stack_t ss = { .ss_sp = p, .ss_size = ALTSTACK_SIZE, .ss_flags = 0 };
	if (sigaltstack(&ss, NULL) != 0) {
		munmap(p, ALTSTACK_SIZE);
		return;
	}
	th->altstack = p;
	th->altstack_size = ALTSTACK_SIZE;
}

void rt_sig_thread_done(RtThread *th)
{
	if (!th->altstack)
		return;
	stack_t ss = { .ss_flags = SS_DISABLE };
	sigaltstack(&ss, NULL);
	munmap(th->altstack, th->altstack_size);
	th->altstack = NULL;
}
