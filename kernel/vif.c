// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: virtual interfaces (VIFs), one model over every backend.
 *
 * A VIF is managed from its parent NIC's namespace, wherever its netdev
 * lives. This file keeps the table of VIFs, fills in defaults, picks a
 * backend, says where each setting is enforced (the backend decides), and
 * follows the netdevs: a VIF goes when its netdev or its parent goes, or
 * when its parent leaves the namespace; a VF whose namespace dies comes
 * back and is released.
 */

#include <linux/etherdevice.h>
#include <linux/hashtable.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "netlink.h"
#include "nic.h"
#include "vdev.h"
#include "vif.h"

/* Every VIF by id; changed under RTNL. */
static DEFINE_XARRAY_ALLOC1(nvirt_vifs);
/* Every VIF by its netdev and by its parent, for netdev events; RTNL. */
static DEFINE_HASHTABLE(nvirt_vifs_by_dev, 8);
static DEFINE_HASHTABLE(nvirt_vifs_by_parent, 8);
/* Bumped when a VIF comes or goes, for dump consistency; under RTNL. */
static unsigned int nvirt_vif_generation;

static void nvirt_vif_reap(struct work_struct *work);
static DECLARE_WORK(nvirt_vif_reap_work, nvirt_vif_reap);

static const struct nvirt_backend_ops *nvirt_backend_ops(u8 backend)
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

/* The namespace a VIF is managed from. */
static struct net *nvirt_vif_net(const struct nvirt_vif *vif)
{
	return dev_net(vif->parent);
}

/**
 * nvirt_vif_find() - find a VIF of a namespace by id or name
 * @net: the namespace it is managed from
 * @id: its id, or 0
 * @name: its name, or NULL
 *
 * Context: RTNL held.
 * Return: the VIF matching all that is given, or NULL.
 */
struct nvirt_vif *nvirt_vif_find(struct net *net, u32 id, const char *name)
{
	struct nvirt_vif *vif;
	unsigned long i;

	ASSERT_RTNL();
	if (id) {
		vif = xa_load(&nvirt_vifs, id);
		if (!vif || !net_eq(nvirt_vif_net(vif), net) ||
		    (name && strcmp(vif->name, name)))
			return NULL;
		return vif;
	}
	xa_for_each(&nvirt_vifs, i, vif)
		if (net_eq(nvirt_vif_net(vif), net) && !strcmp(vif->name, name))
			return vif;
	return NULL;
}

/**
 * nvirt_vif_of() - the VIF a netdev realizes
 * @dev: the netdev
 *
 * Context: RTNL held.
 * Return: the VIF whose netdev @dev is, or NULL.
 */
struct nvirt_vif *nvirt_vif_of(const struct net_device *dev)
{
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	hash_for_each_possible(nvirt_vifs_by_dev, vif, dev_node,
			       (unsigned long)dev)
		if (vif->dev == dev)
			return vif;
	return NULL;
}

/**
 * nvirt_vif_uses_pf() - whether a VIF is a VF of a PF
 * @pdev: the PF
 *
 * Context: RTNL held.
 * Return: true when a vf VIF is on @pdev.
 */
bool nvirt_vif_uses_pf(struct pci_dev *pdev)
{
	struct nvirt_vif *vif;
	unsigned long i;

	ASSERT_RTNL();
	xa_for_each(&nvirt_vifs, i, vif)
		if (vif->pdev == pdev)
			return true;
	return false;
}

/**
 * nvirt_vif_next() - walk the VIFs of a namespace in id order
 * @net: the namespace they are managed from
 * @id: where to start; set to the returned VIF's id
 *
 * Context: RTNL held.
 * Return: the first VIF at or after *@id, or NULL at the end.
 */
struct nvirt_vif *nvirt_vif_next(struct net *net, unsigned long *id)
{
	struct nvirt_vif *vif;

	ASSERT_RTNL();
	xa_for_each_start(&nvirt_vifs, *id, vif, *id)
		if (net_eq(nvirt_vif_net(vif), net))
			return vif;
	return NULL;
}

