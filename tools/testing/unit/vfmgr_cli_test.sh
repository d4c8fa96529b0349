#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "vfmgr check FILE" as an admin runs it: exit 0 and a summary for a good
# file, a warning ending in ", ignoring" that does not fail it, exit 1 with
# FILE:LINE: reason for a bad one, exit 2 for a usage error; and the usage
# errors of "vfmgr list" and "vfmgr show" (their output needs SR-IOV
# devices: tools/testing/selftests/drivers/net/vtnic/vfmgr_list.sh).  TAP
# output.
#
# usage: vfmgr_cli_test [VFMGR_BINARY]  (default: build/vfmgr/vfmgr beside it)

vfmgr=${1:-$(dirname "$0")/../vfmgr/vfmgr}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0 failed=0

check() # NAME EXPECTED_RC EXPECTED_STDOUT EXPECTED_STDERR -- ARGS...
{
	local name=$1 rc=$2 out=$3 err=$4 got_rc got_out got_err
	shift 5
	got_out=$("$vfmgr" "$@" 2> "$dir/err")
	got_rc=$?
	got_err=$(cat "$dir/err")
	n=$((n + 1))
	if [ "$got_rc" = "$rc" ] && [ "$got_out" = "$out" ] &&
	   [ "$got_err" = "$err" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		echo "# rc $got_rc (want $rc)"
		echo "# stdout: $got_out"
		echo "# stderr: $got_err"
		failed=$((failed + 1))
	fi
}

usage="usage: vfmgr check [file]
       vfmgr list [--json]
       vfmgr show VF [--json]
       vfmgr export libvirt [--vfs] [--config file] [--dir dir | PF]
       vfmgr export k8s [--config file]
       vfmgr alloc --pf PF --to netns:NAME|vm:NAME [--profile NAME]
                   [--vf N] [--name IFNAME]
       vfmgr release VF|netns:NAME|vm:NAME
       vfmgr status [--json]
       vfmgr reload
       vfmgr help"

echo "TAP version 13"
echo "1..22"

cat > "$dir/good.conf" <<'CONF'
[PF]
Driver=vtnic
NumVFs=2

[Profile web]
VLANId=100
CONF
check "check: a good file" 0 "$dir/good.conf: 1 PF section, 1 profile" "" \
	-- check "$dir/good.conf"

printf '[PF]\nDriver=igb\nNumVF=2\n' > "$dir/warn.conf"
check "check: an unknown key warns and passes" 0 \
	"$dir/warn.conf: 1 PF section, 0 profiles" \
	"$dir/warn.conf:3: unknown key NumVF in [PF], ignoring" \
	-- check "$dir/warn.conf"

printf '[PF]\nDriver=igb\n[Profile a]\nVLANId=4096\n' > "$dir/bad.conf"
check "check: an invalid value rejects the file" 1 "" \
	"$dir/bad.conf:4: invalid VLANId=4096: not in 1..4095" \
	-- check "$dir/bad.conf"

printf '[PF]\nDriver=igb\n[SR-IOV]\nVirtualFunction=1\nTrust=yes\n' > "$dir/sriov.conf"
check "check: a [SR-IOV] section is counted" 0 \
	"$dir/sriov.conf: 1 PF section, 1 [SR-IOV] section, 0 profiles" "" \
	-- check "$dir/sriov.conf"

printf '[PF]\nDriver=igb\n[SR-IOV]\nTrust=yes\n' > "$dir/nosriovvf.conf"
check "check: [SR-IOV] without VirtualFunction= rejects the file" 1 "" \
	"$dir/nosriovvf.conf:3: [SR-IOV] without VirtualFunction=" \
	-- check "$dir/nosriovvf.conf"

# vfmgrd -n: the same parser, the daemon's words around it
vfmgrd=$(dirname "$vfmgr")/vfmgrd
got=$("$vfmgrd" -n -c "$dir/nosriovvf.conf" 2>&1)
rc=$?
n=$((n + 1))
if [ "$rc" = 1 ] &&
   [[ "$got" == *"vfmgrd: $dir/nosriovvf.conf:3: [SR-IOV] without VirtualFunction="* ]]; then
	echo "ok $n - vfmgrd -n: [SR-IOV] without VirtualFunction= exits 1 with FILE:LINE"
else
	echo "not ok $n - vfmgrd -n: [SR-IOV] without VirtualFunction= exits 1 with FILE:LINE"
	echo "# rc $rc: $got"
	failed=$((failed + 1))
fi

check "check: a missing file" 1 "" \
	"$dir/none.conf: cannot read: No such file or directory" \
	-- check "$dir/none.conf"

check "keywords match exactly, not by prefix" 2 "" \
	"vfmgr: unknown command \"chec\"
$usage" -- chec "$dir/good.conf"

check "check takes one file" 2 "" "$usage" -- check a b

check "list takes only --json" 2 "" "$usage" -- list --jsonx

check "show needs a VF" 2 "" "$usage" -- show --json

check "show takes one VF" 2 "" "$usage" -- show 0000:01:10.0 0000:01:10.2

check "show: a VF is a PCI address or PF:N" 2 "" \
	"vfmgr: \"eth0\" is not a VF: give its PCI address or PF:N" -- show eth0

check "export needs a format" 2 "" "$usage" -- export

check "export: formats match exactly" 2 "" "$usage" -- export libvir

check "export k8s takes no PF" 2 "" "$usage" -- export k8s eth0

check "export libvirt: --dir or a PF, not both" 2 "" "$usage" \
	-- export libvirt --dir /tmp eth0

check "alloc needs --pf and --to" 2 "" \
	"vfmgr: alloc needs --pf PF and --to netns:NAME|vm:NAME" -- alloc --pf eth0

check "alloc: --vf takes a number" 2 "" \
	"vfmgr: --vf takes a VF number, not \"one\"" -- alloc --vf one

check "alloc: an option is matched exactly" 2 "" \
	"vfmgr: alloc: unknown option \"--p\"" -- alloc --p eth0

VFMGR_SOCKET=$dir/nothing.sock check "status without vfmgrd" 1 "" \
	"vfmgr: cannot reach vfmgrd at $dir/nothing.sock: No such file or directory" \
	-- status

# The usage names the commands vfmgr.8's SYNOPSIS names, no more, no less
man8=$(dirname "$0")/../../vfmgr/man/vfmgr.8
[ -f "$man8" ] || man8=$(dirname "$0")/../../../vfmgr/man/vfmgr.8
in_usage=$(printf '%s\n' "$usage" | awk '$1 == "usage:" { print $3 } $1 == "vfmgr" { print $2 }' | sort)
in_man=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$man8" | awk '$1 == ".Cm" { print $2 }' | sort)
n=$((n + 1))
if [ -n "$in_man" ] && [ "$in_usage" = "$in_man" ]; then
	echo "ok $n - the usage and vfmgr.8's SYNOPSIS name the same commands"
else
	echo "not ok $n - the usage and vfmgr.8's SYNOPSIS name the same commands"
	echo "# usage: $(echo $in_usage)"
	echo "# vfmgr.8: $(echo $in_man)"
	failed=$((failed + 1))
fi

[ "$failed" = 0 ]
