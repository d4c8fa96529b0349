/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: DMA is the CPU's own memory here; syncs do nothing. */
#ifndef _SHIM_LINUX_DMA_MAPPING_H
#define _SHIM_LINUX_DMA_MAPPING_H

#include <linux/types.h>

struct device;

enum dma_data_direction {
	DMA_BIDIRECTIONAL,
	DMA_TO_DEVICE,
	DMA_FROM_DEVICE,
};

#define DEFINE_DMA_UNMAP_ADDR(name)	dma_addr_t name
#define DEFINE_DMA_UNMAP_LEN(name)	u32 name

#define dma_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)

static inline void dma_sync_single_range_for_cpu(struct device *dev,
						 dma_addr_t addr,
						 unsigned long offset,
						 size_t size,
						 enum dma_data_direction dir)
{
}

#endif
