#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Jumbo frames: with both ports at MTU 9000, a 9000-byte IPv4 packet that
# may not be fragmented (ping -M do -s 8972) crosses the cable both ways.
# With port A back at MTU 1500 and port B still at 9000, the same packet
# from B gets no reply: A's receive path drops a frame longer than its MTU
# allows instead of passing it up.  Changing the MTU may take the link
# down for a moment.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	[ -n "$mtu_a" ] && ip -n "$NSA" link set "$dev_a" mtu "$mtu_a"
	[ -n "$mtu_b" ] && ip -n "$NSB" link set "$dev_b" mtu "$mtu_b"
	cleanup_all_ns
}

# set_mtu NETNS DEV MTU: set the MTU and wait for the link to come back
set_mtu()
{
	ip -n "$1" link set "$2" mtu "$3" && wait_carrier "$2" "$1"
}

# df_ping NETNS ADDR SIZE: a reply comes back to a SIZE-byte ping sent with
# "don't fragment"; retried for up to 10 s while the link settles
df_ping()
{
	slowwait 10 ip netns exec "$1" ping -c 1 -W 1 -M do -s "$3" "$2" > /dev/null
}

# df_ping_lost NETNS ADDR SIZE: none of 3 such pings gets a reply
df_ping_lost()
{
	! ip netns exec "$1" ping -c 3 -i 0.3 -W 2 -M do -s "$3" "$2"
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 7

mtu_a='' mtu_b=''
ports_attach
mtu_a=$(ip -n "$NSA" -o link show dev "$dev_a" | grep -o 'mtu [0-9]*' | cut -d' ' -f2)
mtu_b=$(ip -n "$NSB" -o link show dev "$dev_b" | grep -o 'mtu [0-9]*' | cut -d' ' -f2)
ports_wait_up

ktap_test_result "port A takes MTU 9000" set_mtu "$NSA" "$dev_a" 9000
set_mtu "$NSB" "$dev_b" 9000 || ktap_exit_fail_msg "port B refuses MTU 9000"
ktap_test_result "9000-byte DF ping A -> B" df_ping "$NSA" "$NET4.2" 8972
ktap_test_result "9000-byte DF ping B -> A" df_ping "$NSB" "$NET4.1" 8972

ktap_test_result "port A back to MTU 1500" set_mtu "$NSA" "$dev_a" 1500
ktap_test_result "1500-byte DF ping B -> A at A's MTU 1500" \
	df_ping "$NSB" "$NET4.1" 1472
ktap_test_result "9000-byte frame from B dropped by A at MTU 1500" \
	df_ping_lost "$NSB" "$NET4.1" 8972
set_mtu "$NSA" "$dev_a" 9000
ktap_test_result "9000-byte DF ping B -> A again at A's MTU 9000" \
	df_ping "$NSB" "$NET4.1" 8972
ktap_finished
