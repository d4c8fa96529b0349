#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# card: 82599
#
# The SFP+ modules in the cages, as the driver finds them over the
# module's two-wire bus: "ethtool -m" decodes the serial ID the driver
# read (the module type and its vendor), ethtool reports the port type
# the module makes (direct attach or fibre) and 10 Gb/s once the link is
# up.  A module a 10 Gb/s link cannot use, on vtnic: the port still
# probes, says why in the kernel log, and stays down: no carrier, and
# frames sent to it are not received (its hardware counter stays still).
#
# VTNIC_SFP says what is plugged in: "A,B" with each one of da (passive
# direct-attach cable), sr, lr, unsupported (a Fibre Channel optic), none.
# The test VM sets it from vmtest.sh --sfp; on real hardware set it by
# hand.  The in-tree ixgbe refuses to probe a port with an unsupported
# module, so that port is checked only with vtnic under test, and bound
# to vtnic for the check.  Only the 82599 has module cages.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	local pci

	cleanup_all_ns
	for pci in "${!rebound[@]}"; do
		echo "$pci" > "/sys/bus/pci/drivers/vtnic/unbind" 2>/dev/null
		echo "${rebound[$pci]}" > "/sys/bus/pci/devices/$pci/driver_override"
	done
	rm -rf "$tmp"
}

# to_vtnic PCI: bind the port to vtnic, from whichever driver it has; the
# driver it was meant for is given back on exit
to_vtnic()
{
	local pci=$1 was

	was=$(cat "/sys/bus/pci/devices/$pci/driver_override")
	[ "$was" = "(null)" ] && was=
	rebound[$pci]=$was
	[ -z "$(pci_driver "$pci")" ] ||
		echo "$pci" > "/sys/bus/pci/devices/$pci/driver/unbind"
	echo vtnic > "/sys/bus/pci/devices/$pci/driver_override"
	echo "$pci" > /sys/bus/pci/drivers_probe
}

# module_says NETNS DEV PATTERN: "ethtool -m" of DEV matches PATTERN
module_says()
{
	ip netns exec "$1" ethtool -m "$2" 2> /dev/null | grep -Eq "$3"
}

# port_is NETNS DEV PORT: ethtool reports DEV's port type as PORT
port_is()
{
	ip netns exec "$1" ethtool "$2" | grep -q "^[[:space:]]*Port: $3\$"
}

# speed_is NETNS DEV SPEED
speed_is()
{
	ip netns exec "$1" ethtool "$2" | grep -q "^[[:space:]]*Speed: $3\$"
}

# supports NETNS DEV MODE: MODE (a regular expression) is among the
# supported link modes
supports()
{
	ip netns exec "$1" ethtool "$2" |
		sed -n '/Supported link modes:/,/Supported pause/p' |
		grep -Eq "(^|[[:space:]])$3([[:space:]]|\$)"
}

# no_carrier_for NETNS DEV SECONDS: the link stays down that long
no_carrier_for()
{
	local i

	for ((i = 0; i < $3 * 10; i++)); do
		__carrier_up "$2" "$1" && return 1
		sleep 0.1
	done
	return 0
}

# check_usable PORT NETNS DEV MODULE: the module is found and the link runs
check_usable()
{
	local port=$1 ns=$2 dev=$3 mod=$4 what pattern ptype mode

	case "$mod" in
	da) what="passive direct-attach cable"
	    pattern="Passive Cable" ptype="Direct Attach Copper"
	    mode=10000baseCR/Full ;;
	sr) what="10GBASE-SR optic"
	    pattern="10G Ethernet: 10G Base-SR" ptype=FIBRE
	    mode=10000baseSR/Full ;;
	lr) what="10GBASE-LR optic"
	    pattern="10G Ethernet: 10G Base-LR" ptype=FIBRE
	    mode=10000baseLR/Full ;;
	esac
	expect "port $port: ethtool -m reads a $what" \
		module_says "$ns" "$dev" "$pattern"
	expect "port $port: ethtool -m reads the vendor's name" \
		module_says "$ns" "$dev" "Vendor name[[:space:]]*:[[:space:]]*[[:graph:]]"
	expect "port $port: ethtool says Port: $ptype" \
		port_is "$ns" "$dev" "$ptype"
	# in-tree ixgbe names every SFP+ module's mode 10000baseT
	[ "$(pci_driver "$(port_pci "$port")")" = vtnic ] || mode="10000base[A-Z]+/Full"
	expect "port $port: $mode is a supported mode" \
		supports "$ns" "$dev" "$mode"
	expect "port $port: link up" wait_carrier "$dev" "$ns"
	expect "port $port: 10 Gb/s" speed_is "$ns" "$dev" 10000Mb/s
}

port_pci()
{
	if [ "$1" = A ]; then echo "$VTNIC_PORT_A"; else echo "$VTNIC_PORT_B"; fi
}

