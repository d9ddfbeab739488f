// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the soft and queue backends, VIFs realized by vdevs.
 *
 * Everything is nvirt's software. A queue VIF owns its queue among VIFs,
 * but the parent's own flows may still hash onto it, so its rate is not
 * left to the queue's hardware limiter (ndo_set_tx_maxrate), which would
 * throttle them too. A minimum rate needs a scheduler across the parent's
 * senders, which nvirt does not have: it is refused.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "port.h"
#include "soft.h"
#include "tap.h"
#include "vdev.h"
#include "vif.h"

static int __nvirt_soft_check(struct net_device *parent,
			      const struct nvirt_vif_cfg *cfg, bool queue,
			      u8 *enforce, struct netlink_ext_ack *extack)
{
	const char *by;
	int s, holder;

	if (parent->type != ARPHRD_ETHER || (parent->flags & IFF_LOOPBACK) ||
	    nvirt_vdev_is(parent)) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not an Ethernet NIC nvirt can stack on",
				   parent->name);
		return -EOPNOTSUPP;
	}
	holder = nvirt_port_holder(parent, &by);
	if (holder >= 0 && holder != NVIRT_HOLDER_NVIRT) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%s is held by %s%s%s: a %s VIF needs its receive handler",
				   parent->name, nvirt_port_holder_name(holder),
				   by ? " " : "", by ?: "", queue ? "queue" : "soft");
		return -EBUSY;
	}
	if (cfg->min_rate) {
		NL_SET_ERR_MSG_FMT(extack, "min-rate cannot be guaranteed by the %s backend",
				   queue ? "queue" : "soft");
		return -EOPNOTSUPP;
	}
	if (cfg->mtu > parent->mtu) {
		NL_SET_ERR_MSG_FMT(extack, "mtu %u is above the MTU of %s (%u)",
				   cfg->mtu, parent->name, parent->mtu);
		return -EINVAL;
	}

	for (s = 0; s <= NVIRT_SETTING_MAX; s++)
		enforce[s] = NVIRT_SUPPORT_SOFTWARE;
	return 0;
}

static int nvirt_soft_check(struct net_device *parent,
			    const struct nvirt_vif_cfg *cfg, u8 *enforce,
			    struct netlink_ext_ack *extack)
{
	return __nvirt_soft_check(parent, cfg, false, enforce, extack);
}

/* A free transmit queue of a parent: the highest, never queue 0. */
static int nvirt_queue_find(struct net_device *parent)
{
	struct nvirt_port *port = nvirt_port_get(parent);
	int q;

	for (q = parent->real_num_tx_queues - 1; q > 0; q--)
		if (!port || !test_bit(q, port->queues))
			return q;
	return -ENOSPC;
}

static int nvirt_queue_check(struct net_device *parent,
			     const struct nvirt_vif_cfg *cfg, u8 *enforce,
			     struct netlink_ext_ack *extack)
{
	if (!parent->dev.parent) {
		NL_SET_ERR_MSG_FMT(extack, "%s has no hardware queues: it is a virtual device",
				   parent->name);
		return -EOPNOTSUPP;
	}
	if (parent->real_num_tx_queues < 2) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%s has 1 transmit queue, which stays with the NIC",
				   parent->name);
		return -EOPNOTSUPP;
	}
	return __nvirt_soft_check(parent, cfg, true, enforce, extack);
}

static int nvirt_soft_vlan_add(struct net_device *parent,
			       const struct nvirt_vif_cfg *cfg)
{
	if (!cfg->vlan)
		return 0;
	return vlan_vid_add(parent, cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD ?
			    htons(ETH_P_8021AD) : htons(ETH_P_8021Q), cfg->vlan);
}

static void nvirt_soft_vlan_del(struct net_device *parent,
				const struct nvirt_vif_cfg *cfg)
{
	if (!cfg->vlan)
		return;
	vlan_vid_del(parent, cfg->vlan_proto == NVIRT_VLAN_PROTO_8021AD ?
		     htons(ETH_P_8021AD) : htons(ETH_P_8021Q), cfg->vlan);
}

static int __nvirt_soft_create(struct nvirt_vif *vif, bool queue,
			       struct netlink_ext_ack *extack)
{
	struct net_device *parent = vif->parent;
	struct nvirt_port *port;
	struct nvirt_vdev *vd;
	struct net_device *dev;
	int q = -1, err;

	ASSERT_RTNL();
	port = nvirt_port_get(parent);
	if ((port && nvirt_port_lookup(port, vif->cfg.mac)) ||
	    ether_addr_equal(parent->dev_addr, vif->cfg.mac)) {
		NL_SET_ERR_MSG_FMT(extack, "MAC %pM is in use on %s",
				   vif->cfg.mac, parent->name);
		return -EADDRINUSE;
	}
	if (queue) {
		q = nvirt_queue_find(parent);
		if (q < 0) {
			NL_SET_ERR_MSG_FMT(extack,
					   "%s has no free transmit queue (VIFs own %u)",
					   parent->name, parent->real_num_tx_queues - 1);
			return q;
		}
	}

