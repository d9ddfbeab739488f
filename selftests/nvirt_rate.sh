#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A soft VIF held back by its rate limit. One 64 KB frame at max-rate 1
# costs half a second. The VIF has no qdisc (as a macvlan): it keeps the
# frames behind that one itself, up to its transmit queue length, and
# drops and counts the rest, never asking the stack to queue them; a
# qdisc a user gives it keeps them instead. A limit changed meanwhile
# (or cleared) takes effect at once, with no debt run up under the old
# one: the frames kept must leave as soon as the limit is cleared or
# raised, not when the old limit would have let them.

source "$(dirname "$0")/lib.sh"

# after_change NEW: in netns nvr, VIF r (max-rate 1) sends one 64 KB UDP
# frame (UDP_SEGMENT: one skb), which the limit pays for for half a
# second, then 10 small ones that queue behind it, then "vif set r
# max-rate NEW" (run in the initial netns); prints the ms from the set's
# return until the small ones were sent, and the ms the old limit would
# still have held them by then ("-" when the set itself took so long
# that the two cannot be told apart).
after_change() {
	ip netns exec nvr python3 - "$NVIRT" "$1" <<'EOF'
import socket, subprocess, sys, time
nvirt, rate = sys.argv[1], sys.argv[2]
stat = '/sys/class/net/r/statistics/tx_packets'
def tx():
    return int(open(stat).read())
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_UDP, 103, 1400)  # UDP_SEGMENT
payload = b'x' * 63000
# Two of them, a second at 1 Mb/s: room for the change to come in time on
# a loaded machine (one, half a second, was too little beside the debug VM).
held = 2 * (len(payload) + 28 + 14) * 8 / 1e6
t0 = time.monotonic()
base = tx()
s.sendto(payload, ('10.11.0.2', 9))
s.sendto(payload, ('10.11.0.2', 9))
s.setsockopt(socket.IPPROTO_UDP, 103, 0)
for _ in range(10):
    s.sendto(b'y' * 100, ('10.11.0.2', 9))
subprocess.run(['nsenter', '--net=/proc/1/ns/net', nvirt, 'vif', 'set', 'r',
                'max-rate', rate], check=True)
t_set = time.monotonic()
while tx() < base + 12 and time.monotonic() - t0 < 3:
    time.sleep(0.001)
left = t0 + held - t_set
print(round((time.monotonic() - t_set) * 1e3),
      round(left * 1e3) if left > 0.2 else '-')
EOF
}

# VIF r on dummy nvrd0, in netns nvr, 10.11.0.1, sending to 10.11.0.2.
rate_setup() {
	ip link add nvrd0 type dummy && defer ip link del nvrd0
	ip link set nvrd0 up
	ns_add_quiet nvr && defer ip netns del nvr
	"$NVIRT" vif add r dev nvrd0 netns nvr || return 1
	ip -n nvr link set r up
	ip -n nvr addr add 10.11.0.1/24 dev r
	ip -n nvr neigh add 10.11.0.2 lladdr 02:00:00:00:0c:02 dev r nud permanent
}

# held_send N: VIF r (max-rate 1) sends one 64 KB UDP frame, then N small
# ones while the limit holds it; prints how many datagrams the stack took
# (one it dropped is an error), then how far r's tx_packets and tx_dropped
# moved once they account for all it took (or 3 s passed).
held_send() {
	local stats=/sys/class/net/r/statistics tx0 drop0 took tx drop

	read -r tx0 drop0 < <(ip netns exec nvr cat $stats/tx_packets $stats/tx_dropped |
		paste -sd ' ')
	took=$(ip netns exec nvr $TRAFFIC udp 10.11.0.2 1x63000/1400 "$1x100") ||
		return 1
	for _ in $(seq 300); do
		read -r tx drop < <(ip netns exec nvr cat $stats/tx_packets \
			$stats/tx_dropped | paste -sd ' ')
		[ $((tx - tx0 + drop - drop0)) -ge "$took" ] && break
		sleep 0.01
	done
	echo "$took $((tx - tx0)) $((drop - drop0))"
}

# Without a qdisc, r keeps 5 (its txqueuelen) of 20 and drops 15; with a
# pfifo of 100 a user gave it, all 20 are sent.
backlog() {
	local alone queued

	expect_eq "r's qdisc" "$(ip -n nvr -j link show r | json_get 'd[0]["qdisc"]')" \
		noqueue &&
	ip -n nvr link set r txqueuelen 5 &&
	"$NVIRT" vif set r max-rate 1 || return 1
	alone=$(held_send 20)
	tc -n nvr qdisc add dev r root pfifo limit 100 &&
	queued=$(held_send 20) &&
	tc -n nvr qdisc del dev r root || return 1
	ip -n nvr link set r txqueuelen 1000 &&
	"$NVIRT" vif set r max-rate 0 || return 1
	expect_eq "no qdisc: the stack took all; sent 1 + 5, dropped 15" "$alone" \
		"21 6 15" &&
	expect_eq "a pfifo of 100: all sent" "$queued" "21 21 0"
}

debt_cleared() {
	local rate ms left try

	for rate in 0 1000; do
		for try in 1 2 3; do
			"$NVIRT" vif set r max-rate 1 || return 1
			read -r ms left < <(after_change "$rate") || return 1
			[ "$left" != - ] && break
		done
		ktap_print_msg "max-rate 1 -> $rate: queued frames sent $ms ms after the" \
			"change, which the old limit would have held $left ms more"
		[ "$left" != - ] || fail "the changes were too slow to tell" || return 1
		[ "$ms" -lt $((left / 2)) ] ||
			fail "max-rate $rate: the old limit's debt still held the VIF" ||
			return 1
	done
}

ktap_print_header
ktap_set_plan 2
rate_setup || ktap_exit_fail_msg "no VIF to test"
check "a VIF held by its limit keeps txqueuelen frames, or its qdisc does" backlog
check "max-rate cleared or raised: frames held by the old limit leave at once" debt_cleared
ktap_finished
