// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: libnvirt's reply parser.
 *
 * The input is a selector byte and one netlink message as the kernel
 * could send it (nlmsghdr, genlmsghdr, attributes, or an NLMSG_ERROR /
 * NLMSG_DONE with its extended ACK). It goes, without a socket, through
 * what libnvirt reads such a message with: the records of NICs, VIFs,
 * named policies and pools (as get and dump replies and the monitor's
 * notifications carry them), a version, a dry run's plan, an explanation,
 * or the kernel's verdict and extended ACK on a request. What libnl
 * guarantees before libnvirt sees a message holds here too: nlmsg_len
 * covers the message and no more, and an NLMSG_ERROR holds a whole
 * struct nlmsgerr. A record that was read must keep the promises of
 * <nvirt/nvirt.h>: its strings end within their arrays, its counts
 * within their room.
 */

#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <netlink/genl/genl.h>

#include "internal.h"
#include "nlmsg.h"

/* What a message is read as: the first byte of the input, modulo. */
enum reply_kind {
	REPLY_NIC,
	REPLY_VIF,		/* a record, and the plan it may carry */
	REPLY_POLICY,
	REPLY_VERSION,
	REPLY_PLAN,		/* a dry run's */
	REPLY_EXPLAIN,
	REPLY_ACK,		/* NLMSG_ERROR or NLMSG_DONE */
	REPLY_POOL,
	REPLY_KINDS
};

/* A string that ends within its array: else the fuzzer stops here. */
#define CHECK_STR(s)	do {						\
	if (!memchr((s), '\0', sizeof(s)))				\
		__builtin_trap();					\
} while (0)

#define CHECK(cond)	do {						\
	if (!(cond))							\
		__builtin_trap();					\
} while (0)

static void check_nic(const struct nvirt_nic *nic)
{
	uint32_t i;

	CHECK_STR(nic->ifname);
	CHECK_STR(nic->driver);
	CHECK_STR(nic->bus);
	CHECK_STR(nic->bus_addr);
	CHECK_STR(nic->pf_bus_addr);
	CHECK(nic->address_len <= sizeof(nic->address));
	CHECK(nic->perm_address_len <= sizeof(nic->perm_address));
	CHECK(nic->size == sizeof(*nic));
	for (i = 0; i < nic->n_vfs; i++) {
		CHECK(nic->vfs[i]->size == sizeof(*nic->vfs[i]));
		CHECK_STR(nic->vfs[i]->bus_addr);
	}
	/* one per knob, each found by it */
	for (i = 0; i < nic->n_caps; i++) {
		CHECK(nic->caps[i]->size == sizeof(*nic->caps[i]));
		CHECK(nvirt_nic_cap(nic, nic->caps[i]->knob) == nic->caps[i]);
	}
}

/* A string of the record's block: ASan says when it runs out of it. */
#define CHECK_PTR_STR(p)	CHECK((p) && strlen(p) < 1 << 16)

/* One per setting, each of its size. */
static void check_enforce(uint32_t n, const struct nvirt_enforce *const *e)
{
	uint32_t i, j;

	for (i = 0; i < n; i++) {
		CHECK(e[i]->size == sizeof(*e[i]));
		for (j = 0; j < i; j++)
			CHECK(e[j]->setting != e[i]->setting);
	}
}

static void check_plan(const struct nvirt_plan *plan)
{
	uint32_t i;

	CHECK(plan->size == sizeof(*plan));
	CHECK(plan->error >= 0);
	CHECK_PTR_STR(plan->error_text);
	check_enforce(plan->n_enforce, plan->enforce);
	for (i = 0; i < plan->n_reasons; i++) {
		CHECK(plan->reasons[i]->size == sizeof(*plan->reasons[i]));
		CHECK_PTR_STR(plan->reasons[i]->text);
	}
}

static void check_vif(const struct nvirt_vif *vif)
{
	CHECK(vif->size == sizeof(*vif));
	CHECK_STR(vif->name);
	CHECK_STR(vif->parent_ifname);
	CHECK_STR(vif->ifname);
	CHECK_STR(vif->policy_name);
	CHECK(vif->policy && vif->policy->size == sizeof(*vif->policy));
	CHECK(!vif->stats || vif->stats->size == sizeof(*vif->stats));
	check_enforce(vif->n_enforce, vif->enforce);
	if (vif->plan)
		check_plan(vif->plan);
}

/* The request an extended ACK answers, to name its culprit attribute. */
static const char *const req_names[NVIRT_A_VIF_MAX + 1] = {
	[NVIRT_A_VIF_NAME]		= "name",
	[NVIRT_A_VIF_PARENT_IFNAME]	= "parent-ifname",
	[NVIRT_A_VIF_VLAN]		= "vlan",
	[NVIRT_A_VIF_MTU]		= "mtu",
	[NVIRT_A_VIF_POLICY]		= "policy",
};

