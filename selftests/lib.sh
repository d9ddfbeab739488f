# SPDX-License-Identifier: GPL-2.0
#
# Shared by nvirt's shell selftests: KTAP output through the kernel's own
# ktap_helpers.sh, the nvirt CLI, and small assertions.

NVIRT_REPO=${NVIRT_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# NVIRT_CLI: another build of the CLI, e.g. build/asan/cli/nvirt (make asan)
NVIRT=${NVIRT_CLI:-$NVIRT_REPO/cli/nvirt}
NVIRT_KO=${NVIRT_KO:-$NVIRT_REPO/kernel/nvirt.ko}
# Traffic to send, receive or watch (selftests/nvirt_traffic.py says what).
TRAFFIC="python3 $NVIRT_REPO/selftests/nvirt_traffic.py"

# shellcheck source=/dev/null
source "${KSFT_DIR:?KSFT_DIR must point at the kernel selftests}/kselftest/ktap_helpers.sh"
# shellcheck source=selftests/rig.sh
source "$(dirname "${BASH_SOURCE[0]}")/rig.sh"

# With NVIRT_CLI, sanitizer reports (ASan, LSan, UBSan) of every CLI run
# go to files of one directory, not to the stderr a test may expect to
# fail: any file there at exit fails the test, whatever its checks said.
# Options already in ASAN_OPTIONS and UBSAN_OPTIONS come first. The
# kselftest runner runs tests under stdbuf, whose LD_PRELOAD comes before
# libasan: ASan is told not to mind.
__san_dir=
if [ -n "${NVIRT_CLI:-}" ]; then
	__san_dir=$(mktemp -d /tmp/nvirt-san.XXXXXX)
	chmod 1777 "$__san_dir"	# for CLIs run as nobody too
	__san_opts=halt_on_error=1:abort_on_error=1:disable_coredump=1
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}$__san_opts:detect_leaks=1:verify_asan_link_order=0:log_path=$__san_dir/asan"
	export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}$__san_opts:print_stacktrace=1:log_path=$__san_dir/ubsan"
fi

# At exit, once the CLIs left in the background (monitors) are gone: the
# reports as KTAP diagnostics, and exit status 1 when there are any.
__san_verdict() {
	local f failed=

	[ -n "$__san_dir" ] || return 0
	for _ in $(seq 50); do
		[ -z "$(jobs -pr)" ] && break
		sleep 0.1
	done
	for f in "$__san_dir"/*; do
		[ -e "$f" ] || break
		ktap_print_msg "sanitizer report ${f##*/}:"
		sed 's/^/# /' "$f"
		failed=1
	done
	rm -rf "$__san_dir"
	[ -z "$failed" ] || exit "$KSFT_FAIL"
}

