// SPDX-License-Identifier: GPL-2.0
/*
 * A program built against libnvirt 0.2 keeps working on the library of
 * this tree. It is compiled with 0.2's header (lib/abi/nvirt-0.2.h) and
 * linked against a stand-in exporting only 0.2's symbols (scripts/abi-stub),
 * so it binds what a 0.2 build bound; it runs on the real library. The
 * calls whose types changed since (compat.c) are tried with 0.2's types:
 * a NIC's record by get, dump and monitor, and the VIF calls around them.
 */

#include <net/if.h>
#include <poll.h>
#include <linux/nvirt.h>

#include <nvirt-0.2.h>

#include "kselftest_harness.h"

#define PARENT		"nvab0"
#define VIF		"nvab1"

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

FIXTURE_TEARDOWN(abi0)
{
	if (self->h) {
		nvirt_vif_del(self->h, 0, VIF);
		nvirt_close(self->h);
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

/* The MTU last set on PARENT, which the awaited record must have. */
struct awaited {
	struct __test_metadata *md;
	unsigned int mtu;
};

static int event_cb(enum nvirt_event ev, const struct nvirt_nic *nic,
		    const struct nvirt_vif *vif,
		    const struct nvirt_named_policy *policy, void *arg)
{
	struct awaited *aw = arg;

	(void)vif;
	(void)policy;
	/* a change, or the add of a NIC not announced yet when it came */
	if ((ev != NVIRT_EVENT_NIC_CHANGE && ev != NVIRT_EVENT_NIC_ADD) ||
	    strcmp(nic->ifname, PARENT) || nic->mtu != aw->mtu)
		return 0;
	check_dummy(aw->md, nic, aw->mtu);
	return 1;
}

/*
 * A listener hears of the changes after the kernel's first pass with it
 * (nvirt_monitor.sh): the MTU is changed until one is heard.
 */
TEST_F(abi0, monitor)
{
	struct awaited aw = { .md = _metadata };
	char cmd[64];
	int fd, ret = 0, i;

	ASSERT_EQ(0, nvirt_monitor_start(self->h));
	fd = nvirt_monitor_fd(self->h);
	ASSERT_LE(0, fd);
	for (i = 0; i < 50 && !ret; i++) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		aw.mtu = 1280 + i;
		snprintf(cmd, sizeof(cmd), "ip link set " PARENT " mtu %u",
			 aw.mtu);
		ASSERT_EQ(0, system(cmd));
		while (!ret && poll(&pfd, 1, 200) == 1)
			ret = nvirt_monitor_step(self->h, event_cb, &aw);
	}
	/* the change, with its 0.2 record, ended the monitor */
	EXPECT_EQ(1, ret) TH_LOG("%s", nvirt_strerror(self->h));
}

TEST_F(abi0, vif)
{
	struct nvirt_vif vif;

	ASSERT_EQ(0, nvirt_vif_new(self->h, VIF, 0, PARENT, NULL, &vif))
		TH_LOG("%s", nvirt_strerror(self->h));
	EXPECT_STREQ(PARENT, vif.parent_ifname);
	EXPECT_STREQ("soft", nvirt_backend_name(vif.backend));
	ASSERT_EQ(0, nvirt_vif_get(self->h, vif.id, NULL, &vif));
	EXPECT_STREQ(VIF, vif.name);
	EXPECT_EQ(0, nvirt_vif_del(self->h, 0, VIF));
}

TEST_HARNESS_MAIN
