// SPDX-License-Identifier: GPL-2.0
/*
 * vtnicvf: ethtool - driver info, link, rings, interrupt moderation,
 * message level and statistics.  Documentation/vtnicvf.rst describes
 * every counter.
 */

#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "vtnicvf.h"

/*
 * ethtool -S: the rings' counters, the VF's device counters, then each
 * queue pair's packets and bytes (every pair the MAC can have)
 */
static const char vtnicvf_gstrings[][ETH_GSTRING_LEN] = {
	"rx_packets", "rx_bytes", "rx_csum_err", "rx_alloc_fail", "rx_errors",
	"tx_packets", "tx_bytes", "tx_restart", "tx_busy", "tx_errors",
	"hw_rx_packets", "hw_rx_bytes", "hw_tx_packets", "hw_tx_bytes",
	"hw_multicast",
};

#define VTNICVF_QSTATS		4	/* per pair: rx, tx packets and bytes */

static void vtnicvf_get_drvinfo(struct net_device *netdev,
				struct ethtool_drvinfo *info)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	strscpy(info->driver, VTNICVF_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(vf->pdev), sizeof(info->bus_info));
}

/* The VF sees the port's link: speed and duplex are the PF's */
static int vtnicvf_get_link_ksettings(struct net_device *netdev,
				      struct ethtool_link_ksettings *cmd)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	struct vtnicvf_link link;

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	cmd->base.port = PORT_OTHER;
	cmd->base.autoneg = AUTONEG_DISABLE;
	cmd->base.speed = SPEED_UNKNOWN;
	cmd->base.duplex = DUPLEX_UNKNOWN;
	if (!netif_carrier_ok(netdev))
		return 0;

	vf->mac->link(vf, &link);
	cmd->base.speed = link.speed;
	cmd->base.duplex = link.duplex;
	return 0;
}

static void vtnicvf_get_ringparam(struct net_device *netdev,
				  struct ethtool_ringparam *ring,
				  struct kernel_ethtool_ringparam *kring,
				  struct netlink_ext_ack *extack)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	ring->rx_max_pending = VTNIC_MAX_RING;
	ring->tx_max_pending = VTNIC_MAX_RING;
	ring->rx_pending = vf->rx_ring_count;
	ring->tx_pending = vf->tx_ring_count;
}

static int vtnicvf_set_ringparam(struct net_device *netdev,
				 struct ethtool_ringparam *ring,
				 struct kernel_ethtool_ringparam *kring,
				 struct netlink_ext_ack *extack)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	u32 old_rx = vf->rx_ring_count, old_tx = vf->tx_ring_count;
	bool running = netif_running(netdev);
	int err;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;
	if (ring->rx_pending < VTNIC_MIN_RING || ring->tx_pending < VTNIC_MIN_RING) {
		NL_SET_ERR_MSG_MOD(extack, "rings need at least 64 descriptors");
		return -EINVAL;
	}
	/* The length registers count 128-byte units: 8 descriptors */
	vf->rx_ring_count = ALIGN(ring->rx_pending, VTNIC_RING_ALIGN);
	vf->tx_ring_count = ALIGN(ring->tx_pending, VTNIC_RING_ALIGN);
	if (!running || (vf->rx_ring_count == old_rx &&
			 vf->tx_ring_count == old_tx))
		return 0;

	vtnicvf_down(vf);
	err = vtnicvf_up(vf);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "no memory for the new rings, keeping the old sizes");
		vf->rx_ring_count = old_rx;
		vf->tx_ring_count = old_tx;
		if (vtnicvf_up(vf))
			netdev_err(netdev, "cannot restart the queues\n");
	}
	vtnicvf_service_kick(vf);
	return err;
}

/* Combined channels: as many as the PF grants and the VF has vectors for */
static void vtnicvf_get_channels(struct net_device *netdev,
				 struct ethtool_channels *ch)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	ch->max_combined = vtnicvf_max_pairs(vf);
	ch->combined_count = netif_running(netdev) ? vf->num_pairs :
			     min(ch->max_combined, vf->req_pairs ?: UINT_MAX);
}

