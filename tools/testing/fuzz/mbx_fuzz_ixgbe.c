// SPDX-License-Identifier: GPL-2.0
/*
 * The fuzz target's ixgbe half: the same records as mbx_fuzz.c (an input
 * whose setup byte has FUZZ_SETUP_IXGBE comes here), run on the real
 * vtnic_iov.c with the 82599's writers (vtnic_iov_82599.c) and the ixgbe
 * dialect, against the 82599 register model (model_82599.c).
 *
 *   setup       bits 2:0: num_vfs, one of 1, 3, 7, 32, 33, 40, 63, 2 (so
 *               the high half of every pool bitmap is reached); bits 4:3
 *               the clock, as in mbx_fuzz.c
 *   records     as in mbx_fuzz.c; the "vf" of a VF event is taken modulo
 *               64, that of an admin setting modulo num_vfs.  PF_RESET and
 *               REENABLE both reset the device and configure it again.
 *
 * After every record it checks, and abort()s naming what broke:
 *
 * - ownership: a VF's message, ack or reset, and an admin setting of VF
 *   n, change no register bit that pool does not own, even for a while
 *   (model_82599_vf_owned_bits(); a link state change may write every
 *   mailbox and PFRSTD); no rate limiter but the pool's queues selected,
 *   no PFQDE written;
 * - a NACK writes nothing but the mailbox, except RESET of a VF without
 *   an address, which resets it and says so with the NACK;
 * - the reply echoes opcode and info with exactly one of ACK and NACK,
 *   no reserved bit, the CTS the VF has, and no word past its length
 *   (RESET 4 with the address when ACKed and filter type 0, GET_QUEUES
 *   5, UPDATE_XCAST_MODE and GET_LINK_STATE 2, others 1): no stale byte;
 * - the API: an acknowledged message was allowed at the version the VF
 *   had; only 1.0 to 1.4 are ever negotiated; RESET and FLR go back to
 *   1.0;
 * - the tables: every enabled VLAN pool filter a distinct VID with pools
 *   only up to the PF's, a VFTA bit iff such a filter has the VID, the
 *   MTA the union of the PF's and every VF's hashes, each VF's address in
 *   its RAR with its pool alone;
 * - the mailbox protocol: no buffer use without PFU, none held after a
 *   record.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

#include "mbx_fuzz.h"
#include "model_82599.h"
#include "vtnic_iov.h"

#define WORDS		VTNIC_MBX_WORDS
#define POOLS		VTNIC_82599_POOLS

static const unsigned int ix_nr_vfs[8] = { 1, 3, 7, 32, 33, 40, 63, 2 };
static const u32 ix_speeds[4] = { 0, 100, 1000, 10000 };

/* What a record may write besides what its VF owns */
enum {
	IX_MAY_MAILBOXES	= BIT(0),	/* pings, PFRSTD */
	IX_MAY_ANYTHING		= BIT(1),	/* the PF's own settings */
};

static struct {
	struct model m;
	struct device dev;
	struct vtnic_hw hw;
	struct vtnic_iov iov;
	unsigned int num_vfs;
	u32 pf_mta[VTNIC_MTA_REGS];
	unsigned int record;
	int kind;
	u64 actors;		/* VFs whose events the services handled */
	/* the VF message being answered */
	bool taken[POOLS];
	u32 req[POOLS][WORDS];
	u8 api_before[POOLS];
	unsigned int taken_log[POOLS];
} x;

static __printf(1, 2) __noreturn void ix_violation(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "mbx_fuzz: ixgbe: record %u (kind %d), num_vfs %u: ",
		x.record, x.kind, x.num_vfs);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

static u32 owned(unsigned int vf, const struct model_write *w)
{
	unsigned int k, idx;

	if (w->reg == VTNIC_RTTDQSEL)
		return w->val / x.iov.pool_queues == vf ? ~0U : 0;
	if (w->reg == VTNIC_RTTBCNRC)
		return w->queue / x.iov.pool_queues == vf ? ~0U : 0;
	if (w->reg == VTNIC_PFQDE)
		return 0;
	for (k = 0; k < x.iov.uc_quota; k++) {
		idx = vtnic_iov_vf_uc_rar(&x.iov, vf, k);
		if (w->reg == VTNIC_RAL(idx) || w->reg == VTNIC_RAH(idx) ||
		    w->reg == VTNIC_MPSAR_LO(idx) || w->reg == VTNIC_MPSAR_HI(idx))
			return ~0U;
	}
	return model_82599_vf_owned_bits(&x.m, vf, w->reg, w->before, w->after);
}

