/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvirt: named objects (named policies, pools) in the "nvirt" generic
 * netlink family: lookup, get, dump and notifications, for one kind each.
 */

#ifndef _NVIRT_NETLINK_NAMED_H
#define _NVIRT_NETLINK_NAMED_H

#include <linux/types.h>

#include "netlink.h"

struct genl_info;
struct net;
struct netlink_callback;
struct nvirt_named;
struct nvirt_named_kind;
struct nvirt_named_list;
struct sk_buff;

/**
 * struct nvirt_nl_named_ops - a kind of named object, in netlink
 * @kind: its words, for "No such pool X"
 * @name_attr: the attribute of its name
 * @cause_attr: the attribute of a notification's cause
 * @ntf_cmd: the notification of each enum nvirt_ntf
 * @list: its objects in a namespace
 * @put: its record's attributes, into a message
 */
struct nvirt_nl_named_ops {
	const struct nvirt_named_kind *kind;
	int name_attr;
	int cause_attr;
	u8 ntf_cmd[NVIRT_NTF_CHANGE + 1];
	struct nvirt_named_list *(*list)(struct net *net);
	int (*put)(struct sk_buff *msg, struct net *net,
		   const struct nvirt_named *obj);
};

struct nvirt_named *nvirt_nl_named_lookup(const struct nvirt_nl_named_ops *ops,
					  const struct genl_info *info,
					  const char *name);
void nvirt_nl_named_notify(const struct nvirt_nl_named_ops *ops,
			   struct net *net, struct nvirt_named *obj,
			   enum nvirt_ntf event, u8 cause);
int nvirt_nl_named_get_doit(const struct nvirt_nl_named_ops *ops,
			    struct genl_info *info);
int nvirt_nl_named_get_dumpit(const struct nvirt_nl_named_ops *ops,
			      struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _NVIRT_NETLINK_NAMED_H */
