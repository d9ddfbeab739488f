// SPDX-License-Identifier: GPL-2.0
/*
 * The nvirt family rejects malformed and unauthorized requests with the
 * right errno and an extack message, and a rejected request changes
 * nothing. Speaks raw netlink, independently of libnvirt.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/nvirt.h>

#include "kselftest_harness.h"

#define BUF_SIZE 8192

struct req {
	struct nlmsghdr nlh;
	struct genlmsghdr genl;
	char attrs[256];
};

/* What the kernel answered: errno (0 on success), extack text and offset. */
struct answer {
	int err;
	char msg[256];
	unsigned int offs;
	bool have_offs;
	unsigned int miss_type;	/* NLMSGERR_ATTR_MISS_TYPE, or 0 */
	int managed;	/* NVIRT_A_NIC_MANAGED of a nic-get reply, or -1 */
	char version[32];
	unsigned int api;
};

static void req_init(struct req *r, __u16 type, __u8 cmd)
{
	memset(r, 0, sizeof(*r));
	r->nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	r->nlh.nlmsg_type = type;
	r->nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r->genl.cmd = cmd;
	r->genl.version = 1;
}

static void req_put(struct req *r, __u16 type, const void *data, int len)
{
	struct nlattr *nla = (void *)((char *)&r->nlh + NLMSG_ALIGN(r->nlh.nlmsg_len));

	nla->nla_type = type;
	nla->nla_len = NLA_HDRLEN + len;
	memcpy((char *)nla + NLA_HDRLEN, data, len);
	r->nlh.nlmsg_len = NLMSG_ALIGN(r->nlh.nlmsg_len) + NLA_ALIGN(nla->nla_len);
}

/* A nest: its attributes follow, until req_nest_end(). */
static struct nlattr *req_nest_start(struct req *r, __u16 type)
{
	struct nlattr *nla = (void *)((char *)&r->nlh + NLMSG_ALIGN(r->nlh.nlmsg_len));

	nla->nla_type = type | NLA_F_NESTED;
	nla->nla_len = NLA_HDRLEN;
	r->nlh.nlmsg_len = NLMSG_ALIGN(r->nlh.nlmsg_len) + NLA_HDRLEN;
	return nla;
}

static void req_nest_end(struct req *r, struct nlattr *nest)
{
	nest->nla_len = (char *)&r->nlh + r->nlh.nlmsg_len - (char *)nest;
}

static void req_put_u32(struct req *r, __u16 type, __u32 v)
{
	req_put(r, type, &v, sizeof(v));
}

static void req_put_u8(struct req *r, __u16 type, __u8 v)
{
	req_put(r, type, &v, sizeof(v));
}

static void req_put_str(struct req *r, __u16 type, const char *s)
{
	req_put(r, type, s, strlen(s) + 1);
}

#define for_each_nla(nla, start, len)					\
	for (nla = (struct nlattr *)(start);				\
	     (char *)nla + NLA_HDRLEN <= (char *)(start) + (len) &&	\
	     nla->nla_len >= NLA_HDRLEN;				\
	     nla = (struct nlattr *)((char *)nla + NLA_ALIGN(nla->nla_len)))

static void parse_reply(struct answer *a, struct nlmsghdr *nlh)
{
	int len = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	void *start = (char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	struct nlattr *nla;

	for_each_nla(nla, start, len) {
		void *data = (char *)nla + NLA_HDRLEN;

		if (a->version[0] == 0 && nla->nla_type == NVIRT_A_VERSION_VERSION &&
		    ((struct genlmsghdr *)NLMSG_DATA(nlh))->cmd == NVIRT_CMD_VERSION_GET)
			strncpy(a->version, data, sizeof(a->version) - 1);
		else if (nla->nla_type == NVIRT_A_VERSION_API &&
			 ((struct genlmsghdr *)NLMSG_DATA(nlh))->cmd == NVIRT_CMD_VERSION_GET)
			a->api = *(__u32 *)data;
		else if (nla->nla_type == NVIRT_A_NIC_MANAGED)
			a->managed = *(__u8 *)data;
	}
}

static void parse_error(struct answer *a, struct nlmsghdr *nlh)
{
	struct nlmsgerr *e = NLMSG_DATA(nlh);
	int off = sizeof(*e), len;
	struct nlattr *nla;

	a->err = -e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(e->msg);
	len = nlh->nlmsg_len - NLMSG_HDRLEN - off;
	for_each_nla(nla, (char *)e + off, len) {
		if (nla->nla_type == NLMSGERR_ATTR_MSG)
			strncpy(a->msg, (char *)nla + NLA_HDRLEN, sizeof(a->msg) - 1);
		if (nla->nla_type == NLMSGERR_ATTR_MISS_TYPE)
			a->miss_type = *(__u32 *)((char *)nla + NLA_HDRLEN);
		if (nla->nla_type == NLMSGERR_ATTR_OFFS) {
			a->offs = *(__u32 *)((char *)nla + NLA_HDRLEN);
			a->have_offs = true;
		}
	}
}

/* Send one request and read until its ACK or error. */
static int transact(int fd, struct req *r, struct answer *a)
{
	static char buf[BUF_SIZE];

	memset(a, 0, sizeof(*a));
	a->managed = -1;
	if (send(fd, r, r->nlh.nlmsg_len, 0) < 0)
		return -errno;
	for (;;) {
		struct nlmsghdr *nlh;
		int n = recv(fd, buf, sizeof(buf), 0);

		if (n < 0)
			return -errno;
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				parse_error(a, nlh);
				return 0;
			}
			parse_reply(a, nlh);
		}
	}
}

