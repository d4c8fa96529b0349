/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: struct device and the log calls, counted for tests. */
#ifndef _SHIM_LINUX_DEVICE_H
#define _SHIM_LINUX_DEVICE_H

#include <stdio.h>

struct device {
	const char *name;
	unsigned int nr_err;	/* dev_err() calls, for the tests */
};

#define dev_err(dev, fmt, ...) \
	do { (dev)->nr_err++; \
	     fprintf(stderr, "%s: " fmt, (dev)->name, ##__VA_ARGS__); } while (0)

#endif
