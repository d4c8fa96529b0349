#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the vtnic selftests.  The tests need two Ethernet
# ports cabled to each other and read the setup from the environment (the
# test VM in tools/testing/vm sets it; on real hardware set it by hand):
#
#   VTNIC_PORT_A     PCI address of the port under test (an SR-IOV PF)
#   VTNIC_PORT_B     PCI address of its link partner
#   VTNIC_PF_DRIVER  the driver expected on port A (vtnic, igb, ixgbe)
#   VTNIC_VF_DRIVER  the driver to bind VFs to (vtnicvf, igbvf, ixgbevf)
#
# The tests move ports into network namespaces and change SR-IOV settings;
# each restores what it changed on exit.

lib_dir=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
source "$lib_dir/../../../net/lib.sh"
source "$lib_dir/../../../kselftest/ktap_helpers.sh"

# Addresses only ever used inside the test's own namespaces.
NET4=192.0.2
NET6=2001:db8:7e57

vtnic_require_env()
{
	local v

	for v in VTNIC_PORT_A VTNIC_PORT_B VTNIC_PF_DRIVER VTNIC_VF_DRIVER; do
		if [ -z "${!v:-}" ]; then
			ktap_skip_all "$v is not set: see vtnic_lib.sh"
			exit "$KSFT_SKIP"
		fi
	done
	PCI_A=/sys/bus/pci/devices/$VTNIC_PORT_A
	PCI_B=/sys/bus/pci/devices/$VTNIC_PORT_B
}

# pci_driver PCI_ADDR: the bound driver's name, or nothing
pci_driver()
{
	local link=/sys/bus/pci/devices/$1/driver

	[ -e "$link" ] && basename "$(readlink -f "$link")"
}

