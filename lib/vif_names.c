// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: names of the codes of a VIF's record, its policy and its
 * plan, as the nvirt netlink spec (Documentation/netlink/specs/nvirt.yaml)
 * spells them; the VLAN protocols as "ip link" does.
 */

#include "internal.h"

static const char *const backend_names[] = {
	[NVIRT_BACKEND_AUTO]		= "auto",
	[NVIRT_BACKEND_VF]		= "vf",
	[NVIRT_BACKEND_QUEUE]		= "queue",
	[NVIRT_BACKEND_SOFT]		= "soft",
};

static const char *const setting_names[NVIRT_SETTING_MAX + 1] = {
	[NVIRT_SETTING_MAC]		= "mac",
	[NVIRT_SETTING_VLAN]		= "vlan",
	[NVIRT_SETTING_MTU]		= "mtu",
	[NVIRT_SETTING_MAX_RATE]	= "max-rate",
	[NVIRT_SETTING_MIN_RATE]	= "min-rate",
	[NVIRT_SETTING_SPOOFCHK]	= "spoofchk",
	[NVIRT_SETTING_TRUST]		= "trust",
	[NVIRT_SETTING_LINK_STATE]	= "link-state",
};

static const char *const link_state_names[] = {
	[NVIRT_LINK_STATE_AUTO]		= "auto",
	[NVIRT_LINK_STATE_ENABLE]	= "enable",
	[NVIRT_LINK_STATE_DISABLE]	= "disable",
};

static const char *const vlan_proto_names[] = {
	[NVIRT_VLAN_PROTO_8021Q]	= "802.1Q",
	[NVIRT_VLAN_PROTO_8021AD]	= "802.1ad",
};

static const char *const goal_names[] = {
	[NVIRT_GOAL_THROUGHPUT]		= "throughput",
	[NVIRT_GOAL_LATENCY]		= "latency",
	[NVIRT_GOAL_CPU]		= "cpu",
	[NVIRT_GOAL_DENSITY]		= "density",
};

static const char *const isolation_names[] = {
	[NVIRT_ISOLATION_STANDARD]	= "standard",
	[NVIRT_ISOLATION_STRICT]	= "strict",
};

static const char *const visibility_names[] = {
	[NVIRT_VISIBILITY_NONE]		= "none",
	[NVIRT_VISIBILITY_HOST]		= "host",
};

static const char *const g2g_names[] = {
	[NVIRT_G2G_AUTO]		= "auto",
	[NVIRT_G2G_NIC]			= "nic",
	[NVIRT_G2G_EXTERNAL]		= "external",
	[NVIRT_G2G_SOFT]		= "soft",
};