/* Since log entry @from, every change is one of the VFs in @actors' */
static void check_writes(unsigned int from, u64 actors, unsigned int may,
			 const char *what)
{
	unsigned int i, vf;

	if (x.m.nr_log > MODEL_LOG_MAX)
		ix_violation("%u writes in one record: the log overflowed",
			     x.m.nr_log);
	for (i = from; i < x.m.nr_log; i++) {
		const struct model_write *w = &x.m.log[i];
		u32 mask = 0;

		if (may & IX_MAY_ANYTHING)
			return;
		if ((may & IX_MAY_MAILBOXES) &&
		    (model_is_any_mailbox_write(&x.m, w) ||
		     w->reg == VTNIC_CTRL_EXT))
			continue;
		for (vf = 0; vf < POOLS; vf++)
			if (actors & BIT_ULL(vf))
				mask |= owned(vf, w);
		if (w->reg == VTNIC_RTTDQSEL || w->reg == VTNIC_RTTBCNRC ||
		    w->reg == VTNIC_PFQDE ? !mask :
		    (w->before ^ w->after) & ~mask)
			ix_violation("%s: register %#x: %#x written (%#x -> %#x), not its",
				     what, w->reg, w->val, w->before, w->after);
	}
}

/* The reply's length for an acknowledged @op */
static unsigned int reply_words(u16 op)
{
	switch (op) {
	case VTNIC_MBX_RESET:
		return 4;
	case VTNIC_MBX_GET_QUEUES:
		return VTNIC_MBX_Q_WORDS;
	case VTNIC_MBX_UPDATE_XCAST_MODE:
	case VTNIC_MBX_GET_LINK_STATE:
		return 2;
	}
	return 1;
}

static const struct vtnic_mbx_op *find_op(u16 op)
{
	unsigned int i;

	for (i = 0; i < vtnic_mbx_ixgbe.nr_ops; i++)
		if (vtnic_mbx_ixgbe.ops[i].opcode == op)
			return &vtnic_mbx_ixgbe.ops[i];
	return NULL;
}

/* The reply to VF @vf's message, handled in log[from, nr_log) */
static void check_reply(unsigned int vf, const u32 *buf, unsigned int from)
{
	const struct vtnic_vf *v = &x.iov.vf[vf];
	const u32 *req = x.req[vf];
	u16 op = FIELD_GET(VTNIC_MBX_OPCODE, req[0]);
	bool ack = buf[0] & VTNIC_MBX_ACK, nack = buf[0] & VTNIC_MBX_NACK;
	const struct vtnic_mbx_op *o = find_op(op);
	unsigned int i, len = ack ? reply_words(op) : 1;
	bool cts, touched = false;

	if ((buf[0] ^ req[0]) & (VTNIC_MBX_OPCODE | VTNIC_MBX_INFO))
		ix_violation("VF %u: reply %#x does not echo %#x", vf, buf[0],
			     req[0]);
	if ((buf[0] & VTNIC_MBX_RSVD) || ack == nack)
		ix_violation("VF %u: reply %#x to %#x", vf, buf[0], req[0]);
	cts = v->cts && op != VTNIC_MBX_RESET &&
	      v->link_state != VTNIC_VF_LINK_DISABLE;
	if (!!(buf[0] & VTNIC_MBX_CTS) != cts)
		ix_violation("VF %u: reply %#x: CTS should be %d", vf, buf[0],
			     cts);
	for (i = len; i < WORDS; i++)
		if (buf[i] && !(op == VTNIC_MBX_RESET && i < 4 && ack))
			ix_violation("VF %u: reply to %#x: word %u is %#x (stale)",
				     vf, req[0], i, buf[i]);
	if (op == VTNIC_MBX_RESET && (buf[3] || (!ack && (buf[1] || buf[2]))))
		ix_violation("VF %u: RESET reply %#x %#x %#x", vf, buf[1],
			     buf[2], buf[3]);
	if (op == VTNIC_MBX_RESET && ack &&
	    (buf[1] != vtnic_hw_ral(v->mac) ||
	     buf[2] != vtnic_hw_rah(v->mac) || is_zero_ether_addr(v->mac)))
		ix_violation("VF %u: RESET acknowledged with another address",
			     vf);

	for (i = from; i < x.m.nr_log && i < MODEL_LOG_MAX; i++)
		if (!model_is_mailbox_write(&x.m, &x.m.log[i], vf))
			touched = true;
	if (ack) {
		if (!o || x.api_before[vf] < o->min_api ||
		    (!x.iov.vf[vf].cts && op != VTNIC_MBX_RESET))
			ix_violation("VF %u: %#x acknowledged at API %u", vf,
				     req[0], x.api_before[vf]);
		if (op == VTNIC_MBX_RESET && v->api != VTNIC_MBX_API_10)
			ix_violation("VF %u: API %u after RESET", vf, v->api);
		if (op == VTNIC_MBX_API_NEGOTIATE && v->api != req[1])
			ix_violation("VF %u: API %u acknowledged, %u kept", vf,
				     req[1], v->api);
	} else if (touched && !(op == VTNIC_MBX_RESET &&
				 !(req[0] & VTNIC_MBX_RSVD) &&
				 is_zero_ether_addr(v->mac))) {
		ix_violation("VF %u: %#x NACKed, yet registers written", vf,
			     req[0]);
	}
	check_writes(from, BIT_ULL(vf), 0, "a message");
}

