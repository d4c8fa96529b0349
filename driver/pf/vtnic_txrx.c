// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: descriptor rings, transmit, receive and NAPI.  Receive and
 * transmit initialization follow the datasheet's sequences (82576
 * datasheet 4.5.9 and 4.5.10).  Receive buffers are whole pages from a
 * page_pool, mapped once by the pool; transmit buffers are mapped per
 * packet.  All DMA goes through the DMA API, so an IOMMU confines it.
 */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip6_checksum.h>

#include "vtnic.h"

/*
 * NAPI refills RX buffers, and writes the tail, once per poll, or every
 * half ring when a poll cleans more: one MMIO write per poll, and the
 * device never runs dry while a poll runs.
 */
#define VTNIC_RX_REFILL_BATCH(ring)	((ring)->count / 2)

static inline u16 vtnic_desc_unused(const struct vtnic_ring *ring)
{
	u16 ntc = ring->next_to_clean, ntu = ring->next_to_use;

	return ((ntc > ntu) ? 0 : ring->count) + ntc - ntu - 1;
}

static int vtnic_ring_alloc_desc(struct vtnic_ring *ring)
{
	ring->size = ALIGN(ring->count * sizeof(union vtnic_tx_desc), 4096);
	ring->desc = dma_alloc_coherent(ring->dev, ring->size, &ring->dma,
					GFP_KERNEL);
	return ring->desc ? 0 : -ENOMEM;
}

static void vtnic_ring_free_desc(struct vtnic_ring *ring)
{
	if (ring->desc)
		dma_free_coherent(ring->dev, ring->size, ring->desc, ring->dma);
	ring->desc = NULL;
}

static void vtnic_tx_unmap(struct vtnic_ring *ring, struct vtnic_tx_buffer *buf)
{
	if (!dma_unmap_len(buf, len))
		return;
	if (buf->mapped_single)
		dma_unmap_single(ring->dev, dma_unmap_addr(buf, dma),
				 dma_unmap_len(buf, len), DMA_TO_DEVICE);
	else
		dma_unmap_page(ring->dev, dma_unmap_addr(buf, dma),
			       dma_unmap_len(buf, len), DMA_TO_DEVICE);
	dma_unmap_len_set(buf, len, 0);
}

