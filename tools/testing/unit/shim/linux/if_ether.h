/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: Ethernet frame sizes as the kernel's UAPI defines them. */
#ifndef _SHIM_LINUX_IF_ETHER_H
#define _SHIM_LINUX_IF_ETHER_H

#define ETH_ALEN	6	/* octets in an address */
#define ETH_HLEN	14	/* octets in a header */
#define ETH_ZLEN	60	/* minimum frame, FCS excluded */
#define ETH_FRAME_LEN	1514	/* maximum frame, FCS excluded */
#define ETH_FCS_LEN	4	/* octets in the FCS */
#define ETH_P_8021Q	0x8100	/* 802.1Q VLAN tag */

#endif
