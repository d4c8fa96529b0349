/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the <linux/limits.h> bounds driver/common uses. */
#ifndef _SHIM_LINUX_LIMITS_H
#define _SHIM_LINUX_LIMITS_H

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)

#endif
