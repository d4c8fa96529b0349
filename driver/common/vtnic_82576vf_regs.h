/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 82576 VF's own register window (82576 VF BAR0, datasheet 8.14;
 * igbvf's regs.h names the same offsets).  CTRL, STATUS, the interrupt
 * block and EITR sit where the PF's are; the VF's two queues are the
 * aliases of its pool's queues.  Included by the VF driver, and by the
 * PF's header for the fields they share.
 */
#ifndef _VTNIC_82576VF_REGS_H_
#define _VTNIC_82576VF_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

#include "vtnic_hw.h"

/* Device Control: the VF's own reset (8.14.1) */
#define VTNIC_VF_CTRL			0x00000
#define VTNIC_VF_CTRL_RST		BIT(26)

/*
 * Device Status (8.14.2): the port's link, as the PF's STATUS (8.2.2)
 * shows it, with the same fields, which the PF's header takes from here
 */
#define VTNIC_VF_STATUS			VTNIC_HW_STATUS
#define VTNIC_STATUS_FD			BIT(0)
#define VTNIC_STATUS_LU			BIT(1)
#define VTNIC_STATUS_SPEED		GENMASK(7, 6)
enum {
	VTNIC_STATUS_SPEED_10		= 0,
	VTNIC_STATUS_SPEED_100		= 1,
	VTNIC_STATUS_SPEED_1000		= 2,
};

/* MSI-X interrupts (8.14.3 - 8.14.10) */
#define VTNIC_VF_EICR			0x01580
#define VTNIC_VF_EIMS			0x01524
#define VTNIC_VF_EIMC			0x01528
#define VTNIC_VF_EIAC			0x0152c
#define VTNIC_VF_EIAM			0x01530
#define VTNIC_VF_EITR(v)		(0x01680 + 4 * (v))
#define VTNIC_VF_EITR_INTERVAL		GENMASK(14, 2)	/* microseconds */
#define VTNIC_VF_EITR_CNT_IGNR		BIT(31)
#define VTNIC_VF_IVAR0			0x01700	/* byte 0 RX q0, byte 1 TX q0 */
#define VTNIC_VF_IVAR_MISC		0x01740	/* byte 0 mailbox vector */
#define VTNIC_VF_IVAR_VALID		BIT(7)

/* The VF's queues; each block is laid out as VTNIC_RING_* says */
#define VTNIC_VF_RDBAL(q)		(0x02800 + 0x100 * (q))
#define VTNIC_VF_SRRCTL(q)		(0x0280c + 0x100 * (q))
#define VTNIC_VF_SRRCTL_BSIZEPKT	GENMASK(6, 0)	/* 1 KB units */
#define VTNIC_VF_SRRCTL_DESCTYPE	GENMASK(27, 25)
enum {
	VTNIC_VF_SRRCTL_DESCTYPE_ADV_ONEBUF = 1,
};

#define VTNIC_VF_SRRCTL_DROP_EN		BIT(31)
#define VTNIC_VF_RXDCTL(q)		(0x02828 + 0x100 * (q))
#define VTNIC_VF_TDBAL(q)		(0x03800 + 0x100 * (q))
#define VTNIC_VF_TXDCTL(q)		(0x03828 + 0x100 * (q))
#define VTNIC_VF_XDCTL_PTHRESH		GENMASK(4, 0)
#define VTNIC_VF_XDCTL_HTHRESH		GENMASK(12, 8)
#define VTNIC_VF_XDCTL_WTHRESH		GENMASK(20, 16)
#define VTNIC_VF_XDCTL_ENABLE		BIT(25)

/* The mailbox, the VF's side (7.8.2.9) */
#define VTNIC_VF_VMBMEM			0x00800
#define VTNIC_V2PMAILBOX		0x00c40
#define VTNIC_V2PMAILBOX_REQ		BIT(0)	/* post a message to the PF */
#define VTNIC_V2PMAILBOX_ACK		BIT(1)	/* the PF's message taken */
#define VTNIC_V2PMAILBOX_VFU		BIT(2)	/* take the buffer */
#define VTNIC_V2PMAILBOX_PFU		BIT(3)	/* the PF holds the buffer */
#define VTNIC_V2PMAILBOX_PFSTS		BIT(4)	/* PF message waiting; R2C */
#define VTNIC_V2PMAILBOX_PFACK		BIT(5)	/* PF took ours; R2C */
#define VTNIC_V2PMAILBOX_RSTI		BIT(6)	/* PF reset in progress */
#define VTNIC_V2PMAILBOX_RSTD		BIT(7)	/* PF reset done; R2C */
#define VTNIC_V2PMAILBOX_R2C		(VTNIC_V2PMAILBOX_PFSTS | \
					 VTNIC_V2PMAILBOX_PFACK | \
					 VTNIC_V2PMAILBOX_RSTD)

/* Where the VF side of the mailbox is (struct vtnic_mbx_vf_regs) */
#define VTNIC_82576VF_MBX_REGS {		\
	.ctl = VTNIC_V2PMAILBOX,		\
	.mem = VTNIC_VF_VMBMEM,			\
	.ctrl = VTNIC_VF_CTRL,			\
	.ctrl_rst = VTNIC_VF_CTRL_RST,		\
	.dialect = VTNIC_MBX_VF_IGB,	\
}

/*
 * The VF's statistics (8.14.x): free-running 32-bit counters that wrap,
 * the same block the PF reads at 0x10000 + 0x100 n
 */
#define VTNIC_VF_STATS			0x00f00
#define VTNIC_VF_GPRC			(VTNIC_VF_STATS + 0x10)
#define VTNIC_VF_GPTC			(VTNIC_VF_STATS + 0x14)
#define VTNIC_VF_GORC			(VTNIC_VF_STATS + 0x18)
#define VTNIC_VF_GOTC			(VTNIC_VF_STATS + 0x34)
#define VTNIC_VF_MPRC			(VTNIC_VF_STATS + 0x3c)

#endif /* _VTNIC_82576VF_REGS_H_ */
