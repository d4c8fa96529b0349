#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
#
# A hostile VF cannot hurt its neighbours.  VF 1 is left without a driver
# and vfattack (tools/testing/vfattack) speaks the raw mailbox through its
# BAR0: malformed words (with multicast promiscuous, which an untrusted
# VF may not have), SET_MAC with broadcast, multicast, zero, the PF's
# address, its macvlan's and the victim's, SET_MULTICAST counts past 30,
# SET_VLAN IDs past 4094 and the victim's VLAN, SET_LPE sizes out of range,
# requests before RESET (after a CTRL.RST; on the 82599, which does not
# report that to the PF, after an FLR), RESET in a loop, its buffer kept
# locked for 2 s while it rings, then 2 s more without CTS ringing ACK,
# and FLOOD messages as fast as it can,
# then more floods until the traffic ends.  On the 82599 it speaks
# ixgbe's dialect, with more: requests above API 1.0 right after RESET,
# API versions vtnic does not offer, then at 1.4 GET_RETA and
# GET_RSS_KEY (not permitted), UPDATE_XCAST_MODE past PROMISC, PROMISC
# and ALLMULTI (untrusted), and SET_MACVLAN: two extra addresses past
# its share, and the victim's address.  Meanwhile
# the victim, VF 0 bound to the VF driver under test in a namespace with
# a VLAN device and a multicast group, and the PF each send MBYTES MiB
# over TCP to port B.
#
# Asserted: both transfers arrive intact and each keeps at least
# FRACTION% of the throughput the same transfers had unattacked (the
# slower of a run before the attack and one after it); no oops, WARN,
# BUG or DMAR fault; the victim's "vf 0" line of "ip link show PF" and
# its netdev's lines are unchanged, and so are its filter entries in
# "ethtool -d PF" (regs_read decodes the dump by its layout version:
# on the 82576 RAR 23 with its pool bits, VMOLR(0),
# VMVIR(0), VFRE/VFTE/DTXSWC bits; on the 82599 RAR 127 and its MPSAR,
# PFVML2FLT(0), PFVMVIR(0), PFVFRE/PFVFTE/PFVFSPOOF bits; on both its
# VLAN filters and their VFTA bits; the shared MTA keeps every bit);
# the PF logged at most LOG_PER_S lines about VF 1 per started second of
# the attack, plus LOG_SLACK; every request that must be refused and was
# answered got a NACK, never an ACK; VF 1 held at most VLANS_PER_VF
# VLAN filters; on the 82599 an untrusted VF got MULTI at most from
# UPDATE_XCAST_MODE and its PFVML2FLT no MPE, and it held at most
# UC_PER_VF exact address filters besides its own; the flood was not all
# answered, and the PF answered VF 1 no more than its mailbox budget
# allows (BURST, then RATE a second); "ethtool -S PF" counts VF 1's
# messages (at least those ACKed), NACKs and requests that waited.
# After an FLR of VF 1 the shared tables are as before the attack, and
# VF 1 works: RESET is ACKed with the address the admin set, SET_MAC of
# a fresh address is ACKed, and bound to the VF driver it pings port B.
#
# FRACTION: under QEMU TCG with two vCPUs the attacker shares the guest's
# CPUs with the transfers (its flood spins on one, 50000 to 100000
# doorbells a second), and every doorbell, even one past the budget, is a
# PF mailbox interrupt.  Measured with the mailbox budget, igbvf and
# vtnicvf victims: the attacked transfers kept 48% to 122% of their
# unattacked throughput (14 transfers; over 100% is the host's load
# moving between the runs); 57% and 80% before the PF had a budget.
# On the 82599 model (four vCPUs on the same two cores, ixgbevf victim,
# the attacker in ixgbe's dialect) they kept 80% to 108% (6 transfers).
# The host's load moves the numbers too (a fuzzer on the same two cores
# once made an attacked run 177% of the unattacked one before it), so
# the reference is the slower of an unattacked run before the attack
# and one after it.  30% leaves room under the lowest seen: the
# check is there to catch a PF that stalls its own or another VF's
# traffic while it deals with the attacker, not to price a doorbell.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

