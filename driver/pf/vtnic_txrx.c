// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: the PF's queue vectors, NAPI, and the receive and transmit
 * initialization, which follow the datasheet's sequences (82576
 * datasheet 4.5.9 and 4.5.10).  The rings themselves, transmit and
 * receive, are shared with the VF: driver/common/vtnic_ring.c.
 */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>

#include "vtnic.h"

static void vtnic_free_q_vector(struct vtnic_q_vector *qv)
{
	cancel_work_sync(&qv->dim.work);
	vtnic_ring_free(&qv->tx);
	vtnic_ring_free(&qv->rx);
	netif_napi_del(&qv->napi);
	kfree(qv);
}

/**
 * vtnic_free_queues() - free every queue vector, its rings and buffers
 * @vn: the PF, with the device stopped (no DMA in flight) and NAPI off
 *
 * The rings' counters are folded into vn->ring_stats_sum first, so the
 * totals never go backwards across ethtool -L / -G.
 *
 * Context: rtnl.
 */
void vtnic_free_queues(struct vtnic *vn)
{
	unsigned int i;

	for (i = 0; i < VTNIC_MAX_QUEUES; i++) {
		struct vtnic_q_vector *qv = vn->qv[i];
		struct vtnic_ring_stats *rx, *tx;

		if (!qv)
			continue;
		rx = &qv->rx.stats;
		tx = &qv->tx.stats;
		spin_lock_bh(&vn->stats_lock);
		vn->ring_stats_sum.rx_packets += rx->packets;
		vn->ring_stats_sum.rx_bytes += rx->bytes;
		vn->ring_stats_sum.rx_csum_err += rx->csum_err;
		vn->ring_stats_sum.rx_alloc_fail += rx->alloc_fail;
		vn->ring_stats_sum.rx_errors += rx->errors;
		vn->ring_stats_sum.tx_packets += tx->packets;
		vn->ring_stats_sum.tx_bytes += tx->bytes;
		vn->ring_stats_sum.tx_restart += tx->restart;
		vn->ring_stats_sum.tx_busy += tx->busy;
		vn->ring_stats_sum.tx_errors += tx->errors;
		vn->qv[i] = NULL;
		spin_unlock_bh(&vn->stats_lock);
		vtnic_free_q_vector(qv);
	}
}

static void vtnic_dim_work(struct work_struct *work)
{
	struct dim *dim = container_of(work, struct dim, work);
	struct vtnic_q_vector *qv = container_of(dim, struct vtnic_q_vector,
						 dim);
	struct dim_cq_moder moder = net_dim_get_rx_moderation(dim->mode,
							      dim->profile_ix);

	vtnic_write_itr(qv, min_t(u32, moder.usec, VTNIC_ITR_MAX_US));
	dim->state = DIM_START_MEASURE;
}

static void vtnic_pf_ring_init(struct vtnic *vn, struct vtnic_q_vector *qv,
			       struct vtnic_ring *ring, unsigned int i,
			       u32 count)
{
	ring->napi = &qv->napi;
	ring->netdev = vn->netdev;
	ring->dev = &vn->pdev->dev;
	ring->hw = &vn->hw;
	ring->count = count;
	ring->queue_index = i;
	/* With VFs the PF's queues are those of its pool */
	ring->reg_idx = vtnic_num_vfs(vn) ?
			VTNIC_POOL_QUEUE(vtnic_iov_pf_pool(&vn->iov), i) : i;
	vtnic_ring_init(ring);
}

/**
 * vtnic_alloc_queues() - allocate vn->num_queues queue vectors and rings
 * @vn: the PF
 *
 * Context: rtnl.
 * Return: 0, or -ENOMEM with nothing left allocated.
 */
int vtnic_alloc_queues(struct vtnic *vn)
{
	unsigned int i;
	int err;

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_q_vector *qv;

		qv = kzalloc_node(sizeof(*qv), GFP_KERNEL,
				  dev_to_node(&vn->pdev->dev));
		if (!qv) {
			err = -ENOMEM;
			goto err_free_queues;
		}
		qv->vn = vn;
		qv->v_idx = vn->int_mode == VTNIC_INT_MSIX ? i + 1 : 0;
		netif_napi_add(vn->netdev, &qv->napi, vtnic_poll);
		INIT_WORK(&qv->dim.work, vtnic_dim_work);
		qv->dim.mode = DIM_CQ_PERIOD_MODE_START_FROM_EQE;
		vtnic_pf_ring_init(vn, qv, &qv->tx, i, vn->tx_ring_count);
		vtnic_pf_ring_init(vn, qv, &qv->rx, i, vn->rx_ring_count);

		/* get_stats64 walks vn->qv[] under stats_lock */
		spin_lock_bh(&vn->stats_lock);
		vn->qv[i] = qv;
		spin_unlock_bh(&vn->stats_lock);

		err = vtnic_tx_ring_alloc(&qv->tx);
		if (!err)
			err = vtnic_rx_ring_alloc(&qv->rx);
		if (err)
			goto err_free_queues;
	}
	return 0;

