#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the vtnic selftests.  The tests need two Ethernet
# ports cabled to each other and read the setup from the environment (the
# test VM in tools/testing/vm sets it; on real hardware set it by hand):
#
#   VTNIC_PORT_A     PCI address of the port under test (an SR-IOV PF)
#   VTNIC_PORT_B     PCI address of its link partner
#   VTNIC_PF_DRIVER  the driver expected on port A (vtnic, igb, ixgbe)
#   VTNIC_VF_DRIVER  the driver to bind VFs to (vtnicvf, igbvf, ixgbevf)
#
# The tests move ports into network namespaces and change SR-IOV settings;
# each restores what it changed on exit.

lib_dir=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
source "$lib_dir/../../../net/lib.sh"
source "$lib_dir/../../../kselftest/ktap_helpers.sh"

# Addresses only ever used inside the test's own namespaces.
NET4=192.0.2
NET6=2001:db8:7e57

vtnic_require_env()
{
	local v

	for v in VTNIC_PORT_A VTNIC_PORT_B VTNIC_PF_DRIVER VTNIC_VF_DRIVER; do
		if [ -z "${!v:-}" ]; then
			ktap_skip_all "$v is not set: see vtnic_lib.sh"
			exit "$KSFT_SKIP"
		fi
	done
	PCI_A=/sys/bus/pci/devices/$VTNIC_PORT_A
	PCI_B=/sys/bus/pci/devices/$VTNIC_PORT_B
}

# pci_driver PCI_ADDR: the bound driver's name, or nothing
pci_driver()
{
	local link=/sys/bus/pci/devices/$1/driver

	[ -e "$link" ] && basename "$(readlink -f "$link")"
}

__pci_netdev()
{
	local d

	for d in /sys/bus/pci/devices/"$1"/net/*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 1
}

# pci_netdev PCI_ADDR: the function's netdev in this namespace, waiting up
# to 10 s for it to appear (after a probe, or a namespace that went away)
pci_netdev()
{
	slowwait 10 __pci_netdev "$1"
}

# wait_carrier DEV [NETNS]: wait up to 20 s for the link to come up
wait_carrier()
{
	local dev=$1 ns=${2:-}

	slowwait 20 __carrier_up "$dev" "$ns"
}

__carrier_up()
{
	if [ -n "$2" ]; then
		ip -n "$2" link show dev "$1" | grep -q LOWER_UP
	else
		ip link show dev "$1" | grep -q LOWER_UP
	fi
}

# ns_attach DEV NETNS ADDR/PREFIX: move DEV into NETNS, address it, up
ns_attach()
{
	ip link set "$1" netns "$2" &&
	ip -n "$2" addr add "$3" dev "$1" &&
	ip -n "$2" link set "$1" up
}

# set_numvfs PCI_ADDR N: set sriov_numvfs, going through 0 as networkd does
set_numvfs()
{
	local f=/sys/bus/pci/devices/$1/sriov_numvfs

	[ "$(cat "$f")" = "$2" ] && return 0
	if [ "$(cat "$f")" != 0 ]; then
		echo 0 > "$f" || return 1
	fi
	echo "$2" > "$f"
}

# vf_pci PF_PCI_ADDR N: the PCI address of VF N
vf_pci()
{
	basename "$(readlink -f "/sys/bus/pci/devices/$1/virtfn$2")"
}

# vf_bind VF_PCI_ADDR DRIVER: bind the VF to DRIVER and nothing else
vf_bind()
{
	local vf=$1 drv=$2 dev=/sys/bus/pci/devices/$1

	modprobe "$drv" || return 1
	echo "$drv" > "$dev/driver_override"
	if [ -e "$dev/driver" ]; then
		[ "$(pci_driver "$vf")" = "$drv" ] && return 0
		echo "$vf" > "$dev/driver/unbind"
	fi
	echo "$vf" > /sys/bus/pci/drivers_probe
	[ "$(pci_driver "$vf")" = "$drv" ]
}

# kernel_log_mark / kernel_log_since MARK: kernel messages logged after
# the mark, to check that an operation logged no warning
kernel_log_mark()
{
	dmesg | wc -l
}

kernel_log_since()
{
	dmesg | tail -n +"$(($1 + 1))"
}

# kernel_log_clean MARK: no warning, oops or call trace since MARK
kernel_log_clean()
{
	! kernel_log_since "$1" | grep -Eq 'WARNING:|BUG:|Oops|Call Trace:|DMAR: \[DMA'
}

# Predicates for ktap_test_result, which runs its command unquoted: they
# take single-word arguments and do the quoting themselves.

# is_bound PCI_ADDR DRIVER
is_bound()
{
	[ "$(pci_driver "$1")" = "$2" ]
}

# is_unbound PCI_ADDR
is_unbound()
{
	[ -z "$(pci_driver "$1")" ]
}

# errno_of COMMAND...: run COMMAND, print OK or the errno name its error
# message carries (for sysfs writes, whose errors only show as text)
errno_of()
{
	local err

	err=$( { "$@"; } 2>&1 ) && { echo OK; return; }
	case "$err" in
	*"Device or resource busy"*) echo EBUSY ;;
	*"Numerical result out of range"*) echo ERANGE ;;
	*"No such file or directory"*) echo ENOENT ;;
	*"Invalid argument"*) echo EINVAL ;;
	*"Operation not permitted"*) echo EPERM ;;
	*"Operation not supported"*) echo EOPNOTSUPP ;;
	*) echo EOTHER ;;
	esac
}
