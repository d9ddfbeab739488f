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
	[NVIRT_A_NAMED_POLICY_MAX_RATE]	= "max-rate",
	[NVIRT_A_NAMED_POLICY_MIN_RATE]	= "min-rate",
	[NVIRT_A_NAMED_POLICY_POOL_NAME] = "pool-name",
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
	[NVIRT_A_NAMED_POLICY_MAX_RATE]	= NVIRT_POLICY_U32,
	[NVIRT_A_NAMED_POLICY_MIN_RATE]	= NVIRT_POLICY_U32,
	[NVIRT_A_NAMED_POLICY_POOL_NAME] = {
		.type = NLA_STRING,
		.maxlen = FIELD_SIZE(struct nvirt_vif, pool_name),
	},
};

static const struct nla_policy policy_policy[NVIRT_A_POLICY_MAX + 1] = {
	[NVIRT_A_POLICY_GOAL ... NVIRT_A_POLICY_G2G] = NVIRT_POLICY_U32,
	[NVIRT_A_POLICY_PRIORITY]	= NVIRT_POLICY_U32,
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
};

#define RATE_ATTR(_field, _member) {					\
	.field = NVIRT_VIF_F_##_field,					\
	.type = NVIRT_A_NAMED_POLICY_##_field,				\
	.offset = offsetof(struct nvirt_vif_config, _member),		\
	.len = FIELD_SIZE(struct nvirt_vif_config, _member),		\
}

