// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: SR-IOV - enabling VFs, serving their mailbox, the per-VF admin
 * settings of "ip link set DEV vf N ...", per-VF statistics and the
 * VEB/VEPA switch mode.  The policy itself is driver/common/vtnic_iov.c;
 * this file ties it to the PCI function, the netdev and its locks.
 *
 * With VFs the PF keeps one pool (the last one) and one queue pair in it;
 * the datapath goes down and comes back up around every change of VF
 * count, as it does for a ring change.
 */

#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "vtnic.h"

/*
 * A VF bound to a vfio driver is, or may at any time be, in a guest;
 * vfio does not mark it PCI_DEV_FLAGS_ASSIGNED, so it is checked here.
 */
static bool vtnic_vf_in_guest(struct pci_dev *vf)
{
	struct device_driver *drv = READ_ONCE(vf->dev.driver);

	return pci_is_dev_assigned(vf) ||
	       (drv && !strncmp(drv->name, "vfio", 4));
}

static struct pci_dev *vtnic_vf_assigned(struct pci_dev *pdev)
{
	struct pci_dev *vf = NULL;

	while ((vf = pci_get_device(pdev->vendor, PCI_ANY_ID, vf))) {
		if (vf->is_virtfn && pci_physfn(vf) == pdev &&
		    vtnic_vf_in_guest(vf))
			return vf;	/* the caller puts the reference */
	}
	return NULL;
}

/* Bring the datapath down and back up around a change of pool layout */
static int vtnic_sriov_relayout(struct vtnic *vn, unsigned int num_vfs)
{
	bool running = netif_running(vn->netdev);
	int err = 0;

	if (running)
		vtnic_down(vn);

	mutex_lock(&vn->iov_lock);
	if (num_vfs) {
		vtnic_iov_init(&vn->iov, &vn->hw, vn->mac->iov, num_vfs);
		vtnic_iov_set_pf_mac(&vn->iov, vn->netdev->dev_addr);
	} else {
		vtnic_iov_disable(&vn->iov);
	}
	mutex_unlock(&vn->iov_lock);

	spin_lock_bh(&vn->stats_lock);
	memset(vn->vf_stats, 0, sizeof(vn->vf_stats));
	spin_unlock_bh(&vn->stats_lock);

	if (num_vfs) {
		vn->queues_no_vfs = vn->num_queues;
		vn->num_queues = min(vn->num_queues, vtnic_max_queues(vn));
	} else if (vn->queues_no_vfs) {
		vn->num_queues = vn->queues_no_vfs;
	}
	vtnic_rss_default_indir(vn);

	if (running)
		err = vtnic_up(vn);
	return err;
}

static int vtnic_sriov_enable(struct vtnic *vn, int num_vfs)
{
	struct pci_dev *pdev = vn->pdev;
	int err;

	if (vn->int_mode != VTNIC_INT_MSIX) {
		dev_err(&pdev->dev, "SR-IOV needs MSI-X (int_mode=0); VFs not enabled\n");
		return -EOPNOTSUPP;
	}

	rtnl_lock();
	err = vtnic_sriov_relayout(vn, num_vfs);
	rtnl_unlock();
	if (err)
		goto err_relayout;

	err = pci_enable_sriov(pdev, num_vfs);
	if (err) {
		dev_err(&pdev->dev, "cannot enable %d VFs: %d\n", num_vfs, err);
		goto err_relayout;
	}
	/* New VFs start in "PF resetting": tell them the PF is ready */
	if (netif_running(vn->netdev))
		vtnic_sriov_up_done(vn);
	dev_info(&pdev->dev, "%d VFs enabled, PF in pool %u\n", num_vfs,
		 vtnic_iov_pf_pool(&vn->iov));
	return num_vfs;

err_relayout:
	rtnl_lock();
	if (vtnic_sriov_relayout(vn, 0))
		netdev_err(vn->netdev, "cannot restart the interface\n");
	rtnl_unlock();
	return err;
}

