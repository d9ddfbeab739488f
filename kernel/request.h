/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: the one path every request to change VIFs or policies takes.
 */

#ifndef _NVIRT_REQUEST_H
#define _NVIRT_REQUEST_H

#include <linux/types.h>

struct net;
struct net_device;
struct netlink_ext_ack;
struct nvirt_npolicy;
struct nvirt_plan;
struct nvirt_pool;
struct nvirt_pool_choice;
struct nvirt_pool_cfg;
struct nvirt_vif;
struct nvirt_vif_cfg;

/**
 * struct nvirt_req - a request, as its front end hands it to the core
 * @net: the namespace it came from, where its VIFs and policies are named
 * @name: the name of the VIF it creates, or of the policy or pool it
 *	acts on
 * @cfg: the settings asked for; the front end holds a namespace in it
 * @pool_cfg: what a pool request gives the pool
 * @dry_run: plan and report, change nothing
 * @moved: nvirt's own request, making again on another NIC a VIF whose NIC
 *	went: announced with cause placement
 * @forget: a nic verify request forgets what earlier tests found
 * @extack: where a refusal is explained
 * @parent: finds the parent a new VIF is to have, or the NIC of a NIC
 *	request; NULL for a new VIF whose request names none (its pool, or
 *	its named policy's, offers one)
 * @vif: finds the VIF the request names
 * @policy: finds the policy the request names
 * @pool: finds the pool the request names
 * @reply: optional; reports what was done or planned: @vif is NULL for a
 *	VIF a dry run would create, @plan NULL where nothing was planned
 * @chosen: the core's: the NIC chosen from the pool of @cfg, by ifindex
 * @choice: the core's: why it was chosen
 *
 * The core drops RTNL while it enables VFs, so it finds the objects a
 * request names through the front end each time it takes RTNL again;
 * each finder puts its reason for not finding one in @extack. The
 * finders and @reply are called with RTNL held.
 */
struct nvirt_req {
	struct net *net;
	const char *name;
	struct nvirt_vif_cfg *cfg;
	const struct nvirt_pool_cfg *pool_cfg;
	bool dry_run;
	bool moved;
	bool forget;
	struct netlink_ext_ack *extack;
	struct net_device *(*parent)(struct nvirt_req *req);
	struct nvirt_vif *(*vif)(struct nvirt_req *req);
	struct nvirt_npolicy *(*policy)(struct nvirt_req *req);
	struct nvirt_pool *(*pool)(struct nvirt_req *req);
	int (*reply)(struct nvirt_req *req, struct nvirt_vif *vif,
		     struct net_device *parent, const struct nvirt_plan *plan);
	int chosen;
	struct nvirt_pool_choice *choice;
};

int nvirt_req_vif_new(struct nvirt_req *req);
int nvirt_req_vif_set(struct nvirt_req *req);
int nvirt_req_vif_del(struct nvirt_req *req);
int nvirt_req_vif_explain(struct nvirt_req *req);
int nvirt_req_policy_new(struct nvirt_req *req);
int nvirt_req_policy_set(struct nvirt_req *req);
int nvirt_req_policy_del(struct nvirt_req *req);
int nvirt_req_pool_new(struct nvirt_req *req);
int nvirt_req_pool_set(struct nvirt_req *req);
int nvirt_req_pool_del(struct nvirt_req *req);
int nvirt_req_nic_verify(struct nvirt_req *req);

#endif /* _NVIRT_REQUEST_H */
