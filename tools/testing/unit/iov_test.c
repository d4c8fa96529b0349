// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the SR-IOV message handler and admin API of the PF
 * (driver/common/vtnic_iov.c over vtnic_mbx_pf.c, vtnic_mbx_msg.c and
 * vtnic_hw.c, compiled unchanged) against the model of the 82576 PF
 * registers in model_82576.c: the BAR as an array plus what the code
 * relies on (the mailbox's PFU/VFU/STS/ACK, write-1-to-clear MBVFICR and
 * VFLRE, RTTBCNRC behind RTTDQSEL).  Every write is logged, so a test can
 * say "nothing but the mailbox was written".  The VF side is what the
 * hardware does when a VF posts a message: the words land in VMBMEM(n)
 * and MBVFICR.VFREQ(n) is set.
 *
 * Every message goes through vtnic_iov_service(), the whole transport
 * path the PF's mailbox interrupt takes.
 */

#include <string.h>

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/math.h>

#include "iov_harness.h"
#include "model_82576.h"

/*
 * The PF's sleeps, as the model counts them (model_core.c), and a VF
 * that lets go of its buffer after the PF's @vfu_release_after-th one
 */
static int vfu_release_vf = -1;
static unsigned int vfu_release_after;

void shim_usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	model_sleeps++;
	model_time_ns += min * 1000;
	if (vfu_release_vf >= 0 && model_sleeps == vfu_release_after) {
		m.vfu[vfu_release_vf] = false;
		vfu_release_vf = -1;
	}
}

#define NUM_VFS		3
#define PF_POOL		NUM_VFS

static const u8 pf_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const u8 vf_mac[VTNIC_82576_MAX_VFS][ETH_ALEN] = {
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x01 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x02 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x03 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x04 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x05 },
	{ 0x02, 0x00, 0x00, 0x00, 0x01, 0x06 },
};
static const u8 admin_mac[ETH_ALEN] = { 0x02, 0xad, 0x00, 0x00, 0x00, 0x01 };

/* RESET, and its own address when the PF had none for it */
static void vf_up(unsigned int vf)
{
	vf_up_with(vf, vf_mac[vf]);
}

/* ---- what the registers say ---- */

static void assert_rar(unsigned int idx, const u8 *mac, unsigned int pool)
{
	assert_int_equal(R(VTNIC_RAL(idx)),
			 mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24);
	assert_int_equal(R(VTNIC_RAH(idx)),
			 mac[4] | mac[5] << 8 | VTNIC_RAH_POOL(pool) |
			 VTNIC_RAH_AV);
}

static bool mta_bit(u16 hash)
{
	return table_bit(VTNIC_MTA(0), hash);
}

static bool vfta_bit(u16 vid)
{
	return table_bit(VTNIC_VFTA(0), vid);
}

/* The enabled VLVF entry of @vid, or -1 */
static int vlvf_find(u16 vid)
{
	unsigned int i;

	for (i = 0; i < VTNIC_VLVF_ENTRIES; i++) {
		u32 e = R(VTNIC_VLVF(i));

		if ((e & VTNIC_VLVF_ENABLE) &&
		    FIELD_GET(VTNIC_VLVF_VID, e) == vid)
			return i;
	}
	return -1;
}

/* The pools of @vid's VLVF entry, 0 when it has none */
static u32 vlvf_pools(u16 vid)
{
	int i = vlvf_find(vid);

	return i < 0 ? 0 : FIELD_GET(VTNIC_VLVF_POOLSEL, R(VTNIC_VLVF(i)));
}

static bool pool_enabled(unsigned int pool)
{
	bool rx = R(VTNIC_VFRE) & BIT(pool), tx = R(VTNIC_VFTE) & BIT(pool);

	assert_int_equal(rx, tx);
	return rx;
}

/* The pools that receive a 64-byte frame to @dst, tagged @vid unless -1 */
static u32 rx_pools(const u8 *dst, int vid)
{
	struct model_frame f = { .len = 64, .tagged = vid >= 0,
				 .vid = vid < 0 ? 0 : vid };

	ether_addr_copy(f.dst, dst);
	return model_rx_pools(&m, &f);
}

/* ---- fixture ---- */

static void start(unsigned int num_vfs)
{
	harness_start(&model_82576_mac, &vtnic_82576_iov, num_vfs, pf_mac,
		      0x80083);	/* a live device, link up at 1000 */
}

static int setup(void **state)
{
	(void)state;
	start(NUM_VFS);
	return 0;
}

/* ==== 1. every igb message accepted, with its register effect ==== */

/* RESET without an address: NACK, but the pool is enabled and CTS given */
static void test_reset_without_mac(void **state)
{
	u32 reply[WORDS];

	(void)state;
	assert_false(pool_enabled(1));
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_NACK);
	assert_no_stale_words(reply, 1);
	assert_true(pool_enabled(1));
	assert_true(iov.vf[1].cts);
	assert_false(pool_enabled(0));
	assert_false(pool_enabled(2));

	/* Clear to send: the next reply carries CTS */
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1522),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
}

/* RESET with an address (admin or its own): ACK and the MAC in words 1-2 */
static void test_reset_with_mac(void **state)
{
	u32 reply[WORDS];
	u8 mac[ETH_ALEN];

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 2, admin_mac), 0);
	assert_int_equal(vf_msg(2, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	vtnic_mbx_get_mac(&reply[1], mac);
	assert_memory_equal(mac, admin_mac, ETH_ALEN);
	assert_int_equal(reply[2] >> 16, 0);
	assert_no_stale_words(reply, 3);
	assert_rar(vtnic_iov_vf_rar(&iov, 2), admin_mac, 2);
	assert_true(pool_enabled(2));
	assert_true(iov.vf[2].cts);
	assert_int_equal(SEND(2, VTNIC_MBX_SET_LPE, 1522),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
}

/* SET_MAC_ADDR: RAR 23 - n holds the address, pool bit n, AV */
static void test_set_mac_addr(void **state)
{
	u32 reply[WORDS];
	u8 mac[ETH_ALEN];

	(void)state;
	SEND(1, VTNIC_MBX_RESET);
	assert_int_equal(send_mac(1, 0, vf_mac[1], reply),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_no_stale_words(reply, 1);
	assert_rar(22, vf_mac[1], 1);

	/* A second address replaces the first */
	assert_int_equal(send_mac(1, 0, vf_mac[5], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_rar(22, vf_mac[5], 1);

	/* It keeps it over a RESET, which now answers with it */
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	vtnic_mbx_get_mac(&reply[1], mac);
	assert_memory_equal(mac, vf_mac[5], ETH_ALEN);
	assert_rar(22, vf_mac[5], 1);

	/* MAC_FILTER_CLR (igbvf sends it with zeros): ACK, nothing written */
	log_clear();
	assert_int_equal(send_mac(1, VTNIC_MBX_MAC_FILTER_CLR,
				  (const u8[ETH_ALEN]){ 0 }, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 1) | ACK_CTS);
	assert_only_mailbox_writes(1);
}

/* SET_MULTICAST: the hashes' MTA bits and VMOLR.ROMPE */
static void test_set_multicast(void **state)
{
	static const u16 hashes[] = { 0x0123, 0x0fff, 0x0000, 0x0abc, 0xf456 };
	u16 many[VTNIC_MBX_MAX_MC_HASHES];
	unsigned int i, bits = 0;

	(void)state;
	vf_up(1);
	assert_int_equal(send_mc(1, hashes, 5),
			 W0(VTNIC_MBX_SET_MULTICAST, 5) | ACK_CTS);
	for (i = 0; i < 5; i++)
		assert_true(mta_bit(hashes[i]));	/* 12 bits used */
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		bits += __builtin_popcount(R(VTNIC_MTA(i)));
	assert_int_equal(bits, 5);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);

	/* 30, the most one message carries */
	for (i = 0; i < VTNIC_MBX_MAX_MC_HASHES; i++)
		many[i] = 0x800 + 7 * i;
	assert_int_equal(send_mc(1, many, 30),
			 W0(VTNIC_MBX_SET_MULTICAST, 30) | ACK_CTS);
	for (i = 0; i < 30; i++)
		assert_true(mta_bit(many[i]));
	assert_false(mta_bit(0x123));		/* the list replaces the last */

	/* None: ROMPE off, MTA empty */
	assert_int_equal(send_mc(1, NULL, 0),
			 W0(VTNIC_MBX_SET_MULTICAST, 0) | ACK_CTS);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		assert_int_equal(R(VTNIC_MTA(i)), 0);
}

/* SET_VLAN add and remove: VLVF entry with pool bit n, VFTA, STRVLAN */
static void test_set_vlan(void **state)
{
	int idx;

	(void)state;
	vf_up(1);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_STRVLAN);
	assert_int_equal(send_vlan(1, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	idx = vlvf_find(100);
	assert_true(idx > 0);			/* entry 0 is VLAN 0's */
	assert_int_equal(R(VTNIC_VLVF(idx)),
			 VTNIC_VLVF_ENABLE | 100 | BIT(12 + 1));
	assert_true(vfta_bit(100));
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_STRVLAN);
	/* VLAN 0 stays every pool's, the PF's included */
	assert_int_equal(R(VTNIC_VLVF(0)),
			 VTNIC_VLVF_ENABLE | GENMASK(12 + PF_POOL, 12));

	assert_int_equal(send_vlan(1, false, 100),
			 W0(VTNIC_MBX_SET_VLAN, 0) | ACK_CTS);
	assert_int_equal(vlvf_find(100), -1);
	assert_int_equal(R(VTNIC_VLVF(idx)), 0);
	assert_false(vfta_bit(100));
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_STRVLAN);
}

/* SET_LPE: VMOLR.RLPML = the frame size, LPE */
static void test_set_lpe(void **state)
{
	(void)state;
	vf_up(1);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))),
			 VTNIC_IOV_DEFAULT_FRAME);
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 9018),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))), 9018);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_LPE);

	/* The limits themselves are accepted */
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, VTNIC_IOV_MIN_FRAME),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))),
			 VTNIC_IOV_MIN_FRAME);
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, VTNIC_IOV_MAX_FRAME),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))),
			 VTNIC_IOV_MAX_FRAME);
}

/*
 * SET_PROMISC multicast: every group of the PF and the other VFs, so a
 * trusted VF's only.  VMOLR.MPME, off again on request and with the trust.
 */
static void test_set_promisc_multicast(void **state)
{
	(void)state;
	vf_up(1);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);

	vtnic_iov_set_vf_trust(&iov, 1, true);
	assert_int_equal(SEND(1, W0(VTNIC_MBX_SET_PROMISC,
				    VTNIC_MBX_PROMISC_MULTICAST)),
			 W0(VTNIC_MBX_SET_PROMISC, 2) | ACK_CTS);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	assert_int_equal(SEND(1, VTNIC_MBX_SET_PROMISC),
			 VTNIC_MBX_SET_PROMISC | ACK_CTS);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);

	/* Trust taken back: all multicast goes with it */
	SEND(1, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	vtnic_iov_set_vf_trust(&iov, 1, false);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	assert_false(iov.vf[1].mc_promisc);
}

/* ==== 2. every invalid field NACKed, nothing written ==== */

static void test_malformed_word0(void **state)
{
	(void)state;
	vf_up(1);
	EXPECT_NACK(1, BIT(24) | VTNIC_MBX_SET_LPE, 1522);	/* reserved */
	EXPECT_NACK(1, BIT(28) | VTNIC_MBX_SET_LPE, 1522);
	EXPECT_NACK(1, VTNIC_MBX_ACK | VTNIC_MBX_NACK | VTNIC_MBX_SET_LPE,
		    1522);
	/* A RESET reply never carries CTS, even a refused one */
	expect_nack(1, MSG(VTNIC_MBX_RSVD | VTNIC_MBX_RESET), 1, false);
}

static void test_unknown_opcode(void **state)
{
	static const u32 opcodes[] = { 0x0000, 0x0007, 0x0008, 0x0010,
				       VTNIC_MBX_PF_CONTROL, 0xffff };
	unsigned int i;

	(void)state;
	vf_up(1);
	for (i = 0; i < ARRAY_SIZE(opcodes); i++)
		EXPECT_NACK(1, opcodes[i], 1, 2, 3);
}

/* Nothing but RESET before RESET, and no CTS in the NACK */
static void test_before_reset(void **state)
{
	u32 msg[3] = { VTNIC_MBX_SET_MAC_ADDR };
	u16 hash = 0x123;

	(void)state;
	vtnic_mbx_put_mac(&msg[1], vf_mac[2]);
	expect_nack(2, msg, 3, false);
	expect_nack(2, MSG(W0(VTNIC_MBX_SET_MULTICAST, 1), hash), 2, false);
	expect_nack(2, MSG(W0(VTNIC_MBX_SET_VLAN, 1), 100), 2, false);
	expect_nack(2, MSG(VTNIC_MBX_SET_LPE, 1522), 2, false);
	expect_nack(2, MSG(W0(VTNIC_MBX_SET_PROMISC, 2)), 1, false);
	assert_false(pool_enabled(2));
	assert_false(iov.vf[2].cts);
}

