/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel VT-c PF/VF mailbox message format, shared by vtnic (PF) and
 * vtnicvf (VF).  Word 0 of every message carries the opcode, an 8-bit
 * info field and the ACK/NACK/CTS flags; the rest is opcode specific.
 * The layout and the opcode values are Intel's (igb/igbvf and
 * ixgbe/ixgbevf speak the same framing), so stock drivers interoperate.
 *
 *  31  30   29  28    24 23      16 15                 0
 * +---+----+---+--------+----------+--------------------+
 * |ACK|NACK|CTS|reserved|   info   |       opcode       |
 * +---+----+---+--------+----------+--------------------+
 */
#ifndef _VTNIC_MBX_MSG_H_
#define _VTNIC_MBX_MSG_H_

#include <linux/bits.h>
#include <linux/types.h>

/* Mailbox memory is 16 dwords per VF on both the 82576 and the 82599. */
#define VTNIC_MBX_WORDS			16

#define VTNIC_MBX_OPCODE		GENMASK(15, 0)
#define VTNIC_MBX_INFO			GENMASK(23, 16)
#define VTNIC_MBX_RSVD			GENMASK(28, 24)
#define VTNIC_MBX_CTS			BIT(29)
#define VTNIC_MBX_NACK			BIT(30)
#define VTNIC_MBX_ACK			BIT(31)

/* Opcodes, VF to PF unless noted.  Values are Intel's wire values. */
enum vtnic_mbx_opcode {
	VTNIC_MBX_RESET			= 0x01,
	VTNIC_MBX_SET_MAC_ADDR		= 0x02,
	VTNIC_MBX_SET_MULTICAST		= 0x03,
	VTNIC_MBX_SET_VLAN		= 0x04,
	VTNIC_MBX_SET_LPE		= 0x05,
	VTNIC_MBX_SET_PROMISC		= 0x06,		/* igb */
	VTNIC_MBX_SET_MACVLAN		= 0x06,		/* ixgbe */
	VTNIC_MBX_API_NEGOTIATE		= 0x08,		/* ixgbe, and below */
	VTNIC_MBX_GET_QUEUES		= 0x09,
	VTNIC_MBX_GET_RETA		= 0x0a,
	VTNIC_MBX_GET_RSS_KEY		= 0x0b,
	VTNIC_MBX_UPDATE_XCAST_MODE	= 0x0c,
	VTNIC_MBX_GET_LINK_STATE	= 0x10,
	VTNIC_MBX_PF_CONTROL		= 0x0100,	/* PF to VF */
};

/*
 * ixgbe's API versions, as API_NEGOTIATE carries them in word 1.  The
 * values are not in version order (1 is the Solaris VF's 2.0, which no
 * Linux PF accepts); of the ones vtnic accepts, a higher value is a
 * newer version.
 */
enum vtnic_mbx_api {
	VTNIC_MBX_API_10		= 0,
	VTNIC_MBX_API_20		= 1,
	VTNIC_MBX_API_11		= 2,
	VTNIC_MBX_API_12		= 3,
	VTNIC_MBX_API_13		= 4,
	VTNIC_MBX_API_14		= 5,
	VTNIC_MBX_API_15		= 6,
};

/* GET_QUEUES reply words (ixgbe) */
#define VTNIC_MBX_Q_TX			1
#define VTNIC_MBX_Q_RX			2
#define VTNIC_MBX_Q_TRANS_VLAN		3	/* 1: the PF inserts a VLAN */
#define VTNIC_MBX_Q_DEF			4
#define VTNIC_MBX_Q_WORDS		5

/* UPDATE_XCAST_MODE word 1 (ixgbe) */
enum vtnic_mbx_xcast {
	VTNIC_MBX_XCAST_NONE		= 0,	/* broadcast only */
	VTNIC_MBX_XCAST_MULTI		= 1,	/* + its multicast hashes */
	VTNIC_MBX_XCAST_ALLMULTI	= 2,	/* + every multicast */
	VTNIC_MBX_XCAST_PROMISC		= 3,	/* + every unicast */
};

/* Most multicast hashes one SET_MULTICAST carries (igb's limit). */
/*
 * GET_RETA and GET_RSS_KEY (ixgbe, API 1.2): the 82599's redirection
 * table, 16 entries of 2 bits a word, and its 40-byte hash key, four
 * bytes a word, the first in bits 7:0
 */
#define VTNIC_MBX_RETA_ENTRIES		128
#define VTNIC_MBX_RSS_KEY_BYTES		40

#define VTNIC_MBX_MAX_MC_HASHES		30

/* SET_PROMISC info bits */
#define VTNIC_MBX_PROMISC_UNICAST	BIT(0)
#define VTNIC_MBX_PROMISC_MULTICAST	BIT(1)

/* SET_MAC_ADDR info values */
#define VTNIC_MBX_MAC_SET		0
#define VTNIC_MBX_MAC_FILTER_CLR	1
#define VTNIC_MBX_MAC_FILTER_ADD	2

/* SET_VLAN info: non-zero adds the VLAN, zero removes it */
#define VTNIC_MBX_VLAN_ADD		1

/**
 * struct vtnic_mbx_hdr - decoded word 0 of a mailbox message
 * @opcode: message type, &enum vtnic_mbx_opcode
 * @info: opcode-specific 8-bit field (a count, a flag or a sub-command)
 * @cts: the PF considers the VF clear to send
 * @nack: the message is a negative reply
 * @ack: the message is a positive reply
 */
struct vtnic_mbx_hdr {
	u16 opcode;
	u8 info;
	bool cts;
	bool nack;
	bool ack;
};

u32 vtnic_mbx_hdr_encode(const struct vtnic_mbx_hdr *hdr);
int vtnic_mbx_hdr_decode(u32 word, struct vtnic_mbx_hdr *hdr);

void vtnic_mbx_put_mac(u32 *words, const u8 *mac);
void vtnic_mbx_get_mac(const u32 *words, u8 *mac);

int vtnic_mbx_put_mc_hashes(u32 *words, size_t nwords,
			    const u16 *hashes, unsigned int count);
int vtnic_mbx_get_mc_hashes(const u32 *words, size_t nwords,
			    unsigned int count, u16 *hashes);

u16 vtnic_mc_hash(const u8 *addr);

const char *vtnic_mbx_api_name(u32 api);

#endif /* _VTNIC_MBX_MSG_H_ */
