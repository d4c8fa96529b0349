#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The MAC an admin gives a VF ("ip link set A vf 0 mac X") is the one the
# VF uses: "ip link show A" reports it, the VF's netdev has it once the VF
# driver binds, the VF in a namespace pings port B in another, and port B
# learns the VF at that MAC.  A second MAC set while the VF driver is bound
# holds once the VF driver is bound again (igb needs that rebind; a PF
# driver that pushes the change at once passes too), with traffic again.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MAC1=02:76:74:6e:00:01	# locally administered
MAC2=02:76:74:6e:00:02

cleanup()
{
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# vf0_shows MAC: port A's "vf 0" line carries MAC
vf0_shows()
{
	ip link show dev "$dev_a" | grep -E "^ +vf 0 " | grep -q "link/ether $1"
}

# vf_has NETNS DEV MAC: the VF's netdev has MAC
vf_has()
{
	local got

	got=$(mac_of "$1" "$2")
	ktap_print_msg "VF netdev $2 has MAC $got"
	[ "$got" = "$3" ]
}

# b_sees MAC: port B's neighbour entry for the VF's address carries MAC
b_sees()
{
	ip -n "$NSB" neigh show "$NET4.11" dev "$dev_b" | grep -q "lladdr $1"
}

# vf_up: bind the VF to the VF driver, move its netdev into NSV, wait for
# its link; sets dev_vf
vf_up()
{
	dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") &&
	wait_carrier "$dev_vf" "$NSV"
}

vtnic_require_env
dev_a='' dev_vf=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 11

ports_lookup
pf_up_with_vfs 1
vf=$(vf_pci "$VTNIC_PORT_A" 0)
setup_ns NSV NSB
ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
	ktap_exit_fail_msg "cannot move port B into a namespace"

ktap_test_result "vf 0 mac $MAC1 accepted" \
	ip link set dev "$dev_a" vf 0 mac $MAC1
ktap_test_result "ip link show A reports vf 0 at $MAC1" vf0_shows $MAC1
vf_up || ktap_exit_fail_msg "VF $vf does not come up with $VTNIC_VF_DRIVER"
ktap_test_result "the VF's netdev has $MAC1" vf_has "$NSV" "$dev_vf" $MAC1
ktap_test_result "ping VF -> port B" ping_retry "$NSV" "$NET4.2" 15
ktap_test_result "port B knows the VF at $MAC1" b_sees $MAC1

ktap_test_result "vf 0 mac $MAC2 accepted while the VF driver is bound" \
	ip link set dev "$dev_a" vf 0 mac $MAC2
ktap_test_result "ip link show A reports vf 0 at $MAC2" vf0_shows $MAC2
# Unbinding destroys the netdev, and it leaves NSV with it.
echo "$vf" > "/sys/bus/pci/devices/$vf/driver/unbind"
ktap_test_result "the VF driver binds again" vf_up
ktap_test_result "the VF's netdev has $MAC2" vf_has "$NSV" "$dev_vf" $MAC2
ip -n "$NSB" neigh flush dev "$dev_b"
ktap_test_result "ping VF -> port B after the change" \
	ping_retry "$NSV" "$NET4.2" 15
ktap_test_result "port B knows the VF at $MAC2" b_sees $MAC2
ktap_finished
