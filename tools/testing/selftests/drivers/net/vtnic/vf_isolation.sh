#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two VFs on different port VLANs (vf 0 on VLAN 100, vf 1 on VLAN 200)
# never see each other's traffic: VF 0 receives neither VF 1's unicast
# (pings from port B on VLAN 200, and raw frames to VF 1's address sent
# on VLAN 100, which is VF 0's VLAN but not its address) nor VLAN 200's
# broadcasts; VF 1 receives VLAN 200's broadcasts (the capture works) but
# not the frames to its address on VLAN 100, a VLAN it is not in.
#
# Raw frames (raw_frames) go out of port B's VLAN devices.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

COUNT=10
NET100=198.51.100
NET200=203.0.113

cleanup()
{
	capture_stop
	[ -n "${cap1_pid:-}" ] && kill "$cap1_pid" 2>/dev/null
	vf_test_cleanup
	rm -rf "$tmp"
}

# count FILE PATTERN: lines of a capture that match
count()
{
	grep -c "$2" "$1"
}

# none_and_all A B: A is 0 and B is COUNT
none_and_all()
{
	[ "$1" = 0 ] && [ "$2" = $COUNT ]
}

vtnic_require_env
tmp=$(mktemp -d)
capture_pid='' cap1_pid='' dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

modprobe 8021q || ktap_exit_fail_msg "no 8021q module"
ports_lookup
pf_up_with_vfs 2
ip link set "$dev_a" vf 0 vlan 100 && ip link set "$dev_a" vf 1 vlan 200 ||
	ktap_exit_fail_msg "cannot set the VFs' port VLANs"
setup_ns NSV0 NSV1 NSB
dev_vf0=$(vf_attach 0 "$NSV0" "$NET100.10/24") &&
dev_vf1=$(vf_attach 1 "$NSV1" "$NET200.11/24") ||
	ktap_exit_fail_msg "the VFs do not come up with $VTNIC_VF_DRIVER"
ip link set "$dev_b" netns "$NSB" &&
ip -n "$NSB" link set "$dev_b" up &&
ip -n "$NSB" link add link "$dev_b" name vb100 type vlan id 100 &&
ip -n "$NSB" link add link "$dev_b" name vb200 type vlan id 200 &&
ip -n "$NSB" addr add "$NET100.2/24" dev vb100 &&
ip -n "$NSB" addr add "$NET200.2/24" dev vb200 &&
ip -n "$NSB" link set vb100 up && ip -n "$NSB" link set vb200 up ||
	ktap_exit_fail_msg "cannot set up port B's VLANs"
mac_b=$(mac_of "$NSB" "$dev_b")
mac_vf1=$(mac_of "$NSV1" "$dev_vf1")

ktap_test_result "VF 0 pings B on VLAN 100" ping_retry "$NSV0" "$NET100.2" 20
ktap_test_result "VF 1 pings B on VLAN 200" ping_retry "$NSV1" "$NET200.2" 20

capture_start "$NSV0" "$dev_vf0" "$tmp/vf0" icmp or ether proto 0x88b5
ip netns exec "$NSV1" tcpdump -p -n -e -l -Q in -i "$dev_vf1" ether proto 0x88b5 \
	> "$tmp/vf1" 2> "$tmp/vf1.err" &
cap1_pid=$!
slowwait 10 grep -q "listening on" "$tmp/vf1.err"

ip netns exec "$NSB" ping -c $COUNT -i 0.1 -W 1 "$NET200.11" > /dev/null
raw_frames "$NSB" vb100 "$mac_vf1" "$mac_b" isolation-unicast $COUNT
raw_frames "$NSB" vb200 ff:ff:ff:ff:ff:ff "$mac_b" isolation-broadcast $COUNT
sleep 2
capture_stop
kill "$cap1_pid" 2>/dev/null
wait "$cap1_pid" 2>/dev/null
cap1_pid=''

vf0_icmp=$(count "$tmp/vf0" "ICMP")
vf0_uni=$(count "$tmp/vf0" "isolation-unicast\|> $mac_vf1")
vf0_bc=$(count "$tmp/vf0" "ff:ff:ff:ff:ff:ff")
vf1_bc=$(count "$tmp/vf1" "ff:ff:ff:ff:ff:ff")
vf1_uni=$(count "$tmp/vf1" "> $mac_vf1")
ktap_print_msg "VF 0 saw $vf0_icmp ICMP frames, $vf0_uni frames for VF 1's" \
	"address, $vf0_bc VLAN 200 broadcasts; VF 1 saw $vf1_bc broadcasts" \
	"and $vf1_uni frames for its address on VLAN 100"
ktap_test_result "VF 0 gets none of VF 1's pings" [ "$vf0_icmp" = 0 ]
ktap_test_result "VF 0 gets no frame for VF 1's address, even on its VLAN" \
	[ "$vf0_uni" = 0 ]
ktap_test_result "VF 0 gets no VLAN 200 broadcast; VF 1 gets all $COUNT" \
	none_and_all "$vf0_bc" "$vf1_bc"
ktap_test_result "VF 1 gets no frame for its address on VLAN 100" \
	[ "$vf1_uni" = 0 ]
ktap_finished