__pci_netdev()
{
	local d

	for d in /sys/bus/pci/devices/"$1"/net/*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 1
}

# pci_netdev PCI_ADDR: the function's netdev in this namespace, waiting up
# to 10 s for it to appear (after a probe, or a namespace that went away)
pci_netdev()
{
	slowwait 10 __pci_netdev "$1"
}

# wait_carrier DEV [NETNS]: wait up to 20 s for the link to come up
wait_carrier()
{
	local dev=$1 ns=${2:-}

	slowwait 20 __carrier_up "$dev" "$ns"
}

__carrier_up()
{
	if [ -n "$2" ]; then
		ip -n "$2" link show dev "$1" | grep -q LOWER_UP
	else
		ip link show dev "$1" | grep -q LOWER_UP
	fi
}

# ns_attach DEV NETNS ADDR/PREFIX: move DEV into NETNS, address it, up
ns_attach()
{
	ip link set "$1" netns "$2" &&
	ip -n "$2" addr add "$3" dev "$1" &&
	ip -n "$2" link set "$1" up
}

# set_numvfs PCI_ADDR N: set sriov_numvfs, going through 0 as networkd does
set_numvfs()
{
	local f=/sys/bus/pci/devices/$1/sriov_numvfs

	[ "$(cat "$f")" = "$2" ] && return 0
	if [ "$(cat "$f")" != 0 ]; then
		echo 0 > "$f" || return 1
	fi
	echo "$2" > "$f"
}

# vf_pci PF_PCI_ADDR N: the PCI address of VF N
vf_pci()
{
	basename "$(readlink -f "/sys/bus/pci/devices/$1/virtfn$2")"
}

# vf_bind VF_PCI_ADDR DRIVER: bind the VF to DRIVER and nothing else
vf_bind()
{
	local vf=$1 drv=$2 dev=/sys/bus/pci/devices/$1

	modprobe "$drv" || return 1
	echo "$drv" > "$dev/driver_override"
	if [ -e "$dev/driver" ]; then
		[ "$(pci_driver "$vf")" = "$drv" ] && return 0
		echo "$vf" > "$dev/driver/unbind"
	fi
	echo "$vf" > /sys/bus/pci/drivers_probe
	[ "$(pci_driver "$vf")" = "$drv" ]
}

# kernel_log_mark / kernel_log_since MARK: kernel messages logged after
# the mark, to check that an operation logged no warning.  The mark is the
# timestamp of the newest message, not a line count: once the kernel's
# log buffer is full (a long run, or 63 VFs probing) old lines drop out
# of dmesg and a count would point past its end.
kernel_log_mark()
{
	dmesg | awk 'match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
		t = substr($0, RSTART + 1, RLENGTH - 2) } END { print t + 0 }'
}

kernel_log_since()
{
	dmesg | awk -v m="$1" 'match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
		t = substr($0, RSTART + 1, RLENGTH - 2) + 0 } t > m + 0'
}

# kernel_log_clean MARK: no warning, oops or call trace since MARK
kernel_log_clean()
{
	! kernel_log_since "$1" | grep -Eq 'WARNING:|BUG:|Oops|Call Trace:|DMAR: \[DMA'
}

# kernel_log_no_leak MARK: since MARK the kernel reported no leak: no
# "leak" message (kmemleak, a driver's own), no netdev unregister waiting
# for its last reference, no page pool shutdown stalled on pages in flight
kernel_log_no_leak()
{
	! kernel_log_since "$1" |
		grep -Eiq 'leak|waiting for .* to become free|stalled pool shutdown'
}

# Predicates for ktap_test_result, which runs its command unquoted: they
# take single-word arguments and do the quoting themselves.

# is_bound PCI_ADDR DRIVER
is_bound()
{
	[ "$(pci_driver "$1")" = "$2" ]
}

# is_unbound PCI_ADDR
is_unbound()
{
	[ -z "$(pci_driver "$1")" ]
}

# errno_of COMMAND...: run COMMAND, print OK or the errno name its error
# message carries (for sysfs writes, whose errors only show as text)
errno_of()
{
	local err

	err=$( { "$@"; } 2>&1 ) && { echo OK; return; }
	case "$err" in
	*"Device or resource busy"*) echo EBUSY ;;
	*"Numerical result out of range"*) echo ERANGE ;;
	*"No such file or directory"*) echo ENOENT ;;
	*"Invalid argument"*) echo EINVAL ;;
	*"Operation not permitted"*) echo EPERM ;;
	*"Operation not supported"*) echo EOPNOTSUPP ;;
	*) echo EOTHER ;;
	esac
}

# ports_lookup: set dev_a and dev_b to the two ports' netdevs; bails out,
# failing the test, when a port has none
ports_lookup()
{
	dev_a=$(pci_netdev "$VTNIC_PORT_A")
	dev_b=$(pci_netdev "$VTNIC_PORT_B")
	if [ -z "$dev_a" ] || [ -z "$dev_b" ]; then
		ktap_exit_fail_msg "no netdev: port A '$dev_a', port B '$dev_b'"
	fi
}

# mac_lookup: mac_a, the MAC of port A (82576 or 82599); bails out,
# failing the test, on another
mac_lookup()
{
	case "$(cat "$PCI_A/device")" in
	0x10c9) mac_a=82576 ;;
	0x10fb) mac_a=82599 ;;
	*) ktap_exit_fail_msg "port A is no 82576 or 82599: $(cat "$PCI_A/device")" ;;
	esac
}

# pf_up_with_vfs N: port A up (its VFs pass traffic only then) with N VFs;
# bails out, failing the test, when they cannot be created
pf_up_with_vfs()
{
	local what="$1 VFs"

	[ "$1" = 1 ] && what="a VF"
	ip link set "$dev_a" up
	set_numvfs "$VTNIC_PORT_A" "$1" || ktap_exit_fail_msg "cannot create $what"
}

# ports_attach: port A into a new namespace $NSA as $NET4.1 and $NET6::1,
# port B into $NSB as $NET4.2 and $NET6::2, both up; sets dev_a and dev_b.
# Bails out, failing the test, when a port has no netdev.  The IPv6
# addresses skip DAD so that they are usable at once.
ports_attach()
{
	ports_lookup
	setup_ns NSA NSB
	ns_attach "$dev_a" "$NSA" "$NET4.1/24" &&
	ns_attach "$dev_b" "$NSB" "$NET4.2/24" &&
	ip -n "$NSA" addr add "$NET6::1/64" dev "$dev_a" nodad &&
	ip -n "$NSB" addr add "$NET6::2/64" dev "$dev_b" nodad ||
		ktap_exit_fail_msg "cannot move the ports into namespaces"
}

# ports_wait_up: wait for carrier on both ports, bail out if it stays down
ports_wait_up()
{
	wait_carrier "$dev_a" "$NSA" && wait_carrier "$dev_b" "$NSB" ||
		ktap_exit_fail_msg "no carrier: port A $dev_a, port B $dev_b"
}

# ping_retry NETNS ADDR [SECONDS]: a ping from NETNS gets a reply from ADDR
# within SECONDS (default 10), retried while a link or neighbour settles
ping_retry()
{
	slowwait "${3:-10}" ip netns exec "$1" ping -c 1 -W 1 "$2" > /dev/null
}

# ethtool_stat NETNS DEV NAME: the value of counter NAME in "ethtool -S"
ethtool_stat()
{
	ip netns exec "$1" ethtool -S "$2" |
		awk -v n="$3" '$1 == n ":" { print $2; found = 1 } END { exit !found }'
}

# port_diag NETNS DEV: print, as test messages, what helps to read a
# stall from the log: DEV's non-zero counters and the interrupts each of
# its MSI-X vectors took
port_diag()
{
	local line irqs

	irqs=$(ip netns exec "$1" ls "/sys/class/net/$2/device/msi_irqs" \
		2>/dev/null | paste -sd'|')
	while read -r line; do
		ktap_print_msg "$2: $line"
	done < <(ip netns exec "$1" ethtool -S "$2" 2>/dev/null |
			awk -F': *' 'NF == 2 && $2 != 0 { print $1 "=" $2 }' |
			paste -sd' ' | fold -s -w 160
		[ -n "$irqs" ] && awk -v re="^ *($irqs):" '$0 ~ re {
				n = 0
				for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++)
					n += $i
				printf "%s=%d ", $NF, n
			} END { print "" }' /proc/interrupts | fold -s -w 160
		# bytes each transmit queue has in flight (BQL), the qdisc
		ip netns exec "$1" sh -c "grep -H . /sys/class/net/$2/queues/tx-*/byte_queue_limits/inflight" |
			sed 's|.*/\(tx-[0-9]*\)/.*:|\1=|' | paste -sd' '
		ip netns exec "$1" tc -s qdisc show dev "$2" | paste -sd' ' |
			fold -s -w 160)
}