static void test_set_mac_invalid(void **state)
{
	static const u8 zero[ETH_ALEN];
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	(void)state;
	vf_up(0);
	vf_up(1);
	expect_mac_nack(1, 0, zero);
	expect_mac_nack(1, 0, mcast);
	expect_mac_nack(1, 0, bcast);
	expect_mac_nack(1, 0, pf_mac);
	expect_mac_nack(1, 0, vf_mac[0]);	/* VF 0's */
	assert_rar(22, vf_mac[1], 1);
	assert_rar(23, vf_mac[0], 0);

	/* Zero is no address even for a VF that has none yet */
	assert_int_equal(SEND(2, VTNIC_MBX_RESET),
			 VTNIC_MBX_RESET | VTNIC_MBX_NACK);
	expect_mac_nack(2, 0, zero);
	assert_int_equal(R(VTNIC_RAH(21)), 0);
}

/*
 * The PF's secondary addresses (a macvlan on the PF, say) take exact
 * filters to its pool: no VF may take one, and one a VF already has is
 * not given to the PF, so that no address is in two pools.
 */
static void test_pf_secondary_addresses(void **state)
{
	static const u8 pf_uc[2][ETH_ALEN] = {
		{ 0x02, 0x00, 0x00, 0x00, 0xaa, 0x01 },
		{ 0x02, 0x00, 0x00, 0x00, 0xaa, 0x02 },
	};
	unsigned int idx, pf = vtnic_iov_pf_pool(&iov);

	(void)state;
	vf_up(1);
	vf_up(2);
	assert_int_equal(send_mac(2, 0, pf_uc[1], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);

	vtnic_iov_set_pf_uc(&iov, pf_uc[0], 2);
	assert_rar(1, pf_uc[0], pf);
	for (idx = 2; idx < vtnic_iov_pf_rar_limit(&iov); idx++)
		assert_int_equal(R(VTNIC_RAH(idx)), 0);
	assert_rar(vtnic_iov_vf_rar(&iov, 2), pf_uc[1], 2);

	expect_mac_nack(1, 0, pf_uc[0]);
	assert_rar(vtnic_iov_vf_rar(&iov, 1), vf_mac[1], 1);

	/* The list shrinks: its filter goes, and a VF may have it then */
	vtnic_iov_set_pf_uc(&iov, pf_uc[0], 0);
	assert_int_equal(R(VTNIC_RAH(1)), 0);
	assert_int_equal(send_mac(1, 0, pf_uc[0], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
}

/* The admin's address sticks unless the VF is trusted */
static void test_set_mac_admin_locked_unless_trusted(void **state)
{
	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, admin_mac), 0);
	vf_up(1);
	expect_mac_nack(1, 0, vf_mac[1]);
	assert_rar(22, admin_mac, 1);

	/* Its own admin address again is no change: ACK */
	assert_int_equal(send_mac(1, 0, admin_mac, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);

	vtnic_iov_set_vf_trust(&iov, 1, true);
	assert_int_equal(send_mac(1, 0, vf_mac[1], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_rar(22, vf_mac[1], 1);

	/* Trust does not open the other rules */
	expect_mac_nack(1, 0, pf_mac);
}

static void test_set_multicast_too_many(void **state)
{
	u32 msg[WORDS];
	unsigned int i;

	(void)state;
	vf_up(1);
	for (i = 1; i < WORDS; i++)
		msg[i] = 0x01000100 * i;
	msg[0] = W0(VTNIC_MBX_SET_MULTICAST, 31);
	expect_nack(1, msg, WORDS, true);
	msg[0] = W0(VTNIC_MBX_SET_MULTICAST, 255);
	expect_nack(1, msg, WORDS, true);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);
}

static void test_set_vlan_out_of_range(void **state)
{
	(void)state;
	vf_up(1);
	/* 4095 is reserved by 802.1Q, and Linux never creates it */
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 4095);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 4096);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 0xffffffff);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 0), 4096);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 0), 0xffffffff);
	assert_int_equal(vlvf_find(0), 0);
	assert_int_equal(vlvf_find(4095), -1);
}

static void test_set_vlan_with_port_vlan(void **state)
{
	(void)state;
	vf_up(1);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 100, 0), 0);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 200);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 0), 100);	/* nor remove it */
	assert_int_equal(vlvf_find(200), -1);
	assert_int_equal(vlvf_pools(100), BIT(1));
}

/* A VF owns at most VTNIC_IOV_VF_MAX_VLANS; a full VLVF also refuses */
static void test_set_vlan_limits(void **state)
{
	unsigned int i;
	int err = 0;

	(void)state;
	vf_up(1);
	for (i = 0; i < VTNIC_IOV_VF_MAX_VLANS; i++)
		assert_int_equal(send_vlan(1, true, 101 + i),
				 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 101 + i);
	/* One it has is no new one */
	assert_int_equal(send_vlan(1, true, 101),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	/* The largest VLAN ID, 4094, is a VLAN like the others */
	assert_int_equal(send_vlan(1, false, 101),
			 W0(VTNIC_MBX_SET_VLAN, 0) | ACK_CTS);
	assert_int_equal(send_vlan(1, true, 4094),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_int_equal(rx_pools(vf_mac[1], 4094), BIT(1));

	/* The PF takes every free entry: VF 0's first VLAN finds none */
	vf_up(0);
	for (i = 0; !err; i++)
		err = vtnic_iov_set_pf_vlan(&iov, 2000 + i, true);
	assert_int_equal(err, -ENOSPC);
	assert_int_equal(i - 1, VTNIC_VLVF_ENTRIES - 1 -
			 VTNIC_IOV_VF_MAX_VLANS);
	EXPECT_NACK(0, W0(VTNIC_MBX_SET_VLAN, 1), 50);
}

/*
 * The last VTNIC_IOV_VLVF_HOST free VLAN filters are the host's: a
 * guest's new VLAN does not take them, a VLAN that has an entry costs
 * none, and the PF's own take them to the last.
 */
static void test_set_vlan_host_reserve(void **state)
{
	unsigned int i, pf_vlans = VTNIC_VLVF_ENTRIES - 1 - VTNIC_IOV_VLVF_HOST - 1;

	(void)state;
	vf_up(1);
	vf_up(2);
	for (i = 0; i < pf_vlans; i++)
		assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 2000 + i, true), 0);
	assert_int_equal(send_vlan(1, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_VLAN, 1), 101);
	assert_int_equal(vlvf_find(101), -1);
	assert_int_equal(send_vlan(2, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_int_equal(send_vlan(2, true, 2000),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_int_equal(vlvf_pools(100), BIT(1) | BIT(2));

	for (i = 0; i < VTNIC_IOV_VLVF_HOST; i++) {
		assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 3000 + i, true), 0);
		assert_int_equal(vlvf_pools(3000 + i), BIT(PF_POOL));
	}
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 3000 + i, true), -ENOSPC);
	/* The admin's port VLAN may take a host entry, as the PF's do */
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 3000, false), 0);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 0, 300, 0), 0);
	assert_int_equal(vlvf_pools(300), BIT(0));
}

/*
 * A full table: the admin's port VLAN takes the entry the VF's own VLAN
 * gives up.  With none to give up it is refused, and the VF keeps its
 * VLANs.
 */
static void test_port_vlan_full_table(void **state)
{
	int err = 0;
	u16 vid;

	(void)state;
	vf_up(1);
	vf_up(2);
	assert_int_equal(send_vlan(1, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_int_equal(send_vlan(2, true, 110),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_int_equal(send_vlan(2, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	for (vid = 2000; !err; vid++)
		err = vtnic_iov_set_pf_vlan(&iov, vid, true);

	/* VF 1's VLAN 100 is VF 2's too: nothing to give up */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 200, 0), -ENOSPC);
	assert_int_equal(vlvf_pools(100), BIT(1) | BIT(2));
	assert_int_equal(vlvf_find(200), -1);
	assert_int_equal(send_vlan(1, false, 100),
			 W0(VTNIC_MBX_SET_VLAN, 0) | ACK_CTS);
	assert_int_equal(vlvf_pools(100), BIT(2));

	/* VF 2's VLAN 110 is its alone: port VLAN 200 takes its entry */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 2, 200, 0), 0);
	assert_int_equal(vlvf_pools(200), BIT(2));
	assert_int_equal(vlvf_find(110), -1);
	assert_int_equal(vlvf_find(100), -1);
	assert_true(vfta_bit(200));
	assert_false(vfta_bit(110));
}

static void test_set_lpe_out_of_range(void **state)
{
	(void)state;
	vf_up(1);
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, VTNIC_IOV_MIN_FRAME - 1);
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, VTNIC_IOV_MAX_FRAME + 1);
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, 0);
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, 0xffffffff);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))),
			 VTNIC_IOV_DEFAULT_FRAME);
}

static void test_set_promisc_unicast(void **state)
{
	(void)state;
	vf_up(1);
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_UNICAST));
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_UNICAST |
			  VTNIC_MBX_PROMISC_MULTICAST));
	EXPECT_NACK(1, W0(VTNIC_MBX_SET_PROMISC, 0x80));
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
}

/*
 * MAC_FILTER_ADD: an extra address in an exact filter of the VF's quota
 * (one each with 3 VFs: 24 RARs, 16 the PF's, 3 the VFs' own), with its
 * pool; one too many, the PF's and another VF's refused; MAC_FILTER_CLR
 * frees it.  Unknown sub-commands are refused.
 */
static void test_mac_filter_add(void **state)
{
	unsigned int rar = vtnic_iov_vf_uc_rar(&iov, 1, 0);

	(void)state;
	assert_int_equal(iov.uc_quota, 1);
	assert_int_equal(rar, 19);
	assert_int_equal(vtnic_iov_pf_rar_limit(&iov), 18);
	vf_up(0);
	vf_up(1);
	log_clear();
	assert_int_equal(send_mac(1, VTNIC_MBX_MAC_FILTER_ADD, vf_mac[4], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_ADD) |
			 ACK_CTS);
	assert_rar(rar, vf_mac[4], 1);
	assert_rar(22, vf_mac[1], 1);
	expect_mac_nack(1, VTNIC_MBX_MAC_FILTER_ADD, vf_mac[5]);	/* quota */
	expect_mac_nack(0, VTNIC_MBX_MAC_FILTER_ADD, vf_mac[4]);	/* VF 1's */
	expect_mac_nack(0, VTNIC_MBX_MAC_FILTER_ADD, pf_mac);
	expect_mac_nack(0, 0, vf_mac[4]);	/* nor as its own address */

	assert_int_equal(send_mac(1, VTNIC_MBX_MAC_FILTER_CLR,
				  (const u8[ETH_ALEN]){ 0 }, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_CLR) |
			 ACK_CTS);
	assert_false(R(VTNIC_RAH(rar)) & VTNIC_RAH_AV);

	expect_mac_nack(1, 3, vf_mac[4]);	/* unknown sub-command */
	expect_mac_nack(1, 0xff, vf_mac[4]);
	assert_rar(22, vf_mac[1], 1);
}

/*
 * A VF taking one of its extra addresses as its own (SET_MAC_ADDR) drops
 * it from its extra ones, which fill the gap: every address still
 * reaches its pool, its old one no longer does, and the freed filter
 * takes another; so does the admin setting a trusted VF's address to one
 * of them.  Cleared, they are free for another VF.  Two VFs: three extra
 * addresses each.
 */
