// SPDX-License-Identifier: GPL-2.0
/*
 * The 82576 PF register model shared by the unit tests and the fuzz
 * target: its registers' places for the core, and what they mean;
 * model_82576.h says what it models.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/etherdevice.h>

#include "model_82576.h"

/* The 82576's mailbox, reset events and rate limiters (7.8, 8.13) */
const struct model_mac model_82576_mac = {
	.pools		= VTNIC_POOLS,
	.queues		= VTNIC_82576_QUEUES,
	.mbx = {
		.ctl		= VTNIC_P2VMAILBOX(0),
		.mem		= VTNIC_VMBMEM(0),
		.mem_stride	= VTNIC_VMBMEM(1) - VTNIC_VMBMEM(0),
		.icr		= VTNIC_MBVFICR,
	},
	.vflre		= { VTNIC_VFLRE },
	.vflrec		= { VTNIC_VFLRE },	/* write 1 to clear, in place */
	.nr_vflre	= 1,
	.rttdqsel	= VTNIC_RTTDQSEL,
	.rttbcnrc	= VTNIC_RTTBCNRC,
	.rf_int		= VTNIC_RTTBCNRC_RF_INT,
};

/**
 * model_vf_owned_bits() - the bits of a register VF @vf's doings may change
 * @vf: the VF
 * @reg: byte offset
 * @before: the register's value before, for the VLVF entries it shares
 * @after: its value after
 *
 * The ownership rules at the top of vtnic_iov.c: VF n owns RAR 23 - n,
 * VMOLR(n), VMVIR(n), bit n of VFRE/VFTE (and of VFLRE, its reset), bits
 * n and 8 + n of DTXSWC, the POOLSEL bit n of every VLVF entry and its
 * mailbox.  An entry no other pool is in may change as a whole (it is
 * taken or freed).  The MTA and VFTA are shared: callers check them
 * against the union of what every owner asked for.  RTTDQSEL and
 * RTTBCNRC are a selector and a per-queue register: callers check the
 * queue (VTNIC_POOL_QUEUE(vf, 0 or 1)).
 *
 * Return: the mask of bits @vf may change, 0 for a register it must
 * not touch.
 */
u32 model_vf_owned_bits(unsigned int vf, u32 reg, u32 before, u32 after)
{
	u32 others = VTNIC_VLVF_POOLSEL & ~BIT(12 + vf);
	u32 rar = VTNIC_RAR_ENTRIES - 1 - vf;

	if (reg == VTNIC_RAL(rar) || reg == VTNIC_RAH(rar) ||
	    reg == VTNIC_VMOLR(vf) || reg == VTNIC_VMVIR(vf) ||
	    reg == VTNIC_P2VMAILBOX(vf) ||
	    (reg >= VTNIC_VMBMEM(vf) &&
	     reg < VTNIC_VMBMEM(vf) + 4 * VTNIC_MBX_WORDS))
		return ~0U;
	if (reg == VTNIC_VFRE || reg == VTNIC_VFTE || reg == VTNIC_VFLRE)
		return BIT(vf);
	if (reg == VTNIC_DTXSWC)
		return VTNIC_DTXSWC_MAC_SPOOF(vf) | VTNIC_DTXSWC_VLAN_SPOOF(vf);
	if (reg == VTNIC_MBVFICR)
		return VTNIC_MBVFICR_VFREQ(vf) | VTNIC_MBVFICR_VFACK(vf);
	if (reg == VTNIC_RTTDQSEL || reg == VTNIC_RTTBCNRC)
		return ~0U;
	if (reg >= VTNIC_VLVF(0) && reg < VTNIC_VLVF(VTNIC_VLVF_ENTRIES))
		return (before | after) & others ? BIT(12 + vf) : ~0U;
	if ((reg >= VTNIC_MTA(0) && reg < VTNIC_MTA(VTNIC_MTA_REGS)) ||
	    (reg >= VTNIC_VFTA(0) && reg < VTNIC_VFTA(VTNIC_VFTA_REGS)))
		return ~0U;
	return 0;
}

/* ---- what the registers mean ---- */

#define MODEL_VLAN_PRIO_SHIFT	13
#define MODEL_STD_FRAME		1522	/* without LPE: 1518 plus a tag */

