#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A VF handed to a virtual machine through VFIO: "attach vfio" binds a VF
# VIF's VF to vfio-pci, the record says its VFIO group and PCI address,
# what the PF programs holds, and a real QEMU opens it (paused: -S, the
# device assigned all the same). The VIF is not deleted while QEMU holds
# the VF, and once QEMU is gone, deleting it gives the VF back to igbvf at
# its defaults. VFIO needs an IOMMU: the rig's emulated one
# (NVIRT_IOMMU=1, make check's iommu VM); without it the plan says
# why, and the rest is skipped.

source "$(dirname "$0")/lib.sh"

IGB=$(drv igb)
E1000=$(drv e1000)
MAC=02:00:00:00:0f:01
UNSAFE=/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts

have_iommu() {
	[ -n "$(ls /sys/kernel/iommu_groups 2>/dev/null)" ]
}

# The VIF's VF: its PCI address, from the record.
vf_pci() {
	vif_get vm0 '["attach"]["pci"]'
}

vf_driver() {
	basename "$(readlink "/sys/bus/pci/devices/$1/driver")"
}

# igb's VF table row of VF $1: MAC, VLAN, rate.
vf_row() {
	ip -j link show dev "$IGB" | json_get "
[(v['address'], (v.get('vlan_list') or [{}])[0].get('vlan', 0), v['rate']['max_tx'])
 for v in d[0]['vfinfo_list'] if v['vf'] == $1][0]"
}

# Without an IOMMU: VFIO cannot have the VF, and the plan says so.
no_iommu() {
	run "$NVIRT" vif add vm0 dev "$IGB" attach vfio
	expect_eq "refused" "$rc $err" \
		"1 Error: VF not chosen: attach vfio needs an IOMMU; $IGB is behind none." &&
	vifs_gone
}

# The VF goes to vfio-pci; the record, vif show and the PF's table agree.
to_vfio() {
	local pci group rec

	run "$NVIRT" -j vif add vm0 dev "$IGB" attach vfio dry-run
	expect_eq "dry run: VF, and what attach does" \
		"$(json_get '[d["backend"]] + [r["code"] for r in d["reasons"] if "attach" in r["code"]]' <<<"$out")" \
		"['vf', 'attach-vfio']" || return 1
	"$NVIRT" vif add vm0 dev "$IGB" attach vfio mac "$MAC" vlan 7 \
		max-rate 30 || return 1
	rec=$("$NVIRT" -j vif show vm0) || return 1
	pci=$(json_get 'd[0]["attach"]["pci"]' <<<"$rec")
	group=$(basename "$(readlink "/sys/bus/pci/devices/$pci/iommu_group")")
	expect_eq "record: backend, attach, no netdev" \
		"$(json_get 'd[0]["backend"], d[0]["attach"]["kind"], d[0]["attach"]["path"], "ifname" in d[0]' <<<"$rec")" \
		"vf vfio /dev/vfio/$group False" &&
	expect_eq "the VF's driver" "$(vf_driver "$pci")" vfio-pci &&
	[ -c "/dev/vfio/$group" ] || fail "no /dev/vfio/$group" || return 1
	expect_eq "igb's VF table" "$(vf_row "$(vif_get vm0 '["vf"]')")" \
		"('$MAC', 7, 30)" &&
	"$NVIRT" vif show vm0 | grep -q "qemu -device vfio-pci,host=$pci$" ||
		fail "vif show: no QEMU arguments: $("$NVIRT" vif show vm0)"
}

qemu_has() {
	ls -l "/proc/$1/fd" 2>/dev/null | grep -q "$2"
}

