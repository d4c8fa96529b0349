/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 82599 PF's registers: byte offsets into BAR0 as the 82599 10 GbE
 * Controller Datasheet gives them; only registers the driver uses are
 * defined, with the datasheet section (chapter 8 unless said).  Only the
 * 82599's own files include this header (driver/pf/vtnic_hw_82599.c,
 * driver/common/vtnic_iov_82599.c); generic code reaches these registers
 * through the 82599's bundle.
 */
#ifndef _VTNIC_82599_REGS_H_
#define _VTNIC_82599_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

#include "vtnic_hw.h"

/* Device Control (8.2.3.1.1) */
#define VTNIC_CTRL			0x00000
#define VTNIC_CTRL_GIO_DIS		BIT(2)	/* PCIe primary disable */
#define VTNIC_CTRL_LNK_RST		BIT(3)
#define VTNIC_CTRL_RST			BIT(26)

/* Device Status (8.2.3.1.2) */
#define VTNIC_STATUS			VTNIC_HW_STATUS
#define VTNIC_STATUS_LAN_ID		GENMASK(3, 2)	/* the port, 0 or 1 */
#define VTNIC_STATUS_GIO		BIT(19)	/* primary requests pending */

/* Extended Device Control (8.2.3.1.3) */
#define VTNIC_CTRL_EXT			0x00018
#define VTNIC_CTRL_EXT_PFRSTD		BIT(14)
#define VTNIC_CTRL_EXT_NS_DIS		BIT(16)
#define VTNIC_CTRL_EXT_DRV_LOAD		BIT(28)

/* Extended SDP Control (8.2.3.1.4): SDP3 drives the SFP+ TX disable */
#define VTNIC_ESDP			0x00020
#define VTNIC_ESDP_SDP2			BIT(2)	/* SFP+ cage full */
#define VTNIC_ESDP_SDP3			BIT(3)	/* 1: TX laser off */

/* I2C Control (8.2.3.1.5): the SFP+ cage's two-wire bus, bit-banged */
#define VTNIC_I2CCTL			0x00028
#define VTNIC_I2CCTL_CLK_IN		BIT(0)
#define VTNIC_I2CCTL_CLK_OUT		BIT(1)
#define VTNIC_I2CCTL_DATA_IN		BIT(2)
#define VTNIC_I2CCTL_DATA_OUT		BIT(3)

/*
 * Software Semaphore (SWSM) and Software-Firmware Synchronization
 * (SW_FW_SYNC, ixgbe's GSSR): SMBI reads 0 for one taker until written 0,
 * SWESMBI reads back 1 once software, not firmware, may change SW_FW_SYNC;
 * there a resource's firmware bit is its software bit shifted by 5
 */
#define VTNIC_SWSM			0x10140
#define VTNIC_SWSM_SMBI			BIT(0)
#define VTNIC_SWSM_SWESMBI		BIT(1)
#define VTNIC_SW_FW_SYNC		0x10160
#define VTNIC_SW_FW_SYNC_PHY(port)	BIT(1 + (port))	/* and its I2C */
#define VTNIC_SW_FW_SYNC_FW_SHIFT	5

/*
 * EEPROM/Flash Control (8.2.3.2.1) and Read (8.2.3.2.2); the EEPROM holds
 * 64 << EEC.SIZE words
 */
#define VTNIC_EEC			0x10010
#define VTNIC_EEC_PRES			BIT(8)
#define VTNIC_EEC_AUTO_RD		BIT(9)
#define VTNIC_EEC_SIZE			GENMASK(14, 11)
#define VTNIC_EERD			0x10014

/* EEPROM words (6.2): the checksum makes words 0x00..0x3f sum to 0xbaba */
#define VTNIC_EE_CHECKSUM_WORD		0x3f
#define VTNIC_EE_CHECKSUM_SUM		0xbaba
#define VTNIC_EE_PTR_FIRST		0x03	/* pointers to checksummed */
#define VTNIC_EE_PTR_LAST		0x0e	/* sections */
/*
 * The PBA number (a plain number, or VTNIC_NVM_PBA_STRING and a pointer)
 * and the eTrack id, whose high half is the word with bit 15 set
 */
