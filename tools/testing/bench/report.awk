# SPDX-License-Identifier: GPL-2.0
#
# The benchmark's table: reads the per-window MMIO counts (mmio.awk's
# output) and then the guest's "BENCH" lines (guest.sh), and prints each
# metric per driver slot as "mean (min..max)" over the rounds, the ratio
# slot 1 / slot 2 of the means, and the issue's target where it has one.
# The table is an RST simple table, so it goes into Documentation/ as is.
#
# Per packet means per packet on port A, sent plus received, during the
# window.  Exits 1 when a slot has no measured window.
#
# The targets, on the ratio slot 1 / slot 2, are the card's (run.sh passes
# them): t_tput, the least throughput ratio; t_mmio, the most MMIO writes
# per packet, t_mmio_batch the same for UDP windows whose pktgen burst is
# more than 1; t_irqs, the most interrupts per packet.  Unset, they are
# the 82576's: 1.0, 0.5, 0.5, 0.5.  A run with more than one pktgen burst
# (guest.sh's burst=1,32) has its UDP rows once per burst.
#
# With mode=vf (run.sh --mode vf) "port A" is port A's VF, the slots are
# port A's PF drivers, and the targets are t_tput and t_mbx, the most
# mailbox round trip (the mbx window's median and 99th percentile of the
# VF driver's SET_VLAN requests, adding and deleting); the VF's MMIO
# writes and interrupts are shown with no target.
#
# usage: awk [-v t_tput=R -v t_mmio=R -v t_mmio_batch=R -v t_irqs=R]
#            [-v mode=vf -v t_mbx=R] -f report.awk MMIO_COUNTS GUEST_LINES

function fmt(x) {
	if (x == "")
		return "n/a"
	if (x >= 100)
		return sprintf("%.0f", x)
	if (x >= 10)
		return sprintf("%.1f", x)
	if (x >= 1)
		return sprintf("%.2f", x)
	return sprintf("%.3f", x)
}

function add(slot, key, v) {
	# a number, not the string field() returns: "751" > "2480" as strings
	v += 0
	if (!((slot, key) in n) || v < lo[slot, key])
		lo[slot, key] = v
	if (!((slot, key) in n) || v > hi[slot, key])
		hi[slot, key] = v
	n[slot, key]++
	sum[slot, key] += v
}

function cell(slot, key) {
	if (!((slot, key) in n))
		return "n/a"
	return fmt(sum[slot, key] / n[slot, key]) " (" fmt(lo[slot, key]) ".." fmt(hi[slot, key]) ")"
}

function row(key, label, op, target,    m1, m2, ratio, verdict) {
	if (label_only) {
		if (length(label) > width)
			width = length(label)
		return
	}
	ratio = "n/a"
	verdict = op == "" ? target : op " " target
	if ((1, key) in n && (2, key) in n) {
		m1 = sum[1, key] / n[1, key]
		m2 = sum[2, key] / n[2, key]
		if (m2 > 0)
			ratio = sprintf("%.2f", m1 / m2)
	}
	if (op != "") {
		if (ratio == "n/a")
			verdict = verdict "  not measured"
		else if ((op == ">=" && ratio + 0 >= target + 0) || (op == "<=" && ratio + 0 <= target + 0))
			verdict = verdict "  met"
		else
			verdict = verdict "  NOT MET"
		if (verdict ~ /  met$/)
			met++
		else
			unmet++
	}
	printf "%-*s  %-22s  %-22s  %-6s  %s\n", width, label, cell(1, key), cell(2, key), ratio, verdict
}

# udp(TEST, BURST): the key of a UDP window's metrics and its label
function udp(test, b) {
	ukey = test "@" b
	ulabel = desc[test] (nburst > 1 ? " burst " b : "")
}

# the target of a per-packet row: none in VF mode
function per_pkt(t) {
	pkt_op = mode == "vf" ? "" : "<="
	return mode == "vf" ? "(info)" : t
}

