// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the VF side of the mailbox (driver/common/vtnic_mbx_vf.c
 * over vtnic_mbx_msg.c and vtnic_hw.c, compiled unchanged) against a
 * model of the VF's V2PMAILBOX, with a PF that is either a script or the
 * real PF handler (vtnic_iov.c over vtnic_mbx_pf.c).
 *
 * The model, after the 82576 facts (2.2, 3.3): a VFU write is granted
 * only while the PF does not hold the buffer (PFU), and any write without
 * VFU drops it; PFSTS, PFACK and RSTD are read-to-clear; RSTI stays set
 * until the PF finishes its reset; REQ and ACK are commands, not stored.
 * The VF's mailbox memory (VMBMEM, 0x800) is the PF's VMBMEM(VF): using
 * it, or writing REQ or ACK, without holding VFU is a protocol error.
 * CTRL.RST is recorded, STATUS holds the link.  Every VF write is logged.
 * With m.gone set every VF read returns all ones, as a device that left
 * the bus does.
 *
 * The scripted PF answers a REQ at once: PFACK, then as the test says a
 * PF_CONTROL message, the reply, RSTD or RSTI, or nothing at all.  The
 * PF's messages queue until the VF acknowledges the one in the buffer.
 * In interop mode a REQ or ACK sets MBVFICR and runs vtnic_iov_service()
 * at once, as the PF's mailbox interrupt would.  The PF's side is the
 * 82576 PF model of model_82576.c that iov_test.c uses too (P2VMAILBOX
 * grants PFU only without VFU; MBVFICR and VFLRE are write-1-to-clear);
 * its write hook turns the PF's STS and ACK into the VF's PFSTS and PFACK,
 * and the VF's CTRL.RST sets VFLRE.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <limits.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

#include "model_82576.h"
#include "vtnic_82576vf_regs.h"
#include "vtnic_iov.h"
#include "vtnic_mbx_vf.h"

#define VF_BAR_SIZE	0x4000
#define NUM_VFS		3
#define VF		1		/* the VF under test */
#define WORDS		VTNIC_MBX_WORDS
#define STALE		0xdeadbeef	/* what an earlier message left behind */
#define NEVER		UINT_MAX

#define REQ		VTNIC_V2PMAILBOX_REQ
#define ACK		VTNIC_V2PMAILBOX_ACK
#define VFU		VTNIC_V2PMAILBOX_VFU
#define PFU		VTNIC_V2PMAILBOX_PFU
#define PFSTS		VTNIC_V2PMAILBOX_PFSTS
#define PFACK		VTNIC_V2PMAILBOX_PFACK
#define RSTI		VTNIC_V2PMAILBOX_RSTI
#define RSTD		VTNIC_V2PMAILBOX_RSTD

#define ACK_CTS		(VTNIC_MBX_ACK | VTNIC_MBX_CTS)
#define NACK_CTS	(VTNIC_MBX_NACK | VTNIC_MBX_CTS)
#define W0(op, info)	((u32)(op) | (u32)(info) << 16)

/* ---- the register model ---- */

/* What the scripted PF does when the VF posts a message */
struct script {
	bool no_ack;		/* never takes it: no PFACK */
	bool no_reply;		/* takes it, never answers */
	bool control;		/* a PF_CONTROL message before the reply */
	u32 control_w0;
	unsigned int controls;	/* then as many more, and no reply */
	bool rstd;		/* resets meanwhile: RSTD instead of a reply */
	bool rsti;		/* starts resetting: RSTI, no reply */
	bool gone;		/* the device leaves the bus */
	bool raw;		/* reply[] verbatim, not the echoed word 0 */
	unsigned int delay;	/* the reply comes after this many VF reads */
	u32 reply_flags;	/* ORed into the echoed word 0 */
	u32 reply[WORDS];	/* words 1.. of the reply (all of it if raw) */
	unsigned int reply_words;
	u32 api_nack;		/* API_NEGOTIATE: NACKs the versions set here */
};

struct pf_msg {
	u32 w[WORDS];
	unsigned int words;
};

#define QUEUE_MAX	4
#define ACKS_MAX	8

struct pair {
	struct model pf;		/* the PF's BAR, VMBMEM(VF) included */
	u32 vbar[VF_BAR_SIZE / 4];	/* the VF's BAR */
	bool rsti, gone, interop;
	u32 r2c;			/* PFSTS, PFACK, RSTD not yet read */
	unsigned int rsti_reads;	/* reads still showing RSTI, or NEVER */
	struct script s;
	struct pf_msg queue[QUEUE_MAX];	/* PF messages waiting for the buffer */
	unsigned int nr_queue;
	bool pf_msg_unacked;		/* the buffer holds one the VF did not ack */
	struct pf_msg late;		/* a reply on its way ... */
	unsigned int late_reads;	/* ... after this many V2P reads */
	u32 posted[WORDS];		/* the last message the VF posted */
	bool cts_at_ack[ACKS_MAX];	/* mbx.cts when the VF acked, by ack */
	unsigned int reqs, vf_acks, v2p_reads, ctrl_rst;
	unsigned int protocol_errors;	/* the VF's; the PF's are in pf */
	unsigned int overwritten;	/* PF messages the VF wrote over unread */
	u32 api_asked_max;		/* the highest API value the VF asked */
	unsigned int apis_asked;	/* API_NEGOTIATE messages */
};

static struct pair m;

static struct device vf_dev, pf_dev;
static struct vtnic_hw vf_hw, pf_hw;
static struct vtnic_mbx_vf mbx;
static const struct vtnic_mbx_vf_regs vf_regs = VTNIC_82576VF_MBX_REGS;
/* The ixgbe dialect's client over the same register model */
static const struct vtnic_mbx_vf_regs vf_regs_ixgbe = {
	.ctl = VTNIC_V2PMAILBOX,
	.mem = VTNIC_VF_VMBMEM,
	.ctrl = VTNIC_VF_CTRL,
	.ctrl_rst = VTNIC_VF_CTRL_RST,
	.dialect = VTNIC_MBX_VF_IXGBE,
};
static struct vtnic_iov iov;

unsigned long jiffies;

static unsigned int nr_sleeps;
static unsigned long fake_us;		/* the time the VF would have slept */

void shim_usleep_range(unsigned long min, unsigned long max)
{
	if (min > max)
		fail_msg("usleep_range(%lu, %lu)", min, max);
	nr_sleeps++;
	fake_us += min;
}

struct reg_write {
	u32 reg;
	u32 val;
};

#define LOG_MAX		16384
static struct reg_write wlog[LOG_MAX];
static unsigned int nr_wlog;

static u32 *mbmem(void)
{
	return &m.pf.bar[VTNIC_VMBMEM(VF) / 4];
}

