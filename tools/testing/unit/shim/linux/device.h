/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: struct device and the log calls, counted for tests. */
#ifndef _SHIM_LINUX_DEVICE_H
#define _SHIM_LINUX_DEVICE_H

#include <stdio.h>

struct device {
	const char *name;
	unsigned int nr_err;	/* dev_err() calls, for the tests */
	unsigned int nr_warn;	/* dev_warn() calls */
	char last_warn[160];	/* the last dev_warn() line (%pV unexpanded) */
};

#define dev_err(dev, fmt, ...) \
	do { (dev)->nr_err++; \
	     fprintf(stderr, "%s: " fmt, (dev)->name, ##__VA_ARGS__); } while (0)

#define dev_warn(dev, fmt, ...) \
	do { (dev)->nr_warn++; \
	     snprintf((dev)->last_warn, sizeof((dev)->last_warn), \
		      "%s: " fmt, (dev)->name, ##__VA_ARGS__); \
	     fputs((dev)->last_warn, stderr); } while (0)

#endif
