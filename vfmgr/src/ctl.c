// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgr's commands that ask vfmgrd: alloc, release, status, reload.  Each
 * is one request on the control socket and one (perhaps split) reply.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl.h"
#include "paths.h"
#include "proto.h"

static int connect_daemon(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	const char *path = getenv(VFMGR_SOCKET_ENV);
	int fd;

	if (!path || !path[0])
		path = VFMGR_SOCKET_PATH;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "vfmgr: socket path too long: %s\n", path);
		return -ENAMETOOLONG;
	}
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		int err = -errno;

		fprintf(stderr, "vfmgr: cannot reach vfmgrd at %s: %s\n", path,
			strerror(-err));
		close(fd);
		return err;
	}
	return fd;
}

/* Send a request, print the reply; the command's exit status */
static int ask(const void *req, size_t len)
{
	char *text = NULL;
	int fd, status, err;

	fd = connect_daemon();
	if (fd < 0)
		return 1;
	if (send(fd, req, len, MSG_NOSIGNAL) != (ssize_t)len) {
		fprintf(stderr, "vfmgr: sending to vfmgrd: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	err = vfmgr_reply_recv(fd, &status, &text, 16 * 1024 * 1024);
	close(fd);
	if (err) {
		fprintf(stderr, "vfmgr: reading vfmgrd's answer: %s\n",
			strerror(-err));
		return 1;
	}
	fputs(text, status ? stderr : stdout);
	if (status)
		fprintf(stderr, "vfmgr: %s\n", strerror(-status));
	free(text);
	return status ? 1 : 0;
}

static int copy_arg(char *dst, size_t size, const char *what, const char *v)
{
	if (strlen(v) >= size) {
		fprintf(stderr, "vfmgr: %s \"%s\" is too long (at most %zu bytes)\n",
			what, v, size - 1);
		return -1;
	}
	strcpy(dst, v);
	return 0;
}

/* vfmgr alloc --pf PF --to CONSUMER [--profile P] [--vf N] [--name IFNAME] */
int vfmgr_cmd_alloc(int argc, char **argv)
{
	struct vfmgr_req_alloc r;
	bool has_pf = false, has_to = false;
	char *end;
	long vf;
	int i;

	memset(&r, 0, sizeof(r));
	r.vf = -1;
	for (i = 0; i < argc; i++) {
		const char *opt = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int err = 0;

		if (!v) {
			fprintf(stderr, "vfmgr: %s needs a value\n", opt);
			return 2;
		}
		if (!strcmp(opt, "--pf")) {
			err = copy_arg(r.pf, sizeof(r.pf), "PF", v);
			has_pf = true;
		} else if (!strcmp(opt, "--to")) {
			err = copy_arg(r.to, sizeof(r.to), "consumer", v);
			has_to = true;
		} else if (!strcmp(opt, "--profile")) {
			err = copy_arg(r.profile, sizeof(r.profile), "profile", v);
		} else if (!strcmp(opt, "--name")) {
			err = copy_arg(r.ifname, sizeof(r.ifname), "name", v);
		} else if (!strcmp(opt, "--vf")) {
			errno = 0;
			vf = strtol(v, &end, 10);
			if (errno || end == v || *end || vf < 0 || vf >= 65536) {
				fprintf(stderr, "vfmgr: --vf takes a VF number, not \"%s\"\n",
					v);
				return 2;
			}
			r.vf = (int32_t)vf;
		} else {
			fprintf(stderr, "vfmgr: alloc: unknown option \"%s\"\n", opt);
			return 2;
		}
		if (err)
			return 2;
		i++;
	}
	if (!has_pf || !has_to) {
		fprintf(stderr, "vfmgr: alloc needs --pf PF and --to netns:NAME|vm:NAME\n");
		return 2;
	}
	vfmgr_msg_init(&r.hdr, VFMGR_OP_ALLOC, sizeof(r), 0);
	return ask(&r, sizeof(r));
}

/* vfmgr release VF|netns:NAME|vm:NAME */
int vfmgr_cmd_release(int argc, char **argv)
{
	struct vfmgr_req_release r;

	if (argc != 1) {
		fprintf(stderr, "vfmgr: release takes one VF or consumer\n");
		return 2;
	}
	memset(&r, 0, sizeof(r));
	if (copy_arg(r.what, sizeof(r.what), "VF or consumer", argv[0]))
		return 2;
	vfmgr_msg_init(&r.hdr, VFMGR_OP_RELEASE, sizeof(r), 0);
	return ask(&r, sizeof(r));
}

/* vfmgr status [--json] */
int vfmgr_cmd_status(int argc, char **argv)
{
	struct vfmgr_msg_hdr h;
	uint32_t flags = 0;

	if (argc == 1 && !strcmp(argv[0], "--json")) {
		flags = VFMGR_F_JSON;
	} else if (argc) {
		fprintf(stderr, "vfmgr: status takes only --json\n");
		return 2;
	}
	vfmgr_msg_init(&h, VFMGR_OP_STATUS, sizeof(h), flags);
	return ask(&h, sizeof(h));
}

/* vfmgr reload */
int vfmgr_cmd_reload(int argc, char **argv)
{
	struct vfmgr_msg_hdr h;

	(void)argv;
	if (argc) {
		fprintf(stderr, "vfmgr: reload takes no argument\n");
		return 2;
	}
	vfmgr_msg_init(&h, VFMGR_OP_RELOAD, sizeof(h), 0);
	return ask(&h, sizeof(h));
}