static int vtnicvf_set_channels(struct net_device *netdev,
				struct ethtool_channels *ch)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	unsigned int old = vf->req_pairs;
	int err;

	if (!ch->combined_count || ch->rx_count || ch->tx_count ||
	    ch->other_count || ch->combined_count > vtnicvf_max_pairs(vf))
		return -EINVAL;
	vf->req_pairs = ch->combined_count;
	if (!netif_running(netdev))
		return 0;
	vtnicvf_down(vf);
	err = vtnicvf_up(vf);
	if (err) {
		vf->req_pairs = old;
		if (vtnicvf_up(vf))
			netdev_err(netdev, "cannot restart the queues\n");
	}
	vtnicvf_service_kick(vf);
	return err;
}

static int vtnicvf_get_coalesce(struct net_device *netdev,
				struct ethtool_coalesce *ec,
				struct kernel_ethtool_coalesce *kec,
				struct netlink_ext_ack *extack)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	ec->rx_coalesce_usecs = vf->itr_us;
	return 0;
}

static int vtnicvf_set_coalesce(struct net_device *netdev,
				struct ethtool_coalesce *ec,
				struct kernel_ethtool_coalesce *kec,
				struct netlink_ext_ack *extack)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	if (ec->rx_coalesce_usecs > vf->mac->itr_max_us) {
		NL_SET_ERR_MSG_MOD(extack,
				   "rx-usecs is longer than the VF's EITR holds");
		return -EINVAL;
	}
	vf->itr_us = ec->rx_coalesce_usecs;
	if (test_bit(VTNICVF_STATE_UP, &vf->state))
		vtnicvf_write_itr(vf);
	return 0;
}

static u32 vtnicvf_get_msglevel(struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	return vf->msg_enable;
}

static void vtnicvf_set_msglevel(struct net_device *netdev, u32 level)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	vf->msg_enable = level;
}

static int vtnicvf_get_sset_count(struct net_device *netdev, int sset)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ARRAY_SIZE(vtnicvf_gstrings) +
	       VTNICVF_QSTATS * vf->mac->max_pairs;
}

static void vtnicvf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < ARRAY_SIZE(vtnicvf_gstrings); i++)
		vtnic_ethtool_puts(&data, vtnicvf_gstrings[i]);
	for (i = 0; i < vf->mac->max_pairs; i++) {
		ethtool_sprintf(&data, "rx_queue_%u_packets", i);
		ethtool_sprintf(&data, "rx_queue_%u_bytes", i);
		ethtool_sprintf(&data, "tx_queue_%u_packets", i);
		ethtool_sprintf(&data, "tx_queue_%u_bytes", i);
	}
}

static void vtnicvf_get_ethtool_stats(struct net_device *netdev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct vtnicvf *vf = netdev_priv(netdev);
	struct vtnic_ring_stats rx = {}, tx = {};
	unsigned int i = 0, q;

	vtnicvf_ring_stats(vf, &rx, &tx);
	data[i++] = rx.packets;
	data[i++] = rx.bytes;
	data[i++] = rx.csum_err;
	data[i++] = rx.alloc_fail;
	data[i++] = rx.errors;
	data[i++] = tx.packets;
	data[i++] = tx.bytes;
	data[i++] = tx.restart;
	data[i++] = tx.busy;
	data[i++] = tx.errors;

	vtnicvf_update_stats(vf);
	spin_lock_bh(&vf->stats_lock);
	data[i++] = vf->hw_stats.rx_packets;
	data[i++] = vf->hw_stats.rx_bytes;
	data[i++] = vf->hw_stats.tx_packets;
	data[i++] = vf->hw_stats.tx_bytes;
	data[i++] = vf->hw_stats.multicast;
	spin_unlock_bh(&vf->stats_lock);

	for (q = 0; q < vf->mac->max_pairs; q++) {
		struct vtnic_ring_stats qrx = {}, qtx = {};

		vtnic_ring_stats_read(&vf->qv[q].rx.stats, &qrx);
		vtnic_ring_stats_read(&vf->qv[q].tx.stats, &qtx);
		data[i++] = qrx.packets;
		data[i++] = qrx.bytes;
		data[i++] = qtx.packets;
		data[i++] = qtx.bytes;
	}
}

