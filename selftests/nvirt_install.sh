#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What make install gives a user, from the tree the build staged with
# "make install-user install-dkms DESTDIR=build/stage PREFIX=/usr": the
# files, man pages that render and document every keyword of help, bash
# completion that offers every keyword of help (and the live names), the
# installed command on the installed library, and a manager built against
# libnvirt through pkg-config alone.

source "$(dirname "$0")/lib.sh"

STAGE=${NVIRT_STAGE:-$NVIRT_REPO/build/stage}
CMD=$STAGE/usr/sbin/nvirt
MAN=$STAGE/usr/share/man/man8
COMPLETION=$STAGE/usr/share/bash-completion/completions/nvirt
TMP=$(mktemp -d /tmp/nvirt-install.XXXXXX)
defer rm -rf "$TMP"

staged_files() {
	local f

	for f in usr/sbin/nvirt usr/include/nvirt/nvirt.h \
		 usr/lib/libnvirt.so usr/lib/libnvirt.so.0 usr/lib/libnvirt.a \
		 usr/lib/pkgconfig/nvirt.pc \
		 usr/share/man/man8/{nvirt,nvirt-nic,nvirt-vif,nvirt-policy,nvirt-monitor,nvirt-save}.8 \
		 usr/share/bash-completion/completions/nvirt \
		 usr/lib/systemd/system/nvirt.service \
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

man_render() { groff -t -man -Tascii -P-cbou "$@"; }

man_pages_render() {
	local page warn

	for page in "$MAN"/*.8; do
		warn=$(groff -t -man -Tascii -ww -z "$page" 2>&1)
		[ -z "$warn" ] || fail "${page##*/}: $warn" || return 1
		man_render "$page" | grep -q '^SYNOPSIS' ||
			fail "${page##*/} has no SYNOPSIS" || return 1
	done
}

# The keywords of help text on stdin: the words of its syntax lines
# (usage lines, "X := { ... }" or "[ ... ]" and their continuations), not
# of its prose; placeholders are in capitals.
help_keywords() {
	grep -E '^Usage:|^ +nvirt |^(where)? *[A-Z0-9]+ := [[{]|^ +[[{]' |
		sed -e 's/^Usage://' -e 's/^\(where\)\? *[A-Z0-9]* :=//' \
		    -e 's/-[A-Za-z]\[[a-z]*\]//g' -e 's/\.\.\.//g' |
		tr -s ' {}[]|' '\n' | grep -xE '[a-z][a-z0-9-]*|802\.1(Q|ad)' |
		sort -u
}

# The keywords of "nvirt OBJECT help" ("nvirt help" for none).
object_keywords() {
	"$CMD" ${1:+"$1"} help | help_keywords
}

