// SPDX-License-Identifier: GPL-2.0
/*
 * A program built against libnvirt 0.2 keeps working on the library of
 * this tree. It is compiled with 0.2's header (lib/abi/nvirt-0.2.h) and
 * linked against a stand-in exporting only 0.2's symbols (scripts/abi-stub),
 * so it binds what a 0.2 build bound; it runs on the real library. The
 * calls whose types changed since (compat.c) are tried with 0.2's types:
 * the version; a NIC's record by get, dump and monitor; a named policy
 * with its rates as policy fields; a VIF made, planned, explained,
 * changed, dumped and dumped as the config that made it.
 */

#include <net/if.h>
#include <poll.h>
#include <linux/nvirt.h>

#include <nvirt-0.2.h>

#include "kselftest_harness.h"

#define PARENT		"nvab0"
#define VIF		"nvab1"
#define POLICY		"nvabpol"

FIXTURE(abi0) {
	struct nvirt *h;
	struct nvirt_nic nic;
};

FIXTURE_SETUP(abi0)
{
	(void)!system("ip link del " PARENT " 2>/dev/null");
	ASSERT_EQ(0, system("ip link add " PARENT " mtu 1400 type dummy"));
	self->h = nvirt_open();
	ASSERT_NE(NULL, self->h) TH_LOG("nvirt_open: %s", strerror(errno));
}

/*
 * In the parent, with a handle of its own: the harness's child may skip
 * its teardown after a failed ASSERT (its "child" is clobbered by the
 * longjmp), and nothing of a test may be left for the next.
 */
FIXTURE_TEARDOWN_PARENT(abi0)
{
	struct nvirt *h = nvirt_open();

	if (h) {
		nvirt_vif_del(h, 0, VIF);
		nvirt_policy_del(h, POLICY);
		nvirt_close(h);
	}
	(void)!system("ip link del " PARENT " 2>/dev/null");
}

/* What a dummy's 0.2 record says, as the kernel has it. */
static void check_dummy(struct __test_metadata *_metadata,
			const struct nvirt_nic *nic, unsigned int mtu)
{
	unsigned int k, known = 0;

	EXPECT_STREQ(PARENT, nic->ifname);
	EXPECT_EQ(if_nametoindex(PARENT), nic->ifindex);
	EXPECT_EQ(mtu, nic->mtu);
	EXPECT_EQ(6U, nic->address_len);
	EXPECT_FALSE(nic->sriov);
	EXPECT_EQ(0U, nic->n_vfs);
	EXPECT_FALSE(nic->vfs_truncated);
	EXPECT_FALSE(nic->is_vf);
	/* every knob 0.2 knew, each in its own place */
	for (k = 0; k < NVIRT_LIB_KNOBS; k++)
		known += nic->caps[k].known;
	EXPECT_EQ((unsigned int)NVIRT_LIB_KNOBS, known);
	/* nvirt sets a virtual NIC's MACs itself (nvirt_caps.py) */
	EXPECT_STREQ("software",
		     nvirt_support_name(nic->caps[NVIRT_KNOB_VF_MAC].support));
	EXPECT_STREQ("virtual",
		     nvirt_reason_name(nic->caps[NVIRT_KNOB_VF_MAC].reason));
}

TEST_F(abi0, nic_get)
{
	ASSERT_EQ(0, nvirt_nic_get(self->h, 0, PARENT, &self->nic))
		TH_LOG("%s", nvirt_strerror(self->h));
	check_dummy(_metadata, &self->nic, 1400);
	/* errors as before */
	EXPECT_EQ(-ENODEV, nvirt_nic_get(self->h, 0, "nvabnone", &self->nic));
	EXPECT_STREQ("No such NIC", nvirt_strerror(self->h));
}

struct seen {
	struct __test_metadata *md;
	unsigned int nics, dummies;
};

