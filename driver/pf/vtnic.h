/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vtnic: PF driver for Intel VT-c SR-IOV Ethernet controllers.
 *
 * Lock order: none yet (probe and remove run under the device lock).
 */
#ifndef _VTNIC_H_
#define _VTNIC_H_

#include <linux/pci.h>

#include "vtnic_hw.h"
#include "vtnic_regs.h"

#define VTNIC_DRV_NAME		"vtnic"

/**
 * struct vtnic_mac_info - what differs between the supported MAC types
 * @type: MAC type
 * @name: controller name for log messages
 */
struct vtnic_mac_info {
	enum vtnic_mac_type type;
	const char *name;
};

/**
 * struct vtnic - one PF
 * @hw: register window
 * @pdev: the PCI function
 * @mac: MAC-type description, from the PCI ID table
 */
struct vtnic {
	struct vtnic_hw hw;
	struct pci_dev *pdev;
	const struct vtnic_mac_info *mac;
};

static inline u32 vtnic_rd32(struct vtnic *vn, u32 reg)
{
	return vtnic_hw_rd32(&vn->hw, reg);
}

static inline void vtnic_wr32(struct vtnic *vn, u32 reg, u32 val)
{
	vtnic_hw_wr32(&vn->hw, reg, val);
}

#endif /* _VTNIC_H_ */
