// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target over the PF's handler of VF mailbox messages: the real
 * driver/common/vtnic_iov.c with the 82576's writers and the igb
 * dialect, vtnic_mbx_pf.c, vtnic_mbx_msg.c and vtnic_hw.c, compiled
 * unchanged against the unit tests' shims and the 82576 PF register model
 * (tools/testing/model/model_82576.c).
 *
 * Input: byte 0 is the setup, the rest a sequence of records, each a kind
 * byte (taken modulo FUZZ_NR_KINDS, mbx_fuzz.h) and its operands; a
 * record cut short by the end of the input is dropped.  Operands of more
 * than one byte are little endian.  The "vf" of a VF event is taken
 * modulo 8, so a VF past num_vfs raises a request, ack or reset bit the PF
 * must ignore; the "vf" of an admin setting is taken modulo num_vfs, as
 * the ndo checks it.
 *
 *   setup       bits 2:0: num_vfs = 1 + value % 7; bits 4:3: jiffies
 *               starts 5 min before the 32-bit wrap (the kernel's
 *               INITIAL_JIFFIES), at 0, 10 s before the 64-bit wrap, or
 *               at 100000
 *   MSG         vf, flags, then 1 + (flags & 15) words that the VF writes
 *               to its buffer (the rest keeps what it held) before it
 *               sets MBVFICR.VFREQ; the PF's service runs unless flags
 *               bit 5 (post only).  Bit 4: the VF holds VFU meanwhile,
 *               so the PF cannot take the buffer
 *   VF_ACK      vf: the VF acknowledges the PF's message (VFACK); service
 *   FLR         vf: its reset (VFLRE); service
 *   PF_RESET    reset begin, device reset, configure, reset done: the
 *               PF's vtnic_down() and vtnic_up()
 *   PF_RESET_FLR  vf: the same, with the VF's FLR while the PF is down
 *               (its mailbox service off): vtnic_up() must take it
 *               before the device reset clears VFLRE
 *   ADMIN_MAC   vf, sel: sel < 0x80 picks fuzz_macs[sel % 8], else six
 *               address bytes follow
 *   ADMIN_VLAN  vf, vid (le16, % 4096), qos (% 8)
 *   ADMIN_SPOOFCHK, ADMIN_TRUST   vf, on (bit 0)
 *   ADMIN_LINK  vf, state (% 3: auto, enable, disable)
 *   ADMIN_RATE  vf, Mb/s (le32, bit 31 dropped: the ndo's int)
 *   TIME        jiffies to advance (le16)
 *   LINK        speed (% 4: down, 10, 100, 1000 Mb/s)
 *   PF_VLAN     vid (le16, % 4096), on: a VLAN of the PF's own pool
 *   PF_MTA      hash (le16, % 4096), on: a multicast hash of the PF
 *   VEPA        on
 *   SERVICE     the mailbox interrupt: serves what was posted
 *   REENABLE    num_vfs (1 + % 7): SR-IOV off, device reset, on again
 *   PF_RX       frame (le16, % 16384), allmulti: the PF pool's VMOLR
 *   VF_HOLD     vf, on: the VF takes VFU and keeps it (bit 0 set) or lets
 *               go; its next MSG lets go too, as its REQ write does
 *   REPEAT      span, count: the last 1 + span % 8 records run
 *               again count times (fuzz_run(); not past an earlier
 *               REPEAT, and 4096 records an input at most)
 *
 * After every record the target checks, and abort()s naming what broke:
 *
 * - ownership (the header of vtnic_iov.c): a VF's message, ack or reset
 *   changes what that VF owns and nothing else; an admin setting for VF n
 *   only VF n's registers (a link state change pings every mailbox); the
 *   PF's own settings only their registers;
 * - a message is answered completely (taken, acknowledged, one reply) or
 *   left untouched (no register written for it but its mailbox); a NACK
 *   writes nothing but the mailbox, except RESET of a VF that has no
 *   address, which resets the VF and says so with the NACK;
 * - a message left waiting for its VF's budget stays in the buffer as the
 *   VF wrote it until the PF takes it; it waits only while the budget has
 *   less than a message, and the service says to come back by then;
 * - the reply echoes opcode and info with exactly one of ACK and NACK and
 *   with the CTS the VF has; every other word is zero but RESET's address
 *   words, which hold the VF's address.  No byte that was not written for
 *   this reply (CVE-2022-48949): -ftrivial-auto-var-init=pattern turns an
 *   uninitialised stack word into 0xaaaaaaaa.  A PF message nobody asked
 *   for is a control word or a bare NACK (paced), nothing after it;
 * - the software state is what the acknowledged messages and the admin
 *   asked for (recorded here independently), within its limits: 30
 *   multicast hashes, 4 VLANs, VIDs 1..4095, the frame sizes, CTS only
 *   after a RESET;
 * - what the device does, asked of the model (model_rx_pools(),
 *   model_tx_*()) rather than read as bits: which pools a frame to each
 *   VF's, the PF's or nobody's address reaches, on which VLANs and up to
 *   which size; broadcast and multicast; what each VF transmits with
 *   (port VLAN, anti-spoofing, rate) and whether it may; VEB or VEPA;
 * - the tables' own consistency: RAR 0 untouched, no address in two
 *   enabled entries, nothing enabled between the PF's and the VFs'; every
 *   enabled VLVF entry a distinct VID and exactly the pools that asked for
 *   it, none past the PF's pool; a VFTA bit iff an enabled entry has the
 *   VID; the MTA the union of the PF's and every VF's hashes;
 * - the mailbox protocol as the model sees it: no buffer use without PFU,
 *   no buffer held after a record; nothing written to the mailbox of a
 *   quarantined VF, and its pool passes nothing;
 * - the PF's time: its sleeps while a VF holds its buffer advance the
 *   clock, and all of them since the VFs were set up stay within what
 *   vtnic_iov.h lets all VFs cost (VTNIC_IOV_WAIT_US_PER_S);
 * - at most FUZZ_LOG_BURST log lines per VF per second of refusals.
 *
 * "make fuzz" runs it; build/fuzz/mbx_fuzz FILE replays one input, and
 * MBX_FUZZ_TRACE=1 in the environment prints each record as it runs.
 */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bitfield.h>
#include <linux/compiler.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/math.h>

#include "mbx_fuzz.h"
#include "model_82576.h"
#include "vtnic_iov.h"

#define WORDS			VTNIC_MBX_WORDS
#define VID_MAX			4095
#define VID_WORDS		((VID_MAX + 1) / 64)
#define LINK_UP_STATUS		0x80083	/* a live device, link up at 1000 */

/*
 * Log lines one VF's refusals may cause per second: a rate limiter gives
 * a line and the count of the lines it held back; room for two limiters
 * (the refusal log and a per-VF message budget).
 */
#define FUZZ_LOG_BURST		4

unsigned long jiffies;

/*
 * The PF's waits for a VF's buffer take time: each sleep advances the
 * clock (the monotonic one the PF measures with, and jiffies), and all of
 * them since the VFs were set up are held against what vtnic_iov.h lets
 * all VFs together cost: VTNIC_IOV_WAIT_US_PER_S at once, then as much a
 * second, and the one attempt that may start with the budget just short.
 */
static struct {
	u64 waited_us;
	unsigned long rem_us;	/* towards the next jiffy */
	unsigned long start;	/* jiffies when the count began */
} fuzz_wait;

void shim_usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	model_sleeps++;
	model_time_ns += min * 1000;
	fuzz_wait.waited_us += min;
	fuzz_wait.rem_us += min;
	jiffies += fuzz_wait.rem_us / (1000000 / HZ);
	fuzz_wait.rem_us %= 1000000 / HZ;
}

/* The VFs were set up again, and the PF's waiting budget with them */
void fuzz_waits_start(void)
{
	fuzz_wait.waited_us = 0;
	fuzz_wait.rem_us = 0;
	fuzz_wait.start = jiffies;
}

/* Whether the PF waited for VFs longer than it may have */
bool fuzz_waits_over(u64 *waited_us, u64 *allowed_us)
{
	*waited_us = fuzz_wait.waited_us;
	*allowed_us = VTNIC_IOV_WAIT_US_PER_S +
		      (u64)(jiffies - fuzz_wait.start) *
		      (VTNIC_IOV_WAIT_US_PER_S / HZ) +
		      (VTNIC_MBX_LOCK_TRIES - 1) * VTNIC_MBX_LOCK_WAIT_US;
	return *waited_us > *allowed_us;
}

static const u32 fuzz_speeds[FUZZ_NR_SPEEDS] = { 0, 10, 100, 1000 };

const unsigned long fuzz_clocks[4] = {
	(unsigned int)(-300 * HZ),	/* the kernel's INITIAL_JIFFIES */
	0,
	-(10UL * HZ),
	100000,
};

static const char * const kind_names[FUZZ_NR_KINDS] = {
	[FUZZ_MSG] = "MSG",
	[FUZZ_VF_ACK] = "VF_ACK",
	[FUZZ_FLR] = "FLR",
	[FUZZ_PF_RESET] = "PF_RESET",
	[FUZZ_ADMIN_MAC] = "ADMIN_MAC",
	[FUZZ_ADMIN_VLAN] = "ADMIN_VLAN",
	[FUZZ_ADMIN_SPOOFCHK] = "ADMIN_SPOOFCHK",
	[FUZZ_ADMIN_TRUST] = "ADMIN_TRUST",
	[FUZZ_ADMIN_LINK] = "ADMIN_LINK",
	[FUZZ_ADMIN_RATE] = "ADMIN_RATE",
	[FUZZ_TIME] = "TIME",
	[FUZZ_LINK] = "LINK",
	[FUZZ_PF_VLAN] = "PF_VLAN",
	[FUZZ_PF_MTA] = "PF_MTA",
	[FUZZ_VEPA] = "VEPA",
	[FUZZ_SERVICE] = "SERVICE",
	[FUZZ_REENABLE] = "REENABLE",
	[FUZZ_PF_RX] = "PF_RX",
	[FUZZ_VF_HOLD] = "VF_HOLD",
	[FUZZ_PF_RESET_FLR] = "PF_RESET_FLR",
	[FUZZ_REPEAT] = "REPEAT",
};

