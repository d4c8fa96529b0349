// SPDX-License-Identifier: GPL-2.0
/*
 * vfattack: a hostile VF in userspace.  It maps the BAR0 of an 82576 VF
 * that no driver holds (/sys/bus/pci/devices/BDF/resource0) and speaks
 * the VF side of the PF/VF mailbox itself (82576 datasheet 7.8.2.9), to
 * send the PF what no VF driver would: malformed words, addresses and
 * VLANs that are not its own, counts and sizes out of range, requests
 * before RESET, resets in a loop, a buffer it never lets go and floods.
 *
 * Each request goes the way the hardware wants it: take the buffer
 * (VFU, granted only while the PF does not hold it), write the words,
 * post with REQ (which lets go of VFU), wait for PFACK, wait for PFSTS,
 * take the buffer, read, ACK.  Every wait is bounded (-t), so a PF that
 * ignores the VF cannot hang it.  PFSTS, PFACK and RSTD clear on read:
 * every read of V2PMAILBOX keeps them until consumed.  A PF message that
 * is not the reply (a PF control message, a NACK telling a VF without
 * CTS to reset) is read, acknowledged and counted as unsolicited.
 *
 * The message format comes from driver/common/vtnic_mbx_msg.c and the
 * register offsets from vtnic_regs.h, compiled against the unit tests'
 * shim headers: the encoding is the drivers' own, the policy is not.
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
#include <linux/if_ether.h>

#include "vtnic_82576vf_regs.h"
#include "vtnic_mbx_msg.h"

#define WORDS			VTNIC_MBX_WORDS
#define DEFAULT_TIMEOUT_MS	50
#define POLL_NS			20000L
#define FLOOD_PROGRESS		10000

/* Exit codes: 0 done (reset: ACK with an address), 1 reset not ACKed */
#define EXIT_NOT_ACKED		1
#define EXIT_USAGE		2

