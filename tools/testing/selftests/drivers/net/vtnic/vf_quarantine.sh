#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# A VF that floods its mailbox past its budget for 10 s on end is
# quarantined (VTNIC_IOV_QUARANTINE_S in vtnic_iov.h).  VF 1, without a
# driver, is flooded by vfattack for FLOOD_S seconds while VF 0, bound to
# the VF driver under test, talks to port B.  Then: "ethtool -S A"
# counts one quarantine of VF 1, the log says so once, and a RESET
# message of VF 1 gets no reply (its mailbox is ignored); VF 0 still
# pings port B.
# After an FLR of VF 1 its RESET is ACKed again and the count stays 1.
# The 82599's VFs speak ixgbe's dialect, vfattack picks it by device ID.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

FLOOD_S=14		# the quarantine's 10 s, and room for a slow VM
TIMEOUT_MS=1500		# what vfattack waits for a reply
ATT_MAC=02:76:74:6e:a7:01

cleanup()
{
	[ -n "$flood_pid" ] && kill "$flood_pid" 2>/dev/null
	wait 2>/dev/null
	vf_test_cleanup
}

quarantines()
{
	ethtool_stat "$NSA" "$dev_a" vf_1_mbx_quarantined
}

quarantined_once()
{
	local n

	n=$(quarantines) || return 1
	ktap_print_msg "vf_1_mbx_quarantined: $n," \
		"vf_1_mbx_ignored: $(ethtool_stat "$NSA" "$dev_a" vf_1_mbx_ignored)"
	[ "$n" = 1 ]
}

logged_once()
{
	local n

	n=$(kernel_log_since "$mark" | grep -F "$VTNIC_PORT_A" |
		grep -c 'VF 1: .*quarantined')
	ktap_print_msg "$n quarantine lines for VF 1"
	[ "$n" = 1 ]
}

# reset_acked: CTRL.RST (82576) or an FLR (82599), then RESET, ACKed
reset_acked()
{
	vfattack -q -t $TIMEOUT_MS "$bdf_att" reset > /dev/null 2>&1
}

# request_unanswered: a RESET message alone, without the VF's own reset
# (which ends a quarantine, as an FLR does), gets no reply at all
request_unanswered()
{
	local sum

	sum=$(vfattack -q -t $TIMEOUT_MS "$bdf_att" raw 0x1 2>&1 | grep '^vfattack:')
	ktap_print_msg "$sum"
	grep -q 'unanswered=1' <<< "$sum"
}

vtnic_require_env
dev_a='' flood_pid=''
trap cleanup EXIT
ktap_print_header
command -v vfattack > /dev/null ||
	ktap_exit_fail_msg "vfattack is not installed (tools/testing/vfattack)"
ktap_set_plan 6

ports_lookup
setup_ns NSA NSV NSB
ns_attach "$dev_a" "$NSA" "$NET4.1/24" ||
	ktap_exit_fail_msg "cannot move port A into a namespace"
ip -n "$NSA" link set "$dev_a" up
echo 2 > "$PCI_A/sriov_numvfs" || ktap_exit_fail_msg "cannot create 2 VFs"
b_attach
vf_attach 0 "$NSV" "$NET4.11/24" > /dev/null ||
	ktap_exit_fail_msg "VF 0 does not come up with $VTNIC_VF_DRIVER"
ping_retry "$NSV" "$NET4.2" 15 || ktap_exit_fail_msg "VF 0 does not reach port B"
bdf_att=$(vf_pci "$VTNIC_PORT_A" 1)
# RESET is ACKed only to a VF with an address: the admin's here
ip -n "$NSA" link set "$dev_a" vf 1 mac $ATT_MAC ||
	ktap_exit_fail_msg "cannot set VF 1's address"
reset_acked || ktap_exit_fail_msg "VF 1's RESET is not ACKed before the flood"

mark=$(kernel_log_mark)
timeout -s INT $FLOOD_S vfattack -q "$bdf_att" flood 1000000000 > /dev/null 2>&1 &
flood_pid=$!
wait "$flood_pid"
flood_pid=''

ktap_test_result "ethtool -S counts one quarantine of VF 1" quarantined_once
ktap_test_result "the log says so once" logged_once
ktap_test_result "VF 1's mailbox is ignored: a RESET gets no reply" \
	request_unanswered
ktap_test_result "VF 0 still pings port B" ping_retry "$NSV" "$NET4.2" 15
echo 1 > "/sys/bus/pci/devices/$bdf_att/reset" ||
	ktap_exit_fail_msg "cannot reset VF 1 through sysfs"
ktap_test_result "after its FLR, VF 1's RESET is ACKed" slowwait 5 reset_acked
ktap_test_result "and the count stays 1" test "$(quarantines)" = 1
ktap_finished
