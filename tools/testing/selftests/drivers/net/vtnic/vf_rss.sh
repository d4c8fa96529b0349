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

rx_queue_packets()
{
	local i

	for ((i = 0; i < nq; i++)); do
		ethtool_stat "$NSV" "$dev_vf" "rx_queue_${i}_packets" || echo 0
	done
}

# flows: FLOWS connections from B to the VF, one after the other, each
# from its own source port; true when every byte arrived
flows()
{
	local i got pid

	for ((i = 0; i < FLOWS; i++)); do
		ip netns exec "$NSV" timeout 30 socat -u \
			TCP4-LISTEN:$PORT,reuseaddr OPEN:"$tmp/rx",creat,append &
		pid=$!
		ip netns exec "$NSB" timeout 30 socat -u FILE:"$tmp/flow" \
			TCP4:"$NET4.11":$PORT,sourceport=$((41000 + i)),reuseaddr,retry=50,interval=0.1
		wait "$pid" || break
	done
	got=$(stat -c %s "$tmp/rx" 2>/dev/null || echo 0)
	ktap_print_msg "$i of $FLOWS flows done, $got of $((FLOWS * FLOW_KB * 1024)) bytes arrived"
	[ "$got" = $((FLOWS * FLOW_KB * 1024)) ]
}

# spread: at least 2 of the VF's queues received frames of the flows
spread()
{
	local i used=0 line=""

	for ((i = 0; i < nq; i++)); do
		local d=$((after[i] - before[i]))

		line+=" q$i=$d"
		[ "$d" -gt 0 ] && used=$((used + 1))
	done
	ktap_print_msg "frames per VF receive queue:$line"
	[ "$used" -ge 2 ]
}

vtnic_require_env
tmp=$(mktemp -d)
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 3

ports_lookup
pf_up_with_vfs 1
setup_ns NSV NSB
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
b_attach
wait_carrier "$dev_vf" "$NSV"
ping_retry "$NSB" "$NET4.11" 15 || ktap_exit_fail_msg "port B cannot reach the VF"
head -c $((FLOW_KB * 1024)) /dev/urandom > "$tmp/flow"

nq=$(rx_queues)
ktap_print_msg "the VF shows $nq per-queue receive counters (rx_queue_N_packets)"
ktap_test_result "the VF has at least 2 receive queues" [ "$nq" -ge 2 ]

mapfile -t before < <(rx_queue_packets)
ktap_test_result "$FLOWS TCP flows B -> VF arrive intact" flows
mapfile -t after < <(rx_queue_packets)
ktap_test_result "the flows reach at least 2 of the VF's receive queues" spread
ktap_finished