# A paused QEMU with the VF assigned: no deleting the VIF under it. Once
# it is gone, the VF goes back to igbvf with a netdev, at its defaults
# (another VIF keeps the VFs enabled, to see it), and the VFs nvirt
# enabled are disabled with the last VIF.
held_by_qemu() {
	local pci qemu vf

	pci=$(vf_pci) && vf=$(vif_get vm0 '["vf"]') || return 1
	"$NVIRT" vif add vm1 dev "$IGB" backend vf && defer "$NVIRT" vif del vm1 ||
		return 1
	# The rig's IOMMU does no interrupt remapping.
	defer "echo $(<"$UNSAFE") > $UNSAFE"
	echo Y > "$UNSAFE"
	qemu-system-x86_64 -S -M q35 -accel tcg -m 64 -nodefaults \
		-display none -device "vfio-pci,host=$pci" 2>"$tmp/qemu.err" &
	qemu=$!
	defer "kill $qemu; wait $qemu"
	# Its group, then the device itself.
	wait_for 60 qemu_has $qemu "vfio-device" ||
		fail "QEMU did not open the VF: $(cat "$tmp/qemu.err")" || return 1
	run "$NVIRT" vif del vm0
	expect_eq "del while QEMU has it" "$rc $err" \
		"1 Error: VF $pci is open through VFIO: the VM must let it go first." &&
	run "$NVIRT" vif set vm0 attach netns 1
	expect_eq "attach netns while QEMU has it" "$rc $err" \
		"1 Error: VF $pci is open through VFIO: the VM must let it go first." &&
	expect_eq "still vfio-pci's" "$(vf_driver "$pci")" vfio-pci &&
	expect_eq "still attach vfio" "$(vif_get vm0 '["attach"]["kind"]')" vfio ||
		return 1
	kill $qemu
	wait $qemu 2>/dev/null
	"$NVIRT" vif del vm0 || return 1
	expect_eq "the VF's driver after" "$(vf_driver "$pci")" igbvf &&
	expect_eq "a netdev again" "$(ls "/sys/bus/pci/devices/$pci/net" | wc -l)" 1 &&
	# No MAC, VLAN or rate of the PF's: igbvf chose a MAC of its own.
	expect_match "igb's VF table after" "$(vf_row "$vf")" \
		"^\('[0-9a-f:]+', 0, 0\)$" &&
	[[ "$(vf_row "$vf")" != *"$MAC"* ]] || fail "the VIF's MAC is left" ||
		return 1
	"$NVIRT" vif del vm1 &&
	expect_eq "VFs disabled after" "$(numvfs)" 0 && vifs_gone
}

# A VIF changes attach either way and stays itself (its id, settings and
# VF): netns -> vfio hands its VF over, vfio -> netns takes it back with
# the VF's new netdev; a soft VIF becomes a VF VIF to go to VFIO, and
# leaves it for a tap.
attach_changed() {
	local id pci vf ifname

	ip netns add nvfioa && defer ip netns del nvfioa
	"$NVIRT" vif add va dev "$IGB" backend vf mac "$MAC" vlan 7 \
		netns nvfioa && defer "$NVIRT" vif del va || return 1
	id=$(vif_get va '["id"]') && vf=$(vif_get va '["vf"]') || return 1
	run "$NVIRT" -j vif set va attach vfio dry-run
	expect_eq "dry run" "$(json_get '[r["code"] for r in d["reasons"] if "attach" in r["code"]]' <<<"$out")" \
		"['attach-vfio']" &&
	expect_eq "dry run: still in nvfioa" "$(vif_get va '["attach"]["kind"]')" netns ||
		return 1
	"$NVIRT" vif set va attach vfio || return 1
	pci=$(vif_get va '["attach"]["pci"]') || return 1
	expect_eq "to vfio: the record" \
		"$(vif_get va '["id"], d[0]["attach"]["kind"], "ifname" in d[0]')" \
		"$id vfio False" &&
	expect_eq "to vfio: the VF's driver" "$(vf_driver "$pci")" vfio-pci &&
	expect_eq "to vfio: nothing left in nvfioa" \
		"$(ip -n nvfioa -o link show | grep -vc ': lo:')" 0 &&
	expect_eq "to vfio: igb's VF table" "$(vf_row "$vf")" "('$MAC', 7, 0)" ||
		return 1

	"$NVIRT" vif set va attach netns nvfioa max-rate 20 || return 1
	ifname=$(vif_get va '["ifname"]') || return 1
	expect_eq "back: the record" \
		"$(vif_get va '["id"], d[0]["attach"]["kind"], d[0]["vf"], "pci" in d[0]["attach"]')" \
		"$id netns $vf False" &&
	expect_eq "back: the VF's driver" "$(vf_driver "$pci")" igbvf &&
	expect_eq "back: its netdev in nvfioa" \
		"$(ip -n nvfioa -j link show dev "$ifname" | json_get 'd[0]["ifalias"], d[0]["address"]')" \
		"va $MAC" &&
	expect_eq "back: igb's VF table" "$(vf_row "$vf")" "('$MAC', 7, 20)" ||
		return 1

	"$NVIRT" vif add vb dev "$IGB" backend soft mac 02:00:00:00:0f:03 &&
		defer "$NVIRT" vif del vb || return 1
	id=$(vif_get vb '["id"]') || return 1
	"$NVIRT" vif set vb backend auto attach vfio || return 1
	expect_eq "soft to vfio" \
		"$(vif_get vb '["id"], d[0]["backend"], d[0]["attach"]["kind"]')" \
		"$id vf vfio" || return 1
	pci=$(vif_get vb '["attach"]["pci"]') || return 1
	"$NVIRT" vif set vb backend soft attach tap || return 1
	expect_eq "vfio to a soft tap" \
		"$(vif_get vb '["id"], d[0]["backend"], d[0]["attach"]["kind"]')" \
		"$id soft tap" &&
	expect_eq "its VF igbvf's again" "$(vf_driver "$pci")" igbvf &&
	"$NVIRT" vif del va && "$NVIRT" vif del vb && vifs_gone
}

