/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A request for every op of the nvirt family, on objects the tests make:
 * a dummy NIC, a soft VIF on it, a named policy, and a pool of that NIC
 * and a second dummy. Each request is valid
 * and, for the ops that change state, does change it when carried out, so
 * a test that sends it malformed or unauthorized sees whether anything
 * happened. Also what each op requires, and how it says so when missing.
 */

#ifndef NVIRT_OPS_H
#define NVIRT_OPS_H

#include <net/if.h>

#include "nvirt_nl.h"

#define OBJ_NIC		"nvs0"		/* a dummy NIC */
#define OBJ_NIC2	"nvs1"		/* another, in the pool only */
#define OBJ_VIF		"nvsv0"		/* a soft VIF on it */
#define OBJ_NEW_VIF	"nvsv1"		/* the one vif-new makes */
#define OBJ_POLICY	"nvsp0"		/* a named policy, followed by none */
#define OBJ_NEW_POLICY	"nvsp1"		/* the one policy-new makes */
#define OBJ_POOL	"nvsq0"		/* a pool of both NICs */
#define OBJ_NEW_POOL	"nvsq1"		/* the one pool-new makes */

struct objs {
	unsigned int nic_ifindex;
};

static inline void base_nic_get(struct mreq *m, const struct objs *o)
{
	mreq_u32(m, NVIRT_A_NIC_IFINDEX, o->nic_ifindex);
}

static inline void base_nic_set(struct mreq *m, const struct objs *o)
{
	mreq_u32(m, NVIRT_A_NIC_IFINDEX, o->nic_ifindex);
	mreq_u32(m, NVIRT_A_NIC_MANAGED, 0);
}

static inline void base_vif_new(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_VIF_NAME, OBJ_NEW_VIF);
	mreq_u32(m, NVIRT_A_VIF_PARENT_IFINDEX, o->nic_ifindex);
	mreq_u32(m, NVIRT_A_VIF_BACKEND, NVIRT_BACKEND_SOFT);
}

static inline void base_vif_named(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_VIF_NAME, OBJ_VIF);
}

static inline void base_vif_dump(struct mreq *m, const struct objs *o)
{
	mreq_u32(m, NVIRT_A_VIF_PARENT_IFINDEX, o->nic_ifindex);
}

static inline void base_vif_set(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_VIF_NAME, OBJ_VIF);
	mreq_u32(m, NVIRT_A_VIF_MTU, 1400);
}

static inline void base_policy_new(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_NAMED_POLICY_NAME, OBJ_NEW_POLICY);
	mreq_nest_start(m, NVIRT_A_NAMED_POLICY_POLICY);
	mreq_u32(m, NVIRT_A_POLICY_GOAL, NVIRT_GOAL_LATENCY);
	mreq_nest_end(m);
}

static inline void base_policy_named(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_NAMED_POLICY_NAME, OBJ_POLICY);
}

static inline void base_policy_set(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_NAMED_POLICY_NAME, OBJ_POLICY);
	mreq_nest_start(m, NVIRT_A_NAMED_POLICY_POLICY);
	mreq_u32(m, NVIRT_A_POLICY_GOAL, NVIRT_GOAL_CPU);
	mreq_nest_end(m);
}

static inline void base_pool_new(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_POOL_NAME, OBJ_NEW_POOL);
	mreq_nest_start(m, NVIRT_A_POOL_MEMBER);
	mreq_u32(m, NVIRT_A_POOL_MEMBER_IFINDEX, o->nic_ifindex);
	mreq_nest_end(m);
}

static inline void base_pool_named(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_POOL_NAME, OBJ_POOL);
}

/* The second NIC only, by name. */
static inline void base_pool_set(struct mreq *m, const struct objs *o)
{
	mreq_str(m, NVIRT_A_POOL_NAME, OBJ_POOL);
	mreq_nest_start(m, NVIRT_A_POOL_MEMBER);
	mreq_str(m, NVIRT_A_POOL_MEMBER_IFNAME, OBJ_NIC2);
	mreq_nest_end(m);
}

/* A request without what the op requires: EINVAL, and this extack. */
struct missing {
	const char *what;
	unsigned int drop[2];		/* the top-level attributes left out */
	const char *msg;		/* NULL: none */
	unsigned int miss_type;		/* NLMSGERR_ATTR_MISS_TYPE, or 0 */
};

#define NO_NIC	"NIC not specified: ifindex or ifname is required"
/* A new VIF's: a NIC, a pool, or a named policy's pool. */
#define NO_PARENT "NIC not specified: a NIC, a pool, or a policy naming a pool is required"
#define NO_VIF	"VIF not specified: id or name is required"
#define NO_POOL_NIC "A pool needs at least one NIC"

struct op_case {
	const char *op;
	int form;
	void (*base)(struct mreq *m, const struct objs *o);
	bool mutates;			/* its base changes state */
	struct missing missing[3];
};

