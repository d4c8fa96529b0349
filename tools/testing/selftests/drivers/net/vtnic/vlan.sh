#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 802.1Q on port A: VLAN 100 sub-interfaces on both ports ping each other
# both ways; port A offloads VLAN tag insertion and stripping and filters
# VLANs in hardware (ethtool -k), and a frame for a VLAN that A has not
# configured is not delivered even when it is addressed to A's own MAC.
#
# The check for the filter captures on A itself, not on a VLAN device:
# packet sockets on A see every frame the driver passes up, before the
# 8021q code would discard one for an unknown VLAN, so a frame for VLAN
# 200 shows there exactly when the driver delivered it.  Port B sends it
# unicast to A's MAC, so A's MAC filter passes it and only the VLAN filter
# can drop it.  Frames for VLAN 100 sent meanwhile must show, or the
# capture proves nothing.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

VNET4=198.51.100	# VLAN 100
XNET4=203.0.113		# VLAN 200, configured on port B only
COUNT=10

cleanup()
{
	capture_stop
	cleanup_all_ns
	rm -rf "$tmp"
}

# feature_on FEATURE: "ethtool -k A" shows FEATURE on
feature_on()
{
	ip netns exec "$NSA" ethtool -k "$dev_a" | grep -Eq "^$1: on( |$)"
}

# vlan_seen VID: frames the capture on A saw tagged with VID
vlan_seen()
{
	grep -c "vlan $1," "$capture_file"
}

seen_vlan100()
{
	[ "$(vlan_seen 100)" -ge $COUNT ]
}

none_of_vlan200()
{
	[ "$(vlan_seen 200)" = 0 ]
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 7

# Loaded by hand: the test VM has no /sbin/modprobe for the kernel's
# request_module().
modprobe 8021q || ktap_exit_fail_msg "no 8021q module"
ports_attach
ports_wait_up
mac_a=$(ip -n "$NSA" -br link show dev "$dev_a" | awk '{ print $3 }')
ip -n "$NSA" link add link "$dev_a" name vlan100 type vlan id 100 &&
ip -n "$NSA" addr add "$VNET4.1/24" dev vlan100 &&
ip -n "$NSA" link set vlan100 up &&
ip -n "$NSB" link add link "$dev_b" name vlan100 type vlan id 100 &&
ip -n "$NSB" addr add "$VNET4.2/24" dev vlan100 &&
ip -n "$NSB" link set vlan100 up &&
ip -n "$NSB" link add link "$dev_b" name vlan200 type vlan id 200 &&
ip -n "$NSB" addr add "$XNET4.2/24" dev vlan200 &&
ip -n "$NSB" link set vlan200 up &&
ip -n "$NSB" neigh add "$XNET4.1" lladdr "$mac_a" dev vlan200 nud permanent ||
	ktap_exit_fail_msg "cannot set up the VLAN devices"

ktap_test_result "rx-vlan-offload on (hardware tag stripping)" \
	feature_on rx-vlan-offload
ktap_test_result "tx-vlan-offload on (hardware tag insertion)" \
	feature_on tx-vlan-offload
ktap_test_result "rx-vlan-filter on (hardware VLAN filter)" \
	feature_on rx-vlan-filter
ktap_test_result "ping over VLAN 100 A -> B" \
	ping_retry "$NSA" "$VNET4.2"
ktap_test_result "ping over VLAN 100 B -> A" \
	ip netns exec "$NSB" ping -c 3 -i 0.2 -W 2 "$VNET4.1"

capture_start "$NSA" "$dev_a" "$tmp/capture" ||
	ktap_exit_fail_msg "tcpdump does not start on port A"
# VLAN 200 to A's MAC (no reply can come), then VLAN 100 (replies).
ip netns exec "$NSB" ping -q -c $COUNT -i 0.1 -W 1 "$XNET4.1" > /dev/null
ip netns exec "$NSB" ping -q -c $COUNT -i 0.1 -W 1 "$VNET4.1" > /dev/null
slowwait 5 seen_vlan100
capture_stop
ktap_print_msg "capture on A: $(vlan_seen 100) frames of VLAN 100," \
	"$(vlan_seen 200) of VLAN 200"
ktap_test_result "the capture on A sees the VLAN 100 frames" seen_vlan100
ktap_test_result "no frame for VLAN 200 (not on A) delivered" none_of_vlan200
ktap_finished
