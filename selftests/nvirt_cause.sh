#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every VIF and policy event says what caused it: a request, the VIF's
# netdev changed by ip link, the named policy it follows changed, its
# netns deleted, its NIC deleted; the text and JSON of nvirt monitor both
# carry it.

source "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
defer rm -rf "$tmp"
NS=nvqns

# The events since the last call, "OBJECT EVENT CAUSE NAME;" each.
events() {
	local n from

	n=$(wc -l < "$tmp/mon.log")
	from=$(cat "$tmp/mon.seen" 2>/dev/null || echo 0)
	echo "$n" > "$tmp/mon.seen"
	sed -n "$((from + 1)),${n}p" "$tmp/mon.log" | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    o = e["object"]
    print(o, e["event"], e.get("cause", "-"), e[o]["name"], end=";")'
}

# step DESC WANT CMD...: CMD, then exactly the events WANT.
step() {
	local desc=$1 want=$2

	shift 2
	"$@" >/dev/null || fail "$desc: command failed" || return 1
	sleep 1
	expect_eq "$desc" "$(events)" "$want"
}

policy_events() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print(e["event"], e["cause"], end=";")' "$tmp/pol.log"
}

text_cause() {
	local pid

	NVIRT_MONITOR_READY=$tmp/text.ready "$NVIRT" monitor vif > "$tmp/text" &
	pid=$!
	for _ in $(seq 100); do
		[ -e "$tmp/text.ready" ] && break
		sleep 0.1
	done
	"$NVIRT" vif add nvq3 dev nvqd0 && "$NVIRT" vif del nvq3 || return 1
	sleep 1
	kill "$pid" && wait "$pid"
	expect_match "text" "$(cat "$tmp/text")" \
		$'^\\[vif add request\\] [0-9]+: nvq3@nvqd0: .*\n\\[vif del request\\] [0-9]+: nvq3@nvqd0'
}

ktap_print_header
family_present || ktap_exit_fail_msg "nvirt is not loaded"
ktap_set_plan 8
ip link add nvqd0 type dummy && defer ip link del nvqd0 &&
ip link add nvqd1 type dummy && ip netns add "$NS" &&
	defer ip netns del "$NS" ||
	ktap_exit_fail_msg "cannot make the dummies and the netns"
defer '"$NVIRT" vif del nvq0; "$NVIRT" policy del nvqp'
monitor_start "$tmp/mon.log" vif
# Policies apart: their events and the VIFs' come on one socket, in order.
monitor_start "$tmp/pol.log" policy

check "a request" step "vif add" "vif add request nvq0;" \
	"$NVIRT" vif add nvq0 dev nvqd0
check "its netdev changed by ip link" step "ip link" \
	"vif change netdev nvq0;" ip link set nvq0 mtu 1400
check "a request to change it" step "vif set" "vif change request nvq0;" \
	"$NVIRT" vif set nvq0 mtu 1300
"$NVIRT" policy add nvqp goal latency && "$NVIRT" vif set nvq0 policy nvqp &&
	events >/dev/null
check "the named policy it follows changed" step "policy set" \
	"vif change policy nvq0;" "$NVIRT" policy set nvqp priority 3
check "a named policy's events are requests" expect_eq "policy events" \
	"$(policy_events)" "add request;change request;"
"$NVIRT" vif add nvq1 dev nvqd0 netns "$NS" && events >/dev/null
check "its netns deleted" step "ip netns del" "vif del netns nvq1;" \
	ip netns del "$NS"
"$NVIRT" vif add nvq2 dev nvqd1 && events >/dev/null
check "its NIC deleted" step "ip link del" "vif del parent nvq2;" \
	ip link del nvqd1
check "text says it too" text_cause
ktap_finished
