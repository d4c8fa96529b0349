// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: PCI probe/remove, power management, PCIe error recovery and
 * module init.
 *
 * PCI resources (enable, regions, the BAR0 mapping) are device-managed
 * (vtnic_hw_pci_map()), so the PCI core releases them after remove in
 * the reverse order of probe.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>

#include "vtnic.h"
#include "vtnic_version.h"

/* One line per device ID; the MAC's bundle is in its vtnic_hw_<mac>.c */
static const struct pci_device_id vtnic_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10c9), (kernel_ulong_t)&vtnic_82576_info },
	{ PCI_VDEVICE(INTEL, 0x10fb), (kernel_ulong_t)&vtnic_82599_info },
	{ }
};
MODULE_DEVICE_TABLE(pci, vtnic_pci_tbl);

static int vtnic_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	const struct vtnic_mac_info *mac = (const void *)ent->driver_data;
	struct device *dev = &pdev->dev;
	struct net_device *netdev;
	u8 addr[ETH_ALEN];
	struct vtnic *vn;
	u32 status;
	int err;

	netdev = alloc_etherdev_mq(sizeof(*vn), mac->max_queues);
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, dev);
	vn = netdev_priv(netdev);
	vn->netdev = netdev;
	vn->pdev = pdev;
	vn->mac = mac;
	spin_lock_init(&vn->stats_lock);
	mutex_init(&vn->nvm_lock);

	err = vtnic_hw_pci_map(&vn->hw, pdev, VTNIC_DRV_NAME, &status);
	if (err)
		goto err_free_netdev;
	vn->bar0 = vn->hw.hw_addr;
	/* A device found gone from here on detaches the netdev */
	vn->hw.netdev = netdev;
	pci_set_master(pdev);

	err = mac->ops->reset(vn);
	if (!err && mac->ops->validate_nvm)
		err = mac->ops->validate_nvm(vn);
	if (err)
		goto err_free_netdev;

	mac->ops->read_mac_addr(vn, addr);
	if (!is_valid_ether_addr(addr)) {
		dev_warn(dev, "NVM holds no valid MAC address (%pM), using a random one\n",
			 addr);
		eth_random_addr(addr);
	}
	eth_hw_addr_set(netdev, addr);
	ether_addr_copy(vn->perm_addr, addr);
	ether_addr_copy(netdev->perm_addr, addr);

	err = vtnic_devlink_alloc(vn);
	if (err)
		goto err_free_netdev;

	err = vtnic_irq_alloc(vn);
	if (err)
		goto err_free_devlink;

	pci_set_drvdata(pdev, vn);
	vtnic_sriov_init(vn);
	err = vtnic_netdev_create(vn);
	if (err)
		goto err_free_irq;

	pci_save_state(pdev);
	netdev_info(netdev, "Intel %s PF at %s, MAC %pM, status %#010x\n",
		    mac->name, pci_name(pdev), addr, status);
	vtnic_sriov_adopt(vn);
	/* What ethtool reports before the port first goes up */
	if (mac->ops->identify_module) {
		rtnl_lock();
		if (!netif_running(netdev))
			mac->ops->identify_module(vn);
		rtnl_unlock();
	}
	vtnic_devlink_register(vn);
	return 0;

err_free_irq:
	vtnic_irq_free(vn);
err_free_devlink:
	vtnic_devlink_free(vn);
err_free_netdev:
	free_netdev(netdev);
	return err;
}

static void vtnic_remove(struct pci_dev *pdev)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	vtnic_devlink_unregister(vn);
	vtnic_sriov_remove(vn);
	vtnic_netdev_destroy(vn);
	cancel_delayed_work_sync(&vn->mbx_work);
	vtnic_irq_free(vn);
	vtnic_devlink_free(vn);
	free_netdev(vn->netdev);
}

/* Stop the datapath for suspend, shutdown or a PCIe error */
static void vtnic_detach(struct vtnic *vn)
{
	rtnl_lock();
	netif_device_detach(vn->netdev);
	if (netif_running(vn->netdev))
		vtnic_down(vn);
	rtnl_unlock();
}

static int vtnic_attach(struct vtnic *vn)
{
	int err = 0;

	rtnl_lock();
	if (netif_running(vn->netdev))
		err = vtnic_up(vn);
	if (!err)
		netif_device_attach(vn->netdev);
	rtnl_unlock();
	return err;
}

static void vtnic_shutdown(struct pci_dev *pdev)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	vtnic_detach(vn);
	pci_disable_device(pdev);
}

static int vtnic_suspend(struct device *dev)
{
	vtnic_detach(dev_get_drvdata(dev));
	return 0;
}

static int vtnic_resume(struct device *dev)
{
	return vtnic_attach(dev_get_drvdata(dev));
}

static DEFINE_SIMPLE_DEV_PM_OPS(vtnic_pm_ops, vtnic_suspend, vtnic_resume);

static pci_ers_result_t vtnic_io_error_detected(struct pci_dev *pdev,
						pci_channel_state_t state)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	dev_err(&pdev->dev, "PCIe error (channel state %d), stopping\n", state);
	vtnic_detach(vn);
	if (state == pci_channel_io_perm_failure)
		return PCI_ERS_RESULT_DISCONNECT;
	pci_disable_device(pdev);
	return PCI_ERS_RESULT_NEED_RESET;
}

static pci_ers_result_t vtnic_io_slot_reset(struct pci_dev *pdev)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	if (pci_enable_device_mem(pdev)) {
		dev_err(&pdev->dev, "cannot re-enable the device after reset\n");
		return PCI_ERS_RESULT_DISCONNECT;
	}
	pci_set_master(pdev);
	pci_restore_state(pdev);
	pci_save_state(pdev);

	/* The link reset brought the device back: talk to it again */
	WRITE_ONCE(vn->hw.hw_addr, vn->bar0);
	if (vtnic_rd32(vn, VTNIC_HW_STATUS) == ~0U || vn->mac->ops->reset(vn))
		return PCI_ERS_RESULT_DISCONNECT;
	return PCI_ERS_RESULT_RECOVERED;
}

static void vtnic_io_resume(struct pci_dev *pdev)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	if (vtnic_attach(vn))
		dev_err(&pdev->dev, "cannot restart after PCIe error recovery\n");
}

static const struct pci_error_handlers vtnic_err_handler = {
	.error_detected	= vtnic_io_error_detected,
	.slot_reset	= vtnic_io_slot_reset,
	.resume		= vtnic_io_resume,
};

static struct pci_driver vtnic_driver = {
	.name		= VTNIC_DRV_NAME,
	.id_table	= vtnic_pci_tbl,
	.probe		= vtnic_probe,
	.remove		= vtnic_remove,
	.shutdown	= vtnic_shutdown,
	.sriov_configure = vtnic_sriov_configure,
	.driver.pm	= pm_sleep_ptr(&vtnic_pm_ops),
	.err_handler	= &vtnic_err_handler,
};
module_pci_driver(vtnic_driver);

MODULE_DESCRIPTION("Intel VT-c SR-IOV PF driver (82576, 82599)");
MODULE_LICENSE("GPL");
MODULE_VERSION(VTNIC_VERSION);
