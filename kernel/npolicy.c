// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: named policies.
 *
 * A named policy is a partial VIF configuration kept by name in a network
 * namespace: some of the fields a user asks for (goal, isolation,
 * migratable, visibility, g2g, priority, rates). A VIF that follows one
 * takes its value of every such field the VIF was never given itself, and
 * the default for those neither sets. Changing a policy plans every VIF
 * that follows it again, and changes them all or none. A policy may also
 * name a pool, where a VIF made to follow it without a NIC or a pool of
 * its own takes its NIC from: only when it is made.
 *
 * VIFs name the policy they follow, and a policy the pool: nothing points
 * at either, so they go with their namespace without asking anybody.
 */

#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/netns/generic.h>

#include "netlink.h"
#include "npolicy.h"
#include "place.h"
#include "pool.h"

const struct nvirt_named_kind nvirt_npolicy_kind = {
	.what = "policy",
	.title = "Policy",
	.whats = "policies",
	.max = 1024,
};

static unsigned int nvirt_npolicy_net_id __read_mostly;

/**
 * nvirt_npolicy_list() - the named policies of a namespace
 * @net: the namespace
 *
 * Return: its list, protected by RTNL.
 */
struct nvirt_named_list *nvirt_npolicy_list(struct net *net)
{
	return net_generic(net, nvirt_npolicy_net_id);
}

/**
 * nvirt_npolicy_find() - find a named policy of a namespace
 * @net: the namespace
 * @name: its name
 *
 * Context: RTNL held.
 * Return: the policy, or NULL.
 */
struct nvirt_npolicy *nvirt_npolicy_find(struct net *net, const char *name)
{
	struct nvirt_named *obj = nvirt_named_find(nvirt_npolicy_list(net), name);

	return obj ? container_of(obj, struct nvirt_npolicy, named) : NULL;
}

/**
 * nvirt_npolicy_users() - how many VIFs follow a named policy
 * @net: the namespace of the policy and of the VIFs
 * @name: the policy's name
 *
 * Context: RTNL held.
 * Return: the number of VIFs.
 */
unsigned int nvirt_npolicy_users(struct net *net, const char *name)
{
	struct nvirt_vif *vif;
	unsigned int n = 0;
	unsigned long id;

	for (id = 0; (vif = nvirt_vif_next(net, &id)); id++)
		if (!strcmp(vif->cfg.policy_name, name))
			n++;
	return n;
}

/**
 * nvirt_npolicy_of_pool() - a named policy that names a pool
 * @net: the namespace of the policy and of the pool
 * @pool: the pool's name
 *
 * Context: RTNL held.
 * Return: the first such policy, or NULL.
 */
struct nvirt_npolicy *nvirt_npolicy_of_pool(struct net *net, const char *pool)
{
	struct nvirt_named_list *l = nvirt_npolicy_list(net);
	struct nvirt_npolicy *np;
	struct nvirt_named *obj;
	unsigned long pos;

	for (pos = 0; (obj = nvirt_named_next(l, &pos)); pos++) {
		np = container_of(obj, struct nvirt_npolicy, named);
		if (!strcmp(np->pool, pool))
			return np;
	}
	return NULL;
}

/**
 * nvirt_npolicy_follow() - fill in a VIF config from its named policy
 * @net: the namespace of the VIF and of the policy
 * @cfg: the config, whole: the request merged over the VIF's
 * @extack: why it failed
 *
 * The NVIRT_CFG_FOLLOWED fields not in @cfg->own take the policy's value,
 * or the default when it has none, and join @cfg->set. A VIF that has
 * just stopped following a policy takes the defaults.
 *
 * Context: RTNL held.
 * Return: 0, or -ENOENT when there is no such policy.
 */
int nvirt_npolicy_follow(struct net *net, struct nvirt_vif_cfg *cfg,
			 struct netlink_ext_ack *extack)
{
	unsigned long follow = NVIRT_CFG_FOLLOWED & ~cfg->own;
	struct nvirt_vif_cfg from = {};
	struct nvirt_npolicy *np;

