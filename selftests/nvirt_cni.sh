#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvirt's CNI plugin (cni/), run as a container runtime runs a plugin: the
# network config on stdin, CNI_* in the environment, the result or the
# error as CNI's JSON on stdout. Addresses come from the reference IPAM
# plugin host-local (Debian's containernetworking-plugins). ADD makes a
# VIF in the container's netns, named CNI_IFNAME and addressed, which
# reaches a peer; CHECK passes, then fails once the VIF is changed behind
# its back; DEL deletes it and frees its address, and again is no error;
# a refused ADD says the kernel's reason and leaves nothing. Then podman,
# a runtime that calls the plugin itself: a container (a busybox root of
# the test's own, no registry) on a network of type nvirt reaches the
# peer, and removing it deletes its VIF.

source "$(dirname "$0")/lib.sh"

PLUGINS=/usr/lib/cni
CNI_DIR=$(mktemp -d /tmp/nvirt-cni.XXXXXX)
defer rm -rf "$CNI_DIR"
# The plugin as built, beside the reference plugins (host-local).
mkdir -p "$CNI_DIR/bin" && ln -s "$NVIRT_REPO/cni/nvirt" "$CNI_DIR/bin/nvirt"
export CNI_PATH=$CNI_DIR/bin:$PLUGINS

# conf [KEY: VALUE, ...]: a network config on the veth nvcn0, with
# host-local addresses of 10.77.0.0/24 and the peer as the gateway
conf() {
	cat <<-EOF
	{ "cniVersion": "1.0.0", "name": "nvcn", "type": "nvirt",
	  "parent": "nvcn0", "backend": "soft"${1:+, $1},
	  "ipam": { "type": "host-local", "dataDir": "$CNI_DIR/ipam",
	            "ranges": [[{ "subnet": "10.77.0.0/24",
	                          "rangeStart": "10.77.0.10",
	                          "gateway": "10.77.0.1" }]],
	            "routes": [{ "dst": "0.0.0.0/0" }] } }
	EOF
}

# cni COMMAND [CONF]: the plugin on container nvcnc's eth0; sets $out
# (its stdout) and $rc
cni() {
	out=$(CNI_COMMAND=$1 CNI_CONTAINERID=nvcnc CNI_NETNS=/run/netns/nvcnc \
		CNI_IFNAME=eth0 "$NVIRT_REPO/cni/nvirt" <<<"${2:-$(conf)}")
	rc=$?
}

# The VIF a config of container nvcnc's eth0 makes: its name.
vif_name() {
	"$NVIRT" -j vif show | json_get '" ".join(v["name"] for v in d)'
}

version() {
	cni VERSION
	expect_eq "VERSION" "$(json_get 'd["supportedVersions"]' <<<"$out")" "['1.0.0']"
}

# ADD: the VIF in the container as eth0, addressed, reaching the peer.
add() {
	local vif

	cni ADD || fail "ADD failed: $out" || return 1
	expect_eq "result" "$(json_get '[d["interfaces"][0]["name"],
		d["interfaces"][0]["sandbox"], d["ips"][0]["address"],
		d["ips"][0]["interface"]]' <<<"$out")" \
		"['eth0', '/run/netns/nvcnc', '10.77.0.10/24', 0]" || return 1
	vif=$(vif_name)
	expect_match "VIF" "$vif" '^nv[0-9a-f]{8}$' || return 1
	expect_eq "its MAC in the result" \
		"$(json_get 'd["interfaces"][0]["mac"]' <<<"$out")" \
		"$(vif_get "$vif" "['mac']")" &&
	expect_eq "in the container" \
		"$(ip -n nvcnc -j addr show eth0 | json_get '[d[0]["operstate"] != "DOWN",
			d[0]["addr_info"][0]["local"]]')" "[True, '10.77.0.10']" ||
		return 1
	ip netns exec nvcnc ping -c 1 -W 5 10.77.0.1 >/dev/null ||
		fail "no answer from the peer" || return 1
	expect_match "default route" "$(ip -n nvcnc route show default)" \
		"via 10.77.0.1 dev eth0"
}

# CHECK passes as ADD left it; a VLAN set behind its back, or an address
# taken away, fails it with what changed.
check_cmd() {
	local prev vif=$(vif_name)

	prev=$(conf "\"prevResult\": $ADD_RESULT")
	cni CHECK "$prev"
	[ "$rc" = 0 ] || fail "CHECK failed: $out" || return 1
	"$NVIRT" vif set "$vif" vlan 7 || return 1
	cni CHECK "$prev"
	expect_eq "CHECK of a changed VIF" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [101, 'VIF $vif has vlan 7, the config 0']" || return 1
	"$NVIRT" vif set "$vif" vlan 0 || return 1
	ip -n nvcnc addr flush dev eth0
	cni CHECK "$prev"
	expect_eq "CHECK of a lost address" "$rc $(json_get 'd["msg"]' <<<"$out")" \
		"1 eth0 lost its address 10.77.0.10/24"
}

# DEL: the VIF and its address gone; again, no error.
del() {
	cni DEL || fail "DEL failed: $out" || return 1
	vifs_gone || return 1
	[ -z "$(ls "$CNI_DIR/ipam/nvcn" | grep -v -e lock -e last_reserved)" ] ||
		fail "addresses still reserved: $(ls "$CNI_DIR/ipam/nvcn")" || return 1
	cni DEL || fail "DEL again failed: $out"
}