#define VTNIC_EE_PBA			0x15	/* and 0x16 */
#define VTNIC_EE_ETRACK_A		0x2d
#define VTNIC_EE_ETRACK_B		0x2e
#define VTNIC_EE_ETRACK_B_HIGH		BIT(15)

/* Interrupts (8.2.3.5) */
#define VTNIC_EICR			0x00800
#define VTNIC_EICS			0x00808	/* reads EICR, not clearing */
#define VTNIC_EIAC			0x00810
#define VTNIC_EIMS			0x00880
#define VTNIC_EIMC			0x00888
#define VTNIC_EIAM			0x00890
#define VTNIC_GPIE			0x00898
#define VTNIC_GPIE_MSIX_MODE		BIT(4)
#define VTNIC_GPIE_OCD			BIT(5)
#define VTNIC_GPIE_EIAME		BIT(30)
#define VTNIC_GPIE_PBA_SUPPORT		BIT(31)
#define VTNIC_EIMS_EX(i)		(0x00aa0 + 4 * (i))	/* vectors 32 i.. */
#define VTNIC_EIMC_EX(i)		(0x00ab0 + 4 * (i))
#define VTNIC_EIAM_EX(i)		(0x00ad0 + 4 * (i))
#define VTNIC_EICR_RTX_QUEUE		GENMASK(15, 0)
#define VTNIC_EICR_MAILBOX		BIT(19)
#define VTNIC_EICR_LSC			BIT(20)
#define VTNIC_EICR_OTHER		BIT(31)
#define VTNIC_EICR_OTHER_CAUSES		GENMASK(31, 16)
#define VTNIC_EITR(v)			vtnic_82599_eitr(v)
#define VTNIC_EITR_INTERVAL		GENMASK(11, 3)	/* 2 us units */
#define VTNIC_EITR_CNT_WDIS		BIT(31)

/*
 * Interrupt Vector Allocation (8.2.3.5.14): IVAR(q / 2) holds RX q, TX q
 * for the even queue in bytes 0, 1 and the odd one in bytes 2, 3, each a
 * vector and a valid bit; IVAR_MISC byte 1 is the "other causes" vector.
 */
#define VTNIC_IVAR(q)			(0x00900 + 4 * ((q) >> 1))
#define VTNIC_IVAR_MISC			0x00a00
#define VTNIC_IVAR_VALID		BIT(7)
#define VTNIC_82599_VECTORS		64

/* EITR of vectors 0..23 at 0x820, of 24..63 at 0x12300 */
static inline u32 vtnic_82599_eitr(unsigned int v)
{
	return v <= 23 ? 0x00820 + 4 * v : 0x12300 + 4 * (v - 24);
}

/* Receive queues 0..63 at 0x1000, 64..127 at 0xd000 */
static inline u32 vtnic_82599_rdbal(unsigned int q)
{
	return q < 64 ? 0x01000 + 0x40 * q : 0x0d000 + 0x40 * (q - 64);
}

/* Link (8.2.3.22): AUTOC selects the mode, LINKS reports it */
#define VTNIC_AUTOC			0x042a0
#define VTNIC_AUTOC_AN_RESTART		BIT(12)
#define VTNIC_AUTOC_LMS			GENMASK(15, 13)
enum {
	VTNIC_AUTOC_LMS_10G_SERIAL	= 3,	/* SFI, as an SFP+ port runs */
};

#define VTNIC_LINKS			0x042a4
#define VTNIC_LINKS_SPEED		GENMASK(29, 28)
enum {
	VTNIC_LINKS_SPEED_100		= 1,
	VTNIC_LINKS_SPEED_1G		= 2,
	VTNIC_LINKS_SPEED_10G		= 3,
};

#define VTNIC_LINKS_UP			BIT(30)

/* Receive packet buffer 0 and its flow control thresholds (8.2.3.3) */
#define VTNIC_RXPBSIZE0			0x03c00
#define VTNIC_FCRTL0			0x03220
#define VTNIC_FCRTH0			0x03260
#define VTNIC_FCRTH_RTH			GENMASK(18, 5)	/* bytes, 32 B units */
#define VTNIC_FCRTH_HEADROOM		(24 * 1024)

