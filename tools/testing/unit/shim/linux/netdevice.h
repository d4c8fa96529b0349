/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: a net_device that only records whether it was
 * detached (netif_device_detach()), and how often.
 */
#ifndef _SHIM_LINUX_NETDEVICE_H
#define _SHIM_LINUX_NETDEVICE_H

#include <linux/types.h>

struct net_device {
	bool present;
	unsigned int nr_detach;
};

static inline void netif_device_detach(struct net_device *dev)
{
	dev->present = false;
	dev->nr_detach++;
}

#endif