# Cleanups run at exit in reverse order of registration.
__defer=()
defer() { __defer+=("$*"); }
__run_defer() {
	local i
	for ((i = ${#__defer[@]} - 1; i >= 0; i--)); do
		eval "${__defer[i]}" >/dev/null 2>&1
	done
	__san_verdict
}
trap __run_defer EXIT

# port_count PARENT FIELD: a counter of the nvirt port on PARENT
# (kernel/txring.c, in debugfs: not a uAPI), which way its frames went.
port_count() {
	awk -v dev="$1" -v f="$2" '$1 == dev {
		for (i = 2; i < NF; i += 2) if ($i == f) print $(i + 1) }' \
		/sys/kernel/debug/nvirt/txring
}

# egress_pkts DEV: packets DEV's egress filters' actions saw (0 without
# clsact).
egress_pkts() {
	tc -j -s filter show dev "$1" egress 2>/dev/null |
		json_get 'sum(a["stats"]["packets"] for f in d for a in f.get("options", {}).get("actions", []))' 2>/dev/null ||
		echo 0
}

# check DESC CMD...: the test passes when CMD succeeds.
check() {
	local desc=$1

	shift
	if "$@"; then
		ktap_test_pass "$desc"
	else
		ktap_test_fail "$desc"
	fi
}

# run CMD...: sets $out, $err and $rc
run() {
	local f

	f=$(mktemp)
	out=$("$@" 2>"$f")
	rc=$?
	err=$(<"$f")
	rm -f "$f"
}

# check_or_skip DESC CMD...: as check, but CMD returning 2 has reported a
# skip itself.
check_or_skip() {
	local desc=$1 ret

	shift
	"$@"
	ret=$?
	if [ "$ret" = 0 ]; then
		ktap_test_pass "$desc"
	elif [ "$ret" != 2 ]; then
		ktap_test_fail "$desc"
	fi
}

# Say why an assertion failed, as a KTAP diagnostic.
fail() {
	ktap_print_msg "$*"
	return 1
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# expect_same WHAT BEFORE AFTER: a state (one item a line) as it was, or
# what changed in it.
expect_same() {
	[ "$2" = "$3" ] && return 0
	ktap_print_msg "$1: changed"
	diff <(echo "$2") <(echo "$3") | sed 's/^/# /'
	return 1
}

# expect_match WHAT GOT REGEX
expect_match() {
	[[ $2 =~ $3 ]] || fail "$1: '$2' does not match '$3'"
}

family_present() {
	genl ctrl get name nvirt >/dev/null 2>&1
}

# monitor_start LOG OBJECT [PREFIX...]: "nvirt -j monitor OBJECT" in the
# background (run by PREFIX, e.g. "ip netns exec NS"), events to LOG,
# killed at exit; returns once it listens.
monitor_start() {
	local log=$1 object=$2

	shift 2
	NVIRT_MONITOR_READY=$log.ready "$@" "$NVIRT" -j monitor "$object" >"$log" 2>&1 &
	defer kill $!
	for _ in $(seq 100); do
		[ -e "$log.ready" ] && return 0
		sleep 0.1
	done
	fail "monitor $object ($log) did not start"
}

# links_watch LOG [NETNS]: the link changes rtnetlink tells of, in NETNS
# or ours, one a line to LOG (appended, so that it can be emptied), from
# now until exit. ip says nothing once it listens: start it a while
# before what it is to see.
links_watch() {
	ip ${2:+-n "$2"} -o monitor link >>"$1" 2>&1 &
	defer kill $!
}

# json_get 'EXPR' < JSON: print(EXPR), d the JSON through python3's
# parser. A python3 takes a second to start under TCG and a test asks
# hundreds of times: one (nvirt_json.py), started at the first ask,
# answers them in turn; a python3 of its own where it is not there.
__json_dir=/tmp/nvirt-json.$$
json_get() {
	local st=1 n

	if mkdir "$__json_dir" 2>/dev/null; then
		mkfifo "$__json_dir/req" "$__json_dir/rep" &&
		(python3 -S "$NVIRT_REPO/selftests/nvirt_json.py" "$__json_dir" $$ \
			</dev/null >/dev/null 2>&1 & echo $! > "$__json_dir/pid")
	fi
	if ! [ -p "$__json_dir/rep" ] || ! kill -0 "$(<"$__json_dir/pid")" 2>/dev/null; then
		python3 -S -c "import json, sys; d = json.load(sys.stdin); print($1)"
		return
	fi
	{
		flock 9 &&
		{ printf '%s\0' "$1"; cat; } > "$__json_dir/req" &&
		{ read -r st n; cat; } < "$__json_dir/rep" &&
		{ [ "$n" = 0 ] || cat "$__json_dir/err" >&2; }
	} 9>"$__json_dir/lock"
	return "$st"
}
__json_stop() {
	[ -e "$__json_dir/pid" ] && kill "$(<"$__json_dir/pid")"
	rm -rf "$__json_dir"
}
defer __json_stop

# The kernel's own YNL client (tools/net/ynl/cli.py of linux-source-6.12)
# on nvirt's spec: ynl [--validate] ARGS..., answers as JSON. Checking the
# spec against its protocol's schema (next to a kernel tree's specs) takes
# the cli seconds under TCG, and make gen's generator does it on the host:
# only --validate does it here.
YNL_KSRC=$(cd "$KSFT_DIR/../../.." && pwd)
YNL_CLI=$YNL_KSRC/tools/net/ynl/cli.py
YNL_SPEC=$NVIRT_REPO/Documentation/netlink/specs/nvirt.yaml
ynl() {
	local schema=(--no-schema)

	if [ "$1" = --validate ]; then
		shift
		schema=(--schema "$YNL_KSRC/Documentation/netlink/$(sed -n 's/^protocol: *//p' "$YNL_SPEC").yaml")
	fi
	python3 "$YNL_CLI" --spec "$YNL_SPEC" --output-json "${schema[@]}" "$@"
}

# The items of a JSON list, one a line (an empty line for none):
# json_rows < JSON
json_rows() {
	json_get '"\n".join(json.dumps(e, sort_keys=True) for e in d)'
}

# wait_for SECONDS CMD...: CMD again every 0.1 s until it succeeds, for at
# most SECONDS; its last status.
wait_for() {
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# VIFs, NICs and the rig's wire

# nvirt_state PF [NETNS...]: everything a request that is refused (or only
# a dry run) must leave as it is: nvirt's VIFs and policies, every link of
# the initial namespace and of each NETNS as ip -d shows it (a PF's VF
# table with it), and the PF's VF count.
nvirt_state() {
	local pf=$1 ns

	shift
	"$NVIRT" -j vif show | json_rows
	"$NVIRT" -j policy show | json_rows
	ip -d -j link show | json_rows
	for ns; do
		ip -n "$ns" -d -j link show | json_rows
	done
	echo "VFs of $pf: $(numvfs "$pf")"
}

# nvirt_state_settled PF [NETNS...]: nvirt_state, once two looks 0.5 s
# apart agree (for at most 10 s): a VF netdev just made has its
# operstate set by linkwatch up to a second later, which a state taken
# as a refusal's "before" must not catch half way.
nvirt_state_settled() {
	local last now

	now=$(nvirt_state "$@")
	for _ in $(seq 20); do
		last=$now
		sleep 0.5
		now=$(nvirt_state "$@")
		[ "$now" != "$last" ] || break
	done
	echo "$now"
}

# vif_get NAME EXPR: a field of a VIF's JSON record (with its counters),
# e.g. vif_get v0 '["mtu"]'
vif_get() {
	"$NVIRT" -j -s vif show "$1" | json_get "d[0]$2"
}

# vif_events LOG: the VIF events but changes of a monitor_start() LOG,
# "EVENT CAUSE VIF;" each.
vif_events() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] != "change":
        print(e["event"], e.get("cause", "-"), e["vif"]["name"], end=";")' "$1"
}

# numvfs [PF]: the VFs enabled on PF (igb's, $IGB, by default)
numvfs() {
	cat "/sys/class/net/${1:-${IGB:?}}/device/sriov_numvfs"
}

# link_is_up IFNAME [NETNS]: its link is up (igb's comes back a while
# after VFs are enabled or disabled: wait_for 30 link_is_up "$IGB"; on
# 6.1 a VF's first open takes igbvf up to 7 s, on 6.12 a quarter of one).
link_is_up() {
	if [ -n "${2:-}" ]; then
		[ "$(ip -n "$2" -br link show dev "$1" | awk '{ print $2 }')" = UP ]
	else
		[ "$(<"/sys/class/net/$1/operstate")" = up ]
	fi
}

# Every VIF was deleted.
vifs_gone() {
	[ "$("$NVIRT" -j vif show | json_get 'len(d)')" = 0 ] ||
		fail "VIFs left: $("$NVIRT" vif show)"
}

# The far end of igb's wire: vmxnet3 in netns nvpeer, 10.5.0.2 untagged and
# 10.6.0.2 in VLAN 5 ($VMX set by the test). Its frame counter says what
# crossed the wire.
peer_up() {
	ip netns del nvpeer 2>/dev/null && sleep 0.5
	ip netns add nvpeer && defer ip netns del nvpeer
	ip link set "${VMX:?}" netns nvpeer || return 1
	ip -n nvpeer link set "$VMX" up
	ip -n nvpeer addr add 10.5.0.2/24 dev "$VMX"
	ip -n nvpeer link add link "$VMX" name peer5 type vlan id 5
	ip -n nvpeer addr add 10.6.0.2/24 dev peer5
	ip -n nvpeer link set peer5 up
}

peer_rx() {
	ip -n nvpeer -j -s link show dev "$VMX" | json_get "d[0]['stats64']['rx']['packets']"
}

# ns_add_quiet NS: a new netns NS whose netdevs send nothing of their
# own: no IPv6 (no ND, no MLD), so counters move only for a test's frames.
ns_add_quiet() {
	ip netns add "$1" &&
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
}

# ns_del_back NS DEV: delete NS, and wait for the physical DEV it held to
# come back to the initial namespace.
ns_del_back() {
	ip netns del "$1" 2>/dev/null
	for _ in $(seq 50); do
		[ -e "/sys/class/net/$2" ] && return 0
		sleep 0.1
	done
	fail "$2 did not come back"
}

peer_down() {
	ns_del_back nvpeer "$VMX"
}

# QEMU's monitor, through selftests/vm/qmp-relay

# qmp JSON: one QMP command; the reply on stdout, non-zero on an error.
qmp() {
	local d=${NVIRT_VMOUT:?}/qmp id reply

	[ -d "$d" ] || fail "no QMP relay in $d" || return 1
	id=$(date +%s%N)
	printf '%s\n' "$1" > "$d/$id.tmp" && mv "$d/$id.tmp" "$d/$id.req"
	for _ in $(seq 300); do
		if [ -e "$d/$id.resp" ]; then
			reply=$(<"$d/$id.resp")
			rm -f "$d/$id.resp"
			echo "$reply"
			[[ $reply == '{"return"'* ]]
			return
		fi
		sleep 0.1
	done
	fail "QMP: no reply to $1"
}

# nic_spec IFNAME: the QEMU device a NIC is (from selftests/vm/run's list),
# as device_add's arguments in JSON.
nic_spec() {
	local mac

	mac=$(<"/sys/class/net/$1/address")
	awk -v mac="$mac" '$1 == mac { print $2 }' "${NVIRT_VMOUT:?}/nics" |
		python3 -c 'import json, sys
print(json.dumps(dict(kv.split("=", 1) if "=" in kv else ("driver", kv)
                      for kv in sys.stdin.read().strip().split(","))))'
}

# nic_link IFNAME on|off: QEMU plugs the NIC's cable in or pulls it out
# (set_link); the guest sees its link follow.
nic_link() {
	local id up=false

	[ "$2" = on ] && up=true
	id=$(nic_spec "$1" | json_get 'd["id"]') || return 1
	qmp "{\"execute\": \"set_link\", \"arguments\": {\"name\": \"$id\", \"up\": $up}}" >/dev/null
}

# nic_unplug IFNAME: QEMU takes the NIC away (device_del) and the guest
# sees its PCI device go.
nic_unplug() {
	local pci id

	pci=$(basename "$(readlink "/sys/class/net/$1/device")")
	id=$(nic_spec "$1" | json_get 'd["id"]')
	qmp "{\"execute\": \"device_del\", \"arguments\": {\"id\": \"$id\"}}" >/dev/null ||
		return 1
	for _ in $(seq 300); do
		[ -e "/sys/bus/pci/devices/$pci" ] || return 0
		sleep 0.1
	done
	fail "$1 ($pci) still present after device_del"
}

# nic_plug SPEC: device_add it back (retried while QEMU still finishes the
# removal); prints the netdev that appears with its MAC.
nic_plug() {
	local mac i

	mac=$(json_get 'd["mac"]' <<<"$1")
	for i in $(seq 50); do
		qmp "{\"execute\": \"device_add\", \"arguments\": $1}" >/dev/null && break
		[ "$i" -lt 50 ] || fail "device_add $1 refused" || return 1
		sleep 0.2
	done
	for _ in $(seq 300); do
		for i in /sys/class/net/*/address; do
			if [ "$(<"$i")" = "$mac" ]; then
				basename "$(dirname "$i")"
				return 0
			fi
		done
		sleep 0.1
	done
	fail "no netdev with $mac after device_add"
}
