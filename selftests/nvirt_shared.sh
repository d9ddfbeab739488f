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

# The peer: e1000e in netns nvsp, up, silent; frames to 10.7.0.250 reach
# its NIC (its MAC) and no socket.
peer_setup() {
	ns_add_quiet nvsp || return 1
	ip link set "$PEER" netns nvsp || return 1
	ip -n nvsp link set "$PEER" up
	PEER_MAC=$(ip -n nvsp -j link show "$PEER" | json_get 'd[0]["address"]')
	sysctl -qw "net.ipv6.conf.$E1000.disable_ipv6=1" &&
		defer sysctl -qw "net.ipv6.conf.$E1000.disable_ipv6=0"
	ip link set "$E1000" up
}

# Frames the peer's NIC took in, and those it counted dropped.
peer_taken() {
	ip -n nvsp -j -s -s link show "$PEER" |
		json_get 'd[0]["stats64"]["rx"]["packets"], d[0]["stats64"]["rx"]["dropped"] + d[0]["stats64"]["rx"].get("missed_errors", 0)'
}

# The parent's transmit side: "SENT LOST". Sent: frames its driver handed
# to the device. Lost: what it counted and did not send, its own drops and
# errors and its qdisc's drops (pfifo_fast over its queue length, or
# codel's), which only tc shows.
parent_tx() {
	local sent lost

	read -r sent lost <<<"$(ip -j -s -s link show "$E1000" |
		json_get 'd[0]["stats64"]["tx"]["packets"], d[0]["stats64"]["tx"]["dropped"] + d[0]["stats64"]["tx"]["errors"]')"
	echo "$sent $((lost + $(tc -j -s qdisc show dev "$E1000" |
		json_get 'sum(q.get("drops", 0) for q in d if q.get("root"))')))"
}

# The guests: VIF sI in netns nvsI, 10.7.0.I, the peer's MAC for .250.
guests_setup() {
	local i

	for ((i = 1; i <= N; i++)); do
		ns_add_quiet "nvs$i" || return 1
		"$NVIRT" vif add "s$i" dev "$E1000" backend soft netns "nvs$i" || return 1
		ip -n "nvs$i" addr add "10.7.0.$i/24" dev "s$i"
		ip -n "nvs$i" link set "s$i" up
		ip -n "nvs$i" neigh add 10.7.0.250 lladdr "$PEER_MAC" dev "s$i" nud permanent
	done
}

# A counter of the port on e1000: ring_count FIELD
ring_count() { port_count "$E1000" "$1"; }
ring_direct() { ring_count direct; }
ring_qdisc() { ring_count qdisc; }

# Sum of VIF counters: vifs_sum 'PYEXPR of s (stats)'
vifs_sum() {
	"$NVIRT" -j -s vif show dev "$E1000" |
		json_get "sum($1 for s in (v['stats'] for v in d))"
}

# send NS COUNT: UDP datagrams as fast as they go; prints those the
# stack took.
send() {
	ip netns exec "$1" $TRAFFIC udp 10.7.0.250 "$2x200"
}

