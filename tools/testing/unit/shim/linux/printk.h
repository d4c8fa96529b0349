/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: struct va_format, what the kernel's %pV prints.  The
 * shim's log calls do not expand %pV (printf shows a pointer): the tests
 * count log lines, they do not read them.
 */
#ifndef _SHIM_LINUX_PRINTK_H
#define _SHIM_LINUX_PRINTK_H

#include <stdarg.h>

struct va_format {
	const char *fmt;
	va_list *va;
};

#endif
