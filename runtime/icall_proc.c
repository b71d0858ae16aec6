/* icall_proc.c: child processes and process information (System.Diagnostics.Process).
 *
 * Requires: wait.c's handles; rt_known's offsets into ProcessStartInfo
 * and Process.ProcInfo (cgen.c writes them in programs that start
 * processes).
 * Provides: what Mono's Process stands on under Linux. A process handle
 * is a manual-reset wait handle (so WaitHandle.WaitOne, and through it
 * Process.WaitForExit, wait for it as for any event) with a record of its
 * own here: the pid, the exit code and whether it is our child.
 *
 * Starting (CreateProcess_internal, ShellExecuteEx_internal) is Mono's:
 * the file name is completed by $PATH unless absolute, the arguments are
 * split as Mono's runtime splits them (shell_split), and the child gets the
 * three descriptors given (a pipe end or our own 0, 1, 2), closes the
 * others, moves to the working folder and execs; a child that cannot
 * exec exits with 255. Everything the child needs is built before fork,
 * so the child only calls async-signal-safe functions.
 *
 * Reaping: one small detached thread per child blocks in waitpid on that
 * pid alone, then records the exit code (128 + the signal for a child
 * killed by one, as Mono) and sets the handle. Waiting on the pid alone
 * leaves every other child of the program to whoever made it, and needs
 * no SIGCHLD handler (SIGCHLD stays at its default, so waitpid works).
 * A record goes once its process was reaped and its handle closed: the
 * handle is held (rt_wait_hold) until then, so its address cannot be
 * reused by another handle while the record names it.
 * Processes that are not our children (GetProcessById, the current one)
 * get a record that is never signalled: Linux lets only a parent wait.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gc/gc.h>      /* pthread_create registers the thread */

#include "internal.h"

#define countof(a) (sizeof(a) / sizeof((a)[0]))

extern char **environ;

enum {
	STILL_ACTIVE = 259,
	ERROR_FILE_NOT_FOUND = 2,
	ERROR_ACCESS_DENIED = 5,
	ERROR_INVALID_HANDLE = 6,
	ERROR_OUTOFMEMORY = 14,
	ERROR_INVALID_PARAMETER = 87,
	ERROR_PROC_NOT_FOUND = 127,
};

typedef struct Proc {
	struct Proc *next;
	RtWaitable *h;
	pid_t pid;
	int32_t code;
	bool child, reaped;
	char *name;                 /* base name of what was started (children) */
} Proc;

static pthread_mutex_t procs_lock = PTHREAD_MUTEX_INITIALIZER;
static Proc *procs;

/* ---- the records ---- */

/* Under procs_lock: drops the records whose process is gone and whose
 * handle was closed. */
static void sweep(void)
{
	for (Proc **pp = &procs; *pp;) {
		Proc *p = *pp;
		if ((p->reaped || !p->child) && rt_wait_is_closed(p->h)) {
			*pp = p->next;
			rt_wait_unhold(p->h);
			free(p->name);
			free(p);
		} else {
			pp = &p->next;
		}
	}
}

static Proc *new_proc(pid_t pid, bool child, const char *name)
{
	Proc *p = calloc(1, sizeof *p);
	RtWaitable *h = p ? rt_wait_new_event(true, false) : NULL;
	if (!h) {
		free(p);
		return NULL;
	}
	rt_wait_hold(h);
	p->h = h;
	p->pid = pid;
	p->child = child;
	p->name = name ? strdup(name) : NULL;
	pthread_mutex_lock(&procs_lock);
	sweep();
	p->next = procs;
	procs = p;
	pthread_mutex_unlock(&procs_lock);
	return p;
}

/* The record of handle h (NULL: not a process handle); the record stays
 * while h is open, and h is open while managed code uses it. */
static Proc *find(intptr_t h)
{
	pthread_mutex_lock(&procs_lock);
	Proc *p = procs;
	while (p && (intptr_t)p->h != h)
		p = p->next;
	pthread_mutex_unlock(&procs_lock);
	return p;
}

bool rt_proc_is_handle(intptr_t h) { return h > 4096 && find(h) != NULL; }

