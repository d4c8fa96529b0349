// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the receive ring (driver/common/vtnic_rx.c, compiled
 * unchanged): what vtnic_clean_rx() makes of the descriptors a device
 * writes back, the well-formed ones and the ones no buffer can hold.
 *
 * The test is the device.  It takes the buffers the ring gave it in
 * order, as the 82576 and 82599 do (one buffer per descriptor, SRRCTL's
 * BSIZEPKT bytes each, the last one of a frame marked EOP), and writes a
 * tag into each so that a delivered frame says where it came from.  The
 * page pool and the stack are the test's too: the pool counts the pages
 * it lent and fails on a page returned twice or never lent, the skb
 * build can be made to fail, and the stack records each frame it gets.
 * The skb shim's __skb_put() asserts that a frame stays within its page
 * where the kernel's would write over skb_shared_info.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <linux/etherdevice.h>
#include <linux/netdevice.h>

#include "vtnic_desc.h"
#include "vtnic_ring.h"

#define RING		64
#define NPAGES		(2 * RING)
#define TAIL		0x1018
#define SHINFO_SIZE	320	/* about the kernel's skb_shared_info */
#define MAX_FRAMES	(2 * RING)

/* ---- the registers: only the tail is written ---- */

static u32 bar[0x2000 / 4];

u32 shim_readl(const void *addr)
{
	return bar[((const u8 *)addr - (const u8 *)bar) / 4];
}

void shim_writel(u32 val, void *addr)
{
	bar[((u8 *)addr - (u8 *)bar) / 4] = val;
}

/* ---- the page pool ---- */

static u8 mem[NPAGES][PAGE_SIZE] __attribute__((aligned(4096)));
static struct page pages[NPAGES];
static bool lent[NPAGES];
static unsigned int nr_lent;

struct page *page_pool_dev_alloc_pages(struct page_pool *pool)
{
	unsigned int i;

	for (i = 0; i < NPAGES; i++) {
		if (lent[i])
			continue;
		lent[i] = true;
		nr_lent++;
		return &pages[i];
	}
	return NULL;
}

void page_pool_put_full_page(struct page_pool *pool, struct page *page,
			     bool allow_direct)
{
	unsigned int i = page - pages;

	assert_true(i < NPAGES);
	assert_true(lent[i]);	/* not put twice, nor never lent */
	lent[i] = false;
	nr_lent--;
}

/* ---- the stack ---- */

static unsigned int fail_builds;	/* napi_build_skb() calls to fail */

struct sk_buff *napi_build_skb(void *data, unsigned int frag_size)
{
	struct sk_buff *skb;
	unsigned int i;

	if (fail_builds) {
		fail_builds--;
		return NULL;
	}
	skb = calloc(1, sizeof(*skb));
	assert_non_null(skb);
	for (i = 0; i < NPAGES && pages[i].addr != data; i++)
		;
	assert_true(i < NPAGES);
	skb->head_page = &pages[i];
	skb->head = data;
	skb->data = data;
	skb->end = frag_size - SKB_DATA_ALIGN(SHINFO_SIZE);
	return skb;
}

void dev_kfree_skb_any(struct sk_buff *skb)
{
	unsigned int i;

	if (!skb)
		return;
	assert_true(skb->recycle);	/* its pages go back to the pool */
	page_pool_put_full_page(NULL, skb->head_page, false);
	for (i = 0; i < skb->shinfo.nr_frags; i++)
		page_pool_put_full_page(NULL, skb->shinfo.frags[i].page, false);
	free(skb);
}

struct frame {
	unsigned int len;
	unsigned int nr_frags;
	u8 tag;
};

static struct frame got[MAX_FRAMES];
static unsigned int nr_got;
static unsigned int nr_short_head;	/* a header the linear part lacks */

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	if (skb_headlen(skb) < ETH_HLEN)
		nr_short_head++;
	return htons(0x0800);
}

void napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	assert_true(nr_got < MAX_FRAMES);
	got[nr_got++] = (struct frame){
		.len = skb->len,
		.nr_frags = skb->shinfo.nr_frags,
		.tag = skb->data[0],
	};
	dev_kfree_skb_any(skb);
}

