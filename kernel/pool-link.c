// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: the links of pools' NICs.
 *
 * A pool notes since when each NIC's link is down (the NIC down, or no
 * carrier). Once a link has stayed down for the pool's grace, the NIC is
 * down past the grace (its record says so, announced): nvirt chooses it
 * for no new VIF while another NIC of the pool is up, and the VIFs made
 * from the pool on it are made again on another NIC of it (pool-move.c),
 * if one is up. One delayed work per namespace runs at the next such
 * deadline, and when a link changes or a grace is set (a VIF may then
 * have somewhere to go).
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "netlink.h"
#include "pool-link.h"
#include "pool-move.h"
#include "pool.h"
#include "vif.h"

/**
 * struct nvirt_pool_link_net - a namespace's deadline of pool links
 * @work: runs at the next deadline of a link that is down
 * @net: the namespace
 */
struct nvirt_pool_link_net {
	struct delayed_work work;
	struct net *net;
};

static unsigned int nvirt_pool_link_net_id __read_mostly;

static struct nvirt_pool_link_net *nvirt_pool_link_net(struct net *net)
{
	return net_generic(net, nvirt_pool_link_net_id);
}

/* Run the namespace's work in @delay, unless it runs sooner. */
static void nvirt_pool_link_arm(struct net *net, unsigned long delay)
{
	struct nvirt_pool_link_net *ln = nvirt_pool_link_net(net);

	ASSERT_RTNL();
	if (delayed_work_pending(&ln->work) &&
	    time_before_eq(ln->work.timer.expires, jiffies + delay))
		return;
	mod_delayed_work(system_wq, &ln->work, delay);
}

static bool nvirt_pool_link_is_down(const struct net_device *dev)
{
	return !netif_running(dev) || !netif_carrier_ok(dev);
}

/**
 * nvirt_pool_link_event() - note a pool NIC's link as it is now
 * @pool: the pool
 * @i: the NIC's position in it
 * @dev: the NIC
 *
 * Context: RTNL held.
 * Return: whether its link went down or came up.
 */
bool nvirt_pool_link_event(struct nvirt_pool *pool, unsigned int i,
			   const struct net_device *dev)
{
	bool down = nvirt_pool_link_is_down(dev);

	ASSERT_RTNL();
	if (down == !!pool->down[i])
		return false;
	/* 0 is "up": a link that goes down at jiffies 0 is one tick older. */
	pool->down[i] = down ? jiffies | 1 : 0;
	pool->past[i] = false;
	nvirt_pool_link_arm(dev_net(dev), down ? pool->grace * HZ : 0);
	return true;
}

/**
 * nvirt_pool_link_watch() - note the links of a pool's NICs
 * @net: the pool's namespace
 * @pool: a pool made or changed: a NIC new to it starts its grace now
 *
 * Context: RTNL held.
 */
void nvirt_pool_link_watch(struct net *net, struct nvirt_pool *pool)
{
	struct net_device *dev;
	unsigned int i;

	ASSERT_RTNL();
	for (i = 0; i < pool->n; i++) {
		dev = __dev_get_by_index(net, pool->ifindex[i]);
		if (dev)
			nvirt_pool_link_event(pool, i, dev);
	}
	/* A shorter grace may have passed already. */
	nvirt_pool_link_arm(net, 0);
}

/**
 * nvirt_pool_link_down() - how long a pool NIC's link has been down
 * @pool: the pool
 * @i: the NIC's position in it
 *
 * Context: RTNL held.
 * Return: seconds, or UINT_MAX while it is up.
 */
unsigned int nvirt_pool_link_down(const struct nvirt_pool *pool,
				  unsigned int i)
{
	if (!pool->down[i])
		return UINT_MAX;
	return jiffies_to_msecs(jiffies - pool->down[i]) / MSEC_PER_SEC;
}

/**
 * nvirt_pool_link_gone() - has a pool NIC's link been down past the grace?
 * @pool: the pool
 * @i: the NIC's position in it
 *
 * As the pool's work found it at the deadline: as its record says.
 *
 * Context: RTNL held.
 * Return: whether it has.
 */
bool nvirt_pool_link_gone(const struct nvirt_pool *pool, unsigned int i)
{
	return pool->past[i];
}