static void fill_mbmem(u32 val)
{
	unsigned int i;

	for (i = 0; i < WORDS; i++)
		mbmem()[i] = val;
}

/* The PF posts a message: into the buffer when it is free, or queued */
static void pf_post(const u32 *w, unsigned int words)
{
	unsigned int i;

	if (m.pf_msg_unacked) {
		if (m.nr_queue == QUEUE_MAX)
			fail_msg("PF message queue full");
		memcpy(m.queue[m.nr_queue].w, w, words * sizeof(u32));
		m.queue[m.nr_queue++].words = words;
		return;
	}
	for (i = 0; i < WORDS; i++)
		mbmem()[i] = i < words ? w[i] : 0;
	m.r2c |= PFSTS;
	m.pf_msg_unacked = true;
}

static void pf_post1(u32 w0)
{
	pf_post(&w0, 1);
}

/* The VF took the PF's message: the next one goes in */
static void pf_vf_acked(void)
{
	struct pf_msg next;

	m.pf_msg_unacked = false;
	if (!m.nr_queue && m.s.controls) {
		m.s.controls--;
		pf_post1(m.s.control_w0);
		return;
	}
	if (!m.nr_queue)
		return;
	next = m.queue[0];
	memmove(m.queue, m.queue + 1, --m.nr_queue * sizeof(m.queue[0]));
	pf_post(next.w, next.words);
}

/* The scripted PF sees REQ */
static void pf_script_req(void)
{
	u32 reply[WORDS] = { 0 };
	unsigned int words;

	if (m.s.gone)
		m.gone = true;
	if (m.s.no_ack)
		return;
	m.r2c |= PFACK;
	if (m.s.rsti) {
		m.rsti = true;
		m.rsti_reads = NEVER;
		return;
	}
	if (m.s.rstd) {
		m.r2c |= RSTD;
		return;
	}
	if (m.s.control)
		pf_post1(m.s.control_w0);
	if (m.s.no_reply || m.s.controls)
		return;
	words = m.s.reply_words ? m.s.reply_words : 1;
	memcpy(reply, m.s.reply, sizeof(reply));
	if (!m.s.raw)
		reply[0] = (m.posted[0] & (VTNIC_MBX_OPCODE | VTNIC_MBX_INFO)) |
			   m.s.reply_flags;
	if ((m.posted[0] & VTNIC_MBX_OPCODE) == VTNIC_MBX_API_NEGOTIATE) {
		if (m.posted[1] > m.api_asked_max)
			m.api_asked_max = m.posted[1];
		m.apis_asked++;
		if (m.posted[1] < 32 && (m.s.api_nack & BIT(m.posted[1])))
			reply[0] = (reply[0] & ~VTNIC_MBX_ACK) | NACK_CTS;
	}
	if (m.s.delay) {
		memcpy(m.late.w, reply, sizeof(reply));
		m.late.words = words;
		m.late_reads = m.s.delay;
		return;
	}
	pf_post(reply, words);
}

static u32 model_off(const void *addr, const u32 *bar)
{
	ptrdiff_t off = (const u8 *)addr - (const u8 *)bar;

	if (off % 4)
		fail_msg("unaligned register access: offset %td", off);
	return off;
}

static bool in_bar(const void *addr, const u32 *bar, u32 size)
{
	const u8 *p = addr;

	return p >= (const u8 *)bar && p < (const u8 *)bar + size;
}

static bool is_vmbmem(u32 off, u32 base)
{
	return off >= base && off < base + 4 * WORDS;
}

static u32 vf_readl(u32 off)
{
	u32 val;

	if (m.gone)
		return ~0U;
	if (off == VTNIC_V2PMAILBOX) {
		m.v2p_reads++;
		if (m.late_reads && !--m.late_reads)
			pf_post(m.late.w, m.late.words);
		if (m.rsti && m.rsti_reads != NEVER && !m.rsti_reads--) {
			m.rsti = false;		/* the PF set CTRL_EXT.PFRSTD */
			m.r2c |= RSTD;
		}
		val = (m.pf.vfu[VF] ? VFU : 0) | (m.pf.pfu[VF] ? PFU : 0) |
		      (m.rsti ? RSTI : 0) | m.r2c;
		m.r2c = 0;
		return val;
	}
	if (is_vmbmem(off, VTNIC_VF_VMBMEM)) {
		if (!m.pf.vfu[VF])
			m.protocol_errors++;
		return mbmem()[(off - VTNIC_VF_VMBMEM) / 4];
	}
	if (off == VTNIC_CTRL)
		return 0;			/* as QEMU: RST is a command */
	return m.vbar[off / 4];
}

static void vf_writel(u32 val, u32 off)
{
	if (nr_wlog < LOG_MAX)
		wlog[nr_wlog] = (struct reg_write){ off, val };
	nr_wlog++;
	if (m.gone)
		return;

	if (off == VTNIC_V2PMAILBOX) {
		if ((val & (REQ | ACK)) && !m.pf.vfu[VF])
			m.protocol_errors++;
		m.pf.vfu[VF] = (val & VFU) && !m.pf.pfu[VF];
		if (val & REQ) {
			m.reqs++;
			memcpy(m.posted, mbmem(), sizeof(m.posted));
			if (m.interop) {
				m.pf.bar[VTNIC_MBVFICR / 4] |= VTNIC_MBVFICR_VFREQ(VF);
				vtnic_iov_service(&iov);
			} else {
				pf_script_req();
			}
		}
		if (val & ACK) {
			if (m.vf_acks < ACKS_MAX)
				m.cts_at_ack[m.vf_acks] = mbx.cts;
			m.vf_acks++;
			if (m.interop) {
				m.pf.bar[VTNIC_MBVFICR / 4] |= VTNIC_MBVFICR_VFACK(VF);
				vtnic_iov_service(&iov);
			} else {
				pf_vf_acked();
			}
		}
		return;
	}
	if (is_vmbmem(off, VTNIC_VF_VMBMEM)) {
		if (!m.pf.vfu[VF])
			m.protocol_errors++;
		if (m.pf_msg_unacked) {
			m.pf_msg_unacked = false;
			m.overwritten++;
		}
		mbmem()[(off - VTNIC_VF_VMBMEM) / 4] = val;
		return;
	}
	if (off == VTNIC_CTRL) {
		if (val & VTNIC_CTRL_RST) {
			m.ctrl_rst++;
			m.pf.bar[VTNIC_VFLRE / 4] |= BIT(VF);
		}
		return;
	}
	m.vbar[off / 4] = val;
}

/* The VF sees the PF's STS and ACK as PFSTS and PFACK */
static void pf_write_hook(struct model *pf, const struct model_write *w)
{
	if (w->reg != VTNIC_P2VMAILBOX(VF))
		return;
	if (w->val & VTNIC_P2VMAILBOX_STS)
		m.r2c |= PFSTS;
	if (w->val & VTNIC_P2VMAILBOX_ACK)
		m.r2c |= PFACK;
}

