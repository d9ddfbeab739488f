// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: virtual interfaces (VIFs), one model over every backend.
 *
 * A VIF is managed from its parent NIC's namespace, wherever its netdev
 * lives. This file makes, changes and deletes VIFs (vif-table.c keeps
 * them), fills in defaults, picks a backend, says where each setting is
 * enforced (the backend decides), and follows the netdevs: a VIF goes
 * when its netdev or its parent goes, or when its parent leaves the
 * namespace; a VF whose namespace dies comes back and is released.
 */

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "netlink.h"
#include "nic.h"
#include "npolicy.h"
#include "place.h"
#include "pool-move.h"
#include "soft.h"
#include "vf.h"
#include "vfio.h"
#include "vif-table.h"
#include "vif.h"

static void nvirt_vif_reap(struct work_struct *work);
static DECLARE_WORK(nvirt_vif_reap_work, nvirt_vif_reap);

/**
 * nvirt_backend_ops() - the operations of a backend
 * @backend: enum nvirt_backend, not auto
 *
 * Return: its ops, or NULL for auto or an unknown backend.
 */
const struct nvirt_backend_ops *nvirt_backend_ops(u8 backend)
{
	switch (backend) {
	case NVIRT_BACKEND_VF:
		return &nvirt_vf_ops;
	case NVIRT_BACKEND_QUEUE:
		return &nvirt_queue_ops;
	case NVIRT_BACKEND_SOFT:
		return &nvirt_soft_ops;
	}
	return NULL;
}

/* The traffic a VIF's netdev counted; backends add what they count. */
static void nvirt_vif_stats_of(struct net_device *dev, struct nvirt_vif_stats *stats)
{
	struct rtnl_link_stats64 s;

	dev_get_stats(dev, &s);
	stats->rx_packets = s.rx_packets;
	stats->rx_bytes = s.rx_bytes;
	stats->rx_dropped = s.rx_dropped;
	stats->tx_packets = s.tx_packets;
	stats->tx_bytes = s.tx_bytes;
	stats->tx_dropped = s.tx_dropped;
}

/**
 * nvirt_vif_stats() - a VIF's traffic
 * @vif: the VIF
 * @stats: filled in
 *
 * Context: RTNL held.
 */
void nvirt_vif_stats(struct nvirt_vif *vif, struct nvirt_vif_stats *stats)
{
	ASSERT_RTNL();
	stats->spoof_dropped = -1;
	stats->vlan_dropped = -1;
	stats->ring = false;
	if (vif->dev)
		nvirt_vif_stats_of(vif->dev, stats);
	vif->ops->stats(vif, stats);
}

/**
 * nvirt_vif_path() - the device a VIF's guest is attached through
 * @vif: the VIF
 * @buf: filled in: the device's path, "" when the netdev is the guest's
 * @size: size of @buf
 *
 * Context: RTNL held.
 */
void nvirt_vif_path(struct nvirt_vif *vif, char *buf, size_t size)
{
	ASSERT_RTNL();
	buf[0] = '\0';
	if (vif->ops->path)
		vif->ops->path(vif, buf, size);
}

/**
 * nvirt_vif_pci() - the PCI device a VIF's guest is given
 * @vif: the VIF
 *
 * Context: RTNL held.
 * Return: its PCI address (a VF's, attach vfio), or NULL.
 */
const char *nvirt_vif_pci(struct nvirt_vif *vif)
{
	ASSERT_RTNL();
	return vif->ops->pci ? vif->ops->pci(vif) : NULL;
}

static bool nvirt_vif_is_vfio(const struct nvirt_vif_cfg *cfg)
{
	return cfg->attach == NVIRT_ATTACH_VFIO;
}

/* Requests leave a VIF alone while its VF goes to vfio-pci. */
static int nvirt_vif_busy(const struct nvirt_vif *vif,
			  struct netlink_ext_ack *extack)
{
	if (!vif->handoff)
		return 0;
	NL_SET_ERR_MSG_FMT(extack, "VIF %s is being handed to vfio-pci",
			   vif->name);
	return -EBUSY;
}

