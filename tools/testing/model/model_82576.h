/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A model of the 82576 PF's register window, for the userspace tests that
 * run driver/common against it: the unit tests (iov_test.c, and the PF
 * half of mbx_vf_test.c) and the fuzz target (tools/testing/fuzz/).
 *
 * The BAR, the mailbox (P2VMAILBOX, VMBMEM, MBVFICR), VFLRE and RTTBCNRC
 * behind RTTDQSEL are the shared core's (model_core.h), at the 82576's
 * offsets (82576 datasheet 7.8 and 8.13): model_init(m, &model_82576_mac).
 *
 * Beside the registers, what they mean (82576 datasheet 7.10.3, 7.8.3):
 * model_rx_pools() says which pools receive a frame, model_rx_strips_tag()
 * whether one of them gets it untagged, model_tx_*() what a pool's
 * transmit path does, so a test can ask what the device would do rather
 * than compare the bits the driver wrote with bits it computes the same
 * way.
 */
#ifndef _MODEL_82576_H_
#define _MODEL_82576_H_

#include <linux/kernel.h>
#include <linux/types.h>

#include "model_core.h"
#include "vtnic_82576_regs.h"
#include "vtnic_82576vf_regs.h"
#include "vtnic_mbx_msg.h"

/* The 82576 keeps one of its pools for the PF */
#define VTNIC_82576_MAX_VFS	(VTNIC_POOLS - 1)

extern const struct model_mac model_82576_mac;

u32 model_rx_pools(const struct model *m, const struct model_frame *f);
bool model_rx_strips_tag(const struct model *m, unsigned int pool,
			 const struct model_frame *f);
bool model_tx_enabled(const struct model *m, unsigned int pool);
u16 model_tx_vlan(const struct model *m, unsigned int pool, u8 *prio);
bool model_tx_spoofchk(const struct model *m, unsigned int pool);
bool model_tx_loopback(const struct model *m);
u32 model_tx_rate(const struct model *m, unsigned int pool,
		  u32 link_mbps);

u32 model_vf_owned_bits(unsigned int vf, u32 reg, u32 before, u32 after);

#endif /* _MODEL_82576_H_ */