static void test_vf_extra_uc_taken_as_own(void **state)
{
	const u8 *a = vf_mac[4], *b = vf_mac[5], *c = vf_mac[6];
	const u8 other[ETH_ALEN] = { 0x02, 0xee, 0, 0, 0, 1 };

	(void)state;
	start(2);
	assert_int_equal(iov.uc_quota, 3);
	vtnic_iov_set_vf_trust(&iov, 0, true);
	vf_up(0);
	assert_int_equal(send_mac(0, VTNIC_MBX_MAC_FILTER_ADD, a, NULL) &
			 VTNIC_MBX_ACK, VTNIC_MBX_ACK);
	assert_int_equal(send_mac(0, VTNIC_MBX_MAC_FILTER_ADD, b, NULL) &
			 VTNIC_MBX_ACK, VTNIC_MBX_ACK);
	assert_int_equal(send_mac(0, VTNIC_MBX_MAC_FILTER_ADD, c, NULL) &
			 VTNIC_MBX_ACK, VTNIC_MBX_ACK);
	expect_mac_nack(0, VTNIC_MBX_MAC_FILTER_ADD, other);	/* quota */

	assert_int_equal(send_mac(0, 0, b, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_int_equal(iov.vf[0].nr_uc, 2);
	assert_int_equal(rx_pools(a, -1), BIT(0));
	assert_int_equal(rx_pools(b, -1), BIT(0));
	assert_int_equal(rx_pools(c, -1), BIT(0));
	assert_int_equal(rx_pools(vf_mac[0], -1), 0);
	assert_int_equal(send_mac(0, VTNIC_MBX_MAC_FILTER_ADD, other, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_ADD) |
			 ACK_CTS);
	assert_int_equal(rx_pools(other, -1), BIT(0));

	/* The admin, the VF trusted: the extra address c goes too */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, c), 0);
	assert_int_equal(iov.vf[0].nr_uc, 2);
	assert_int_equal(rx_pools(a, -1), BIT(0));
	assert_int_equal(rx_pools(c, -1), BIT(0));
	assert_int_equal(rx_pools(other, -1), BIT(0));
	assert_int_equal(rx_pools(b, -1), 0);

	/* Then another of them, twice: c goes, a stays its only extra one */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, other), 0);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, other), 0);
	assert_int_equal(iov.vf[0].nr_uc, 1);
	assert_int_equal(rx_pools(a, -1), BIT(0));
	assert_int_equal(rx_pools(other, -1), BIT(0));
	assert_int_equal(rx_pools(c, -1), 0);

	/* Cleared, a is free for another VF */
	assert_int_equal(send_mac(0, VTNIC_MBX_MAC_FILTER_CLR,
				  (const u8[ETH_ALEN]){ 0 }, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_CLR) |
			 ACK_CTS);
	vf_up(1);
	assert_int_equal(send_mac(1, 0, a, NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_int_equal(rx_pools(a, -1), BIT(1));
}

/*
 * CVE-2022-48949 class: a reply never carries bytes of an earlier
 * message.  RESET's ACK leaves the MAC in words 1-2 and the VF's own
 * message sits in the buffer; the NACK that follows zeroes all of it.
 */
static void test_nack_has_no_stale_words(void **state)
{
	u32 msg[WORDS], reply[WORDS];
	unsigned int i;

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, admin_mac), 0);
	vf_msg(1, MSG(VTNIC_MBX_RESET), 1, reply);
	assert_int_not_equal(reply[1], 0);	/* the MAC is in the buffer */

	for (i = 0; i < WORDS; i++)
		msg[i] = 0x5a5a0000 | i;
	msg[0] = VTNIC_MBX_SET_LPE;
	msg[1] = 1;
	vf_msg(1, msg, WORDS, reply);
	assert_int_equal(reply[0], VTNIC_MBX_SET_LPE | NACK_CTS);
	assert_no_stale_words(reply, 1);

	/* The handler's API says the same of its reply buffer */
	for (i = 0; i < WORDS; i++)
		reply[i] = STALE;
	assert_int_equal(vtnic_iov_rcv_msg(&iov, 1, msg, WORDS, reply), 1);
	assert_int_equal(reply[0], VTNIC_MBX_SET_LPE | NACK_CTS);
	assert_no_stale_words(reply, 1);
}

/* A word 0 carrying ACK or NACK answers the PF: no reply, buffer freed */
static void test_vf_answer_not_replied(void **state)
{
	unsigned int sts;

	(void)state;
	vf_up(1);
	sts = m.sts[1];
	log_clear();
	vf_post(1, MSG(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_ACK), 1);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts);
	assert_false(m.pfu[1]);
	assert_only_mailbox_writes(1);
}

/*
 * A PF control message while a request of the VF waits in its buffer:
 * the request is served, not overwritten, and the message follows once
 * the VF acknowledged the reply.
 */
static void test_control_message_after_request(void **state)
{
	u32 buf[WORDS];

	(void)state;
	vf_up(1);
	vf_post(1, MSG(VTNIC_MBX_SET_LPE, 2000), 2);
	vtnic_iov_set_link(&iov, 1000);		/* pings every VF */
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))), 2000);
	assert_int_equal(R(model_mbx_icr(&m, 1)) & VTNIC_PFMBICR_VFREQ(1), 0);

	model_vf_ack(&m, 1);
	vtnic_iov_service(&iov);
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	assert_false(iov.vf[1].ping_pending);
}

/*
 * The VF's ack of an earlier PF message, still pending when the PF
 * replies to a request, is not taken for the ack of the reply: the
 * control message waiting for that ack does not overwrite the reply
 * before the VF read it.
 */
static void test_stale_ack_not_for_reply(void **state)
{
	unsigned int sts;
	u32 buf[WORDS];

	(void)state;
	vf_up(1);
	vtnic_iov_set_link(&iov, 100);		/* a control message */
	model_vf_ack(&m, 1);			/* acked, not yet serviced */
	vf_post(1, MSG(VTNIC_MBX_SET_LPE, 2000), 2);
	sts = m.sts[1];
	vtnic_iov_set_link(&iov, 1000);		/* served first, then waits */
	assert_true(iov.vf[1].ping_pending);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts + 1);
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_SET_LPE | ACK_CTS);

	model_vf_ack(&m, 1);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts + 2);
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
}

/* VF 1 tries to take its buffer as soon as the PF acknowledged it */
static unsigned int vf1_took_after_ack;

static void vf1_grab_after_ack(struct model *mm, const struct model_write *w)
{
	if (w->reg != VTNIC_P2VMAILBOX(1) || !(w->val & VTNIC_PFMBX_ACK))
		return;
	if (!mm->pfu[1]) {
		mm->vfu[1] = true;
		vf1_took_after_ack++;
	}
}

/*
 * The PF holds the buffer from its ACK of a request to its reply: the VF
 * cannot take it in between, and the reply is posted
 */
static void test_buffer_held_from_ack_to_reply(void **state)
{
	(void)state;
	vf_up(1);
	vf1_took_after_ack = 0;
	m.write_hook = vf1_grab_after_ack;
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 2000),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	m.write_hook = NULL;
	assert_int_equal(vf1_took_after_ack, 0);
}

/*
 * A VF that holds its buffer costs the PF 11 tries, 10 waits between
 * them, not the other VFs
 */
static void test_vf_holding_mailbox(void **state)
{
	unsigned int sts;

	(void)state;
	vf_up(0);
	vf_up(1);
	sts = m.sts[0];
	vf_post(1, MSG(VTNIC_MBX_SET_LPE, 9000), 2);
	vf_post(0, MSG(VTNIC_MBX_SET_LPE, 2000), 2);
	m.vfu[0] = true;			/* and takes VFU again */
	log_clear();
	model_sleeps = 0;
	dev.nr_warn = 0;
	vtnic_iov_service(&iov);

	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);
	assert_int_equal(model_log_count(&m, VTNIC_P2VMAILBOX(0)), VTNIC_MBX_LOCK_TRIES);
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(dev.nr_warn, 1);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(0))),
			 VTNIC_IOV_DEFAULT_FRAME);
	/* VF 1 was served all the same */
	assert_int_equal(R(VTNIC_VMBMEM(1)), VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(FIELD_GET(VTNIC_VMOLR_RLPML, R(VTNIC_VMOLR(1))), 9000);
	m.vfu[0] = false;
}

/*
 * A VF without CTS that rings ACK with its buffer held: the PF tries to
 * tell it to reset once a NACK pace, not at every doorbell, whether the
 * try got the buffer or not
 */
static void test_nack_paced_on_attempt(void **state)
{
	(void)state;
	jiffies += 10 * HZ;
	m.vfu[2] = true;
	model_vf_ack(&m, 2);
	model_sleeps = 0;
	vtnic_iov_service(&iov);
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);

	model_vf_ack(&m, 2);
	model_sleeps = 0;
	vtnic_iov_service(&iov);
	assert_int_equal(model_sleeps, 0);

	jiffies += VTNIC_IOV_NACK_PACE + 1;
	model_vf_ack(&m, 2);
	vtnic_iov_service(&iov);
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);
	m.vfu[2] = false;
}

/*
 * A VF that lets go of its buffer just before the PF's last try is
 * served, and pays for the time the PF waited all the same
 */
static void test_wait_charged_when_released_late(void **state)
{
	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	vf_post(0, MSG(VTNIC_MBX_SET_LPE, 1600), 2);
	m.vfu[0] = true;
	vfu_release_vf = 0;
	vfu_release_after = VTNIC_MBX_LOCK_TRIES - 2;
	model_sleeps = 0;
	vtnic_iov_service(&iov);
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 2);
	assert_int_equal(iov.vf[0].max_frame, 1600);
	/* The request, and a message a millisecond the PF waited */
	assert_int_equal(iov.vf[0].credit,
			 (VTNIC_IOV_MBX_BURST - 1 - (VTNIC_MBX_LOCK_TRIES - 2)) *
			 HZ);
}

/*
 * Every VF holding its buffer with a request posted: between them they
 * cost the PF no more than VTNIC_IOV_WAIT_US_PER_S of waiting a second,
 * and past that each attempt is a single try
 */
static void test_wait_budget_all_vfs(void **state)
{
	unsigned int vf, round, tries;

	(void)state;
	for (vf = 0; vf < NUM_VFS; vf++)
		vf_up(vf);
	jiffies += 10 * HZ;
	model_sleeps = 0;
	for (round = 0; round < 8; round++) {
		for (vf = 0; vf < NUM_VFS; vf++) {
			m.vfu[vf] = false;
			vf_post(vf, MSG(VTNIC_MBX_SET_LPE, 1600), 2);
			m.vfu[vf] = true;
		}
		log_clear();
		vtnic_iov_service(&iov);
	}
	assert_true(model_sleeps * VTNIC_MBX_LOCK_WAIT_US <=
		    VTNIC_IOV_WAIT_US_PER_S);
	/* The last round found the PF's budget spent: one try a VF */
	tries = 0;
	for (vf = 0; vf < NUM_VFS; vf++)
		tries += model_log_count(&m, VTNIC_P2VMAILBOX(vf));
	assert_in_range(tries, 1, NUM_VFS);

	/* A second later the PF waits again */
	jiffies += HZ;
	model_sleeps = 0;
	m.vfu[0] = false;
	vf_post(0, MSG(VTNIC_MBX_SET_LPE, 1600), 2);
	m.vfu[0] = true;
	vtnic_iov_service(&iov);
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);
	for (vf = 0; vf < NUM_VFS; vf++)
		m.vfu[vf] = false;
}

/* ==== 3. a VF reaches its own registers only ==== */

static void set_table_bit(u32 *table, u16 idx)
{
	idx &= 0xfff;
	table[idx >> 5] |= BIT(idx & 31);
}

/*
 * The PF and the two VFs other than @a set up everything @a could
 * trample: VF b1 by the admin (MAC, port VLAN, spoofchk off, trust,
 * rate), VF b2 by its own messages (MAC, VLANs shared with the PF and
 * with what @a will ask for, multicast, jumbo, all-multicast).  @mta and
 * @vfta get the bits they own.
 */
static void populate_others(unsigned int a, u32 *mta, u32 *vfta)
{
	unsigned int b1 = (a + 1) % NUM_VFS, b2 = (a + 2) % NUM_VFS, i;
	const u16 pf_hashes[] = { 0x010, 0x123, 0xfff };
	const u16 b1_hashes[] = { 0x500 };
	const u16 b2_hashes[] = { 0x123, 0x200 + b2, 0x400 };
	const u16 b2_vlans[] = { 20, 30, 40 };
	u32 pf_mta[VTNIC_MTA_REGS] = { 0 };

	for (i = 0; i < ARRAY_SIZE(pf_hashes); i++)
		set_table_bit(pf_mta, pf_hashes[i]);
	vtnic_iov_set_pf_mta(&iov, pf_mta);
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 10, true), 0);
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 20, true), 0);
	vtnic_iov_set_pf_rx(&iov, 1522, false);
	vtnic_iov_set_link(&iov, 1000);

	assert_int_equal(vtnic_iov_set_vf_mac(&iov, b1, admin_mac), 0);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, b1, 100 + b1, 3), 0);
	vtnic_iov_set_vf_spoofchk(&iov, b1, false);
	vtnic_iov_set_vf_trust(&iov, b1, true);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, b1, 0, 200), 0);
	vf_up(b1);
	send_mc(b1, b1_hashes, ARRAY_SIZE(b1_hashes));
	SEND(b1, VTNIC_MBX_SET_LPE, 3000);

	vf_up(b2);
	for (i = 0; i < ARRAY_SIZE(b2_vlans); i++)
		assert_int_equal(send_vlan(b2, true, b2_vlans[i]),
				 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	send_mc(b2, b2_hashes, ARRAY_SIZE(b2_hashes));
	SEND(b2, VTNIC_MBX_SET_LPE, 9000);
	SEND(b2, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));

	memcpy(mta, pf_mta, sizeof(pf_mta));
	for (i = 0; i < ARRAY_SIZE(b1_hashes); i++)
		set_table_bit(mta, b1_hashes[i]);
	for (i = 0; i < ARRAY_SIZE(b2_hashes); i++)
		set_table_bit(mta, b2_hashes[i]);
	memset(vfta, 0, VTNIC_VFTA_REGS * sizeof(u32));
	set_table_bit(vfta, 0);
	set_table_bit(vfta, 10);
	set_table_bit(vfta, 20);
	set_table_bit(vfta, 100 + b1);
	for (i = 0; i < ARRAY_SIZE(b2_vlans); i++)
		set_table_bit(vfta, b2_vlans[i]);

	/* What these set up is really there */
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		assert_int_equal(R(VTNIC_MTA(i)), mta[i]);
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		assert_int_equal(R(VTNIC_VFTA(i)), vfta[i]);
	assert_int_equal(vlvf_pools(20), BIT(PF_POOL) | BIT(b2));
	assert_int_equal(R(VTNIC_VFRE), BIT(PF_POOL) | BIT(b1) | BIT(b2));
	assert_int_equal(R(VTNIC_VFTE), BIT(PF_POOL) | BIT(b1) | BIT(b2));
	assert_int_not_equal(m.bcnrc[b1], 0);
	assert_false(R(VTNIC_DTXSWC) & VTNIC_DTXSWC_MAC_SPOOF(b1));
}

