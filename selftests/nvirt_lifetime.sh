#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What outlives what: PCI NICs hot-unplugged through QEMU's monitor with
# VIFs of every backend on them, and plugged back; a dump left unfinished
# pins the module until its socket closes; a netns deleted while a socket
# in it is open keeps its VIFs until the socket goes. Each time nothing is
# left: no VIF record, no nvirt netdev, one delete event per VIF.

source "$(dirname "$0")/lib.sh"

HOLD="python3 $(dirname "$(readlink -f "$0")")/nvirt_dumphold.py"

# nvirt netdevs in every netns
nvirt_links() {
	local ns

	{
		ip -d -o link show
		for ns in $(ip netns list | cut -d' ' -f1); do
			ip -n "$ns" -d -o link show
		done
	} | grep -c ' nvirt ' || true
}

nothing_left() {
	vifs_gone &&
	expect_eq "nvirt netdevs left" "$(nvirt_links)" 0
}

# del_events LOG: the names of deleted VIFs the monitor saw, sorted
del_events() {
	python3 -c 'import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "del" and "vif" in e:
        print(e["vif"]["name"])' "$1" | sort | xargs
}

wait_vifs_gone() {
	for _ in $(seq 100); do
		[ "$("$NVIRT" -j vif show | json_get 'len(d)')" = 0 ] && return 0
		sleep 0.1
	done
	vifs_gone
}

# unplug_replug IFNAME: unplug, wait for nvirt to let go of everything on
# the NIC, plug it back; NEW is set to its new name.
unplug_replug() {
	local spec

	spec=$(nic_spec "$1")
	[ -n "$spec" ] || fail "$1 is not one of the rig's QEMU NICs" || return 1
	nic_unplug "$1" || return 1
	wait_vifs_gone || return 1
	expect_eq "$1 in nvirt's NIC list" \
		"$("$NVIRT" -j nic show | json_get "[n['ifname'] for n in d].count('$1')")" 0 ||
		return 1
	NEW=$(nic_plug "$spec") || return 1
	ip link set "$NEW" up
}

# igb with a soft, a queue and a VF VIF (in a netns) goes away under them.
unplug_sriov() {
	local igb tmp=$1

	igb=$(drv igb)
	[ -n "$igb" ] || fail "no igb" || return 1
	ip link set "$igb" up
	ip netns add nvl && defer ip netns del nvl
	monitor_start "$tmp/events" vif || return 1
	"$NVIRT" vif add ls dev "$igb" backend soft &&
	"$NVIRT" vif add lq dev "$igb" backend queue &&
	"$NVIRT" vif add lv dev "$igb" backend vf netns nvl || return 1
	expect_eq "VFs enabled" "$(numvfs "$igb")" 7 ||
		return 1

	unplug_replug "$igb" || return 1
	nothing_left &&
	expect_eq "delete events" "$(del_events "$tmp/events")" "lq ls lv" || return 1

	# The NIC that came back is the NIC it was.
	expect_eq "total VFs after replug" \
		"$("$NVIRT" -j nic show dev "$NEW" | json_get 'd[0]["sriov"]["total_vfs"]')" 7 &&
	"$NVIRT" vif add lv2 dev "$NEW" backend vf &&
	expect_eq "backend after replug" \
		"$("$NVIRT" -j vif show lv2 | json_get 'd[0]["backend"]')" vf &&
	"$NVIRT" vif del lv2 &&
	expect_eq "VFs disabled again" "$(numvfs "$NEW")" 0
}

# e1000e goes away while a soft VIF on it pings the far end of its wire.
unplug_under_traffic() {
	local e1000 e1000e pid

	e1000=$(drv e1000)
	e1000e=$(drv e1000e)
	[ -n "$e1000" ] && [ -n "$e1000e" ] || fail "no e1000/e1000e" || return 1
	ip netns add nvp && defer ns_del_back nvp "$e1000"
	ip netns add nvt && defer ip netns del nvt
	ip link set "$e1000" netns nvp
	ip -n nvp link set "$e1000" up
	ip -n nvp addr add 10.9.0.2/24 dev "$e1000"
	ip link set "$e1000e" up
	"$NVIRT" vif add lt dev "$e1000e" netns nvt || return 1
	ip -n nvt link set lt up
	ip -n nvt addr add 10.9.0.1/24 dev lt
	ip netns exec nvt ping -q -c 3 -W 5 10.9.0.2 >/dev/null ||
		fail "no ping before the unplug" || return 1
	ip netns exec nvt ping -q -i 0.05 -w 60 10.9.0.2 >/dev/null 2>&1 &
	pid=$!
	defer kill $pid
	sleep 1
	unplug_replug "$e1000e" || return 1
	nothing_left
}