static int vtnic_sriov_disable(struct vtnic *vn)
{
	struct pci_dev *pdev = vn->pdev;
	struct pci_dev *vf;
	int err;

	if (!vtnic_num_vfs(vn))
		return 0;
	vf = vtnic_vf_assigned(pdev);
	if (vf) {
		dev_err(&pdev->dev, "VF %s is assigned to a guest (%s): release it before disabling SR-IOV\n",
			pci_name(vf), vf->dev.driver ? vf->dev.driver->name : "assigned");
		pci_dev_put(vf);
		return -EBUSY;
	}

	pci_disable_sriov(pdev);
	rtnl_lock();
	err = vtnic_sriov_relayout(vn, 0);
	rtnl_unlock();
	dev_info(&pdev->dev, "VFs disabled\n");
	return err;
}

/**
 * vtnic_sriov_configure() - the PCI core's sriov_numvfs hook
 * @pdev: the PF
 * @num_vfs: VFs wanted, 0 to disable
 *
 * Return: @num_vfs, 0, or a negative errno.
 */
int vtnic_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct vtnic *vn = pci_get_drvdata(pdev);

	if (!num_vfs)
		return vtnic_sriov_disable(vn);
	if (!vtnic_iov_max_vfs(vn->mac->iov)) {
		dev_err(&pdev->dev, "SR-IOV on the %s is not supported yet\n",
			vn->mac->name);
		return -EOPNOTSUPP;
	}
	if (vtnic_num_vfs(vn)) {
		dev_err(&pdev->dev, "%u VFs already enabled: write 0 first\n",
			vtnic_num_vfs(vn));
		return -EBUSY;
	}
	return vtnic_sriov_enable(vn, num_vfs);
}

/* Write what rx_mode left for the PF's pool; iov_lock held */
static void vtnic_sriov_write_pf_rx(struct vtnic *vn)
{
	struct vtnic_pf_rx *rx = &vn->pf_rx_work;

	lockdep_assert_held(&vn->iov_lock);
	spin_lock_bh(&vn->pf_rx_lock);
	*rx = vn->pf_rx;
	vn->pf_rx.mta_dirty = false;
	vn->pf_rx.uc_dirty = false;
	vn->pf_rx.rx_dirty = false;
	spin_unlock_bh(&vn->pf_rx_lock);

	if (rx->mta_dirty)
		vtnic_iov_set_pf_mta(&vn->iov, rx->mta);
	if (rx->uc_dirty)
		vtnic_iov_set_pf_uc(&vn->iov, rx->uc[0], rx->nr_uc);
	if (rx->rx_dirty)
		vtnic_iov_set_pf_rx(&vn->iov, rx->frame, rx->allmulti);
}

/*
 * Run the mailbox work now.  Unbound: a VF driver in this same kernel (a
 * VF given to a container) busy-waits for the reply, and a work item
 * bound to its CPU would only run after it gave up.  mod_, not queue_:
 * a run already set for later, for a VF's budget, comes forward.
 */
static void vtnic_mbx_kick(struct vtnic *vn)
{
	mod_delayed_work(system_unbound_wq, &vn->mbx_work, 0);
}

static void vtnic_mbx_work(struct work_struct *work)
{
	struct vtnic *vn = container_of(to_delayed_work(work), struct vtnic,
					mbx_work);
	unsigned long delay = 0;

	mutex_lock(&vn->iov_lock);
	if (test_bit(VTNIC_STATE_UP, &vn->state) && vtnic_num_vfs(vn)) {
		vtnic_sriov_write_pf_rx(vn);
		delay = vtnic_iov_service(&vn->iov);
	}
	mutex_unlock(&vn->iov_lock);
	/*
	 * A request waits for its VF's budget, and the VF waits for the
	 * reply: come back when the budget has it.  queue_, not mod_: a
	 * run an interrupt set for sooner stays sooner.  vtnic_sriov_down()
	 * and remove cancel it with cancel_delayed_work_sync(), which
	 * handles a work that queues itself.
	 */
	if (delay)
		queue_delayed_work(system_unbound_wq, &vn->mbx_work, delay);
}

/**
 * vtnic_sriov_set_pf_mta() - the PF's multicast hash bits, with VFs
 * @vn: the PF
 * @mta: VTNIC_MTA_REGS words
 *
 * The MTA is shared with the VFs, so the mailbox work writes it.
 *
 * Context: any; rx_mode calls it under the address list lock.
 */
void vtnic_sriov_set_pf_mta(struct vtnic *vn, const u32 *mta)
{
	spin_lock_bh(&vn->pf_rx_lock);
	memcpy(vn->pf_rx.mta, mta, sizeof(vn->pf_rx.mta));
	vn->pf_rx.mta_dirty = true;
	spin_unlock_bh(&vn->pf_rx_lock);
	vtnic_mbx_kick(vn);
}

