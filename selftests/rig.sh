# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The test VM's rig, for every shell job that runs in it: the selftests
# (lib.sh), the benchmarks (bench/vm/lib.sh) and make run's demo
# (scripts/demo). Sourced; defines functions only.

# drv DRIVER: the first netdev of this namespace bound to DRIVER (a PCI
# or virtio driver), or nothing.
drv() {
	local d

	for d in /sys/class/net/*; do
		if [ "$(basename "$(readlink "$d/device/driver")" 2>/dev/null)" = "$1" ]; then
			basename "$d"
			return
		fi
	done
}