/* Where a VF's last message is */
enum req_state {
	REQ_NONE,	/* answered, dropped, or none posted */
	REQ_POSTED,	/* VFREQ set, or waiting for the budget; not taken */
	REQ_TAKEN,	/* the PF read and acknowledged it */
};

/**
 * struct shadow_vf - what VF n should have, from the admin's calls and
 *		      the messages the PF acknowledged; and its transport
 * @mac: its address
 * @admin_mac: the admin set @mac
 * @port_vlan: admin port VLAN
 * @port_qos: its priority
 * @spoofchk: admin anti-spoofing
 * @trusted: admin trust
 * @link_state: admin link state
 * @max_tx_rate: admin rate, Mb/s
 * @reset_seen: a RESET was handled since its last reset or the PF's
 * @mc_promisc: SET_PROMISC multicast
 * @mc_count: hashes in @mc
 * @mc: the hashes of its last acknowledged SET_MULTICAST
 * @nr_uc: extra unicast addresses in @uc
 * @uc: the extra addresses its acknowledged MAC_FILTER_ADDs added
 * @nr_vlans: VIDs in @vlans
 * @vlans: VIDs it added and did not remove, a bitmap
 * @max_frame: SET_LPE
 * @req: where its last message is
 * @req_msg: that message, all of its buffer
 * @req_log: the write log index where the PF took it
 * @nack_sent: the PF sent it a bare NACK at @last_nack
 * @last_nack: jiffies of that NACK
 * @log_window: start of the second its refusals' log lines count in
 * @log_lines: lines in that second
 */
struct shadow_vf {
	u8 mac[ETH_ALEN];
	bool admin_mac;
	u16 port_vlan;
	u8 port_qos;
	bool spoofchk;
	bool trusted;
	u8 link_state;
	u32 max_tx_rate;
	bool reset_seen;
	bool mc_promisc;
	u8 mc_count;
	u16 mc[VTNIC_MBX_MAX_MC_HASHES];
	unsigned int nr_uc;
	u8 uc[VTNIC_IOV_VF_MAX_UC][ETH_ALEN];
	unsigned int nr_vlans;
	u64 vlans[VID_WORDS];
	u16 max_frame;

	enum req_state req;
	u32 req_msg[WORDS];
	unsigned int req_log;

	bool nack_sent;
	unsigned long last_nack;
	unsigned long log_window;
	unsigned int log_lines;
};

/* What a record may write besides what its VFs own */
enum {
	MAY_MAILBOXES	= BIT(0),	/* every VF's mailbox: pings */
	MAY_PFRSTD	= BIT(1),	/* CTRL_EXT.PFRSTD */
	MAY_PF_VLAN	= BIT(2),	/* the PF pool's VLVF bits, the VFTA */
	MAY_MTA		= BIT(3),
	MAY_LOOPBACK	= BIT(4),	/* DTXSWC's VEB bit */
	MAY_RATES	= BIT(5),	/* every VF's rate limiters */
	MAY_PF_RX	= BIT(6),	/* RLPML, the PF pool's VMOLR */
	MAY_ANYTHING	= BIT(7),	/* the PF resets or reconfigures */
};

static struct {
	struct model m;
	struct device dev;
	struct vtnic_hw hw;
	struct vtnic_iov iov;
	unsigned int num_vfs;
	struct shadow_vf vf[VTNIC_POOLS];
	u32 pf_mta[VTNIC_MTA_REGS];
	u64 pf_vlans[VID_WORDS];
	bool vepa;
	u32 link;
	u16 pf_frame;
	bool pf_allmulti;
	u32 rar0[2];		/* RAL, RAH of the PF's address */

	unsigned int record;	/* records run of this input */
	int kind;		/* the one running, -1 for the setup */
	unsigned int actors;	/* VFs whose events its services handled */
	unsigned int untaken;	/* VFs whose message the PF did not take */
	unsigned int flrs;	/* VFs it reset */
	unsigned long next_service;	/* what the last service returned */
	bool trace;
} s;

#define REG(reg)	MODEL_REG(&s.m, reg)

static __printf(1, 2) __noreturn void violation(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "mbx_fuzz: record %u (%s), num_vfs %u, jiffies %lu: ",
		s.record, s.kind < 0 ? "setup" : kind_names[s.kind],
		s.num_vfs, jiffies);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

