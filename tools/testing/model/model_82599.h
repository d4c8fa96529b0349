/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A model of the 82599 PF's SR-IOV registers, for the userspace tests
 * that run driver/common's 82599 writers and the ixgbe dialect against
 * it: iov82599_test.c and the fuzz target's ixgbe half.
 *
 * The BAR, the mailbox (PFMAILBOX, PFMBMEM, the four PFMBICR), the VF
 * reset events (PFVFLRE, cleared through PFVFLREC) and RTTBCNRC behind
 * RTTDQSEL are the shared core's (model_core.h), at the 82599's offsets
 * (82599 datasheet 8.2.3.27, 8.2.3.10): model_init(m, &model_82599_mac).
 * PFQDE is indirect (8.2.3.27.9): a write with WE sets queue IDX's QDE,
 * kept in the core's per-queue @qreg.
 *
 * Beside the registers, what they mean (7.10.3): model_82599_rx_pools()
 * says which pools receive a frame and model_82599_tx_rate() how fast a
 * pool may send.  Left out: the PFUTA unicast hash, mirroring, VLAN
 * stripping (per queue, the queue driver's), RSS.
 */
#ifndef _MODEL_82599_H_
#define _MODEL_82599_H_

#include <linux/kernel.h>
#include <linux/types.h>

#include "model_core.h"
#include "vtnic_82599_regs.h"
#include "vtnic_mbx_msg.h"

/* The 82599 keeps one of its 64 pools for the PF */
#define VTNIC_82599_MAX_VFS	(VTNIC_82599_POOLS - 1)

extern const struct model_mac model_82599_mac;

u64 model_82599_rx_pools(const struct model *m, const struct model_frame *f);
unsigned int model_82599_pool_queues(const struct model *m);
u32 model_82599_tx_rate(const struct model *m, unsigned int pool,
			u32 link_mbps);
u32 model_82599_vf_owned_bits(const struct model *m, unsigned int vf, u32 reg,
			      u32 before, u32 after);

#endif /* _MODEL_82599_H_ */
