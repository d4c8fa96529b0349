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
       vfmgr help"

echo "TAP version 13"
echo "1..10"

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

[ "$failed" = 0 ]