static bool model_rar_matches(const struct model *m, unsigned int i,
			      const u8 *dst)
{
	u32 ral = MODEL_REG(m, VTNIC_RAL(i)), rah = MODEL_REG(m, VTNIC_RAH(i));

	return (rah & VTNIC_RAH_AV) &&
	       ral == (dst[0] | dst[1] << 8 | dst[2] << 16 | (u32)dst[3] << 24) &&
	       (rah & 0xffff) == (u32)(dst[4] | dst[5] << 8);
}

/* The pools whose receive policy (VMOLR) has @bit */
static u32 model_pools_with(const struct model *m, u32 bit)
{
	u32 pools = 0;
	unsigned int p;

	for (p = 0; p < VTNIC_POOLS; p++)
		if (MODEL_REG(m, VTNIC_VMOLR(p)) & bit)
			pools |= BIT(p);
	return pools;
}

/**
 * model_rx_pools() - the pools that receive a frame, in VMDq mode
 * @m: the model
 * @f: the frame
 *
 * Pool selection (7.10.3): a unicast frame goes to the pools of the
 * receive address it matches, or to the default pool (VT_CTL) when it
 * matches none; a broadcast frame to every pool that accepts broadcast
 * (VMOLR.BAM); a multicast frame to every pool in all-multicast mode
 * (MPME) and, when its table bit is set, every pool that accepts table
 * hits (ROMPE).  A tagged frame then needs its VLAN ID in the VLAN filter
 * table and goes only to the pools of its VLAN pool filter (VLVF); an
 * untagged one only to pools that accept untagged frames (AUPE).  A pool
 * receives nothing while it is disabled (VFRE), nor a frame longer than
 * its limit (VMOLR.RLPML with LPE, else 1522 bytes).  The VLAN filter is
 * taken as on (RCTL.VFE), as the PF sets it with VFs.
 *
 * Return: the pools, a bitmap.
 */
u32 model_rx_pools(const struct model *m, const struct model_frame *f)
{
	u32 vt_ctl = MODEL_REG(m, VTNIC_VT_CTL), pools = 0;
	unsigned int i, p;
	u16 h;

	if (is_broadcast_ether_addr(f->dst)) {
		pools = model_pools_with(m, VTNIC_VMOLR_BAM);
	} else if (is_multicast_ether_addr(f->dst)) {
		h = model_mc_hash(f->dst);
		pools = model_pools_with(m, VTNIC_VMOLR_MPME);
		if (MODEL_REG(m, VTNIC_MTA(h >> 5)) & BIT(h & 31))
			pools |= model_pools_with(m, VTNIC_VMOLR_ROMPE);
	} else {
		for (i = 0; i < VTNIC_RAR_ENTRIES; i++)
			if (model_rar_matches(m, i, f->dst))
				pools |= FIELD_GET(VTNIC_RAH_POOLS,
						   MODEL_REG(m, VTNIC_RAH(i)));
		if (!pools && !(vt_ctl & VTNIC_VT_CTL_DIS_DEF_POOL))
			pools = BIT(FIELD_GET(VTNIC_VT_CTL_DEF_POOL, vt_ctl));
	}

	if (f->tagged) {
		u32 in_vlan = 0;

		if (!(MODEL_REG(m, VTNIC_VFTA(f->vid >> 5)) & BIT(f->vid & 31)))
			return 0;
		for (i = 0; i < VTNIC_VLVF_ENTRIES; i++) {
			u32 vlvf = MODEL_REG(m, VTNIC_VLVF(i));

			if ((vlvf & VTNIC_VLVF_ENABLE) &&
			    FIELD_GET(VTNIC_VLVF_VID, vlvf) == f->vid)
				in_vlan |= FIELD_GET(VTNIC_VLVF_POOLSEL, vlvf);
		}
		pools &= in_vlan;
	} else {
		pools &= model_pools_with(m, VTNIC_VMOLR_AUPE);
	}

	pools &= MODEL_REG(m, VTNIC_VFRE);
	for (p = 0; p < VTNIC_POOLS; p++) {
		u32 vmolr = MODEL_REG(m, VTNIC_VMOLR(p));
		unsigned int limit = MODEL_STD_FRAME;

		if (vmolr & VTNIC_VMOLR_LPE)
			limit = FIELD_GET(VTNIC_VMOLR_RLPML, vmolr);
		if (f->len > limit)
			pools &= ~BIT(p);
	}
	return pools;
}

