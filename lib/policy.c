// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: named policies (NVIRT_CMD_POLICY_NEW, _GET, _SET, _DEL), the
 * record of one that policy-get replies and the monitor's notifications
 * carry, and the policy nest that VIFs and named policies share.
 */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const named_policy_attr_names[NVIRT_A_NAMED_POLICY_MAX + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME]	= "name",
	[NVIRT_A_NAMED_POLICY_POLICY]	= "policy",
	[NVIRT_A_NAMED_POLICY_USERS]	= "users",
	[NVIRT_A_NAMED_POLICY_CAUSE]	= "cause",
};

/* The nest is checked when it is parsed, with policy_policy. */
static const struct nla_policy named_policy_policy[NVIRT_A_NAMED_POLICY_MAX + 1] = {
	[NVIRT_A_NAMED_POLICY_NAME]	= {
		.type = NLA_STRING,
		.maxlen = FIELD_SIZE(struct nvirt_named_policy, name),
	},
	[NVIRT_A_NAMED_POLICY_POLICY]	= { .type = NLA_NESTED },
	[NVIRT_A_NAMED_POLICY_USERS]	= NVIRT_POLICY_U32,
	[NVIRT_A_NAMED_POLICY_CAUSE]	= NVIRT_POLICY_U32,
};

static const struct nla_policy policy_policy[NVIRT_A_POLICY_MAX + 1] = {
	[NVIRT_A_POLICY_GOAL ... NVIRT_A_POLICY_G2G] = NVIRT_POLICY_U32,
	[NVIRT_A_POLICY_PRIORITY ... NVIRT_A_POLICY_MIN_RATE] = NVIRT_POLICY_U32,
};

#define POLICY_ATTR(_field, _member) {					\
	.field = NVIRT_POLICY_F_##_field,				\
	.type = NVIRT_A_POLICY_##_field,				\
	.offset = offsetof(struct nvirt_policy, _member),		\
	.len = FIELD_SIZE(struct nvirt_policy, _member),		\
}

static const struct nvirt_field_attr policy_attrs[] = {
	POLICY_ATTR(GOAL,	goal),
	POLICY_ATTR(ISOLATION,	isolation),
	POLICY_ATTR(MIGRATABLE,	migratable),
	POLICY_ATTR(VISIBILITY,	visibility),
	POLICY_ATTR(G2G,	g2g),
	POLICY_ATTR(PRIORITY,	priority),
	POLICY_ATTR(MAX_RATE,	max_rate),
	POLICY_ATTR(MIN_RATE,	min_rate),
};

/*
 * A policy nest of type @type with the fields of @pol, kept when empty
 * (a named policy that sets nothing). The kernel validates requests
 * strictly, so the nest must say it is one: not every libnl sets
 * NLA_F_NESTED itself.
 */
int nvirt_policy_nest_put(struct nl_msg *msg, int type,
			  const struct nvirt_policy *pol)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, NLA_F_NESTED | type);
	if (!nest || nvirt_put_fields(msg, policy_attrs,
				      ARRAY_SIZE(policy_attrs), pol->fields,
				      pol))
		return -EMSGSIZE;
	nla_nest_end_keep_empty(msg, nest);
	return 0;
}

/* A policy nest: the fields it has, and those fields. */
int nvirt_policy_nest_parse(struct nvirt_policy *pol, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_POLICY_MAX + 1];
	size_t i;
	int err;

	err = nvirt_nest(tb, NVIRT_A_POLICY_MAX, nest, policy_policy, 0);
	if (err)
		return err;
	memset(pol, 0, sizeof(*pol));
	for (i = 0; i < ARRAY_SIZE(policy_attrs); i++)
		if (tb[policy_attrs[i].type])
			pol->fields |= policy_attrs[i].field;
	pol->goal = nvirt_u8(tb, NVIRT_A_POLICY_GOAL);
	pol->isolation = nvirt_u8(tb, NVIRT_A_POLICY_ISOLATION);
	pol->migratable = nvirt_u8(tb, NVIRT_A_POLICY_MIGRATABLE);
	pol->visibility = nvirt_u8(tb, NVIRT_A_POLICY_VISIBILITY);
	pol->g2g = nvirt_u8(tb, NVIRT_A_POLICY_G2G);
	pol->priority = nvirt_u32(tb, NVIRT_A_POLICY_PRIORITY);
	pol->max_rate = nvirt_u32(tb, NVIRT_A_POLICY_MAX_RATE);
	pol->min_rate = nvirt_u32(tb, NVIRT_A_POLICY_MIN_RATE);
	return 0;
}