/**
 * vtnic_sriov_set_pf_uc() - the PF's secondary unicast addresses, with VFs
 * @vn: the PF
 *
 * The exact filters are shared with the VFs, which may hold an address
 * the PF asks for, so the mailbox work writes them.
 *
 * Context: rx_mode, under the address list lock.
 * Return: whether they are more than the PF's exact filters take.
 */
bool vtnic_sriov_set_pf_uc(struct vtnic *vn)
{
	unsigned int n = 0, room = vtnic_iov_pf_rar_limit(&vn->iov) - 1;
	struct netdev_hw_addr *ha;
	bool more = false;

	spin_lock_bh(&vn->pf_rx_lock);
	netdev_for_each_uc_addr(ha, vn->netdev) {
		if (n == room) {
			more = true;
			break;
		}
		ether_addr_copy(vn->pf_rx.uc[n++], ha->addr);
	}
	vn->pf_rx.nr_uc = n;
	vn->pf_rx.uc_dirty = true;
	spin_unlock_bh(&vn->pf_rx_lock);
	vtnic_mbx_kick(vn);
	return more;
}

/**
 * vtnic_sriov_set_pf_rx() - the PF pool's receive settings, with VFs
 * @vn: the PF
 * @frame: longest frame, bytes, VLAN tag and FCS included
 * @allmulti: accept every multicast frame
 *
 * Context: any; the mailbox work writes them.
 */
void vtnic_sriov_set_pf_rx(struct vtnic *vn, unsigned int frame,
			   bool allmulti)
{
	spin_lock_bh(&vn->pf_rx_lock);
	vn->pf_rx.frame = frame;
	vn->pf_rx.allmulti = allmulti;
	vn->pf_rx.rx_dirty = true;
	spin_unlock_bh(&vn->pf_rx_lock);
	vtnic_mbx_kick(vn);
}

/**
 * vtnic_sriov_mbx_irq() - a VF posted a message, acked one or was reset
 * @vn: the PF
 *
 * Context: hard IRQ; the work item does the rest.
 */
void vtnic_sriov_mbx_irq(struct vtnic *vn)
{
	if (vtnic_num_vfs(vn))
		vtnic_mbx_kick(vn);
}

/**
 * vtnic_sriov_init() - probe-time SR-IOV setup
 * @vn: the PF
 */
void vtnic_sriov_init(struct vtnic *vn)
{
	mutex_init(&vn->iov_lock);
	spin_lock_init(&vn->pf_rx_lock);
	INIT_DELAYED_WORK(&vn->mbx_work, vtnic_mbx_work);
	vn->iov.hw = &vn->hw;
	vn->iov.info = vn->mac->iov;
	/* One pool is kept for the PF; a MAC without SR-IOV yet offers none */
	if (vtnic_iov_max_vfs(vn->mac->iov))
		pci_sriov_set_totalvfs(vn->pdev,
				       vtnic_iov_max_vfs(vn->mac->iov));
}

/**
 * vtnic_sriov_adopt() - serve the VFs a previous driver left enabled
 * @vn: the PF, its netdev registered
 *
 * vtnic_sriov_remove() leaves the VFs enabled when one is in a guest, and
 * so do igb and ixgbe: the next driver finds them.  They are served as if
 * created here, with nothing configured by the admin; their drivers see a
 * PF reset and start over.  VFs this PF cannot serve (more than its pools
 * hold, or no MSI-X) stay enabled and unserved: a guest's cannot be taken
 * away.
 */
void vtnic_sriov_adopt(struct vtnic *vn)
{
	struct pci_dev *pdev = vn->pdev;
	int num_vfs = pci_num_vf(pdev);
	int err;

	if (!num_vfs)
		return;
	if (num_vfs > vtnic_iov_max_vfs(vn->mac->iov) ||
	    vn->int_mode != VTNIC_INT_MSIX) {
		dev_warn(&pdev->dev, "%d VFs left enabled by the last driver: this one cannot serve them\n",
			 num_vfs);
		return;
	}
	rtnl_lock();
	err = vtnic_sriov_relayout(vn, num_vfs);
	rtnl_unlock();
	if (err) {
		dev_warn(&pdev->dev, "%d VFs left enabled by the last driver, not served: %d\n",
			 num_vfs, err);
		return;
	}
	dev_info(&pdev->dev, "%d VFs left enabled by the last driver: serving them, PF in pool %u\n",
		 num_vfs, vtnic_iov_pf_pool(&vn->iov));
}