/**
 * model_rx_strips_tag() - whether a pool receives a frame without its tag
 * @m: the model
 * @pool: the pool
 * @f: the frame, which the pool receives (model_rx_pools())
 *
 * A broadcast or multicast frame is replicated to every pool that takes
 * it while replication is on (VT_CTL.REPL_EN); a replicated frame's
 * offloads are the replication offload register's (RPLOLR.STRVLAN), any
 * other frame's those of its pool (VMOLR.STRVLAN).
 *
 * Return: true when the tag is taken off; false for an untagged frame.
 */
bool model_rx_strips_tag(const struct model *m, unsigned int pool,
			 const struct model_frame *f)
{
	if (!f->tagged)
		return false;
	if (is_multicast_ether_addr(f->dst) &&
	    (MODEL_REG(m, VTNIC_VT_CTL) & VTNIC_VT_CTL_REPL_EN))
		return MODEL_REG(m, VTNIC_RPLOLR) & VTNIC_RPLOLR_STRVLAN;
	return MODEL_REG(m, VTNIC_VMOLR(pool)) & VTNIC_VMOLR_STRVLAN;
}

/**
 * model_tx_enabled() - whether a pool may transmit (VFTE)
 * @m: the model
 * @pool: the pool
 *
 * Return: true when it may.
 */
bool model_tx_enabled(const struct model *m, unsigned int pool)
{
	return MODEL_REG(m, VTNIC_VFTE) & BIT(pool);
}

/**
 * model_tx_vlan() - the tag the device puts on a pool's frames (VMVIR)
 * @m: the model
 * @pool: the pool
 * @prio: set to the tag's priority
 *
 * Return: the VLAN ID, 0 when frames leave as the pool sent them.
 */
u16 model_tx_vlan(const struct model *m, unsigned int pool, u8 *prio)
{
	u32 vmvir = MODEL_REG(m, VTNIC_VMVIR(pool));

	*prio = 0;
	if (!(vmvir & VTNIC_VMVIR_ALWAYS))
		return 0;
	*prio = (vmvir & VTNIC_VMVIR_TAG) >> MODEL_VLAN_PRIO_SHIFT;
	return vmvir & 0xfff;
}

/**
 * model_tx_spoofchk() - whether a pool's frames are checked for a
 *	forged source address and VLAN (DTXSWC)
 * @m: the model
 * @pool: the pool
 *
 * Return: true when both checks are on; false when both are off.
 * model_fail() when only one is: no setting leaves it so.
 */
bool model_tx_spoofchk(const struct model *m, unsigned int pool)
{
	u32 dtxswc = MODEL_REG(m, VTNIC_DTXSWC);
	bool mac = dtxswc & VTNIC_DTXSWC_MAC_SPOOF(pool);
	bool vlan = dtxswc & VTNIC_DTXSWC_VLAN_SPOOF(pool);

	if (mac != vlan)
		model_fail("pool %u: MAC anti-spoofing %d but VLAN anti-spoofing %d",
			   pool, mac, vlan);
	return mac;
}

/**
 * model_tx_loopback() - whether frames between pools are switched inside
 *	the device (VEB) rather than sent to the wire (VEPA)
 * @m: the model
 *
 * Return: true for VEB.
 */
bool model_tx_loopback(const struct model *m)
{
	return MODEL_REG(m, VTNIC_DTXSWC) & VTNIC_DTXSWC_VMDQ_LOOPBACK;
}

/**
 * model_tx_rate() - the transmit limit of a pool (7.10.3.7)
 * @m: the model
 * @pool: the pool
 * @link_mbps: the link speed
 *
 * Return: Mb/s, rounded down; 0 for no limit.
 */
u32 model_tx_rate(const struct model *m, unsigned int pool, u32 link_mbps)
{
	return model_pool_rate(m, pool, VTNIC_POOL_QUEUE(pool, 0),
			       VTNIC_POOL_QUEUE(pool, 1), link_mbps);
}