/* MAC core (8.2.3.22.8, .13) */
#define VTNIC_HLREG0			0x04240
#define VTNIC_HLREG0_TXCRCEN		BIT(0)
#define VTNIC_HLREG0_RXCRCSTRP		BIT(1)
#define VTNIC_HLREG0_JUMBOEN		BIT(2)
#define VTNIC_HLREG0_TXPADEN		BIT(10)
#define VTNIC_MAXFRS			0x04268
#define VTNIC_MAXFRS_MFS		GENMASK(31, 16)

/* Receive (8.2.3.8) */
#define VTNIC_RDRXCTL			0x02f00
#define VTNIC_RDRXCTL_CRCSTRIP		BIT(1)
#define VTNIC_RDRXCTL_DMAIDONE		BIT(3)
#define VTNIC_RXCTRL			0x03000
#define VTNIC_RXCTRL_RXEN		BIT(0)
#define VTNIC_RXCSUM			0x05000
#define VTNIC_RXCSUM_PCSD		BIT(13)	/* RSS hash, not IP ID */
#define VTNIC_FCTRL			0x05080
#define VTNIC_FCTRL_MPE			BIT(8)
#define VTNIC_FCTRL_UPE			BIT(9)
#define VTNIC_FCTRL_BAM			BIT(10)
#define VTNIC_VLNCTRL			0x05088
#define VTNIC_VLNCTRL_VFE		BIT(30)
#define VTNIC_MCSTCTRL			0x05090
#define VTNIC_MCSTCTRL_MFE		BIT(2)	/* MO 0: address bits 47:36 */

/* Receive queue q (8.2.3.8) */
#define VTNIC_RDBAL(q)			vtnic_82599_rdbal(q)
#define VTNIC_SRRCTL(q)			(VTNIC_RDBAL(q) + 0x14)
#define VTNIC_SRRCTL_BSIZEPKT		GENMASK(4, 0)	/* 1 KB units */
#define VTNIC_SRRCTL_BSIZEHDR		GENMASK(13, 8)	/* 64 B units */
#define VTNIC_SRRCTL_DESCTYPE		GENMASK(27, 25)
enum {
	VTNIC_SRRCTL_DESCTYPE_ADV_ONEBUF = 1,
};

#define VTNIC_SRRCTL_DROP_EN		BIT(28)
#define VTNIC_RXDCTL(q)			(VTNIC_RDBAL(q) + 0x28)
#define VTNIC_RXDCTL_ENABLE		BIT(25)
#define VTNIC_RXDCTL_VME		BIT(30)	/* strip the VLAN tag */

/* Transmit queue q (8.2.3.9) */
#define VTNIC_TDBAL(q)			(0x06000 + 0x40 * (q))
#define VTNIC_TXDCTL(q)			(VTNIC_TDBAL(q) + 0x28)
#define VTNIC_TDWBAL(q)			(VTNIC_TDBAL(q) + 0x38)
#define VTNIC_TDWBAH(q)			(VTNIC_TDBAL(q) + 0x3c)
#define VTNIC_TXDCTL_PTHRESH		GENMASK(6, 0)
#define VTNIC_TXDCTL_HTHRESH		GENMASK(14, 8)
#define VTNIC_TXDCTL_WTHRESH		GENMASK(22, 16)
#define VTNIC_TXDCTL_ENABLE		BIT(25)
#define VTNIC_DMATXCTL			0x04a80
#define VTNIC_DMATXCTL_TE		BIT(0)
#define VTNIC_RTTDCS			0x04900
#define VTNIC_RTTDCS_VMPAC		BIT(1)	/* pools: weighted round robin */
#define VTNIC_RTTDCS_ARBDIS		BIT(6)
#define VTNIC_MTQC			0x08120

#define VTNIC_82599_QUEUES		128

/* Multiple receive queues (8.2.3.7.12 - .14) */
#define VTNIC_MRQC			0x05818
#define VTNIC_MRQC_RSSEN		BIT(0)
#define VTNIC_MRQC_TCP_IPV4		BIT(16)
#define VTNIC_MRQC_IPV4			BIT(17)
#define VTNIC_MRQC_IPV6			BIT(20)
#define VTNIC_MRQC_TCP_IPV6		BIT(21)
#define VTNIC_RETA(n)			(0x05c00 + 4 * (n))
#define VTNIC_RETA_REGS			32
#define VTNIC_RSSRK(n)			(0x05c80 + 4 * (n))
#define VTNIC_RSSRK_REGS		10

