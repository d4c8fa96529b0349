#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port A's counters: after port B pings A COUNT times, "ethtool -S" shows
# rx_packets and tx_packets grown by at least COUNT and rx_bytes and
# tx_bytes by at least COUNT frames' worth, and "ip -s link" (the netdev's
# stats64) moved by as much as ethtool -S did.
#
# The two may differ by the few frames the namespaces send on their own
# between two reads (ARP, IPv6 ND/MLD), and their bytes by the 4-byte FCS
# a frame: igb's ethtool -S counters are the MAC's and include it, its
# stats64 are the rings' and do not.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=500
PAYLOAD=1000
FRAME=$((PAYLOAD + 8 + 20 + 14))	# ICMP, IPv4 and Ethernet headers
SLACK=5				# frames the namespaces send on their own

cleanup()
{
	cleanup_all_ns
}

# ip_stat DIR FIELD: stats64 DIR (rx, tx) FIELD (packets, bytes) of port A
ip_stat()
{
	ip -n "$NSA" -s -j link show dev "$dev_a" |
		grep -o "\"$1\":{[^}]*}" | head -n 1 |
		grep -o "\"$2\":[0-9]*" | cut -d: -f2
}

# snapshot NAME: record both views of port A's counters as NAME_*
snapshot()
{
	local d f v

	for d in rx tx; do
		for f in packets bytes; do
			v=$(ethtool_stat "$NSA" "$dev_a" "${d}_$f") ||
				ktap_exit_fail_msg "ethtool -S has no ${d}_$f"
			printf -v "$1_et_${d}_$f" %s "$v"
			printf -v "$1_ip_${d}_$f" %s "$(ip_stat "$d" "$f")"
		done
	done
}

# delta VIEW DIR FIELD: how much VIEW (et, ip) DIR FIELD moved
delta()
{
	local a=after_$1_$2_$3 b=before_$1_$2_$3

	echo $((${!a} - ${!b}))
}

# grew DIR FIELD MIN: ethtool -S DIR_FIELD grew by at least MIN
grew()
{
	local d

	d=$(delta et "$1" "$2")
	ktap_print_msg "ethtool -S $1_$2: +$d (at least $3)"
	[ "$d" -ge "$3" ]
}

# agree DIR: ip -s link moved by as much as ethtool -S, within SLACK
# frames, and the bytes within an FCS a frame
agree()
{
	local ep ip eb ib

	ep=$(delta et "$1" packets) ip=$(delta ip "$1" packets)
	eb=$(delta et "$1" bytes) ib=$(delta ip "$1" bytes)
	ktap_print_msg "$1: ethtool -S +$ep packets +$eb bytes," \
		"ip -s link +$ip packets +$ib bytes"
	[ $((ep - ip)) -le $SLACK ] && [ $((ip - ep)) -le $SLACK ] &&
	[ $((eb - ib)) -le $((4 * ep + SLACK * 1518)) ] &&
	[ $((ib - eb)) -le $((SLACK * 1518)) ]
}

rx_caught_up()
{
	[ "$(ethtool_stat "$NSA" "$dev_a" rx_packets)" -ge \
		$((before_et_rx_packets + COUNT)) ]
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

ports_attach
ports_wait_up
# Resolve ARP both ways first, so that the snapshot window holds little
# but the pings.
ip netns exec "$NSB" ping -c 1 -W 2 "$NET4.1" > /dev/null
ip netns exec "$NSA" ping -c 1 -W 2 "$NET4.2" > /dev/null

snapshot before
ip netns exec "$NSB" ping -q -f -c $COUNT -s $PAYLOAD -W 1 "$NET4.1" |
	sed 's/^/# /'
# Let counters that are refreshed periodically catch up.
slowwait 5 rx_caught_up
snapshot after

ktap_test_result "rx_packets counts the $COUNT pings" grew rx packets $COUNT
ktap_test_result "tx_packets counts the $COUNT replies" grew tx packets $COUNT
ktap_test_result "rx_bytes counts the pings' bytes" \
	grew rx bytes $((COUNT * FRAME))
ktap_test_result "tx_bytes counts the replies' bytes" \
	grew tx bytes $((COUNT * FRAME))
ktap_test_result "ip -s link rx agrees with ethtool -S" agree rx
ktap_test_result "ip -s link tx agrees with ethtool -S" agree tx
ktap_finished
