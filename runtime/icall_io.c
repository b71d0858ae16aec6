/* icall_io: System.IO.MonoIO, the internal calls under Mono's FileStream,
 * File, Directory, Path and the console streams.
 *
 * Handles are plain file descriptors carried in an IntPtr (-1 is Mono's
 * InvalidHandle); the console's are 0, 1 and 2. Paths arrive as UTF-16
 * `char*` (intptr_t), NUL-terminated, and go to the system as UTF-8.
 * Failures return Mono's failure value and store a Win32-style code
 * (MonoIOError) through the `MonoIOError&` argument, chosen as Mono's
 * runtime chooses it, because Mono's managed code (MonoIO.GetException)
 * picks the exception type and message from that code alone: a missing
 * file in an existing folder is ERROR_FILE_NOT_FOUND ("Could not find
 * file"), in a missing folder ERROR_PATH_NOT_FOUND ("Could not find a part
 * of the path"). No FileShare checking between handles.
 */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- errno → MonoIOError ---- */
static const struct { int err; int32_t code; } io_errors[] = {
	{ ENOENT, RT_IO_FILE_NOT_FOUND },
	{ ENOTDIR, RT_IO_PATH_NOT_FOUND },
	{ EACCES, RT_IO_ACCESS_DENIED },
	{ EPERM, RT_IO_ACCESS_DENIED },
	{ EROFS, RT_IO_ACCESS_DENIED },
	{ EISDIR, RT_IO_CANNOT_MAKE },
	{ EEXIST, RT_IO_FILE_EXISTS },
	{ ENOTEMPTY, RT_IO_DIR_NOT_EMPTY },
	{ EMFILE, RT_IO_TOO_MANY_OPEN_FILES },
	{ ENFILE, RT_IO_TOO_MANY_OPEN_FILES },
	{ EBADF, RT_IO_INVALID_HANDLE },
	{ ENOSPC, RT_IO_HANDLE_DISK_FULL },
	{ EDQUOT, RT_IO_HANDLE_DISK_FULL },
	{ EFBIG, RT_IO_HANDLE_DISK_FULL },
	{ ENAMETOOLONG, RT_IO_FILENAME_EXCED_RANGE },
	{ ELOOP, RT_IO_CANT_RESOLVE_FILENAME },
	{ EXDEV, RT_IO_NOT_SAME_DEVICE },
	{ EAGAIN, RT_IO_SHARING_VIOLATION },
	{ EBUSY, RT_IO_LOCK_VIOLATION },
	{ EINVAL, RT_IO_INVALID_PARAMETER },
	{ ESPIPE, RT_IO_SEEK },
	{ ENOSYS, RT_IO_NOT_SUPPORTED },
	{ EOPNOTSUPP, RT_IO_NOT_SUPPORTED },
	{ EPIPE, RT_IO_WRITE_FAULT },     /* as Mono: "Write fault" */
	{ EIO, RT_IO_GEN_FAILURE },
};

int32_t rt_io_error(int err)
{
	for (size_t i = 0; i < sizeof io_errors / sizeof *io_errors; i++)
		if (io_errors[i].err == err)
			return io_errors[i].code;
	return RT_IO_GEN_FAILURE;
}

