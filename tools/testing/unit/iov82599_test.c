// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the PF's SR-IOV on the 82599: the real policy
 * (vtnic_iov.c), the 82599's register writers (vtnic_iov_82599.c), the
 * ixgbe dialect (vtnic_mbx_ixgbe.c) and the mailbox transport
 * (vtnic_mbx_pf.c), compiled unchanged, against the 82599 register model
 * (model_82599.c).  The VF posts what stock ixgbevf posts: RESET alone,
 * API_NEGOTIATE with the version in word 1 (3 words), GET_QUEUES
 * (5 words), SET_MAC_ADDR with the address in words 1-2, SET_MULTICAST
 * with the count in MSGINFO and two 16-bit hashes a word, SET_VLAN with
 * "add" in MSGINFO, SET_LPE with the largest frame, UPDATE_XCAST_MODE and
 * GET_LINK_STATE (2 words).
 *
 * For every message: its effect on the registers the 82599's writers own
 * (RAR/MPSAR, MTA, PFVLVF/PFVLVFB/VFTA, PFVML2FLT, PFVMVIR, PFVFSPOOF,
 * PFVFRE/PFVFTE, RTTBCNRC), and, against a snapshot, that no register of
 * another pool changed.  40 VFs, so pools 32 and up (the second register
 * of every pool bitmap, PFVFLRE(1) at its odd address, PFMBICR(2)) are
 * exercised too.
 */

#include <string.h>

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

#include "iov_harness.h"
#include "model_82599.h"

#define NUM_VFS		40
#define PF_POOL		NUM_VFS
#define LINK_MBPS	10000
#define VF_HI		33	/* a VF in the second half of every bitmap */

static const u8 pf_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x59, 0x00, 0x01 };
static const u8 admin_mac[ETH_ALEN] = { 0x02, 0xad, 0x00, 0x00, 0x00, 0x01 };
static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* VF n's own address, 02:00:00:00:02:nn */
static const u8 *vf_mac(unsigned int vf)
{
	static u8 mac[VTNIC_82599_MAX_VFS][ETH_ALEN];

	mac[vf][0] = 0x02;
	mac[vf][4] = 0x02;
	mac[vf][5] = vf;
	return mac[vf];
}

/* RESET, and its own address when the PF had none for it */
static void vf_up(unsigned int vf)
{
	vf_up_with(vf, vf_mac(vf));
}

static u32 negotiate(unsigned int vf, u32 api)
{
	return SEND(vf, VTNIC_MBX_API_NEGOTIATE, api, 0);
}

/* ---- what the registers say ---- */

static u64 pair(u32 lo_reg, u32 hi_reg)
{
	return R(lo_reg) | (u64)R(hi_reg) << 32;
}

static void assert_rar(unsigned int idx, const u8 *mac, unsigned int pool)
{
	assert_int_equal(R(VTNIC_RAL(idx)), vtnic_hw_ral(mac));
	assert_int_equal(R(VTNIC_RAH(idx)), vtnic_hw_rah(mac) | VTNIC_RAH_AV);
	assert_int_equal(pair(VTNIC_MPSAR_LO(idx), VTNIC_MPSAR_HI(idx)),
			 BIT_ULL(pool));
}

static unsigned int vf_rar(unsigned int vf)
{
	return VTNIC_RAR_ENTRIES - 1 - vf;
}

static bool pool_enabled(unsigned int pool)
{
	u64 rx = pair(VTNIC_PFVFRE(0), VTNIC_PFVFRE(1));
	u64 tx = pair(VTNIC_PFVFTE(0), VTNIC_PFVFTE(1));

	assert_int_equal(rx & BIT_ULL(pool), tx & BIT_ULL(pool));
	return rx & BIT_ULL(pool);
}

static bool mta_bit(u16 hash)
{
	return table_bit(VTNIC_MTA(0), hash);
}

static bool vfta_bit(u16 vid)
{
	return table_bit(VTNIC_VFTA(0), vid);
}

/* The enabled VLAN pool filter of @vid, or -1 */
static int vlvf_find(u16 vid)
{
	unsigned int i;

	for (i = 0; i < VTNIC_PFVLVF_ENTRIES; i++) {
		u32 e = R(VTNIC_PFVLVF(i));

		if ((e & VTNIC_PFVLVF_VI_EN) &&
		    FIELD_GET(VTNIC_PFVLVF_VID, e) == vid)
			return i;
	}
	return -1;
}

static u64 vlvf_pools(u16 vid)
{
	int i = vlvf_find(vid);

	return i < 0 ? 0 : pair(VTNIC_PFVLVFB(2 * i), VTNIC_PFVLVFB(2 * i + 1));
}

static u32 flt(unsigned int pool)
{
	return R(VTNIC_PFVML2FLT(pool));
}

/* The pools the model says receive a frame to @dst */
static u64 rx(const u8 *dst, bool tagged, u16 vid)
{
	struct model_frame f = { .tagged = tagged, .vid = vid, .len = 64 };

	ether_addr_copy(f.dst, dst);
	return model_82599_rx_pools(&m, &f);
}

/* The multicast table and VLAN filter bits the PF and every VF but @a want */
static void others_want(unsigned int a, u32 *mta, u32 *vfta)
{
	unsigned int vf, i;

	memcpy(mta, iov.pf_mta, sizeof(iov.pf_mta));
	for (vf = 0; vf < iov.num_vfs; vf++)
		for (i = 0; vf != a && i < iov.vf[vf].mc_count; i++)
			mta[iov.vf[vf].mc_hashes[i] >> 5] |=
				BIT(iov.vf[vf].mc_hashes[i] & 31);
	memset(vfta, 0, VTNIC_VFTA_REGS * sizeof(*vfta));
	for (i = 0; i < VTNIC_PFVLVF_ENTRIES; i++)
		if (iov.vlvf[i].pools & ~BIT_ULL(a))
			vfta[iov.vlvf[i].vid >> 5] |= BIT(iov.vlvf[i].vid & 31);
}

/* Whether @reg is the head write-back address of one of @vf's queues */
static bool vf_head_wb(unsigned int vf, u32 reg)
{
	unsigned int k, q;

	for (k = 0; k < iov.pool_queues; k++) {
		q = vtnic_iov_pool_queue(&iov, vf, k);
		if (reg == VTNIC_TDWBAL(q) || reg == VTNIC_TDWBAH(q))
			return true;
	}
	return false;
}

/*
 * VF @vf's own bits, the exact filters of its extra addresses and the
 * head write-back address of its queues
 */
