#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "vfmgr list" and "vfmgr show" tell an admin what sysfs says.  With two
# VFs on port A, VF 0 bound to the VF driver under test and VF 1 left
# unbound: port A's line and JSON object carry its address, netdev,
# driver, 2 enabled VFs and sriov_totalvfs, the TotalVFs of its SR-IOV
# capability; each VF's address is its virtfnN link, its driver and
# netdev those sysfs shows (none for VF 1), its IOMMU group its
# iommu_group link.  "show" by address and by PF:N prints the same VF,
# and "show" of a VF that does not exist exits 1.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	rm -rf "$tmp"
}

# or_dash S: S, or "-" when empty, as vfmgr prints a field with no value
or_dash()
{
	echo "${1:--}"
}

# iommu_group_of PCI_ADDR: the basename of its iommu_group link, or nothing
iommu_group_of()
{
	local link=/sys/bus/pci/devices/$1/iommu_group

	[ -e "$link" ] && basename "$(readlink -f "$link")"
}

# sriov_cap_total_vfs PCI_ADDR: TotalVFs of the SR-IOV extended capability
# (ID 0x10, TotalVFs at +0x0e), read from the config space, or nothing
sriov_cap_total_vfs()
{
	local cfg=/sys/bus/pci/devices/$1/config off=256 hdr i

	for ((i = 0; i < 64 && off >= 256; i++)); do
		hdr=$(od -An -tu4 -j "$off" -N 4 "$cfg" 2>/dev/null | tr -d ' ')
		[ -n "$hdr" ] && [ "$hdr" != 0 ] || return 1
		if [ $((hdr & 0xffff)) = 16 ]; then
			od -An -tu2 -j $((off + 14)) -N 2 "$cfg" | tr -d ' '
			return 0
		fi
		off=$((hdr >> 20))
	done
	return 1
}

# expect_vf N: sysfs' view of VF N of port A into vf_addr[N], vf_drv[N],
# vf_net[N], vf_grp[N] (empty for none)
expect_vf()
{
	vf_addr[$1]=$(vf_pci "$VTNIC_PORT_A" "$1")
	vf_drv[$1]=$(pci_driver "${vf_addr[$1]}")
	vf_net[$1]=$(__pci_netdev "${vf_addr[$1]}")
	vf_grp[$1]=$(iommu_group_of "${vf_addr[$1]}")
}

# same WHAT GOT WANT: GOT is WANT, or say how they differ
same()
{
	[ "$2" = "$3" ] && return 0
	ktap_print_msg "$1: got '$2', want '$3'"
	return 1
}

# list_pf_ok: port A's line of "vfmgr list": address, netdev, driver,
# NUMVFS/TOTALVFS
list_pf_ok()
{
	local line want

	line=$(awk -v a="$VTNIC_PORT_A" '$1 == a { print $2, $3, $4 }' "$tmp/list")
	want="$(or_dash "$dev_a") $(or_dash "$pf_drv") 2/$total"
	same "port A's line" "$line" "$want"
}

# list_vf_lines: the indented VF lines under port A's line
list_vf_lines()
{
	awk -v a="$VTNIC_PORT_A" '
		/^[^ ]/ { under = ($1 == a); next }
		under && $1 == "vf"' "$tmp/list"
}

# list_vf_ok N: VF N's line: index, address, driver, netdev, IOMMU group
list_vf_ok()
{
	local line want

	line=$(list_vf_lines | awk -v n="$1" '$2 == n { print $3, $4, $5, $6 }')
	want="${vf_addr[$1]} $(or_dash "${vf_drv[$1]}") $(or_dash "${vf_net[$1]}") $(or_dash "${vf_grp[$1]}")"
	same "VF $1's line" "$line" "$want"
}

# jq_val JSON_FILE FILTER: the filter's value, "-" for null
jq_val()
{
	jq -r "$2 // \"-\"" "$1"
}

json_pf()
{
	echo ".pfs[] | select(.pci_addr == \"$VTNIC_PORT_A\")"
}

# json_pf_ok: port A's object in "vfmgr list --json"
json_pf_ok()
{
	local pf got want

	pf=$(json_pf)
	got=$(jq_val "$tmp/list.json" "$pf | [.ifname, .driver, .num_vfs, .total_vfs, (.vfs | length)] | map(. // \"-\") | join(\" \")")
	want="$(or_dash "$dev_a") $(or_dash "$pf_drv") 2 $total 2"
	same "port A's object" "$got" "$want"
}

# json_cap_ok: its cap_total_vfs is the capability's TotalVFs
json_cap_ok()
{
	local got

	got=$(jq_val "$tmp/list.json" "$(json_pf) | .cap_total_vfs")
	same "cap_total_vfs" "$got" "$cap_total"
}

# json_vf_ok list|show N: VF N's object in "list --json" (the N-th of
# port A's), or the object "show --json" printed, is VF N
json_vf_ok()
{
	local got want obj=.

	[ "$1" = list ] && obj="$(json_pf) | .vfs[$2]"
	got=$(jq_val "$tmp/$1.json" "$obj | [.index, .pci_addr, .driver, .ifname, .iommu_group] | map(. // \"-\") | join(\" \")")
	want="$2 ${vf_addr[$2]} $(or_dash "${vf_drv[$2]}") $(or_dash "${vf_net[$2]}") $(or_dash "${vf_grp[$2]}")"
	same "VF $2's object" "$got" "$want"
}

