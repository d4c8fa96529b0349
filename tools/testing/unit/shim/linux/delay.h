/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: delays do not wait.  The test defines shim_mdelay_calls
 * and counts how often the code would have slept; code that sleeps with
 * usleep_range() calls shim_usleep_range(), which a test using it defines
 * (to count the sleeps, advance a fake clock, or let a model move on).
 */
#ifndef _SHIM_LINUX_DELAY_H
#define _SHIM_LINUX_DELAY_H

extern unsigned int shim_mdelay_calls;

void shim_usleep_range(unsigned long min, unsigned long max);

#define mdelay(ms)		((void)(ms), shim_mdelay_calls++)
#define usleep_range(min, max)	shim_usleep_range(min, max)

#endif
