#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# vtnic's interrupt modes: loaded with int_mode=0 (MSI-X, the default),
# 1 (MSI) or 2 (legacy INTx), the PF uses that kind of interrupt, as the
# PCI core reports it in msi_irqs, and port A passes traffic (ping, and 16
# MiB over TCP arriving intact).  The module is loaded with its defaults
# again at the end.  vtnic only: igb and ixgbe have no int_mode parameter,
# so on them the test skips (the VM harness runs it only on vtnic).

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	cleanup_all_ns
	modprobe -r vtnic && modprobe vtnic
	rm -rf "$tmp"
}

# msi_kinds: the msi_irqs entries of port A, one kind (msi, msix) a line
msi_kinds()
{
	cat "$PCI_A"/msi_irqs/* 2>/dev/null
}

# irqs_listed IRQ...: each IRQ has a line in /proc/interrupts
irqs_listed()
{
	local irq

	for irq in "$@"; do
		grep -Eq "^ *$irq:" /proc/interrupts || return 1
	done
}

# uses_mode MODE: port A uses MSI-X (several vectors), MSI (one vector) or
# INTx (no MSI vector, its legacy IRQ listed in /proc/interrupts)
uses_mode()
{
	local kinds n

	kinds=$(msi_kinds | sort -u | tr '\n' ' ')
	n=$(msi_kinds | wc -l)
	ktap_print_msg "msi_irqs of port A: $n ($kinds), irq $(cat "$PCI_A/irq")"
	case "$1" in
	0) [ "$n" -ge 2 ] && [ "$kinds" = "msix " ] &&
		irqs_listed $(ls "$PCI_A/msi_irqs") ;;
	1) [ "$n" = 1 ] && [ "$kinds" = "msi " ] &&
		irqs_listed $(ls "$PCI_A/msi_irqs") ;;
	2) [ "$n" = 0 ] && irqs_listed "$(cat "$PCI_A/irq")" ;;
	esac
}

# load_mode MODE: reload vtnic with int_mode=MODE, port A into NSA, up
load_mode()
{
	local dev

	modprobe -r vtnic && modprobe vtnic int_mode="$1" &&
	[ "$(cat /sys/module/vtnic/parameters/int_mode 2>/dev/null)" = "$1" ] &&
	dev=$(pci_netdev "$VTNIC_PORT_A") &&
	ns_attach "$dev" "$NSA" "$NET4.1/24" &&
	wait_carrier "$dev" "$NSA"
}

vtnic_require_env
if [ "$VTNIC_PF_DRIVER" != vtnic ]; then
	ktap_print_header
	ktap_skip_all "int_mode is vtnic's; $VTNIC_PF_DRIVER has no such parameter"
	exit "$KSFT_SKIP"
fi
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 9

dev_b=$(pci_netdev "$VTNIC_PORT_B")
[ -n "$dev_b" ] || ktap_exit_fail_msg "no netdev on port B"
setup_ns NSA NSB
ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
	ktap_exit_fail_msg "cannot move port B into a namespace"
payload_make "$tmp/payload" 16 || ktap_exit_fail_msg "cannot make the payload"

for mode in 0 1 2; do
	name=$(echo "MSI-X MSI INTx" | cut -d' ' -f$((mode + 1)))
	load_mode $mode ||
		ktap_exit_fail_msg "int_mode=$mode: vtnic did not load, or port A has no link"
	ktap_test_result "int_mode=$mode: port A uses $name" uses_mode $mode
	ktap_test_result "int_mode=$mode: ping B -> A" \
		ip netns exec "$NSB" ping -c 3 -i 0.2 -W 2 "$NET4.1"
	ktap_test_result "int_mode=$mode: TCP 16 MiB A -> B intact" \
		tcp_transfer "$NSA" "$NSB" "$NET4.2" "$tmp/payload"
done
ktap_finished
