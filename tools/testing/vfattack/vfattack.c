// SPDX-License-Identifier: GPL-2.0
/*
 * vfattack: a hostile VF in userspace.  It maps the BAR0 of a VF that no
 * driver holds (/sys/bus/pci/devices/BDF/resource0) and speaks the VF
 * side of the PF/VF mailbox itself, to send the PF what no VF driver
 * would: malformed words, addresses and VLANs that are not its own,
 * counts, sizes and API versions out of range, requests before RESET,
 * resets in a loop, a buffer it never lets go and floods.
 *
 * Two dialects, one engine: an 82576 VF (igb's messages, 82576 datasheet
 * 7.8.2.9) or an 82599 VF (ixgbe's, 82599 datasheet 8.3.5.1), told apart
 * by the VF's PCI device ID (or -d).  The transport is the same on both;
 * what differs, where the mailbox sits and the messages only one family
 * has, is one entry of the dialect table.
 *
 * Each request goes the way the hardware wants it: take the buffer
 * (VFU, granted only while the PF does not hold it), write the words,
 * post with REQ (which lets go of VFU), wait for PFACK, wait for PFSTS,
 * take the buffer, read, ACK.  Every wait is bounded (-t), so a PF that
 * ignores the VF cannot hang it.  PFSTS, PFACK and RSTD clear on read:
 * every read of the mailbox control register keeps them until consumed.
 * A PF message that is not the reply (a PF control message, a NACK
 * telling a VF without CTS to reset) is read, acknowledged and counted
 * as unsolicited.
 *
 * The message format comes from driver/common/vtnic_mbx_msg.c and the
 * register offsets from the VF register headers, compiled against the
 * unit tests' shim headers: the encoding is the drivers' own, the policy
 * is not.
 */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/kernel.h>

#include "vtnic_82576vf_regs.h"
#include "vtnic_82599vf_regs.h"
#include "vtnic_mbx_msg.h"
#include "vtnic_mbx_vf.h"

#define WORDS			VTNIC_MBX_WORDS
#define DEFAULT_TIMEOUT_MS	50
#define POLL_NS			20000L
#define FLOOD_PROGRESS		10000

/* Exit codes: 0 done (reset: ACK with an address), 1 reset not ACKed */
#define EXIT_NOT_ACKED		1
#define EXIT_USAGE		2

/* Words 2.. of a canned message (and word 1 unless it says otherwise) */
#define FILL			0xffffffff

/* A canned request: word 0, word 1; a SET_MAC_ADDR carries an address */
struct canned {
	const char *what;
	uint32_t w0;
	uint32_t w1;
};

/*
 * One VF driver family's mailbox: where its VFs keep the registers, and
 * the requests only its dialect has.  Everything else is shared.
 */
struct dialect {
	const char *name;		/* as vtnic's dialect tables say */
	uint16_t vf_device;		/* PCI device ID of the MAC's VFs */
	struct vtnic_mbx_vf_regs regs;
	const struct canned *garbage;	/* its own requests to refuse */
	unsigned int nr_garbage;
	const struct canned *prereset;	/* its own requests, before RESET */
	unsigned int nr_prereset;
	bool flr_to_forget;		/* CTRL.RST is not reported to the PF */
};

#define DIALECT_IGB		0
#define DIALECT_IXGBE		1

static const uint8_t bad_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0xa7, 0x7a, 0xc4 };

static const struct canned igb_garbage[] = {
	{ "SET_PROMISC unicast", 0x00010006, FILL },
	{ "SET_PROMISC unknown bits 0xfc", 0x00fc0006, FILL },
	{ "SET_PROMISC multicast, untrusted", 0x00020006, 0 },
};

static const struct canned igb_prereset[] = {
	{ "SET_PROMISC multicast", 0x00020006, 0 },
};

/*
 * Sent right after a RESET, at API 1.0: what needs a later API, what
 * only the PF sends, ids of later Intel parts and the extra addresses
 * that SET_MACVLAN would add
 */
static const struct canned ixgbe_garbage[] = {
	{ "GET_QUEUES at API 1.0", 0x00000009, FILL },
	{ "GET_RETA at API 1.0", 0x0000000a, FILL },
	{ "GET_RSS_KEY at API 1.0", 0x0000000b, FILL },
	{ "UPDATE_XCAST_MODE PROMISC at API 1.0", 0x0000000c, 3 },
	{ "GET_LINK_STATE at API 1.0", 0x00000010, FILL },
	{ "IPSEC_ADD (not offered)", 0x0000000d, FILL },
	{ "GET_PF_LINK_STATE (E610 only)", 0x00000011, FILL },
	{ "FEATURES_NEGOTIATE at API 1.0", 0x00000012, FILL },
	{ "PF_TRANSPARENT_VLAN sent by the VF", 0x00000101, FILL },
	{ "SET_MACVLAN index 1 (extra address)", 0x00010006, FILL },
	{ "SET_MACVLAN index 0xfc", 0x00fc0006, FILL },
	{ "API_NEGOTIATE 0xffffffff", 0x00000008, FILL },
};