/* Is the folder that holds `path` there? */
static bool parent_exists(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return true;            /* the current folder */
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *dir = rt_gc_alloc_raw(n + 1, true);
	memcpy(dir, path, n);
	dir[n] = 0;
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The code for a failure on `path`: a missing name whose folder is
 * missing too is a missing path. */
int32_t rt_io_path_error(const char *path, int err)
{
	if ((err == ENOENT || err == ENOTDIR) && path)
		return parent_exists(path) ? RT_IO_FILE_NOT_FOUND : RT_IO_PATH_NOT_FOUND;
	return rt_io_error(err);
}

static void set_err(char *error, int32_t code) { *(int32_t *)error = code; }

/* errno as the result of a call on `path` (NULL: on a handle). */
static bool fail(char *error, const char *path)
{
	set_err(error, path ? rt_io_path_error(path, errno) : rt_io_error(errno));
	return false;
}

static bool ok(char *error)
{
	set_err(error, RT_IO_SUCCESS);
	return true;
}

static const char *path8(intptr_t p) { return rt_str_utf16z_to_utf8((const uint16_t *)p); }

/* ---- FILETIME: 100 ns ticks since 1601-01-01 UTC ---- */
int64_t rt_io_filetime(int64_t sec, long nsec)
{
	return (sec + RT_UNIX_EPOCH_SECONDS_1601) * 10000000 + nsec / 100;
}

struct timespec rt_io_timespec(int64_t filetime)
{
	int64_t t = filetime - RT_UNIX_EPOCH_SECONDS_1601 * 10000000;
	int64_t sec = t / 10000000, rem = t % 10000000;
	if (rem < 0) {
		rem += 10000000;
		sec--;
	}
	return (struct timespec){ .tv_sec = sec, .tv_nsec = rem * 100 };
}

/* ---- open, close, read, write ---- */
enum { FM_CREATE_NEW = 1, FM_CREATE, FM_OPEN, FM_OPEN_OR_CREATE, FM_TRUNCATE, FM_APPEND };
enum { FA_READ = 1, FA_WRITE = 2 };
#define FO_DELETE_ON_CLOSE 0x04000000
#define FO_WRITE_THROUGH ((int32_t)0x80000000)

/* Paths of files opened with FileOptions.DeleteOnClose, by fd. */
enum { DOC_MAX = 256 };
static struct { int fd; char *path; } doc[DOC_MAX];
static pthread_mutex_t doc_lock = PTHREAD_MUTEX_INITIALIZER;

static void doc_add(int fd, const char *path)
{
	pthread_mutex_lock(&doc_lock);
	for (int i = 0; i < DOC_MAX; i++)
		if (!doc[i].path) {
			doc[i].fd = fd;
			doc[i].path = strdup(path);
			break;
		}
	pthread_mutex_unlock(&doc_lock);
}

static void doc_close(int fd)
{
	pthread_mutex_lock(&doc_lock);
	for (int i = 0; i < DOC_MAX; i++)
		if (doc[i].path && doc[i].fd == fd) {
			unlink(doc[i].path);
			free(doc[i].path);
			doc[i].path = NULL;
		}
	pthread_mutex_unlock(&doc_lock);
}

int rt_io_open_flags(int32_t mode, int32_t access)
{
	int f = (access & FA_WRITE) ? ((access & FA_READ) ? O_RDWR : O_WRONLY) : O_RDONLY;
	switch (mode) {
	case FM_CREATE_NEW: f |= O_CREAT | O_EXCL; break;
	case FM_CREATE: f |= O_CREAT | O_TRUNC; break;
	case FM_OPEN_OR_CREATE: case FM_APPEND: f |= O_CREAT; break;
	case FM_TRUNCATE: f |= O_TRUNC; break;
	}
	return f | O_CLOEXEC;
}

intptr_t rt_MonoIO_Open(intptr_t name, int32_t mode, int32_t access, int32_t share,
			int32_t options, char *error)
{
	const char *path = path8(name);
	int flags = rt_io_open_flags(mode, access);
	if (options & FO_WRITE_THROUGH)
		flags |= O_SYNC;
	int fd;
	do
		fd = open(path, flags, 0666);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		/* a folder opened for writing: refused as Windows refuses it */
		set_err(error, errno == EISDIR ? RT_IO_ACCESS_DENIED : rt_io_path_error(path, errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		set_err(error, RT_IO_ACCESS_DENIED);
		return -1;
	}
	if (options & FO_DELETE_ON_CLOSE)
		doc_add(fd, path);
	ok(error);
	return fd;
}

bool rt_MonoIO_Close(intptr_t fd, char *error)
{
	doc_close((int)fd);
	if (close((int)fd) != 0 && errno != EINTR)
		return fail(error, NULL);
	return ok(error);
}

int32_t rt_MonoIO_Read(intptr_t fd, Object *buf, int32_t off, int32_t n, char *error)
{
	ssize_t r;
	do
		r = read((int)fd, RT_ARRAY_DATA(buf, char) + off, (size_t)n);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		fail(error, NULL);
		return -1;
	}
	ok(error);
	return (int32_t)r;
}

int32_t rt_MonoIO_Write(intptr_t fd, Object *buf, int32_t off, int32_t n, char *error)
{
	const char *p = RT_ARRAY_DATA(buf, char) + off;
	int32_t done = 0;
	while (done < n) {
		ssize_t w = write((int)fd, p + done, (size_t)(n - done));
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			fail(error, NULL);
			return -1;
		}
		done += (int32_t)w;
	}
	ok(error);
	return done;
}