/* Every write reaches here after the model applied it */
static void ix_write_hook(struct model *m, const struct model_write *w)
{
	unsigned int vf;
	u32 buf[WORDS];

	if (w->reg < VTNIC_PFMAILBOX(0) || w->reg >= VTNIC_PFMAILBOX(POOLS))
		return;
	vf = (w->reg - VTNIC_PFMAILBOX(0)) / 4;
	/* A quarantined VF's mailbox is not used at all */
	if (vf < x.num_vfs && x.iov.vf[vf].quarantined)
		ix_violation("VF %u: quarantined, and the PF wrote %#x to its mailbox",
			     vf, w->val);
	if (w->val & VTNIC_PFMBX_ACK) {
		model_vf_read(m, vf, x.req[vf]);
		x.taken[vf] = true;
		x.api_before[vf] = x.iov.vf[vf].api;
		x.taken_log[vf] = m->nr_log;
	}
	if ((w->val & VTNIC_PFMBX_STS) && x.taken[vf]) {
		model_vf_read(m, vf, buf);
		check_reply(vf, buf, x.taken_log[vf]);
		x.taken[vf] = false;
	} else if (!(w->val & VTNIC_PFMBX_PFU)) {
		x.taken[vf] = false;
	}
}

static void check_tables(void)
{
	unsigned int pf = x.num_vfs, i, j, vf;
	u32 mta[VTNIC_MTA_REGS], vfta[VTNIC_VFTA_REGS] = { 0 };

	for (i = 0; i < VTNIC_PFVLVF_ENTRIES; i++) {
		u32 e = MODEL_REG(&x.m, VTNIC_PFVLVF(i));
		u16 vid = FIELD_GET(VTNIC_PFVLVF_VID, e);
		u64 pools = MODEL_REG(&x.m, VTNIC_PFVLVFB(2 * i)) |
			    (u64)MODEL_REG(&x.m, VTNIC_PFVLVFB(2 * i + 1)) << 32;

		if (!(e & VTNIC_PFVLVF_VI_EN)) {
			if (pools)
				ix_violation("VLVF[%u] off with pools %#llx", i,
					     (unsigned long long)pools);
			continue;
		}
		if (!pools || pools >> pf > 1)
			ix_violation("VLVF[%u]: VLAN %u for pools %#llx", i,
				     vid, (unsigned long long)pools);
		vfta[vid / 32] |= BIT(vid % 32);
		for (j = 0; j < i; j++)
			if (MODEL_REG(&x.m, VTNIC_PFVLVF(j)) == e)
				ix_violation("VLAN %u in VLVF[%u] and [%u]", vid,
					     j, i);
	}
	memcpy(mta, x.pf_mta, sizeof(mta));
	for (vf = 0; vf < pf; vf++)
		for (i = 0; i < x.iov.vf[vf].mc_count; i++)
			mta[x.iov.vf[vf].mc_hashes[i] / 32] |=
				BIT(x.iov.vf[vf].mc_hashes[i] % 32);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		if (MODEL_REG(&x.m, VTNIC_MTA(i)) != mta[i] ||
		    MODEL_REG(&x.m, VTNIC_VFTA(i)) != vfta[i])
			ix_violation("MTA[%u] %#x VFTA[%u] %#x; should be %#x %#x",
				     i, MODEL_REG(&x.m, VTNIC_MTA(i)), i,
				     MODEL_REG(&x.m, VTNIC_VFTA(i)), mta[i],
				     vfta[i]);
	for (vf = 0; vf < pf; vf++) {
		const struct vtnic_vf *v = &x.iov.vf[vf];
		unsigned int rar = VTNIC_RAR_ENTRIES - 1 - vf;
		u32 rah = MODEL_REG(&x.m, VTNIC_RAH(rar));
		u64 pools = MODEL_REG(&x.m, VTNIC_MPSAR_LO(rar)) |
			    (u64)MODEL_REG(&x.m, VTNIC_MPSAR_HI(rar)) << 32;

		if (v->api != VTNIC_MBX_API_10 && v->api != VTNIC_MBX_API_11 &&
		    v->api != VTNIC_MBX_API_12 && v->api != VTNIC_MBX_API_13 &&
		    v->api != VTNIC_MBX_API_14)
			ix_violation("VF %u: API %u", vf, v->api);
		if (is_zero_ether_addr(v->mac) ? rah & VTNIC_RAH_AV :
		    rah != (vtnic_hw_rah(v->mac) | VTNIC_RAH_AV) ||
		    MODEL_REG(&x.m, VTNIC_RAL(rar)) != vtnic_hw_ral(v->mac) ||
		    pools != BIT_ULL(vf))
			ix_violation("VF %u: RAR %u %#x %#x pools %#llx", vf,
				     rar, MODEL_REG(&x.m, VTNIC_RAL(rar)), rah,
				     (unsigned long long)pools);
	}
}

