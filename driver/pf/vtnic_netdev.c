// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: the PF's netdev - open/stop, filters, MTU, VLANs, features,
 * statistics and the watchdog that follows the link and recovers from a
 * TX timeout.
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>

#include "vtnic.h"

#define VTNIC_WATCHDOG_PERIOD	(2 * HZ)

/* MACLEN and IPLEN of the context descriptor are 7 and 9 bits wide */
#define VTNIC_MAX_MACLEN	127
#define VTNIC_MAX_IPLEN		511

static void vtnic_restore_vlans(struct vtnic *vn);

/**
 * vtnic_set_rar() - program one exact-match receive address
 * @vn: the PF
 * @idx: entry, below the MAC's iov->limits.rar_entries
 * @addr: the address, or NULL to clear the entry
 */
void vtnic_set_rar(struct vtnic *vn, unsigned int idx, const u8 *addr)
{
	/* With VFs the PF's addresses steer to its own pool */
	vn->mac->iov->ops->set_rar(&vn->hw, idx, addr, vtnic_num_vfs(vn) ?
				   BIT_ULL(vtnic_iov_pf_pool(&vn->iov)) : 0);
}

static void vtnic_set_rx_mode(struct net_device *netdev)
{
	struct vtnic *vn = netdev_priv(netdev);
	const struct vtnic_iov_ops *filters = vn->mac->iov->ops;
	unsigned int i, rar = 1, rar_end = vn->mac->iov->limits.rar_entries;
	u32 mta[VTNIC_MTA_WORDS] = {};
	struct netdev_hw_addr *ha;
	bool uc_promisc = false;

	if (!test_bit(VTNIC_STATE_UP, &vn->state))
		return;

	netdev_for_each_mc_addr(ha, netdev) {
		u32 h = vtnic_mc_hash(ha->addr);

		mta[h >> 5] |= BIT(h & 31);
	}
	if (vtnic_num_vfs(vn)) {
		/*
		 * The exact filters and the MTA are shared with the VFs, so
		 * the mailbox work writes them; pool filters do the rest
		 */
		uc_promisc = vtnic_sriov_set_pf_uc(vn);
		vtnic_sriov_set_pf_mta(vn, mta);
		vn->mac->ops->set_rx_filters(vn, uc_promisc, false, true);
		vtnic_set_rx_limits(vn, netdev->mtu);
		return;
	}
	/*
	 * Secondary unicast addresses take the exact filters after the
	 * PF's own; more means promiscuous.
	 */
	netdev_for_each_uc_addr(ha, netdev) {
		if (rar == rar_end) {
			uc_promisc = true;
			break;
		}
		vtnic_set_rar(vn, rar++, ha->addr);
	}
	for (; rar < rar_end; rar++)
		vtnic_set_rar(vn, rar, NULL);
	for (i = 0; i < VTNIC_MTA_WORDS; i++)
		filters->set_mta(&vn->hw, i, mta[i]);

	/* Promiscuous mode sees every VLAN, as a capture expects */
	vn->mac->ops->set_rx_filters(vn, uc_promisc ||
				     (netdev->flags & IFF_PROMISC),
				     netdev->flags & (IFF_PROMISC | IFF_ALLMULTI),
				     (netdev->features & NETIF_F_HW_VLAN_CTAG_FILTER) &&
				     !(netdev->flags & IFF_PROMISC));
}

/**
 * vtnic_up() - bring the datapath up: reset, rings, vectors, filters, link
 * @vn: the PF
 *
 * Context: rtnl.
 * Return: 0, or a negative errno with everything undone.
 */
