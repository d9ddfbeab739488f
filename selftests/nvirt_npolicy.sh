#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Named policies: kept per namespace, announced once per change; VIFs that
# follow one take every field they were not given themselves; changing it
# moves its VIFs with it, all of them or none; a policy in use stays.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
E1000=$(drv e1000)

# The record of a policy, as "key=value" pairs in key order.
pol() {
	"$NVIRT" -j policy show "$1" |
		json_get '" ".join(f"{k}={v}" for k, v in sorted(d[0].items()))'
}

policies_gone() {
	[ "$("$NVIRT" -j policy show | json_get 'len(d)')" = 0 ] ||
		fail "policies left: $("$NVIRT" policy show)"
}

# Events in a monitor's JSON log as "EVENT NAME" lines, joined with ';'.
policy_events() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print(e["event"], e["policy"]["name"])' "$1" | tr '\n' ';'
}

# Add, show, change and remove; bad requests change nothing; one event per
# change, in the policy's namespace only.
lifecycle() {
	local tmp

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	ip netns add nvp && defer ip netns del nvp
	defer "$NVIRT" policy del gold
	monitor_start "$tmp/main" policy || return 1
	monitor_start "$tmp/ns" policy ip netns exec nvp || return 1

	"$NVIRT" policy add gold goal latency priority 5 max-rate 100 || return 1
	expect_eq "record" "$(pol gold)" \
		"goal=latency max_rate=100 name=gold priority=5 users=0" || return 1
	run "$NVIRT" policy add gold goal cpu
	expect_eq "twice" "$rc $err" "1 Error: Policy gold exists." || return 1
	run "$NVIRT" policy add bad/name
	expect_eq "bad name" "$rc $err" \
		"1 Error: A policy name is letters, digits and -_.: only." || return 1
	run "$NVIRT" policy add slow min-rate 20 max-rate 10
	expect_eq "min above max" "$rc $err" "1 Error: min-rate 20 is above max-rate 10." || return 1
	run "$NVIRT" policy set gold min-rate 200
	expect_eq "set min above max" "$rc $err" \
		"1 Error: min-rate 200 is above max-rate 100." || return 1
	expect_eq "unchanged after refusals" "$(pol gold)" \
		"goal=latency max_rate=100 name=gold priority=5 users=0" &&
	expect_eq "only gold" "$("$NVIRT" -j policy show | json_get 'len(d)')" 1 || return 1

	"$NVIRT" policy set gold isolation strict goal cpu || return 1
	expect_eq "changed" "$(pol gold)" \
		"goal=cpu isolation=strict max_rate=100 name=gold priority=5 users=0" || return 1
	expect_eq "other namespace sees none" \
		"$(ip netns exec nvp "$NVIRT" -j policy show | json_get 'len(d)')" 0 || return 1
	ip netns exec nvp "$NVIRT" policy add gold goal density || return 1
	expect_eq "its own gold" \
		"$(ip netns exec nvp "$NVIRT" -j policy show gold | json_get 'd[0]["goal"]')" \
		density &&
	expect_eq "ours kept" "$("$NVIRT" -j policy show gold | json_get 'd[0]["goal"]')" cpu ||
		return 1

	"$NVIRT" policy del gold || return 1
	run "$NVIRT" policy show gold
	expect_eq "gone" "$rc $err" "1 Error: No such policy gold." || return 1
	run "$NVIRT" policy del gold
	expect_eq "del twice" "$rc $err" "1 Error: No such policy gold." || return 1
	sleep 0.5
	expect_eq "events here" "$(policy_events "$tmp/main")" \
		"add gold;change gold;del gold;" &&
	expect_eq "events there" "$(policy_events "$tmp/ns")" "add gold;" &&
	policies_gone
}

# VIFs follow the policy in what they were not given; a change of the
# policy changes them; a policy in use stays; leaving it, a VIF takes the
# defaults back.
follow() {
	defer "$NVIRT" policy del gold
	defer "$NVIRT" vif del a
	defer "$NVIRT" vif del b
	"$NVIRT" policy add gold goal latency priority 3 max-rate 50 || return 1
	"$NVIRT" vif add a dev "$E1000" policy gold || return 1
	"$NVIRT" vif add b dev "$E1000" policy gold priority 7 max-rate 30 || return 1
	expect_eq "a follows" \
		"$(vif_get a '["policy_name"], d[0]["policy"]["goal"], d[0]["policy"]["priority"], d[0]["max_rate"], d[0]["enforce"]["max-rate"]')" \
		"gold latency 3 50 software" &&
	expect_eq "b has its own" \
		"$(vif_get b '["policy"]["goal"], d[0]["policy"]["priority"], d[0]["max_rate"]')" \
		"latency 7 30" &&
	expect_eq "users" "$(pol gold)" \
		"goal=latency max_rate=50 name=gold priority=3 users=2" || return 1

	"$NVIRT" policy set gold goal cpu priority 4 max-rate 20 || return 1
	expect_eq "a changed" \
		"$(vif_get a '["policy"]["goal"], d[0]["policy"]["priority"], d[0]["max_rate"]')" \
		"cpu 4 20" &&
	expect_eq "b kept its own" \
		"$(vif_get b '["policy"]["goal"], d[0]["policy"]["priority"], d[0]["max_rate"]')" \
		"cpu 7 30" || return 1

	run "$NVIRT" policy del gold
	expect_eq "in use" "$rc $err" "1 Error: Policy gold is followed by 2 VIFs." &&
	expect_eq "still there" "$(pol gold | grep -o 'users=.*')" "users=2" || return 1

	"$NVIRT" vif set a policy none || return 1
	expect_eq "a left" \
		"$(vif_get a '.get("policy_name"), d[0]["policy"]["goal"], d[0]["policy"]["priority"], d[0]["max_rate"]')" \
		"None throughput 0 0" || return 1
	"$NVIRT" vif set a policy gold || return 1
	expect_eq "a back" "$(vif_get a '["policy"]["goal"], d[0]["max_rate"]')" "cpu 20" || return 1

	run "$NVIRT" vif add c dev "$E1000" policy silver
	expect_eq "no such policy" "$rc $err" "1 Error: No such policy silver." &&
	[ ! -e /sys/class/net/c ] || fail "c left" || return 1
	run "$NVIRT" vif set b policy silver
	expect_eq "set to no such policy" "$rc $err" "1 Error: No such policy silver." &&
	expect_eq "b unchanged" "$(vif_get b '["policy_name"]')" gold || return 1

	"$NVIRT" vif del a && "$NVIRT" vif del b || return 1
	expect_eq "no users" "$(pol gold | grep -o 'users=.*')" "users=0" &&
	"$NVIRT" policy del gold && policies_gone && vifs_gone
}

