#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvirt save and nvirt restore: a file of "policy add" and "vif add" lines
# says what each object was asked for (a pinned backend or auto, its own
# policy fields apart from those it follows); restoring it over nothing
# (the module reloaded, as at boot) gives the same objects; restoring it
# over them changes nothing; drift is said and undone; a line that
# cannot be restored fails alone. Names read back: like keywords (made
# through ynl, as a manager could), network namespaces of 255 characters,
# with spaces or quotes. The file is synced before it replaces the old.

source "$(dirname "$0")/lib.sh"

NS=nvsns
SAVED=
STATE=

# What the user would compare: every VIF and policy with what it was asked
# for and what it got, but not what a new object gets anew (ids, ifindex,
# its state and traffic).
state() {
	{
		"$NVIRT" -j vif show | json_get 'sorted(({k: v for k, v in x.items()
			if k not in ("id", "ifindex", "parent_ifindex", "operstate",
				     "stats", "link_netnsid")} for x in d),
			key=lambda x: x["name"])' &&
		"$NVIRT" -j policy show | json_get 'sorted(d, key=lambda p: p["name"])'
	} | sed 's/, /,\n/g'
}

setup() {
	ip link add nvsd0 type dummy && defer ip link del nvsd0 || return 1
	ip link add nvsd1 type dummy && defer ip link del nvsd1 || return 1
	ip netns add "$NS" && defer ip netns del "$NS" || return 1
	"$NVIRT" policy add sgold goal latency priority 5 max-rate 100 &&
		"$NVIRT" policy add sbulk goal cpu &&
		"$NVIRT" vif add nvs0 dev nvsd0 &&
		"$NVIRT" vif add nvs1 dev nvsd0 mac 52:54:00:aa:00:01 vlan 10 qos 3 \
			mtu 1400 spoofchk off trust on state disable \
			policy sgold goal throughput &&
		"$NVIRT" vif add nvs2 dev nvsd1 backend soft max-rate 50 \
			netns "$NS" policy sbulk || return 1
	defer 'for v in nvs0 nvs1 nvs2; do "$NVIRT" vif del $v; done;
	       "$NVIRT" policy del sgold; "$NVIRT" policy del sbulk'
}

# The lines are those of the commands, with what the kernel chose filled in.
save() {
	local mac0

	run "$NVIRT" save "$SAVED"
	expect_eq "save" "$rc" 0 || fail "$err" || return 1
	mac0=$("$NVIRT" -j vif show nvs0 | json_get 'd[0]["mac"]') || return 1
	expect_eq "lines" "$(grep -v '^#' "$SAVED" | LC_ALL=C sort)" \
"policy add sbulk goal cpu
policy add sgold goal latency priority 5 max-rate 100
vif add nvs0 dev nvsd0 backend auto mac $mac0 mtu 1500 spoofchk on trust off state auto
vif add nvs1 dev nvsd0 backend auto mac 52:54:00:aa:00:01 vlan 10 qos 3 proto 802.1Q mtu 1400 spoofchk off trust on state disable policy sgold goal throughput
vif add nvs2 dev nvsd1 backend soft mac $("$NVIRT" -j vif show nvs2 | json_get 'd[0]["mac"]') mtu 1500 spoofchk on trust off state auto netns $NS policy sbulk max-rate 50" ||
		return 1
	expect_eq "save to stdout" "$("$NVIRT" save -)" "$(cat "$SAVED")"
}

# Over the objects it was saved from, restore changes nothing.
idempotent() {
	local before

	before=$("$NVIRT" -j vif show | json_get '[(x["name"], x["id"]) for x in d]') ||
		return 1
	run "$NVIRT" restore "$SAVED"
	expect_eq "restore" "$rc" 0 || fail "$err" || return 1
	expect_eq "report" "$out" \
		"restored $SAVED: 0 added, 0 changed, 5 as they were, 0 failed" || return 1
	expect_eq "the same VIFs" \
		"$("$NVIRT" -j vif show | json_get '[(x["name"], x["id"]) for x in d]')" \
		"$before"
}

