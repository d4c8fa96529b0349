/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: errno values from the kernel's UAPI header. */
#ifndef _SHIM_LINUX_ERRNO_H
#define _SHIM_LINUX_ERRNO_H
#include <asm/errno.h>
#endif
