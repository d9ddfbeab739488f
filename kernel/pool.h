/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: pools, NICs of a namespace that nvirt chooses a new VIF's parent
 * among (pool.c).
 */

#ifndef _NVIRT_POOL_H
#define _NVIRT_POOL_H

#include <linux/if.h>
#include <net/net_namespace.h>

#include "named.h"
#include "policy.h"
#include "vif-cfg.h"

struct net_device;
struct netlink_ext_ack;

/* NICs a pool holds: every one can be explained in a VIF's plan. */
#define NVIRT_POOL_MEMBERS	8

/* How long a NIC's link may stay down, unless a request says. */
#define NVIRT_POOL_GRACE	30

/**
 * struct nvirt_pool - a pool of NICs
 * @named: its name, in its namespace's list; first, for nvirt_named_free()
 * @n: NICs in @ifindex
 * @ifindex: its NICs, in the order given; a NIC that goes leaves it
 * @down: for each NIC, since when (jiffies) its link is down, or 0
 * @past: for each NIC, whether its link was found down for @grace
 * @grace: seconds a NIC's link may stay down before its VIFs of the
 *	pool move to another NIC of it
 *
 * All fields are protected by RTNL.
 */
struct nvirt_pool {
	struct nvirt_named named;
	unsigned int n;
	int ifindex[NVIRT_POOL_MEMBERS];
	unsigned long down[NVIRT_POOL_MEMBERS];
	bool past[NVIRT_POOL_MEMBERS];
	u32 grace;
};

static_assert(offsetof(struct nvirt_pool, named) == 0);

/**
 * struct nvirt_pool_cfg - what a request gives a pool
 * @n: how many NICs, 0 for none (a set that keeps them)
 * @ifindex: each by ifindex, or 0
 * @ifname: each by name, or ""; both given must agree
 * @has_grace: whether it gives @grace
 * @grace: the pool's grace, in seconds
 */
struct nvirt_pool_cfg {
	unsigned int n;
	int ifindex[NVIRT_POOL_MEMBERS];
	char ifname[NVIRT_POOL_MEMBERS][IFNAMSIZ];
	bool has_grace;
	u32 grace;
};

/**
 * struct nvirt_pool_choice - why a VIF's NIC was chosen from its pool
 * @chosen: the chosen NIC's reason (NVIRT_PLAN_REASON_NIC_CHOSEN)
 * @n: entries in @not_chosen
 * @not_chosen: each other NIC's (NVIRT_PLAN_REASON_NIC_NOT_CHOSEN)
 */
struct nvirt_pool_choice {
	struct nvirt_plan_why chosen;
	unsigned int n;
	struct nvirt_plan_why not_chosen[NVIRT_POOL_MEMBERS - 1];
};

extern const struct nvirt_named_kind nvirt_pool_kind;

struct nvirt_named_list *nvirt_pool_list(struct net *net);
struct nvirt_pool *nvirt_pool_find(struct net *net, const char *name);
unsigned int nvirt_pool_users(struct net *net, const char *name);
int nvirt_pool_new(struct net *net, const char *name,
		   const struct nvirt_pool_cfg *m,
		   struct netlink_ext_ack *extack);
int nvirt_pool_set(struct net *net, struct nvirt_pool *pool,
		   const struct nvirt_pool_cfg *m,
		   struct netlink_ext_ack *extack);
int nvirt_pool_del(struct net *net, struct nvirt_pool *pool,
		   struct netlink_ext_ack *extack);
struct net_device *nvirt_pool_member(struct net *net, const char *name,
				     int ifindex);
struct net_device *nvirt_pool_choose(struct net *net, const char *name,
				     const char *vif_name,
				     const struct nvirt_vif_cfg *cfg,
				     struct nvirt_pool_choice *ch,
				     struct netlink_ext_ack *extack);
void nvirt_pool_explain(struct nvirt_plan *plan,
			const struct nvirt_pool_choice *ch);

int nvirt_pool_init(void);
void nvirt_pool_exit(void);

#endif /* _NVIRT_POOL_H */