# now_ms: a clock in milliseconds, for rates and durations
now_ms()
{
	date +%s%3N
}

# payload_make FILE MBYTES: FILE gets MBYTES MiB of test data, FILE.sha256
# its digest.  Random data from /dev/urandom costs about 8 s per 64 MiB
# under TCG, so the payload is one random MiB repeated, each copy behind a
# numbered header: a lost, doubled, reordered or corrupted segment still
# changes the digest, as the copies are 1 MiB + 15 bytes apart.
payload_make()
{
	local i

	head -c 1048576 /dev/urandom > "$1.unit" || return 1
	for ((i = 0; i < $2; i++)); do
		printf 'vtnic %08d\n' "$i"
		cat "$1.unit"
	done > "$1"
	rm -f "$1.unit"
	sha256sum < "$1" | cut -d' ' -f1 > "$1.sha256"
}

# tcp_transfer_start FROM_NS TO_NS TO_ADDR FILE [SECONDS]: start sending
# FILE (made by payload_make) over TCP with socat, from FROM_NS to a
# listener in TO_NS that writes FILE.rx.  Both ends give up after SECONDS
# (default 60).  tcp_transfer_wait collects the result.
tcp_transfer_start()
{
	local from=$1 to=$2 addr=$3 limit=${5:-60} port=5201

	tcp_file=$4
	rm -f "$tcp_file.rx"
	ip netns exec "$to" timeout "$limit" \
		socat -u TCP4-LISTEN:$port,reuseaddr CREATE:"$tcp_file.rx" &
	tcp_rx_pid=$!
	# The sender retries until the listener is up.
	ip netns exec "$from" timeout "$limit" \
		socat -u FILE:"$tcp_file" TCP4:"$addr":$port,retry=50,interval=0.1 &
	tcp_tx_pid=$!
	tcp_addr=$addr
	tcp_start=$(now_ms)
}

