/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: struct device and the log calls, counted for tests. */
#ifndef _SHIM_LINUX_DEVICE_H
#define _SHIM_LINUX_DEVICE_H

#include <stdio.h>
#include <string.h>

struct device {
	const char *name;
	unsigned int nr_err;	/* dev_err() calls, for the tests */
	unsigned int nr_warn;	/* dev_warn() calls */
	char warnings[512];	/* their lines, as many as fit (%pV unexpanded) */
};

#define dev_err(dev, fmt, ...) \
	do { (dev)->nr_err++; \
	     fprintf(stderr, "%s: " fmt, (dev)->name, ##__VA_ARGS__); } while (0)

#define dev_warn(dev, fmt, ...) \
	do { struct device *__d = (dev); \
	     size_t __n = strlen(__d->warnings); \
	     __d->nr_warn++; \
	     snprintf(__d->warnings + __n, sizeof(__d->warnings) - __n, \
		      "%s: " fmt, __d->name, ##__VA_ARGS__); \
	     fprintf(stderr, "%s: " fmt, __d->name, ##__VA_ARGS__); } while (0)

#endif
