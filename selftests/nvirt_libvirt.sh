#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# libvirt with nvirt's QEMU hook (libvirt/nvirt-hook): libvirtd defines
# and starts (paused) a domain whose metadata names an nvirt VIF and
# whose <interface type="ethernet"> targets it; the hook makes the VIF
# from a named policy, as a tap, with the interface's MAC, and libvirt
# opens its /dev/tapN as it opens macvtap's: QEMU holds it. virsh destroy
# deletes the VIF; a VIF whose named policy names a pool is made on a NIC
# of that pool; a VIF nvirt refuses fails the start with nvirt's
# message and leaves nothing. A VF nvirt gave to VFIO is a domain's
# unmanaged <hostdev>, which its QEMU opens.
#
# libvirtd runs on writable copies of its directories (the VM's root is
# read-only): as root, no security driver, no cgroups, QEMU's output in a
# file.

source "$(dirname "$0")/lib.sh"

command -v libvirtd >/dev/null || {
	ktap_skip_all "libvirtd is not installed"
	exit "$KSFT_SKIP"
}

TMP=$(mktemp -d /tmp/nvirt-libvirt.XXXXXX)
defer rm -rf "$TMP"
MAC=52:54:00:7b:00:01

# Each of libvirt's directories writable: made where the VM has a tmpfs
# (/var/lib), else copied and the copy mounted over it.
libvirt_dirs() {
	local d

	mkdir -p /var/lib/libvirt || return 1
	for d in /etc/libvirt /var/log/libvirt /var/cache/libvirt; do
		mkdir -p "$TMP/root$d" && cp -a "$d/." "$TMP/root$d/" &&
			mount --bind "$TMP/root$d" "$d" || return 1
		defer umount "$d"
	done
	cat >> /etc/libvirt/qemu.conf <<-EOF
	user = "root"
	group = "root"
	security_driver = "none"
	namespaces = [ ]
	cgroup_controllers = [ ]
	stdio_handler = "file"
	remember_owner = 0
	EOF
	# The hook as the package installs it, on the tree's CLI.
	mkdir -p /etc/libvirt/hooks/qemu.d && cat > /etc/libvirt/hooks/qemu.d/nvirt <<-EOF
	#!/bin/sh
	NVIRT=$NVIRT exec python3 $NVIRT_REPO/libvirt/nvirt-hook "\$@"
	EOF
	chmod +x /etc/libvirt/hooks/qemu.d/nvirt
}

virsh() {
	command virsh -q -c qemu:///system "$@"
}

libvirt_up() {
	libvirt_dirs || return 1
	libvirtd -d || return 1
	defer 'pkill -x libvirtd; wait_for 10 eval "! pgrep -x libvirtd"'
	wait_for 120 eval 'virsh version >/dev/null 2>&1' ||
		fail "libvirtd does not answer"
}

# domain_xml NAME DEVICES [METADATA]: a small domain with those devices
domain_xml() {
	cat <<-EOF
	<domain type="qemu">
	  <name>$1</name>
	  <memory unit="MiB">32</memory>
	  <vcpu>1</vcpu>
	  <os><type arch="x86_64" machine="pc">hvm</type></os>
	  <!-- Without it libvirt 9 passes -no-acpi, which QEMU 10 lost. -->
	  <features><acpi/></features>
	  ${3:-}
	  <devices>
	    <emulator>$(command -v qemu-system-x86_64)</emulator>
	    $2
	  </devices>
	</domain>
	EOF
}

# domain NAME WHERE: a domain whose interface is VIF nvlvt, its
# <nvirt:vif> attributes but target WHERE (parent="eth0" policy="gold")
domain() {
	domain_xml "$1" "<interface type=\"ethernet\">
	      <mac address=\"$MAC\"/>
	      <target dev=\"nvlvt\" managed=\"no\"/>
	      <model type=\"virtio\"/>
	    </interface>" "<metadata>
	    <nvirt:vifs xmlns:nvirt=\"urn:nvirt:libvirt:1\">
	      <nvirt:vif target=\"nvlvt\" $2/>
	    </nvirt:vifs>
	  </metadata>"
}

# Started, the domain's QEMU holds the VIF's tap; destroyed, it is gone.
start_destroy() {
	local path pid

	domain nvlvdom 'parent="nvlv0" policy="nvlvgold"' > "$TMP/dom.xml" &&
		virsh define "$TMP/dom.xml" >/dev/null || return 1
	defer virsh undefine nvlvdom
	run virsh start --paused nvlvdom
	[ "$rc" = 0 ] || fail "start: $err" || return 1
	defer virsh destroy nvlvdom
	expect_eq "the VIF" "$(vif_get nvlvt '["policy_name"], d[0]["attach"]["kind"], d[0]["mac"]')" \
		"nvlvgold tap $MAC" || return 1
	path=$(vif_get nvlvt '["attach"]["path"]')
	pid=$(cat /run/libvirt/qemu/nvlvdom.pid) || return 1
	ls -l "/proc/$pid/fd" | grep -q " -> $path\$" ||
		fail "QEMU ($pid) does not hold $path" || return 1
	virsh destroy nvlvdom >/dev/null || return 1
	vifs_gone
}