# check_refused PORT MODULE: on vtnic the port probes, logs, stays down
check_refused()
{
	local port=$1 mod=$2 pci dev mark before line i

	pci=$(port_pci "$port")
	if [ "$VTNIC_PF_DRIVER" != vtnic ]; then
		for ((i = 0; i < REFUSED_TESTS; i++)); do
			ktap_test_skip "port $port: $mod module: vtnic's handling, not $VTNIC_PF_DRIVER's"
		done
		return
	fi
	mark=$(kernel_log_mark)
	# the in-tree driver refuses it: vtnic takes it
	[ "$(pci_driver "$pci")" = vtnic ] || to_vtnic "$pci"
	expect "port $port: vtnic probes a port with this module ($mod)" \
		is_bound "$pci" vtnic
	dev=$(pci_netdev "$pci") || ktap_exit_fail_msg "port $port has no netdev"
	ns_attach "$dev" "$NSB" "$NET4.2/24" ||
		ktap_exit_fail_msg "cannot bring port $port up"
	if [ "$mod" = none ]; then
		line="no SFP\+ module in the cage: the port stays down"
	else
		line="unsupported SFP\+ module .* \(.*\): the port stays down"
	fi
	expect "port $port: the kernel log says why it stays down" \
		eval 'kernel_log_since "$mark" | grep -Eq "$line"'
	expect "port $port: no carrier" no_carrier_for "$NSB" "$dev" 3

	# the partner sends to it, broadcast and unicast: nothing arrives
	before=$(dev_stat "$NSB" "$dev" rx_packets)
	ip netns exec "$NSA" ping -c 20 -i 0.05 -W 1 -b "$NET4.255" > /dev/null 2>&1
	ip netns exec "$NSA" ping -c 5 -i 0.05 -W 1 "$NET4.2" > /dev/null 2>&1
	# vtnic folds the hardware counters in every 2 s
	sleep 2.5
	expect "port $port: frames sent to it are not received" \
		test "$(dev_stat "$NSB" "$dev" rx_packets)" = "$before"
}

USABLE_TESTS=6
REFUSED_TESTS=4

vtnic_require_env
if [ "$(cat "$PCI_A/device")" != 0x10fb ]; then
	ktap_skip_all "port A is no 82599 SFP+ port: no module cage"
	exit "$KSFT_SKIP"
fi
if [ -z "${VTNIC_SFP:-}" ]; then
	ktap_skip_all "VTNIC_SFP is not set: say what is plugged in (see the top of this test)"
	exit "$KSFT_SKIP"
fi
mod_a=${VTNIC_SFP%%,*} mod_b=${VTNIC_SFP#*,}
declare -A rebound
ports=()
for p in A B; do
	m=mod_${p,,}
	case "${!m}" in
	da|sr|lr) ports+=("$p") ;;
	unsupported|none) refused=$p refused_mod=${!m} ;;
	*) ktap_exit_fail_msg "VTNIC_SFP=$VTNIC_SFP: '${!m}' is not a module" ;;
	esac
done
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan $((${#ports[@]} * USABLE_TESTS + (${#ports[@]} < 2 ? REFUSED_TESTS : 0)))
setup_ns NSA NSB
if [ -z "${refused:-}" ]; then
	# both usable: both ports checked, each in its namespace
	dev_a=$(pci_netdev "$VTNIC_PORT_A") && dev_b=$(pci_netdev "$VTNIC_PORT_B") ||
		ktap_exit_fail_msg "no netdev on a port"
	ns_attach "$dev_a" "$NSA" "$NET4.1/24" && ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
		ktap_exit_fail_msg "cannot move the ports into namespaces"
	check_usable A "$NSA" "$dev_a" "$mod_a"
	check_usable B "$NSB" "$dev_b" "$mod_b"
	ktap_finished
fi
[ "${#ports[@]}" = 1 ] || ktap_exit_fail_msg "VTNIC_SFP=$VTNIC_SFP: one port must have a usable module"

# one usable port, the other refused: the usable one is its partner.  The
# in-tree ixgbe takes only Intel's optics; vtnic drives the partner then.
good=${ports[0]}
[ -n "$(pci_driver "$(port_pci "$good")")" ] || [ "$VTNIC_PF_DRIVER" != vtnic ] ||
	to_vtnic "$(port_pci "$good")"
dev_peer=$(pci_netdev "$(port_pci "$good")") || ktap_exit_fail_msg "port $good has no netdev"
ns_attach "$dev_peer" "$NSA" "$NET4.1/24" || ktap_exit_fail_msg "cannot bring port $good up"
check_usable "$good" "$NSA" "$dev_peer" "$([ "$good" = A ] && echo "$mod_a" || echo "$mod_b")"
check_refused "$refused" "$refused_mod"
ktap_finished
