#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the TEST_PROGS of a kselftest Makefile, one per line, in order.
# The list is the kernel's usual "TEST_PROGS := \ ... # end of TEST_PROGS".
awk '
	/^TEST_PROGS[ \t]*[:+]?=/ { on = 1; sub(/^TEST_PROGS[ \t]*[:+]?=/, "") }
	on && /^[ \t]*#/ { on = 0 }
	on {
		cont = /\\[ \t]*$/
		gsub(/\\/, "")
		for (i = 1; i <= NF; i++) print $i
		if (!cont) on = 0
	}
' "$1"
