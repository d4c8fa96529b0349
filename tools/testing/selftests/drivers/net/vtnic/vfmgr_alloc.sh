#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vfmgr as a host admin uses it, with vfmgrd running:
# - the config's NumVFs= creates port A's VFs;
# - "vfmgr alloc --to netns:" moves a VF into a namespace with its
#   profile (MAC address, port VLAN) applied, and it reaches port B on
#   that VLAN;
# - settings changed behind vfmgrd's back are put back;
# - a VF is never given twice; a profile the driver refuses leaves the VF
#   unallocated and unconfigured, with the driver's reason;
# - "--to vm:" binds a VF to vfio-pci and prints how to hand it to QEMU;
#   a VFIO user opens its group;
# - a restarted vfmgrd has the same allocations;
# - "vfmgr release" refuses while a VFIO user holds the group, then gives
#   the VF back to its driver;
# - deleting the namespace gives its VF back to the host, reclaimed.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MAC=02:00:5e:10:00:01
BADMAC=02:00:5e:10:00:02
VID=10

cleanup()
{
	[ -n "$holder" ] && kill "$holder" 2>/dev/null
	vfmgr_cleanup
	vf_test_cleanup
}

vtnic_require_env
holder=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 21

vfmgr_setup
cat > "$vfmgr_dir/vfmgr.conf" <<CONF
[PF]
PCIAddress=$VTNIC_PORT_A
NumVFs=2

[Profile web]
MACAddress=$MAC
VLANId=$VID
MACSpoofCheck=yes
Trust=no

# 802.1ad port VLANs: neither igb nor vtnic offers them
[Profile qinq]
MACAddress=$BADMAC
VLANId=20
VLANProtocol=802.1ad
CONF

expect "vfmgrd starts" vfmgrd_start
expect "NumVFs=2 creates two VFs" \
	slowwait 10 grep -qx 2 "$PCI_A/sriov_numvfs"
vf0=$(vf_pci "$VTNIC_PORT_A" 0)
vf1=$(vf_pci "$VTNIC_PORT_A" 1)

# A VF in a namespace, with its profile, talking to port B on the VLAN
out=$(vfmgr alloc --pf "$dev_a" --profile web --to "netns:$NSV" --vf 0 2>&1)
rc=$?
ktap_print_msg "$out"
expect "alloc VF 0 to netns:$NSV exits 0" test "$rc" = 0
expect "the kernel shows the profile on VF 0" \
	vf_shows "$dev_a" 0 "vlan $VID"
expect "VF 0 is in $NSV with MAC $MAC" netns_has_mac "$NSV" "$MAC"
ns_mac_up "$NSV" "$MAC" "$NET4.11/24"
b_vlan_attach "$VID"
expect "VF 0 pings port B on VLAN $VID" ping_retry "$NSV" "$NET4.2" 20

# Settings changed behind vfmgrd's back come back
ip link set "$dev_a" vf 0 vlan 0
expect "vfmgrd applies the profile again when the kernel lost it" \
	slowwait 10 vf_shows "$dev_a" 0 "vlan $VID"

out=$(vfmgr alloc --pf "$dev_a" --to netns:other --vf 0 2>&1)
rc=$?
ktap_print_msg "$out"
expect "VF 0 is not given twice" \
	eval '[ "$rc" = 1 ] && [[ "$out" == *"already given"* ]]'

# A profile the driver refuses: nothing of it stays on VF 1
out=$(vfmgr alloc --pf "$dev_a" --profile qinq --to "netns:$NSV" --vf 1 2>&1)
rc=$?
ktap_print_msg "$out"
expect "a refused profile fails the alloc, with the reason" \
	eval '[ "$rc" = 1 ] && [[ "$out" == *"profile qinq on VF 1: "* ]]'
expect "VF 1 is left unallocated" eval '! vfmgr_allocated "$vf1"'
expect "VF 1 keeps none of the profile" vf_lacks "$dev_a" 1 "$BADMAC"

# A VF for a VM
out=$(vfmgr alloc --pf "$VTNIC_PORT_A" --to vm:guest1 2>&1)
rc=$?
ktap_print_msg "$out"
group=$(basename "$(readlink "/sys/bus/pci/devices/$vf1/iommu_group")")
expect "alloc to vm:guest1 takes VF 1 for vfio-pci" \
	eval '[ "$rc" = 0 ] && is_bound "$vf1" vfio-pci'
expect "it prints the group, the QEMU argument and a libvirt hostdev" \
	eval '[[ "$out" == *"iommu group: $group (/dev/vfio/$group)"* &&
		"$out" == *"-device vfio-pci,host=$vf1"* &&
		"$out" == *"<hostdev mode='"'subsystem'"' type='"'pci'"'"* ]]'
expect "a VFIO user opens group $group and VF 1" \
	vfiogroup "$group" "$vf1"

# A restart keeps them
before=$(vfmgr status)
vfmgrd_stop
expect "vfmgrd restarts" vfmgrd_start
after=$(vfmgr status)
ktap_print_msg "$after"
expect "the same allocations after the restart" \
	eval '[ "$before" = "$after" ] && [ "$(grep -c " ok$" <<< "$after")" = 2 ]'

# Release, refused while the group is held
vfiogroup "$group" "$vf1" 60 > /dev/null &
holder=$!
slowwait 10 eval 'ls -l /proc/$holder/fd 2>/dev/null | grep -q /dev/vfio/$group'
out=$(vfmgr release vm:guest1 2>&1)
rc=$?
ktap_print_msg "$out"
expect "release is refused while a process holds the group" \
	eval '[ "$rc" = 1 ] && [[ "$out" == *"in use: process $holder"* ]]'
kill "$holder"
wait "$holder" 2>/dev/null
holder=''
expect "release vm:guest1 gives VF 1 back to $VTNIC_VF_DRIVER" \
	eval 'vfmgr release vm:guest1 && is_bound "$vf1" "$VTNIC_VF_DRIVER" &&
		! vfmgr_allocated "$vf1"'

# The namespace goes: its VF comes back and is reclaimed
ip netns del "$NSV"
expect "deleting $NSV reclaims VF 0" \
	slowwait 15 eval '! vfmgr_allocated "$vf0"'
expect "VF 0 is back in the host with $VTNIC_VF_DRIVER" \
	eval 'pci_netdev "$vf0" > /dev/null && is_bound "$vf0" "$VTNIC_VF_DRIVER"'
expect "its profile is gone from the kernel" \
	eval 'vf_lacks "$dev_a" 0 "$MAC" && vf_lacks "$dev_a" 0 "vlan $VID"'
ktap_finished
