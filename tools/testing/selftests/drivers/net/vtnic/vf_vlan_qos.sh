#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A port VLAN with a priority ("ip link set A vf 0 vlan 100 qos 3") puts the
# VF in VLAN 100 without the VF knowing: the VF sends untagged and port B
# receives its frames tagged with VLAN 100, priority (PCP) 3; the VF gets
# what B sends on VLAN 100 (B has a vlan100 device), and nothing B sends
# untagged or on VLAN 200, not even unicast to the VF's own MAC: pings from
# there go unanswered and the VF's receive counter stays where it was.
# IPv6 is off in the namespaces and all neighbour entries are static, so
# that no other frame (ND, MLD, an ARP probe) reaches the VF meanwhile.
# The port VLAN is cleared ("vlan 0") at the end.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

VNET4=198.51.100	# VLAN 100, the VF's port VLAN
XNET4=203.0.113		# VLAN 200, on port B only
COUNT=5

cleanup()
{
	capture_stop
	cleanup_all_ns
	if [ -n "$dev_a" ]; then
		ip link set dev "$dev_a" vf 0 vlan 0 2>/dev/null
		ip link set "$dev_a" down 2>/dev/null
	fi
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	rm -rf "$tmp"
}

vf0_shows()
{
	ip link show dev "$dev_a" | grep -E "^ +vf 0 " | grep -q "vlan 100, qos 3"
}

# tagged_frames: frames from the VF that port B's capture saw with VLAN
# 100, priority 3; other_frames: frames from the VF without that tag
tagged_frames()
{
	grep -c "vlan 100, p 3," "$capture_file"
}

other_frames()
{
	grep -v "vlan 100, p 3," "$capture_file" | grep -c .
}

b_sees_tagged()
{
	[ "$(tagged_frames)" -ge $COUNT ] && [ "$(other_frames)" = 0 ]
}

# b_pings ADDR: each of B's pings to ADDR gets a reply
b_pings()
{
	ip netns exec "$NSB" ping -q -c $COUNT -i 0.2 -W 2 "$1" > /dev/null
}

# no_reply ADDR: none of B's pings to ADDR gets a reply
no_reply()
{
	! ip netns exec "$NSB" ping -q -c $COUNT -i 0.2 -W 1 "$1" > /dev/null
}

vf_rx()
{
	dev_stat "$NSV" "$dev_vf" rx_packets
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 8

# Loaded by hand: the test VM has no /sbin/modprobe for the kernel's
# request_module().
modprobe 8021q || ktap_exit_fail_msg "no 8021q module"
ports_lookup
pf_up_with_vfs 1

ktap_test_result "vf 0 vlan 100 qos 3 accepted" \
	ip link set dev "$dev_a" vf 0 vlan 100 qos 3
ktap_test_result "ip link show A reports vf 0 in vlan 100, qos 3" vf0_shows

setup_ns NSV NSB
ns_no_ipv6 "$NSV" "$NSB" || ktap_exit_fail_msg "cannot turn IPv6 off"
ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
	ktap_exit_fail_msg "cannot move port B into a namespace"
dev_vf=$(vf_attach 0 "$NSV" "$VNET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
vf_mac=$(mac_of "$NSV" "$dev_vf")
b_mac=$(mac_of "$NSB" "$dev_b")
if ! { ip -n "$NSV" addr add "$XNET4.11/24" dev "$dev_vf" &&
       ip -n "$NSV" addr add "$NET4.11/24" dev "$dev_vf" &&
       ip -n "$NSV" neigh add "$VNET4.2" lladdr "$b_mac" dev "$dev_vf" nud permanent &&
       ip -n "$NSB" link add link "$dev_b" name vlan100 type vlan id 100 &&
       ip -n "$NSB" addr add "$VNET4.2/24" dev vlan100 &&
       ip -n "$NSB" link set vlan100 up &&
       ip -n "$NSB" link add link "$dev_b" name vlan200 type vlan id 200 &&
       ip -n "$NSB" addr add "$XNET4.2/24" dev vlan200 &&
       ip -n "$NSB" link set vlan200 up &&
       ip -n "$NSB" neigh add "$VNET4.11" lladdr "$vf_mac" dev vlan100 nud permanent &&
       ip -n "$NSB" neigh add "$XNET4.11" lladdr "$vf_mac" dev vlan200 nud permanent &&
       ip -n "$NSB" neigh add "$NET4.11" lladdr "$vf_mac" dev "$dev_b" nud permanent; }; then
	ktap_exit_fail_msg "cannot set up the VF's addresses and B's VLAN devices"
fi
if ! wait_carrier "$dev_vf" "$NSV" || ! wait_carrier "$dev_b" "$NSB"; then
	ktap_exit_fail_msg "no carrier: VF $dev_vf, port B $dev_b"
fi

ktap_test_result "ping VF -> B's vlan100" ping_retry "$NSV" "$VNET4.2" 15

capture_start "$NSB" "$dev_b" "$tmp/capture" ether src "$vf_mac" ||
	ktap_exit_fail_msg "tcpdump does not start on port B"
ip netns exec "$NSV" ping -q -c $COUNT -i 0.2 -W 1 "$VNET4.2" > /dev/null
slowwait 5 b_sees_tagged
capture_stop
ktap_print_msg "B saw $(tagged_frames) frames from the VF in VLAN 100" \
	"with priority 3, $(other_frames) others"
{ head -n 1 "$capture_file"; grep -v "vlan 100, p 3," "$capture_file"; } | grep . |
	while read -r line; do ktap_print_msg "$line"; done
ktap_test_result "B sees the VF's frames tagged VLAN 100, priority 3" \
	b_sees_tagged

ktap_test_result "ping B's vlan100 -> VF" b_pings "$VNET4.11"

rx_before=$(vf_rx)
ktap_test_result "ping B's vlan200 -> VF's MAC: no reply" no_reply "$XNET4.11"
ktap_test_result "ping B untagged -> VF's MAC: no reply" no_reply "$NET4.11"
rx_after=$(vf_rx)
ktap_print_msg "VF rx_packets $rx_before before B sent on VLAN 200 and" \
	"untagged, $rx_after after"
ktap_test_result "the VF received none of those frames" \
	test "$rx_after" = "$rx_before"
ktap_finished
