// SPDX-License-Identifier: GPL-2.0
/*
 * The VF side of the VT-c mailbox (82576 datasheet 7.8.2.9): post a
 * request, wait for the PF to take it, wait for the reply, and the
 * requests vtnicvf makes.  Errors map to errno in vtnic_mbx_vf_errno()
 * alone.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <linux/string.h>

#include "vtnic_mbx_vf.h"

/**
 * vtnic_mbx_vf_init() - a mailbox before the first reset
 * @mbx: the mailbox
 * @hw: the VF's register window
 * @regs: where the VF's MAC keeps its mailbox
 */
void vtnic_mbx_vf_init(struct vtnic_mbx_vf *mbx, struct vtnic_hw *hw,
		       const struct vtnic_mbx_vf_regs *regs)
{
	memset(mbx, 0, sizeof(*mbx));
	mbx->hw = hw;
	mbx->regs = regs;
	mbx->api = VTNIC_MBX_API_10;
}

/* Read the mailbox control register, keeping the read-to-clear bits for whoever needs them */
static u32 vtnic_mbx_vf_v2p(struct vtnic_mbx_vf *mbx)
{
	u32 v2p = vtnic_hw_rd32(mbx->hw, mbx->regs->ctl);

	/* The all ones of a device that is gone are no mailbox bits */
	if (!vtnic_hw_present(mbx->hw))
		return 0;
	mbx->v2p |= v2p & VTNIC_VFMBX_R2C;
	if (v2p & VTNIC_VFMBX_RSTI)
		mbx->pf_reset = true;
	return v2p;
}

/* Consume @bits if seen; true when they were */
static bool vtnic_mbx_vf_take(struct vtnic_mbx_vf *mbx, u32 bits)
{
	vtnic_mbx_vf_v2p(mbx);
	if (!(mbx->v2p & bits))
		return false;
	mbx->v2p &= ~bits;
	return true;
}

/* Wait for @bits; -ENODEV, -EAGAIN when the PF reset meanwhile, -ETIMEDOUT */
static int vtnic_mbx_vf_wait(struct vtnic_mbx_vf *mbx, u32 bits)
{
	unsigned int i;

	for (i = 0; i < VTNIC_MBX_VF_POLLS; i++) {
		if (vtnic_mbx_vf_take(mbx, bits))
			return 0;
		if (!vtnic_hw_present(mbx->hw))
			return -ENODEV;
		if (mbx->v2p & VTNIC_VFMBX_RSTD)
			mbx->pf_reset = true;
		if (mbx->pf_reset)
			return -EAGAIN;
		usleep_range(VTNIC_MBX_VF_POLL_US, 2 * VTNIC_MBX_VF_POLL_US);
	}
	return -ETIMEDOUT;
}

/* Take the buffer: the VFU write sticks only while the PF does not hold it */
static int vtnic_mbx_vf_lock(struct vtnic_mbx_vf *mbx)
{
	unsigned int i;

	for (i = 0; i < VTNIC_MBX_VF_RST_POLLS; i++) {
		vtnic_hw_wr32(mbx->hw, mbx->regs->ctl, VTNIC_VFMBX_VFU);
		if (vtnic_mbx_vf_v2p(mbx) & VTNIC_VFMBX_VFU)
			return 0;
		if (!vtnic_hw_present(mbx->hw))
			return -ENODEV;
		usleep_range(VTNIC_MBX_VF_POLL_US, 2 * VTNIC_MBX_VF_POLL_US);
	}
	return -EBUSY;
}

/* Copy the PF's message and acknowledge it, which gives the buffer back */
static int vtnic_mbx_vf_read(struct vtnic_mbx_vf *mbx, u32 *msg,
			     unsigned int words)
{
	unsigned int i;
	int err;

	err = vtnic_mbx_vf_lock(mbx);
	if (err)
		return err;
	for (i = 0; i < words; i++)
		msg[i] = vtnic_hw_rd32(mbx->hw, mbx->regs->mem + 4 * i);
	vtnic_hw_wr32(mbx->hw, mbx->regs->ctl, VTNIC_VFMBX_ACK);
	return 0;
}

static bool vtnic_mbx_vf_ixgbe(const struct vtnic_mbx_vf *mbx)
{
	return mbx->regs->dialect == VTNIC_MBX_VF_IXGBE;
}

