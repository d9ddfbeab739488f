/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the policy engine, from what a user wants to a plan for a NIC.
 *
 * A pure function: no locks, no allocation, no kernel state. It is built
 * into the module and into a userspace test program (selftests/), which
 * provides the few kernel types it uses.
 */

#ifndef _NVIRT_POLICY_H
#define _NVIRT_POLICY_H

#ifdef __KERNEL__
#include <linux/types.h>
#endif

#include <uapi/linux/nvirt.h>

/**
 * struct nvirt_policy - what a user wants of a VIF
 * @goal: enum nvirt_goal
 * @isolation: enum nvirt_isolation
 * @migratable: the guest must stay live-migratable
 * @visibility: enum nvirt_visibility
 * @g2g: enum nvirt_g2g, the guest-to-guest path asked for
 * @priority: claim on scarce hardware; higher displaces lower
 * @backend: enum nvirt_backend; auto unless the user insists on one
 *
 * libnvirt's struct nvirt_policy is the same wish (its backend is a
 * setting of the VIF's).
 */
struct nvirt_policy {
	u8 goal;
	u8 isolation;
	bool migratable;
	u8 visibility;
	u8 g2g;
	u32 priority;
	u8 backend;
};

/**
 * struct nvirt_plan_in - what the engine plans from
 * @goal: enum nvirt_goal
 * @isolation: enum nvirt_isolation
 * @migratable: the guest must stay live-migratable
 * @visibility: enum nvirt_visibility
 * @g2g: enum nvirt_g2g, the guest-to-guest path asked for
 * @priority: claim on scarce hardware; higher displaces lower
 * @min_rate: transmit guarantee in Mb/s, 0 for none
 * @max_rate: transmit limit in Mb/s, 0 for none
 * @backend: enum nvirt_backend; auto unless the user insists on one
 * @vlan: the VIF is confined to a VLAN
 * @vlan_8021ad: with 802.1ad tags
 * @spoofchk: the VIF is spoof-checked
 * @trust: the guest may change its MAC
 * @link_state: the VIF's link is forced up or down
 * @attach: enum nvirt_attach, how the VIF is handed to its guest
 *
 * @goal to @priority and @backend are the VIF's policy; the rates and
 * @vlan to @attach mirror its settings.
 */
struct nvirt_plan_in {
	u8 goal;
	u8 isolation;
	bool migratable;
	u8 visibility;
	u8 g2g;
	u32 priority;
	u32 min_rate;
	u32 max_rate;
	u8 backend;
	bool vlan;
	bool vlan_8021ad;
	bool spoofchk;
	bool trust;
	bool link_state;
	u8 attach;
};

/**
 * struct nvirt_policy_nic - what the engine knows of a NIC and its use
 * @name: its name, for the reasons' texts
 * @hw: it has a hardware device behind it
 * @speed: link speed in Mb/s, 0 when unknown
 * @knob: enum nvirt_support by enum nvirt_knob, from its capability record
 * @failed: bits of the knobs it declares but failed when tested (nic verify)
 * @sriov: it is an SR-IOV PF
 * @vfs_free: VFs a VIF could have now (enabling them if need be)
 * @vfs_unbound: VFs enabled that no driver serves (no netdev)
 * @vf_pci_id: their PCI vendor (high half) and device id
 * @queues_free: transmit queues a queue VIF could have now
 * @guaranteed: minimum rates already granted on it, in Mb/s
 * @holder: lowest-priority VIF holding one of its VFs, or 0
 * @holder_priority: that VIF's priority
 * @queue_holder: lowest-priority VIF holding one of its queues, or 0
 * @queue_holder_priority: that VIF's priority
 * @esw: its embedded switch can loop frames between its functions
 * @esw_vepa: that switch is in VEPA mode: it sends them out to the
 *	external switch instead
 * @rx_held: who else holds its receive handler, which the queue and soft
 *	backends need ("bridge"), or NULL
 * @rx_held_by: that holder's device, or NULL
 * @iommu: it is behind an IOMMU, as VFIO needs (attach vfio)
 */
struct nvirt_policy_nic {
	const char *name;
	bool hw;
	u32 speed;
	u8 knob[NVIRT_KNOB_MAX + 1];
	unsigned long failed;
	bool sriov;
	u32 vfs_free;
	u32 vfs_unbound;
	u32 vf_pci_id;
	u32 queues_free;
	u64 guaranteed;
	u32 holder;
	u32 holder_priority;
	u32 queue_holder;
	u32 queue_holder_priority;
	bool esw;
	bool esw_vepa;
	const char *rx_held;
	const char *rx_held_by;
	bool iommu;
};

#define NVIRT_PLAN_REASONS	16
/* As NETLINK_MAX_FMTMSG_LEN: a reason can be an extack message. */
#define NVIRT_PLAN_TEXT		80

/**
 * struct nvirt_plan_why - one reason of a plan
 * @code: enum nvirt_plan_reason
 * @text: what a user reads
 */
struct nvirt_plan_why {
	u16 code;
	char text[NVIRT_PLAN_TEXT];
};

/**
 * struct nvirt_plan - how a NIC realizes a policy, and why
 * @err: 0, or the negative errno of a refusal
 * @backend: enum nvirt_backend
 * @enforce: enum nvirt_support by enum nvirt_setting, 0 when not in effect
 * @g2g: enum nvirt_g2g, the path between this VIF and its neighbours
 * @migratable: the VIF can be live-migrated
 * @displace: a VIF whose VF or queue (per @backend) this one takes; it
 *	falls back
 * @cause: on a refusal, the reason that decided it
 * @n_reasons: reasons in @reasons
 * @reasons: why, in the order the engine decided
 */
struct nvirt_plan {
	int err;
	u8 backend;
	u8 enforce[NVIRT_SETTING_MAX + 1];
	u8 g2g;
	bool migratable;
	u32 displace;
	unsigned int cause;
	unsigned int n_reasons;
	struct nvirt_plan_why reasons[NVIRT_PLAN_REASONS];
};

int nvirt_policy_rank(u8 goal, u8 backend);
const char *nvirt_policy_goal_name(u8 goal);
const char *nvirt_policy_backend_name(u8 backend);
__printf(3, 4) void nvirt_plan_add(struct nvirt_plan *plan, u16 code,
				   const char *fmt, ...);
void nvirt_policy_plan(const struct nvirt_plan_in *pol,
		       const struct nvirt_policy_nic *nic,
		       struct nvirt_plan *plan);

#endif /* _NVIRT_POLICY_H */
