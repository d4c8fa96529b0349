/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 82576 PF's registers: byte offsets into BAR0 as the datasheet gives
 * them; only registers the driver uses are defined.  Section numbers are
 * those of the 82576 GbE Controller Datasheet, chapter 8 (register
 * descriptions).  Only the 82576's own files include this header
 * (driver/pf/vtnic_hw_82576.c, driver/common/vtnic_iov_82576.c and the
 * 82576 test model); generic code reaches these registers through the
 * 82576's bundle.
 */
#ifndef _VTNIC_82576_REGS_H_
#define _VTNIC_82576_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

/* The VF's window repeats part of the PF's: STATUS's fields are there */
#include "vtnic_82576vf_regs.h"
#include "vtnic_hw.h"

/* Device Status (8.2.2), at VTNIC_HW_STATUS as on every VT-c function */
#define VTNIC_STATUS			VTNIC_HW_STATUS

/* ---- 82576 PF ---------------------------------------------------------- */

/* Device Control (8.2.1) */
#define VTNIC_CTRL			0x00000
#define VTNIC_CTRL_SLU			BIT(6)
#define VTNIC_CTRL_RST			BIT(26)
#define VTNIC_CTRL_VME			BIT(30)

/*
 * EEPROM/Flash Control (8.4.1): the NVM auto-read after reset is done,
 * and the EEPROM's size, 64 << SIZE_EX words
 */
#define VTNIC_EECD			0x00010
#define VTNIC_EECD_AUTO_RD		BIT(9)
#define VTNIC_EECD_SIZE_EX		GENMASK(14, 11)

/* EEPROM Read (8.4.2): one word at a time */
#define VTNIC_EERD			0x00014

/*
 * EEPROM words (datasheet 6): the image version, the PBA number (a plain
 * number, or VTNIC_NVM_PBA_STRING and a pointer) and the eTrack id, there
 * when its high word's type field says so
 */
#define VTNIC_EE_VERSION		0x05
#define VTNIC_EE_VERSION_MAJOR		GENMASK(15, 12)
#define VTNIC_EE_VERSION_MINOR		GENMASK(11, 4)
#define VTNIC_EE_PBA			0x08	/* and 0x09 */
#define VTNIC_EE_ETRACK_LO		0x42
#define VTNIC_EE_ETRACK_HI		0x43
#define VTNIC_EE_ETRACK_HI_TYPE		GENMASK(15, 12)
enum {
	VTNIC_EE_ETRACK_HI_TYPE_ETRACK	= 0x8,
};

/* Extended Device Control (8.2.3) */
#define VTNIC_CTRL_EXT			0x00018
#define VTNIC_CTRL_EXT_PFRSTD		BIT(14)
#define VTNIC_CTRL_EXT_DRV_LOAD		BIT(28)

/* MDI Control (8.2.4): PHY registers, one access at a time */
#define VTNIC_MDIC			0x00020
#define VTNIC_MDIC_DATA			GENMASK(15, 0)
#define VTNIC_MDIC_REG			GENMASK(20, 16)
#define VTNIC_MDIC_PHY			GENMASK(25, 21)
#define VTNIC_MDIC_OP			GENMASK(27, 26)
enum {
	VTNIC_MDIC_OP_WRITE		= 1,
	VTNIC_MDIC_OP_READ		= 2,
};

#define VTNIC_MDIC_READY		BIT(28)
#define VTNIC_MDIC_ERROR		BIT(30)
#define VTNIC_PHY_ADDR			1

/* VLAN Ether Type (8.2.8) */
#define VTNIC_VET			0x00038

/* Interrupt Cause Read / Set, Mask Set / Clear (8.8.3 - 8.8.7) */
#define VTNIC_ICR			0x000c0
#define VTNIC_IMS			0x000d0
#define VTNIC_IMC			0x000d8
#define VTNIC_ICR_TXDW			BIT(0)
#define VTNIC_ICR_LSC			BIT(2)
#define VTNIC_ICR_RXDMT0		BIT(4)
#define VTNIC_ICR_RXO			BIT(6)
#define VTNIC_ICR_RXDW			BIT(7)

/* Receive Control (8.10.1) */
#define VTNIC_RCTL			0x00100
#define VTNIC_RCTL_EN			BIT(1)
#define VTNIC_RCTL_UPE			BIT(3)
#define VTNIC_RCTL_MPE			BIT(4)
#define VTNIC_RCTL_LPE			BIT(5)
#define VTNIC_RCTL_BAM			BIT(15)
#define VTNIC_RCTL_VFE			BIT(18)
#define VTNIC_RCTL_SECRC		BIT(26)

