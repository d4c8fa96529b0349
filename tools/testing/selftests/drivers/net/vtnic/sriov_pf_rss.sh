#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
# card: 82599
#
# The PF keeps receive-side scaling within its own pool while VFs exist:
# with one VF on port A, "ethtool -l A" still offers at least 2 combined
# channels; with as many as it offers (4 at most), TCP flows from port B
# that differ only in their source port land on at least 2 of port A's
# receive queues (the per-queue counters of ethtool -S), and every flow's
# data arrives.  A PF that gives itself one queue once VFs exist, or
# whose pool takes one queue of the redirection table, fails.  Then one
# VF more than 31: the 82599's 64 pools of 2 leave the PF at most 2.
#
# As in rss_spread.sh, 32 flows leave one of 2 queues empty with
# negligible probability.
#
# vtnic-only: in-tree ixgbe gives its PF one RSS queue once VFs exist
# ("no RSS with SR-IOV"); on the i82599 model it offers 4 channels with
# a VF, takes "ethtool -L combined 4", and every flow still lands on its
# first queue.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

FLOWS=32
FLOW_KB=64
PORT=5410

cleanup()
{
	cleanup_all_ns
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	rm -rf "$tmp"
}

vtnic_require_env
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 5

ports_attach
ports_wait_up
head -c $((FLOW_KB * 1024)) /dev/urandom > "$tmp/flow"

set_numvfs "$VTNIC_PORT_A" 1 || ktap_exit_fail_msg "cannot create a VF"
wait_carrier "$dev_a" "$NSA"
max=$(channels "$NSA" "$dev_a" max)
ktap_print_msg "port A with a VF: $(channels "$NSA" "$dev_a" cur) combined channels, at most $max"
expect "with a VF, port A offers at least 2 channels" [ "${max:-0}" -ge 2 ]
queues=$((max > 4 ? 4 : max))
expect "ethtool -L combined $queues with a VF" \
	ip netns exec "$NSA" ethtool -L "$dev_a" combined "$queues"
wait_carrier "$dev_a" "$NSA"
ping_retry "$NSB" "$NET4.1" 20

mapfile -t before < <(rx_queue_counts "$NSA" "$dev_a" "$queues")
expect "$FLOWS TCP flows B -> A arrive intact" \
	tcp_flows "$NSB" "$NSA" "$NET4.1" "$tmp/flow" $FLOWS $PORT
mapfile -t after < <(rx_queue_counts "$NSA" "$dev_a" "$queues")
if [[ " ${before[*]} ${after[*]} " == *" missing "* ]]; then
	ktap_test_fail "no rx_queue_N_packets counters in ethtool -S"
else
	expect "the flows reach at least 2 of port A's receive queues" \
		queues_used 2 "${before[@]}" -- "${after[@]}"
fi

# 32 VFs and the PF's pool take 33 of the 64 pools of 2 queues
echo 0 > "$PCI_A/sriov_numvfs"
set_numvfs "$VTNIC_PORT_A" 32 || ktap_exit_fail_msg "cannot create 32 VFs"
max=$(channels "$NSA" "$dev_a" max)
ktap_print_msg "port A with 32 VFs: at most $max combined channels"
expect "with 32 VFs, port A offers 1 or 2 channels" \
	[ "${max:-0}" -ge 1 -a "${max:-0}" -le 2 ]
ktap_finished
