# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# KTAP results of the host's check scripts (static-checks, ring-checks,
# fuzz-checks), sourced by them after their plan line.
#
# result STATUS DESCRIPTION [LOG]: "ok N DESCRIPTION" for status 0, else
# "not ok N DESCRIPTION" and, as diagnostics, the last 40 lines of LOG
# that are not progress (lines matching $KTAP_NOISE, an extended regex).
# The script ends with [ "$ktap_fails" = 0 ].

ktap_n=0
ktap_fails=0

result() {
	ktap_n=$((ktap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $ktap_n $2"
		return 0
	fi
	echo "not ok $ktap_n $2"
	ktap_fails=$((ktap_fails + 1))
	[ -n "${3:-}" ] && [ -e "$3" ] || return 0
	grep -Ev "${KTAP_NOISE:-^$}" "$3" | tail -n 40 | sed 's/^/# /'
}
