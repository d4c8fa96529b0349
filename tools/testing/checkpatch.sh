#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.pl --strict over every kernel source file: the drivers and the
# harness module (the userspace unit tests and their shims are not kernel
# code).  checkpatch.pl and its data files come from Debian's
# linux-source-6.12 (tools/testing/ksrc.sh) and are never committed.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
results=${VTNIC_RESULTS:-/dev/null}

"$top/tools/testing/ksrc.sh" "$top/build/ksrc" || exit 1
cd "$top" || exit 1
mapfile -t files < <(git ls-files -co --exclude-standard -- 'driver/*.[ch]' 'tools/testing/vm/harness/*.c')
out=$(perl build/ksrc/scripts/checkpatch.pl --strict --no-tree --terse --show-types -f "${files[@]}" 2>&1)
# Userspace C keeps kernel style, less what only exists in the kernel:
# its types (u32), strscpy, __printf and ARRAY_SIZE; C99's PRIx32 names
# are not CamelCase, and a mapped BAR is volatile memory.
mapfile -t ufiles < <(git ls-files -co --exclude-standard -- 'vfmgr/*.[ch]' 'tools/testing/vfattack/*.c')
if [ "${#ufiles[@]}" -gt 0 ]; then
	out+=$(perl build/ksrc/scripts/checkpatch.pl --strict --no-tree --terse --show-types \
		--ignore PREFER_KERNEL_TYPES,STRCPY,PREFER_DEFINED_ATTRIBUTE_MACRO,ARRAY_SIZE,EMBEDDED_FUNCTION_NAME,CAMELCASE,VOLATILE \
		-f "${ufiles[@]}" 2>&1)
	files+=("${ufiles[@]}")
fi
if [ -n "$out" ]; then
	echo "$out"
	echo "checkpatch: FAIL (${#files[@]} files)"
	echo "FAIL checkpatch" >> "$results"
	exit 1
fi
echo "checkpatch: PASS (${#files[@]} files, --strict)"
echo "PASS checkpatch" >> "$results"
