#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# card: 82599
#
# "ip link set A vf N query_rss on|off": whether a VF may read the port's
# RSS redirection table and hash key over the mailbox (GET_RETA and
# GET_RSS_KEY, API 1.2 and later).  They are the port's, shared with the
# PF and every VF, so the answer is no until the admin says otherwise.
#
# Off by default: "ip link show" says so and "ethtool -x" on the VF
# fails.  On: "ethtool -x" on the VF shows the PF's hash key (as "ethtool
# -x A" reports it) and a table whose every entry is one of the VF's
# receive queues; the setting holds across a rebind of the VF driver
# (a VF reset).  Off again: refused again.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	vf_test_cleanup
	rm -rf "$tmp"
}

# query_shown on|off: port A's "vf 0" line says "query_rss on|off"
query_shown()
{
	ip link show dev "$dev_a" | grep -E "^ +vf 0 " |
		grep -q "query_rss $1"
}

# rss_key FILE: the hash key in FILE, the output of "ethtool -x", one line
rss_key()
{
	awk '/^RSS hash key:/ { getline; print; exit }' "$1"
}

# vf_reads_rss: "ethtool -x" works on the VF; its output in $tmp/vf.x
vf_reads_rss()
{
	ip netns exec "$NSV" ethtool -x "$dev_vf" > "$tmp/vf.x" 2>&1
}

vf_refused()
{
	! vf_reads_rss
}

# vf_key_is_pf_key: the VF read the key the PF programmed
vf_key_is_pf_key()
{
	local vf_key pf_key

	ethtool -x "$dev_a" > "$tmp/pf.x" || return 1
	vf_key=$(rss_key "$tmp/vf.x")
	pf_key=$(rss_key "$tmp/pf.x")
	ktap_print_msg "VF key $vf_key"
	ktap_print_msg "PF key $pf_key"
	[ -n "$vf_key" ] && [ "$vf_key" = "$pf_key" ]
}

# vf_table_in_queues: every redirection entry the VF read names one of
# its receive queues (the "with N RX ring(s)" of ethtool -x, which the
# driver's ETHTOOL_GRXRINGS says: ixgbevf has no ethtool -l), and there
# are some
vf_table_in_queues()
{
	local queues

	queues=$(sed -n 's/.* with \([0-9]*\) RX ring(s).*/\1/p' "$tmp/vf.x")
	[ -n "$queues" ] || return 1
	awk -v q="$queues" '
		/^ *[0-9]+: / {
			for (i = 2; i <= NF; i++) {
				n++
				if ($i >= q) bad++
			}
		}
		END {
			printf "# # %d entries, %d outside queues 0..%d\n", n, bad, q - 1
			exit !(n > 0 && !bad)
		}' "$tmp/vf.x"
}

vtnic_require_env
dev_a='' tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 10

vf_pair_up

expect "query_rss is off by default" query_shown off
expect "ethtool -x on the VF is refused" vf_refused
expect "vf 0 query_rss on accepted" \
	ip link set dev "$dev_a" vf 0 query_rss on
expect "ip link show A reports query_rss on" query_shown on
expect "ethtool -x on the VF works" vf_reads_rss
expect "the VF reads the PF's RSS hash key" vf_key_is_pf_key
expect "the VF's redirection table names only its queues" vf_table_in_queues

# A rebind resets the VF: the admin's setting stays
# shellcheck disable=SC2154	# vf_pair_up sets vf
echo "$vf" > "/sys/bus/pci/devices/$vf/driver/unbind"
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come back with $VTNIC_VF_DRIVER"
expect "query_rss holds across a VF reset" vf_reads_rss

expect "vf 0 query_rss off accepted" \
	ip link set dev "$dev_a" vf 0 query_rss off
expect "ethtool -x on the VF is refused again" vf_refused
ktap_finished
