/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the SR-IOV unit tests of every MAC share (iov_test.c on the 82576,
 * iov82599_test.c on the 82599): the PF's state over a register model
 * (model_core.h), the VF side of the mailbox as the hardware sees a VF
 * post, and the checks of a reply and of a refusal.
 *
 * Every message goes through vtnic_iov_service(), the whole transport
 * path the PF's mailbox interrupt takes.
 */
#ifndef _IOV_HARNESS_H_
#define _IOV_HARNESS_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model_core.h"
#include "vtnic_iov.h"

#define WORDS		VTNIC_MBX_WORDS
#define STALE		0xdeadbeef	/* what an earlier message left behind */

extern struct model m, snap;
extern struct device dev;
extern struct vtnic_hw hw;
extern struct vtnic_iov iov;

#define R(reg)		MODEL_REG(&m, reg)

#define MSG(...)	((const u32[]){ __VA_ARGS__ })
#define NWORDS(...)	(sizeof(MSG(__VA_ARGS__)) / sizeof(u32))
/* Send a message given as its words; returns word 0 of the reply */
#define SEND(vf, ...)	vf_msg(vf, MSG(__VA_ARGS__), NWORDS(__VA_ARGS__), NULL)

#define W0(op, info)	((u32)(op) | (u32)(info) << 16)
#define ACK_CTS		(VTNIC_MBX_ACK | VTNIC_MBX_CTS)
#define NACK_CTS	(VTNIC_MBX_NACK | VTNIC_MBX_CTS)

#define EXPECT_NACK(vf, ...) \
	expect_nack(vf, MSG(__VA_ARGS__), NWORDS(__VA_ARGS__), true)

void harness_start(const struct model_mac *mac,
		   const struct vtnic_iov_info *info, unsigned int num_vfs,
		   const u8 *pf_mac, u32 status);
int harness_teardown(void **state);
void log_clear(void);

void vf_post(unsigned int vf, const u32 *msg, unsigned int words);
void vf_read(unsigned int vf, u32 *reply);
u32 vf_msg(unsigned int vf, const u32 *msg, unsigned int words, u32 *reply);
u32 send_mac(unsigned int vf, u8 info, const u8 *mac, u32 *reply);
u32 send_mc(unsigned int vf, const u16 *hashes, unsigned int count);
u32 send_vlan(unsigned int vf, bool add, u32 vid);
void vf_up_with(unsigned int vf, const u8 *mac);

/* The bits of register @reg VF @vf may change (model_*_vf_owned_bits()) */
typedef u32 harness_owned_fn(unsigned int vf, u32 reg, u32 before, u32 after);

void assert_pool_isolated(unsigned int a, harness_owned_fn *owned,
			  unsigned int q0, unsigned int q1);
void assert_bits_kept(unsigned int a, const char *table, u32 base,
		      unsigned int words, const u32 *want);
bool table_bit(u32 base, u16 bit);
void assert_only_mailbox_writes(unsigned int vf);
void assert_no_stale_words(const u32 *reply, unsigned int from);
void expect_nack(unsigned int vf, const u32 *msg, unsigned int words,
		 bool cts);
void expect_mac_nack(unsigned int vf, u8 info, const u8 *mac);

#endif /* _IOV_HARNESS_H_ */
