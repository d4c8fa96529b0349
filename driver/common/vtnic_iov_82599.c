// SPDX-License-Identifier: GPL-2.0
/*
 * The 82599's SR-IOV: its limits, its mailbox registers and the writers
 * of its filters and virtualization registers (82599 datasheet 7.10,
 * 8.2.3.7, 8.2.3.27) behind struct vtnic_iov_ops.  The policy in
 * vtnic_iov.c decides; these only write what they are given.
 *
 * Pool n is VF n; the PF keeps pool num_vfs.  Up to 31 VFs, 32 pools of
 * 4 queues; more, 64 pools of 2, as ixgbe chooses: a VF's driver then
 * spreads its receive over up to 4 queues, and so does the PF in its own
 * pool.  A pool bitmap spans two registers.  The
 * receive length limit is the port's (MAXFRS): the 82599 has none per
 * pool, so a pool's max_frame only says whether it receives at all.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/kernel.h>

#include "vtnic_82599_regs.h"
#include "vtnic_iov.h"

static_assert(VTNIC_MTA_REGS == VTNIC_MTA_WORDS);
static_assert(VTNIC_82599_POOLS <= VTNIC_IOV_POOLS_MAX);
static_assert(VTNIC_PFVLVF_ENTRIES <= VTNIC_IOV_VLVF_MAX);
static_assert(VTNIC_RAR_ENTRIES <= VTNIC_IOV_RAR_MAX);

/* One exact-address filter and its pools (MPSAR); 0 pools outside VMDq */
static void vtnic_82599_set_rar(struct vtnic_hw *hw, unsigned int idx,
				const u8 *addr, u64 pools)
{
	u32 ral = 0, rah = 0;

	if (addr) {
		ral = vtnic_hw_ral(addr);
		rah = vtnic_hw_rah(addr) | VTNIC_RAH_AV;
	}
	/* Invalidate first, so no half-written address ever matches */
	vtnic_hw_wr32(hw, VTNIC_RAH(idx), 0);
	vtnic_hw_wr32(hw, VTNIC_MPSAR_LO(idx), lower_32_bits(pools));
	vtnic_hw_wr32(hw, VTNIC_MPSAR_HI(idx), upper_32_bits(pools));
	vtnic_hw_wr32(hw, VTNIC_RAL(idx), ral);
	vtnic_hw_wr32(hw, VTNIC_RAH(idx), rah);
}

/* PFVFRE/PFVFTE: the pools that receive and transmit */
static void vtnic_82599_set_pools_enabled(struct vtnic_hw *hw, u64 pools)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		u32 bits = i ? upper_32_bits(pools) : lower_32_bits(pools);

		vtnic_hw_wr32(hw, VTNIC_PFVFRE(i), bits);
		vtnic_hw_wr32(hw, VTNIC_PFVFTE(i), bits);
	}
}

/*
 * PFVML2FLT: what a pool accepts besides its exact addresses.  VLAN tags
 * are stripped per queue (RXDCTL.VME), by whoever drives the queue.
 */
static void vtnic_82599_set_pool_rx(struct vtnic_hw *hw, unsigned int pool,
				    const struct vtnic_pool_rx *rx)
{
	u32 flt = 0;

	if (rx && rx->max_frame)
		flt = (rx->untagged ? VTNIC_PFVML2FLT_AUPE : 0) |
		      (rx->mc_hash ? VTNIC_PFVML2FLT_ROMPE : 0) |
		      (rx->uc_hash ? VTNIC_PFVML2FLT_ROPE : 0) |
		      (rx->broadcast ? VTNIC_PFVML2FLT_BAM : 0) |
		      (rx->all_multi ? VTNIC_PFVML2FLT_MPE : 0);
	vtnic_hw_wr32(hw, VTNIC_PFVML2FLT(pool), flt);
}

static void vtnic_82599_set_port_vlan(struct vtnic_hw *hw, unsigned int pool,
				      u16 vid, u8 qos)
{
	u32 vmvir = 0;

	if (vid)
		vmvir = VTNIC_PFVMVIR_VLANA_DEFAULT | vid |
			qos << VTNIC_PFVMVIR_PCP_SHIFT;
	vtnic_hw_wr32(hw, VTNIC_PFVMVIR(pool), vmvir);
}

