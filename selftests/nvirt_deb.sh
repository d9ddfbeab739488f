#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages of build/deb (make deb) as a user meets them, where
# only a kernel can tell: scripts/deb-checks installed them on the host
# (DKMS's build of the module takes a minute there, more than ten under
# TCG) and kept what the install added in build/deb-root. Here that is a
# layer over the host root, under an overlay that takes the writes: the
# module DKMS built loads, the packaged command drives it, a manager built
# on pkg-config nvirt drives it, and the unit restores at boot what nvirt
# save wrote.

source "$(dirname "$0")/lib.sh"

KEEP=${NVIRT_DEB_ROOT:-$NVIRT_REPO/build/deb-root}
WORK=/tmp/nvirt-deb
ROOT=$WORK/root
KREL=$(uname -r)
VERSION=$(modinfo -F version "$NVIRT_KO")
PKGS=(nvirt-dkms libnvirt0 libnvirt-dev nvirt)

in_root() { chroot "$ROOT" "$@"; }

# The host's root as it is under the tmpfs the VM mounts on /tmp,
# /var/lib, ... (selftests/vm/initramfs-init), with the install on it.
root_up() {
	local d

	modprobe overlay 2>/dev/null
	grep -qw overlay /proc/filesystems || return 2
	mkdir -p "$WORK"/{lower,upper,work} "$ROOT" || return 1
	# A bind of / alone, without what is mounted on it.
	mount --bind / "$WORK/lower" || return 1
	defer umount "$WORK/lower"
	# The install in a layer of its own; a copy, as a layer inside
	# another (build/ is in /) is refused.
	cp -a "$KEEP" "$WORK/install" || return 1
	mount -t overlay overlay -o \
		"lowerdir=$WORK/install:$WORK/lower,upperdir=$WORK/upper,workdir=$WORK/work" \
		"$ROOT" || return 1
	defer umount -R "$ROOT"
	for d in proc sys dev; do
		mount --rbind "/$d" "$ROOT/$d" || return 1
		mount --make-rslave "$ROOT/$d"
	done
	mount -t tmpfs tmpfs "$ROOT/tmp"
	cp "$(dirname "$0")/nvirt_manager.c" "$ROOT/tmp/"
}

# The root is the one scripts/deb-checks left: the four packages
# installed, DKMS's build of the module for this kernel.
installed() {
	local p

	for p in "${PKGS[@]}"; do
		expect_eq "$p" "$(in_root dpkg-query -W -f '${Status} ${Version}' "$p")" \
			"install ok installed $VERSION" || return 1
	done
	grep -qxF "nvirt/$VERSION, $KREL, $(uname -m): installed" \
		<<<"$(in_root dkms status nvirt 2>/dev/null)" ||
		fail "dkms status: $(in_root dkms status nvirt)"
}

# It is the module that loads (not the one the suite loaded), and the
# packaged command on the packaged library drives it.
module_and_command() {
	local lib

	lsmod | grep -q '^nvirt ' && { rmmod nvirt || return 1; }
	in_root modprobe nvirt || return 1
	expect_eq "loaded" "$(</sys/module/nvirt/srcversion)" \
		"$(in_root modinfo -F srcversion -k "$KREL" nvirt)" || return 1
	lib=$(in_root ldd /usr/sbin/nvirt | awk '/libnvirt/ { print $3 }')
	expect_eq "libnvirt" "$(in_root readlink -f "$lib")" \
		"$(in_root readlink -f "/usr/lib/$(in_root dpkg-architecture \
		-qDEB_HOST_MULTIARCH)/libnvirt.so.0")" || return 1
	ip link add nvddum type dummy && defer ip link del nvddum || return 1
	in_root nvirt vif add nvd0 dev nvddum >/dev/null || return 1
	expect_eq "VIF" "$(in_root nvirt -j vif show nvd0 | json_get 'd[0]["backend"]')" \
		soft || return 1
	[ -e /sys/class/net/nvd0 ] || fail "no netdev nvd0" || return 1
	in_root nvirt vif del nvd0 &&
	[ ! -e /sys/class/net/nvd0 ] || fail "nvd0 left"
}

# A manager's build: pkg-config nvirt from libnvirt-dev, nothing else.
manager() {
	ip link add nvmdum type dummy && defer ip link del nvmdum || return 1
	run in_root sh -c 'gcc -Wall -Werror -o /tmp/manager /tmp/nvirt_manager.c \
		$(pkg-config --cflags --libs nvirt) && /tmp/manager nvmdum nvm0'
	expect_eq "exit status" "$rc" 0 || fail "$err" || return 1
	expect_match "manager" "$out" $'vif nvm0@nvmdum backend soft\ndeleted nvm0'
}

# As at boot: nvirt save writes its default file; the module comes back
# empty; what the packaged unit runs (ExecStartPre, ExecStart) makes it
# all again.
boot_restore() {
	local unit=/lib/systemd/system/nvirt.service cmd saved

	[ -e "$ROOT$unit" ] || fail "no $unit" || return 1
	ip link add nvbdum type dummy && defer ip link del nvbdum || return 1
	in_root nvirt policy add nvbp goal latency &&
		in_root nvirt vif add nvb0 dev nvbdum mtu 1400 policy nvbp &&
		in_root nvirt save || return 1
	[ -s "$ROOT/etc/nvirt/nvirt.conf" ] ||
		fail "nvirt save wrote no /etc/nvirt/nvirt.conf" || return 1
	saved=$(in_root nvirt save -) || return 1
	rmmod nvirt || return 1
	while read -r cmd; do
		# A "-" before the command: its failure is no failure.
		in_root sh -c "${cmd#-}" >/dev/null || [ "${cmd:0:1}" = - ] ||
			fail "$cmd failed" || return 1
	done < <(sed -n 's/^ExecStart\(Pre\)\{0,1\}=//p' "$ROOT$unit")
	expect_eq "restored" "$(in_root nvirt save -)" "$saved" || return 1
	in_root nvirt vif del nvb0 && in_root nvirt policy del nvbp
}

ktap_print_header
# DKMS built for the test VM's kernel and Debian 12's default (make check
# boots both).
if ! grep -qxF "$KREL" "$NVIRT_REPO/build/kver" "$NVIRT_REPO/build/kver-lts" 2>/dev/null; then
	ktap_skip_all "DKMS built the packages' module for $(cat "$NVIRT_REPO"/build/kver*), not $KREL"
	exit "$KSFT_SKIP"
fi
[ -d "$KEEP/var/lib/dkms/nvirt" ] ||
	ktap_exit_fail_msg "no install in $KEEP (scripts/deb-checks, run by make check)"
ktap_set_plan 4
# The suite's module is loaded again at the end, whatever happened.
defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
defer 'lsmod | grep -q "^nvirt " && rmmod nvirt'
root_up
case $? in
0) ;;
2) ktap_skip_all "no overlayfs in this kernel: the packages need a root of their own"
   exit "$KSFT_SKIP" ;;
*) ktap_exit_fail_msg "cannot make a root for the packages" ;;
esac
check "the packages are installed, DKMS's module built for $KREL" installed
check "the packaged module loads and the packaged command drives it" \
	module_and_command
check "a manager built on pkg-config nvirt drives it" manager
check "the unit restores at boot what nvirt save wrote" boot_restore
ktap_finished