/* What names a named policy, and the fields to give it (or NULL). */
struct np_sel {
	const char *name;
	const struct nvirt_policy *pol;
};

static int np_put(struct nl_msg *msg, const void *arg)
{
	const struct np_sel *sel = arg;

	if ((sel->name &&
	     nla_put_string(msg, NVIRT_A_NAMED_POLICY_NAME, sel->name)) ||
	    (sel->pol &&
	     nvirt_policy_nest_put(msg, NVIRT_A_NAMED_POLICY_POLICY,
				   sel->pol)))
		return -EMSGSIZE;
	return 0;
}

/* Read a reply or notification carrying a record: the parse_fn of gets. */
static int np_from_attrs(struct nlattr **tb,
			 const struct nvirt_attrs *attrs __maybe_unused,
			 void *arg)
{
	struct nvirt_named_policy *np = arg;

	if (!tb[NVIRT_A_NAMED_POLICY_NAME])
		return -EBADMSG;

	memset(np, 0, sizeof(*np));
	nvirt_attr_str(np->name, sizeof(np->name),
		       tb[NVIRT_A_NAMED_POLICY_NAME]);
	np->users = nvirt_u32(tb, NVIRT_A_NAMED_POLICY_USERS);
	if (!tb[NVIRT_A_NAMED_POLICY_POLICY])
		return 0;
	return nvirt_policy_nest_parse(&np->policy,
				       tb[NVIRT_A_NAMED_POLICY_POLICY]);
}

int nvirt_named_policy_parse(struct nlmsghdr *nlh,
			     struct nvirt_named_policy *np)
{
	return nvirt_parse(nlh, NVIRT_A_NAMED_POLICY_MAX, named_policy_policy,
			   np_from_attrs, np);
}

/* Fields this library can send; the reason on the handle when not. */
static int np_check(struct nvirt *h, const struct nvirt_policy *pol)
{
	if (!pol || !(pol->fields & ~NVIRT_NAMED_POLICY_FIELDS))
		return 0;
	h->warning[0] = '\0';
	return nvirt_fail(h, -EINVAL, "unknown field in the policy");
}

#define NP_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = np_put,					\
	.put_arg = (_sel),				\
	.attr_names = named_policy_attr_names,		\
	.policy = named_policy_policy,			\
	.maxattr = NVIRT_A_NAMED_POLICY_MAX

/* Send @cmd for the policy @name, with @pol unless it is NULL. */
static int np_change(struct nvirt *h, uint8_t cmd, const char *name,
		     const struct nvirt_policy *pol)
{
	const struct np_sel sel = { .name = name, .pol = pol };
	const struct nvirt_req req = {
		NP_REQ(cmd, &sel),
	};

	return np_check(h, pol) ?: nvirt_request(h, &req);
}

int nvirt_policy_new(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol)
{
	/* No fields is an empty nest: a policy that sets nothing. */
	const struct nvirt_policy none = { 0 };

	return np_change(h, NVIRT_CMD_POLICY_NEW, name, pol ? pol : &none);
}

int nvirt_policy_set(struct nvirt *h, const char *name,
		     const struct nvirt_policy *pol)
{
	return np_change(h, NVIRT_CMD_POLICY_SET, name, pol);
}

int nvirt_policy_del(struct nvirt *h, const char *name)
{
	return np_change(h, NVIRT_CMD_POLICY_DEL, name, NULL);
}

int nvirt_policy_get(struct nvirt *h, const char *name,
		     struct nvirt_named_policy *np)
{
	const struct np_sel sel = { .name = name };
	const struct nvirt_req req = {
		NP_REQ(NVIRT_CMD_POLICY_GET, &sel),
		.parse = np_from_attrs,
		.arg = np,
	};

	return nvirt_request(h, &req);
}

int nvirt_policy_dump(struct nvirt *h, nvirt_policy_cb cb, void *arg)
{
	const struct np_sel sel = { 0 };
	struct nvirt_list list = {
		.read = np_from_attrs,
		.item_size = sizeof(struct nvirt_named_policy),
	};
	const struct nvirt_req req = {
		NP_REQ(NVIRT_CMD_POLICY_GET, &sel),
	};
	const struct nvirt_named_policy *nps;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	nps = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(&nps[i], arg);
	nvirt_list_free(&list);
	return err;
}
