// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgrd under a service manager: the real daemon, started as
 * vfmgrd_sock_test starts it (a config, socket and state file of the
 * test's own, a PF address no machine has), with NOTIFY_SOCKET naming a
 * datagram socket this test owns, as systemd does for Type=notify.  The
 * test plays systemd: READY=1 must come from the daemon's own pid, and
 * only once the control socket answers; STATUS= says what it manages;
 * SIGHUP gives RELOADING=1 with MONOTONIC_USEC=, then READY=1; SIGTERM
 * gives STOPPING=1.  And with JOURNAL_STREAM naming its stderr, as
 * systemd sets it, every log line starts with a syslog priority "<N>".
 *
 * usage: vfmgrd_notify_test [VFMGRD]  (default: ../vfmgr/vfmgrd beside it)
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <cmocka.h>

#include "vfmgrd_bin.h"

#include "proto.h"

#define WAIT_MS		10000
#define MSG_MAX		4096

static char daemon_bin[PATH_MAX];
static char dir[] = "/tmp/vfmgrd_notify_test.XXXXXX";
static char sock_path[PATH_MAX], conf_path[PATH_MAX], state_path[PATH_MAX],
	    log_path[PATH_MAX], notify_path[PATH_MAX];
static pid_t daemon_pid;
static int notify_fd = -1;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int ask(uint16_t op)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct vfmgr_msg_hdr h;
	int fd, status, err;
	char *text = NULL;

	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	strcpy(sun.sun_path, sock_path);
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		err = -errno;
		close(fd);
		return err;
	}
	vfmgr_msg_init(&h, op, sizeof(h), 0);
	if (send(fd, &h, sizeof(h), MSG_NOSIGNAL) != sizeof(h)) {
		err = -errno;
		close(fd);
		return err;
	}
	err = vfmgr_reply_recv(fd, &status, &text, 1 << 20);
	close(fd);
	free(text);
	return err ? err : status;
}

static uint64_t now_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/*
 * The service manager's end: a datagram socket that gets the sender's
 * credentials, at PATH, or in the abstract namespace when PATH starts
 * with '@'.  NOTIFY_SOCKET's value for it into NAME.
 */
static int notify_open(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	socklen_t len;
	int one = 1;
	int fd;

	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	assert_int_equal(setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one,
				    sizeof(one)), 0);
	assert_true(strlen(path) < sizeof(sun.sun_path));
	strcpy(sun.sun_path, path);
	len = offsetof(struct sockaddr_un, sun_path) + strlen(path);
	if (path[0] == '@')
		sun.sun_path[0] = '\0';
	else
		len++;
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, len), 0);
	snprintf(notify_path, sizeof(notify_path), "%s", path);
	return fd;
}

/* One datagram into BUF within MS milliseconds, and its sender: its length */
static int notify_recv(char *buf, size_t size, pid_t *pid, int ms)
{
	union {
		struct cmsghdr align;
		char b[CMSG_SPACE(sizeof(struct ucred))];
	} c;
	struct pollfd p = { .fd = notify_fd, .events = POLLIN };
	struct iovec iov = { .iov_base = buf, .iov_len = size - 1 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = c.b, .msg_controllen = sizeof(c.b),
	};
	struct cmsghdr *cm;
	ssize_t n;

	if (poll(&p, 1, ms) != 1)
		return -ETIMEDOUT;
	n = recvmsg(notify_fd, &m, MSG_DONTWAIT);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	*pid = 0;
	for (cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm)) {
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_CREDENTIALS) {
			struct ucred uc;

			memcpy(&uc, CMSG_DATA(cm), sizeof(uc));
			*pid = uc.pid;
		}
	}
	{
		char one[MSG_MAX], *c;

		snprintf(one, sizeof(one), "%s", buf);
		for (c = one; (c = strchr(c, '\n')); )
			*c = ' ';
		print_message("# notify from %d: %s\n", (int)*pid, one);
	}
	return (int)n;
}

