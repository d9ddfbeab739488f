#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The nvirt family as an independent client (iproute2's genl) sees it.

source "$(dirname "$0")/lib.sh"

out=$(genl ctrl get name nvirt 2>&1)

ops_listed() {
	local n

	n=$(sed -n '/commands supported/,/multicast groups/p' <<<"$out" |
		grep -cE '#[0-9]+: +ID-0x[0-9a-f]+')
	expect_eq "operations listed" "$n" \
		"$(grep -E '^\s*NVIRT_CMD_\w+( = 1)?,' \
			"$NVIRT_REPO/include/uapi/linux/nvirt.h" | grep -Evc '_MAX|_NTF')"
}

version_matches() {
	local v

	v=$(awk '/Version:/ { print $4 }' <<<"$out")
	expect_eq "family version" "$((v))" \
		"$(awk '/define NVIRT_FAMILY_VERSION/ { print $3 }' \
			"$NVIRT_REPO/include/uapi/linux/nvirt.h")"
}

ktap_print_header
monitor_group() {
	expect_match "multicast groups" \
		"$(sed -n '/multicast groups/,$p' <<<"$out")" 'name: monitor'
}

ktap_set_plan 4
check "genl ctrl resolves the nvirt family" expect_match "genl output" "$out" 'Name: nvirt'
check "every operation of the spec is registered" ops_listed
check "family version matches the uAPI header" version_matches
check "the monitor multicast group is registered" monitor_group
ktap_finished
