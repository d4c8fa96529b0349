/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 82599 VF's own register window (82599 VF BAR0, 16 KB; datasheet
 * 8.3; ixgbevf names the same offsets): what its mailbox takes so far.
 * The mailbox control bits are every VT-c VF's (VTNIC_VFMBX_* in
 * vtnic_mbx_vf.h).
 */
#ifndef _VTNIC_82599VF_REGS_H_
#define _VTNIC_82599VF_REGS_H_

#include <linux/bits.h>

/* VF Control: the VF's own reset */
#define VTNIC_VFCTRL			0x00000
#define VTNIC_VFCTRL_RST		BIT(26)

/* The mailbox, the VF's side (8.3.5.1): 16 words, then the control */
#define VTNIC_VFMBMEM			0x00200
#define VTNIC_VFMAILBOX			0x002fc

/* Where the VF side of the mailbox is (struct vtnic_mbx_vf_regs) */
#define VTNIC_82599VF_MBX_REGS {		\
	.ctl = VTNIC_VFMAILBOX,			\
	.mem = VTNIC_VFMBMEM,			\
	.ctrl = VTNIC_VFCTRL,			\
	.ctrl_rst = VTNIC_VFCTRL_RST,		\
}

#endif /* _VTNIC_82599VF_REGS_H_ */
