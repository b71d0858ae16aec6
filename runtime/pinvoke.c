/* pinvoke: P/Invokes into libraries that are not linked in, bound at the
 * first call (as Native AOT's lazy binding and Mono do).
 *
 * The compiler emits, for each such P/Invoke, a pointer slot and a call
 * of rt_pinvoke_resolve(slot, module, entry) before the call. The module
 * is loaded with dlopen, probing as Mono does on Linux: for a name
 * without a folder, "libNAME.so", "NAME.so", then NAME as given, each
 * first in the executable's folder and then through the system's search
 * (LD_LIBRARY_PATH, the cache); a name with a folder only as given. A
 * module that no name loads raises DllNotFoundException, an entry point
 * it lacks EntryPointNotFoundException, with Mono's messages; both are
 * raised again at every call, as Mono does. Only programs that reach such
 * a P/Invoke link this file (and so dlopen): in a static executable,
 * glibc's dlopen needs the same glibc's shared libraries where it runs.
 */
#include "internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The folder of the running executable, with a trailing '/', or "". */
static const char *exe_dir(void)
{
	static char dir[PATH_MAX];
	if (!dir[0]) {
		ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
		dir[n > 0 ? n : 0] = 0;
		char *slash = strrchr(dir, '/');
		if (slash)
			slash[1] = 0;
		else
			strcpy(dir, "./");
	}
	return dir;
}

static void *open_name(const char *name)
{
	char path[PATH_MAX];
	if (strchr(name, '/'))
		return dlopen(name, RTLD_NOW | RTLD_GLOBAL);
	if (snprintf(path, sizeof path, "%s%s", exe_dir(), name) < (int)sizeof path) {
		void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
		if (h)
			return h;
	}
	return dlopen(name, RTLD_NOW | RTLD_GLOBAL);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

/* module, probed as the header says; NULL if nothing loads. "libc" is
 * glibc's, as Mono's dllmap says. */
static void *open_module(const char *module)
{
	char name[PATH_MAX];
	if (!strcmp(module, "libc") || !strcmp(module, "c"))
		module = "libc.so.6";
	if (!strchr(module, '/')) {
		const char *so = has_suffix(module, ".so") || strstr(module, ".so.") ? "" : ".so";
		const char *lib = strncmp(module, "lib", 3) ? "lib" : "";
		snprintf(name, sizeof name, "%s%s%s", lib, module, so);
		void *h = open_name(name);
		if (h)
			return h;
		snprintf(name, sizeof name, "%s%s", module, so);
		if ((h = open_name(name)))
			return h;
	}
	return open_name(module);
}

/* Modules loaded so far, by the name the program gave. */
static struct { const char *module; void *handle; } loaded[64];
static unsigned nloaded;

static void *module_handle(const char *module)
{
	for (unsigned i = 0; i < nloaded; i++)
		if (!strcmp(loaded[i].module, module))
			return loaded[i].handle;
	void *h = open_module(module);
	if (h && nloaded < sizeof loaded / sizeof *loaded)
		loaded[nloaded].module = module, loaded[nloaded++].handle = h;
	return h;
}

void *rt_pinvoke_resolve(void **slot, const char *module, const char *entry)
{
	void *fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (fn)
		return fn;
	pthread_mutex_lock(&lock);
	void *h = module_handle(module);
	fn = h ? dlsym(h, entry) : NULL;
	pthread_mutex_unlock(&lock);
	char msg[512];
	if (!h) {
		snprintf(msg, sizeof msg, "%s assembly:<unknown assembly> type:<unknown type> member:(null)",
			 module);
		rt_exc_throw_msg(RT_EXC_DLLNOTFOUND, msg);
		return NULL;
	}
	if (!fn) {
		snprintf(msg, sizeof msg, "%s assembly:<unknown assembly> type:<unknown type> member:(null)",
			 entry);
		rt_exc_throw_msg(RT_EXC_ENTRYPOINT, msg);
		return NULL;
	}
	__atomic_store_n(slot, fn, __ATOMIC_RELEASE);
	return fn;
}

/* errno as a library bound here sets it: in a static executable, the
 * library's C library is the shared libc.so.6 that dlopen loaded beside
 * the static one, with an errno of its own (the same one in a dynamic
 * executable). Read for SetLastError. */
int rt_pinvoke_errno(void)
{
	static int *(*location)(void);
	int *(*loc)(void) = __atomic_load_n(&location, __ATOMIC_ACQUIRE);
	if (!loc) {
		int saved = errno;
		void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
		loc = libc ? (int *(*)(void))dlsym(libc, "__errno_location") : NULL;
		if (!loc)
			loc = __errno_location;
		__atomic_store_n(&location, loc, __ATOMIC_RELEASE);
		errno = saved;
	}
	return *loc();
}
