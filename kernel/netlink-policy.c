// SPDX-License-Identifier: GPL-2.0
/*
 * nvirt: policies in the "nvirt" generic netlink family: the policy nest
 * of VIF requests and records, and the named-policy operations. A rate
 * is no policy field but a setting, also what a named policy gives.
 */

#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include <uapi/linux/nvirt.h>

#include "netlink-gen.h"
#include "netlink-common.h"
#include "netlink-named.h"
#include "netlink.h"
#include "npolicy.h"
#include "request.h"
#include "vif.h"

/*
 * Policy attributes (all u32): the VIF field each is, where a config has
 * it, and its size there (1 for u8 and bool, else 4).
 */
#define NVIRT_NL_POLICY_FIELD(_name, _member, _size) {			\
	.attr = NVIRT_A_POLICY_##_name,					\
	.field = NVIRT_CFG_##_name,					\
	.offset = offsetof(struct nvirt_vif_cfg, _member),		\
	.size = (_size),						\
}

static const struct {
	int attr;
	int field;
	size_t offset;
	size_t size;
} nvirt_nl_policy_fields[] = {
	NVIRT_NL_POLICY_FIELD(GOAL, policy.goal, 1),
	NVIRT_NL_POLICY_FIELD(ISOLATION, policy.isolation, 1),
	NVIRT_NL_POLICY_FIELD(MIGRATABLE, policy.migratable, 1),
	NVIRT_NL_POLICY_FIELD(VISIBILITY, policy.visibility, 1),
	NVIRT_NL_POLICY_FIELD(G2G, policy.g2g, 1),
	NVIRT_NL_POLICY_FIELD(PRIORITY, policy.priority, 4),
};

/**
 * nvirt_nl_policy_parse() - the fields of a policy nest, into a VIF config
 * @nest: the nest, or NULL
 * @cfg: its fields set, and their bits in @cfg->set
 * @extack: why it failed
 *
 * Return: 0 or a negative errno.
 */
int nvirt_nl_policy_parse(const struct nlattr *nest, struct nvirt_vif_cfg *cfg,
			  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[NVIRT_A_POLICY_MAX + 1];
	const struct nlattr *attr;
	int i, err;
	void *to;

	if (!nest)
		return 0;
	err = nla_parse_nested(tb, NVIRT_A_POLICY_MAX, nest,
			       nvirt_policy_nl_policy, extack);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(nvirt_nl_policy_fields); i++) {
		attr = tb[nvirt_nl_policy_fields[i].attr];
		if (!attr)
			continue;
		__set_bit(nvirt_nl_policy_fields[i].field, &cfg->set);
		to = (u8 *)cfg + nvirt_nl_policy_fields[i].offset;
		if (nvirt_nl_policy_fields[i].size == 1)
			*(u8 *)to = nla_get_u32(attr);
		else
			*(u32 *)to = nla_get_u32(attr);
	}
	return 0;
}

/**
 * nvirt_nl_policy_put() - a policy nest with some fields of a VIF config
 * @msg: the message
 * @type: the nest's attribute type
 * @cfg: the config
 * @fields: the NVIRT_CFG_* bits of the policy fields to put
 *
 * Return: 0 or -EMSGSIZE.
 */
