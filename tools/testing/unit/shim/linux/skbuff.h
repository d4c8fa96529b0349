/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: an sk_buff over a page the driver built it on, with
 * page fragments.  Unlike the kernel's, __skb_put() checks that the
 * frame stays clear of skb_shared_info, so that a length the driver
 * believed and should not have stops the test instead of corrupting
 * memory.  Building and freeing one are the test's (rx_test.c), which
 * can refuse a build and counts the pages.
 */
#ifndef _SHIM_LINUX_SKBUFF_H
#define _SHIM_LINUX_SKBUFF_H

#include <stdlib.h>

#include <linux/mm.h>
#include <linux/types.h>

/* Where the kernel would corrupt memory, the test stops */
#define SHIM_BUG_ON(cond)	do { if (cond) abort(); } while (0)

#define MAX_SKB_FRAGS		17
#define NET_SKB_PAD		64
#define NET_IP_ALIGN		0
#define SKB_DATA_ALIGN(x)	(((x) + 63) & ~63UL)

#define CHECKSUM_NONE		0
#define CHECKSUM_UNNECESSARY	1

enum pkt_hash_types {
	PKT_HASH_TYPE_NONE,
	PKT_HASH_TYPE_L2,
	PKT_HASH_TYPE_L3,
	PKT_HASH_TYPE_L4,
};

struct skb_frag {
	struct page *page;
	unsigned int off;
	unsigned int size;
};

struct skb_shared_info {
	u8 nr_frags;
	struct skb_frag frags[MAX_SKB_FRAGS];
};

struct sk_buff {
	struct page *head_page;	/* the page the skb was built on */
	unsigned char *head;
	unsigned char *data;
	unsigned int end;	/* offset of skb_shared_info in @head */
	unsigned int len;
	unsigned int data_len;
	struct skb_shared_info shinfo;
	bool recycle;
	__be16 protocol;
	u32 hash;
	enum pkt_hash_types hash_type;
	u8 ip_summed;
	bool vlan_present;
	__be16 vlan_proto;
	u16 vlan_tci;
	u16 queue_mapping;
};

struct sk_buff *napi_build_skb(void *data, unsigned int frag_size);
void dev_kfree_skb_any(struct sk_buff *skb);

static inline struct skb_shared_info *skb_shinfo(struct sk_buff *skb)
{
	return &skb->shinfo;
}

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline void skb_mark_for_recycle(struct sk_buff *skb)
{
	skb->recycle = true;
}

static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
}

static inline void *__skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tail = skb->data + skb->len;

	SHIM_BUG_ON(skb->data + skb->len + len > skb->head + skb->end);
	skb->len += len;
	return tail;
}

static inline void skb_add_rx_frag(struct sk_buff *skb, int i,
				   struct page *page, int off, int size,
				   unsigned int truesize)
{
	SHIM_BUG_ON(i >= MAX_SKB_FRAGS);
	skb->shinfo.frags[i] = (struct skb_frag){ page, off, size };
	skb->shinfo.nr_frags = i + 1;
	skb->len += size;
	skb->data_len += size;
}

static inline void skb_set_hash(struct sk_buff *skb, u32 hash,
				enum pkt_hash_types type)
{
	skb->hash = hash;
	skb->hash_type = type;
}

static inline void skb_checksum_none_assert(const struct sk_buff *skb)
{
	SHIM_BUG_ON(skb->ip_summed != CHECKSUM_NONE);
}

static inline void skb_record_rx_queue(struct sk_buff *skb, u16 rx_queue)
{
	skb->queue_mapping = rx_queue + 1;
}

#endif
