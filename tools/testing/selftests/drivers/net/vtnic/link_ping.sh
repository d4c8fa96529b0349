#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port A (driver under test) and port B each in a namespace of their own:
# the link comes up over the cable and ping works both ways, over IPv4 and
# over IPv6.

source "$(dirname "$(readlink -f "$0")")"/vtnic_lib.sh

cleanup()
{
	cleanup_all_ns
}

vtnic_require_env
trap cleanup EXIT
ktap_print_header
ktap_set_plan 6

ports_attach

ktap_test_result "port A ($VTNIC_PF_DRIVER) link up" wait_carrier "$dev_a" "$NSA"
ktap_test_result "port B link up" wait_carrier "$dev_b" "$NSB"
ktap_test_result "ping A -> B" ip netns exec "$NSA" ping -c 3 -i 0.2 -W 2 "$NET4.2"
ktap_test_result "ping B -> A" ip netns exec "$NSB" ping -c 3 -i 0.2 -W 2 "$NET4.1"
ktap_test_result "ping IPv6 A -> B" ip netns exec "$NSA" ping -6 -c 3 -i 0.2 -W 2 "$NET6::2"
ktap_test_result "ping IPv6 B -> A" ip netns exec "$NSB" ping -6 -c 3 -i 0.2 -W 2 "$NET6::1"
ktap_finished