# A change that one follower cannot take changes none of them; one they
# all can take moves each onto what it now asks for.
all_or_none() {
	local tmp before

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	ip link set "$IGB" up
	defer "$NVIRT" policy del web
	defer "$NVIRT" vif del x
	defer "$NVIRT" vif del y
	"$NVIRT" policy add web || return 1
	# y first: it would change before x refused, were x not asked first.
	"$NVIRT" vif add y dev "$IGB" policy web vlan 5 || return 1
	"$NVIRT" vif add x dev "$E1000" policy web || return 1
	expect_eq "y on a VF" "$(vif_get y '["backend"]')" vf || return 1
	monitor_start "$tmp/log" vif || return 1
	before=$(nvirt_state_settled "$IGB")

	run "$NVIRT" policy set web isolation strict
	expect_eq "refused, naming the VIF" "$rc $err" \
		"1 Error: x: software path not chosen: strict isolation needs the NIC to enforce it." ||
		return 1
	sleep 0.5
	expect_same "nothing changed" "$before" "$(nvirt_state "$IGB")" &&
	expect_eq "nothing announced" "$(cat "$tmp/log")" "" || return 1

	"$NVIRT" vif set x policy none || return 1
	"$NVIRT" policy set web isolation strict || return 1
	expect_eq "y strict on its VF" \
		"$(vif_get y '["backend"], d[0]["policy"]["isolation"], d[0]["enforce"]["spoofchk"], d[0]["enforce"]["vlan"]')" \
		"vf strict hardware hardware" || return 1
	"$NVIRT" policy set web isolation standard migratable yes || return 1
	expect_eq "y off the VF" "$(vif_get y '["backend"] != "vf", d[0]["migratable"], d[0]["vlan"]["id"]')" \
		"True True 5" &&
	expect_eq "VFs disabled" "$(numvfs)" 0 || return 1
	expect_match "y's move announced" "$(cat "$tmp/log")" '"name":"y"' || return 1

	"$NVIRT" vif del x && "$NVIRT" vif del y && "$NVIRT" policy del web &&
	policies_gone && vifs_gone
}

# Followers are planned together: two that each need a VF, with one VF
# free, cannot both have it; the change is refused before anything moves.
together() {
	local tmp before i

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	ip link set "$IGB" up
	for i in 1 2 3 4 5 6; do
		"$NVIRT" vif add "th$i" dev "$IGB" backend vf || return 1
		defer "$NVIRT" vif del "th$i"
	done
	defer "$NVIRT" policy del pair
	"$NVIRT" policy add pair migratable yes || return 1
	for i in 1 2; do
		"$NVIRT" vif add "tf$i" dev "$IGB" policy pair || return 1
		defer "$NVIRT" vif del "tf$i"
	done
	expect_eq "followers off VFs, one VF free" \
		"$(vif_get tf1 '["backend"]') $(vif_get tf2 '["backend"]') $(numvfs)" "soft soft 7" ||
		return 1
	monitor_start "$tmp/log" vif || return 1
	before=$(nvirt_state_settled "$IGB")

	run "$NVIRT" policy set pair migratable no isolation strict
	expect_match "refused, naming the second" "$rc $err" "^1 Error: tf2: " || return 1
	expect_same "nothing changed" "$before" "$(nvirt_state "$IGB")" &&
	expect_eq "nothing announced" "$(cat "$tmp/log")" "" || return 1

	# With a second VF free, both move.
	"$NVIRT" vif del th6 &&
	"$NVIRT" policy set pair migratable no isolation strict || return 1
	expect_eq "both on VFs" "$(vif_get tf1 '["backend"]') $(vif_get tf2 '["backend"]')" "vf vf"
}

ktap_print_header
ktap_set_plan 4
modprobe igbvf
check "policies: add, show, set, del, refusals, per namespace, one event each" lifecycle
check "VIFs follow a policy in what they were not given, and leave it" follow
check "a policy change moves all its VIFs or none" all_or_none
check "followers are planned together: one free VF for two is refused" together
ktap_finished
