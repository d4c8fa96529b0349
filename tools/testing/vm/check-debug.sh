#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make check-debug": the SR-IOV, fault and hostile-VF selftests on the
# debug kernel (tools/testing/vm/debug-kernel.sh: KASAN, lockdep,
# kmemleak, DEBUG_ATOMIC_SLEEP, DMA-API debugging, fault injection), with
# vtnic on port A of both cards.  A run fails on any test failure and on
# any KASAN, lockdep, kmemleak, DMA-API or other kernel report in its log
# (verdict.sh).  Results go to build/check-debug/results.txt; the last
# line is "N passed, N failed".
#
# DEBUG_TESTS=a.sh,b.sh replaces the list of tests; DEBUG_TESTS=all runs
# every test.  Not part of "make check": see Documentation/testing.rst for
# what it costs.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
results=$top/build/check-debug/results.txt
mkdir -p "$(dirname "$results")"
: > "$results"
start=$(date +%s)

tests=${DEBUG_TESTS:-pf_fault_inject.sh,sriov_numvfs.sh,sriov_max_vfs.sh,ethtool_resize.sh,pf_module_reload.sh,vf_ping.sh,vf_reset.sh,vf_flr_pf_down.sh,vf_pf_reload.sh,vf_pf_reload_kept.sh,vf_hostile.sh,vf_quarantine.sh}
only=(--tests "$tests")
[ "$tests" != all ] || only=()

tools/testing/vm/deps.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "=== the debug kernel"
if ! tools/testing/vm/debug-kernel.sh; then
	echo "FAIL debug-kernel:build" >> "$results"
	echo "0 passed, 1 failed"
	exit 1
fi
export VTNIC_SKIP_DEPS=1

for run in 82576:vtnic:igbvf 82576:vtnic:vtnicvf 82599:vtnic:ixgbevf; do
	IFS=: read -r card pf vf <<< "$run"
	echo
	echo "=== debug kernel: $card, port A $pf, VF driver $vf ($(( $(date +%s) - start ))s)"
	tools/testing/vm/vmtest.sh --debug-kernel --card "$card" --pf "$pf" \
		--vf "$vf" "${only[@]}" --results "$results"
done

echo
exec tools/testing/vm/summary.sh "$results" "make check-debug" "$start"
