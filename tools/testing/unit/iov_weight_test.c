// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of min_tx_rate: the pools' transmit weights that
 * vtnic_iov_pool_weights() computes from the VFs' guarantees, and the
 * admin path around it in driver/common/vtnic_iov.c (compiled unchanged):
 * what it accepts and refuses, and when it writes the weights again (a
 * guarantee changed, the link changed, the PF reset, the VFs went).
 *
 * The policy runs over the 82576 register model for everything but the
 * weights: the MAC under test is the 82576's bundle with a weight writer
 * added, which records each pool's weight as the 82599's RTTDT1C would
 * hold it.  The 82576's own bundle, which has no weights, must refuse
 * every guarantee.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <linux/device.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

#include "iov_harness.h"
#include "model_82576.h"
#include "vtnic_iov.h"

#define SCALE		VTNIC_IOV_WEIGHT_SCALE
#define FLOOR		VTNIC_IOV_WEIGHT_FLOOR
#define CRQ_MAX		0x3fff	/* the 82599's 14-bit refill quantum */

/* ---- the pure function ---- */

static u16 w[VTNIC_IOV_POOLS_MAX];

static void weights(const u32 *min, unsigned int num_vfs, u32 link)
{
	memset(w, 0xaa, sizeof(w));
	vtnic_iov_pool_weights(min, num_vfs, link, w);
}

/* No guarantees: every pool, the PF's too, weighs the same */
static void test_equal_without_guarantees(void **state)
{
	const u32 min[63] = { 0 };
	unsigned int n;

	(void)state;
	weights(min, 3, 10000);
	for (n = 0; n <= 3; n++)
		assert_int_equal(w[n], SCALE / 4);

	weights(min, 63, 10000);
	for (n = 0; n <= 63; n++)
		assert_int_equal(w[n], SCALE / 64);
	/* Nothing past the PF's pool is touched */
	assert_int_equal(w[64 - 1], SCALE / 64);
}

/*
 * A guarantee weighs its share of the link; the pools without one split
 * the rest.  At 10 Gb/s a weight is 1 Mb/s.
 */
static void test_proportional(void **state)
{
	const u32 min[3] = { 3000, 1000, 0 };

	(void)state;
	weights(min, 3, 10000);
	assert_int_equal(w[0], 3000);
	assert_int_equal(w[1], 1000);
	/* 6000 left for VF 2 and the PF */
	assert_int_equal(w[2], 3000);
	assert_int_equal(w[3], 3000);
	assert_int_equal(w[0] + w[1] + w[2] + w[3], SCALE);
	/* The share each gets under full contention is min / link */
	assert_int_equal(w[0] * 10000 / (w[0] + w[1] + w[2] + w[3]), 3000);
}

/* The same guarantees at 1 Gb/s: the weights are shares, not Mb/s */
static void test_relative_to_link(void **state)
{
	const u32 min[2] = { 300, 100 };

	(void)state;
	weights(min, 2, 1000);
	assert_int_equal(w[0], 3000);
	assert_int_equal(w[1], 1000);
	assert_int_equal(w[2], 6000);
}

/*
 * Guarantees that take the whole link leave the others the floor, never
 * zero (a pool that weighs nothing would never be served); the smallest
 * guarantee weighs at least 1, and rounds to the nearest.
 */
static void test_floor(void **state)
{
	const u32 full[3] = { 5000, 0, 5000 };
	const u32 tiny[2] = { 1, 0 };
	const u32 round[1] = { 15 };

	(void)state;
	weights(full, 3, 10000);
	assert_int_equal(w[0], 5000);
	assert_int_equal(w[1], FLOOR);
	assert_int_equal(w[2], 5000);
	assert_int_equal(w[3], FLOOR);

	weights(tiny, 2, 100000);
	assert_int_equal(w[0], 1);
	weights(tiny, 2, 10000);
	assert_int_equal(w[0], 1);

	/* 15 Mb/s of 1 Gb/s is 150, of 10 Gb/s 15, of 40 Gb/s 3.75 -> 4 */
	weights(round, 1, 1000);
	assert_int_equal(w[0], 150);
	weights(round, 1, 40000);
	assert_int_equal(w[0], 4);
}

