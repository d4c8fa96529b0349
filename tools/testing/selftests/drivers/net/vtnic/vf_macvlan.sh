#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# card: 82599
#
# Extra unicast addresses on a VF: a macvlan device on the VF's netdev
# in the guest has its own MAC address, which the VF driver asks the PF
# to filter for it (ixgbe's SET_MACVLAN).  Each macvlan sits in its own
# namespace, so only its own address answers for it.  Port B reaches it
# by ping, which takes the NIC delivering frames to that MAC to the VF's
# pool and letting the VF send from it (spoof checking stays on); the
# VF's own address still works.  A second macvlan works too (ixgbevf
# sends its whole unicast list again).  With the macvlans gone, the VF
# still pings B.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MV1=02:76:74:6d:76:01	# locally administered
MV2=02:76:74:6d:76:02

cleanup()
{
	vf_test_cleanup
}

# macvlan_up NAME MAC ADDR NETNS: a macvlan on the VF with MAC, moved to
# NETNS with ADDR
macvlan_up()
{
	ip -n "$NSV" link add "$1" link "$dev_vf" type macvlan mode bridge &&
	ip -n "$NSV" link set "$1" address "$2" &&
	ip -n "$NSV" link set "$1" netns "$4" &&
	ip -n "$4" addr add "$3/24" dev "$1" &&
	ip -n "$4" link set "$1" up
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

vf_pair_up
setup_ns NSM1 NSM2
modprobe macvlan 2>/dev/null	# the test VM does not autoload modules

expect "a macvlan at $MV1 on the VF" macvlan_up mv1 $MV1 "$NET4.21" "$NSM1"
expect "port B reaches the macvlan at $MV1" ping_retry "$NSB" "$NET4.21" 15
expect "port B still reaches the VF itself" ping_retry "$NSB" "$NET4.11" 5
expect "a second macvlan at $MV2" macvlan_up mv2 $MV2 "$NET4.22" "$NSM2"
expect "port B reaches the macvlan at $MV2" ping_retry "$NSB" "$NET4.22" 15
ip -n "$NSM1" link del mv1
ip -n "$NSM2" link del mv2
expect "with the macvlans gone the VF still reaches port B" \
	ping_retry "$NSV" "$NET4.2" 5
ktap_finished
