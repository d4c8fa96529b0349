/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The commands of vfmgr(8).  Each takes the arguments after its command
 * word, prints its errors, and returns the exit status: 0, 1 for a
 * runtime error, 2 for a usage error.
 */
#ifndef VFMGR_CLI_H
#define VFMGR_CLI_H

#include <stdio.h>

#define VFMGR_EXIT_OK		0
#define VFMGR_EXIT_FAIL		1
#define VFMGR_EXIT_USAGE	2

/* The usage text, as vfmgr(8) gives it */
void vfmgr_usage(FILE *out);

/* list.c: vfmgr list [--json], vfmgr show VF [--json] */
int vfmgr_cmd_list(int argc, char **argv);
int vfmgr_cmd_show(int argc, char **argv);
/* export.c: vfmgr export libvirt|k8s ... */
int vfmgr_cmd_export(int argc, char **argv);

#endif /* VFMGR_CLI_H */
