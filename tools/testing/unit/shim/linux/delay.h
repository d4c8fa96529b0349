/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: delays do not wait; the test defines shim_mdelay_calls
 * and counts how often the code would have slept.
 */
#ifndef _SHIM_LINUX_DELAY_H
#define _SHIM_LINUX_DELAY_H

extern unsigned int shim_mdelay_calls;

#define mdelay(ms)	((void)(ms), shim_mdelay_calls++)

#endif