err_free_queues:
	vtnic_free_queues(vn);
	return err;
}

/* ---- transmit ---------------------------------------------------------- */

/**
 * vtnic_configure_tx() - transmit initialization (4.5.10)
 * @vn: the PF, reset, with its rings allocated
 */
void vtnic_configure_tx(struct vtnic *vn)
{
	unsigned int i;

	for (i = 0; i < VTNIC_82576_QUEUES; i++)
		vtnic_wr32(vn, VTNIC_TXDCTL(i), 0);

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->tx;
		u8 q = ring->reg_idx;

		vtnic_ring_set_base(ring, VTNIC_TDBAL(q));
		/* Prefetch at 8 free, write back descriptors in batches */
		vtnic_wr32(vn, VTNIC_TXDCTL(q),
			   FIELD_PREP(VTNIC_XDCTL_PTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_HTHRESH, 1) |
			   FIELD_PREP(VTNIC_XDCTL_WTHRESH, 16) |
			   VTNIC_XDCTL_ENABLE);
	}

	/* Full duplex: collision threshold 15, distance 63 (8.12.1) */
	vtnic_wr32(vn, VTNIC_TCTL, VTNIC_TCTL_EN | VTNIC_TCTL_PSP |
		   FIELD_PREP(VTNIC_TCTL_CT, 15) |
		   FIELD_PREP(VTNIC_TCTL_COLD, 63) | VTNIC_TCTL_RTLC);
}

/**
 * vtnic_xmit_frame() - ndo_start_xmit
 * @skb: the packet
 * @netdev: the PF's netdev
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full.
 */
netdev_tx_t vtnic_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct vtnic *vn = netdev_priv(netdev);

	return vtnic_ring_xmit(&vn->qv[skb->queue_mapping]->tx, skb);
}

/**
 * vtnic_poll() - NAPI poll of one queue pair
 * @napi: the vector's NAPI context
 * @budget: receive budget
 *
 * Return: receive work done; @budget to be polled again.
 */
int vtnic_poll(struct napi_struct *napi, int budget)
{
	struct vtnic_q_vector *qv = container_of(napi, struct vtnic_q_vector,
						 napi);
	bool tx_done = vtnic_clean_tx(&qv->tx, budget,
				      test_bit(VTNIC_STATE_UP, &qv->vn->state));
	int work = 0;

	if (budget)
		work = vtnic_clean_rx(&qv->rx, budget);
	if (!tx_done || work >= budget)
		return budget;

	/*
	 * The vector serves both rings, so DIM weighs both: a one-way
	 * transmit flow is moderated as well as a receive flow.
	 */
	if (qv->vn->adaptive_rx) {
		struct dim_sample sample;

		dim_update_sample(qv->event_ctr,
				  qv->rx.stats.packets + qv->tx.stats.packets,
				  qv->rx.stats.bytes + qv->tx.stats.bytes,
				  &sample);
		net_dim(&qv->dim, sample);
	}

	if (napi_complete_done(napi, work) &&
	    test_bit(VTNIC_STATE_UP, &qv->vn->state))
		vtnic_qv_enable(qv);
	return min(work, budget - 1);
}

/**
 * vtnic_set_rx_limits() - the longest frame the receiver accepts
 * @vn: the PF
 * @mtu: the netdev's MTU
 *
 * Frames above the standard 1522 bytes need RCTL.LPE and RLPML, which
 * counts the whole frame with one VLAN tag and the FCS (8.10.5).
 */
void vtnic_set_rx_limits(struct vtnic *vn, unsigned int mtu)
{
	unsigned int frame = mtu + ETH_HLEN + VLAN_HLEN + ETH_FCS_LEN;
	u32 rctl = vtnic_rd32(vn, VTNIC_RCTL);

	if (vtnic_num_vfs(vn)) {
		/* Each pool has its limit; the global one lets all pass */
		spin_lock_bh(&vn->iov_lock);
		vtnic_iov_set_pf_rx(&vn->iov, frame,
				    vn->netdev->flags & (IFF_ALLMULTI | IFF_PROMISC));
		spin_unlock_bh(&vn->iov_lock);
		vtnic_wr32(vn, VTNIC_RCTL, rctl | VTNIC_RCTL_LPE);
		return;
	}
	vtnic_wr32(vn, VTNIC_RLPML, frame);
	if (mtu > ETH_DATA_LEN)
		rctl |= VTNIC_RCTL_LPE;
	else
		rctl &= ~VTNIC_RCTL_LPE;
	vtnic_wr32(vn, VTNIC_RCTL, rctl);
}

/**
 * vtnic_rss_default_indir() - spread the redirection table over the queues
 * @vn: the PF, with num_queues set
 *
 * A table the user set (ethtool -X) is kept; the default one follows the
 * queue count.
 */
void vtnic_rss_default_indir(struct vtnic *vn)
{
	unsigned int i;

	if (netif_is_rxfh_configured(vn->netdev))
		return;
	for (i = 0; i < VTNIC_RETA_SIZE; i++)
		vn->rss_indir[i] = ethtool_rxfh_indir_default(i, vn->num_queues);
}