/* The message has the line LINE ("READY=1") or a line starting with it ("STATUS=") */
static const char *has_line(const char *msg, const char *line, bool prefix)
{
	size_t len = strlen(line);
	const char *p = msg;

	while (p && *p) {
		if (!strncmp(p, line, len) && (prefix || p[len] == '\n' ||
					       !p[len]))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

/* Messages until one has LINE, within WAIT_MS; each checked to be the daemon's */
static void wait_line(const char *line, char *buf, size_t size)
{
	uint64_t end = now_usec() + WAIT_MS * 1000ull;
	pid_t pid;
	int n;

	do {
		n = notify_recv(buf, size, &pid, WAIT_MS);
		assert_true(n > 0);
		assert_int_equal(pid, daemon_pid);
		if (has_line(buf, line, false))
			return;
	} while (now_usec() < end);
	fail_msg("no %s from vfmgrd", line);
}

/* Start vfmgrd; JOURNAL as JOURNAL_STREAM's value, NOTIFY as NOTIFY_SOCKET's */
static void start_daemon(const char *notify, const char *journal)
{
	int fd;

	fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	assert_true(fd >= 0);
	daemon_pid = fork();
	assert_true(daemon_pid >= 0);
	if (!daemon_pid) {
		dup2(fd, 1);
		dup2(fd, 2);
		if (notify)
			setenv("NOTIFY_SOCKET", notify, 1);
		else
			unsetenv("NOTIFY_SOCKET");
		if (journal)
			setenv("JOURNAL_STREAM", journal, 1);
		else
			unsetenv("JOURNAL_STREAM");
		execl(daemon_bin, "vfmgrd", "-c", conf_path, "-S", sock_path,
		      "-s", state_path, (char *)NULL);
		_exit(127);
	}
	close(fd);
}

/* The daemon answers within WAIT_MS */
static void wait_serving(void)
{
	int i;

	for (i = 0; i < WAIT_MS / 50 && ask(VFMGR_OP_STATUS); i++)
		usleep(50 * 1000);
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);
}

static int stop_daemon(void)
{
	int status = -1;

	if (daemon_pid > 0) {
		kill(daemon_pid, SIGTERM);
		waitpid(daemon_pid, &status, 0);
		daemon_pid = 0;
	}
	return status;
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(sock_path, sizeof(sock_path), "%s/sock", dir);
	snprintf(conf_path, sizeof(conf_path), "%s/vfmgr.conf", dir);
	snprintf(state_path, sizeof(state_path), "%s/state.json", dir);
	snprintf(log_path, sizeof(log_path), "%s/vfmgrd.log", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	if (getenv("VFMGRD_NOTIFY_TEST_KEEP"))
		return 0;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Each test: a fresh config, a notify socket at PATH unless it is NULL */
static int test_start(const char *path)
{
	/* A PF address no machine has: the daemon touches no device */
	write_file(conf_path,
		   "[PF]\nPCIAddress=00ff:ff:1f.7\nNumVFs=1\n\n"
		   "[Profile web]\nVLANId=10\n");
	if (path)
		notify_fd = notify_open(path);
	return 0;
}

static int setup_path(void **state)
{
	char path[PATH_MAX];

	(void)state;
	snprintf(path, sizeof(path), "%s/notify", dir);
	unlink(path);
	return test_start(path);
}

static int setup_abstract(void **state)
{
	char path[64];

	(void)state;
	snprintf(path, sizeof(path), "@vfmgrd_notify_test/%d", (int)getpid());
	return test_start(path);
}

static int setup_none(void **state)
{
	(void)state;
	return test_start(NULL);
}

static int test_end(void **state)
{
	(void)state;
	stop_daemon();
	if (notify_fd >= 0)
		close(notify_fd);
	notify_fd = -1;
	return 0;
}

/* READY=1 once the control socket answers, from the daemon, with STATUS= */
static void test_ready(void **state)
{
	char msg[MSG_MAX], status[MSG_MAX] = "";
	const char *s;
	pid_t pid;
	int n;

	(void)state;
	start_daemon(notify_path, NULL);
	for (;;) {
		n = notify_recv(msg, sizeof(msg), &pid, WAIT_MS);
		assert_true(n > 0);
		assert_int_equal(pid, daemon_pid);
		s = has_line(msg, "STATUS=", true);
		if (s)
			snprintf(status, sizeof(status), "%.*s",
				 (int)strcspn(s, "\n"), s);
		if (has_line(msg, "READY=1", false))
			break;
		/* Nothing says ready before READY=1 */
		assert_null(has_line(msg, "STOPPING=1", false));
	}
	/* Ready means serving: the first connection gets its answer */
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);
	assert_string_equal(status, "STATUS=managing 0 PFs, 0 VFs allocated");
}

/* SIGHUP: RELOADING=1 stamped with the monotonic clock, then READY=1 */
static void test_reload(void **state)
{
	char msg[MSG_MAX];
	uint64_t before, after, stamp;
	const char *s;

	(void)state;
	start_daemon(notify_path, NULL);
	wait_line("READY=1", msg, sizeof(msg));

	before = now_usec();
	kill(daemon_pid, SIGHUP);
	wait_line("RELOADING=1", msg, sizeof(msg));
	after = now_usec();
	s = has_line(msg, "MONOTONIC_USEC=", true);
	assert_non_null(s);
	stamp = strtoull(s + strlen("MONOTONIC_USEC="), NULL, 10);
	assert_true(stamp >= before && stamp <= after);
	/* No READY=1 came with it: that follows once the reload is done */
	assert_null(has_line(msg, "READY=1", false));
	wait_line("READY=1", msg, sizeof(msg));
	assert_non_null(has_line(msg, "STATUS=managing ", true));
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);

	/* A rejected config is a reload too: the old one runs, ready again */
	write_file(conf_path, "[Profile web]\nVLANId=5000\n");
	kill(daemon_pid, SIGHUP);
	wait_line("RELOADING=1", msg, sizeof(msg));
	wait_line("READY=1", msg, sizeof(msg));
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);

	/* vfmgr reload over the control socket says the same */
	write_file(conf_path, "[Profile web]\nVLANId=10\n");
	assert_int_equal(ask(VFMGR_OP_RELOAD), 0);
	wait_line("RELOADING=1", msg, sizeof(msg));
	wait_line("READY=1", msg, sizeof(msg));
}

