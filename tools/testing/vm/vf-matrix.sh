#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The 2x2 matrix of the VF-generic selftests (vf_*.sh and sriov_*.sh):
# for each PF driver on port A (rows) and VF driver (columns), how many of
# them passed, from the "STATUS vm:PF/VF:TEST" lines that verdict.sh
# writes into a results file.  Only PASS counts as passed; XFAIL, FAIL,
# XPASS, SKIP and a test with no result line at all do not.  A test
# marked "# vtnic-only" counts only in the vtnic row (the VM leaves it out
# when port A has igb).  A mode with no result line is "not run".
#
# usage: vf-matrix.sh RESULTS [SELFTEST-DIR]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
results=${1:?usage: vf-matrix.sh RESULTS [SELFTEST-DIR]}
dir=${2:-$here/../selftests/drivers/net/vtnic}

# "TEST vtnic-only|any" for each VF-generic test, in Makefile order
tests=$("$here/test-progs.sh" "$dir/Makefile" | grep -E '^(vf|sriov)_' |
	while read -r t; do
		if head -n 10 "$dir/$t" 2>/dev/null | grep -qx '# vtnic-only'; then
			echo "$t vtnic-only"
		else
			echo "$t any"
		fi
	done)

printf '%-18s %-9s %s\n' "VF-generic tests" igbvf vtnicvf
for pf in igb vtnic; do
	row=$(printf '%-18s' "$pf")
	for vf in igbvf vtnicvf; do
		# "STATUS TEST" of this mode's VF-generic results
		lines=$(tr -d '\r' < "$results" |
			sed -n "s#^\([A-Z]*\) vm:$pf/$vf:\(\(vf\|sriov\)_[a-z0-9_]*\.sh\)\$#\1 \2#p")
		if ! grep -q "^[A-Z]* vm:$pf/$vf:" "$results"; then
			cell="not run"
		else
			cell=$(awk -v pf="$pf" '
				# the tests this mode runs, then its results
				FNR == NR {
					if ($2 == "any" || pf == "vtnic") want[$1] = 1
					next
				}
				{
					want[$2] = 1
					if ($1 == "PASS") passed[$2] = 1
					else failed[$2] = 1
				}
				END {
					for (t in want) {
						total++
						if ((t in passed) && !(t in failed)) ok++
					}
					printf "%d/%d\n", ok, total
				}' <(printf '%s\n' "$tests") <(printf '%s\n' "$lines" | grep .))
		fi
		row+=$(printf ' %-9s' "$cell")
	done
	echo "${row%"${row##*[! ]}"}"
done
