/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: what vtnic_compat.h needs of <net/devlink.h>. */
#ifndef _SHIM_NET_DEVLINK_H
#define _SHIM_NET_DEVLINK_H

struct devlink_info_req;

#endif
