/* sysnative: the System.Native functions (SystemNative_*) that mscorlib's
 * and System's [DllImport("System.Native")] declarations name. Generated
 * code calls each by its import name, so the names and the C signatures
 * are the managed declarations' (Interop/Sys in the class library):
 * strings as NUL-terminated UTF-8, arrays and byrefs as pointers, enums
 * as their underlying integers, SafeHandles as the fd they hold.
 *
 * Conventions are those of the library's Unix PAL: 0 (or a count) on
 * success, -1 with errno on failure; errno is also stored as the thread's
 * last error (rt_set_last_error), which Marshal.GetLastWin32Error reads
 * and Interop.Sys.ConvertErrorPlatformToPal turns into an Interop/Error.
 */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* A result: on failure, errno becomes the last error. */
static int32_t ret(int r)
{
	if (r < 0)
		rt_set_last_error(errno);
	return r;
}

/* ---- errors: errno ↔ Interop/Error (the PAL's own numbering) ---- */
#define PAL_ERRORS(X) \
	X(E2BIG, 65537) X(EACCES, 65538) X(EADDRINUSE, 65539) X(EADDRNOTAVAIL, 65540) \
	X(EAFNOSUPPORT, 65541) X(EAGAIN, 65542) X(EALREADY, 65543) X(EBADF, 65544) \
	X(EBADMSG, 65545) X(EBUSY, 65546) X(ECANCELED, 65547) X(ECHILD, 65548) \
	X(ECONNABORTED, 65549) X(ECONNREFUSED, 65550) X(ECONNRESET, 65551) \
	X(EDEADLK, 65552) X(EDESTADDRREQ, 65553) X(EDOM, 65554) X(EDQUOT, 65555) \
	X(EEXIST, 65556) X(EFAULT, 65557) X(EFBIG, 65558) X(EHOSTUNREACH, 65559) \
	X(EIDRM, 65560) X(EILSEQ, 65561) X(EINPROGRESS, 65562) X(EINTR, 65563) \
	X(EINVAL, 65564) X(EIO, 65565) X(EISCONN, 65566) X(EISDIR, 65567) \
	X(ELOOP, 65568) X(EMFILE, 65569) X(EMLINK, 65570) X(EMSGSIZE, 65571) \
	X(EMULTIHOP, 65572) X(ENAMETOOLONG, 65573) X(ENETDOWN, 65574) \
	X(ENETRESET, 65575) X(ENETUNREACH, 65576) X(ENFILE, 65577) X(ENOBUFS, 65578) \
	X(ENODEV, 65580) X(ENOENT, 65581) X(ENOEXEC, 65582) X(ENOLCK, 65583) \
	X(ENOLINK, 65584) X(ENOMEM, 65585) X(ENOMSG, 65586) X(ENOPROTOOPT, 65587) \
	X(ENOSPC, 65588) X(ENOSYS, 65591) X(ENOTCONN, 65592) X(ENOTDIR, 65593) \
	X(ENOTEMPTY, 65594) X(ENOTSOCK, 65596) X(ENOTSUP, 65597) X(ENOTTY, 65598) \
	X(ENXIO, 65599) X(EOVERFLOW, 65600) X(EPERM, 65602) X(EPIPE, 65603) \
	X(EPROTO, 65604) X(EPROTONOSUPPORT, 65605) X(EPROTOTYPE, 65606) \
	X(ERANGE, 65607) X(EROFS, 65608) X(ESPIPE, 65609) X(ESRCH, 65610) \
	X(ESTALE, 65611) X(ETIMEDOUT, 65613) X(ETXTBSY, 65614) X(EXDEV, 65615) \
	X(ESOCKTNOSUPPORT, 65630) X(EPFNOSUPPORT, 65632) X(ESHUTDOWN, 65644) \
	X(EHOSTDOWN, 65648) X(ENODATA, 65649)

/* errno, Interop/Error: one column each */
enum { COL_ERRNO, COL_PAL };
static const int32_t pal_errors[][2] = {
#define X(e, pal) { e, pal },
	PAL_ERRORS(X)
#undef X
};

