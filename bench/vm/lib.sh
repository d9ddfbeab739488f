# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the benchmark's guest jobs (bench/vm/suite, bench/vm/datapath),
# sourced by them. They expect $out (the results file) and PG to be set.

PG=/proc/net/pktgen

log() { printf '%s bench: %s\n' "$(date +%T)" "$*" >&2; }
record() { echo "$1" | tee -a "$out"; }

# A JSON string.
jstr() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }

# A field of the JSON object on stdin (an index into a list first: [0]).
jget() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

# shellcheck source=selftests/rig.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../selftests/rig.sh"

up() { ip link set "$1" up; }

carrier() { [ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 1 ]; }

wait_carrier() {
	for _ in $(seq 50); do
		carrier "$1" && return 0
		sleep 0.1
	done
	return 1
}

txp() { cat "/sys/class/net/$1/statistics/tx_packets"; }

pgset() {
	local f=$PG/$1 c

	shift
	for c; do
		echo "$c" > "$f"
		grep -q '^Result: OK' "$f" ||
			{ echo "pktgen: $c: $(grep ^Result "$f")" >&2; return 1; }
	done
}

# Add DEV to pktgen thread T, sending COUNT (0: until stopped) SIZE-byte
# frames to nowhere: pg_add T DEV SIZE [COUNT]
pg_add() {
	echo "add_device $2" > "$PG/kpktgend_$1"
	pgset "$2" "count ${4:-0}" "clone_skb 0" "pkt_size $3" "delay 0" \
		"dst 198.51.100.9" "dst_mac 02:00:5e:00:53:09"
}

# Microseconds pktgen's device DEV took in its last run (pktgen's own).
pg_usec() {
	sed -n 's/^Result: OK: \([0-9]*\)(.*/\1/p' "$PG/$1"
}