/**
 * nvirt_vif_gen() - the generation of the VIF table
 *
 * Context: RTNL held.
 * Return: a number that changes whenever a VIF comes or goes.
 */
unsigned int nvirt_vif_gen(void)
{
	ASSERT_RTNL();
	return nvirt_vif_generation;
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
	vif->ops->stats(vif, stats);
}

/**
 * nvirt_vif_stats_of() - the traffic a netdev counted, as VIF statistics
 * @dev: the VIF's netdev
 * @stats: filled in, but for the drops only nvirt counts
 */
void nvirt_vif_stats_of(struct net_device *dev, struct nvirt_vif_stats *stats)
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

/* The request's settings over @base's. */
static void nvirt_vif_cfg_merge(struct nvirt_vif_cfg *cfg,
				const struct nvirt_vif_cfg *base)
{
	struct nvirt_vif_cfg req = *cfg;

	*cfg = *base;
	cfg->set = req.set;
	cfg->net = req.net;
	if (test_bit(NVIRT_VIF_F_MAC, &req.set))
		ether_addr_copy(cfg->mac, req.mac);
	if (test_bit(NVIRT_VIF_F_VLAN, &req.set)) {
		cfg->vlan = req.vlan;
		/* A new VLAN starts from priority 0 and 802.1Q. */
		cfg->qos = 0;
		cfg->vlan_proto = NVIRT_VLAN_PROTO_8021Q;
	}
	if (test_bit(NVIRT_VIF_F_VLAN_QOS, &req.set))
		cfg->qos = req.qos;
	if (test_bit(NVIRT_VIF_F_VLAN_PROTO, &req.set))
		cfg->vlan_proto = req.vlan_proto;
	if (test_bit(NVIRT_VIF_F_MTU, &req.set))
		cfg->mtu = req.mtu;
	if (test_bit(NVIRT_VIF_F_MAX_RATE, &req.set))
		cfg->max_rate = req.max_rate;
	if (test_bit(NVIRT_VIF_F_MIN_RATE, &req.set))
		cfg->min_rate = req.min_rate;
	if (test_bit(NVIRT_VIF_F_SPOOFCHK, &req.set))
		cfg->spoofchk = req.spoofchk;
	if (test_bit(NVIRT_VIF_F_TRUST, &req.set))
		cfg->trust = req.trust;
	if (test_bit(NVIRT_VIF_F_LINK_STATE, &req.set))
		cfg->link_state = req.link_state;
}

static int nvirt_vif_cfg_check(const struct nvirt_vif_cfg *cfg,
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

/* Could @parent realize a VIF on @backend right now? */
static bool nvirt_vif_backend_free(struct net_device *parent, u8 backend)
{
	switch (backend) {
	case NVIRT_BACKEND_VF:
		return nvirt_vf_available(parent);
	case NVIRT_BACKEND_QUEUE:
		return nvirt_queue_available(parent);
	}
	return true;
}

/*
 * The backend for a new VIF: the one asked for, or for auto the first of
 * vf, queue, soft that has room and can enforce the settings.
 */
static int nvirt_vif_pick(struct net_device *parent, u8 backend,
			  const struct nvirt_vif_cfg *cfg, u8 *enforce,
			  struct netlink_ext_ack *extack)
{
	static const u8 order[] = {
		NVIRT_BACKEND_VF, NVIRT_BACKEND_QUEUE, NVIRT_BACKEND_SOFT,
	};
	int i, err = -ENOSPC;

	if (backend != NVIRT_BACKEND_AUTO) {
		err = nvirt_backend_ops(backend)->check(parent, cfg, enforce,
							extack);
		return err ?: backend;
	}
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		if (!nvirt_vif_backend_free(parent, order[i]))
			continue;
		err = nvirt_backend_ops(order[i])->check(parent, cfg, enforce,
							 i + 1 < ARRAY_SIZE(order) ?
							 NULL : extack);
		if (!err)
			return order[i];
	}
	return err;
}