static int family_id(int fd)
{
	static char buf[BUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nla;
	struct req r;
	int n;

	req_init(&r, GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
	r.nlh.nlmsg_flags = NLM_F_REQUEST;
	req_put_str(&r, CTRL_ATTR_FAMILY_NAME, NVIRT_FAMILY_NAME);
	if (send(fd, &r, r.nlh.nlmsg_len, 0) < 0)
		return -1;
	n = recv(fd, buf, sizeof(buf), 0);
	nlh = (void *)buf;
	if (n < 0 || !NLMSG_OK(nlh, n) || nlh->nlmsg_type == NLMSG_ERROR)
		return -1;
	for_each_nla(nla, (char *)NLMSG_DATA(nlh) + GENL_HDRLEN,
		     nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN))
		if (nla->nla_type == CTRL_ATTR_FAMILY_ID)
			return *(__u16 *)((char *)nla + NLA_HDRLEN);
	return -1;
}

FIXTURE(nvirt) {
	int fd;
	int family;
	struct req req;
	struct answer ans;
};

FIXTURE_SETUP(nvirt)
{
	int one = 1;

	self->fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	ASSERT_GE(self->fd, 0);
	ASSERT_EQ(0, setsockopt(self->fd, SOL_NETLINK, NETLINK_EXT_ACK,
				&one, sizeof(one)));
	self->family = family_id(self->fd);
	ASSERT_GT(self->family, 0) TH_LOG("nvirt family not registered");
}

FIXTURE_TEARDOWN(nvirt)
{
	close(self->fd);
}

/* Offset of the n-th attribute of a request, as NLMSGERR_ATTR_OFFS counts. */
static unsigned int attr_offset(const struct req *r, int n)
{
	unsigned int off = NLMSG_HDRLEN + GENL_HDRLEN;
	const struct nlattr *nla = (const void *)r->attrs;

	while (n--) {
		off += NLA_ALIGN(nla->nla_len);
		nla = (const void *)((const char *)nla + NLA_ALIGN(nla->nla_len));
	}
	return off;
}

static int lo_managed(struct __test_metadata *_metadata, FIXTURE_DATA(nvirt) *self)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 1);
	EXPECT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(0, self->ans.err);
	return self->ans.managed;
}

static int set_lo_managed(FIXTURE_DATA(nvirt) *self, __u8 managed)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_SET);
	req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 1);
	req_put_u8(&self->req, NVIRT_A_NIC_MANAGED, managed);
	return transact(self->fd, &self->req, &self->ans) ?: self->ans.err;
}

TEST_F(nvirt, version_get)
{
	req_init(&self->req, self->family, NVIRT_CMD_VERSION_GET);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	ASSERT_EQ(0, self->ans.err);
	EXPECT_NE(0, self->ans.version[0]);
	EXPECT_EQ((unsigned int)NVIRT_API_VERSION, self->ans.api);
}

TEST_F(nvirt, unknown_attribute)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 1);
	req_put_str(&self->req, NVIRT_A_NIC_DRIVER, "igb");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("Unknown attribute type", self->ans.msg);
	ASSERT_TRUE(self->ans.have_offs);
	EXPECT_EQ(attr_offset(&self->req, 1), self->ans.offs);
}

TEST_F(nvirt, missing_nic)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("NIC not specified: ifindex or ifname is required",
		     self->ans.msg);
}

TEST_F(nvirt, ifindex_out_of_range)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 0);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(ERANGE, self->ans.err);
	EXPECT_STREQ("integer out of range", self->ans.msg);
	ASSERT_TRUE(self->ans.have_offs);
	EXPECT_EQ(attr_offset(&self->req, 0), self->ans.offs);
}

TEST_F(nvirt, no_such_nic)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	req_put_str(&self->req, NVIRT_A_NIC_IFNAME, "nosuch0");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(ENODEV, self->ans.err);
	EXPECT_STREQ("No such NIC", self->ans.msg);
}