static void check_state(void)
{
	u64 waited, allowed;
	unsigned int vf;

	if (x.m.protocol_errors)
		ix_violation("mailbox used unheld, or a bad RTTDQSEL (%u)",
			     x.m.protocol_errors);
	if (fuzz_waits_over(&waited, &allowed))
		ix_violation("the PF waited %llu us for VFs' buffers, %llu allowed",
			     (unsigned long long)waited,
			     (unsigned long long)allowed);
	for (vf = 0; vf < POOLS; vf++)
		if (x.m.pfu[vf] || x.taken[vf])
			ix_violation("VF %u's buffer kept, or its message unanswered",
				     vf);
	/* A quarantined VF's pool neither receives nor transmits */
	for (vf = 0; vf < x.num_vfs; vf++)
		if (x.iov.vf[vf].quarantined &&
		    (MODEL_REG(&x.m, VTNIC_PFVFRE(vf / 32)) |
		     MODEL_REG(&x.m, VTNIC_PFVFTE(vf / 32))) & BIT(vf % 32))
			ix_violation("VF %u: quarantined, and its pool is enabled",
				     vf);
	check_tables();
}

/*
 * The VFs with a request the PF has not taken: just posted, or waiting
 * for the VF's budget (its cause already cleared)
 */
static u64 requests_posted(void)
{
	unsigned int vf;
	u64 posted = 0;

	for (vf = 0; vf < x.num_vfs; vf++)
		if (MODEL_REG(&x.m, model_mbx_icr(&x.m, vf)) &
		    VTNIC_PFMBICR_VFREQ(vf) || x.iov.vf[vf].req_deferred)
			posted |= BIT_ULL(vf);
	return posted;
}

