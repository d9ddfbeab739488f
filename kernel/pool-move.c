// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: VIFs made from a pool, made again when their NIC goes, or when
 * its link stays down.
 *
 * A VIF goes with its NIC, as every VIF on a NIC that goes; one made from
 * a pool is made again from it, on another NIC, once RTNL is free: the
 * same name and settings, back where its netdev was (a guest's namespace,
 * or here for a tap), as a request would make it (VFs enabled), and
 * announced with cause placement. Not a VF given to VFIO (its VM holds a
 * device that is gone), nor where the namespace goes too, nor once the
 * module goes.
 *
 * A VIF on a NIC whose link stayed down past its pool's grace
 * (pool-link.c) is moved the same way: deleted (cause placement) and made
 * again from its pool, which chooses no NIC down that long while another
 * is up. One that fits on no other NIC stays; one that no longer fits
 * when it is made again is made again on its old NIC: a move loses no
 * VIF. Its netdev is a new one: what was set on it from outside nvirt
 * (addresses, a VM's open tap) is lost, as when a NIC goes.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>

#include "place.h"
#include "pool-link.h"
#include "pool-move.h"
#include "pool.h"
#include "request.h"
#include "vif.h"

/**
 * struct nvirt_pool_move - a VIF to make again from its pool
 * @node: in nvirt_pool_moves
 * @net: the namespace it is managed from, held
 * @name: its name
 * @from: the NIC (ifindex) to move it off, or 0: its NIC went
 * @cfg: its settings, as a request that makes it so; @cfg.net, held, is
 *	where its netdev was, or NULL
 */
struct nvirt_pool_move {
	struct list_head node;
	struct net *net;
	char name[IFNAMSIZ];
	int from;
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

/* May a VIF be made again elsewhere? Not a VF a VM holds, nor once all goes. */
static bool nvirt_pool_move_may(struct nvirt_vif *vif)
{
	if (!vif->cfg.pool_name[0] || vif->cfg.attach == NVIRT_ATTACH_VFIO ||
	    READ_ONCE(nvirt_pool_going) || !check_net(dev_net(vif->parent)))
		return false;
	return !vif->dev || check_net(dev_net(vif->dev));
}

/* What makes @vif again, as it was asked for, into @mv. */
static void nvirt_pool_move_cfg(struct nvirt_vif *vif,
				struct nvirt_pool_move *mv)
{
	struct net *dev_ns = vif->dev ? dev_net(vif->dev) : NULL;

	mv->cfg = vif->cfg;
	/* As it was asked for: what it follows of its policy, it follows. */
	mv->cfg.set = NVIRT_POOL_MOVE_FIELDS |
		      (vif->cfg.own & NVIRT_CFG_FOLLOWED);
	mv->cfg.net = NULL;
	/* Back where its netdev was: a guest's namespace, or a tap's here. */
	if (dev_ns && (dev_ns != mv->net ||
		       vif->cfg.attach == NVIRT_ATTACH_TAP)) {
		mv->cfg.net = get_net(dev_ns);
		if (vif->cfg.attach == NVIRT_ATTACH_NETNS)
			__set_bit(NVIRT_CFG_NETNS, &mv->cfg.set);
	}
}

/* A move of @vif for the work to make, or NULL. */
static struct nvirt_pool_move *nvirt_pool_move_new(struct nvirt_vif *vif,
						   int from)
{
	struct nvirt_pool_move *mv;

	ASSERT_RTNL();
	if (!nvirt_pool_move_may(vif))
		return NULL;
	/* Without memory it stays where it is, or goes with its NIC. */
	mv = kzalloc(sizeof(*mv), GFP_KERNEL);
	if (!mv)
		return NULL;
	mv->net = get_net(dev_net(vif->parent));
	strscpy(mv->name, vif->name, sizeof(mv->name));
	mv->from = from;
	return mv;
}

/**
 * nvirt_pool_move_later() - have a VIF whose NIC goes made again from its pool
 * @vif: the VIF, about to be destroyed with its NIC
 * @arg: unused (an nvirt_vif_each() callback)
 *
 * Context: RTNL held.
 */
void nvirt_pool_move_later(struct nvirt_vif *vif, void *arg)
{
	struct nvirt_pool_move *mv = nvirt_pool_move_new(vif, 0);

	if (!mv)
		return;
	nvirt_pool_move_cfg(vif, mv);
	list_add_tail(&mv->node, &nvirt_pool_moves);
	queue_work(system_wq, &nvirt_pool_move_work);
}

/**
 * nvirt_pool_move_off() - have a VIF moved off its NIC to another of its pool
 * @vif: the VIF, made from a pool, on a NIC whose link stayed down
 *
 * Context: RTNL held.
 */
void nvirt_pool_move_off(struct nvirt_vif *vif)
{
	struct nvirt_pool_move *mv;

	ASSERT_RTNL();
	/* Once is enough: the work finds it by name. */
	list_for_each_entry(mv, &nvirt_pool_moves, node)
		if (mv->net == dev_net(vif->parent) &&
		    !strcmp(mv->name, vif->name))
			return;
	mv = nvirt_pool_move_new(vif, vif->parent->ifindex);
	if (!mv)
		return;
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

/*
 * Would @vif fit on a NIC of @pool its choice takes (one not down past the
 * grace), taking nobody's hardware? Where it fits on none, moving it would
 * only make it again where it is.
 */
static bool nvirt_pool_move_fits(struct net *net, const struct nvirt_pool *pool,
				 struct nvirt_vif *vif)
{
	struct nvirt_placement *pl;
	struct net_device *dev;
	bool fits = false;
	unsigned int i;

	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return false;
	for (i = 0; i < pool->n && !fits; i++) {
		dev = __dev_get_by_index(net, pool->ifindex[i]);
		if (!dev || dev == vif->parent || nvirt_pool_link_gone(pool, i))
			continue;
		memset(pl, 0, sizeof(*pl));
		fits = !nvirt_place(dev, NULL, &vif->cfg,
				    NVIRT_PLACE_DRY_RUN | NVIRT_PLACE_NO_DISPLACE,
				    pl, NULL) && !pl->plan.err;
	}
	kfree(pl);
	return fits;
}

/*
 * Delete a VIF to move off its NIC, its settings in @mv first; false when
 * it is no longer to move (gone, changed, its NIC back or its pool's) or
 * would fit on no other NIC of its pool.
 */
static bool nvirt_pool_move_take(struct nvirt_pool_move *mv,
				 struct netlink_ext_ack *ext)
{
	struct nvirt_pool *pool;
	struct nvirt_vif *vif;
	unsigned int i;

	ASSERT_RTNL();
	vif = nvirt_vif_find(mv->net, 0, mv->name);
	if (!vif || vif->parent->ifindex != mv->from ||
	    !nvirt_pool_move_may(vif))
		return false;
	pool = nvirt_pool_find(mv->net, vif->cfg.pool_name);
	for (i = 0; pool && i < pool->n; i++)
		if (pool->ifindex[i] == mv->from)
			break;
	if (!pool || i == pool->n || !nvirt_pool_link_gone(pool, i) ||
	    !nvirt_pool_link_any_up(pool) ||
	    !nvirt_pool_move_fits(mv->net, pool, vif))
		return false;
	nvirt_pool_move_cfg(vif, mv);
	return !nvirt_vif_del(vif, NVIRT_CAUSE_PLACEMENT, ext);
}

/* Make each VIF again from its pool, as a request would (VFs enabled). */
static void nvirt_pool_move_fn(struct work_struct *work)
{
	struct netlink_ext_ack ext;
	struct nvirt_pool_move *mv;
	struct nvirt_req req;
	bool go;
	int err;

	for (;;) {
		memset(&ext, 0, sizeof(ext));
		rtnl_lock();
		mv = list_first_entry_or_null(&nvirt_pool_moves,
					      struct nvirt_pool_move, node);
		if (mv)
			list_del(&mv->node);
		go = mv && (!mv->from || nvirt_pool_move_take(mv, &ext));
		rtnl_unlock();
		if (!mv)
			return;
		if (!go)
			goto next;
		req = (struct nvirt_req){
			.net = mv->net, .name = mv->name, .cfg = &mv->cfg,
			.moved = true, .extack = &ext,
		};
		err = nvirt_req_vif_new(&req);
		/* Where it fits on no other NIC, back on its own. */
		if (err < 0 && mv->from) {
			memset(&ext, 0, sizeof(ext));
			req.chosen = mv->from;
			err = nvirt_req_vif_new(&req);
		}
		if (err < 0)
			pr_warn("VIF %s of pool %s lost: %s (%d)\n", mv->name,
				mv->cfg.pool_name, ext._msg ?: "not made again",
				err);
next:
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
