// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: ethtool - driver info, link, rings, channels, interrupt
 * moderation, RSS, statistics, the register dump and the EEPROM.  Every
 * statistic and the dump's layout are described in Documentation/vtnic.rst.
 */

#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "vtnic.h"

struct vtnic_stat {
	char name[ETH_GSTRING_LEN];
	unsigned int offset;
};

#define VTNIC_HW_STAT(_name, _field) { \
	.name = _name, \
	.offset = offsetof(struct vtnic_hw_stats, _field), \
}

/* Device counters, named after what they count (register in the docs) */
static const struct vtnic_stat vtnic_hw_stats[] = {
	VTNIC_HW_STAT("hw_rx_good_packets", gprc),
	VTNIC_HW_STAT("hw_rx_good_bytes", gorc),
	VTNIC_HW_STAT("hw_rx_total_packets", tpr),
	VTNIC_HW_STAT("hw_rx_broadcast", bprc),
	VTNIC_HW_STAT("hw_rx_multicast", mprc),
	VTNIC_HW_STAT("hw_rx_crc_errors", crcerrs),
	VTNIC_HW_STAT("hw_rx_align_errors", algnerrc),
	VTNIC_HW_STAT("hw_rx_symbol_errors", rxerrc),
	VTNIC_HW_STAT("hw_rx_length_errors", rlec),
	VTNIC_HW_STAT("hw_rx_undersize", ruc),
	VTNIC_HW_STAT("hw_rx_fragments", rfc),
	VTNIC_HW_STAT("hw_rx_oversize", roc),
	VTNIC_HW_STAT("hw_rx_jabber", rjc),
	VTNIC_HW_STAT("hw_rx_missed", mpc),
	VTNIC_HW_STAT("hw_rx_no_buffer", rnbc),
	VTNIC_HW_STAT("hw_rx_xon", xonrxc),
	VTNIC_HW_STAT("hw_rx_xoff", xoffrxc),
	VTNIC_HW_STAT("hw_tx_good_packets", gptc),
	VTNIC_HW_STAT("hw_tx_good_bytes", gotc),
	VTNIC_HW_STAT("hw_tx_total_packets", tpt),
	VTNIC_HW_STAT("hw_tx_broadcast", bptc),
	VTNIC_HW_STAT("hw_tx_multicast", mptc),
	VTNIC_HW_STAT("hw_tx_tso", tsctc),
	VTNIC_HW_STAT("hw_tx_collisions", colc),
	VTNIC_HW_STAT("hw_tx_xon", xontxc),
	VTNIC_HW_STAT("hw_tx_xoff", xofftxc),
	VTNIC_HW_STAT("hw_tx_spoofed_dropped", ssvpc),
};

/* Software totals over all rings, then per-queue counters */
static const char vtnic_sw_stats[][ETH_GSTRING_LEN] = {
	"rx_packets", "rx_bytes", "rx_csum_errors", "rx_alloc_failed",
	"rx_errors", "tx_packets", "tx_bytes", "tx_restart_queue",
	"tx_busy", "tx_errors",
};

#define VTNIC_QUEUE_STATS	4	/* per ring: packets, bytes, two more */

/*
 * Per VF, what its mailbox cost: messages handled, refused, requests
 * that had to wait for its budget, requests ignored while it was
 * quarantined, and its quarantines (Documentation/threat-model.rst)
 */
static const char vtnic_vf_mbx_stats[][ETH_GSTRING_LEN] = {
	"mbx_msgs", "mbx_nacks", "mbx_deferred", "mbx_ignored",
	"mbx_quarantined",
};

static void vtnic_get_drvinfo(struct net_device *netdev,
			      struct ethtool_drvinfo *info)
{
	struct vtnic *vn = netdev_priv(netdev);

	strscpy(info->driver, VTNIC_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(vn->pdev), sizeof(info->bus_info));
}

static int vtnic_get_link_ksettings(struct net_device *netdev,
				    struct ethtool_link_ksettings *cmd)
{
	struct vtnic *vn = netdev_priv(netdev);

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	vn->mac->ops->link_ksettings(vn, cmd);
	linkmode_copy(cmd->link_modes.advertising, cmd->link_modes.supported);