static void *reaper(void *arg)
{
	Proc *p = arg;
	int st = 0;
	pid_t r;
	do
		r = waitpid(p->pid, &st, 0);
	while (r < 0 && errno == EINTR);
	int32_t code = r < 0 ? 255 : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
	pthread_mutex_lock(&procs_lock);
	p->code = code;
	p->reaped = true;
	pthread_mutex_unlock(&procs_lock);
	rt_wait_set(p->h);
	return NULL;
}

static bool start_reaper(Proc *p)
{
	pthread_attr_t attr;
	pthread_t tid;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	bool ok = pthread_create(&tid, &attr, reaper, p) == 0;
	pthread_attr_destroy(&attr);
	return ok;
}

/* ---- the command line ---- */

typedef struct Argv {
	char **v;
	int n, cap;
} Argv;

static void argv_push(Argv *a, char *s)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		a->v = realloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

static void argv_free(Argv *a)
{
	for (int i = 0; a->v && a->v[i]; i++)
		free(a->v[i]);
	free(a->v);
}

static bool is_blank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Splits s into words as Mono's runtime does (its own g_shell_parse_argv,
 * simpler than a shell's): blanks separate words; outside quotes a
 * backslash takes the next character as it is, except that an escaped
 * blank vanishes; '...' takes everything up to the next ' as it is;
 * inside "...", a backslash escapes only $ ` " and backslash (before any
 * other character it stays). A closing quote ends the word when the quote
 * began it and a blank or the end follows (so "" is an empty word); else
 * the word goes on (a"b"c is abc). False for an unfinished quote or
 * escape. */
static bool shell_split(const char *s, Argv *a)
{
	char *w = malloc(strlen(s) + 1), quote = 0;
	size_t n = 0;
	bool escaped = false, fresh = true;
	for (; *s; s++) {
		if (escaped) {
			escaped = false;
			if (quote == '"' && !strchr("$`\"\\", *s))
				w[n++] = '\\';
			if (quote || !is_blank(*s))
				w[n++] = *s;
		} else if (quote) {
			if (*s == '\\' && quote == '"') {
				escaped = true;
			} else if (*s != quote) {
				w[n++] = *s;
			} else {
				quote = 0;
				if (fresh && (!s[1] || is_blank(s[1]))) {
					w[n] = 0;
					argv_push(a, strdup(w));
					n = 0;
				}
			}
		} else if (is_blank(*s)) {
			if (n) {
				w[n] = 0;
				argv_push(a, strdup(w));
				n = 0;
			}
		} else if (*s == '\\') {
			escaped = true;
		} else if (*s == '\'' || *s == '"') {
			fresh = n == 0;
			quote = *s;
		} else {
			w[n++] = *s;
		}
	}
	if (n && !quote && !escaped) {
		w[n] = 0;
		argv_push(a, strdup(w));
	}
	free(w);
	return !quote && !escaped;
}

