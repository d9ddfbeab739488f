#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The nvirt CLI round-trips to the kernel: versions, the NIC list as the
# kernel's own interfaces show it (on the rig's real drivers), namespaces,
# kernel errors shown as "Error: ...", admin-only changes, and names that
# are also keywords.

source "$(dirname "$0")/lib.sh"

nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

version_local() {
	run "$NVIRT" -V
	expect_eq "exit status" "$rc" 0 &&
	expect_match "nvirt -V" "$out" "^nvirt utility, $(modinfo -F version "$NVIRT_KO") "
}

version_kernel() {
	local api

	api=$(awk '/define NVIRT_API_VERSION/ { print $3 }' \
		"$NVIRT_REPO/include/uapi/linux/nvirt.h")
	run "$NVIRT" -j version
	expect_eq "exit status" "$rc" 0 &&
	expect_eq "module version" "$(json_get 'd["module"]' <<<"$out")" \
		"$(</sys/module/nvirt/version)" &&
	expect_eq "api" "$(json_get 'd["api"]' <<<"$out")" "$api"
}

# Every netdev of the namespace, as sysfs lists them.
sys_names() {
	ls /sys/class/net | sort | tr '\n' ' '
}

nic_list_matches_sysfs() {
	run "$NVIRT" -j nic show
	expect_eq "exit status" "$rc" 0 &&
	expect_eq "NIC names" \
		"$(json_get '" ".join(sorted(n["ifname"] for n in d)) + " "' <<<"$out")" \
		"$(sys_names)"
}

# Identity of every NIC agrees with sysfs: ifindex, MAC, MTU, link type,
# driver, bus
# (the bus the NIC's own device sits on: virtio for virtio_net).
nic_identity_matches_sysfs() {
	local json name sys drv want ifindex mtu address link_type driver bus bus_addr

	json=$("$NVIRT" -j nic show) || return 1
	# One line a NIC: NAME=FIELD,FIELD,... (one python for them all)
	declare -A got
	while IFS='=' read -r name want; do
		got[$name]=$want
	done < <(json_get '"\n".join(n["ifname"] + "=" + ",".join(str(n.get(k, "")) for k in ("ifindex", "mtu", "address", "link_type", "driver", "bus", "bus_addr")) for n in d)' <<<"$json")
	for sys in /sys/class/net/*; do
		name=${sys##*/}
		[ -n "${got[$name]:-}" ] || fail "$name not listed" || return 1
		IFS=, read -r ifindex mtu address link_type driver bus bus_addr <<<"${got[$name]}"
		expect_eq "$name ifindex" "$ifindex" "$(<"$sys/ifindex")" || return 1
		expect_eq "$name mtu" "$mtu" "$(<"$sys/mtu")" || return 1
		[ "$name" = lo ] ||
			expect_eq "$name address" "$address" "$(<"$sys/address")" || return 1
		case $(<"$sys/type") in
		1) want=ether ;;
		772) want=loopback ;;
		*) want=$(<"$sys/type") ;;
		esac
		expect_eq "$name link_type" "$link_type" "$want" || return 1
		drv=
		[ -e "$sys/device/driver" ] && drv=$(basename "$(readlink "$sys/device/driver")")
		expect_eq "$name driver" "$driver" "$drv" || return 1
		if [ -e "$sys/device/subsystem" ]; then
			expect_eq "$name bus" "$bus" \
				"$(basename "$(readlink "$sys/device/subsystem")")" || return 1
			expect_eq "$name bus_addr" "$bus_addr" \
				"$(basename "$(readlink -f "$sys/device")")" || return 1
		fi
	done
}

# The rig's heterogeneous NIC set is there, on its real drivers.
rig_drivers_listed() {
	local drivers want

	drivers=$("$NVIRT" -j nic show | json_get '" ".join(sorted(set(n.get("driver", "") for n in d)))')
	for want in igb e1000e e1000 virtio_net; do
		[[ " $drivers " == *" $want "* ]] || fail "driver $want not listed: $drivers" || return 1
	done
}

nic_text_output() {
	run "$NVIRT" nic show dev lo
	expect_eq "exit status" "$rc" 0 &&
	expect_match "text" "$out" '^1: lo: .*mtu [0-9]+.*managed on'
}