/**
 * nvirt_pool_link_state() - a pool NIC's link, as its record says it
 * @pool: the pool
 * @i: the NIC's position in it
 *
 * Context: RTNL held.
 * Return: enum nvirt_member_link.
 */
u32 nvirt_pool_link_state(const struct nvirt_pool *pool, unsigned int i)
{
	if (pool->past[i])
		return NVIRT_MEMBER_LINK_DOWN_PAST_GRACE;
	return pool->down[i] ? NVIRT_MEMBER_LINK_DOWN : NVIRT_MEMBER_LINK_UP;
}

/**
 * nvirt_pool_link_any_up() - has a pool a NIC whose link is up?
 * @pool: the pool
 *
 * Context: RTNL held.
 * Return: whether it has.
 */
bool nvirt_pool_link_any_up(const struct nvirt_pool *pool)
{
	unsigned int i;

	for (i = 0; i < pool->n; i++)
		if (!pool->down[i])
			return true;
	return false;
}

/*
 * Note the pool's NICs down past the grace (a grace set longer takes that
 * back) and move its VIFs off them; when is the next deadline?
 */
static unsigned long nvirt_pool_link_check(struct net *net,
					   struct nvirt_pool *pool)
{
	unsigned long next = MAX_JIFFY_OFFSET, deadline;
	struct nvirt_vif *vif;
	bool changed = false;
	unsigned long id;
	unsigned int i;
	bool past;

	for (i = 0; i < pool->n; i++) {
		if (!pool->down[i])
			continue;
		deadline = pool->down[i] + pool->grace * HZ;
		past = time_after_eq(jiffies, deadline);
		if (!past)
			next = min(next, deadline - jiffies);
		changed |= past != pool->past[i];
		pool->past[i] = past;
	}
	if (changed)
		nvirt_nl_pool_notify(net, pool, NVIRT_NTF_CHANGE,
				     NVIRT_CAUSE_NETDEV);
	/* Nowhere to go yet: a link that comes up runs this again. */
	if (!nvirt_pool_link_any_up(pool))
		return next;
	for (i = 0; i < pool->n; i++) {
		if (!pool->past[i])
			continue;
		for (id = 0; (vif = nvirt_vif_next(net, &id)); id++)
			if (vif->parent->ifindex == pool->ifindex[i] &&
			    !strcmp(vif->cfg.pool_name, pool->named.name))
				nvirt_pool_move_off(vif);
	}
	return next;
}

static void nvirt_pool_link_work(struct work_struct *work)
{
	struct nvirt_pool_link_net *ln;
	unsigned long next = MAX_JIFFY_OFFSET;
	struct nvirt_pool *pool;

	ln = container_of(to_delayed_work(work), struct nvirt_pool_link_net,
			  work);
	rtnl_lock();
	/* A namespace going away takes its VIFs with it. */
	if (check_net(ln->net)) {
		list_for_each_entry(pool, &nvirt_pool_list(ln->net)->list,
				    named.node)
			next = min(next, nvirt_pool_link_check(ln->net, pool));
		if (next != MAX_JIFFY_OFFSET)
			nvirt_pool_link_arm(ln->net, next);
	}
	rtnl_unlock();
}

static int __net_init nvirt_pool_link_net_init(struct net *net)
{
	struct nvirt_pool_link_net *ln = nvirt_pool_link_net(net);

	INIT_DELAYED_WORK(&ln->work, nvirt_pool_link_work);
	ln->net = net;
	return 0;
}

/* Its NICs are gone by now: nothing arms the work any more. */
static void __net_exit nvirt_pool_link_net_exit(struct net *net)
{
	cancel_delayed_work_sync(&nvirt_pool_link_net(net)->work);
}

static struct pernet_operations nvirt_pool_link_net_ops = {
	.init = nvirt_pool_link_net_init,
	.exit = nvirt_pool_link_net_exit,
	.id = &nvirt_pool_link_net_id,
	.size = sizeof(struct nvirt_pool_link_net),
};

/**
 * nvirt_pool_link_init() - watch pools' links in every namespace
 *
 * Return: 0 or a negative errno.
 */
int nvirt_pool_link_init(void)
{
	return register_pernet_subsys(&nvirt_pool_link_net_ops);
}

/**
 * nvirt_pool_link_exit() - stop watching them
 */
void nvirt_pool_link_exit(void)
{
	unregister_pernet_subsys(&nvirt_pool_link_net_ops);
}
