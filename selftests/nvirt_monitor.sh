#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every change of a NIC's record produces exactly one notification, in the
# NIC's namespace only: a veth pair added, an MTU changed, a NIC brought up
# (NETDEV_UP, then linkwatch), channels changed (no kernel event announces
# that), VFs enabled, a NIC moved to another namespace, a veth pair
# deleted.

source "$(dirname "$0")/lib.sh"

ns=nvirt-mon-$$
tmp=$(mktemp -d)
defer rm -rf "$tmp"

# monitor NAME [ip netns exec NS]: JSON events to $tmp/NAME.log
monitor() {
	local name=$1

	shift
	monitor_start "$tmp/$name.log" nic "$@"
}

# Events since the last call, one "EVENT IFNAME" line each, sorted. How
# many lines were read is kept in a file: callers run this in a subshell.
events() {
	local name=$1 n from

	n=$(wc -l < "$tmp/$name.log")
	from=$(cat "$tmp/$name.seen" 2>/dev/null || echo 0)
	echo "$n" > "$tmp/$name.seen"
	sed -n "$((from + 1)),${n}p" "$tmp/$name.log" | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print(e["event"], e["nic"]["ifname"])' | sort | tr '\n' ';'
}

# A field of the last event in a monitor's log: last NAME PYEXPR
last() {
	tail -n 1 "$tmp/$1.log" | json_get "$2"
}

# step DESC "WANT-MAIN" "WANT-NS" CMD...: run CMD, then the events each
# monitor got must be exactly the wanted ones.
step() {
	local desc=$1 want_main=$2 want_ns=$3

	shift 3
	"$@" || fail "$desc: command failed" || return 1
	# Rescans run every second; VF changes are picked up 0.1 s after.
	sleep 2.5
	expect_eq "$desc: init netns" "$(events main)" "$want_main" &&
	expect_eq "$desc: $ns" "$(events other)" "$want_ns"
}

ktap_print_header
pf=$(ls /sys/bus/pci/drivers/igb/*/net 2>/dev/null | head -n 1)
[ -n "$pf" ] || ktap_exit_fail_msg "no igb NIC in this VM: the rig has one"
combined=$(ethtool -l "$pf" | sed -n '/Current/,$s/^Combined:[[:space:]]*//p')
ktap_set_plan 8

ip netns add "$ns"
defer ip netns del "$ns"
modprobe -r igbvf 2>/dev/null	# VFs without a driver: one change on the PF
defer "echo 0 > /sys/class/net/$pf/device/sriov_numvfs"
defer ethtool -L "$pf" combined "$combined"
defer ip link del nvc0
monitor main
monitor other ip netns exec "$ns"
sleep 1.5	# the first rescan brings the new listeners' records up to date
events main > /dev/null
events other > /dev/null

check "veth pair added: one add each" \
	step "add" "add nvc0;add nvc1;" "" ip link add nvc0 type veth peer nvc1
check "MTU changed: one change" step "mtu" "change nvc0;" "" ip link set nvc0 mtu 1400
check "the change carries the new MTU, caused by the netdev" \
	expect_eq "mtu" "$(last main '(d["nic"]["mtu"], d["cause"])')" "(1400, 'netdev')"
check "NIC brought up: one change, with the link state settled" \
	step "up" "change nvc0;" "" ip link set nvc0 up
check "channels changed: one change, found by the rescan" \
	eval 'step "channels" "change $pf;" "" ethtool -L "$pf" combined 1 &&
	      expect_eq "cause" "$(last main "d[\"cause\"]")" rescan'
check "VFs enabled: one change of the PF" \
	step "vfs" "change $pf;" "" bash -c "echo 2 > /sys/class/net/$pf/device/sriov_numvfs"
check "NIC moved: del here, add there" \
	step "move" "del nvc1;" "add nvc1;" ip link set nvc1 netns "$ns"
check "veth pair deleted: one del in each netns" \
	step "del" "del nvc0;" "del nvc1;" ip link del nvc0
ktap_finished
