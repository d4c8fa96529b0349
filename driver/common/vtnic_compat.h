/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few kernel API differences between the releases vtnic builds on
 * (6.1 and later).  Each entry names the release that changed the API.
 */
#ifndef _VTNIC_COMPAT_H_
#define _VTNIC_COMPAT_H_

#include <linux/ethtool.h>
#include <linux/version.h>

/* 6.6 split net/page_pool.h into types and helpers */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif

/* 6.8 added ethtool_puts() for fixed strings */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
static inline void ethtool_puts(u8 **data, const char *str)
{
	ethtool_sprintf(data, "%s", str);
}
#endif

/* 6.8 passes the RSS settings to get_rxfh/set_rxfh in one struct */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define VTNIC_RXFH_PARAM 1
#endif

#endif /* _VTNIC_COMPAT_H_ */