TEST_F(nvirt, ifname_too_long)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	req_put_str(&self->req, NVIRT_A_NIC_IFNAME, "a23456789abcdef0");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("Attribute failed policy validation", self->ans.msg);
}

TEST_F(nvirt, ifname_ifindex_disagree)
{
	req_init(&self->req, self->family, NVIRT_CMD_NIC_SET);
	req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 1);
	req_put_str(&self->req, NVIRT_A_NIC_IFNAME, "nosuch0");
	req_put_u8(&self->req, NVIRT_A_NIC_MANAGED, 0);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("ifname does not match ifindex", self->ans.msg);
	EXPECT_EQ(1, lo_managed(_metadata, self));
}

TEST_F(nvirt, managed_out_of_range)
{
	EXPECT_EQ(ERANGE, set_lo_managed(self, 2));
	EXPECT_STREQ("integer out of range", self->ans.msg);
	EXPECT_EQ(1, lo_managed(_metadata, self));
}

TEST_F(nvirt, set_and_restore)
{
	ASSERT_EQ(0, set_lo_managed(self, 0));
	EXPECT_EQ(0, lo_managed(_metadata, self));
	ASSERT_EQ(0, set_lo_managed(self, 1));
	EXPECT_EQ(1, lo_managed(_metadata, self));
}

/*
 * A NIC appearing between two parts of a dump marks the dump interrupted,
 * so clients know to restart it.
 */
TEST_F(nvirt, dump_interrupted)
{
	static char buf[BUF_SIZE];
	bool intr = false, done = false;
	int parts = 0;

	ASSERT_EQ(0, system("for i in $(seq 150); do echo link add nvd$i type dummy; done"
			    " | ip -b -"));
	req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
	self->req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	ASSERT_LT(0, send(self->fd, &self->req, self->req.nlh.nlmsg_len, 0));
	while (!done) {
		struct nlmsghdr *nlh;
		int n = recv(self->fd, buf, sizeof(buf), 0);

		ASSERT_LT(0, n);
		if (parts++ == 0)
			ASSERT_EQ(0, system("ip link add nvdx type dummy"));
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			intr |= !!(nlh->nlmsg_flags & NLM_F_DUMP_INTR);
			done |= nlh->nlmsg_type == NLMSG_DONE ||
				nlh->nlmsg_type == NLMSG_ERROR;
		}
	}
	system("ip link del nvdx; for i in $(seq 150); do echo link del nvd$i; done"
	       " | ip -b -");
	ASSERT_LT(1, parts) TH_LOG("the dump came in one part");
	EXPECT_TRUE(intr);
}