int vtnic_up(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	unsigned int i;
	int err;

	vtnic_sriov_pre_reset(vn);
	err = vn->mac->ops->reset(vn);
	if (err)
		return err;
	vn->mac->ops->clear_filters(vn);
	vtnic_sriov_up(vn);
	vtnic_set_rar(vn, 0, netdev->dev_addr);

	err = vtnic_alloc_queues(vn);
	if (err)
		return err;
	err = netif_set_real_num_tx_queues(netdev, vn->num_queues);
	if (!err)
		err = netif_set_real_num_rx_queues(netdev, vn->num_queues);
	if (err)
		goto err_free_queues;

	vtnic_irq_configure(vn);
	err = vtnic_irq_request(vn);
	if (err)
		goto err_free_queues;

	vn->mac->ops->configure_tx(vn);
	vn->mac->ops->configure_rx(vn);
	vtnic_set_rx_limits(vn, netdev->mtu);
	vn->mac->ops->set_vlan_strip(vn, netdev->features &
				     NETIF_F_HW_VLAN_CTAG_RX);
	vtnic_restore_vlans(vn);
	for (i = 0; i < vn->num_queues; i++)
		vtnic_write_itr(vn->qv[i], vn->rx_itr_us);

	set_bit(VTNIC_STATE_UP, &vn->state);
	vtnic_set_rx_mode(netdev);
	for (i = 0; i < vn->num_queues; i++)
		napi_enable(&vn->qv[i]->napi);
	vtnic_irq_enable(vn);
	vtnic_sriov_up_done(vn);
	if (vn->mac->ops->identify_module)
		vn->mac->ops->identify_module(vn);
	vn->mac->ops->setup_link(vn);
	/*
	 * Wake, not start: a packet the stack requeued while the queue was
	 * stopped for the reconfiguration waits in the qdisc, and only a
	 * wake schedules the qdisc again.  Started, it would wait for the
	 * next packet of its queue, and TCP sends none while its segment
	 * is still in the host: the connection stalls.
	 */
	netif_tx_wake_all_queues(netdev);
	mod_delayed_work(system_wq, &vn->watchdog, 0);
	return 0;

err_free_queues:
	vtnic_free_queues(vn);
	return err;
}

/**
 * vtnic_down() - vtnic_up() in reverse; no buffer or mapping survives it
 * @vn: the PF
 *
 * Context: rtnl.
 */
void vtnic_down(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	unsigned int i;

	/*
	 * After a vtnic_up() that failed (a re-layout, a watchdog reset, an
	 * ethtool change) the interface is still running with nothing up:
	 * its error path freed the queues and requested no interrupt
	 */
	if (!test_and_clear_bit(VTNIC_STATE_UP, &vn->state))
		return;
	vtnic_sriov_down(vn);
	netif_carrier_off(netdev);
	vn->link_up = false;
	vn->link_speed = 0;

	vtnic_irq_disable(vn);
	for (i = 0; i < vn->num_queues; i++)
		napi_disable(&vn->qv[i]->napi);
	/*
	 * Only now: a poll that began before the UP bit went may still
	 * wake a queue it cleaned, and an xmit on a woken queue after
	 * the rings are freed finds no ring.  With NAPI off nothing wakes
	 * a queue, and once this returns no xmit is running.
	 */
	netif_tx_disable(netdev);
	/* No DMA may be in flight once the buffers go back */
	vn->mac->ops->disable_queues(vn);
	vtnic_irq_release(vn);
	if (vtnic_hw_present(&vn->hw)) {
		vtnic_sriov_pre_reset(vn);
		vn->mac->ops->reset(vn);
	}

	/* The last counters before the reset cleared them */
	vtnic_update_hw_stats(vn);
	vtnic_free_queues(vn);
}

/**
 * vtnic_reconfigure() - change queue count or ring sizes, live if running
 * @vn: the PF
 * @queues: queue pairs
 * @tx_count: TX descriptors per ring
 * @rx_count: RX descriptors per ring
 *
 * A running interface goes down and comes back with the new layout; if
 * that fails the old layout is restored.
 *
 * Context: rtnl.
 * Return: 0, or a negative errno.
 */
int vtnic_reconfigure(struct vtnic *vn, unsigned int queues, u32 tx_count,
		      u32 rx_count)
{
	unsigned int old_queues = vn->num_queues;
	u32 old_tx = vn->tx_ring_count, old_rx = vn->rx_ring_count;
	bool running = netif_running(vn->netdev);
	int err;

	if (running)
		vtnic_down(vn);
	vn->num_queues = queues;
	vn->tx_ring_count = tx_count;
	vn->rx_ring_count = rx_count;
	if (!running)
		return 0;

	err = vtnic_up(vn);
	if (!err)
		return 0;

	netdev_err(vn->netdev, "reconfiguration failed (%d), restoring the previous rings\n",
		   err);
	vn->num_queues = old_queues;
	vn->tx_ring_count = old_tx;
	vn->rx_ring_count = old_rx;
	if (vtnic_up(vn))
		netdev_err(vn->netdev, "cannot restart the interface\n");
	return err;
}

static int vtnic_open(struct net_device *netdev)
{
	struct vtnic *vn = netdev_priv(netdev);

	if (!vtnic_hw_present(&vn->hw))
		return -ENODEV;
	netif_carrier_off(netdev);
	return vtnic_up(vn);
}

static int vtnic_stop(struct net_device *netdev)
{
	vtnic_down(netdev_priv(netdev));
	return 0;
}

