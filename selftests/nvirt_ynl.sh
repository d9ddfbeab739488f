#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own YNL client (tools/net/ynl/cli.py of linux-source-6.12)
# drives nvirt from Documentation/netlink/specs/nvirt.yaml alone: it
# dumps the NICs, creates, reads and deletes a VIF, hears the VIF's
# notification, and shows the kernel's extack on a refusal.

source "$(dirname "$0")/lib.sh"

nic_dump() {
	run ynl --validate --dump nic-get
	expect_eq "exit status" "$rc" 0 || fail "$err" || return 1
	expect_eq "NICs" "$(json_get '" ".join(sorted(n["ifname"] for n in d))' <<<"$out")" \
		"$("$NVIRT" -j nic show | json_get '" ".join(sorted(n["ifname"] for n in d))')"
}

vif_lifecycle() {
	local id

	ip link add nvydum type dummy && defer ip link del nvydum || return 1
	run ynl --do vif-new --json '{"name": "nvy0", "parent-ifname": "nvydum", "mtu": 1400}'
	expect_eq "vif-new" "$rc" 0 || fail "$err" || return 1
	defer "$NVIRT" vif del nvy0
	id=$(json_get 'd["id"]' <<<"$out") || return 1
	expect_eq "seen by the command" \
		"$("$NVIRT" -j vif show nvy0 | json_get '(d[0]["id"], d[0]["backend"], d[0]["mtu"])')" \
		"($id, 'soft', 1400)" || return 1
	run ynl --do vif-get --json '{"name": "nvy0"}'
	expect_eq "vif-get" "$(json_get '(d["id"], d["parent-ifname"], d["mtu"])' <<<"$out")" \
		"($id, 'nvydum', 1400)" || return 1
	run ynl --do vif-del --json "{\"id\": $id}"
	expect_eq "vif-del" "$rc" 0 || fail "$err" || return 1
	! "$NVIRT" vif show nvy0 >/dev/null 2>&1 || fail "nvy0 still there"
}

# Subscribed to the monitor group, it decodes the VIF's notifications.
# When it has subscribed cannot be seen from here (the cli takes seconds
# to start under TCG): a VIF comes and goes every second until it is done,
# 5 s after it subscribed.
notification() {
	local pid

	ip link add nvydum2 type dummy && defer ip link del nvydum2 || return 1
	ynl --subscribe monitor --sleep 5 > "$TMP_NTF" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		"$NVIRT" vif add nvy1 dev nvydum2 >/dev/null || return 1
		"$NVIRT" vif del nvy1 || return 1
		sleep 1
	done
	wait "$pid"
	grep -q '"name": "vif-add-ntf"' "$TMP_NTF" &&
		grep -q '"name": "vif-del-ntf"' "$TMP_NTF" &&
		grep -q '"name": "nvy1"' "$TMP_NTF" ||
		fail "notifications: $(head -c 1000 "$TMP_NTF")"
}

extack() {
	run ynl --do vif-new --json '{"name": "nvy2", "parent-ifname": "nvnone0"}'
	[ "$rc" != 0 ] || fail "a VIF on no NIC was made" || return 1
	# The cli prints its NlError on stdout.
	expect_match "error" "$out" "No such NIC"
}

ktap_print_header
[ -r "$YNL_CLI" ] || ktap_exit_fail_msg "no ynl cli at $YNL_CLI"
TMP_NTF=$(mktemp)
defer rm -f "$TMP_NTF"
ktap_set_plan 4
check "ynl, the spec checked against its schema, dumps the NICs the command lists" nic_dump
check "ynl creates, reads and deletes a VIF" vif_lifecycle
check "ynl decodes the VIF notifications of the monitor group" notification
check "ynl shows the kernel's extack" extack
ktap_finished