enum { PAL_SUCCESS = 0, PAL_ENONSTANDARD = 0x1FFFF };

/* The other column of the row whose column `from` holds v, or `none`. */
static int32_t pal_lookup(int from, int32_t v, int32_t none)
{
	for (size_t i = 0; i < sizeof pal_errors / sizeof *pal_errors; i++)
		if (pal_errors[i][from] == v)
			return pal_errors[i][1 - from];
	return none;
}

int32_t SystemNative_ConvertErrorPlatformToPal(int32_t err)
{
	return err == 0 ? PAL_SUCCESS : pal_lookup(COL_ERRNO, err, PAL_ENONSTANDARD);
}

int32_t SystemNative_ConvertErrorPalToPlatform(int32_t pal)
{
	return pal == PAL_SUCCESS ? 0 : pal_lookup(COL_PAL, pal, -1);
}

/* The message, in `buf` or in the C library's own storage (glibc's
 * strerror_r returns it; musl's is the XSI one, which fills buf). */
uint8_t *SystemNative_StrErrorR(int32_t err, uint8_t *buf, int32_t size)
{
	if (size <= 0)
		return NULL;
#ifdef __GLIBC__
	return (uint8_t *)strerror_r(err, (char *)buf, (size_t)size);
#else
	return strerror_r(err, (char *)buf, (size_t)size) == 0 ? buf : NULL;
#endif
}

void SystemNative_GetNonCryptographicallySecureRandomBytes(uint8_t *buf, int32_t n)
{
	static __thread uint64_t x;
	ssize_t got = getrandom(buf, (size_t)n, GRND_NONBLOCK);
	if (got == n)
		return;
	if (got < 0)
		got = 0;
	if (!x) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		x = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)getpid() ^ 1;
	}
	for (int32_t i = (int32_t)got; i < n; i++) {     /* xorshift64 */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = (uint8_t)(x >> 24);
	}
}

/* ---- stat: Interop/Sys/FileStatus ---- */
_Static_assert(sizeof(RtFileStatus) == 112, "Interop/Sys/FileStatus");
_Static_assert(offsetof(RtFileStatus, size) == 16, "Interop/Sys/FileStatus.Size");
_Static_assert(offsetof(RtFileStatus, ino) == 96, "Interop/Sys/FileStatus.Ino");
_Static_assert(offsetof(RtFileStatus, user_flags) == 104, "Interop/Sys/FileStatus.UserFlags");

/* Linux has no birth time in struct stat: Flags stay None. The mode's
 * file-type bits are the PAL's (S_IFDIR 0x4000, ...) on Linux. */
void rt_sys_fill_status(RtFileStatus *o, const struct stat *st)
{
	*o = (RtFileStatus){
		.mode = (int32_t)st->st_mode, .uid = st->st_uid, .gid = st->st_gid,
		.size = st->st_size,
		.atime = st->st_atim.tv_sec, .atime_nsec = st->st_atim.tv_nsec,
		.mtime = st->st_mtim.tv_sec, .mtime_nsec = st->st_mtim.tv_nsec,
		.ctime = st->st_ctim.tv_sec, .ctime_nsec = st->st_ctim.tv_nsec,
		.dev = (int64_t)st->st_dev, .ino = (int64_t)st->st_ino,
	};
}

static int32_t stat_result(int r, const struct stat *st, RtFileStatus *out)
{
	if (r == 0)
		rt_sys_fill_status(out, st);
	return ret(r);
}

int32_t SystemNative_Stat2(const char *path, RtFileStatus *out)
{
	struct stat st;
	return stat_result(stat(path, &st), &st, out);
}

int32_t SystemNative_LStat2(const char *path, RtFileStatus *out)
{
	struct stat st;
	return stat_result(lstat(path, &st), &st, out);
}

int32_t SystemNative_FStat2(intptr_t fd, RtFileStatus *out)
{
	struct stat st;
	int r;
	do
		r = fstat((int)fd, &st);
	while (r < 0 && errno == EINTR);
	return stat_result(r, &st, out);
}