u32 shim_readl(const void *addr)
{
	if (in_bar(addr, m.vbar, VF_BAR_SIZE))
		return vf_readl(model_off(addr, m.vbar));
	if (model_in_bar(&m.pf, addr))
		return model_read(&m.pf, model_offset(&m.pf, addr));
	fail_msg("read outside both BARs");
	return 0;
}

void shim_writel(u32 val, void *addr)
{
	if (in_bar(addr, m.vbar, VF_BAR_SIZE))
		vf_writel(val, model_off(addr, m.vbar));
	else if (model_in_bar(&m.pf, addr))
		model_write(&m.pf, val, model_offset(&m.pf, addr));
	else
		fail_msg("write outside both BARs");
}

/* ---- helpers ---- */

static const u8 pf_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const u8 vf_mac[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const u8 admin_mac[ETH_ALEN] = { 0x02, 0xad, 0x00, 0x00, 0x00, 0x01 };

/* Forget what happened so far: counters, the log, the sleeps */
static void clear_counts(void)
{
	nr_wlog = 0;
	nr_sleeps = 0;
	fake_us = 0;
	m.reqs = 0;
	m.vf_acks = 0;
	m.v2p_reads = 0;
	m.ctrl_rst = 0;
}

/* The scripted PF answers the next requests with ACK | CTS */
static void script_ack(void)
{
	memset(&m.s, 0, sizeof(m.s));
	m.s.reply_flags = ACK_CTS;
}

/* ... and the next RESET with ACK and @mac in words 1 and 2 */
static void script_reset_ack(const u8 *mac)
{
	script_ack();
	m.s.reply_flags = VTNIC_MBX_ACK;
	m.s.reply_words = 3;
	vtnic_mbx_put_mac(&m.s.reply[1], mac);
}

/* The VF posted exactly @words words, @expect, and zeros after them */
static void assert_posted(const u32 *expect, unsigned int words)
{
	unsigned int i;

	for (i = 0; i < WORDS; i++)
		if (m.posted[i] != (i < words ? expect[i] : 0))
			fail_msg("posted word %u is %#x, not %#x", i, m.posted[i],
				 i < words ? expect[i] : 0);
}

#define POSTED(...)	assert_posted((const u32[]){ __VA_ARGS__ }, \
				      sizeof((const u32[]){ __VA_ARGS__ }) / sizeof(u32))

/* Since clear_counts(): nothing but @reg was written */
static void assert_only_writes_to(u32 reg)
{
	unsigned int i;

	for (i = 0; i < nr_wlog && i < LOG_MAX; i++)
		if (wlog[i].reg != reg)
			fail_msg("register %#x written (%#x)", wlog[i].reg,
				 wlog[i].val);
}

/* A reset that succeeds, with the VF's address from the PF */
static void vf_up(void)
{
	struct vtnic_mbx_vf_reset_info info;

	script_reset_ack(vf_mac);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
	script_ack();
	clear_counts();
}

/* ---- fixture ---- */

static void start(bool interop)
{
	memset(&m, 0, sizeof(m));
	m.pf.mac = &model_82576_mac;
	m.pf.write_hook = pf_write_hook;
	memset(&iov, 0, sizeof(iov));
	memset(&vf_dev, 0, sizeof(vf_dev));
	memset(&pf_dev, 0, sizeof(pf_dev));
	vf_dev.name = "vf";
	pf_dev.name = "pf";
	vf_hw = (struct vtnic_hw){ .hw_addr = (u8 *)m.vbar, .dev = &vf_dev };
	pf_hw = (struct vtnic_hw){ .hw_addr = (u8 *)m.pf.bar, .dev = &pf_dev };
	m.vbar[VTNIC_STATUS / 4] = 0x80083;	/* link up at 1000, full duplex */
	m.pf.bar[VTNIC_STATUS / 4] = 0x80083;
	m.interop = interop;
	jiffies = 100000;
	script_ack();
	vtnic_mbx_vf_init(&mbx, &vf_hw, &vf_regs);
	if (interop) {
		vtnic_iov_init(&iov, &pf_hw, &vtnic_82576_iov, NUM_VFS);
		vtnic_iov_set_pf_mac(&iov, pf_mac);
		vtnic_iov_configure(&iov);
	}
	clear_counts();
}

static int setup(void **state)
{
	(void)state;
	start(false);
	return 0;
}

static int setup_interop(void **state)
{
	(void)state;
	start(true);
	return 0;
}

/* The model's invariants, after every test */
static int teardown(void **state)
{
	(void)state;
	if (m.protocol_errors || m.pf.protocol_errors) {
		print_error("mailbox used without holding it: %u times by the VF, %u by the PF\n",
			    m.protocol_errors, m.pf.protocol_errors);
		return -1;
	}
	if (m.pf.vfu[VF]) {
		print_error("the VF kept the mailbox (VFU)\n");
		return -1;
	}
	if (m.interop && m.pf.pfu[VF]) {
		print_error("the PF kept the mailbox (PFU)\n");
		return -1;
	}
	if (nr_wlog > LOG_MAX) {
		print_error("write log overflowed (%u writes)\n", nr_wlog);
		return -1;
	}
	return 0;
}

/* ==== 1. the RESET handshake ==== */

/* CTRL.RST first, then RESET alone in the buffer; ACK brings the MAC */
static void test_reset_ack_mac(void **state)
{
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	fill_mbmem(STALE);
	script_reset_ack(vf_mac);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);

	assert_true(nr_wlog > 0);
	assert_int_equal(wlog[0].reg, VTNIC_CTRL);
	assert_int_equal(wlog[0].val, VTNIC_CTRL_RST);
	assert_int_equal(m.ctrl_rst, 1);
	assert_int_equal(m.reqs, 1);
	POSTED(VTNIC_MBX_RESET);
	assert_int_equal(m.vf_acks, 1);

	assert_true(info.mac_valid);
	assert_memory_equal(info.mac, vf_mac, ETH_ALEN);
	/* w1 low byte first: 0x33221102, 0x5544 */
	assert_int_equal(m.s.reply[1], 0x33221102);
	assert_int_equal(m.s.reply[2], 0x5544);
	/* The reply has no CTS, yet the VF is clear to send now */
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
}

/* NACK: the PF has no address for the VF, which is not a failure */
static void test_reset_nack(void **state)
{
	static const u8 zero[ETH_ALEN];
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	script_ack();
	m.s.reply_flags = VTNIC_MBX_NACK;
	memset(&info, 0xa5, sizeof(info));
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -EADDRNOTAVAIL);
	assert_false(info.mac_valid);
	assert_memory_equal(info.mac, zero, ETH_ALEN);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
	POSTED(VTNIC_MBX_RESET);
}

