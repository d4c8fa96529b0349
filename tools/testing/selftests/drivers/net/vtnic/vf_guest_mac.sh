#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The guest sets its VF's MAC ("ip link set VF address X" in the VF's
# namespace).  While the host has set no MAC for the VF, the PF accepts
# it: the VF's netdev has X, it pings port B and B knows it at X.  Once the
# host gives the VF an admin MAC M ("ip link set A vf 0 mac M", and the VF
# driver bound again, as igb needs), the PF refuses the guest's next MAC:
# the command fails (igbvf returns EADDRNOTAVAIL on the PF's NACK), and
# the VF keeps M, still pings B, and B knows it at M.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

GUEST1=02:76:74:6e:00:11	# locally administered
ADMIN=02:76:74:6e:00:12
GUEST2=02:76:74:6e:00:13

# vf_has MAC: the VF's netdev has MAC
vf_has()
{
	local got

	got=$(mac_of "$NSV" "$dev_vf")
	ktap_print_msg "VF netdev $dev_vf has MAC $got"
	[ "$got" = "$1" ]
}

# b_learns MAC: with its neighbour cache flushed, port B hears from the VF
# (a ping from the VF) and knows the VF's address at MAC
b_learns()
{
	ip -n "$NSB" neigh flush dev "$dev_b"
	ping_retry "$NSV" "$NET4.2" 15 &&
	ip -n "$NSB" neigh show "$NET4.11" dev "$dev_b" | grep -q "lladdr $1"
}

vf0_shows()
{
	ip link show dev "$dev_a" | grep -E "^ +vf 0 " | grep -q "link/ether $1"
}

# guest_refused MAC: the guest's "ip link set VF address MAC" fails
guest_refused()
{
	local err

	if err=$(ip -n "$NSV" link set dev "$dev_vf" address "$1" 2>&1); then
		ktap_print_msg "the guest's MAC $1 was accepted"
		return 1
	fi
	ktap_print_msg "refused: $err"
}

vtnic_require_env
dev_a=''
trap vf_test_cleanup EXIT
ktap_print_header
ktap_set_plan 9

vf_pair_up
ktap_print_msg "VF $vf ($dev_vf) starts with MAC $(mac_of "$NSV" "$dev_vf")"

ktap_test_result "no admin MAC: the guest sets $GUEST1" \
	ip -n "$NSV" link set dev "$dev_vf" address $GUEST1
ktap_test_result "the VF's netdev has $GUEST1" vf_has $GUEST1
ktap_test_result "the VF pings port B, which knows it at $GUEST1" \
	b_learns $GUEST1

ktap_test_result "vf 0 mac $ADMIN accepted" \
	ip link set dev "$dev_a" vf 0 mac $ADMIN
# Unbinding destroys the netdev, and it leaves NSV with it.
echo "$vf" > "/sys/bus/pci/devices/$vf/driver/unbind"
if ! dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
   ! wait_carrier "$dev_vf" "$NSV"; then
	ktap_exit_fail_msg "the VF does not come back with $VTNIC_VF_DRIVER"
fi
ktap_test_result "bound again, the VF's netdev has $ADMIN" vf_has $ADMIN

ktap_test_result "admin MAC set: the guest's $GUEST2 is refused" \
	guest_refused $GUEST2
ktap_test_result "the VF's netdev still has $ADMIN" vf_has $ADMIN
ktap_test_result "ip link show A still reports vf 0 at $ADMIN" \
	vf0_shows $ADMIN
ktap_test_result "the VF pings port B, which knows it at $ADMIN" \
	b_learns $ADMIN
ktap_finished
