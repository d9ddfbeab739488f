#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The policy engine on the rig's NICs: what each NIC gives a VIF and why,
# strict isolation and migratability, dry runs that change nothing, and
# VIFs falling back when a higher priority takes their hardware and moving
# back when it is freed, their traffic going on.

source "$(dirname "$0")/lib.sh"

# reasons NAME: the reason codes of a live VIF's plan, space-separated
reasons() {
	"$NVIRT" -j vif explain "$1" |
		json_get '" ".join(r["code"] for r in d["plan"]["reasons"])'
}

IGB=$(drv igb)
E1000=$(drv e1000)
VMX=$(drv vmxnet3)

# What a VIF with no policy gets on each NIC, and the reasons, as a dry run.
every_nic() {
	local d nic want plan got

	for d in igb e1000e virtio_net e1000 vmxnet3 8139cp; do
		nic=$(drv "$d")
		[ -n "$nic" ] || fail "no $d NIC" || return 1
		want=soft
		[ "$(ls -d "/sys/class/net/$nic/queues/tx-"* | wc -l)" -gt 1 ] && want=queue
		[ "$(cat "/sys/class/net/$nic/device/sriov_totalvfs" 2>/dev/null)" -gt 0 ] 2>/dev/null &&
			want=vf
		plan=$("$NVIRT" -j vif add p0 dev "$nic" dry-run) || fail "dry run on $d" || return 1
		got=$(json_get 'd["backend"], "error" in d, all(r["code"] and r["text"] for r in d["reasons"]), len(d["reasons"]) > 2' <<<"$plan")
		expect_eq "$d" "$got" "$want False True True" || return 1
		ktap_print_msg "$d: $want: $(json_get '"; ".join(r["text"] for r in d["reasons"][:2])' <<<"$plan")"
	done
	expect_eq "no VFs enabled by a dry run" "$(numvfs)" 0 &&
	vifs_gone
}

# Whatever the policy, e1000 has only nvirt's software path; strict
# isolation cannot be had there, and says why.
e1000_soft() {
	local goal mig vis got

	for goal in throughput latency cpu density; do
		for mig in yes no; do
			for vis in host none; do
				got=$("$NVIRT" -j vif add e0 dev "$E1000" goal $goal migratable $mig \
					visibility $vis dry-run | json_get 'd["backend"]')
				expect_eq "$goal migratable $mig visibility $vis" "$got" soft || return 1
			done
		done
	done
	"$NVIRT" vif add e0 dev "$E1000" goal latency || return 1
	expect_eq "reasons" "$(reasons e0)" \
		"vf-no-sriov queue-exhausted backend-soft enforce-software migration-ready g2g-soft" &&
	expect_eq "migratable" "$(vif_get e0 '["migratable"]')" True || return 1
	"$NVIRT" vif del e0 || return 1
	run "$NVIRT" vif add e1 dev "$E1000" isolation strict
	expect_eq "strict on e1000" "$err" \
		"Error: software path not chosen: strict isolation needs the NIC to enforce it." &&
	[ ! -e /sys/class/net/e1 ] || fail "e1 left" || return 1
	vifs_gone
}

# Strict isolation for throughput on igb: a VF, enforced by the NIC.
strict_vf() {
	local dev

	ip link set "$IGB" up
	"$NVIRT" vif add s0 dev "$IGB" isolation strict goal throughput vlan 5 || return 1
	expect_eq backend "$(vif_get s0 '["backend"]')" vf &&
	expect_eq "enforced by the NIC" \
		"$(vif_get s0 '["enforce"]["spoofchk"], d[0]["enforce"]["vlan"]')" \
		"hardware hardware" &&
	expect_eq "not migratable" "$(vif_get s0 '["migratable"]')" False &&
	expect_eq "policy" "$(vif_get s0 '["policy"]["isolation"], d[0]["policy"]["goal"]')" \
		"strict throughput" &&
	expect_eq "reasons" "$(reasons s0)" \
		"backend-vf enforce-hardware migration-blocked g2g-nic" || return 1
	dev=$(vif_get s0 '["ifname"]')
	expect_match "PF VF table" "$(ip link show "$IGB")" "vf 0 .* vlan 5" || return 1
	"$NVIRT" vif del s0 || return 1
	expect_eq "VFs disabled after" "$(numvfs)" 0 && vifs_gone
}