# tcp_received: bytes the running transfer has delivered so far
tcp_received()
{
	stat -c %s "$tcp_file.rx" 2>/dev/null || echo 0
}

# tcp_running: the sender of the transfer has not finished yet
tcp_running()
{
	kill -0 "$tcp_tx_pid" 2>/dev/null
}

# tcp_transfer_wait: wait for the transfer started last; true when all of
# FILE arrived and its SHA-256 matches.  Prints size, time and rate.
tcp_transfer_wait()
{
	local ms size want got

	if ! wait "$tcp_tx_pid"; then
		kill "$tcp_rx_pid" 2>/dev/null
		wait "$tcp_rx_pid"
		ktap_print_msg "tcp_transfer to $tcp_addr: the sender failed" \
			"after $(tcp_received) bytes"
		return 1
	fi
	wait "$tcp_rx_pid"
	ms=$(($(now_ms) - tcp_start))
	want=$(stat -c %s "$tcp_file")
	size=$(tcp_received)
	got=$(sha256sum < "$tcp_file.rx" | cut -d' ' -f1)
	rm -f "$tcp_file.rx"
	ktap_print_msg "tcp_transfer to $tcp_addr: $size of $want bytes in" \
		"$ms ms ($((size * 1000 / (ms ? ms : 1) >> 10)) KiB/s)"
	[ "$size" = "$want" ] && [ "$got" = "$(cat "$tcp_file.sha256")" ]
}

# tcp_transfer FROM_NS TO_NS TO_ADDR FILE [SECONDS]: the whole transfer
tcp_transfer()
{
	tcp_transfer_start "$@"
	tcp_transfer_wait
}

# capture_start NETNS DEV FILE [FILTER...]: tcpdump the frames DEV
# receives, without putting it into promiscuous mode (-p), one line per
# frame with its link-level header (-e) into FILE; returns once tcpdump
# listens.  capture_stop ends it.  Only one capture runs at a time.
capture_start()
{
	local ns=$1 dev=$2

	capture_file=$3
	shift 3
	ip netns exec "$ns" tcpdump -p -n -e -l -Q in -i "$dev" "$@" \
		> "$capture_file" 2> "$capture_file.err" &
	capture_pid=$!
	slowwait 10 grep -q "listening on" "$capture_file.err"
}

# capture_count: frames captured so far
capture_count()
{
	grep -c . "$capture_file"
}

# capture_has N: at least N frames were captured
capture_has()
{
	[ "$(capture_count)" -ge "$1" ]
}

capture_stop()
{
	kill "$capture_pid" 2>/dev/null
	wait "$capture_pid" 2>/dev/null
	true
}

# ns_no_ipv6 NETNS...: IPv6 off in each namespace, for the devices it has
# and those moved or created there later, so that they send no DAD, ND or
# MLD frame of their own
ns_no_ipv6()
{
	local ns

	for ns in "$@"; do
		ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1 > /dev/null || return 1
	done
}

# mac_of NETNS DEV: the MAC address of DEV
mac_of()
{
	ip -n "$1" -br link show dev "$2" | awk '{ print $3 }'
}

# dev_stat NETNS DEV NAME: the kernel's counter NAME of DEV (rx_packets,
# tx_packets, ... of /sys/class/net/DEV/statistics)
dev_stat()
{
	ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"
}

