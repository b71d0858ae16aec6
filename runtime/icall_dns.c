/* icall_dns.c: System.Net.Dns's internal calls, a resolver that works in
 * a static executable (glibc's getaddrinfo there needs NSS modules it
 * cannot load reliably).
 *
 * Provides, for a name: a literal address is itself; else the lines of
 * /etc/hosts naming it (canonical name: the line's first name); else
 * "localhost" is 127.0.0.1 and ::1; else a DNS query (A, then AAAA) over
 * UDP to each nameserver of /etc/resolv.conf in turn (TIMEOUT_MS each,
 * one retry), answers' CNAMEs followed within the packet. For an address,
 * as Mono: its name (/etc/hosts, else a PTR query, else its text), then
 * that name's addresses. No search domains, no TCP fallback, no
 * DNSSEC. A name that is not found gives `false`, which Mono's managed
 * code turns into SocketException 11001 (HostNotFound, "Could not
 * resolve host '...'"), as under Mono.
 * The empty name and the machine's own name are, as in Mono, the IPv4
 * addresses of its interfaces that are up, loopback aside.
 * The family hint is Mono's: 0 both, 1 IPv4 only, 2 IPv6 only. Results
 * are strings (address text) that the managed code parses.
 */
#include "internal.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MS 2000
#define MAX_ADDRS 32

typedef struct {
	char name[256];                 /* canonical name */
	char addrs[MAX_ADDRS][INET6_ADDRSTRLEN];
	int n;
} Answer;

static bool want(int family, int32_t hint)
{
	return hint == 0 || (hint == 1 && family == AF_INET) || (hint == 2 && family == AF_INET6);
}

/* Adds the text of an address (binary, of family) to a. */
static void add_addr(Answer *a, int family, const void *bin)
{
	if (a->n < MAX_ADDRS && inet_ntop(family, bin, a->addrs[a->n], INET6_ADDRSTRLEN))
		a->n++;
}

/* ---- /etc/hosts ---- */
/* by name (addr NULL) or by address text: fills a; true if found */
static bool hosts_lookup(const char *name, const char *addr, int32_t hint, Answer *a)
{
	FILE *f = fopen("/etc/hosts", "re");
	if (!f)
		return false;
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		char *hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		char *save, *ip = strtok_r(line, " \t\r\n", &save), *canon = NULL, *w;
		unsigned char bin[16];
		int fam = ip && inet_pton(AF_INET, ip, bin) == 1 ? AF_INET
			: ip && inet_pton(AF_INET6, ip, bin) == 1 ? AF_INET6 : 0;
		if (!fam)
			continue;
		while ((w = strtok_r(NULL, " \t\r\n", &save))) {
			if (!canon)
				canon = w;
			bool hit = addr ? !strcmp(addr, ip) : !strcasecmp(w, name);
			if (!hit || (!addr && !want(fam, hint)))
				continue;
			if (!a->name[0])
				snprintf(a->name, sizeof a->name, "%s", canon);
			add_addr(a, fam, bin);
			break;
		}
	}
	fclose(f);
	return a->n > 0;
}

/* ---- DNS over UDP ---- */
enum { T_A = 1, T_PTR = 12, T_AAAA = 28, T_CNAME = 5 };

/* Writes the query for name/type into q; its length, 0 if too long. */
static size_t dns_query(unsigned char *q, uint16_t id, const char *name, int type)
{
	size_t n = 12;
	memset(q, 0, 12);
	q[0] = (unsigned char)(id >> 8);
	q[1] = (unsigned char)id;
	q[2] = 1;                       /* recursion desired */
	q[5] = 1;                       /* one question */
	for (const char *p = name; *p;) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);
		if (len == 0 || len > 63 || n + len + 6 > 512)
			return 0;
		q[n++] = (unsigned char)len;
		memcpy(q + n, p, len);
		n += len;
		p += len + (dot ? 1 : 0);
	}
	q[n++] = 0;
	q[n++] = 0;
	q[n++] = (unsigned char)type;
	q[n++] = 0;
	q[n++] = 1;                     /* class IN */
	return n;
}

/* Reads the (maybe compressed) name at *pos into out; advances *pos. */
static bool dns_name(const unsigned char *m, size_t len, size_t *pos, char *out, size_t outlen)
{
	size_t p = *pos, o = 0;
	bool jumped = false;
	for (int hops = 0; hops < 64; hops++) {
		if (p >= len)
			return false;
		unsigned c = m[p];
		if (c == 0) {
			if (!jumped)
				*pos = p + 1;
			out[o ? o - 1 : 0] = 0;
			return true;
		}
		if ((c & 0xc0) == 0xc0) {
			if (p + 1 >= len)
				return false;
			if (!jumped)
				*pos = p + 2;
			jumped = true;
			p = (c & 0x3f) << 8 | m[p + 1];
			continue;
		}
		if (p + 1 + c > len || o + c + 1 >= outlen)
			return false;
		memcpy(out + o, m + p + 1, c);
		o += c;
		out[o++] = '.';
		p += 1 + c;
	}
	return false;
}

