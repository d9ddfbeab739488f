#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages of build/deb (make deb) as a user meets them: in a
# root of its own (an overlay on the host root, which the VM has read-only)
# dpkg installs nvirt-dkms, libnvirt0, libnvirt-dev and nvirt; DKMS builds
# the module for the running kernel; the module loads, the command drives
# it, man finds its pages, a manager builds on pkg-config nvirt, the unit
# restores at boot what nvirt save wrote; then the purge leaves nothing
# behind.

source "$(dirname "$0")/lib.sh"

DEBS=${NVIRT_DEBS:-$NVIRT_REPO/build/deb}
WORK=/tmp/nvirt-deb
ROOT=$WORK/root
KREL=$(uname -r)
VERSION=$(modinfo -F version "$NVIRT_KO")
PKGS=(nvirt-dkms libnvirt0 libnvirt-dev nvirt)

in_root() { chroot "$ROOT" "$@"; }

# The host's root as it is under the tmpfs the VM mounts on /tmp,
# /var/lib, ... (selftests/vm/initramfs-init), under an overlay that takes
# the writes: dpkg's database and all.
root_up() {
	local d

	modprobe overlay 2>/dev/null
	grep -qw overlay /proc/filesystems || return 2
	mkdir -p "$WORK"/{lower,upper,work} "$ROOT" || return 1
	# A bind of / alone, without what is mounted on it.
	mount --bind / "$WORK/lower" || return 1
	defer umount "$WORK/lower"
	mount -t overlay overlay -o \
		"lowerdir=$WORK/lower,upperdir=$WORK/upper,workdir=$WORK/work" \
		"$ROOT" || return 1
	defer umount -R "$ROOT"
	for d in proc sys dev; do
		mount --rbind "/$d" "$ROOT/$d" || return 1
		mount --make-rslave "$ROOT/$d"
	done
	mount -t tmpfs tmpfs "$ROOT/tmp"
	cp "$DEBS"/*.deb "$(dirname "$0")/nvirt_manager.c" "$ROOT/tmp/"
}

install_debs() {
	local p

	local debs=()

	for p in "${PKGS[@]}"; do
		debs+=("/tmp/${p}_${VERSION}_$(dpkg --print-architecture).deb")
		[ -e "$ROOT${debs[-1]}" ] ||
			debs[-1]=/tmp/${p}_${VERSION}_all.deb
	done
	run in_root dpkg -i "${debs[@]}"
	[ "$rc" = 0 ] || fail "dpkg -i: $out $err" || return 1
	for p in "${PKGS[@]}"; do
		expect_eq "$p" "$(in_root dpkg-query -W -f '${Status} ${Version}' "$p")" \
			"install ok installed $VERSION" || return 1
	done
}

# DKMS built and installed the module for the running kernel.
dkms_built() {
	local ko

	expect_eq "dkms status" "$(in_root dkms status nvirt 2>/dev/null)" \
		"nvirt/$VERSION, $KREL, $(uname -m): installed" || return 1
	ko=$(in_root modinfo -n -k "$KREL" nvirt) || return 1
	[[ $ko == "/lib/modules/$KREL/updates/dkms/nvirt.ko"* ]] ||
		fail "module: $ko, not in updates/dkms" || return 1
	expect_eq "its version" "$(in_root modinfo -F version "$ko")" "$VERSION"
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

man_pages() {
	local page

	for page in nvirt nvirt-nic nvirt-vif nvirt-policy nvirt-monitor nvirt-save; do
		expect_eq "man -w $page" "$(in_root man -w "$page")" \
			"/usr/share/man/man8/$page.8.gz" || return 1
	done
	in_root env MANWIDTH=80 man nvirt-vif 2>/dev/null | grep -q '^SYNOPSIS' ||
		fail "man nvirt-vif shows no SYNOPSIS"
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
	run systemd-analyze verify --man=no --root="$ROOT" "$unit"
	[ "$rc" = 0 ] && [ -z "$out$err" ] ||
		fail "systemd-analyze verify: $out $err" || return 1
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

# The purge takes every file the packages had, and DKMS's build of the
# module; nothing of nvirt is left in the overlay but dpkg's records (and
# man's cache of the pages it showed).
purge_debs() {
	local files left p st

	files=$(for p in "${PKGS[@]}"; do in_root dpkg -L "$p"; done | sort -u)
	rmmod nvirt || return 1
	run in_root dpkg --purge "${PKGS[@]}"
	[ "$rc" = 0 ] || fail "dpkg --purge: $out $err" || return 1
	for p in "${PKGS[@]}"; do
		# Purged: unknown to dpkg, or known as not installed, no
		# config-files left.
		st=$(in_root dpkg-query -W -f '${Status}' "$p" 2>/dev/null)
		[[ -z $st || $st == *" not-installed" ]] ||
			fail "$p after the purge: $st" || return 1
	done
	left=$(while read -r p; do
		[ -f "$ROOT$p" ] && echo "$p"
	done <<<"$files")
	[ -z "$left" ] || fail "left: $left" || return 1
	[ -z "$(in_root dkms status nvirt)" ] || fail "dkms still has nvirt" ||
		return 1
	left=$(cd "$WORK/upper" && find . -name '*nvirt*' \
		! -path './var/lib/dpkg/*' ! -path './var/log/*' ! -path './tmp/*' \
		! -path './var/cache/man/*')
	[ -z "$left" ] || fail "left in the root: $left"
}

ktap_print_header
[ -n "$(ls "$DEBS"/*.deb 2>/dev/null)" ] ||
	ktap_exit_fail_msg "no packages in $DEBS (make deb)"
ktap_set_plan 7
# The suite's module is loaded again at the end, whatever happened.
defer 'lsmod | grep -q "^nvirt " || insmod "$NVIRT_KO"'
defer 'lsmod | grep -q "^nvirt " && rmmod nvirt'
root_up
case $? in
0) ;;
2) ktap_skip_all "no overlayfs in this kernel: the packages need a root of their own"
   exit "$KSFT_SKIP" ;;
*) ktap_exit_fail_msg "cannot make a root for dpkg" ;;
esac
check "dpkg installs the four packages" install_debs
check "DKMS built the module for the running kernel" dkms_built
check "the packaged module loads and the packaged command drives it" \
	module_and_command
check "man finds every page" man_pages
check "a manager builds on pkg-config nvirt from libnvirt-dev" manager
check "the unit restores at boot what nvirt save wrote" boot_restore
check "dpkg --purge leaves nothing behind" purge_debs
ktap_finished
