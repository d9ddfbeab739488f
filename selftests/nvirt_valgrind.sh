#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The nvirt CLI and libnvirt under valgrind's memcheck: NICs shown as text
# and JSON, a VIF added (its netdev into a netns), changed, shown and
# deleted on a dummy NIC, the monitor for a few events, a named policy
# followed, and failures the kernel explains in its extended ACK. The
# commands run as two batches (nvirt -batch) and the monitor: valgrind
# takes 15 to 40 s to start one under TCG. Each batch must keep its exit
# status and message, read nothing it should not, and leak nothing
# (definite or indirect) once it is done.

source "$(dirname "$0")/lib.sh"

# The plain build: valgrind cannot run a sanitized one (NVIRT_CLI).
NVIRT=$NVIRT_REPO/cli/nvirt

VG_RC=99	# valgrind's exit status on an error; the CLI's are 0 and 1
# A process takes 15 to 40 s under TCG: the checks that would start after
# this many seconds are skipped, within the suite's time per test.
VG_SECS=${NVIRT_VALGRIND_SECS:-420}

if ! command -v valgrind >/dev/null; then
	ktap_skip_all "no valgrind"
	exit "$KSFT_SKIP"
fi
# Userspace memory checking gains nothing from the debug kernel, which
# would only make it slower: it runs on the stock one.
if [[ $(uname -r) == *nvirt-debug* ]]; then
	ktap_skip_all "valgrind runs on the stock kernel"
	exit "$KSFT_SKIP"
fi

tmp=$(mktemp -d)
defer rm -rf "$tmp"
vg_runs=0
vg_secs=0

VALGRIND=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect
	--error-exitcode="$VG_RC")

# vg WANT-RC [ERR-REGEX] -- ARGS...: "$NVIRT" ARGS under valgrind; sets
# $out, $err, $rc; fails on a valgrind error (and says it), another exit
# status, or (when given) a stderr not matching ERR-REGEX.
vg() {
	local want=$1 regex= log start

	shift
	if [ "$1" != -- ]; then
		regex=$1
		shift
	fi
	shift
	vg_runs=$((vg_runs + 1))
	log=$tmp/vg.$vg_runs.log
	start=$SECONDS
	run "${VALGRIND[@]}" --log-file="$log" "$NVIRT" "$@"
	vg_secs=$((vg_secs + SECONDS - start))
	vg_verdict "$log" "$*" "$want" "$regex"
}

# vg_verdict LOG WHAT WANT-RC [ERR-REGEX]: judge a run, from $rc and $err.
vg_verdict() {
	local log=$1 what=$2 want=$3 regex=$4

	if [ "$rc" = "$VG_RC" ] || [ -s "$log" ]; then
		ktap_print_msg "valgrind: nvirt $what:"
		sed 's/^/# /' "$log"
		return 1
	fi
	expect_eq "nvirt $what: exit status" "$rc" "$want" || return 1
	[ -z "$regex" ] || expect_match "nvirt $what: stderr" "$err" "$regex"
}

# batch FILE LINE...: the lines, as "nvirt -batch FILE" reads them.
batch() {
	local file=$1

	shift
	printf '%s\n' "$@" > "$file"
}

# NICs, then a VIF on a dummy NIC with its netdev in a netns (which the CLI
# opens by name and names back), changed, a named policy followed, a pool
# (of NICs that are down: no grace passes while the monitor below
# listens), saved and restored: in one process, which must leak nothing
# across commands either, ended by an error the kernel explains.
configure() {
	ip link add nvvg0 type dummy || return 1
	defer ip link del nvvg0
	ip link add nvvg2 type dummy || return 1
	defer ip link del nvvg2
	ip netns add nvvg && defer ip netns del nvvg
	defer "$NVIRT" pool del vgpool
	defer "$NVIRT" policy del vgpol
	defer "$NVIRT" vif del vgp
	defer "$NVIRT" vif del vg0

	batch "$tmp/configure" "nic show" \
		"vif add vg0 dev nvvg0 backend soft mac 02:00:00:00:0a:01 vlan 10 qos 2 mtu 1400 max-rate 100 spoofchk on trust off state enable netns nvvg" \
		"vif set vg0 vlan 20 mtu 1300 goal latency priority 3" \
		"vif add vgp dev nvvg2" \
		"policy add vgpol goal cpu max-rate 50" \
		"vif set vgp policy vgpol" \
		"pool add vgpool dev nvvg2 dev nvvg0 grace 3600" \
		"save $tmp/saved" "restore $tmp/saved" \
		"nic show dev a23456789abcdef0123"
	vg 1 '^Error: Attribute failed policy validation \(ifname: max length 15\)\.' -- \
		-batch "$tmp/configure" &&
	expect_match "the failed line said" "$err" "Command failed $tmp/configure:10" &&
	expect_match "restored as it was" "$out" "0 added, 0 changed, [0-9]+ as they were, 0 failed"
}

