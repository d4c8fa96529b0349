// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: the VF's netdev - open/stop, the requests it makes of the PF
 * (address, multicast, VLANs, frame size), link and the service task
 * that follows the PF through its resets.
 */

#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>

#include "vtnicvf.h"

/* Largest frame for an MTU, as the MAC's PFs count it */
static u32 vtnicvf_max_frame(struct vtnicvf *vf, unsigned int mtu)
{
	return vf->mac->max_frame(mtu);
}

/*
 * The MTA hash of an address from its bits 47:32 (vtnicvf.mc_bits), for
 * the PF's filter type (MCSTCTRL.MO, 82599 datasheet 8.2.3.7.2; type 0
 * is vtnic_mc_hash() and the 82576's): which 12 of the 16 bits
 */
static u16 vtnicvf_mc_hash(const struct vtnicvf *vf, u16 bits)
{
	static const u8 shift[] = { 4, 3, 2, 0 };

	return bits >> shift[vf->mc_filter_type & 3] & 0xfff;
}

/**
 * vtnicvf_service_kick() - run the service task now
 * @vf: the VF
 *
 * Context: any.
 */
void vtnicvf_service_kick(struct vtnicvf *vf)
{
	if (!test_bit(VTNICVF_STATE_SERVICE_OFF, &vf->state))
		mod_delayed_work(system_wq, &vf->service, 0);
}

/*
 * Send the extra unicast addresses, the whole list from 1, or clear the
 * PF's when the list went empty; under mbx_lock.  An address the PF
 * refuses (its quota is full, the address is another's) is left out with
 * a rate-limited warning (every change of the list asks again): the list
 * is sent again at its next change.
 */
static int vtnicvf_sync_uc(struct vtnicvf *vf)
{
	u8 uc[VTNICVF_MAX_UC][ETH_ALEN];
	unsigned int count, listed, i, sent = 0;
	int err = 0;

	lockdep_assert_held(&vf->mbx_lock);
	spin_lock_bh(&vf->mc_lock);
	listed = vf->uc_count;
	count = min_t(unsigned int, listed, VTNICVF_MAX_UC);
	memcpy(uc, vf->uc, count * ETH_ALEN);
	spin_unlock_bh(&vf->mc_lock);

	if (!count) {
		if (vf->uc_synced)
			err = vtnic_mbx_vf_set_uc_addr(&vf->mbx, 0, NULL);
		if (!err)
			vf->uc_synced = 0;
		return err == -ETIMEDOUT ? err : 0;
	}
	for (i = 0; i < count; i++) {
		err = vtnic_mbx_vf_set_uc_addr(&vf->mbx, sent + 1, uc[i]);
		if (err == -ETIMEDOUT)
			return err;
		if (err) {
			if (net_ratelimit())
				netdev_warn(vf->netdev,
					    "the host refused extra address %pM (%d): frames to it are not received\n",
					    uc[i], err);
			continue;
		}
		sent++;
	}
	if (listed > count && net_ratelimit())
		netdev_warn(vf->netdev,
			    "%u extra addresses, the first %u are asked for\n",
			    listed, count);
	/* Nothing taken: the PF still has the list of before */
	if (!sent && vf->uc_synced && !vtnic_mbx_vf_set_uc_addr(&vf->mbx, 0, NULL))
		vf->uc_synced = 0;
	if (sent)
		vf->uc_synced = sent;
	return 0;
}