/*
 * A PF control message: the PF tells whether we may talk and have link.
 * An ixgbe PF that takes CTS away (a trust or link-state change, its
 * interface going down) answers everything but RESET with a NACK from
 * then on: only a VF reset makes the VF clear to send again.
 */
static void vtnic_mbx_vf_control(struct vtnic_mbx_vf *mbx, u32 word0)
{
	mbx->cts = !!(word0 & VTNIC_MBX_CTS);
	if (!mbx->cts && vtnic_mbx_vf_ixgbe(mbx))
		mbx->pf_reset = true;
}

/*
 * The one place mailbox outcomes become errno.  A NACK is the PF's
 * policy talking: an address it does not allow, a VLAN it will not give,
 * a frame size out of its range.
 */
static int vtnic_mbx_vf_errno(u16 opcode, const struct vtnic_mbx_hdr *reply)
{
	if (reply->ack)
		return 0;
	if (!reply->nack)
		return -EIO;
	switch (opcode) {
	case VTNIC_MBX_RESET:
	case VTNIC_MBX_SET_MAC_ADDR:
		return -EADDRNOTAVAIL;
	case VTNIC_MBX_SET_LPE:
		return -EINVAL;
	case VTNIC_MBX_API_NEGOTIATE:
		return -EOPNOTSUPP;
	default:
		return -EPERM;
	}
}

/*
 * Post @msg (@words words) and read the reply's first @reply_words words
 * into @msg.  Return: 0 on ACK, or an errno from vtnic_mbx_vf_errno() or
 * the transport; -EIO too after VTNIC_MBX_VF_CONTROLS_MAX control
 * messages without the reply.
 */
static int vtnic_mbx_vf_xfer(struct vtnic_mbx_vf *mbx, u32 *msg,
			     unsigned int words, unsigned int reply_words)
{
	u16 opcode = FIELD_GET(VTNIC_MBX_OPCODE, msg[0]);
	struct vtnic_mbx_hdr reply;
	unsigned int i, controls = 0;
	int err;

	if (mbx->pf_reset)
		return -EAGAIN;
	err = vtnic_mbx_vf_lock(mbx);
	if (err)
		return err;
	/*
	 * Stale acknowledgements belong to nothing we wait for now, and a PF
	 * message still unread is overwritten by ours (igbvf flushes both):
	 * its PFSTS would have us take our own request for the reply.
	 */
	mbx->v2p &= ~(VTNIC_VFMBX_PFACK | VTNIC_VFMBX_PFSTS);
	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		vtnic_hw_wr32(mbx->hw, mbx->regs->mem + 4 * i,
			      i < words ? msg[i] : 0);
	vtnic_hw_wr32(mbx->hw, mbx->regs->ctl, VTNIC_VFMBX_REQ);

	err = vtnic_mbx_vf_wait(mbx, VTNIC_VFMBX_PFACK);
	if (err)
		return err;

	/*
	 * The reply; a control message may come first: note it, wait on.
	 * Not forever: a PF that sends nothing but control messages would
	 * hold the caller's locks.
	 */
	for (;;) {
		err = vtnic_mbx_vf_wait(mbx, VTNIC_VFMBX_PFSTS);
		if (!err)
			err = vtnic_mbx_vf_read(mbx, msg, reply_words);
		if (err)
			return err;
		if (vtnic_mbx_hdr_decode(msg[0], &reply))
			return -EIO;
		if (reply.opcode == VTNIC_MBX_PF_CONTROL) {
			vtnic_mbx_vf_control(mbx, msg[0]);
			if (++controls == VTNIC_MBX_VF_CONTROLS_MAX)
				return -EIO;
			continue;
		}
		if (reply.opcode != opcode)
			return -EIO;
		break;
	}
	if (opcode != VTNIC_MBX_RESET)
		mbx->cts = reply.cts;
	return vtnic_mbx_vf_errno(opcode, &reply);
}

/* Send @opcode with @words words of @msg; the reply's @reply_words land in @msg */
static int vtnic_mbx_vf_req_reply(struct vtnic_mbx_vf *mbx, u16 opcode,
				  u8 info, u32 *msg, unsigned int words,
				  unsigned int reply_words)
{
	struct vtnic_mbx_hdr hdr = { .opcode = opcode, .info = info };

	msg[0] = vtnic_mbx_hdr_encode(&hdr);
	return vtnic_mbx_vf_xfer(mbx, msg, words, reply_words);
}