static void nvirt_vif_notify(struct nvirt_vif *vif, enum nvirt_nic_event ev)
{
	nvirt_nl_vif_notify(vif, ev);
}

/* Move a VIF's netdev to @net, keeping its name. */
static int nvirt_vif_move(struct nvirt_vif *vif, struct net *net,
			  struct netlink_ext_ack *extack)
{
	int err;

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
	if (!dev_valid_name(name) || __dev_get_by_name(net, name) ||
	    (target && __dev_get_by_name(target, name))) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not a free interface name",
				   name);
		return -EEXIST;
	}
	return 0;
}

/**
 * nvirt_vif_may_create() - whether a VIF could be created, backend aside
 * @net: the namespace it would be managed from
 * @name: its name
 * @parent: its parent
 *
 * Context: RTNL held.
 * Return: true when the checks that need no backend pass.
 */
bool nvirt_vif_may_create(struct net *net, const char *name,
			  struct net_device *parent)
{
	ASSERT_RTNL();
	return !nvirt_vif_precheck(net, name, parent, NULL, NULL);
}

/**
 * nvirt_vif_new() - create a VIF
 * @net: the namespace it is managed from, the parent's
 * @name: its name
 * @parent: the NIC it goes on
 * @backend: enum nvirt_backend, auto to let nvirt pick
 * @cfg: the settings asked for; defaults fill the rest
 * @extack: why it failed
 *
 * On error nothing is left behind.
 *
 * Context: RTNL held.
 * Return: the new VIF's id, or a negative errno.
 */
int nvirt_vif_new(struct net *net, const char *name, struct net_device *parent,
		  u8 backend, struct nvirt_vif_cfg *cfg,
		  struct netlink_ext_ack *extack)
{
	struct nvirt_vif_cfg defaults = {
		.mtu = parent->mtu,
		.spoofchk = true,
		.link_state = NVIRT_LINK_STATE_AUTO,
	};
	u8 enforce[NVIRT_SETTING_MAX + 1];
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
	err = nvirt_vif_cfg_check(cfg, extack);
	if (err)
		return err;
	err = nvirt_vif_pick(parent, backend, cfg, enforce, extack);
	if (err < 0)
		return err;
	backend = err;
	nvirt_vif_mask_enforce(cfg, enforce);

	vif = kzalloc(sizeof(*vif), GFP_KERNEL);
	if (!vif)
		return -ENOMEM;
	strscpy(vif->name, name);
	vif->backend = backend;
	vif->ops = nvirt_backend_ops(backend);
	vif->parent = parent;
	netdev_hold(parent, &vif->parent_tracker, GFP_KERNEL);
	vif->cfg = *cfg;
	vif->cfg.net = NULL;
	memcpy(vif->enforce, enforce, sizeof(enforce));

	err = vif->ops->create(vif, extack);
	if (err)
		goto err_free_vif;
	netdev_hold(vif->dev, &vif->dev_tracker, GFP_KERNEL);
	if (cfg->net) {
		err = nvirt_vif_move(vif, cfg->net, extack);
		if (err)
			goto err_destroy;
	}
	err = xa_alloc(&nvirt_vifs, &vif->id, vif, xa_limit_31b, GFP_KERNEL);
	if (err)
		goto err_destroy;
	hash_add(nvirt_vifs_by_dev, &vif->dev_node, (unsigned long)vif->dev);
	hash_add(nvirt_vifs_by_parent, &vif->parent_node,
		 (unsigned long)vif->parent);
	nvirt_vif_generation++;
	nvirt_vif_notify(vif, NVIRT_NIC_ADDED);
	return vif->id;

err_destroy:
	vif->dying = true;
	netdev_put(vif->dev, &vif->dev_tracker);
	vif->ops->destroy(vif);
err_free_vif:
	nvirt_vif_free(vif);
	return err;
}

