/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ops nvirt_faults walks: each with what it needs, its set-up, the
 * request, its undo and its tear-down, as raw generic netlink requests.
 */

#ifndef NVIRT_FAULTS_H
#define NVIRT_FAULTS_H

#include "nvirt_links.h"

#define DUMMY		"nvf0"

static const __u8 vif_mac[6] = { 0x02, 0, 0, 0, 0x0f, 0x01 };

/* Everything an op could change. */
struct state {
	struct snapshot nv;
	char links[LINKS_TEXT], links_ns[LINKS_TEXT];
	char netns[512];
};

struct ctx {
	struct nvnl nl, mon;
	int rt, rt_ns;			/* rtnetlink: init_net, the netns */
	int netns, init_netns;		/* a netns of the test's, init_net's */
	int nth;			/* /proc/thread-self/fail-nth */
	char igb[IFNAMSIZ], e1000[IFNAMSIZ];
	unsigned int dummy, igb_ix, e1000_ix;
	int caches;			/* slab caches that may fail */
	struct state *before, *after, *done;
};

typedef void build_fn(struct mreq *m, const struct ctx *c);

enum { NEED_IGB = 1, NEED_E1000 = 2, NEED_DUMMY = 4, NEED_MASK = 8 };

/*
 * One op under test: made ready once, then op and undo per point. An op
 * that only reads has no undo: every point must leave the state as it was.
 */
struct fop {
	const char *name;
	unsigned int needs;
	const char *sh_setup;		/* igb is %1$s, e1000 %2$s */
	build_fn *setup[3], *op, *undo, *teardown[3];
};

/* The requests. */

static void vif_new(struct mreq *m, const char *name, unsigned int parent,
		    __u8 backend)
{
	mreq_init(m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(m, NVIRT_A_VIF_NAME, name);
	mreq_u32(m, NVIRT_A_VIF_PARENT_IFINDEX, parent);
	mreq_u32(m, NVIRT_A_VIF_BACKEND, backend);
}

static void vif_named(struct mreq *m, __u8 cmd, const char *name)
{
	mreq_init(m, cmd, FORM_DO);
	mreq_str(m, NVIRT_A_VIF_NAME, name);
}

static void policy(struct mreq *m, __u8 cmd, const char *name, __u8 goal,
		   __u32 max_rate)
{
	mreq_init(m, cmd, FORM_DO);
	mreq_str(m, NVIRT_A_NAMED_POLICY_NAME, name);
	if (cmd == NVIRT_CMD_POLICY_DEL || cmd == NVIRT_CMD_POLICY_GET)
		return;
	mreq_nest_start(m, NVIRT_A_NAMED_POLICY_POLICY);
	mreq_u32(m, NVIRT_A_POLICY_GOAL, goal);
	mreq_nest_end(m);
	if (max_rate)
		mreq_u32(m, NVIRT_A_NAMED_POLICY_MAX_RATE, max_rate);
}

static void soft_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fs", c->dummy, NVIRT_BACKEND_SOFT);
	mreq_put(m, NVIRT_A_VIF_MAC, vif_mac, sizeof(vif_mac));
}

static void soft_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fs");
}

static void netns_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fn", c->e1000_ix, NVIRT_BACKEND_SOFT);
	mreq_u32(m, NVIRT_A_VIF_NETNS_FD, c->netns);
	mreq_u32(m, NVIRT_A_VIF_VLAN, 5);
	mreq_put(m, NVIRT_A_VIF_MAC, vif_mac, sizeof(vif_mac));
}

static void netns_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fn");
}

static void queue_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fq", c->igb_ix, NVIRT_BACKEND_QUEUE);
	mreq_put(m, NVIRT_A_VIF_MAC, vif_mac, sizeof(vif_mac));
}

static void queue_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fq");
}

/* Holds igb's VFs enabled, lest each point enable and disable them. */
static void keeper_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fvk", c->igb_ix, NVIRT_BACKEND_VF);
}

static void keeper_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fvk");
}

static void vf_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fv", c->igb_ix, NVIRT_BACKEND_VF);
	mreq_u32(m, NVIRT_A_VIF_VLAN, 7);
	mreq_put(m, NVIRT_A_VIF_MAC, vif_mac, sizeof(vif_mac));
}

static void vf_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fv");
}

