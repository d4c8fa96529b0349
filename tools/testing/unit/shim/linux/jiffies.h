/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: the tick counter is a variable the test defines and
 * advances by hand; the comparisons are the kernel's, wrap-safe.
 */
#ifndef _SHIM_LINUX_JIFFIES_H
#define _SHIM_LINUX_JIFFIES_H

#define HZ	250

extern unsigned long jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif
