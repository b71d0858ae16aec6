/* icall_console: System.ConsoleDriver (the terminal under Mono's
 * TermInfoDriver) and System.Text.EncodingHelper's code page.
 *
 * Mono's ConsoleDriver uses the terminal driver only when stdin and
 * stdout are terminals; otherwise none of this but Isatty is called.
 * TtySetup puts the terminal in the non-canonical mode TermInfoDriver
 * reads keys in, publishes the window size (columns << 16 | rows, -1 when
 * unknown, kept current on SIGWINCH) and restores the terminal at exit.
 *
 * The console's encoding is UTF-8 without a byte-order mark whatever the
 * locale says (DESIGN.md: no culture but the invariant one).
 */
#include "internal.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
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
/* Mono's code page 3 is UTF-8; the 0x10000000 flag says "UTF-8 by name",
 * which makes Console use UTF-8 without a byte-order mark. */
Object *rt_EncodingHelper_InternalCodePage(char *code_page)
{
	*(int32_t *)code_page = 3 | 0x10000000;
	return (Object *)rt_str_from_utf8("utf_8");
}
