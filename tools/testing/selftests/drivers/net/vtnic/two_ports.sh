#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# Both ports of the card on vtnic at once: two PFs, two netdevs, each with
# its own state.  They link to each other, pass ping and 16 MiB over TCP
# both ways intact, and keep their own ring and channel settings.  Port B
# unbound from vtnic leaves port A running: the same netdev, up, with its
# addresses, settings and counters, and it talks to port B again, now on
# the in-tree driver, without being touched.  vtnic only: port B normally
# has the in-tree driver, and the test moves it for its run.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	cleanup_all_ns
	echo "$VTNIC_PORT_B" > /sys/bus/pci/drivers/vtnic/unbind 2>/dev/null
	echo "$b_override" > "$PCI_B/driver_override"
	[ -n "$(pci_driver "$VTNIC_PORT_B")" ] ||
		echo "$VTNIC_PORT_B" > /sys/bus/pci/drivers_probe
	rm -rf "$tmp"
}

# bind_b DRIVER: port B unbound from whatever it has, then bound to DRIVER
bind_b()
{
	[ -z "$(pci_driver "$VTNIC_PORT_B")" ] ||
		echo "$VTNIC_PORT_B" > "$PCI_B/driver/unbind"
	echo "$1" > "$PCI_B/driver_override"
	echo "$VTNIC_PORT_B" > /sys/bus/pci/drivers_probe
	is_bound "$VTNIC_PORT_B" "$1"
}

# ring_is NETNS DEV RX: DEV's current receive ring size is RX
ring_is()
{
	[ "$(ip netns exec "$1" ethtool -g "$2" |
		awk '/^Current/ { c = 1 } c && $1 == "RX:" { print $2; exit }')" = "$3" ]
}

# channels_are NETNS DEV N: DEV uses N combined channels
channels_are()
{
	[ "$(ip netns exec "$1" ethtool -l "$2" |
		awk '/^Current/ { c = 1 } c && $1 == "Combined:" { print $2; exit }')" = "$3" ]
}

ifindex()
{
	ip netns exec "$1" cat "/sys/class/net/$2/ifindex"
}

# a_intact: port A is the netdev it was, up, addressed, with its settings
a_intact()
{
	[ "$(ifindex "$NSA" "$dev_a")" = "$a_index" ] &&
	ip -n "$NSA" link show dev "$dev_a" | grep -q '[<,]UP[,>]' &&
	ip -n "$NSA" -4 addr show dev "$dev_a" | grep -q "$NET4.1/24" &&
	ring_is "$NSA" "$dev_a" 512 && channels_are "$NSA" "$dev_a" 2
}

vtnic_require_env
b_override=$(cat "$PCI_B/driver_override")
[ "$b_override" = "(null)" ] && b_override=
b_intree=$(pci_driver "$VTNIC_PORT_B")
[ -n "$b_intree" ] || ktap_exit_fail_msg "port B has no driver"
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 11

expect "port B binds to vtnic beside port A" bind_b vtnic
ports_attach
ports_wait_up
payload_make "$tmp/payload" 16 || ktap_exit_fail_msg "cannot make the payload"
mark=$(kernel_log_mark)

expect "ping both ways between the two vtnic ports" \
	eval 'ping_retry "$NSA" "$NET4.2" && ping_retry "$NSB" "$NET4.1"'
expect "16 MiB over TCP from A to B, intact" \
	tcp_transfer "$NSA" "$NSB" "$NET4.2" "$tmp/payload"
expect "16 MiB over TCP from B to A, intact" \
	tcp_transfer "$NSB" "$NSA" "$NET4.1" "$tmp/payload"

# Each port its own settings: A 512 descriptors and 2 channels, B 256 and 1
ip netns exec "$NSA" ethtool -G "$dev_a" rx 512 tx 512 &&
ip netns exec "$NSA" ethtool -L "$dev_a" combined 2 &&
ip netns exec "$NSB" ethtool -G "$dev_b" rx 256 tx 256 &&
ip netns exec "$NSB" ethtool -L "$dev_b" combined 1 ||
	ktap_exit_fail_msg "ethtool -G/-L refused"
wait_carrier "$dev_a" "$NSA" && wait_carrier "$dev_b" "$NSB" ||
	ktap_exit_fail_msg "no carrier after the ring and channel changes"
expect "each port keeps its own rings and channels" \
	eval 'ring_is "$NSA" "$dev_a" 512 && channels_are "$NSA" "$dev_a" 2 &&
	      ring_is "$NSB" "$dev_b" 256 && channels_are "$NSB" "$dev_b" 1'
expect "ping both ways after the changes" \
	eval 'ping_retry "$NSA" "$NET4.2" && ping_retry "$NSB" "$NET4.1"'

# Port B leaves vtnic; port A must not notice beyond its partner going
a_index=$(ifindex "$NSA" "$dev_a")
tx_before=$(dev_stat "$NSA" "$dev_a" tx_packets)
echo "$VTNIC_PORT_B" > /sys/bus/pci/drivers/vtnic/unbind
expect "port B unbinds from vtnic" is_unbound "$VTNIC_PORT_B"
expect "port A is still the same netdev, up, addressed, with its settings" \
	a_intact

# Port B back on the in-tree driver: port A talks to it again as it was
bind_b "$b_intree" || ktap_exit_fail_msg "port B does not bind to $b_intree again"
dev_b=$(pci_netdev "$VTNIC_PORT_B") || ktap_exit_fail_msg "port B has no netdev on $b_intree"
b_attach
ip -n "$NSB" addr add "$NET6::2/64" dev "$dev_b" nodad
expect "port A pings port B, now on $b_intree, untouched itself" \
	eval 'ping_retry "$NSA" "$NET4.2" 20 && a_intact'
expect "port A's counters went on from where they were" \
	eval '[ "$(dev_stat "$NSA" "$dev_a" tx_packets)" -gt "$tx_before" ]'
expect "no warning in the kernel log" kernel_log_clean "$mark"
ktap_finished
