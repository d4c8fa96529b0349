#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vfmgrd.service as systemd reads it, without running it (this machine's
# PID 1 is not systemd): systemd-analyze verify says nothing about it, not
# even a warning (an unknown key or a misspelt value is only a warning);
# its exposure score from "systemd-analyze security" stays at or under
# what the sandbox scored when it was written; it is Type=notify; and the
# man pages it names are in the tree.  TAP output.
#
# usage: vfmgrd_unit_test [UNIT [VFMGRD]]
#        (default: vfmgr/vfmgrd.service and build/vfmgr/vfmgrd)

# systemd 254's score of vfmgrd.service, times ten (--threshold's unit),
# when the sandbox went in.  Lower it when the sandbox tightens; raising
# it needs a reason in the unit's comments.
MAX_EXPOSURE=30

here=$(dirname "$0")
top=$here/../..
[ -f "$top/vfmgr/vfmgrd.service" ] || top=$here/../../..
unit=${1:-$top/vfmgr/vfmgrd.service}
vfmgrd=$(realpath "${2:-$here/../vfmgr/vfmgrd}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0 failed=0

result() # OK NAME [DETAIL FILE]
{
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -n "$3" ] && sed 's/^/# /' "$3"
		failed=$((failed + 1))
	fi
}

echo "TAP version 13"
echo "1..4"

if ! command -v systemd-analyze >/dev/null; then
	for t in "verify" "exposure" "Type=notify" "man pages"; do
		n=$((n + 1))
		echo "ok $n - $t # SKIP no systemd-analyze (tools/testing/vm/deps.sh)"
	done
	exit 0
fi

# The unit as installed, but running the vfmgrd just built: verify checks
# that ExecStart= is executable.  The man pages are checked in the tree.
sed "s|/usr/sbin/vfmgrd|$vfmgrd|g" "$unit" > "$dir/vfmgrd.service"

systemd-analyze verify --man=no --generators=no "$dir/vfmgrd.service" \
	> "$dir/verify" 2>&1
rc=$?
[ "$rc" = 0 ] && [ ! -s "$dir/verify" ]
result $? "systemd-analyze verify: no error, no warning" "$dir/verify"

systemd-analyze security --offline=true --threshold="$MAX_EXPOSURE" \
	"$dir/vfmgrd.service" > "$dir/security" 2>&1
rc=$?
score=$(sed -n 's/.*Overall exposure level for vfmgrd.service: \([0-9.]*\).*/\1/p' \
	"$dir/security")
echo "# exposure $score (at most $MAX_EXPOSURE/10)"
if [ "$rc" != 0 ] || [ -z "$score" ]; then
	grep -e '^✗' -e 'Overall' "$dir/security" > "$dir/exposed"
	result 1 "systemd-analyze security: exposure at most $MAX_EXPOSURE/10" \
		"$dir/exposed"
else
	result 0 "systemd-analyze security: exposure at most $MAX_EXPOSURE/10"
fi

grep -qx 'Type=notify' "$unit"
result $? "Type=notify: vfmgrd sends READY=1"

: > "$dir/man"
read -ra pages < <(sed -n 's/^Documentation=//p' "$unit")
for page in "${pages[@]}"; do
	case $page in
	man:*)	name=${page#man:}
		file=$top/vfmgr/man/${name%(*}.${name#*(}
		file=${file%)}
		[ -f "$file" ] || echo "$page: no $file" >> "$dir/man";;
	esac
done
[ ! -s "$dir/man" ]
result $? "Documentation= names man pages that are in vfmgr/man" "$dir/man"

[ "$failed" = 0 ]
