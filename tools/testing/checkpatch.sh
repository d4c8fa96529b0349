#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.pl --strict over every kernel source file: the drivers and the
# harness module; and over the userspace code written to the same style,
# the 82576 register model and the fuzz target (the unit tests and their
# shims are not).  libFuzzer names its entry points in CamelCase, so the
# fuzz target alone is checked without CAMELCASE.  checkpatch.pl and its
# data files come from Debian's linux-source-6.12 (tools/testing/ksrc.sh)
# and are never committed.
#
# The scripts no VM runs, tools/testing/hw/ for real cards, go through
# bash -n and shellcheck instead: nothing else would notice them break.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
results=${VTNIC_RESULTS:-/dev/null}

"$top/tools/testing/ksrc.sh" "$top/build/ksrc" || exit 1
cd "$top" || exit 1
checkpatch() {
	perl build/ksrc/scripts/checkpatch.pl --strict --no-tree --terse \
		--show-types "$@" 2>&1
}
mapfile -t files < <(git ls-files -co --exclude-standard -- 'driver/*.[ch]' \
	'tools/testing/vm/harness/*.c' 'tools/testing/model/model_*.[ch]')
mapfile -t fuzz < <(git ls-files -co --exclude-standard -- 'tools/testing/fuzz/*.[ch]')
# Userspace C keeps kernel style, less what only exists in the kernel:
# its types (u32), strscpy, __printf and ARRAY_SIZE; C99's PRIx32 names
# are not CamelCase, and a mapped BAR is volatile memory.
mapfile -t ufiles < <(git ls-files -co --exclude-standard -- 'vfmgr/*.[ch]' 'tools/testing/vfattack/*.c' \
	'tools/testing/vfiogroup/*.c' 'tools/testing/failnth/*.c')
out=$(checkpatch -f "${files[@]}"; checkpatch --ignore CAMELCASE -f "${fuzz[@]}"
      checkpatch --ignore PREFER_KERNEL_TYPES,STRCPY,PREFER_DEFINED_ATTRIBUTE_MACRO,ARRAY_SIZE,EMBEDDED_FUNCTION_NAME,CAMELCASE,VOLATILE \
	-f "${ufiles[@]}")
n=$(( ${#files[@]} + ${#fuzz[@]} + ${#ufiles[@]} ))
if [ -n "$out" ]; then
	echo "$out"
	echo "checkpatch: FAIL ($n files)"
	echo "FAIL checkpatch" >> "$results"
	exit 1
fi
echo "checkpatch: PASS ($n files, --strict)"
echo "PASS checkpatch" >> "$results"

mapfile -t sh < <(git ls-files -co --exclude-standard -- 'tools/testing/hw/*.sh')
out=$(for f in "${sh[@]}"; do bash -n "$f" 2>&1; done; shellcheck "${sh[@]}" 2>&1)
if [ -n "$out" ]; then
	echo "$out"
	echo "shellcheck: FAIL (${#sh[@]} scripts of tools/testing/hw)"
	echo "FAIL shellcheck:hw" >> "$results"
	exit 1
fi
echo "shellcheck: PASS (${#sh[@]} scripts of tools/testing/hw, and bash -n)"
echo "PASS shellcheck:hw" >> "$results"