int64_t rt_MonoIO_Seek(intptr_t fd, int64_t offset, int32_t origin, char *error)
{
	static const int whence[] = { SEEK_SET, SEEK_CUR, SEEK_END };
	if (origin < 0 || origin > 2) {
		set_err(error, RT_IO_INVALID_PARAMETER);
		return -1;
	}
	off_t r = lseek((int)fd, (off_t)offset, whence[origin]);
	if (r < 0) {
		fail(error, NULL);
		return -1;
	}
	ok(error);
	return r;
}

bool rt_MonoIO_Flush(intptr_t fd, char *error)
{
	/* terminals and pipes cannot be synced and need not be */
	if (fsync((int)fd) != 0 && errno != EINVAL && errno != EROFS)
		return fail(error, NULL);
	return ok(error);
}

int64_t rt_MonoIO_GetLength(intptr_t fd, char *error)
{
	struct stat st;
	if (fstat((int)fd, &st) != 0) {
		fail(error, NULL);
		return -1;
	}
	ok(error);
	return st.st_size;
}

bool rt_MonoIO_SetLength(intptr_t fd, int64_t len, char *error)
{
	int r;
	do
		r = ftruncate((int)fd, (off_t)len);
	while (r != 0 && errno == EINTR);
	return r == 0 ? ok(error) : fail(error, NULL);
}

/* MonoFileType: Unknown 0, Disk 1, Char 2, Pipe 3 */
int32_t rt_io_file_type(unsigned m)
{
	if (S_ISREG(m) || S_ISDIR(m) || S_ISBLK(m))
		return 1;
	if (S_ISCHR(m))
		return 2;
	if (S_ISFIFO(m) || S_ISSOCK(m))
		return 3;
	return 0;
}

int32_t rt_MonoIO_GetFileType(intptr_t fd, char *error)
{
	struct stat st;
	if (fstat((int)fd, &st) != 0) {
		fail(error, NULL);
		return 0;
	}
	ok(error);
	return rt_io_file_type(st.st_mode);
}

bool rt_MonoIO_SetFileTime(intptr_t fd, int64_t creation, int64_t access, int64_t write,
			   char *error)
{
	/* a negative time leaves that time alone; creation time is not
	 * settable on Unix */
	struct timespec ts[2] = {
		access >= 0 ? rt_io_timespec(access) : (struct timespec){ .tv_nsec = UTIME_OMIT },
		write >= 0 ? rt_io_timespec(write) : (struct timespec){ .tv_nsec = UTIME_OMIT },
	};
	return futimens((int)fd, ts) == 0 ? ok(error) : fail(error, NULL);
}

static bool lock_range(intptr_t fd, int64_t pos, int64_t len, short type, char *error)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = pos, .l_len = len };
	if (fcntl((int)fd, F_SETLK, &fl) == 0)
		return ok(error);
	set_err(error, errno == EACCES || errno == EAGAIN ? RT_IO_LOCK_VIOLATION : rt_io_error(errno));
	return false;
}

