#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The guest's VLAN filter on a VF: a VLAN device on the VF (VLAN 42; the
# VF driver asks the PF to let VLAN 42 in) talks to port B's VLAN 42 device
# both ways, and a capture on the VF sees B's frames tagged 42.  Once the
# guest deletes its VLAN 42 device (the VF driver asks the PF to take VLAN
# 42 out), B's frames tagged 42 to the VF's MAC no longer reach the VF:
# the capture on the VF sees none of them.  A VLAN 43 device added then
# works, and VLAN 42 stays out.
#
# B reaches all of the VF's addresses through static neighbour entries,
# and IPv6 is off in both namespaces, so that what B sends to the VF in a
# capture window is exactly COUNT unicast ICMP frames on one VLAN: the
# capture counts every frame from B.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

VNET4=198.51.100	# VLAN 42
WNET4=203.0.113		# VLAN 43
COUNT=5

cleanup()
{
	capture_stop
	vf_test_cleanup
	rm -rf "$tmp"
}

# vlan_pair VID NET: VLAN VID devices on the VF (NET.11) and on port B
# (NET.2), B with a static neighbour entry for the VF's address
vlan_pair()
{
	ip -n "$NSV" link add link "$dev_vf" name "vf.$1" type vlan id "$1" &&
	ip -n "$NSV" addr add "$2.11/24" dev "vf.$1" &&
	ip -n "$NSV" link set "vf.$1" up &&
	ip -n "$NSB" link add link "$dev_b" name "b.$1" type vlan id "$1" &&
	ip -n "$NSB" addr add "$2.2/24" dev "b.$1" &&
	ip -n "$NSB" link set "b.$1" up &&
	ip -n "$NSB" neigh add "$2.11" lladdr "$vf_mac" dev "b.$1" nud permanent
}

# b_pings ADDR: each of B's COUNT pings to ADDR gets a reply
b_pings()
{
	ip netns exec "$NSB" ping -q -c $COUNT -i 0.2 -W 2 "$1" > /dev/null
}

# vf_gets_from_b ADDR: frames the VF receives from B while B sends COUNT
# pings to ADDR (waiting up to 2 s for those still to come); prints the
# count and the first frame
vf_gets_from_b()
{
	capture_start "$NSV" "$dev_vf" "$tmp/capture" ether src "$b_mac" ||
		ktap_exit_fail_msg "tcpdump does not start on the VF"
	ip netns exec "$NSB" ping -q -c $COUNT -i 0.2 -W 1 "$1" > /dev/null
	slowwait 2 capture_has $COUNT
	capture_stop
	ktap_print_msg "the VF received $(capture_count) frames from B" \
		"while B pinged $1${2:+ ($2)}"
	[ "$(capture_count)" = 0 ] ||
		ktap_print_msg "first: $(head -n 1 "$capture_file")"
}

# vf_gets VID ADDR: the VF receives all of B's pings to ADDR, tagged VID
vf_gets()
{
	vf_gets_from_b "$2" "VLAN $1"
	[ "$(grep -c "vlan $1," "$capture_file")" -ge $COUNT ]
}

# vf_gets_none ADDR: the VF receives none of B's pings to ADDR
vf_gets_none()
{
	vf_gets_from_b "$1" "VLAN 42"
	[ "$(capture_count)" = 0 ]
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 7

# Loaded by hand: the test VM has no /sbin/modprobe for the kernel's
# request_module().
modprobe 8021q || ktap_exit_fail_msg "no 8021q module"
vf_pair_up
ns_no_ipv6 "$NSV" "$NSB" || ktap_exit_fail_msg "cannot turn IPv6 off"
vf_mac=$(mac_of "$NSV" "$dev_vf")
b_mac=$(mac_of "$NSB" "$dev_b")
ip -n "$NSB" neigh replace "$NET4.11" lladdr "$vf_mac" dev "$dev_b" nud permanent ||
	ktap_exit_fail_msg "cannot set B's neighbour entry for the VF"

ktap_test_result "the guest adds VLAN 42 on the VF, B on port B" \
	vlan_pair 42 $VNET4
ktap_test_result "ping VF VLAN 42 -> B" ping_retry "$NSV" "$VNET4.2" 15
ktap_test_result "B's pings on VLAN 42 reach the VF, tagged 42" \
	vf_gets 42 "$VNET4.11"

ip -n "$NSV" link del "vf.42"
ktap_test_result "VLAN 42 deleted on the VF: none of B's frames tagged 42 reach it" \
	vf_gets_none "$VNET4.11"

ktap_test_result "the guest adds VLAN 43 on the VF, B on port B" \
	vlan_pair 43 $WNET4
ktap_test_result "ping B -> VF on VLAN 43" \
	slowwait 15 b_pings "$WNET4.11"
ktap_test_result "with VLAN 43 on the VF, still none of B's frames tagged 42 reach it" \
	vf_gets_none "$VNET4.11"
ktap_finished