/* Everything VF @a may send: valid, invalid, RESET, its own reset */
static void vf_misbehave(unsigned int a)
{
	unsigned int b1 = (a + 1) % NUM_VFS, b2 = (a + 2) % NUM_VFS, i;
	const u16 hashes[] = { 0x123, 0x200 + b2, 0x300 + a };
	const u16 vlans[] = { 40, 20, 10, 100 + b1 };
	u16 all[VTNIC_MBX_MAX_MC_HASHES];

	vf_up(a);
	send_vlan(a, true, 60);
	send_mc(a, (const u16[]){ 0x600 }, 1);
	SEND(a, VTNIC_MBX_RESET);
	send_mac(a, 0, vf_mac[a], NULL);
	send_mac(a, 0, pf_mac, NULL);
	send_mac(a, 0, vf_mac[b2], NULL);
	send_mac(a, 0, admin_mac, NULL);
	send_mac(a, VTNIC_MBX_MAC_FILTER_ADD, vf_mac[6], NULL);
	send_mc(a, hashes, ARRAY_SIZE(hashes));
	for (i = 0; i < ARRAY_SIZE(vlans); i++)
		send_vlan(a, true, vlans[i]);
	send_vlan(a, true, 50);			/* a fifth */
	for (i = 0; i < ARRAY_SIZE(vlans); i++)
		send_vlan(a, false, vlans[i]);
	send_vlan(a, false, 30);		/* b2's, not a's */
	send_vlan(a, true, 4096);
	send_vlan(a, true, 0xffffffff);
	SEND(a, VTNIC_MBX_SET_LPE, 9000);
	SEND(a, VTNIC_MBX_SET_LPE, 1);
	SEND(a, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));
	SEND(a, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_UNICAST));
	SEND(a, 0x0042, 1, 2, 3);
	SEND(a, VTNIC_MBX_ACK | VTNIC_MBX_NACK | VTNIC_MBX_SET_VLAN, 20);
	SEND(a, VTNIC_MBX_RSVD | VTNIC_MBX_SET_LPE, 9000);
	vf_post(a, MSG(VTNIC_MBX_PF_CONTROL | VTNIC_MBX_ACK), 1);
	vtnic_iov_service(&iov);
	send_mc(a, NULL, 0);
	for (i = 0; i < VTNIC_MBX_MAX_MC_HASHES; i++)
		all[i] = 0x100 * i + a;
	all[0] = 0x123;
	send_mc(a, all, VTNIC_MBX_MAX_MC_HASHES);
	send_vlan(a, true, 20);
	send_vlan(a, true, 60);

	/* Its reset: everything it asked for is forgotten */
	R(VTNIC_VFLRE) |= BIT(a);
	vtnic_iov_service(&iov);
	SEND(a, VTNIC_MBX_SET_LPE, 2000);	/* before RESET */
	R(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFACK(a);	/* an ack, no CTS */
	jiffies += 3 * HZ;
	vtnic_iov_service(&iov);
	SEND(a, VTNIC_MBX_RESET);
	send_mac(a, 0, vf_mac[a], NULL);
	send_vlan(a, true, 20);
}

/* VF @vf's own bits, and the exact filters of its extra addresses */
static u32 vf_owned(unsigned int vf, u32 reg, u32 before, u32 after)
{
	unsigned int k, idx;

	for (k = 0; k < iov.uc_quota; k++) {
		idx = vtnic_iov_vf_uc_rar(&iov, vf, k);
		if (reg == VTNIC_RAL(idx) || reg == VTNIC_RAH(idx))
			return ~0U;
	}
	return model_vf_owned_bits(vf, reg, before, after);
}

static void check_isolation(unsigned int a)
{
	u32 mta[VTNIC_MTA_REGS], vfta[VTNIC_VFTA_REGS];
	unsigned int i;

	start(NUM_VFS);
	populate_others(a, mta, vfta);

	snap = m;
	log_clear();
	vf_misbehave(a);

	assert_pool_isolated(a, vf_owned, VTNIC_POOL_QUEUE(a, 0),
			     VTNIC_POOL_QUEUE(a, 1));
	/* Shared tables: every bit of the PF and the other VFs survives */
	assert_bits_kept(a, "MTA", VTNIC_MTA(0), VTNIC_MTA_REGS, mta);
	assert_bits_kept(a, "VFTA", VTNIC_VFTA(0), VTNIC_VFTA_REGS, vfta);

	/* Not even rewritten with the same value */
	assert_true(m.nr_log <= MODEL_LOG_MAX);
	for (i = 0; i < m.nr_log; i++) {
		if (!vf_owned(a, m.log[i].reg, 0, 0))
			fail_msg("VF %u's messages wrote %#x to register %#x",
				 a, m.log[i].val, m.log[i].reg);
		if (m.log[i].reg == VTNIC_RTTDQSEL &&
		    m.log[i].val != VTNIC_POOL_QUEUE(a, 0) &&
		    m.log[i].val != VTNIC_POOL_QUEUE(a, 1))
			fail_msg("VF %u's messages selected queue %u's rate limiter",
				 a, m.log[i].val);
	}

	/* And once it is back with VLAN 20 only, the tables are the union */
	for (i = 0; i < VTNIC_MTA_REGS; i++)
		assert_int_equal(R(VTNIC_MTA(i)), mta[i]);
	for (i = 0; i < VTNIC_VFTA_REGS; i++)
		assert_int_equal(R(VTNIC_VFTA(i)), vfta[i]);
	assert_rar(vtnic_iov_vf_rar(&iov, a), vf_mac[a], a);
	assert_true(pool_enabled(a));
}

static void test_isolation(void **state)
{
	unsigned int a;

	(void)state;
	for (a = 0; a < NUM_VFS; a++)
		check_isolation(a);
}

/* ==== 4. the admin API ==== */

static void test_admin_vf_mac(void **state)
{
	static const u8 zero[ETH_ALEN];
	static const u8 mcast[ETH_ALEN] = { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 };
	u32 reply[WORDS];

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, admin_mac), 0);
	assert_rar(23, admin_mac, 0);
	vf_up(1);

	log_clear();
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, pf_mac), -EADDRINUSE);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, vf_mac[1]), -EADDRINUSE);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 2, admin_mac), -EADDRINUSE);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, mcast), -EINVAL);
	assert_int_equal(m.nr_log, 0);
	assert_rar(23, admin_mac, 0);

	/* Its own address again is not "in use" */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, vf_mac[1]), 0);
	assert_rar(22, vf_mac[1], 1);

	/* RESET hands the VF the admin's address */
	assert_int_equal(vf_msg(0, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	assert_int_equal(reply[1], 0x0000ad02);
	assert_int_equal(reply[2], 0x0100);

	/* Zero gives the choice back to the VF: RAR invalid */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, zero), 0);
	assert_int_equal(R(VTNIC_RAH(23)), 0);
	assert_false(iov.vf[0].admin_mac);
	assert_int_equal(send_mac(0, 0, vf_mac[0], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_rar(23, vf_mac[0], 0);
}

/* Port VLAN: VMVIR = VID | qos << 13 | always insert, no untagged, VLVF */
static void test_admin_port_vlan(void **state)
{
	(void)state;
	vf_up(1);
	send_vlan(1, true, 7);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_AUPE);

	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 100, 5), 0);
	assert_int_equal(R(VTNIC_VMVIR(1)), 0x4000a064);
	assert_int_equal(R(VTNIC_VMVIR(1)),
			 100 | 5 << 13 | VTNIC_VMVIR_ALWAYS);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_AUPE);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_STRVLAN);
	assert_int_equal(vlvf_pools(100), BIT(1));
	assert_true(vfta_bit(100));
	/* The VLAN the VF had added itself is gone */
	assert_int_equal(vlvf_find(7), -1);
	assert_false(vfta_bit(7));

	/* Another one replaces it */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 200, 0), 0);
	assert_int_equal(R(VTNIC_VMVIR(1)), 200 | VTNIC_VMVIR_ALWAYS);
	assert_int_equal(vlvf_find(100), -1);
	assert_false(vfta_bit(100));
	assert_int_equal(vlvf_pools(200), BIT(1));

	/* VLAN 0 clears it */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 0, 0), 0);
	assert_int_equal(R(VTNIC_VMVIR(1)), 0);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_AUPE);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_STRVLAN);
	assert_int_equal(vlvf_find(200), -1);
	assert_false(vfta_bit(200));
}

/* Anti-spoofing: DTXSWC bits n and 8 + n, on for every VF by default */
static void test_admin_spoofchk(void **state)
{
	(void)state;
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x707);

	vtnic_iov_set_vf_spoofchk(&iov, 1, false);
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x505);
	vf_up(1);				/* a RESET keeps it */
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x505);

	vtnic_iov_set_vf_spoofchk(&iov, 1, true);
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x707);
}

/* Trust lets the VF replace the admin's address, and only that */
static void test_admin_trust(void **state)
{
	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 0, admin_mac), 0);
	vf_up(0);
	vtnic_iov_set_vf_trust(&iov, 0, true);
	assert_int_equal(send_mac(0, 0, vf_mac[0], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
	assert_rar(23, vf_mac[0], 0);

	vtnic_iov_set_vf_trust(&iov, 0, false);
	expect_mac_nack(0, 0, vf_mac[4]);
	assert_rar(23, vf_mac[0], 0);
}

/* Link disable: the pool stops and the VF is told without CTS */
static void test_admin_link_state(void **state)
{
	u32 reply[WORDS];
	unsigned int sts;

	(void)state;
	vf_up(0);
	vf_up(1);
	vf_up(2);
	sts = m.sts[1];

	vtnic_iov_set_vf_link_state(&iov, 1, VTNIC_VF_LINK_DISABLE);
	assert_false(pool_enabled(1));
	assert_true(pool_enabled(0));
	assert_true(pool_enabled(2));
	assert_int_equal(m.sts[1], sts + 1);
	vf_read(1, reply);
	assert_int_equal(reply[0], VTNIC_MBX_PF_CONTROL);
	assert_no_stale_words(reply, 1);

	/* Its replies lose CTS too, and RESET does not restart it */
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1522),
			 VTNIC_MBX_SET_LPE | VTNIC_MBX_ACK);
	SEND(1, VTNIC_MBX_RESET);
	assert_false(pool_enabled(1));

	vtnic_iov_set_vf_link_state(&iov, 1, VTNIC_VF_LINK_AUTO);
	assert_true(pool_enabled(1));
	assert_int_equal(m.sts[1], sts + 4);
	vf_read(1, reply);
	assert_int_equal(reply[0], VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	assert_no_stale_words(reply, 1);

	vtnic_iov_set_vf_link_state(&iov, 1, VTNIC_VF_LINK_DISABLE);
	vtnic_iov_set_vf_link_state(&iov, 1, VTNIC_VF_LINK_ENABLE);
	assert_true(pool_enabled(1));
	assert_int_equal(R(VTNIC_VMBMEM(1)),
			 VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
}

/* Rate: RTTDQSEL selects queue n then n + 8, RTTBCNRC = RS_ENA | factor */
static void test_admin_rate(void **state)
{
	const u32 bcnrc = VTNIC_RTTBCNRC_RS_ENA | 3 << 14 |
			  (1000 - 900) * 16384 / 300;
	const struct {
		u32 reg, val;
	} expect[] = {
		{ VTNIC_RTTDQSEL, 1 }, { VTNIC_RTTBCNRC, bcnrc },
		{ VTNIC_RTTDQSEL, 9 }, { VTNIC_RTTBCNRC, bcnrc },
	};
	unsigned int q;

	(void)state;
	assert_int_equal(bcnrc, 0x8000d555);
	vtnic_iov_set_link(&iov, 1000);
	log_clear();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 300), 0);
	assert_int_equal(m.nr_log, ARRAY_SIZE(expect));
	for (q = 0; q < ARRAY_SIZE(expect); q++) {
		assert_int_equal(m.log[q].reg, expect[q].reg);
		assert_int_equal(m.log[q].val, expect[q].val);
	}
	for (q = 0; q < VTNIC_82576_QUEUES; q++)
		assert_int_equal(m.bcnrc[q], q == 1 || q == 9 ? bcnrc : 0);

	/* It follows the link speed: 100 Mb/s / 50 Mb/s = 2 */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 50), 0);
	assert_int_equal(m.bcnrc[9], VTNIC_RTTBCNRC_RS_ENA | 20 << 14);
	vtnic_iov_set_link(&iov, 100);
	assert_int_equal(m.bcnrc[1], VTNIC_RTTBCNRC_RS_ENA | 2 << 14);
	assert_int_equal(m.bcnrc[9], VTNIC_RTTBCNRC_RS_ENA | 2 << 14);
	vtnic_iov_set_link(&iov, 1000);

	/* 0 lifts it */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 0), 0);
	assert_int_equal(m.bcnrc[1], 0);
	assert_int_equal(m.bcnrc[9], 0);

	/* Above the link speed: refused, nothing written */
	log_clear();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 1001), -EINVAL);
	assert_int_equal(m.nr_log, 0);
}