# What VFIO rules out: another NIC, a namespace, an MTU the guest sets.
refusals() {
	run "$NVIRT" vif add bad dev "$E1000" attach vfio
	expect_eq "on e1000" "$rc $err" \
		"1 Error: VF not chosen: $E1000 has no SR-IOV." || return 1
	ip netns add nvfio && defer ip netns del nvfio
	run "$NVIRT" vif add bad dev "$IGB" attach vfio netns nvfio
	expect_eq "with a netns" "$rc $err" \
		"1 Error: attach vfio gives the VF to a VM, not to a namespace: no netns." ||
		return 1
	"$NVIRT" vif add vm0 dev "$IGB" attach vfio && defer "$NVIRT" vif del vm0 &&
	"$NVIRT" vif add vm2 dev "$IGB" backend vf && defer "$NVIRT" vif del vm2 ||
		return 1
	run "$NVIRT" vif set vm0 mtu 1400
	expect_eq "mtu" "$rc $err" \
		"1 Error: VF $(vf_pci) is its VM's (VFIO): the guest sets its MTU." ||
		return 1
	run "$NVIRT" vif set vm2 attach vfio netns nvfio
	expect_eq "set with a netns" "$rc $err" \
		"1 Error: attach vfio gives the VF to a VM, not to a namespace: no netns." &&
	expect_eq "vm2 untouched" "$(vif_get vm2 '["attach"]["kind"]')" netns
}

[ -n "$IGB" ] || { ktap_print_msg "no igb: the standard rig has one"; exit "$KSFT_FAIL"; }
ip link set "$IGB" up
modprobe igbvf
tmp=$(mktemp -d)
defer rm -rf "$tmp"
ktap_print_header
if ! have_iommu; then
	ktap_set_plan 1
	check "no IOMMU: attach vfio refused, the plan says why" no_iommu
	ktap_finished
fi
ktap_set_plan 4
check "attach vfio: the VF is vfio-pci's, its group and address in the record" to_vfio
check "a QEMU holding the VF: del and attach refused; after it, the VF is igbvf's again" held_by_qemu
check "attach changed both ways: the same VIF, its VF handed over and taken back" attach_changed
check "refusals: no SR-IOV, a netns, the MTU" refusals
ktap_finished