# udp_mib NETNS NAME: counter NAME of the Udp line of /proc/net/snmp
udp_mib()
{
	ip netns exec "$1" awk -v n="$2" '
		$1 != "Udp:" { next }
		!hdr { for (i = 2; i <= NF; i++) col[$i] = i; hdr = 1; next }
		{ print $col[n] }' /proc/net/snmp
}

# vf_attach N NETNS ADDR/PREFIX: bind VF N of port A to the VF driver under
# test, move its netdev into NETNS as ADDR and bring it up; prints the
# netdev's name
vf_attach()
{
	local vf dev

	vf=$(vf_pci "$VTNIC_PORT_A" "$1") &&
	vf_bind "$vf" "$VTNIC_VF_DRIVER" &&
	dev=$(pci_netdev "$vf") &&
	ns_attach "$dev" "$2" "$3" &&
	echo "$dev"
}

# vf_test_cleanup: the cleanup of a VF test: port A's VFs go first,
# while it is still up (a VF's netdev closed by a namespace's deletion
# while the PF's going down resets it trips a WARN in stock igbvf), then
# the namespaces (the ports in them back to the initial one), then port A
# goes down
vf_test_cleanup()
{
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	cleanup_all_ns
	[ -n "${dev_a:-}" ] && ip link set "$dev_a" down 2>/dev/null
}

# b_attach: port B ($dev_b) into $NSB as $NET4.2/24, up; bails out,
# failing the test, when it cannot
b_attach()
{
	ns_attach "$dev_b" "$NSB" "$NET4.2/24" ||
		ktap_exit_fail_msg "cannot move port B into a namespace"
}

# vf_pair_up: a VF and port B to talk to: port A up with one VF, VF 0
# ($vf) bound to the VF driver under test, its netdev ($dev_vf) in a new
# namespace $NSV as $NET4.11/24, port B in $NSB as $NET4.2/24, and a ping
# from the VF to B answered.  Sets dev_a, dev_b, vf, dev_vf, NSV and NSB;
# bails out, failing the test, when any of it does not work.
vf_pair_up()
{
	ports_lookup
	pf_up_with_vfs 1
	vf=$(vf_pci "$VTNIC_PORT_A" 0)
	setup_ns NSV NSB
	# shellcheck disable=SC2034	# for the caller
	dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
		ktap_exit_fail_msg "VF does not come up with $VTNIC_VF_DRIVER"
	b_attach
	ping_retry "$NSV" "$NET4.2" 15 ||
		ktap_exit_fail_msg "the VF does not reach port B"
}

# module_refcnt MODULE: the module's reference count (what keeps
# "modprobe -r" from unloading it)
module_refcnt()
{
	cat "/sys/module/$1/refcnt"
}

# mem_results: the three leak verdicts of a test that took mem_snapshot
# before (free0, slab0, vmalloc0) and after (free1, slab1, vmalloc1) its
# rounds, within its FREE_, SLAB_ and VMALLOC_TOLERANCE_KB
# shellcheck disable=SC2154	# the caller's snapshots
mem_results()
{
	ktap_test_result "free memory down by at most $FREE_TOLERANCE_KB kB" \
		mem_kept free "-$free0" "-$free1" "$FREE_TOLERANCE_KB"
	ktap_test_result "unreclaimable slab up by at most $SLAB_TOLERANCE_KB kB" \
		mem_kept SUnreclaim "$slab0" "$slab1" "$SLAB_TOLERANCE_KB"
	ktap_test_result "vmalloc up by at most $VMALLOC_TOLERANCE_KB kB" \
		mem_kept VmallocUsed "$vmalloc0" "$vmalloc1" "$VMALLOC_TOLERANCE_KB"
}

