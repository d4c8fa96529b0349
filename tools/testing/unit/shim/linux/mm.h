/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: a page is a 4 KB buffer the test allocated, with the
 * bus address the test's page pool gave it.
 */
#ifndef _SHIM_LINUX_MM_H
#define _SHIM_LINUX_MM_H

#include <linux/types.h>

#define PAGE_SIZE	4096UL

struct page {
	void *addr;
	dma_addr_t dma;
};

static inline void *page_address(const struct page *page)
{
	return page->addr;
}

#endif