/*
 * A limit set while the link was down, above the speed it then comes up
 * at, limits nothing: the limiter is off, not given a factor below one
 */
static void test_admin_rate_above_link(void **state)
{
	(void)state;
	vtnic_iov_set_link(&iov, 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 100000), 0);
	vtnic_iov_set_link(&iov, 10);
	assert_int_equal(model_tx_rate(&m, 1, 10), 0);
	assert_int_equal(m.bcnrc[1], 0);
	assert_int_equal(m.bcnrc[9], 0);

	/* Below the link speed it limits again */
	vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 400), 0);
	assert_in_range(model_tx_rate(&m, 1, 1000), 396, 404);
}

/*
 * A port VLAN is all the VF sees: frames to it untagged or priority-tagged
 * (VLAN 0) no longer reach it, as ixgbe revokes VLAN 0
 */
static void test_port_vlan_revokes_vlan0(void **state)
{
	struct model_frame f = { .len = 64, .tagged = true };

	(void)state;
	vf_up(1);
	ether_addr_copy(f.dst, vf_mac[1]);
	assert_int_equal(model_rx_pools(&m, &f), BIT(1));

	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 100, 0), 0);
	assert_int_equal(model_rx_pools(&m, &f), 0);
	f.tagged = false;
	assert_int_equal(model_rx_pools(&m, &f), 0);
	f.tagged = true;
	f.vid = 100;
	assert_int_equal(model_rx_pools(&m, &f), BIT(1));

	/* Without it, VLAN 0 is the VF's again */
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 0, 0), 0);
	f.vid = 0;
	assert_int_equal(model_rx_pools(&m, &f), BIT(1));
}

/* VEPA clears DTXSWC's loopback bit, VEB sets it; a reconfigure keeps it */
static void test_admin_vepa(void **state)
{
	(void)state;
	vtnic_iov_set_vf_spoofchk(&iov, 2, false);
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x303);
	vtnic_iov_set_vepa(&iov, true);
	assert_int_equal(R(VTNIC_DTXSWC), 0x303);
	vtnic_iov_set_vepa(&iov, false);
	assert_int_equal(R(VTNIC_DTXSWC), VTNIC_DTXSWC_VMDQ_LOOPBACK | 0x303);

	vtnic_iov_set_vepa(&iov, true);
	vtnic_iov_configure(&iov);
	assert_false(R(VTNIC_DTXSWC) & VTNIC_DTXSWC_VMDQ_LOOPBACK);
}

/*
 * Three VFs with what a VF and the admin can set: VF 0 its address,
 * VLANs 7 and 8 and multicast 0x123, VF 1 the admin's address and port
 * VLAN 100, VF 2 multicast 0x456 and anti-spoofing off
 */
static void vfs_in_use(void)
{
	vf_up(0);
	send_vlan(0, true, 7);
	send_vlan(0, true, 8);
	send_mc(0, (const u16[]){ 0x123 }, 1);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, admin_mac), 0);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 100, 2), 0);
	vf_up(1);
	vf_up(2);
	send_mc(2, (const u16[]){ 0x456 }, 1);
	vtnic_iov_set_vf_spoofchk(&iov, 2, false);
}

/*
 * After the PF's reset emptied every register, vtnic_iov_configure() and
 * the PF's receive policy give the device back all it did: the PF's pool
 * on, the default pool, VEB, the PF's VLANs and multicast, replicated
 * frames untagged, pools past the PF's accepting nothing; and as each
 * VF's RESET turns its pool on again (forgetting its own VLANs and
 * multicast), what the admin set: address, port VLAN, rate limit,
 * anti-spoofing
 */
static void test_configure_after_pf_reset(void **state)
{
	struct model_frame f = { .len = 64, .tagged = true, .vid = 100 };
	const u8 other[ETH_ALEN] = { 0x02, 0xee, 0, 0, 0, 1 };
	u32 pf_mta[VTNIC_MTA_REGS] = { 0 };
	u8 mc[ETH_ALEN];
	unsigned int p;
	u8 prio;

	(void)state;
	vtnic_iov_set_link(&iov, 1000);
	vfs_in_use();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 300), 0);
	set_table_bit(pf_mta, 0x789);
	vtnic_iov_set_pf_mta(&iov, pf_mta);
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 20, true), 0);
	vtnic_iov_pf_reset_begin(&iov);
	model_reset(&m);
	/* What a larger configuration left in the pools past the PF's */
	for (p = PF_POOL + 1; p < VTNIC_POOLS; p++)
		R(VTNIC_VMOLR(p)) = VTNIC_VMOLR_BAM | VTNIC_VMOLR_AUPE;

	vtnic_iov_configure(&iov);
	vtnic_iov_set_pf_rx(&iov, 1518, false);
	vtnic_iov_pf_reset_done(&iov);
	assert_true(pool_enabled(PF_POOL));
	/* An address nobody has goes to the PF's pool, the default one */
	assert_int_equal(rx_pools(other, -1), BIT(PF_POOL));
	assert_int_equal(rx_pools(other, 20), BIT(PF_POOL));
	assert_int_equal(rx_pools(other, 0), BIT(PF_POOL));
	model_mc_addr(0x789, mc);
	assert_int_equal(rx_pools(mc, -1), BIT(PF_POOL));
	assert_true(model_tx_loopback(&m));
	for (p = PF_POOL + 1; p < VTNIC_POOLS; p++)
		assert_int_equal(R(VTNIC_VMOLR(p)), 0);

	vf_up(0);
	vf_up(1);
	vf_up(2);
	assert_int_equal(rx_pools(vf_mac[0], -1), BIT(0));
	assert_int_equal(rx_pools(admin_mac, 100), BIT(1));
	assert_int_equal(rx_pools(admin_mac, -1), 0);
	assert_int_equal(rx_pools(vf_mac[2], -1), BIT(2));
	assert_int_equal(model_tx_vlan(&m, 1, &prio), 100);
	assert_int_equal(prio, 2);
	assert_in_range(model_tx_rate(&m, 1, 1000), 297, 303);
	assert_int_equal(model_tx_rate(&m, 0, 1000), 0);
	assert_true(model_tx_spoofchk(&m, 0));
	assert_true(model_tx_spoofchk(&m, 1));
	assert_false(model_tx_spoofchk(&m, 2));

	/* A broadcast of its port VLAN reaches VF 1 untagged, as unicast */
	memset(f.dst, 0xff, ETH_ALEN);
	assert_true(model_rx_pools(&m, &f) & BIT(1));
	assert_true(model_rx_strips_tag(&m, 1, &f));
	ether_addr_copy(f.dst, admin_mac);
	assert_true(model_rx_strips_tag(&m, 1, &f));
}

/*
 * vtnic_iov_disable() leaves nothing of the VFs: no pool passes traffic,
 * no filter holds a VF's address, extra address or VLAN, no pool tags
 * its frames or is checked for spoofing, the switch is off; and VFs
 * enabled again, fewer of them, find none of it.  The PF's own filters
 * stay.
 */
static void test_disable(void **state)
{
	unsigned int p, rar = vtnic_iov_vf_uc_rar(&iov, 2, 0);
	unsigned int nr_pf_uc = vtnic_iov_pf_rar_limit(&iov) - 1;
	u8 pf_uc[VTNIC_RAR_ENTRIES][ETH_ALEN], prio;

	(void)state;
	vfs_in_use();
	assert_int_equal(send_mac(2, VTNIC_MBX_MAC_FILTER_ADD, vf_mac[5], NULL),
			 W0(VTNIC_MBX_SET_MAC_ADDR, VTNIC_MBX_MAC_FILTER_ADD) |
			 ACK_CTS);
	assert_true(R(VTNIC_RAH(rar)) & VTNIC_RAH_AV);
	/* The PF's secondary addresses in every filter it has */
	for (p = 0; p < nr_pf_uc; p++)
		memcpy(pf_uc[p], (const u8[ETH_ALEN]){ 2, 0, 0, 0, 0xaa, p },
		       ETH_ALEN);
	vtnic_iov_set_pf_uc(&iov, pf_uc[0], nr_pf_uc);

	vtnic_iov_disable(&iov);
	/* They stay, the PF's */
	for (p = 0; p < nr_pf_uc; p++)
		assert_rar(1 + p, pf_uc[p], PF_POOL);
	assert_int_equal(iov.num_vfs, 0);
	for (p = 0; p < VTNIC_POOLS; p++) {
		assert_false(pool_enabled(p));
		assert_int_equal(model_tx_vlan(&m, p, &prio), 0);
		assert_false(model_tx_spoofchk(&m, p));
	}
	assert_false(model_tx_loopback(&m));
	for (p = 0; p < NUM_VFS; p++)
		assert_false(R(VTNIC_RAH(VTNIC_RAR_ENTRIES - 1 - p)) &
			     VTNIC_RAH_AV);
	assert_false(R(VTNIC_RAH(rar)) & VTNIC_RAH_AV);
	for (p = 0; p < VTNIC_VLVF_ENTRIES; p++)
		assert_false(R(VTNIC_VLVF(p)) & VTNIC_VLVF_ENABLE);
	assert_int_equal(R(VTNIC_VT_CTL), 0);

	/* One VF now: pool 1 is the PF's, and tags nothing */
	vtnic_iov_init(&iov, &hw, &vtnic_82576_iov, 1);
	vtnic_iov_configure(&iov);
	vtnic_iov_set_pf_rx(&iov, 1518, false);
	assert_int_equal(model_tx_vlan(&m, 1, &prio), 0);
	assert_int_equal(rx_pools(vf_mac[5], -1), BIT(1));
	assert_int_equal(rx_pools(admin_mac, -1), BIT(1));
}

/* ==== 5. a VF's reset (FLR or CTRL.RST, seen in VFLRE) ==== */

