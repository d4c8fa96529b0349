#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sriov_numvfs as an admin uses it: 0 -> N creates N VF functions, N -> M
# without going through 0 is refused with EBUSY and changes nothing,
# N -> 0 removes them, and more than sriov_totalvfs is refused.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
}

count_vfs()
{
	ls -d "$PCI_A"/virtfn* 2>/dev/null | wc -l
}

__write_numvfs()
{
	echo "$1" > "$PCI_A/sriov_numvfs"
}

# write_numvfs N: write N to sriov_numvfs, print OK or the errno name
write_numvfs()
{
	errno_of __write_numvfs "$1"
}

# state_is NUMVFS COUNT: sriov_numvfs reads NUMVFS, COUNT VF functions exist
state_is()
{
	[ "$(cat "$PCI_A/sriov_numvfs")" = "$1" ] && [ "$(count_vfs)" -eq "$2" ]
}

vfs_are_vf_functions()
{
	local vf id want

	want=$(cat "$PCI_A/sriov_vf_device")
	[ "$(count_vfs)" -gt 0 ] || return 1
	for vf in "$PCI_A"/virtfn*; do
		id=$(cat "$vf/device")
		[ "$id" = "0x$want" ] || return 1
		[ "$(basename "$(readlink -f "$vf/physfn")")" = "$VTNIC_PORT_A" ] || return 1
	done
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 9

total=$(cat "$PCI_A/sriov_totalvfs")
n=$(( total < 4 ? total : 4 ))
m=$(( n - 1 ))

echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
res=$(write_numvfs "$n")
ktap_test_result "0 -> $n succeeds (got $res)" test "$res" = OK
ktap_test_result "$n VF functions exist" state_is "$n" "$n"
ktap_test_result "each VF is a VF function of port A" vfs_are_vf_functions
res=$(write_numvfs "$m")
ktap_test_result "$n -> $m without 0 gives EBUSY (got $res)" test "$res" = EBUSY
ktap_test_result "and leaves $n VFs in place" state_is "$n" "$n"
res=$(write_numvfs 0)
ktap_test_result "$n -> 0 succeeds (got $res)" test "$res" = OK
ktap_test_result "the VF functions are gone" state_is 0 0
res=$(write_numvfs $((total + 1)))
ktap_test_result "more than sriov_totalvfs ($total) gives ERANGE (got $res)" test "$res" = ERANGE
ktap_test_result "and creates no VF" state_is 0 0
ktap_finished