static bool is_program(const char *path)
{
	struct stat st;
	return access(path, X_OK) == 0 && stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* name itself when absolute or an executable relative to the current
 * folder, else the first match along $PATH; NULL if none (malloc'd). */
static char *complete_path(const char *name)
{
	if (name[0] == '/' || is_program(name))
		return strdup(name);
	const char *path = getenv("PATH");
	if (!path || strchr(name, '/'))
		return NULL;
	size_t nl = strlen(name);
	for (const char *d = path; *d;) {
		size_t dl = strcspn(d, ":");
		char *full = malloc(dl + nl + 3);
		sprintf(full, "%.*s/%s", (int)(dl ? dl : 1), dl ? d : ".", name);
		if (is_program(full))
			return full;
		free(full);
		d += dl + (d[dl] == ':');
	}
	return NULL;
}

/* ---- fork and exec ---- */

typedef struct Spawn {
	Argv argv;                  /* argv[0]: the program's full path */
	char **env;                 /* NULL: ours */
	char *dir;                  /* NULL: ours */
	int fd[3];
} Spawn;

static void close_from(int lo)
{
#ifdef SYS_close_range
	if (syscall(SYS_close_range, lo, ~0U, 0) == 0)
		return;
#endif
	long max = sysconf(_SC_OPEN_MAX);
	for (long i = lo; i < (max > 0 && max < 65536 ? max : 65536); i++)
		close((int)i);
}

/* In the child: async-signal-safe calls only. */
static _Noreturn void child(const Spawn *s)
{
	sigset_t none;
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	for (int i = 0; i < 3; i++)
		if (dup2(s->fd[i], i) < 0 && s->fd[i] != i)
			_exit(255);
	close_from(3);
	if (s->dir && chdir(s->dir) != 0)
		_exit(255);
	execve(s->argv.v[0], s->argv.v, s->env ? s->env : environ);
	_exit(255);
}

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* Starts s; fills the ProcInfo at info (handle, pid; -error on failure). */
static bool spawn(Spawn *s, char *info)
{
	intptr_t *handle = (intptr_t *)(info + rt_known.pi_handle_off);
	int32_t *pid_out = (int32_t *)(info + rt_known.pi_pid_off);
	if (!is_program(s->argv.v[0])) {
		*pid_out = -ERROR_FILE_NOT_FOUND;
		return false;
	}
	Proc *p = new_proc(0, true, base_name(s->argv.v[0]));
	if (!p) {
		*pid_out = -ERROR_OUTOFMEMORY;
		return false;
	}
	pid_t pid = fork();
	if (pid == 0)
		child(s);
	if (pid < 0) {
		p->reaped = true;
		rt_wait_close(p->h);
		*pid_out = -ERROR_OUTOFMEMORY;
		return false;
	}
	p->pid = pid;
	if (!start_reaper(p))
		rt_fatal("cannot start the thread that waits for process %d", (int)pid);
	*handle = (intptr_t)p->h;
	*pid_out = pid;
	return true;
}

static char *field_utf8(Object *o, uint32_t off)
{
	RtString *s = *(RtString **)((char *)o + off);
	return s && s->length ? strdup(rt_str_to_utf8(s)) : NULL;
}

/* The environment a ProcInfo gives (NULL: inherit ours). */
static char **env_of(const char *info)
{
	RtArray *a = *(RtArray **)(info + rt_known.pi_env_off);
	if (!a)
		return NULL;
	char **env = calloc(a->length + 1, sizeof *env);
	for (uintptr_t i = 0; i < a->length; i++) {
		RtString *s = RT_ARRAY_DATA(a, RtString *)[i];
		env[i] = strdup(s ? rt_str_to_utf8(s) : "");
	}
	return env;
}

static void spawn_free(Spawn *s)
{
	argv_free(&s->argv);
	for (int i = 0; s->env && s->env[i]; i++)
		free(s->env[i]);
	free(s->env);
	free(s->dir);
}

/* program: the full path; args: the rest of the command line. */
static bool start(Spawn *s, char *program, const char *args, Object *psi, char *info)
{
	argv_push(&s->argv, program);
	if (args && !shell_split(args, &s->argv)) {
		spawn_free(s);
		*(int32_t *)(info + rt_known.pi_pid_off) = -ERROR_FILE_NOT_FOUND;
		return false;
	}
	s->dir = field_utf8(psi, rt_known.psi_dir_off);
	s->env = env_of(info);
	bool ok = spawn(s, info);
	spawn_free(s);
	return ok;
}

bool rt_Process_CreateProcess_internal(Object *psi, intptr_t in, intptr_t out, intptr_t err,
				       char *info)
{
	char *file = field_utf8(psi, rt_known.psi_file_off);
	char *program = file ? complete_path(file) : NULL;
	free(file);
	if (!program) {
		*(int32_t *)(info + rt_known.pi_pid_off) = -ERROR_FILE_NOT_FOUND;
		return false;
	}
	Spawn s = { .fd = { (int)in, (int)out, (int)err } };
	char *args = field_utf8(psi, rt_known.psi_args_off);
	bool ok = start(&s, program, args, psi, info);
	free(args);
	return ok;
}

/* UseShellExecute: the file name and arguments as one command line, with
 * our own standard streams; no desktop handler (xdg-open) is tried. */
bool rt_Process_ShellExecuteEx_internal(Object *psi, char *info)
{
	char *file = field_utf8(psi, rt_known.psi_file_off);
	if (!file)
		return true;        /* as Mono: nothing to start is success */
	char *program = complete_path(file);
	free(file);
	if (!program) {
		*(int32_t *)(info + rt_known.pi_pid_off) = -ERROR_FILE_NOT_FOUND;
		return false;
	}
	Spawn s = { .fd = { 0, 1, 2 } };
	char *args = field_utf8(psi, rt_known.psi_args_off);
	bool ok = start(&s, program, args, psi, info);
	free(args);
	return ok;
}

/* ---- handles ---- */

intptr_t rt_NativeMethods_GetCurrentProcess(void)
{
	static Proc *self;
	if (!self)
		self = new_proc(getpid(), false, NULL);
	return self ? (intptr_t)self->h : 0;
}

int32_t rt_NativeMethods_GetCurrentProcessId(void) { return getpid(); }

static bool alive(pid_t pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

/* The ids of every process /proc lists (as Mono's runtime reads them),
 * or NULL with an exception pending. */
RtArray *rt_Process_GetProcesses_internal(void)
{
	DIR *d = opendir("/proc");
	int32_t *ids = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0 || end == e->d_name)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			int32_t *grown = realloc(ids, cap * sizeof *ids);
			if (!grown)
				break;
			ids = grown;
		}
		ids[n++] = (int32_t)pid;
	}
	if (d)
		closedir(d);
	RtArray *a = rt_gc_alloc_array(rt_known.int_array, (intptr_t)n);
	if (a && n)
		memcpy(&RT_ARRAY_DATA(a, int32_t)[0], ids, n * sizeof *ids);
	free(ids);
	return a;
}

