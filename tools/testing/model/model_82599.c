// SPDX-License-Identifier: GPL-2.0
/*
 * The 82599 PF register model shared by the unit tests and the fuzz
 * target: its registers' places for the core, PFQDE, and what the
 * filters mean; model_82599.h says what it models.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/etherdevice.h>

#include "model_82599.h"

/* PFQDE: a write with WE sets the QDE bit of queue IDX, nothing else */
static bool model_82599_write(struct model *m, u32 val, u32 off,
			      struct model_write *w)
{
	u32 q = FIELD_GET(VTNIC_PFQDE_IDX, val);

	if (off != VTNIC_PFQDE)
		return false;
	w->queue = q;
	w->before = m->qreg[q];
	if (val & VTNIC_PFQDE_WE)
		m->qreg[q] = val & VTNIC_PFQDE_QDE;
	w->after = m->qreg[q];
	return true;
}

/* The 82599's mailbox, reset events and rate limiters (7.10.2, 7.7.2.2) */
const struct model_mac model_82599_mac = {
	.pools		= VTNIC_82599_POOLS,
	.queues		= VTNIC_82599_QUEUES,
	.mbx = {
		.ctl		= VTNIC_PFMAILBOX(0),
		.mem		= VTNIC_PFMBMEM(0),
		.mem_stride	= VTNIC_PFMBMEM(1) - VTNIC_PFMBMEM(0),
		.icr		= VTNIC_PFMBICR(0),
	},
	.vflre		= { VTNIC_PFVFLRE(0), VTNIC_PFVFLRE(1) },
	.vflrec		= { VTNIC_PFVFLREC(0), VTNIC_PFVFLREC(1) },
	.nr_vflre	= 2,
	.rttdqsel	= VTNIC_RTTDQSEL,
	.rttbcnrc	= VTNIC_RTTBCNRC,
	.rf_int		= VTNIC_RTTBCNRC_RF_INT,
	.write		= model_82599_write,
};

static bool in_regs(u32 reg, u32 first, u32 after_last)
{
	return reg >= first && reg < after_last;
}

/* The pools in VLAN pool filter @idx (PFVLVFB 2 idx, 2 idx + 1) */
static u64 vlvf_pools(const struct model *m, unsigned int idx)
{
	return MODEL_REG(m, VTNIC_PFVLVFB(2 * idx)) |
	       (u64)MODEL_REG(m, VTNIC_PFVLVFB(2 * idx + 1)) << 32;
}

/**
 * model_82599_vf_owned_bits() - the bits of a register VF @vf's doings
 *	may change
 * @m: the model, after the doings
 * @vf: the VF
 * @reg: byte offset
 * @before: the register's value before
 * @after: its value after
 *
 * The ownership rules at the top of vtnic_iov.c, on the 82599's
 * registers: VF n owns RAR 127 - n and its two MPSAR, PFVML2FLT(n),
 * PFVMVIR(n), bit n of PFVFRE/PFVFTE/PFVFLRE(C), its MACAS and VLANAS
 * bits of PFVFSPOOF, its request and ack bits of PFMBICR, bit n of every
 * VLAN pool filter's PFVLVFB and its mailbox.  A PFVLVF entry no other
 * pool is in (now, in @m) may change as a whole: it is taken or freed.
 * The MTA and VFTA are shared: callers check them against the union of
 * what every owner asked for.  RTTDQSEL and RTTBCNRC are a selector and
 * a per-queue register: callers check the queue (2 n or 2 n + 1).
 *
 * Return: the mask of bits @vf may change, 0 for a register it must
 * not touch.
 */
