// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: PCI probe/remove and module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed
 * (vtnic_hw_pci_map()), so the PCI core releases them after remove in the
 * reverse order of probe; nothing else is set up yet.
 */

#include <linux/module.h>
#include <linux/pci.h>

#include "vtnic.h"

static const struct vtnic_mac_info vtnic_82576_info = {
	.type = VTNIC_MAC_82576,
	.name = "82576",
};

static const struct vtnic_mac_info vtnic_82599_info = {
	.type = VTNIC_MAC_82599,
	.name = "82599",
};

static const struct pci_device_id vtnic_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10c9), (kernel_ulong_t)&vtnic_82576_info },
	{ PCI_VDEVICE(INTEL, 0x10fb), (kernel_ulong_t)&vtnic_82599_info },
	{ }
};
MODULE_DEVICE_TABLE(pci, vtnic_pci_tbl);

static int vtnic_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct device *dev = &pdev->dev;
	struct vtnic *vn;
	u32 status;
	int err;

	vn = devm_kzalloc(dev, sizeof(*vn), GFP_KERNEL);
	if (!vn)
		return -ENOMEM;
	vn->pdev = pdev;
	vn->mac = (const struct vtnic_mac_info *)ent->driver_data;

	err = vtnic_hw_pci_map(&vn->hw, pdev, VTNIC_DRV_NAME, &status);
	if (err)
		return err;

	pci_set_drvdata(pdev, vn);
	dev_info(dev, "Intel %s PF, status %#010x, link %s\n", vn->mac->name,
		 status, status & VTNIC_STATUS_LU ? "up" : "down");
	return 0;
}

static struct pci_driver vtnic_driver = {
	.name		= VTNIC_DRV_NAME,
	.id_table	= vtnic_pci_tbl,
	.probe		= vtnic_probe,
};
module_pci_driver(vtnic_driver);

MODULE_DESCRIPTION("Intel VT-c SR-IOV PF driver (82576, 82599)");
MODULE_LICENSE("GPL");