# show_ok N: "vfmgr show" printed VF N of port A
show_ok()
{
	local got want

	got=$(awk '{ print $2 }' "$tmp/show" | tr '\n' ' ')
	want="${vf_addr[$1]} $VTNIC_PORT_A $(or_dash "$dev_a") $1 $(or_dash "${vf_drv[$1]}") $(or_dash "${vf_net[$1]}") $(or_dash "${vf_grp[$1]}") "
	same "show" "$got" "$want"
}

# run_ok NAME ARGS...: vfmgr ARGS exits 0, its output in $tmp/NAME
run_ok()
{
	local name=$1 rc

	shift
	vfmgr "$@" > "$tmp/$name" 2> "$tmp/$name.err"
	rc=$?
	[ "$rc" = 0 ] && return 0
	ktap_print_msg "vfmgr $*: exit $rc: $(cat "$tmp/$name.err")"
	return 1
}

# exits_1 ARGS...: vfmgr ARGS fails with status 1
exits_1()
{
	local rc

	vfmgr "$@" > /dev/null 2>&1
	rc=$?
	[ "$rc" = 1 ] && return 0
	ktap_print_msg "vfmgr $*: exit $rc, want 1"
	return 1
}

vtnic_require_env
for t in vfmgr jq; do
	if ! command -v "$t" > /dev/null; then
		ktap_skip_all "no $t"
		exit "$KSFT_SKIP"
	fi
done
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan 14

dev_a=$(pci_netdev "$VTNIC_PORT_A")
pf_drv=$(pci_driver "$VTNIC_PORT_A")
total=$(cat "$PCI_A/sriov_totalvfs")
cap_total=$(sriov_cap_total_vfs "$VTNIC_PORT_A") ||
	ktap_exit_fail_msg "port A has no SR-IOV capability in its config space"
set_numvfs "$VTNIC_PORT_A" 0
set_numvfs "$VTNIC_PORT_A" 2 || ktap_exit_fail_msg "cannot create 2 VFs"
vf_bind "$(vf_pci "$VTNIC_PORT_A" 0)" "$VTNIC_VF_DRIVER" ||
	ktap_exit_fail_msg "VF 0 does not bind to $VTNIC_VF_DRIVER"
pci_netdev "$(vf_pci "$VTNIC_PORT_A" 0)" > /dev/null ||
	ktap_exit_fail_msg "VF 0 has no netdev on $VTNIC_VF_DRIVER"
declare -a vf_addr vf_drv vf_net vf_grp
expect_vf 0
expect_vf 1
for i in 0 1; do
	ktap_print_msg "sysfs: VF $i ${vf_addr[$i]} driver '${vf_drv[$i]}'" \
		"netdev '${vf_net[$i]}' iommu group '${vf_grp[$i]}'"
done
[ -n "${vf_grp[0]}" ] || ktap_print_msg "VF 0 has no IOMMU group (no IOMMU?)"

ktap_test_result "list exits 0" run_ok list list
while read -r line; do ktap_print_msg "$line"; done < "$tmp/list"
ktap_test_result "list: port A with its netdev, driver and 2/$total VFs" list_pf_ok
ktap_test_result "list: port A has two VF lines" \
	test "$(list_vf_lines | wc -l)" = 2
ktap_test_result "list: VF 0 ($VTNIC_VF_DRIVER) as sysfs has it" list_vf_ok 0
ktap_test_result "list: VF 1 (unbound) as sysfs has it" list_vf_ok 1

ktap_test_result "list --json exits 0 with JSON" run_ok list.json list --json
jq empty "$tmp/list.json" 2>/dev/null ||
	ktap_print_msg "not JSON: $(head -c 200 "$tmp/list.json")"
ktap_test_result "list --json: port A with its netdev, driver, 2 of $total VFs" json_pf_ok
ktap_test_result "list --json: cap_total_vfs is the capability's TotalVFs ($cap_total)" json_cap_ok
ktap_test_result "list --json: VF 0 as sysfs has it" json_vf_ok list 0
ktap_test_result "list --json: VF 1 as sysfs has it" json_vf_ok list 1

if run_ok show show "${vf_addr[0]}"; then
	ktap_test_result "show ${vf_addr[0]}: VF 0" show_ok 0
else
	ktap_test_fail "show ${vf_addr[0]}: VF 0"
fi
if run_ok show.json show "$VTNIC_PORT_A:1" --json; then
	ktap_test_result "show $VTNIC_PORT_A:1 --json: VF 1 of port A" \
		json_vf_ok show 1
else
	ktap_test_fail "show $VTNIC_PORT_A:1 --json: VF 1 of port A"
fi
ktap_test_result "show $VTNIC_PORT_A:2 (no such VF) exits 1" \
	exits_1 show "$VTNIC_PORT_A:2"
ktap_test_result "show 0000:ff:1f.7 (no such device) exits 1" \
	exits_1 show 0000:ff:1f.7
ktap_finished