# The same shown as JSON, vg0 deleted, then a policy a VIF follows, which
# the kernel refuses: an error in JSON.
show_delete() {
	batch "$tmp/show" "nic show" "vif show vg0" "policy show" "vif del vg0" \
		"policy del vgpol"
	vg 1 '^\{"error":".+\.","file":' -- -j -s -batch "$tmp/show" || return 1
	expect_eq "vg0's netns and mtu" "$(sed -n 2p <<<"$out" |
		json_get 'd[0]["netns"], d[0]["mtu"]')" "nvvg 1300" &&
	expect_eq "the policy shown" "$(sed -n 3p <<<"$out" |
		json_get '[p["name"] for p in d]')" "['vgpol']" || return 1
	[ ! -e /sys/class/net/vg0 ] && ! ip -n nvvg link show vg0 2>/dev/null ||
		fail "vg0 left"
}

# The monitor under valgrind for a few events, ended by SIGTERM as the
# tests end theirs.
monitor_events() {
	local log=$tmp/vg.monitor.log pid start

	ip link add nvvg3 type dummy || return 1
	defer ip link del nvvg3
	defer "$NVIRT" vif del vgm
	start=$SECONDS
	NVIRT_MONITOR_READY=$tmp/ready "${VALGRIND[@]}" --log-file="$log" \
		"$NVIRT" -j monitor vif policy pool > "$tmp/events" 2> "$tmp/mon.err" &
	pid=$!
	for _ in $(seq 300); do
		[ -e "$tmp/ready" ] && break
		sleep 0.1
	done
	[ -e "$tmp/ready" ] || fail "the monitor did not start" || return 1
	"$NVIRT" vif add vgm dev nvvg3 &&
	"$NVIRT" vif set vgm mtu 1280 &&
	"$NVIRT" policy add vgmon &&
	"$NVIRT" policy del vgmon &&
	"$NVIRT" pool add vgmp dev nvvg3 &&
	"$NVIRT" pool del vgmp &&
	"$NVIRT" vif del vgm || return 1
	sleep 2
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	vg_runs=$((vg_runs + 1))
	vg_secs=$((vg_secs + SECONDS - start))
	err=$(<"$tmp/mon.err")
	vg_verdict "$log" "-j monitor vif policy pool" 0 || return 1
	expect_eq "events" "$(json_get_lines < "$tmp/events")" \
		"add vgm;change vgm;add vgmon;del vgmon;add vgmp;del vgmp;del vgm;"
}

# "EVENT NAME;" of each JSON line
json_get_lines() {
	python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print(e["event"], (e.get("vif") or e.get("policy") or e["pool"])["name"],
          end=";")'
}

# vg_check DESC FUNC: check, unless the time for it is spent.
vg_check() {
	if [ "$SECONDS" -gt "$VG_SECS" ]; then
		ktap_test_skip "$1 (after ${VG_SECS}s)"
		return
	fi
	check "$@"
}

ktap_print_header
ktap_set_plan 3
vg_check "valgrind: nic show, vif add (into a netns), set, a policy followed, an extack error" configure
vg_check "valgrind: the same in JSON, vif del, policy del refused in JSON" show_delete
vg_check "valgrind: monitor" monitor_events
ktap_print_msg "$vg_runs processes under valgrind in ${vg_secs}s"
ktap_finished