/* Transmit Control (8.12.1) */
#define VTNIC_TCTL			0x00400
#define VTNIC_TCTL_EN			BIT(1)
#define VTNIC_TCTL_PSP			BIT(3)
#define VTNIC_TCTL_CT			GENMASK(11, 4)
#define VTNIC_TCTL_COLD			GENMASK(21, 12)
#define VTNIC_TCTL_RTLC			BIT(24)

/* MSI-X interrupt registers (8.8.8 - 8.8.15) */
#define VTNIC_GPIE			0x01514
#define VTNIC_GPIE_NSICR		BIT(0)
#define VTNIC_GPIE_MSIX_MODE		BIT(4)
#define VTNIC_GPIE_EIAME		BIT(30)
#define VTNIC_GPIE_PBA			BIT(31)
#define VTNIC_EIMS			0x01524
#define VTNIC_EIMC			0x01528
#define VTNIC_EIAC			0x0152c
#define VTNIC_EIAM			0x01530
#define VTNIC_EITR(v)			(0x01680 + 4 * (v))
#define VTNIC_EITR_INTERVAL		GENMASK(14, 2)	/* microseconds */
#define VTNIC_EITR_CNT_IGNR		BIT(31)

/*
 * Interrupt Vector Allocation (8.8.16): IVAR(n & 7) holds one byte per
 * cause - RX queue n, TX queue n, RX queue n + 8, TX queue n + 8 - each
 * a vector number and a valid bit.  IVAR_MISC byte 1 is the "other
 * causes" vector.
 */
#define VTNIC_IVAR(n)			(0x01700 + 4 * ((n) & 7))
#define VTNIC_IVAR_MISC			0x01740
#define VTNIC_IVAR_VALID		BIT(7)

/* Receive Checksum Control (8.10.4) */
#define VTNIC_RXCSUM			0x05000
#define VTNIC_RXCSUM_IPOFL		BIT(8)
#define VTNIC_RXCSUM_TUOFL		BIT(9)
#define VTNIC_RXCSUM_PCSD		BIT(13)	/* RSS hash, not IP ID */

/* Receive Long Packet Maximum Length (8.10.5) */
#define VTNIC_RLPML			0x05004

/* Multicast Table Array, 4096 bits (8.10.15) */
#define VTNIC_MTA(n)			(0x05200 + 4 * (n))
#define VTNIC_MTA_REGS			128

/*
 * Receive Address (8.10.16): 24 exact unicast filters in two blocks.
 * RAH carries the high two bytes, the address-valid bit and, in VMDq
 * mode, the pool bitmap.
 */
#define VTNIC_RAL(n)			vtnic_rar_reg(n)
#define VTNIC_RAH(n)			(vtnic_rar_reg(n) + 4)
#define VTNIC_RAH_AV			BIT(31)
#define VTNIC_RAR_ENTRIES		24

static inline u32 vtnic_rar_reg(unsigned int n)
{
	return n < 16 ? 0x05400 + 8 * n : 0x054e0 + 8 * (n - 16);
}

/* VLAN Filter Table Array, one bit per VLAN ID (8.10.19) */
#define VTNIC_VFTA(n)			(0x05600 + 4 * (n))
#define VTNIC_VFTA_REGS			128

/* Multiple Receive Queues Command (8.10.9) */
#define VTNIC_MRQC			0x05818
#define VTNIC_MRQC_MODE			GENMASK(2, 0)
enum {
	VTNIC_MRQC_MODE_NONE		= 0,
	VTNIC_MRQC_MODE_RSS		= 2,
	VTNIC_MRQC_MODE_VMDQ		= 3,
};

#define VTNIC_MRQC_TCP_IPV4		BIT(16)
#define VTNIC_MRQC_IPV4			BIT(17)
#define VTNIC_MRQC_TCP_IPV6_EX		BIT(18)
#define VTNIC_MRQC_IPV6_EX		BIT(19)
#define VTNIC_MRQC_IPV6			BIT(20)

/* Redirection table, 128 one-byte entries (8.10.10), RSS key (8.10.11) */
#define VTNIC_RETA(n)			(0x05c00 + 4 * (n))
#define VTNIC_RETA_REGS			32
#define VTNIC_RSSRK(n)			(0x05c80 + 4 * (n))
#define VTNIC_RSSRK_REGS		10