void model_fail(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "mbx_fuzz: model: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

/* The model of the MAC this input runs on */
struct model *fuzz_model;

u32 shim_readl(const void *addr)
{
	return model_read(fuzz_model, model_offset(fuzz_model, addr));
}

void shim_writel(u32 val, void *addr)
{
	model_write(fuzz_model, val, model_offset(fuzz_model, addr));
}

static __printf(1, 2) void trace(const char *fmt, ...)
{
	va_list args;

	if (!s.trace)
		return;
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
}

/* ---- helpers ---- */

static bool vid_test(const u64 *map, u16 vid)
{
	return map[vid / 64] >> (vid % 64) & 1;
}

static void vid_set(u64 *map, u16 vid)
{
	map[vid / 64] |= 1ULL << (vid % 64);
}

static void vid_clear(u64 *map, u16 vid)
{
	map[vid / 64] &= ~(1ULL << (vid % 64));
}

static u32 mac_lo(const u8 *mac)
{
	return mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24;
}

static u32 mac_hi(const u8 *mac)
{
	return mac[4] | mac[5] << 8;
}

static bool wellformed(u32 w0)
{
	return !(w0 & VTNIC_MBX_RSVD) &&
	       (w0 & (VTNIC_MBX_ACK | VTNIC_MBX_NACK)) !=
	       (VTNIC_MBX_ACK | VTNIC_MBX_NACK);
}

/* A VF's state right after its reset, or after SR-IOV is enabled */
static void shadow_vf_clear(struct shadow_vf *sv)
{
	sv->reset_seen = false;
	sv->mc_promisc = false;
	sv->mc_count = 0;
	sv->nr_uc = 0;
	sv->nr_vlans = 0;
	memset(sv->vlans, 0, sizeof(sv->vlans));
	sv->max_frame = VTNIC_IOV_DEFAULT_FRAME;
}

static void shadow_init(void)
{
	unsigned int vf;

	memset(s.vf, 0, sizeof(s.vf));
	for (vf = 0; vf < VTNIC_POOLS; vf++) {
		shadow_vf_clear(&s.vf[vf]);
		s.vf[vf].spoofchk = true;
	}
}

/* ---- ownership ---- */

/* Whether @reg is one of the exact filters of VF @vf's extra addresses */
static bool uc_rar_of(unsigned int vf, u32 reg)
{
	unsigned int k, idx;

	for (k = 0; k < s.iov.uc_quota; k++) {
		idx = vtnic_iov_vf_uc_rar(&s.iov, vf, k);
		if (reg == VTNIC_RAL(idx) || reg == VTNIC_RAH(idx))
			return true;
	}
	return false;
}

/* Whether the VFs in @actors may make write @w */
static bool owned_by(unsigned int actors, const struct model_write *w)
{
	unsigned int a;
	u32 mask = 0;

	for (a = 0; a < VTNIC_POOLS; a++) {
		if (!(actors & BIT(a)))
			continue;
		if (w->reg == VTNIC_RTTDQSEL &&
		    (w->val == VTNIC_POOL_QUEUE(a, 0) ||
		     w->val == VTNIC_POOL_QUEUE(a, 1)))
			return true;
		if (w->reg == VTNIC_RTTBCNRC &&
		    (w->queue == VTNIC_POOL_QUEUE(a, 0) ||
		     w->queue == VTNIC_POOL_QUEUE(a, 1)))
			return true;
		if (uc_rar_of(a, w->reg))
			return true;
		mask |= model_vf_owned_bits(a, w->reg, w->before, w->after);
	}
	if (!mask || w->reg == VTNIC_RTTDQSEL || w->reg == VTNIC_RTTBCNRC)
		return false;
	if (w->reg == VTNIC_MBVFICR || w->reg == VTNIC_VFLRE)
		return !(w->val & ~mask);
	return !((w->before ^ w->after) & ~mask);
}

static bool in_table(u32 reg, u32 base, unsigned int n)
{
	return reg >= base && reg < base + 4 * n;
}

/* Whether the extra allowance @may covers write @w */
static bool may_write(unsigned int may, const struct model_write *w)
{
	unsigned int pf = s.num_vfs;
	u32 changed = w->before ^ w->after;

	if (may & MAY_ANYTHING)
		return true;
	if ((may & MAY_MAILBOXES) && model_is_any_mailbox_write(&s.m, w))
		return true;
	if ((may & MAY_PFRSTD) && w->reg == VTNIC_CTRL_EXT)
		return !(changed & ~VTNIC_CTRL_EXT_PFRSTD);
	if ((may & MAY_PF_VLAN) &&
	    (in_table(w->reg, VTNIC_VLVF(0), VTNIC_VLVF_ENTRIES) ||
	     in_table(w->reg, VTNIC_VFTA(0), VTNIC_VFTA_REGS)))
		return !(changed & ~model_vf_owned_bits(pf, w->reg, w->before,
							 w->after));
	if ((may & MAY_MTA) && in_table(w->reg, VTNIC_MTA(0), VTNIC_MTA_REGS))
		return true;
	if ((may & MAY_LOOPBACK) && w->reg == VTNIC_DTXSWC)
		return !(changed & ~VTNIC_DTXSWC_VMDQ_LOOPBACK);
	if ((may & MAY_RATES) && w->reg == VTNIC_RTTDQSEL)
		return w->val % 8 < s.num_vfs;
	if ((may & MAY_RATES) && w->reg == VTNIC_RTTBCNRC)
		return w->queue % 8 < s.num_vfs;
	if ((may & MAY_PF_RX) &&
	    (w->reg == VTNIC_RLPML || w->reg == VTNIC_VMOLR(pf)))
		return true;
	return false;
}

static void check_writes(unsigned int from, unsigned int to,
			 unsigned int actors, unsigned int may,
			 const char *what)
{
	const struct model_write *w;
	unsigned int i;

	if (to > MODEL_LOG_MAX)
		violation("%u register writes in one record: the log overflowed",
			  to);
	for (i = from; i < to; i++) {
		w = &s.m.log[i];
		if (owned_by(actors, w) || may_write(may, w))
			continue;
		violation("%s: register %#x written with %#x (%#x -> %#x), not its to change",
			  what, w->reg, w->val, w->before, w->after);
	}
}

/* Since @from, only VF @vf's mailbox: a message that changed nothing */
static void check_untouched(unsigned int vf, unsigned int from,
			    unsigned int to, const char *what)
{
	const struct model_write *w;
	unsigned int i;

	for (i = from; i < to && i < MODEL_LOG_MAX; i++) {
		w = &s.m.log[i];
		if (!model_is_mailbox_write(&s.m, w, vf))
			violation("VF %u: register %#x written with %#x (%#x -> %#x) for %s",
				  vf, w->reg, w->val, w->before, w->after,
				  what);
	}
}

/* ---- the replies, checked as the PF posts them ---- */

static void apply_reset(unsigned int vf)
{
	shadow_vf_clear(&s.vf[vf]);
	s.vf[vf].reset_seen = true;
}

/* The index of @mac among @sv's extra addresses, or -1 */
static int shadow_uc(const struct shadow_vf *sv, const u8 *mac)
{
	unsigned int k;

	for (k = 0; k < sv->nr_uc; k++)
		if (ether_addr_equal(mac, sv->uc[k]))
			return k;
	return -1;
}

static void shadow_uc_del(struct shadow_vf *sv, const u8 *mac)
{
	int k = shadow_uc(sv, mac);

	if (k < 0)
		return;
	memmove(sv->uc[k], sv->uc[k + 1], (sv->nr_uc - k - 1) * ETH_ALEN);
	sv->nr_uc--;
}

static bool mac_taken(unsigned int vf, const u8 *mac)
{
	unsigned int i;

	if (ether_addr_equal(mac, fuzz_macs[0]))
		return true;
	for (i = 0; i < s.num_vfs; i++)
		if (i != vf && (ether_addr_equal(mac, s.vf[i].mac) ||
				shadow_uc(&s.vf[i], mac) >= 0))
			return true;
	return false;
}

/* An acknowledged MAC_FILTER_ADD: what the rules allow, nothing else */
static void apply_uc_add(unsigned int vf, const u8 *mac)
{
	struct shadow_vf *sv = &s.vf[vf];

	if (!is_valid_ether_addr(mac) || mac_taken(vf, mac) ||
	    (sv->admin_mac && !sv->trusted))
		violation("VF %u: extra address %pM acknowledged (admin %d, trust %d)",
			  vf, mac, sv->admin_mac, sv->trusted);
	if (ether_addr_equal(mac, sv->mac) || shadow_uc(sv, mac) >= 0)
		return;
	if (sv->nr_uc >= s.iov.uc_quota)
		violation("VF %u: extra address %u of %u acknowledged", vf,
			  sv->nr_uc + 1, s.iov.uc_quota);
	ether_addr_copy(sv->uc[sv->nr_uc++], mac);
}

/* What an acknowledged message changes */
static void apply_ack(unsigned int vf, const u32 *req)
{
	struct shadow_vf *sv = &s.vf[vf];
	u16 op = FIELD_GET(VTNIC_MBX_OPCODE, req[0]);
	u8 info = FIELD_GET(VTNIC_MBX_INFO, req[0]);
	u8 mac[ETH_ALEN];
	unsigned int i;

	switch (op) {
	case VTNIC_MBX_RESET:
		apply_reset(vf);
		return;
	case VTNIC_MBX_SET_MAC_ADDR:
		vtnic_mbx_get_mac(&req[1], mac);
		if (info == VTNIC_MBX_MAC_FILTER_CLR) {
			sv->nr_uc = 0;
			return;
		}
		if (info == VTNIC_MBX_MAC_FILTER_ADD) {
			apply_uc_add(vf, mac);
			return;
		}
		if (info != VTNIC_MBX_MAC_SET)
			violation("VF %u: SET_MAC_ADDR info %u acknowledged",
				  vf, info);
		if (is_valid_ether_addr(mac) && ether_addr_equal(mac, sv->mac))
			return;
		if (!is_valid_ether_addr(mac) || mac_taken(vf, mac) ||
		    (sv->admin_mac && !sv->trusted))
			violation("VF %u: SET_MAC_ADDR %08x %04x acknowledged (admin %d, trust %d)",
				  vf, req[1], req[2] & 0xffff, sv->admin_mac,
				  sv->trusted);
		shadow_uc_del(sv, mac);
		ether_addr_copy(sv->mac, mac);
		return;
	case VTNIC_MBX_SET_MULTICAST:
		if (info > VTNIC_MBX_MAX_MC_HASHES)
			violation("VF %u: SET_MULTICAST of %u hashes acknowledged",
				  vf, info);
		sv->mc_count = info;
		for (i = 0; i < info; i++)
			sv->mc[i] = req[1 + i / 2] >> (16 * (i % 2)) & 0xfff;
		return;
	case VTNIC_MBX_SET_VLAN:
		if (req[1] > VID_MAX || sv->port_vlan)
			violation("VF %u: SET_VLAN %u acknowledged (port VLAN %u)",
				  vf, req[1], sv->port_vlan);
		if (!req[1])
			return;
		if (info && !vid_test(sv->vlans, req[1])) {
			vid_set(sv->vlans, req[1]);
			sv->nr_vlans++;
		} else if (!info && vid_test(sv->vlans, req[1])) {
			vid_clear(sv->vlans, req[1]);
			sv->nr_vlans--;
		}
		return;
	case VTNIC_MBX_SET_LPE:
		if (req[1] < VTNIC_IOV_MIN_FRAME || req[1] > VTNIC_IOV_MAX_FRAME)
			violation("VF %u: SET_LPE %u acknowledged", vf, req[1]);
		sv->max_frame = req[1];
		return;
	case VTNIC_MBX_SET_PROMISC:
		if (info & ~VTNIC_MBX_PROMISC_MULTICAST)
			violation("VF %u: SET_PROMISC %#x acknowledged", vf,
				  info);
		sv->mc_promisc = info & VTNIC_MBX_PROMISC_MULTICAST;
		return;
	}
	violation("VF %u: opcode %#x acknowledged; the igb dialect has no such message",
		  vf, op);
}

/* The reply to VF @vf's message; the PF handled it in log[from, to) */
static void check_reply(unsigned int vf, const u32 *buf, unsigned int from,
			unsigned int to)
{
	const struct vtnic_vf *v = &s.iov.vf[vf];
	struct shadow_vf *sv = &s.vf[vf];
	const u32 *req = sv->req_msg;
	u16 op = FIELD_GET(VTNIC_MBX_OPCODE, req[0]);
	bool ack = buf[0] & VTNIC_MBX_ACK, nack = buf[0] & VTNIC_MBX_NACK;
	bool cts, with_mac = ack && op == VTNIC_MBX_RESET;
	const struct model_write *w;
	bool touched = false;
	unsigned int i;

	if ((buf[0] ^ req[0]) & (VTNIC_MBX_OPCODE | VTNIC_MBX_INFO))
		violation("VF %u: reply %#x does not echo request %#x",
			  vf, buf[0], req[0]);
	if (buf[0] & VTNIC_MBX_RSVD)
		violation("VF %u: reply %#x has reserved bits", vf, buf[0]);
	if (ack == nack)
		violation("VF %u: reply %#x to %#x has %s", vf, buf[0], req[0],
			  ack ? "both ACK and NACK" : "neither ACK nor NACK");
	cts = v->cts && op != VTNIC_MBX_RESET &&
	      v->link_state != VTNIC_VF_LINK_DISABLE;
	if (!!(buf[0] & VTNIC_MBX_CTS) != cts)
		violation("VF %u: reply %#x to %#x: CTS should be %d (VF cts %d, link state %u)",
			  vf, buf[0], req[0], cts, v->cts, v->link_state);

	for (i = 1; i < WORDS; i++) {
		u32 want = 0;

		if (with_mac && i == 1)
			want = mac_lo(v->mac);
		else if (with_mac && i == 2)
			want = mac_hi(v->mac);
		if (buf[i] != want)
			violation("VF %u: reply to %#x: word %u is %#x, not %#x (stale bytes)",
				  vf, req[0], i, buf[i], want);
	}
	if (with_mac && (is_zero_ether_addr(v->mac) ||
			 !ether_addr_equal(v->mac, sv->mac)))
		violation("VF %u: RESET acknowledged with an address it should not have",
			  vf);

	for (i = from; i < to && i < MODEL_LOG_MAX; i++) {
		w = &s.m.log[i];
		if (!model_is_mailbox_write(&s.m, w, vf))
			touched = true;
	}

	if (ack) {
		if (!wellformed(req[0]))
			violation("VF %u: malformed word 0 %#x acknowledged",
				  vf, req[0]);
		if (!sv->reset_seen && op != VTNIC_MBX_RESET)
			violation("VF %u: %#x acknowledged before the VF's RESET",
				  vf, req[0]);
		check_writes(from, to, BIT(vf), 0, "an acknowledged message");
		apply_ack(vf, req);
	} else if (op == VTNIC_MBX_RESET && wellformed(req[0]) && touched) {
		/* A RESET done for a VF without an address is NACKed */
		if (!is_zero_ether_addr(sv->mac))
			violation("VF %u: RESET NACKed though the VF has an address",
				  vf);
		check_writes(from, to, BIT(vf), 0, "RESET");
		apply_reset(vf);
	} else {
		check_untouched(vf, from, to, "a NACKed message");
	}
	trace("    reply %08x%s\n", buf[0], with_mac ? " with the address" : "");
}

/* A message of the PF nobody asked for: a control word or a bare NACK */
static void check_pf_message(unsigned int vf, const u32 *buf)
{
	struct shadow_vf *sv = &s.vf[vf];
	const struct vtnic_vf *v = &s.iov.vf[vf];
	unsigned int i;

	for (i = 1; i < WORDS; i++)
		if (buf[i])
			violation("VF %u: word %u of PF message %#x is %#x",
				  vf, i, buf[0], buf[i]);
	if (buf[0] == VTNIC_MBX_NACK) {
		if (v->cts)
			violation("VF %u: a bare NACK to a VF that is clear to send",
				  vf);
		if (sv->nack_sent &&
		    !time_after(jiffies, sv->last_nack + VTNIC_IOV_NACK_PACE))
			violation("VF %u: bare NACKs %lu jiffies apart",
				  vf, jiffies - sv->last_nack);
		sv->nack_sent = true;
		sv->last_nack = jiffies;
	} else if (buf[0] == (VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS)) {
		if (!v->cts || v->link_state == VTNIC_VF_LINK_DISABLE)
			violation("VF %u: control message with CTS to a VF that may not send",
				  vf);
	} else if (buf[0] != VTNIC_MBX_PF_CONTROL) {
		violation("VF %u: PF message %#x is neither a control message nor a NACK",
			  vf, buf[0]);
	}
	trace("    PF message %08x to VF %u\n", buf[0], vf);
}

/* Every write reaches here after the model applied it */
static void fuzz_write_hook(struct model *m, const struct model_write *w)
{
	struct shadow_vf *sv;
	unsigned int vf;
	u32 buf[WORDS];

	if (w->reg < VTNIC_P2VMAILBOX(0) ||
	    w->reg >= VTNIC_P2VMAILBOX(VTNIC_POOLS))
		return;
	vf = (w->reg - VTNIC_P2VMAILBOX(0)) / 4;
	sv = &s.vf[vf];

	/* A quarantined VF's mailbox is not used at all */
	if (vf < s.num_vfs && s.iov.vf[vf].quarantined)
		violation("VF %u: quarantined, and the PF wrote %#x to its mailbox",
			  vf, w->val);
	if (w->val & VTNIC_P2VMAILBOX_ACK) {
		if (sv->req != REQ_POSTED)
			violation("VF %u: the PF acknowledged a message the VF did not post",
				  vf);
		model_vf_read(m, vf, buf);
		if (memcmp(buf, sv->req_msg, sizeof(buf)))
			violation("VF %u: its buffer changed before the PF took its message",
				  vf);
		sv->req = REQ_TAKEN;
		sv->req_log = m->nr_log;
	}
	if (w->val & VTNIC_P2VMAILBOX_STS) {
		model_vf_read(m, vf, buf);
		if (sv->req == REQ_TAKEN) {
			check_reply(vf, buf, sv->req_log, m->nr_log);
			sv->req = REQ_NONE;
		} else {
			check_pf_message(vf, buf);
		}
	} else if (!(w->val & VTNIC_P2VMAILBOX_PFU) && sv->req == REQ_TAKEN) {
		/* Given back unanswered: only a VF's answer to the PF */
		if (!wellformed(sv->req_msg[0]) ||
		    !(sv->req_msg[0] & (VTNIC_MBX_ACK | VTNIC_MBX_NACK)))
			violation("VF %u: the PF took request %#x and did not answer it",
				  vf, sv->req_msg[0]);
		check_untouched(vf, sv->req_log, m->nr_log,
				"a VF's answer to the PF");
		sv->req = REQ_NONE;
	}
}

/* ---- the state after each record ---- */

static void check_vf(unsigned int vf)
{
	const struct vtnic_vf *v = &s.iov.vf[vf];
	const struct shadow_vf *sv = &s.vf[vf];
	unsigned int i, j;

	if (v->mc_count > VTNIC_MBX_MAX_MC_HASHES)
		violation("VF %u: %u multicast hashes", vf, v->mc_count);
	if (v->nr_vlans > VTNIC_IOV_VF_MAX_VLANS)
		violation("VF %u: %u VLANs", vf, v->nr_vlans);
	if (v->max_frame < VTNIC_IOV_MIN_FRAME ||
	    v->max_frame > VTNIC_IOV_MAX_FRAME)
		violation("VF %u: frame size %u", vf, v->max_frame);
	if (v->port_vlan > VID_MAX || v->port_qos > 7 ||
	    v->link_state > VTNIC_VF_LINK_DISABLE)
		violation("VF %u: port VLAN %u qos %u link state %u", vf,
			  v->port_vlan, v->port_qos, v->link_state);
	if (v->cts && !sv->reset_seen)
		violation("VF %u: clear to send without a RESET since its last reset",
			  vf);

	for (i = 0; i < v->nr_vlans; i++) {
		if (!v->vlans[i] || v->vlans[i] > VID_MAX)
			violation("VF %u: VLAN %u", vf, v->vlans[i]);
		for (j = 0; j < i; j++)
			if (v->vlans[j] == v->vlans[i])
				violation("VF %u: VLAN %u twice", vf,
					  v->vlans[i]);
		if (!vid_test(sv->vlans, v->vlans[i]))
			violation("VF %u: VLAN %u, which its acknowledged messages did not add",
				  vf, v->vlans[i]);
	}
	if (v->nr_uc != sv->nr_uc ||
	    memcmp(v->uc, sv->uc, v->nr_uc * ETH_ALEN))
		violation("VF %u: %u extra addresses; its acknowledged messages left %u",
			  vf, v->nr_uc, sv->nr_uc);
	if (v->nr_vlans != sv->nr_vlans)
		violation("VF %u: %u VLANs; its acknowledged messages added %u",
			  vf, v->nr_vlans, sv->nr_vlans);
	if (v->mc_count != sv->mc_count ||
	    memcmp(v->mc_hashes, sv->mc, v->mc_count * sizeof(u16)))
		violation("VF %u: %u multicast hashes, its last acknowledged list %u",
			  vf, v->mc_count, sv->mc_count);
	if (!ether_addr_equal(v->mac, sv->mac) || v->admin_mac != sv->admin_mac)
		violation("VF %u: address %08x %04x (admin %d), should be %08x %04x (admin %d)",
			  vf, mac_lo(v->mac), mac_hi(v->mac), v->admin_mac,
			  mac_lo(sv->mac), mac_hi(sv->mac), sv->admin_mac);
	if (v->port_vlan != sv->port_vlan || v->port_qos != sv->port_qos ||
	    v->spoofchk != sv->spoofchk || v->trusted != sv->trusted ||
	    v->link_state != sv->link_state ||
	    v->max_tx_rate != sv->max_tx_rate)
		violation("VF %u: admin settings are not what the admin set", vf);
	if (v->mc_promisc != sv->mc_promisc || v->max_frame != sv->max_frame)
		violation("VF %u: multicast promiscuous %d frame %u, should be %d %u",
			  vf, v->mc_promisc, v->max_frame, sv->mc_promisc,
			  sv->max_frame);
}

/* The pools that asked for @vid: VFs' VLANs and port VLANs, the PF's */
static u32 vlan_pools_wanted(u16 vid)
{
	unsigned int vf, i;
	u32 pools = 0;

	for (vf = 0; vf < s.num_vfs; vf++) {
		const struct vtnic_vf *v = &s.iov.vf[vf];

		/* VLAN 0 (priority tags) is every pool's but a port VLAN's */
		if (v->port_vlan == vid || (!vid && !v->port_vlan))
			pools |= BIT(vf);
		for (i = 0; i < v->nr_vlans; i++)
			if (v->vlans[i] == vid)
				pools |= BIT(vf);
	}
	if (!vid || vid_test(s.pf_vlans, vid))
		pools |= BIT(s.num_vfs);
	return pools;
}

static u32 vlan_pools_have(u16 vid)
{
	unsigned int i;

	for (i = 1; i < VTNIC_VLVF_ENTRIES; i++)
		if (s.iov.vlvf[i].pools && s.iov.vlvf[i].vid == vid)
			return s.iov.vlvf[i].pools;
	return 0;
}

/* A VLAN not in the table yet would find no free entry */
static bool vlan_no_room(u16 vid)
{
	unsigned int i;

	if (!vid || vlan_pools_have(vid))
		return false;
	for (i = 1; i < VTNIC_VLVF_ENTRIES; i++)
		if (!s.iov.vlvf[i].pools)
			return false;
	return true;
}

static void check_vlans(void)
{
	unsigned int pf = s.num_vfs, vf, i, j;
	u32 vfta[VTNIC_VFTA_REGS] = { 0 };

	for (i = 0; i < VTNIC_VLVF_ENTRIES; i++) {
		const struct vtnic_vlvf *e = &s.iov.vlvf[i];
		u32 hw = REG(VTNIC_VLVF(i));

		if (hw & VTNIC_VLVF_ENABLE)
			vfta[FIELD_GET(VTNIC_VLVF_VID, hw) / 32] |=
				BIT(FIELD_GET(VTNIC_VLVF_VID, hw) % 32);
		if (!e->pools)
			continue;
		if (e->vid > VID_MAX || e->pools & ~GENMASK(pf, 0))
			violation("VLVF[%u]: VLAN %u, pools %#x past the PF's pool %u",
				  i, e->vid, (unsigned int)e->pools, pf);
		if (!i && (e->vid || e->pools != vlan_pools_wanted(0)))
			violation("VLVF[0]: VLAN %u of pools %#x, not 0 of all without port VLAN",
				  e->vid, (unsigned int)e->pools);
		if (i && !e->vid)
			violation("VLVF[%u]: a second entry of VLAN 0", i);
		for (j = 0; j < i; j++)
			if (s.iov.vlvf[j].pools && s.iov.vlvf[j].vid == e->vid)
				violation("VLAN %u in VLVF[%u] and VLVF[%u]",
					  e->vid, j, i);
		if (i && e->pools != vlan_pools_wanted(e->vid))
			violation("VLVF[%u]: VLAN %u for pools %#x; %#x asked for it",
				  i, e->vid, (unsigned int)e->pools,
				  vlan_pools_wanted(e->vid));
	}
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		if (REG(VTNIC_VFTA(i)) != vfta[i])
			violation("VFTA[%u] is %#x; the enabled VLVF entries say %#x",
				  i, REG(VTNIC_VFTA(i)), vfta[i]);

	/* Every VLAN asked for has its entry */
	for (vf = 0; vf < s.num_vfs; vf++) {
		const struct vtnic_vf *v = &s.iov.vf[vf];

		if (v->port_vlan && !(vlan_pools_have(v->port_vlan) & BIT(vf)))
			violation("VF %u: port VLAN %u has no VLVF entry for it",
				  vf, v->port_vlan);
		for (i = 0; i < v->nr_vlans; i++)
			if (!(vlan_pools_have(v->vlans[i]) & BIT(vf)))
				violation("VF %u: VLAN %u has no VLVF entry for it",
					  vf, v->vlans[i]);
	}
	for (i = 0; i < VID_WORDS; i++) {
		if (!s.pf_vlans[i])
			continue;
		for (j = 64 * i; j < 64 * (i + 1); j++)
			if (vid_test(s.pf_vlans, j) &&
			    !(vlan_pools_have(j) & BIT(pf)))
				violation("the PF's VLAN %u has no VLVF entry for it",
					  j);
	}
}

/* The multicast table bits the PF and the VFs asked for */
static void mta_wanted(u32 *mta)
{
	unsigned int vf, i;

	memcpy(mta, s.pf_mta, sizeof(s.pf_mta));
	for (vf = 0; vf < s.num_vfs; vf++)
		for (i = 0; i < s.vf[vf].mc_count; i++)
			mta[s.vf[vf].mc[i] / 32] |= BIT(s.vf[vf].mc[i] % 32);
}

static void check_mta(void)
{
	u32 mta[VTNIC_MTA_REGS];
	unsigned int i;

	mta_wanted(mta);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		if (REG(VTNIC_MTA(i)) != mta[i] || s.iov.mta_hw[i] != mta[i])
			violation("MTA[%u] is %#x (cached %#x); the PF and the VFs asked for %#x",
				  i, REG(VTNIC_MTA(i)), s.iov.mta_hw[i], mta[i]);
}

static void check_rars(void)
{
	unsigned int idx, j, limit = vtnic_iov_pf_rar_limit(&s.iov);
	u32 ral, rah;

	for (idx = 0; idx < VTNIC_RAR_ENTRIES; idx++) {
		ral = REG(VTNIC_RAL(idx));
		rah = REG(VTNIC_RAH(idx));
		if (!idx) {
			if (ral != s.rar0[0] || rah != s.rar0[1])
				violation("RAR 0, the PF's, is %08x %08x", ral,
					  rah);
		} else if (idx < limit && (rah & VTNIC_RAH_AV)) {
			violation("RAR %u, between the PF's and the VFs', is enabled: %08x %08x",
				  idx, ral, rah);
		}
		if (!(rah & VTNIC_RAH_AV))
			continue;
		if (FIELD_GET(VTNIC_RAH_POOLS, rah) & ~GENMASK(s.num_vfs, 0))
			violation("RAR %u: pools %#lx past the PF's pool", idx,
				  FIELD_GET(VTNIC_RAH_POOLS, rah));
		for (j = 0; j < idx; j++)
			if ((REG(VTNIC_RAH(j)) & VTNIC_RAH_AV) &&
			    REG(VTNIC_RAL(j)) == ral &&
			    (REG(VTNIC_RAH(j)) & 0xffff) == (rah & 0xffff))
				violation("address %08x %04x in RAR %u and RAR %u",
					  ral, rah & 0xffff, j, idx);
	}
}

/* The pools the model says receive a frame to @dst */
static u32 rx(const u8 *dst, bool tagged, u16 vid, unsigned int len)
{
	struct model_frame f = { .tagged = tagged, .vid = vid, .len = len };

	ether_addr_copy(f.dst, dst);
	return model_rx_pools(&s.m, &f);
}

/* A VLAN no pool asked for, 0 when every one is */
static u16 unwanted_vid(void)
{
	u16 vid;

	for (vid = VID_MAX; vid; vid--)
		if (!vlan_pools_wanted(vid))
			return vid;
	return 0;
}

/* A multicast table bit neither the PF nor a VF asked for, or -1 */
static int unwanted_hash(void)
{
	u32 mta[VTNIC_MTA_REGS];
	unsigned int i;

	mta_wanted(mta);
	for (i = 0; i < 32 * VTNIC_MTA_REGS; i++)
		if (!(mta[i / 32] & BIT(i % 32)))
			return i;
	return -1;
}

/* An address nobody has: no VF's, not the PF's */
static bool nobodys(const u8 *mac)
{
	return !mac_taken(VTNIC_POOLS, mac);
}

/*
 * What the pools do, as the model reads the registers: which frames each
 * VF receives (its address on its VLANs up to its frame size, broadcast,
 * its multicast groups, and nothing of the others'), what it transmits
 * with (port VLAN, anti-spoofing, rate), and the PF's own pool.
 */
static void check_vf_meaning(unsigned int vf, u16 nvid, int nhash)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	const struct vtnic_vf *v = &s.iov.vf[vf];
	const struct shadow_vf *sv = &s.vf[vf];
	bool on = v->cts && v->link_state != VTNIC_VF_LINK_DISABLE &&
		  !v->quarantined;
	bool tag = sv->port_vlan;
	u16 vid = sv->port_vlan;
	u32 me = on ? BIT(vf) : 0, got, rate;
	u8 addr[ETH_ALEN], prio;
	unsigned int i;

	if (model_tx_enabled(&s.m, vf) != on)
		violation("VF %u: may transmit %d; CTS %d and link state %u say %d",
			  vf, !on, v->cts, v->link_state, on);
	if (model_tx_vlan(&s.m, vf, &prio) != sv->port_vlan ||
	    prio != sv->port_qos)
		violation("VF %u: its frames get VLAN %u priority %u; the admin set %u %u",
			  vf, model_tx_vlan(&s.m, vf, &prio), prio,
			  sv->port_vlan, sv->port_qos);
	if (model_tx_spoofchk(&s.m, vf) != sv->spoofchk)
		violation("VF %u: anti-spoofing %d, the admin set %d", vf,
			  !sv->spoofchk, sv->spoofchk);
	/*
	 * The factor has 14 fraction bits: below the link speed the rate is
	 * exact to within 1%; a limit at or above it (set while the link was
	 * down or slower) must not slow the VF below the link speed
	 */
	rate = model_tx_rate(&s.m, vf, s.link);
	if (!sv->max_tx_rate || !s.link ? rate :
	    sv->max_tx_rate >= s.link ? rate && rate < s.link :
	    abs((int)(rate - sv->max_tx_rate)) > 1 + (int)sv->max_tx_rate / 100)
		violation("VF %u: transmits at most %u Mb/s of %u; the admin set %u",
			  vf, rate, s.link, sv->max_tx_rate);

	/* Its extra addresses reach it, and only it */
	for (i = 0; i < sv->nr_uc; i++) {
		got = rx(sv->uc[i], tag, vid, ETH_ZLEN + ETH_FCS_LEN);
		if (got != me)
			violation("VF %u: a frame to extra %08x %04x reaches pools %#x, not %#x",
				  vf, mac_lo(sv->uc[i]), mac_hi(sv->uc[i]), got,
				  me);
	}
	if (!is_zero_ether_addr(sv->mac)) {
		got = rx(sv->mac, tag, vid, ETH_ZLEN + ETH_FCS_LEN);
		if (got != me)
			violation("VF %u: a frame to it (VLAN %u) reaches pools %#x, not %#x",
				  vf, vid, got, me);
		got = rx(sv->mac, tag, vid, sv->max_frame);
		if (got != me)
			violation("VF %u: a %u-byte frame, its largest, reaches pools %#x, not %#x",
				  vf, sv->max_frame, got, me);
		if (rx(sv->mac, tag, vid, sv->max_frame + 1) & BIT(vf))
			violation("VF %u: receives a frame longer than its %u bytes",
				  vf, sv->max_frame);
		if (tag && (rx(sv->mac, false, 0, 64) | rx(sv->mac, true, 0, 64)))
			violation("VF %u: port VLAN %u, yet an untagged or VLAN 0 frame reaches it",
				  vf, vid);
		if (!tag && rx(sv->mac, true, 0, 64) != me)
			violation("VF %u: a priority-tagged frame to it reaches pools %#x, not %#x",
				  vf, rx(sv->mac, true, 0, 64), me);
		for (i = 1; !tag && i <= VID_MAX; i++)
			if (vid_test(sv->vlans, i) && rx(sv->mac, true, i, 64) != me)
				violation("VF %u: on its VLAN %u, frames reach pools %#x, not %#x",
					  vf, i, rx(sv->mac, true, i, 64), me);
		if (nvid && rx(sv->mac, true, nvid, 64))
			violation("VF %u: a frame to it on VLAN %u, which no pool has, is received",
				  vf, nvid);
	}
	if ((rx(bcast, tag, vid, 64) & BIT(vf)) != me)
		violation("VF %u: broadcast received %d; should be %d", vf,
			  !me, !!me);
	for (i = 0; i < sv->mc_count; i++) {
		model_mc_addr(sv->mc[i], addr);
		if ((rx(addr, tag, vid, 64) & BIT(vf)) != me)
			violation("VF %u: its multicast group (hash %#x) received %d; should be %d",
				  vf, sv->mc[i], !me, !!me);
	}
	if (nhash >= 0) {
		model_mc_addr(nhash, addr);
		if ((rx(addr, tag, vid, 64) & BIT(vf)) !=
		    (sv->mc_promisc ? me : 0))
			violation("VF %u: a group nobody joined received %d; all-multicast %d",
				  vf, !(rx(addr, tag, vid, 64) & BIT(vf)),
				  sv->mc_promisc);
	}
}