man_has_every_keyword() {
	local obj page text k opt brief rest missing=

	for obj in "" nic vif policy monitor save restore; do
		page=$MAN/nvirt${obj:+-${obj/restore/save}}.8
		text=$(man_render "$page")
		for k in $(object_keywords "$obj"); do
			grep -qw -- "$k" <<<"$text" || missing+=" $k"
		done
		[ -z "$missing" ] ||
			fail "${page##*/} lacks:$missing" || return 1
	done
	# The options, in both spellings: -j[son] is -j and -json.
	text=$(man_render "$MAN/nvirt.8")
	for opt in $("$CMD" help | grep -oE -- '-[A-Za-z]\[[a-z]+\]'); do
		brief=${opt%%[*}
		rest=${opt#*[}
		for k in "$brief" "$brief${rest%]}"; do
			grep -q -- "$k" <<<"$text" || missing+=" $k"
		done
	done
	[ -z "$missing" ] || fail "nvirt.8 lacks:$missing"
}

# The completion as an interactive shell has it (with bash-completion's
# helpers when they are installed), loaded once in one bash that runs
# SCRIPT with these functions (nvirt_completion SCRIPT):
#   complete_line LINE    what is offered for LINE (its last word is the
#                         one being completed), one per line;
#   complete_walk PREFIX  everything offered for "PREFIX": the words, what
#                         is offered after each, and after each with a
#                         value (for qos and proto, which follow vlan);
#   object_completions OBJECT  what is offered for OBJECT's commands.
nvirt_completion() {
	PATH=$STAGE/usr/sbin:$PATH bash -c '
		[ -r /usr/share/bash-completion/bash_completion ] &&
			source /usr/share/bash-completion/bash_completion
		source "$1"
		complete_line() {
			local COMP_WORDS COMP_CWORD COMP_LINE COMP_POINT
			local COMPREPLY=()

			read -ra COMP_WORDS <<<"$1"
			[ "${1: -1}" = " " ] && COMP_WORDS+=("")
			COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
			COMP_LINE=$1
			COMP_POINT=${#1}
			_nvirt nvirt "${COMP_WORDS[COMP_CWORD]}" \
				"${COMP_WORDS[COMP_CWORD - 1]}"
			[ ${#COMPREPLY[@]} = 0 ] || printf "%s\n" "${COMPREPLY[@]}"
		}
		complete_walk() {
			local prefix=$1 k v

			for k in $(complete_line "$prefix"); do
				echo "$k"
				for v in $(complete_line "$prefix$k "); do
					echo "$v"
				done
				for v in $(complete_line "$prefix$k 1 "); do
					echo "$v"
					complete_line "$prefix$k 1 $v "
				done
			done | sort -u
		}
		object_completions() {
			local obj=$1 cmd

			complete_line "nvirt $obj "
			for cmd in $(complete_line "nvirt $obj "); do
				case $obj.$cmd in
				*.help) ;;
				vif.add|policy.add) complete_walk "nvirt $obj $cmd x " ;;
				vif.set) complete_walk "nvirt $obj $cmd nvc0 " ;;
				policy.set) complete_walk "nvirt $obj $cmd nvcpol " ;;
				*) complete_walk "nvirt $obj $cmd " ;;
				esac
			done
		}
		eval "$2"' _ "$COMPLETION" "$1"
}

complete_line() {
	nvirt_completion "complete_line $(printf %q "$1")"
}

# What completion offers for the commands of OBJECT, with the names it
# knows taken out.
object_completions() {
	nvirt_completion "object_completions $1" | grep -vxF -f "$TMP/names" | sort -u
}

completion_setup() {
	ip link add nvcdum type dummy && defer ip link del nvcdum &&
	ip netns add nvcns && defer ip netns del nvcns &&
	"$NVIRT" vif add nvc0 dev nvcdum >/dev/null && defer "$NVIRT" vif del nvc0 &&
	"$NVIRT" policy add nvcpol && defer "$NVIRT" policy del nvcpol || return 1
	{ ls /sys/class/net; echo nvc0; echo nvcpol; echo nvcns; } > "$TMP/names"
}

# Completion offers each keyword of help where it goes, and nothing help
# does not have.
completion_has_every_keyword() {
	local obj help comp extra missing

	completion_setup || return 1
	# save and restore offer files too: of an empty directory, none.
	mkdir "$TMP/empty" && cd "$TMP/empty" || return 1
	for obj in nic vif policy monitor version save restore; do
		help=$(object_keywords "$obj" | grep -vxF -e nvirt -e "$obj")
		comp=$(object_completions "$obj")
		missing=$(comm -23 <(echo "$help") <(echo "$comp") | tr '\n' ' ')
		extra=$(comm -13 <(echo "$help") <(echo "$comp") | tr '\n' ' ')
		[ -z "$missing" ] ||
			fail "nvirt $obj: completion lacks $missing" || return 1
		[ -z "$extra" ] ||
			fail "nvirt $obj: completion offers $extra(not in help)" || return 1
	done
	help=$(object_keywords "" | grep -vx nvirt | tr '\n' ' ')
	comp=$(complete_line "nvirt " | sort | tr '\n' ' ')
	cd - >/dev/null || return 1
	expect_eq "objects" "$comp" "$help"
}

# The live names, where they go.
completion_names() {
	local got

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
ktap_set_plan 7
check "make install stages every file" staged_files
check "the installed command runs on the installed library" installed_command
check "the man pages render without a warning" man_pages_render
check "the man pages document every keyword of help" man_has_every_keyword
check "completion offers every keyword of help and no other" \
	completion_has_every_keyword
check "completion offers live NIC, VIF, policy and netns names" completion_names
check "a manager links libnvirt through pkg-config and drives nvirt" \
	manager_pkgconfig
ktap_finished
