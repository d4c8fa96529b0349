// SPDX-License-Identifier: GPL-2.0
/*
 * The two things a service manager hands a Type=notify daemon, spoken
 * directly rather than through libsystemd:
 *
 * - $NOTIFY_SOCKET: an AF_UNIX datagram socket, a file path, or a name in
 *   the abstract namespace when it starts with '@'.  Each datagram is
 *   newline-separated VAR=VALUE lines (READY=1, STATUS=..., RELOADING=1,
 *   STOPPING=1).  The kernel attaches our credentials, so systemd knows
 *   the main pid sent it.
 * - $JOURNAL_STREAM: "DEV:INO" of the stream systemd gave the service as
 *   stdout/stderr; when stderr is that stream, "<N>" starts a line at
 *   syslog priority N.
 *
 * Both are documented, stable interfaces (sd_notify(3), systemd.exec(5),
 * "Interface Portability and Stability"), and this is all vfmgrd uses of
 * them: a sendto() and an fstat().  libsystemd would be a second
 * dependency on the systemd version of the machine (on bookworm hosts
 * libsystemd-dev has to match the backported libsystemd0 that libudev
 * brings) for one function, and vfmgrd also runs where there is no
 * systemd at all (the test VM's init), where all of this is a no-op.
 *
 * Like the rest of the daemon's helpers these do not log: they return a
 * negative errno and the caller decides.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "sd.h"

/* A notification is a few short lines */
#define SD_MSG_MAX	512
/* How long one send may block when the manager's queue is full */
#define SD_SEND_TIMEOUT_MS	1000

/**
 * vfmgr_sd_open() - find the service manager's notify socket
 * @sd: filled in; @sd->fd is -1 when there is none
 *
 * Reads $NOTIFY_SOCKET and takes it out of the environment, so that
 * nothing vfmgrd starts (a modprobe install command) speaks for it.
 *
 * Return: 0, also when $NOTIFY_SOCKET is not set; -EINVAL when it is
 * neither an absolute path nor "@name", or too long; -errno when no
 * socket can be made.
 */
int vfmgr_sd_open(struct vfmgr_sd *sd)
{
	struct timeval tv = {
		.tv_sec = SD_SEND_TIMEOUT_MS / 1000,
		.tv_usec = (SD_SEND_TIMEOUT_MS % 1000) * 1000,
	};
	const char *name = getenv("NOTIFY_SOCKET");
	size_t len;

	memset(sd, 0, sizeof(*sd));
	sd->fd = -1;
	if (!name)
		return 0;
	len = strlen(name);
	if ((name[0] != '/' && name[0] != '@') || len < 2 ||
	    len >= sizeof(sd->addr.sun_path)) {
		unsetenv("NOTIFY_SOCKET");
		return -EINVAL;
	}
	sd->addr.sun_family = AF_UNIX;
	memcpy(sd->addr.sun_path, name, len);
	sd->addr_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
	if (name[0] == '@')
		sd->addr.sun_path[0] = '\0';	/* abstract: no NUL at the end */
	else
		sd->addr_len++;
	unsetenv("NOTIFY_SOCKET");

	sd->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sd->fd < 0)
		return -errno;
	/* Never stall the daemon on a service manager that does not read */
	setsockopt(sd->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return 0;
}

/**
 * vfmgr_sd_notify() - send the service manager one notification
 * @sd: from vfmgr_sd_open()
 * @fmt: printf format of the lines, "READY=1\nSTATUS=..."
 *
 * Return: 0, also when there is no service manager to tell; -EMSGSIZE
 * for a message over 512 bytes; -errno of the send.
 */
int vfmgr_sd_notify(struct vfmgr_sd *sd, const char *fmt, ...)
{
	char msg[SD_MSG_MAX];
	va_list ap;
	int n;

	if (sd->fd < 0)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(msg))
		return -EMSGSIZE;
	if (sendto(sd->fd, msg, (size_t)n, MSG_NOSIGNAL,
		   (struct sockaddr *)&sd->addr, sd->addr_len) != n)
		return -errno;
	return 0;
}

/**
 * vfmgr_sd_close() - done with the notify socket
 * @sd: from vfmgr_sd_open()
 */
void vfmgr_sd_close(struct vfmgr_sd *sd)
{
	if (sd->fd >= 0)
		close(sd->fd);
	sd->fd = -1;
}

/**
 * vfmgr_sd_journal_fd() - is FD the journal's stream?
 * @fd: stderr, usually
 *
 * $JOURNAL_STREAM names the stream systemd connected; an inherited value
 * with FD redirected elsewhere (a shell started from a service) does not
 * match.
 *
 * Return: true when FD is the stream $JOURNAL_STREAM names.
 */
bool vfmgr_sd_journal_fd(int fd)
{
	const char *env = getenv("JOURNAL_STREAM");
	uintmax_t dev, ino;
	struct stat st;
	int end = 0;

	if (!env || sscanf(env, "%ju:%ju%n", &dev, &ino, &end) != 2 ||
	    env[end] || fstat(fd, &st))
		return false;
	return (uintmax_t)st.st_dev == dev && (uintmax_t)st.st_ino == ino;
}