/* RSTI that stays: -EAGAIN after the bounded polls, no RESET posted */
static void test_reset_pf_resetting(void **state)
{
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	m.rsti = true;
	m.rsti_reads = NEVER;
	script_reset_ack(vf_mac);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -EAGAIN);
	assert_int_equal(nr_sleeps, VTNIC_MBX_VF_RST_POLLS);
	assert_int_equal(m.v2p_reads, VTNIC_MBX_VF_RST_POLLS);
	assert_int_equal(m.reqs, 0);
	assert_int_equal(nr_wlog, 1);		/* CTRL.RST and nothing else */
	assert_int_equal(wlog[0].reg, VTNIC_CTRL);
	assert_false(info.mac_valid);
	assert_false(mbx.cts);

	/* The PF finishes after three more polls: the reset goes through */
	clear_counts();
	m.rsti_reads = 3;
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);
	assert_int_equal(nr_sleeps, 4);
	assert_int_equal(m.reqs, 1);
	assert_true(info.mac_valid);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
}

/* A PF that does not answer RESET (its interface is down): -ETIMEDOUT */
static void test_reset_timeout(void **state)
{
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	m.s.no_ack = true;
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -ETIMEDOUT);
	assert_false(info.mac_valid);
	assert_false(mbx.cts);
}

/* ==== 2. the requests: their words, and what the reply means ==== */

static void test_set_mac(void **state)
{
	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), 0);
	POSTED(W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_SET), 0x33221102,
	       0x5544);
	assert_true(mbx.cts);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, admin_mac), -EADDRNOTAVAIL);
	POSTED(VTNIC_MBX_SET_MAC_ADDR, 0x0000ad02, 0x0100);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);

	/* The reply's CTS is the VF's from now on, either way */
	m.s.reply_flags = VTNIC_MBX_ACK;
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), 0);
	assert_false(mbx.cts);
	m.s.reply_flags = ACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), 0);
	assert_true(mbx.cts);
	assert_int_equal(m.reqs, 4);
	assert_int_equal(m.vf_acks, 4);
}

/*
 * The extra unicast list on the igb dialect: SET_MAC_ADDR's clear, then
 * an add per address (igbvf's MAC_FILTER); its place only says whether
 * the list starts over
 */
static void test_set_uc_addr(void **state)
{
	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 0, NULL), 0);
	POSTED(W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_CLR), 0, 0);
	assert_int_equal(m.reqs, 1);

	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 1, vf_mac), 0);
	POSTED(W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_ADD), 0x33221102,
	       0x5544);
	assert_int_equal(m.reqs, 3);		/* the clear first */
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 2, admin_mac), 0);
	POSTED(W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_ADD), 0x0000ad02,
	       0x0100);
	assert_int_equal(m.reqs, 4);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 3, vf_mac),
			 -EADDRNOTAVAIL);
	/* No address, or a place past one byte: refused unsent */
	clear_counts();
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 1, NULL), -EINVAL);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 256, vf_mac), -EINVAL);
	assert_int_equal(m.reqs, 0);
}

static void test_set_multicast(void **state)
{
	static const u16 hashes[] = { 0x0123, 0x0fff, 0x0000, 0x0abc, 0x0456 };
	u32 expect[WORDS] = { W0(VTNIC_MBX_SET_MULTICAST, 30) };
	u16 many[VTNIC_MBX_MAX_MC_HASHES + 1];
	unsigned int i;

	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, hashes, 5), 0);
	POSTED(W0(VTNIC_MBX_SET_MULTICAST, 5), 0x0fff0123, 0x0abc0000, 0x0456);

	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, NULL, 0), 0);
	POSTED(VTNIC_MBX_SET_MULTICAST);

	/* 30, the most one message carries: 15 full words */
	for (i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = 0x800 + i;
	for (i = 0; i < 15; i++)
		expect[1 + i] = (0x800 + 2 * i) | (0x801 + 2 * i) << 16;
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, many, 30), 0);
	assert_posted(expect, WORDS);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, hashes, 1), -EPERM);

	/* 31: refused before the mailbox is touched */
	clear_counts();
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, many, 31), -EINVAL);
	assert_int_equal(nr_wlog, 0);
	assert_int_equal(m.v2p_reads, 0);
	assert_int_equal(m.reqs, 0);
}

static void test_set_vlan(void **state)
{
	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 100, true), 0);
	POSTED(W0(VTNIC_MBX_SET_VLAN, VTNIC_MBX_VLAN_ADD), 100);

	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 4095, false), 0);
	POSTED(W0(VTNIC_MBX_SET_VLAN, 0), 4095);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -EPERM);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
}

static void test_set_lpe(void **state)
{
	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 9018), 0);
	POSTED(VTNIC_MBX_SET_LPE, 9018);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 100000), -EINVAL);
	POSTED(VTNIC_MBX_SET_LPE, 100000);
}

static void test_set_promisc(void **state)
{
	(void)state;
	vf_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), 0);
	POSTED(W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	assert_int_equal(m.posted[0], 0x00020006);

	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, false), 0);
	POSTED(VTNIC_MBX_SET_PROMISC);

	/* A stock igb host does not know it: NACK */
	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), -EPERM);
}

/* No request leaks what the buffer held before, the PF's reply included */
static void test_no_stale_words(void **state)
{
	static const u16 hash = 0x0123;

	(void)state;
	vf_up();				/* the RESET reply left the MAC */
	assert_int_equal(mbmem()[1], 0x33221102);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), 0);
	POSTED(W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));

	/* The PF's replies that fill the buffer */
	m.s.reply_words = WORDS;
	memset(m.s.reply, 0xee, sizeof(m.s.reply));
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), 0);
	POSTED(VTNIC_MBX_SET_MAC_ADDR, 0x33221102, 0x5544);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
	POSTED(VTNIC_MBX_SET_LPE, 1522);
	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, &hash, 1), 0);
	POSTED(W0(VTNIC_MBX_SET_MULTICAST, 1), 0x0123);
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 5, true), 0);
	POSTED(W0(VTNIC_MBX_SET_VLAN, 1), 5);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, false), 0);
	POSTED(VTNIC_MBX_SET_PROMISC);

	/* And RESET after all that */
	memset(mbmem(), 0xee, 4 * WORDS);
	vf_up();
	POSTED(VTNIC_MBX_RESET);
}

/* ==== 3. the transport ==== */

/* The PF never takes the message: -ETIMEDOUT after exactly the bound */
static void test_no_pfack_times_out(void **state)
{
	(void)state;
	vf_up();
	m.s.no_ack = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -ETIMEDOUT);
	assert_int_equal(nr_sleeps, VTNIC_MBX_VF_POLLS);
	assert_int_equal(fake_us, VTNIC_MBX_VF_POLLS * VTNIC_MBX_VF_POLL_US);
	assert_int_equal(m.v2p_reads, 1 + VTNIC_MBX_VF_POLLS);	/* lock + polls */
	assert_int_equal(m.reqs, 1);
	assert_false(mbx.pf_reset);
}