/* Settings not in effect have no enforcement point. */
static void nvirt_vif_mask_enforce(const struct nvirt_vif_cfg *cfg,
				   u8 *enforce)
{
	if (!cfg->vlan)
		enforce[NVIRT_SETTING_VLAN] = 0;
	if (!cfg->max_rate)
		enforce[NVIRT_SETTING_MAX_RATE] = 0;
	if (!cfg->min_rate)
		enforce[NVIRT_SETTING_MIN_RATE] = 0;
	if (!cfg->spoofchk)
		enforce[NVIRT_SETTING_SPOOFCHK] = 0;
}

/**
 * nvirt_vif_check() - whether a backend can enforce settings on a NIC
 * @parent: the NIC
 * @backend: enum nvirt_backend, not auto
 * @cfg: the settings
 * @enforce: where each setting in effect would be enforced, by enum
 *	nvirt_setting; 0 for those not in effect
 * @extack: why not
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_check(struct net_device *parent, u8 backend,
		    const struct nvirt_vif_cfg *cfg, u8 *enforce,
		    struct netlink_ext_ack *extack)
{
	int err;

	ASSERT_RTNL();
	err = nvirt_backend_ops(backend)->check(parent, cfg, enforce, extack);
	if (!err)
		nvirt_vif_mask_enforce(cfg, enforce);
	return err;
}

static void nvirt_vif_notify(struct nvirt_vif *vif, enum nvirt_ntf ev,
			     u8 cause)
{
	nvirt_nl_vif_notify(vif, ev, NULL, cause);
}

/* Hardware a VIF gives back when it goes or moves: others may want it. */
static bool nvirt_vif_holds_hw(const struct nvirt_vif *vif)
{
	return vif->backend == NVIRT_BACKEND_VF ||
	       vif->backend == NVIRT_BACKEND_QUEUE;
}

/* What a VIF keeps of the plan it was placed by. */
static void nvirt_vif_adopt_plan(struct nvirt_vif *vif,
				 const struct nvirt_plan *plan,
				 const u8 *enforce)
{
	memcpy(vif->enforce, enforce, sizeof(vif->enforce));
	vif->migratable = plan->migratable;
	vif->g2g = plan->g2g;
	/* A VIF not created yet takes its path from create. */
	if (vif->dev && vif->ops->g2g)
		vif->ops->g2g(vif);
}

/* Move a VIF's netdev to @net, keeping its name. */
static int nvirt_vif_move(struct nvirt_vif *vif, struct net *net,
			  struct netlink_ext_ack *extack)
{
	int err;

	if (!vif->dev) {
		NL_SET_ERR_MSG(extack, "a VF handed to VFIO has no netdev to move");
		return -EOPNOTSUPP;
	}
	if (net_eq(dev_net(vif->dev), net))
		return 0;
	if (__dev_get_by_name(net, vif->dev->name)) {
		NL_SET_ERR_MSG_FMT(extack,
				   "the target namespace has an interface named %s",
				   vif->dev->name);
		return -EEXIST;
	}
	err = dev_change_net_namespace(vif->dev, net, NULL);
	if (err)
		NL_SET_ERR_MSG(extack, "cannot move the VIF to the namespace");
	return err;
}

static void nvirt_vif_free(struct nvirt_vif *vif)
{
	netdev_put(vif->parent, &vif->parent_tracker);
	kfree(vif);
}

/* What a new VIF needs from its name and parent, whatever its backend. */
static int nvirt_vif_precheck(struct net *net, const char *name,
			      struct net_device *parent, struct net *target,
			      struct netlink_ext_ack *extack)
{
	struct nvirt_nic *nic = nvirt_nic_get(net, parent->ifindex);