#define MISSING(_what, _msg, _miss, ...) \
	{ .what = _what, .msg = _msg, .miss_type = _miss, .drop = { __VA_ARGS__ } }
#define CASE(_op, _form, _base, _mutates, ...) \
	{ .op = _op, .form = _form, .base = _base, .mutates = _mutates, \
	  .missing = { __VA_ARGS__ } }

static const struct op_case op_cases[] = {
	CASE("version-get", FORM_DO, NULL, false),
	CASE("nic-get", FORM_DO, base_nic_get, false,
	     MISSING("ifindex and ifname", NO_NIC, 0,
		     NVIRT_A_NIC_IFINDEX, NVIRT_A_NIC_IFNAME)),
	CASE("nic-get", FORM_DUMP, NULL, false),
	CASE("nic-set", FORM_DO, base_nic_set, true,
	     MISSING("ifindex and ifname", NO_NIC, 0,
		     NVIRT_A_NIC_IFINDEX, NVIRT_A_NIC_IFNAME)),
	/* A dummy declares nothing to test: said, and nothing changes. */
	CASE("nic-verify", FORM_DO, base_nic_get, false,
	     MISSING("ifindex and ifname", NO_NIC, 0,
		     NVIRT_A_NIC_IFINDEX, NVIRT_A_NIC_IFNAME)),
	CASE("vif-new", FORM_DO, base_vif_new, true,
	     MISSING("name", NULL, NVIRT_A_VIF_NAME, NVIRT_A_VIF_NAME),
	     MISSING("parent-ifindex and parent-ifname", NO_PARENT, 0,
		     NVIRT_A_VIF_PARENT_IFINDEX, NVIRT_A_VIF_PARENT_IFNAME)),
	CASE("vif-del", FORM_DO, base_vif_named, true,
	     MISSING("id and name", NO_VIF, 0, NVIRT_A_VIF_ID, NVIRT_A_VIF_NAME)),
	CASE("vif-get", FORM_DO, base_vif_named, false,
	     MISSING("id and name", NO_VIF, 0, NVIRT_A_VIF_ID, NVIRT_A_VIF_NAME)),
	CASE("vif-get", FORM_DUMP, base_vif_dump, false),
	CASE("vif-set", FORM_DO, base_vif_set, true,
	     MISSING("id and name", NO_VIF, 0, NVIRT_A_VIF_ID, NVIRT_A_VIF_NAME)),
	CASE("vif-explain", FORM_DO, base_vif_named, false,
	     MISSING("id and name", NO_VIF, 0, NVIRT_A_VIF_ID, NVIRT_A_VIF_NAME)),
	CASE("policy-new", FORM_DO, base_policy_new, true,
	     MISSING("name", NULL, NVIRT_A_NAMED_POLICY_NAME,
		     NVIRT_A_NAMED_POLICY_NAME)),
	CASE("policy-get", FORM_DO, base_policy_named, false,
	     MISSING("name", NULL, NVIRT_A_NAMED_POLICY_NAME,
		     NVIRT_A_NAMED_POLICY_NAME)),
	CASE("policy-get", FORM_DUMP, NULL, false),
	CASE("policy-set", FORM_DO, base_policy_set, true,
	     MISSING("name", NULL, NVIRT_A_NAMED_POLICY_NAME,
		     NVIRT_A_NAMED_POLICY_NAME)),
	CASE("policy-del", FORM_DO, base_policy_named, true,
	     MISSING("name", NULL, NVIRT_A_NAMED_POLICY_NAME,
		     NVIRT_A_NAMED_POLICY_NAME)),
	CASE("pool-new", FORM_DO, base_pool_new, true,
	     MISSING("name", NULL, NVIRT_A_POOL_NAME, NVIRT_A_POOL_NAME),
	     MISSING("member", NO_POOL_NIC, 0, NVIRT_A_POOL_MEMBER)),
	CASE("pool-get", FORM_DO, base_pool_named, false,
	     MISSING("name", NULL, NVIRT_A_POOL_NAME, NVIRT_A_POOL_NAME)),
	CASE("pool-get", FORM_DUMP, NULL, false),
	CASE("pool-set", FORM_DO, base_pool_set, true,
	     MISSING("name", NULL, NVIRT_A_POOL_NAME, NVIRT_A_POOL_NAME)),
	CASE("pool-del", FORM_DO, base_pool_named, true,
	     MISSING("name", NULL, NVIRT_A_POOL_NAME, NVIRT_A_POOL_NAME)),
};

static inline const struct op_case *op_case(const char *op, int form)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(op_cases); i++)
		if (!strcmp(op_cases[i].op, op) && op_cases[i].form == form)
			return &op_cases[i];
	return NULL;
}