# A guest that must migrate never gets a VF, VFs free or not; told it may
# stay, it moves onto one, and off again when it must migrate after all.
migratable() {
	local goal got

	ip link set "$IGB" up
	for goal in throughput latency cpu density; do
		"$NVIRT" vif add "m$goal" dev "$IGB" goal $goal migratable yes || return 1
		got=$(vif_get "m$goal" '["backend"], d[0]["migratable"]')
		[[ $got == "queue True" || $got == "soft True" ]] ||
			fail "$goal: $got" || return 1
	done
	expect_match "why not a VF" "$(reasons mthroughput)" "^vf-migratable " &&
	expect_eq "no VFs enabled" "$(numvfs)" 0 || return 1

	"$NVIRT" vif set mlatency migratable no || return 1
	expect_eq "moved onto a VF" "$(vif_get mlatency '["backend"], d[0]["migratable"]')" \
		"vf False" || return 1
	# VFs are on now: igb keeps one queue, so no queue VIF is left on it.
	for goal in throughput cpu density; do
		expect_eq "$goal after VFs" "$(vif_get "m$goal" '["backend"]')" soft || return 1
	done
	"$NVIRT" vif set mlatency migratable yes || return 1
	# Off the VF, onto a queue once the VFs are disabled and igb has two.
	got=$(vif_get mlatency '["backend"], d[0]["migratable"]')
	[[ $got == "queue True" || $got == "soft True" ]] ||
		fail "off the VF: $got" || return 1
	for goal in throughput latency cpu density; do
		"$NVIRT" vif del "m$goal" || return 1
	done
	expect_eq "VFs disabled after" "$(numvfs)" 0 && vifs_gone
}

dry_run() {
	local tmp before plan

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	ip link set "$IGB" up
	"$NVIRT" vif add d0 dev "$E1000" mac 02:00:00:00:0d:00 || return 1
	"$NVIRT" vif add d1 dev "$IGB" migratable yes || return 1
	monitor_start "$tmp/log" vif || return 1
	before=$(nvirt_state "$IGB")

	plan=$("$NVIRT" -j vif add d2 dev "$IGB" isolation strict dry-run) || return 1
	expect_eq "new on igb" "$(json_get 'd["backend"], d["reasons"][0]["code"]' <<<"$plan")" \
		"vf backend-vf" || return 1
	run "$NVIRT" -j vif add d2 dev "$E1000" isolation strict dry-run
	expect_eq "refused plan" "$rc $(json_get 'd["error"]' <<<"$out")" \
		"1 software path not chosen: strict isolation needs the NIC to enforce it" || return 1
	plan=$("$NVIRT" -j vif set d1 migratable no priority 9 dry-run) || return 1
	expect_eq "set onto a VF" "$(json_get 'd["backend"]' <<<"$plan")" vf || return 1
	plan=$("$NVIRT" -j vif set d0 backend queue dry-run 2>&1)
	expect_match "set onto a queue e1000 lacks" "$plan" "no transmit queue to spare" || return 1
	"$NVIRT" vif set d0 mtu 1400 vlan 7 dry-run >/dev/null || return 1

	sleep 1
	expect_same "state after dry runs" "$before" "$(nvirt_state "$IGB")" &&
	expect_eq "events" "$(cat "$tmp/log")" "" || return 1
	"$NVIRT" vif del d0 && "$NVIRT" vif del d1 && vifs_gone
}


# As a hypervisor's agent would: give the guest's netdev its address again
# (it is a new netdev after a move, with the VIF's MAC and VLAN), and time
# how long until the peer answers.
guest_plumb() {
	local dev i

	dev=$(vif_get g '["ifname"]')
	ip -n nvg addr add 10.6.0.1/24 dev "$dev" 2>/dev/null
	ip -n nvg link set "$dev" up
	for ((i = 1; i <= 100; i++)); do
		if ip netns exec nvg ping -c 1 -W 1 10.6.0.2 >/dev/null; then
			ktap_print_msg "g on $(vif_get g '["backend"]') ($dev): peer answers after ${i} pings"
			return 0
		fi
	done
	fail "g on $(vif_get g '["backend"]'): the peer does not answer"
}

