/* icall_net.c: the internal calls under Mono's System.Net.Sockets.Socket
 * (System.dll), SocketException's last error, and System.IOSelector, the
 * readiness selector under Mono's asynchronous socket calls.
 *
 * Requires: rt_known's socket fields (rt.h): SocketAddress, which
 * LocalEndPoint, RemoteEndPoint and ReceiveFrom make, LingerOption,
 * Socket.m_Handle and SafeHandle.handle (Select), boxed Int32, the
 * IOSelectorJob's operation and pool_queue (ThreadPool's
 * UnsafeQueueCustomWorkItem).
 * Provides: handles are plain file descriptors in an IntPtr. Every call
 * stores a Winsock code (0: success) through its `error` argument, which
 * Mono's managed code turns into SocketException(code): errno is mapped
 * to the WSAE* code of the same name, as Mono maps it, and the managed
 * library picks the message. SocketAddress is Mono's byte layout: the
 * managed AddressFamily in bytes 0-1 (little-endian), the port in bytes
 * 2-3 (big-endian), then IPv4's 4 address bytes at 4, or IPv6's flow
 * information at 4-7, 16 address bytes at 8 and the scope id
 * (little-endian) at 24; Unix sockets: the path from byte 2.
 * Blocking calls can be interrupted: Mono's SafeSocketHandle, closing a
 * socket other threads block on, calls cancel_blocking_socket_operation
 * for each (again every 100 ms until they leave); that marks the thread
 * cancelled and sends it SIG_CANCEL, whose handler does nothing but make
 * the system call fail with EINTR, so the call returns WSAEINTR.
 * The selector (IOSelector.Add) keeps, per descriptor, the jobs waiting
 * for it to become readable or writable, and one epoll thread: when a
 * descriptor is ready, the first job waiting for each ready direction
 * is taken off the list and handed to the managed thread pool, where it
 * runs its callback (which retries the operation, and adds itself again
 * if that would still block). Closing a socket hands all its jobs to the
 * pool, where they find the socket closed, as Mono does.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gc/gc.h>      /* pthread_create registers the thread */

#define FIELD(o, off, T) (*(T *)((char *)(o) + (off)))
#define SIG_CANCEL SIGURG   /* ignored by default; no socket asks for it */

/* ---- errors: errno -> Winsock codes (WSAE* of the same name) ---- */
enum {
	WSA_EINTR = 10004, WSA_EBADF = 10009, WSA_EACCES = 10013, WSA_EFAULT = 10014,
	WSA_EINVAL = 10022, WSA_EMFILE = 10024, WSA_EWOULDBLOCK = 10035,
	WSA_EINPROGRESS = 10036, WSA_EALREADY = 10037, WSA_ENOTSOCK = 10038,
	WSA_EDESTADDRREQ = 10039, WSA_EMSGSIZE = 10040, WSA_EPROTOTYPE = 10041,
	WSA_ENOPROTOOPT = 10042, WSA_EPROTONOSUPPORT = 10043,
	WSA_ESOCKTNOSUPPORT = 10044, WSA_EOPNOTSUPP = 10045, WSA_EPFNOSUPPORT = 10046,
	WSA_EAFNOSUPPORT = 10047, WSA_EADDRINUSE = 10048, WSA_EADDRNOTAVAIL = 10049,
	WSA_ENETDOWN = 10050, WSA_ENETUNREACH = 10051, WSA_ENETRESET = 10052,
	WSA_ECONNABORTED = 10053, WSA_ECONNRESET = 10054, WSA_ENOBUFS = 10055,
	WSA_EISCONN = 10056, WSA_ENOTCONN = 10057, WSA_ESHUTDOWN = 10058,
	WSA_ETIMEDOUT = 10060, WSA_ECONNREFUSED = 10061, WSA_EHOSTDOWN = 10064,
	WSA_EHOSTUNREACH = 10065,
};

static const struct { int err; int32_t wsa; } wsa_errors[] = {
	{ EINTR, WSA_EINTR }, { EBADF, WSA_EBADF }, { EACCES, WSA_EACCES },
	{ EPERM, WSA_EACCES }, { EFAULT, WSA_EFAULT }, { EINVAL, WSA_EINVAL },
	{ EMFILE, WSA_EMFILE }, { ENFILE, WSA_EMFILE }, { EAGAIN, WSA_EWOULDBLOCK },
	{ EINPROGRESS, WSA_EINPROGRESS }, { EALREADY, WSA_EALREADY },
	{ ENOTSOCK, WSA_ENOTSOCK }, { EDESTADDRREQ, WSA_EDESTADDRREQ },
	{ EMSGSIZE, WSA_EMSGSIZE }, { EPROTOTYPE, WSA_EPROTOTYPE },
	{ ENOPROTOOPT, WSA_ENOPROTOOPT }, { EPROTONOSUPPORT, WSA_EPROTONOSUPPORT },
	{ ESOCKTNOSUPPORT, WSA_ESOCKTNOSUPPORT }, { EOPNOTSUPP, WSA_EOPNOTSUPP },
	{ EPFNOSUPPORT, WSA_EPFNOSUPPORT }, { EAFNOSUPPORT, WSA_EAFNOSUPPORT },
	{ EADDRINUSE, WSA_EADDRINUSE }, { EADDRNOTAVAIL, WSA_EADDRNOTAVAIL },
	{ ENETDOWN, WSA_ENETDOWN }, { ENETUNREACH, WSA_ENETUNREACH },
	{ ENETRESET, WSA_ENETRESET }, { ECONNABORTED, WSA_ECONNABORTED },
	{ ECONNRESET, WSA_ECONNRESET }, { ENOBUFS, WSA_ENOBUFS }, { ENOMEM, WSA_ENOBUFS },
	{ EISCONN, WSA_EISCONN }, { ENOTCONN, WSA_ENOTCONN }, { EPIPE, WSA_ESHUTDOWN },
	{ ESHUTDOWN, WSA_ESHUTDOWN }, { ETIMEDOUT, WSA_ETIMEDOUT },
	{ ECONNREFUSED, WSA_ECONNREFUSED }, { EHOSTDOWN, WSA_EHOSTDOWN },
	{ EHOSTUNREACH, WSA_EHOSTUNREACH },
};