intptr_t rt_Process_GetProcess_internal(int32_t pid)
{
	if (!alive(pid))
		return 0;
	Proc *p = new_proc(pid, false, NULL);
	return p ? (intptr_t)p->h : 0;
}

bool rt_NativeMethods_GetExitCodeProcess(intptr_t h, char *code)
{
	Proc *p = find(h);
	if (!p) {
		rt_set_last_error(ERROR_INVALID_HANDLE);
		return false;
	}
	pthread_mutex_lock(&procs_lock);
	*(int32_t *)code = p->reaped ? p->code : STILL_ACTIVE;
	pthread_mutex_unlock(&procs_lock);
	return true;
}

bool rt_NativeMethods_TerminateProcess(intptr_t h, int32_t code)
{
	Proc *p = find(h);
	if (!p) {
		rt_set_last_error(ERROR_INVALID_HANDLE);
		return false;
	}
	if (kill(p->pid, code == -1 ? SIGKILL : SIGTERM) == 0)
		return true;
	rt_set_last_error(errno == EPERM ? ERROR_ACCESS_DENIED
			  : errno == ESRCH ? ERROR_PROC_NOT_FOUND : ERROR_INVALID_PARAMETER);
	return false;
}

bool rt_NativeMethods_CloseProcess(intptr_t h)
{
	if (!find(h))
		return false;
	rt_wait_close((RtWaitable *)h);
	return true;
}

int32_t rt_NativeMethods_GetPriorityClass(intptr_t h)
{
	return 0x20;        /* NORMAL_PRIORITY_CLASS: priorities are not kept */
}

/* ---- /proc ---- */

/* The first line of /proc/PID/WHAT (or its whole text up to n-1 bytes). */
static bool read_proc(int32_t pid, const char *what, char *buf, size_t n)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, what);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t got = fread(buf, 1, n - 1, f);
	fclose(f);
	buf[got] = 0;
	return true;
}

/* The name of process pid: the base name of its program, as Mono gives
 * it (from the command line, else the kernel's short name). */
