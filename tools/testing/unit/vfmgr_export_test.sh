#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What vfmgr prints for other programs to read, checked by those readers:
# "list --json", "show --json" and "status --json" parse as JSON with the
# members vfmgr.8 names; "export libvirt" networks pass libvirt's own
# virt-xml-validate; "export k8s" is JSON with only the keys the SR-IOV
# network device plugin reads, and the VFs' IDs, drivers and PF.  The CLI
# is vfmgr_fake, the real vfmgr over a faked PCI scan (vfmgr_fake_pci.c);
# status asks the real vfmgrd.  TAP output.
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
pf 0000:05:00.0 ice x&y'z 8086 1593 64 1
vf 0 0000:05:01.0 8086 1889 iavf - -1
PCI

# ---- --json ----

ok "list --json exits 0" run list.json list --json
ok "list --json is JSON" is_json "$dir/list.json"
ok "list --json: 4 PFs, in order, with their VFs" py "$dir/list.json" \
	'[(p["pci_addr"], p["ifname"], len(p["vfs"])) for p in d["pfs"]] ==
	 [("0000:01:00.0", "ens1f0", 3), ("0000:01:00.1", "ens1f1", 2),
	  ("0000:03:00.0", "enp3s0f0", 1), ("0000:04:00.0", None, 0),
	  ("0000:05:00.0", "x&y\x27z", 1)]'
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

# ---- export ----

# The PFs vfmgr manages: both igb ports, and the PF without a netdev
cat > "$dir/export.conf" <<'CONF'
[PF]
Driver=igb
NumVFs=3

[PF]
PCIAddress=0000:04:00.0
CONF

# valid_network FILE: libvirt's schema takes FILE as a <network>
valid_network()
{
	virt-xml-validate "$1" network
}

# network FILE EXPR: EXPR, on FILE's root element as "n", is true
network()
{
	python3 - "$1" "$2" <<'PY'
import sys
import xml.etree.ElementTree as ET
n = ET.parse(sys.argv[1]).getroot()
fwd = n.find("forward")
addrs = [(a.get("type"), a.get("domain"), a.get("bus"), a.get("slot"),
          a.get("function")) for a in fwd.findall("address")]
if not eval("(" + sys.argv[2] + ")"):
    print("false:", sys.argv[2])
    print(open(sys.argv[1]).read())
    sys.exit(1)
PY
}

# fails RC ARGS...: vfmgr ARGS exits RC
fails()
{
	local rc=$1 got

	shift
	"$vfmgr" "$@" > "$dir/fails" 2>&1
	got=$?
	[ "$got" = "$rc" ] && return 0
	echo "vfmgr $*: exit $got, want $rc: $(cat "$dir/fails")"
	return 1
}

if command -v virt-xml-validate > /dev/null; then
	ok "export libvirt PF exits 0" run pf.xml export libvirt ens1f0
	ok "export libvirt PF: virt-xml-validate takes it" valid_network "$dir/pf.xml"
	ok "export libvirt PF: vfmgr-PF, hostdev, managed, the PF's netdev" \
		network "$dir/pf.xml" \
		'(n.tag, n.findtext("name"), fwd.get("mode"), fwd.get("managed"),
		  [p.get("dev") for p in fwd.findall("pf")], addrs) ==
		 ("network", "vfmgr-ens1f0", "hostdev", "yes", ["ens1f0"], [])'
	ok "export libvirt --vfs PF exits 0" run vfs.xml export libvirt --vfs ens1f0
	ok "export libvirt --vfs: virt-xml-validate takes it" valid_network "$dir/vfs.xml"
	ok "export libvirt --vfs: each VF's PCI address, no <pf>" \
		network "$dir/vfs.xml" \
		'(fwd.findall("pf"), addrs) == ([],
		 [("pci", "0x0000", "0x01", "0x10", "0x0"),
		  ("pci", "0x0000", "0x01", "0x10", "0x2"),
		  ("pci", "0x0000", "0x01", "0x10", "0x4")])'
	ok "export libvirt: a netdev name libvirt refuses for <pf> exits 1" \
		fails 1 export libvirt "x&y'z"
	ok "export libvirt --vfs: a netdev name with & and ' is escaped" \
		run odd.xml export libvirt --vfs "x&y'z"
	ok "export libvirt --vfs: ... virt-xml-validate takes it" \
		valid_network "$dir/odd.xml"
	ok "export libvirt --vfs: ... and it reads back as it is" \
		network "$dir/odd.xml" 'n.findtext("name") == "vfmgr-x&y\x27z"'
	mkdir "$dir/nets"
	ok "export libvirt --dir: one file per managed PF" \
		run dir.out export libvirt --config "$dir/export.conf" --dir "$dir/nets"
	ok "export libvirt --dir: it names the files it wrote" test \
		"$(cat "$dir/dir.out")" = "$dir/nets/vfmgr-ens1f0.xml