/* Another VF without a guarantee: the unguaranteed share splits further */
static void test_rescaled_with_vf_count(void **state)
{
	const u32 min[4] = { 2000, 0, 0, 0 };

	(void)state;
	weights(min, 1, 10000);
	assert_int_equal(w[0], 2000);
	assert_int_equal(w[1], 8000);

	weights(min, 4, 10000);
	assert_int_equal(w[0], 2000);
	assert_int_equal(w[1], 2000);
	assert_int_equal(w[2], 2000);
	assert_int_equal(w[3], 2000);
	assert_int_equal(w[4], 2000);
}

/*
 * The link came up slower than the guarantees were set for: they are
 * held against their sum, keep their ratio, and the others keep the floor
 */
static void test_guarantees_above_link(void **state)
{
	const u32 min[3] = { 6000, 4000, 0 };

	(void)state;
	weights(min, 3, 1000);
	assert_int_equal(w[0], 6000);
	assert_int_equal(w[1], 4000);
	assert_int_equal(w[2], FLOOR);
	assert_int_equal(w[3], FLOOR);
}

/* Every weight fits the 82599's refill quantum, whatever comes in */
static void test_fits_refill_quantum(void **state)
{
	u32 min[63];
	unsigned int n, i;

	(void)state;
	for (i = 0; i < 63; i++)
		min[i] = i % 2 ? 0xffffffff : 0;
	for (n = 1; n <= 63; n++) {
		weights(min, n, 10000);
		for (i = 0; i <= n; i++) {
			assert_in_range(w[i], 1, CRQ_MAX);
			/* from 2 VFs on the guarantees swamp the link */
			if (n > 1 && i < n && !min[i])
				assert_int_equal(w[i], FLOOR);
		}
	}
	/* 63 VFs at 158 Mb/s each: 9954 of 10000, the PF has 46 */
	for (i = 0; i < 63; i++)
		min[i] = 158;
	weights(min, 63, 10000);
	for (i = 0; i < 63; i++)
		assert_int_equal(w[i], 158);
	assert_int_equal(w[63], 46);
	/* No link speed: held against their sum, 158 / 9954 -> 159 */
	weights(min, 63, 0);
	assert_int_equal(w[0], 159);
	assert_int_equal(w[63], FLOOR);
	/* and nothing at all is not a division by zero: equal weights */
	memset(min, 0, sizeof(min));
	weights(min, 1, 0);
	assert_int_equal(w[0], SCALE / 2);
	assert_int_equal(w[1], SCALE / 2);
}

/* ---- the admin path ---- */

#define NUM_VFS		3
#define PF_POOL		NUM_VFS
#define NO_WRITE	0xffff

static struct vtnic_iov_ops ops;
static struct vtnic_iov_info info;

/* What each pool's RTTDT1C holds, and which were written since cleared */
static u16 crq[VTNIC_IOV_POOLS_MAX];
static u16 wrote[VTNIC_IOV_POOLS_MAX];
static unsigned int nr_writes;

static void record_weight(struct vtnic_hw *h, unsigned int pool, u16 weight)
{
	assert_ptr_equal(h, &hw);
	assert_in_range(pool, 0, VTNIC_IOV_POOLS_MAX - 1);
	assert_in_range(weight, 0, CRQ_MAX);
	crq[pool] = weight;
	wrote[pool] = weight;
	nr_writes++;
}

static void writes_clear(void)
{
	memset(wrote, 0xff, sizeof(wrote));
	nr_writes = 0;
}

static void start(const struct vtnic_iov_info *mac, unsigned int num_vfs,
		  u32 link)
{
	static const u8 pf_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	memset(crq, 0, sizeof(crq));
	harness_start(&model_82576_mac, mac, num_vfs, pf_mac,
		      0x80083);	/* a live device */
	dev.quiet = true;
	vtnic_iov_set_link(&iov, link);
	writes_clear();
}