static void check_pools(void)
{
	static const u8 stranger[ETH_ALEN] = { 0x02, 0x5a, 0x5a, 0x00, 0x00, 0x01 };
	unsigned int pf = s.num_vfs, vf, k, i;
	u16 nvid = unwanted_vid();
	int nhash = unwanted_hash();
	unsigned int len;
	u32 got;

	for (vf = 0; vf < s.num_vfs; vf++)
		check_vf_meaning(vf, nvid, nhash);

	/*
	 * The PF's pool: its address, frames nobody claims and its VLANs,
	 * in frames up to its size (PF_RX may make that tiny)
	 */
	len = min_t(unsigned int, s.pf_frame, ETH_ZLEN + ETH_FCS_LEN);
	got = rx(fuzz_macs[0], false, 0, len);
	if (got != BIT(pf))
		violation("a %u-byte frame to the PF's address reaches pools %#x, not %#x",
			  len, got, (u32)BIT(pf));
	got = rx(fuzz_macs[0], false, 0, s.pf_frame);
	if (got != BIT(pf))
		violation("a %u-byte frame to the PF, its largest, reaches pools %#x",
			  s.pf_frame, got);
	if (rx(fuzz_macs[0], false, 0, s.pf_frame + 1))
		violation("the PF receives a frame longer than its %u bytes",
			  s.pf_frame);
	if (nobodys(stranger) && rx(stranger, false, 0, len) != BIT(pf))
		violation("a frame to an address nobody has reaches pools %#x, not the PF's %#x",
			  rx(stranger, false, 0, len), (u32)BIT(pf));
	for (i = 0; i <= VID_MAX; i++)
		if ((!i || vid_test(s.pf_vlans, i)) &&
		    rx(fuzz_macs[0], true, i, len) != BIT(pf))
			violation("a frame to the PF on its VLAN %u reaches pools %#x",
				  i, rx(fuzz_macs[0], true, i, len));
	if (model_tx_loopback(&s.m) == s.vepa)
		violation("frames between pools %s; the bridge mode is %s",
			  s.vepa ? "stay inside" : "go to the wire",
			  s.vepa ? "VEPA" : "VEB");

	for (vf = pf; vf < VTNIC_POOLS; vf++) {
		for (k = 0; k < 2; k++)
			if (s.m.bcnrc[VTNIC_POOL_QUEUE(vf, k)])
				violation("queue %u of pool %u, no VF's, is rate limited: %#x",
					  VTNIC_POOL_QUEUE(vf, k), vf,
					  s.m.bcnrc[VTNIC_POOL_QUEUE(vf, k)]);
		if (vf > pf && REG(VTNIC_VMOLR(vf)))
			violation("pool %u past the PF's accepts frames: VMOLR %#x",
				  vf, REG(VTNIC_VMOLR(vf)));
	}
	if (REG(VTNIC_MBVFIMR) != GENMASK(pf - 1, 0))
		violation("MBVFIMR %#x for %u VFs", REG(VTNIC_MBVFIMR), pf);
}

