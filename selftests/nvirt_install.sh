#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What make install gives a user, from the tree the build staged with
# "make install-user install-dkms DESTDIR=build/stage PREFIX=/usr": the
# files, bash completion offering the live names, the installed command on
# the installed library, and a manager built against libnvirt through
# pkg-config alone. The man pages and completion's keywords are
# nvirt_usage.sh's, on the host.

source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/staged.sh"

TMP=$(mktemp -d /tmp/nvirt-install.XXXXXX)
defer rm -rf "$TMP"

staged_files() {
	local f

	for f in usr/sbin/nvirt usr/lib/cni/nvirt usr/include/nvirt/nvirt.h \
		 usr/lib/libnvirt.so usr/lib/libnvirt.so.0 usr/lib/libnvirt.a \
		 usr/lib/pkgconfig/nvirt.pc \
		 usr/share/man/man8/{nvirt,nvirt-nic,nvirt-vif,nvirt-policy,nvirt-monitor,nvirt-save}.8 \
		 usr/share/bash-completion/completions/nvirt \
		 usr/lib/systemd/system/nvirt.service \
		 etc/libvirt/hooks/qemu.d/nvirt \
		 "usr/src/nvirt-$(</sys/module/nvirt/version)/dkms.conf" \
		 "usr/src/nvirt-$(</sys/module/nvirt/version)/kernel/Kbuild" \
		 "usr/src/nvirt-$(</sys/module/nvirt/version)/include/uapi/linux/nvirt.h"; do
		[ -e "$STAGE/$f" ] || fail "not installed: /$f" || return 1
	done
	grep -qx "PACKAGE_VERSION=\"$(</sys/module/nvirt/version)\"" \
		"$STAGE"/usr/src/nvirt-*/dkms.conf ||
		fail "dkms.conf has another version"
}

# The installed command finds the installed library (by its rpath), not
# the build's.
installed_command() {
	local lib

	lib=$(ldd "$CMD" | awk '/libnvirt/ { print $3 }')
	expect_eq "libnvirt of $CMD" "$(readlink -f "$lib")" \
		"$(readlink -f "$STAGE/usr/lib/libnvirt.so.0")" || return 1
	run "$CMD" -j version
	expect_eq "exit status" "$rc" 0 &&
	expect_eq "module" "$(json_get 'd["module"]' <<<"$out")" \
		"$(</sys/module/nvirt/version)"
}

completion_setup() {
	ip link add nvcdum type dummy && defer ip link del nvcdum &&
	ip netns add nvcns && defer ip netns del nvcns &&
	"$NVIRT" vif add nvc0 dev nvcdum >/dev/null && defer "$NVIRT" vif del nvc0 &&
	"$NVIRT" policy add nvcpol && defer "$NVIRT" policy del nvcpol
}

# The live names, where they go.
completion_names() {
	local got

	completion_setup || return 1
	got=$(complete_line "nvirt vif set " | tr '\n' ' ')
	expect_match "vif set" "$got" "(^| )nvc0 " || return 1
	got=$(complete_line "nvirt vif add x dev nvc" | tr '\n' ' ')
	expect_eq "vif add dev" "$got" "nvcdum " || return 1
	got=$(complete_line "nvirt vif set nvc0 policy " | tr '\n' ' ')
	expect_match "policy" "$got" "(^| )nvcpol .*none " || return 1
	got=$(complete_line "nvirt vif set nvc0 netns nvc" | tr '\n' ' ')
	expect_eq "netns" "$got" "nvcns " || return 1
	got=$(complete_line "nvirt vif set nvc0 vlan 5 q" | tr '\n' ' ')
	expect_eq "after vlan" "$got" "qos " || return 1
	got=$(complete_line "nvirt vif set nvc0 mtu 1400 m" | sort | tr '\n' ' ')
	expect_eq "each key once" "$got" "mac max-rate migratable min-rate "
}

# A manager's build finds libnvirt through pkg-config only, links it and
# drives the module with it: a VIF is created on a dummy NIC and deleted.
manager_pkgconfig() {
	local flags

	flags=$(PKG_CONFIG_PATH=$STAGE/usr/lib/pkgconfig pkg-config \
		--define-variable=prefix="$STAGE/usr" --cflags --libs nvirt) ||
		return 1
	expect_match "pkg-config" "$flags" \
		"(^| )-I$STAGE/usr/include( .*)? -L$STAGE/usr/lib -lnvirt( |$)" ||
		return 1
	gcc -Wall -Werror -o "$TMP/manager" \
		"$(dirname "$0")/nvirt_manager.c" $flags || return 1
	ip link add nvmdum type dummy && defer ip link del nvmdum || return 1
	run env LD_LIBRARY_PATH=$STAGE/usr/lib "$TMP/manager" nvmdum nvm0
	expect_eq "exit status" "$rc" 0 || fail "$err" || return 1
	expect_eq "NICs" "$(grep '^nic ' <<<"$out" | cut -d' ' -f2 | sort | tr '\n' ' ')" \
		"$(ls /sys/class/net | sort | tr '\n' ' ')" || return 1
	expect_match "VIF" "$out" $'vif nvm0@nvmdum backend soft\ndeleted nvm0' ||
		return 1
	! "$NVIRT" vif show nvm0 >/dev/null 2>&1 || fail "nvm0 left" || return 1
	# Its errors carry the kernel's words.
	run env LD_LIBRARY_PATH=$STAGE/usr/lib "$TMP/manager" nvnone nvm0
	[ "$rc" = 1 ] || fail "a VIF on no NIC: status $rc" || return 1
	expect_eq "error" "$err" 'Error: vif new: No such NIC'
}

ktap_print_header
[ -d "$STAGE" ] || ktap_exit_fail_msg "no staged install in $STAGE"
ktap_set_plan 4
check "make install stages every file" staged_files
check "the installed command runs on the installed library" installed_command
check "completion offers live NIC, VIF, policy and netns names" completion_names
check "a manager links libnvirt through pkg-config and drives nvirt" \
	manager_pkgconfig
ktap_finished
