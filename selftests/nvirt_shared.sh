#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Many VIFs share e1000's one transmit queue through the port's
# speculative-enqueue ring. All send at once; every frame is accounted
# for: what the guests sent is what the VIFs counted, every one went
# through the ring and out of it, and what the parent took reached the
# peer across the wire or was counted dropped on the way. Deleting VIFs
# while they send leaves nothing behind.

source "$(dirname "$0")/lib.sh"

E1000=$(drv e1000)
PEER=$(drv e1000e)
N=8
FRAMES=${NVIRT_SHARED_FRAMES:-3000}

# No traffic of its own on a netdev: no IPv6 (no ND, no MLD).
quiet() {
	"$@" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
}

# The peer: e1000e in netns nvsp, up, silent; frames to 10.7.0.250 reach
# its NIC (its MAC) and no socket.
peer_setup() {
	ip netns add nvsp || return 1
	quiet ip netns exec nvsp || return 1
	ip link set "$PEER" netns nvsp || return 1
	ip -n nvsp link set "$PEER" up
	PEER_MAC=$(ip -n nvsp -j link show "$PEER" | json_get 'd[0]["address"]')
	sysctl -qw "net.ipv6.conf.$E1000.disable_ipv6=1" &&
		defer sysctl -qw "net.ipv6.conf.$E1000.disable_ipv6=0"
	ip link set "$E1000" up
}

# Frames the peer's NIC took in, and those it counted dropped.
peer_rx() {
	ip -n nvsp -j -s -s link show "$PEER" |
		json_get 'd[0]["stats64"]["rx"]["packets"], d[0]["stats64"]["rx"]["dropped"] + d[0]["stats64"]["rx"].get("missed_errors", 0)'
}

parent_tx_lost() {
	ip -j -s -s link show "$E1000" |
		json_get 'd[0]["stats64"]["tx"]["dropped"] + d[0]["stats64"]["tx"]["errors"]'
}

# The guests: VIF sI in netns nvsI, 10.7.0.I, the peer's MAC for .250.
guests_setup() {
	local i

	for ((i = 1; i <= N; i++)); do
		ip netns add "nvs$i" || return 1
		quiet ip netns exec "nvs$i" || return 1
		"$NVIRT" vif add "s$i" dev "$E1000" backend soft netns "nvs$i" || return 1
		ip -n "nvs$i" addr add "10.7.0.$i/24" dev "s$i"
		ip -n "nvs$i" link set "s$i" up
		ip -n "nvs$i" neigh add 10.7.0.250 lladdr "$PEER_MAC" dev "s$i" nud permanent
	done
}

# Sum of VIF counters: vifs_sum 'PYEXPR of s (stats)'
vifs_sum() {
	"$NVIRT" -j -s vif show dev "$E1000" |
		json_get "sum($1 for s in (v['stats'] for v in d))"
}

# send NS COUNT: UDP datagrams as fast as they go; prints those sent.
# IP_RECVERR, so a datagram the stack drops is an error, not a success.
send() {
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, 11, 1)  # IP_RECVERR
ok = 0
for i in range(int(sys.argv[1])):
    try:
        s.sendto(b"x" * 200, ("10.7.0.250", 9))
        ok += 1
    except OSError:
        pass
print(ok)' "$2"
}

all_at_once() {
	local tmp i sent=0 before after b_rx b_drop a_rx a_drop lost0 lost1
	local counted posts tx held

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	peer_setup && guests_setup || return 1
	sleep 1
	read -r b_rx b_drop <<<"$(peer_rx)"
	lost0=$(parent_tx_lost)
	before=$(vifs_sum "s['tx_packets'] + s['tx_dropped']")

	for ((i = 1; i <= N; i++)); do
		send "nvs$i" "$FRAMES" >"$tmp/sent$i" &
	done
	wait
	for ((i = 1; i <= N; i++)); do
		sent=$((sent + $(cat "$tmp/sent$i" 2>/dev/null || echo 0)))
	done
	sleep 1

	after=$(vifs_sum "s['tx_packets'] + s['tx_dropped']")
	counted=$((after - before))
	posts=$(vifs_sum "s['ring_posts']")
	tx=$(vifs_sum "s['tx_packets']")
	read -r a_rx a_drop <<<"$(peer_rx)"
	lost1=$(parent_tx_lost)
	held=$(vifs_sum "s['ring_retries'] + s['ring_throttled']")
	ktap_print_msg "$N VIFs sent $sent of $((N * FRAMES)); ring: $posts posts," \
		"$(vifs_sum "s['ring_retries']") retries, $(vifs_sum "s['ring_throttled']") throttled;" \
		"peer took $((a_rx - b_rx)), dropped $((a_drop - b_drop)); parent lost $((lost1 - lost0))"

	[ "$sent" -gt 0 ] || fail "nothing sent" || return 1
	expect_eq "the VIFs counted what the guests sent" "$counted" "$sent" &&
	expect_eq "all of it through the ring" "$posts" "$after" &&
	expect_eq "no ring drops" "$(vifs_sum "s['ring_drops']")" 0 &&
	expect_eq "every VIF posted" "$("$NVIRT" -j -s vif show dev "$E1000" |
		json_get 'all(v["stats"]["ring_posts"] > 0 for v in d)')" True &&
	expect_eq "what the parent took reached the peer or was counted" \
		"$((a_rx - b_rx + a_drop - b_drop + lost1 - lost0))" "$tx" || return 1
	# A ring of 8 slots, 2 per VIF: posts are held back and retried.
	[ -z "$TINY" ] || [ "$held" -gt 0 ] || fail "no post was held back" || return 1
	return 0
}

# The same on a ring of 8 slots, where every VIF has its posts held back
# and retried, its queue stopped and woken; then the module as it was.
tiny_ring() {
	rmmod nvirt || return 1
	defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
	insmod "$NVIRT_KO" txring_order=3 || return 1
	expect_eq "ring order" "$(cat /sys/module/nvirt/parameters/txring_order)" 3 &&
	TINY=1 all_at_once || return 1
	shared_down && rmmod nvirt && insmod "$NVIRT_KO"
}

# VIFs deleted while they all send: the ring gives their frames back
# before they go, the others keep sending, nothing is left.
del_while_sending() {
	local i

	for ((i = 1; i <= N; i++)); do
		send "nvs$i" 100000 >/dev/null 2>&1 &
	done
	sleep 2
	for ((i = 1; i <= N / 2; i++)); do
		"$NVIRT" vif del "s$i" || return 1
	done
	sleep 1
	local before after
	before=$(vifs_sum "s['ring_posts']")
	sleep 1
	after=$(vifs_sum "s['ring_posts']")
	[ "$after" -gt "$before" ] || fail "the others stopped posting: $before -> $after" ||
		return 1
	for ((i = N / 2 + 1; i <= N; i++)); do
		"$NVIRT" vif del "s$i" || return 1
	done
	kill $(jobs -p) 2>/dev/null
	wait
	vifs_gone && shared_down
}

# VIFs and namespaces gone, the peer's NIC back.
shared_down() {
	local i

	for ((i = 1; i <= N; i++)); do
		"$NVIRT" vif del "s$i" 2>/dev/null
		ip netns del "nvs$i" 2>/dev/null
	done
	ns_del_back nvsp "$PEER"
}

defer shared_down
ktap_print_header
ktap_set_plan 3
check "$N VIFs on one queue, all at once: every frame accounted for" all_at_once
check "VIFs deleted while all send: nothing left behind" del_while_sending
check "a ring of 8 slots: posts held back and retried, none lost" tiny_ring
ktap_finished