static void vf_set(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fv");
	mreq_u32(m, NVIRT_A_VIF_VLAN, 9);
	mreq_u32(m, NVIRT_A_VIF_MAX_RATE, 20);
	mreq_u32(m, NVIRT_A_VIF_SPOOFCHK, 0);
	mreq_u32(m, NVIRT_A_VIF_TRUST, 1);
}

static void vf_unset(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fv");
	mreq_u32(m, NVIRT_A_VIF_VLAN, 7);
	mreq_u32(m, NVIRT_A_VIF_MAX_RATE, 0);
	mreq_u32(m, NVIRT_A_VIF_SPOOFCHK, 1);
	mreq_u32(m, NVIRT_A_VIF_TRUST, 0);
}

static void kept_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "fk", c->dummy, NVIRT_BACKEND_SOFT);
	mreq_put(m, NVIRT_A_VIF_MAC, vif_mac, sizeof(vif_mac));
}

static void kept_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "fk");
}

static void kept_set(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fk");
	mreq_u32(m, NVIRT_A_VIF_MTU, 1400);
	mreq_u32(m, NVIRT_A_VIF_VLAN, 9);
	mreq_u32(m, NVIRT_A_VIF_MAX_RATE, 20);
	mreq_u32(m, NVIRT_A_VIF_SPOOFCHK, 0);
}

static void kept_unset(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fk");
	mreq_u32(m, NVIRT_A_VIF_MTU, 1500);
	mreq_u32(m, NVIRT_A_VIF_VLAN, 0);
	mreq_u32(m, NVIRT_A_VIF_MAX_RATE, 0);
	mreq_u32(m, NVIRT_A_VIF_SPOOFCHK, 1);
}

static void kept_away(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fk");
	mreq_u32(m, NVIRT_A_VIF_NETNS_FD, c->netns);
}

static void kept_home(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_SET, "fk");
	mreq_u32(m, NVIRT_A_VIF_NETNS_FD, c->init_netns);
}

static void policy_new(struct mreq *m, const struct ctx *c)
{
	policy(m, NVIRT_CMD_POLICY_NEW, "fp", NVIRT_GOAL_LATENCY, 30);
}

static void policy_set(struct mreq *m, const struct ctx *c)
{
	policy(m, NVIRT_CMD_POLICY_SET, "fp", NVIRT_GOAL_THROUGHPUT, 40);
}

static void policy_unset(struct mreq *m, const struct ctx *c)
{
	policy(m, NVIRT_CMD_POLICY_SET, "fp", NVIRT_GOAL_LATENCY, 30);
}

static void policy_del(struct mreq *m, const struct ctx *c)
{
	policy(m, NVIRT_CMD_POLICY_DEL, "fp", 0, 0);
}

static void follower_new(struct mreq *m, const struct ctx *c)
{
	vif_new(m, "ff", c->dummy, NVIRT_BACKEND_SOFT);
	mreq_str(m, NVIRT_A_VIF_POLICY_NAME, "fp");
}

static void follower_del(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_DEL, "ff");
}

static void nic_managed(struct mreq *m, const struct ctx *c, __u8 on)
{
	mreq_init(m, NVIRT_CMD_NIC_SET, FORM_DO);
	mreq_u32(m, NVIRT_A_NIC_IFINDEX, c->e1000_ix);
	mreq_u32(m, NVIRT_A_NIC_MANAGED, on);
}

static void nic_unmanage(struct mreq *m, const struct ctx *c)
{
	nic_managed(m, c, 0);
}

static void nic_manage(struct mreq *m, const struct ctx *c)
{
	nic_managed(m, c, 1);
}

/* The ops that only read: each answer is built of allocations too. */
static void version_get(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_VERSION_GET, FORM_DO);
}

static void nic_get(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_NIC_GET, FORM_DO);
	mreq_u32(m, NVIRT_A_NIC_IFINDEX, c->e1000_ix);
}

static void nic_dump(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_NIC_GET, FORM_DUMP);
}

static void kept_get(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_GET, "fk");
}

static void vif_dump(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_VIF_GET, FORM_DUMP);
}

static void kept_explain(struct mreq *m, const struct ctx *c)
{
	vif_named(m, NVIRT_CMD_VIF_EXPLAIN, "fk");
}

/* The policy engine's plan for a VIF on igb, which it does not make. */
static void dry_new(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_VIF_NEW, FORM_DO);
	mreq_str(m, NVIRT_A_VIF_NAME, "fd");
	mreq_u32(m, NVIRT_A_VIF_PARENT_IFINDEX, c->igb_ix);
	mreq_put(m, NVIRT_A_VIF_DRY_RUN, NULL, 0);
}

