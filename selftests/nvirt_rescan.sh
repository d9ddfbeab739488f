#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The rescan that finds changes no kernel event announces (channel counts)
# runs only while someone listens, over the NICs of the listeners'
# namespaces, a few NICs per hold of RTNL: with a hundred NICs ahead of
# it in the namespace, a NIC's channel change is still found and
# announced once, and a listener elsewhere does not make nvirt re-read
# them.

source "$(dirname "$0")/lib.sh"

N=100

# "CAUSE" of the change events for NIC $2 in monitor log $1
causes() {
	python3 -c 'import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "change" and e.get("nic", {}).get("ifname") == sys.argv[2]:
        print(e["cause"])' "$1" "$2" | xargs
}

many_nics() {
	local tmp=$1 pf combined i got

	pf=$(drv igb)
	[ -n "$pf" ] || fail "no igb" || return 1
	ip netns add nvrs && defer ns_del_back nvrs "$pf"
	for ((i = 0; i < N; i++)); do
		ip -n nvrs link add "nvrd$i" type dummy || return 1
	done
	# After the dummies in ifindex order: the rescan reaches it last.
	ip link set "$pf" netns nvrs || return 1
	combined=$(ip netns exec nvrs ethtool -l "$pf" |
		sed -n '/Current/,$s/^Combined:[[:space:]]*//p')
	[ "$combined" -gt 1 ] || fail "$pf has $combined channel" || return 1
	monitor_start "$tmp/ns" nic ip netns exec nvrs || return 1
	monitor_start "$tmp/main" nic || return 1
	# The new listeners' records brought up to date first.
	sleep 2
	: > "$tmp/ns"
	ip netns exec nvrs ethtool -L "$pf" combined 1 || return 1
	for _ in $(seq 100); do
		[ -n "$(causes "$tmp/ns" "$pf")" ] && break
		sleep 0.1
	done
	# A second announcement would come with the next pass, a second on.
	sleep 1.5
	got=$(causes "$tmp/ns" "$pf")
	ip netns exec nvrs ethtool -L "$pf" combined "$combined"
	expect_eq "announced once, found by the rescan" "$got" rescan &&
	expect_eq "nothing told the initial namespace" "$(causes "$tmp/main" "$pf")" ""
}

tmp=$(mktemp -d)
defer rm -rf "$tmp"
ktap_print_header
ktap_set_plan 1
check "$N NICs ahead in its namespace: a channel change is still found" many_nics "$tmp"
ktap_finished
