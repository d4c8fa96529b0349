#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# VFs outlive a PF driver that unloads while one is in a guest: VF 0 is
# bound to vfio-pci with its group open, as a VM holds it, so unloading
# the PF driver leaves both VFs enabled (they cannot be taken from the
# guest).  Loaded again, the PF driver serves them as its own: port A
# lists them, VF 1 bound to the VF driver under test passes traffic to
# port B, and with the guest gone "sriov_numvfs 0" removes them.
#
# vtnic-only: in-tree igb and ixgbe disable SR-IOV under a vfio-bound VF
# (they count only PCI_DEV_FLAGS_ASSIGNED), which blocks in vfio while
# the group is open.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	[ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
	wait 2>/dev/null
	if [ -n "$vf0" ] && [ -e "/sys/bus/pci/devices/$vf0/driver" ]; then
		echo "$vf0" > "/sys/bus/pci/devices/$vf0/driver/unbind"
	fi
	if ! is_bound "$VTNIC_PORT_A" "$drv"; then
		modprobe "$drv"
		slowwait 10 is_bound "$VTNIC_PORT_A" "$drv"
		dev_a=$(pci_netdev "$VTNIC_PORT_A")
	fi
	vf_test_cleanup
}

count_vfs()
{
	ls -d "$PCI_A"/virtfn* 2>/dev/null | wc -l
}

# group_open: the holder process has VF 0's vfio group open
group_open()
{
	kill -0 "$holder_pid" 2>/dev/null && [ -e "/proc/$holder_pid/fd/9" ]
}

# lists_vfs: "ip link show A" has a line for VF 0 and one for VF 1
lists_vfs()
{
	local out

	out=$(ip link show dev "$dev_a")
	grep -q '^ *vf 0 ' <<< "$out" && grep -q '^ *vf 1 ' <<< "$out"
}

vtnic_require_env
drv=$VTNIC_PF_DRIVER
dev_a='' vf0='' holder_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 5

ports_lookup
pf_up_with_vfs 2
setup_ns NSV NSB
vf0=$(vf_pci "$VTNIC_PORT_A" 0)
vf_bind "$vf0" vfio-pci || ktap_exit_fail_msg "VF $vf0 does not bind to vfio-pci"
group=$(basename "$(readlink -f "/sys/bus/pci/devices/$vf0/iommu_group")")
slowwait 5 test -c "/dev/vfio/$group" || ktap_exit_fail_msg "no /dev/vfio/$group"
sleep 600 9<> "/dev/vfio/$group" &
holder_pid=$!
slowwait 5 group_open || ktap_exit_fail_msg "cannot open /dev/vfio/$group"

modprobe -r "$drv" || ktap_exit_fail_msg "$drv does not unload"
ktap_test_result "$drv unloaded under a VF in a guest leaves both VFs" \
	test "$(count_vfs)" = 2

mark=$(kernel_log_mark)
modprobe "$drv" && slowwait 10 is_bound "$VTNIC_PORT_A" "$drv" ||
	ktap_exit_fail_msg "$drv does not take port A back"
ports_lookup
b_attach
ip link set "$dev_a" up
kernel_log_since "$mark" | grep -F "$VTNIC_PORT_A" | grep -i 'vf' |
	while read -r line; do ktap_print_msg "$line"; done
ktap_test_result "loaded again, port A lists both VFs" lists_vfs
ktap_test_result "and sriov_numvfs reads 2" \
	test "$(cat "$PCI_A/sriov_numvfs")" = 2

dev_vf=$(vf_attach 1 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF 1 does not come up with $VTNIC_VF_DRIVER"
ktap_test_result "VF 1, left enabled, pings port B" ping_retry "$NSV" "$NET4.2" 20

kill "$holder_pid" 2>/dev/null
wait "$holder_pid" 2>/dev/null
holder_pid=''
echo "$vf0" > "/sys/bus/pci/devices/$vf0/driver/unbind"
echo 0 > "$PCI_A/sriov_numvfs"
ktap_test_result "with the guest gone, sriov_numvfs 0 removes them" \
	test "$(count_vfs)" = 0
ktap_finished