static void vtnic_82599_set_spoofchk(struct vtnic_hw *hw, unsigned int pool,
				     bool on)
{
	u32 bits = VTNIC_PFVFSPOOF_MACAS(pool) | VTNIC_PFVFSPOOF_VLANAS(pool);
	u32 spoof = vtnic_hw_rd32(hw, VTNIC_PFVFSPOOF(pool));

	spoof = on ? spoof | bits : spoof & ~bits;
	vtnic_hw_wr32(hw, VTNIC_PFVFSPOOF(pool), spoof);
}

/* One queue's rate limiter (7.7.2.2) */
static void vtnic_82599_set_rate(struct vtnic_hw *hw, unsigned int queue,
				 u32 max_mbps, u32 link_mbps)
{
	u32 bcnrc = 0, rf_int, rf_dec;

	/* Rate factor = link speed / rate, 14 fraction bits */
	if (max_mbps && link_mbps) {
		/* RF_INT has 10 bits: 10 Mb/s of 10 Gb/s at the least */
		rf_int = min(link_mbps / max_mbps, FIELD_MAX(VTNIC_RTTBCNRC_RF_INT));
		rf_dec = link_mbps - rf_int * max_mbps;
		rf_dec = (rf_dec << VTNIC_RTTBCNRC_FRAC_BITS) / max_mbps;
		bcnrc = VTNIC_RTTBCNRC_RS_ENA |
			FIELD_PREP(VTNIC_RTTBCNRC_RF_INT, rf_int) |
			FIELD_PREP(VTNIC_RTTBCNRC_RF_DEC, rf_dec);
	}
	vtnic_hw_wr32(hw, VTNIC_RTTDQSEL, queue);
	vtnic_hw_wr32(hw, VTNIC_RTTBCNRC, bcnrc);
}

/*
 * A pool's weight in the transmit descriptor arbiter (7.7.2.3): its
 * credit refill quantum, 64 bytes a unit.  With DCB off RTTDQSEL selects
 * the pool for RTTDT1C, not a queue (as the X550's datasheet has it,
 * 8.2.2.11.4; the 82599's text is not at hand).  The weights may change
 * while traffic runs (4.6.11); RTTDCS.VMPAC, which makes the arbiter use
 * them, is set by the PF's transmit setup after a reset.
 */
static void vtnic_82599_set_pool_weight(struct vtnic_hw *hw, unsigned int pool,
					u16 weight)
{
	vtnic_hw_wr32(hw, VTNIC_RTTDQSEL, pool);
	vtnic_hw_wr32(hw, VTNIC_RTTDT1C, FIELD_PREP(VTNIC_RTTDT1C_CRQ, weight));
}

/* A VLAN pool filter: the VLAN, then its pools in two registers */
static void vtnic_82599_set_vlvf(struct vtnic_hw *hw, unsigned int idx,
				 u16 vid, u64 pools)
{
	if (!pools)
		vtnic_hw_wr32(hw, VTNIC_PFVLVF(idx), 0);
	vtnic_hw_wr32(hw, VTNIC_PFVLVFB(2 * idx), lower_32_bits(pools));
	vtnic_hw_wr32(hw, VTNIC_PFVLVFB(2 * idx + 1), upper_32_bits(pools));
	if (pools)
		vtnic_hw_wr32(hw, VTNIC_PFVLVF(idx), VTNIC_PFVLVF_VI_EN |
			      FIELD_PREP(VTNIC_PFVLVF_VID, vid));
}

/* One bit of the VLAN filter table (8.2.3.7.11) */
static void vtnic_82599_set_vfta(struct vtnic_hw *hw, u16 vid, bool on)
{
	vtnic_hw_table_bit(hw, VTNIC_VFTA(0), vid, on);
}

static void vtnic_82599_set_mta(struct vtnic_hw *hw, unsigned int idx, u32 val)
{
	vtnic_hw_wr32(hw, VTNIC_MTA(idx), val);
}

/* MAXFRS: the one receive length limit, for every pool */
static void vtnic_82599_set_max_frame(struct vtnic_hw *hw, unsigned int frame)
{
	vtnic_hw_wr32(hw, VTNIC_MAXFRS, FIELD_PREP(VTNIC_MAXFRS_MFS, frame));
}