	ASSERT_RTNL();
	if (cfg->policy_name[0]) {
		np = nvirt_npolicy_find(net, cfg->policy_name);
		if (!np) {
			NL_SET_ERR_MSG_FMT(extack, "No such policy %s",
					   cfg->policy_name);
			return -ENOENT;
		}
		nvirt_vif_cfg_copy(&from, &np->cfg, np->cfg.set);
	} else if (!test_bit(NVIRT_CFG_POLICY_NAME, &cfg->set)) {
		return 0;
	}
	nvirt_vif_cfg_copy(cfg, &from, follow);
	cfg->set |= follow;
	return 0;
}

/* The pool a request gives a policy, if it gives one, exists. */
static int nvirt_npolicy_check_pool(struct net *net,
				    const struct nvirt_vif_cfg *cfg,
				    struct netlink_ext_ack *extack)
{
	if (!test_bit(NVIRT_CFG_POOL_NAME, &cfg->set) || !cfg->pool_name[0] ||
	    nvirt_pool_find(net, cfg->pool_name))
		return 0;
	NL_SET_ERR_MSG_FMT(extack, "No such pool %s", cfg->pool_name);
	return -ENOENT;
}

static int nvirt_npolicy_check(const struct nvirt_vif_cfg *cfg,
			       struct netlink_ext_ack *extack)
{
	if (cfg->min_rate && cfg->max_rate && cfg->min_rate > cfg->max_rate) {
		NL_SET_ERR_MSG_FMT(extack, "min-rate %u is above max-rate %u",
				   cfg->min_rate, cfg->max_rate);
		return -EINVAL;
	}
	return 0;
}

/**
 * nvirt_npolicy_new() - create a named policy
 * @net: its namespace
 * @name: its name
 * @cfg: the fields it sets, in @cfg->set; its pool, with NVIRT_CFG_POOL_NAME
 * @extack: why it failed
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_npolicy_new(struct net *net, const char *name,
		      const struct nvirt_vif_cfg *cfg,
		      struct netlink_ext_ack *extack)
{
	struct nvirt_named_list *l = nvirt_npolicy_list(net);
	struct nvirt_npolicy *np;
	int err;

	ASSERT_RTNL();
	err = nvirt_named_check(l, &nvirt_npolicy_kind, name, extack);
	if (err)
		return err;
	err = nvirt_npolicy_check(cfg, extack) ?:
	      nvirt_npolicy_check_pool(net, cfg, extack);
	if (err)
		return err;

	np = kzalloc(sizeof(*np), GFP_KERNEL);
	if (!np)
		return -ENOMEM;
	nvirt_vif_cfg_copy(&np->cfg, cfg, cfg->set & NVIRT_CFG_FOLLOWED);
	np->cfg.set = cfg->set & NVIRT_CFG_FOLLOWED;
	if (test_bit(NVIRT_CFG_POOL_NAME, &cfg->set))
		strscpy(np->pool, cfg->pool_name, sizeof(np->pool));
	nvirt_named_add(l, &np->named, name);
	nvirt_nl_policy_notify(net, np, NVIRT_NTF_ADD);
	return 0;
}

/* A follower's refusal, naming the VIF where the message has room. */
static void nvirt_npolicy_why(struct netlink_ext_ack *extack,
			      const struct nvirt_vif *vif, const char *msg)
{
	if (!msg)
		NL_SET_ERR_MSG_FMT(extack, "VIF %s cannot follow", vif->name);
	else if (strlen(vif->name) + strlen(msg) + 2 < NETLINK_MAX_FMTMSG_LEN)
		NL_SET_ERR_MSG_FMT(extack, "%s: %s", vif->name, msg);
	else
		NL_SET_ERR_MSG_FMT(extack, "%s", msg);
}

/**
 * struct nvirt_npolicy_was - a follower as it was before a policy change
 * @vif: the VIF
 * @cfg: its settings
 * @plan: its backend, path and migratability (no reasons)
 * @enforce: where its settings were enforced
 */
struct nvirt_npolicy_was {
	struct nvirt_vif *vif;
	struct nvirt_vif_cfg cfg;
	struct nvirt_plan plan;
	u8 enforce[NVIRT_SETTING_MAX + 1];
};

