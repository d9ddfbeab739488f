#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A VIF handed to a virtual machine: "attach tap" gives a soft or queue
# VIF a tap device, /dev/tapN as macvtap's, and a real QEMU moves frames
# through it both ways. QEMU's socket netdev, on one hub with the tap,
# stands in for its guest (selftests/nvirt_traffic.py qemu-guest at its
# other end). The VIF's counters agree with what crossed, spoof-check
# still drops what the guest sends from another MAC, the record and vif
# show's QEMU arguments say where the device is; a VF is not made a tap,
# the tap goes when the VIF goes to a netns or away.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
VMX=$(drv vmxnet3)
MAC=02:00:00:00:7a:01		# the VIFs'
PEER_MAC=02:00:00:00:7a:02	# the veth at the soft VIF's wire's far end
QPORT=7000			# QEMU's socket netdev; its guest's is QPORT+1
N=20

# Frames of their own only: IPv6 would send some on every new link.
for k in all default; do
	v=$(sysctl -n "net.ipv6.conf.$k.disable_ipv6")
	sysctl -qw "net.ipv6.conf.$k.disable_ipv6=1"
	defer sysctl -qw "net.ipv6.conf.$k.disable_ipv6=$v"
done

# qemu_on NS PATH: a QEMU in netns NS with PATH open on its fd 3 as a tap
# netdev, on a hub with a socket netdev; stopped at exit. Returns once it
# listens.
qemu_on() {
	ip netns exec "$1" qemu-system-x86_64 -machine none -nodefaults \
		-display none -netdev tap,id=t0,fd=3 \
		-netdev "socket,id=s0,udp=127.0.0.1:$((QPORT + 1)),localaddr=127.0.0.1:$QPORT" \
		-netdev hubport,id=h0,hubid=0,netdev=t0 \
		-netdev hubport,id=h1,hubid=0,netdev=s0 \
		3<>"$2" 2>/dev/null &
	defer "kill $! && wait $!"
	wait_for 30 qemu_listens "$1" || fail "QEMU did not start"
}

qemu_listens() {
	[ -n "$(ip netns exec "$1" ss -Hlun "sport = :$QPORT")" ]
}

# stat_of VIF COUNTER: one of its counters
stat_of() {
	vif_get "$1" "['stats']['$2']"
}

# exchange VIF NS IFNAME PEER: N frames each way between QEMU's guest and
# IFNAME (in NS, with MAC PEER), all crossing, the VIF's counters moving
# by as many.
exchange() {
	local vif=$1 ns=$2 ifname=$3 peer=$4 tx rx

	tx=$(stat_of "$vif" tx_packets) && rx=$(stat_of "$vif" rx_packets) ||
		return 1
	expect_eq "frames out, frames in" \
		"$(ip netns exec "$ns" $TRAFFIC qemu-guest $((QPORT + 1)) $QPORT \
			"$ifname" "$MAC" "$peer" $N)" "$N $N" || return 1
	expect_eq "tx_packets moved by" $(($(stat_of "$vif" tx_packets) - tx)) $N &&
	expect_eq "rx_packets moved by" $(($(stat_of "$vif" rx_packets) - rx)) $N
}

# tap_record VIF: its record says tap, and where; that is a character
# device; show says QEMU's arguments for it, and save keeps it.
tap_record() {
	local vif=$1 path ifindex

	ifindex=$(vif_get "$vif" "['ifindex']")
	path=$(vif_get "$vif" "['attach']['path']")
	expect_eq "attach" "$(vif_get "$vif" "['attach']['kind']") $path" \
		"tap /dev/tap$ifindex" || return 1
	[ -c "$path" ] || fail "$path is no character device" || return 1
	expect_match "show" "$("$NVIRT" vif show "$vif")" \
		"    attach tap $path
    qemu -netdev tap,id=$vif,fd=3,vhost=on -device virtio-net-pci,netdev=$vif,mac=$MAC 3<>$path" ||
		return 1
	expect_match "save" "$("$NVIRT" save -)" "vif add $vif .* attach tap"
}

# A soft VIF on a veth, its far end in a quiet netns.
soft_tap() {
	local path

	ns_add_quiet nvatp && defer ip netns del nvatp || return 1
	ip link add nvat0 type veth peer name nvat1 netns nvatp &&
		defer ip link del nvat0 || return 1
	ip link set nvat0 up && ip -n nvatp link set nvat1 address "$PEER_MAC" up &&
		ip -n nvatp link set lo up || return 1
	"$NVIRT" vif add nvats dev nvat0 backend soft mac "$MAC" attach tap \
		>/dev/null || return 1
	defer "$NVIRT" vif del nvats
	tap_record nvats || return 1
	expect_eq "netdev up" "$(ip -j link show nvats | json_get 'd[0]["flags"].count("UP")')" 1 ||
		return 1
	path=$(vif_get nvats "['attach']['path']")
	qemu_on nvatp "$path" || return 1
	exchange nvats nvatp nvat1 "$PEER_MAC" || return 1

	# What the guest sends from another MAC stays behind.
	ip netns exec nvatp $TRAFFIC qemu-send $((QPORT + 2)) $QPORT \
		02:00:00:00:7a:09 "$PEER_MAC" 5 || return 1
	wait_for 20 eval '[ "$(stat_of nvats spoof_dropped)" = 5 ]' ||
		fail "spoof_dropped: $(stat_of nvats spoof_dropped), want 5"
}