static u32 owned(unsigned int vf, u32 reg, u32 before, u32 after)
{
	unsigned int k, idx;

	for (k = 0; k < iov.uc_quota; k++) {
		idx = vtnic_iov_vf_uc_rar(&iov, vf, k);
		if (reg == VTNIC_RAL(idx) || reg == VTNIC_RAH(idx) ||
		    reg == VTNIC_MPSAR_LO(idx) || reg == VTNIC_MPSAR_HI(idx))
			return ~0U;
	}
	if (vf_head_wb(vf, reg))
		return ~0U;
	return model_82599_vf_owned_bits(&m, vf, reg, before, after);
}

/*
 * Since the snapshot, VF @a changed nothing it does not own: every
 * register, every queue's rate limiter and drop bit, the other mailboxes;
 * the shared tables kept every bit the PF and the other VFs want.  And
 * since log_clear(), no register bit it does not own changed even for a
 * while, no rate limiter but its queues' was selected.
 */
static void assert_isolated(unsigned int a)
{
	u32 mta[VTNIC_MTA_REGS], vfta[VTNIC_VFTA_REGS];
	unsigned int i;

	assert_pool_isolated(a, owned, VTNIC_82599_POOL_QUEUES * a,
			     VTNIC_82599_POOL_QUEUES * a + 1);
	others_want(a, mta, vfta);
	assert_bits_kept(a, "MTA", VTNIC_MTA(0), VTNIC_MTA_REGS, mta);
	assert_bits_kept(a, "VFTA", VTNIC_VFTA(0), VTNIC_VFTA_REGS, vfta);
	/*
	 * Not even changed and changed back.  The 82599's writers rewrite
	 * both halves of a pool bitmap (PFVFRE/PFVFTE, PFVLVFB), so the
	 * half without the VF's bit may be written, with what it held.
	 */
	assert_true(m.nr_log <= MODEL_LOG_MAX);
	for (i = 0; i < m.nr_log; i++) {
		const struct model_write *w = &m.log[i];

		if ((w->before ^ w->after) &
		    ~owned(a, w->reg, w->before, w->after))
			fail_msg("VF %u's doings wrote %#x to register %#x (%#x before)",
				 a, w->val, w->reg, w->before);
		if (m.log[i].reg == VTNIC_RTTDQSEL &&
		    m.log[i].val / VTNIC_82599_POOL_QUEUES != a)
			fail_msg("VF %u's doings selected queue %u's rate limiter",
				 a, m.log[i].val);
	}
}

static void take_snapshot(void)
{
	snap = m;
	log_clear();
}

/* ---- fixture ---- */

/* What the PF's vtnic_up() does around vtnic_iov_configure() */
static void start(unsigned int num_vfs)
{
	harness_start(&model_82599_mac, &vtnic_82599_iov, num_vfs, pf_mac,
		      0x80083);	/* a live device */
	vtnic_82599_iov.ops->set_rar(&hw, 0, pf_mac, BIT_ULL(num_vfs));
	vtnic_iov_set_pf_rx(&iov, VTNIC_IOV_DEFAULT_FRAME, false);
	vtnic_iov_set_link(&iov, LINK_MBPS);
	vtnic_iov_pf_reset_done(&iov);
	log_clear();
}

static int setup(void **state)
{
	(void)state;
	start(NUM_VFS);
	return 0;
}

/* ==== 1. virtualization on ==== */

static void test_configure(void **state)
{
	unsigned int q, p;

	(void)state;
	assert_int_equal(FIELD_GET(VTNIC_GCR_EXT_VT_MODE, R(VTNIC_GCR_EXT)),
			 VTNIC_VT_MODE_64);
	assert_int_equal(R(VTNIC_PFVTCTL), VTNIC_PFVTCTL_VT_ENA |
			 FIELD_PREP(VTNIC_PFVTCTL_DEF_PL, PF_POOL) |
			 VTNIC_PFVTCTL_RPL_EN);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		assert_int_equal(m.qreg[q], VTNIC_PFQDE_QDE);
	assert_int_equal(pair(VTNIC_PFVMECM(0), VTNIC_PFVMECM(1)),
			 BIT_ULL(NUM_VFS) - 1);
	assert_int_equal(R(VTNIC_PFDTXGSWC), VTNIC_PFDTXGSWC_LBE);
	assert_true(R(VTNIC_CTRL_EXT) & VTNIC_CTRL_EXT_PFRSTD);
	/* Only the PF's pool passes traffic until a VF sends RESET */
	assert_int_equal(pair(VTNIC_PFVFRE(0), VTNIC_PFVFRE(1)), BIT_ULL(PF_POOL));
	assert_int_equal(pair(VTNIC_PFVFTE(0), VTNIC_PFVFTE(1)), BIT_ULL(PF_POOL));
	/* VLAN 0 is every pool's, in entry 0 */
	assert_int_equal(vlvf_find(0), 0);
	assert_int_equal(vlvf_pools(0), BIT_ULL(PF_POOL + 1) - 1);
	assert_true(vfta_bit(0));
	/* Pools past the PF's accept nothing; the VFs' accept anti-spoofed */
	for (p = PF_POOL + 1; p < VTNIC_82599_POOLS; p++)
		assert_int_equal(flt(p), 0);
	for (p = 0; p < NUM_VFS; p++) {
		assert_true(R(VTNIC_PFVFSPOOF(p)) & VTNIC_PFVFSPOOF_MACAS(p));
		assert_true(R(VTNIC_PFVFSPOOF(p)) & VTNIC_PFVFSPOOF_VLANAS(p));
	}
	assert_int_equal(rx(pf_mac, false, 0), BIT_ULL(PF_POOL));
}

/* ==== 2. every ixgbe message, with its register effect, alone ==== */

/* RESET without an address: NACK in four words, the pool enabled */
static void test_reset_without_mac(void **state)
{
	unsigned int vfs[] = { 1, VF_HI }, i;
	u32 reply[WORDS];

	(void)state;
	for (i = 0; i < ARRAY_SIZE(vfs); i++) {
		take_snapshot();
		assert_false(pool_enabled(vfs[i]));
		assert_int_equal(vf_msg(vfs[i], MSG(VTNIC_MBX_RESET), 1, reply),
				 VTNIC_MBX_RESET | VTNIC_MBX_NACK);
		assert_no_stale_words(reply, 1);
		assert_true(pool_enabled(vfs[i]));
		assert_int_equal(flt(vfs[i]), VTNIC_PFVML2FLT_AUPE |
				 VTNIC_PFVML2FLT_BAM);
		assert_false(R(VTNIC_RAH(vf_rar(vfs[i]))) & VTNIC_RAH_AV);
		assert_int_equal(model_82599_tx_rate(&m, vfs[i], LINK_MBPS), 0);
		assert_true(iov.vf[vfs[i]].cts);
		assert_isolated(vfs[i]);
	}
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1522),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
}