/* Each would be ACKed after RESET */
static const struct canned ixgbe_prereset[] = {
	{ "API_NEGOTIATE 1.4", 0x00000008, VTNIC_MBX_API_14 },
	{ "SET_MACVLAN clear", 0x00000006, 0 },
};

static const struct dialect dialects[] = {
	[DIALECT_IGB] = {
		.name = "igb",
		.vf_device = 0x10ca,
		.regs = VTNIC_82576VF_MBX_REGS,
		.garbage = igb_garbage,
		.nr_garbage = ARRAY_SIZE(igb_garbage),
		.prereset = igb_prereset,
		.nr_prereset = ARRAY_SIZE(igb_prereset),
	},
	[DIALECT_IXGBE] = {
		.name = "ixgbe",
		.vf_device = 0x10ed,
		.regs = VTNIC_82599VF_MBX_REGS,
		.garbage = ixgbe_garbage,
		.nr_garbage = ARRAY_SIZE(ixgbe_garbage),
		.prereset = ixgbe_prereset,
		.nr_prereset = ARRAY_SIZE(ixgbe_prereset),
		.flr_to_forget = true,
	},
};

struct vf {
	const struct dialect *d;
	const char *bdf;
	volatile uint32_t *bar;
	size_t len;
	uint32_t v2p;		/* read-to-clear bits seen, not consumed */
	long timeout_ns;
	bool quiet;
	/* the summary */
	unsigned long sent;
	unsigned long acked;
	unsigned long nacked;
	unsigned long unanswered;
	unsigned long unsolicited;
	unsigned long busy;	/* not sent: the PF held the buffer */
	unsigned long pf_resets;
	int64_t start_ns;
};

/* Outcome of one request */
struct reply {
	bool answered;
	bool taken;		/* PFACK seen */
	uint32_t msg[WORDS];
};

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void pause_poll(void)
{
	struct timespec ts = { .tv_nsec = POLL_NS };

	nanosleep(&ts, NULL);
}

static uint32_t rd32(struct vf *vf, uint32_t reg)
{
	return vf->bar[reg / 4];
}

static void wr32(struct vf *vf, uint32_t reg, uint32_t val)
{
	vf->bar[reg / 4] = val;
}

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "vfattack: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(EXIT_USAGE);
}

/* The mailbox control, keeping the read-to-clear bits for their waiters */
static uint32_t v2p_read(struct vf *vf)
{
	uint32_t v2p = rd32(vf, vf->d->regs.ctl);

	if (v2p == ~0U)
		die("%s", "the VF's registers read all ones: the VF is gone");
	vf->v2p |= v2p & VTNIC_VFMBX_R2C;
	if (vf->v2p & VTNIC_VFMBX_RSTD) {
		vf->v2p &= ~VTNIC_VFMBX_RSTD;
		vf->pf_resets++;
		if (!vf->quiet)
			printf("  PF reset done (RSTD): the PF forgot this VF\n");
	}
	return v2p;
}

/* Consume @bits if they were seen */
static bool v2p_take(struct vf *vf, uint32_t bits)
{
	v2p_read(vf);
	if (!(vf->v2p & bits))
		return false;
	vf->v2p &= ~bits;
	return true;
}

/* Take the buffer: the VFU write sticks only while the PF does not hold it */
static int vf_lock(struct vf *vf, int64_t deadline)
{
	for (;;) {
		wr32(vf, vf->d->regs.ctl, VTNIC_VFMBX_VFU);
		if (v2p_read(vf) & VTNIC_VFMBX_VFU)
			return 0;
		if (now_ns() > deadline)
			return -ETIMEDOUT;
		pause_poll();
	}
}

/* With the buffer held: copy the PF's message, ACK it (lets go of VFU) */
static void vf_read_locked(struct vf *vf, uint32_t *msg)
{
	unsigned int i;

	for (i = 0; i < WORDS; i++)
		msg[i] = rd32(vf, vf->d->regs.mem + 4 * i);
	wr32(vf, vf->d->regs.ctl, VTNIC_VFMBX_ACK);
}

static const char *hdr_flags(uint32_t w0)
{
	static char buf[32];

	snprintf(buf, sizeof(buf), "%s%s%s",
		 w0 & VTNIC_MBX_ACK ? "ACK" : "",
		 w0 & VTNIC_MBX_NACK ? (w0 & VTNIC_MBX_ACK ? "+NACK" : "NACK") : "",
		 w0 & VTNIC_MBX_CTS ? " CTS" : "");
	return buf;
}

static void note_unsolicited(struct vf *vf, uint32_t w0)
{
	vf->unsolicited++;
	if (!vf->quiet)
		printf("  PF message 0x%08" PRIx32 " (%s) read and acknowledged\n",
		       w0, FIELD_GET(VTNIC_MBX_OPCODE, w0) == VTNIC_MBX_PF_CONTROL ?
		       "PF control" : "not a reply");
}

