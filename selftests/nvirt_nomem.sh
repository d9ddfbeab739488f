#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Memory short for nvirt's record of a NIC (failslab on the nvirt_nic
# cache alone, on the debug kernel): a netdev registers and moves between
# namespaces all the same, and nvirt makes its record once memory is
# back, when a request or a dump needs it. Skips where the kernel has no
# failslab (the stock kernel).

source "$(dirname "$0")/lib.sh"

FAILSLAB=/sys/kernel/debug/failslab
CACHE=/sys/kernel/slab/nvirt_nic

# Every nvirt_nic allocation fails, and nothing else does.
# Only nvirt_nic's cache fails: with any other marked (by a test that
# failed to clean up) the whole guest would.
nomem_on() {
	local others

	others=$(grep -lx 1 /sys/kernel/slab/*/failslab | grep -v "^$CACHE/")
	[ -z "$others" ] || fail "other caches marked to fail: $(echo $others)" ||
		return 1
	echo Y > "$FAILSLAB/cache-filter" &&
	echo N > "$FAILSLAB/ignore-gfp-wait" &&
	echo 0 > "$FAILSLAB/verbose" &&
	echo 0 > "$FAILSLAB/interval" &&
	echo -1 > "$FAILSLAB/times" &&
	echo 1 > "$CACHE/failslab" &&
	echo 100 > "$FAILSLAB/probability"
}

nomem_off() {
	echo 0 > "$FAILSLAB/probability"
	echo 0 > "$CACHE/failslab"
}

# nic_known IFNAME [PREFIX...]: nvirt has a record of IFNAME, by request
# and in the dump.
nic_known() {
	local dev=$1

	shift
	"$@" "$NVIRT" -j nic show dev "$dev" >/dev/null ||
		fail "no record of $dev" || return 1
	expect_eq "$dev in the dump" \
		"$("$@" "$NVIRT" -j nic show | json_get "[n['ifname'] for n in d].count('$dev')")" 1
}

# A netdev registered while its record cannot be made.
register() {
	nomem_on || return 1
	ip link add nvm0 type dummy
	local ret=$?
	nomem_off
	[ "$ret" = 0 ] || fail "ip link add failed for want of nvirt's record" || return 1
	defer ip link del nvm0
	nic_known nvm0
}

# A netdev moved to a netns while its record there cannot be made.
move() {
	local ret

	ip netns add nvmn && defer ip netns del nvmn
	ip link add nvm1 type dummy || return 1
	nomem_on || return 1
	ip link set nvm1 netns nvmn
	ret=$?
	nomem_off
	[ "$ret" = 0 ] || fail "the move failed for want of nvirt's record" || return 1
	nic_known nvm1 ip netns exec nvmn
}

# While memory stays short a request that needs the record says so.
refused() {
	ip link add nvm2 type dummy || return 1
	defer ip link del nvm2
	ip netns add nvmr && defer ip netns del nvmr
	nomem_on || return 1
	ip link set nvm2 netns nvmr
	run ip netns exec nvmr "$NVIRT" nic show dev nvm2
	nomem_off
	expect_eq "while memory is short" "$rc $err" \
		"1 Error: No memory for the record of nvm2." || return 1
	nic_known nvm2 ip netns exec nvmr
}

ktap_print_header
if [ ! -d "$FAILSLAB" ] || [ ! -e "$CACHE/failslab" ]; then
	ktap_skip_all "no failslab, or no nvirt_nic cache to fail"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 3
defer nomem_off
check "registered short of memory for its record: registered, recorded later" register
check "moved short of memory for its record: moved, recorded later" move
check "a request while memory is short says why" refused
ktap_finished