/* Send the multicast list; under mbx_lock */
static void vtnicvf_sync_mc(struct vtnicvf *vf)
{
	u16 hashes[VTNIC_MBX_MAX_MC_HASHES];
	unsigned int count, listed, i;
	bool all;
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	if (vtnicvf_sync_uc(vf) == -ETIMEDOUT)
		goto again;
	spin_lock_bh(&vf->mc_lock);
	listed = vf->mc_count;
	count = min_t(unsigned int, listed, VTNIC_MBX_MAX_MC_HASHES);
	for (i = 0; i < count; i++)
		hashes[i] = vtnicvf_mc_hash(vf, vf->mc_bits[i]);
	all = vf->mc_all;
	spin_unlock_bh(&vf->mc_lock);

	if (all != vf->mc_promisc) {
		err = vtnic_mbx_vf_set_mc_promisc(&vf->mbx, all);
		if (!err)
			vf->mc_promisc = all;
		else if (err == -ETIMEDOUT)
			goto again;
		else if (all)
			netdev_warn(vf->netdev,
				    "the host refused all-multicast (%d): receiving the first %u of %u multicast groups\n",
				    err, count, listed);
	}
	err = vtnic_mbx_vf_set_multicast(&vf->mbx, hashes, count);
	if (err == -ETIMEDOUT)
		goto again;
	if (err)
		netif_warn(vf, drv, vf->netdev,
			   "the host did not take the multicast list (%d)\n",
			   err);
	return;

again:
	/*
	 * Unanswered: a PF that rations its mailbox may ignore requests for
	 * a while (vtnic before it deferred them).  The service task sends
	 * the list again.
	 */
	netif_dbg(vf, drv, vf->netdev, "multicast list unanswered, retrying\n");
	set_bit(VTNICVF_STATE_MC_SYNC, &vf->state);
}

/*
 * Tell the PF everything the stack set: after a reset the PF forgot it.
 * Under mbx_lock.
 */
static void vtnicvf_restore(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	u16 vid;
	int err;

	if (!vf->mac_from_pf) {
		err = vtnic_mbx_vf_set_mac(&vf->mbx, netdev->dev_addr);
		if (err)
			netdev_warn(netdev, "the host refused address %pM (%d)\n",
				    netdev->dev_addr, err);
	}
	err = vtnic_mbx_vf_set_lpe(&vf->mbx, vtnicvf_max_frame(vf, netdev->mtu));
	if (err)
		netdev_warn(netdev, "the host refused frames of %u bytes (%d)\n",
			    vtnicvf_max_frame(vf, netdev->mtu), err);
	for_each_set_bit(vid, vf->active_vlans, VLAN_N_VID) {
		err = vtnic_mbx_vf_set_vlan(&vf->mbx, vid, true);
		if (err)
			netdev_warn(netdev, "the host refused VLAN %u (%d)\n",
				    vid, err);
	}
	vf->mc_promisc = false;
	vf->uc_synced = 0;
	clear_bit(VTNICVF_STATE_MC_SYNC, &vf->state);
	vtnicvf_sync_mc(vf);
}

/*
 * The ixgbe dialect after RESET: the API version (a refusal only means
 * an older one), the queues (API 1.1) and whether the host lets the VF
 * have link (API 1.2).  The igb dialect has none of it: 1.0, one pair,
 * link enabled.  Under mbx_lock.
 */
static void vtnicvf_negotiate(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	struct vtnic_mbx_vf_queues *q = &vf->queues;
	u32 api;
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	api = vtnic_mbx_vf_negotiate_api(&vf->mbx);
	err = vtnic_mbx_vf_get_queues(&vf->mbx, q);
	if (err == -EPROTO)
		netdev_warn(netdev, "the host's queue counts are out of range, using one queue pair\n");
	else if (err && err != -EOPNOTSUPP)
		netif_dbg(vf, drv, netdev, "GET_QUEUES failed (%d), using one queue pair\n",
			  err);
	err = vtnic_mbx_vf_get_link_state(&vf->mbx, &vf->link_enabled);
	if (err && err != -EOPNOTSUPP)
		netif_dbg(vf, drv, netdev, "GET_LINK_STATE failed (%d)\n", err);
	if (vf->mac->mbx->dialect == VTNIC_MBX_VF_IXGBE)
		netif_dbg(vf, drv, netdev,
			  "mailbox API %s, %u TX and %u RX queues, link %s\n",
			  vtnic_mbx_api_name(api), q->tx, q->rx,
			  vf->link_enabled ? "enabled" : "disabled by the host");
}