# A queue VIF on igb; vmxnet3 at its wire's far end.
queue_tap() {
	local path

	ns_add_quiet nvatq && defer "ns_del_back nvatq $VMX" || return 1
	ip link set "$IGB" up && ip link set "$VMX" netns nvatq &&
		ip -n nvatq link set "$VMX" up && ip -n nvatq link set lo up ||
		return 1
	wait_for 30 link_is_up "$IGB" || fail "$IGB has no link" || return 1
	"$NVIRT" vif add nvatq dev "$IGB" backend queue mac "$MAC" attach tap \
		>/dev/null || return 1
	defer "$NVIRT" vif del nvatq
	expect_eq backend "$(vif_get nvatq "['backend']")" queue || return 1
	tap_record nvatq || return 1
	path=$(vif_get nvatq "['attach']['path']")
	qemu_on nvatq "$path" || return 1
	exchange nvatq nvatq "$VMX" "$(ip -n nvatq -j link show "$VMX" | json_get 'd[0]["address"]')"
}

# On a NIC with VFs, the plan for a tap leaves the VF out, saying why; a
# VF asked for is refused, with nothing changed.
no_vf_tap() {
	local before plan

	plan=$("$NVIRT" -j vif add nvatv dev "$IGB" attach tap dry-run) || return 1
	expect_match "reasons" "$(json_get '" ".join(r["code"] for r in d["reasons"])' <<<"$plan")" \
		"^vf-attach .*attach-tap" || return 1
	# queue, or soft once VIFs took igb's queues (2 with 2 CPUs)
	expect_match "planned" "$(json_get 'd["backend"]' <<<"$plan")" '^(queue|soft)$' ||
		return 1
	before=$(nvirt_state "$IGB")
	run "$NVIRT" vif add nvatv dev "$IGB" backend vf attach tap
	expect_eq "refused" "$err" \
		"Error: VF not chosen: attach tap needs nvirt's netdev; a VF's is its driver's." ||
		return 1
	run "$NVIRT" vif add nvatv dev "$IGB" attach tap netns 1
	expect_eq "tap and netns" "$err" \
		"Error: attach tap keeps the netdev in this namespace: no netns." ||
		return 1
	expect_same "state" "$before" "$(nvirt_state "$IGB")"
}

# attach netns takes the tap away, attach tap gives one back; a VIF
# deleted under an open tap leaves no device behind.
reattach() {
	local path

	ns_add_quiet nvatr && defer ip netns del nvatr || return 1
	ip link add nvat2 type dummy && defer ip link del nvat2 &&
		ip link set nvat2 up || return 1
	"$NVIRT" vif add nvatr dev nvat2 backend soft attach tap >/dev/null ||
		return 1
	defer "$NVIRT" vif del nvatr
	path=$(vif_get nvatr "['attach']['path']")
	"$NVIRT" vif set nvatr attach netns nvatr || return 1
	[ ! -e "$path" ] || fail "$path stayed" || return 1
	expect_eq "attach" "$(vif_get nvatr "['attach']")" "{'kind': 'netns'}" &&
	expect_eq "netdev" "$(ip -n nvatr -br link show nvatr | wc -l)" 1 ||
		return 1
	"$NVIRT" vif set nvatr attach tap || return 1
	path=$(vif_get nvatr "['attach']['path']")
	[ -c "$path" ] && [ -e /sys/class/net/nvatr ] ||
		fail "no tap ($path) or netdev back here" || return 1
	exec {fd}<>"$path" || return 1
	"$NVIRT" vif del nvatr
	exec {fd}>&-
	[ ! -e "$path" ] || fail "$path stayed"
}

# A set that attaches a tap and is then refused (the MAC is another VIF's)
# leaves no tap and the netdev as it was: down.
refused_set() {
	local before

	ip link add nvat4 type dummy && defer ip link del nvat4 &&
		ip link set nvat4 up || return 1
	"$NVIRT" vif add nvatb dev nvat4 backend soft mac "$PEER_MAC" >/dev/null ||
		return 1
	defer "$NVIRT" vif del nvatb
	"$NVIRT" vif add nvatc dev nvat4 backend soft >/dev/null || return 1
	defer "$NVIRT" vif del nvatc
	before="$(nvirt_state nvat4; ls /sys/class/nvirt-tap)"
	run "$NVIRT" vif set nvatc attach tap mac "$PEER_MAC"
	expect_match "refused" "$err" "^Error: MAC $PEER_MAC is in use" &&
	expect_same "state" "$before" "$(nvirt_state nvat4; ls /sys/class/nvirt-tap)"
}

# A kernel without the tap API (the debug kernel): attach tap refused at
# creation, after the VIF's netdev was made, and that undone.
no_tap_api() {
	local before

	ip link add nvat3 type dummy && defer ip link del nvat3 || return 1
	before=$(nvirt_state nvat3)
	run "$NVIRT" vif add nvatn dev nvat3 backend soft attach tap
	expect_eq "refused" "$err" \
		"Error: this kernel has no tap devices (CONFIG_TAP)." &&
	expect_same "state" "$before" "$(nvirt_state nvat3)"
}

ktap_print_header
if [ ! -d /sys/class/nvirt-tap ]; then
	ktap_set_plan 1
	check "no tap API: attach tap refused, the VIF's netdev undone" no_tap_api
	ktap_finished
fi
ktap_set_plan 5
check "soft VIF as a tap: QEMU's frames cross both ways, counted, spoofing dropped" soft_tap
check "queue VIF as a tap: QEMU's frames cross both ways, counted" queue_tap
check "no VF for a tap: the plan says why, a VF asked for is refused" no_vf_tap
check "attach netns takes the tap away, attach tap gives it back; del closes it" reattach
check "a set refused after its tap was made leaves no tap, the netdev down" refused_set
ktap_finished
