// SPDX-License-Identifier: GPL-2.0
/*
 * The 82576's SR-IOV: its limits, its mailbox registers and the writers
 * of its virtualization registers (82576 datasheet 7.8, 8.13), behind
 * struct vtnic_iov_ops.  The policy in vtnic_iov.c decides; these only
 * write what they are given.  Plain logic over the register window, so
 * the unit tests and the fuzz target run it against the 82576 model.
 *
 * Pool n is VF n (the PF keeps pool num_vfs) and owns queues n and n + 8;
 * its address is RAR 23 - n, its receive policy VMOLR(n), its port VLAN
 * VMVIR(n), its anti-spoofing bits n and 8 + n of DTXSWC.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/kernel.h>

#include "vtnic_82576_regs.h"
#include "vtnic_iov.h"

#define VTNIC_82576_VLAN_PRIO_SHIFT	13

static_assert(VTNIC_MTA_REGS == VTNIC_MTA_WORDS);
static_assert(VTNIC_POOLS <= VTNIC_IOV_POOLS_MAX);
static_assert(VTNIC_VLVF_ENTRIES <= VTNIC_IOV_VLVF_MAX);
static_assert(VTNIC_RAR_ENTRIES <= VTNIC_IOV_RAR_MAX);
/* The mailbox transport's bits are the 82576's */
static_assert(VTNIC_PFMBX_STS == VTNIC_P2VMAILBOX_STS);
static_assert(VTNIC_PFMBX_ACK == VTNIC_P2VMAILBOX_ACK);
static_assert(VTNIC_PFMBX_VFU == VTNIC_P2VMAILBOX_VFU);
static_assert(VTNIC_PFMBX_PFU == VTNIC_P2VMAILBOX_PFU);
static_assert(VTNIC_PFMBX_RVFU == VTNIC_P2VMAILBOX_RVFU);
static_assert(VTNIC_PFMBICR_VFREQ(6) == VTNIC_MBVFICR_VFREQ(6));
static_assert(VTNIC_PFMBICR_VFACK(6) == VTNIC_MBVFICR_VFACK(6));

/* One exact-address filter; @pools only in VMDq mode, 0 outside it */
static void vtnic_82576_set_rar(struct vtnic_hw *hw, unsigned int idx,
				const u8 *addr, u64 pools)
{
	u32 ral = 0, rah = 0;

	if (addr) {
		ral = vtnic_hw_ral(addr);
		rah = vtnic_hw_rah(addr) | VTNIC_RAH_AV |
		      FIELD_PREP(VTNIC_RAH_POOLS, pools);
	}
	/* Invalidate first, so no half-written address ever matches */
	vtnic_hw_wr32(hw, VTNIC_RAH(idx), 0);
	vtnic_hw_wr32(hw, VTNIC_RAL(idx), ral);
	vtnic_hw_wr32(hw, VTNIC_RAH(idx), rah);
}

/* VFRE/VFTE: the pools that receive and transmit */
static void vtnic_82576_set_pools_enabled(struct vtnic_hw *hw, u64 pools)
{
	vtnic_hw_wr32(hw, VTNIC_VFRE, lower_32_bits(pools));
	vtnic_hw_wr32(hw, VTNIC_VFTE, lower_32_bits(pools));
}

static void vtnic_82576_set_pool_rx(struct vtnic_hw *hw, unsigned int pool,
				    const struct vtnic_pool_rx *rx)
{
	u32 vmolr = 0;

	if (rx)
		vmolr = VTNIC_VMOLR_STRCRC | VTNIC_VMOLR_LPE |
			FIELD_PREP(VTNIC_VMOLR_RLPML, rx->max_frame) |
			(rx->untagged ? VTNIC_VMOLR_AUPE : 0) |
			(rx->strip_vlan ? VTNIC_VMOLR_STRVLAN : 0) |
			(rx->mc_hash ? VTNIC_VMOLR_ROMPE : 0) |
			(rx->uc_hash ? VTNIC_VMOLR_ROPE : 0) |
			(rx->broadcast ? VTNIC_VMOLR_BAM : 0) |
			(rx->all_multi ? VTNIC_VMOLR_MPME : 0);
	vtnic_hw_wr32(hw, VTNIC_VMOLR(pool), vmolr);
}

static void vtnic_82576_set_port_vlan(struct vtnic_hw *hw, unsigned int pool,
				      u16 vid, u8 qos)
{
	u32 vmvir = 0;

	if (vid)
		vmvir = VTNIC_VMVIR_ALWAYS | vid |
			qos << VTNIC_82576_VLAN_PRIO_SHIFT;
	vtnic_hw_wr32(hw, VTNIC_VMVIR(pool), vmvir);
}