/* ---- the ring, and the device that fills it ---- */

static union vtnic_rx_desc desc[RING];
static struct page *rx_page[RING];
static struct net_device netdev;
static struct napi_struct napi;
static struct vtnic_hw hw;
static struct vtnic_ring ring;
static unsigned int dev_next;	/* the device's head */

static int setup(void **state)
{
	unsigned int i;

	memset(bar, 0, sizeof(bar));
	memset(desc, 0, sizeof(desc));
	memset(rx_page, 0, sizeof(rx_page));
	memset(lent, 0, sizeof(lent));
	for (i = 0; i < NPAGES; i++)
		pages[i] = (struct page){ mem[i], 0x100000000ULL + i * PAGE_SIZE };
	nr_lent = 0;
	fail_builds = 0;
	nr_got = 0;
	nr_short_head = 0;
	dev_next = 0;
	netdev = (struct net_device){ .present = true,
				      .features = NETIF_F_RXCSUM };
	napi.dev = &netdev;
	hw = (struct vtnic_hw){ .hw_addr = (u8 *)bar, .netdev = &netdev };
	ring = (struct vtnic_ring){
		.napi = &napi, .netdev = &netdev, .hw = &hw, .tail = TAIL,
		.desc = desc, .count = RING, .rx_page = rx_page,
		.rxd_err = VTNIC_RXD_ERRORS_82599,
	};
	assert_true(vtnic_rx_fill(&ring));
	assert_int_equal(bar[TAIL / 4], RING - 1);
	return 0;
}

/* Every page the pool lent is in a descriptor: none lost, none kept */
static int teardown(void **state)
{
	unsigned int i, held = 0;

	for (i = 0; i < RING; i++)
		held += !!rx_page[i];
	assert_int_equal(nr_lent, held);
	assert_int_equal(nr_short_head, 0);
	return 0;
}

/* The device writes back its next descriptor: @len bytes of @tag */
static void dev_put(unsigned int len, u32 status, u8 tag)
{
	union vtnic_rx_desc *d = &desc[dev_next];
	struct page *page = rx_page[dev_next];

	/* The device only uses what it was given, up to the tail */
	assert_int_not_equal(dev_next, bar[TAIL / 4]);
	assert_non_null(page);
	assert_int_equal(le64_to_cpu(d->read.pkt_addr),
			 page->dma + VTNIC_RX_HEADROOM);
	memset((u8 *)page->addr + VTNIC_RX_HEADROOM, tag,
	       min_t(unsigned int, len, VTNIC_RX_BUFSZ));
	memset(d, 0, sizeof(*d));
	d->wb.length = cpu_to_le16(len);
	d->wb.status_error = cpu_to_le32(VTNIC_RXD_STAT_DD | status);
	dev_next = (dev_next + 1) % RING;
}

/* A frame as the device writes it: full buffers, then @last bytes, EOP */
static void dev_frame(unsigned int bufs, unsigned int last, u8 tag)
{
	while (--bufs)
		dev_put(VTNIC_RX_BUFSZ, 0, tag);
	dev_put(last, VTNIC_RXD_STAT_EOP, tag);
}

static u64 rx_errors(void)
{
	return ring.stats.errors;
}

static void test_frames(void **state)
{
	dev_frame(1, 60, 1);
	dev_frame(3, 100, 2);
	dev_frame(1, 1514, 3);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 3);
	assert_int_equal(nr_got, 3);
	assert_int_equal(got[0].len, 60);
	assert_int_equal(got[0].tag, 1);
	assert_int_equal(got[1].len, 2 * VTNIC_RX_BUFSZ + 100);
	assert_int_equal(got[1].nr_frags, 2);
	assert_int_equal(got[1].tag, 2);
	assert_int_equal(got[2].len, 1514);
	assert_int_equal(ring.stats.packets, 3);
	assert_int_equal(rx_errors(), 0);
}

