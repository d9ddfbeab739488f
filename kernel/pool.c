// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: pools of NICs.
 *
 * A pool is NICs of a namespace, kept by name. A VIF made from a pool has
 * its NIC chosen by nvirt: each NIC is planned for the VIF as a dry run,
 * taking nobody's hardware (then, when none fits so, taking it), and the
 * one whose plan suits the VIF's goal best wins; of equals, the one with
 * more of that mechanism free, then more rate left to guarantee, then
 * fewer VIFs, then the first in the pool. The VIF's plan says why, for
 * the chosen NIC and for each other one.
 *
 * VIFs name the pool they were made from, which is refused removal while
 * they do; a NIC that goes away or leaves the namespace leaves its pools,
 * and its VIFs made from a pool are made again from it (pool-move.c).
 */

#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/netns/generic.h>

#include "caps.h"
#include "netlink.h"
#include "nic.h"
#include "npolicy.h"
#include "place.h"
#include "pool-link.h"
#include "pool-move.h"
#include "pool.h"
#include "vif.h"

const struct nvirt_named_kind nvirt_pool_kind = {
	.what = "pool",
	.title = "Pool",
	.whats = "pools",
	.max = 256,
};

static unsigned int nvirt_pool_net_id __read_mostly;

/**
 * nvirt_pool_list() - the pools of a namespace
 * @net: the namespace
 *
 * Return: its list, protected by RTNL.
 */
struct nvirt_named_list *nvirt_pool_list(struct net *net)
{
	return net_generic(net, nvirt_pool_net_id);
}

/**
 * nvirt_pool_find() - find a pool of a namespace
 * @net: the namespace
 * @name: its name
 *
 * Context: RTNL held.
 * Return: the pool, or NULL.
 */
struct nvirt_pool *nvirt_pool_find(struct net *net, const char *name)
{
	struct nvirt_named *obj = nvirt_named_find(nvirt_pool_list(net), name);

	return obj ? container_of(obj, struct nvirt_pool, named) : NULL;
}

/**
 * nvirt_pool_users() - how many VIFs were made from a pool
 * @net: the namespace of the pool and of the VIFs
 * @name: the pool's name
 *
 * Context: RTNL held.
 * Return: the number of VIFs.
 */
unsigned int nvirt_pool_users(struct net *net, const char *name)
{
	struct nvirt_vif *vif;
	unsigned int n = 0;
	unsigned long id;

	for (id = 0; (vif = nvirt_vif_next(net, &id)); id++)
		if (!strcmp(vif->cfg.pool_name, name))
			n++;
	return n;
}

/* Is @ifindex one of @pool's NICs? */
static bool nvirt_pool_has(const struct nvirt_pool *pool, int ifindex)
{
	unsigned int i;

	for (i = 0; i < pool->n; i++)
		if (pool->ifindex[i] == ifindex)
			return true;
	return false;
}

/* The NICs a request names, as ifindexes, each a NIC nvirt manages. */
static int nvirt_pool_resolve(struct net *net,
			      const struct nvirt_pool_cfg *m,
			      int *ifindex, struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	struct nvirt_nic *nic;
	unsigned int i, j;

	if (!m->n) {
		NL_SET_ERR_MSG(extack, "A pool needs at least one NIC");
		return -EINVAL;
	}
	if (m->n > NVIRT_POOL_MEMBERS) {
		NL_SET_ERR_MSG_FMT(extack, "A pool has at most %u NICs",
				   NVIRT_POOL_MEMBERS);
		return -E2BIG;
	}
	for (i = 0; i < m->n; i++) {
		if (m->ifindex[i])
			dev = __dev_get_by_index(net, m->ifindex[i]);
		else
			dev = __dev_get_by_name(net, m->ifname[i]);
		if (!dev) {
			if (m->ifindex[i])
				NL_SET_ERR_MSG_FMT(extack, "No NIC of ifindex %d",
						   m->ifindex[i]);
			else
				NL_SET_ERR_MSG_FMT(extack, "No such NIC %s",
						   m->ifname[i]);
			return -ENODEV;
		}
		if (m->ifindex[i] && m->ifname[i][0] &&
		    strcmp(dev->name, m->ifname[i])) {
			NL_SET_ERR_MSG_FMT(extack, "ifname %s does not match ifindex %d",
					   m->ifname[i], m->ifindex[i]);
			return -EINVAL;
		}
		/* What a VIF can be on: an Ethernet NIC, no VIF. */
		if (dev->type != ARPHRD_ETHER || (dev->flags & IFF_LOOPBACK)) {
			NL_SET_ERR_MSG_FMT(extack, "%s is no Ethernet NIC",
					   dev->name);
			return -EINVAL;
		}
		if (nvirt_vif_of(dev)) {
			NL_SET_ERR_MSG_FMT(extack, "%s is a VIF itself",
					   dev->name);
			return -EINVAL;
		}
		nic = nvirt_nic_get(net, dev->ifindex);
		if (!nic) {
			NL_SET_ERR_MSG_FMT(extack, "%s is not known to nvirt yet",
					   dev->name);
			return -EAGAIN;
		}
		if (!nic->managed) {
			NL_SET_ERR_MSG_FMT(extack, "%s is not managed by nvirt",
					   dev->name);
			return -EPERM;
		}
		for (j = 0; j < i; j++)
			if (ifindex[j] == dev->ifindex) {
				NL_SET_ERR_MSG_FMT(extack, "%s is in the pool twice",
						   dev->name);
				return -EINVAL;
			}
		ifindex[i] = dev->ifindex;
	}
	return 0;
}

