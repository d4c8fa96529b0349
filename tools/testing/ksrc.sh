#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Extract from Debian's linux-source-6.12 the few kernel files the tree
# uses at build and test time (checkpatch.pl and its data, the kselftest
# runner and helpers) into DEST, once.  Nothing of it is committed.
#
# usage: ksrc.sh DEST
set -euo pipefail

dest=${1:?usage: ksrc.sh DEST}
tarball=$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -n 1)
files=(
	scripts/checkpatch.pl
	scripts/spelling.txt
	scripts/const_structs.checkpatch
	tools/testing/selftests/run_kselftest.sh
	tools/testing/selftests/kselftest/runner.sh
	tools/testing/selftests/kselftest/ktap_helpers.sh
	tools/testing/selftests/kselftest/prefix.pl
	tools/testing/selftests/net/lib.sh
)

[ -f "$dest/.stamp" ] && [ "$dest/.stamp" -nt "$tarball" ] && exit 0
[ -n "$tarball" ] || { echo "ksrc: /usr/src/linux-source-6.12.tar.* missing: install linux-source-6.12 from bookworm-backports (tools/testing/vm/deps.sh)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xf "$tarball" -C "$tmp" "${files[@]/#/linux-source-6.12/}"
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$tmp/linux-source-6.12" "$dest"
touch "$dest/.stamp"
