#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Per-VF admin settings through iproute2 ("ip link set DEV vf N ...") are
# accepted and reported by "ip link show DEV", and touch only that VF.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

# vf_line N: VF N's line of "ip link show" for port A
vf_line()
{
	ip link show dev "$dev_a" | grep -E "^ +vf $1 "
}

vf_shows()
{
	vf_line "$1" | grep -q -- "$2"
}

vf_lacks()
{
	vf_line "$1" | grep -q . && ! vf_line "$1" | grep -q -- "$2"
}

set_and_show()	# DESCRIPTION VF SETTING... -- EXPECTED
{
	local desc=$1 vf=$2 expect

	shift 2
	expect=${*: -1}
	set -- "${@:1:$(($# - 2))}"
	if ip link set dev "$dev_a" vf "$vf" "$@"; then
		ktap_test_result "$desc" vf_shows "$vf" "$expect"
	else
		ktap_test_fail "$desc (ip link set refused)"
	fi
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 9

dev_a=$(pci_netdev "$VTNIC_PORT_A")
[ -n "$dev_a" ] || ktap_exit_fail_msg "no netdev on port A"
set_numvfs "$VTNIC_PORT_A" 2 || ktap_exit_fail_msg "cannot create 2 VFs"

mac=02:76:74:6e:69:63
set_and_show "vf 0 mac $mac" 0 mac "$mac" -- "link/ether $mac"
set_and_show "vf 0 vlan 100" 0 vlan 100 -- "vlan 100"
set_and_show "vf 0 spoofchk off" 0 spoofchk off -- "spoof checking off"
set_and_show "vf 0 spoofchk on" 0 spoofchk on -- "spoof checking on"
set_and_show "vf 0 trust on" 0 trust on -- "trust on"
set_and_show "vf 0 trust off" 0 trust off -- "trust off"
ktap_test_result "vf 1 did not get vf 0's MAC" vf_lacks 1 "$mac"
ktap_test_result "vf 1 did not get vf 0's VLAN" vf_lacks 1 "vlan 100"
if ip link set dev "$dev_a" vf 0 vlan 0; then
	ktap_test_result "vf 0 vlan 0 clears the VLAN" vf_lacks 0 "vlan 100"
else
	ktap_test_fail "vf 0 vlan 0 clears the VLAN (ip link set refused)"
fi
ktap_finished
