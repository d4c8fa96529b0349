#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# card: 82599
#
# Mailbox API negotiation on the 82599, as a VF sees it on the wire: a
# VF that no driver holds speaks the raw mailbox (vfattack) and sends
# API_NEGOTIATE with each version.  The PF accepts 1.0, 1.1, 1.2, 1.3 and
# 1.4 and refuses 2.0, 1.5, 1.6, 1.7 and versions nobody defined.  Asking
# from the newest down, as ixgbevf does, settles on 1.4.
#
# The version the PF accepted is the one it then holds the VF to:
# GET_QUEUES (from 1.1) is refused under 1.0 and answered under 1.4; a
# refused version leaves the last accepted one in force; RESET brings
# the VF back to 1.0.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

# ixgbe's API numbers in word 1 of API_NEGOTIATE
API_10=0 API_20=1 API_11=2 API_12=3 API_13=4 API_14=5
API_15=6 API_16=7 API_17=8

cleanup()
{
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# raw ARGS...: one vfattack run on the VF; its lines on stdout
raw()
{
	vfattack -t 200 "$bdf" "$@" 2>&1
}

# reply_of ARGS...: the reply flags vfattack printed for its first
# request ("ACK CTS", "NACK CTS", or nothing without a reply)
reply_of()
{
	raw "$@" | sed -n 's/.* reply 0x[0-9a-f]* //p' | head -n 1
}

# answered ACK|NACK ARGS...: the PF answered the request so
answered()
{
	local want=$1 r

	shift
	r=$(reply_of "$@")
	ktap_print_msg "vfattack $*: ${r:-no reply}"
	[ "${r%% *}" = "$want" ]
}

acked() { answered ACK "$@"; }
nacked() { answered NACK "$@"; }

# each_answered ACK|NACK VERSION...: every version answered so, one
# request each
each_answered()
{
	local want=$1 v

	shift
	for v in "$@"; do
		answered "$want" api "$v" || return 1
	done
}

# settles_on WANT VERSION...: asking for each VERSION in turn until the
# first ACK, as ixgbevf does, ends at WANT
settles_on()
{
	local want=$1 v r

	shift
	for v in "$@"; do
		r=$(reply_of api "$v")
		if [ "${r%% *}" = ACK ]; then
			ktap_print_msg "settled on API number $v"
			[ "$v" = "$want" ]
			return
		fi
	done
	ktap_print_msg "no version accepted"
	return 1
}

# queues_follow_api: GET_QUEUES is refused once 1.0 is accepted and
# answered once 1.4 is
queues_follow_api()
{
	acked api $API_10 && nacked queues && acked api $API_14 && acked queues
}

# refused_keeps: a refused version leaves 1.4, which GET_QUEUES shows
refused_keeps()
{
	acked api $API_14 && nacked api $API_15 && acked queues
}

# reset_to_10: RESET brings the VF back to 1.0
reset_to_10()
{
	acked api $API_14 && acked queues && raw reset > /dev/null &&
		nacked queues
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

ports_lookup
pf_up_with_vfs 1
bdf=$(vf_pci "$VTNIC_PORT_A" 0)
if [ -e "/sys/bus/pci/devices/$bdf/driver" ]; then
	echo "$bdf" > "/sys/bus/pci/devices/$bdf/driver/unbind"
fi
# An address of the admin's, so that RESET is ACKed on any PF (without
# one vtnic leaves the VF to pick its own and NACKs)
ip link set "$dev_a" vf 0 mac 02:00:00:a9:1e:01 ||
	ktap_exit_fail_msg "cannot give the VF an address"
# The PF takes the VF's RESET once port A is up; its last answer is shown
if ! slowwait 10 raw reset > /dev/null; then
	ktap_print_msg "$(raw reset)"
	ktap_exit_fail_msg "the PF does not ACK the VF's RESET"
fi

ktap_test_result "API 1.0, 1.1, 1.2, 1.3 and 1.4 accepted" \
	each_answered ACK $API_10 $API_11 $API_12 $API_13 $API_14
ktap_test_result "API 2.0, 1.5, 1.6, 1.7 and undefined versions refused" \
	each_answered NACK $API_20 $API_15 $API_16 $API_17 9 255 0xffffffff
ktap_test_result "asked from 1.7 down, as ixgbevf asks, the VF gets 1.4" \
	settles_on $API_14 $API_17 $API_16 $API_15 $API_14 $API_13 $API_12 \
	$API_11 $API_10
ktap_test_result "GET_QUEUES refused under 1.0, answered under 1.4" \
	queues_follow_api
ktap_test_result "a refused version leaves the last accepted one" refused_keeps
ktap_test_result "RESET brings the VF back to 1.0" reset_to_10
ktap_finished
