#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Pools: NICs kept by name; a VIF made from one goes on the NIC whose plan
# suits its goal best (then more free, more rate left, fewer VIFs), and
# its plan says why for every NIC; the pool is saved and restored with its
# VIFs; a NIC that goes, or whose link stays down past the pool's grace,
# has its VIFs made again on another NIC of the pool; a named policy
# names the pool its VIFs are made from; refusals change nothing.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
E1000=$(drv e1000)

# A pool's record: "NAME: IFNAME... vifs N"
pool_line() {
	"$NVIRT" -j pool show "$1" |
		json_get '"%s: %s vifs %d" % (d[0]["name"], " ".join(m["ifname"] for m in d[0]["members"]), d[0]["vifs"])'
}

# The reasons of a dry run of "vif add NAME ARGS...", "CODE: TEXT" a line.
plan_reasons() {
	"$NVIRT" -j vif add "$@" dry-run |
		json_get '"\n".join(r["code"] + ": " + r["text"] for r in d["reasons"])'
}

# Add, show, change and remove; each refusal says why and changes nothing.
lifecycle() {
	local before

	dummies nvq0 nvq1 || return 1
	defer "$NVIRT" pool del p0
	"$NVIRT" pool add p0 dev nvq0 dev nvq1 || return 1
	expect_eq "record" "$(pool_line p0)" "p0: nvq0 nvq1 vifs 0" || return 1
	expect_match "text" "$("$NVIRT" pool show p0)" \
		"^p0: dev nvq0 dev nvq1 grace 30 vifs 0$" || return 1
	before=$("$NVIRT" -j pool show)

	run "$NVIRT" pool add p0 dev nvq0
	expect_eq "twice" "$rc $err" "1 Error: Pool p0 exists." || return 1
	run "$NVIRT" pool add p/1 dev nvq0
	expect_eq "bad name" "$rc $err" \
		"1 Error: A pool name is letters, digits and -_.: only." || return 1
	run "$NVIRT" pool add p1 dev nvq9
	expect_eq "no such NIC" "$rc $err" "1 Error: No such NIC nvq9." || return 1
	run "$NVIRT" pool add p1 dev lo
	expect_eq "no Ethernet NIC" "$rc $err" "1 Error: lo is no Ethernet NIC." || return 1
	"$NVIRT" vif add pv1 dev nvq0 backend soft && defer "$NVIRT" vif del pv1 || return 1
	run "$NVIRT" pool add p1 dev pv1
	expect_eq "a VIF" "$rc $err" "1 Error: pv1 is a VIF itself." || return 1
	run "$NVIRT" pool add p1 dev nvq0 dev nvq0
	expect_eq "a NIC twice" "$rc $err" "1 Error: nvq0 is in the pool twice." || return 1
	run "$NVIRT" pool add p1 $(printf 'dev nvq0 %.0s' {1..9})
	expect_eq "nine NICs" "$rc $err" "1 Error: A pool has at most 8 NICs." || return 1
	run "$NVIRT" pool add p1
	expect_eq "no NIC" "$rc" 1 && expect_match "no NIC: message" "$err" "dev" || return 1
	run "$NVIRT" pool del p9
	expect_eq "del: no such pool" "$rc $err" "1 Error: No such pool p9." || return 1
	run "$NVIRT" pool add p1 dev nvq0 grace 3601
	expect_eq "grace too long" "$rc" 1 &&
	expect_match "grace too long: why" "$err" "^Error: .*grace" || return 1
	run "$NVIRT" pool set p0
	expect_eq "set nothing" "$rc" 1 &&
	expect_match "set nothing: why" "$err" "dev or grace" || return 1
	expect_same "pools after the refusals" "$before" "$("$NVIRT" -j pool show)" ||
		return 1

	"$NVIRT" pool set p0 dev nvq1 || return 1
	expect_eq "set" "$(pool_line p0)" "p0: nvq1 vifs 0" || return 1
	# A NIC that goes away leaves its pools.
	ip link del nvq1
	expect_eq "its NIC gone" "$(pool_line p0)" "p0:  vifs 0" || return 1
	run "$NVIRT" vif add pv0 pool p0
	expect_eq "a pool with no NIC" "$rc $err" "1 Error: Pool p0 has no NIC." || return 1
	"$NVIRT" pool del p0 && "$NVIRT" vif del pv1 &&
	expect_eq "deleted" "$("$NVIRT" -j pool show | json_get 'len(d)')" 0
}