function rows(    i, b, t) {
	row("tcp_tx.mbps", desc["tcp_tx"] " Mbit/s", ">=", t_tput)
	row("tcp_rx.mbps", desc["tcp_rx"] " Mbit/s", ">=", t_tput)
	for (b = 1; b <= nburst; b++) {
		udp("udp_tx", burst[b])
		row(ukey ".pps", ulabel " pkt/s sent", ">=", t_tput)
		row(ukey ".peer_pps", ulabel " pkt/s B received", "", "(info)")
		udp("udp_rx", burst[b])
		row(ukey ".pps", ulabel " pkt/s received", ">=", t_tput)
	}
	if (mode == "vf") {
		row("mbx.add_med", "SET_VLAN add us, median", "<=", t_mbx)
		row("mbx.add_p99", "SET_VLAN add us, p99", "<=", t_mbx)
		row("mbx.del_med", "SET_VLAN delete us, median", "<=", t_mbx)
		row("mbx.del_p99", "SET_VLAN delete us, p99", "<=", t_mbx)
		row("mbx.rate", "VLAN add+delete per s", "", "(info)")
		row("mbx.drops", "VF link drops per mbx window", "", "(info)")
		row("mbx.add_fail", "VLAN adds refused per mbx window", "", "(info)")
		row("mbx.del_unanswered", "VLAN deletes unanswered per window", "", "(info)")
	}
	for (i = 1; i <= 2; i++) {
		t = per_pkt(t_mmio)
		row(tests[i] ".mmio", desc[tests[i]] " MMIO writes/pkt", pkt_op, t)
	}
	for (b = 1; b <= nburst; b++)
		for (i = 3; i <= 4; i++) {
			udp(tests[i], burst[b])
			t = per_pkt(burst[b] > 1 ? t_mmio_batch : t_mmio)
			row(ukey ".mmio", ulabel " MMIO writes/pkt", pkt_op, t)
		}
	for (i = 1; i <= 2; i++) {
		t = per_pkt(t_irqs)
		row(tests[i] ".irqs", desc[tests[i]] " IRQs/pkt", pkt_op, t)
	}
	for (b = 1; b <= nburst; b++)
		for (i = 3; i <= 4; i++) {
			udp(tests[i], burst[b])
			t = per_pkt(t_irqs)
			row(ukey ".irqs", ulabel " IRQs/pkt", pkt_op, t)
		}
	for (i = 1; i <= 2; i++)
		row(tests[i] ".cpu", desc[tests[i]] " CPU us/pkt", "", "(lower is better)")
	for (b = 1; b <= nburst; b++)
		for (i = 3; i <= 4; i++) {
			udp(tests[i], burst[b])
			row(ukey ".cpu", ulabel " CPU us/pkt", "", "(lower is better)")
		}
}

function field(name,    i) {
	for (i = 3; i <= NF; i++)
		if (index($i, name "=") == 1)
			return substr($i, length(name) + 2)
	return ""
}

BEGIN {
	if (t_tput == "")
		t_tput = "1.0"
	if (t_mmio == "")
		t_mmio = "0.5"
	if (t_mmio_batch == "")
		t_mmio_batch = "0.5"
	if (t_irqs == "")
		t_irqs = "0.5"
	if (t_mbx == "")
		t_mbx = "1.0"
}

FILENAME == ARGV[1] {
	mmio[$1] = $2
	next
}

$1 != "BENCH" { next }

$2 == "begin" {
	drivers = field("drivers")
	split(drivers, name, ",")
	if (name[1] == name[2]) {
		name[1] = name[1] "#1"
		name[2] = name[2] "#2"
	}
	header = "rounds=" field("rounds") ", " field("secs") " s per window, pktgen burst " field("burst")
	if (mode == "vf")
		header = header ", VF driver " field("vfdrv") ", " field("mbx") " VLAN adds and deletes per mbx window"
	nburst = split(field("burst"), burst, ",")
	mbx_ops = field("mbx") + 0
	next
}

$2 == "error" || $2 == "fatal" {
	errors = errors "  " $0 "\n"
	next
}

