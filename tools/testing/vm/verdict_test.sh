#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of the VM verdict rules (verdict.sh) on recorded logs: a failed
# test, a kernel WARN, a DMAR fault, a skip, a missing result and an XPASS
# must each fail a run; an expected failure must not, and one keyed on a
# card (card=82599) holds on that card only.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
results=${VTNIC_RESULTS:-/dev/null}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/xfail" <<'XF'
# comment
vtnic * listed.sh  # not built yet
vtnic * card.sh card=82599  # not built on the 82599 yet
XF
clean_log="[    1.0] igb 0000:01:00.0: eth0: (PCIe:2.5Gb/s:Width x1)"

ktap() {	# RESULT-LINE...
	echo "TAP version 13"
	echo "1..$#"
	local n=1 l
	for l in "$@"; do
		echo "# selftests: drivers/net/vtnic: x"
		echo "${l/N/$n}"
		n=$((n + 1))
	done
}

fails=0
card=()		# verdict.sh's --card for the next expect, if any
expect() {	# NAME WANT-EXIT LOG KTAP-LINES...
	local name=$1 want=$2 log=$3 got
	shift 3
	printf '%s\n' "$log" > "$tmp/log"
	ktap "$@" > "$tmp/ktap"
	"$here/verdict.sh" "${card[@]}" "$tmp/log" "$tmp/ktap" vtnic vtnicvf "$tmp/xfail" \
		"$tmp/res" > "$tmp/out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then
		echo "verdict_test: PASS $name"
		echo "PASS harness:$name" >> "$results"
	else
		echo "verdict_test: FAIL $name (exit $got, want $want)"
		sed 's/^/  | /' "$tmp/out"
		echo "FAIL harness:$name" >> "$results"
		fails=$((fails + 1))
	fi
}

ok='ok N selftests: drivers/net/vtnic: a.sh'
expect "all-pass-is-green" 0 "$clean_log" "$ok"
expect "failed-test-fails-run" 1 "$clean_log" "$ok" 'not ok N selftests: drivers/net/vtnic: b.sh # exit=1'
expect "timeout-fails-run" 1 "$clean_log" 'not ok N selftests: drivers/net/vtnic: b.sh # TIMEOUT 120 seconds'
expect "listed-failure-is-xfail" 0 "$clean_log" "$ok" 'not ok N selftests: drivers/net/vtnic: listed.sh # exit=1'
expect "listed-pass-is-xpass-and-fails" 1 "$clean_log" "$ok" 'ok N selftests: drivers/net/vtnic: listed.sh'
expect "xpass-on-serial-crlf-fails" 1 "$clean_log" $'ok N selftests: drivers/net/vtnic: listed.sh\r'
expect "skip-fails-run" 1 "$clean_log" 'ok N selftests: drivers/net/vtnic: a.sh # SKIP'
expect "warn-fails-passing-run" 1 "[   5.1] WARNING: CPU: 1 PID: 77 at drivers/net/x.c:10 f+0x1/0x2" "$ok"
expect "oops-fails-passing-run" 1 "[   5.1] Oops: general protection fault, probably for non-canonical address" "$ok"
expect "call-trace-fails-passing-run" 1 "[   5.2] Call Trace:" "$ok"
expect "dmar-fault-fails-passing-run" 1 "[   6.0] DMAR: [DMA Read NO_PASID] Request device [01:00.0] fault addr 0x1000 [fault reason 0x06] PTE Read access is not set" "$ok"
card_fail='not ok N selftests: drivers/net/vtnic: card.sh # exit=1'
expect "card-entry-is-not-xfail-on-82576" 1 "$clean_log" "$ok" "$card_fail"
card=(--card 82576)
expect "card-entry-is-not-xfail-on-named-82576" 1 "$clean_log" "$ok" "$card_fail"
card=(--card 82599)
expect "card-entry-is-xfail-on-its-card" 0 "$clean_log" "$ok" "$card_fail"
expect "card-entry-pass-is-xpass-on-its-card" 1 "$clean_log" "$ok" 'ok N selftests: drivers/net/vtnic: card.sh'
expect "entry-without-card-holds-on-82599" 0 "$clean_log" "$ok" 'not ok N selftests: drivers/net/vtnic: listed.sh # exit=1'
# An 82599 run's results are named apart from the 82576's
: > "$tmp/res"
expect "82599-results-named-by-card" 0 "$clean_log" "$ok" "$card_fail"
card=()
if grep -qx 'XFAIL vm:vtnic/vtnicvf@82599:card.sh' "$tmp/res" &&
   grep -qx 'PASS vm:vtnic/vtnicvf@82599:a.sh' "$tmp/res"; then
	echo "verdict_test: PASS 82599-result-names"
	echo "PASS harness:82599-result-names" >> "$results"
