#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vtnic-only
# card: 82599
#
# min_tx_rate accepted and refused as Documentation/vtnic.rst says, and
# held by the card.  A guarantee is a weight in the 82599's transmit
# arbitration between pools (RTTDT1C, RTTDCS.VMPAC), so the test reads
# the weights back from the card through "ethtool -d PF" (layout 3), not
# from the driver's own state: with VFs VMPAC is set and every pool in
# use weighs something; "vf N min_tx_rate R" is accepted, shows in
# "ip link show", and the weights are R / link of 10000 for a guaranteed
# VF and an equal split of the rest (at least 10) for the PF and the
# other VFs; guarantees adding up to more than the link are refused with
# EINVAL, the reason in the kernel log, and a limit below the guarantee
# with EINVAL too; neither changes a weight; a PF reset (down and up) writes the
# same weights again; with another VF count the guarantees are gone and
# the rest splits over the new count; without VFs VMPAC and the weights
# are clear.
#
# No traffic: the model stores the weights but does not arbitrate by
# them (tools/testing/qemu/i82599_dp.c), so what a guarantee does to
# throughput on a real card is not measured here.  Takes port A down and
# up.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

# Layout 3 of the 82599's dump: RTTDCS, then pool n's RTTDT1C
REGS_VERSION=3
REGS_WORDS=1174
REGS_RTTDCS=1109
REGS_RTTDT1C=1110
VMPAC=2
SCALE=10000
FLOOR=10

cleanup()
{
	vf_test_cleanup
}