MBYTES=64
FRACTION=30		# percent of the unattacked throughput (see above)
FLOOD=100000
TIMEOUT_MS=100		# vfattack's wait for each step
PF_MACVLAN=02:00:00:a7:7a:f0	# a macvlan's on the PF
LOG_PER_S=1		# vtnic_iov.c: one refusal line per VF per second
LOG_SLACK=2
BURST=64		# vtnic_iov.h: VTNIC_IOV_MBX_BURST
RATE=32			# VTNIC_IOV_MBX_RATE, messages a second
BUDGET_SLACK=8		# the refill runs on jiffies, the clock here on ms
VLANS_PER_VF=4		# VTNIC_IOV_VF_MAX_VLANS
UC_PER_VF=10		# VTNIC_IOV_VF_MAX_UC: the 82599 has room for 10 with 2 VFs
LIMIT=120		# seconds a transfer may take
VLAN=42
GROUP=01:00:5e:01:02:03
ADMIN_MAC=02:00:00:a7:7a:01
FRESH_MAC=02:00:00:a7:7a:02

cleanup()
{
	local p

	for p in ${bg_pids:-}; do
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	# VFs first: see vf_test_cleanup
	echo 0 > "$PCI_A/sriov_numvfs" 2>/dev/null
	cleanup_all_ns
	[ -n "${dev_a:-}" ] && ip link set "$dev_a" down 2>/dev/null
	rm -rf "$tmp"
}

# regs_read: R gets the words of "ethtool -d PF" (Documentation/vtnic.rst,
# "Register dump"), one hex word each, and LAYOUT its version: 1 on the
# 82576, 3 on the 82599.  The word indices of what the checks read:
#   RARS     receive addresses; VF n's is RARS - 1 - n
#   W_RAR    RAL(0), RAH(0) after it, two words an address
#   W_MPSAR  (3) MPSAR_LO(0), MPSAR_HI(0), two words an address; (1) the
#            pools are in RAH
#   W_PRX    a pool's receive filter: VMOLR(0) / PFVML2FLT(0)
#   W_VIR    VMVIR(0) / PFVMVIR(0)
#   W_VFRE, W_VFTE, W_SPOOF  VFRE, VFTE, DTXSWC / PFVFRE(0), PFVFTE(0),
#            PFVFSPOOF(0): pool n's bits n, and n and 8 + n for spoofing
#   VLVFS, W_VLVF  VLAN pool filters, VLVF(0) / PFVLVF(0)
#   W_VLVFB  (3) PFVLVFB(0), two words a filter; (1) the pools are in VLVF
#   W_VFTA, W_MTA  VFTA(0), MTA(0), 128 words each
regs_read()
{
	mapfile -t R < <(ip netns exec "$NSA" ethtool -d "$dev_a" raw on |
			 od -An -v -tx4 -w4 | tr -d ' ')
	[ "${#R[@]}" -gt 0 ] || return 1
	LAYOUT=$((16#${R[0]}))
	case "$LAYOUT:${#R[@]}" in
	1:360)
		RARS=24 W_RAR=8 W_PRX=56 W_VIR=64 VLVFS=32 W_VLVF=72
		W_VFTA=104 W_MTA=232 W_VFRE=1 W_VFTE=2 W_SPOOF=3 ;;
	3:1174)
		RARS=128 W_RAR=8 W_VFTA=264 W_MTA=392 W_VFRE=521 W_VFTE=523
		W_SPOOF=525 W_MPSAR=533 W_PRX=789 W_VIR=853 VLVFS=64
		W_VLVF=917 W_VLVFB=981 ;;
	*)
		return 1 ;;
	esac
}