static void vtnic_82576_set_spoofchk(struct vtnic_hw *hw, unsigned int pool,
				     bool on)
{
	u32 bits = VTNIC_DTXSWC_MAC_SPOOF(pool) | VTNIC_DTXSWC_VLAN_SPOOF(pool);
	u32 dtxswc = vtnic_hw_rd32(hw, VTNIC_DTXSWC);

	dtxswc = on ? dtxswc | bits : dtxswc & ~bits;
	vtnic_hw_wr32(hw, VTNIC_DTXSWC, dtxswc);
}

/* One queue's rate limiter (7.10.3.7) */
static void vtnic_82576_set_rate(struct vtnic_hw *hw, unsigned int queue,
				 u32 max_mbps, u32 link_mbps)
{
	u32 bcnrc = 0, rf_int, rf_dec;

	/* Rate factor = link speed / rate, 14 fraction bits */
	if (max_mbps && link_mbps) {
		rf_int = link_mbps / max_mbps;
		rf_dec = link_mbps - rf_int * max_mbps;
		rf_dec = (rf_dec << VTNIC_RTTBCNRC_FRAC_BITS) / max_mbps;
		bcnrc = VTNIC_RTTBCNRC_RS_ENA |
			FIELD_PREP(VTNIC_RTTBCNRC_RF_INT, rf_int) |
			FIELD_PREP(VTNIC_RTTBCNRC_RF_DEC, rf_dec);
	}
	vtnic_hw_wr32(hw, VTNIC_RTTDQSEL, queue);
	vtnic_hw_wr32(hw, VTNIC_RTTBCNRC, bcnrc);
}

static void vtnic_82576_set_vlvf(struct vtnic_hw *hw, unsigned int idx,
				 u16 vid, u64 pools)
{
	vtnic_hw_wr32(hw, VTNIC_VLVF(idx), pools ?
		      VTNIC_VLVF_ENABLE | FIELD_PREP(VTNIC_VLVF_VID, vid) |
		      FIELD_PREP(VTNIC_VLVF_POOLSEL, pools) : 0);
}

/* One bit of the VLAN filter table (8.10.19) */
static void vtnic_82576_set_vfta(struct vtnic_hw *hw, u16 vid, bool on)
{
	vtnic_hw_table_bit(hw, VTNIC_VFTA(0), vid, on);
}

static void vtnic_82576_set_mta(struct vtnic_hw *hw, unsigned int idx, u32 val)
{
	vtnic_hw_wr32(hw, VTNIC_MTA(idx), val);
}

static void vtnic_82576_set_max_frame(struct vtnic_hw *hw, unsigned int frame)
{
	vtnic_hw_wr32(hw, VTNIC_RLPML, frame);
}

static void vtnic_82576_set_switch(struct vtnic_hw *hw, bool vepa)
{
	u32 dtxswc = vtnic_hw_rd32(hw, VTNIC_DTXSWC);

	dtxswc = vepa ? dtxswc & ~VTNIC_DTXSWC_VMDQ_LOOPBACK :
			dtxswc | VTNIC_DTXSWC_VMDQ_LOOPBACK;
	vtnic_hw_wr32(hw, VTNIC_DTXSWC, dtxswc);
}

/*
 * Virtualization on: the PF's pool is the default one and replication
 * (broadcast and multicast to every pool that accepts it) is on; a full
 * queue drops instead of stalling the others; mailbox interrupts from
 * every VF.  Anti-spoofing starts off; the policy sets it per pool.
 */
static void vtnic_82576_enable(struct vtnic_hw *hw, unsigned int num_vfs)
{
	vtnic_hw_wr32(hw, VTNIC_VT_CTL,
		      FIELD_PREP(VTNIC_VT_CTL_DEF_POOL, num_vfs) |
		      VTNIC_VT_CTL_REPL_EN);
	vtnic_hw_wr32(hw, VTNIC_RPLOLR,
		      VTNIC_RPLOLR_STRVLAN | VTNIC_RPLOLR_STRCRC);
	vtnic_hw_wr32(hw, VTNIC_QDE, GENMASK(VTNIC_82576_QUEUES - 1, 0));
	vtnic_hw_wr32(hw, VTNIC_DTXSWC, 0);
	vtnic_hw_wr32(hw, VTNIC_RTTBCNRM, VTNIC_RTTBCNRM_DEFAULT);
	vtnic_hw_wr32(hw, VTNIC_MBVFIMR, GENMASK(num_vfs - 1, 0));
}

