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
#include <net/devlink.h>

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

/*
 * Before 6.2 devlink dev info names the driver only if the driver puts
 * its name in; 6.2 names it from the bound driver and dropped the call
 */
static inline int
vtnic_devlink_info_driver_name_put(struct devlink_info_req *req,
				   const char *name)
{
#ifdef VTNIC_HAVE_DEVLINK_DRIVER_NAME_PUT
	return devlink_info_driver_name_put(req, name);
#else
	return 0;
#endif
}

#endif /* _VTNIC_COMPAT_H_ */
