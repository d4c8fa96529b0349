/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: struct device and the log calls, counted for tests.
 * A quiet device counts and keeps its lines without printing them (the
 * fuzz target logs millions of refusals).
 */
#ifndef _SHIM_LINUX_DEVICE_H
#define _SHIM_LINUX_DEVICE_H

#include <stdio.h>
#include <string.h>

#include <linux/types.h>

struct device {
	const char *name;
	bool quiet;		/* count, do not print */
	unsigned int nr_err;	/* dev_err() calls, for the tests */
	unsigned int nr_warn;	/* dev_warn() calls */
	char warnings[512];	/* their lines, as many as fit (%pV unexpanded) */
};

#define dev_err(dev, fmt, ...) \
	do { struct device *__d = (dev); \
	     __d->nr_err++; \
	     if (!__d->quiet) \
		fprintf(stderr, "%s: " fmt, __d->name, ##__VA_ARGS__); } while (0)

/* Tests count the lines; the kernel's rate limit does not apply here */
#define dev_err_ratelimited(dev, fmt, ...) dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_warn(dev, fmt, ##__VA_ARGS__)

#define dev_warn(dev, fmt, ...) \
	do { struct device *__d = (dev); \
	     size_t __n = strlen(__d->warnings); \
	     __d->nr_warn++; \
	     snprintf(__d->warnings + __n, sizeof(__d->warnings) - __n, \
		      "%s: " fmt, __d->name, ##__VA_ARGS__); \
	     if (!__d->quiet) \
		fprintf(stderr, "%s: " fmt, __d->name, ##__VA_ARGS__); } while (0)

#endif
