/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VF side of the VT-c mailbox: the transport (82576 datasheet
 * 7.8.2.9, igbvf's steps) and the requests vtnicvf makes.  Plain logic
 * over the VF's register window, so the unit tests compile it too.
 *
 * Every exchange is one request and its reply under the caller's lock,
 * in process context: posted operations poll with a bounded sleep.  A
 * PF control message that arrives while a reply is awaited is taken
 * and recorded, not mistaken for the reply.
 */
#ifndef _VTNIC_MBX_VF_H_
#define _VTNIC_MBX_VF_H_

#include <linux/bits.h>
#include <linux/types.h>

#include "vtnic_hw.h"
#include "vtnic_mbx_msg.h"

/*
 * The VF's side of its mailbox control register: the same bits on every
 * VT-c VF (82576 datasheet 8.14.x V2PMAILBOX, 82599 8.3.5.1.x VFMAILBOX);
 * where it is comes from struct vtnic_mbx_vf_regs.
 */
#define VTNIC_VFMBX_REQ			BIT(0)	/* post a message to the PF */
#define VTNIC_VFMBX_ACK			BIT(1)	/* the PF's message taken */
#define VTNIC_VFMBX_VFU			BIT(2)	/* take the buffer */
#define VTNIC_VFMBX_PFU			BIT(3)	/* the PF holds the buffer */
#define VTNIC_VFMBX_PFSTS		BIT(4)	/* PF message waiting; R2C */
#define VTNIC_VFMBX_PFACK		BIT(5)	/* PF took ours; R2C */
#define VTNIC_VFMBX_RSTI		BIT(6)	/* PF reset in progress */
#define VTNIC_VFMBX_RSTD		BIT(7)	/* PF reset done; R2C */
#define VTNIC_VFMBX_R2C			(VTNIC_VFMBX_PFSTS | \
					 VTNIC_VFMBX_PFACK | \
					 VTNIC_VFMBX_RSTD)

/*
 * The message dialect a MAC's PFs speak: igb's (82576) or ixgbe's
 * (82599), which negotiates an API version, answers RESET in four words
 * and has UPDATE_XCAST_MODE where igb has SET_PROMISC.
 */
enum vtnic_mbx_vf_dialect {
	VTNIC_MBX_VF_IGB,
	VTNIC_MBX_VF_IXGBE,
};

/**
 * struct vtnic_mbx_vf_regs - where one MAC's VF keeps its mailbox
 * @ctl: the mailbox control register (VTNIC_VFMBX_*)
 * @mem: the VTNIC_MBX_WORDS-word buffer
 * @ctrl: device control, which holds the VF's own reset
 * @ctrl_rst: the reset bit of @ctrl
 * @dialect: the messages its PFs understand
 */
struct vtnic_mbx_vf_regs {
	u32 ctl;
	u32 mem;
	u32 ctrl;
	u32 ctrl_rst;
	enum vtnic_mbx_vf_dialect dialect;
};

/*
 * Bounds: each wait polls every VTNIC_MBX_VF_POLL_US; a posted message
 * waits up to VTNIC_MBX_VF_POLLS of them (about 1 s, igbvf's bound) for
 * the PF to take it and as long again for the reply.
 */
#define VTNIC_MBX_VF_POLL_US		500
#define VTNIC_MBX_VF_POLLS		2000
/* After CTRL.RST, how long the PF may keep RSTI set before we give up */
#define VTNIC_MBX_VF_RST_POLLS		20
/* PF control messages taken while waiting for one reply, at most */
#define VTNIC_MBX_VF_CONTROLS_MAX	8

