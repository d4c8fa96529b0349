#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Queue and ring changes under load: while 64 MiB go over TCP from port A
# to port B, "ethtool -L A combined N" and "ethtool -G A rx R tx T" take a
# few values within the maxima ethtool -l/-g report; each reads back,
# traffic resumes after each, and the transfer completes intact.  A port
# fast enough to finish the 64 MiB before the last change (the 82599
# model at 10 Gb/s) gets another transfer for the changes left, each
# checked the same way.  The original settings are put back and read
# back.  Each change may take the link down for a moment.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

PROGRESS=$((2 << 20))	# bytes that must flow after each change

cleanup()
{
	# ethtool refuses a change to what is already set: quiet.
	[ -n "$orig_combined" ] && ip netns exec "$NSA" \
		ethtool -L "$dev_a" combined "$orig_combined" 2>/dev/null
	[ -n "$orig_rx" ] && ip netns exec "$NSA" \
		ethtool -G "$dev_a" rx "$orig_rx" tx "$orig_tx" 2>/dev/null
	cleanup_all_ns
	rm -rf "$tmp"
}

# settings: port A's current channels and rings, as "combined N rx R tx T"
settings()
{
	echo "combined $(ethtool_field "$NSA" "$dev_a" -l Current Combined)" \
		"rx $(ethtool_field "$NSA" "$dev_a" -g Current RX)" \
		"tx $(ethtool_field "$NSA" "$dev_a" -g Current TX)"
}

# settings_are WORDS...: the current settings read WORDS
settings_are()
{
	[ "$(settings)" = "$*" ]
}

# progressed SINCE: the transfer delivered PROGRESS bytes more than SINCE
progressed()
{
	[ "$(tcp_received)" -ge $(($1 + PROGRESS)) ]
}

# moved_on SINCE: the transfer progressed since SINCE, or everything has
# arrived (it was that close to the end when the change came; the sender
# may still be closing the connection)
moved_on()
{
	progressed "$1" ||
		[ "$(tcp_received)" -ge "$(wc -c < "$tmp/payload")" ]
}

# change OPT ARGS...: apply "ethtool OPT A ARGS" during the transfer; true
# when it succeeds, reads back and the transfer moves on afterwards
change()
{
	local opt=$1 want got before

	shift
	if ! tcp_running; then
		ktap_print_msg "the transfer ended before ethtool $opt $*:" \
			"checking it and starting another"
		tcp_transfer_wait || intact=0
		transfers=$((transfers + 1))
		tcp_transfer_start "$NSA" "$NSB" "$NET4.2" "$tmp/payload" 90
		slowwait 10 progressed 0 || return 1
	fi
	before=$(tcp_received)
	ip netns exec "$NSA" ethtool "$opt" "$dev_a" "$@" || return 1
	got=$(settings)
	case "$opt" in
	-L) want="combined $2" ;;
	-G) want="rx $2 tx $4" ;;
	esac
	ktap_print_msg "ethtool $opt $*: now $got, $(tcp_received) bytes sent"
	case " $got " in
	*" $want "*) ;;
	*) return 1 ;;
	esac
	wait_carrier "$dev_a" "$NSA" && slowwait 30 moved_on "$before" &&
		return 0
	ktap_print_msg "stalled at $(tcp_received) bytes"
	ip netns exec "$NSA" ss -tnio | paste -sd' ' | fold -s -w 160 |
		while read -r line; do ktap_print_msg "$line"; done
	port_diag "$NSA" "$dev_a"
	port_diag "$NSB" "$dev_b"
	return 1
}

vtnic_require_env
tmp=$(mktemp -d)
orig_combined='' orig_rx='' orig_tx=''
trap cleanup EXIT
ktap_print_header
ktap_set_plan 8

ports_attach
ports_wait_up
payload_make "$tmp/payload" 64 || ktap_exit_fail_msg "cannot make the payload"

orig_combined=$(ethtool_field "$NSA" "$dev_a" -l Current Combined)
orig_rx=$(ethtool_field "$NSA" "$dev_a" -g Current RX)
orig_tx=$(ethtool_field "$NSA" "$dev_a" -g Current TX)
max_combined=$(ethtool_field "$NSA" "$dev_a" -l "Pre-set maximums" Combined)
max_rx=$(ethtool_field "$NSA" "$dev_a" -g "Pre-set maximums" RX)
max_tx=$(ethtool_field "$NSA" "$dev_a" -g "Pre-set maximums" TX)
ktap_print_msg "port A: $(settings); maxima: combined $max_combined" \
	"rx $max_rx tx $max_tx"
[ -n "$orig_combined" ] && [ -n "$max_combined" ] && [ -n "$orig_rx" ] &&
	[ -n "$max_rx" ] && [ -n "$max_tx" ] ||
	ktap_exit_fail_msg "ethtool -l/-g report no combined channels or rings"
# Small rings, but no smaller than the maxima allow.
small_rx=$((max_rx < 128 ? max_rx : 128))
small_tx=$((max_tx < 128 ? max_tx : 128))
mid_rx=$((max_rx < 512 ? max_rx : 512))
mid_tx=$((max_tx < 1024 ? max_tx : 1024))

intact=1 transfers=1
tcp_transfer_start "$NSA" "$NSB" "$NET4.2" "$tmp/payload" 90
slowwait 10 progressed 0

# Deep rings with one queue, many queues with short rings: 8 queues of
# 4096 buffers each can take igb half a minute to set up under TCG.
ktap_test_result "ethtool -L combined 1 under load" change -L combined 1
ktap_test_result "ethtool -G rx $max_rx tx $max_tx under load" \
	change -G rx "$max_rx" tx "$max_tx"
ktap_test_result "ethtool -G rx $small_rx tx $small_tx under load" \
	change -G rx "$small_rx" tx "$small_tx"
ktap_test_result "ethtool -L combined $max_combined under load" \
	change -L combined "$max_combined"
ktap_test_result "ethtool -G rx $mid_rx tx $mid_tx under load" \
	change -G rx "$mid_rx" tx "$mid_tx"
ktap_test_result "ethtool -L combined 1 again under load" change -L combined 1
tcp_transfer_wait || intact=0
ktap_print_msg "$transfers transfers of 64 MiB"
ktap_test_result "TCP 64 MiB A -> B intact across the changes" [ "$intact" = 1 ]

ip netns exec "$NSA" ethtool -L "$dev_a" combined "$orig_combined"
ip netns exec "$NSA" ethtool -G "$dev_a" rx "$orig_rx" tx "$orig_tx"
ktap_test_result "original settings back: combined $orig_combined rx $orig_rx tx $orig_tx" \
	settings_are combined "$orig_combined" rx "$orig_rx" tx "$orig_tx"
ktap_finished