	if (nic && !nic->managed) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not managed by nvirt",
				   parent->name);
		return -EPERM;
	}
	if (nvirt_vif_of(parent)) {
		NL_SET_ERR_MSG_FMT(extack, "%s is a VIF itself", parent->name);
		return -EINVAL;
	}
	if (nvirt_vif_find(net, 0, name)) {
		NL_SET_ERR_MSG_FMT(extack, "VIF %s exists", name);
		return -EEXIST;
	}
	/* Its netdev takes the name as is: no "%d" template to expand. */
	if (!dev_valid_name(name) || strchr(name, '%')) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not a valid interface name",
				   name);
		return -EINVAL;
	}
	if (__dev_get_by_name(net, name) ||
	    (target && __dev_get_by_name(target, name))) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not a free interface name",
				   name);
		return -EEXIST;
	}
	return 0;
}

/**
 * nvirt_vif_new() - create a VIF, or plan one
 * @net: the namespace it is managed from, the parent's
 * @name: its name
 * @parent: the NIC it goes on
 * @cfg: the settings and policy asked for; defaults fill the rest
 * @flags: NVIRT_PLACE_*; with NVIRT_PLACE_DRY_RUN only @pl is filled in
 * @pl: the plan it is created by, and its reasons
 * @extack: why it failed
 *
 * On error nothing is left behind. A VIF whose hardware the plan takes
 * falls back first.
 *
 * Context: RTNL held.
 * Return: the new VIF's id (0 for a dry run), or a negative errno.
 */
int nvirt_vif_new(struct net *net, const char *name, struct net_device *parent,
		  struct nvirt_vif_cfg *cfg, unsigned int flags,
		  struct nvirt_placement *pl, struct netlink_ext_ack *extack)
{
	struct nvirt_vif_cfg defaults = {
		.mtu = parent->mtu,
		.spoofchk = true,
		.link_state = NVIRT_LINK_STATE_AUTO,
	};
	struct nvirt_vif *vif;
	int err;

	ASSERT_RTNL();
	err = nvirt_vif_precheck(net, name, parent, cfg->net, extack);
	if (err)
		return err;

	eth_random_addr(defaults.mac);
	if (defaults.mtu > ETH_DATA_LEN)
		defaults.mtu = ETH_DATA_LEN;
	nvirt_vif_cfg_merge(cfg, &defaults);
	err = nvirt_npolicy_follow(net, cfg, extack) ?:
	      nvirt_vif_cfg_check(cfg, extack);
	if (err)
		return err;
	err = nvirt_place(parent, NULL, cfg, flags, pl, extack);
	if (err || (flags & NVIRT_PLACE_DRY_RUN))
		return err;

	vif = kzalloc(sizeof(*vif), GFP_KERNEL);
	if (!vif)
		return -ENOMEM;
	strscpy(vif->name, name, sizeof(vif->name));
	vif->backend = pl->plan.backend;
	vif->ops = nvirt_backend_ops(vif->backend);
	vif->parent = parent;
	netdev_hold(parent, &vif->parent_tracker, GFP_KERNEL);
	vif->cfg = *cfg;
	vif->cfg.net = NULL;
	nvirt_vif_adopt_plan(vif, &pl->plan, pl->enforce);

	if (pl->victim) {
		struct nvirt_vif_cfg same = pl->victim->cfg;

		err = nvirt_vif_change(pl->victim, &same, &pl->victim_plan,
				       pl->victim_enforce, NVIRT_CAUSE_PLACEMENT,
				       extack);
		if (err)
			goto err_free_vif;
	}
	err = vif->ops->create(vif, extack);
	if (err)
		goto err_restore_victim;
	netdev_hold(vif->dev, &vif->dev_tracker, GFP_KERNEL);
	if (cfg->net) {
		err = nvirt_vif_move(vif, cfg->net, extack);
		if (err)
			goto err_destroy;
	}
	err = nvirt_vif_table_add(vif);
	if (err)
		goto err_destroy;
	nvirt_vif_notify(vif, NVIRT_NTF_ADD, flags & NVIRT_PLACE_MOVED ?
			 NVIRT_CAUSE_PLACEMENT : NVIRT_CAUSE_REQUEST);
	return vif->id;

err_destroy:
	vif->dying = true;
	netdev_put(vif->dev, &vif->dev_tracker);
	vif->ops->destroy(vif);
err_restore_victim:
	/* The hardware taken from the victim is free again: it may return. */
	if (pl->victim)
		nvirt_place_rebalance();
err_free_vif:
	nvirt_vif_free(vif);
	return err;
}

