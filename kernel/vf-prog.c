// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: a VF's settings programmed through its PF's VF table
 * (ndo_set_vf_*), as "ip link set PF vf N ..." does, one driver op a
 * setting, in a fixed order, undone in reverse when the PF refuses one.
 */

#include <linux/etherdevice.h>
#include <linux/if_link.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "vf-prog.h"

const struct nvirt_vif_cfg nvirt_vf_defaults = {
	.spoofchk = true,
	.link_state = NVIRT_LINK_STATE_AUTO,
};

static __be16 nvirt_vf_proto(const struct nvirt_vif_cfg *cfg)
{
	return cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD ?
	       htons(ETH_P_8021AD) : htons(ETH_P_8021Q);
}

/* What the PF programs, one driver op each, in this order. */
enum {
	NVIRT_VF_MAC,
	NVIRT_VF_VLAN,
	NVIRT_VF_RATE,
	NVIRT_VF_SPOOFCHK,
	NVIRT_VF_TRUST,
	NVIRT_VF_LINK_STATE,
	NVIRT_VF_STEPS,
};

static bool nvirt_vf_differs(int step, const struct nvirt_vif_cfg *a,
			     const struct nvirt_vif_cfg *b)
{
	switch (step) {
	case NVIRT_VF_MAC:
		return !ether_addr_equal(a->mac, b->mac);
	case NVIRT_VF_VLAN:
		return a->vlan != b->vlan || a->qos != b->qos ||
		       a->vlan_proto != b->vlan_proto;
	case NVIRT_VF_RATE:
		return a->max_rate != b->max_rate || a->min_rate != b->min_rate;
	case NVIRT_VF_SPOOFCHK:
		return a->spoofchk != b->spoofchk;
	case NVIRT_VF_TRUST:
		return a->trust != b->trust;
	}
	return a->link_state != b->link_state;
}

/* One driver op; check refused settings in effect the driver lacks. */
static int nvirt_vf_step(struct net_device *pf, int vf, int step,
			 const struct nvirt_vif_cfg *cfg)
{
	const struct net_device_ops *ops = pf->netdev_ops;

	switch (step) {
	case NVIRT_VF_MAC:
		if (!ops->ndo_set_vf_mac)
			return -EOPNOTSUPP;
		return ops->ndo_set_vf_mac(pf, vf, (u8 *)cfg->mac);
	case NVIRT_VF_VLAN:
		if (!ops->ndo_set_vf_vlan)
			return cfg->vlan ? -EOPNOTSUPP : 0;
		return ops->ndo_set_vf_vlan(pf, vf, cfg->vlan, cfg->qos,
					    nvirt_vf_proto(cfg));
	case NVIRT_VF_RATE:
		if (!ops->ndo_set_vf_rate)
			return 0;
		return ops->ndo_set_vf_rate(pf, vf, cfg->min_rate,
					    cfg->max_rate);
	case NVIRT_VF_SPOOFCHK:
		if (!ops->ndo_set_vf_spoofchk)
			return 0;
		return ops->ndo_set_vf_spoofchk(pf, vf, cfg->spoofchk);
	case NVIRT_VF_TRUST:
		if (!ops->ndo_set_vf_trust)
			return 0;
		return ops->ndo_set_vf_trust(pf, vf, cfg->trust);
	}
	if (!ops->ndo_set_vf_link_state)
		return 0;
	return ops->ndo_set_vf_link_state(pf, vf, cfg->link_state);
}

static const char *const nvirt_vf_step_names[] = {
	"MAC", "VLAN", "rate", "spoof-check", "trust", "link state",
};

/*
 * Whether a VF's rates are already those of @cfg. igb refuses any rate,
 * even none, while the PF's link is down: a VF at its default is left be.
 */
static bool nvirt_vf_rate_is(struct net_device *pf, int vf,
			     const struct nvirt_vif_cfg *cfg)
{
	struct ifla_vf_info ivi = {};

	return pf->netdev_ops->ndo_get_vf_config &&
	       !pf->netdev_ops->ndo_get_vf_config(pf, vf, &ivi) &&
	       ivi.max_tx_rate == cfg->max_rate &&
	       ivi.min_tx_rate == cfg->min_rate;
}

/**
 * nvirt_vf_program() - program a VF's settings through its PF
 * @pf: the PF
 * @vf: the VF's index on it
 * @from: the settings it has
 * @to: the settings it gets
 * @force: program everything, not only what differs (but rates the VF
 *	has already)
 * @extack: which one the PF refused
 *
 * All or nothing.
 *
 * Context: RTNL held.
 * Return: 0 or the PF driver's negative errno.
 */
int nvirt_vf_program(struct net_device *pf, int vf,
		     const struct nvirt_vif_cfg *from,
		     const struct nvirt_vif_cfg *to, bool force,
		     struct netlink_ext_ack *extack)
{
	int step, err;

	ASSERT_RTNL();
	for (step = 0; step < NVIRT_VF_STEPS; step++) {
		if (!force && !nvirt_vf_differs(step, from, to))
			continue;
		if (force && step == NVIRT_VF_RATE &&
		    nvirt_vf_rate_is(pf, vf, to))
			continue;
		err = nvirt_vf_step(pf, vf, step, to);
		if (err)
			goto err_undo;
	}
	return 0;

err_undo:
	NL_SET_ERR_MSG_FMT(extack, "%s refused the %s of VF %d (%d)", pf->name,
			   nvirt_vf_step_names[step], vf, err);
	while (step--)
		if (force || nvirt_vf_differs(step, from, to))
			nvirt_vf_step(pf, vf, step, from);
	return err;
}

/**
 * nvirt_vf_program_mac() - program only a VF's MAC through its PF
 * @pf: the PF
 * @vf: the VF's index on it
 * @cfg: the settings whose MAC it gets
 *
 * Context: RTNL held.
 * Return: 0 or the PF driver's negative errno.
 */
int nvirt_vf_program_mac(struct net_device *pf, int vf,
			 const struct nvirt_vif_cfg *cfg)
{
	ASSERT_RTNL();
	return nvirt_vf_step(pf, vf, NVIRT_VF_MAC, cfg);
}