/* The objects a dump of @cmd lists in the caller's namespace, or -1. */
static int dump_count(FIXTURE_DATA(nvirt) *self, __u8 cmd)
{
	static char buf[BUF_SIZE];
	bool done = false;
	int count = 0;

	req_init(&self->req, self->family, cmd);
	self->req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	if (send(self->fd, &self->req, self->req.nlh.nlmsg_len, 0) < 0)
		return -1;
	while (!done) {
		struct nlmsghdr *nlh;
		int n = recv(self->fd, buf, sizeof(buf), 0);

		if (n <= 0)
			return -1;
		for (nlh = (void *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			count += nlh->nlmsg_type == self->family;
			done |= nlh->nlmsg_type == NLMSG_DONE ||
				nlh->nlmsg_type == NLMSG_ERROR;
		}
	}
	return count;
}

/* vif-new on lo, plus one attribute of the test's choosing. */
static void vif_new_lo(FIXTURE_DATA(nvirt) *self, const char *name)
{
	req_init(&self->req, self->family, NVIRT_CMD_VIF_NEW);
	if (name)
		req_put_str(&self->req, NVIRT_A_VIF_NAME, name);
	req_put_str(&self->req, NVIRT_A_VIF_PARENT_IFNAME, "lo");
}

TEST_F(nvirt, vif_new_needs_a_name)
{
	vif_new_lo(self, NULL);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_EQ((unsigned int)NVIRT_A_VIF_NAME, self->ans.miss_type);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

TEST_F(nvirt, vif_mac_wrong_length)
{
	static const __u8 mac[5] = { 2, 0, 0, 0, 1 };

	vif_new_lo(self, "nvx0");
	req_put(&self->req, NVIRT_A_VIF_MAC, mac, sizeof(mac));
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	/* NLA_POLICY_EXACT_LEN is a length range to the policy checker. */
	EXPECT_EQ(ERANGE, self->ans.err);
	ASSERT_TRUE(self->ans.have_offs);
	EXPECT_EQ(attr_offset(&self->req, 2), self->ans.offs);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

TEST_F(nvirt, vif_vlan_out_of_range)
{
	__u16 vlan = 4095;

	vif_new_lo(self, "nvx0");
	req_put(&self->req, NVIRT_A_VIF_VLAN, &vlan, sizeof(vlan));
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(ERANGE, self->ans.err);
	EXPECT_STREQ("integer out of range", self->ans.msg);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

/*
 * A VIF's netdev takes its name as is: a "%d" template, which the kernel
 * would expand into another name, is refused; so are invalid names.
 */
TEST_F(nvirt, vif_name_template_refused)
{
	vif_new_lo(self, "nvx%d");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("nvx%d is not a valid interface name", self->ans.msg);
	vif_new_lo(self, "nvx/0");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

/* The backend refuses what it cannot stack on, and says why. */
TEST_F(nvirt, vif_on_loopback_refused)
{
	vif_new_lo(self, "nvx0");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EOPNOTSUPP, self->ans.err);
	EXPECT_STREQ("lo is not an Ethernet NIC nvirt can stack on", self->ans.msg);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

TEST_F(nvirt, vif_get_unknown)
{
	req_init(&self->req, self->family, NVIRT_CMD_VIF_GET);
	req_put_str(&self->req, NVIRT_A_VIF_NAME, "nosuch0");
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(ENOENT, self->ans.err);
	EXPECT_STREQ("No such VIF", self->ans.msg);
}

TEST_F(nvirt, policy_new_needs_a_name)
{
	struct nlattr *nest;

	req_init(&self->req, self->family, NVIRT_CMD_POLICY_NEW);
	nest = req_nest_start(&self->req, NVIRT_A_NAMED_POLICY_POLICY);
	req_put_u8(&self->req, NVIRT_A_POLICY_GOAL, NVIRT_GOAL_LATENCY);
	req_nest_end(&self->req, nest);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_EQ((unsigned int)NVIRT_A_NAMED_POLICY_NAME, self->ans.miss_type);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_POLICY_GET));
}

TEST_F(nvirt, policy_goal_out_of_range)
{
	struct nlattr *nest;

	req_init(&self->req, self->family, NVIRT_CMD_POLICY_NEW);
	req_put_str(&self->req, NVIRT_A_NAMED_POLICY_NAME, "gold");
	nest = req_nest_start(&self->req, NVIRT_A_NAMED_POLICY_POLICY);
	req_put_u8(&self->req, NVIRT_A_POLICY_GOAL, NVIRT_GOAL_DENSITY + 1);
	req_nest_end(&self->req, nest);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(ERANGE, self->ans.err);
	EXPECT_STREQ("integer out of range", self->ans.msg);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_POLICY_GET));
}

/* A VIF's rates are its own attributes, not its policy nest's. */
TEST_F(nvirt, vif_policy_rates_refused)
{
	struct nlattr *nest;

	vif_new_lo(self, "nvx0");
	nest = req_nest_start(&self->req, NVIRT_A_VIF_POLICY);
	req_put_u32(&self->req, NVIRT_A_POLICY_MAX_RATE, 10);
	req_nest_end(&self->req, nest);
	ASSERT_EQ(0, transact(self->fd, &self->req, &self->ans));
	EXPECT_EQ(EINVAL, self->ans.err);
	EXPECT_STREQ("A VIF's rates are its max-rate and min-rate", self->ans.msg);
	EXPECT_EQ(0, dump_count(self, NVIRT_CMD_VIF_GET));
}

/* An unprivileged user may look but not change: EPERM, nothing changed. */
TEST_F(nvirt, unprivileged_set_refused)
{
	int status;
	pid_t pid;

	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		close(self->fd);
		if (setgid(65534) || setuid(65534))
			_exit(2);
		self->fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
		if (self->fd < 0 || family_id(self->fd) != self->family)
			_exit(6);
		req_init(&self->req, self->family, NVIRT_CMD_NIC_GET);
		req_put_u32(&self->req, NVIRT_A_NIC_IFINDEX, 1);
		if (transact(self->fd, &self->req, &self->ans) || self->ans.err)
			_exit(3);
		if (set_lo_managed(self, 0) != EPERM)
			_exit(5);
		vif_new_lo(self, "nvx0");
		if (transact(self->fd, &self->req, &self->ans) ||
		    self->ans.err != EPERM)
			_exit(7);
		req_init(&self->req, self->family, NVIRT_CMD_POLICY_NEW);
		req_put_str(&self->req, NVIRT_A_NAMED_POLICY_NAME, "gold");
		if (transact(self->fd, &self->req, &self->ans) ||
		    self->ans.err != EPERM)
			_exit(8);
		if (dump_count(self, NVIRT_CMD_POLICY_GET) != 0)
			_exit(9);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(1, lo_managed(_metadata, self));
}

TEST_HARNESS_MAIN
