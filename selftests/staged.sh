# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the tests of what make install gives (nvirt_usage.sh,
# nvirt_install.sh): the tree the build staged with "make install-user
# install-dkms DESTDIR=build/stage PREFIX=/usr" (NVIRT_STAGE for another),
# and its bash completion as a user's shell runs it.

STAGE=${NVIRT_STAGE:-$NVIRT_REPO/build/stage}
CMD=$STAGE/usr/sbin/nvirt
MAN=$STAGE/usr/share/man/man8
COMPLETION=$STAGE/usr/share/bash-completion/completions/nvirt

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
				vif.add|policy.add|pool.add)
					complete_walk "nvirt $obj $cmd x " ;;
				vif.set) complete_walk "nvirt $obj $cmd nvc0 " ;;
				policy.set) complete_walk "nvirt $obj $cmd nvcpol " ;;
				pool.set) complete_walk "nvirt $obj $cmd nvcpool " ;;
				*) complete_walk "nvirt $obj $cmd " ;;
				esac
			done
		}
		eval "$2"' _ "$COMPLETION" "$1"
}

complete_line() {
	nvirt_completion "complete_line $(printf %q "$1")"
}
