#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sriov_numvfs as an admin uses it: 0 -> N creates N VF functions, N -> M
# without going through 0 is refused with EBUSY and changes nothing,
# N -> 0 removes them, and more than sriov_totalvfs is refused.
#
# vtnic only (skipped on other PF drivers): while a VF is bound to vfio-pci
# and its /dev/vfio/GROUP is open (a VM may be using it), N -> 0 is
# refused, the PF driver says why in the kernel log, and the VFs stay; once
# the group is closed and the VF unbound, N -> 0 succeeds.  igb does not
# refuse: it asks pci_vfs_assigned(), which counts only devices flagged
# PCI_DEV_FLAGS_ASSIGNED, and vfio never sets that flag.  The group is
# held open by a background process, and the write to sriov_numvfs runs
# under "timeout" in the background: should it block in vfio, closing the
# group lets it finish, so the test cannot hang.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	[ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
	[ -n "$writer_pid" ] && wait "$writer_pid" 2>/dev/null
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	rm -rf "$tmp"
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

# group_open: the holder process has the VF's vfio group open
group_open()
{
	kill -0 "$holder_pid" 2>/dev/null &&
		[ -e "/proc/$holder_pid/fd/9" ]
}

# writer_done: the background write to sriov_numvfs has finished
writer_done()
{
	! kill -0 "$writer_pid" 2>/dev/null
}

# disable_bounded: write 0 to sriov_numvfs under timeout, in the
# background; if it has not finished after 10 s, close the group so that
# it can.  Sets res to OK, the errno name of the refusal, or HUNG.
disable_bounded()
{
	local rc

	# $1 is the inner shell's.  Not busybox tee: its error is always EIO.
	# shellcheck disable=SC2016
	timeout -k 2 10 bash -c 'echo 0 > "$1"' _ "$PCI_A/sriov_numvfs" \
		2> "$tmp/err" &
	writer_pid=$!
	if ! slowwait 12 writer_done; then
		kill "$holder_pid"
		ktap_print_msg "the write blocked; closed the vfio group"
	fi
	wait "$writer_pid"
	rc=$?
	writer_pid=''
	[ -s "$tmp/err" ] && ktap_print_msg "$(cat "$tmp/err")"
	case "$rc" in
	0) res=OK ;;
	124|137) res=HUNG ;;
	*) res=$(errno_of __errmsg) ;;
	esac
}

# __errmsg: fail with the message the refused write printed
__errmsg()
{
	cat "$tmp/err" >&2
	return 1
}

refused()
{
	[ "$res" != OK ] && [ "$res" != HUNG ]
}

# refusal_logged: since the mark, the kernel log has a line from port A
# that names vfio, an assignment or the VFs being in use
refusal_logged()
{
	kernel_log_since "$mark" | grep -F "$VTNIC_PORT_A" |
		grep -Eiq 'vfio|assigned|in use'
}

VFIO_TESTS=(
	"with VF 0 bound to vfio-pci and its group open, N -> 0 is refused"
	"port A logs why"
	"and the VFs stay"
	"with the group closed and VF 0 unbound, N -> 0 succeeds"
)

vfio_part()
{
	local vf group dev_node

	set_numvfs "$VTNIC_PORT_A" "$n" || ktap_exit_fail_msg "cannot create $n VFs"
	vf=$(vf_pci "$VTNIC_PORT_A" 0)
	vf_bind "$vf" vfio-pci || ktap_exit_fail_msg "VF $vf does not bind to vfio-pci"
	group=$(basename "$(readlink -f "/sys/bus/pci/devices/$vf/iommu_group")")
	dev_node=/dev/vfio/$group
	slowwait 5 test -c "$dev_node" || ktap_exit_fail_msg "no $dev_node"
	sleep 600 9<> "$dev_node" &
	holder_pid=$!
	slowwait 5 group_open || ktap_exit_fail_msg "cannot open $dev_node"
	ktap_print_msg "VF $vf on vfio-pci, $dev_node held open by $holder_pid"

	mark=$(kernel_log_mark)
	disable_bounded
	ktap_test_result "${VFIO_TESTS[0]} (got $res)" refused
	ktap_test_result "${VFIO_TESTS[1]}" refusal_logged
	kernel_log_since "$mark" | while read -r line; do ktap_print_msg "$line"; done
	ktap_test_result "${VFIO_TESTS[2]}" state_is "$n" "$n"

	kill "$holder_pid" 2>/dev/null
	wait "$holder_pid" 2>/dev/null
	holder_pid=''
	if [ -e "/sys/bus/pci/devices/$vf/driver" ]; then
		echo "$vf" > "/sys/bus/pci/devices/$vf/driver/unbind"
		echo > "/sys/bus/pci/devices/$vf/driver_override"
	fi
	res=$(write_numvfs 0)
	if [ "$res" = OK ] && state_is 0 0; then
		ktap_test_pass "${VFIO_TESTS[3]}"
	else
		ktap_test_fail "${VFIO_TESTS[3]} (got $res)"
	fi
}

vtnic_require_env
tmp=$(mktemp -d)
holder_pid='' writer_pid=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 13

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

if [ "$VTNIC_PF_DRIVER" = vtnic ]; then
	vfio_part
else
	for t in "${VFIO_TESTS[@]}"; do
		ktap_test_skip "$t: vtnic only, $VTNIC_PF_DRIVER does not refuse (pci_vfs_assigned() does not count vfio)"
	done
fi
ktap_finished
