// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: names of the codes of a NIC's capability record, as the nvirt
 * netlink spec (Documentation/netlink/specs/nvirt.yaml) spells them.
 */

#include "internal.h"

static const char *const knob_names[NVIRT_KNOB_MAX + 1] = {
	[NVIRT_KNOB_VF_MAC]		= "vf-mac",
	[NVIRT_KNOB_VF_VLAN]		= "vf-vlan",
	[NVIRT_KNOB_VF_VLAN_PROTO]	= "vf-vlan-proto",
	[NVIRT_KNOB_VF_MAX_RATE]	= "vf-max-rate",
	[NVIRT_KNOB_VF_MIN_RATE]	= "vf-min-rate",
	[NVIRT_KNOB_VF_SPOOFCHK]	= "vf-spoofchk",
	[NVIRT_KNOB_VF_TRUST]		= "vf-trust",
	[NVIRT_KNOB_VF_LINK_STATE]	= "vf-link-state",
	[NVIRT_KNOB_VF_RSS_QUERY]	= "vf-rss-query",
	[NVIRT_KNOB_QUEUE_MAX_RATE]	= "queue-max-rate",
	[NVIRT_KNOB_L2FWD_OFFLOAD]	= "l2fwd-offload",
	[NVIRT_KNOB_EMBEDDED_SWITCH]	= "embedded-switch",
	[NVIRT_KNOB_SWITCHDEV]		= "switchdev",
	[NVIRT_KNOB_CHECKSUM]		= "checksum",
	[NVIRT_KNOB_TSO]		= "tso",
	[NVIRT_KNOB_VLAN_INSERT]	= "vlan-insert",
	[NVIRT_KNOB_VLAN_STRIP]		= "vlan-strip",
	[NVIRT_KNOB_VLAN_FILTER]	= "vlan-filter",
	[NVIRT_KNOB_XDP]		= "xdp",
};

static const char *const support_names[] = {
	[NVIRT_SUPPORT_UNSUPPORTED]	= "unsupported",
	[NVIRT_SUPPORT_SOFTWARE]	= "software",
	[NVIRT_SUPPORT_HARDWARE]	= "hardware",
};

static const char *const reason_names[] = {
	[NVIRT_REASON_NONE]		= "none",
	[NVIRT_REASON_VIRTUAL]		= "virtual",
	[NVIRT_REASON_NO_SRIOV]		= "no-sriov",
	[NVIRT_REASON_IS_VF]		= "is-vf",
	[NVIRT_REASON_NO_DRIVER_OP]	= "no-driver-op",
	[NVIRT_REASON_DRIVER_LIMIT]	= "driver-limit",
	[NVIRT_REASON_NO_HW_FEATURE]	= "no-hw-feature",
};

static const char *const holder_names[] = {
	[NVIRT_HOLDER_NVIRT]		= "nvirt",
	[NVIRT_HOLDER_BRIDGE]		= "bridge",
	[NVIRT_HOLDER_BOND]		= "bond",
	[NVIRT_HOLDER_TEAM]		= "team",
	[NVIRT_HOLDER_OPENVSWITCH]	= "openvswitch",
	[NVIRT_HOLDER_MACVLAN]		= "macvlan",
	[NVIRT_HOLDER_IPVLAN]		= "ipvlan",
	[NVIRT_HOLDER_OTHER]		= "other",
};

static const char *const member_link_names[] = {
	[NVIRT_MEMBER_LINK_UP]			= "up",
	[NVIRT_MEMBER_LINK_DOWN]		= "down",
	[NVIRT_MEMBER_LINK_DOWN_PAST_GRACE]	= "down-past-grace",
};

static const char *const verify_names[] = {
	[NVIRT_VERIFY_UNTESTED]		= "untested",
	[NVIRT_VERIFY_PASSED]		= "passed",
	[NVIRT_VERIFY_FAILED]		= "failed",
};

NVIRT_NAME_FN(nvirt_knob_name, knob_names)
NVIRT_NAME_FN(nvirt_support_name, support_names)
NVIRT_NAME_FN(nvirt_reason_name, reason_names)
NVIRT_NAME_FN(nvirt_holder_name, holder_names)
NVIRT_NAME_FN(nvirt_verify_name, verify_names)
NVIRT_NAME_FN(nvirt_member_link_name, member_link_names)
