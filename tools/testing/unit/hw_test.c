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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read_write, setup),
		cmocka_unit_test_setup(test_all_ones_register_on_live_device, setup),
		cmocka_unit_test_setup(test_device_gone, setup),
		cmocka_unit_test_setup(test_gone_before_the_netdev, setup),
		cmocka_unit_test_setup(test_status_all_ones_is_gone, setup),
	};

	return cmocka_run_group_tests_name("hw", tests, NULL, NULL);
}