/*
 * RSS: the 82599's VFs cannot program the port's table or key, and may
 * read them only when the host's admin allows it (query_rss); the igb
 * dialect has no way to ask at all.  The table's entries are the pool's
 * queues: a VF that uses fewer sees each as the queue it lands on.
 */
static bool vtnicvf_rss_query(struct vtnicvf *vf)
{
	return vf->mac->mbx->dialect == VTNIC_MBX_VF_IXGBE;
}

static u32 vtnicvf_get_rxfh_indir_size(struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	return vtnicvf_rss_query(vf) ? VTNIC_MBX_RETA_ENTRIES : 0;
}

static u32 vtnicvf_get_rxfh_key_size(struct net_device *netdev)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	return vtnicvf_rss_query(vf) ? VTNIC_MBX_RSS_KEY_BYTES : 0;
}

static int vtnicvf_get_rxnfc(struct net_device *netdev,
			     struct ethtool_rxnfc *cmd, u32 *rule_locs)
{
	struct vtnicvf *vf = netdev_priv(netdev);

	if (cmd->cmd != ETHTOOL_GRXRINGS)
		return -EOPNOTSUPP;
	cmd->data = vf->num_pairs ?: 1;
	return 0;
}

static int vtnicvf_rss_get(struct vtnicvf *vf, u32 *indir, u8 *key)
{
	u8 reta[VTNIC_MBX_RETA_ENTRIES];
	unsigned int i;
	int err = 0;

	if (!vtnicvf_rss_query(vf))
		return -EOPNOTSUPP;
	mutex_lock(&vf->mbx_lock);
	if (indir)
		err = vtnic_mbx_vf_get_reta(&vf->mbx, reta);
	if (!err && key)
		err = vtnic_mbx_vf_get_rss_key(&vf->mbx, key);
	mutex_unlock(&vf->mbx_lock);
	if (err)
		return err;
	for (i = 0; indir && i < VTNIC_MBX_RETA_ENTRIES; i++)
		indir[i] = reta[i] % (vf->num_pairs ?: 1);
	return 0;
}

#ifdef VTNIC_HAVE_RXFH_PARAM
static int vtnicvf_get_rxfh(struct net_device *netdev,
			    struct ethtool_rxfh_param *rxfh)
{
	rxfh->hfunc = ETH_RSS_HASH_TOP;
	return vtnicvf_rss_get(netdev_priv(netdev), rxfh->indir, rxfh->key);
}
#else
static int vtnicvf_get_rxfh(struct net_device *netdev, u32 *indir, u8 *key,
			    u8 *hfunc)
{
	if (hfunc)
		*hfunc = ETH_RSS_HASH_TOP;
	return vtnicvf_rss_get(netdev_priv(netdev), indir, key);
}
#endif

static const struct ethtool_ops vtnicvf_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS,
	.get_drvinfo		= vtnicvf_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= vtnicvf_get_link_ksettings,
	.get_ringparam		= vtnicvf_get_ringparam,
	.set_ringparam		= vtnicvf_set_ringparam,
	.get_coalesce		= vtnicvf_get_coalesce,
	.set_coalesce		= vtnicvf_set_coalesce,
	.get_msglevel		= vtnicvf_get_msglevel,
	.set_msglevel		= vtnicvf_set_msglevel,
	.get_sset_count		= vtnicvf_get_sset_count,
	.get_strings		= vtnicvf_get_strings,
	.get_ethtool_stats	= vtnicvf_get_ethtool_stats,
	.get_channels		= vtnicvf_get_channels,
	.set_channels		= vtnicvf_set_channels,
	.get_rxnfc		= vtnicvf_get_rxnfc,
	.get_rxfh_indir_size	= vtnicvf_get_rxfh_indir_size,
	.get_rxfh_key_size	= vtnicvf_get_rxfh_key_size,
	.get_rxfh		= vtnicvf_get_rxfh,
};

/**
 * vtnicvf_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the VF's netdev
 */
void vtnicvf_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &vtnicvf_ethtool_ops;
}
