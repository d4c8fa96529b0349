#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# With VFs, port A's VLANs need a VLAN pool filter each, and there are
# few (32 on the 82576, 64 on the 82599, one kept for VLAN 0).  A VLAN
# device past the last one is refused with ENOSPC, not created to drop
# every frame of its VLAN; deleting a VLAN frees its filter for the next,
# which then carries traffic to port B.  In-tree igb accepts every VLAN
# and ixgbe falls back to the VLAN table alone, hence vtnic-only.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

VNET4=198.51.100
FIRST=2		# the VLAN IDs tried: FIRST, FIRST + 1, ...
TRIES=100	# more than any MAC has filters

cleanup()
{
	local vid

	for vid in $(seq $FIRST $((FIRST + TRIES))); do
		ip link del "v$vid" 2> /dev/null
	done
	vf_test_cleanup
}

# enospc: the refusal ($err) is ENOSPC
enospc()
{
	grep -q "No space left on device" <<< "$err"
}

# vlan_ping: a ping on the last VLAN taken is answered by port B
vlan_ping()
{
	ping -c 1 -W 1 -I "v$refused" "$VNET4.2" > /dev/null
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

# Loaded by hand: the test VM has no /sbin/modprobe for request_module()
modprobe 8021q || ktap_exit_fail_msg "no 8021q module"
ports_lookup
pf_up_with_vfs 1
setup_ns NSB
b_attach

vid=$FIRST
err=''
while [ $vid -lt $((FIRST + TRIES)) ]; do
	err=$(ip link add link "$dev_a" name "v$vid" type vlan id $vid 2>&1) ||
		break
	err=''
	vid=$((vid + 1))
done
refused=$vid
ktap_print_msg "$((refused - FIRST)) VLANs taken, VLAN $refused: ${err:-taken too}"
ktap_test_result "a VLAN past the last filter is refused" \
	[ $refused -lt $((FIRST + TRIES)) ]
ktap_test_result "with ENOSPC" enospc

# One VLAN goes: the refused one now finds a filter
ip link del "v$FIRST"
ktap_test_result "a VLAN deleted frees its filter for the next" \
	ip link add link "$dev_a" name "v$refused" type vlan id $refused

ip addr add "$VNET4.1/24" dev "v$refused" &&
ip link set "v$refused" up &&
ip -n "$NSB" link add link "$dev_b" name "v$refused" type vlan id $refused &&
ip -n "$NSB" addr add "$VNET4.2/24" dev "v$refused" &&
ip -n "$NSB" link set "v$refused" up ||
	ktap_exit_fail_msg "cannot set VLAN $refused up on the ports"
ktap_test_result "VLAN $refused carries traffic to port B" \
	slowwait 15 vlan_ping
ktap_finished
