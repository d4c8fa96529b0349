// SPDX-License-Identifier: GPL-2.0
/*
 * The SR-IOV unit tests' shared harness; iov_harness.h says what it is.
 */

#include <string.h>

#include <linux/device.h>
#include <linux/kernel.h>

#include "iov_harness.h"

struct model m, snap;
struct device dev;
struct vtnic_hw hw;
struct vtnic_iov iov;

unsigned long jiffies;

u32 shim_readl(const void *addr)
{
	return model_read(&m, model_offset(&m, addr));
}

void shim_writel(u32 val, void *addr)
{
	model_write(&m, val, model_offset(&m, addr));
}

void log_clear(void)
{
	model_log_clear(&m);
}

/*
 * A device fresh from reset with @num_vfs VFs of MAC @info configured;
 * STATUS reads @status (a live device)
 */
void harness_start(const struct model_mac *mac,
		   const struct vtnic_iov_info *info, unsigned int num_vfs,
		   const u8 *pf_mac, u32 status)
{
	model_init(&m, mac);
	m.write_hook = NULL;		/* a test's, kept by model_init() */
	memset(&iov, 0, sizeof(iov));
	memset(&dev, 0, sizeof(dev));
	dev.name = "iov";
	hw = (struct vtnic_hw){ .hw_addr = (u8 *)m.bar, .dev = &dev };
	R(VTNIC_HW_STATUS) = status;
	jiffies = 100000;
	model_sleeps = 0;

	vtnic_iov_init(&iov, &hw, info, num_vfs);
	vtnic_iov_set_pf_mac(&iov, pf_mac);
	vtnic_iov_configure(&iov);
	log_clear();
}

/* The model's invariants, after every test */
int harness_teardown(void **state)
{
	unsigned int vf;

	(void)state;
	if (m.protocol_errors) {
		print_error("mailbox used without holding it: %u times\n",
			    m.protocol_errors);
		return -1;
	}
	for (vf = 0; vf < m.mac->pools; vf++) {
		if (m.pfu[vf]) {
			print_error("the PF kept VF %u's mailbox\n", vf);
			return -1;
		}
	}
	if (m.nr_log > MODEL_LOG_MAX) {
		print_error("write log overflowed (%u writes)\n", m.nr_log);
		return -1;
	}
	return 0;
}

/* As igbvf and ixgbevf: take VFU, write the words, write REQ (drops VFU) */
void vf_post(unsigned int vf, const u32 *msg, unsigned int words)
{
	unsigned int i;

	assert_false(m.pfu[vf]);
	for (i = words; i < WORDS; i++)
		R(model_mbx_mem(&m, vf, i)) = STALE;
	model_vf_post(&m, vf, msg, words);
}

void vf_read(unsigned int vf, u32 *reply)
{
	model_vf_read(&m, vf, reply);
}

/*
 * One message through the whole transport: posted, serviced, acked,
 * answered with one STS and the buffer given back.  Returns word 0 of the
 * reply; @reply (may be NULL) gets all 16 words.
 */
u32 vf_msg(unsigned int vf, const u32 *msg, unsigned int words, u32 *reply)
{
	unsigned int sts = m.sts[vf], acks = m.acks[vf];
	u32 buf[WORDS];

	vf_post(vf, msg, words);
	vtnic_iov_service(&iov);
	assert_int_equal(R(model_mbx_icr(&m, vf)) & VTNIC_PFMBICR_VFREQ(vf), 0);
	assert_int_equal(m.acks[vf], acks + 1);
	assert_int_equal(m.sts[vf], sts + 1);
	assert_false(m.pfu[vf]);
	vf_read(vf, buf);
	if (reply)
		memcpy(reply, buf, sizeof(buf));
	return buf[0];
}

/* SET_MAC_ADDR with @info (0: set, 1: filter clear, 2: filter add) */
u32 send_mac(unsigned int vf, u8 info, const u8 *mac, u32 *reply)
{
	u32 msg[3] = { W0(VTNIC_MBX_SET_MAC_ADDR, info) };

	vtnic_mbx_put_mac(&msg[1], mac);
	return vf_msg(vf, msg, 3, reply);
}

/* SET_MULTICAST with @count hashes, two 16-bit hashes a word */
u32 send_mc(unsigned int vf, const u16 *hashes, unsigned int count)
{
	u32 msg[WORDS] = { W0(VTNIC_MBX_SET_MULTICAST, count) };

	assert_int_equal(vtnic_mbx_put_mc_hashes(&msg[1], WORDS - 1, hashes,
						 count), 0);
	return vf_msg(vf, msg, WORDS, NULL);
}

