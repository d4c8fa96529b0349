/* SPDX-License-Identifier: GPL-2.0 */
/* What vfmgrd says to the service manager that started it, see sd.c */
#ifndef VFMGR_SD_H
#define VFMGR_SD_H

#include <stdbool.h>
#include <sys/socket.h>
#include <sys/un.h>

/**
 * struct vfmgr_sd - the notify socket named by $NOTIFY_SOCKET
 * @fd: a datagram socket to send from, -1 when there is nowhere to send
 * @addr: the service manager's socket
 * @addr_len: the length of @addr that counts (abstract names have no NUL)
 */
struct vfmgr_sd {
	int fd;
	struct sockaddr_un addr;
	socklen_t addr_len;
};

int vfmgr_sd_open(struct vfmgr_sd *sd);
int vfmgr_sd_notify(struct vfmgr_sd *sd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void vfmgr_sd_close(struct vfmgr_sd *sd);
bool vfmgr_sd_journal_fd(int fd);

#endif /* VFMGR_SD_H */