# The goal picks the NIC: throughput a VF on igb over e1000's software
# path; density a software path, on the NIC with fewer VIFs.
choice() {
	local reasons vifs

	defer "$NVIRT" pool del pg
	defer "$NVIRT" vif del gt
	defer "$NVIRT" vif del gd
	"$NVIRT" pool add pg dev "$E1000" dev "$IGB" || return 1
	vifs=$("$NVIRT" -j vif show)

	reasons=$(plan_reasons gt pool pg goal throughput)
	ktap_print_msg "$reasons"
	expect_match "throughput: the chosen NIC first" "$reasons" \
		"^nic-chosen: $IGB chosen from pool pg: vf, [0-9]+ free" &&
	expect_match "throughput: why not e1000" "$reasons" \
		"nic-not-chosen: $E1000 not chosen: its best is soft, $IGB has vf for throughput" ||
		return 1
	expect_same "the dry run made nothing" "$vifs" "$("$NVIRT" -j vif show)" ||
		return 1

	"$NVIRT" vif add gt pool pg goal throughput || return 1
	expect_eq "throughput: on igb's VF, from the pool" \
		"$(vif_get gt '["parent"], d[0]["backend"], d[0]["pool"]')" "$IGB vf pg" || return 1
	expect_match "vif show says the pool" "$("$NVIRT" vif show gt)" " pool pg " || return 1

	reasons=$(plan_reasons gd pool pg goal density)
	ktap_print_msg "$reasons"
	expect_match "density: fewer VIFs wins" "$reasons" \
		"nic-not-chosen: $IGB not chosen: 1 VIFs on it, $E1000 has 0" || return 1
	"$NVIRT" vif add gd pool pg goal density || return 1
	expect_eq "density: e1000's software path" \
		"$(vif_get gd '["parent"], d[0]["backend"]')" "$E1000 soft" &&
	expect_eq "the pool counts its VIFs" "$(pool_line pg)" "pg: $E1000 $IGB vifs 2" ||
		return 1
	"$NVIRT" vif del gt && "$NVIRT" vif del gd && "$NVIRT" pool del pg
}

# What a pool with VIFs refuses, and a VIF's NIC given twice.
refusals() {
	local before on other

	defer "$NVIRT" pool del pr
	defer "$NVIRT" vif del rv
	# Both links are down: no grace passes while the refusals run.
	"$NVIRT" pool add pr dev "$E1000" dev "$IGB" grace 3600 &&
	"$NVIRT" vif add rv pool pr goal density || return 1
	on=$(vif_get rv '["parent"]')
	other=$E1000
	[ "$on" = "$E1000" ] && other=$IGB
	before="$("$NVIRT" -j pool show) $("$NVIRT" -j vif show)"

	run "$NVIRT" pool del pr
	expect_eq "del while used" "$rc $err" "1 Error: Pool pr has 1 VIF made from it." ||
		return 1
	run "$NVIRT" pool set pr dev "$other"
	expect_eq "set without the VIF's NIC" "$rc $err" \
		"1 Error: VIF rv of pool pr is on $on." || return 1
	run "$NVIRT" vif add rw pool pr dev "$IGB"
	expect_eq "dev and pool" "$rc $err" \
		"1 Error: \"dev\" and \"pool\" exclude each other: nvirt picks the NIC from the pool." ||
		return 1
	run "$NVIRT" vif add rw pool nopool
	expect_eq "no such pool" "$rc $err" "1 Error: No such pool nopool." || return 1
	run "$NVIRT" vif add rv pool pr
	expect_eq "a VIF of that name" "$rc" 1 &&
	expect_match "a VIF of that name: why" "$err" "VIF rv exists" || return 1
	expect_same "after the refusals" "$before" \
		"$("$NVIRT" -j pool show) $("$NVIRT" -j vif show)" || return 1
	"$NVIRT" vif del rv && "$NVIRT" pool del pr
}

