// SPDX-License-Identifier: GPL-2.0
/*
 * The receive half of the shared rings: buffers given to the device,
 * frames taken back and handed to the stack.
 */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/mm.h>

#include "vtnic_compat.h"
#include "vtnic_desc.h"
#include "vtnic_ring.h"

/*
 * NAPI refills RX buffers, and writes the tail, once per poll, or every
 * half ring when a poll cleans more: one MMIO write per poll, and the
 * device never runs dry while a poll runs.
 */
#define VTNIC_RX_REFILL_BATCH(ring)	((ring)->count / 2)

static bool vtnic_rx_refill(struct vtnic_ring *ring, u16 n)
{
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
		vtnic_hw_wr32(ring->hw, ring->tail, i);
	}
	return ok;
}

/**
 * vtnic_rx_fill() - give the device a buffer in every free RX descriptor
 * @ring: an RX ring, programmed by vtnic_ring_set_base() and enabled
 *
 * Context: process, at configure time, before NAPI runs on the ring.
 * Return: true, or false when a page could not be allocated; the ring's
 * next poll then refills it.
 */
bool vtnic_rx_fill(struct vtnic_ring *ring)
{
	return vtnic_rx_refill(ring, vtnic_desc_unused(ring));
}
EXPORT_SYMBOL_GPL(vtnic_rx_fill);

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

	if (staterr & ring->rxd_err.csum) {
		u64_stats_update_begin(&ring->stats.syncp);
		ring->stats.csum_err++;
		u64_stats_update_end(&ring->stats.syncp);
		return;
	}
	if (staterr & (VTNIC_RXD_STAT_L4CS | VTNIC_RXD_STAT_UDPCS))
		skb->ip_summed = CHECKSUM_UNNECESSARY;
}

/*
 * Whether a frame complete in @skb may go up: its first buffer must hold
 * a whole Ethernet header, which eth_type_trans() reads from there
 */
static bool vtnic_rx_frame_ok(const struct sk_buff *skb)
{
	return skb_headlen(skb) >= ETH_HLEN;
}

/**
 * vtnic_clean_rx() - deliver the frames the device has received
 * @ring: an RX ring
 * @budget: the most frames to deliver
 *
 * Frames go up through napi_gro_receive() on @ring->napi; a frame over
 * several descriptors is carried in @ring->skb from one poll to the
 * next.  Buffers are refilled as they are cleaned (see
 * VTNIC_RX_REFILL_BATCH).
 *
 * What a descriptor says is checked before it is believed: a length
 * past the buffer the device was given, a frame whose first buffer has
 * no whole Ethernet header, a frame with more buffers than an skb has
 * fragments, and one whose first buffer found no skb are dropped whole,
 * up to its EOP (@ring->rx_discard says, across polls, that the rest of
 * a frame goes); none of their buffers go up as a frame of their own.
 *
 * Context: NAPI, the ring's own.
 * Return: frames delivered.
 */
int vtnic_clean_rx(struct vtnic_ring *ring, int budget)
{
	unsigned int bytes = 0, errors = 0, alloc_fail = 0;
	bool discard = ring->rx_discard;
	struct sk_buff *skb = ring->skb;
	u16 i = ring->next_to_clean;
	u16 cleaned = 0;
	int pkts = 0;

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

		/* No device writes past SRRCTL.BSIZEPKT: a length that does lies */
		if (unlikely(size > VTNIC_RX_BUFSZ) && !discard) {
			discard = true;
			errors++;
		}
		if (!discard)
			dma_sync_single_range_for_cpu(ring->dev,
						      page_pool_get_dma_addr(page),
						      VTNIC_RX_HEADROOM, size,
						      DMA_FROM_DEVICE);
		if (discard) {
			page_pool_put_full_page(ring->pp, page, true);
		} else if (!skb) {
			skb = napi_build_skb(page_address(page), PAGE_SIZE);
			if (unlikely(!skb)) {
				page_pool_put_full_page(ring->pp, page, true);
				alloc_fail++;
				discard = true;
			} else {
				skb_mark_for_recycle(skb);
				skb_reserve(skb, VTNIC_RX_HEADROOM);
				__skb_put(skb, size);
			}
		} else if (skb_shinfo(skb)->nr_frags < MAX_SKB_FRAGS) {
			skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
					VTNIC_RX_HEADROOM, size, PAGE_SIZE);
		} else {
			page_pool_put_full_page(ring->pp, page, true);
			discard = true;	/* longer than any MTU: never a frame */
			errors++;
		}

		if (!(staterr & VTNIC_RXD_STAT_EOP))
			continue;

		if (unlikely(discard || (staterr & ring->rxd_err.frame) ||
			     !vtnic_rx_frame_ok(skb))) {
			/* Counted where discard was set, or here */
			if (!discard)
				errors++;
			dev_kfree_skb_any(skb);
			skb = NULL;
			discard = false;
			continue;
		}

		vtnic_rx_hash(ring, desc, skb);
		vtnic_rx_csum(ring, staterr, skb);
		if ((staterr & VTNIC_RXD_STAT_VP) &&
		    (ring->netdev->features & NETIF_F_HW_VLAN_CTAG_RX)) {
			u16 vid = le16_to_cpu(desc->wb.vlan) & VLAN_VID_MASK;

			/*
			 * A VF behind a port VLAN gets that VLAN stripped but
			 * must not see it: only the VLANs it added are tags.
			 */
			if (!ring->vlans || test_bit(vid, ring->vlans))
				__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
						       le16_to_cpu(desc->wb.vlan));
		}

		bytes += skb->len;
		pkts++;
		skb->protocol = eth_type_trans(skb, ring->netdev);
		skb_record_rx_queue(skb, ring->queue_index);
		napi_gro_receive(ring->napi, skb);
		skb = NULL;

		if (cleaned >= VTNIC_RX_REFILL_BATCH(ring)) {
			ring->next_to_clean = i;
			vtnic_rx_refill(ring, cleaned);
			cleaned = 0;
		}
	}
	ring->next_to_clean = i;
	ring->skb = skb;
	ring->rx_discard = discard;
	vtnic_rx_refill(ring, cleaned);

	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.packets += pkts;
	ring->stats.bytes += bytes;
	ring->stats.errors += errors;
	ring->stats.alloc_fail += alloc_fail;
	u64_stats_update_end(&ring->stats.syncp);

	return pkts;
}
EXPORT_SYMBOL_GPL(vtnic_clean_rx);
