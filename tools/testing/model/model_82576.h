/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A model of the 82576 PF's register window, for the userspace tests that
 * run driver/common against it: the unit tests (iov_test.c, and the PF
 * half of mbx_vf_test.c) and the fuzz target (tools/testing/fuzz/).
 *
 * The BAR is an array plus what the code relies on (82576 datasheet 7.8
 * and 8.13):
 *
 * - P2VMAILBOX(n) grants PFU only while the VF does not hold the buffer
 *   (VFU) and reads back PFU/VFU; any write without PFU drops it; RVFU
 *   takes VFU from a stuck VF.  STS and ACK are commands, counted per VF.
 * - The PF using VMBMEM(n), or writing STS or ACK, without holding PFU is
 *   a protocol error, counted.
 * - MBVFICR and VFLRE are write-1-to-clear.
 * - RTTBCNRC is one register per queue behind the RTTDQSEL selector; a
 *   selector past the queues is a protocol error.
 *
 * Beside the registers, what they mean (82576 datasheet 7.10.3, 7.8.3):
 * model_rx_pools() says which pools receive a frame, model_tx_*() what a
 * pool's transmit path does, so a test can ask what the device would do
 * rather than compare the bits the driver wrote with bits it computes
 * the same way.
 *
 * Every write is logged with the register's value before and after it,
 * and handed to an optional hook, through which a test models what the
 * VF side sees (mbx_vf_test.c) or checks each message as it is answered
 * (the fuzz target).  The VF side of the hardware is a few helpers that
 * do what the device does when a VF posts, acknowledges or resets.
 *
 * Each user defines shim_readl()/shim_writel() over model_read() and
 * model_write(), and model_fail(), which reports a misuse of the model.
 */
#ifndef _MODEL_82576_H_
#define _MODEL_82576_H_

#include <linux/if_ether.h>
#include <linux/kernel.h>
#include <linux/types.h>

#include "vtnic_82576_regs.h"
#include "vtnic_82576vf_regs.h"
#include "vtnic_mbx_msg.h"

/* usleep_range() calls of the code under test, unless the test counts them */
extern unsigned int model_sleeps;

/* The 82576 keeps one of its pools for the PF */
#define VTNIC_82576_MAX_VFS	(VTNIC_POOLS - 1)

#define MODEL_BAR_SIZE		0x20000
#define MODEL_LOG_MAX		16384

/**
 * struct model_write - one register write of the code under test
 * @reg: byte offset in the BAR
 * @val: the value written
 * @before: the register before the write (RTTBCNRC: the selected queue's)
 * @after: the register after it (write-1-to-clear: the bits left)
 * @queue: the queue RTTDQSEL selected, for RTTBCNRC
 */
struct model_write {
	u32 reg;
	u32 val;
	u32 before;
	u32 after;
	u32 queue;
};

/**
 * struct model_82576 - the PF's BAR and the state behind it
 * @bar: the registers, by byte offset / 4
 * @bcnrc: RTTBCNRC of each queue
 * @vfu: the VF holds its buffer
 * @pfu: the PF holds it
 * @sts: messages the PF posted to each VF (STS writes)
 * @acks: VF messages the PF acknowledged (ACK writes)
 * @protocol_errors: mailbox used without holding it, bad selector
 * @log: the writes since model_log_clear(), the first MODEL_LOG_MAX
 * @nr_log: how many there were; more than MODEL_LOG_MAX is an overflow
 * @write_hook: called after every write took effect, may be NULL
 */
struct model_82576 {
	u32 bar[MODEL_BAR_SIZE / 4];
	u32 bcnrc[VTNIC_82576_QUEUES];
	bool vfu[VTNIC_POOLS];
	bool pfu[VTNIC_POOLS];
	unsigned int sts[VTNIC_POOLS];
	unsigned int acks[VTNIC_POOLS];
	unsigned int protocol_errors;
	struct model_write log[MODEL_LOG_MAX];
	unsigned int nr_log;
	void (*write_hook)(struct model_82576 *m, const struct model_write *w);
};

/**
 * struct model_frame - a frame arriving at the port
 * @dst: its destination address
 * @tagged: it carries an 802.1Q tag
 * @vid: the tag's VLAN ID
 * @len: its length in bytes, FCS and tag included
 */
struct model_frame {
	u8 dst[ETH_ALEN];
	bool tagged;
	u16 vid;
	unsigned int len;
};

/* A register as the device holds it, for the tests to read and set */
#define MODEL_REG(m, reg)	((m)->bar[(reg) / 4])

/* Defined by the user of the model: report a misuse and stop */
__printf(1, 2) void model_fail(const char *fmt, ...);

void model_reset(struct model_82576 *m);
bool model_in_bar(const struct model_82576 *m, const void *addr);
u32 model_offset(const struct model_82576 *m, const void *addr);
u32 model_read(struct model_82576 *m, u32 off);
void model_write(struct model_82576 *m, u32 val, u32 off);

void model_log_clear(struct model_82576 *m);
unsigned int model_log_count(const struct model_82576 *m, u32 reg);

void model_vf_post(struct model_82576 *m, unsigned int vf, const u32 *msg,
		   unsigned int words);
void model_vf_ack(struct model_82576 *m, unsigned int vf);
void model_vf_flr(struct model_82576 *m, unsigned int vf);
void model_vf_read(const struct model_82576 *m, unsigned int vf, u32 *buf);

u32 model_rx_pools(const struct model_82576 *m, const struct model_frame *f);
u16 model_mc_hash(const u8 *addr);
void model_mc_addr(u16 hash, u8 *addr);
bool model_tx_enabled(const struct model_82576 *m, unsigned int pool);
u16 model_tx_vlan(const struct model_82576 *m, unsigned int pool, u8 *prio);
bool model_tx_spoofchk(const struct model_82576 *m, unsigned int pool);
bool model_tx_loopback(const struct model_82576 *m);
u32 model_tx_rate(const struct model_82576 *m, unsigned int pool,
		  u32 link_mbps);

bool model_is_mailbox_write(const struct model_write *w, unsigned int vf);
u32 model_vf_owned_bits(unsigned int vf, u32 reg, u32 before, u32 after);

#endif /* _MODEL_82576_H_ */
