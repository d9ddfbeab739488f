/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: what the netlink files (netlink.c, netlink-vif.c, netlink-named.c,
 * netlink-policy.c, netlink-pool.c) share, and nothing else uses.
 */

#ifndef _NVIRT_NETLINK_COMMON_H
#define _NVIRT_NETLINK_COMMON_H

#include <linux/types.h>

#include "netlink.h"

struct genl_info;
struct net;
struct net_device;
struct netlink_ext_ack;
struct nlattr;
struct nvirt_vif_cfg;
struct sk_buff;

/* netlink.c */
struct net_device *nvirt_nl_dev_lookup(const struct genl_info *info, int ifindex,
				       int ifname);
struct sk_buff *nvirt_nl_ntf_new(struct net *net, u8 cmd, void **hdr);
void nvirt_nl_ntf_lost(struct net *net);
void nvirt_nl_ntf_send(struct net *net, struct sk_buff *msg, void *hdr,
		       u32 *last, bool change, bool quiet, int cause_attr,
		       u8 cause);

/* netlink-policy.c */
int nvirt_nl_policy_parse(const struct nlattr *nest, struct nvirt_vif_cfg *cfg,
			  struct netlink_ext_ack *extack);
int nvirt_nl_policy_put(struct sk_buff *msg, int type,
			const struct nvirt_vif_cfg *cfg, unsigned long fields);
int nvirt_nl_rates_put(struct sk_buff *msg, const struct nvirt_vif_cfg *cfg,
		       unsigned long fields, int max_attr, int min_attr);

#endif /* _NVIRT_NETLINK_COMMON_H */