/**
 * vtnicvf_hw_init() - reset the VF and introduce it to the PF
 * @vf: the VF
 * @probing: no netdev is registered yet: the address may simply be set
 *
 * Context: process, rtnl held unless @probing.
 * Return: 0 when the PF answered, else the mailbox errno (the PF is
 * resetting, its interface is down, it is gone): the service task tries
 * again.
 */
int vtnicvf_hw_init(struct vtnicvf *vf, bool probing)
{
	struct net_device *netdev = vf->netdev;
	struct vtnic_mbx_vf_reset_info info;
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vtnic_mbx_vf_reset(&vf->mbx, &info);
	vf->pf_ready = !err || err == -EADDRNOTAVAIL;
	if (!vf->pf_ready)
		goto out;
	err = 0;
	vtnicvf_irq_configure(vf);
	vf->mc_filter_type = info.mc_filter_type;
	vtnicvf_negotiate(vf);

	if (info.mac_valid && is_valid_ether_addr(info.mac)) {
		/* The host's address for us wins over ours */
		vf->mac_from_pf = true;
		if (!ether_addr_equal(netdev->dev_addr, info.mac)) {
			eth_hw_addr_set(netdev, info.mac);
			if (!probing)
				call_netdevice_notifiers(NETDEV_CHANGEADDR,
							 netdev);
		}
	} else {
		/* No address from the host: ours, random the first time */
		vf->mac_from_pf = false;
		if (!is_valid_ether_addr(netdev->dev_addr))
			eth_hw_addr_random(netdev);
	}
	vtnicvf_restore(vf);
out:
	mutex_unlock(&vf->mbx_lock);
	return err;
}

static void vtnicvf_update_link(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	struct vtnicvf_link link;
	bool up;

	mutex_lock(&vf->mbx_lock);
	up = vf->pf_ready && vf->mbx.cts && !vf->mbx.pf_reset &&
	     vf->link_enabled;
	mutex_unlock(&vf->mbx_lock);
	vf->mac->link(vf, &link);
	up = up && test_bit(VTNICVF_STATE_UP, &vf->state) && link.up;
	if (up == vf->link_up)
		return;
	vf->link_up = up;
	if (up) {
		netif_carrier_on(netdev);
		/* vtnic_clean_tx() wakes a full queue only with a carrier */
		netif_tx_wake_all_queues(netdev);
		netif_info(vf, link, netdev, "link up\n");
	} else {
		netif_carrier_off(netdev);
		netif_info(vf, link, netdev, "link down\n");
	}
}

/* Reset the VF around a PF reset (or a retry while the PF was away) */
static void vtnicvf_reinit(struct vtnicvf *vf)
{
	bool running;
	int err;

	rtnl_lock();
	running = netif_running(vf->netdev);
	clear_bit(VTNICVF_STATE_RESET, &vf->state);
	if (running)
		vtnicvf_down(vf);
	err = vtnicvf_hw_init(vf, false);
	if (err)
		netif_dbg(vf, hw, vf->netdev, "the PF is not ready (%d)\n", err);
	if (running) {
		err = vtnicvf_up(vf);
		if (err)
			netdev_err(vf->netdev,
				   "cannot restart the queues after a reset (%d), trying again\n",
				   err);
	}
	if (err)
		set_bit(VTNICVF_STATE_RESET, &vf->state);
	rtnl_unlock();
}

/**
 * vtnicvf_service() - the service task: PF messages, resets, link, counters
 * @work: vtnicvf.service
 */