void rt_MonoIO_Lock(intptr_t fd, int64_t pos, int64_t len, char *error)
{
	lock_range(fd, pos, len, F_WRLCK, error);
}

void rt_MonoIO_Unlock(intptr_t fd, int64_t pos, int64_t len, char *error)
{
	lock_range(fd, pos, len, F_UNLCK, error);
}

bool rt_MonoIO_Cancel_internal(intptr_t fd, char *error)
{
	set_err(error, RT_IO_NOT_SUPPORTED);
	return false;
}

/* ---- console handles, pipes, duplicates ---- */
intptr_t rt_MonoIO_get_ConsoleInput(void) { return 0; }
intptr_t rt_MonoIO_get_ConsoleOutput(void) { return 1; }
intptr_t rt_MonoIO_get_ConsoleError(void) { return 2; }

bool rt_MonoIO_CreatePipe(char *rd, char *wr, char *error)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0)
		return fail(error, NULL);
	*(intptr_t *)rd = p[0];
	*(intptr_t *)wr = p[1];
	return ok(error);
}

bool rt_MonoIO_DuplicateHandle(intptr_t src_proc, intptr_t src, intptr_t dst_proc, char *dst,
			       int32_t access, int32_t inherit, int32_t options, char *error)
{
	if (rt_proc_is_handle(src) && rt_wait_dup((RtWaitable *)src)) {
		*(intptr_t *)dst = src;     /* Process's wait handle */
		return ok(error);
	}
	int fd = fcntl((int)src, inherit ? F_DUPFD : F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return fail(error, NULL);
	*(intptr_t *)dst = fd;
	return ok(error);
}

uint16_t rt_MonoIO_get_VolumeSeparatorChar(void) { return '/'; }
uint16_t rt_MonoIO_get_DirectorySeparatorChar(void) { return '/'; }
uint16_t rt_MonoIO_get_AltDirectorySeparatorChar(void) { return '/'; }
uint16_t rt_MonoIO_get_PathSeparator(void) { return ':'; }
void rt_MonoIO_DumpHandles(void) {}

/* ---- files and folders by name ---- */
bool rt_MonoIO_CreateDirectory(intptr_t name, char *error)
{
	const char *p = path8(name);
	if (mkdir(p, 0777) == 0)
		return ok(error);
	set_err(error, errno == EEXIST ? RT_IO_ALREADY_EXISTS : rt_io_path_error(p, errno));
	return false;
}

bool rt_MonoIO_RemoveDirectory(intptr_t name, char *error)
{
	const char *p = path8(name);
	return rmdir(p) == 0 ? ok(error) : fail(error, p);
}

bool rt_MonoIO_DeleteFile(intptr_t name, char *error)
{
	const char *p = path8(name);
	if (unlink(p) == 0)
		return ok(error);
	set_err(error, errno == EISDIR ? RT_IO_ACCESS_DENIED : rt_io_path_error(p, errno));
	return false;
}

bool rt_MonoIO_MoveFile(intptr_t from, intptr_t to, char *error)
{
	const char *src = path8(from), *dst = path8(to);
	struct stat st;
	if (lstat(src, &st) != 0)
		return fail(error, src);
	/* Windows' MoveFile does not replace */
	if (lstat(dst, &st) == 0) {
		set_err(error, RT_IO_ALREADY_EXISTS);
		return false;
	}
	return rename(src, dst) == 0 ? ok(error) : fail(error, dst);
}

static bool copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0;
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));
			if (w < 0 && errno != EINTR)
				return false;
			done += w > 0 ? w : 0;
		}
	}
}