static int vtnic_mbx_vf_req(struct vtnic_mbx_vf *mbx, u16 opcode, u8 info,
			    u32 *msg, unsigned int words)
{
	return vtnic_mbx_vf_req_reply(mbx, opcode, info, msg, words, 1);
}

/**
 * vtnic_mbx_vf_reset() - reset the VF and introduce it to the PF
 * @mbx: the mailbox
 * @info: the PF's answer
 *
 * CTRL.RST resets the VF's queues and interrupts and tells the PF
 * (VFLRE).  While the PF itself resets it keeps RSTI set; once it is
 * done, RESET gets the VF's address and makes it clear to send.
 *
 * The ixgbe dialect's reply has a fourth word, the PF's multicast filter
 * type; a reset also takes the API back to 1.0 on both sides.
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0; -EAGAIN while the PF resets (RSTI); -ETIMEDOUT when the PF
 * does not answer (its interface is down); -EADDRNOTAVAIL with
 * @info->mac_valid false when the PF has no address for the VF (which
 * is not a failure: the VF then picks one); -EBUSY or -ENODEV.
 */
int vtnic_mbx_vf_reset(struct vtnic_mbx_vf *mbx,
		       struct vtnic_mbx_vf_reset_info *info)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	struct vtnic_mbx_hdr hdr = { .opcode = VTNIC_MBX_RESET };
	unsigned int i;
	int err;

	memset(info, 0, sizeof(*info));
	vtnic_hw_wr32(mbx->hw, mbx->regs->ctrl, mbx->regs->ctrl_rst);
	mbx->v2p = 0;
	mbx->cts = false;
	mbx->api = VTNIC_MBX_API_10;
	for (i = 0; i < VTNIC_MBX_VF_RST_POLLS; i++) {
		usleep_range(VTNIC_MBX_VF_POLL_US, 2 * VTNIC_MBX_VF_POLL_US);
		if (!(vtnic_hw_rd32(mbx->hw, mbx->regs->ctl) &
		      VTNIC_VFMBX_RSTI))
			break;
	}
	if (!vtnic_hw_present(mbx->hw))
		return -ENODEV;
	if (i == VTNIC_MBX_VF_RST_POLLS)
		return -EAGAIN;
	/* This reset answers every reset indication seen so far */
	mbx->v2p = 0;
	mbx->pf_reset = false;

	msg[0] = vtnic_mbx_hdr_encode(&hdr);
	err = vtnic_mbx_vf_xfer(mbx, msg, 1, vtnic_mbx_vf_ixgbe(mbx) ? 4 : 3);
	if (err && err != -EADDRNOTAVAIL)
		return err;
	if (!err) {
		vtnic_mbx_get_mac(&msg[1], info->mac);
		info->mac_valid = true;
	}
	/* MCSTCTRL.MO is two bits: anything else is not a filter type */
	if (vtnic_mbx_vf_ixgbe(mbx) && msg[3] <= 3)
		info->mc_filter_type = msg[3];
	/* Replies to the requests that follow carry CTS from here on */
	mbx->cts = true;
	return err;
}

/**
 * vtnic_mbx_vf_set_mac() - ask for a unicast address
 * @mbx: the mailbox
 * @mac: the address
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EADDRNOTAVAIL when the PF refused it (an address set by
 * the host admin, or one in use), or a transport errno.
 */
int vtnic_mbx_vf_set_mac(struct vtnic_mbx_vf *mbx, const u8 *mac)
{
	u32 msg[VTNIC_MBX_WORDS] = {};

	vtnic_mbx_put_mac(&msg[1], mac);
	return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_SET,
				msg, 3);
}

/**
 * vtnic_mbx_vf_set_uc_addr() - one place of the VF's extra unicast list
 * @mbx: the mailbox
 * @index: 0 clears the list; 1 starts it again with @mac; more adds @mac
 * @mac: the address, for @index 1 and up
 *
 * The VF sends its whole list from 1 after every change, as ixgbevf
 * does.  The ixgbe dialect has SET_MACVLAN with the place in the info
 * field (its PF clears the list at 0 and 1); the igb dialect has
 * SET_MAC_ADDR with a clear and an add (igbvf's MAC_FILTER).
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, or a transport or PF errno (the PF's quota of addresses is
 * full, the address is another's or the admin's rules refuse it).
 */
