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
#include "netlink-named.h"
#include "netlink.h"
#include "pool-link.h"
#include "pool.h"
#include "request.h"
#include "vif.h"

static int nvirt_nl_pool_put(struct sk_buff *msg, struct net *net,
			     const struct nvirt_named *obj)
{
	const struct nvirt_pool *pool;
	unsigned int i;
	struct net_device *dev;
	struct nlattr *nest;

	pool = container_of(obj, struct nvirt_pool, named);
	if (nla_put_string(msg, NVIRT_A_POOL_NAME, obj->name))
		return -EMSGSIZE;
	for (i = 0; i < pool->n; i++) {
		dev = __dev_get_by_index(net, pool->ifindex[i]);
		nest = nla_nest_start(msg, NVIRT_A_POOL_MEMBER);
		if (!nest ||
		    nla_put_u32(msg, NVIRT_A_POOL_MEMBER_IFINDEX,
				pool->ifindex[i]) ||
		    (dev && nla_put_string(msg, NVIRT_A_POOL_MEMBER_IFNAME,
					   dev->name)) ||
		    nla_put_u32(msg, NVIRT_A_POOL_MEMBER_LINK,
				nvirt_pool_link_state(pool, i)))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	if (nla_put_u32(msg, NVIRT_A_POOL_VIFS,
			nvirt_pool_users(net, obj->name)) ||
	    nla_put_u32(msg, NVIRT_A_POOL_GRACE, pool->grace))
		return -EMSGSIZE;
	return 0;
}

static const struct nvirt_nl_named_ops nvirt_nl_pool_ops = {
	.kind = &nvirt_pool_kind,
	.name_attr = NVIRT_A_POOL_NAME,
	.cause_attr = NVIRT_A_POOL_CAUSE,
	.ntf_cmd = {
		[NVIRT_NTF_ADD] = NVIRT_CMD_POOL_ADD_NTF,
		[NVIRT_NTF_DEL] = NVIRT_CMD_POOL_DEL_NTF,
		[NVIRT_NTF_CHANGE] = NVIRT_CMD_POOL_CHANGE_NTF,
	},
	.list = nvirt_pool_list,
	.put = nvirt_nl_pool_put,
};

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
	nvirt_nl_named_notify(&nvirt_nl_pool_ops, net, &pool->named, event,
			      cause);
}

/* A pool request, as a handler hands it to the core. */
struct nvirt_nl_pool_req {
	struct nvirt_req req;
	struct genl_info *info;
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_pool_cfg cfg;
};

static struct nvirt_pool *nvirt_nl_pool_req_find(struct nvirt_req *req)
{
	struct nvirt_nl_pool_req *r;
	struct nvirt_named *obj;

	r = container_of(req, struct nvirt_nl_pool_req, req);
	obj = nvirt_nl_named_lookup(&nvirt_nl_pool_ops, r->info, r->name);
	return IS_ERR(obj) ? ERR_CAST(obj) :
	       container_of(obj, struct nvirt_pool, named);
}

/* The NICs of a request, each by ifindex or name. */
static int nvirt_nl_pool_members(struct genl_info *info,
				 struct nvirt_pool_cfg *m)
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

/* The name and, with @members, the NICs and grace of a request. */
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
	r->req.pool_cfg = &r->cfg;
	if (!members)
		return 0;
	if (info->attrs[NVIRT_A_POOL_GRACE]) {
		r->cfg.has_grace = true;
		r->cfg.grace = nla_get_u32(info->attrs[NVIRT_A_POOL_GRACE]);
	}
	return nvirt_nl_pool_members(info, &r->cfg);
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

int nvirt_nl_pool_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return nvirt_nl_named_get_doit(&nvirt_nl_pool_ops, info);
}

int nvirt_nl_pool_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return nvirt_nl_named_get_dumpit(&nvirt_nl_pool_ops, skb, cb);
}