static void vtnic_82576_disable(struct vtnic_hw *hw)
{
	vtnic_hw_wr32(hw, VTNIC_MBVFIMR, 0);
	vtnic_hw_wr32(hw, VTNIC_DTXSWC, 0);
	vtnic_hw_wr32(hw, VTNIC_VT_CTL, 0);
	vtnic_hw_wr32(hw, VTNIC_QDE, 0);
}

/* CTRL_EXT.PFRSTD clears RSTI and sets RSTD in every VF's mailbox */
static void vtnic_82576_pf_reset_done(struct vtnic_hw *hw)
{
	u32 ctrl_ext = vtnic_hw_rd32(hw, VTNIC_CTRL_EXT);

	vtnic_hw_wr32(hw, VTNIC_CTRL_EXT, ctrl_ext | VTNIC_CTRL_EXT_PFRSTD);
}

static u64 vtnic_82576_vflr_take(struct vtnic_hw *hw, unsigned int num_vfs)
{
	u32 vflre = vtnic_hw_rd32(hw, VTNIC_VFLRE);

	if (vflre == ~0U)
		return 0;
	vflre &= GENMASK(num_vfs - 1, 0);
	if (vflre)
		vtnic_hw_wr32(hw, VTNIC_VFLRE, vflre);
	return vflre;
}

static void vtnic_82576_vf_stats_regs(unsigned int vf,
				      struct vtnic_vf_stats_regs *regs)
{
	u32 base = VTNIC_PVF_STATS(vf);

	*regs = (struct vtnic_vf_stats_regs){
		.reg = { base + VTNIC_PVFGPRC, base + VTNIC_PVFGORC,
			 base + VTNIC_PVFGPTC, base + VTNIC_PVFGOTC,
			 base + VTNIC_PVFMPRC },
	};
}

/* 8 pools of 2 queues, whatever the VF count */
static unsigned int vtnic_82576_pool_queues(unsigned int num_vfs)
{
	return VTNIC_POOL_QUEUES;
}

static unsigned int vtnic_82576_pool_queue(unsigned int pool, unsigned int k,
					   unsigned int per_pool)
{
	return VTNIC_POOL_QUEUE(pool, k);
}

static const struct vtnic_iov_ops vtnic_82576_iov_ops = {
	.set_rar		= vtnic_82576_set_rar,
	.set_pools_enabled	= vtnic_82576_set_pools_enabled,
	.set_pool_rx		= vtnic_82576_set_pool_rx,
	.set_port_vlan		= vtnic_82576_set_port_vlan,
	.set_spoofchk		= vtnic_82576_set_spoofchk,
	.set_rate		= vtnic_82576_set_rate,
	/*
	 * No .set_pool_weight, so no min_tx_rate: no register is known to
	 * weigh the 82576's pools against each other in its transmit
	 * arbitration; its limiters (RTTBCNRC) only cap a queue
	 */
	.set_vlvf		= vtnic_82576_set_vlvf,
	.set_vfta		= vtnic_82576_set_vfta,
	.set_mta		= vtnic_82576_set_mta,
	.set_max_frame		= vtnic_82576_set_max_frame,
	.set_switch		= vtnic_82576_set_switch,
	.enable			= vtnic_82576_enable,
	.disable		= vtnic_82576_disable,
	.pf_reset_done		= vtnic_82576_pf_reset_done,
	.vflr_take		= vtnic_82576_vflr_take,
	.vf_stats_regs		= vtnic_82576_vf_stats_regs,
	.pool_queues		= vtnic_82576_pool_queues,
	.pool_queue		= vtnic_82576_pool_queue,
};

/* Mailbox: 16 words per VF at 0x800, P2VMAILBOX(n), one MBVFICR */
static const struct vtnic_mbx_pf_regs vtnic_82576_mbx = {
	.ctl		= VTNIC_P2VMAILBOX(0),
	.mem		= VTNIC_VMBMEM(0),
	.mem_stride	= VTNIC_VMBMEM(1) - VTNIC_VMBMEM(0),
	.icr		= VTNIC_MBVFICR,
};

const struct vtnic_iov_info vtnic_82576_iov = {
	.limits = {
		.pools		= VTNIC_POOLS,
		.queues_per_pool = VTNIC_POOL_QUEUES,
		.rar_entries	= VTNIC_RAR_ENTRIES,
		.vlvf_entries	= VTNIC_VLVF_ENTRIES,
		.link_mbps	= 1000,
	},
	.ops		= &vtnic_82576_iov_ops,
	.mbx		= &vtnic_82576_mbx,
	.dialect	= &vtnic_mbx_igb,
};