void vtnicvf_service(struct work_struct *work)
{
	struct vtnicvf *vf = container_of(to_delayed_work(work), struct vtnicvf,
					  service);
	bool reset, was_ready = vf->pf_ready;

	if (!vtnic_hw_present(&vf->hw))
		return;

	mutex_lock(&vf->mbx_lock);
	/*
	 * CTS back without a reset: the host may have enabled the VF's link
	 * again (ixgbe's dialect says so only when asked; igb's has no
	 * admin link state, and the ask is no message there)
	 */
	if (vtnic_mbx_vf_poll(&vf->mbx) && vf->pf_ready && vf->mbx.cts &&
	    !vf->mbx.pf_reset)
		vtnic_mbx_vf_get_link_state(&vf->mbx, &vf->link_enabled);
	reset = vf->mbx.pf_reset || !vf->pf_ready;
	mutex_unlock(&vf->mbx_lock);

	if (reset || test_bit(VTNICVF_STATE_RESET, &vf->state)) {
		vtnicvf_reinit(vf);
		if (vf->pf_ready && !was_ready)
			netdev_info(vf->netdev, "the PF answered: address %pM\n",
				    vf->netdev->dev_addr);
	} else if (test_and_clear_bit(VTNICVF_STATE_MC_SYNC, &vf->state)) {
		mutex_lock(&vf->mbx_lock);
		vtnicvf_sync_mc(vf);
		mutex_unlock(&vf->mbx_lock);
	}

	vtnicvf_update_link(vf);
	vtnicvf_update_stats(vf);
	if (!test_bit(VTNICVF_STATE_SERVICE_OFF, &vf->state))
		queue_delayed_work(system_wq, &vf->service,
				   VTNICVF_SERVICE_PERIOD);
}

/**
 * vtnicvf_update_stats() - fold the VF's counters (they wrap)
 * @vf: the VF
 */
void vtnicvf_update_stats(struct vtnicvf *vf)
{
	spin_lock_bh(&vf->stats_lock);
	vtnic_vf_stats_fold(&vf->hw, vf->mac->stats, &vf->hw_stats, false);
	spin_unlock_bh(&vf->stats_lock);
}

static int vtnicvf_open(struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	int err;

	netif_carrier_off(netdev);
	err = vtnicvf_up(vf);
	if (err)
		return err;
	vtnicvf_service_kick(vf);
	return 0;
}

static int vtnicvf_stop(struct net_device *netdev)
{
	vtnicvf_down(netdev_priv(netdev));
	return 0;
}

static int vtnicvf_set_mac_address(struct net_device *netdev, void *p)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	struct sockaddr *addr = p;
	int err;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	if (ether_addr_equal(addr->sa_data, netdev->dev_addr))
		return 0;

	mutex_lock(&vf->mbx_lock);
	err = vtnic_mbx_vf_set_mac(&vf->mbx, addr->sa_data);
	if (!err)
		vf->mac_from_pf = false;
	mutex_unlock(&vf->mbx_lock);
	if (err) {
		netdev_err(netdev, "the host refused address %pM (%d): %s; keeping %pM\n",
			   addr->sa_data, err,
			   err == -EADDRNOTAVAIL ?
			   "the host set this VF's address, or the address is in use" :
			   "the PF did not answer",
			   netdev->dev_addr);
		return err;
	}
	eth_hw_addr_set(netdev, addr->sa_data);
	return 0;
}

static int vtnicvf_change_mtu(struct net_device *netdev, int mtu)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vtnic_mbx_vf_set_lpe(&vf->mbx, vtnicvf_max_frame(vf, mtu));
	mutex_unlock(&vf->mbx_lock);
	if (err) {
		netdev_err(netdev, "the host refused MTU %d (%d), keeping %u\n",
			   mtu, err, netdev->mtu);
		return err;
	}
	WRITE_ONCE(netdev->mtu, mtu);
	return 0;
}

static int vtnicvf_vlan_rx_add_vid(struct net_device *netdev,
				   __be16 proto, u16 vid)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	int err;

	/* Untagged and priority-tagged frames need no filter */
	if (!vid)
		return 0;
	mutex_lock(&vf->mbx_lock);
	err = vtnic_mbx_vf_set_vlan(&vf->mbx, vid, true);
	mutex_unlock(&vf->mbx_lock);
	if (err) {
		netdev_err(netdev, "the host refused VLAN %u (%d)\n", vid, err);
		return err;
	}
	set_bit(vid, vf->active_vlans);
	return 0;
}