all_at_once() {
	local tmp i sent=0 before after b_rx b_drop a_rx a_drop lost0 lost1
	local counted posts tx held p_tx0 p_tx1

	tmp=$(mktemp -d) && defer rm -rf "$tmp"
	peer_setup && guests_setup || return 1
	sleep 1
	read -r b_rx b_drop <<<"$(peer_taken)"
	read -r p_tx0 lost0 <<<"$(parent_tx)"
	before=$(vifs_sum "s['tx_packets'] + s['tx_dropped']")

	for ((i = 1; i <= N; i++)); do
		send "nvs$i" "$FRAMES" >"$tmp/sent$i" &
	done
	wait
	for ((i = 1; i <= N; i++)); do
		sent=$((sent + $(cat "$tmp/sent$i" 2>/dev/null || echo 0)))
	done

	# Until every frame is accounted for, or the counts stand still
	# for 5 s (frames may still be on QEMU's wire when the send ends,
	# and with another guest beside this one, for seconds: one of
	# 24000 was still missing after 2 s in one such run).
	local last= same=0
	for _ in $(seq 150); do
		after=$(vifs_sum "s['tx_packets'] + s['tx_dropped']")
		tx=$(vifs_sum "s['tx_packets']")
		read -r a_rx a_drop <<<"$(peer_taken)"
		read -r p_tx1 lost1 <<<"$(parent_tx)"
		[ "$((after - before))" = "$sent" ] &&
			[ "$((p_tx1 - p_tx0 + lost1 - lost0))" -ge "$tx" ] &&
			[ "$((a_rx - b_rx + a_drop - b_drop))" -ge "$((p_tx1 - p_tx0))" ] && break
		if [ "$last" = "$after $a_rx" ]; then
			same=$((same + 1))
			[ "$same" -ge 25 ] && break
		else
			same=0
		fi
		last="$after $a_rx"
		sleep 0.2
	done
	counted=$((after - before))
	posts=$(vifs_sum "s['ring_posts']")
	held=$(vifs_sum "s['ring_retries'] + s['ring_throttled']")
	ktap_print_msg "$N VIFs sent $sent of $((N * FRAMES)); ring: $posts posts," \
		"$(vifs_sum "s['ring_retries']") retries, $(vifs_sum "s['ring_throttled']") throttled;" \
		"parent sent $((p_tx1 - p_tx0)), lost $((lost1 - lost0));" \
		"peer took $((a_rx - b_rx)), dropped $((a_drop - b_drop))"

	[ "$sent" -gt 0 ] || fail "nothing sent" || return 1
	expect_eq "the VIFs counted what the guests sent" "$counted" "$sent" &&
	expect_eq "all of it through the ring" "$posts" "$after" &&
	expect_eq "no ring drops" "$(vifs_sum "s['ring_drops']")" 0 &&
	expect_eq "every VIF posted" "$("$NVIRT" -j -s vif show dev "$E1000" |
		json_get 'all(v["stats"]["ring_posts"] > 0 for v in d)')" True &&
	# Handed to the parent is where the ring's part ends: the frames on
	# QEMU's wire to the peer are QEMU's, which drops some unsaid when
	# the peer's guest falls behind (2 of 24000 with another guest
	# beside this one). The parent may send frames of its own too.
	[ "$((p_tx1 - p_tx0 + lost1 - lost0))" -ge "$tx" ] ||
		fail "the parent sent or counted $((p_tx1 - p_tx0 + lost1 - lost0)) of the VIFs' $tx" ||
		return 1
	# A ring of 8 slots, 2 per VIF: posts are held back and retried.
	[ -z "$TINY" ] || [ "$held" -gt 0 ] || fail "no post was held back" || return 1
	# Each post went one way (its VIF sent it, or a consumer took it
	# from the ring) and on one way (to the queue, the qdisc, dropped);
	# e1000 has a qdisc and a transmit lock: nothing passes straight on.
	local bypass drained handed
	bypass=$(ring_count bypass) && drained=$(ring_count drained) &&
		handed=$(($(ring_direct) + $(ring_qdisc) + $(ring_count dropped))) ||
		return 1
	expect_eq "none passed straight on" "$(ring_count passthru)" 0 || return 1
	ktap_print_msg "port: $bypass sent by their VIF, $drained drained;" \
		"$(ring_direct) direct, $(ring_qdisc) through the qdisc;" \
		"$(ring_count batches) batches, $(ring_count work) left to work"
	expect_eq "posts sent by their VIF or drained" "$((bypass + drained))" "$posts" &&
	expect_eq "and handed on" "$handed" "$posts" || return 1
	if [ -n "$TINY" ]; then
		expect_eq "txring_bypass=0: none sent by their VIF" "$bypass" 0
	else
		[ "$bypass" -gt 0 ] || fail "no VIF sent its own frame on an idle ring"
	fi
}

