#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Receive-side scaling on port A: with 4 receive queues (ethtool -L; as
# many as the driver offers when that is fewer, at least 2, since drivers
# such as ixgbe offer one a CPU: the 82599 test VM has 4 vCPUs, the 82576
# one 2), TCP flows from port B that differ only in their source port land
# on every one of the queues (the per-queue counters of ethtool -S), and
# every flow's data arrives.
#
# Which queue a flow lands on depends on the hash key the driver chose at
# random, so the test sends enough flows that missing a queue by chance
# is negligible: 32 flows, each uniformly on one of 4 queues, would leave
# a queue empty with probability 4 * (3/4)^32 < 0.05%; the Toeplitz hash
# is linear in its input bits, so 32 consecutive source ports spread even
# more evenly than that.  A port that does
# not hash (every flow on one queue) or hashes only on addresses (every
# flow between the same two hosts on one queue) fails.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

QUEUES=4
FLOWS=32
FLOW_KB=64
PORT=5400

cleanup()
{
	[ -n "${orig:-}" ] &&
		ip netns exec "$NSA" ethtool -L "$dev_a" combined "$orig" 2>/dev/null
	cleanup_all_ns
	rm -rf "$tmp"
}

vtnic_require_env
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 3

ports_attach
ports_wait_up
head -c $((FLOW_KB * 1024)) /dev/urandom > "$tmp/flow"

max=$(channels "$NSA" "$dev_a" max)
orig=$(channels "$NSA" "$dev_a" cur)
ktap_print_msg "port A: $orig combined channels, at most $max"
[ -n "$max" ] && [ "$max" -ge 2 ] && [ "$max" -lt $QUEUES ] && QUEUES=$max
if [ -n "$max" ] && [ "$max" -ge $QUEUES ] &&
	ip netns exec "$NSA" ethtool -L "$dev_a" combined $QUEUES &&
	[ "$(channels "$NSA" "$dev_a" cur)" = $QUEUES ]; then
	ktap_test_pass "ethtool -L combined $QUEUES"
else
	ktap_test_fail "ethtool -L combined $QUEUES"
	ktap_finished
fi
wait_carrier "$dev_a" "$NSA"
ping_retry "$NSB" "$NET4.1" 20

mapfile -t before < <(rx_queue_counts "$NSA" "$dev_a" $QUEUES)
ktap_test_result "$FLOWS TCP flows B -> A arrive intact" \
	tcp_flows "$NSB" "$NSA" "$NET4.1" "$tmp/flow" $FLOWS $PORT
mapfile -t after < <(rx_queue_counts "$NSA" "$dev_a" $QUEUES)
if [[ " ${before[*]} ${after[*]} " == *" missing "* ]]; then
	ktap_test_fail "no rx_queue_N_packets counters in ethtool -S"
else
	ktap_test_result "the flows reach all $QUEUES receive queues" \
		queues_used $QUEUES "${before[@]}" -- "${after[@]}"
fi
ktap_finished
