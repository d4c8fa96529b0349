// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor rings, transmit and receive, shared by the PF (vtnic) and
 * the VF (vtnicvf).  Receive buffers are whole pages from a page_pool,
 * mapped once by the pool; transmit buffers are mapped per packet.  All
 * DMA goes through the DMA API, so an IOMMU confines it.  The queue
 * register sequences around these (82576 datasheet 4.5.9 and 4.5.10)
 * stay with each driver, which owns its vectors and NAPI.  This file
 * sets rings up and transmits; vtnic_rx.c receives.
 */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip6_checksum.h>

#include "vtnic_compat.h"
#include "vtnic_desc.h"
#include "vtnic_ring.h"

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
	ring->rx_discard = false;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

/**
 * vtnic_ring_init() - finish a ring's set-up once its owner filled it in
 * @ring: the ring, with @napi, @netdev, @dev, @hw, @count, @queue_index,
 *	  @reg_idx and (RX) @rxd_err set and everything else zero
 *
 * Context: process; before the ring is allocated or used.
 * Return: nothing.
 */
void vtnic_ring_init(struct vtnic_ring *ring)
{
	u64_stats_init(&ring->stats.syncp);
}
EXPORT_SYMBOL_GPL(vtnic_ring_init);

/**
 * vtnic_tx_ring_alloc() - allocate a TX ring's buffer state and descriptors
 * @ring: an initialized ring
 *
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM; vtnic_ring_free() releases what was allocated.
 */
int vtnic_tx_ring_alloc(struct vtnic_ring *ring)
{
	ring->tx_buf = kvcalloc(ring->count, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;
	return vtnic_ring_alloc_desc(ring);
}
EXPORT_SYMBOL_GPL(vtnic_tx_ring_alloc);

/**
 * vtnic_rx_ring_alloc() - allocate an RX ring's page pool and descriptors
 * @ring: an initialized ring
 *
 * The pool maps its pages once for the device and syncs them back to it
 * when recycled.  A ring holds its page array only with its pool, which
 * is how vtnic_ring_free() tells an RX ring from a TX ring.
 *
 * Context: process, may sleep.
 * Return: 0, or a negative errno; vtnic_ring_free() releases what was
 * allocated.
 */
int vtnic_rx_ring_alloc(struct vtnic_ring *ring)
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
	struct page_pool *pool;

	BUILD_BUG_ON(VTNIC_RX_HEADROOM + VTNIC_RX_BUFSZ +
		     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) > PAGE_SIZE);

	pool = page_pool_create(&pp);
	if (IS_ERR(pool))
		return PTR_ERR(pool);
	ring->pp = pool;
	ring->rx_page = kvcalloc(ring->count, sizeof(*ring->rx_page),
				 GFP_KERNEL);
	if (!ring->rx_page)
		return -ENOMEM;
	return vtnic_ring_alloc_desc(ring);
}
EXPORT_SYMBOL_GPL(vtnic_rx_ring_alloc);

/**
 * vtnic_ring_free() - release a ring's buffers, descriptors and pool
 * @ring: the ring, with the device no longer doing DMA on it and its
 *	  NAPI off; it may be partially allocated or not allocated at all
 *
 * Buffers still on the ring are dropped (TX: unmapped and freed, and
 * the queue's BQL state reset; RX: pages returned to the pool, which is
 * then destroyed).  The ring may be allocated again afterwards.
 *
 * Context: process.
 * Return: nothing.
 */
void vtnic_ring_free(struct vtnic_ring *ring)
{
	if (ring->pp) {
		vtnic_rx_ring_clean(ring);
		vtnic_ring_free_desc(ring);
		kvfree(ring->rx_page);
		ring->rx_page = NULL;
		page_pool_destroy(ring->pp);
		ring->pp = NULL;
	} else {
		vtnic_tx_ring_clean(ring);
		vtnic_ring_free_desc(ring);
		kvfree(ring->tx_buf);
		ring->tx_buf = NULL;
	}
}
EXPORT_SYMBOL_GPL(vtnic_ring_free);

