// SPDX-License-Identifier: LGPL-2.1
/*
 * libnvirt: plans, how a NIC would realize (or realizes) a VIF and why,
 * as VIF records, dry runs and explanations carry them, and where a
 * VIF's settings are enforced, which records and plans both say.
 */

#include <errno.h>
#include <string.h>

#include "internal.h"

static const struct nla_policy enforce_policy[NVIRT_A_ENFORCE_MAX + 1] = {
	[NVIRT_A_ENFORCE_SETTING]	= NVIRT_POLICY_U32,
	[NVIRT_A_ENFORCE_POINT]		= NVIRT_POLICY_U32,
};

/* The kernel's texts longer than our fields are cut, not refused. */
static const struct nla_policy plan_policy[NVIRT_A_PLAN_MAX + 1] = {
	[NVIRT_A_PLAN_ERROR]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_ERROR_TEXT]	= { .type = NLA_STRING },
	[NVIRT_A_PLAN_BACKEND]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_G2G]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_MIGRATABLE]	= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_DISPLACE]		= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_ENFORCE]		= { .type = NLA_NESTED },
	[NVIRT_A_PLAN_REASON]		= { .type = NLA_NESTED },
};

static const struct nla_policy reason_policy[NVIRT_A_PLAN_REASON_MAX + 1] = {
	[NVIRT_A_PLAN_REASON_CODE]	= NVIRT_POLICY_U32,
	[NVIRT_A_PLAN_REASON_TEXT]	= { .type = NLA_STRING },
};

int nvirt_enforce_parse(struct nvirt_enforce_list *list,
			struct nvirt_block *blk, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_ENFORCE_MAX + 1];
	struct nvirt_enforce *e;
	uint32_t setting, i;
	int err;

	err = nvirt_nest(tb, NVIRT_A_ENFORCE_MAX, nest, enforce_policy,
			 NVIRT_NEED(NVIRT_A_ENFORCE_SETTING) |
			 NVIRT_NEED(NVIRT_A_ENFORCE_POINT));
	if (err)
		return err;
	setting = nla_get_u32(tb[NVIRT_A_ENFORCE_SETTING]);
	for (i = 0; i < list->n; i++)
		if (list->items[i]->setting == setting)
			return -EBADMSG;
	e = nvirt_block_take(blk, sizeof(*e));
	e->size = sizeof(*e);
	e->setting = setting;
	e->where = nla_get_u32(tb[NVIRT_A_ENFORCE_POINT]);
	list->items[list->n++] = e;
	return 0;
}

size_t nvirt_plan_room(const struct nlattr *nest)
{
	/* a refusal without words gets errno's */
	size_t room = NVIRT_ALIGN(sizeof(struct nvirt_plan)) + NVIRT_MSG_LEN;
	const struct nlattr *attr;
	int rem;

	nla_for_each_nested(attr, nest, rem) {
		switch (nla_type(attr)) {
		case NVIRT_A_PLAN_ERROR_TEXT:
			room += NVIRT_STR_ROOM(attr);
			break;
		case NVIRT_A_PLAN_ENFORCE:
			room += NVIRT_ENFORCE_ROOM(1);
			break;
		case NVIRT_A_PLAN_REASON:
			/* its text is shorter than the nest */
			room += sizeof(void *) +
				NVIRT_ALIGN(sizeof(struct nvirt_plan_why)) +
				NVIRT_STR_ROOM(attr);
			break;
		}
	}
	return room;
}

/* One NVIRT_A_PLAN_REASON, the next in order. */
static int plan_reason(const struct nvirt_plan_why **reasons, uint32_t *n,
		       struct nvirt_block *blk, struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_PLAN_REASON_MAX + 1];
	struct nvirt_plan_why *r;
	int err;

	err = nvirt_nest(tb, NVIRT_A_PLAN_REASON_MAX, nest, reason_policy,
			 NVIRT_NEED(NVIRT_A_PLAN_REASON_CODE));
	if (err)
		return err;
	r = nvirt_block_take(blk, sizeof(*r));
	r->size = sizeof(*r);
	r->code = nla_get_u32(tb[NVIRT_A_PLAN_REASON_CODE]);
	r->text = nvirt_block_str(blk, tb[NVIRT_A_PLAN_REASON_TEXT]);
	reasons[(*n)++] = r;
	return 0;
}

/* The attributes a plan may repeat: where settings are, and why. */
static int plan_multi(struct nvirt_plan *plan, struct nvirt_block *blk,
		      struct nlattr *nest)
{
	const struct nvirt_plan_why **reasons;
	struct nvirt_enforce_list enforce = { 0 };
	struct nlattr *attr;
	size_t n_enf = 0, n_why = 0;
	int rem, err;

	nla_for_each_nested(attr, nest, rem) {
		n_enf += nla_type(attr) == NVIRT_A_PLAN_ENFORCE;
		n_why += nla_type(attr) == NVIRT_A_PLAN_REASON;
	}
	enforce.items = nvirt_block_take(blk, n_enf * sizeof(void *));
	reasons = nvirt_block_take(blk, n_why * sizeof(void *));
	plan->enforce = enforce.items;
	plan->reasons = reasons;

	nla_for_each_nested(attr, nest, rem) {
		switch (nla_type(attr)) {
		case NVIRT_A_PLAN_ENFORCE:
			err = nvirt_enforce_parse(&enforce, blk, attr);
			plan->n_enforce = enforce.n;
			break;
		case NVIRT_A_PLAN_REASON:
			err = plan_reason(reasons, &plan->n_reasons, blk, attr);
			break;
		default:
			err = 0;
		}
		if (err)
			return err;
	}
	return 0;
}

int nvirt_plan_parse(struct nvirt_plan **planp, struct nvirt_block *blk,
		     struct nlattr *nest)
{
	struct nlattr *tb[NVIRT_A_PLAN_MAX + 1];
	struct nvirt_plan *plan;
	char *text;
	int err;

	err = nvirt_nest(tb, NVIRT_A_PLAN_MAX, nest, plan_policy, 0);
	if (err)
		return err;
	plan = nvirt_block_take(blk, sizeof(*plan));
	plan->size = sizeof(*plan);
	plan->error = nvirt_u32(tb, NVIRT_A_PLAN_ERROR);
	if (plan->error < 0)
		return -EBADMSG;	/* no errno is that large */
	if (tb[NVIRT_A_PLAN_ERROR_TEXT] || !plan->error) {
		plan->error_text = nvirt_block_str(blk,
						   tb[NVIRT_A_PLAN_ERROR_TEXT]);
	} else {
		text = nvirt_block_take(blk, NVIRT_MSG_LEN);
		snprintf(text, NVIRT_MSG_LEN, "%s", strerror(plan->error));
		plan->error_text = text;
	}
	plan->backend = nvirt_u32(tb, NVIRT_A_PLAN_BACKEND);
	plan->g2g = nvirt_u32(tb, NVIRT_A_PLAN_G2G);
	plan->migratable = nvirt_u32(tb, NVIRT_A_PLAN_MIGRATABLE);
	plan->displace = nvirt_u32(tb, NVIRT_A_PLAN_DISPLACE);
	*planp = plan;
	return plan_multi(plan, blk, nest);
}