nic_netns() {
	local ns=nvirt-cli-$$ idx

	ip netns add "$ns" || return 1
	defer ip netns del "$ns"
	ip link add nvc0 type veth peer nvc1 || return 1
	defer ip link del nvc0
	ip link set nvc1 netns "$ns" || return 1
	idx=$(ip netns exec "$ns" cat /sys/class/net/nvc1/ifindex)
	expect_eq "in the netns" \
		"$(ip netns exec "$ns" "$NVIRT" -j nic show | json_get '" ".join(sorted(n["ifname"] for n in d))')" \
		"lo nvc1" || return 1
	expect_eq "ifindex in the netns" \
		"$(ip netns exec "$ns" "$NVIRT" -j nic show dev nvc1 | json_get 'd[0]["ifindex"]')" \
		"$idx" || return 1
	run "$NVIRT" nic show dev nvc1
	[ "$rc" != 0 ] || fail "nvc1 visible outside its netns"
}

# -n NETNS works there, as "ip -n" does: what it shows and what it adds.
netns_option() {
	local ns=nvirt-cli-n$$

	ip netns add "$ns" || return 1
	defer ip netns del "$ns"
	ip -n "$ns" link add nvn0 type dummy || return 1
	expect_eq "nic show" \
		"$("$NVIRT" -n "$ns" -j nic show | json_get '" ".join(sorted(n["ifname"] for n in d))')" \
		"lo nvn0" || return 1
	"$NVIRT" -n "$ns" vif add nvnv dev nvn0 backend soft || return 1
	expect_eq "the VIF's netdev, there" \
		"$(ip -n "$ns" -j link show nvnv | json_get 'd[0]["ifname"]')" nvnv ||
		return 1
	expect_eq "its VIFs" \
		"$("$NVIRT" -netns "$ns" -j vif show | json_get '[v["name"] for v in d]')" \
		"['nvnv']" || return 1
	run "$NVIRT" vif show nvnv
	[ "$rc" != 0 ] || fail "VIF of $ns visible outside it" || return 1
	run "$NVIRT" -n nvirt-nosuch nic show
	[ "$rc" != 0 ] || fail "no such netns: exit status 0" || return 1
	expect_eq "stderr" "$err" \
		'Error: Cannot open network namespace "nvirt-nosuch": No such file or directory.'
}

# -b FILE runs its lines in order, skipping blanks and comments; the first
# that fails ends it, said with its place, and what follows does not run.
batch_option() {
	local f=/tmp/nvirt-batch-$$

	defer rm -f "$f"
	defer '"$NVIRT" policy del nvb1; "$NVIRT" policy del nvb2'
	printf '# policies\n\npolicy add nvb1 priority 3\n  policy set nvb1 priority 4\npolicy show "nvb1"\n' > "$f"
	run "$NVIRT" -j -b "$f"
	expect_eq "exit status" "$rc" 0 || return 1
	expect_eq "show" "$(json_get 'd[0]["priority"]' <<<"$out")" 4 || return 1
	printf 'policy set nvb1 priority 5\npolicy del nvirt-nosuch\npolicy add nvb2\n' > "$f"
	run "$NVIRT" -b - < "$f"
	expect_eq "exit status" "$rc" 1 || return 1
	expect_eq "stderr" "$err" "$(printf 'Error: No such policy nvirt-nosuch.\nCommand failed -:2')" ||
		return 1
	expect_eq "line 1 ran" \
		"$("$NVIRT" -j policy show nvb1 | json_get 'd[0]["priority"]')" 5 ||
		return 1
	run "$NVIRT" policy show nvb2
	[ "$rc" != 0 ] || fail "line 3 ran after line 2 failed" || return 1
	printf 'policy set nvb1 priority\n' > "$f"
	run "$NVIRT" -b "$f"
	expect_eq "exit status" "$rc" 1 || return 1
	expect_eq "stderr" "$err" "$f:1: Error: argument \"priority\" needs a value."
}

# Under -j an error is JSON on stderr, one object a line, nothing on
# stdout: the kernel's extack, a wrong word, a line of a batch with its
# place (and no "Command failed", which the place replaces).
errors_json() {
	local f=/tmp/nvirt-batch-$$

	defer rm -f "$f"
	run "$NVIRT" -j nic show dev nosuch0
	[ "$rc" != 0 ] || fail "exit status 0" || return 1
	expect_eq "stdout" "$out" "" || return 1
	expect_eq "kernel's" "$(json_get 'd["error"]' <<<"$err")" "No such NIC." ||
		return 1
	run "$NVIRT" -j nic frob
	[ "$rc" != 0 ] || fail "unknown command accepted" || return 1
	expect_eq "unknown word" "$(json_get 'd["error"]' <<<"$err")" \
		'Command "frob" is unknown, try "nvirt nic help".' || return 1
	printf 'nic show dev lo\npolicy set nvirt-nosuch priority 5\n' > "$f"
	run "$NVIRT" -j -b "$f"
	[ "$rc" != 0 ] || fail "batch: exit status 0" || return 1
	expect_eq "batch" "$(json_get '[d["error"], d["file"], d["line"]]' <<<"$err")" \
		"['No such policy nvirt-nosuch.', '$f', 2]" || return 1
	printf 'nic show dev lo mtu\n' > "$f"
	run "$NVIRT" -j -b "$f"
	expect_eq "batch, wrong word" "$(json_get '[d["error"], d["line"]]' <<<"$err")" \
		"['unknown argument \"mtu\".', 1]"
}

