/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/nvirt.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_NVIRT_GEN_H
#define _LINUX_NVIRT_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/nvirt.h>

/* Common nested types */
extern const struct nla_policy nvirt_policy_nl_policy[NVIRT_A_POLICY_PRIORITY + 1];
extern const struct nla_policy nvirt_pool_member_nl_policy[NVIRT_A_POOL_MEMBER_LINK + 1];

int nvirt_nl_no_attrs_doit(const struct genl_split_ops *ops,
			   struct sk_buff *skb, struct genl_info *info);
int nvirt_nic_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info);
void
nvirt_nic_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		    struct genl_info *info);
int nvirt_nl_nic_get_dump_start(struct netlink_callback *cb);
int nvirt_nl_no_attrs_start(struct netlink_callback *cb);

int nvirt_nl_version_get_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_nic_get_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_nic_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int nvirt_nl_nic_set_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_vif_new_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_vif_del_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_vif_get_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_vif_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int nvirt_nl_vif_set_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_vif_explain_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_policy_new_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_policy_get_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_policy_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int nvirt_nl_policy_set_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_policy_del_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_pool_new_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_pool_get_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_pool_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int nvirt_nl_pool_set_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_pool_del_doit(struct sk_buff *skb, struct genl_info *info);
int nvirt_nl_nic_verify_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	NVIRT_NLGRP_MONITOR,
};

extern struct genl_family nvirt_nl_family;

#endif /* _LINUX_NVIRT_GEN_H */
