// SPDX-License-Identifier: GPL-2.0
/*
 * The 82599's receive filters behind struct vtnic_iov_ops: the exact
 * address filters with their pool select (MPSAR), the VLAN filter table
 * and the multicast table (82599 datasheet 8.2.3.7).  The PF uses them
 * alone as well as with VFs.  Serving VFs on the 82599 (its pool writers,
 * its mailbox registers and the ixgbe dialect) is not done yet: the bundle
 * says so with no dialect, and the PF offers no VFs.
 */

#include <linux/bits.h>
#include <linux/kernel.h>

#include "vtnic_82599_regs.h"
#include "vtnic_iov.h"

static_assert(VTNIC_MTA_REGS == VTNIC_MTA_WORDS);

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

/* One bit of the VLAN filter table (8.2.3.7.11) */
static void vtnic_82599_set_vfta(struct vtnic_hw *hw, u16 vid, bool on)
{
	vtnic_hw_table_bit(hw, VTNIC_VFTA(0), vid, on);
}

static void vtnic_82599_set_mta(struct vtnic_hw *hw, unsigned int idx, u32 val)
{
	vtnic_hw_wr32(hw, VTNIC_MTA(idx), val);
}

static const struct vtnic_iov_ops vtnic_82599_iov_ops = {
	.set_rar	= vtnic_82599_set_rar,
	.set_vfta	= vtnic_82599_set_vfta,
	.set_mta	= vtnic_82599_set_mta,
};

/* 64 pools of 2 queues, 128 addresses, 64 VLAN pool filters (7.10.3) */
const struct vtnic_iov_info vtnic_82599_iov = {
	.limits = {
		.pools		= 64,
		.queues_per_pool = 2,
		.rar_entries	= VTNIC_RAR_ENTRIES,
		.vlvf_entries	= 64,
	},
	.ops		= &vtnic_82599_iov_ops,
};
