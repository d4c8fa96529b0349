#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every VF the PF offers at once: sriov_numvfs takes sriov_totalvfs (63 on
# an 82599 with ixgbe or vtnic, 7 on the 82576), every VF binds to the VF
# driver under test and gets a netdev with an address no other VF has, and
# a sample of them (the first, the middle and the last) each ping port B
# from a namespace of its own.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	vf_test_cleanup
}

# bind_all N: every VF binds to the VF driver and has a netdev
bind_all()
{
	local i vf

	for ((i = 0; i < $1; i++)); do
		vf=$(vf_pci "$VTNIC_PORT_A" "$i")
		vf_bind "$vf" "$VTNIC_VF_DRIVER" && pci_netdev "$vf" > /dev/null ||
			{ ktap_print_msg "VF $i ($vf) has no netdev"; return 1; }
	done
}

# vf_macs N: the addresses of the N VFs' netdevs, one a line
vf_macs()
{
	local i

	for ((i = 0; i < $1; i++)); do
		ip -br link show dev "$(pci_netdev "$(vf_pci "$VTNIC_PORT_A" "$i")")" |
			awk '{ print $3 }'
	done
}

# sample_pings: VFs 0, N/2 and N-1 ping B, each from its own namespace
sample_pings()
{
	local i ns dev ok=0

	for i in 0 $((n / 2)) $((n - 1)); do
		ns=vfns$i
		ip netns add "$ns" || return 1
		sample_ns+=("$ns")
		dev=$(pci_netdev "$(vf_pci "$VTNIC_PORT_A" "$i")") &&
		ns_attach "$dev" "$ns" "$NET4.$((100 + i))/24" &&
		ping_retry "$ns" "$NET4.2" 20 ||
			{ ktap_print_msg "VF $i does not reach port B"; ok=1; }
	done
	return $ok
}

vtnic_require_env
dev_a=''
sample_ns=()
trap 'for s in "${sample_ns[@]}"; do ip netns del "$s"; done 2>/dev/null; cleanup' EXIT
ktap_print_header
ktap_set_plan 5

ports_lookup
n=$(cat "$PCI_A/sriov_totalvfs")
ktap_print_msg "port A offers $n VFs"
ip link set "$dev_a" up
ktap_test_result "sriov_numvfs takes all $n VFs" set_numvfs "$VTNIC_PORT_A" "$n"
ktap_test_result "all $n VFs bind to $VTNIC_VF_DRIVER with a netdev" bind_all "$n"
distinct=$(vf_macs "$n" | sort -u | grep -c .)
ktap_print_msg "$distinct distinct VF addresses"
ktap_test_result "each VF has an address of its own" [ "$distinct" = "$n" ]
setup_ns NSB
b_attach
ktap_test_result "VFs 0, $((n / 2)) and $((n - 1)) ping port B" sample_pings
ktap_test_result "sriov_numvfs back to 0" set_numvfs "$VTNIC_PORT_A" 0
ktap_finished