static char *name_of(int32_t pid, char *buf, size_t n)
{
	if (read_proc(pid, "cmdline", buf, n) && buf[0]) {
		char *b = (char *)base_name(buf);
		return b;
	}
	if (!read_proc(pid, "comm", buf, n))
		return NULL;
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

RtString *rt_Process_ProcessName_icall(intptr_t h)
{
	Proc *p = find(h);
	if (p && p->name)
		return rt_str_from_utf8(p->name);
	char buf[4096];
	char *name = name_of(p ? p->pid : getpid(), buf, sizeof buf);
	return name ? rt_str_from_utf8(name) : NULL;
}

/* A "Key:   N kB" line of /proc/PID/status, in bytes (-1: none). */
static int64_t status_kb(int32_t pid, const char *key)
{
	char buf[8192];
	if (!read_proc(pid, "status", buf, sizeof buf))
		return -1;
	size_t kl = strlen(key);
	for (char *l = buf; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL)
		if (!strncmp(l, key, kl) && l[kl] == ':')
			return strtoll(l + kl + 1, NULL, 10) * 1024;
	return -1;
}

/* Field k (1-based, as proc(5) numbers them) of /proc/PID/stat. */
static int64_t stat_field(int32_t pid, int k)
{
	char buf[1024];
	if (!read_proc(pid, "stat", buf, sizeof buf))
		return -1;
	char *s = strrchr(buf, ')');   /* the name may hold spaces */
	if (!s)
		return -1;
	s += 2;                         /* field 3 */
	for (int i = 3; i < k && s; i++) {
		s = strchr(s, ' ');
		s = s ? s + 1 : NULL;
	}
	return s ? strtoll(s, NULL, 10) : -1;
}

static int64_t ticks_100ns(int64_t clock_ticks)
{
	return clock_ticks < 0 ? 0 : clock_ticks * 10000000 / sysconf(_SC_CLK_TCK);
}

/* Mono's process data kinds (MonoProcessData), one line each. */
int64_t rt_Process_GetProcessData(int32_t pid, int32_t kind, char *error)
{
	static const char *const status_keys[] = {
		[4] = "VmRSS", [5] = "VmHWM", [6] = "VmData", [7] = "VmSize",
		[8] = "VmPeak", [12] = "VmSwap",
	};
	*(int32_t *)error = 0;
	int64_t v = -1;
	if (kind >= 0 && kind < (int32_t)countof(status_keys) && status_keys[kind])
		v = status_kb(pid, status_keys[kind]);
	else if (kind == 0)
		v = stat_field(pid, 20);                /* threads */
	else if (kind == 1 || kind == 2)
		v = ticks_100ns(stat_field(pid, kind == 1 ? 14 : 15));
	else if (kind == 3)
		v = ticks_100ns(stat_field(pid, 14) + stat_field(pid, 15));
	else if (kind == 9)
		v = stat_field(pid, 10) + stat_field(pid, 12);   /* faults */
	else if (kind == 11)
		v = stat_field(pid, 4);                 /* parent */
	if (v < 0) {
		*(int32_t *)error = alive(pid) ? 0 : 1;
		return 0;
	}
	return v;
}

/* PerformanceCounter: no counter has data (Mono keeps them in shared
 * memory). A counter of one of Mono's writable predefined categories is
 * writable, as there (its setter of RawValue would throw otherwise:
 * System.Web's HttpRuntime sets "ASP.NET" "Requests Queued"); the rest
 * are read-only system counters or unknown. */
intptr_t rt_PerformanceCounter_GetImpl_icall(intptr_t category, int32_t category_len,
					     intptr_t counter, int32_t counter_len,
					     intptr_t instance, int32_t instance_len,
					     char *type, char *custom)
{
	static const char *const writable[] = {
		"ASP.NET", ".NET CLR JIT", ".NET CLR Exceptions", ".NET CLR Memory",
		".NET CLR Remoting", ".NET CLR Loading", ".NET CLR LocksAndThreads",
		".NET CLR Interop", ".NET CLR Security", "Mono Threadpool",
	};
	(void)counter; (void)counter_len; (void)instance; (void)instance_len; (void)type;
	char *name = rt_str_utf16_to_utf8((const uint16_t *)category, category_len);
	for (size_t i = 0; name && i < countof(writable); i++)
		if (!strcmp(name, writable[i]))
			*(bool *)custom = true;
	return 0;
}