# A dump nobody reads to its end holds the module; closing its socket
# lets go, and the dump read late is whole.
dump_pins_module() {
	local i pid

	ip link add nvd0 type dummy && defer ip link del nvd0
	ip link set nvd0 up
	# More than the dump's first buffer holds.
	for i in $(seq 64); do
		"$NVIRT" vif add "d$i" dev nvd0 || return 1
	done
	mkfifo "$1/hold"
	$HOLD < "$1/hold" > "$1/hold.out" &
	pid=$!
	exec 7> "$1/hold"
	for _ in $(seq 100); do
		[ -s "$1/hold.out" ] && break
		sleep 0.1
	done
	expect_eq "holder" "$(head -n 1 "$1/hold.out")" holding || { exec 7>&-; return 1; }
	if rmmod nvirt 2>/dev/null; then
		exec 7>&-
		insmod "$NVIRT_KO"
		fail "rmmod went through under an unfinished dump"
		return 1
	fi
	exec 7>&-
	wait $pid
	expect_eq "the dump, read late" "$(tail -n 1 "$1/hold.out")" "vifs 64" || return 1
	rmmod nvirt || fail "rmmod refused after the dump's socket closed" || return 1
	insmod "$NVIRT_KO" || return 1
	[ ! -e /sys/class/net/d1 ] || fail "d1 outlived the module" || return 1
	nothing_left
}

# A netns with an open socket in it outlives "ip netns del", and so do the
# VIFs in it; when the socket closes they go, and so do the VFs nvirt
# enabled for them.
netns_held_by_socket() {
	local igb pid

	igb=$(drv igb)
	ip link set "$igb" up
	ip netns add nvh
	"$NVIRT" vif add hs dev "$igb" backend soft netns nvh &&
	"$NVIRT" vif add hv dev "$igb" backend vf netns nvh || return 1
	mkfifo "$1/ns"
	ip netns exec nvh $HOLD < "$1/ns" > "$1/ns.out" &
	pid=$!
	exec 8> "$1/ns"
	sleep 1
	ip netns del nvh
	sleep 1
	expect_eq "VIFs while the socket is open" \
		"$("$NVIRT" -j vif show | json_get 'sorted(v["name"] for v in d)')" \
		"['hs', 'hv']" || { exec 8>&-; return 1; }
	exec 8>&-
	wait $pid
	wait_vifs_gone &&
	nothing_left &&
	expect_eq "VFs disabled" "$(numvfs "$igb")" 0
}

# vifs_on PARENT [PREFIX...]: two soft VIFs up on PARENT, one in a
# VLAN of each protocol, so the parent holds a VLAN filter entry, a
# unicast and a multicast address and an upper link for each, and the
# port's receive handler (PREFIX, e.g. "ip netns exec NS", runs the CLI).
vifs_on() {
	local parent=$1 v

	shift
	"$@" "$NVIRT" vif add pq dev "$parent" vlan 7 mac 02:00:00:00:0b:01 &&
	"$@" "$NVIRT" vif add pa dev "$parent" vlan 8 proto 802.1ad \
		mac 02:00:00:00:0b:02 || return 1
	for v in pq pa; do
		"$@" ip link set "$v" up || return 1
	done
	"$@" bridge fdb show dev "$parent" | grep -q 02:00:00:00:0b:01 ||
		fail "$parent has no filter entry for pq's MAC" || return 1
}

# The parent, still here, holds nothing of the VIFs it had.
parent_clean() {
	local parent=$1

	shift
	if "$@" bridge fdb show dev "$parent" | grep -q 02:00:00:00:0b:0; then
		fail "$parent still filters for a VIF's MAC"
		return 1
	fi
	"$@" ip link add nvbr0 type bridge &&
	"$@" ip link set "$parent" master nvbr0 ||
		fail "$parent's receive handler was not given back" || return 1
	"$@" ip link del nvbr0
}

# Every way a parent goes under VIFs in VLANs (the debug tier's kmemleak
# scan after this test finds any VLAN table left behind): a veth and a
# dummy deleted; a veth moved to another netns (the VIFs go, the parent
# holds nothing of theirs) and deleted there; a veth whose netns is
# deleted.
parents_go() {
	ip link add nvpv0 type veth peer name nvpv1 &&
	vifs_on nvpv0 && ip link del nvpv0 || return 1
	wait_vifs_gone || return 1

	ip link add nvpd0 type dummy &&
	vifs_on nvpd0 && ip link del nvpd0 || return 1
	wait_vifs_gone || return 1

	ip netns add nvpm && defer ip netns del nvpm
	ip link add nvpv0 type veth peer name nvpv1 &&
	vifs_on nvpv0 && ip link set nvpv0 netns nvpm || return 1
	wait_vifs_gone && parent_clean nvpv0 ip netns exec nvpm || return 1
	ip -n nvpm link del nvpv0

	ip netns add nvpn && defer ip netns del nvpn
	ip -n nvpn link add nvpv0 type veth peer name nvpv1 &&
	vifs_on nvpv0 ip netns exec nvpn || return 1
	ip netns del nvpn
	for _ in $(seq 100); do
		[ ! -e /run/netns/nvpn ] && break
		sleep 0.1
	done
	nothing_left
}

ktap_print_header
ktap_set_plan 5

tmp=$(mktemp -d)
defer rm -rf "$tmp"
modprobe igbvf
mkdir "$tmp"/{a,b,c,d}

check "a dump left unfinished pins the module until its socket closes" dump_pins_module "$tmp/a"
check "a netns held by a socket keeps its VIFs until the socket closes" netns_held_by_socket "$tmp/b"
check "igb hot-unplugged under soft, queue and VF VIFs, then plugged back" unplug_sriov "$tmp/c"
check "e1000e hot-unplugged under a pinging soft VIF, then plugged back" unplug_under_traffic "$tmp/d"
check "veth and dummy parents deleted, moved and their netns deleted under VLAN VIFs" parents_go

ktap_finished
