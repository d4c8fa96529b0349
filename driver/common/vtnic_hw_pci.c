// SPDX-License-Identifier: GPL-2.0
/*
 * PCI set-up shared by the vtnic PF and VF drivers.  Linux-specific, so
 * it is not part of what the userspace unit tests compile.
 */

#include <linux/dma-mapping.h>
#include <linux/export.h>
#include <linux/pci.h>

#include "vtnic_hw.h"

/**
 * vtnic_hw_pci_map() - enable a function and map its registers
 * @hw: filled in with BAR0 and the device
 * @pdev: the PF or VF
 * @name: driver name, for the claimed regions
 * @status: the first STATUS read, for the probe's log line
 *
 * Everything is device-managed: the PCI core undoes it in reverse order
 * after remove or a failed probe.
 *
 * Return: 0, or a negative errno (logged).
 */
int vtnic_hw_pci_map(struct vtnic_hw *hw, struct pci_dev *pdev,
		     const char *name, u32 *status)
{
	struct device *dev = &pdev->dev;
	int err;

	hw->dev = dev;

	err = pcim_enable_device(pdev);
	if (err)
		return dev_err_probe(dev, err, "cannot enable PCI device\n");

	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (err)
		return dev_err_probe(dev, err, "no usable DMA configuration\n");

	err = pci_request_mem_regions(pdev, name);
	if (err)
		return dev_err_probe(dev, err, "cannot claim memory regions\n");

	hw->hw_addr = pcim_iomap(pdev, 0, 0);
	if (!hw->hw_addr)
		return dev_err_probe(dev, -ENOMEM, "cannot map BAR0\n");

	*status = vtnic_hw_rd32(hw, VTNIC_HW_STATUS);
	if (!vtnic_hw_present(hw))
		return -EIO;
	return 0;
}
EXPORT_SYMBOL_GPL(vtnic_hw_pci_map);
