#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The debug tier's proof that its detectors are armed. Runs in a boot of
# its own on the debug kernel (lockdep turns itself off after one report):
# nvirt_canary.ko plants one fault of each kind and each must be reported,
# by the detector that owns it, naming the function that did it.

source "$(dirname "$0")/../lib.sh"

CANARY_KO=$NVIRT_REPO/build/debug/canary/nvirt_canary.ko
CTL=/sys/kernel/debug/nvirt_canary
KMEMLEAK=/sys/kernel/debug/kmemleak

# plant WHAT...: from a process that exits at once, so no live stack keeps
# what it allocated reachable.
plant() { /bin/echo "$@" > "$CTL"; }

# reported SINCE PATTERN...: every PATTERN is in the kernel log after line
# SINCE.
reported() {
	local since=$1 log p

	shift
	log=$(dmesg | tail -n +$((since + 1)))
	for p in "$@"; do
		grep -q -- "$p" <<<"$log" || fail "not reported: $p" || return 1
	done
}

mark() { dmesg | wc -l; }

leak() {
	local i

	plant leak || return 1
	# kmemleak reports nothing younger than 5 s, and a stale copy of a
	# pointer (in a kernel stack kept for reuse, say) hides its object
	# until it is overwritten: the canary plants several, and new
	# processes reuse those stacks. One report is enough.
	sleep 5
	for i in $(seq 10); do
		echo scan > "$KMEMLEAK"
		grep -q 'unreferenced object 0x.* (size 128)' "$KMEMLEAK" &&
			grep -q '\[nvirt_canary\]' "$KMEMLEAK" && return 0
		for _ in $(seq 20); do /bin/true; done
		sleep 1
	done
	fail "kmemleak reported nothing in 10 scans: $(head -c 2000 "$KMEMLEAK")"
}

oob() {
	local m=$(mark)

	plant oob && reported "$m" 'BUG: KASAN: slab-out-of-bounds in canary_oob'
}

shift_ub() {
	local m=$(mark)

	plant shift && reported "$m" 'UBSAN: shift-out-of-bounds' 'canary_shift'
}

lock_inversion() {
	local m=$(mark)

	plant lock && reported "$m" \
		'WARNING: possible circular locking dependency detected' \
		'canary_lock_inversion'
}

sleep_atomic() {
	local m=$(mark)

	plant sleep && reported "$m" \
		'BUG: sleeping function called from invalid context' 'canary_sleep'
}

# The device cannot go while the canary holds it: its unregistration waits,
# says so, and the tracker shows where the tracked reference was taken. The
# count is 3: the device's own, the tracked and the untracked one.
reference() {
	local m=$(mark) pid i

	ip link add canary0 type dummy || return 1
	plant hold canary0 || return 1
	sysctl -qw net.core.netdev_unregister_timeout_secs=1
	ip link del canary0 &
	pid=$!
	for i in $(seq 60); do
		dmesg | tail -n +$((m + 1)) | grep -q 'has 1/1 users at' && break
		sleep 0.5
	done
	reported "$m" \
		'unregister_netdevice: waiting for canary0 to become free. Usage count = 3' \
		'has 1/1 users at' 'canary_hold'
	i=$?
	plant put
	wait "$pid"
	[ $i = 0 ] && ! ip link show canary0 >/dev/null 2>&1 ||
		fail "canary0 not released"
}

ktap_print_header
ktap_set_plan 6

insmod "$CANARY_KO" || ktap_exit_fail_msg "insmod $CANARY_KO failed"
defer 'rmmod nvirt_canary'

# First: lockdep stops at its first report, and at any taint that makes it
# unreliable (KASAN's, for one).
check "lockdep reports a lock inversion" lock_inversion
check "kmemleak reports a planted leak" leak
check "KASAN reports a read past a slab object" oob
check "UBSAN reports an out-of-range shift" shift_ub
check "DEBUG_ATOMIC_SLEEP reports a sleep under a spinlock" sleep_atomic
check "the netdev tracker reports references never given back" reference

ktap_finished