/* SIGTERM: STOPPING=1, then a clean exit */
static void test_stopping(void **state)
{
	char msg[MSG_MAX];
	int status;

	(void)state;
	start_daemon(notify_path, NULL);
	wait_line("READY=1", msg, sizeof(msg));
	kill(daemon_pid, SIGTERM);
	wait_line("STOPPING=1", msg, sizeof(msg));
	status = stop_daemon();
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* A NOTIFY_SOCKET in the abstract namespace, "@name" */
static void test_abstract(void **state)
{
	char msg[MSG_MAX];

	(void)state;
	start_daemon(notify_path, NULL);
	wait_line("READY=1", msg, sizeof(msg));
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);
}

/* Nobody listening on NOTIFY_SOCKET, or none given: the daemon serves on */
static void test_no_listener(void **state)
{
	char path[PATH_MAX];
	int status;

	(void)state;
	snprintf(path, sizeof(path), "%s/nobody", dir);
	start_daemon(path, NULL);
	wait_serving();
	kill(daemon_pid, SIGHUP);
	usleep(200 * 1000);
	assert_int_equal(ask(VFMGR_OP_STATUS), 0);
	status = stop_daemon();
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);

	start_daemon("relative/path", NULL);
	wait_serving();
	status = stop_daemon();
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* The log's lines checked by CHECK: how many pass; with TOTAL, all, and the others printed */
static unsigned int log_lines(bool (*check)(const char *line, const char *arg),
			      const char *arg, unsigned int *total)
{
	char line[1024];
	unsigned int n = 0, all = 0;
	FILE *f = fopen(log_path, "r");

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		all++;
		if (check(line, arg))
			n++;
		else if (total)
			print_message("# log: %s", line);
	}
	fclose(f);
	if (total)
		*total = all;
	return n;
}