/* Drop everything still on a TX ring: the device is stopped */
static void vtnic_tx_ring_clean(struct vtnic_ring *ring)
{
	unsigned int i;

	if (!ring->tx_buf)
		return;
	for (i = 0; i < ring->count; i++) {
		struct vtnic_tx_buffer *buf = &ring->tx_buf[i];

		vtnic_tx_unmap(ring, buf);
		dev_kfree_skb_any(buf->skb);
		buf->skb = NULL;
		buf->next_to_watch = NULL;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	netdev_tx_reset_queue(netdev_get_tx_queue(ring->netdev,
						  ring->queue_index));
}

static void vtnic_rx_ring_clean(struct vtnic_ring *ring)
{
	unsigned int i;

	if (!ring->rx_page)
		return;
	for (i = 0; i < ring->count; i++) {
		if (ring->rx_page[i])
			page_pool_put_full_page(ring->pp, ring->rx_page[i],
						false);
		ring->rx_page[i] = NULL;
	}
	dev_kfree_skb_any(ring->skb);
	ring->skb = NULL;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

static int vtnic_tx_ring_alloc(struct vtnic_ring *ring)
{
	ring->tx_buf = kvcalloc(ring->count, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;
	return vtnic_ring_alloc_desc(ring);
}

static int vtnic_rx_ring_alloc(struct vtnic_ring *ring)
{
	struct page_pool_params pp = {
		.flags		= PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.order		= 0,
		.pool_size	= ring->count,
		.nid		= dev_to_node(ring->dev),
		.dev		= ring->dev,
		.dma_dir	= DMA_FROM_DEVICE,
		.offset		= VTNIC_RX_HEADROOM,
		.max_len	= VTNIC_RX_BUFSZ,
	};

	BUILD_BUG_ON(VTNIC_RX_HEADROOM + VTNIC_RX_BUFSZ +
		     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) > PAGE_SIZE);

	ring->rx_page = kvcalloc(ring->count, sizeof(*ring->rx_page),
				 GFP_KERNEL);
	if (!ring->rx_page)
		return -ENOMEM;
	ring->pp = page_pool_create(&pp);
	if (IS_ERR(ring->pp)) {
		int err = PTR_ERR(ring->pp);

		ring->pp = NULL;
		return err;
	}
	return vtnic_ring_alloc_desc(ring);
}

static void vtnic_free_q_vector(struct vtnic_q_vector *qv)
{
	struct vtnic_ring *tx = &qv->tx, *rx = &qv->rx;

	cancel_work_sync(&qv->dim.work);
	vtnic_tx_ring_clean(tx);
	vtnic_rx_ring_clean(rx);
	vtnic_ring_free_desc(tx);
	vtnic_ring_free_desc(rx);
	kvfree(tx->tx_buf);
	kvfree(rx->rx_page);
	if (rx->pp)
		page_pool_destroy(rx->pp);
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

static void vtnic_ring_init(struct vtnic *vn, struct vtnic_q_vector *qv,
			    struct vtnic_ring *ring, unsigned int i, u32 count)
{
	ring->qv = qv;
	ring->netdev = vn->netdev;
	ring->dev = &vn->pdev->dev;
	ring->count = count;
	ring->queue_index = i;
	/* With VFs the PF's queues are those of its pool */
	ring->reg_idx = vtnic_num_vfs(vn) ?
			VTNIC_POOL_QUEUE(vtnic_iov_pf_pool(&vn->iov), i) : i;
	u64_stats_init(&ring->stats.syncp);
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
		vtnic_ring_init(vn, qv, &qv->tx, i, vn->tx_ring_count);
		vtnic_ring_init(vn, qv, &qv->rx, i, vn->rx_ring_count);

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

/*
 * Program a ring's base, length, head and tail.  The receive and transmit
 * queue blocks share one layout (8.10.x, 8.12.x): base low/high, length,
 * head and tail at +0x0, +0x4, +0x8, +0x10 and +0x18, and both descriptor
 * formats are 16 bytes.
 */
static void vtnic_ring_set_base(struct vtnic *vn, struct vtnic_ring *ring,
				u32 dbal)
{
	BUILD_BUG_ON(VTNIC_RDT(0) - VTNIC_RDBAL(0) != VTNIC_TDT(0) - VTNIC_TDBAL(0));
	BUILD_BUG_ON(sizeof(union vtnic_rx_desc) != sizeof(union vtnic_tx_desc));

	vtnic_wr32(vn, dbal, lower_32_bits(ring->dma));
	vtnic_wr32(vn, dbal + VTNIC_RDBAH(0) - VTNIC_RDBAL(0),
		   upper_32_bits(ring->dma));
	vtnic_wr32(vn, dbal + VTNIC_RDLEN(0) - VTNIC_RDBAL(0),
		   ring->count * sizeof(union vtnic_tx_desc));
	vtnic_wr32(vn, dbal + VTNIC_RDH(0) - VTNIC_RDBAL(0), 0);
	vtnic_wr32(vn, dbal + VTNIC_RDT(0) - VTNIC_RDBAL(0), 0);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

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

		vtnic_ring_set_base(vn, ring, VTNIC_TDBAL(q));
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

static void vtnic_tx_ctx(struct vtnic_ring *ring, u32 vlan_macip_lens,
			 u32 type_tucmd, u32 mss_l4len)
{
	struct vtnic_tx_ctx_desc *ctx;
	struct vtnic_tx_buffer *buf;
	u16 i = ring->next_to_use;

	ctx = (struct vtnic_tx_ctx_desc *)ring->desc + i;
	buf = &ring->tx_buf[i];
	buf->next_to_watch = NULL;
	dma_unmap_len_set(buf, len, 0);

	ctx->vlan_macip_lens = cpu_to_le32(vlan_macip_lens);
	ctx->seqnum_seed = 0;
	ctx->type_tucmd_mlhl = cpu_to_le32(type_tucmd | VTNIC_TXD_DTYP_CTXT |
					   VTNIC_TXD_CMD_DEXT);
	ctx->mss_l4len_idx = cpu_to_le32(mss_l4len);

	i++;
	ring->next_to_use = i < ring->count ? i : 0;
}

/*
 * Offload set-up for one packet: TSO or checksum, and the VLAN tag.
 * Return: the flags for the data descriptors' cmd_type_len (high bits)
 * and olinfo_status, or a negative errno when the packet must be dropped.
 */
static int vtnic_tx_offload(struct vtnic_ring *ring, struct sk_buff *skb,
			    u32 *cmd, u32 *olinfo, u32 *hdr_len)
{
	u32 vlan_macip = 0, tucmd = 0, mss_l4len = 0;
	bool need_ctx = false;
	int err;

	*hdr_len = 0;
	if (skb_vlan_tag_present(skb)) {
		vlan_macip |= FIELD_PREP(VTNIC_TXCTX_VLAN, skb_vlan_tag_get(skb));
		*cmd |= VTNIC_TXD_CMD_VLE;
		need_ctx = true;
	}

	if (skb_is_gso(skb)) {
		unsigned int l4_off = skb_transport_offset(skb);
		u32 paylen;

		err = skb_cow_head(skb, 0);
		if (err)
			return err;

		/*
		 * The device rebuilds the IP length and checksum and the TCP
		 * checksum of every segment: give it the pseudo-header sum
		 * without the length (82576 datasheet 7.2.4).
		 */
		if (ip_hdr(skb)->version == 4) {
			ip_hdr(skb)->check = 0;
			tucmd |= VTNIC_TXCTX_TUCMD_IPV4;
			*olinfo |= VTNIC_TXD_POPTS_IXSM;
		} else {
			ipv6_hdr(skb)->payload_len = 0;
		}
		paylen = skb->len - l4_off;
		csum_replace_by_diff(&tcp_hdr(skb)->check,
				     (__force __wsum)htonl(paylen));

		*hdr_len = skb_tcp_all_headers(skb);
		tucmd |= VTNIC_TXCTX_TUCMD_L4T_TCP;
		mss_l4len = FIELD_PREP(VTNIC_TXCTX_L4LEN, tcp_hdrlen(skb)) |
			    FIELD_PREP(VTNIC_TXCTX_MSS, skb_shinfo(skb)->gso_size);
		*cmd |= VTNIC_TXD_CMD_TSE;
		*olinfo |= VTNIC_TXD_POPTS_TXSM;
		need_ctx = true;
	} else if (skb->ip_summed == CHECKSUM_PARTIAL) {
		u8 l4_proto = 0;

		__be16 proto = vlan_get_protocol(skb);

		if (proto == htons(ETH_P_IP)) {
			tucmd |= VTNIC_TXCTX_TUCMD_IPV4;
			l4_proto = ip_hdr(skb)->protocol;
		} else if (proto == htons(ETH_P_IPV6)) {
			l4_proto = ipv6_hdr(skb)->nexthdr;
		}

		switch (l4_proto) {
		case IPPROTO_TCP:
			tucmd |= VTNIC_TXCTX_TUCMD_L4T_TCP;
			break;
		case IPPROTO_UDP:
			break;
		default:
			/* Not something the device parses: do it here */
			err = skb_checksum_help(skb);
			if (err)
				return err;
			goto out;
		}
		*olinfo |= VTNIC_TXD_POPTS_TXSM;
		need_ctx = true;
	}

out:
	if (!need_ctx)
		return 0;
	vlan_macip |= FIELD_PREP(VTNIC_TXCTX_MACLEN, skb_network_offset(skb));
	if (skb_transport_header_was_set(skb))
		vlan_macip |= FIELD_PREP(VTNIC_TXCTX_IPLEN,
					 skb_transport_offset(skb) -
					 skb_network_offset(skb));
	vtnic_tx_ctx(ring, vlan_macip, tucmd, mss_l4len);
	return 0;
}

static unsigned int vtnic_tx_desc_count(const struct sk_buff *skb)
{
	unsigned int i, count = DIV_ROUND_UP(skb_headlen(skb),
					     VTNIC_TXD_MAX_DATA);

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++)
		count += DIV_ROUND_UP(skb_frag_size(&skb_shinfo(skb)->frags[i]),
				      VTNIC_TXD_MAX_DATA);
	return count + 1;	/* the context descriptor */
}

static bool vtnic_maybe_stop_tx(struct vtnic_ring *ring, unsigned int needed)
{
	if (likely(vtnic_desc_unused(ring) >= needed))
		return false;

	netif_stop_subqueue(ring->netdev, ring->queue_index);
	/* Pairs with the barrier in vtnic_clean_tx(): recheck after stop */
	smp_mb();
	if (likely(vtnic_desc_unused(ring) < needed))
		return true;

	netif_start_subqueue(ring->netdev, ring->queue_index);
	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.restart++;
	u64_stats_update_end(&ring->stats.syncp);
	return false;
}

/* Write one buffer as data descriptors of at most 32 KB each */
static union vtnic_tx_desc *vtnic_tx_buf(struct vtnic_ring *ring,
					 dma_addr_t dma, unsigned int size,
					 u32 cmd, u32 olinfo, u16 *i)
{
	union vtnic_tx_desc *desc;

	do {
		unsigned int len = min(size, VTNIC_TXD_MAX_DATA);

		desc = (union vtnic_tx_desc *)ring->desc + *i;
		desc->read.buffer_addr = cpu_to_le64(dma);
		desc->read.cmd_type_len = cpu_to_le32(cmd | len);
		desc->read.olinfo_status = cpu_to_le32(olinfo);
		dma += len;
		size -= len;
		if (size) {
			(*i)++;
			if (*i == ring->count)
				*i = 0;
			ring->tx_buf[*i].next_to_watch = NULL;
			dma_unmap_len_set(&ring->tx_buf[*i], len, 0);
		}
	} while (size);
	return desc;
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
	struct vtnic_ring *ring = &vn->qv[skb->queue_mapping]->tx;
	struct netdev_queue *txq = netdev_get_tx_queue(netdev,
						       ring->queue_index);
	u32 cmd = VTNIC_TXD_DTYP_DATA | VTNIC_TXD_CMD_DEXT | VTNIC_TXD_CMD_IFCS;
	struct vtnic_tx_buffer *first, *buf;
	union vtnic_tx_desc *desc;
	u32 olinfo = 0, hdr_len;
	u16 i, first_i;
	dma_addr_t dma;
	unsigned int f;
	u32 size;

	if (vtnic_maybe_stop_tx(ring, vtnic_tx_desc_count(skb) + 2)) {
		u64_stats_update_begin(&ring->stats.syncp);
		ring->stats.busy++;
		u64_stats_update_end(&ring->stats.syncp);
		return NETDEV_TX_BUSY;
	}

	/* The first slot carries the packet, context descriptor or not */
	first_i = ring->next_to_use;
	first = &ring->tx_buf[first_i];
	if (vtnic_tx_offload(ring, skb, &cmd, &olinfo, &hdr_len))
		goto drop;

	olinfo |= FIELD_PREP(VTNIC_TXD_PAYLEN, skb->len - hdr_len);
	first->skb = skb;
	first->gso_segs = skb_is_gso(skb) ? skb_shinfo(skb)->gso_segs : 1;
	first->bytecount = skb->len + (first->gso_segs - 1) * hdr_len;

	i = ring->next_to_use;
	size = skb_headlen(skb);
	dma = dma_map_single(ring->dev, skb->data, size, DMA_TO_DEVICE);
	buf = &ring->tx_buf[i];
	buf->mapped_single = true;
	for (f = 0;; f++) {
		if (dma_mapping_error(ring->dev, dma))
			goto err_unmap;
		dma_unmap_len_set(buf, len, size);
		dma_unmap_addr_set(buf, dma, dma);

		desc = vtnic_tx_buf(ring, dma, size, cmd, olinfo, &i);
		if (f == skb_shinfo(skb)->nr_frags)
			break;

		if (++i == ring->count)
			i = 0;
		buf = &ring->tx_buf[i];
		buf->next_to_watch = NULL;
		buf->mapped_single = false;
		size = skb_frag_size(&skb_shinfo(skb)->frags[f]);
		dma = skb_frag_dma_map(ring->dev, &skb_shinfo(skb)->frags[f], 0,
				       size, DMA_TO_DEVICE);
	}

	/* Last descriptor: end of packet, report status (DD) */
	desc->read.cmd_type_len |= cpu_to_le32(VTNIC_TXD_CMD_EOP |
					       VTNIC_TXD_CMD_RS);
	netdev_tx_sent_queue(txq, first->bytecount);
	skb_tx_timestamp(skb);

	/*
	 * The cleaner reads next_to_watch, then the descriptor: publish the
	 * descriptors first.
	 */
	smp_wmb();
	first->next_to_watch = desc;

	if (++i == ring->count)
		i = 0;
	ring->next_to_use = i;

	vtnic_maybe_stop_tx(ring, VTNIC_TX_DESC_NEEDED);

	/* Doorbell batching: one tail write for a burst (writel orders it) */
	if (netif_xmit_stopped(txq) || !netdev_xmit_more())
		vtnic_wr32(vn, VTNIC_TDT(ring->reg_idx), i);
	return NETDEV_TX_OK;

err_unmap:
	/* Unwind every buffer mapped for this packet, newest first */
	for (;;) {
		vtnic_tx_unmap(ring, &ring->tx_buf[i]);
		if (i == first_i)
			break;
		i = i ? i - 1 : ring->count - 1;
	}
	first->skb = NULL;
	ring->next_to_use = first_i;
drop:
	dev_kfree_skb_any(skb);
	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.errors++;
	u64_stats_update_end(&ring->stats.syncp);
	return NETDEV_TX_OK;
}

static bool vtnic_clean_tx(struct vtnic_q_vector *qv, int napi_budget)
{
	struct vtnic_ring *ring = &qv->tx;
	unsigned int pkts = 0, bytes = 0, budget = ring->count / 2;
	u16 i = ring->next_to_clean;
	struct netdev_queue *txq;

	while (budget--) {
		struct vtnic_tx_buffer *buf = &ring->tx_buf[i];
		union vtnic_tx_desc *eop = READ_ONCE(buf->next_to_watch);

		if (!eop)
			break;
		/* Read next_to_watch before the descriptor it points to */
		smp_rmb();
		if (!(eop->wb.status & cpu_to_le32(VTNIC_TXD_STAT_DD)))
			break;

		buf->next_to_watch = NULL;
		pkts += buf->gso_segs;
		bytes += buf->bytecount;
		napi_consume_skb(buf->skb, napi_budget);
		buf->skb = NULL;

		for (;;) {
			union vtnic_tx_desc *d = (union vtnic_tx_desc *)ring->desc + i;

			vtnic_tx_unmap(ring, &ring->tx_buf[i]);
			if (++i == ring->count)
				i = 0;
			if (d == eop)
				break;
		}
	}
	ring->next_to_clean = i;

	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.packets += pkts;
	ring->stats.bytes += bytes;
	u64_stats_update_end(&ring->stats.syncp);

	txq = netdev_get_tx_queue(ring->netdev, ring->queue_index);
	netdev_tx_completed_queue(txq, pkts, bytes);

	if (unlikely(pkts && netif_carrier_ok(ring->netdev) &&
		     vtnic_desc_unused(ring) >= VTNIC_TX_WAKE_THRESH)) {
		/* Pairs with vtnic_maybe_stop_tx(): see the new next_to_clean */
		smp_mb();
		if (netif_tx_queue_stopped(txq) &&
		    test_bit(VTNIC_STATE_UP, &qv->vn->state)) {
			netif_tx_wake_queue(txq);
			u64_stats_update_begin(&ring->stats.syncp);
			ring->stats.restart++;
			u64_stats_update_end(&ring->stats.syncp);
		}
	}
	return budget != UINT_MAX;	/* false: more work may be left */
}

/* ---- receive ----------------------------------------------------------- */

static bool vtnic_rx_refill(struct vtnic_ring *ring, u16 n)
{
	struct vtnic *vn = ring->qv->vn;
	u16 i = ring->next_to_use;
	bool ok = true;

	if (!n)
		return true;

	while (n--) {
		union vtnic_rx_desc *desc = (union vtnic_rx_desc *)ring->desc + i;
		struct page *page = page_pool_dev_alloc_pages(ring->pp);

		if (unlikely(!page)) {
			u64_stats_update_begin(&ring->stats.syncp);
			ring->stats.alloc_fail++;
			u64_stats_update_end(&ring->stats.syncp);
			ok = false;
			break;
		}
		ring->rx_page[i] = page;
		desc->read.pkt_addr = cpu_to_le64(page_pool_get_dma_addr(page) +
						  VTNIC_RX_HEADROOM);
		desc->read.hdr_addr = 0;
		if (++i == ring->count)
			i = 0;
	}

	if (ring->next_to_use != i) {
		ring->next_to_use = i;
		/* writel orders the descriptor writes before the tail */
		vtnic_wr32(vn, VTNIC_RDT(ring->reg_idx), i);
	}
	return ok;
}

static void vtnic_rx_hash(struct vtnic_ring *ring, union vtnic_rx_desc *desc,
			  struct sk_buff *skb)
{
	u16 type = FIELD_GET(VTNIC_RXD_RSS_TYPE, le16_to_cpu(desc->wb.pkt_info));

	if (!(ring->netdev->features & NETIF_F_RXHASH) ||
	    type == VTNIC_RSS_TYPE_NONE)
		return;

	switch (type) {
	case VTNIC_RSS_TYPE_TCP_IPV4:
	case VTNIC_RSS_TYPE_TCP_IPV6:
	case VTNIC_RSS_TYPE_TCP_IPV6_EX:
	case VTNIC_RSS_TYPE_UDP_IPV4:
	case VTNIC_RSS_TYPE_UDP_IPV6:
	case VTNIC_RSS_TYPE_UDP_IPV6_EX:
		skb_set_hash(skb, le32_to_cpu(desc->wb.rss), PKT_HASH_TYPE_L4);
		break;
	default:
		skb_set_hash(skb, le32_to_cpu(desc->wb.rss), PKT_HASH_TYPE_L3);
		break;
	}
}

static void vtnic_rx_csum(struct vtnic_ring *ring, u32 staterr,
			  struct sk_buff *skb)
{
	skb_checksum_none_assert(skb);
	if (!(ring->netdev->features & NETIF_F_RXCSUM))
		return;

	if (staterr & (VTNIC_RXD_ERR_L4E | VTNIC_RXD_ERR_IPE)) {
		u64_stats_update_begin(&ring->stats.syncp);
		ring->stats.csum_err++;
		u64_stats_update_end(&ring->stats.syncp);
		return;
	}
	if (staterr & (VTNIC_RXD_STAT_L4CS | VTNIC_RXD_STAT_UDPCS))
		skb->ip_summed = CHECKSUM_UNNECESSARY;
}

static int vtnic_clean_rx(struct vtnic_q_vector *qv, int budget)
{
	struct vtnic_ring *ring = &qv->rx;
	unsigned int pkts = 0, bytes = 0, errors = 0, alloc_fail = 0;
	struct sk_buff *skb = ring->skb;
	u16 i = ring->next_to_clean;
	u16 cleaned = 0;

	while (pkts < budget) {
		union vtnic_rx_desc *desc = (union vtnic_rx_desc *)ring->desc + i;
		u32 staterr = le32_to_cpu(desc->wb.status_error);
		struct page *page;
		unsigned int size;

		if (!(staterr & VTNIC_RXD_STAT_DD))
			break;
		/* Read the rest of the descriptor only after DD */
		dma_rmb();
		size = le16_to_cpu(desc->wb.length);
		page = ring->rx_page[i];
		ring->rx_page[i] = NULL;
		if (++i == ring->count)
			i = 0;
		cleaned++;

		if (unlikely(!page))
			break;	/* cannot happen: the device owns no empty slot */

		dma_sync_single_range_for_cpu(ring->dev,
					      page_pool_get_dma_addr(page),
					      VTNIC_RX_HEADROOM, size,
					      DMA_FROM_DEVICE);
		if (!skb) {
			skb = napi_build_skb(page_address(page), PAGE_SIZE);
			if (unlikely(!skb)) {
				page_pool_put_full_page(ring->pp, page, true);
				alloc_fail++;
				continue;
			}
			skb_mark_for_recycle(skb);
			skb_reserve(skb, VTNIC_RX_HEADROOM);
			__skb_put(skb, size);
		} else if (skb_shinfo(skb)->nr_frags < MAX_SKB_FRAGS) {
			skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
					VTNIC_RX_HEADROOM, size, PAGE_SIZE);
		} else {
			page_pool_put_full_page(ring->pp, page, true);
			staterr |= VTNIC_RXD_ERR_FRAME;	/* frame too long */
		}

		if (!(staterr & VTNIC_RXD_STAT_EOP))
			continue;

		if (unlikely(staterr & VTNIC_RXD_ERR_FRAME)) {
			dev_kfree_skb_any(skb);
			skb = NULL;
			errors++;
			continue;
		}

		vtnic_rx_hash(ring, desc, skb);
		vtnic_rx_csum(ring, staterr, skb);
		if ((staterr & VTNIC_RXD_STAT_VP) &&
		    (ring->netdev->features & NETIF_F_HW_VLAN_CTAG_RX))
			__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
					       le16_to_cpu(desc->wb.vlan));

		bytes += skb->len;
		pkts++;
		skb->protocol = eth_type_trans(skb, ring->netdev);
		skb_record_rx_queue(skb, ring->queue_index);
		napi_gro_receive(&qv->napi, skb);
		skb = NULL;

		if (cleaned >= VTNIC_RX_REFILL_BATCH(ring)) {
			ring->next_to_clean = i;
			vtnic_rx_refill(ring, cleaned);
			cleaned = 0;
		}
	}
	ring->next_to_clean = i;
	ring->skb = skb;
	vtnic_rx_refill(ring, cleaned);

	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.packets += pkts;
	ring->stats.bytes += bytes;
	ring->stats.errors += errors;
	ring->stats.alloc_fail += alloc_fail;
	u64_stats_update_end(&ring->stats.syncp);

	return pkts;
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
	bool tx_done = vtnic_clean_tx(qv, budget);
	int work = 0;

	if (budget)
		work = vtnic_clean_rx(qv, budget);
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

		vtnic_ring_set_base(vn, ring, VTNIC_RDBAL(q));
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
		vtnic_rx_refill(ring, vtnic_desc_unused(ring));
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
