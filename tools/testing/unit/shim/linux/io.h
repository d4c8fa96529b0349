/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: MMIO goes to the register model of the test, which
 * defines shim_readl() and shim_writel() over a BAR of its own.  The
 * model is plain memory, so the accessors take plain pointers.
 */
#ifndef _SHIM_LINUX_IO_H
#define _SHIM_LINUX_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

u32 shim_readl(const void *addr);
void shim_writel(u32 val, void *addr);

#define readl(addr)		shim_readl((const void *)(addr))
#define writel(val, addr)	shim_writel(val, (void *)(addr))

#endif
