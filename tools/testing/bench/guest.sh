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
#
# Every measured window is bracketed by marker bytes written to the
# isa-debugcon port 0xe9, which QEMU's trace of MMIO writes shows among
# the device accesses: the window's number (1..250) at its start, 255 at
# its end.  254 and 253 bracket a re-probe of port B alone, from which the
# host learns which of the card's two register BARs is port B's.
#
# Output, one line each, read by run.sh:
#   BENCH begin drivers=... rounds=N secs=N burst=N[,N...]
#   BENCH window N slot=S driver=D round=R test=T [burst=N] ns=... a_tx=...
#         a_rx=... b_tx=... b_rx=... irqs=... cpu_a_us=... cpu_us=...
#         [mbps=...]
#   BENCH error slot=S driver=D round=R: why
#   BENCH end
# Counters are deltas over the window: port A's and B's packets, port A's
# interrupts (its MSI/MSI-X vectors in /proc/interrupts), busy CPU time of
# CPU 0 (port A's side: its IRQs, iperf3 end and pktgen thread) and of all
# CPUs.  Port B's side runs on CPU 1.

export PATH=/usr/sbin:/usr/bin:/sbin:/bin

drivers=vtnic,igb rounds=5 secs=5 burst=1 peer=igb
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	vtnic_bench_*=*) v=${arg%%=*}; eval "${v#vtnic_bench_}=\${arg#*=}" ;;
	esac
done

A=$VTNIC_PORT_A B=$VTNIC_PORT_B
A_SYS=/sys/bus/pci/devices/$A B_SYS=/sys/bus/pci/devices/$B
# RFC 2544's benchmarking network; .98 and .99 are nobody's, so the UDP
# flood is dropped by the receiver's IP layer without an answer.
IP_A=198.18.0.1 IP_B=198.18.0.2 IP_NONE_A=198.18.0.98 IP_NONE_B=198.18.0.99
USER_HZ_US=10000	# x86: /proc/stat counts in 1/100 s

die() { echo "BENCH fatal: $*"; exit 1; }

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

# counters: "a_tx a_rx b_tx b_rx irqs cpu_ticks cpu0_ticks" on one line
counters() {
	local s=/sys/class/net/$dev_a/statistics t=/sys/class/net/$dev_b/statistics
	{
		cat "$s/tx_packets" "$s/rx_packets"
		ip netns exec peer cat "$t/tx_packets" "$t/rx_packets"
		pci_irqs "$A_SYS" | awk 'NR == FNR { want[$1] = 1; next }
			FNR == 1 { ncpu = NF; next }
			{ n = $1; sub(":", "", n) }
			n in want { for (i = 2; i <= ncpu + 1; i++) sum += $i }
			END { print sum + 0 }' - /proc/interrupts
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
			$8 - $1, $9 - $2, $10 - $3, $11 - $4, $12 - $5
		# /proc/stat lists "cpu" before "cpu0"
		printf " cpu_a_us=%d cpu_us=%d %s\n", ($14 - $7) * hz, ($13 - $6) * hz, tail
	}'
}

tcp() {	# tx | rx: iperf3 from port A to B (tx) or B to A (rx)
	local rev=
	[ "$1" = rx ] && rev=-R
	taskset -c 0 iperf3 -c "$IP_B" -t "$secs" -f m $rev 2>&1 |
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
		pktgen_run "$dev_a" 0 "$mac_b" "$IP_NONE_B" "$secs" "$pburst"
	else
		ip netns exec peer bash -c "$(declare -f pktgen_run); pktgen_run $dev_b 1 \
			$(cat "/sys/class/net/$dev_a/address") $IP_NONE_A $secs $pburst"
	fi
}

# bind_a DRIVER: port A on DRIVER, addressed, up and pinging port B, or
# return 1 with the reason in $why
bind_a() {
	local i
	echo "$1" > "$A_SYS/driver_override"
	echo "$A" > /sys/bus/pci/drivers_probe 2>/dev/null
	if [ "$(basename "$(readlink "$A_SYS/driver")")" != "$1" ]; then
		why="$1 did not bind port A"; return 1
	fi
	dev_a=$(pci_netdev "$A_SYS") || { why="$1 bound port A but created no netdev"; return 1; }
	ip addr add "$IP_A/24" dev "$dev_a"
	ip link set "$dev_a" up || { why="ip link set $dev_a up failed"; return 1; }
	for i in $(seq 20); do
		ping -q -c 1 -W 1 "$IP_B" >/dev/null 2>&1 && break
		[ "$i" -lt 20 ] || { why="$dev_a cannot ping port B"; return 1; }
	done
	irq_affinity "$A_SYS" 0
}

unbind_a() {
	[ -e "$A_SYS/driver" ] && echo "$A" > "$A_SYS/driver/unbind"
	dev_a=
}

[ -n "$A" ] && [ -n "$B" ] || die "VTNIC_PORT_A/B not set"
[ "$rounds" -ge 1 ] && [ "$rounds" -le 30 ] || die "rounds must be 1..30"
IFS=, read -r -a slots <<< "$drivers"
[ "${#slots[@]}" = 2 ] || die "vtnic_bench_drivers needs two drivers, got '$drivers'"
IFS=, read -r -a bursts <<< "$burst"
[ "${#bursts[@]}" -ge 1 ] || die "vtnic_bench_burst needs at least one burst"
for m in "$peer" pktgen "${slots[@]}"; do
	modprobe "$m" || die "modprobe $m failed"
done
echo "BENCH begin drivers=$drivers rounds=$rounds secs=$secs burst=$burst"

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
		# For whoever reads the console: where port A's interrupts went.
		pci_irqs "$A_SYS" | sed 's/.*/^ *&:/' | grep -f - /proc/interrupts > /dev/console
		unbind_a
	done
done
echo "BENCH end"
