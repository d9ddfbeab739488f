// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: pools of NICs (NVIRT_CMD_POOL_NEW, _GET, _SET, _DEL) and the
 * record of one that pool-get replies.
 */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* As the kernel's: a request names at most this many NICs. */
#define POOL_MEMBERS	8

static const char *const pool_attr_names[NVIRT_A_POOL_MAX + 1] = {
	[NVIRT_A_POOL_NAME]	= "name",
	[NVIRT_A_POOL_MEMBER]	= "member",
	[NVIRT_A_POOL_VIFS]	= "vifs",
	[NVIRT_A_POOL_CAUSE]	= "cause",
	[NVIRT_A_POOL_GRACE]	= "grace",
};

/* The members are checked when they are parsed, with member_policy. */
static const struct nla_policy pool_policy[NVIRT_A_POOL_MAX + 1] = {
	[NVIRT_A_POOL_NAME]	= {
		.type = NLA_STRING,
		.maxlen = FIELD_SIZE(struct nvirt_pool, name),
	},
	[NVIRT_A_POOL_MEMBER]	= { .type = NLA_NESTED },
	[NVIRT_A_POOL_VIFS]	= NVIRT_POLICY_U32,
	[NVIRT_A_POOL_CAUSE]	= NVIRT_POLICY_U32,
	[NVIRT_A_POOL_GRACE]	= NVIRT_POLICY_U32,
};

static const struct nla_policy member_policy[NVIRT_A_POOL_MEMBER_MAX + 1] = {
	[NVIRT_A_POOL_MEMBER_IFINDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_POOL_MEMBER_IFNAME]	= {
		.type = NLA_STRING,
		.maxlen = FIELD_SIZE(struct nvirt_pool_member, ifname),
	},
	[NVIRT_A_POOL_MEMBER_LINK]	= NVIRT_POLICY_U32,
};

/* What names a pool, and what to give it (or nothing). */
struct pool_sel {
	const char *name;
	struct nvirt_pool_config cfg;
};

static const struct nvirt_field_attr pool_cfg_attrs[] = {
	{
		.field = NVIRT_POOL_F_DEVS,
		.offset = offsetof(struct nvirt_pool_config, n_devs),
		.len = FIELD_SIZE(struct nvirt_pool_config, n_devs),
	}, {
		.field = NVIRT_POOL_F_GRACE,
		.type = NVIRT_A_POOL_GRACE,
		.offset = offsetof(struct nvirt_pool_config, grace),
		.len = FIELD_SIZE(struct nvirt_pool_config, grace),
	},
};