# The same on a ring of 8 slots, where every VIF has its posts held back
# and retried, its queue stopped and woken (no VIF sends its own frame
# past the ring: txring_bypass=0); then the module as it was.
tiny_ring() {
	rmmod nvirt || return 1
	defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
	insmod "$NVIRT_KO" txring_order=3 txring_bypass=0 || return 1
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

# churn_sends I: VIF sI sends 50 datagrams, and its counters (sent or
# dropped, as the parent said) take all 50 within 10 s: it still sends.
churn_sends() {
	local i=$1 before now

	before=$(vif_tx "s$i")
	ip -n "nvs$i" neigh replace 10.7.0.250 lladdr "$PEER_MAC" dev "s$i" nud permanent
	[ "$(send "nvs$i" 50)" = 50 ] || fail "s$i: the stack refused to send" || return 1
	for _ in $(seq 100); do
		now=$(vif_tx "s$i")
		[ "$((now - before))" -ge 50 ] && return 0
		sleep 0.1
	done
	fail "s$i sent $((now - before)) of 50 after the churn: its queue stays stopped"
}

# Every process in netns $1 killed.
ns_kill() {
	ip netns pids "$1" 2>/dev/null | xargs -r kill 2>/dev/null
}

vif_tx() {
	"$NVIRT" -j -s vif show "$1" |
		json_get 'd[0]["stats"]["tx_packets"] + d[0]["stats"]["tx_dropped"]'
}

# On a ring of 8 slots, 4 of the 8 VIFs flood while their links go down
# and up under them and two are deleted: a VIF leaving the ring while
# another's consumer wakes it must neither free its held-back frames under
# that wake's flush nor be counted out of the waiting twice, after which a
# waiting VIF is never woken: every VIF left still sends afterwards. On
# the debug kernel nvirt_racewiden.ko slows the consumer, so the ring
# stays full and VIFs keep frames back, and nvirt_ringleave.ko stops the
# ring before each VIF goes, so that it leaves with frames kept back, and
# holds the leave until a flush of those is under way, and that flush
# while the leave goes on: KASAN reports any frame freed under it, and at
# least one leave must have met its flush.
churn() {
	local debug=$NVIRT_REPO/build/debug round i met leaves staged

	shared_down
	rmmod nvirt || return 1
	defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
	insmod "$NVIRT_KO" txring_order=3 txring_bypass=0 || return 1
	if [ -e /sys/kernel/debug/kmemleak ]; then
		insmod "$debug/racewiden/nvirt_racewiden.ko" \
			within=nvirt_txring_consume slow=validate_xmit_skb_list usecs=500 &&
			defer rmmod nvirt_racewiden &&
			insmod "$debug/ringleave/nvirt_ringleave.ko" &&
			defer rmmod nvirt_ringleave ||
			fail "no test modules in $debug (make debug-modules)" || return 1
	fi
	peer_setup && guests_setup || return 1
	for ((i = 1; i <= 4; i++)); do
		send "nvs$i" 10000000 >/dev/null 2>&1 &
	done
	for round in 1 2; do
		for ((i = round; i <= 4; i++)); do
			churn_stall
			ip -n "nvs$i" link set "s$i" down
			ip -n "nvs$i" link set "s$i" up
			ip -n "nvs$i" neigh replace 10.7.0.250 lladdr "$PEER_MAC" \
				dev "s$i" nud permanent
		done
		churn_stall
		"$NVIRT" vif del "s$round" || return 1
		ns_kill "nvs$round"
	done
	for ((i = 1; i <= 4; i++)); do
		ns_kill "nvs$i"
	done
	wait
	if [ -e /sys/module/nvirt_ringleave ]; then
		met=$(</sys/module/nvirt_ringleave/parameters/met)
		leaves=$(</sys/module/nvirt_ringleave/parameters/leaves)
		staged=$(</sys/module/nvirt_ringleave/parameters/staged)
		ktap_print_msg "leaves: $leaves, with frames kept back: $staged, met by a flush of them: $met"
		[ "$met" -gt 0 ] || fail "no leave met a flush: the race was not tried" ||
			return 1
	fi
	for ((i = 3; i <= N; i++)); do
		churn_sends "$i" || return 1
	done
	rmmod nvirt_ringleave nvirt_racewiden 2>/dev/null
	shared_down && rmmod nvirt && insmod "$NVIRT_KO"
}

# The ring stops draining until the next VIF leaves (nvirt_ringleave.ko).
churn_stall() {
	[ ! -e /sys/module/nvirt_ringleave ] ||
		echo "$E1000" > /sys/module/nvirt_ringleave/parameters/stall
}

# Packets the parent's root qdisc counted.
qdisc_pkts() {
	tc -j -s qdisc show dev "$E1000" |
		json_get 'sum(q["packets"] for q in d if q.get("root"))'
}

# paths_send WHAT: VIF s1 sends 500 datagrams, and counts them all; sets
# how far the parent's root qdisc's count (QD) and its egress filters'
# (EG) moved, and the port's: to the queue (DIRECT), through the qdisc
# (VIAQ).
paths_send() {
	local what=$1 q0 e0 d0 v0 t0 sent

	q0=$(qdisc_pkts) && e0=$(egress_pkts "$E1000") && d0=$(ring_direct) &&
		v0=$(ring_qdisc) && t0=$(vifs_sum "s['tx_packets']") || return 1
	sent=$(send nvs1 500)
	expect_eq "$what: datagrams sent" "$sent" 500 || return 1
	for _ in $(seq 50); do
		[ "$(($(vifs_sum "s['tx_packets']") - t0))" -ge 500 ] && break
		sleep 0.1
	done
	QD=$(($(qdisc_pkts) - q0)) EG=$(($(egress_pkts "$E1000") - e0))
	DIRECT=$(($(ring_direct) - d0)) VIAQ=$(($(ring_qdisc) - v0))
	ktap_print_msg "$what: the port handed $DIRECT to the queue, $VIAQ" \
		"to the qdisc; the qdisc counted $QD, egress filters $EG"
}

# between WHAT VALUE LOW HIGH: VALUE is within LOW..HIGH. (The parent's
# own frames, if any, are counted by its qdisc and filters too.)
between() {
	[ "$2" -ge "$3" ] && [ "$2" -le "$4" ] || fail "$1: $2, not $3 to $4"
}

# The parent's qdisc rule: an empty default qdisc is passed (the ring
# hands frames to the queue itself; those that found the queue stopped
# go through the qdisc, which counts no others), a qdisc the user chose
# and egress filters get every frame.
parent_qdisc() {
	peer_setup && guests_setup || return 1
	defer tc qdisc del dev "$E1000" clsact
	defer tc qdisc del dev "$E1000" root
	sleep 1
	paths_send "default qdisc" || return 1
	[ "$DIRECT" -gt 0 ] || fail "no frame passed the default qdisc" || return 1
	expect_eq "default qdisc: every frame one way" "$((DIRECT + VIAQ))" 500 &&
	between "default qdisc: counted only those the port gave it" "$QD" "$VIAQ" $((VIAQ + 5)) &&

	tc qdisc replace dev "$E1000" root tbf rate 100mbit burst 64k latency 100ms &&
	paths_send "tbf" &&
	expect_eq "tbf: every frame through it" "$VIAQ" 500 &&
	between "tbf: counted every frame" "$QD" 500 505 &&
	tc qdisc del dev "$E1000" root &&

	tc qdisc add dev "$E1000" clsact &&
	tc filter add dev "$E1000" egress matchall action pass &&
	paths_send "egress filter" &&
	expect_eq "egress filter: every frame through the qdisc" "$VIAQ" 500 &&
	between "egress filter: saw every frame" "$EG" 500 505 || return 1
	tc qdisc del dev "$E1000" clsact && shared_down
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

# NVIRT_SHARED_CHECKS: these checks, by function name. The debug tier
# runs the churn, where KASAN watches the ring's teardown.
CHECKS=(all_at_once del_while_sending tiny_ring parent_qdisc)
declare -A DESC=(
	[all_at_once]="$N VIFs on one queue, all at once: every frame accounted for"
	[del_while_sending]="VIFs deleted while all send: nothing left behind"
	[tiny_ring]="a ring of 8 slots: posts held back and retried, none lost"
	[parent_qdisc]="the parent's empty default qdisc is passed, a tbf and egress filters see every frame"
	[churn]="a ring of 8 slots: links flap and VIFs go under a flood, the rest still send"
)
[ -z "${NVIRT_SHARED_CHECKS:-}" ] || read -ra CHECKS <<<"$NVIRT_SHARED_CHECKS"

defer shared_down
ktap_print_header
ktap_set_plan ${#CHECKS[@]}
for c in "${CHECKS[@]}"; do
	check "${DESC[$c]:?no check $c}" "$c"
done
ktap_finished
