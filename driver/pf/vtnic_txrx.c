// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: the PF's queue vectors, NAPI and the receive limits.  The rings
 * themselves, transmit and receive, are shared with the VF
 * (driver/common/vtnic_ring.c); programming them is the MAC's
 * configure_tx/configure_rx.
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

	for (i = 0; i < vn->max_queues; i++) {
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
			vtnic_iov_pool_queue(&vn->iov, vtnic_iov_pf_pool(&vn->iov), i) :
			i;
	ring->rxd_err = vn->mac->rxd_err;
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
		qv->vn->mac->ops->qv_enable(qv);
	return min(work, budget - 1);
}

/**
 * vtnic_set_rx_limits() - the longest frame the receiver accepts
 * @vn: the PF
 * @mtu: the netdev's MTU
 *
 * The limit counts the whole frame with one VLAN tag and the FCS.  With
 * VFs on a MAC that has one per pool, the port's lets the largest pass;
 * on one with a limit per port only, it stays the PF's.
 */
void vtnic_set_rx_limits(struct vtnic *vn, unsigned int mtu)
{
	unsigned int frame = mtu + ETH_HLEN + VLAN_HLEN + ETH_FCS_LEN;

	if (vtnic_num_vfs(vn)) {
		vn->mac->ops->set_max_frame(vn, vtnic_iov_port_frame(vn->mac->iov,
								     frame));
		vtnic_sriov_set_pf_rx(vn, frame, vn->netdev->flags &
				      (IFF_ALLMULTI | IFF_PROMISC));
		return;
	}
	vn->mac->ops->set_max_frame(vn, frame);
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
 * vtnic_write_rss_regs() - program the redirection table and the key
 * @vn: the PF
 * @reta: the first of the 32 redirection registers, 4 one-byte queue
 *	  numbers each
 * @rssrk: the first of the 10 key registers
 *
 * The layout every VT-c MAC shares; each gives its own offsets.
 */
void vtnic_write_rss_regs(struct vtnic *vn, u32 reta, u32 rssrk)
{
	unsigned int i, j;

	for (i = 0; i < VTNIC_RETA_SIZE / 4; i++) {
		u32 val = 0;

		for (j = 0; j < 4; j++)
			val |= (vn->rss_indir[i * 4 + j] % vn->num_queues) << (8 * j);
		vtnic_wr32(vn, reta + 4 * i, val);
	}
	for (i = 0; i < VTNIC_RSS_KEY_SIZE / 4; i++)
		vtnic_wr32(vn, rssrk + 4 * i,
			   vtnic_reg_of_bytes(&vn->rss_key[4 * i]));
}