/*
 * Post one message: take the buffer, read what the PF left there (a late
 * reply, a PF control message), write @msg, set REQ.
 */
static int vf_post(struct vf *vf, const uint32_t *msg)
{
	int64_t deadline = now_ns() + vf->timeout_ns;
	uint32_t old[WORDS];
	unsigned int i;

	if (vf_lock(vf, deadline))
		return -EBUSY;
	while (vf->v2p & VTNIC_VFMBX_PFSTS) {
		vf->v2p &= ~VTNIC_VFMBX_PFSTS;
		vf_read_locked(vf, old);
		note_unsolicited(vf, old[0]);
		if (vf_lock(vf, deadline))
			return -EBUSY;
	}
	/* An earlier message's PFACK is not this one's */
	vf->v2p &= ~VTNIC_VFMBX_PFACK;
	for (i = 0; i < WORDS; i++)
		wr32(vf, vf->d->regs.mem + 4 * i, msg[i]);
	wr32(vf, vf->d->regs.ctl, VTNIC_VFMBX_REQ);
	vf->sent++;
	return 0;
}

/* A PF message that answers a request with @opcode */
static bool is_reply(uint32_t w0, uint32_t opcode)
{
	return FIELD_GET(VTNIC_MBX_OPCODE, w0) == opcode &&
	       (w0 & (VTNIC_MBX_ACK | VTNIC_MBX_NACK));
}

/*
 * Wait for the PF to take the message (PFACK) and for its reply
 * (PFSTS), each for up to the timeout.  PF messages that are not the
 * reply are read and counted.
 */
static void vf_wait_reply(struct vf *vf, uint32_t opcode, struct reply *r)
{
	int64_t deadline = now_ns() + vf->timeout_ns;
	bool resetting = false;
	uint32_t v2p;

	memset(r, 0, sizeof(*r));
	while (now_ns() <= deadline) {
		v2p = v2p_read(vf);
		if ((v2p & VTNIC_VFMBX_RSTI) && !resetting) {
			resetting = true;
			if (!vf->quiet)
				printf("  PF resetting (RSTI)\n");
		}
		if (v2p_take(vf, VTNIC_VFMBX_PFACK) && !r->taken) {
			r->taken = true;
			deadline = now_ns() + vf->timeout_ns;
		}
		if (vf->v2p & VTNIC_VFMBX_PFSTS) {
			if (vf_lock(vf, deadline))
				break;
			vf->v2p &= ~VTNIC_VFMBX_PFSTS;
			vf_read_locked(vf, r->msg);
			if (is_reply(r->msg[0], opcode)) {
				r->answered = true;
				return;
			}
			note_unsolicited(vf, r->msg[0]);
			continue;
		}
		pause_poll();
	}
}

/* One request and its reply; prints a line; returns the reply's word 0 */
static int64_t xfer(struct vf *vf, const char *what, const uint32_t *msg,
		    struct reply *out)
{
	uint32_t opcode = FIELD_GET(VTNIC_MBX_OPCODE, msg[0]);
	struct reply r;

	if (vf_post(vf, msg)) {
		vf->busy++;
		if (!vf->quiet)
			printf("%-44s not sent: the PF holds the mailbox\n", what);
		return -1;
	}
	vf_wait_reply(vf, opcode, &r);
	if (out)
		*out = r;
	if (!r.answered) {
		vf->unanswered++;
		if (!vf->quiet)
			printf("%-44s no reply (timeout%s)\n", what,
			       r.taken ? ", message taken" : "");
		return -1;
	}
	if (r.msg[0] & VTNIC_MBX_ACK)
		vf->acked++;
	else
		vf->nacked++;
	if (!vf->quiet)
		printf("%-44s reply 0x%08" PRIx32 " %s\n", what, r.msg[0],
		       hdr_flags(r.msg[0]));
	return r.msg[0];
}

static uint32_t word0(uint32_t opcode, uint32_t info)
{
	struct vtnic_mbx_hdr hdr = { .opcode = opcode, .info = info };

	return vtnic_mbx_hdr_encode(&hdr);
}

/*
 * Reset the VF as a driver does: CTRL.RST (the 82576 tells the PF, which
 * forgets the VF; the 82599 does not), wait while the PF itself resets
 * (RSTI), then RESET.
 */
static void vf_ctrl_reset(struct vf *vf)
{
	int64_t deadline;

	wr32(vf, vf->d->regs.ctrl, vf->d->regs.ctrl_rst);
	deadline = now_ns() + vf->timeout_ns;
	while ((v2p_read(vf) & VTNIC_VFMBX_RSTI) && now_ns() <= deadline)
		pause_poll();
	/* The reset answers every indication seen so far */
	vf->v2p = 0;
}

static int64_t vf_reset(struct vf *vf, struct reply *r)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_RESET, 0) };

	vf_ctrl_reset(vf);
	return xfer(vf, "RESET", msg, r);
}