static const struct nvirt_req req_desc = {
	.cmd = NVIRT_CMD_VIF_NEW,
	.attr_names = req_names,
	.maxattr = NVIRT_A_VIF_MAX,
};

/* A vif-new request as libnvirt sends it, built once. */
static struct nlmsghdr *request(void)
{
	static struct nl_msg *msg;
	const struct nvirt_policy pol = {
		.size = sizeof(pol),
		.fields = NVIRT_POLICY_F_GOAL | NVIRT_POLICY_F_PRIORITY,
		.goal = NVIRT_GOAL_LATENCY, .priority = 5,
	};

	if (msg)
		return nlmsg_hdr(msg);
	msg = nlmsg_alloc();
	if (!msg || !genlmsg_put(msg, NL_AUTO_PORT, 1, 0x20, 0, NLM_F_ACK,
				 NVIRT_CMD_VIF_NEW, NVIRT_FAMILY_VERSION) ||
	    nla_put_string(msg, NVIRT_A_VIF_NAME, "vm1") ||
	    nla_put_string(msg, NVIRT_A_VIF_PARENT_IFNAME, "eth0") ||
	    nla_put_u32(msg, NVIRT_A_VIF_VLAN, 10) ||
	    nla_put_u32(msg, NVIRT_A_VIF_MTU, 1500) ||
	    nvirt_policy_nest_put(msg, NVIRT_A_VIF_POLICY, &pol))
		abort();
	return nlmsg_hdr(msg);
}

/*
 * The end of a request, as the request engine reads it: the verdict, its
 * extended ACK, and what the handle then says.
 */
static void read_ack(struct nlmsghdr *nlh)
{
	struct nvirt h = { 0 };
	char msg[NVIRT_MSG_LEN];
	int err;

	if (nlh->nlmsg_type == NLMSG_ERROR) {
		if (nlmsg_datalen(nlh) < (int)sizeof(struct nlmsgerr))
			return;		/* libnl drops it */
	} else {
		nlh->nlmsg_type = NLMSG_DONE;
	}
	err = nvirt_ack_err(nlh);
	CHECK(err <= 0 && err >= -4095);
	nvirt_ext_ack(msg, sizeof(msg), err, nlh, request(), &req_desc);
	CHECK_STR(msg);
	if (err)
		nvirt_fail(&h, err, msg[0] ? msg : NULL);
	CHECK_STR(h.error);
}

static int read_reply(enum reply_kind kind, struct nlmsghdr *nlh)
{
	struct nvirt_named_policy *np;
	struct nvirt_version *v;
	struct nvirt_pool *pool;
	struct nvirt_plan *plan;
	struct nvirt_nic *nic;
	struct nvirt_vif *vif;
	uint32_t i;
	int err;

	switch (kind) {
	case REPLY_NIC:
		err = nvirt_nic_parse(nlh, &nic);
		if (!err)
			check_nic(nic);
		nvirt_free(nic);
		return err;
	case REPLY_VIF:
		err = nvirt_vif_parse(nlh, &vif);
		if (!err)
			check_vif(vif);
		nvirt_free(vif);
		return err;
	case REPLY_POLICY:
		err = nvirt_named_policy_parse(nlh, &np);
		if (!err) {
			CHECK_STR(np->name);
			CHECK(np->policy && np->settings);
			CHECK(!(np->settings->fields &
				~NVIRT_NAMED_POLICY_SETTINGS));
		}
		nvirt_free(np);
		return err;
	case REPLY_VERSION:
		err = nvirt_version_parse(nlh, &v);
		if (!err)
			CHECK_STR(v->version);
		nvirt_free(v);
		return err;
	case REPLY_PLAN:
		err = nvirt_vif_plan_parse(nlh, &plan);
		if (!err)
			check_plan(plan);
		nvirt_free(plan);
		return err;
	case REPLY_EXPLAIN:
		err = nvirt_vif_explain_parse(nlh, &vif);
		if (!err) {
			check_vif(vif);
			CHECK(vif->plan);
		}
		nvirt_free(vif);
		return err;
	case REPLY_POOL:
		err = nvirt_pool_parse(nlh, &pool);
		if (!err) {
			CHECK_STR(pool->name);
			CHECK(!pool->n_members || (pool->members && pool->link));
			for (i = 0; i < pool->n_members; i++)
				CHECK_STR(pool->members[i].ifname);
		}
		nvirt_free(pool);
		return err;
	default:
		read_ack(nlh);
		return 0;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	enum reply_kind kind;

	if (size < 1 + sizeof(struct nlmsghdr))
		return -1;
	kind = data[0] % REPLY_KINDS;
	data++;
	size--;

	nlh = fuzz_nlmsg(data, size);
	if (!nlh)
		return 0;

	CHECK(read_reply(kind, nlh) <= 0);
	free(nlh);
	return 0;
}
