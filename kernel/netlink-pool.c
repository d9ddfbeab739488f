// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: pools in the "nvirt" generic netlink family: the pool operations
 * and notifications.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include <uapi/linux/nvirt.h>

#include "netlink-gen.h"
#include "netlink-common.h"
#include "netlink.h"
#include "pool.h"
#include "request.h"
#include "vif.h"

static int nvirt_nl_pool_put(struct sk_buff *msg, struct net *net,
			     const struct nvirt_pool *pool)
{
	struct net_device *dev;
	struct nlattr *nest;
	unsigned int i;

	if (nla_put_string(msg, NVIRT_A_POOL_NAME, pool->name))
		return -EMSGSIZE;
	for (i = 0; i < pool->n; i++) {
		dev = __dev_get_by_index(net, pool->ifindex[i]);
		nest = nla_nest_start(msg, NVIRT_A_POOL_MEMBER);
		if (!nest ||
		    nla_put_u32(msg, NVIRT_A_POOL_MEMBER_IFINDEX,
				pool->ifindex[i]) ||
		    (dev && nla_put_string(msg, NVIRT_A_POOL_MEMBER_IFNAME,
					   dev->name)))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	if (nla_put_u32(msg, NVIRT_A_POOL_VIFS,
			nvirt_pool_users(net, pool->name)))
		return -EMSGSIZE;
	return 0;
}

/**
 * nvirt_nl_pool_notify() - tell a namespace what happened to a pool
 * @net: the namespace
 * @pool: the pool
 * @event: what happened
 * @cause: enum nvirt_cause, what made it happen
 *
 * Context: RTNL held.
 */
void nvirt_nl_pool_notify(struct net *net, struct nvirt_pool *pool,
			  enum nvirt_ntf event, u8 cause)
{
	static const u8 cmds[] = {
		[NVIRT_NTF_ADD] = NVIRT_CMD_POOL_ADD_NTF,
		[NVIRT_NTF_DEL] = NVIRT_CMD_POOL_DEL_NTF,
		[NVIRT_NTF_CHANGE] = NVIRT_CMD_POOL_CHANGE_NTF,
	};
	struct sk_buff *msg;
	void *hdr;

	msg = nvirt_nl_ntf_new(net, cmds[event], &hdr);
	if (!msg)
		return;
	if (nvirt_nl_pool_put(msg, net, pool)) {
		nlmsg_free(msg);
		nvirt_nl_ntf_lost(net);
		return;
	}
	nvirt_nl_ntf_send(net, msg, hdr, &pool->ntf_hash,
			  event == NVIRT_NTF_CHANGE, false,
			  NVIRT_A_POOL_CAUSE, cause);
}

/* The pool a request names. */
static struct nvirt_pool *nvirt_nl_pool_lookup(struct genl_info *info,
					       const char *name)
{
	struct nlattr *attr = info->attrs[NVIRT_A_POOL_NAME];
	struct nvirt_pool *pool;

	ASSERT_RTNL();
	pool = nvirt_pool_find(genl_info_net(info), name);
	if (!pool) {
		NL_SET_ERR_MSG_ATTR_FMT(info->extack, attr, "No such pool %s",
					name);
		return ERR_PTR(-ENOENT);
	}
	return pool;
}

/* A pool request, as a handler hands it to the core. */
struct nvirt_nl_pool_req {
	struct nvirt_req req;
	struct genl_info *info;
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_pool_members members;
};

static struct nvirt_pool *nvirt_nl_pool_req_find(struct nvirt_req *req)
{
	struct nvirt_nl_pool_req *r;

	r = container_of(req, struct nvirt_nl_pool_req, req);
	return nvirt_nl_pool_lookup(r->info, r->name);
}

/* The NICs of a request, each by ifindex or name. */
static int nvirt_nl_pool_members(struct genl_info *info,
				 struct nvirt_pool_members *m)
{
	struct nlattr *tb[NVIRT_A_POOL_MEMBER_MAX + 1];
	const struct nlattr *attr;
	int rem, err;

	nlmsg_for_each_attr(attr, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(attr) != NVIRT_A_POOL_MEMBER)
			continue;
		if (m->n == NVIRT_POOL_MEMBERS) {
			NL_SET_ERR_MSG_ATTR_FMT(info->extack, attr,
						"A pool has at most %u NICs",
						NVIRT_POOL_MEMBERS);
			return -E2BIG;
		}
		err = nla_parse_nested(tb, NVIRT_A_POOL_MEMBER_MAX, attr,
				       nvirt_pool_member_nl_policy,
				       info->extack);
		if (err)
			return err;
		if (!tb[NVIRT_A_POOL_MEMBER_IFINDEX] &&
		    !tb[NVIRT_A_POOL_MEMBER_IFNAME]) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "A pool's NIC needs its ifindex or ifname");
			return -EINVAL;
		}
		if (tb[NVIRT_A_POOL_MEMBER_IFINDEX])
			m->ifindex[m->n] =
				nla_get_u32(tb[NVIRT_A_POOL_MEMBER_IFINDEX]);
		if (tb[NVIRT_A_POOL_MEMBER_IFNAME])
			nla_strscpy(m->ifname[m->n],
				    tb[NVIRT_A_POOL_MEMBER_IFNAME], IFNAMSIZ);
		m->n++;
	}
	return 0;
}

