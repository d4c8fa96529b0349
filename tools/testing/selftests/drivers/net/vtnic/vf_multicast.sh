#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Multicast to a VF: a socket on the VF joins a group (the VF driver asks
# the PF to add the group to the VF's filter) and receives the UDP
# datagrams port B sends to that group.  Before the join and, within 10 s,
# after the socket has left, a capture on the VF (tcpdump -p, which does
# not itself open the filter) sees no frame for the group: the VF is not
# simply receiving all multicast.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=5
PORT=5400
GROUP=239.1.2.3
# 01:00:5e:01:02:03 shares no multicast hash bucket (82576 MTA, the
# default 12 bits of the address) with 224.0.0.1 or the IPv6 all-nodes
# and solicited-node groups the VF and the PF join anyway.
GROUP_MAC=01:00:5e:01:02:03

cleanup()
{
	capture_stop
	[ -n "$member_pid" ] && kill "$member_pid" 2>/dev/null
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	rm -rf "$tmp"
}

# b_sends: port B sends COUNT datagrams to the group
b_sends()
{
	ip netns exec "$NSB" socat -u -b 100 FILE:"$tmp/datagrams" \
		UDP4-SENDTO:$GROUP:$PORT
}

# vf_sees_none: while B sends to the group, a capture on the VF sees no
# frame for it (waiting 2 s for frames that are not to come)
vf_sees_none()
{
	local seen

	capture_start "$NSV" "$dev_vf" "$tmp/capture" ether dst $GROUP_MAC ||
		ktap_exit_fail_msg "tcpdump does not start on the VF"
	b_sends
	slowwait 2 capture_has 1
	capture_stop
	seen=$(capture_count)
	ktap_print_msg "the VF saw $seen frames for $GROUP_MAC"
	[ "$seen" = 0 ]
}

joined()
{
	ip -n "$NSV" maddr show dev "$dev_vf" | grep -q "$GROUP_MAC"
}

left()
{
	! joined
}

# member_got: B sends, and the member socket has received a datagram
# within 2 s; retried by slowwait while the join reaches the filter
member_got()
{
	b_sends
	slowwait 2 test -s "$tmp/member"
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid='' member_pid='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

head -c $((COUNT * 100)) /dev/zero > "$tmp/datagrams"
ports_lookup
pf_up_with_vfs 1
setup_ns NSV NSB
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
if ! ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
   ! ip -n "$NSB" route add 224.0.0.0/4 dev "$dev_b"; then
	ktap_exit_fail_msg "cannot set up port B and its multicast route"
fi
ping_retry "$NSV" "$NET4.2" 15 ||
	ktap_exit_fail_msg "the VF does not reach port B"

ktap_test_result "multicast $GROUP (not joined): the VF receives none" \
	vf_sees_none

ip netns exec "$NSV" socat -u \
	UDP4-RECV:$PORT,ip-add-membership=$GROUP:"$dev_vf" CREATE:"$tmp/member" &
member_pid=$!
ktap_test_result "a socket on the VF joins $GROUP" slowwait 10 joined
ktap_test_result "the member socket gets B's datagrams to $GROUP" \
	slowwait 10 member_got
ktap_print_msg "the member socket got $(stat -c %s "$tmp/member") bytes"

kill "$member_pid"
wait "$member_pid"
member_pid=''
slowwait 10 left || ktap_print_msg "the VF still lists $GROUP_MAC after the socket left"
# The VF driver tells the PF through the mailbox, which the PF serves in
# its own time: the filter has 10 s to close.
ktap_test_result "multicast $GROUP: the VF receives none after the socket left" \
	slowwait 10 vf_sees_none
ktap_finished
