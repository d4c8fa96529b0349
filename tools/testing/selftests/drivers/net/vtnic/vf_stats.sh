#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# Per-VF counters as the PF reports them: "ip -s link show A" prints RX and
# TX counters under the "vf 0" line, and they follow the VF's traffic: after
# COUNT pings from the VF to port B, VF 0's received and transmitted
# packets have grown by at least COUNT each (the echo replies and the echo
# requests) and its bytes by at least COUNT 64-byte frames.  VF 1, not
# bound to a driver, keeps its packet counters.  igb has no
# ndo_get_vf_stats, and the kernel then reports every VF counter as 0: where
# the counters stay 0 under traffic and the PF driver is not vtnic, the
# test skips (the VM harness runs it only on vtnic).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=100

cleanup()
{
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# vf_counters N: "rx_packets tx_packets rx_bytes tx_bytes" of VF N as
# "ip -s link show A" prints them; fails when it prints none
vf_counters()
{
	ip -s link show dev "$dev_a" | awk -v n="$1" '
		/^ +vf [0-9]+ / { this = ($2 == n); next }
		this && /RX: bytes/ { getline; rxb = $1; rxp = $2; next }
		this && /TX: bytes/ { getline; txb = $1; txp = $2; next }
		END {
			if (rxp == "" || txp == "")
				exit 1
			print rxp, txp, rxb, txb
		}'
}

# caught_up: VF 0's packet counters grew by COUNT since rxp0, txp0
caught_up()
{
	local rx tx

	read -r rx tx _ _ < <(vf_counters 0)
	[ $((rx - rxp0)) -ge $COUNT ] && [ $((tx - txp0)) -ge $COUNT ]
}

# grew_by NAME BEFORE AFTER MIN: AFTER - BEFORE >= MIN (one-word NAME:
# ktap_test_result splits its arguments)
grew_by()
{
	ktap_print_msg "vf 0 $1: $2 before, $3 after"
	[ $(($3 - $2)) -ge "$4" ]
}

idle_kept()
{
	[ "$idle_rx1" = "$idle_rx0" ] && [ "$idle_tx1" = "$idle_tx0" ]
}

vf_pings()
{
	ip netns exec "$NSV" ping -q -c $COUNT -i 0.02 -W 2 "$NET4.2" > /dev/null
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header

ports_lookup
pf_up_with_vfs 2
setup_ns NSV NSB
vf_attach 0 "$NSV" "$NET4.11/24" > /dev/null ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
	ktap_exit_fail_msg "cannot move port B into a namespace"
ping_retry "$NSV" "$NET4.2" 15 ||
	ktap_exit_fail_msg "the VF does not reach port B"

# Without ndo_get_vf_stats the kernel reports every VF counter as 0, so
# whether the PF driver counts shows only after traffic.
if ! read -r rxp0 txp0 rxb0 txb0 < <(vf_counters 0); then
	ktap_exit_fail_msg "ip -s link show A prints no counters for vf 0"
fi
read -r idle_rx0 idle_tx0 _ _ < <(vf_counters 1)
vf_pings || ktap_exit_fail_msg "$COUNT pings VF -> port B did not all pass"
# The PF may fetch the counters from the hardware periodically.
slowwait 5 caught_up
read -r rxp1 txp1 rxb1 txb1 < <(vf_counters 0)
read -r idle_rx1 idle_tx1 _ _ < <(vf_counters 1)
if [ "$VTNIC_PF_DRIVER" != vtnic ] &&
   [ "$rxp1$txp1$rxb1$txb1" = 0000 ]; then
	ktap_skip_all "$VTNIC_PF_DRIVER reports zero per-VF counters (no ndo_get_vf_stats)"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 5

ktap_test_result "vf 0 rx packets grew by at least $COUNT" \
	grew_by rx_packets "$rxp0" "$rxp1" $COUNT
ktap_test_result "vf 0 tx packets grew by at least $COUNT" \
	grew_by tx_packets "$txp0" "$txp1" $COUNT
ktap_test_result "vf 0 rx bytes grew by at least $COUNT x 64" \
	grew_by rx_bytes "$rxb0" "$rxb1" $((COUNT * 64))
ktap_test_result "vf 0 tx bytes grew by at least $COUNT x 64" \
	grew_by tx_bytes "$txb0" "$txb1" $((COUNT * 64))
ktap_print_msg "vf 1: rx packets $idle_rx0 -> $idle_rx1, tx packets $idle_tx0 -> $idle_tx1"
ktap_test_result "vf 1 (unbound, idle) packet counters did not move" idle_kept
ktap_finished