static const char *const plan_reason_names[] = {
	[NVIRT_PLAN_REASON_BACKEND_VF]		= "backend-vf",
	[NVIRT_PLAN_REASON_BACKEND_QUEUE]	= "backend-queue",
	[NVIRT_PLAN_REASON_BACKEND_SOFT]	= "backend-soft",
	[NVIRT_PLAN_REASON_BACKEND_ASKED]	= "backend-asked",
	[NVIRT_PLAN_REASON_VF_NO_SRIOV]		= "vf-no-sriov",
	[NVIRT_PLAN_REASON_VF_EXHAUSTED]	= "vf-exhausted",
	[NVIRT_PLAN_REASON_VF_DISPLACE]		= "vf-displace",
	[NVIRT_PLAN_REASON_VF_MIGRATABLE]	= "vf-migratable",
	[NVIRT_PLAN_REASON_VF_VISIBILITY]	= "vf-visibility",
	[NVIRT_PLAN_REASON_VF_KNOB]		= "vf-knob",
	[NVIRT_PLAN_REASON_VF_DENSITY]		= "vf-density",
	[NVIRT_PLAN_REASON_QUEUE_VIRTUAL]	= "queue-virtual",
	[NVIRT_PLAN_REASON_QUEUE_EXHAUSTED]	= "queue-exhausted",
	[NVIRT_PLAN_REASON_QUEUE_MIN_RATE]	= "queue-min-rate",
	[NVIRT_PLAN_REASON_SOFT_MIN_RATE]	= "soft-min-rate",
	[NVIRT_PLAN_REASON_ISOLATION_SOFTWARE]	= "isolation-software",
	[NVIRT_PLAN_REASON_MIN_RATE_HARDWARE]	= "min-rate-hardware",
	[NVIRT_PLAN_REASON_ADMISSION_REFUSED]	= "admission-refused",
	[NVIRT_PLAN_REASON_ADMISSION_NO_SPEED]	= "admission-no-speed",
	[NVIRT_PLAN_REASON_ENFORCE_HARDWARE]	= "enforce-hardware",
	[NVIRT_PLAN_REASON_ENFORCE_SOFTWARE]	= "enforce-software",
	[NVIRT_PLAN_REASON_MIGRATION_READY]	= "migration-ready",
	[NVIRT_PLAN_REASON_MIGRATION_BLOCKED]	= "migration-blocked",
	[NVIRT_PLAN_REASON_G2G_SOFT]		= "g2g-soft",
	[NVIRT_PLAN_REASON_G2G_NIC]		= "g2g-nic",
	[NVIRT_PLAN_REASON_G2G_UNAVAILABLE]	= "g2g-unavailable",
	[NVIRT_PLAN_REASON_NO_MECHANISM]	= "no-mechanism",
	[NVIRT_PLAN_REASON_QUEUE_DISPLACE]	= "queue-displace",
	[NVIRT_PLAN_REASON_DEMOTED]		= "demoted",
	[NVIRT_PLAN_REASON_PROMOTED]		= "promoted",
	[NVIRT_PLAN_REASON_VF_G2G]		= "vf-g2g",
	[NVIRT_PLAN_REASON_G2G_EXTERNAL]	= "g2g-external",
	[NVIRT_PLAN_REASON_VF_NO_DRIVER]	= "vf-no-driver",
	[NVIRT_PLAN_REASON_VF_ATTACH]		= "vf-attach",
	[NVIRT_PLAN_REASON_ATTACH_TAP]		= "attach-tap",
	[NVIRT_PLAN_REASON_RX_HELD]		= "rx-held",
	[NVIRT_PLAN_REASON_SOFTWARE_ATTACH]	= "software-attach",
	[NVIRT_PLAN_REASON_VF_NO_IOMMU]		= "vf-no-iommu",
	[NVIRT_PLAN_REASON_ATTACH_VFIO]		= "attach-vfio",
	[NVIRT_PLAN_REASON_NIC_CHOSEN]		= "nic-chosen",
	[NVIRT_PLAN_REASON_NIC_NOT_CHOSEN]	= "nic-not-chosen",
	[NVIRT_PLAN_REASON_KNOB_FAILED]		= "knob-failed",
};

static const char *const attach_names[] = {
	[NVIRT_ATTACH_NETNS]		= "netns",
	[NVIRT_ATTACH_TAP]		= "tap",
	[NVIRT_ATTACH_VFIO]		= "vfio",
};

/* What made a notification happen (its record's cause attribute). */
static const char *const cause_names[] = {
	[NVIRT_CAUSE_REQUEST]		= "request",
	[NVIRT_CAUSE_NETDEV]		= "netdev",
	[NVIRT_CAUSE_PARENT]		= "parent",
	[NVIRT_CAUSE_NETNS]		= "netns",
	[NVIRT_CAUSE_POLICY]		= "policy",
	[NVIRT_CAUSE_PLACEMENT]		= "placement",
	[NVIRT_CAUSE_UNLOAD]		= "unload",
	[NVIRT_CAUSE_RESCAN]		= "rescan",
};

NVIRT_NAME_FN(nvirt_backend_name, backend_names)
NVIRT_NAME_FN(nvirt_setting_name, setting_names)
NVIRT_NAME_FN(nvirt_link_state_name, link_state_names)
NVIRT_NAME_FN(nvirt_vlan_proto_name, vlan_proto_names)
NVIRT_NAME_FN(nvirt_goal_name, goal_names)
NVIRT_NAME_FN(nvirt_attach_name, attach_names)
NVIRT_NAME_FN(nvirt_isolation_name, isolation_names)
NVIRT_NAME_FN(nvirt_visibility_name, visibility_names)
NVIRT_NAME_FN(nvirt_g2g_name, g2g_names)
NVIRT_NAME_FN(nvirt_plan_reason_name, plan_reason_names)
NVIRT_NAME_FN(nvirt_cause_name, cause_names)
