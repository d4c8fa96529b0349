#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The PF driver unloads and loads again cleanly: port A is unbound on
# unload, bound again on load, and the kernel logs no warning meanwhile.
# Takes port A down (and port B too when both use the same driver).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

vtnic_require_env
ktap_print_header
ktap_set_plan 4

drv=$VTNIC_PF_DRIVER
mark=$(kernel_log_mark)

ktap_test_result "port A is bound to $drv" is_bound "$VTNIC_PORT_A" "$drv"
modprobe -r "$drv"
ktap_test_result "unloading $drv unbinds port A" is_unbound "$VTNIC_PORT_A"
modprobe "$drv"
ktap_test_result "loading $drv binds port A again" \
	slowwait 10 is_bound "$VTNIC_PORT_A" "$drv"
ktap_test_result "no warning logged during unload/load" kernel_log_clean "$mark"
ktap_finished