/**
 * nvirt_pool_new() - create a pool
 * @net: its namespace
 * @name: its name
 * @m: its NICs
 * @extack: why it failed
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_pool_new(struct net *net, const char *name,
		   const struct nvirt_pool_cfg *m,
		   struct netlink_ext_ack *extack)
{
	struct nvirt_named_list *l = nvirt_pool_list(net);
	int ifindex[NVIRT_POOL_MEMBERS];
	struct nvirt_pool *pool;
	int err;

	ASSERT_RTNL();
	err = nvirt_named_check(l, &nvirt_pool_kind, name, extack);
	if (err)
		return err;
	err = nvirt_pool_resolve(net, m, ifindex, extack);
	if (err)
		return err;

	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return -ENOMEM;
	pool->n = m->n;
	memcpy(pool->ifindex, ifindex, m->n * sizeof(*ifindex));
	pool->grace = m->has_grace ? m->grace : NVIRT_POOL_GRACE;
	nvirt_named_add(l, &pool->named, name);
	nvirt_pool_link_watch(net, pool);
	nvirt_nl_pool_notify(net, pool, NVIRT_NTF_ADD, NVIRT_CAUSE_REQUEST);
	return 0;
}

/* The NICs of @m, each noted down since it was, in @next. */
static int nvirt_pool_next(struct net *net, const struct nvirt_pool *pool,
			   const struct nvirt_pool_cfg *m,
			   struct nvirt_pool *next,
			   struct netlink_ext_ack *extack)
{
	unsigned int i, j;
	int err;

	if (!m->n) {
		*next = *pool;
		return 0;
	}
	err = nvirt_pool_resolve(net, m, next->ifindex, extack);
	if (err)
		return err;
	next->n = m->n;
	for (i = 0; i < next->n; i++)
		for (j = 0; j < pool->n; j++)
			if (next->ifindex[i] == pool->ifindex[j]) {
				next->down[i] = pool->down[j];
				next->past[i] = pool->past[j];
			}
	return 0;
}

