#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A VF of port A, bound to the VF driver under test and moved into a
# namespace, gets link and pings port B in another namespace.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

ports_lookup
pf_up_with_vfs 1
vf=$(vf_pci "$VTNIC_PORT_A" 0)

ktap_test_result "VF $vf binds to $VTNIC_VF_DRIVER" vf_bind "$vf" "$VTNIC_VF_DRIVER"
dev_vf=$(pci_netdev "$vf")
[ -n "$dev_vf" ] || ktap_exit_fail_msg "VF $vf has no netdev"
ktap_test_pass "VF has a netdev ($dev_vf)"

setup_ns NSV NSB
ns_attach "$dev_vf" "$NSV" "$NET4.11/24"
ns_attach "$dev_b" "$NSB" "$NET4.2/24"

ktap_test_result "VF link up" wait_carrier "$dev_vf" "$NSV"
ktap_test_result "ping VF -> port B" \
	slowwait 15 ip netns exec "$NSV" ping -c 2 -i 0.2 -W 2 "$NET4.2"
ktap_finished