/* The name and, with @members, the NICs of a request. */
static int nvirt_nl_pool_req_init(struct nvirt_nl_pool_req *r,
				  struct genl_info *info, bool members)
{
	if (GENL_REQ_ATTR_CHECK(info, NVIRT_A_POOL_NAME))
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	nla_strscpy(r->name, info->attrs[NVIRT_A_POOL_NAME], sizeof(r->name));
	r->info = info;
	r->req.net = genl_info_net(info);
	r->req.name = r->name;
	r->req.extack = info->extack;
	r->req.pool = nvirt_nl_pool_req_find;
	r->req.members = &r->members;
	return members ? nvirt_nl_pool_members(info, &r->members) : 0;
}

int nvirt_nl_pool_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_pool_req r;

	return nvirt_nl_pool_req_init(&r, info, true) ?:
	       nvirt_req_pool_new(&r.req);
}

int nvirt_nl_pool_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_pool_req r;

	return nvirt_nl_pool_req_init(&r, info, true) ?:
	       nvirt_req_pool_set(&r.req);
}

int nvirt_nl_pool_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_pool_req r;

	return nvirt_nl_pool_req_init(&r, info, false) ?:
	       nvirt_req_pool_del(&r.req);
}

static int nvirt_nl_pool_fill(struct sk_buff *msg,
			      const struct nvirt_pool *pool,
			      const struct genl_info *info,
			      struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_iput(msg, info);
	if (!hdr)
		return -EMSGSIZE;
	if (nvirt_nl_pool_put(msg, genl_info_net(info), pool)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	genlmsg_end(msg, hdr);
	return 0;
}

int nvirt_nl_pool_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_pool *pool;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, NVIRT_A_POOL_NAME))
		return -EINVAL;
	nla_strscpy(name, info->attrs[NVIRT_A_POOL_NAME], sizeof(name));
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	pool = nvirt_nl_pool_lookup(info, name);
	err = PTR_ERR_OR_ZERO(pool);
	if (!err)
		err = nvirt_nl_pool_fill(msg, pool, info, NULL);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

int nvirt_nl_pool_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct net *net = sock_net(skb->sk);
	unsigned long pos = cb->args[0];
	struct nvirt_pool *pool;
	int err = 0;

	rtnl_lock();
	/* Pools coming or going between parts mark the dump interrupted. */
	cb->seq = nvirt_pool_gen(net);
	for (; (pool = nvirt_pool_next(net, &pos)); pos++) {
		err = nvirt_nl_pool_fill(skb, pool, info, cb);
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