static __thread int32_t last_error;     /* WSAGetLastError */

static int32_t wsa_code(int err)
{
	for (size_t i = 0; i < sizeof wsa_errors / sizeof *wsa_errors; i++)
		if (wsa_errors[i].err == err)
			return wsa_errors[i].wsa;
	return err ? WSA_EINVAL : 0;
}

static void set_error(char *error, int32_t code)
{
	*(int32_t *)error = code;
	if (code)
		last_error = code;
}

/* errno as the call's error; returns -1 for the callers' convenience. */
static int fail(char *error)
{
	set_error(error, wsa_code(errno));
	return -1;
}

int32_t rt_SocketException_WSAGetLastError_internal(void) { return last_error; }

/* ---- interruptible blocking calls ---- */
typedef struct Blocker {
	pthread_t thread;
	volatile sig_atomic_t cancelled;
	struct Blocker *next;
} Blocker;

static pthread_mutex_t blockers_lock = PTHREAD_MUTEX_INITIALIZER;
static Blocker *blockers;
static pthread_once_t cancel_once = PTHREAD_ONCE_INIT;

static void on_cancel(int sig) { (void)sig; }

static void cancel_init(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_cancel;      /* no SA_RESTART: the call fails */
	sigemptyset(&sa.sa_mask);
	sigaction(SIG_CANCEL, &sa, NULL);
}

static void block_enter(Blocker *b)
{
	pthread_once(&cancel_once, cancel_init);
	b->thread = pthread_self();
	b->cancelled = 0;
	pthread_mutex_lock(&blockers_lock);
	b->next = blockers;
	blockers = b;
	pthread_mutex_unlock(&blockers_lock);
}

static void block_leave(Blocker *b)
{
	pthread_mutex_lock(&blockers_lock);
	for (Blocker **p = &blockers; *p; p = &(*p)->next)
		if (*p == b) {
			*p = b->next;
			break;
		}
	pthread_mutex_unlock(&blockers_lock);
}

/* After a failed call: try again? (EINTR not from a cancel) */
static bool again(Blocker *b)
{
	if (errno != EINTR)
		return false;
	if (b->cancelled)
		return false;
	return true;
}

void rt_Socket_cancel_blocking_socket_operation(Object *thread)
{
	Object *it = thread ? FIELD(thread, rt_known.thread_internal_off, Object *) : NULL;
	if (!it)
		return;
	pthread_t tid = (pthread_t)FIELD(it, rt_known.ithread_tid_off, int64_t);
	pthread_mutex_lock(&blockers_lock);
	for (Blocker *b = blockers; b; b = b->next)
		if (pthread_equal(b->thread, tid)) {
			b->cancelled = 1;
			pthread_kill(tid, SIG_CANCEL);
		}
	pthread_mutex_unlock(&blockers_lock);
}

/* ---- SocketAddress <-> struct sockaddr ---- */
enum { AF_M_UNSPEC = 0, AF_M_UNIX = 1, AF_M_INET = 2, AF_M_INET6 = 23 };

static const struct { int32_t managed; int native; } families[] = {
	{ AF_M_UNSPEC, AF_UNSPEC }, { AF_M_UNIX, AF_UNIX }, { AF_M_INET, AF_INET },
	{ AF_M_INET6, AF_INET6 },
};

static int native_family(int32_t managed)
{
	for (size_t i = 0; i < sizeof families / sizeof *families; i++)
		if (families[i].managed == managed)
			return families[i].native;
	return -1;
}

static int32_t managed_family(int native)
{
	for (size_t i = 0; i < sizeof families / sizeof *families; i++)
		if (families[i].native == native)
			return families[i].managed;
	return -1;
}

/* The address a SocketAddress holds; 0 (and *error set) if it cannot be. */
static socklen_t to_native(Object *sa, struct sockaddr_storage *ss, char *error)
{
	memset(ss, 0, sizeof *ss);
	RtArray *buf = sa ? FIELD(sa, rt_known.sa_buffer_off, RtArray *) : NULL;
	int32_t size = sa ? FIELD(sa, rt_known.sa_size_off, int32_t) : 0;
	const uint8_t *b = buf ? buf->data : NULL;
	if (!b || size < 2 || (uintptr_t)size > buf->length) {
		set_error(error, WSA_EFAULT);
		return 0;
	}
	int fam = native_family(b[0] | b[1] << 8);
	uint16_t port = htons((uint16_t)(b[2] << 8 | b[3]));
	if (fam == AF_INET && size >= 8) {
		struct sockaddr_in *in = (struct sockaddr_in *)ss;
		in->sin_family = AF_INET;
		in->sin_port = port;
		memcpy(&in->sin_addr, b + 4, 4);
		return sizeof *in;
	}
	if (fam == AF_INET6 && size >= 28) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = port;
		memcpy(&in6->sin6_addr, b + 8, 16);
		in6->sin6_scope_id = (uint32_t)b[24] | (uint32_t)b[25] << 8 |
			(uint32_t)b[26] << 16 | (uint32_t)b[27] << 24;
		return sizeof *in6;
	}
	if (fam == AF_UNIX && (size_t)size - 2 < sizeof ((struct sockaddr_un *)0)->sun_path) {
		struct sockaddr_un *un = (struct sockaddr_un *)ss;
		un->sun_family = AF_UNIX;
		memcpy(un->sun_path, b + 2, (size_t)size - 2);
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)size - 2);
	}
	set_error(error, WSA_EAFNOSUPPORT);
	return 0;
}

