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
	printf "%-30s  %-22s  %-22s  %-6s  %s\n", label, cell(1, key), cell(2, key), ratio, verdict
}

function field(name,    i) {
	for (i = 3; i <= NF; i++)
		if (index($i, name "=") == 1)
			return substr($i, length(name) + 2)
	return ""
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
	if (test ~ /^tcp/) {
		if (field("mbps") == "fail") {
			errors = errors "  window " w ": iperf3 failed (" $0 ")\n"
			next
		}
		add(slot, test ".mbps", field("mbps"))
	} else if (test == "udp_tx") {
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
	desc["tcp_tx"] = "TCP A->B"
	desc["tcp_rx"] = "TCP B->A"
	desc["udp_tx"] = "UDP64 A->B"
	desc["udp_rx"] = "UDP64 B->A"
	rule = sprintf("%-30s  %-22s  %-22s  %-6s  %s", "==============================",
		"======================", "======================", "======", "=================")
	print "port A: " name[1] " (1) vs " name[2] " (2); " header
	print ""
	print rule
	printf "%-30s  %-22s  %-22s  %-6s  %s\n", "metric: mean (min..max)", name[1], name[2], "1/2", "target"
	print rule
	row("tcp_tx.mbps", "TCP A->B Mbit/s", ">=", "1.0")
	row("tcp_rx.mbps", "TCP B->A Mbit/s", ">=", "1.0")
	row("udp_tx.pps", "UDP64 A->B pkt/s sent", ">=", "1.0")
	row("udp_tx.peer_pps", "UDP64 A->B pkt/s B received", "", "(info)")
	row("udp_rx.pps", "UDP64 B->A pkt/s received", ">=", "1.0")
	for (i = 1; i <= 4; i++)
		row(tests[i] ".mmio", desc[tests[i]] " MMIO writes/pkt", "<=", "0.5")
	for (i = 1; i <= 4; i++)
		row(tests[i] ".irqs", desc[tests[i]] " IRQs/pkt", "<=", "0.5")
	for (i = 1; i <= 4; i++)
		row(tests[i] ".cpu", desc[tests[i]] " CPU us/pkt", "", "(lower is better)")
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
