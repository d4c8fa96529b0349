/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vtnicvf: VF driver for Intel VT-c SR-IOV Ethernet controllers.
 *
 * Lock order: none yet (probe and remove run under the device lock).
 */
#ifndef _VTNICVF_H_
#define _VTNICVF_H_

#include <linux/pci.h>

#include "vtnic_hw.h"
#include "vtnic_regs.h"

#define VTNICVF_DRV_NAME	"vtnicvf"

/**
 * struct vtnicvf_mac_info - what differs between the supported VF types
 * @type: MAC type
 * @name: controller name for log messages
 */
struct vtnicvf_mac_info {
	enum vtnic_mac_type type;
	const char *name;
};

/**
 * struct vtnicvf - one VF
 * @hw: register window
 * @pdev: the PCI function
 * @mac: MAC-type description, from the PCI ID table
 */
struct vtnicvf {
	struct vtnic_hw hw;
	struct pci_dev *pdev;
	const struct vtnicvf_mac_info *mac;
};

static inline u32 vtnicvf_rd32(struct vtnicvf *vf, u32 reg)
{
	return vtnic_hw_rd32(&vf->hw, reg);
}

static inline void vtnicvf_wr32(struct vtnicvf *vf, u32 reg, u32 val)
{
	vtnic_hw_wr32(&vf->hw, reg, val);
}

#endif /* _VTNICVF_H_ */