u32 send_vlan(unsigned int vf, bool add, u32 vid)
{
	return SEND(vf, W0(VTNIC_MBX_SET_VLAN, add), vid);
}

/* RESET, and address @mac when the PF had none for it */
void vf_up_with(unsigned int vf, const u8 *mac)
{
	u32 w0 = SEND(vf, VTNIC_MBX_RESET);

	if (w0 & VTNIC_MBX_NACK)
		assert_int_equal(send_mac(vf, 0, mac, NULL),
				 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_true(iov.vf[vf].cts);
}

/*
 * Since the snapshot @snap, VF @a changed nothing it does not own: no
 * register bit @owned does not give it, no rate limiter but its queues
 * @q0 and @q1, no per-queue register, no other VF's mailbox
 */
void assert_pool_isolated(unsigned int a, harness_owned_fn *owned,
			  unsigned int q0, unsigned int q1)
{
	unsigned int off, q, b;

	for (off = 0; off < MODEL_BAR_SIZE; off += 4) {
		u32 before = snap.bar[off / 4], after = m.bar[off / 4];
		u32 mask = owned(a, off, before, after);

		if ((before ^ after) & ~mask)
			fail_msg("VF %u changed register %#x from %#x to %#x; it may change %#x of it",
				 a, off, before, after, mask);
	}
	for (q = 0; q < m.mac->queues; q++) {
		if (q != q0 && q != q1 && snap.bcnrc[q] != m.bcnrc[q])
			fail_msg("VF %u changed queue %u's RTTBCNRC from %#x to %#x",
				 a, q, snap.bcnrc[q], m.bcnrc[q]);
		if (snap.qreg[q] != m.qreg[q])
			fail_msg("VF %u changed queue %u's %#x to %#x", a, q,
				 snap.qreg[q], m.qreg[q]);
	}
	for (b = 0; b < m.mac->pools; b++) {
		if (b == a)
			continue;
		assert_int_equal(m.sts[b], snap.sts[b]);
		assert_int_equal(m.acks[b], snap.acks[b]);
	}
}

/* Bit @bit (12 bits: a hash or a VLAN ID) of the 4096-bit table at @base */
bool table_bit(u32 base, u16 bit)
{
	bit &= 0xfff;
	return R(base + 4 * (bit >> 5)) & BIT(bit & 31);
}

/* A shared table at @base still has every bit of @want, the others' */
void assert_bits_kept(unsigned int a, const char *table, u32 base,
		      unsigned int words, const u32 *want)
{
	unsigned int i;
	u32 lost;

	for (i = 0; i < words; i++) {
		lost = want[i] & ~R(base + 4 * i);
		if (lost)
			fail_msg("VF %u cleared %s[%u] bits %#x of the PF or another VF",
				 a, table, i, lost);
	}
}

/* Since log_clear(): nothing but @vf's own mailbox was written */
void assert_only_mailbox_writes(unsigned int vf)
{
	unsigned int i;

	assert_true(m.nr_log <= MODEL_LOG_MAX);
	for (i = 0; i < m.nr_log; i++)
		if (!model_is_mailbox_write(&m, &m.log[i], vf))
			fail_msg("VF %u: register %#x written (%#x) for a refused message",
				 vf, m.log[i].reg, m.log[i].val);
}

void assert_no_stale_words(const u32 *reply, unsigned int from)
{
	unsigned int i;

	for (i = from; i < WORDS; i++)
		if (reply[i])
			fail_msg("reply word %u is %#x, not 0", i, reply[i]);
}

/*
 * A refused message: NACK (with CTS once the VF reset), every word after
 * word 0 zero, nothing written but the VF's mailbox, counted as a NACK.
 */
void expect_nack(unsigned int vf, const u32 *msg, unsigned int words,
		 bool cts)
{
	u64 nacks = iov.vf[vf].nacks;
	u32 reply[WORDS];

	log_clear();
	vf_msg(vf, msg, words, reply);
	assert_int_equal(reply[0],
			 (msg[0] & (VTNIC_MBX_OPCODE | VTNIC_MBX_INFO)) |
			 VTNIC_MBX_NACK | (cts ? VTNIC_MBX_CTS : 0));
	assert_no_stale_words(reply, 1);
	assert_only_mailbox_writes(vf);
	assert_int_equal(iov.vf[vf].nacks, nacks + 1);
}

void expect_mac_nack(unsigned int vf, u8 info, const u8 *mac)
{
	u32 msg[3] = { W0(VTNIC_MBX_SET_MAC_ADDR, info) };

	vtnic_mbx_put_mac(&msg[1], mac);
	expect_nack(vf, msg, 3, true);
}
