// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: PCI probe/remove and module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed,
 * so the PCI core releases them after remove in the reverse order of
 * probe; nothing else is set up yet.
 */

#include <linux/dma-mapping.h>
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
	vn->hw.dev = dev;
	vn->mac = (const struct vtnic_mac_info *)ent->driver_data;

	err = pcim_enable_device(pdev);
	if (err)
		return dev_err_probe(dev, err, "cannot enable PCI device\n");

	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (err)
		return dev_err_probe(dev, err, "no usable DMA configuration\n");

	err = pci_request_mem_regions(pdev, VTNIC_DRV_NAME);
	if (err)
		return dev_err_probe(dev, err, "cannot claim memory regions\n");

	vn->hw.hw_addr = pcim_iomap(pdev, 0, 0);
	if (!vn->hw.hw_addr)
		return dev_err_probe(dev, -ENOMEM, "cannot map BAR0\n");

	status = vtnic_rd32(vn, VTNIC_STATUS);
	if (!vtnic_hw_present(&vn->hw))
		return -EIO;

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
