// SPDX-License-Identifier: GPL-2.0
/*
 * The register model core shared by every MAC's model; model_core.h says
 * what it models.
 */

#include <stddef.h>
#include <string.h>

#include <linux/bits.h>
#include <linux/compiler.h>

#include "model_core.h"

unsigned int model_sleeps;
u64 model_time_ns;

/*
 * Sleeps of the code under test (the PF waiting for a VF's buffer),
 * counted; each advances the clock by the least it may sleep
 */
void __weak shim_usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	model_sleeps++;
	model_time_ns += min * 1000;
}

/* The monotonic clock of the code under test */
u64 __weak shim_ktime_get_ns(void)
{
	return model_time_ns;
}

/**
 * model_init() - a device of MAC @mac fresh from power-up
 * @m: the model
 * @mac: the MAC it models
 */
void model_init(struct model *m, const struct model_mac *mac)
{
	m->mac = mac;
	model_reset(m);
}

/**
 * model_reset() - a device fresh from power-up: every register zero
 * @m: the model; its MAC and write hook are kept
 */
void model_reset(struct model *m)
{
	/* The log is large and only read up to nr_log */
	memset(m, 0, offsetof(struct model, log));
	m->nr_log = 0;
}

/**
 * model_in_bar() - whether an MMIO address falls in the model's BAR
 * @m: the model
 * @addr: the address the code under test used
 *
 * Return: true when @addr is inside the BAR.
 */
bool model_in_bar(const struct model *m, const void *addr)
{
	const u8 *p = addr, *base = (const u8 *)m->bar;

	return p >= base && p < base + MODEL_BAR_SIZE;
}

/**
 * model_offset() - the register an MMIO address is
 * @m: the model
 * @addr: the address the code under test used
 *
 * Return: the byte offset; model_fail() outside the BAR or unaligned.
 */
u32 model_offset(const struct model *m, const void *addr)
{
	ptrdiff_t off = (const u8 *)addr - (const u8 *)m->bar;

	if (off < 0 || off >= MODEL_BAR_SIZE || off % 4)
		model_fail("register access outside the BAR: offset %td", off);
	return off;
}

/**
 * model_mbx_ctl() - the PF's mailbox control register of VF @vf
 * @m: the model
 * @vf: the VF
 *
 * Return: its byte offset.
 */
u32 model_mbx_ctl(const struct model *m, unsigned int vf)
{
	return m->mac->mbx.ctl + 4 * vf;
}

/**
 * model_mbx_mem() - word @word of VF @vf's buffer
 * @m: the model
 * @vf: the VF
 * @word: 0..VTNIC_MBX_WORDS - 1
 *
 * Return: its byte offset.
 */
u32 model_mbx_mem(const struct model *m, unsigned int vf, unsigned int word)
{
	return m->mac->mbx.mem + m->mac->mbx.mem_stride * vf + 4 * word;
}

/**
 * model_mbx_icr() - the mailbox cause register that has VF @vf's bits
 * @m: the model
 * @vf: the VF
 *
 * Return: its byte offset.
 */
u32 model_mbx_icr(const struct model *m, unsigned int vf)
{
	return m->mac->mbx.icr + 4 * (vf / VTNIC_PFMBICR_VFS);
}

/* The VF whose mailbox control register @off is, or -1 */
static int ctl_vf(const struct model *m, u32 off)
{
	if (off >= model_mbx_ctl(m, 0) && off < model_mbx_ctl(m, m->mac->pools))
		return (off - model_mbx_ctl(m, 0)) / 4;
	return -1;
}

/* The VF whose buffer @off is in, or -1 */
static int mem_vf(const struct model *m, u32 off)
{
	u32 base = model_mbx_mem(m, 0, 0), vf;

	if (off < base)
		return -1;
	vf = (off - base) / m->mac->mbx.mem_stride;
	if (vf >= m->mac->pools ||
	    off - model_mbx_mem(m, vf, 0) >= 4 * VTNIC_MBX_WORDS)
		return -1;
	return vf;
}

static bool is_icr(const struct model *m, u32 off)
{
	return off >= model_mbx_icr(m, 0) &&
	       off <= model_mbx_icr(m, m->mac->pools - 1);
}

/* The reset event register that a write to @off clears, or -1 */
static int vflrec_idx(const struct model *m, u32 off)
{
	unsigned int i;

	for (i = 0; i < m->mac->nr_vflre; i++)
		if (off == m->mac->vflrec[i])
			return i;
	return -1;
}

static u32 ctl_value(const struct model *m, unsigned int vf)
{
	return (m->pfu[vf] ? VTNIC_PFMBX_PFU : 0) |
	       (m->vfu[vf] ? VTNIC_PFMBX_VFU : 0);
}

