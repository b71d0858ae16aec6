/* firstresp: time from a server's start to its first answer.
 *
 *   firstresp PORT PATH COMMAND [ARGS...]
 *
 * Starts COMMAND (its output to /dev/null), then polls 127.0.0.1:PORT
 * every 100 us: connect, send "GET PATH HTTP/1.1", read until the status
 * line has arrived. Prints the microseconds from just before fork to the
 * first "HTTP/1.x 200" status line, and the server's resident set (VmRSS,
 * kB) at that moment; then kills the server (SIGKILL) and reaps it.
 * Gives up after 30 s. Exit status 0 on an answer, 1 otherwise. Used by
 * bench/run's http section; not a test. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* One attempt: 1 when the server answered 200, 0 when not (yet). */
static int try_once(int port, const char *path)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return 0;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int ok = 0;
	if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
		char req[512], buf[64];
		int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				 "Connection: close\r\n\r\n", path);
		size_t got = 0;
		ssize_t r;
		if (write(fd, req, n) == n)
			while (got < 12 && (r = read(fd, buf + got, sizeof buf - 1 - got)) > 0)
				got += r;
		buf[got] = 0;
		ok = got >= 12 && !strncmp(buf, "HTTP/1.", 7) && !strncmp(buf + 9, "200", 3);
	}
	close(fd);
	return ok;
}

static long rss_kb(pid_t pid)
{
	char name[64], line[256];
	long kb = -1;
	snprintf(name, sizeof name, "/proc/%d/status", (int)pid);
	FILE *f = fopen(name, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "VmRSS:", 6))
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: firstresp PORT PATH COMMAND [ARGS...]\n");
		return 2;
	}
	int port = atoi(argv[1]);
	long long t0 = now_us();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	if (pid < 0)
		return perror("firstresp: fork"), 1;
	int ok = 0;
	struct timespec pause = {0, 100000};
	while (!ok && now_us() - t0 < 30000000LL) {
		ok = try_once(port, argv[2]);
		if (!ok) {
			if (waitpid(pid, NULL, WNOHANG) == pid) {
				fprintf(stderr, "firstresp: %s exited before answering\n", argv[3]);
				return 1;
			}
			nanosleep(&pause, NULL);
		}
	}
	long long t = now_us() - t0;
	long kb = rss_kb(pid);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	if (!ok) {
		fprintf(stderr, "firstresp: no answer on port %d in 30 s\n", port);
		return 1;
	}
	printf("%lld %ld\n", t, kb);
	return 0;
}
