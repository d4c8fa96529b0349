// SPDX-License-Identifier: GPL-2.0
/*
 * Register access shared by the vtnic PF and VF drivers.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>

#include "vtnic_hw.h"

/**
 * vtnic_hw_rd32() - read a device register
 * @hw: the function's register window
 * @reg: byte offset in BAR0
 *
 * A PCIe read that completes with all ones means the function no longer
 * answers (surprise removal, a dead link, a VF whose PF disabled SR-IOV)
 * unless the register really holds all ones.  STATUS never does on a
 * live device, so one extra read tells the two apart.  A device found
 * gone is never touched again, and its netdev is detached at once, as
 * fbnic does: the stack stops transmitting and refuses to open it or to
 * run ethtool on it.  PCI error recovery attaches it again.
 *
 * Return: the register value, or all ones when the device is gone.
 */
u32 vtnic_hw_rd32(struct vtnic_hw *hw, u32 reg)
{
	u8 __iomem *hw_addr = READ_ONCE(hw->hw_addr);
	u32 val;

	if (!hw_addr)
		return ~0U;

	val = readl(hw_addr + reg);
	if (val != ~0U)
		return val;
	if (reg != VTNIC_HW_STATUS && readl(hw_addr + VTNIC_HW_STATUS) != ~0U)
		return val;

	WRITE_ONCE(hw->hw_addr, NULL);
	dev_err(hw->dev, "device not responding (register %#x reads all ones), no longer accessing it\n",
		reg);
	if (hw->netdev)
		netif_device_detach(hw->netdev);
	return ~0U;
}
EXPORT_SYMBOL_GPL(vtnic_hw_rd32);

/**
 * vtnic_vf_stats_fold() - add a VF's counter progress to its totals
 * @hw: the register window the counters are read through
 * @regs: where they are in it
 * @s: the totals
 * @restart: only note the current values (after a reset that may have
 *	     cleared them), adding nothing
 *
 * The registers are free-running and wrap (octets within seconds at line
 * rate): callers fold at least every few seconds.
 */
void vtnic_vf_stats_fold(struct vtnic_hw *hw,
			 const struct vtnic_vf_stats_regs *regs,
			 struct vtnic_vf_stats *s, bool restart)
{
	u64 *totals[] = {
		&s->rx_packets, &s->rx_bytes, &s->tx_packets, &s->tx_bytes,
		&s->multicast,
	};
	unsigned int i;

	BUILD_BUG_ON(ARRAY_SIZE(totals) != ARRAY_SIZE(regs->reg));
	for (i = 0; i < ARRAY_SIZE(totals); i++) {
		u32 val = vtnic_hw_rd32(hw, regs->reg[i]);

		if (val == ~0U && !vtnic_hw_present(hw))
			return;
		if (!restart)
			*totals[i] += (u32)(val - s->last[i]);
		s->last[i] = val;
	}
}
EXPORT_SYMBOL_GPL(vtnic_vf_stats_fold);