static int vtnic_set_mac_address(struct net_device *netdev, void *p)
{
	struct vtnic *vn = netdev_priv(netdev);
	int err;

	err = eth_prepare_mac_addr_change(netdev, p);
	if (err)
		return err;
	eth_commit_mac_addr_change(netdev, p);
	mutex_lock(&vn->iov_lock);
	vtnic_iov_set_pf_mac(&vn->iov, netdev->dev_addr);
	mutex_unlock(&vn->iov_lock);
	if (test_bit(VTNIC_STATE_UP, &vn->state))
		vtnic_set_rar(vn, 0, netdev->dev_addr);
	return 0;
}

static int vtnic_change_mtu(struct net_device *netdev, int mtu)
{
	struct vtnic *vn = netdev_priv(netdev);

	/* Receive buffers chain, so only the length limit changes */
	WRITE_ONCE(netdev->mtu, mtu);
	if (test_bit(VTNIC_STATE_UP, &vn->state))
		vtnic_set_rx_limits(vn, mtu);
	return 0;
}

/*
 * The VLAN filter table: one bit per VLAN ID.  With VFs the table is
 * shared and the pool filters own it: a VLAN needs one of those, and
 * there may be none left (-ENOSPC).
 */
static int vtnic_vfta_set(struct vtnic *vn, u16 vid, bool on)
{
	int err;

	if (vtnic_num_vfs(vn)) {
		mutex_lock(&vn->iov_lock);
		err = vtnic_iov_set_pf_vlan(&vn->iov, vid, on);
		mutex_unlock(&vn->iov_lock);
		return err;
	}
	vn->mac->iov->ops->set_vfta(&vn->hw, vid, on);
	return 0;
}

static void vtnic_restore_vlans(struct vtnic *vn)
{
	u16 vid;

	/* VLAN 0 carries priority-tagged frames: always accept it */
	vtnic_vfta_set(vn, 0, true);
	for_each_set_bit(vid, vn->active_vlans, VLAN_N_VID)
		if (vtnic_vfta_set(vn, vid, true))
			netdev_warn(vn->netdev, "no VLAN filter left for VLAN %u: its frames are dropped\n",
				    vid);
}

/* Refused, not accepted and dropped, when no VLAN filter is left */
static int vtnic_vlan_rx_add_vid(struct net_device *netdev, __be16 proto,
				 u16 vid)
{
	struct vtnic *vn = netdev_priv(netdev);
	int err;

	if (test_bit(VTNIC_STATE_UP, &vn->state)) {
		err = vtnic_vfta_set(vn, vid, true);
		if (err)
			return err;
	}
	set_bit(vid, vn->active_vlans);
	return 0;
}

static int vtnic_vlan_rx_kill_vid(struct net_device *netdev, __be16 proto,
				  u16 vid)
{
	struct vtnic *vn = netdev_priv(netdev);

	clear_bit(vid, vn->active_vlans);
	if (vid && test_bit(VTNIC_STATE_UP, &vn->state))
		vtnic_vfta_set(vn, vid, false);
	return 0;
}

static int vtnic_set_features(struct net_device *netdev,
			      netdev_features_t features)
{
	struct vtnic *vn = netdev_priv(netdev);
	netdev_features_t changed = netdev->features ^ features;

	if (!test_bit(VTNIC_STATE_UP, &vn->state))
		return 0;

	if (changed & NETIF_F_HW_VLAN_CTAG_RX)
		vn->mac->ops->set_vlan_strip(vn, features &
					     NETIF_F_HW_VLAN_CTAG_RX);
	if (changed & NETIF_F_RXCSUM)
		vn->mac->ops->set_rxcsum(vn, features & NETIF_F_RXCSUM);
	if (changed & NETIF_F_HW_VLAN_CTAG_FILTER) {
		netdev->features = features;
		vtnic_set_rx_mode(netdev);
	}
	return 0;
}

static netdev_features_t vtnic_features_check(struct sk_buff *skb,
					      struct net_device *netdev,
					      netdev_features_t features)
{
	unsigned int network_hdr_len, mac_hdr_len;

	mac_hdr_len = skb_network_offset(skb);
	if (unlikely(mac_hdr_len > VTNIC_MAX_MACLEN))
		return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK |
				    NETIF_F_HW_VLAN_CTAG_TX);

	network_hdr_len = skb_checksum_start(skb) - skb_network_header(skb);
	if (unlikely(network_hdr_len > VTNIC_MAX_IPLEN))
		return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	return features;
}

static void vtnic_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct vtnic *vn = netdev_priv(netdev);

	netdev_err(netdev, "TX queue %u timed out, resetting the datapath\n",
		   txqueue);
	vn->reset_pending = true;
	mod_delayed_work(system_wq, &vn->watchdog, 0);
}