/* A new SocketAddress holding ss; NULL (and *error set) if it cannot. */
static Object *from_native(const struct sockaddr_storage *ss, socklen_t len, char *error)
{
	int32_t fam = managed_family(ss->ss_family);
	size_t size = ss->ss_family == AF_INET ? 16 : ss->ss_family == AF_INET6 ? 28
		: ss->ss_family == AF_UNIX ? 2 + strnlen(((const struct sockaddr_un *)ss)->sun_path,
				len > offsetof(struct sockaddr_un, sun_path)
				? len - offsetof(struct sockaddr_un, sun_path) : 0)
		: 0;
	if (fam < 0 || !size || !rt_known.socket_address_type) {
		set_error(error, WSA_EAFNOSUPPORT);
		return NULL;
	}
	Object *sa = rt_gc_alloc(rt_known.socket_address_type);
	RtArray *buf = sa ? rt_gc_alloc_array(rt_known.byte_array, (intptr_t)size) : NULL;
	if (!buf)
		return NULL;
	uint8_t *b = buf->data;
	b[0] = (uint8_t)fam;
	b[1] = (uint8_t)(fam >> 8);
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
		uint16_t port = ntohs(in->sin_port);
		b[2] = (uint8_t)(port >> 8);
		b[3] = (uint8_t)port;
		memcpy(b + 4, &in->sin_addr, 4);
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
		uint16_t port = ntohs(in6->sin6_port);
		b[2] = (uint8_t)(port >> 8);
		b[3] = (uint8_t)port;
		memcpy(b + 8, &in6->sin6_addr, 16);
		for (int i = 0; i < 4; i++)
			b[24 + i] = (uint8_t)(in6->sin6_scope_id >> (8 * i));
	} else {
		memcpy(b + 2, ((const struct sockaddr_un *)ss)->sun_path, size - 2);
	}
	FIELD(sa, rt_known.sa_size_off, int32_t) = (int32_t)size;
	RT_WRITE_REF(&FIELD(sa, rt_known.sa_buffer_off, RtArray *), buf);
	set_error(error, 0);
	return sa;
}

/* ---- creating, binding, connecting ---- */
intptr_t rt_Socket_Socket_internal(Object *self, int32_t family, int32_t type, int32_t proto,
				   char *error)
{
	(void)self;
	int fam = native_family(family);
	if (fam < 0) {
		set_error(error, WSA_EAFNOSUPPORT);
		return -1;
	}
	int fd = socket(fam, type | SOCK_CLOEXEC, proto < 0 ? 0 : proto);
	if (fd < 0)
		return fail(error);
	int on = 1;     /* as Mono: every socket reuses addresses */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	set_error(error, 0);
	return fd;
}

static void io_forget(int fd);

void rt_Socket_Close_internal(intptr_t fd, char *error)
{
	io_forget((int)fd);
	set_error(error, close((int)fd) == 0 || errno == EINTR ? 0 : wsa_code(errno));
}

void rt_Socket_Bind_internal(intptr_t fd, Object *sa, char *error)
{
	struct sockaddr_storage ss;
	socklen_t len = to_native(sa, &ss, error);
	if (!len)
		return;
	if (bind((int)fd, (struct sockaddr *)&ss, len) < 0)
		fail(error);
	else
		set_error(error, 0);
}

void rt_Socket_Listen_internal(intptr_t fd, int32_t backlog, char *error)
{
	if (listen((int)fd, backlog) < 0) {
		fail(error);
		return;
	}
	set_error(error, 0);
}

intptr_t rt_Socket_Accept_internal(intptr_t fd, char *error, bool blocking)
{
	Blocker b;
	block_enter(&b);
	int s;
	do
		s = accept4((int)fd, NULL, NULL, SOCK_CLOEXEC);
	while (s < 0 && again(&b));
	block_leave(&b);
	if (s < 0)
		return fail(error);
	(void)blocking;
	set_error(error, 0);
	return s;
}

/* A blocking connect a signal interrupted goes on in the background: wait
 * for it and read its outcome. */
static int connect_wait(int fd, Blocker *b)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int r;
	do
		r = poll(&p, 1, -1);
	while (r < 0 && again(b));
	if (r < 0)
		return -1;
	int err = 0;
	socklen_t len = sizeof err;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return -1;
	errno = err;
	return err ? -1 : 0;
}

void rt_Socket_Connect_internal(intptr_t fd, Object *sa, char *error, bool blocking)
{
	struct sockaddr_storage ss;
	socklen_t len = to_native(sa, &ss, error);
	if (!len)
		return;
	Blocker b;
	block_enter(&b);
	int r = connect((int)fd, (struct sockaddr *)&ss, len);
	if (r < 0 && errno == EINTR && !b.cancelled)
		r = connect_wait((int)fd, &b);
	block_leave(&b);
	(void)blocking;
	if (r == 0) {
		set_error(error, 0);
		return;
	}
	int32_t code = wsa_code(errno);
	set_error(error, code == WSA_EINPROGRESS ? WSA_EWOULDBLOCK : code);
}

