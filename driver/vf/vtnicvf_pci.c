// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: PCI probe/remove and module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed,
 * so the PCI core releases them after remove in the reverse order of
 * probe; nothing else is set up yet.
 */

#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>

#include "vtnicvf.h"

static const struct vtnicvf_mac_info vtnicvf_82576_info = {
	.type = VTNICVF_MAC_82576,
	.name = "82576",
};

static const struct vtnicvf_mac_info vtnicvf_82599_info = {
	.type = VTNICVF_MAC_82599,
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
	vf->hw.dev = dev;
	vf->mac = (const struct vtnicvf_mac_info *)ent->driver_data;

	err = pcim_enable_device(pdev);
	if (err)
		return dev_err_probe(dev, err, "cannot enable PCI device\n");

	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (err)
		return dev_err_probe(dev, err, "no usable DMA configuration\n");

	err = pci_request_mem_regions(pdev, VTNICVF_DRV_NAME);
	if (err)
		return dev_err_probe(dev, err, "cannot claim memory regions\n");

	vf->hw.hw_addr = pcim_iomap(pdev, 0, 0);
	if (!vf->hw.hw_addr)
		return dev_err_probe(dev, -ENOMEM, "cannot map BAR0\n");

	/* The VF sees the PF's STATUS: link is the port's link. */
	status = vtnicvf_rd32(vf, VTNIC_STATUS);
	if (!vtnic_hw_present(&vf->hw))
		return -EIO;

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
