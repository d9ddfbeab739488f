#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nic verify: nvirt tests what a NIC declares. The rig's igb declares VF
# spoof-checking and does not do it (QEMU's igb lets spoofed frames
# through): nvirt must find that out by itself, say so in the record, and
# from then on not count on a VF for spoof-checking; forget undoes it.
# e1000 declares nothing testable; a NIC that is down cannot be tested.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
E1000=$(drv e1000)

# What the record of NIC $1 says testing its knob $2 found.
verified() {
	"$NVIRT" -j nic show dev "$1" | json_get "d[0][\"caps\"][\"$2\"][\"verified\"]"
}

# The backend and the reason codes of a dry run of "vif add vv ARGS...".
plan_of() {
	"$NVIRT" -j vif add vv "$@" dry-run |
		json_get 'd["backend"] + " " + " ".join(r["code"] for r in d["reasons"])'
}

# igb's VFs let spoofed frames through: the knob fails, VIFs that ask for
# spoof-checking go elsewhere, with the reason; one that does not still
# gets a VF; forget makes it as declared again.
spoofchk_fails() {
	local tmp

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	defer "$NVIRT" nic verify dev "$IGB" forget
	expect_eq "untested before" "$(verified "$IGB" vf-spoofchk)" untested &&
	expect_match "a VF before" "$(plan_of dev "$IGB" goal throughput)" "^vf " ||
		return 1
	monitor_start "$tmp/ev" vif || return 1

	run "$NVIRT" nic verify dev "$IGB"
	ktap_print_msg "$err"
	expect_eq "verify" "$rc" 0 &&
	expect_match "what it found" "$err" \
		"vf-spoofchk failed: [1-9][0-9]* of 20 spoofed frames crossed" &&
	expect_match "the record it prints" "$out" "vf-spoofchk \\(test failed\\)" &&
	expect_eq "the record" "$(verified "$IGB" vf-spoofchk)" failed &&
	expect_eq "vf-mac untested" "$(verified "$IGB" vf-mac)" untested || return 1
	wait_for 5 grep -q '"del"' "$tmp/ev"
	expect_match "its test VIF came and went" "$(vif_events "$tmp/ev")" \
		"^add request nvverify[0-9]+;del request nvverify[0-9]+;$" &&
	expect_eq "no VIF left" "$("$NVIRT" -j vif show | json_get 'len(d)')" 0 ||
		return 1

	expect_match "no VF for spoof-checking" "$(plan_of dev "$IGB" goal throughput)" \
		"^(queue|soft) .*knob-failed" &&
	expect_match "why" "$("$NVIRT" vif add vv dev "$IGB" goal throughput dry-run)" \
		"reason knob-failed: VF not chosen: $IGB failed the test to spoof-check a VF" &&
	expect_match "a VF without it" "$(plan_of dev "$IGB" goal throughput spoofchk off)" \
		"^vf " || return 1
	run "$NVIRT" vif add vv dev "$IGB" backend vf
	expect_eq "backend vf with it: refused" "$rc" 1 &&
	expect_match "backend vf: why" "$err" "failed the test to spoof-check a VF" ||
		return 1

	"$NVIRT" nic verify dev "$IGB" forget >/dev/null &&
	expect_eq "forgotten" "$(verified "$IGB" vf-spoofchk)" untested &&
	expect_match "a VF again" "$(plan_of dev "$IGB" goal throughput)" "^vf "
}

# Right after igb comes up, with both CPUs busy: the links come up while
# the test waits, and the result is the same each time. (A carrier is on
# before linkwatch gives the NIC its qdisc; frames sent between the two
# are dropped, and the test saw none arrive.)
just_up() {
	local i hogs=()

	for i in 1 2; do
		{ while :; do :; done; } &
		hogs+=($!)
	done
	defer kill "${hogs[@]}"
	for i in 1 2; do
		ip link set dev "$IGB" down && ip link set dev "$IGB" up || return 1
		# The first: the test enables a VF, and igb resets.
		[ "$i" = 2 ] ||
			echo 0 > "/sys/class/net/$IGB/device/sriov_numvfs" || return 1
		run "$NVIRT" nic verify dev "$IGB"
		expect_match "verify $i, igb just up" "$rc $err" \
			"^0 Warning: vf-spoofchk failed: [1-9][0-9]* of 20 spoofed" ||
			return 1
		"$NVIRT" nic verify dev "$IGB" forget >/dev/null || return 1
	done
}

# What cannot be tested is said, and changes nothing.
untestable() {
	local before

	run "$NVIRT" nic verify dev "$E1000"
	expect_eq "e1000" "$rc $err" "0 Warning: $E1000 declares nothing nvirt can test yet." ||
		return 1
	run "$NVIRT" nic verify dev nvnosuch
	expect_eq "no such NIC" "$rc" 1 &&
	expect_eq "no such NIC: why" "$err" "Error: No such NIC." || return 1
	before=$("$NVIRT" -j nic show dev "$IGB")
	ip link set dev "$IGB" down && defer ip link set dev "$IGB" up
	run "$NVIRT" nic verify dev "$IGB"
	ip link set dev "$IGB" up
	expect_eq "a NIC that is down" "$rc $err" \
		"1 Error: $IGB is down: its frames cannot be counted." &&
	expect_eq "still untested" "$(verified "$IGB" vf-spoofchk)" untested
}

ktap_print_header
ktap_set_plan 3
modprobe igbvf
# igb up, as the test needs, and after as it was.
[ -n "$(ip link show dev "$IGB" up)" ] ||
	{ ip link set dev "$IGB" up && defer ip link set dev "$IGB" down; }
check "igb's VF spoof-checking fails its test; VIFs that need it get no VF" spoofchk_fails
check "verify right after the NIC comes up, CPUs busy: the same result" just_up
check "a NIC with nothing to test, none, or down: said, nothing changes" untestable
ktap_finished