static int pool_put(struct nl_msg *msg, const void *arg)
{
	const struct pool_sel *sel = arg;
	const struct nvirt_pool_config *cfg = &sel->cfg;
	struct nlattr *nest;
	unsigned int i;

	if (sel->name && nla_put_string(msg, NVIRT_A_POOL_NAME, sel->name))
		return -EMSGSIZE;
	if ((cfg->fields & NVIRT_POOL_F_GRACE) &&
	    nla_put_u32(msg, NVIRT_A_POOL_GRACE, cfg->grace))
		return -EMSGSIZE;
	if (!(cfg->fields & NVIRT_POOL_F_DEVS))
		return 0;
	for (i = 0; i < cfg->n_devs; i++) {
		nest = nla_nest_start(msg, NLA_F_NESTED | NVIRT_A_POOL_MEMBER);
		if (!nest ||
		    nla_put_string(msg, NVIRT_A_POOL_MEMBER_IFNAME,
				   cfg->devs[i]))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

/* The NICs of a record, each a member nest. */
static unsigned int pool_count(const struct nvirt_attrs *attrs)
{
	struct nlattr *attr;
	unsigned int n = 0;
	int rem;

	nla_for_each_attr(attr, attrs->head, attrs->len, rem)
		if (nla_type(attr) == NVIRT_A_POOL_MEMBER)
			n++;
	return n;
}

/*
 * Read a reply or notification carrying a record into a new one, *@arg
 * (a struct nvirt_pool **): the parse_fn of gets and dumps.
 */
static int pool_from_attrs(struct nlattr **tb, const struct nvirt_attrs *attrs,
			   void *arg)
{
	struct nvirt_pool **pp = arg, *pool;
	struct nlattr *mtb[NVIRT_A_POOL_MEMBER_MAX + 1];
	struct nvirt_pool_member *m;
	struct nvirt_block blk;
	struct nlattr *attr;
	uint32_t *link;
	unsigned int n;
	int rem, err;

	*pp = NULL;
	if (!tb[NVIRT_A_POOL_NAME])
		return -EBADMSG;
	n = pool_count(attrs);
	pool = nvirt_block_new(&blk, NVIRT_ALIGN(sizeof(*pool)) +
			       NVIRT_ALIGN(n * sizeof(*m)) +
			       NVIRT_ALIGN(n * sizeof(*link)), sizeof(*pool));
	if (!pool)
		return -ENOMEM;
	m = nvirt_block_take(&blk, n * sizeof(*m));
	link = nvirt_block_take(&blk, n * sizeof(*link));
	pool->size = sizeof(*pool);
	nvirt_attr_str(pool->name, sizeof(pool->name), tb[NVIRT_A_POOL_NAME]);
	pool->vifs = nvirt_u32(tb, NVIRT_A_POOL_VIFS);
	pool->grace = nvirt_u32(tb, NVIRT_A_POOL_GRACE);
	pool->members = m;
	pool->link = link;
	nla_for_each_attr(attr, attrs->head, attrs->len, rem) {
		if (nla_type(attr) != NVIRT_A_POOL_MEMBER)
			continue;
		err = nvirt_nest(mtb, NVIRT_A_POOL_MEMBER_MAX, attr,
				 member_policy, 0);
		if (err) {
			free(pool);
			return err;
		}
		m[pool->n_members].ifindex =
			nvirt_u32(mtb, NVIRT_A_POOL_MEMBER_IFINDEX);
		link[pool->n_members] = nvirt_u32(mtb, NVIRT_A_POOL_MEMBER_LINK);
		if (mtb[NVIRT_A_POOL_MEMBER_IFNAME])
			nvirt_attr_str(m[pool->n_members].ifname,
				       sizeof(m->ifname),
				       mtb[NVIRT_A_POOL_MEMBER_IFNAME]);
		pool->n_members++;
	}
	*pp = pool;
	return 0;
}

int nvirt_pool_parse(struct nlmsghdr *nlh, struct nvirt_pool **pool)
{
	*pool = NULL;
	return nvirt_parse(nlh, NVIRT_A_POOL_MAX, pool_policy, pool_from_attrs,
			   pool);
}

#define POOL_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = pool_put,				\
	.put_arg = (_sel),				\
	.attr_names = pool_attr_names,			\
	.policy = pool_policy,				\
	.maxattr = NVIRT_A_POOL_MAX

/* Send @cmd for the pool named in @sel, with what it gives it. */
static int pool_change(struct nvirt *h, uint8_t cmd,
		       const struct pool_sel *sel)
{
	const struct nvirt_pool_config *cfg = &sel->cfg;
	const struct nvirt_req req = {
		POOL_REQ(cmd, sel),
	};
	unsigned int i;

	if (!(cfg->fields & NVIRT_POOL_F_DEVS))
		return nvirt_request(h, &req);
	/* Up to the kernel's limit, which then says it. */
	if (cfg->n_devs > POOL_MEMBERS + 1 || (cfg->n_devs && !cfg->devs))
		return nvirt_fail(h, -EINVAL, "at most 8 NICs, each named");
	for (i = 0; i < cfg->n_devs; i++)
		if (!cfg->devs[i])
			return nvirt_fail(h, -EINVAL, "a NIC of the pool has no name");
	return nvirt_request(h, &req);
}

/* The caller's @cfg copied into @sel, or the reason on the handle. */
static int pool_input(struct nvirt *h, const struct nvirt_pool_config *cfg,
		      struct pool_sel *sel)
{
	int err;

	if (!cfg)
		return nvirt_fail(h, -EINVAL, "no pool config");
	err = nvirt_input(&sel->cfg, sizeof(sel->cfg), cfg, pool_cfg_attrs,
			  ARRAY_SIZE(pool_cfg_attrs),
			  NVIRT_POOL_F_DEVS | NVIRT_POOL_F_GRACE);
	if (err)
		return nvirt_fail(h, -EINVAL,
				  NVIRT_INPUT_MSG(err, "the pool config"));
	return 0;
}

int nvirt_pool_new(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg)
{
	struct pool_sel sel = { .name = name };

	return pool_input(h, cfg, &sel) ?:
	       pool_change(h, NVIRT_CMD_POOL_NEW, &sel);
}

int nvirt_pool_set(struct nvirt *h, const char *name,
		   const struct nvirt_pool_config *cfg)
{
	struct pool_sel sel = { .name = name };

	return pool_input(h, cfg, &sel) ?:
	       pool_change(h, NVIRT_CMD_POOL_SET, &sel);
}

int nvirt_pool_del(struct nvirt *h, const char *name)
{
	const struct pool_sel sel = { .name = name };

	return pool_change(h, NVIRT_CMD_POOL_DEL, &sel);
}

int nvirt_pool_get(struct nvirt *h, const char *name, struct nvirt_pool **pool)
{
	const struct pool_sel sel = { .name = name };
	const struct nvirt_req req = {
		POOL_REQ(NVIRT_CMD_POOL_GET, &sel),
		.parse = pool_from_attrs,
		.arg = pool,
	};

	return nvirt_request_rec(h, &req);
}

int nvirt_pool_dump(struct nvirt *h, nvirt_pool_cb cb, void *arg)
{
	const struct pool_sel sel = { .name = NULL };
	struct nvirt_list list = { .read = pool_from_attrs };
	const struct nvirt_req req = {
		POOL_REQ(NVIRT_CMD_POOL_GET, &sel),
	};
	struct nvirt_pool **pools;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	pools = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(pools[i], arg);
	nvirt_list_free(&list);
	return err;
}
