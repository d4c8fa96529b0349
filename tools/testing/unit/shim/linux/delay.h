/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: delays do not wait.  Code that sleeps with
 * usleep_range() calls shim_usleep_range(), which each test defines (to
 * count the sleeps, advance a fake clock, or let a model move on).
 */
#ifndef _SHIM_LINUX_DELAY_H
#define _SHIM_LINUX_DELAY_H

void shim_usleep_range(unsigned long min, unsigned long max);

#define usleep_range(min, max)	shim_usleep_range(min, max)

#endif
