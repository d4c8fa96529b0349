#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# The admin's link state of a VF: "ip link set A vf 0 state disable" shows
# as "link-state disable" in "ip link show A", the VF loses its carrier
# within CARRIER seconds and its pings to port B go unanswered; "state
# auto" shows as "link-state auto", the carrier follows port A's link
# again and the pings pass.  igb has no ndo_set_vf_link_state: where the
# PF driver refuses the setting with EOPNOTSUPP the test skips (the VM
# harness runs it only on vtnic).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

CARRIER=5

cleanup()
{
	cleanup_all_ns
	if [ -n "$dev_a" ]; then
		ip link set dev "$dev_a" vf 0 state auto 2>/dev/null
		ip link set "$dev_a" down 2>/dev/null
	fi
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

vf0_shows()
{
	ip link show dev "$dev_a" | grep -E "^ +vf 0 " | grep -q "link-state $1"
}

__carrier_down()
{
	! __carrier_up "$dev_vf" "$NSV"
}

carrier_down()
{
	slowwait $CARRIER __carrier_down && return 0
	ktap_print_msg "$(ip -n "$NSV" -br link show dev "$dev_vf")"
	return 1
}

pings_lost()
{
	! ip netns exec "$NSV" ping -q -c 3 -i 0.3 -W 1 "$NET4.2" > /dev/null
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header

ports_lookup
pf_up_with_vfs 1
res=$(errno_of ip link set dev "$dev_a" vf 0 state auto)
if [ "$res" = EOPNOTSUPP ]; then
	ktap_skip_all "$VTNIC_PF_DRIVER has no VF link state (ndo_set_vf_link_state)"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 9
ktap_test_result "vf 0 state auto accepted (got $res)" test "$res" = OK

setup_ns NSV NSB
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
b_attach
ktap_test_result "ping VF -> port B" ping_retry "$NSV" "$NET4.2" 15

ktap_test_result "vf 0 state disable accepted" \
	ip link set dev "$dev_a" vf 0 state disable
ktap_test_result "ip link show A reports link-state disable" vf0_shows disable
ktap_test_result "the VF loses its carrier within $CARRIER s" carrier_down
ktap_test_result "pings VF -> port B go unanswered" pings_lost

ktap_test_result "vf 0 state auto accepted" \
	ip link set dev "$dev_a" vf 0 state auto
ktap_test_result "ip link show A reports link-state auto" vf0_shows auto
ktap_test_result "ping VF -> port B again" ping_retry "$NSV" "$NET4.2" 15
ktap_finished