	if (netif_carrier_ok(netdev)) {
		struct vtnic_link link = {};

		vn->mac->ops->get_link(vn, &link);
		cmd->base.speed = vn->link_speed;
		cmd->base.duplex = link.full_duplex ? DUPLEX_FULL : DUPLEX_HALF;
	} else {
		cmd->base.speed = SPEED_UNKNOWN;
		cmd->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

/*
 * ethtool -m: the module's serial ID page, and its diagnostics page when
 * the module has one at the second address (SFF-8472 compliance set,
 * no address change needed)
 */
static int vtnic_get_module_info(struct net_device *netdev,
				 struct ethtool_modinfo *modinfo)
{
	struct vtnic *vn = netdev_priv(netdev);
	u8 diag[VTNIC_SFF_8472_COMP - VTNIC_SFF_DIAG_TYPE + 1];
	int err;

	if (!vn->mac->ops->read_module)
		return -EOPNOTSUPP;
	err = vn->mac->ops->read_module(vn, VTNIC_SFP_I2C_ID,
					VTNIC_SFF_DIAG_TYPE, diag, sizeof(diag));
	if (err)
		return err;
	if (diag[VTNIC_SFF_8472_COMP - VTNIC_SFF_DIAG_TYPE] &&
	    !(diag[0] & VTNIC_SFF_DIAG_ADDR_CHANGE)) {
		modinfo->type = ETH_MODULE_SFF_8472;
		modinfo->eeprom_len = ETH_MODULE_SFF_8472_LEN;
	} else {
		modinfo->type = ETH_MODULE_SFF_8079;
		modinfo->eeprom_len = ETH_MODULE_SFF_8079_LEN;
	}
	return 0;
}

static int vtnic_get_module_eeprom(struct net_device *netdev,
				   struct ethtool_eeprom *ee, u8 *data)
{
	struct vtnic *vn = netdev_priv(netdev);
	u32 pos = ee->offset, end = ee->offset + ee->len;
	int err;

	if (!vn->mac->ops->read_module)
		return -EOPNOTSUPP;
	if (end > ETH_MODULE_SFF_8472_LEN || end < pos)
		return -EINVAL;
	/* bytes 0..255 are the ID page at 0xa0, 256..511 diagnostics at 0xa2 */
	while (pos < end) {
		u8 addr = pos < 256 ? VTNIC_SFP_I2C_ID : VTNIC_SFP_I2C_DIAG;
		u32 len = min(end, round_down(pos, 256) + 256) - pos;

		err = vn->mac->ops->read_module(vn, addr, pos % 256, data, len);
		if (err)
			return err;
		data += len;
		pos += len;
	}
	return 0;
}

static void vtnic_get_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kring,
				struct netlink_ext_ack *extack)
{
	struct vtnic *vn = netdev_priv(netdev);

	ring->rx_max_pending = VTNIC_MAX_RING;
	ring->tx_max_pending = VTNIC_MAX_RING;
	ring->rx_pending = vn->rx_ring_count;
	ring->tx_pending = vn->tx_ring_count;
}

static int vtnic_set_ringparam(struct net_device *netdev,
			       struct ethtool_ringparam *ring,
			       struct kernel_ethtool_ringparam *kring,
			       struct netlink_ext_ack *extack)
{
	struct vtnic *vn = netdev_priv(netdev);
	u32 rx, tx;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;
	if (ring->rx_pending < VTNIC_MIN_RING || ring->tx_pending < VTNIC_MIN_RING) {
		NL_SET_ERR_MSG_MOD(extack, "rings need at least 64 descriptors");
		return -EINVAL;
	}
	/* The length registers count 128-byte units: 8 descriptors */
	rx = ALIGN(ring->rx_pending, VTNIC_RING_ALIGN);
	tx = ALIGN(ring->tx_pending, VTNIC_RING_ALIGN);
	if (rx == vn->rx_ring_count && tx == vn->tx_ring_count)
		return 0;
	return vtnic_reconfigure(vn, vn->num_queues, tx, rx);
}

static void vtnic_get_channels(struct net_device *netdev,
			       struct ethtool_channels *ch)
{
	struct vtnic *vn = netdev_priv(netdev);
	unsigned int other = vn->int_mode == VTNIC_INT_MSIX;

	ch->max_combined = vtnic_max_queues(vn);
	ch->combined_count = vn->num_queues;
	ch->max_other = other;
	ch->other_count = other;
}

static int vtnic_set_channels(struct net_device *netdev,
			      struct ethtool_channels *ch)
{
	struct vtnic *vn = netdev_priv(netdev);
	unsigned int other = vn->int_mode == VTNIC_INT_MSIX;
	int err;