/* Receive filters (8.2.3.7) */
#define VTNIC_MTA(n)			(0x05200 + 4 * (n))
#define VTNIC_MTA_REGS			128
#define VTNIC_RAL(n)			(0x0a200 + 8 * (n))
#define VTNIC_RAH(n)			(0x0a204 + 8 * (n))
#define VTNIC_RAH_AV			BIT(31)
#define VTNIC_RAR_ENTRIES		128
#define VTNIC_MPSAR_LO(n)		(0x0a600 + 8 * (n))	/* pools 0..31 */
#define VTNIC_MPSAR_HI(n)		(0x0a604 + 8 * (n))	/* pools 32..63 */
#define VTNIC_VFTA(n)			(0x0a000 + 4 * (n))
#define VTNIC_VFTA_REGS			128

/*
 * Virtualization (7.10, 8.2.3.27).  64 pools of 2 queues, or 32 pools of
 * 4 (7.2.1.2.3): pool p owns queues n p to n p + n - 1 of n queues a
 * pool; pool bitmaps span two registers, pools 0-31 then 32-63.
 */
#define VTNIC_82599_POOLS		64
#define VTNIC_82599_POOL_QUEUES		2
#define VTNIC_82599_POOLS_32		32
#define VTNIC_82599_POOL_QUEUES_32	4
#define VTNIC_GCR_EXT			0x11050
#define VTNIC_GCR_EXT_VT_MODE		GENMASK(1, 0)
#define VTNIC_VT_MODE_32		2	/* GCR_EXT and GPIE alike */
#define VTNIC_VT_MODE_64		3
#define VTNIC_GPIE_VT_MODE		GENMASK(15, 14)
#define VTNIC_MRQC_MRQE			GENMASK(3, 0)
#define VTNIC_MRQC_MRQE_VMDQ_RSS_32	0xa	/* 32 pools, RSS in each */
#define VTNIC_MRQC_MRQE_VMDQ_RSS_64	0xb	/* 64 pools, RSS in each */
#define VTNIC_MTQC_VT_ENA		BIT(1)
#define VTNIC_MTQC_NUM_TC_OR_Q		GENMASK(3, 2)
#define VTNIC_MTQC_64_POOLS		1
#define VTNIC_MTQC_32_POOLS		2
#define VTNIC_PSRTYPE(p)		(0x0ea00 + 4 * (p))
#define VTNIC_PSRTYPE_RQPL		GENMASK(31, 29)	/* RSS over 2^n queues */
#define VTNIC_PFVTCTL			0x051b0
#define VTNIC_PFVTCTL_VT_ENA		BIT(0)
#define VTNIC_PFVTCTL_DEF_PL		GENMASK(12, 7)
#define VTNIC_PFVTCTL_RPL_EN		BIT(30)
#define VTNIC_PFVFRE(i)			(0x051e0 + 4 * (i))
#define VTNIC_PFVFTE(i)			(0x08110 + 4 * (i))
#define VTNIC_PFQDE			0x02f04
#define VTNIC_PFQDE_QDE			BIT(0)	/* drop when no descriptor */
#define VTNIC_PFQDE_IDX			GENMASK(14, 8)
#define VTNIC_PFQDE_WE			BIT(16)
#define VTNIC_PFDTXGSWC			0x08220
#define VTNIC_PFDTXGSWC_LBE		BIT(0)	/* VEB: loop pool to pool */
#define VTNIC_PFVFSPOOF(p)		(0x08200 + 4 * ((p) / 8))
#define VTNIC_PFVFSPOOF_MACAS(p)	BIT((p) % 8)
#define VTNIC_PFVFSPOOF_VLANAS(p)	BIT(8 + (p) % 8)
#define VTNIC_PFVMVIR(p)		(0x08000 + 4 * (p))
#define VTNIC_PFVMVIR_VLANA_DEFAULT	BIT(30)	/* always insert the tag */
#define VTNIC_PFVMVIR_PCP_SHIFT		13
#define VTNIC_PFVML2FLT(p)		(0x0f000 + 4 * (p))
#define VTNIC_PFVML2FLT_AUPE		BIT(24)	/* untagged frames */
#define VTNIC_PFVML2FLT_ROMPE		BIT(25)	/* multicast table hits */
#define VTNIC_PFVML2FLT_ROPE		BIT(26)	/* unicast table hits */
#define VTNIC_PFVML2FLT_BAM		BIT(27)	/* broadcast */
#define VTNIC_PFVML2FLT_MPE		BIT(28)	/* every multicast */
#define VTNIC_PFVLVF(i)			(0x0f100 + 4 * (i))
#define VTNIC_PFVLVF_VID		GENMASK(11, 0)
#define VTNIC_PFVLVF_VI_EN		BIT(31)
#define VTNIC_PFVLVFB(i)		(0x0f200 + 4 * (i))	/* 2 per VLVF */
#define VTNIC_PFVLVF_ENTRIES		64
#define VTNIC_PFVMECM(i)		(0x08790 + 4 * (i))	/* count spoofs */
#define VTNIC_PFVFLRE(i)		((i) ? 0x001c0 : 0x00600)
#define VTNIC_PFVFLREC(i)		(0x00700 + 4 * (i))