static void test_vf_flr(void **state)
{
	u32 pf_mta[VTNIC_MTA_REGS] = { 0 };
	u32 reply[WORDS];
	u8 mac[ETH_ALEN];

	(void)state;
	set_table_bit(pf_mta, 0x456);
	vtnic_iov_set_pf_mta(&iov, pf_mta);

	vf_up(0);				/* its own address */
	send_vlan(0, true, 7);
	send_vlan(0, true, 8);
	send_mc(0, (const u16[]){ 0x123, 0x456 }, 2);
	SEND(0, VTNIC_MBX_SET_LPE, 9000);
	SEND(0, W0(VTNIC_MBX_SET_PROMISC, VTNIC_MBX_PROMISC_MULTICAST));

	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, admin_mac), 0);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 1, 100, 2), 0);
	vf_up(1);
	send_mc(1, (const u16[]){ 0x789 }, 1);

	vf_up(2);
	send_mc(2, (const u16[]){ 0x123 }, 1);
	send_vlan(2, true, 8);

	R(VTNIC_VFLRE) |= BIT(0) | BIT(1);
	vtnic_iov_service(&iov);
	assert_int_equal(R(VTNIC_VFLRE), 0);

	/* VF 0 forgot its address, VLANs, multicast, jumbo, all-multi */
	assert_int_equal(R(VTNIC_RAH(23)), 0);
	assert_int_equal(vlvf_find(7), -1);
	assert_false(vfta_bit(7));
	assert_int_equal(vlvf_pools(8), BIT(2));	/* VF 2's still */
	assert_true(vfta_bit(8));
	assert_true(mta_bit(0x123));			/* VF 2's */
	assert_true(mta_bit(0x456));			/* the PF's */
	assert_int_equal(R(VTNIC_VMOLR(0)),
			 VTNIC_VMOLR_BAM | VTNIC_VMOLR_STRCRC | VTNIC_VMOLR_LPE |
			 VTNIC_VMOLR_AUPE | VTNIC_IOV_DEFAULT_FRAME);
	assert_false(pool_enabled(0));
	assert_false(iov.vf[0].cts);

	/* VF 1 keeps what the admin set */
	assert_rar(22, admin_mac, 1);
	assert_int_equal(R(VTNIC_VMVIR(1)), 100 | 2 << 13 | VTNIC_VMVIR_ALWAYS);
	assert_int_equal(vlvf_pools(100), BIT(1));
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_AUPE);
	assert_false(mta_bit(0x789));
	assert_false(pool_enabled(1));

	assert_true(pool_enabled(2));

	/* Nothing but RESET until RESET */
	expect_nack(0, MSG(VTNIC_MBX_SET_LPE, 9000), 2, false);
	assert_false(pool_enabled(0));

	assert_int_equal(SEND(0, VTNIC_MBX_RESET),
			 VTNIC_MBX_RESET | VTNIC_MBX_NACK);
	assert_true(pool_enabled(0));
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	vtnic_mbx_get_mac(&reply[1], mac);
	assert_memory_equal(mac, admin_mac, ETH_ALEN);
	assert_true(pool_enabled(1));
}

/* ==== 6. the PF's own reset ==== */

static void test_pf_reset(void **state)
{
	u32 reply[WORDS];
	unsigned int vf, sts[NUM_VFS];

	(void)state;
	vf_up(0);
	vf_up(1);				/* VF 2 never reset */
	R(VTNIC_CTRL_EXT) = VTNIC_CTRL_EXT_DRV_LOAD;
	for (vf = 0; vf < NUM_VFS; vf++)
		sts[vf] = m.sts[vf];

	vtnic_iov_pf_reset_begin(&iov);
	for (vf = 0; vf < NUM_VFS; vf++) {
		assert_int_equal(m.sts[vf], sts[vf] + 1);
		vf_read(vf, reply);
		assert_int_equal(reply[0], VTNIC_MBX_PF_CONTROL);
		assert_no_stale_words(reply, 1);
		assert_false(iov.vf[vf].cts);
	}
	assert_int_equal(R(VTNIC_VFRE), 0);
	assert_int_equal(R(VTNIC_VFTE), 0);
	assert_int_equal(R(VTNIC_CTRL_EXT), VTNIC_CTRL_EXT_DRV_LOAD);

	/* Until it resets, a VF is not clear to send */
	expect_nack(0, MSG(VTNIC_MBX_SET_LPE, 9000), 2, false);

	vtnic_iov_configure(&iov);
	vtnic_iov_pf_reset_done(&iov);
	assert_int_equal(R(VTNIC_CTRL_EXT),
			 VTNIC_CTRL_EXT_DRV_LOAD | VTNIC_CTRL_EXT_PFRSTD);
	assert_int_equal(R(VTNIC_VFRE), BIT(PF_POOL));

	vf_up(0);
	assert_int_equal(R(VTNIC_VFRE), BIT(PF_POOL) | BIT(0));
	assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 9000),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
}

/*
 * A message the VF posted just before its FLR, serviced after it, is not
 * applied: the reset comes first and the message finds the VF without
 * CTS (the VFLR-during-message race).
 */
static void test_message_racing_flr(void **state)
{
	u32 msg[3] = { W0(VTNIC_MBX_SET_MAC_ADDR, 0) };
	u32 reply[WORDS];

	(void)state;
	vf_up(0);
	vtnic_mbx_put_mac(&msg[1], vf_mac[3]);
	R(VTNIC_VFLRE) |= BIT(0);
	vf_msg(0, msg, 3, reply);
	assert_int_equal(reply[0], W0(VTNIC_MBX_SET_MAC_ADDR, 0) |
			 VTNIC_MBX_NACK);
	assert_int_equal(R(VTNIC_RAH(23)), 0);
	assert_true(is_zero_ether_addr(iov.vf[0].mac));
	assert_false(pool_enabled(0));
}

/* ==== 7. refusals are logged, one line per VF per interval ==== */

static void test_refusal_log_rate_limited(void **state)
{
	unsigned int i;
	u64 nacks;

	(void)state;
	vf_up(0);
	vf_up(1);
	dev.nr_warn = 0;
	dev.warnings[0] = 0;
	nacks = iov.vf[0].nacks;

	for (i = 0; i < 50; i++)
		assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 0),
				 VTNIC_MBX_SET_LPE | NACK_CTS);
	assert_int_equal(dev.nr_warn, 1);
	assert_int_equal(iov.vf[0].nacks, nacks + 50);

	/* Another VF has its own interval */
	SEND(1, VTNIC_MBX_SET_LPE, 0);
	assert_int_equal(dev.nr_warn, 2);

	/* The next interval's line carries the count of the ones not logged */
	jiffies += VTNIC_IOV_LOG_INTERVAL + 1;
	dev.warnings[0] = 0;
	SEND(0, VTNIC_MBX_SET_LPE, 0);
	assert_int_equal(dev.nr_warn, 3);
	assert_non_null(strstr(dev.warnings, "(49 more refusals not logged)"));

	/* And quiet again within the new interval */
	SEND(0, VTNIC_MBX_SET_LPE, 0);
	assert_int_equal(dev.nr_warn, 3);
}

/* ==== 8. the mailbox budget: a burst, then a steady rate ==== */

/* The ticks that earn one message */
#define TICKS_PER_MSG	DIV_ROUND_UP(HZ, VTNIC_IOV_MBX_RATE)

/*
 * The PF's mailbox work: returns the ticks until it must run again for a
 * request that waits for its VF's budget, 0 when none waits
 */
static unsigned long service(void)
{
	return vtnic_iov_service(&iov);
}

/* A request of @vf waits for its budget */
static bool waiting(unsigned int vf)
{
	return iov.vf[vf].req_deferred;
}

static u64 deferred(unsigned int vf)
{
	return iov.vf[vf].deferred;
}

/*
 * VF @vf posts @msg and the PF's service runs.  Past the budget the
 * request waits: no ACK, no reply, nothing written but the service's own
 * MBVFICR clear, and the buffer stays the VF's, the request in it.
 * Returns whether it waits (false: answered at once).
 */
static bool post_deferred(unsigned int vf, const u32 *msg, unsigned int words)
{
	unsigned int sts = m.sts[vf], acks = m.acks[vf], i;

	log_clear();
	vf_post(vf, msg, words);
	service();
	if (m.acks[vf] != acks) {
		assert_int_equal(m.sts[vf], sts + 1);
		assert_false(waiting(vf));
		return false;
	}
	assert_int_equal(m.sts[vf], sts);
	assert_true(waiting(vf));
	assert_false(m.pfu[vf]);
	for (i = 0; i < m.nr_log; i++)
		assert_int_equal(m.log[i].reg, VTNIC_MBVFICR);
	for (i = 0; i < words; i++)
		assert_int_equal(R(model_mbx_mem(&m, vf, i)), msg[i]);
	return true;
}

#define POST_DEFERRED(vf, ...) \
	post_deferred(vf, MSG(__VA_ARGS__), NWORDS(__VA_ARGS__))

/* The delayed work: run again when the service said, with nothing new */
static unsigned long service_when_due(void)
{
	unsigned long wait = service();

	assert_in_range(wait, 1, TICKS_PER_MSG);
	jiffies += wait;
	return service();
}

/* Spend all of @vf's budget at once, after a refill */
static void spend_burst(unsigned int vf)
{
	unsigned int i;

	for (i = 0; i < VTNIC_IOV_MBX_BURST; i++)
		assert_int_equal(SEND(vf, VTNIC_MBX_SET_LPE, 1518),
				 VTNIC_MBX_SET_LPE | ACK_CTS);
}

static void test_mbx_budget_burst_then_rate(void **state)
{
	unsigned int sts, i;
	u32 buf[WORDS];

	(void)state;
	vf_up(0);
	vf_up(1);
	/* Refill both after the bring-up, then spend VF 0's whole burst */
	jiffies += 10 * HZ;
	spend_burst(0);
	dev.nr_warn = 0;
	dev.warnings[0] = 0;
	sts = m.sts[0];
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1600));
	/* A new post replaces what waited: one request, one line */
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1700));
	assert_int_equal(deferred(0), 1);
	assert_int_equal(dev.nr_warn, 1);
	/* Its state is what the last answered message left */
	assert_int_equal(iov.vf[0].max_frame, 1518);

	/* The other VF is served as before */
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 2000),
			 VTNIC_MBX_SET_LPE | ACK_CTS);

	/* One message's worth of time buys exactly one message */
	jiffies += TICKS_PER_MSG - 1;
	assert_int_equal(service(), 1);
	assert_int_equal(m.sts[0], sts);
	jiffies += 1;
	assert_int_equal(service(), 0);
	assert_int_equal(m.sts[0], sts + 1);
	assert_false(waiting(0));
	vf_read(0, buf);
	assert_int_equal(buf[0], VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(iov.vf[0].max_frame, 1700);
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1518));

	/* A long quiet spell refills the burst, and no more than it */
	jiffies += 100 * HZ;
	assert_int_equal(service(), 0);
	assert_int_equal(m.sts[0], sts + 2);
	for (i = 1; i < VTNIC_IOV_MBX_BURST; i++)
		assert_false(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1518));
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1518));
}

/* How many of VF @vf's posts are answered before one waits */
static unsigned int posts_until_deferred(unsigned int vf)
{
	unsigned int n;

	for (n = 0; !POST_DEFERRED(vf, VTNIC_MBX_SET_LPE, 1518); n++)
		assert_true(n <= VTNIC_IOV_MBX_BURST);
	return n;
}

/*
 * The refill at its bounds: a message's worth of time after one message
 * refills the burst and no more; a tick short of a whole burst's worth
 * after an empty budget refills what that time buys, not the burst
 */
static void test_mbx_budget_refill_bounds(void **state)
{
	const unsigned long full = VTNIC_IOV_MBX_BURST * HZ / VTNIC_IOV_MBX_RATE;

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 1518),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	jiffies += TICKS_PER_MSG;
	assert_int_equal(posts_until_deferred(0), VTNIC_IOV_MBX_BURST);

	/* (full - 1) * RATE buys 63 messages and 218/250 of one */
	jiffies += full - 1;
	assert_int_equal(service(), 0);		/* the waiting one, first */
	assert_int_equal(posts_until_deferred(0),
			 ((full - 1) * VTNIC_IOV_MBX_RATE - HZ) / HZ);
}

/*
 * The PF's waiting budget, refilled to full within the second, still
 * buys all VTNIC_MBX_LOCK_TRIES tries when what is left is exactly their
 * waits, and one try once less is left
 */
static void test_wait_budget_refill_bounds(void **state)
{
	const unsigned int per_try = (VTNIC_MBX_LOCK_TRIES - 1) *
				     VTNIC_MBX_LOCK_WAIT_US;
	unsigned int i;

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	m.vfu[0] = true;			/* VF 0 holds its buffer */
	model_sleeps = 0;
	vtnic_iov_set_link(&iov, 1000);		/* a control message: refused */
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);
	/* Within the second, back to full exactly */
	jiffies += DIV_ROUND_UP(per_try, VTNIC_IOV_WAIT_US_PER_S / HZ);
	for (i = 0; i < VTNIC_IOV_WAIT_US_PER_S / per_try - 1; i++)
		vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(iov.wait_credit_us, per_try);
	model_sleeps = 0;
	vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(model_sleeps, VTNIC_MBX_LOCK_TRIES - 1);
	model_sleeps = 0;
	vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(model_sleeps, 0);

	/* A tick short of a second after it was spent: not yet full */
	assert_int_equal(iov.wait_credit_us, 0);
	jiffies += HZ - 1;
	for (i = 0; i < VTNIC_IOV_WAIT_US_PER_S / per_try - 1; i++)
		vtnic_iov_set_link(&iov, 1000);
	model_sleeps = 0;
	vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(model_sleeps, 0);
	m.vfu[0] = false;
}

