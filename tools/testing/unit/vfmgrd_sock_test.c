// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgrd's control socket against a hostile or broken client: the real
 * daemon, started on a config, socket and state file of the test's own
 * (no PF matches, so it touches no device), gets malformed messages,
 * oversize ones, silent clients, unprivileged clients and a flood, and
 * must answer each with an error, keep serving, and keep its log short.
 * Also the config checks around it: vfmgrd -n, a rejected reload, and a
 * second daemon on the same state.
 *
 * usage: vfmgrd_sock_test [VFMGRD]  (default: ../vfmgr/vfmgrd beside it)
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

static char daemon_bin[PATH_MAX];
static char dir[] = "/tmp/vfmgrd_sock_test.XXXXXX";
static char sock_path[PATH_MAX], conf_path[PATH_MAX], state_path[PATH_MAX],
	    log_path[PATH_MAX];
static pid_t daemon_pid;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int connect_sock(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	strcpy(sun.sun_path, sock_path);
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/* Send LEN bytes as one message; the reply's status, or -errno */
static int ask(const void *msg, size_t len, char **text)
{
	char *t = NULL;
	int fd, status, err;

	fd = connect_sock();
	if (fd < 0)
		return fd;
	if (send(fd, msg, len, MSG_NOSIGNAL) != (ssize_t)len) {
		err = -errno;
		close(fd);
		return err;
	}
	err = vfmgr_reply_recv(fd, &status, &t, 1 << 20);
	close(fd);
	if (err)
		return err;
	if (text)
		*text = t;
	else
		free(t);
	return status;
}

static int ask_status(void)
{
	struct vfmgr_msg_hdr h;

	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0);
	return ask(&h, sizeof(h), NULL);
}

static pid_t start_daemon(const char *extra_log)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (!pid) {
		int fd = open(extra_log ? extra_log : log_path,
			      O_WRONLY | O_CREAT | O_APPEND, 0644);

		dup2(fd, 1);
		dup2(fd, 2);
		execl(daemon_bin, "vfmgrd", "-c", conf_path, "-S", sock_path,
		      "-s", state_path, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static bool daemon_alive(void)
{
	return !waitpid(daemon_pid, NULL, WNOHANG);
}

static unsigned int log_lines_with(const char *what)
{
	char line[1024];
	unsigned int n = 0;
	FILE *f = fopen(log_path, "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, what))
			n++;
	fclose(f);
	return n;
}

static int setup(void **state)
{
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(sock_path, sizeof(sock_path), "%s/sock", dir);
	snprintf(conf_path, sizeof(conf_path), "%s/vfmgr.conf", dir);
	snprintf(state_path, sizeof(state_path), "%s/state.json", dir);
	snprintf(log_path, sizeof(log_path), "%s/vfmgrd.log", dir);
	/* A PF address no machine has: the daemon touches no device */
	write_file(conf_path,
		   "[PF]\nPCIAddress=00ff:ff:1f.7\nNumVFs=1\n\n"
		   "[Profile web]\nVLANId=10\n");
	daemon_pid = start_daemon(NULL);
	for (i = 0; i < 100 && ask_status(); i++)
		usleep(50 * 1000);
	return ask_status() == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	if (daemon_pid > 0) {
		kill(daemon_pid, SIGTERM);
		waitpid(daemon_pid, NULL, 0);
	}
	if (getenv("VFMGRD_SOCK_TEST_KEEP"))
		return 0;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_status(void **state)
{
	struct vfmgr_msg_hdr h;
	char *text = NULL;

	(void)state;
	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0);
	assert_int_equal(ask(&h, sizeof(h), &text), 0);
	assert_non_null(strstr(text, "VF"));
	assert_non_null(strstr(text, "STATE"));
	free(text);
	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), VFMGR_F_JSON);
	assert_int_equal(ask(&h, sizeof(h), &text), 0);
	assert_string_equal(text, "[\n]\n");
	free(text);
}

/* Each malformed message: an error reply, and the daemon serves on */
static void test_malformed(void **state)
{
	struct vfmgr_req_alloc a;
	struct vfmgr_req_release r;
	struct vfmgr_msg_hdr h;
	char garbage[3] = { 1, 2, 3 };

	(void)state;
	assert_int_equal(ask(garbage, sizeof(garbage), NULL), -EBADMSG);

	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0);
	h.magic ^= 1;
	assert_int_equal(ask(&h, sizeof(h), NULL), -EBADMSG);

	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0);
	h.version = 2;
	assert_int_equal(ask(&h, sizeof(h), NULL), -EPROTONOSUPPORT);

	vfmgr_msg_init(&h, 77, sizeof(h), 0);
	assert_int_equal(ask(&h, sizeof(h), NULL), -EOPNOTSUPP);

	/* The header claims more than was sent */
	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h) + 8, 0);
	assert_int_equal(ask(&h, sizeof(h), NULL), -EMSGSIZE);

	/* An alloc one byte short, and one whose strings never end */
	memset(&a, 0, sizeof(a));
	vfmgr_msg_init(&a.hdr, VFMGR_OP_ALLOC, sizeof(a) - 1, 0);
	assert_true(ask(&a, sizeof(a) - 1, NULL) < 0);
	memset(&a, 'x', sizeof(a));
	vfmgr_msg_init(&a.hdr, VFMGR_OP_ALLOC, sizeof(a), 0);
	assert_int_equal(ask(&a, sizeof(a), NULL), -EINVAL);

	memset(&r, 'y', sizeof(r));
	vfmgr_msg_init(&r.hdr, VFMGR_OP_RELEASE, sizeof(r), 0);
	assert_int_equal(ask(&r, sizeof(r), NULL), -EINVAL);

	/* A flag the op does not know */
	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0x100);
	assert_int_equal(ask(&h, sizeof(h), NULL), -EINVAL);

	/* A reply is not a request */
	{
		struct vfmgr_reply rep = { 0 };

		vfmgr_msg_init(&rep.hdr, VFMGR_OP_REPLY, sizeof(rep), 0);
		assert_int_equal(ask(&rep, sizeof(rep), NULL), -EINVAL);
	}
	assert_int_equal(ask_status(), 0);
	assert_true(daemon_alive());
}

