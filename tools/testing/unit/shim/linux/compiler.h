/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: annotations and once-accessors. */
#ifndef _SHIM_LINUX_COMPILER_H
#define _SHIM_LINUX_COMPILER_H

#define __iomem
#define __weak			__attribute__((weak))
#define __noreturn		__attribute__((__noreturn__))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile typeof(x) *)&(x) = (val))

#endif