/*
 * RESET with an admin address: ACK, the address in words 1-2, word 3 the
 * multicast filter type ixgbevf reads (0: address bits 47:36)
 */
static void test_reset_with_mac(void **state)
{
	u32 reply[WORDS];
	u8 mac[ETH_ALEN];

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, VF_HI, admin_mac), 0);
	assert_rar(vf_rar(VF_HI), admin_mac, VF_HI);
	take_snapshot();
	vf_post(VF_HI, MSG(VTNIC_MBX_RESET), 1);
	vtnic_iov_service(&iov);
	vf_read(VF_HI, reply);
	assert_int_equal(reply[0], VTNIC_MBX_RESET | VTNIC_MBX_ACK);
	vtnic_mbx_get_mac(&reply[1], mac);
	assert_memory_equal(mac, admin_mac, ETH_ALEN);
	assert_int_equal(reply[2] >> 16, 0);
	assert_int_equal(reply[3], 0);
	assert_no_stale_words(reply, 4);
	assert_rar(vf_rar(VF_HI), admin_mac, VF_HI);
	assert_true(pool_enabled(VF_HI));
	assert_isolated(VF_HI);
	assert_int_equal(rx(admin_mac, false, 0), BIT_ULL(VF_HI));
}

/* SET_MAC_ADDR: RAR 127 - n and its MPSAR bit n; a new one replaces it */
static void test_set_mac_addr(void **state)
{
	unsigned int vfs[] = { 2, VF_HI }, i, vf;
	u32 reply[WORDS];

	(void)state;
	for (i = 0; i < ARRAY_SIZE(vfs); i++) {
		vf = vfs[i];
		SEND(vf, VTNIC_MBX_RESET);
		take_snapshot();
		assert_int_equal(send_mac(vf, 0, vf_mac(vf), reply),
				 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
		assert_no_stale_words(reply, 1);
		assert_rar(vf_rar(vf), vf_mac(vf), vf);
		assert_int_equal(rx(vf_mac(vf), false, 0), BIT_ULL(vf));
		assert_isolated(vf);

		take_snapshot();
		assert_int_equal(send_mac(vf, 0, admin_mac, NULL),
				 W0(VTNIC_MBX_SET_MAC_ADDR, 0) | ACK_CTS);
		assert_rar(vf_rar(vf), admin_mac, vf);
		assert_int_equal(rx(vf_mac(vf), false, 0), BIT_ULL(PF_POOL));
		assert_isolated(vf);
		send_mac(vf, 0, vf_mac(vf), NULL);
	}
}

/* SET_MULTICAST: the hashes' MTA bits and PFVML2FLT.ROMPE */
static void test_set_multicast(void **state)
{
	static const u16 hashes[] = { 0x0123, 0x0fff, 0x0000, 0x0abc };
	u8 addr[ETH_ALEN];
	unsigned int i;

	(void)state;
	vf_up(VF_HI);
	take_snapshot();
	assert_int_equal(send_mc(VF_HI, hashes, ARRAY_SIZE(hashes)),
			 W0(VTNIC_MBX_SET_MULTICAST, ARRAY_SIZE(hashes)) | ACK_CTS);
	for (i = 0; i < ARRAY_SIZE(hashes); i++) {
		assert_true(mta_bit(hashes[i]));
		model_mc_addr(hashes[i], addr);
		/* the PF's pool takes every table hit too */
		assert_int_equal(rx(addr, false, 0),
				 BIT_ULL(VF_HI) | BIT_ULL(PF_POOL));
	}
	assert_int_equal(flt(VF_HI), VTNIC_PFVML2FLT_AUPE | VTNIC_PFVML2FLT_BAM |
			 VTNIC_PFVML2FLT_ROMPE);
	assert_isolated(VF_HI);

	/* None: the bits go, and so does ROMPE */
	take_snapshot();
	send_mc(VF_HI, NULL, 0);
	for (i = 0; i < ARRAY_SIZE(hashes); i++)
		assert_false(mta_bit(hashes[i]));
	assert_false(flt(VF_HI) & VTNIC_PFVML2FLT_ROMPE);
	assert_isolated(VF_HI);
}

/* SET_VLAN: a VLAN pool filter with the VF's bit, the VFTA bit */
static void test_set_vlan(void **state)
{
	(void)state;
	vf_up(VF_HI);
	vf_up(3);
	take_snapshot();
	assert_int_equal(send_vlan(VF_HI, true, 100),
			 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	assert_true(vlvf_find(100) > 0);
	assert_int_equal(vlvf_pools(100), BIT_ULL(VF_HI));
	assert_true(vfta_bit(100));
	assert_int_equal(rx(vf_mac(VF_HI), true, 100), BIT_ULL(VF_HI));
	assert_isolated(VF_HI);

	/* Shared with VF 3: one entry, both bits */
	take_snapshot();
	send_vlan(3, true, 100);
	assert_int_equal(vlvf_pools(100), BIT_ULL(VF_HI) | BIT(3));
	assert_isolated(3);

	/* VF 33 leaves it: VF 3 keeps it */
	take_snapshot();
	assert_int_equal(send_vlan(VF_HI, false, 100),
			 W0(VTNIC_MBX_SET_VLAN, 0) | ACK_CTS);
	assert_int_equal(vlvf_pools(100), BIT(3));
	assert_true(vfta_bit(100));
	assert_int_equal(rx(vf_mac(VF_HI), true, 100), 0);
	assert_isolated(VF_HI);

	/* The last one leaves: entry and VFTA bit freed */
	take_snapshot();
	send_vlan(3, false, 100);
	assert_int_equal(vlvf_find(100), -1);
	assert_false(vfta_bit(100));
	assert_isolated(3);
}

/* Whether the model gives VF @vf a @len-byte frame to its own address */
static bool vf_gets(unsigned int vf, unsigned int len)
{
	struct model_frame f = { .len = len };

	ether_addr_copy(f.dst, vf_mac(vf));
	return model_82599_rx_pools(&m, &f) & BIT_ULL(vf);
}

/*
 * SET_LPE: the 82599 has one receive length limit, the port's (MAXFRS),
 * which the PF's MTU sets.  A VF stays within it and never moves it; a VF
 * of API 1.0 is refused any size while the PF's frames are jumbo.
 */
static void test_set_lpe(void **state)
{
	u32 before;

	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_14);
	vf_up(1);		/* stays at API 1.0 */
	before = flt(1);

	/* The PF at MTU 1500: no jumbo frame for any VF */
	vtnic_iov_set_pf_rx(&iov, 1522, false);
	assert_int_equal(FIELD_GET(VTNIC_MAXFRS_MFS, R(VTNIC_MAXFRS)), 1522);
	take_snapshot();
	EXPECT_NACK(VF_HI, VTNIC_MBX_SET_LPE, 9018);
	assert_int_equal(model_log_count(&m, VTNIC_MAXFRS), 0);
	assert_isolated(VF_HI);
	assert_true(vf_gets(VF_HI, 1514));
	assert_false(vf_gets(VF_HI, 9014));

	/* The PF at MTU 9000: the VF up to the PF's frame, not beyond */
	vtnic_iov_set_pf_rx(&iov, 9022, false);
	assert_int_equal(FIELD_GET(VTNIC_MAXFRS_MFS, R(VTNIC_MAXFRS)), 9022);
	take_snapshot();
	assert_int_equal(SEND(VF_HI, VTNIC_MBX_SET_LPE, 9018),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(iov.vf[VF_HI].max_frame, 9018);
	EXPECT_NACK(VF_HI, VTNIC_MBX_SET_LPE, 9023);
	assert_int_equal(iov.vf[VF_HI].max_frame, 9018);
	assert_int_equal(model_log_count(&m, VTNIC_MAXFRS), 0);
	assert_isolated(VF_HI);
	assert_true(vf_gets(VF_HI, 9014));

	/* API 1.0 with the PF's jumbo frames: refused, nothing written */
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, 1518);
	assert_int_equal(flt(1), before);
	/* API 1.1 knows them */
	vf_up(2);
	negotiate(2, VTNIC_MBX_API_11);
	assert_int_equal(SEND(2, VTNIC_MBX_SET_LPE, 9018),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	/* One byte above the standard frame is jumbo already */
	vtnic_iov_set_pf_rx(&iov, VTNIC_IOV_DEFAULT_FRAME + 1, false);
	EXPECT_NACK(1, VTNIC_MBX_SET_LPE, 1518);

	/* The PF back at 1500: the port's limit with it; API 1.0 accepted */
	vtnic_iov_set_pf_rx(&iov, 1522, false);
	assert_false(vf_gets(VF_HI, 9014));
	assert_int_equal(SEND(1, VTNIC_MBX_SET_LPE, 1518),
			 VTNIC_MBX_SET_LPE | ACK_CTS);
	assert_int_equal(flt(1), before);
	assert_true(vf_gets(1, 64));
}

/*
 * API_NEGOTIATE: 1.0 to 1.4 accepted, 2.0, 1.5 and newer refused; no
 * register but the mailbox written either way
 */
static void test_api_negotiate(void **state)
{
	static const u32 ok[] = { VTNIC_MBX_API_10, VTNIC_MBX_API_11,
				  VTNIC_MBX_API_12, VTNIC_MBX_API_13,
				  VTNIC_MBX_API_14 };
	static const u32 refused[] = { VTNIC_MBX_API_20, VTNIC_MBX_API_15,
				       7, 8, 9, 0x100, 0xffffffff };
	unsigned int i;

	(void)state;
	vf_up(VF_HI);
	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		log_clear();
		assert_int_equal(negotiate(VF_HI, ok[i]),
				 VTNIC_MBX_API_NEGOTIATE | ACK_CTS);
		assert_int_equal(iov.vf[VF_HI].api, ok[i]);
		assert_only_mailbox_writes(VF_HI);
	}
	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		EXPECT_NACK(VF_HI, VTNIC_MBX_API_NEGOTIATE, refused[i], 0);
		assert_int_equal(iov.vf[VF_HI].api, VTNIC_MBX_API_14);
	}
}

