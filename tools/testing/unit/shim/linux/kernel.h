/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the <linux/kernel.h> helpers driver/common uses. */
#ifndef _SHIM_LINUX_KERNEL_H
#define _SHIM_LINUX_KERNEL_H

#include <linux/printk.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))

#endif
