// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: named objects in the "nvirt" generic netlink family. Named
 * policies and pools are looked up, got, dumped and notified alike; each
 * kind gives its words, attributes and record filler in an ops table.
 */

#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "named.h"
#include "netlink-common.h"
#include "netlink-named.h"

/**
 * nvirt_nl_named_lookup() - the object a request names
 * @ops: its kind
 * @info: the request, for its name attribute and extack
 * @name: the name
 *
 * Context: RTNL held.
 * Return: the object, or ERR_PTR(-ENOENT) with the reason in extack.
 */
struct nvirt_named *nvirt_nl_named_lookup(const struct nvirt_nl_named_ops *ops,
					  const struct genl_info *info,
					  const char *name)
{
	struct nvirt_named *obj;

	ASSERT_RTNL();
	obj = nvirt_named_find(ops->list(genl_info_net(info)), name);
	if (!obj) {
		NL_SET_ERR_MSG_ATTR_FMT(info->extack,
					info->attrs[ops->name_attr],
					"No such %s %s", ops->kind->what, name);
		return ERR_PTR(-ENOENT);
	}
	return obj;
}

/**
 * nvirt_nl_named_notify() - tell a namespace what happened to an object
 * @ops: its kind
 * @net: the namespace
 * @obj: the object
 * @event: what happened
 * @cause: enum nvirt_cause, what made it happen
 *
 * Context: RTNL held.
 */
void nvirt_nl_named_notify(const struct nvirt_nl_named_ops *ops,
			   struct net *net, struct nvirt_named *obj,
			   enum nvirt_ntf event, u8 cause)
{
	struct sk_buff *msg;
	void *hdr;

	msg = nvirt_nl_ntf_new(net, ops->ntf_cmd[event], &hdr);
	if (!msg)
		return;
	if (ops->put(msg, net, obj)) {
		nlmsg_free(msg);
		nvirt_nl_ntf_lost(net);
		return;
	}
	nvirt_nl_ntf_send(net, msg, hdr, &obj->ntf_hash,
			  event == NVIRT_NTF_CHANGE, false, ops->cause_attr,
			  cause);
}

static int nvirt_nl_named_fill(const struct nvirt_nl_named_ops *ops,
			       struct sk_buff *msg,
			       const struct nvirt_named *obj,
			       const struct genl_info *info,
			       struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_iput(msg, info);
	if (!hdr)
		return -EMSGSIZE;
	if (ops->put(msg, genl_info_net(info), obj)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	genlmsg_end(msg, hdr);
	return 0;
}

/**
 * nvirt_nl_named_get_doit() - reply with the record of the object named
 * @ops: its kind
 * @info: the request
 *
 * Return: 0 or a negative errno.
 */
int nvirt_nl_named_get_doit(const struct nvirt_nl_named_ops *ops,
			    struct genl_info *info)
{
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_named *obj;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, ops->name_attr))
		return -EINVAL;
	nla_strscpy(name, info->attrs[ops->name_attr], sizeof(name));
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	obj = nvirt_nl_named_lookup(ops, info, name);
	err = PTR_ERR_OR_ZERO(obj);
	if (!err)
		err = nvirt_nl_named_fill(ops, msg, obj, info, NULL);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/**
 * nvirt_nl_named_get_dumpit() - a part of the dump of a namespace's objects
 * @ops: their kind
 * @skb: the part
 * @cb: the dump, its position in cb->args[0]
 *
 * Return: the part's length, 0 at the end, or a negative errno.
 */
int nvirt_nl_named_get_dumpit(const struct nvirt_nl_named_ops *ops,
			      struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct net *net = sock_net(skb->sk);
	unsigned long pos = cb->args[0];
	struct nvirt_named_list *l;
	struct nvirt_named *obj;
	int err = 0;

	rtnl_lock();
	l = ops->list(net);
	/* Objects coming or going between parts mark the dump interrupted. */
	cb->seq = l->gen;
	for (; (obj = nvirt_named_next(l, &pos)); pos++) {
		err = nvirt_nl_named_fill(ops, skb, obj, info, cb);
		if (err)
			break;
	}
	rtnl_unlock();
	cb->args[0] = pos;

	/* A full skb ends this part of the dump; the next one resumes here. */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err;
}