/* The PF side of the mailboxes (7.10.2, 8.2.3.27.x) */
#define VTNIC_PFMAILBOX(v)		(0x04b00 + 4 * (v))
#define VTNIC_PFMBMEM(v)		(0x13000 + 64 * (v))
#define VTNIC_PFMBICR(i)		(0x00710 + 4 * (i))

/* Transmit rate limiters, one per queue (7.7.2.2, 8.2.3.10) */
#define VTNIC_RTTDQSEL			0x04904
#define VTNIC_RTTBCNRM			0x04980
#define VTNIC_RTTBCNRM_DEFAULT		4	/* ixgbe's MMW for 1.5 KB */
#define VTNIC_RTTBCNRC			0x04984
#define VTNIC_RTTBCNRC_RF_DEC		GENMASK(13, 0)
#define VTNIC_RTTBCNRC_RF_INT		GENMASK(23, 14)
#define VTNIC_RTTBCNRC_RS_ENA		BIT(31)
#define VTNIC_RTTBCNRC_FRAC_BITS	14

/*
 * Transmit descriptor arbiter between pools (7.7.2.3, 8.2.3.10.14): with
 * RTTDCS.VMPAC and DCB off, RTTDQSEL selects a pool and RTTDT1C holds its
 * credit refill quantum, in 64-byte units
 */
#define VTNIC_RTTDT1C			0x04908
#define VTNIC_RTTDT1C_CRQ		GENMASK(13, 0)

/* Each VF's counters in the PF's window (free running, 32 bits) */
#define VTNIC_PVFGPRC(v)		(0x0101c + 0x40 * (v))
#define VTNIC_PVFGORC_LSB(v)		(0x01020 + 0x40 * (v))
#define VTNIC_PVFMPRC(v)		(0x0d01c + 0x40 * (v))
#define VTNIC_PVFGPTC(v)		(0x08300 + 4 * (v))
#define VTNIC_PVFGOTC_LSB(v)		(0x08400 + 8 * (v))

/* Statistics (8.2.3.23): clear on read, 36-bit octets read low first */
#define VTNIC_CRCERRS			0x04000
#define VTNIC_ILLERRC			0x04004
#define VTNIC_ERRBC			0x04008
#define VTNIC_MPC(n)			(0x03fa0 + 4 * (n))
#define VTNIC_RLEC			0x04040
#define VTNIC_LXONTXC			0x03f60
#define VTNIC_LXOFFTXC			0x03f68
#define VTNIC_LXONRXCNT			0x041a4
#define VTNIC_LXOFFRXCNT		0x041a8
#define VTNIC_GPRC			0x04074
#define VTNIC_BPRC			0x04078
#define VTNIC_MPRC			0x0407c
#define VTNIC_GPTC			0x04080
#define VTNIC_GORCL			0x04088
#define VTNIC_GOTCL			0x04090
#define VTNIC_RUC			0x040a4
#define VTNIC_RFC			0x040a8
#define VTNIC_ROC			0x040ac
#define VTNIC_RJC			0x040b0
#define VTNIC_TPR			0x040d0
#define VTNIC_TPT			0x040d4
#define VTNIC_MPTC			0x040f0
#define VTNIC_BPTC			0x040f4
#define VTNIC_SSVPC			0x08780	/* frames anti-spoofing dropped */

#endif /* _VTNIC_82599_REGS_H_ */
