#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest-to-guest paths on each NIC whose wire (QEMU's hub) leads to an
# "external switch": the NIC at the wire's other end in netns nvrelay, a
# Linux bridge port in hairpin mode (reflective relay), so frames sent
# out come back. Two
# guests talk over the path their policy asks for and the counters prove
# which way the frames went: the software switch moves neither the
# parent's transmit counter nor the relay's; the external path moves the
# relay's, and the VIFs count the frames that came back. Switching the
# pair between paths while they talk loses little, and that is measured.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
# The NIC under test and the relay's NIC on its wire, set per pair.
NEAR=
FAR=

# relay_up NS FAR NEAR: the relay in NS, a bridge with FAR (on NEAR's
# wire) as a hairpin port; NEAR up. All quiet: no IPv6, and no ARP (the
# guests know each other's MACs).
relay_up() {
	ns_add_quiet "$1" && defer ip netns del "$1"
	ip link set "$2" netns "$1" || return 1
	ip -n "$1" link add br0 type bridge
	ip -n "$1" link set "$2" master br0
	bridge -n "$1" link set dev "$2" hairpin on || return 1
	ip -n "$1" link set "$2" up
	ip -n "$1" link set br0 up
	sysctl -qw "net.ipv6.conf.$3.disable_ipv6=1" &&
		defer sysctl -qw "net.ipv6.conf.$3.disable_ipv6=0"
	ip link set "$3" up
}

# rx_packets NS DEV, tx_packets NS DEV ("" for ours)
rx_packets() {
	ip ${1:+-n "$1"} -j -s link show "$2" | json_get 'd[0]["stats64"]["rx"]["packets"]'
}

tx_packets() {
	ip ${1:+-n "$1"} -j -s link show "$2" | json_get 'd[0]["stats64"]["tx"]["packets"]'
}

relay_rx() {
	rx_packets nvrelay "$FAR"
}

parent_tx() {
	tx_packets "" "$NEAR"
}

# Guests A and B (10.8.0.1, .2) with VIFs on $NEAR taking path $1.
guests_up() {
	local g i=1

	for g in A B; do
		ns_add_quiet "nvg$g" || return 1
		"$NVIRT" vif add "g$g" dev "$NEAR" mac "02:00:00:00:08:0$i" g2g "$1" \
			netns "nvg$g" || return 1
		ip -n "nvg$g" addr add "10.8.0.$i/24" dev "g$g"
		ip -n "nvg$g" link set "g$g" up
		i=$((i + 1))
	done
	ip -n nvgA neigh add 10.8.0.2 lladdr 02:00:00:00:08:02 dev gA nud permanent
	ip -n nvgB neigh add 10.8.0.1 lladdr 02:00:00:00:08:01 dev gB nud permanent
}

# ping_delta N: N pings A to B, all answered; sets d_relay, d_parent and
# the VIFs' switched/reflected deltas.
ping_delta() {
	local r0 p0 s0 f0

	r0=$(relay_rx) p0=$(parent_tx)
	s0=$(vif_get gA '["stats"]["tx_switched"]')
	f0=$(vif_get gB '["stats"]["rx_reflected"]')
	ip netns exec nvgA ping -c "$1" -i 0.1 -W 2 10.8.0.2 >/dev/null ||
		fail "pings A -> B not all answered" || return 1
	sleep 0.5
	d_relay=$(($(relay_rx) - r0))
	d_parent=$(($(parent_tx) - p0))
	d_switched=$(($(vif_get gA '["stats"]["tx_switched"]') - s0))
	d_reflected=$(($(vif_get gB '["stats"]["rx_reflected"]') - f0))
	ktap_print_msg "$(vif_get gA '["g2g"]') path, $1 pings: relay rx +$d_relay," \
		"parent tx +$d_parent, A switched +$d_switched, B reflected +$d_reflected"
}

# The pair's guests, relay and namespaces gone; the relay's NIC back.
pair_down() {
	"$NVIRT" vif del gA 2>/dev/null
	"$NVIRT" vif del gB 2>/dev/null
	ip netns del nvgA 2>/dev/null
	ip netns del nvgB 2>/dev/null
	ns_del_back nvrelay "$FAR"
}

soft_path() {
	relay_up nvrelay "$FAR" "$NEAR" && guests_up soft || return 1
	expect_eq "plan" "$(vif_get gA '["g2g"]')" soft || return 1
	ktap_print_msg "on $NEAR: gA $(vif_get gA '["backend"]'), gB $(vif_get gB '["backend"]')"
	ping_delta 10 || return 1
	expect_eq "relay saw nothing" "$d_relay" 0 &&
	expect_eq "parent sent nothing" "$d_parent" 0 &&
	expect_eq "A's requests switched by nvirt" "$d_switched" 10 &&
	expect_eq "nothing came back" "$d_reflected" 0
}

external_path() {
	"$NVIRT" vif set gA g2g external && "$NVIRT" vif set gB g2g external || return 1
	expect_eq "plan" "$(vif_get gA '["g2g"]') $("$NVIRT" -j vif explain gA |
		json_get '[r["code"] for r in d["plan"]["reasons"]][-1]')" "external g2g-external" ||
		return 1
	ping_delta 10 || return 1
	expect_eq "relay had requests and replies" "$d_relay" 20 &&
	expect_eq "parent sent them" "$d_parent" 20 &&
	expect_eq "nothing switched by nvirt" "$d_switched" 0 &&
	expect_eq "B's requests came back from the wire" "$d_reflected" 10 || return 1

	# One external end is enough: B's replies to A go out too.
	"$NVIRT" vif set gB g2g soft || return 1
	ping_delta 10 || return 1
	expect_eq "mixed pair: all through the relay" "$d_relay" 20 &&
	expect_eq "mixed pair: nothing switched" "$d_switched" 0
}

