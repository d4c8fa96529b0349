/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Advanced receive and transmit descriptors of the 82576 (datasheet
 * 7.1.5 and 7.2.2), which the 82599 shares but for where the receive
 * write-back puts its errors (struct vtnic_rxd_errors).  Little-endian on the wire;
 * fields as the device reads them and as it writes them back.
 */
#ifndef _VTNIC_DESC_H_
#define _VTNIC_DESC_H_

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* Advanced receive descriptor, one-buffer format (7.1.5) */
union vtnic_rx_desc {
	struct {
		__le64 pkt_addr;
		__le64 hdr_addr;	/* zero: clears DD of the write-back */
	} read;
	struct {
		__le16 pkt_info;	/* RSS type [3:0], packet type [16:4] */
		__le16 hdr_info;
		__le32 rss;		/* RSS hash when RXCSUM.PCSD is set */
		__le32 status_error;
		__le16 length;
		__le16 vlan;
	} wb;
};

static_assert(sizeof(union vtnic_rx_desc) == 16);

#define VTNIC_RXD_STAT_DD		BIT(0)
#define VTNIC_RXD_STAT_EOP		BIT(1)
#define VTNIC_RXD_STAT_VP		BIT(3)
#define VTNIC_RXD_STAT_UDPCS		BIT(4)
#define VTNIC_RXD_STAT_L4CS		BIT(5)
#define VTNIC_RXD_STAT_IPCS		BIT(6)

/**
 * struct vtnic_rxd_errors - where a MAC's write-back reports errors
 * @frame: the frame is bad (CRC, length, symbol...): it is dropped
 * @csum: an IPv4 header or a TCP/UDP checksum is wrong: the frame goes
 *	  up unverified, for the stack to count
 *
 * The error bits [31:20] of status_error differ: the 82576 has L4E 29,
 * IPE 30 and a data error in 31, the 82599 L4E 30, IPE 31 and its frame
 * errors in 24-29 but 26.  A ring carries its MAC's (vtnic_ring.rxd_err);
 * VTNIC_RXD_ERRORS_* initialize one.
 */
struct vtnic_rxd_errors {
	u32 frame;
	u32 csum;
};

/* 82576 datasheet 7.1.5.2: CE, SE, SEQ, CXE, RXE; L4E, IPE */
#define VTNIC_RXD_ERRORS_82576 {					\
	.frame = BIT(24) | BIT(25) | BIT(26) | BIT(28) | BIT(31),	\
	.csum = BIT(29) | BIT(30),					\
}

/* 82599 datasheet 7.1.6.2: CE, LE, PE, OSE, USE; TCPE, IPE */
#define VTNIC_RXD_ERRORS_82599 {					\
	.frame = BIT(24) | BIT(25) | BIT(27) | BIT(28) | BIT(29),	\
	.csum = BIT(30) | BIT(31),					\
}

#define VTNIC_RXD_RSS_TYPE		GENMASK(3, 0)
enum {
	VTNIC_RSS_TYPE_NONE		= 0,
	VTNIC_RSS_TYPE_TCP_IPV4		= 1,
	VTNIC_RSS_TYPE_IPV4		= 2,
	VTNIC_RSS_TYPE_TCP_IPV6		= 3,
	VTNIC_RSS_TYPE_IPV6_EX		= 4,
	VTNIC_RSS_TYPE_IPV6		= 5,
	VTNIC_RSS_TYPE_TCP_IPV6_EX	= 6,
	VTNIC_RSS_TYPE_UDP_IPV4		= 7,
	VTNIC_RSS_TYPE_UDP_IPV6		= 8,
	VTNIC_RSS_TYPE_UDP_IPV6_EX	= 9,
};

/* Advanced transmit data descriptor (7.2.2.3) */
union vtnic_tx_desc {
	struct {
		__le64 buffer_addr;
		__le32 cmd_type_len;
		__le32 olinfo_status;
	} read;
	struct {
		__le64 rsvd;
		__le32 nxtseq_seed;
		__le32 status;
	} wb;
};

static_assert(sizeof(union vtnic_tx_desc) == 16);

#define VTNIC_TXD_DTALEN		GENMASK(15, 0)
#define VTNIC_TXD_DTYP_DATA		(3 << 20)
#define VTNIC_TXD_DTYP_CTXT		(2 << 20)
#define VTNIC_TXD_CMD_EOP		BIT(24)
#define VTNIC_TXD_CMD_IFCS		BIT(25)
#define VTNIC_TXD_CMD_RS		BIT(27)
#define VTNIC_TXD_CMD_DEXT		BIT(29)
#define VTNIC_TXD_CMD_VLE		BIT(30)
#define VTNIC_TXD_CMD_TSE		BIT(31)
#define VTNIC_TXD_POPTS_IXSM		BIT(8)
#define VTNIC_TXD_POPTS_TXSM		BIT(9)
#define VTNIC_TXD_PAYLEN		GENMASK(31, 14)
#define VTNIC_TXD_STAT_DD		BIT(0)

/* Advanced transmit context descriptor (7.2.2.2) */
struct vtnic_tx_ctx_desc {
	__le32 vlan_macip_lens;
	__le32 seqnum_seed;
	__le32 type_tucmd_mlhl;
	__le32 mss_l4len_idx;
};

static_assert(sizeof(struct vtnic_tx_ctx_desc) == 16);

#define VTNIC_TXCTX_IPLEN		GENMASK(8, 0)
#define VTNIC_TXCTX_MACLEN		GENMASK(15, 9)
#define VTNIC_TXCTX_VLAN		GENMASK(31, 16)
#define VTNIC_TXCTX_TUCMD_IPV4		BIT(10)
#define VTNIC_TXCTX_TUCMD_L4T_TCP	BIT(11)
#define VTNIC_TXCTX_TUCMD_L4T_SCTP	BIT(12)
#define VTNIC_TXCTX_L4LEN		GENMASK(15, 8)
#define VTNIC_TXCTX_MSS			GENMASK(31, 16)

#endif /* _VTNIC_DESC_H_ */
