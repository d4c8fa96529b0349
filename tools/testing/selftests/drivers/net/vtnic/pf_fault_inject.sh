#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# debug-kernel
#
# Allocation failures inside port A's reconfigurations.  Each operation
# that takes the datapath down and brings it up again (ethtool -L,
# bringing the port up, creating VFs) runs with its 1st fault-injection
# point failed, then its 2nd, and so on until it runs to its end without
# reaching the point (failnth, through /proc/thread-self/fail-nth).  Only
# slab allocations made with port A's driver on the call stack count.
# Creating VFs re-lays the pools first, with the datapath down and up
# again, and then has the PCI core create the VFs, hundreds of points
# more: its first SRIOV_LIMIT points are the re-layout's.  ethtool -G and
# an MTU change take the same path as ethtool -L.
#
# After each failure the admin's remedy must work: the port goes down
# and up, and the kernel logs no warning, oops or KASAN report meanwhile.
# At the end port A passes traffic to port B with two VFs created.
#
# Needs a kernel with fault injection and its stack filter (the debug
# kernel, tools/testing/vm/debug-kernel.sh); the VM runs it only there.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

LIMIT=300	# fault points an operation may reach
SRIOV_LIMIT=40	# the points of creating VFs that are tried

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	cleanup_all_ns
}

# inject_setup: failslab fails sleeping allocations too, quietly, and
# only with port A's driver on the stack (the text of its module, from
# its symbols in /proc/kallsyms), but not under vtnic_rx_fill(): each
# receive buffer's DMA mapping allocates (the IOMMU's IOVAs), a thousand
# points a ring change.  fail_page_alloc is kept out (an empty stack
# range): every receive buffer is a page.
inject_setup()
{
	local dbg=/sys/kernel/debug drv lo hi f

	[ -e /proc/thread-self/fail-nth ] && [ -d "$dbg/failslab" ] ||
		ktap_exit_fail_msg "this kernel has no fault injection (CONFIG_FAILSLAB, CONFIG_FAULT_INJECTION_DEBUG_FS)"
	drv=$(pci_driver "$VTNIC_PORT_A")
	read -r lo hi < <(awk -v m="[$drv]" '$4 == m && ($2 == "t" || $2 == "T") { print $1 }' \
		/proc/kallsyms | sort | sed -n '1p;$p' | paste -sd' ')
	[ -n "$hi" ] || ktap_exit_fail_msg "no symbols of $drv in /proc/kallsyms"
	# The last function runs past its symbol: up to the next page and one more
	lo=$(printf '0x%x' $((0x$lo)))
	hi=$(printf '0x%x' $(((0x$hi | 0xfff) + 1 + 4096)))
	# vtnic_rx_refill() (static, not inlined) and vtnic_rx_fill(), which
	# follows it, up to the next symbol of their module
	read -r fill_lo fill_hi < <(awk '$4 == "[vtnic_lib]" { print $1, $3 }' \
		/proc/kallsyms | sort | awk '
			f { print "0x" $1; exit }
			$2 == "vtnic_rx_refill" && !s { printf "0x%s ", $1; s = 1 }
			$2 == "vtnic_rx_fill" { if (!s) printf "0x%s ", $1; f = 1 }')
	ktap_print_msg "failing allocations made from $drv's text, $lo to $hi," \
		"not under vtnic_rx_refill/fill, $fill_lo to $fill_hi"
	for f in failslab fail_page_alloc; do
		[ -e "$dbg/$f/require-start" ] ||
			ktap_exit_fail_msg "no stack filter (CONFIG_FAULT_INJECTION_STACKTRACE_FILTER)"
		echo "$lo" > "$dbg/$f/require-start"
		echo "$hi" > "$dbg/$f/require-end"
		echo 32 > "$dbg/$f/stacktrace-depth"
		echo N > "$dbg/$f/ignore-gfp-wait"
		echo 0 > "$dbg/$f/verbose"
		if [ -n "$fill_hi" ]; then
			echo "$fill_lo" > "$dbg/$f/reject-start"
			echo "$fill_hi" > "$dbg/$f/reject-end"
		fi
	done
	echo "$lo" > "$dbg/fail_page_alloc/require-end"
}

# remedy: what an admin does to a port that failed to come back
remedy()
{
	ip -n "$NSA" link set "$dev_a" down
	ip -n "$NSA" link set "$dev_a" up
}

# sweep NAME LIMIT PREPARE RESTORE FAILNTH_ARGS...: for N = 1, 2, ...:
# PREPARE, the operation with its Nth fault point failed, and after a
# failure the remedy and RESTORE; until the operation runs to its end or
# LIMIT points were tried.  True when it ran to its end (LIMIT 0: the
# global LIMIT), or was tried at all LIMIT points, failing some, and the
# kernel logged nothing bad meanwhile.
sweep()
{
	local name=$1 limit=$2 prepare=$3 restore=$4
	local n rc out failed=0 mark

	shift 4
	[ "$limit" != 0 ] || limit=$LIMIT
	mark=$(kernel_log_mark)
	for ((n = 1; n <= limit; n++)); do
		$prepare
		out=$(ip netns exec "$NSA" failnth "$n" "$@" 2>&1)
		rc=$?
		[ "$rc" = 1 ] || break
		case "$out" in *": ok") ;; *) failed=$((failed + 1)) ;; esac
		remedy
		$restore
	done
	ktap_print_msg "$name: $((n - 1)) points failed in turn, $failed of them failed the operation; last: $out"
	if [ "$rc" = 2 ] || { [ "$rc" = 1 ] && [ "$2" = 0 ]; } ||
	   [ "$failed" = 0 ]; then
		ktap_print_msg "$name: failnth exit $rc"
		return 1
	fi
	kernel_log_clean "$mark"
}

vf_none() { set_numvfs "$VTNIC_PORT_A" 0; }
nothing() { :; }
port_down() { ip -n "$NSA" link set "$dev_a" down; }
channels_back() { ip netns exec "$NSA" ethtool -L "$dev_a" combined "$combined" 2>/dev/null; }

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

ports_attach
ports_wait_up
inject_setup
combined=$(ethtool_field "$NSA" "$dev_a" -l Current Combined)
rx=$(ethtool_field "$NSA" "$dev_a" -g Current RX)
tx=$(ethtool_field "$NSA" "$dev_a" -g Current TX)
other=$((combined > 1 ? combined - 1 : 2))
ktap_print_msg "port A: $combined combined channels, rings rx $rx tx $tx"

expect "ethtool -L combined $other survives each allocation failure" \
	sweep "ethtool -L" 0 channels_back channels_back channels "$dev_a" "$other"
channels_back
expect "bringing the port up survives each allocation failure" \
	sweep "link up" 0 port_down nothing up "$dev_a"
expect "creating 2 VFs survives each of its first $SRIOV_LIMIT allocation failures" \
	sweep "sriov_numvfs 2" $SRIOV_LIMIT vf_none vf_none write "$PCI_A/sriov_numvfs" 2

remedy
set_numvfs "$VTNIC_PORT_A" 2
expect "port A passes traffic with 2 VFs afterwards" \
	eval 'wait_carrier "$dev_a" "$NSA" && ping_retry "$NSB" "$NET4.1" 20'
ktap_finished