/* The followers of @np, as they are; *@n of them. */
static struct nvirt_npolicy_was *
nvirt_npolicy_snapshot(struct net *net, struct nvirt_npolicy *np,
		       unsigned int *n)
{
	unsigned int users = nvirt_npolicy_users(net, np->named.name);
	struct nvirt_npolicy_was *was;
	struct nvirt_vif *vif;
	unsigned long id;

	*n = 0;
	was = kcalloc(max(users, 1U), sizeof(*was), GFP_KERNEL);
	if (!was)
		return NULL;
	for (id = 0; (vif = nvirt_vif_next(net, &id)) && *n < users; id++) {
		if (strcmp(vif->cfg.policy_name, np->named.name))
			continue;
		was[*n].vif = vif;
		was[*n].cfg = vif->cfg;
		was[*n].plan.backend = vif->backend;
		was[*n].plan.g2g = vif->g2g;
		was[*n].plan.migratable = vif->migratable;
		memcpy(was[*n].enforce, vif->enforce, sizeof(was[*n].enforce));
		(*n)++;
	}
	return was;
}

/*
 * Plan (@flags NVIRT_PLACE_DRY_RUN) or change the @n followers in @was by
 * what @np sets now, in order; *@done is set to how many were changed.
 * Plans are made together: each counts with the hardware the ones before
 * it take and give back. Stops at the first that cannot follow, naming
 * it. VFs are not enabled for it: that happens outside RTNL, per request.
 */
static int nvirt_npolicy_apply(struct nvirt_npolicy_was *was, unsigned int n,
			       unsigned int flags, struct nvirt_placement *pl,
			       unsigned int *done,
			       struct netlink_ext_ack *extack)
{
	struct nvirt_place_batch batch;
	struct netlink_ext_ack why = {};
	struct nvirt_vif_cfg cfg;
	const char *msg;
	int err = 0;

	*done = 0;
	pl->batch = NULL;
	if (flags & NVIRT_PLACE_DRY_RUN) {
		err = nvirt_place_batch_init(&batch, n);
		if (err)
			return err;
		pl->batch = &batch;
	}
	for (; *done < n; (*done)++) {
		struct nvirt_vif *vif = was[*done].vif;

		memset(&cfg, 0, sizeof(cfg));
		pl->plan.err = 0;
		err = nvirt_vif_set(vif, &cfg, flags | NVIRT_PLACE_NO_ENABLE,
				    pl, NVIRT_CAUSE_POLICY, &why);
		if (err) {
			msg = why._msg;
			/* A dry run's refusal is in its plan, not the extack. */
			if (!msg && pl->plan.err == err)
				msg = pl->plan.reasons[pl->plan.cause].text;
			nvirt_npolicy_why(extack, vif, msg);
			break;
		}
		if (pl->batch)
			nvirt_place_batch_add(pl->batch, vif, pl);
	}
	if (pl->batch)
		nvirt_place_batch_free(pl->batch);
	pl->batch = NULL;
	return err;
}

/*
 * Put the first @n followers in @was back as they were, last first: each
 * gets back the hardware it gave up, which the ones after it have given
 * back by then. Returns the first one that could not be, or NULL.
 */
static struct nvirt_vif *nvirt_npolicy_undo(struct nvirt_npolicy_was *was,
					    unsigned int n)
{
	struct nvirt_vif *stuck = NULL;
	struct nvirt_vif_cfg cfg;

	while (n--) {
		cfg = was[n].cfg;
		if (nvirt_vif_change(was[n].vif, &cfg, &was[n].plan,
				     was[n].enforce, NVIRT_CAUSE_POLICY, NULL)) {
			netdev_warn(was[n].vif->parent,
				    "VIF %s could not be put back as it was\n",
				    was[n].vif->name);
			stuck = stuck ?: was[n].vif;
		}
	}
	/* VIFs the changes displaced may have their hardware back. */
	nvirt_place_rebalance();
	return stuck;
}

/**
 * nvirt_npolicy_set() - change fields of a named policy, and its VIFs
 * @net: its namespace
 * @np: the policy
 * @cfg: the fields to change, in @cfg->set; its pool, with NVIRT_CFG_POOL_NAME
 * @extack: why it failed, naming the VIF that could not follow
 *
 * All or nothing: every VIF that follows the policy is planned first,
 * together, and a VIF that fails to change has the ones changed before it
 * put back as they were. The pool moves no VIF.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno.
 */