/* The records of type `type` in reply m that answer `name` (following
 * CNAMEs), into a; PTR names go to a->name. */
static void dns_parse(const unsigned char *m, size_t len, const char *name, int type, Answer *a)
{
	if (len < 12 || (m[3] & 0x0f) != 0)
		return;
	unsigned qd = m[4] << 8 | m[5], an = m[6] << 8 | m[7];
	size_t pos = 12;
	char owner[256], want_name[256];
	snprintf(want_name, sizeof want_name, "%s", name);
	for (unsigned i = 0; i < qd; i++)
		if (!dns_name(m, len, &pos, owner, sizeof owner) || (pos += 4) > len)
			return;
	for (unsigned i = 0; i < an; i++) {
		if (!dns_name(m, len, &pos, owner, sizeof owner) || pos + 10 > len)
			return;
		int rtype = m[pos] << 8 | m[pos + 1];
		size_t rdlen = (size_t)(m[pos + 8] << 8 | m[pos + 9]), rd = pos + 10;
		pos = rd + rdlen;
		if (pos > len)
			return;
		if (strcasecmp(owner, want_name))
			continue;
		if (rtype == T_CNAME || rtype == T_PTR) {
			char target[256];
			size_t p = rd;
			if (!dns_name(m, len, &p, target, sizeof target))
				return;
			if (rtype == T_PTR && type == T_PTR) {
				snprintf(a->name, sizeof a->name, "%s", target);
				a->n = a->n ? a->n : 1;
			} else if (rtype == T_CNAME) {
				snprintf(want_name, sizeof want_name, "%s", target);
				snprintf(a->name, sizeof a->name, "%s", target);
			}
		} else if (rtype == type && type == T_A && rdlen == 4) {
			add_addr(a, AF_INET, m + rd);
		} else if (rtype == type && type == T_AAAA && rdlen == 16) {
			add_addr(a, AF_INET6, m + rd);
		}
	}
}

/* One query to one server; true if it answered (found or not). */
static bool dns_ask(const struct sockaddr_in *ns, const char *name, int type, Answer *a)
{
	unsigned char q[512], r[1500];
	uint16_t id = (uint16_t)(rand() ^ getpid());
	size_t qn = dns_query(q, id, name, type);
	int s = qn ? socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0) : -1;
	if (s < 0)
		return false;
	bool answered = false;
	if (connect(s, (const struct sockaddr *)ns, sizeof *ns) == 0 && send(s, q, qn, 0) == (ssize_t)qn) {
		struct pollfd p = { .fd = s, .events = POLLIN };
		while (!answered && poll(&p, 1, TIMEOUT_MS) > 0) {
			ssize_t n = recv(s, r, sizeof r, 0);
			if (n < 12 || r[0] != q[0] || r[1] != q[1])
				continue;
			answered = true;
			dns_parse(r, (size_t)n, name, type, a);
		}
	}
	close(s);
	return answered;
}

/* Asks the nameservers of /etc/resolv.conf in turn. */
static void dns_lookup(const char *name, int type, Answer *a)
{
	FILE *f = fopen("/etc/resolv.conf", "re");
	if (!f)
		return;
	char line[512];
	struct sockaddr_in ns[3];
	int nns = 0;
	while (nns < 3 && fgets(line, sizeof line, f)) {
		char ip[64];
		memset(&ns[nns], 0, sizeof ns[nns]);
		if (sscanf(line, "nameserver %63s", ip) == 1 &&
		    inet_pton(AF_INET, ip, &ns[nns].sin_addr) == 1) {
			ns[nns].sin_family = AF_INET;
			ns[nns].sin_port = htons(53);
			nns++;
		}
	}
	fclose(f);
	for (int attempt = 0; attempt < 2; attempt++)
		for (int i = 0; i < nns; i++)
			if (dns_ask(&ns[i], name, type, a))
				return;
}

/* ---- the internal calls ---- */
static void set_ref(char *ref, Object *o) { RT_WRITE_REF((Object **)ref, o); }