# Seven VIFs hold igb's seven VFs; one of higher priority takes the VF of
# the lowest (g), which falls back keeping its id, name, MAC and VLAN, and
# moves back once the VF is free; the monitor says why each time.
demote_promote() {
	local tmp id i got

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	ip link set "$IGB" up
	peer_up || return 1
	ip netns add nvg && defer ip netns del nvg
	"$NVIRT" vif add g dev "$IGB" mac 02:00:00:00:0a:01 vlan 5 netns nvg || return 1
	id=$(vif_get g '["id"]')
	for ((i = 1; i < 7; i++)); do
		"$NVIRT" vif add "h$i" dev "$IGB" priority 1 || return 1
	done
	expect_eq "g on a VF" "$(vif_get g '["backend"]')" vf && guest_plumb || return 1

	monitor_start "$tmp/log" vif || return 1
	"$NVIRT" vif add top dev "$IGB" priority 5 || return 1
	expect_eq "top took a VF" "$(vif_get top '["backend"]')" vf &&
	expect_eq "g fell back" "$(vif_get g '["backend"], d[0]["id"], d[0]["mac"], d[0]["vlan"]["id"]')" \
		"soft $id 02:00:00:00:0a:01 5" || return 1
	for ((i = 1; i < 7; i++)); do
		expect_eq "h$i kept its VF" "$(vif_get "h$i" '["backend"]')" vf || return 1
	done
	expect_match "g explains" "$(reasons g)" "^vf-exhausted " &&
	guest_plumb || return 1

	"$NVIRT" vif del top || return 1
	expect_eq "g moved back" "$(vif_get g '["backend"], d[0]["id"], d[0]["mac"]')" \
		"vf $id 02:00:00:00:0a:01" &&
	guest_plumb || return 1
	sleep 0.5
	got=$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    v = e["vif"]
    if v["name"] == "g" and "plan" in v:
        print(v["backend"], e["cause"],
              [r["code"] for r in v["plan"]["reasons"]][-1])' "$tmp/log" |
		tr '\n' ';')
	expect_eq "moves announced with their cause and reasons" "$got" \
		"soft placement demoted;vf placement promoted;" || return 1

	"$NVIRT" vif del g || return 1
	for ((i = 1; i < 7; i++)); do
		"$NVIRT" vif del "h$i" || return 1
	done
	peer_down && expect_eq "VFs disabled after" "$(numvfs)" 0 && vifs_gone
}

# The one spare queue of vmxnet3 goes to the higher priority, and back.
queue_priority() {
	ip link set "$VMX" up
	[ "$(ls -d "/sys/class/net/$VMX/queues/tx-"* | wc -l)" = 2 ] ||
		fail "vmxnet3 runs $(ls -d "/sys/class/net/$VMX/queues/tx-"* | wc -l) queues, not 2" ||
		return 1
	"$NVIRT" vif add q0 dev "$VMX" || return 1
	expect_eq "q0 on the queue" "$(vif_get q0 '["backend"], d[0]["queue"]')" "queue 1" || return 1
	"$NVIRT" vif add q1 dev "$VMX" || return 1
	expect_eq "equal priority: q1 soft" "$(vif_get q1 '["backend"]')" soft || return 1
	"$NVIRT" vif add q2 dev "$VMX" priority 2 || return 1
	expect_eq "q2 took the queue" \
		"$(vif_get q2 '["backend"]') $(vif_get q0 '["backend"]')" "queue soft" || return 1
	"$NVIRT" vif del q2 || return 1
	# Back to the oldest of equal priority.
	expect_eq "q0 has it back" \
		"$(vif_get q0 '["backend"]') $(vif_get q1 '["backend"]')" "queue soft" || return 1
	run "$NVIRT" vif set q1 backend queue
	expect_eq "q1 asks for the queue q0 holds at equal priority" "$rc $err" \
		"1 Error: queue not chosen: $VMX has no transmit queue to spare." &&
	expect_eq "refused: both as they were" \
		"$(vif_get q0 '["backend"]') $(vif_get q1 '["backend"]')" "queue soft" || return 1
	"$NVIRT" vif set q0 backend soft && "$NVIRT" vif set q1 backend auto || return 1
	expect_eq "asked for: q0 soft, q1 the queue" \
		"$(vif_get q0 '["backend"]') $(vif_get q1 '["backend"]')" "soft queue" || return 1
	"$NVIRT" vif del q0 && "$NVIRT" vif del q1 && vifs_gone
}

# t_carrier N: VIF t's netdev in nvt, a soft or queue one, has carrier N.
t_carrier() {
	[ "$(ip netns exec nvt cat /sys/class/net/t/carrier 2>/dev/null)" = "$1" ]
}

# A VIF's record but what its placement decides (the backend, its netdev
# and the netdev's state, queue or VF, where each setting is enforced, the
# path and migratability the plan gives), as sorted JSON: identity < JSON
identity() {
	json_get 'json.dumps({k: v for k, v in d[0].items()
		if k not in ("backend", "operstate", "ifindex", "ifname", "queue", "vf",
			     "enforce", "g2g", "migratable")}, sort_keys=True)'
}