error_no_such_nic() {
	run "$NVIRT" nic show dev nosuch0
	[ "$rc" != 0 ] || fail "exit status 0" || return 1
	expect_eq "stderr" "$err" "Error: No such NIC."
}

error_policy() {
	run "$NVIRT" nic show dev a23456789abcdef0123
	[ "$rc" != 0 ] || fail "exit status 0" || return 1
	expect_eq "stderr" "$err" "Error: Attribute failed policy validation (ifname: max length 15)."
}

set_managed() {
	"$NVIRT" nic set dev lo managed off || return 1
	expect_eq "after off" "$("$NVIRT" -j nic show dev lo | json_get 'd[0]["managed"]')" False ||
		return 1
	"$NVIRT" nic set dev lo managed on || return 1
	expect_eq "after on" "$("$NVIRT" -j nic show dev lo | json_get 'd[0]["managed"]')" True
}

unprivileged() {
	run nobody "$NVIRT" -j nic show dev lo
	expect_eq "show as nobody" "$rc" 0 || return 1
	run nobody "$NVIRT" nic set dev lo managed off
	[ "$rc" != 0 ] || fail "set as nobody succeeded" || return 1
	expect_eq "stderr" "$err" "Error: Operation not permitted." || return 1
	expect_eq "unchanged" "$("$NVIRT" -j nic show dev lo | json_get 'd[0]["managed"]')" True
}

usage_errors() {
	run "$NVIRT" nic frob
	[ "$rc" != 0 ] || fail "unknown command accepted" || return 1
	expect_eq "stderr" "$err" 'Command "frob" is unknown, try "nvirt nic help".' || return 1
	run "$NVIRT" nic help
	expect_eq "help status" "$rc" 0 || return 1
	expect_match "help" "$out" '^Usage: nvirt nic show'
}

# A VIF and a policy named like keywords, named by "name NAME" in each
# command that takes a name; a second name is refused.
name_keyword() {
	ip link add nvcdum type dummy && defer ip link del nvcdum || return 1
	defer '"$NVIRT" vif del name mtu; "$NVIRT" policy del name help'
	"$NVIRT" policy add name help priority 3 &&
		"$NVIRT" policy set name help priority 4 &&
		"$NVIRT" vif add name mtu dev nvcdum mtu 1400 policy help &&
		"$NVIRT" vif set name mtu mtu 1300 || return 1
	expect_eq "policy show" \
		"$("$NVIRT" -j policy show name help | json_get '(d[0]["name"], d[0]["priority"], d[0]["users"])')" \
		"('help', 4, 1)" || return 1
	expect_eq "vif show" \
		"$("$NVIRT" -j vif show name mtu dev nvcdum | json_get '(d[0]["name"], d[0]["mtu"], d[0]["policy_name"])')" \
		"('mtu', 1300, 'help')" || return 1
	run "$NVIRT" vif explain name mtu
	expect_eq "explain" "$rc" 0 || fail "$err" || return 1
	run "$NVIRT" vif add name dev name dev2 dev nvcdum
	expect_eq "two names" "$err" \
		'Error: duplicate "name": "dev2" is the second value.' || return 1
	"$NVIRT" vif del name mtu && "$NVIRT" policy del name help
}

ktap_print_header
ktap_set_plan 16
check "nvirt -V reports the version of the module it was built with" version_local
check "version round-trips to the kernel" version_kernel
check "nic show lists every netdev of the namespace" nic_list_matches_sysfs
check "nic identity agrees with sysfs" nic_identity_matches_sysfs
check "rig NICs listed on igb e1000e e1000 virtio_net" rig_drivers_listed
check "text output for people" nic_text_output
check "a NIC moved to another netns is listed there only" nic_netns
check "-n NETNS shows and changes that namespace's NICs and VIFs" netns_option
check "-b FILE runs its lines, stops at the first that fails, says where" batch_option
check "unknown NIC gives the kernel error" error_no_such_nic
check "errors are JSON on stderr under -j" errors_json
check "policy rejection text reaches the user" error_policy
check "nic set managed changes state" set_managed
check "unprivileged user may show but not set" unprivileged
check "unknown command and help" usage_errors
check "name NAME names a VIF or policy named like a keyword" name_keyword
ktap_finished