static void test_oversize(void **state)
{
	size_t len = 200 * 1024;
	char *big = calloc(1, len);
	int sz = (int)len * 2;
	struct vfmgr_msg_hdr *h = (struct vfmgr_msg_hdr *)big;
	int fd;

	(void)state;
	assert_non_null(big);
	vfmgr_msg_init(h, VFMGR_OP_STATUS, len, 0);
	fd = connect_sock();
	assert_true(fd >= 0);
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	if (send(fd, big, len, MSG_NOSIGNAL) == (ssize_t)len) {
		char *t = NULL;
		int status = 0;

		assert_int_equal(vfmgr_reply_recv(fd, &status, &t, 1 << 20), 0);
		assert_int_equal(status, -EMSGSIZE);
		free(t);
	}
	close(fd);
	free(big);
	assert_int_equal(ask_status(), 0);
}

/* A client that connects and says nothing holds the daemon 2 s at most */
static void test_silent_client(void **state)
{
	struct timespec t0, t1;
	int idle, ms;

	(void)state;
	idle = connect_sock();
	assert_true(idle >= 0);
	usleep(100 * 1000);	/* the daemon is now waiting on it */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(ask_status(), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (int)((t1.tv_sec - t0.tv_sec) * 1000 +
		   (t1.tv_nsec - t0.tv_nsec) / 1000000);
	print_message("# a status behind a silent client took %d ms\n", ms);
	assert_true(ms < 5000);
	close(idle);
}

/* Not root and not the daemon's user: status yes, changes no */
static void test_unprivileged(void **state)
{
	int status, pfd[2];
	pid_t pid;

	(void)state;
	if (geteuid() != 0)
		skip();
	assert_int_equal(chmod(dir, 0711), 0);
	assert_int_equal(chmod(sock_path, 0666), 0);
	assert_int_equal(pipe(pfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		struct vfmgr_req_release r = { 0 };
		struct vfmgr_msg_hdr h;
		int res[3];

		if (setresgid(65534, 65534, 65534) ||
		    setresuid(65534, 65534, 65534))
			_exit(3);
		vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), 0);
		res[0] = ask(&h, sizeof(h), NULL);
		strcpy(r.what, "netns:x");
		vfmgr_msg_init(&r.hdr, VFMGR_OP_RELEASE, sizeof(r), 0);
		res[1] = ask(&r, sizeof(r), NULL);
		vfmgr_msg_init(&h, VFMGR_OP_RELOAD, sizeof(h), 0);
		res[2] = ask(&h, sizeof(h), NULL);
		_exit(write(pfd[1], res, sizeof(res)) == sizeof(res) ? 0 : 4);
	}
	close(pfd[1]);
	{
		int res[3] = { 1, 1, 1 };

		assert_int_equal(read(pfd[0], res, sizeof(res)), sizeof(res));
		assert_int_equal(res[0], 0);
		assert_int_equal(res[1], -EPERM);
		assert_int_equal(res[2], -EPERM);
	}
	close(pfd[0]);
	waitpid(pid, &status, 0);
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(chmod(sock_path, 0660), 0);
}

