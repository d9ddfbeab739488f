/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: named policies, kept per network namespace for VIFs to follow.
 */

#ifndef _NVIRT_NPOLICY_H
#define _NVIRT_NPOLICY_H

#include <net/net_namespace.h>

#include "named.h"
#include "vif.h"

/**
 * struct nvirt_npolicy - a named policy
 * @named: its name, in its namespace's list; first, for nvirt_named_free()
 * @cfg: what it sets: the NVIRT_CFG_FOLLOWED fields in @cfg.set
 * @pool: the pool a new VIF that follows it takes its NIC from when its
 *	request names neither a NIC nor a pool, "" for none
 *
 * All fields are protected by RTNL.
 */
struct nvirt_npolicy {
	struct nvirt_named named;
	struct nvirt_vif_cfg cfg;
	char pool[NVIRT_POLICY_NAMSIZ];
};

static_assert(offsetof(struct nvirt_npolicy, named) == 0);

extern const struct nvirt_named_kind nvirt_npolicy_kind;

struct nvirt_named_list *nvirt_npolicy_list(struct net *net);
struct nvirt_npolicy *nvirt_npolicy_find(struct net *net, const char *name);
unsigned int nvirt_npolicy_users(struct net *net, const char *name);
struct nvirt_npolicy *nvirt_npolicy_of_pool(struct net *net, const char *pool);
int nvirt_npolicy_follow(struct net *net, struct nvirt_vif_cfg *cfg,
			 struct netlink_ext_ack *extack);
int nvirt_npolicy_new(struct net *net, const char *name,
		      const struct nvirt_vif_cfg *cfg,
		      struct netlink_ext_ack *extack);
int nvirt_npolicy_set(struct net *net, struct nvirt_npolicy *np,
		      const struct nvirt_vif_cfg *cfg,
		      struct netlink_ext_ack *extack);
int nvirt_npolicy_del(struct net *net, struct nvirt_npolicy *np,
		      struct netlink_ext_ack *extack);

int nvirt_npolicy_init(void);
void nvirt_npolicy_exit(void);

#endif /* _NVIRT_NPOLICY_H */