int nvirt_nl_policy_put(struct sk_buff *msg, int type,
			const struct nvirt_vif_cfg *cfg, unsigned long fields)
{
	struct nlattr *nest;
	const void *from;
	int i, err;

	nest = nla_nest_start(msg, type);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ARRAY_SIZE(nvirt_nl_policy_fields); i++) {
		if (!test_bit(nvirt_nl_policy_fields[i].field, &fields))
			continue;
		from = (const u8 *)cfg + nvirt_nl_policy_fields[i].offset;
		err = nla_put_u32(msg, nvirt_nl_policy_fields[i].attr,
				  nvirt_nl_policy_fields[i].size == 1 ?
				  *(const u8 *)from : *(const u32 *)from);
		if (err) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * nvirt_nl_rates_put() - the rates of a VIF config, as two attributes
 * @msg: the message
 * @cfg: the config
 * @fields: the NVIRT_CFG_* bits of those to put
 * @max_attr: the attribute of its max-rate
 * @min_attr: the attribute of its min-rate
 *
 * A rate is a setting: a VIF's own, or one its named policy gives it.
 *
 * Return: 0 or -EMSGSIZE.
 */
int nvirt_nl_rates_put(struct sk_buff *msg, const struct nvirt_vif_cfg *cfg,
		       unsigned long fields, int max_attr, int min_attr)
{
	if ((test_bit(NVIRT_CFG_MAX_RATE, &fields) &&
	     nla_put_u32(msg, max_attr, cfg->max_rate)) ||
	    (test_bit(NVIRT_CFG_MIN_RATE, &fields) &&
	     nla_put_u32(msg, min_attr, cfg->min_rate)))
		return -EMSGSIZE;
	return 0;
}

/* The rates a named policy's request gives its VIFs, and its pool. */
static void nvirt_nl_npolicy_settings(struct nlattr **tb,
				      struct nvirt_vif_cfg *cfg)
{
	if (tb[NVIRT_A_NAMED_POLICY_POOL_NAME]) {
		__set_bit(NVIRT_CFG_POOL_NAME, &cfg->set);
		nla_strscpy(cfg->pool_name, tb[NVIRT_A_NAMED_POLICY_POOL_NAME],
			    sizeof(cfg->pool_name));
	}
	if (tb[NVIRT_A_NAMED_POLICY_MAX_RATE]) {
		__set_bit(NVIRT_CFG_MAX_RATE, &cfg->set);
		cfg->max_rate = nla_get_u32(tb[NVIRT_A_NAMED_POLICY_MAX_RATE]);
	}
	if (tb[NVIRT_A_NAMED_POLICY_MIN_RATE]) {
		__set_bit(NVIRT_CFG_MIN_RATE, &cfg->set);
		cfg->min_rate = nla_get_u32(tb[NVIRT_A_NAMED_POLICY_MIN_RATE]);
	}
}

static int nvirt_nl_npolicy_put(struct sk_buff *msg, struct net *net,
				const struct nvirt_named *obj)
{
	const struct nvirt_npolicy *np;

	np = container_of(obj, struct nvirt_npolicy, named);
	if (nla_put_string(msg, NVIRT_A_NAMED_POLICY_NAME, obj->name) ||
	    nvirt_nl_policy_put(msg, NVIRT_A_NAMED_POLICY_POLICY, &np->cfg,
				np->cfg.set) ||
	    nvirt_nl_rates_put(msg, &np->cfg, np->cfg.set,
			       NVIRT_A_NAMED_POLICY_MAX_RATE,
			       NVIRT_A_NAMED_POLICY_MIN_RATE) ||
	    (np->pool[0] &&
	     nla_put_string(msg, NVIRT_A_NAMED_POLICY_POOL_NAME, np->pool)) ||
	    nla_put_u32(msg, NVIRT_A_NAMED_POLICY_USERS,
			nvirt_npolicy_users(net, obj->name)))
		return -EMSGSIZE;
	return 0;
}

static const struct nvirt_nl_named_ops nvirt_nl_npolicy_ops = {
	.kind = &nvirt_npolicy_kind,
	.name_attr = NVIRT_A_NAMED_POLICY_NAME,
	.cause_attr = NVIRT_A_NAMED_POLICY_CAUSE,
	.ntf_cmd = {
		[NVIRT_NTF_ADD] = NVIRT_CMD_POLICY_ADD_NTF,
		[NVIRT_NTF_DEL] = NVIRT_CMD_POLICY_DEL_NTF,
		[NVIRT_NTF_CHANGE] = NVIRT_CMD_POLICY_CHANGE_NTF,
	},
	.list = nvirt_npolicy_list,
	.put = nvirt_nl_npolicy_put,
};

/**
 * nvirt_nl_policy_notify() - tell a namespace what happened to a policy
 * @net: the namespace
 * @np: the named policy
 * @event: what happened
 *
 * Context: RTNL held.
 */
void nvirt_nl_policy_notify(struct net *net, struct nvirt_npolicy *np,
			    enum nvirt_ntf event)
{
	/* Only requests change named policies. */
	nvirt_nl_named_notify(&nvirt_nl_npolicy_ops, net, &np->named, event,
			      NVIRT_CAUSE_REQUEST);
}

/* A policy request, as a handler hands it to the core. */
struct nvirt_nl_policy_req {
	struct nvirt_req req;
	struct genl_info *info;
	char name[NVIRT_POLICY_NAMSIZ];
	struct nvirt_vif_cfg cfg;
};

static struct nvirt_npolicy *nvirt_nl_policy_req_find(struct nvirt_req *req)
{
	struct nvirt_nl_policy_req *r;
	struct nvirt_named *obj;

	r = container_of(req, struct nvirt_nl_policy_req, req);
	obj = nvirt_nl_named_lookup(&nvirt_nl_npolicy_ops, r->info, r->name);
	return IS_ERR(obj) ? ERR_CAST(obj) :
	       container_of(obj, struct nvirt_npolicy, named);
}

/* The name and, with @fields, the fields of a request. */
static int nvirt_nl_policy_req_init(struct nvirt_nl_policy_req *r,
				    struct genl_info *info, bool fields)
{
	if (GENL_REQ_ATTR_CHECK(info, NVIRT_A_NAMED_POLICY_NAME))
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	nla_strscpy(r->name, info->attrs[NVIRT_A_NAMED_POLICY_NAME],
		    sizeof(r->name));
	r->info = info;
	r->req.net = genl_info_net(info);
	r->req.name = r->name;
	r->req.cfg = &r->cfg;
	r->req.extack = info->extack;
	r->req.policy = nvirt_nl_policy_req_find;
	if (!fields)
		return 0;
	nvirt_nl_npolicy_settings(info->attrs, &r->cfg);
	return nvirt_nl_policy_parse(info->attrs[NVIRT_A_NAMED_POLICY_POLICY],
				     &r->cfg, info->extack);
}

int nvirt_nl_policy_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_policy_req r;

	return nvirt_nl_policy_req_init(&r, info, true) ?:
	       nvirt_req_policy_new(&r.req);
}

int nvirt_nl_policy_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_policy_req r;

	return nvirt_nl_policy_req_init(&r, info, true) ?:
	       nvirt_req_policy_set(&r.req);
}

int nvirt_nl_policy_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nvirt_nl_policy_req r;

	return nvirt_nl_policy_req_init(&r, info, false) ?:
	       nvirt_req_policy_del(&r.req);
}

int nvirt_nl_policy_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return nvirt_nl_named_get_doit(&nvirt_nl_npolicy_ops, info);
}

int nvirt_nl_policy_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return nvirt_nl_named_get_dumpit(&nvirt_nl_npolicy_ops, skb, cb);
}
