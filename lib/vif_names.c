// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: names of the codes of a VIF's record, as the nvirt netlink
 * spec (Documentation/netlink/specs/nvirt.yaml) spells them; the VLAN
 * protocols as "ip link" does.
 */

#include "internal.h"

_Static_assert(NVIRT_LIB_SETTINGS == NVIRT_SETTING_MAX + 1,
	       "NVIRT_LIB_SETTINGS is not the number of enum nvirt_setting");

static const char *const backend_names[] = {
	[NVIRT_BACKEND_AUTO]		= "auto",
	[NVIRT_BACKEND_VF]		= "vf",
	[NVIRT_BACKEND_QUEUE]		= "queue",
	[NVIRT_BACKEND_SOFT]		= "soft",
};

static const char *const setting_names[NVIRT_LIB_SETTINGS] = {
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

NVIRT_NAME_FN(nvirt_backend_name, backend_names)
NVIRT_NAME_FN(nvirt_setting_name, setting_names)
NVIRT_NAME_FN(nvirt_link_state_name, link_state_names)
NVIRT_NAME_FN(nvirt_vlan_proto_name, vlan_proto_names)