/**
 * vtnic_sriov_remove() - disable VFs before the PF goes away
 * @vn: the PF
 *
 * VFs in a guest cannot be taken away: they are left enabled, as the
 * PCI core requires, and the PF stops serving them.
 */
void vtnic_sriov_remove(struct vtnic *vn)
{
	struct pci_dev *vf;

	if (!vtnic_num_vfs(vn))
		return;
	vf = vtnic_vf_assigned(vn->pdev);
	if (vf) {
		dev_warn(&vn->pdev->dev, "VF %s is assigned to a guest: VFs stay enabled without a PF driver\n",
			 pci_name(vf));
		pci_dev_put(vf);
		return;
	}
	pci_disable_sriov(vn->pdev);
}

/* A VF's counters, where the MAC keeps them; stats_lock held */
static void vtnic_sriov_vf_stats_fold(struct vtnic *vn, unsigned int vf,
				      bool restart)
{
	struct vtnic_vf_stats_regs regs;

	lockdep_assert_held(&vn->stats_lock);
	vn->mac->iov->ops->vf_stats_regs(vf, &regs);
	vtnic_vf_stats_fold(&vn->hw, &regs, &vn->vf_stats[vf], restart);
}

/**
 * vtnic_sriov_pre_reset() - what the VFs' resets left, before the PF's
 * @vn: the PF, about to reset the device
 *
 * The device reset clears the VFs' reset causes; a VF reset while the PF
 * was down is handled here, not lost.
 */
void vtnic_sriov_pre_reset(struct vtnic *vn)
{
	if (!vtnic_num_vfs(vn))
		return;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_take_flrs(&vn->iov);
	mutex_unlock(&vn->iov_lock);
}

/**
 * vtnic_sriov_up() - program the pools after the reset of vtnic_up()
 * @vn: the PF
 */
void vtnic_sriov_up(struct vtnic *vn)
{
	unsigned int vf;

	if (!vtnic_num_vfs(vn))
		return;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_configure(&vn->iov);
	mutex_unlock(&vn->iov_lock);

	/* The reset may have cleared the VF counters: count from here */
	spin_lock_bh(&vn->stats_lock);
	for (vf = 0; vf < vtnic_num_vfs(vn); vf++)
		vtnic_sriov_vf_stats_fold(vn, vf, true);
	spin_unlock_bh(&vn->stats_lock);
}

/**
 * vtnic_sriov_up_done() - tell the VFs the PF is ready
 * @vn: the PF, with interrupts enabled
 */
void vtnic_sriov_up_done(struct vtnic *vn)
{
	if (!vtnic_num_vfs(vn))
		return;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_pf_reset_done(&vn->iov);
	mutex_unlock(&vn->iov_lock);
}

/**
 * vtnic_sriov_down() - the PF is going down: tell the VFs, stop serving
 * @vn: the PF, VTNIC_STATE_UP already cleared
 */
void vtnic_sriov_down(struct vtnic *vn)
{
	if (!vtnic_num_vfs(vn))
		return;
	cancel_delayed_work_sync(&vn->mbx_work);
	mutex_lock(&vn->iov_lock);
	vtnic_iov_pf_reset_begin(&vn->iov);
	mutex_unlock(&vn->iov_lock);
}

/**
 * vtnic_sriov_link() - the port's link changed: rate limits, VF pings
 * @vn: the PF
 */
void vtnic_sriov_link(struct vtnic *vn)
{
	if (!vtnic_num_vfs(vn))
		return;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_link(&vn->iov, vn->link_up ? vn->link_speed : 0);
	mutex_unlock(&vn->iov_lock);
}

/**
 * vtnic_update_vf_stats() - fold the VF counters into 64-bit totals
 * @vn: the PF
 *
 * The registers wrap (octets within seconds at line rate): the watchdog
 * calls this every two seconds, and every read of the statistics too.
 */