/*
 * Release a VIF: its backend's resources, then the object; @cause (enum
 * nvirt_cause) says why.
 */
static void nvirt_vif_destroy(struct nvirt_vif *vif, u8 cause)
{
	ASSERT_RTNL();
	vif->dying = true;
	nvirt_vif_table_del(vif);
	nvirt_vif_notify(vif, NVIRT_NTF_DEL, cause);
	netdev_put(vif->dev, &vif->dev_tracker);
	vif->ops->destroy(vif);
	if (nvirt_vif_holds_hw(vif))
		nvirt_place_rebalance();
	nvirt_vif_free(vif);
}

/**
 * nvirt_vif_del() - remove a VIF
 * @vif: the VIF
 * @cause: enum nvirt_cause: a request, or nvirt placing it elsewhere
 * @extack: why not
 *
 * Context: RTNL held.
 * Return: 0, or -EBUSY while its VF is being handed to vfio-pci.
 */
int nvirt_vif_del(struct nvirt_vif *vif, u8 cause,
		  struct netlink_ext_ack *extack)
{
	int err = nvirt_vif_busy(vif, extack);

	if (!err)
		nvirt_vif_destroy(vif, cause);
	return err;
}

/**
 * nvirt_vif_handoff_begin() - start handing a VIF's VF to vfio-pci
 * @vif: a vf VIF with attach vfio, and its netdev
 *
 * Until nvirt_vif_handoff_end(), the netdev going with its driver leaves
 * the VIF without one instead of taking it away, and requests leave the
 * VIF alone.
 *
 * Context: RTNL held.
 * Return: the VF, referenced for the caller to hand over without RTNL.
 */
struct nvirt_vfio *nvirt_vif_handoff_begin(struct nvirt_vif *vif)
{
	ASSERT_RTNL();
	vif->handoff = true;
	return nvirt_vfio_get(vif->vfio);
}

/**
 * nvirt_vif_handoff_end() - a VIF's VF was handed over, or not
 * @vif: the VIF
 * @err: 0, or why vfio-pci did not take the VF
 *
 * Announces the VIF as it is now, or, on @err, deletes it: the VF goes
 * back to its driver.
 *
 * Context: RTNL held.
 */
void nvirt_vif_handoff_end(struct nvirt_vif *vif, int err)
{
	ASSERT_RTNL();
	vif->handoff = false;
	if (err)
		nvirt_vif_destroy(vif, NVIRT_CAUSE_REQUEST);
	else
		nvirt_nl_vif_notify(vif, NVIRT_NTF_CHANGE, NULL,
				    NVIRT_CAUSE_REQUEST);
}