/* Each message newer than the version negotiated is refused */
static void test_api_gating(void **state)
{
	(void)state;
	vf_up(VF_HI);
	/* 1.0: neither 1.1's GET_QUEUES nor 1.2's messages */
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_NONE);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_LINK_STATE, 0);
	negotiate(VF_HI, VTNIC_MBX_API_11);
	assert_int_equal(SEND(VF_HI, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0),
			 VTNIC_MBX_GET_QUEUES | ACK_CTS);
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_NONE);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_LINK_STATE, 0);
	negotiate(VF_HI, VTNIC_MBX_API_12);
	assert_int_equal(SEND(VF_HI, VTNIC_MBX_GET_LINK_STATE, 0),
			 VTNIC_MBX_GET_LINK_STATE | ACK_CTS);
	/* RESET goes back to 1.0 */
	SEND(VF_HI, VTNIC_MBX_RESET);
	assert_int_equal(iov.vf[VF_HI].api, VTNIC_MBX_API_10);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	/* and so does the VF's FLR */
	negotiate(VF_HI, VTNIC_MBX_API_13);
	model_vf_flr(&m, VF_HI);
	vtnic_iov_service(&iov);
	assert_int_equal(iov.vf[VF_HI].api, VTNIC_MBX_API_10);
}

/* Point the head write-back of every queue at an address */
static void head_wb_everywhere(void)
{
	unsigned int q;

	for (q = 0; q < VTNIC_82599_QUEUES; q++) {
		R(VTNIC_TDWBAL(q)) = 0xbeef0000 | q << 4 | 1;
		R(VTNIC_TDWBAH(q)) = 0x12;
	}
}

/* Whether the head write-back of queue @q is still as set above */
static bool head_wb_kept(unsigned int q)
{
	return R(VTNIC_TDWBAL(q)) == (0xbeef0000 | q << 4 | 1) &&
	       R(VTNIC_TDWBAH(q)) == 0x12;
}

/*
 * A VF's FLR does not clear the head write-back address of its queues
 * (82599 specification update): its RESET and its FLR do, for its queues
 * and no other's, so its next driver gets no head written where the last
 * one pointed.
 */