void vtnic_update_vf_stats(struct vtnic *vn)
{
	unsigned int vf;

	if (!vtnic_num_vfs(vn) || !test_bit(VTNIC_STATE_UP, &vn->state))
		return;
	spin_lock_bh(&vn->stats_lock);
	for (vf = 0; vf < vtnic_num_vfs(vn); vf++)
		vtnic_sriov_vf_stats_fold(vn, vf, false);
	spin_unlock_bh(&vn->stats_lock);
}

static struct vtnic *vtnic_vf_check(struct net_device *netdev, int vf)
{
	struct vtnic *vn = netdev_priv(netdev);

	if (vf < 0 || vf >= vtnic_num_vfs(vn))
		return NULL;
	return vn;
}

int vtnic_ndo_set_vf_mac(struct net_device *netdev, int vf, u8 *mac)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	bool active;
	int err;

	if (!vn)
		return -EINVAL;
	mutex_lock(&vn->iov_lock);
	err = vtnic_iov_set_vf_mac(&vn->iov, vf, mac);
	active = vn->iov.vf[vf].cts;
	mutex_unlock(&vn->iov_lock);
	if (err == -EADDRINUSE)
		netdev_err(netdev, "VF %d: %pM is the PF's or another VF's address\n",
			   vf, mac);
	else if (!err && active && is_zero_ether_addr(mac))
		netdev_info(netdev, "VF %d: admin MAC removed; the VF driver picks its own at its next reset (igbvf: reload it)\n",
			    vf);
	else if (!err && active)
		netdev_info(netdev, "VF %d: MAC %pM set; the VF driver takes it at its next reset (igbvf: reload it)\n",
			    vf, mac);
	return err;
}

int vtnic_ndo_set_vf_vlan(struct net_device *netdev, int vf, u16 vlan,
			  u8 qos, __be16 proto)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	int err;

	if (!vn || vlan >= VLAN_N_VID || qos > 7)
		return -EINVAL;
	if (proto != htons(ETH_P_8021Q))
		return -EPROTONOSUPPORT;
	mutex_lock(&vn->iov_lock);
	err = vtnic_iov_set_vf_vlan(&vn->iov, vf, vlan, qos);
	mutex_unlock(&vn->iov_lock);
	if (err)
		netdev_err(netdev, "VF %d: no VLAN filter left for VLAN %u\n",
			   vf, vlan);
	return err;
}

int vtnic_ndo_set_vf_spoofchk(struct net_device *netdev, int vf, bool on)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);

	if (!vn)
		return -EINVAL;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_vf_spoofchk(&vn->iov, vf, on);
	mutex_unlock(&vn->iov_lock);
	return 0;
}

int vtnic_ndo_set_vf_trust(struct net_device *netdev, int vf, bool on)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);

	if (!vn)
		return -EINVAL;
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_vf_trust(&vn->iov, vf, on);
	mutex_unlock(&vn->iov_lock);
	return 0;
}

int vtnic_ndo_set_vf_rss_query_en(struct net_device *netdev, int vf, bool on)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	int err;

	if (!vn)
		return -EINVAL;
	mutex_lock(&vn->iov_lock);
	err = vtnic_iov_set_vf_rss_query(&vn->iov, vf, on);
	mutex_unlock(&vn->iov_lock);
	if (err)
		netdev_err(netdev, "VF %d: the %s's VF drivers cannot query RSS\n",
			   vf, vn->mac->name);
	return err;
}

int vtnic_ndo_set_vf_link_state(struct net_device *netdev, int vf, int state)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	enum vtnic_vf_link_state ls;

	if (!vn)
		return -EINVAL;
	switch (state) {
	case IFLA_VF_LINK_STATE_AUTO:
		ls = VTNIC_VF_LINK_AUTO;
		break;
	case IFLA_VF_LINK_STATE_ENABLE:
		ls = VTNIC_VF_LINK_ENABLE;
		break;
	case IFLA_VF_LINK_STATE_DISABLE:
		ls = VTNIC_VF_LINK_DISABLE;
		break;
	default:
		return -EINVAL;
	}
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_vf_link_state(&vn->iov, vf, ls);
	mutex_unlock(&vn->iov_lock);
	return 0;
}

