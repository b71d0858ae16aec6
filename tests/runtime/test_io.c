/* File and console I/O of the runtime: errno → MonoIOError (and the
 * missing-folder rule), FILETIME conversions, MonoIO's handle calls on a
 * temporary file, its name calls and their error codes, GetFileStat,
 * FindFirstFile, System.Native's Stat2/ReadDirR/error numbering and the
 * last error, Marshal's strings, the console's code page. */
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The internal calls, as generated code declares them. */
intptr_t rt_MonoIO_Open(intptr_t, int32_t, int32_t, int32_t, int32_t, char *);
bool rt_MonoIO_Close(intptr_t, char *);
int32_t rt_MonoIO_Read(intptr_t, Object *, int32_t, int32_t, char *);
int32_t rt_MonoIO_Write(intptr_t, Object *, int32_t, int32_t, char *);
int64_t rt_MonoIO_Seek(intptr_t, int64_t, int32_t, char *);
int64_t rt_MonoIO_GetLength(intptr_t, char *);
bool rt_MonoIO_SetLength(intptr_t, int64_t, char *);
int32_t rt_MonoIO_GetFileType(intptr_t, char *);
bool rt_MonoIO_CreateDirectory(intptr_t, char *);
bool rt_MonoIO_RemoveDirectory(intptr_t, char *);
bool rt_MonoIO_DeleteFile(intptr_t, char *);
bool rt_MonoIO_MoveFile(intptr_t, intptr_t, char *);
bool rt_MonoIO_CopyFile(intptr_t, intptr_t, bool, char *);
int32_t rt_MonoIO_GetFileAttributes(intptr_t, char *);
bool rt_MonoIO_GetFileStat(intptr_t, char *, char *);
Object *rt_MonoIO_GetCurrentDirectory(char *);
intptr_t rt_MonoIO_FindFirstFile(intptr_t, char *, char *, char *);
bool rt_MonoIO_FindNextFile(intptr_t, char *, char *, char *);
bool rt_MonoIO_FindCloseFile(intptr_t);
int64_t rt_DateTime_GetSystemTimeAsFileTime(void);
int64_t rt_Stopwatch_GetTimestamp(void);
int32_t rt_Marshal_GetLastWin32Error(void);
Object *rt_Marshal_PtrToStringAnsi(intptr_t);
Object *rt_Marshal_PtrToStringAnsi_len(intptr_t, int32_t);
intptr_t rt_Marshal_StringToHGlobalAnsi(intptr_t, int32_t);
void rt_Marshal_FreeHGlobal(intptr_t);
Object *rt_EncodingHelper_InternalCodePage(char *);
int32_t SystemNative_ConvertErrorPlatformToPal(int32_t);
int32_t SystemNative_ConvertErrorPalToPlatform(int32_t);
int32_t SystemNative_Stat2(const char *, RtFileStatus *);
int32_t SystemNative_LStat2(const char *, RtFileStatus *);
int32_t SystemNative_Unlink(const char *);
intptr_t SystemNative_OpenDir(const char *);
int32_t SystemNative_GetReadDirRBufferSize(void);
int32_t SystemNative_CloseDir(intptr_t);
typedef struct { const char *name; int32_t len, type; } TEntry;
int32_t SystemNative_ReadDirR(intptr_t, uint8_t *, int32_t, TEntry *);

static char dir[64];