struct vf {
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

/* V2PMAILBOX, keeping the read-to-clear bits for whoever waits on them */
static uint32_t v2p_read(struct vf *vf)
{
	uint32_t v2p = rd32(vf, VTNIC_V2PMAILBOX);

	if (v2p == ~0U)
		die("%s", "the VF's registers read all ones: the VF is gone");
	vf->v2p |= v2p & VTNIC_V2PMAILBOX_R2C;
	if (vf->v2p & VTNIC_V2PMAILBOX_RSTD) {
		vf->v2p &= ~VTNIC_V2PMAILBOX_RSTD;
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
		wr32(vf, VTNIC_V2PMAILBOX, VTNIC_V2PMAILBOX_VFU);
		if (v2p_read(vf) & VTNIC_V2PMAILBOX_VFU)
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
		msg[i] = rd32(vf, VTNIC_VF_VMBMEM + 4 * i);
	wr32(vf, VTNIC_V2PMAILBOX, VTNIC_V2PMAILBOX_ACK);
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
	while (vf->v2p & VTNIC_V2PMAILBOX_PFSTS) {
		vf->v2p &= ~VTNIC_V2PMAILBOX_PFSTS;
		vf_read_locked(vf, old);
		note_unsolicited(vf, old[0]);
		if (vf_lock(vf, deadline))
			return -EBUSY;
	}
	/* An earlier message's PFACK is not this one's */
	vf->v2p &= ~VTNIC_V2PMAILBOX_PFACK;
	for (i = 0; i < WORDS; i++)
		wr32(vf, VTNIC_VF_VMBMEM + 4 * i, msg[i]);
	wr32(vf, VTNIC_V2PMAILBOX, VTNIC_V2PMAILBOX_REQ);
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
		if ((v2p & VTNIC_V2PMAILBOX_RSTI) && !resetting) {
			resetting = true;
			if (!vf->quiet)
				printf("  PF resetting (RSTI)\n");
		}
		if (v2p_take(vf, VTNIC_V2PMAILBOX_PFACK) && !r->taken) {
			r->taken = true;
			deadline = now_ns() + vf->timeout_ns;
		}
		if (vf->v2p & VTNIC_V2PMAILBOX_PFSTS) {
			if (vf_lock(vf, deadline))
				break;
			vf->v2p &= ~VTNIC_V2PMAILBOX_PFSTS;
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
 * Reset the VF as a driver does: CTRL.RST (the PF sees VFLRE and forgets
 * the VF), wait while the PF itself resets (RSTI), then RESET.
 */
static void vf_ctrl_reset(struct vf *vf)
{
	int64_t deadline;

	wr32(vf, VTNIC_VF_CTRL, VTNIC_VF_CTRL_RST);
	deadline = now_ns() + vf->timeout_ns;
	while ((v2p_read(vf) & VTNIC_V2PMAILBOX_RSTI) && now_ns() <= deadline)
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

/* Words no VF driver sends: each must be refused or ignored */
static void cmd_garbage(struct vf *vf)
{
	static const struct {
		const char *what;
		uint32_t w0;
	} fixed[] = {
		{ "reserved bits set (SET_MAC_ADDR)", 0x1f000002 },
		{ "ACK and NACK both set", 0xc0000001 },
		{ "opcode 0x0000", 0x00000000 },
		{ "opcode 0x0007", 0x00000007 },
		{ "opcode 0x00ff, info 0xff", 0x00ff00ff },
		{ "PF_CONTROL sent by the VF", 0x00000100 },
		{ "opcode 0xffff, info 0xff", 0x00ffffff },
		{ "CTS set by the VF (opcode 0x0042)", 0x20000042 },
		{ "SET_MAC_ADDR with info 7", 0x00070002 },
		{ "SET_MAC_ADDR extra filter (info 2)", 0x00020002 },
		{ "SET_MULTICAST claiming 255 hashes", 0x00ff0003 },
		{ "SET_PROMISC unicast", 0x00010006 },
		{ "SET_PROMISC unknown bits 0xfc", 0x00fc0006 },
		{ "RESET with ACK set (not a request)", 0x80000001 },
		{ "SET_VLAN with NACK set (not a request)", 0x40010004 },
	};
	static const uint8_t mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0xa7, 0x7a, 0xc4 };
	uint32_t msg[WORDS], state = 0x76746e63;
	unsigned int i, j;
	char what[64];

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		memset(msg, 0, sizeof(msg));
		msg[0] = fixed[i].w0;
		if (FIELD_GET(VTNIC_MBX_OPCODE, msg[0]) == VTNIC_MBX_SET_MAC_ADDR)
			vtnic_mbx_put_mac(&msg[1], mac);
		else
			for (j = 1; j < WORDS; j++)
				msg[j] = 0xffffffff;
		xfer(vf, fixed[i].what, msg, NULL);
	}
	/* Random words; the opcode is kept off the six real ones */
	for (i = 0; i < 16; i++) {
		for (j = 0; j < WORDS; j++)
			msg[j] = lcg(&state);
		msg[0] = (msg[0] & ~VTNIC_MBX_OPCODE) | 0x0200 | (msg[0] & 0x7ff);
		snprintf(what, sizeof(what), "random words, word 0 0x%08" PRIx32,
			 msg[0]);
		xfer(vf, what, msg, NULL);
	}
}

/* Requests a VF may only make after RESET, right after a CTRL.RST */
static void cmd_prereset(struct vf *vf)
{
	static const uint8_t mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x0b, 0xad, 0x01 };
	uint32_t msg[WORDS] = { word0(VTNIC_MBX_SET_PROMISC,
				      VTNIC_MBX_PROMISC_MULTICAST) };

	vf_ctrl_reset(vf);
	if (!vf->quiet)
		printf("CTRL.RST written; no RESET sent\n");
	send_set_mac(vf, VTNIC_MBX_MAC_SET, mac);
	send_mc(vf, 2);
	send_vlan(vf, 100, true);
	send_lpe(vf, 1522);
	xfer(vf, "SET_PROMISC multicast", msg, NULL);
}

/*
 * Keep the buffer locked for @ms and ring REQ every millisecond: the PF
 * cannot take a message it was told about and waits for the buffer each
 * time.  Not the protocol: REQ is written with VFU still set.
 */
static void cmd_hold(struct vf *vf, uint32_t ms)
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
		wr32(vf, VTNIC_VF_VMBMEM + 4 * i, msg[i]);
	while (now_ns() < end) {
		wr32(vf, VTNIC_V2PMAILBOX,
		     VTNIC_V2PMAILBOX_REQ | VTNIC_V2PMAILBOX_VFU);
		vf->sent++;
		nanosleep(&tick, NULL);
	}
	/* Let go; whatever the PF does with the last doorbell is not waited for */
	wr32(vf, VTNIC_V2PMAILBOX, 0);
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
		while (locked && (vf->v2p & VTNIC_V2PMAILBOX_PFSTS)) {
			vf->v2p &= ~VTNIC_V2PMAILBOX_PFSTS;
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
			vf->v2p &= ~VTNIC_V2PMAILBOX_PFACK;
			for (j = 0; j < WORDS; j++)
				wr32(vf, VTNIC_VF_VMBMEM + 4 * j, msg[j]);
			wr32(vf, VTNIC_V2PMAILBOX, VTNIC_V2PMAILBOX_REQ);
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
	if (vf->len < VTNIC_V2PMAILBOX + 4)
		die("%s is too small for an 82576 VF", path);
	vf->bar = mmap(NULL, vf->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (vf->bar == MAP_FAILED)
		die("cannot map %s", path);
	close(fd);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: vfattack [-q] [-t MS] BDF COMMAND [ARGS]\n"
		"\n"
		"Speaks the VF side of the 82576 mailbox through the BAR0 of an\n"
		"unbound VF (BDF, e.g. 0000:01:10.2) and prints the PF's reply\n"
		"word 0 to each message, or \"no reply (timeout)\", then a summary.\n"
		"\n"
		"  reset                 CTRL.RST, then RESET; prints the address\n"
		"                        the PF returned; exit 0 only on ACK\n"
		"  garbage               malformed words, unknown opcodes, bad info\n"
		"  mac ADDR...           SET_MAC_ADDR of each address\n"
		"  mc COUNT              SET_MULTICAST claiming COUNT hashes\n"
		"  vlan VID add|del      SET_VLAN (VID: any 32-bit number)\n"
		"  lpe SIZE              SET_LPE\n"
		"  prereset              CTRL.RST, then requests without RESET\n"
		"  reset-loop N          N times CTRL.RST and RESET\n"
		"  hold MS               keep the buffer locked MS ms, ringing\n"
		"                        REQ every millisecond\n"
		"  flood N [W0 W1...]    N messages as fast as possible, no wait\n"
		"                        for replies (default word 0: 0x000000ff)\n"
		"  raw W0 [W1...]        one message of the given words\n"
		"\n"
		"  -t MS   wait at most MS ms for each step (default %d)\n"
		"  -q      no line per message, only the summary\n",
		DEFAULT_TIMEOUT_MS);
}

static void need_args(int argc, int n)
{
	if (argc < n) {
		usage(stderr);
		exit(EXIT_USAGE);
	}
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

int main(int argc, char **argv)
{
	struct vf vf = { .timeout_ns = DEFAULT_TIMEOUT_MS * 1000000L };
	uint32_t msg[WORDS];
	const char *cmd;
	int opt, rc = 0;

	while ((opt = getopt(argc, argv, "hqt:")) != -1) {
		switch (opt) {
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
	need_args(argc, 2);
	setvbuf(stdout, NULL, _IOLBF, 0);
	vf_map(&vf, argv[0]);
	cmd = argv[1];
	argc -= 2;
	argv += 2;
	vf.start_ns = now_ns();

	if (!strcmp(cmd, "reset")) {
		struct reply r;
		uint8_t mac[ETH_ALEN];

		rc = EXIT_NOT_ACKED;
		if (vf_reset(&vf, &r) >= 0 && (r.msg[0] & VTNIC_MBX_ACK)) {
			vtnic_mbx_get_mac(&r.msg[1], mac);
			printf("mac %02x:%02x:%02x:%02x:%02x:%02x\n", mac[0],
			       mac[1], mac[2], mac[3], mac[4], mac[5]);
			rc = 0;
		} else {
			printf("mac none\n");
		}
	} else if (!strcmp(cmd, "garbage")) {
		cmd_garbage(&vf);
	} else if (!strcmp(cmd, "mac")) {
		uint8_t mac[ETH_ALEN];

		need_args(argc, 1);
		for (; argc; argc--, argv++) {
			if (parse_mac(argv[0], mac))
				die("'%s' is not a MAC address", argv[0]);
			send_set_mac(&vf, VTNIC_MBX_MAC_SET, mac);
		}
	} else if (!strcmp(cmd, "mc")) {
		need_args(argc, 1);
		if (parse_u32(argv[0]) > 0xff)
			die("%s", "the count is 8 bits (info field): 0..255");
		send_mc(&vf, parse_u32(argv[0]));
	} else if (!strcmp(cmd, "vlan")) {
		need_args(argc, 2);
		if (strcmp(argv[1], "add") && strcmp(argv[1], "del"))
			die("vlan VID add|del, not '%s'", argv[1]);
		send_vlan(&vf, parse_u32(argv[0]), !strcmp(argv[1], "add"));
	} else if (!strcmp(cmd, "lpe")) {
		need_args(argc, 1);
		send_lpe(&vf, parse_u32(argv[0]));
	} else if (!strcmp(cmd, "prereset")) {
		cmd_prereset(&vf);
	} else if (!strcmp(cmd, "reset-loop")) {
		uint32_t i, n;

		need_args(argc, 1);
		n = parse_u32(argv[0]);
		for (i = 0; i < n; i++)
			vf_reset(&vf, NULL);
	} else if (!strcmp(cmd, "hold")) {
		need_args(argc, 1);
		cmd_hold(&vf, parse_u32(argv[0]));
	} else if (!strcmp(cmd, "flood")) {
		need_args(argc, 1);
		words_from_args(msg, argc - 1, argv + 1);
		if (argc == 1)
			msg[0] = 0x000000ff;	/* an unknown opcode */
		cmd_flood(&vf, parse_u32(argv[0]), msg);
	} else if (!strcmp(cmd, "raw")) {
		need_args(argc, 1);
		words_from_args(msg, argc, argv);
		xfer(&vf, "raw", msg, NULL);
	} else {
		fprintf(stderr, "vfattack: unknown command '%s'\n", cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	summary(&vf);
	munmap((void *)vf.bar, vf.len);
	return rc;
}
