#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A NIC has one receive handler: nvirt's soft and queue VIFs need it, and
# so do a bridge, a bond, macvlan and ipvlan. On a NIC another holds, the
# policy engine plans neither (reason rx-held, the holder named): a soft
# VIF is refused with that reason, and nothing is made, while an SR-IOV
# NIC's VIF gets a VF; on a NIC nvirt holds, the others are refused by
# the kernel (EBUSY: they take no message of nvirt's), and the VIF stays.
# nic show says who holds a NIC, and that changes with it.

source "$(dirname "$0")/lib.sh"

# holder IFNAME: "KIND IFNAME" (or "KIND") of its record, or "none"
holder() {
	"$NVIRT" -j nic show dev "$1" | json_get '
" ".join(filter(None, [d[0].get("holder", {}).get("kind", "none"),
                       d[0].get("holder", {}).get("ifname")])) '
}

# refused NIC KIND DEV: a soft VIF on NIC, which KIND DEV holds, is refused
# with the holder named, planned or made, and nothing changes.
refused() {
	local nic=$1 want before

	want="Error: software path not chosen: $nic is held by $2 $3."
	expect_eq "holder of $nic" "$(holder "$nic")" "$2 $3" || return 1
	expect_match "text" "$("$NVIRT" nic show dev "$nic")" " holder $2 $3" ||
		return 1
	before=$("$NVIRT" -j vif show; ip -br link)
	run "$NVIRT" vif add nvco dev "$nic" backend soft dry-run
	expect_eq "dry-run" "$err" "$want" || return 1
	run "$NVIRT" vif add nvco dev "$nic" backend soft
	[ "$rc" != 0 ] || { "$NVIRT" vif del nvco; fail "a soft VIF was made"; return 1; }
	expect_eq "add" "$err" "$want" || return 1
	expect_same "VIFs and links" "$before" "$("$NVIRT" -j vif show; ip -br link)"
}

# dummy NAME: a dummy NIC, deleted at exit
dummy() {
	ip link add "$1" type dummy && defer ip link del "$1"
}

by_bridge() {
	dummy nvco0 && ip link add nvcobr type bridge && defer ip link del nvcobr &&
		ip link set nvco0 master nvcobr || return 1
	refused nvco0 bridge nvcobr || return 1
	ip link set nvco0 nomaster || return 1
	expect_eq "holder once free" "$(holder nvco0)" none || return 1
	"$NVIRT" vif add nvco0v dev nvco0 backend soft >/dev/null || return 1
	defer "$NVIRT" vif del nvco0v
	expect_eq "holder with a soft VIF" "$(holder nvco0)" nvirt
}

by_bond() {
	dummy nvco1 && ip link add nvcobond type bond && defer ip link del nvcobond &&
		ip link set nvco1 master nvcobond || return 1
	refused nvco1 bond nvcobond
}

by_macvlan() {
	dummy nvco2 && ip link add nvcomv link nvco2 type macvlan || return 1
	refused nvco2 macvlan nvcomv
}

by_ipvlan() {
	dummy nvco3 && ip link add nvcoiv link nvco3 type ipvlan mode l2 || return 1
	refused nvco3 ipvlan nvcoiv
}

# With a soft VIF on it, nvirt holds the NIC: a macvlan, a bridge and a
# bond are refused, and the VIF and the record stay as they were.
held_by_nvirt() {
	local vif

	dummy nvco4 && "$NVIRT" vif add nvco4v dev nvco4 backend soft >/dev/null ||
		return 1
	defer "$NVIRT" vif del nvco4v
	ip link add nvcobr4 type bridge && defer ip link del nvcobr4 || return 1
	vif=$("$NVIRT" -j vif show nvco4v)
	run ip link add nvcomv4 link nvco4 type macvlan
	[ "$rc" != 0 ] || fail "a macvlan was made" || return 1
	expect_match "macvlan" "$err" "Device or resource busy" || return 1
	run ip link set nvco4 master nvcobr4
	[ "$rc" != 0 ] || fail "the NIC joined a bridge" || return 1
	expect_match "bridge" "$err" "Device or resource busy" || return 1
	expect_eq "holder" "$(holder nvco4)" nvirt || return 1
	expect_eq "the VIF" "$("$NVIRT" -j vif show nvco4v)" "$vif"
}

# igb as a bridge's port: its VIF gets a VF even for density, the plan
# saying why neither the soft path nor a queue.
sriov_held() {
	local igb plan

	igb=$(drv igb)
	ip link add nvcobr5 type bridge && defer ip link del nvcobr5 &&
		ip link set "$igb" master nvcobr5 || return 1
	defer ip link set "$igb" nomaster
	plan=$("$NVIRT" -j vif add nvco5v dev "$igb" goal density dry-run) ||
		return 1
	expect_eq "backend" "$(json_get 'd["backend"]' <<<"$plan")" vf &&
	expect_eq "reasons" "$(json_get '[r["text"] for r in d["reasons"][:2]]' <<<"$plan")" \
		"['software path not chosen: $igb is held by bridge nvcobr5', 'queue not chosen: $igb is held by bridge nvcobr5']"
}

ktap_print_header
ktap_set_plan 6
check "a bridge's port: a soft VIF refused, the bridge named" by_bridge
check "a bond's slave: a soft VIF refused, the bond named" by_bond
check "under a macvlan: a soft VIF refused, the macvlan named" by_macvlan
check "under an ipvlan: a soft VIF refused, the ipvlan named" by_ipvlan
check "held by nvirt: macvlan and bridge refused, the VIF kept" held_by_nvirt
check "an SR-IOV NIC in a bridge: a VF planned, soft and queue not, saying why" sriov_held
ktap_finished