/* A jumbo frame arriving over two polls is still one frame */
static void test_frame_across_polls(void **state)
{
	dev_put(VTNIC_RX_BUFSZ, 0, 1);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 0);
	dev_put(200, VTNIC_RXD_STAT_EOP, 1);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(got[0].len, VTNIC_RX_BUFSZ + 200);
}

/*
 * No skb for a jumbo frame's first buffer: the whole frame is dropped.
 * Its other buffers are not a frame of their own.
 */
static void test_no_skb_drops_whole_frame(void **state)
{
	fail_builds = 1;
	dev_frame(3, 100, 1);
	dev_frame(1, 60, 2);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(nr_got, 1);
	assert_int_equal(got[0].tag, 2);
	assert_int_equal(got[0].len, 60);
	assert_int_equal(ring.stats.alloc_fail, 1);
}

/* The same when the rest of the frame comes in the next poll */
static void test_no_skb_drop_across_polls(void **state)
{
	fail_builds = 1;
	dev_put(VTNIC_RX_BUFSZ, 0, 1);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 0);
	dev_put(VTNIC_RX_BUFSZ, 0, 1);
	dev_put(100, VTNIC_RXD_STAT_EOP, 1);
	dev_frame(1, 60, 2);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(got[0].tag, 2);
}

/* More buffers than an skb has fragments: dropped whole */
static void test_too_many_buffers(void **state)
{
	dev_frame(MAX_SKB_FRAGS + 3, 100, 1);
	dev_frame(1, 60, 2);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(got[0].tag, 2);
	assert_int_equal(rx_errors(), 1);
}

/* A length past the buffer the device was given is not believed */
static void test_length_past_buffer(void **state)
{
	dev_frame(1, VTNIC_RX_BUFSZ + 1, 1);
	dev_frame(1, 0xffff, 2);
	dev_put(0xffff, 0, 3);
	dev_put(100, VTNIC_RXD_STAT_EOP, 3);
	dev_frame(2, 0xffff, 4);
	dev_frame(1, 60, 5);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(nr_got, 1);
	assert_int_equal(got[0].tag, 5);
	assert_int_equal(rx_errors(), 4);
}

/* No frame without a whole Ethernet header in its first buffer */
static void test_runt(void **state)
{
	dev_frame(1, ETH_HLEN - 1, 1);
	dev_frame(1, 0, 2);
	dev_put(10, 0, 3);
	dev_put(100, VTNIC_RXD_STAT_EOP, 3);
	dev_frame(1, ETH_HLEN, 4);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(got[0].tag, 4);
	assert_int_equal(got[0].len, ETH_HLEN);
	assert_int_equal(rx_errors(), 3);
}

/* A frame error the MAC reports drops the frame, its buffers with it */
static void test_mac_error(void **state)
{
	dev_put(VTNIC_RX_BUFSZ, 0, 1);
	dev_put(100, VTNIC_RXD_STAT_EOP | BIT(24), 1);
	dev_frame(1, 60, 2);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 1);
	assert_int_equal(got[0].tag, 2);
	assert_int_equal(rx_errors(), 1);
}

/* The budget counts frames; the ring keeps being refilled past it */
static void test_budget_and_refill(void **state)
{
	unsigned int i;

	for (i = 0; i < 40; i++)
		dev_frame(1, 60, i);
	assert_int_equal(vtnic_clean_rx(&ring, 8), 8);
	nr_got = 0;
	assert_int_equal(vtnic_clean_rx(&ring, 64), 32);
	/* Every descriptor but one is the device's again */
	assert_int_equal(vtnic_desc_unused(&ring), 0);
	nr_got = 0;
	for (i = 0; i < 40; i++)
		dev_frame(1, 60, i);
	assert_int_equal(vtnic_clean_rx(&ring, 64), 40);
}

int main(void)
{
#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_frames),
		T(test_frame_across_polls),
		T(test_no_skb_drops_whole_frame),
		T(test_no_skb_drop_across_polls),
		T(test_too_many_buffers),
		T(test_length_past_buffer),
		T(test_runt),
		T(test_mac_error),
		T(test_budget_and_refill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