static int parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[ETH_ALEN];
	char end;
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &end) != ETH_ALEN)
		return -EINVAL;
	for (i = 0; i < ETH_ALEN; i++) {
		if (b[i] > 0xff)
			return -EINVAL;
		mac[i] = b[i];
	}
	return 0;
}

static uint32_t parse_u32(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || !*s || v > UINT32_MAX)
		die("'%s' is not a 32-bit number", s);
	return v;
}

static void send_set_mac(struct vf *vf, uint32_t info, const uint8_t *mac)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_MAC_ADDR, info) };
	char what[64];

	vtnic_mbx_put_mac(&msg[1], mac);
	snprintf(what, sizeof(what), "SET_MAC_ADDR %02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	xfer(vf, what, msg, NULL);
}

/* SET_MULTICAST claiming @count hashes; the buffer holds at most 30 */
static void send_mc(struct vf *vf, unsigned int count)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_MULTICAST, count) };
	char what[64];
	unsigned int i;

	for (i = 1; i < WORDS; i++)
		msg[i] = (0x100 + 2 * i) << 16 | (0x101 + 2 * i);
	snprintf(what, sizeof(what), "SET_MULTICAST %u hashes", count);
	xfer(vf, what, msg, NULL);
}

static void send_vlan(struct vf *vf, uint32_t vid, bool add)
{
	uint32_t msg[WORDS] = {
		word0(VTNIC_MBX_SET_VLAN, add ? VTNIC_MBX_VLAN_ADD : 0), vid,
	};
	char what[64];

	snprintf(what, sizeof(what), "SET_VLAN %s %" PRIu32 " (0x%" PRIx32 ")",
		 add ? "add" : "del", vid, vid);
	xfer(vf, what, msg, NULL);
}

static void send_lpe(struct vf *vf, uint32_t size)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_LPE, 0), size };
	char what[64];

	snprintf(what, sizeof(what), "SET_LPE %" PRIu32, size);
	xfer(vf, what, msg, NULL);
}

/* A fixed pseudo-random sequence, the same every run */
static uint32_t lcg(uint32_t *state)
{
	*state = *state * 1103515245 + 12345;
	return *state ^ *state >> 16;
}

/* One canned request; words 2.. are all ones, a SET_MAC_ADDR an address */
static void send_canned(struct vf *vf, const struct canned *c)
{
	uint32_t msg[WORDS];
	unsigned int j;

	msg[0] = c->w0;
	msg[1] = c->w1;
	for (j = 2; j < WORDS; j++)
		msg[j] = FILL;
	if (FIELD_GET(VTNIC_MBX_OPCODE, c->w0) == VTNIC_MBX_SET_MAC_ADDR)
		vtnic_mbx_put_mac(&msg[1], bad_mac);
	xfer(vf, c->what, msg, NULL);
}

/*
 * Words no VF driver sends: each must be refused or ignored.  Both
 * dialects number RESET to SET_LPE alike and frame word 0 alike.
 */
static void cmd_garbage(struct vf *vf)
{
	static const struct canned common[] = {
		{ "reserved bits set (SET_MAC_ADDR)", 0x1f000002, FILL },
		{ "ACK and NACK both set", 0xc0000001, FILL },
		{ "opcode 0x0000", 0x00000000, FILL },
		{ "opcode 0x0007", 0x00000007, FILL },
		{ "opcode 0x00ff, info 0xff", 0x00ff00ff, FILL },
		{ "PF_CONTROL sent by the VF", 0x00000100, FILL },
		{ "opcode 0xffff, info 0xff", 0x00ffffff, FILL },
		{ "CTS set by the VF (opcode 0x0042)", 0x20000042, FILL },
		{ "SET_MAC_ADDR with info 7", 0x00070002, FILL },
		{ "SET_MULTICAST claiming 255 hashes", 0x00ff0003, FILL },
		{ "RESET with ACK set (not a request)", 0x80000001, FILL },
		{ "SET_VLAN with NACK set (not a request)", 0x40010004, FILL },
	};
	uint32_t msg[WORDS], state = 0x76746e63;
	unsigned int i, j;
	char what[64];

	for (i = 0; i < ARRAY_SIZE(common); i++)
		send_canned(vf, &common[i]);
	for (i = 0; i < vf->d->nr_garbage; i++)
		send_canned(vf, &vf->d->garbage[i]);
	/* Random words; the opcode is kept off every real one (< 0x200) */
	for (i = 0; i < 16; i++) {
		for (j = 0; j < WORDS; j++)
			msg[j] = lcg(&state);
		msg[0] = (msg[0] & ~VTNIC_MBX_OPCODE) | 0x0200 | (msg[0] & 0x7ff);
		snprintf(what, sizeof(what), "random words, word 0 0x%08" PRIx32,
			 msg[0]);
		xfer(vf, what, msg, NULL);
	}
}

