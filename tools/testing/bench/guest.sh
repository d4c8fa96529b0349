#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark's guest side: /bench.sh in the test VM, run by /init for
# vtnic_action=bench (tools/testing/bench/run.sh starts it).  Port A is
# driven in turn by each driver of vtnic_bench_drivers, round after round
# (ABAB...); port B, in namespace "peer", stays on the card's in-tree
# driver, igb (82576) or ixgbe (82599).  The kernel command line sets:
#
#   vtnic_bench_drivers=vtnic,igb  vtnic_bench_rounds=3
#   vtnic_bench_secs=5             vtnic_bench_peer=igb (port B's driver)
#   vtnic_bench_burst=1 (pktgen burst; a list such as 1,32 measures the
#                        UDP windows once per burst)
#   vtnic_bench_mode=pf (or vf)   vtnic_bench_vfdrv=igbvf (or ixgbevf)
#   vtnic_bench_mbx=60 (VLAN adds and deletes per mbx window, VF mode)
#
# Every measured window is bracketed by marker bytes written to the
# isa-debugcon port 0xe9, which QEMU's trace of MMIO writes shows among
# the device accesses: the window's number (1..250) at its start, 255 at
# its end.  254 and 253 bracket a re-probe of port B alone, from which the
# host learns which of the card's two register BARs is port B's.
#
# vtnic_bench_mode=vf measures a VF of port A instead of port A itself:
# each driver of vtnic_bench_drivers drives port A as the PF in turn, with
# one VF bound to the card's in-tree VF driver (vtnic_bench_vfdrv=igbvf or
# ixgbevf) in namespace "vf"; the windows are the same, with the VF in
# port A's place, plus one "mbx" window per driver and round, which adds
# and deletes a VLAN device on the VF vtnic_bench_mbx times (60) and
# times the VF driver's SET_VLAN requests with ftrace's function_graph.
#
# Output, one line each, read by run.sh:
#   BENCH begin mode=pf|vf drivers=... rounds=N secs=N burst=N[,N...]
#         [vfdrv=... mbx=N]
#   BENCH window N slot=S driver=D round=R test=T [burst=N] ns=... a_tx=...
#         a_rx=... b_tx=... b_rx=... irqs=... cpu_a_us=... cpu_us=...
#         [mbps=...] pf_irqs=...
#   BENCH window N slot=S driver=D round=R test=mbx ns=... ... ops=N
#         add_n=N add_med_us=... add_p99_us=... del_n=N del_med_us=...
#         del_p99_us=... ops=N add_fail=N del_fail=N del_unanswered=N
#         link_drops=N
#   BENCH error slot=S driver=D round=R: why
#   BENCH end
# Counters are deltas over the window: port A's and B's packets, port A's
# interrupts (its MSI/MSI-X vectors in /proc/interrupts), busy CPU time of
# CPU 0 (port A's side: its IRQs, iperf3 end and pktgen thread) and of all
# CPUs.  Port B's side runs on CPU 1.  In VF mode "port A" is the VF
# (a_tx, a_rx, irqs are the VF's), and pf_irqs are the PF's interrupts
# (in PF mode the same as irqs).

export PATH=/usr/sbin:/usr/bin:/sbin:/bin

drivers=vtnic,igb rounds=5 secs=5 burst=1 peer=igb mode=pf vfdrv=igbvf mbx=60
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	vtnic_bench_*=*) v=${arg%%=*}; eval "${v#vtnic_bench_}=\${arg#*=}" ;;
	esac
done

A=$VTNIC_PORT_A B=$VTNIC_PORT_B
A_SYS=/sys/bus/pci/devices/$A B_SYS=/sys/bus/pci/devices/$B
sys_a=$A_SYS	# the measured function's: port A's, or its VF's
# RFC 2544's benchmarking network; .98 and .99 are nobody's, so the UDP
# flood is dropped by the receiver's IP layer without an answer.
IP_A=198.18.0.1 IP_B=198.18.0.2 IP_NONE_A=198.18.0.98 IP_NONE_B=198.18.0.99
USER_HZ_US=10000	# x86: /proc/stat counts in 1/100 s
VF_MAC=02:00:00:00:0f:01	# the VF's, set by the PF's admin
# One VLAN add and delete per MBX_PERIOD_US at most.  Each pair is not two
# mailbox messages but about fourteen: ixgbevf also sends its receive
# mode again (SET_MULTICAST, SET_MACVLAN, UPDATE_XCAST_MODE) when a VLAN
# device comes or goes, as the i82599 model's trace shows under either PF.
# Two pairs a second are about 28 messages, under vtnic's mailbox budget
# of 32 a second per VF (VTNIC_IOV_MBX_RATE), so that the window times
# round trips and not the budget.
MBX_PERIOD_US=500000
# and stop adding after MBX_LIMIT_S seconds (the window says how many it
# did): a VF whose requests time out spends seconds on each
MBX_LIMIT_S=45
TRACEFS=/sys/kernel/tracing

