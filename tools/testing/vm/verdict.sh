#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Turn one VM run into a verdict.
#
# usage: verdict.sh [--unfinished] [--kernel-only] [--card CARD] [--variant TAG] LOG KTAP PF VF XFAIL [RESULTS]
#   CARD     the emulated card of this run: 82576 (default) or 82599
#   LOG      serial console log (kernel messages and test output)
#   KTAP     the test stream (kselftest runner output)
#   PF, VF   the drivers of this run, matched against XFAIL
#   XFAIL    expected-failure file: "PF VF TEST [card=CARD]" lines, '*'
#            matches any driver, an entry without card= any card
#   RESULTS  if given, one "STATUS name" line per result is appended, the
#            name "vm:PF/VF:TEST" ("vm:PF/VF@CARD:TEST" on a card other
#            than the 82576)
#
# A listed test that fails is XFAIL; a listed test that passes is XPASS and
# fails the run, so the list cannot rot.  A skipped test fails the run too:
# in the VM every test has what it needs.  Any oops, WARN, BUG, call trace
# or DMAR fault in LOG fails the run whatever the tests said.
set -uo pipefail

unfinished=0 kernel_only=0 card=82576 variant=
while [ $# -gt 0 ]; do
	case "$1" in
	--unfinished) unfinished=1 ;;
	--kernel-only) kernel_only=1 ;;
	--card) card=$2; shift ;;
	--variant) variant=$2; shift ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 5 ] || { echo "usage: verdict.sh [--unfinished] [--kernel-only] [--card CARD] [--variant TAG] LOG KTAP PF VF XFAIL [RESULTS]" >&2; exit 2; }
log=$1 ktap=$2 pf=$3 vf=$4 xfail=$5 results=${6:-/dev/null}
mode=$pf/$vf
# The 82576's results keep the names they had before there was a choice
[ "$card" = 82576 ] || mode+=@$card
# A run with other hardware plugged in (vmtest.sh --sfp) names it
[ -z "$variant" ] || mode+=+$variant

expected_to_fail() {
	local t=$1 xp xv xt xq rest
	while read -r xp xv xt xq rest; do
		case "$xp" in ''|'#'*) continue ;; esac
		[ "$xp" = '*' ] || [ "$xp" = "$pf" ] || continue
		[ "$xv" = '*' ] || [ "$xv" = "$vf" ] || continue
		case "$xq" in
		card=*) [ "${xq#card=}" = "$card" ] || continue ;;
		esac
		[ "$xt" = "$t" ] && return 0
	done < "$xfail"
	return 1
}

pass=0 fail=0 xfailed=0
record() {	# STATUS NAME [WHY]
	local status=$1 name=$2 why=${3:-}
	printf '%s %s\n' "$status" "vm:$mode:$name" >> "$results"
	printf 'vmtest: %-5s %s%s\n' "$status" "$name" "${why:+ ($why)}"
	case "$status" in
	PASS) pass=$((pass + 1)) ;;
	XFAIL) xfailed=$((xfailed + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
}

if [ "$kernel_only" = 0 ]; then
	planned=$(grep -m1 -Eo '^1\.\.[0-9]+' "$ktap" | cut -d. -f3)
	seen=0
	while IFS= read -r line; do
		line=${line%$'\r'}	# the serial port ends lines with CR LF
		[[ "$line" =~ ^(not\ )?ok\ [0-9]+\ selftests:\ [^:]+:\ ([^ ]+)(\ \#\ (.*))?$ ]] || continue
		seen=$((seen + 1))
		name=${BASH_REMATCH[2]} directive=${BASH_REMATCH[4]}
		if [ -n "${BASH_REMATCH[1]}" ]; then
			if expected_to_fail "$name"; then
				record XFAIL "$name" "$directive"
			else
				record FAIL "$name" "$directive"
			fi
		elif [ "${directive%% *}" = SKIP ] && expected_to_fail "$name"; then
			# A test that does not apply to this driver, as listed
			record XFAIL "$name" "$directive"
		elif [ "${directive%% *}" = SKIP ]; then
			record SKIP "$name" "skipped in the VM, where it must run"
		elif expected_to_fail "$name"; then
			record XPASS "$name" "listed in ${xfail##*/} but passed: remove the entry"
		else
			record PASS "$name"
		fi
	done < "$ktap"
	if [ -z "$planned" ]; then
		record FAIL "run" "no test plan in the test stream"
	elif [ "$seen" -lt "$planned" ]; then
		record FAIL "run" "$((planned - seen)) of $planned tests have no result"
	fi
fi

# Kernel messages that fail a run no matter what the tests said.
bad='Oops|WARNING:|BUG:|Call Trace:|Kernel panic|general protection fault|UBSAN:|KASAN:|DMAR: \[DMA|DMAR: DRHD: handling fault|kmemleak: .* new suspected'
if grep -Eq "$bad" "$log"; then
	record FAIL "kernel-log" "oops, WARN, BUG, call trace or DMAR fault in the console log"
	grep -En -m 20 "$bad" "$log" | sed 's/^/  | /'
else
	record PASS "kernel-log"
fi
[ "$unfinished" = 0 ] || record FAIL "vm-finished" "the VM did not reach the end of its run"

echo "vmtest: $mode: $pass passed, $fail failed, $xfailed xfail"
[ "$fail" = 0 ]