/* The service says when the first waiting request may be served */
static void test_mbx_budget_service_says_when(void **state)
{
	unsigned int sts0, sts1;

	(void)state;
	vf_up(0);
	vf_up(1);
	jiffies += 10 * HZ;
	assert_int_equal(service(), 0);

	spend_burst(0);
	sts0 = m.sts[0];
	vf_post(0, MSG(VTNIC_MBX_SET_LPE, 1600), 2);
	assert_int_equal(service(), TICKS_PER_MSG);
	jiffies += 3;
	assert_int_equal(service(), TICKS_PER_MSG - 3);

	/* VF 1 waits too, from later: VF 0's turn is still the first */
	spend_burst(1);
	sts1 = m.sts[1];
	vf_post(1, MSG(VTNIC_MBX_SET_LPE, 1700), 2);
	assert_int_equal(service(), TICKS_PER_MSG - 3);
	jiffies += TICKS_PER_MSG - 3;
	assert_int_equal(service(), 3);
	assert_int_equal(m.sts[0], sts0 + 1);
	assert_int_equal(m.sts[1], sts1);
	jiffies += 3;
	assert_int_equal(service(), 0);
	assert_int_equal(m.sts[1], sts1 + 1);
	assert_int_equal(iov.vf[0].max_frame, 1600);
	assert_int_equal(iov.vf[1].max_frame, 1700);
}

/*
 * An honest VF changes VLANs faster than its budget: each request waits
 * for the previous reply, as igbvf and ixgbevf do.  Every request is
 * answered, the ones past the burst late but within one message's worth
 * of time (well within the VF's timeout), the PF handles no more than the
 * rate in any second after the burst, and the other VF is answered at
 * once throughout.
 */
#define HONEST_REQS	200

static void test_mbx_budget_honest_burst(void **state)
{
	unsigned int per_second[HONEST_REQS] = {}, i;
	unsigned long t0 = 0, t1, seconds;
	u32 buf[WORDS];

	(void)state;
	vf_up(0);
	vf_up(1);
	jiffies += 10 * HZ;
	t1 = jiffies;
	dev.nr_warn = 0;
	for (i = 0; i < HONEST_REQS; i++) {
		unsigned int sts = m.sts[0];
		unsigned long posted = jiffies, wait;
		bool add = !(i & 1);

		log_clear();
		vf_post(0, MSG(W0(VTNIC_MBX_SET_VLAN, add), 100 + i / 2), 2);
		wait = service();
		while (m.sts[0] == sts) {
			/* The delayed work comes back when the PF says */
			assert_in_range(jiffies + wait - posted, 1, TICKS_PER_MSG);
			jiffies += wait;
			if (jiffies - t1 >= HZ) {
				t1 = jiffies;
				assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1518),
						 VTNIC_MBX_SET_LPE | ACK_CTS);
			}
			wait = service();
		}
		vf_read(0, buf);
		assert_int_equal(buf[0], W0(VTNIC_MBX_SET_VLAN, add) | ACK_CTS);
		if (i < VTNIC_IOV_MBX_BURST) {
			/* The burst is answered at once */
			assert_int_equal(jiffies, posted);
			t0 = jiffies;
			continue;
		}
		per_second[(jiffies - t0) / HZ]++;
		assert_in_range(per_second[(jiffies - t0) / HZ], 1,
				VTNIC_IOV_MBX_RATE);
	}
	/* Each past the burst waited once, and the rate was all used */
	assert_int_equal(deferred(0), HONEST_REQS - VTNIC_IOV_MBX_BURST);
	assert_in_range(jiffies - t0, 0,
			DIV_ROUND_UP((HONEST_REQS - VTNIC_IOV_MBX_BURST) * HZ,
				     VTNIC_IOV_MBX_RATE));
	seconds = (jiffies - t0) / HZ + 1;
	assert_in_range(dev.nr_warn, 1, seconds);
	assert_int_equal(iov.vf[0].nr_vlans, 0);
	assert_false(waiting(0));
	assert_int_equal(service(), 0);
	/* A burst, however long it waited, is no flood */
	assert_int_equal(iov.vf[0].quarantines, 0);
}

/* A sustained flood is served at the rate and logged once per interval */
static void test_mbx_budget_flood(void **state)
{
	unsigned int i, sts, served, seconds = 10;
	unsigned long t0;
	u64 nacks1;

	(void)state;
	vf_up(0);
	vf_up(1);
	nacks1 = iov.vf[1].nacks;
	jiffies += 10 * HZ;
	t0 = jiffies;
	dev.nr_warn = 0;
	iov.vf[0].nacks = 0;
	sts = m.sts[0];
	/* 100 messages per tick, 25000 a second, for ten seconds */
	for (i = 0; jiffies - t0 < seconds * HZ; i++) {
		u32 w0 = W0(0x7f, i & 0x7f);	/* no dialect has it */

		post_deferred(0, &w0, 1);
		if (i % 100 == 99) {
			jiffies++;
			/* VF 1 still gets every answer, at once */
			if (!(jiffies % HZ))
				assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1518),
						 VTNIC_MBX_SET_LPE | ACK_CTS);
		}
	}
	/* Once the flood stops, the one it left waiting is answered, late */
	if (waiting(0))
		assert_int_equal(service_when_due(), 0);
	assert_false(waiting(0));
	served = m.sts[0] - sts;
	assert_int_equal(served, iov.vf[0].nacks);
	assert_in_range(served, VTNIC_IOV_MBX_BURST + seconds * VTNIC_IOV_MBX_RATE - 1,
			VTNIC_IOV_MBX_BURST + seconds * VTNIC_IOV_MBX_RATE + 1);
	/* Every one past the burst had waited */
	assert_int_equal(deferred(0), served - VTNIC_IOV_MBX_BURST);
	/* One line per second, the VF's alone */
	assert_in_range(dev.nr_warn, seconds, seconds + 1);
	assert_int_equal(iov.vf[1].nacks, nacks1);
}

/* A VF that keeps its buffer locked pays for the PF's waiting */
static void test_mbx_budget_locked_buffer(void **state)
{
	unsigned int i, sts, tries = 0;

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	for (i = 0; i < VTNIC_IOV_MBX_BURST; i++) {
		vf_post(0, MSG(VTNIC_MBX_SET_LPE, 1600), 2);
		m.vfu[0] = true;
		model_sleeps = 0;
		service();
		m.vfu[0] = false;
		if (model_sleeps)
			tries++;
	}
	/* Each attempt waits VTNIC_MBX_LOCK_TRIES ms and costs as many */
	assert_int_equal(tries, DIV_ROUND_UP(VTNIC_IOV_MBX_BURST,
					     VTNIC_MBX_LOCK_TRIES));
	assert_int_equal(iov.vf[0].max_frame, VTNIC_IOV_DEFAULT_FRAME);
	/* Past the budget the PF does not try: the request waits */
	assert_true(waiting(0));

	/* Let go, it is served when the budget allows */
	sts = m.sts[0];
	assert_int_equal(service_when_due(), 0);
	assert_int_equal(m.sts[0], sts + 1);
	assert_int_equal(iov.vf[0].max_frame, 1600);
}

/*
 * Its own FLR does not give a VF a fresh budget, and the request that
 * waited is not applied after it
 */
static void test_mbx_budget_kept_over_flr(void **state)
{
	unsigned int i, sts;

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	for (i = 0; i < VTNIC_IOV_MBX_BURST; i++)
		assert_int_equal(SEND(0, VTNIC_MBX_RESET) & ~VTNIC_MBX_CTS,
				 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1600));
	sts = m.sts[0];
	R(VTNIC_VFLRE) = BIT(0);
	assert_int_equal(service(), 0);
	assert_false(iov.vf[0].cts);
	assert_false(waiting(0));
	jiffies += TICKS_PER_MSG;
	assert_int_equal(service(), 0);
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(iov.vf[0].max_frame, VTNIC_IOV_DEFAULT_FRAME);

	/* One message earned since, not a new burst */
	assert_false(POST_DEFERRED(0, VTNIC_MBX_RESET));
	assert_true(iov.vf[0].cts);
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1600));
}

/*
 * A PF control message while a request waits for the VF's budget: the
 * request stays in the buffer and is answered when the budget allows,
 * and the message follows the VF's acknowledgement of the reply
 */
static void test_mbx_budget_control_message_waits(void **state)
{
	unsigned int sts;
	u32 buf[WORDS];

	(void)state;
	vf_up(1);
	jiffies += 10 * HZ;
	spend_burst(1);
	sts = m.sts[1];
	assert_true(POST_DEFERRED(1, VTNIC_MBX_SET_LPE, 2000));
	vtnic_iov_set_link(&iov, 1000);		/* pings every VF */
	assert_int_equal(m.sts[1], sts);
	assert_int_equal(R(VTNIC_VMBMEM(1)), VTNIC_MBX_SET_LPE);
	assert_true(waiting(1));

	assert_int_equal(service_when_due(), 0);
	assert_int_equal(m.sts[1], sts + 1);
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(iov.vf[1].max_frame, 2000);

	model_vf_ack(&m, 1);
	service();
	vf_read(1, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL | VTNIC_MBX_CTS);
	assert_false(iov.vf[1].ping_pending);
}

/*
 * The PF's reset tells every VF to reset, over a request that waits:
 * nothing of it is applied afterwards
 */
static void test_mbx_budget_pf_reset_forgets(void **state)
{
	unsigned int sts;
	u32 buf[WORDS];

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	spend_burst(0);
	assert_true(POST_DEFERRED(0, VTNIC_MBX_SET_LPE, 1600));
	vtnic_iov_pf_reset_begin(&iov);
	assert_false(waiting(0));
	vf_read(0, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL);
	vtnic_iov_configure(&iov);
	vtnic_iov_pf_reset_done(&iov);

	sts = m.sts[0];
	jiffies += TICKS_PER_MSG;
	assert_int_equal(service(), 0);
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(iov.vf[0].max_frame, 1518);
}

/*
 * A VF without CTS is told so by a bare NACK when it acks, but not over a
 * request of its own that waits: that request gets its own answer
 */
static void test_mbx_budget_no_nack_over_waiting(void **state)
{
	unsigned int i, sts;
	u32 buf[WORDS];

	(void)state;
	vf_up(0);
	R(VTNIC_VFLRE) = BIT(0);
	service();
	assert_false(iov.vf[0].cts);
	/* Past the NACK pace, with the budget spent on refused messages */
	jiffies += VTNIC_IOV_NACK_PACE + 1;
	for (i = 0; i < VTNIC_IOV_MBX_BURST; i++)
		assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 1518),
				 VTNIC_MBX_SET_LPE | VTNIC_MBX_NACK);
	sts = m.sts[0];
	assert_true(POST_DEFERRED(0, VTNIC_MBX_RESET));
	model_vf_ack(&m, 0);
	service();
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(R(VTNIC_VMBMEM(0)), VTNIC_MBX_RESET);

	assert_int_equal(service_when_due(), 0);
	assert_int_equal(m.sts[0], sts + 1);
	vf_read(0, buf);
	assert_int_equal(buf[0] & ~VTNIC_MBX_CTS, VTNIC_MBX_RESET | VTNIC_MBX_NACK);
}

/* ==== the rest of the transport ==== */

/* A VF that acks while not clear to send is told so, every 2 s at most */
static void test_ack_without_cts_paced(void **state)
{
	unsigned int sts = m.sts[1];

	(void)state;
	R(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFACK(1);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts + 1);
	assert_int_equal(R(VTNIC_VMBMEM(1)), VTNIC_MBX_NACK);

	jiffies += VTNIC_IOV_NACK_PACE;
	R(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFACK(1);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts + 1);
	assert_int_equal(R(VTNIC_MBVFICR), 0);

	jiffies += 1;
	R(VTNIC_MBVFICR) |= VTNIC_MBVFICR_VFACK(1);
	vtnic_iov_service(&iov);
	assert_int_equal(m.sts[1], sts + 2);
}

/* With SR-IOV off, a late mailbox interrupt touches nothing */
static void test_service_without_vfs(void **state)
{
	(void)state;
	vtnic_iov_disable(&iov);
	R(VTNIC_VFLRE) = BIT(0);
	R(VTNIC_MBVFICR) = VTNIC_MBVFICR_VFREQ(0);
	log_clear();
	vtnic_iov_service(&iov);
	assert_int_equal(m.nr_log, 0);
}

/*
 * ==== 5. the ixgbe dialect, over the same policy and registers (the
 * dialect is the VF driver family's, not the MAC's) ====
 */

static void ixgbe(void)
{
	iov.dialect = &vtnic_mbx_ixgbe;
}

/* ixgbevf reads four words back from RESET, ACK or NACK: none stale */
static void test_ixgbe_reset_reply(void **state)
{
	u32 reply[WORDS];
	u8 mac[ETH_ALEN];

	(void)state;
	ixgbe();
	vf_post(0, MSG(VTNIC_MBX_RESET), 1);
	R(VTNIC_VMBMEM(0) + 12) = STALE;	/* the type word of an old reply */
	vtnic_iov_service(&iov);
	vf_read(0, reply);
	assert_int_equal(reply[0], VTNIC_MBX_RESET | VTNIC_MBX_NACK);
	assert_no_stale_words(reply, 1);

	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 1, admin_mac), 0);
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_RESET), 1, reply),
			 VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	vtnic_mbx_get_mac(&reply[1], mac);
	assert_memory_equal(mac, admin_mac, ETH_ALEN);
	assert_int_equal(reply[3], 0);	/* multicast filter type 0 */
	assert_no_stale_words(reply, 3);
}