static void check_state(void)
{
	static const struct vtnic_vf zero;
	u64 waited, allowed;
	unsigned int vf;

	if (s.m.protocol_errors)
		violation("the PF used a mailbox without holding it, or a bad RTTDQSEL (%u times)",
			  s.m.protocol_errors);
	if (fuzz_waits_over(&waited, &allowed))
		violation("the PF waited %llu us for VFs' buffers, %llu allowed",
			  (unsigned long long)waited,
			  (unsigned long long)allowed);
	for (vf = 0; vf < VTNIC_POOLS; vf++) {
		if (s.m.pfu[vf])
			violation("the PF kept VF %u's buffer (PFU)", vf);
		if (s.vf[vf].req == REQ_TAKEN)
			violation("VF %u: the PF took its message and never gave the buffer back",
				  vf);
	}
	if (s.iov.num_vfs != s.num_vfs || s.iov.vepa != s.vepa ||
	    s.iov.link_speed != s.link)
		violation("num_vfs %u vepa %d link %u, should be %u %d %u",
			  s.iov.num_vfs, s.iov.vepa, s.iov.link_speed,
			  s.num_vfs, s.vepa, s.link);
	for (vf = 0; vf < s.num_vfs; vf++)
		check_vf(vf);
	for (; vf < VTNIC_82576_MAX_VFS; vf++)
		if (memcmp(&s.iov.vf[vf], &zero, sizeof(zero)))
			violation("state of VF %u, past num_vfs, changed", vf);
	check_vlans();
	check_mta();
	check_rars();
	check_pools();
}