/* It takes it and never answers: as long again, no more */
static void test_no_reply_times_out(void **state)
{
	(void)state;
	vf_up();
	m.s.no_reply = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -ETIMEDOUT);
	assert_int_equal(nr_sleeps, VTNIC_MBX_VF_POLLS);
	assert_int_equal(m.vf_acks, 0);
}

/* The PF holds the buffer: -EBUSY, bounded, nothing posted */
static void test_pf_holds_buffer(void **state)
{
	(void)state;
	vf_up();
	m.pf.pfu[VF] = true;
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -EBUSY);
	assert_int_equal(nr_sleeps, VTNIC_MBX_VF_RST_POLLS);
	assert_int_equal(m.reqs, 0);
	assert_only_writes_to(VTNIC_V2PMAILBOX);
	assert_int_equal(nr_wlog, VTNIC_MBX_VF_RST_POLLS);	/* VFU tries */
	m.pf.pfu[VF] = false;
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), 0);
}

/* A PF_CONTROL before the reply is taken and noted; the reply counts */
static void test_control_before_reply(void **state)
{
	(void)state;
	vf_up();
	m.s.control = true;
	m.s.control_w0 = VTNIC_MBX_PF_CONTROL;		/* without CTS */
	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -EPERM);
	assert_int_equal(m.vf_acks, 2);			/* both taken */
	assert_true(m.cts_at_ack[0]);		/* acking the control word */
	assert_false(m.cts_at_ack[1]);		/* it was noted before the reply */
	assert_true(mbx.cts);			/* and the reply's CTS is last */
	assert_false(mbx.pf_reset);

	/* The same with CTS, the reply an ACK */
	clear_counts();
	mbx.cts = false;
	m.s.control_w0 = VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS;
	m.s.reply_flags = ACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
	assert_int_equal(m.vf_acks, 2);
	assert_false(m.cts_at_ack[0]);
	assert_true(m.cts_at_ack[1]);
	assert_true(mbx.cts);
}

/*
 * A PF that sends control messages and never the reply: the VF takes a
 * few and gives up with -EIO, not after the PF stops
 */
static void test_control_flood(void **state)
{
	(void)state;
	vf_up();
	m.s.control = true;
	m.s.control_w0 = VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS;
	m.s.controls = 10000;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EIO);
	assert_int_equal(m.vf_acks, VTNIC_MBX_VF_CONTROLS_MAX);
	assert_true(mbx.cts);
}

/* A reply that is not the answer to this request: -EIO */
static void test_wrong_reply(void **state)
{
	(void)state;
	vf_up();
	m.s.raw = true;
	m.s.reply[0] = VTNIC_MBX_SET_VLAN | ACK_CTS;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EIO);

	/* Neither ACK nor NACK */
	m.s.reply[0] = VTNIC_MBX_SET_LPE | VTNIC_MBX_CTS;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EIO);

	/* Malformed: a reserved bit, or ACK and NACK */
	m.s.reply[0] = VTNIC_MBX_SET_LPE | ACK_CTS | BIT(24);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EIO);
	m.s.reply[0] = VTNIC_MBX_SET_LPE | ACK_CTS | VTNIC_MBX_NACK;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EIO);
	assert_int_equal(m.vf_acks, 4);		/* every one was taken */
	assert_false(mbx.pf_reset);

	/* The mailbox still works */
	script_ack();
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
}

/* RSTD while waiting: -EAGAIN, and nothing goes out until a reset */
static void test_pf_reset_while_waiting(void **state)
{
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	vf_up();
	m.s.rstd = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
	assert_true(mbx.pf_reset);
	assert_true(nr_sleeps < VTNIC_MBX_VF_POLLS);

	script_ack();
	clear_counts();
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -EAGAIN);
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), -EAGAIN);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), -EAGAIN);
	assert_int_equal(nr_wlog, 0);
	assert_int_equal(m.v2p_reads, 0);

	/* poll does not clear it either */
	vtnic_mbx_vf_poll(&mbx);
	assert_true(mbx.pf_reset);

	vf_up();
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
	POSTED(VTNIC_MBX_SET_LPE, 1522);

	/* RSTI while waiting: the same, and RESET waits for the PF */
	m.s.rsti = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
	assert_true(mbx.pf_reset);
	script_reset_ack(vf_mac);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -EAGAIN);
	assert_true(mbx.pf_reset);
	script_ack();
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
	m.rsti_reads = 0;			/* the PF is done */
	vf_up();
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
}

/* All ones from every read: -ENODEV, bounded, whatever the VF was doing */
static void test_device_gone(void **state)
{
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	vf_up();
	m.gone = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -ENODEV);
	assert_false(vtnic_hw_present(&vf_hw));
	assert_true(nr_sleeps <= VTNIC_MBX_VF_RST_POLLS);
	assert_int_equal(vf_dev.nr_err, 1);

	clear_counts();
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -ENODEV);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -ENODEV);
	assert_false(info.mac_valid);
	assert_false(vtnic_mbx_vf_poll(&mbx));
	assert_true(nr_sleeps <= 2 * VTNIC_MBX_VF_RST_POLLS);
	assert_int_equal(m.v2p_reads, 0);	/* nothing reached the bus */
}

/* Gone while a request waits for the PF: -ENODEV, not a reply of ones */
static void test_device_gone_while_waiting(void **state)
{
	(void)state;
	vf_up();
	m.s.gone = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -ENODEV);
	assert_false(vtnic_hw_present(&vf_hw));
	assert_true(nr_sleeps <= VTNIC_MBX_VF_POLLS);
}

/* ==== 4. what the PF sends unasked ==== */

static void test_poll_control_cts(void **state)
{
	(void)state;
	assert_false(mbx.cts);
	assert_false(vtnic_mbx_vf_poll(&mbx));		/* nothing there */
	assert_int_equal(m.vf_acks, 0);

	pf_post1(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
	assert_int_equal(m.vf_acks, 1);

	/* The same again changes nothing */
	pf_post1(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	assert_false(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.cts);
	assert_int_equal(m.vf_acks, 2);
}

static void test_poll_control_no_cts(void **state)
{
	(void)state;
	vf_up();
	pf_post1(VTNIC_MBX_PF_CONTROL);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.cts);
	assert_false(mbx.pf_reset);
	assert_int_equal(m.vf_acks, 1);
}

/* A bare NACK without CTS: the PF forgot the VF */
static void test_poll_nack(void **state)
{
	(void)state;
	vf_up();
	pf_post1(VTNIC_MBX_NACK | VTNIC_MBX_CTS);	/* with CTS: nothing */
	assert_false(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.pf_reset);

	pf_post1(VTNIC_MBX_NACK);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.pf_reset);
	assert_int_equal(m.vf_acks, 2);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
}

