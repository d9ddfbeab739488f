#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What a user reads and is offered matches what the command takes, in the
# tree the build staged ("make install-user install-dkms
# DESTDIR=build/stage PREFIX=/usr"): help has every key of the CLI's one
# keyword table, the man pages render without a warning and document every
# keyword of help, and bash completion offers every keyword of help where
# it goes, and no other. Needs neither the
# module nor root: make check runs it on the host (its thousands of
# completions are minutes under TCG); nvirt_install.sh tries the names
# completion gets from a live module in the VM.

source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/staged.sh"

TMP=$(mktemp -d /tmp/nvirt-usage.XXXXXX)
defer rm -rf "$TMP"

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

	for obj in "" nic vif policy pool monitor save restore; do
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

# What completion offers for the commands of OBJECT, with the names it
# knows taken out.
object_completions() {
	nvirt_completion "object_completions $1" | grep -vxF -f "$TMP/names" | sort -u
}

# Completion offers each keyword of help where it goes, and nothing help
# does not have.
completion_has_every_keyword() {
	local obj help comp extra missing

	{ ls /sys/class/net; ip netns list | cut -d' ' -f1; } > "$TMP/names"
	# save and restore offer files too: of an empty directory, none.
	mkdir "$TMP/empty" && cd "$TMP/empty" || return 1
	for obj in nic vif policy pool monitor version save restore; do
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

# Help is the keyword table's (cli/keys.c: what vif add/set, policy
# add/set and save read): every key in vif's help, a named policy's in
# policy's and only those; man pages and completion are held to help above.
help_is_the_key_table() {
	local table=$(dirname "$0")/../cli/keys.c vif pol named k missing=

	vif=$(grep -oE '^\s*KEY\("[a-z0-9-]+"' "$table" | cut -d'"' -f2)
	named=$(grep -E '^\s*KEY\(.*\.named = true' "$table" | cut -d'"' -f2)
	[ -n "$vif" ] && [ -n "$named" ] || fail "no keys read from $table" || return 1
	for k in $vif; do
		object_keywords vif | grep -qx -- "$k" || missing+=" vif:$k"
	done
	pol=$(object_keywords policy | grep -vx -e nvirt -e policy)
	for k in $vif; do
		if grep -qx -- "$k" <<<"$named"; then
			grep -qx -- "$k" <<<"$pol" || missing+=" policy:$k"
		elif grep -qx -- "$k" <<<"$pol"; then
			missing+=" policy:-$k"
		fi
	done
	[ -z "$missing" ] || fail "help and cli/keys.c differ:$missing"
}

ktap_print_header
[ -x "$CMD" ] || ktap_exit_fail_msg "no staged install in $STAGE"
ktap_set_plan 4
check "help has every key of the table, where it goes" help_is_the_key_table
check "the man pages render without a warning" man_pages_render
check "the man pages document every keyword of help" man_has_every_keyword
check "completion offers every keyword of help and no other" \
	completion_has_every_keyword
ktap_finished