# Switching the pair's path under a ping stream: count what was lost.
switch_live() {
	local tmp sent got lost

	tmp=$(mktemp) && defer rm -f "$tmp"
	ip netns exec nvgA ping -c 100 -i 0.05 -W 1 10.8.0.2 >"$tmp" &
	for path in soft external soft external; do
		sleep 1
		"$NVIRT" vif set gA g2g $path && "$NVIRT" vif set gB g2g $path || return 1
	done
	wait
	read -r sent got < <(sed -n 's/^\([0-9]*\) packets transmitted, \([0-9]*\) received.*/\1 \2/p' "$tmp")
	lost=$((sent - got))
	ktap_print_msg "4 path switches under 100 pings: $lost lost"
	expect_eq "sent" "$sent" 100 &&
	[ "$lost" -le 5 ] || fail "$lost of 100 lost"
}

# Two VF guests on igb: the NIC's switch (VEB) loops their frames; the
# relay on igb's wire (vmxnet3, hairpin) and the PF see none of them.
nic_path() {
	local vmx d r0 p0 g i=1

	[ -n "$IGB" ] || fail "no igb NIC: the rig has one" || return 1
	vmx=$(drv vmxnet3)
	modprobe igbvf
	relay_up nvrelay1 "$vmx" "$IGB" || return 1
	for g in A B; do
		ns_add_quiet "nvv$g" && defer ip netns del "nvv$g"
		"$NVIRT" vif add "v$g" dev "$IGB" mac "02:00:00:00:09:0$i" netns "nvv$g" ||
			return 1
		defer "$NVIRT" vif del "v$g"
		expect_eq "v$g on a VF, through the NIC" \
			"$(vif_get "v$g" '["backend"], d[0]["g2g"]')" "vf nic" || return 1
		d=$(vif_get "v$g" '["ifname"]')
		ip -n "nvv$g" addr add "10.9.0.$i/24" dev "$d"
		ip -n "nvv$g" link set "$d" up
		i=$((i + 1))
	done
	ip -n nvvA neigh add 10.9.0.2 lladdr 02:00:00:00:09:02 dev "$(vif_get vA '["ifname"]')" nud permanent
	ip -n nvvB neigh add 10.9.0.1 lladdr 02:00:00:00:09:01 dev "$(vif_get vB '["ifname"]')" nud permanent
	# Fresh VFs: their first link comes late on 6.1 (link_is_up), and
	# their datapath a little after it.
	for g in A B; do
		wait_for 30 link_is_up "$(vif_get "v$g" '["ifname"]')" "nvv$g" ||
			fail "v$g's VF has no link" || return 1
	done
	sleep 1
	r0=$(rx_packets nvrelay1 "$vmx") p0=$(tx_packets "" "$IGB")
	ip netns exec nvvA ping -c 10 -i 0.1 -W 2 10.9.0.2 >/dev/null ||
		fail "pings vA -> vB not all answered" || return 1
	d_relay=$(($(rx_packets nvrelay1 "$vmx") - r0))
	d_parent=$(($(tx_packets "" "$IGB") - p0))
	ktap_print_msg "nic path, 10 pings: relay rx +$d_relay, PF tx +$d_parent"
	expect_eq "relay saw nothing" "$d_relay" 0 &&
	expect_eq "nothing left the PF" "$d_parent" 0
}

# Where the path cannot be had, the plan says why.
refusals() {
	local out

	ip link add nvdum0 type dummy && defer ip link del nvdum0
	run "$NVIRT" vif add x0 dev nvdum0 g2g external
	expect_eq "virtual NIC" "$rc $err" \
		"1 Error: guest-to-guest through an external switch refused: nvdum0 has no wire." ||
		return 1
	[ -n "$IGB" ] || fail "no igb NIC: the rig has one" || return 1
	out=$("$NVIRT" -j vif add x1 dev "$IGB" g2g external dry-run) || return 1
	expect_eq "igb: not a VF" \
		"$(json_get 'd["backend"] != "vf", d["reasons"][0]["code"], d["reasons"][-1]["code"]' <<<"$out")" \
		"True vf-g2g g2g-external"
}

# The rig's wires: e1000 with e1000e, igb with vmxnet3; each NIC in turn
# is the one under test, the other the relay's.
PAIRS=(e1000:e1000e e1000e:e1000 vmxnet3:igb igb:vmxnet3)

defer pair_down
ktap_print_header
ktap_set_plan $((${#PAIRS[@]} * 2 + 3))
for pair in "${PAIRS[@]}"; do
	NEAR=$(drv "${pair%%:*}") FAR=$(drv "${pair##*:}")
	check "${pair%%:*}: software path, the relay and the parent see nothing" soft_path
	check "${pair%%:*}: external path, out to the relay and back, counted" external_path
	if [ "${pair%%:*}" = e1000 ]; then
		check "e1000: switching paths while talking loses little" switch_live
	fi
	pair_down
done
check "NIC path: igb's switch loops two VFs, nothing on the wire" nic_path
check "refused where the path cannot be had, with why" refusals
ktap_finished
