#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# hostctl.sh CTL MONITOR: what a selftest in the VM asks of the host,
# which only QEMU can do.  vmtest.sh starts it beside each test VM: the
# guest writes one request a line to its third serial port (/dev/ttyS2,
# the socket CTL), and this sends the matching command to QEMU's human
# monitor (the socket MONITOR).  Requests, each checked against a fixed
# form before it reaches the monitor:
#
#   aer ID ERROR    pcie_aer_inject_error ID ERROR: an uncorrectable PCIe
#                   error of QEMU's name ERROR (POISON_TLP, MALF_TLP, ...;
#                   its severity is the device's AER setting) reported by
#                   the device of qdev id ID (port_a, port_b)
#
# Each request and what the monitor said go to standard output, which
# vmtest.sh keeps beside the VM's log.

ctl=$1 mon=$2

for ((i = 0; i < 300; i++)); do
	[ -S "$ctl" ] && [ -S "$mon" ] && break
	sleep 0.1
done

# Line by line as they come: no filter that buffers between socat and
# the loop, the carriage return the guest's tty adds taken off here
socat -u "UNIX-CONNECT:$ctl" - |
while read -r cmd id err rest; do
	cmd=${cmd%$'\r'} id=${id%$'\r'} err=${err%$'\r'} rest=${rest%$'\r'}
	case "$cmd" in
	aer)
		if ! [[ "$id" =~ ^port_[ab]$ && "$err" =~ ^[A-Z_]+$ && -z "$rest" ]]; then
			echo "hostctl: refused: $cmd $id $err $rest"
			continue
		fi
		echo "hostctl: pcie_aer_inject_error $id $err"
		echo "pcie_aer_inject_error $id $err" |
			socat -t 2 - "UNIX-CONNECT:$mon" | tr -d '\r' |
			grep -v '^(qemu)\|^QEMU .* monitor' | sed 's/^/hostctl: monitor: /'
		;;
	*)
		echo "hostctl: unknown request: $cmd"
		;;
	esac
done