/**
 * model_read() - what the device answers to a register read
 * @m: the model
 * @off: byte offset in the BAR
 *
 * Return: the register's value.
 */
u32 model_read(struct model *m, u32 off)
{
	int vf = ctl_vf(m, off);

	if (vf >= 0)
		return ctl_value(m, vf);
	if (off == m->mac->rttbcnrc)
		return m->bcnrc[MODEL_REG(m, m->mac->rttdqsel) % m->mac->queues];
	vf = mem_vf(m, off);
	if (vf >= 0 && !m->pfu[vf])
		m->protocol_errors++;
	return m->bar[off / 4];
}

/* The control register: STS and ACK are commands; PFU sticks only without VFU */
static void ctl_write(struct model *m, unsigned int vf, u32 val)
{
	if ((val & (VTNIC_PFMBX_STS | VTNIC_PFMBX_ACK)) && !m->pfu[vf])
		m->protocol_errors++;
	if (val & VTNIC_PFMBX_STS)
		m->sts[vf]++;
	if (val & VTNIC_PFMBX_ACK)
		m->acks[vf]++;
	if (val & VTNIC_PFMBX_RVFU)
		m->vfu[vf] = false;
	m->pfu[vf] = (val & VTNIC_PFMBX_PFU) && !m->vfu[vf];
}

/* Write one to clear @bits of register @reg */
static void w1c(struct model *m, u32 reg, u32 bits, struct model_write *w)
{
	w->before = m->bar[reg / 4];
	m->bar[reg / 4] &= ~bits;
	w->after = m->bar[reg / 4];
}

/**
 * model_write() - a register write reaching the device
 * @m: the model
 * @val: the value
 * @off: byte offset in the BAR
 *
 * The write is logged and then handed to the write hook.
 */
void model_write(struct model *m, u32 val, u32 off)
{
	const struct model_mac *mac = m->mac;
	struct model_write w = { .reg = off, .val = val };
	u32 sel = MODEL_REG(m, mac->rttdqsel);
	int vf = ctl_vf(m, off), i;

	if (vf >= 0) {
		w.before = ctl_value(m, vf);
		ctl_write(m, vf, val);
		w.after = ctl_value(m, vf);
		goto logged;
	}
	vf = mem_vf(m, off);
	if (vf >= 0 && !m->pfu[vf])
		m->protocol_errors++;

	i = vflrec_idx(m, off);
	if (is_icr(m, off)) {
		w1c(m, off, val, &w);
	} else if (i >= 0) {
		w1c(m, mac->vflre[i], val, &w);
	} else if (off == mac->rttbcnrc) {
		w.queue = sel;
		if (sel >= mac->queues) {
			m->protocol_errors++;
		} else {
			w.before = m->bcnrc[sel];
			m->bcnrc[sel] = val;
			w.after = val;
		}
	} else if (!mac->write || !mac->write(m, val, off, &w)) {
		w.before = m->bar[off / 4];
		m->bar[off / 4] = val;
		w.after = val;
	}
logged:
	if (m->nr_log < MODEL_LOG_MAX)
		m->log[m->nr_log] = w;
	m->nr_log++;
	if (m->write_hook)
		m->write_hook(m, &w);
}

/**
 * model_log_clear() - forget the writes logged so far
 * @m: the model
 */
void model_log_clear(struct model *m)
{
	m->nr_log = 0;
}

/**
 * model_log_count() - how often a register was written since the clear
 * @m: the model
 * @reg: byte offset
 *
 * Return: the number of logged writes to @reg.
 */
unsigned int model_log_count(const struct model *m, u32 reg)
{
	unsigned int i, n = 0;

	for (i = 0; i < m->nr_log && i < MODEL_LOG_MAX; i++)
		n += m->log[i].reg == reg;
	return n;
}

/**
 * model_vf_post() - VF @vf posts a message, as the hardware sees it
 * @m: the model
 * @vf: the VF
 * @msg: its words
 * @words: how many it writes; the rest of the buffer keeps what it held
 *
 * As igbvf and ixgbevf: take VFU, write the words, write REQ, which drops
 * VFU and sets the VF's request cause.  The PF holding the buffer
 * meanwhile would have kept the VF out: model_fail().
 */
void model_vf_post(struct model *m, unsigned int vf, const u32 *msg,
		   unsigned int words)
{
	unsigned int i;

	if (m->pfu[vf])
		model_fail("VF %u posts while the PF holds its buffer", vf);
	for (i = 0; i < words && i < VTNIC_MBX_WORDS; i++)
		MODEL_REG(m, model_mbx_mem(m, vf, i)) = msg[i];
	MODEL_REG(m, model_mbx_icr(m, vf)) |= VTNIC_PFMBICR_VFREQ(vf);
}

