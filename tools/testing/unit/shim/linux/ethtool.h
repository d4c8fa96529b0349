/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: what vtnic_compat.h needs of <linux/ethtool.h>. */
#ifndef _SHIM_LINUX_ETHTOOL_H
#define _SHIM_LINUX_ETHTOOL_H

#include <string.h>

#define ETH_GSTRING_LEN	32

static inline void strscpy_pad(char *dst, const char *src, size_t n)
{
	strncpy(dst, src, n - 1);
	dst[n - 1] = '\0';
}

#endif