/* ---- the records ---- */

/*
 * A request left waiting after a service: its VF's budget must have
 * less than a message, counted here from the bucket's fields as
 * vtnic_iov.h states it (BURST at once, RATE a second), and the service
 * must have said when to come back for it.  A budget that refilled while
 * the service waited for another VF's buffer (@ticks of it) is served at
 * the next tick.
 */
static void check_deferred(unsigned int vf, unsigned long ticks)
{
	const struct vtnic_vf *v = &s.iov.vf[vf];
	unsigned long elapsed = jiffies - v->credit_stamp;
	u64 credit = v->credit + (u64)elapsed * VTNIC_IOV_MBX_RATE;

	if (credit >= HZ && ticks && s.next_service == 1 &&
	    credit - (u64)ticks * VTNIC_IOV_MBX_RATE < HZ)
		return;
	if (credit >= HZ)
		violation("VF %u: its request waits with %llu/%u messages of budget",
			  vf, (unsigned long long)credit, HZ);
	if (!s.next_service ||
	    s.next_service > DIV_ROUND_UP(HZ - credit, VTNIC_IOV_MBX_RATE))
		violation("VF %u: its request waits, the service comes back in %lu jiffies",
			  vf, s.next_service);
}

/* The mailbox interrupt */
static void service(void)
{
	u32 icr = REG(VTNIC_MBVFICR), flr = REG(VTNIC_VFLRE);
	unsigned long start = jiffies;
	unsigned int vf;

	for (vf = 0; vf < s.num_vfs; vf++)
		if (icr & (VTNIC_MBVFICR_VFREQ(vf) | VTNIC_MBVFICR_VFACK(vf)) ||
		    flr & BIT(vf) || s.iov.vf[vf].req_deferred)
			s.actors |= BIT(vf);
	s.next_service = vtnic_iov_service(&s.iov);

	for (vf = 0; vf < VTNIC_POOLS; vf++) {
		struct shadow_vf *sv = &s.vf[vf];

		if (vf < s.num_vfs && REG(VTNIC_VFLRE) & BIT(vf))
			violation("VF %u: its reset is still pending after the interrupt",
				  vf);
		if (sv->req != REQ_POSTED ||
		    REG(VTNIC_MBVFICR) & VTNIC_MBVFICR_VFREQ(vf))
			continue;
		s.untaken |= BIT(vf);
		if (vf < s.num_vfs && s.iov.vf[vf].req_deferred) {
			check_deferred(vf, jiffies - start);
			trace("    VF %u's message waits for its budget\n", vf);
		} else {
			trace("    VF %u's message dropped\n", vf);
			sv->req = REQ_NONE;
		}
	}
}

/* What the PF's vtnic_up() does around vtnic_iov_configure() */
static void pf_up(void)
{
	vtnic_iov_configure(&s.iov);
	vtnic_82576_iov.ops->set_rar(&s.hw, 0, fuzz_macs[0], BIT(s.num_vfs));
	s.rar0[0] = REG(VTNIC_RAL(0));
	s.rar0[1] = REG(VTNIC_RAH(0));
	vtnic_iov_set_pf_rx(&s.iov, s.pf_frame, s.pf_allmulti);
}

/* CTRL.RST: every register back to its default; messages in flight lost */
static void device_reset(void)
{
	unsigned int vf;

	for (vf = 0; vf < VTNIC_POOLS; vf++)
		s.vf[vf].req = REQ_NONE;
	memset(s.m.bar, 0, sizeof(s.m.bar));
	memset(s.m.bcnrc, 0, sizeof(s.m.bcnrc));
	memset(s.m.vfu, 0, sizeof(s.m.vfu));
	memset(s.m.pfu, 0, sizeof(s.m.pfu));
	REG(VTNIC_STATUS) = LINK_UP_STATUS;
}

/*
 * vtnic_down() and vtnic_up(); with @flr_vf >= 0 that VF is reset (FLR)
 * while the PF is down, when nothing serves its mailbox.  vtnic_up()
 * takes the VF resets before the device reset clears them
 * (vtnic_sriov_pre_reset()): what the VF asked for before goes.
 */
static void pf_reset(int flr_vf)
{
	unsigned int vf;

	vtnic_iov_pf_reset_begin(&s.iov);
	for (vf = 0; vf < s.num_vfs; vf++) {
		if (s.iov.vf[vf].cts)
			violation("VF %u: clear to send during the PF's reset", vf);
		s.vf[vf].reset_seen = false;
	}
	if (REG(VTNIC_VFRE) || REG(VTNIC_VFTE))
		violation("VFRE %#x VFTE %#x during the PF's reset",
			  REG(VTNIC_VFRE), REG(VTNIC_VFTE));
	if (flr_vf >= 0) {
		vf = flr_vf;
		if (vf < s.num_vfs) {
			shadow_vf_clear(&s.vf[vf]);
			if (!s.vf[vf].admin_mac)
				eth_zero_addr(s.vf[vf].mac);
		}
		model_vf_flr(&s.m, vf);
	}
	vtnic_iov_take_flrs(&s.iov);
	device_reset();
	pf_up();
	vtnic_iov_pf_reset_done(&s.iov);
	if (!(REG(VTNIC_CTRL_EXT) & VTNIC_CTRL_EXT_PFRSTD))
		violation("PFRSTD not set after the PF's reset");
}