/* 300 bad requests as fast as they go: all refused, the log stays short */
static void test_flood(void **state)
{
	unsigned int before, after, i;
	struct timespec t0, t1;
	char garbage[8] = "garbage";
	int secs;

	(void)state;
	sleep(1);	/* out of the earlier tests' log second */
	before = log_lines_with("malformed request");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 300; i++)
		assert_int_equal(ask(garbage, sizeof(garbage), NULL), -EBADMSG);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	after = log_lines_with("malformed request");
	secs = (int)(t1.tv_sec - t0.tv_sec) + 1;
	print_message("# 300 malformed requests in about %d s: %u log lines\n",
		      secs, after - before);
	assert_true(after - before >= 1);
	assert_true(after - before <= (unsigned int)secs + 1);
	/* The next line says how many were not logged */
	sleep(1);
	assert_int_equal(ask(garbage, sizeof(garbage), NULL), -EBADMSG);
	assert_true(log_lines_with("more not logged)") >= 1);
	assert_int_equal(ask_status(), 0);
}

/* Several clients at once are all served */
static void test_concurrent(void **state)
{
	pid_t pids[16];
	int i, status, ok = 0;

	(void)state;
	for (i = 0; i < 16; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (!pids[i]) {
			int j;

			for (j = 0; j < 10; j++)
				if (ask_status())
					_exit(1);
			_exit(0);
		}
	}
	for (i = 0; i < 16; i++) {
		waitpid(pids[i], &status, 0);
		ok += WIFEXITED(status) && !WEXITSTATUS(status);
	}
	assert_int_equal(ok, 16);
}

/* The socket is 0660, whatever the umask */
static void test_socket_mode(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(stat(sock_path, &st), 0);
	assert_true(S_ISSOCK(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0660);
}

/* A bad config on reload: refused with FILE:LINE, the old one kept */
static void test_reload(void **state)
{
	struct vfmgr_msg_hdr h;
	char *text = NULL;

	(void)state;
	write_file(conf_path, "[Profile web]\nVLANId=5000\n");
	vfmgr_msg_init(&h, VFMGR_OP_RELOAD, sizeof(h), 0);
	assert_int_equal(ask(&h, sizeof(h), &text), -EINVAL);
	assert_non_null(strstr(text, "vfmgr.conf:2: "));
	assert_non_null(strstr(text, "keeping the running configuration"));
	free(text);
	/* SIGHUP the same way: the daemon stays */
	kill(daemon_pid, SIGHUP);
	usleep(200 * 1000);
	assert_true(daemon_alive());
	assert_int_equal(ask_status(), 0);

	write_file(conf_path, "[Profile web]\nVLANId=10\n[Profile db]\nVLANId=20\n");
	assert_int_equal(ask(&h, sizeof(h), &text), 0);
	assert_non_null(strstr(text, "0 PF sections, 2 profiles"));
	free(text);
}

/* vfmgrd -n checks the config and exits; a second daemon refuses */
static void test_check_and_second(void **state)
{
	char cmd[4 * PATH_MAX], log2[PATH_MAX];
	int status;
	pid_t pid;

	(void)state;
	snprintf(cmd, sizeof(cmd), "%s -n -c %s 2>/dev/null", daemon_bin,
		 conf_path);
	assert_int_equal(WEXITSTATUS(system(cmd)), 0);
	/* No file is an empty configuration, as vfmgrd itself takes it */
	snprintf(cmd, sizeof(cmd), "%s -n -c %s/none.conf 2>/dev/null",
		 daemon_bin, dir);
	assert_int_equal(WEXITSTATUS(system(cmd)), 0);
	snprintf(cmd, sizeof(cmd), "%s/bad.conf", dir);
	write_file(cmd, "[PF]\nNumVFs=two\n");
	snprintf(cmd, sizeof(cmd), "%s -n -c %s/bad.conf 2>/dev/null",
		 daemon_bin, dir);
	assert_int_equal(WEXITSTATUS(system(cmd)), 1);

	snprintf(log2, sizeof(log2), "%s/second.log", dir);
	pid = start_daemon(log2);
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	assert_true(daemon_alive());
	assert_int_equal(ask_status(), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_socket_mode),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_oversize),
		cmocka_unit_test(test_silent_client),
		cmocka_unit_test(test_unprivileged),
		cmocka_unit_test(test_flood),
		cmocka_unit_test(test_concurrent),
		cmocka_unit_test(test_reload),
		cmocka_unit_test(test_check_and_second),
	};

	signal(SIGPIPE, SIG_IGN);
	if (vfmgrd_bin_find(daemon_bin, sizeof(daemon_bin), argc, argv))
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}