# mem_snapshot: free memory (MemFree and the pages on the per-CPU free
# lists, which MemFree leaves out and which swing by megabytes),
# unreclaimable slab and vmalloc in use, in kB, after dropping caches,
# shrinking the slab caches and compacting memory; for a leak check across
# many rounds of an operation, with mem_kept
mem_snapshot()
{
	local f pcp

	sleep 1
	sync
	echo 3 > /proc/sys/vm/drop_caches
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 > "$f"
	done 2>/dev/null
	echo 1 > /proc/sys/vm/compact_memory 2>/dev/null
	pcp=$(awk '$1 == "count:" { n += $2 } END { print n * 4 }' /proc/zoneinfo)
	awk -v pcp="$pcp" '
		$1 == "MemFree:" { f = $2 }
		$1 == "SUnreclaim:" { s = $2 }
		$1 == "VmallocUsed:" { v = $2 }
		END { print f + pcp, s, v }' /proc/meminfo
}

# mem_settled [N]: mem_snapshot's three numbers, settled over N (default
# 3) snapshots: the most free memory, the least slab and vmalloc.  A leak
# moves all N; what is in flight for a moment (a per-CPU partial slab, a
# socket buffer) moves only some: slab wandered within 200 kB between
# the rounds of vf_reload_traffic.sh
mem_settled()
{
	local i

	for ((i = 0; i < ${1:-3}; i++)); do
		mem_snapshot
	done | awk 'NR == 1 || $1 > f { f = $1 }
		NR == 1 || $2 < s { s = $2 }
		NR == 1 || $3 < v { v = $3 }
		END { print f, s, v }'
}

# mem_kept WHAT BEFORE AFTER TOLERANCE: WHAT (kB) grew by at most
# TOLERANCE; for free memory, pass both negated
mem_kept()
{
	ktap_print_msg "$1: ${2#-} kB before, ${3#-} kB after," \
		"tolerance $4 kB"
	[ $(($3 - $2)) -le "$4" ]
}

# traffic_start PING_NS PING_ADDR FLOOD_NS FLOOD_ADDR: a fast ping from
# PING_NS to PING_ADDR and a UDP flood from FLOOD_NS to FLOOD_ADDR, both
# in the background until traffic_stop
traffic_start()
{
	ip netns exec "$1" ping -q -i 0.01 -s 1400 "$2" > /dev/null 2>&1 &
	traffic_ping_pid=$!
	ip netns exec "$3" socat -u -b 1400 OPEN:/dev/zero \
		UDP4-SENDTO:"$4":5300 > /dev/null 2>&1 &
	traffic_flood_pid=$!
}

traffic_stop()
{
	[ -n "${traffic_ping_pid:-}${traffic_flood_pid:-}" ] || return 0
	kill $traffic_ping_pid $traffic_flood_pid 2>/dev/null
	wait $traffic_ping_pid $traffic_flood_pid 2>/dev/null
	traffic_ping_pid='' traffic_flood_pid=''
}

# ethtool_field NETNS DEV OPT SECTION FIELD: FIELD of "ethtool OPT DEV"
# in the section whose heading starts with SECTION ("Pre-set maximums",
# "Current hardware settings")
ethtool_field()
{
	ip netns exec "$1" ethtool "$3" "$2" |
		awk -v s="$4" -v f="$5:" '
			index($0, s) == 1 { on = 1; next }
			/:$/ { on = 0 }
			on && $1 == f { print $2; exit }'
}

# channels NETNS DEV cur|max: the current or maximum "Combined" of
# ethtool -l
channels()
{
	local section=Current

	[ "$3" = cur ] || section="Pre-set maximums"
	ethtool_field "$1" "$2" -l "$section" Combined
}

# tcp_flows FROM_NS TO_NS TO_ADDR FILE N PORT: N TCP connections from
# FROM_NS to TO_ADDR, one after the other, each from its own source port
# (40000 + i) to a listener of its own in TO_NS, each carrying FILE;
# true when all N copies arrived (in FILE.rx)
tcp_flows()
{
	local from=$1 to=$2 addr=$3 file=$4 n=$5 port=$6 i got pid want

	want=$(($(stat -c %s "$file") * n))
	rm -f "$file.rx"
	for ((i = 0; i < n; i++)); do
		ip netns exec "$to" timeout 30 socat -u \
			TCP4-LISTEN:"$port",reuseaddr OPEN:"$file.rx",creat,append &
		pid=$!
		ip netns exec "$from" timeout 30 socat -u FILE:"$file" \
			TCP4:"$addr":"$port",sourceport=$((40000 + i)),reuseaddr,retry=50,interval=0.1
		wait "$pid" || break
	done
	got=$(stat -c %s "$file.rx" 2>/dev/null || echo 0)
	ktap_print_msg "$i of $n flows done, $got of $want bytes arrived"
	[ "$got" = "$want" ]
}