# As at boot: the module comes back empty, and restore makes it all again.
reboot() {
	STATE=$(state) || return 1
	rmmod nvirt && insmod "$NVIRT_KO" || return 1
	expect_eq "nothing left" "$("$NVIRT" vif show)$("$NVIRT" policy show)" "" ||
		return 1
	run "$NVIRT" restore "$SAVED"
	expect_eq "restore" "$rc" 0 || fail "$err" || return 1
	expect_match "report" "$out" \
		"restored $SAVED: 5 added, 0 changed, 0 as they were, 0 failed" || return 1
	expect_eq "state" "$(state)" "$STATE" || return 1
	expect_eq "saved again" "$("$NVIRT" save -)" "$(cat "$SAVED")" || return 1
	expect_eq "nvs2's netdev" "$(ip -n "$NS" -j link show nvs2 | json_get 'd[0]["ifname"]')" nvs2
}

# Each difference is said, and undone; what the file leaves out is kept.
drift() {
	"$NVIRT" vif set nvs1 mtu 1200 vlan 0 qos 0 &&
		"$NVIRT" vif set nvs0 policy sbulk max-rate 30 &&
		"$NVIRT" vif set nvs2 netns 1 &&
		"$NVIRT" policy set sgold priority 7 &&
		"$NVIRT" vif add nvs3 dev nvsd1 || return 1
	defer '"$NVIRT" vif del nvs3'
	run "$NVIRT" restore "$SAVED"
	expect_eq "restore" "$rc" 0 || fail "$err" || return 1
	expect_eq "report" "$out" \
"policy sgold: priority 7 -> 5
vif nvs0: policy sbulk -> none
vif nvs0: max-rate 30 is not in the file, kept
vif nvs1: vlan none -> 10 qos 3 proto 802.1Q
vif nvs1: mtu 1200 -> 1400
vif nvs2: netns none -> $NS
vif nvs3: not in the file, left as it is
restored $SAVED: 0 added, 4 changed, 1 as they were, 0 failed" || return 1
	"$NVIRT" vif del nvs3 && "$NVIRT" vif set nvs0 max-rate 0 || return 1
	expect_eq "state" "$(state | grep -v max_rate)" \
		"$(grep -v max_rate <<<"$STATE")"
}

# Each line that cannot be restored fails alone, named with its reason:
# wrong words, a netns that is not there, not an add, "dry-run" or "help",
# the kernel's refusal. The others are restored.
lines_fail_alone() {
	local bad line

	bad=$(mktemp) && defer rm -f "$bad"
	printf '%s\n' 'vif add nvs9 dev nvsd0' \
		'vif add nvs8 dev nvsd0 mtu lots' \
		'vif add nvs7 dev nvsd0 netns nvsnone' \
		'vif del nvs0' \
		'vif add nvs6 dev nvnone0' \
		'vif add nvs5 dev nvsd0 dry-run' \
		'policy add sp9 goal cpu help' \
		'policy add sp8 priority 3' \
		'vif add nvs4 dev nvsd1 mtu 1300 policy sp8' > "$bad"
	defer '"$NVIRT" vif del nvs9; "$NVIRT" vif del nvs4; "$NVIRT" policy del sp8'
	run "$NVIRT" restore "$bad"
	expect_eq "exit status" "$rc" 1 || return 1
	for line in \
		"$bad:2: Error: argument of \"mtu\" must be a number up to 2147483647, not \"lots\"." \
		"$bad:3: Error: Cannot open network namespace \"nvsnone\": No such file or directory." \
		"$bad:4: Error: a line is \"pool add ...\", \"policy add ...\" or \"vif add ...\"." \
		"$bad:5: Error: No such NIC." \
		"$bad:6: Error: \"dry-run\" in a saved file." \
		"$bad:7: Error: \"help\" in a saved file."; do
		grep -qxF -- "$line" <<<"$err" || fail "not said: $line" || return 1
	done
	expect_eq "errors" "$(wc -l <<<"$err")" 6 || fail "$err" || return 1
	expect_eq "report" "$(tail -n 1 <<<"$out")" \
		"restored $bad: 3 added, 0 changed, 0 as they were, 6 failed" || return 1
	expect_eq "the good lines" \
		"$("$NVIRT" -j vif show nvs4 | json_get '(d[0]["mtu"], d[0]["policy_name"])')" \
		"(1300, 'sp8')" || return 1
	"$NVIRT" vif show nvs9 >/dev/null || fail "nvs9 not restored" || return 1
	for line in nvs8 nvs7 nvs6 nvs5; do
		! "$NVIRT" vif show "$line" >/dev/null 2>&1 || fail "$line made" || return 1
	done
	"$NVIRT" vif del nvs9 && "$NVIRT" vif del nvs4 && "$NVIRT" policy del sp8 ||
		return 1
	run "$NVIRT" restore /nonexistent/nvirt.conf
	expect_match "no file" "$err" "Error: cannot read /nonexistent/nvirt.conf"
}

