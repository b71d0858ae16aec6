/* icall_console: System.ConsoleDriver (the terminal under Mono's
 * TermInfoDriver) and System.Text.EncodingHelper's code page.
 *
 * Mono's ConsoleDriver uses the terminal driver only when stdin and
 * stdout are terminals; otherwise none of this but Isatty is called.
 * TtySetup puts the terminal in the non-canonical mode TermInfoDriver
 * reads keys in, publishes the window size (columns << 16 | rows, -1 when
 * unknown, kept current on SIGWINCH) and restores the terminal at exit.
 * It also makes SIGINT raise Console.CancelKeyPress when a program
 * subscribes, as Mono's runtime does only then: the signal handler posts
 * a semaphore, and a thread of ours runs the handlers
 * (Console.DoConsoleCancelEvent, which exits with 58 unless one cancels),
 * since managed code cannot run in a signal handler.
 *
 * The console's encoding is UTF-8 without a byte-order mark whatever the
 * locale says (DESIGN.md: no culture but the invariant one).
 */
#include "internal.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <gc/gc.h>      /* pthread_create registers the thread */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* ---- System.ConsoleDriver ---- */
bool rt_ConsoleDriver_Isatty(intptr_t fd) { return isatty((int)fd) == 1; }

bool rt_ConsoleDriver_SetEcho(bool on)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return false;
	t.c_lflag = on ? t.c_lflag | ECHO : t.c_lflag & ~(tcflag_t)ECHO;
	return tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
}

/* 1 when a key can be read within `ms` (-1: wait), 0 when not, -1 on
 * error. */
int32_t rt_ConsoleDriver_InternalKeyAvailable(int32_t ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int r;
	do
		r = poll(&p, 1, ms < 0 ? -1 : ms);
	while (r < 0 && errno == EINTR);
	return r < 0 ? -1 : r > 0;
}

static int32_t window_size = -1;        /* read by TermInfoDriver */
static struct termios saved_tty;
static char *teardown;                  /* written at exit */

static void read_window_size(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row)
		window_size = (int32_t)ws.ws_col << 16 | ws.ws_row;
	else
		window_size = -1;
}

static void on_winch(int sig) { read_window_size(); }

static void restore_tty(void)
{
	if (teardown) {
		ssize_t n = write(STDOUT_FILENO, teardown, strlen(teardown));
		(void)n;
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
}

/* ---- Console.CancelKeyPress ---- */
static sem_t cancel_sem;

static void on_sigint(int sig) { sem_post(&cancel_sem); }

static void *cancel_thread(void *unused)
{
	rt_thread_attach(false);
	for (;;) {
		while (sem_wait(&cancel_sem) != 0)
			;
		rt_known.console_cancel();
		rt_pending = NULL;      /* DoConsoleCancelEvent drops them itself */
	}
	return NULL;
}

static void catch_sigint(void)
{
	if (!rt_known.console_cancel || sem_init(&cancel_sem, 0, 0) != 0)
		return;
	pthread_t tid;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 256 << 10);
	bool ok = pthread_create(&tid, &attr, cancel_thread, NULL) == 0;
	pthread_attr_destroy(&attr);
	if (!ok)
		return;
	struct sigaction sa = { .sa_handler = on_sigint, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

enum { N_CONTROL_CHARS = 17 };          /* VINTR .. VEOL2, Linux order */

bool rt_ConsoleDriver_TtySetup(Object *keypad, Object *end, char *control_chars, char *size)
{
	*(int32_t **)size = &window_size;
	read_window_size();
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return false;
	static bool done;
	if (!done) {
		done = true;
		saved_tty = t;
		teardown = end ? strdup(rt_str_to_utf8((RtString *)end)) : NULL;
		atexit(restore_tty);
		signal(SIGWINCH, on_winch);
		catch_sigint();
	}
	RtArray *cc = rt_gc_alloc_array(rt_known.byte_array, N_CONTROL_CHARS);
	if (!cc)
		return false;
	for (int i = 0; i < N_CONTROL_CHARS && i < NCCS; i++)
		RT_ARRAY_DATA(cc, uint8_t)[i] = t.c_cc[i];
	*(Object **)control_chars = (Object *)cc;
	t.c_lflag &= ~(tcflag_t)ICANON;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
	if (keypad) {
		char *k = rt_str_to_utf8((RtString *)keypad);
		ssize_t n = write(STDOUT_FILENO, k, strlen(k));
		(void)n;
	}
	return true;
}

/* ---- System.Text.EncodingHelper ---- */
/* The locale's character set as Mono's runtime reports it: the code of a
 * known name (1 ASCII, 2 UTF-7, 3 UTF-8, 4 UTF-16LE, 5 UTF-16BE,
 * 6 Latin-1) with 0x10000000 added for UTF-8, which makes Console write
 * UTF-8 without a byte-order mark; otherwise -1 and the name. So under
 * LANG=C the console is ASCII (other characters print as '?'), as Mono's. */
static const struct { int code; const char *name; } charsets[] = {
	{ 1, "ascii" }, { 1, "us_ascii" }, { 1, "us" }, { 1, "ansi_x3.4_1968" },
	{ 1, "ansi_x3.4_1986" }, { 1, "cp367" }, { 1, "csascii" }, { 1, "ibm367" },
	{ 1, "iso_ir_6" }, { 1, "iso646_us" }, { 1, "iso_646.irv:1991" },
	{ 2, "utf_7" }, { 2, "csunicode11utf7" }, { 2, "unicode_1_1_utf_7" },
	{ 2, "unicode_2_0_utf_7" }, { 2, "x_unicode_1_1_utf_7" }, { 2, "x_unicode_2_0_utf_7" },
	{ 3, "utf_8" }, { 3, "unicode_1_1_utf_8" }, { 3, "unicode_2_0_utf_8" },
	{ 3, "x_unicode_1_1_utf_8" }, { 3, "x_unicode_2_0_utf_8" },
	{ 4, "utf_16" }, { 4, "utf_16le" }, { 4, "ucs_2" }, { 4, "unicode" },
	{ 4, "iso_10646_ucs2" },
	{ 5, "unicodefffe" }, { 5, "utf_16be" },
	{ 6, "iso_8859_1" },
};

/* The character set of the LC_CTYPE the environment asks for; the
 * runtime itself stays in the C locale. */
static const char *locale_charset(void)
{
	static char name[64];
	if (!name[0]) {
		const char *cur = setlocale(LC_CTYPE, "");
		snprintf(name, sizeof name, "%s", cur ? nl_langinfo(CODESET) : "ANSI_X3.4-1968");
		setlocale(LC_CTYPE, "C");
	}
	return name;
}

Object *rt_EncodingHelper_InternalCodePage(char *code_page)
{
	const char *cset = locale_charset();
	char norm[64];
	size_t i = 0;
	for (; cset[i] && i < sizeof norm - 1; i++)
		norm[i] = cset[i] == '-' ? '_' : (char)tolower((unsigned char)cset[i]);
	norm[i] = 0;
	int32_t code = -1;
	for (size_t k = 0; k < sizeof charsets / sizeof *charsets; k++)
		if (!strcmp(norm, charsets[k].name)) {
			code = charsets[k].code;
			break;
		}
	if (strstr(norm, "utf_8"))
		code |= 0x10000000;
	*(int32_t *)code_page = code;
	return code == -1 ? (Object *)rt_str_from_utf8(cset) : NULL;
}