/**
 * nvirt_pool_set() - replace a pool's NICs, its grace, or both
 * @net: its namespace
 * @pool: the pool
 * @m: its NICs from now on (none: as they are), its grace
 * @extack: why it failed
 *
 * A NIC left out must hold no VIF made from the pool.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_pool_set(struct net *net, struct nvirt_pool *pool,
		   const struct nvirt_pool_cfg *m,
		   struct netlink_ext_ack *extack)
{
	struct nvirt_pool next = {};
	struct nvirt_vif *vif;
	unsigned long id;
	int err;

	ASSERT_RTNL();
	if (!m->n && !m->has_grace) {
		NL_SET_ERR_MSG(extack, "Nothing to change: give NICs or a grace");
		return -EINVAL;
	}
	err = nvirt_pool_next(net, pool, m, &next, extack);
	if (err)
		return err;
	for (id = 0; (vif = nvirt_vif_next(net, &id)); id++) {
		if (strcmp(vif->cfg.pool_name, pool->named.name) ||
		    nvirt_pool_has(&next, vif->parent->ifindex))
			continue;
		NL_SET_ERR_MSG_FMT(extack, "VIF %s of pool %s is on %s",
				   vif->name, pool->named.name, vif->parent->name);
		return -EBUSY;
	}
	pool->n = next.n;
	memcpy(pool->ifindex, next.ifindex, sizeof(pool->ifindex));
	memcpy(pool->down, next.down, sizeof(pool->down));
	memcpy(pool->past, next.past, sizeof(pool->past));
	if (m->has_grace)
		pool->grace = m->grace;
	nvirt_pool_link_watch(net, pool);
	nvirt_nl_pool_notify(net, pool, NVIRT_NTF_CHANGE, NVIRT_CAUSE_REQUEST);
	return 0;
}

/**
 * nvirt_pool_del() - remove a pool no VIF was made from, no policy names
 * @net: its namespace
 * @pool: the pool
 * @extack: why it failed
 *
 * Context: RTNL held.
 * Return: 0, or -EBUSY while VIFs made from it exist or a policy names it.
 */
int nvirt_pool_del(struct net *net, struct nvirt_pool *pool,
		   struct netlink_ext_ack *extack)
{
	struct nvirt_npolicy *np;
	unsigned int users;

	ASSERT_RTNL();
	users = nvirt_pool_users(net, pool->named.name);
	if (users) {
		NL_SET_ERR_MSG_FMT(extack, "Pool %s has %u VIF%s made from it",
				   pool->named.name, users, users == 1 ? "" : "s");
		return -EBUSY;
	}
	np = nvirt_npolicy_of_pool(net, pool->named.name);
	if (np) {
		NL_SET_ERR_MSG_FMT(extack, "Pool %s is named by policy %s",
				   pool->named.name, np->named.name);
		return -EBUSY;
	}
	nvirt_nl_pool_notify(net, pool, NVIRT_NTF_DEL, NVIRT_CAUSE_REQUEST);
	nvirt_named_del(nvirt_pool_list(net), &pool->named);
	kfree(pool);
	return 0;
}

/**
 * nvirt_pool_member() - a NIC of a pool, by ifindex
 * @net: the namespace of the pool
 * @name: the pool's name
 * @ifindex: the NIC's
 *
 * Context: RTNL held.
 * Return: the NIC, or NULL when it is not (or no longer) the pool's.
 */
struct net_device *nvirt_pool_member(struct net *net, const char *name,
				     int ifindex)
{
	struct nvirt_pool *pool = nvirt_pool_find(net, name);

	if (!pool || !nvirt_pool_has(pool, ifindex))
		return NULL;
	return __dev_get_by_index(net, ifindex);
}

/**
 * struct nvirt_pool_cand - a NIC of a pool, as a VIF's plan found it
 * @dev: the NIC
 * @err: 0, or why the VIF cannot go there
 * @why: the reason of a refusal
 * @backend: the mechanism the plan chose
 * @goal: the VIF's goal, its request's or its named policy's
 * @rank: how @goal ranks @backend, 0 best
 * @free: how many more VIFs @backend could have there
 * @speed: the link's Mb/s, 0 unknown (while it is down)
 * @headroom: of @speed, what is not guaranteed to its VIFs
 * @vifs: its VIFs
 * @gone: its link has been down past the grace
 * @down: for how many seconds
 */
struct nvirt_pool_cand {
	struct net_device *dev;
	int err;
	char why[NVIRT_PLAN_TEXT];
	u8 backend;
	u8 goal;
	int rank;
	unsigned int free;
	u32 speed;
	u32 headroom;
	unsigned int vifs;
	bool gone;
	unsigned int down;
};

/* What a NIC's VIFs take of it: counted by nvirt_vif_each(). */
struct nvirt_pool_load {
	unsigned int vifs;
	u32 guaranteed;
};

static void nvirt_pool_count(struct nvirt_vif *vif, void *arg)
{
	struct nvirt_pool_load *load = arg;

	load->vifs++;
	load->guaranteed += vif->cfg.min_rate;
}

/*
 * Plan the VIF on @c->dev as a dry run, and what is left there; not on a
 * NIC whose link stayed down while one of the pool's is @up.
 */
