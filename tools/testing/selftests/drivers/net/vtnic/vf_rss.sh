#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Receive-side scaling on a VF: the VF has more than one receive queue,
# and TCP flows from port B to it that differ only in their source port
# land on at least 2 of them (the VF's per-queue counters in ethtool -S),
# with every flow's data intact.  32 flows, as rss_spread.sh sends to port
# A, leave a queue of two empty by chance with probability 2 * 2^-32.
#
# A VF driver with one queue pair (igbvf, and vtnicvf on the 82576) fails
# the first check: that is the point of the test.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

FLOWS=32
FLOW_KB=64
PORT=5401

cleanup()
{
	vf_test_cleanup
	rm -rf "$tmp"
}

# rx_queues: the VF's receive queues, by its per-queue counters
rx_queues()
{
	ip netns exec "$NSV" ethtool -S "$dev_vf" |
		grep -c '^ *rx_queue_[0-9]*_packets:'
}

vtnic_require_env
tmp=$(mktemp -d)
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 3

vf_pair_up
head -c $((FLOW_KB * 1024)) /dev/urandom > "$tmp/flow"

nq=$(rx_queues)
ktap_print_msg "the VF shows $nq per-queue receive counters (rx_queue_N_packets)"
ktap_test_result "the VF has at least 2 receive queues" [ "$nq" -ge 2 ]

mapfile -t before < <(rx_queue_counts "$NSV" "$dev_vf" "$nq")
ktap_test_result "$FLOWS TCP flows B -> VF arrive intact" \
	tcp_flows "$NSB" "$NSV" "$NET4.11" "$tmp/flow" $FLOWS $PORT
mapfile -t after < <(rx_queue_counts "$NSV" "$dev_vf" "$nq")
ktap_test_result "the flows reach at least 2 of the VF's receive queues" \
	queues_used 2 "${before[@]}" -- "${after[@]}"
ktap_finished