int vtnic_mbx_vf_set_uc_addr(struct vtnic_mbx_vf *mbx, unsigned int index,
			     const u8 *mac)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	int err;

	if (index > U8_MAX || (index && !mac))
		return -EINVAL;
	if (index)
		vtnic_mbx_put_mac(&msg[1], mac);
	if (vtnic_mbx_vf_ixgbe(mbx))
		return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_MACVLAN, index, msg,
					index ? 3 : 1);
	if (index <= 1) {
		err = vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_MAC_ADDR,
				       VTNIC_MBX_MAC_FILTER_CLR, msg, 3);
		if (err || !index)
			return err;
	}
	return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_MAC_ADDR,
				VTNIC_MBX_MAC_FILTER_ADD, msg, 3);
}

/**
 * vtnic_mbx_vf_set_multicast() - the multicast hashes to receive
 * @mbx: the mailbox
 * @hashes: vtnic_mc_hash() values
 * @count: at most VTNIC_MBX_MAX_MC_HASHES
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EINVAL for too many, or a transport or PF errno.
 */
int vtnic_mbx_vf_set_multicast(struct vtnic_mbx_vf *mbx, const u16 *hashes,
			       unsigned int count)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	int err;

	err = vtnic_mbx_put_mc_hashes(&msg[1], VTNIC_MBX_WORDS - 1, hashes,
				      count);
	if (err)
		return err;
	return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_MULTICAST, count, msg,
				1 + DIV_ROUND_UP(count, 2));
}

/**
 * vtnic_mbx_vf_set_mc_promisc() - receive all multicast, or the hashes
 * @mbx: the mailbox
 * @on: all multicast
 *
 * Stock igb hosts know SET_PROMISC too (Intel's opcode 6); a host that
 * does not, or does not allow it, NACKs.  In the ixgbe dialect opcode 6
 * is SET_MACVLAN: there it is UPDATE_XCAST_MODE, from API 1.2, and the
 * PF answers with the mode it granted (an untrusted VF gets no more than
 * its hashes).
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EPERM when the PF refused (or granted less), -EOPNOTSUPP
 * below API 1.2, or a transport errno.
 */
int vtnic_mbx_vf_set_mc_promisc(struct vtnic_mbx_vf *mbx, bool on)
{
	u32 mode = on ? VTNIC_MBX_XCAST_ALLMULTI : VTNIC_MBX_XCAST_MULTI;
	u32 msg[VTNIC_MBX_WORDS] = {};
	int err;

	if (!vtnic_mbx_vf_ixgbe(mbx))
		return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_PROMISC,
					on ? VTNIC_MBX_PROMISC_MULTICAST : 0,
					msg, 1);
	if (mbx->api < VTNIC_MBX_API_12)
		return on ? -EOPNOTSUPP : 0;
	msg[1] = mode;
	err = vtnic_mbx_vf_req_reply(mbx, VTNIC_MBX_UPDATE_XCAST_MODE, 0, msg,
				     2, 2);
	if (err)
		return err;
	return msg[1] == mode ? 0 : -EPERM;
}

/**
 * vtnic_mbx_vf_set_vlan() - add or remove a VLAN filter
 * @mbx: the mailbox
 * @vid: VLAN ID
 * @add: add, or remove
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EPERM when the PF refused (a port VLAN, no filter left),
 * or a transport errno.
 */
int vtnic_mbx_vf_set_vlan(struct vtnic_mbx_vf *mbx, u16 vid, bool add)
{
	u32 msg[VTNIC_MBX_WORDS] = {};

	msg[1] = vid;
	return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_VLAN,
				add ? VTNIC_MBX_VLAN_ADD : 0, msg, 2);
}

/**
 * vtnic_mbx_vf_set_lpe() - the largest frame the VF receives
 * @mbx: the mailbox
 * @max_frame: bytes, with the Ethernet header, one VLAN tag and the FCS
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EINVAL when the PF refused the size, or a transport errno.
 */
int vtnic_mbx_vf_set_lpe(struct vtnic_mbx_vf *mbx, u32 max_frame)
{
	u32 msg[VTNIC_MBX_WORDS] = {};

	msg[1] = max_frame;
	return vtnic_mbx_vf_req(mbx, VTNIC_MBX_SET_LPE, 0, msg, 2);
}

