// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: PCI probe/remove and module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed
 * (vtnic_hw_pci_map()), so the PCI core releases them after remove in the
 * reverse order of probe; nothing else is set up yet.
 */

#include <linux/module.h>
#include <linux/pci.h>

#include "vtnicvf.h"

static const struct vtnicvf_mac_info vtnicvf_82576_info = {
	.type = VTNIC_MAC_82576,
	.name = "82576",
};

static const struct vtnicvf_mac_info vtnicvf_82599_info = {
	.type = VTNIC_MAC_82599,
	.name = "82599",
};

static const struct pci_device_id vtnicvf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10ca), (kernel_ulong_t)&vtnicvf_82576_info },
	{ PCI_VDEVICE(INTEL, 0x10ed), (kernel_ulong_t)&vtnicvf_82599_info },
	{ }
};
MODULE_DEVICE_TABLE(pci, vtnicvf_pci_tbl);

static int vtnicvf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct device *dev = &pdev->dev;
	struct vtnicvf *vf;
	u32 status;
	int err;

	vf = devm_kzalloc(dev, sizeof(*vf), GFP_KERNEL);
	if (!vf)
		return -ENOMEM;
	vf->pdev = pdev;
	vf->mac = (const struct vtnicvf_mac_info *)ent->driver_data;

	err = vtnic_hw_pci_map(&vf->hw, pdev, VTNICVF_DRV_NAME, &status);
	if (err)
		return err;

	pci_set_drvdata(pdev, vf);
	dev_info(dev, "Intel %s VF, status %#010x, port link %s\n",
		 vf->mac->name, status,
		 status & VTNIC_STATUS_LU ? "up" : "down");
	return 0;
}

static struct pci_driver vtnicvf_driver = {
	.name		= VTNICVF_DRV_NAME,
	.id_table	= vtnicvf_pci_tbl,
	.probe		= vtnicvf_probe,
};
module_pci_driver(vtnicvf_driver);

MODULE_DESCRIPTION("Intel VT-c SR-IOV VF driver (82576, 82599)");
MODULE_LICENSE("GPL");