/* Copies contents, permissions and access and write times, as Mono does. */
bool rt_MonoIO_CopyFile(intptr_t from, intptr_t to, bool overwrite, char *error)
{
	const char *src = path8(from), *dst = path8(to);
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return fail(error, src);
	struct stat st;
	if (fstat(in, &st) != 0 || S_ISDIR(st.st_mode)) {
		close(in);
		set_err(error, S_ISDIR(st.st_mode) ? RT_IO_ACCESS_DENIED : rt_io_error(errno));
		return false;
	}
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (overwrite ? 0 : O_EXCL);
	int out = open(dst, flags, st.st_mode & 0777);
	if (out < 0) {
		int e = errno;
		close(in);
		set_err(error, e == EISDIR ? RT_IO_ACCESS_DENIED : rt_io_path_error(dst, e));
		return false;
	}
	bool good = copy_fd(in, out);
	int e = errno;
	fchmod(out, st.st_mode & 07777);
	futimens(out, (struct timespec[2]){ st.st_atim, st.st_mtim });
	close(in);
	if (close(out) != 0 && good) {
		good = false;
		e = errno;
	}
	if (!good)
		set_err(error, rt_io_error(e));
	return good ? ok(error) : false;
}

/* Windows' ReplaceFile: dst goes to backup (if given), src becomes dst. */
bool rt_MonoIO_ReplaceFile(intptr_t from, intptr_t to, intptr_t backup, bool ignore_meta,
			   char *error)
{
	const char *src = path8(from), *dst = path8(to), *bak = path8(backup);
	if (bak && rename(dst, bak) != 0)
		return fail(error, dst);
	return rename(src, dst) == 0 ? ok(error) : fail(error, src);
}

/* FileAttributes of a file, from stat and lstat, as Mono computes them:
 * folders are Directory, other files Normal unless ReadOnly (not
 * writable) or Hidden (name starts with '.'); symbolic links add
 * ReparsePoint. */
enum {
	FATTR_READONLY = 1, FATTR_HIDDEN = 2, FATTR_DIRECTORY = 16, FATTR_NORMAL = 128,
	FATTR_REPARSE_POINT = 1024,
};

int32_t rt_io_attributes(const char *path, const struct stat *st, bool is_link)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	int32_t a = 0;
	if (S_ISDIR(st->st_mode))
		a |= FATTR_DIRECTORY;
	if (!(st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) ||
	    (!S_ISDIR(st->st_mode) && access(path, W_OK) != 0 && errno == EROFS))
		a |= FATTR_READONLY;
	if (name[0] == '.' && name[1] && strcmp(name, ".."))
		a |= FATTR_HIDDEN;
	if (is_link)
		a |= FATTR_REPARSE_POINT;
	return a ? a : FATTR_NORMAL;
}

/* stat, or lstat for a dangling symbolic link; is_link says which. */
static bool stat_either(const char *p, struct stat *st, bool *is_link)
{
	struct stat lst;
	if (lstat(p, &lst) != 0)
		return false;
	*is_link = S_ISLNK(lst.st_mode);
	if (!*is_link || stat(p, st) != 0)
		*st = lst;
	return true;
}

int32_t rt_MonoIO_GetFileAttributes(intptr_t name, char *error)
{
	const char *p = path8(name);
	struct stat st;
	bool link;
	if (!stat_either(p, &st, &link)) {
		fail(error, p);
		return -1;
	}
	ok(error);
	return rt_io_attributes(p, &st, link);
}

bool rt_MonoIO_SetFileAttributes(intptr_t name, int32_t attrs, char *error)
{
	const char *p = path8(name);
	struct stat st;
	if (stat(p, &st) != 0)
		return fail(error, p);
	mode_t m = st.st_mode & 07777;
	m = (attrs & FATTR_READONLY) ? m & ~(mode_t)(S_IWUSR | S_IWGRP | S_IWOTH) : m | S_IWUSR;
	return chmod(p, m) == 0 ? ok(error) : fail(error, p);
}

/* MonoIOStat: FileAttributes, then length and the three times as
 * FILETIMEs; creation time is the earlier of the change and write times. */
typedef struct MonoIOStat {
	int32_t attributes;
	int64_t length, creation, access, write;
} MonoIOStat;
_Static_assert(sizeof(MonoIOStat) == 40, "System.IO.MonoIOStat");