static int dump_cb(const struct nvirt_nic *nic, void *arg)
{
	struct seen *seen = arg;

	seen->nics++;
	if (!strcmp(nic->ifname, PARENT)) {
		seen->dummies++;
		check_dummy(seen->md, nic, 1400);
	}
	return 0;
}

TEST_F(abi0, nic_dump)
{
	struct seen seen = { .md = _metadata };
	struct if_nameindex *ifs, *i;
	unsigned int n = 0;

	ASSERT_EQ(0, nvirt_nic_dump(self->h, dump_cb, &seen))
		TH_LOG("%s", nvirt_strerror(self->h));
	ifs = if_nameindex();
	ASSERT_NE(NULL, ifs);
	for (i = ifs; i->if_index; i++)
		n++;
	if_freenameindex(ifs);
	EXPECT_EQ(n, seen.nics);
	EXPECT_EQ(1U, seen.dummies);
}

/*
 * The MTU last set on PARENT, which the awaited record must have; events
 * with no record 0.2 knows (a pool's).
 */
struct awaited {
	struct __test_metadata *md;
	unsigned int mtu;
	unsigned int unknown;
};

static int event_cb(enum nvirt_event ev, const struct nvirt_nic *nic,
		    const struct nvirt_vif *vif,
		    const struct nvirt_named_policy *policy, void *arg)
{
	struct awaited *aw = arg;

	if (!nic && !vif && !policy)
		aw->unknown++;
	/* a change, or the add of a NIC not announced yet when it came */
	if ((ev != NVIRT_EVENT_NIC_CHANGE && ev != NVIRT_EVENT_NIC_ADD) ||
	    strcmp(nic->ifname, PARENT) || nic->mtu != aw->mtu)
		return 0;
	check_dummy(aw->md, nic, aw->mtu);
	return 1;
}

/*
 * A listener hears of the changes after the kernel's first pass with it
 * (nvirt_monitor.sh): the MTU is changed until one is heard. A pool made
 * before is an event 0.2 has no record for: it hears none.
 */
TEST_F(abi0, monitor)
{
	struct awaited aw = { .md = _metadata };
	char cmd[64];
	int fd, ret = 0, i;

	ASSERT_EQ(0, nvirt_monitor_start(self->h));
	fd = nvirt_monitor_fd(self->h);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, system("\"$NVIRT_REPO/cli/nvirt\" pool add nvab0p dev " PARENT));
	for (i = 0; i < 50 && !ret; i++) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		aw.mtu = 1280 + i;
		snprintf(cmd, sizeof(cmd), "ip link set " PARENT " mtu %u",
			 aw.mtu);
		ASSERT_EQ(0, system(cmd));
		while (!ret && poll(&pfd, 1, 200) == 1)
			ret = nvirt_monitor_step(self->h, event_cb, &aw);
	}
	(void)!system("\"$NVIRT_REPO/cli/nvirt\" pool del nvab0p");
	/* the change, with its 0.2 record, ended the monitor */
	EXPECT_EQ(1, ret) TH_LOG("%s", nvirt_strerror(self->h));
	EXPECT_EQ(0U, aw.unknown);
}

TEST_F(abi0, version)
{
	struct nvirt_version v;
	char want[32] = "";
	FILE *f;

	ASSERT_EQ(0, nvirt_version_get(self->h, &v));
	f = fopen("/sys/module/nvirt/version", "r");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(want, sizeof(want), f));
	fclose(f);
	want[strcspn(want, "\n")] = '\0';
	EXPECT_STREQ(want, v.version);
	EXPECT_LT(0U, v.api);
}

/* 0.2's named policy: a goal, and a rate as a field of its policy. */
static const struct nvirt_policy gold = {
	.fields = NVIRT_POLICY_F_GOAL | NVIRT_POLICY_F_MAX_RATE,
	.goal = NVIRT_GOAL_LATENCY,
	.max_rate = 300,
};

