/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: BIT() and GENMASK() as the kernel defines them. */
#ifndef _SHIM_LINUX_BITS_H
#define _SHIM_LINUX_BITS_H

#define BIT(n)		(1UL << (n))
#define BIT_ULL(n)	(1ULL << (n))
#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (64 - 1 - (h))))
#define GENMASK(h, l)	(((~0UL) << (l)) & (~0UL >> (sizeof(long) * 8 - 1 - (h))))

#endif