/**
 * vtnic_mbx_vf_poll() - take what the PF sent unasked
 * @mbx: the mailbox
 *
 * A PF control message updates @mbx->cts; a PF reset sets
 * @mbx->pf_reset, which only vtnic_mbx_vf_reset() clears.
 *
 * Context: process; the caller serialises the mailbox.
 * Return: true when the link or the reset state may have changed.
 */
bool vtnic_mbx_vf_poll(struct vtnic_mbx_vf *mbx)
{
	bool was_cts = mbx->cts, was_reset = mbx->pf_reset;
	struct vtnic_mbx_hdr hdr;
	u32 word0;

	if (vtnic_mbx_vf_take(mbx, VTNIC_VFMBX_RSTD))
		mbx->pf_reset = true;
	if (vtnic_mbx_vf_take(mbx, VTNIC_VFMBX_PFSTS) &&
	    !vtnic_mbx_vf_read(mbx, &word0, 1) &&
	    !vtnic_mbx_hdr_decode(word0, &hdr)) {
		/*
		 * A control message says whether we may talk.  A NACK without
		 * CTS says the PF forgot us (it reset): only a VF reset makes
		 * us clear to send again, as igbvf does.
		 */
		if (hdr.opcode == VTNIC_MBX_PF_CONTROL)
			vtnic_mbx_vf_control(mbx, word0);
		else if (hdr.nack && !hdr.cts)
			mbx->pf_reset = true;
	}
	return mbx->cts != was_cts || mbx->pf_reset != was_reset;
}

/* The versions vtnicvf speaks, newest first; 1.5 (another transport) never */
static const u32 vtnic_mbx_vf_apis[] = {
	VTNIC_MBX_API_14, VTNIC_MBX_API_13, VTNIC_MBX_API_12,
	VTNIC_MBX_API_11, VTNIC_MBX_API_10,
};

/**
 * vtnic_mbx_vf_negotiate_api() - agree on the newest API both sides know
 * @mbx: the mailbox, just reset
 *
 * ixgbe dialect only: asks 1.4, then each older version, and settles on
 * the first the PF acknowledges.  A PF that refuses them all, or does not
 * answer, leaves the VF at 1.0, which needs no agreement.
 *
 * Context: process; the caller serialises the mailbox.
 * Return: the version agreed, enum vtnic_mbx_api.
 */
u32 vtnic_mbx_vf_negotiate_api(struct vtnic_mbx_vf *mbx)
{
	unsigned int i;
	int err;

	mbx->api = VTNIC_MBX_API_10;
	if (!vtnic_mbx_vf_ixgbe(mbx))
		return mbx->api;
	for (i = 0; i < ARRAY_SIZE(vtnic_mbx_vf_apis); i++) {
		u32 msg[VTNIC_MBX_WORDS] = {};

		msg[1] = vtnic_mbx_vf_apis[i];
		err = vtnic_mbx_vf_req(mbx, VTNIC_MBX_API_NEGOTIATE, 0, msg, 3);
		if (!err) {
			mbx->api = vtnic_mbx_vf_apis[i];
			break;
		}
		/* Only a refusal tries the next version; silence ends it */
		if (err != -EOPNOTSUPP)
			break;
	}
	return mbx->api;
}

/**
 * vtnic_mbx_vf_get_queues() - how many queues the PF gives the VF
 * @mbx: the mailbox, API 1.1 or later agreed
 * @q: the answer, every value checked: one the PF should not have sent
 *     is replaced by the safe one (a queue count of 1, no traffic
 *     classes, the default queue 0)
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EOPNOTSUPP below API 1.1, -EPERM when the PF refused, a
 * transport errno, or -EPROTO when a value was out of range (@q holds
 * the safe replacement).
 */
int vtnic_mbx_vf_get_queues(struct vtnic_mbx_vf *mbx,
			    struct vtnic_mbx_vf_queues *q)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	u32 tx, rx, tcs, def_q;
	int err, bad = 0;

	q->tx = 1;
	q->rx = 1;
	q->tcs = 0;
	q->def_q = 0;
	if (!vtnic_mbx_vf_ixgbe(mbx) || mbx->api < VTNIC_MBX_API_11)
		return -EOPNOTSUPP;
	err = vtnic_mbx_vf_req_reply(mbx, VTNIC_MBX_GET_QUEUES, 0, msg,
				     VTNIC_MBX_Q_WORDS, VTNIC_MBX_Q_WORDS);
	if (err)
		return err;
	tx = msg[VTNIC_MBX_Q_TX];
	rx = msg[VTNIC_MBX_Q_RX];
	tcs = msg[VTNIC_MBX_Q_TRANS_VLAN];
	def_q = msg[VTNIC_MBX_Q_DEF];
	if (tx >= 1 && tx <= VTNIC_MBX_VF_MAX_QUEUES)
		q->tx = tx;
	else
		bad = -EPROTO;
	if (rx >= 1 && rx <= VTNIC_MBX_VF_MAX_QUEUES)
		q->rx = rx;
	else
		bad = -EPROTO;
	if (tcs <= q->rx)
		q->tcs = tcs;
	else
		bad = -EPROTO;
	if (def_q < q->tx)
		q->def_q = def_q;
	else
		bad = -EPROTO;
	return bad;
}