/**
 * struct vtnic_mbx_vf - one VF's mailbox
 * @hw: the VF's register window
 * @regs: where its mailbox registers are
 * @v2p: read-to-clear mailbox control bits seen and not yet consumed: a read
 *	 for one purpose must not lose the bits another check waits for
 * @cts: the last word 0 from the PF carried CTS (clear to send): the PF
 *	 takes our messages and lets the link up.  A RESET reply never
 *	 carries it (Intel's rule), so it is learned from the next reply.
 * @pf_reset: the PF reset (RSTI, RSTD) or forgot the VF (a NACK without
 *	      CTS): the VF must reset before it talks again
 * @api: ixgbe dialect: the API version agreed (enum vtnic_mbx_api), 1.0
 *	 after every reset until vtnic_mbx_vf_negotiate_api()
 */
struct vtnic_mbx_vf {
	struct vtnic_hw *hw;
	const struct vtnic_mbx_vf_regs *regs;
	u32 v2p;
	bool cts;
	bool pf_reset;
	u32 api;
};

/**
 * struct vtnic_mbx_vf_reset_info - what the PF's RESET reply says
 * @mac: the address the PF assigned the VF
 * @mac_valid: @mac is set; false when the PF has none for the VF (NACK),
 *	       so the VF picks one and asks for it with SET_MAC_ADDR
 * @mc_filter_type: ixgbe dialect: which address bits the PF hashes
 *		    multicast with (its MCSTCTRL.MO, 0-3); 0 on igb
 */
struct vtnic_mbx_vf_reset_info {
	u8 mac[6];
	bool mac_valid;
	u8 mc_filter_type;
};

/**
 * struct vtnic_mbx_vf_queues - the PF's GET_QUEUES answer, checked
 * @tx: transmit queues the VF may use, 1 to VTNIC_MBX_VF_MAX_QUEUES
 * @rx: receive queues, likewise
 * @tcs: traffic classes the PF inserts tags for (0 or 1: none, or a port
 *	 VLAN), at most @rx
 * @def_q: the queue untagged traffic goes to, below @tx
 */
struct vtnic_mbx_vf_queues {
	u8 tx;
	u8 rx;
	u8 tcs;
	u8 def_q;
};

/* Most queues a VF has on any VT-c MAC (the 82599's 16 pools of 8) */
#define VTNIC_MBX_VF_MAX_QUEUES		8

void vtnic_mbx_vf_init(struct vtnic_mbx_vf *mbx, struct vtnic_hw *hw,
		       const struct vtnic_mbx_vf_regs *regs);
int vtnic_mbx_vf_reset(struct vtnic_mbx_vf *mbx,
		       struct vtnic_mbx_vf_reset_info *info);
int vtnic_mbx_vf_set_mac(struct vtnic_mbx_vf *mbx, const u8 *mac);
int vtnic_mbx_vf_set_uc_addr(struct vtnic_mbx_vf *mbx, unsigned int index,
			     const u8 *mac);
int vtnic_mbx_vf_set_multicast(struct vtnic_mbx_vf *mbx, const u16 *hashes,
			       unsigned int count);
int vtnic_mbx_vf_set_mc_promisc(struct vtnic_mbx_vf *mbx, bool on);
int vtnic_mbx_vf_set_vlan(struct vtnic_mbx_vf *mbx, u16 vid, bool add);
int vtnic_mbx_vf_set_lpe(struct vtnic_mbx_vf *mbx, u32 max_frame);
bool vtnic_mbx_vf_poll(struct vtnic_mbx_vf *mbx);
u32 vtnic_mbx_vf_negotiate_api(struct vtnic_mbx_vf *mbx);
int vtnic_mbx_vf_get_queues(struct vtnic_mbx_vf *mbx,
			    struct vtnic_mbx_vf_queues *q);
int vtnic_mbx_vf_get_link_state(struct vtnic_mbx_vf *mbx, bool *enabled);
int vtnic_mbx_vf_get_reta(struct vtnic_mbx_vf *mbx, u8 *reta);
int vtnic_mbx_vf_get_rss_key(struct vtnic_mbx_vf *mbx, u8 *key);

#endif /* _VTNIC_MBX_VF_H_ */