/**
 * nvirt_vif_reclaim() - a VIF takes its VF back from VFIO
 * @vif: a VIF whose VF vfio-pci gave back to its own driver, handed off
 *	(nvirt_vif_handoff_begin())
 * @cfg: its settings now, or NULL to keep them
 * @net: the namespace its netdev goes to, or NULL for the init namespace
 * @extack: why not
 *
 * Ends the hand-off: the VIF is attached in a namespace again, through
 * the VF's new netdev. Not announced: the change it serves is. On error
 * the VIF is deleted; its VF stays with its driver.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_reclaim(struct nvirt_vif *vif, const struct nvirt_vif_cfg *cfg,
		      struct net *net, struct netlink_ext_ack *extack)
{
	u8 attach = vif->cfg.attach;
	int err;

	ASSERT_RTNL();
	vif->handoff = false;
	vif->cfg.attach = NVIRT_ATTACH_NETNS;
	err = vif->ops->reclaim ? vif->ops->reclaim(vif, extack) : -EOPNOTSUPP;
	if (err)
		goto err_destroy;
	/* reclaim() set vif->dev; the table learns it here. */
	nvirt_vif_table_set_dev(vif, vif->dev);
	netdev_hold(vif->dev, &vif->dev_tracker, GFP_KERNEL);
	vif->changing = true;
	if (net)
		err = nvirt_vif_move(vif, net, extack);
	if (!err && cfg)
		err = vif->ops->apply(vif, cfg, extack);
	vif->changing = false;
	if (err)
		goto err_destroy;
	if (cfg) {
		vif->cfg = *cfg;
		vif->cfg.net = NULL;
	}
	return 0;

err_destroy:
	vif->cfg.attach = attach;
	nvirt_vif_destroy(vif, NVIRT_CAUSE_REQUEST);
	return err;
}

/*
 * Realize a VIF on another backend with @cfg, keeping its id, name and
 * settings: the new netdev is made before the old one goes, so a failure
 * leaves the VIF as it was, unless its backend can retarget it (soft and
 * queue, both nvirt's netdev: only where it transmits changes).
 */
static int nvirt_vif_rebackend(struct nvirt_vif *vif, u8 backend,
			       struct nvirt_vif_cfg *cfg,
			       struct netlink_ext_ack *extack)
{
	struct net *net = cfg->net ?: dev_net(vif->dev);
	struct net *old_net = dev_net(vif->dev);
	struct net_device *dev;
	struct nvirt_vif *old;
	int err;

	err = vif->ops->retarget ? vif->ops->retarget(vif, backend, extack) :
				   -EOPNOTSUPP;
	if (err != -EOPNOTSUPP) {
		if (err)
			return err;
		err = nvirt_vif_move(vif, net, extack);
		if (!err)
			err = vif->ops->apply(vif, cfg, extack);
		if (err) {
			nvirt_vif_move(vif, old_net, NULL);
			vif->ops->retarget(vif, vif->backend, NULL);
			return err;
		}
		vif->backend = backend;
		vif->ops = nvirt_backend_ops(backend);
		return 0;
	}

	/* The new realization on a VIF of its own, the old one's after. */
	old = kzalloc(sizeof(*old), GFP_KERNEL);
	if (!old)
		return -ENOMEM;
	strscpy(old->name, vif->name, sizeof(old->name));
	old->backend = backend;
	old->ops = nvirt_backend_ops(backend);
	old->parent = vif->parent;
	netdev_hold(old->parent, &old->parent_tracker, GFP_KERNEL);
	old->cfg = *cfg;
	old->cfg.net = NULL;
	err = old->ops->create(old, extack);
	if (err)
		goto out_free;
	netdev_hold(old->dev, &old->dev_tracker, GFP_KERNEL);
	err = nvirt_vif_move(old, net, extack);
	if (err)
		goto out_destroy;

	dev = old->dev;
	old->dev = vif->dev;
	nvirt_vif_table_set_dev(vif, dev);
	swap(vif->backend, old->backend);
	swap(vif->ops, old->ops);
	swap(vif->dev_tracker, old->dev_tracker);
	swap(vif->cfg, old->cfg);
	swap(vif->queue, old->queue);
	swap(vif->vf, old->vf);
	swap(vif->pdev, old->pdev);
	swap(vif->orig_mtu, old->orig_mtu);
	swap(vif->vfio, old->vfio);
	if (vif->ops->adopt)
		vif->ops->adopt(vif);
	if (old->ops->adopt)
		old->ops->adopt(old);

out_destroy:
	old->dying = true;
	netdev_put(old->dev, &old->dev_tracker);
	old->ops->destroy(old);
out_free:
	nvirt_vif_free(old);
	return err;
}