/* The base request of @c. */
static inline void op_base(struct mreq *m, const struct op_case *c,
			   const struct objs *o)
{
	mreq_init(m, spec_op(c->op)->cmd, c->form);
	if (c->base)
		c->base(m, o);
}

/* Send a request built by @fill; the errno it met, or -errno. */
static inline int objs_req(struct nvnl *nl, __u8 cmd,
			   void (*fill)(struct mreq *m, const char *name,
					const struct objs *o),
			   const char *name, const struct objs *o)
{
	struct nvnl_ans a;
	struct mreq m;
	int err;

	mreq_init(&m, cmd, FORM_DO);
	fill(&m, name, o);
	err = nvnl_do(nl, &m, &a, NULL, 0);
	return err ?: a.err;
}

static inline void fill_vif(struct mreq *m, const char *name, const struct objs *o)
{
	mreq_str(m, NVIRT_A_VIF_NAME, name);
	if (m->cmd == NVIRT_CMD_VIF_NEW) {
		mreq_u32(m, NVIRT_A_VIF_PARENT_IFINDEX, o->nic_ifindex);
		mreq_u32(m, NVIRT_A_VIF_BACKEND, NVIRT_BACKEND_SOFT);
	}
}

static inline void fill_policy(struct mreq *m, const char *name,
			       const struct objs *o)
{
	mreq_str(m, NVIRT_A_NAMED_POLICY_NAME, name);
}

static inline void fill_pool(struct mreq *m, const char *name,
			     const struct objs *o)
{
	mreq_str(m, NVIRT_A_POOL_NAME, name);
	if (m->cmd == NVIRT_CMD_POOL_NEW) {
		mreq_nest_start(m, NVIRT_A_POOL_MEMBER);
		mreq_u32(m, NVIRT_A_POOL_MEMBER_IFINDEX, o->nic_ifindex);
		mreq_nest_end(m);
		mreq_nest_start(m, NVIRT_A_POOL_MEMBER);
		mreq_str(m, NVIRT_A_POOL_MEMBER_IFNAME, OBJ_NIC2);
		mreq_nest_end(m);
	}
}

/* Remove what objs_setup() or the ops made, if anything; in @nl's netns. */
static inline void objs_teardown(struct nvnl *nl)
{
	objs_req(nl, NVIRT_CMD_VIF_DEL, fill_vif, OBJ_NEW_VIF, NULL);
	objs_req(nl, NVIRT_CMD_VIF_DEL, fill_vif, OBJ_VIF, NULL);
	objs_req(nl, NVIRT_CMD_POLICY_DEL, fill_policy, OBJ_NEW_POLICY, NULL);
	objs_req(nl, NVIRT_CMD_POLICY_DEL, fill_policy, OBJ_POLICY, NULL);
	objs_req(nl, NVIRT_CMD_POOL_DEL, fill_pool, OBJ_NEW_POOL, NULL);
	objs_req(nl, NVIRT_CMD_POOL_DEL, fill_pool, OBJ_POOL, NULL);
	if (if_nametoindex(OBJ_NIC))
		(void)!system("ip link del " OBJ_NIC);
	if (if_nametoindex(OBJ_NIC2))
		(void)!system("ip link del " OBJ_NIC2);
}

/*
 * Make the objects, in the caller's netns, which must be @nl's, and wait
 * until nvirt's state settles (a new netdev's state moves a little). 0,
 * or the step that failed.
 */
static inline const char *objs_setup(struct nvnl *nl, struct objs *o,
				     struct snapshot *settled)
{
	static struct snapshot prev;
	int tries;

	objs_teardown(nl);
	if (system("ip link add " OBJ_NIC " type dummy"))
		return "ip link add " OBJ_NIC;
	if (system("ip link add " OBJ_NIC2 " type dummy"))
		return "ip link add " OBJ_NIC2;
	o->nic_ifindex = if_nametoindex(OBJ_NIC);
	if (!o->nic_ifindex)
		return OBJ_NIC " has no ifindex";
	if (objs_req(nl, NVIRT_CMD_VIF_NEW, fill_vif, OBJ_VIF, o))
		return "vif-new " OBJ_VIF;
	if (objs_req(nl, NVIRT_CMD_POLICY_NEW, fill_policy, OBJ_POLICY, o))
		return "policy-new " OBJ_POLICY;
	if (objs_req(nl, NVIRT_CMD_POOL_NEW, fill_pool, OBJ_POOL, o))
		return "pool-new " OBJ_POOL;
	if (snapshot_take(nl, &prev))
		return "snapshot";
	for (tries = 0; tries < 50; tries++) {
		usleep(20000);
		if (snapshot_take(nl, settled))
			return "snapshot";
		if (!snapshot_diff(&prev, settled))
			return NULL;
		prev = *settled;
	}
	return "nvirt's state does not settle";
}

#endif /* NVIRT_OPS_H */