# rx_queue_counts NETNS DEV N: DEV's first N rx_queue_I_packets counters,
# one a line ("missing" where there is none)
rx_queue_counts()
{
	local i

	for ((i = 0; i < $3; i++)); do
		ethtool_stat "$1" "$2" "rx_queue_${i}_packets" || echo missing
	done
}

# queues_used MIN BEFORE... -- AFTER...: at least MIN queues' counters
# moved between the two lists; prints them
queues_used()
{
	local min=$1 i n used=0 line='' before=() after=()

	shift
	while [ "$1" != -- ]; do before+=("$1"); shift; done
	shift
	after=("$@")
	n=${#after[@]}
	for ((i = 0; i < n; i++)); do
		line+=" q$i=$((after[i] - before[i]))"
		[ "${after[i]}" -gt "${before[i]}" ] && used=$((used + 1))
	done
	ktap_print_msg "frames per receive queue:$line"
	[ "$used" -ge "$min" ]
}

# raw_frame NETNS DEV FORMAT [ARG...]: one frame, printf FORMAT ARG...,
# written to a packet socket on DEV (socat's INTERFACE address), so the
# driver sends it as it is.  The frame goes through a file, not a pipe:
# bash may flush printf's output at a newline, and socat sends what one
# read returns, so port A's MAC (52:54:00:99:00:0a) once went out as a
# 6-byte frame.
raw_frame()
{
	local ns=$1 dev=$2 f ret

	shift 2
	f=$(mktemp /tmp/vtnic-frame.XXXXXX)
	# shellcheck disable=SC2059 # the format is the frame
	printf "$@" > "$f"
	ip netns exec "$ns" socat -u OPEN:"$f" INTERFACE:"$dev"
	ret=$?
	rm -f "$f"
	return $ret
}

# raw_frames NETNS DEV DST_MAC SRC_MAC TAG COUNT: COUNT frames with the
# local experimental EtherType 0x88b5 (raw_frame); the payload names TAG
raw_frames()
{
	local dst src i

	dst=$(echo "$3" | sed 's/^/\\x/; s/:/\\x/g')
	src=$(echo "$4" | sed 's/^/\\x/; s/:/\\x/g')
	for ((i = 0; i < $6; i++)); do
		raw_frame "$1" "$2" "$dst$src\\x88\\xb5vtnic-%s-%04d%*s" \
			"$5" "$i" 30 ""
	done
}

# other_vf_drivers: the VF drivers other than the one under test that
# claim port A's VFs (vtnicvf and the card's in-tree igbvf or ixgbevf
# claim the same VF device), for a test in which only the driver under
# test may take a VF
other_vf_drivers()
{
	case "$VTNIC_VF_DRIVER" in
	igbvf|ixgbevf) echo vtnicvf ;;
	vtnicvf) echo igbvf ixgbevf ;;
	esac
}

# vfmgr: vfmgrd with its config, socket and state in a directory of the
# test's own ($vfmgr_dir), so that it never touches /etc or /var.

# vfmgr_setup: port A up (dev_a, dev_b set), namespaces NSV and NSB, and
# a fresh $vfmgr_dir; the CLI talks to the daemon there.  VFs bind to the
# VF driver under test by themselves (vfmgrd gives a VF back to the
# driver the kernel picks), so the other VF driver goes.
vfmgr_setup()
{
	local other

	ports_lookup
	ip link set "$dev_a" up
	setup_ns NSV NSB
	vfmgr_dir=$(mktemp -d /tmp/vfmgr.XXXXXX)
	export VFMGR_SOCKET=$vfmgr_dir/vfmgrd.sock
	for other in $(other_vf_drivers); do
		modprobe -r "$other" 2>/dev/null
	done
	modprobe "$VTNIC_VF_DRIVER"
	modprobe 8021q	# port B's side of the profiles' VLANs
	echo 1 > "$PCI_A/sriov_drivers_autoprobe"
}