/*
 * Make the PF forget the VF without a RESET message: the 82576 reports
 * the VF's own CTRL.RST to the PF (VFLRE), the 82599 only a Function
 * Level Reset, which a guest may start through its VF's config space
 * and this program through sysfs.
 */
static void vf_forget(struct vf *vf)
{
	char path[256];
	FILE *f;

	if (!vf->d->flr_to_forget) {
		vf_ctrl_reset(vf);
		if (!vf->quiet)
			printf("CTRL.RST written; no RESET sent\n");
		return;
	}
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/reset", vf->bdf);
	f = fopen(path, "w");
	if (!f)
		die("cannot open %s", path);
	if (fputs("1", f) < 0 || fclose(f))
		die("FLR through %s failed", path);
	vf->v2p = 0;
	if (!vf->quiet)
		printf("FLR done; no RESET sent\n");
}

/* Requests a VF may only make after RESET, right after it was forgotten */
static void cmd_prereset(struct vf *vf)
{
	static const uint8_t mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x0b, 0xad, 0x01 };
	uint32_t msg[WORDS] = { 0 };
	unsigned int i;

	vf_forget(vf);
	send_set_mac(vf, VTNIC_MBX_MAC_SET, mac);
	send_mc(vf, 2);
	send_vlan(vf, 100, true);
	send_lpe(vf, 1522);
	for (i = 0; i < vf->d->nr_prereset; i++) {
		msg[0] = vf->d->prereset[i].w0;
		msg[1] = vf->d->prereset[i].w1;
		xfer(vf, vf->d->prereset[i].what, msg, NULL);
	}
}

/* ixgbe: API_NEGOTIATE, as word 1 carries the version */
static void send_api(struct vf *vf, uint32_t api)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_API_NEGOTIATE, 0), api };
	char what[64];

	snprintf(what, sizeof(what), "API_NEGOTIATE %s (%" PRIu32 ")",
		 vtnic_mbx_api_name(api), api);
	xfer(vf, what, msg, NULL);
}

/* ixgbe: GET_QUEUES; an ACK tells the pool's queues */
static void send_get_queues(struct vf *vf)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_GET_QUEUES, 0) };
	struct reply r;

	if (xfer(vf, "GET_QUEUES", msg, &r) < 0 || !(r.msg[0] & VTNIC_MBX_ACK))
		return;
	printf("queues tx %" PRIu32 " rx %" PRIu32 " trans_vlan %" PRIu32
	       " default %" PRIu32 "\n", r.msg[VTNIC_MBX_Q_TX],
	       r.msg[VTNIC_MBX_Q_RX], r.msg[VTNIC_MBX_Q_TRANS_VLAN],
	       r.msg[VTNIC_MBX_Q_DEF]);
}

/* ixgbe: UPDATE_XCAST_MODE; an ACK says which mode the PF granted */
static void send_xcast(struct vf *vf, uint32_t mode)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_UPDATE_XCAST_MODE, 0), mode };
	char what[64];
	struct reply r;

	snprintf(what, sizeof(what), "UPDATE_XCAST_MODE %" PRIu32, mode);
	if (xfer(vf, what, msg, &r) < 0 || !(r.msg[0] & VTNIC_MBX_ACK))
		return;
	printf("xcast asked %" PRIu32 " granted %" PRIu32 "\n", mode, r.msg[1]);
}

/* ixgbe: SET_MACVLAN; index 0 clears, 1 starts a new list, more adds */
static void send_macvlan(struct vf *vf, uint32_t index, const uint8_t *mac)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_MACVLAN, index) };
	char what[64];

	vtnic_mbx_put_mac(&msg[1], mac);
	snprintf(what, sizeof(what),
		 "SET_MACVLAN %" PRIu32 " %02x:%02x:%02x:%02x:%02x:%02x", index,
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	xfer(vf, what, msg, NULL);
}

/*
 * Keep the buffer locked for @ms and ring @bell (REQ or ACK) every
 * millisecond: the PF cannot take a message it was told about, or write
 * the NACK it owes a VF without CTS that rings ACK, and waits for the
 * buffer each time.  Not the protocol: the doorbell is written with VFU
 * still set.
 */
static void cmd_hold(struct vf *vf, uint32_t ms, uint32_t bell)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_LPE, 0), 1522 };
	struct timespec tick = { .tv_nsec = 1000000L };
	int64_t end = now_ns() + (int64_t)ms * 1000000;
	unsigned int i;

	if (vf_lock(vf, now_ns() + vf->timeout_ns)) {
		vf->busy++;
		return;
	}
	for (i = 0; i < WORDS; i++)
		wr32(vf, vf->d->regs.mem + 4 * i, msg[i]);
	while (now_ns() < end) {
		wr32(vf, vf->d->regs.ctl, bell | VTNIC_VFMBX_VFU);
		vf->sent++;
		nanosleep(&tick, NULL);
	}
	/* Let go; whatever the PF does with the last doorbell is not waited for */
	wr32(vf, vf->d->regs.ctl, 0);
	v2p_read(vf);
	vf->unanswered = vf->sent;
	if (!vf->quiet)
		printf("held the buffer %" PRIu32 " ms, %lu doorbells\n", ms,
		       vf->sent);
}

