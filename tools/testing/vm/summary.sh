#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# summary.sh RESULTS WHAT START: the end of "make check" and of "make
# check-debug".  Lists the expected failures (XFAIL) and the failures in
# RESULTS ("STATUS name" lines), says how long WHAT took since START
# (seconds since the epoch) and ends with the line "N passed, N failed".
# Exits non-zero when anything failed.
set -uo pipefail

results=$1 what=$2 start=$3

xfails=$(grep -c '^XFAIL ' "$results")
if [ "$xfails" -gt 0 ]; then
	echo "Expected failures ($xfails, tools/testing/vm/expected-failures.txt):"
	sed -n 's/^XFAIL /  /p' "$results"
fi
failed=$(grep -Ev '^(PASS|XFAIL) ' "$results" | grep -c .)
if [ "$failed" -gt 0 ]; then
	echo "Failed:"
	grep -Ev '^(PASS|XFAIL) ' "$results" | sed 's/^/  /'
fi
passed=$(grep -c '^PASS ' "$results")
echo "$what took $(( $(date +%s) - start ))s; $xfails xfail"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