static int find_policy(const struct nvirt_named_policy *np, void *arg)
{
	if (strcmp(np->name, POLICY))
		return 0;
	*(struct nvirt_named_policy *)arg = *np;
	return 1;
}

TEST_F(abi0, policy)
{
	struct nvirt_policy more = {
		.fields = NVIRT_POLICY_F_MIN_RATE, .min_rate = 20,
	};
	struct nvirt_named_policy np, seen = { 0 };

	ASSERT_EQ(0, nvirt_policy_new(self->h, POLICY, &gold))
		TH_LOG("%s", nvirt_strerror(self->h));
	ASSERT_EQ(0, nvirt_policy_set(self->h, POLICY, &more));
	ASSERT_EQ(0, nvirt_policy_get(self->h, POLICY, &np));
	EXPECT_EQ((uint32_t)(NVIRT_POLICY_F_GOAL | NVIRT_POLICY_F_MAX_RATE |
			     NVIRT_POLICY_F_MIN_RATE), np.policy.fields);
	EXPECT_EQ(NVIRT_GOAL_LATENCY, np.policy.goal);
	EXPECT_EQ(300U, np.policy.max_rate);
	EXPECT_EQ(20U, np.policy.min_rate);
	EXPECT_EQ(0U, np.users);
	EXPECT_EQ(1, nvirt_policy_dump(self->h, find_policy, &seen));
	EXPECT_EQ(0, memcmp(&np, &seen, sizeof(np)));
}

/* A soft VIF's 0.2 record, as made below. */
static void check_vif(struct __test_metadata *_metadata,
		      const struct nvirt_vif *vif)
{
	EXPECT_STREQ(VIF, vif->name);
	EXPECT_STREQ(PARENT, vif->parent_ifname);
	EXPECT_EQ(if_nametoindex(PARENT), vif->parent_ifindex);
	EXPECT_EQ(NVIRT_BACKEND_SOFT, vif->backend);
	EXPECT_EQ(1300U, vif->mtu);
	EXPECT_EQ(10, vif->vlan);
	EXPECT_EQ(300U, vif->max_rate);	/* its named policy's */
	EXPECT_STREQ(POLICY, vif->policy_name);
	EXPECT_NE(0U, vif->policy.fields & NVIRT_POLICY_F_ISOLATION);
	EXPECT_EQ(NVIRT_ISOLATION_STANDARD, vif->policy.isolation);
	EXPECT_EQ(NVIRT_SUPPORT_SOFTWARE, vif->enforce[NVIRT_SETTING_VLAN]);
	EXPECT_EQ(NVIRT_SUPPORT_SOFTWARE,
		  vif->enforce[NVIRT_SETTING_MAX_RATE]);
}

/* A plan that puts it on a soft path, with its reasons in words. */
static void check_plan(struct __test_metadata *_metadata,
		       const struct nvirt_plan *plan)
{
	EXPECT_EQ(0, plan->error);
	EXPECT_EQ(NVIRT_BACKEND_SOFT, plan->backend);
	EXPECT_LT(0U, plan->n_reasons);
	EXPECT_NE(0, plan->reasons[0].text[0]);
	EXPECT_EQ(NVIRT_SUPPORT_SOFTWARE, plan->enforce[NVIRT_SETTING_VLAN]);
}

static int count_vif(const struct nvirt_vif *vif, void *arg)
{
	struct seen *seen = arg;
	struct __test_metadata *_metadata = seen->md;

	seen->nics++;
	check_vif(_metadata, vif);
	EXPECT_EQ(NULL, vif->plan);
	return 0;
}