/*
 * As fast as it can: take the buffer, read a reply the PF left there,
 * post the next message, never wait for the answer.  A message the PF
 * did not take before the next one overwrote it is never answered.
 */
static void cmd_flood(struct vf *vf, unsigned long count, const uint32_t *msg)
{
	uint32_t opcode = FIELD_GET(VTNIC_MBX_OPCODE, msg[0]);
	int64_t deadline, t0 = now_ns();
	uint32_t reply[WORDS];
	struct reply last;
	unsigned long i;
	unsigned int j;
	bool locked;

	for (i = 0; i < count; i++) {
		deadline = now_ns() + vf->timeout_ns;
		locked = !vf_lock(vf, deadline);
		while (locked && (vf->v2p & VTNIC_VFMBX_PFSTS)) {
			vf->v2p &= ~VTNIC_VFMBX_PFSTS;
			vf_read_locked(vf, reply);
			if (!is_reply(reply[0], opcode))
				note_unsolicited(vf, reply[0]);
			else if (reply[0] & VTNIC_MBX_ACK)
				vf->acked++;
			else
				vf->nacked++;
			locked = !vf_lock(vf, deadline);
		}
		if (locked) {
			vf->v2p &= ~VTNIC_VFMBX_PFACK;
			for (j = 0; j < WORDS; j++)
				wr32(vf, vf->d->regs.mem + 4 * j, msg[j]);
			wr32(vf, vf->d->regs.ctl, VTNIC_VFMBX_REQ);
			vf->sent++;
		} else {
			vf->busy++;
		}
		if (!vf->quiet && (i + 1) % FLOOD_PROGRESS == 0)
			printf("flood: %lu sent, %lu answered, %" PRId64 " ms\n",
			       vf->sent, vf->acked + vf->nacked,
			       (now_ns() - t0) / 1000000);
	}
	/* The last message's answer, if one comes */
	vf_wait_reply(vf, opcode, &last);
	if (last.answered && (last.msg[0] & VTNIC_MBX_ACK))
		vf->acked++;
	else if (last.answered)
		vf->nacked++;
	vf->unanswered = vf->sent - vf->acked - vf->nacked;
}

static void summary(struct vf *vf)
{
	printf("vfattack: sent=%lu acked=%lu nacked=%lu unanswered=%lu ",
	       vf->sent, vf->acked, vf->nacked, vf->unanswered);
	printf("unsolicited=%lu busy=%lu pf_resets=%lu elapsed_ms=%" PRId64 "\n",
	       vf->unsolicited, vf->busy, vf->pf_resets,
	       (now_ns() - vf->start_ns) / 1000000);
}

/* The dialect of the VF's MAC, from its PCI device ID */
static const struct dialect *vf_dialect(const char *bdf)
{
	char path[256];
	unsigned int i;
	uint32_t id;
	FILE *f;
	int n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/device", bdf);
	f = fopen(path, "r");
	if (!f)
		die("cannot read %s", path);
	n = fscanf(f, "%" SCNx32, &id);
	fclose(f);
	if (n != 1)
		die("cannot read %s", path);
	for (i = 0; i < ARRAY_SIZE(dialects); i++)
		if (dialects[i].vf_device == id)
			return &dialects[i];
	die("%s is no 82576 or 82599 VF: give the dialect with -d", bdf);
	return NULL;
}