static void test_reset_clears_head_wb(void **state)
{
	unsigned int q, pool;

	(void)state;
	vf_up(VF_HI);
	head_wb_everywhere();
	take_snapshot();
	log_clear();
	SEND(VF_HI, VTNIC_MBX_RESET);
	for (q = 0; q < VTNIC_82599_QUEUES; q++) {
		pool = q / iov.pool_queues;
		if (pool == VF_HI) {
			assert_int_equal(R(VTNIC_TDWBAL(q)), 0);
			assert_int_equal(R(VTNIC_TDWBAH(q)), 0);
		} else if (!head_wb_kept(q)) {
			fail_msg("VF %u's RESET changed queue %u's head write-back",
				 VF_HI, q);
		}
	}
	assert_isolated(VF_HI);

	head_wb_everywhere();
	model_vf_flr(&m, VF_HI);
	vtnic_iov_service(&iov);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		assert_int_equal(head_wb_kept(q), q / iov.pool_queues != VF_HI);
}

/* GET_QUEUES: 2 queues each way, TRANS_VLAN with a port VLAN */
static void test_get_queues(void **state)
{
	u32 reply[WORDS];

	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_11);
	log_clear();
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5,
				reply), VTNIC_MBX_GET_QUEUES | ACK_CTS);
	assert_int_equal(reply[VTNIC_MBX_Q_TX], VTNIC_82599_POOL_QUEUES);
	assert_int_equal(reply[VTNIC_MBX_Q_RX], VTNIC_82599_POOL_QUEUES);
	assert_int_equal(reply[VTNIC_MBX_Q_TRANS_VLAN], 0);
	assert_int_equal(reply[VTNIC_MBX_Q_DEF], 0);
	assert_no_stale_words(reply, VTNIC_MBX_Q_WORDS);
	assert_only_mailbox_writes(VF_HI);

	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, VF_HI, 200, 5), 0);
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_11);
	vf_msg(VF_HI, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5, reply);
	assert_int_equal(reply[VTNIC_MBX_Q_TRANS_VLAN], 1);
}

/* UPDATE_XCAST_MODE: PFVML2FLT for each mode; untrusted capped at MULTI */
static void test_update_xcast_mode(void **state)
{
	static const u16 hashes[] = { 0x321 };
	const u32 base = VTNIC_PFVML2FLT_AUPE | VTNIC_PFVML2FLT_BAM;
	u32 reply[WORDS];

	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_13);
	send_mc(VF_HI, hashes, 1);

	take_snapshot();
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_UPDATE_XCAST_MODE,
					   VTNIC_MBX_XCAST_NONE), 2, reply),
			 VTNIC_MBX_UPDATE_XCAST_MODE | ACK_CTS);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_NONE);
	assert_no_stale_words(reply, 2);
	assert_int_equal(flt(VF_HI), base);
	assert_isolated(VF_HI);

	take_snapshot();
	vf_msg(VF_HI, MSG(VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_MULTI),
	       2, reply);
	assert_int_equal(flt(VF_HI), base | VTNIC_PFVML2FLT_ROMPE);
	assert_isolated(VF_HI);

	/* untrusted: ALLMULTI is MULTI, and the reply says so */
	take_snapshot();
	vf_msg(VF_HI, MSG(VTNIC_MBX_UPDATE_XCAST_MODE,
			  VTNIC_MBX_XCAST_ALLMULTI), 2, reply);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_MULTI);
	assert_int_equal(flt(VF_HI), base | VTNIC_PFVML2FLT_ROMPE);
	assert_isolated(VF_HI);

	/* trusted: every multicast frame (MPE) */
	vtnic_iov_set_vf_trust(&iov, VF_HI, true);
	take_snapshot();
	vf_msg(VF_HI, MSG(VTNIC_MBX_UPDATE_XCAST_MODE,
			  VTNIC_MBX_XCAST_ALLMULTI), 2, reply);
	assert_int_equal(reply[1], VTNIC_MBX_XCAST_ALLMULTI);
	assert_int_equal(flt(VF_HI), base | VTNIC_PFVML2FLT_ROMPE |
			 VTNIC_PFVML2FLT_MPE);
	assert_isolated(VF_HI);

	/* every unicast frame the 82599 cannot give a pool; unknown modes */
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, 4);
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, 0x80000001);
	assert_false(R(VTNIC_FCTRL) & VTNIC_FCTRL_UPE);
	/* PROMISC does not exist at 1.2, for a VF trusted or not */
	negotiate(VF_HI, VTNIC_MBX_API_12);
	EXPECT_NACK(VF_HI, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	vf_up(2);
	negotiate(2, VTNIC_MBX_API_12);
	EXPECT_NACK(2, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
}

/* GET_LINK_STATE: the admin's link setting; nothing written */
static void test_get_link_state(void **state)
{
	u32 reply[WORDS];

	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_12);
	log_clear();
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_GET_LINK_STATE, 0), 2,
				reply), VTNIC_MBX_GET_LINK_STATE | ACK_CTS);
	assert_int_equal(reply[1], 1);
	assert_no_stale_words(reply, 2);
	assert_only_mailbox_writes(VF_HI);

	vtnic_iov_set_vf_link_state(&iov, VF_HI, VTNIC_VF_LINK_DISABLE);
	assert_false(pool_enabled(VF_HI));
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_GET_LINK_STATE, 0), 2,
				reply), VTNIC_MBX_GET_LINK_STATE | VTNIC_MBX_ACK);
	assert_int_equal(reply[1], 0);
}

/*
 * SET_MACVLAN: clearing, adding within the quota, the list starting over
 * at 1; RSS queries refused
 */
static void test_macvlan_and_rss(void **state)
{
	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_12);
	log_clear();
	assert_int_equal(SEND(VF_HI, W0(VTNIC_MBX_SET_MACVLAN, 0), 0, 0),
			 W0(VTNIC_MBX_SET_MACVLAN, 0) | ACK_CTS);
	assert_only_mailbox_writes(VF_HI);
	take_snapshot();
	/* 40 VFs: 128 RARs, 16 the PF's, 40 the VFs' own, 1 extra each */
	assert_int_equal(iov.uc_quota, 1);
	assert_int_equal(SEND(VF_HI, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002,
			      0x0100), W0(VTNIC_MBX_SET_MACVLAN, 1) | ACK_CTS);
	assert_rar(vtnic_iov_vf_uc_rar(&iov, VF_HI, 0),
		   (const u8[ETH_ALEN]){ 2, 0, 0, 0, 0, 1 }, VF_HI);
	assert_isolated(VF_HI);
	expect_nack(VF_HI, MSG(W0(VTNIC_MBX_SET_MACVLAN, 2), 0x00000002,
			       0x0200), 3, true);	/* quota */
	/* The list sent again from 1 replaces it, as ixgbe has it */
	assert_int_equal(SEND(VF_HI, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002,
			      0x0200), W0(VTNIC_MBX_SET_MACVLAN, 1) | ACK_CTS);
	assert_rar(vtnic_iov_vf_uc_rar(&iov, VF_HI, 0),
		   (const u8[ETH_ALEN]){ 2, 0, 0, 0, 0, 2 }, VF_HI);
	assert_int_equal(iov.vf[VF_HI].nr_uc, 1);
	assert_isolated(VF_HI);
	assert_int_equal(SEND(VF_HI, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002,
			      0x0100), W0(VTNIC_MBX_SET_MACVLAN, 1) | ACK_CTS);
	vf_up(1);
	negotiate(1, VTNIC_MBX_API_12);
	expect_nack(1, MSG(W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002,
			   0x0100), 3, true);		/* VF_HI's */
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_RETA);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_RSS_KEY);
}