static void test_poll_rstd(void **state)
{
	(void)state;
	vf_up();
	m.r2c |= RSTD;
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.pf_reset);
	assert_int_equal(m.vf_acks, 0);
	assert_false(vtnic_mbx_vf_poll(&mbx));		/* no news */
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
}

/* Read-to-clear bits one check read are there for the next one */
static void test_r2c_not_lost(void **state)
{
	(void)state;
	/* RSTD and PFSTS at once: the read for RSTD clears both */
	pf_post1(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	m.r2c |= RSTD;
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.pf_reset);
	assert_true(mbx.cts);
	assert_int_equal(m.vf_acks, 1);

	/* PFSTS read by a lock attempt that failed is still for poll */
	vf_up();
	pf_post1(VTNIC_MBX_PF_CONTROL);
	m.pf.pfu[VF] = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EBUSY);
	assert_int_equal(m.v2p_reads, VTNIC_MBX_VF_RST_POLLS);
	m.pf.pfu[VF] = false;
	assert_true(mbx.cts);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.cts);
	assert_int_equal(m.vf_acks, 1);
	assert_int_equal(m.overwritten, 0);

	/* RSTD read when a request took the buffer is still for poll */
	vf_up();
	m.r2c |= RSTD;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.pf_reset);
}

/*
 * A PF message still unread when the VF sends is overwritten by the
 * request: its PFSTS must not make the VF take the buffer, which holds
 * its own request, for the reply or for a PF message.
 */
static void test_pending_message_overwritten(void **state)
{
	unsigned int delay;

	(void)state;
	vf_up();
	/* The PF answers at once, or a few reads of V2PMAILBOX later */
	for (delay = 0; delay < 8; delay++) {
		clear_counts();
		m.overwritten = 0;
		pf_post1(VTNIC_MBX_PF_CONTROL);
		m.s.delay = delay;
		if (vtnic_mbx_vf_set_lpe(&mbx, 1522))
			fail_msg("reply %u reads late: not ACKed", delay);
		assert_int_equal(m.overwritten, 1);
		assert_int_equal(m.vf_acks, 1);		/* the reply, once */
		assert_true(mbx.cts);
		if (vtnic_mbx_vf_poll(&mbx) || m.vf_acks != 1)
			fail_msg("reply %u reads late: the buffer read again",
				 delay);
	}
	script_ack();

	/* And when the PF never answers, poll finds nothing either */
	clear_counts();
	pf_post1(VTNIC_MBX_NACK);
	m.s.no_ack = true;
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -ETIMEDOUT);
	assert_false(vtnic_mbx_vf_poll(&mbx));
	assert_int_equal(m.vf_acks, 0);
	assert_false(mbx.pf_reset);
}

/* ==== 5. against the real PF handler ==== */

static bool mta_bit(u16 hash)
{
	return m.pf.bar[VTNIC_MTA((hash & 0xfff) >> 5) / 4] & BIT(hash & 31);
}

static bool vfta_bit(u16 vid)
{
	return m.pf.bar[VTNIC_VFTA(vid >> 5) / 4] & BIT(vid & 31);
}

/* The pools of @vid's enabled VLVF entry, 0 when it has none */
static u32 vlvf_pools(u16 vid)
{
	unsigned int i;

	for (i = 0; i < VTNIC_VLVF_ENTRIES; i++) {
		u32 e = m.pf.bar[VTNIC_VLVF(i) / 4];

		if ((e & VTNIC_VLVF_ENABLE) &&
		    FIELD_GET(VTNIC_VLVF_VID, e) == vid)
			return FIELD_GET(VTNIC_VLVF_POOLSEL, e);
	}
	return 0;
}

static void assert_rar(unsigned int idx, const u8 *mac, unsigned int pool)
{
	assert_int_equal(m.pf.bar[VTNIC_RAL(idx) / 4],
			 mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24);
	assert_int_equal(m.pf.bar[VTNIC_RAH(idx) / 4],
			 mac[4] | mac[5] << 8 | VTNIC_RAH_POOL(pool) |
			 VTNIC_RAH_AV);
}

static u32 vmolr(void)
{
	return m.pf.bar[VTNIC_VMOLR(VF) / 4];
}

