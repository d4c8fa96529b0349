// SPDX-License-Identifier: GPL-2.0
/*
 * The ixgbe dialect of the VF mailbox: the messages ixgbevf (and vtnicvf
 * on an 82599) sends, as Intel's ixgbe PF serves them, API versions 1.0
 * to 1.4.  1.5 is refused: it changes the transport (the VF keeps the
 * buffer locked while it waits), which this PF's lock-taking read would
 * deadlock against.  A message type is one line here; what it does is
 * the policy's handler in vtnic_iov.c.
 */

#include <linux/kernel.h>

#include "vtnic_iov.h"

static const struct vtnic_mbx_op vtnic_mbx_ixgbe_ops[] = {
	{ VTNIC_MBX_RESET, 1, VTNIC_MBX_API_10, "RESET", vtnic_iov_msg_reset },
	{ VTNIC_MBX_SET_MAC_ADDR, 3, VTNIC_MBX_API_10, "SET_MAC_ADDR",
	  vtnic_iov_msg_set_mac },
	{ VTNIC_MBX_SET_MULTICAST, 1, VTNIC_MBX_API_10, "SET_MULTICAST",
	  vtnic_iov_msg_set_multicast },
	{ VTNIC_MBX_SET_VLAN, 2, VTNIC_MBX_API_10, "SET_VLAN",
	  vtnic_iov_msg_set_vlan },
	{ VTNIC_MBX_SET_LPE, 2, VTNIC_MBX_API_10, "SET_LPE",
	  vtnic_iov_msg_set_lpe },
	{ VTNIC_MBX_SET_MACVLAN, 1, VTNIC_MBX_API_10, "SET_MACVLAN",
	  vtnic_iov_msg_set_macvlan },
	{ VTNIC_MBX_API_NEGOTIATE, 2, VTNIC_MBX_API_10, "API_NEGOTIATE",
	  vtnic_iov_msg_api_negotiate },
	{ VTNIC_MBX_GET_QUEUES, 1, VTNIC_MBX_API_11, "GET_QUEUES",
	  vtnic_iov_msg_get_queues },
	{ VTNIC_MBX_GET_RETA, 1, VTNIC_MBX_API_12, "GET_RETA",
	  vtnic_iov_msg_get_reta },
	{ VTNIC_MBX_GET_RSS_KEY, 1, VTNIC_MBX_API_12, "GET_RSS_KEY",
	  vtnic_iov_msg_get_rss_key },
	{ VTNIC_MBX_UPDATE_XCAST_MODE, 2, VTNIC_MBX_API_12, "UPDATE_XCAST_MODE",
	  vtnic_iov_msg_update_xcast },
	{ VTNIC_MBX_GET_LINK_STATE, 1, VTNIC_MBX_API_12, "GET_LINK_STATE",
	  vtnic_iov_msg_get_link_state },
};

const struct vtnic_mbx_dialect vtnic_mbx_ixgbe = {
	.name = "ixgbe",
	.ops = vtnic_mbx_ixgbe_ops,
	.nr_ops = ARRAY_SIZE(vtnic_mbx_ixgbe_ops),
	.reset_words = 4,
	.max_api = VTNIC_MBX_API_14,
};