/*
 * query_rss on: GET_RETA answers the table 2 bits an entry, 16 a word,
 * GET_RSS_KEY the key in the key registers' byte order; off again: NACK.
 * Neither writes anything but the mailbox.
 */
static void test_rss_query(void **state)
{
	u8 reta[VTNIC_IOV_RETA_SIZE], key[VTNIC_IOV_RSS_KEY_SIZE];
	u32 reply[WORDS];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(reta); i++)
		reta[i] = i % 4;
	reta[5] = 2;	/* entry 5: bits 11:10 of the first word */
	for (i = 0; i < sizeof(key); i++)
		key[i] = 0x10 + i;
	vtnic_iov_set_rss(&iov, reta, key);
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_12);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_RETA);

	assert_int_equal(vtnic_iov_set_vf_rss_query(&iov, VF_HI, true), 0);
	log_clear();
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_GET_RETA), 1, reply),
			 VTNIC_MBX_GET_RETA | ACK_CTS);
	assert_int_equal(reply[1], 0xe4e4e8e4);
	for (i = 2; i <= VTNIC_IOV_RETA_SIZE / 16; i++)
		assert_int_equal(reply[i], 0xe4e4e4e4);
	assert_no_stale_words(reply, 1 + VTNIC_IOV_RETA_SIZE / 16);
	assert_int_equal(vf_msg(VF_HI, MSG(VTNIC_MBX_GET_RSS_KEY), 1, reply),
			 VTNIC_MBX_GET_RSS_KEY | ACK_CTS);
	assert_int_equal(reply[1], 0x13121110);
	assert_int_equal(reply[10], 0x37363534);
	assert_no_stale_words(reply, 1 + VTNIC_IOV_RSS_KEY_SIZE / 4);
	assert_only_mailbox_writes(VF_HI);

	/* Another VF is still refused; the setting survives a reset */
	vf_up(1);
	negotiate(1, VTNIC_MBX_API_12);
	EXPECT_NACK(1, VTNIC_MBX_GET_RSS_KEY);
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_12);
	assert_int_equal(SEND(VF_HI, VTNIC_MBX_GET_RETA),
			 VTNIC_MBX_GET_RETA | ACK_CTS);
	assert_int_equal(vtnic_iov_set_vf_rss_query(&iov, VF_HI, false), 0);
	EXPECT_NACK(VF_HI, VTNIC_MBX_GET_RETA);
}

/* ==== 3. hostile input: NACK, nothing written ==== */

/* Before RESET, every message but RESET, without CTS */
static void test_before_reset(void **state)
{
	(void)state;
	expect_nack(VF_HI, MSG(VTNIC_MBX_API_NEGOTIATE, VTNIC_MBX_API_12, 0), 3,
		    false);
	expect_nack(VF_HI, MSG(VTNIC_MBX_SET_VLAN | 1 << 16, 5), 2, false);
	expect_nack(VF_HI, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5, false);
	assert_false(pool_enabled(VF_HI));
}

/*
 * Messages shorter than their type (the handler given fewer words than
 * the mailbox holds), unknown types (IPsec, the PF's own, 1.6/1.7's),
 * malformed word 0
 */
static void test_short_unknown_malformed(void **state)
{
	static const u32 unknown[] = { 0x07, 0x0d, 0x0e, 0x0f, 0x11, 0x12,
				       VTNIC_MBX_PF_CONTROL, 0xffff };
	static const struct { u32 w0; unsigned int words; } shorts[] = {
		{ VTNIC_MBX_SET_MAC_ADDR, 2 },
		{ VTNIC_MBX_SET_VLAN | 1 << 16, 1 },
		{ VTNIC_MBX_SET_LPE, 1 },
		{ VTNIC_MBX_API_NEGOTIATE, 1 },
		{ VTNIC_MBX_UPDATE_XCAST_MODE, 1 },
	};
	u32 msg[WORDS] = { 0 }, reply[WORDS];
	unsigned int i;

	(void)state;
	vf_up(VF_HI);
	negotiate(VF_HI, VTNIC_MBX_API_14);
	for (i = 0; i < ARRAY_SIZE(shorts); i++) {
		log_clear();
		msg[0] = shorts[i].w0;
		msg[1] = 0x00000002;
		assert_int_equal(vtnic_iov_rcv_msg(&iov, VF_HI, msg,
						   shorts[i].words, reply), 1);
		assert_int_equal(reply[0], shorts[i].w0 | NACK_CTS);
		assert_int_equal(m.nr_log, 0);
	}
	for (i = 0; i < ARRAY_SIZE(unknown); i++)
		EXPECT_NACK(VF_HI, unknown[i], 1, 2, 3);
	EXPECT_NACK(VF_HI, VTNIC_MBX_SET_LPE | BIT(24), 1522);
	/* An answer of the VF is not a request: taken, not answered */
	log_clear();
	vf_post(VF_HI, MSG(VTNIC_MBX_SET_LPE | VTNIC_MBX_ACK, 1522), 2);
	vtnic_iov_service(&iov);
	assert_only_mailbox_writes(VF_HI);
	vf_read(VF_HI, reply);
	assert_int_equal(reply[0], VTNIC_MBX_SET_LPE | VTNIC_MBX_ACK);
}