static bool has_prio(const char *line, const char *arg)
{
	(void)arg;
	return line[0] == '<' && line[1] >= '0' && line[1] <= '7' &&
	       line[2] == '>' && line[3] != ' ' && line[3] != '\n';
}

/* ARG is "<N>text": the line is the text at that priority */
static bool is_line(const char *line, const char *arg)
{
	return !strncmp(line, arg, 3) && strstr(line + 3, arg + 3);
}

static bool no_prio(const char *line, const char *arg)
{
	(void)arg;
	return !strncmp(line, "vfmgrd: ", 8);
}

static void journal_of(const char *path, char *buf, size_t len)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	snprintf(buf, len, "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
}

static void bad_request(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	char buf[256];

	assert_true(fd >= 0);
	strcpy(sun.sun_path, sock_path);
	assert_int_equal(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	assert_int_equal(send(fd, "garbage", 7, MSG_NOSIGNAL), 7);
	assert_true(recv(fd, buf, sizeof(buf), 0) > 0);
	close(fd);
}

/* stderr is the journal: "<N>" on every line, at the priority it deserves */
static void test_log_journal(void **state)
{
	char journal[64];
	unsigned int total, n;
	int fd;

	(void)state;
	/* The log file exists before, so that its dev:ino is known */
	fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	close(fd);
	journal_of(log_path, journal, sizeof(journal));
	start_daemon(NULL, journal);
	wait_serving();
	bad_request();
	/* An error and a warning in the file, and the file refused */
	write_file(conf_path, "[Profile web]\nVLANId=5000\nColour=blue\n");
	assert_int_equal(ask(VFMGR_OP_RELOAD), -EINVAL);
	stop_daemon();

	n = log_lines(has_prio, NULL, &total);
	print_message("# %u of %u log lines with a priority\n", n, total);
	assert_true(total >= 6);
	assert_int_equal(n, total);
	assert_int_equal(log_lines(is_line, "<6>listening on ", NULL), 1);
	assert_int_equal(log_lines(is_line, "<4>malformed request", NULL), 1);
	assert_int_equal(log_lines(is_line, "<3>vfmgr.conf:2: invalid VLANId", NULL), 1);
	assert_int_equal(log_lines(is_line, "<4>vfmgr.conf:3: unknown key", NULL), 1);
	assert_int_equal(log_lines(is_line, "<3>vfmgr.conf rejected", NULL), 1);
	assert_int_equal(log_lines(is_line, "<6>stopping; ", NULL), 1);
}

/* JOURNAL_STREAM inherited, but stderr is elsewhere: plain lines */
static void test_log_plain(void **state)
{
	char journal[64];
	unsigned int total, n;

	(void)state;
	journal_of(conf_path, journal, sizeof(journal));
	start_daemon(NULL, journal);
	wait_serving();
	bad_request();
	stop_daemon();
	n = log_lines(no_prio, NULL, &total);
	assert_int_equal(n, total);
	assert_true(total >= 3);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ready, setup_path, test_end),
		cmocka_unit_test_setup_teardown(test_reload, setup_path, test_end),
		cmocka_unit_test_setup_teardown(test_stopping, setup_path, test_end),
		cmocka_unit_test_setup_teardown(test_abstract, setup_abstract, test_end),
		cmocka_unit_test_setup_teardown(test_no_listener, setup_none, test_end),
		cmocka_unit_test_setup_teardown(test_log_journal, setup_none, test_end),
		cmocka_unit_test_setup_teardown(test_log_plain, setup_none, test_end),
	};

	signal(SIGPIPE, SIG_IGN);
	if (vfmgrd_bin_find(daemon_bin, sizeof(daemon_bin), argc, argv))
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}
