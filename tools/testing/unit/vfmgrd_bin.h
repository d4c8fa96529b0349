/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vfmgrd a daemon test starts: argv[1] when given, else the one
 * "make vfmgr" built beside the test (build/vfmgr/vfmgrd from build/unit)
 */
#ifndef VFMGRD_BIN_H
#define VFMGRD_BIN_H

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Fill @bin (@size bytes); -1 when the test's own path cannot be read */
static inline int vfmgrd_bin_find(char *bin, size_t size, int argc,
				  char **argv)
{
	char self[PATH_MAX - 32];
	ssize_t n;

	if (argc > 1) {
		snprintf(bin, size, "%s", argv[1]);
		return 0;
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0)
		return -1;
	self[n] = '\0';
	*strrchr(self, '/') = '\0';
	snprintf(bin, size, "%s/../vfmgr/vfmgrd", self);
	return 0;
}

#endif /* VFMGRD_BIN_H */
