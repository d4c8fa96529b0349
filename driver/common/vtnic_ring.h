/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Descriptor rings, transmit and receive, shared by the PF (vtnic) and
 * the VF (vtnicvf): both functions use the same advanced descriptors
 * and the same queue register block layout, so one datapath serves
 * both.  Each driver owns its vectors and NAPI; a ring only knows its
 * NAPI context, its tail register and its DMA device.
 */
#ifndef _VTNIC_RING_H_
#define _VTNIC_RING_H_

#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/u64_stats_sync.h>

#include "vtnic_hw.h"

/*
 * A queue's register block, receive or transmit, from its base-low
 * register: the same on every VT-c function (82576 datasheet 8.10.x,
 * 8.12.x, 8.14.x; 82599 datasheet 8.2.3.8, 8.2.3.9, 8.3.5.2)
 */
#define VTNIC_RING_DBAL		0x00
#define VTNIC_RING_DBAH		0x04
#define VTNIC_RING_DLEN		0x08
#define VTNIC_RING_DH		0x10
#define VTNIC_RING_DT		0x18

#define VTNIC_DEFAULT_RING	256
#define VTNIC_MIN_RING		64
#define VTNIC_MAX_RING		4096
#define VTNIC_RING_ALIGN	8	/* xDLEN is a multiple of 128 bytes */

/* One page per receive buffer: headroom, 3 KB for the device, skb_shared_info */
#define VTNIC_RX_HEADROOM	(NET_SKB_PAD + NET_IP_ALIGN)
#define VTNIC_RX_BUFSZ		3072

/* A TX descriptor carries at most 32 KB, so a TSO head may take several */
#define VTNIC_TXD_MAX_DATA	BIT(15)
/* Worst case per packet: context + one per 32 KB of head and each frag */
#define VTNIC_TX_DESC_NEEDED	(MAX_SKB_FRAGS + 4)
#define VTNIC_TX_WAKE_THRESH	(VTNIC_TX_DESC_NEEDED * 2)

struct vtnic_tx_buffer {
	struct sk_buff *skb;		/* set on the first buffer of a packet */
	union vtnic_tx_desc *next_to_watch;	/* its last descriptor */
	unsigned int bytecount;
	unsigned short gso_segs;
	bool mapped_single;		/* head (dma_map_single) or page frag */
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

/**
 * struct vtnic_ring_stats - per-ring counters, updated by NAPI only
 * @packets: frames completed (TX) or delivered (RX)
 * @bytes: their bytes
 * @restart: TX: queue woken after it was stopped for lack of descriptors
 * @busy: TX: NETDEV_TX_BUSY returned
 * @csum_err: RX: the device flagged a bad L3/L4 checksum
 * @alloc_fail: RX: no page for a buffer
 * @errors: RX: frames with a MAC error, or with descriptors not believed
 *	    (vtnic_clean_rx()); TX: packets that could not be mapped or
 *	    offloaded; both dropped
 * @syncp: makes the 64-bit counters readable on 32-bit hosts
 */
struct vtnic_ring_stats {
	u64 packets;
	u64 bytes;
	u64 restart;
	u64 busy;
	u64 csum_err;
	u64 alloc_fail;
	u64 errors;
	struct u64_stats_sync syncp;
};

/**
 * struct vtnic_ring - one receive or transmit descriptor ring
 * @napi: the NAPI context that cleans it (RX delivers through it)
 * @netdev: its netdev
 * @dev: DMA device
 * @hw: register window the tail register is in
 * @tail: offset of the tail register, set by vtnic_ring_set_base()
 * @desc: descriptors (coherent DMA)
 * @dma: their bus address
 * @size: bytes of @desc
 * @count: descriptors
 * @queue_index: stack queue index
 * @reg_idx: device queue it is programmed into
 * @next_to_use: next descriptor software fills
 * @next_to_clean: next descriptor software expects back
 * @tx_buf: TX: per-descriptor buffer state
 * @rx_page: RX: page held by each descriptor
 * @pp: RX: page pool the buffers come from
 * @skb: RX: frame in progress across descriptors
 * @rx_discard: RX: the frame in progress is being dropped, up to its EOP
 * @vlans: RX: when set, a stripped tag is passed up only for these VLAN
 *	   IDs (a VF: the host's port VLAN is not the guest's business)
 * @rxd_err: RX: where the MAC's write-back reports errors
 * @stats: counters
 *
 * The owner fills @napi through @reg_idx and @rxd_err, then calls
 * vtnic_ring_init().
 */
struct vtnic_ring {
	struct napi_struct *napi;
	struct net_device *netdev;
	struct device *dev;
	struct vtnic_hw *hw;
	u32 tail;
	void *desc;
	dma_addr_t dma;
	unsigned int size;
	u16 count;
	u16 queue_index;
	u8 reg_idx;
	u16 next_to_use;
	u16 next_to_clean;
	union {
		struct vtnic_tx_buffer *tx_buf;
		struct page **rx_page;
	};
	struct page_pool *pp;
	struct sk_buff *skb;
	bool rx_discard;
	const unsigned long *vlans;
	struct vtnic_rxd_errors rxd_err;
	struct vtnic_ring_stats stats;
};

/* Descriptors software may fill: one is always left empty */
static inline u16 vtnic_desc_unused(const struct vtnic_ring *ring)
{
	u16 ntc = ring->next_to_clean, ntu = ring->next_to_use;

	return ((ntc > ntu) ? 0 : ring->count) + ntc - ntu - 1;
}

void vtnic_ring_init(struct vtnic_ring *ring);
int vtnic_tx_ring_alloc(struct vtnic_ring *ring);
int vtnic_rx_ring_alloc(struct vtnic_ring *ring);
void vtnic_ring_free(struct vtnic_ring *ring);
void vtnic_ring_set_base(struct vtnic_ring *ring, u32 dbal);
bool vtnic_rx_fill(struct vtnic_ring *ring);
netdev_tx_t vtnic_ring_xmit(struct vtnic_ring *ring, struct sk_buff *skb);
bool vtnic_clean_tx(struct vtnic_ring *ring, int napi_budget, bool may_wake);
int vtnic_clean_rx(struct vtnic_ring *ring, int budget);
void vtnic_ring_stats_read(const struct vtnic_ring_stats *s,
			   struct vtnic_ring_stats *sum);

#endif /* _VTNIC_RING_H_ */