die() { echo "BENCH fatal: $*"; exit 1; }

# in_a CMD...: run CMD in the namespace of the measured device (port A is
# in the initial one, the VF in "vf")
in_a() {
	if [ "$mode" = vf ]; then
		ip netns exec vf "$@"
	else
		"$@"
	fi
}

# mark BYTE: a marker in QEMU's MMIO trace (isa-debugcon at port 0xe9)
mark() {
	printf "\\x$(printf %02x "$1")" | dd of=/dev/port bs=1 seek=233 count=1 2>/dev/null
}

pci_netdev() {	# PCI_SYS_DIR: its netdev, waiting up to 10 s for it
	local i d
	for i in $(seq 50); do
		for d in "$1"/net/*; do
			[ -e "$d" ] && { basename "$d"; return 0; }
		done
		sleep 0.2
	done
	return 1
}

pci_irqs() {	# PCI_SYS_DIR: the IRQs of its MSI/MSI-X vectors, else its INTx
	if [ -n "$(ls "$1/msi_irqs" 2>/dev/null)" ]; then
		ls "$1/msi_irqs"
	else
		cat "$1/irq"
	fi
}

irq_affinity() {	# PCI_SYS_DIR CPU: its interrupts go to CPU
	local irq
	for irq in $(pci_irqs "$1"); do
		echo "$2" > "/proc/irq/$irq/smp_affinity_list" 2>/dev/null
	done
}

irq_count() {	# PCI_SYS_DIR: interrupts its vectors took, on all CPUs
	pci_irqs "$1" | awk 'NR == FNR { want[$1] = 1; next }
		FNR == 1 { ncpu = NF; next }
		{ n = $1; sub(":", "", n) }
		n in want { for (i = 2; i <= ncpu + 1; i++) sum += $i }
		END { print sum + 0 }' - /proc/interrupts
}

# counters: "a_tx a_rx b_tx b_rx irqs pf_irqs cpu_ticks cpu0_ticks" on
# one line; port A's are the VF's in VF mode
counters() {
	local s=/sys/class/net/$dev_a/statistics t=/sys/class/net/$dev_b/statistics
	{
		in_a cat "$s/tx_packets" "$s/rx_packets"
		ip netns exec peer cat "$t/tx_packets" "$t/rx_packets"
		irq_count "$sys_a"
		irq_count "$A_SYS"
		# busy = user nice system irq softirq steal; "cpu" comes first
		awk '$1 == "cpu" || $1 == "cpu0" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
	} | tr '\n' ' '
}

# window TEST CMD...: run CMD (the traffic) as measured window TEST; CMD
# may print "key=value" words, which are added to the window's line
window() {
	local test=$1 c0 c1 t0 t1 out
	shift
	# the UDP windows say which pktgen burst they ran at
	[[ "$test" != udp_* ]] || test+=" burst=$pburst"
	nwin=$((nwin + 1))
	c0=$(counters)
	t0=$(date +%s%N)
	mark "$nwin"
	out=$("$@")
	mark 255
	t1=$(date +%s%N)
	c1=$(counters)
	echo "$c0 $c1" | awk -v head="BENCH window $nwin slot=$slot driver=$drv round=$round test=$test ns=$((t1 - t0))" \
		-v tail="$out" -v hz="$USER_HZ_US" '{
		printf "%s a_tx=%d a_rx=%d b_tx=%d b_rx=%d irqs=%d", head,
			$9 - $1, $10 - $2, $11 - $3, $12 - $4, $13 - $5
		# /proc/stat lists "cpu" before "cpu0"
		printf " cpu_a_us=%d cpu_us=%d pf_irqs=%d %s\n", ($16 - $8) * hz,
			($15 - $7) * hz, $14 - $6, tail
	}'
}

tcp() {	# tx | rx: iperf3 from port A to B (tx) or B to A (rx)
	local rev=
	[ "$1" = rx ] && rev=-R
	in_a taskset -c 0 iperf3 -c "$IP_B" -t "$secs" -f m $rev 2>&1 |
		awk '/receiver/ { for (i = 2; i <= NF; i++) if ($i == "Mbits/sec") v = $(i - 1) }
		     END { print "mbps=" (v == "" ? "fail" : v) }'
}

# pktgen_run DEV CPU DST_MAC DST_IP SECS BURST: 64-byte UDP frames (60
# bytes and the FCS) from DEV for SECS seconds, from this namespace
pktgen_run() {
	local dev=$1 thr=/proc/net/pktgen/kpktgend_$2 c
	echo rem_device_all > "$thr"
	echo "add_device $dev" > "$thr"
	for c in "count 0" "pkt_size 60" "delay 0" "burst $6" "dst $4" "dst_mac $3" \
		"udp_src_min 9" "udp_src_max 9" "udp_dst_min 9" "udp_dst_max 9"; do
		echo "$c" > "/proc/net/pktgen/$dev"
	done
	echo start > /proc/net/pktgen/pgctrl &
	sleep "$5"
	echo stop > /proc/net/pktgen/pgctrl
	wait
	echo rem_device_all > "$thr"
}

udp() {	# tx | rx: pktgen on port A (tx) or on port B (rx), burst $pburst
	if [ "$1" = tx ]; then
		in_a bash -c "$(declare -f pktgen_run); pktgen_run $dev_a 0 \
			$mac_b $IP_NONE_B $secs $pburst"
	else
		ip netns exec peer bash -c "$(declare -f pktgen_run); pktgen_run $dev_b 1 \
			$(in_a cat "/sys/class/net/$dev_a/address") $IP_NONE_A $secs $pburst"
	fi
}

# quantiles: "N MEDIAN P99" of the numbers on stdin, one a line
quantiles() {
	sort -n | awk '{ v[NR] = $1 }
		END {
			if (!NR) { print "0 n/a n/a"; exit }
			p = int(NR * 0.99); if (p < NR * 0.99) p++
			print NR, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[p]
		}'
}

# klog_time: the timestamp of the kernel's newest message, a mark for
# klog_link_drops (not a line count: the log buffer drops its oldest
# lines when a driver logs hundreds, igbvf's refused VLANs among them)
klog_time() {
	dmesg | awk 'match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
		t = substr($0, RSTART + 1, RLENGTH - 2) } END { print t + 0 }'
}

# klog_count MARK REGEX: the VF driver's kernel messages since MARK that
# match REGEX
klog_count() {
	dmesg | awk -v m="$1" -v vf="$(basename "$sys_a")" -v re="$2" '
		match($0, /^\[ *[0-9]+\.[0-9]+\]/) { t = substr($0, RSTART + 1, RLENGTH - 2) + 0 }
		t > m + 0 && index($0, vf) && $0 ~ re { n++ }
		END { print n + 0 }'
}

# mbx: $mbx times, a VLAN device added on the VF and deleted, paced to
# MBX_PERIOD_US, for at most MBX_LIMIT_S; prints how long each of the VF
# driver's ndo_vlan_rx_add_vid and ndo_vlan_rx_kill_vid took (each one
# SET_VLAN request and its ACK from the PF), from ftrace's function_graph
# tracer, how many adds it did, and how often the VF's link went down
mbx() {
	local i f vid add_fail=0 del_fail=0 t0 next now q ops=0 drops
	echo 0 > "$TRACEFS/tracing_on"
	echo nop > "$TRACEFS/current_tracer"
	echo "${vfdrv}_vlan_rx_add_vid ${vfdrv}_vlan_rx_kill_vid" > "$TRACEFS/set_ftrace_filter"
	echo function_graph > "$TRACEFS/current_tracer"
	: > "$TRACEFS/trace"
	drops=$(klog_time)
	echo 1 > "$TRACEFS/tracing_on"
	t0=${EPOCHREALTIME/./}
	for i in $(seq "$mbx"); do
		vid=$((100 + i))
		# a refused VLAN is counted, and has nothing to delete
		if ip -n vf link add link "$dev_a" name "v.$vid" type vlan id "$vid" 2>/dev/null; then
			ip -n vf link del "v.$vid" 2>/dev/null || del_fail=$((del_fail + 1))
		else
			add_fail=$((add_fail + 1))
		fi
		ops=$i
		next=$((t0 + i * MBX_PERIOD_US))
		now=${EPOCHREALTIME/./}
		[ $((now - t0)) -lt $((MBX_LIMIT_S * 1000000)) ] || break
		[ "$now" -ge "$next" ] || sleep "$(printf '0.%06d' $((next - now)))"
	done
	echo 0 > "$TRACEFS/tracing_on"
	# " 0) ! 123.456 us |  ixgbevf_vlan_rx_add_vid [ixgbevf]();"
	for f in add_vid kill_vid; do
		q=$(awk -v f="${vfdrv}_vlan_rx_$f" 'index($0, f) {
			for (i = 2; i <= NF; i++) if ($i == "us" && $(i + 1) == "|") print $(i - 1) }' \
			"$TRACEFS/trace" | quantiles)
		# shellcheck disable=SC2086 # three words
		set -- $q
		[ "$f" = add_vid ] && printf 'add_n=%s add_med_us=%s add_p99_us=%s ' "$@"
		[ "$f" = kill_vid ] && printf 'del_n=%s del_med_us=%s del_p99_us=%s ' "$@"
	done
	# A delete the PF did not answer still deletes the VLAN device (the
	# kernel ignores ndo_vlan_rx_kill_vid's error); the VF driver logs it
	echo "ops=$ops add_fail=$add_fail del_fail=$del_fail" \
		"del_unanswered=$(klog_count "$drops" 'Could not remove VLAN|Failed to remove vlan')" \
		"link_drops=$(klog_count "$drops" 'Link is Down')"
	echo nop > "$TRACEFS/current_tracer"
	echo > "$TRACEFS/set_ftrace_filter"
}

# bind_a DRIVER: port A on DRIVER, addressed, up and pinging port B, or
# return 1 with the reason in $why; in VF mode port A up with one VF on
# $vfdrv in namespace "vf", and that VF addressed and pinging port B
bind_a() {
	local i
	echo "$1" > "$A_SYS/driver_override"
	echo "$A" > /sys/bus/pci/drivers_probe 2>/dev/null
	if [ "$(basename "$(readlink "$A_SYS/driver")")" != "$1" ]; then
		why="$1 did not bind port A"; return 1
	fi
	dev_a=$(pci_netdev "$A_SYS") || { why="$1 bound port A but created no netdev"; return 1; }
	sys_a=$A_SYS
	if [ "$mode" = vf ]; then
		bind_vf "$1" || return 1
	else
		ip addr add "$IP_A/24" dev "$dev_a"
		ip link set "$dev_a" up || { why="ip link set $dev_a up failed"; return 1; }
	fi
	for i in $(seq 20); do
		in_a ping -q -c 1 -W 1 "$IP_B" >/dev/null 2>&1 && break
		[ "$i" -lt 20 ] || { why="$dev_a cannot ping port B"; return 1; }
	done
	irq_affinity "$A_SYS" 0
	irq_affinity "$sys_a" 0
}

# bind_vf DRIVER: port A (on DRIVER, $dev_a) up with one VF, the VF on
# $vfdrv (only through driver_override: /init turned autoprobe off), its
# netdev in namespace "vf" as $IP_A; dev_a and sys_a become the VF's
bind_vf() {
	local vf
	ip link set "$dev_a" up || { why="ip link set $dev_a up failed"; return 1; }
	echo 1 > "$A_SYS/sriov_numvfs" || { why="$1 did not create a VF"; return 1; }
	vf=$(basename "$(readlink -f "$A_SYS/virtfn0")")
	# The same address on either PF, so port B's neighbour entry holds
	ip link set "$dev_a" vf 0 mac "$VF_MAC" || { why="$1 refused the VF's MAC"; return 1; }
	sys_a=/sys/bus/pci/devices/$vf
	echo "$vfdrv" > "$sys_a/driver_override"
	echo "$vf" > /sys/bus/pci/drivers_probe 2>/dev/null
	if [ "$(basename "$(readlink "$sys_a/driver")")" != "$vfdrv" ]; then
		why="$vfdrv did not bind the VF of $1"; return 1
	fi
	dev_a=$(pci_netdev "$sys_a") || { why="$vfdrv bound the VF of $1 but created no netdev"; return 1; }
	if ! { ip netns add vf && ip link set "$dev_a" netns vf &&
		ip netns exec vf sh -c "ip link set lo up && ip addr add $IP_A/24 dev $dev_a && ip link set $dev_a up"; }; then
		why="cannot set up the VF of $1 in namespace vf"; return 1
	fi
}

unbind_a() {
	# The VF goes first, while the PF is up (see vf_test_cleanup in
	# the selftests), then its namespace
	if [ "$mode" = vf ]; then
		[ -e "$A_SYS/sriov_numvfs" ] && echo 0 > "$A_SYS/sriov_numvfs" 2>/dev/null
		ip netns del vf 2>/dev/null
	fi
	[ -e "$A_SYS/driver" ] && echo "$A" > "$A_SYS/driver/unbind"
	dev_a='' sys_a=$A_SYS
}

[ -n "$A" ] && [ -n "$B" ] || die "VTNIC_PORT_A/B not set"
[ "$rounds" -ge 1 ] && [ "$rounds" -le 30 ] || die "rounds must be 1..30"
IFS=, read -r -a slots <<< "$drivers"
[ "${#slots[@]}" = 2 ] || die "vtnic_bench_drivers needs two drivers, got '$drivers'"
IFS=, read -r -a bursts <<< "$burst"
[ "${#bursts[@]}" -ge 1 ] || die "vtnic_bench_burst needs at least one burst"
case "$mode" in
pf) mods= ;;
vf) mods="$vfdrv 8021q" ;;
*) die "vtnic_bench_mode is pf or vf, not '$mode'" ;;
esac
for m in "$peer" pktgen "${slots[@]}" $mods; do
	modprobe "$m" || die "modprobe $m failed"
done
if [ "$mode" = vf ]; then
	[ -e "$TRACEFS/trace" ] || mount -t tracefs nodev "$TRACEFS" || die "cannot mount tracefs"
	for f in add kill; do
		grep -q " ${vfdrv}_vlan_rx_${f}_vid\b" /proc/kallsyms ||
			die "no ${vfdrv}_vlan_rx_${f}_vid in /proc/kallsyms"
	done
	[[ "$mbx" =~ ^[0-9]+$ ]] || die "vtnic_bench_mbx takes a count"
fi
vfargs=
[ "$mode" != vf ] || vfargs=" vfdrv=$vfdrv mbx=$mbx"
echo "BENCH begin mode=$mode drivers=$drivers rounds=$rounds secs=$secs burst=$burst$vfargs"

# Port B alone: its register BAR is the only one written between 254 and 253.
unbind_a
echo "$peer" > "$B_SYS/driver_override"
[ -e "$B_SYS/driver" ] && echo "$B" > "$B_SYS/driver/unbind"
mark 254
echo "$B" > /sys/bus/pci/drivers_probe
dev_b=$(pci_netdev "$B_SYS") || die "$peer created no netdev on port B"
ip link set "$dev_b" up
sleep 1
mark 253
mac_b=$(cat "/sys/class/net/$dev_b/address")
ip netns add peer
ip link set "$dev_b" netns peer
ip netns exec peer sh -c "ip link set lo up && ip addr add $IP_B/24 dev $dev_b && ip link set $dev_b up" ||
	die "cannot set up port B in namespace peer"
irq_affinity "$B_SYS" 1
ip netns exec peer taskset -c 1 iperf3 -s -D -B "$IP_B" || die "iperf3 server did not start"

nwin=0 broken=
for round in $(seq "$rounds"); do
	for slot in 1 2; do
		drv=${slots[slot - 1]}
		case " $broken " in *" $slot "*) continue ;; esac
		if ! bind_a "$drv"; then
			echo "BENCH error slot=$slot driver=$drv round=$round: $why"
			broken+=" $slot"
			unbind_a
			continue
		fi
		window tcp_tx tcp tx
		window tcp_rx tcp rx
		for pburst in "${bursts[@]}"; do
			window udp_tx udp tx
			window udp_rx udp rx
		done
		[ "$mode" != vf ] || [ "$mbx" = 0 ] || window mbx mbx
		# For whoever reads the console: where port A's interrupts went.
		pci_irqs "$sys_a" | sed 's/.*/^ *&:/' | grep -f - /proc/interrupts > /dev/console
		unbind_a
	done
done
echo "BENCH end"