/**
 * vtnic_mbx_vf_get_reta() - the port's RSS redirection table
 * @mbx: the mailbox
 * @reta: VTNIC_MBX_RETA_ENTRIES entries: the queue of the VF's pool each
 *	  hash bucket goes to, 0 to 3 as the PF says it
 *
 * The PF answers only when its admin lets the VF ask (query_rss).
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EOPNOTSUPP below API 1.2 or on igb, -EPERM when the PF
 * refused, or a transport errno.
 */
int vtnic_mbx_vf_get_reta(struct vtnic_mbx_vf *mbx, u8 *reta)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	unsigned int i;
	int err;

	BUILD_BUG_ON(1 + VTNIC_MBX_RETA_ENTRIES / 16 > VTNIC_MBX_WORDS);
	if (!vtnic_mbx_vf_ixgbe(mbx) || mbx->api < VTNIC_MBX_API_12)
		return -EOPNOTSUPP;
	err = vtnic_mbx_vf_req_reply(mbx, VTNIC_MBX_GET_RETA, 0, msg, 1,
				     1 + VTNIC_MBX_RETA_ENTRIES / 16);
	if (err)
		return err;
	for (i = 0; i < VTNIC_MBX_RETA_ENTRIES; i++)
		reta[i] = (msg[1 + i / 16] >> (2 * (i % 16))) & 3;
	return 0;
}

/**
 * vtnic_mbx_vf_get_rss_key() - the port's RSS hash key
 * @mbx: the mailbox
 * @key: VTNIC_MBX_RSS_KEY_BYTES bytes
 *
 * Context: process; the caller serialises the mailbox.
 * Return: as vtnic_mbx_vf_get_reta().
 */
int vtnic_mbx_vf_get_rss_key(struct vtnic_mbx_vf *mbx, u8 *key)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	unsigned int i;
	int err;

	BUILD_BUG_ON(1 + VTNIC_MBX_RSS_KEY_BYTES / 4 > VTNIC_MBX_WORDS);
	if (!vtnic_mbx_vf_ixgbe(mbx) || mbx->api < VTNIC_MBX_API_12)
		return -EOPNOTSUPP;
	err = vtnic_mbx_vf_req_reply(mbx, VTNIC_MBX_GET_RSS_KEY, 0, msg, 1,
				     1 + VTNIC_MBX_RSS_KEY_BYTES / 4);
	if (err)
		return err;
	for (i = 0; i < VTNIC_MBX_RSS_KEY_BYTES; i++)
		key[i] = msg[1 + i / 4] >> (8 * (i % 4));
	return 0;
}

/**
 * vtnic_mbx_vf_get_link_state() - whether the host lets the VF have link
 * @mbx: the mailbox, API 1.2 or later agreed
 * @enabled: false when the host administrator disabled the VF's link
 *
 * Context: process; the caller serialises the mailbox.
 * Return: 0, -EOPNOTSUPP below API 1.2, -EPERM when the PF refused, or a
 * transport errno; @enabled is true unless the PF said otherwise.
 */
int vtnic_mbx_vf_get_link_state(struct vtnic_mbx_vf *mbx, bool *enabled)
{
	u32 msg[VTNIC_MBX_WORDS] = {};
	int err;

	*enabled = true;
	if (!vtnic_mbx_vf_ixgbe(mbx) || mbx->api < VTNIC_MBX_API_12)
		return -EOPNOTSUPP;
	err = vtnic_mbx_vf_req_reply(mbx, VTNIC_MBX_GET_LINK_STATE, 0, msg,
				     2, 2);
	if (err)
		return err;
	*enabled = msg[1] != 0;
	return 0;
}