# on BACKEND WANT: VIF t is on BACKEND, its identity is WANT, and the
# settings retier() gave it hold there: on its netdev in nvt, its link
# forced down or following its parent's (a soft or queue VIF), in igb's VF
# table (a VF); nvirt enforces each, in software or in the NIC.
on() {
	local b=$1 want=$2 rec dev vf enf=software link="nvirt None"

	rec=$("$NVIRT" -j vif show t) || return 1
	expect_same "record on $b" "$want" "$(identity <<<"$rec")" || return 1
	read -r dev vf < <(json_get 'd[0]["ifname"], d[0].get("vf")' <<<"$rec")
	if [ "$b" = vf ]; then
		enf=hardware
		link="None t"
	fi
	expect_eq "backend, where it is enforced" \
		"$(json_get 'd[0]["backend"], " ".join(f"{k}={v}" for k, v in sorted(d[0]["enforce"].items()))' <<<"$rec")" \
		"$b link-state=$enf mac=$enf max-rate=$enf mtu=$enf trust=$enf vlan=$enf" || return 1
	[ ! -e "/sys/class/net/$dev" ] || fail "$dev on $b: in the initial netns" || return 1
	ip -n nvt link set dev "$dev" up || return 1
	expect_eq "$dev on $b: MAC, MTU, kind or alias" \
		"$(ip -n nvt -d -j link show dev "$dev" |
			json_get 'd[0]["address"], d[0]["mtu"], d[0].get("linkinfo", {}).get("info_kind"), d[0].get("ifalias")')" \
		"02:00:00:00:0e:01 1400 $link" || return 1
	if [ "$b" = vf ]; then
		expect_eq "igb's VF table, VF $vf" "$(ip -j link show dev "$IGB" | json_get "
[(v['address'], v['vlan_list'], v['rate'], v['spoofchk'], v['trust'], v['link_state'])
 for v in d[0]['vfinfo_list'] if v['vf'] == $vf]")" \
			"[('02:00:00:00:0e:01', [{'vlan': 9, 'qos': 2}], {'max_tx': 30, 'min_tx': 0}, False, True, 'auto')]"
	elif [[ $want == *'"link_state": "disable"'* ]]; then
		t_carrier 0 || fail "$dev on $b: carrier, forced down"
	else
		wait_for 30 t_carrier 1 || fail "$dev on $b: no carrier, $IGB's up"
	fi
}

# A VIF with every setting a VF of igb can also take, named policy and
# goals with them, moved soft -> queue -> soft -> VF -> soft: its record
# stays the same but for what the placement decides, and every setting
# holds on each backend. igb cannot force a VF's link: the link is forced
# down on the software path and follows the VF's on the VF legs.
retier() {
	local want b

	ip link set "$IGB" up
	ip netns add nvt && defer ip netns del nvt
	defer "$NVIRT" policy del pt
	defer "$NVIRT" vif del t
	"$NVIRT" policy add pt goal latency priority 3 max-rate 40 || return 1
	"$NVIRT" vif add t dev "$IGB" backend soft mac 02:00:00:00:0e:01 \
		vlan 9 qos 2 proto 802.1Q mtu 1400 max-rate 30 spoofchk off trust on \
		state disable netns nvt policy pt isolation standard migratable no \
		visibility none g2g auto priority 4 || return 1
	want=$("$NVIRT" -j vif show t | identity)
	on soft "$want" || return 1
	for b in queue soft; do
		"$NVIRT" vif set t backend $b && on $b "$want" || return 1
	done
	"$NVIRT" vif set t state auto || return 1
	want=${want/'"link_state": "disable"'/'"link_state": "auto"'}
	for b in vf soft; do
		"$NVIRT" vif set t backend $b && on $b "$want" || return 1
	done
	"$NVIRT" vif del t && "$NVIRT" policy del pt && vifs_gone &&
	expect_eq "VFs disabled after" "$(numvfs)" 0
}

ktap_print_header
ktap_set_plan 8
modprobe igbvf
check "each rig NIC's plan for a VIF, dry run, with reasons" every_nic
check "any policy on e1000: software path, strict refused with why" e1000_soft
check "strict isolation for throughput on igb: a VF, enforced by the NIC" strict_vf
check "migratable never gets a VF; set moves on and off one" migratable
check "dry runs change nothing and announce nothing" dry_run
check "higher priority takes a VF, the VIF falls back and returns, traffic goes on" demote_promote
check "the last queue goes to the higher priority, and back" queue_priority
check "moved soft, queue, soft, VF, soft: the same record, every setting in effect" retier
ktap_finished