# vfmgrd_start: start vfmgrd on $vfmgr_dir/vfmgr.conf, logging to
# $vfmgr_dir/vfmgrd.log; true once it answers
vfmgrd_start()
{
	vfmgrd -c "$vfmgr_dir/vfmgr.conf" -S "$VFMGR_SOCKET" \
		-s "$vfmgr_dir/state.json" >> "$vfmgr_dir/vfmgrd.log" 2>&1 &
	vfmgrd_pid=$!
	slowwait 10 vfmgr status > /dev/null 2>&1
}

# vfmgrd_stop: SIGTERM, and wait for it to exit
vfmgrd_stop()
{
	[ -n "${vfmgrd_pid:-}" ] || return 0
	kill "$vfmgrd_pid" 2>/dev/null
	wait "$vfmgrd_pid" 2>/dev/null
	vfmgrd_pid=''
}

# vfmgr_cleanup: stop vfmgrd, show its log, put autoprobe back off
vfmgr_cleanup()
{
	vfmgrd_stop
	if [ -n "${vfmgr_dir:-}" ]; then
		sed 's/^/# vfmgrd.log: /' "$vfmgr_dir/vfmgrd.log" 2>/dev/null
		rm -rf "$vfmgr_dir"
	fi
	echo 0 > "$PCI_A/sriov_drivers_autoprobe" 2>/dev/null
}

# vf_kernel_line PF_DEV N: "ip link show" of the PF's line for VF N
vf_kernel_line()
{
	ip link show dev "$1" | grep -E "^ +vf $2 "
}

# vf_shows PF_DEV N TEXT: the kernel's line for VF N contains TEXT
vf_shows()
{
	vf_kernel_line "$1" "$2" | grep -qF "$3"
}

# vf_lacks PF_DEV N TEXT: the kernel's line for VF N does not contain TEXT
vf_lacks()
{
	vf_kernel_line "$1" "$2" > /dev/null && ! vf_shows "$@"
}

# netns_has_mac NETNS MAC: a device in NETNS has address MAC
netns_has_mac()
{
	ip -n "$1" -br link | grep -qi " $2 "
}

# ns_mac_up NETNS MAC ADDR/PREFIX: the device with address MAC in NETNS
# (a VF vfmgrd moved there with its profile) gets ADDR and goes up
ns_mac_up()
{
	local dev

	dev=$(ip -n "$1" -br link | awk -v m="$2" 'tolower($3) == m { print $1 }')
	[ -n "$dev" ] || return 1
	ip -n "$1" addr replace "$3" dev "$dev" &&
	ip -n "$1" link set "$dev" up
}

# b_vlan_attach VID: port B ($dev_b) into $NSB, up, with VLAN VID on top
# (device vb) as $NET4.2/24
b_vlan_attach()
{
	ip link set "$dev_b" netns "$NSB" &&
	ip -n "$NSB" link set "$dev_b" up &&
	ip -n "$NSB" link add link "$dev_b" name vb type vlan id "$1" &&
	ip -n "$NSB" addr add "$NET4.2/24" dev vb &&
	ip -n "$NSB" link set vb up
}

# vfmgr_allocated WHAT: "vfmgr status" lists WHAT (a VF or a consumer)
vfmgr_allocated()
{
	vfmgr status | grep -qF " $1 " || vfmgr status | grep -q "^$1 "
}

# expect DESCRIPTION COMMAND...: ktap_test_result with COMMAND run as
# given, quoted, so that "eval 'a compound test'" keeps its spaces
expect()
{
	local description=$1

	shift
	if "$@"; then
		ktap_test_pass "$description"
	else
		ktap_test_fail "$description"
	fi
}
