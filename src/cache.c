/* cache: see cache.h. */
#include "cache.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static Arena cache_arena;

/* ---- cleanup at exit ---- */
enum { MAX_CLEAN = 64 };
static const char *clean_files[MAX_CLEAN];
static pid_t clean_pids[MAX_CLEAN];
static const char *private_dir;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void cleanup_now(void)
{
	for (int i = 0; i < MAX_CLEAN; i++)
		if (clean_pids[i] > 0) {
			kill(clean_pids[i], SIGTERM);
			waitpid(clean_pids[i], NULL, 0);
			clean_pids[i] = 0;
		}
	for (int i = 0; i < MAX_CLEAN; i++)
		if (clean_files[i]) {
			unlink(clean_files[i]);
			clean_files[i] = NULL;
		}
	if (private_dir) {
		nftw(private_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		private_dir = NULL;
	}
}

void cleanup_run(void)
{
	cleanup_now();
}

static void on_signal(int sig)
{
	cleanup_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void cleanup_init(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	atexit(cleanup_now);
	int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (unsigned i = 0; i < countof(sigs); i++) {
		struct sigaction sa = { .sa_handler = on_signal };
		struct sigaction old;
		sigaction(sigs[i], NULL, &old);
		if (old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

void cleanup_file(const char *path)
{
	cleanup_init();
	for (int i = 0; i < MAX_CLEAN; i++)
		if (!clean_files[i]) {
			clean_files[i] = arena_strdup(&cache_arena, path);
			return;
		}
}

void cleanup_keep(const char *path)
{
	for (int i = 0; i < MAX_CLEAN; i++)
		if (clean_files[i] && !strcmp(clean_files[i], path))
			clean_files[i] = NULL;
}

void cleanup_child(pid_t pid)
{
	cleanup_init();
	for (int i = 0; i < MAX_CLEAN; i++)
		if (clean_pids[i] <= 0) {
			clean_pids[i] = pid;
			return;
		}
}

void cleanup_child_done(pid_t pid)
{
	for (int i = 0; i < MAX_CLEAN; i++)
		if (clean_pids[i] == pid)
			clean_pids[i] = 0;
}

/* ---- folders ---- */
void make_dirs(const char *path, mode_t mode)
{
	if (strlen(path) >= PATH_MAX)
		fatal_env("%.80s...: folder name too long (%s)", path, strerror(ENAMETOOLONG));
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *s = buf + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = 0;
		struct stat st;
		if (stat(buf, &st) != 0) {
			if (errno != ENOENT || (mkdir(buf, mode) != 0 && errno != EEXIST))
				fatal_env("%s: cannot create folder %s: %s", path, buf, strerror(errno));
		} else if (!S_ISDIR(st.st_mode))
			fatal_env("%s: cannot create folder: %s is not a folder", path, buf);
		*s = c;
		if (!c)
			return;
	}
}

/* A cache folder must be ours alone: a folder, not a link, owned by us,
 * writable by nobody else. */
static void check_private(const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) != 0)
		fatal_env("%s: cannot use the cache folder: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		fatal_env("%s: the cache folder is not a folder (a link or file put there?); "
		      "refusing to use it: remove it", dir);
	if (st.st_uid != geteuid())
		fatal_env("%s: the cache folder belongs to user %u, not to you (%u); refusing to use it: "
		      "remove it or set XDG_CACHE_HOME", dir, (unsigned)st.st_uid, (unsigned)geteuid());
	if (st.st_mode & 022)
		fatal_env("%s: the cache folder is writable by other users (mode %03o); refusing to use it: "
		      "remove it", dir, (unsigned)(st.st_mode & 0777));
	if ((st.st_mode & 077) && chmod(dir, 0700) != 0)
		fatal_env("%s: cannot make the cache folder private: %s", dir, strerror(errno));
}

static void private_folder(const char *dir)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		fatal_env("%s: cannot create the cache folder: %s", dir, strerror(errno));
	check_private(dir);
}

/* The user's home from the passwd entry; NULL if it has none that exists. */
static const char *passwd_home(void)
{
	struct passwd *pw = getpwuid(geteuid());
	struct stat st;
	if (!pw || !pw->pw_dir || pw->pw_dir[0] != '/' || stat(pw->pw_dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode) || st.st_uid != geteuid())
		return NULL;
	return pw->pw_dir;
}

/* The cache's root, created; NULL when only a private folder will do. */
static const char *cache_root(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	const char *base;
	char cwd[PATH_MAX];
	if (xdg && xdg[0] == '/')
		base = xdg;
	else if (xdg && xdg[0] && getcwd(cwd, sizeof cwd))
		/* relative: the folder the user named, from here (the XDG rules
		 * say to ignore it, which silently used ~/.cache instead) */
		base = path_join(&cache_arena, cwd, xdg);
	else if (home && home[0] == '/')
		base = path_join(&cache_arena, home, ".cache");
	else if ((home = passwd_home()))
		base = path_join(&cache_arena, home, ".cache");
	else
		return NULL;
	make_dirs(base, 0700);
	const char *root = path_join(&cache_arena, base, "ilcc");
	private_folder(root);
	return root;
}

static const char *private_cache(void)
{
	if (private_dir)
		return private_dir;
	const char *tmp = getenv("TMPDIR");
	char *t = arena_printf(&cache_arena, "%s/ilcc-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	if (!mkdtemp(t))
		fatal_env("%s: cannot create a private build folder: %s", t, strerror(errno));
	cleanup_init();
	private_dir = t;
	return t;
}

bool cache_is_private(void)
{
	return private_dir != NULL;
}

const char *cache_dir(const char *key)
{
	/* the absolute path of key, which need not exist yet: its folder's
	 * real path and its name */
	const char *slash = strrchr(key, '/');
	const char *dir = slash == key ? "/" : slash ?
		arena_printf(&cache_arena, "%.*s", (int)(slash - key), key) : ".";
	char real[PATH_MAX];
	const char *abs = realpath(dir, real) ?
		arena_printf(&cache_arena, "%s/%s", real, slash ? slash + 1 : key) : key;
	uint64_t h = 1469598103934665603ull;
	for (const char *s = abs; *s; s++)
		h = (h ^ (uint8_t)*s) * 1099511628211ull;
	const char *root = cache_root();
	if (!root)
		root = private_cache();
	char name[32];
	snprintf(name, sizeof name, "%016llx", (unsigned long long)h);
	const char *d = path_join(&cache_arena, root, name);
	private_folder(d);
	return d;
}

/* ---- lock ---- */
static int lock_fd = -1;

void cache_lock(const char *dir)
{
	const char *path = path_join(&cache_arena, dir, "lock");
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		fatal_env("%s: cannot open the build lock: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		note("waiting for another build using %s", dir);
		while (flock(fd, LOCK_EX) != 0)
			if (errno != EINTR)
				fatal_env("%s: cannot lock: %s", path, strerror(errno));
	}
	lock_fd = fd;
}

void cache_unlock(void)
{
	if (lock_fd >= 0)
		close(lock_fd);
	lock_fd = -1;
}

/* ---- hashes ---- */
void hash_bytes(const void *data, size_t len, Hash out)
{
	uint8_t d[20];
	sha1(data, len, d);
	for (int i = 0; i < 20; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

bool hash_file(const char *path, Hash out)
{
	MappedFile f;
	if (!map_file(path, &f))
		return false;
	hash_bytes(f.data, f.size, out);
	unmap_file(&f);
	return true;
}

/* ---- manifest ---- */
enum { MAX_ENTRIES = 64 };
static struct { const char *name, *value; } entries[MAX_ENTRIES];
static unsigned nentries;
static const char *manifest_path;

void manifest_load(const char *dir)
{
	manifest_path = path_join(&cache_arena, dir, "manifest");
	nentries = 0;
	struct stat st;
	MappedFile f;
	if (lstat(manifest_path, &st) != 0 || !S_ISREG(st.st_mode) || !map_file(manifest_path, &f))
		return;
	const char *s = (const char *)f.data, *end = s + f.size;
	while (s < end && nentries < MAX_ENTRIES) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			break;                  /* a cut last line: ignore it */
		const char *sp = memchr(s, ' ', (size_t)(nl - s));
		if (sp) {
			entries[nentries].name = arena_printf(&cache_arena, "%.*s", (int)(sp - s), s);
			entries[nentries++].value = arena_printf(&cache_arena, "%.*s", (int)(nl - sp - 1), sp + 1);
		}
		s = nl + 1;
	}
	unmap_file(&f);
}

const char *manifest_get(const char *name)
{
	for (unsigned i = 0; i < nentries; i++)
		if (!strcmp(entries[i].name, name))
			return entries[i].value;
	return NULL;
}

void manifest_set(const char *name, const char *value)
{
	unsigned i = 0;
	while (i < nentries && strcmp(entries[i].name, name))
		i++;
	if (i == MAX_ENTRIES)
		fatal_env("%s: too many entries (an ilcc bug)", manifest_path);
	if (i == nentries)
		entries[nentries++].name = arena_strdup(&cache_arena, name);
	entries[i].value = arena_strdup(&cache_arena, value);
}

void manifest_save(void)
{
	Buf b = {0};
	for (unsigned i = 0; i < nentries; i++)
		buf_printf(&b, "%s %s\n", entries[i].name, entries[i].value);
	if (!write_file_atomic(manifest_path, b.s ? b.s : "", b.len))
		fatal_env("%s: cannot write: %s", manifest_path, strerror(errno));
	buf_free(&b);
}

/* ---- the object store ---- */
static const char *store_file(const char *key)
{
	static const char *dir;
	if (!dir) {
		const char *root = cache_root();
		if (!root)
			return NULL;
		dir = path_join(&cache_arena, root, "objects");
		private_folder(dir);
	}
	return path_join(&cache_arena, dir, arena_printf(&cache_arena, "%s.o", key));
}

enum { STORE_HEAD = 12 + 40 + 1 };              /* "ilcc-object " SHA-1 "\n" */

/* The object in store file f, if whole, to path; ours: the user's store
 * (a damaged file is removed, a hit touched). */
static StoreResult get_from(const char *f, const char *path, bool ours)
{
	struct stat st;
	MappedFile m;
	if (!f || lstat(f, &st) != 0 || !S_ISREG(st.st_mode) || !map_file(f, &m))
		return STORE_MISS;
	Hash h;
	bool ok = m.size > STORE_HEAD && !memcmp(m.data, "ilcc-object ", 12) &&
		  m.data[STORE_HEAD - 1] == '\n';
	if (ok) {
		hash_bytes(m.data + STORE_HEAD, m.size - STORE_HEAD, h);
		ok = !memcmp(m.data + 12, h, 40);
	}
	if (!ok) {
		unmap_file(&m);
		if (!ours)
			return STORE_MISS;
		unlink(f);
		return STORE_DAMAGED;
	}
	if (!write_file_atomic(path, m.data + STORE_HEAD, m.size - STORE_HEAD))
		fatal_env("%s: cannot write: %s", path, strerror(errno));
	unmap_file(&m);
	if (ours)
		utimensat(AT_FDCWD, f, NULL, AT_SYMLINK_NOFOLLOW);      /* used now */
	return STORE_HIT;
}

StoreResult store_get(const char *key, const char *path)
{
	return get_from(store_file(key), path, true);
}

StoreResult store_get_installed(const char *dir, const char *key, const char *path)
{
	static int usable = -1;
	if (usable < 0) {
		struct stat st;
		usable = lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && !(st.st_mode & 022) &&
			 (st.st_uid == 0 || st.st_uid == geteuid());
	}
	if (!usable)
		return STORE_MISS;
	return get_from(path_join(&cache_arena, dir, arena_printf(&cache_arena, "%s.o", key)),
			path, false);
}

void store_put(const char *key, const char *path)
{
	const char *f = store_file(key);
	MappedFile m;
	if (!f || !map_file(path, &m))
		return;
	Buf b = {0};
	Hash h;
	hash_bytes(m.data, m.size, h);
	buf_printf(&b, "ilcc-object %s\n", h);
	buf_putn(&b, (const char *)m.data, m.size);
	unmap_file(&m);
	write_file_atomic(f, b.s, b.len);
	buf_free(&b);
}

typedef struct { const char *path; time_t used; off_t size; } Stored;

static int by_use(const void *a, const void *b)
{
	const Stored *x = a, *y = b;
	return (x->used > y->used) - (x->used < y->used);
}

void store_trim(void)
{
	const char *any = store_file("x");
	const char *env = getenv("ILCC_STORE_MB");
	if (!any)
		return;
	uint64_t max = (env && *env ? strtoull(env, NULL, 10) : 1024) << 20, total = 0;
	const char *dir = arena_printf(&cache_arena, "%.*s", (int)(strrchr(any, '/') - any), any);
	DIR *d = opendir(dir);
	if (!d)
		return;
	Stored *v = NULL;
	uint32_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		struct stat st;
		const char *p = path_join(&cache_arena, dir, e->d_name);
		size_t len = strlen(e->d_name);
		if (len < 3 || strcmp(e->d_name + len - 2, ".o") || lstat(p, &st) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (n == cap)
			v = realloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);
		v[n++] = (Stored){ p, st.st_mtime, st.st_size };
		total += (uint64_t)st.st_size;
	}
	closedir(d);
	if (total > max) {
		qsort(v, n, sizeof *v, by_use);
		for (uint32_t i = 0; i < n && total > max / 4 * 3; i++)
			if (unlink(v[i].path) == 0)
				total -= (uint64_t)v[i].size;
	}
	free(v);
}

/* ---- ilcc cache --stats / --clear ---- */
/* Walks the cache's root: one line of totals, or each work folder emptied
 * while no build holds its lock. The root and every folder are checked as
 * a build checks them; links are neither followed nor counted. */
static uint64_t walk_files, walk_bytes;

static int count_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	bool lock = ftw->level == 1 && !strcmp(path + ftw->base, "lock");
	if (flag == FTW_F && S_ISREG(st->st_mode) && !lock) {
		walk_files++;
		walk_bytes += (uint64_t)st->st_size;
	}
	return 0;
}

/* Removes everything below a work folder but its lock, so that a build
 * that waits on the lock finds an empty folder, not a removed one. */
static int clear_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	if (ftw->level == 0 || (ftw->level == 1 && !strcmp(path + ftw->base, "lock")))
		return 0;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) != 0)
		fatal_env("%s: cannot remove: %s", path, strerror(errno));
	return 0;
}