$2 == "window" {
	w = $3
	slot = field("slot")
	test = field("test")
	ns = field("ns")
	pkts = field("a_tx") + field("a_rx")
	if (test == "mbx") {
		# numbers, or "9" < "200" compares as strings
		ops = field("ops") + 0
		add_n = field("add_n") + 0
		del_n = field("del_n") + 0
		add_fail = field("add_fail") + 0
		del_fail = field("del_fail") + 0
		add(slot, "mbx.rate", ops * 1e9 / ns)
		add(slot, "mbx.drops", field("link_drops"))
		add(slot, "mbx.add_fail", add_fail)
		add(slot, "mbx.del_unanswered", field("del_unanswered"))
		if (ops < mbx_ops)
			errors = errors "  window " w ": " ops " of " mbx_ops \
				" VLAN adds and deletes in the time limit\n"
		if (add_fail + del_fail > 0)
			errors = errors "  window " w ": of " ops " VLAN adds " add_fail \
				" failed, and " del_fail " deletes of those added\n"
		# every add reaches the VF driver, refused or not; deletes only
		# follow the adds that worked
		if (add_n < ops || del_n < ops - add_fail)
			errors = errors "  window " w ": traced " add_n " adds and " \
				del_n " deletes of " ops "\n"
		if (add_n > 0) {
			add(slot, "mbx.add_med", field("add_med_us"))
			add(slot, "mbx.add_p99", field("add_p99_us"))
		}
		if (del_n > 0) {
			add(slot, "mbx.del_med", field("del_med_us"))
			add(slot, "mbx.del_p99", field("del_p99_us"))
		}
		next
	}
	if (test ~ /^udp/)
		test = test "@" (field("burst") == "" ? burst[1] : field("burst"))
	if (test ~ /^tcp/) {
		if (field("mbps") == "fail") {
			errors = errors "  window " w ": iperf3 failed (" $0 ")\n"
			next
		}
		add(slot, test ".mbps", field("mbps"))
	} else if (test ~ /^udp_tx/) {
		add(slot, test ".pps", field("a_tx") * 1e9 / ns)
		add(slot, test ".peer_pps", field("b_rx") * 1e9 / ns)
	} else {
		add(slot, test ".pps", field("a_rx") * 1e9 / ns)
	}
	if (pkts == 0) {
		errors = errors "  window " w ": no packets on port A\n"
		next
	}
	if (w in mmio)
		add(slot, test ".mmio", mmio[w] / pkts)
	add(slot, test ".irqs", field("irqs") / pkts)
	add(slot, test ".cpu", field("cpu_a_us") / pkts)
	windows[slot]++
}

END {
	split("tcp_tx tcp_rx udp_tx udp_rx", tests, " ")
	a = mode == "vf" ? "VF" : "A"
	desc["tcp_tx"] = "TCP " a "->B"
	desc["tcp_rx"] = "TCP B->" a
	desc["udp_tx"] = "UDP64 " a "->B"
	desc["udp_rx"] = "UDP64 B->" a
	if (!nburst)
		nburst = split("1", burst, ",")
	# the label column as wide as the longest label, at least 30
	width = 30
	label_only = 1
	rows()
	label_only = 0
	dashes = sprintf("%*s", width, "")
	gsub(/ /, "=", dashes)
	rule = sprintf("%s  %-22s  %-22s  %-6s  %s", dashes,
		"======================", "======================", "======", "=================")
	print (mode == "vf" ? "port A's PF" : "port A") ": " name[1] " (1) vs " name[2] " (2); " header
	print ""
	print rule
	printf "%-*s  %-22s  %-22s  %-6s  %s\n", width, "metric: mean (min..max)", name[1], name[2], "1/2", "target"
	print rule
	rows()
	print rule
	print ""
	printf "targets: %d met, %d not met\n", met, unmet
	if (errors != "")
		printf "\nproblems:\n%s", errors
	if (!windows[1] || !windows[2]) {
		for (s = 1; s <= 2; s++)
			if (!windows[s])
				printf "\n%s on port A: nothing measured (see the problems above)\n", name[s]
		exit 1
	}
}
