#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VFs nvirt enables, on a host with no udev (the rig): their driver is
# loaded by nvirt, and when none can be, the refusal says so and leaves
# no VF enabled; VFs being disabled are never given to a VIF, whatever
# places VIFs meanwhile (a policy change replanning its followers).

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)

vfs_off() {
	[ "$(numvfs)" = 0 ]
}

# No VF enabled, and their driver not loaded.
no_vf_driver() {
	local i

	wait_for 5 vfs_off
	for i in $(seq 50); do
		rmmod igbvf 2>/dev/null
		lsmod | grep -q '^igbvf ' || return 0
		sleep 0.1
	done
	fail "igbvf stays loaded"
}

# Nothing bound the VFs' driver: nvirt asks for it, as udev would.
driver_loaded() {
	no_vf_driver || return 1
	"$NVIRT" vif add nf0 dev "$IGB" backend vf || return 1
	expect_eq "backend" "$(vif_get nf0 '["backend"]')" vf &&
	expect_eq "igbvf loaded" "$(lsmod | grep -c '^igbvf ')" 1 || return 1
	"$NVIRT" vif del nf0 &&
	expect_eq "VFs disabled again" "$(numvfs)" 0
}

# No driver can be had (modprobe fails): the refusal names the VFs' PCI
# id, auto falls back, and no VF is left enabled.
driver_missing() {
	local modprobe ret

	no_vf_driver || return 1
	modprobe=$(cat /proc/sys/kernel/modprobe)
	echo /bin/false > /proc/sys/kernel/modprobe
	no_driver_refused
	ret=$?
	echo "$modprobe" > /proc/sys/kernel/modprobe
	return $ret
}

no_driver_refused() {
	local id

	id=$(sed 's/^0x//' "/sys/class/net/$IGB/device/vendor"):$(cat \
		"/sys/class/net/$IGB/device/sriov_vf_device")
	run "$NVIRT" vif add nf1 dev "$IGB" backend vf
	expect_eq "pinned to vf" "$rc $err" \
		"1 Error: VF not chosen: 7 VFs of $IGB have no driver (PCI id $id)." &&
	expect_eq "no VF left enabled" "$(numvfs)" 0 || return 1
	"$NVIRT" vif add nf2 dev "$IGB" || return 1
	[ "$(vif_get nf2 '["backend"]')" != vf ] || fail "auto took a VF" || return 1
	"$NVIRT" vif del nf2 && vifs_gone &&
	expect_eq "no VF left enabled after" "$(numvfs)" 0
}

# One VIF keeps nvirt's VFs enabled; another, on a policy that keeps it
# off VFs (migratable), is replanned onto one whenever the policy flips,
# while the first goes and the VFs are disabled: it must never be left on
# a VF that goes away (it would vanish with it).
settle_race() {
	local tmp=$1 round flipper gone

	ip link set "$IGB" up
	modprobe igbvf
	monitor_start "$tmp/events" vif || return 1
	"$NVIRT" policy add nvfp migratable yes || return 1
	defer "$NVIRT" policy del nvfp
	"$NVIRT" vif add nfb dev "$IGB" policy nvfp || return 1
	defer "$NVIRT" vif del nfb
	[ "$(vif_get nfb '["backend"]')" != vf ] || fail "the follower is on a VF" || return 1
	(
		while :; do
			"$NVIRT" policy set nvfp migratable no
			"$NVIRT" policy set nvfp migratable yes
		done
	) >/dev/null 2>&1 &
	flipper=$!
	defer kill $flipper
	for round in 1 2 3 4 5 6; do
		if ! "$NVIRT" vif add nfa dev "$IGB" backend vf >/dev/null ||
		   ! "$NVIRT" vif del nfa; then
			kill $flipper
			ktap_print_msg "round $round: $(numvfs) VFs; $("$NVIRT" vif show)"
			ip -br link | sed 's/^/# /'
			return 1
		fi
		"$NVIRT" vif show nfb >/dev/null ||
			{ kill $flipper; fail "round $round: the follower is gone"; return 1; }
	done
	kill $flipper
	wait $flipper 2>/dev/null
	"$NVIRT" policy set nvfp migratable yes || return 1
	gone=$(python3 -c 'import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "del":
        print(e["vif"]["name"], e["cause"])' "$tmp/events" | grep -v '^nfa request$')
	[ -z "$gone" ] || fail "VIFs that went: $gone" || return 1
	[ "$(vif_get nfb '["backend"]')" != vf ] || fail "the follower stays on a VF"
}

vfs_on() {
	[ "$(numvfs)" != 0 ]
}

# Enabling VFs resets igb, whose link then takes a while to come back, and
# igb refuses a VF's rate until it has. Here it takes longer than under no
# load (QEMU holds the cable out for 10 s after): the VIF waits for the
# link and gets its rate.
slow_link() {
	local add vf

	ip link set "$IGB" up
	modprobe igbvf
	defer nic_link "$IGB" on
	nic_link "$IGB" off || return 1
	"$NVIRT" vif add nfr dev "$IGB" backend vf max-rate 30 &
	add=$!
	wait_for 30 vfs_on || fail "no VF enabled" || return 1
	sleep 10
	nic_link "$IGB" on || return 1
	wait $add || fail "the VIF was refused" || return 1
	vf=$(vif_get nfr '["vf"]')
	expect_eq "igb's VF table: the rate of VF $vf" \
		"$(ip -j link show dev "$IGB" | json_get "[v['rate']['max_tx'] for v in d[0]['vfinfo_list'] if v['vf'] == $vf]")" \
		"[30]" || return 1
	"$NVIRT" vif del nfr && expect_eq "VFs disabled after" "$(numvfs)" 0
}

[ -n "$IGB" ] || { ktap_print_msg "no igb: the standard rig has one"; exit "$KSFT_FAIL"; }
tmp=$(mktemp -d)
defer rm -rf "$tmp"
ktap_print_header
ktap_set_plan 4
check "VFs with no driver bound: nvirt loads it" driver_loaded
check "no driver to be had: refused with the VFs' PCI id, none left enabled" driver_missing
check "VFs being disabled are never given to a VIF a policy replans" settle_race "$tmp"
check "a VF's rate waits for the PF's link, slow after VFs are enabled" slow_link
ktap_finished