/**
 * nvirt_vif_change() - carry out a plan for a VIF, all or nothing
 * @vif: the VIF
 * @cfg: its settings, whole, and the namespace when @cfg->net
 * @plan: the plan: its backend, migratability, path, reasons
 * @enforce: where the settings are enforced on that backend
 * @cause: enum nvirt_cause: why, for its notification
 * @extack: why it failed
 *
 * A VIF that changes backend keeps its id, name and settings; its
 * notification carries the plan's reasons.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_change(struct nvirt_vif *vif, struct nvirt_vif_cfg *cfg,
		     const struct nvirt_plan *plan, const u8 *enforce,
		     u8 cause, struct netlink_ext_ack *extack)
{
	bool moved = plan->backend != vif->backend;
	struct net *old_net;
	bool freed = false;
	int err;

	ASSERT_RTNL();
	if (!vif->dev && moved) {
		NL_SET_ERR_MSG_FMT(extack, "VIF %s is a VF handed to VFIO: it stays one",
				   vif->name);
		return -EOPNOTSUPP;
	}
	old_net = vif->dev ? dev_net(vif->dev) : NULL;
	vif->changing = true;
	if (moved) {
		freed = nvirt_vif_holds_hw(vif);
		err = nvirt_vif_rebackend(vif, plan->backend, cfg, extack);
		if (err)
			goto err_changing;
	} else {
		if (cfg->net) {
			err = nvirt_vif_move(vif, cfg->net, extack);
			if (err)
				goto err_changing;
		}
		err = vif->ops->apply(vif, cfg, extack);
		if (err) {
			if (cfg->net)
				nvirt_vif_move(vif, old_net, NULL);
			goto err_changing;
		}
	}
	vif->changing = false;
	vif->cfg = *cfg;
	vif->cfg.net = NULL;
	nvirt_vif_adopt_plan(vif, plan, enforce);
	nvirt_nl_vif_notify(vif, NVIRT_NTF_CHANGE, moved ? plan : NULL, cause);
	if (freed)
		nvirt_place_rebalance();
	return 0;

err_changing:
	vif->changing = false;
	return err;
}

/**
 * nvirt_vif_set() - change settings or policy of a VIF, or plan to
 * @vif: the VIF
 * @cfg: the settings in @cfg->set, and the namespace when @cfg->net
 * @flags: NVIRT_PLACE_*; with NVIRT_PLACE_DRY_RUN only @pl is filled in
 * @pl: the plan it is changed by, and its reasons
 * @cause: enum nvirt_cause: why, for its notification
 * @extack: why it failed
 *
 * All or nothing. The VIF moves to another backend when the plan says so;
 * a VIF whose hardware it takes falls back first.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_set(struct nvirt_vif *vif, struct nvirt_vif_cfg *cfg,
		  unsigned int flags, struct nvirt_placement *pl, u8 cause,
		  struct netlink_ext_ack *extack)
{
	int err;

	ASSERT_RTNL();
	err = nvirt_vif_busy(vif, extack);
	if (err)
		return err;
	/* The MTU is the netdev's, which its guest may have changed. */
	if (vif->dev)
		vif->cfg.mtu = vif->dev->mtu;
	nvirt_vif_cfg_merge(cfg, &vif->cfg);
	err = nvirt_npolicy_follow(dev_net(vif->parent), cfg, extack) ?:
	      nvirt_vif_cfg_check(cfg, extack);
	if (err)
		return err;
	err = nvirt_place(vif->parent, vif, cfg, flags, pl, extack);
	if (err || (flags & NVIRT_PLACE_DRY_RUN))
		return err;
	/* A request gives the VF back first (nvirt_vif_reclaim()). */
	if (!vif->dev && !nvirt_vif_is_vfio(cfg)) {
		NL_SET_ERR_MSG_FMT(extack, "VIF %s is a VF handed to VFIO",
				   vif->name);
		return -EOPNOTSUPP;
	}

	if (pl->victim) {
		struct nvirt_vif_cfg same = pl->victim->cfg;

		err = nvirt_vif_change(pl->victim, &same, &pl->victim_plan,
				       pl->victim_enforce, NVIRT_CAUSE_PLACEMENT,
				       extack);
		if (err)
			return err;
	}
	err = nvirt_vif_change(vif, cfg, &pl->plan, pl->enforce, cause, extack);
	if (err && pl->victim)
		nvirt_place_rebalance();
	return err;
}