else
	echo "verdict_test: FAIL 82599-result-names"
	sed 's/^/  | /' "$tmp/res"
	echo "FAIL harness:82599-result-names" >> "$results"
	fails=$((fails + 1))
fi
printf 'TAP version 13\n1..3\n%s\n' "ok 1 selftests: drivers/net/vtnic: a.sh" > "$tmp/ktap"
printf '%s\n' "$clean_log" > "$tmp/log"
if "$here/verdict.sh" "$tmp/log" "$tmp/ktap" vtnic vtnicvf "$tmp/xfail" > "$tmp/out"; then
	echo "verdict_test: FAIL missing-results-fail-run"
	echo "FAIL harness:missing-results-fail-run" >> "$results"
	fails=$((fails + 1))
else
	echo "verdict_test: PASS missing-results-fail-run"
	echo "PASS harness:missing-results-fail-run" >> "$results"
fi

# The 2x2 matrix of VF-generic tests (vf-matrix.sh) on a synthetic run:
# only PASS counts, a missing result counts as not passed, a vtnic-only
# test only in the vtnic row, a serial CR is ignored, a mode with no line
# is "not run".
mkdir -p "$tmp/st"
printf 'TEST_PROGS := \\\n\ta.sh \\\n\tsriov_x.sh \\\n\tvf_a.sh \\\n\tvf_b.sh \\\n\tvf_only.sh \\\n# end of TEST_PROGS\n' > "$tmp/st/Makefile"
printf '#!/bin/bash\n# vtnic-only\n' > "$tmp/st/vf_only.sh"
cat > "$tmp/results" <<'RES'
PASS unit:x_test:y
PASS vm:igb/igbvf:a.sh
PASS vm:igb/igbvf:sriov_x.sh
PASS vm:igb/igbvf:vf_b.sh
PASS vm:igb/igbvf:kernel-log
PASS vm:igb/vtnicvf:sriov_x.sh
XFAIL vm:igb/vtnicvf:vf_a.sh
PASS vm:vtnic/vtnicvf:vf_only.sh
FAIL vm:vtnic/vtnicvf:vf_a.sh
XPASS vm:vtnic/vtnicvf:vf_b.sh
SKIP vm:vtnic/vtnicvf:sriov_x.sh
RES
printf 'PASS vm:igb/igbvf:vf_a.sh\r\n' >> "$tmp/results"
cat > "$tmp/want" <<'WANT'
VF-generic tests   igbvf     vtnicvf
igb                3/3       1/3
vtnic              not run   1/4
WANT
if "$here/vf-matrix.sh" "$tmp/results" "$tmp/st" > "$tmp/out" 2>&1 &&
   diff -u "$tmp/want" "$tmp/out" > "$tmp/diff"; then
	echo "verdict_test: PASS vf-matrix-counts"
	echo "PASS harness:vf-matrix-counts" >> "$results"
else
	echo "verdict_test: FAIL vf-matrix-counts"
	sed 's/^/  | /' "$tmp/out" "$tmp/diff"
	echo "FAIL harness:vf-matrix-counts" >> "$results"
	fails=$((fails + 1))
fi
[ "$fails" = 0 ]