static void test_interop(void **state)
{
	static const u8 extra_mac[2][ETH_ALEN] = {
		{ 0x02, 0x76, 0x74, 0x6d, 0x76, 0x01 },
		{ 0x02, 0x76, 0x74, 0x6d, 0x76, 0x02 },
	};
	static const u16 hashes[] = { 0x0123, 0x0456 };
	struct vtnic_mbx_vf_reset_info info;

	(void)state;
	/* No address on the PF yet: NACK, pool on, clear to send */
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -EADDRNOTAVAIL);
	assert_int_equal(m.ctrl_rst, 1);
	assert_false(info.mac_valid);
	assert_true(mbx.cts);
	assert_true(iov.vf[VF].cts);
	assert_true(m.pf.bar[VTNIC_VFRE / 4] & BIT(VF));
	assert_true(m.pf.bar[VTNIC_VFTE / 4] & BIT(VF));

	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), 0);
	assert_rar(vtnic_iov_vf_rar(&iov, VF), vf_mac, VF);
	assert_true(mbx.cts);

	/*
	 * Extra addresses: the list starts over at 1, 0 clears it; past
	 * the PF's quota an add is refused
	 */
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 1, extra_mac[0]), 0);
	assert_int_equal(iov.vf[VF].nr_uc, 1);
	assert_rar(vtnic_iov_vf_uc_rar(&iov, VF, 0), extra_mac[0], VF);
	assert_int_equal(iov.uc_quota, 1);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 2, extra_mac[1]),
			 -EADDRNOTAVAIL);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 1, extra_mac[1]), 0);
	assert_int_equal(iov.vf[VF].nr_uc, 1);
	assert_rar(vtnic_iov_vf_uc_rar(&iov, VF, 0), extra_mac[1], VF);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 0, NULL), 0);
	assert_int_equal(iov.vf[VF].nr_uc, 0);

	assert_int_equal(vtnic_mbx_vf_set_multicast(&mbx, hashes, 2), 0);
	assert_true(mta_bit(0x123));
	assert_true(mta_bit(0x456));
	assert_true(vmolr() & VTNIC_VMOLR_ROMPE);

	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), 0);
	assert_int_equal(vlvf_pools(7), BIT(VF));
	assert_true(vfta_bit(7));
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, false), 0);
	assert_int_equal(vlvf_pools(7), 0);
	assert_false(vfta_bit(7));

	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 9018), 0);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, vmolr()), 9018);
	assert_true(vmolr() & VTNIC_VMOLR_LPE);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 100000), -EINVAL);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, vmolr()), 9018);

	/* All multicast only for a trusted VF */
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), -EPERM);
	assert_false(vmolr() & VTNIC_VMOLR_MPME);
	vtnic_iov_set_vf_trust(&iov, VF, true);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), 0);
	assert_true(vmolr() & VTNIC_VMOLR_MPME);
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, false), 0);
	assert_false(vmolr() & VTNIC_VMOLR_MPME);
	vtnic_iov_set_vf_trust(&iov, VF, false);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);

	/* The admin's address: RESET brings it, SET_MAC_ADDR is refused */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, VF, admin_mac), 0);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);
	assert_true(info.mac_valid);
	assert_memory_equal(info.mac, admin_mac, ETH_ALEN);
	assert_int_equal(vtnic_mbx_vf_set_mac(&mbx, vf_mac), -EADDRNOTAVAIL);
	assert_rar(vtnic_iov_vf_rar(&iov, VF), admin_mac, VF);

	/* A port VLAN: the VF's own VLANs are refused */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, VF, 100, 0), 0);
	assert_int_equal(vtnic_mbx_vf_set_vlan(&mbx, 7, true), -EPERM);
	assert_int_equal(vlvf_pools(7), 0);

	/* Link disabled by the admin: PF_CONTROL without CTS, then with */
	vtnic_iov_set_vf_link_state(&iov, VF, VTNIC_VF_LINK_DISABLE);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.cts);
	assert_false(mbx.pf_reset);
	vtnic_iov_set_vf_link_state(&iov, VF, VTNIC_VF_LINK_AUTO);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_true(mbx.cts);

	/* The PF's own reset: RSTI until it is done, then RESET again */
	vtnic_iov_pf_reset_begin(&iov);
	m.rsti = true;
	m.rsti_reads = NEVER;
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.cts);
	assert_true(mbx.pf_reset);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), -EAGAIN);
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), -EAGAIN);
	vtnic_iov_configure(&iov);
	vtnic_iov_pf_reset_done(&iov);
	m.rsti_reads = 0;
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);
	assert_memory_equal(info.mac, admin_mac, ETH_ALEN);
	assert_false(mbx.pf_reset);
	assert_int_equal(vtnic_mbx_vf_set_lpe(&mbx, 1522), 0);
	assert_true(mbx.cts);
	/*
	 * RESET without an address, an extra address past the quota, the
	 * frame, all multicast untrusted, the MAC, the VLAN
	 */
	assert_int_equal(iov.vf[VF].nacks, 6);
}

/* ---- the ixgbe dialect ---- */

static void ixgbe_up(void)
{
	struct vtnic_mbx_vf_reset_info info;

	vtnic_mbx_vf_init(&mbx, &vf_hw, &vf_regs_ixgbe);
	script_reset_ack(vf_mac);
	m.s.reply_words = 4;
	m.s.reply[3] = 2;			/* MCSTCTRL.MO */
	assert_int_equal(vtnic_mbx_vf_reset(&mbx, &info), 0);
	assert_true(info.mac_valid);
	assert_memory_equal(info.mac, vf_mac, ETH_ALEN);
	assert_int_equal(info.mc_filter_type, 2);
	assert_int_equal(mbx.api, VTNIC_MBX_API_10);
	script_ack();
	clear_counts();
}

/* 1.4 first, never 1.5 or later; a NACK tries the next older version */
static void test_api_fallback(void **state)
{
	(void)state;
	ixgbe_up();
	m.s.api_nack = BIT(VTNIC_MBX_API_14) | BIT(VTNIC_MBX_API_13);
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_12);
	assert_int_equal(mbx.api, VTNIC_MBX_API_12);
	assert_int_equal(m.api_asked_max, VTNIC_MBX_API_14);
	assert_int_equal(m.apis_asked, 3);
	POSTED(W0(VTNIC_MBX_API_NEGOTIATE, 0), VTNIC_MBX_API_12, 0);
}

/* A PF that refuses every version leaves the VF at 1.0, no error */
static void test_api_all_refused(void **state)
{
	(void)state;
	ixgbe_up();
	m.s.api_nack = ~0U;
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_10);
	assert_int_equal(m.apis_asked, 5);
	assert_int_equal(m.api_asked_max, VTNIC_MBX_API_14);
	/* Below 1.1 there is no GET_QUEUES, below 1.2 no link state */
	{
		struct vtnic_mbx_vf_queues q;
		bool enabled;

		assert_int_equal(vtnic_mbx_vf_get_queues(&mbx, &q), -EOPNOTSUPP);
		assert_int_equal(q.tx, 1);
		assert_int_equal(vtnic_mbx_vf_get_link_state(&mbx, &enabled),
				 -EOPNOTSUPP);
		assert_true(enabled);
		assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true),
				 -EOPNOTSUPP);
	}
}

/* The igb dialect negotiates nothing */
static void test_api_igb(void **state)
{
	(void)state;
	vf_up();
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_10);
	assert_int_equal(m.reqs, 0);
}

static void test_get_queues(void **state)
{
	struct vtnic_mbx_vf_queues q;

	(void)state;
	ixgbe_up();
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_14);
	m.s.reply_words = VTNIC_MBX_Q_WORDS;
	m.s.reply[VTNIC_MBX_Q_TX] = 2;
	m.s.reply[VTNIC_MBX_Q_RX] = 4;
	m.s.reply[VTNIC_MBX_Q_TRANS_VLAN] = 1;
	m.s.reply[VTNIC_MBX_Q_DEF] = 1;
	assert_int_equal(vtnic_mbx_vf_get_queues(&mbx, &q), 0);
	POSTED(W0(VTNIC_MBX_GET_QUEUES, 0), 0, 0, 0, 0);
	assert_int_equal(q.tx, 2);
	assert_int_equal(q.rx, 4);
	assert_int_equal(q.tcs, 1);
	assert_int_equal(q.def_q, 1);
}

/* Every value out of range is replaced by the safe one */
static void test_get_queues_hostile(void **state)
{
	static const u32 bad[][4] = {
		{ 0, 2, 0, 0 }, { 9, 2, 0, 0 }, { 2, 0, 0, 0 },
		{ 2, 0xffffffff, 0, 0 }, { 2, 2, 3, 0 }, { 2, 2, 0, 2 },
	};
	struct vtnic_mbx_vf_queues q;
	unsigned int i, j;

	(void)state;
	ixgbe_up();
	vtnic_mbx_vf_negotiate_api(&mbx);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		m.s.reply_words = VTNIC_MBX_Q_WORDS;
		for (j = 0; j < 4; j++)
			m.s.reply[1 + j] = bad[i][j];
		assert_int_equal(vtnic_mbx_vf_get_queues(&mbx, &q), -EPROTO);
		assert_in_range(q.tx, 1, VTNIC_MBX_VF_MAX_QUEUES);
		assert_in_range(q.rx, 1, VTNIC_MBX_VF_MAX_QUEUES);
		assert_true(q.tcs <= q.rx);
		assert_true(q.def_q < q.tx);
	}
}