# save writes the pool and "vif add ... pool"; restore makes them again.
save_restore() {
	local tmp saved

	tmp=$(mktemp) && defer rm -f "$tmp"
	defer "$NVIRT" pool del ps
	defer "$NVIRT" vif del sv
	"$NVIRT" pool add ps dev "$IGB" dev "$E1000" &&
	"$NVIRT" vif add sv pool ps goal density || return 1
	"$NVIRT" save "$tmp" || return 1
	saved=$(grep -v '^#' "$tmp")
	ktap_print_msg "$saved"
	grep -qx "pool add ps dev $IGB dev $E1000" <<<"$saved" ||
		fail "no line: pool add ps dev $IGB dev $E1000" || return 1
	expect_match "the VIF's line" "$saved" "vif add sv pool ps " || return 1

	"$NVIRT" vif del sv && "$NVIRT" pool del ps || return 1
	run "$NVIRT" restore "$tmp"
	expect_eq "restore" "$rc" 0 || { ktap_print_msg "$out $err"; return 1; }
	expect_eq "the pool again" "$(pool_line ps)" "ps: $IGB $E1000 vifs 1" &&
	expect_eq "the VIF again, from it" "$(vif_get sv '["pool"]')" ps || return 1
	run "$NVIRT" restore "$tmp"
	expect_match "restore again changes nothing" "$out" \
		"0 added, 0 changed, [0-9]+ as they were, 0 failed"
}

# Make dummy NICs $@, up (a pool moves VIFs off a NIC that stays down).
dummies() {
	local d

	for d in "$@"; do
		ip link add "$d" type dummy && defer ip link del "$d" &&
		ip link set dev "$d" up || return 1
	done
}

# Is VIF $1 on NIC $2?
vif_on() {
	[ "$(vif_get "$1" '["parent"]' 2>/dev/null)" = "$2" ]
}

# A NIC that goes: its VIF made from a pool is made again on another NIC
# of it, with its settings, back in its netns; the monitor hears it go
# with its NIC and come back by placement.
moved() {
	local tmp evs

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	dummies nvq4 nvq5 || return 1
	ip netns add nvqg && defer ip netns del nvqg
	defer "$NVIRT" pool del pm
	defer "$NVIRT" vif del mv
	"$NVIRT" pool add pm dev nvq4 dev nvq5 &&
	"$NVIRT" vif add mv pool pm goal density mtu 1400 netns nvqg || return 1
	expect_eq "first on nvq4" "$(vif_get mv '["parent"]')" nvq4 || return 1
	monitor_start "$tmp/ev" vif || return 1

	ip link del nvq4
	wait_for 20 vif_on mv nvq5 ||
		fail "not made again on nvq5: $("$NVIRT" vif show)" || return 1
	expect_eq "its settings, its pool" "$(vif_get mv '["mtu"], d[0]["pool"]')" "1400 pm" &&
	{ ip -n nvqg link show dev mv >/dev/null || fail "not back in nvqg"; } &&
	expect_eq "the pool" "$(pool_line pm)" "pm: nvq5 vifs 1" || return 1
	wait_for 5 grep -q '"add"' "$tmp/ev"
	expect_eq "its going and coming" "$(vif_events "$tmp/ev")" \
		"del parent mv;add placement mv;"
}

# The link of NIC $2 of pool $1, as the pool's record says it.
pool_link() {
	"$NVIRT" -j pool show "$1" |
		json_get '[m["link"] for m in d[0]["members"] if m["ifname"] == "'"$2"'"][0]'
}

# A NIC whose link stays down past the pool's grace: its VIF is made again
# on another NIC of the pool, with its settings; no new VIF is planned on
# it while another is up; its link back, it is as any NIC of the pool.
link_down() {
	local tmp on other reasons

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	dummies nvq6 nvq7 || return 1
	defer "$NVIRT" pool del pl
	defer "$NVIRT" vif del lv
	"$NVIRT" pool add pl dev nvq6 dev nvq7 grace 2 &&
	"$NVIRT" vif add lv pool pl goal density mtu 1400 || return 1
	expect_match "text" "$("$NVIRT" pool show pl)" \
		"^pl: dev nvq6 dev nvq7 grace 2 vifs 1$" || return 1
	on=$(vif_get lv '["parent"]')
	other=nvq7
	[ "$on" = nvq7 ] && other=nvq6
	monitor_start "$tmp/ev" vif || return 1

	ip link set dev "$on" down
	expect_eq "its link down, in the record" "$(pool_link pl "$on")" down || return 1
	wait_for 20 vif_on lv "$other" ||
		fail "not made again on $other: $("$NVIRT" vif show)" || return 1
	expect_eq "its settings, its pool" "$(vif_get lv '["mtu"], d[0]["pool"]')" "1400 pl" &&
	expect_eq "past the grace, in the record" "$(pool_link pl "$on")" down-past-grace ||
		return 1
	reasons=$(plan_reasons lw pool pl goal density)
	ktap_print_msg "$reasons"
	expect_match "no new VIF on it" "$reasons" \
		"nic-not-chosen: $on not chosen: its link is down for [0-9]+ s" || return 1
	wait_for 5 grep -q '"add"' "$tmp/ev"
	expect_eq "moved by placement" "$(vif_events "$tmp/ev")" \
		"del placement lv;add placement lv;" || return 1

	ip link set dev "$on" up
	expect_eq "its link back" "$(pool_link pl "$on")" up || return 1
	reasons=$(plan_reasons lw pool pl goal density)
	expect_match "a NIC of the pool again" "$reasons" \
		"^nic-chosen: $on chosen from pool pl" || return 1
	"$NVIRT" pool set pl grace 60 &&
	expect_match "set grace" "$("$NVIRT" pool show pl)" " grace 60 " &&
	expect_match "save writes it" "$("$NVIRT" save -)" \
		"pool add pl dev nvq6 dev nvq7 grace 60" || return 1
	"$NVIRT" vif del lv && "$NVIRT" pool del pl
}

