// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: a VIF's settings, the same for every backend: copied field by
 * field, a request merged over what the VIF had, checked against each
 * other. What its named policy says is npolicy.c's to fill in.
 */

#include <linux/bitops.h>
#include <linux/etherdevice.h>
#include <linux/string.h>
#include <net/netlink.h>

#include "vif-cfg.h"

/**
 * nvirt_vif_cfg_copy() - copy some fields of one VIF config to another
 * @cfg: where to
 * @src: where from
 * @fields: the NVIRT_CFG_* bits of the fields to copy (not the netns)
 *
 * A new VLAN starts from priority 0 and 802.1Q unless they are copied too.
 */
void nvirt_vif_cfg_copy(struct nvirt_vif_cfg *cfg,
			const struct nvirt_vif_cfg *src, unsigned long fields)
{
	if (test_bit(NVIRT_CFG_MAC, &fields))
		ether_addr_copy(cfg->mac, src->mac);
	if (test_bit(NVIRT_CFG_VLAN, &fields)) {
		cfg->vlan = src->vlan;
		cfg->qos = 0;
		cfg->vlan_proto = NVIRT_VLAN_PROTO_8021Q;
	}
	if (test_bit(NVIRT_CFG_VLAN_QOS, &fields))
		cfg->qos = src->qos;
	if (test_bit(NVIRT_CFG_VLAN_PROTO, &fields))
		cfg->vlan_proto = src->vlan_proto;
	if (test_bit(NVIRT_CFG_MTU, &fields))
		cfg->mtu = src->mtu;
	if (test_bit(NVIRT_CFG_MAX_RATE, &fields))
		cfg->max_rate = src->max_rate;
	if (test_bit(NVIRT_CFG_MIN_RATE, &fields))
		cfg->min_rate = src->min_rate;
	if (test_bit(NVIRT_CFG_SPOOFCHK, &fields))
		cfg->spoofchk = src->spoofchk;
	if (test_bit(NVIRT_CFG_TRUST, &fields))
		cfg->trust = src->trust;
	if (test_bit(NVIRT_CFG_LINK_STATE, &fields))
		cfg->link_state = src->link_state;
	if (test_bit(NVIRT_CFG_BACKEND, &fields))
		cfg->policy.backend = src->policy.backend;
	if (test_bit(NVIRT_CFG_GOAL, &fields))
		cfg->policy.goal = src->policy.goal;
	if (test_bit(NVIRT_CFG_ISOLATION, &fields))
		cfg->policy.isolation = src->policy.isolation;
	if (test_bit(NVIRT_CFG_MIGRATABLE, &fields))
		cfg->policy.migratable = src->policy.migratable;
	if (test_bit(NVIRT_CFG_VISIBILITY, &fields))
		cfg->policy.visibility = src->policy.visibility;
	if (test_bit(NVIRT_CFG_G2G, &fields))
		cfg->policy.g2g = src->policy.g2g;
	if (test_bit(NVIRT_CFG_PRIORITY, &fields))
		cfg->policy.priority = src->policy.priority;
	if (test_bit(NVIRT_CFG_POLICY_NAME, &fields))
		strscpy(cfg->policy_name, src->policy_name,
			sizeof(cfg->policy_name));
	if (test_bit(NVIRT_CFG_ATTACH, &fields))
		cfg->attach = src->attach;
	if (test_bit(NVIRT_CFG_POOL_NAME, &fields))
		strscpy(cfg->pool_name, src->pool_name, sizeof(cfg->pool_name));
}

/**
 * nvirt_vif_cfg_merge() - a request's settings over a VIF's
 * @cfg: the request's settings in, the VIF's out
 * @base: the VIF's settings before (or the defaults, for a new VIF)
 *
 * The fields the VIF follows its named policy in are the policy's to
 * fill then (nvirt_npolicy_follow()).
 */
void nvirt_vif_cfg_merge(struct nvirt_vif_cfg *cfg,
			 const struct nvirt_vif_cfg *base)
{
	struct nvirt_vif_cfg req = *cfg;

	*cfg = *base;
	cfg->set = req.set;
	cfg->net = req.net;
	cfg->own = base->own | (req.set & NVIRT_CFG_FOLLOWED);
	nvirt_vif_cfg_copy(cfg, &req, req.set);
}

/**
 * nvirt_vif_cfg_check() - whether settings agree with each other
 * @cfg: the settings
 * @extack: why not
 *
 * Return: 0 or -EINVAL.
 */
int nvirt_vif_cfg_check(const struct nvirt_vif_cfg *cfg,
			struct netlink_ext_ack *extack)
{
	if (!is_valid_ether_addr(cfg->mac)) {
		NL_SET_ERR_MSG_FMT(extack, "%pM is not a unicast MAC address",
				   cfg->mac);
		return -EINVAL;
	}
	if (!cfg->vlan && (cfg->qos || cfg->vlan_proto)) {
		NL_SET_ERR_MSG(extack, "vlan-qos and vlan-proto need a vlan");
		return -EINVAL;
	}
	if (cfg->min_rate && cfg->max_rate && cfg->min_rate > cfg->max_rate) {
		NL_SET_ERR_MSG_FMT(extack, "min-rate %u is above max-rate %u",
				   cfg->min_rate, cfg->max_rate);
		return -EINVAL;
	}
	return 0;
}
