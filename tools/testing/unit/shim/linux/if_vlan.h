/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: a stripped VLAN tag handed up with the frame. */
#ifndef _SHIM_LINUX_IF_VLAN_H
#define _SHIM_LINUX_IF_VLAN_H

#include <linux/if_ether.h>
#include <linux/skbuff.h>

#define VLAN_VID_MASK	0x0fff

static inline void __vlan_hwaccel_put_tag(struct sk_buff *skb,
					  __be16 vlan_proto, u16 vlan_tci)
{
	skb->vlan_present = true;
	skb->vlan_proto = vlan_proto;
	skb->vlan_tci = vlan_tci;
}

#endif