static void nvirt_pool_try(struct net *net, const char *vif_name,
			   const struct nvirt_vif_cfg *cfg, unsigned int flags,
			   struct nvirt_placement *pl, struct nvirt_pool_cand *c,
			   bool up)
{
	struct netlink_ext_ack ext = {};
	struct nvirt_pool_load load = {};
	struct nvirt_vif_cfg tmp = *cfg;
	const struct nvirt_backend_ops *ops;
	struct nvirt_room room = {};

	if (c->gone && up) {
		c->err = -ENETDOWN;
		snprintf(c->why, sizeof(c->why), "its link is down for %u s",
			 c->down);
		return;
	}

	memset(pl, 0, sizeof(*pl));
	c->err = nvirt_vif_new(net, vif_name, c->dev, &tmp,
			       flags | NVIRT_PLACE_DRY_RUN, pl, &ext);
	if (!c->err && pl->plan.err)
		c->err = pl->plan.err;
	if (c->err) {
		if (pl->plan.err && pl->plan.n_reasons)
			strscpy(c->why, pl->plan.reasons[pl->plan.cause].text,
				sizeof(c->why));
		else
			strscpy(c->why, ext._msg ?: "refused", sizeof(c->why));
		return;
	}
	c->backend = pl->plan.backend;
	c->goal = tmp.policy.goal;
	c->rank = nvirt_policy_rank(c->goal, c->backend);
	ops = nvirt_backend_ops(c->backend);
	if (c->backend != NVIRT_BACKEND_SOFT && ops->room) {
		ops->room(c->dev, !(flags & NVIRT_PLACE_NO_ENABLE), &room);
		c->free = room.free;
	}
	nvirt_vif_each(c->dev, nvirt_pool_count, &load);
	c->vifs = load.vifs;
	c->speed = nvirt_caps_speed(c->dev);
	c->headroom = c->speed > load.guaranteed ?
		      c->speed - load.guaranteed : 0;
}

/*
 * Is @a a better NIC for the VIF than @b? When not, why @a lost, in @why
 * (for @a a fitting NIC; @b fits too).
 */
static bool nvirt_pool_better(const struct nvirt_pool_cand *a,
			      const struct nvirt_pool_cand *b, char *why,
			      size_t len)
{
	if (a->rank != b->rank) {
		snprintf(why, len, "%s not chosen: its best is %s, %s has %s for %s",
			 a->dev->name, nvirt_policy_backend_name(a->backend),
			 b->dev->name, nvirt_policy_backend_name(b->backend),
			 nvirt_policy_goal_name(b->goal));
		return a->rank < b->rank;
	}
	if (a->free != b->free) {
		snprintf(why, len, "%s not chosen: %u %s free, %s has %u",
			 a->dev->name, a->free,
			 nvirt_policy_backend_name(a->backend), b->dev->name,
			 b->free);
		return a->free > b->free;
	}
	/* Only links of known speed: one that is down says none. */
	if (a->speed && b->speed && a->headroom != b->headroom) {
		snprintf(why, len, "%s not chosen: %u Mb/s left to guarantee, %s has %u",
			 a->dev->name, a->headroom, b->dev->name, b->headroom);
		return a->headroom > b->headroom;
	}
	if (a->vifs != b->vifs) {
		snprintf(why, len, "%s not chosen: %u VIFs on it, %s has %u",
			 a->dev->name, a->vifs, b->dev->name, b->vifs);
		return a->vifs < b->vifs;
	}
	snprintf(why, len, "%s not chosen: as good as %s, after it in the pool",
		 a->dev->name, b->dev->name);
	return false;
}