/* Release a VIF: its backend's resources, then the object. */
static void nvirt_vif_destroy(struct nvirt_vif *vif)
{
	ASSERT_RTNL();
	vif->dying = true;
	xa_erase(&nvirt_vifs, vif->id);
	hash_del(&vif->dev_node);
	hash_del(&vif->parent_node);
	nvirt_vif_generation++;
	nvirt_vif_notify(vif, NVIRT_NIC_REMOVED);
	netdev_put(vif->dev, &vif->dev_tracker);
	vif->ops->destroy(vif);
	nvirt_vif_free(vif);
}

/**
 * nvirt_vif_del() - remove a VIF
 * @vif: the VIF
 *
 * Context: RTNL held.
 * Return: 0.
 */
int nvirt_vif_del(struct nvirt_vif *vif)
{
	nvirt_vif_destroy(vif);
	return 0;
}

/**
 * nvirt_vif_set() - change settings of a VIF, all or nothing
 * @vif: the VIF
 * @cfg: the settings in @cfg->set, and the namespace when @cfg->net
 * @extack: why it failed
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_vif_set(struct nvirt_vif *vif, struct nvirt_vif_cfg *cfg,
		  struct netlink_ext_ack *extack)
{
	struct net *old_net = dev_net(vif->dev);
	u8 enforce[NVIRT_SETTING_MAX + 1];
	int err;

	ASSERT_RTNL();
	/* The MTU is the netdev's, which its guest may have changed. */
	vif->cfg.mtu = vif->dev->mtu;
	nvirt_vif_cfg_merge(cfg, &vif->cfg);
	err = nvirt_vif_cfg_check(cfg, extack);
	if (err)
		return err;
	err = vif->ops->check(vif->parent, cfg, enforce, extack);
	if (err)
		return err;
	nvirt_vif_mask_enforce(cfg, enforce);

	if (cfg->net) {
		err = nvirt_vif_move(vif, cfg->net, extack);
		if (err)
			return err;
	}
	err = vif->ops->apply(vif, cfg, extack);
	if (err) {
		if (cfg->net)
			nvirt_vif_move(vif, old_net, NULL);
		return err;
	}
	vif->cfg = *cfg;
	vif->cfg.net = NULL;
	memcpy(vif->enforce, enforce, sizeof(enforce));
	nvirt_vif_notify(vif, NVIRT_NIC_CHANGED);
	return 0;
}

/* Release the VIFs whose VF came back from a namespace that died. */
static void nvirt_vif_reap(struct work_struct *work)
{
	struct nvirt_vif *vif;
	unsigned long id;

	rtnl_lock();
	xa_for_each(&nvirt_vifs, id, vif)
		if (vif->orphan)
			nvirt_vif_destroy(vif);
	rtnl_unlock();
}

static int nvirt_vif_netdev_event(struct notifier_block *nb,
				  unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct nvirt_vif *vif = nvirt_vif_of(dev);
	struct hlist_node *tmp;
	struct nvirt_vif *child;

	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
		nvirt_vdev_parent_changed(dev);
		fallthrough;
	case NETDEV_CHANGEADDR:
		if (vif && !vif->dying)
			nvirt_vif_notify(vif, NVIRT_NIC_CHANGED);
		break;
	case NETDEV_UNREGISTER:
		/* The parent goes, or leaves the namespace. */
		hash_for_each_possible_safe(nvirt_vifs_by_parent, child, tmp,
					    parent_node, (unsigned long)dev)
			if (child->parent == dev && !child->dying)
				nvirt_vif_destroy(child);
		if (!vif || vif->dying)
			break;
		if (dev->reg_state == NETREG_UNREGISTERING) {
			nvirt_vif_destroy(vif);
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
	struct nvirt_vif *vif;
	unsigned long id;

	rtnl_lock();
	xa_for_each(&nvirt_vifs, id, vif)
		nvirt_vif_destroy(vif);
	rtnl_unlock();
	/* Unregistering replays events: only once no VIF is left. */
	unregister_netdevice_notifier(&nvirt_vif_nb);
	cancel_work_sync(&nvirt_vif_reap_work);
	nvirt_vf_exit();
}