# The domain's VIF follows a policy that names a pool: made on a NIC of it.
from_pool() {
	defer "$NVIRT" policy del nvlvpp
	defer "$NVIRT" pool del nvlvp
	"$NVIRT" pool add nvlvp dev nvlv0 &&
	"$NVIRT" policy add nvlvpp goal density pool nvlvp || return 1
	domain nvlvpdom 'policy="nvlvpp"' > "$TMP/pdom.xml" &&
		virsh define "$TMP/pdom.xml" >/dev/null || return 1
	defer virsh undefine nvlvpdom
	run virsh start --paused nvlvpdom
	[ "$rc" = 0 ] || fail "start: $err" || return 1
	defer virsh destroy nvlvpdom
	expect_eq "the VIF, from the policy's pool" \
		"$(vif_get nvlvt '["parent"], d[0]["pool"], d[0]["attach"]["kind"]')" \
		"nvlv0 nvlvp tap" || return 1
	virsh destroy nvlvpdom >/dev/null || return 1
	vifs_gone
}

# A VIF nvirt refuses: no start, nvirt's message, nothing left.
refused() {
	domain nvlvbad 'parent="nvlvnone" policy="nvlvgold"' > "$TMP/bad.xml" &&
		virsh define "$TMP/bad.xml" >/dev/null || return 1
	defer virsh undefine nvlvbad
	run virsh start --paused nvlvbad
	[ "$rc" != 0 ] || fail "it started" || return 1
	expect_match "message" "$err" "nvirt: domain nvlvbad: VIF nvlvt: Error: No such NIC\\." &&
	expect_eq "state" "$(virsh domstate nvlvbad)" "shut off" &&
	vifs_gone
}

# domain_vf NAME PCI: a domain given the VF at PCI, unmanaged: nvirt bound
# it to vfio-pci and gives it back.
domain_vf() {
	local a=(${2//[:.]/ })

	domain_xml "$1" "<hostdev mode=\"subsystem\" type=\"pci\" managed=\"no\">
	      <source><address domain=\"0x${a[0]}\" bus=\"0x${a[1]}\" slot=\"0x${a[2]}\" function=\"0x${a[3]}\"/></source>
	    </hostdev>"
}

# A VF given to VFIO (attach vfio), its address in a domain's <hostdev>:
# the domain's QEMU opens it; destroyed, the VIF's deletion gives it back.
# VFIO needs an IOMMU: skipped without one (make check's iommu VM has it).
hostdev() {
	local igb pci pid unsafe=/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts

	[ -n "$(ls /sys/kernel/iommu_groups 2>/dev/null)" ] || {
		ktap_test_skip "a VF as a domain's hostdev: no IOMMU in this VM"
		return 2
	}
	igb=$(drv igb)
	ip link set "$igb" up && modprobe igbvf || return 1
	"$NVIRT" vif add nvlvf dev "$igb" attach vfio mac "$MAC" || return 1
	defer "$NVIRT" vif del nvlvf
	pci=$(vif_get nvlvf '["attach"]["pci"]')
	modprobe vfio_iommu_type1 && defer "echo $(<"$unsafe") > $unsafe" &&
		echo Y > "$unsafe" || return 1	# the rig's IOMMU: no IR
	domain_vf nvlvvf "$pci" > "$TMP/vf.xml" &&
		virsh define "$TMP/vf.xml" >/dev/null || return 1
	defer virsh undefine nvlvvf
	run virsh start --paused nvlvvf
	[ "$rc" = 0 ] || fail "start: $err" || return 1
	defer virsh destroy nvlvvf
	pid=$(cat /run/libvirt/qemu/nvlvvf.pid) || return 1
	ls -l "/proc/$pid/fd" | grep -q "vfio-device" ||
		fail "QEMU ($pid) does not hold VF $pci" || return 1
	run "$NVIRT" vif del nvlvf
	[ "$rc" != 0 ] || fail "deleted while the domain runs" || return 1
	virsh destroy nvlvvf >/dev/null && "$NVIRT" vif del nvlvf &&
	vifs_gone
}

ktap_print_header
ktap_set_plan 5
ip link add nvlv0 type dummy && defer ip link del nvlv0 && ip link set nvlv0 up
"$NVIRT" policy add nvlvgold goal density && defer "$NVIRT" policy del nvlvgold
mountpoint -q /sys/fs/cgroup || mount -t cgroup2 none /sys/fs/cgroup
check "libvirtd runs, with nvirt's hook" libvirt_up
check "a domain started: its VIF made by the hook from policy, its tap in QEMU; destroy deletes it" start_destroy
check "a domain whose VIF's policy names a pool: made on a NIC of it" from_pool
check "a VIF nvirt refuses: no start, nvirt's message, nothing left" refused
check_or_skip "a VF given to VFIO: a domain's hostdev, open in its QEMU; deleted after" hostdev
ktap_finished
