/* icall_identity.c: WindowsIdentity and WindowsImpersonationContext on
 * Unix, as Mono has them: a token is a user id in an IntPtr. Reached by
 * HttpWebRequest (WebRequest captures the caller's identity) and
 * HttpListener (Basic authentication makes an identity).
 *
 * Provides: the current token is the effective user id; its name comes
 * from /etc/passwd, read directly because glibc's getpwuid needs NSS
 * modules a static executable cannot load ("" if absent, as Mono gives
 * for a user it cannot name); impersonation sets the effective user id
 * and reverting sets it back to the real one; duplicating a token is the
 * same id and closing one has nothing to free.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

intptr_t rt_WindowsIdentity_GetCurrentToken(void)
{
	return (intptr_t)geteuid();
}

/* Field FIELD (0 the name, 5 the home folder) of uid's line of
 * /etc/passwd ("name:pw:uid:gid:gecos:dir:shell"), or "". */
void rt_passwd_field(unsigned uid, int field, char *out, size_t len)
{
	out[0] = 0;
	FILE *f = fopen("/etc/passwd", "re");
	if (!f)
		return;
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		char *fields[7] = { 0 }, *p = line;
		line[strcspn(line, "\n")] = 0;
		for (int i = 0; i < 7 && p; i++)
			fields[i] = strsep(&p, ":");
		if (fields[2] && fields[field] && strtoul(fields[2], NULL, 10) == uid) {
			snprintf(out, len, "%s", fields[field]);
			break;
		}
	}
	fclose(f);
}

Object *rt_WindowsIdentity_GetTokenName(intptr_t token)
{
	char name[256];
	rt_passwd_field((uid_t)token, 0, name, sizeof name);
	return (Object *)rt_str_from_utf8(name);
}

intptr_t rt_WindowsImpersonationContext_DuplicateToken(intptr_t token)
{
	return token;
}

bool rt_WindowsImpersonationContext_SetCurrentToken(intptr_t token)
{
	return seteuid((uid_t)token) == 0;
}

bool rt_WindowsImpersonationContext_RevertToSelf(void)
{
	return seteuid(getuid()) == 0;
}

bool rt_WindowsImpersonationContext_CloseToken(intptr_t token)
{
	(void)token;
	return true;
}
