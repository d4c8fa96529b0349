/* SPDX-License-Identifier: GPL-2.0 */
/* Where vfmgr and vfmgrd find each other and their files by default */
#ifndef VFMGR_PATHS_H
#define VFMGR_PATHS_H

#define VFMGR_CONF_PATH		"/etc/vfmgr/vfmgr.conf"
#define VFMGR_SOCKET_PATH	"/run/vfmgr/vfmgrd.sock"
#define VFMGR_STATE_PATH	"/var/lib/vfmgr/state.json"
/* The CLI's socket, when not the default (tests, a second instance) */
#define VFMGR_SOCKET_ENV	"VFMGR_SOCKET"

#endif /* VFMGR_PATHS_H */