# regs_read: R gets the words of "ethtool -d PF", one hex word each
regs_read()
{
	mapfile -t R < <(ethtool -d "$dev_a" raw on | od -An -v -tx4 -w4 | tr -d ' ')
	[ "${#R[@]}" = "$REGS_WORDS" ] && [ $((16#${R[0]})) = "$REGS_VERSION" ]
}

# crq POOL: the weight the card holds for POOL, from the last regs_read
crq()
{
	echo $((16#${R[REGS_RTTDT1C + $1]} & 0x3fff))
}

# link_mbps: what the guarantees are held against, 10 Gb/s while down
link_mbps()
{
	local s

	s=$(cat "/sys/class/net/$dev_a/speed" 2>/dev/null)
	[ -n "$s" ] && [ "$s" -gt 0 ] 2>/dev/null && echo "$s" || echo 10000
}

# want_weights NUM_VFS MIN...: the weights Documentation/vtnic.rst gives
# pools 0 .. NUM_VFS for VF n's guarantee MIN n (0 for none)
want_weights()
{
	local n=$1 link sum=0 others=1 rest i m

	shift
	link=$(link_mbps)
	for ((i = 0; i < n; i++)); do
		m=${1:-0}
		shift || true
		mins[i]=$m
		sum=$((sum + m))
		[ "$m" = 0 ] && others=$((others + 1))
	done
	rest=$(((link - sum) * SCALE / link / others))
	[ "$rest" -lt "$FLOOR" ] && rest=$FLOOR
	for ((i = 0; i < n; i++)); do
		if [ "${mins[i]}" = 0 ]; then
			echo -n "$rest "
		else
			echo -n "$(((mins[i] * SCALE + link / 2) / link)) "
		fi
	done
	echo "$rest"
}

# weights_are NUM_VFS MIN...: the card holds exactly the documented
# weights for pools 0 .. NUM_VFS, and 0 for the pools past the PF's
weights_are()
{
	local n=$1 want got="" p

	want=$(want_weights "$@")
	regs_read || { ktap_print_msg "no ethtool -d layout $REGS_VERSION"; return 1; }
	for ((p = 0; p <= n; p++)); do
		got+="$(crq "$p") "
	done
	got=${got% }
	for ((p = n + 1; p < 64; p++)); do
		[ "$(crq "$p")" = 0 ] || { ktap_print_msg "pool $p weighs $(crq "$p")"; return 1; }
	done
	ktap_print_msg "weights of pools 0..$n: $got (want $want)"
	[ "$got" = "$want" ]
}

no_weights()
{
	local p

	regs_read || return 1
	for ((p = 0; p < 64; p++)); do
		[ "$(crq "$p")" = 0 ] || { ktap_print_msg "pool $p weighs $(crq "$p")"; return 1; }
	done
}

vmpac_set()
{
	regs_read && [ $((16#${R[REGS_RTTDCS]} & VMPAC)) != 0 ]
}

vmpac_clear()
{
	regs_read && [ $((16#${R[REGS_RTTDCS]} & VMPAC)) = 0 ]
}

# refused ERRNO CMD...: CMD fails with ERRNO and logs why
refused()
{
	local want=$1 mark got

	shift
	mark=$(kernel_log_mark)
	got=$(errno_of "$@")
	ktap_print_msg "$*: $got"
	[ "$got" = "$want" ] && kernel_log_since "$mark" | grep -q 'min_tx_rate .*refused'
}

vtnic_require_env
dev_a=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 15

ports_lookup
pf_up_with_vfs 2
link=$(link_mbps)
ktap_print_msg "port A $dev_a, guarantees held against $link Mb/s"

expect "with VFs the pools are served by weight (RTTDCS.VMPAC)" vmpac_set
expect "no guarantees: the PF and both VFs weigh the same" weights_are 2

m0=$((link * 3 / 10)) m1=$((link / 5))
expect "vf 0 min_tx_rate $m0 accepted" \
	ip link set "$dev_a" vf 0 min_tx_rate "$m0"
expect "ip link show: vf 0 min_tx_rate $m0" \
	vf_shows "$dev_a" 0 "min_tx_rate ${m0}Mbps"
expect "vf 0's weight is its share of the link, the others split the rest" \
	weights_are 2 "$m0"
expect "vf 1 min_tx_rate $m1 accepted: each guarantee its share" \
	eval 'ip link set "$dev_a" vf 1 min_tx_rate "$m1" && weights_are 2 "$m0" "$m1"'

over=$((link - m0 + 1))
expect "vf 1 min_tx_rate $over refused: the guarantees would exceed the link" \
	refused EINVAL ip link set "$dev_a" vf 1 min_tx_rate "$over"
# A limit below the guarantee never reaches the driver: iproute2 refuses
# "max_tx_rate M min_tx_rate N" with N > M itself, and the kernel's
# rtnetlink (rtnl_set_vf_rate) refuses the legacy "rate M", which it
# pairs with the VF's current min_tx_rate, with EINVAL.  The driver's
# own check of it is in the unit tests.
expect "vf 0 rate $((m0 / 2)), below its min_tx_rate $m0, refused (EINVAL)" \
	eval '[ "$(errno_of ip link set "$dev_a" vf 0 rate $((m0 / 2)))" = EINVAL ]'
expect "the refusals changed no weight, and ip link show still has vf 1 at $m1" \
	eval 'weights_are 2 "$m0" "$m1" && vf_shows "$dev_a" 1 "min_tx_rate ${m1}Mbps" &&
	      vf_lacks "$dev_a" 0 max_tx_rate'
full=$((link - m0))
expect "vf 1 min_tx_rate $full: the guarantees take the link, the PF keeps the floor" \
	eval 'ip link set "$dev_a" vf 1 min_tx_rate "$full" && weights_are 2 "$m0" "$full"'

ip link set "$dev_a" down
ip link set "$dev_a" up
expect "after a PF reset the card holds the same weights" \
	weights_are 2 "$m0" "$full"

set_numvfs "$VTNIC_PORT_A" 4 || ktap_exit_fail_msg "cannot create 4 VFs"
expect "4 VFs: no guarantee left, five pools weigh the same" \
	eval 'weights_are 4 && vf_lacks "$dev_a" 0 min_tx_rate'
expect "4 VFs: vf 0 min_tx_rate $m0, the rest split over the PF and 3 VFs" \
	eval 'ip link set "$dev_a" vf 0 min_tx_rate "$m0" && weights_are 4 "$m0"'
expect "vf 0 min_tx_rate 0: equal again" \
	eval 'ip link set "$dev_a" vf 0 min_tx_rate 0 && weights_are 4'

set_numvfs "$VTNIC_PORT_A" 0
expect "without VFs: no weights, round robin (VMPAC clear)" \
	eval 'vmpac_clear && no_weights'
ktap_finished
