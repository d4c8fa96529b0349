/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfmgr's commands served by vfmgrd.  Each takes the arguments after its
 * keyword and returns the exit status: 0, 1 (vfmgrd refused or could not
 * be reached: the reason is on standard error), 2 (usage).
 */
#ifndef VFMGR_CTL_H
#define VFMGR_CTL_H

#include <stdbool.h>

int vfmgr_cmd_alloc(int argc, char **argv);
int vfmgr_cmd_release(int argc, char **argv);
int vfmgr_cmd_status(int argc, char **argv);
int vfmgr_cmd_reload(int argc, char **argv);

#endif /* VFMGR_CTL_H */