/* Disconnect(reuse): the descriptor becomes a fresh, unconnected socket of
 * the same kind. */
void rt_Socket_Disconnect_internal(intptr_t fd, bool reuse, char *error)
{
	(void)reuse;
	int dom = 0, type = 0, proto = 0;
	socklen_t len = sizeof dom;
	if (getsockopt((int)fd, SOL_SOCKET, SO_DOMAIN, &dom, &len) < 0 ||
	    getsockopt((int)fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 ||
	    getsockopt((int)fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0) {
		fail(error);
		return;
	}
	int s = socket(dom, type | SOCK_CLOEXEC, proto);
	if (s < 0 || dup2(s, (int)fd) < 0) {
		fail(error);
		if (s >= 0)
			close(s);
		return;
	}
	close(s);
	set_error(error, 0);
}

void rt_Socket_Shutdown_internal(intptr_t fd, int32_t how, char *error)
{
	if (shutdown((int)fd, how) < 0)
		fail(error);
	else
		set_error(error, 0);
}

void rt_Socket_Blocking_internal(intptr_t fd, bool block, char *error)
{
	int fl = fcntl((int)fd, F_GETFL);
	if (fl < 0 || fcntl((int)fd, F_SETFL, block ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
		fail(error);
	else
		set_error(error, 0);
}

int32_t rt_Socket_Available_internal(intptr_t fd, char *error)
{
	int n = 0;
	if (ioctl((int)fd, FIONREAD, &n) < 0) {
		fail(error);
		return 0;
	}
	set_error(error, 0);
	return n;
}

Object *rt_Socket_LocalEndPoint_internal(intptr_t fd, int32_t family, char *error)
{
	(void)family;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	memset(&ss, 0, sizeof ss);
	if (getsockname((int)fd, (struct sockaddr *)&ss, &len) < 0) {
		fail(error);
		return NULL;
	}
	return from_native(&ss, len, error);
}

Object *rt_Socket_RemoteEndPoint_internal(intptr_t fd, int32_t family, char *error)
{
	(void)family;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	memset(&ss, 0, sizeof ss);
	if (getpeername((int)fd, (struct sockaddr *)&ss, &len) < 0) {
		fail(error);
		return NULL;
	}
	return from_native(&ss, len, error);
}

/* ---- sending and receiving ---- */
/* SocketFlags: OutOfBand, Peek, DontRoute; others are not supported */
static int msg_flags(int32_t flags, char *error)
{
	static const struct { int32_t managed; int native; } map[] = {
		{ 1, MSG_OOB }, { 2, MSG_PEEK }, { 4, MSG_DONTROUTE },
	};
	int native = 0;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (flags & map[i].managed) {
			native |= map[i].native;
			flags &= ~map[i].managed;
		}
	if (flags) {
		set_error(error, WSA_EOPNOTSUPP);
		return -1;
	}
	return native;
}

/* Socket.WSABUF: { int len; IntPtr buf; } */
typedef struct { int32_t len; char *buf; } WsaBuf;

static int32_t recv_msg(intptr_t fd, struct msghdr *m, int32_t flags, char *error)
{
	int fl = msg_flags(flags, error);
	if (fl < 0)
		return -1;
	Blocker b;
	block_enter(&b);
	ssize_t n;
	do
		n = recvmsg((int)fd, m, fl);
	while (n < 0 && again(&b));
	block_leave(&b);
	if (n < 0)
		return fail(error);
	set_error(error, 0);
	return (int32_t)n;
}

/* A blocking stream socket sends everything, as Windows does; a signal
 * (the collector's) could otherwise cut a send short. */
static int32_t send_msg(intptr_t fd, struct msghdr *m, int32_t flags, char *error, bool blocking)
{
	int fl = msg_flags(flags, error);
	if (fl < 0)
		return -1;
	Blocker b;
	block_enter(&b);
	ssize_t total = 0, n;
	for (;;) {
		n = sendmsg((int)fd, m, fl | MSG_NOSIGNAL);
		if (n < 0 && again(&b))
			continue;
		if (n <= 0)
			break;
		total += n;
		while (m->msg_iovlen && (size_t)n >= m->msg_iov->iov_len) {
			n -= (ssize_t)m->msg_iov->iov_len;
			m->msg_iov++;
			m->msg_iovlen--;
		}
		if (!m->msg_iovlen || !blocking || m->msg_name)
			break;
		m->msg_iov->iov_base = (char *)m->msg_iov->iov_base + n;
		m->msg_iov->iov_len -= (size_t)n;
	}
	block_leave(&b);
	if (n < 0 && total == 0)
		return fail(error);
	set_error(error, 0);
	return (int32_t)total;
}

int32_t rt_Socket_Receive_internal(intptr_t fd, char *buf, int32_t count, int32_t flags,
				   char *error, bool blocking)
{
	(void)blocking;
	struct iovec v = { buf, (size_t)count };
	struct msghdr m = { .msg_iov = &v, .msg_iovlen = 1 };
	return recv_msg(fd, &m, flags, error);
}

/* the WSABUF* form */
int32_t rt_Socket_Receive_internal_bufs(intptr_t fd, intptr_t bufs, int32_t count,
					int32_t flags, char *error, bool blocking)
{
	(void)blocking;
	struct iovec *v = rt_gc_alloc_raw(sizeof *v * (size_t)(count > 0 ? count : 1), true);
	for (int32_t i = 0; i < count; i++)
		v[i] = (struct iovec){ ((WsaBuf *)bufs)[i].buf, (size_t)((WsaBuf *)bufs)[i].len };
	struct msghdr m = { .msg_iov = v, .msg_iovlen = (size_t)count };
	return recv_msg(fd, &m, flags, error);
}

int32_t rt_Socket_Send_internal(intptr_t fd, char *buf, int32_t count, int32_t flags,
				char *error, bool blocking)
{
	struct iovec v = { buf, (size_t)count };
	struct msghdr m = { .msg_iov = &v, .msg_iovlen = 1 };
	return send_msg(fd, &m, flags, error, blocking);
}

int32_t rt_Socket_Send_internal_bufs(intptr_t fd, intptr_t bufs, int32_t count, int32_t flags,
				     char *error, bool blocking)
{
	struct iovec *v = rt_gc_alloc_raw(sizeof *v * (size_t)(count > 0 ? count : 1), true);
	for (int32_t i = 0; i < count; i++)
		v[i] = (struct iovec){ ((WsaBuf *)bufs)[i].buf, (size_t)((WsaBuf *)bufs)[i].len };
	struct msghdr m = { .msg_iov = v, .msg_iovlen = (size_t)count };
	return send_msg(fd, &m, flags, error, blocking);
}

int32_t rt_Socket_ReceiveFrom_internal(intptr_t fd, char *buf, int32_t count, int32_t flags,
				       char *sockaddr, char *error, bool blocking)
{
	(void)blocking;
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	struct iovec v = { buf, (size_t)count };
	struct msghdr m = { .msg_name = &ss, .msg_namelen = sizeof ss, .msg_iov = &v,
			    .msg_iovlen = 1 };
	int32_t n = recv_msg(fd, &m, flags, error);
	if (n < 0)
		return n;
	Object *sa = m.msg_namelen ? from_native(&ss, m.msg_namelen, error) : NULL;
	RT_WRITE_REF((Object **)sockaddr, sa);
	return n;
}

int32_t rt_Socket_SendTo_internal(intptr_t fd, char *buf, int32_t count, int32_t flags,
				  Object *sa, char *error, bool blocking)
{
	struct sockaddr_storage ss;
	socklen_t len = to_native(sa, &ss, error);
	if (!len)
		return -1;
	struct iovec v = { buf, (size_t)count };
	struct msghdr m = { .msg_name = &ss, .msg_namelen = len, .msg_iov = &v, .msg_iovlen = 1 };
	return send_msg(fd, &m, flags, error, blocking);
}

/* pre_buffer, the file's bytes, post_buffer */
static bool send_all(int fd, const void *p, size_t n, char *error)
{
	struct iovec v = { (void *)p, n };
	struct msghdr m = { .msg_iov = &v, .msg_iovlen = 1 };
	return n == 0 || send_msg(fd, &m, 0, error, true) >= 0;
}

bool rt_Socket_SendFile_internal(intptr_t fd, RtString *filename, RtArray *pre, RtArray *post,
				 int32_t flags, char *error, bool blocking)
{
	(void)flags;
	(void)blocking;
	int f = filename ? open(rt_str_to_utf8(filename), O_RDONLY | O_CLOEXEC) : -1;
	if (f < 0) {
		fail(error);
		return false;
	}
	struct stat st;
	bool ok = fstat(f, &st) == 0 &&
		(!pre || send_all((int)fd, pre->data, pre->length, error));
	off_t off = 0;
	while (ok && off < st.st_size) {
		ssize_t n = sendfile((int)fd, f, &off, (size_t)(st.st_size - off));
		if (n < 0 && errno != EINTR) {
			fail(error);
			ok = false;
		}
		else if (n == 0)
			break;
	}
	ok = ok && (!post || send_all((int)fd, post->data, post->length, error));
	close(f);
	if (ok)
		set_error(error, 0);
	return ok;
}

/* ---- waiting for readiness ---- */
/* SelectMode: SelectRead, SelectWrite, SelectError */
static const short select_events[] = { POLLIN, POLLOUT, POLLPRI };

/* poll() for up to us microseconds (-1: no limit), resumed after signals. */
static int poll_for(struct pollfd *p, nfds_t n, int64_t us)
{
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	int64_t end_ns = (int64_t)end.tv_sec * 1000000000 + end.tv_nsec + us * 1000;
	Blocker b;
	block_enter(&b);
	int r;
	for (;;) {
		int ms = -1;
		if (us >= 0) {
			struct timespec now;
			clock_gettime(CLOCK_MONOTONIC, &now);
			int64_t left = end_ns - ((int64_t)now.tv_sec * 1000000000 + now.tv_nsec);
			ms = left <= 0 ? 0 : (int)((left + 999999) / 1000000);
		}
		r = poll(p, n, ms);
		if (r >= 0 || !again(&b))
			break;
	}
	block_leave(&b);
	return r;
}

bool rt_Socket_Poll_internal(intptr_t fd, int32_t mode, int32_t timeout, char *error)
{
	if (mode < 0 || mode > 2) {
		set_error(error, WSA_EINVAL);
		return false;
	}
	struct pollfd p = { .fd = (int)fd, .events = select_events[mode] };
	int r = poll_for(&p, 1, timeout < 0 ? -1 : timeout);
	if (r < 0) {
		fail(error);
		return false;
	}
	set_error(error, 0);
	if (r == 0)
		return false;
	if (mode == 2)      /* SelectError: a failed connect */
		return (p.revents & (POLLERR | POLLPRI)) != 0;
	return p.revents != 0;
}

static intptr_t handle_of(Object *socket)
{
	Object *h = FIELD(socket, rt_known.socket_handle_off, Object *);
	return h ? FIELD(h, rt_known.safe_handle_off, intptr_t) : -1;
}

/* The sockets array holds the read list, null, the write list, null, the
 * error list, null; it is replaced by one of the same form holding the
 * sockets that are ready. */
void rt_Socket_Select_internal(char *sockets, int32_t us, char *error)
{
	RtArray *in = *(RtArray **)sockets;
	size_t n = in ? in->length : 0;
	Object **s = in ? RT_ARRAY_DATA(in, Object *) : NULL;
	struct pollfd *p = rt_gc_alloc_raw(sizeof *p * (n ? n : 1), true);
	int mode = 0;
	for (size_t i = 0; i < n; i++) {
		p[i].fd = -1;
		if (!s[i])
			mode++;
		else if (mode < 3) {
			p[i].fd = (int)handle_of(s[i]);
			p[i].events = select_events[mode];
		}
	}
	int r = poll_for(p, n, us < 0 ? -1 : us);
	if (r < 0) {
		fail(error);
		return;
	}
	size_t ready = 3;
	for (size_t i = 0; i < n; i++)
		ready += s[i] && p[i].revents;
	RtArray *out = rt_gc_alloc_array(in->hdr.type, (intptr_t)ready);
	if (!out)
		return;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool err_mode = p[i].events == POLLPRI;
		bool hit = err_mode ? (p[i].revents & (POLLERR | POLLPRI)) : p[i].revents;
		if (!s[i])
			k++;                /* the null ending a list */
		else if (hit)
			RT_WRITE_REF(&RT_ARRAY_DATA(out, Object *)[k++], s[i]);
	}
	RT_WRITE_REF((RtArray **)sockets, out);
	set_error(error, 0);
}

/* ---- options ---- */
enum {
	LEVEL_SOCKET = 0xffff, LEVEL_IP = 0, LEVEL_IPV6 = 41, LEVEL_TCP = 6, LEVEL_UDP = 17,
	OPT_LINGER = 0x80, OPT_DONTLINGER = ~0x80, OPT_EXCLUSIVE = ~4,
	OPT_SNDTIMEO = 0x1005, OPT_RCVTIMEO = 0x1006,
};

/* (SocketOptionLevel, SocketOptionName) -> (level, name) of the system */
static const struct { int32_t level, name; int nlevel, nname; } options[] = {
	{ LEVEL_SOCKET, 1, SOL_SOCKET, SO_DEBUG },
	{ LEVEL_SOCKET, 2, SOL_SOCKET, SO_ACCEPTCONN },
	{ LEVEL_SOCKET, 4, SOL_SOCKET, SO_REUSEADDR },
	{ LEVEL_SOCKET, 8, SOL_SOCKET, SO_KEEPALIVE },
	{ LEVEL_SOCKET, 0x10, SOL_SOCKET, SO_DONTROUTE },
	{ LEVEL_SOCKET, 0x20, SOL_SOCKET, SO_BROADCAST },
	{ LEVEL_SOCKET, OPT_LINGER, SOL_SOCKET, SO_LINGER },
	{ LEVEL_SOCKET, OPT_DONTLINGER, SOL_SOCKET, SO_LINGER },
	{ LEVEL_SOCKET, 0x100, SOL_SOCKET, SO_OOBINLINE },
	{ LEVEL_SOCKET, 0x1001, SOL_SOCKET, SO_SNDBUF },
	{ LEVEL_SOCKET, 0x1002, SOL_SOCKET, SO_RCVBUF },
	{ LEVEL_SOCKET, 0x1003, SOL_SOCKET, SO_SNDLOWAT },
	{ LEVEL_SOCKET, 0x1004, SOL_SOCKET, SO_RCVLOWAT },
	{ LEVEL_SOCKET, OPT_SNDTIMEO, SOL_SOCKET, SO_SNDTIMEO },
	{ LEVEL_SOCKET, OPT_RCVTIMEO, SOL_SOCKET, SO_RCVTIMEO },
	{ LEVEL_SOCKET, 0x1007, SOL_SOCKET, SO_ERROR },
	{ LEVEL_SOCKET, 0x1008, SOL_SOCKET, SO_TYPE },
	{ LEVEL_IP, 1, IPPROTO_IP, IP_OPTIONS },
	{ LEVEL_IP, 2, IPPROTO_IP, IP_HDRINCL },
	{ LEVEL_IP, 3, IPPROTO_IP, IP_TOS },
	{ LEVEL_IP, 4, IPPROTO_IP, IP_TTL },
	{ LEVEL_IP, 9, IPPROTO_IP, IP_MULTICAST_IF },
	{ LEVEL_IP, 10, IPPROTO_IP, IP_MULTICAST_TTL },
	{ LEVEL_IP, 11, IPPROTO_IP, IP_MULTICAST_LOOP },
	{ LEVEL_IP, 14, IPPROTO_IP, IP_MTU_DISCOVER },
	{ LEVEL_IP, 19, IPPROTO_IP, IP_PKTINFO },
	{ LEVEL_IPV6, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS },
	{ LEVEL_IPV6, 21, IPPROTO_IPV6, IPV6_UNICAST_HOPS },
	{ LEVEL_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY },
	{ LEVEL_IPV6, 19, IPPROTO_IPV6, IPV6_RECVPKTINFO },
	{ LEVEL_TCP, 1, IPPROTO_TCP, TCP_NODELAY },
	{ LEVEL_TCP, 3, IPPROTO_TCP, TCP_KEEPIDLE },
	{ LEVEL_TCP, 16, IPPROTO_TCP, TCP_KEEPCNT },
	{ LEVEL_TCP, 17, IPPROTO_TCP, TCP_KEEPINTVL },
};

static bool native_option(int32_t level, int32_t name, int *nlevel, int *nname, char *error)
{
	for (size_t i = 0; i < sizeof options / sizeof *options; i++)
		if (options[i].level == level && options[i].name == name) {
			*nlevel = options[i].nlevel;
			*nname = options[i].nname;
			return true;
		}
	set_error(error, WSA_ENOPROTOOPT);
	return false;
}

static Object *box_int(int32_t v)
{
	if (!rt_known.int32_type)
		return NULL;
	Object *o = rt_gc_alloc(rt_known.int32_type);
	if (o)
		*(int32_t *)(o + 1) = v;
	return o;
}

void rt_Socket_GetSocketOption_obj_internal(intptr_t fd, int32_t level, int32_t name,
					    char *obj, char *error)
{
	int nl, nn;
	if (!native_option(level, name, &nl, &nn, error))
		return;
	union { int i; struct linger l; struct timeval tv; } v;
	memset(&v, 0, sizeof v);
	socklen_t len = sizeof v;
	if (getsockopt((int)fd, nl, nn, &v, &len) < 0) {
		fail(error);
		return;
	}
	Object *o;
	if (nn == SO_LINGER && name == OPT_LINGER) {
		o = rt_known.linger_type ? rt_gc_alloc(rt_known.linger_type) : NULL;
		if (o) {
			FIELD(o, rt_known.linger_enabled_off, bool) = v.l.l_onoff != 0;
			FIELD(o, rt_known.linger_time_off, int32_t) = v.l.l_linger;
		}
	} else if (nn == SO_LINGER) {       /* DontLinger */
		o = box_int(!v.l.l_onoff);
	} else if (nn == SO_SNDTIMEO || nn == SO_RCVTIMEO) {
		o = box_int((int32_t)(v.tv.tv_sec * 1000 + v.tv.tv_usec / 1000));
	} else if (nn == SO_ERROR) {
		o = box_int(wsa_code(v.i));
	} else {
		o = box_int(v.i);
	}
	RT_WRITE_REF((Object **)obj, o);
	set_error(error, 0);
}

void rt_Socket_GetSocketOption_arr_internal(intptr_t fd, int32_t level, int32_t name,
					    char *bytes, char *error)
{
	int nl, nn;
	RtArray *a = *(RtArray **)bytes;
	if (!native_option(level, name, &nl, &nn, error))
		return;
	socklen_t len = a ? (socklen_t)a->length : 0;
	if (getsockopt((int)fd, nl, nn, a ? a->data : NULL, &len) < 0)
		fail(error);
	else
		set_error(error, 0);
}

static int set_opt(intptr_t fd, int nl, int nn, const void *v, socklen_t len, char *error)
{
	if (setsockopt((int)fd, nl, nn, v, len) < 0)
		return fail(error);
	set_error(error, 0);
	return 0;
}

void rt_Socket_SetSocketOption_internal(intptr_t fd, int32_t level, int32_t name, Object *obj,
					RtArray *bytes, int32_t ival, char *error)
{
	int nl, nn;
	if (!native_option(level, name, &nl, &nn, error))
		return;
	if (bytes) {
		set_opt(fd, nl, nn, bytes->data, (socklen_t)bytes->length, error);
	} else if (obj && obj->type == rt_known.linger_type && rt_known.linger_type) {
		struct linger l = { FIELD(obj, rt_known.linger_enabled_off, bool),
				    FIELD(obj, rt_known.linger_time_off, int32_t) };
		set_opt(fd, nl, nn, &l, sizeof l, error);
	} else if (obj) {
		set_error(error, WSA_ENOPROTOOPT);      /* multicast groups: not done */
	} else if (nn == SO_LINGER) {               /* DontLinger */
		struct linger l = { !ival, 0 };
		set_opt(fd, nl, nn, &l, sizeof l, error);
	} else if (nn == SO_SNDTIMEO || nn == SO_RCVTIMEO) {
		struct timeval tv = { ival / 1000, (ival % 1000) * 1000 };
		set_opt(fd, nl, nn, &tv, sizeof tv, error);
	} else {
		set_opt(fd, nl, nn, &ival, sizeof ival, error);
	}
}

/* FIONBIO and FIONREAD, with Windows' codes */
int32_t rt_Socket_IOControl_internal(intptr_t fd, int32_t code, RtArray *in, RtArray *out,
				     char *error)
{
	int v = 0;
	if ((uint32_t)code == 0x8004667Eu && in && in->length >= 4) {
		memcpy(&v, in->data, 4);
		rt_Socket_Blocking_internal(fd, v == 0, error);
		return *(int32_t *)error ? -1 : 0;
	}
	if ((uint32_t)code == 0x4004667Fu && out && out->length >= 4) {
		v = rt_Socket_Available_internal(fd, error);
		memcpy(out->data, &v, 4);
		return *(int32_t *)error ? -1 : 4;
	}
	set_error(error, WSA_EINVAL);
	return -1;
}

bool rt_Socket_SupportsPortReuse(int32_t proto) { (void)proto; return true; }

bool rt_Socket_Duplicate_internal(intptr_t fd, int32_t pid, char *dup_handle, char *error)
{
	(void)pid;
	int d = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
	*(int32_t *)error = d < 0 ? rt_io_error(errno) : RT_IO_SUCCESS;
	*(intptr_t *)dup_handle = d;
	return d >= 0;
}

/* ---- IOSelector ---- */
typedef struct Job {
	Object *job;                /* IOSelectorJob */
	int32_t op;                 /* IOOperation: Read 1, Write 2 */
	struct Job *next;
} Job;

typedef struct { Job *jobs; bool registered; } FdJobs;

static pthread_mutex_t io_lock = PTHREAD_MUTEX_INITIALIZER;
static FdJobs *io_fds;              /* by descriptor; collected heap */
static int io_nfds;
static int io_epoll = -1;

static bool io_grow(int fd)
{
	if (fd < io_nfds)
		return true;
	int n = io_nfds ? io_nfds : 64;
	while (n <= fd)
		n *= 2;
	FdJobs *t = rt_gc_alloc_raw(sizeof *t * (size_t)n, false);
	if (!t)
		return false;
	memset(t, 0, sizeof *t * (size_t)n);
	if (io_fds)
		memcpy(t, io_fds, sizeof *t * (size_t)io_nfds);
	io_fds = t;
	io_nfds = n;
	return true;
}

/* Under io_lock: the epoll registration that fd's jobs want. Each is
 * one-shot: a reported descriptor is disabled until armed again, so the
 * common turn (a job waits, is reported, is taken) costs one epoll_ctl,
 * not an ADD and a DEL. `closing`: fd is going, unregister it. A
 * descriptor closed while disabled left epoll with its close, so a MOD
 * that finds it gone (the number reused) adds it. */
static void io_arm(int fd, bool closing)
{
	uint32_t ev = 0;
	for (Job *j = io_fds[fd].jobs; j; j = j->next)
		ev |= (j->op & 1 ? EPOLLIN : 0) | (j->op & 2 ? EPOLLOUT : 0);
	struct epoll_event e = { .events = ev | EPOLLONESHOT, .data.fd = fd };
	if (!ev) {
		if (closing && io_fds[fd].registered)
			epoll_ctl(io_epoll, EPOLL_CTL_DEL, fd, &e);
		io_fds[fd].registered &= !closing;
		return;
	}
	int how = io_fds[fd].registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
	if (epoll_ctl(io_epoll, how, fd, &e) < 0) {
		if (how == EPOLL_CTL_ADD && errno == EEXIST)
			epoll_ctl(io_epoll, EPOLL_CTL_MOD, fd, &e);
		else if (how == EPOLL_CTL_MOD && errno == ENOENT)
			epoll_ctl(io_epoll, EPOLL_CTL_ADD, fd, &e);
	}
	io_fds[fd].registered = true;
}

/* Under io_lock: takes fd's first job waiting for `op`. */
static Object *io_take(int fd, int32_t op)
{
	for (Job **p = &io_fds[fd].jobs; *p; p = &(*p)->next)
		if ((*p)->op & op) {
			Object *job = (*p)->job;
			*p = (*p)->next;
			return job;
		}
	return NULL;
}

static void io_queue(Object *job)
{
	if (!job)
		return;
	rt_known.pool_queue(job);
	if (rt_pending)
		rt_exc_unhandled();
}

static void *io_thread(void *unused)
{
	(void)unused;
	rt_thread_attach(false);
	struct epoll_event ev[64];
	for (;;) {
		int n = epoll_wait(io_epoll, ev, 64, -1);
		for (int i = 0; i < n; i++) {
			int fd = ev[i].data.fd;
			bool err = ev[i].events & (EPOLLERR | EPOLLHUP);
			Object *rd = NULL, *wr = NULL;
			pthread_mutex_lock(&io_lock);
			if (fd < io_nfds) {
				if (err || (ev[i].events & EPOLLIN))
					rd = io_take(fd, 1);
				if (err || (ev[i].events & EPOLLOUT))
					wr = io_take(fd, 2);
				if (io_fds[fd].jobs)
					io_arm(fd, false);
			}
			pthread_mutex_unlock(&io_lock);
			io_queue(rd);
			io_queue(wr);
		}
	}
	return NULL;
}

static bool io_start(void)
{
	if (io_epoll >= 0)
		return true;
	io_epoll = epoll_create1(EPOLL_CLOEXEC);
	if (io_epoll < 0)
		return false;
	pthread_t tid;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	bool ok = pthread_create(&tid, &attr, io_thread, NULL) == 0;
	pthread_attr_destroy(&attr);
	return ok;
}

void rt_IOSelector_Add(intptr_t handle, Object *job)
{
	int fd = (int)handle;
	Job *j = rt_gc_alloc_raw(sizeof *j, false);
	if (!j || !rt_known.pool_queue)
		return;
	j->job = job;
	j->op = FIELD(job, rt_known.io_job_op_off, int32_t);
	pthread_mutex_lock(&io_lock);
	bool ok = fd >= 0 && io_start() && io_grow(fd);
	if (ok) {
		Job **p = &io_fds[fd].jobs;
		while (*p)
			p = &(*p)->next;
		*p = j;
		io_arm(fd, false);
	}
	pthread_mutex_unlock(&io_lock);
	if (!ok)
		io_queue(job);          /* runs now, and fails as the socket does */
}

/* Hands every job waiting on fd to the pool (it is being closed). */
static void io_forget(int fd)
{
	pthread_mutex_lock(&io_lock);
	Job *jobs = NULL;
	if (fd >= 0 && fd < io_nfds) {
		jobs = io_fds[fd].jobs;
		io_fds[fd].jobs = NULL;
		io_arm(fd, true);
	}
	pthread_mutex_unlock(&io_lock);
	for (Job *j = jobs; j; j = j->next)
		io_queue(j->job);
}

void rt_IOSelector_Remove(intptr_t handle) { io_forget((int)handle); }
