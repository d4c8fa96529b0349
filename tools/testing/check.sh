#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make check": everything CI runs, in order, each part recorded as
# "STATUS name" lines in build/check/results.txt; ends with the line
# "N passed, N failed".  Expected failures (XFAIL) are counted apart and
# listed.  Exits non-zero when anything failed.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export VTNIC_RESULTS=$top/build/check/results.txt
mkdir -p build/check
: > "$VTNIC_RESULTS"
start=$(date +%s)

step() { echo; echo "=== $* ($(( $(date +%s) - start ))s)"; }

step "dependencies"
if ! tools/testing/vm/deps.sh; then
	echo "FAIL deps" >> "$VTNIC_RESULTS"
	echo "0 passed, 1 failed"
	exit 1
fi
export VTNIC_SKIP_DEPS=1

step "builds: W=1 and sparse against Debian 6.1 and 6.12 headers"
make -s build-check

# dkms add, build and install in a private DKMS tree: nothing stays
# installed.  Its lines are "PASS dkms:6.1", "PASS dkms:6.12" and
# "PASS dkms:exclusive".
step "DKMS: add, build and install against Debian 6.1 and 6.12 headers"
make -s dkms-check

step "checkpatch --strict"
make -s checkpatch

step "unit tests (driver/common against shims, cmocka)"
if make -s -C tools/testing/unit all; then
	for t in build/unit/*_test; do
		out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1)
		rc=$?
		echo "$out"
		n=$(basename "$t")
		echo "$out" | sed -n "s/^ok [0-9]* - \(.*\)/PASS unit:$n:\1/p; s/^not ok [0-9]* - \(.*\)/FAIL unit:$n:\1/p" >> "$VTNIC_RESULTS"
		if [ "$rc" != 0 ] && ! grep -q "^FAIL unit:$n:" "$VTNIC_RESULTS"; then
			echo "FAIL unit:$n (exit $rc)" >> "$VTNIC_RESULTS"
		fi
	done
else
	echo "FAIL unit:build" >> "$VTNIC_RESULTS"
fi

# The unit tests against a fixed sample of mutants (Documentation/testing.rst,
# "Mutation testing"): a survivor not listed as equivalent fails the step
step "mutation testing: a fixed sample over vtnic_iov.c and vtnic_mbx_pf.c"
mkdir -p build/mutate
if make -s mutate-check > build/mutate/check.log 2>&1; then
	grep -E '^(killed|kill rate)' build/mutate/check.log
	echo "PASS mutate-check" >> "$VTNIC_RESULTS"
else
	grep -E '^(killed|kill rate|mutate: )' build/mutate/check.log ||
		tail -n 40 build/mutate/check.log
	sed -n '/^survivors/,/^$/p' build/mutate/check/report.txt 2>/dev/null
	echo "FAIL mutate-check (see build/mutate/check.log)" >> "$VTNIC_RESULTS"
fi

# A crash leaves its reproducer in build/fuzz/crashes/ and fails the step
step "fuzz: the VF mailbox handler, ${VTNIC_FUZZ_TIME:-60} s from the seed corpus"
mkdir -p build/fuzz
if make -s -C tools/testing/fuzz check CHECK_TIME="${VTNIC_FUZZ_TIME:-60}" \
	> build/fuzz/check.log 2>&1; then
	grep -E '^#[0-9]+[[:space:]]+DONE' build/fuzz/check.log
	echo "PASS fuzz:mbx" >> "$VTNIC_RESULTS"
else
	grep -E '^mbx_fuzz: |runtime error:|ERROR: (AddressSanitizer|libFuzzer)' \
		build/fuzz/check.log || tail -n 40 build/fuzz/check.log
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' build/fuzz/check.log | tail -n 1)
	if [ -n "$crash" ]; then
		echo "fuzz: reproduce with: MBX_FUZZ_TRACE=1 build/fuzz/mbx_fuzz $crash"
		echo "FAIL fuzz:mbx (reproducer $crash)" >> "$VTNIC_RESULTS"
	else
		echo "FAIL fuzz:mbx (see build/fuzz/check.log)" >> "$VTNIC_RESULTS"
	fi
fi

step "harness self-test (verdict rules on recorded logs)"
tools/testing/vm/verdict_test.sh

# Reference mode first: the tests must pass on in-tree igb/igbvf, then on
# vtnic with the same stock igbvf.  The vtnicvf runs check the VF driver
# on both PFs, so they run only the VF tests: the PF tests already ran.
vf_tests=$(sed -n 's/^\t\(\(vf_\|sriov_\)[a-z0-9_]*\.sh\).*/\1/p' \
	tools/testing/selftests/drivers/net/vtnic/Makefile | paste -sd, -)
for mode in igb:igbvf vtnic:igbvf igb:vtnicvf vtnic:vtnicvf; do
	step "VM selftests: port A ${mode%%:*}, VF driver ${mode#*:}"
	only=()
	[ "${mode#*:}" = vtnicvf ] && only=(--tests "$vf_tests")
	tools/testing/vm/vmtest.sh --pf "${mode%%:*}" --vf "${mode#*:}" \
		"${only[@]}" --results "$VTNIC_RESULTS"
done

# The 82599: in-tree ixgbe with stock ixgbevf VFs on our i82599 model
# (reference mode), every test in one run.  The first run on a machine
# builds QEMU with the model (cached outside the clone).
step "VM selftests: 82599 model, port A ixgbe, VF driver ixgbevf"
tools/testing/vm/vmtest.sh --card 82599 --pf ixgbe --vf ixgbevf \
	--results "$VTNIC_RESULTS"

# vtnic on the 82599 model with stock ixgbevf VFs, every test, port B on
# in-tree ixgbe
step "VM selftests: 82599 model, port A vtnic, VF driver ixgbevf"
tools/testing/vm/vmtest.sh --card 82599 --pf vtnic --vf ixgbevf \
	--timeout 1500 --results "$VTNIC_RESULTS"

# Other SFP+ modules in the cages: optics, a module no 10 Gb/s link can
# use, an empty cage (the in-tree ixgbe refuses these ports; vtnic drives
# them and keeps them down).  A short VM each: one test.
for sfp in sr,unsupported none,lr; do
	step "VM selftests: 82599 model, vtnic, SFP+ modules $sfp"
	tools/testing/vm/vmtest.sh --card 82599 --pf vtnic --vf ixgbevf \
		--sfp "$sfp" --tests sfp_module.sh --results "$VTNIC_RESULTS"
done

step "summary"
tools/testing/vm/vf-matrix.sh "$VTNIC_RESULTS"
echo
exec tools/testing/vm/summary.sh "$VTNIC_RESULTS" "make check" "$start"
