/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: a VIF's settings (vif-cfg.c).
 */

#ifndef _NVIRT_VIF_CFG_H
#define _NVIRT_VIF_CFG_H

#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/types.h>

#include <uapi/linux/nvirt.h>

#include "policy.h"

struct net;
struct netlink_ext_ack;

/* Which settings a request carries: bits of struct nvirt_vif_cfg.set */
enum nvirt_vif_field {
	NVIRT_VIF_F_MAC,
	NVIRT_VIF_F_VLAN,
	NVIRT_VIF_F_VLAN_QOS,
	NVIRT_VIF_F_VLAN_PROTO,
	NVIRT_VIF_F_MTU,
	NVIRT_VIF_F_MAX_RATE,
	NVIRT_VIF_F_MIN_RATE,
	NVIRT_VIF_F_SPOOFCHK,
	NVIRT_VIF_F_TRUST,
	NVIRT_VIF_F_LINK_STATE,
	NVIRT_VIF_F_NETNS,
	NVIRT_VIF_F_BACKEND,
	NVIRT_VIF_F_GOAL,
	NVIRT_VIF_F_ISOLATION,
	NVIRT_VIF_F_MIGRATABLE,
	NVIRT_VIF_F_VISIBILITY,
	NVIRT_VIF_F_G2G,
	NVIRT_VIF_F_PRIORITY,
	NVIRT_VIF_F_POLICY_NAME,
};

/* The fields a VIF follows its named policy in, unless given its own. */
#define NVIRT_VIF_FOLLOWED	(BIT(NVIRT_VIF_F_MAX_RATE) |		\
				 BIT(NVIRT_VIF_F_MIN_RATE) |		\
				 BIT(NVIRT_VIF_F_GOAL) |		\
				 BIT(NVIRT_VIF_F_ISOLATION) |		\
				 BIT(NVIRT_VIF_F_MIGRATABLE) |		\
				 BIT(NVIRT_VIF_F_VISIBILITY) |		\
				 BIT(NVIRT_VIF_F_G2G) |			\
				 BIT(NVIRT_VIF_F_PRIORITY))

/* Size of a named policy's name, with its NUL (the spec's max-len + 1). */
#define NVIRT_POLICY_NAMSIZ	32

/**
 * struct nvirt_vif_cfg - the settings of a VIF
 * @set: on a request, the NVIRT_VIF_F_* bits it carries
 * @mac: MAC address
 * @vlan: VLAN id, 0 for none
 * @qos: 802.1p priority of @vlan
 * @vlan_proto: enum nvirt_vlan_proto
 * @mtu: MTU
 * @max_rate: transmit limit in Mb/s, 0 for none
 * @min_rate: transmit guarantee in Mb/s, 0 for none
 * @spoofchk: drop frames sent with another source MAC
 * @trust: the guest may change its MAC
 * @link_state: enum nvirt_link_state
 * @net: namespace of the VIF's netdev; a reference is held on requests
 * @policy: what the user wants of it: the fields up to @policy.backend
 *	(the engine's view of the settings is filled in when planning)
 * @policy_name: the named policy it follows, "" for none
 * @own: the NVIRT_VIF_FOLLOWED fields it was ever given itself, which
 *	no named policy changes
 */
struct nvirt_vif_cfg {
	unsigned long set;
	u8 mac[ETH_ALEN];
	u16 vlan;
	u8 qos;
	u8 vlan_proto;
	u32 mtu;
	u32 max_rate;
	u32 min_rate;
	bool spoofchk;
	bool trust;
	u8 link_state;
	struct net *net;
	struct nvirt_policy policy;
	char policy_name[NVIRT_POLICY_NAMSIZ];
	unsigned long own;
};

void nvirt_vif_cfg_copy(struct nvirt_vif_cfg *cfg,
			const struct nvirt_vif_cfg *src, unsigned long fields);
int nvirt_vif_cfg_merge(struct net *net, struct nvirt_vif_cfg *cfg,
			const struct nvirt_vif_cfg *base,
			struct netlink_ext_ack *extack);
int nvirt_vif_cfg_check(const struct nvirt_vif_cfg *cfg,
			struct netlink_ext_ack *extack);

#endif /* _NVIRT_VIF_CFG_H */
