/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: a page pool is the test's, which counts the pages it
 * lent and can refuse one (see rx_test.c).
 */
#ifndef _SHIM_NET_PAGE_POOL_HELPERS_H
#define _SHIM_NET_PAGE_POOL_HELPERS_H

#include <linux/mm.h>

struct page_pool;

struct page *page_pool_dev_alloc_pages(struct page_pool *pool);
void page_pool_put_full_page(struct page_pool *pool, struct page *page,
			     bool allow_direct);

static inline dma_addr_t page_pool_get_dma_addr(const struct page *page)
{
	return page->dma;
}

#endif