static void nvirt_vif_reap_one(struct nvirt_vif *vif, void *arg)
{
	if (vif->orphan)
		nvirt_vif_destroy(vif, NVIRT_CAUSE_NETNS);
}

/* Release the VIFs whose VF came back from a namespace that died. */
static void nvirt_vif_reap(struct work_struct *work)
{
	rtnl_lock();
	nvirt_vif_each(NULL, nvirt_vif_reap_one, NULL);
	rtnl_unlock();
}

/* @arg: enum nvirt_cause, as a pointer */
static void nvirt_vif_gone(struct nvirt_vif *vif, void *arg)
{
	nvirt_vif_destroy(vif, (uintptr_t)arg);
}

static int nvirt_vif_netdev_event(struct notifier_block *nb,
				  unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct nvirt_vif *vif = nvirt_vif_of(dev);

	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
	case NETDEV_CHANGEADDR:
		if (vif && !vif->dying && !vif->changing && !vif->handoff)
			nvirt_vif_notify(vif, NVIRT_NTF_CHANGE,
					 NVIRT_CAUSE_NETDEV);
		break;
	case NETDEV_UNREGISTER:
		/*
		 * The parent goes, or leaves the namespace; VIFs made from a
		 * pool are made again on another NIC of it, later.
		 */
		nvirt_vif_each(dev, nvirt_pool_move_later, NULL);
		nvirt_vif_each(dev, nvirt_vif_gone,
			       (void *)(uintptr_t)NVIRT_CAUSE_PARENT);
		if (!vif || vif->dying)
			break;
		if (vif->handoff && dev->reg_state == NETREG_UNREGISTERING) {
			/* Its driver let the VF go, for vfio-pci. */
			netdev_put(vif->dev, &vif->dev_tracker);
			nvirt_vif_table_set_dev(vif, NULL);
			break;
		}
		if (dev->reg_state == NETREG_UNREGISTERING) {
			nvirt_vif_destroy(vif, check_net(dev_net(dev)) ?
					  NVIRT_CAUSE_NETDEV : NVIRT_CAUSE_NETNS);
		} else if (!check_net(dev_net(dev))) {
			/* A VF pushed out of a dying namespace. */
			vif->orphan = true;
			queue_work(system_wq, &nvirt_vif_reap_work);
		}
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block nvirt_vif_nb = {
	.notifier_call = nvirt_vif_netdev_event,
};

/**
 * nvirt_vif_init() - start following the netdevs of VIFs
 *
 * Return: 0 or a negative errno.
 */
int nvirt_vif_init(void)
{
	return register_netdevice_notifier(&nvirt_vif_nb);
}

/**
 * nvirt_vif_exit() - remove every VIF
 */
void nvirt_vif_exit(void)
{
	rtnl_lock();
	nvirt_vif_each(NULL, nvirt_vif_gone,
		       (void *)(uintptr_t)NVIRT_CAUSE_UNLOAD);
	rtnl_unlock();
	/* Unregistering replays events: only once no VIF is left. */
	unregister_netdevice_notifier(&nvirt_vif_nb);
	cancel_work_sync(&nvirt_vif_reap_work);
}