u32 model_82599_vf_owned_bits(const struct model *m, unsigned int vf, u32 reg,
			      u32 before, u32 after)
{
	u32 rar = VTNIC_RAR_ENTRIES - 1 - vf, bit = BIT(vf % 32);

	if (reg == VTNIC_RAL(rar) || reg == VTNIC_RAH(rar) ||
	    reg == VTNIC_MPSAR_LO(rar) || reg == VTNIC_MPSAR_HI(rar) ||
	    reg == VTNIC_PFVML2FLT(vf) || reg == VTNIC_PFVMVIR(vf) ||
	    reg == model_mbx_ctl(m, vf) ||
	    in_regs(reg, model_mbx_mem(m, vf, 0),
		    model_mbx_mem(m, vf, VTNIC_MBX_WORDS)))
		return ~0U;
	if (reg == VTNIC_PFVFRE(vf / 32) || reg == VTNIC_PFVFTE(vf / 32) ||
	    reg == VTNIC_PFVFLRE(vf / 32) || reg == VTNIC_PFVFLREC(vf / 32))
		return bit;
	if (reg == VTNIC_PFVFSPOOF(vf))
		return VTNIC_PFVFSPOOF_MACAS(vf) | VTNIC_PFVFSPOOF_VLANAS(vf);
	if (reg == model_mbx_icr(m, vf))
		return VTNIC_PFMBICR_VFREQ(vf) | VTNIC_PFMBICR_VFACK(vf);
	if (reg == VTNIC_RTTDQSEL || reg == VTNIC_RTTBCNRC)
		return ~0U;
	if (in_regs(reg, VTNIC_PFVLVFB(0), VTNIC_PFVLVFB(2 * VTNIC_PFVLVF_ENTRIES)))
		return (reg - VTNIC_PFVLVFB(0)) / 4 % 2 == vf / 32 ? bit : 0;
	if (in_regs(reg, VTNIC_PFVLVF(0), VTNIC_PFVLVF(VTNIC_PFVLVF_ENTRIES)))
		return vlvf_pools(m, (reg - VTNIC_PFVLVF(0)) / 4) &
		       ~BIT_ULL(vf) ? 0 : ~0U;
	if (in_regs(reg, VTNIC_MTA(0), VTNIC_MTA(VTNIC_MTA_REGS)) ||
	    in_regs(reg, VTNIC_VFTA(0), VTNIC_VFTA(VTNIC_VFTA_REGS)))
		return ~0U;
	return 0;
}

/* ---- what the registers mean ---- */

static bool rar_matches(const struct model *m, unsigned int i, const u8 *dst)
{
	u32 ral = MODEL_REG(m, VTNIC_RAL(i)), rah = MODEL_REG(m, VTNIC_RAH(i));

	return (rah & VTNIC_RAH_AV) && ral == vtnic_hw_ral(dst) &&
	       (rah & 0xffff) == vtnic_hw_rah(dst);
}

/* The pools whose PFVML2FLT has @bit */
static u64 pools_with(const struct model *m, u32 bit)
{
	unsigned int p;
	u64 pools = 0;

	for (p = 0; p < VTNIC_82599_POOLS; p++)
		if (MODEL_REG(m, VTNIC_PFVML2FLT(p)) & bit)
			pools |= BIT_ULL(p);
	return pools;
}

/**
 * model_82599_rx_pools() - the pools that receive a frame, in VT mode
 * @m: the model
 * @f: the frame
 *
 * Pool selection (7.10.3.3, .4): a unicast frame goes to the pools of the
 * receive address it matches (MPSAR), or to the default pool (PFVTCTL)
 * when it matches none; a broadcast frame to every pool that accepts
 * broadcast (BAM); a multicast frame to every pool in all-multicast mode
 * (MPE) and, when its table bit is set, every pool that accepts table
 * hits (ROMPE).  A tagged frame then needs its VLAN in the VLAN filter
 * table and goes only to the pools of its VLAN pool filter; an untagged
 * one only to pools that accept untagged frames (AUPE).  A pool receives
 * nothing while PFVFRE has it off; no frame is longer than MAXFRS.  The
 * VLAN filter is taken as on (VLNCTRL.VFE), as the PF sets it with VFs.
 *
 * Return: the pools, a bitmap.
 */
