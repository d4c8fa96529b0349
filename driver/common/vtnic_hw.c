// SPDX-License-Identifier: GPL-2.0
/*
 * Register access shared by the vtnic PF and VF drivers.
 */

#include <linux/device.h>

#include "vtnic_hw.h"
#include "vtnic_regs.h"

/**
 * vtnic_hw_rd32() - read a device register
 * @hw: the function's register window
 * @reg: byte offset in BAR0
 *
 * A PCIe read that completes with all ones means the function no longer
 * answers (surprise removal, a dead link, a VF whose PF disabled SR-IOV)
 * unless the register really holds all ones.  STATUS never does on a
 * live device, so one extra read tells the two apart.  A device found
 * gone is never touched again.
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
	if (reg != VTNIC_STATUS && readl(hw_addr + VTNIC_STATUS) != ~0U)
		return val;

	WRITE_ONCE(hw->hw_addr, NULL);
	dev_err(hw->dev, "device not responding (register %#x reads all ones), no longer accessing it\n",
		reg);
	return ~0U;
}
