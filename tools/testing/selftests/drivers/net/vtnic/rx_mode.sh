#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port A's receive filters, seen by a capture on A that does not itself
# make A promiscuous (tcpdump -p): unicast frames for another MAC arrive
# only while A is promiscuous; frames for a multicast group A has not
# joined arrive only while A is allmulticast; frames for a group arrive
# while a socket on A is a member, and stop when it leaves.  Frames for A
# itself arrive throughout.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=5
PORT=5400
OTHER_IP=$NET4.99
OTHER_MAC=02:76:74:6e:00:99	# locally administered, on no port
GROUP=239.1.2.3
# 01:00:5e:01:02:03 shares no multicast hash bucket (82576 MTA, the
# default 12 bits of the address) with 224.0.0.1 or the IPv6 all-nodes
# and solicited-node groups A joins anyway.
GROUP_MAC=01:00:5e:01:02:03

cleanup()
{
	capture_stop
	[ -n "$member_pid" ] && kill "$member_pid" 2>/dev/null
	[ -n "$dev_a" ] &&
		ip -n "$NSA" link set "$dev_a" promisc off allmulticast off
	cleanup_all_ns
	rm -rf "$tmp"
}

# arrivals ADDR MAC: port B sends COUNT UDP datagrams to ADDR; sets
# arrived to how many reached port A's capture as frames for MAC
arrivals()
{
	capture_start "$NSA" "$dev_a" "$tmp/capture" ether dst "$2" ||
		ktap_exit_fail_msg "tcpdump does not start on port A"
	ip netns exec "$NSB" socat -u -b 100 FILE:"$tmp/datagrams" \
		UDP4-SENDTO:"$1":$PORT
	# Wait for all of them, or 2 s when they are not to come.
	slowwait 2 capture_has $COUNT
	capture_stop
	arrived=$(capture_count)
	ktap_print_msg "A saw $arrived of $COUNT frames for $2"
}

# sees ADDR MAC / sees_none ADDR MAC
sees()
{
	arrivals "$1" "$2"
	[ "$arrived" -ge $COUNT ]
}

sees_none()
{
	arrivals "$1" "$2"
	[ "$arrived" = 0 ]
}

a_set()
{
	ip -n "$NSA" link set "$dev_a" "$@"
}

joined()
{
	ip -n "$NSA" maddr show dev "$dev_a" | grep -q "$GROUP_MAC"
}

left()
{
	! joined
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid='' member_pid='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 12

head -c $((COUNT * 100)) /dev/zero > "$tmp/datagrams"
ports_attach
ports_wait_up
mac_a=$(ip -n "$NSA" -br link show dev "$dev_a" | awk '{ print $3 }')
ip -n "$NSB" neigh add "$OTHER_IP" lladdr "$OTHER_MAC" dev "$dev_b" nud permanent &&
ip -n "$NSB" route add 224.0.0.0/4 dev "$dev_b" ||
	ktap_exit_fail_msg "cannot set up port B's neighbour and multicast route"
ip netns exec "$NSB" ping -c 1 -W 2 "$NET4.1" > /dev/null

ktap_test_result "unicast for A: received" sees "$NET4.1" "$mac_a"
ktap_test_result "unicast for another MAC: not received" \
	sees_none "$OTHER_IP" "$OTHER_MAC"
a_set promisc on
ktap_test_result "unicast for another MAC: received when promiscuous" \
	sees "$OTHER_IP" "$OTHER_MAC"
a_set promisc off
ktap_test_result "unicast for another MAC: not received after promisc off" \
	sees_none "$OTHER_IP" "$OTHER_MAC"

ktap_test_result "multicast $GROUP (not joined): not received" \
	sees_none "$GROUP" "$GROUP_MAC"
a_set allmulticast on
ktap_test_result "multicast $GROUP: received when allmulticast" \
	sees "$GROUP" "$GROUP_MAC"
a_set allmulticast off
ktap_test_result "multicast $GROUP: not received after allmulticast off" \
	sees_none "$GROUP" "$GROUP_MAC"

ip netns exec "$NSA" socat -u \
	UDP4-RECV:$PORT,ip-add-membership=$GROUP:"$dev_a" CREATE:"$tmp/member" &
member_pid=$!
ktap_test_result "a socket on A joins $GROUP" slowwait 10 joined
ktap_test_result "multicast $GROUP: received while a socket on A is a member" \
	sees "$GROUP" "$GROUP_MAC"
ktap_test_result "multicast $GROUP: delivered to the member socket" \
	slowwait 2 [ -s "$tmp/member" ]
kill "$member_pid"
wait "$member_pid"
member_pid=''
slowwait 10 left || ktap_print_msg "A still lists $GROUP_MAC after the socket left"
ktap_test_result "multicast $GROUP: not received after the socket left" \
	sees_none "$GROUP" "$GROUP_MAC"
ktap_test_result "unicast for A: still received" sees "$NET4.1" "$mac_a"
ktap_finished