	if (!ch->combined_count || ch->rx_count || ch->tx_count ||
	    ch->other_count != other)
		return -EINVAL;
	if (ch->combined_count > vtnic_max_queues(vn))
		return -EINVAL;
	if (ch->combined_count == vn->num_queues)
		return 0;

	err = vtnic_reconfigure(vn, ch->combined_count, vn->tx_ring_count,
				vn->rx_ring_count);
	if (!err && !netif_is_rxfh_configured(netdev)) {
		vtnic_rss_default_indir(vn);
		if (test_bit(VTNIC_STATE_UP, &vn->state))
			vn->mac->ops->write_rss(vn);
	}
	return err;
}

static int vtnic_get_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec,
			      struct kernel_ethtool_coalesce *kec,
			      struct netlink_ext_ack *extack)
{
	struct vtnic *vn = netdev_priv(netdev);

	ec->rx_coalesce_usecs = vn->rx_itr_us;
	ec->use_adaptive_rx_coalesce = vn->adaptive_rx;
	return 0;
}

static int vtnic_set_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec,
			      struct kernel_ethtool_coalesce *kec,
			      struct netlink_ext_ack *extack)
{
	struct vtnic *vn = netdev_priv(netdev);
	unsigned int i;

	if (ec->rx_coalesce_usecs > VTNIC_ITR_MAX_US) {
		NL_SET_ERR_MSG_MOD(extack, "rx-usecs is at most 8191");
		return -EINVAL;
	}
	vn->rx_itr_us = ec->rx_coalesce_usecs;
	vn->adaptive_rx = ec->use_adaptive_rx_coalesce;
	if (!test_bit(VTNIC_STATE_UP, &vn->state))
		return 0;
	/* Adaptive mode starts from the fixed value, then DIM moves it */
	for (i = 0; i < vn->num_queues; i++)
		vtnic_write_itr(vn->qv[i], vn->rx_itr_us);
	return 0;
}

static u32 vtnic_get_rxfh_key_size(struct net_device *netdev)
{
	return VTNIC_RSS_KEY_SIZE;
}

static u32 vtnic_get_rxfh_indir_size(struct net_device *netdev)
{
	return VTNIC_RETA_SIZE;
}

static int vtnic_get_rxnfc(struct net_device *netdev,
			   struct ethtool_rxnfc *cmd, u32 *rule_locs)
{
	struct vtnic *vn = netdev_priv(netdev);

	if (cmd->cmd != ETHTOOL_GRXRINGS)
		return -EOPNOTSUPP;
	cmd->data = vn->num_queues;
	return 0;
}

static void vtnic_rss_get(struct vtnic *vn, u32 *indir, u8 *key)
{
	if (indir)
		memcpy(indir, vn->rss_indir, sizeof(vn->rss_indir));
	if (key)
		memcpy(key, vn->rss_key, sizeof(vn->rss_key));
}

static int vtnic_rss_set(struct vtnic *vn, const u32 *indir, const u8 *key,
			 u8 hfunc)
{
	unsigned int i;

	if (hfunc != ETH_RSS_HASH_NO_CHANGE && hfunc != ETH_RSS_HASH_TOP)
		return -EOPNOTSUPP;
	if (indir) {
		for (i = 0; i < VTNIC_RETA_SIZE; i++)
			if (indir[i] >= vn->num_queues)
				return -EINVAL;
		memcpy(vn->rss_indir, indir, sizeof(vn->rss_indir));
	}
	if (key)
		memcpy(vn->rss_key, key, sizeof(vn->rss_key));
	if (test_bit(VTNIC_STATE_UP, &vn->state))
		vn->mac->ops->write_rss(vn);
	return 0;
}

#ifdef VTNIC_HAVE_RXFH_PARAM
static int vtnic_get_rxfh(struct net_device *netdev,
			  struct ethtool_rxfh_param *rxfh)
{
	rxfh->hfunc = ETH_RSS_HASH_TOP;
	vtnic_rss_get(netdev_priv(netdev), rxfh->indir, rxfh->key);
	return 0;
}

