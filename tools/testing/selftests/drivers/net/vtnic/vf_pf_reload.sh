#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The PF driver unloads under a VF that passes traffic, and loads again:
# unloading it removes the VF, and the VF driver lets go of it cleanly (no
# warning logged; the VF driver stays loaded, unused).  Loaded again, the
# PF driver takes port A back; the VF created then binds to the VF driver
# by itself (sriov_drivers_autoprobe, which the test turns on: the test VM
# turns it off) and passes traffic to port B, with nothing done to the VF
# but moving its netdev into a namespace.
#
# In reference mode port B runs the same in-tree driver (igb, ixgbe): the
# unload takes it away as well, and the test puts it back into its
# namespace.  Only the VF driver under test may take the new VF, so the
# other VF drivers are unloaded first.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	[ -n "$ping_pid" ] && kill "$ping_pid" 2>/dev/null
	vf_test_cleanup
	echo 0 > "$PCI_A/sriov_drivers_autoprobe" 2>/dev/null
	if ! is_bound "$VTNIC_PORT_A" "$drv"; then
		modprobe "$drv"
		slowwait 10 is_bound "$VTNIC_PORT_A" "$drv"
	fi
}

vf_gone()
{
	[ ! -e "/sys/bus/pci/devices/$vf" ]
}

vtnic_require_env
drv=$VTNIC_PF_DRIVER
vfdrv=$VTNIC_VF_DRIVER
dev_a='' ping_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 11

for other in $(other_vf_drivers); do
	modprobe -r "$other" 2>/dev/null
done
echo 1 > "$PCI_A/sriov_drivers_autoprobe" ||
	ktap_exit_fail_msg "cannot turn on sriov_drivers_autoprobe"
b_too=0
[ "$(pci_driver "$VTNIC_PORT_B")" = "$drv" ] && b_too=1
mark=$(kernel_log_mark)
vf_pair_up
ktap_test_pass "VF $vf ($dev_vf) on $vfdrv pings port B"

# B pings the VF all along: the VF receives while it goes away.
ip netns exec "$NSB" ping -q -i 0.05 "$NET4.11" > /dev/null 2>&1 &
ping_pid=$!
sleep 1
ktap_test_result "$drv unloads" modprobe -r "$drv"
kill "$ping_pid"
wait "$ping_pid" 2>/dev/null
ping_pid=''
ktap_test_result "the VF is gone" vf_gone
ktap_test_result "$vfdrv is still loaded, unused" test "$(module_refcnt "$vfdrv")" = 0
ktap_test_result "no warning logged while the VF went away" kernel_log_clean "$mark"

ktap_test_result "$drv loads and takes port A back" modprobe "$drv"
slowwait 10 is_bound "$VTNIC_PORT_A" "$drv" ||
	ktap_exit_fail_msg "port A is not bound to $drv"
dev_a=$(pci_netdev "$VTNIC_PORT_A") || ktap_exit_fail_msg "port A has no netdev"
if [ "$b_too" = 1 ]; then
	dev_b=$(pci_netdev "$VTNIC_PORT_B") || ktap_exit_fail_msg "port B has no netdev"
	b_attach
fi
pf_up_with_vfs 1
vf=$(vf_pci "$VTNIC_PORT_A" 0)
ktap_test_result "the new VF $vf binds to $vfdrv by itself" \
	slowwait 10 is_bound "$vf" "$vfdrv"
dev_vf=$(pci_netdev "$vf") || ktap_exit_fail_msg "VF $vf has no netdev"
ns_attach "$dev_vf" "$NSV" "$NET4.11/24" ||
	ktap_exit_fail_msg "cannot move the VF's netdev into a namespace"
ktap_test_result "the VF has carrier" wait_carrier "$dev_vf" "$NSV"
ktap_test_result "ping VF -> port B" ping_retry "$NSV" "$NET4.2" 20
ktap_test_result "ping port B -> VF" ping_retry "$NSB" "$NET4.11" 10
ktap_test_result "no warning logged" kernel_log_clean "$mark"
ktap_finished
