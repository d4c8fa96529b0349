#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The switch between the VFs of port A.  VEB (the default): two VFs in two
# namespaces ping each other and the frames stay inside the card, port B
# receiving nothing meanwhile.  VEPA ("bridge link set dev A hwmode vepa"):
# "bridge -d link show" reports it, and the same frames go out on the wire;
# they come back only through an adjacent bridge that sends them back out
# of the port they came in on: the ping works with B in a Linux bridge with
# "hairpin on", fails with "hairpin off", and B counts the frames.  Back in
# VEB mode ("hwmode veb") the VFs reach each other inside the card again.
#
# Nothing else may reach port B while its counter is read: IPv6 is off in
# every namespace (no DAD, ND or MLD frames), port A has no address, and
# the VFs know each other's MAC from static neighbour entries (no ARP
# broadcast).  A slack of SLACK frames on B is allowed all the same.
#
# The VEPA part needs the PF driver's ndo_bridge_setlink.  vtnic has it; on
# another PF driver that lacks it (igb refuses hwmode with EOPNOTSUPP), the
# VEPA sub-tests are reported as skipped and the VEB part still counts.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=20
SLACK=2

cleanup()
{
	[ "$hwmode_changed" = 1 ] &&
		bridge -n "$NSA" link set dev "$dev_a" hwmode veb 2>/dev/null
	cleanup_all_ns
	[ -n "$dev_a" ] && ip link set "$dev_a" down 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

b_rx()
{
	dev_stat "$NSB" "$dev_b" rx_packets
}

# vf_ping: COUNT pings from VF 0 to VF 1, all answered
vf_ping()
{
	ip netns exec "$NSV0" ping -q -c $COUNT -i 0.1 -W 2 "$NET4.12" > /dev/null
}

vf_ping_lost()
{
	! ip netns exec "$NSV0" ping -q -c 5 -i 0.2 -W 1 "$NET4.12" > /dev/null
}

# b_rx_within LOW HIGH: port B received LOW to HIGH frames since b_mark
b_mark()
{
	b_before=$(b_rx)
}

b_rx_within()
{
	local got=$(($(b_rx) - b_before))

	ktap_print_msg "port B received $got frames"
	[ "$got" -ge "$1" ] && [ "$got" -le "$2" ]
}

hwmode_shows()
{
	local out

	out=$(bridge -n "$NSA" -d link show dev "$dev_a")
	# iproute2 prints the mode in capitals (hwmode VEPA)
	grep -qi "hwmode $1" <<< "$out" && return 0
	ktap_print_msg "bridge -d link show dev $dev_a: $out"
	return 1
}

vtnic_require_env
dev_a='' hwmode_changed=0
trap cleanup EXIT
ktap_print_header
ktap_set_plan 8

# Loaded by hand: the test VM has no /sbin/modprobe for the kernel's
# request_module().
modprobe bridge || ktap_exit_fail_msg "no bridge module"
ports_lookup
setup_ns NSA NSV0 NSV1 NSB
ns_no_ipv6 "$NSA" "$NSV0" "$NSV1" "$NSB" ||
	ktap_exit_fail_msg "cannot turn IPv6 off"
# The PF must be up for its VFs to pass traffic; it has no address.
if ! ip link set "$dev_a" netns "$NSA" || ! ip -n "$NSA" link set "$dev_a" up ||
   ! ip link set "$dev_b" netns "$NSB" || ! ip -n "$NSB" link set "$dev_b" up; then
	ktap_exit_fail_msg "cannot move the ports into namespaces"
fi
set_numvfs "$VTNIC_PORT_A" 2 || ktap_exit_fail_msg "cannot create 2 VFs"
if ! dev_vf0=$(vf_attach 0 "$NSV0" "$NET4.11/24") ||
   ! dev_vf1=$(vf_attach 1 "$NSV1" "$NET4.12/24"); then
	ktap_exit_fail_msg "the VFs do not come up with $VTNIC_VF_DRIVER"
fi
mac0=$(mac_of "$NSV0" "$dev_vf0")
mac1=$(mac_of "$NSV1" "$dev_vf1")
if ! ip -n "$NSV0" neigh add "$NET4.12" lladdr "$mac1" dev "$dev_vf0" nud permanent ||
   ! ip -n "$NSV1" neigh add "$NET4.11" lladdr "$mac0" dev "$dev_vf1" nud permanent; then
	ktap_exit_fail_msg "cannot add the VFs' neighbour entries"
fi
if ! wait_carrier "$dev_vf0" "$NSV0" || ! wait_carrier "$dev_vf1" "$NSV1" ||
   ! wait_carrier "$dev_b" "$NSB"; then
	ktap_exit_fail_msg "no carrier on the VFs or on port B"
fi
ktap_print_msg "VF 0 $mac0, VF 1 $mac1"

# VEB: a first ping lets the links settle, then B's counter is read.
ping_retry "$NSV0" "$NET4.12" 15
b_mark
ktap_test_result "VEB: $COUNT pings VF 0 -> VF 1" vf_ping
ktap_test_result "VEB: port B received at most $SLACK frames meanwhile" \
	b_rx_within 0 $SLACK

# VEPA
if out=$(bridge -n "$NSA" link set dev "$dev_a" hwmode vepa 2>&1); then
	hwmode_changed=1
	ktap_test_pass "hwmode vepa accepted"
elif [ "$VTNIC_PF_DRIVER" != vtnic ] &&
     [[ "$out" == *"Operation not supported"* ]]; then
	for t in "hwmode vepa accepted" "bridge -d link show reports hwmode vepa" \
		"VEPA: pings VF 0 -> VF 1 through B with hairpin on" \
		"VEPA: port B received the frames" \
		"VEPA: no reply with B's hairpin off" \
		"hwmode veb again: VF 0 -> VF 1 inside the card"; do
		ktap_test_skip "$t: $VTNIC_PF_DRIVER has no hwmode (ndo_bridge_setlink)"
	done
	ktap_finished
else
	ktap_test_fail "hwmode vepa accepted ($out)"
fi

ktap_test_result "bridge -d link show reports hwmode vepa" hwmode_shows vepa
if ! ip -n "$NSB" link add br0 type bridge ||
   ! ip -n "$NSB" link set "$dev_b" master br0 ||
   ! bridge -n "$NSB" link set dev "$dev_b" hairpin on ||
   ! ip -n "$NSB" link set br0 up; then
	ktap_exit_fail_msg "cannot put port B into a bridge"
fi
b_mark
ktap_test_result "VEPA: pings VF 0 -> VF 1 through B with hairpin on" \
	slowwait 15 vf_ping
ktap_test_result "VEPA: port B received the frames" \
	b_rx_within $((2 * COUNT)) 1000000
bridge -n "$NSB" link set dev "$dev_b" hairpin off
ktap_test_result "VEPA: no reply with B's hairpin off" vf_ping_lost

bridge -n "$NSA" link set dev "$dev_a" hwmode veb && hwmode_changed=0
b_mark
if hwmode_shows veb && ping_retry "$NSV0" "$NET4.12" 10 && vf_ping &&
   b_rx_within 0 $SLACK; then
	ktap_test_pass "hwmode veb again: VF 0 -> VF 1 inside the card"
else
	ktap_test_fail "hwmode veb again: VF 0 -> VF 1 inside the card"
fi
ktap_finished
