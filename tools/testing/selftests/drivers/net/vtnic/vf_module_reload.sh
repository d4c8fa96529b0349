#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VF driver binds a VF of port A, unloads (unbinding it) and loads
# again cleanly, with no warning logged.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 4

drv=$VTNIC_VF_DRIVER
mark=$(kernel_log_mark)
set_numvfs "$VTNIC_PORT_A" 1 || ktap_exit_fail_msg "cannot create a VF"
vf=$(vf_pci "$VTNIC_PORT_A" 0)

ktap_test_result "VF $vf binds to $drv" vf_bind "$vf" "$drv"
modprobe -r "$drv"
ktap_test_result "unloading $drv unbinds the VF" is_unbound "$vf"
ktap_test_result "loading $drv binds the VF again" vf_bind "$vf" "$drv"
ktap_test_result "no warning logged" kernel_log_clean "$mark"
ktap_finished