/**
 * vtnic_ring_set_base() - program a ring's base, length, head and tail
 * @ring: an allocated ring
 * @dbal: offset of its queue's base-low register (RDBAL or TDBAL)
 *
 * Every VT-c queue block, receive or transmit, PF or VF, 82576 or 82599,
 * has the layout VTNIC_RING_* gives, and both descriptor formats are 16
 * bytes.  The ring starts empty.
 *
 * Context: process, with the queue disabled.
 * Return: nothing.
 */
void vtnic_ring_set_base(struct vtnic_ring *ring, u32 dbal)
{
	BUILD_BUG_ON(sizeof(union vtnic_rx_desc) != sizeof(union vtnic_tx_desc));

	vtnic_hw_wr32(ring->hw, dbal, lower_32_bits(ring->dma));
	vtnic_hw_wr32(ring->hw, dbal + VTNIC_RING_DBAH, upper_32_bits(ring->dma));
	vtnic_hw_wr32(ring->hw, dbal + VTNIC_RING_DLEN,
		      ring->count * sizeof(union vtnic_tx_desc));
	vtnic_hw_wr32(ring->hw, dbal + VTNIC_RING_DH, 0);
	ring->tail = dbal + VTNIC_RING_DT;
	vtnic_hw_wr32(ring->hw, ring->tail, 0);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}
EXPORT_SYMBOL_GPL(vtnic_ring_set_base);

/* ---- transmit ---------------------------------------------------------- */

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
 * vtnic_ring_xmit() - put one packet on a TX ring
 * @ring: the TX ring of the packet's queue, set up and running
 * @skb: the packet
 *
 * Stops the queue when the ring cannot take another worst-case packet,
 * and rings the doorbell once per burst (xmit_more).  A packet that
 * cannot be offloaded or mapped is dropped and counted in stats.errors.
 *
 * Context: ndo_start_xmit, under the queue's xmit lock.
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full.
 */
netdev_tx_t vtnic_ring_xmit(struct vtnic_ring *ring, struct sk_buff *skb)
{
	struct netdev_queue *txq = netdev_get_tx_queue(ring->netdev,
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
		vtnic_hw_wr32(ring->hw, ring->tail, i);
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
EXPORT_SYMBOL_GPL(vtnic_ring_xmit);

/**
 * vtnic_clean_tx() - reclaim the packets the device has sent
 * @ring: a TX ring
 * @napi_budget: the poll's budget, for napi_consume_skb() (0: not NAPI)
 * @may_wake: the owner is up, so a queue stopped for lack of
 *	      descriptors may be woken
 *
 * Cleans at most half the ring, completes the bytes for BQL and wakes
 * the queue once enough descriptors are free.
 *
 * Context: NAPI.
 * Return: true when done, false when more work may be left.
 */
bool vtnic_clean_tx(struct vtnic_ring *ring, int napi_budget, bool may_wake)
{
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
		if (netif_tx_queue_stopped(txq) && may_wake) {
			netif_tx_wake_queue(txq);
			u64_stats_update_begin(&ring->stats.syncp);
			ring->stats.restart++;
			u64_stats_update_end(&ring->stats.syncp);
		}
	}
	return budget != UINT_MAX;	/* false: more work may be left */
}
EXPORT_SYMBOL_GPL(vtnic_clean_tx);

/**
 * vtnic_ring_stats_read() - add one ring's counters to a sum
 * @s: the ring's counters
 * @sum: where they are added
 *
 * Context: any; the read retries while NAPI updates the counters.
 * Return: nothing.
 */
void vtnic_ring_stats_read(const struct vtnic_ring_stats *s,
			   struct vtnic_ring_stats *sum)
{
	u64 packets, bytes, restart, busy, csum_err, alloc_fail, errors;
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		packets = s->packets;
		bytes = s->bytes;
		restart = s->restart;
		busy = s->busy;
		csum_err = s->csum_err;
		alloc_fail = s->alloc_fail;
		errors = s->errors;
	} while (u64_stats_fetch_retry(&s->syncp, start));

	sum->packets += packets;
	sum->bytes += bytes;
	sum->restart += restart;
	sum->busy += busy;
	sum->csum_err += csum_err;
	sum->alloc_fail += alloc_fail;
	sum->errors += errors;
}
EXPORT_SYMBOL_GPL(vtnic_ring_stats_read);
