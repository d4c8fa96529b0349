// SPDX-License-Identifier: GPL-2.0
/*
 * The igb dialect of the VF mailbox: the messages igbvf (and vtnicvf on
 * an 82576) sends, as Intel's igb PF serves them.  A message type is one
 * line here; what it does is the policy's handler in vtnic_iov.c.
 */

#include <linux/kernel.h>

#include "vtnic_iov.h"

static const struct vtnic_mbx_op vtnic_mbx_igb_ops[] = {
	{ VTNIC_MBX_RESET, 1, 0, "RESET", vtnic_iov_msg_reset },
	{ VTNIC_MBX_SET_MAC_ADDR, 3, 0, "SET_MAC_ADDR", vtnic_iov_msg_set_mac },
	{ VTNIC_MBX_SET_MULTICAST, 1, 0, "SET_MULTICAST",
	  vtnic_iov_msg_set_multicast },
	{ VTNIC_MBX_SET_VLAN, 2, 0, "SET_VLAN", vtnic_iov_msg_set_vlan },
	{ VTNIC_MBX_SET_LPE, 2, 0, "SET_LPE", vtnic_iov_msg_set_lpe },
	{ VTNIC_MBX_SET_PROMISC, 1, 0, "SET_PROMISC",
	  vtnic_iov_msg_set_promisc },
};

const struct vtnic_mbx_dialect vtnic_mbx_igb = {
	.name = "igb",
	.ops = vtnic_mbx_igb_ops,
	.nr_ops = ARRAY_SIZE(vtnic_mbx_igb_ops),
	.reset_words = 3,
	.max_api = VTNIC_MBX_API_10,	/* igbvf negotiates nothing */
};
