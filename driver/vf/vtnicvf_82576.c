// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: the 82576 VF (8086:10ca) - its register window (82576
 * datasheet 8.14) and the igb dialect's frame size.  The only file of
 * the VF driver that knows the 82576's registers.
 */

#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>

#include "vtnic_82576vf_regs.h"
#include "vtnicvf.h"

/* The mailbox transport's bits are the 82576's */
static_assert(VTNIC_VFMBX_REQ == VTNIC_V2PMAILBOX_REQ);
static_assert(VTNIC_VFMBX_ACK == VTNIC_V2PMAILBOX_ACK);
static_assert(VTNIC_VFMBX_VFU == VTNIC_V2PMAILBOX_VFU);
static_assert(VTNIC_VFMBX_PFU == VTNIC_V2PMAILBOX_PFU);
static_assert(VTNIC_VFMBX_PFSTS == VTNIC_V2PMAILBOX_PFSTS);
static_assert(VTNIC_VFMBX_PFACK == VTNIC_V2PMAILBOX_PFACK);
static_assert(VTNIC_VFMBX_RSTI == VTNIC_V2PMAILBOX_RSTI);
static_assert(VTNIC_VFMBX_RSTD == VTNIC_V2PMAILBOX_RSTD);

static const struct vtnic_mbx_vf_regs vtnicvf_82576_mbx = VTNIC_82576VF_MBX_REGS;

static const struct vtnicvf_regs vtnicvf_82576_regs = {
	.eims = VTNIC_VF_EIMS,
	.eimc = VTNIC_VF_EIMC,
	.eiac = VTNIC_VF_EIAC,
	.eiam = VTNIC_VF_EIAM,
	.eitr0 = VTNIC_VF_EITR(0),
	.ivar0 = VTNIC_VF_IVAR0,
	.ivar_misc = VTNIC_VF_IVAR_MISC,
	.ivar_valid = VTNIC_VF_IVAR_VALID,
	.rdbal = VTNIC_VF_RDBAL(0),
	.srrctl = VTNIC_VF_SRRCTL(0),
	.rxdctl = VTNIC_VF_RXDCTL(0),
	.tdbal = VTNIC_VF_TDBAL(0),
	.txdctl = VTNIC_VF_TXDCTL(0),
	.queue_stride = VTNIC_VF_RDBAL(1) - VTNIC_VF_RDBAL(0),
	.xdctl_enable = VTNIC_VF_XDCTL_ENABLE,
};

static const struct vtnic_vf_stats_regs vtnicvf_82576_stats = {
	.reg = { VTNIC_VF_GPRC, VTNIC_VF_GORC, VTNIC_VF_GPTC, VTNIC_VF_GOTC,
		 VTNIC_VF_MPRC },
};

/* EITR counts microseconds (8.14.10) */
static u32 vtnicvf_82576_eitr(u32 usecs)
{
	return FIELD_PREP(VTNIC_VF_EITR_INTERVAL, usecs) | VTNIC_VF_EITR_CNT_IGNR;
}

static u32 vtnicvf_82576_srrctl(void)
{
	return FIELD_PREP(VTNIC_VF_SRRCTL_BSIZEPKT, VTNIC_RX_BUFSZ / 1024) |
	       FIELD_PREP(VTNIC_VF_SRRCTL_DESCTYPE,
			  VTNIC_VF_SRRCTL_DESCTYPE_ADV_ONEBUF) |
	       VTNIC_VF_SRRCTL_DROP_EN;
}

static u32 vtnicvf_82576_rxdctl(void)
{
	return FIELD_PREP(VTNIC_VF_XDCTL_PTHRESH, 8) |
	       FIELD_PREP(VTNIC_VF_XDCTL_HTHRESH, 8) |
	       FIELD_PREP(VTNIC_VF_XDCTL_WTHRESH, 4) |
	       VTNIC_VF_XDCTL_ENABLE;
}

static u32 vtnicvf_82576_txdctl(void)
{
	return FIELD_PREP(VTNIC_VF_XDCTL_PTHRESH, 8) |
	       FIELD_PREP(VTNIC_VF_XDCTL_HTHRESH, 1) |
	       FIELD_PREP(VTNIC_VF_XDCTL_WTHRESH, 16) |
	       VTNIC_VF_XDCTL_ENABLE;
}

/* The VF sees the port's STATUS (8.14.2): link, speed and duplex */
static void vtnicvf_82576_link(struct vtnicvf *vf, struct vtnicvf_link *link)
{
	static const u32 speeds[] = {
		[VTNIC_STATUS_SPEED_10] = SPEED_10,
		[VTNIC_STATUS_SPEED_100] = SPEED_100,
		[VTNIC_STATUS_SPEED_1000] = SPEED_1000,
	};
	u32 status = vtnicvf_rd32(vf, VTNIC_VF_STATUS);
	u32 speed = FIELD_GET(VTNIC_STATUS_SPEED, status);

	link->up = status & VTNIC_STATUS_LU;
	link->speed = speed < ARRAY_SIZE(speeds) ? speeds[speed] : SPEED_1000;
	link->duplex = status & VTNIC_STATUS_FD ? DUPLEX_FULL : DUPLEX_HALF;
}

/* igb counts one VLAN tag in the frame it allows (igbvf asks the same) */
static u32 vtnicvf_82576_max_frame(unsigned int mtu)
{
	return mtu + ETH_HLEN + VLAN_HLEN + ETH_FCS_LEN;
}

const struct vtnicvf_mac_info vtnicvf_82576_info = {
	.type = VTNIC_MAC_82576,
	.name = "82576",
	.mbx = &vtnicvf_82576_mbx,
	.rxd_err = VTNIC_RXD_ERRORS_82576,
	.regs = &vtnicvf_82576_regs,
	.stats = &vtnicvf_82576_stats,
	.itr_max_us = 8191,
	.eitr = vtnicvf_82576_eitr,
	.srrctl = vtnicvf_82576_srrctl,
	.rxdctl = vtnicvf_82576_rxdctl,
	.txdctl = vtnicvf_82576_txdctl,
	.link = vtnicvf_82576_link,
	.max_frame = vtnicvf_82576_max_frame,
	.max_pairs = 1,
	.queue_vec = { 1 },
};