/* API versions: 1.0 to 1.4 accepted, 2.0 and 1.5 on refused; each RESET
 * goes back to 1.0, and a message newer than the version is refused */
static void test_ixgbe_api_negotiate(void **state)
{
	u32 reply[WORDS];

	(void)state;
	ixgbe();
	vf_up(0);
	EXPECT_NACK(0, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	EXPECT_NACK(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_15, 0);
	EXPECT_NACK(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_20, 0);
	EXPECT_NACK(0, VTNIC_MBX_API_NEGOTIATE, 0xffffffff, 0);
	assert_int_equal(SEND(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_11, 0),
			 VTNIC_MBX_API_NEGOTIATE | ACK_CTS);
	assert_int_equal(vf_msg(0, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5,
				reply), VTNIC_MBX_GET_QUEUES | ACK_CTS);
	assert_int_equal(reply[VTNIC_MBX_Q_TX], VTNIC_POOL_QUEUES);
	assert_int_equal(reply[VTNIC_MBX_Q_RX], VTNIC_POOL_QUEUES);
	assert_int_equal(reply[VTNIC_MBX_Q_TRANS_VLAN], 0);
	assert_int_equal(reply[VTNIC_MBX_Q_DEF], 0);
	assert_no_stale_words(reply, VTNIC_MBX_Q_WORDS);
	/* 1.2 messages want 1.2 */
	EXPECT_NACK(0, VTNIC_MBX_GET_LINK_STATE, 0);
	assert_int_equal(SEND(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_14, 0),
			 VTNIC_MBX_API_NEGOTIATE | ACK_CTS);
	assert_int_equal(vf_msg(0, MSG(VTNIC_MBX_GET_LINK_STATE, 0), 2, reply),
			 VTNIC_MBX_GET_LINK_STATE | ACK_CTS);
	assert_int_equal(reply[1], 1);
	/* a reset starts over at 1.0 */
	vf_up(0);
	EXPECT_NACK(0, VTNIC_MBX_GET_LINK_STATE, 0);
	/* igbvf negotiates nothing: the igb dialect has no such message */
	iov.dialect = &vtnic_mbx_igb;
	EXPECT_NACK(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_10, 0);
}

/* A port VLAN tells ixgbevf the PF inserts the tag (TRANS_VLAN) */
static void test_ixgbe_get_queues_port_vlan(void **state)
{
	u32 reply[WORDS];

	(void)state;
	ixgbe();
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, 2, 100, 0), 0);
	vf_up(2);
	SEND(2, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_13, 0);
	vf_msg(2, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5, reply);
	assert_int_equal(reply[VTNIC_MBX_Q_TRANS_VLAN], 1);
}

/* Receive modes: multicast hashes or none; every multicast if trusted */
static void test_ixgbe_xcast_mode(void **state)
{
	static const u16 hashes[] = { 0x123 };
	u32 reply[WORDS];

	(void)state;
	ixgbe();
	vf_up(1);
	SEND(1, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_12, 0);
	send_mc(1, hashes, 1);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);

	/* untrusted: ALLMULTI is MULTI, and says so */
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_UPDATE_XCAST_MODE,
				       VTNIC_MBX_XCAST_ALLMULTI), 2, reply),
			 VTNIC_MBX_UPDATE_XCAST_MODE | ACK_CTS);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_MULTI);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);

	vtnic_iov_set_vf_trust(&iov, 1, true);
	vf_up(1);
	SEND(1, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_12, 0);
	send_mc(1, hashes, 1);
	vf_msg(1, MSG(VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_ALLMULTI),
	       2, reply);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_ALLMULTI);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);

	/* NONE: broadcast only, its hashes no more */
	vf_msg(1, MSG(VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_NONE), 2,
	       reply);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);

	/* every unicast frame: unknown at 1.2, not offered to the trusted */
	EXPECT_NACK(1, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	EXPECT_NACK(1, VTNIC_MBX_UPDATE_XCAST_MODE, 0x80000000);
	SEND(1, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_13, 0);
	EXPECT_NACK(1, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	/* revoking trust takes every multicast away at once */
	vf_msg(1, MSG(VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_ALLMULTI),
	       2, reply);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	vtnic_iov_set_vf_trust(&iov, 1, false);
	assert_false(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_MPME);
	/* an untrusted VF's PROMISC is MULTI, as on ixgbe */
	assert_int_equal(vf_msg(1, MSG(VTNIC_MBX_UPDATE_XCAST_MODE,
				       VTNIC_MBX_XCAST_PROMISC), 2, reply),
			 VTNIC_MBX_UPDATE_XCAST_MODE | ACK_CTS);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_MULTI);
	/* a reset gives the hashes back their say */
	vf_up(1);
	send_mc(1, hashes, 1);
	assert_true(R(VTNIC_VMOLR(1)) & VTNIC_VMOLR_ROMPE);
}

/* Extra unicast addresses: clearing them is fine, adding one refused */
static void test_ixgbe_macvlan(void **state)
{
	(void)state;
	ixgbe();
	vf_up(0);
	assert_int_equal(SEND(0, W0(VTNIC_MBX_SET_MACVLAN, 0), 0, 0),
			 W0(VTNIC_MBX_SET_MACVLAN, 0) | ACK_CTS);
	/* The same extra address as igb's MAC_FILTER_ADD, in the same RAR */
	assert_int_equal(SEND(0, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002,
			      0x0100), W0(VTNIC_MBX_SET_MACVLAN, 1) | ACK_CTS);
	assert_rar(vtnic_iov_vf_uc_rar(&iov, 0, 0),
		   (const u8[ETH_ALEN]){ 2, 0, 0, 0, 0, 1 }, 0);
	/* RSS table and key: no VF may query them */
	SEND(0, VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_12, 0);
	EXPECT_NACK(0, VTNIC_MBX_GET_RETA);
	EXPECT_NACK(0, VTNIC_MBX_GET_RSS_KEY);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, harness_teardown)

/* ==== quarantine ==== */

/*
 * VF @vf posts 10 requests a tick until it is quarantined; returns the
 * jiffies that took, after a log line that says so
 */
static unsigned long flood_until_quarantined(unsigned int vf)
{
	unsigned long t0 = jiffies;
	unsigned int i;

	for (i = 0; !iov.vf[vf].quarantined; i++) {
		dev.warnings[0] = 0;
		log_clear();
		vf_post(vf, MSG(VTNIC_MBX_SET_LPE, 1518), 2);
		service();
		if (i % 10 == 9)
			jiffies++;
		assert_true(jiffies - t0 <= (VTNIC_IOV_QUARANTINE_S + 1) * HZ);
	}
	assert_non_null(strstr(dev.warnings, "quarantined"));
	return jiffies - t0;
}

/*
 * A VF over its budget VTNIC_IOV_QUARANTINE_S on end is quarantined then,
 * not before: its pool stops (VFRE, VFTE) and its mailbox is ignored,
 * what it posts left in its buffer unread and unanswered, for as long as
 * it takes.  The other VF is served throughout.  Its FLR ends it.
 */
static void test_quarantine_flood(void **state)
{
	unsigned int sts;

	(void)state;
	vf_up(0);
	vf_up(1);
	jiffies += 10 * HZ;
	assert_true(pool_enabled(0));
	assert_true(flood_until_quarantined(0) >= VTNIC_IOV_QUARANTINE_S * HZ);
	assert_int_equal(iov.vf[0].quarantines, 1);
	assert_false(pool_enabled(0));
	assert_true(pool_enabled(1));

	sts = m.sts[0];
	log_clear();
	vf_post(0, MSG(VTNIC_MBX_SET_LPE, 9000), 2);
	jiffies += 60 * HZ;
	service();
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(model_log_count(&m, VTNIC_P2VMAILBOX(0)), 0);
	assert_true(iov.vf[0].ignored > 0);
	assert_int_equal(iov.vf[0].max_frame, 1518);
	/* No PF message for it either */
	vtnic_iov_set_link(&iov, 100);
	assert_int_equal(m.sts[0], sts);
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1518),
			 VTNIC_MBX_SET_LPE | ACK_CTS);

	R(VTNIC_VFLRE) |= BIT(0);
	service();
	assert_false(iov.vf[0].quarantined);
	vf_up(0);
	assert_true(pool_enabled(0));
	assert_int_equal(iov.vf[0].quarantines, 1);
}

/*
 * The admin setting its trust, on or off, ends it too.  The VF's driver
 * missed what happened meanwhile: it is told to start over (a control
 * message without CTS), and until its RESET it gets no CTS and its pool
 * stays stopped.
 */
static void test_quarantine_ended_by_trust(void **state)
{
	unsigned int sts;
	u32 buf[WORDS];

	(void)state;
	vf_up(0);
	jiffies += 10 * HZ;
	flood_until_quarantined(0);
	sts = m.sts[0];
	vtnic_iov_set_vf_trust(&iov, 0, false);
	assert_false(iov.vf[0].quarantined);
	assert_false(pool_enabled(0));
	assert_int_equal(m.sts[0], sts + 1);
	vf_read(0, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL);
	assert_no_stale_words(buf, 1);
	jiffies += 10 * HZ;
	assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 1600),
			 VTNIC_MBX_SET_LPE | VTNIC_MBX_NACK);
	vf_up(0);
	assert_true(pool_enabled(0));
	assert_int_equal(SEND(0, VTNIC_MBX_SET_LPE, 1600),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	/* A second flood, a second quarantine */
	flood_until_quarantined(0);
	assert_int_equal(iov.vf[0].quarantines, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_reset_without_mac),
		T(test_reset_with_mac),
		T(test_set_mac_addr),
		T(test_set_multicast),
		T(test_set_vlan),
		T(test_set_lpe),
		T(test_set_promisc_multicast),
		T(test_malformed_word0),
		T(test_unknown_opcode),
		T(test_before_reset),
		T(test_set_mac_invalid),
		T(test_pf_secondary_addresses),
		T(test_set_mac_admin_locked_unless_trusted),
		T(test_set_multicast_too_many),
		T(test_set_vlan_out_of_range),
		T(test_set_vlan_with_port_vlan),
		T(test_set_vlan_limits),
		T(test_set_vlan_host_reserve),
		T(test_port_vlan_full_table),
		T(test_set_lpe_out_of_range),
		T(test_set_promisc_unicast),
		T(test_mac_filter_add),
		T(test_vf_extra_uc_taken_as_own),
		T(test_nack_has_no_stale_words),
		T(test_vf_answer_not_replied),
		T(test_control_message_after_request),
		T(test_stale_ack_not_for_reply),
		T(test_buffer_held_from_ack_to_reply),
		T(test_vf_holding_mailbox),
		T(test_isolation),
		T(test_admin_vf_mac),
		T(test_admin_port_vlan),
		T(test_admin_spoofchk),
		T(test_admin_trust),
		T(test_admin_link_state),
		T(test_admin_rate),
		T(test_admin_rate_above_link),
		T(test_port_vlan_revokes_vlan0),
		T(test_admin_vepa),
		T(test_configure_after_pf_reset),
		T(test_disable),
		T(test_vf_flr),
		T(test_pf_reset),
		T(test_message_racing_flr),
		T(test_refusal_log_rate_limited),
		T(test_mbx_budget_burst_then_rate),
		T(test_mbx_budget_refill_bounds),
		T(test_wait_budget_refill_bounds),
		T(test_mbx_budget_service_says_when),
		T(test_mbx_budget_honest_burst),
		T(test_mbx_budget_flood),
		T(test_mbx_budget_locked_buffer),
		T(test_nack_paced_on_attempt),
		T(test_wait_charged_when_released_late),
		T(test_wait_budget_all_vfs),
		T(test_mbx_budget_kept_over_flr),
		T(test_mbx_budget_control_message_waits),
		T(test_mbx_budget_pf_reset_forgets),
		T(test_mbx_budget_no_nack_over_waiting),
		T(test_quarantine_flood),
		T(test_quarantine_ended_by_trust),
		T(test_ack_without_cts_paced),
		T(test_service_without_vfs),
		T(test_ixgbe_reset_reply),
		T(test_ixgbe_api_negotiate),
		T(test_ixgbe_get_queues_port_vlan),
		T(test_ixgbe_xcast_mode),
		T(test_ixgbe_macvlan),
	};

	return cmocka_run_group_tests_name("iov", tests, NULL, NULL);
}