/**
 * vtnic_update_hw_stats() - fold the device's counters into vn->hw_stats
 * @vn: the PF
 *
 * Context: any; takes vn->stats_lock.
 */
void vtnic_update_hw_stats(struct vtnic *vn)
{
	if (!vtnic_hw_present(&vn->hw))
		return;

	spin_lock_bh(&vn->stats_lock);
	vn->mac->ops->update_stats(vn, &vn->hw_stats);
	spin_unlock_bh(&vn->stats_lock);
}

/**
 * vtnic_ring_stats_total() - all rings' counters, freed rings included
 * @vn: the PF
 * @rx: zeroed, filled with the receive totals
 * @tx: zeroed, filled with the transmit totals
 *
 * Context: vn->stats_lock held.
 */
void vtnic_ring_stats_total(struct vtnic *vn, struct vtnic_ring_stats *rx,
			    struct vtnic_ring_stats *tx)
{
	unsigned int i;

	lockdep_assert_held(&vn->stats_lock);
	rx->packets = vn->ring_stats_sum.rx_packets;
	rx->bytes = vn->ring_stats_sum.rx_bytes;
	rx->csum_err = vn->ring_stats_sum.rx_csum_err;
	rx->alloc_fail = vn->ring_stats_sum.rx_alloc_fail;
	rx->errors = vn->ring_stats_sum.rx_errors;
	tx->packets = vn->ring_stats_sum.tx_packets;
	tx->bytes = vn->ring_stats_sum.tx_bytes;
	tx->restart = vn->ring_stats_sum.tx_restart;
	tx->busy = vn->ring_stats_sum.tx_busy;
	tx->errors = vn->ring_stats_sum.tx_errors;
	for (i = 0; i < vn->max_queues; i++) {
		if (!vn->qv[i])
			continue;
		vtnic_ring_stats_read(&vn->qv[i]->rx.stats, rx);
		vtnic_ring_stats_read(&vn->qv[i]->tx.stats, tx);
	}
}

static void vtnic_get_stats64(struct net_device *netdev,
			      struct rtnl_link_stats64 *stats)
{
	struct vtnic *vn = netdev_priv(netdev);
	struct vtnic_ring_stats rx = {}, tx = {};
	struct vtnic_hw_stats *hw = &vn->hw_stats;

	vtnic_update_hw_stats(vn);

	spin_lock_bh(&vn->stats_lock);
	vtnic_ring_stats_total(vn, &rx, &tx);
	stats->rx_packets = rx.packets;
	stats->rx_bytes = rx.bytes;
	stats->tx_packets = tx.packets;
	stats->tx_bytes = tx.bytes;
	stats->multicast = hw->mprc;
	stats->collisions = hw->colc;
	stats->rx_crc_errors = hw->crcerrs;
	stats->rx_frame_errors = hw->algnerrc;
	stats->rx_length_errors = hw->rlec + hw->ruc + hw->roc;
	stats->rx_missed_errors = hw->mpc;
	stats->rx_over_errors = hw->rnbc;
	stats->rx_errors = hw->crcerrs + hw->algnerrc + hw->rxerrc +
			   stats->rx_length_errors + rx.errors;
	stats->rx_dropped = rx.alloc_fail;
	stats->tx_errors = tx.errors;
	stats->tx_dropped = tx.errors;
	spin_unlock_bh(&vn->stats_lock);
}

static const struct net_device_ops vtnic_netdev_ops = {
	.ndo_set_vf_mac		= vtnic_ndo_set_vf_mac,
	.ndo_set_vf_vlan	= vtnic_ndo_set_vf_vlan,
	.ndo_set_vf_spoofchk	= vtnic_ndo_set_vf_spoofchk,
	.ndo_set_vf_trust	= vtnic_ndo_set_vf_trust,
	.ndo_set_vf_rss_query_en = vtnic_ndo_set_vf_rss_query_en,
	.ndo_set_vf_link_state	= vtnic_ndo_set_vf_link_state,
	.ndo_set_vf_rate	= vtnic_ndo_set_vf_rate,
	.ndo_get_vf_config	= vtnic_ndo_get_vf_config,
	.ndo_get_vf_stats	= vtnic_ndo_get_vf_stats,
	.ndo_bridge_setlink	= vtnic_ndo_bridge_setlink,
	.ndo_bridge_getlink	= vtnic_ndo_bridge_getlink,
	.ndo_open		= vtnic_open,
	.ndo_stop		= vtnic_stop,
	.ndo_start_xmit		= vtnic_xmit_frame,
	.ndo_features_check	= vtnic_features_check,
	.ndo_set_rx_mode	= vtnic_set_rx_mode,
	.ndo_set_mac_address	= vtnic_set_mac_address,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_change_mtu		= vtnic_change_mtu,
	.ndo_get_stats64	= vtnic_get_stats64,
	.ndo_vlan_rx_add_vid	= vtnic_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= vtnic_vlan_rx_kill_vid,
	.ndo_set_features	= vtnic_set_features,
	.ndo_tx_timeout		= vtnic_tx_timeout,
};

