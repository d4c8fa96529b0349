/*
 * QEMU Intel 82599 10GbE controller (i82599): datapath state.
 * Owned by i82599_dp.c; see i82599_core.h for the split.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef HW_NET_I82599_DP_H
#define HW_NET_I82599_DP_H

typedef struct I82599DpState {
    int placeholder;
} I82599DpState;

#endif