/**
 * model_vf_ack() - VF @vf acknowledges the PF's message (VFACK cause)
 * @m: the model
 * @vf: the VF
 */
void model_vf_ack(struct model *m, unsigned int vf)
{
	MODEL_REG(m, model_mbx_icr(m, vf)) |= VTNIC_PFMBICR_VFACK(vf);
}

/**
 * model_vf_flr() - VF @vf is reset by an FLR or its CTRL.RST
 * @m: the model
 * @vf: the VF
 */
void model_vf_flr(struct model *m, unsigned int vf)
{
	MODEL_REG(m, m->mac->vflre[vf / 32]) |= BIT(vf % 32);
}

/**
 * model_vf_read() - what VF @vf reads from its buffer
 * @m: the model
 * @vf: the VF
 * @buf: VTNIC_MBX_WORDS words
 */
void model_vf_read(const struct model *m, unsigned int vf, u32 *buf)
{
	unsigned int i;

	for (i = 0; i < VTNIC_MBX_WORDS; i++)
		buf[i] = MODEL_REG(m, model_mbx_mem(m, vf, i));
}

/**
 * model_is_mailbox_write() - whether a write is the transport of VF @vf
 * @m: the model
 * @w: the write
 * @vf: the VF
 *
 * Return: true for its control register, its buffer, and cause register
 * writes that clear none but its own bits.
 */
bool model_is_mailbox_write(const struct model *m,
			    const struct model_write *w, unsigned int vf)
{
	if (w->reg == model_mbx_ctl(m, vf) || mem_vf(m, w->reg) == (int)vf)
		return true;
	return w->reg == model_mbx_icr(m, vf) &&
	       !(w->val & ~(VTNIC_PFMBICR_VFREQ(vf) | VTNIC_PFMBICR_VFACK(vf)));
}

/**
 * model_is_any_mailbox_write() - whether a write is any VF's transport
 * @m: the model
 * @w: the write
 *
 * Return: true for a control register, a buffer or a cause register.
 */
bool model_is_any_mailbox_write(const struct model *m,
				const struct model_write *w)
{
	return ctl_vf(m, w->reg) >= 0 || mem_vf(m, w->reg) >= 0 ||
	       is_icr(m, w->reg);
}

#define MODEL_RATE_FRAC_BITS	14
#define MODEL_RATE_ENA		BIT(31)

/**
 * model_pool_rate() - the transmit limit of a pool with two queues
 * @m: the model
 * @pool: the pool, for messages
 * @q0: its first queue
 * @q1: its second queue
 * @link_mbps: the link speed
 *
 * Each queue paces at link speed / rate factor (RTTBCNRC, 14 fraction
 * bits); the pool's limit is theirs.
 *
 * Return: Mb/s, rounded down; 0 for no limit.  model_fail() when the
 * queues differ or a limiter is on with a factor of 0.
 */
u32 model_pool_rate(const struct model *m, unsigned int pool,
		    unsigned int q0, unsigned int q1, u32 link_mbps)
{
	u32 r0 = m->bcnrc[q0], r1 = m->bcnrc[q1], rf_int = m->mac->rf_int;
	u64 factor;

	if (r0 != r1)
		model_fail("pool %u: its queues pace differently (%#x, %#x)",
			   pool, r0, r1);
	if (!(r0 & MODEL_RATE_ENA))
		return 0;
	factor = (u64)((r0 & rf_int) >> __builtin_ctz(rf_int)) <<
		 MODEL_RATE_FRAC_BITS |
		 (r0 & GENMASK(MODEL_RATE_FRAC_BITS - 1, 0));
	if (!factor)
		model_fail("pool %u: rate limiter on with a factor of 0", pool);
	return ((u64)link_mbps << MODEL_RATE_FRAC_BITS) / factor;
}

/**
 * model_mc_hash() - the multicast table bit a destination address hits
 * @addr: the address
 *
 * Filter type 0 (82576 RCTL.MO, 8.10.15; 82599 MCSTCTRL.MO, 8.2.3.7.6):
 * address bits 47:36, which is what both drivers program.
 *
 * Return: the bit, 0..4095.
 */
u16 model_mc_hash(const u8 *addr)
{
	return (addr[4] >> 4 | addr[5] << 4) & 0xfff;
}

/**
 * model_mc_addr() - a multicast address that hits a given table bit
 * @hash: the bit, 0..4095
 * @addr: filled with 01:00:5e:00:xx:xx
 */
void model_mc_addr(u16 hash, u8 *addr)
{
	addr[0] = 0x01;
	addr[1] = 0x00;
	addr[2] = 0x5e;
	addr[3] = 0x00;
	addr[4] = (hash & 0xf) << 4;
	addr[5] = hash >> 4;
}