	dev = nvirt_vdev_alloc(vif->name, q);
	if (!dev)
		return -ENOMEM;
	dev_net_set(dev, dev_net(parent));
	vd = netdev_priv(dev);
	eth_hw_addr_set(dev, vif->cfg.mac);
	dev->mtu = vif->cfg.mtu;
	dev->gso_max_size = parent->gso_max_size;
	dev->gso_max_segs = parent->gso_max_segs;

	if (!port) {
		port = nvirt_port_create(parent, extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto err_free_dev;
		}
	}
	vd->port = port;
	vd->parent = parent;

	err = nvirt_soft_vlan_add(parent, &vif->cfg);
	if (err)
		goto err_drop_port;
	/* Once ndo_init ran, unregistering undoes it (ndo_uninit). */
	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG_FMT(extack, "cannot register %s", vif->name);
		goto err_vlan_del;
	}
	err = netdev_upper_dev_link(parent, dev, extack);
	if (err)
		goto err_unregister;
	vd->linked = true;
	hlist_add_head_rcu(&vd->hnode, nvirt_port_bucket(port, vif->cfg.mac));
	vif->queue = q < 0 ? 0 : q;
	vd->vif = vif;
	nvirt_vdev_publish(vd, &vif->cfg);
	nvirt_vdev_g2g(vd, vif->g2g);
	nvirt_vdev_link(vd, vif->cfg.link_state);
	if (vif->cfg.attach == NVIRT_ATTACH_TAP) {
		err = nvirt_tap_attach(dev, &vd->tap, extack);
		if (err)
			goto err_unregister;
		err = dev_open(dev, extack);
		if (err)
			goto err_detach;
	}
	vif->dev = dev;
	return 0;

err_detach:
	nvirt_tap_detach(vd->tap);
	vd->tap = NULL;
	/* ndo_uninit takes it out of the port and unlinks it. */
err_unregister:
	nvirt_soft_vlan_del(parent, &vif->cfg);
	vd->vif = NULL;
	unregister_netdevice(dev);
	return err;

err_vlan_del:
	nvirt_soft_vlan_del(parent, &vif->cfg);
err_drop_port:
	nvirt_port_drop_unused(parent);
err_free_dev:
	free_netdev(dev);
	return err;
}

static int nvirt_soft_create(struct nvirt_vif *vif,
			     struct netlink_ext_ack *extack)
{
	return __nvirt_soft_create(vif, false, extack);
}

static int nvirt_queue_create(struct nvirt_vif *vif,
			      struct netlink_ext_ack *extack)
{
	return __nvirt_soft_create(vif, true, extack);
}

/* Change settings all or nothing: what can fail goes first. */
static int nvirt_soft_apply(struct nvirt_vif *vif,
			    const struct nvirt_vif_cfg *cfg,
			    struct netlink_ext_ack *extack)
{
	struct nvirt_vdev *vd = netdev_priv(vif->dev);
	struct net_device *parent = vif->parent;
	bool vlan = cfg->vlan != vif->cfg.vlan ||
		    cfg->vlan_proto != vif->cfg.vlan_proto;
	bool tap = cfg->attach == NVIRT_ATTACH_TAP;
	bool was_up = vif->dev->flags & IFF_UP;
	bool attached = tap && !vd->tap;
	unsigned int mtu = vif->dev->mtu;
	int err;

	ASSERT_RTNL();
	if (attached) {
		err = nvirt_tap_attach(vif->dev, &vd->tap, extack);
		if (err)
			return err;
	}
	if (vlan) {
		err = nvirt_soft_vlan_add(parent, cfg);
		if (err)
			goto err_detach;
	}
	if (cfg->mtu != mtu) {
		err = dev_set_mtu(vif->dev, cfg->mtu);
		if (err)
			goto err_vlan_del;
	}
	err = nvirt_vdev_change_mac(vd, cfg->mac, extack);
	if (err)
		goto err_restore_mtu;
	/* A tap's netdev up last: down, its MAC surely goes back. */
	if (attached && !was_up) {
		err = dev_open(vif->dev, extack);
		if (err)
			goto err_restore_mac;
	}

	if (!tap) {
		nvirt_tap_detach(vd->tap);
		vd->tap = NULL;
	}
	if (vlan)
		nvirt_soft_vlan_del(parent, &vif->cfg);
	nvirt_vdev_publish(vd, cfg);
	nvirt_vdev_link(vd, cfg->link_state);
	return 0;

err_restore_mac:
	nvirt_vdev_change_mac(vd, vif->cfg.mac, NULL);
err_restore_mtu:
	dev_set_mtu(vif->dev, mtu);
err_vlan_del:
	if (vlan)
		nvirt_soft_vlan_del(parent, cfg);
err_detach:
	if (attached) {
		nvirt_tap_detach(vd->tap);
		vd->tap = NULL;
	}
	return err;
}