/* The VF must have no driver: then its BAR maps, and memory decoding on */
static void vf_map(struct vf *vf, const char *bdf)
{
	char path[256];
	struct stat st;
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", bdf);
	if (!access(path, F_OK))
		die("%s is bound to a driver: unbind it first", bdf);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/enable", bdf);
	f = fopen(path, "r+");
	if (f) {
		if (fgetc(f) == '0') {
			rewind(f);
			fputs("1", f);
		}
		fclose(f);
	}
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st))
		die("cannot open %s", path);
	vf->len = st.st_size;
	if (vf->len < vf->d->regs.ctl + 4 || vf->len < vf->d->regs.ctrl + 4)
		die("%s is too small for the VF's mailbox", path);
	vf->bar = mmap(NULL, vf->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (vf->bar == MAP_FAILED)
		die("cannot map %s", path);
	close(fd);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: vfattack [-q] [-t MS] [-d igb|ixgbe] BDF COMMAND [ARGS]\n"
		"\n"
		"Speaks the VF side of the mailbox through the BAR0 of an unbound\n"
		"VF (BDF, e.g. 0000:01:10.2): igb's dialect on an 82576 VF, ixgbe's\n"
		"on an 82599 VF.  Prints the PF's reply word 0 to each message, or\n"
		"\"no reply (timeout)\", then a summary.\n"
		"\n"
		"  reset                 CTRL.RST, then RESET; prints the address\n"
		"                        the PF returned; exit 0 only on ACK\n"
		"  garbage               malformed words, unknown opcodes, bad info;\n"
		"                        ixgbe: requests above API 1.0, extra\n"
		"                        addresses (send it at API 1.0)\n"
		"  mac ADDR...           SET_MAC_ADDR of each address\n"
		"  mc COUNT              SET_MULTICAST claiming COUNT hashes\n"
		"  vlan VID add|del      SET_VLAN (VID: any 32-bit number)\n"
		"  lpe SIZE              SET_LPE\n"
		"  prereset              CTRL.RST (82576) or an FLR (82599), then\n"
		"                        requests without RESET\n"
		"  reset-loop N          N times CTRL.RST and RESET\n"
		"  hold MS               keep the buffer locked MS ms, ringing\n"
		"                        REQ every millisecond\n"
		"  ackstorm MS           CTRL.RST (82576) or an FLR (82599), no\n"
		"                        RESET; then the buffer locked MS ms,\n"
		"                        ringing ACK every millisecond\n"
		"  flood N [W0 W1...]    N messages as fast as possible, no wait\n"
		"                        for replies (default word 0: 0x000000ff)\n"
		"  raw W0 [W1...]        one message of the given words\n"
		"\n"
		"ixgbe's dialect only:\n"
		"  api VERSION...        API_NEGOTIATE of each word 1 value\n"
		"                        (0 1.0, 1 2.0, 2 1.1, 3 1.2, 4 1.3, 5 1.4, ...)\n"
		"  queues                GET_QUEUES; prints the reply\n"
		"  reta                  GET_RETA\n"
		"  rss-key               GET_RSS_KEY\n"
		"  xcast MODE...         UPDATE_XCAST_MODE (0 NONE, 1 MULTI,\n"
		"                        2 ALLMULTI, 3 PROMISC); prints the mode\n"
		"                        an ACK granted\n"
		"  macvlan INDEX ADDR    SET_MACVLAN\n"
		"\n"
		"  -d DIALECT  igb or ixgbe, instead of the one of the VF's device ID\n"
		"  -t MS   wait at most MS ms for each step (default %d)\n"
		"  -q      no line per message, only the summary\n",
		DEFAULT_TIMEOUT_MS);
}

static void words_from_args(uint32_t *msg, int argc, char **argv)
{
	int i;

	if (argc > WORDS)
		die("%s", "at most 16 words");
	memset(msg, 0, WORDS * sizeof(*msg));
	for (i = 0; i < argc; i++)
		msg[i] = parse_u32(argv[i]);
}

/* The commands: each gets the arguments after its name */
static int run_reset(struct vf *vf, int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];
	struct reply r;

	if (vf_reset(vf, &r) >= 0 && (r.msg[0] & VTNIC_MBX_ACK)) {
		vtnic_mbx_get_mac(&r.msg[1], mac);
		printf("mac %02x:%02x:%02x:%02x:%02x:%02x\n", mac[0], mac[1],
		       mac[2], mac[3], mac[4], mac[5]);
		return 0;
	}
	printf("mac none\n");
	return EXIT_NOT_ACKED;
}

static int run_garbage(struct vf *vf, int argc, char **argv)
{
	cmd_garbage(vf);
	return 0;
}

static int run_mac(struct vf *vf, int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];

	for (; argc; argc--, argv++) {
		if (parse_mac(argv[0], mac))
			die("'%s' is not a MAC address", argv[0]);
		send_set_mac(vf, VTNIC_MBX_MAC_SET, mac);
	}
	return 0;
}

static int run_mc(struct vf *vf, int argc, char **argv)
{
	if (parse_u32(argv[0]) > 0xff)
		die("%s", "the count is 8 bits (info field): 0..255");
	send_mc(vf, parse_u32(argv[0]));
	return 0;
}

static int run_vlan(struct vf *vf, int argc, char **argv)
{
	if (strcmp(argv[1], "add") && strcmp(argv[1], "del"))
		die("vlan VID add|del, not '%s'", argv[1]);
	send_vlan(vf, parse_u32(argv[0]), !strcmp(argv[1], "add"));
	return 0;
}

static int run_lpe(struct vf *vf, int argc, char **argv)
{
	send_lpe(vf, parse_u32(argv[0]));
	return 0;
}

static int run_prereset(struct vf *vf, int argc, char **argv)
{
	cmd_prereset(vf);
	return 0;
}

static int run_reset_loop(struct vf *vf, int argc, char **argv)
{
	uint32_t i, n = parse_u32(argv[0]);

	for (i = 0; i < n; i++)
		vf_reset(vf, NULL);
	return 0;
}

static int run_hold(struct vf *vf, int argc, char **argv)
{
	cmd_hold(vf, parse_u32(argv[0]), VTNIC_VFMBX_REQ);
	return 0;
}

/* Without CTS (its own reset, no RESET after it), ACK with VFU held */
static int run_ackstorm(struct vf *vf, int argc, char **argv)
{
	vf_forget(vf);
	cmd_hold(vf, parse_u32(argv[0]), VTNIC_VFMBX_ACK);
	return 0;
}