static int vtnicvf_vlan_rx_kill_vid(struct net_device *netdev,
				    __be16 proto, u16 vid)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	int err;

	if (!vid)
		return 0;
	clear_bit(vid, vf->active_vlans);
	mutex_lock(&vf->mbx_lock);
	err = vtnic_mbx_vf_set_vlan(&vf->mbx, vid, false);
	mutex_unlock(&vf->mbx_lock);
	/* The filter is gone from our list either way: a reset drops it */
	if (err)
		netif_warn(vf, drv, netdev,
			   "the host did not remove VLAN %u (%d)\n", vid, err);
	return 0;
}

/* Atomic: note the list, the service task sends it */
static void vtnicvf_set_rx_mode(struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	struct netdev_hw_addr *ha;
	unsigned int n = 0;

	spin_lock_bh(&vf->mc_lock);
	netdev_for_each_uc_addr(ha, netdev) {
		if (n < VTNICVF_MAX_UC)
			ether_addr_copy(vf->uc[n], ha->addr);
		n++;
	}
	vf->uc_count = n;
	n = 0;
	netdev_for_each_mc_addr(ha, netdev) {
		if (n < VTNIC_MBX_MAX_MC_HASHES)
			vf->mc_bits[n] = ha->addr[5] << 8 | ha->addr[4];
		n++;
	}
	vf->mc_count = n;
	vf->mc_all = (netdev->flags & (IFF_ALLMULTI | IFF_PROMISC)) ||
		     n > VTNIC_MBX_MAX_MC_HASHES;
	spin_unlock_bh(&vf->mc_lock);
	set_bit(VTNICVF_STATE_MC_SYNC, &vf->state);
	vtnicvf_service_kick(vf);
}

/**
 * vtnicvf_ring_stats() - the rings' counters
 * @vf: the VF
 * @rx: receive totals (added to)
 * @tx: transmit totals (added to)
 */
void vtnicvf_ring_stats(struct vtnicvf *vf, struct vtnic_ring_stats *rx,
			struct vtnic_ring_stats *tx)
{
	unsigned int i;

	for (i = 0; i < VTNICVF_MAX_PAIRS; i++) {
		vtnic_ring_stats_read(&vf->qv[i].rx.stats, rx);
		vtnic_ring_stats_read(&vf->qv[i].tx.stats, tx);
	}
}

static void vtnicvf_get_stats64(struct net_device *netdev,
				struct rtnl_link_stats64 *stats)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	struct vtnic_ring_stats rx = {}, tx = {};

	vtnicvf_ring_stats(vf, &rx, &tx);
	stats->rx_packets = rx.packets;
	stats->rx_bytes = rx.bytes;
	stats->rx_errors = rx.errors + rx.csum_err;
	stats->rx_crc_errors = rx.csum_err;
	stats->rx_dropped = rx.alloc_fail;
	stats->tx_packets = tx.packets;
	stats->tx_bytes = tx.bytes;
	stats->tx_dropped = tx.errors;

	spin_lock_bh(&vf->stats_lock);
	stats->multicast = vf->hw_stats.multicast;
	spin_unlock_bh(&vf->stats_lock);
}

static void vtnicvf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	netdev_warn(netdev, "transmit queue %u timed out, resetting\n", txq);
	set_bit(VTNICVF_STATE_RESET, &vf->state);
	vtnicvf_service_kick(vf);
}

static const struct net_device_ops vtnicvf_netdev_ops = {
	.ndo_open		= vtnicvf_open,
	.ndo_stop		= vtnicvf_stop,
	.ndo_start_xmit		= vtnicvf_xmit_frame,
	.ndo_set_mac_address	= vtnicvf_set_mac_address,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_change_mtu		= vtnicvf_change_mtu,
	.ndo_set_rx_mode	= vtnicvf_set_rx_mode,
	.ndo_vlan_rx_add_vid	= vtnicvf_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= vtnicvf_vlan_rx_kill_vid,
	.ndo_get_stats64	= vtnicvf_get_stats64,
	.ndo_tx_timeout		= vtnicvf_tx_timeout,
	.ndo_features_check	= passthru_features_check,
};