static void service(void)
{
	unsigned int vf;

	for (vf = 0; vf < x.num_vfs; vf++)
		if (MODEL_REG(&x.m, model_mbx_icr(&x.m, vf)) &
		    (VTNIC_PFMBICR_VFREQ(vf) | VTNIC_PFMBICR_VFACK(vf)) ||
		    MODEL_REG(&x.m, VTNIC_PFVFLRE(vf / 32)) & BIT(vf % 32) ||
		    x.iov.vf[vf].req_deferred)
			x.actors |= BIT_ULL(vf);
	vtnic_iov_service(&x.iov);
	for (vf = 0; vf < x.num_vfs; vf++)
		if (MODEL_REG(&x.m, VTNIC_PFVFLRE(vf / 32)) & BIT(vf % 32))
			ix_violation("VF %u: its reset still pending", vf);
}

/* The device reset and configured for @num_vfs VFs, as vtnic_up() does */
static void ix_up(unsigned int num_vfs)
{
	static const u8 pf_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x59, 0, 1 };

	model_reset(&x.m);
	MODEL_REG(&x.m, VTNIC_HW_STATUS) = 0x80083;
	x.num_vfs = num_vfs;
	vtnic_iov_init(&x.iov, &x.hw, &vtnic_82599_iov, num_vfs);
	fuzz_waits_start();
	vtnic_iov_set_pf_mac(&x.iov, pf_mac);
	vtnic_iov_configure(&x.iov);
	vtnic_82599_iov.ops->set_rar(&x.hw, 0, pf_mac, BIT_ULL(num_vfs));
	vtnic_iov_set_pf_rx(&x.iov, VTNIC_IOV_DEFAULT_FRAME, false);
	vtnic_iov_set_pf_mta(&x.iov, x.pf_mta);
	vtnic_iov_set_link(&x.iov, 10000);
	vtnic_iov_pf_reset_done(&x.iov);
}

static bool vf_msg(struct fuzz_input *in, unsigned int vf, u8 flags)
{
	unsigned int n = FIELD_GET(FUZZ_MSG_WORDS, flags) + 1, i;
	u32 msg[WORDS];

	for (i = 0; i < n; i++)
		if (!take32(in, &msg[i]))
			return false;
	if (vf < x.num_vfs)
		model_vf_post(&x.m, vf, msg, n);
	else
		MODEL_REG(&x.m, model_mbx_icr(&x.m, vf)) |= VTNIC_PFMBICR_VFREQ(vf);
	fuzz_serve_post(&x.m, vf, flags, service);
	return true;
}