/* The best of @n fitting candidates, and why each other one lost. */
static int nvirt_pool_pick(struct nvirt_pool_cand *c, unsigned int n,
			   const char *pool, struct nvirt_pool_choice *ch)
{
	int best = -1;
	unsigned int i;
	char why[NVIRT_PLAN_TEXT];
	struct nvirt_pool_cand *w;

	for (i = 0; i < n; i++)
		if (!c[i].err &&
		    (best < 0 || nvirt_pool_better(&c[i], &c[best], why,
						   sizeof(why))))
			best = i;
	if (best < 0)
		return best;
	w = &c[best];
	memset(ch, 0, sizeof(*ch));
	ch->chosen.code = NVIRT_PLAN_REASON_NIC_CHOSEN;
	/* A link's speed is known while it is up. */
	if (w->speed)
		snprintf(ch->chosen.text, sizeof(ch->chosen.text),
			 "%s chosen from pool %s: %s, %u free, %u VIFs, %u Mb/s left",
			 w->dev->name, pool,
			 nvirt_policy_backend_name(w->backend), w->free,
			 w->vifs, w->headroom);
	else
		snprintf(ch->chosen.text, sizeof(ch->chosen.text),
			 "%s chosen from pool %s: %s, %u free, %u VIFs",
			 w->dev->name, pool,
			 nvirt_policy_backend_name(w->backend), w->free,
			 w->vifs);
	for (i = 0; i < n; i++) {
		struct nvirt_plan_why *r;

		if (i == best)
			continue;
		r = &ch->not_chosen[ch->n++];
		r->code = NVIRT_PLAN_REASON_NIC_NOT_CHOSEN;
		if (c[i].err)
			snprintf(r->text, sizeof(r->text), "%s not chosen: %s",
				 c[i].dev->name, c[i].why);
		else
			nvirt_pool_better(&c[i], w, r->text, sizeof(r->text));
	}
	return best;
}

/**
 * nvirt_pool_choose() - the NIC of a pool a new VIF goes on
 * @net: the namespace of the pool and of the VIF
 * @name: the pool's name
 * @vif_name: the VIF's name
 * @cfg: the VIF's settings, as its request has them
 * @ch: why the NIC was chosen, filled in
 * @extack: why none was
 *
 * Context: RTNL held.
 * Return: the NIC, or an ERR_PTR with the reason in @extack.
 */
struct net_device *nvirt_pool_choose(struct net *net, const char *name,
				     const char *vif_name,
				     const struct nvirt_vif_cfg *cfg,
				     struct nvirt_pool_choice *ch,
				     struct netlink_ext_ack *extack)
{
	static const unsigned int passes[] = { NVIRT_PLACE_NO_DISPLACE, 0 };
	struct nvirt_pool_cand *c = NULL;
	struct nvirt_placement *pl = NULL;
	struct net_device *dev = NULL;
	unsigned int i, p, n = 0;
	struct nvirt_pool *pool;
	int best = -1;
	bool up;

	ASSERT_RTNL();
	pool = nvirt_pool_find(net, name);
	if (!pool) {
		NL_SET_ERR_MSG_FMT(extack, "No such pool %s", name);
		return ERR_PTR(-ENOENT);
	}
	c = kcalloc(NVIRT_POOL_MEMBERS, sizeof(*c), GFP_KERNEL);
	pl = kmalloc(sizeof(*pl), GFP_KERNEL);
	if (!c || !pl) {
		dev = ERR_PTR(-ENOMEM);
		goto out_free;
	}
	for (i = 0; i < pool->n; i++) {
		c[n].dev = __dev_get_by_index(net, pool->ifindex[i]);
		c[n].gone = nvirt_pool_link_gone(pool, i);
		c[n].down = nvirt_pool_link_down(pool, i);
		if (c[n].dev)
			n++;
	}
	if (!n) {
		NL_SET_ERR_MSG_FMT(extack, "Pool %s has no NIC", name);
		dev = ERR_PTR(-ENODEV);
		goto out_free;
	}
	/* Taking another VIF's hardware only where no NIC has it free. */
	up = nvirt_pool_link_any_up(pool);
	for (p = 0; p < ARRAY_SIZE(passes) && best < 0; p++) {
		for (i = 0; i < n; i++)
			nvirt_pool_try(net, vif_name, cfg, passes[p], pl, &c[i],
				       up);
		best = nvirt_pool_pick(c, n, name, ch);
	}
	if (best < 0) {
		NL_SET_ERR_MSG_FMT(extack, "No NIC of pool %s fits: %s: %s",
				   name, c[0].dev->name, c[0].why);
		dev = ERR_PTR(c[0].err);
		goto out_free;
	}
	dev = c[best].dev;
out_free:
	kfree(pl);
	kfree(c);
	return dev;
}

/**
 * nvirt_pool_explain() - say in a VIF's plan why its NIC was chosen
 * @plan: the plan, made on the chosen NIC
 * @ch: the choice
 *
 * The chosen NIC's reason goes first, those of the NICs not chosen last,
 * as many as the plan has room for.
 *
 * Context: any.
 */
