#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# MAC anti-spoofing on the wire: a VF sends raw frames to port B whose
# source address is not the VF's own.  With "spoofchk on" (the default)
# port B receives none of them and the PF reports the drops (a kernel log
# line or an ethtool -S counter naming spoofing); with "spoofchk off" B
# receives them all.  Frames from the VF's own address reach B either way,
# so the capture is shown to work.
#
# The frames are written to a packet socket on the VF (raw_frames), so
# the VF's driver transmits them as they are; they go to B's address with
# the local experimental EtherType 0x88b5, which nothing answers.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=20
SPOOF=02:76:74:6e:5f:01

cleanup()
{
	capture_stop
	ip link set "$dev_a" vf 0 spoofchk on 2>/dev/null
	vf_test_cleanup
	rm -rf "$tmp"
}

# seen_from MAC: frames the capture on B got from MAC
seen_from()
{
	grep -ci "^[0-9:.]* $1 >" "$capture_file"
}

# sent_and_seen SRC_MAC TAG: send, then count what B saw from SRC_MAC
sent_and_seen()
{
	capture_start "$NSB" "$dev_b" "$tmp/cap.$2" ether proto 0x88b5
	raw_frames "$NSV" "$dev_vf" "$mac_b" "$1" "spoofchk-$2" $COUNT
	sleep 2
	capture_stop
	seen_from "$1"
}

# spoof_reported MARK: since MARK, port A's driver logged or counted a spoof
spoof_reported()
{
	kernel_log_since "$1" | grep -qi spoof && return 0
	ethtool -S "$dev_a" 2>/dev/null |
		awk 'tolower($1) ~ /spoof/ && $2 > 0 { found = 1 } END { exit !found }'
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid=''
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 5

vf_pair_up
mac_vf=$(mac_of "$NSV" "$dev_vf")
mac_b=$(mac_of "$NSB" "$dev_b")

ip link set "$dev_a" vf 0 spoofchk on
own=$(sent_and_seen "$mac_vf" own)
ktap_print_msg "spoofchk on: B got $own of $COUNT frames from the VF's own $mac_vf"
ktap_test_result "spoofchk on: frames from the VF's own address reach B" \
	[ "$own" = $COUNT ]

mark=$(kernel_log_mark)
spoofed=$(sent_and_seen $SPOOF on)
ktap_print_msg "spoofchk on: B got $spoofed of $COUNT frames from $SPOOF"
ktap_test_result "spoofchk on: B receives no frame from a spoofed address" \
	[ "$spoofed" = 0 ]
ktap_test_result "spoofchk on: the PF reports the spoofed frames" \
	slowwait 10 spoof_reported "$mark"

ktap_test_result "spoofchk off" ip link set "$dev_a" vf 0 spoofchk off
spoofed=$(sent_and_seen $SPOOF off)
ktap_print_msg "spoofchk off: B got $spoofed of $COUNT frames from $SPOOF"
ktap_test_result "spoofchk off: B receives the frames from $SPOOF" \
	[ "$spoofed" = $COUNT ]
ktap_finished