# A VIF that fits on no other NIC of its pool stays where it is when its
# NIC's link stays down: not deleted and made again there (the other NIC
# is a bridge's port: nvirt's software path cannot have it).
no_churn() {
	local tmp id

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	dummies nvq8 nvq9 || return 1
	ip link add nvqbr type bridge && defer ip link del nvqbr &&
	ip link set nvq9 master nvqbr || return 1
	defer "$NVIRT" pool del pc
	defer "$NVIRT" vif del cv
	"$NVIRT" pool add pc dev nvq8 dev nvq9 grace 1 &&
	"$NVIRT" vif add cv pool pc goal density || return 1
	expect_eq "on nvq8" "$(vif_get cv '["parent"]')" nvq8 || return 1
	id=$(vif_get cv '["id"]')
	monitor_start "$tmp/ev" vif || return 1

	ip link set dev nvq8 down
	wait_for 10 eval '[ "$(pool_link pc nvq8)" = down-past-grace ]' ||
		fail "nvq8 not past the grace: $(pool_link pc nvq8)" || return 1
	# A move would be queued by now; give its work time to run.
	sleep 2
	expect_eq "no event of cv" "$(vif_events "$tmp/ev")" "" &&
	expect_eq "the same VIF, on nvq8" "$(vif_get cv '["parent"], d[0]["id"]')" "nvq8 $id"
}

# A named policy names a pool: a VIF made to follow it with neither a NIC
# nor a pool of its own takes its NIC from that pool; one given its own
# NIC does not; the policy keeps its pool while it names it; save and
# restore carry it; "pool none" names none again.
policy_pool() {
	local tmp before saved

	tmp=$(mktemp) && defer rm -f "$tmp"
	dummies nvqa nvqb || return 1
	defer "$NVIRT" pool del pp
	defer "$NVIRT" policy del gp
	defer "$NVIRT" vif del pv
	defer "$NVIRT" vif del pw
	"$NVIRT" pool add pp dev nvqa dev nvqb &&
	"$NVIRT" policy add gp goal density pool pp || return 1
	expect_match "text" "$("$NVIRT" policy show gp)" "^gp: goal density pool pp users 0$" &&
	expect_eq "JSON" "$("$NVIRT" -j policy show gp | json_get 'd[0]["pool"]')" pp ||
		return 1
	expect_match "a dry run names the pool" "$(plan_reasons pv policy gp)" \
		"^nic-chosen: nvqa chosen from pool pp" || return 1

	"$NVIRT" vif add pv policy gp || return 1
	expect_eq "made from the policy's pool" \
		"$(vif_get pv '["parent"], d[0]["pool"], d[0]["policy_name"]')" "nvqa pp gp" &&
	expect_eq "the pool counts it" "$(pool_line pp)" "pp: nvqa nvqb vifs 1" || return 1
	"$NVIRT" vif add pw dev nvqb policy gp || return 1
	expect_eq "its own NIC: no pool" "$(vif_get pw '["parent"], d[0].get("pool", "-")')" \
		"nvqb -" || return 1

	"$NVIRT" vif del pv || return 1
	before="$("$NVIRT" -j policy show) $("$NVIRT" -j pool show)"
	run "$NVIRT" policy add gq pool nopool
	expect_eq "no such pool" "$rc $err" "1 Error: No such pool nopool." || return 1
	run "$NVIRT" policy set gp pool nopool
	expect_eq "set: no such pool" "$rc $err" "1 Error: No such pool nopool." || return 1
	run "$NVIRT" pool del pp
	expect_eq "a pool a policy names stays" "$rc $err" \
		"1 Error: Pool pp is named by policy gp." || return 1
	run "$NVIRT" pool add none dev nvqa
	expect_eq "none is no pool's name" "$rc $err" \
		"1 Error: none is no pool name: it means no pool." || return 1
	run "$NVIRT" vif add pv policy nopolicy
	expect_eq "no such policy" "$rc $err" "1 Error: No such policy nopolicy." || return 1
	run "$NVIRT" vif add pv
	expect_eq "no NIC, pool or policy" "$rc $err" \
		"1 Error: dev, pool or policy is required." || return 1
	expect_same "refusals change nothing" "$before" \
		"$("$NVIRT" -j policy show) $("$NVIRT" -j pool show)" || return 1

	"$NVIRT" save "$tmp" || return 1
	saved=$(grep -v '^#' "$tmp")
	expect_match "save writes it" "$saved" "policy add gp goal density pool pp" || return 1
	"$NVIRT" policy set gp pool none || return 1
	expect_match "pool none" "$("$NVIRT" policy show gp)" "^gp: goal density users 1$" ||
		return 1
	run "$NVIRT" vif add pv policy gp
	expect_eq "a policy without a pool" "$rc $err" \
		"1 Error: NIC not specified: a NIC, a pool, or a policy naming a pool is required." ||
		return 1
	run "$NVIRT" restore "$tmp"
	expect_eq "restore" "$rc" 0 || { ktap_print_msg "$out $err"; return 1; }
	expect_match "restore gives it back" "$out" "policy gp: pool none -> pp" &&
	expect_match "restored" "$("$NVIRT" policy show gp)" " pool pp " || return 1
	"$NVIRT" vif del pw && "$NVIRT" policy del gp && "$NVIRT" pool del pp
}

