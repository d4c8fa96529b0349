#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build vtnic.ko and vtnicvf.ko with W=1 and sparse (C=1) against each KDIR
# given, each in a copy of the tree under build/kbuild/, and fail on any
# compiler or sparse warning.
#
# usage: build-check.sh KDIR...
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
results=${VTNIC_RESULTS:-/dev/null}
rc=0

command -v sparse >/dev/null || { echo "build-check: sparse is not installed (tools/testing/vm/deps.sh)" >&2; exit 1; }
for kdir in "$@"; do
	name=$(basename "$kdir")
	name=${name#linux-headers-}
	out=$top/build/kbuild/$name
	rm -rf "$out"
	mkdir -p "$out"
	cp -r "$top/Kbuild" "$top/driver" "$out/"
	log=$out/build.log
	if ! make -C "$kdir" M="$out" CONFIG_VTNIC_LIB=m CONFIG_VTNIC=m CONFIG_VTNICVF=m W=1 C=1 modules > "$log" 2>&1; then
		status=FAIL why="build failed"
	elif grep -Eq 'warning:|error:' "$log"; then
		status=FAIL why="warnings"
	elif [ ! -f "$out/driver/pf/vtnic.ko" ] || [ ! -f "$out/driver/vf/vtnicvf.ko" ] ||
	     [ ! -f "$out/driver/common/vtnic_lib.ko" ]; then
		status=FAIL why="modules missing"
	else
		status=PASS why=
	fi
	echo "build-check: $status $name (W=1, sparse)${why:+: $why}"
	[ "$status" = PASS ] || { grep -E 'warning:|error:' "$log" | head -n 30 | sed 's/^/  | /'; rc=1; }
	echo "$status build:$name" >> "$results"
done
exit $rc
