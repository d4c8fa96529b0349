/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the Ethernet address helpers of <linux/etherdevice.h>. */
#ifndef _SHIM_LINUX_ETHERDEVICE_H
#define _SHIM_LINUX_ETHERDEVICE_H

#include <string.h>

#include <linux/if_ether.h>
#include <linux/types.h>

struct net_device;
struct sk_buff;

/* The test's: it records what the stack would see of the header */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

static inline bool is_zero_ether_addr(const u8 *addr)
{
	static const u8 zero[ETH_ALEN];

	return !memcmp(addr, zero, ETH_ALEN);
}

static inline bool is_broadcast_ether_addr(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) ==
	       0xff;
}

static inline bool is_multicast_ether_addr(const u8 *addr)
{
	return addr[0] & 0x01;	/* broadcast included */
}

static inline bool is_valid_ether_addr(const u8 *addr)
{
	return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr);
}

static inline bool ether_addr_equal(const u8 *addr1, const u8 *addr2)
{
	return !memcmp(addr1, addr2, ETH_ALEN);
}

static inline void ether_addr_copy(u8 *dst, const u8 *src)
{
	memcpy(dst, src, ETH_ALEN);
}

static inline void eth_zero_addr(u8 *addr)
{
	memset(addr, 0, ETH_ALEN);
}

#endif
