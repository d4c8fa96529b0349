#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A VF's transmit rate limit on the wire: "ip link set A vf 0 max_tx_rate
# RATE" caps the VF's TCP stream to port B at RATE Mb/s (within 20%, as
# the receiver counts it), and max_tx_rate 0 lifts the cap again.
#
# RATE is 50 Mb/s: the test VM's VFs send TCP at 150 to 300 Mb/s under
# QEMU's software emulation, so a cap of 50 is well clear of what the VF
# manages without one; the test first checks that the uncapped stream is
# at least 1.5 times RATE, or it could not tell a cap from a slow VM.  The
# rate is measured over 4 s after a 2 s warm-up, from the bytes the
# receiver has written; TCP's own headers make the payload rate about 5%
# lower than the limit on the wire.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

RATE=50
PORT=5203

cleanup()
{
	ip link set "$dev_a" vf 0 max_tx_rate 0 2>/dev/null
	[ -n "${rx_pid:-}" ] && kill "$rx_pid" "$tx_pid" 2>/dev/null
	vf_test_cleanup
	rm -rf "$tmp"
}

rx_bytes()
{
	stat -c %s "$tmp/rx" 2>/dev/null || echo 0
}

# stream_mbps: Mb/s of a TCP stream from the VF to B, printed
stream_mbps()
{
	local s1 s2 t1 t2

	rm -f "$tmp/rx"
	ip netns exec "$NSB" timeout 15 socat -u \
		TCP4-LISTEN:$PORT,reuseaddr CREATE:"$tmp/rx" &
	rx_pid=$!
	ip netns exec "$NSV" timeout 10 socat -u /dev/zero \
		TCP4:"$NET4.2":$PORT,retry=50,interval=0.1 &
	tx_pid=$!
	sleep 2
	s1=$(rx_bytes) t1=$(now_ms)
	sleep 4
	s2=$(rx_bytes) t2=$(now_ms)
	kill "$tx_pid" "$rx_pid" 2>/dev/null
	wait "$tx_pid" "$rx_pid" 2>/dev/null
	rx_pid='' tx_pid=''
	echo $(((s2 - s1) * 8 / ((t2 - t1) * 1000)))
}

# near MBPS: within 20% of RATE
near()
{
	[ $(($1 * 10)) -ge $((RATE * 8)) ] && [ $(($1 * 10)) -le $((RATE * 12)) ]
}

vtnic_require_env
tmp=$(mktemp -d)
dev_a=''
rx_pid='' tx_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 5

vf_pair_up

free=$(stream_mbps)
ktap_print_msg "no limit: $free Mb/s"
ktap_test_result "without a limit the VF sends at least $((3 * RATE / 2)) Mb/s" \
	[ "$free" -ge $((3 * RATE / 2)) ]

ktap_test_result "max_tx_rate $RATE" ip link set "$dev_a" vf 0 max_tx_rate $RATE
capped=$(stream_mbps)
ktap_print_msg "max_tx_rate $RATE: $capped Mb/s"
ktap_test_result "max_tx_rate $RATE: the VF sends $RATE Mb/s, within 20%" near "$capped"

ktap_test_result "max_tx_rate 0" ip link set "$dev_a" vf 0 max_tx_rate 0
lifted=$(stream_mbps)
ktap_print_msg "max_tx_rate 0: $lifted Mb/s"
ktap_test_result "max_tx_rate 0: the cap is gone (at least $((3 * RATE / 2)) Mb/s)" \
	[ "$lifted" -ge $((3 * RATE / 2)) ]
ktap_finished