# Refusals: the kernel's reason, and nothing left behind.
refused() {
	local before

	before=$("$NVIRT" -j vif show; ls "$CNI_DIR/ipam/nvcn"; ip -n nvcnc -br link)
	cni ADD "$(conf '"vlan": 7, "isolation": "strict"')"
	expect_eq "refused" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [100, 'software path not chosen: strict isolation needs the NIC to enforce it']" ||
		return 1
	# Neither a NIC nor a pool: a named policy's pool, which nvirt checks.
	cni ADD "$(conf | sed 's/"parent": "nvcn0", //')"
	expect_eq "no NIC" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [7, '\"parent\" names the NIC, \"pool\" the pool to choose it from, or \"policy\" a policy that names one: one of them']" ||
		return 1
	cni ADD "$(conf '"policy": "nvcnp"' | sed 's/"parent": "nvcn0", //')"
	expect_eq "a policy nvirt has not" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [100, 'No such policy nvcnp']" || return 1
	cni ADD "$(conf '"colour": "blue"')"
	expect_eq "unknown key" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [2, '\"colour\" is not a key of the nvirt plugin']" || return 1
	# The VIF is made before the addresses: it goes when they fail.
	cni ADD "$(conf | sed 's/host-local/nvnone/')"
	expect_eq "no IPAM plugin" "$rc $(json_get '[d["code"], d["msg"]]' <<<"$out")" \
		"1 [7, 'IPAM plugin nvnone is not in CNI_PATH']" || return 1
	expect_same "state" "$before" \
		"$("$NVIRT" -j vif show; ls "$CNI_DIR/ipam/nvcn"; ip -n nvcnc -br link)"
}

# podman, rootful, with a store, a CNI config and state of the test's own.
podman_setup() {
	local p=$CNI_DIR/podman cmd

	mkdir -p "$p/net.d" "$p/root/bin" || return 1
	cat > "$p/storage.conf" <<-EOF
	[storage]
	driver = "vfs"
	graphroot = "$p/graph"
	runroot = "$p/run"
	EOF
	cat > "$p/containers.conf" <<-EOF
	[network]
	network_backend = "cni"
	network_config_dir = "$p/net.d"
	cni_plugin_dirs = ["$CNI_DIR/bin", "$PLUGINS"]
	[engine]
	cgroup_manager = "cgroupfs"
	events_logger = "none"
	tmp_dir = "$p/tmp"
	EOF
	cat > "$p/net.d/nvpod.conflist" <<-EOF
	{ "cniVersion": "1.0.0", "name": "nvpod",
	  "plugins": [$(conf)] }
	EOF
	export CONTAINERS_STORAGE_CONF=$p/storage.conf CONTAINERS_CONF=$p/containers.conf
	cp /bin/busybox "$p/root/bin/" || return 1
	for cmd in sh ip ping sleep; do
		ln -s busybox "$p/root/bin/$cmd" || return 1
	done
	mountpoint -q /sys/fs/cgroup || mount -t cgroup2 none /sys/fs/cgroup
}

# podman: a container on network nvpod pings the peer; its VIF is there
# while it runs and gone once it is removed.
podman_run() {
	podman_setup || return 1
	run podman run -d --name nvcnpod --network nvpod \
		--rootfs "$CNI_DIR/podman/root" /bin/sh -c \
		'ip -o addr show eth0; ping -c 1 -W 5 10.77.0.1 >/dev/null && echo reached; exec sleep 600'
	[ "$rc" = 0 ] || fail "podman run: $err" || return 1
	defer podman rm -f -t 0 nvcnpod
	wait_for 60 eval 'podman logs nvcnpod 2>&1 | grep -q reached' ||
		fail "no answer: $(podman logs nvcnpod 2>&1)" || return 1
	expect_match "container" "$(podman logs nvcnpod 2>&1)" \
		"eth0 +inet 10\.77\.0\.[0-9]+/24" &&
	expect_eq "its VIF" "$("$NVIRT" -j vif show | json_get 'len(d)')" 1 ||
		return 1
	podman rm -f -t 0 nvcnpod >/dev/null || return 1
	vifs_gone
}

ip netns add nvcnc && defer ip netns del nvcnc
ns_add_quiet nvcnp && defer ip netns del nvcnp
ip link add nvcn0 type veth peer name nvcn1 netns nvcnp && defer ip link del nvcn0
ip link set nvcn0 up
ip -n nvcnp link set nvcn1 up
ip -n nvcnp addr add 10.77.0.1/24 dev nvcn1
defer "CNI_COMMAND=DEL CNI_CONTAINERID=nvcnc CNI_IFNAME=eth0 CNI_NETNS=/run/netns/nvcnc $NVIRT_REPO/cni/nvirt <<<'$(conf)'"

ktap_print_header
ktap_set_plan 6
check "VERSION: 1.0.0" version
check "ADD: a VIF as eth0 in the container, addressed by host-local, reaching the peer" add
ADD_RESULT=$out
check "CHECK passes, then says what changed behind its back" check_cmd
check "DEL: the VIF and its address gone; DEL again is no error" del
check "refused ADDs: the kernel's reason, an unknown key; nothing left" refused
check "podman: a container on an nvirt network reaches the peer; rm deletes its VIF" podman_run
ktap_finished
