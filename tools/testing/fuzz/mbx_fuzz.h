/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The input format of the mailbox fuzz target (mbx_fuzz.c, where it is
 * described in full), shared with the seed corpus generator
 * (mbx_corpus.c).
 */
#ifndef _MBX_FUZZ_H_
#define _MBX_FUZZ_H_

#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/types.h>

/* Byte 0: the setup */
#define FUZZ_SETUP_VFS		GENMASK(2, 0)	/* num_vfs = 1 + this % 7 */
#define FUZZ_SETUP_CLOCK	GENMASK(4, 3)	/* where jiffies starts */

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
	FUZZ_NR_KINDS
};

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

#endif /* _MBX_FUZZ_H_ */