# The events of a monitor_start() LOG of pools: "EVENT CAUSE NAME[ LINK...];"
# each, LINK the state of each member whose link is not up.
pool_events() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    p = e["pool"]
    links = [m["link"] for m in p["members"] if m["link"] != "up"]
    print(" ".join([e["event"], e.get("cause", "-"), p["name"]] + links), end=";")' "$1"
}

# The monitor hears each change of a pool once, with what made it: a
# request, or a NIC's link going down and staying down past the grace.
events() {
	local tmp

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	dummies nvqc nvqd || return 1
	monitor_start "$tmp/ev" pool || return 1
	defer "$NVIRT" pool del pe
	"$NVIRT" pool add pe dev nvqc grace 1 &&
	"$NVIRT" pool set pe dev nvqc dev nvqd || return 1
	ip link set dev nvqd down
	wait_for 10 eval '[ "$(pool_link pe nvqd)" = down-past-grace ]' ||
		fail "nvqd not past the grace: $(pool_link pe nvqd)" || return 1
	"$NVIRT" pool del pe || return 1
	wait_for 5 grep -q '"del"' "$tmp/ev"
	expect_eq "its events" "$(pool_events "$tmp/ev")" \
		"add request pe;change request pe;change netdev pe down;change netdev pe down-past-grace;del request pe down-past-grace;"
}

ktap_print_header
ktap_set_plan 9
modprobe igbvf
# The rig's NICs down, and after as they were: a pool's choice then knows
# neither link's speed, whatever tests before left up, and with both down
# (past the grace too) no member is skipped or moved off; VFs enabled on a
# PF that is down make no request wait for its link.
for nic in "$IGB" "$E1000"; do
	[ -z "$(ip link show dev "$nic" up)" ] ||
		{ ip link set dev "$nic" down && defer ip link set dev "$nic" up; }
done
check "pools: add, show, set, del; refusals change nothing; a NIC gone leaves it" lifecycle
check "the goal picks the NIC, and the plan says why for each" choice
check "a pool's VIFs keep it and its NICs; dev and pool exclude each other" refusals
check "save and restore: the pool, and its VIF made from it again" save_restore
check "a NIC that goes: its pool's VIF is made again on another NIC of it" moved
check "a link down past the grace: its pool's VIF moves to a NIC that is up" link_down
check "a link down past the grace: a VIF that fits on no other NIC stays" no_churn
check "a named policy's pool: its new VIFs take their NIC from it" policy_pool
check "the monitor hears a pool's add, changes and del" events
ktap_finished
