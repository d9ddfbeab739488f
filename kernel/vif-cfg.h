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
enum nvirt_cfg_field {
	NVIRT_CFG_MAC,
	NVIRT_CFG_VLAN,
	NVIRT_CFG_VLAN_QOS,
	NVIRT_CFG_VLAN_PROTO,
	NVIRT_CFG_MTU,
	NVIRT_CFG_MAX_RATE,
	NVIRT_CFG_MIN_RATE,
	NVIRT_CFG_SPOOFCHK,
	NVIRT_CFG_TRUST,
	NVIRT_CFG_LINK_STATE,
	NVIRT_CFG_NETNS,
	NVIRT_CFG_BACKEND,
	NVIRT_CFG_GOAL,
	NVIRT_CFG_ISOLATION,
	NVIRT_CFG_MIGRATABLE,
	NVIRT_CFG_VISIBILITY,
	NVIRT_CFG_G2G,
	NVIRT_CFG_PRIORITY,
	NVIRT_CFG_POLICY_NAME,
	NVIRT_CFG_ATTACH,
	NVIRT_CFG_POOL_NAME,
};

/* The fields a VIF follows its named policy in, unless given its own. */
#define NVIRT_CFG_FOLLOWED	(BIT(NVIRT_CFG_MAX_RATE) |		\
				 BIT(NVIRT_CFG_MIN_RATE) |		\
				 BIT(NVIRT_CFG_GOAL) |			\
				 BIT(NVIRT_CFG_ISOLATION) |		\
				 BIT(NVIRT_CFG_MIGRATABLE) |		\
				 BIT(NVIRT_CFG_VISIBILITY) |		\
				 BIT(NVIRT_CFG_G2G) |			\
				 BIT(NVIRT_CFG_PRIORITY))

/* Size of a named policy's or a pool's name, with its NUL (the spec's
 * max-len + 1).
 */
#define NVIRT_POLICY_NAMSIZ	32

/**
 * struct nvirt_vif_cfg - the settings of a VIF
 * @set: on a request, the NVIRT_CFG_* bits it carries
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
 * @attach: enum nvirt_attach, how the VIF is handed to its guest
 * @net: namespace of the VIF's netdev; a reference is held on requests
 * @policy: what the user wants of it: the fields up to @policy.backend
 *	(the engine's view of the settings is filled in when planning)
 * @policy_name: the named policy it follows, "" for none
 * @pool_name: the pool its NIC was chosen from, "" for none
 * @own: the NVIRT_CFG_FOLLOWED fields it was ever given itself, which
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
	u8 attach;
	struct net *net;
	struct nvirt_policy policy;
	char policy_name[NVIRT_POLICY_NAMSIZ];
	char pool_name[NVIRT_POLICY_NAMSIZ];
	unsigned long own;
};

void nvirt_vif_cfg_copy(struct nvirt_vif_cfg *cfg,
			const struct nvirt_vif_cfg *src, unsigned long fields);
void nvirt_vif_cfg_merge(struct nvirt_vif_cfg *cfg,
			 const struct nvirt_vif_cfg *base);
int nvirt_vif_cfg_check(const struct nvirt_vif_cfg *cfg,
			struct netlink_ext_ack *extack);

#endif /* _NVIRT_VIF_CFG_H */