/* ---- folders: Interop/Sys/DirectoryEntry ---- */
typedef struct DirectoryEntry {
	const char *name;
	int32_t name_length;
	int32_t inode_type;         /* Interop/Sys/NodeType: Linux's DT_* */
} DirectoryEntry;
_Static_assert(sizeof(DirectoryEntry) == 16, "Interop/Sys/DirectoryEntry");

intptr_t SystemNative_OpenDir(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		rt_set_last_error(errno);
	return (intptr_t)d;
}

int32_t SystemNative_GetReadDirRBufferSize(void) { return (int32_t)sizeof(struct dirent); }

/* 0 and the next entry, -1 at the end, or an errno. The name lives in
 * `buf` when it is big enough, else in the folder stream until the next
 * call. */
int32_t SystemNative_ReadDirR(intptr_t dir, uint8_t *buf, int32_t size, DirectoryEntry *out)
{
	errno = 0;
	struct dirent *e = readdir((DIR *)dir);
	if (!e) {
		memset(out, 0, sizeof *out);
		return errno ? errno : -1;
	}
	const char *name = e->d_name;
	size_t n = strlen(name);
	if (buf && size > 0 && n < (size_t)size) {
		memcpy(buf, name, n + 1);
		name = (const char *)buf;
	}
	*out = (DirectoryEntry){ name, (int32_t)n, e->d_type };
	return 0;
}

int32_t SystemNative_CloseDir(intptr_t dir) { return ret(closedir((DIR *)dir)); }

/* ---- names ---- */
int32_t SystemNative_ReadLink(const char *path, uint8_t *buf, int32_t size)
{
	return ret((int)readlink(path, (char *)buf, (size_t)size));
}

int32_t SystemNative_Symlink(const char *target, const char *path) { return ret(symlink(target, path)); }
int32_t SystemNative_Link(const char *src, const char *path) { return ret(link(src, path)); }
int32_t SystemNative_ChMod(const char *path, int32_t mode) { return ret(chmod(path, (mode_t)mode)); }
int32_t SystemNative_MkDir(const char *path, int32_t mode) { return ret(mkdir(path, (mode_t)mode)); }
int32_t SystemNative_Rename(const char *from, const char *to) { return ret(rename(from, to)); }
int32_t SystemNative_RmDir(const char *path) { return ret(rmdir(path)); }
int32_t SystemNative_Unlink(const char *path) { return ret(unlink(path)); }
uint32_t SystemNative_GetEUid(void) { return geteuid(); }
uint32_t SystemNative_GetEGid(void) { return getegid(); }

/* BSD file flags (UF_HIDDEN) do not exist on Linux. */
int32_t SystemNative_LChflags(const char *path, uint32_t flags)
{
	errno = ENOTSUP;
	return ret(-1);
}

int32_t SystemNative_LChflagsCanSetHiddenFlag(void) { return 0; }

/* Interop/Sys/UTimBuf: access and write time in seconds. */
typedef struct UTimBuf { int64_t actime, modtime; } UTimBuf;
/* Interop/Sys/TimeValPair: the same as seconds and microseconds. */
typedef struct TimeValPair { int64_t asec, ausec, msec, musec; } TimeValPair;
_Static_assert(sizeof(UTimBuf) == 16, "Interop/Sys/UTimBuf");
_Static_assert(sizeof(TimeValPair) == 32, "Interop/Sys/TimeValPair");

int32_t SystemNative_UTime(const char *path, const UTimBuf *t)
{
	struct timespec ts[2] = { { t->actime, 0 }, { t->modtime, 0 } };
	return ret(utimensat(AT_FDCWD, path, ts, 0));
}

int32_t SystemNative_UTimes(const char *path, const TimeValPair *t)
{
	struct timespec ts[2] = { { t->asec, t->ausec * 1000 }, { t->msec, t->musec * 1000 } };
	return ret(utimensat(AT_FDCWD, path, ts, 0));
}

