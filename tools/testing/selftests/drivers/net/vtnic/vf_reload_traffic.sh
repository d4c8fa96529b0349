#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VF driver unloads and loads again ROUNDS times while traffic runs
# through the VF (a ping flood from port B to the VF, a UDP flood from the
# VF to B).  Before each unload nothing holds the module (refcount 0);
# after each load the VF has carrier again and pings B.  At the end the
# kernel has logged no warning and no leak (a "leak" message, a netdev
# waiting for its last reference, a page pool stalled on pages in
# flight), and no memory is left behind: free memory, unreclaimable slab
# and vmalloc in use are within a tolerance of what they were before.
#
# The test VM's kernel (Debian's 6.12) has no kmemleak
# (CONFIG_DEBUG_KMEMLEAK is off), so memory is measured as
# pf_reload_traffic.sh does it (mem_snapshot), with its tolerances, but
# settled over three snapshots before and after (mem_settled).  With
# igbvf on igb and on vtnic, over 3 runs of 10 rounds and 2 of 20 with
# single snapshots, free memory moved by -288 to +168 kB, vmalloc by -16
# to 0 kB and unreclaimable slab by -96 to +284 kB, while snapshots after
# each of 20 rounds wandered within 200 kB with no trend.  A simulated
# leak of 400 kB of tmpfs per round failed the free memory check (-4096
# kB).  A leak per round of 205 kB of pages (igbvf's receive ring holds
# 256 buffers of 1.5 kB and more), 39 kB of slab or 13 kB of vmalloc (one
# ring's vzalloc'ed buffer_info array is 12 kB) fails the test; smaller
# leaks need kmemleak.
#
# Unreclaimable slab that stays behind grows with the CPUs (each keeps
# partial slabs of its own), so its tolerance is 192 kB a CPU: 384 kB on
# the 82576 test VM's 2 vCPUs, where it was measured.  With ixgbevf on the
# 82599 model, slab grew by 184 kB with 2 vCPUs and by 388 and 452 kB with
# the 4 that VM has.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

ROUNDS=10
FREE_TOLERANCE_KB=2048
SLAB_TOLERANCE_KB=$((192 * $(grep -c ^processor /proc/cpuinfo)))
VMALLOC_TOLERANCE_KB=128

cleanup()
{
	traffic_stop
	vf_test_cleanup
}

# round: with traffic through the VF, the VF driver (refcount 0) unloads,
# unbinding the VF, and loads again; true when the VF came back, got
# carrier and pings B.  Says what failed.
round()
{
	local n

	traffic_start "$NSB" "$NET4.11" "$NSV" "$NET4.2"
	sleep 0.5
	n=$(module_refcnt "$drv")
	if [ "$n" != 0 ]; then
		ktap_print_msg "$drv has refcount $n before the unload"
		return 1
	fi
	if ! modprobe -r "$drv" || ! is_unbound "$vf"; then
		ktap_print_msg "$drv did not unload and let go of the VF"
		return 1
	fi
	traffic_stop
	if ! dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24"); then
		ktap_print_msg "the VF does not come back with $drv"
		return 1
	fi
	if ! wait_carrier "$dev_vf" "$NSV"; then
		ktap_print_msg "no carrier on the VF"
		return 1
	fi
	if ! ping_retry "$NSV" "$NET4.2" 15; then
		ktap_print_msg "the VF does not reach port B"
		return 1
	fi
}

vtnic_require_env
drv=$VTNIC_VF_DRIVER
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan $((ROUNDS + 6))

mark=$(kernel_log_mark)
vf_pair_up
# The first round warms up what is allocated once (slab caches, the
# module's first load); the memory baseline is taken after it.
round || ktap_exit_fail_msg "warm-up round: the VF did not come back"
ktap_test_pass "warm-up round"
read -r free0 slab0 vmalloc0 < <(mem_settled 3)
start=$(now_ms)
for ((i = 1; i <= ROUNDS; i++)); do
	round || ktap_exit_fail_msg "round $i: the VF did not come back"
	ktap_test_pass "round $i: $drv unloaded and loaded under traffic"
done
ktap_print_msg "$ROUNDS rounds in $(($(now_ms) - start)) ms"
read -r free1 slab1 vmalloc1 < <(mem_settled 3)

ktap_test_result "no warning logged" kernel_log_clean "$mark"
ktap_test_result "no leak logged" kernel_log_no_leak "$mark"
mem_results
ktap_finished