/* Receive queue q (8.10.x, the 0xc000 block covers all 16 queues) */
#define VTNIC_RDBAL(q)			(0x0c000 + 0x40 * (q))
#define VTNIC_RDBAH(q)			(0x0c004 + 0x40 * (q))
#define VTNIC_RDLEN(q)			(0x0c008 + 0x40 * (q))
#define VTNIC_SRRCTL(q)			(0x0c00c + 0x40 * (q))
#define VTNIC_SRRCTL_BSIZEPKT		GENMASK(6, 0)	/* 1 KB units */
#define VTNIC_SRRCTL_BSIZEHDR		GENMASK(11, 8)	/* 64 B units */
#define VTNIC_SRRCTL_DESCTYPE		GENMASK(27, 25)
enum {
	VTNIC_SRRCTL_DESCTYPE_ADV_ONEBUF = 1,
};

#define VTNIC_SRRCTL_DROP_EN		BIT(31)
#define VTNIC_RDH(q)			(0x0c010 + 0x40 * (q))
#define VTNIC_RDT(q)			(0x0c018 + 0x40 * (q))
#define VTNIC_RXDCTL(q)			(0x0c028 + 0x40 * (q))
#define VTNIC_XDCTL_PTHRESH		GENMASK(4, 0)
#define VTNIC_XDCTL_HTHRESH		GENMASK(12, 8)
#define VTNIC_XDCTL_WTHRESH		GENMASK(20, 16)
#define VTNIC_XDCTL_ENABLE		BIT(25)

/* Transmit queue q (8.12.x) */
#define VTNIC_TDBAL(q)			(0x0e000 + 0x40 * (q))
#define VTNIC_TDBAH(q)			(0x0e004 + 0x40 * (q))
#define VTNIC_TDLEN(q)			(0x0e008 + 0x40 * (q))
#define VTNIC_TDH(q)			(0x0e010 + 0x40 * (q))
#define VTNIC_TDT(q)			(0x0e018 + 0x40 * (q))
#define VTNIC_TXDCTL(q)			(0x0e028 + 0x40 * (q))

#define VTNIC_82576_QUEUES		16

/* Statistics (8.19): 32-bit counters that clear on read */
#define VTNIC_CRCERRS			0x04000
#define VTNIC_ALGNERRC			0x04004
#define VTNIC_RXERRC			0x0400c
#define VTNIC_MPC			0x04010
#define VTNIC_COLC			0x04028
#define VTNIC_RLEC			0x04040
#define VTNIC_XONRXC			0x04048
#define VTNIC_XONTXC			0x0404c
#define VTNIC_XOFFRXC			0x04050
#define VTNIC_XOFFTXC			0x04054
#define VTNIC_GPRC			0x04074
#define VTNIC_BPRC			0x04078
#define VTNIC_MPRC			0x0407c
#define VTNIC_GPTC			0x04080
#define VTNIC_GORCL			0x04088	/* 64 bit: read low, then high */
#define VTNIC_GOTCL			0x04090
#define VTNIC_RNBC			0x040a0
#define VTNIC_RUC			0x040a4
#define VTNIC_RFC			0x040a8
#define VTNIC_ROC			0x040ac
#define VTNIC_RJC			0x040b0
#define VTNIC_TPR			0x040d0
#define VTNIC_TPT			0x040d4
#define VTNIC_MPTC			0x040f0
#define VTNIC_BPTC			0x040f4
#define VTNIC_TSCTC			0x040f8

/*
 * Virtualization (82576 datasheet 7.8 and 8.13; the values igb uses).
 * Pool n is VF n; the PF keeps pool num_vfs.  Pool n owns queues n and
 * n + 8.
 */
#define VTNIC_POOLS			8
#define VTNIC_POOL_QUEUES		2
#define VTNIC_POOL_QUEUE(pool, k)	((pool) + 8 * (k))

/* Mailbox: 16 words of memory per VF, the PF's control register per VF */
#define VTNIC_VMBMEM(vf)		(0x00800 + 0x40 * (vf))
#define VTNIC_P2VMAILBOX(vf)		(0x00c00 + 4 * (vf))
#define VTNIC_P2VMAILBOX_STS		BIT(0)	/* message for the VF */
#define VTNIC_P2VMAILBOX_ACK		BIT(1)	/* the VF's message taken */
#define VTNIC_P2VMAILBOX_VFU		BIT(2)	/* the VF holds the buffer */
#define VTNIC_P2VMAILBOX_PFU		BIT(3)	/* the PF holds the buffer */
#define VTNIC_P2VMAILBOX_RVFU		BIT(4)	/* release a stuck VF's hold */
#define VTNIC_MBVFICR			0x00c80	/* W1C */
#define VTNIC_MBVFICR_VFREQ(vf)		BIT(vf)
#define VTNIC_MBVFICR_VFACK(vf)		BIT(16 + (vf))
#define VTNIC_MBVFIMR			0x00c84
#define VTNIC_VFLRE			0x00c88	/* W1C */
#define VTNIC_VFRE			0x00c8c
#define VTNIC_VFTE			0x00c90
#define VTNIC_ICR_VMMB			BIT(8)	/* mailbox or VF reset */

