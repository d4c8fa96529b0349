#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vfmgrd puts an allocation back after the PF driver is reloaded: the
# unload takes the VF away (vfmgr status says it is missing), and once the
# driver is back vfmgrd creates the config's VFs again, applies the
# profile again and moves the new VF into the same namespace, where it
# reaches port B as before.  Takes port A's link down (and port B's in
# reference mode, where port B runs the same igb or ixgbe).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MAC=02:00:5e:10:00:11
VID=11

cleanup()
{
	vfmgr_cleanup
	vf_test_cleanup
	if ! is_bound "$VTNIC_PORT_A" "$drv"; then
		modprobe "$drv"
		slowwait 10 is_bound "$VTNIC_PORT_A" "$drv"
	fi
}

vtnic_require_env
drv=$VTNIC_PF_DRIVER
trap cleanup EXIT
ktap_print_header
ktap_set_plan 9

vfmgr_setup
cat > "$vfmgr_dir/vfmgr.conf" <<CONF
[PF]
PCIAddress=$VTNIC_PORT_A
NumVFs=1

[Profile web]
MACAddress=$MAC
VLANId=$VID
CONF
b_too=0
[ "$(pci_driver "$VTNIC_PORT_B")" = "$drv" ] && b_too=1

vfmgrd_start || ktap_exit_fail_msg "vfmgrd does not start"
slowwait 10 grep -qx 1 "$PCI_A/sriov_numvfs" ||
	ktap_exit_fail_msg "vfmgrd created no VF"
vf=$(vf_pci "$VTNIC_PORT_A" 0)
vfmgr alloc --pf "$VTNIC_PORT_A" --profile web --to "netns:$NSV" ||
	ktap_exit_fail_msg "cannot allocate VF 0"
b_vlan_attach "$VID" || ktap_exit_fail_msg "cannot set up port B"
ns_mac_up "$NSV" "$MAC" "$NET4.11/24" || ktap_exit_fail_msg "VF 0 is not in $NSV"
expect "VF 0 pings port B on VLAN $VID" ping_retry "$NSV" "$NET4.2" 20

expect "$drv unloads" modprobe -r "$drv"
expect "vfmgr status says VF $vf is missing" \
	eval 'vfmgr status | grep -q "^$vf .* missing$"'

expect "$drv loads and takes port A back" modprobe "$drv"
slowwait 10 is_bound "$VTNIC_PORT_A" "$drv" ||
	ktap_exit_fail_msg "port A is not bound to $drv"
dev_a=$(pci_netdev "$VTNIC_PORT_A") || ktap_exit_fail_msg "port A has no netdev"
ip link set "$dev_a" up
if [ "$b_too" = 1 ]; then
	dev_b=$(pci_netdev "$VTNIC_PORT_B") || ktap_exit_fail_msg "port B has no netdev"
	b_vlan_attach "$VID" || ktap_exit_fail_msg "cannot set up port B again"
fi

expect "vfmgrd creates the VF again" slowwait 15 grep -qx 1 "$PCI_A/sriov_numvfs"
expect "the new VF is back in $NSV with its MAC" \
	slowwait 20 netns_has_mac "$NSV" "$MAC"
expect "the kernel shows the profile's VLAN on it" \
	slowwait 10 vf_shows "$dev_a" 0 "vlan $VID"
ns_mac_up "$NSV" "$MAC" "$NET4.11/24"
expect "it pings port B on VLAN $VID again" ping_retry "$NSV" "$NET4.2" 20
expect "vfmgr status says ok" \
	slowwait 10 eval 'vfmgr status | grep -q "^$vf .* ok$"'
ktap_finished