# The words of the syntax of "nvirt OBJECT help", as names.
help_words() {
	"$NVIRT" "$1" help | grep -E '\[|\{|:=|^Usage:|^ +nvirt' |
		grep -oE '\b[a-z][a-z0-9-]*\b' | sort -u
}

# VIFs and policies named like keywords, made through ynl as a manager
# could make them: saved as lines that read back, restored after a reload.
# A policy named "none", which no line can name, and its VIFs are said and
# not saved.
keyword_names() {
	local vifs pols w json i=0 ops=()

	vifs=$(help_words vif) && pols=$(help_words policy | grep -vx none) ||
		return 1
	for w in $pols; do
		ops+=(--multi policy-new "{\"name\": \"$w\", \"policy\": {\"priority\": $((i++))}}")
	done
	for w in $vifs; do
		json="{\"name\": \"$w\", \"parent-ifname\": \"nvsd0\""
		grep -qx -- "$w" <<<"$pols" && json+=", \"policy-name\": \"$w\""
		ops+=(--multi vif-new "$json}")
	done
	# A few at a time: ynl reads the answers only once all are sent.
	for ((i = 0; i < ${#ops[@]}; i += 48)); do
		run ynl "${ops[@]:i:48}"
		expect_eq "ynl" "$rc" 0 || fail "$out $err" || return 1
	done
	STATE=$(state) || return 1
	run "$NVIRT" save "$SAVED"
	expect_eq "save" "$rc" 0 || fail "$err" || return 1
	expect_match "a VIF named goal" "$(grep '^vif add name goal ' "$SAVED")" \
		'^vif add name goal dev nvsd0 .* policy goal$' &&
		expect_match "a policy named goal" \
			"$(grep '^policy add name goal ' "$SAVED")" \
			'^policy add name goal priority [0-9]+$' || return 1
	rmmod nvirt && insmod "$NVIRT_KO" || return 1
	run "$NVIRT" restore "$SAVED"
	expect_eq "restore" "$rc" 0 || fail "$err" || return 1
	expect_eq "report" "$(tail -n 1 <<<"$out")" \
		"restored $SAVED: $(($(wc -w <<<"$vifs $pols") + 5)) added, 0 changed, 0 as they were, 0 failed" ||
		return 1
	expect_eq "state" "$(state)" "$STATE" || return 1
	expect_eq "saved again" "$("$NVIRT" save -)" "$(cat "$SAVED")" || return 1
	# "none" is no policy a line could name: the kernel refuses it.
	run ynl --do policy-new --json '{"name": "none"}'
	expect_eq "ynl: a policy named none" "$rc" 1 &&
	expect_match "ynl: why" "$out $err" "none is no policy name: it means no policy" ||
		return 1
}

# Network namespace names are saved whole: 255 characters, spaces,
# quotes. The VIFs go back into them.
netns_names() {
	local long spaced='nvs sp' quoted='nvs "q"' ns f pids=() i=10

	long=$(printf 'n%.0s' $(seq 255))
	f=$(mktemp) && defer rm -f "$f"
	for ns in "$long" "$spaced" "$quoted"; do
		ip netns add "$ns" && defer "ip netns del '$ns'" || return 1
		# By a process in it: the CLI it is tested against may not
		# open the name.
		ip netns exec "$ns" sleep 600 &
		pids+=($!)
		defer kill $!
	done
	sleep 0.5
	for ns in "${pids[@]}"; do
		"$NVIRT" vif add nvs$((i++)) dev nvsd1 netns "$ns" || return 1
	done
	defer 'for v in nvs10 nvs11 nvs12; do "$NVIRT" vif del $v; done'
	run "$NVIRT" save "$f"
	expect_eq "save" "$rc" 0 || fail "$err" || return 1
	expect_match "long" "$(grep ' nvs10 ' "$f")" " netns $long$" &&
		expect_match "spaced" "$(grep ' nvs11 ' "$f")" " netns \"$spaced\"$" &&
		expect_match "quoted" "$(grep ' nvs12 ' "$f")" " netns '$quoted'$" ||
		return 1
	for i in 10 11 12; do
		"$NVIRT" vif del nvs$i || return 1
	done
	run "$NVIRT" restore "$f"
	expect_eq "restore" "$rc" 0 || fail "$err" || return 1
	expect_match "report" "$(tail -n 1 <<<"$out")" \
		"3 added, 0 changed, [0-9]+ as they were, 0 failed" || return 1
	i=10
	for ns in "$long" "$spaced" "$quoted"; do
		ip -n "$ns" link show nvs$i >/dev/null ||
			fail "nvs$i not in netns $ns" || return 1
		"$NVIRT" vif del nvs$((i++)) || return 1
	done
}

# The file is synced before it is renamed over the old one, and its
# directory after.
save_syncs() {
	local dir order

	dir=$(mktemp -d) && defer rm -rf "$dir"
	strace -o "$dir/trace" -e trace=openat,fsync,fdatasync,rename,renameat,renameat2 \
		"$NVIRT" save "$dir/nvirt.conf" >/dev/null || return 1
	order=$(awk -v tmp="\"$dir/nvirt.conf.tmp\"" -v dir="\"$dir\"," '
		/^openat\(/ && index($0, tmp) { t = $NF; print "open-tmp" }
		/^openat\(/ && index($0, dir) { d = $NF; print "open-dir" }
		/^f(data)?sync\(/ {
			fd = $0
			sub(/^f(data)?sync\(/, "", fd)
			sub(/\).*/, "", fd)
			# The directory may get the descriptor the file had.
			print fd == d ? "sync-dir" : fd == t ? "sync-tmp" : "sync-other"
		}
		/^rename/ { print "rename" }' "$dir/trace" | tr '\n' ' ')
	expect_eq "order" "$order" "open-tmp sync-tmp rename open-dir sync-dir " ||
		fail "$(cat "$dir/trace")"
}

ktap_print_header
family_present || ktap_exit_fail_msg "nvirt is not loaded"
SAVED=$(mktemp -u /tmp/nvirt-save.XXXXXX.conf)
defer rm -f "$SAVED"
ktap_set_plan 8
check "save writes each object as the command that would make it" \
	eval 'setup && save'
check "restore over the same objects changes nothing" idempotent
check "restore after a module reload makes the same objects" reboot
check "restore says each drift and undoes it" drift
check "each line that cannot be restored fails alone, named" lines_fail_alone
check "netns names are saved whole: 255 characters, spaces, quotes" netns_names
check "save syncs the file before the rename, the directory after" save_syncs
check "names like keywords are saved as lines that read back" keyword_names
ktap_finished
