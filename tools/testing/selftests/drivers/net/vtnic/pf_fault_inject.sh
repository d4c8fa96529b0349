#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# debug-kernel
#
# Allocation failures inside port A's reconfigurations.  Each operation
# that takes the datapath down and brings it up again (creating VFs,
# removing them, ethtool -L, ethtool -G, an MTU change, bringing the port
# up) runs with its 1st fault-injection point failed, then its 2nd, and
# so on until it runs to its end without reaching the point (failnth,
# through /proc/thread-self/fail-nth).  Only allocations made with port
# A's driver on the call stack count, slab and page allocations alike.
#
# After each failure the admin's remedy must work: the port goes down
# and up, and the kernel logs no warning, oops or KASAN report meanwhile.
# At the end port A passes traffic to port B with two VFs created.
#
# Needs a kernel with fault injection and its stack filter (the debug
# kernel, tools/testing/vm/debug-kernel.sh); the VM runs it only there.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

LIMIT=400	# fault points an operation may reach

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	cleanup_all_ns
}

# inject_setup: failslab and fail_page_alloc fail sleeping allocations
# too, quietly, and only with port A's driver on the stack (the text of
# its module, from its symbols in /proc/kallsyms)
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
	ktap_print_msg "failing allocations made from $drv's text, $lo to $hi"
	for f in failslab fail_page_alloc; do
		[ -e "$dbg/$f/require-start" ] ||
			ktap_exit_fail_msg "no stack filter (CONFIG_FAULT_INJECTION_STACKTRACE_FILTER)"
		echo "$lo" > "$dbg/$f/require-start"
		echo "$hi" > "$dbg/$f/require-end"
		echo 32 > "$dbg/$f/stacktrace-depth"
		echo N > "$dbg/$f/ignore-gfp-wait"
		echo 0 > "$dbg/$f/verbose"
	done
	echo 0 > "$dbg/fail_page_alloc/min-order"
}

# remedy: what an admin does to a port that failed to come back
remedy()
{
	ip -n "$NSA" link set "$dev_a" down
	ip -n "$NSA" link set "$dev_a" up
}

# sweep NAME PREPARE RESTORE FAILNTH_ARGS...: for N = 1, 2, ...: PREPARE,
# the operation with its Nth fault point failed, and after a failure the
# remedy and RESTORE; until the operation runs to its end.  True when it
# did within LIMIT points and the kernel logged nothing bad meanwhile.
sweep()
{
	local name=$1 prepare=$2 restore=$3 n rc out failed=0 mark

	shift 3
	mark=$(kernel_log_mark)
	for ((n = 1; n <= LIMIT; n++)); do
		$prepare
		out=$(ip netns exec "$NSA" failnth "$n" "$@" 2>&1)
		rc=$?
		[ "$rc" = 1 ] || break
		case "$out" in *": ok") ;; *) failed=$((failed + 1)) ;; esac
		remedy
		$restore
	done
	ktap_print_msg "$name: $((n - 1)) points failed in turn, $failed of them failed the operation; then: $out"
	if [ "$rc" != 0 ]; then
		ktap_print_msg "$name: failnth exit $rc"
		return 1
	fi
	kernel_log_clean "$mark"
}

vf_none() { set_numvfs "$VTNIC_PORT_A" 0; }
vf_two() { set_numvfs "$VTNIC_PORT_A" 2; }
nothing() { :; }
port_down() { ip -n "$NSA" link set "$dev_a" down; }
channels_back() { ip netns exec "$NSA" ethtool -L "$dev_a" combined "$combined" 2>/dev/null; }
rings_back() { ip netns exec "$NSA" ethtool -G "$dev_a" rx "$rx" tx "$tx" 2>/dev/null; }
mtu_back() { ip -n "$NSA" link set "$dev_a" mtu 1500; }

# settings_field OPT SECTION FIELD: FIELD of "ethtool OPT A" in SECTION
settings_field()
{
	ip netns exec "$NSA" ethtool "$1" "$dev_a" |
		awk -v s="$2" -v f="$3:" '
			index($0, s) == 1 { on = 1; next }
			/:$/ { on = 0 }
			on && $1 == f { print $2; exit }'
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 7

ports_attach
ports_wait_up
inject_setup
combined=$(settings_field -l Current Combined)
rx=$(settings_field -g Current RX)
tx=$(settings_field -g Current TX)
other=$((combined > 1 ? combined - 1 : 2))
ktap_print_msg "port A: $combined combined channels, rings rx $rx tx $tx"

expect "creating 2 VFs survives each allocation failure" \
	sweep "sriov_numvfs 2" vf_none vf_none write "$PCI_A/sriov_numvfs" 2
expect "removing the VFs survives each allocation failure" \
	sweep "sriov_numvfs 0" vf_two nothing write "$PCI_A/sriov_numvfs" 0
vf_none
expect "ethtool -L combined $other survives each allocation failure" \
	sweep "ethtool -L" channels_back channels_back channels "$dev_a" "$other"
channels_back
expect "ethtool -G rx $((rx / 2)) tx $((tx / 2)) survives each allocation failure" \
	sweep "ethtool -G" rings_back rings_back rings "$dev_a" $((rx / 2)) $((tx / 2))
rings_back
expect "mtu 3000 survives each allocation failure" \
	sweep "mtu 3000" mtu_back mtu_back mtu "$dev_a" 3000
mtu_back
expect "bringing the port up survives each allocation failure" \
	sweep "link up" port_down nothing up "$dev_a"

remedy
vf_two
expect "port A passes traffic with 2 VFs afterwards" \
	eval 'wait_carrier "$dev_a" "$NSA" && ping_retry "$NSB" "$NET4.1" 20'
ktap_finished
