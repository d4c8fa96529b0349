#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# TCP segmentation offload on port A: with TSO on (ethtool -k), a TCP
# transfer from A hands the driver frames larger than the MTU (a capture
# on A sees what the stack gives the driver, after software GSO would
# have cut them), port B receives only frames that fit the MTU, 90% of
# them carrying a full MSS, and the data arrives intact.  Port B's GRO is
# turned off so that its capture shows the frames as they came off the
# wire.  With TSO turned off, A's capture shows no frame over the MTU:
# the check can tell the two apart.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MTU=1500
MBYTES=4

cleanup()
{
	capture_stop
	ip netns exec "$NSA" ethtool -K "$dev_a" tso on 2>/dev/null
	cleanup_all_ns
	rm -rf "$tmp"
}

# frame_lengths FILE: the link-level length of each frame tcpdump -e saw
frame_lengths()
{
	sed -n 's/.*, length \([0-9]*\): .*/\1/p' "$1"
}

# send_captured FILE: send the payload from A to B while capturing what
# A transmits into FILE.a and what B receives into FILE.b
send_captured()
{
	local ok=0

	ip netns exec "$NSA" tcpdump -p -n -e -l -Q out -i "$dev_a" tcp \
		> "$1.a" 2> "$1.a.err" &
	local pa=$!
	capture_start "$NSB" "$dev_b" "$1.b" tcp
	slowwait 10 grep -q "listening on" "$1.a.err"
	tcp_transfer "$NSA" "$NSB" "$NET4.2" "$tmp/payload" || ok=1
	sleep 1
	kill "$pa" 2>/dev/null
	wait "$pa" 2>/dev/null
	capture_stop
	return $ok
}

# over_mtu FILE: frames in FILE longer than the MTU plus the MAC header
over_mtu()
{
	frame_lengths "$1" | awk -v max=$((MTU + 14)) '$1 > max { n++ } END { print n + 0 }'
}

# full_mss FILE: frames in FILE exactly MTU + MAC header long
full_mss()
{
	frame_lengths "$1" | awk -v want=$((MTU + 14)) '$1 == want { n++ } END { print n + 0 }'
}

# mostly_full FULL TOTAL: at least 100 frames seen, 90% of them full-sized.
# 4 MiB make about 2900 segments of 1448 bytes; tcpdump under TCG may
# miss some of them, which leaves the share of full ones as it is.
mostly_full()
{
	[ "$2" -ge 100 ] && [ $(($1 * 10)) -ge $(($2 * 9)) ]
}

# tso_split BIG WIRE: frames over the MTU went to the driver, none to B
tso_split()
{
	[ "$1" -gt 0 ] && [ "$2" = 0 ]
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 5

ports_attach
ports_wait_up
ip netns exec "$NSA" ip link set "$dev_a" mtu $MTU
ip netns exec "$NSB" ip link set "$dev_b" mtu $MTU
ip netns exec "$NSB" ethtool -K "$dev_b" gro off
payload_make "$tmp/payload" $MBYTES || ktap_exit_fail_msg "cannot make the payload"
ping_retry "$NSA" "$NET4.2"

ip netns exec "$NSA" ethtool -K "$dev_a" tso on
if ip netns exec "$NSA" ethtool -k "$dev_a" | grep -q "^tcp-segmentation-offload: on"; then
	ktap_test_pass "TSO is on"
else
	ktap_test_fail "TSO is on"
fi

send_captured "$tmp/tso"
rc=$?
big=$(over_mtu "$tmp/tso.a")
wire=$(over_mtu "$tmp/tso.b")
full=$(full_mss "$tmp/tso.b")
total=$(frame_lengths "$tmp/tso.b" | grep -c .)
ktap_print_msg "TSO on: A sent $big frames over the MTU; B received $total frames," \
	"$full of them full-sized, $wire over the MTU"
ktap_test_result "TSO on: $MBYTES MiB arrive intact" [ "$rc" = 0 ]
ktap_test_result "TSO on: the driver gets frames over the MTU, the wire carries none" \
	tso_split "$big" "$wire"
ktap_test_result "TSO on: B receives full-MSS frames" mostly_full "$full" "$total"

ip netns exec "$NSA" ethtool -K "$dev_a" tso off
send_captured "$tmp/gso"
big=$(over_mtu "$tmp/gso.a")
ktap_print_msg "TSO off: A sent $big frames over the MTU"
ktap_test_result "TSO off: the driver gets no frame over the MTU" [ "$big" = 0 ]
ktap_finished
