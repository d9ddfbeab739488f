/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: named policies, kept per network namespace for VIFs to follow.
 */

#ifndef _NVIRT_NPOLICY_H
#define _NVIRT_NPOLICY_H

#include <linux/list.h>
#include <net/net_namespace.h>

#include "vif.h"

/**
 * struct nvirt_npolicy - a named policy
 * @node: in its namespace's list
 * @name: its name, unique in the namespace
 * @cfg: what it sets: the NVIRT_CFG_FOLLOWED fields in @cfg.set
 * @ntf_hash: hash of the record last notified
 *
 * All fields are protected by RTNL.
 */
struct nvirt_npolicy {
	struct list_head node;
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_vif_cfg cfg;
	u32 ntf_hash;
};

bool nvirt_npolicy_valid_name(const char *name);
struct nvirt_npolicy *nvirt_npolicy_find(struct net *net, const char *name);
struct nvirt_npolicy *nvirt_npolicy_next(struct net *net, unsigned long *pos);
unsigned int nvirt_npolicy_gen(struct net *net);
unsigned int nvirt_npolicy_users(struct net *net, const char *name);
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
