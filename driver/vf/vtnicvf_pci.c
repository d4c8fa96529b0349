// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: PCI probe/remove and module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed
 * (vtnic_hw_pci_map()), so the PCI core releases them after remove; the
 * rest unwinds in the exact reverse of probe.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/pci.h>

#include "vtnicvf.h"
#include "vtnic_version.h"

static const struct pci_device_id vtnicvf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10ca), (kernel_ulong_t)&vtnicvf_82576_info },
	{ PCI_VDEVICE(INTEL, 0x10ed), (kernel_ulong_t)&vtnicvf_82599_info },
	{ }
};
MODULE_DEVICE_TABLE(pci, vtnicvf_pci_tbl);

static int debug = -1;
module_param(debug, int, 0);
MODULE_PARM_DESC(debug, "netif_msg level (0=none,...,16=all), -1 for the default");

#define VTNICVF_MSG_DEFAULT	(NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)

static int vtnicvf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	const struct vtnicvf_mac_info *mac =
		(const struct vtnicvf_mac_info *)ent->driver_data;
	struct device *dev = &pdev->dev;
	struct net_device *netdev;
	struct vtnicvf *vf;
	u32 status;
	int err;

	netdev = alloc_etherdev_mq(sizeof(*vf), VTNICVF_MAX_PAIRS);
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, dev);
	vf = netdev_priv(netdev);
	vf->netdev = netdev;
	vf->pdev = pdev;
	vf->mac = mac;
	vf->msg_enable = netif_msg_init(debug, VTNICVF_MSG_DEFAULT);
	vf->tx_ring_count = VTNIC_DEFAULT_RING;
	vf->rx_ring_count = VTNIC_DEFAULT_RING;
	vf->itr_us = VTNICVF_ITR_DEFAULT_US;
	vf->link_enabled = true;
	/* Nothing may queue the service task before probe has finished */
	set_bit(VTNICVF_STATE_SERVICE_OFF, &vf->state);
	mutex_init(&vf->mbx_lock);
	spin_lock_init(&vf->mc_lock);
	spin_lock_init(&vf->stats_lock);
	INIT_DELAYED_WORK(&vf->service, vtnicvf_service);

	err = vtnic_hw_pci_map(&vf->hw, pdev, VTNICVF_DRV_NAME, &status);
	if (err)
		goto err_free_netdev;
	/* A device found gone from here on detaches the netdev */
	vf->hw.netdev = netdev;
	vtnic_mbx_vf_init(&vf->mbx, &vf->hw, mac->mbx);
	pci_set_drvdata(pdev, vf);
	/* Descriptors, buffers and MSI-X messages are all bus-master writes */
	pci_set_master(pdev);

	err = vtnicvf_irq_init(vf);
	if (err)
		goto err_clear_master;

	err = vtnicvf_netdev_create(vf);
	if (err)
		goto err_free_irq;

	clear_bit(VTNICVF_STATE_SERVICE_OFF, &vf->state);
	queue_delayed_work(system_wq, &vf->service, VTNICVF_SERVICE_PERIOD);
	netdev_info(netdev, "Intel %s VF, address %pM%s\n", mac->name,
		    netdev->dev_addr,
		    vf->mac_from_pf ? " (from the host)" : "");
	return 0;

err_free_irq:
	vtnicvf_irq_free(vf);
err_clear_master:
	pci_clear_master(pdev);
err_free_netdev:
	free_netdev(netdev);
	return err;
}

static void vtnicvf_remove(struct pci_dev *pdev)
{
	struct vtnicvf *vf = pci_get_drvdata(pdev);

	set_bit(VTNICVF_STATE_SERVICE_OFF, &vf->state);
	cancel_delayed_work_sync(&vf->service);
	vtnicvf_netdev_destroy(vf);
	vtnicvf_irq_free(vf);
	/* A kick that raced with SERVICE_OFF has nothing left to find */
	cancel_delayed_work_sync(&vf->service);
	/*
	 * Leave the VF reset: its queues stop and the PF forgets what we
	 * asked for, so nothing reaches the pool after we are gone.
	 */
	vtnicvf_wr32(vf, vf->mac->mbx->ctrl, vf->mac->mbx->ctrl_rst);
	pci_clear_master(pdev);
	free_netdev(vf->netdev);
}

static struct pci_driver vtnicvf_driver = {
	.name		= VTNICVF_DRV_NAME,
	.id_table	= vtnicvf_pci_tbl,
	.probe		= vtnicvf_probe,
	.remove		= vtnicvf_remove,
};
module_pci_driver(vtnicvf_driver);

MODULE_DESCRIPTION("Intel VT-c SR-IOV VF driver (82576, 82599)");
MODULE_LICENSE("GPL");
MODULE_VERSION(VTNIC_VERSION);
