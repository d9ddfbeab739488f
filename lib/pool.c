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
};

static const struct nla_policy member_policy[NVIRT_A_POOL_MEMBER_MAX + 1] = {
	[NVIRT_A_POOL_MEMBER_IFINDEX]	= NVIRT_POLICY_U32,
	[NVIRT_A_POOL_MEMBER_IFNAME]	= {
		.type = NLA_STRING,
		.maxlen = FIELD_SIZE(struct nvirt_pool_member, ifname),
	},
};

/* What names a pool, and its NICs (or none). */
struct pool_sel {
	const char *name;
	const char *const *devs;
	unsigned int n;
};

static int pool_put(struct nl_msg *msg, const void *arg)
{
	const struct pool_sel *sel = arg;
	struct nlattr *nest;
	unsigned int i;

	if (sel->name && nla_put_string(msg, NVIRT_A_POOL_NAME, sel->name))
		return -EMSGSIZE;
	for (i = 0; i < sel->n; i++) {
		nest = nla_nest_start(msg, NLA_F_NESTED | NVIRT_A_POOL_MEMBER);
		if (!nest ||
		    nla_put_string(msg, NVIRT_A_POOL_MEMBER_IFNAME,
				   sel->devs[i]))
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
 * Read a reply carrying a record into a new one, *@arg (a struct
 * nvirt_pool **): the parse_fn of gets and dumps.
 */
static int pool_from_attrs(struct nlattr **tb, const struct nvirt_attrs *attrs,
			   void *arg)
{
	struct nvirt_pool **pp = arg, *pool;
	struct nlattr *mtb[NVIRT_A_POOL_MEMBER_MAX + 1];
	struct nvirt_pool_member *m;
	struct nvirt_block blk;
	struct nlattr *attr;
	unsigned int n;
	int rem, err;

	*pp = NULL;
	if (!tb[NVIRT_A_POOL_NAME])
		return -EBADMSG;
	n = pool_count(attrs);
	pool = nvirt_block_new(&blk, NVIRT_ALIGN(sizeof(*pool)) +
			       NVIRT_ALIGN(n * sizeof(*m)), sizeof(*pool));
	if (!pool)
		return -ENOMEM;
	m = nvirt_block_take(&blk, n * sizeof(*m));
	pool->size = sizeof(*pool);
	nvirt_attr_str(pool->name, sizeof(pool->name), tb[NVIRT_A_POOL_NAME]);
	pool->vifs = nvirt_u32(tb, NVIRT_A_POOL_VIFS);
	pool->members = m;
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
		if (mtb[NVIRT_A_POOL_MEMBER_IFNAME])
			nvirt_attr_str(m[pool->n_members].ifname,
				       sizeof(m->ifname),
				       mtb[NVIRT_A_POOL_MEMBER_IFNAME]);
		pool->n_members++;
	}
	*pp = pool;
	return 0;
}

#define POOL_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = pool_put,				\
	.put_arg = (_sel),				\
	.attr_names = pool_attr_names,			\
	.policy = pool_policy,				\
	.maxattr = NVIRT_A_POOL_MAX

/* Send @cmd for the pool named in @sel, with its NICs. */
static int pool_change(struct nvirt *h, uint8_t cmd,
		       const struct pool_sel *sel)
{
	const struct nvirt_req req = {
		POOL_REQ(cmd, sel),
	};
	unsigned int i;

	/* Up to the kernel's limit, which then says it. */
	if (sel->n > POOL_MEMBERS + 1 || (sel->n && !sel->devs))
		return nvirt_fail(h, -EINVAL, "at most 8 NICs, each named");
	for (i = 0; i < sel->n; i++)
		if (!sel->devs[i])
			return nvirt_fail(h, -EINVAL, "a NIC of the pool has no name");
	return nvirt_request(h, &req);
}

int nvirt_pool_new(struct nvirt *h, const char *name,
		   const char *const *devs, unsigned int n)
{
	const struct pool_sel sel = { .name = name, .devs = devs, .n = n };

	return pool_change(h, NVIRT_CMD_POOL_NEW, &sel);
}

int nvirt_pool_set(struct nvirt *h, const char *name,
		   const char *const *devs, unsigned int n)
{
	const struct pool_sel sel = { .name = name, .devs = devs, .n = n };

	return pool_change(h, NVIRT_CMD_POOL_SET, &sel);
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
	const struct pool_sel sel = { 0 };
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