static void policy_get(struct mreq *m, const struct ctx *c)
{
	policy(m, NVIRT_CMD_POLICY_GET, "fp", 0, 0);
}

static void policy_dump(struct mreq *m, const struct ctx *c)
{
	mreq_init(m, NVIRT_CMD_POLICY_GET, FORM_DUMP);
}

/* igb up, and its link (a few seconds under TCG). */
#define IGB_UP		"ip link set %1$s up; for i in $(seq 50); do "		\
			"grep -qx up /sys/class/net/%1$s/operstate && break; "	\
			"sleep 0.2; done"
#define VFS_UP		"modprobe igbvf; " IGB_UP

static const struct fop fop_vif_new_soft = {
	"vif-new soft", NEED_DUMMY, NULL, {}, soft_new, soft_del, { soft_del },
};
static const struct fop fop_vif_new_netns = {
	"vif-new soft into a netns", NEED_E1000 | NEED_MASK, NULL, {}, netns_new, netns_del,
	{ netns_del },
};
static const struct fop fop_vif_new_queue = {
	"vif-new queue", NEED_IGB, IGB_UP, {}, queue_new, queue_del, { queue_del },
};
static const struct fop fop_vif_new_vf = {
	"vif-new vf", NEED_IGB, VFS_UP, { keeper_new }, vf_new, vf_del,
	{ vf_del, keeper_del },
};
static const struct fop fop_vif_set_soft = {
	"vif-set soft", NEED_DUMMY, NULL, { kept_new }, kept_set, kept_unset,
	{ kept_del },
};
static const struct fop fop_vif_set_netns = {
	"vif-set into a netns", NEED_DUMMY | NEED_MASK, NULL, { kept_new }, kept_away,
	kept_home, { kept_del },
};
static const struct fop fop_vif_set_vf = {
	"vif-set vf", NEED_IGB, VFS_UP, { keeper_new, vf_new }, vf_set, vf_unset,
	{ vf_del, keeper_del },
};
static const struct fop fop_vif_del_soft = {
	"vif-del soft", NEED_DUMMY, NULL, { kept_new }, kept_del, kept_new,
	{ kept_del },
};
static const struct fop fop_vif_del_vf = {
	"vif-del vf", NEED_IGB, VFS_UP, { keeper_new, vf_new }, vf_del, vf_new,
	{ vf_del, keeper_del },
};
static const struct fop fop_policy_new = {
	"policy-new", 0, NULL, {}, policy_new, policy_del, { policy_del },
};
static const struct fop fop_policy_set = {
	"policy-set with a follower", NEED_DUMMY, NULL,
	{ policy_new, follower_new }, policy_set, policy_unset,
	{ follower_del, policy_del },
};
static const struct fop fop_policy_del = {
	"policy-del", 0, NULL, { policy_new }, policy_del, policy_new,
	{ policy_del },
};
static const struct fop fop_nic_set = {
	"nic-set", NEED_E1000, NULL, {}, nic_unmanage, nic_manage, { nic_manage },
};

static const struct fop fop_version_get = {
	"version-get", 0, NULL, {}, version_get, NULL, {},
};
static const struct fop fop_nic_get = {
	"nic-get", NEED_E1000, NULL, {}, nic_get, NULL, {},
};
static const struct fop fop_nic_dump = {
	"nic-get dump", 0, NULL, {}, nic_dump, NULL, {},
};
static const struct fop fop_vif_get = {
	"vif-get", NEED_DUMMY, NULL, { kept_new }, kept_get, NULL, { kept_del },
};
static const struct fop fop_vif_dump = {
	"vif-get dump", NEED_DUMMY, NULL, { kept_new }, vif_dump, NULL, { kept_del },
};
static const struct fop fop_vif_explain = {
	"vif-explain", NEED_DUMMY, NULL, { kept_new }, kept_explain, NULL,
	{ kept_del },
};
static const struct fop fop_vif_dry_run = {
	"vif-new dry run", NEED_IGB, NULL, {}, dry_new, NULL, {},
};
static const struct fop fop_policy_get = {
	"policy-get", 0, NULL, { policy_new }, policy_get, NULL, { policy_del },
};
static const struct fop fop_policy_dump = {
	"policy-get dump", 0, NULL, { policy_new }, policy_dump, NULL,
	{ policy_del },
};

#endif /* NVIRT_FAULTS_H */
