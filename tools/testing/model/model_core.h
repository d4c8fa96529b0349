/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of a PF register model that every VT-c MAC shares, for the
 * userspace tests that run driver/common against it: the unit tests and
 * the fuzz target.  Each MAC's model (model_82576.[ch], model_82599.[ch])
 * describes where its registers are in a struct model_mac and adds what
 * its registers mean.
 *
 * The BAR is an array plus what the code relies on:
 *
 * - the PF's mailbox control register of VF n grants PFU only while the
 *   VF does not hold the buffer (VFU) and reads back PFU/VFU; any write
 *   without PFU drops it; RVFU takes VFU from a stuck VF.  STS and ACK
 *   are commands, counted per VF.  The bits are the same on every MAC
 *   (VTNIC_PFMBX_*, 82576 datasheet 8.13 P2VMAILBOX, 82599 8.2.3.27
 *   PFMAILBOX).
 * - The PF using a VF's buffer, or writing STS or ACK, without holding
 *   PFU is a protocol error, counted.
 * - The mailbox cause registers are write-1-to-clear; so are the VF reset
 *   events, in place (82576 VFLRE) or through a clear register (82599
 *   PFVFLREC).
 * - RTTBCNRC is one register per queue behind the RTTDQSEL selector; a
 *   selector past the queues is a protocol error.
 * - A MAC may claim more writes through its write hook (the 82599's
 *   per-queue PFQDE).
 *
 * Every write is logged with the register's value before and after it,
 * and handed to an optional hook, through which a test models what the
 * VF side sees or checks each message as it is answered.  The VF side of
 * the hardware is a few helpers that do what the device does when a VF
 * posts, acknowledges or resets.
 *
 * Each user defines shim_readl()/shim_writel() over model_read() and
 * model_write(), and model_fail(), which reports a misuse of the model.
 */
#ifndef _MODEL_CORE_H_
#define _MODEL_CORE_H_

#include <linux/compiler.h>
#include <linux/if_ether.h>
#include <linux/kernel.h>
#include <linux/types.h>

#include "vtnic_iov.h"

/* usleep_range() calls of the code under test, unless the test counts them */
extern unsigned int model_sleeps;
extern u64 model_time_ns;

#define MODEL_BAR_SIZE		0x20000
#define MODEL_LOG_MAX		16384
/* The most any modelled MAC has */
#define MODEL_POOLS_MAX		VTNIC_IOV_POOLS_MAX
#define MODEL_QUEUES_MAX	128
#define MODEL_VFLRE_REGS	2

struct model;

/**
 * struct model_write - one register write of the code under test
 * @reg: byte offset in the BAR
 * @val: the value written
 * @before: the register before the write (RTTBCNRC: the selected queue's;
 *	    a reset event clear register: the event register's)
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
 * struct model_mac - where one MAC keeps what the core models
 * @pools: pools, so mailboxes
 * @queues: transmit queues, so rate limiters
 * @mbx: its mailbox registers, as the driver's bundle has them
 * @vflre: the VF reset event registers, 32 VFs each
 * @vflrec: the registers that clear them (write 1); the same offsets
 *	    where they clear in place
 * @nr_vflre: how many there are
 * @rttdqsel: the rate limiters' queue selector
 * @rttbcnrc: the selected queue's rate limiter
 * @rf_int: its rate factor's integer field; the 14 fraction bits below
 *	    it and the enable bit 31 are the same on every MAC
 * @write: claims a write the core does not model: fills @w and returns
 *	   true; may be NULL
 */
struct model_mac {
	unsigned int pools;
	unsigned int queues;
	struct vtnic_mbx_pf_regs mbx;
	u32 vflre[MODEL_VFLRE_REGS];
	u32 vflrec[MODEL_VFLRE_REGS];
	unsigned int nr_vflre;
	u32 rttdqsel;
	u32 rttbcnrc;
	u32 rf_int;
	bool (*write)(struct model *m, u32 val, u32 off, struct model_write *w);
};

/**
 * struct model - the PF's BAR and the state behind it
 * @bar: the registers, by byte offset / 4
 * @bcnrc: RTTBCNRC of each queue
 * @qreg: the MAC's own per-queue register, if it has one (82599: PFQDE)
 * @vfu: the VF holds its buffer
 * @pfu: the PF holds it
 * @sts: messages the PF posted to each VF (STS writes)
 * @acks: VF messages the PF acknowledged (ACK writes)
 * @protocol_errors: mailbox used without holding it, bad selector
 * @log: the writes since model_log_clear(), the first MODEL_LOG_MAX
 * @nr_log: how many there were; more than MODEL_LOG_MAX is an overflow
 * @mac: the MAC modelled; kept by model_reset()
 * @write_hook: called after every write took effect, may be NULL; kept
 *		by model_reset()
 */
struct model {
	u32 bar[MODEL_BAR_SIZE / 4];
	u32 bcnrc[MODEL_QUEUES_MAX];
	u32 qreg[MODEL_QUEUES_MAX];
	bool vfu[MODEL_POOLS_MAX];
	bool pfu[MODEL_POOLS_MAX];
	unsigned int sts[MODEL_POOLS_MAX];
	unsigned int acks[MODEL_POOLS_MAX];
	unsigned int protocol_errors;
	struct model_write log[MODEL_LOG_MAX];
	unsigned int nr_log;
	const struct model_mac *mac;
	void (*write_hook)(struct model *m, const struct model_write *w);
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

void model_init(struct model *m, const struct model_mac *mac);
void model_reset(struct model *m);
bool model_in_bar(const struct model *m, const void *addr);
u32 model_offset(const struct model *m, const void *addr);
u32 model_read(struct model *m, u32 off);
void model_write(struct model *m, u32 val, u32 off);

void model_log_clear(struct model *m);
unsigned int model_log_count(const struct model *m, u32 reg);

u32 model_mbx_ctl(const struct model *m, unsigned int vf);
u32 model_mbx_mem(const struct model *m, unsigned int vf, unsigned int word);
u32 model_mbx_icr(const struct model *m, unsigned int vf);
void model_vf_post(struct model *m, unsigned int vf, const u32 *msg,
		   unsigned int words);
void model_vf_ack(struct model *m, unsigned int vf);
void model_vf_flr(struct model *m, unsigned int vf);
void model_vf_read(const struct model *m, unsigned int vf, u32 *buf);

bool model_is_mailbox_write(const struct model *m,
			    const struct model_write *w, unsigned int vf);
bool model_is_any_mailbox_write(const struct model *m,
				const struct model_write *w);

u32 model_pool_rate(const struct model *m, unsigned int pool,
		    unsigned int q0, unsigned int q1, u32 link_mbps);
u16 model_mc_hash(const u8 *addr);
void model_mc_addr(u16 hash, u8 *addr);

#endif /* _MODEL_CORE_H_ */