void rt_io_fill_stat(MonoIOStat *out, const char *path, const struct stat *st, bool link)
{
	const struct timespec *c = st->st_ctim.tv_sec < st->st_mtim.tv_sec ||
		(st->st_ctim.tv_sec == st->st_mtim.tv_sec && st->st_ctim.tv_nsec < st->st_mtim.tv_nsec)
		? &st->st_ctim : &st->st_mtim;
	out->attributes = rt_io_attributes(path, st, link);
	out->length = S_ISDIR(st->st_mode) ? 0 : st->st_size;
	out->creation = rt_io_filetime(c->tv_sec, c->tv_nsec);
	out->access = rt_io_filetime(st->st_atim.tv_sec, st->st_atim.tv_nsec);
	out->write = rt_io_filetime(st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
}

bool rt_MonoIO_GetFileStat(intptr_t name, char *stat_out, char *error)
{
	const char *p = path8(name);
	struct stat st;
	bool link;
	if (!stat_either(p, &st, &link)) {
		memset(stat_out, 0, sizeof(MonoIOStat));
		return fail(error, p);
	}
	rt_io_fill_stat((MonoIOStat *)stat_out, p, &st, link);
	return ok(error);
}

/* ---- current folder ---- */
Object *rt_MonoIO_GetCurrentDirectory(char *error)
{
	for (size_t n = 256;; n *= 2) {
		char *buf = rt_gc_alloc_raw(n, true);
		if (getcwd(buf, n)) {
			ok(error);
			return (Object *)rt_str_from_utf8(buf);
		}
		if (errno != ERANGE) {
			fail(error, NULL);
			return NULL;
		}
	}
}

bool rt_MonoIO_SetCurrentDirectory(intptr_t name, char *error)
{
	return chdir(path8(name)) == 0 ? ok(error) : fail(error, NULL);
}

/* ---- System.IO.Path: the first of $TMPDIR, $TMP, $TEMP that is set,
 * else /tmp (Path adds the '/') ---- */
Object *rt_Path_get_temp_path(void)
{
	static const char *const vars[] = { "TMPDIR", "TMP", "TEMP" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *t = getenv(vars[i]);
		if (t && *t)
			return (Object *)rt_str_from_utf8(t);
	}
	return (Object *)rt_str_from_utf8("/tmp");
}

/* ---- FindFirstFile/FindNextFile: "folder/pattern" with * and ?; the
 * handle is a Find (malloc'ed) holding the open folder. Names come
 * without their folder, "." and ".." included, as Mono gives them. ---- */
typedef struct Find {
	DIR *dir;
	char *folder;           /* with a trailing '/' */
	char *pattern;
} Find;

/* Next match: its name and attributes into the out arguments. */
static bool find_next(Find *f, char *name, char *attrs)
{
	struct dirent *e;
	while ((e = readdir(f->dir))) {
		if (fnmatch(f->pattern, e->d_name, 0) != 0)
			continue;
		size_t n = strlen(f->folder) + strlen(e->d_name) + 1;
		char *full = rt_gc_alloc_raw(n, true);
		strcpy(full, f->folder);
		strcat(full, e->d_name);
		struct stat st;
		bool link;
		if (!stat_either(full, &st, &link))
			continue;       /* vanished since readdir */
		*(Object **)name = (Object *)rt_str_from_utf8(e->d_name);
		*(int32_t *)attrs = rt_io_attributes(full, &st, link);
		return true;
	}
	return false;
}

static void find_free(Find *f)
{
	closedir(f->dir);
	free(f->folder);
	free(f->pattern);
	free(f);
}

intptr_t rt_MonoIO_FindFirstFile(intptr_t path_with_pattern, char *name, char *attrs,
				 char *error)
{
	const char *p = path8(path_with_pattern);
	const char *slash = strrchr(p, '/');
	size_t dn = slash ? (size_t)(slash - p) + 1 : 0;
	Find *f = calloc(1, sizeof *f);
	f->folder = dn ? strndup(p, dn) : strdup("./");
	f->pattern = strdup(p + dn);
	f->dir = opendir(f->folder);
	if (!f->dir) {
		*(int32_t *)error = rt_io_path_error(f->folder, errno);
		free(f->folder);
		free(f->pattern);
		free(f);
		return -1;
	}
	if (!find_next(f, name, attrs)) {
		*(int32_t *)error = RT_IO_NO_MORE_FILES;
		find_free(f);
		return -1;
	}
	*(int32_t *)error = RT_IO_SUCCESS;
	return (intptr_t)f;
}

bool rt_MonoIO_FindNextFile(intptr_t h, char *name, char *attrs, char *error)
{
	if (find_next((Find *)h, name, attrs)) {
		*(int32_t *)error = RT_IO_SUCCESS;
		return true;
	}
	*(int32_t *)error = RT_IO_NO_MORE_FILES;
	return false;
}

bool rt_MonoIO_FindCloseFile(intptr_t h)
{
	find_free((Find *)h);
	return true;
}

/* ---- Environment.GetLogicalDrives: the mount points Mono lists ----
 * From /proc/self/mountinfo ("ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS
 * [OPTIONAL...] - FSTYPE SOURCE SUPEROPTS"), in its order, keeping what
 * Mono's runtime keeps: a device path as source, overlay/aufs (Docker),
 * fuse.* but GNOME's gvfs, nfs. Mono compares the source and type as
 * prefixes of its names ("overlay", "aufs", "none"), so do we. */
static bool is_prefix_of(const char *s, const char *name)
{
	size_t n = strlen(s);
	return n <= strlen(name) && memcmp(s, name, n) == 0;
}

static bool drive_kept(const char *fstype, const char *source)
{
	if (source[0] == '/')
		return true;
	if (is_prefix_of(source, "overlay") || is_prefix_of(fstype, "aufs"))
		return true;
	if (is_prefix_of(source, "none"))
		return false;
	if (strncmp(fstype, "fuse.", 5) == 0)
		return strcmp(fstype, "fuse.gvfs-fuse-daemon") != 0;
	return strcmp(fstype, "nfs") == 0;
}

/* "\040" in a mount point is a space. */
static void unescape_octal(char *s)
{
	char *w = s;
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '7' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*w++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else
			*w++ = *s;
	}
	*w = 0;
}