/**
 * vtnic_write_rss() - program the redirection table and the key (8.10.10)
 * @vn: the PF
 */
void vtnic_write_rss(struct vtnic *vn)
{
	unsigned int i, j;

	for (i = 0; i < VTNIC_RETA_REGS; i++) {
		u32 reta = 0;

		for (j = 0; j < 4; j++)
			reta |= (vn->rss_indir[i * 4 + j] % vn->num_queues) << (8 * j);
		vtnic_wr32(vn, VTNIC_RETA(i), reta);
	}
	for (i = 0; i < VTNIC_RSSRK_REGS; i++) {
		const u8 *k = &vn->rss_key[4 * i];

		vtnic_wr32(vn, VTNIC_RSSRK(i),
			   k[0] | k[1] << 8 | k[2] << 16 | (u32)k[3] << 24);
	}
}

/**
 * vtnic_configure_rx() - receive initialization (4.5.9)
 * @vn: the PF, reset, with its rings allocated
 *
 * Leaves the receiver enabled; vtnic_set_rx_mode() adds the filters.
 *
 * Return: nothing; a ring that could not be filled completely is
 * refilled by its next poll.
 */
void vtnic_configure_rx(struct vtnic *vn)
{
	struct net_device *netdev = vn->netdev;
	u32 rxcsum = VTNIC_RXCSUM_PCSD;
	unsigned int i;
	u32 rctl;

	vtnic_wr32(vn, VTNIC_RCTL, 0);
	for (i = 0; i < VTNIC_82576_QUEUES; i++)
		vtnic_wr32(vn, VTNIC_RXDCTL(i), 0);

	/* Checksum offload; PCSD puts the RSS hash in the descriptor */
	if (netdev->features & NETIF_F_RXCSUM)
		rxcsum |= VTNIC_RXCSUM_IPOFL | VTNIC_RXCSUM_TUOFL;
	vtnic_wr32(vn, VTNIC_RXCSUM, rxcsum);

	/*
	 * RSS over the queue pairs in use (8.10.9); with VFs, VMDq: each
	 * pool receives on its first queue.
	 */
	if (vtnic_num_vfs(vn)) {
		vtnic_wr32(vn, VTNIC_MRQC, FIELD_PREP(VTNIC_MRQC_MODE,
						      VTNIC_MRQC_MODE_VMDQ));
	} else {
		vtnic_write_rss(vn);
		vtnic_wr32(vn, VTNIC_MRQC,
			   FIELD_PREP(VTNIC_MRQC_MODE, VTNIC_MRQC_MODE_RSS) |
			   VTNIC_MRQC_TCP_IPV4 | VTNIC_MRQC_IPV4 |
			   VTNIC_MRQC_TCP_IPV6_EX | VTNIC_MRQC_IPV6_EX |
			   VTNIC_MRQC_IPV6);
	}

	for (i = 0; i < vn->num_queues; i++) {
		struct vtnic_ring *ring = &vn->qv[i]->rx;
		u8 q = ring->reg_idx;

		vtnic_ring_set_base(ring, VTNIC_RDBAL(q));
		/*
		 * Advanced one-buffer descriptors of 3 KB; with several
		 * queues a full one drops instead of stalling the rest.
		 */
		vtnic_wr32(vn, VTNIC_SRRCTL(q),
			   FIELD_PREP(VTNIC_SRRCTL_BSIZEPKT, VTNIC_RX_BUFSZ / 1024) |
			   FIELD_PREP(VTNIC_SRRCTL_DESCTYPE,
				      VTNIC_SRRCTL_DESCTYPE_ADV_ONEBUF) |
			   VTNIC_SRRCTL_DROP_EN);
		vtnic_wr32(vn, VTNIC_RXDCTL(q),
			   FIELD_PREP(VTNIC_XDCTL_PTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_HTHRESH, 8) |
			   FIELD_PREP(VTNIC_XDCTL_WTHRESH, 4) |
			   VTNIC_XDCTL_ENABLE);
		/* The tail is written once the queue is enabled (4.5.9) */
		vtnic_rx_fill(ring);
	}

	/* Broadcast, strip the FCS; LPE/RLPML per MTU; filters come next */
	rctl = VTNIC_RCTL_EN | VTNIC_RCTL_BAM | VTNIC_RCTL_SECRC;
	vtnic_wr32(vn, VTNIC_RCTL, rctl);
	vtnic_set_rx_limits(vn, netdev->mtu);
}

/**
 * vtnic_disable_queues() - stop receive and transmit DMA
 * @vn: the PF
 */
void vtnic_disable_queues(struct vtnic *vn)
{
	unsigned int i;

	vtnic_wr32(vn, VTNIC_RCTL, 0);
	vtnic_wr32(vn, VTNIC_TCTL, VTNIC_TCTL_PSP);
	for (i = 0; i < VTNIC_82576_QUEUES; i++) {
		vtnic_wr32(vn, VTNIC_RXDCTL(i), 0);
		vtnic_wr32(vn, VTNIC_TXDCTL(i), 0);
	}
	vtnic_flush(vn);
}
