/* cache: the folders where builds keep their work, safe against other
 * users, interrupted builds and each other.
 *
 * Contract:
 * - The cache belongs to one user: $XDG_CACHE_HOME/ilcc (when absolute),
 *   else $HOME/.cache/ilcc, else the passwd entry's home's; never a folder
 *   shared with other users. When none of these can be made, builds use a
 *   private mkdtemp folder that is removed when ilcc exits.
 * - Every cache folder is created 0700 and, before each use, must be a real
 *   folder (not a link) owned by the user and writable by no one else. One
 *   of ours that others may read is tightened to 0700; anything else is
 *   refused with a message saying how to fix it.
 * - cache_lock() serialises the builds that share a folder (flock).
 * - A manifest in each work folder records, per product, the hash of what
 *   it was made from and the hash of the product itself: a product is
 *   reused only when both still match (content, not modification times).
 * - Temporary files and child processes registered here are removed and
 *   ended when ilcc exits, fails or is interrupted (SIGINT, SIGTERM, SIGHUP).
 */
#ifndef ILCC_CACHE_H
#define ILCC_CACHE_H

#include "util.h"

#include <sys/types.h>

/* The work folder for an output or input path (created, checked). */
const char *cache_dir(const char *key);
/* True when cache_dir fell back to a private folder removed at exit. */
bool cache_is_private(void);
/* Creates path and its parents (mode for the ones it makes), with errno in
 * the message of any failure. */
void make_dirs(const char *path, mode_t mode);
/* Holds an exclusive lock on dir until cache_unlock() or exit. */
void cache_lock(const char *dir);
void cache_unlock(void);

/* ---- content hashes (SHA-1, as 40 hex digits) ---- */
typedef char Hash[41];
void hash_bytes(const void *data, size_t len, Hash out);
/* False when the file cannot be read (errno set). */
bool hash_file(const char *path, Hash out);

/* ---- the manifest: NAME VALUE lines in dir/manifest ---- */
void manifest_load(const char *dir);
const char *manifest_get(const char *name);         /* NULL: none */
void manifest_set(const char *name, const char *value);
void manifest_save(void);

/* ---- the object store ----
 * Objects shared by every work folder of the user, in the cache's
 * "objects" folder (0700, checked like the others), one file per key: the
 * hash of everything the object was made from (its C, the headers, the
 * compiler and options, ilcc). Each file starts with the SHA-1 of the
 * object it holds, checked at every use; files are written through a
 * temporary name and renamed, so concurrent builds see a whole object or
 * none. No store when the cache is a private folder. */
typedef enum { STORE_MISS, STORE_HIT, STORE_DAMAGED } StoreResult;
/* Writes the object stored under key to path (atomically). A stored file
 * whose object does not match its hash is removed: STORE_DAMAGED. */
StoreResult store_get(const char *key, const char *path);
/* The same from the installation's store, folder dir (made by `make`:
 * the class library's core units, see docs/design.md): read only, so a
 * damaged file there is only a miss, as is a folder that others than its
 * owner (root or the user) could write to or that is a link. */
StoreResult store_get_installed(const char *dir, const char *key, const char *path);
/* Stores the object at path under key; failures only lose the sharing. */
void store_put(const char *key, const char *path);
/* Keeps the store under ILCC_STORE_MB megabytes (default 1024): the
 * objects used least recently (a hit touches its file) go first, down to
 * three quarters of that. */
void store_trim(void);

/* ---- ilcc cache --stats / --clear ---- */
/* Prints the cache's folder, build folders, files and size; with clear,
 * empties every build folder no build holds (keeping its lock file) and
 * says how much it removed. Returns the exit status. */
int cache_command(bool clear);

/* ---- cleanup at exit ---- */
void cleanup_file(const char *path);                /* remove at exit */
void cleanup_keep(const char *path);                /* no longer */
void cleanup_child(pid_t pid);                      /* end and reap at exit */
void cleanup_child_done(pid_t pid);
void cleanup_run(void);                             /* all of it, now */

#endif
