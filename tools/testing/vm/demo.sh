#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The narrated demo, run inside the test VM by "make demo": port A talks
# to port B across the cable (on the 82599 ("make demo CARD=82599") the
# demo also shows the card and its SFP+ module, the 10 Gb/s link and RSS
# spreading flows over the receive queues); then VFs are created on port
# A, configured with iproute2, and one of them, in a namespace of its
# own, pings port B; then vfmgr creates VFs from its config and hands
# them to a namespace and to a VM.

A=/sys/bus/pci/devices/$VTNIC_PORT_A
B=/sys/bus/pci/devices/$VTNIC_PORT_B

say() { echo; echo ">>> $*"; }
run() { echo "\$ $*"; "$@"; }
netdev_of() { local d; for d in /sys/bus/pci/devices/$1/net/*; do basename "$d"; done; }

fail() { echo; echo ">>> demo FAILED: $*"; exit 1; }

say "This VM has one emulated Intel $VTNIC_CARD card with two ports, A and B,
    cabled to each other.  Nothing in it can reach the outside world."
say "Port A is driven by '$VTNIC_PF_DRIVER', port B by in-tree $(basename "$(readlink -f "$B/driver")")."
# facing_port_b NETNS DEV ADDR TRIES: DEV into namespace NETNS as ADDR/24
# and port B into 'peer' as 192.0.2.2/24, both up, narrated; waits up to
# TRIES half-seconds for DEV's carrier
facing_port_b()
{
	run ip netns add "$1"
	run ip netns add peer
	run ip link set "$2" netns "$1"
	run ip link set "$dev_b" netns peer
	run ip -n "$1" addr add "$3/24" dev "$2"
	run ip -n peer addr add 192.0.2.2/24 dev "$dev_b"
	run ip -n "$1" link set "$2" up
	run ip -n peer link set "$dev_b" up
	for _ in $(seq "$4"); do
		ip -n "$1" link show "$2" | grep -q LOWER_UP && break
		sleep 0.5
	done
}

# ping_b NETNS: port B (192.0.2.2) answers pings from NETNS, tried up to
# 5 times while the link settles
ping_b()
{
	local i

	for i in 1 2 3 4 5; do
		ip netns exec "$1" ping -c 3 -i 0.3 -W 2 192.0.2.2 && return 0
		sleep 1
	done
	return 1
}

dev_a=$(netdev_of "$VTNIC_PORT_A")
dev_b=$(netdev_of "$VTNIC_PORT_B")
[ -n "$dev_a" ] || fail "port A has no netdev"
echo "    port A: $VTNIC_PORT_A = $dev_a, port B: $VTNIC_PORT_B = $dev_b"
run ethtool -i "$dev_a"
sfp_fields='Identifier|Connector|Transceiver type|Vendor (name|PN|SN)'
if [ "$VTNIC_CARD" = 82599 ]; then
	say "The SFP+ module in port A's cage, read over its two-wire bus:"
	echo "\$ ethtool -m $dev_a | grep -E '$sfp_fields'"
	ethtool -m "$dev_a" > /tmp/demo.sfp || fail "no module information"
	grep -E "$sfp_fields" /tmp/demo.sfp
	say "What devlink knows of port A (board, firmware, serial number):"
	run devlink dev info "pci/$VTNIC_PORT_A" ||
		echo "    ($VTNIC_PF_DRIVER does not register with devlink in Linux 6.12)"
fi

say "Port A in namespace 'host' (192.0.2.1), port B in 'peer' (192.0.2.2):"
facing_port_b host "$dev_a" 192.0.2.1 40
if [ "$VTNIC_CARD" = 82599 ]; then
	say "The link, as ethtool sees it:"
	echo "\$ ethtool $dev_a | grep -E 'Speed|Duplex|Port:|Link detected'"
	ip netns exec host ethtool "$dev_a" | grep -E 'Speed|Duplex|Port:|Link detected'
fi
run ip netns exec host ping -c 3 -i 0.3 -W 2 192.0.2.2 || fail "port A cannot reach port B"

say "16 MB over TCP from port A to port B, checked end to end:"
head -c 16777216 /dev/urandom > /tmp/demo.bin
sum_tx=$(sha256sum < /tmp/demo.bin | cut -d' ' -f1)
ip netns exec peer socat -u TCP4-LISTEN:5201,reuseaddr CREATE:/tmp/demo.rx &
sleep 0.5
run ip netns exec host socat -u FILE:/tmp/demo.bin TCP4:192.0.2.2:5201 || fail "transfer failed"
wait
sum_rx=$(sha256sum < /tmp/demo.rx | cut -d' ' -f1)
echo "    sent     $sum_tx"
echo "    received $sum_rx"
[ "$sum_tx" = "$sum_rx" ] || fail "the payload changed on the way"
rm -f /tmp/demo.bin /tmp/demo.rx

say "Queues, rings and counters of port A:"
run ip netns exec host ethtool -l "$dev_a"
run ip netns exec host ethtool -g "$dev_a"
echo "\$ ethtool -S $dev_a | grep -E '^ +(rx|tx)_(packets|bytes)'"
ip netns exec host ethtool -S "$dev_a" | grep -E '^ +(rx|tx)_(packets|bytes):'
run ip -n host -s link show "$dev_a"

# rx_queues NETNS DEV: the rx_queue_N_packets counters of DEV's queues
# in use (ethtool -l), "N COUNT" a line
rx_queues()
{
	local n

	n=$(ip netns exec "$1" ethtool -l "$2" |
		awk '/^Current/ { cur = 1 } cur && $1 == "Combined:" { print $2 }')
	ip netns exec "$1" ethtool -S "$2" |
		sed -n 's/^ *rx_queue_\([0-9]*\)_packets: \([0-9]*\)$/\1 \2/p' |
		awk -v n="${n:-1}" '$1 < n'
}

if [ "$VTNIC_CARD" = 82599 ]; then
	say "Receive-side scaling: 16 TCP flows from port B that differ only in
    their source port, and the receive queue each packet landed on:"
	head -c 65536 /dev/urandom > /tmp/demo.flow
	rx_queues host "$dev_a" > /tmp/demo.q0
	echo "\$ for p in \$(seq 40000 40015); do socat -u FILE:flow TCP4:192.0.2.1:5300,sourceport=\$p; done"
	for p in $(seq 40000 40015); do
		ip netns exec host timeout 30 socat -u TCP4-LISTEN:5300,reuseaddr OPEN:/dev/null &
		ip netns exec peer timeout 30 socat -u FILE:/tmp/demo.flow \
			"TCP4:192.0.2.1:5300,sourceport=$p,reuseaddr,retry=50,interval=0.1" ||
			fail "flow from source port $p failed"
		wait
	done
	rx_queues host "$dev_a" |
		awk 'NR == FNR { was[$1] = $2; next }
		     { printf "    rx queue %s: %6d packets\n", $1, $2 - was[$1]; q++ }
		     $2 > was[$1] { n++ }
		     END { printf "    %d of %d queues received the 16 flows\n", n, q }' /tmp/demo.q0 -
	rm -f /tmp/demo.flow /tmp/demo.q0 /tmp/demo.sfp
fi

# Port A goes back to the root namespace for the SR-IOV part.
ip netns del host
ip netns del peer
for i in $(seq 20); do
	dev_a=$(netdev_of "$VTNIC_PORT_A")
	dev_b=$(netdev_of "$VTNIC_PORT_B")
	[ -e "/sys/class/net/$dev_a" ] && [ -e "/sys/class/net/$dev_b" ] && break
	sleep 0.5
done
run ip link set "$dev_a" up

say "Creating 4 virtual functions on port A, the way an admin does:"
echo "\$ echo 4 > $A/sriov_numvfs"
echo 4 > "$A/sriov_numvfs" || fail "sriov_numvfs refused"
say "Each VF is a PCI function of its own:"
for vf in "$A"/virtfn*; do
	echo "    $(basename "$vf") -> $(basename "$(readlink -f "$vf")") [$(cat "$vf/vendor"):$(cat "$vf/device")]"
done

say "Giving VF 0 a MAC address and VF 1 a VLAN, and the VF lines 'ip link' shows:"
run ip link set "$dev_a" vf 0 mac 02:76:74:00:00:01
run ip link set "$dev_a" vf 1 vlan 100
run ip link show "$dev_a"

vf0=$(basename "$(readlink -f "$A/virtfn0")")
say "Binding VF 0 ($vf0) to the VF driver '$VTNIC_VF_DRIVER', as a guest would:"
modprobe "$VTNIC_VF_DRIVER"
echo "$VTNIC_VF_DRIVER" > "/sys/bus/pci/devices/$vf0/driver_override"
echo "$vf0" > /sys/bus/pci/drivers_probe
sleep 1
dev_vf=$(netdev_of "$vf0")
[ -n "$dev_vf" ] || fail "VF 0 has no netdev"
echo "    VF 0 is $dev_vf"

say "Putting VF 0 in namespace 'guest' (192.0.2.11) and port B in 'peer' (192.0.2.2):"
facing_port_b guest "$dev_vf" 192.0.2.11 30

say "Pinging port B from the VF, across the cable:"
ping_b guest || fail "the VF could not reach port B"

say "The PF's view of its VFs (vtnic also counts each VF's traffic):"
run ip -s link show "$dev_a"

# The same done by vfmgr: VFs from a config, handed out with a profile
ip netns del guest
ip netns del peer
echo 0 > "$A/sriov_numvfs"
for i in $(seq 20); do
	dev_b=$(netdev_of "$VTNIC_PORT_B")
	[ -e "/sys/class/net/$dev_b" ] && break
	sleep 0.5
done

say "Now the same with vfmgr.  Its config asks for 3 VFs on port A and
    describes a port profile, 'web':"
mkdir -p /etc/vfmgr /run/vfmgr /var/lib/vfmgr
cat > /etc/vfmgr/vfmgr.conf <<CONF
[PF]
PCIAddress=$VTNIC_PORT_A
NumVFs=3

[Profile web]
MACAddress=02:76:74:00:01:01
MACSpoofCheck=yes
Trust=no
CONF
run cat /etc/vfmgr/vfmgr.conf
run vfmgr check
# VFs bind to their driver by themselves, as on a host with udev
echo 1 > "$A/sriov_drivers_autoprobe"

say "Starting the daemon, vfmgrd; it creates the VFs the config asks for:"
vfmgrd > /tmp/vfmgrd.log 2>&1 &
for i in $(seq 40); do
	vfmgr status > /dev/null 2>&1 && [ "$(cat "$A/sriov_numvfs")" = 3 ] && break
	sleep 0.5
done
sleep 1
run vfmgr list
vf0=$(basename "$(readlink -f "$A/virtfn0")")
run vfmgr show "$VTNIC_PORT_A:0"

say "Giving a VF, with profile 'web', to the container namespace 'web1':"
run ip netns add web1
run vfmgr alloc --pf "$dev_a" --profile web --to netns:web1 --name eth0 ||
	fail "vfmgr alloc to a netns failed"
run ip -n web1 link show eth0
run ip link show "$dev_a"
run ip netns add peer
run ip link set "$dev_b" netns peer
run ip -n peer addr add 192.0.2.2/24 dev "$dev_b"
run ip -n peer link set "$dev_b" up
run ip -n web1 addr add 192.0.2.21/24 dev eth0
run ip -n web1 link set eth0 up
ping_b web1 || fail "the VF in web1 could not reach port B"

say "Giving another VF to a VM: vfmgr binds it to vfio-pci and says how to
    pass it to QEMU or libvirt:"
run vfmgr alloc --pf "$dev_a" --to vm:guest1 || fail "vfmgr alloc to a VM failed"
run vfmgr status

say "Deleting the namespace 'web1': vfmgrd notices and takes its VF back:"
run ip netns del web1
for i in $(seq 30); do
	vfmgr status | grep -q "netns:web1" || break
	sleep 0.5
done
run vfmgr release vm:guest1
run vfmgr status
echo "\$ cat /tmp/vfmgrd.log"
sed 's/^/    /' /tmp/vfmgrd.log

say "Done: 4 VFs created on port A, configured with 'ip link set $dev_a vf N ...',
    and VF 0 passed traffic to port B from its own namespace; then vfmgr
    created 3 VFs from its config and handed them to a container
    namespace and a VM."