u64 model_82599_rx_pools(const struct model *m, const struct model_frame *f)
{
	u32 vtctl = MODEL_REG(m, VTNIC_PFVTCTL);
	unsigned int i;
	u64 pools = 0;
	u16 h;

	if (f->len > FIELD_GET(VTNIC_MAXFRS_MFS, MODEL_REG(m, VTNIC_MAXFRS)))
		return 0;
	if (is_broadcast_ether_addr(f->dst)) {
		pools = pools_with(m, VTNIC_PFVML2FLT_BAM);
	} else if (is_multicast_ether_addr(f->dst)) {
		h = model_mc_hash(f->dst);
		pools = pools_with(m, VTNIC_PFVML2FLT_MPE);
		if (MODEL_REG(m, VTNIC_MTA(h >> 5)) & BIT(h & 31))
			pools |= pools_with(m, VTNIC_PFVML2FLT_ROMPE);
	} else {
		for (i = 0; i < VTNIC_RAR_ENTRIES; i++)
			if (rar_matches(m, i, f->dst))
				pools |= MODEL_REG(m, VTNIC_MPSAR_LO(i)) |
					 (u64)MODEL_REG(m, VTNIC_MPSAR_HI(i)) << 32;
		if (!pools && (vtctl & VTNIC_PFVTCTL_VT_ENA))
			pools = BIT_ULL(FIELD_GET(VTNIC_PFVTCTL_DEF_PL, vtctl));
	}

	if (f->tagged) {
		u64 in_vlan = 0;

		if (!(MODEL_REG(m, VTNIC_VFTA(f->vid >> 5)) & BIT(f->vid & 31)))
			return 0;
		for (i = 0; i < VTNIC_PFVLVF_ENTRIES; i++) {
			u32 vlvf = MODEL_REG(m, VTNIC_PFVLVF(i));

			if ((vlvf & VTNIC_PFVLVF_VI_EN) &&
			    FIELD_GET(VTNIC_PFVLVF_VID, vlvf) == f->vid)
				in_vlan |= vlvf_pools(m, i);
		}
		pools &= in_vlan;
	} else {
		pools &= pools_with(m, VTNIC_PFVML2FLT_AUPE);
	}
	return pools & (MODEL_REG(m, VTNIC_PFVFRE(0)) |
			(u64)MODEL_REG(m, VTNIC_PFVFRE(1)) << 32);
}

/**
 * model_82599_pool_queues() - the queues of each pool (7.2.1.2.3)
 * @m: the model
 *
 * Return: 4 in GCR_EXT's 32-pool mode, else 2.
 */
unsigned int model_82599_pool_queues(const struct model *m)
{
	u32 mode = FIELD_GET(VTNIC_GCR_EXT_VT_MODE,
			     MODEL_REG(m, VTNIC_GCR_EXT));

	return mode == VTNIC_VT_MODE_32 ? VTNIC_82599_POOL_QUEUES_32 :
					  VTNIC_82599_POOL_QUEUES;
}

/**
 * model_82599_tx_rate() - the transmit limit of a pool (7.7.2.2)
 * @m: the model
 * @pool: the pool, whose queues are n @pool to n @pool + n - 1 of n
 *	  model_82599_pool_queues()
 * @link_mbps: the link speed
 *
 * Return: Mb/s, rounded down; 0 for no limit.  model_fail() when the
 * pool's queues pace differently.
 */
u32 model_82599_tx_rate(const struct model *m, unsigned int pool,
			u32 link_mbps)
{
	unsigned int n = model_82599_pool_queues(m), q = n * pool, k;
	u32 rate = model_pool_rate(m, pool, q, q + 1, link_mbps);

	for (k = 2; k < n; k += 2)
		if (model_pool_rate(m, pool, q + k, q + k + 1, link_mbps) != rate)
			model_fail("pool %u: queues %u and %u pace differently",
				   pool, q, q + k);
	return rate;
}
