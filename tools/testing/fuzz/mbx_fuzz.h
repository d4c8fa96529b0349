/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The input format of the mailbox fuzz target (mbx_fuzz.c, where it is
 * described in full), shared with the seed corpus generator
 * (mbx_corpus.c).
 */
#ifndef _MBX_FUZZ_H_
#define _MBX_FUZZ_H_

#include <linux/bits.h>
#include <linux/string.h>
#include <linux/if_ether.h>
#include <linux/types.h>

/* Byte 0: the setup */
#define FUZZ_SETUP_VFS		GENMASK(2, 0)	/* num_vfs = 1 + this % 7 */
#define FUZZ_SETUP_CLOCK	GENMASK(4, 3)	/* where jiffies starts */
#define FUZZ_SETUP_IXGBE	BIT(5)	/* the 82599 and the ixgbe dialect */

/* Then records: a kind byte (taken modulo FUZZ_NR_KINDS), operands */
enum mbx_fuzz_kind {
	FUZZ_MSG,		/* vf, flags, words */
	FUZZ_VF_ACK,		/* vf */
	FUZZ_FLR,		/* vf */
	FUZZ_PF_RESET,		/* - */
	FUZZ_ADMIN_MAC,		/* vf, address */
	FUZZ_ADMIN_VLAN,	/* vf, vid (le16), qos */
	FUZZ_ADMIN_SPOOFCHK,	/* vf, on */
	FUZZ_ADMIN_TRUST,	/* vf, on */
	FUZZ_ADMIN_LINK,	/* vf, state */
	FUZZ_ADMIN_RATE,	/* vf, Mb/s (le32) */
	FUZZ_TIME,		/* jiffies (le16) */
	FUZZ_LINK,		/* speed */
	FUZZ_PF_VLAN,		/* vid (le16), on */
	FUZZ_PF_MTA,		/* hash (le16), on */
	FUZZ_VEPA,		/* on */
	FUZZ_SERVICE,		/* - */
	FUZZ_REENABLE,		/* num_vfs */
	FUZZ_PF_RX,		/* frame (le16), allmulti */
	FUZZ_VF_HOLD,		/* vf, on */
	FUZZ_PF_RESET_FLR,	/* vf */
	FUZZ_REPEAT,		/* span, count */
	FUZZ_NR_KINDS
};

/*
 * FUZZ_REPEAT (span, count) runs the last 1 + span % FUZZ_REPEAT_SPAN records
 * again count times (none before them: a repeat does not reach back past an
 * earlier one).  It lets a short input last long: a flood that keeps a VF
 * over its budget for the seconds a quarantine takes.  No input runs more
 * than FUZZ_MAX_RECORDS records in all.
 */
#define FUZZ_REPEAT_SPAN	8
#define FUZZ_MAX_RECORDS	4096

/* FUZZ_MSG flags */
#define FUZZ_MSG_WORDS		GENMASK(3, 0)	/* words written - 1 */
#define FUZZ_MSG_HOLD		BIT(4)	/* the VF holds VFU during the service */
#define FUZZ_MSG_DEFER		BIT(5)	/* post only; a later service serves it */

/* FUZZ_ADMIN_MAC: below this, an index into fuzz_macs[] */
#define FUZZ_MAC_RAW		0x80	/* else six raw bytes follow */
#define FUZZ_NR_MACS		8

/* Entry 0 is the PF's address; the others are what an admin might try */
static const u8 fuzz_macs[FUZZ_NR_MACS][ETH_ALEN] = {
	{ 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x01 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x02 },
	{ 0x02, 0xad, 0x00, 0x00, 0x00, 0x01 },
	{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },	/* multicast */
	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },	/* broadcast */
	{ 0 },
};

/* Link speeds FUZZ_LINK picks from, Mb/s */
#define FUZZ_NR_SPEEDS		4

/* The input as the records take it; operands little endian */
struct fuzz_input {
	const u8 *p;
	size_t len;
};

static inline bool take(struct fuzz_input *in, void *buf, size_t n)
{
	if (in->len < n)
		return false;
	memcpy(buf, in->p, n);
	in->p += n;
	in->len -= n;
	return true;
}

static inline bool take8(struct fuzz_input *in, u8 *v)
{
	return take(in, v, 1);
}

static inline bool take16(struct fuzz_input *in, u16 *v)
{
	u8 b[2];

	if (!take(in, b, 2))
		return false;
	*v = b[0] | b[1] << 8;
	return true;
}

static inline bool take32(struct fuzz_input *in, u32 *v)
{
	u8 b[4];

	if (!take(in, b, 4))
		return false;
	*v = b[0] | b[1] << 8 | b[2] << 16 | (u32)b[3] << 24;
	return true;
}

/**
 * struct fuzz_record - one record's kind and fixed operands
 * @kind: &enum mbx_fuzz_kind
 * @vf: the VF, or the one-byte operand of REENABLE and LINK
 * @arg: the second byte operand (flags, on, state, qos, selector)
 * @v16: the 16-bit operand
 * @v32: the 32-bit operand
 * @mac: ADMIN_MAC's address
 */
struct fuzz_record {
	u8 kind;
	u8 vf;
	u8 arg;
	u16 v16;
	u32 v32;
	u8 mac[ETH_ALEN];
};

bool fuzz_take_record(struct fuzz_input *in, struct fuzz_record *r);

struct model;
extern struct model *fuzz_model;
extern const unsigned long fuzz_clocks[4];
void fuzz_serve_post(struct model *m, unsigned int vf, u8 flags,
		     void (*service)(void));
int mbx_fuzz_ixgbe(u8 setup, struct fuzz_input *in);
void fuzz_run(struct fuzz_input *in, bool (*one)(struct fuzz_input *in));
void fuzz_waits_start(void);
bool fuzz_waits_over(u64 *waited_us, u64 *allowed_us);

#endif /* _MBX_FUZZ_H_ */