/* Stores the answer through the out arguments; false if it is empty. */
static bool give(const Answer *a, const char *fallback_name, char *h_name, char *h_aliases,
		 char *h_addrs, bool need_addrs)
{
	if (need_addrs && a->n == 0)
		return false;
	RtArray *aliases = rt_gc_alloc_array(rt_known.string_array, 0);
	RtArray *addrs = aliases ? rt_gc_alloc_array(rt_known.string_array, a->n) : NULL;
	if (!addrs)
		return false;
	for (int i = 0; i < a->n && need_addrs; i++)
		RT_WRITE_REF(&RT_ARRAY_DATA(addrs, Object *)[i], (Object *)rt_str_from_utf8(a->addrs[i]));
	set_ref(h_name, (Object *)rt_str_from_utf8(a->name[0] ? a->name : fallback_name));
	set_ref(h_aliases, (Object *)aliases);
	set_ref(h_addrs, (Object *)addrs);
	return true;
}

/* The IPv4 addresses of the interfaces that are up, loopback aside. */
static void local_addrs(Answer *a)
{
	struct ifaddrs *list;
	if (getifaddrs(&list) != 0)
		return;
	for (struct ifaddrs *i = list; i; i = i->ifa_next)
		if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET && (i->ifa_flags & IFF_UP) &&
		    !(i->ifa_flags & IFF_LOOPBACK))
			add_addr(a, AF_INET, &((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr);
	freeifaddrs(list);
}

/* As Mono: "" and the machine's own name are the local interfaces'
 * addresses (if any), under the name as given. */
bool rt_Dns_GetHostByName_internal(RtString *host, char *h_name, char *h_aliases,
				   char *h_addrs, int32_t hint)
{
	const char *name = host ? rt_str_to_utf8(host) : "";
	Answer a;
	memset(&a, 0, sizeof a);
	unsigned char bin[16];
	char self[256] = "";
	gethostname(self, sizeof self - 1);
	if (inet_pton(AF_INET, name, bin) == 1)
		add_addr(&a, AF_INET, bin);
	else if (inet_pton(AF_INET6, name, bin) == 1)
		add_addr(&a, AF_INET6, bin);
	else if ((!*name || !strcmp(name, self)) && want(AF_INET, hint))
		local_addrs(&a);
	if (!a.n && !*name)
		name = self;
	if (!a.n && !hosts_lookup(name, NULL, hint, &a) && !strcasecmp(name, "localhost")) {
		if (want(AF_INET, hint))
			add_addr(&a, AF_INET, &(struct in_addr){ htonl(INADDR_LOOPBACK) });
		if (want(AF_INET6, hint))
			add_addr(&a, AF_INET6, &in6addr_loopback);
	}
	if (!a.n && want(AF_INET, hint))
		dns_lookup(name, T_A, &a);
	if (!a.n && want(AF_INET6, hint))
		dns_lookup(name, T_AAAA, &a);
	return give(&a, name, h_name, h_aliases, h_addrs, true);
}

/* "4.3.2.1.in-addr.arpa" or the nibbles of an IPv6 address */
static bool reverse_name(const char *addr, char *out, size_t len)
{
	unsigned char b[16];
	if (inet_pton(AF_INET, addr, b) == 1)
		return snprintf(out, len, "%u.%u.%u.%u.in-addr.arpa", b[3], b[2], b[1], b[0]) > 0;
	if (inet_pton(AF_INET6, addr, b) != 1)
		return false;
	size_t o = 0;
	for (int i = 15; i >= 0; i--)
		o += (size_t)snprintf(out + o, len - o, "%x.%x.", b[i] & 15, b[i] >> 4);
	snprintf(out + o, len - o, "ip6.arpa");
	return true;
}

/* As Mono (getnameinfo, then getaddrinfo of its answer): the address's
 * name (/etc/hosts, else PTR, else the address's text), and that name's
 * addresses. */
bool rt_Dns_GetHostByAddr_internal(RtString *addr, char *h_name, char *h_aliases,
				   char *h_addrs, int32_t hint)
{
	const char *text = addr ? rt_str_to_utf8(addr) : "";
	Answer a;
	memset(&a, 0, sizeof a);
	unsigned char bin[16];
	if (inet_pton(AF_INET, text, bin) != 1 && inet_pton(AF_INET6, text, bin) != 1)
		return false;
	char rev[128];
	if (!hosts_lookup(NULL, text, 0, &a) && reverse_name(text, rev, sizeof rev))
		dns_lookup(rev, T_PTR, &a);
	RtString *name = rt_str_from_utf8(a.name[0] ? a.name : text);
	return rt_Dns_GetHostByName_internal(name, h_name, h_aliases, h_addrs, hint);
}

bool rt_Dns_GetHostName_internal(char *h_name)
{
	char name[256] = "";
	if (gethostname(name, sizeof name - 1) != 0)
		return false;
	set_ref(h_name, (Object *)rt_str_from_utf8(name));
	return true;
}