static int setup(void **state)
{
	(void)state;
	ops = *vtnic_82576_iov.ops;
	ops.set_pool_weight = record_weight;
	info = vtnic_82576_iov;
	info.ops = &ops;
	info.limits.link_mbps = 10000;
	start(&info, NUM_VFS, 10000);
	return 0;
}

/* After configure every pool in use weighs the same, none past the PF's */
static void test_configure_writes_all(void **state)
{
	unsigned int pool;

	(void)state;
	start(&info, NUM_VFS, 0);
	for (pool = 0; pool <= PF_POOL; pool++)
		assert_int_equal(crq[pool], SCALE / (NUM_VFS + 1));
	for (; pool < VTNIC_IOV_POOLS_MAX; pool++)
		assert_int_equal(crq[pool], 0);
}

/* A guarantee: its pool and the others' change, nothing else is written */
static void test_guarantee_accepted(void **state)
{
	(void)state;
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 0), 0);
	assert_int_equal(iov.vf[1].min_tx_rate, 4000);
	assert_int_equal(crq[1], 4000);
	assert_int_equal(crq[0], 2000);
	assert_int_equal(crq[2], 2000);
	assert_int_equal(crq[PF_POOL], 2000);
	assert_int_equal(nr_writes, 4);
	assert_int_equal(dev.nr_err, 0);

	/* The same again writes nothing */
	writes_clear();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 0), 0);
	assert_int_equal(nr_writes, 0);

	/* With a limit at or above it */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 4000), 0);
	assert_int_equal(iov.vf[1].max_tx_rate, 4000);
	/* Another VF's guarantee takes from the unguaranteed only */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 1000, 0), 0);
	assert_int_equal(crq[0], 1000);
	assert_int_equal(crq[1], 4000);
	assert_int_equal(crq[2], 2500);
	assert_int_equal(crq[PF_POOL], 2500);

	/* 0 takes it back */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 0, 0), 0);
	assert_int_equal(crq[1], 3000);
	assert_int_equal(crq[PF_POOL], 3000);
}

/* Refusals change nothing, write nothing, and say why in the log */
static void test_refusals(void **state)
{
	(void)state;
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 6000, 0), 0);
	writes_clear();

	/* above its own limit */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 500, 400), -EINVAL);
	assert_int_equal(dev.nr_err, 1);
	/* with the other guarantees, above the link */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4001, 0), -EINVAL);
	assert_int_equal(dev.nr_err, 2);
	/* a limit above the link; at it, no limit at all but allowed */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 100, 10001), -EINVAL);
	assert_int_equal(dev.nr_err, 3);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 2, 0, 10000), 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 2, 0, 0), 0);
	/* its own guarantee does not count twice */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 10000, 0), 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 6000, 0), 0);

	assert_int_equal(iov.vf[1].min_tx_rate, 0);
	assert_int_equal(iov.vf[1].max_tx_rate, 0);
	/* exactly the link is allowed */
	writes_clear();
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 0), 0);
	assert_int_equal(crq[0], 6000);
	assert_int_equal(crq[1], 4000);
	assert_int_equal(crq[2], FLOOR);
	assert_int_equal(crq[PF_POOL], FLOOR);

	/* The link at exactly their sum is no warning; a faster one shares */
	dev.nr_warn = 0;
	vtnic_iov_set_link(&iov, 10000);
	assert_int_equal(dev.nr_warn, 0);
	vtnic_iov_set_link(&iov, 20000);
	assert_true(crq[2] > FLOOR);
	assert_true(crq[PF_POOL] > FLOOR);
}

/*
 * With the link down the guarantees are held against the MAC's fastest
 * link; once it is up at a slower speed they keep their ratio
 */