/* The settings a named policy gives its VIFs, attributes of its own. */
static const struct nvirt_field_attr rate_attrs[] = {
	RATE_ATTR(MAX_RATE,	max_rate),
	RATE_ATTR(MIN_RATE,	min_rate),
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

/*
 * The rates of a record, @max and @min (either may be NULL), as the
 * settings of @cfg: named policies' and VIFs' own alike.
 */
void nvirt_rates_parse(const struct nlattr *max, const struct nlattr *min,
		       struct nvirt_vif_config *cfg)
{
	if (max) {
		cfg->fields |= NVIRT_VIF_F_MAX_RATE;
		cfg->max_rate = nla_get_u32(max);
	}
	if (min) {
		cfg->fields |= NVIRT_VIF_F_MIN_RATE;
		cfg->min_rate = nla_get_u32(min);
	}
}

/* A policy nest: the fields it has, and those fields. */
int nvirt_policy_nest_parse(struct nlattr *nest, struct nvirt_policy *pol)
{
	struct nlattr *tb[NVIRT_A_POLICY_MAX + 1];
	size_t i;
	int err;

	err = nvirt_nest(tb, NVIRT_A_POLICY_MAX, nest, policy_policy, 0);
	if (err)
		return err;
	memset(pol, 0, sizeof(*pol));
	pol->size = sizeof(*pol);
	for (i = 0; i < ARRAY_SIZE(policy_attrs); i++)
		if (tb[policy_attrs[i].type])
			pol->fields |= policy_attrs[i].field;
	pol->goal = nvirt_u32(tb, NVIRT_A_POLICY_GOAL);
	pol->isolation = nvirt_u32(tb, NVIRT_A_POLICY_ISOLATION);
	pol->migratable = nvirt_u32(tb, NVIRT_A_POLICY_MIGRATABLE);
	pol->visibility = nvirt_u32(tb, NVIRT_A_POLICY_VISIBILITY);
	pol->g2g = nvirt_u32(tb, NVIRT_A_POLICY_G2G);
	pol->priority = nvirt_u32(tb, NVIRT_A_POLICY_PRIORITY);
	return 0;
}

int nvirt_policy_input(struct nvirt_policy *copy,
		       const struct nvirt_policy *in)
{
	return nvirt_input(copy, sizeof(*copy), in, policy_attrs,
			   ARRAY_SIZE(policy_attrs), NVIRT_POLICY_FIELDS);
}

/* What names a named policy, and what to give it (or NULLs). */
struct np_sel {
	const char *name;
	const struct nvirt_policy *pol;
	const struct nvirt_vif_config *settings;
};

static int np_put(struct nl_msg *msg, const void *arg)
{
	const struct np_sel *sel = arg;

	if ((sel->name &&
	     nla_put_string(msg, NVIRT_A_NAMED_POLICY_NAME, sel->name)) ||
	    (sel->pol &&
	     nvirt_policy_nest_put(msg, NVIRT_A_NAMED_POLICY_POLICY,
				   sel->pol)) ||
	    (sel->settings &&
	     nvirt_put_fields(msg, rate_attrs, ARRAY_SIZE(rate_attrs),
			      sel->settings->fields, sel->settings)) ||
	    (sel->settings &&
	     (sel->settings->fields & NVIRT_VIF_F_POOL_NAME) &&
	     nla_put_string(msg, NVIRT_A_NAMED_POLICY_POOL_NAME,
			    sel->settings->pool_name)))
		return -EMSGSIZE;
	return 0;
}

/* Room for a named policy's pool, as for a VIF's. */
#define NP_POOL_SIZE	FIELD_SIZE(struct nvirt_vif, pool_name)

/*
 * Read a reply or notification carrying a record into a new one, *@arg
 * (a struct nvirt_named_policy **): the parse_fn of gets and dumps.
 */
static int np_from_attrs(struct nlattr **tb,
			 const struct nvirt_attrs *attrs __maybe_unused,
			 void *arg)
{
	struct nvirt_named_policy **npp = arg, *np;
	struct nvirt_vif_config *settings;
	struct nvirt_policy *pol;
	struct nvirt_block blk;
	char *pool;
	int err = 0;

	*npp = NULL;
	if (!tb[NVIRT_A_NAMED_POLICY_NAME])
		return -EBADMSG;

	np = nvirt_block_new(&blk, NVIRT_ALIGN(sizeof(*np)) +
			     NVIRT_ALIGN(sizeof(*pol)) +
			     NVIRT_ALIGN(sizeof(*settings)) +
			     NVIRT_ALIGN(NP_POOL_SIZE), sizeof(*np));
	if (!np)
		return -ENOMEM;
	pol = nvirt_block_take(&blk, sizeof(*pol));
	settings = nvirt_block_take(&blk, sizeof(*settings));
	pool = nvirt_block_take(&blk, NP_POOL_SIZE);
	np->size = sizeof(*np);
	nvirt_attr_str(np->name, sizeof(np->name),
		       tb[NVIRT_A_NAMED_POLICY_NAME]);
	np->users = nvirt_u32(tb, NVIRT_A_NAMED_POLICY_USERS);
	np->policy = pol;
	np->settings = settings;
	pol->size = sizeof(*pol);
	settings->size = sizeof(*settings);
	settings->netns_fd = -1;
	settings->policy_name = "";
	settings->pool_name = pool;
	nvirt_rates_parse(tb[NVIRT_A_NAMED_POLICY_MAX_RATE],
			  tb[NVIRT_A_NAMED_POLICY_MIN_RATE], settings);
	if (tb[NVIRT_A_NAMED_POLICY_POOL_NAME]) {
		settings->fields |= NVIRT_VIF_F_POOL_NAME;
		nvirt_attr_str(pool, NP_POOL_SIZE,
			       tb[NVIRT_A_NAMED_POLICY_POOL_NAME]);
	}
	if (tb[NVIRT_A_NAMED_POLICY_POLICY])
		err = nvirt_policy_nest_parse(tb[NVIRT_A_NAMED_POLICY_POLICY],
					      pol);
	if (err) {
		free(np);
		return err;
	}
	*npp = np;
	return 0;
}

int nvirt_named_policy_parse(struct nlmsghdr *nlh,
			     struct nvirt_named_policy **np)
{
	*np = NULL;
	return nvirt_parse(nlh, NVIRT_A_NAMED_POLICY_MAX, named_policy_policy,
			   np_from_attrs, np);
}

/*
 * The caller's goals and settings, each NULL or copied whole into @pol
 * and @settings, which @sel then points to: those this library can send,
 * or the reason on the handle.
 */
static int np_input(struct nvirt *h, struct np_sel *sel,
		    struct nvirt_policy *pol,
		    struct nvirt_vif_config *settings)
{
	const char *msg = NULL;
	int err = 0;

	if (sel->pol) {
		err = nvirt_policy_input(pol, sel->pol);
		if (err)
			msg = NVIRT_INPUT_MSG(err, "the policy");
	}
	if (!err && sel->settings) {
		err = nvirt_input(settings, sizeof(*settings), sel->settings,
				  rate_attrs, ARRAY_SIZE(rate_attrs),
				  NVIRT_NAMED_POLICY_SETTINGS);
		if (err == -EOPNOTSUPP)
			msg = "a named policy gives its VIFs only max-rate, min-rate and a pool";
		else if (err)
			msg = NVIRT_INPUT_MSG(err, "the settings");
		else if ((settings->fields & NVIRT_VIF_F_POOL_NAME) &&
			 (!nvirt_member_in(settings,
					   offsetof(struct nvirt_vif_config,
						    pool_name),
					   sizeof(settings->pool_name)) ||
			  !settings->pool_name))
			msg = "no pool name: \"\" names none";
	}
	if (msg) {
		h->warning[0] = '\0';
		return nvirt_fail(h, -EINVAL, msg);
	}
	if (sel->pol)
		sel->pol = pol;
	if (sel->settings)
		sel->settings = settings;
	return 0;
}

#define NP_REQ(_cmd, _sel)				\
	.cmd = (_cmd),					\
	.put = np_put,					\
	.put_arg = (_sel),				\
	.attr_names = named_policy_attr_names,		\
	.policy = named_policy_policy,			\
	.maxattr = NVIRT_A_NAMED_POLICY_MAX

/* Send @cmd for the policy named in @asked, with what it gives. */
static int np_change(struct nvirt *h, uint8_t cmd,
		     const struct np_sel *asked)
{
	struct np_sel sel = *asked;
	struct nvirt_vif_config settings;
	struct nvirt_policy pol;
	const struct nvirt_req req = {
		NP_REQ(cmd, &sel),
	};

	return np_input(h, &sel, &pol, &settings) ?: nvirt_request(h, &req);
}

int nvirt_policy_new_v(struct nvirt *h, const char *name,
		       const struct nvirt_policy *pol,
		       const struct nvirt_vif_config *settings)
{
	/* No fields is an empty nest: a policy that sets nothing. */
	static const struct nvirt_policy none = NVIRT_POLICY_INIT;
	const struct np_sel sel = {
		.name = name, .pol = pol ?: &none, .settings = settings,
	};

	return np_change(h, NVIRT_CMD_POLICY_NEW, &sel);
}
NVIRT_LATEST(nvirt_policy_new, "NVIRT_0.3");

int nvirt_policy_set_v(struct nvirt *h, const char *name,
		       const struct nvirt_policy *pol,
		       const struct nvirt_vif_config *settings)
{
	const struct np_sel sel = {
		.name = name, .pol = pol, .settings = settings,
	};

	return np_change(h, NVIRT_CMD_POLICY_SET, &sel);
}
NVIRT_LATEST(nvirt_policy_set, "NVIRT_0.3");

int nvirt_policy_del(struct nvirt *h, const char *name)
{
	const struct np_sel sel = { .name = name };

	return np_change(h, NVIRT_CMD_POLICY_DEL, &sel);
}

int nvirt_policy_get_v(struct nvirt *h, const char *name,
		       struct nvirt_named_policy **np)
{
	const struct np_sel sel = { .name = name };
	const struct nvirt_req req = {
		NP_REQ(NVIRT_CMD_POLICY_GET, &sel),
		.parse = np_from_attrs,
		.arg = np,
	};

	return nvirt_request_rec(h, &req);
}
NVIRT_LATEST(nvirt_policy_get, "NVIRT_0.3");

int nvirt_policy_dump_v(struct nvirt *h, nvirt_policy_cb cb, void *arg)
{
	const struct np_sel sel = { 0 };
	struct nvirt_list list = { .read = np_from_attrs };
	const struct nvirt_req req = {
		NP_REQ(NVIRT_CMD_POLICY_GET, &sel),
	};
	struct nvirt_named_policy **nps;
	size_t i;
	int err;

	err = nvirt_dump(h, &req, &list);
	nps = list.items;
	for (i = 0; !err && i < list.n; i++)
		err = cb(nps[i], arg);
	nvirt_list_free(&list);
	return err;
}
NVIRT_LATEST(nvirt_policy_dump, "NVIRT_0.3");