/* A path under the test's folder, as MonoIO takes it (UTF-16, NUL). */
static const char *in_dir(const char *name)
{
	char *p = rt_gc_alloc_raw(strlen(dir) + strlen(name) + 2, true);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static intptr_t w(const char *utf8) { return (intptr_t)rt_str_from_utf8(utf8)->chars; }

static RtType t_byte, t_bytes;

static Object *bytes(const char *s, int32_t n)
{
	RtArray *a = rt_gc_alloc_array(&t_bytes, n);
	if (s)
		memcpy(a->data, s, (size_t)n);
	return (Object *)a;
}

static void test_error_codes(void)
{
	CHECK(rt_io_error(ENOENT) == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_io_error(EACCES) == RT_IO_ACCESS_DENIED);
	CHECK(rt_io_error(EPERM) == RT_IO_ACCESS_DENIED);
	CHECK(rt_io_error(EEXIST) == RT_IO_FILE_EXISTS);
	CHECK(rt_io_error(ENOTEMPTY) == RT_IO_DIR_NOT_EMPTY);
	CHECK(rt_io_error(ENAMETOOLONG) == RT_IO_FILENAME_EXCED_RANGE);
	CHECK(rt_io_error(EMFILE) == RT_IO_TOO_MANY_OPEN_FILES);
	CHECK(rt_io_error(ENOSPC) == RT_IO_HANDLE_DISK_FULL);
	CHECK(rt_io_error(EBADF) == RT_IO_INVALID_HANDLE);
	CHECK(rt_io_error(12345) == RT_IO_GEN_FAILURE);
	/* a missing name: file not found where its folder exists */
	CHECK(rt_io_path_error(in_dir("none"), ENOENT) == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_io_path_error(in_dir("none/x"), ENOENT) == RT_IO_PATH_NOT_FOUND);
	CHECK(rt_io_path_error("relative-none", ENOENT) == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_io_path_error(in_dir("none"), EACCES) == RT_IO_ACCESS_DENIED);
}

static void test_filetime(void)
{
	CHECK(rt_io_filetime(0, 0) == 116444736000000000LL);
	CHECK(rt_io_filetime(1, 999999999) == 116444736000000000LL + 19999999);
	struct timespec ts = rt_io_timespec(116444736000000000LL + 15);
	CHECK(ts.tv_sec == 0 && ts.tv_nsec == 1500);
	ts = rt_io_timespec(116444736000000000LL - 1);
	CHECK(ts.tv_sec == -1 && ts.tv_nsec == 999999900);
	int64_t now = rt_DateTime_GetSystemTimeAsFileTime();
	int64_t t = rt_io_filetime(time(NULL), 0);
	CHECK(now > t - 20000000 && now < t + 20000000);
	int64_t a = rt_Stopwatch_GetTimestamp(), b = rt_Stopwatch_GetTimestamp();
	CHECK(a > 0 && b >= a);
}

static void test_open_flags(void)
{
	CHECK(rt_io_open_flags(1, 3) == (O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC));
	CHECK(rt_io_open_flags(2, 2) == (O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC));
	CHECK(rt_io_open_flags(3, 1) == (O_RDONLY | O_CLOEXEC));
	CHECK(rt_io_open_flags(4, 3) == (O_RDWR | O_CREAT | O_CLOEXEC));
	CHECK(rt_io_open_flags(5, 2) == (O_WRONLY | O_TRUNC | O_CLOEXEC));
	CHECK(rt_sys_open_flags(0x10 | 0x20 | 2) == (O_CLOEXEC | O_CREAT | O_RDWR));
	CHECK(rt_sys_open_flags(0x1000) == -1);
	CHECK(rt_sys_open_flags(3) == -1);
}

static void test_handles(void)
{
	int32_t err = -1;
	const char *f = in_dir("a.txt");
	intptr_t h = rt_MonoIO_Open(w(f), 1, 3, 0, 0, (char *)&err);   /* CreateNew */
	CHECK(h >= 0 && err == 0);
	CHECK(rt_MonoIO_Write(h, bytes("hello world", 11), 0, 11, (char *)&err) == 11);
	CHECK(rt_MonoIO_GetLength(h, (char *)&err) == 11);
	CHECK(rt_MonoIO_Seek(h, 6, 0, (char *)&err) == 6);
	Object *buf = bytes(NULL, 8);
	CHECK(rt_MonoIO_Read(h, buf, 2, 5, (char *)&err) == 5);
	CHECK(!memcmp(RT_ARRAY_DATA(buf, char) + 2, "world", 5));
	CHECK(rt_MonoIO_Read(h, buf, 0, 8, (char *)&err) == 0 && err == 0);
	CHECK(rt_MonoIO_Seek(h, -1, 2, (char *)&err) == 10);
	CHECK(rt_MonoIO_SetLength(h, 5, (char *)&err) && rt_MonoIO_GetLength(h, (char *)&err) == 5);
	CHECK(rt_MonoIO_GetFileType(h, (char *)&err) == 1);
	CHECK(rt_MonoIO_Close(h, (char *)&err) && err == 0);
	CHECK(!rt_MonoIO_Close(h, (char *)&err) && err == RT_IO_INVALID_HANDLE);
	CHECK(rt_MonoIO_Read(h, buf, 0, 1, (char *)&err) == -1 && err == RT_IO_INVALID_HANDLE);

	/* CreateNew on an existing file; Open of missing ones; a folder */
	CHECK(rt_MonoIO_Open(w(f), 1, 3, 0, 0, (char *)&err) == -1 && err == RT_IO_FILE_EXISTS);
	CHECK(rt_MonoIO_Open(w(in_dir("no")), 3, 1, 0, 0, (char *)&err) == -1 &&
	      err == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_MonoIO_Open(w(in_dir("no/x")), 3, 1, 0, 0, (char *)&err) == -1 &&
	      err == RT_IO_PATH_NOT_FOUND);
	CHECK(rt_MonoIO_Open(w(in_dir("a.txt/x")), 3, 1, 0, 0, (char *)&err) == -1 &&
	      err == RT_IO_PATH_NOT_FOUND);
	CHECK(rt_MonoIO_Open(w(dir), 3, 1, 0, 0, (char *)&err) == -1 && err == RT_IO_ACCESS_DENIED);
	CHECK(rt_MonoIO_Open(w(dir), 3, 3, 0, 0, (char *)&err) == -1 && err == RT_IO_ACCESS_DENIED);
	/* DeleteOnClose */
	h = rt_MonoIO_Open(w(in_dir("tmp")), 2, 3, 0, 0x04000000, (char *)&err);
	CHECK(h >= 0 && access(in_dir("tmp"), F_OK) == 0);
	rt_MonoIO_Close(h, (char *)&err);
	CHECK(access(in_dir("tmp"), F_OK) != 0);
	/* the console */
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(rt_MonoIO_GetFileType(p[0], (char *)&err) == 3);
	close(p[0]);
	close(p[1]);
}

static void test_names(void)
{
	int32_t err = -1;
	const char *sub = in_dir("sub"), *f = in_dir("a.txt");
	CHECK(rt_MonoIO_CreateDirectory(w(sub), (char *)&err) && err == 0);
	CHECK(!rt_MonoIO_CreateDirectory(w(sub), (char *)&err) && err == RT_IO_ALREADY_EXISTS);
	CHECK(!rt_MonoIO_CreateDirectory(w(in_dir("no/sub")), (char *)&err) &&
	      err == RT_IO_PATH_NOT_FOUND);
	CHECK(rt_MonoIO_GetFileAttributes(w(sub), (char *)&err) == 16);
	CHECK(rt_MonoIO_GetFileAttributes(w(f), (char *)&err) == 128);
	CHECK(rt_MonoIO_GetFileAttributes(w(in_dir("no")), (char *)&err) == -1 &&
	      err == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_MonoIO_CopyFile(w(f), w(in_dir("sub/b")), false, (char *)&err));
	CHECK(!rt_MonoIO_CopyFile(w(f), w(in_dir("sub/b")), false, (char *)&err) &&
	      err == RT_IO_FILE_EXISTS);
	CHECK(rt_MonoIO_CopyFile(w(f), w(in_dir("sub/b")), true, (char *)&err));
	CHECK(!rt_MonoIO_CopyFile(w(in_dir("no")), w(in_dir("c")), true, (char *)&err) &&
	      err == RT_IO_FILE_NOT_FOUND);
	CHECK(!rt_MonoIO_MoveFile(w(in_dir("sub/b")), w(f), (char *)&err) &&
	      err == RT_IO_ALREADY_EXISTS);
	CHECK(rt_MonoIO_MoveFile(w(in_dir("sub/b")), w(in_dir("sub/.c")), (char *)&err));
	CHECK(rt_MonoIO_GetFileAttributes(w(in_dir("sub/.c")), (char *)&err) == 2);
	CHECK(!rt_MonoIO_RemoveDirectory(w(sub), (char *)&err) && err == RT_IO_DIR_NOT_EMPTY);
	CHECK(!rt_MonoIO_DeleteFile(w(sub), (char *)&err) && err == RT_IO_ACCESS_DENIED);
	CHECK(rt_MonoIO_DeleteFile(w(in_dir("sub/.c")), (char *)&err));
	CHECK(!rt_MonoIO_DeleteFile(w(in_dir("sub/.c")), (char *)&err) &&
	      err == RT_IO_FILE_NOT_FOUND);
	CHECK(rt_MonoIO_RemoveDirectory(w(sub), (char *)&err) && err == 0);
	RtString *cwd = (RtString *)rt_MonoIO_GetCurrentDirectory((char *)&err);
	char here[4096];
	CHECK(cwd && getcwd(here, sizeof here) && !strcmp(rt_str_to_utf8(cwd), here));
}

static void test_stat(void)
{
	struct { int32_t attrs; int64_t len, creation, access, write; } s;
	int32_t err = -1;
	const char *f = in_dir("a.txt");
	struct stat st;
	CHECK(stat(f, &st) == 0);
	CHECK(rt_MonoIO_GetFileStat(w(f), (char *)&s, (char *)&err) && err == 0);
	CHECK(s.attrs == 128 && s.len == 5);
	CHECK(s.write == rt_io_filetime(st.st_mtim.tv_sec, st.st_mtim.tv_nsec));
	CHECK(s.access == rt_io_filetime(st.st_atim.tv_sec, st.st_atim.tv_nsec));
	CHECK(s.creation <= s.write);
	CHECK(!rt_MonoIO_GetFileStat(w(in_dir("no")), (char *)&s, (char *)&err) &&
	      err == RT_IO_FILE_NOT_FOUND);

	RtFileStatus fs;
	CHECK(SystemNative_Stat2(f, &fs) == 0);
	CHECK(fs.size == 5 && (fs.mode & 0xF000) == 0x8000 && fs.flags == 0);
	CHECK(fs.mtime == st.st_mtim.tv_sec && fs.mtime_nsec == st.st_mtim.tv_nsec);
	CHECK(fs.ino == (int64_t)st.st_ino && fs.dev == (int64_t)st.st_dev);
	CHECK(fs.uid == st.st_uid && fs.user_flags == 0);
	CHECK(SystemNative_Stat2(dir, &fs) == 0 && (fs.mode & 0xF000) == 0x4000);
	CHECK(symlink("a.txt", in_dir("link")) == 0);
	CHECK(SystemNative_LStat2(in_dir("link"), &fs) == 0 && (fs.mode & 0xF000) == 0xA000);
	CHECK(rt_MonoIO_GetFileAttributes(w(in_dir("link")), (char *)&err) == 1024);   /* as Mono */
	unlink(in_dir("link"));
	CHECK(SystemNative_Stat2(in_dir("no"), &fs) == -1);
	CHECK(rt_Marshal_GetLastWin32Error() == ENOENT);
	CHECK(SystemNative_Unlink(in_dir("no")) == -1 && rt_last_error == ENOENT);
}

static void test_find(void)
{
	int32_t err = -1, attrs = 0;
	Object *name = NULL;
	int found = 0;
	intptr_t h = rt_MonoIO_FindFirstFile(w(in_dir("*.txt")), (char *)&name, (char *)&attrs,
					     (char *)&err);
	CHECK(h != -1 && err == 0);
	if (h != -1) {
		do
			found += !strcmp(rt_str_to_utf8((RtString *)name), "a.txt") && attrs == 128;
		while (rt_MonoIO_FindNextFile(h, (char *)&name, (char *)&attrs, (char *)&err));
		CHECK(err == RT_IO_NO_MORE_FILES);
		rt_MonoIO_FindCloseFile(h);
	}
	CHECK(found == 1);
	CHECK(rt_MonoIO_FindFirstFile(w(in_dir("*.none")), (char *)&name, (char *)&attrs,
				      (char *)&err) == -1 && err == RT_IO_NO_MORE_FILES);
	CHECK(rt_MonoIO_FindFirstFile(w(in_dir("no/*")), (char *)&name, (char *)&attrs,
				      (char *)&err) == -1 && err == RT_IO_PATH_NOT_FOUND);

	intptr_t d = SystemNative_OpenDir(dir);
	CHECK(d != 0);
	int32_t size = SystemNative_GetReadDirRBufferSize();
	uint8_t *buf = rt_gc_alloc_raw((size_t)size, true);
	TEntry e;
	int seen = 0, r;
	while ((r = SystemNative_ReadDirR(d, buf, size, &e)) == 0)
		seen += e.len == 5 && !memcmp(e.name, "a.txt", 5) && e.type == 8;
	CHECK(r == -1 && seen == 1);
	CHECK(SystemNative_CloseDir(d) == 0);
	CHECK(SystemNative_OpenDir(in_dir("no")) == 0 && rt_last_error == ENOENT);
}

static void test_pal_errors(void)
{
	CHECK(SystemNative_ConvertErrorPlatformToPal(0) == 0);
	CHECK(SystemNative_ConvertErrorPlatformToPal(ENOENT) == 65581);
	CHECK(SystemNative_ConvertErrorPlatformToPal(EACCES) == 65538);
	CHECK(SystemNative_ConvertErrorPlatformToPal(EWOULDBLOCK) == 65542);
	CHECK(SystemNative_ConvertErrorPlatformToPal(9999) == 0x1FFFF);
	CHECK(SystemNative_ConvertErrorPalToPlatform(65593) == ENOTDIR);
	CHECK(SystemNative_ConvertErrorPalToPlatform(65649) == ENODATA);
	CHECK(SystemNative_ConvertErrorPalToPlatform(1) == -1);
}

static void test_marshal_and_console(void)
{
	RtString *s = (RtString *)rt_Marshal_PtrToStringAnsi((intptr_t)"caf\xC3\xA9");
	CHECK(s && s->length == 4 && s->chars[3] == 0xE9);
	CHECK(rt_Marshal_PtrToStringAnsi(0) == NULL);
	s = (RtString *)rt_Marshal_PtrToStringAnsi_len((intptr_t)"ab\0cd", 5);
	CHECK(s && s->length == 5 && s->chars[2] == 0 && s->chars[4] == 'd');
	RtString *src = rt_str_from_utf8("\xE2\x82\xAC!");
	intptr_t h = rt_Marshal_StringToHGlobalAnsi((intptr_t)src->chars, src->length);
	CHECK(h && !strcmp((char *)h, "\xE2\x82\xAC!"));
	rt_Marshal_FreeHGlobal(h);
	/* the C locale's character set is ASCII, Mono's code 1, no name (the
	 * answer is computed once per process) */
	setenv("LC_ALL", "C", 1);
	int32_t cp = 0;
	RtString *name = (RtString *)rt_EncodingHelper_InternalCodePage((char *)&cp);
	CHECK(!name && cp == 1);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	t_byte = (RtType){ .ns = "System", .name = "Byte", .size = 1,
			   .flags = RT_T_VALUETYPE | RT_T_PRIMITIVE | RT_T_POINTERFREE,
			   .elem_kind = RT_E_U1, .base = &t_object };
	t_bytes = t_array_of(&t_byte, RT_E_U1, 1, 1, true);
	strcpy(dir, "/tmp/ilcc-test-io-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_error_codes();
	test_filetime();
	test_open_flags();
	test_handles();
	test_names();
	test_stat();
	test_find();
	test_pal_errors();
	test_marshal_and_console();
	unlink(in_dir("a.txt"));
	rmdir(dir);
	return t_done();
}