static void test_link_down_and_slower(void **state)
{
	(void)state;
	vtnic_iov_set_link(&iov, 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 6000, 0), 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4001, 0), -EINVAL);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 0), 0);
	assert_int_equal(crq[PF_POOL], FLOOR);

	dev.nr_warn = 0;
	vtnic_iov_set_link(&iov, 1000);
	assert_int_equal(dev.nr_warn, 1);
	assert_int_equal(crq[0], 6000);
	assert_int_equal(crq[1], 4000);
	assert_int_equal(crq[PF_POOL], FLOOR);
	/* and refused above the slower link from then on */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 2, 1, 0), -EINVAL);
	/* but a guarantee set again as it was is no new one */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 4000, 0), 0);

	/* but lowered: VF 0's lifted, VF 1's down to 250 of 1 Gb/s */
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 0, 0), 0);
	assert_int_equal(crq[0], FLOOR);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 1, 0), -EINVAL);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 1, 250, 0), 0);
	assert_int_equal(crq[1], 2500);
	assert_int_equal(crq[0], 2500);
	assert_int_equal(crq[PF_POOL], 2500);
}

/* A PF reset clears the device: configure writes every weight again */
static void test_pf_reset_rewrites(void **state)
{
	unsigned int pool;

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 2, 1000, 0), 0);
	vtnic_iov_pf_reset_begin(&iov);
	memset(crq, 0, sizeof(crq));		/* what a reset does */
	writes_clear();
	vtnic_iov_configure(&iov);
	assert_int_equal(nr_writes, NUM_VFS + 1);
	for (pool = 0; pool <= PF_POOL; pool++)
		assert_int_equal(wrote[pool], pool == 2 ? 1000 : 3000);
}

/*
 * The VFs go: every weight they had is zeroed.  With a different count
 * they come back without guarantees (the admin settings go with them),
 * the PF's pool moved, and the weights split over the new count.
 */
static void test_vfs_come_and_go(void **state)
{
	unsigned int pool;

	(void)state;
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 2000, 0), 0);
	vtnic_iov_disable(&iov);
	for (pool = 0; pool < VTNIC_IOV_POOLS_MAX; pool++)
		assert_int_equal(crq[pool], 0);

	vtnic_iov_init(&iov, &hw, &info, 7);
	vtnic_iov_configure(&iov);
	vtnic_iov_set_link(&iov, 10000);
	for (pool = 0; pool <= 7; pool++)
		assert_int_equal(crq[pool], SCALE / 8);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 2000, 0), 0);
	assert_int_equal(crq[0], 2000);
	for (pool = 1; pool <= 7; pool++)
		assert_int_equal(crq[pool], 8000 / 7);
}

/* The 82576 has no weights: a guarantee is refused, a limit is not */
static void test_82576_refuses(void **state)
{
	(void)state;
	start(&vtnic_82576_iov, NUM_VFS, 1000);
	dev.nr_err = 0;
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 100, 0), -EOPNOTSUPP);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 100, 200), -EOPNOTSUPP);
	assert_int_equal(dev.nr_err, 2);
	assert_int_equal(iov.vf[0].min_tx_rate, 0);
	assert_int_equal(iov.vf[0].max_tx_rate, 0);
	assert_int_equal(vtnic_iov_set_vf_rate(&iov, 0, 0, 200), 0);
	assert_int_equal(iov.vf[0].max_tx_rate, 200);
	assert_int_equal(nr_writes, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_without_guarantees),
		cmocka_unit_test(test_proportional),
		cmocka_unit_test(test_relative_to_link),
		cmocka_unit_test(test_floor),
		cmocka_unit_test(test_rescaled_with_vf_count),
		cmocka_unit_test(test_guarantees_above_link),
		cmocka_unit_test(test_fits_refill_quantum),
		cmocka_unit_test_setup(test_configure_writes_all, setup),
		cmocka_unit_test_setup(test_guarantee_accepted, setup),
		cmocka_unit_test_setup(test_refusals, setup),
		cmocka_unit_test_setup(test_link_down_and_slower, setup),
		cmocka_unit_test_setup(test_pf_reset_rewrites, setup),
		cmocka_unit_test_setup(test_vfs_come_and_go, setup),
		cmocka_unit_test_setup(test_82576_refuses, setup),
	};

	return cmocka_run_group_tests_name("iov_weight", tests, NULL, NULL);
}