int vtnic_ndo_set_vf_rate(struct net_device *netdev, int vf, int min_rate,
			  int max_rate)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	int err;

	if (!vn || min_rate < 0 || max_rate < 0)
		return -EINVAL;
	/* No extack in this ndo: the policy logs why it refuses */
	mutex_lock(&vn->iov_lock);
	err = vtnic_iov_set_vf_rate(&vn->iov, vf, min_rate, max_rate);
	mutex_unlock(&vn->iov_lock);
	return err;
}

int vtnic_ndo_get_vf_config(struct net_device *netdev, int vf,
			    struct ifla_vf_info *ivi)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	const struct vtnic_vf *v;

	if (!vn)
		return -EINVAL;
	mutex_lock(&vn->iov_lock);
	v = &vn->iov.vf[vf];
	ivi->vf = vf;
	ether_addr_copy(ivi->mac, v->mac);
	ivi->vlan = v->port_vlan;
	ivi->qos = v->port_qos;
	ivi->vlan_proto = htons(ETH_P_8021Q);
	ivi->spoofchk = v->spoofchk;
	ivi->trusted = v->trusted;
	ivi->rss_query_en = v->rss_query;
	ivi->max_tx_rate = v->max_tx_rate;
	ivi->min_tx_rate = v->min_tx_rate;
	switch (v->link_state) {
	case VTNIC_VF_LINK_ENABLE:
		ivi->linkstate = IFLA_VF_LINK_STATE_ENABLE;
		break;
	case VTNIC_VF_LINK_DISABLE:
		ivi->linkstate = IFLA_VF_LINK_STATE_DISABLE;
		break;
	default:
		ivi->linkstate = IFLA_VF_LINK_STATE_AUTO;
		break;
	}
	mutex_unlock(&vn->iov_lock);
	return 0;
}

int vtnic_ndo_get_vf_stats(struct net_device *netdev, int vf,
			   struct ifla_vf_stats *stats)
{
	struct vtnic *vn = vtnic_vf_check(netdev, vf);
	const struct vtnic_vf_stats *s;

	if (!vn)
		return -EINVAL;
	vtnic_update_vf_stats(vn);
	spin_lock_bh(&vn->stats_lock);
	s = &vn->vf_stats[vf];
	stats->rx_packets = s->rx_packets;
	stats->rx_bytes = s->rx_bytes;
	stats->tx_packets = s->tx_packets;
	stats->tx_bytes = s->tx_bytes;
	stats->multicast = s->multicast;
	spin_unlock_bh(&vn->stats_lock);
	return 0;
}

int vtnic_ndo_bridge_setlink(struct net_device *netdev, struct nlmsghdr *nlh,
			     u16 flags, struct netlink_ext_ack *extack)
{
	struct vtnic *vn = netdev_priv(netdev);
	struct nlattr *attr, *br_spec;
	int rem;

	br_spec = nlmsg_find_attr(nlh, sizeof(struct ifinfomsg), IFLA_AF_SPEC);
	if (!br_spec)
		return -EINVAL;

	nla_for_each_nested(attr, br_spec, rem) {
		u16 mode;

		if (nla_type(attr) != IFLA_BRIDGE_MODE)
			continue;
		if (nla_len(attr) < sizeof(mode))
			return -EINVAL;
		mode = nla_get_u16(attr);
		if (mode != BRIDGE_MODE_VEB && mode != BRIDGE_MODE_VEPA) {
			NL_SET_ERR_MSG_MOD(extack, "only VEB and VEPA modes are supported");
			return -EINVAL;
		}
		mutex_lock(&vn->iov_lock);
		vtnic_iov_set_vepa(&vn->iov, mode == BRIDGE_MODE_VEPA);
		mutex_unlock(&vn->iov_lock);
		netdev_info(netdev, "switching between pools: %s\n",
			    mode == BRIDGE_MODE_VEPA ? "VEPA (adjacent switch)" :
			    "VEB (inside the NIC)");
	}
	return 0;
}

int vtnic_ndo_bridge_getlink(struct sk_buff *skb, u32 pid, u32 seq,
			     struct net_device *netdev, u32 filter_mask,
			     int nlflags)
{
	struct vtnic *vn = netdev_priv(netdev);

	return ndo_dflt_bridge_getlink(skb, pid, seq, netdev,
				       vn->iov.vepa ? BRIDGE_MODE_VEPA :
				       BRIDGE_MODE_VEB, 0, 0, nlflags,
				       filter_mask, NULL);
}
