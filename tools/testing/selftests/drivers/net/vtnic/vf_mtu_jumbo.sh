#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Jumbo frames on a VF: the VF takes MTU 9000 (its driver asks the PF for
# large frames, SET_LPE in Intel's mailbox protocol) and, with port B at MTU
# 9000 too, a 9000-byte IPv4 packet that may not be fragmented (ping -M do
# -s 8972) crosses both ways.  Back at MTU 1500 the VF gets no 9000-byte
# frame from B (the PF lowered the VF's receive limit again), while a
# 1500-byte one still passes.  Port A's own MTU stays at 1500 throughout.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	[ -n "$mtu_b" ] && ip -n "$NSB" link set "$dev_b" mtu "$mtu_b" 2>/dev/null
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# set_mtu NETNS DEV MTU: set the MTU and wait for the link to come back
set_mtu()
{
	ip -n "$1" link set "$2" mtu "$3" && wait_carrier "$2" "$1"
}

# df_ping NETNS ADDR SIZE: a reply comes back to a SIZE-byte ping sent with
# "don't fragment"; retried for up to 10 s while the link settles
df_ping()
{
	slowwait 10 ip netns exec "$1" ping -c 1 -W 1 -M "do" -s "$3" "$2" > /dev/null
}

# df_ping_lost NETNS ADDR SIZE: none of 3 such pings gets a reply
df_ping_lost()
{
	! ip netns exec "$1" ping -q -c 3 -i 0.3 -W 2 -M "do" -s "$3" "$2" > /dev/null
}

vtnic_require_env
mtu_b='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

ports_lookup
pf_up_with_vfs 1
setup_ns NSV NSB
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
	ktap_exit_fail_msg "cannot move port B into a namespace"
mtu_b=$(ip -n "$NSB" -o link show dev "$dev_b" | grep -o 'mtu [0-9]*' | cut -d' ' -f2)
set_mtu "$NSB" "$dev_b" 9000 || ktap_exit_fail_msg "port B refuses MTU 9000"
ping_retry "$NSV" "$NET4.2" 15 ||
	ktap_exit_fail_msg "the VF does not reach port B"

ktap_test_result "the VF takes MTU 9000" set_mtu "$NSV" "$dev_vf" 9000
ktap_test_result "9000-byte DF ping VF -> B" df_ping "$NSV" "$NET4.2" 8972
ktap_test_result "9000-byte DF ping B -> VF" df_ping "$NSB" "$NET4.11" 8972

ktap_test_result "the VF back to MTU 1500" set_mtu "$NSV" "$dev_vf" 1500
ktap_test_result "1500-byte DF ping B -> VF at the VF's MTU 1500" \
	df_ping "$NSB" "$NET4.11" 1472
ktap_test_result "9000-byte frame from B not received by the VF at MTU 1500" \
	df_ping_lost "$NSB" "$NET4.11" 8972
ktap_finished
