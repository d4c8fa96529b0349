# SPDX-License-Identifier: GPL-2.0
#
# Count port A's MMIO writes in each measured window of a benchmark run,
# from QEMU's log of the memory_region_ops_write trace event:
#
#   memory_region_ops_write cpu 0 mr 0x55d0c0ffee00 addr 0x3818 value 0x1f size 4 name 'igb-mmio'
#
# region= names the card's register BAR (BAR 0) in that trace: 'igb-mmio'
# (the default) for QEMU's 82576, 'i82599-mmio' for our 82599 model.
# Both ports of the card have a region of that name; the "mr" pointer
# tells the two apart.  The guest (guest.sh) writes marker bytes to the
# isa-debugcon port: 254 ... 253 brackets a re-probe of port B alone, so
# the region written then is port B's; N (1..250) ... 255 brackets window
# N, in which every write to another region of that name is port A's.
# Writes to the MSI-X table (the 82576's BAR 3, the 82599's BAR 4,
# regions of other names) are not counted: the kernel writes it when it
# sets up or moves a vector, not per packet.
#
# With vf=1, region= names a VF's register BAR ('igbvf-mmio' on the
# 82576, 'i82599vf-mmio' on the 82599) and every write to a region of
# that name in a window is counted: the benchmark's VF mode has one VF,
# port A's (its pointer changes when the VF is created anew, each round).
#
# usage: awk [-v region=NAME] [-v vf=1] -f mmio.awk TRACE
# Prints "N COUNT" for each window, or "error: ..." lines and exits 1.

function hex(s,    i, v) {
	s = tolower(s)
	sub(/^0x/, "", s)
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}

BEGIN {
	if (region == "")
		region = "igb-mmio"
	quoted = "'" region "'"
}

$1 != "memory_region_ops_write" { next }

$NF == "'isa-debugcon'" {
	m = hex($9)
	if (m == 254) {
		ident = 1
	} else if (m == 253) {
		ident = 0
	} else if (m == 255) {
		win = 0
	} else if (m >= 1 && m <= 250) {
		win = m
		count[win] += 0
	}
	next
}

$NF != quoted { next }

vf {
	if (win)
		count[win]++
	next
}

ident {
	if (!($5 in port_b))
		nb++
	port_b[$5] = 1
	next
}

win && !($5 in port_b) {
	count[win]++
	if (!($5 in port_a))
		na++
	port_a[$5] = 1
}

END {
	if (!vf && (nb != 1 || na > 1)) {
		print "error: port B's re-probe wrote " nb + 0 " " region " regions and the windows " \
			na + 0 " others; expected 1 and 1"
		exit 1
	}
	for (w in count)
		print w, count[w]
}
