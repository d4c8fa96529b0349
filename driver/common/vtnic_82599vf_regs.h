/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 82599 VF's own register window (82599 VF BAR0, 16 KB; datasheet
 * 8.3; ixgbevf names the same offsets): the mailbox, link, interrupts,
 * one queue pair and the counters.  The mailbox control bits are every
 * VT-c VF's (VTNIC_VFMBX_* in vtnic_mbx_vf.h).
 */
#ifndef _VTNIC_82599VF_REGS_H_
#define _VTNIC_82599VF_REGS_H_

#include <linux/bits.h>

/* VF Control: the VF's own reset */
#define VTNIC_VFCTRL			0x00000
#define VTNIC_VFCTRL_RST		BIT(26)

/* VF Links (8.3.5.1.3): the port's link as the PF's LINKS shows it */
#define VTNIC_VFLINKS			0x00010
#define VTNIC_VFLINKS_SPEED		GENMASK(29, 28)
enum {
	VTNIC_VFLINKS_SPEED_100		= 1,
	VTNIC_VFLINKS_SPEED_1G		= 2,
	VTNIC_VFLINKS_SPEED_10G		= 3,
};

#define VTNIC_VFLINKS_UP		BIT(30)

/* MSI-X (8.3.5.2.x): one cause and mask bit per vector */
#define VTNIC_VTEIMS			0x00108
#define VTNIC_VTEIMC			0x0010c
#define VTNIC_VTEIAC			0x00110
#define VTNIC_VTEIAM			0x00114
#define VTNIC_VTIVAR(i)			(0x00120 + 4 * (i))	/* byte 0 RX q, byte 1 TX q */
#define VTNIC_VTIVAR_MISC		0x00140	/* byte 0 mailbox vector */
#define VTNIC_VTIVAR_VALID		BIT(7)
#define VTNIC_VTEITR(v)			(0x00820 + 4 * (v))
#define VTNIC_VTEITR_INTERVAL		GENMASK(11, 3)	/* 2 us units */
#define VTNIC_VTEITR_CNT_WDIS		BIT(31)

/* The VF's queues (8.3.5.3, 8.3.5.4); each block as VTNIC_RING_* says */
#define VTNIC_VFRDBAL(q)		(0x01000 + 0x40 * (q))
#define VTNIC_VFSRRCTL(q)		(0x01014 + 0x40 * (q))
#define VTNIC_VFSRRCTL_BSIZEPKT		GENMASK(4, 0)	/* 1 KB units */
#define VTNIC_VFSRRCTL_DESCTYPE		GENMASK(27, 25)
enum {
	VTNIC_VFSRRCTL_DESCTYPE_ADV_ONEBUF = 1,
};

#define VTNIC_VFSRRCTL_DROP_EN		BIT(28)
#define VTNIC_VFRXDCTL(q)		(0x01028 + 0x40 * (q))
#define VTNIC_VFTDBAL(q)		(0x02000 + 0x40 * (q))
#define VTNIC_VFTXDCTL(q)		(0x02028 + 0x40 * (q))
#define VTNIC_VFXDCTL_PTHRESH		GENMASK(6, 0)
#define VTNIC_VFXDCTL_HTHRESH		GENMASK(14, 8)
#define VTNIC_VFXDCTL_WTHRESH		GENMASK(22, 16)
#define VTNIC_VFXDCTL_ENABLE		BIT(25)
#define VTNIC_VFRXDCTL_VME		BIT(30)	/* strip the VLAN tag */

/*
 * The pool's receive layout (the PF's PSRTYPE): its RQPL field [31:29]
 * spreads RSS over 1, 2 or 4 of the pool's queues; 0 is queue 0 alone
 */
#define VTNIC_VFPSRTYPE			0x00300
#define VTNIC_VFPSRTYPE_RQPL		GENMASK(31, 29)	/* log2 of the RSS queues */

/*
 * The VF's counters (8.3.5.5): free-running, not cleared on read; the
 * octet counters are 36 bits, of which the low 32 are folded
 */
#define VTNIC_VFGPRC			0x0101c
#define VTNIC_VFGORC_LSB		0x01020
#define VTNIC_VFMPRC			0x01034
#define VTNIC_VFGPTC			0x0201c
#define VTNIC_VFGOTC_LSB		0x02020

/* The mailbox, the VF's side (8.3.5.1): 16 words, then the control */
#define VTNIC_VFMBMEM			0x00200
#define VTNIC_VFMAILBOX			0x002fc

/* Where the VF side of the mailbox is (struct vtnic_mbx_vf_regs) */
#define VTNIC_82599VF_MBX_REGS {		\
	.ctl = VTNIC_VFMAILBOX,			\
	.mem = VTNIC_VFMBMEM,			\
	.ctrl = VTNIC_VFCTRL,			\
	.ctrl_rst = VTNIC_VFCTRL_RST,		\
	.dialect = VTNIC_MBX_VF_IXGBE,	\
}

#endif /* _VTNIC_82599VF_REGS_H_ */
