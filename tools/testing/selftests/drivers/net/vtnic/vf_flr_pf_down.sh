#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# A VF reset while port A is down is not lost.  The guest gives its VF an
# address of its own (no admin MAC), then lets go of the VF; with port A
# down, the VF is reset (an FLR through sysfs, as a hypervisor does
# between tenants); port A comes up again.  The VF's next driver must not
# get the last tenant's address back from the PF: its netdev has another
# one, the PF lists another one for VF 0, and the address it has works
# (it pings port B).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

TENANT1=02:76:74:6e:f1:01	# locally administered

cleanup()
{
	vf_test_cleanup
}

# vf0_mac: the address "ip link show A" lists for VF 0
vf0_mac()
{
	ip link show dev "$dev_a" | sed -n 's/^ *vf 0 .*link\/ether \([0-9a-f:]*\).*/\1/p'
}

# not_tenant1 WHERE MAC: MAC, read from WHERE (one word: ktap_test_result
# splits its arguments), is not the first tenant's
not_tenant1()
{
	ktap_print_msg "$1: $2"
	[ -n "$2" ] && [ "$2" != "$TENANT1" ]
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

ports_lookup
pf_up_with_vfs 1
setup_ns NSV NSB
b_attach
bdf=$(vf_pci "$VTNIC_PORT_A" 0)
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
ip -n "$NSV" link set "$dev_vf" address $TENANT1 ||
	ktap_exit_fail_msg "the guest cannot set its VF's address"
ping_retry "$NSV" "$NET4.2" 15 ||
	ktap_exit_fail_msg "the VF does not reach port B at $TENANT1"
ktap_test_result "the PF lists the first tenant's address for VF 0" \
	[ "$(vf0_mac)" = $TENANT1 ]

# The tenant goes; port A down, the VF reset meanwhile, port A up
echo "$bdf" > "/sys/bus/pci/devices/$bdf/driver/unbind" ||
	ktap_exit_fail_msg "cannot unbind the VF"
ip link set "$dev_a" down
echo 1 > "/sys/bus/pci/devices/$bdf/reset" ||
	ktap_exit_fail_msg "cannot reset the VF through sysfs"
ip link set "$dev_a" up
wait_carrier "$dev_a" || ktap_exit_fail_msg "port A has no carrier again"

dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF does not come back with $VTNIC_VF_DRIVER"
ktap_test_result "the next driver's VF does not have the first tenant's address" \
	not_tenant1 VF_netdev "$(mac_of "$NSV" "$dev_vf")"
ktap_test_result "the PF no longer lists it for VF 0" \
	not_tenant1 PF_vf_0 "$(vf0_mac)"
ktap_test_result "the VF pings port B with its new address" \
	ping_retry "$NSV" "$NET4.2" 15
ktap_finished
