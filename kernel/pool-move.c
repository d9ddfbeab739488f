// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: VIFs made from a pool, made again when their NIC goes.
 *
 * A VIF goes with its NIC, as every VIF on a NIC that goes; one made from
 * a pool is made again from it, on another NIC, once RTNL is free: the
 * same name and settings, back where its netdev was (a guest's namespace,
 * or here for a tap), as a request would make it (VFs enabled), and
 * announced with cause placement. Not a VF given to VFIO (its VM holds a
 * device that is gone), nor where the namespace goes too, nor once the
 * module goes.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>

#include "pool-move.h"
#include "request.h"
#include "vif.h"

/**
 * struct nvirt_pool_move - a VIF to make again from its pool
 * @node: in nvirt_pool_moves
 * @net: the namespace it is managed from, held
 * @name: its name
 * @cfg: its settings, as a request that makes it so; @cfg.net, held, is
 *	where its netdev was, or NULL
 */
struct nvirt_pool_move {
	struct list_head node;
	struct net *net;
	char name[IFNAMSIZ];
	struct nvirt_vif_cfg cfg;
};

/* The VIFs to make again: protected by RTNL. */
static LIST_HEAD(nvirt_pool_moves);
/* Set once the module goes: no VIF is made again then. */
static bool nvirt_pool_going;

static void nvirt_pool_move_fn(struct work_struct *work);
static DECLARE_WORK(nvirt_pool_move_work, nvirt_pool_move_fn);

/* Every field of a config a request can carry, but its netns. */
#define NVIRT_POOL_MOVE_FIELDS	((BIT(NVIRT_CFG_POOL_NAME + 1) - 1) &	\
				 ~BIT(NVIRT_CFG_NETNS) & ~NVIRT_CFG_FOLLOWED)

/**
 * nvirt_pool_move_later() - have a VIF whose NIC goes made again from its pool
 * @vif: the VIF, about to be destroyed with its NIC
 * @arg: unused (an nvirt_vif_each() callback)
 *
 * Context: RTNL held.
 */
void nvirt_pool_move_later(struct nvirt_vif *vif, void *arg)
{
	struct net *net = dev_net(vif->parent);
	struct nvirt_pool_move *mv;
	struct net *dev_ns = NULL;

	ASSERT_RTNL();
	if (!vif->cfg.pool_name[0] || vif->cfg.attach == NVIRT_ATTACH_VFIO ||
	    READ_ONCE(nvirt_pool_going) || !check_net(net))
		return;
	if (vif->dev) {
		dev_ns = dev_net(vif->dev);
		if (!check_net(dev_ns))
			return;
	}
	/* Without memory it goes as any VIF on a NIC that goes. */
	mv = kzalloc(sizeof(*mv), GFP_KERNEL);
	if (!mv)
		return;
	mv->net = get_net(net);
	strscpy(mv->name, vif->name, sizeof(mv->name));
	mv->cfg = vif->cfg;
	/* As it was asked for: what it follows of its policy, it follows. */
	mv->cfg.set = NVIRT_POOL_MOVE_FIELDS |
		      (vif->cfg.own & NVIRT_CFG_FOLLOWED);
	/* Back where its netdev was: a guest's namespace, or a tap's here. */
	if (dev_ns && (dev_ns != net || vif->cfg.attach == NVIRT_ATTACH_TAP)) {
		mv->cfg.net = get_net(dev_ns);
		if (vif->cfg.attach == NVIRT_ATTACH_NETNS)
			__set_bit(NVIRT_CFG_NETNS, &mv->cfg.set);
	}
	list_add_tail(&mv->node, &nvirt_pool_moves);
	queue_work(system_wq, &nvirt_pool_move_work);
}

static void nvirt_pool_move_free(struct nvirt_pool_move *mv)
{
	if (mv->cfg.net)
		put_net(mv->cfg.net);
	put_net(mv->net);
	kfree(mv);
}

/* Make each VIF again from its pool, as a request would (VFs enabled). */
static void nvirt_pool_move_fn(struct work_struct *work)
{
	struct netlink_ext_ack ext;
	struct nvirt_pool_move *mv;
	struct nvirt_req req;
	int err;

	for (;;) {
		rtnl_lock();
		mv = list_first_entry_or_null(&nvirt_pool_moves,
					      struct nvirt_pool_move, node);
		if (mv)
			list_del(&mv->node);
		rtnl_unlock();
		if (!mv)
			return;
		memset(&ext, 0, sizeof(ext));
		req = (struct nvirt_req){
			.net = mv->net, .name = mv->name, .cfg = &mv->cfg,
			.moved = true, .extack = &ext,
		};
		err = nvirt_req_vif_new(&req);
		if (err < 0)
			pr_warn("VIF %s of pool %s lost: %s (%d)\n", mv->name,
				mv->cfg.pool_name, ext._msg ?: "not made again",
				err);
		nvirt_pool_move_free(mv);
	}
}

/**
 * nvirt_pool_move_exit() - make no VIF again, and forget those to make
 *
 * Context: RTNL not held.
 */
void nvirt_pool_move_exit(void)
{
	struct nvirt_pool_move *mv, *tmp;

	rtnl_lock();
	WRITE_ONCE(nvirt_pool_going, true);
	rtnl_unlock();
	cancel_work_sync(&nvirt_pool_move_work);
	list_for_each_entry_safe(mv, tmp, &nvirt_pool_moves, node)
		nvirt_pool_move_free(mv);
}
