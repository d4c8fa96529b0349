/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: BUILD_BUG_ON and static_assert live in kernel.h here. */
#ifndef _SHIM_LINUX_BUILD_BUG_H
#define _SHIM_LINUX_BUILD_BUG_H
#include <linux/kernel.h>
#endif
