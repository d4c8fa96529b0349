/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: BIT() and GENMASK() as the kernel defines them. */
#ifndef _SHIM_LINUX_BITS_H
#define _SHIM_LINUX_BITS_H

#define BIT(n)		(1UL << (n))
#define GENMASK(h, l)	(((~0UL) << (l)) & (~0UL >> (sizeof(long) * 8 - 1 - (h))))

#endif
