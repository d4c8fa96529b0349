#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Received checksums: UDP datagrams whose checksum is wrong reach port A's
# stack, which counts them as checksum errors (Udp InCsumErrors) - the
# driver neither drops them as bad frames nor passes them as verified -
# with receive checksum offload on and off, while datagrams with a right
# checksum arrive (Udp NoPorts: nobody listens).  The device reports a
# bad L4 checksum in a descriptor error bit that is not where the 82576
# and the 82599 put their frame errors, so a driver reading one MAC's
# layout on the other fails this.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=20
PORT=5400

cleanup()
{
	cleanup_all_ns
	rm -rf "$tmp"
}

# hex16 N: N as two \xHH bytes, big endian
hex16()
{
	printf '\\x%02x\\x%02x' $(($1 >> 8 & 255)) $(($1 & 255))
}

# ip4_csum WORD...: the ones' complement checksum of 16-bit words
ip4_csum()
{
	local w sum=0

	for w in "$@"; do
		sum=$((sum + w))
	done
	while ((sum >> 16)); do
		sum=$(((sum & 0xffff) + (sum >> 16)))
	done
	echo $((~sum & 0xffff))
}

# bad_udp N: N UDP datagrams from B to A, their IPv4 header right and
# their UDP checksum wrong (0x1234: not 0, which means "none" on IPv4),
# written to a packet socket on port B as whole frames
bad_udp()
{
	local len=$((20 + 8 + 32)) dst src csum frame i

	dst=$(mac_of "$NSA" "$dev_a" | sed 's/^/\\x/; s/:/\\x/g')
	src=$(mac_of "$NSB" "$dev_b" | sed 's/^/\\x/; s/:/\\x/g')
	# 192.0.2.2 -> 192.0.2.1, TTL 64, UDP, no fragmentation
	csum=$(ip4_csum 0x4500 "$len" 0 0x4000 0x4011 0xc000 0x0202 0xc000 0x0201)
	frame="$dst$src\\x08\\x00\\x45\\x00$(hex16 $len)\\x00\\x00\\x40\\x00\\x40\\x11$(hex16 "$csum")"
	frame+="\\xc0\\x00\\x02\\x02\\xc0\\x00\\x02\\x01"
	frame+="$(hex16 $PORT)$(hex16 $PORT)$(hex16 $((len - 20)))\\x12\\x34"
	for ((i = 0; i < $1; i++)); do
		raw_frame "$NSB" "$dev_b" "$frame%s" \
			"vtnic-bad-checksum-$(printf %013d "$i")"
	done
}

# good_udp N: N datagrams sent by B's stack, checksum right
good_udp()
{
	local i

	for ((i = 0; i < $1; i++)); do
		echo "vtnic-good-checksum-$i" |
			ip netns exec "$NSB" socat -u STDIN UDP4-SENDTO:"$NET4.1:$PORT"
	done
}

# grew_by NAME BASE N: A's Udp counter NAME is BASE + N, within 5 s
__grew_by()
{
	[ "$(udp_mib "$NSA" "$1")" -ge $(($2 + $3)) ]
}

grew_by()
{
	slowwait 5 __grew_by "$@"
}

# one_round WHAT: bad then good datagrams, counted at A
one_round()
{
	local errs noports

	errs=$(udp_mib "$NSA" InCsumErrors)
	noports=$(udp_mib "$NSA" NoPorts)
	bad_udp $COUNT
	expect "$1: $COUNT datagrams with a wrong checksum reach the stack as checksum errors" \
		grew_by InCsumErrors "$errs" $COUNT
	good_udp $COUNT
	expect "$1: $COUNT datagrams with a right checksum arrive" \
		grew_by NoPorts "$noports" $COUNT
	expect "$1: no right one counted as a checksum error" \
		test "$(udp_mib "$NSA" InCsumErrors)" = $((errs + COUNT))
}

vtnic_require_env
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

ports_attach
ports_wait_up
ping_retry "$NSB" "$NET4.1" || ktap_exit_fail_msg "B cannot reach A"

ip netns exec "$NSA" ethtool -K "$dev_a" rx on 2>/dev/null
one_round "rx checksum offload on"
ip netns exec "$NSA" ethtool -K "$dev_a" rx off ||
	ktap_exit_fail_msg "ethtool -K rx off refused"
wait_carrier "$dev_a" "$NSA" && ping_retry "$NSB" "$NET4.1" ||
	ktap_exit_fail_msg "B cannot reach A with rx checksum offload off"
one_round "rx checksum offload off"
ip netns exec "$NSA" ethtool -K "$dev_a" rx on
ktap_finished
