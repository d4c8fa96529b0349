/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: a net_device that records whether it was detached
 * (netif_device_detach()), and how often, and has the receive features
 * the rings look at; NAPI delivery is the test's (rx_test.c).
 */
#ifndef _SHIM_LINUX_NETDEVICE_H
#define _SHIM_LINUX_NETDEVICE_H

#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/skbuff.h>
#include <linux/types.h>

typedef u64 netdev_features_t;
typedef int netdev_tx_t;

#define NETIF_F_HW_VLAN_CTAG_RX	BIT_ULL(8)
#define NETIF_F_RXCSUM		BIT_ULL(9)
#define NETIF_F_RXHASH		BIT_ULL(10)

struct net_device {
	bool present;
	unsigned int nr_detach;
	netdev_features_t features;
};

struct napi_struct {
	struct net_device *dev;
};

struct sk_buff;

void napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);

static inline void netif_device_detach(struct net_device *dev)
{
	dev->present = false;
	dev->nr_detach++;
}

#endif