/* ---- file descriptors ---- */
/* Contents, then permissions and access and write times, fd to fd. */
int32_t SystemNative_CopyFile(intptr_t src, intptr_t dst)
{
	struct stat st;
	if (fstat((int)src, &st) != 0)
		return ret(-1);
	char buf[65536];
	for (;;) {
		ssize_t n = read((int)src, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return ret(-1);
		if (n == 0)
			break;
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write((int)dst, buf + done, (size_t)(n - done));
			if (w < 0 && errno != EINTR)
				return ret(-1);
			done += w > 0 ? w : 0;
		}
	}
	fchmod((int)dst, st.st_mode & 07777);
	futimens((int)dst, (struct timespec[2]){ st.st_atim, st.st_mtim });
	return 0;
}

int32_t SystemNative_Close(intptr_t fd) { return ret(close((int)fd)); }

/* Interop/Sys/LockOperations are Linux's LOCK_* values. */
int32_t SystemNative_FLock(intptr_t fd, int32_t op)
{
	int r;
	do
		r = flock((int)fd, op);
	while (r < 0 && errno == EINTR);
	return ret(r);
}

/* Interop/Sys/OpenFlags → open(2) flags; -1 for an unknown bit. */
static const struct { int32_t pal; int os; } open_flags[] = {
	{ 0x10, O_CLOEXEC }, { 0x20, O_CREAT }, { 0x40, O_EXCL }, { 0x80, O_TRUNC },
	{ 0x100, O_SYNC },
};

int rt_sys_open_flags(int32_t pal)
{
	static const int access[] = { O_RDONLY, O_WRONLY, O_RDWR };
	if ((pal & 3) == 3)
		return -1;
	int f = access[pal & 3];
	pal &= ~3;
	for (size_t i = 0; i < sizeof open_flags / sizeof *open_flags; i++)
		if (pal & open_flags[i].pal) {
			f |= open_flags[i].os;
			pal &= ~open_flags[i].pal;
		}
	return pal ? -1 : f;
}

/* The fd, or -1; the managed declaration returns a SafeFileHandle. */
intptr_t SystemNative_Open(const char *path, int32_t flags, int32_t mode)
{
	int f = rt_sys_open_flags(flags);
	if (f < 0) {
		errno = EINVAL;
		return ret(-1);
	}
	int fd;
	do
		fd = open(path, f, (mode_t)mode);
	while (fd < 0 && errno == EINTR);
	return ret(fd);
}

/* Interop/Sys/PollEvent is struct pollfd, and PollEvents Linux's POLL*. */
_Static_assert(sizeof(struct pollfd) == 8 && offsetof(struct pollfd, revents) == 6,
	       "Interop/Sys/PollEvent");

int32_t SystemNative_Poll(struct pollfd *fds, uint32_t n, int32_t timeout, uint32_t *triggered)
{
	int r = poll(fds, n, timeout);
	if (r < 0) {
		*triggered = 0;
		return SystemNative_ConvertErrorPlatformToPal(errno);
	}
	*triggered = (uint32_t)r;
	return PAL_SUCCESS;
}

/* System.dll calls this once before its other System.Native calls. */
void mono_pal_init(void) {}

/* ---- inotify (FileSystemWatcher); the fd is a SafeFileHandle's ---- */
/* FileSystemWatcher's choice of watcher (System.dll's internal call):
 * 6 is the CoreFX one, on inotify through the functions below, as Mono
 * on Linux chooses. */
int32_t rt_FileSystemWatcher_InternalSupportsFSW(void) { return 6; }

/* System.dll's Interop.Sys.Read, an internal call there: the inotify
 * watcher's loop reads its events with it (blocking its own thread). */
int32_t rt_Sys_Read(intptr_t fd, intptr_t buf, int32_t n)
{
	ssize_t r;
	while ((r = read((int)fd, (void *)buf, (size_t)n)) < 0 && errno == EINTR)
		;
	return ret((int)r);
}

intptr_t SystemNative_INotifyInit(void) { return ret(inotify_init1(IN_CLOEXEC)); }

int32_t SystemNative_INotifyAddWatch(intptr_t fd, const char *path, uint32_t mask)
{
	return ret(inotify_add_watch((int)fd, path, mask));
}

int32_t SystemNative_INotifyRemoveWatch(intptr_t fd, int32_t wd)
{
	return ret(inotify_rm_watch((int)fd, wd));
}