static int count_config(const struct nvirt_vif *vif,
			const struct nvirt_vif_config *cfg, void *arg)
{
	struct __test_metadata *_metadata = ((struct seen *)arg)->md;

	check_vif(_metadata, vif);
	((struct seen *)arg)->dummies++;
	/* what it was asked for: its named policy's rate is not its own */
	EXPECT_NE(0U, cfg->fields & NVIRT_VIF_F_MTU);
	EXPECT_NE(0U, cfg->fields & NVIRT_VIF_F_POLICY_NAME);
	EXPECT_EQ(0U, cfg->fields & NVIRT_VIF_F_MAX_RATE);
	EXPECT_EQ((uint32_t)NVIRT_POLICY_F_ISOLATION, cfg->policy.fields);
	EXPECT_STREQ(POLICY, cfg->policy_name);
	EXPECT_EQ(-1, cfg->netns_fd);
	return 0;
}

TEST_F(abi0, vif)
{
	struct nvirt_vif_config cfg = {
		.fields = NVIRT_VIF_F_MTU | NVIRT_VIF_F_VLAN |
			  NVIRT_VIF_F_POLICY | NVIRT_VIF_F_POLICY_NAME,
		.mtu = 1300, .vlan = 10, .netns_fd = -1,
		.policy = {
			.fields = NVIRT_POLICY_F_ISOLATION,
			.isolation = NVIRT_ISOLATION_STANDARD,
		},
		.policy_name = POLICY,
	};
	struct nvirt_vif_config bad = {
		.fields = NVIRT_VIF_F_POLICY, .netns_fd = -1,
		.policy = { .fields = NVIRT_POLICY_F_MAX_RATE, .max_rate = 5 },
	};
	struct seen seen = { .md = _metadata };
	struct nvirt_plan plan;
	struct nvirt_vif vif;

	ASSERT_EQ(0, nvirt_policy_new(self->h, POLICY, &gold));
	ASSERT_EQ(0, nvirt_vif_new_plan(self->h, VIF, 0, PARENT, &cfg, &plan))
		TH_LOG("%s", nvirt_strerror(self->h));
	check_plan(_metadata, &plan);
	ASSERT_EQ(0, nvirt_vif_new(self->h, VIF, 0, PARENT, &cfg, &vif))
		TH_LOG("%s", nvirt_strerror(self->h));
	check_vif(_metadata, &vif);
	ASSERT_NE(NULL, vif.plan);
	check_plan(_metadata, vif.plan);

	ASSERT_EQ(0, nvirt_vif_get(self->h, vif.id, NULL, &vif));
	check_vif(_metadata, &vif);
	EXPECT_EQ(NULL, vif.plan);
	EXPECT_EQ(0, nvirt_vif_dump(self->h, 0, PARENT, count_vif, &seen));
	EXPECT_EQ(1U, seen.nics);
	EXPECT_EQ(0, nvirt_vif_dump_config(self->h, 0, PARENT, count_config,
					   &seen));
	EXPECT_EQ(1U, seen.dummies);

	memset(&plan, 0, sizeof(plan));
	ASSERT_EQ(0, nvirt_vif_explain(self->h, 0, VIF, &vif, &plan));
	EXPECT_EQ(NULL, vif.plan);
	check_plan(_metadata, &plan);
	ASSERT_EQ(0, nvirt_vif_set_plan(self->h, 0, VIF, &cfg, &plan));
	check_plan(_metadata, &plan);

	/* 0.2 refused rates in a VIF's policy, in its own words */
	EXPECT_EQ(-EINVAL, nvirt_vif_set(self->h, 0, VIF, &bad));
	EXPECT_STREQ("a VIF's rates are its max_rate and min_rate, not its policy's",
		     nvirt_strerror(self->h));
	cfg.fields = NVIRT_VIF_F_MTU;
	cfg.mtu = 1280;
	EXPECT_EQ(0, nvirt_vif_set(self->h, 0, VIF, &cfg));
	ASSERT_EQ(0, nvirt_vif_get(self->h, 0, VIF, &vif));
	EXPECT_EQ(1280U, vif.mtu);
	EXPECT_EQ(0, nvirt_vif_del(self->h, 0, VIF));
}

TEST_HARNESS_MAIN