/* ixgbe: SET_MACVLAN with the address's place in the info field */
static void test_ixgbe_set_uc_addr(void **state)
{
	(void)state;
	ixgbe_up();
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 0, NULL), 0);
	POSTED(W0(VTNIC_MBX_SET_MACVLAN, 0));
	fill_mbmem(STALE);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 1, vf_mac), 0);
	POSTED(W0(VTNIC_MBX_SET_MACVLAN, 1), 0x33221102, 0x5544);
	assert_int_equal(vtnic_mbx_vf_set_uc_addr(&mbx, 2, admin_mac), 0);
	POSTED(W0(VTNIC_MBX_SET_MACVLAN, 2), 0x0000ad02, 0x0100);
	assert_int_equal(m.reqs, 3);
}

/*
 * GET_RETA: 16 entries of 2 bits a word; GET_RSS_KEY: 4 bytes a word,
 * the first in bits 7:0.  A refusal is -EPERM, and below API 1.2 or on
 * igb nothing is asked.
 */
static void test_ixgbe_rss_query(void **state)
{
	u8 reta[VTNIC_MBX_RETA_ENTRIES], key[VTNIC_MBX_RSS_KEY_BYTES];
	unsigned int i;

	(void)state;
	ixgbe_up();
	m.s.api_nack = BIT(VTNIC_MBX_API_14) | BIT(VTNIC_MBX_API_13) |
		       BIT(VTNIC_MBX_API_12);
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_11);
	clear_counts();
	assert_int_equal(vtnic_mbx_vf_get_reta(&mbx, reta), -EOPNOTSUPP);
	assert_int_equal(vtnic_mbx_vf_get_rss_key(&mbx, key), -EOPNOTSUPP);
	assert_int_equal(m.reqs, 0);

	m.s.api_nack = 0;
	assert_int_equal(vtnic_mbx_vf_negotiate_api(&mbx), VTNIC_MBX_API_14);
	m.s.reply_words = 1 + VTNIC_MBX_RETA_ENTRIES / 16;
	for (i = 0; i < VTNIC_MBX_RETA_ENTRIES / 16; i++)
		m.s.reply[1 + i] = 0xe4e4e4e4;		/* 0, 1, 2, 3, ... */
	assert_int_equal(vtnic_mbx_vf_get_reta(&mbx, reta), 0);
	POSTED(VTNIC_MBX_GET_RETA);
	for (i = 0; i < VTNIC_MBX_RETA_ENTRIES; i++)
		assert_int_equal(reta[i], i % 4);

	m.s.reply_words = 1 + VTNIC_MBX_RSS_KEY_BYTES / 4;
	for (i = 0; i < VTNIC_MBX_RSS_KEY_BYTES / 4; i++)
		m.s.reply[1 + i] = 0x03020100 + 0x04040404 * i;
	assert_int_equal(vtnic_mbx_vf_get_rss_key(&mbx, key), 0);
	POSTED(VTNIC_MBX_GET_RSS_KEY);
	for (i = 0; i < VTNIC_MBX_RSS_KEY_BYTES; i++)
		assert_int_equal(key[i], i);

	m.s.reply_flags = NACK_CTS;
	assert_int_equal(vtnic_mbx_vf_get_reta(&mbx, reta), -EPERM);
	assert_int_equal(vtnic_mbx_vf_get_rss_key(&mbx, key), -EPERM);

	vf_up();
	assert_int_equal(vtnic_mbx_vf_get_reta(&mbx, reta), -EOPNOTSUPP);
}

/* An ixgbe PF that takes CTS away NACKs all but RESET: the VF resets */
static void test_ixgbe_control_no_cts(void **state)
{
	(void)state;
	ixgbe_up();
	pf_post1(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	vtnic_mbx_vf_poll(&mbx);
	assert_true(mbx.cts);
	assert_false(mbx.pf_reset);
	pf_post1(VTNIC_MBX_PF_CONTROL);
	assert_true(vtnic_mbx_vf_poll(&mbx));
	assert_false(mbx.cts);
	assert_true(mbx.pf_reset);
}

static void test_link_state_and_xcast(void **state)
{
	bool enabled;

	(void)state;
	ixgbe_up();
	vtnic_mbx_vf_negotiate_api(&mbx);
	m.s.reply_words = 2;
	m.s.reply[1] = 0;
	assert_int_equal(vtnic_mbx_vf_get_link_state(&mbx, &enabled), 0);
	assert_false(enabled);
	/* ALLMULTI granted as asked, or reduced to MULTI: refused */
	m.s.reply[1] = VTNIC_MBX_XCAST_ALLMULTI;
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), 0);
	POSTED(W0(VTNIC_MBX_UPDATE_XCAST_MODE, 0), VTNIC_MBX_XCAST_ALLMULTI);
	m.s.reply[1] = VTNIC_MBX_XCAST_MULTI;
	assert_int_equal(vtnic_mbx_vf_set_mc_promisc(&mbx, true), -EPERM);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_reset_ack_mac),
		T(test_reset_nack),
		T(test_reset_pf_resetting),
		T(test_reset_timeout),
		T(test_set_mac),
		T(test_set_uc_addr),
		T(test_set_multicast),
		T(test_set_vlan),
		T(test_set_lpe),
		T(test_set_promisc),
		T(test_no_stale_words),
		T(test_no_pfack_times_out),
		T(test_no_reply_times_out),
		T(test_pf_holds_buffer),
		T(test_control_before_reply),
		T(test_control_flood),
		T(test_wrong_reply),
		T(test_pf_reset_while_waiting),
		T(test_device_gone),
		T(test_device_gone_while_waiting),
		T(test_poll_control_cts),
		T(test_poll_control_no_cts),
		T(test_poll_nack),
		T(test_poll_rstd),
		T(test_r2c_not_lost),
		T(test_pending_message_overwritten),
		T(test_api_fallback),
		T(test_api_all_refused),
		T(test_api_igb),
		T(test_get_queues),
		T(test_get_queues_hostile),
		T(test_link_state_and_xcast),
		T(test_ixgbe_set_uc_addr),
		T(test_ixgbe_rss_query),
		T(test_ixgbe_control_no_cts),
		cmocka_unit_test_setup_teardown(test_interop, setup_interop,
						teardown),
	};

	return cmocka_run_group_tests_name("mbx_vf", tests, NULL, NULL);
}
