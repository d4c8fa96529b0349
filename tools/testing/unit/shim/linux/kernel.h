/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the <linux/kernel.h> helpers driver/common uses. */
#ifndef _SHIM_LINUX_KERNEL_H
#define _SHIM_LINUX_KERNEL_H

#include <linux/printk.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max_t(type, a, b)	((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
#define upper_32_bits(n)	((u32)((n) >> 32))
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)
#define static_assert(expr, ...) _Static_assert(expr, #expr)

#endif
