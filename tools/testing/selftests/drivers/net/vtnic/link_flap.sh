#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port A taken down and up ROUNDS times while pings run both ways: the
# link comes back each time, a TCP transfer afterwards arrives intact and
# the kernel logs no warning.  Takes port A's link down.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

ROUNDS=10

cleanup()
{
	cleanup_all_ns
	rm -rf "$tmp"
}

# flap N: take A down and up; true when its link is back
flap()
{
	ip -n "$NSA" link set "$dev_a" down &&
	sleep 0.2 &&
	ip -n "$NSA" link set "$dev_a" up &&
	wait_carrier "$dev_a" "$NSA"
}

# pinging: both background pings still run
pinging()
{
	kill -0 "$ping_ab" 2>/dev/null && kill -0 "$ping_ba" 2>/dev/null
}

vtnic_require_env
tmp=$(mktemp -d)
trap cleanup EXIT
ktap_print_header
ktap_set_plan $((ROUNDS + 4))

ports_attach
ports_wait_up
payload_make "$tmp/payload" 16 || ktap_exit_fail_msg "cannot make the payload"
mark=$(kernel_log_mark)

# Large pings every 10 ms both ways keep both rings busy; ping carries on
# through "network unreachable" while A is down.
ip netns exec "$NSA" ping -q -i 0.01 -s 1400 "$NET4.2" > "$tmp/ping_ab" 2>&1 &
ping_ab=$!
ip netns exec "$NSB" ping -q -i 0.01 -s 1400 "$NET4.1" > "$tmp/ping_ba" 2>&1 &
ping_ba=$!
sleep 1
for ((i = 1; i <= ROUNDS; i++)); do
	if flap; then
		ktap_test_pass "round $i: port A down and up, link back"
	else
		ktap_test_fail "round $i: port A down and up, link back"
		ktap_exit_fail_msg "port A has no link after round $i"
	fi
done
ktap_test_result "the pings ran throughout" pinging
kill -INT "$ping_ab" "$ping_ba"
wait "$ping_ab" "$ping_ba"
ktap_print_msg "A -> B: $(grep 'packets transmitted' "$tmp/ping_ab")"
ktap_print_msg "B -> A: $(grep 'packets transmitted' "$tmp/ping_ba")"

ktap_test_result "TCP 16 MiB A -> B intact after flapping" \
	tcp_transfer "$NSA" "$NSB" "$NET4.2" "$tmp/payload"
ktap_test_result "TCP 16 MiB B -> A intact after flapping" \
	tcp_transfer "$NSB" "$NSA" "$NET4.1" "$tmp/payload"
ktap_test_result "no warning logged while flapping" kernel_log_clean "$mark"
ktap_finished