void nvirt_pool_explain(struct nvirt_plan *plan,
			const struct nvirt_pool_choice *ch)
{
	unsigned int i, n = min_t(unsigned int, plan->n_reasons,
				  NVIRT_PLAN_REASONS - 1);

	memmove(&plan->reasons[1], &plan->reasons[0],
		n * sizeof(plan->reasons[0]));
	plan->reasons[0] = ch->chosen;
	plan->n_reasons = n + 1;
	if (plan->err)
		plan->cause++;
	for (i = 0; i < ch->n && plan->n_reasons < NVIRT_PLAN_REASONS; i++)
		plan->reasons[plan->n_reasons++] = ch->not_chosen[i];
}

/* A NIC that goes away, or leaves the namespace, leaves its pools. */
static void nvirt_pool_leave(struct nvirt_pool *pool, unsigned int i)
{
	memmove(&pool->ifindex[i], &pool->ifindex[i + 1],
		(pool->n - i - 1) * sizeof(pool->ifindex[0]));
	memmove(&pool->down[i], &pool->down[i + 1],
		(pool->n - i - 1) * sizeof(pool->down[0]));
	memmove(&pool->past[i], &pool->past[i + 1],
		(pool->n - i - 1) * sizeof(pool->past[0]));
	pool->n--;
	pool->down[pool->n] = 0;
	pool->past[pool->n] = false;
}

/* A pool NIC that goes leaves its pools; one whose link changed is noted. */
static int nvirt_pool_netdev_event(struct notifier_block *nb,
				   unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct net *net = dev_net(dev);
	struct nvirt_pool *pool;
	unsigned int i;

	if (event != NETDEV_UNREGISTER && event != NETDEV_UP &&
	    event != NETDEV_DOWN && event != NETDEV_CHANGE)
		return NOTIFY_DONE;
	list_for_each_entry(pool, &nvirt_pool_list(net)->list, named.node) {
		for (i = 0; i < pool->n && pool->ifindex[i] != dev->ifindex; i++)
			;
		if (i == pool->n)
			continue;
		if (event == NETDEV_UNREGISTER)
			nvirt_pool_leave(pool, i);
		else if (!nvirt_pool_link_event(pool, i, dev))
			continue;
		nvirt_nl_pool_notify(net, pool, NVIRT_NTF_CHANGE,
				     NVIRT_CAUSE_NETDEV);
	}
	return NOTIFY_DONE;
}

static struct notifier_block nvirt_pool_notifier = {
	.notifier_call = nvirt_pool_netdev_event,
};

static int __net_init nvirt_pool_net_init(struct net *net)
{
	nvirt_named_init(nvirt_pool_list(net));
	return 0;
}

/* Nobody can reach a dying namespace's pools any more. */
static void __net_exit nvirt_pool_net_exit(struct net *net)
{
	nvirt_named_free(nvirt_pool_list(net));
}

static struct pernet_operations nvirt_pool_net_ops = {
	.init = nvirt_pool_net_init,
	.exit = nvirt_pool_net_exit,
	.id = &nvirt_pool_net_id,
	.size = sizeof(struct nvirt_named_list),
};

/**
 * nvirt_pool_init() - keep pools in every namespace
 *
 * Return: 0 or a negative errno.
 */
int nvirt_pool_init(void)
{
	int err;

	err = register_pernet_subsys(&nvirt_pool_net_ops);
	if (err)
		return err;
	err = nvirt_pool_link_init();
	if (err)
		goto err_unregister_pernet;
	err = register_netdevice_notifier(&nvirt_pool_notifier);
	if (err)
		goto err_link_exit;
	return 0;

err_link_exit:
	nvirt_pool_link_exit();
err_unregister_pernet:
	unregister_pernet_subsys(&nvirt_pool_net_ops);
	return err;
}

/**
 * nvirt_pool_exit() - drop every namespace's pools
 *
 * Nothing arms a link's work once the notifier is gone, and no work walks
 * the pools once those are cancelled.
 */
void nvirt_pool_exit(void)
{
	nvirt_pool_move_exit();
	unregister_netdevice_notifier(&nvirt_pool_notifier);
	nvirt_pool_link_exit();
	unregister_pernet_subsys(&nvirt_pool_net_ops);
}
