#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A VF recovers from resets by itself, with its driver bound throughout:
# after a function level reset of the VF ("echo 1 > .../reset" on the VF,
# which the PF sees as a VF reset event) and after port A goes down and up
# (the PF resets the port and tells its VFs), the VF in its namespace
# passes traffic to port B again within RECOVER seconds, with nothing done
# in the guest but waiting, and no warning is logged.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

RECOVER=20

cleanup()
{
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# recovers: the VF pings port B within RECOVER seconds; says how long it took
recovers()
{
	local start

	start=$(now_ms)

	if ping_retry "$NSV" "$NET4.2" $RECOVER; then
		ktap_print_msg "traffic again after $(($(now_ms) - start)) ms"
		return 0
	fi
	ktap_print_msg "no traffic after $(($(now_ms) - start)) ms"
	return 1
}

flr()
{
	echo 1 > "/sys/bus/pci/devices/$vf/reset"
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 7

mark=$(kernel_log_mark)
vf_pair_up

ktap_test_result "VF $vf: function level reset through sysfs" flr
ktap_test_result "the VF ($dev_vf) is still bound to $VTNIC_VF_DRIVER" \
	is_bound "$vf" "$VTNIC_VF_DRIVER"
ktap_test_result "after the FLR the VF pings port B within $RECOVER s" recovers

ip link set "$dev_a" down
ktap_test_result "port A down and up" ip link set "$dev_a" up
ktap_test_result "port A has link again" wait_carrier "$dev_a"
ktap_test_result "after port A's down/up the VF pings port B within $RECOVER s" \
	recovers
ktap_test_result "no warning logged" kernel_log_clean "$mark"
ktap_finished
