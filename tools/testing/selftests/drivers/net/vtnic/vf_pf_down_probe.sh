#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VF driver binds a VF while port A (the PF) is down: the bind
# succeeds, the VF has a netdev and, brought up in its namespace, no
# carrier.  Then port A comes up, and with nothing done in the guest (no
# rebind, no link down/up) the VF gets carrier within RECOVER seconds and
# pings port B; no warning is logged.  igbvf finds the PF not answering
# ("PF still in reset state. Is the PF interface up?") and its watchdog
# resets the VF once the PF answers; it tries at most every 10 s, and TCG
# is slow, so RECOVER is generous.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

RECOVER=60
NO_CARRIER=6	# three watchdog periods of igbvf

# carrier_stays_down SECONDS: the VF has no carrier for SECONDS
carrier_stays_down()
{
	if slowwait "$1" __carrier_up "$dev_vf" "$NSV"; then
		ktap_print_msg "$(ip -n "$NSV" -br link show dev "$dev_vf")"
		return 1
	fi
}

# carrier_within SECONDS: the VF gets carrier within SECONDS; says when
carrier_within()
{
	local start

	start=$(now_ms)
	if slowwait "$1" __carrier_up "$dev_vf" "$NSV"; then
		ktap_print_msg "the VF has carrier $(($(now_ms) - start)) ms after port A came up"
		return 0
	fi
	ktap_print_msg "no carrier on the VF after $(($(now_ms) - start)) ms"
	return 1
}

vtnic_require_env
dev_a=''
trap vf_test_cleanup EXIT
ktap_print_header
ktap_set_plan 8

ports_lookup
mark=$(kernel_log_mark)
ip link set "$dev_a" down
set_numvfs "$VTNIC_PORT_A" 1 || ktap_exit_fail_msg "cannot create a VF"
vf=$(vf_pci "$VTNIC_PORT_A" 0)
setup_ns NSV NSB
b_attach

ktap_test_result "port A down: VF $vf binds to $VTNIC_VF_DRIVER" \
	vf_bind "$vf" "$VTNIC_VF_DRIVER"
dev_vf=$(pci_netdev "$vf") || ktap_exit_fail_msg "VF $vf has no netdev"
ktap_test_pass "VF has a netdev ($dev_vf)"
ktap_test_result "the VF's netdev goes up in its namespace" \
	ns_attach "$dev_vf" "$NSV" "$NET4.11/24"
ktap_test_result "port A down: no carrier on the VF for $NO_CARRIER s" \
	carrier_stays_down $NO_CARRIER

ktap_test_result "port A up" ip link set "$dev_a" up
ktap_test_result "the VF gets carrier by itself within $RECOVER s" \
	carrier_within $RECOVER
ktap_test_result "ping VF -> port B" ping_retry "$NSV" "$NET4.2" 20
ktap_test_result "no warning logged" kernel_log_clean "$mark"
kernel_log_since "$mark" | grep -E "$vf|$VTNIC_PORT_A" |
	while read -r line; do ktap_print_msg "$line"; done
ktap_finished
