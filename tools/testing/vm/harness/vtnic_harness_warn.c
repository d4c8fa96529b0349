// SPDX-License-Identifier: GPL-2.0
/*
 * Harness check only, never shipped: a module whose load raises a real
 * kernel WARN, so that the test VM can show a WARN fails the run even
 * when every selftest passed.
 */

#include <linux/bug.h>
#include <linux/module.h>

static int __init vtnic_harness_warn_init(void)
{
	WARN(1, "vtnic harness check: deliberate WARN\n");
	return 0;
}
module_init(vtnic_harness_warn_init);

static void __exit vtnic_harness_warn_exit(void)
{
}
module_exit(vtnic_harness_warn_exit);

MODULE_DESCRIPTION("vtnic test harness: deliberate WARN");
MODULE_LICENSE("GPL");
