// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of driver/common/vtnic_hw.c: register access and the
 * all-ones "device gone" detection, against a small BAR model.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>

#include "vtnic_82576_regs.h"
#include "vtnic_hw.h"

#define BAR_SIZE	0x20000

static u32 bar[BAR_SIZE / 4];
static unsigned int nr_reads, nr_writes;

u32 shim_readl(const void *addr)
{
	nr_reads++;
	return bar[((const u8 *)addr - (const u8 *)bar) / 4];
}

void shim_writel(u32 val, void *addr)
{
	nr_writes++;
	bar[((u8 *)addr - (u8 *)bar) / 4] = val;
}

static struct device dev;
static struct net_device netdev;
static struct vtnic_hw hw;

static int setup(void **state)
{
	(void)state;
	memset(bar, 0, sizeof(bar));
	memset(&dev, 0, sizeof(dev));
	dev.name = "test";
	netdev = (struct net_device){ .present = true };
	hw = (struct vtnic_hw){ .hw_addr = (u8 *)bar, .dev = &dev,
				.netdev = &netdev };
	nr_reads = nr_writes = 0;
	return 0;
}

static void test_read_write(void **state)
{
	(void)state;
	vtnic_hw_wr32(&hw, 0x5400, 0x12345678);
	assert_int_equal(bar[0x5400 / 4], 0x12345678);
	assert_int_equal(vtnic_hw_rd32(&hw, 0x5400), 0x12345678);
	assert_true(vtnic_hw_present(&hw));
	assert_true(netdev.present);
}

static void test_all_ones_register_on_live_device(void **state)
{
	(void)state;
	bar[VTNIC_STATUS / 4] = 0x80083;	/* a live STATUS */
	bar[0x5200 / 4] = ~0U;			/* an MTA word with every bit set */
	assert_int_equal(vtnic_hw_rd32(&hw, 0x5200), ~0U);
	assert_true(vtnic_hw_present(&hw));
	assert_int_equal(dev.nr_err, 0);
	assert_int_equal(netdev.nr_detach, 0);
}

static void test_device_gone(void **state)
{
	(void)state;
	memset(bar, 0xff, sizeof(bar));		/* the function stopped answering */
	assert_int_equal(vtnic_hw_rd32(&hw, 0x5400), ~0U);
	assert_false(vtnic_hw_present(&hw));
	assert_int_equal(dev.nr_err, 1);
	/* The stack is told at once: the netdev is detached */
	assert_false(netdev.present);
	assert_int_equal(netdev.nr_detach, 1);

	/* Nothing reaches the bus after that, and it is logged once. */
	nr_reads = nr_writes = 0;
	assert_int_equal(vtnic_hw_rd32(&hw, VTNIC_STATUS), ~0U);
	vtnic_hw_wr32(&hw, 0x5400, 0);
	assert_int_equal(nr_reads + nr_writes, 0);
	assert_int_equal(dev.nr_err, 1);
	assert_int_equal(netdev.nr_detach, 1);
}

static void test_gone_before_the_netdev(void **state)
{
	(void)state;
	hw.netdev = NULL;			/* during probe */
	memset(bar, 0xff, sizeof(bar));
	assert_int_equal(vtnic_hw_rd32(&hw, 0x5400), ~0U);
	assert_false(vtnic_hw_present(&hw));
	assert_int_equal(netdev.nr_detach, 0);
}

static void test_status_all_ones_is_gone(void **state)
{
	(void)state;
	bar[VTNIC_STATUS / 4] = ~0U;
	assert_int_equal(vtnic_hw_rd32(&hw, VTNIC_STATUS), ~0U);
	assert_false(vtnic_hw_present(&hw));
}

/* A VF's five counters, at made-up offsets, and their values */
static const struct vtnic_vf_stats_regs stats_regs = {
	.reg = { 0x10f10, 0x10f14, 0x10f18, 0x10f1c, 0x10f20 },
};

static void set_counters(u32 rxp, u32 rxb, u32 txp, u32 txb, u32 mc)
{
	const u32 val[] = { rxp, rxb, txp, txb, mc };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(val); i++)
		bar[stats_regs.reg[i] / 4] = val[i];
}

/*
 * A restart only notes where the counters are; each fold then adds what
 * each counter moved by, to its own total, across a wrap too; a counter
 * at all ones on a live device is a value
 */
static void test_vf_stats_fold(void **state)
{
	struct vtnic_vf_stats s = { 0 };

	(void)state;
	bar[VTNIC_STATUS / 4] = 0x80083;
	set_counters(100, 200000, 300, 400000, 5);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, true);
	assert_int_equal(s.rx_packets + s.rx_bytes + s.tx_packets +
			 s.tx_bytes + s.multicast, 0);

	set_counters(101, 201000, 303, 404000, 9);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, false);
	assert_int_equal(s.rx_packets, 1);
	assert_int_equal(s.rx_bytes, 1000);
	assert_int_equal(s.tx_packets, 3);
	assert_int_equal(s.tx_bytes, 4000);
	assert_int_equal(s.multicast, 4);

	/* The octets wrapped, one counter reads all ones */
	set_counters(101, 0x10, 303, ~0U, 9);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, false);
	assert_int_equal(s.rx_bytes, 1000 + (0x100000000ULL - 201000) + 0x10);
	assert_int_equal(s.tx_bytes, 4000 + (0xffffffffULL - 404000));
	assert_int_equal(s.rx_packets, 1);
	assert_true(vtnic_hw_present(&hw));

	/* After a reset cleared them: from there, nothing counted twice */
	set_counters(0, 0, 0, 0, 0);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, true);
	set_counters(2, 64, 0, 0, 0);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, false);
	assert_int_equal(s.rx_packets, 3);
	assert_int_equal(s.rx_bytes, 1000 + (0x100000000ULL - 201000) + 0x10 +
			 64);
}

/* The device gone: nothing added, and no register read after it */
static void test_vf_stats_fold_gone(void **state)
{
	struct vtnic_vf_stats s = { 0 };

	(void)state;
	bar[VTNIC_STATUS / 4] = 0x80083;
	set_counters(1, 2, 3, 4, 5);
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, true);
	memset(bar, 0xff, sizeof(bar));
	nr_reads = 0;
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, false);
	assert_false(vtnic_hw_present(&hw));
	assert_int_equal(s.rx_packets + s.rx_bytes + s.tx_packets +
			 s.tx_bytes + s.multicast, 0);
	assert_int_equal(s.last[0], 1);
	nr_reads = 0;
	vtnic_vf_stats_fold(&hw, &stats_regs, &s, false);
	assert_int_equal(nr_reads, 0);
	assert_int_equal(s.rx_packets, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read_write, setup),
		cmocka_unit_test_setup(test_all_ones_register_on_live_device, setup),
		cmocka_unit_test_setup(test_device_gone, setup),
		cmocka_unit_test_setup(test_gone_before_the_netdev, setup),
		cmocka_unit_test_setup(test_status_all_ones_is_gone, setup),
		cmocka_unit_test_setup(test_vf_stats_fold, setup),
		cmocka_unit_test_setup(test_vf_stats_fold_gone, setup),
	};

	return cmocka_run_group_tests_name("hw", tests, NULL, NULL);
}