/* Queue drop enable: a full VF queue must not stall the others */
#define VTNIC_QDE			0x02408

/* TX switch control: anti-spoof per pool, VMDq loopback (VEB) */
#define VTNIC_DTXSWC			0x03500
#define VTNIC_DTXSWC_MAC_SPOOF(pool)	BIT(pool)
#define VTNIC_DTXSWC_VLAN_SPOOF(pool)	BIT(8 + (pool))
#define VTNIC_DTXSWC_VMDQ_LOOPBACK	BIT(31)

/* TX rate limiter per queue (7.10.3.7) */
#define VTNIC_RTTDQSEL			0x03604
#define VTNIC_RTTBCNRM			0x03690
#define VTNIC_RTTBCNRC			0x036b0
#define VTNIC_RTTBCNRC_RS_ENA		BIT(31)
#define VTNIC_RTTBCNRC_RF_INT		GENMASK(27, 14)
#define VTNIC_RTTBCNRC_RF_DEC		GENMASK(13, 0)
#define VTNIC_RTTBCNRC_FRAC_BITS	14
#define VTNIC_RTTBCNRM_DEFAULT		0x14	/* igb's MMW size */

/* Default VLAN inserted into a pool's transmit frames */
#define VTNIC_VMVIR(pool)		(0x03700 + 4 * (pool))
#define VTNIC_VMVIR_TAG			GENMASK(15, 0)
#define VTNIC_VMVIR_ALWAYS		BIT(30)

/* Pool selection */
#define VTNIC_VT_CTL			0x0581c
#define VTNIC_VT_CTL_DEF_POOL		GENMASK(9, 7)
#define VTNIC_VT_CTL_DIS_DEF_POOL	BIT(29)
#define VTNIC_VT_CTL_REPL_EN		BIT(30)

/* Per-pool receive offload control */
#define VTNIC_VMOLR(pool)		(0x05ad0 + 4 * (pool))
#define VTNIC_VMOLR_RLPML		GENMASK(13, 0)
#define VTNIC_VMOLR_LPE			BIT(16)
#define VTNIC_VMOLR_AUPE		BIT(24)	/* accept untagged */
#define VTNIC_VMOLR_ROMPE		BIT(25)	/* accept MTA hash hits */
#define VTNIC_VMOLR_ROPE		BIT(26)	/* accept UTA hash hits */
#define VTNIC_VMOLR_BAM			BIT(27)	/* accept broadcast */
#define VTNIC_VMOLR_MPME		BIT(28)	/* accept all multicast */
#define VTNIC_VMOLR_STRVLAN		BIT(30)
#define VTNIC_VMOLR_STRCRC		BIT(31)
#define VTNIC_RPLOLR			0x05af0
#define VTNIC_RPLOLR_STRVLAN		BIT(30)
#define VTNIC_RPLOLR_STRCRC		BIT(31)

/* VLAN filters per pool; entry 0 is kept for VLAN 0 */
#define VTNIC_VLVF(n)			(0x05d00 + 4 * (n))
#define VTNIC_VLVF_ENTRIES		32
#define VTNIC_VLVF_VID			GENMASK(11, 0)
#define VTNIC_VLVF_POOLSEL		GENMASK(19, 12)
#define VTNIC_VLVF_ENABLE		BIT(31)

/* RAH pool bitmap in VMDq mode */
#define VTNIC_RAH_POOL(pool)		BIT(18 + (pool))
#define VTNIC_RAH_POOLS			GENMASK(25, 18)

/*
 * A VF's statistics as the PF sees them (VF n at 0x10000 + 0x100 n):
 * free-running 32-bit counters that wrap.
 */
#define VTNIC_PVF_STATS(vf)		(0x10000 + 0x100 * (vf))
#define VTNIC_PVFGPRC			0x10	/* good packets received */
#define VTNIC_PVFGPTC			0x14	/* good packets sent */
#define VTNIC_PVFGORC			0x18	/* good octets received */
#define VTNIC_PVFGOTC			0x34	/* good octets sent */
#define VTNIC_PVFMPRC			0x3c	/* multicast received */

/* PHY registers over MDIC (IEEE 802.3 clause 22) */
#define VTNIC_PHY_BMCR			0x00
#define VTNIC_PHY_BMCR_ANRESTART	BIT(9)
#define VTNIC_PHY_BMCR_ANENABLE		BIT(12)

#endif /* _VTNIC_82576_REGS_H_ */