/**
 * vtnic_update_link() - report the link state the MAC shows
 * @vn: the PF
 *
 * Called from the watchdog, which the link status change interrupt
 * kicks.  Carrier follows the link; speed and duplex are logged.
 */
void vtnic_update_link(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	struct vtnic_link link = {};

	vn->mac->ops->get_link(vn, &link);
	if (!test_bit(VTNIC_STATE_UP, &vn->state))
		link.up = false;
	if (link.up == vn->link_up)
		return;
	vn->link_up = link.up;
	if (!link.up) {
		vn->link_speed = 0;
		netif_carrier_off(netdev);
		netdev_info(netdev, "link down\n");
		vtnic_sriov_link(vn);
		return;
	}
	vn->link_speed = link.speed;
	netdev_info(netdev, "link up, %u Mb/s, %s duplex\n", vn->link_speed,
		    link.full_duplex ? "full" : "half");
	netif_carrier_on(netdev);
	/*
	 * A queue that filled while the carrier was off was not woken by
	 * its completions (vtnic_clean_tx() wakes only with a carrier)
	 */
	netif_tx_wake_all_queues(netdev);
	vtnic_sriov_link(vn);
}

static void vtnic_watchdog(struct work_struct *work)
{
	struct vtnic *vn = container_of(to_delayed_work(work), struct vtnic,
					watchdog);

	if (test_bit(VTNIC_STATE_REMOVING, &vn->state))
		return;

	rtnl_lock();
	if (vn->reset_pending && netif_running(vn->netdev) &&
	    vtnic_hw_present(&vn->hw)) {
		vn->reset_pending = false;
		vtnic_down(vn);
		if (vtnic_up(vn))
			netdev_err(vn->netdev, "reset failed, interface stays down\n");
	}
	if (netif_running(vn->netdev))
		vtnic_update_link(vn);
	rtnl_unlock();

	vtnic_update_hw_stats(vn);
	vtnic_update_vf_stats(vn);
	if (!test_bit(VTNIC_STATE_REMOVING, &vn->state))
		mod_delayed_work(system_wq, &vn->watchdog,
				 VTNIC_WATCHDOG_PERIOD);
}

/**
 * vtnic_netdev_create() - set up and register the netdev
 * @vn: the PF, inside the netdev's private area, reset
 *
 * Return: 0, or a negative errno.
 */
int vtnic_netdev_create(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;

	netdev->netdev_ops = &vtnic_netdev_ops;
	vtnic_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;

	netdev->hw_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			      NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
			      NETIF_F_RXHASH | NETIF_F_HW_VLAN_CTAG_RX |
			      NETIF_F_HW_VLAN_CTAG_TX |
			      NETIF_F_HW_VLAN_CTAG_FILTER;
	netdev->features = netdev->hw_features | NETIF_F_HIGHDMA;
	netdev->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM |
				NETIF_F_IPV6_CSUM | NETIF_F_TSO |
				NETIF_F_TSO6 | NETIF_F_HIGHDMA;
	netdev->priv_flags |= IFF_UNICAST_FLT;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = VTNIC_MAX_MTU;

	vn->num_queues = vn->max_queues;
	vn->tx_ring_count = VTNIC_DEFAULT_RING;
	vn->rx_ring_count = VTNIC_DEFAULT_RING;
	vn->rx_itr_us = VTNIC_ITR_DEFAULT_US;
	vn->adaptive_rx = true;
	netdev_rss_key_fill(vn->rss_key, sizeof(vn->rss_key));
	vtnic_rss_default_indir(vn);

	INIT_DELAYED_WORK(&vn->watchdog, vtnic_watchdog);
	netif_carrier_off(netdev);
	return register_netdev(netdev);
}

/**
 * vtnic_netdev_destroy() - unregister the netdev and stop its work
 * @vn: the PF
 */
void vtnic_netdev_destroy(struct vtnic *vn)
{
	set_bit(VTNIC_STATE_REMOVING, &vn->state);
	unregister_netdev(vn->netdev);
	cancel_delayed_work_sync(&vn->watchdog);
}