static int vtnic_set_rxfh(struct net_device *netdev,
			  struct ethtool_rxfh_param *rxfh,
			  struct netlink_ext_ack *extack)
{
	return vtnic_rss_set(netdev_priv(netdev), rxfh->indir, rxfh->key,
			     rxfh->hfunc);
}
#else
static int vtnic_get_rxfh(struct net_device *netdev, u32 *indir, u8 *key,
			  u8 *hfunc)
{
	if (hfunc)
		*hfunc = ETH_RSS_HASH_TOP;
	vtnic_rss_get(netdev_priv(netdev), indir, key);
	return 0;
}

static int vtnic_set_rxfh(struct net_device *netdev, const u32 *indir,
			  const u8 *key, const u8 hfunc)
{
	return vtnic_rss_set(netdev_priv(netdev), indir, key, hfunc);
}
#endif

/* Per-queue counters are listed for every queue the MAC can have */
static unsigned int vtnic_sset_queues(const struct vtnic *vn)
{
	return vn->mac->max_queues;
}

/*
 * The VFs' counters follow the VFs enabled.  Their number changes only
 * under rtnl (vtnic_sriov_relayout()), which ethtool holds from the count
 * to the values.
 */
static unsigned int vtnic_sset_vfs(struct vtnic *vn)
{
	ASSERT_RTNL();
	return vtnic_num_vfs(vn);
}

static int vtnic_get_sset_count(struct net_device *netdev, int sset)
{
	struct vtnic *vn = netdev_priv(netdev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ARRAY_SIZE(vtnic_sw_stats) + ARRAY_SIZE(vtnic_hw_stats) +
	       vtnic_sset_queues(vn) * 2 * VTNIC_QUEUE_STATS +
	       vtnic_sset_vfs(vn) * ARRAY_SIZE(vtnic_vf_mbx_stats);
}

static void vtnic_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	struct vtnic *vn = netdev_priv(netdev);
	unsigned int i, j;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < ARRAY_SIZE(vtnic_sw_stats); i++)
		vtnic_ethtool_puts(&data, vtnic_sw_stats[i]);
	for (i = 0; i < ARRAY_SIZE(vtnic_hw_stats); i++)
		vtnic_ethtool_puts(&data, vtnic_hw_stats[i].name);
	/* A fixed set, so the list does not change with ethtool -L */
	for (i = 0; i < vtnic_sset_queues(vn); i++) {
		ethtool_sprintf(&data, "rx_queue_%u_packets", i);
		ethtool_sprintf(&data, "rx_queue_%u_bytes", i);
		ethtool_sprintf(&data, "rx_queue_%u_csum_errors", i);
		ethtool_sprintf(&data, "rx_queue_%u_alloc_failed", i);
		ethtool_sprintf(&data, "tx_queue_%u_packets", i);
		ethtool_sprintf(&data, "tx_queue_%u_bytes", i);
		ethtool_sprintf(&data, "tx_queue_%u_restart", i);
		ethtool_sprintf(&data, "tx_queue_%u_busy", i);
	}
	for (i = 0; i < vtnic_sset_vfs(vn); i++)
		for (j = 0; j < ARRAY_SIZE(vtnic_vf_mbx_stats); j++)
			ethtool_sprintf(&data, "vf_%u_%s", i,
					vtnic_vf_mbx_stats[j]);
}

static void vtnic_get_ethtool_stats(struct net_device *netdev,
				    struct ethtool_stats *stats, u64 *data)
{
	struct vtnic *vn = netdev_priv(netdev);
	struct vtnic_ring_stats rx = {}, tx = {};
	unsigned int i;

	vtnic_update_hw_stats(vn);

	spin_lock_bh(&vn->stats_lock);
	vtnic_ring_stats_total(vn, &rx, &tx);
	*data++ = rx.packets;
	*data++ = rx.bytes;
	*data++ = rx.csum_err;
	*data++ = rx.alloc_fail;
	*data++ = rx.errors;
	*data++ = tx.packets;
	*data++ = tx.bytes;
	*data++ = tx.restart;
	*data++ = tx.busy;
	*data++ = tx.errors;

	for (i = 0; i < ARRAY_SIZE(vtnic_hw_stats); i++)
		*data++ = *(u64 *)((u8 *)&vn->hw_stats + vtnic_hw_stats[i].offset);