/* Fields out of range, and addresses that are not the VF's to take */
static void test_out_of_range(void **state)
{
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	u16 many[VTNIC_MBX_MAX_MC_HASHES + 1] = { 0 };
	u32 msg[WORDS] = { W0(VTNIC_MBX_SET_MULTICAST, 31) };

	(void)state;
	vf_up(2);
	vf_up(VF_HI);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 5, admin_mac), 0);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 1), 4095);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 1), 4096);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 1), 0xffffffff);
	EXPECT_NACK(VF_HI, VTNIC_MBX_SET_LPE, 0);
	EXPECT_NACK(VF_HI, VTNIC_MBX_SET_LPE, VTNIC_IOV_MAX_FRAME + 1);
	vtnic_mbx_put_mc_hashes(&msg[1], WORDS - 1, many, 30);
	expect_nack(VF_HI, msg, WORDS, true);
	expect_mac_nack(VF_HI, 0, pf_mac);
	expect_mac_nack(VF_HI, 0, vf_mac(2));
	expect_mac_nack(VF_HI, 0, admin_mac);	/* VF 5's, set by the admin */
	expect_mac_nack(VF_HI, 0, mcast);
	expect_mac_nack(VF_HI, 0, bcast);
	expect_mac_nack(VF_HI, 0, (const u8[ETH_ALEN]){ 0 });
	expect_mac_nack(VF_HI, 7, vf_mac(VF_HI));
	/* An admin address is not the VF's to change, untrusted */
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, 2, (const u8[ETH_ALEN]){
		0x02, 0xad, 0, 0, 0, 2 }), 0);
	expect_mac_nack(2, 0, vf_mac(2));
}

/* A fifth VLAN, or none free: NACK, nothing written */
static void test_too_many_vlans(void **state)
{
	unsigned int i;

	(void)state;
	vf_up(VF_HI);
	for (i = 0; i < VTNIC_IOV_VF_MAX_VLANS; i++)
		assert_int_equal(send_vlan(VF_HI, true, 10 + i),
				 W0(VTNIC_MBX_SET_VLAN, 1) | ACK_CTS);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 1), 99);
	assert_int_equal(vlvf_find(99), -1);

	/* The PF takes every free filter; another VF's VLAN finds none */
	for (i = 1; vlvf_find(0) >= 0 && i < 4000; i++)
		if (vtnic_iov_set_pf_vlan(&iov, 1000 + i, true))
			break;
	vf_up(4);
	EXPECT_NACK(4, W0(VTNIC_MBX_SET_VLAN, 1), 3000);
	assert_false(vfta_bit(3000));
	/* one it shares with another pool still fits */
	assert_int_equal(send_vlan(4, true, 10), W0(VTNIC_MBX_SET_VLAN, 1) |
			 ACK_CTS);
	assert_int_equal(vlvf_pools(10), BIT_ULL(VF_HI) | BIT(4));
}

/* With a port VLAN the VF adds none of its own */
static void test_set_vlan_with_port_vlan(void **state)
{
	(void)state;
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, VF_HI, 300, 2), 0);
	vf_up(VF_HI);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 1), 301);
	EXPECT_NACK(VF_HI, W0(VTNIC_MBX_SET_VLAN, 0), 300);
}

/* ==== 4. the admin's and the VF's resets, on pools 32 and up ==== */

static void test_admin_port_vlan_spoofchk_rate(void **state)
{
	unsigned int q;
	u32 want;

	(void)state;
	vf_up(VF_HI);
	take_snapshot();
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, VF_HI, 300, 5), 0);
	assert_int_equal(R(VTNIC_PFVMVIR(VF_HI)), VTNIC_PFVMVIR_VLANA_DEFAULT |
			 300 | 5 << VTNIC_PFVMVIR_PCP_SHIFT);
	assert_int_equal(vlvf_pools(300), BIT_ULL(VF_HI));
	assert_false(vlvf_pools(0) & BIT_ULL(VF_HI));
	assert_false(flt(VF_HI) & VTNIC_PFVML2FLT_AUPE);
	assert_int_equal(rx(vf_mac(VF_HI), true, 300), BIT_ULL(VF_HI));
	assert_int_equal(rx(vf_mac(VF_HI), false, 0), 0);
	assert_isolated(VF_HI);

	take_snapshot();
	vtnic_iov_set_vf_spoofchk(&iov, VF_HI, false);
	assert_false(R(VTNIC_PFVFSPOOF(VF_HI)) & (VTNIC_PFVFSPOOF_MACAS(VF_HI) |
						 VTNIC_PFVFSPOOF_VLANAS(VF_HI)));
	assert_isolated(VF_HI);

	take_snapshot();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, VF_HI, 0, 1000), 0);
	want = model_82599_tx_rate(&m, VF_HI, LINK_MBPS);
	assert_true(want >= 990 && want <= 1000);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		if (q / VTNIC_82599_POOL_QUEUES != VF_HI)
			assert_int_equal(m.bcnrc[q], 0);
	assert_isolated(VF_HI);
}

/*
 * Up to 31 VFs the pools are 32 of 4 queues: GCR_EXT says so, GET_QUEUES
 * says 4, and a VF's rate limit paces all 4 of its queues and no other
 */
static void test_32_pools(void **state)
{
	const unsigned int vf = 30;
	u32 reply[WORDS], rate;
	unsigned int q;

	(void)state;
	start(31);
	assert_int_equal(FIELD_GET(VTNIC_GCR_EXT_VT_MODE, R(VTNIC_GCR_EXT)),
			 VTNIC_VT_MODE_32);
	assert_int_equal(vtnic_iov_pool_queue(&iov, vf, 3), 4 * vf + 3);
	vf_up(vf);
	negotiate(vf, VTNIC_MBX_API_11);
	vf_msg(vf, MSG(VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0), 5, reply);
	assert_int_equal(reply[VTNIC_MBX_Q_TX], VTNIC_82599_POOL_QUEUES_32);
	assert_int_equal(reply[VTNIC_MBX_Q_RX], VTNIC_82599_POOL_QUEUES_32);

	assert_int_equal(vtnic_iov_set_vf_rate(&iov, vf, 0, 2500), 0);
	rate = model_82599_tx_rate(&m, vf, LINK_MBPS);
	assert_true(rate >= 2490 && rate <= 2500);
	for (q = 0; q < VTNIC_82599_QUEUES; q++)
		assert_int_equal(!!m.bcnrc[q], q / 4 == vf);

	/* 32 VFs and the PF's pool need 33: 64 pools of 2 */
	start(32);
	assert_int_equal(FIELD_GET(VTNIC_GCR_EXT_VT_MODE, R(VTNIC_GCR_EXT)),
			 VTNIC_VT_MODE_64);
	assert_int_equal(vtnic_iov_pool_queue(&iov, vf, 1), 2 * vf + 1);
}

/*
 * All 63 VFs, every slot of the PF's state in use: the last VF's RESET
 * and guarantee, a PF reset that tells every VF, the pools programmed again, the last
 * VF back, and virtualization off
 */