/* One record; false at the end of the input */
static bool record(struct fuzz_input *in)
{
	unsigned int may = 0, vf;
	struct fuzz_record r;
	u64 posted;

	if (!fuzz_take_record(in, &r))
		return false;
	x.kind = r.kind;
	x.actors = 0;
	model_log_clear(&x.m);
	posted = requests_posted();

	switch (r.kind) {
	case FUZZ_MSG:
		if (!vf_msg(in, r.vf % POOLS, r.arg))
			return false;
		break;
	case FUZZ_VF_ACK:
	case FUZZ_FLR:
		if (r.kind == FUZZ_FLR)
			model_vf_flr(&x.m, r.vf % POOLS);
		else
			model_vf_ack(&x.m, r.vf % POOLS);
		service();
		if (r.kind == FUZZ_FLR && r.vf % POOLS < x.num_vfs &&
		    x.iov.vf[r.vf % POOLS].api != VTNIC_MBX_API_10)
			ix_violation("VF %u: API %u after its FLR", r.vf % POOLS,
				     x.iov.vf[r.vf % POOLS].api);
		break;
	case FUZZ_SERVICE:
		service();
		break;
	case FUZZ_PF_RESET:
	case FUZZ_PF_RESET_FLR:
	case FUZZ_REENABLE:
		vtnic_iov_pf_reset_begin(&x.iov);
		/* Its FLR while the PF is down; the PF starts over anyway */
		if (r.kind == FUZZ_PF_RESET_FLR)
			model_vf_flr(&x.m, r.vf % POOLS);
		if (r.kind == FUZZ_REENABLE)
			vtnic_iov_disable(&x.iov);
		memset(x.taken, 0, sizeof(x.taken));
		ix_up(r.kind == FUZZ_REENABLE ? ix_nr_vfs[r.vf % 8] : x.num_vfs);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_ADMIN_MAC:
		vf = r.vf % x.num_vfs;
		vtnic_iov_set_vf_mac(&x.iov, vf, r.mac);
		x.actors = BIT_ULL(vf);
		break;
	case FUZZ_ADMIN_VLAN:
		vf = r.vf % x.num_vfs;
		vtnic_iov_set_vf_vlan(&x.iov, vf, r.v16 % 4096, r.arg % 8);
		x.actors = BIT_ULL(vf);
		break;
	case FUZZ_ADMIN_SPOOFCHK:
	case FUZZ_ADMIN_TRUST:
	case FUZZ_ADMIN_LINK:
		vf = r.vf % x.num_vfs;
		if (r.kind == FUZZ_ADMIN_SPOOFCHK)
			vtnic_iov_set_vf_spoofchk(&x.iov, vf, r.arg & 1);
		else if (r.kind == FUZZ_ADMIN_TRUST)
			vtnic_iov_set_vf_trust(&x.iov, vf, r.arg & 1);
		else
			vtnic_iov_set_vf_link_state(&x.iov, vf, r.arg % 3);
		may = r.kind == FUZZ_ADMIN_LINK ? IX_MAY_MAILBOXES : 0;
		x.actors = BIT_ULL(vf);
		break;
	case FUZZ_ADMIN_RATE:
		vf = r.vf % x.num_vfs;
		vtnic_iov_set_vf_rate(&x.iov, vf, 0, r.v32 & ~BIT(31));
		x.actors = BIT_ULL(vf);
		break;
	case FUZZ_TIME:
		jiffies += r.v16;
		break;
	case FUZZ_LINK:
		vtnic_iov_set_link(&x.iov, ix_speeds[r.vf % 4]);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_PF_VLAN:
		vtnic_iov_set_pf_vlan(&x.iov, r.v16 % 4096, r.arg & 1);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_PF_MTA:
		r.v16 %= 4096;
		if (r.arg & 1)
			x.pf_mta[r.v16 / 32] |= BIT(r.v16 % 32);
		else
			x.pf_mta[r.v16 / 32] &= ~BIT(r.v16 % 32);
		vtnic_iov_set_pf_mta(&x.iov, x.pf_mta);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_VEPA:
		vtnic_iov_set_vepa(&x.iov, r.arg & 1);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_PF_RX:
		vtnic_iov_set_pf_rx(&x.iov, r.v16 % 16384, r.arg & 1);
		may = IX_MAY_ANYTHING;
		break;
	case FUZZ_VF_HOLD:
		x.m.vfu[r.vf % POOLS] = r.arg & 1;
		break;
	}
	/*
	 * A PF control message serves the request waiting in the buffer it
	 * is for: that VF acted too
	 */
	x.actors |= posted & ~requests_posted();
	check_writes(0, x.actors, may, "record");
	check_state();
	x.record++;
	return true;
}

/**
 * mbx_fuzz_ixgbe() - run one input on the 82599 with the ixgbe dialect
 * @setup: its setup byte
 * @in: the records
 *
 * Return: 0, as libFuzzer wants.
 */
int mbx_fuzz_ixgbe(u8 setup, struct fuzz_input *in)
{
	fuzz_model = &x.m;
	model_init(&x.m, &model_82599_mac);
	x.m.write_hook = ix_write_hook;
	x.dev = (struct device){ .name = "pf", .quiet = true };
	x.hw = (struct vtnic_hw){ .hw_addr = (u8 *)x.m.bar, .dev = &x.dev };
	memset(&x.iov, 0, sizeof(x.iov));
	memset(x.pf_mta, 0, sizeof(x.pf_mta));
	memset(x.taken, 0, sizeof(x.taken));
	x.record = 0;
	x.kind = -1;
	jiffies = fuzz_clocks[FIELD_GET(FUZZ_SETUP_CLOCK, setup)];
	ix_up(ix_nr_vfs[FIELD_GET(FUZZ_SETUP_VFS, setup)]);
	check_state();
	fuzz_run(in, record);
	return 0;
}