static int run_flood(struct vf *vf, int argc, char **argv)
{
	uint32_t msg[WORDS];

	words_from_args(msg, argc - 1, argv + 1);
	if (argc == 1)
		msg[0] = 0x000000ff;	/* an unknown opcode */
	cmd_flood(vf, parse_u32(argv[0]), msg);
	return 0;
}

static int run_raw(struct vf *vf, int argc, char **argv)
{
	uint32_t msg[WORDS];

	words_from_args(msg, argc, argv);
	xfer(vf, "raw", msg, NULL);
	return 0;
}

static int run_api(struct vf *vf, int argc, char **argv)
{
	for (; argc; argc--, argv++)
		send_api(vf, parse_u32(argv[0]));
	return 0;
}

static int run_queues(struct vf *vf, int argc, char **argv)
{
	send_get_queues(vf);
	return 0;
}

static int run_reta(struct vf *vf, int argc, char **argv)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_GET_RETA, 0) };

	xfer(vf, "GET_RETA", msg, NULL);
	return 0;
}

static int run_rss_key(struct vf *vf, int argc, char **argv)
{
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_GET_RSS_KEY, 0) };

	xfer(vf, "GET_RSS_KEY", msg, NULL);
	return 0;
}

static int run_xcast(struct vf *vf, int argc, char **argv)
{
	for (; argc; argc--, argv++)
		send_xcast(vf, parse_u32(argv[0]));
	return 0;
}

static int run_macvlan(struct vf *vf, int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];

	if (parse_u32(argv[0]) > 0xff)
		die("%s", "the index is 8 bits (info field): 0..255");
	if (parse_mac(argv[1], mac))
		die("'%s' is not a MAC address", argv[1]);
	send_macvlan(vf, parse_u32(argv[0]), mac);
	return 0;
}

#define ANY_DIALECT	(BIT(DIALECT_IGB) | BIT(DIALECT_IXGBE))

static const struct command {
	const char *name;
	int min_args;
	unsigned int dialects;		/* BIT(DIALECT_*) */
	int (*run)(struct vf *vf, int argc, char **argv);
} commands[] = {
	{ "reset", 0, ANY_DIALECT, run_reset },
	{ "garbage", 0, ANY_DIALECT, run_garbage },
	{ "mac", 1, ANY_DIALECT, run_mac },
	{ "mc", 1, ANY_DIALECT, run_mc },
	{ "vlan", 2, ANY_DIALECT, run_vlan },
	{ "lpe", 1, ANY_DIALECT, run_lpe },
	{ "prereset", 0, ANY_DIALECT, run_prereset },
	{ "reset-loop", 1, ANY_DIALECT, run_reset_loop },
	{ "hold", 1, ANY_DIALECT, run_hold },
	{ "ackstorm", 1, ANY_DIALECT, run_ackstorm },
	{ "flood", 1, ANY_DIALECT, run_flood },
	{ "raw", 1, ANY_DIALECT, run_raw },
	{ "api", 1, BIT(DIALECT_IXGBE), run_api },
	{ "queues", 0, BIT(DIALECT_IXGBE), run_queues },
	{ "reta", 0, BIT(DIALECT_IXGBE), run_reta },
	{ "rss-key", 0, BIT(DIALECT_IXGBE), run_rss_key },
	{ "xcast", 1, BIT(DIALECT_IXGBE), run_xcast },
	{ "macvlan", 2, BIT(DIALECT_IXGBE), run_macvlan },
};

static const struct dialect *dialect_named(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dialects); i++)
		if (!strcmp(dialects[i].name, name))
			return &dialects[i];
	die("unknown dialect '%s': igb or ixgbe", name);
	return NULL;
}

int main(int argc, char **argv)
{
	struct vf vf = { .timeout_ns = DEFAULT_TIMEOUT_MS * 1000000L };
	const struct command *c = NULL;
	unsigned int i;
	int opt, rc;

	while ((opt = getopt(argc, argv, "d:hqt:")) != -1) {
		switch (opt) {
		case 'd':
			vf.d = dialect_named(optarg);
			break;
		case 'q':
			vf.quiet = true;
			break;
		case 't':
			vf.timeout_ns = (long)parse_u32(optarg) * 1000000L;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, argv[1]))
			c = &commands[i];
	if (!c) {
		fprintf(stderr, "vfattack: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (argc - 2 < c->min_args) {
		usage(stderr);
		return EXIT_USAGE;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!vf.d)
		vf.d = vf_dialect(argv[0]);
	if (!(c->dialects & BIT(vf.d - dialects)))
		die("'%s' is not in this VF's dialect", c->name);
	vf.bdf = argv[0];
	vf_map(&vf, argv[0]);
	vf.start_ns = now_ns();
	rc = c->run(&vf, argc - 2, argv + 2);
	summary(&vf);
	munmap((void *)vf.bar, vf.len);
	return rc;
}