static void test_63_vfs(void **state)
{
	const unsigned int last = VTNIC_82599_MAX_VFS - 1;
	unsigned int vf;
	u32 buf[WORDS];

	(void)state;
	start(VTNIC_82599_MAX_VFS);
	assert_int_equal(iov.num_vfs, VTNIC_82599_MAX_VFS);
	vf_up(last);
	assert_true(R(VTNIC_PFVFRE(1)) & BIT(last - 32));
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, last, 100, 0), 0);

	vtnic_iov_pf_reset_begin(&iov);
	for (vf = 0; vf < iov.num_vfs; vf++)
		assert_false(iov.vf[vf].cts);
	vf_read(last, buf);
	assert_int_equal(buf[0], VTNIC_MBX_PF_CONTROL);
	vtnic_iov_configure(&iov);
	vtnic_iov_pf_reset_done(&iov);
	vf_up(last);
	assert_true(R(VTNIC_PFVFRE(1)) & BIT(last - 32));

	vtnic_iov_disable(&iov);
	assert_int_equal(iov.num_vfs, 0);
	assert_int_equal(R(VTNIC_PFVFRE(0)), 0);
	assert_int_equal(R(VTNIC_PFVFRE(1)), 0);
}

/* An FLR of VF 33 comes through PFVFLRE(1): what it asked for goes */
static void test_vf_flr_high(void **state)
{
	static const u16 hashes[] = { 0x777 };

	(void)state;
	vf_up(VF_HI);
	send_vlan(VF_HI, true, 77);
	send_mc(VF_HI, hashes, 1);
	take_snapshot();
	model_vf_flr(&m, VF_HI);
	assert_true(R(VTNIC_PFVFLRE(1)) & BIT(VF_HI - 32));
	vtnic_iov_service(&iov);
	assert_int_equal(R(VTNIC_PFVFLRE(1)), 0);
	assert_false(iov.vf[VF_HI].cts);
	assert_false(pool_enabled(VF_HI));
	assert_false(R(VTNIC_RAH(vf_rar(VF_HI))) & VTNIC_RAH_AV);
	assert_int_equal(vlvf_find(77), -1);
	assert_false(mta_bit(0x777));
	assert_isolated(VF_HI);
	expect_nack(VF_HI, MSG(VTNIC_MBX_SET_LPE, 1522), 2, false);
}

/* ==== 5. one VF does everything; the other pools see nothing of it ==== */

/* The PF and two other VFs with filters of their own */
static void populate_others(unsigned int a)
{
	unsigned int b1 = (a + 1) % NUM_VFS, b2 = (a + 32) % NUM_VFS;
	static const u16 b_hashes[] = { 0x123, 0x500 };
	u32 pf_mta[VTNIC_MTA_REGS] = { 0 };

	pf_mta[0x010 >> 5] |= BIT(0x010 & 31);
	vtnic_iov_set_pf_mta(&iov, pf_mta);
	assert_int_equal(vtnic_iov_set_pf_vlan(&iov, 20, true), 0);
	assert_int_equal(vtnic_iov_set_vf_mac(&iov, b1, admin_mac), 0);
	assert_int_equal(vtnic_iov_set_vf_vlan(&iov, b1, 100, 3), 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, b1, 0, 2000), 0);
	vf_up(b1);
	send_mc(b1, b_hashes, 1);
	vf_up(b2);
	send_vlan(b2, true, 20);
	send_vlan(b2, true, 30);
	send_mc(b2, b_hashes, 2);
}

static void vf_does_everything(unsigned int a)
{
	static const u16 hashes[] = { 0x123, 0x200, 0x010 };

	vf_up(a);
	negotiate(a, VTNIC_MBX_API_14);
	SEND(a, VTNIC_MBX_GET_QUEUES, 0, 0, 0, 0);
	SEND(a, VTNIC_MBX_SET_LPE, 9018);
	send_mc(a, hashes, ARRAY_SIZE(hashes));
	send_vlan(a, true, 20);
	send_vlan(a, true, 30);
	send_vlan(a, true, 40);
	send_vlan(a, true, 100);
	send_vlan(a, true, 50);		/* its fifth: refused */
	send_vlan(a, false, 20);
	SEND(a, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_ALLMULTI);
	SEND(a, VTNIC_MBX_UPDATE_XCAST_MODE, VTNIC_MBX_XCAST_PROMISC);
	SEND(a, VTNIC_MBX_GET_LINK_STATE, 0);
	SEND(a, W0(VTNIC_MBX_SET_MACVLAN, 1), 0x00000002, 0x0100);
	SEND(a, VTNIC_MBX_GET_RETA);
	send_mac(a, 0, pf_mac, NULL);
	send_mac(a, 0, admin_mac, NULL);
	SEND(a, 0x0d, 1, 2, 3);
	/* its FLR, and back with one VLAN */
	model_vf_flr(&m, a);
	vtnic_iov_service(&iov);
	SEND(a, VTNIC_MBX_SET_LPE, 2000);
	model_vf_ack(&m, a);
	jiffies += 3 * HZ;
	vtnic_iov_service(&iov);
	vf_up(a);
	send_vlan(a, true, 30);
}

static void test_isolation(void **state)
{
	static const unsigned int as[] = { 0, 31, 32, NUM_VFS - 1 };
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(as); i++) {
		start(NUM_VFS);
		populate_others(as[i]);
		take_snapshot();
		vf_does_everything(as[i]);
		assert_isolated(as[i]);
		assert_rar(vf_rar(as[i]), vf_mac(as[i]), as[i]);
		assert_int_equal(vlvf_pools(30) & BIT_ULL(as[i]), BIT_ULL(as[i]));
		assert_true(pool_enabled(as[i]));
	}
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_configure),
		T(test_reset_without_mac),
		T(test_reset_with_mac),
		T(test_set_mac_addr),
		T(test_set_multicast),
		T(test_set_vlan),
		T(test_set_lpe),
		T(test_api_negotiate),
		T(test_api_gating),
		T(test_reset_clears_head_wb),
		T(test_get_queues),
		T(test_update_xcast_mode),
		T(test_get_link_state),
		T(test_macvlan_and_rss),
		T(test_rss_query),
		T(test_before_reset),
		T(test_short_unknown_malformed),
		T(test_out_of_range),
		T(test_too_many_vlans),
		T(test_set_vlan_with_port_vlan),
		T(test_admin_port_vlan_spoofchk_rate),
		T(test_vf_flr_high),
		T(test_32_pools),
		T(test_63_vfs),
		T(test_isolation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