static void reenable(unsigned int num_vfs)
{
	unsigned int vf, vid, from;

	vtnic_iov_pf_reset_begin(&s.iov);
	vtnic_iov_disable(&s.iov);

	/* A late mailbox interrupt finds no VFs and touches nothing */
	model_vf_flr(&s.m, 0);
	REG(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFREQ(0) | VTNIC_MBVFICR_VFACK(0);
	from = s.m.nr_log;
	vtnic_iov_service(&s.iov);
	if (s.m.nr_log != from)
		violation("the mailbox interrupt wrote registers with SR-IOV off");
	for (vf = 0; vf < s.num_vfs; vf++)
		if (REG(VTNIC_RAH(vtnic_iov_vf_rar(&s.iov, vf))) & VTNIC_RAH_AV)
			violation("VF %u's address still enabled after SR-IOV was disabled",
				  vf);
	for (vf = 0; vf < VTNIC_VLVF_ENTRIES; vf++)
		if (REG(VTNIC_VLVF(vf)))
			violation("VLVF[%u] still %#x after SR-IOV was disabled",
				  vf, REG(VTNIC_VLVF(vf)));
	if (REG(VTNIC_VFRE) || REG(VTNIC_VFTE) || REG(VTNIC_MBVFIMR) ||
	    REG(VTNIC_VT_CTL) || REG(VTNIC_DTXSWC) || s.iov.num_vfs)
		violation("virtualization still on after SR-IOV was disabled");

	device_reset();
	vtnic_iov_init(&s.iov, &s.hw, &vtnic_82576_iov, num_vfs);
	fuzz_waits_start();
	vtnic_iov_set_pf_mac(&s.iov, fuzz_macs[0]);
	s.num_vfs = num_vfs;
	s.vepa = false;
	shadow_init();
	pf_up();
	/* vtnic_up() gives the PF its VLANs back */
	for (vid = 1; vid <= VID_MAX; vid++)
		if (vid_test(s.pf_vlans, vid) &&
		    vtnic_iov_set_pf_vlan(&s.iov, vid, true))
			violation("the PF's VLAN %u found no room after SR-IOV was enabled",
				  vid);
	vtnic_iov_pf_reset_done(&s.iov);
}

static void admin_mac(unsigned int vf, const u8 *mac)
{
	struct shadow_vf *sv = &s.vf[vf];
	int want = 0, ret;

	if (!is_zero_ether_addr(mac)) {
		if (!is_valid_ether_addr(mac))
			want = -EINVAL;
		else if (mac_taken(vf, mac))
			want = -EADDRINUSE;
	}
	ret = vtnic_iov_set_vf_mac(&s.iov, vf, mac);
	if (ret != want)
		violation("VF %u: admin address %08x %04x gave %d, not %d", vf,
			  mac_lo(mac), mac_hi(mac), ret, want);
	if (ret)
		return;
	if (!is_zero_ether_addr(mac)) {
		if (!sv->trusted)
			sv->nr_uc = 0;
		shadow_uc_del(sv, mac);
	}
	ether_addr_copy(sv->mac, mac);
	sv->admin_mac = !is_zero_ether_addr(mac);
}

static void admin_vlan(unsigned int vf, u16 vid, u8 qos)
{
	struct shadow_vf *sv = &s.vf[vf];
	int ret;

	ret = vtnic_iov_set_vf_vlan(&s.iov, vf, vid, qos);
	if (ret == -ENOSPC && vid != sv->port_vlan && vlan_no_room(vid))
		return;
	if (ret)
		violation("VF %u: admin VLAN %u gave %d", vf, vid, ret);
	sv->port_vlan = vid;
	sv->port_qos = vid ? qos : 0;
	sv->nr_vlans = 0;
	memset(sv->vlans, 0, sizeof(sv->vlans));
}

static void admin_rate(unsigned int vf, u32 mbps)
{
	int want = s.link && mbps > s.link ? -EINVAL : 0;
	int ret = vtnic_iov_set_vf_rate(&s.iov, vf, 0, mbps);

	if (ret != want)
		violation("VF %u: rate %u Mb/s at %u Mb/s gave %d, not %d", vf,
			  mbps, s.link, ret, want);
	if (!ret)
		s.vf[vf].max_tx_rate = mbps;
}

static void pf_vlan(u16 vid, bool on)
{
	int ret = vtnic_iov_set_pf_vlan(&s.iov, vid, on);

	if (ret == -ENOSPC && on && vlan_no_room(vid))
		return;
	if (ret)
		violation("PF VLAN %u %s gave %d", vid, on ? "on" : "off", ret);
	if (!vid)
		return;
	if (on)
		vid_set(s.pf_vlans, vid);
	else
		vid_clear(s.pf_vlans, vid);
}

static void vf_flr(unsigned int vf)
{
	struct shadow_vf *sv = &s.vf[vf];

	if (vf < s.num_vfs) {
		shadow_vf_clear(sv);
		if (!sv->admin_mac)
			eth_zero_addr(sv->mac);
		s.flrs |= BIT(vf);
	}
	model_vf_flr(&s.m, vf);
	service();
}

static bool vf_msg(struct fuzz_input *in, u8 vf, u8 flags)
{
	unsigned int n = FIELD_GET(FUZZ_MSG_WORDS, flags) + 1, i;
	struct shadow_vf *sv = &s.vf[vf];
	u32 msg[WORDS];

	for (i = 0; i < n; i++)
		if (!take32(in, &msg[i]))
			return false;
	trace("  VF %u posts", vf);
	for (i = 0; i < n; i++)
		trace(" %08x", msg[i]);
	trace("%s%s\n", flags & FUZZ_MSG_HOLD ? ", holds VFU" : "",
	      flags & FUZZ_MSG_DEFER ? ", no service" : "");

	if (vf >= s.num_vfs) {
		/* No such VF: a stray request bit the PF must ignore */
		REG(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFREQ(vf);
	} else {
		model_vf_post(&s.m, vf, msg, n);
		model_vf_read(&s.m, vf, sv->req_msg);
		sv->req = REQ_POSTED;
	}
	fuzz_serve_post(&s.m, vf, flags, service);
	return true;
}

/**
 * fuzz_serve_post() - what follows a VF's post of a MSG record
 * @m: the model
 * @vf: the VF
 * @flags: the record's flags
 * @service: the PF's mailbox interrupt
 *
 * REQ is written without VFU: posting lets go of the buffer.  The PF's
 * service runs unless FUZZ_MSG_DEFER, with the VF holding its buffer
 * meanwhile under FUZZ_MSG_HOLD.
 */
void fuzz_serve_post(struct model *m, unsigned int vf, u8 flags,
		     void (*service)(void))
{
	m->vfu[vf] = false;
	if (flags & FUZZ_MSG_DEFER)
		return;
	if (flags & FUZZ_MSG_HOLD)
		m->vfu[vf] = true;
	service();
	m->vfu[vf] = false;
}

/* Each VF event's log lines count against that VF's second */
static void check_log_rate(unsigned int lines)
{
	struct shadow_vf *sv;
	unsigned int vf;

	if (!lines || __builtin_popcount(s.actors) != 1)
		return;
	vf = __builtin_ctz(s.actors);
	sv = &s.vf[vf];
	if (!sv->log_lines ||
	    !time_before(jiffies, sv->log_window + VTNIC_IOV_LOG_INTERVAL)) {
		sv->log_window = jiffies;
		sv->log_lines = 0;
	}
	sv->log_lines += lines;
	if (sv->log_lines > FUZZ_LOG_BURST)
		violation("VF %u: %u log lines within a second", vf,
			  sv->log_lines);
}

/* One record; false at the end of the input */
/**
 * fuzz_take_record() - the next record's kind and fixed operands
 * @in: the input
 * @r: filled; a MSG's words are left in @in for the caller
 *
 * Return: false at the end of the input or of a record cut short.
 */
bool fuzz_take_record(struct fuzz_input *in, struct fuzz_record *r)
{
	memset(r, 0, sizeof(*r));
	if (!take8(in, &r->kind))
		return false;
	r->kind %= FUZZ_NR_KINDS;
	switch (r->kind) {
	case FUZZ_VF_ACK:
	case FUZZ_FLR:
	case FUZZ_PF_RESET_FLR:
	case FUZZ_REENABLE:
	case FUZZ_LINK:
		return take8(in, &r->vf);
	case FUZZ_SERVICE:
	case FUZZ_PF_RESET:
		return true;
	case FUZZ_ADMIN_MAC:
		if (!take8(in, &r->vf) || !take8(in, &r->arg))
			return false;
		if (r->arg >= FUZZ_MAC_RAW)
			return take(in, r->mac, ETH_ALEN);
		memcpy(r->mac, fuzz_macs[r->arg % FUZZ_NR_MACS], ETH_ALEN);
		return true;
	case FUZZ_ADMIN_VLAN:
		return take8(in, &r->vf) && take16(in, &r->v16) &&
		       take8(in, &r->arg);
	case FUZZ_ADMIN_RATE:
		return take8(in, &r->vf) && take32(in, &r->v32);
	case FUZZ_TIME:
		return take16(in, &r->v16);
	case FUZZ_PF_VLAN:
	case FUZZ_PF_MTA:
	case FUZZ_PF_RX:
		return take16(in, &r->v16) && take8(in, &r->arg);
	case FUZZ_VEPA:
		return take8(in, &r->arg);
	}
	/* MSG, ADMIN_SPOOFCHK, ADMIN_TRUST, ADMIN_LINK, VF_HOLD */
	return take8(in, &r->vf) && take8(in, &r->arg);
}

static bool record(struct fuzz_input *in)
{
	unsigned int may = 0, warns = s.dev.nr_warn, vf, posted;
	unsigned int quarantined = 0;
	struct fuzz_record r;
	u8 kind, b, arg;
	u16 v16;
	u32 v32;
	const u8 *mac = r.mac;

	if (!fuzz_take_record(in, &r))
		return false;
	kind = r.kind;
	b = r.vf;
	arg = r.arg;
	v16 = r.v16;
	v32 = r.v32;
	s.kind = kind;
	s.actors = 0;
	s.untaken = 0;
	s.flrs = 0;
	model_log_clear(&s.m);
	posted = 0;
	for (vf = 0; vf < s.num_vfs; vf++) {
		if (s.vf[vf].req == REQ_POSTED)
			posted |= BIT(vf);
		if (s.iov.vf[vf].quarantined)
			quarantined |= BIT(vf);
	}

	switch (kind) {
	case FUZZ_MSG:
		trace("%u MSG\n", s.record);
		if (!vf_msg(in, b % VTNIC_POOLS, arg))
			return false;
		break;
	case FUZZ_VF_ACK:
	case FUZZ_FLR:
		vf = b % VTNIC_POOLS;
		trace("%u %s VF %u\n", s.record, kind_names[kind], vf);
		if (kind == FUZZ_FLR) {
			vf_flr(vf);
		} else {
			model_vf_ack(&s.m, vf);
			service();
		}
		break;
	case FUZZ_SERVICE:
		trace("%u SERVICE\n", s.record);
		service();
		break;
	case FUZZ_PF_RESET:
		trace("%u PF_RESET\n", s.record);
		pf_reset(-1);
		may = MAY_ANYTHING;
		break;
	case FUZZ_PF_RESET_FLR:
		vf = b % VTNIC_POOLS;
		trace("%u PF_RESET with VF %u's FLR\n", s.record, vf);
		pf_reset(vf);
		may = MAY_ANYTHING;
		break;
	case FUZZ_REENABLE:
		trace("%u REENABLE %u VFs\n", s.record, 1 + b % 7);
		reenable(1 + b % 7);
		may = MAY_ANYTHING;
		break;
	case FUZZ_ADMIN_MAC:
		vf = b % s.num_vfs;
		trace("%u ADMIN_MAC VF %u %08x %04x\n", s.record, vf,
		      mac_lo(mac), mac_hi(mac));
		admin_mac(vf, mac);
		s.actors = BIT(vf);
		break;
	case FUZZ_ADMIN_VLAN:
		vf = b % s.num_vfs;
		trace("%u ADMIN_VLAN VF %u %u qos %u\n", s.record, vf,
		      v16 % (VID_MAX + 1), arg % 8);
		admin_vlan(vf, v16 % (VID_MAX + 1), arg % 8);
		s.actors = BIT(vf);
		break;
	case FUZZ_ADMIN_SPOOFCHK:
	case FUZZ_ADMIN_TRUST:
	case FUZZ_ADMIN_LINK:
		vf = b % s.num_vfs;
		trace("%u %s VF %u %u\n", s.record, kind_names[kind], vf, arg);
		if (kind == FUZZ_ADMIN_SPOOFCHK) {
			vtnic_iov_set_vf_spoofchk(&s.iov, vf, arg & 1);
			s.vf[vf].spoofchk = arg & 1;
		} else if (kind == FUZZ_ADMIN_TRUST) {
			vtnic_iov_set_vf_trust(&s.iov, vf, arg & 1);
			s.vf[vf].trusted = arg & 1;
			/* What only trust gave it goes with the trust */
			if (!s.vf[vf].trusted)
				s.vf[vf].mc_promisc = false;
			if (!s.vf[vf].trusted && s.vf[vf].admin_mac)
				s.vf[vf].nr_uc = 0;
		} else {
			vtnic_iov_set_vf_link_state(&s.iov, vf, arg % 3);
			s.vf[vf].link_state = arg % 3;
			may = MAY_MAILBOXES | MAY_PFRSTD;
		}
		s.actors = BIT(vf);
		break;
	case FUZZ_ADMIN_RATE:
		vf = b % s.num_vfs;
		v32 &= ~BIT(31);
		trace("%u ADMIN_RATE VF %u %u Mb/s\n", s.record, vf, v32);
		admin_rate(vf, v32);
		s.actors = BIT(vf);
		break;
	case FUZZ_TIME:
		trace("%u TIME +%u\n", s.record, v16);
		jiffies += v16;
		break;
	case FUZZ_LINK:
		s.link = fuzz_speeds[b % FUZZ_NR_SPEEDS];
		trace("%u LINK %u Mb/s\n", s.record, s.link);
		vtnic_iov_set_link(&s.iov, s.link);
		may = MAY_RATES | MAY_MAILBOXES;
		break;
	case FUZZ_PF_VLAN:
		trace("%u PF_VLAN %u %u\n", s.record, v16 % (VID_MAX + 1),
		      arg & 1);
		pf_vlan(v16 % (VID_MAX + 1), arg & 1);
		may = MAY_PF_VLAN;
		break;
	case FUZZ_PF_MTA:
		v16 %= VID_MAX + 1;
		trace("%u PF_MTA %#x %u\n", s.record, v16, arg & 1);
		if (arg & 1)
			s.pf_mta[v16 / 32] |= BIT(v16 % 32);
		else
			s.pf_mta[v16 / 32] &= ~BIT(v16 % 32);
		vtnic_iov_set_pf_mta(&s.iov, s.pf_mta);
		may = MAY_MTA;
		break;
	case FUZZ_VEPA:
		trace("%u VEPA %u\n", s.record, arg & 1);
		vtnic_iov_set_vepa(&s.iov, arg & 1);
		s.vepa = arg & 1;
		may = MAY_LOOPBACK;
		break;
	case FUZZ_VF_HOLD:
		vf = b % VTNIC_POOLS;
		trace("%u VF_HOLD VF %u %u\n", s.record, vf, arg & 1);
		s.m.vfu[vf] = arg & 1;
		break;
	case FUZZ_PF_RX:
		s.pf_frame = v16 % 16384;
		s.pf_allmulti = arg & 1;
		trace("%u PF_RX %u %u\n", s.record, s.pf_frame, arg & 1);
		vtnic_iov_set_pf_rx(&s.iov, s.pf_frame, s.pf_allmulti);
		may = MAY_PF_RX;
		break;
	}

	/*
	 * A PF control message serves the request waiting in the buffer it
	 * is for: that VF acted too
	 */
	for (vf = 0; vf < s.num_vfs; vf++)
		if ((posted & BIT(vf)) && s.vf[vf].req != REQ_POSTED)
			s.actors |= BIT(vf);
	check_writes(0, s.m.nr_log, s.actors, may, kind_names[kind]);
	/*
	 * A VF that a dropped request quarantines has its pool stopped
	 * (check_vf_meaning() sees it), and nothing else of it changes
	 */
	for (vf = 0; vf < s.num_vfs; vf++)
		if (s.untaken == BIT(vf) && s.actors == BIT(vf) &&
		    !(s.flrs & BIT(vf)) &&
		    !(s.iov.vf[vf].quarantined && !(quarantined & BIT(vf))))
			check_untouched(vf, 0, s.m.nr_log,
					"a message dropped or left waiting");
	if (kind == FUZZ_MSG || kind == FUZZ_VF_ACK || kind == FUZZ_FLR ||
	    kind == FUZZ_SERVICE)
		check_log_rate(s.dev.nr_warn - warns);
	check_state();
	s.record++;
	return true;
}

/*
 * The state right after the setup, kept per num_vfs: every input starts
 * with vtnic_iov_configure(), the costliest call there is, always to the
 * same end.
 */
static struct {
	bool valid;
	u8 model[offsetof(struct model, log)];
	struct vtnic_iov iov;
	struct shadow_vf vf[VTNIC_POOLS];
	u32 rar0[2];
	struct device dev;
} setups[VTNIC_82576_MAX_VFS];

static void start(u8 setup)
{
	unsigned int num_vfs = 1 + FIELD_GET(FUZZ_SETUP_VFS, setup) % 7;
	typeof(setups[0]) *saved = &setups[num_vfs - 1];

	fuzz_model = &s.m;
	s.m.write_hook = fuzz_write_hook;
	memset(s.pf_mta, 0, sizeof(s.pf_mta));
	memset(s.pf_vlans, 0, sizeof(s.pf_vlans));
	s.hw = (struct vtnic_hw){ .hw_addr = (u8 *)s.m.bar, .dev = &s.dev };
	model_sleeps = 0;
	s.record = 0;
	s.kind = -1;
	s.num_vfs = num_vfs;
	s.vepa = false;
	s.link = 1000;
	s.pf_frame = VTNIC_IOV_DEFAULT_FRAME;
	s.pf_allmulti = false;
	jiffies = fuzz_clocks[FIELD_GET(FUZZ_SETUP_CLOCK, setup)];
	trace("setup: %u VFs, jiffies %lu\n", num_vfs, jiffies);
	fuzz_waits_start();

	if (saved->valid) {
		memcpy(&s.m, saved->model, sizeof(saved->model));
		s.m.nr_log = 0;
		s.iov = saved->iov;
		memcpy(s.vf, saved->vf, sizeof(s.vf));
		memcpy(s.rar0, saved->rar0, sizeof(s.rar0));
		s.dev = saved->dev;
		return;
	}

	model_init(&s.m, &model_82576_mac);
	memset(&s.iov, 0, sizeof(s.iov));
	s.dev = (struct device){ .name = "pf", .quiet = !s.trace };
	REG(VTNIC_STATUS) = LINK_UP_STATUS;
	shadow_init();
	vtnic_iov_init(&s.iov, &s.hw, &vtnic_82576_iov, num_vfs);
	vtnic_iov_set_pf_mac(&s.iov, fuzz_macs[0]);
	pf_up();
	vtnic_iov_set_link(&s.iov, s.link);
	vtnic_iov_pf_reset_done(&s.iov);
	check_state();

	memcpy(saved->model, &s.m, sizeof(saved->model));
	saved->iov = s.iov;
	memcpy(saved->vf, s.vf, sizeof(s.vf));
	memcpy(saved->rar0, s.rar0, sizeof(s.rar0));
	saved->dev = s.dev;
	saved->valid = true;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *t = getenv("MBX_FUZZ_TRACE");

	s.trace = t && *t && strcmp(t, "0");
	return 0;
}

/**
 * fuzz_run() - run an input's records, each with @one, REPEAT here
 * @in: the input after its setup byte
 * @one: a dialect's record runner; false at the end of its input
 */
void fuzz_run(struct fuzz_input *in, bool (*one)(struct fuzz_input *in))
{
	const u8 *starts[FUZZ_REPEAT_SPAN];
	unsigned int n = 0, runs = 0, span, t;
	struct fuzz_input again;
	const u8 *end;
	u8 arg, times;

	while (in->len && runs < FUZZ_MAX_RECORDS) {
		if (in->p[0] % FUZZ_NR_KINDS != FUZZ_REPEAT) {
			starts[n++ % FUZZ_REPEAT_SPAN] = in->p;
			if (!one(in))
				return;
			runs++;
			continue;
		}
		end = in->p;
		in->p++;
		in->len--;
		if (!take8(in, &arg) || !take8(in, &times))
			return;
		span = min_t(unsigned int, 1 + arg % FUZZ_REPEAT_SPAN, n);
		trace("REPEAT the last %u records %u times\n", span, times);
		for (t = 0; span && t < times; t++) {
			again.p = starts[(n - span) % FUZZ_REPEAT_SPAN];
			again.len = end - again.p;
			while (again.len && runs < FUZZ_MAX_RECORDS &&
			       one(&again))
				runs++;
		}
		/* The next REPEAT starts from here */
		n = 0;
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_input in = { data, size };
	u8 setup;

	if (!take8(&in, &setup))
		return 0;
	if (setup & FUZZ_SETUP_IXGBE)
		return mbx_fuzz_ixgbe(setup, &in);
	start(setup);
	fuzz_run(&in, record);
	return 0;
}
