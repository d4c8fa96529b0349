#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What vfmgr prints for other programs to read, checked by those readers:
# "list --json", "show --json" and "status --json" parse as JSON with the
# members vfmgr.8 names.  The CLI is vfmgr_fake, the real vfmgr over a
# faked PCI scan (vfmgr_fake_pci.c); status asks the real vfmgrd.  TAP
# output.
#
# usage: vfmgr_export_test [VFMGR_FAKE [VFMGRD]]
#        (default: vfmgr_fake beside it, ../vfmgr/vfmgrd)

here=$(dirname "$0")
vfmgr=${1:-$here/vfmgr_fake}
vfmgrd=${2:-$here/../vfmgr/vfmgrd}
dir=$(mktemp -d)
daemon=
cleanup()
{
	[ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon"
	rm -rf "$dir"
}
trap cleanup EXIT
n=0 failed=0
export VFMGR_FAKE_PCI=$dir/pci

# ok NAME CMD...: a test that passes when CMD does
ok()
{
	local name=$1

	shift
	n=$((n + 1))
	if "$@" > "$dir/why" 2>&1; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		sed 's/^/# /' "$dir/why"
		failed=$((failed + 1))
	fi
}

# run OUT ARGS...: vfmgr ARGS exits 0 with its output in $dir/OUT
run()
{
	local out=$1

	shift
	"$vfmgr" "$@" > "$dir/$out" 2> "$dir/$out.err" && return 0
	echo "vfmgr $* failed: $(cat "$dir/$out.err")"
	return 1
}

# is_json FILE: python's own parser takes it
is_json()
{
	python3 -m json.tool "$1" > /dev/null
}

# py FILE EXPR: EXPR, on the JSON in FILE as "d", is true
py()
{
	python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
if not eval("(" + sys.argv[2] + ")"):
    print("false:", sys.argv[2])
    print(json.dumps(d, indent=1)[:2000])
    sys.exit(1)
PY
}

echo "TAP version 13"

# Two igb ports, one with three VFs: VF 0 on igbvf with a netdev, VF 1
# given to a VM (vfio-pci), VF 2 unbound; an 82599 with one ixgbevf VF;
# and an SR-IOV PF with no driver.
cat > "$VFMGR_FAKE_PCI" <<'PCI'
pf 0000:01:00.0 igb ens1f0 8086 10c9 7 3
vf 0 0000:01:10.0 8086 10ca igbvf ens1f0v0 12
vf 1 0000:01:10.2 8086 10ca vfio-pci - 13
vf 2 0000:01:10.4 8086 10ca - - -1
pf 0000:01:00.1 igb ens1f1 8086 10c9 7 2
vf 0 0000:01:10.1 8086 10ca igbvf - 14
vf 1 0000:01:10.3 8086 10ca igbvf - 15
pf 0000:03:00.0 ixgbe enp3s0f0 8086 10fb 63 1
vf 0 0000:03:10.0 8086 10ed ixgbevf - -1
pf 0000:04:00.0 - - 8086 10fb 63 0
PCI

# ---- --json ----

ok "list --json exits 0" run list.json list --json
ok "list --json is JSON" is_json "$dir/list.json"
ok "list --json: 4 PFs, in order, with their VFs" py "$dir/list.json" \
	'[(p["pci_addr"], p["ifname"], len(p["vfs"])) for p in d["pfs"]] ==
	 [("0000:01:00.0", "ens1f0", 3), ("0000:01:00.1", "ens1f1", 2),
	  ("0000:03:00.0", "enp3s0f0", 1), ("0000:04:00.0", None, 0)]'
ok "list --json: a VF's vendor, device, driver, netdev, IOMMU group" \
	py "$dir/list.json" \
	'd["pfs"][0]["vfs"][0] == {"index": 0, "pci_addr": "0000:01:10.0",
	  "vendor": "0x8086", "device": "0x10ca", "driver": "igbvf",
	  "ifname": "ens1f0v0", "iommu_group": 12}'
ok "list --json: an unbound VF has null driver, netdev, group" \
	py "$dir/list.json" \
	'[d["pfs"][0]["vfs"][2][k] for k in ("driver", "ifname", "iommu_group")] == [None] * 3'
ok "show PF:N --json is JSON" run show.json show ens1f0:1 --json
ok "show --json: the VF and its PF" py "$dir/show.json" \
	'(d["pci_addr"], d["driver"], d["device"], d["pf"]) ==
	 ("0000:01:10.2", "vfio-pci", "0x10ca",
	  {"pci_addr": "0000:01:00.0", "ifname": "ens1f0", "driver": "igb"})'

# status asks vfmgrd: a daemon with its own socket, no config, and a
# state file with a VM's VF that is not there
if [ -x "$vfmgrd" ]; then
	: > "$dir/vfmgr.conf"
	cat > "$dir/state.json" <<'STATE'
{"version": 1, "allocations": [{"vf": "0000:ff:1f.7", "pf": "0000:ff:1f.0",
 "vf_index": 3, "profile": "", "to": "vm:guest1", "ifname": "",
 "driver": ""}]}
STATE
	"$vfmgrd" -c "$dir/vfmgr.conf" -S "$dir/sock" -s "$dir/state.json" \
		2> "$dir/vfmgrd.log" &
	daemon=$!
	for _ in $(seq 100); do
		[ -S "$dir/sock" ] && break
		sleep 0.05
	done
	export VFMGR_SOCKET=$dir/sock
	ok "status --json exits 0" run status.json status --json
	ok "status --json is JSON" is_json "$dir/status.json"
	ok "status --json: the allocation, missing" py "$dir/status.json" \
		'd == [{"vf": "0000:ff:1f.7", "pf": "0000:ff:1f.0", "vf_index": 3,
		  "to": "vm:guest1", "profile": "", "ifname": "",
		  "state": "missing"}]'
else
	n=$((n + 1))
	echo "ok $n # SKIP no vfmgrd at $vfmgrd"
fi

echo "1..$n"
[ "$failed" = 0 ]
