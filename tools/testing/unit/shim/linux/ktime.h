/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: the monotonic clock is the test's, which sleeps advance
 * (the register model's by default, see model_core.c).
 */
#ifndef _SHIM_LINUX_KTIME_H
#define _SHIM_LINUX_KTIME_H

#include <linux/types.h>

#define NSEC_PER_USEC	1000ULL

u64 shim_ktime_get_ns(void);

static inline u64 ktime_get_ns(void)
{
	return shim_ktime_get_ns();
}

#endif