# bit WORD N: bit N of R[WORD]
bit()
{
	echo $((16#${R[$1]} >> $2 & 1))
}

# vlvf_has SLOT POOL: VLAN pool filter SLOT is on and holds POOL
vlvf_has()
{
	local e=$((16#${R[W_VLVF + $1]}))

	((e >> 31 & 1)) || return 1
	if [ "$LAYOUT" = 1 ]; then
		((e >> (12 + $2) & 1))
	else
		[ "$(bit $((W_VLVFB + 2 * $1 + $2 / 32)) $(($2 % 32)))" = 1 ]
	fi
}

vlvf_vid()
{
	echo $((16#${R[W_VLVF + $1]} & 0xfff))
}

# victim_filters: what VF 0 owns, from the register dump
victim_filters()
{
	local s r vid

	regs_read || return 1
	r=$((RARS - 1))
	if [ "$LAYOUT" = 1 ]; then
		echo "RAR $r: ${R[W_RAR + 2 * r]} ${R[W_RAR + 2 * r + 1]}"
		echo "VMOLR(0): ${R[W_PRX]} VMVIR(0): ${R[W_VIR]}"
		echo "VFRE.0: $(bit "$W_VFRE" 0) VFTE.0: $(bit "$W_VFTE" 0)" \
		     "DTXSWC spoof bits: $((16#${R[W_SPOOF]} & 0x101))"
	else
		echo "RAR $r: ${R[W_RAR + 2 * r]} ${R[W_RAR + 2 * r + 1]}" \
		     "MPSAR: ${R[W_MPSAR + 2 * r]} ${R[W_MPSAR + 2 * r + 1]}"
		echo "PFVML2FLT(0): ${R[W_PRX]} PFVMVIR(0): ${R[W_VIR]}"
		echo "PFVFRE.0: $(bit "$W_VFRE" 0) PFVFTE.0: $(bit "$W_VFTE" 0)" \
		     "PFVFSPOOF bits: $((16#${R[W_SPOOF]} & 0x101))"
	fi
	for ((s = 0; s < VLVFS; s++)); do
		vlvf_has $s 0 || continue
		vid=$(vlvf_vid $s)
		echo "VLAN $vid: VFTA bit $(bit $((W_VFTA + (vid >> 5))) $((vid & 31)))"
	done | sort
}

# vf_vlans POOL: the VLANs (0 aside) whose filters hold POOL, one a line
vf_vlans()
{
	local s

	regs_read || return 1
	for ((s = 0; s < VLVFS; s++)); do
		if vlvf_has $s "$1" && [ "$(vlvf_vid $s)" != 0 ]; then
			vlvf_vid $s
		fi
	done
}

# shared_tables: the VLAN pool filters, VFTA and MTA, all pools; the
# MTA's 128 words last
shared_tables()
{
	regs_read || return 1
	printf '%s\n' "${R[@]:W_VLVF:VLVFS}"
	[ "$LAYOUT" = 1 ] || printf '%s\n' "${R[@]:W_VLVFB:2 * VLVFS}"
	printf '%s\n' "${R[@]:W_VFTA:128}" "${R[@]:W_MTA:128}"
}

# mta_kept BEFORE AFTER: every MTA bit set in BEFORE (shared_tables
# output) is set in AFTER
mta_kept()
{
	local b a i

	mapfile -t b < "$1"
	mapfile -t a < "$2"
	for ((i = ${#b[@]} - 128; i < ${#b[@]}; i++)); do
		((16#${b[i]} & ~16#${a[i]})) && return 1
	done
	return 0
}

# victim_links: the PF's "vf 0" line and the victim netdev's lines
victim_links()
{
	ip -n "$NSA" link show dev "$dev_a" | grep -E '^ +vf 0 '
	ip -n "$NSV" link show dev "$dev_vf"
}

same()
{
	if ! diff -u "$1" "$2" > "$tmp/diff"; then
		while read -r l; do
			ktap_print_msg "$l"
		done < "$tmp/diff"
		return 1
	fi
}

# xfers_start: MBYTES MiB from the victim VF and from the PF to port B
xfers_start()
{
	local name from port

	for name in vf pf; do
		if [ $name = vf ]; then
			from=$NSV port=5201
		else
			from=$NSA port=5202
		fi
		rm -f "$tmp/$name.rx"
		ip netns exec "$NSB" timeout $LIMIT \
			socat -u TCP4-LISTEN:$port,reuseaddr CREATE:"$tmp/$name.rx" &
		rx_pid[$name]=$!
		ip netns exec "$from" timeout $LIMIT \
			socat -u FILE:"$tmp/payload" TCP4:"$NET4.2":$port,retry=50,interval=0.1 &
		tx_pid[$name]=$!
	done
	xfer_t0=$(now_ms)
}

# xfers_wait LABEL: wait for both receivers; sets the throughputs
# (KiB/s) in kibs[] and xfer_ok (both intact)
xfers_wait()
{
	local name ms size want=$((MBYTES * (1048576 + 15))) sum

	xfer_ok=1
	declare -A done_ms=()
	while [ "${#done_ms[@]}" -lt 2 ]; do
		for name in vf pf; do
			[ -n "${done_ms[$name]:-}" ] && continue
			kill -0 "${rx_pid[$name]}" 2>/dev/null && continue
			wait "${rx_pid[$name]}"
			done_ms[$name]=$(($(now_ms) - xfer_t0))
		done
		sleep 0.1
	done
	wait "${tx_pid[vf]}" "${tx_pid[pf]}"
	for name in vf pf; do
		ms=${done_ms[$name]}
		size=$(stat -c %s "$tmp/$name.rx" 2>/dev/null || echo 0)
		sum=$(sha256sum < "$tmp/$name.rx" | cut -d' ' -f1)
		kibs[$name]=$((size * 1000 / (ms ? ms : 1) >> 10))
		ktap_print_msg "$1: $name -> B: $size of $want bytes in $ms ms" \
			"(${kibs[$name]} KiB/s)"
		if [ "$size" != "$want" ] || [ "$sum" != "$(cat "$tmp/payload.sha256")" ]; then
			ktap_print_msg "$1: $name -> B arrived damaged or short"
			xfer_ok=0
		fi
		rm -f "$tmp/$name.rx"
	done
}

# att LABEL ARGS...: one vfattack run against VF 1, output in $tmp/att.LABEL
att()
{
	local label=$1

	shift
	echo "== $label: vfattack $*" >> "$tmp/attack.log"
	vfattack -t $TIMEOUT_MS "$bdf_att" "$@" > "$tmp/att.$label" 2>&1
	cat "$tmp/att.$label" >> "$tmp/attack.log"
	echo "$label: $(grep '^vfattack:' "$tmp/att.$label")" >> "$tmp/attack.sum"
}

# The attack, then more floods until the transfers are done (the file
# $tmp/stop); labels starting "no_" are requests the PF must refuse
attack()
{
	local n round=1

	att reset reset
	att no_garbage garbage
	if [ "$card" = 82599 ]; then
		# ixgbe's dialect: versions vtnic does not speak, then 1.4
		# as ixgbevf settles on, and what 1.4 offers that an
		# untrusted VF must not get
		att no_api api 1 6 9 255
		att api api 5
		att queues queues
		att no_reta reta
		att no_rss_key rss-key
		att no_xcast xcast 4 0xffffffff
		att xcast_promisc xcast 3 2
		sleep 0.2
		regs_read && bit $((W_PRX + 1)) 28 > "$tmp/mpe.xcast"
		# extra addresses: its share, then more; never the victim's
		for n in $(seq 1 $((UC_PER_VF + 2))); do
			att "macvlan_$n" macvlan "$n" "02:00:00:a7:7b:$(printf %02x "$n")"
		done
		sleep 0.2
		regs_read && pool_rars 1 > "$tmp/uc.quota"
		att no_macvlan_victim macvlan 1 "$victim_mac"
	fi
	att no_mac mac ff:ff:ff:ff:ff:ff 01:00:5e:00:00:01 33:33:00:00:00:01 \
		00:00:00:00:00:00 "$pf_mac" "$victim_mac" "$PF_MACVLAN"
	for n in 31 32 200 255; do
		att no_mc_$n mc $n
	done
	for n in 4095 4096 65535 0x80000fff 0xffffffff; do
		att no_vlan_$n vlan $n add
	done
	# The victim's VLAN: sharing it is allowed, taking it away is not
	att vlan_victim_del vlan $VLAN del
	att vlan_victim_add vlan $VLAN add
	att vlan_victim_del2 vlan $VLAN del
	# At most VLANS_PER_VF of its own: the filters tell, as a reply may
	# come after vfattack stopped waiting
	for n in 100 101 102 103 104; do
		att vlan_quota_$n vlan $n add
	done
	sleep 0.2
	vf_vlans 1 > "$tmp/vlans.quota"
	for n in 0 63 9239 0xffffffff; do
		att no_lpe_$n lpe $n
	done
	att no_prereset prereset
	att reset_loop -q reset-loop 100
	att hold -q hold 2000
	# Without CTS, ACK rung with the buffer held: the NACK the PF owes
	# is tried once a pace, not at every doorbell
	att ackstorm -q ackstorm 2000
	att reset_after_storm reset
	att flood -q flood $FLOOD
	while [ ! -e "$tmp/stop" ]; do
		round=$((round + 1))
		att flood_$round -q flood $FLOOD
	done
}

# summary_of LABEL FIELD: a number from the vfattack summary line
summary_of()
{
	grep '^vfattack:' "$tmp/att.$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# refusals_nacked: no request the PF must refuse was ACKed
refusals_nacked()
{
	local f label rc=0

	for f in "$tmp"/att.no_*; do
		label=${f##*/att.}
		ktap_print_msg "$label: $(grep '^vfattack:' "$f")"
		if [ "$(summary_of "$label" acked)" != 0 ]; then
			grep -E ' ACK' "$f" | while read -r l; do
				ktap_print_msg "  ACKed: $l"
			done
			rc=1
		fi
	done
	return $rc
}

flood_not_all_answered()
{
	local sent answered

	sent=$(summary_of flood sent)
	answered=$(($(summary_of flood acked) + $(summary_of flood nacked)))
	ktap_print_msg "flood: $answered of $sent answered," \
		"$((sent - answered)) replaced while they waited, or overwritten"
	[ "$sent" -gt 0 ] && [ "$answered" -lt "$sent" ]
}

# within_budget: the PF answered VF 1 at most BURST + RATE per started
# second of the attack (the mailbox budget of vtnic_iov.h)
within_budget()
{
	local f label answered=0 sent=0
	local bound=$((BURST + RATE * ((attack_ms + 999) / 1000) + BUDGET_SLACK))

	for f in "$tmp"/att.*; do
		label=${f##*/att.}
		sent=$((sent + $(summary_of "$label" sent)))
		answered=$((answered + $(summary_of "$label" acked) +
			     $(summary_of "$label" nacked)))
	done
	ktap_print_msg "VF 1 sent $sent messages in $attack_ms ms, $answered answered" \
		"(budget $bound)"
	[ "$answered" -le "$bound" ]
}

# mbx_counted: "ethtool -S A" counts VF 1's mailbox: at least the
# messages the attacker saw ACKed, some NACKs (the refusals) and some
# requests that waited for its budget (the flood)
mbx_counted()
{
	local f label acked=0 msgs nacks deferred

	for f in "$tmp"/att.*; do
		label=${f##*/att.}
		acked=$((acked + $(summary_of "$label" acked)))
	done
	msgs=$(ethtool_stat "$NSA" "$dev_a" vf_1_mbx_msgs) &&
	nacks=$(ethtool_stat "$NSA" "$dev_a" vf_1_mbx_nacks) &&
	deferred=$(ethtool_stat "$NSA" "$dev_a" vf_1_mbx_deferred) || return 1
	ktap_print_msg "ethtool -S: vf_1_mbx_msgs $msgs, _nacks $nacks," \
		"_deferred $deferred; the attacker saw $acked ACKs"
	[ "$msgs" -ge "$acked" ] && [ "$nacks" -gt 0 ] && [ "$deferred" -gt 0 ]
}

# vlans_capped: VF 1 had at most VLANS_PER_VF VLAN filters (VLAN pool
# filters with its pool bit, VLAN 0 aside) after asking for six
vlans_capped()
{
	local n

	n=$(grep -c . "$tmp/vlans.quota")
	ktap_print_msg "VF 1 had $n VLAN filters: $(tr '\n' ' ' < "$tmp/vlans.quota")" \
		"(at most $VLANS_PER_VF)"
	[ "$n" -le $VLANS_PER_VF ]
}

# pool_rars POOL: how many exact address filters hold POOL (82599 dump)
pool_rars()
{
	local n c=0

	for ((n = 0; n < RARS; n++)); do
		(($(bit $((W_RAR + 2 * n + 1)) 31))) || continue
		(($(bit $((W_MPSAR + 2 * n + $1 / 32)) $(($1 % 32))))) &&
			c=$((c + 1))
	done
	echo $c
}

# uc_capped: VF 1 held its own address and at most its share of extra
# ones (Documentation/vtnic.rst, "Extra unicast addresses")
uc_capped()
{
	local n

	n=$(cat "$tmp/uc.quota")
	ktap_print_msg "VF 1 had $n exact address filters (at most 1 + $UC_PER_VF)"
	[ "$n" -ge 1 ] && [ "$n" -le $((1 + UC_PER_VF)) ]
}

# xcast_capped: an untrusted VF that asked for PROMISC and ALLMULTI was
# given MULTI at most (or refused), and its pool's PFVML2FLT has no MPE
# (bit 28, every multicast)
xcast_capped()
{
	local granted g rc=0

	grep -E '^(xcast|UPDATE_XCAST)' "$tmp/att.xcast_promisc" |
		while read -r l; do
			ktap_print_msg "$l"
		done
	granted=$(sed -n 's/^xcast asked [0-9]* granted //p' "$tmp/att.xcast_promisc")
	[ -n "$granted" ] || { ktap_print_msg "no UPDATE_XCAST_MODE was answered ACK"; rc=1; }
	for g in $granted; do
		[ "$g" -le 1 ] || rc=1
	done
	ktap_print_msg "PFVML2FLT(1).MPE after it: $(cat "$tmp/mpe.xcast")"
	[ "$(cat "$tmp/mpe.xcast")" = 0 ] || rc=1
	return $rc
}

log_bounded()
{
	local n bound=$((LOG_PER_S * ((attack_ms + 999) / 1000) + LOG_SLACK))

	n=$(kernel_log_since "$log_mark" | grep -c 'VF 1: ')
	ktap_print_msg "$n kernel log lines about VF 1 in $attack_ms ms (bound $bound)"
	[ "$n" -le "$bound" ]
}

kept_fraction()
{
	ktap_print_msg "$1: $3 KiB/s attacked, $2 KiB/s unattacked (slower run)" \
		"($(($3 * 100 / ($2 ? $2 : 1)))%, at least $FRACTION% needed)"
	[ $(($3 * 100)) -ge $(($2 * FRACTION)) ]
}

xfers_intact()
{
	[ "$att_ok" = 1 ] && [ "$xfer_ok" = 1 ]
}

reset_acked()
{
	vfattack -t $TIMEOUT_MS "$bdf_att" reset > "$tmp/probe" 2>&1
	while read -r l; do
		ktap_print_msg "$l"
	done < "$tmp/probe"
	grep -qx "mac $ADMIN_MAC" "$tmp/probe"
}

set_mac_acked()
{
	vfattack -t $TIMEOUT_MS "$bdf_att" mac $FRESH_MAC > "$tmp/probe" 2>&1
	while read -r l; do
		ktap_print_msg "$l"
	done < "$tmp/probe"
	grep -q '^vfattack: sent=1 acked=1 ' "$tmp/probe"
}

flr()
{
	echo 1 > "/sys/bus/pci/devices/$bdf_att/reset"
}

vtnic_require_env
tmp=$(mktemp -d)
dev_a=''
bg_pids=''
declare -A rx_pid=() tx_pid=() kibs=()
trap cleanup EXIT
ktap_print_header
if ! command -v vfattack > /dev/null; then
	ktap_skip_all "vfattack is not installed (tools/testing/vfattack)"
	exit "$KSFT_SKIP"
fi
# The card: the 82599's VFs speak ixgbe's dialect, with one check more
case "$(cat "$PCI_A/device")" in
0x10c9) card=82576 plan=19 ;;
0x10fb) card=82599 plan=21 ;;
*) ktap_exit_fail_msg "port A is no 82576 or 82599: $(cat "$PCI_A/device")" ;;
esac
ktap_set_plan "$plan"

mark=$(kernel_log_mark)
ports_lookup
setup_ns NSA NSV NSX NSB
# The PF carries traffic of its own, from a namespace
ns_attach "$dev_a" "$NSA" "$NET4.1/24" ||
	ktap_exit_fail_msg "cannot move port A into a namespace"
set_numvfs "$VTNIC_PORT_A" 2 || ktap_exit_fail_msg "cannot create 2 VFs"
bdf_att=$(vf_pci "$VTNIC_PORT_A" 1)
if [ -e "/sys/bus/pci/devices/$bdf_att/driver" ]; then
	echo "$bdf_att" > "/sys/bus/pci/devices/$bdf_att/driver/unbind"
fi
dev_vf=$(vf_attach 0 "$NSV" "$NET4.11/24") ||
	ktap_exit_fail_msg "VF 0 does not come up with $VTNIC_VF_DRIVER"
b_attach
# Something of the victim's for the attacker to disturb
if ! modprobe 8021q ||
   ! ip -n "$NSV" link add link "$dev_vf" name "vf.$VLAN" type vlan id $VLAN ||
   ! ip -n "$NSV" link set "vf.$VLAN" up ||
   ! ip -n "$NSV" maddr add $GROUP dev "$dev_vf"; then
	ktap_exit_fail_msg "cannot add VLAN $VLAN and group $GROUP on the victim"
fi
ping_retry "$NSV" "$NET4.2" 15 || ktap_exit_fail_msg "the victim VF does not reach port B"
ping_retry "$NSA" "$NET4.2" 15 || ktap_exit_fail_msg "the PF does not reach port B"
pf_mac=$(mac_of "$NSA" "$dev_a")
# A second address of the PF's, which no VF may take either
if ! modprobe macvlan ||
   ! ip -n "$NSA" link add link "$dev_a" name pf.mv address $PF_MACVLAN \
	type macvlan mode bridge ||
   ! ip -n "$NSA" link set pf.mv up; then
	ktap_exit_fail_msg "cannot add a macvlan with $PF_MACVLAN on the PF"
fi
victim_mac=$(mac_of "$NSV" "$dev_vf")
payload_make "$tmp/payload" $MBYTES || ktap_exit_fail_msg "cannot make the payload"

# Let the victim's filter requests settle, then take the "before" view
sleep 1
victim_filters > "$tmp/filters.before" ||
	ktap_exit_fail_msg "no ethtool -d of layout 1 (82576) or 3 (82599) on $dev_a"
shared_tables > "$tmp/shared.before"
victim_links > "$tmp/links.before"
while read -r l; do
	ktap_print_msg "victim before: $l"
done < "$tmp/filters.before"

xfers_start
xfers_wait unattacked
base_vf=${kibs[vf]} base_pf=${kibs[pf]}
[ "$xfer_ok" = 1 ] || ktap_exit_fail_msg "the unattacked transfers failed"

log_mark=$(kernel_log_mark)
xfers_start
attack_t0=$(now_ms)
attack &
attack_pid=$!
bg_pids=$attack_pid
xfers_wait attacked
touch "$tmp/stop"
wait "$attack_pid"
attack_ms=$(($(now_ms) - attack_t0))
bg_pids=''
ktap_print_msg "the attack took $attack_ms ms"
victim_filters > "$tmp/filters.after"
victim_links > "$tmp/links.after"
shared_tables > "$tmp/shared.after"
att_vf=${kibs[vf]} att_pf=${kibs[pf]} att_ok=$xfer_ok
# Unattacked again, VF 1 quiet: the reference is the slower of the two
# runs, so that a change in the host's load during the test is not taken
# for the attack's doing
xfers_start
xfers_wait "unattacked again"
[ "${kibs[vf]}" -lt "$base_vf" ] && base_vf=${kibs[vf]}
[ "${kibs[pf]}" -lt "$base_pf" ] && base_pf=${kibs[pf]}

ktap_test_result "both transfers arrive intact under attack and after" \
	xfers_intact
ktap_test_result "victim VF -> B keeps $FRACTION% of its throughput" \
	kept_fraction vf "$base_vf" "$att_vf"
ktap_test_result "PF -> B keeps $FRACTION% of its throughput" \
	kept_fraction pf "$base_pf" "$att_pf"
ktap_test_result "the victim's ip link lines are unchanged" \
	same "$tmp/links.before" "$tmp/links.after"
ktap_test_result "the victim's filter registers are unchanged" \
	same "$tmp/filters.before" "$tmp/filters.after"
ktap_test_result "the shared MTA kept every bit" \
	mta_kept "$tmp/shared.before" "$tmp/shared.after"
ktap_test_result "every request that must be refused got no ACK" refusals_nacked
ktap_test_result "VF 1 got at most $VLANS_PER_VF VLANs" vlans_capped
if [ "$card" = 82599 ]; then
	ktap_test_result "VF 1, untrusted, got MULTI at most from UPDATE_XCAST_MODE" \
		xcast_capped
	ktap_test_result "VF 1 got at most $UC_PER_VF extra addresses" uc_capped
fi
ktap_test_result "the flood of $FLOOD was not all answered" flood_not_all_answered
ktap_test_result "VF 1 was answered within its budget of $BURST + $RATE/s" \
	within_budget
ktap_test_result "ethtool -S counts VF 1's messages, NACKs and waits" \
	mbx_counted
ktap_test_result "log lines about VF 1 stay within $LOG_PER_S per second" \
	log_bounded

ktap_test_result "FLR of VF 1" flr
sleep 3
shared_tables > "$tmp/shared.flr"
ktap_test_result "after the FLR, VLVF, VFTA and MTA are as before the attack" \
	same "$tmp/shared.before" "$tmp/shared.flr"
ip -n "$NSA" link set "$dev_a" vf 1 mac $ADMIN_MAC
ktap_test_result "VF 1 RESET is ACKed with the admin's address" reset_acked
ip -n "$NSA" link set "$dev_a" vf 1 mac 00:00:00:00:00:00
ktap_test_result "VF 1 SET_MAC of a fresh address is ACKed" set_mac_acked
dev_att=$(vf_attach 1 "$NSX" "$NET4.12/24")
ktap_test_result "VF 1 bound to $VTNIC_VF_DRIVER comes up" test -n "$dev_att"
ktap_test_result "VF 1 pings port B" ping_retry "$NSX" "$NET4.2" 15
ktap_test_result "no oops, WARN, BUG or DMAR fault" kernel_log_clean "$mark"
while read -r l; do
	ktap_print_msg "$l"
done < "$tmp/attack.sum"
ktap_finished
