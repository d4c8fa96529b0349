// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: the 82599 VF (8086:10ed) - its register window (82599
 * datasheet 8.3) and the ixgbe dialect's frame size.  The only file of
 * the VF driver that knows the 82599's VF registers.
 */

#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/if_ether.h>
#include <linux/log2.h>

#include "vtnic_82599vf_regs.h"
#include "vtnicvf.h"

static const struct vtnic_mbx_vf_regs vtnicvf_82599_mbx = VTNIC_82599VF_MBX_REGS;

static const struct vtnicvf_regs vtnicvf_82599_regs = {
	.eims = VTNIC_VTEIMS,
	.eimc = VTNIC_VTEIMC,
	.eiac = VTNIC_VTEIAC,
	.eiam = VTNIC_VTEIAM,
	.eitr0 = VTNIC_VTEITR(0),
	.ivar0 = VTNIC_VTIVAR(0),
	.ivar_misc = VTNIC_VTIVAR_MISC,
	.ivar_valid = VTNIC_VTIVAR_VALID,
	.rdbal = VTNIC_VFRDBAL(0),
	.srrctl = VTNIC_VFSRRCTL(0),
	.rxdctl = VTNIC_VFRXDCTL(0),
	.tdbal = VTNIC_VFTDBAL(0),
	.txdctl = VTNIC_VFTXDCTL(0),
	.xdctl_enable = VTNIC_VFXDCTL_ENABLE,
	.queue_stride = VTNIC_VFRDBAL(1) - VTNIC_VFRDBAL(0),
	.psrtype = VTNIC_VFPSRTYPE,
};

static const struct vtnic_vf_stats_regs vtnicvf_82599_stats = {
	.reg = { VTNIC_VFGPRC, VTNIC_VFGORC_LSB, VTNIC_VFGPTC,
		 VTNIC_VFGOTC_LSB, VTNIC_VFMPRC },
};

/* Longest interval VTEITR holds: 9 bits of 2 us */
#define VTNICVF_82599_ITR_MAX_US	1022

static u32 vtnicvf_82599_eitr(u32 usecs)
{
	return FIELD_PREP(VTNIC_VTEITR_INTERVAL, usecs / 2) |
	       VTNIC_VTEITR_CNT_WDIS;
}

/* One buffer per advanced descriptor; drop when the ring is full */
static u32 vtnicvf_82599_srrctl(void)
{
	return FIELD_PREP(VTNIC_VFSRRCTL_BSIZEPKT, VTNIC_RX_BUFSZ / 1024) |
	       FIELD_PREP(VTNIC_VFSRRCTL_DESCTYPE,
			  VTNIC_VFSRRCTL_DESCTYPE_ADV_ONEBUF) |
	       VTNIC_VFSRRCTL_DROP_EN;
}

/*
 * The 82599 strips VLAN tags per receive queue (RXDCTL.VME): the VF
 * says so for its own queue, as the netdev advertises CTAG_RX
 */
static u32 vtnicvf_82599_rxdctl(void)
{
	return VTNIC_VFXDCTL_ENABLE | VTNIC_VFRXDCTL_VME;
}

/* Prefetch at 32 free, write back every descriptor (no head write-back) */
static u32 vtnicvf_82599_txdctl(void)
{
	return FIELD_PREP(VTNIC_VFXDCTL_PTHRESH, 32) |
	       FIELD_PREP(VTNIC_VFXDCTL_HTHRESH, 1) |
	       FIELD_PREP(VTNIC_VFXDCTL_WTHRESH, 1) |
	       VTNIC_VFXDCTL_ENABLE;
}

/*
 * VFLINKS mirrors the port's LINKS (8.3.5.1.3); the VF's STATUS has no
 * link.  The 10 GbE MAC is full duplex only.
 */
static void vtnicvf_82599_link(struct vtnicvf *vf, struct vtnicvf_link *link)
{
	static const u32 speeds[] = {
		[VTNIC_VFLINKS_SPEED_100] = SPEED_100,
		[VTNIC_VFLINKS_SPEED_1G] = SPEED_1000,
		[VTNIC_VFLINKS_SPEED_10G] = SPEED_10000,
	};
	u32 links = vtnicvf_rd32(vf, VTNIC_VFLINKS);
	u32 speed = FIELD_GET(VTNIC_VFLINKS_SPEED, links);

	link->up = links & VTNIC_VFLINKS_UP;
	link->speed = speeds[speed] ? speeds[speed] : SPEED_UNKNOWN;
	link->duplex = DUPLEX_FULL;
}

/*
 * ixgbe counts the frame without a VLAN tag: with a 1500-byte PF it
 * refuses anything above 1518 (ixgbevf asks MTU + 18 as well)
 */
static u32 vtnicvf_82599_max_frame(unsigned int mtu)
{
	return mtu + ETH_HLEN + ETH_FCS_LEN;
}

/* RSS over 1, 2 or 4 of the pool's queues (VFPSRTYPE.RQPL) */
static u32 vtnicvf_82599_psrtype(unsigned int pairs)
{
	return FIELD_PREP(VTNIC_VFPSRTYPE_RQPL, ilog2(pairs));
}

const struct vtnicvf_mac_info vtnicvf_82599_info = {
	.type = VTNIC_MAC_82599,
	.name = "82599",
	.mbx = &vtnicvf_82599_mbx,
	.rxd_err = VTNIC_RXD_ERRORS_82599,
	.regs = &vtnicvf_82599_regs,
	.stats = &vtnicvf_82599_stats,
	.itr_max_us = VTNICVF_82599_ITR_MAX_US,
	.poll_enable = true,
	.eitr = vtnicvf_82599_eitr,
	.srrctl = vtnicvf_82599_srrctl,
	.rxdctl = vtnicvf_82599_rxdctl,
	.txdctl = vtnicvf_82599_txdctl,
	.link = vtnicvf_82599_link,
	.max_frame = vtnicvf_82599_max_frame,
	.max_pairs = 2,
	.queue_vec = { 0, 1 },
	.psrtype_pairs = vtnicvf_82599_psrtype,
};
