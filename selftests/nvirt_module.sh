#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvirt.ko loads and unloads cleanly many times in a row, and its generic
# netlink family appears and disappears with it.

source "$(dirname "$0")/lib.sh"

cycles=20

cycle() {
	local i

	for ((i = 1; i <= cycles; i++)); do
		insmod "$NVIRT_KO" || fail "insmod failed at cycle $i" || return 1
		family_present || fail "family missing after load $i" || return 1
		rmmod nvirt || fail "rmmod failed at cycle $i" || return 1
		! family_present || fail "family left after unload $i" || return 1
	done
}

loaded_once() {
	[ "$(grep -c '^nvirt ' /proc/modules)" = 1 ]
}

ktap_print_header
ktap_set_plan 4

lsmod | grep -q '^nvirt ' && rmmod nvirt
defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
check "unloaded state has no nvirt family" bash -c '! genl ctrl get name nvirt 2>/dev/null'
check "load and unload $cycles times" cycle
insmod "$NVIRT_KO"
check "module is listed once after reload" loaded_once
check "family answers after reload" family_present
ktap_finished