	for (i = 0; i < vtnic_sset_queues(vn); i++) {
		struct vtnic_ring_stats qrx = {}, qtx = {};

		if (vn->qv[i]) {
			vtnic_ring_stats_read(&vn->qv[i]->rx.stats, &qrx);
			vtnic_ring_stats_read(&vn->qv[i]->tx.stats, &qtx);
		}
		*data++ = qrx.packets;
		*data++ = qrx.bytes;
		*data++ = qrx.csum_err;
		*data++ = qrx.alloc_fail;
		*data++ = qtx.packets;
		*data++ = qtx.bytes;
		*data++ = qtx.restart;
		*data++ = qtx.busy;
	}
	spin_unlock_bh(&vn->stats_lock);

	mutex_lock(&vn->iov_lock);
	for (i = 0; i < vtnic_sset_vfs(vn); i++) {
		const struct vtnic_vf *v = &vn->iov.vf[i];

		*data++ = v->msgs;
		*data++ = v->nacks;
		*data++ = v->deferred;
		*data++ = v->ignored;
		*data++ = v->quarantines;
	}
	mutex_unlock(&vn->iov_lock);
}

/* ethtool -d: the MAC's dump; Documentation/vtnic.rst describes each */
static int vtnic_get_regs_len(struct net_device *netdev)
{
	struct vtnic *vn = netdev_priv(netdev);

	return vn->mac->ops->regs_len(vn);
}

static void vtnic_get_regs(struct net_device *netdev,
			   struct ethtool_regs *regs, void *p)
{
	struct vtnic *vn = netdev_priv(netdev);

	memset(p, 0, vn->mac->ops->regs_len(vn));
	/* One snapshot: the mailbox work rewrites these under iov_lock */
	mutex_lock(&vn->iov_lock);
	regs->version = vn->mac->ops->get_regs(vn, p);
	mutex_unlock(&vn->iov_lock);
}

static int vtnic_get_eeprom_len(struct net_device *netdev)
{
	struct vtnic *vn = netdev_priv(netdev);

	return vn->mac->ops->nvm_words(vn) * 2;
}

/*
 * ethtool -e: the EEPROM's bytes, each 16-bit word low byte first, as
 * the datasheets lay them out; the magic is the PCI vendor and device ID
 */
static int vtnic_get_eeprom(struct net_device *netdev,
			    struct ethtool_eeprom *eeprom, u8 *bytes)
{
	struct vtnic *vn = netdev_priv(netdev);
	unsigned int first, count, i, b;
	u16 *words;
	int err;

	if (!eeprom->len)
		return -EINVAL;
	eeprom->magic = vn->pdev->vendor | (vn->pdev->device << 16);
	first = eeprom->offset / 2;
	count = (eeprom->offset + eeprom->len - 1) / 2 - first + 1;
	words = kmalloc_array(count, sizeof(*words), GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	err = vtnic_read_nvm(vn, first, count, words);
	for (i = 0; !err && i < eeprom->len; i++) {
		b = eeprom->offset + i;
		bytes[i] = words[b / 2 - first] >> (8 * (b & 1));
	}
	kfree(words);
	return err;
}

static const struct ethtool_ops vtnic_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS |
				     ETHTOOL_COALESCE_USE_ADAPTIVE_RX,
	.get_drvinfo		= vtnic_get_drvinfo,
	.get_regs_len		= vtnic_get_regs_len,
	.get_regs		= vtnic_get_regs,
	.get_eeprom_len		= vtnic_get_eeprom_len,
	.get_eeprom		= vtnic_get_eeprom,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= vtnic_get_link_ksettings,
	.get_module_info	= vtnic_get_module_info,
	.get_module_eeprom	= vtnic_get_module_eeprom,
	.get_ringparam		= vtnic_get_ringparam,
	.set_ringparam		= vtnic_set_ringparam,
	.get_channels		= vtnic_get_channels,
	.set_channels		= vtnic_set_channels,
	.get_coalesce		= vtnic_get_coalesce,
	.set_coalesce		= vtnic_set_coalesce,
	.get_rxnfc		= vtnic_get_rxnfc,
	.get_rxfh_key_size	= vtnic_get_rxfh_key_size,
	.get_rxfh_indir_size	= vtnic_get_rxfh_indir_size,
	.get_rxfh		= vtnic_get_rxfh,
	.set_rxfh		= vtnic_set_rxfh,
	.get_sset_count		= vtnic_get_sset_count,
	.get_strings		= vtnic_get_strings,
	.get_ethtool_stats	= vtnic_get_ethtool_stats,
};

/**
 * vtnic_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the PF's netdev
 */
void vtnic_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &vtnic_ethtool_ops;
}