static void vtnic_82599_set_switch(struct vtnic_hw *hw, bool vepa)
{
	vtnic_hw_wr32(hw, VTNIC_PFDTXGSWC, vepa ? 0 : VTNIC_PFDTXGSWC_LBE);
}

/* 32 pools of 4 while the VFs and the PF fit in them, else 64 of 2 */
static unsigned int vtnic_82599_pool_queues(unsigned int num_vfs)
{
	return num_vfs + 1 > VTNIC_82599_POOLS_32 ? VTNIC_82599_POOL_QUEUES :
						    VTNIC_82599_POOL_QUEUES_32;
}

/*
 * Virtualization on (4.6.10.1): 32 or 64 pools, the PF's the default one,
 * broadcast and multicast replicated to every pool that accepts them, a
 * queue without descriptors drops rather than stalling the others, pools
 * switched inside the port (VEB) until the policy says otherwise.  The
 * receive and transmit queue layouts (MRQC, MTQC, PSRTYPE) and GPIE's VT
 * mode are the PF's datapath's to write with its queues.
 */
static void vtnic_82599_enable(struct vtnic_hw *hw, unsigned int num_vfs)
{
	unsigned int q, mode = VTNIC_VT_MODE_64;

	if (vtnic_82599_pool_queues(num_vfs) == VTNIC_82599_POOL_QUEUES_32)
		mode = VTNIC_VT_MODE_32;
	vtnic_hw_wr32(hw, VTNIC_GCR_EXT,
		      FIELD_PREP(VTNIC_GCR_EXT_VT_MODE, mode));
	vtnic_hw_wr32(hw, VTNIC_PFVTCTL, VTNIC_PFVTCTL_VT_ENA |
		      FIELD_PREP(VTNIC_PFVTCTL_DEF_PL, num_vfs) |
		      VTNIC_PFVTCTL_RPL_EN);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		vtnic_hw_wr32(hw, VTNIC_PFQDE, VTNIC_PFQDE_WE | VTNIC_PFQDE_QDE |
			      FIELD_PREP(VTNIC_PFQDE_IDX, q));
	vtnic_hw_wr32(hw, VTNIC_PFDTXGSWC, VTNIC_PFDTXGSWC_LBE);
	vtnic_hw_wr32(hw, VTNIC_RTTBCNRM, VTNIC_RTTBCNRM_DEFAULT);
	/* The VF pools' anti-spoofing drops count in SSVPC */
	vtnic_hw_wr32(hw, VTNIC_PFVMECM(0), lower_32_bits(BIT_ULL(num_vfs) - 1));
	vtnic_hw_wr32(hw, VTNIC_PFVMECM(1), upper_32_bits(BIT_ULL(num_vfs) - 1));
}

static void vtnic_82599_disable(struct vtnic_hw *hw)
{
	unsigned int q;

	vtnic_82599_set_pools_enabled(hw, 0);
	vtnic_hw_wr32(hw, VTNIC_PFVMECM(0), 0);
	vtnic_hw_wr32(hw, VTNIC_PFVMECM(1), 0);
	vtnic_hw_wr32(hw, VTNIC_PFDTXGSWC, 0);
	vtnic_hw_wr32(hw, VTNIC_PFVTCTL, 0);
	vtnic_hw_wr32(hw, VTNIC_GCR_EXT, 0);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		vtnic_hw_wr32(hw, VTNIC_PFQDE, VTNIC_PFQDE_WE |
			      FIELD_PREP(VTNIC_PFQDE_IDX, q));
}

/* CTRL_EXT.PFRSTD turns RSTI into RSTD in every VF's mailbox */
static void vtnic_82599_pf_reset_done(struct vtnic_hw *hw)
{
	u32 ctrl_ext = vtnic_hw_rd32(hw, VTNIC_CTRL_EXT);

	vtnic_hw_wr32(hw, VTNIC_CTRL_EXT, ctrl_ext | VTNIC_CTRL_EXT_PFRSTD);
}

