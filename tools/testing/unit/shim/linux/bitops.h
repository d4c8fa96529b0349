/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: bitmap tests, without the kernel's atomics. */
#ifndef _SHIM_LINUX_BITOPS_H
#define _SHIM_LINUX_BITOPS_H

#include <linux/types.h>

#define BITS_PER_LONG	(8 * sizeof(long))

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG) & 1;
}

#endif
