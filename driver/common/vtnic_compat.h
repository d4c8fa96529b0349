/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few kernel API differences between the releases vtnic builds on
 * (6.1 and later), detected by feature rather than by version number:
 * distribution kernels backport.  VTNIC_HAVE_* come from the Makefile,
 * which looks at the kernel's headers.
 */
#ifndef _VTNIC_COMPAT_H_
#define _VTNIC_COMPAT_H_

#include <linux/ethtool.h>
#include <linux/string.h>

/* 6.6 split net/page_pool.h into types and helpers */
#ifdef VTNIC_HAVE_PAGE_POOL_HELPERS
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif

/* One fixed ethtool string, padded; the same on every release */
static inline void vtnic_ethtool_puts(u8 **data, const char *str)
{
	strscpy_pad((char *)*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}

#endif /* _VTNIC_COMPAT_H_ */