typedef void DirFn(const char *dir, void *arg);

static void each_work_dir(const char *root, DirFn *fn, void *arg)
{
	char **names;
	DIR *d = opendir(root);
	if (!d)
		fatal_env("%s: cannot read the cache folder: %s", root, strerror(errno));
	uint32_t n = 0, cap = 16;
	names = malloc(cap * sizeof *names);
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap)
			names = realloc(names, (cap *= 2) * sizeof *names);
		names[n++] = arena_strdup(&cache_arena, e->d_name);
	}
	closedir(d);
	for (uint32_t i = 0; i < n; i++) {
		const char *dir = path_join(&cache_arena, root, names[i]);
		struct stat st;
		if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
			check_private(dir);
			fn(dir, arg);
		}
	}
	free(names);
}

static void stat_dir(const char *dir, void *arg)
{
	uint64_t files = walk_files;
	nftw(dir, count_entry, 16, FTW_PHYS);
	if (walk_files > files)
		++*(uint32_t *)arg;
}

static void clear_dir(const char *dir, void *arg)
{
	const char *lock = path_join(&cache_arena, dir, "lock");
	int fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		fatal_env("%s: cannot open the build lock: %s", lock, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0)
		++*(uint32_t *)arg;     /* a build is using it: leave it */
	else
		nftw(dir, clear_entry, 16, FTW_DEPTH | FTW_PHYS);
	close(fd);
}

int cache_command(bool clear)
{
	const char *root = cache_root();
	if (!root) {
		printf("no cache: no home folder (builds use a private folder removed after them)\n");
		return 0;
	}
	walk_files = walk_bytes = 0;
	uint32_t dirs = 0, busy = 0;
	each_work_dir(root, stat_dir, &dirs);
	if (!clear) {
		printf("%s: %u build folder%s, %llu files, %.1f MB\n", root, dirs, dirs == 1 ? "" : "s",
		       (unsigned long long)walk_files, (double)walk_bytes / 1e6);
		return 0;
	}
	each_work_dir(root, clear_dir, &busy);
	printf("%s: cleared %.1f MB in %u build folder%s", root, (double)walk_bytes / 1e6, dirs,
	       dirs == 1 ? "" : "s");
	if (busy)
		printf("; %u in use by a build, left as they are", busy);
	printf("\n");
	return 0;
}