static void nvirt_soft_destroy(struct nvirt_vif *vif)
{
	struct nvirt_vdev *vd = netdev_priv(vif->dev);
	struct net_device *parent = vif->parent;

	ASSERT_RTNL();
	/*
	 * Even from a parent being unregistered: its VLAN table is freed
	 * with its last VLAN, not with it (8021q deletes its own the same way).
	 */
	nvirt_soft_vlan_del(parent, &vif->cfg);
	nvirt_tap_detach(vd->tap);
	vd->tap = NULL;
	/* Unlinked now: the parent may be unregistered before the vdev. */
	if (vd->linked) {
		netdev_upper_dev_unlink(parent, vif->dev);
		vd->linked = false;
	}
	vd->vif = NULL;
	if (vif->dev->reg_state == NETREG_REGISTERED)
		unregister_netdevice(vif->dev);
}

static void nvirt_soft_path(struct nvirt_vif *vif, char *buf, size_t size)
{
	struct nvirt_vdev *vd = netdev_priv(vif->dev);

	if (vd->tap)
		snprintf(buf, size, "/dev/%s", nvirt_tap_name(vd->tap));
}

static void nvirt_soft_stats(struct nvirt_vif *vif,
			     struct nvirt_vif_stats *stats)
{
	struct nvirt_vdev *vd = netdev_priv(vif->dev);

	stats->spoof_dropped = atomic64_read(&vd->spoof_dropped);
	stats->vlan_dropped = atomic64_read(&vd->vlan_dropped);
	stats->ring = true;
	stats->ring_posts = READ_ONCE(vd->prod.posted);
	stats->ring_retries = READ_ONCE(vd->prod.retries);
	stats->ring_throttled = READ_ONCE(vd->prod.throttled);
	stats->ring_drops = READ_ONCE(vd->prod.drops);
	stats->tx_switched = atomic64_read(&vd->switched);
	stats->rx_reflected = atomic64_read(&vd->reflected);
}

/*
 * A soft or queue VIF moves to the other in place: both are nvirt's
 * netdev, only where it transmits changes. -ENOSPC when no queue is free;
 * -EOPNOTSUPP for a VF, which needs a netdev of its own.
 */
static int nvirt_soft_retarget(struct nvirt_vif *vif, u8 backend,
			       struct netlink_ext_ack *extack)
{
	int q = -1;

	if (backend != NVIRT_BACKEND_SOFT && backend != NVIRT_BACKEND_QUEUE)
		return -EOPNOTSUPP;
	if (backend == NVIRT_BACKEND_QUEUE) {
		q = nvirt_queue_find(vif->parent);
		if (q < 0) {
			NL_SET_ERR_MSG_FMT(extack, "%s has no free transmit queue",
					   vif->parent->name);
			return q;
		}
	}
	nvirt_vdev_requeue(netdev_priv(vif->dev), q);
	vif->queue = q < 0 ? 0 : q;
	return 0;
}

/* The vdev now realizes @vif (its netdev came with a move). */
static void nvirt_soft_adopt(struct nvirt_vif *vif)
{
	struct nvirt_vdev *vd = netdev_priv(vif->dev);

	vd->vif = vif;
}

/* Frames to the vdev's neighbours take the path of @vif's plan. */
static void nvirt_soft_g2g(struct nvirt_vif *vif)
{
	nvirt_vdev_g2g(netdev_priv(vif->dev), vif->g2g);
}

/* Who else holds the parent's receive handler, which nvirt needs. */
static void nvirt_soft_room(struct net_device *parent,
			    bool may_enable __always_unused,
			    struct nvirt_room *room)
{
	int holder = nvirt_port_holder(parent, &room->held_by);

	if (holder >= 0 && holder != NVIRT_HOLDER_NVIRT)
		room->held = nvirt_port_holder_name(holder);
	else
		room->held_by = NULL;
}

/* The transmit queues @parent has to give: its own but the first. */
static void nvirt_queue_room(struct net_device *parent, bool may_enable,
			     struct nvirt_room *room)
{
	struct nvirt_port *port = nvirt_port_get(parent);
	unsigned int q;

	ASSERT_RTNL();
	nvirt_soft_room(parent, may_enable, room);
	if (!parent->dev.parent)
		return;
	for (q = 1; q < parent->real_num_tx_queues; q++)
		if (!port || !test_bit(q, port->queues))
			room->free++;
}

const struct nvirt_backend_ops nvirt_soft_ops = {
	.check		= nvirt_soft_check,
	.create		= nvirt_soft_create,
	.apply		= nvirt_soft_apply,
	.destroy	= nvirt_soft_destroy,
	.stats		= nvirt_soft_stats,
	.path		= nvirt_soft_path,
	.retarget	= nvirt_soft_retarget,
	.adopt		= nvirt_soft_adopt,
	.g2g		= nvirt_soft_g2g,
	.room		= nvirt_soft_room,
};

const struct nvirt_backend_ops nvirt_queue_ops = {
	.check		= nvirt_queue_check,
	.create		= nvirt_queue_create,
	.apply		= nvirt_soft_apply,
	.destroy	= nvirt_soft_destroy,
	.stats		= nvirt_soft_stats,
	.path		= nvirt_soft_path,
	.retarget	= nvirt_soft_retarget,
	.adopt		= nvirt_soft_adopt,
	.g2g		= nvirt_soft_g2g,
	.room		= nvirt_queue_room,
};