$dir/nets/vfmgr-ens1f1.xml"
	ok "export libvirt --dir: a managed PF with no netdev is left out" test \
		"$(cat "$dir/dir.out.err")" = \
		"vfmgr: PF 0000:04:00.0 has no network interface, ignoring"
	ok "export libvirt --dir: virt-xml-validate takes both" \
		valid_network "$dir/nets/vfmgr-ens1f0.xml"
	ok "export libvirt --dir: ... the second too" \
		valid_network "$dir/nets/vfmgr-ens1f1.xml"
	ok "export libvirt --dir: the second is ens1f1's" \
		network "$dir/nets/vfmgr-ens1f1.xml" \
		'[p.get("dev") for p in fwd.findall("pf")] == ["ens1f1"]'
else
	n=$((n + 1))
	echo "ok $n # SKIP no virt-xml-validate (libvirt-clients)"
fi
ok "export libvirt: two managed PFs and no --dir exits 1" \
	fails 1 export libvirt --config "$dir/export.conf"
ok "export libvirt: a PF with no netdev exits 1" \
	fails 1 export libvirt 0000:04:00.0
ok "export libvirt: no such PF exits 1" fails 1 export libvirt eth9
ok "export libvirt: an unreadable config exits 1" \
	fails 1 export libvirt --config "$dir/none.conf" --dir "$dir/nets"

# plugin_reads FILE: FILE holds only the keys the device plugin reads (a
# resource's, its selectors'), as the types it reads them as; a resource
# name of [A-Za-z0-9_]; PCI IDs of 4 lower-case hex digits
plugin_reads()
{
	python3 - "$1" <<'PY'
import json, re, sys
RESOURCE = {"resourceName", "resourcePrefix", "deviceType", "excludeTopology",
            "selectors"}
SELECTORS = {"vendors", "devices", "drivers", "pfNames", "rootDevices",
             "linkTypes", "ddpProfiles", "isRdma", "needVhostNet", "vdpaType",
             "pciAddresses", "acpiIndexes"}
d = json.load(open(sys.argv[1]))
assert set(d) == {"resourceList"}, set(d)
assert isinstance(d["resourceList"], list) and d["resourceList"]
for r in d["resourceList"]:
    assert set(r) <= RESOURCE and "resourceName" in r, set(r)
    assert re.fullmatch("[A-Za-z0-9_]+", r["resourceName"]), r
    sel = r["selectors"]
    assert isinstance(sel, dict) and set(sel) <= SELECTORS, sel
    for k, v in sel.items():
        assert isinstance(v, list) and v, (k, v)
        assert all(isinstance(s, str) for s in v), (k, v)
    for k in ("vendors", "devices"):
        for v in sel[k]:
            assert re.fullmatch("[0-9a-f]{4}", v), (k, v)
PY
}

ok "export k8s exits 0" run k8s.json export k8s --config "$dir/export.conf"
ok "export k8s is JSON" is_json "$dir/k8s.json"
ok "export k8s: only keys the device plugin reads, IDs as 4 hex digits" \
	plugin_reads "$dir/k8s.json"
ok "export k8s: one resource per managed PF with a netdev" \
	py "$dir/k8s.json" \
	'[r["resourceName"] for r in d["resourceList"]] == ["vfmgr_ens1f0", "vfmgr_ens1f1"]'
ok "export k8s: the VFs' IDs and driver (not vfio-pci), the PF" \
	py "$dir/k8s.json" \
	'd["resourceList"][0]["selectors"] == {"vendors": ["8086"],
	  "devices": ["10ca"], "drivers": ["igbvf"], "pfNames": ["ens1f0"]}'
printf '[PF]\nPCIAddress=0000:05:00.0\n' > "$dir/odd.conf"
ok "export k8s: a netdev name with & and ' gives a resource name of _" \
	run odd.json export k8s --config "$dir/odd.conf"
ok "export k8s: ... vfmgr_x_y_z, the netdev as it is" py "$dir/odd.json" \
	'[(r["resourceName"], r["selectors"]["pfNames"]) for r in d["resourceList"]] ==
	 [("vfmgr_x_y_z", ["x&y\x27z"])]'

echo "1..$n"
[ "$failed" = 0 ]