int nvirt_npolicy_set(struct net *net, struct nvirt_npolicy *np,
		      const struct nvirt_vif_cfg *cfg,
		      struct netlink_ext_ack *extack)
{
	unsigned long fields = cfg->set & NVIRT_CFG_FOLLOWED;
	struct nvirt_npolicy_was *was;
	struct nvirt_placement *pl;
	struct nvirt_vif_cfg old;
	struct nvirt_vif *stuck;
	unsigned int n, done;
	int err;

	ASSERT_RTNL();
	err = nvirt_npolicy_check_pool(net, cfg, extack);
	if (err)
		return err;
	/* Its pool alone: no follower to plan again. */
	if (!fields && test_bit(NVIRT_CFG_POOL_NAME, &cfg->set))
		goto out_pool;
	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	was = nvirt_npolicy_snapshot(net, np, &n);
	if (!was) {
		err = -ENOMEM;
		goto err_free_pl;
	}
	old = np->cfg;
	nvirt_vif_cfg_copy(&np->cfg, cfg, fields);
	np->cfg.set |= fields;
	err = nvirt_npolicy_check(&np->cfg, extack) ?:
	      nvirt_npolicy_apply(was, n, NVIRT_PLACE_DRY_RUN, pl, &done,
				  extack);
	if (err)
		goto err_restore;
	err = nvirt_npolicy_apply(was, n, 0, pl, &done, extack);
	if (err) {
		/* Those that followed follow the old fields again. */
		np->cfg = old;
		stuck = nvirt_npolicy_undo(was, done);
		if (stuck)
			NL_SET_ERR_MSG_FMT(extack,
					   "a follower failed, and VIF %s could not be put back",
					   stuck->name);
		goto err_free_was;
	}
	kfree(was);
	kfree(pl);
out_pool:
	if (test_bit(NVIRT_CFG_POOL_NAME, &cfg->set))
		strscpy(np->pool, cfg->pool_name, sizeof(np->pool));
	nvirt_nl_policy_notify(net, np, NVIRT_NTF_CHANGE);
	return 0;

err_restore:
	np->cfg = old;
err_free_was:
	kfree(was);
err_free_pl:
	kfree(pl);
	return err;
}

/**
 * nvirt_npolicy_del() - remove a named policy that no VIF follows
 * @net: its namespace
 * @np: the policy
 * @extack: why it failed
 *
 * Context: RTNL held.
 * Return: 0, or -EBUSY while VIFs follow it.
 */
int nvirt_npolicy_del(struct net *net, struct nvirt_npolicy *np,
		      struct netlink_ext_ack *extack)
{
	unsigned int users;

	ASSERT_RTNL();
	users = nvirt_npolicy_users(net, np->named.name);
	if (users) {
		NL_SET_ERR_MSG_FMT(extack, "Policy %s is followed by %u VIF%s",
				   np->named.name, users, users == 1 ? "" : "s");
		return -EBUSY;
	}
	nvirt_nl_policy_notify(net, np, NVIRT_NTF_DEL);
	nvirt_named_del(nvirt_npolicy_list(net), &np->named);
	kfree(np);
	return 0;
}

static int __net_init nvirt_npolicy_net_init(struct net *net)
{
	nvirt_named_init(nvirt_npolicy_list(net));
	return 0;
}

/* Nobody can reach a dying namespace's policies any more. */
static void __net_exit nvirt_npolicy_net_exit(struct net *net)
{
	nvirt_named_free(nvirt_npolicy_list(net));
}

static struct pernet_operations nvirt_npolicy_net_ops = {
	.init = nvirt_npolicy_net_init,
	.exit = nvirt_npolicy_net_exit,
	.id = &nvirt_npolicy_net_id,
	.size = sizeof(struct nvirt_named_list),
};

/**
 * nvirt_npolicy_init() - keep named policies in every namespace
 *
 * Return: 0 or a negative errno.
 */
int nvirt_npolicy_init(void)
{
	return register_pernet_subsys(&nvirt_npolicy_net_ops);
}

/**
 * nvirt_npolicy_exit() - drop every namespace's named policies
 */
void nvirt_npolicy_exit(void)
{
	unregister_pernet_subsys(&nvirt_npolicy_net_ops);
}