static void vtnicvf_ring_setup(struct vtnicvf *vf, struct vtnicvf_qv *qv,
			       struct vtnic_ring *ring, unsigned int n)
{
	ring->napi = &qv->napi;
	ring->netdev = vf->netdev;
	ring->dev = &vf->pdev->dev;
	ring->hw = &vf->hw;
	ring->queue_index = n;
	ring->reg_idx = n;
	ring->vlans = vf->active_vlans;
	ring->rxd_err = vf->mac->rxd_err;
	vtnic_ring_init(ring);
}

static void vtnicvf_napi_del(struct vtnicvf *vf)
{
	unsigned int i;

	for (i = 0; i < vf->mac->max_pairs; i++)
		netif_napi_del(&vf->qv[i].napi);
}

/**
 * vtnicvf_netdev_create() - set the netdev up, meet the PF, register
 * @vf: the VF, inside its netdev, with registers mapped and the mailbox
 *	vector requested
 *
 * A PF that does not answer yet (still resetting, its interface down)
 * does not fail the probe: after a few tries the VF registers with an
 * address of its own and the service task finishes when the PF is back.
 *
 * Return: 0 or a negative errno.
 */
int vtnicvf_netdev_create(struct vtnicvf *vf)
{
	struct net_device *netdev = vf->netdev;
	struct device *dev = &vf->pdev->dev;
	unsigned int i;
	int err;

	netdev->netdev_ops = &vtnicvf_netdev_ops;
	vtnicvf_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = VTNICVF_MAX_MTU;
	netdev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_UNICAST_FLT;
	netdev->hw_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			      NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
			      NETIF_F_HW_VLAN_CTAG_TX;
	netdev->features = netdev->hw_features | NETIF_F_HIGHDMA |
			   NETIF_F_HW_VLAN_CTAG_RX |
			   NETIF_F_HW_VLAN_CTAG_FILTER;
	netdev->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM |
				NETIF_F_IPV6_CSUM | NETIF_F_TSO |
				NETIF_F_TSO6 | NETIF_F_HIGHDMA;

	for (i = 0; i < vf->mac->max_pairs; i++) {
		struct vtnicvf_qv *qv = &vf->qv[i];

		qv->vf = vf;
		qv->vector = vf->mac->queue_vec[i];
		netif_napi_add(netdev, &qv->napi, vtnicvf_poll);
		vtnicvf_ring_setup(vf, qv, &qv->tx, i);
		vtnicvf_ring_setup(vf, qv, &qv->rx, i);
	}

	for (i = 0; i < VTNICVF_PROBE_TRIES; i++) {
		err = vtnicvf_hw_init(vf, true);
		if (!err || err == -ENODEV)
			break;
		msleep(100);
	}
	if (err == -ENODEV)
		goto err_napi_del;
	if (err)
		dev_info(dev, "the PF is not ready (%d: still resetting, or its interface is down); starting without link, the VF comes up when the PF does\n",
			 err);
	if (!is_valid_ether_addr(netdev->dev_addr))
		eth_hw_addr_random(netdev);

	/* Counters run from here */
	vtnic_vf_stats_fold(&vf->hw, vf->mac->stats, &vf->hw_stats, true);

	netif_carrier_off(netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_napi_del;
	return 0;

err_napi_del:
	vtnicvf_napi_del(vf);
	return err;
}

/**
 * vtnicvf_netdev_destroy() - undo vtnicvf_netdev_create()
 * @vf: the VF
 */
void vtnicvf_netdev_destroy(struct vtnicvf *vf)
{
	unregister_netdev(vf->netdev);
	vtnicvf_napi_del(vf);
}