/* The mount point of one mountinfo line if Mono lists it, else NULL. */
static char *mountinfo_drive(char *line)
{
	char *mnt = NULL, *fstype = NULL, *source = NULL, *save = NULL;
	int field = 0;
	bool after_dash = false;
	for (char *tok = strtok_r(line, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
		field++;
		if (field == 5)
			mnt = tok;
		else if (!after_dash && field > 6 && strcmp(tok, "-") == 0) {
			after_dash = true;
			field = 100;
		} else if (field == 101)
			fstype = tok;
		else if (field == 102)
			source = tok;
	}
	if (!mnt || !fstype || !source || !drive_kept(fstype, source))
		return NULL;
	unescape_octal(mnt);
	return mnt;
}

Object *rt_Environment_GetLogicalDrivesInternal(void)
{
	RtString *found[256];
	int n = 0;
	FILE *f = fopen("/proc/self/mountinfo", "r");
	char line[4096];
	while (f && n < 256 && fgets(line, sizeof line, f)) {
		char *mnt = mountinfo_drive(line);
		if (mnt)
			found[n++] = rt_str_from_utf8(mnt);
	}
	if (f)
		fclose(f);
	RtArray *a = rt_gc_alloc_array(rt_known.string_array, n);
	for (int i = 0; a && i < n; i++)
		RT_WRITE_REF(&RT_ARRAY_DATA(a, RtString *)[i], found[i]);
	return (Object *)a;
}