/* PFVFLRE, 32 VFs a register, cleared through PFVFLREC */
static u64 vtnic_82599_vflr_take(struct vtnic_hw *hw, unsigned int num_vfs)
{
	u64 mask = num_vfs < 64 ? BIT_ULL(num_vfs) - 1 : ~0ULL, flr = 0;
	unsigned int i;

	for (i = 0; i < 2; i++) {
		u32 bits = vtnic_hw_rd32(hw, VTNIC_PFVFLRE(i));

		/* 32 VFs reset at once read all ones too */
		if (!vtnic_hw_present(hw))
			return 0;
		bits &= i ? upper_32_bits(mask) : lower_32_bits(mask);
		if (bits)
			vtnic_hw_wr32(hw, VTNIC_PFVFLREC(i), bits);
		flr |= (u64)bits << (32 * i);
	}
	return flr;
}

/*
 * A VF's FLR leaves the transmit head write-back address of its queues
 * (TDWBAL/TDWBAH; 82599 specification update, software clarification
 * 5): cleared, so the next driver of the VF, which may never write it,
 * does not have the card write heads where the last one pointed.
 */
static void vtnic_82599_clear_queue(struct vtnic_hw *hw, unsigned int queue)
{
	vtnic_hw_wr32(hw, VTNIC_TDWBAL(queue), 0);
	vtnic_hw_wr32(hw, VTNIC_TDWBAH(queue), 0);
}

static void vtnic_82599_vf_stats_regs(unsigned int vf,
				      struct vtnic_vf_stats_regs *regs)
{
	*regs = (struct vtnic_vf_stats_regs){
		.reg = { VTNIC_PVFGPRC(vf), VTNIC_PVFGORC_LSB(vf),
			 VTNIC_PVFGPTC(vf), VTNIC_PVFGOTC_LSB(vf),
			 VTNIC_PVFMPRC(vf) },
	};
}

static unsigned int vtnic_82599_pool_queue(unsigned int pool, unsigned int k,
					   unsigned int per_pool)
{
	return pool * per_pool + k;
}

static const struct vtnic_iov_ops vtnic_82599_iov_ops = {
	.set_rar		= vtnic_82599_set_rar,
	.set_pools_enabled	= vtnic_82599_set_pools_enabled,
	.set_pool_rx		= vtnic_82599_set_pool_rx,
	.set_port_vlan		= vtnic_82599_set_port_vlan,
	.set_spoofchk		= vtnic_82599_set_spoofchk,
	.set_rate		= vtnic_82599_set_rate,
	.set_pool_weight	= vtnic_82599_set_pool_weight,
	.set_vlvf		= vtnic_82599_set_vlvf,
	.set_vfta		= vtnic_82599_set_vfta,
	.set_mta		= vtnic_82599_set_mta,
	.set_max_frame		= vtnic_82599_set_max_frame,
	.set_switch		= vtnic_82599_set_switch,
	.enable			= vtnic_82599_enable,
	.disable		= vtnic_82599_disable,
	.pf_reset_done		= vtnic_82599_pf_reset_done,
	.vflr_take		= vtnic_82599_vflr_take,
	.clear_queue		= vtnic_82599_clear_queue,
	.vf_stats_regs		= vtnic_82599_vf_stats_regs,
	.pool_queues		= vtnic_82599_pool_queues,
	.pool_queue		= vtnic_82599_pool_queue,
};

/* Mailbox: 16 words per VF at 0x13000, PFMAILBOX(n), four PFMBICR */
static const struct vtnic_mbx_pf_regs vtnic_82599_mbx = {
	.ctl		= VTNIC_PFMAILBOX(0),
	.mem		= VTNIC_PFMBMEM(0),
	.mem_stride	= VTNIC_PFMBMEM(1) - VTNIC_PFMBMEM(0),
	.icr		= VTNIC_PFMBICR(0),
};

/* Up to 64 pools, 128 addresses, 64 VLAN pool filters (7.10.3), 10 Gb/s */
const struct vtnic_iov_info vtnic_82599_iov = {
	.limits = {
		.pools		= VTNIC_82599_POOLS,
		.queues_per_pool = VTNIC_82599_POOL_QUEUES,
		.pf_rss		= true,
		.rar_entries	= VTNIC_RAR_ENTRIES,
		.vlvf_entries	= VTNIC_PFVLVF_ENTRIES,
		.link_mbps	= 10000,
		.frame_per_port	= true,
	},
	.ops		= &vtnic_82599_iov_ops,
	.mbx		= &vtnic_82599_mbx,
	.dialect	= &vtnic_mbx_ixgbe,
};
